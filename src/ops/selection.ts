/**
 * Order statistics that pick one element per slice: kthvalue, median, nanmedian, mode (PyTorch's
 * torch.return_types.kthvalue / median / mode along a dim, and median over all elements).
 * They run on the host, as sort does: NaN orders as the largest value, ties keep index order.
 *
 * Which index is returned for a repeated value is, in PyTorch's own words, "not necessarily the
 * first occurrence ... device-specific"; here it is the one PyTorch's CPU quickselect leaves for kthvalue,
 * the first one in index order for median (a NaN median: the first NaN, as PyTorch's CPU gives), and for mode the last occurrence of
 * the most frequent value, the smallest such value on a tie in counts, as PyTorch's CPU kernel does.
 */
import { tf, compute, record, constant, normDim } from "./_core";
import { Tensor } from "../tensor/tensor";
import { IndexError, RuntimeError, TypeError } from "../errors";
import { valuesIndices, ValuesIndices } from "./reduce";
import { scatterBack } from "./sort";
import { kthValueIndex } from "./cpu_order";

type Picker = (vals: number[], order: number[]) => number;

/** NaN compares as the largest value; equal values keep index order. */
function byValue(vals: number[]): number[] {
  return vals
    .map((_, j) => j)
    .sort((a, b) => {
      const an = Number.isNaN(vals[a]);
      const bn = Number.isNaN(vals[b]);
      if (an || bn) return an === bn ? a - b : an ? 1 : -1;
      return vals[a] < vals[b] ? -1 : vals[a] > vals[b] ? 1 : a - b;
    });
}

/** One pick per slice along `d`: the values (with `name`'s backward) and their indices. */
function pickAlong(op: "kthvalue" | "median" | "nanmedian" | "mode", name: string, t: Tensor, dim: number, keepdim: boolean, pick: Picker): ValuesIndices {
  if (t.dtype._tf === "bool") throw new RuntimeError(`"${op}_cpu" not implemented for 'Bool'`);
  const d = normDim(dim, t.dim(), op);
  const shape = t.dim() === 0 ? [1] : t.shape;
  const n = shape[d];
  if (n === 0) throw new IndexError(`${op}(): Expected reduction dim ${d} to have non-zero size.`);
  const outer = shape.slice(0, d).reduce((a, b) => a * b, 1);
  const inner = shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const data = t._t.dataSync() as ArrayLike<number>;
  const vals = new Array<number>(outer * inner);
  const idx = new Int32Array(outer * inner);
  const source = new Int32Array(outer * inner);
  const slice = new Array<number>(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      for (let j = 0; j < n; j++) slice[j] = data[base + j * inner];
      const j = pick(slice, byValue(slice));
      vals[o * inner + i] = slice[j];
      idx[o * inner + i] = j;
      source[o * inner + i] = base + j * inner;
    }
  }
  const outShape = t.dim() === 0 ? [] : keepdim ? shape.map((s, k) => (k === d ? 1 : s)) : shape.filter((_, k) => k !== d);
  const values = record(name, [t], compute(() => tf.tensor(vals, outShape, t.dtype._tf)), (g) => [scatterBack(g, source, t.shape)]);
  return valuesIndices(values, constant(compute(() => tf.tensor(idx, outShape, "int32"))), op);
}

/** The `k`-th smallest element (1-based) along `dim` and its index. */
export function kthvalue(t: Tensor, k: number, dim = -1, keepdim = false): ValuesIndices {
  if (!Number.isInteger(k)) throw new TypeError(`kthvalue(): argument 'k' (position 1) must be int, not ${typeof k === "number" ? "float" : typeof k}`);
  const n = t.dim() === 0 ? 1 : t.shape[normDim(dim, t.dim(), "kthvalue")];
  if (k < 1 || k > n) throw new RuntimeError(`kthvalue(): selected number k out of range for dimension ${normDim(dim, t.dim(), "kthvalue")}`);
  // Among equal values, the one PyTorch's quickselect leaves at rank k.
  return pickAlong("kthvalue", "KthvalueBackward0", t, dim, keepdim, (vals) => kthValueIndex(vals, 0, vals.length, k - 1));
}

/** The lower median: the sorted element at (n - 1) / 2, or the first NaN where there is one. */
const lowerMedian: Picker = (vals, order) => {
  const nans = vals.reduce((c, v) => c + (Number.isNaN(v) ? 1 : 0), 0);
  return nans > 0 ? order[vals.length - nans] : order[(vals.length - 1) >> 1];
};

/** Median along `dim` (values and indices). */
export function medianDim(t: Tensor, dim: number, keepdim = false): ValuesIndices {
  return pickAlong("median", "MedianBackward1", t, dim, keepdim, lowerMedian);
}

/** The lower median of the non-NaN values (PyTorch's k = (n - nans - 1) / 2, truncated); NaN only for an all-NaN slice. */
const nanLowerMedian: Picker = (vals, order) => {
  const nans = vals.reduce((c, v) => c + (Number.isNaN(v) ? 1 : 0), 0);
  return order[Math.max(0, (vals.length - nans - 1) >> 1)];
};

/** nanmedian along `dim` (values and indices): the median of each slice's non-NaN values. */
export function nanmedianDim(t: Tensor, dim: number, keepdim = false): ValuesIndices {
  return pickAlong("nanmedian", "NanmedianBackward1", t, dim, keepdim, nanLowerMedian);
}

/** Median of all elements (the lower one of an even count; NaN if any is); the gradient is shared by the elements equal to it. */
export function medianAll(t: Tensor): Tensor {
  return medianOfAll(t, "median", "MedianBackward0", lowerMedian);
}

/** nanmedian of all elements: the median of the non-NaN ones (NaN when all are). */
export function nanmedianAll(t: Tensor): Tensor {
  return medianOfAll(t, "nanmedian", "NanmedianBackward0", nanLowerMedian);
}

function medianOfAll(t: Tensor, op: string, name: string, pick: Picker): Tensor {
  if (t.dtype._tf === "bool") throw new RuntimeError(`"${op}_cpu" not implemented for 'Bool'`);
  if (t.numel() === 0) return record(name, [t], compute(() => tf.scalar(NaN, t.dtype._tf)), () => [tf.zeros(t.shape)]);
  const flat = Array.from(t._t.dataSync() as ArrayLike<number>);
  const value = flat[pick(flat, byValue(flat))];
  return record(name, [t], compute(() => tf.scalar(value, t.dtype._tf)), (g) => {
    const data = t._t.dataSync() as ArrayLike<number>;
    const mask = Float32Array.from(data, (v) => (Number.isNaN(value) ? (Number.isNaN(v) ? 1 : 0) : v === value ? 1 : 0));
    const count = mask.reduce((a, b) => a + b, 0);
    return [tf.mul(tf.tensor(mask.map((m) => m / count), t.shape, "float32"), g)];
  });
}

/** Most frequent value along `dim`: the smallest on a tie in counts, with the index of its last occurrence. */
export function mode(t: Tensor, dim = -1, keepdim = false): ValuesIndices {
  return pickAlong("mode", "ModeBackward0", t, dim, keepdim, (vals, order) => {
    const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
    let best = order[0];
    let bestCount = 0;
    for (let s = 0; s < order.length; ) {
      let e = s;
      while (e + 1 < order.length && same(vals[order[e + 1]], vals[order[s]])) e++;
      if (e - s + 1 > bestCount) {
        bestCount = e - s + 1;
        best = order[e];
      }
      s = e + 1;
    }
    return best;
  });
}
