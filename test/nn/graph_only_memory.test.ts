/**
 * Tensors an op makes for its own backward (F.linear's transposed weight, max pooling's indices) are
 * freed with the graph, not left to the garbage collector; with the gradients still right, and
 * forward AD (whose lazy tangents read them after the op) untouched.
 */
import { torch } from "../../src";
import { setGcBudget } from "../../src/backend/memory";

type Tensor = torch.Tensor;
const F = torch.nn.functional;

afterEach(() => setGcBudget(null));

/** Backend tensors left per call of `step` when nothing is garbage-collected. */
function leftPerCall(step: () => void): number {
  step();
  setGcBudget(1e12);
  const before = torch.memory().numTensors;
  for (let i = 0; i < 10; i++) step();
  return (torch.memory().numTensors - before) / 10;
}

test("F.linear's transposed weight is freed by backward(): a step leaves what it made visible, no more", () => {
  torch.manual_seed(0);
  const w = torch.randn(5, 4, { requires_grad: true });
  const b = torch.randn(5, { requires_grad: true });
  const x = torch.randn(3, 4);
  // Left per step: y, y.pow(2) and the loss (the caller's), and the two gradients that replace the old ones.
  const left = leftPerCall(() => {
    w.grad = null;
    b.grad = null;
    F.linear(x, w, b).pow(2).sum().backward();
  });
  expect(left).toBe(5);
  // Under no_grad: y only.
  expect(leftPerCall(() => torch.no_grad(() => F.linear(x, w, b)))).toBe(1);
});

test("F.linear's gradients after the transposed weight is freed equal matmul's", () => {
  torch.manual_seed(0);
  const w = torch.randn(5, 4, { requires_grad: true });
  const x = torch.randn(3, 4, { requires_grad: true });
  const y = F.linear(x, w);
  y.pow(2).sum().backward();
  const w2 = w.detach().requires_grad_();
  const x2 = x.detach().requires_grad_();
  const y2 = x2.matmul(w2.transpose(0, 1).contiguous());
  y2.pow(2).sum().backward();
  expect(y.tolist()).toEqual(y2.tolist());
  expect(w.grad!.tolist()).toEqual(w2.grad!.tolist());
  expect(x.grad!.tolist()).toEqual(x2.grad!.tolist());
  expect(w.t().tolist()).toEqual(w2.t().tolist());
});

test("F.linear under forward AD still reads its transposed weight for the tangent", () => {
  torch.manual_seed(0);
  const w = torch.randn(3, 2);
  const x = torch.randn(4, 2);
  const v = torch.randn(4, 2);
  const fwAD = torch.autograd.forward_ad;
  const tangent = fwAD.dual_level(() => {
    const dual = fwAD.make_dual(x, v);
    return fwAD.unpack_dual(F.linear(dual, w)).tangent!;
  });
  expect(tangent.tolist()).toEqual(v.matmul(w.t()).tolist());
});

test("max_pool2d's indices are freed with the graph (and at once without one); return_indices keeps them", () => {
  torch.manual_seed(0);
  const x = torch.randn(2, 3, 8, 8, { requires_grad: true });
  // Left per step: the pooled values, the loss and x's new gradient.
  expect(leftPerCall(() => {
    x.grad = null;
    F.max_pool2d(x, 2).sum().backward();
  })).toBe(3);
  expect(leftPerCall(() => torch.no_grad(() => F.max_pool2d(x, 2)))).toBe(1);
  const [values, indices] = F.max_pool2d(x, 2, { return_indices: true }) as [Tensor, Tensor];
  values.sum().backward();
  expect(indices.shape).toEqual([2, 3, 4, 4]);
  expect(indices.max().item()).toBeLessThan(64);
});

test("max_pool2d's gradient after its indices are freed routes to the maxima", () => {
  const x = torch.tensor([[[[1, 5, 2, 0], [3, 4, 8, 1], [0, 0, 1, 1], [9, 2, 1, 7]]]], { dtype: torch.float32, requires_grad: true });
  F.max_pool2d(x, 2).mul(torch.tensor([[[[1, 2], [3, 4]]]])).sum().backward();
  expect(x.grad!.tolist()).toEqual([[[[0, 1, 0, 0], [0, 0, 2, 0], [0, 0, 0, 0], [3, 0, 0, 4]]]]);
});
