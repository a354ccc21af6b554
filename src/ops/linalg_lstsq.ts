/**
 * torch.linalg's pseudo-inverse family, built from the singular value decomposition (src/ops/linalg_decomp.ts)
 * so that they are differentiable where the rank does not change: pinv, matrix_rank, lstsq and cond.
 * Singular values at or below `max(atol, rtol * largest)` count as zero; without either tolerance rtol is
 * `eps * max(m, n)` (float32's eps), as PyTorch's defaults.
 */
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError } from "../errors";
import { asReturnType } from "../pyrepr";
import { describe } from "./_core";
import { eigh, svd, svdvals } from "./linalg_decomp";
import { inv, matrix_norm } from "./linalg_extra";
import * as E from "./elementwise";
import * as R from "./reduce";
import { empty, zeros } from "./creation";

const EPS32 = 2 ** -23;

/** A tolerance argument: a number or a tensor broadcast against the batch of matrices. */
export type Tol = number | Tensor | null;

function needMatrix(op: string, A: unknown): Tensor {
  if (!(A instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' must be Tensor, not ${describe(A)}`);
  if (A.dim() < 2) throw new RuntimeError(`${op}: The input tensor input must have at least 2 dimensions.`);
  return A;
}

/** `max(atol, rtol * smax)` per matrix, shaped `[..., 1]` to compare with the singular values `[..., k]`. */
function cutoff(S: Tensor, m: number, n: number, atol: Tol, rtol: Tol): Tensor {
  const smax = S.shape[S.dim() - 1] === 0 ? zeros([...S.shape.slice(0, -1), 1]) : R.amax(S, -1, true);
  const atolZero = atol === null || (typeof atol === "number" && atol === 0);
  const r = rtol ?? (atolZero ? EPS32 * Math.max(m, n) : 0);
  const rel = E.mul(smax, r instanceof Tensor ? r.unsqueeze(-1) : r);
  return atol === null ? rel : E.maximum(rel, atol instanceof Tensor ? atol.unsqueeze(-1) : atol);
}

/** The singular values (or, for a hermitian input, the eigenvalues' magnitudes) and, with `vectors`, A's factors. */
function spectrum(A: Tensor, hermitian: boolean): { S: Tensor; left: Tensor; right: Tensor } {
  if (hermitian) {
    const [L, Q] = eigh(A);
    // A = Q diag(L) Q^T: |L| are the singular values, with signs carried by the right factor.
    return { S: L.abs(), left: Q, right: E.mul(Q, L.sign().unsqueeze(-2)).transpose(-2, -1) };
  }
  const [U, S, Vh] = svd(A, false, "linalg.pinv");
  return { S, left: U, right: Vh };
}

/** torch.linalg.pinv: the Moore-Penrose pseudo-inverse of each matrix `[..., m, n]` -> `[..., n, m]`. */
export function pinv(input: Tensor, atol: Tol = null, rtol: Tol = null, hermitian = false): Tensor {
  const A = needMatrix("linalg.pinv", input);
  const [m, n] = A.shape.slice(-2);
  const { S, left, right } = spectrum(A, hermitian);
  const keep = E.gt(S, cutoff(S, m, n, atol, rtol));
  // 1/S where kept, 0 elsewhere; the dropped values are replaced first so that no inf reaches the gradient.
  const Sinv = E.where(keep, E.reciprocal(E.where(keep, S, 1)), 0);
  return right.transpose(-2, -1).mul(Sinv.unsqueeze(-2)).matmul(left.transpose(-2, -1));
}

/** torch.linalg.matrix_rank: how many singular values of each matrix exceed the tolerance (int64). */
export function matrix_rank(input: Tensor, atol: Tol = null, rtol: Tol = null, hermitian = false): Tensor {
  const A = needMatrix("linalg.matrix_rank", input);
  const [m, n] = A.shape.slice(-2);
  const S = hermitian ? eigh(A)[0].abs() : svdvals(A, "linalg.matrix_rank");
  return R.sum(E.gt(S.detach(), cutoff(S.detach(), m, n, atol, rtol)), -1);
}

/** torch.linalg.lstsq's result: `[solution, residuals, rank, singular_values]`, also by name. */
export interface LstsqResult extends Array<Tensor> {
  solution: Tensor;
  residuals: Tensor;
  rank: Tensor;
  singular_values: Tensor;
}

const DRIVERS = ["gels", "gelsy", "gelsd", "gelss"];

/**
 * torch.linalg.lstsq(A, B, rcond=None, driver=None): X minimising ||A X - B|| per matrix (the
 * minimum-norm one where A is rank-deficient), B `[..., m, k]` or a vector `[..., m]` when it has one
 * dim less than A. As PyTorch on the CPU (default driver gelsy): `rank` for every driver but gels,
 * `singular_values` for gelsd / gelss, `residuals` (squared, per column of B) when m > n, every matrix
 * has full rank and the driver is not gelsy; otherwise those are empty tensors.
 */
export function lstsq(input: Tensor, other: Tensor, rcond: number | null = null, driver: string | null = null): LstsqResult {
  const op = "torch.linalg.lstsq";
  if (!(input instanceof Tensor)) throw new TypeError(`linalg_lstsq(): argument 'self' must be Tensor, not ${describe(input)}`);
  if (!(other instanceof Tensor)) throw new TypeError(`linalg_lstsq(): argument 'b' must be Tensor, not ${describe(other)}`);
  if (input.dim() < 2) throw new RuntimeError(`${op}: input must have at least 2 dimensions.`);
  const drv = driver ?? "gelsy";
  if (!DRIVERS.includes(drv)) throw new RuntimeError(`${op}: parameter \`driver\` should be one of (${DRIVERS.join(", ")})`);
  const vector = other.dim() === input.dim() - 1;
  const [m, n] = input.shape.slice(-2);
  if (vector ? other.shape[other.dim() - 1] !== m : other.dim() < 1 || other.shape[other.dim() - 2] !== m) {
    throw new RuntimeError(`${op}: input.size(-2) should match other.size(${vector ? -1 : -2})`);
  }
  const B = vector ? other.unsqueeze(-1) : other;
  const S = svdvals(input, "linalg.lstsq").detach();
  const rtol = rcond !== null && rcond >= 0 ? rcond : EPS32 * Math.max(m, n);
  // gels assumes full rank: no singular value is dropped.
  const X = pinv(input, drv === "gels" ? 0 : null, drv === "gels" ? 0 : rtol).matmul(B);
  const rank = R.sum(E.gt(S, cutoff(S, m, n, null, rtol)), -1);
  const fullRank = m > n && Boolean(R.all(E.eq(rank, n)).item());
  const residuals = drv !== "gelsy" && fullRank ? R.sum(E.pow(input.matmul(X).sub(B), 2), -2) : empty([0]);
  return asReturnType("linalg_lstsq", ["solution", "residuals", "rank", "singular_values"], [
    vector ? X.squeeze(-1) : X,
    residuals,
    drv === "gels" ? empty([0], { dtype: rank.dtype }) : rank,
    drv === "gelsd" || drv === "gelss" ? S : empty([0]),
  ]) as LstsqResult;
}

/**
 * torch.linalg.cond(A, p=None): the condition number of each matrix. p None / 2 / -2 from the singular
 * values (any shape); 'fro', 'nuc', inf, -inf, 1, -1 as norm(A) * norm(inv(A)) (square matrices).
 */
export function cond(input: Tensor, p: number | "fro" | "nuc" | null = null): Tensor {
  const A = needMatrix("linalg.cond", input);
  if (p === null || p === 2 || p === -2) {
    const S = svdvals(A, "linalg.cond");
    const k = S.shape[S.dim() - 1];
    const [big, small] = [S.narrow(-1, 0, 1).squeeze(-1), S.narrow(-1, k - 1, 1).squeeze(-1)];
    return p === -2 ? E.div(small, big) : E.div(big, small);
  }
  if (![1, -1, Infinity, -Infinity, "fro", "nuc"].includes(p)) throw new RuntimeError(`linalg.cond got an invalid norm type: ${p}`);
  const [m, n] = A.shape.slice(-2);
  if (m !== n) throw new RuntimeError(`linalg.cond(ord=${p}): A must be batches of square matrices, but they are ${m} by ${n} matrices`);
  return E.mul(matrix_norm(A, p), matrix_norm(inv(A, "linalg.cond"), p));
}
