/**
 * Fused parameter updates for torch.optim. Each step runs as one tfjs tidy that reads the parameter,
 * its gradient and the optimizer state, and writes the results back into the same storages
 * (`overwrite`), so the Parameter objects registered in modules stay the same objects and no
 * intermediate outlives the step. The arithmetic follows PyTorch 1.13's `_single_tensor_*` functions
 * operation by operation (same order, same float32 roundings of the scalar coefficients).
 */
import { tf } from "./_core";
import { ensureReady } from "../backend";
import { hasJsKernel } from "../backend/js_kernels";
import type { AdamForeachAttrs, SgdForeachAttrs } from "../backend/js_kernels";
import { overwrite, ZEROS } from "../backend/memory";
import { simdLoops } from "../backend/simd";
import { Tensor } from "../tensor/tensor";

type T = tf.Tensor;

/**
 * The float32 scalar constants of the updates (momentum, -lr, betas, eps), uploaded once and reused:
 * a training loop's steps use the same few values, and a fresh scalar each time is an upload and a
 * tensor per use (blitz's two large parameters: 4 a step). Values that change every step (Adam's
 * bias corrections) go through fresh() instead; a scheduled lr cycles through the bounded cache:
 * when it is full every entry is dropped (the kernels that read them have run; tfjs kernels run
 * eagerly). Zero is not cached, so that -0 stays distinct from 0 (the Map's keys compare them equal).
 */
const scalars = new Map<number, T>();
const MAX_SCALARS = 64;

function s(v: number): T {
  if (v === 0) return fresh(v);
  let t = scalars.get(v);
  if (t === undefined || t.isDisposed) {
    if (scalars.size >= MAX_SCALARS) {
      for (const old of scalars.values()) old.dispose();
      scalars.clear();
    }
    t = tf.keep(tf.scalar(v, "float32"));
    scalars.set(v, t);
  }
  return t;
}

/** A scalar for this step only (a value that changes from step to step). */
function fresh(v: number): T {
  return tf.scalar(v, "float32");
}

/** `a + alpha * b`, PyTorch's `add(b, alpha=...)`; `scalar` is fresh for an alpha that changes every step. */
function addScaled(a: T, b: T, alpha: number, scalar: (v: number) => T = s): T {
  return alpha === 1 ? tf.add(a, b) : tf.add(a, tf.mul(b, scalar(alpha)));
}

/** Writes each result into its tensor's storage; creates a tensor where the slot is null. */
function writeBack(targets: (Tensor | null)[], results: T[]): Tensor[] {
  return results.map((r, i) => {
    const t = targets[i];
    if (t === null) return Tensor._wrap(r);
    overwrite(t._s, r);
    t._bumpVersion();
    return t;
  });
}

function run(fn: () => T[]): T[] {
  ensureReady();
  return tf.tidy(fn);
}

/** The gradient as the update sees it (float32): negated for `maximize`, plus `weight_decay * param`. */
function effectiveGrad(p: T, grad: Tensor, weight_decay: number, maximize: boolean): T {
  const g = grad._t.dtype === "float32" ? grad._t : tf.cast(grad._t, "float32");
  let d = maximize ? tf.neg(g) : g;
  if (weight_decay !== 0) d = addScaled(d, p, weight_decay);
  return d;
}

/** `avg * beta + x * (1 - beta)`, PyTorch's `avg.mul_(beta).add_(x, alpha=1 - beta)`: the running averages. */
function runningAvg(avg: T, x: T, beta: number): T {
  return addScaled(tf.mul(avg, s(beta)), x, 1 - beta);
}

/** `avg * beta + x * x * (1 - beta)`, PyTorch's `avg.mul_(beta).addcmul_(x, x, value=1 - beta)`. */
function runningSq(avg: T, x: T, beta: number): T {
  return runningAvg(avg, tf.mul(x, x), beta);
}

export interface SGDHyper {
  lr: number;
  momentum: number;
  dampening: number;
  weight_decay: number;
  nesterov: boolean;
  maximize: boolean;
}

/**
 * One SGD step for `param` in place. Returns the momentum buffer (created on the first step, updated
 * in place afterwards), or null when momentum is 0.
 */
export function sgdStep(param: Tensor, grad: Tensor, buf: Tensor | null, h: SGDHyper): Tensor | null {
  const results = run(() => {
    const p = param._t;
    let d = effectiveGrad(p, grad, h.weight_decay, h.maximize);
    let b: T | null = null;
    if (h.momentum !== 0) {
      b = buf === null ? tf.clone(d) : addScaled(tf.mul(buf._t, s(h.momentum)), d, 1 - h.dampening);
      d = h.nesterov ? addScaled(d, b, h.momentum) : b;
    }
    const next = addScaled(p, d, -h.lr);
    return b === null ? [next] : [next, b];
  });
  const out = writeBack([param, buf], results);
  if (buf !== null) bumpMomentum(buf);
  return out[1] ?? null;
}

/**
 * PyTorch's SGD updates an existing momentum buffer with two in-place ops (`buf.mul_(momentum).add_(d_p,
 * alpha=1 - dampening)`): its `_version` goes up by 2 a step (writeBack counted one).
 */
function bumpMomentum(buf: Tensor): void {
  buf._bumpVersion();
}

/**
 * Whether the parameters can go through one multi-tensor kernel (js_kernels.ts's foreach updates, on
 * the wasm and cpu backends): float32 values and gradients of the parameter's own shape.
 */
function foreachable(kernel: "TorchlabSgdForeach" | "TorchlabAdamForeach", items: { param: Tensor; grad: Tensor }[]): boolean {
  if (items.length === 0 || !hasJsKernel(kernel)) return false;
  for (const { param, grad } of items) {
    if (param._s.data.dtype !== "float32" || grad._s.data.dtype !== "float32" || !sameShape(param.shape, grad.shape)) return false;
  }
  return true;
}

/**
 * Where the foreach kernel pays: on wasm, a JavaScript loop over the heap (~15 ns an element here)
 * loses to the backend's SIMD kernels on large tensors, and wins on small ones, where the ~17 us
 * dispatch of each of the 4-5 per-parameter kernels dominates (blitz's 10 parameters: 0.83 ms
 * per-parameter, 1.1 ms all in the loop, measured). The cpu backend's own kernels are JS loops too.
 */
const WASM_FOREACH_MAX = 8192;

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Runs a foreach kernel. Its inputs go as an array (the kernel reads them by position, in the order
 * its attrs describe) rather than a map of `p${i}`-style names built and read back every step.
 */
function runForeach(kernel: string, inputs: tf.Tensor[] | Record<string, tf.Tensor>, attrs: object): tf.Tensor[] {
  ensureReady();
  return tf.engine().runKernel(kernel, inputs as unknown as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap) as unknown as tf.Tensor[];
}

/**
 * Whether the foreach kernel runs `h`'s update as SIMD loops on wasm (plain SGD, or momentum without
 * dampening, nesterov, weight decay or maximize: backend/simd.ts), at the speed of the backend's own
 * kernels on large tensors, so that every parameter goes in the one call (the blitz step's two large
 * Linear weights: 8 kernel calls fewer).
 */
function simdSgd(h: SGDHyper): boolean {
  if (h.weight_decay !== 0 || h.maximize || (h.momentum !== 0 && (h.dampening !== 0 || h.nesterov))) return false;
  return tf.getBackend() === "wasm" && simdLoops(tf.engine().backend) !== null;
}

/**
 * Splits `items` into those the foreach kernel takes (all of them off wasm or where its loops are
 * SIMD, else up to WASM_FOREACH_MAX elements each) and the positions of the others, in one pass.
 */
function splitBySize<I extends { param: Tensor }>(items: I[], simd = false): { small: I[]; large: number[] } {
  const max = tf.getBackend() === "wasm" && !simd ? WASM_FOREACH_MAX : Infinity;
  const small: I[] = [];
  const large: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (items[i].param.numel() <= max) small.push(items[i]);
    else large.push(i);
  }
  return { small, large };
}

/**
 * SGD over several parameters (one optimizer group): one kernel call where the backend has the
 * foreach kernel, else sgdStep for each. Returns each parameter's momentum buffer (or null).
 */
export function sgdForeach(items: { param: Tensor; grad: Tensor; buf: Tensor | null }[], h: SGDHyper): (Tensor | null)[] {
  if (!foreachable("TorchlabSgdForeach", items)) return items.map(({ param, grad, buf }) => sgdStep(param, grad, buf, h));
  const { small, large } = splitBySize(items, simdSgd(h));
  if (large.length === 0) return sgdFused(items, h);
  const smallBufs = small.length ? sgdFused(small, h) : [];
  const bufs: (Tensor | null)[] = new Array(items.length);
  for (let i = 0, k = 0, l = 0; i < items.length; i++) {
    if (large[l] === i) l++;
    else bufs[i] = smallBufs[k++];
  }
  for (const i of large) {
    const { param, grad, buf } = items[i];
    bufs[i] = sgdStep(param, grad, buf, h);
  }
  return bufs;
}

/** The foreach kernel's SGD over `items`: inputs p0..p(n-1), g0..g(n-1), then the buffers there are (hasBuf). */
function sgdFused(items: { param: Tensor; grad: Tensor; buf: Tensor | null }[], h: SGDHyper): (Tensor | null)[] {
  const n = items.length;
  const inputs: tf.Tensor[] = new Array(2 * n);
  const hasBuf: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const { param, grad, buf } = items[i];
    inputs[i] = param._t;
    inputs[n + i] = grad._t;
    hasBuf[i] = buf === null ? 0 : 1;
  }
  for (let i = 0; i < n; i++) if (hasBuf[i] === 1) inputs.push((items[i].buf as Tensor)._t);
  const attrs: SgdForeachAttrs = {
    n,
    hasBuf,
    lr: h.lr,
    momentum: h.momentum,
    dampening: h.dampening,
    weight_decay: h.weight_decay,
    nesterov: h.nesterov,
    maximize: h.maximize,
  };
  const out = runForeach("TorchlabSgdForeach", inputs, attrs);
  const bufs: (Tensor | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const param = items[i].param;
    overwrite(param._s, out[i]);
    param._bumpVersion();
  }
  for (let i = 0; i < n; i++) {
    const buf = items[i].buf;
    if (h.momentum === 0) bufs[i] = null;
    else if (buf === null) bufs[i] = Tensor._wrap(out[n + i]);
    else {
      overwrite(buf._s, out[n + i]);
      buf._bumpVersion();
      bumpMomentum(buf);
      bufs[i] = buf;
    }
  }
  return bufs;
}

type AdamItem = { param: Tensor; grad: Tensor; exp_avg: Tensor; exp_avg_sq: Tensor; max_exp_avg_sq: Tensor | null; step: number };

/** Adam / AdamW over several parameters in one kernel call where the backend has it, else adamStep for each. */
export function adamForeach(items: AdamItem[], h: Omit<AdamHyper, "step">): void {
  if (!foreachable("TorchlabAdamForeach", items) || items.some((it) => (it.max_exp_avg_sq !== null) !== h.amsgrad)) {
    for (const it of items) adamStep(it.param, it.grad, it.exp_avg, it.exp_avg_sq, it.max_exp_avg_sq, { ...h, step: it.step });
    return;
  }
  const { small, large } = splitBySize(items);
  if (small.length) adamFused(small, h);
  for (const i of large) {
    const it = items[i];
    adamStep(it.param, it.grad, it.exp_avg, it.exp_avg_sq, it.max_exp_avg_sq, { ...h, step: it.step });
  }
}

/** The foreach kernel's Adam over `items`: inputs p, g, m, v (and vmax with amsgrad), n of each in that order. */
function adamFused(items: AdamItem[], h: Omit<AdamHyper, "step">): void {
  const n = items.length;
  const groups = h.amsgrad ? 5 : 4;
  const inputs: tf.Tensor[] = new Array(groups * n);
  const steps: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const it = items[i];
    inputs[i] = it.param._t;
    inputs[n + i] = it.grad._t;
    inputs[2 * n + i] = it.exp_avg._t;
    inputs[3 * n + i] = it.exp_avg_sq._t;
    if (h.amsgrad) inputs[4 * n + i] = (it.max_exp_avg_sq as Tensor)._t;
    steps[i] = it.step;
  }
  const attrs: AdamForeachAttrs = {
    n,
    steps,
    lr: h.lr,
    beta1: h.beta1,
    beta2: h.beta2,
    eps: h.eps,
    weight_decay: h.weight_decay,
    amsgrad: h.amsgrad,
    maximize: h.maximize,
    decoupled: h.decoupled,
  };
  const out = runForeach("TorchlabAdamForeach", inputs, attrs);
  items.forEach((it, i) => {
    overwrite(it.param._s, out[i]);
    overwrite(it.exp_avg._s, out[n + i]);
    overwrite(it.exp_avg_sq._s, out[2 * n + i]);
    it.param._bumpVersion();
    it.exp_avg._bumpVersion();
    it.exp_avg_sq._bumpVersion();
    if (it.max_exp_avg_sq !== null) {
      overwrite(it.max_exp_avg_sq._s, out[3 * n + i]);
      it.max_exp_avg_sq._bumpVersion();
    }
  });
}

/**
 * Sets each tensor (non-view, float32) to zeros in place (optimizer.zero_grad): on the wasm and cpu
 * backends without writing anything yet, by tagging each storage's buffer as reading all zeros
 * (backend/memory.ts's ZEROS layout). The backward that follows in a training loop replaces the
 * buffer with the gradient, so the zeros are never made: the batch-4 classifier's step allocated and
 * filled ten buffers for nothing. Elsewhere one kernel call makes the zeros, or zero_() on each.
 */
export function zerosForeach(tensors: Tensor[]): void {
  if (tensors.length === 0) return;
  if (!hasJsKernel("TorchlabZerosForeach") || tensors.some((t) => t._view !== null || t.dtype._tf !== "float32")) {
    for (const t of tensors) t.zero_();
    return;
  }
  if (!tensors.some((t) => t.requires_grad || t._s.data.isDisposed)) {
    for (const t of tensors) {
      t._s.layout = ZEROS;
      t._s.version++;
      t._bumpVersion();
      t._s.zeroAt = t._s.version;
    }
    return;
  }
  const out = runForeach("TorchlabZerosForeach", {}, { shapes: tensors.map((t) => t.shape.slice()) });
  tensors.forEach((t, i) => {
    overwrite(t._s, out[i]);
    t._bumpVersion();
    t._s.zeroAt = t._s.version;
  });
}

/** The hyper-parameters of the Adam family (Adam, AdamW, Adamax, NAdam, RAdam). */
export interface AdamFamilyHyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weight_decay: number;
  /** The step number after incrementing (1 on the first step). */
  step: number;
}

/** Adam's two moments: `exp_avg` of the gradient with beta1, `exp_avg_sq` of its square with beta2. */
function moments(exp_avg: Tensor, exp_avg_sq: Tensor, g: T, h: AdamFamilyHyper): [T, T] {
  return [runningAvg(exp_avg._t, g, h.beta1), runningSq(exp_avg_sq._t, g, h.beta2)];
}

export interface AdamHyper extends AdamFamilyHyper {
  amsgrad: boolean;
  maximize: boolean;
  /** AdamW: decoupled decay `param *= 1 - lr * weight_decay` instead of L2 added to the gradient. */
  decoupled: boolean;
}

/** One Adam / AdamW step, updating param, exp_avg, exp_avg_sq (and max_exp_avg_sq) in place. */
export function adamStep(param: Tensor, grad: Tensor, exp_avg: Tensor, exp_avg_sq: Tensor, max_exp_avg_sq: Tensor | null, h: AdamHyper): void {
  const results = run(() => {
    const g = effectiveGrad(param._t, grad, h.decoupled ? 0 : h.weight_decay, h.maximize);
    const p = h.decoupled ? tf.mul(param._t, s(1 - h.lr * h.weight_decay)) : param._t;
    const [m, v] = moments(exp_avg, exp_avg_sq, g, h);
    const bias_correction1 = 1 - Math.pow(h.beta1, h.step);
    const bias_correction2 = 1 - Math.pow(h.beta2, h.step);
    const step_size = h.lr / bias_correction1;
    const bc2_sqrt = Math.sqrt(bias_correction2);
    const vmax = max_exp_avg_sq === null ? null : tf.maximum(max_exp_avg_sq._t, v);
    const denom = tf.add(tf.div(tf.sqrt(vmax ?? v), fresh(bc2_sqrt)), s(h.eps));
    const next = addScaled(p, tf.div(m, denom), -step_size, fresh);
    return vmax === null ? [next, m, v] : [next, m, v, vmax];
  });
  writeBack([param, exp_avg, exp_avg_sq, max_exp_avg_sq], results);
}

export interface RMSpropHyper {
  lr: number;
  alpha: number;
  eps: number;
  weight_decay: number;
  momentum: number;
  centered: boolean;
  maximize: boolean;
}

/** One RMSprop step, updating param, square_avg (grad_avg, momentum_buffer when used) in place. */
export function rmspropStep(param: Tensor, grad: Tensor, square_avg: Tensor, grad_avg: Tensor | null, buf: Tensor | null, h: RMSpropHyper): void {
  const results = run(() => {
    const p = param._t;
    const g = effectiveGrad(p, grad, h.weight_decay, h.maximize);
    const sq = runningSq(square_avg._t, g, h.alpha);
    let ga: T | null = null;
    let avg: T;
    if (grad_avg !== null) {
      ga = runningAvg(grad_avg._t, g, h.alpha);
      avg = tf.sqrt(tf.sub(sq, tf.mul(ga, ga)));
    } else avg = tf.sqrt(sq);
    avg = tf.add(avg, s(h.eps));
    let next: T;
    let b: T | null = null;
    if (buf !== null) {
      b = tf.add(tf.mul(buf._t, s(h.momentum)), tf.div(g, avg));
      next = addScaled(p, b, -h.lr);
    } else next = addScaled(p, tf.div(g, avg), -h.lr);
    const out = [next, sq];
    if (ga !== null) out.push(ga);
    if (b !== null) out.push(b);
    return out;
  });
  const targets: (Tensor | null)[] = [param, square_avg];
  if (grad_avg !== null) targets.push(grad_avg);
  if (buf !== null) targets.push(buf);
  writeBack(targets, results);
}

export interface AdagradHyper {
  lr: number;
  lr_decay: number;
  weight_decay: number;
  eps: number;
  maximize: boolean;
  /** The step number after incrementing (1 on the first step). */
  step: number;
}

/** One Adagrad step, updating param and the squared-gradient sum in place. */
export function adagradStep(param: Tensor, grad: Tensor, sum: Tensor, h: AdagradHyper): void {
  const results = run(() => {
    const p = param._t;
    const g = effectiveGrad(p, grad, h.weight_decay, h.maximize);
    const clr = h.lr / (1 + (h.step - 1) * h.lr_decay);
    const acc = tf.add(sum._t, tf.mul(g, g));
    const std = tf.add(tf.sqrt(acc), s(h.eps));
    return [addScaled(p, tf.div(g, std), -clr, h.lr_decay === 0 ? s : fresh), acc];
  });
  writeBack([param, sum], results);
}

export interface AdadeltaHyper {
  lr: number;
  rho: number;
  eps: number;
  weight_decay: number;
  maximize: boolean;
}

/** One Adadelta step, updating param, square_avg and acc_delta in place. */
export function adadeltaStep(param: Tensor, grad: Tensor, square_avg: Tensor, acc_delta: Tensor, h: AdadeltaHyper): void {
  const results = run(() => {
    const p = param._t;
    const g = effectiveGrad(p, grad, h.weight_decay, h.maximize);
    const sq = runningSq(square_avg._t, g, h.rho);
    const std = tf.sqrt(tf.add(sq, s(h.eps)));
    const delta = tf.mul(tf.div(tf.sqrt(tf.add(acc_delta._t, s(h.eps))), std), g);
    const acc = runningSq(acc_delta._t, delta, h.rho);
    return [addScaled(p, delta, -h.lr), sq, acc];
  });
  writeBack([param, square_avg, acc_delta], results);
}

export interface AdamaxHyper extends AdamFamilyHyper {
  maximize: boolean;
}

/** One Adamax step, updating param, exp_avg and exp_inf in place. */
export function adamaxStep(param: Tensor, grad: Tensor, exp_avg: Tensor, exp_inf: Tensor, h: AdamaxHyper): void {
  const results = run(() => {
    const p = param._t;
    const g = effectiveGrad(p, grad, h.weight_decay, h.maximize);
    const m = runningAvg(exp_avg._t, g, h.beta1);
    const u = tf.maximum(tf.mul(exp_inf._t, s(h.beta2)), tf.add(tf.abs(g), s(h.eps)));
    const clr = h.lr / (1 - Math.pow(h.beta1, h.step));
    return [addScaled(p, tf.div(m, u), -clr, fresh), m, u];
  });
  writeBack([param, exp_avg, exp_inf], results);
}

export interface NAdamHyper extends AdamFamilyHyper {
  /** mu_t, mu_{t+1}, and the running products (float32, as PyTorch keeps mu_product in a float tensor). */
  mu: number;
  mu_next: number;
  mu_product: number;
  mu_product_next: number;
}

/** One NAdam step, updating param, exp_avg and exp_avg_sq in place. */
export function nadamStep(param: Tensor, grad: Tensor, exp_avg: Tensor, exp_avg_sq: Tensor, h: NAdamHyper): void {
  const results = run(() => {
    const p = param._t;
    const g = effectiveGrad(p, grad, h.weight_decay, false);
    const [m, v] = moments(exp_avg, exp_avg_sq, g, h);
    const denom = tf.add(tf.sqrt(tf.div(v, fresh(1 - Math.pow(h.beta2, h.step)))), s(h.eps));
    const p1 = addScaled(p, tf.div(g, denom), (-h.lr * (1 - h.mu)) / (1 - h.mu_product), fresh);
    const p2 = addScaled(p1, tf.div(m, denom), (-h.lr * h.mu_next) / (1 - h.mu_product_next), fresh);
    return [p2, m, v];
  });
  writeBack([param, exp_avg, exp_avg_sq], results);
}

export type RAdamHyper = AdamFamilyHyper;

/** One RAdam step (rectified Adam), updating param, exp_avg and exp_avg_sq in place. */
export function radamStep(param: Tensor, grad: Tensor, exp_avg: Tensor, exp_avg_sq: Tensor, h: RAdamHyper): void {
  const results = run(() => {
    const p = param._t;
    const g = effectiveGrad(p, grad, h.weight_decay, false);
    const [m, v] = moments(exp_avg, exp_avg_sq, g, h);
    const bc1 = 1 - Math.pow(h.beta1, h.step);
    const bc2 = 1 - Math.pow(h.beta2, h.step);
    const corrected = tf.div(m, fresh(bc1));
    const rho_inf = 2 / (1 - h.beta2) - 1;
    const rho_t = rho_inf - (2 * h.step * Math.pow(h.beta2, h.step)) / bc2;
    let update: T;
    if (rho_t > 5) {
      const rect = Math.sqrt(((rho_t - 4) * (rho_t - 2) * rho_inf) / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
      const adaptive = tf.div(fresh(Math.sqrt(bc2)), tf.add(tf.sqrt(v), s(h.eps)));
      update = tf.mul(tf.mul(tf.mul(corrected, s(h.lr)), adaptive), fresh(rect));
    } else update = tf.mul(corrected, s(h.lr));
    return [tf.sub(p, update), m, v];
  });
  writeBack([param, exp_avg, exp_avg_sq], results);
}

export interface RpropHyper {
  etaminus: number;
  etaplus: number;
  step_size_min: number;
  step_size_max: number;
  maximize: boolean;
}

/**
 * One Rprop step, updating param, prev and step_size in place: each step size grows by etaplus where
 * the gradient kept its sign, shrinks by etaminus where it flipped (and that gradient is then taken as 0),
 * clamped to [step_size_min, step_size_max]; the parameter moves by -sign(grad) * step_size.
 */
export function rpropStep(param: Tensor, grad: Tensor, prev: Tensor, step_size: Tensor, h: RpropHyper): void {
  const results = run(() => {
    const g = effectiveGrad(param._t, grad, 0, h.maximize);
    const sign = tf.sign(tf.mul(g, prev._t));
    // PyTorch's three masked writes, in order: > 0 -> etaplus, < 0 -> etaminus, == 0 -> 1 (NaN stays NaN).
    const factor = tf.where(tf.greater(sign, 0), s(h.etaplus), tf.where(tf.less(sign, 0), s(h.etaminus), tf.where(tf.equal(sign, 0), s(1), sign)));
    const size = tf.minimum(tf.maximum(tf.mul(step_size._t, factor), s(h.step_size_min)), s(h.step_size_max));
    const kept = tf.where(tf.equal(factor, s(h.etaminus)), tf.zerosLike(g), g);
    return [tf.sub(param._t, tf.mul(tf.sign(kept), size)), kept, size];
  });
  writeBack([param, prev, step_size], results);
}

export interface AsgdHyper {
  lambd: number;
  /** eta and mu as PyTorch holds them: float32 0-d tensors, read with item(). */
  eta: number;
  mu: number;
  weight_decay: number;
  maximize: boolean;
}

/** One ASGD step, updating param and ax in place: decay by 1 - lambd * eta, a gradient step of eta, then the average. */
export function asgdStep(param: Tensor, grad: Tensor, ax: Tensor, h: AsgdHyper): void {
  const results = run(() => {
    const g = effectiveGrad(param._t, grad, h.weight_decay, h.maximize);
    const decayed = tf.mul(param._t, fresh(1 - h.lambd * h.eta));
    const p = addScaled(decayed, g, -h.eta, fresh);
    const a = h.mu !== 1 ? tf.add(ax._t, tf.mul(tf.sub(p, ax._t), fresh(h.mu))) : tf.clone(p);
    return [p, a];
  });
  writeBack([param, ax], results);
}
