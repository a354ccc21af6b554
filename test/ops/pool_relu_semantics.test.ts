/**
 * Edge cases of max_pool2d and relu gradients that random data never hits: ties, NaN, -inf windows
 * next to padding. Expected values are PyTorch 1.13's (CPU), printed by:
 *   F.max_pool2d(x, ..., return_indices=True); y.backward(g); x.grad
 * Runs on the active backend (wasm by default; TORCHLAB_BACKEND=cpu for the cpu backend). The relu
 * gradient kernel is also checked against tfjs cpu's select on random lengths (its loop is unrolled by 4).
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { prng, values } from "../prng";
import { onCpu } from "./_tfjs_cpu";

const F = torch.nn.functional;
const nan = NaN;
const inf = Infinity;

function pool(data: number[][], kernel: number, opts: { stride?: number; padding?: number }, grad?: number[][]) {
  const x = torch.tensor([[data]]).float().requires_grad_();
  const [y, i] = F.max_pool2d(x, kernel, { ...opts, return_indices: true });
  y.backward(grad ? torch.tensor([[grad]]).float() : torch.ones_like(y));
  return { y: y.tolist(), i: i.tolist(), grad: (x.grad as InstanceType<typeof torch.Tensor>).tolist() };
}

test("max_pool2d: on ties the first maximum in row-major window order takes the gradient", () => {
  const r = pool([[1, 1, 0], [1, 1, 0], [2, 2, 2]], 2, { stride: 1 }, [[1, 2], [3, 4]]);
  expect(r.y).toEqual([[[[1, 1], [2, 2]]]]);
  expect(r.i).toEqual([[[[0, 1], [6, 7]]]]);
  // Overlapping windows add their gradients at a shared first maximum.
  expect(r.grad).toEqual([[[[1, 2, 0], [0, 0, 0], [3, 4, 0]]]]);
});

test("max_pool2d: NaN wins its window, and the last NaN in window order takes the gradient", () => {
  const r = pool([[nan, 1, 5, nan], [0, nan, 5, 5]], 2, {});
  expect(r.y).toEqual([[[[nan, nan]]]]);
  expect(r.i).toEqual([[[[5, 3]]]]);
  expect(r.grad).toEqual([[[[0, 0, 0, 1], [0, 1, 0, 0]]]]);
});

test("max_pool2d: padding never wins; a window of -inf points at its first element", () => {
  const r = pool([[-inf, -inf, 3], [-inf, -inf, -inf]], 2, { padding: 1 });
  expect(r.y).toEqual([[[[-inf, 3], [-inf, -inf]]]]);
  expect(r.i).toEqual([[[[0, 2], [3, 4]]]]);
  expect(r.grad).toEqual([[[[1, 0, 1], [1, 1, 0]]]]);
});

test("max_pool2d: unbatched input and a gradient that is not all ones", () => {
  const x = torch.tensor([[[4, 3, 2, 1], [8, 7, 6, 5], [0, 0, 9, 9], [1, 1, 9, 9]]]).float().requires_grad_();
  const y = F.max_pool2d(x, 2);
  expect(y.tolist()).toEqual([[[8, 6], [1, 9]]]);
  y.backward(torch.tensor([[[10, 20], [30, 40]]]).float());
  expect((x.grad as InstanceType<typeof torch.Tensor>).tolist()).toEqual([
    [[0, 0, 0, 0], [10, 0, 20, 0], [0, 0, 40, 0], [30, 0, 0, 0]],
  ]);
});

test("relu: the gradient is zero where the result is <= 0 and passes elsewhere, NaN included", () => {
  const x = torch.tensor([nan, -1, 0, 2, inf, -0]).requires_grad_();
  torch.relu(x).backward(torch.tensor([1, 2, 3, 4, 5, 6]).float());
  expect((x.grad as InstanceType<typeof torch.Tensor>).tolist()).toEqual([1, 0, 0, 4, 5, 0]);
});

test("MaxPool2d(2): ties (zeros after a ReLU) give the first element, on the unrolled path too", () => {
  const r = pool([[0, 0, 3, 3], [0, 0, 3, 1]], 2, {}, [[1, 2]]);
  expect(r.y).toEqual([[[[0, 3]]]]);
  expect(r.i).toEqual([[[[0, 2]]]]);
  expect(r.grad).toEqual([[[[1, 0, 2, 0], [0, 0, 0, 0]]]]);
});

test("max_pool2d: ceil_mode windows hanging over the bottom/right edge", () => {
  const x = torch.tensor([[[[0, 0, 3, 3, 1], [0, 0, 3, 1, 2], [-1, 5, 5, 0, 7]]]]).float().requires_grad_();
  const [y, i] = F.max_pool2d(x, 2, { ceil_mode: true, return_indices: true });
  expect(y.tolist()).toEqual([[[[0, 3, 2], [5, 5, 7]]]]);
  expect(i.tolist()).toEqual([[[[0, 2, 9], [11, 12, 14]]]]);
  y.backward(torch.tensor([[[[1, 2, 3], [4, 5, 6]]]]).float());
  expect((x.grad as InstanceType<typeof torch.Tensor>).tolist()).toEqual([[[[1, 0, 2, 0, 0], [0, 0, 0, 0, 3], [0, 4, 5, 0, 6]]]]);
});

test.each([1, 3, 4, 7, 1029])("relu gradient kernel (unrolled by 4) against tfjs cpu's select, %i values", async (count) => {
  const r = prng(count);
  const xv = values(r, count);
  // Zeros, NaN and -0 at positions that fall both in the unrolled body and in the tail.
  for (let i = 0; i < count; i += 5) xv[i] = [0, nan, -0, inf, -inf][(i / 5) % 5];
  const gv = values(r, count);
  const x = torch.from_typed(xv, [count], { requires_grad: true });
  torch.relu(x).backward(torch.from_typed(gv, [count]));
  const [want] = await onCpu(() => {
    const y = tf.relu(tf.tensor1d(xv));
    // threshold_backward: the gradient passes where the result is > 0 or NaN.
    return [tf.where(tf.logicalOr(tf.greater(y, 0), tf.isNaN(y)), tf.tensor1d(gv), tf.zerosLike(y))];
  });
  expect(Array.from((x.grad as InstanceType<typeof torch.Tensor>).dataSync())).toEqual(Array.from(want.data));
});
