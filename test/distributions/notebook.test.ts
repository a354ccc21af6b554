/**
 * torch.distributions in a notebook: REINFORCE (pytorch/examples reinforcement_learning/reinforce.py)
 * written in cells as a user ports it, operators and `returns[i]` included, run by the built CLI
 * through the kernel (type-checking, the dialect rewrite, execution). The seeded actions, losses and
 * the trained layer are PyTorch's (test/reference/gen_distributions.py, section reinforce).
 */
import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "../kernel/helpers";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "distributions.json"), "utf8")).reinforce as {
  actions: number[];
  losses: number[];
  affine2_weight: { values: number[] };
};

const CELLS = [
  `const { Categorical } = torch.distributions;

class Policy extends nn.Module {
  affine1 = new nn.Linear(4, 128);
  dropout = new nn.Dropout({p: 0.6});
  affine2 = new nn.Linear(128, 2);
  saved_log_probs: torch.Tensor[] = [];
  rewards: number[] = [];
  forward(x: torch.Tensor): torch.Tensor {
    x = this.affine1(x);
    x = this.dropout(x);
    x = F.relu(x);
    const action_scores = this.affine2(x);
    return F.softmax(action_scores, {dim: 1});
  }
}
torch.manual_seed(543);
const policy = new Policy();
const optimizer = new optim.Adam(policy.parameters(), {lr: 1e-2});
const eps = torch.finfo(torch.float32).eps;
const gamma = 0.99;`,
  `function select_action(state: torch.Tensor): number {
  state = state.float().unsqueeze(0);
  const probs = policy(state);
  const m = new Categorical(probs);
  const action = m.sample();
  policy.saved_log_probs.push(m.log_prob(action));
  return action.item();
}

function finish_episode(): number {
  let R = 0;
  const policy_loss: torch.Tensor[] = [];
  const rs: number[] = [];
  for (const r of [...policy.rewards].reverse()) {
    R = r + gamma * R;
    rs.unshift(R);
  }
  let returns = torch.tensor(rs);
  returns = (returns - returns.mean()) / (returns.std() + eps);
  policy.saved_log_probs.forEach((log_prob, i) => policy_loss.push(-log_prob * returns[i]));
  optimizer.zero_grad();
  const loss = torch.cat(policy_loss).sum();
  loss.backward();
  optimizer.step();
  policy.rewards.length = 0;
  policy.saved_log_probs.length = 0;
  return loss.item();
}`,
  `const actions: number[] = [];
const losses: number[] = [];
for (let episode = 0; episode < 3; episode++) {
  for (let t = 0; t < 6; t++) {
    const state = torch.sin(torch.arange(4.0) * (0.3 + 0.1 * t) + episode);
    const action = select_action(state);
    actions.push(action);
    policy.rewards.push(action == t % 2 ? 1.0 : 0.5);
  }
  losses.push(finish_episode());
}
console.log(JSON.stringify({ actions, losses, w: Array.from(policy.affine2.weight.detach().dataSync()) }));`,
  `const m = new Categorical({logits: torch.tensor([1.0, 2.0])}); m`,
];

test("REINFORCE with Categorical, ported into notebook cells, picks PyTorch's actions and trains to PyTorch's weights", async () => {
  const dir = tempDir("torchlab-dist-");
  fs.writeFileSync(path.join(dir, "reinforce.ipynb"), JSON.stringify(notebook(CELLS)));
  const run = await runCli(["run", path.join(dir, "reinforce.ipynb"), "--out", dir]);
  if (run.status !== 0) throw new Error(run.stderr + run.stdout);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "reinforce.ipynb"), "utf8"));
  const text = (k: number): string => {
    const o = nb.cells[k].outputs.find((x: { output_type: string }) => x.output_type === "execute_result");
    const t = o.data["text/plain"];
    return Array.isArray(t) ? t.join("") : t;
  };
  const stream = nb.cells[2].outputs.find((x: { output_type: string; name?: string }) => x.output_type === "stream" && x.name === "stdout");
  const got = JSON.parse(Array.isArray(stream.text) ? stream.text.join("") : stream.text) as { actions: number[]; losses: number[]; w: number[] };
  expect(got.actions).toEqual(R.actions);
  got.losses.forEach((l, i) => expect(Math.abs(l - R.losses[i])).toBeLessThan(2e-5));
  got.w.forEach((v, i) => expect(Math.abs(v - R.affine2_weight.values[i])).toBeLessThan(1e-4));
  expect(text(3)).toBe("Categorical(logits: torch.Size([2]))");
}, 300000);
