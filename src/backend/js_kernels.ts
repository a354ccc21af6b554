/**
 * Kernels written in JavaScript for the two in-process backends (wasm and cpu), for ops whose exact
 * PyTorch semantics cost many tfjs kernels to express: max pooling with PyTorch's index rules, its
 * gradient scatter, and ReLU's threshold backward. (Plain arithmetic stays in tfjs: a wasm kernel
 * runs a pass over the data several times faster than a JS loop, so only comparisons and index
 * bookkeeping are worth writing here.) Each is one pass over the data, reading and writing
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
    if (kh === 2 && kw === 2 && sh === 2 && sw === 2 && ph === 0 && pw === 0 && dh === 1 && dw === 1 && 2 * ho <= h && 2 * wo <= w) {
      maxPool2x2(xs, vs, is, n * c, h, w, ho, wo);
      return [vInfo, iInfo];
    }
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

/** maxPool2d's loop unrolled for MaxPool2d(2) (kernel 2, stride 2, no padding): ~1.5x faster. */
function maxPool2x2(xs: Float32Array, vs: Float32Array, is: Int32Array, planes: number, h: number, w: number, ho: number, wo: number): void {
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * h * w;
    for (let oh = 0; oh < ho; oh++) {
      const r0 = 2 * oh * w;
      const r1 = r0 + w;
      for (let ow = 0; ow < wo; ow++, o++) {
        const c0 = 2 * ow;
        let mi = r0 + c0;
        let m = xs[base + mi];
        let v = xs[base + r0 + c0 + 1];
        if (v > m || v !== v) {
          m = v;
          mi = r0 + c0 + 1;
        }
        v = xs[base + r1 + c0];
        if (v > m || v !== v) {
          m = v;
          mi = r1 + c0;
        }
        v = xs[base + r1 + c0 + 1];
        if (v > m || v !== v) {
          m = v;
          mi = r1 + c0 + 1;
        }
        vs[o] = m;
        is[o] = mi;
      }
    }
  }
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

// ------------------------------------------------------------------ batch norm (per-channel passes)
// Tensors are [N, C, ...inner] (any rank >= 2); per-channel vectors are float32 [C]. Sums run in float64.

function channelDims(shape: number[]): [number, number, number] {
  const inner = shape.slice(2).reduce((a, v) => a * v, 1);
  return [shape[0], shape[1], inner];
}

/** [2, C]: each channel's mean and biased variance (two passes, so no cancellation). */
function channelMoments(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const [n, c, inner] = channelDims(x.shape);
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[[2, c], "float32"]]);
    const xs = io.view(x) as Float32Array;
    const out = io.view(outInfo) as Float32Array;
    const count = n * inner;
    for (let ch = 0; ch < c; ch++) {
      let sum = 0;
      for (let b = 0; b < n; b++) {
        const base = (b * c + ch) * inner;
        for (let i = 0; i < inner; i++) sum += xs[base + i];
      }
      const mean = sum / count;
      let sq = 0;
      for (let b = 0; b < n; b++) {
        const base = (b * c + ch) * inner;
        for (let i = 0; i < inner; i++) {
          const d = xs[base + i] - mean;
          sq += d * d;
        }
      }
      out[ch] = mean;
      out[c + ch] = sq / count;
    }
    return outInfo;
  };
}

/** y = (x - center[c]) * scale[c] + shift[c]: batch norm's transform in one pass. */
function channelAffine(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const [n, c, inner] = channelDims(x.shape);
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[x.shape, "float32"]]);
    const xs = io.view(x) as Float32Array;
    const center = io.view(args.inputs.center as Info) as Float32Array;
    const scale = io.view(args.inputs.scale as Info) as Float32Array;
    const shift = io.view(args.inputs.shift as Info) as Float32Array;
    const ys = io.view(outInfo) as Float32Array;
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const m = center[ch];
        const k = scale[ch];
        const t = shift[ch];
        const base = (b * c + ch) * inner;
        for (let i = base; i < base + inner; i++) ys[i] = (xs[i] - m) * k + t;
      }
    }
    return outInfo;
  };
}

/** [2, C]: each channel's sum(g) and sum((x - mean) * g), the two sums of batch norm's backward. */
function channelGradSums(backendName: string) {
  return (args: KernelArgs): Info => {
    const g = args.inputs.dy as Info;
    const [n, c, inner] = channelDims(g.shape);
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[[2, c], "float32"]]);
    const gs = io.view(g) as Float32Array;
    const xs = io.view(args.inputs.x as Info) as Float32Array;
    const mean = io.view(args.inputs.mean as Info) as Float32Array;
    const out = io.view(outInfo) as Float32Array;
    for (let ch = 0; ch < c; ch++) {
      const m = mean[ch];
      let sum = 0;
      let dot = 0;
      for (let b = 0; b < n; b++) {
        const base = (b * c + ch) * inner;
        for (let i = base; i < base + inner; i++) {
          const gv = gs[i];
          sum += gv;
          dot += (xs[i] - m) * gv;
        }
      }
      out[ch] = sum;
      out[c + ch] = dot;
    }
    return outInfo;
  };
}

/** Training-mode grad_input: dx = g * k1[c] - (x - mean[c]) * k2[c] - k3[c], in one pass. */
function batchNormInputGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const g = args.inputs.dy as Info;
    const [n, c, inner] = channelDims(g.shape);
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[g.shape, "float32"]]);
    const gs = io.view(g) as Float32Array;
    const xs = io.view(args.inputs.x as Info) as Float32Array;
    const mean = io.view(args.inputs.mean as Info) as Float32Array;
    const k = io.view(args.inputs.k as Info) as Float32Array;
    const dx = io.view(outInfo) as Float32Array;
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const m = mean[ch];
        const k1 = k[ch];
        const k2 = k[c + ch];
        const k3 = k[2 * c + ch];
        const base = (b * c + ch) * inner;
        for (let i = base; i < base + inner; i++) dx[i] = gs[i] * k1 - (xs[i] - m) * k2 - k3;
      }
    }
    return outInfo;
  };
}

// ------------------------------------------------------------------ optimizer updates (all parameters in one call)

/*
 * A training step of a small net spends more time dispatching the optimizer's 4-5 tfjs kernels per
 * parameter than computing them (the batch-4 classifier: 50 of its 217 kernel calls). These kernels
 * update every parameter of a group in one call. Each float32 operation is rounded with Math.fround
 * in the order optim_kernels.ts's tfjs version runs them: a product or quotient of two float32 values
 * rounded once from double is the float32 IEEE result, so the two paths agree bit for bit.
 */
const f32 = Math.fround;

/** Allocates `count` float32 outputs shaped like `like[i]`, then returns them with views of all inputs. */
function foreachIo(args: KernelArgs, backendName: string, shapes: number[][]): { outs: Info[]; out: Float32Array[]; input: (name: string) => Float32Array } {
  const io = ioFor(args.backend, backendName);
  const outs = io.outputs(shapes.map((shape) => [shape, "float32"]));
  const out = outs.map((o) => io.view(o) as Float32Array);
  return { outs, out, input: (name) => io.view(args.inputs[name] as Info) as Float32Array };
}

export interface SgdForeachAttrs {
  n: number;
  /** 1 where parameter i has a momentum buffer (input `b${i}`). */
  hasBuf: number[];
  lr: number;
  momentum: number;
  dampening: number;
  weight_decay: number;
  nesterov: boolean;
  maximize: boolean;
}

/** SGD for n parameters: outputs the n new parameters, then (with momentum) the n new buffers. */
function sgdForeach(backendName: string) {
  return (args: KernelArgs): Info[] => {
    const a = args.attrs as unknown as SgdForeachAttrs;
    const shapes = Array.from({ length: a.n }, (_, i) => (args.inputs[`p${i}`] as Info).shape);
    const { outs, out, input } = foreachIo(args, backendName, a.momentum !== 0 ? [...shapes, ...shapes] : shapes);
    const wd = f32(a.weight_decay);
    const mom = f32(a.momentum);
    const damp = f32(1 - a.dampening);
    const negLr = f32(-a.lr);
    // Flags as locals and one loop per case: reading them from the attrs object inside the loop made
    // it ~10x slower (measured).
    const decay = a.weight_decay !== 0;
    const neg = a.maximize;
    const momentum = a.momentum !== 0;
    const dampened = a.dampening !== 0;
    const nesterov = a.nesterov;
    for (let i = 0; i < a.n; i++) {
      const p = input(`p${i}`);
      const g = input(`g${i}`);
      const np = out[i];
      const len = p.length;
      if (!momentum) {
        for (let k = 0; k < len; k++) {
          let d = neg ? -g[k] : g[k];
          if (decay) d = f32(d + f32(p[k] * wd));
          np[k] = f32(p[k] + f32(d * negLr));
        }
        continue;
      }
      const nb = out[a.n + i];
      const b = a.hasBuf[i] ? input(`b${i}`) : null;
      for (let k = 0; k < len; k++) {
        let d = neg ? -g[k] : g[k];
        if (decay) d = f32(d + f32(p[k] * wd));
        let bk = d;
        if (b !== null) bk = dampened ? f32(f32(b[k] * mom) + f32(d * damp)) : f32(f32(b[k] * mom) + d);
        nb[k] = bk;
        d = nesterov ? f32(d + f32(bk * mom)) : bk;
        np[k] = f32(p[k] + f32(d * negLr));
      }
    }
    return outs;
  };
}

export interface AdamForeachAttrs {
  n: number;
  /** Step number of each parameter, after incrementing. */
  steps: number[];
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weight_decay: number;
  amsgrad: boolean;
  maximize: boolean;
  decoupled: boolean;
}

/** Adam / AdamW for n parameters: outputs new params, exp_avgs, exp_avg_sqs (and max_exp_avg_sqs). */
function adamForeach(backendName: string) {
  return (args: KernelArgs): Info[] => {
    const a = args.attrs as unknown as AdamForeachAttrs;
    const shapes = Array.from({ length: a.n }, (_, i) => (args.inputs[`p${i}`] as Info).shape);
    const groups = a.amsgrad ? 4 : 3;
    const { outs, out, input } = foreachIo(args, backendName, Array.from({ length: groups }, () => shapes).flat());
    const wd = f32(a.decoupled ? 0 : a.weight_decay);
    const decay = f32(1 - a.lr * a.weight_decay);
    const b1 = f32(a.beta1);
    const b2 = f32(a.beta2);
    const c1 = f32(1 - a.beta1);
    const c2 = f32(1 - a.beta2);
    const eps = f32(a.eps);
    const neg = a.maximize;
    const decoupled = a.decoupled;
    for (let i = 0; i < a.n; i++) {
      const step = a.steps[i];
      const bc2Sqrt = f32(Math.sqrt(1 - Math.pow(a.beta2, step)));
      const negStep = f32(-(a.lr / (1 - Math.pow(a.beta1, step))));
      const p = input(`p${i}`);
      const g = input(`g${i}`);
      const m = input(`m${i}`);
      const v = input(`v${i}`);
      const vmax = a.amsgrad ? input(`vmax${i}`) : null;
      const [np, nm, nv] = [out[i], out[a.n + i], out[2 * a.n + i]];
      const nvmax = a.amsgrad ? out[3 * a.n + i] : null;
      for (let k = 0; k < p.length; k++) {
        let gk = neg ? -g[k] : g[k];
        if (wd !== 0) gk = f32(gk + f32(p[k] * wd));
        const pk = decoupled ? f32(p[k] * decay) : p[k];
        const mk = f32(f32(m[k] * b1) + f32(gk * c1));
        const vk = f32(f32(v[k] * b2) + f32(f32(gk * gk) * c2));
        let top = vk;
        if (vmax !== null && nvmax !== null) {
          // tfjs's maximum: NaN wins, as in PyTorch.
          top = vmax[k] > vk || Number.isNaN(vmax[k]) ? vmax[k] : vk;
          nvmax[k] = top;
        }
        const denom = f32(f32(f32(Math.sqrt(top)) / bc2Sqrt) + eps);
        nm[k] = mk;
        nv[k] = vk;
        np[k] = f32(pk + f32(f32(mk / denom) * negStep));
      }
    }
    return outs;
  };
}

/** n float32 tensors of zeros, shaped by `shapes`: optimizer.zero_grad in one call. */
function zerosForeach(backendName: string) {
  return (args: KernelArgs): Info[] => {
    const shapes = (args.attrs as unknown as { shapes: number[][] }).shapes;
    const { outs, out } = foreachIo(args, backendName, shapes);
    for (const o of out) o.fill(0);
    return outs;
  };
}

const KERNELS: Record<string, (backendName: string) => (args: KernelArgs) => Info | Info[]> = {
  TorchlabMaxPool2d: maxPool2d,
  TorchlabMaxPool2dGrad: maxPool2dGrad,
  TorchlabReluGrad: reluGrad,
  TorchlabSgdForeach: sgdForeach,
  TorchlabAdamForeach: adamForeach,
  TorchlabZerosForeach: zerosForeach,
};

// ------------------------------------------------------------------ convolution on the cpu backend

export interface ConvAttrs {
  stride: [number, number];
  /** [top, left] zero padding; bottom/right follow from `out`. */
  padding: [number, number];
  dilation: [number, number];
  out: [number, number];
}

/**
 * The patches of sample `b` of NCHW `xs` as cols[(c * kH + i) * kW + j][p] over the Ho * Wo output
 * positions p (zero where a tap reads padding), or, with `add`, the adjoint: cols added back into xs.
 */
function patches(xs: Float32Array, cols: Float32Array, b: number, shape: number[], k: [number, number], a: ConvAttrs, add: boolean): void {
  const [, c, h, w] = shape;
  const [kh, kw] = k;
  const [sh, sw] = a.stride;
  const [ph, pw] = a.padding;
  const [dh, dw] = a.dilation;
  const [ho, wo] = a.out;
  let o = 0;
  for (let ci = 0; ci < c; ci++) {
    const base = (b * c + ci) * h * w;
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const dx = j * dw - pw;
        const lo = Math.min(wo, Math.max(0, Math.ceil(-dx / sw)));
        const hi = Math.max(lo, Math.min(wo, Math.floor((w - 1 - dx) / sw) + 1));
        for (let oy = 0; oy < ho; oy++, o += wo) {
          const iy = oy * sh + i * dh - ph;
          if (iy < 0 || iy >= h) {
            if (!add) cols.fill(0, o, o + wo);
            continue;
          }
          const row = base + iy * w + dx;
          if (add) {
            for (let ox = lo; ox < hi; ox++) xs[row + ox * sw] += cols[o + ox];
          } else {
            if (lo > 0) cols.fill(0, o, o + lo);
            if (hi < wo) cols.fill(0, o + hi, o + wo);
            for (let ox = lo; ox < hi; ox++) cols[o + ox] = xs[row + ox * sw];
          }
        }
      }
    }
  }
}

/**
 * conv2d on NCHW data with OIHW weights (groups 1), as one matrix product per sample:
 * y[n] = W[O, C*kH*kW] . cols[n] (+ bias). The tfjs cpu backend's own convolution needs NHWC (two
 * transposes per call) and runs a scalar loop per output element; four output channels at a time
 * here share each load of the patches.
 */
function conv2dNchw() {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const wInfo = args.inputs.w as Info;
    const a = args.attrs as unknown as ConvAttrs;
    const [n] = x.shape;
    const [o, c, kh, kw] = wInfo.shape;
    const [ho, wo] = a.out;
    const io = ioFor(args.backend, "cpu");
    const [outInfo] = io.outputs([[[n, o, ho, wo], "float32"]]);
    const xs = io.view(x) as Float32Array;
    const ws = io.view(wInfo) as Float32Array;
    const bias = args.inputs.bias ? (io.view(args.inputs.bias as Info) as Float32Array) : null;
    const ys = io.view(outInfo) as Float32Array;
    const P = ho * wo;
    const K = c * kh * kw;
    const cols = new Float32Array(K * P);
    for (let b = 0; b < n; b++) {
      patches(xs, cols, b, x.shape, [kh, kw], a, false);
      const yb = b * o * P;
      for (let oc = 0; oc < o; oc++) ys.fill(bias ? bias[oc] : 0, yb + oc * P, yb + (oc + 1) * P);
      let oc = 0;
      for (; oc + 4 <= o; oc += 4) {
        const r0 = yb + oc * P, r1 = r0 + P, r2 = r1 + P, r3 = r2 + P;
        for (let k = 0; k < K; k++) {
          const w0 = ws[oc * K + k], w1 = ws[(oc + 1) * K + k], w2 = ws[(oc + 2) * K + k], w3 = ws[(oc + 3) * K + k];
          const cb = k * P;
          for (let p = 0; p < P; p++) {
            const v = cols[cb + p];
            ys[r0 + p] += w0 * v;
            ys[r1 + p] += w1 * v;
            ys[r2 + p] += w2 * v;
            ys[r3 + p] += w3 * v;
          }
        }
      }
      for (; oc < o; oc++) {
        const r0 = yb + oc * P;
        for (let k = 0; k < K; k++) {
          const w0 = ws[oc * K + k];
          const cb = k * P;
          for (let p = 0; p < P; p++) ys[r0 + p] += w0 * cols[cb + p];
        }
      }
    }
    return outInfo;
  };
}

/** conv2dNchw's input gradient: dcols = W^T . g[n], added back through the patches' adjoint. */
function conv2dNchwInputGrad() {
  return (args: KernelArgs): Info => {
    const g = args.inputs.dy as Info;
    const wInfo = args.inputs.w as Info;
    const a = args.attrs as unknown as ConvAttrs & { inputShape: number[] };
    const [n, c, h, w] = a.inputShape;
    const [o, , kh, kw] = wInfo.shape;
    const io = ioFor(args.backend, "cpu");
    const [dxInfo] = io.outputs([[[n, c, h, w], "float32"]]);
    const gs = io.view(g) as Float32Array;
    const ws = io.view(wInfo) as Float32Array;
    const dxs = io.view(dxInfo) as Float32Array;
    const P = a.out[0] * a.out[1];
    const K = c * kh * kw;
    const dcols = new Float32Array(K * P);
    for (let b = 0; b < n; b++) {
      dcols.fill(0);
      const gb = b * o * P;
      let k = 0;
      for (; k + 4 <= K; k += 4) {
        const r0 = k * P, r1 = r0 + P, r2 = r1 + P, r3 = r2 + P;
        for (let oc = 0; oc < o; oc++) {
          const wb = oc * K + k;
          const w0 = ws[wb], w1 = ws[wb + 1], w2 = ws[wb + 2], w3 = ws[wb + 3];
          const gr = gb + oc * P;
          for (let p = 0; p < P; p++) {
            const v = gs[gr + p];
            dcols[r0 + p] += w0 * v;
            dcols[r1 + p] += w1 * v;
            dcols[r2 + p] += w2 * v;
            dcols[r3 + p] += w3 * v;
          }
        }
      }
      for (; k < K; k++) {
        const r0 = k * P;
        for (let oc = 0; oc < o; oc++) {
          const w0 = ws[oc * K + k];
          const gr = gb + oc * P;
          for (let p = 0; p < P; p++) dcols[r0 + p] += w0 * gs[gr + p];
        }
      }
      patches(dxs, dcols, b, [n, c, h, w], [kh, kw], a, true);
    }
    return dxInfo;
  };
}

/** conv2dNchw's weight gradient: dW = sum over samples of g[n] . cols[n]^T (dot products over positions). */
function conv2dNchwWeightGrad() {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const g = args.inputs.dy as Info;
    const a = args.attrs as unknown as ConvAttrs & { kernel: [number, number] };
    const [n, c] = x.shape;
    const o = g.shape[1];
    const [kh, kw] = a.kernel;
    const io = ioFor(args.backend, "cpu");
    const [dwInfo] = io.outputs([[[o, c, kh, kw], "float32"]]);
    const xs = io.view(x) as Float32Array;
    const gs = io.view(g) as Float32Array;
    const dws = io.view(dwInfo) as Float32Array;
    const P = a.out[0] * a.out[1];
    const K = c * kh * kw;
    const cols = new Float32Array(K * P);
    const acc = new Float64Array(o * K);
    for (let b = 0; b < n; b++) {
      patches(xs, cols, b, x.shape, [kh, kw], a, false);
      for (let oc = 0; oc < o; oc++) {
        const gr = (b * o + oc) * P;
        let k = 0;
        for (; k + 4 <= K; k += 4) {
          const c0 = k * P, c1 = c0 + P, c2 = c1 + P, c3 = c2 + P;
          let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          for (let p = 0; p < P; p++) {
            const v = gs[gr + p];
            s0 += v * cols[c0 + p];
            s1 += v * cols[c1 + p];
            s2 += v * cols[c2 + p];
            s3 += v * cols[c3 + p];
          }
          const ab = oc * K + k;
          acc[ab] += s0;
          acc[ab + 1] += s1;
          acc[ab + 2] += s2;
          acc[ab + 3] += s3;
        }
        for (; k < K; k++) {
          const c0 = k * P;
          let s0 = 0;
          for (let p = 0; p < P; p++) s0 += gs[gr + p] * cols[c0 + p];
          acc[oc * K + k] += s0;
        }
      }
    }
    for (let i = 0; i < acc.length; i++) dws[i] = acc[i];
    return dwInfo;
  };
}

/**
 * Kernels for the cpu backend only. Batch norm's passes: there a broadcasting tfjs op walks every
 * element with index arithmetic and these loops are several times faster, while on wasm the same tfjs
 * ops run as wasm loops that beat these (the tutorial Net's step took 20% longer with them). The
 * convolutions: wasm has XNNPACK's.
 */
const CPU_KERNELS: typeof KERNELS = {
  TorchlabConv2d: conv2dNchw,
  TorchlabConv2dInputGrad: conv2dNchwInputGrad,
  TorchlabConv2dWeightGrad: conv2dNchwWeightGrad,
  TorchlabChannelMoments: channelMoments,
  TorchlabChannelAffine: channelAffine,
  TorchlabChannelGradSums: channelGradSums,
  TorchlabBatchNormInputGrad: batchNormInputGrad,
};

let registered = false;

/** Registers the kernels for wasm and cpu (a registration needs no initialised backend). */
export function registerJsKernels(): void {
  if (registered) return;
  registered = true;
  for (const backendName of ["wasm", "cpu"]) {
    const kernels = backendName === "cpu" ? { ...KERNELS, ...CPU_KERNELS } : KERNELS;
    for (const [kernelName, make] of Object.entries(kernels)) {
      tf.registerKernel({ kernelName, backendName, kernelFunc: make(backendName) as unknown as tf.KernelFunc });
    }
  }
}

/** True when the active backend runs `name` (one of this file's kernels). */
export function hasJsKernel(name: keyof typeof KERNELS | keyof typeof CPU_KERNELS): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}
