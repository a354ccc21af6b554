/**
 * 2-D pooling with PyTorch's shapes, errors and gradients: max_pool2d (padding with -inf, dilation,
 * ceil_mode, indices), avg_pool2d (count_include_pad, ceil_mode, divisor_override) and the adaptive
 * pools with PyTorch's bins start = floor(i * in / out), end = ceil((i + 1) * in / out).
 *
 * Windows are read as kH * kW strided slices of the padded NHWC input (no per-element JS loops). The
 * max-pool gradient goes to the first maximum of each window in row-major order, as PyTorch's does,
 * and a window's contribution is written back with a zero-stuffed, offset pad (the adjoint of the
 * strided slice).
 */
import { profiling, profiled } from "../profiler/hook";
import { anyTangent, currentLevel } from "../autograd/forward_state";
import { freeGraphOnly } from "../autograd/node";
import { reluMaskable, reluMaskedGrad } from "../autograd/backward";
import { tf, compute, record, constant, constantOf, fmtShape } from "./_core";
import { Tensor } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { IndexError, RuntimeError, ShapeError, TypeError } from "../errors";
import { toNHWC, toNCHW, convCore, convCoreInputGrad, subsample, emptyBatch } from "./conv";
import { nhwcActive, nhwcOf, layoutOf, wrapNhwc } from "./layout";
import { hasJsKernel } from "../backend/js_kernels";
import { is_grad_enabled } from "../autograd/grad_mode";
import { propagateSpatial } from "../tensor/memory_format";
import { asPyTuple } from "../pyrepr";

type Pair = [number, number];

function intPair(op: string, name: string, v: unknown, allowEmpty = false): Pair | null {
  if (v === undefined || v === null || (allowEmpty && Array.isArray(v) && v.length === 0)) return null;
  if (typeof v === "number" && Number.isInteger(v)) return [v, v];
  if (Array.isArray(v) && (v.length === 1 || v.length === 2) && v.every((e) => typeof e === "number" && Number.isInteger(e))) {
    return v.length === 1 ? [v[0], v[0]] : [v[0], v[1]];
  }
  throw new RuntimeError(`${op}: ${name} must either be a single int, or a tuple of two ints`);
}

function batched(op: string, input: Tensor, message: string): { x: Tensor; unbatched: boolean } {
  if (!(input instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' (position 1) must be Tensor, not ${typeof input}`);
  // An empty batch is allowed, empty channels or planes are not (PyTorch's check).
  if (input.dim() === 4 && input.shape.slice(1).every((v) => v > 0)) return { x: input, unbatched: false };
  if (input.dim() === 3 && input.numel() > 0) return { x: input.unsqueeze(0), unbatched: true };
  throw new ShapeError(message, "3D or 4D", input.shape);
}

function checkFloat(op: string, t: Tensor): void {
  if (t.dtype._tf !== "float32") throw new RuntimeError(`"${op}" not implemented for '${t.dtype._typeName}'`);
}

/** PyTorch's pooling_output_shape, including the ceil_mode rule that the last window starts inside. */
export function outputSize(size: number, k: number, pad: number, s: number, d: number, ceil: boolean): number {
  if (s === 0) throw new RuntimeError("stride should not be zero");
  if (pad < 0) throw new RuntimeError(`pad must be non-negative, but got pad: ${pad}`);
  if (pad > Math.floor(k / 2)) throw new RuntimeError(`pad should be at most half of kernel size, but got pad=${pad} and kernel_size=${k}`);
  let out = Math.floor((size + 2 * pad - d * (k - 1) - 1 + (ceil ? s - 1 : 0)) / s) + 1;
  if (ceil && (out - 1) * s >= size + pad) out--;
  return out;
}

interface Geometry {
  k: Pair;
  s: Pair;
  p: Pair;
  d: Pair;
  out: Pair;
  /** Extra bottom/right padding so that every (ceil_mode) window lies inside the padded input. */
  extra: Pair;
}

function geometry(x: Tensor, k: Pair, s: Pair, p: Pair, d: Pair, ceil: boolean): Geometry {
  const [, c, h, w] = x.shape;
  const ho = outputSize(h, k[0], p[0], s[0], d[0], ceil);
  const wo = outputSize(w, k[1], p[1], s[1], d[1], ceil);
  if (k[0] <= 0 || k[1] <= 0) throw new RuntimeError(`kernel size should be greater than zero, but got kH: ${k[0]} kW: ${k[1]}`);
  if (s[0] <= 0 || s[1] <= 0) throw new RuntimeError(`stride should be greater than zero, but got dH: ${s[0]} dW: ${s[1]}`);
  if (d[0] <= 0 || d[1] <= 0) throw new RuntimeError(`dilation should be greater than zero, but got dilationH: ${d[0]} dilationW: ${d[1]}`);
  if (ho < 1 || wo < 1) {
    throw new ShapeError(`Given input size: (${c}x${h}x${w}). Calculated output size: (${c}x${ho}x${wo}). Output size is too small`, "output >= 1", [ho, wo]);
  }
  const needH = (ho - 1) * s[0] + d[0] * (k[0] - 1) + 1;
  const needW = (wo - 1) * s[1] + d[1] * (k[1] - 1) + 1;
  return {
    k, s, p, d, out: [ho, wo],
    extra: [Math.max(0, needH - (h + 2 * p[0])), Math.max(0, needW - (w + 2 * p[1]))],
  };
}

function padSpec(g: Geometry): [number, number][] {
  return [[0, 0], [g.p[0], g.p[0] + g.extra[0]], [g.p[1], g.p[1] + g.extra[1]], [0, 0]];
}

/**
 * OIHW depthwise weight [C*K, 1, kH, kW] of one-hot kernels: output channel c*K + m of the depthwise
 * convolution reads element m (row-major) of channel c's window. Convolving with it extracts all
 * windows in one fast kernel; its adjoint (a transposed depthwise convolution) writes them back.
 */
function windowFilter(c: number, k: Pair): tf.Tensor4D {
  const kk = k[0] * k[1];
  return tf.tile(tf.reshape(tf.eye(kk), [kk, 1, k[0], k[1]]), [c, 1, 1, 1]) as tf.Tensor4D;
}

const FLT_MAX = 3.4028234663852886e38;

/** tf.oneHot, which refuses depth 1 (a 1x1 window, whose only element is always the max). */
function oneHot(indices: tf.Tensor, depth: number): tf.Tensor {
  return depth === 1 ? tf.ones([...indices.shape, 1]) : tf.oneHot(indices, depth);
}

/**
 * The first argmax (row-major within the window, as PyTorch scans) of each window, [N, Ho, Wo, C].
 * Windows are read by a one-hot convolution, which multiplies by 0 and 1, so infinities become the
 * largest finite floats and NaN the largest of all (PyTorch lets NaN win); padding is -FLT_MAX.
 */
function windowArgmax(xn: tf.Tensor4D, pads: [number, number][], g: Geometry): tf.Tensor4D {
  const [n, , , c] = xn.shape;
  const finite = tf.where(tf.isNaN(xn), tf.fill(xn.shape, FLT_MAX), tf.clipByValue(xn, -FLT_MAX, FLT_MAX));
  const xp = tf.pad(finite, pads, -FLT_MAX) as tf.Tensor4D;
  const win = convCore(xp, windowFilter(c, g.k), g.s, g.d, c);
  return tf.argMax(tf.reshape(win, [n, g.out[0], g.out[1], c, g.k[0] * g.k[1]]), 4) as tf.Tensor4D;
}

/** Adjoint of window extraction: `parts` [N, Ho, Wo, C, K] summed back into the padded input. */
function scatterWindows(parts: tf.Tensor, g: Geometry, padded: Pair, h: number, w: number): tf.Tensor4D {
  const [n, ho, wo, c, kk] = parts.shape;
  const flat = tf.reshape(parts, [n, ho, wo, c * kk]) as tf.Tensor4D;
  return convCoreInputGrad(flat, windowFilter(c, g.k), padded, g.s, g.d, c, { top: g.p[0], left: g.p[1], h, w });
}


// ------------------------------------------------------------------ max_pool2d

export interface MaxPoolOptions {
  stride?: number | number[] | null;
  padding?: number | number[];
  dilation?: number | number[];
  ceil_mode?: boolean;
  return_indices?: boolean;
}

/**
 * Max pooling over an NCHW (or unbatched CHW) input, PyTorch's `F.max_pool2d`. With `return_indices`
 * it returns `[values, indices]`, the indices flat over each input plane (h * W + w), as PyTorch's.
 */
export function max_pool2d(input: Tensor, kernel_size: number | number[], options: MaxPoolOptions & { return_indices: true }): [Tensor, Tensor];
export function max_pool2d(input: Tensor, kernel_size: number | number[], options?: MaxPoolOptions): Tensor;
export function max_pool2d(input: Tensor, kernel_size: number | number[], options: MaxPoolOptions = {}): Tensor | [Tensor, Tensor] {
  if (profiling.active !== null) {
    const name = options.return_indices === true ? "aten::max_pool2d_with_indices" : "aten::max_pool2d";
    return profiled(name, [input, 0, 0, 0, 0, 0], () => keepLayout(maxPool2dOp(input, kernel_size, options), input));
  }
  return keepLayout(maxPool2dOp(input, kernel_size, options), input);
}

/** A pooling's output (and indices) are channels last when its input is, as PyTorch's channels-last CPU kernels make them. */
function keepLayout<T extends Tensor | [Tensor, Tensor]>(r: T, input: Tensor): T {
  if (r instanceof Tensor) propagateSpatial(r, input);
  else for (const t of r) propagateSpatial(t, input);
  // (values, indices) is a tuple in PyTorch and prints as one.
  return r instanceof Tensor ? r : (asPyTuple(r as [Tensor, Tensor]) as T);
}

function maxPool2dOp(input: Tensor, kernel_size: number | number[], options: MaxPoolOptions): Tensor | [Tensor, Tensor] {
  const op = "max_pool2d";
  const k = intPair(op, "kernel_size", kernel_size) as Pair;
  const s = intPair(op, "stride", options.stride, true) ?? k;
  const p = intPair(op, "padding", options.padding ?? 0) as Pair;
  const d = intPair(op, "dilation", options.dilation ?? 1) as Pair;
  const { x, unbatched } = batched(op, input, "non-empty 3D or 4D (batch mode) tensor expected for input");
  checkFloat(op, x);
  const g = geometry(x, k, s, p, d, options.ceil_mode ?? false);
  const [, , h, w] = x.shape;
  const pads = padSpec(g);
  const padded: Pair = [h + pads[1][0] + pads[1][1], w + pads[2][0] + pads[2][1]];
  const kk = k[0] * k[1];
  if (x.shape[0] === 0) {
    const e = emptyBatch("MaxPool2DWithIndicesBackward0", [x], [0, x.shape[1], g.out[0], g.out[1]]);
    if (!options.return_indices) return e;
    return [e, constant(compute(() => tf.zeros(e.shape, "int32")))];
  }
  if (!options.return_indices && !unbatched && g.d[0] === 1 && g.d[1] === 1 && nhwcActive() && layoutOf(x)?.kind === "nhwc") {
    const y = maxPoolNhwc(x, pads, g);
    if (y !== null) return y;
  }
  if (!options.return_indices && !(is_grad_enabled() && x.requires_grad) && !anyTangent([x]) && g.d[0] === 1 && g.d[1] === 1 && tf.getBackend() === "wasm") {
    const y = maxPoolValues(x, pads, g);
    if (y !== null) return unbatched ? y.squeeze(0) : y;
  }
  if (hasJsKernel("TorchlabMaxPool2d")) return maxPoolKernel(x, g, unbatched, options.return_indices ?? false);
  const argmaxOf = (): tf.Tensor4D => windowArgmax(toNHWC(x._t), pads, g);
  const pool = (t: tf.Tensor4D): tf.Tensor4D => {
    if (g.d[0] === 1 && g.d[1] === 1) return tf.maxPool(t, g.k, g.s, "valid");
    // tf.pool dilates through space-to-batch; it refuses stride and dilation both > 1.
    const strided = g.s[0] > 1 || g.s[1] > 1;
    const y = tf.pool(t, g.k, "max", "valid", g.d, strided ? [1, 1] : g.s) as tf.Tensor4D;
    return strided ? subsample(y, g.s, g.out) : y;
  };
  const out = compute(() => {
    const xn = toNHWC(x._t) as tf.Tensor4D;
    const y = pool(tf.pad(xn, pads, -Infinity) as tf.Tensor4D);
    // PyTorch propagates NaN through max pooling; the backend's max may drop it. Pool a NaN mask too.
    const nan = pool(tf.pad(tf.cast(tf.isNaN(xn), "float32"), pads) as tf.Tensor4D);
    return toNCHW(tf.where(tf.greater(nan, 0), tf.fill(y.shape, NaN), y));
  });
  const res = record("MaxPool2DWithIndicesBackward0", [x], out, (grad) => {
    const hot = oneHot(argmaxOf(), kk);
    const routed = tf.mul(hot, tf.expandDims(toNHWC(grad), 4));
    return [toNCHW(scatterWindows(routed, g, padded, h, w))];
  });
  let values = res;
  let indices: Tensor | null = null;
  if (options.return_indices) {
    indices = constant(
      compute(() => {
        const am = tf.cast(argmaxOf(), "int32");
        const kh = tf.floorDiv(am, tf.scalar(k[1], "int32"));
        const kw = tf.sub(am, tf.mul(kh, tf.scalar(k[1], "int32")));
        const rows = tf.reshape(tf.range(0, g.out[0], 1, "int32"), [1, g.out[0], 1, 1]);
        const cols = tf.reshape(tf.range(0, g.out[1], 1, "int32"), [1, 1, g.out[1], 1]);
        const ih = tf.add(tf.sub(tf.mul(rows, s[0]), p[0]), tf.mul(kh, d[0]));
        const iw = tf.add(tf.sub(tf.mul(cols, s[1]), p[1]), tf.mul(kw, d[1]));
        return tf.cast(toNCHW(tf.add(tf.mul(ih, w), iw)), "int32");
      }),
    );
  }
  if (unbatched) {
    values = values.squeeze(0);
    if (indices) indices = indices.squeeze(0);
  }
  return indices ? [values, indices] : values;
}

/**
 * Values only (inference: no indices, no gradient), on wasm: each NCHW plane is a one-channel NHWC
 * image, so XNNPACK's max pooling reads the planes in place, 2.5x faster than the JS kernel (the
 * tutorial Net's [64,32,26,26] pool, 3.4 + 1.3 (the NaN check) vs 8-9 ms CPU), with no layout
 * transposes. XNNPACK's max drops NaN, which PyTorch propagates: an input holding NaN returns null,
 * for the exact kernel. (A window holding both +0 and -0 may return either: they compare equal.)
 */
function maxPoolValues(x: Tensor, pads: [number, number][], g: Geometry): Tensor | null {
  const [n, c, h, w] = x.shape;
  const planesOf = (): tf.Tensor4D => tf.reshape(x._t, [n * c, h, w, 1]);
  // wasm's Max reduction propagates NaN (test/ops/conv_pool_fast_paths.test.ts checks it): one pass,
  // half the cost of IsNan + Any.
  const peak = tf.tidy(() => tf.max(planesOf()).dataSync()[0]);
  if (Number.isNaN(peak)) return null;
  return constantOf(
    [x],
    compute(() => {
      // Padded as NCHW rows: wasm pads a [N*C, H, W, 1] image element by element (resnet18's stem
      // pool: 26 ms against 0.8 ms).
      const [, [t, b], [l, r]] = pads;
      const planes = t + b + l + r === 0 ? planesOf() : tf.reshape(tf.pad(x._t, [[0, 0], [0, 0], [t, b], [l, r]], -Infinity), [n * c, h + t + b, w + l + r, 1]);
      return tf.reshape(tf.maxPool(planes as tf.Tensor4D, g.k, g.s, "valid"), [n, c, g.out[0], g.out[1]]);
    }),
  );
}

/**
 * maxPoolValues for an input whose buffer is NHWC (ops/layout.ts): XNNPACK's NHWC pooling straight on
 * it, the result kept NHWC. Null when the input holds NaN (see maxPoolValues).
 */
function maxPoolNhwc(x: Tensor, pads: [number, number][], g: Geometry): Tensor | null {
  const peak = tf.tidy(() => tf.max(nhwcOf(x)!).dataSync()[0]);
  if (Number.isNaN(peak)) return null;
  return wrapNhwc(
    compute(() => {
      const xn = nhwcOf(x)!;
      const padded = pads.some(([a, b]) => a + b > 0) ? (tf.pad(xn, pads, -Infinity) as tf.Tensor4D) : xn;
      return tf.maxPool(padded, g.k, g.s, "valid");
    }),
    [x],
  );
}

/**
 * max_pool2d on the wasm and cpu backends: one JS pass computes the values and PyTorch's indices
 * (ATen's own loop, so ties, NaN and -inf windows pick the same element as PyTorch), and the gradient
 * is a scatter-add through those indices. The kernels read NCHW planes, so no layout transposes.
 */
function maxPoolKernel(x: Tensor, g: Geometry, unbatched: boolean, withIndices: boolean): Tensor | [Tensor, Tensor] {
  const attrs = { kernel: g.k, stride: g.s, padding: g.p, dilation: g.d, out: g.out } as unknown as tf.NamedAttrMap;
  const [v, i] = tf.engine().runKernel("TorchlabMaxPool2d", { x: x._t }, attrs) as tf.Tensor[];
  const indices = constant(i);
  const inputHW = [x.shape[2], x.shape[3]] as unknown as tf.NamedAttrMap[string];
  let values = record("MaxPool2DWithIndicesBackward0", [x], v, (grad) => {
    // Over a ReLU's result, the ReLU's threshold backward in the same call (x's values are that result).
    if (grad.dtype === "float32" && x._t.dtype === "float32" && reluMaskable(x)) {
      return [reluMaskedGrad(tf.engine().runKernel("TorchlabMaxPool2dGrad", { dy: grad, indices: indices._t, y: x._t }, { inputHW }) as tf.Tensor)];
    }
    return [tf.engine().runKernel("TorchlabMaxPool2dGrad", { dy: grad, indices: indices._t }, { inputHW }) as tf.Tensor];
  });
  if (!withIndices && currentLevel() < 0) {
    // Without return_indices the indices are the backward's own: freed with the graph (or now).
    values._gradFnRaw()?.holdSaved(indices);
    freeGraphOnly(indices);
  }
  let idx = indices;
  if (unbatched) {
    values = values.squeeze(0);
    idx = idx.squeeze(0);
  }
  return withIndices ? [values, idx] : values;
}

// ------------------------------------------------------------------ avg_pool2d

export interface AvgPoolOptions {
  stride?: number | number[] | null;
  padding?: number | number[];
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
}

/** The divisor of each output position, PyTorch's rule (pool size clipped to the padded input). */
function avgDivisors(g: Geometry, h: number, w: number, include: boolean, override: number | null): Float32Array {
  const [ho, wo] = g.out;
  const out = new Float32Array(ho * wo);
  for (let i = 0; i < ho; i++) {
    let hs = i * g.s[0] - g.p[0];
    let he = Math.min(hs + g.k[0], h + g.p[0]);
    const ph = he - hs;
    hs = Math.max(hs, 0);
    he = Math.min(he, h);
    for (let j = 0; j < wo; j++) {
      let ws = j * g.s[1] - g.p[1];
      let we = Math.min(ws + g.k[1], w + g.p[1]);
      const pw = we - ws;
      ws = Math.max(ws, 0);
      we = Math.min(we, w);
      out[i * wo + j] = override !== null ? override : include ? ph * pw : (he - hs) * (we - ws);
    }
  }
  return out;
}

/** Average pooling, PyTorch's `F.avg_pool2d`. */
export function avg_pool2d(input: Tensor, kernel_size: number | number[], options: AvgPoolOptions = {}): Tensor {
  return keepLayout(avgPool(input, kernel_size, options, "AvgPool2DBackward0"), input);
}

function avgPool(input: Tensor, kernel_size: number | number[], options: AvgPoolOptions, name: string): Tensor {
  const op = "avg_pool2d";
  const k = intPair(op, "kernel_size", kernel_size) as Pair;
  const s = intPair(op, "stride", options.stride, true) ?? k;
  const p = intPair(op, "padding", options.padding ?? 0) as Pair;
  const override = options.divisor_override ?? null;
  if (!(input instanceof Tensor)) throw new TypeError(`avg_pool2d(): argument 'input' (position 1) must be Tensor`);
  if (input.dim() < 3) {
    const m = Math.max(input.dim(), 1);
    throw new IndexError(`Dimension out of range (expected to be in range of [${-m}, ${m - 1}], but got -3)`);
  }
  if (s[0] === 0 || s[1] === 0) throw new RuntimeError("stride should not be zero");
  if (override !== null && override === 0) throw new RuntimeError("divisor must be not zero");
  const { x, unbatched } = batched(op, input, "non-empty 3D or 4D (batch mode) tensor expected for input");
  // PyTorch pools a Long tensor too: the window's integer sum divided by the divisor, truncated toward zero.
  if (x.dtype === D.int64) return avgPoolLong(x, unbatched, k, options, name);
  checkFloat(op, x);
  const g = geometry(x, k, s, p, [1, 1], options.ceil_mode ?? false);
  const [, , h, w] = x.shape;
  const pads = padSpec(g);
  const padded: Pair = [h + pads[1][0] + pads[1][1], w + pads[2][0] + pads[2][1]];
  if (x.shape[0] === 0) return emptyBatch(name, [x], [0, x.shape[1], g.out[0], g.out[1]]);
  const div = avgDivisors(g, h, w, options.count_include_pad ?? true, override);
  const kk = k[0] * k[1];
  const divT = Tensor._wrap(compute(() => tf.tensor4d(div, [1, g.out[0], g.out[1], 1])));
  const nhwc = (): tf.Tensor4D => {
    const xn = nhwcOf(x) ?? toNHWC(x._t);
    const xp = pads.some(([a, b]) => a + b > 0) ? (tf.pad(xn, pads) as tf.Tensor4D) : xn;
    // avgPool divides by kH*kW; scaling back gives the window sum, then PyTorch's divisor applies.
    const mean = tf.avgPool(xp, g.k, g.s, "valid");
    return tf.div(tf.mul(mean, kk), divT._t) as tf.Tensor4D;
  };
  // Under no_grad on wasm the result keeps NHWC order (ops/layout.ts).
  if (!unbatched && nhwcActive()) return wrapNhwc(compute(nhwc), [x]);
  const out = compute(() => toNCHW(nhwc()));
  const res = record(name, [x], out, (grad) => {
    const gd = tf.div(toNHWC(grad), divT._t) as tf.Tensor4D;
    // The adjoint of a window sum: a transposed depthwise convolution with an all-ones kernel.
    const ones = tf.ones([gd.shape[3], 1, k[0], k[1]]) as tf.Tensor4D;
    return [toNCHW(convCoreInputGrad(gd, ones, padded, g.s, [1, 1], gd.shape[3], { top: g.p[0], left: g.p[1], h, w }))];
  });
  return unbatched ? res.squeeze(0) : res;
}

function avgPoolLong(x: Tensor, unbatched: boolean, k: Pair, options: AvgPoolOptions, name: string): Tensor {
  // Window sums in float32 are exact integers up to 2**24; rounding removes avgPool's scaling error.
  const sums = avgPool(x.float(), k, { ...options, divisor_override: 1 }, name).round();
  const g = geometry(x, k, intPair("avg_pool2d", "stride", options.stride, true) ?? k, intPair("avg_pool2d", "padding", options.padding ?? 0) as Pair, [1, 1], options.ceil_mode ?? false);
  const div = avgDivisors(g, x.shape[2], x.shape[3], options.count_include_pad ?? true, options.divisor_override ?? null);
  const divT = Tensor._wrap(compute(() => tf.tensor4d(div, [1, 1, g.out[0], g.out[1]])));
  const out = sums.div(divT, { rounding_mode: "trunc" }).long();
  return unbatched ? out.squeeze(0) : out;
}

// ------------------------------------------------------------------ adaptive pools

type OutputSize = number | null | (number | null)[];

function adaptiveSize(op: string, output_size: OutputSize, h: number, w: number): Pair {
  let o: (number | null)[];
  if (output_size === null || typeof output_size === "number") o = [output_size, output_size];
  else if (Array.isArray(output_size)) o = output_size.length === 1 ? [output_size[0], output_size[0]] : output_size;
  else throw new TypeError(`${op}(): output_size must be an int or a tuple of two ints (None keeps the input size)`);
  if (o.length !== 2) throw new RuntimeError(`${op}: output_size must be 2`);
  const r: Pair = [o[0] ?? h, o[1] ?? w];
  if (!r.every((v) => Number.isInteger(v))) throw new TypeError(`${op}(): output_size must hold integers, got [${o.join(", ")}]`);
  if (r[0] < 0 || r[1] < 0) throw new RuntimeError(`${op}: elements of output_size must be greater than or equal to 0 but received {${r.join(", ")}}`);
  return r;
}

/** Bin edges along one axis: start = floor(i * in / out), end = ceil((i + 1) * in / out). */
function bins(inSize: number, outSize: number): { start: number[]; len: number[] } {
  const start: number[] = [];
  const len: number[] = [];
  for (let i = 0; i < outSize; i++) {
    const s = Math.floor((i * inSize) / outSize);
    const e = Math.ceil(((i + 1) * inSize) / outSize);
    start.push(s);
    len.push(e - s);
  }
  return { start, len };
}

/** [out, in] averaging matrix: row i holds 1/len over its bin. */
function averagingMatrix(inSize: number, outSize: number): Float32Array {
  const { start, len } = bins(inSize, outSize);
  const m = new Float32Array(outSize * inSize);
  for (let i = 0; i < outSize; i++) for (let j = 0; j < len[i]; j++) m[i * inSize + start[i] + j] = 1 / len[i];
  return m;
}

function adaptiveInput(op: string, input: Tensor, output_size: OutputSize, msg: (s: number[]) => string): { x: Tensor; unbatched: boolean; out: Pair } {
  if (!(input instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' (position 1) must be Tensor`);
  if (input.dim() !== 3 && input.dim() !== 4) throw new ShapeError(msg(input.shape), "3D or 4D", input.shape);
  checkFloat(op, input);
  const x = input.dim() === 3 ? input.unsqueeze(0) : input;
  return { x, unbatched: input.dim() === 3, out: adaptiveSize(op, output_size, x.shape[2], x.shape[3]) };
}

/**
 * Adaptive average pooling to `output_size` (an int, a pair, or a pair with null to keep that size),
 * PyTorch's `F.adaptive_avg_pool2d`. Computed as A_h · x · A_wᵀ with bin-averaging matrices, which is
 * exact for any in/out ratio and whose gradient is the transposed product.
 */
export function adaptive_avg_pool2d(input: Tensor, output_size: OutputSize): Tensor {
  return keepLayout(adaptiveAvgPool2dOp(input, output_size), input);
}

function adaptiveAvgPool2dOp(input: Tensor, output_size: OutputSize): Tensor {
  const op = "adaptive_avg_pool2d";
  const { x, unbatched, out: o } = adaptiveInput(op, input, output_size, (s) => `adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got ${fmtShape(s)}`);
  const [n, c, h, w] = x.shape;
  if (o[0] > 0 && o[1] > 0 && h % o[0] === 0 && w % o[1] === 0) {
    // PyTorch takes a mean for a 1x1 output, and names the gradient after it.
    const res = avgPool(x, [h / o[0], w / o[1]], {}, o[0] === 1 && o[1] === 1 ? "MeanBackward1" : "AdaptiveAvgPool2DBackward0");
    return unbatched ? res.squeeze(0) : res;
  }
  const ah = Tensor._wrap(compute(() => tf.tensor2d(averagingMatrix(h, o[0]), [o[0], h])));
  const aw = Tensor._wrap(compute(() => tf.tensor2d(averagingMatrix(w, o[1]), [o[1], w])));
  const apply = (t: tf.Tensor, mh: tf.Tensor, mw: tf.Tensor, rows: number, cols: number, outR: number, outC: number): tf.Tensor => {
    // [N*C*rows, cols] · mwᵀ -> [N*C, rows, outC]; then mh · (each plane) via a transpose.
    const a = tf.matMul(tf.reshape(t, [-1, cols]), mw, false, true);
    const b = tf.transpose(tf.reshape(a, [n * c, rows, outC]), [0, 2, 1]);
    const e = tf.matMul(tf.reshape(b, [-1, rows]), mh, false, true);
    return tf.transpose(tf.reshape(e, [n, c, outC, outR]), [0, 1, 3, 2]);
  };
  const out = compute(() => apply(x._t, ah._t, aw._t, h, w, o[0], o[1]));
  const res = record("AdaptiveAvgPool2DBackward0", [x], out, (g) => [
    compute(() => apply(g, tf.transpose(ah._t), tf.transpose(aw._t), o[0], o[1], h, w)),
  ]);
  return unbatched ? res.squeeze(0) : res;
}

/** [idx.length, size] one-hot rows: the matrix of a gather, whose transpose is the gather's adjoint. */
function selectionMatrix(idx: number[], size: number): Float32Array {
  const m = new Float32Array(idx.length * size);
  idx.forEach((v, i) => (m[i * size + v] = 1));
  return m;
}

/**
 * Adaptive max pooling, PyTorch's `F.adaptive_max_pool2d`; `return_indices` adds the flat argmax
 * (h * W + w) of each bin. Bins of different lengths are read as fixed-size windows whose surplus
 * positions repeat the bin's last row/column, which leaves the first maximum unchanged.
 */
export function adaptive_max_pool2d(input: Tensor, output_size: OutputSize, options: { return_indices: true }): [Tensor, Tensor];
export function adaptive_max_pool2d(input: Tensor, output_size: OutputSize, options?: { return_indices?: boolean }): Tensor;
export function adaptive_max_pool2d(input: Tensor, output_size: OutputSize, options: { return_indices?: boolean } = {}): Tensor | [Tensor, Tensor] {
  return keepLayout(adaptiveMaxPool2dOp(input, output_size, options), input);
}

function adaptiveMaxPool2dOp(input: Tensor, output_size: OutputSize, options: { return_indices?: boolean }): Tensor | [Tensor, Tensor] {
  const op = "adaptive_max_pool2d";
  const { x, unbatched, out: o } = adaptiveInput(op, input, output_size, (s) => `adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: ${fmtShape(s)}`);
  const [n, c, h, w] = x.shape;
  const bh = bins(h, o[0]);
  const bw = bins(w, o[1]);
  const kh = Math.max(0, ...bh.len);
  const kw = Math.max(0, ...bw.len);
  const idxH: number[] = [];
  const idxW: number[] = [];
  for (let i = 0; i < o[0]; i++) for (let t = 0; t < kh; t++) idxH.push(bh.start[i] + Math.min(t, bh.len[i] - 1));
  for (let j = 0; j < o[1]; j++) for (let t = 0; t < kw; t++) idxW.push(bw.start[j] + Math.min(t, bw.len[j] - 1));
  const ih = Tensor._wrap(compute(() => tf.tensor1d(idxH, "int32")));
  const iw = Tensor._wrap(compute(() => tf.tensor1d(idxW, "int32")));
  // [N, C, Ho*kh, Wo*kw] -> [N, C, Ho, Wo, kh*kw] in row-major window order.
  const windowsOf = (t: tf.Tensor): tf.Tensor => {
    const gathered = tf.gather(tf.gather(t, ih._t, 2), iw._t, 3);
    const r = tf.reshape(gathered, [n, c, o[0], kh, o[1], kw]);
    return tf.reshape(tf.transpose(r, [0, 1, 2, 4, 3, 5]), [n, c, o[0], o[1], kh * kw]);
  };
  const argmaxOf = (): tf.Tensor => {
    const win = windowsOf(x._t);
    return tf.argMax(tf.where(tf.isNaN(win), tf.fill(win.shape, Infinity), win), 4);
  };
  const out = compute(() => (kh * kw === 0 ? tf.zeros([n, c, o[0], o[1]]) : tf.max(windowsOf(x._t), 4)));
  const res = record("AdaptiveMaxPool2DBackward0", [x], out, (g) => {
    const hot = tf.reshape(oneHot(argmaxOf(), kh * kw), [n, c, o[0], o[1], kh, kw]);
    const routed = tf.mul(hot, tf.reshape(g, [n, c, o[0], o[1], 1, 1]));
    // Back to [N, C, Ho*kh, Wo*kw], then the gathers' adjoints as products with selection matrices.
    const spread = tf.reshape(tf.transpose(routed, [0, 1, 2, 4, 3, 5]), [n, c, o[0] * kh, o[1] * kw]);
    const sh = tf.tensor2d(selectionMatrix(idxH, h), [idxH.length, h]);
    const sw = tf.tensor2d(selectionMatrix(idxW, w), [idxW.length, w]);
    const a = tf.reshape(tf.matMul(tf.reshape(spread, [-1, o[1] * kw]), sw), [n * c, o[0] * kh, w]);
    const b = tf.matMul(tf.reshape(tf.transpose(a, [0, 2, 1]), [-1, o[0] * kh]), sh);
    return [tf.transpose(tf.reshape(b, [n, c, w, h]), [0, 1, 3, 2])];
  });
  let values = res;
  let indices: Tensor | null = null;
  if (options.return_indices) {
    indices = constant(
      compute(() => {
        const am = tf.cast(argmaxOf(), "int32");
        const th = tf.floorDiv(am, tf.scalar(kw, "int32"));
        const tw = tf.sub(am, tf.mul(th, tf.scalar(kw, "int32")));
        const startH = tf.reshape(tf.tensor1d(bh.start, "int32"), [1, 1, o[0], 1]);
        const startW = tf.reshape(tf.tensor1d(bw.start, "int32"), [1, 1, 1, o[1]]);
        const lastH = tf.reshape(tf.tensor1d(bh.len.map((l) => l - 1), "int32"), [1, 1, o[0], 1]);
        const lastW = tf.reshape(tf.tensor1d(bw.len.map((l) => l - 1), "int32"), [1, 1, 1, o[1]]);
        const rh = tf.add(startH, tf.minimum(th, lastH));
        const rw = tf.add(startW, tf.minimum(tw, lastW));
        return tf.cast(tf.add(tf.mul(rh, w), rw), "int32");
      }),
    );
  }
  if (unbatched) {
    values = values.squeeze(0);
    if (indices) indices = indices.squeeze(0);
  }
  return indices ? [values, indices] : values;
}
