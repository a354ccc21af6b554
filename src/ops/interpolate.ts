/**
 * F.interpolate with PyTorch's exact coordinate rules. Every mode is separable, so each spatial axis
 * is mapped on its own: the nearest modes gather precomputed source indices, the linear modes
 * multiply by a precomputed [out, in] weight matrix. Both are exact, and the gradient of either is a
 * product with the transposed matrix (a one-hot matrix for a gather), so no scatter loop is needed.
 *
 * Coordinates follow ATen's UpSample.h in float32: nearest reads src = floor(dst * scale) (legacy
 * 'nearest', not the half-pixel rule of tfjs's resize), nearest-exact floor((dst + 0.5) * scale),
 * linear modes src = scale * (dst + 0.5) - 0.5 clamped at 0, or dst * (in - 1) / (out - 1) with
 * align_corners. `scale` is 1 / scale_factor when a scale factor was given (and not recomputed),
 * else in / out.
 */
import { tf, compute, record } from "./_core";
import { Tensor } from "../tensor/tensor";
import { NotImplementedError, RuntimeError, TypeError, ValueError } from "../errors";
import { propagateSpatial } from "../tensor/memory_format";

const f32 = Math.fround;

/** One axis of a separable map: a gather by `idx`, or a product with the [out, in] `weights`. */
export interface AxisMap {
  axis: number;
  inSize: number;
  outSize: number;
  idx?: number[];
  weights?: Float32Array;
}

/** Multiplies `t` along `axis` by m ([out, in]): result[..., o, ...] = sum_i m[o, i] t[..., i, ...]. */
function matmulAxis(t: tf.Tensor, axis: number, m: tf.Tensor): tf.Tensor {
  const r = t.rank;
  const perm = [...Array(r).keys()].filter((d) => d !== axis).concat([axis]);
  const moved = axis === r - 1 ? t : tf.transpose(t, perm);
  const lead = moved.shape.slice(0, -1);
  const y = tf.matMul(tf.reshape(moved, [-1, m.shape[1] as number]), m, false, true);
  const back = tf.reshape(y, [...lead, m.shape[0] as number]);
  if (axis === r - 1) return back;
  const inv = new Array<number>(r);
  perm.forEach((d, i) => (inv[d] = i));
  return tf.transpose(back, inv);
}

function matrixOf(map: AxisMap): Float32Array {
  if (map.weights) return map.weights;
  const m = new Float32Array(map.outSize * map.inSize);
  (map.idx as number[]).forEach((v, o) => (m[o * map.inSize + v] = 1));
  return m;
}

/** The repeat factor r when `idx` is [0 x r, 1 x r, ...] (integer nearest upsampling), else 0. */
function repeatFactor(m: AxisMap): number {
  if (!m.idx || m.outSize % m.inSize !== 0) return 0;
  const r = m.outSize / m.inSize;
  return m.idx.every((v, o) => v === Math.floor(o / r)) ? r : 0;
}

/**
 * Repeats each element along `axis` r times: a broadcast multiply by ones, exact for every value
 * (infinities and NaN included) and much faster on wasm than a gather.
 */
function repeatAxis(t: tf.Tensor, axis: number, r: number): tf.Tensor {
  const shape = t.shape;
  const withAxis = [...shape.slice(0, axis + 1), 1, ...shape.slice(axis + 1)];
  const ones = withAxis.map((_, i) => (i === axis + 1 ? r : 1));
  const out = shape.slice();
  out[axis] *= r;
  return tf.reshape(tf.mul(tf.reshape(t, withAxis), tf.ones(ones)), out);
}

/**
 * Applies separable axis maps to `x` as one autograd op named `name`. `forward`, when given, computes
 * the same result with a faster kernel (e.g. tf.mirrorPad); the gradient is always the maps' adjoint.
 */
export function mapAxes(x: Tensor, maps: AxisMap[], name: string, forward?: (t: tf.Tensor) => tf.Tensor): Tensor {
  const mats = maps.map((m) => Tensor._wrap(compute(() => tf.tensor2d(matrixOf(m), [m.outSize, m.inSize]))));
  const idxs = maps.map((m) => (m.idx ? Tensor._wrap(compute(() => tf.tensor1d(m.idx as number[], "int32"))) : null));
  const repeats = maps.map(repeatFactor);
  const out = compute(() => {
    if (forward) return forward(x._t);
    let t = x._t;
    maps.forEach((m, i) => {
      const ix = idxs[i];
      if (repeats[i] > 0) t = repeatAxis(t, m.axis, repeats[i]);
      else t = ix ? tf.gather(t, ix._t, m.axis) : matmulAxis(t, m.axis, mats[i]._t);
    });
    return t;
  });
  return record(name, [x], out, (g) => {
    let t = g;
    for (let i = maps.length - 1; i >= 0; i--) {
      const m = maps[i];
      const r = repeats[i];
      if (r > 0) {
        const shape = t.shape;
        t = tf.sum(tf.reshape(t, [...shape.slice(0, m.axis), m.inSize, r, ...shape.slice(m.axis + 1)]), m.axis + 1);
      } else t = matmulAxis(t, m.axis, tf.transpose(mats[i]._t));
    }
    return [t];
  });
}

// ------------------------------------------------------------------ source coordinates

function scaleValue(inSize: number, outSize: number, scale: number | null): number {
  return scale !== null && scale > 0 ? f32(1 / scale) : f32(inSize / outSize);
}

function nearestIndices(inSize: number, outSize: number, scale: number | null, exact: boolean): number[] {
  const idx: number[] = [];
  const sc = scaleValue(inSize, outSize, scale);
  for (let o = 0; o < outSize; o++) {
    if (outSize === inSize) idx.push(o);
    else if (outSize === 2 * inSize) idx.push(o >> 1);
    else idx.push(Math.min(Math.floor(f32((exact ? o + 0.5 : o) * sc)), inSize - 1));
  }
  return idx;
}

function linearWeights(inSize: number, outSize: number, alignCorners: boolean, scale: number | null): Float32Array {
  const m = new Float32Array(outSize * inSize);
  const sc = alignCorners ? (outSize > 1 ? f32(f32(inSize - 1) / (outSize - 1)) : 0) : scaleValue(inSize, outSize, scale);
  for (let o = 0; o < outSize; o++) {
    let src = alignCorners ? f32(sc * o) : f32(f32(sc * f32(o + 0.5)) - 0.5);
    if (src < 0) src = 0;
    const i0 = Math.min(Math.floor(src), inSize - 1);
    const l1 = Math.min(Math.max(f32(src - i0), 0), 1);
    const l0 = f32(1 - l1);
    const i1 = i0 + (i0 < inSize - 1 ? 1 : 0);
    m[o * inSize + i0] += l0;
    m[o * inSize + i1] += l1;
  }
  return m;
}

/** Keys' cubic convolution with A = -0.75, PyTorch's bicubic; borders clamp the source index. */
function cubicWeights(inSize: number, outSize: number, alignCorners: boolean, scale: number | null): Float32Array {
  const m = new Float32Array(outSize * inSize);
  const A = -0.75;
  const near = (t: number): number => ((A + 2) * t - (A + 3)) * t * t + 1;
  const far = (t: number): number => ((A * t - 5 * A) * t + 8 * A) * t - 4 * A;
  const sc = alignCorners ? (outSize > 1 ? f32(f32(inSize - 1) / (outSize - 1)) : 0) : scaleValue(inSize, outSize, scale);
  for (let o = 0; o < outSize; o++) {
    const src = alignCorners ? f32(sc * o) : f32(f32(sc * f32(o + 0.5)) - 0.5);
    const base = Math.floor(src);
    const t = f32(src - base);
    const w = [far(t + 1), near(t), near(1 - t), far(2 - t)];
    for (let k = 0; k < 4; k++) {
      const i = Math.min(Math.max(base - 1 + k, 0), inSize - 1);
      m[o * inSize + i] += w[k];
    }
  }
  return m;
}

function areaWeights(inSize: number, outSize: number): Float32Array {
  const m = new Float32Array(outSize * inSize);
  for (let o = 0; o < outSize; o++) {
    const s = Math.floor((o * inSize) / outSize);
    const e = Math.ceil(((o + 1) * inSize) / outSize);
    for (let i = s; i < e; i++) m[o * inSize + i] = 1 / (e - s);
  }
  return m;
}

// ------------------------------------------------------------------ interpolate

export type InterpolateMode = "nearest" | "nearest-exact" | "linear" | "bilinear" | "bicubic" | "trilinear" | "area";

export interface InterpolateOptions {
  size?: number | number[] | null;
  scale_factor?: number | number[] | null;
  mode?: InterpolateMode;
  align_corners?: boolean | null;
  recompute_scale_factor?: boolean | null;
  antialias?: boolean;
}

const MODES = "nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact";
const LINEAR_NEEDS: Record<string, number> = { linear: 3, bilinear: 4, bicubic: 4, trilinear: 5 };

function pyList(v: number[]): string {
  return `(${v.map((e) => (Number.isInteger(e) ? String(e) : String(e))).join(", ")}${v.length === 1 ? "," : ""})`;
}

/**
 * Up/down-samples an [N, C, *spatial] input to `size` or by `scale_factor`, PyTorch's `F.interpolate`.
 *
 * @example
 * F.interpolate(x, {scale_factor: 2, mode: 'nearest'})      // [1, 3, 14, 14] -> [1, 3, 28, 28]
 * F.interpolate(x, {size: [5, 7], mode: 'bilinear', align_corners: false})
 */
export function interpolate(input: Tensor, options: InterpolateOptions = {}): Tensor {
  const out = interpolateOp(input, options);
  // PyTorch's channels-last CPU kernels: nearest(-exact), bilinear and trilinear keep a channels-last input's
  // layout, bicubic does not; area is adaptive average pooling, channels last in 2-d only.
  const mode = options.mode ?? "nearest";
  const keeps = ["nearest", "nearest-exact", "bilinear", "trilinear"].includes(mode) || (mode === "area" && input.dim() === 4);
  return keeps ? propagateSpatial(out, input) : out;
}

function interpolateOp(input: Tensor, options: InterpolateOptions): Tensor {
  if (!(input instanceof Tensor)) throw new TypeError("interpolate(): argument 'input' (position 1) must be Tensor");
  const mode = options.mode ?? "nearest";
  const size = options.size ?? null;
  const scaleFactor = options.scale_factor ?? null;
  let alignCorners = options.align_corners ?? null;
  const recompute = options.recompute_scale_factor ?? null;
  if (mode === "nearest" || mode === "area" || mode === "nearest-exact") {
    if (alignCorners !== null) {
      throw new ValueError("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear");
    }
  } else if (alignCorners === null) alignCorners = false;
  const dim = input.dim() - 2;
  let outSize: number[] | null = null;
  let scales: number[] | null = null;
  if (size !== null && scaleFactor !== null) throw new ValueError("only one of size or scale_factor should be defined");
  else if (size !== null) {
    if (Array.isArray(size)) {
      if (size.length !== dim) {
        throw new ValueError(
          `Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [${input.shape.slice(2).join(", ")}] and output size of ${pyList(size)}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.`,
        );
      }
      outSize = size.slice();
    } else outSize = new Array<number>(Math.max(dim, 0)).fill(size);
    if (!outSize.every((v) => Number.isInteger(v))) throw new TypeError(`interpolate(): size must be an int or a list of ints, got ${String(size)}`);
  } else if (scaleFactor !== null) {
    if (Array.isArray(scaleFactor)) {
      if (scaleFactor.length !== dim) {
        throw new ValueError(
          `Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [${input.shape.slice(2).join(", ")}] and scale_factor of shape ${pyList(scaleFactor)}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.`,
        );
      }
      scales = scaleFactor.slice();
    } else scales = new Array<number>(Math.max(dim, 0)).fill(scaleFactor);
    if (!scales.every((v) => typeof v === "number" && Number.isFinite(v))) throw new TypeError(`interpolate(): scale_factor must be a number or a list of numbers`);
  } else throw new ValueError("either size or scale_factor should be defined");
  if (recompute === true && size !== null) throw new ValueError("recompute_scale_factor is not meaningful with an explicit size.");
  let useScales = scales;
  if (scales !== null && (recompute === true || mode === "area")) {
    outSize = scales.map((s, i) => Math.floor(input.shape[i + 2] * s));
    useScales = null;
  }
  if (options.antialias && !((mode === "bilinear" || mode === "bicubic") && input.dim() === 4)) {
    throw new ValueError("Anti-alias option is only supported for bilinear and bicubic modes");
  }
  if (options.antialias) throw new NotImplementedError("interpolate(): antialias=True is not supported by torchlab");
  const known = ["nearest", "nearest-exact", "area", "linear", "bilinear", "bicubic", "trilinear"];
  if (input.dim() < 3 || input.dim() > 5 || !known.includes(mode)) {
    throw new NotImplementedError(`Input Error: Only 3D, 4D and 5D input Tensors supported (got ${input.dim()}D) for the modes: ${MODES} (got ${mode})`);
  }
  const needs = LINEAR_NEEDS[mode];
  if (needs !== undefined && needs !== input.dim()) {
    throw new NotImplementedError(`Got ${input.dim()}D input, but ${mode} mode needs ${needs}D input`);
  }
  if (input.dtype._tf !== "float32") throw new RuntimeError(`"upsample_${mode}" not implemented for '${input.dtype._typeName}'`);
  const spatial = input.shape.slice(2);
  const out = outSize ?? spatial.map((s, i) => Math.floor(s * (scales as number[])[i]));
  // area is adaptive average pooling, which (unlike the upsampling kernels) may produce an empty output.
  if (mode === "area" && spatial.every((s) => s > 0) && out.some((s) => s === 0)) {
    return record("AdaptiveAvgPool2DBackward0", [input], compute(() => tf.zeros([...input.shape.slice(0, 2), ...out])), () => [tf.zeros(input.shape)]);
  }
  if (spatial.some((s) => s <= 0) || out.some((s) => s <= 0)) {
    const names = ["D", "H", "W"].slice(3 - dim);
    const fmt = (v: number[]): string => v.map((e, i) => `${names[i]}: ${e}`).join(", ");
    throw new RuntimeError(`Input and output sizes should be greater than 0, but got input (${fmt(spatial)}) output (${fmt(out)})`);
  }
  const maps: AxisMap[] = spatial.map((inSize, i) => {
    const o = out[i];
    const sc = useScales ? useScales[i] : null;
    const m: AxisMap = { axis: i + 2, inSize, outSize: o };
    if (mode === "nearest" || mode === "nearest-exact") m.idx = nearestIndices(inSize, o, sc, mode === "nearest-exact");
    else if (mode === "area") m.weights = areaWeights(inSize, o);
    else if (mode === "bicubic") m.weights = cubicWeights(inSize, o, alignCorners as boolean, sc);
    else m.weights = linearWeights(inSize, o, alignCorners as boolean, sc);
    return m;
  });
  const names: Record<string, string> = {
    nearest: `UpsampleNearest${dim}DBackward1`, "nearest-exact": `UpsampleNearestExact${dim}DBackward1`, area: `AdaptiveAvgPool${dim}DBackward0`,
    linear: "UpsampleLinear1DBackward1", bilinear: "UpsampleBilinear2DBackward1", bicubic: "UpsampleBicubic2DBackward1", trilinear: "UpsampleTrilinear3DBackward1",
  };
  return mapAxes(input, maps, names[mode]);
}
