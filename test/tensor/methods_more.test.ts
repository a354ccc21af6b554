/**
 * The Tensor methods and torch functions of src/tensor/methods_more.ts and src/torch_more.ts against
 * PyTorch 1.13 (test/reference/coverage.json, gen_coverage.py): comparison aliases (greater, less_equal,
 * not_equal and their in-place forms), bitwise methods, in-place unary math (values, dtype rules and
 * gradients through a clone), logaddexp2, matrix_power, linalg.multi_dot / vecdot / matmul / diagonal,
 * dtype predicates, is_nonzero and is_same_size, the other in-place forms (atan2_, divide_, cumsum_, ...),
 * addmm as a method, H / mH / adjoint and typename, torch.fft.fftfreq / rfftfreq / fftshift / ifftshift,
 * with PyTorch's errors.
 */
import { coverageSuite } from "./coverage_cases";

coverageSuite(
  "torch coverage additions",
  (name, ts) => !ts.startsWith("torchvision.ops.") && !name.startsWith("dirac") && !name.startsWith("chain_dataset") && name !== "get_worker_info",
);
