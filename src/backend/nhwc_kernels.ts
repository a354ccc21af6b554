/**
 * Channels-last ([N, H, W, C]) versions of js_kernels.ts's MaxPool2d(2) and training batch norm
 * kernels, for a layer whose data the backend keeps NHWC (the layout the wasm backend's convolutions
 * read and write): they give the NCHW kernels' values bit for bit, laid out NHWC, so no transpose
 * is needed around them.
 *
 *   TorchlabMaxPool2x2Nhwc {x [N, H, W, C]} -> values, indices [N, H/2, W/2, C]: the indices are the
 *       NCHW kernel's per-plane h * W + w (PyTorch's), the same window order and NaN rule. With attrs
 *       valuesOnly (inference) on wasm with C a multiple of four: the values alone.
 *   TorchlabMaxPool2x2NhwcGrad {dy, indices} attrs inputHW -> dx [N, H, W, C].
 *   TorchlabChannelMomentsNhwc {x} -> [2, C]; TorchlabChannelSumNhwc {x} -> [C];
 *   TorchlabChannelGradSumsNhwc {dy, x, mean} -> [2, C]; TorchlabBatchNormInputGradNhwc {dy, x, mean, k}:
 *       the NCHW kernels' per-channel sums, which add in double with four partial sums per channel:
 *       within a channel, elements come in the same (n, h, w) order in both layouts, and element p of
 *       a sample's H * W positions goes to partial sum p % 4 (the last (H * W) % 4 to sum 0), so each
 *       partial sum, and so the result, is the same. The partial sums are kept per channel, [4, C].
 *
 * On wasm the loops run four channels at a time (backend/simd_nhwc.ts) when C is a multiple of four;
 * otherwise, and on the cpu backend, as the scalar loops below.
 */
import type { tf } from "./tf";
import { simdNhwc, type SimdNhwc } from "./simd_nhwc";

type Typed = Float32Array | Int32Array | Uint8Array;
type Info = tf.TensorInfo;

/** js_kernels.ts's access to a backend's outputs and memory. */
export interface NhwcIo {
  outputs(specs: [number[], "float32" | "int32"][]): Info[];
  view(info: Info): Typed;
}

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

type IoFor = (backend: unknown, name: string) => NhwcIo;

/** [N, H*W, C] of an NHWC shape (any rank >= 2: N, ...spatial, C). */
function nhwcDims(shape: number[]): [number, number, number] {
  const c = shape[shape.length - 1];
  const inner = shape.slice(1, -1).reduce((a, v) => a * v, 1);
  return [shape[0], inner, c];
}

/** The SIMD loops when `backendName` is wasm, c is a multiple of four and there is data; else null. */
function simdFor(backendName: string, backend: unknown, c: number, size: number): SimdNhwc | null {
  return backendName === "wasm" && c % 4 === 0 && size > 0 ? simdNhwc(backend) : null;
}

/**
 * Doubles in the wasm heap for the SIMD loops: `count` of them, zeroed, in a scratch output of the
 * backend freed by `done` (8-byte aligned, as the heap's allocator returns; null otherwise).
 */
function heapDoubles(io: NhwcIo, backend: unknown, count: number): { at: number; values: Float64Array; done: () => void } | null {
  const [info] = io.outputs([[[2 * count], "float32"]]);
  const f = io.view(info);
  const done = (): void => (backend as { disposeData(id: object, force?: boolean): void }).disposeData(info.dataId, true);
  if (f.byteOffset % 8 !== 0) {
    done();
    return null;
  }
  const values = new Float64Array(f.buffer, f.byteOffset, count);
  values.fill(0);
  return { at: f.byteOffset, values, done };
}

// ------------------------------------------------------------------ MaxPool2d(2)

function maxPool2x2Nhwc(ioFor: IoFor) {
  return (backendName: string) =>
    (args: KernelArgs): Info[] => {
      const x = args.inputs.x as Info;
      const [n, h, w, c] = x.shape;
      const ho = Math.floor(h / 2);
      const wo = Math.floor(w / 2);
      const io = ioFor(args.backend, backendName);
      const valuesOnly = (args.attrs as { valuesOnly?: boolean } | undefined)?.valuesOnly === true;
      const simdValues = valuesOnly ? simdFor(backendName, args.backend, c, n * ho * wo * c) : null;
      if (simdValues !== null) {
        const [vInfo] = io.outputs([[[n, ho, wo, c], "float32"]]);
        const xs = io.view(x) as Float32Array;
        const vs = io.view(vInfo) as Float32Array;
        simdValues.maxPool2x2Values(xs.byteOffset, vs.byteOffset, 0, n, h, w, ho, wo, c);
        return [vInfo];
      }
      const [vInfo, iInfo] = io.outputs([
        [[n, ho, wo, c], "float32"],
        [[n, ho, wo, c], "int32"],
      ]);
      const xs = io.view(x) as Float32Array;
      const vs = io.view(vInfo) as Float32Array;
      const is = io.view(iInfo) as Int32Array;
      const simd = simdFor(backendName, args.backend, c, vs.length);
      if (simd !== null) {
        simd.maxPool2x2(xs.byteOffset, vs.byteOffset, is.byteOffset, n, h, w, ho, wo, c);
        return [vInfo, iInfo];
      }
      let o = 0;
      for (let b = 0; b < n; b++) {
        for (let oh = 0; oh < ho; oh++) {
          for (let ow = 0; ow < wo; ow++) {
            const corner = 2 * oh * w + 2 * ow;
            const offsets = [corner, corner + 1, corner + w, corner + w + 1];
            for (let ch = 0; ch < c; ch++, o++) {
              let mi = offsets[0];
              let m = xs[(b * h * w + mi) * c + ch];
              for (let k = 1; k < 4; k++) {
                const v = xs[(b * h * w + offsets[k]) * c + ch];
                if (v > m || v !== v) {
                  m = v;
                  mi = offsets[k];
                }
              }
              vs[o] = m;
              is[o] = mi;
            }
          }
        }
      }
      return [vInfo, iInfo];
    };
}

function maxPool2x2NhwcGrad(ioFor: IoFor) {
  return (backendName: string) =>
    (args: KernelArgs): Info => {
      const dy = args.inputs.dy as Info;
      const [h, w] = (args.attrs as unknown as { inputHW: [number, number] }).inputHW;
      const [n, ho, wo, c] = dy.shape;
      const io = ioFor(args.backend, backendName);
      const [dxInfo] = io.outputs([[[n, h, w, c], "float32"]]);
      const dys = io.view(dy) as Float32Array;
      const is = io.view(args.inputs.indices as Info) as Int32Array;
      const dxs = io.view(dxInfo) as Float32Array;
      const simd = 2 * ho <= h && 2 * wo <= w ? simdFor(backendName, args.backend, c, dys.length) : null;
      if (simd !== null) {
        // The SIMD loop writes every element of the windows; only rows or columns past them need zeros.
        if (2 * ho < h || 2 * wo < w) dxs.fill(0);
        if (simd.maxPool2x2Grad(dys.byteOffset, is.byteOffset, dxs.byteOffset, n, h, w, ho, wo, c) !== 0) return dxInfo;
      }
      dxs.fill(0);
      let o = 0;
      for (let b = 0; b < n; b++) {
        for (let p = 0; p < ho * wo; p++) for (let ch = 0; ch < c; ch++, o++) dxs[(b * h * w + is[o]) * c + ch] += dys[o];
      }
      return dxInfo;
    };
}

// ------------------------------------------------------------------ batch norm

/**
 * The partial sums: acc [2, 4, C] (the second half for the squares or products), added as the NCHW
 * loops do; `mode` as simd_nhwc.ts's sums (0: a; 1: a - k and its square; 2: a and (b - k) * a).
 */
function partialSums(mode: number, a: Float32Array, b: Float32Array | null, k: Float64Array | null, acc: Float64Array, n: number, inner: number, c: number): void {
  const inner4 = inner - (inner % 4);
  const q = 4 * c;
  let e = 0;
  for (let s = 0; s < n; s++) {
    for (let p = 0; p < inner; p++) {
      const row = (p < inner4 ? p & 3 : 0) * c;
      for (let ch = 0; ch < c; ch++, e++) {
        const v = a[e];
        if (mode === 0) acc[row + ch] += v;
        else if (mode === 1) {
          const d = v - (k as Float64Array)[ch];
          acc[row + ch] += d;
          acc[q + row + ch] += d * d;
        } else {
          acc[row + ch] += v;
          acc[q + row + ch] += ((b as Float32Array)[e] - (k as Float64Array)[ch]) * v;
        }
      }
    }
  }
}

/**
 * Runs the partial sums over `a` (and `b`, with the per-channel `k`; SIMD on wasm) and hands `finish`
 * the [2, 4, C] doubles. Views are taken after the scratch is allocated (an allocation can grow, and
 * so detach, the wasm heap).
 */
function withSums(
  io: NhwcIo, backendName: string, backend: unknown, mode: number, a: Info, b: Info | null, k: () => Float32Array | null,
  finish: (acc: Float64Array) => void,
): void {
  const [n, inner, c] = nhwcDims(a.shape);
  const simd = simdFor(backendName, backend, c, n * inner * c);
  const scratch = simd !== null ? heapDoubles(io, backend, 9 * c) : null;
  const as = io.view(a) as Float32Array;
  const bs = b === null ? null : (io.view(b) as Float32Array);
  const ks = k();
  if (simd !== null && scratch !== null) {
    const values = new Float64Array(as.buffer, scratch.at, 9 * c);
    if (ks !== null) values.set(ks, 8 * c);
    simd.sums(mode, as.byteOffset, bs === null ? 0 : bs.byteOffset, scratch.at + 64 * c, scratch.at, n, inner, c);
    finish(values.subarray(0, 8 * c));
    scratch.done();
    return;
  }
  const acc = new Float64Array(8 * c);
  partialSums(mode, as, bs, ks === null ? null : Float64Array.from(ks), acc, n, inner, c);
  finish(acc);
}

/** ((s0 + s1) + s2) + s3 of channel ch in the [4, C] block at `base`. */
const total = (acc: Float64Array, base: number, c: number, ch: number): number => acc[base + ch] + acc[base + c + ch] + acc[base + 2 * c + ch] + acc[base + 3 * c + ch];

function channelSumNhwc(ioFor: IoFor) {
  return (backendName: string) =>
    (args: KernelArgs): Info => {
      const x = args.inputs.x as Info;
      const [n, inner, c] = nhwcDims(x.shape);
      const io = ioFor(args.backend, backendName);
      const [outInfo] = io.outputs([[[c], "float32"]]);
      withSums(io, backendName, args.backend, 0, x, null, () => null, (acc) => {
        const out = io.view(outInfo) as Float32Array;
        for (let ch = 0; ch < c; ch++) out[ch] = total(acc, 0, c, ch);
      });
      return outInfo;
    };
}

function channelGradSumsNhwc(ioFor: IoFor) {
  return (backendName: string) =>
    (args: KernelArgs): Info => {
      const g = args.inputs.dy as Info;
      const [n, inner, c] = nhwcDims(g.shape);
      const io = ioFor(args.backend, backendName);
      const [outInfo] = io.outputs([[[2, c], "float32"]]);
      withSums(io, backendName, args.backend, 2, g, args.inputs.x as Info, () => io.view(args.inputs.mean as Info) as Float32Array, (acc) => {
        const out = io.view(outInfo) as Float32Array;
        for (let ch = 0; ch < c; ch++) {
          out[ch] = total(acc, 0, c, ch);
          out[c + ch] = total(acc, 4 * c, c, ch);
        }
      });
      return outInfo;
    };
}

/** js_kernels.ts's channelMoments: shifted one-pass sums, the two passes where those are unsafe. */
function channelMomentsNhwc(ioFor: IoFor) {
  return (backendName: string) =>
    (args: KernelArgs): Info => {
      const x = args.inputs.x as Info;
      const [n, inner, c] = nhwcDims(x.shape);
      const io = ioFor(args.backend, backendName);
      const [outInfo] = io.outputs([[[2, c], "float32"]]);
      const xs = io.view(x) as Float32Array;
      const count = n * inner;
      if (count === 0) {
        (io.view(outInfo) as Float32Array).fill(NaN);
        return outInfo;
      }
      const first = xs.slice(0, c);
      withSums(io, backendName, args.backend, 1, x, null, () => first, (acc) => {
        const out = io.view(outInfo) as Float32Array;
        const xv = io.view(x) as Float32Array;
        for (let ch = 0; ch < c; ch++) {
          const shifted = total(acc, 0, c, ch) / count;
          const variance = total(acc, 4 * c, c, ch) / count - shifted * shifted;
          if (variance >= 0 && shifted * shifted <= 1024 * variance) {
            out[ch] = first[ch] + shifted;
            out[c + ch] = variance;
            continue;
          }
          let s = 0;
          for (let i = ch; i < xv.length; i += c) s += xv[i];
          const mean = s / count;
          let q = 0;
          for (let i = ch; i < xv.length; i += c) {
            const d = xv[i] - mean;
            q += d * d;
          }
          out[ch] = mean;
          out[c + ch] = q / count;
        }
      });
      return outInfo;
    };
}

/** Training-mode grad_input, dx = g * k1[c] - (x - mean[c]) * k2[c] - k3[c], over NHWC data. */
function batchNormInputGradNhwc(ioFor: IoFor) {
  return (backendName: string) =>
    (args: KernelArgs): Info => {
      const g = args.inputs.dy as Info;
      const c = g.shape[g.shape.length - 1];
      const io = ioFor(args.backend, backendName);
      const [outInfo] = io.outputs([[g.shape, "float32"]]);
      const simd = simdFor(backendName, args.backend, c, c === 0 ? 0 : g.shape.reduce((a, v) => a * v, 1));
      const scratch = simd !== null ? heapDoubles(io, args.backend, 4 * c) : null;
      const gs = io.view(g) as Float32Array;
      const xs = io.view(args.inputs.x as Info) as Float32Array;
      const mean = io.view(args.inputs.mean as Info) as Float32Array;
      const k = io.view(args.inputs.k as Info) as Float32Array;
      const dx = io.view(outInfo) as Float32Array;
      if (simd !== null && scratch !== null) {
        const values = new Float64Array(scratch.values.buffer, scratch.at, 4 * c);
        values.set(mean, 0);
        values.set(k.subarray(0, 3 * c), c);
        simd.inputGrad(gs.byteOffset, xs.byteOffset, scratch.at, dx.byteOffset, gs.length / c, c);
        scratch.done();
        return outInfo;
      }
      const m = Float64Array.from(mean);
      const kd = Float64Array.from(k);
      for (let i = 0, ch = 0; i < gs.length; i++, ch = ch + 1 === c ? 0 : ch + 1) dx[i] = gs[i] * kd[ch] - (xs[i] - m[ch]) * kd[c + ch] - kd[2 * c + ch];
      return outInfo;
    };
}

/**
 * The SIMD form of js_kernels.ts's TorchlabChannelAffineNhwc, (x - center) * scale + shift (of ReLU(x)
 * with `relu`) over [rows, C] with C a multiple of four on wasm; false (nothing written) where it does not run.
 */
export function channelAffineNhwcSimd(io: NhwcIo, backendName: string, backend: unknown, x: Info, center: Info, scale: Info, shift: Info, out: Info, relu: boolean): boolean {
  const c = x.shape[x.shape.length - 1];
  const simd = simdFor(backendName, backend, c, c === 0 ? 0 : x.shape.reduce((a, v) => a * v, 1));
  const scratch = simd !== null ? heapDoubles(io, backend, 3 * c) : null;
  if (simd === null || scratch === null) return false;
  const values = new Float64Array(scratch.values.buffer, scratch.at, 3 * c);
  values.set(io.view(center) as Float32Array, 0);
  values.set(io.view(scale) as Float32Array, c);
  values.set(io.view(shift) as Float32Array, 2 * c);
  const xs = io.view(x);
  (relu ? simd.affineRelu : simd.affine)(xs.byteOffset, 0, scratch.at, io.view(out).byteOffset, xs.length / c, c);
  scratch.done();
  return true;
}

/** The kernels above, for js_kernels.ts's table (which passes its backend access in). */
export function nhwcKernels(ioFor: IoFor): Record<string, (backendName: string) => (args: KernelArgs) => Info | Info[]> {
  return {
    TorchlabMaxPool2x2Nhwc: maxPool2x2Nhwc(ioFor),
    TorchlabMaxPool2x2NhwcGrad: maxPool2x2NhwcGrad(ioFor),
    TorchlabChannelMomentsNhwc: channelMomentsNhwc(ioFor),
    TorchlabChannelSumNhwc: channelSumNhwc(ioFor),
    TorchlabChannelGradSumsNhwc: channelGradSumsNhwc(ioFor),
    TorchlabBatchNormInputGradNhwc: batchNormInputGradNhwc(ioFor),
  };
}
