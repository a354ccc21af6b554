/**
 * Two pytorch/examples ports run as a user runs them: notebook cells through `torchlab run` (the real
 * kernel, its prelude, the type checker and the notebook dialect: operators on tensors, `1.` float
 * literals, top-level code), written as the Python reads. regression/main.py prints PyTorch's fitted
 * polynomial (test/reference/regression.json); reinforcement_learning/actor_critic.py on the
 * deterministic ToyCart prints PyTorch's episodes (test/reference/actor_critic.json).
 */
import * as fs from "fs";
import * as path from "path";
import { printedText, sectionsForSuite, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

const load = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", name), "utf8")) as Record<string, unknown>;

const REGRESSION = [
  `torch.manual_seed(0);
const POLY_DEGREE = 4;
const W_target = torch.randn(POLY_DEGREE, 1) * 5;
const b_target = torch.randn(1) * 5;`,
  `/** Builds features i.e. a matrix with columns [x, x^2, x^3, x^4]. */
function make_features(x: torch.Tensor): torch.Tensor {
  x = x.unsqueeze(1);
  return torch.cat(Array.from({length: POLY_DEGREE}, (_, i) => x ** (i + 1)), 1);
}
/** Approximated function. */
function f(x: torch.Tensor): torch.Tensor {
  return x.mm(W_target) + b_target.item();
}
/** Python's '{:+.2f}'.format(x). */
const signed = (x: number) => (x >= 0 ? "+" : "") + x.toFixed(2);
/** Creates a string description of a polynomial. */
function poly_desc(W: torch.Tensor, b: torch.Tensor): string {
  let result = 'y = ';
  for (const [i, w] of [...W].entries()) result += \`\${signed(w.item())} x^\${i + 1} \`;
  result += signed(b[0].item());
  return result;
}
/** Builds a batch i.e. (x, f(x)) pair. */
function get_batch(batch_size = 32): [torch.Tensor, torch.Tensor] {
  const random = torch.randn(batch_size);
  const x = make_features(random);
  const y = f(x);
  return [x, y];
}`,
  `// Define model
const fc = new torch.nn.Linear(W_target.size(0), 1);
let loss = 0.;
let batch_idx = 1;
for (; ; batch_idx++) {
  // Get data
  const [batch_x, batch_y] = get_batch();
  // Reset gradients
  fc.zero_grad();
  // Forward pass
  const output = F.smooth_l1_loss(fc(batch_x), batch_y);
  loss = output.item();
  // Backward pass
  output.backward();
  // Apply gradients
  for (const param of fc.parameters()) param.data.add_(-0.1 * param.grad!);
  // Stop criterion
  if (loss < 1e-3) break;
}
console.log(\`Loss: \${loss.toFixed(6)} after \${batch_idx} batches\`);
console.log('==> Learned function:\\t' + poly_desc(fc.weight.view(-1), fc.bias!));
console.log('==> Actual function:\\t' + poly_desc(W_target.view(-1), b_target));`,
];

const ACTOR_CRITIC = [
  `/** gen_actor_critic.py's ToyCart: gym's reset / step interface, deterministic float64 dynamics. */
class ToyCart {
  spec = {reward_threshold: 13.};
  episode = 0; t = 0; state: number[] = [];
  reset(options: {seed?: number} = {}): [number[], {}] {
    if (options.seed !== undefined) this.episode = options.seed % 7;
    const k = this.episode++;
    this.t = 0;
    this.state = [0., 0., (((k * 7) % 11) - 5) * 0.002, (((k * 3) % 5) - 2) * 0.01];
    return [this.state, {}];
  }
  step(action: number): [number[], number, boolean, boolean, {}] {
    const f = action === 1 ? 1. : -1.;
    let [x, v, th, w] = this.state;
    v = v + 0.02 * f; x = x + 0.02 * v; w = w + 0.05 * th - 0.03 * f; th = th + 0.1 * w;
    this.state = [x, v, th, w];
    this.t += 1;
    return [this.state, 1., Math.abs(th) > 0.2 || Math.abs(x) > 2.4, this.t >= 20, {}];
  }
}
const args = {gamma: 0.99, seed: 543, log_interval: 5};
const env = new ToyCart();
env.reset({seed: args.seed});
torch.manual_seed(args.seed);`,
  `type SavedAction = {log_prob: torch.Tensor, value: torch.Tensor};
/** implements both actor and critic in one model */
class Policy extends nn.Module {
  affine1 = new nn.Linear(4, 128);
  action_head = new nn.Linear(128, 2);   // actor's layer
  value_head = new nn.Linear(128, 1);    // critic's layer
  saved_actions: SavedAction[] = [];     // action & reward buffer
  rewards: number[] = [];
  forward(x: torch.Tensor): [torch.Tensor, torch.Tensor] {
    x = F.relu(this.affine1(x));
    const action_prob = F.softmax(this.action_head(x), {dim: -1});
    const state_values = this.value_head(x);
    return [action_prob, state_values];
  }
}
const model = new Policy();
const optimizer = new torch.optim.Adam(model.parameters(), {lr: 3e-2});
const eps = torch.finfo(torch.float32).eps;`,
  `function select_action(state: number[]): number {
  const probs_value = model(torch.tensor(state).float());
  const [probs, state_value] = probs_value;
  const m = new torch.distributions.Categorical(probs);
  const action = m.sample();
  model.saved_actions.push({log_prob: m.log_prob(action), value: state_value});
  return action.item();
}
function finish_episode() {
  let R = 0;
  const saved_actions = model.saved_actions;
  const policy_losses: torch.Tensor[] = [];
  const value_losses: torch.Tensor[] = [];
  const rets: number[] = [];
  for (const r of [...model.rewards].reverse()) {
    R = r + args.gamma * R;
    rets.unshift(R);
  }
  let returns = torch.tensor(rets);
  returns = (returns - returns.mean()) / (returns.std() + eps);
  for (const [i, R] of [...returns].entries()) {
    const {log_prob, value} = saved_actions[i];
    const advantage = R - value.item();
    policy_losses.push(-log_prob * advantage);
    value_losses.push(F.smooth_l1_loss(value, torch.tensor([R])));
  }
  optimizer.zero_grad();
  const loss = torch.stack(policy_losses).sum() + torch.stack(value_losses).sum();
  loss.backward();
  optimizer.step();
  model.rewards.length = 0;
  model.saved_actions.length = 0;
}`,
  `let running_reward = 10;
for (let i_episode = 1; ; i_episode++) {
  let [state] = env.reset();
  let ep_reward = 0;
  let t = 1;
  for (; t < 10000; t++) {
    const action = select_action(state);
    const [next, reward, terminated, truncated] = env.step(action);
    state = next;
    model.rewards.push(reward);
    ep_reward += reward;
    if (terminated || truncated) break;
  }
  running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward;
  finish_episode();
  if (i_episode % args.log_interval == 0)
    console.log(\`Episode \${i_episode}\\tLast reward: \${ep_reward.toFixed(2)}\\tAverage reward: \${running_reward.toFixed(2)}\`);
  if (running_reward > env.spec.reward_threshold) {
    console.log(\`Solved! Running reward is now \${running_reward} and the last episode runs to \${t} time steps!\`);
    break;
  }
}`,
];

describe("pytorch/examples ports as notebooks through `torchlab run`", () => {
  // One notebook, one kernel: the second section starts from a reseeded torch, as a fresh kernel would.
  const nbs = sectionsForSuite("examples", { examples: { regression: REGRESSION, actor_critic: ACTOR_CRITIC } }, 300_000);

  test("regression: the fitted and the actual polynomial print as PyTorch's", () => {
    const want = load("regression.json").printed as string[];
    const got = printedText(nbs.regression).replace(/\n$/, "").split("\n");
    expect(got[0]).toMatch(/^Loss: 0\.000\d{3} after \d+ batches$/);
    expectSamePrint(got[1], want[1], 0.3);
    expect(got[2]).toBe(want[2]);
  });

  test("actor_critic: the episodes print as PyTorch's", () => {
    expect(printedText(nbs.actor_critic).replace(/\n$/, "").split("\n")).toEqual(load("actor_critic.json").printed);
  });
});
