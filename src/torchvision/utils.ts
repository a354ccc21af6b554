/**
 * torchvision.utils: make_grid and save_image, value for value as torchvision 0.14 computes them (draw_* live in draw.ts)
 * (float32 arithmetic step by step, the same rounding to bytes).
 */
import { writeFileAtomic } from "../serialization/atomic";
import { extname } from "path";
import { Tensor } from "../tensor/tensor";
import { from_typed } from "../ops/creation";
import { parseArgs } from "../tensor/args";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { encode_png, PixelImage } from "../display/png";
import { to_uint8, to_rgba } from "../display/raster";

/** Keyword arguments of {@link make_grid}, as torchvision names them. */
export interface MakeGridOptions {
  /** Images per row of the grid. Default 8. */
  nrow?: number;
  /** Pixels between and around the images. Default 2. */
  padding?: number;
  /** Shift values into [0, 1] by min and max (of value_range, or of the data). Default false. */
  normalize?: boolean;
  /** The (min, max) that normalize maps to (0, 1); values outside are clamped first. */
  value_range?: [number, number] | null;
  /** With normalize: scale each image by its own min and max instead of the batch's. Default false. */
  scale_each?: boolean;
  /** Value of the padding pixels. Default 0. */
  pad_value?: number;
}

/** Keyword arguments of {@link save_image}: make_grid's, plus the file format. */
export interface SaveImageOptions extends MakeGridOptions {
  /** "png", "jpeg"/"jpg" or "webp"; by default taken from the file name's extension. */
  format?: string | null;
}

type Values = Float32Array | Int32Array;

/** A batch of images as flat values: [B, C, H, W]. */
interface Batch {
  values: Values;
  shape: [number, number, number, number];
  dtype: Tensor["dtype"];
}

const GRID_ARGS = ["nrow", "padding", "normalize", "value_range", "scale_each", "pad_value"] as const;

function valuesOf(t: Tensor): Values {
  const v = t.dataSync();
  return v instanceof Float32Array ? v : Int32Array.from(v);
}

function fmt(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** The list / 2-D / 3-D / 4-D input as a 4-D batch, with one-channel images tripled into RGB. */
function toBatch(tensor: Tensor | Tensor[]): Batch {
  let values: Values;
  let shape: number[];
  let dtype: Tensor["dtype"];
  if (Array.isArray(tensor)) {
    tensor.forEach((t, i) => {
      if (!(t instanceof Tensor)) throw new TypeError(`tensor or list of tensors expected, got a list containing ${typeof t} at index ${i}`);
    });
    if (tensor.length === 0) throw new RuntimeError("stack expects a non-empty TensorList");
    const first = tensor[0].shape;
    tensor.forEach((t, i) => {
      if (fmt(t.shape) !== fmt(first)) {
        throw new RuntimeError(`stack expects each tensor to be equal size, but got ${fmt(first)} at entry 0 and ${fmt(t.shape)} at entry ${i}`);
      }
    });
    dtype = tensor.some((t) => t.dtype._tf === "float32") ? tensor.find((t) => t.dtype._tf === "float32")!.dtype : tensor[0].dtype;
    const parts = tensor.map((t) => valuesOf(dtype === t.dtype ? t : t.float()));
    const n = parts[0].length;
    values = dtype._tf === "float32" ? new Float32Array(n * parts.length) : new Int32Array(n * parts.length);
    parts.forEach((p, i) => values.set(p, i * n));
    shape = [tensor.length, ...first];
  } else if (tensor instanceof Tensor) {
    values = valuesOf(tensor);
    shape = tensor.shape;
    dtype = tensor.dtype;
  } else {
    throw new TypeError(`tensor or list of tensors expected, got ${tensor === null ? "null" : typeof tensor}`);
  }
  if (shape.length === 2) shape = [1, ...shape];
  if (shape.length === 3) shape = [1, ...shape];
  if (shape.length !== 4) {
    throw new ValueError(`make_grid(): expected a 4-D mini-batch [B, C, H, W], a 3-D image [C, H, W] or a 2-D image [H, W], got shape ${fmt(shape)}`);
  }
  const [B, C, H, W] = shape;
  if (C === 1) {
    const plane = H * W;
    const rgb = values instanceof Float32Array ? new Float32Array(B * 3 * plane) : new Int32Array(B * 3 * plane);
    for (let b = 0; b < B; b++) {
      const src = values.subarray(b * plane, (b + 1) * plane);
      for (let c = 0; c < 3; c++) rgb.set(src, (b * 3 + c) * plane);
    }
    values = rgb;
  }
  return { values, shape: [B, C === 1 ? 3 : C, H, W], dtype };
}

/** torchvision's norm_ip in float32: clamp_(low, high), sub_(low), div_(max(high - low, 1e-5)). */
function normalizeRange(v: Float32Array, range: [number, number] | null): void {
  let low: number;
  let high: number;
  if (range === null) {
    low = Infinity;
    high = -Infinity;
    for (let i = 0; i < v.length; i++) {
      // A NaN anywhere makes torch's min() and max() NaN; keep that, so every value becomes NaN too.
      if (Number.isNaN(v[i])) {
        low = high = NaN;
        break;
      }
      if (v[i] < low) low = v[i];
      if (v[i] > high) high = v[i];
    }
  } else {
    [low, high] = range;
  }
  const lo = Math.fround(low);
  const hi = Math.fround(high);
  const divisor = Math.fround(Math.max(high - low, 1e-5));
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    // clamp_ is min(max(x, low), high): with low > high every value becomes high, as in torch.
    const clamped = Math.min(Math.max(x, lo), hi);
    v[i] = Math.fround(Math.fround(clamped - lo) / divisor);
  }
}

function gridArgs(op: string, args: unknown[]): Required<Omit<MakeGridOptions, "value_range">> & { value_range: [number, number] | null } {
  const a = parseArgs(op, args, GRID_ARGS);
  const nrow = (a.nrow as number | undefined) ?? 8;
  const padding = (a.padding as number | undefined) ?? 2;
  if (!Number.isInteger(nrow) || nrow < 1) throw new ValueError(`${op}(): nrow must be a positive integer, got ${String(nrow)}`);
  if (!Number.isInteger(padding) || padding < 0) throw new ValueError(`${op}(): padding must be a non-negative integer, got ${String(padding)}`);
  const value_range = (a.value_range as [number, number] | null | undefined) ?? null;
  if (value_range !== null && !(Array.isArray(value_range) && value_range.length === 2 && value_range.every((x) => typeof x === "number"))) {
    throw new TypeError("value_range has to be a tuple (min, max) if specified. min and max are numbers");
  }
  return {
    nrow,
    padding,
    normalize: (a.normalize as boolean | undefined) ?? false,
    value_range,
    scale_each: (a.scale_each as boolean | undefined) ?? false,
    pad_value: (a.pad_value as number | undefined) ?? 0,
  };
}

/** make_grid's computation on flat values; returns [C, H, W] (or the lone image, unpadded). */
function gridValues(tensor: Tensor | Tensor[], o: ReturnType<typeof gridArgs>, op: string): Batch {
  const batch = toBatch(tensor);
  const [B, C, H, W] = batch.shape;
  let values = batch.values;
  if (o.normalize) {
    if (!(values instanceof Float32Array)) {
      throw new RuntimeError(`${op}(): normalize=true needs a floating point tensor (result type Float can't be cast to the desired output type ${batch.dtype._tf === "bool" ? "Bool" : "Int"}); call .float() first`);
    }
    values = values.slice();
    if (o.scale_each) {
      const n = C * H * W;
      for (let b = 0; b < B; b++) normalizeRange(values.subarray(b * n, (b + 1) * n), o.value_range);
    } else {
      normalizeRange(values, o.value_range);
    }
  }
  if (B === 1) return { values, shape: [1, C, H, W], dtype: batch.dtype };
  const { nrow, padding } = o;
  const xmaps = Math.min(nrow, B);
  const ymaps = Math.ceil(B / xmaps);
  const height = H + padding;
  const width = W + padding;
  const GH = height * ymaps + padding;
  const GW = width * xmaps + padding;
  const grid = values instanceof Float32Array ? new Float32Array(C * GH * GW) : new Int32Array(C * GH * GW);
  grid.fill(values instanceof Float32Array ? o.pad_value : Math.trunc(o.pad_value));
  for (let k = 0; k < B; k++) {
    const top = Math.floor(k / xmaps) * height + padding;
    const left = (k % xmaps) * width + padding;
    for (let c = 0; c < C; c++) {
      for (let y = 0; y < H; y++) {
        const src = ((k * C + c) * H + y) * W;
        grid.set(values.subarray(src, src + W), (c * GH + top + y) * GW + left);
      }
    }
  }
  return { values: grid, shape: [1, C, GH, GW], dtype: batch.dtype };
}

/**
 * Make a grid of images.
 *
 * Args:
 *   tensor: a 4-D mini-batch [B, C, H, W], a list of images of the same size, one [C, H, W] image or
 *     one [H, W] image. One-channel images become three-channel (gray) ones.
 *   nrow: images in each row; the grid is ceil(B / nrow) x nrow. Default 8.
 *   padding: pixels of padding around and between the images. Default 2.
 *   normalize: shift the values into [0, 1] by the min and max of value_range (or of the data).
 *   value_range: [min, max] for normalize; values outside are clamped.
 *   scale_each: with normalize, use each image's own min and max.
 *   pad_value: the value of the padding pixels. Default 0.
 *
 * Shape:
 *   Output: [C, (H + padding) * ceil(B / nrow) + padding, (W + padding) * min(nrow, B) + padding];
 *   a batch of one image is returned unpadded as [C, H, W].
 *
 * @example
 * const x = torch.rand(16, 1, 28, 28);
 * const grid = torchvision.utils.make_grid(x, { nrow: 4, padding: 2 });  // [3, 122, 122]
 * display.image(grid);
 */
export function make_grid(tensor: Tensor | Tensor[], options?: MakeGridOptions): Tensor;
export function make_grid(tensor: Tensor | Tensor[], nrow: number, options?: MakeGridOptions): Tensor;
export function make_grid(
  tensor: Tensor | Tensor[],
  nrow?: number,
  padding?: number,
  normalize?: boolean,
  value_range?: [number, number] | null,
  scale_each?: boolean,
  pad_value?: number,
): Tensor;
export function make_grid(tensor: Tensor | Tensor[], ...args: unknown[]): Tensor {
  const g = gridValues(tensor, gridArgs("make_grid", args), "make_grid");
  const [, C, H, W] = g.shape;
  return from_typed(g.values, [C, H, W], { dtype: g.dtype });
}

const FORMATS: Record<string, "png" | "jpeg" | "webp"> = { png: "png", jpg: "jpeg", jpeg: "jpeg", webp: "webp" };

/** The bytes of a [C, H, W] grid of [0, 1] values in a file format (PNG exact; JPEG/WebP via the canvas). */
export function encode_image(values: ArrayLike<number>, shape: [number, number, number], format: "png" | "jpeg" | "webp"): Buffer {
  const [C, H, W] = shape;
  if (C !== 3 && C !== 4) {
    throw new TypeError(`Cannot handle this data type: (1, 1, ${C}), |u1 (save_image needs 1, 3 or 4 channels, got image of shape ${fmt(shape)})`);
  }
  const data = new Uint8Array(H * W * C);
  const plane = H * W;
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < plane; p++) data[p * C + c] = to_uint8(values[c * plane + p]);
  }
  const image: PixelImage = { width: W, height: H, channels: C, data };
  if (format === "png") return encode_png(image);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const canvasLib = require("@napi-rs/canvas") as typeof import("@napi-rs/canvas");
  const canvas = canvasLib.createCanvas(W, H);
  canvas.getContext("2d").putImageData(new canvasLib.ImageData(to_rgba(image), W, H), 0, 0);
  return format === "jpeg" ? canvas.encodeSync("jpeg", 95) : canvas.encodeSync("webp", 95);
}

/**
 * Save a tensor as an image file; a mini-batch is saved as the grid {@link make_grid} makes.
 * Values in [0, 1] become bytes as torchvision rounds them: `mul(255).add_(0.5).clamp_(0, 255)`.
 *
 * Args:
 *   tensor: image(s), as for make_grid.
 *   fp: the file path; its extension picks the format (.png, .jpg/.jpeg, .webp) unless `format` is given.
 *   format: "png", "jpeg" or "webp".
 *   nrow, padding, normalize, value_range, scale_each, pad_value: as for make_grid.
 *
 * @example
 * torchvision.utils.save_image(images, "batch.png", { nrow: 8, normalize: true });
 */
export function save_image(tensor: Tensor | Tensor[], fp: string, options?: SaveImageOptions): void;
export function save_image(tensor: Tensor | Tensor[], fp: string, format: string | null, options?: MakeGridOptions): void;
export function save_image(tensor: Tensor | Tensor[], fp: string, ...args: unknown[]): void {
  if (typeof fp !== "string") throw new TypeError(`save_image(): fp must be a file path (string), got ${typeof fp}`);
  const a = parseArgs("save_image", args, ["format", ...GRID_ARGS]);
  const { format: formatArg, ...gridOptions } = a;
  const ext = (formatArg as string | null | undefined) ?? extname(fp).slice(1);
  const format = FORMATS[ext.toLowerCase()];
  if (format === undefined) {
    throw new ValueError(formatArg ? `save_image(): unknown format '${String(formatArg)}' (png, jpeg, webp)` : `unknown file extension: ${extname(fp) || "(none)"} (save_image writes .png, .jpg, .jpeg, .webp)`);
  }
  const g = gridValues(tensor, gridArgs("save_image", [gridOptions]), "save_image");
  if (g.dtype._tf !== "float32") {
    // torchvision's grid.mul(255).add_(0.5) fails the same way on an integer tensor.
    throw new RuntimeError(`save_image(): result type Float can't be cast to the desired output type ${g.dtype._typeName} (expected a floating point tensor with values in [0, 1], got dtype ${g.dtype}; use x.float().div(255) for byte images)`);
  }
  const [, C, H, W] = g.shape;
  writeFileAtomic(fp, encode_image(g.values, [C, H, W], format));
}
export { draw_bounding_boxes, draw_segmentation_masks } from "./draw";
export type { Color, DrawBoundingBoxesOptions, DrawSegmentationMasksOptions } from "./draw";
