/**
 * np.linalg: norm, inv, det and solve over float64 values (LU with partial pivoting, as LAPACK's getrf:
 * results agree with NumPy's to float64 rounding); eigh by cyclic Jacobi rotations, svd by one-sided
 * Jacobi (pinv, matrix_rank and lstsq through it): values NumPy's to float64 precision, vectors up to
 * LAPACK's sign; eig and eigvals by LAPACK's own dgeev steps (src/numpy/dgeev.ts), real spectra only.
 * Stacks of matrices are not taken: a 2-d array.
 */
import { NotImplementedError, ValueError } from "../errors";
import * as D from "../tensor/dtype";
import { asPyTuple } from "../pyrepr";
import { ndarray } from "../tensor/ndarray";
import * as N from "./core";
import { jacobiSvd as jacobiRotations } from "../ops/linalg_extra";
import { dgeev } from "./dgeev";

/** NumPy's LinAlgError (a ValueError subclass there). */
export class LinAlgError extends ValueError {
  constructor(message: string) {
    super(message);
    this.name = "LinAlgError";
  }
}

function square(a: unknown): { n: number; values: number[]; dtype: D.dtype } {
  const x = N.asarray(a);
  if (x.ndim < 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be at least two-dimensional`);
  if (x.ndim > 2) throw new ValueError("np.linalg here takes a 2-d array (a single matrix)");
  if (x.shape[0] !== x.shape[1]) throw new LinAlgError("Last 2 dimensions of the array must be square");
  return { n: x.shape[0], values: Array.from(x.data), dtype: x._dtype === D.float32 ? D.float32 : D.float64 };
}

/** LU of an n×n row-major matrix in place: the pivot rows and the permutation's sign; null when singular. */
function lu(m: number[], n: number): { piv: number[]; sign: number; singular: boolean } {
  const piv = Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[p * n + k])) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) [m[k * n + j], m[p * n + j]] = [m[p * n + j], m[k * n + j]];
      [piv[k], piv[p]] = [piv[p], piv[k]];
      sign = -sign;
    }
    const d = m[k * n + k];
    if (d === 0) {
      singular = true;
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const f = (m[i * n + k] /= d);
      for (let j = k + 1; j < n; j++) m[i * n + j] -= f * m[k * n + j];
    }
  }
  return { piv, sign, singular };
}

/** Solves A X = B for B's `cols` columns (row-major n×cols). */
function luSolve(a: number[], n: number, b: number[], cols: number): number[] {
  const m = [...a];
  const { piv, singular } = lu(m, n);
  if (singular) throw new LinAlgError("Singular matrix");
  const x = new Array<number>(n * cols);
  for (let c = 0; c < cols; c++) {
    const y = piv.map((p) => b[p * cols + c]);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) y[i] -= m[i * n + j] * y[j];
    for (let i = n - 1; i >= 0; i--) {
      for (let j = i + 1; j < n; j++) y[i] -= m[i * n + j] * y[j];
      y[i] /= m[i * n + i];
    }
    for (let i = 0; i < n; i++) x[i * cols + c] = y[i];
  }
  return x;
}

/** np.linalg.det(a): the determinant of a square matrix. */
export function det(a: unknown): number {
  const { n, values, dtype } = square(a);
  const { sign } = lu(values, n);
  let d = sign;
  for (let i = 0; i < n; i++) d *= values[i * n + i];
  return dtype === D.float32 ? N.scalarOf(N.make([d], [], D.float32)) as number : d;
}

/** np.linalg.inv(a): the inverse (NumPy's LinAlgError 'Singular matrix' when there is none). */
export function inv(a: unknown): ndarray {
  const { n, values, dtype } = square(a);
  const eye = Array.from({ length: n * n }, (_, k) => +(Math.floor(k / n) === k % n));
  return N.make(luSolve(values, n, eye, n), [n, n], dtype);
}

/** np.linalg.solve(a, b): x with a @ x == b, for b a vector or a matrix of columns. */
export function solve(a: unknown, b: unknown): ndarray {
  const { n, values, dtype } = square(a);
  const y = N.asarray(b);
  if (y.shape[0] !== n) throw new ValueError(`solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size ${y.shape[0]} is different from ${n})`);
  const cols = y.ndim === 1 ? 1 : y.shape[1];
  const out = N.promote(dtype, y._dtype.is_floating_point ? y._dtype : D.float64);
  return N.make(luSolve(values, n, Array.from(y.data), cols), [...y.shape], out);
}

/**
 * np.linalg.norm(x, ord=None, axis=None, keepdims=False): the 2-norm of the flattened values (Frobenius
 * for a matrix); `ord` 1, 2, inf, -inf, 0 or p for vectors (along `axis`), 'fro', 1, inf for matrices.
 */
export function norm(x: unknown, ord?: number | string | null | NormOptions, axis?: number | null | NormOptions, options: NormOptions = {}): number | ndarray {
  const o: NormOptions = { ...options };
  if (ord !== null && typeof ord === "object") Object.assign(o, ord);
  else if (ord !== undefined) o.ord = ord;
  if (axis !== null && typeof axis === "object") Object.assign(o, axis);
  else if (axis !== undefined) o.axis = axis;
  const a = N.asarray(x);
  const dtype = a._dtype === D.float32 ? D.float32 : D.float64;
  const p = o.ord ?? null;
  if (o.axis === null || o.axis === undefined) {
    if (p === null) return N.scalarOf(N.make([Math.sqrt(Array.from(a.data).reduce((s, v) => s + v * v, 0))], [], dtype)) as number;
    if (a.ndim === 2) return matrixNorm(a, p, dtype);
    if (a.ndim !== 1) throw new ValueError("Improper number of dimensions to norm.");
  }
  const vec = (v: number[]): number => {
    const q = p === null ? 2 : Number(p);
    if (typeof p === "string") throw new ValueError(`Invalid norm order '${p}' for vectors`);
    const abs = v.map(Math.abs);
    if (q === Infinity) return Math.max(...abs);
    if (q === -Infinity) return Math.min(...abs);
    if (q === 0) return abs.filter((t) => t !== 0).length;
    if (q === 1) return abs.reduce((s, t) => s + t, 0);
    if (q === 2) return Math.sqrt(abs.reduce((s, t) => s + t * t, 0));
    return abs.reduce((s, t) => s + t ** q, 0) ** (1 / q);
  };
  return N.reduce("norm", a, o.axis ?? 0, o.keepdims ?? false, dtype, vec) as number | ndarray;
}

interface NormOptions {
  ord?: number | string | null;
  axis?: number | null;
  keepdims?: boolean;
}

function matrixNorm(a: ndarray, p: number | string, dtype: D.dtype): number {
  const [r, c] = a.shape;
  const at = (i: number, j: number) => Math.abs(a.data[i * c + j]);
  let v: number;
  if (p === "fro") v = Math.sqrt(Array.from(a.data).reduce((s, t) => s + t * t, 0));
  else if (p === 1 || p === -1) {
    const cols = Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => at(i, j)).reduce((s, t) => s + t, 0));
    v = p === 1 ? Math.max(...cols) : Math.min(...cols);
  } else if (p === Infinity || p === -Infinity) {
    const rows = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => at(i, j)).reduce((s, t) => s + t, 0));
    v = p === Infinity ? Math.max(...rows) : Math.min(...rows);
  } else throw new ValueError("Invalid norm order for matrices.");
  return N.scalarOf(N.make([v], [], dtype)) as number;
}

/** A 2-d float64 matrix's rows × cols and values (row-major). */
function matrix(a: unknown): { m: number; n: number; values: number[] } {
  const x = N.asarray(a);
  if (x.ndim < 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be at least two-dimensional`);
  if (x.ndim > 2) throw new ValueError("np.linalg here takes a 2-d array (a single matrix)");
  const values = Array.from(x.data as ArrayLike<number>, Number);
  if (!values.every(Number.isFinite)) throw new LinAlgError("SVD did not converge");
  return { m: x.shape[0], n: x.shape[1], values };
}

/**
 * One-sided Jacobi (Hestenes) SVD of an m×n matrix with m >= n: U (m×n, orthonormal columns), the
 * singular values (descending) and V (n×n), by plane rotations of column pairs until every pair is
 * orthogonal to float64 precision.
 */
function jacobiSvd(a: number[], m: number, n: number): { u: number[]; s: number[]; v: number[] } {
  // torch.linalg's float64 Hestenes rotations (src/ops/linalg_extra.ts), sorted and completed here.
  const { U: u, s: raw, V: v } = jacobiRotations(Float64Array.from(a), m, n);
  const sv = Array.from(raw);
  const order = sv.map((_, j) => j).sort((x, y) => sv[y] - sv[x]);
  const uo = new Array<number>(m * n);
  const vo = new Array<number>(n * n);
  order.forEach((j, k) => {
    for (let i = 0; i < m; i++) uo[i * n + k] = sv[j] === 0 ? 0 : u[i * n + j];
    for (let i = 0; i < n; i++) vo[i * n + k] = v[i * n + j];
  });
  completeColumns(uo, m, n, order.map((j) => sv[j]));
  return { u: uo, s: order.map((j) => sv[j]), v: vo };
}

/** Replaces the zero columns of an m×k matrix (those of zero singular values) by orthonormal ones (Gram-Schmidt on the unit vectors). */
function completeColumns(u: number[], m: number, k: number, s: number[]): void {
  let e = 0;
  for (let j = 0; j < k; j++) {
    if (s[j] !== 0) continue;
    for (; e < m; e++) {
      const col = Array.from({ length: m }, (_, i) => +(i === e));
      for (let c = 0; c < k; c++) {
        if (c === j || (s[c] === 0 && c > j)) continue;
        const d = col.reduce((acc, x, i) => acc + x * u[i * k + c], 0);
        for (let i = 0; i < m; i++) col[i] -= d * u[i * k + c];
      }
      const norm = Math.sqrt(col.reduce((acc, x) => acc + x * x, 0));
      if (norm > 1e-8) {
        for (let i = 0; i < m; i++) u[i * k + j] = col[i] / norm;
        e++;
        break;
      }
    }
  }
}

/** `u` (m×k) widened to m×m by orthonormal columns (full_matrices). */
function widen(u: number[], m: number, k: number): number[] {
  const out = new Array<number>(m * m).fill(0);
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) out[i * m + j] = u[i * k + j];
  completeColumns(out, m, m, Array.from({ length: m }, (_, j) => (j < k ? 1 : 0)));
  return out;
}

function transposed(a: number[], r: number, c: number): number[] {
  return Array.from({ length: r * c }, (_, k) => a[(k % r) * c + Math.floor(k / r)]);
}

interface SvdOptions {
  full_matrices?: boolean;
  compute_uv?: boolean;
}

/**
 * np.linalg.svd(a, full_matrices=True, compute_uv=True): `[U, S, Vh]` with `a == U @ diag(S) @ Vh`,
 * S descending (only S with `compute_uv: false`). The singular values are NumPy's to float64
 * precision; a singular vector's sign may differ from LAPACK's (U's column and Vh's row flip together).
 */
export function svd(a: unknown, options: { full_matrices?: boolean; compute_uv: false }): ndarray;
export function svd(a: unknown, full_matrices: boolean, compute_uv: false): ndarray;
export function svd(a: unknown, full_matrices?: boolean | { full_matrices?: boolean; compute_uv?: true }, compute_uv?: true): [ndarray, ndarray, ndarray];
export function svd(a: unknown, full_matrices: boolean | SvdOptions = true, compute_uv: boolean | SvdOptions = true, options: SvdOptions = {}): ndarray | [ndarray, ndarray, ndarray] {
  const o: SvdOptions = { ...options };
  if (typeof full_matrices === "object") Object.assign(o, full_matrices);
  else o.full_matrices = full_matrices;
  if (typeof compute_uv === "object") Object.assign(o, compute_uv);
  else if (o.compute_uv === undefined) o.compute_uv = compute_uv;
  const { m, n, values } = matrix(a);
  const dtype = N.asarray(a)._dtype === D.float32 ? D.float32 : D.float64;
  const wide = m < n;
  const [r, c] = wide ? [n, m] : [m, n];
  const { u, s, v } = jacobiSvd(wide ? transposed(values, m, n) : values, r, c);
  const k = c;
  const S = N.make(s, [k], dtype);
  if (o.compute_uv === false) return S;
  // For a wide matrix, svd(a.T) = U' S V'.T gives a = V' S U'.T.
  let U = wide ? v : u;
  let Vt = wide ? transposed(u, r, c) : transposed(v, c, c);
  let uCols = k;
  let vRows = k;
  if (o.full_matrices ?? true) {
    if (m > k) {
      U = widen(U, m, k);
      uCols = m;
    }
    if (n > k) {
      Vt = transposed(widen(transposed(Vt, k, n), n, k), n, n);
      vRows = n;
    }
  }
  return asTuple([N.make(U, [m, uCols], dtype), S, N.make(Vt, [vRows, n], dtype)] as [ndarray, ndarray, ndarray]);
}

function asTuple<T extends unknown[]>(xs: T): T {
  return asPyTuple(xs) as T;
}

/**
 * np.linalg.eigh(a): `[w, v]` for a symmetric matrix (its lower triangle read, as UPLO='L'):
 * eigenvalues ascending and the eigenvectors as v's columns, by cyclic Jacobi rotations. The
 * eigenvalues are NumPy's to float64 precision; an eigenvector's sign may differ from LAPACK's.
 */
export function eigh(a: unknown): [ndarray, ndarray] {
  const { n, values, dtype } = square(a);
  const A = values.slice();
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) A[i * n + j] = A[j * n + i];
  const V = Array.from({ length: n * n }, (_, k) => +(Math.floor(k / n) === k % n));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q] ** 2;
    if (off < 1e-300) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p];
          const vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const w = Array.from({ length: n }, (_, i) => A[i * n + i]);
  const order = w.map((_, i) => i).sort((x, y) => w[x] - w[y]);
  const vecs = new Array<number>(n * n);
  order.forEach((j, k) => {
    for (let i = 0; i < n; i++) vecs[i * n + k] = V[i * n + j];
  });
  return asTuple([N.make(order.map((j) => w[j]), [n], dtype), N.make(vecs, [n, n], dtype)] as [ndarray, ndarray]);
}

/**
 * np.linalg.eig(a): `[w, v]` for a general square matrix, by LAPACK's dgeev as NumPy runs it
 * (src/numpy/dgeev.ts): the eigenvalues in LAPACK's order (not sorted) and the unit eigenvectors as v's
 * columns, with LAPACK's signs. torchlab's arrays have no complex dtype, so a matrix with a complex
 * conjugate pair of eigenvalues (a rotation, say) is refused with a NotImplementedError naming them.
 * @example const [w, v] = np.linalg.eig(np.array([[2., 0.], [1., 3.]]));  // w: [3. 2.]
 */
export function eig(a: unknown): [ndarray, ndarray] {
  const { w, vr, n, dtype } = generalEig(a, "eig");
  return asTuple([N.make(w, [n], dtype), N.make(vr, [n, n], dtype)] as [ndarray, ndarray]);
}

/** np.linalg.eigvals(a): eig's eigenvalues, in the same order. */
export function eigvals(a: unknown): ndarray {
  const { w, n, dtype } = generalEig(a, "eigvals");
  return N.make(w, [n], dtype);
}

function generalEig(a: unknown, name: string): { w: number[]; vr: number[]; n: number; dtype: D.dtype } {
  const { n, values, dtype } = square(a);
  if (values.some((v) => !Number.isFinite(v))) throw new LinAlgError("Array must not contain infs or NaNs");
  const r = dgeev(values, n);
  if (r === null) throw new LinAlgError("Eigenvalues did not converge");
  if (r.wi.some((v) => v !== 0)) {
    const pairs = r.wr.map((re, i) => `(${re}${r.wi[i] < 0 ? "-" : "+"}${Math.abs(r.wi[i])}j)`);
    throw new NotImplementedError(`np.linalg.${name}: this matrix has complex eigenvalues [${pairs.join(", ")}], and torchlab's NumPy has no complex dtype`);
  }
  return { w: r.wr, vr: r.vr, n, dtype };
}

/** np.linalg.eigvalsh(a): eigh's eigenvalues. */
export function eigvalsh(a: unknown): ndarray {
  return eigh(a)[0];
}

/** The tolerance NumPy's matrix_rank defaults to: S.max() * max(M, N) * eps. */
function cutoff(s: number[], m: number, n: number): number {
  return Math.max(...s, 0) * Math.max(m, n) * 2 ** -52;
}

/** np.linalg.matrix_rank(A, tol=None): how many singular values exceed the tolerance. */
export function matrix_rank(A: unknown, tol?: number | null | { tol?: number | null }): number {
  const x = N.asarray(A);
  if (x.ndim < 2) return Array.from(x.data as ArrayLike<number>).some((v) => v !== 0) ? 1 : 0;
  const t = tol !== null && typeof tol === "object" ? tol.tol : tol;
  const { m, n } = matrix(x);
  const s = Array.from((svd(x, { compute_uv: false }) as ndarray).data as ArrayLike<number>);
  const limit = t === undefined || t === null ? cutoff(s, m, n) : t;
  return s.filter((v) => v > limit).length;
}

/** np.linalg.pinv(a, rcond=1e-15): the Moore-Penrose pseudo-inverse, V @ diag(1/S) @ U.T over the singular values above rcond * S.max(). */
export function pinv(a: unknown, rcond: number | { rcond?: number } = 1e-15): ndarray {
  const rc = typeof rcond === "object" ? rcond.rcond ?? 1e-15 : rcond;
  const { m, n } = matrix(a);
  const s = Array.from((svd(a, { compute_uv: false }) as ndarray).data as ArrayLike<number>);
  return N.make(pinvAbove(a, rc * Math.max(...s, 0)), [n, m], N.asarray(a)._dtype === D.float32 ? D.float32 : D.float64);
}

/**
 * np.linalg.lstsq(a, b, rcond=None): `[x, residuals, rank, s]`, the least-squares solution of
 * `a @ x = b` (the pseudo-inverse's, minimum norm), the squared residual norms per column (empty when
 * a is rank-deficient or not tall), a's rank and its singular values.
 */
export function lstsq(a: unknown, b: unknown, rcond?: number | null | { rcond?: number | null }): [ndarray, ndarray, number, ndarray] {
  const { m, n, values } = matrix(a);
  const y = N.asarray(b);
  if (y.shape[0] !== m) throw new LinAlgError("Incompatible dimensions");
  const rc = rcond !== null && typeof rcond === "object" ? rcond.rcond : rcond;
  const S = svd(a, { compute_uv: false }) as ndarray;
  const s = Array.from(S.data as ArrayLike<number>);
  const limit = rc === undefined || rc === null ? 2 ** -52 * Math.max(m, n) * Math.max(...s, 0) : rc * Math.max(...s, 0);
  const rank = s.filter((v) => v > limit).length;
  const P = pinvAbove(a, limit);
  const cols = y.ndim === 1 ? 1 : y.shape[1];
  const yv = Array.from(y.data as ArrayLike<number>, Number);
  const x = new Array<number>(n * cols).fill(0);
  for (let r = 0; r < n; r++) for (let c = 0; c < cols; c++) for (let i = 0; i < m; i++) x[r * cols + c] += P[r * m + i] * yv[i * cols + c];
  let residuals: number[] = [];
  if (rank === n && m > n) {
    residuals = Array.from({ length: cols }, (_, c) => {
      let sum = 0;
      for (let i = 0; i < m; i++) {
        let fit = 0;
        for (let r = 0; r < n; r++) fit += values[i * n + r] * x[r * cols + c];
        sum += (yv[i * cols + c] - fit) ** 2;
      }
      return sum;
    });
  }
  const dtype = N.promote(N.asarray(a)._dtype === D.float32 ? D.float32 : D.float64, y._dtype.is_floating_point ? y._dtype : D.float64);
  return asTuple([N.make(x, y.ndim === 1 ? [n] : [n, cols], dtype), N.make(residuals, [residuals.length], dtype), rank, S] as [ndarray, ndarray, number, ndarray]);
}

function pinvAbove(a: unknown, limit: number): number[] {
  const { m, n } = matrix(a);
  const [U, S, Vt] = svd(a, { full_matrices: false }) as [ndarray, ndarray, ndarray];
  const s = Array.from(S.data as ArrayLike<number>);
  const k = s.length;
  const u = U.data as ArrayLike<number>;
  const vt = Vt.data as ArrayLike<number>;
  const out = new Array<number>(n * m).fill(0);
  for (let j = 0; j < k; j++) {
    if (!(s[j] > limit)) continue;
    for (let r = 0; r < n; r++) for (let c = 0; c < m; c++) out[r * m + c] += (vt[j * n + r] * u[c * k + j]) / s[j];
  }
  return out;
}
