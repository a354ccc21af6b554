/**
 * The Tensor methods and torch functions of src/tensor/methods_more.ts and src/torch_more.ts against
 * PyTorch 1.13 (test/reference/coverage.json, gen_coverage.py): comparison aliases (greater, less_equal,
 * not_equal and their in-place forms), bitwise methods, in-place unary math (values, dtype rules and
 * gradients through a clone), logaddexp2, matrix_power, linalg.multi_dot / vecdot / matmul / diagonal,
 * dtype predicates, is_nonzero and is_same_size, the other in-place forms (atan2_, divide_, cumsum_, ...),
 * addmm as a method, H / mH / adjoint and typename, torch.fft.fftfreq / rfftfreq / fftshift / ifftshift,
 * with PyTorch's errors.
 */
import { torch } from "../../src";
import { coverageSuite } from "./coverage_cases";

coverageSuite(
  "torch coverage additions",
  (name, ts) => !ts.startsWith("torchvision.ops.") && !name.startsWith("dirac") && !name.startsWith("chain_dataset") && name !== "get_worker_info",
);

// torchlab stores int64 in 32 bits (README's dtype note): iinfo(torch.int64) reports the limits its
// values have, as finfo(torch.float64) reports float32's; PyTorch's would be 64 bits, +-9.22337e+18.
test("torch.iinfo(torch.int64) reports the int32 storage's limits, and they hold in a long tensor", () => {
  const i = torch.iinfo(torch.int64);
  expect([i.bits, i.min, i.max, i.dtype, String(i)]).toEqual([32, -2147483648, 2147483647, "int32", "iinfo(min=-2.14748e+09, max=2.14748e+09, dtype=int32)"]);
  expect(torch.full([2], i.max, { dtype: torch.long }).tolist()).toEqual([2147483647, 2147483647]);
  expect(torch.iinfo("torch.long").max).toBe(i.max);
});
