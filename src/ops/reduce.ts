/** Reductions along dims (sum, mean, max/min with indices, std/var, prod, ...) and softmax family. */
import { tf, compute, record, saves, constant, normDim, as, numelOf, expandTo, withDtype } from "./_core";
import { cumulativeT } from "../backend/math_kernels";
import * as D from "../tensor/dtype";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, IndexError, ValueError } from "../errors";
import { asReturnType } from "../pyrepr";
import * as E from "./elementwise";
import { hasLossKernel } from "../backend/loss_kernels";
import type { SoftmaxAttrs } from "../backend/loss_kernels";
import { is_backward_differentiable } from "../autograd/grad_mode";
import { torchSumT, torchMomentsT } from "../backend/sum_kernels";
import { stridesOf } from "./view";
import { holdsNoTensor, renameGradFn, type BackwardFn } from "../autograd/node";

export type Dims = number | number[] | null | undefined;

/**
 * Normalised, sorted, de-duplicated dims; all dims when `dim` is null/undefined or an empty list
 * (PyTorch 1.13's `x.sum([])` reduces everything). A 0-d tensor accepts dim 0/-1 and has no dims to reduce.
 */
export function reduceDims(op: string, t: Tensor, dim: Dims): number[] {
  if (dim === null || dim === undefined || (Array.isArray(dim) && dim.length === 0)) return Array.from({ length: t.dim() }, (_, i) => i);
  const list = Array.isArray(dim) ? dim : [dim];
  const out = list.map((d) => normDim(d, t.dim(), op));
  if (new Set(out).size !== out.length) throw new RuntimeError(`${op}(): dim ${out.join(", ")} appears multiple times in the list of dims`);
  return t.dim() === 0 ? [] : out.sort((a, b) => a - b);
}

/** Shape after reducing `dims`. */
function reducedShape(shape: number[], dims: number[], keepdim: boolean): number[] {
  return keepdim ? keptShape(shape, dims) : shape.filter((_, i) => !dims.includes(i));
}

/** The reduction of an empty tensor: PyTorch's identity element (tfjs kernels read garbage here). */
function emptyReduce(t: Tensor, dims: number[], keepdim: boolean, value: number, dtype: "float32" | "int32" | "bool" = "float32"): tf.Tensor {
  return tf.fill(reducedShape(t.shape, dims, keepdim), value, dtype);
}

/** Runs a single-dim op on a 0-d tensor as on a 1-element vector, so tfjs sees an axis (the result is 0-d). */
function viaVector(t: Tensor, f: (v: Tensor) => Tensor): Tensor {
  return f(t.reshape([1])).reshape([]);
}

/** Shape of g with reduced dims re-inserted as 1, so it broadcasts against the input. */
function keptShape(shape: number[], dims: number[]): number[] {
  return shape.map((d, i) => (dims.includes(i) ? 1 : d));
}

/** The gradient of a sum over `dims` of `input`: `g` broadcast back to the input's shape. */
export function expandBack(g: tf.Tensor, input: Tensor, dims: number[]): tf.Tensor {
  return expandShape(g, input.shape, dims);
}

function expandShape(g: tf.Tensor, shape: readonly number[], dims: number[]): tf.Tensor {
  if (shape.includes(0)) return tf.zeros(shape as number[]);
  return expandTo(tf.reshape(g, keptShape(shape as number[], dims)), shape);
}

/** A sum's (n = 1) or mean's (n: the count) backward over `dims` of an input of `shape` (reads no tensor, see holdsNoTensor). */
function reduceBackward(shape: readonly number[], dims: number[], n: number): BackwardFn {
  return holdsNoTensor((g) => [expandShape(n === 1 ? g : tf.div(g, n), shape, dims)]);
}

/** A float32 sum or mean in PyTorch's order, bit for bit (see sum_kernels.ts); null for other dtypes or backends. */
function torchSum(t: Tensor, dims: number[], keepdim: boolean, mean: boolean): tf.Tensor | null {
  if (t._t.dtype !== "float32") return null;
  const y = torchSumT(t._t, dims, stridesOf(t), mean);
  return y === null || !keepdim ? y : tf.reshape(y, keptShape(t.shape, dims));
}

/**
 * An integer sum / prod / cumsum is int64 in PyTorch; torchlab holds int64 in 32 bits, where a result
 * past int32's range wraps by a multiple of 2**32 to a wrong number (`torch.arange(1, 20).prod()` to
 * 109641728, not 121645100408832000). The same reduction in float32 lands within rounding of the
 * held result unless it wrapped: then a RuntimeError. Inputs too narrow or too short to reach 2**31
 * (a bool mask's sum, `(pred == y).sum()`) are not checked.
 */
function refuseInt64Overflow(op: string, t: Tensor, held: tf.Tensor, reduce: (x: tf.Tensor) => tf.Tensor): void {
  if (t.dtype._tf === "float32" || t.numel() <= 1) return;
  const r = t.dtype === D.bool ? [0, 1] : t.dtype._range;
  if (r !== null && (op === "prod" ? r[1] <= 1 && r[0] >= -1 : t.numel() * Math.max(-r[0], r[1]) < 2 ** 31)) return;
  const [gap, largest] = tf.tidy(() => {
    const approx = reduce(tf.cast(t._t, "float32"));
    return [tf.max(tf.abs(tf.sub(approx, tf.cast(held, "float32")))), tf.max(tf.abs(approx))];
  });
  const [g, m] = [gap.dataSync()[0], largest.dataSync()[0]];
  tf.dispose([gap, largest]);
  if (g >= 2 ** 31) {
    tf.dispose(held);
    throw new RuntimeError(
      `${op}(): the ${t.dtype} result reaches ${m === Infinity ? "past float32's range" : `about ${m}`}, past the range torchlab holds int64 in ` +
        `(-2147483648 to 2147483647: int64 is stored in 32 bits), where it would wrap to a wrong number; .float() first gives a float32 result (exact up to 2**24)`,
    );
  }
}

export function sum(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  const dims = reduceDims("sum", t, dim);
  const dt = t.dtype._tf === "float32" ? "float32" : "int32";
  const out = compute(() => (t.dim() === 0 ? as(t._t, dt) : t.numel() === 0 ? emptyReduce(t, dims, keepdim, 0, dt) : torchSum(t, dims, keepdim, false) ?? tf.sum(as(t._t, dt), dims, keepdim)));
  refuseInt64Overflow("sum", t, out, (x) => tf.sum(x, dims, keepdim));
  // PyTorch sums every integer dtype into int64.
  return withDtype(record(dim === undefined || dim === null ? "SumBackward0" : "SumBackward1", [t], out, reduceBackward(t.shape, dims, 1), false, false), dt === "int32" ? D.int64 : t.dtype);
}

export function mean(t: Tensor, dim?: Dims, keepdim = false): Tensor {
  if (t.dtype._tf !== "float32") {
    throw new RuntimeError(`mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${t.dtype._typeName}`);
  }
  const dims = reduceDims("mean", t, dim);
  const n = dims.reduce((a, d) => a * t.shape[d], 1);
  const out = compute(() => (t.dim() === 0 ? tf.clone(t._t) : t.numel() === 0 ? emptyReduce(t, dims, keepdim, NaN) : torchSum(t, dims, keepdim, true) ?? tf.mean(t._t, dims, keepdim)));
  // PyTorch 1.13's MeanBackward1 saves self (an in-place write to it raises), MeanBackward0 only sizes.
  const whole = dim === undefined || dim === null;
  return record(whole ? "MeanBackward0" : "MeanBackward1", [t], out, reduceBackward(t.shape, dims, n), false, !whole);
}

export function prod(t: Tensor, dim?: number | null, keepdim = false, name = "ProdBackward1"): Tensor {
  const dt = t.dtype._tf === "float32" ? "float32" : "int32";
  if (dim === undefined || dim === null) {
    // Recorded on `t` itself (PyTorch's ProdBackward0 saves self), not on a flattened view of it.
    const whole = compute(() => (t.numel() === 0 ? tf.scalar(1, dt) : tf.prod(as(t._t, dt))));
    refuseInt64Overflow("prod", t, whole, (x) => tf.prod(x));
    return withDtype(record("ProdBackward0", [t], whole, (g) => {
      if (t.numel() === 0) return [tf.zeros(t.shape)];
      const x = tf.reshape(as(t._t, D.float32), [-1]);
      const left = tf.cumprod(x, 0, true, false);
      const right = tf.cumprod(x, 0, true, true);
      return [tf.reshape(tf.mul(g, tf.mul(left, right)), t.shape)];
    }), dt === "int32" ? D.int64 : t.dtype);
  }
  const d = normDim(dim, t.dim(), "prod");
  const out = compute(() => (t.dim() === 0 ? as(t._t, dt) : t.numel() === 0 ? emptyReduce(t, [d], keepdim, 1, dt) : tf.prod(as(t._t, dt), d, keepdim)));
  refuseInt64Overflow("prod", t, out, (x) => tf.prod(x, d, keepdim));
  return withDtype(record(name, [t], out, (g) => {
    if (t.dim() === 0) return [g];
    // Exclusive products from both sides: exact even where the input has zeros.
    const x = as(t._t, D.float32);
    const left = tf.cumprod(x, d, true, false);
    const right = tf.cumprod(x, d, true, true);
    return [tf.mul(expandBack(g, t, [d]), tf.mul(left, right))];
  }), dt === "int32" ? D.int64 : t.dtype);
}

/**
 * PyTorch's `torch.return_types.<op>` (max/min along a dim, sort, topk): a (values, indices) pair
 * that destructures as an array (`const [values, indices] = x.max(1)`), has `.values`/`.indices`,
 * and prints as PyTorch prints it (`torch.return_types.max(\nvalues=tensor(...),\nindices=tensor(...))`).
 */
export interface ValuesIndices {
  values: Tensor;
  indices: Tensor;
  0: Tensor;
  1: Tensor;
  readonly length: 2;
  [Symbol.iterator](): Iterator<Tensor>;
}

export function valuesIndices(values: Tensor, indices: Tensor, op: "max" | "min" | "sort" | "topk" | "kthvalue" | "median" | "nanmedian" | "mode" | "cummax" | "cummin"): ValuesIndices {
  // Indices are int64 whatever the values' dtype (an int32 input's indices included).
  withDtype(indices, D.int64);
  return asReturnType(op, ["values", "indices"], [values, indices]) as unknown as ValuesIndices;
}

/** PyTorch's checks for max/min/amax/argmax of an empty tensor: all of it, or along a zero-size dim. */
function checkNonEmpty(op: string, t: Tensor, dims: number[] | null): void {
  if (t.numel() !== 0) return;
  if (dims === null) {
    const msg = `${op}(): Expected reduction dim to be specified for input.numel() == 0.`;
    if (op.startsWith("arg")) throw new IndexError(msg);
    throw new RuntimeError(`${msg} Specify the reduction dim with the 'dim' argument.`);
  }
  for (const d of dims) {
    if (t.shape[d] === 0) throw new IndexError(`${op}(): Expected reduction dim ${d} to have non-zero size (input shape [${t.shape.join(", ")}])`);
  }
}

/** max over all elements; gradient split evenly among ties, as PyTorch. */
function extremeAll(op: "max" | "min", t: Tensor): Tensor {
  checkNonEmpty(op, t, null);
  const f = op === "max" ? tf.max : tf.min;
  const out = compute(() => (t.dim() === 0 ? tf.clone(t._t) : nanPropagate(t, f(t._t), null, false)));
  let self: Tensor;
  const res = record(op === "max" ? "MaxBackward1" : "MinBackward1", [t], out, (g) => {
    // Split evenly among the elements equal to the result; a nan result among the nans (PyTorch's
    // evenly_distribute_backward).
    // (as float: wasm's Select kernel mishandles bool operands)
    const nanResult = tf.broadcastTo(tf.isNaN(self._t), t.shape);
    const mask = tf.where(nanResult, tf.cast(tf.isNaN(t._t), "float32"), tf.cast(tf.equal(t._t, self._t), "float32"));
    return [tf.mul(tf.div(mask, tf.sum(mask)), g)];
  }, true);
  self = res;
  return res;
}

function extremeDim(op: "max" | "min", t: Tensor, dim: number, keepdim: boolean): ValuesIndices {
  const d = normDim(dim, t.dim(), op);
  checkNonEmpty(op, t, t.dim() === 0 ? [] : [d]);
  if (t.dim() === 0) return valuesIndices(t.clone(), constant(compute(() => tf.scalar(0, "int32"))), op);
  if (t.numel() === 0) {
    const v = record(op === "max" ? "MaxBackward0" : "MinBackward0", [t], compute(() => emptyReduce(t, [d], keepdim, 0, t.dtype._tf)), () => [tf.zeros(t.shape)]);
    return valuesIndices(v, constant(compute(() => emptyReduce(t, [d], keepdim, 0, "int32"))), op);
  }
  const idx = compute(() => {
    const i = nanAwareArg(op, t._t, d);
    return keepdim ? tf.expandDims(i, d) : i;
  });
  const vals = compute(() => {
    const v = op === "max" ? tf.max(t._t, d, keepdim) : tf.min(t._t, d, keepdim);
    return t.dtype._tf === "float32" ? tf.where(tf.any(tf.isNaN(t._t), d, keepdim), tf.fill(v.shape, NaN), v) : v;
  });
  const indices = constant(idx);
  const values = record(op === "max" ? "MaxBackward0" : "MinBackward0", [t], vals, (g) => {
    // A size-1 dim: every element is its slice's extreme (and tfjs's oneHot needs depth >= 2).
    if (t.shape[d] === 1) return [tf.reshape(g, t.shape)];
    const i = keepdim ? tf.squeeze(indices._t, [d]) : indices._t;
    const oh = tf.oneHot(i, t.shape[d]);
    // oneHot appends the class axis last; move it to position d.
    const perm = [...Array(t.dim() - 1).keys()].map((k) => (k < d ? k : k + 1));
    const axes = new Array<number>(t.dim());
    perm.forEach((p, k) => (axes[p] = k));
    axes[d] = t.dim() - 1;
    const mask = tf.transpose(oh, axes);
    return [tf.mul(as(mask, D.float32), tf.expandDims(keepdim ? tf.squeeze(g, [d]) : g, d))];
  }, false, false);
  // PyTorch's MaxBackward0 saves the indices (and sizes), not self.
  return valuesIndices(saves(values, indices), indices, op);
}

/** A max/min reduction is nan wherever its slice holds a nan, as in PyTorch. */
function nanPropagate(t: Tensor, r: tf.Tensor, dims: number[] | null, keepdim: boolean): tf.Tensor {
  if (t.dtype._tf !== "float32") return r;
  const anyNan = dims === null ? tf.any(tf.isNaN(t._t)) : tf.any(tf.isNaN(t._t), dims, keepdim);
  return tf.where(anyNan, tf.fill(r.shape, NaN), r);
}

/** arg-max/min along d, where (as in PyTorch) a nan wins: the index of the first nan. */
function nanAwareArg(op: "max" | "min", x: tf.Tensor, d: number): tf.Tensor {
  const i = op === "max" ? tf.argMax(x, d) : tf.argMin(x, d);
  if (x.dtype !== "float32") return i;
  const nan = tf.isNaN(x);
  return tf.where(tf.any(nan, d), tf.argMax(tf.cast(nan, "int32"), d), i);
}

export function max(t: Tensor): Tensor;
export function max(t: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function max(t: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  return dim === undefined ? extremeAll("max", t) : extremeDim("max", t, dim, keepdim);
}

export function min(t: Tensor): Tensor;
export function min(t: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function min(t: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  return dim === undefined ? extremeAll("min", t) : extremeDim("min", t, dim, keepdim);
}

/** amax/amin over dims; the gradient is split evenly among ties. */
export function amax(t: Tensor, dim?: Dims, keepdim = false, op: "max" | "min" = "max"): Tensor {
  // PyTorch reports an empty reduced dim before a repeated one.
  if (t.numel() === 0 && Array.isArray(dim) && dim.length) checkNonEmpty(op === "max" ? "amax" : "amin", t, dim.map((d) => normDim(d, t.dim(), op === "max" ? "amax" : "amin")));
  const dims = reduceDims(op === "max" ? "amax" : "amin", t, dim);
  const all = dim === undefined || dim === null || (Array.isArray(dim) && dim.length === 0);
  checkNonEmpty(op === "max" ? "amax" : "amin", t, all ? null : dims);
  if (t.numel() === 0) return record(op === "max" ? "AmaxBackward0" : "AminBackward0", [t], compute(() => emptyReduce(t, dims, keepdim, 0, t.dtype._tf)), () => [tf.zeros(t.shape)]);
  const f = op === "max" ? tf.max : tf.min;
  const out = compute(() => (t.dim() === 0 ? tf.clone(t._t) : nanPropagate(t, f(t._t, dims, keepdim), dims, keepdim)));
  let self: Tensor;
  const res = record(op === "max" ? "AmaxBackward0" : "AminBackward0", [t], out, (g) => {
    const y = tf.reshape(self._t, keptShape(t.shape, dims));
    const mask = tf.cast(tf.equal(t._t, y), "float32");
    const count = tf.sum(mask, dims, true);
    return [tf.mul(tf.div(mask, count), tf.reshape(g, keptShape(t.shape, dims)))];
  }, true);
  self = res;
  return res;
}

export function argmax(t: Tensor, dim?: number | null, keepdim = false, op: "max" | "min" = "max"): Tensor {
  const name = op === "max" ? "argmax" : "argmin";
  if (dim === undefined || dim === null) {
    checkNonEmpty(name, t, null);
    return constant(
      compute(() => {
        const r = nanAwareArg(op, tf.reshape(t._t, [-1]), 0);
        return keepdim ? tf.reshape(r, t.shape.map(() => 1)) : r;
      }),
    );
  }
  const d = normDim(dim, t.dim(), name);
  if (t.dim() === 0) return constant(compute(() => tf.scalar(0, "int32")));
  checkNonEmpty(name, t, [d]);
  if (t.numel() === 0) return constant(compute(() => emptyReduce(t, [d], keepdim, 0, "int32")));
  return constant(
    compute(() => {
      const i = nanAwareArg(op, t._t, d);
      return keepdim ? tf.expandDims(i, d) : i;
    }),
  );
}

/** var or std as PyTorch computes them (in double, rounded once; see sum_kernels.ts); null on tfjs-node. */
function torchMoments(t: Tensor, dims: number[], correction: number, keepdim: boolean, sqrt: boolean): tf.Tensor | null {
  const y = torchMomentsT(t._t, dims, correction, sqrt);
  return y === null || !keepdim ? y : tf.reshape(y, keptShape(t.shape, dims));
}

/** Variance with Bessel's correction by default (`unbiased: true` / `correction: 1`), as PyTorch. */
export function variance(t: Tensor, dim: Dims, correction: number, keepdim: boolean, name = "var"): Tensor {
  if (t.dtype._tf !== "float32") throw new RuntimeError(`${name}(): std and var only support floating point and complex dtypes (got ${t.dtype})`);
  if (t.dim() === 0) return viaVector(t, (v) => variance(v, reduceDims(name, t, dim).length ? 0 : null, correction, false, name));
  const dims = reduceDims(name, t, dim);
  const n = dims.reduce((a, d) => a * t.shape[d], 1);
  const denom = Math.max(0, n - correction);
  if (t.numel() === 0) return record("VarBackward0", [t], compute(() => emptyReduce(t, dims, keepdim, NaN)), () => [tf.zeros(t.shape)]);
  const out = compute(() => {
    const v = torchMoments(t, dims, correction, keepdim, false);
    if (v !== null) return v;
    const m = tf.mean(t._t, dims, true);
    const ss = tf.sum(tf.square(tf.sub(t._t, m)), dims, keepdim);
    return tf.div(ss, denom);
  });
  return record("VarBackward0", [t], out, (g) => {
    const m = tf.mean(t._t, dims, true);
    const gg = tf.reshape(g, keptShape(t.shape, dims));
    return [tf.mul(gg, tf.div(tf.mul(2, tf.sub(t._t, m)), denom))];
  });
}

export function std(t: Tensor, dim: Dims, correction: number, keepdim: boolean): Tensor {
  if (t.dtype._tf !== "float32") throw new RuntimeError(`std(): std and var only support floating point and complex dtypes (got ${t.dtype})`);
  if (t.dim() === 0) {
    reduceDims("std", t, dim);
    return viaVector(t, (v) => std(v, 0, correction, false));
  }
  const dims = reduceDims("std", t, dim);
  const n = dims.reduce((a, d) => a * t.shape[d], 1);
  const denom = Math.max(0, n - correction);
  if (t.numel() === 0) return record("StdBackward0", [t], compute(() => emptyReduce(t, dims, keepdim, NaN)), () => [tf.zeros(t.shape)]);
  const out = compute(() => torchMoments(t, dims, correction, keepdim, true) ?? tf.sqrt(tf.div(tf.sum(tf.square(tf.sub(t._t, tf.mean(t._t, dims, true))), dims, keepdim), denom)));
  let self: Tensor;
  const res = record("StdBackward0", [t], out, (g) => {
    const m = tf.mean(t._t, dims, true);
    const s = tf.reshape(self._t, keptShape(t.shape, dims));
    const gg = tf.reshape(g, keptShape(t.shape, dims));
    // PyTorch's std_backward masks the gradient to 0 where the std is 0.
    const r = tf.div(tf.mul(gg, tf.sub(t._t, m)), tf.mul(s, denom));
    return [tf.where(tf.equal(tf.broadcastTo(s, t.shape), 0), tf.zerosLike(r), r)];
  }, true);
  self = res;
  return res;
}

export function logsumexp(t: Tensor, dim: Dims, keepdim = false): Tensor {
  const dims = reduceDims("logsumexp", t, dim);
  // int/bool inputs give a float result, as in PyTorch (and wasm's Max kernel misreads bool buffers).
  if (t.dtype._tf !== "float32") return logsumexp(t.float(), dim, keepdim);
  if (t.dim() === 0) return viaVector(t, (v) => logsumexp(v, 0));
  if (t.numel() === 0) return record("LogsumexpBackward0", [t], compute(() => emptyReduce(t, dims, keepdim, -Infinity)), () => [tf.zeros(t.shape)]);
  const out = compute(() => {
    // tfjs subtracts the max unguarded, so an all -inf slice gives NaN; PyTorch gives -inf.
    const m = tf.max(t._t, dims, true);
    const safe = tf.where(tf.isFinite(m), m, tf.zerosLike(m));
    const r = tf.add(tf.log(tf.sum(tf.exp(tf.sub(t._t, safe)), dims, true)), safe);
    return keepdim ? r : tf.squeeze(r, dims);
  });
  let self: Tensor;
  const res = record("LogsumexpBackward0", [t], out, (g) => {
    const y = tf.reshape(self._t, keptShape(t.shape, dims));
    return [tf.mul(tf.reshape(g, keptShape(t.shape, dims)), tf.exp(tf.sub(t._t, y)))];
  }, true);
  self = res;
  return res;
}

function softmaxDim(op: string, t: Tensor, dim: number | undefined | null): number {
  if (dim === undefined || dim === null) {
    throw new ValueError(`${op}(): pass \`dim\` explicitly (PyTorch's implicit dim choice is deprecated), e.g. ${op}(x, {dim: 1})`);
  }
  const d = normDim(dim, t.dim(), op);
  // PyTorch has no integer kernel (an empty tensor never reaches one); the float result would be a silent answer.
  if (t.dtype._tf !== "float32" && t.numel() > 0) {
    const kernel = d === t.dim() - 1 || t.dim() === 0 ? `${op}_lastdim_kernel_impl` : "softmax_kernel_impl";
    throw new RuntimeError(`"${kernel}" not implemented for '${t.dtype._typeName}'`);
  }
  return d;
}

/**
 * Where log_softmax runs as one JavaScript kernel (src/backend/loss_kernels.ts) instead of ~7 tfjs
 * kernels forward and 4 backward: on the cpu backend always (its kernels are JavaScript loops too), on
 * wasm up to LOSS_KERNEL_MAX elements, beyond which the wasm passes beat a JavaScript loop.
 */
function softmaxAttrs(t: Tensor, d: number): SoftmaxAttrs | null {
  if (!hasLossKernel("TorchlabLogSoftmax")) return null;
  const n = t.numel();
  if (n > LOSS_KERNEL_MAX && tf.getBackend() === "wasm") return null;
  const shape = t.shape;
  const c = shape[d];
  let inner = 1;
  for (let i = d + 1; i < shape.length; i++) inner *= shape[i];
  return { outer: n / (c * inner), c, inner };
}

/** The most elements a loss kernel takes on wasm (measured: see softmaxAttrs). */
export const LOSS_KERNEL_MAX = 1 << 16;

export function softmax(t: Tensor, dim?: number | null): Tensor {
  const d = softmaxDim("softmax", t, dim);
  if (t.dim() === 0) return viaVector(t, (v) => softmax(v, 0));
  if (t.numel() === 0) return record("SoftmaxBackward0", [t], compute(() => as(t._t, D.float32)), (g) => [g]);
  const out = compute(() => {
    const x = as(t._t, D.float32);
    const e = tf.exp(tf.sub(x, tf.max(x, d, true)));
    return tf.div(e, tf.sum(e, d, true));
  });
  let self: Tensor;
  const res = record("SoftmaxBackward0", [t], out, (g) => {
    const y = self._t;
    return [tf.mul(y, tf.sub(g, tf.sum(tf.mul(g, y), d, true)))];
  }, true, false);
  self = res;
  return res;
}

export function log_softmax(t: Tensor, dim?: number | null): Tensor {
  const d = softmaxDim("log_softmax", t, dim);
  if (t.dim() === 0) return viaVector(t, (v) => log_softmax(v, 0));
  if (t.numel() === 0) return record("LogSoftmaxBackward0", [t], compute(() => as(t._t, D.float32)), (g) => [g]);
  const attrs = softmaxAttrs(t, d);
  const out = compute(() => {
    const x = as(t._t, D.float32);
    if (attrs !== null) return tf.engine().runKernel("TorchlabLogSoftmax", { x }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    return tf.sub(x, tf.logSumExp(x, d, true));
  });
  let self: Tensor;
  const res = record("LogSoftmaxBackward0", [t], out, (g) => {
    // (tfjs has no gradient for the fused kernel: a closure run as a recorded op takes tfjs's ops.)
    if (attrs !== null && g.dtype === "float32" && !is_backward_differentiable()) return [tf.engine().runKernel("TorchlabLogSoftmaxGrad", { dy: g, y: self._t }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor];
    return [tf.sub(g, tf.mul(tf.exp(self._t), tf.sum(g, d, true)))];
  }, true, false);
  self = res;
  return res;
}

export function cumsum(t: Tensor, dim: number): Tensor {
  const d = normDim(dim, t.dim(), "cumsum");
  const dt = t.dtype._tf === "float32" ? "float32" : "int32";
  // float32 accumulates in double, as PyTorch's CPU kernel does (math_kernels.ts), where the backend has the kernel.
  const out = compute(() => (t.dim() === 0 || t.numel() === 0 ? as(t._t, dt) : cumsumScan(as(t._t, dt), d, false)));
  refuseInt64Overflow("cumsum", t, out, (x) => tf.cumsum(x, d));
  return withDtype(record("CumsumBackward0", [t], out, cumsumBackward(d, t.dim() === 0), false, false), dt === "int32" ? D.int64 : t.dtype);
}

function cumsumScan(x: tf.Tensor, d: number, reverse: boolean): tf.Tensor {
  return cumulativeT(x, d, false, reverse) ?? tf.cumsum(x, d, false, reverse);
}

/** cumsum's backward: the reversed scan (reads no tensor, see holdsNoTensor). */
function cumsumBackward(d: number, scalar: boolean): BackwardFn {
  return holdsNoTensor((g) => [scalar ? g : cumsumScan(g, d, true)]);
}

export function all(t: Tensor, dim?: number | null, keepdim = false): Tensor {
  const dims = reduceDims("all", t, dim);
  if (t.numel() === 0) return constant(compute(() => emptyReduce(t, dims, keepdim, 1, "bool")));
  return constant(compute(() => (t.dim() === 0 ? tf.notEqual(t._t, 0) : tf.all(tf.notEqual(t._t, 0), dims, keepdim))));
}

export function any(t: Tensor, dim?: number | null, keepdim = false): Tensor {
  const dims = reduceDims("any", t, dim);
  if (t.numel() === 0) return constant(compute(() => emptyReduce(t, dims, keepdim, 0, "bool")));
  return constant(compute(() => (t.dim() === 0 ? tf.notEqual(t._t, 0) : tf.any(tf.notEqual(t._t, 0), dims, keepdim))));
}

/** p-norm over dims (p=2 by default; any number, including 0 and ±Infinity, or 'fro'). */
export function norm(t: Tensor, p: number | "fro" = 2, dim?: Dims, keepdim = false): Tensor {
  // Named as PyTorch's norm kernel: NormBackward1(input).
  return renameGradFn(normOf(t, p, dim, keepdim), "NormBackward1", [t]);
}

function normOf(t: Tensor, p: number | "fro", dim: Dims | undefined, keepdim: boolean): Tensor {
  const pp = p === "fro" ? 2 : p;
  if (pp === 2) {
    // At a zero norm PyTorch's gradient is 0 (sqrt's chain rule would give 0 * inf = nan): the
    // square root reads a safe value there and the zero is selected.
    const ss = t.mul(t).sum(dim, keepdim);
    const zero = ss.eq(0);
    return E.where(zero, 0, E.where(zero, 1, ss).sqrt());
  }
  if (pp === 1) return t.abs().sum(dim, keepdim);
  // The inf-norm of an empty tensor is 0 (amax would raise).
  if (pp === Infinity) return t.numel() === 0 ? t.abs().sum(dim, keepdim) : amax(t.abs(), dim, keepdim);
  if (pp === -Infinity) return amax(t.abs(), dim, keepdim, "min");
  // The 0-"norm" counts the non-zero elements (as a float), as linalg.vector_norm does.
  if (pp === 0) return t.ne(0).sum(dim, keepdim).to(t.dtype);
  return t.abs().pow(pp).sum(dim, keepdim).pow(1 / pp);
}

export function count(t: Tensor): number {
  return numelOf(t.shape);
}
