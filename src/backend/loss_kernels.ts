/**
 * JavaScript kernels for log_softmax, the class-index negative log likelihood and the mean squared
 * error, on the two
 * in-process backends (wasm and cpu). Written with tfjs ops, a cross-entropy step is ~55 kernel calls
 * (log-sum-exp, gather, masks, the reduction, and the same again backward), and at the sizes a
 * classifier's loss has ([batch, classes]) each call's dispatch costs far more than its arithmetic.
 * Each kernel here is one pass over the backend's own memory; sums run in float64.
 *
 * Layout: the softmax dim splits the input into [outer, C, inner] (inner = 1 when it is the last dim).
 */
import { tf } from "./tf";

type Info = tf.TensorInfo;
type Typed = Float32Array | Int32Array | Uint8Array;

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

export interface Io {
  output(shape: number[]): Info;
  view(info: Info): Typed;
}

export function ioFor(backend: unknown, name: string): Io {
  if (name === "wasm") {
    const b = backend as { makeOutput(shape: number[], dtype: string): Info; typedArrayFromHeap(info: Info): Typed };
    return { output: (shape) => b.makeOutput(shape, "float32"), view: (info) => b.typedArrayFromHeap(info) };
  }
  const b = backend as { data: { get(dataId: object): { values?: unknown } }; makeTensorInfo(shape: number[], dtype: string, values: Typed): Info };
  return {
    output: (shape) => b.makeTensorInfo(shape, "float32", new Float32Array(shape.reduce((a, v) => a * v, 1))),
    view: (info) => {
      // The cpu backend keeps the source array through a cast (an int32 -> float32 cast keeps the
      // Int32Array): read such data in the dtype the tensor claims.
      const values = b.data.get(info.dataId).values as Typed;
      if (info.dtype === "float32" && !(values instanceof Float32Array)) return Float32Array.from(values);
      if (info.dtype === "int32" && !(values instanceof Int32Array)) return Int32Array.from(values);
      return values;
    },
  };
}

/** [outer, C, inner] of a softmax over `dim`. */
export interface SoftmaxAttrs {
  outer: number;
  c: number;
  inner: number;
}

/** 0: 'none', 1: 'mean', 2: 'sum'. */
export interface NllAttrs {
  c: number;
  inner: number;
  ignoreIndex: number;
  reduction: 0 | 1 | 2;
  /** The output's shape with reduction 'none' (the target's). */
  shape: number[];
  /** Backward with reduction 'mean': the sum of the weights of the non-ignored targets (never 0 here). */
  totalWeight: number;
}

/** log_softmax: x - max - log(sum(exp(x - max))) along C, as ATen's (a NaN or +inf makes the row NaN). */
function logSoftmax(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const { outer, c, inner } = args.attrs as unknown as SoftmaxAttrs;
    const io = ioFor(args.backend, backendName);
    const out = io.output(x.shape);
    const xs = io.view(x) as Float32Array;
    const ys = io.view(out) as Float32Array;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * c * inner + i;
        let m = -Infinity;
        let nan = false;
        for (let k = 0, p = base; k < c; k++, p += inner) {
          const v = xs[p];
          if (v > m) m = v;
          else if (v !== v) nan = true;
        }
        if (nan) m = NaN;
        let s = 0;
        for (let k = 0, p = base; k < c; k++, p += inner) s += Math.exp(xs[p] - m);
        const shift = m + Math.log(s);
        for (let k = 0, p = base; k < c; k++, p += inner) ys[p] = xs[p] - shift;
      }
    }
    return out;
  };
}

/** log_softmax's gradient: dy - exp(y) * sum(dy) along C (ATen's _log_softmax_backward_data). */
function logSoftmaxGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const dy = args.inputs.dy as Info;
    const y = args.inputs.y as Info;
    const { outer, c, inner } = args.attrs as unknown as SoftmaxAttrs;
    const io = ioFor(args.backend, backendName);
    const out = io.output(y.shape);
    const gs = io.view(dy) as Float32Array;
    const ys = io.view(y) as Float32Array;
    const dx = io.view(out) as Float32Array;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * c * inner + i;
        let s = 0;
        for (let k = 0, p = base; k < c; k++, p += inner) s += gs[p];
        for (let k = 0, p = base; k < c; k++, p += inner) dx[p] = gs[p] - Math.exp(ys[p]) * s;
      }
    }
    return out;
  };
}

/**
 * nll_loss over class indices: -w[t] * logp[t] per position (0 where t is ignore_index), reduced.
 * Targets were checked to lie in [0, C) (or be ignore_index) before the kernel runs. The mean divides
 * by the summed weights of the kept targets, as ATen's nll_loss does.
 */
function nllLoss(backendName: string) {
  return (args: KernelArgs): Info => {
    const lp = args.inputs.logp as Info;
    const target = args.inputs.target as Info;
    const weight = args.inputs.weight as Info | undefined;
    const a = args.attrs as unknown as NllAttrs;
    const io = ioFor(args.backend, backendName);
    const out = io.output(a.reduction === 0 ? a.shape : []);
    const ls = io.view(lp) as Float32Array;
    const ts = io.view(target) as Int32Array;
    const ws = weight ? (io.view(weight) as Float32Array) : null;
    const os = io.view(out) as Float32Array;
    const { c, inner } = a;
    let sum = 0;
    let total = 0;
    for (let j = 0; j < ts.length; j++) {
      const t = ts[j];
      if (t === a.ignoreIndex) {
        if (a.reduction === 0) os[j] = 0;
        continue;
      }
      const w = ws ? ws[t] : 1;
      const o = Math.floor(j / inner);
      const v = -w * ls[(o * c + t) * inner + (j - o * inner)];
      if (a.reduction === 0) os[j] = v;
      sum += v;
      total += w;
    }
    if (a.reduction !== 0) os[0] = a.reduction === 1 ? sum / total : sum;
    return out;
  };
}

/** nll_loss's gradient: -w[t] * dy (divided by the total weight for 'mean') at each target, 0 elsewhere. */
function nllLossGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const dy = args.inputs.dy as Info;
    const target = args.inputs.target as Info;
    const weight = args.inputs.weight as Info | undefined;
    const a = args.attrs as unknown as NllAttrs & { inputShape: number[] };
    const io = ioFor(args.backend, backendName);
    const out = io.output(a.inputShape);
    const gs = io.view(dy) as Float32Array;
    const ts = io.view(target) as Int32Array;
    const ws = weight ? (io.view(weight) as Float32Array) : null;
    const dx = io.view(out) as Float32Array;
    // A fresh wasm output is uninitialised memory.
    dx.fill(0);
    const { c, inner } = a;
    for (let j = 0; j < ts.length; j++) {
      const t = ts[j];
      if (t === a.ignoreIndex) continue;
      const w = ws ? ws[t] : 1;
      // ATen's order: the output gradient divided by the total weight first, then times w[t].
      const g = a.reduction === 0 ? gs[j] : a.reduction === 1 ? Math.fround(gs[0] / a.totalWeight) : gs[0];
      const o = Math.floor(j / inner);
      dx[(o * c + t) * inner + (j - o * inner)] = -g * w;
    }
    return out;
  };
}

/** 0: 'none', 1: 'mean', 2: 'sum' (as NllAttrs). */
export interface MseAttrs {
  reduction: 0 | 1 | 2;
}

/**
 * mse_loss of same-shaped float32 input and target: (x - t)^2 per element in float32 (ATen's
 * elementwise loss), with 'none' kept and 'sum'/'mean' summed in float64. As tfjs ops this is Sub,
 * Square and a Sum forward and ~6 broadcasting kernels backward, each a full pass.
 */
function mseLoss(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const t = args.inputs.target as Info;
    const { reduction } = args.attrs as unknown as MseAttrs;
    const io = ioFor(args.backend, backendName);
    const out = io.output(reduction === 0 ? x.shape : []);
    const xs = io.view(x) as Float32Array;
    const ts = io.view(t) as Float32Array;
    const os = io.view(out) as Float32Array;
    const count = xs.length;
    if (reduction === 0) {
      for (let i = 0; i < count; i++) {
        const d = Math.fround(xs[i] - ts[i]);
        os[i] = d * d;
      }
      return out;
    }
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    const end4 = count - (count % 4);
    let i = 0;
    for (; i < end4; i += 4) {
      const d0 = Math.fround(xs[i] - ts[i]), d1 = Math.fround(xs[i + 1] - ts[i + 1]);
      const d2 = Math.fround(xs[i + 2] - ts[i + 2]), d3 = Math.fround(xs[i + 3] - ts[i + 3]);
      s0 += Math.fround(d0 * d0);
      s1 += Math.fround(d1 * d1);
      s2 += Math.fround(d2 * d2);
      s3 += Math.fround(d3 * d3);
    }
    for (; i < count; i++) {
      const d = Math.fround(xs[i] - ts[i]);
      s0 += Math.fround(d * d);
    }
    const sum = s0 + s1 + s2 + s3;
    os[0] = reduction === 1 ? sum / count : sum;
    return out;
  };
}

/**
 * mse_loss's input gradient, ATen's mse_backward_cpu_kernel: norm * (x - t) * dy in float32, norm =
 * 2 / numel for 'mean' and 2 otherwise; dy is [] for 'mean'/'sum' and x's shape for 'none'.
 */
function mseLossGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const dy = args.inputs.dy as Info;
    const x = args.inputs.x as Info;
    const t = args.inputs.target as Info;
    const { reduction } = args.attrs as unknown as MseAttrs;
    const io = ioFor(args.backend, backendName);
    const out = io.output(x.shape);
    const gs = io.view(dy) as Float32Array;
    const xs = io.view(x) as Float32Array;
    const ts = io.view(t) as Float32Array;
    const dx = io.view(out) as Float32Array;
    const count = xs.length;
    const f = Math.fround;
    const norm = f(reduction === 1 ? 2 / count : 2);
    if (reduction === 0) {
      for (let i = 0; i < count; i++) dx[i] = f(norm * f(xs[i] - ts[i])) * gs[i];
      return out;
    }
    const g = gs[0];
    for (let i = 0; i < count; i++) dx[i] = f(norm * f(xs[i] - ts[i])) * g;
    return out;
  };
}

const KERNELS = {
  TorchlabLogSoftmax: logSoftmax,
  TorchlabLogSoftmaxGrad: logSoftmaxGrad,
  TorchlabNllLoss: nllLoss,
  TorchlabNllLossGrad: nllLossGrad,
  TorchlabMseLoss: mseLoss,
  TorchlabMseLossGrad: mseLossGrad,
};

export type LossKernel = keyof typeof KERNELS;

let registered = false;

/** Registers the kernels for wasm and cpu (a registration needs no initialised backend). */
export function registerLossKernels(): void {
  if (registered) return;
  registered = true;
  for (const backendName of ["wasm", "cpu"]) {
    for (const [kernelName, make] of Object.entries(KERNELS)) {
      tf.registerKernel({ kernelName, backendName, kernelFunc: make(backendName) as unknown as tf.KernelFunc });
    }
  }
}

/** True when the active backend runs `name`. */
export function hasLossKernel(name: LossKernel): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}
