/**
 * torch.linalg.vecdot: the dot product of x and y along `dim` after broadcasting them (real dtypes:
 * `(x * y).sum(dim)`), for floating-point inputs of one dtype as PyTorch requires.
 */
import type { Tensor } from "../tensor/tensor";
import { RuntimeError } from "../errors";

export function vecdot(x: Tensor, y: Tensor, dim = -1): Tensor {
  if (x.dtype !== y.dtype) {
    throw new RuntimeError(`linalg.vecdot: Expected x and y to have the same dtype, but found x of type ${x.dtype._typeName} and y of type ${y.dtype._typeName} instead`);
  }
  if (!x.is_floating_point()) throw new RuntimeError(`linalg.vecdot: Expected a floating point or complex tensor as input. Got ${x.dtype._typeName}`);
  return x.mul(y).sum(dim);
}
