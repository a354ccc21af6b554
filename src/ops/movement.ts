/** Shape and movement ops: view/reshape, permute, squeeze, expand, cat/stack/split, slicing, gather. */
import { profiling, profiled } from "../profiler/hook";
import { tf, compute, record, saves, constant, constantOf, normDim, numelOf, fmtShape, as, broadcastShapes, expandTo, withDtype, wrapInt } from "./_core";
import { stridesOf } from "../tensor/repr";
import { Tensor, type DType } from "../tensor/tensor";
import { RuntimeError, IndexError, ShapeError, TypeError, ValueError } from "../errors";
import * as V from "./view";
import { flatAlias, keepLayout } from "./layout";
import type { Layout } from "../backend/memory";
import { transposeT } from "../backend/cpu_kernels";
import { sliceTf } from "../backend/wasm_kernels";
import * as D from "../tensor/dtype";
import { currentLevel } from "../autograd/forward_state";
import { is_grad_enabled } from "../autograd/grad_mode";
import { holdsNoTensor, type BackwardFn } from "../autograd/node";
import * as MF from "../tensor/memory_format";
import { listIndex } from "../tensor/list_index";

/** Resolves a requested shape with at most one -1 against `numel`, PyTorch's messages on failure. */
export function inferShape(op: string, shape: number[], numel: number, from: number[]): number[] {
  let infer = -1;
  let known = 1;
  shape.forEach((d, i) => {
    if (!Number.isInteger(d)) throw new TypeError(`${op}(): shape must be a list of integers, got ${fmtShape(shape)}`);
    if (d === -1) {
      if (infer >= 0) throw new RuntimeError(`${op}(): only one dimension can be inferred`);
      infer = i;
    } else if (d < 0) throw new RuntimeError(`${op}(): invalid shape dimension ${d}`);
    else known *= d;
  });
  const out = shape.slice();
  if (infer >= 0) {
    if (known === 0 && numel === 0) {
      throw new RuntimeError(`${op}(): cannot reshape tensor of 0 elements into shape ${fmtShape(shape)} because the unspecified dimension size -1 can be any value and is ambiguous`);
    }
    if (known === 0 || numel % known !== 0) {
      throw new ShapeError(`${op}(): shape '${fmtShape(shape)}' is invalid for input of size ${numel} (input shape ${fmtShape(from)})`, shape, from);
    }
    out[infer] = numel / known;
  } else if (known !== numel) {
    throw new ShapeError(`${op}(): shape '${fmtShape(shape)}' is invalid for input of size ${numel} (input shape ${fmtShape(from)})`, shape, from);
  }
  return out;
}

/**
 * view / reshape / flatten / squeeze / unsqueeze: a view whenever PyTorch's strides allow one.
 * Where they do not (a transposed or stepped view), `view` raises PyTorch's error and the others
 * copy (grad_fn UnsafeViewBackward0), so writes to the result no longer reach the input.
 */
export function reshape(t: Tensor, shape: number[], name = "ViewBackward0"): Tensor {
  const isView = name === "ViewBackward0";
  const s = inferShape(isView ? "view" : "reshape", shape, t.numel(), t.shape);
  const strides = V.viewStrides(t.shape, V.stridesOf(t), s);
  // Flattening a map kept NHWC (ops/layout.ts) keeps its buffer, for F.linear to read as it is.
  let layout: Layout | null = null;
  const out = compute(() => {
    const flat = strides !== null ? flatAlias(t, s) : null;
    if (flat === null) return tf.reshape(t._t, s);
    layout = flat.layout;
    return flat.data;
  });
  const from = t.shape;
  if (strides === null) {
    if (isView) {
      out.dispose();
      throw new RuntimeError(
        `view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead. (input shape ${fmtShape(from)}, stride ${fmtShape(V.stridesOf(t))}, view shape ${fmtShape(s)})`,
      );
    }
    return record("UnsafeViewBackward0", [t], out, reshapeBackward(from), false, false);
  }
  return V.attachView(keepLayout(record(name, [t], out, reshapeBackward(from), false, false), layout), t, V.reshapeStep(s), strides, V.offsetOf(t));
}

export function permute(t: Tensor, dims: number[]): Tensor {
  if (dims.length !== t.dim()) {
    throw new ShapeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${t.dim()} is not equal to len(dims) = ${dims.length}`,
      t.shape,
      dims,
    );
  }
  const p = dims.map((d) => normDim(d, t.dim(), "permute"));
  if (new Set(p).size !== p.length) throw new RuntimeError(`permute(): duplicate dims are not allowed. (dims [${dims.join(", ")}])`);
  if (t.dim() === 0) return t.alias();
  // tfjs's Transpose kernel divides by zero on empty tensors on wasm.
  const out = compute(() => (t.numel() === 0 ? tf.zeros(p.map((d) => t.shape[d]), t.dtype._tf) : transposeT(t._t, p)));
  const inv = new Array<number>(p.length);
  p.forEach((d, i) => (inv[d] = i));
  const st = V.stridesOf(t);
  return V.attachView(record("PermuteBackward0", [t], out, permuteBackward(inv), false, false), t, V.permuteStep(p), p.map((d) => st[d]), V.offsetOf(t));
}

export function transpose(t: Tensor, d0: number, d1: number, name = "TransposeBackward0"): Tensor {
  const a = normDim(d0, t.dim(), "transpose");
  const b = normDim(d1, t.dim(), "transpose");
  if (t.dim() === 0) return t.alias();
  const p = [...Array(t.dim()).keys()];
  [p[a], p[b]] = [p[b], p[a]];
  const out = compute(() => (t.numel() === 0 ? tf.zeros(p.map((d) => t.shape[d]), t.dtype._tf) : transposeT(t._t, p)));
  const st = V.stridesOf(t);
  return V.attachView(record(name, [t], out, permuteBackward(p), false, false), t, V.permuteStep(p), p.map((d) => st[d]), V.offsetOf(t));
}

/**
 * F.linear's `weight.t()` (TBackward0, a view of the weight as t() is), whose buffer on wasm is the
 * weight's own, tagged "transposed" (backend/memory.ts) instead of transposed: addmm reads it as
 * the weight with the product's operands swapped, so that XNNPACK packs the small [in, batch]
 * operand instead of the weight that each optimizer step renews (the batch-4 classifier's first
 * Linear: a [120, 400] Transpose and a 48000-element packing per step). Any other reader converts
 * it through `_t`. A plain transpose elsewhere (other backends, float64, views, forward AD).
 */
export function linearWeightT(w: Tensor): Tensor {
  if (tf.getBackend() !== "wasm" || w.dim() !== 2 || w.dtype._tf !== "float32" || w._view !== null || w._s.layout !== undefined || w.numel() === 0 || currentLevel() >= 0) {
    return transpose(w, 0, 1, "TBackward0");
  }
  const [r, c] = w.shape;
  const out = compute(() => tf.reshape(w._t, [c, r]));
  const y = record("TBackward0", [w], out, permuteBackward([1, 0]), false, false);
  y._s.layout = { kind: "transposed", toLogical: (d) => tf.transpose(tf.reshape(d, [r, c])) };
  const st = V.stridesOf(w);
  return V.attachView(y, w, V.permuteStep([1, 0]), [st[1], st[0]], V.offsetOf(w));
}

export function flatten(t: Tensor, start_dim = 0, end_dim = -1): Tensor {
  if (profiling.active !== null) return profiled("aten::flatten", [t, 0, 0], () => flattenOp(t, start_dim, end_dim));
  return flattenOp(t, start_dim, end_dim);
}

function flattenOp(t: Tensor, start_dim: number, end_dim: number): Tensor {
  if (t.dim() === 0) {
    normDim(start_dim, 0, "flatten");
    normDim(end_dim, 0, "flatten");
    return reshape(t, [1], "ReshapeAliasBackward0");
  }
  const s = normDim(start_dim, t.dim(), "flatten");
  const e = normDim(end_dim, t.dim(), "flatten");
  if (s > e) throw new RuntimeError(`flatten() has invalid args: start_dim (${start_dim}) cannot come after end_dim (${end_dim})`);
  const shape = [...t.shape.slice(0, s), numelOf(t.shape.slice(s, e + 1)), ...t.shape.slice(e + 1)];
  return reshape(t, shape, "ReshapeAliasBackward0");
}

/** `inplace` names the node as squeeze_ does (SqueezeBackward2/3). */
export function squeeze(t: Tensor, dim?: number | number[], inplace = false): Tensor {
  let dims: number[];
  if (dim === undefined) dims = t.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
  else dims = (Array.isArray(dim) ? dim : [dim]).map((d) => normDim(d, t.dim(), "squeeze")).filter((d) => t.shape[d] === 1);
  const shape = t.shape.filter((_, i) => !dims.includes(i));
  return reshape(t, shape, `SqueezeBackward${(dim === undefined ? 0 : 1) + (inplace ? 2 : 0)}`);
}

export function unsqueeze(t: Tensor, dim: number, inplace = false): Tensor {
  const d = normDim(dim, t.dim() + 1, "unsqueeze");
  const shape = t.shape.slice();
  shape.splice(d, 0, 1);
  return reshape(t, shape, inplace ? "UnsqueezeBackward1" : "UnsqueezeBackward0");
}

export function expand(t: Tensor, sizes: number[]): Tensor {
  if (sizes.length < t.dim()) {
    throw new ShapeError(
      `expand(torch.${t.dtype._typeName}Tensor{${fmtShape(t.shape)}}, size=${fmtShape(sizes)}): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${t.dim()})`,
      sizes,
      t.shape,
    );
  }
  const lead = sizes.length - t.dim();
  const target = sizes.map((s, i) => {
    const cur = i >= lead ? t.shape[i - lead] : 1;
    if (s === -1) {
      if (i < lead) throw new RuntimeError(`expand(): -1 is not allowed in a leading, non-existing dimension ${i}`);
      return cur;
    }
    if (cur !== 1 && cur !== s) {
      throw new ShapeError(
        `The expanded size of the tensor (${s}) must match the existing size (${cur}) at non-singleton dimension ${i}.  Target sizes: ${fmtShape(sizes)}.  Tensor sizes: ${fmtShape(t.shape)}`,
        sizes,
        t.shape,
      );
    }
    return s;
  });
  // Broadcast dims get stride 0: the view aliases one base element many times, so writes are refused.
  const st = V.stridesOf(t);
  const strides = target.map((s, i) => (i < lead || (t.shape[i - lead] === 1 && s !== 1) ? 0 : st[i - lead]));
  const overlap = target.some((s, i) => s > 1 && strides[i] === 0);
  const step = V.expandStep(target, lead);
  // tfjs's broadcastTo cannot make a size-0 dim from a size-1 one.
  if (numelOf(target) === 0) {
    return V.attachView(record("ExpandBackward0", [t], compute(() => tf.zeros(target, t.dtype._tf)), () => [tf.zeros(t.shape)], false, false), t, step, strides, V.offsetOf(t), overlap);
  }
  const out = compute(() => expandTo(tf.reshape(t._t, [...Array(lead).fill(1), ...t.shape]), target));
  const r = record("ExpandBackward0", [t], out, expandBackward(t.shape, target, lead), false, false);
  return V.attachView(r, t, step, strides, V.offsetOf(t), overlap);
}

export function repeat(t: Tensor, reps: number[]): Tensor {
  if (reps.length < t.dim()) {
    throw new RuntimeError(`Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor (${reps.length} repeat dims, ${t.dim()}-D tensor)`);
  }
  const lead = reps.length - t.dim();
  const base = [...Array(lead).fill(1), ...t.shape];
  const shape = base.map((b, i) => b * reps[i]);
  const neg = shape.find((s) => s < 0);
  if (neg !== undefined) throw new RuntimeError(`Trying to create tensor with negative dimension ${neg}: ${fmtShape(shape)}`);
  const out = compute(() => tf.tile(tf.reshape(t._t, base), reps));
  return record("RepeatBackward0", [t], out, repeatBackward(t.shape, base, reps), false, false);
}

export function cat(tensors: Tensor[], dim = 0, name = "CatBackward0"): Tensor {
  const out = catOp(tensors, dim, name);
  // PyTorch's cat lays its output out as its inputs when they all share one memory format, else row-major.
  if (out.dim() >= 4) out._memfmt = null;
  const first = out.dim() >= 4 && tensors[0]?.dim() === out.dim() ? MF.suggestFormat(tensors[0].shape, tensors[0].stride()) : null;
  if (first !== null && tensors.every((t) => t.dim() === out.dim() && MF.suggestFormat(t.shape, t.stride()) === first)) out._memfmt = first;
  return out;
}

function catOp(tensors: Tensor[], dim: number, name: string): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0) throw new RuntimeError("torch.cat(): expected a non-empty list of Tensors");
  tensors.forEach((x, i) => {
    if (!(x instanceof Tensor)) throw new TypeError(`torch.cat(): expected a list of Tensors, but element ${i} is not a Tensor`);
    if (x.dim() === 0) throw new RuntimeError(`torch.cat(): zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const legacyEmpty = (x: Tensor): boolean => x.dim() === 1 && x.numel() === 0;
  // Only legacy empty [0] tensors: PyTorch returns an empty [0] without checking dim.
  if (tensors.every(legacyEmpty)) {
    const dt0 = tensors.some((x) => x.dtype._tf === "float32") ? "float32" : tensors.some((x) => x.dtype._tf === "int32") ? "int32" : "bool";
    return record(name, tensors, compute(() => tf.zeros([0], dt0)), () => tensors.map((x) => tf.zeros(x.shape)));
  }
  const ref = tensors.find((x) => !legacyEmpty(x)) ?? tensors[0];
  const d = normDim(dim, ref.dim(), "cat");
  const parts = tensors.filter((x) => !(x.dim() === 1 && x.numel() === 0 && ref.dim() !== 1));
  parts.forEach((x, i) => {
    if (x.dim() !== ref.dim()) {
      throw new ShapeError(`torch.cat(): Tensors must have same number of dimensions: got ${ref.dim()} and ${x.dim()} (tensor ${i} has shape ${fmtShape(x.shape)})`, ref.shape, x.shape);
    }
    x.shape.forEach((s, k) => {
      if (k !== d && s !== ref.shape[k]) {
        throw new ShapeError(
          `torch.cat(): Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} but got size ${s} for tensor number ${i} in the list. (shapes ${parts.map((p) => fmtShape(p.shape)).join(", ")})`,
          ref.shape,
          x.shape,
        );
      }
    });
  });
  // The skipped legacy empty [0] tensors still take part in type promotion, as in PyTorch.
  const dt = tensors.some((x) => x.dtype._tf === "float32") ? "float32" : tensors.some((x) => x.dtype._tf === "int32") ? "int32" : "bool";
  const out = compute(() => tf.concat(parts.map((x) => as(x._t, dt)), d));
  const sizes = parts.map((x) => x.shape[d]);
  // The skipped [0] tensors stay graph inputs (a float one makes the result require grad) with empty gradients.
  return record(name, tensors, out, catBackward(sizes, d, tensors.map((x) => (parts.includes(x) ? null : x.shape))), false, false);
}

export function stack(tensors: Tensor[], dim = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0) throw new RuntimeError("stack expects a non-empty TensorList");
  const first = tensors[0];
  tensors.forEach((x, i) => {
    if (!(x instanceof Tensor)) throw new TypeError(`torch.stack(): expected a list of Tensors, but element ${i} is not a Tensor`);
    if (x.shape.join(",") !== first.shape.join(",")) {
      throw new ShapeError(`stack expects each tensor to be equal size, but got ${fmtShape(first.shape)} at entry 0 and ${fmtShape(x.shape)} at entry ${i}`, first.shape, x.shape);
    }
  });
  const d = normDim(dim, first.dim() + 1, "stack");
  return cat(tensors.map((x) => unsqueeze(x, d)), d, "StackBackward0");
}

export function narrow(t: Tensor, dim: number, start: number, length: number, name = "SliceBackward0"): Tensor {
  const d = normDim(dim, t.dim(), "narrow");
  const size = t.shape[d];
  const s = start < 0 ? start + size : start;
  if (s < 0 || s > size) throw new IndexError(`start out of range (expected to be in range of [${-size}, ${size}], but got ${start})`);
  if (length < 0 || s + length > size) throw new RuntimeError(`start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  const begin = t.shape.map((_, i) => (i === d ? s : 0));
  const sz = t.shape.map((v, i) => (i === d ? length : v));
  const out = compute(() => sliceTf(t._t, begin, sz));
  const from = t.shape;
  const st = V.stridesOf(t);
  const r = record(name, [t], out, padBackward(sz, from.map((v, i) => (i === d ? [s, size - s - length] : [0, 0]))), false, false);
  return V.attachView(r, t, V.narrowStep(d, s, length), st.slice(), V.offsetOf(t) + s * st[d]);
}

/** Entry `i` of dim `d` of a tf tensor, reshaped to `shape`. */
function sliceOne(x: tf.Tensor, d: number, i: number, shape: number[]): tf.Tensor {
  return tf.reshape(sliceTf(x, x.shape.map((_, k) => (k === d ? i : 0)), x.shape.map((v, k) => (k === d ? 1 : v))), shape);
}

export function select(t: Tensor, dim: number, index: number, name = "SelectBackward0"): Tensor {
  if (t.dim() === 0) throw new IndexError("select() cannot be applied to a 0-dim tensor.");
  const d = normDim(dim, t.dim(), "select");
  const size = t.shape[d];
  if (!Number.isInteger(index) || index < -size || index >= size) {
    throw new IndexError(`select(): index ${index} out of range for tensor of size ${fmtShape(t.shape)} at dimension ${d}`);
  }
  const i = index < 0 ? index + size : index;
  const shape = t.shape.filter((_, k) => k !== d);
  const out = compute(() => sliceOne(t._t, d, i, shape));
  const from = t.shape;
  const st = V.stridesOf(t);
  const r = record(name, [t], out, padBackward(from.map((v, k) => (k === d ? 1 : v)), from.map((v, k) => (k === d ? [i, v - i - 1] : [0, 0]))), false, false);
  return V.attachView(r, t, V.selectStep(d, i), st.filter((_, k) => k !== d), V.offsetOf(t) + i * st[d]);
}

/** The diagonal of the 2-D slices over (dim1, dim2), moved to the last dim; a view (PyTorch's strides: the two summed). */
export function diagonal(t: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const a = normDim(dim1, t.dim(), "diagonal");
  const b = normDim(dim2, t.dim(), "diagonal");
  if (a === b) throw new RuntimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  if (!Number.isInteger(offset)) throw new TypeError(`diagonal(): offset must be an integer, got ${offset}`);
  const n1 = t.shape[a];
  const n2 = t.shape[b];
  const len = Math.max(0, offset >= 0 ? Math.min(n1, n2 - offset) : Math.min(n1 + offset, n2));
  const picks = Array.from({ length: len }, (_, k) => (offset >= 0 ? k * n2 + k + offset : (k - offset) * n2 + k));
  const others = [...Array(t.dim()).keys()].filter((k) => k !== a && k !== b);
  const perm = [...others, a, b];
  const inv = new Array<number>(perm.length);
  perm.forEach((q, i) => (inv[q] = i));
  const flatShape = [...others.map((k) => t.shape[k]), n1 * n2];
  const outShape = [...others.map((k) => t.shape[k]), len];
  const step = diagonalStep(V.pickStep(others.length, picks), len, outShape, flatShape, perm, inv, perm.map((q) => t.shape[q]));
  const r = record("DiagonalBackward0", [t], compute(() => step.fwd(t._t)), viewStepBackward(step, t.shape), false, false);
  const st = V.stridesOf(t);
  const off = V.offsetOf(t) + (len === 0 ? 0 : offset >= 0 ? offset * st[b] : -offset * st[a]);
  return V.attachView(r, t, step, [...others.map((k) => st[k]), st[a] + st[b]], off);
}

export function split(t: Tensor, split_size_or_sections: number | number[], dim = 0): Tensor[] {
  const d = normDim(dim, t.dim(), "split");
  const size = t.shape[d];
  let sizes: number[];
  if (Array.isArray(split_size_or_sections)) {
    sizes = split_size_or_sections;
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total !== size) {
      throw new ShapeError(`split_with_sizes expects split_sizes to sum exactly to ${size} (input tensor's size at dimension ${d}), but got split_sizes=${fmtShape(sizes)}`, [size], sizes);
    }
  } else {
    const s = split_size_or_sections;
    if (!Number.isInteger(s) || s < 0) throw new ValueError(`split(): split_size must be a non-negative integer, got ${s}`);
    if (s === 0 && size !== 0) throw new RuntimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${size}`);
    sizes = [];
    for (let o = 0; o < size; o += s) sizes.push(Math.min(s, size - o));
    if (sizes.length === 0) sizes = [0];
  }
  let offset = 0;
  const name = Array.isArray(split_size_or_sections) ? "SplitWithSizesBackward0" : "SplitBackward0";
  const pieces = sizes.map((n) => {
    const piece = narrow(t, d, offset, n, name);
    offset += n;
    return piece;
  });
  return V.markMultiOutput(pieces, name);
}

export function chunk(t: Tensor, chunks: number, dim = 0): Tensor[] {
  if (!Number.isInteger(chunks) || chunks <= 0) throw new RuntimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = normDim(dim, t.dim(), "chunk");
  // PyTorch gives `chunks` empty pieces of a size-0 dim.
  if (t.shape[d] === 0) return V.markMultiOutput(Array.from({ length: chunks }, () => narrow(t, d, 0, 0, "SplitBackward0")), "SplitBackward0");
  return split(t, Math.max(1, Math.ceil(t.shape[d] / chunks)), d);
}

export function unbind(t: Tensor, dim = 0): Tensor[] {
  const d = normDim(dim, t.dim(), "unbind");
  return V.markMultiOutput(Array.from({ length: t.shape[d] }, (_, i) => select(t, d, i, "UnbindBackward0")), "UnbindBackward0");
}

export function flip(t: Tensor, dims: number[]): Tensor {
  const ds = dims.map((d) => normDim(d, t.dim(), "flip"));
  const seen = ds.find((d, i) => ds.indexOf(d) !== i);
  if (seen !== undefined) throw new RuntimeError(`flip(): dim ${seen} appears multiple times in the list of dims`);
  // Nothing to reverse in a 0-d or empty tensor (and tfjs's Reverse kernel fails on them).
  if (t.dim() === 0 || t.numel() === 0) ds.length = 0;
  // wasm's Reverse kernel mis-sizes bool elements (wrong values, then heap corruption): reverse as int32.
  const out = compute(() => (ds.length ? (t.dtype._tf === "bool" ? tf.cast(tf.reverse(tf.cast(t._t, "int32"), ds), "bool") : tf.reverse(t._t, ds)) : tf.clone(t._t)));
  return record("FlipBackward0", [t], out, flipBackward(ds), false, false);
}

function checkIndexTensor(op: string, index: Tensor): void {
  if (index.dtype._tf !== "int32") throw new RuntimeError(`${op}(): Expected dtype int32 or int64 for index`);
}

/** Picks entries of `dim` at positions `index` (1-D integer tensor). */
export function index_select(t: Tensor, dim: number, index: Tensor, name = "IndexSelectBackward0"): Tensor {
  checkIndexTensor("index_select", index);
  if (index.dim() > 1) throw new IndexError(`index_select(): Index is supposed to be a vector, got shape ${fmtShape(index.shape)}`);
  const d = normDim(dim, t.dim(), "index_select");
  // A 0-d input selects along an implicit size-1 dim and stays 0-d (its index has one element).
  if (t.dim() === 0) {
    // PyTorch returns the 0-d value itself for any in-range index list.
    const idx0 = Array.from(index._t.dataSync());
    if (idx0.some((i) => i !== 0 && i !== -1)) throw new IndexError("index_select(): index out of range in self");
    return reshape(t, [], name);
  }
  const size = t.shape[d];
  const idx = Array.from(index._t.dataSync());
  if (size === 0 && idx.length > 0 && t.dim() > 1) throw new RuntimeError("index_select(): self indexing axis dim should be positive");
  // PyTorch's index_select takes no negative index (x[idx] does: movement's index path wraps them itself).
  const bad = idx.find((i) => i < 0 || i >= size);
  if (bad !== undefined) throw new IndexError(`index_select(): index out of range in self: index ${bad} is out of bounds for dimension ${d} with size ${size}`);
  if (t.numel() === 0 || idx.length === 0) {
    const shape = t.shape.map((s, k) => (k === d ? idx.length : s));
    return record(name, [t], compute(() => tf.zeros(shape, t.dtype._tf)), () => [tf.zeros(t.shape)]);
  }
  const fixed = Tensor._wrap(compute(() => tf.tensor1d(idx.map((i) => (i < 0 ? i + size : i)), "int32")));
  const out = compute(() => tf.gather(t._t, fixed._t, d));
  // PyTorch's IndexSelectBackward0 and IndexBackward0 save only the index and sizes; masked_select saves self.
  const r = record(
    name,
    [t],
    out,
    (g) => {
      const perm = [d, ...[...Array(t.dim()).keys()].filter((k) => k !== d)];
      const inv = new Array<number>(perm.length);
      perm.forEach((p, i) => (inv[p] = i));
      const summed = tf.unsortedSegmentSum(tf.transpose(g, perm), fixed._t as tf.Tensor1D, size);
      return [tf.transpose(summed, inv)];
    },
    false,
    name === "MaskedSelectBackward0",
  );
  return saves(r, index);
}

/** torch.gather: out[i][j] = t[i][index[i][j]] along `dim` (shown for dim=1). */
export function gather(t: Tensor, dim: number, index: Tensor): Tensor {
  // PyTorch 1.13's gather takes int64 indices only (int32 is an error too).
  if (index.dtype !== D.int64) throw new RuntimeError("gather(): Expected dtype int64 for index");
  const d = normDim(dim, t.dim(), "gather");
  if (index.dim() !== t.dim()) throw new RuntimeError(`gather(): Index tensor must have the same number of dimensions as input tensor (index ${fmtShape(index.shape)}, input ${fmtShape(t.shape)})`);
  index.shape.forEach((s, k) => {
    if (k !== d && s > t.shape[k]) {
      throw new ShapeError(`gather(): Size does not match at dimension ${k} expected index ${fmtShape(index.shape)} to be smaller than self ${fmtShape(t.shape)} apart from dimension ${d}`, t.shape, index.shape);
    }
  });
  const idx = index._t.dataSync();
  const strides = stridesOf(t.shape);
  const istr = stridesOf(index.shape);
  const flat = new Int32Array(idx.length);
  for (let n = 0; n < idx.length; n++) {
    let rem = n;
    let off = 0;
    for (let k = 0; k < index.dim(); k++) {
      const c = Math.floor(rem / istr[k]);
      rem -= c * istr[k];
      if (k === d) {
        const v = idx[n];
        // PyTorch's gather takes no negative index: -1 is out of bounds, not the last entry.
        if (v < 0 || v >= t.shape[d]) throw new RuntimeError(`gather(): index ${v} is out of bounds for dimension ${d} with size ${t.shape[d]}`);
        off += v * strides[k];
      } else off += c * strides[k];
    }
    flat[n] = off;
  }
  const flatIdx = Tensor._wrap(compute(() => tf.tensor1d(flat, "int32")));
  const out = compute(() => tf.reshape(tf.gather(tf.reshape(t._t, [-1]), flatIdx._t), index.shape));
  return record("GatherBackward0", [t], out, (g) => [tf.reshape(tf.unsortedSegmentSum(tf.reshape(g, [-1]), flatIdx._t as tf.Tensor1D, t.numel()), t.shape)]);
}

/** Elements where the bool `mask` is true, as a 1-D tensor. */
export function masked_select(t: Tensor, mask: Tensor): Tensor {
  if (mask.dtype._tf !== "bool") throw new TypeError(`masked_select(): expected a bool mask, got ${mask.dtype}`);
  const shape = broadcastShapes(t.shape, mask.shape);
  if (shape === null) {
    throw new ShapeError(`masked_select(): The size of the mask ${fmtShape(mask.shape)} must be broadcastable to the input ${fmtShape(t.shape)}`, t.shape, mask.shape);
  }
  if (numelOf(shape) === 0) return record("MaskedSelectBackward0", [t], compute(() => tf.zeros([0], t.dtype._tf)), () => [tf.zeros(t.shape)]);
  const mb = compute(() => tf.broadcastTo(mask._t, shape));
  const m = mb.dataSync();
  mb.dispose();
  const positions: number[] = [];
  m.forEach((v, i) => {
    if (v) positions.push(i);
  });
  const idx = constant(compute(() => tf.tensor1d(positions, "int32")));
  if (shape.length === t.dim() && shape.every((s, k) => s === t.shape[k])) {
    // The node's input is `t` itself, as PyTorch's (which saves self: an in-place write to it before
    // backward raises, naming `t`, not a flattened view of it).
    const out = compute(() => tf.gather(tf.reshape(t._t, [-1]), idx._t));
    return record("MaskedSelectBackward0", [t], out, (g) => [tf.reshape(tf.unsortedSegmentSum(g, idx._t as tf.Tensor1D, t.numel()), t.shape)]);
  }
  return index_select(t.expand(shape).reshape(-1), 0, idx, "MaskedSelectBackward0");
}

/** One entry of an index spec: a number selects, null/':' keeps a dim, [start, stop, step] slices, '...' fills. */
export type IndexItem = number | null | string | [number | null, (number | null)?, (number | null)?] | Tensor;

/** The comma-separated parts of an index string, a bracketed list (`[1, 3]`) kept whole. */
function specParts(spec: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts.push(spec.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) break;
  }
  if (depth !== 0) throw new IndexError(`index(): unbalanced brackets in index '${spec}'`);
  parts.push(spec.slice(start));
  return parts;
}

/** Python's list index written inside the string form (`x[":, [1, 3]"]` is `x[:, [1, 3]]`): a long or bool tensor. */
function listItem(s: string): Tensor {
  const body = s.slice(1, -1).trim();
  const values = body === "" ? [] : body.split(",").map((raw) => {
    const v = raw.trim();
    if (v === "True" || v === "true") return true;
    if (v === "False" || v === "false") return false;
    const n = Number(v);
    if (v === "" || !Number.isInteger(n)) throw new IndexError(`index(): cannot parse list index '${s}' (a list holds integers, or True / False)`);
    return n;
  });
  return listIndex("index", values);
}

function parseSpec(spec: string): IndexItem[] {
  return specParts(spec).map((raw) => {
    const s = raw.trim();
    if (s === "..." || s === "None") return s;
    if (s === ":" || s === "::") return null;
    if (s.startsWith("[") && s.endsWith("]")) return listItem(s);
    if (s.includes(":")) {
      const parts = s.split(":").map((p) => (p.trim() === "" ? null : Number(p)));
      if (parts.length > 3 || parts.some((p) => p !== null && !Number.isInteger(p))) throw new IndexError(`index(): cannot parse slice '${s}'`);
      return [parts[0], parts[1] ?? null, parts[2] ?? null] as [number | null, number | null, number | null];
    }
    const n = Number(s);
    if (s === "" || !Number.isInteger(n)) throw new IndexError(`index(): cannot parse index '${s}' (use integers, ':', 'a:b:c', '...', 'None' or a list '[0, 2]')`);
    return n;
  });
}

/** The items of an index spec, its strings parsed: a string item of an array is one item of the string form (`[0, ":", ":4"]` is `0, :, :4`). */
export function indexItems(spec: string | IndexItem[]): IndexItem[] {
  return typeof spec === "string" ? parseSpec(spec) : spec.flatMap((it) => (typeof it === "string" && it !== "..." && it !== "None" ? parseSpec(it) : [scalarIndex(it)]));
}

/**
 * A 0-dim integer tensor indexes as the integer it holds (PyTorch's applySelect): `x[torch.argmax(v)]`
 * is a view of x, and `jaccard[:, box_idx] = col_discard` a basic write that converts the value's dtype
 * where index_put_ would refuse it. uint8 and bool 0-dim tensors stay masks.
 */
function scalarIndex(it: IndexItem): IndexItem {
  if (!(it instanceof Tensor) || it.dim() !== 0 || it.dtype._tf !== "int32" || it.dtype === D.uint8) return it;
  return Number(it._t.dataSync()[0]);
}

/**
 * NumPy/PyTorch-style indexing: `x.index(":, 0, 1:3")` is `x[:, 0, 1:3]`. Also takes an array of
 * items: numbers, null (':'), [start, stop, step] slices, '...', 'None' (new axis), slice strings
 * (':', '1:3', '::2') and 1-D integer or bool tensors.
 */
export function index(t: Tensor, spec: string | IndexItem[]): Tensor {
  let items = indexItems(spec);
  // A k-dim bool mask consumes k dims, as in PyTorch.
  // A 0-dim mask consumes none: PyTorch adds a size-1 dim that it keeps (True) or empties (False).
  const consumed = items.reduce<number>((n, it) => n + (it === "..." || it === "None" ? 0 : isMask(it) ? (it as Tensor).dim() : 1), 0);
  const ell = items.indexOf("...");
  if (items.filter((it) => it === "...").length > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (t.dim() === 0 && typeof items.find((it) => it !== "..." && it !== "None") === "number") {
    // old tutorials' `loss.data[0]`
    throw new IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
  }
  if (consumed > t.dim()) throw new IndexError(`too many indices for tensor of dimension ${t.dim()} (got ${consumed})`);
  const fill: IndexItem[] = Array(t.dim() - consumed).fill(null);
  // The dims an index leaves out (after its items or at its ellipsis) are kept whole; a `:` written out
  // is a full slice, which PyTorch records as SliceBackward0 (x[:, 0, :, :] ends in one, x[:, 0] does not).
  const firstFill = ell >= 0 ? ell : items.length;
  items = ell >= 0 ? [...items.slice(0, ell), ...fill, ...items.slice(ell + 1)] : [...items, ...fill];
  const written = (i: number): boolean => i < firstFill || i >= firstFill + fill.length;
  const records = is_grad_enabled() && t.requires_grad;
  let x = t;
  let d = 0;
  // Tensor indices are applied together after the basic ones (ints select, slices narrow), as PyTorch does.
  const adv: { dim: number; shape: number[]; values: ArrayLike<number> }[] = [];
  for (const [i, it] of items.entries()) {
    if (it === "None") {
      x = unsqueeze(x, d);
      d++;
    } else if (it === null) {
      if (records && written(i)) x = narrow(x, d, 0, x.shape[d]);
      d++;
    } else if (typeof it === "number") {
      // Python's x[i, j]: PyTorch's text names the index's position in the subscript (Nones counted).
      if (x.dim() > 0 && (!Number.isInteger(it) || it < -x.shape[d] || it >= x.shape[d])) {
        throw new IndexError(`index ${it} is out of bounds for dimension ${i} with size ${x.shape[d]}`);
      }
      x = select(x, d, it);
    } else if (it instanceof Tensor) {
      if (isMask(it)) {
        if (it.dtype === D.uint8) warnUint8Index();
        if (it.dim() === 0) {
          x = unsqueeze(x, d);
          adv.push({ dim: d, shape: [it.item() ? 1 : 0], values: [0] });
          d++;
          continue;
        }
        const k = Math.max(it.dim(), 1);
        const sizes = x.shape.slice(d, d + k);
        const mshape = it.dim() === 0 ? [1] : it.shape;
        if (mshape.some((s, i) => s !== sizes[i])) {
          throw new IndexError(`The shape of the mask ${fmtShape(it.shape)} at index ${d} does not match the shape of the indexed tensor ${fmtShape(x.shape)} at index ${d}`);
        }
        // nonzero(): one coordinate list per masked dim.
        const m = it._t.dataSync();
        const strides = stridesOf(mshape);
        const coords: number[][] = Array.from({ length: k }, () => []);
        for (let n = 0; n < m.length; n++) {
          if (!m[n]) continue;
          for (let j = 0; j < k; j++) coords[j].push(Math.floor(n / strides[j]) % mshape[j]);
        }
        coords.forEach((c, j) => adv.push({ dim: d + j, shape: [c.length], values: c }));
        d += k;
      } else if (it.dtype === D.int64) {
        adv.push({ dim: d, shape: it.shape, values: it._t.dataSync() });
        d++;
      } else throw new IndexError("tensors used as indices must be long, byte or bool tensors");
    } else if (Array.isArray(it)) {
      const size = x.shape[d];
      const step = it[2] ?? 1;
      if (step <= 0) throw new ValueError("step must be greater than zero");
      const clampIdx = (v: number) => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
      const start = it[0] === null || it[0] === undefined ? 0 : clampIdx(it[0]);
      const stop = it[1] === null || it[1] === undefined ? size : clampIdx(it[1]);
      const len = Math.max(0, stop - start);
      x = narrow(x, d, start, len);
      if (step > 1 && len > 0) x = stepSlice(x, d, step);
      d++;
    } else throw new IndexError(`index(): unsupported index item ${String(it)}`);
  }
  if (adv.length > 0) x = advancedIndex(x, adv);
  return x === t ? t.alias() : x;
}

function isMask(it: IndexItem): boolean {
  return it instanceof Tensor && (it.dtype._tf === "bool" || it.dtype === D.uint8);
}

/** Every `step`-th entry of dim d, as a view (stride times step). */
function stepSlice(x: Tensor, d: number, step: number): Tensor {
  const picks = Array.from({ length: Math.ceil(x.shape[d] / step) }, (_, k) => k * step);
  const vs = V.pickStep(d, picks);
  const from = x.shape;
  const r = record("SliceBackward0", [x], compute(() => vs.fwd(x._t)), viewStepBackward(vs, from), false, false);
  const st = V.stridesOf(x);
  return V.attachView(r, x, vs, st.map((v, k) => (k === d ? v * step : v)), V.offsetOf(x));
}

/**
 * PyTorch's advanced indexing: the index tensors broadcast together to shape S and pick one element
 * (or sub-tensor) per position. S replaces the indexed dims where they are adjacent, and leads
 * otherwise.
 */
function advancedIndex(x: Tensor, adv: { dim: number; shape: number[]; values: ArrayLike<number> }[]): Tensor {
  let S: number[] = [];
  for (const a of adv) {
    const b = broadcastShapes(S, a.shape);
    if (b === null) {
      throw new IndexError(`shape mismatch: indexing tensors could not be broadcast together with shapes ${adv.map((v) => fmtShape(v.shape)).join(", ")}`);
    }
    S = b;
  }
  const dims = adv.map((a) => a.dim);
  const sizes = dims.map((k) => x.shape[k]);
  const rest = x.shape.map((_, k) => k).filter((k) => !dims.includes(k));
  const n = numelOf(S);
  const lin = new Int32Array(n);
  const sStrides = stridesOf(S);
  let stride = 1;
  for (let j = adv.length - 1; j >= 0; j--) {
    const a = adv[j];
    const lead = S.length - a.shape.length;
    const aStrides = stridesOf(a.shape);
    for (let p = 0; p < n; p++) {
      let off = 0;
      for (let q = 0; q < a.shape.length; q++) {
        if (a.shape[q] !== 1) off += (Math.floor(p / sStrides[lead + q]) % S[lead + q]) * aStrides[q];
      }
      let v = a.values[off];
      if (v < -sizes[j] || v >= sizes[j]) throw new IndexError(`index ${v} is out of bounds for dimension ${a.dim} with size ${sizes[j]}`);
      if (v < 0) v += sizes[j];
      lin[p] += v * stride;
    }
    stride *= sizes[j];
  }
  const identity = [...dims, ...rest].every((k, i) => k === i);
  const moved = identity ? x : permute(x, [...dims, ...rest]);
  const flat = reshape(moved, [numelOf(sizes), ...rest.map((k) => x.shape[k])], "ReshapeAliasBackward0");
  const picked = index_select(flat, 0, constant(compute(() => tf.tensor1d(lin, "int32"))), "IndexBackward0");
  const target = [...S, ...rest.map((k) => x.shape[k])];
  let out = picked.shape.join(",") === target.join(",") ? picked : reshape(picked, target, "IndexBackward0");
  const adjacent = dims.every((k, i) => i === 0 || k === dims[i - 1] + 1);
  if (adjacent && dims[0] > 0) {
    const before = Array.from({ length: dims[0] }, (_, i) => S.length + i);
    const after = Array.from({ length: rest.length - dims[0] }, (_, i) => S.length + dims[0] + i);
    out = permute(out, [...before, ...S.map((_, i) => i), ...after]);
  }
  return out;
}

let uint8IndexWarned = false;
/** PyTorch 1.13 still takes a uint8 index as a mask, with a UserWarning (shown once here, as Python's default filter shows it once per call site). */
function warnUint8Index(): void {
  if (uint8IndexWarned) return;
  uint8IndexWarned = true;
  process.emitWarning("indexing with dtype torch.uint8 is now deprecated, please use a dtype torch.bool instead.", "UserWarning");
}

/** A copy that still flows gradient (torch.clone). */
export function clone(t: Tensor): Tensor {
  return record("CloneBackward0", [t], compute(() => tf.clone(t._t)), identityBackward, false, false);
}

export function toDtype(t: Tensor, dtype: DType): Tensor {
  if (t.dtype === dtype) return t;
  // float32 <-> float64 share float32 storage: a copy relabelled, through which gradients flow.
  if (dtype.is_floating_point && t.dtype.is_floating_point) return withDtype(record("ToCopyBackward0", [t], compute(() => tf.clone(t._t)), identityBackward, false, false), dtype);
  let out = compute(() => (dtype._tf === "bool" ? tf.notEqual(t._t, 0) : dtype._tf === "int32" && t.dtype._tf === "float32" ? tf.cast(tf.mul(tf.sign(t._t), tf.floor(tf.abs(t._t))), "int32") : tf.cast(t._t, dtype._tf)));
  // Into uint8 / int8 / int16: truncated toward zero, then wrapped as C's integer conversions wrap
  // (PyTorch 1.13 on x86: -1.5 -> 255, 300.7 -> 44 as uint8).
  if (dtype._range !== null && t.dtype !== D.bool) out = wrapInt(out, dtype);
  // Only floating dtypes carry gradients, and this cast changes the category, so the result is a constant
  // (laid out as its input, as PyTorch's copy is).
  return withDtype(constantOf([t], out), dtype);
}

/**
 * The shape `unflatten(dim, sizes)` gives: dim `dim` of `shape` split into `sizes` (one may be -1).
 * Shared by Tensor.unflatten and nn.Unflatten.
 */
export function unflattenShape(shape: readonly number[], dim: number, sizes: readonly number[]): number[] {
  const d = normDim(dim, shape.length, "unflatten");
  if (sizes.length === 0) throw new RuntimeError("unflatten: sizes must be non-empty");
  const size = shape[d];
  const known = sizes.filter((s) => s !== -1).reduce((a, b) => a * b, 1);
  const inferred = sizes.filter((s) => s === -1).length;
  if (inferred > 1) throw new RuntimeError("unflatten got an unexpected error:\nonly one dimension can be inferred");
  if ((inferred === 0 && known !== size) || (inferred === 1 && (known === 0 || size % known !== 0))) {
    throw new RuntimeError(`unflatten: Provided sizes [${sizes.join(", ")}] don't multiply up to the size of dim ${dim} (${size}) in the input tensor`);
  }
  const full = sizes.map((s) => (s === -1 ? size / known : s));
  return [...shape.slice(0, d), ...full, ...shape.slice(d + 1)];
}

// Backward closures of the nodes above that save no tensor, made here at module level so that they
// hold shapes only (see holdsNoTensor): such a node runs again in a second backward.

/** The gradient as it is (clone, a dtype change). */
const identityBackward = holdsNoTensor((g) => [g]);

function reshapeBackward(from: readonly number[]): BackwardFn {
  return holdsNoTensor((g) => [tf.reshape(g, from as number[])]);
}

/** A permutation's backward: `perm` is the inverse permutation of the forward's. */
function permuteBackward(perm: number[]): BackwardFn {
  return holdsNoTensor((g) => [transposeT(g, perm)]);
}

/** expand(): the gradient summed over the new leading dims and the broadcast size-1 dims. */
function expandBackward(from: readonly number[], target: readonly number[], lead: number): BackwardFn {
  const axes: number[] = [];
  target.forEach((s, i) => {
    if (i < lead || (from[i - lead] === 1 && s !== 1)) axes.push(i);
  });
  return holdsNoTensor((g) => [tf.reshape(axes.length ? tf.sum(g, axes) : g, from as number[])]);
}

function repeatBackward(from: readonly number[], base: number[], reps: number[]): BackwardFn {
  const split: number[] = [];
  reps.forEach((r, i) => split.push(r, base[i]));
  const axes = reps.map((_, i) => 2 * i);
  return holdsNoTensor((g) => [tf.reshape(tf.sum(tf.reshape(g, split), axes), from as number[])]);
}

/** cat(): the gradient split along `d`; an input it skipped (a legacy empty [0]) of shape `skipped[i]` gets zeros. */
function catBackward(sizes: number[], d: number, skipped: (readonly number[] | null)[]): BackwardFn {
  return holdsNoTensor((g) => {
    const pieces = tf.split(g, sizes, d);
    let k = 0;
    return skipped.map((s) => (s === null ? pieces[k++] : tf.zeros(s as number[])));
  });
}

/** narrow() and select(): the gradient (reshaped to `shape`) padded back to the input's size. */
function padBackward(shape: readonly number[], pads: [number, number][]): BackwardFn {
  return holdsNoTensor((g) => [tf.pad(tf.reshape(g, shape as number[]), pads)]);
}

/** A view step's backward: the gradient written into zeros of the input's shape. */
function viewStepBackward(step: V.ViewStep, from: readonly number[]): BackwardFn {
  return holdsNoTensor((g) => [step.bwd(tf.zeros(from as number[]), g)]);
}

/** diagonal()'s view step: `perm` moves the two dims last, whose flattened pairs `pick` chooses. */
function diagonalStep(pick: V.ViewStep, len: number, outShape: number[], flatShape: number[], perm: number[], inv: number[], permuted: number[]): V.ViewStep {
  return {
    fwd: (p) => (len === 0 ? tf.zeros(outShape, p.dtype) : pick.fwd(tf.reshape(tf.transpose(p, perm), flatShape))),
    bwd: (p, v) => (len === 0 ? tf.clone(p) : tf.transpose(tf.reshape(pick.bwd(tf.reshape(tf.transpose(p, perm), flatShape), v), permuted), inv)),
  };
}

function flipBackward(ds: number[]): BackwardFn {
  return holdsNoTensor((g) => [ds.length ? tf.reverse(g, ds) : g]);
}
