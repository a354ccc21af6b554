/**
 * Views that share their base's data, on a backend whose buffers are immutable. PyTorch's
 * functionalization is the model: a view keeps its (root) base and how to derive itself from it
 * (`fwd`), plus how to write its values back into the base (`bwd`). Its own buffer is a cache:
 * reads re-derive it when the base's storage or version moved; an in-place write through a view
 * scatters into the base (a CopySlices node when autograd records it) and bumps the base's version.
 * The strides and offset PyTorch would give the view are tracked too, for `stride()`,
 * `is_contiguous()`, and to decide, as PyTorch does, whether `view`/`reshape`/`flatten` can alias.
 */
import { tf, compute, record, fmtShape, expandTo } from "./_core";
import { holdsNoTensor, Node } from "../autograd/node";
import { Tensor } from "../tensor/tensor";
import type { Storage } from "../backend/memory";
import { RuntimeError } from "../errors";
import { asPyTuple } from "../pyrepr";
import { is_grad_enabled } from "../autograd/grad_mode";
import { formatStrides, isContiguousAs, contiguous_format } from "../tensor/memory_format";
import { sliceTf } from "../backend/wasm_kernels";

/** How one view op derives its values from its input's and writes them back. */
export interface ViewStep {
  /** input values -> view values */
  fwd: (p: tf.Tensor) => tf.Tensor;
  /** (input values, new view values) -> input values with the view's positions replaced */
  bwd: (p: tf.Tensor, v: tf.Tensor) => tf.Tensor;
}

export interface ViewInfo extends ViewStep {
  /** The root base (never itself a view); composed fwd/bwd go from its values. */
  readonly base: Tensor;
  /** The base's storage and version this view's buffer reflects. */
  storage: Storage;
  version: number;
  /** The base's grad_fn when the view's grad_fn was made; a later one means an in-place op ran on the base. */
  baseNode: Node | null;
  /** False for detach()/.data: writes through them are never recorded by autograd. */
  readonly tracked: boolean;
  /** Several elements alias one base element (expand): in-place writes are refused, as PyTorch does. */
  readonly overlap: boolean;
  readonly strides: number[];
  readonly offset: number;
  /** Made while grad mode was off: its grad_fn is never regenerated, and a recorded write to it is refused. */
  readonly noGrad: boolean;
  /** Set on split/chunk/unbind pieces (and their views): PyTorch refuses recorded in-place writes to them. */
  multi: { name: string; index: number } | null;
}

export function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i], 1);
  }
  return s;
}

/** The strides PyTorch gives `t` (a tensor that is not a view: row-major, or its memory format's). */
export function stridesOf(t: Tensor): number[] {
  if (t._view !== null) return t._view.strides;
  const f = t._memfmt;
  return f !== null && t.shape.length === (f === "channels_last" ? 4 : 5) ? formatStrides(t.shape, f) : contiguousStrides(t.shape);
}

export function offsetOf(t: Tensor): number {
  return t._view !== null ? t._view.offset : 0;
}

export function isContiguous(t: Tensor): boolean {
  if (t._view === null && t._memfmt === null) return true;
  return isContiguousAs(t.shape, stridesOf(t), contiguous_format);
}

/**
 * PyTorch's computeStride (aten/src/ATen/TensorUtils.cpp): the strides of `newshape` viewing memory
 * laid out as (oldshape, oldstride), or null when no view can (it "spans two contiguous subspaces").
 */
export function viewStrides(oldshape: readonly number[], oldstride: readonly number[], newshape: readonly number[]): number[] | null {
  if (oldshape.length === 0) return newshape.map(() => 1);
  const numel = oldshape.reduce((a, b) => a * b, 1);
  if (numel === 0 && oldshape.join(",") === newshape.join(",")) return oldstride.slice();
  const newstride = new Array<number>(newshape.length);
  if (numel === 0) {
    for (let d = newshape.length - 1; d >= 0; d--) newstride[d] = d === newshape.length - 1 ? 1 : Math.max(newshape[d + 1], 1) * newstride[d + 1];
    return newstride;
  }
  let viewD = newshape.length - 1;
  let chunkBase = oldstride[oldstride.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldshape.length - 1; d >= 0; d--) {
    tensorNumel *= oldshape[d];
    if (d === 0 || (oldshape[d - 1] !== 1 && oldstride[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newshape[viewD] === 1)) {
        newstride[viewD] = viewNumel * chunkBase;
        viewNumel *= newshape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = oldstride[d - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? newstride : null;
}

const identity: ViewStep = { fwd: (p) => tf.clone(p), bwd: (_p, v) => tf.clone(v) };

/**
 * Makes `out` (already computed from `src` by a view op) a view: it remembers the root base and
 * the composed derivation, and the PyTorch geometry (strides, offset) it has.
 */
export function attachView(out: Tensor, src: Tensor, step: ViewStep, strides: number[], offset: number, overlap = false): Tensor {
  const parent = src._view;
  let base: Tensor;
  let fwd = step.fwd;
  let bwd = step.bwd;
  if (parent === null) base = src;
  else {
    base = parent.base;
    const pf = parent.fwd;
    const pb = parent.bwd;
    fwd = (b) => step.fwd(pf(b));
    bwd = (b, v) => pb(b, step.bwd(pf(b), v));
  }
  out._vc = src._sharedVersion();
  out._view = {
    base, fwd, bwd, storage: base._s, version: base._s.version, baseNode: base._gradFnRaw(),
    tracked: parent === null ? true : parent.tracked,
    overlap: overlap || (parent?.overlap ?? false),
    strides, offset,
    noGrad: !is_grad_enabled() || (parent?.noGrad ?? false),
    multi: parent?.multi ?? null,
  };
  return out;
}

/**
 * detach() / .data: the same values (sharing the buffer), a view autograd does not track. detach()
 * shares `t`'s version counter, so that autograd sees writes through it; `.data` (`ownVersion`) has
 * its own, as in PyTorch.
 */
export function detachedAlias(t: Tensor, ownVersion = false): Tensor {
  t._t; // bring a stale view up to date before sharing its buffer
  const out = new Tensor(t._s.data, t._s);
  if (!ownVersion) out._vc = t._sharedVersion();
  const v = t._view;
  if (v === null) {
    out._view = { base: t, ...identity, storage: t._s, version: t._s.version, baseNode: null, tracked: false, overlap: false, strides: stridesOf(t).slice(), offset: 0, noGrad: false, multi: null };
  } else {
    out._view = { ...v, tracked: false, multi: null };
  }
  return out;
}

/** An alias's backward hands the gradient on (holds no tensor, see holdsNoTensor). */
const aliasBackward = holdsNoTensor((g) => [g]);

/** PyTorch's alias (x[...], t() of a vector): a tracked view with the same shape. */
export function alias(t: Tensor, name = "AliasBackward0"): Tensor {
  const out = record(name, [t], compute(() => tf.clone(t._t)), aliasBackward, false, false);
  return attachView(out, t, identity, stridesOf(t).slice(), offsetOf(t));
}

/** The view's buffer is stale when its base was written (version) or rebound (storage) since it was derived. */
export function isStale(t: Tensor): boolean {
  const v = t._view!;
  const s = v.base._s;
  return t._s !== s && (v.storage !== s || v.version !== s.version);
}

/**
 * Re-derives a stale view from its base. The view gets a fresh storage rather than overwriting its
 * old one, which autograd nodes (or detach() aliases) may still hold; nodes that saved the view see
 * the new storage and raise at backward, as PyTorch's shared version counter makes them.
 */
export function refresh(t: Tensor): void {
  const v = t._view!;
  const base = v.base;
  // `_t` reaches here from inside other ops' compute() (a tidy scope), which would free the
  // re-derived buffer when it ends; the view's storage owns it instead.
  const fresh = Tensor._wrap(tf.keep(compute(() => v.fwd(base._t))));
  // The view keeps its dtype (float64 shares float32's buffers: a new buffer alone would read float32).
  fresh._s.dt = t._s.dt;
  t._rebindTo(fresh);
  v.storage = base._s;
  v.version = base._s.version;
  const bn = base._gradFnRaw();
  if (v.tracked && !v.noGrad && bn !== v.baseNode && base.requires_grad) {
    // The base was written in place while recording: this view now reads the new values (PyTorch
    // regenerates its grad_fn as AsStridedBackward0 over the base's new grad_fn).
    t._setGradFn(viewNode(v, "AsStridedBackward0"));
  }
  v.baseNode = bn;
}

function viewNode(v: ViewInfo, name: string): Node {
  const base = v.base;
  const shape = base.shape;
  return new Node(name, [base], (g) => [v.bwd(tf.zeros(shape), g)], false);
}

/**
 * Writes `next` (the new values of view `t`, already shape- and dtype-checked) into its base.
 * Recorded (grad mode, and the base or the values need grad): the base's new value is
 * CopySlices(old base, next) and the view becomes AsStridedBackward0 of it. Otherwise the base's
 * storage is overwritten in place and the view re-derived; a detach() alias written with values that
 * need grad takes their graph itself.
 */
export function writeThroughView(t: Tensor, next: Tensor, recording: boolean, uniform = false): void {
  const v = t._view!;
  const base = v.base;
  const dtype = t.dtype;
  // PyTorch fills an expanded view (every alias gets the one value) but refuses other writes to it.
  if (v.overlap && !uniform) {
    throw new RuntimeError(
      "unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation. " +
        `(an expanded view of shape ${fmtShape(t.shape)} of a base of shape ${fmtShape(base.shape)})`,
    );
  }
  if (v.tracked && recording && (base.requires_grad || next.requires_grad)) {
    const old = base._snapshot();
    const vals = next.dtype === dtype ? next : next.to(dtype);
    const viewShape = t.shape;
    // Its backward reads only the gradient (PyTorch's CopySlices saves no tensor): writing to the
    // values afterwards (`x[1] += v` writes them back through the same view) is no error.
    const nb = record("CopySlices", [old, vals], compute(() => v.bwd(old._t, vals._t)), (g) => [v.bwd(g, tf.zeros(viewShape)), v.fwd(g)], false, false);
    base._adopt(nb);
    const mine = Tensor._wrap(compute(() => v.fwd(base._t)));
    mine._s.dt = dtype._tf === mine._s.data.dtype ? dtype : undefined;
    t._rebindTo(mine);
    v.storage = base._s;
    v.version = base._s.version;
    v.baseNode = base._gradFnRaw();
    t._setGradFn(viewNode(v, "AsStridedBackward0"));
    return;
  }
  base._overwrite(compute(() => v.bwd(base._t, next.dtype === dtype ? next._t : tf.cast(next._t, dtype._tf))));
  if (!v.tracked && recording && next.grad_fn !== null) {
    // detach() shares the values, not the graph: PyTorch records a write of values that need grad on the
    // alias itself (`n = x.detach(); n[0] = w * 2` gives n a CopySlices), and the base stays out of it.
    t._adopt(next.dtype === dtype ? next : next.to(dtype));
    v.storage = base._s;
    v.version = base._s.version;
    return;
  }
  if (t._s !== base._s) {
    // The view keeps its dtype (float64 shares float32's buffers: a new buffer alone would read float32).
    const mine = Tensor._wrap(compute(() => v.fwd(base._t)));
    mine._s.dt = dtype._tf === mine._s.data.dtype ? dtype : undefined;
    t._rebindTo(mine);
    v.storage = base._s;
    v.version = base._s.version;
  }
}

// ---------------------------------------------------------------- the steps of each view op

export function reshapeStep(shape: number[]): ViewStep {
  return { fwd: (p) => tf.reshape(p, shape), bwd: (p, v) => tf.reshape(v, p.shape) };
}

export function permuteStep(perm: number[]): ViewStep {
  const inv = new Array<number>(perm.length);
  perm.forEach((d, i) => (inv[d] = i));
  // tfjs's Transpose divides by zero on empty tensors on wasm.
  return {
    fwd: (p) => (p.size === 0 ? tf.zeros(perm.map((d) => p.shape[d]), p.dtype) : tf.transpose(p, perm)),
    bwd: (p, v) => (v.size === 0 ? tf.zeros(p.shape, p.dtype) : tf.transpose(v, inv)),
  };
}

/** Replaces positions [s, s + len) of dim d of p with v. */
function spliceDim(p: tf.Tensor, v: tf.Tensor, d: number, s: number, len: number): tf.Tensor {
  const size = p.shape[d];
  const parts: tf.Tensor[] = [];
  const part = (from: number, n: number) => sliceTf(p, p.shape.map((_, k) => (k === d ? from : 0)), p.shape.map((x, k) => (k === d ? n : x)));
  if (s > 0) parts.push(part(0, s));
  if (len > 0) parts.push(v);
  if (s + len < size) parts.push(part(s + len, size - s - len));
  if (parts.length === 0) return tf.clone(p);
  return parts.length === 1 ? tf.clone(parts[0]) : tf.concat(parts, d);
}

export function narrowStep(d: number, s: number, len: number): ViewStep {
  return {
    fwd: (p) => sliceTf(p, p.shape.map((_, k) => (k === d ? s : 0)), p.shape.map((x, k) => (k === d ? len : x))),
    bwd: (p, v) => spliceDim(p, as(v, p.dtype), d, s, len),
  };
}

export function selectStep(d: number, i: number): ViewStep {
  return {
    fwd: (p) => tf.reshape(sliceTf(p, p.shape.map((_, k) => (k === d ? i : 0)), p.shape.map((x, k) => (k === d ? 1 : x))), p.shape.filter((_, k) => k !== d)),
    bwd: (p, v) => spliceDim(p, tf.reshape(as(v, p.dtype), p.shape.map((x, k) => (k === d ? 1 : x))), d, i, 1),
  };
}

export function expandStep(target: number[], lead: number): ViewStep {
  return {
    fwd: (p) => expandTo(tf.reshape(p, [...Array(lead).fill(1), ...p.shape]), target),
    // Only a fill writes through an expanded view: any one of the aliases of an element holds its value.
    bwd: (p, v) => tf.reshape(sliceTf(v, target.map(() => 0), target.map((s, i) => (i < lead || p.shape[i - lead] !== s ? 1 : s))), p.shape),
  };
}

/**
 * Positions `picks` of dim d (a stepped slice `a:b:c`, or the diagonal of a flattened pair of dims):
 * fwd gathers them, bwd scatters into them (a segment sum of the values and a mask, kernels every
 * backend has).
 */
export function pickStep(d: number, picks: number[]): ViewStep {
  return {
    fwd: (p) => tf.gather(p, tf.tensor1d(picks, "int32"), d),
    bwd: (p, v) => {
      const size = p.shape[d];
      const rank = p.rank;
      const perm = [d, ...[...Array(rank).keys()].filter((k) => k !== d)];
      const inv = new Array<number>(rank);
      perm.forEach((q, i) => (inv[q] = i));
      const vt = tf.transpose(tf.cast(v, p.dtype === "float32" ? "float32" : "int32"), perm);
      const placed = tf.transpose(tf.unsortedSegmentSum(vt, tf.tensor1d(picks, "int32"), size), inv);
      const m = new Int32Array(size);
      for (const i of picks) m[i] = 1;
      const mask = tf.reshape(tf.cast(tf.tensor1d(m, "int32"), "bool"), p.shape.map((x, k) => (k === d ? size : 1)));
      return tf.where(tf.broadcastTo(mask, p.shape), as(placed, p.dtype), p);
    },
  };
}

function as(t: tf.Tensor, dtype: tf.DataType): tf.Tensor {
  return t.dtype === dtype ? t : tf.cast(t, dtype);
}

/** Marks the pieces of split/chunk/unbind as outputs of one multi-view function, and as the tuple PyTorch returns. */
export function markMultiOutput(pieces: Tensor[], name: string): Tensor[] {
  pieces.forEach((p, index) => {
    if (p._view !== null) p._view.multi = { name, index };
  });
  return asPyTuple(pieces);
}
