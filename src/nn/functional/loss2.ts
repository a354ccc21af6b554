/**
 * More losses with PyTorch 1.13's formulas and reductions: margin_ranking_loss,
 * hinge_embedding_loss, soft_margin_loss, multilabel_soft_margin_loss, cosine_embedding_loss,
 * triplet_margin_loss, multilabel_margin_loss, multi_margin_loss, poisson_nll_loss,
 * gaussian_nll_loss, ctc_loss. Compositions of differentiable ops, so gradients come from autograd.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { arange, from_typed, full } from "../../ops/creation";
import { cat } from "../../ops/movement";
import * as E from "../../ops/elementwise";
import { RuntimeError, TypeError, ValueError } from "../../errors";
import { checkInput } from "./activation";
import { _reduction } from "./loss";
import type { Reduction } from "./loss";
import { pairwise_distance } from "./vision2";

const fmt = (s: readonly number[]): string => `[${s.join(", ")}]`;
const LEGACY = ["size_average", "reduce", "reduction"];

type Legacy = { size_average?: boolean | null; reduce?: boolean | null; reduction?: Reduction };

function reduce(loss: Tensor, reduction: Reduction): Tensor {
  if (reduction === "none") return loss;
  return reduction === "sum" ? loss.sum() : loss.mean();
}

function tensorArg(op: string, name: string, t: unknown): Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${t === null ? "null" : typeof t}`);
  return t;
}

function sameShape(op: string, a: Tensor, an: string, b: Tensor, bn: string): void {
  if (!a.shape.equals(b.shape)) throw new ValueError(`${op}(): ${an} (${fmt(a.shape)}) and ${bn} (${fmt(b.shape)}) must have the same size`);
}

/** max(0, -target * (input1 - input2) + margin); target holds 1 or -1. */
export function margin_ranking_loss(input1: Tensor, input2: Tensor, target: Tensor, options: Legacy & { margin?: number } = {}): Tensor {
  const op = "margin_ranking_loss";
  checkInput(op, input1);
  tensorArg(op, "input2", input2);
  tensorArg(op, "target", target);
  const o = parseArgs(op, [options], ["margin", ...LEGACY]);
  if (input1.dim() !== input2.dim() || input1.dim() !== target.dim()) {
    throw new RuntimeError(`margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: ${fmt(input1.shape)}, input2: ${fmt(input2.shape)}, target: ${fmt(target.shape)} `);
  }
  const loss = target.neg().mul(input1.sub(input2)).add((o.margin as number | undefined) ?? 0).clamp(0, null);
  return reduce(loss, _reduction(o));
}

/** input where target is 1, max(0, margin - input) where target is -1. */
export function hinge_embedding_loss(input: Tensor, target: Tensor, options: Legacy & { margin?: number } = {}): Tensor {
  const op = "hinge_embedding_loss";
  checkInput(op, input);
  tensorArg(op, "target", target);
  const o = parseArgs(op, [options], ["margin", ...LEGACY]);
  const margin = (o.margin as number | undefined) ?? 1;
  const marginClamp = input.neg().add(margin).clamp(0, null);
  const loss = E.where(target.ne(1), marginClamp, 0).add(E.where(target.ne(-1), input, 0));
  return reduce(loss, _reduction(o));
}

/** log(1 + exp(-target * input)), averaged over elements; target holds 1 or -1. */
export function soft_margin_loss(input: Tensor, target: Tensor, options: Legacy = {}): Tensor {
  const op = "soft_margin_loss";
  checkInput(op, input);
  tensorArg(op, "target", target);
  sameShape(op, input, "input", target, "target");
  const o = parseArgs(op, [options], LEGACY);
  return reduce(E.softplus(target.neg().mul(input), 1, 20), _reduction(o));
}

/** One-vs-all logistic loss per class, averaged over the C classes, for multi-hot targets [N, C]. */
export function multilabel_soft_margin_loss(input: Tensor, target: Tensor, weight?: Tensor | null | (Legacy & { weight?: Tensor | null }), options?: Legacy): Tensor {
  const op = "multilabel_soft_margin_loss";
  checkInput(op, input);
  tensorArg(op, "target", target);
  const o = parseArgs(op, [weight, options], ["weight", ...LEGACY]);
  const logsig = (x: Tensor): Tensor => E.softplus(x.neg(), 1, 20).neg();
  let loss = target.mul(logsig(input)).add(target.neg().add(1).mul(logsig(input.neg()))).neg();
  const w = (o.weight as Tensor | null | undefined) ?? null;
  if (w !== null) loss = loss.mul(w);
  const classDim = input.dim() - 1;
  loss = loss.sum(classDim).div(input.shape[classDim]);
  return reduce(loss, _reduction(o));
}

/** 1 - cos(x1, x2) where target is 1, max(0, cos(x1, x2) - margin) where target is -1. */
export function cosine_embedding_loss(input1: Tensor, input2: Tensor, target: Tensor, options: Legacy & { margin?: number } = {}): Tensor {
  const op = "cosine_embedding_loss";
  checkInput(op, input1);
  tensorArg(op, "input2", input2);
  tensorArg(op, "target", target);
  const o = parseArgs(op, [options], ["margin", ...LEGACY]);
  if (input1.dim() !== input2.dim() || (input1.dim() !== 1 && input1.dim() !== 2) || target.dim() !== input1.dim() - 1) {
    throw new RuntimeError(`cosine_embedding_loss(): expected 1D or 2D input1 and input2 of the same dims and a target with one dim less, got input1 ${fmt(input1.shape)}, input2 ${fmt(input2.shape)}, target ${fmt(target.shape)}`);
  }
  const d = input1.dim() - 1;
  const EPS = 1e-12;
  const prod = input1.mul(input2).sum(d);
  const m1 = input1.mul(input1).sum(d).add(EPS);
  const m2 = input2.mul(input2).sum(d).add(EPS);
  const cos = prod.div(m1.mul(m2).sqrt());
  const pos = cos.neg().add(1);
  const neg = cos.sub((o.margin as number | undefined) ?? 0).clamp(0, null);
  const loss = E.where(target.eq(1), pos, 0).add(E.where(target.eq(-1), neg, 0));
  return reduce(loss, _reduction(o));
}

export interface TripletOptions extends Legacy {
  margin?: number;
  p?: number;
  eps?: number;
  swap?: boolean;
}

/** max(d(a, p) - d(a, n) + margin, 0) with d the p-norm pairwise distance (swap: min with d(p, n)). */
export function triplet_margin_loss(anchor: Tensor, positive: Tensor, negative: Tensor, options: TripletOptions = {}): Tensor {
  const op = "triplet_margin_loss";
  checkInput(op, anchor);
  tensorArg(op, "positive", positive);
  tensorArg(op, "negative", negative);
  const o = parseArgs(op, [options], ["margin", "p", "eps", "swap", ...LEGACY]);
  const ad = anchor.dim();
  if (positive.dim() !== ad || negative.dim() !== ad) {
    throw new RuntimeError(`The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor ${ad}D, positive ${positive.dim()}D, and negative ${negative.dim()}D inputs`);
  }
  const p = (o.p as number | undefined) ?? 2;
  const eps = (o.eps as number | undefined) ?? 1e-6;
  const dist = (x1: Tensor, x2: Tensor): Tensor => pairwise_distance(x1, x2, p, eps);
  return reduce(tripletLosses(dist, anchor, positive, negative, (o.margin as number | undefined) ?? 1, (o.swap as boolean | undefined) ?? false), _reduction(o));
}

/** Per-sample max(d(a, p) - d(a, n) + margin, 0); with `swap` the negative distance is min(d(a, n), d(p, n)). */
function tripletLosses(dist: (x1: Tensor, x2: Tensor) => Tensor, anchor: Tensor, positive: Tensor, negative: Tensor, margin: number, swap: boolean): Tensor {
  const dPos = dist(anchor, positive);
  let dNeg = dist(anchor, negative);
  if (swap) dNeg = dNeg.minimum(dist(positive, negative));
  return dPos.sub(dNeg).add(margin).clamp(0, null);
}

export interface TripletWithDistanceOptions {
  distance_function?: ((x1: Tensor, x2: Tensor) => Tensor) | null;
  margin?: number;
  swap?: boolean;
  reduction?: Reduction;
}

/**
 * max(d(a, p) - d(a, n) + margin, 0) with any distance `d` (default: F.pairwise_distance); `swap`
 * uses min(d(a, n), d(p, n)) as the negative distance. All options keyword-only.
 * @example F.triplet_margin_with_distance_loss(a, p, n, {distance_function: (x, y) => 1 - F.cosine_similarity(x, y)})
 */
export function triplet_margin_with_distance_loss(anchor: Tensor, positive: Tensor, negative: Tensor, options: TripletWithDistanceOptions = {}): Tensor {
  const op = "triplet_margin_with_distance_loss";
  checkInput(op, anchor);
  tensorArg(op, "positive", positive);
  tensorArg(op, "negative", negative);
  const o = parseArgs(op, [options], ["distance_function", "margin", "swap", "reduction"]);
  const margin = (o.margin as number | undefined) ?? 1;
  // PyTorch 1.13 checks neither margin > 0 nor the dims here (a lower-dim tensor broadcasts).
  const dist = (o.distance_function as ((x1: Tensor, x2: Tensor) => Tensor) | null | undefined) ?? ((x1: Tensor, x2: Tensor) => pairwise_distance(x1, x2));
  const loss = tripletLosses(dist, anchor, positive, negative, margin, (o.swap as boolean | undefined) ?? false);
  const reduction = (o.reduction as Reduction | undefined) ?? "mean";
  if (reduction === "mean") return loss.mean();
  if (reduction === "sum") return loss.sum();
  if (reduction === "none") return loss;
  throw new ValueError(`${reduction} is not a valid value for reduction`);
}

/**
 * Multi-class multi-label hinge loss: for each sample, the targets are the class indices in
 * `target` up to the first -1; loss = sum over targets j and non-targets i of
 * max(0, 1 - (x[j] - x[i])) / C.
 */
export function multilabel_margin_loss(input: Tensor, target: Tensor, options: Legacy = {}): Tensor {
  const op = "multilabel_margin_loss";
  checkInput(op, input);
  tensorArg(op, "target", target);
  const o = parseArgs(op, [options], LEGACY);
  if (input.dim() > 2 || !input.shape.equals(target.shape) || target.dtype._tf !== "int32") {
    throw new RuntimeError(`multilabel_margin_loss(): expected 0D, 1D or 2D input and an integer target of the same shape, got input ${fmt(input.shape)} and target ${fmt(target.shape)} (${target.dtype})`);
  }
  const x = input.dim() === 2 ? input : input.reshape(1, -1);
  const [n, c] = x.shape;
  const t = target.reshape(n, c).dataSync() as Int32Array;
  const count = new Float32Array(n * c);
  const isTarget = new Float32Array(n * c);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) {
      const k = t[i * c + j];
      if (k < 0) break;
      if (k >= c) throw new RuntimeError(`multilabel_margin_loss(): target index ${k} is out of bounds for ${c} classes`);
      count[i * c + k] += 1;
      isTarget[i * c + k] = 1;
    }
  }
  const cnt = from_typed(count, [n, c, 1]);
  const other = from_typed(isTarget, [n, 1, c]).neg().add(1);
  const hinge = x.unsqueeze(1).sub(x.unsqueeze(2)).add(1).clamp(0, null);
  let loss = hinge.mul(cnt).mul(other).sum([1, 2]).div(c);
  if (input.dim() < 2) loss = loss.reshape([]);
  return reduce(loss, _reduction(o));
}

export interface MultiMarginOptions extends Legacy {
  p?: number;
  margin?: number;
  weight?: Tensor | null;
}

/** Multi-class hinge loss: sum over i != y of max(0, margin - x[y] + x[i])^p / C (times weight[y]). */
export function multi_margin_loss(input: Tensor, target: Tensor, options: MultiMarginOptions = {}): Tensor {
  const op = "multi_margin_loss";
  checkInput(op, input);
  tensorArg(op, "target", target);
  const o = parseArgs(op, [options], ["p", "margin", "weight", ...LEGACY]);
  const p = (o.p as number | undefined) ?? 1;
  if (p !== 1 && p !== 2) throw new ValueError("only p == 1 and p == 2 supported");
  if (input.dim() > 2 || target.dtype._tf !== "int32" || target.numel() !== (input.dim() === 2 ? input.shape[0] : 1)) {
    throw new RuntimeError(`multi_margin_loss(): inconsistent target size: ${fmt(target.shape)} for input of size: ${fmt(input.shape)}`);
  }
  const x = input.dim() === 2 ? input : input.reshape(1, -1);
  const c = x.shape[1];
  const y = target.reshape(-1, 1);
  const xy = x.gather(1, y);
  let terms = xy.neg().add(x).add((o.margin as number | undefined) ?? 1).clamp(0, null);
  if (p === 2) terms = terms.pow(2);
  const w = (o.weight as Tensor | null | undefined) ?? null;
  if (w !== null) terms = terms.mul(w.index_select(0, y.reshape(-1)).unsqueeze(1));
  let loss = E.where(arange(c).reshape(1, c).eq(y), 0, terms).sum(1).div(c);
  if (input.dim() < 2) loss = loss.reshape([]);
  return reduce(loss, _reduction(o));
}

export interface PoissonNLLOptions extends Legacy {
  log_input?: boolean;
  full?: boolean;
  eps?: number;
}

/** exp(input) - target * input (log_input) or input - target * log(input + eps); full adds Stirling's term. */
export function poisson_nll_loss(input: Tensor, target: Tensor, options: PoissonNLLOptions = {}): Tensor {
  const op = "poisson_nll_loss";
  checkInput(op, input);
  tensorArg(op, "target", target);
  const o = parseArgs(op, [options], ["log_input", "full", "eps", ...LEGACY]);
  const reduction = _reduction(o);
  let loss = ((o.log_input as boolean | undefined) ?? true)
    ? input.exp().sub(target.mul(input))
    : input.sub(target.mul(input.add((o.eps as number | undefined) ?? 1e-8).log()));
  if ((o.full as boolean | undefined) ?? false) {
    const stirling = target.mul(target.log()).sub(target).add(target.mul(2 * Math.PI).log().mul(0.5));
    loss = loss.add(E.where(target.gt(1), stirling, 0));
  }
  return reduce(loss, reduction);
}

/**
 * Gaussian negative log likelihood: 0.5 * (log(var) + (input - target)^2 / var) (+ 0.5 log(2 pi)
 * with full). var has input's shape, or one dim fewer / a last dim of 1 (one variance per sample);
 * it is clamped below by eps without stopping its gradient, as PyTorch does.
 */
export function gaussian_nll_loss(input: Tensor, target: Tensor, variance: Tensor, options: { full?: boolean; eps?: number; reduction?: Reduction } = {}): Tensor {
  const op = "gaussian_nll_loss";
  checkInput(op, input);
  tensorArg(op, "target", target);
  let v = tensorArg(op, "var", variance);
  const o = parseArgs(op, [options], ["full", "eps", "reduction"]);
  if (fmt(v.shape) !== fmt(input.shape)) {
    if (fmt(input.shape.slice(0, -1)) === fmt(v.shape)) v = v.unsqueeze(-1);
    else if (!(fmt(input.shape.slice(0, -1)) === fmt(v.shape.slice(0, -1)) && v.shape[v.dim() - 1] === 1)) {
      throw new ValueError(`var is of incorrect size (input ${fmt(input.shape)}, var ${fmt(variance.shape)})`);
    }
  }
  const reduction = (o.reduction as string | undefined) ?? "mean";
  if (reduction !== "none" && reduction !== "mean" && reduction !== "sum") throw new ValueError(`${reduction} is not valid`);
  if (v.lt(0).any().item()) throw new ValueError("var has negative entry/entries");
  const eps = (o.eps as number | undefined) ?? 1e-6;
  // the clamp changes values only: PyTorch clamps a clone under no_grad
  const vc = v.add(v.clamp(eps, null).sub(v).detach());
  let loss = vc.log().add(input.sub(target).pow(2).div(vc)).mul(0.5);
  if ((o.full as boolean | undefined) ?? false) loss = loss.add(0.5 * Math.log(2 * Math.PI));
  return reduce(loss, reduction);
}

export interface CTCOptions {
  blank?: number;
  reduction?: Reduction;
  zero_infinity?: boolean;
}

/** Stands in for log(0) inside the recursion: finite, so that neither values nor gradients become nan. */
const LOG_ZERO = -1e30;

/**
 * Connectionist Temporal Classification loss: -log of the total probability of all alignments of
 * each target to its input (the forward/alpha recursion over the blank-extended target, in log
 * space, batched; gradients come from autograd through it, plus exp(log_probs) where t < input_length,
 * as PyTorch's backward, which assumes log_softmax inputs, computes them).
 *
 * Args:
 *   log_probs [T, N, C] (log_softmax output), targets [N, S] padded or 1-D concatenated,
 *   input_lengths [N], target_lengths [N] (tensors or arrays of ints).
 *   options: blank (0), reduction ('mean': each loss divided by its target length, then the batch
 *   mean; 'sum'; 'none'), zero_infinity (false: impossible alignments give inf).
 */
export function ctc_loss(log_probs: Tensor, targets: Tensor, input_lengths: Tensor | number[], target_lengths: Tensor | number[], options: CTCOptions = {}): Tensor {
  const op = "ctc_loss";
  checkInput(op, log_probs);
  tensorArg(op, "targets", targets);
  const o = parseArgs(op, [options], ["blank", "reduction", "zero_infinity"]);
  const blank = (o.blank as number | undefined) ?? 0;
  const reduction = (o.reduction as Reduction | undefined) ?? "mean";
  if (reduction !== "none" && reduction !== "mean" && reduction !== "sum") throw new ValueError(`${String(reduction)} is not a valid value for reduction`);
  const batched = log_probs.dim() === 3;
  if (log_probs.dim() !== 3 && log_probs.dim() !== 2) throw new RuntimeError(`ctc_loss(): expected log_probs of shape [T, N, C] or [T, C], got ${fmt(log_probs.shape)}`);
  const lp = batched ? log_probs : log_probs.unsqueeze(1);
  const [T, N, C] = lp.shape;
  if (blank < 0 || blank >= C) throw new RuntimeError(`ctc_loss(): blank must be in label range, got blank=${blank} for ${C} classes`);
  const ints = (v: Tensor | number[], name: string): number[] => {
    const a = v instanceof Tensor ? Array.from(v.reshape(-1).dataSync() as ArrayLike<number>) : v;
    if (a.length !== N) throw new RuntimeError(`ctc_loss(): ${name} must have one entry per batch element (${N}), got ${a.length}`);
    return a.map(Number);
  };
  const inLen = ints(input_lengths, "input_lengths");
  const tgLen = ints(target_lengths, "target_lengths");
  const tdata = Array.from(targets.dataSync() as ArrayLike<number>).map(Number);
  const labels: number[][] = [];
  let offset = 0;
  for (let n = 0; n < N; n++) {
    if (inLen[n] < 0 || inLen[n] > T) throw new RuntimeError(`ctc_loss(): Expected input_lengths to have value at most ${T}, but got value ${inLen[n]} (while checking arguments for ctc_loss_cpu)`);
    let lab: number[];
    if (targets.dim() === 2) {
      if (tgLen[n] > targets.shape[1]) throw new RuntimeError(`ctc_loss(): Expected tensor to have size at least ${tgLen[n]} at dimension 1, but got size ${targets.shape[1]} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)`);
      lab = tdata.slice(n * targets.shape[1], n * targets.shape[1] + tgLen[n]);
    } else {
      lab = tdata.slice(offset, offset + tgLen[n]);
      offset += tgLen[n];
    }
    labels.push(lab);
  }
  const L = 2 * Math.max(0, ...tgLen) + 1;
  const ext = new Int32Array(N * L).fill(blank);
  const skip = new Uint8Array(N * L);
  for (let n = 0; n < N; n++) {
    labels[n].forEach((k, i) => {
      ext[n * L + 2 * i + 1] = k;
      if (i > 0 && labels[n][i - 1] !== k) skip[n * L + 2 * i + 1] = 1;
    });
  }
  const extT = from_typed(ext, [N, L]);
  const canSkip = from_typed(skip, [N, L]).bool();
  const pos = arange(L).reshape(1, L);
  // alpha moved k states to the right along the extended target, LOG_ZERO coming in (float32 named:
  // torch.full infers int32 from an integral-looking JS number such as -1e30)
  const shiftRight = (a: Tensor, k: number): Tensor =>
    k >= L ? full([N, L], LOG_ZERO, { dtype: "float32" }) : cat([full([N, k], LOG_ZERO, { dtype: "float32" }), a.narrow(1, 0, L - k)], 1);
  let alpha = E.where(pos.lt(2), lp.select(0, 0).gather(1, extT), LOG_ZERO);
  const lastT = from_typed(Int32Array.from(inLen.map((t) => t - 1)), [N, 1]);
  let result = E.where(lastT.eq(0), alpha, LOG_ZERO);
  for (let t = 1; t < T; t++) {
    const a1 = shiftRight(alpha, 1);
    const a2 = E.where(canSkip, shiftRight(alpha, 2), LOG_ZERO);
    const m = alpha.maximum(a1).maximum(a2).detach();
    const lse = alpha.sub(m).exp().add(a1.sub(m).exp()).add(a2.sub(m).exp()).log().add(m);
    alpha = lse.add(lp.select(0, t).gather(1, extT));
    result = E.where(lastT.eq(t), alpha, result);
  }
  const endIdx = from_typed(Int32Array.from(tgLen.map((s) => 2 * s)), [N, 1]);
  const endPrev = from_typed(Int32Array.from(tgLen.map((s) => Math.max(2 * s - 1, 0))), [N, 1]);
  const e1 = result.gather(1, endIdx);
  const e2 = E.where(endIdx.gt(0), result.gather(1, endPrev), LOG_ZERO);
  const m = e1.maximum(e2).detach();
  let loss = e1.sub(m).exp().add(e2.sub(m).exp()).log().add(m).neg().reshape(N);
  // PyTorch's backward treats log_probs as log_softmax output: its gradient is exp(lp) - (the true
  // one) at every t < input_length, so a zero-valued term adds exp(lp) to what autograd finds.
  const live = from_typed(Float32Array.from({ length: T * N }, (_, i) => (Math.floor(i / N) < inLen[i % N] ? 1 : 0)), [T, N, 1]);
  const mass = lp.exp().mul(live).sum([0, 2]);
  loss = loss.add(mass.sub(mass.detach()));
  // an impossible alignment leaves only the LOG_ZERO stand-in: inf, as PyTorch
  const impossible = loss.gt(-LOG_ZERO / 2);
  const zeroInf = (o.zero_infinity as boolean | undefined) ?? false;
  loss = E.where(impossible, zeroInf ? 0 : Infinity, loss);
  if (zeroInf) loss = E.where(impossible, loss.detach(), loss);
  if (!batched) loss = loss.reshape([]);
  if (reduction === "none") return loss;
  if (reduction === "sum") return loss.sum();
  const denom = from_typed(Float32Array.from(tgLen.map((s) => Math.max(s, 1))), batched ? [N] : []);
  return loss.div(denom).mean();
}
