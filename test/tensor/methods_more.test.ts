/**
 * The Tensor methods and torch functions of src/tensor/methods_more.ts and src/torch_more.ts against
 * PyTorch 1.13 (test/reference/coverage.json, gen_coverage.py): comparison aliases (greater, less_equal,
 * not_equal and their in-place forms), bitwise methods, in-place unary math (values, dtype rules and
 * gradients through a clone), logaddexp2, matrix_power, linalg.multi_dot / vecdot / matmul / diagonal,
 * dtype predicates, is_nonzero and is_same_size, the other in-place forms (atan2_, divide_, cumsum_, ...),
 * addmm as a method, H / mH / adjoint and typename, torch.fft.fftfreq / rfftfreq / fftshift / ifftshift,
 * torch.iinfo / finfo, F.conv3d / nn.Conv3d (values, input and weight gradients, repr), with PyTorch's errors.
 */
import { torch } from "../../src";
import { coverageSuite } from "./coverage_cases";

coverageSuite(
  "torch coverage additions",
  (name, ts) => !ts.startsWith("torchvision.ops.") && !name.startsWith("RoI") && !name.startsWith("dirac") && !name.startsWith("chain_dataset") && name !== "get_worker_info",
);

// torchlab stores int64 in 32 bits (README's dtype note): iinfo(torch.int64) reports the limits its
// values have, as finfo(torch.float64) reports float32's; PyTorch's would be 64 bits, +-9.22337e+18.
test("torch.iinfo(torch.int64) reports the int32 storage's limits, and they hold in a long tensor", () => {
  const i = torch.iinfo(torch.int64);
  expect([i.bits, i.min, i.max, i.dtype, String(i)]).toEqual([32, -2147483648, 2147483647, "int32", "iinfo(min=-2.14748e+09, max=2.14748e+09, dtype=int32)"]);
  expect(torch.full([2], i.max, { dtype: torch.long }).tolist()).toEqual([2147483647, 2147483647]);
  expect(torch.iinfo("torch.long").max).toBe(i.max);
});

test("conv3d refuses what torchlab does not implement, naming it", () => {
  expect(() => torch.nn.functional.conv3d(torch.zeros(1, 1, 5, 5, 5), torch.zeros(1, 1, 3, 3, 3), { dilation: 2 })).toThrow(
    "conv3d: dilation [2, 2, 2] is not supported by torchlab (its Conv3D gradients are written for dilation 1); use dilation 1",
  );
  expect(() => new torch.nn.Conv3d(1, 1, 3, { padding_mode: "reflect" as never })).toThrow("Conv3d: padding_mode='reflect' is not supported by torchlab; use 'zeros'");
  // A Conv3d trains: its parameters get gradients through backward.
  const layer = new torch.nn.Conv3d(2, 3, [1, 3, 3], { stride: [1, 2, 2], padding: [0, 1, 1] });
  layer.forward(torch.rand(2, 2, 3, 6, 6)).pow(2).sum().backward();
  expect(layer.weight.grad?.shape).toEqual([3, 2, 1, 3, 3]);
  expect(layer.bias?.grad?.shape).toEqual([3]);
});

// PyTorch's fill_(Tensor value): The Annotated Transformer's greedy_decode writes
// `torch.zeros(1, 1).type_as(src.data).fill_(next_word)` with `next_word = next_word.data[0]`.
test("fill_ takes a 0-dimension tensor (its gradient is the sum), and refuses another, as PyTorch 1.13", () => {
  expect(String(torch.zeros(1, 1, { dtype: torch.long }).fill_(torch.tensor(7)))).toBe("tensor([[7]])");
  expect(String(torch.zeros(2).fill_(torch.tensor(true)))).toBe("tensor([1., 1.])");
  expect(() => torch.zeros(2).fill_(torch.tensor([1, 2]))).toThrow("fill_ only supports 0-dimension value tensor but got tensor with 1 dimensions.");
  const x = torch.tensor(2, { dtype: torch.float32, requires_grad: true });
  const y = torch.zeros(3).fill_(x);
  y.mul(torch.tensor([1, 2, 3])).sum().backward();
  expect([y.tolist(), x.grad?.item()]).toEqual([[2, 2, 2], 6]);
});
