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

const KERNELS: Record<string, (backendName: string) => (args: KernelArgs) => Info | Info[]> = {
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
