"""pytorch/examples reinforcement_learning/actor_critic.py, literal, with gym's CartPole-v1 replaced by
ToyCart: a tiny deterministic environment with gym's reset(seed=...) / step(action) interface, written
with the same float64 arithmetic in test/tutorials/actor_critic.test.ts (no gym here or in CI). Its
episodes stop after 20 steps (truncated) and its spec.reward_threshold is 13, so the example's loop ends
by itself after a few dozen episodes; log interval 5.

Writes test/reference/actor_critic.json (test/tutorials/actor_critic.test.ts).
"""
import argparse
import numpy as np
from itertools import count
from collections import namedtuple

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical

from _tutorial_common import write_json

printed = []


def print(*a):
    printed.append(" ".join(str(x) for x in a))


class ToyCart:
    """A cart whose pole falls unless pushed the right way: state [x, v, theta, omega] (float64)."""

    class spec:
        reward_threshold = 13.0

    def __init__(self):
        self.episode = 0

    def reset(self, seed=None):
        if seed is not None:
            self.episode = seed % 7
        k = self.episode
        self.episode += 1
        self.t = 0
        self.state = np.array([0.0, 0.0, ((k * 7) % 11 - 5) * 0.002, ((k * 3) % 5 - 2) * 0.01])
        return self.state, {}

    def step(self, action):
        f = 1.0 if action == 1 else -1.0
        x, v, th, w = self.state.tolist()
        v = v + 0.02 * f
        x = x + 0.02 * v
        w = w + 0.05 * th - 0.03 * f
        th = th + 0.1 * w
        self.state = np.array([x, v, th, w])
        self.t += 1
        terminated = abs(th) > 0.2 or abs(x) > 2.4
        truncated = self.t >= 20
        return self.state, 1.0, terminated, truncated, {}


class gym:
    @staticmethod
    def make(name, render_mode=None):
        return ToyCart()


args = argparse.Namespace(gamma=0.99, seed=543, render=False, log_interval=5)
render_mode = "human" if args.render else None
env = gym.make('CartPole-v1', render_mode=render_mode)
env.reset(seed=args.seed)
torch.manual_seed(args.seed)


SavedAction = namedtuple('SavedAction', ['log_prob', 'value'])


class Policy(nn.Module):
    """
    implements both actor and critic in one model
    """
    def __init__(self):
        super(Policy, self).__init__()
        self.affine1 = nn.Linear(4, 128)

        # actor's layer
        self.action_head = nn.Linear(128, 2)

        # critic's layer
        self.value_head = nn.Linear(128, 1)

        # action & reward buffer
        self.saved_actions = []
        self.rewards = []

    def forward(self, x):
        """
        forward of both actor and critic
        """
        x = F.relu(self.affine1(x))

        # actor: choses action to take from state s_t
        # by returning probability of each action
        action_prob = F.softmax(self.action_head(x), dim=-1)

        # critic: evaluates being in the state s_t
        state_values = self.value_head(x)

        # return values for both actor and critic as a tuple of 2 values:
        # 1. a list with the probability of each action over the action space
        # 2. the value from state s_t
        return action_prob, state_values


model = Policy()
optimizer = optim.Adam(model.parameters(), lr=3e-2)
eps = np.finfo(np.float32).eps.item()
losses = []
actions = []


def select_action(state):
    state = torch.from_numpy(state).float()
    probs, state_value = model(state)

    # create a categorical distribution over the list of probabilities of actions
    m = Categorical(probs)

    # and sample an action using the distribution
    action = m.sample()

    # save to action buffer
    model.saved_actions.append(SavedAction(m.log_prob(action), state_value))

    # the action to take (left or right)
    return action.item()


def finish_episode():
    """
    Training code. Calculates actor and critic loss and performs backprop.
    """
    R = 0
    saved_actions = model.saved_actions
    policy_losses = []  # list to save actor (policy) loss
    value_losses = []  # list to save critic (value) loss
    returns = []  # list to save the true values

    # calculate the true value using rewards returned from the environment
    for r in model.rewards[::-1]:
        # calculate the discounted value
        R = r + args.gamma * R
        returns.insert(0, R)

    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)

    for (log_prob, value), R in zip(saved_actions, returns):
        advantage = R - value.item()

        # calculate actor (policy) loss
        policy_losses.append(-log_prob * advantage)

        # calculate critic (value) loss using L1 smooth loss
        value_losses.append(F.smooth_l1_loss(value, torch.tensor([R])))

    # reset gradients
    optimizer.zero_grad()

    # sum up all the policy_losses and value_losses
    loss = torch.stack(policy_losses).sum() + torch.stack(value_losses).sum()
    losses.append(loss.item())

    # perform backprop
    loss.backward()
    optimizer.step()

    # reset rewards and action buffer
    del model.rewards[:]
    del model.saved_actions[:]


def main():
    running_reward = 10

    # run infinitely many episodes
    for i_episode in count(1):

        # reset environment and episode reward
        state, _ = env.reset()
        ep_reward = 0

        # for each episode, only run 9999 steps so that we don't
        # infinite loop while learning
        for t in range(1, 10000):

            # select action from policy
            action = select_action(state)
            actions.append(action)

            # take the action
            state, reward, terminated, truncated, _ = env.step(action)

            model.rewards.append(reward)
            ep_reward += reward
            if terminated or truncated:
                break

        # update cumulative reward
        running_reward = 0.05 * ep_reward + (1 - 0.05) * running_reward

        # perform backprop
        finish_episode()

        # log results
        if i_episode % args.log_interval == 0:
            print(f'Episode {i_episode}\tLast reward: {ep_reward:.2f}\tAverage reward: {running_reward:.2f}')

        # check if we have "solved" the cart pole problem
        if running_reward > env.spec.reward_threshold:
            print(f"Solved! Running reward is now {running_reward} and "
                  f"the last episode runs to {t} time steps!")
            break


main()
write_json({"printed": printed, "losses": losses, "actions": actions,
            "value_head_weight": model.value_head.weight.view(-1)[:8].tolist()}, "actor_critic.json")
