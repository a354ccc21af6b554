/**
 * Loss functions with PyTorch's formulas, reductions and argument checks: cross_entropy (class
 * indices or class probabilities, weight, ignore_index, label_smoothing), nll_loss, mse_loss,
 * l1_loss, smooth_l1_loss, huber_loss, binary_cross_entropy, binary_cross_entropy_with_logits.
 * They are compositions of differentiable tensor ops, so gradients come from autograd.
 */
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { from_typed } from "../../ops/creation";
import * as R from "../../ops/reduce";
import * as E from "../../ops/elementwise";
import { IndexError, RuntimeError, TypeError, ValueError } from "../../errors";
import { warnOnce } from "../../warnings";
import { checkInput } from "./activation";
import { fused } from "../../ops/fused";
import { nllKernelApplies, nllLossKernel } from "../../ops/nll";
import * as D from "../../tensor/dtype";
import { mseKernelApplies, mseLossKernel } from "../../ops/mse";
import { freeGraphOnly, renameGradFn } from "../../autograd/node";
import { currentLevel } from "../../autograd/forward_state";

export type Reduction = "none" | "mean" | "sum";

/** The legacy `size_average` / `reduce` flags, which override `reduction` when given. */
export interface LegacyReduction {
  size_average?: boolean | null;
  reduce?: boolean | null;
  reduction?: Reduction | "elementwise_mean";
}

function fmt(s: readonly number[]): string {
  return `[${s.join(", ")}]`;
}

/** Whether `a` from dim `i` on equals `b` from dim `j` on (shape checks that build no strings or arrays). */
function sameTail(a: readonly number[], i: number, b: readonly number[], j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (let k = 0; i + k < a.length; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return sameTail(a, 0, b, 0);
}

/** `a * w` where PyTorch multiplies in place: `w` broadcasts to a's shape but may not enlarge it. */
function mulInPlaceShape(a: Tensor, w: Tensor): Tensor {
  const r = a.mul(w);
  if (!sameShape(r.shape, a.shape)) throw new RuntimeError(`output with shape ${fmt(a.shape)} doesn't match the broadcast shape ${fmt(r.shape)}`);
  return r;
}


/** PyTorch's `_Reduction`: validates `reduction`, or derives it from the legacy flags. */
export function _reduction(o: { size_average?: unknown; reduce?: unknown; reduction?: unknown }): Reduction {
  const sa = o.size_average;
  const rd = o.reduce;
  if ((sa !== undefined && sa !== null) || (rd !== undefined && rd !== null)) {
    const s = sa === undefined || sa === null ? true : Boolean(sa);
    const r = rd === undefined || rd === null ? true : Boolean(rd);
    const ret: Reduction = s && r ? "mean" : r ? "sum" : "none";
    warnOnce(`size_average and reduce args will be deprecated, please use reduction='${ret}' instead.`);
    return ret;
  }
  const red = o.reduction === undefined ? "mean" : o.reduction;
  if (red === "none" || red === "mean" || red === "sum") return red;
  if (red === "elementwise_mean") {
    warnOnce("reduction='elementwise_mean' is deprecated, please use reduction='mean' instead.");
    return "mean";
  }
  throw new ValueError(`${String(red)} is not a valid value for reduction`);
}

function reduce(loss: Tensor, reduction: Reduction): Tensor {
  if (reduction === "none") return loss;
  return reduction === "sum" ? loss.sum() : loss.mean();
}

function checkTarget(op: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(`${op}(): argument 'target' must be Tensor, not ${t === null ? "null" : Array.isArray(t) ? "array" : typeof t}`);
}

function dtypeName(d: DType): string {
  return d._typeName;
}

function checkFloatInput(op: string, input: Tensor): void {
  if (input.dtype._tf !== "float32") throw new RuntimeError(`${op}(): expected a floating point input, got ${input.dtype} ("${op}" not implemented for '${dtypeName(input.dtype)}')`);
}

function checkWeight(op: string, weight: unknown, nClasses: number): Tensor | null {
  if (weight === undefined || weight === null) return null;
  if (!(weight instanceof Tensor)) throw new TypeError(`${op}(): argument 'weight' must be Tensor, not ${typeof weight}`);
  if (weight.dim() !== 1 || weight.numel() !== nClasses) {
    throw new RuntimeError(`weight tensor should be defined either for all ${nClasses} classes or no classes but got weight tensor of shape: ${fmt(weight.shape)}`);
  }
  return weight.detach().float();
}

/** Moves dim 1 (classes) last and flattens the rest: [N, C, d1, ...] -> [N*d1*..., C]. */
function classesLast(x: Tensor): Tensor {
  if (x.dim() <= 2) return x;
  const perm = [0, ...Array.from({ length: x.dim() - 2 }, (_, i) => i + 2), 1];
  return x.permute(perm).reshape(-1, x.shape[1]);
}

/** Checks input/target shapes for nll_loss the way ATen's nll_loss_nd / nll_loss2d do. */
function checkNllShapes(input: Tensor, target: Tensor): void {
  if (input.dim() < 1) throw new ValueError(`Expected 1 or more dimensions (got ${input.dim()})`);
  if (input.dim() !== 1 && target.dim() >= 1 && input.shape[0] !== target.shape[0]) {
    throw new ValueError(`Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0]}).`);
  }
  if (input.dim() <= 2) {
    if (target.dim() > 1) throw new RuntimeError("0D or 1D target tensor expected, multi-target not supported");
    const noBatch = input.dim() === 1 && target.dim() === 0;
    if (!noBatch && !(input.dim() === 2 && target.dim() === 1 && input.shape[0] === target.shape[0])) {
      throw new RuntimeError(`size mismatch (got input: ${fmt(input.shape)}, target: ${fmt(target.shape)})`);
    }
    return;
  }
  if (input.dim() === 4) {
    if (target.dim() !== 3) throw new RuntimeError(`only batches of spatial targets supported (3D tensors) but got targets of dimension: ${target.dim()}`);
    if (target.shape[0] !== input.shape[0] || !sameTail(target.shape, 1, input.shape, 2)) {
      // ATen's nll_loss2d message, its spacing and unclosed parenthesis included.
      throw new RuntimeError(`size mismatch (got input: ${fmt(input.shape)} , target: ${fmt(target.shape)}`);
    }
    return;
  }
  const outSize = [input.shape[0], ...input.shape.slice(2)];
  if (!sameTail(target.shape, 1, input.shape, 2) || target.dim() !== input.dim() - 1) {
    throw new RuntimeError(`Expected target size ${fmt(outSize)}, got ${fmt(target.shape)}`);
  }
}

interface Picked {
  /** -log p[target] * w[target], 0 where ignored; shaped like the target. */
  loss: Tensor;
  /** w[target] (1 without weights), 0 where ignored; shaped like the target; no grad. */
  wt: Tensor;
  ignored: Tensor;
  /** log-probabilities as [M, C]. */
  flat: Tensor;
  /** the target values with ignored positions replaced by class 0. */
  safe: Tensor;
}

/**
 * The class indices of `target` for nll_loss over `logp` ([C] or [N, C, ...]), checked as PyTorch
 * checks them: an integer dtype, matching shapes, each in [0, C) unless it is ignore_index.
 */
function targetClasses(op: string, logp: Tensor, target: Tensor, ignore_index: number): { C: number; tvals: Int32Array } {
  // Shapes first, as PyTorch: a float target of the wrong shape is a shape error, not a dtype one.
  checkNllShapes(logp, target);
  if (target.dtype !== D.int64) {
    throw new RuntimeError(`expected scalar type Long but found ${dtypeName(target.dtype)}`);
  }
  const C = logp.dim() === 1 ? logp.shape[0] : logp.shape[1];
  const tvals = target.dataSync() as Int32Array;
  for (let i = 0; i < tvals.length; i++) {
    const v = tvals[i];
    if (v !== ignore_index && (v < 0 || v >= C)) throw new IndexError(`Target ${v} is out of bounds.`);
  }
  return { C, tvals };
}

function pickTargets(op: string, logp: Tensor, target: Tensor, weight: Tensor | null, ignore_index: number): Picked {
  const { tvals } = targetClasses(op, logp, target, ignore_index);
  const flat = logp.dim() === 1 ? logp.unsqueeze(0) : classesLast(logp);
  const safeVals = new Int32Array(tvals.length);
  const keep = new Float32Array(tvals.length);
  for (let i = 0; i < tvals.length; i++) {
    if (tvals[i] === ignore_index) continue;
    safeVals[i] = tvals[i];
    keep[i] = 1;
  }
  const safe = from_typed(safeVals, [tvals.length]);
  const keepT = from_typed(keep, [tvals.length]);
  const picked = flat.gather(1, safe.unsqueeze(1)).squeeze(1);
  const wt = (weight ? weight.index_select(0, safe).mul(keepT) : keepT).reshape(target.shape);
  // Ignored positions are 0 by selection, not by a 0 weight: a -inf log-probability there (a masked
  // logit) would make -inf * 0 = nan.
  const loss = picked.neg().mul(wt.reshape(-1)).masked_fill(keepT.eq(0), 0).reshape(target.shape);
  return { loss, wt, ignored: keepT.eq(0).reshape(target.shape), flat, safe };
}

function reduceWeighted(p: Picked, reduction: Reduction): Tensor {
  if (reduction === "none") return p.loss;
  if (reduction === "sum") return p.loss.sum();
  const total = p.wt.sum();
  // Every target ignored (or weighted 0): PyTorch's mean is 0/0 = nan, and its gradient is 0.
  if (total.item() === 0) return p.loss.sum().mul(0).add(NaN);
  return p.loss.sum().div(total);
}

/**
 * nll_loss as one JavaScript kernel forward and one backward (src/backend/loss_kernels.ts), on the
 * backends that have them (float32 log-probabilities, of at most 65536 elements on wasm).
 * Null where it does not apply (then the tfjs composition of pickTargets runs): no kernel, an empty
 * input, or a 'mean' over targets whose weights sum to 0 (PyTorch's nan, with a zero gradient).
 * The argument checks are the general path's, in the same order, so both raise the same errors.
 */
function nllKernel(op: string, logp: Tensor, target: Tensor, weight: Tensor | null, ignore_index: number, reduction: Reduction): Tensor | null {
  if (logp.dtype._tf !== "float32" || !nllKernelApplies(logp.numel())) return null;
  const { C, tvals } = targetClasses(op, logp, target, ignore_index);
  let inner = 1;
  for (let i = 2; i < logp.dim(); i++) inner *= logp.shape[i];
  const wvals = weight ? (weight.dataSync() as Float32Array) : null;
  let total = 0;
  for (let i = 0; i < tvals.length; i++) {
    const v = tvals[i];
    if (v !== ignore_index) total += wvals ? wvals[v] : 1;
  }
  if (reduction === "mean" && total === 0) return null;
  const red = reduction === "none" ? 0 : reduction === "mean" ? 1 : 2;
  return nllLossKernel(logp, target, weight, { c: C, inner, ignoreIndex: ignore_index, reduction: red, shape: target.shape.slice(), totalWeight: Math.fround(total) });
}

type NllOpts = { weight?: Tensor | null; size_average?: boolean | null; ignore_index?: number; reduce?: boolean | null; reduction?: Reduction };

/**
 * Negative log likelihood of log-probabilities `input` at the class indices `target`.
 *
 * Shape: input [N, C] or [C] or [N, C, d1, ...]; target [N] or [] or [N, d1, ...] (integers in
 * [0, C) or ignore_index); output scalar, or target-shaped with reduction 'none'.
 */
/**
 * PyTorch's node over the log-probabilities alone (the class indices have no edge); inputs with
 * spatial dims ([N, C, d1, ...]) run as nll_loss2d: NllLoss2DBackward0. Other than 4-D, PyTorch views
 * the input as 4-D first, so an unreduced loss is that view's result: ViewBackward0.
 */
function nllName(out: Tensor, input: Tensor, reduction: Reduction): Tensor {
  const name = input.dim() < 3 ? "NllLossBackward0" : reduction === "none" && input.dim() !== 4 ? "ViewBackward0" : "NllLoss2DBackward0";
  return renameGradFn(out, name, [input]);
}

export function nll_loss(input: Tensor, target: Tensor, weight?: Tensor | null | NllOpts, options?: NllOpts): Tensor {
  checkInput("nll_loss", input);
  checkTarget("nll_loss", target);
  const o = parseArgs("nll_loss", [weight, options], ["weight", "size_average", "ignore_index", "reduce", "reduction"]);
  const reduction = _reduction(o);
  checkFloatInput("nll_loss", input);
  const C = input.dim() === 1 ? input.shape[0] : input.shape[1];
  const w = checkWeight("nll_loss", o.weight, C);
  const ignore = (o.ignore_index as number | undefined) ?? -100;
  const out = nllKernel("nll_loss", input, target, w, ignore, reduction) ?? fused("NllLossBackward0", [input, target], (i, t) => reduceWeighted(pickTargets("nll_loss", i, t, w, ignore), reduction));
  return nllName(out, input, reduction);
}

type CrossEntropyOpts = NllOpts & { label_smoothing?: number };

/**
 * Cross entropy between logits `input` and `target`, which holds class indices (integer tensor) or
 * class probabilities (float tensor shaped like `input`).
 *
 * Args (options): weight [C], ignore_index (-100; indices only), reduction ('mean' | 'sum' |
 * 'none'), label_smoothing (0.0).
 *
 * Shape: input [N, C] or [C] or [N, C, d1, ...]; target [N] / [] / [N, d1, ...] of indices, or
 * input-shaped probabilities.
 *
 * @example
 * const loss = F.cross_entropy(logits, labels);                  // labels: int tensor [N]
 * F.cross_entropy(logits, labels, {label_smoothing: 0.1});
 */
export function cross_entropy(input: Tensor, target: Tensor, weight?: Tensor | null | CrossEntropyOpts, options?: CrossEntropyOpts): Tensor {
  checkInput("cross_entropy", input);
  checkTarget("cross_entropy", target);
  const o = parseArgs("cross_entropy", [weight, options], ["weight", "size_average", "ignore_index", "reduce", "reduction", "label_smoothing"]);
  const reduction = _reduction(o);
  const ignore_index = (o.ignore_index as number | undefined) ?? -100;
  const ls = (o.label_smoothing as number | undefined) ?? 0;
  if (typeof ls !== "number") throw new TypeError(`cross_entropy(): label_smoothing must be a number, got ${typeof ls}`);
  // PyTorch's cross_entropy is log_softmax first: an integer input fails there, with its message.
  if (input.dtype._tf !== "float32") throw new RuntimeError(`"log_softmax_lastdim_kernel_impl" not implemented for '${input.dtype._typeName}'`);
  if (input.dim() < 1) throw new ValueError(`Expected 1 or more dimensions (got ${input.dim()})`);
  const classDim = input.dim() === 1 ? 0 : 1;
  const C = input.shape[classDim];
  const w = checkWeight("cross_entropy", o.weight, C);
  const logp = R.log_softmax(input, classDim);
  // The weight broadcast along the class dim (only with a weight).
  const wShape = (): number[] => input.shape.map((_, i) => (i === classDim ? C : 1));

  if (sameShape(input.shape, target.shape)) {
    if (target.dtype._tf !== "float32") throw new RuntimeError(`Expected floating point type for target with class probabilities, got ${dtypeName(target.dtype)}`);
    if (ignore_index >= 0) throw new RuntimeError("ignore_index is not supported for floating point target");
    const t = ls > 0 ? target.mul(1 - ls).add(ls / C) : target;
    let prod = logp.mul(t);
    if (w) prod = prod.mul(w.reshape(wShape()));
    if (reduction === "none") return prod.sum(classDim).neg();
    if (reduction === "sum") return prod.sum().neg();
    // A division by a number (PyTorch's Scalar overload): DivBackward1.
    const total = prod.sum().neg();
    return renameGradFn(total.div(input.numel() / C), "DivBackward1", [total]);
  }
  if (ls > 0 && ls > 1) throw new RuntimeError(`label_smoothing must be between 0.0 and 1.0. Got: ${ls}`);
  // PyTorch's cross_entropy is nll_loss(log_softmax(x)): grad_fn NllLossBackward0 over LogSoftmaxBackward0.
  if (!(ls > 0)) {
    const out = nllName(nllKernel("cross_entropy", logp, target, w, ignore_index, reduction) ?? fused("NllLossBackward0", [logp, target], (lp, t) => reduceWeighted(pickTargets("cross_entropy", lp, t, w, ignore_index), reduction)), logp, reduction);
    // log_softmax's output is this function's own: only the graph reads it now (NllLoss's input,
    // LogSoftmax's saved result), so it is freed when backward() releases them, not by the collector.
    // (Forward AD's lazy tangent of out reads it later.)
    if (currentLevel() < 0) freeGraphOnly(logp);
    return out;
  }
  const picked = pickTargets("cross_entropy", logp, target, w, ignore_index);
  const nll = reduceWeighted(picked, reduction);
  let smooth = (w ? logp.mul(w.reshape(wShape())) : logp).sum(classDim).neg();
  smooth = smooth.masked_fill(picked.ignored, 0);
  let ret: Tensor;
  if (reduction === "none") ret = smooth;
  else if (reduction === "sum") ret = smooth.sum();
  else ret = smooth.sum().div(picked.wt.sum());
  return nll.mul(1 - ls).add(ret.mul(ls / C));
}

type PlainOpts = { size_average?: boolean | null; reduce?: boolean | null; reduction?: Reduction };

function broadcastPair(op: string, input: Tensor, target: Tensor): void {
  if (!sameShape(input.shape, target.shape)) {
    warnOnce(
      `Using a target size (torch.Size(${fmt(target.shape)})) that is different to the input size (torch.Size(${fmt(input.shape)})). ` +
        `This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size. (${op})`,
    );
  }
}

/** Mean squared error, (input - target)^2 reduced. Shape: input and target of the same shape. */
export function mse_loss(input: Tensor, target: Tensor, options: PlainOpts = {}): Tensor {
  checkInput("mse_loss", input);
  checkTarget("mse_loss", target);
  const reduction = _reduction(parseArgs("mse_loss", [options], ["size_average", "reduce", "reduction"]));
  broadcastPair("mse_loss", input, target);
  checkFloatInput("mse_loss", input);
  if (mseKernelApplies(input, target)) return mseLossKernel(input, target, reduction);
  return fused("MseLossBackward0", [input, target], (i, t) => reduce(i.sub(t).pow(2), reduction));
}

/** Mean absolute error, |input - target| reduced. */
export function l1_loss(input: Tensor, target: Tensor, options: PlainOpts = {}): Tensor {
  checkInput("l1_loss", input);
  checkTarget("l1_loss", target);
  const reduction = _reduction(parseArgs("l1_loss", [options], ["size_average", "reduce", "reduction"]));
  broadcastPair("l1_loss", input, target);
  checkFloatInput("l1_loss", input);
  return reduce(input.sub(target).abs(), reduction);
}

/** 0.5 d^2 / beta where |d| < beta, |d| - 0.5 beta elsewhere (d = input - target). */
export function smooth_l1_loss(input: Tensor, target: Tensor, options: PlainOpts & { beta?: number } = {}): Tensor {
  checkInput("smooth_l1_loss", input);
  checkTarget("smooth_l1_loss", target);
  const o = parseArgs("smooth_l1_loss", [options], ["size_average", "reduce", "reduction", "beta"]);
  const reduction = _reduction(o);
  const beta = (o.beta as number | undefined) ?? 1;
  if (beta < 0) throw new RuntimeError("smooth_l1_loss does not support negative values for beta.");
  broadcastPair("smooth_l1_loss", input, target);
  return fused("SmoothL1LossBackward0", [input, target], (i, t) => {
    const d = i.sub(t);
    if (beta === 0) return reduce(d.abs(), reduction);
    const a = d.abs();
    // The quadratic branch squares a clamped difference: its unselected gradient stays finite (an
    // infinite difference would give 0 * inf = nan through where's backward).
    return reduce(E.where(a.lt(beta), d.clamp(-beta, beta).pow(2).mul(0.5 / beta), a.sub(0.5 * beta)), reduction);
  });
}

/** 0.5 d^2 where |d| < delta, delta (|d| - 0.5 delta) elsewhere. */
export function huber_loss(input: Tensor, target: Tensor, options: { reduction?: Reduction; delta?: number } = {}): Tensor {
  checkInput("huber_loss", input);
  checkTarget("huber_loss", target);
  const o = parseArgs("huber_loss", [options], ["reduction", "delta"]);
  const reduction = _reduction(o);
  const delta = (o.delta as number | undefined) ?? 1;
  if (!(delta > 0)) throw new RuntimeError("huber_loss does not support non-positive values for delta.");
  broadcastPair("huber_loss", input, target);
  return fused("HuberLossBackward0", [input, target], (i, t) => {
    const d = i.sub(t);
    const a = d.abs();
    return reduce(E.where(a.lt(delta), d.clamp(-delta, delta).pow(2).mul(0.5), a.sub(0.5 * delta).mul(delta)), reduction);
  });
}

type BceOpts = { weight?: Tensor | null; size_average?: boolean | null; reduce?: boolean | null; reduction?: Reduction };

/**
 * PyTorch insists on a float target here, but a JavaScript literal such as `torch.tensor([1.0, 0.0])`
 * is an int32 tensor (JS has no float literal for whole numbers), so integer and bool targets are
 * read as floats instead of raising.
 */
function floatTarget(target: Tensor): Tensor {
  return target.dtype._tf === "float32" ? target : target.float();
}

/**
 * Binary cross entropy between probabilities `input` (in [0, 1]) and `target`; the logs are clamped
 * at -100 as in PyTorch so that a 0 or 1 probability gives a finite loss.
 */
export function binary_cross_entropy(input: Tensor, target: Tensor, weight?: Tensor | null | BceOpts, options?: BceOpts): Tensor {
  checkInput("binary_cross_entropy", input);
  checkTarget("binary_cross_entropy", target);
  const o = parseArgs("binary_cross_entropy", [weight, options], ["weight", "size_average", "reduce", "reduction"]);
  const reduction = _reduction(o);
  if (!sameShape(target.shape, input.shape)) {
    throw new ValueError(`Using a target size (${target.shape}) that is different to the input size (${input.shape}) is deprecated. Please ensure they have the same size.`);
  }
  checkFloatInput("binary_cross_entropy", input);
  target = floatTarget(target);
  if (input.numel() > 0) {
    const lo = input.min().item();
    const hi = input.max().item();
    if (!(lo >= 0 && hi <= 1)) throw new RuntimeError("all elements of input should be between 0 and 1");
  }
  const w = o.weight as Tensor | null | undefined;
  return fused("BinaryCrossEntropyBackward0", [input, target], (input, target) => {
    // The input's gradient is PyTorch's (x - t) / max(x (1 - x), 1e-12), finite at x = 0 or 1 (a
    // saturated sigmoid) where the clamped logs' chain rule gives 0 * inf = nan: the logs read a
    // detached input (the target keeps its gradient through them) and a zero-valued term carries it.
    const x = input.detach();
    const logx = x.log().clamp(-100, null);
    const log1mx = x.neg().add(1).log().clamp(-100, null);
    let loss = target.mul(logx).add(target.neg().add(1).mul(log1mx)).neg();
    if (input.requires_grad) {
      const factor = x.sub(target.detach()).div(x.neg().add(1).mul(x).clamp(1e-12, null));
      loss = loss.add(input.sub(x).mul(factor));
    }
    if (w !== undefined && w !== null) loss = mulInPlaceShape(loss, w);
    return reduce(loss, reduction);
  });
}

/**
 * Sigmoid + binary cross entropy in one numerically stable step:
 * loss = (1 - t) x + (1 + (pos_weight - 1) t) softplus(-x), times `weight`, with softplus(-x)
 * evaluated as PyTorch does (see below).
 *
 * Args (options): weight (broadcast to input), pos_weight (per class, broadcast along the last
 * dim), reduction.
 */
export function binary_cross_entropy_with_logits(
  input: Tensor,
  target: Tensor,
  weight?: Tensor | null | (BceOpts & { pos_weight?: Tensor | null }),
  options?: BceOpts & { pos_weight?: Tensor | null },
): Tensor {
  checkInput("binary_cross_entropy_with_logits", input);
  checkTarget("binary_cross_entropy_with_logits", target);
  const o = parseArgs("binary_cross_entropy_with_logits", [weight, options], ["weight", "size_average", "reduce", "reduction", "pos_weight"]);
  const reduction = _reduction(o);
  if (!sameShape(target.shape, input.shape)) {
    throw new ValueError(`Target size (${target.shape}) must be the same as input size (${input.shape})`);
  }
  checkFloatInput("binary_cross_entropy_with_logits", input);
  target = floatTarget(target);
  const pw = o.pos_weight as Tensor | null | undefined;
  const w = o.weight as Tensor | null | undefined;
  return fused("BinaryCrossEntropyWithLogitsBackward0", [input, target], (input, target) => {
    // PyTorch's arithmetic, term for term: max_val = max(-x, 0) and
    // softplus(-x) = max_val + log(exp(-max_val) + exp(-x - max_val)), a log and not a log1p, so a
    // confident correct logit (x = 20.5, target 1) gives exactly 0 as in PyTorch, not 1.25e-9.
    const maxVal = input.neg().clamp_min(0);
    const logTerm = maxVal.neg().exp().add(input.neg().sub(maxVal).exp()).log();
    const linear = target.neg().add(1).mul(input);
    let loss: Tensor;
    if (pw !== undefined && pw !== null) {
      const logWeight = pw.sub(1).mul(target).add(1);
      loss = linear.add(mulInPlaceShape(logTerm.add(maxVal), logWeight));
    } else {
      loss = linear.add(maxVal).add(logTerm);
    }
    if (w !== undefined && w !== null) loss = mulInPlaceShape(loss, w);
    // PyTorch builds the loss in place on `(1 - target)`, so it has the target's dtype: float64 logits
    // against a float32 target give a float32 loss (and a float32 input with a float64 target a float64 one).
    if (loss.dtype !== target.dtype) loss = loss.to(target.dtype);
    return reduce(loss, reduction);
  });
}

/** Kullback-Leibler divergence with log-probability `input`: target * (log target - input). */
export function kl_div(input: Tensor, target: Tensor, options: { size_average?: boolean | null; reduce?: boolean | null; reduction?: Reduction | "batchmean"; log_target?: boolean } = {}): Tensor {
  checkInput("kl_div", input);
  checkTarget("kl_div", target);
  const o = parseArgs("kl_div", [options], ["size_average", "reduce", "reduction", "log_target"]);
  const batchmean = o.reduction === "batchmean";
  if (o.reduction === "mean") {
    warnOnce("reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.");
  }
  const reduction = batchmean ? "sum" : _reduction(o);
  const loss = o.log_target
    ? target.exp().mul(target.sub(input))
    : // PyTorch's xlogy(t, t) - t * input: 0 where t == 0, nan for a negative target.
      E.where(target.eq(0), 0, target.mul(target.log())).sub(target.mul(input));
  const r = reduce(loss, reduction);
  return batchmean && input.dim() !== 0 ? r.div(input.shape[0]) : r;
}
