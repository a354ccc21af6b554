/**
 * torch.linalg.matrix_power: the n-th power of each square matrix of a `[..., m, m]` batch by
 * repeated squaring (n = 0: the identity; n < 0: the power of the inverse). Built from matmul and
 * inv, so it is differentiable wherever they are.
 */
import type { Tensor } from "../tensor/tensor";
import { eye } from "./creation";
import { inv } from "./linalg_extra";
import { RuntimeError, TypeError } from "../errors";

export function matrix_power(A: Tensor, n: number, op = "linalg.matrix_power"): Tensor {
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new TypeError(`${op.replace("linalg.", "")}(): argument 'n' (position 2) must be int, not ${typeof n === "number" ? "float" : typeof n}`);
  }
  if (A.dim() < 2) throw new RuntimeError(`${op}: The input tensor A must have at least 2 dimensions.`);
  const [r, c] = A.shape.slice(-2);
  if (r !== c) throw new RuntimeError(`${op}: A must be batches of square matrices, but they are ${r} by ${c} matrices`);
  // PyTorch writes the identity into a copy of A (CopyBackwards): the result is in A's graph, with a zero gradient.
  if (n === 0) return A.clone().copy_(eye(r, { dtype: A.dtype }).expand(A.shape));
  if (n === 1) return A.clone();
  let base = n < 0 ? inv(A) : A;
  let k = Math.abs(n);
  let result: Tensor | null = null;
  for (;;) {
    if (k & 1) result = result === null ? base : result.matmul(base);
    k >>= 1;
    if (k === 0) break;
    base = base.matmul(base);
  }
  return result as Tensor;
}
