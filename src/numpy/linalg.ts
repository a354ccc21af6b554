/**
 * np.linalg: norm, inv, det and solve over float64 values (LU with partial pivoting, as LAPACK's getrf:
 * results agree with NumPy's to float64 rounding). Stacks of matrices are not taken: a 2-d array.
 */
import { ValueError } from "../errors";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";
import * as N from "./core";

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
