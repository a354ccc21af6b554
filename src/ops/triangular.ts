/**
 * torch.linalg.solve_triangular(A, B, {upper, left, unitriangular}): X with AX = B (or XA = B when
 * `left` is false) for a triangular A, reading only A's triangle named by `upper` (and taking its
 * diagonal as ones when `unitriangular`), as PyTorch does. Differentiable in A and B.
 */
import { Tensor } from "../tensor/tensor";
import { TypeError, RuntimeError } from "../errors";
import { eye } from "./creation";
import { solve } from "./linalg_extra";

export function solve_triangular(A: Tensor, B: Tensor, upper: boolean, left = true, unitriangular = false): Tensor {
  if (!(A instanceof Tensor) || !(B instanceof Tensor)) throw new TypeError("linalg.solve_triangular(): arguments 'A' and 'B' must be Tensors");
  if (typeof upper !== "boolean") throw new TypeError("linalg.solve_triangular() missing 1 required keyword-only argument: 'upper'");
  if (A.dim() < 2 || B.dim() < 2) {
    throw new RuntimeError(`linalg.solve_triangular: The input tensor ${A.dim() < 2 ? "A" : "B"} must have at least 2 dimensions.`);
  }
  const n = A.shape[A.dim() - 1];
  if (A.shape[A.dim() - 2] !== n) {
    throw new RuntimeError(`linalg.solve_triangular: A must be batches of square matrices, but they are ${A.shape[A.dim() - 2]} by ${n} matrices`);
  }
  const k = left ? B.shape[B.dim() - 2] : B.shape[B.dim() - 1];
  if (k !== n) {
    throw new RuntimeError(`linalg.solve_triangular: Incompatible shapes of A and B for the equation ${left ? "AX = B" : "XA = B"} (${A.shape[A.dim() - 2]}x${n} and ${B.shape[B.dim() - 2]}x${B.shape[B.dim() - 1]})`);
  }
  let T = upper ? A.triu() : A.tril();
  if (unitriangular) {
    const I = eye(n);
    T = T.mul(I.rsub(1)).add(I);
  }
  // Broadcast the batch dims, as PyTorch does, so that a single A can solve a batch of B (and back).
  const batch = broadcastBatch(T.shape.slice(0, -2), B.shape.slice(0, -2));
  T = T.expand([...batch, n, n]);
  const Bb = B.expand([...batch, ...B.shape.slice(-2)]);
  return solve(T, Bb, left);
}

function broadcastBatch(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new RuntimeError(`linalg.solve_triangular: The batch dimensions of A [${a.join(", ")}] and B [${b.join(", ")}] cannot be broadcast`);
    out.push(x === 1 ? y : x);
  }
  return out;
}
