/**
 * pytorch/examples reinforcement_learning/actor_critic.py ported line by line against PyTorch 1.13
 * (test/reference/gen_actor_critic.py): the Policy with actor (softmax) and critic heads, Categorical
 * sampling (PyTorch's draws: the same seeded generator), SavedAction records, the normalised discounted
 * returns with np.finfo(np.float32).eps, the policy + smooth_l1 value losses, Adam(lr=3e-2) and the
 * running-reward printouts until "Solved!". gym's CartPole-v1 is replaced by ToyCart, the generator's
 * tiny deterministic environment with gym's reset / step interface and the same float64 arithmetic.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectValues } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
const { Categorical } = torch.distributions;
type Tensor = InstanceType<typeof torch.Tensor>;
const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "actor_critic.json"), "utf8")) as Record<string, unknown>;

const printed: string[] = [];
const print = (s: string): void => void printed.push(s);
const losses: number[] = [];
const actions: number[] = [];

/** A cart whose pole falls unless pushed the right way: state [x, v, theta, omega] (gen_actor_critic.py's). */
class ToyCart {
  spec = { reward_threshold: 13.0 };
  episode = 0;
  t = 0;
  state: number[] = [];

  reset(options: { seed?: number } = {}): [number[], Record<string, never>] {
    if (options.seed !== undefined) this.episode = options.seed % 7;
    const k = this.episode;
    this.episode += 1;
    this.t = 0;
    this.state = [0.0, 0.0, (((k * 7) % 11) - 5) * 0.002, (((k * 3) % 5) - 2) * 0.01];
    return [this.state, {}];
  }

  step(action: number): [number[], number, boolean, boolean, Record<string, never>] {
    const f = action === 1 ? 1.0 : -1.0;
    let [x, v, th, w] = this.state;
    v = v + 0.02 * f;
    x = x + 0.02 * v;
    w = w + 0.05 * th - 0.03 * f;
    th = th + 0.1 * w;
    this.state = [x, v, th, w];
    this.t += 1;
    const terminated = Math.abs(th) > 0.2 || Math.abs(x) > 2.4;
    const truncated = this.t >= 20;
    return [this.state, 1.0, terminated, truncated, {}];
  }
}
const gym = { make: (name: string, options: { render_mode?: string | null } = {}): ToyCart => new ToyCart() };

const args = { gamma: 0.99, seed: 543, render: false, log_interval: 5 };
const render_mode = args.render ? "human" : null;
let env: ToyCart;

interface SavedAction {
  log_prob: Tensor;
  value: Tensor;
}

/** implements both actor and critic in one model */
class Policy extends nn.Module {
  affine1 = new nn.Linear(4, 128);

  // actor's layer
  action_head = new nn.Linear(128, 2);

  // critic's layer
  value_head = new nn.Linear(128, 1);

  // action & reward buffer
  saved_actions: SavedAction[] = [];
  rewards: number[] = [];

  /** forward of both actor and critic */
  forward(x: Tensor): [Tensor, Tensor] {
    x = F.relu(this.affine1(x));

    // actor: choses action to take from state s_t
    // by returning probability of each action
    const action_prob = F.softmax(this.action_head(x), { dim: -1 });

    // critic: evaluates being in the state s_t
    const state_values = this.value_head(x);

    // return values for both actor and critic as a tuple of 2 values:
    // 1. a list with the probability of each action over the action space
    // 2. the value from state s_t
    return [action_prob, state_values];
  }
}

test("actor_critic: Policy with actor and critic heads on a deterministic stand-in for CartPole until solved", () => {
  env = gym.make("CartPole-v1", { render_mode });
  env.reset({ seed: args.seed });
  torch.manual_seed(args.seed);

  const model = new Policy();
  const optimizer = new optim.Adam(model.parameters(), { lr: 3e-2 });
  const eps = torch.finfo(torch.float32).eps;

  function select_action(state: number[]): number {
    const state_ = torch.tensor(state).float();
    const [probs, state_value] = model(state_);

    // create a categorical distribution over the list of probabilities of actions
    const m = new Categorical(probs);

    // and sample an action using the distribution
    const action = m.sample();

    // save to action buffer
    model.saved_actions.push({ log_prob: m.log_prob(action), value: state_value });

    // the action to take (left or right)
    return action.item();
  }

  /** Training code. Calculates actor and critic loss and performs backprop. */
  function finish_episode(): void {
    let R = 0;
    const saved_actions = model.saved_actions;
    const policy_losses: Tensor[] = []; // list to save actor (policy) loss
    const value_losses: Tensor[] = []; // list to save critic (value) loss
    let returns: number[] | Tensor = []; // list to save the true values

    // calculate the true value using rewards returned from the environment
    for (const r of [...model.rewards].reverse()) {
      // calculate the discounted value
      R = r + args.gamma * R;
      returns.unshift(R);
    }

    returns = torch.tensor(returns);
    returns = returns.sub(returns.mean()).div(returns.std().add(eps));

    for (const [i, R] of [...returns].entries()) {
      const { log_prob, value } = saved_actions[i];
      const advantage = R.sub(value.item());

      // calculate actor (policy) loss
      policy_losses.push(log_prob.neg().mul(advantage));

      // calculate critic (value) loss using L1 smooth loss
      value_losses.push(F.smooth_l1_loss(value, torch.tensor([R])));
    }

    // reset gradients
    optimizer.zero_grad();

    // sum up all the policy_losses and value_losses
    const loss = torch.stack(policy_losses).sum().add(torch.stack(value_losses).sum());
    losses.push(loss.item());

    // perform backprop
    loss.backward();
    optimizer.step();

    // reset rewards and action buffer
    model.rewards.length = 0;
    model.saved_actions.length = 0;
  }

  function main(): void {
    let running_reward = 10;

    // run infinitely many episodes
    for (let i_episode = 1; ; i_episode++) {
      // reset environment and episode reward
      let [state] = env.reset();
      let ep_reward = 0;

      // for each episode, only run 9999 steps so that we don't
      // infinite loop while learning
      let t = 1;
      for (; t < 10000; t++) {
        // select action from policy
        const action = select_action(state);
        actions.push(action);

        // take the action
        let reward: number, terminated: boolean, truncated: boolean;
        [state, reward, terminated, truncated] = env.step(action);

        model.rewards.push(reward);
        ep_reward += reward;
        if (terminated || truncated) break;
      }

      // update cumulative reward
      running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward;

      // perform backprop
      finish_episode();

      // log results
      if (i_episode % args.log_interval === 0) {
        print(`Episode ${i_episode}\tLast reward: ${ep_reward.toFixed(2)}\tAverage reward: ${running_reward.toFixed(2)}`);
      }

      // check if we have "solved" the cart pole problem
      if (running_reward > env.spec.reward_threshold) {
        print(`Solved! Running reward is now ${running_reward} and the last episode runs to ${t} time steps!`);
        break;
      }
    }
  }

  main();
  expect(actions).toEqual(REF.actions);
  expectValues(losses, REF.losses as number[], 1e-3);
  expect(printed).toEqual(REF.printed);
  expectValues(model.value_head.weight.view(-1).index(":8"), REF.value_head_weight as number[], 1e-3);
});
