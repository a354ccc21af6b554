/**
 * torch.linalg.multi_dot: the product of a chain of matrices, the first may be a vector (a row) and
 * the last a vector (a column), multiplied in the order that needs the fewest scalar products
 * (the textbook matrix-chain dynamic programme PyTorch uses); differentiable through matmul.
 */
import type { Tensor } from "../tensor/tensor";
import { RuntimeError } from "../errors";

// The C type names PyTorch's multi_dot prints for a dtype mismatch.
const C_NAMES: Record<string, string> = {
  float32: "float", float64: "double", int64: "long int", int32: "int", int16: "short int", int8: "signed char", uint8: "unsigned char", bool: "bool",
};

export function multi_dot(tensors: Tensor[]): Tensor {
  const n = tensors.length;
  if (n < 2) throw new RuntimeError(`multi_dot(): expected at least 2 tensors but got ${n}`);
  const first = tensors[0];
  const last = tensors[n - 1];
  if (first.dim() !== 1 && first.dim() !== 2) throw new RuntimeError(`multi_dot(): the first tensor must be 1D or 2D but got ${first.dim()}D`);
  for (let i = 1; i < n - 1; i++) {
    if (tensors[i].dim() !== 2) throw new RuntimeError(`multi_dot(): tensor ${i} must be 2D but got ${tensors[i].dim()}D`);
  }
  if (last.dim() !== 1 && last.dim() !== 2) throw new RuntimeError(`multi_dot(): the last tensor must be 1D or 2D but got ${last.dim()}D`);
  tensors.forEach((t, i) => {
    if (t.dtype !== first.dtype) {
      throw new RuntimeError(`multi_dot(): all tensors must have be the same dtype but tensor 0 is ${C_NAMES[first.dtype._name]} and tensor ${i} ${C_NAMES[t.dtype._name]}`);
    }
  });
  const mats = tensors.map((t, i) => (t.dim() === 2 ? t : i === 0 ? t.unsqueeze(0) : t.unsqueeze(1)));
  for (let i = 0; i + 1 < n; i++) {
    if (mats[i].shape[1] !== mats[i + 1].shape[0]) {
      throw new RuntimeError(
        `multi_dot(): tensors ${i} and ${i + 1} with shapes [${tensors[i].shape.join(", ")}] and [${tensors[i + 1].shape.join(", ")}] cannot be multiplied`,
      );
    }
  }
  const dims = [mats[0].shape[0], ...mats.map((m) => m.shape[1])];
  // cost[i][j]: fewest products for mats[i..j]; split[i][j]: where that chain splits.
  const cost = mats.map(() => new Array<number>(n).fill(0));
  const split = mats.map(() => new Array<number>(n).fill(0));
  for (let len = 1; len < n; len++) {
    for (let i = 0; i + len < n; i++) {
      const j = i + len;
      cost[i][j] = Infinity;
      for (let k = i; k < j; k++) {
        const c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1];
        if (c < cost[i][j]) [cost[i][j], split[i][j]] = [c, k];
      }
    }
  }
  const chain = (i: number, j: number): Tensor => (i === j ? mats[i] : chain(i, split[i][j]).matmul(chain(split[i][j] + 1, j)));
  let out = chain(0, n - 1);
  if (first.dim() === 1) out = out.squeeze(0);
  if (last.dim() === 1) out = out.squeeze(-1);
  return out;
}
