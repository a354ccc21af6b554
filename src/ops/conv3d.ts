/**
 * torch.nn.functional.conv3d: [N, C, D, H, W] (or unbatched [C, D, H, W]) with weight
 * [O, C/groups, kD, kH, kW], PyTorch's checks and messages. tfjs's Conv3D runs NDHWC with weight
 * DHWIO; the input is padded explicitly and each group is its own convolution. The gradients are
 * built from tfjs's forward Conv3D and matmuls (inputGrad, weightGrad: the wasm backend's
 * Conv3DBackprop kernels give wrong values), written for dilation 1, so another dilation is refused.
 */
import { tf, compute, record, fmtShape } from "./_core";
import { Tensor } from "../tensor/tensor";
import { NotImplementedError, RuntimeError, ShapeError, TypeError } from "../errors";
import { parseArgs } from "../tensor/args";
import { sliceTf } from "../backend/wasm_kernels";

export type Triple = [number, number, number];

/** PyTorch's `_triple`: an int or a 1/3-element list becomes [d, h, w]. */
export function triple(op: string, name: string, v: unknown): Triple {
  if (typeof v === "number" && Number.isInteger(v)) return [v, v, v];
  if (Array.isArray(v) && (v.length === 1 || v.length === 3) && v.every((e) => typeof e === "number" && Number.isInteger(e))) {
    return v.length === 1 ? [v[0], v[0], v[0]] : [v[0], v[1], v[2]];
  }
  throw new TypeError(`${op}(): argument '${name}' must be an int or a tuple of 3 ints, but got ${Array.isArray(v) ? `[${v.join(", ")}]` : String(v)}`);
}

export interface Conv3dOptions {
  bias?: Tensor | null;
  stride?: number | number[];
  padding?: number | number[] | "same" | "valid";
  dilation?: number | number[];
  groups?: number;
}

const toNDHWC = (x: tf.Tensor): tf.Tensor5D => tf.transpose(x, [0, 2, 3, 4, 1]) as tf.Tensor5D;
const toNCDHW = (x: tf.Tensor): tf.Tensor5D => tf.transpose(x, [0, 4, 1, 2, 3]) as tf.Tensor5D;
const float = (t: Tensor): tf.Tensor => (t._t.dtype === "float32" ? t._t : tf.cast(t._t, "float32"));

/**
 * The gradient of a 'valid' NDHWC conv3d with respect to its input, as a forward convolution of
 * the zero-stuffed, padded gradient with the flipped filter (in and out channels swapped). tfjs's
 * Conv3DBackpropInputV2 is not used: the wasm backend's fills only the first depth slice.
 */
function inputGrad(dy: tf.Tensor5D, filter: tf.Tensor5D, inShape: [number, number, number, number, number], strides: Triple): tf.Tensor5D {
  const k = filter.shape.slice(0, 3);
  let g: tf.Tensor = dy;
  for (let axis = 1; axis <= 3; axis++) {
    const s = strides[axis - 1];
    if (s === 1) continue;
    // Interleave s - 1 zeros after each element along `axis`, then drop the trailing ones.
    const shape = g.shape.slice();
    const n = shape[axis];
    const withSlot = tf.expandDims(g, axis + 1);
    const pads: [number, number][] = withSlot.shape.map(() => [0, 0] as [number, number]);
    pads[axis + 1] = [0, s - 1];
    const stuffed = tf.reshape(tf.pad(withSlot, pads), [...shape.slice(0, axis), n * s, ...shape.slice(axis + 1)]);
    g = sliceTf(stuffed, shape.map(() => 0), [...shape.slice(0, axis), (n - 1) * s + 1, ...shape.slice(axis + 1)]);
  }
  // Full padding (k - 1 each side), plus the rows a stride skipped at the end of the input.
  const padSpec: [number, number][] = [[0, 0], ...[0, 1, 2].map((i) => [k[i] - 1, k[i] - 1 + inShape[i + 1] - (g.shape[i + 1] + k[i] - 1)] as [number, number]), [0, 0]];
  const flipped = tf.transpose(tf.reverse(filter, [0, 1, 2]), [0, 1, 2, 4, 3]) as tf.Tensor5D;
  return tf.conv3d(tf.pad(g, padSpec) as tf.Tensor5D, flipped, 1, "valid");
}

/**
 * The gradient of a 'valid' NDHWC conv3d with respect to its DHWIO filter: for each kernel offset,
 * the input positions that offset reads (a strided slice) times the output gradient, summed over
 * batch and positions (one matmul). tfjs's Conv3DBackpropFilterV2 is not used: the wasm backend's
 * is wrong for strides above 1.
 */
function weightGrad(xp: tf.Tensor5D, dy: tf.Tensor5D, k: Triple, strides: Triple): tf.Tensor {
  const [n, dd, dh, dw, co] = dy.shape;
  const ci = xp.shape[4];
  const rows = n * dd * dh * dw;
  const g = tf.reshape(dy, [rows, co]);
  const taps: tf.Tensor[] = [];
  for (let a = 0; a < k[0]; a++) {
    for (let b = 0; b < k[1]; b++) {
      for (let c = 0; c < k[2]; c++) {
        const begin = [0, a, b, c, 0];
        const end = [n, a + (dd - 1) * strides[0] + 1, b + (dh - 1) * strides[1] + 1, c + (dw - 1) * strides[2] + 1, ci];
        const xs = tf.stridedSlice(xp, begin, end, [1, strides[0], strides[1], strides[2], 1]);
        taps.push(tf.matMul(tf.reshape(xs, [rows, ci]), g, true, false));
      }
    }
  }
  return tf.reshape(tf.stack(taps), [k[0], k[1], k[2], ci, co]);
}

/**
 * 3-D convolution. Shape: D_out = floor((D + 2*padding[0] - kD) / stride[0] + 1), likewise H and W.
 *
 * @example F.conv3d(torch.rand(1, 2, 5, 6, 6), torch.rand(4, 2, 3, 3, 3), {padding: 1}).shape  // [1, 4, 5, 6, 6]
 */
export function conv3d(input: Tensor, weight: Tensor, options: Conv3dOptions = {}): Tensor {
  const op = "conv3d";
  if (!(input instanceof Tensor)) throw new TypeError(`conv3d(): argument 'input' (position 1) must be Tensor, not ${typeof input}`);
  if (!(weight instanceof Tensor)) throw new TypeError(`conv3d(): argument 'weight' (position 2) must be Tensor, not ${typeof weight}`);
  if (input.dim() !== 4 && input.dim() !== 5) {
    throw new ShapeError(`Expected 4D (unbatched) or 5D (batched) input to conv3d, but got input of size: ${fmtShape(input.shape)}`, "4-D or 5-D", input.shape);
  }
  const unbatched = input.dim() === 4;
  const x = unbatched ? input.unsqueeze(0) : input;
  const stride = triple(op, "stride", options.stride ?? 1);
  const dilation = triple(op, "dilation", options.dilation ?? 1);
  const groups = options.groups ?? 1;
  if (!Number.isInteger(groups) || groups <= 0) throw new RuntimeError("non-positive groups is not supported");
  if (stride.some((s) => s <= 0)) throw new RuntimeError("non-positive stride is not supported");
  if (dilation.some((d) => d !== 1)) throw new NotImplementedError(`conv3d: dilation ${fmtShape(dilation)} is not supported by torchlab (its Conv3D gradients are written for dilation 1); use dilation 1`);
  if (weight.dim() !== 5) {
    // PyTorch 1.13 checks the stride's length against the weight's spatial dims first, in these words.
    throw new ShapeError(`expected stride to be a single integer value or a list of ${weight.dim() - 2} values to match the convolution dimensions, but got stride=${fmtShape(stride)}`, "5-D", weight.shape);
  }
  const [o, cg, kd, kh, kw] = weight.shape;
  const [n, c, d, h, w] = x.shape;
  if (o % groups !== 0) throw new RuntimeError(`Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size ${fmtShape(weight.shape)} instead`);
  if (c !== cg * groups) {
    throw new ShapeError(
      `Given groups=${groups}, weight of size ${fmtShape(weight.shape)}, expected input${fmtShape(x.shape)} to have ${cg * groups} channels, but got ${c} channels instead`,
      [n, cg * groups, d, h, w],
      x.shape,
    );
  }
  const bias = options.bias ?? null;
  if (bias !== null && (!(bias instanceof Tensor) || bias.dim() !== 1 || bias.shape[0] !== o)) {
    throw new ShapeError(`Given weight of size ${fmtShape(weight.shape)}, expected bias to be 1-dimensional with ${o} elements, but got bias of size ${bias instanceof Tensor ? fmtShape(bias.shape) : String(bias)} instead`, [o], bias instanceof Tensor ? bias.shape : []);
  }
  const k: Triple = [kd, kh, kw];
  const padding = options.padding ?? 0;
  let pads: [number, number][];
  if (padding === "valid") pads = [[0, 0], [0, 0], [0, 0]];
  else if (padding === "same") {
    if (stride.some((s) => s !== 1)) throw new RuntimeError("padding='same' is not supported for strided convolutions");
    pads = k.map((kk) => [Math.floor((kk - 1) / 2), kk - 1 - Math.floor((kk - 1) / 2)] as [number, number]);
  } else if (typeof padding === "string") throw new RuntimeError(`Invalid padding string: '${padding}'`);
  else {
    const p = triple(op, "padding", padding);
    if (p.some((v) => v < 0)) throw new RuntimeError("negative padding is not supported");
    pads = p.map((v) => [v, v] as [number, number]);
  }
  const padded = [d, h, w].map((s, i) => s + pads[i][0] + pads[i][1]);
  if (padded.some((s, i) => s < k[i])) {
    throw new ShapeError(
      `Calculated padded input size per channel: (${padded.join(" x ")}). Kernel size: (${k.join(" x ")}). Kernel size can't be greater than actual input size`,
      k,
      padded,
    );
  }
  const strides = stride;
  const padSpec: [number, number][] = [[0, 0], ...pads, [0, 0]];
  const inputs = bias === null ? [x, weight] : [x, weight, bias];
  const xp = (): tf.Tensor5D => tf.pad(toNDHWC(float(x)), padSpec) as tf.Tensor5D;
  const filter = (): tf.Tensor5D => tf.transpose(float(weight), [2, 3, 4, 1, 0]) as tf.Tensor5D; // DHWIO
  const y = compute(() => {
    const xs = groups === 1 ? [xp()] : tf.split(xp(), groups, 4);
    const ws = groups === 1 ? [filter()] : tf.split(filter(), groups, 4);
    let out: tf.Tensor = tf.concat(xs.map((xi, i) => tf.conv3d(xi as tf.Tensor5D, ws[i] as tf.Tensor5D, strides, "valid")), 4);
    if (bias !== null) out = tf.add(out, float(bias));
    return toNCDHW(out);
  });
  const res = record("ConvolutionBackward0", inputs, y, (g) => {
    const dy = toNDHWC(g);
    const xpad = xp();
    const wt = filter();
    const dys = groups === 1 ? [dy] : tf.split(dy, groups, 4);
    const xs = groups === 1 ? [xpad] : tf.split(xpad, groups, 4);
    const ws = groups === 1 ? [wt] : tf.split(wt, groups, 4);
    const inShape = [n, padded[0], padded[1], padded[2], cg] as [number, number, number, number, number];
    const dxp = tf.concat(dys.map((dyi, i) => inputGrad(dyi as tf.Tensor5D, ws[i] as tf.Tensor5D, inShape, strides)), 4);
    const dx = sliceTf(dxp, [0, pads[0][0], pads[1][0], pads[2][0], 0], [n, d, h, w, c]);
    const dw = tf.concat(dys.map((dyi, i) => weightGrad(xs[i] as tf.Tensor5D, dyi as tf.Tensor5D, k, strides)), 4);
    const grads: (tf.Tensor | null)[] = [toNCDHW(dx), tf.transpose(dw, [4, 3, 0, 1, 2])];
    if (bias !== null) grads.push(tf.sum(dy, [0, 1, 2, 3]));
    return grads;
  });
  return unbatched ? res.squeeze(0) : res;
}

/** `F.conv3d(input, weight, bias?, stride?, padding?, dilation?, groups?)`, each also by keyword. */
export function conv3dFunctional(input: Tensor, weight: Tensor, ...rest: (Tensor | null | number | number[] | string | (Conv3dOptions & { weight?: Tensor }) | undefined)[]): Tensor {
  const o = parseArgs("conv3d", rest, ["bias", "stride", "padding", "dilation", "groups"]) as Conv3dOptions;
  return conv3d(input, weight, o);
}
