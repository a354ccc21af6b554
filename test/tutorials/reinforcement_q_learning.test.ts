/**
 * "Reinforcement Learning (DQN) Tutorial" (pytorch/tutorials intermediate_source/
 * reinforcement_q_learning.py, the state-vector version) ported line by line against PyTorch 1.13
 * (test/reference/gen_reinforcement_q_learning.py): Transition records and a ReplayMemory with
 * random.sample, the three-layer DQN, epsilon-greedy select_action with `policy_net(state).max(1)[1]`,
 * optimize_model (non-final mask, gather, `next_state_values[non_final_mask] = ...` under no_grad,
 * SmoothL1Loss, clip_grad_value_, AdamW with amsgrad) and the soft target update through state_dict /
 * load_state_dict. gym's CartPole-v1 is the generator's CartPole: gym's physics, the same float64
 * arithmetic here; Python's `random` is src/random.ts (CPython's Mersenne Twister), so both sides
 * take the same actions. Shrunk: BATCH_SIZE 16, 6 episodes.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { Random as PythonRandom } from "../../src/random";
import { expectValues } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "reinforcement_q_learning.json"), "utf8")) as {
  episode_durations: number[];
  steps_done: number;
  losses: number[];
  greedy_steps: number;
  memory_len: number;
  target_sums: Record<string, number>;
  policy_sums: Record<string, number>;
  probe: { random: number; randrange: number; sample: number[]; sample_big: number[] };
};

/** gym's CartPole-v1 dynamics (gen_reinforcement_q_learning.py's CartPole); reset draws from its own Random. */
class CartPole {
  gravity = 9.8;
  masscart = 1.0;
  masspole = 0.1;
  total_mass = this.masspole + this.masscart;
  length = 0.5; // actually half the pole's length
  polemass_length = this.masspole * this.length;
  force_mag = 10.0;
  tau = 0.02; // seconds between state updates
  theta_threshold_radians = (12 * 2 * Math.PI) / 360;
  x_threshold = 2.4;
  max_episode_steps = 500;
  np_random: PythonRandom;
  state: number[] = [];
  elapsed_steps = 0;
  action_space = { n: 2 };

  constructor(seed: number) {
    this.np_random = new PythonRandom(seed);
  }

  reset(): [number[], Record<string, never>] {
    this.state = [0, 1, 2, 3].map(() => this.np_random.uniform(-0.05, 0.05));
    this.elapsed_steps = 0;
    return [Array.from(Float32Array.from(this.state)), {}];
  }

  step(action: number): [number[], number, boolean, boolean, Record<string, never>] {
    let [x, x_dot, theta, theta_dot] = this.state;
    const force = action === 1 ? this.force_mag : -this.force_mag;
    const costheta = Math.cos(theta);
    const sintheta = Math.sin(theta);
    const temp = (force + this.polemass_length * theta_dot ** 2 * sintheta) / this.total_mass;
    const thetaacc = (this.gravity * sintheta - costheta * temp) / (this.length * (4.0 / 3.0 - (this.masspole * costheta ** 2) / this.total_mass));
    const xacc = temp - (this.polemass_length * thetaacc * costheta) / this.total_mass;
    x = x + this.tau * x_dot;
    x_dot = x_dot + this.tau * xacc;
    theta = theta + this.tau * theta_dot;
    theta_dot = theta_dot + this.tau * thetaacc;
    this.state = [x, x_dot, theta, theta_dot];
    const terminated = x < -this.x_threshold || x > this.x_threshold || theta < -this.theta_threshold_radians || theta > this.theta_threshold_radians;
    this.elapsed_steps += 1;
    const truncated = this.elapsed_steps >= this.max_episode_steps;
    return [Array.from(Float32Array.from(this.state)), 1.0, terminated, truncated, {}];
  }
}

// Transition = namedtuple('Transition', ('state', 'action', 'next_state', 'reward'))
interface Transition {
  state: Tensor;
  action: Tensor;
  next_state: Tensor | null;
  reward: Tensor;
}
const Transition = (state: Tensor, action: Tensor, next_state: Tensor | null, reward: Tensor): Transition => ({ state, action, next_state, reward });

class ReplayMemory {
  memory: Transition[] = [];
  constructor(
    public capacity: number,
    private random: PythonRandom,
  ) {}

  /** Save a transition (deque([], maxlen=capacity): the oldest one drops out). */
  push(...args: Parameters<typeof Transition>): void {
    this.memory.push(Transition(...args));
    if (this.memory.length > this.capacity) this.memory.shift();
  }

  sample(batch_size: number): Transition[] {
    return this.random.sample(this.memory, batch_size);
  }

  get length(): number {
    return this.memory.length;
  }
}

class DQN extends nn.Module {
  layer1: InstanceType<typeof nn.Linear>;
  layer2: InstanceType<typeof nn.Linear>;
  layer3: InstanceType<typeof nn.Linear>;
  constructor(n_observations: number, n_actions: number) {
    super();
    this.layer1 = new nn.Linear(n_observations, 128);
    this.layer2 = new nn.Linear(128, 128);
    this.layer3 = new nn.Linear(128, n_actions);
  }

  // Called with either one element to determine next action, or a batch
  // during optimization. Returns tensor([[left0exp,right0exp]...]).
  forward(x: Tensor): Tensor {
    x = F.relu(this.layer1(x));
    x = F.relu(this.layer2(x));
    return this.layer3(x);
  }
}

test("reinforcement_q_learning: DQN on CartPole takes PyTorch's actions and losses", () => {
  const random = new PythonRandom(0); // random.seed(0)
  torch.manual_seed(0);
  const env = new CartPole(1); // gym.make("CartPole-v1")
  const device = torch.device("cpu");

  const BATCH_SIZE = 16; // 128 in the tutorial
  const GAMMA = 0.99;
  const EPS_START = 0.9;
  const EPS_END = 0.05;
  const EPS_DECAY = 1000;
  const TAU = 0.005;
  const LR = 1e-4;

  // Get number of actions from gym action space
  const n_actions = env.action_space.n;
  // Get the number of state observations
  const [state0] = env.reset();
  const n_observations = state0.length;

  const policy_net = new DQN(n_observations, n_actions).to(device);
  const target_net = new DQN(n_observations, n_actions).to(device);
  target_net.load_state_dict(policy_net.state_dict());

  const optimizer = new optim.AdamW(policy_net.parameters(), { lr: LR, amsgrad: true });
  const memory = new ReplayMemory(10000, random);

  let steps_done = 0;
  let greedy_steps = 0;

  function select_action(state: Tensor): Tensor {
    const sample = random.random();
    const eps_threshold = EPS_END + (EPS_START - EPS_END) * Math.exp((-1 * steps_done) / EPS_DECAY);
    steps_done += 1;
    if (sample > eps_threshold) {
      greedy_steps += 1;
      return torch.no_grad(() => {
        // t.max(1) will return the largest column value of each row.
        // second column on max result is index of where max element was
        // found, so we pick action with the larger expected reward.
        return policy_net(state).max(1)[1].view(1, 1);
      });
    } else {
      return torch.tensor([[random.randrange(n_actions)]], { device, dtype: torch.long });
    }
  }

  const episode_durations: number[] = [];
  const losses: number[] = [];

  function optimize_model(): void {
    if (memory.length < BATCH_SIZE) return;
    const transitions = memory.sample(BATCH_SIZE);
    // Transpose the batch: Transition(*zip(*transitions)), a Transition of batch-arrays.
    const batch = {
      state: transitions.map((t) => t.state),
      action: transitions.map((t) => t.action),
      next_state: transitions.map((t) => t.next_state),
      reward: transitions.map((t) => t.reward),
    };

    // Compute a mask of non-final states and concatenate the batch elements
    // (a final state would've been the one after which simulation ended)
    const non_final_mask = torch.tensor(batch.next_state.map((s) => s !== null), { device, dtype: torch.bool });
    const non_final_next_states = torch.cat(batch.next_state.filter((s): s is Tensor => s !== null));
    const state_batch = torch.cat(batch.state);
    const action_batch = torch.cat(batch.action);
    const reward_batch = torch.cat(batch.reward);

    // Compute Q(s_t, a) - the model computes Q(s_t), then we select the
    // columns of actions taken. These are the actions which would've been taken
    // for each batch state according to policy_net
    const state_action_values = policy_net(state_batch).gather(1, action_batch);

    // Compute V(s_{t+1}) for all next states.
    const next_state_values = torch.zeros(BATCH_SIZE, { device });
    torch.no_grad(() => {
      next_state_values.setitem(non_final_mask, target_net(non_final_next_states).max(1)[0]);
    });
    // Compute the expected Q values
    const expected_state_action_values = next_state_values.mul(GAMMA).add(reward_batch);

    // Compute Huber loss
    const criterion = new nn.SmoothL1Loss();
    const loss = criterion(state_action_values, expected_state_action_values.unsqueeze(1));
    losses.push(loss.item());

    // Optimize the model
    optimizer.zero_grad();
    loss.backward();
    // In-place gradient clipping
    torch.nn.utils.clip_grad_value_(policy_net.parameters(), 100);
    optimizer.step();
  }

  const num_episodes = 6; // 600 with a GPU, 50 without, in the tutorial

  for (let i_episode = 0; i_episode < num_episodes; i_episode++) {
    // Initialize the environment and get it's state
    const [s, info] = env.reset();
    void info;
    let state: Tensor | null = torch.tensor(s, { dtype: torch.float32, device }).unsqueeze(0);
    for (let t = 0; ; t++) {
      const action = select_action(state as Tensor);
      const [observation, r, terminated, truncated] = env.step(action.item());
      const reward = torch.tensor([r], { device });
      const done = terminated || truncated;

      let next_state: Tensor | null;
      if (terminated) next_state = null;
      else next_state = torch.tensor(observation, { dtype: torch.float32, device }).unsqueeze(0);

      // Store the transition in memory
      memory.push(state as Tensor, action, next_state, reward);

      // Move to the next state
      state = next_state;

      // Perform one step of the optimization (on the policy network)
      optimize_model();

      // Soft update of the target network's weights
      // θ′ ← τ θ + (1 −τ )θ′
      const target_net_state_dict = target_net.state_dict();
      const policy_net_state_dict = policy_net.state_dict();
      for (const key in policy_net_state_dict) {
        target_net_state_dict[key] = policy_net_state_dict[key].mul(TAU).add(target_net_state_dict[key].mul(1 - TAU));
      }
      target_net.load_state_dict(target_net_state_dict);

      if (done) {
        episode_durations.push(t + 1);
        break;
      }
    }
  }

  expect(episode_durations).toEqual(REF.episode_durations);
  expect(steps_done).toBe(REF.steps_done);
  expect(greedy_steps).toBe(REF.greedy_steps);
  expect(memory.length).toBe(REF.memory_len);
  expectValues(losses, REF.losses, 1e-4);
  const sums = (sd: Record<string, Tensor>) => Object.keys(REF.target_sums).map((k) => sd[k].sum().item());
  expectValues(sums(target_net.state_dict()), Object.values(REF.target_sums), 1e-4);
  expectValues(sums(policy_net.state_dict()), Object.values(REF.policy_sums), 1e-4);
  // The generator's random module after the run: its next draws.
  expect(random.random()).toBe(REF.probe.random);
  expect(random.randrange(1000)).toBe(REF.probe.randrange);
  expect(random.sample(Array.from({ length: 100 }, (_, i) => i), 5)).toEqual(REF.probe.sample);
  expect(random.sample(Array.from({ length: 10 }, (_, i) => i), 8)).toEqual(REF.probe.sample_big);
}, 60_000);
