/**
 * addmm's weight gradient handed to TBackward0 in transposed form (src/autograd/backward.ts,
 * transposedGrad): every way the `w.t()` node can be consumed must give the gradients that the plain
 * composition (matmul + add, no addmm) gives.
 */
import { torch, Tensor } from "../../src";

const F = torch.nn.functional;

function grads(ts: Tensor[]): number[][] {
  return ts.map((t) => Array.from((t.grad as Tensor).dataSync()));
}

function expectClose(a: number[][], b: number[][]): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(b[i][j], 5)));
}

function leaves(seed: number): [Tensor, Tensor, Tensor] {
  torch.manual_seed(seed);
  return [torch.randn(4, 5).requires_grad_(), torch.randn(3, 5).requires_grad_(), torch.randn(3).requires_grad_()];
}

test("F.linear's gradients equal those of x @ w.T + b written out", () => {
  const [x, w, b] = leaves(1);
  F.linear(x, w, b).pow(2).sum().backward();
  const [x2, w2, b2] = leaves(1);
  x2.matmul(w2.T).add(b2).pow(2).sum().backward();
  expectClose(grads([x, w, b]), grads([x2, w2, b2]));
});

test("w.t() used by addmm and by another op: the gradients add up", () => {
  const [x, w, b] = leaves(2);
  const wt = w.t();
  torch.addmm(b, x, wt).sum().add(wt.mul(3).sum()).backward();
  const [x2, w2, b2] = leaves(2);
  x2.matmul(w2.T).add(b2).sum().add(w2.mul(3).sum()).backward();
  expectClose(grads([x, w, b]), grads([x2, w2, b2]));
});

test("retain_grad on w.t() keeps its gradient in w.t()'s shape", () => {
  const [x, w, b] = leaves(3);
  const wt = w.t();
  wt.retain_grad();
  torch.addmm(b, x, wt).sum().backward();
  expect(wt.grad!.shape).toEqual([5, 3]);
  const wg = Array.from((w.grad as Tensor).t().contiguous().dataSync());
  Array.from(wt.grad!.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(wg[i], 6));
});

test("a Linear layer inside a non-leaf chain, trained in a loop, and a second backward raises", () => {
  torch.manual_seed(4);
  const lin = new torch.nn.Linear(5, 2);
  const opt = new torch.optim.SGD(lin.parameters(), { lr: 0.1 });
  const x = torch.randn(8, 5);
  const y = torch.randn(8, 2);
  const train = (): number[] => {
    const losses: number[] = [];
    for (let i = 0; i < 20; i++) {
      opt.zero_grad();
      const loss = F.mse_loss(lin(x), y);
      loss.backward();
      opt.step();
      losses.push(loss.item());
    }
    return losses;
  };
  const losses = train();
  expect(losses[19]).toBeLessThan(losses[0]);
  const loss = F.mse_loss(lin(x), y);
  loss.backward();
  expect(() => loss.backward()).toThrow("Trying to backward through the graph a second time");
});

test("the weight of addmm given as a plain matrix (no t()) still gets its own gradient", () => {
  const [x, w, b] = leaves(5);
  const m = w.t().contiguous().detach().requires_grad_();
  torch.addmm(b, x, m).sum().backward();
  const [x2, w2, b2] = leaves(5);
  torch.addmm(b2, x2, w2.t()).sum().backward();
  expectClose([Array.from(m.grad!.t().contiguous().dataSync())], [Array.from(w2.grad!.dataSync())]);
  expectClose(grads([x, b]), grads([x2, b2]));
});
