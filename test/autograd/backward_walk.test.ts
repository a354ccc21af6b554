/**
 * The backward sweep (src/autograd/backward.ts): a backward that raises part-way through the graph
 * leaves no tfjs tensors behind (the gradient handed to the failing node, the gradients already
 * parked for other nodes), and the walk's results are unchanged by how it is written: gradients
 * summed over a diamond, nodes whose inputs need no grad, deep chains.
 */
import { torch } from "../../src";
import { settle } from "../memory_settle";

type Tensor = torch.Tensor;
type FunctionCtx = torch.autograd.FunctionCtx;

class Boom extends torch.autograd.Function {
  static forward(_ctx: FunctionCtx, x: Tensor): Tensor {
    return x.mul(2);
  }
  static backward(_ctx: FunctionCtx, _g: Tensor): Tensor {
    throw new torch.RuntimeError("boom in backward");
  }
}

/** A graph whose sweep raises at a custom Function's backward, after other nodes have run. */
function userBackwardRaises(): void {
  const w = torch.randn([8, 8], { requires_grad: true });
  const h = Boom.apply(w.mul(3)).tanh();
  // A second branch whose gradient is parked for `w`'s MulBackward0 node when Boom raises.
  const loss = h.add(w.mul(w).sigmoid()).sum();
  expect(() => loss.backward()).toThrow("boom in backward");
}

/** A graph whose sweep raises at the version check of a node whose input was written in place. */
function versionCheckRaises(): void {
  const w = torch.randn([8, 8], { requires_grad: true });
  const h = w.mul(2);
  const z = h.mul(h).exp();
  h.add_(1);
  expect(() => z.sum().backward()).toThrow(/modified by an inplace operation/);
}

/** A graph whose sweep raises in a hook on a non-leaf tensor, after an earlier hook replaced the gradient. */
function hookRaises(): void {
  const w = torch.randn([8, 8], { requires_grad: true });
  const h = w.mul(2);
  h.register_hook((g) => g.mul(2));
  h.register_hook(() => {
    throw new torch.RuntimeError("boom in hook");
  });
  expect(() => h.tanh().sum().backward()).toThrow("boom in hook");
}

test.each([
  ["a user's backward raises", userBackwardRaises],
  ["a tensor hook raises", hookRaises],
  ["an in-place write is caught at backward", versionCheckRaises],
])("%s: no tfjs tensors are left behind", async (_name, run) => {
  // Warm-up: kernels and caches that allocate once.
  for (let i = 0; i < 3; i++) run();
  const before = await settle();
  for (let i = 0; i < 20; i++) run();
  const after = await settle();
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
});

test("a diamond sums both paths' gradients; an input that needs no grad gets none", () => {
  const x = torch.tensor([1.0, 2.0, 3.0], { dtype: torch.float32, requires_grad: true });
  const c = torch.tensor([0.5, 0.5, 0.5]);
  const a = x.mul(x);
  // d/dx of x^2 * 3 + x^2 * c = 6x + 2xc
  const y = a.mul(3).add(a.mul(c)).sum();
  y.backward();
  expect(Array.from(x.grad!.dataSync())).toEqual([7, 14, 21]);
  expect(c.grad).toBeNull();
});

test("a 5000-node chain runs without overflowing the stack", () => {
  const x = torch.tensor([1.0], { dtype: torch.float32, requires_grad: true });
  let y = x;
  for (let i = 0; i < 5000; i++) y = y.mul(1);
  y.sum().backward();
  expect(Array.from(x.grad!.dataSync())).toEqual([1]);
});

test("after a backward that raised, the same leaves train normally", () => {
  const w = torch.tensor([2.0], { dtype: torch.float32, requires_grad: true });
  expect(() => Boom.apply(w).sum().backward()).toThrow("boom in backward");
  w.mul(w).sum().backward();
  expect(Array.from(w.grad!.dataSync())).toEqual([4]);
});
