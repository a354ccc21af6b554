/**
 * Kernels written in JavaScript for the two in-process backends (wasm and cpu), for ops whose exact
 * PyTorch semantics cost many tfjs kernels to express: max pooling with PyTorch's index rules, its
 * gradient scatter, ReLU's threshold backward, and batch norm's statistics, transform and backward
 * (one or two passes where tfjs ops need six to eight). Each is one pass over the data, reading and writing
 * the backend's own memory (the wasm heap or the cpu backend's arrays) without copies.
 *
 * Native backends (tfjs-node) do not get these: ops check `hasJsKernel` and otherwise fall back to
 * compositions of tfjs ops.
 */
import { tf } from "./tf";

type Typed = Float32Array | Int32Array | Uint8Array;
type Info = tf.TensorInfo;

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: string): Info;
  typedArrayFromHeap(info: Info): Typed;
}

interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: string, values: Typed): Info;
}

/** Allocates outputs first, then hands out views: allocating can grow (and so detach) the wasm heap. */
interface Io {
  outputs(specs: [number[], "float32" | "int32"][]): Info[];
  view(info: Info): Typed;
}

function ioFor(backend: unknown, name: string): Io {
  if (name === "wasm") {
    const b = backend as WasmBackendLike;
    return {
      outputs: (specs) => specs.map(([shape, dtype]) => b.makeOutput(shape, dtype)),
      view: (info) => b.typedArrayFromHeap(info),
    };
  }
  const b = backend as CpuBackendLike;
  return {
    outputs: (specs) =>
      specs.map(([shape, dtype]) => {
        const size = shape.reduce((a, v) => a * v, 1);
        return b.makeTensorInfo(shape, dtype, dtype === "int32" ? new Int32Array(size) : new Float32Array(size));
      }),
    view: (info) => {
      const values = b.data.get(info.dataId).values as Typed;
      // The cpu backend's int32 -> float32 cast keeps the Int32Array: read such data as floats.
      return info.dtype === "float32" && !(values instanceof Float32Array) ? Float32Array.from(values) : values;
    },
  };
}

/** The same memory as 32-bit integers. */
function asInt32(t: Typed): Int32Array {
  return new Int32Array(t.buffer, t.byteOffset, t.length);
}

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

export interface MaxPoolAttrs {
  kernel: [number, number];
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  out: [number, number];
}

/**
 * PyTorch's CPU max pooling over NCHW planes (ATen's cpu_max_pool): each window is clipped to the
 * input, the index starts at the window's first in-bounds element and the running max is replaced by
 * a strictly greater value or by any NaN (so the first maximum wins on ties, the last NaN wins among
 * NaNs, and a window of -inf points at its first element). Outputs values and flat indices h * W + w.
 */
function maxPool2d(backendName: string) {
  return (args: KernelArgs): Info[] => {
    const x = args.inputs.x as Info;
    const a = args.attrs as unknown as MaxPoolAttrs;
    const [n, c, h, w] = x.shape;
    const [ho, wo] = a.out;
    const [kh, kw] = a.kernel;
    const [sh, sw] = a.stride;
    const [ph, pw] = a.padding;
    const [dh, dw] = a.dilation;
    const io = ioFor(args.backend, backendName);
    const [vInfo, iInfo] = io.outputs([
      [[n, c, ho, wo], "float32"],
      [[n, c, ho, wo], "int32"],
    ]);
    const xs = io.view(x) as Float32Array;
    const vs = io.view(vInfo) as Float32Array;
    const is = io.view(iInfo) as Int32Array;
    const plane = h * w;
    let o = 0;
    for (let p = 0; p < n * c; p++) {
      const base = p * plane;
      for (let oh = 0; oh < ho; oh++) {
        let h0 = oh * sh - ph;
        const h1 = Math.min(h0 + (kh - 1) * dh + 1, h);
        while (h0 < 0) h0 += dh;
        for (let ow = 0; ow < wo; ow++, o++) {
          let w0 = ow * sw - pw;
          const w1 = Math.min(w0 + (kw - 1) * dw + 1, w);
          while (w0 < 0) w0 += dw;
          let maxIndex = h0 * w + w0;
          let maxVal = -Infinity;
          for (let ih = h0; ih < h1; ih += dh) {
            const row = ih * w;
            for (let iw = w0; iw < w1; iw += dw) {
              const v = xs[base + row + iw];
              if (v > maxVal || v !== v) {
                maxVal = v;
                maxIndex = row + iw;
              }
            }
          }
          vs[o] = maxVal;
          is[o] = maxIndex;
        }
      }
    }
    return [vInfo, iInfo];
  };
}

/** Gradient of maxPool2d: each output gradient added at its window's index (windows may overlap). */
function maxPool2dGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const dy = args.inputs.dy as Info;
    const indices = args.inputs.indices as Info;
    const [h, w] = (args.attrs as unknown as { inputHW: [number, number] }).inputHW;
    const [n, c, ho, wo] = dy.shape;
    const io = ioFor(args.backend, backendName);
    const [dxInfo] = io.outputs([[[n, c, h, w], "float32"]]);
    const dys = io.view(dy) as Float32Array;
    const is = io.view(indices) as Int32Array;
    const dxs = io.view(dxInfo) as Float32Array;
    // A fresh wasm output is uninitialised memory; the cpu backend's array is already zero.
    if (backendName === "wasm") dxs.fill(0);
    const plane = h * w;
    const outPlane = ho * wo;
    for (let p = 0; p < n * c; p++) {
      const base = p * plane;
      const ob = p * outPlane;
      for (let j = 0; j < outPlane; j++) dxs[base + is[ob + j]] += dys[ob + j];
    }
    return dxInfo;
  };
}

/**
 * ATen's threshold_backward for ReLU: the gradient is zeroed where the saved result is <= 0 and
 * passed elsewhere, NaN results included (a comparison with NaN is false).
 */
function reluGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const dy = args.inputs.dy as Info;
    const y = args.inputs.y as Info;
    const io = ioFor(args.backend, backendName);
    const [dxInfo] = io.outputs([[dy.shape, "float32"]]);
    const dys = asInt32(io.view(dy));
    const ys = io.view(y) as Float32Array;
    const dxs = asInt32(io.view(dxInfo));
    // Masking the bits (all ones or all zeros) keeps the gradient bit-exact and has no branch to
    // mispredict, which on signed activations costs a random branch per element.
    const count = ys.length;
    for (let i = 0; i < count; i++) dxs[i] = dys[i] & (((ys[i] <= 0) as unknown as number) - 1);
    return dxInfo;
  };
}

/** [N, C, L] view of an input of rank >= 2 (L = 1 for [N, C]). */
function ncl(shape: number[]): [number, number, number] {
  return [shape[0], shape[1], shape.slice(2).reduce((a, v) => a * v, 1)];
}

/**
 * Batch statistics per channel (dim 1), two passes as ATen's batch_norm_cpu_collect_stats: the mean,
 * then the biased variance as the mean squared deviation. Sums accumulate in float64. Output [3, C]:
 * mean, 1 / sqrt(var + eps), var.
 */
function batchNormStats(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const eps = (args.attrs as unknown as { eps: number }).eps;
    const [n, c, l] = ncl(x.shape);
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[[3, c], "float32"]]);
    const xs = io.view(x) as Float32Array;
    const out = io.view(outInfo) as Float32Array;
    const count = n * l;
    const mean = new Float64Array(c);
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const o = (b * c + ch) * l;
        let acc = 0;
        for (let j = 0; j < l; j++) acc += xs[o + j];
        mean[ch] += acc;
      }
    }
    for (let ch = 0; ch < c; ch++) mean[ch] /= count;
    const sq = new Float64Array(c);
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const o = (b * c + ch) * l;
        const m = mean[ch];
        let acc = 0;
        for (let j = 0; j < l; j++) {
          const d = xs[o + j] - m;
          acc += d * d;
        }
        sq[ch] += acc;
      }
    }
    for (let ch = 0; ch < c; ch++) {
      const v = sq[ch] / count;
      out[ch] = mean[ch];
      out[c + ch] = 1 / Math.sqrt(Math.fround(v) + eps);
      out[2 * c + ch] = v;
    }
    return outInfo;
  };
}

/** y = (x - mean) * alpha + beta per channel: batch norm's transform with alpha = invstd * weight. */
function batchNormApply(backendName: string) {
  return (args: KernelArgs): Info => {
    const { x, mean, alpha, beta } = args.inputs as Record<string, Info>;
    const [n, c, l] = ncl(x.shape);
    const io = ioFor(args.backend, backendName);
    const [yInfo] = io.outputs([[x.shape, "float32"]]);
    const xs = io.view(x) as Float32Array;
    const ms = io.view(mean) as Float32Array;
    const as = io.view(alpha) as Float32Array;
    const bs = io.view(beta) as Float32Array;
    const ys = io.view(yInfo) as Float32Array;
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const o = (b * c + ch) * l;
        const m = ms[ch];
        const a = as[ch];
        const sh = bs[ch];
        for (let j = 0; j < l; j++) ys[o + j] = (xs[o + j] - m) * a + sh;
      }
    }
    return yInfo;
  };
}

/**
 * ATen's batch_norm_cpu_backward. Pass 1: per channel, sum(g) and dotp = sum((x - mean) * g). Pass 2
 * (when `dx`): training gives dx = (g - sum / M - (x - mean) * dotp * invstd^2 / M) * invstd * w,
 * evaluation dx = g * invstd * w. Outputs [sums [2, C] (sum, dotp)] or [sums, dx].
 */
function batchNormBackward(backendName: string) {
  return (args: KernelArgs): Info[] => {
    const { dy, x, mean, invstd, alpha } = args.inputs as Record<string, Info>;
    const { training, dx: wantDx } = args.attrs as unknown as { training: boolean; dx: boolean };
    const [n, c, l] = ncl(x.shape);
    const io = ioFor(args.backend, backendName);
    const infos = io.outputs(wantDx ? [[[2, c], "float32"], [x.shape, "float32"]] : [[[2, c], "float32"]]);
    const gs = io.view(dy) as Float32Array;
    const xs = io.view(x) as Float32Array;
    const ms = io.view(mean) as Float32Array;
    const sums = io.view(infos[0]) as Float32Array;
    const sumG = new Float64Array(c);
    const dotp = new Float64Array(c);
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const o = (b * c + ch) * l;
        const m = ms[ch];
        let s = 0;
        let d = 0;
        for (let j = 0; j < l; j++) {
          const g = gs[o + j];
          s += g;
          d += (xs[o + j] - m) * g;
        }
        sumG[ch] += s;
        dotp[ch] += d;
      }
    }
    for (let ch = 0; ch < c; ch++) {
      sums[ch] = sumG[ch];
      sums[c + ch] = dotp[ch];
    }
    if (!wantDx) return infos;
    const is = io.view(invstd) as Float32Array;
    const as = io.view(alpha) as Float32Array;
    const dxs = io.view(infos[1]) as Float32Array;
    const count = n * l;
    for (let ch = 0; ch < c; ch++) {
      // Per channel: dx = g * a + (x - mean) * k + off.
      const inv = is[ch];
      const a = as[ch];
      const k = training ? -((dotp[ch] * inv * inv) / count) * a : 0;
      const off = training ? -(sumG[ch] / count) * a : 0;
      for (let b = 0; b < n; b++) {
        const o = (b * c + ch) * l;
        const m = ms[ch];
        for (let j = 0; j < l; j++) dxs[o + j] = gs[o + j] * a + (xs[o + j] - m) * k + off;
      }
    }
    return infos;
  };
}

const KERNELS: Record<string, (backendName: string) => (args: KernelArgs) => Info | Info[]> = {
  TorchlabBatchNormStats: batchNormStats,
  TorchlabBatchNormApply: batchNormApply,
  TorchlabBatchNormBackward: batchNormBackward,
  TorchlabMaxPool2d: maxPool2d,
  TorchlabMaxPool2dGrad: maxPool2dGrad,
  TorchlabReluGrad: reluGrad,
};

let registered = false;

/** Registers the kernels for wasm and cpu (a registration needs no initialised backend). */
export function registerJsKernels(): void {
  if (registered) return;
  registered = true;
  for (const backendName of ["wasm", "cpu"]) {
    for (const [kernelName, make] of Object.entries(KERNELS)) {
      tf.registerKernel({ kernelName, backendName, kernelFunc: make(backendName) as unknown as tf.KernelFunc });
    }
  }
}

/** True when the active backend runs `name` (one of this file's kernels). */
export function hasJsKernel(name: keyof typeof KERNELS): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}
