/**
 * Kernels written in JavaScript for the two in-process backends (wasm and cpu), for ops whose exact
 * PyTorch semantics cost many tfjs kernels to express: max pooling with PyTorch's index rules, its
 * gradient scatter, ReLU's threshold backward, and batch norm's passes over NCHW data (per-channel
 * moments, the transform, the two gradient sums and grad_input), where tfjs needs a broadcasting
 * kernel per term: on wasm the tutorial Net's two batch norms took ~14 ms of kernel CPU time per
 * training step this way against ~30 ms as wasm's broadcasting Sub/Multiply/Add/Sum (the ResNet
 * block's three: ~45 against ~53 ms). Plain elementwise arithmetic stays in tfjs, and so do the
 * optimizers' updates except for many small parameters, where dispatching 4-5 kernels per parameter
 * costs more than the arithmetic. Each kernel is one pass over the data, reading and writing the
 * backend's own memory (the wasm heap or the cpu backend's arrays) without copies.
 *
 * Native backends (tfjs-node) do not get these: ops check `hasJsKernel` and otherwise fall back to
 * compositions of tfjs ops.
 */
import { tf } from "./tf";
import { simdLoops } from "./simd";
import { simdPool } from "./simd_pool";
import { simdChannel } from "./simd_channel";
import { simdLinear } from "./simd_linear";
import { simdConv, type SimdConv } from "./simd_conv";
import { winogradConv, winogradPays, winogradScratch, winogradWeightGrad, winogradWeights, type WinogradShape } from "./simd_winograd";
import { nhwcKernels, channelAffineNhwcSimd } from "./nhwc_kernels";
import type { SGDHyper } from "../ops/optim_kernels";

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
      // On wasm, four outputs at a time in the backend's memory (backend/simd_pool.ts), the same bits.
      const simd = backendName === "wasm" && wo >= 4 ? simdPool(args.backend) : null;
      if (simd !== null) simd.maxPool2x2(xs.byteOffset, vs.byteOffset, is.byteOffset, n * c, h, w, ho, wo);
      else maxPool2x2(xs, vs, is, n * c, h, w, ho, wo);
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
    // MaxPool2d(2)'s indices (each inside its own 2x2 window) on wasm: written four outputs at a time
    // (backend/simd_pool.ts), the same bits; it reports indices of another pooling, scattered below.
    const simd = backendName === "wasm" && wo >= 4 && 2 * ho <= h && 2 * wo <= w ? simdPool(args.backend) : null;
    const relu = args.inputs.y as Info | undefined;
    if (simd !== null) {
      // The SIMD loop writes every element of the windows; only rows or columns past them need zeros.
      if (2 * ho < h || 2 * wo < w) dxs.fill(0);
      if (simd.maxPool2x2Grad(dys.byteOffset, is.byteOffset, dxs.byteOffset, n * c, h, w, ho, wo) !== 0) {
        if (relu !== undefined) reluMaskInPlace(args.backend, backendName, dxs, io.view(relu) as Float32Array);
        return dxInfo;
      }
    }
    // A fresh wasm output is uninitialised memory; the cpu backend's array is already zero.
    if (backendName === "wasm") dxs.fill(0);
    const plane = h * w;
    const outPlane = ho * wo;
    for (let p = 0; p < n * c; p++) {
      const base = p * plane;
      const ob = p * outPlane;
      for (let j = 0; j < outPlane; j++) dxs[base + is[ob + j]] += dys[ob + j];
    }
    if (relu !== undefined) reluMaskInPlace(args.backend, backendName, dxs, io.view(relu) as Float32Array);
    return dxInfo;
  };
}

/**
 * With input `y` (the pooling's input, a ReLU's result: autograd/backward.ts's reluMaskable), the
 * gradient scattered above is then passed through ReLU's threshold backward in place, the bits of
 * TorchlabReluGrad: the two kernels' work in one call.
 */
function reluMaskInPlace(backend: unknown, backendName: string, dx: Float32Array, y: Float32Array): void {
  const dxs = asInt32(dx);
  const count = y.length;
  const end4 = count - (count % 4);
  let i = 0;
  const simd = backendName === "wasm" ? simdLoops(backend) : null;
  if (simd !== null) {
    simd.reluGrad(dxs.byteOffset, y.byteOffset, dxs.byteOffset, end4 * 4);
    i = end4;
  }
  for (; i < count; i++) dxs[i] = dxs[i] & (((y[i] <= 0) as unknown as number) - 1);
}

/**
 * PyTorch's ReLU on float32: +0 where x < 0, x elsewhere (NaN, and -0, which PyTorch keeps: its
 * clamp_min(x, 0) moves only values below 0; tfjs's Relus give +0). tfjs-wasm's Relu (XNNPACK) and
 * Relu6 compare the bits as integers and turn a NaN with its sign bit set (x86's default NaN, as from
 * 0 / 0) into 0. Masking the bits keeps every NaN and has no branch to mispredict on signed
 * activations; on wasm the mask runs four lanes at a time (backend/simd.ts: the scalar loop took
 * ~1.3 ns per element, 6-10x XNNPACK's Relu), the scalar loop finishing the last 1-3 elements.
 */
function relu(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const io = ioFor(args.backend, backendName);
    const [yInfo] = io.outputs([[x.shape, "float32"]]);
    const xf = io.view(x) as Float32Array;
    const xs = asInt32(xf);
    const ys = asInt32(io.view(yInfo));
    const count = xf.length;
    const end4 = count - (count % 4);
    let i = 0;
    // On wasm, four lanes at a time in the backend's memory (backend/simd.ts), the same bits.
    const simd = backendName === "wasm" ? simdLoops(args.backend) : null;
    if (simd !== null) {
      simd.relu(xf.byteOffset, ys.byteOffset, end4 * 4);
      i = end4;
    }
    for (; i < end4; i += 4) {
      ys[i] = xs[i] & (((xf[i] < 0) as unknown as number) - 1);
      ys[i + 1] = xs[i + 1] & (((xf[i + 1] < 0) as unknown as number) - 1);
      ys[i + 2] = xs[i + 2] & (((xf[i + 2] < 0) as unknown as number) - 1);
      ys[i + 3] = xs[i + 3] & (((xf[i + 3] < 0) as unknown as number) - 1);
    }
    for (; i < count; i++) ys[i] = xs[i] & (((xf[i] < 0) as unknown as number) - 1);
    return yInfo;
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
    const end4 = count - (count % 4);
    let i = 0;
    const simd = backendName === "wasm" ? simdLoops(args.backend) : null;
    if (simd !== null) {
      simd.reluGrad(dys.byteOffset, ys.byteOffset, dxs.byteOffset, end4 * 4);
      i = end4;
    }
    for (; i < end4; i += 4) {
      dxs[i] = dys[i] & (((ys[i] <= 0) as unknown as number) - 1);
      dxs[i + 1] = dys[i + 1] & (((ys[i + 1] <= 0) as unknown as number) - 1);
      dxs[i + 2] = dys[i + 2] & (((ys[i + 2] <= 0) as unknown as number) - 1);
      dxs[i + 3] = dys[i + 3] & (((ys[i + 3] <= 0) as unknown as number) - 1);
    }
    for (; i < count; i++) dxs[i] = dys[i] & (((ys[i] <= 0) as unknown as number) - 1);
    return dxInfo;
  };
}

// ------------------------------------------------------------------ batch norm (per-channel passes)
// Tensors are [N, C, ...inner] (any rank >= 2); per-channel vectors are float32 [C]. Sums run in float64.
// The loops over a channel's contiguous `inner` values are unrolled by 4, with four partial sums in the
// reductions (a single running sum is one long chain of dependent additions): each pass reads
// megabytes per call on the ResNet block, so the loop body, not the dispatch, is what costs.

function channelDims(shape: number[]): [number, number, number] {
  const inner = shape.slice(2).reduce((a, v) => a * v, 1);
  return [shape[0], shape[1], inner];
}

/**
 * [2, C]: each channel's mean and biased variance, in one pass over the data (the two-pass form read
 * the megabytes of a ResNet block's activations twice: ~0.7 ms a pass). The sums run in double over
 * the channel's values minus its first value K: mean = K + S1/n and var = S2/n - (S1/n)^2, with
 * S1 = sum(x - K), S2 = sum((x - K)^2). The subtraction cancels when K lies far from the mean,
 * multiplying S2's rounding error by (mean - K)^2 / var; a channel where that ratio exceeds 1024 (K
 * an outlier), or whose sums are not finite (an inf or NaN among its values: PyTorch's mean is then
 * inf or NaN, not K's shift of it), is recomputed with the two passes. Otherwise the error stays
 * below 1024 times double's accumulated rounding, orders of magnitude under float32's precision.
 */
function channelMoments(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const [n, c, inner] = channelDims(x.shape);
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[[2, c], "float32"]]);
    const xs = io.view(x) as Float32Array;
    const out = io.view(outInfo) as Float32Array;
    const count = n * inner;
    // On wasm, each channel's sums two double lanes at a time (backend/simd_channel.ts), the same bits;
    // a channel it hands back (0) takes the two passes.
    const simd = backendName === "wasm" && count > 0 ? simdChannel(args.backend) : null;
    if (simd !== null) {
      for (let ch = 0; ch < c; ch++) {
        if (simd.channelMoments(xs.byteOffset, out.byteOffset, n, c, inner, ch) === 0) twoPassMoments(xs, n, c, inner, ch, out);
      }
      return outInfo;
    }
    const inner4 = inner - (inner % 4);
    for (let ch = 0; ch < c; ch++) {
      const k = xs[ch * inner];
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let q0 = 0, q1 = 0, q2 = 0, q3 = 0;
      for (let b = 0; b < n; b++) {
        const base = (b * c + ch) * inner;
        const end4 = base + inner4;
        let i = base;
        for (; i < end4; i += 4) {
          const d0 = xs[i] - k, d1 = xs[i + 1] - k, d2 = xs[i + 2] - k, d3 = xs[i + 3] - k;
          s0 += d0;
          s1 += d1;
          s2 += d2;
          s3 += d3;
          q0 += d0 * d0;
          q1 += d1 * d1;
          q2 += d2 * d2;
          q3 += d3 * d3;
        }
        for (; i < base + inner; i++) {
          const d = xs[i] - k;
          s0 += d;
          q0 += d * d;
        }
      }
      const s = s0 + s1 + s2 + s3;
      const q = q0 + q1 + q2 + q3;
      const shifted = s / count;
      const variance = q / count - shifted * shifted;
      // (Comparisons with NaN are false: a non-finite channel takes the two passes too.)
      if (variance >= 0 && shifted * shifted <= 1024 * variance) {
        out[ch] = k + shifted;
        out[c + ch] = variance;
      } else twoPassMoments(xs, n, c, inner, ch, out);
    }
    return outInfo;
  };
}

/** One channel's mean and biased variance with two passes (channelMoments' fallback). */
function twoPassMoments(xs: Float32Array, n: number, c: number, inner: number, ch: number, out: Float32Array): void {
  const count = n * inner;
  let s = 0;
  for (let b = 0; b < n; b++) for (let i = (b * c + ch) * inner, end = i + inner; i < end; i++) s += xs[i];
  const mean = s / count;
  let q = 0;
  for (let b = 0; b < n; b++) {
    for (let i = (b * c + ch) * inner, end = i + inner; i < end; i++) {
      const d = xs[i] - mean;
      q += d * d;
    }
  }
  out[ch] = mean;
  out[c + ch] = q / count;
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
    // On wasm, two double lanes at a time in the backend's memory (backend/simd_channel.ts), the same bits.
    const simd = backendName === "wasm" && inner >= 4 ? simdChannel(args.backend) : null;
    if (simd !== null) {
      simd.channelAffine(xs.byteOffset, center.byteOffset, scale.byteOffset, shift.byteOffset, ys.byteOffset, n, c, inner);
      return outInfo;
    }
    const inner4 = inner - (inner % 4);
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const m = center[ch];
        const k = scale[ch];
        const t = shift[ch];
        const base = (b * c + ch) * inner;
        const end4 = base + inner4;
        let i = base;
        for (; i < end4; i += 4) {
          ys[i] = (xs[i] - m) * k + t;
          ys[i + 1] = (xs[i + 1] - m) * k + t;
          ys[i + 2] = (xs[i + 2] - m) * k + t;
          ys[i + 3] = (xs[i + 3] - m) * k + t;
        }
        for (; i < base + inner; i++) ys[i] = (xs[i] - m) * k + t;
      }
    }
    return outInfo;
  };
}

/**
 * channelAffine over a channels-last buffer [..., C] (an NHWC map, src/ops/layout.ts): the same
 * arithmetic per element, so the result equals the NCHW kernel's, in the other order. With the attr
 * `relu`, ReLU is applied to each input first (an inference chain's MaxPool2d -> ReLU -> BatchNorm2d).
 */
function channelAffineNhwc(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const c = x.shape[x.shape.length - 1];
    const rows = c === 0 ? 0 : x.shape.reduce((a, v) => a * v, 1) / c;
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[x.shape, "float32"]]);
    const relu = (args.attrs as { relu?: boolean } | undefined)?.relu === true;
    // On wasm, four channels at a time (backend/simd_nhwc.ts), the same bits.
    if (channelAffineNhwcSimd(io, backendName, args.backend, x, args.inputs.center as Info, args.inputs.scale as Info, args.inputs.shift as Info, outInfo, relu)) return outInfo;
    const xs = io.view(x) as Float32Array;
    // Plain arrays of doubles (the values the NCHW kernel hoists per channel): the inner loop reads them
    // faster than typed-array views of the backend's memory (~1.5x in node 20).
    const center = Float64Array.from(io.view(args.inputs.center as Info) as Float32Array);
    const scale = Float64Array.from(io.view(args.inputs.scale as Info) as Float32Array);
    const shift = Float64Array.from(io.view(args.inputs.shift as Info) as Float32Array);
    const ys = io.view(outInfo) as Float32Array;
    let i = 0;
    if (relu) {
      // ReLU first, without a data-dependent branch (~2x faster on a conv output's mixed signs):
      // (v + |v|) / 2 is exactly max(v, 0) in double, +0 for v <= 0, and NaN for NaN, as PyTorch's.
      for (let r = 0; r < rows; r++) {
        for (let ch = 0; ch < c; ch++, i++) {
          const v = xs[i];
          ys[i] = ((v + Math.abs(v)) * 0.5 - center[ch]) * scale[ch] + shift[ch];
        }
      }
      return outInfo;
    }
    for (let r = 0; r < rows; r++) {
      for (let ch = 0; ch < c; ch++, i++) ys[i] = (xs[i] - center[ch]) * scale[ch] + shift[ch];
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
    const simd = backendName === "wasm" ? simdChannel(args.backend) : null;
    if (simd !== null) {
      simd.channelGradSums(gs.byteOffset, xs.byteOffset, mean.byteOffset, out.byteOffset, n, c, inner);
      return outInfo;
    }
    const inner4 = inner - (inner % 4);
    for (let ch = 0; ch < c; ch++) {
      const m = mean[ch];
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let d0 = 0, d1 = 0, d2 = 0, d3 = 0;
      for (let b = 0; b < n; b++) {
        const base = (b * c + ch) * inner;
        const end4 = base + inner4;
        let i = base;
        for (; i < end4; i += 4) {
          const g0 = gs[i], g1 = gs[i + 1], g2 = gs[i + 2], g3 = gs[i + 3];
          s0 += g0;
          s1 += g1;
          s2 += g2;
          s3 += g3;
          d0 += (xs[i] - m) * g0;
          d1 += (xs[i + 1] - m) * g1;
          d2 += (xs[i + 2] - m) * g2;
          d3 += (xs[i + 3] - m) * g3;
        }
        for (; i < base + inner; i++) {
          const gv = gs[i];
          s0 += gv;
          d0 += (xs[i] - m) * gv;
        }
      }
      out[ch] = s0 + s1 + s2 + s3;
      out[c + ch] = d0 + d1 + d2 + d3;
    }
    return outInfo;
  };
}

/**
 * [C]: each channel's sum over every dim but 1 (a convolution's bias gradient), in double with four
 * partial sums, rounded once to float32. One pass and no read-back: as two Sum kernels, a copy out
 * of the backend and an upload it cost the batch-4 classifier's step ~2% of its CPU time.
 */
function channelSum(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const [n, c, inner] = channelDims(x.shape);
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[[c], "float32"]]);
    channelSums(args.backend, backendName, io.view(x) as Float32Array, io.view(outInfo) as Float32Array, n, c, inner);
    return outInfo;
  };
}

/** channelSum's loop: out[ch] = the sum of xs [n, c, inner] over n and inner. */
function channelSums(backend: unknown, backendName: string, xs: Float32Array, out: Float32Array, n: number, c: number, inner: number): void {
  const simd = backendName === "wasm" ? simdChannel(backend) : null;
  if (simd !== null) {
    simd.channelSum(xs.byteOffset, out.byteOffset, n, c, inner);
    return;
  }
  const inner4 = inner - (inner % 4);
  for (let ch = 0; ch < c; ch++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let b = 0; b < n; b++) {
      const base = (b * c + ch) * inner;
      const end4 = base + inner4;
      let i = base;
      for (; i < end4; i += 4) {
        s0 += xs[i];
        s1 += xs[i + 1];
        s2 += xs[i + 2];
        s3 += xs[i + 3];
      }
      for (; i < base + inner; i++) s0 += xs[i];
    }
    out[ch] = s0 + s1 + s2 + s3;
  }
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
    const simd = backendName === "wasm" && inner >= 4 ? simdChannel(args.backend) : null;
    if (simd !== null) {
      simd.batchNormInputGrad(gs.byteOffset, xs.byteOffset, mean.byteOffset, k.byteOffset, dx.byteOffset, n, c, inner);
      return outInfo;
    }
    const inner4 = inner - (inner % 4);
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const m = mean[ch];
        const k1 = k[ch];
        const k2 = k[c + ch];
        const k3 = k[2 * c + ch];
        const base = (b * c + ch) * inner;
        const end4 = base + inner4;
        let i = base;
        for (; i < end4; i += 4) {
          dx[i] = gs[i] * k1 - (xs[i] - m) * k2 - k3;
          dx[i + 1] = gs[i + 1] * k1 - (xs[i + 1] - m) * k2 - k3;
          dx[i + 2] = gs[i + 2] * k1 - (xs[i + 2] - m) * k2 - k3;
          dx[i + 3] = gs[i + 3] * k1 - (xs[i + 3] - m) * k2 - k3;
        }
        for (; i < base + inner; i++) dx[i] = gs[i] * k1 - (xs[i] - m) * k2 - k3;
      }
    }
    return outInfo;
  };
}

// ------------------------------------------------------------------ convolution filters

export interface FlipTransposeAttrs {
  /** The two axes of the 4-D input read in reverse (a filter's spatial axes). */
  flip: [number, number];
  /** Output axis d is input axis perm[d], as tf.transpose's perm. */
  perm: [number, number, number, number];
}

/**
 * tf.transpose(tf.reverse(x, flip), perm) for a 4-D float32 tensor, in one pass: a convolution's
 * gradients read its filter flipped spatially with in/out channels swapped. wasm's Reverse kernel
 * walks each element with a division per axis (~47 ns an element): the batch-4 classifier's [16, 6,
 * 5, 5] filter took ~113 us a step and the tutorial Net's [64, 32, 3, 3] ~0.77 ms (process CPU time,
 * one thread), where this loop takes a few microseconds.
 */
function flipTranspose(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const { flip, perm } = args.attrs as unknown as FlipTransposeAttrs;
    const shape = x.shape;
    const io = ioFor(args.backend, backendName);
    const outShape = perm.map((p) => shape[p]);
    const [outInfo] = io.outputs([[outShape, "float32"]]);
    const xs = io.view(x) as Float32Array;
    const out = io.view(outInfo) as Float32Array;
    // Row-major input strides; a flipped axis starts at its last index and steps backwards.
    const strides = [shape[1] * shape[2] * shape[3], shape[2] * shape[3], shape[3], 1];
    let base = 0;
    const step = strides.slice();
    for (const a of flip) {
      base += (shape[a] - 1) * strides[a];
      step[a] = -strides[a];
    }
    const [s0, s1, s2, s3] = perm.map((p) => step[p]);
    const [n0, n1, n2, n3] = outShape;
    let o = 0;
    for (let i0 = 0; i0 < n0; i0++) {
      const b0 = base + i0 * s0;
      for (let i1 = 0; i1 < n1; i1++) {
        const b1 = b0 + i1 * s1;
        for (let i2 = 0; i2 < n2; i2++) {
          const b2 = b1 + i2 * s2;
          for (let i3 = 0; i3 < n3; i3++) out[o++] = xs[b2 + i3 * s3];
        }
      }
    }
    return outInfo;
  };
}

/**
 * `bias + yT^T` for yT [p, n] and a float32 bias [p]: the [n, p] result of F.linear's swapped product
 * on wasm (addmm: (W x^T)^T + b, for a small batch against a weight each step renews) in one pass
 * instead of a Transpose and a broadcast Add (the batch-4 classifier: two kernel calls a step fewer).
 * Each element is the one float32 addition tfjs's Add makes (b + y, rounded once).
 */
function addTransposed(backendName: string) {
  return (args: KernelArgs): Info => {
    const yT = args.inputs.yT as Info;
    const bias = args.inputs.bias as Info;
    const [p, n] = yT.shape;
    const io = ioFor(args.backend, backendName);
    const [outInfo] = io.outputs([[[n, p], "float32"]]);
    const ys = io.view(yT) as Float32Array;
    const bs = io.view(bias) as Float32Array;
    const out = io.view(outInfo) as Float32Array;
    for (let j = 0; j < p; j++) {
      const b = bs[j];
      const row = j * n;
      for (let i = 0, o = j; i < n; i++, o += p) out[o] = Math.fround(b + ys[row + i]);
    }
    return outInfo;
  };
}

// ------------------------------------------------------------------ F.linear at a small batch

/**
 * x W^T + b in one call (x [n, k], w [p, k], bias [p]): each dot product in four partial sums (element
 * j < k & ~3 into sum j % 4), added as (s0 + s1) + (s2 + s3), then the last 1-3 products in order, and
 * the bias added last. On wasm the same float32 operations four lanes at a time (backend/simd_linear.ts).
 */
function linearKernel(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const w = args.inputs.w as Info;
    const [n, k] = x.shape;
    const p = w.shape[0];
    const io = ioFor(args.backend, backendName);
    const [yInfo] = io.outputs([[[n, p], "float32"]]);
    const xs = io.view(x) as Float32Array;
    const ws = io.view(w) as Float32Array;
    const bs = io.view(args.inputs.bias as Info) as Float32Array;
    const ys = io.view(yInfo) as Float32Array;
    const simd = backendName === "wasm" ? simdLinear(args.backend) : null;
    if (simd !== null) {
      simd.linear(xs.byteOffset, ws.byteOffset, bs.byteOffset, ys.byteOffset, n, k, p);
      return yInfo;
    }
    const k4 = k - (k % 4);
    for (let o = 0; o < p; o++) {
      const wr = o * k;
      for (let b = 0; b < n; b++) {
        const xr = b * k;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        let j = 0;
        for (; j < k4; j += 4) {
          s0 = f32(s0 + f32(xs[xr + j] * ws[wr + j]));
          s1 = f32(s1 + f32(xs[xr + j + 1] * ws[wr + j + 1]));
          s2 = f32(s2 + f32(xs[xr + j + 2] * ws[wr + j + 2]));
          s3 = f32(s3 + f32(xs[xr + j + 3] * ws[wr + j + 3]));
        }
        let s = f32(f32(s0 + s1) + f32(s2 + s3));
        for (; j < k; j++) s = f32(s + f32(xs[xr + j] * ws[wr + j]));
        ys[b * p + o] = f32(bs[o] + s);
      }
    }
    return yInfo;
  };
}

/**
 * F.linear's gradients in one call (g [n, p], x [n, k]): dw [p, k] = g^T x, each element summed over
 * the batch in order from +0; with attrs.bias also db [p], g summed over the batch; with input w
 * [p, k] also gx [n, k] = g w, summed over o in order from +0, and with input y (x's values, a ReLU's
 * result: autograd/backward.ts's reluMaskable) gx passed through ReLU's threshold backward as
 * TorchlabReluGrad does. Outputs dw, then db, then gx. On wasm the same float32 operations four lanes
 * at a time (backend/simd_linear.ts).
 */
function linearGrads(backendName: string) {
  return (args: KernelArgs): Info[] => {
    const g = args.inputs.g as Info;
    const x = args.inputs.x as Info;
    const bias = (args.attrs as { bias?: boolean } | undefined)?.bias === true;
    const [n, p] = g.shape;
    const k = x.shape[1];
    const io = ioFor(args.backend, backendName);
    const w = args.inputs.w as Info | undefined;
    const y = args.inputs.y as Info | undefined;
    const specs: [number[], "float32"][] = [[[p, k], "float32"]];
    if (bias) specs.push([[p], "float32"]);
    if (w !== undefined) specs.push([[n, k], "float32"]);
    const outs = io.outputs(specs);
    const gs = io.view(g) as Float32Array;
    const xs = io.view(x) as Float32Array;
    const dw = io.view(outs[0]) as Float32Array;
    const db = bias ? (io.view(outs[1]) as Float32Array) : null;
    const simd = backendName === "wasm" ? simdLinear(args.backend) : null;
    if (w !== undefined) {
      const ws = io.view(w) as Float32Array;
      const gx = io.view(outs[outs.length - 1]) as Float32Array;
      gx.fill(0);
      if (simd !== null) simd.linearInputGrad(gs.byteOffset, ws.byteOffset, gx.byteOffset, n, k, p);
      else {
        for (let o = 0; o < p; o++) {
          for (let b = 0; b < n; b++) {
            const gv = gs[b * p + o];
            for (let j = 0, r = b * k, wr = o * k; j < k; j++) gx[r + j] = f32(gx[r + j] + f32(gv * ws[wr + j]));
          }
        }
      }
      if (y !== undefined) reluMaskInPlace(args.backend, backendName, gx, io.view(y) as Float32Array);
    }
    if (simd !== null) {
      simd.linearGrads(gs.byteOffset, xs.byteOffset, dw.byteOffset, db === null ? 0 : db.byteOffset, n, k, p, db === null ? 0 : 1);
      return outs;
    }
    for (let o = 0; o < p; o++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let b = 0; b < n; b++) s = f32(s + f32(gs[b * p + o] * xs[b * k + j]));
        dw[o * k + j] = s;
      }
      if (db !== null) {
        let s = 0;
        for (let b = 0; b < n; b++) s = f32(s + gs[b * p + o]);
        db[o] = s;
      }
    }
    return outs;
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

/**
 * Allocates float32 outputs shaped by `shapes`; returns them with their views, and a view of an input
 * (the foreach kernels take their inputs as an array: `args.inputs[i]`, in the order their attrs give).
 */
function foreachIo(args: KernelArgs, backendName: string, shapes: number[][]): { outs: Info[]; out: Float32Array[]; input: (i: number) => Float32Array } {
  const io = ioFor(args.backend, backendName);
  const outs = io.outputs(shapes.map((shape) => [shape, "float32"]));
  const out = outs.map((o) => io.view(o) as Float32Array);
  const inputs = args.inputs as unknown as Info[];
  return { outs, out, input: (i) => io.view(inputs[i]) as Float32Array };
}

/** The shapes of the first n inputs (the parameters). */
function paramShapes(args: KernelArgs, n: number): number[][] {
  const inputs = args.inputs as unknown as Info[];
  const shapes: number[][] = new Array(n);
  for (let i = 0; i < n; i++) shapes[i] = inputs[i].shape;
  return shapes;
}

export interface SgdForeachAttrs extends SGDHyper {
  n: number;
  /**
   * 1 where parameter i has a momentum buffer. Inputs: the n parameters, the n gradients, then the
   * buffers of the parameters that have one, in order.
   */
  hasBuf: number[];
}

/** SGD for n parameters: outputs the n new parameters, then (with momentum) the n new buffers. */
function sgdForeach(backendName: string) {
  return (args: KernelArgs): Info[] => {
    const a = args.attrs as unknown as SgdForeachAttrs;
    const n = a.n;
    const shapes = paramShapes(args, n);
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
    // The usual training loop's case (momentum, a buffer, nothing else) gets a loop of its own.
    const plain = !decay && !neg && !dampened && !nesterov;
    // On wasm the two plain updates run four lanes at a time (backend/simd.ts, the same roundings);
    // the scalar loops below finish the last one to three elements.
    const simd = backendName === "wasm" ? simdLoops(args.backend) : null;
    let nextBuf = 2 * n;
    for (let i = 0; i < n; i++) {
      const p = input(i);
      const g = input(n + i);
      const np = out[i];
      const len = p.length;
      const end4 = simd === null ? 0 : len - (len % 4);
      if (!momentum) {
        let k = 0;
        if (simd !== null && !decay && !neg) {
          simd.sgdPlain(p.byteOffset, g.byteOffset, np.byteOffset, end4 * 4, negLr);
          k = end4;
        }
        for (; k < len; k++) {
          let d = neg ? -g[k] : g[k];
          if (decay) d = f32(d + f32(p[k] * wd));
          np[k] = f32(p[k] + f32(d * negLr));
        }
        continue;
      }
      const nb = out[n + i];
      const b = a.hasBuf[i] ? input(nextBuf++) : null;
      if (plain && b !== null) {
        let k = 0;
        if (simd !== null) {
          simd.sgdMomentum(p.byteOffset, g.byteOffset, b.byteOffset, np.byteOffset, nb.byteOffset, end4 * 4, mom, negLr);
          k = end4;
        }
        for (; k < len; k++) {
          const bk = f32(f32(b[k] * mom) + g[k]);
          nb[k] = bk;
          np[k] = f32(p[k] + f32(bk * negLr));
        }
        continue;
      }
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

/** Inputs: the n parameters, gradients, exp_avgs, exp_avg_sqs (and max_exp_avg_sqs with amsgrad), in that order. */
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
    const shapes = paramShapes(args, a.n);
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
      const p = input(i);
      const g = input(a.n + i);
      const m = input(2 * a.n + i);
      const v = input(3 * a.n + i);
      const vmax = a.amsgrad ? input(4 * a.n + i) : null;
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
  TorchlabRelu: relu,
  TorchlabReluGrad: reluGrad,
  TorchlabSgdForeach: sgdForeach,
  TorchlabAdamForeach: adamForeach,
  TorchlabZerosForeach: zerosForeach,
  TorchlabChannelMoments: channelMoments,
  TorchlabChannelAffine: channelAffine,
  TorchlabChannelAffineNhwc: channelAffineNhwc,
  TorchlabChannelGradSums: channelGradSums,
  TorchlabChannelSum: channelSum,
  TorchlabBatchNormInputGrad: batchNormInputGrad,
  TorchlabFlipTranspose: flipTranspose,
  TorchlabAddTransposed: addTransposed,
  TorchlabLinear: linearKernel,
  TorchlabLinearGrads: linearGrads,
  ...nhwcKernels(ioFor),
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
 * Rows of cols are `rowLength` floats apart (the wasm loops' rows padded to 16 floats; the padding is
 * neither written nor read).
 */
function patches(xs: Float32Array, cols: Float32Array, b: number, shape: number[], k: [number, number], a: ConvAttrs, add: boolean, rowLength = a.out[0] * a.out[1]): void {
  const [, c, h, w] = shape;
  const [kh, kw] = k;
  const [sh, sw] = a.stride;
  const [ph, pw] = a.padding;
  const [dh, dw] = a.dilation;
  const [ho, wo] = a.out;
  for (let ci = 0; ci < c; ci++) {
    const base = (b * c + ci) * h * w;
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        let o = ((ci * kh + i) * kw + j) * rowLength;
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
 * patches() on the wasm heap through simd_conv.ts's gather / scatterAdd, one call per run of taps
 * (kernel columns of one kernel row) that read the same output positions, over every channel and the
 * output rows whose taps read the input. Only those positions are written: the rest (taps that read
 * padding) must already be zero in `cols`, which holds for every sample once the kernel zeroed it.
 */
function simdPatches(simd: SimdConv, xs: Float32Array, cols: Float32Array, b: number, shape: number[], k: [number, number], a: ConvAttrs, add: boolean, rowLength: number): void {
  const [, c, h, w] = shape;
  const [kh, kw] = k;
  const [sh, sw] = a.stride;
  const [ph, pw] = a.padding;
  const [dh, dw] = a.dilation;
  const [ho, wo] = a.out;
  const run = add ? simd.scatterAdd : simd.gather;
  const range = (j: number): [number, number] => {
    const dx = j * dw - pw;
    const lo = Math.min(wo, Math.max(0, Math.ceil(-dx / sw)));
    return [lo, Math.max(lo, Math.min(wo, Math.floor((w - 1 - dx) / sw) + 1))];
  };
  const ranges = Array.from({ length: kw }, (_, j) => range(j));
  const base = b * c * h * w;
  for (let i = 0; i < kh; i++) {
    const dy = i * dh - ph;
    const oyLo = Math.min(ho, Math.max(0, Math.ceil(-dy / sh)));
    const oyHi = Math.max(oyLo, Math.min(ho, Math.floor((h - 1 - dy) / sh) + 1));
    if (oyHi === oyLo) continue;
    for (let j = 0; j < kw; ) {
      const [lo, hi] = ranges[j];
      let taps = 1;
      while (j + taps < kw && ranges[j + taps][0] === lo && ranges[j + taps][1] === hi) taps++;
      if (hi > lo) {
        const bytes = 4 * (hi - lo);
        const x = xs.byteOffset + 4 * (base + (oyLo * sh + dy) * w + j * dw - pw + lo * sw);
        const o = cols.byteOffset + 4 * ((i * kw + j) * rowLength + oyLo * wo + lo);
        run(x, o, oyHi - oyLo, 4 * sh * w, 4 * wo, sw === 1 ? bytes & ~15 : 0, bytes, 4 * sw, taps, 4 * dw, 4 * rowLength, c, 4 * h * w, 4 * kh * kw * rowLength);
      }
      j += taps;
    }
  }
}

/**
 * C[m][p] += sum_k A(m, k) * B[k][p] for m < M, p < P, with A(m, k) = a[aOff + m * aM + k * aK] and B
 * rows of P floats from bOff. Blocks of 4 rows x 4 columns keep 16 sums in locals across the whole k
 * loop (8 loads per 16 multiply-adds, against 9 memory operations per 4 when each product is added
 * into C in memory: ~2x faster on the tutorial Net's convolutions, measured).
 */
function gemmAcc(c: Float32Array, cOff: number, a: Float32Array, aOff: number, aM: number, aK: number, b: Float32Array, bOff: number, M: number, K: number, P: number): void {
  const P4 = P - (P % 4);
  let m = 0;
  for (; m + 4 <= M; m += 4) {
    const a0 = aOff + m * aM, a1 = a0 + aM, a2 = a1 + aM, a3 = a2 + aM;
    const r0 = cOff + m * P, r1 = r0 + P, r2 = r1 + P, r3 = r2 + P;
    for (let p = 0; p < P4; p += 4) {
      let s00 = c[r0 + p], s01 = c[r0 + p + 1], s02 = c[r0 + p + 2], s03 = c[r0 + p + 3];
      let s10 = c[r1 + p], s11 = c[r1 + p + 1], s12 = c[r1 + p + 2], s13 = c[r1 + p + 3];
      let s20 = c[r2 + p], s21 = c[r2 + p + 1], s22 = c[r2 + p + 2], s23 = c[r2 + p + 3];
      let s30 = c[r3 + p], s31 = c[r3 + p + 1], s32 = c[r3 + p + 2], s33 = c[r3 + p + 3];
      for (let k = 0, bk = bOff + p, ak = 0; k < K; k++, bk += P, ak += aK) {
        const b0 = b[bk], b1 = b[bk + 1], b2 = b[bk + 2], b3 = b[bk + 3];
        const w0 = a[a0 + ak], w1 = a[a1 + ak], w2 = a[a2 + ak], w3 = a[a3 + ak];
        s00 += w0 * b0; s01 += w0 * b1; s02 += w0 * b2; s03 += w0 * b3;
        s10 += w1 * b0; s11 += w1 * b1; s12 += w1 * b2; s13 += w1 * b3;
        s20 += w2 * b0; s21 += w2 * b1; s22 += w2 * b2; s23 += w2 * b3;
        s30 += w3 * b0; s31 += w3 * b1; s32 += w3 * b2; s33 += w3 * b3;
      }
      c[r0 + p] = s00; c[r0 + p + 1] = s01; c[r0 + p + 2] = s02; c[r0 + p + 3] = s03;
      c[r1 + p] = s10; c[r1 + p + 1] = s11; c[r1 + p + 2] = s12; c[r1 + p + 3] = s13;
      c[r2 + p] = s20; c[r2 + p + 1] = s21; c[r2 + p + 2] = s22; c[r2 + p + 3] = s23;
      c[r3 + p] = s30; c[r3 + p + 1] = s31; c[r3 + p + 2] = s32; c[r3 + p + 3] = s33;
    }
    for (let p = P4; p < P; p++) {
      let s0 = c[r0 + p], s1 = c[r1 + p], s2 = c[r2 + p], s3 = c[r3 + p];
      for (let k = 0, bk = bOff + p, ak = 0; k < K; k++, bk += P, ak += aK) {
        const v = b[bk];
        s0 += a[a0 + ak] * v; s1 += a[a1 + ak] * v; s2 += a[a2 + ak] * v; s3 += a[a3 + ak] * v;
      }
      c[r0 + p] = s0; c[r1 + p] = s1; c[r2 + p] = s2; c[r3 + p] = s3;
    }
  }
  for (; m < M; m++) {
    const a0 = aOff + m * aM;
    const r0 = cOff + m * P;
    for (let p = 0; p < P; p++) {
      let s0 = c[r0 + p];
      for (let k = 0, bk = bOff + p, ak = 0; k < K; k++, bk += P, ak += aK) s0 += a[a0 + ak] * b[bk];
      c[r0 + p] = s0;
    }
  }
}

/**
 * C[m][j] += sum_p A[aOff + m * P + p] * B[bOff + j * P + p] for m < M, j < N (dot products of rows,
 * accumulated in a Float64Array): 4 x 4 blocks of sums held in locals across p.
 */
function gemmRowsAcc(c: Float64Array, a: Float32Array, aOff: number, b: Float32Array, bOff: number, M: number, N: number, P: number): void {
  let m = 0;
  for (; m + 4 <= M; m += 4) {
    const a0 = aOff + m * P, a1 = a0 + P, a2 = a1 + P, a3 = a2 + P;
    let j = 0;
    for (; j + 4 <= N; j += 4) {
      const b0 = bOff + j * P, b1 = b0 + P, b2 = b1 + P, b3 = b2 + P;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let p = 0; p < P; p++) {
        const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
        const y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
      }
      const c0 = m * N + j, c1 = c0 + N, c2 = c1 + N, c3 = c2 + N;
      c[c0] += s00; c[c0 + 1] += s01; c[c0 + 2] += s02; c[c0 + 3] += s03;
      c[c1] += s10; c[c1 + 1] += s11; c[c1 + 2] += s12; c[c1 + 3] += s13;
      c[c2] += s20; c[c2 + 1] += s21; c[c2 + 2] += s22; c[c2 + 3] += s23;
      c[c3] += s30; c[c3 + 1] += s31; c[c3 + 2] += s32; c[c3 + 3] += s33;
    }
    for (; j < N; j++) {
      const b0 = bOff + j * P;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < P; p++) {
        const y = b[b0 + p];
        s0 += a[a0 + p] * y; s1 += a[a1 + p] * y; s2 += a[a2 + p] * y; s3 += a[a3 + p] * y;
      }
      c[m * N + j] += s0; c[(m + 1) * N + j] += s1; c[(m + 2) * N + j] += s2; c[(m + 3) * N + j] += s3;
    }
  }
  for (; m < M; m++) {
    const a0 = aOff + m * P;
    for (let j = 0; j < N; j++) {
      const b0 = bOff + j * P;
      let s0 = 0;
      for (let p = 0; p < P; p++) s0 += a[a0 + p] * b[b0 + p];
      c[m * N + j] += s0;
    }
  }
}

/**
 * Scratch arrays in the wasm heap for the SIMD loops (backend/simd_conv.ts), allocated with a kernel's
 * outputs (allocating can grow the heap and detach earlier views) and freed when the kernel returns.
 */
interface ConvScratch {
  views: Float32Array[];
  free(): void;
}

function convIo(args: KernelArgs, backendName: string, outputs: number[][], scratch: number[]): { outs: Info[]; io: Io; scratch: ConvScratch } {
  const io = ioFor(args.backend, backendName);
  const all = io.outputs([...outputs, ...scratch.map((size): number[] => [size])].map((shape): [number[], "float32"] => [shape, "float32"]));
  const temps = all.slice(outputs.length);
  return {
    outs: all.slice(0, outputs.length),
    io,
    scratch: {
      views: temps.map((t) => io.view(t) as Float32Array),
      free: () => {
        for (const t of temps) (args.backend as { disposeData(dataId: object, force?: boolean): boolean }).disposeData(t.dataId, true);
      },
    },
  };
}

/** p rounded up to a multiple of 16 floats: the SIMD loops' row length. */
const rows16 = (p: number): number => Math.ceil(p / 16) * 16;

/**
 * Rows of `count` floats of `src` from `from` into `dst` as rows `stride` floats apart from `to`
 * (a sample's gradient [O, Ho*Wo] into the SIMD loops' padded rows, or back), as one gather call:
 * a subarray and a set per row cost the Net's step ~8 ms of CPU (three convolutions, 64 rows a sample).
 */
function copyRows(simd: SimdConv, dst: Float32Array, to: number, dstStride: number, src: Float32Array, from: number, srcStride: number, rows: number, count: number): void {
  const bytes = 4 * count;
  simd.gather(src.byteOffset + 4 * from, dst.byteOffset + 4 * to, rows, 4 * srcStride, 4 * dstStride, bytes & ~15, bytes, 4, 1, 0, 0, 1, 0, 0);
}

/**
 * conv2d on NCHW data with OIHW weights (groups 1), as one matrix product per sample:
 * y[n] = W[O, C*kH*kW] . cols[n] (+ bias). The tfjs cpu backend's own convolution needs NHWC (two
 * transposes per call) and runs a scalar loop per output element; gemmAcc here blocks 4 output
 * channels by 4 positions. On wasm (where ops/conv.ts's nchwConvPays picks it) the product is
 * simd_conv.ts's gemm over rows padded to 16 floats.
 */
function conv2dNchw(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const wInfo = args.inputs.w as Info;
    const a = args.attrs as unknown as ConvAttrs;
    const [n] = x.shape;
    const [o, c, kh, kw] = wInfo.shape;
    const [ho, wo] = a.out;
    const P = ho * wo;
    const K = c * kh * kw;
    const simd = backendName === "wasm" ? simdConv(args.backend) : null;
    const [h, w] = x.shape.slice(2);
    const wino = simd !== null ? winogradFor(args.backend, a, [kh, kw], { n, cin: c, h, w, cout: o, ho, wo, top: a.padding[0], left: a.padding[1] }) : null;
    if (wino !== null && simd !== null) return winogradKernel(args, backendName, simd, x, wInfo, args.inputs.bias as Info | undefined, wino, false);
    const P16 = rows16(P);
    const { outs, io, scratch } = convIo(args, backendName, [[n, o, ho, wo]], simd === null ? [] : P16 === P ? [K * P16] : [K * P16, o * P16]);
    const [outInfo] = outs;
    const xs = io.view(x) as Float32Array;
    const ws = io.view(wInfo) as Float32Array;
    const bias = args.inputs.bias ? (io.view(args.inputs.bias as Info) as Float32Array) : null;
    const ys = io.view(outInfo) as Float32Array;
    if (simd !== null) {
      const [cols, padded] = scratch.views;
      cols.fill(0);
      for (let b = 0; b < n; b++) {
        simdPatches(simd, xs, cols, b, x.shape, [kh, kw], a, false, P16);
        const [yv, yOff] = padded === undefined ? [ys, b * o * P] : [padded, 0];
        for (let oc = 0; oc < o; oc++) yv.fill(bias ? bias[oc] : 0, yOff + oc * P16, yOff + (oc + 1) * P16);
        simd.gemm(yv.byteOffset + 4 * yOff, ws.byteOffset, 4 * K, 4, cols.byteOffset, o, K, P16, false);
        if (padded !== undefined) copyRows(simd, ys, b * o * P, P, padded, 0, P16, o, P);
      }
      scratch.free();
      return outInfo;
    }
    const cols = new Float32Array(K * P);
    for (let b = 0; b < n; b++) {
      patches(xs, cols, b, x.shape, [kh, kw], a, false);
      const yb = b * o * P;
      for (let oc = 0; oc < o; oc++) ys.fill(bias ? bias[oc] : 0, yb + oc * P, yb + (oc + 1) * P);
      gemmAcc(ys, yb, ws, 0, K, 1, cols, 0, o, K, P);
    }
    return outInfo;
  };
}

/** `s` where Winograd F(2x2, 3x3) runs this convolution (3x3, stride 1, dilation 1, sizes where it pays), else null. */
function winogradFor(backend: unknown, a: ConvAttrs, [kh, kw]: [number, number], s: WinogradShape): WinogradShape | null {
  const plain = kh === 3 && kw === 3 && a.stride[0] === 1 && a.stride[1] === 1 && a.dilation[0] === 1 && a.dilation[1] === 1;
  return plain && winogradPays(backend, s) ? s : null;
}

/**
 * conv2dNchw (or with `flip` its input gradient, x then being the output's gradient and the filters
 * flipped and transposed) through simd_winograd.ts: the filters' transform per call (16 * O * C floats).
 */
function winogradKernel(args: KernelArgs, backendName: string, simd: SimdConv, x: Info, wInfo: Info, biasInfo: Info | undefined, s: WinogradShape, flip: boolean): Info {
  const { outs, io, scratch } = convIo(args, backendName, [[s.n, s.cout, s.ho, s.wo]], winogradScratch(s));
  const [o, c] = wInfo.shape;
  const u = scratch.views[4];
  winogradWeights(io.view(wInfo) as Float32Array, o, c, flip, u);
  const bias = biasInfo ? (io.view(biasInfo) as Float32Array) : null;
  winogradConv(simd, args.backend, io.view(x) as Float32Array, s, u, bias, io.view(outs[0]) as Float32Array, scratch.views);
  scratch.free();
  return outs[0];
}

/** conv2dNchw's input gradient: dcols = W^T . g[n], added back through the patches' adjoint. */
function conv2dNchwInputGrad(backendName: string) {
  return (args: KernelArgs): Info => {
    const g = args.inputs.dy as Info;
    const wInfo = args.inputs.w as Info;
    const a = args.attrs as unknown as ConvAttrs & { inputShape: number[] };
    const [n, c, h, w] = a.inputShape;
    const [o, , kh, kw] = wInfo.shape;
    const P = a.out[0] * a.out[1];
    const K = c * kh * kw;
    const simd = backendName === "wasm" ? simdConv(args.backend) : null;
    // The input gradient is the 3x3 stride-1 convolution of g, padded by 2 - padding, with the flipped kernel.
    const [top, left] = a.padding;
    const wino = simd !== null && top <= 2 && left <= 2 ? winogradFor(args.backend, a, [kh, kw], { n, cin: o, h: a.out[0], w: a.out[1], cout: c, ho: h, wo: w, top: 2 - top, left: 2 - left }) : null;
    if (wino !== null && simd !== null) return winogradKernel(args, backendName, simd, g, wInfo, undefined, wino, true);
    const P16 = rows16(P);
    const { outs, io, scratch } = convIo(args, backendName, [[n, c, h, w]], simd === null ? [] : P16 === P ? [K * P16] : [K * P16, o * P16]);
    const [dxInfo] = outs;
    const gs = io.view(g) as Float32Array;
    const ws = io.view(wInfo) as Float32Array;
    const dxs = io.view(dxInfo) as Float32Array;
    if (simd !== null) {
      const [dcols, padded] = scratch.views;
      dxs.fill(0);
      padded?.fill(0);
      for (let b = 0; b < n; b++) {
        let gPtr = gs.byteOffset + 4 * b * o * P;
        if (padded !== undefined) {
          copyRows(simd, padded, 0, P16, gs, b * o * P, P, o, P);
          gPtr = padded.byteOffset;
        }
        // dcols[k][p] = sum over oc of W[oc][k] * g[oc][p]: A(k, oc) = W[oc * K + k], onto zero.
        simd.gemm(dcols.byteOffset, ws.byteOffset, 4, 4 * K, gPtr, K, o, P16, true);
        simdPatches(simd, dxs, dcols, b, [n, c, h, w], [kh, kw], a, true, P16);
      }
      scratch.free();
      return dxInfo;
    }
    const dcols = new Float32Array(K * P);
    for (let b = 0; b < n; b++) {
      dcols.fill(0);
      gemmAcc(dcols, 0, ws, 0, 1, K, gs, b * o * P, K, o, P);
      patches(dxs, dcols, b, [n, c, h, w], [kh, kw], a, true);
    }
    return dxInfo;
  };
}

/**
 * conv2dNchw's weight gradient: dW = sum over samples of g[n] . cols[n]^T (dot products over
 * positions; in double on the cpu backend, in float32 four lanes at a time on wasm); with attrs.bias
 * also the bias gradient (TorchlabChannelSum's sums of g) as a second output, in the same call.
 */
function conv2dNchwWeightGrad(backendName: string) {
  return (args: KernelArgs): Info | Info[] => {
    const x = args.inputs.x as Info;
    const g = args.inputs.dy as Info;
    const a = args.attrs as unknown as ConvAttrs & { kernel: [number, number]; bias?: boolean };
    const [n, c] = x.shape;
    const o = g.shape[1];
    const [kh, kw] = a.kernel;
    const P = a.out[0] * a.out[1];
    const K = c * kh * kw;
    const simd = backendName === "wasm" ? simdConv(args.backend) : null;
    const P16 = rows16(P);
    const bias = a.bias === true;
    const shapes = bias ? [[o, c, kh, kw], [o]] : [[o, c, kh, kw]];
    const [h, w] = x.shape.slice(2);
    const wino = simd !== null ? winogradFor(args.backend, a, [kh, kw], { n, cin: c, h, w, cout: o, ho: a.out[0], wo: a.out[1], top: a.padding[0], left: a.padding[1] }) : null;
    const temps = wino !== null ? winogradScratch(wino) : simd === null ? [] : P16 === P ? [K * P16] : [K * P16, o * P16];
    const { outs, io, scratch } = convIo(args, backendName, shapes, temps);
    const [dwInfo] = outs;
    const xs = io.view(x) as Float32Array;
    const gs = io.view(g) as Float32Array;
    const dws = io.view(dwInfo) as Float32Array;
    if (bias) channelSums(args.backend, backendName, gs, io.view(outs[1]) as Float32Array, n, o, P);
    const result = bias ? outs : dwInfo;
    if (wino !== null && simd !== null) {
      winogradWeightGrad(simd, args.backend, xs, gs, wino, dws, scratch.views);
      scratch.free();
      return result;
    }
    if (simd !== null) {
      const [cols, padded] = scratch.views;
      cols.fill(0);
      padded?.fill(0);
      dws.fill(0);
      for (let b = 0; b < n; b++) {
        simdPatches(simd, xs, cols, b, x.shape, [kh, kw], a, false, P16);
        let gPtr = gs.byteOffset + 4 * b * o * P;
        if (padded !== undefined) {
          copyRows(simd, padded, 0, P16, gs, b * o * P, P, o, P);
          gPtr = padded.byteOffset;
        }
        simd.rowsDot(dws.byteOffset, gPtr, cols.byteOffset, o, K, P16);
      }
      scratch.free();
      return result;
    }
    const cols = new Float32Array(K * P);
    const acc = new Float64Array(o * K);
    for (let b = 0; b < n; b++) {
      patches(xs, cols, b, x.shape, [kh, kw], a, false);
      gemmRowsAcc(acc, gs, b * o * P, cols, 0, o, K, P);
    }
    for (let i = 0; i < acc.length; i++) dws[i] = acc[i];
    return result;
  };
}

/**
 * The NCHW convolutions: on cpu for every size (tfjs's cpu kernels need NHWC), on wasm where
 * ops/conv.ts's nchwConvPays picks them over XNNPACK's.
 */
const CONV_KERNELS: typeof KERNELS = {
  TorchlabConv2d: conv2dNchw,
  TorchlabConv2dInputGrad: conv2dNchwInputGrad,
  TorchlabConv2dWeightGrad: conv2dNchwWeightGrad,
};

let registered = false;

/** Registers the kernels for wasm and cpu (a registration needs no initialised backend). */
export function registerJsKernels(): void {
  if (registered) return;
  registered = true;
  for (const backendName of ["wasm", "cpu"]) {
    const kernels = { ...KERNELS, ...CONV_KERNELS };
    for (const [kernelName, make] of Object.entries(kernels)) {
      tf.registerKernel({ kernelName, backendName, kernelFunc: make(backendName) as unknown as tf.KernelFunc });
    }
  }
}

/**
 * ReLU as PyTorch computes it, through TorchlabRelu on wasm and cpu: it keeps a NaN whose sign bit is
 * set (XNNPACK's Relu makes it 0) and -0 (both backends' Relus make it +0).
 */
export function reluKeepingNaN<T extends tf.Tensor>(x: T): T {
  if (x.dtype !== "float32" || !hasJsKernel("TorchlabRelu")) return tf.relu(x);
  return tf.engine().runKernel("TorchlabRelu", { x }) as T;
}

/** True when the active backend runs `name` (one of this file's kernels). */
export function hasJsKernel(name: keyof typeof KERNELS | keyof typeof CONV_KERNELS): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}
