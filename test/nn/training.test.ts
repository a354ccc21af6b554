/**
 * End to end: a small MLP learns a synthetic 3-class problem with plain SGD written against the
 * Module API (parameters, zero_grad, no_grad updates), and the loss falls.
 */
import { torch } from "../../src";

const nn = torch.nn;
const F = torch.nn.functional;

class MLP extends nn.Module {
  body: torch.nn.Sequential;
  constructor() {
    super();
    this.body = new nn.Sequential(new nn.Flatten(), new nn.Linear(4, 16), new nn.ReLU(true), new nn.Dropout(0.1), new nn.Linear(16, 3));
  }
  forward(x: torch.Tensor): torch.Tensor {
    return this.body(x);
  }
}

test("an MLP's cross-entropy loss falls under SGD", () => {
  torch.manual_seed(0);
  const x = torch.randn(64, 2, 2);
  // The class is which of three fixed directions the input points to most.
  const dirs = torch.randn(4, 3);
  const y = x.reshape(64, 4).matmul(dirs).argmax(1);
  const net = new MLP();
  const criterion = new nn.CrossEntropyLoss();
  const losses: number[] = [];
  for (let step = 0; step < 60; step++) {
    net.zero_grad();
    const loss = criterion(net(x), y);
    loss.backward();
    nn.utils.clip_grad_norm_(net.parameters(), 5);
    torch.no_grad(() => {
      for (const p of net.parameters()) p.sub_(p.grad!.mul(0.5));
    });
    losses.push(loss.item());
  }
  expect(losses[losses.length - 1]).toBeLessThan(0.5 * losses[0]);
  net.eval();
  const acc = torch.no_grad(() => net(x).argmax(1).eq(y).float().mean().item());
  expect(acc).toBeGreaterThan(0.8);
  // Evaluation does not record a graph, and F.softmax of the logits gives probabilities.
  const probs = torch.no_grad(() => F.softmax(net(x), 1));
  expect(probs.requires_grad).toBe(false);
  expect(probs.sum(1).allclose(torch.ones(64), { atol: 1e-5 })).toBe(true);
});
