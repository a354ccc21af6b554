/**
 * F.pad with PyTorch's pad list, which starts at the LAST dimension: (left, right, top, bottom,
 * front, back). Constant mode is a tfjs pad (negative amounts crop); reflect, replicate and circular
 * are gathers of precomputed source indices along each padded axis, whose gradient sums the copies
 * back (see mapAxes).
 */
import { tf, compute, record } from "./_core";
import { holdsNoTensor, type BackwardFn } from "../autograd/node";
import { Tensor } from "../tensor/tensor";
import { NotImplementedError, RuntimeError, TypeError } from "../errors";
import { mapAxes, AxisMap } from "./interpolate";
import { propagateSpatial } from "../tensor/memory_format";
import { sliceTf } from "../backend/wasm_kernels";

export type PadMode = "constant" | "reflect" | "replicate" | "circular";

function reflectIndex(i: number, n: number): number {
  // Reflection without repeating the edge: ... 2 1 | 0 1 2 ... n-1 | n-2 n-3 ...
  const period = 2 * (n - 1);
  let r = ((i % period) + period) % period;
  if (r >= n) r = period - r;
  return r;
}

/**
 * Pads (or, with negative amounts, crops) the last len(pad)/2 dimensions of `input`.
 *
 * @example
 * F.pad(x, [1, 1, 2, 0])                       // W: +1 left, +1 right; H: +2 top
 * F.pad(x, [2, 2, 2, 2], {mode: 'reflect'})
 */
export function pad(input: Tensor, padding: number[], mode: PadMode = "constant", value: number | null = null): Tensor {
  const out = padOp(input, padding, mode, value);
  // Constant padding keeps a channels-last input's layout in PyTorch; the reflect / replicate / circular kernels do not.
  return mode === "constant" ? propagateSpatial(out, input) : out;
}

function padOp(input: Tensor, padding: number[], mode: PadMode, value: number | null): Tensor {
  if (!(input instanceof Tensor)) throw new TypeError("pad(): argument 'input' (position 1) must be Tensor");
  if (!Array.isArray(padding) || !padding.every((p) => Number.isInteger(p))) {
    throw new TypeError(`pad(): argument 'pad' must be a list of ints, got ${String(padding)}`);
  }
  if (padding.length % 2 !== 0) throw new RuntimeError("Padding length must be divisible by 2");
  const pairs = padding.length / 2;
  if (pairs > input.dim()) throw new RuntimeError("Padding length too large");
  const nd = input.dim();
  // amounts[d] = [before, after] for each tensor dim d.
  const amounts: [number, number][] = input.shape.map(() => [0, 0]);
  for (let i = 0; i < pairs; i++) amounts[nd - 1 - i] = [padding[2 * i], padding[2 * i + 1]];
  if (mode === "constant") {
    // PyTorch checks the padded sizes only when some amount is positive (pure cropping may empty a dim).
    if (padding.some((p) => p > 0)) {
      for (let d = nd - pairs; d < nd; d++) {
        const [b, a] = amounts[d];
        if (input.shape[d] + b + a <= 0) {
          throw new RuntimeError(`The input size ${input.shape[d]}, plus negative padding ${b} and ${a} resulted in a negative output size, which is invalid. Check dimension ${d} of your input.`);
        }
      }
    }
    return constantPad(input, amounts, value ?? 0);
  }
  if (mode !== "reflect" && mode !== "replicate" && mode !== "circular") {
    throw new NotImplementedError(`Unrecognised padding mode ${String(mode)}`);
  }
  if (value !== null && value !== undefined) throw new RuntimeError(`Padding mode "${mode}" doesn't take in value argument`);
  const supported = pairs >= 1 && pairs <= 3 && (nd === pairs + 1 || nd === pairs + 2) && input.numel() > 0;
  if (!supported) throw new NotImplementedError("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
  // PyTorch 1.13's circular padding needs the batch and channel dims.
  if (mode === "circular" && padding.length !== 2 * (nd - 2)) {
    throw new RuntimeError(`Invalid padding size, expected ${2 * (nd - 2)} but got ${padding.length}`);
  }
  const maps: AxisMap[] = [];
  for (let i = 0; i < pairs; i++) {
    const d = nd - 1 - i;
    const [before, after] = amounts[d];
    const n = input.shape[d];
    if (mode === "reflect" && (before >= n || after >= n)) {
      throw new RuntimeError(
        `Argument #${4 + 2 * i}: Padding size should be less than the corresponding input dimension, but got: padding (${before}, ${after}) at dimension ${d} of input ${nd}`,
      );
    }
    if (mode === "circular" && (before > n || after > n)) {
      throw new RuntimeError("Padding value causes wrapping around more than once.");
    }
    const len = n + before + after;
    if (len <= 0) throw new RuntimeError(`pad(): padding (${before}, ${after}) leaves nothing of dimension ${d} (size ${n})`);
    const idx: number[] = [];
    for (let j = 0; j < len; j++) {
      const src = j - before;
      if (mode === "replicate") idx.push(Math.min(Math.max(src, 0), n - 1));
      else if (mode === "circular") idx.push(((src % n) + n) % n);
      else idx.push(reflectIndex(src, n));
    }
    maps.push({ axis: d, inSize: n, outSize: len, idx });
  }
  const names: Record<string, string> = { reflect: "ReflectionPad", replicate: "ReplicationPad", circular: "Circular" };
  // tf.mirrorPad is one native kernel; the gathers run per element on wasm.
  const mirror = mode === "reflect" && padding.every((p) => p >= 0) ? (t: tf.Tensor): tf.Tensor => tf.mirrorPad(t, amounts, "reflect") : undefined;
  return mapAxes(input, maps, mode === "circular" ? "CopySlices" : `${names[mode]}${pairs}DBackward0`, mirror);
}

function constantPad(input: Tensor, amounts: [number, number][], value: number): Tensor {
  // PyTorch narrows negative amounts first, before then after, one dim at a time.
  const begin = input.shape.map(() => 0);
  const size = input.shape.slice();
  for (let d = amounts.length - 1; d >= 0; d--) {
    const [b, a] = amounts[d];
    if (b < 0) {
      const len = size[d] + b;
      if (len < 0) throw new RuntimeError(`start (${-b}) + length (${len}) exceeds dimension size (${size[d]}).`);
      begin[d] += -b;
      size[d] = len;
    }
    if (a < 0) {
      const len = size[d] + a;
      if (len < 0) throw new RuntimeError(`start (0) + length (${len}) exceeds dimension size (${size[d]}).`);
      size[d] = len;
    }
  }
  const pads = amounts.map(([b, a]) => [Math.max(b, 0), Math.max(a, 0)] as [number, number]);
  const shape = input.shape;
  const out = compute(() => {
    const cropped = sliceTf(input._t, begin, size);
    return pads.some(([b, a]) => b > 0 || a > 0) ? tf.pad(cropped, pads, value) : cropped;
  });
  return record("ConstantPadNdBackward0", [input], out, constantPadBackward(shape, begin, size, pads), false, false);
}

/**
 * The gradient of a constant pad: the padded border cut off, and the cropped part (negative pads)
 * padded back with zeros. Made here so that it holds shapes only (see holdsNoTensor).
 */
function constantPadBackward(shape: readonly number[], begin: number[], size: number[], pads: [number, number][]): BackwardFn {
  const back = shape.map((n, d) => [begin[d], n - begin[d] - size[d]] as [number, number]);
  return holdsNoTensor((g) => {
    const inner = sliceTf(g, pads.map(([b]) => b), size);
    return [back.some(([b, a]) => b > 0 || a > 0) ? tf.pad(inner, back) : inner];
  });
}
