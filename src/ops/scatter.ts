/**
 * Writes at computed positions: scatter / scatter_add (along a dim, the inverse of gather) and
 * index_put (PyTorch's `x[indices] = values`). Positions are computed on the host as flat offsets;
 * the write itself is a segment sum plus a mask, kernels every backend has.
 */
import { tf, compute, record, constant, normDim, fmtShape, broadcastShapes, numelOf, sumTo, describe } from "./_core";
import { Tensor, DType } from "../tensor/tensor";
import { stridesOf as rowMajor } from "../tensor/repr";
import { index as indexOp, type IndexItem } from "./movement";
import { IndexError, NotImplementedError, RuntimeError, ShapeError, TypeError } from "../errors";
import { is_grad_enabled } from "../autograd/grad_mode";
import * as D from "../tensor/dtype";

/** Flat values `vals` written into flat `base` at `pos` (last write wins), or added (accumulate). */
function putFlat(base: tf.Tensor, pos: Int32Array, vals: tf.Tensor, accumulate: boolean): tf.Tensor {
  const n = base.size;
  const dtype = base.dtype;
  const work = dtype === "bool" ? "int32" : dtype;
  if (pos.length === 0) return tf.clone(base);
  if (accumulate) {
    // tfjs-backend-cpu's UnsortedSegmentSum returns float32 for int32 input; keep the integer dtype.
    const added = tf.cast(tf.unsortedSegmentSum(tf.cast(vals, work), tf.tensor1d(pos, "int32"), n), work);
    const sum = tf.add(tf.cast(base, work), added);
    return dtype === "bool" ? tf.notEqual(sum, 0) : sum;
  }
  // The last write to a position wins (PyTorch leaves duplicates unspecified; its CPU kernel keeps the last).
  const last = new Map<number, number>();
  pos.forEach((p, i) => last.set(p, i));
  const keep = Int32Array.from(last.values());
  const where = Int32Array.from(last.keys());
  const placed = tf.unsortedSegmentSum(tf.gather(tf.cast(vals, work), tf.tensor1d(keep, "int32")), tf.tensor1d(where, "int32"), n);
  const m = new Int32Array(n);
  for (const p of where) m[p] = 1;
  return tf.where(tf.cast(tf.tensor1d(m, "int32"), "bool"), tf.cast(placed, dtype), base);
}

function zeroAt(g: tf.Tensor, pos: Int32Array): tf.Tensor {
  const m = new Int32Array(g.size).fill(1);
  for (const p of pos) m[p] = 0;
  return tf.mul(g, tf.reshape(tf.cast(tf.tensor1d(m, "int32"), "float32"), g.shape));
}

function gatherFlat(g: tf.Tensor, pos: Int32Array, shape: number[]): tf.Tensor {
  return tf.reshape(tf.gather(tf.reshape(g, [-1]), tf.tensor1d(pos, "int32")), shape);
}

function valueTensor(op: string, value: Tensor | number | boolean, dtype: DType): Tensor {
  if (value instanceof Tensor) return value;
  if (typeof value !== "number" && typeof value !== "boolean") throw new TypeError(`${op}(): value must be a Tensor or a number, not ${describe(value)}`);
  return constant(compute(() => tf.scalar(Number(value), dtype._tf)));
}

// ---------------------------------------------------------------- index_put

/** Flat offsets into a tensor of `shape` picked by PyTorch indexing with `items`, and the result's shape. */
export function indexPositions(shape: number[], items: string | IndexItem[]): { pos: Int32Array; shape: number[] } {
  const n = numelOf(shape);
  const ar = constant(compute(() => tf.reshape(tf.range(0, n, 1, "int32"), shape)));
  const picked = indexOp(ar, items);
  return { pos: picked._t.dataSync() as Int32Array, shape: picked.shape.slice() };
}

/**
 * `t` with `values` (broadcast to the indexing result) written at the positions `items` pick;
 * summed into them with `accumulate`. Differentiable in `t` and `values` (IndexPutBackward0).
 */
export function index_put(op: string, t: Tensor, items: string | IndexItem[], values: Tensor | number | boolean, accumulate: boolean): Tensor {
  if (values instanceof Tensor && values.dtype !== t.dtype) {
    throw new RuntimeError(`Index put requires the source and destination dtypes match, got ${t.dtype._typeName} for the destination and ${values.dtype._typeName} for the source.`);
  }
  const { pos, shape } = indexPositions(t.shape, items);
  const v = valueTensor(op, values, t.dtype);
  if (broadcastShapes(v.shape, shape)?.join(",") !== shape.join(",")) {
    throw new ShapeError(`${op}(): shape mismatch: value tensor of shape ${fmtShape(v.shape)} cannot be broadcast to indexing result of shape ${fmtShape(shape)}`, shape, v.shape);
  }
  const out = compute(() => {
    const vb = tf.reshape(tf.broadcastTo(tf.reshape(v._t, [...Array(shape.length - v.dim()).fill(1), ...v.shape]), shape), [-1]);
    return tf.reshape(putFlat(tf.reshape(t._t, [-1]), pos, vb, accumulate), t.shape);
  });
  return record("IndexPutBackward0", [t, v], out, (g) => [accumulate ? g : zeroAt(g, pos), sumTo(gatherFlat(g, pos, shape), v.shape)]);
}

/** Turns PyTorch's index_put_ indices (a tuple of index tensors, null for a whole dim) into index items. */
/** PyTorch 1.13's index_put_ takes int64 or bool index tensors (int32 is an error too). */
export function indicesToItems(op: string, indices: readonly (Tensor | null)[]): IndexItem[] {
  if (!Array.isArray(indices)) throw new TypeError(`${op}(): indices must be a tuple (array) of Tensors, not ${describe(indices)}`);
  return indices.map((t, i) => {
    if (t === null || t === undefined) return null;
    if (!(t instanceof Tensor)) throw new TypeError(`${op}(): indices[${i}] must be a Tensor (int or bool) or null, not ${describe(t)}`);
    if (t.dtype._tf === "float32" || t.dtype === D.int32) throw new IndexError("tensors used as indices must be long, byte or bool tensors");
    return t;
  });
}

// ---------------------------------------------------------------- scatter

interface ScatterGeometry {
  /** flat offsets into self, one per index element */
  pos: Int32Array;
  /** flat offsets into src, one per index element */
  srcPos: Int32Array;
}

function geometry(op: string, t: Tensor, dim: number, index: Tensor, src: Tensor | null): ScatterGeometry {
  if (!(index instanceof Tensor)) throw new TypeError(`${op}(): argument 'index' must be Tensor, not ${describe(index)}`);
  // PyTorch 1.13 names scatter() for every scatter variant, and takes int64 indices only.
  if (index.dtype !== D.int64) throw new RuntimeError("scatter(): Expected dtype int64 for index");
  const d = normDim(dim, t.dim(), op);
  const nd = Math.max(t.dim(), 1);
  const ishape = index.dim() === 0 ? [1] : index.shape.slice();
  const tshape = t.dim() === 0 ? [1] : t.shape.slice();
  if (index.numel() > 0 && Math.max(index.dim(), 1) !== nd) {
    throw new RuntimeError(`${op}(): Index tensor must have the same number of dimensions as self tensor (index ${fmtShape(index.shape)}, self ${fmtShape(t.shape)})`);
  }
  let sshape: number[] = ishape;
  if (src !== null) {
    sshape = src.dim() === 0 ? [1] : src.shape.slice();
    if (index.numel() > 0 && sshape.length !== nd) {
      throw new RuntimeError(`${op}(): Index tensor must have the same number of dimensions as src tensor (index ${fmtShape(index.shape)}, src ${fmtShape(src.shape)})`);
    }
  }
  if (index.numel() > 0) {
    ishape.forEach((s, k) => {
      if ((k !== d && s > tshape[k]) || s > sshape[k]) {
        throw new ShapeError(
          `${op}(): Expected index ${fmtShape(index.shape)} to be smaller than self ${fmtShape(t.shape)} apart from dimension ${d}${src !== null ? ` and to be smaller size than src ${fmtShape(src.shape)}` : ""}`,
          t.shape,
          index.shape,
        );
      }
    });
  }
  const idx = index._t.dataSync();
  const tstr = rowMajor(tshape);
  const sstr = rowMajor(sshape);
  const istr = rowMajor(ishape);
  const pos = new Int32Array(idx.length);
  const srcPos = new Int32Array(idx.length);
  for (let n = 0; n < idx.length; n++) {
    let rem = n;
    let off = 0;
    let soff = 0;
    for (let k = 0; k < ishape.length; k++) {
      const c = Math.floor(rem / istr[k]);
      rem -= c * istr[k];
      soff += c * sstr[k];
      if (k === d) {
        const v = idx[n];
        if (v < 0 || v >= tshape[d]) throw new RuntimeError(`${op}(): index ${v} is out of bounds for dimension ${d} with size ${tshape[d]}`);
        off += v * tstr[k];
      } else off += c * tstr[k];
    }
    pos[n] = off;
    srcPos[n] = soff;
  }
  return { pos, srcPos };
}

type Reduce = "add" | "multiply" | "sum" | "prod" | "mean" | "amax" | "amin" | undefined | null;

function checkReduce(op: string, reduce: Reduce, inputs: Tensor[]): "add" | "multiply" | null {
  if (reduce === undefined || reduce === null) return null;
  if (reduce !== "add" && reduce !== "multiply") throw new RuntimeError(`${op}(): reduce argument must be either add or multiply. Got '${String(reduce)}'`);
  if (is_grad_enabled() && inputs.some((x) => x.requires_grad)) {
    throw new NotImplementedError(`${op}() with reduce='${reduce}' has no gradient in torchlab (nor in PyTorch 1.13); compute it under torch.no_grad() or use scatter_add`);
  }
  return reduce;
}

/** Elementwise product into base at pos (host side: reduce='multiply' is rare and small). */
function multiplyAt(t: Tensor, pos: Int32Array, vals: ArrayLike<number>): tf.Tensor {
  const out = Float64Array.from(t._t.dataSync() as ArrayLike<number>);
  pos.forEach((p, i) => (out[p] *= vals[i]));
  return tf.tensor(t.dtype._tf === "float32" ? Float32Array.from(out) : Int32Array.from(out, (v) => Math.trunc(v)), t.shape, t.dtype._tf === "bool" ? "int32" : t.dtype._tf);
}

/**
 * torch.scatter: a copy of `t` with `src[i][j]` written at `[index[i][j]][j]` (dim=0; likewise for
 * other dims); `src` may be a number. reduce 'add' sums into the positions, 'multiply' multiplies.
 */
export function scatter(t: Tensor, dim: number, index: Tensor, src: Tensor | number | boolean, reduce?: Reduce): Tensor {
  const isValue = !(src instanceof Tensor);
  if (!isValue && src.dtype !== t.dtype) throw new RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype");
  const s = valueTensor("scatter", src, t.dtype);
  const g = geometry("scatter", t, dim, index, isValue ? null : s);
  const r = checkReduce("scatter", reduce, [t, s]);
  const ishape = index.shape.slice();
  const vals = (): tf.Tensor => (isValue ? tf.fill([g.pos.length], Number(src), t.dtype._tf === "bool" ? "int32" : t.dtype._tf) : gatherFlat(s._t, g.srcPos, [g.pos.length]));
  if (r === "multiply") return constant(compute(() => tf.cast(multiplyAt(t, g.pos, compute(vals).dataSync() as ArrayLike<number>), t.dtype._tf)));
  const out = compute(() => tf.reshape(putFlat(tf.reshape(t._t, [-1]), g.pos, vals(), r === "add"), t.shape));
  if (isValue) return record("ScatterBackward1", [t], out, (gr) => [zeroAt(gr, g.pos)]);
  return record("ScatterBackward0", [t, s], out, (gr) => [r === "add" ? gr : zeroAt(gr, g.pos), srcGrad(gr, g, s.shape, ishape)]);
}

/** The gradient of src: g gathered at the written positions, in src's layout (zero where index did not reach). */
function srcGrad(gr: tf.Tensor, g: ScatterGeometry, sshape: number[], ishape: number[]): tf.Tensor {
  const picked = gatherFlat(gr, g.pos, [g.pos.length]);
  if (sshape.join(",") === ishape.join(",")) return tf.reshape(picked, sshape);
  return tf.reshape(tf.unsortedSegmentSum(picked, tf.tensor1d(g.srcPos, "int32"), numelOf(sshape)), sshape);
}

/** torch.scatter_add: a copy of `t` with `src` summed in at the positions `index` gives along `dim`. */
export function scatter_add(t: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  if (!(src instanceof Tensor)) throw new TypeError(`scatter_add(): argument 'src' must be Tensor, not ${describe(src)}`);
  // PyTorch 1.13 names scatter in scatter_add's message too.
  if (src.dtype !== t.dtype) throw new RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype");
  const g = geometry("scatter_add", t, dim, index, src);
  const ishape = index.shape.slice();
  const out = compute(() => tf.reshape(putFlat(tf.reshape(t._t, [-1]), g.pos, gatherFlat(src._t, g.srcPos, [g.pos.length]), true), t.shape));
  return record("ScatterAddBackward0", [t, src], out, (gr) => [gr, srcGrad(gr, g, src.shape, ishape)]);
}

export type ScatterReduce = "sum" | "prod" | "mean" | "amax" | "amin";

/**
 * torch.scatter_reduce: `src` reduced into a copy of `t` at the positions `index` gives along `dim`,
 * with `reduce` "sum" | "prod" | "mean" | "amax" | "amin"; `include_self` false leaves the old values
 * of the reached positions out. Host-side, as PyTorch's CPU kernel; the gradient is PyTorch's
 * (amax/amin share it among the tied contributors; prod divides out each one's own factor).
 */
export function scatter_reduce(t: Tensor, dim: number, index: Tensor, src: Tensor, reduce: ScatterReduce, include_self = true, node = "ScatterReduceBackward0"): Tensor {
  const op = "scatter_reduce";
  if (!(src instanceof Tensor)) throw new TypeError(`${op}(): argument 'src' must be Tensor, not ${describe(src)}`);
  if (!["sum", "prod", "mean", "amax", "amin"].includes(reduce)) {
    throw new RuntimeError(`reduce argument must be either sum, prod, mean, amax or amin. Got '${String(reduce)}'`);
  }
  if (src.dtype !== t.dtype) throw new RuntimeError(`${op}(): Expected self.dtype to be equal to src.dtype`);
  const g = geometry(op, t, dim, index, src);
  const self = Float64Array.from(t._t.dataSync() as ArrayLike<number>);
  const sv = src._t.dataSync() as ArrayLike<number>;
  const n = self.length;
  // Each reached position's contributors: src element numbers (and self when include_self).
  const contrib = new Map<number, number[]>();
  g.pos.forEach((p, i) => {
    const l = contrib.get(p);
    if (l) l.push(i);
    else contrib.set(p, [i]);
  });
  const out = Float64Array.from(self);
  const count = new Float64Array(n).fill(1);
  const integral = t.dtype._tf !== "float32";
  for (const [p, list] of contrib) {
    const vals = list.map((i) => sv[g.srcPos[i]]);
    if (include_self) vals.push(self[p]);
    count[p] = vals.length;
    let r: number;
    if (reduce === "sum" || reduce === "mean") r = vals.reduce((a, b) => a + b, 0);
    else if (reduce === "prod") r = vals.reduce((a, b) => a * b, 1);
    else r = vals.reduce((a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : reduce === "amax" ? Math.max(a, b) : Math.min(a, b)));
    if (reduce === "mean") r = integral ? Math.floor(r / vals.length) : r / vals.length;
    out[p] = r;
  }
  const dt = t.dtype._tf;
  const result = compute(() => tf.tensor(dt === "float32" ? Float32Array.from(out) : Int32Array.from(out), t.shape, dt === "bool" ? "int32" : dt));
  const sshape = src.shape.slice();
  return record(node, [t, src], result, (gr) => {
    const gv = gr.dataSync() as ArrayLike<number>;
    const res = result.dataSync() as ArrayLike<number>;
    const gSelf = new Float32Array(n);
    const gSrc = new Float32Array(src.numel());
    for (let p = 0; p < n; p++) gSelf[p] = contrib.has(p) ? 0 : gv[p];
    for (const [p, list] of contrib) {
      const others = (skip: number, selfToo: boolean): number => list.reduce((a, i) => (i === skip ? a : a * sv[g.srcPos[i]]), selfToo ? self[p] : 1);
      if (reduce === "sum") {
        if (include_self) gSelf[p] = gv[p];
        for (const i of list) gSrc[g.srcPos[i]] += gv[p];
      } else if (reduce === "mean") {
        if (include_self) gSelf[p] = gv[p] / count[p];
        for (const i of list) gSrc[g.srcPos[i]] += gv[p] / count[p];
      } else if (reduce === "prod") {
        if (include_self) gSelf[p] = gv[p] * others(-1, false);
        for (const i of list) gSrc[g.srcPos[i]] += gv[p] * others(i, include_self);
      } else {
        const hit = (v: number): boolean => v === res[p] || (Number.isNaN(v) && Number.isNaN(res[p]));
        // As PyTorch's backward: an old value equal to the result takes its share even when include_self
        // is false (its share is then dropped, not given to the others).
        const ties = list.filter((i) => hit(sv[g.srcPos[i]])).length + (hit(self[p]) ? 1 : 0);
        if (include_self && hit(self[p])) gSelf[p] = gv[p] / ties;
        for (const i of list) if (hit(sv[g.srcPos[i]])) gSrc[g.srcPos[i]] += gv[p] / ties;
      }
    }
    return [tf.tensor(gSelf, t.shape, "float32"), tf.tensor(gSrc, sshape, "float32")];
  });
}
