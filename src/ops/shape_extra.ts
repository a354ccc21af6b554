/**
 * PyTorch's remaining shape, indexing and combination ops: movedim/swapaxes/broadcast_to/unfold and
 * the split family (views, as in PyTorch), roll/tile/diag/diag_embed/take/repeat_interleave/index_* and the
 * stacking helpers (copies), unique/searchsorted/bincount (integer results: PyTorch's int64 is
 * int32 here). Most copies are one primitive, `flatGather`: each output element is one input element
 * (or zero), found by a host-computed flat position; its gradient is a segment sum back to those
 * positions, so every op built on it is differentiable in all its float inputs.
 */
import { tf, compute, record, constant, withDtype, normDim, numelOf, fmtShape, as, promote, broadcastShapes, describe } from "./_core";
import * as D from "../tensor/dtype";
import { holdsNoTensor, type BackwardFn } from "../autograd/node";
import { Tensor, DType } from "../tensor/tensor";
import { Size } from "../tensor/size";
import { stridesOf } from "../tensor/repr";
import { IndexError, NotImplementedError, RuntimeError, ShapeError, TypeError, ValueError } from "../errors";
import * as M from "./movement";
import * as V from "./view";
import { unorderedSetOrder } from "./unordered_set";
import { plainLessSortOrder } from "./cpu_order";
import { asPyTuple } from "../pyrepr";
import { sliceTf } from "../backend/wasm_kernels";

// ---------------------------------------------------------------- helpers

/** Calls `f(coords, flat)` for every position of `shape` in row-major order (coords is reused). */
function forEachIndex(shape: readonly number[], f: (c: number[], flat: number) => void): void {
  const n = numelOf(shape);
  const c = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < n; flat++) {
    f(c, flat);
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++c[k] < shape[k]) break;
      c[k] = 0;
    }
  }
}

function int32Tensor(values: ArrayLike<number>, shape: number[]): Tensor {
  return constant(compute(() => tf.tensor(Int32Array.from(values), shape, "int32")));
}

function hostValues(t: Tensor): ArrayLike<number> {
  return t._t.dataSync() as ArrayLike<number>;
}

/**
 * The tensor of `shape` whose element n is element `pos[n]` of the inputs flattened and laid end
 * to end (-1: zero), cast to `dtype`. Backward: the output gradient summed back into those positions.
 */
/**
 * The gathers whose PyTorch node saves no input (their backward needs only sizes and indices): an
 * in-place write to the input before backward is no error. Gather and take save self; others unknown here do too.
 */
const SAVES_NO_INPUT = new Set(["BlockDiagBackward0", "DiagBackward0", "DiagEmbedBackward0", "IndexBackward0", "IndexCopyBackward0", "IndexSelectBackward0", "RollBackward0", "Rot90Backward0"]);
/** Of those, the ones whose PyTorch node saves no tensor at all (IndexBackward0 and the like save their indices). */
const SAVES_NOTHING = new Set(["BlockDiagBackward0", "DiagBackward0", "DiagEmbedBackward0", "RollBackward0", "Rot90Backward0"]);

export function flatGather(name: string, inputs: Tensor[], pos: Int32Array, shape: number[], dtype?: DType): Tensor {
  const dt = dtype ?? inputs.reduce<DType>((d, x) => promote(d, x.dtype), D.bool);
  const sizes = inputs.map((x) => x.numel());
  const total = sizes.reduce((a, b) => a + b, 0);
  const fixed = Int32Array.from(pos, (i) => (i < 0 ? total : i));
  const work = dt._tf === "bool" ? "int32" : dt._tf;
  const out = compute(() => {
    if (numelOf(shape) === 0) return tf.zeros(shape, dt._tf);
    const flat = tf.concat([...inputs.filter((x) => x.numel() > 0).map((x) => tf.reshape(as(x._t, work), [-1])), tf.zeros([1], work)]);
    return as(tf.reshape(tf.gather(flat, tf.tensor1d(fixed, "int32")), shape), dt);
  });
  const back = gatherBackward(fixed, total, sizes, inputs.map((x) => (x.dtype._tf === "float32" ? x.shape : null)));
  // A node that saves nothing at all (not even an index) runs again in a second backward, as in PyTorch.
  return record(name, inputs, out, SAVES_NOTHING.has(name) ? holdsNoTensor(back) : back, false, !SAVES_NO_INPUT.has(name));
}

/** The gradient summed back to the gathered positions; `shapes[i]` null for an input that takes none (not float). */
function gatherBackward(fixed: Int32Array, total: number, sizes: number[], shapes: (readonly number[] | null)[]): BackwardFn {
  return (g) => {
    const summed = tf.unsortedSegmentSum(tf.reshape(g, [-1]), tf.tensor1d(fixed, "int32"), total + 1);
    let off = 0;
    return shapes.map((s, i) => {
      const part = s !== null ? tf.reshape(sliceTf(summed, [off], [sizes[i]]), s as number[]) : null;
      off += sizes[i];
      return part;
    });
  };
}

/** Positions picking `src[l]` (-1: zero) along dim d of a tensor of `shape` into a result whose dim d has src.length entries. */
function alongDim(shape: readonly number[], d: number, src: readonly number[]): { pos: Int32Array; shape: number[] } {
  const outer = numelOf(shape.slice(0, d));
  const inner = numelOf(shape.slice(d + 1));
  const n = shape[d];
  const L = src.length;
  const pos = new Int32Array(outer * L * inner);
  let k = 0;
  for (let o = 0; o < outer; o++) {
    for (let l = 0; l < L; l++) {
      const s = src[l];
      for (let i = 0; i < inner; i++) pos[k++] = s < 0 ? -1 : (o * n + s) * inner + i;
    }
  }
  return { pos, shape: shape.map((v, i) => (i === d ? L : v)) };
}

/** The result of an op PyTorch records but cannot differentiate: backward through it raises, as there. */
function notDifferentiable(name: string, message: string, inputs: Tensor[], y: tf.Tensor): Tensor {
  return record(name, inputs, y, () => {
    throw new NotImplementedError(message);
  });
}

/** PyTorch 1.13's node name and backward error for each unique variant. */
const UNIQUE_NODES: Record<string, [string, string]> = {
  unique: ["Unique2Backward0", "the derivative for '_unique2' is not implemented."],
  unique_dim: ["UniqueDimBackward0", "the derivative for 'unique_dim' is not implemented."],
  unique_consecutive: ["UniqueConsecutiveBackward0", "the derivative for 'unique_consecutive' is not implemented."],
};

function checkTensor(op: string, name: string, x: unknown): asserts x is Tensor {
  if (!(x instanceof Tensor)) throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${describe(x)}`);
}

function tensorList(op: string, xs: readonly unknown[]): Tensor[] {
  const list = xs.length === 1 && Array.isArray(xs[0]) ? (xs[0] as unknown[]) : xs;
  list.forEach((x, i) => {
    if (!(x instanceof Tensor)) throw new TypeError(`${op}(): expected a sequence of Tensors, but element ${i} is ${describe(x)}`);
  });
  return list as Tensor[];
}

function intList(op: string, name: string, v: number | readonly number[]): number[] {
  const list = typeof v === "number" ? [v] : Array.from(v);
  list.forEach((x) => {
    if (!Number.isInteger(x)) throw new TypeError(`${op}(): argument '${name}' must be an int or a sequence of ints, got ${JSON.stringify(v)}`);
  });
  return list;
}

// ---------------------------------------------------------------- views: movedim, swapaxes, broadcast_to, unfold, atleast

/** Moves dims `source` to positions `destination`; the others keep their order. A view. */
export function movedim(t: Tensor, source: number | number[], destination: number | number[], op = "movedim"): Tensor {
  const src = intList(op, "source", source).map((d) => normDim(d, t.dim(), op));
  const dst = intList(op, "destination", destination).map((d) => normDim(d, t.dim(), op));
  if (src.length !== dst.length) {
    throw new RuntimeError(
      `${op}: Invalid source or destination dims: source (${fmtShape(intList(op, "source", source))} dims) should contain the same number of dims as destination (${fmtShape(intList(op, "destination", destination))} dims)`,
    );
  }
  if (new Set(src).size !== src.length) throw new RuntimeError(`${op}: repeated dim in \`source\` (${fmtShape(intList(op, "source", source))})`);
  if (new Set(dst).size !== dst.length) throw new RuntimeError(`${op}: repeated dim in \`destination\` (${fmtShape(intList(op, "destination", destination))})`);
  const n = t.dim();
  if (n === 0) return t.alias();
  const perm = new Array<number>(n).fill(-1);
  src.forEach((s, i) => (perm[dst[i]] = s));
  const rest = [...Array(n).keys()].filter((d) => !src.includes(d));
  let k = 0;
  for (let i = 0; i < n; i++) if (perm[i] < 0) perm[i] = rest[k++];
  return M.permute(t, perm);
}

export function swapaxes(t: Tensor, axis0: number, axis1: number): Tensor {
  return M.transpose(t, axis0, axis1);
}

/** PyTorch's broadcast_to is expand: a view whose broadcast dims alias one element (writes to it are refused). */
export function broadcast_to(t: Tensor, shape: readonly number[]): Tensor {
  return M.expand(t, Array.from(shape));
}

export function broadcast_shapes(...shapes: (number | readonly number[])[]): Size {
  let out: number[] = [];
  for (const s of shapes) {
    const sh = typeof s === "number" ? [s] : Array.from(s);
    const b = broadcastShapes(out, sh);
    if (b === null) {
      throw new RuntimeError(`Shape mismatch: objects cannot be broadcast to a single shape (shapes ${shapes.map((x) => fmtShape(typeof x === "number" ? [x] : Array.from(x))).join(", ")})`);
    }
    out = b;
  }
  return new Size(out);
}

export function broadcast_tensors(...tensors: (Tensor | Tensor[])[]): Tensor[] {
  const list = tensorList("broadcast_tensors", tensors);
  let shape: number[] = [];
  for (const x of list) {
    const b = broadcastShapes(shape, x.shape);
    if (b === null) {
      throw new ShapeError(`broadcast_tensors(): shapes ${list.map((y) => fmtShape(y.shape)).join(", ")} cannot be broadcast to a single shape`, shape, x.shape);
    }
    shape = b;
  }
  return asPyTuple(list.map((x) => M.expand(x, shape)));
}

/**
 * Tensor.unfold: every window of `size` elements, `step` apart, along `dimension`, as a new last
 * dim; a view. Overlapping windows (step < size) alias base elements, so writes through them are
 * refused except fill_ (PyTorch writes alias by alias, in an order it does not specify).
 */
export function unfold(t: Tensor, dimension: number, size: number, step: number): Tensor {
  if (t.dim() === 0) {
    normDim(dimension, 0, "unfold");
    if (size > 1) throw new RuntimeError(`unfold(): maximum size for tensor at dimension 0 is 1 but size is ${size}`);
    if (!(step > 0)) throw new RuntimeError(`unfold(): step is ${step} but must be > 0`);
    return M.reshape(t, [size]);
  }
  const d = normDim(dimension, t.dim(), "unfold");
  if (!Number.isInteger(size) || !Number.isInteger(step)) throw new TypeError(`unfold(): size and step must be integers, got ${size} and ${step}`);
  const n = t.shape[d];
  if (size > n) throw new RuntimeError(`unfold(): maximum size for tensor at dimension ${d} is ${n} but size is ${size} (input shape ${fmtShape(t.shape)})`);
  if (size < 0) throw new RuntimeError(`unfold(): size is ${size} but must be >= 0`);
  if (step <= 0) throw new RuntimeError(`unfold(): step is ${step} but must be > 0`);
  const nw = Math.floor((n - size) / step) + 1;
  const picks: number[] = [];
  for (let w = 0; w < nw; w++) for (let k = 0; k < size; k++) picks.push(w * step + k);
  const rank = t.dim();
  const mid = t.shape.map((v, i) => (i === d ? nw * size : v));
  const split = [...t.shape.slice(0, d), nw, size, ...t.shape.slice(d + 1)];
  const outShape = [...t.shape.slice(0, d), nw, ...t.shape.slice(d + 1), size];
  // [.., nw, size, rest..] <-> [.., nw, rest.., size]
  const toOut = [...Array(rank + 1).keys()].filter((i) => i !== d + 1).concat([d + 1]);
  const fromOut = new Array<number>(rank + 1);
  toOut.forEach((q, i) => (fromOut[q] = i));
  const last = new Map<number, number>();
  picks.forEach((p, j) => last.set(p, j));
  const srcOf = Array.from({ length: n }, (_, p) => last.get(p) ?? -1);
  const toMid = (v: tf.Tensor): tf.Tensor => tf.reshape(tf.transpose(v, fromOut), mid);
  const step_: V.ViewStep = {
    fwd: (p) => (numelOf(outShape) === 0 ? tf.zeros(outShape, p.dtype) : tf.transpose(tf.reshape(tf.gather(p, tf.tensor1d(picks, "int32"), d), split), toOut)),
    bwd: (p, v) => {
      if (v.size === 0 || p.size === 0) return tf.clone(p);
      const work = p.dtype === "bool" ? "int32" : p.dtype;
      const taken = tf.gather(tf.cast(toMid(v), work), tf.tensor1d(srcOf.map((s) => Math.max(s, 0)), "int32"), d);
      const mask = tf.reshape(tf.tensor1d(srcOf.map((s) => (s >= 0 ? 1 : 0)), "bool"), t.shape.map((_, i) => (i === d ? n : 1)));
      return tf.cast(tf.where(tf.broadcastTo(mask, p.shape), taken, tf.cast(p, work)), p.dtype);
    },
  };
  const from = t.shape.slice();
  const out = compute(() => step_.fwd(t._t));
  const r = record("UnfoldBackward0", [t], out, (g) => {
    const perm = [d, ...[...Array(rank).keys()].filter((k) => k !== d)];
    const inv = new Array<number>(rank);
    perm.forEach((q, i) => (inv[q] = i));
    const summed = tf.unsortedSegmentSum(tf.transpose(toMid(g), perm), tf.tensor1d(picks, "int32"), n);
    return [tf.reshape(tf.transpose(summed, inv), from)];
  }, false, false);
  const st = V.stridesOf(t);
  const strides = [...st.map((s, i) => (i === d ? s * step : s)), st[d]];
  return V.attachView(r, t, step_, strides, V.offsetOf(t), step < size && nw > 1 && size > 1);
}

/** atleast_1d/2d/3d of one tensor: the tensor itself when it has the dims, else a view with leading/trailing 1s. */
export function atleast(t: Tensor, n: 1 | 2 | 3): Tensor {
  if (t.dim() >= n) return t;
  if (t.dim() === 0) return M.reshape(t, Array(n).fill(1));
  if (t.dim() === 1) return M.reshape(t, n === 2 ? [1, t.shape[0]] : [1, t.shape[0], 1]);
  return M.reshape(t, [...t.shape, 1]);
}

/** contiguous().view(-1), as PyTorch: a view of a contiguous tensor, else a view of a copy. */
export function ravel(t: Tensor): Tensor {
  return M.reshape(V.isContiguous(t) ? t : M.clone(t), [-1]);
}

// ---------------------------------------------------------------- splitting (views)

function pieces(t: Tensor, d: number, bounds: number[]): Tensor[] {
  const size = t.shape[d];
  const norm = (b: number): number => Math.min(Math.max(b < 0 ? b + size : b, 0), size);
  const out: Tensor[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = norm(bounds[i]);
    const e = norm(bounds[i + 1]);
    out.push(M.narrow(t, d, s, Math.max(0, e - s)));
  }
  return out;
}

/** Splits into `sections` near-equal pieces (the first size % sections one longer), or at the given indices. Views. */
export function tensor_split(t: Tensor, indices_or_sections: number | number[] | Tensor, dim = 0, op = "tensor_split"): Tensor[] {
  if (t.dim() === 0) throw new RuntimeError(`${op} expected at least a 1-dimensional tensor, but got a tensor with 0 dims`);
  const d = normDim(dim, t.dim(), op);
  let ios: number | number[];
  if (indices_or_sections instanceof Tensor) {
    if (indices_or_sections.dtype._tf !== "int32") throw new RuntimeError(`${op} expected tensor_indices_or_sections to have integral dtype, but got ${indices_or_sections.dtype}`);
    if (indices_or_sections.dim() > 1) throw new RuntimeError(`${op} expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional tensor, but got a tensor with ${indices_or_sections.dim()} dims`);
    const v = Array.from(hostValues(indices_or_sections));
    ios = indices_or_sections.dim() === 0 ? v[0] : v;
  } else ios = indices_or_sections;
  if (typeof ios === "number") {
    if (!Number.isInteger(ios) || ios <= 0) throw new RuntimeError(`number of sections must be larger than 0, got ${ios}`);
    const size = t.shape[d];
    const base = Math.floor(size / ios);
    const extra = size % ios;
    const bounds = [0];
    for (let i = 0; i < ios; i++) bounds.push(bounds[i] + base + (i < extra ? 1 : 0));
    return asPyTuple(pieces(t, d, bounds));
  }
  intList(op, "indices", ios);
  return asPyTuple(pieces(t, d, [0, ...ios, t.shape[d]]));
}

function directionalSplit(op: "hsplit" | "vsplit" | "dsplit", t: Tensor, s: number | number[]): Tensor[] {
  const need = op === "hsplit" ? 1 : op === "vsplit" ? 2 : 3;
  if (t.dim() < need) {
    throw new RuntimeError(`torch.${op} requires a tensor with at least ${need} dimension${need > 1 ? "s" : ""}, but got a tensor with ${t.dim()} dimensions! (shape ${fmtShape(t.shape)})`);
  }
  const d = op === "hsplit" ? (t.dim() === 1 ? 0 : 1) : op === "vsplit" ? 0 : 2;
  if (typeof s === "number") {
    if (s === 0 || t.shape[d] % s !== 0) {
      throw new RuntimeError(`torch.${op} attempted to split along dimension ${d}, but the size of the dimension ${t.shape[d]} is not divisible by the split_size ${s}! (shape ${fmtShape(t.shape)})`);
    }
  }
  return tensor_split(t, s, d, op);
}
export const hsplit = (t: Tensor, s: number | number[]): Tensor[] => directionalSplit("hsplit", t, s);
export const vsplit = (t: Tensor, s: number | number[]): Tensor[] => directionalSplit("vsplit", t, s);
export const dsplit = (t: Tensor, s: number | number[]): Tensor[] => directionalSplit("dsplit", t, s);

// ---------------------------------------------------------------- stacking

function stackable(op: string, tensors: readonly unknown[]): Tensor[] {
  const list = tensorList(op, tensors);
  if (list.length === 0) throw new RuntimeError(`${op} expects a non-empty TensorList`);
  return list;
}

export function hstack(tensors: Tensor[]): Tensor {
  const ts = stackable("hstack", tensors).map((x) => atleast(x, 1));
  return M.cat(ts, ts[0].dim() === 1 ? 0 : 1);
}
export function vstack(tensors: Tensor[]): Tensor {
  return M.cat(stackable("vstack", tensors).map((x) => atleast(x, 2)), 0);
}
export function dstack(tensors: Tensor[]): Tensor {
  return M.cat(stackable("dstack", tensors).map((x) => atleast(x, 3)), 2);
}
export function column_stack(tensors: Tensor[]): Tensor {
  return M.cat(stackable("column_stack", tensors).map((x) => (x.dim() <= 1 ? M.reshape(x, [x.numel(), 1], "ReshapeAliasBackward0") : x)), 1);
}

// ---------------------------------------------------------------- copies: roll, tile, rot90, flips, repeat_interleave, take

export function roll(t: Tensor, shifts: number | number[], dims?: number | number[] | null): Tensor {
  const sh = intList("roll", "shifts", shifts);
  if (dims === undefined || dims === null || (Array.isArray(dims) && dims.length === 0)) {
    if (sh.length !== 1) throw new RuntimeError(`roll(): shifts and dimensions must align. shifts: ${sh.length}, dims: 0`);
    const n = t.numel();
    if (n === 0) return M.clone(t);
    const s0 = ((sh[0] % n) + n) % n;
    return flatGather("RollBackward0", [t], Int32Array.from({ length: n }, (_, i) => (i - s0 + n) % n), t.shape.slice(), t.dtype);
  }
  const ds = intList("roll", "dims", dims);
  if (sh.length !== ds.length) throw new RuntimeError(`roll(): shifts and dimensions must align. shifts: ${sh.length}, dims: ${ds.length}`);
  let x = t;
  ds.forEach((dim, i) => {
    const d = normDim(dim, t.dim(), "roll");
    const n = x.shape[d];
    if (n === 0) return;
    const s = ((sh[i] % n) + n) % n;
    const { pos, shape } = alongDim(x.shape, d, Array.from({ length: n }, (_, k) => (k - s + n) % n));
    x = flatGather("RollBackward0", [x], pos, shape, x.dtype);
  });
  return x === t ? M.clone(t) : x;
}

export function tile(t: Tensor, dims: number[]): Tensor {
  const reps = intList("tile", "dims", dims);
  const full = reps.length < t.dim() ? [...Array(t.dim() - reps.length).fill(1), ...reps] : reps;
  return M.repeat(t, full);
}

export function rot90(t: Tensor, k = 1, dims: number[] = [0, 1]): Tensor {
  if (dims.length !== 2) throw new RuntimeError(`rot90(): expected total rotation dims == 2, but got dims = ${dims.length}`);
  if (t.dim() < 2) throw new RuntimeError(`rot90(): expected total dims >= 2, but got total dims = ${t.dim()} (shape ${fmtShape(t.shape)})`);
  const a = normDim(dims[0], t.dim(), "rot90");
  const b = normDim(dims[1], t.dim(), "rot90");
  if (a === b) throw new RuntimeError(`rot90(): expected rotation dims to be different, but got dim0 = ${dims[0]} and dim1 = ${dims[1]}`);
  const r = ((k % 4) + 4) % 4;
  if (r === 0) return M.clone(t);
  // One node, Rot90Backward0, as PyTorch records: the element permutation is found on positions.
  const ids = int32Tensor(Array.from({ length: t.numel() }, (_, i) => i), t.shape.slice());
  const turned = r === 1 ? M.transpose(M.flip(ids, [b]), a, b) : r === 2 ? M.flip(ids, [a, b]) : M.transpose(M.flip(ids, [a]), a, b);
  return flatGather("Rot90Backward0", [t], Int32Array.from(hostValues(turned)), turned.shape.slice(), t.dtype);
}

export function fliplr(t: Tensor): Tensor {
  if (t.dim() < 2) throw new RuntimeError(`fliplr(): Input must be >= 2-d. (got shape ${fmtShape(t.shape)})`);
  return M.flip(t, [1]);
}
export function flipud(t: Tensor): Tensor {
  if (t.dim() < 1) throw new RuntimeError(`flipud(): Input must be >= 1-d. (got shape ${fmtShape(t.shape)})`);
  return M.flip(t, [0]);
}

/** Each element (or slice along `dim`) repeated `repeats` times; `dim` omitted: over the flattened input. */
export function repeat_interleave(t: Tensor, repeats?: number | Tensor, dim?: number | null, output_size?: number | null): Tensor {
  if (repeats === undefined) {
    // torch.repeat_interleave(repeats): index i repeated repeats[i] times.
    if (t.dim() > 1) throw new RuntimeError(`repeat_interleave(): repeats must be 0-dim or 1-dim tensor, got shape ${fmtShape(t.shape)}`);
    if (t.dtype._tf !== "int32") throw new RuntimeError(`repeat_interleave(): repeats has to be Long tensor, got ${t.dtype}`);
    const r = Array.from(hostValues(t));
    if (r.some((v) => v < 0)) throw new RuntimeError("repeat_interleave(): repeats can not be negative");
    const out: number[] = [];
    r.forEach((v, i) => {
      for (let k = 0; k < v; k++) out.push(i);
    });
    return int32Tensor(out, [out.length]);
  }
  const x = dim === undefined || dim === null ? M.flatten(t) : t;
  const d = dim === undefined || dim === null ? 0 : normDim(dim, Math.max(t.dim(), 1), "repeat_interleave");
  const xx = x.dim() === 0 ? M.reshape(x, [1]) : x;
  const n = xx.shape[d];
  let reps: number[];
  if (repeats instanceof Tensor) {
    if (repeats.dtype._tf !== "int32") throw new RuntimeError(`repeat_interleave(): repeats has to be Long tensor, got ${repeats.dtype}`);
    if (repeats.dim() > 1) throw new RuntimeError(`repeat_interleave(): repeats must be 0-dim or 1-dim tensor, got shape ${fmtShape(repeats.shape)}`);
    reps = Array.from(hostValues(repeats));
    if (reps.length === 1 && repeats.dim() === 0) reps = Array(n).fill(reps[0]);
    else if (reps.length === 1 && n !== 1) reps = Array(n).fill(reps[0]);
  } else {
    if (!Number.isInteger(repeats)) throw new TypeError(`repeat_interleave(): argument 'repeats' must be int or Tensor, not ${describe(repeats)}`);
    reps = Array(n).fill(repeats);
  }
  if (reps.length !== n) {
    throw new RuntimeError(`repeat_interleave(): repeats must have the same size as input along dim, but got repeats.size(0) = ${reps.length} and input.size(${d}) = ${n}`);
  }
  if (reps.some((v) => v < 0)) throw new RuntimeError("repeat_interleave(): repeats can not be negative");
  const src: number[] = [];
  reps.forEach((v, i) => {
    for (let k = 0; k < v; k++) src.push(i);
  });
  if (output_size !== undefined && output_size !== null && output_size !== src.length) {
    throw new RuntimeError(`repeat_interleave(): output_size (${output_size}) does not match the sum of repeats (${src.length})`);
  }
  const { pos, shape } = alongDim(xx.shape, d, src);
  return flatGather("IndexSelectBackward0", [xx], pos, shape, xx.dtype);
}

/** The elements of the flattened input at `index` (any shape; negative indices count from the end). */
export function take(t: Tensor, index: Tensor): Tensor {
  checkTensor("take", "index", index);
  if (index.dtype !== D.int64) throw new RuntimeError(`take(): Expected a long tensor for index, but got ${index.dtype._typeName}`);
  const n = t.numel();
  const idx = hostValues(index);
  const pos = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i];
    if (v < -n || v >= n) throw new IndexError(`take(): out of range: tried to access index ${v} on a tensor of ${n} elements. (input shape ${fmtShape(t.shape)})`);
    pos[i] = v < 0 ? v + n : v;
  }
  return flatGather("TakeBackward0", [t], pos, index.shape.slice(), t.dtype);
}

/** gather along `dim` with input and indices broadcast against each other (dim omitted: over the flattened input). */
export function take_along_dim(t: Tensor, indices: Tensor, dim?: number | null): Tensor {
  checkTensor("take_along_dim", "indices", indices);
  // Without dim PyTorch 1.13 goes through gather, whose message it then shows.
  if (indices.dtype !== D.int64 && (dim === undefined || dim === null)) throw new RuntimeError("gather(): Expected dtype int64 for index");
  if (indices.dtype !== D.int64) throw new RuntimeError(`torch.take_along_dim(): dtype of indices should be Long but got ${indices.dtype._typeName}`);
  if (dim === undefined || dim === null) return take_along_dim(M.flatten(t), M.flatten(indices), 0);
  if (t.dim() !== indices.dim()) {
    throw new RuntimeError(
      `torch.take_along_dim(): input and indices should have the same number of dimensions, but got ${t.dim()} dimensions for input, and ${indices.dim()} dimensions for indices`,
    );
  }
  const d = normDim(dim, Math.max(t.dim(), 1), "take_along_dim");
  if (t.dim() === 0) return take(t, indices);
  const shape = t.shape.map((s, k) => {
    if (k === d) return indices.shape[k];
    const i = indices.shape[k];
    if (s !== i && s !== 1 && i !== 1) {
      throw new ShapeError(`torch.take_along_dim(): input ${fmtShape(t.shape)} and indices ${fmtShape(indices.shape)} cannot be broadcast apart from dim ${d}`, t.shape, indices.shape);
    }
    return s === 1 ? i : s;
  });
  const idx = hostValues(indices);
  const ts = stridesOf(t.shape);
  const is = stridesOf(indices.shape);
  const n = t.shape[d];
  const pos = new Int32Array(numelOf(shape));
  forEachIndex(shape, (c, flat) => {
    let io = 0;
    let to = 0;
    for (let k = 0; k < c.length; k++) {
      io += (indices.shape[k] === 1 ? 0 : c[k]) * is[k];
      if (k !== d) to += (t.shape[k] === 1 ? 0 : c[k]) * ts[k];
    }
    const v = idx[io];
    if (v < -n || v >= n) throw new IndexError(`take_along_dim(): index ${v} is out of bounds for dimension ${d} with size ${n}`);
    pos[flat] = to + (v < 0 ? v + n : v) * ts[d];
  });
  return flatGather("GatherBackward0", [t], pos, shape, t.dtype);
}

export function narrow_copy(t: Tensor, dim: number, start: number, length: number): Tensor {
  return M.clone(M.narrow(t, dim, start, length));
}

export function msort(t: Tensor): Tensor {
  return t.sort(0).values;
}

// ---------------------------------------------------------------- diagonals and triangles

/** 1-D input: a square matrix with it on diagonal `diagonal`; 2-D input: that diagonal as a 1-D copy. */
export function diag(t: Tensor, diagonal = 0): Tensor {
  if (!Number.isInteger(diagonal)) throw new TypeError(`diag(): argument 'diagonal' must be int, not ${diagonal}`);
  if (t.dim() === 1) {
    const n = t.shape[0];
    const m = n + Math.abs(diagonal);
    const pos = new Int32Array(m * m).fill(-1);
    for (let i = 0; i < n; i++) pos[diagonal >= 0 ? i * m + i + diagonal : (i - diagonal) * m + i] = i;
    return flatGather("DiagBackward0", [t], pos, [m, m], t.dtype);
  }
  if (t.dim() === 2) {
    const [r, c] = t.shape;
    const len = Math.max(0, diagonal >= 0 ? Math.min(r, c - diagonal) : Math.min(r + diagonal, c));
    const pos = Int32Array.from({ length: len }, (_, k) => (diagonal >= 0 ? k * c + k + diagonal : (k - diagonal) * c + k));
    return flatGather("DiagBackward0", [t], pos, [len], t.dtype);
  }
  throw new RuntimeError(`diag(): Supports 1D or 2D tensors. Got ${t.dim()}D (shape ${fmtShape(t.shape)})`);
}

/** The last dim of `t` placed on diagonal `offset` of the 2-D planes (dim1, dim2) of a new, zero-filled tensor. */
export function diag_embed(t: Tensor, offset = 0, dim1 = -2, dim2 = -1): Tensor {
  const nd = t.dim() + 1;
  const a = normDim(dim1, nd, "diag_embed");
  const b = normDim(dim2, nd, "diag_embed");
  if (a === b) throw new RuntimeError(`diag_embed(): diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const n = t.dim() === 0 ? 1 : t.shape[t.dim() - 1];
  const m = n + Math.abs(offset);
  const lead = t.shape.slice(0, -1);
  const shape: number[] = [];
  let li = 0;
  for (let k = 0; k < nd; k++) shape.push(k === a || k === b ? m : lead[li++]);
  const ts = stridesOf(t.dim() === 0 ? [1] : t.shape);
  const pos = new Int32Array(numelOf(shape));
  forEachIndex(shape, (c, flat) => {
    const i = c[a];
    const j = c[b];
    if (j - i !== offset) {
      pos[flat] = -1;
      return;
    }
    let off = 0;
    let q = 0;
    for (let k = 0; k < nd; k++) if (k !== a && k !== b) off += c[k] * ts[q++];
    pos[flat] = off + (offset >= 0 ? i : j);
  });
  return flatGather("DiagEmbedBackward0", [t], pos, shape, t.dtype);
}

export function diagflat(t: Tensor, offset = 0): Tensor {
  return diag(M.reshape(t, [-1], "ReshapeAliasBackward0"), offset);
}

function triIndices(op: "tril_indices" | "triu_indices", row: number, col: number, offset: number): Tensor {
  [row, col, offset].forEach((v, i) => {
    if (!Number.isInteger(v)) throw new TypeError(`${op}(): argument '${["row", "col", "offset"][i]}' must be int, not ${v}`);
  });
  if (row < 0) throw new RuntimeError(`${op}(): row must be non-negative, got ${row}`);
  if (col < 0) throw new RuntimeError(`${op}(): col must be non-negative, got ${col}`);
  const rs: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < row; i++) {
    for (let j = 0; j < col; j++) {
      if (op === "tril_indices" ? j - i <= offset : j - i >= offset) {
        rs.push(i);
        cs.push(j);
      }
    }
  }
  return int32Tensor([...rs, ...cs], [2, rs.length]);
}
export const tril_indices = (row: number, col: number, offset = 0): Tensor => triIndices("tril_indices", row, col, offset);
export const triu_indices = (row: number, col: number, offset = 0): Tensor => triIndices("triu_indices", row, col, offset);

/** A block-diagonal matrix of the inputs (0-d: 1x1, 1-D: one row), zeros elsewhere; PyTorch's dtype promotion. */
export function block_diag(tensors: Tensor[]): Tensor {
  const ts = tensorList("block_diag", tensors);
  const mats = ts.map((x, i) => {
    if (x.dim() > 2) throw new RuntimeError(`torch.block_diag: Input tensors must have 2 or fewer dimensions. Input ${i} has ${x.dim()} dimensions (shape ${fmtShape(x.shape)})`);
    return x.dim() === 2 ? x.shape.slice() : x.dim() === 1 ? [1, x.shape[0]] : [1, 1];
  });
  const R = mats.reduce((s, m) => s + m[0], 0);
  const C = mats.reduce((s, m) => s + m[1], 0);
  const pos = new Int32Array(R * C).fill(-1);
  let r0 = 0;
  let c0 = 0;
  let base = 0;
  mats.forEach(([r, c], i) => {
    for (let a = 0; a < r; a++) for (let b = 0; b < c; b++) pos[(r0 + a) * C + c0 + b] = base + a * c + b;
    r0 += r;
    c0 += c;
    base += ts[i].numel();
  });
  return flatGather("BlockDiagBackward0", ts, pos, [R, C]);
}

// ---------------------------------------------------------------- grids and combinations

export type Indexing = "ij" | "xy";

/** Coordinate grids: output k varies along dim k ('ij'); 'xy' swaps the first two dims of the grid shape. Views (expand). */
export function meshgrid(tensors: Tensor[], indexing: Indexing = "ij"): Tensor[] {
  const ts = tensorList("meshgrid", tensors);
  if (ts.length === 0) throw new RuntimeError("torch.meshgrid expects a non-empty TensorList");
  if (indexing !== "ij" && indexing !== "xy") throw new ValueError(`torch.meshgrid: indexing must be one of "xy" or "ij", but received: ${String(indexing)}`);
  ts.forEach((x, i) => {
    if (x.dim() > 1) throw new RuntimeError(`torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: ${fmtShape(x.shape)} (tensor ${i})`);
    if (x.dtype !== ts[0].dtype) throw new RuntimeError(`torch.meshgrid: Expected all tensors in the tensor list to have the same dtype, got ${ts[0].dtype} and ${x.dtype}`);
  });
  const swap = indexing === "xy" && ts.length >= 2;
  const order = swap ? [ts[1], ts[0], ...ts.slice(2)] : ts;
  const shape = order.map((x) => x.numel());
  const grids = order.map((x, k) => M.expand(M.reshape(x, shape.map((s, j) => (j === k ? s : 1))), shape));
  return asPyTuple(swap ? [grids[1], grids[0], ...grids.slice(2)] : grids);
}

export function cartesian_prod(tensors: Tensor[]): Tensor {
  const ts = tensorList("cartesian_prod", tensors);
  ts.forEach((x, i) => {
    if (x.dim() !== 1) throw new RuntimeError(`cartesian_prod(): Expect a 1D vector, but got shape ${fmtShape(x.shape)} (tensor ${i})`);
  });
  if (ts.length === 1) return ts[0];
  return M.stack(meshgrid(ts, "ij").map((g) => M.flatten(g)), 1);
}

/** The length-r combinations of a 1-D tensor's elements (itertools order), one per row. */
export function combinations(t: Tensor, r = 2, with_replacement = false): Tensor {
  if (t.dim() !== 1) throw new RuntimeError(`combinations(): Expect a 1D vector, but got shape ${fmtShape(t.shape)}`);
  if (!Number.isInteger(r) || r < 0) throw new RuntimeError(`combinations(): Expect a non-negative number, but got ${r}`);
  if (r === 0) return flatGather("IndexBackward0", [t], new Int32Array(0), [0], t.dtype);
  const n = t.shape[0];
  const rows: number[] = [];
  const cur: number[] = [];
  const walk = (start: number): void => {
    if (cur.length === r) {
      rows.push(...cur);
      return;
    }
    for (let i = start; i < n; i++) {
      cur.push(i);
      walk(with_replacement ? i : i + 1);
      cur.pop();
    }
  };
  walk(0);
  return flatGather("IndexBackward0", [t], Int32Array.from(rows), [rows.length / r, r], t.dtype);
}

// ---------------------------------------------------------------- index_add / index_copy / index_fill (out of place)

interface IndexGeometry {
  d: number;
  idx: number[];
  outer: number;
  inner: number;
  n: number;
}

/** PyTorch 1.13's index-dtype errors: index_add_ takes int32 and int64, index_copy_ and index_fill_ int64 only. */
function indexDtypeCheck(op: string, index: Tensor): void {
  if (op === "index_add") {
    if (index.dtype._tf !== "int32") throw new RuntimeError(`index_add_(): Expected dtype int32/int64 for index but got: ${index.dtype._typeName}`);
  } else if (index.dtype !== D.int64) {
    if (op === "index_fill") throw new IndexError("index_fill_(): Expected dtype int64 for index.");
    throw new RuntimeError(`${op}_(): Expected a long tensor for index, but got ${index.dtype._typeName}`);
  }
}

function indexGeometry(op: string, t: Tensor, dim: number, index: Tensor, source: Tensor | null): IndexGeometry {
  checkTensor(op, "index", index);
  indexDtypeCheck(op, index);
  if (index.dim() > 1) throw new IndexError(`${op}(): Index is supposed to be a vector, got shape ${fmtShape(index.shape)}`);
  const d = normDim(dim, Math.max(t.dim(), 1), op);
  const shape = t.dim() === 0 ? [1] : t.shape.slice();
  const n = shape[d];
  const idx = Array.from(hostValues(index)).map((v) => {
    if (v < -n || v >= n) throw new IndexError(`${op}(): index ${v} is out of bounds for dimension ${d} with size ${n}`);
    return v < 0 ? v + n : v;
  });
  if (source !== null) {
    const sshape = source.dim() === 0 ? [1] : source.shape.slice();
    const want = shape.map((s, k) => (k === d ? idx.length : s));
    if (sshape.length !== shape.length || sshape.some((s, k) => s !== want[k])) {
      throw new ShapeError(
        `${op}(): source of shape ${fmtShape(source.shape)} does not match self ${fmtShape(t.shape)} with dim ${d} replaced by the number of indices (${idx.length}): expected ${fmtShape(want)}`,
        want,
        source.shape,
      );
    }
    if (source.dtype !== t.dtype) throw new RuntimeError(`${op}(): self (${t.dtype}) and source (${source.dtype}) must have the same scalar type`);
  }
  return { d, idx, outer: numelOf(shape.slice(0, d)), inner: numelOf(shape.slice(d + 1)), n };
}

/** Flat offsets into self of each element of the source laid out as self with dim d of length idx.length. */
function sourcePositions(g: IndexGeometry): Int32Array {
  const L = g.idx.length;
  const pos = new Int32Array(g.outer * L * g.inner);
  let k = 0;
  for (let o = 0; o < g.outer; o++) for (let l = 0; l < L; l++) for (let i = 0; i < g.inner; i++) pos[k++] = (o * g.n + g.idx[l]) * g.inner + i;
  return pos;
}

/** `t` with `alpha * source` summed into the slices `index` of `dim` (repeated indices add up). */
export function index_add(t: Tensor, dim: number, index: Tensor, source: Tensor, alpha = 1): Tensor {
  checkTensor("index_add", "source", source);
  const g = indexGeometry("index_add", t, dim, index, source);
  const pos = sourcePositions(g);
  const n = t.numel();
  const work = t.dtype._tf === "bool" ? "int32" : t.dtype._tf;
  const out = compute(() => {
    if (pos.length === 0 || n === 0) return tf.clone(t._t);
    const s = tf.reshape(as(source._t, work), [-1]);
    const added = tf.unsortedSegmentSum(alpha === 1 ? s : tf.mul(s, tf.scalar(alpha, work)), tf.tensor1d(pos, "int32"), n);
    return as(tf.reshape(tf.add(tf.reshape(as(t._t, work), [-1]), added), t.shape), t.dtype);
  });
  return record("IndexAddBackward0", [t, source], out, (gr) => [
    gr,
    source.requires_grad ? tf.reshape(tf.mul(tf.gather(tf.reshape(gr, [-1]), tf.tensor1d(pos, "int32")), alpha), source.shape) : null,
  ]);
}

/** `t` with the slices `index` of `dim` replaced by those of `source` (a repeated index: the last one wins). */
export function index_copy(t: Tensor, dim: number, index: Tensor, source: Tensor): Tensor {
  checkTensor("index_copy", "source", source);
  const g = indexGeometry("index_copy", t, dim, index, source);
  const pos = sourcePositions(g);
  const n = t.numel();
  const map = Int32Array.from({ length: n }, (_, i) => i);
  pos.forEach((p, j) => (map[p] = n + j));
  return flatGather("IndexCopyBackward0", [t, source], map, t.shape.slice(), t.dtype);
}

/** `t` with the slices `index` of `dim` set to `value` (a number, or a 0-d tensor that receives gradient). */
export function index_fill(t: Tensor, dim: number, index: Tensor, value: number | boolean | Tensor): Tensor {
  if (value instanceof Tensor && value.dim() !== 0) {
    throw new RuntimeError(`index_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.dim()} dimension(s).`);
  }
  if (!(value instanceof Tensor) && typeof value !== "number" && typeof value !== "boolean") {
    throw new TypeError(`index_fill(): argument 'value' must be a number or a 0-d Tensor, not ${describe(value)}`);
  }
  const g = indexGeometry("index_fill", t, dim, index, null);
  const v = value instanceof Tensor ? value : constant(compute(() => tf.scalar(Number(value), t.dtype._tf === "bool" ? "int32" : t.dtype._tf)));
  const n = t.numel();
  const map = Int32Array.from({ length: n }, (_, i) => i);
  for (let o = 0; o < g.outer; o++) for (const l of g.idx) for (let i = 0; i < g.inner; i++) map[(o * g.n + l) * g.inner + i] = n;
  return flatGather(value instanceof Tensor ? "IndexFillBackward1" : "IndexFillBackward0", [t, v], map, t.shape.slice(), t.dtype);
}

// ---------------------------------------------------------------- unique, searchsorted, bucketize, bincount

export interface UniqueOptions {
  sorted?: boolean;
  return_inverse?: boolean;
  return_counts?: boolean;
  dim?: number | null;
}

/** Lexicographic comparison of slices a and b of rows (each `len` long). */
function cmpRows(v: ArrayLike<number>, a: number, b: number, len: number): number {
  for (let k = 0; k < len; k++) {
    const x = v[a * len + k];
    const y = v[b * len + k];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function uniqueCore(op: string, t: Tensor, o: UniqueOptions, consecutive: boolean): Tensor | Tensor[] {
  const dim = o.dim;
  let rows: Tensor;
  let d = 0;
  if (dim === undefined || dim === null) rows = M.reshape(t.detach(), [t.numel(), 1]);
  else {
    if (t.dim() === 0) throw new IndexError(`${op}(): Dimension specified as ${dim} but tensor has no dimensions`);
    d = normDim(dim, t.dim(), op);
    if (t.numel() === 0 && t.shape[d] !== 0 && !consecutive) {
      throw new RuntimeError(`${op}(): Number of zero sized dimensions is more than one, so unique cannot be applied (input shape ${fmtShape(t.shape)})`);
    }
    const moved = movedim(t.detach(), d, 0);
    rows = M.reshape(M.clone(moved), [t.shape[d], -1], "ReshapeAliasBackward0");
  }
  const count = rows.shape[0];
  const len = rows.shape[1];
  const vals = hostValues(rows);
  let firsts: number[] = [];
  let counts: number[] = [];
  const inverse = new Int32Array(count);
  if (op === "unique" && o.sorted === false && (dim === undefined || dim === null) && t.dtype._tf !== "bool") {
    ({ firsts, counts } = hashedUnique(vals, unorderedSetOrder(vals, t.dtype._tf === "float32"), inverse));
  } else if (op === "unique" && (dim === undefined || dim === null) && t.dtype._tf === "float32" && Array.prototype.some.call(vals, Number.isNaN)) {
    // PyTorch std::sorts the hash set's values with `<`: NaN stays where that sort leaves it.
    const set = unorderedSetOrder(vals, true);
    ({ firsts, counts } = hashedUnique(vals, plainLessSortOrder(set.map((r) => vals[r])).map((k) => set[k]), inverse));
  } else {
    const order = Array.from({ length: count }, (_, i) => i);
    if (!consecutive) order.sort((a, b) => cmpRows(vals, a, b, len) || a - b);
    for (let i = 0; i < count; i++) {
      const r = order[i];
      if (i === 0 || cmpRows(vals, order[i - 1], r, len) !== 0) {
        firsts.push(r);
        counts.push(0);
      }
      counts[counts.length - 1]++;
      inverse[r] = firsts.length - 1;
    }
  }
  let output: Tensor;
  if ((dim === undefined || dim === null) && firsts.length === 0) {
    output = notDifferentiable(...UNIQUE_NODES[op], [t], compute(() => tf.zeros([0], t.dtype._tf)));
  } else if (dim === undefined || dim === null) {
    output = notDifferentiable(...UNIQUE_NODES[op], [t], compute(() => tf.gather(tf.reshape(as(rows._t, rows.dtype._tf === "bool" ? "int32" : rows.dtype._tf), [-1]), tf.tensor1d(firsts, "int32"))));
    if (t.dtype._tf === "bool") output = output.bool();
  } else {
    const picked = M.index_select(t.detach(), d, int32Tensor(firsts, [firsts.length]));
    output = notDifferentiable(...UNIQUE_NODES[op === "unique" ? "unique_dim" : op], [t], compute(() => tf.clone(picked._t)));
  }
  if (!o.return_inverse && !o.return_counts) return output;
  const res = [output];
  if (o.return_inverse) res.push(int32Tensor(inverse, dim === undefined || dim === null ? t.shape.slice() : [count]));
  if (o.return_counts) res.push(int32Tensor(counts, [counts.length]));
  return asPyTuple(res);
}

/**
 * unique over all elements as PyTorch 1.13's CPU kernel gives it, the distinct values being `firsts`
 * (their first positions in `vals`, in the output's order: its unordered_set's, src/ops/unordered_set.ts,
 * or that sorted): `inverse` (filled) and the counts looked up by value in hash maps, where a NaN
 * never finds itself: its inverse is 0 and its count 0, as in PyTorch.
 */
function hashedUnique(vals: ArrayLike<number>, firsts: number[], inverse: Int32Array): { firsts: number[]; counts: number[] } {
  const at = new Map<number, number>();
  firsts.forEach((r, k) => at.set(vals[r], k));
  const counts = new Array<number>(firsts.length).fill(0);
  for (let i = 0; i < vals.length; i++) {
    const k = Number.isNaN(vals[i]) ? undefined : at.get(vals[i]);
    inverse[i] = k ?? 0;
    if (k !== undefined) counts[k]++;
  }
  return { firsts, counts };
}

/**
 * The distinct elements (or slices along `dim`) in ascending order; with `sorted: false` over all
 * elements, in the order PyTorch 1.13's CPU kernel returns them (its hash set's). With return_inverse /
 * return_counts: PyTorch's tuple as an array `[output, inverse?, counts?]`, int32 (PyTorch: int64).
 */
export function unique(t: Tensor, o: UniqueOptions = {}): Tensor | Tensor[] {
  return uniqueCore("unique", t, o, false);
}

/** Collapses runs of equal consecutive elements (or slices along `dim`); options as unique. */
export function unique_consecutive(t: Tensor, o: Omit<UniqueOptions, "sorted"> = {}): Tensor | Tensor[] {
  return uniqueCore("unique_consecutive", t, o, true);
}

export interface SearchOptions {
  out_int32?: boolean;
  right?: boolean;
  side?: "left" | "right" | null;
  sorter?: Tensor | null;
}

/** First index where each value could be inserted keeping each innermost row of `seq` sorted (right: after equal ones); int64, or int32 with out_int32. */
export function searchsorted(seq: Tensor, values: Tensor | number, o: SearchOptions = {}, op = "torch.searchsorted"): Tensor {
  checkTensor(op, "sorted_sequence", seq);
  if (o.side !== undefined && o.side !== null && o.side !== "left" && o.side !== "right") {
    throw new RuntimeError(`${op}(): side can only be 'left' or 'right' but got ${String(o.side)}`);
  }
  if (o.side === "left" && o.right === true) throw new RuntimeError(`${op}(): side and right can't be set to opposites, got side of left while right was True`);
  const right = o.side === "right" || o.right === true;
  const scalar = !(values instanceof Tensor);
  const v = values instanceof Tensor ? values : constant(compute(() => tf.scalar(values, Number.isInteger(values) && seq.dtype._tf !== "float32" ? "int32" : "float32")));
  if (seq.dim() === 0) throw new RuntimeError(`${op}(): boundaries tensor should have positive dimension, but got 0 dimension`);
  if (seq.dim() > 1) {
    const lead = seq.shape.slice(0, -1);
    if (v.dim() !== seq.dim() || v.shape.slice(0, -1).join(",") !== lead.join(",")) {
      throw new RuntimeError(
        `${op}(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor ${fmtShape(seq.shape)} and input value tensor ${fmtShape(v.shape)}`,
      );
    }
  }
  const L = seq.shape[seq.dim() - 1];
  const sv = hostValues(seq);
  let sorter: ArrayLike<number> | null = null;
  if (o.sorter !== undefined && o.sorter !== null) {
    if (o.sorter.dtype._tf !== "int32") throw new RuntimeError(`${op}(): sorter must be a tensor of long dtype but got dtype ${o.sorter.dtype}`);
    if (o.sorter.shape.join(",") !== seq.shape.join(",")) {
      throw new RuntimeError(`${op}(): boundary and sorter must have the same size, but got boundary tensor ${fmtShape(seq.shape)} and got sorter tensor ${fmtShape(o.sorter.shape)}`);
    }
    sorter = hostValues(o.sorter);
    for (let i = 0; i < sorter.length; i++) if (sorter[i] < 0 || sorter[i] >= L) throw new RuntimeError(`${op}(): sorter index out of range`);
  }
  const vv = hostValues(v);
  const perRow = seq.dim() === 1 ? vv.length : v.shape[v.dim() - 1];
  const out = new Int32Array(vv.length);
  for (let i = 0; i < vv.length; i++) {
    const row = seq.dim() === 1 ? 0 : Math.floor(i / perRow);
    const at = (k: number): number => sv[row * L + (sorter ? sorter[row * L + k] : k)];
    const x = vv[i];
    let lo = 0;
    let hi = L;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = at(mid);
      if (right ? m <= x : m < x) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  const r = int32Tensor(out, scalar ? [] : v.shape.slice());
  return o.out_int32 === true ? withDtype(r, D.int32) : r;
}

/** The bucket of each element given sorted 1-D `boundaries`: searchsorted(boundaries, input, {right}); int64, or int32 with out_int32. */
export function bucketize(input: Tensor | number, boundaries: Tensor, o: { out_int32?: boolean; right?: boolean } = {}): Tensor {
  checkTensor("bucketize", "boundaries", boundaries);
  if (boundaries.dim() !== 1) throw new RuntimeError(`torch.bucketize(): boundaries tensor must be 1 dimension, but got dim(${boundaries.dim()})`);
  return searchsorted(boundaries, input, { right: o.right ?? false, out_int32: o.out_int32 ?? false }, "torch.bucketize");
}

/** Occurrences of each value 0..max of a 1-D non-negative int tensor (summed `weights` if given). */
export function bincount(input: Tensor, weights?: Tensor | null, minlength = 0): Tensor {
  checkTensor("bincount", "input", input);
  if (input.dim() !== 1 || input.dtype._tf !== "int32") throw new RuntimeError(`bincount only supports 1-d non-negative integral inputs. (got ${input.dtype} of shape ${fmtShape(input.shape)})`);
  if (!Number.isInteger(minlength) || minlength < 0) throw new RuntimeError(`bincount(): minlength should be >= 0, got ${minlength}`);
  const v = hostValues(input);
  for (let i = 0; i < v.length; i++) if (v[i] < 0) throw new RuntimeError("bincount only supports 1-d non-negative integral inputs.");
  let w: ArrayLike<number> | null = null;
  if (weights !== undefined && weights !== null) {
    checkTensor("bincount", "weights", weights);
    if (weights.dim() !== 1 || weights.shape[0] !== input.shape[0]) {
      throw new RuntimeError(`bincount(): weights should be 1-d and have the same length as input (weights ${fmtShape(weights.shape)}, input ${fmtShape(input.shape)})`);
    }
    w = hostValues(weights);
  }
  let m = minlength;
  for (let i = 0; i < v.length; i++) m = Math.max(m, v[i] + 1);
  if (w === null) {
    const out = new Int32Array(m);
    for (let i = 0; i < v.length; i++) out[v[i]]++;
    return int32Tensor(out, [m]);
  }
  const out = new Float32Array(m);
  for (let i = 0; i < v.length; i++) out[v[i]] += w[i];
  const y = compute(() => tf.tensor(out, [m], "float32"));
  // PyTorch sums float32 weights in float32 and any other weights (integers, bool) as float64.
  const r = weights!.requires_grad ? notDifferentiable("NotImplemented", "derivative for aten::bincount is not implemented", [weights!], y) : constant(y);
  return weights!.dtype === D.float32 ? r : withDtype(r, D.float64);
}

/**
 * PyTorch's as_strided: a view of `t`'s storage (its root base's values, row-major) with the given
 * sizes and strides, starting `storage_offset` elements in (default: `t`'s own offset). The gradient
 * sums the output's gradient into the storage positions it read, then takes `t`'s positions of it.
 */
export function as_strided(t: Tensor, size: number[], stride: number[], storage_offset?: number | null): Tensor {
  if (size.length !== stride.length) throw new RuntimeError(`mismatch in length of strides and shape`);
  for (const v of [...size, ...stride]) if (!Number.isInteger(v)) throw new TypeError(`as_strided(): size and stride must be lists of ints, got ${v}`);
  if (size.some((v) => v < 0)) throw new RuntimeError(`as_strided: Negative sizes are not allowed, got [${size.join(", ")}]`);
  if (stride.some((v) => v < 0)) throw new RuntimeError(`as_strided: Negative strides are not supported at the moment, got strides: [${stride.join(", ")}]`);
  const root = t._view !== null ? t._view.base : t;
  const offset = storage_offset ?? V.offsetOf(t);
  if (!Number.isInteger(offset) || offset < 0) throw new RuntimeError(`Tensor: invalid storage offset ${offset}`);
  const n = root.numel();
  const numel = numelOf(size);
  const last = numel === 0 ? -1 : size.reduce((a, s, i) => a + (s - 1) * stride[i], 0);
  const itemsize = t.dtype.itemsize;
  if (numel > 0 && offset + last + 1 > n) {
    throw new RuntimeError(
      `setStorage: sizes [${size.join(", ")}], strides [${stride.join(", ")}], storage offset ${offset}, and itemsize ${itemsize} requiring a storage size of ${(offset + last + 1) * itemsize} are out of bounds for storage of size ${n * itemsize}`,
    );
  }
  // The storage position of each output element, and of each of t's.
  const positions = (shape: readonly number[], strides: readonly number[], start: number): number[] => {
    let pos = [start];
    shape.forEach((s, i) => {
      const next: number[] = [];
      for (const p of pos) for (let k = 0; k < s; k++) next.push(p + k * strides[i]);
      pos = next;
    });
    return numelOf(shape) === 0 ? [] : pos;
  };
  const picks = positions(size, stride, offset);
  const own = positions(t.shape, V.stridesOf(t), V.offsetOf(t));
  const step: V.ViewStep = {
    fwd: (p) => (numel === 0 ? tf.zeros(size, p.dtype) : tf.reshape(tf.gather(tf.reshape(p, [-1]), tf.tensor1d(picks, "int32")), size)),
    bwd: (p, v) => {
      if (numel === 0) return tf.clone(p);
      const lastWrite = new Map<number, number>();
      picks.forEach((q, j) => lastWrite.set(q, j));
      const src = Array.from({ length: n }, (_, q) => lastWrite.get(q) ?? -1);
      const work = p.dtype === "bool" ? "int32" : p.dtype;
      const taken = tf.gather(tf.cast(tf.reshape(v, [-1]), work), tf.tensor1d(src.map((s) => Math.max(s, 0)), "int32"));
      const mask = tf.tensor1d(src.map((s) => s >= 0), "bool");
      return tf.cast(tf.reshape(tf.where(mask, taken, tf.cast(tf.reshape(p, [-1]), work)), p.shape), p.dtype);
    },
  };
  const out = compute(() => step.fwd(root._t));
  const from = t.shape.slice();
  const r = record("AsStridedBackward0", [t], out, (g) => {
    if (numel === 0 || own.length === 0) return [tf.zeros(from)];
    const storageGrad = tf.unsortedSegmentSum(tf.reshape(g, [-1]), tf.tensor1d(picks, "int32"), n);
    return [tf.reshape(tf.gather(storageGrad, tf.tensor1d(own, "int32")), from)];
  }, false, false);
  const view = V.attachView(r, root, step, stride.slice(), offset, new Set(picks).size !== picks.length);
  // The view derives from the root's storage, but autograd tracks it as it tracks `t`: as_strided of a
  // detach() alias (torch.from_numpy of `s.data.numpy()`'s view) stays out of the root's graph, so a
  // write through it leaves the root's grad_fn as it was, as in PyTorch.
  const tv = t._view;
  if (tv !== null && (!tv.tracked || tv.noGrad)) r._view = { ...view._view!, tracked: tv.tracked, noGrad: view._view!.noGrad || tv.noGrad };
  return view;
}
