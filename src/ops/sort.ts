/**
 * Ordering and index ops: sort, argsort, topk, tril/triu, nonzero/argwhere, isclose, cumprod.
 * Sorting runs in JS rather than tf.topk so ties keep index order (PyTorch's stable sort) and NaN
 * ranks as the largest value, as PyTorch orders it; tf.topk makes neither promise.
 */
import { tf, compute, record, constant, withDtype, normDim, as, broadcastShapes, describe } from "./_core";
import { cumulativeT } from "../backend/math_kernels";
import { holdsNoTensor, type BackwardFn } from "../autograd/node";
import * as D from "../tensor/dtype";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, ShapeError, TypeError } from "../errors";
import { valuesIndices, ValuesIndices } from "./reduce";
import { asPyTuple } from "../pyrepr";
import { topkOrder, unstableSortOrder } from "./cpu_order";
import { sliceTf } from "../backend/wasm_kernels";

/** Permutation moving `d` to the last axis; it is its own layout's inverse map via `inverse`. */
function toLastPerm(ndim: number, d: number): number[] {
  const p = [...Array(ndim).keys()].filter((i) => i !== d);
  p.push(d);
  return p;
}
function inverse(p: number[]): number[] {
  const inv = new Array<number>(p.length);
  p.forEach((v, i) => (inv[v] = i));
  return inv;
}

/** NaN compares as the largest value; ties are broken by index, so both directions are stable. */
function cmp(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const INDEX_SPAN = 2 ** 21;
let packedRowLimit = INDEX_SPAN;
/** @internal Lets tests send short rows down the comparator path that only rows over 2^21 take. */
export function _setPackedRowLimit(n: number): void {
  packedRowLimit = Math.min(n, INDEX_SPAN);
}
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * Sorts one row by keys `rank(value) * 2^21 + index`: 32-bit order-preserving ranks plus a 21-bit
 * index fit float64's 53-bit mantissa exactly, so ties come out in index order (stable) and one
 * native numeric sort does the work. NaN takes the top rank; -0 ranks as 0, as they compare equal.
 */
function sortRowPacked(data: ArrayLike<number>, base: number, n: number, descending: boolean, keys: Float64Array, order: number[]): void {
  const isFloat = !(data instanceof Int32Array);
  for (let i = 0; i < n; i++) {
    const v = data[base + i];
    let rank: number;
    if (isFloat) {
      if (Number.isNaN(v)) rank = 0xffffffff;
      else {
        f32[0] = v === 0 ? 0 : v;
        const bits = u32[0];
        rank = bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
      }
    } else {
      rank = (v | 0) + 0x80000000;
    }
    if (descending) rank = 0xffffffff - rank;
    keys[i] = rank * INDEX_SPAN + i;
  }
  keys.sort();
  for (let i = 0; i < n; i++) order[i] = keys[i] % INDEX_SPAN;
}

/** Whether the sorted row `order` holds two equal neighbours (NaN equal to NaN, -0 to 0). */
function hasTies(data: ArrayLike<number>, base: number, n: number, order: number[]): boolean {
  for (let i = 1; i < n; i++) if (cmp(data[base + order[i - 1]], data[base + order[i]]) === 0) return true;
  return false;
}

interface Ordered {
  values: tf.Tensor;
  indices: tf.Tensor;
  /** Flat positions in the input of each output element (row-major over the output shape). */
  source: Int32Array;
}

/** Python's name for a JS value's type, for PyTorch's argument-type messages. */
function pyType(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  return describe(v);
}

/**
 * The first `k` of each slice along `d`, ordered ascending or descending: a stable sort, PyTorch's
 * unstable one (`stable` false: ties as std::sort leaves them), or (`topk` given) the k that
 * PyTorch's topk selects among ties, in its order.
 */
function ordered(t: Tensor, d: number, k: number, descending: boolean, topk?: { sorted: boolean }, stable = true): Ordered {
  const ndim = t.dim();
  const perm = toLastPerm(ndim, d);
  const n = t.shape[d];
  const outShape = t.shape.slice();
  outShape[d] = k;
  const permShape = perm.map((p) => outShape[p]);
  const inPermShape = perm.map((p) => t.shape[p]);
  const data = compute(() => as(tf.transpose(t._t, perm), t.dtype._tf === "bool" ? "int32" : t.dtype._tf)).dataSync() as ArrayLike<number>;
  // Flat input offsets of the permuted layout, so gradients can scatter straight back.
  const strides = new Array<number>(ndim).fill(1);
  for (let i = ndim - 2; i >= 0; i--) strides[i] = strides[i + 1] * t.shape[i + 1];
  const rows = n === 0 ? 0 : data.length / n;
  const vals = t.dtype._tf === "float32" ? new Float32Array(rows * k) : new Int32Array(rows * k);
  const idx = new Int32Array(rows * k);
  const srcPerm = new Int32Array(rows * k);
  const order = new Array<number>(n);
  const sign = descending ? -1 : 1;
  // Rows up to 2^21 long sort as packed float64 keys (native numeric sort, ~20x faster than a comparator).
  const packed = n <= packedRowLimit;
  const keys = new Float64Array(packed ? n : 0);
  for (let r = 0; r < rows; r++) {
    const base = r * n;
    if (topk) {
      topkOrder(data, base, n, k, descending, topk.sorted, order);
    } else if (packed) {
      sortRowPacked(data, base, n, descending, keys, order);
      // std::sort differs from a stable sort only in the order of equal values, and only past 16 of them.
      if (!stable && n > 16 && hasTies(data, base, n, order)) unstableSortOrder(data, base, n, descending, order);
    } else {
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => sign * cmp(data[base + a], data[base + b]) || a - b);
    }
    // Input offset of this row's element 0: decode the row number over the permuted leading dims.
    let rem = r;
    let off = 0;
    for (let ax = ndim - 2; ax >= 0; ax--) {
      const size = inPermShape[ax];
      off += (rem % size) * strides[perm[ax]];
      rem = Math.floor(rem / size);
    }
    for (let j = 0; j < k; j++) {
      vals[r * k + j] = data[base + order[j]];
      idx[r * k + j] = order[j];
      srcPerm[r * k + j] = off + order[j] * strides[d];
    }
  }
  const inv = inverse(perm);
  const values = compute(() => {
    const v = tf.transpose(tf.tensor(vals, permShape, t.dtype._tf === "float32" ? "float32" : "int32"), inv);
    return t.dtype._tf === "bool" ? tf.cast(v, "bool") : v;
  });
  const indices = compute(() => tf.transpose(tf.tensor(idx, permShape, "int32"), inv));
  // Reorder the source offsets from the permuted layout to the output's own row-major layout.
  const source = compute(() => tf.transpose(tf.tensor(srcPerm, permShape, "int32"), inv)).dataSync() as Int32Array;
  return { values, indices, source };
}

/** Gradient of a gather by flat positions: g scattered (and summed) into the input's shape. */
export function scatterBack(g: tf.Tensor, source: Int32Array, shape: number[]): tf.Tensor {
  const gd = g.dataSync();
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < source.length; i++) out[source[i]] += gd[i];
  return tf.tensor(out, shape, "float32");
}

function orderedOp(op: "sort" | "topk", name: string, t: Tensor, dim: number, k: number | null, descending: boolean, sorted = true, stable = true): ValuesIndices {
  if (k !== null && !Number.isInteger(k)) throw new TypeError(`${op}(): argument 'k' (position 1) must be int, not ${pyType(k)}`);
  if (k !== null && t.dtype._tf === "bool") throw new RuntimeError(`"${op}_cpu" not implemented for 'Bool'`);
  if (t.dim() === 0) {
    normDim(dim, 0, op);
    if (k !== null && (k < 0 || k > 1)) throw new RuntimeError("selected index k out of range");
    // PyTorch returns the 0-d value itself for k = 0 as well as k = 1.
    const r = orderedOp(op, name, t.reshape([1]), 0, k === null ? null : 1, descending, sorted, stable);
    return valuesIndices(r.values.reshape([]), r.indices.reshape([]), op);
  }
  const d = normDim(dim, t.dim(), op);
  const kk = k ?? t.shape[d];
  if (!Number.isInteger(kk) || kk < 0 || kk > t.shape[d]) throw new RuntimeError("selected index k out of range");
  const o = ordered(t, d, kk, descending, op === "topk" ? { sorted } : undefined, stable);
  const values = record(name, [t], o.values, (g) => [scatterBack(g, o.source, t.shape)]);
  return valuesIndices(values, constant(o.indices), op);
}

/**
 * The `k` largest (or smallest) elements along `dim`; NaN counts as the largest value. Among ties,
 * the elements and order are those of PyTorch's CPU kernel (see cpu_order.ts), sorted=false included.
 */
export function topk(t: Tensor, k: number, dim = -1, largest = true, sorted = true): ValuesIndices {
  return orderedOp("topk", "TopkBackward0", t, dim, k, largest, sorted);
}

/**
 * Sort along `dim`: stable, or (`stable` false, PyTorch's default for torch.sort) with equal values
 * in the order PyTorch's CPU kernel leaves them (see cpu_order.ts).
 */
export function sort(t: Tensor, dim = -1, descending = false, stable = true): ValuesIndices {
  return orderedOp("sort", "SortBackward0", t, dim, null, descending, true, stable);
}

export function argsort(t: Tensor, dim = -1, descending = false, stable = true): Tensor {
  return sort(t, dim, descending, stable).indices;
}

/** Keeps the lower (tril) or upper (triu) triangle of the last two dims, relative to `diagonal`. */
export function triangle(op: "tril" | "triu", t: Tensor, diagonal = 0): Tensor {
  if (!Number.isInteger(diagonal)) throw new TypeError(`${op}(): argument 'diagonal' (position 1) must be int, not ${pyType(diagonal)}`);
  if (t.dim() < 2) normDim(-2, t.dim());
  const name = op === "tril" ? "TrilBackward0" : "TriuBackward0";
  if (t.numel() === 0) return record(name, [t], compute(() => tf.clone(t._t)), zerosBackward(t.shape), false, false);
  const keep = triangleKeep(op, t.shape[t.dim() - 2], t.shape[t.dim() - 1], diagonal);
  const out = compute(() => keep(t._t));
  return record(name, [t], out, mapBackward(keep), false, false);
}

/**
 * Zeroes the other triangle of a [..., rows, cols] tensor. Made at module level, so that the backward
 * closure built on it holds no tensor (see holdsNoTensor).
 */
function triangleKeep(op: "tril" | "triu", rows: number, cols: number, diagonal: number): (x: tf.Tensor) => tf.Tensor {
  const mask = (): tf.Tensor => {
    const diff = tf.sub(tf.reshape(tf.range(0, cols, 1, "int32"), [1, cols]), tf.reshape(tf.range(0, rows, 1, "int32"), [rows, 1]));
    return op === "tril" ? tf.lessEqual(diff, diagonal) : tf.greaterEqual(diff, diagonal);
  };
  return (x) => tf.where(tf.broadcastTo(mask(), x.shape), x, tf.zerosLike(x));
}

/** The gradient through `f` (a module-level function, holding no tensor). */
function mapBackward(f: (g: tf.Tensor) => tf.Tensor): BackwardFn {
  return holdsNoTensor((g) => [f(g)]);
}

function zerosBackward(shape: readonly number[]): BackwardFn {
  return holdsNoTensor(() => [tf.zeros(shape as number[])]);
}

/** Positions of the non-zero elements, one row per element: [n, ndim] int32 (PyTorch's int64). */
export function nonzero(t: Tensor): Tensor {
  const data = compute(() => as(t._t, t.dtype._tf === "bool" ? "int32" : t.dtype._tf)).dataSync() as ArrayLike<number>;
  const ndim = t.dim();
  const hits: number[] = [];
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0) continue;
    n++;
    let rem = i;
    const at = new Array<number>(ndim);
    for (let ax = ndim - 1; ax >= 0; ax--) {
      at[ax] = rem % t.shape[ax];
      rem = Math.floor(rem / t.shape[ax]);
    }
    hits.push(...at);
  }
  return constant(compute(() => tf.tensor(Int32Array.from(hits), [n, ndim], "int32")));
}

/** nonzero(as_tuple=True): one 1-D index tensor per dim (a 0-d input counts as 1-D, as in PyTorch). */
export function nonzeroTuple(t: Tensor): Tensor[] {
  const src = t.dim() === 0 ? t.reshape([1]) : t;
  const nz = nonzero(src);
  return asPyTuple([...Array(src.dim()).keys()].map((ax) => constant(compute(() => tf.reshape(sliceTf(nz._t, [0, ax], [nz.shape[0], 1]), [nz.shape[0]])))));
}

/** |a - b| <= atol + rtol * |b| elementwise, equal values (infinities) included; NaN only with equal_nan. */
export function isclose(a: Tensor, other: Tensor, rtol = 1e-5, atol = 1e-8, equal_nan = false): Tensor {
  if (!(other instanceof Tensor)) throw new TypeError(`isclose(): argument 'other' (position 2) must be Tensor, not ${pyType(other)}`);
  const b = other;
  if (a.dtype !== b.dtype) throw new RuntimeError(`${a.dtype._typeName} did not match ${b.dtype._typeName}`);
  if (rtol < 0) throw new RuntimeError(`rtol must be greater than or equal to zero, but got ${rtol}`);
  if (atol < 0) throw new RuntimeError(`atol must be greater than or equal to zero, but got ${atol}`);
  const shape = broadcastShapes(a.shape, b.shape);
  if (shape === null) {
    const n = Math.max(a.dim(), b.dim());
    let i = 0;
    for (; i < n; i++) {
      const x = a.shape[a.dim() - n + i] ?? 1;
      const y = b.shape[b.dim() - n + i] ?? 1;
      if (x !== y && x !== 1 && y !== 1) break;
    }
    throw new ShapeError(
      `The size of tensor a (${a.shape[a.dim() - n + i]}) must match the size of tensor b (${b.shape[b.dim() - n + i]}) at non-singleton dimension ${i} ` +
        `(isclose(): input [${a.shape.join(", ")}] and other [${b.shape.join(", ")}])`,
      a.shape,
      b.shape,
    );
  }
  return constant(
    compute(() => {
      const x = as(a._t, D.float32);
      const y = as(b._t, D.float32);
      const eq = tf.equal(x, y);
      const close = tf.lessEqual(tf.abs(tf.sub(x, y)), tf.add(tf.mul(tf.abs(y), rtol), atol));
      // |a - b| is inf/nan for unequal infinities, which lessEqual already rejects.
      let r = tf.logicalOr(eq, tf.logicalAnd(close, tf.isFinite(tf.sub(x, y))));
      if (equal_nan) r = tf.logicalOr(r, tf.logicalAnd(tf.isNaN(x), tf.isNaN(y)));
      return tf.broadcastTo(r, shape);
    }),
  );
}

/**
 * Cumulative product along `dim`. The gradient is computed by a left-product / right-recurrence
 * pass (grad_i = prod_{k<i} x_k * R_i, R_i = g_i + x_{i+1} R_{i+1}), exact even with zeros where
 * dividing by x would not be.
 */
export function cumprod(t: Tensor, dim: number): Tensor {
  const d = normDim(dim, t.dim(), "cumprod");
  const dt = t.dtype._tf === "float32" ? "float32" : "int32";
  // float32 accumulates in double, as PyTorch's CPU kernel does (math_kernels.ts), where the backend has the kernel.
  const out = compute(() => (t.dim() === 0 || t.numel() === 0 ? as(t._t, dt) : ((dt === "float32" ? cumulativeT(as(t._t, dt), d, true) : null) ?? tf.cumprod(as(t._t, dt), d))));
  // PyTorch multiplies every integer (and bool) dtype into int64.
  const r = record("CumprodBackward0", [t], out, (g) => {
    if (t.dim() === 0) return [g];
    const perm = toLastPerm(t.dim(), d);
    const x = tf.transpose(as(t._t, D.float32), perm).dataSync();
    const gp = tf.transpose(g, perm);
    const gd = gp.dataSync();
    const n = t.shape[d];
    const res = new Float32Array(x.length);
    for (let base = 0; base < x.length; base += n) {
      let r = 0;
      for (let i = n - 1; i >= 0; i--) {
        r = i === n - 1 ? gd[base + i] : gd[base + i] + x[base + i + 1] * r;
        res[base + i] = r;
      }
      let left = 1;
      for (let i = 0; i < n; i++) {
        res[base + i] *= left;
        left *= x[base + i];
      }
    }
    return [tf.transpose(tf.tensor(res, gp.shape, "float32"), inverse(perm))];
  });
  return dt === "int32" ? withDtype(r, D.int64) : r;
}
