/**
 * torch.linalg's determinants, inverse, solve and norms for float32 (batched) square matrices.
 * tfjs has no LU kernel, so the factorisations run on the host in float64 (LU with partial
 * pivoting, as LAPACK's getrf); the gradients are the standard formulas, run on the backend:
 * d det = det * A^-T (the adjugate, computed from cofactors, where A is singular),
 * d inv = -A^-T g A^-T, d logabsdet = A^-T; singular values (for the 2 and nuclear norms) come
 * from one-sided Jacobi rotations.
 */
import { tf, compute, record, constant, fmtShape, normDim, broadcastMismatch, broadcastShapes } from "./_core";
import { Tensor } from "../tensor/tensor";
import * as E from "./elementwise";
import * as R from "./reduce";
import * as M from "./movement";
import * as L from "./linalg";
import { RuntimeError, ShapeError, TypeError, LinAlgError } from "../errors";
import { asReturnType } from "../pyrepr";

function squareBatch(op: string, A: unknown): { A: Tensor; n: number; batch: number[] } {
  if (!(A instanceof Tensor)) throw new TypeError(`${op}(): argument 'A' must be Tensor, not ${A === null ? "null" : typeof A}`);
  if (A.dim() < 2) throw new RuntimeError(`${op}: The input tensor A must have at least 2 dimensions. (got shape ${fmtShape(A.shape)})`);
  const n = A.shape[A.dim() - 1];
  if (A.shape[A.dim() - 2] !== n) throw new RuntimeError(`${op}: A must be batches of square matrices, but they are ${A.shape[A.dim() - 2]} by ${n} matrices (shape ${fmtShape(A.shape)})`);
  if (A.dtype._tf !== "float32") throw new RuntimeError(`${op}: Expected a floating point or complex tensor as input. Got ${A.dtype._typeName}`);
  return { A, n, batch: A.shape.slice(0, -2) };
}

interface LU {
  /** row-major n x n, L below the diagonal (unit), U on and above */
  lu: Float64Array;
  sign: number;
  /** the first zero pivot (0-based), or -1 */
  zeroAt: number;
  perm: Int32Array;
}

function luFactor(src: ArrayLike<number>, offset: number, n: number): LU {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) a[i] = src[offset + i];
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let zeroAt = -1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i * n + k]) > Math.abs(a[p * n + k])) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) [a[k * n + j], a[p * n + j]] = [a[p * n + j], a[k * n + j]];
      [perm[k], perm[p]] = [perm[p], perm[k]];
      sign = -sign;
    }
    const piv = a[k * n + k];
    if (piv === 0) {
      if (zeroAt < 0) zeroAt = k;
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] /= piv);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return { lu: a, sign, zeroAt, perm };
}

function luDet(f: LU, n: number): number {
  let d = f.sign;
  for (let i = 0; i < n; i++) d *= f.lu[i * n + i];
  return d;
}

/** A^-1 from its LU factors (null when a pivot is zero). */
function luInverse(f: LU, n: number): Float64Array | null {
  if (f.zeroAt >= 0) return null;
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    // Solve L U x = P e_c.
    for (let i = 0; i < n; i++) col[i] = f.perm[i] === c ? 1 : 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) col[i] -= f.lu[i * n + j] * col[j];
    for (let i = n - 1; i >= 0; i--) {
      for (let j = i + 1; j < n; j++) col[i] -= f.lu[i * n + j] * col[j];
      col[i] /= f.lu[i * n + i];
    }
    for (let i = 0; i < n; i++) inv[i * n + c] = col[i];
  }
  return inv;
}

/** The cofactor matrix of one n x n matrix (= det * A^-T where A is invertible; exact where it is not). */
function cofactors(src: ArrayLike<number>, offset: number, n: number): Float64Array {
  const out = new Float64Array(n * n);
  if (n === 1) {
    out[0] = 1;
    return out;
  }
  const minor = new Float64Array((n - 1) * (n - 1));
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (i === r) continue;
        for (let j = 0; j < n; j++) if (j !== c) minor[k++] = src[offset + i * n + j];
      }
      out[r * n + c] = ((r + c) % 2 === 0 ? 1 : -1) * luDet(luFactor(minor, 0, n - 1), n - 1);
    }
  }
  return out;
}

function eachMatrix(A: Tensor, n: number, f: (src: ArrayLike<number>, offset: number, b: number) => void): void {
  const src = A._t.dataSync() as Float32Array;
  const count = n === 0 ? 0 : src.length / (n * n);
  for (let b = 0; b < count; b++) f(src, b * n * n, b);
}

/** Determinant of each square matrix in the batch. */
export function det(input: Tensor, op = "linalg.det"): Tensor {
  const { A, n, batch } = squareBatch(op, input);
  const dets = new Float32Array(batch.reduce((x, y) => x * y, 1));
  eachMatrix(A, n, (src, off, b) => (dets[b] = luDet(luFactor(src, off, n), n)));
  if (n === 0) dets.fill(1);
  return record("LinalgDetBackward0", [A], compute(() => tf.tensor(dets, batch, "float32")), (g) => {
    const cof = new Float32Array(A.numel());
    eachMatrix(A, n, (src, off, b) => {
      // Cofactors are exact for singular matrices too; for large n, det * A^-T is cheaper.
      const f = luFactor(src, off, n);
      const inv = n > 12 ? luInverse(f, n) : null;
      if (inv !== null) {
        const d = luDet(f, n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cof[off + i * n + j] = d * inv[j * n + i];
      } else cof.set(cofactors(src, off, n), off);
    });
    return [tf.mul(tf.reshape(g, [...batch, 1, 1]), tf.tensor(cof, A.shape, "float32"))];
  });
}

function inverseOf(op: string, A: Tensor, n: number, batch: number[]): Float32Array {
  const out = new Float32Array(A.numel());
  eachMatrix(A, n, (src, off, b) => {
    const f = luFactor(src, off, n);
    const inv = luInverse(f, n);
    if (inv === null) {
      const where = batch.length ? `(Batch element ${b}): ` : "";
      throw new LinAlgError(`${op}: ${where}The diagonal element ${f.zeroAt + 1} is zero, the inversion could not be completed because the input matrix is singular.`);
    }
    out.set(inv, off);
  });
  return out;
}

/** tf batched matmul over any number of batch dims. */
function bmm(x: tf.Tensor, y: tf.Tensor, ta: boolean, tb: boolean): tf.Tensor {
  if (x.rank <= 3) return tf.matMul(x, y, ta, tb);
  const r = tf.matMul(tf.reshape(x, [-1, ...x.shape.slice(-2)]), tf.reshape(y, [-1, ...y.shape.slice(-2)]), ta, tb);
  return tf.reshape(r, [...x.shape.slice(0, -2), ...r.shape.slice(-2)]);
}

/** Inverse of each square matrix; singular matrices raise, as PyTorch's. */
export function inv(input: Tensor, op = "linalg.inv"): Tensor {
  const { A, n, batch } = squareBatch(op, input);
  const vals = inverseOf(op, A, n, batch);
  let self: Tensor;
  const res = record("LinalgInvExBackward0", [A], compute(() => tf.tensor(vals, A.shape, "float32")), (g) => {
    const Y = self._t;
    return [tf.neg(bmm(bmm(Y, g, true, false), Y, false, true))];
  }, true);
  self = res;
  return res;
}

/** (sign, log|det|) of each matrix: a singular one gives (0, -inf). */
export function slogdet(input: Tensor, op = "linalg.slogdet"): SignLogAbsDet {
  const { A, n, batch } = squareBatch(op, input);
  const count = batch.reduce((x, y) => x * y, 1);
  const signs = new Float32Array(count).fill(1);
  const logs = new Float32Array(count);
  eachMatrix(A, n, (src, off, b) => {
    const f = luFactor(src, off, n);
    if (f.zeroAt >= 0) {
      signs[b] = 0;
      logs[b] = -Infinity;
      return;
    }
    let s = f.sign;
    let l = 0;
    for (let i = 0; i < n; i++) {
      const u = f.lu[i * n + i];
      if (u < 0) s = -s;
      l += Math.log(Math.abs(u));
    }
    signs[b] = s;
    logs[b] = l;
  });
  const sign = constant(compute(() => tf.tensor(signs, batch, "float32")));
  const logabsdet = record("LinalgSlogdetBackward0", [A], compute(() => tf.tensor(logs, batch, "float32")), (g) => {
    const invT = new Float32Array(A.numel());
    eachMatrix(A, n, (src, off) => {
      const inv = luInverse(luFactor(src, off, n), n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) invT[off + i * n + j] = inv === null ? NaN : inv[j * n + i];
    });
    return [tf.mul(tf.reshape(g, [...batch, 1, 1]), tf.tensor(invT, A.shape, "float32"))];
  });
  return asReturnType(op === "slogdet" ? "slogdet" : "linalg_slogdet", ["sign", "logabsdet"], [sign, logabsdet]) as unknown as SignLogAbsDet;
}

/** PyTorch's `torch.return_types.slogdet`: destructures as [sign, logabsdet]. */
export interface SignLogAbsDet {
  sign: Tensor;
  logabsdet: Tensor;
  0: Tensor;
  1: Tensor;
  readonly length: 2;
  [Symbol.iterator](): Iterator<Tensor>;
}

/** log(det(A)): nan for a negative determinant, -inf for a singular matrix. */
export function logdet(input: Tensor): Tensor {
  const { sign, logabsdet } = slogdet(input, "logdet");
  return E.where(E.lt(sign, 0), NaN, logabsdet);
}

/** X with A X = B; B is a (batch of) vector(s) when it has one dim less than A and matches A's leading shape. */
export function solve(A: Tensor, B: Tensor, left = true): Tensor {
  squareBatch("linalg.solve", A);
  if (!(B instanceof Tensor)) throw new TypeError("linalg.solve(): argument 'B' must be Tensor");
  if (!left) return M.transpose(solve(M.transpose(A, -2, -1), M.transpose(B, -2, -1)), -2, -1);
  const n = A.shape[A.dim() - 1];
  const vector = B.dim() === 1 || (B.dim() === A.dim() - 1 && B.shape.join(",") === A.shape.slice(0, -1).join(","));
  const Bm = vector ? M.unsqueeze(B, -1) : B;
  if (Bm.shape[Bm.dim() - 2] !== n) {
    throw new ShapeError(`linalg.solve: Incompatible shapes of A and B for the equation AX = B (${A.shape.slice(-2).join("x")} and ${Bm.shape.slice(-2).join("x")})`, A.shape, B.shape);
  }
  if (broadcastShapes(A.shape.slice(0, -2), Bm.shape.slice(0, -2)) === null) {
    throw new ShapeError(`linalg.solve: ${broadcastMismatch(A.shape.slice(0, -2), Bm.shape.slice(0, -2))} (batch dimensions of A ${fmtShape(A.shape)} and B ${fmtShape(B.shape)})`, A.shape, B.shape);
  }
  const X = L.matmul(inv(A, "linalg.solve"), Bm.dtype._tf === "float32" ? Bm : Bm.float());
  return vector ? M.squeeze(X, -1) : X;
}

type Ord = number | "fro" | "nuc";

/** ‖x‖_ord over `dim` (all elements by default): sum(|x|^ord)^(1/ord); inf/-inf: max/min |x|; 0: the count of non-zeros. */
export function vector_norm(x: Tensor, ord: number = 2, dim: R.Dims = null, keepdim = false): Tensor {
  if (!(x instanceof Tensor)) throw new TypeError("linalg.vector_norm(): argument 'x' must be Tensor");
  if (typeof ord !== "number") throw new RuntimeError(`linalg.vector_norm: ord must be a number, got '${String(ord)}'`);
  if (x.dtype._tf !== "float32") throw new RuntimeError(`linalg.vector_norm: Expected a floating point or complex tensor as input. Got ${x.dtype._typeName}`);
  const d = dim === undefined ? null : dim;
  const a = E.abs(x);
  if (ord === Infinity) return R.amax(a, d, keepdim, "max");
  if (ord === -Infinity) return R.amax(a, d, keepdim, "min");
  if (ord === 0) return R.sum(E.ne(x, 0), d, keepdim).float();
  if (ord === 1) return R.sum(a, d, keepdim);
  if (ord === 2) {
    // PyTorch's gradient of the 2-norm is 0 (not nan) at the zero vector: x / ‖x‖ masked where ‖x‖ = 0.
    return R.norm(x, 2, d ?? undefined, keepdim);
  }
  return E.pow(R.sum(E.pow(a, ord), d, keepdim), 1 / ord);
}

/**
 * Matrix norms over the two dims `dim` (default the last two): 'fro', 'nuc' (sum of singular
 * values), 2/-2 (largest/smallest singular value), 1/-1 (max/min column sum), inf/-inf (row sums).
 */
export function matrix_norm(A: Tensor, ord: Ord = "fro", dim: [number, number] = [-2, -1], keepdim = false): Tensor {
  if (!(A instanceof Tensor)) throw new TypeError("linalg.matrix_norm(): argument 'A' must be Tensor");
  if (A.dim() < 2) throw new RuntimeError(`linalg.matrix_norm: The input tensor A must have at least 2 dimensions. (got shape ${fmtShape(A.shape)})`);
  if (!Array.isArray(dim) || dim.length !== 2) throw new RuntimeError(`linalg.matrix_norm: dim must be a 2-tuple. Got ${String(dim)}`);
  const [r, c] = dim.map((d) => normDim(d, A.dim(), "linalg.matrix_norm"));
  if (r === c) throw new RuntimeError(`linalg.matrix_norm: dims must be different. Got (${dim[0]}, ${dim[1]})`);
  if (ord === "fro") return vector_norm(A, 2, [r, c], keepdim);
  if (ord === 1 || ord === -1 || ord === Infinity || ord === -Infinity) {
    // 1-norms sum over rows (each column), inf-norms over columns (each row), then take the extreme.
    const sumDim = ord === 1 || ord === -1 ? r : c;
    const other = ord === 1 || ord === -1 ? c : r;
    const sums = R.sum(E.abs(A), sumDim, true);
    const ext = R.amax(sums, other, true, ord > 0 ? "max" : "min");
    return keepdim ? ext : M.squeeze(ext, [r, c].sort((a, b) => b - a));
  }
  if (ord === "nuc" || ord === 2 || ord === -2) {
    // Move the two dims last, so each matrix is contiguous.
    const rest = [...Array(A.dim()).keys()].filter((d) => d !== r && d !== c);
    const P = M.permute(A, [...rest, r, c]);
    const out = singularNorm(P, ord);
    if (!keepdim) return out;
    let k = out;
    for (const d of [r, c].sort((a, b) => a - b)) k = M.unsqueeze(k, d);
    return k;
  }
  throw new RuntimeError(`linalg.matrix_norm: Order ${String(ord)} not supported.`);
}

/** linalg.norm: a vector norm (1-D, or an int dim) or a matrix norm (2-D, or a pair of dims); 2-norm of everything without ord/dim. */
export function norm(A: Tensor, ord: Ord | null = null, dim: number | number[] | null = null, keepdim = false): Tensor {
  if (!(A instanceof Tensor)) throw new TypeError("linalg.norm(): argument 'A' must be Tensor");
  if (dim !== null && !Array.isArray(dim)) return vector_norm(A, typeof ord === "number" ? ord : 2, dim, keepdim);
  if (dim !== null && dim.length === 1) return vector_norm(A, typeof ord === "number" ? ord : 2, dim, keepdim);
  if (ord === null) {
    if (dim === null) return vector_norm(A, 2, null, keepdim);
    return matrix_norm(A, "fro", dim as [number, number], keepdim);
  }
  if (dim === null) {
    if (A.dim() === 1) {
      if (typeof ord !== "number") throw new RuntimeError(`linalg.norm: Order ${ord} not supported for vectors`);
      return vector_norm(A, ord, null, keepdim);
    }
    if (A.dim() === 2) return matrix_norm(A, ord, [-2, -1], keepdim);
    throw new RuntimeError(`linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got ${A.dim()}D.`);
  }
  return matrix_norm(A, ord, dim as [number, number], keepdim);
}

/** Cross product of 3-vectors along `dim` (default -1), broadcasting the other dims. */
export function cross(a: Tensor, b: Tensor, dim = -1): Tensor {
  if (!(a instanceof Tensor) || !(b instanceof Tensor)) throw new TypeError("linalg.cross(): arguments must be Tensors");
  if (a.dim() !== b.dim()) throw new RuntimeError(`linalg.cross: inputs must have the same number of dimensions. (got ${fmtShape(a.shape)} and ${fmtShape(b.shape)})`);
  const shape = broadcastShapes(a.shape, b.shape);
  if (shape === null) throw new ShapeError(`linalg.cross: ${broadcastMismatch(a.shape, b.shape)} (shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)})`, a.shape, b.shape);
  const d = normDim(dim, a.dim(), "linalg.cross");
  if (a.shape[d] !== 3 || b.shape[d] !== 3) {
    throw new RuntimeError(`linalg.cross: inputs dimension ${dim} must have length 3. Got ${a.shape[d]} and ${b.shape[d]}`);
  }
  const x = M.expand(a, shape);
  const y = M.expand(b, shape);
  const idx = (v: number[]): Tensor => constant(compute(() => tf.tensor1d(v, "int32")));
  const i120 = idx([1, 2, 0]);
  const i201 = idx([2, 0, 1]);
  return E.sub(E.mul(M.index_select(x, d, i120), M.index_select(y, d, i201)), E.mul(M.index_select(x, d, i201), M.index_select(y, d, i120)));
}

/**
 * Applies the plane rotation [[c, s], [-s, c]] to columns p and q of a row-major rows x cols matrix:
 * M[:, p] <- c M[:, p] - s M[:, q], M[:, q] <- s M[:, p] + c M[:, q] (the Jacobi rotations' update).
 */
export function rotateColumns(M: Float64Array, rows: number, cols: number, p: number, q: number, c: number, s: number): void {
  for (let i = 0; i < rows; i++) {
    const mp = M[i * cols + p];
    const mq = M[i * cols + q];
    M[i * cols + p] = c * mp - s * mq;
    M[i * cols + q] = s * mp + c * mq;
  }
}

/**
 * Singular values of one m x n matrix (m >= n) by one-sided Jacobi rotations (Hestenes), in float64:
 * returns U (m x n, orthonormal columns where s > 0), s (n) and V (n x n), unsorted.
 */
export function jacobiSvd(a: Float64Array, m: number, n: number): { U: Float64Array; s: Float64Array; V: Float64Array } {
  const U = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const up = U[i * n + p];
          const uq = U[i * n + q];
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        off = Math.max(off, Math.abs(gamma) / Math.sqrt(alpha * beta));
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        rotateColumns(U, m, n, p, q, cs, sn);
        rotateColumns(V, n, n, p, q, cs, sn);
      }
    }
    if (off < 1e-15) break;
  }
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let norm = 0;
    for (let i = 0; i < m; i++) norm += U[i * n + j] ** 2;
    s[j] = Math.sqrt(norm);
    if (s[j] > 0) for (let i = 0; i < m; i++) U[i * n + j] /= s[j];
  }
  return { U, s, V };
}

/**
 * The 2-norm (largest singular value), -2 (smallest) or nuclear norm (their sum) of each matrix in
 * the last two dims; the gradient is u v^T of the chosen singular pair (U V^T for 'nuc'), as PyTorch's
 * svd-based backward (defined where the singular values involved are distinct).
 */
function singularNorm(P: Tensor, ord: 2 | -2 | "nuc"): Tensor {
  const rows = P.shape[P.dim() - 2];
  const cols = P.shape[P.dim() - 1];
  const batch = P.shape.slice(0, -2);
  const count = batch.reduce((x, y) => x * y, 1);
  const src = P.contiguous()._t.dataSync() as Float32Array;
  const tall = rows >= cols;
  const m = tall ? rows : cols;
  const n = tall ? cols : rows;
  const vals = new Float32Array(count);
  const grad = new Float32Array(count * rows * cols);
  for (let b = 0; b < count; b++) {
    const a = new Float64Array(m * n);
    const off = b * rows * cols;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) a[tall ? i * n + j : j * n + i] = src[off + i * cols + j];
    const { U, s, V } = n === 0 ? { U: a, s: new Float64Array(0), V: new Float64Array(0) } : jacobiSvd(a, m, n);
    let pick: number[];
    if (ord === "nuc") pick = [...Array(n).keys()];
    else {
      let best = 0;
      for (let k = 1; k < n; k++) if (ord === 2 ? s[k] > s[best] : s[k] < s[best]) best = k;
      pick = n ? [best] : [];
    }
    vals[b] = pick.reduce((acc, k) => acc + s[k], 0);
    // d(sum of picked s_k) / dA = sum_k u_k v_k^T (of A itself: transposed back for a wide matrix).
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        let g = 0;
        for (const k of pick) g += tall ? U[i * n + k] * V[j * n + k] : U[j * n + k] * V[i * n + k];
        grad[off + i * cols + j] = g;
      }
    }
  }
  return record("LinalgMatrixNormBackward0", [P], compute(() => tf.tensor(vals, batch, "float32")), (g) => [tf.mul(tf.reshape(g, [...batch, 1, 1]), tf.tensor(grad, P.shape, "float32"))]);
}

/**
 * Pearson correlation coefficients of the variables in the rows of `a` (a 1-D input is one variable),
 * PyTorch's torch.corrcoef: cov(a) divided by the outer product of the standard deviations, clipped to [-1, 1].
 */
export function corrcoef(a: Tensor): Tensor {
  const c = a.cov();
  if (c.dim() === 0) return c.div(c);
  const std = c.diag().sqrt();
  return c.div(std.view([-1, 1])).div(std.view([1, -1])).clip(-1, 1);
}

/**
 * The Vandermonde matrix of a 1-D `x`: column j is x^(N-1-j) (x^j with `increasing`), N columns
 * (default len(x)); integer and bool inputs give int64, as PyTorch's.
 */
export function vander(x: Tensor, N: number | null = null, increasing = false): Tensor {
  if (!(x instanceof Tensor) || x.dim() !== 1) throw new RuntimeError("x must be a one-dimensional tensor.");
  const n = N ?? x.shape[0];
  if (!Number.isInteger(n) || n < 0) throw new RuntimeError("N must be non-negative.");
  const xs = x.dtype._tf === "float32" ? x : x.long();
  const col = xs.unsqueeze(1);
  if (n === 0) return col.expand(-1, 0).clone();
  const ones = col.new_ones([x.shape[0], 1]);
  const cols = (n === 1 ? ones : M.cat([ones, col.expand(-1, n - 1)], 1)).cumprod(1);
  return increasing ? cols : cols.flip(1);
}
