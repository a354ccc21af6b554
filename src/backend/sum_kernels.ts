/**
 * float32 sum and mean in PyTorch 1.13's CPU order (TorchlabSum on wasm and cpu), so that results
 * carry the same bits as PyTorch's and print the same: a sum whose exact value is whole prints
 * `tensor(25.)` in PyTorch and printed `tensor(25.0000)` here when tfjs's order left it one ulp off.
 *
 * PyTorch's order (aten/src/ATen/native/cpu/SumKernel.cpp, TensorIterator.cpp, v1.13):
 * - TensorIterator puts the reduced dims first (innermost), orders the rest by the input's strides
 *   (insertion sort, output operand first), and merges dims that are adjacent in memory for both
 *   operands. The first two dims form a 2-D loop (size0 x size1); the others are looped outside,
 *   each pass adding its partial sums into the output (`*out += partial`, the output starts at 0).
 * - cascade_sum picks a kernel for the 2-D loop: a contiguous reduced dim of 8 or more elements sums
 *   8 float lanes at once (vectorized_inner_sum); a contiguous kept dim of 8 or more sums 32 columns,
 *   then 8, then one at a time (vectorized_outer_sum); otherwise scalar_inner_sum or
 *   scalar_outer_sum (groups of 4 columns, then one at a time).
 * - All of them are built from multi_row_sum, a four-level cascade whose level size is
 *   2^max(4, ceil(log2 n) / 4), and row_sum, four interleaved cascades (ilp_factor 4) plus a tail.
 * - The vector width is 8 floats: PyTorch 1.13 here reports "CPU capability usage: AVX2"
 *   (torch.__config__.show()), whose Vectorized<float> has 8 lanes. A build dispatching to AVX512
 *   (16 lanes) groups the inner sums differently.
 * - Above 32768 elements, a PyTorch that runs more than one thread splits an all-reduce among its
 *   threads (two_pass_reduction) and a dim reduction among output columns, which changes the order
 *   again; this follows PyTorch with one thread (torch.set_num_threads(1)), the order every PyTorch
 *   uses below 32768 elements.
 * mean is that sum divided by the number of reduced elements in float32 (1.13's mean_out: sum_out
 * then div_).
 *
 * var and std (TorchlabMoments): PyTorch accumulates float32 input in double (WelfordOps with double
 * accumulators, or its two-pass CPU path) and rounds once; the same statistics computed here in
 * double (mean, then the squared deviations) and rounded once give PyTorch's float32 bits.
 */
import { tf } from "./tf";
import { ioFor } from "./loss_kernels";

type Info = tf.TensorInfo;
type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/** float32 lanes in PyTorch's Vectorized<float> on an AVX2 build. */
const LANES = 8;

const f32 = Math.fround;

/** c10's CeilLog2 (1 for n <= 2). */
function ceilLog2(n: number): number {
  return n <= 2 ? 1 : 32 - Math.clz32(n - 1);
}

/** multi_row_sum for one column: n terms x[base + i * stride] through the four-level cascade. */
function cascade(x: Float32Array, base: number, stride: number, n: number): number {
  const power = Math.max(4, Math.floor(ceilLog2(n) / 4));
  const step = 1 << power;
  const mask1 = (step - 1) << power;
  const mask2 = (step - 1) << (2 * power);
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = 0;
  let p = base;
  while (i + step <= n) {
    for (let j = 0; j < step; j++, p += stride) a0 = f32(a0 + x[p]);
    i += step;
    a1 = f32(a1 + a0);
    a0 = 0;
    if ((i & mask1) === 0) {
      a2 = f32(a2 + a1);
      a1 = 0;
      if ((i & mask2) === 0) {
        a3 = f32(a3 + a2);
        a2 = 0;
      }
    }
  }
  for (; i < n; i++, p += stride) a0 = f32(a0 + x[p]);
  return f32(f32(f32(a0 + a1) + a2) + a3);
}

/** row_sum: four interleaved cascades over n / 4 rows of 4, the leftover terms, then the four partials. */
function rowSum(x: Float32Array, base: number, stride: number, n: number): number {
  const m = Math.floor(n / 4);
  let s = cascade(x, base, 4 * stride, m);
  for (let i = 4 * m; i < n; i++) s = f32(s + x[base + i * stride]);
  for (let k = 1; k < 4; k++) s = f32(s + cascade(x, base + k * stride, 4 * stride, m));
  return s;
}

/** wideCascade's four levels of accumulators, reused: its result is read before the next call. */
const LEVELS = [0, 1, 2, 3].map(() => new Float32Array(4 * LANES));

/**
 * multi_row_sum over `rows` rows of `width` values (`colStride` apart; rows `rowStride` apart): the cascade of
 * cascade() for `width` (at most 32) columns at once, in one pass over memory. Returns the column
 * sums, in a buffer the next call overwrites.
 */
function wideCascade(x: Float32Array, base: number, rowStride: number, rows: number, width: number, colStride: number): Float32Array {
  const power = Math.max(4, Math.floor(ceilLog2(rows) / 4));
  const step = 1 << power;
  const mask1 = (step - 1) << power;
  const mask2 = (step - 1) << (2 * power);
  // float32 accumulators: each `+=` rounds as a float32 add does.
  const [a0, a1, a2, a3] = LEVELS;
  for (const a of LEVELS) a.fill(0);
  let i = 0;
  let p = base;
  while (i + step <= rows) {
    for (let j = 0; j < step; j++, p += rowStride) for (let q = 0; q < width; q++) a0[q] += x[p + q * colStride];
    i += step;
    for (let q = 0; q < width; q++) a1[q] += a0[q];
    a0.fill(0);
    if ((i & mask1) === 0) {
      for (let q = 0; q < width; q++) a2[q] += a1[q];
      a1.fill(0);
      if ((i & mask2) === 0) {
        for (let q = 0; q < width; q++) a3[q] += a2[q];
        a2.fill(0);
      }
    }
  }
  for (; i < rows; i++, p += rowStride) for (let q = 0; q < width; q++) a0[q] += x[p + q * colStride];
  for (let q = 0; q < width; q++) {
    a0[q] += a1[q];
    a0[q] += a2[q];
    a0[q] += a3[q];
  }
  return a0;
}

/**
 * vectorized_inner_sum of one row of n values `stride` apart in `x` (adjacent in PyTorch's memory): row_sum over vectors of LANES (rows of four
 * vectors through the cascade, the leftover vectors into the first, then the four added), the tail
 * values, then the lanes.
 */
function innerVecSum(x: Float32Array, base: number, n: number, stride: number): number {
  const v = Math.floor(n / LANES);
  const rows = Math.floor(v / 4);
  const acc = wideCascade(x, base, 4 * LANES * stride, rows, 4 * LANES, stride);
  for (let k = 4 * rows; k < v; k++) for (let l = 0; l < LANES; l++) acc[l] += x[base + (k * LANES + l) * stride];
  for (let k = 1; k < 4; k++) for (let l = 0; l < LANES; l++) acc[l] += acc[k * LANES + l];
  let s = 0;
  for (let k = v * LANES; k < n; k++) s = f32(s + x[base + k * stride]);
  for (let l = 0; l < LANES; l++) s = f32(s + acc[l]);
  return s;
}

/** One dim of a TensorIterator: size, output stride (0 when reduced), input stride in PyTorch's layout, input stride in `data`. */
interface Dim {
  size: number;
  out: number;
  torch: number;
  data: number;
}

function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** TensorIterator::reorder_dimensions for (output, input): the dims innermost first. */
function reorder(shape: readonly number[], outS: readonly number[], inS: readonly number[]): number[] {
  const n = shape.length;
  const perm = Array.from({ length: n }, (_, i) => n - 1 - i);
  if (n === 1) return [0];
  const shouldSwap = (d0: number, d1: number): number => {
    for (const [s, isOut] of [[outS, true], [inS, false]] as const) {
      const s0 = s[d0];
      const s1 = s[d1];
      if (isOut && (s0 === 0) !== (s1 === 0)) return s1 === 0 ? 1 : -1;
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  for (let i = 1; i < n; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0], perm[d1]);
      if (c > 0) {
        [perm[d0], perm[d1]] = [perm[d1], perm[d0]];
        d1 = d0;
      } else if (c < 0) break;
    }
  }
  return perm;
}

/** TensorIterator::coalesce_dimensions on (output, input) strides; `data` strides follow along. */
function coalesce(dims: Dim[]): Dim[] {
  if (dims.length <= 1) return dims;
  const out: Dim[] = [{ ...dims[0] }];
  for (let k = 1; k < dims.length; k++) {
    const prev = out[out.length - 1];
    const d = dims[k];
    const can = prev.size === 1 || d.size === 1 || (prev.size * prev.out === d.out && prev.size * prev.torch === d.torch);
    if (can) {
      if (prev.size === 1) {
        prev.out = d.out;
        prev.torch = d.torch;
        prev.data = d.data;
      }
      prev.size *= d.size;
    } else out.push({ ...d });
  }
  return out;
}

/**
 * The loop body cascade_sum runs on the 2-D loop (dims a, b) at input offset `xo` and output offset
 * `yo`, adding into y.
 */
function loop2d(x: Float32Array, y: Float32Array, xo: number, yo: number, a: Dim, b: Dim): void {
  // Move the reduction to the first dim.
  if (a.out !== 0 && b.out === 0) [a, b] = [b, a];
  if (a.out !== 0) {
    for (let j = 0; j < b.size; j++) {
      for (let i = 0; i < a.size; i++) {
        const o = yo + i * a.out + j * b.out;
        y[o] = f32(y[o] + x[xo + i * a.data + j * b.data]);
      }
    }
    return;
  }
  const n = a.size;
  if (a.torch === 1 && n >= LANES) {
    for (let j = 0; j < b.size; j++) {
      const o = yo + j * b.out;
      y[o] = f32(y[o] + innerVecSum(x, xo + j * b.data, n, a.data));
    }
    return;
  }
  // Columns summed by the straight cascade (multi_row_sum over groups of columns); the rest by row_sum.
  let grouped: number;
  let j = 0;
  if (b.torch === 1 && b.size >= LANES) {
    grouped = b.size - (b.size % (4 * LANES));
    if (b.data === 1) {
      // Groups of 32 adjacent columns in one pass.
      for (; j < grouped; j += 4 * LANES) {
        const s = wideCascade(x, xo + j, a.data, n, 4 * LANES, 1);
        for (let q = 0; q < 4 * LANES; q++) y[yo + (j + q) * b.out] += s[q];
      }
    }
  } else if (a.torch < b.torch) grouped = 0;
  else grouped = b.size - (b.size % 4);
  for (; j < b.size; j++) {
    const o = yo + j * b.out;
    const s = j < grouped ? cascade(x, xo + j * b.data, a.data, n) : rowSum(x, xo + j * b.data, a.data, n);
    y[o] = f32(y[o] + s);
  }
}

/** Side of the tiles gather() copies: a tile's rows stay in cache while its columns are read. */
const TILE = 64;

/**
 * The values of `x` (row-major, `logical` strides) laid out with the dims `perm` innermost first,
 * copied in tiles of the two innermost so that a transpose does not read across memory one value at a time.
 */
function gather(x: Float32Array, shape: readonly number[], logical: readonly number[], perm: readonly number[]): Float32Array {
  const ndim = shape.length;
  const data = new Float32Array(x.length);
  const [d0, d1] = [perm[0], ndim > 1 ? perm[1] : -1];
  const n0 = shape[d0];
  const s0 = logical[d0];
  const n1 = d1 < 0 ? 1 : shape[d1];
  const s1 = d1 < 0 ? 0 : logical[d1];
  const idx = new Array<number>(ndim).fill(0);
  let src = 0;
  for (let o = 0; o < x.length; o += n0 * n1) {
    for (let b0 = 0; b0 < n1; b0 += TILE) {
      const e1 = Math.min(n1, b0 + TILE);
      for (let a0 = 0; a0 < n0; a0 += TILE) {
        const e0 = Math.min(n0, a0 + TILE);
        if (s0 < s1) {
          for (let j = b0; j < e1; j++) for (let i = a0; i < e0; i++) data[o + j * n0 + i] = x[src + i * s0 + j * s1];
        } else {
          for (let i = a0; i < e0; i++) for (let j = b0; j < e1; j++) data[o + j * n0 + i] = x[src + i * s0 + j * s1];
        }
      }
    }
    let k = 2;
    for (; k < ndim; k++) {
      const d = perm[k];
      src += logical[d];
      if (++idx[d] < shape[d]) break;
      src -= idx[d] * logical[d];
      idx[d] = 0;
    }
  }
  return data;
}

/**
 * The float32 sum of `x` (logical row-major values of `shape`, laid out in PyTorch with `strides`)
 * over `axes`, in PyTorch's order; the result holds the kept dims in row-major order.
 */
export function torchOrderSum(x: Float32Array, shape: readonly number[], strides: readonly number[], axes: readonly number[]): Float32Array {
  const ndim = shape.length;
  const reduced = shape.map((_, i) => axes.includes(i));
  const outShape = shape.map((d, i) => (reduced[i] ? 1 : d));
  const outS = contiguousStrides(outShape).map((s, i) => (reduced[i] && shape[i] !== 1 ? 0 : s));
  const y = new Float32Array(outShape.reduce((p, d) => p * d, 1));
  if (ndim === 0) {
    y[0] = f32(0 + x[0]);
    return y;
  }
  const perm = reorder(shape, outS, strides);
  // A tensor laid out as it is here needs no copy; a view is copied into PyTorch's iteration order,
  // so that dims PyTorch merges are adjacent in `data` too.
  const logical = contiguousStrides(shape);
  let data = x;
  let dataS = logical;
  if (!shape.every((d, i) => d === 1 || strides[i] === logical[i])) {
    dataS = new Array<number>(ndim);
    let acc = 1;
    for (const d of perm) {
      dataS[d] = acc;
      acc *= shape[d];
    }
    data = gather(x, shape, logical, perm);
  }
  const dims = coalesce(perm.map((d) => ({ size: shape[d], out: outS[d], torch: strides[d], data: dataS[d] })));
  const zero: Dim = { size: 1, out: 0, torch: 0, data: 0 };
  const a = dims[0];
  const b = dims.length > 1 ? dims[1] : zero;
  const outer = dims.slice(2);
  const count = new Array<number>(outer.length).fill(0);
  for (;;) {
    let xo = 0;
    let yo = 0;
    for (let k = 0; k < outer.length; k++) {
      xo += count[k] * outer[k].data;
      yo += count[k] * outer[k].out;
    }
    loop2d(data, y, xo, yo, a, b);
    let k = 0;
    for (; k < outer.length; k++) {
      if (++count[k] < outer[k].size) break;
      count[k] = 0;
    }
    if (k === outer.length) break;
  }
  return y;
}

export interface SumAttrs {
  /** Dims reduced, sorted. */
  axes: number[];
  /** The input's strides in PyTorch (a view's own; row-major otherwise). */
  strides: number[];
  /** Divide by the number of reduced elements (torch.mean). */
  mean: boolean;
}

function sumKernel(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const { axes, strides, mean } = args.attrs as unknown as SumAttrs;
    const b = ioFor(args.backend, backendName);
    const shape = x.shape.filter((_, i) => !axes.includes(i));
    const out = b.output(shape);
    const sums = torchOrderSum(b.view(x) as Float32Array, x.shape, strides, axes);
    const ys = b.view(out) as Float32Array;
    if (mean) {
      const n = f32(axes.reduce((p, d) => p * x.shape[d], 1));
      for (let i = 0; i < ys.length; i++) ys[i] = sums[i] / n;
    } else ys.set(sums);
    return out;
  };
}

export interface MomentsAttrs {
  /** Dims reduced, sorted. */
  axes: number[];
  /** Subtracted from the count in the divisor (1: Bessel's correction). */
  correction: number;
  /** std rather than var. */
  sqrt: boolean;
}

/** Offsets in a row-major tensor of `shape` of every index over `dims` (the others 0), `dims` varying last-fastest. */
function offsets(shape: readonly number[], dims: readonly number[]): Float64Array {
  const strides = contiguousStrides(shape);
  let out = Float64Array.of(0);
  for (const d of dims) {
    const next = new Float64Array(out.length * shape[d]);
    for (let i = 0; i < out.length; i++) for (let k = 0; k < shape[d]; k++) next[i * shape[d] + k] = out[i] + k * strides[d];
    out = next;
  }
  return out;
}

/** var (or std) over `axes` of float32 values, in double, rounded once. */
export function moments(x: Float32Array, shape: readonly number[], { axes, correction, sqrt }: MomentsAttrs): Float32Array {
  const kept = shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outer = offsets(shape, kept);
  const n = axes.reduce((p, d) => p * shape[d], 1);
  // Trailing dims (every dim included) are adjacent values: no table of offsets.
  const inner = axes.every((d, i) => d === shape.length - axes.length + i) ? null : offsets(shape, axes);
  const divisor = Math.max(0, n - correction);
  const y = new Float32Array(outer.length);
  for (let o = 0; o < outer.length; o++) {
    const base = outer[o];
    let s = 0;
    let m2 = 0;
    if (inner === null) {
      for (let i = 0; i < n; i++) s += x[base + i];
      const mean = s / n;
      for (let i = 0; i < n; i++) {
        const d = x[base + i] - mean;
        m2 += d * d;
      }
    } else {
      for (let i = 0; i < n; i++) s += x[base + inner[i]];
      const mean = s / n;
      for (let i = 0; i < n; i++) {
        const d = x[base + inner[i]] - mean;
        m2 += d * d;
      }
    }
    const v = m2 / divisor;
    y[o] = sqrt ? Math.sqrt(v) : v;
  }
  return y;
}

function momentsKernel(backendName: string) {
  return (args: KernelArgs): Info => {
    const x = args.inputs.x as Info;
    const attrs = args.attrs as unknown as MomentsAttrs;
    const b = ioFor(args.backend, backendName);
    const out = b.output(x.shape.filter((_, i) => !attrs.axes.includes(i)));
    const v = moments(b.view(x) as Float32Array, x.shape, attrs);
    (b.view(out) as Float32Array).set(v);
    return out;
  };
}

let registered = false;

/** Registers TorchlabSum and TorchlabMoments on wasm and cpu. */
export function registerSumKernels(): void {
  if (registered) return;
  registered = true;
  for (const backendName of ["wasm", "cpu"]) {
    tf.registerKernel({ kernelName: "TorchlabSum", backendName, kernelFunc: sumKernel(backendName) as unknown as tf.KernelFunc });
    tf.registerKernel({ kernelName: "TorchlabMoments", backendName, kernelFunc: momentsKernel(backendName) as unknown as tf.KernelFunc });
  }
  // For create_graph (tfjs's autodiff of backward closures): dy broadcast back over the reduced dims.
  tf.registerGradient({
    kernelName: "TorchlabSum",
    inputsToSave: ["x"],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved;
      const { axes, mean } = attrs as unknown as SumAttrs;
      const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
      const n = axes.reduce((p, d) => p * x.shape[d], 1);
      return { x: () => tf.broadcastTo(tf.reshape(mean ? tf.div(dy as tf.Tensor, n) : (dy as tf.Tensor), kept), x.shape) };
    },
  });
  // d var = 2 (x - mean) / divisor dy; d std = (x - mean) / (divisor std) dy.
  tf.registerGradient({
    kernelName: "TorchlabMoments",
    inputsToSave: ["x"],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, y] = saved;
      const { axes, correction, sqrt } = attrs as unknown as MomentsAttrs;
      const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
      const divisor = Math.max(0, axes.reduce((p, d) => p * x.shape[d], 1) - correction);
      const dev = tf.sub(x, tf.mean(x, axes, true));
      const g = tf.reshape(dy as tf.Tensor, kept);
      return { x: () => (sqrt ? tf.div(tf.mul(g, dev), tf.mul(tf.reshape(y, kept), divisor)) : tf.mul(g, tf.div(tf.mul(2, dev), divisor))) };
    },
  });
}

/** var (sqrt false) or std of float32 `x` over `axes` as PyTorch computes them; null where the backend has no kernel. */
export function torchMomentsT(x: tf.Tensor, axes: number[], correction: number, sqrt: boolean): tf.Tensor | null {
  const b = tf.getBackend();
  if (!registered || (b !== "wasm" && b !== "cpu") || x.dtype !== "float32") return null;
  return tf.engine().runKernel("TorchlabMoments", { x }, { axes, correction, sqrt } as unknown as tf.NamedAttrMap) as tf.Tensor;
}

/**
 * The float32 sum (or mean) of `x` over `axes` in PyTorch's order, `strides` being the input's
 * strides in PyTorch; null where the backend has no kernel (tfjs-node).
 */
export function torchSumT(x: tf.Tensor, axes: number[], strides: number[], mean: boolean): tf.Tensor | null {
  const b = tf.getBackend();
  if (!registered || (b !== "wasm" && b !== "cpu") || x.dtype !== "float32") return null;
  return tf.engine().runKernel("TorchlabSum", { x }, { axes, strides, mean } as unknown as tf.NamedAttrMap) as tf.Tensor;
}
