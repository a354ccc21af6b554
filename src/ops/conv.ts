/**
 * conv2d and conv_transpose2d with PyTorch's argument rules, errors and exact gradients.
 *
 * Public tensors are NCHW with OIHW weights; tfjs kernels want NHWC/HWIO, so everything is transposed
 * here. Numeric padding becomes an explicit zero pad followed by a 'valid' convolution. The gradients
 * are written with forward convolutions only, because the wasm backend has no Conv2DBackpropFilter and
 * tfjs's own conv gradients refuse dilation > 1:
 *  - input gradient: the zero-stuffed, padded output gradient convolved with the flipped kernel whose
 *    in/out channels are swapped;
 *  - weight gradient: the input with batch and channels swapped, convolved with the output gradient
 *    used as a kernel (stride and dilation trade places), cropped to the kernel size.
 * conv_transpose2d is the adjoint of conv2d, so it reuses the same three primitives.
 */
import { profiling, profiled } from "../profiler/hook";
import { tf, compute, record, constant, constantOf, fmtShape } from "./_core";
import * as D from "../tensor/dtype";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, ShapeError, TypeError } from "../errors";
import { channelSum, evalAffine } from "./batchnorm";
import { hasJsKernel, reluKeepingNaN } from "../backend/js_kernels";
import { currentLevel } from "../autograd/forward_state";
import { is_grad_enabled, is_backward_differentiable } from "../autograd/grad_mode";
import { propagateSpatial } from "../tensor/memory_format";
import { nhwcActive, nhwcOf, wrapNhwc, nhwcCopy, cachedNhwc } from "./layout";
import { keepsLayouts, paramLayout } from "./param_layouts";
import { sliceTf } from "../backend/wasm_kernels";
import { get_num_threads } from "../backend";

type Pair = [number, number];

/** PyTorch's `_pair`: an int or a 1/2-element list becomes [h, w]; anything else is a TypeError. */
export function pair(op: string, name: string, v: unknown): Pair {
  if (typeof v === "number" && Number.isInteger(v)) return [v, v];
  if (Array.isArray(v) && (v.length === 1 || v.length === 2) && v.every((e) => typeof e === "number" && Number.isInteger(e))) {
    return v.length === 1 ? [v[0], v[0]] : [v[0], v[1]];
  }
  throw new TypeError(`${op}(): argument '${name}' must be an int or a tuple of 2 ints, but got ${describeValue(v)}`);
}

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(String).join(", ")}]`;
  return typeof v === "string" ? `'${v}'` : String(v);
}

// ------------------------------------------------------------------ layout helpers (tf level)

/**
 * tf.transpose with size-1 axes dropped and axes that stay neighbours merged first: wasm's Transpose
 * runs a 3-D permutation 1.2-4x faster than the same data moved as 4-D (NHWC -> NCHW is
 * [N, HW, C] -> [N, C, HW]; measured on the tutorial Net's activations), but its 2-D one up to 2x
 * slower, so a permutation that merges to 2-D stays 4-D; one that only moves size-1 axes is a reshape.
 */
export function permute(x: tf.Tensor, perm: number[]): tf.Tensor {
  const shape = x.shape;
  const outShape: number[] = new Array(perm.length);
  // The axes of more than one element in their input order (only size-1 axes move): a reshape. Else,
  // below 64K elements, a plain transpose (the cases below need more). Both as the general code decides.
  let inOrder = true;
  for (let i = 0, last = -1; i < perm.length; i++) {
    const p = perm[i];
    outShape[i] = shape[p];
    if (shape[p] === 1) continue;
    if (p < last) inOrder = false;
    last = p;
  }
  if (inOrder) return tf.reshape(x, outShape);
  if (x.size < 65536) return tf.transpose(x, perm);
  const kept = perm.filter((p) => shape[p] !== 1);
  // Runs of input axes that stay consecutive in the output move as one axis.
  const runs: number[][] = [];
  for (const p of kept) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] + 1 === p) last.push(p);
    else runs.push([p]);
  }
  const byInput = runs.slice().sort((a, b) => a[0] - b[0]);
  const order = runs.map((r) => byInput.indexOf(r));
  const merged = byInput.map((r) => r.reduce((acc, a) => acc * shape[a], 1));
  // wasm's 2-D transpose is the slowest of its paths, except when the output's rows are short (32
  // elements or fewer: [N, C*H*W] -> [C*H*W, N] at batch 32 in the weight gradient, 2.8 against 4.3 ms
  // as 4-D for the ResNet block's [32,32,32,32]; at 64 the two tie, and [N*C, H*W] -> [H*W, N*C] is
  // up to 2.4x slower as 2-D): otherwise a 4-D permutation beats it. Below 64K elements
  // the two extra Reshape calls cost more than the merge saves (the batch-4 classifier's step).
  if (merged.length === 2 && merged[0] <= 32 && tf.getBackend() === "wasm") return tf.reshape(tf.transpose(tf.reshape(x, merged), [1, 0]), outShape);
  if (merged.length === 2 || (merged.length === x.rank && order.every((v, i) => v === perm[i]))) return tf.transpose(x, perm);
  return tf.reshape(tf.transpose(tf.reshape(x, merged), order), outShape);
}

/** NCHW -> NHWC */
export function toNHWC(x: tf.Tensor): tf.Tensor4D {
  return permute(x, [0, 2, 3, 1]) as tf.Tensor4D;
}
/**
 * NHWC -> NCHW, as 4-D: merged to [N, HW, C] -> [N, C, HW] it measured no faster (2.6-3.4 against
 * 2.7-3.4 ms for the Net's [64,26,26,32]), unlike the other direction.
 */
export function toNCHW(x: tf.Tensor): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  if (c === 1 || h * w === 1) return tf.reshape(x, [n, c, h, w]);
  return tf.transpose(x, [0, 3, 1, 2]) as tf.Tensor4D;
}

/**
 * Inserts `s - 1` zeros after every row/column (the adjoint of a strided read), giving [N, H*s, W*s, C]
 * with trailing zeros: reshape and pad only, since the wasm backend copies 4-D slices row by row in JS.
 */
export function zeroStuff(g: tf.Tensor4D, s: Pair): tf.Tensor4D {
  if (s[0] === 1 && s[1] === 1) return g;
  const [n, h, w, c] = g.shape;
  const r = tf.reshape(g, [n, h, 1, w, 1, c]);
  const p = tf.pad(r, [[0, 0], [0, 0], [0, s[0] - 1], [0, 0], [0, s[1] - 1], [0, 0]]);
  return tf.reshape(p, [n, h * s[0], w * s[1], c]) as tf.Tensor4D;
}

/**
 * tf.transpose(tf.reverse(x, flip), perm) of a 4-D float32 filter (a convolution's gradients read it
 * flipped, channels swapped): one js_kernels.ts TorchlabFlipTranspose call where the backend has it,
 * since wasm's Reverse kernel costs ~47 ns an element. Not while a backward runs differentiably
 * (create_graph, forward AD): tfjs's tape has no gradient for that kernel.
 */
export function flipTranspose(x: tf.Tensor, flip: [number, number], perm: [number, number, number, number]): tf.Tensor4D {
  if (x.dtype === "float32" && x.rank === 4 && x.size > 0 && !is_backward_differentiable() && hasJsKernel("TorchlabFlipTranspose")) {
    return tf.engine().runKernel("TorchlabFlipTranspose", { x }, { flip, perm } as unknown as tf.NamedAttrMap) as tf.Tensor4D;
  }
  const r = tf.reverse(x, flip);
  return (perm.every((p, i) => p === i) ? r : tf.transpose(r, perm)) as tf.Tensor4D;
}

/** Rows [top, top + h) and columns [left, left + w) of a padded input: the part a gradient needs. */
export interface Crop {
  top: number;
  left: number;
  h: number;
  w: number;
}

/** Keeps every s-th row/column starting at 0, `count` of them (a strided read). */
export function subsample(x: tf.Tensor4D, s: Pair, count: Pair): tf.Tensor4D {
  if (s[0] === 1 && s[1] === 1 && x.shape[1] === count[0] && x.shape[2] === count[1]) return x;
  const [n, , , c] = x.shape;
  return tf.stridedSlice(x, [0, 0, 0, 0], [n, (count[0] - 1) * s[0] + 1, (count[1] - 1) * s[1] + 1, c], [1, s[0], s[1], 1]) as tf.Tensor4D;
}

/**
 * One 'valid' convolution over NHWC `x` with an HWIO filter. tfjs refuses stride > 1 together with
 * dilation > 1, so that case runs at stride 1 and is subsampled (rare: only exotic layer settings).
 */
function validConv(x: tf.Tensor4D, f: tf.Tensor4D, s: Pair, d: Pair, depthwise: boolean): tf.Tensor4D {
  const run = (st: Pair): tf.Tensor4D =>
    depthwise ? tf.depthwiseConv2d(x, f, st, "valid", "NHWC", d) : tf.conv2d(x, f, st, "valid", "NHWC", d);
  const both = (s[0] > 1 || s[1] > 1) && (d[0] > 1 || d[1] > 1);
  if (!both) return run(s);
  const ho = Math.floor((x.shape[1] - d[0] * (f.shape[0] - 1) - 1) / s[0]) + 1;
  const wo = Math.floor((x.shape[2] - d[1] * (f.shape[1] - 1) - 1) / s[1]) + 1;
  return subsample(run([1, 1]), s, [ho, wo]);
}

/**
 * A 1x1 convolution taking each channel to itself (one input and one output channel per group) over
 * NHWC `x`: x * w[c] (+ bias[c]), strided. XNNPACK runs it as a per-channel multiply-add whose output
 * clamp turns NaN (0 * inf, or a NaN input) into -inf; tfjs's Mul keeps NaN, as PyTorch's conv does.
 */
function channelScale(x: tf.Tensor4D, w: tf.Tensor, bias: tf.Tensor | null, s: Pair): tf.Tensor4D {
  const xs = s[0] > 1 || s[1] > 1 ? (tf.stridedSlice(x, [0, 0, 0, 0], x.shape, [1, s[0], s[1], 1]) as tf.Tensor4D) : x;
  const y = tf.mul(xs, tf.reshape(w, [-1]));
  return (bias === null ? y : tf.add(y, bias)) as tf.Tensor4D;
}

/**
 * Grouped 'valid' convolution: NHWC `x` [N,H,W,C], OIHW `w` [O, C/groups, kH, kW] -> NHWC [N,Ho,Wo,O].
 * groups == 1 is a plain conv; one input channel per group is a depthwise conv (output channel
 * c*mult + m reads input channel c, PyTorch's grouping too); one output channel per group is a
 * depthwise conv followed by a per-group sum; anything else runs one conv per group.
 */
export function convCore(x: tf.Tensor4D, w: tf.Tensor4D, s: Pair, d: Pair, groups: number): tf.Tensor4D {
  const [o, cg, kh, kw] = w.shape;
  if (groups === 1) return validConv(x, tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D, s, d, false);
  if (cg === 1) {
    const f = tf.reshape(tf.transpose(w, [2, 3, 1, 0]), [kh, kw, groups, o / groups]) as tf.Tensor4D;
    return validConv(x, f, s, d, true);
  }
  if (o === groups) {
    const f = tf.transpose(tf.reshape(w, [groups * cg, 1, kh, kw]), [2, 3, 0, 1]) as tf.Tensor4D;
    const y = validConv(x, f, s, d, true);
    const [n, ho, wo] = y.shape;
    return tf.sum(tf.reshape(y, [n, ho, wo, groups, cg]), 4) as tf.Tensor4D;
  }
  const xs = tf.split(x, groups, 3);
  const ws = tf.split(w, groups, 0);
  const outs = xs.map((xi, i) => validConv(xi as tf.Tensor4D, tf.transpose(ws[i], [2, 3, 1, 0]) as tf.Tensor4D, s, d, false));
  return tf.concat(outs, 3) as tf.Tensor4D;
}

/**
 * Gradient of convCore with respect to its (already padded) NHWC input of spatial size `inHW`,
 * computed only for `crop` of it (default: all of it), so that cutting the padding off costs nothing.
 */
export function convCoreInputGrad(g: tf.Tensor4D, w: tf.Tensor4D, inHW: Pair, s: Pair, d: Pair, groups: number, crop?: Crop): tf.Tensor4D {
  const [o, cg, kh, kw] = w.shape;
  const [n, ho, wo, oc] = g.shape;
  const c = crop ?? { top: 0, left: 0, h: inHW[0], w: inHW[1] };
  let stuffed = zeroStuff(g, s);
  const len: Pair = [ho * s[0], wo * s[1]];
  // dx[j] = sum_k stuffed[j + top - k*d] * w[k]: a valid correlation of the stuffed gradient, padded by
  // the kernel's reach minus `top` before and whatever completes `h` rows after, with the flipped kernel.
  const before: Pair = [d[0] * (kh - 1) - c.top, d[1] * (kw - 1) - c.left];
  const after: Pair = [c.h + c.top - len[0], c.w + c.left - len[1]];
  if (before.some((v) => v < 0) || after.some((v) => v < 0)) {
    // Gradient rows that reach only the cropped-off border (padding wider than the kernel's reach).
    const b0 = Math.max(0, -before[0]);
    const b1 = Math.max(0, -before[1]);
    const size = [n, len[0] - b0 - Math.max(0, -after[0]), len[1] - b1 - Math.max(0, -after[1]), oc];
    stuffed = sliceTf(stuffed, [0, b0, b1, 0], size) as tf.Tensor4D;
  }
  const padSpec: [number, number][] = [
    [0, 0],
    [Math.max(0, before[0]), Math.max(0, after[0])],
    [Math.max(0, before[1]), Math.max(0, after[1])],
    [0, 0],
  ];
  // Flip the kernel spatially and swap its in/out channels within each group: [Og, Cg] -> [Cg, Og].
  const og = o / groups;
  if (groups === 1) {
    // HWIO of the flipped, swapped kernel is a transpose of the flipped OIHW one; the convolution pads.
    const f = flipTranspose(w, [2, 3], [2, 3, 0, 1]);
    return tf.conv2d(stuffed, f, 1, padSpec as tf.backend_util.ExplicitPadding, "NHWC", d);
  }
  const padded = tf.pad(stuffed, padSpec) as tf.Tensor4D;
  const flipped = flipTranspose(w, [2, 3], [0, 1, 2, 3]);
  const swapped = tf.reshape(tf.transpose(tf.reshape(flipped, [groups, og, cg, kh, kw]), [0, 2, 1, 3, 4]), [groups * cg, og, kh, kw]) as tf.Tensor4D;
  return convCore(padded, swapped, [1, 1], d, groups);
}

/**
 * Gradient of convCore with respect to its OIHW weight, given the padded NHWC input `xp` and the NHWC
 * output gradient `g`.
 */
export function convCoreWeightGrad(xp: tf.Tensor4D, g: tf.Tensor4D, wShape: readonly number[], s: Pair, d: Pair, groups: number): tf.Tensor4D {
  const [o, cg, kh, kw] = wShape;
  const [n, , , c] = xp.shape;
  const [, ho, wo] = g.shape;
  const og = o / groups;
  if (groups === 1) {
    // x as [C, Hp, Wp, N] (batch <-> channels), g as an HWIO kernel [Ho, Wo, N, O]: stride d, dilation s.
    const xt = tf.transpose(xp, [3, 1, 2, 0]) as tf.Tensor4D;
    const gt = tf.transpose(g, [1, 2, 0, 3]) as tf.Tensor4D;
    const full = validConv(xt, gt, d, s, false);
    const crop = sliceTf(full, [0, 0, 0, 0], [c, kh, kw, o]);
    return tf.transpose(crop, [3, 0, 1, 2]) as tf.Tensor4D;
  }
  // Grouped: channels (group k, sample n) of a depthwise conv with multiplier Og, then sum over n. The
  // batch dimension carries the Cg channels within a group.
  const xr = tf.reshape(xp, [n, xp.shape[1], xp.shape[2], groups, cg]);
  const xt = tf.reshape(tf.transpose(xr, [4, 1, 2, 3, 0]), [cg, xp.shape[1], xp.shape[2], groups * n]) as tf.Tensor4D;
  const gr = tf.reshape(g, [n, ho, wo, groups, og]);
  const gt = tf.reshape(tf.transpose(gr, [1, 2, 3, 0, 4]), [ho, wo, groups * n, og]) as tf.Tensor4D;
  const full = validConv(xt, gt, d, s, true);
  const crop = sliceTf(full, [0, 0, 0, 0], [cg, kh, kw, groups * n * og]);
  const summed = tf.sum(tf.reshape(crop, [cg, kh, kw, groups, n, og]), 4); // [Cg, kH, kW, g, Og]
  return tf.reshape(tf.transpose(summed, [3, 4, 0, 1, 2]), [o, cg, kh, kw]) as tf.Tensor4D;
}

/**
 * tf.fused.conv2d's FusedConv2D kernel run directly: the op wrapper re-checks what conv2d checked,
 * computes the output geometry a second time and records a customGrad closure for tfjs's tape, which
 * torchlab never uses (a few tens of microseconds a call on the batch-4 classifier). A bias that is
 * not float32 takes the wrapper, which casts it.
 */
function fusedConv(x: tf.Tensor4D, f: tf.Tensor4D, bias: tf.Tensor | null, strides: Pair, pad: tf.backend_util.ExplicitPadding, dilations: Pair): tf.Tensor4D {
  if (bias !== null && bias.dtype !== "float32") return tf.fused.conv2d({ x, filter: f, strides, pad, dataFormat: "NHWC", dilations, bias });
  const inputs = bias === null ? { x, filter: f } : { x, filter: f, bias };
  const attrs = { strides, pad, dataFormat: "NHWC", dilations, dimRoundingMode: undefined, activation: "linear", leakyreluAlpha: undefined };
  return tf.engine().runKernel("FusedConv2D", inputs as unknown as tf.NamedTensorMap, attrs as unknown as tf.NamedAttrMap) as tf.Tensor4D;
}

/**
 * The result of a vision op on an empty batch: zeros of `outShape` whose gradient is zeros, since
 * tfjs's convolution and pooling kernels divide by the batch size.
 */
export function emptyBatch(name: string, inputs: Tensor[], outShape: number[]): Tensor {
  return record(name, inputs, compute(() => tf.zeros(outShape)), () => inputs.map((t) => tf.zeros(t.shape)));
}

// ------------------------------------------------------------------ inference: filters kept in tfjs's layout

const hwioCache = new Map<tf.Tensor, tf.Tensor4D>();
let hwioBytes = 0;
const HWIO_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * A parameter's OIHW weight as tfjs's HWIO filter, kept for as long as the weight's values are; only
 * leaves that require grad (a module's parameters) come here, not weights computed per call. resnet18
 * at batch 1 spent 56-73 of ~650 ms (CPU, one thread) transposing its three 512x512x3x3 filters on
 * every forward, and the same filter tensor also lets the wasm backend reuse its XNNPACK operator
 * with the weights already packed. With grad mode off (inference) the copies are keyed by the
 * weight's buffer (an optimizer step or load_state_dict replaces it, which frees the copy on the next
 * miss), up to 256 MB; with it on, one copy per parameter (ops/param_layouts.ts), so that a module
 * run twice between optimizer steps transposes its filters once.
 */
function hwioFilter(weight: Tensor): tf.Tensor4D {
  const w = weight._t;
  if (is_grad_enabled()) return (keepsLayouts(weight) ? paramLayout(weight, "hwio", (t) => permute(t, [2, 3, 1, 0])) : permute(w, [2, 3, 1, 0])) as tf.Tensor4D;
  const hit = hwioCache.get(w);
  if (hit !== undefined && !hit.isDisposed) return hit;
  const drop = (k: tf.Tensor): void => {
    const v = hwioCache.get(k) as tf.Tensor4D;
    hwioBytes -= v.size * 4;
    v.dispose();
    hwioCache.delete(k);
  };
  for (const k of [...hwioCache.keys()]) if (k.isDisposed || k === w) drop(k);
  if (w.size * 4 > HWIO_CACHE_BYTES) return permute(w, [2, 3, 1, 0]) as tf.Tensor4D;
  // Oldest first (a Map iterates in insertion order).
  for (const k of [...hwioCache.keys()]) if (hwioBytes + w.size * 4 > HWIO_CACHE_BYTES) drop(k);
  const f = tf.keep(permute(w, [2, 3, 1, 0])) as tf.Tensor4D;
  hwioCache.set(w, f);
  hwioBytes += f.size * 4;
  return f;
}

// ------------------------------------------------------------------ weight gradient as patches x matrix

/**
 * Whether the weight gradient of a convolution with `k` = C*kH*kW taps per output channel over `positions`
 * = N*Ho*Wo output pixels runs faster as patches times a matrix than as tfjs's convolution whose kernel
 * is the whole output gradient. Measured on wasm (process CPU time, one thread): the tutorial Net's first
 * layer (k 25, 43264 positions) 28.6 -> 22.2 ms and the ResNet block's 1x1 shortcut (k 16, 32768
 * positions) 31.5 -> 11.4 ms, while the Net's 3x3 layer (k 288) took twice as long and the batch-4
 * classifier's first layer (k 75, 3136 positions) 4.5x as long: XNNPACK packs a matrix product's right
 * operand afresh for every call, which costs more than the product once that operand has hundreds of
 * columns. Other backends keep the convolution (not measured there).
 */
function patchMatmulPays(k: number, positions: number): boolean {
  if (tf.getBackend() !== "wasm") return false;
  // Deep layers over few pixels (no more output pixels than taps, patches up to 4M values): the
  // convolution form runs a GEMM with only P = N*Ho*Wo as its depth, e.g. resnet18's layer4 3x3 at
  // batch 1 (P 49, K 4608) 42.9 against 22.5 ms and layer2's (P 784, K 1152) 24.5 against 22.9
  // (bench/conv_alternatives.js, process CPU time).
  if (positions <= k && positions * k <= 4 * 1024 * 1024) return true;
  return k <= 32 && positions >= 8192;
}

const onehotFilters = new Map<string, tf.Tensor4D>();

/**
 * [kH, kW, C, kH*kW] with filter[i, j, c, i*kW + j] = 1: the depthwise filter whose output channel
 * c*kH*kW + i*kW + j is tap (i, j) of channel c, so a depthwise convolution with it writes each output
 * pixel's patch in OIHW order. Built once per shape and backend (XNNPACK then reuses its packed copy).
 */
function onehotFilter(kh: number, kw: number, c: number): tf.Tensor4D {
  const key = `${tf.getBackend()}:${kh}x${kw}x${c}`;
  let f = onehotFilters.get(key);
  if (f === undefined || f.isDisposed) {
    const taps = kh * kw;
    const v = new Float32Array(taps * c * taps);
    for (let t = 0; t < taps; t++) for (let ch = 0; ch < c; ch++) v[(t * c + ch) * taps + t] = 1;
    f = tf.keep(tf.tensor4d(v, [kh, kw, c, taps]));
    onehotFilters.set(key, f);
  }
  return f;
}

/**
 * dW [O, C, kH, kW] = g as [O, N*Ho*Wo] times the patches [N*Ho*Wo, C*kH*kW]. The patches come from a
 * depthwise convolution of NHWC x with a constant one-hot filter (a plain convolution for one channel,
 * x itself for an unstrided, unpadded 1x1), so every step of it runs in XNNPACK. Null when x is not
 * finite (see below).
 */
function weightGradByPatches(x: tf.Tensor4D, g: tf.Tensor, wShape: readonly number[], s: Pair, d: Pair, padSpec: [number, number][]): tf.Tensor | null {
  const [o, c, kh, kw] = wShape;
  const [n, , ho, wo] = g.shape;
  const plain = kh === 1 && kw === 1 && s[0] === 1 && s[1] === 1 && padSpec.every(([a, b]) => a === 0 && b === 0);
  // The one-hot filter multiplies every tap by 0 or 1, and inf * 0 is NaN: an input holding inf or NaN
  // would spread it to taps that never read it. Such inputs (a finite sum says there are none) take
  // the convolution form, which PyTorch agrees with.
  if (!plain && !Number.isFinite(tf.tidy(() => tf.sum(x).dataSync()[0]))) return null;
  const xn = cachedNhwc(x) ?? toNHWC(x);
  const pad = padSpec as tf.backend_util.ExplicitPadding;
  let patches: tf.Tensor;
  if (plain) patches = xn;
  else if (c === 1) patches = tf.conv2d(xn, onehotFilter(kh, kw, 1), s, pad, "NHWC", d);
  else patches = tf.depthwiseConv2d(xn, onehotFilter(kh, kw, c), s, pad, "NHWC", d);
  const gT = tf.reshape(permute(g, [1, 0, 2, 3]), [o, n * ho * wo]);
  return tf.reshape(tf.matMul(gT, tf.reshape(patches, [n * ho * wo, c * kh * kw])), [o, c, kh, kw]);
}

// ------------------------------------------------------------------ weight gradient with the input as the filter

/**
 * Whether the weight gradient of an unstrided, undilated convolution runs faster with the input x as
 * the convolution's filter and the output gradient g as its input (weightGradInputAsFilter) than the
 * other way round. Both forms are the same GEMM (rows O*kH*kW or C*kH*kW, depth N*H*W); what differs
 * is the operand XNNPACK transposes and packs afresh on every call, the filter, which for a weight
 * gradient is a whole activation map (~14 ms CPU for 1M floats on wasm, a third of the call): the
 * smaller of x and g should be it. Measured on wasm (process CPU time, median of 21 alternated
 * calls; bench/conv_alternatives.js's "x as filter"): the ResNet block's first layer (x [32,16,32,32], g
 * [32,32,32,32]) 30.5 -> 19.9 ms; the tutorial Net's conv2 (x [64,32,13,13], g twice its size) 22.1
 * -> 21.3; equal sizes (the block's second layer) 48.1 against 49.9, so those keep the g-as-filter
 * form. Small maps (the batch-4 classifier) keep it too: one kernel call more (the flip) costs more
 * there than the packing saves. Padding must not exceed kH - 1 (kW - 1): g is padded by the rest.
 */
function inputAsFilterPays(xShape: readonly number[], gShape: readonly number[], k: Pair, s: Pair, d: Pair, pads: number[]): boolean {
  if (tf.getBackend() !== "wasm" || s[0] !== 1 || s[1] !== 1 || d[0] !== 1 || d[1] !== 1) return false;
  if (pads[0] > k[0] - 1 || pads[1] > k[0] - 1 || pads[2] > k[1] - 1 || pads[3] > k[1] - 1) return false;
  const xSize = xShape.reduce((a, v) => a * v, 1);
  const gSize = gShape.reduce((a, v) => a * v, 1);
  return xSize >= 65536 && 2 * xSize <= gSize;
}

/**
 * dW [O, C, kH, kW] of a stride-1, dilation-1 convolution with padding `pads` [top, bottom, left,
 * right]: g as the NHWC input [O, Ho, Wo, N] (batch and channels swapped) convolved with x as the
 * HWIO filter [H, W, N, C]. With g padded by kH - 1 - top above (and likewise on the other sides),
 * output row i reads g[h] against x[h + kH - 1 - i - top], i.e. tap kH - 1 - i: the result
 * [O, kH, kW, C] is the weight gradient flipped in both spatial axes.
 *
 * Every tap multiplies all of x by g or by g's zero padding, where the other form multiplies only the
 * pixels the tap reads (and x's zero padding by g): with an inf or NaN in x or g the two differ, and
 * PyTorch agrees with the other form. Such inputs always make some element of this result non-finite
 * (inf * 0 is NaN, and a non-finite g meets at least one in-range pixel of x), so a result that is not
 * all finite returns null and the caller takes the other form; reading the [O, C, kH, kW] result
 * costs microseconds.
 */
function weightGradInputAsFilter(x: tf.Tensor4D, g: tf.Tensor, k: Pair, pads: number[]): tf.Tensor | null {
  const [kh, kw] = k;
  const gi = permute(g, [1, 2, 3, 0]) as tf.Tensor4D;
  // [H, W, N, C] from the forward's NHWC copy moves rows of C floats ([N, HW, C] -> [HW, N, C]);
  // from NCHW it moves single floats (the ResNet block's input [32,16,32,32]: ~0.3 against ~1.5 ms).
  const xn = cachedNhwc(x);
  const f = (xn !== null ? permute(xn, [1, 2, 0, 3]) : permute(x, [2, 3, 0, 1])) as tf.Tensor4D;
  const pad = [[0, 0], [kh - 1 - pads[0], kh - 1 - pads[1]], [kw - 1 - pads[2], kw - 1 - pads[3]], [0, 0]] as tf.backend_util.ExplicitPadding;
  const flipped = tf.conv2d(gi, f, 1, pad, "NHWC", 1);
  const dw = flipTranspose(flipped, [1, 2], [0, 3, 1, 2]);
  const v = dw.dataSync() as Float32Array;
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return null;
  return dw;
}

// ------------------------------------------------------------------ argument checking

export type Padding2d = number | number[] | "same" | "valid";

export interface ConvOptions {
  bias?: Tensor | null;
  stride?: number | number[];
  padding?: Padding2d;
  dilation?: number | number[];
  groups?: number;
}

export interface ConvTransposeOptions {
  bias?: Tensor | null;
  stride?: number | number[];
  padding?: number | number[];
  output_padding?: number | number[];
  groups?: number;
  dilation?: number | number[];
}

function checkStride(v: Pair): void {
  if (v[0] <= 0 || v[1] <= 0) throw new RuntimeError("non-positive stride is not supported");
}

/** ATen's check order: at least `groups` filters, then divisible by `groups` (1.13 double-brackets the shape). */
function checkWeightGroups(weight: Tensor, groups: number): void {
  const w = weight.shape;
  if (w[0] < groups) {
    throw new ShapeError(`Given groups=${groups}, expected weight to be at least ${groups} at dimension 0, but got weight of size ${fmtShape(w)} instead`, "at least groups", w);
  }
  if (w[0] % groups !== 0) {
    throw new ShapeError(`Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size [${fmtShape(w)}] instead`, "divisible", w);
  }
}

function checkGroups(groups: unknown): number {
  if (typeof groups !== "number" || !Number.isInteger(groups)) throw new TypeError(`conv2d(): argument 'groups' must be int, not ${describeValue(groups)}`);
  if (groups <= 0) throw new RuntimeError("non-positive groups is not supported");
  return groups;
}

/** Unbatched [C,H,W] input becomes [1,C,H,W]; anything but 3-D/4-D is PyTorch's error. */
function batched(op: string, input: Tensor): { x: Tensor; unbatched: boolean } {
  if (!(input instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' (position 1) must be Tensor, not ${describeValue(input)}`);
  if (input.dim() === 4) return { x: input, unbatched: false };
  if (input.dim() === 3) return { x: input.unsqueeze(0), unbatched: true };
  throw new ShapeError(`Expected 3D (unbatched) or 4D (batched) input to ${op}, but got input of size: ${fmtShape(input.shape)}`, "3D or 4D", input.shape);
}


/** PyTorch's dtype checks: input, bias and weight must agree, and torchlab convolves floats only. */
function checkDtypes(op: string, x: Tensor, weight: Tensor, bias: Tensor | null): void {
  const cName = (d: Tensor["dtype"]): string => (d === D.float64 ? "double" : d === D.float32 ? "float" : d._typeName.toLowerCase());
  if (bias instanceof Tensor && bias.dtype !== x.dtype) throw new RuntimeError(`Input type (${cName(x.dtype)}) and bias type (${cName(bias.dtype)}) should be the same`);
  if (x.dtype !== weight.dtype) throw new RuntimeError(`expected scalar type ${x.dtype._typeName} but found ${weight.dtype._typeName}`);
  if (x.dtype._tf !== "float32") throw new RuntimeError(`${op}(): only floating point (float32) tensors are supported, got ${x.dtype}; call .float() first`);
}

// ------------------------------------------------------------------ conv2d

/**
 * 2-D convolution over an NCHW input (PyTorch's `F.conv2d`). `weight` is [out_channels,
 * in_channels/groups, kH, kW]; `padding` is an int, a pair, 'valid' or 'same' (stride 1 only; an odd
 * total goes on the bottom/right, as PyTorch does).
 */
export function conv2d(input: Tensor, weight: Tensor, options: ConvOptions = {}): Tensor {
  // Channels last when the input or the weight is (mkldnn's choice on PyTorch's CPU).
  if (profiling.active !== null) return profiled("aten::conv2d", [input, weight, options.bias ?? null, 0, 0, 0, 0], () => propagateSpatial(conv2dOp(input, weight, options), input, weight));
  return propagateSpatial(conv2dOp(input, weight, options), input, weight);
}

function conv2dOp(input: Tensor, weight: Tensor, options: ConvOptions): Tensor {
  const op = "conv2d";
  const { x, unbatched } = batched(op, input);
  if (!(weight instanceof Tensor)) throw new TypeError(`conv2d(): argument 'weight' (position 2) must be Tensor, not ${describeValue(weight)}`);
  const stride = pair(op, "stride", options.stride ?? 1);
  const dilation = pair(op, "dilation", options.dilation ?? 1);
  const groups = checkGroups(options.groups ?? 1);
  const bias = options.bias ?? null;
  checkStride(stride);
  if (dilation[0] <= 0 || dilation[1] <= 0) throw new RuntimeError(`dilation should be greater than zero, but got [${dilation.join(", ")}]`);
  if (weight.dim() !== 4) {
    throw new ShapeError(`Expected 4-dimensional weight for 4-dimensional input ${fmtShape(x.shape)}, but got ${weight.dim()}-dimensional weight of size ${fmtShape(weight.shape)} instead`, "4-D", weight.shape);
  }
  const [o, cg, kh, kw] = weight.shape;
  const [n, c, h, w] = x.shape;
  // [top, bottom, left, right]
  let pads: [number, number, number, number];
  const padding = options.padding ?? 0;
  if (padding === "valid") pads = [0, 0, 0, 0];
  else if (padding === "same") {
    if (stride[0] !== 1 || stride[1] !== 1) throw new RuntimeError("padding='same' is not supported for strided convolutions");
    const th = dilation[0] * (kh - 1);
    const tw = dilation[1] * (kw - 1);
    pads = [Math.floor(th / 2), th - Math.floor(th / 2), Math.floor(tw / 2), tw - Math.floor(tw / 2)];
  } else if (typeof padding === "string") {
    throw new RuntimeError(`Invalid padding string: '${padding}'`);
  } else {
    const p = pair(op, "padding", padding);
    if (p[0] < 0 || p[1] < 0) throw new RuntimeError("negative padding is not supported");
    pads = [p[0], p[0], p[1], p[1]];
  }
  checkWeightGroups(weight, groups);
  if (c !== cg * groups) {
    throw new ShapeError(
      `Given groups=${groups}, weight of size ${fmtShape(weight.shape)}, expected input${fmtShape(x.shape)} to have ${cg * groups} channels, but got ${c} channels instead`,
      [n, cg * groups, h, w],
      x.shape,
    );
  }
  if (bias !== null) {
    if (!(bias instanceof Tensor)) throw new TypeError(`conv2d(): argument 'bias' must be Tensor or None, not ${describeValue(bias)}`);
    if (bias.dim() !== 1 || bias.shape[0] !== o) {
      throw new ShapeError(`Given weight of size ${fmtShape(weight.shape)}, expected bias to be 1-dimensional with ${o} elements, but got bias of size ${fmtShape(bias.shape)} instead`, [o], bias.shape);
    }
  }
  const hp = h + pads[0] + pads[1];
  const wp = w + pads[2] + pads[3];
  const ekh = dilation[0] * (kh - 1) + 1;
  const ekw = dilation[1] * (kw - 1) + 1;
  if (hp < ekh || wp < ekw) {
    throw new ShapeError(
      `Calculated padded input size per channel: (${hp} x ${wp}). Kernel size: (${ekh} x ${ekw}). Kernel size can't be greater than actual input size`,
      [ekh, ekw],
      [hp, wp],
    );
  }
  if (x.dtype === weight.dtype && !x.dtype.is_floating_point && x.dtype !== D.bool && (bias === null || bias.dtype === x.dtype)) {
    // PyTorch's CPU convolves integer tensors too (xiaotudui's `F.conv2d(input, kernel, stride=1)` on
    // torch.tensor of ints) and keeps their dtype: here in float32, exact while every sum stays below 2^24.
    return conv2dOp(input.float(), weight.float(), { ...options, bias: bias === null ? null : bias.float() }).round().to(x.dtype);
  }
  checkDtypes(op, x, weight, bias);
  const padSpec: [number, number][] = [[0, 0], [pads[0], pads[1]], [pads[2], pads[3]], [0, 0]];
  const needsPad = pads.some((p) => p !== 0);
  const inputs = bias ? [x, weight, bias] : [x, weight];
  const outH = Math.floor((hp - ekh) / stride[0]) + 1;
  const outW = Math.floor((wp - ekw) / stride[1]) + 1;
  if (n === 0) {
    const shape = [0, o, outH, outW];
    const e = emptyBatch("ConvolutionBackward0", inputs, shape);
    return unbatched ? e.squeeze(0) : e;
  }
  // tfjs convolves with explicit padding itself (no padded copy), except at stride and dilation both > 1.
  const direct = groups === 1 && !((stride[0] > 1 || stride[1] > 1) && (dilation[0] > 1 || dilation[1] > 1));
  if (groups === 1 && hasJsKernel("TorchlabConv2d") && (tf.getBackend() !== "wasm" || nchwConvPays([n, o, outH, outW], weight.shape, x))) {
    const res = convNchwKernels(x, weight, bias, inputs, stride, [pads[0], pads[2]], dilation, [outH, outW]);
    return unbatched ? res.squeeze(0) : res;
  }
  // Under no_grad on wasm the result keeps the kernel's NHWC order (ops/layout.ts), and an input
  // that kept it is read as it is: a chain of layers pays no transposes between them.
  const keepNhwc = !unbatched && nhwcActive();
  // In training, the NHWC copy of the input is kept (ops/layout.ts's nhwcCopy) when this convolution's
  // weight gradient will read it, and reused by any other convolution of the same input.
  const keepCopy =
    direct && weight.requires_grad && is_grad_enabled() && tf.getBackend() === "wasm" && c > 1 && h * w > 1 &&
    (patchMatmulPays(c * kh * kw, n * outH * outW) || inputAsFilterPays(x.shape, [n, o, outH, outW], [kh, kw], stride, dilation, pads));
  const nhwc = (): tf.Tensor4D => {
    let xn = nhwcOf(x) ?? (tf.getBackend() === "wasm" ? nhwcCopy(x._t, toNHWC, keepCopy) : toNHWC(x._t));
    if (kh === 1 && kw === 1 && c === groups && o === groups && tf.getBackend() === "wasm") {
      if (needsPad) xn = tf.pad(xn, padSpec) as tf.Tensor4D;
      return channelScale(xn, weight._t, bias === null ? null : bias._t, stride);
    }
    if (direct) {
      const f = weight.requires_grad && weight.is_leaf ? hwioFilter(weight) : (permute(weight._t, [2, 3, 1, 0]) as tf.Tensor4D);
      const pad = padSpec as tf.backend_util.ExplicitPadding;
      return fusedConv(xn, f, bias === null ? null : bias._t, stride, pad, dilation);
    }
    if (needsPad) xn = tf.pad(xn, padSpec) as tf.Tensor4D;
    let y = convCore(xn, weight._t as tf.Tensor4D, stride, dilation, groups);
    if (bias) y = tf.add(y, bias._t) as tf.Tensor4D;
    return y;
  };
  if (keepNhwc) return wrapNhwc(compute(nhwc), [x]);
  const out = compute(() => toNCHW(nhwc()));
  const res = record("ConvolutionBackward0", inputs, out, (g) => {
    // NHWC gradient only where used: the first layer's input needs none, and the weight gradient reads NCHW.
    let gn: tf.Tensor4D | null = null;
    const nhwc = (): tf.Tensor4D => (gn ??= toNHWC(g));
    const grads: (tf.Tensor | null)[] = [null, null, null];
    if (x.requires_grad) {
      grads[0] = toNCHW(convCoreInputGrad(nhwc(), weight._t as tf.Tensor4D, [hp, wp], stride, dilation, groups, { top: pads[0], left: pads[2], h, w }));
    }
    if (weight.requires_grad && direct) {
      // (Not as a recorded op, create_graph: the patches form reads a cached one-hot filter.)
      if (patchMatmulPays(c * kh * kw, n * outH * outW) && !is_backward_differentiable()) grads[1] = weightGradByPatches(x._t as tf.Tensor4D, g, weight.shape, stride, dilation, padSpec);
      if (grads[1] === null && inputAsFilterPays(x.shape, g.shape, [kh, kw], stride, dilation, pads) && !is_backward_differentiable()) grads[1] = weightGradInputAsFilter(x._t as tf.Tensor4D, g, [kh, kw], pads);
      if (grads[1] === null) {
        // x as [C, H, W, N] convolved (padded by the convolution) with g as an HWIO kernel [Ho, Wo, N, O],
        // stride and dilation trading places. g's kernel comes from the NHWC gradient when the input
        // gradient already made it: [N, HoWo, O] -> [HoWo, N, O] moves rows of O floats, where the
        // NCHW one moves single floats (wasm, [32,32,32,32]: 0.4 against 3.6 ms; the Net's conv2
        // 0.2 against 0.6); otherwise straight from NCHW (one transpose beats two there).
        const xt = permute(x._t, [1, 2, 3, 0]) as tf.Tensor4D;
        const gt = (gn !== null ? permute(gn, [1, 2, 0, 3]) : permute(g, [2, 3, 0, 1])) as tf.Tensor4D;
        let full = tf.conv2d(xt, gt, dilation, padSpec as tf.backend_util.ExplicitPadding, "NHWC", stride);
        if (full.shape[1] !== kh || full.shape[2] !== kw) full = sliceTf(full, [0, 0, 0, 0], [c, kh, kw, o]);
        grads[1] = permute(full, [3, 0, 1, 2]);
      }
    } else if (weight.requires_grad) {
      let xp = toNHWC(x._t);
      if (needsPad) xp = tf.pad(xp, padSpec) as tf.Tensor4D;
      grads[1] = convCoreWeightGrad(xp, nhwc(), weight.shape, stride, dilation, groups);
    }
    if (bias && bias.requires_grad) grads[2] = channelSum(g);
    return grads.slice(0, inputs.length);
  });
  return unbatched ? res.squeeze(0) : res;
}

/**
 * Which convolutions (by multiply-adds of the forward) conv2d runs through the NCHW kernels on wasm.
 * Those kernels run on one thread: at 1 thread they are ahead of XNNPACK's path (transposes included)
 * up to ~300 M multiply-adds (process CPU per forward + backward, 2026-12-07, loaded machine: the
 * classifier's conv1 at batch 4 0.61x, the tutorial Net's conv1 at batch 64, 35 M, 0.22x, its conv2 at
 * batch 64, 199 M, 0.86x, a ResNet block's 16->32 3x3 at batch 32, 151 M, 0.88x, its 32->32, 302 M,
 * 1.03x; train steps: Net 90 -> 68 ms, ResNet block 181 -> 147 against a 4 M bound). With more threads
 * XNNPACK's convolution divides its time between them, so there the NCHW kernels keep the small
 * convolutions (up to 4 M, where dispatch and transposes cost more than the arithmetic) and the
 * convolutions of few input channels (at most 4: a first layer on images) up to 64 M, which
 * XNNPACK's path runs at a quarter of their speed at 1 thread and at 2 (the Net's conv1 at batch 64:
 * 0.20x of its wall time at 2 threads; its train step at 2 threads 111 -> 79 ms CPU).
 * That measured rule (nchwConvMeasured) is the default (TORCHLAB_NCHW_CONV_MACS=auto). Routing more
 * convolutions away from XNNPACK changes a training run's rounding: three tutorial ports' trained
 * results moved (an argmax flip in 1 of deeplizard's 600 predictions, a loss in thorough-pytorch's
 * chapter 6, the imagenet example's diverging loss), each by less than PyTorch itself moves them when
 * only its own convolution algorithm or thread count changes (bench/pytorch_rounding_spread.py; each
 * test's tolerance says what was measured).
 * TORCHLAB_NCHW_CONV_MACS=N (or setNchwConvMaxMacs) sets one bound for every thread count, 0 for none:
 * the benchmarks compare both paths in one build (4000000 is the bound of before the measured rule).
 */
const NCHW_MACS_ONE_THREAD = 320e6;
const NCHW_MACS_THREADED = 4e6;
const NCHW_MACS_FEW_CHANNELS = 64e6;
const FEW_CHANNELS = 4;
const NCHW_ENV = process.env.TORCHLAB_NCHW_CONV_MACS;
let nchwConvMaxMacs: number | "auto" | null = NCHW_ENV === undefined || NCHW_ENV === "auto" ? null : Number(NCHW_ENV);

/**
 * Sets one bound on nchwConvPays's multiply-adds for every thread count (tests of the NHWC path run it
 * at 0), or with "auto" or null the measured rule (the default); returns the previous setting.
 */
export function setNchwConvMaxMacs(macs: number | "auto" | null): number | "auto" | null {
  const previous = nchwConvMaxMacs;
  nchwConvMaxMacs = macs;
  return previous;
}

/**
 * Whether conv2d on wasm runs js_kernels.ts's NCHW kernels (simd_conv.ts's single-threaded loops, no
 * transposes) rather than XNNPACK's NHWC convolution between layout transposes (see
 * NCHW_MACS_ONE_THREAD for the measurements).
 */
function nchwConvPays(outShape: number[], weightShape: readonly number[], x: Tensor): boolean {
  // Not under no_grad, where the NHWC path keeps activations channels-last between layers (ops/layout.ts),
  // nor for an input that kept them so; nor at a forward-AD level, whose tangents come from tfjs's
  // autodiff of the backward (autograd/forward_state.ts), which has no gradients of these kernels.
  if (!is_grad_enabled() || currentLevel() >= 0 || nhwcOf(x) !== null) return false;
  const macs = outShape.reduce((a, v) => a * v, 1) * (weightShape[1] * weightShape[2] * weightShape[3]);
  if (nchwConvMaxMacs === "auto" || nchwConvMaxMacs === null) return nchwConvMeasured(macs, weightShape[1], get_num_threads());
  return macs <= nchwConvMaxMacs;
}

/** The measured rule (the default, TORCHLAB_NCHW_CONV_MACS=auto): a convolution of `macs` multiply-adds over `channels` input channels. */
export function nchwConvMeasured(macs: number, channels: number, threads: number): boolean {
  if (threads === 1) return macs <= NCHW_MACS_ONE_THREAD;
  return macs <= NCHW_MACS_THREADED || (channels <= FEW_CHANNELS && macs <= NCHW_MACS_FEW_CHANNELS);
}

/**
 * conv2d (groups 1) on the cpu backend: js_kernels.ts's NCHW kernels for the output and both
 * gradients, with no layout transposes.
 */
function convNchwKernels(x: Tensor, weight: Tensor, bias: Tensor | null, inputs: Tensor[], stride: Pair, padding: Pair, dilation: Pair, outHW: Pair): Tensor {
  const a = { stride, padding, dilation, out: outHW };
  const run = (name: string, ins: Record<string, tf.Tensor>, extra: Record<string, unknown> = {}): tf.Tensor =>
    tf.engine().runKernel(name, ins as tf.NamedTensorMap, { ...a, ...extra } as unknown as tf.NamedAttrMap) as tf.Tensor;
  const out = compute(() => run("TorchlabConv2d", bias ? { x: x._t, w: weight._t, bias: bias._t } : { x: x._t, w: weight._t }));
  return record("ConvolutionBackward0", inputs, out, (g) => {
    const grads: (tf.Tensor | null)[] = [null, null, null];
    if (x.requires_grad) grads[0] = run("TorchlabConv2dInputGrad", { dy: g, w: weight._t }, { inputShape: x.shape });
    const biasGrad = bias !== null && bias.requires_grad;
    if (weight.requires_grad) {
      // The bias gradient comes with the weight's, from the same call; not at a forward-AD level, whose
      // tangents come from tfjs's autodiff of this closure (autograd/forward_state.ts), which takes a
      // kernel of one output (the cpu backend's conv under forward AD runs here).
      const kernel = [weight.shape[2], weight.shape[3]];
      const together = biasGrad && currentLevel() < 0;
      const attrs = { ...a, kernel, bias: together } as unknown as tf.NamedAttrMap;
      const out = tf.engine().runKernel("TorchlabConv2dWeightGrad", { x: x._t, dy: g }, attrs) as tf.Tensor | tf.Tensor[];
      [grads[1], grads[2]] = Array.isArray(out) ? out : [out, null];
      if (biasGrad && !together) grads[2] = channelSum(g);
    } else if (biasGrad) grads[2] = channelSum(g);
    return grads.slice(0, inputs.length);
  });
}

// ------------------------------------------------------------------ conv_transpose2d

/**
 * 2-D transposed convolution (PyTorch's `F.conv_transpose2d`), the adjoint of conv2d. `weight` is
 * [in_channels, out_channels/groups, kH, kW]. Output size per dim:
 * (H - 1) * stride - 2 * padding + dilation * (kH - 1) + output_padding + 1.
 */
export function conv_transpose2d(input: Tensor, weight: Tensor, options: ConvTransposeOptions = {}): Tensor {
  const op = "conv_transpose2d";
  const { x, unbatched } = batched(op, input);
  if (!(weight instanceof Tensor)) throw new TypeError(`conv_transpose2d(): argument 'weight' (position 2) must be Tensor, not ${describeValue(weight)}`);
  const stride = pair(op, "stride", options.stride ?? 1);
  const padding = pair(op, "padding", options.padding ?? 0);
  const outPad = pair(op, "output_padding", options.output_padding ?? 0);
  const dilation = pair(op, "dilation", options.dilation ?? 1);
  const groups = checkGroups(options.groups ?? 1);
  const bias = options.bias ?? null;
  checkStride(stride);
  if (dilation[0] <= 0 || dilation[1] <= 0) {
    throw new RuntimeError(`dilation should be greater than zero, but got dilation_height: ${dilation[0]}, dilation_width: ${dilation[1]}`);
  }
  if (padding[0] < 0 || padding[1] < 0) throw new RuntimeError("negative padding is not supported");
  if (outPad[0] < 0 || outPad[1] < 0) throw new RuntimeError("negative output_padding is not supported");
  if (weight.dim() !== 4) {
    throw new ShapeError(`Expected 4-dimensional weight for 4-dimensional input ${fmtShape(x.shape)}, but got ${weight.dim()}-dimensional weight of size ${fmtShape(weight.shape)} instead`, "4-D", weight.shape);
  }
  for (let i = 0; i < 2; i++) {
    if (outPad[i] >= stride[i] && outPad[i] >= dilation[i]) {
      throw new RuntimeError(
        `output padding must be smaller than either stride or dilation, but got output_padding_height: ${outPad[0]} output_padding_width: ${outPad[1]} stride_height: ${stride[0]} stride_width: ${stride[1]} dilation_height: ${dilation[0]} dilation_width: ${dilation[1]}`,
      );
    }
  }
  const [cin, og, kh, kw] = weight.shape;
  const [n, c, h, w] = x.shape;
  checkWeightGroups(weight, groups);
  if (c !== cin) {
    throw new ShapeError(
      `Given transposed=1, weight of size ${fmtShape(weight.shape)}, expected input${fmtShape(x.shape)} to have ${cin} channels, but got ${c} channels instead`,
      [n, cin, h, w],
      x.shape,
    );
  }
  const o = og * groups;
  if (bias !== null) {
    if (!(bias instanceof Tensor)) throw new TypeError(`conv_transpose2d(): argument 'bias' must be Tensor or None, not ${describeValue(bias)}`);
    if (bias.dim() !== 1 || bias.shape[0] !== o) {
      throw new ShapeError(`Given transposed=1, weight of size ${fmtShape(weight.shape)}, expected bias to be 1-dimensional with ${o} elements, but got bias of size ${fmtShape(bias.shape)} instead`, [o], bias.shape);
    }
  }
  checkDtypes(op, x, weight, bias);
  // The full (uncropped) output of the adjoint, then `padding` is cropped from each side.
  const hf = (h - 1) * stride[0] + dilation[0] * (kh - 1) + 1 + outPad[0];
  const wf = (w - 1) * stride[1] + dilation[1] * (kw - 1) + 1 + outPad[1];
  const ho = hf - 2 * padding[0];
  const wo = wf - 2 * padding[1];
  if (ho <= 0 || wo <= 0) {
    throw new ShapeError(
      `Given input size per channel: (${h} x ${w}). Calculated output size per channel: (${ho} x ${wo}). Output size is too small`,
      "positive output size",
      [ho, wo],
    );
  }
  const inputs = bias ? [x, weight, bias] : [x, weight];
  if (n === 0) return emptyBatch("ConvolutionBackward0", inputs, [0, o, ho, wo]);
  // conv_transpose2d(x, W) is the input gradient of conv2d(., W) with W read as [out=Cin, in=Og].
  const out = compute(() => {
    let y = convCoreInputGrad(toNHWC(x._t), weight._t as tf.Tensor4D, [hf, wf], stride, dilation, groups, { top: padding[0], left: padding[1], h: ho, w: wo });
    if (bias) y = tf.add(y, bias._t) as tf.Tensor4D;
    return toNCHW(y);
  });
  const res = record("ConvolutionBackward0", inputs, out, (g) => {
    const gp = tf.pad(toNHWC(g), [[0, 0], [padding[0], padding[0]], [padding[1], padding[1]], [0, 0]]) as tf.Tensor4D;
    const grads: (tf.Tensor | null)[] = [null, null, null];
    if (x.requires_grad) {
      const y = convCore(gp, weight._t as tf.Tensor4D, stride, dilation, groups);
      grads[0] = toNCHW(sliceTf(y, [0, 0, 0, 0], [n, h, w, c]));
    }
    if (weight.requires_grad) grads[1] = convCoreWeightGrad(gp, toNHWC(x._t), weight.shape, stride, dilation, groups);
    if (bias && bias.requires_grad) grads[2] = channelSum(g);
    return grads.slice(0, inputs.length);
  });
  return unbatched ? res.squeeze(0) : res;
}

// ------------------------------------------------------------------ inference chains kept NHWC

/** One layer of an inference chain run in tfjs's NHWC layout (see nhwcInference). */
export type NhwcStep =
  | { kind: "conv"; weight: Tensor; bias: Tensor | null; stride: Pair; padding: [number, number, number, number]; dilation: Pair }
  | { kind: "relu" }
  | { kind: "maxpool"; kernel: Pair; stride: Pair; padding: Pair }
  | { kind: "batchnorm"; mean: Tensor; variance: Tensor; weight: Tensor | null; bias: Tensor | null; eps: number }
  | { kind: "linear"; weight: Tensor; bias: Tensor | null };

const flatLinearCache = new Map<tf.Tensor, { chw: string; w: tf.Tensor2D }>();

/**
 * A Linear weight [out, C*H*W] that reads a flattened NCHW map, as the [H*W*C, out] matrix that reads
 * the flattened NHWC map instead (so neither the activations nor the weight move per call). Kept,
 * like hwioFilter's copies, for as long as the weight's values are, for parameters only.
 */
function flatLinearWeight(w: Tensor, c: number, h: number, wd: number): tf.Tensor2D {
  const make = (): tf.Tensor2D => tf.reshape(permute(tf.reshape(w._t, [w.shape[0], c, h, wd]), [2, 3, 1, 0]), [h * wd * c, w.shape[0]]) as tf.Tensor2D;
  if (!(w.requires_grad && w.is_leaf)) return make();
  const chw = `${c}x${h}x${wd}`;
  for (const [k, v] of [...flatLinearCache]) {
    if (k.isDisposed || k === w._t) {
      if (k === w._t && !v.w.isDisposed && v.chw === chw) return v.w;
      v.w.dispose();
      flatLinearCache.delete(k);
    }
  }
  const made = tf.keep(make());
  flatLinearCache.set(w._t, { chw, w: made });
  return made;
}

/**
 * Whether nhwcInference runs on this backend: wasm, whose kernels are NHWC-only, so that a chain of
 * layers run one by one pays two layout transposes per convolution (the tutorial Net's inference:
 * 13.5 of 50 ms CPU). The cpu backend has NCHW kernels of its own; native backends were not measured.
 */
export function nhwcInferencePays(): boolean {
  return tf.getBackend() === "wasm";
}

const FLT_MAX = 3.4028234663852886e38;

/**
 * A bound on |conv(x)| from one on |x|: per output channel the sum of |weight| times it, plus |bias|.
 * Any order of float32 accumulation stays within it (up to rounding), so a bound well below FLT_MAX
 * proves the output finite: no inf, hence no NaN. NaN (unproven) when any input to it is NaN or inf.
 */
function convBound(bound: number, weight: Tensor, bias: Tensor | null): number {
  if (!(bound < FLT_MAX)) return NaN;
  const { sums, biasAbs } = convAbsSums(weight, bias);
  let out = 0;
  for (let k = 0; k < sums.length; k++) {
    const v = bound * sums[k] + (biasAbs === null ? 0 : biasAbs[k]);
    if (!(v < FLT_MAX)) return NaN;
    if (v > out) out = v;
  }
  return out < FLT_MAX ? out : NaN;
}

/** convBound's per-channel sums of |weight| and the |bias| values, with the buffers and versions they were read from. */
interface AbsSums {
  weight: tf.Tensor;
  weightVersion: number;
  bias: tf.Tensor | null;
  biasVersion: number;
  sums: Float64Array;
  biasAbs: Float64Array | null;
}

const absSumsCache = new WeakMap<Tensor, AbsSums>();

/**
 * Per output channel the sum of |weight| (in double, in the weight's order) and |bias|, kept per
 * weight while its buffer, its bias's buffer and their versions stay (tfjs buffers are immutable: an
 * optimizer step or an in-place write gives a new one), since reading and summing the weights on
 * every call cost each eval forward ~0.2 ms of JavaScript for the tutorial Net's two convolutions.
 */
function convAbsSums(weight: Tensor, bias: Tensor | null): AbsSums {
  const wt = weight._t;
  const bt = bias === null ? null : bias._t;
  const hit = absSumsCache.get(weight);
  if (hit !== undefined && hit.weight === wt && hit.weightVersion === weight._s.version && hit.bias === bt && (bias === null || hit.biasVersion === bias._s.version)) return hit;
  const w = wt.dataSync();
  const o = weight.shape[0];
  const per = w.length / o;
  const sums = new Float64Array(o);
  for (let k = 0; k < o; k++) {
    let s = 0;
    for (let j = k * per; j < (k + 1) * per; j++) s += Math.abs(w[j]);
    sums[k] = s;
  }
  const biasAbs = bt === null ? null : Float64Array.from(bt.dataSync(), Math.abs);
  const made = { weight: wt, weightVersion: weight._s.version, bias: bt, biasVersion: bias === null ? 0 : bias._s.version, sums, biasAbs };
  absSumsCache.set(weight, made);
  return made;
}

/** The bound after batch norm's (x - center) * scale + shift (or NaN, as convBound). */
function affineBound(bound: number, v: Record<"center" | "scale" | "shift", Float32Array>): number {
  let out = 0;
  for (let ch = 0; ch < v.scale.length; ch++) {
    const b = Math.abs(v.scale[ch]) * (bound + Math.abs(v.center[ch])) + Math.abs(v.shift[ch]);
    if (!(b < FLT_MAX)) return NaN;
    if (b > out) out = b;
  }
  return out < FLT_MAX ? out : NaN;
}

/** max |v| over `vs`, NaN when one is NaN (a JS loop: tfjs-wasm's Abs alone cost ~1 ms on the Net's input). */
function maxAbs(vs: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < vs.length; i++) {
    const a = Math.abs(vs[i]);
    if (a !== a) return NaN;
    if (a > m) m = a;
  }
  return m;
}

/**
 * `t`'s values, as a view of the backend's memory where it hands one out (wasm's heap: the tutorial
 * Net's input batch is 200 KB that dataSync would copy per forward), else a copy. Read it before the
 * next kernel runs: an allocation may grow the heap and detach the view.
 */
function valuesView(t: tf.Tensor): ArrayLike<number> {
  const b = tf.backend() as unknown as { typedArrayFromHeap?: (info: tf.TensorInfo) => ArrayLike<number> };
  return typeof b.typedArrayFromHeap === "function" ? b.typedArrayFromHeap(t) : t.dataSync();
}

/** Kernel 2, stride 2, no padding: the windows TorchlabMaxPool2x2Nhwc pools. */
const pool2x2 = (st: { kernel: Pair; stride: Pair; padding: Pair }): boolean =>
  st.kernel[0] === 2 && st.kernel[1] === 2 && st.stride[0] === 2 && st.stride[1] === 2 && st.padding[0] === 0 && st.padding[1] === 0;

const vectors = (v: Record<"center" | "scale" | "shift", Float32Array>): Record<"center" | "scale" | "shift", tf.Tensor1D> => ({
  center: tf.tensor1d(v.center),
  scale: tf.tensor1d(v.scale),
  shift: tf.tensor1d(v.shift),
});

/**
 * Runs `steps` (inference only: no graph is recorded) over the NCHW input `x` with the activations
 * kept NHWC from the first layer to the last: one transpose in and one out, a convolution's bias and
 * a following ReLU fused into it, batch norm as one kernel, max pooling as torchlab's SIMD NHWC
 * MaxPool2d(2) (channels in fours) or XNNPACK's NHWC pooling, and
 * a final Flatten + Linear reading the NHWC map with a permuted weight. Returns an NCHW tensor that
 * keeps the NHWC order (ops/layout.ts) (or the Linear's [N, out]); null when a max pool's input holds NaN (XNNPACK's max drops NaN, PyTorch propagates it),
 * so that the caller runs the layers one by one. The caller checks the layers' shapes and arguments.
 */
export function nhwcInference(x: Tensor, steps: NhwcStep[]): Tensor | null {
  let nan = false;
  let nhwcOut = false;
  const out = compute(() => {
    let y = nhwcOf(x) ?? toNHWC(x._t);
    // A bound on |activation| carried through the layers (NaN when unknown), for the max pools.
    // (and for a convolution's fused ReLU).
    const fusible = steps.some((s, i) => s.kind === "conv" && steps[i + 1]?.kind === "relu");
    let bound = fusible || steps.some((s) => s.kind === "maxpool") ? maxAbs(valuesView(y)) : NaN;
    for (let i = 0; i < steps.length; i++) {
      const st = steps[i];
      if (st.kind === "conv") {
        // XNNPACK's fused ReLU (its output clamp) turns NaN into 0: fused only where the output is provably finite.
        const next = convBound(bound, st.weight, st.bias);
        const fuseRelu = steps[i + 1]?.kind === "relu" && next < FLT_MAX / 2;
        const f = st.weight.requires_grad && st.weight.is_leaf ? hwioFilter(st.weight) : (permute(st.weight._t, [2, 3, 1, 0]) as tf.Tensor4D);
        const [t, b, l, r] = st.padding;
        const pad = [[0, 0], [t, b], [l, r], [0, 0]] as tf.backend_util.ExplicitPadding;
        if (st.weight.numel() === 1) {
          // One channel to one, 1x1: a multiply, as conv2d runs it (channelScale).
          if (t + b + l + r > 0) y = tf.pad(y, pad) as tf.Tensor4D;
          y = channelScale(y, st.weight._t, st.bias ? st.bias._t : null, st.stride);
          bound = next;
          continue;
        }
        y = tf.fused.conv2d({ x: y, filter: f, strides: st.stride, pad, dataFormat: "NHWC", dilations: st.dilation, bias: st.bias ? st.bias._t : undefined, activation: fuseRelu ? "relu" : "linear" });
        if (fuseRelu) i++;
        bound = next;
      } else if (st.kind === "relu") {
        const bn = steps[i + 1];
        if (bn?.kind === "batchnorm" && hasJsKernel("TorchlabChannelAffineNhwc")) {
          // ReLU -> BatchNorm2d (after a max pool): one pass.
          const v = evalAffine(bn.mean, bn.variance, bn.weight, bn.bias, bn.eps);
          bound = affineBound(bound, v);
          y = tf.engine().runKernel("TorchlabChannelAffineNhwc", { x: y, ...vectors(v) }, { relu: true }) as tf.Tensor4D;
          i++;
        } else y = reluKeepingNaN(y);
      } else if (st.kind === "maxpool" && pool2x2(st) && y.shape[3] % 4 === 0 && hasJsKernel("TorchlabMaxPool2x2Nhwc")) {
        // MaxPool2d(2) as the training path's SIMD NHWC kernel without its indices (NaN propagates as
        // in PyTorch, so no look for one first): on the Net's [64,26,26,32] map ~1.1 ms CPU a forward
        // against XNNPACK's ~2.1 at 2 threads (0.47 against 0.62 at 1, with indices).
        const outs = tf.engine().runKernel("TorchlabMaxPool2x2Nhwc", { x: y }, { valuesOnly: true }) as tf.Tensor4D[];
        for (const t of outs.slice(1)) t.dispose();
        y = outs[0];
      } else if (st.kind === "maxpool") {
        // XNNPACK's max drops NaN: unless the values are provably finite, look for one first.
        if (!(bound < FLT_MAX / 2) && Number.isNaN(tf.max(y).dataSync()[0])) {
          nan = true;
          return tf.zeros([0]);
        }
        const [ph, pw] = st.padding;
        if (ph + pw > 0) y = tf.pad(y, [[0, 0], [ph, ph], [pw, pw], [0, 0]], -Infinity);
        y = tf.maxPool(y, st.kernel, st.stride, "valid");
      } else if (st.kind === "batchnorm" && hasJsKernel("TorchlabChannelAffineNhwc")) {
        const v = evalAffine(st.mean, st.variance, st.weight, st.bias, st.eps);
        bound = affineBound(bound, v);
        y = tf.engine().runKernel("TorchlabChannelAffineNhwc", { x: y, ...vectors(v) }) as tf.Tensor4D;
      } else if (st.kind === "batchnorm") {
        bound = affineBound(bound, evalAffine(st.mean, st.variance, st.weight, st.bias, st.eps));
        y = tf.batchNorm(y, st.mean._t as tf.Tensor1D, st.variance._t as tf.Tensor1D, st.bias ? (st.bias._t as tf.Tensor1D) : undefined, st.weight ? (st.weight._t as tf.Tensor1D) : undefined, st.eps);
      } else {
        const [n, h, w, c] = y.shape;
        const wt = flatLinearWeight(st.weight, c, h, w);
        return tf.fused.matMul({ a: tf.reshape(y, [n, h * w * c]) as tf.Tensor2D, b: wt, bias: st.bias ? st.bias._t : undefined });
      }
    }
    nhwcOut = true;
    return y;
  });
  if (nan) {
    out.dispose();
    return null;
  }
  return nhwcOut ? wrapNhwc(out as tf.Tensor4D, [x]) : constantOf([x], out);
}
