/**
 * torchvision.transforms.functional: the deterministic image operations the transform classes use,
 * with torchvision 0.14's tensor semantics (formulas, rounding, error messages).
 *
 * Every function takes a tensor image [..., C, H, W] (any number of leading dims, so a batch
 * [B, C, H, W] gets the same operation on every image) or an `Image` (torchlab's PIL image) and
 * returns the same kind. An integer tensor is an 8-bit image (torchvision's uint8, values 0..255):
 * results are rounded (geometry) or truncated (colour) back to integers exactly as torchvision does
 * for uint8. An `Image` (what datasets return, PIL's role) follows torchvision's PIL path where it
 * differs from the uint8 tensor one: resize (antialiased; NEAREST takes the pixel under each output
 * pixel's centre), rotate / affine / perspective (Pillow's transform: fixed-point nearest, edge-clamped bilinear
 * and bicubic, whole pixels of fill outside) and brightness / contrast / saturation / hue (Pillow's
 * 8-bit arithmetic). Other operations use the tensor formulas, which PIL's agree with.
 */
import { Tensor, DType, normalizeDtype } from "../../tensor/tensor";
import { from_numpy, from_typed, isTypedArrayWithShape, tensor as makeTensor, TypedArrayWithShape } from "../../ops/creation";
import * as D from "../../tensor/dtype";
import { cat, stack } from "../../ops/movement";
import { where } from "../../ops/elementwise";
import { RuntimeError, TypeError, ValueError } from "../../errors";
import { parseArgs } from "../../tensor/args";
import { Image, ImageMode, imageToTensor, tensorToImage } from "../io";
import { Raw, RawFn, planesOf, imageToRaw, rawToImage, tensorToRaw, rawToTensor, remapRaw, cropIndices, brightnessRaw, contrastRaw, saturationRaw, hueRaw } from "./_raw";
import { pilAffine, pilBrightness, pilContrast, pilPerspective, pilSaturation, pilHue, pilResize, pilRotate } from "./_pil";
import { applyTaps, applyTapsJS, affineTaps, elasticTaps, bicubicTaps, antialiasTaps, bilinearTaps, gaussianKernel1d, nearbyint, nearestTaps, padIndices, perspectiveCoeffs, perspectiveTaps, Taps } from "./_sampling";

/**
 * torchvision.transforms.InterpolationMode; values are the strings PyTorch prints. BOX, HAMMING and
 * LANCZOS are Pillow's filters: they resize an `Image` only, as in torchvision.
 */
export const InterpolationMode = {
  NEAREST: "nearest",
  BILINEAR: "bilinear",
  BICUBIC: "bicubic",
  BOX: "box",
  HAMMING: "hamming",
  LANCZOS: "lanczos",
} as const;
export type InterpolationMode = (typeof InterpolationMode)[keyof typeof InterpolationMode];

/** A tensor image [..., C, H, W] or a decoded `Image`. */
export type ImageLike = Tensor | Image;
export type PaddingMode = "constant" | "edge" | "reflect" | "symmetric";

// ---------------------------------------------------------------- helpers

/**
 * The parameters after the image, positional as in torchvision; any of them may instead come in a
 * trailing keyword-arguments object (`F.rotate(img, 30, {interpolation: "bilinear"})`,
 * `F.resize(img, {size: 6, antialias: false})`).
 */
export type Kw<P extends unknown[], O> = { [K in keyof P]: P[K] | O };

const REQUIRED = Symbol("required");

/** Parses `args` (see Kw) with the core's parser; `spec` lists [name, default or REQUIRED] in order. */
function kwargs<P extends unknown[]>(op: string, args: readonly unknown[], spec: readonly (readonly [string, unknown])[]): P {
  const given = parseArgs(op, args, spec.map(([name]) => name));
  return spec.map(([name, dflt]) => {
    if (name in given) return given[name];
    if (dflt === REQUIRED) throw new TypeError(`${op}() missing required argument: '${name}'`);
    return dflt;
  }) as P;
}

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (x instanceof Tensor) return "Tensor";
  if (x instanceof Image) return "Image";
  if (Array.isArray(x)) return "list";
  return typeof x === "object" ? (x as object).constructor?.name ?? "object" : typeof x;
}

/**
 * A NumPy-style image (`x.numpy()`'s `{data, shape}`: [H, W] or [H, W, C], torchvision's ndarray
 * layout) as a [C, H, W] tensor of its own dtype.
 */
function hwcArrayToTensor(pic: TypedArrayWithShape): Tensor {
  const t = from_numpy(pic);
  if (t.dim() !== 2 && t.dim() !== 3) throw new ValueError(`pic should be 2/3 dimensional. Got ${t.dim()} dimensions.`);
  return (t.dim() === 2 ? t.unsqueeze(2) : t).permute(2, 0, 1).contiguous();
}

/** A tensor image has at least two dims ([..., H, W]). */
function checkTensor(img: Tensor, op: string): Tensor {
  if (img.dim() < 2) throw new TypeError(`${op}(): Tensor is not a torch image (expected [..., H, W], got shape [${img.shape.join(", ")}]).`);
  return img;
}

/**
 * Runs an operation on an image of either kind and returns the input's kind: `fn` on tensors (with
 * autograd), `raw` (when given) on Images, and on tensors that need no gradient when `rawForTensors`.
 */
function apply<T extends ImageLike>(img: T, op: string, fn: (t: Tensor) => Tensor, raw?: RawFn, rawForTensors = false): T {
  if (img instanceof Image) {
    if (raw) return rawToImage(raw(imageToRaw(img))) as T;
    return tensorToImage(fn(imageToTensor(img))) as T;
  }
  if (!(img instanceof Tensor)) throw new TypeError(`${op}(): img should be a Tensor or an Image (PIL Image). Got ${typeName(img)}`);
  checkTensor(img, op);
  if (raw && rawForTensors && !img.requires_grad) return rawToTensor(raw(tensorToRaw(img)), img.dtype) as T;
  return fn(img) as T;
}

function tensorOnly(img: unknown, op: string): Tensor {
  if (!(img instanceof Tensor)) throw new TypeError(`${op}(): img should be Tensor Image. Got ${typeName(img)}`);
  return checkTensor(img, op);
}

const isFloat = (t: Tensor): boolean => t.dtype._tf === "float32";
const maxValue = (t: Tensor): number => (isFloat(t) ? 1 : 255);

/** torchvision's _cast_squeeze_in/_out: integer images are resampled in float and rounded back. */
function inFloat(t: Tensor, fn: (x: Tensor) => Tensor): Tensor {
  if (isFloat(t)) return fn(t);
  return fn(t.float()).round().to(t.dtype);
}

/** [C, H, W] of an image (C = 1 for [H, W] tensors). */
export function get_dimensions(img: ImageLike): [number, number, number] {
  if (img instanceof Image) return [img.channels, img.height, img.width];
  const t = tensorOrThrow(img, "get_dimensions");
  const s = t.shape;
  return [t.dim() === 2 ? 1 : s[s.length - 3], s[s.length - 2], s[s.length - 1]];
}

function tensorOrThrow(img: unknown, op: string): Tensor {
  if (!(img instanceof Tensor)) throw new TypeError(`${op}(): Unexpected type ${typeName(img)}`);
  return checkTensor(img, op);
}

/** [width, height], as torchvision. */
export function get_image_size(img: ImageLike): [number, number] {
  const [, h, w] = get_dimensions(img);
  return [w, h];
}

export function get_image_num_channels(img: ImageLike): number {
  return get_dimensions(img)[0];
}

function assertChannels(img: Tensor, permitted: number[]): void {
  const c = img.dim() === 2 ? 1 : img.shape[img.dim() - 3];
  if (!permitted.includes(c)) throw new TypeError(`Input image tensor permitted channel values are [${permitted.join(", ")}], but found ${c}`);
}

function checkInterpolation<M extends InterpolationMode>(mode: unknown, allowed: readonly M[], op: string): M {
  if (!Object.values(InterpolationMode).includes(mode as InterpolationMode)) {
    throw new TypeError(`${op}(): Argument interpolation should be a InterpolationMode ('nearest', 'bilinear', 'bicubic', 'box', 'hamming' or 'lanczos'), got ${String(mode)}`);
  }
  if (!allowed.includes(mode as M)) throw new ValueError(`Interpolation mode '${String(mode)}' is unsupported with Tensor input`);
  return mode as M;
}

// ---------------------------------------------------------------- conversion

/**
 * Image (HWC, 0..255) -> float tensor [C, H, W] in [0, 1] (transforms.ToTensor).
 * @example F.to_tensor(img)   // float32 [C, H, W]
 */
export function to_tensor(pic: Image | TypedArrayWithShape): Tensor {
  if (isTypedArrayWithShape(pic)) {
    const img = hwcArrayToTensor(pic);
    return img.dtype === D.uint8 ? img.float().div(255) : img;
  }
  if (!(pic instanceof Image)) throw new TypeError(`to_tensor(): pic should be an Image (PIL Image) . Got ${typeName(pic)}; a tensor needs no ToTensor (use convert_image_dtype for integer tensors)`);
  const c = pic.channels;
  const n = pic.width * pic.height;
  const out = new Float32Array(n * c);
  const src = pic.data;
  for (let ch = 0; ch < c; ch++) for (let i = 0; i < n; i++) out[ch * n + i] = src[i * c + ch] / 255;
  return from_typed(out, [c, pic.height, pic.width]);
}

/** Image -> integer tensor [C, H, W] with values 0..255 (transforms.PILToTensor). */
export function pil_to_tensor(pic: Image): Tensor {
  if (!(pic instanceof Image)) throw new TypeError(`pil_to_tensor(): pic should be an Image (PIL Image). Got ${typeName(pic)}`);
  return imageToTensor(pic);
}

/** Keyword arguments of `to_pil_image` (any of its parameters after the first, by name). */
export interface ToPilImageKwargs {
  mode?: ImageMode;
}

/**
 * Tensor [C, H, W] or [H, W] -> Image. A float tensor is scaled by 255 and cast to uint8, truncated and
 * wrapped modulo 256 as torchvision's `pic.mul(255).byte()` (so -0.5 becomes 129, which FakeData's standard
 * normal images rely on); an integer tensor's values outside 0..255 are clamped.
 */
/** torchvision's to_pil_image refuses a mode that does not fit the channel count (PIL would reinterpret the bytes). */
function checkPilMode(channels: number, mode: ImageMode | undefined): void {
  if (mode === undefined || mode === null) return;
  if (channels === 1 && mode !== "L") throw new ValueError(`Incorrect mode (${mode}) supplied for input type <class 'numpy.dtype'>. Should be L`);
  const permitted: Record<number, string[]> = { 2: ["LA"], 3: ["RGB", "YCbCr", "HSV"], 4: ["RGBA", "CMYK", "RGBX"] };
  const ok = permitted[channels];
  if (ok !== undefined && !ok.includes(mode)) throw new ValueError(`Only modes [${ok.map((m) => `'${m}'`).join(", ")}] are supported for ${channels}D inputs`);
}

export function to_pil_image(pic: Tensor | Image | TypedArrayWithShape, ...args: Kw<[mode?: ImageMode], ToPilImageKwargs>): Image {
  const [mode] = kwargs<[ImageMode]>("to_pil_image", args, [["mode", undefined]]);
  if (pic instanceof Image) return mode ? pic.convert(mode) : pic;
  if (isTypedArrayWithShape(pic)) {
    const img = hwcArrayToTensor(pic);
    if (img.shape[0] > 4) throw new ValueError(`pic should not have > 4 channels. Got ${img.shape[0]} channels.`);
    // PIL's modes F / I / I;16 (what torchvision makes of other arrays) have no torchlab Image.
    if (img.dtype !== D.uint8) throw new TypeError(`Input type ${String(img.dtype).replace("torch.", "")} is not supported`);
    checkPilMode(img.shape[0], mode);
    return tensorToImage(img.to("int64"), mode);
  }
  if (!(pic instanceof Tensor)) throw new TypeError(`to_pil_image(): pic should be Tensor or Image. Got ${typeName(pic)}.`);
  if (pic.dim() !== 2 && pic.dim() !== 3) throw new ValueError(`pic should be 2/3 dimensional. Got ${pic.dim()} dimensions.`);
  if (pic.dim() === 3 && pic.shape[0] > 4) throw new ValueError(`pic should not have > 4 channels. Got ${pic.shape[0]} channels.`);
  checkPilMode(pic.dim() === 2 ? 1 : pic.shape[0], mode);
  const ints = isFloat(pic) ? pic.mul(255).byte() : pic.to("int64");
  return tensorToImage(ints, mode);
}

/** Keyword arguments of `convert_image_dtype` (any of its parameters after the first, by name). */
export interface ConvertImageDtypeKwargs {
  dtype?: DType | string;
}

/** An integer image dtype's full-intensity value (torchvision's _max_value). */
function maxOf(d: DType): number {
  return d._range !== null ? d._range[1] : d === D.int32 ? 2147483647 : d === D.int64 ? 9223372036854775807 : 1;
}

/**
 * Converts an image between dtypes, scaling its values as torchvision's convert_image_dtype: floats
 * in [0, 1], integers in 0..max of their dtype (uint8: 255). Float -> int multiplies by max + 0.999
 * and truncates; int -> float divides by max; int -> int shifts by the ratio of the ranges.
 * @example F.convert_image_dtype(torchvision.io.read_image(path), torch.float32)  // [C, H, W] in [0, 1]
 */
export function convert_image_dtype(image: Tensor, ...args: Kw<[dtype?: DType | string], ConvertImageDtypeKwargs>): Tensor {
  const [dtype] = kwargs<[DType | string]>("convert_image_dtype", args, [["dtype", "float32"]]);
  // torchvision checks only that it is a tensor: any shape converts (a 1-D tensor of intensities too).
  if (!(image instanceof Tensor)) throw new TypeError(`Input img should be Tensor Image`);
  const t = image;
  const want = normalizeDtype(dtype);
  if (want === t.dtype) return t;
  if (t.dtype.is_floating_point) {
    if (want.is_floating_point) return t.to(want);
    if ((t.dtype === D.float32 && (want === D.int32 || want === D.int64)) || (t.dtype === D.float64 && want === D.int64)) {
      throw new RuntimeError(`The cast from ${t.dtype} to ${want} cannot be performed safely.`);
    }
    return t.mul(maxOf(want) + 1 - 1e-3).to(want);
  }
  const inMax = maxOf(t.dtype);
  if (want.is_floating_point) return t.to(want).div(inMax);
  const outMax = maxOf(want);
  if (inMax > outMax) return t.div(Math.floor((inMax + 1) / (outMax + 1)), { rounding_mode: "floor" }).to(want);
  // int64 images span 2**63: torchlab holds int64 in 32 bits, so widening an image to it would overflow.
  if (want === D.int64) throw new RuntimeError(`convert_image_dtype(): ${t.dtype} -> torch.int64 scales values by 2**${Math.log2(2 ** 63 / (inMax + 1))}, past the 32 bits torchlab holds int64 in`);
  return t.to(want).mul(Math.floor((outMax + 1) / (inMax + 1)));
}

// ---------------------------------------------------------------- normalisation

/** Keyword arguments of `normalize` (any of its parameters after the first, by name). */
export interface NormalizeKwargs {
  mean?: ChannelValues;
  std?: ChannelValues;
  inplace?: boolean;
}

/**
 * Normalize's mean or std: one value or one per channel, each a number or a 0-d tensor, or a tensor
 * (torchvision runs `torch.as_tensor(mean)`, so `Normalize(mean=[x.mean()], ...)` works).
 */
export type ChannelValues = number | Tensor | (number | Tensor)[];

function channelNumbers(v: ChannelValues): number[] {
  if (v instanceof Tensor) return Array.from(v.detach().contiguous().dataSync() as ArrayLike<number>, Number);
  return (Array.isArray(v) ? v : [v]).flatMap((x) => (x instanceof Tensor ? channelNumbers(x) : [x]));
}

/**
 * (x - mean) / std per channel, on a float tensor [..., C, H, W].
 * @example F.normalize(x, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
 */
export function normalize(tensor: Tensor, ...args: Kw<[mean: ChannelValues, std: ChannelValues, inplace?: boolean], NormalizeKwargs>): Tensor {
  const [mean, std, inplace] = kwargs<[ChannelValues, ChannelValues, boolean]>("normalize", args, [["mean", REQUIRED], ["std", REQUIRED], ["inplace", false]]);
  const t = tensorOnly(tensor, "normalize");
  if (!isFloat(t)) throw new TypeError(`Input tensor should be a float tensor. Got ${t.dtype}.`);
  if (t.dim() < 3) throw new ValueError(`Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = torch.Size([${t.shape.join(", ")}])`);
  const m = channelNumbers(mean);
  const s = channelNumbers(std);
  if (s.some((v) => Math.fround(v) === 0)) throw new ValueError("std evaluated to zero after conversion to torch.float32, leading to division by zero.");
  const c = t.shape[t.dim() - 3];
  for (const [name, v] of [["mean", m], ["std", s]] as const) {
    if (v.length !== 1 && v.length !== c) {
      // torchvision broadcasts mean.view(-1, 1, 1) against the image: PyTorch's text, then ours.
      throw new RuntimeError(`The size of tensor a (${c}) must match the size of tensor b (${v.length}) at non-singleton dimension ${t.dim() - 3}: normalize(): ${name} has ${v.length} values but the image has ${c} channels (shape [${t.shape.join(", ")}])`);
    }
  }
  if (!inplace && !t.requires_grad) {
    // One pass in JS instead of two backend ops: (x - mean[c]) / std[c], rounded as float32 ops.
    const v = t.dataSync() as Float32Array;
    const n = t.shape[t.dim() - 1] * t.shape[t.dim() - 2];
    const out = new Float32Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const ch = Math.floor(i / n) % c;
      out[i] = Math.fround(Math.fround(v[i] - Math.fround(m.length === 1 ? m[0] : m[ch])) / Math.fround(s.length === 1 ? s[0] : s[ch]));
    }
    return from_typed(out, t.shape);
  }
  const mt = from_typed(Float32Array.from(m), [m.length, 1, 1]);
  const st = from_typed(Float32Array.from(s), [s.length, 1, 1]);
  if (inplace) return t.sub_(mt).div_(st);
  return t.sub(mt).div(st);
}

// ---------------------------------------------------------------- geometry: size

/** torchvision's _compute_resized_output_size: an int sets the shorter edge, keeping the aspect ratio. */
export function computeResizedOutputSize(h: number, w: number, size: number[], max_size?: number | null): [number, number] {
  if (size.length === 1) {
    const [short, long] = w <= h ? [w, h] : [h, w];
    const requested = size[0];
    let newShort = requested;
    let newLong = Math.trunc((requested * long) / short);
    if (max_size !== undefined && max_size !== null) {
      if (max_size <= requested) {
        throw new ValueError(`max_size = ${max_size} must be strictly greater than the requested size for the smaller edge size = [${size.join(", ")}]`);
      }
      if (newLong > max_size) [newShort, newLong] = [Math.trunc((max_size * newShort) / newLong), max_size];
    }
    return w <= h ? [newLong, newShort] : [newShort, newLong];
  }
  return [size[0], size[1]];
}

/** Keyword arguments of `resize` (any of its parameters after the first, by name). */
export interface ResizeKwargs {
  size?: number | number[];
  interpolation?: InterpolationMode;
  max_size?: number | null;
  antialias?: boolean | null;
}

/**
 * Resizes to `size` ([h, w], or an int for the shorter edge) with bilinear (align_corners=False;
 * no antialiasing unless `antialias`, torchvision 0.14's tensor default), bicubic or nearest
 * interpolation. An `Image` is resized as torchvision resizes a PIL image: antialiased, and
 * nearest as PIL's (the pixel under each output pixel's centre); bilinear and bicubic with Pillow's
 * 8-bit fixed-point passes (horizontal first, each rounded to 8 bits), so the pixels are PIL's.
 */
export function resize<T extends ImageLike>(img: T, ...args: Kw<[size: number | number[], interpolation?: InterpolationMode, max_size?: number | null, antialias?: boolean | null], ResizeKwargs>): T {
  const [size, interpolation, max_size, antialias] = kwargs<[number | number[], InterpolationMode, number | null, boolean | null]>("resize", args, [["size", REQUIRED], ["interpolation", "bilinear"], ["max_size", undefined], ["antialias", undefined]]);
  const pil = img instanceof Image;
  const mode = checkInterpolation(interpolation, pil ? Object.values(InterpolationMode) : ["nearest", "bilinear", "bicubic"], "resize");
  const sz = typeof size === "number" ? [size] : size;
  if (!Array.isArray(sz) || sz.some((v) => typeof v !== "number" || !Number.isInteger(v))) throw new TypeError(`Size should be int or sequence of ints. Got ${Array.isArray(sz) ? `[${sz.join(", ")}]` : typeName(size)}`);
  if (sz.length !== 1 && sz.length !== 2) throw new ValueError(`Size must be an int or a 1 or 2 element tuple/list, not a ${sz.length} element tuple/list`);
  if (max_size !== undefined && max_size !== null && sz.length !== 1) {
    throw new ValueError("max_size should only be passed if size specifies the length of the smaller edge, i.e. size should be an int or a sequence of length 1 in torchscript mode.");
  }
  if (antialias && mode === "nearest") throw new ValueError("Antialias option is supported for bilinear and bicubic interpolation modes only");
  // A decoded Image resizes as PIL does (torchvision hands PIL images to PIL): always antialiased,
  // and NEAREST picks the pixel under each output pixel's centre (torch's 'nearest-exact').
  const aa = pil || Boolean(antialias);
  const [, h, w] = get_dimensions(img);
  const [oh, ow] = computeResizedOutputSize(h, w, sz, max_size);
  if (oh <= 0 || ow <= 0) throw new RuntimeError(`Input and output sizes should be greater than 0, but got input (H: ${h}, W: ${w}) output (H: ${oh}, W: ${ow})`);
  if (oh === h && ow === w) return img;
  const taps = (n: number, m: number): Taps | null => {
    if (n === m) return null;
    if (mode === "nearest") return nearestTaps(n, m, pil);
    if (aa) return antialiasTaps(n, m, mode as "bilinear" | "bicubic");
    return mode === "bicubic" ? bicubicTaps(n, m) : bilinearTaps(n, m);
  };
  // torchvision clamps bicubic results of uint8 images (cubic weights overshoot); floats are not clamped.
  const clampInt = (r: Raw): Raw => {
    if (mode === "bicubic" && r.int) for (let i = 0; i < r.data.length; i++) r.data[i] = Math.min(Math.max(r.data[i], 0), 255);
    return r;
  };
  // An Image resizes with Pillow's own fixed-point passes (pilResize) unless nearest.
  const pilResample = pil && mode !== "nearest";
  const tw = pilResample ? null : taps(w, ow);
  const th = pilResample ? null : taps(h, oh);
  // Width first, then height: ATen's bilinear kernel blends the two rows' horizontal lerps.
  return apply(
    img,
    "resize",
    (t) =>
      inFloat(t, (x) => {
        const across = tw ? applyTaps(x, -1, tw, 0) : x;
        const out = th ? applyTaps(across, -2, th, 1) : across;
        return mode === "bicubic" && !isFloat(t) ? out.clamp(0, 255) : out;
      }),
    (r) => {
      if (pilResample) return pilResize(r, oh, ow, mode);
      const planes = planesOf(r);
      const across = tw ? applyTapsJS(r.data, planes * h, w, 1, tw) : r.data;
      const data = th ? applyTapsJS(across, planes, h, ow, th) : across;
      return clampInt({ data, shape: [...r.shape.slice(0, -2), oh, ow], int: r.int });
    },
    true,
  );
}

function parsePadding(padding: unknown): [number, number, number, number] {
  if (typeof padding === "number") return [padding, padding, padding, padding];
  if (!Array.isArray(padding)) throw new TypeError("Got inappropriate padding arg");
  if (![1, 2, 4].includes(padding.length)) throw new ValueError(`Padding must be an int or a 1, 2, or 4 element tuple, not a ${padding.length} element tuple`);
  const p = padding as number[];
  if (p.length === 1) return [p[0], p[0], p[0], p[0]];
  if (p.length === 2) return [p[0], p[0], p[1], p[1]];
  return [p[0], p[2], p[1], p[3]];
}

/** Keyword arguments of `pad` (any of its parameters after the first, by name). */
export interface PadKwargs {
  padding?: number | number[];
  fill?: number | number[];
  padding_mode?: PaddingMode;
}

/**
 * Pads the last two dims. `padding`: an int (all sides), [left/right, top/bottom] or
 * [left, top, right, bottom]; negative values crop. Modes: constant (with `fill`, a number or one
 * value per channel), edge, reflect (mirror without repeating the edge), symmetric (repeating it).
 */
export function pad<T extends ImageLike>(img: T, ...args: Kw<[padding: number | number[], fill?: number | number[], padding_mode?: PaddingMode], PadKwargs>): T {
  const [padding, fill, padding_mode] = kwargs<[number | number[], number | number[], PaddingMode]>("pad", args, [["padding", REQUIRED], ["fill", 0], ["padding_mode", "constant"]]);
  const [l, r, tp, b] = parsePadding(padding);
  if (typeof fill !== "number" && !(Array.isArray(fill) && fill.every((v) => typeof v === "number"))) throw new TypeError("Got inappropriate fill arg");
  if (typeof padding_mode !== "string") throw new TypeError("Got inappropriate padding_mode arg");
  if (!["constant", "edge", "reflect", "symmetric"].includes(padding_mode)) throw new ValueError("Padding mode should be either constant, edge, reflect or symmetric");
  return apply(
    img,
    "pad",
    (t) => padTensor(t, [l, r, tp, b], fill, padding_mode),
    (raw) => {
      const H = raw.shape[raw.shape.length - 2];
      const W = raw.shape[raw.shape.length - 1];
      checkReflect(padding_mode, raw.shape, H - Math.max(-tp, 0) - Math.max(-b, 0), W - Math.max(-l, 0) - Math.max(-r, 0), [l, r, tp, b].map((v) => Math.max(v, 0)));
      const fills = fillValues(fill, raw.shape);
      return remapRaw(raw, padAxis(H, tp, b, padding_mode), padAxis(W, l, r, padding_mode), fills);
    },
  );
}

/** Source positions for padding (or, with negative amounts, cropping) one axis. */
function padAxis(n: number, before: number, after: number, mode: PaddingMode): Int32Array {
  const start = Math.max(-before, 0);
  const inner = n - start - Math.max(-after, 0);
  const b = Math.max(before, 0);
  const a = Math.max(after, 0);
  if (mode === "constant") return cropIndices(n, start - b, inner + b + a);
  const idx = padIndices(inner, b, a, mode);
  for (let i = 0; i < idx.length; i++) idx[i] += start;
  return idx;
}

function fillValues(fill: number | number[], shape: number[]): number[] {
  const fills = Array.isArray(fill) ? fill : [fill];
  const c = shape.length >= 3 ? shape[shape.length - 3] : 1;
  if (fills.length !== 1 && fills.length !== c) {
    throw new ValueError(`The number of elements in 'fill' cannot broadcast to match the number of channels of the image (${fills.length} != ${c})`);
  }
  return fills;
}

function checkReflect(mode: PaddingMode, shape: number[], H: number, W: number, [l, r, tp, b]: number[]): void {
  if (mode === "reflect" && (l >= W || r >= W || tp >= H || b >= H)) {
    // PyTorch's message, for the 4-D tensor torchvision pads ([C, H, W] gets a batch dim first).
    const nd = Math.max(shape.length, 4);
    const [d, p] = l >= W || r >= W ? [nd - 1, `(${l}, ${r})`] : [nd - 2, `(${tp}, ${b})`];
    throw new RuntimeError(`Argument #4: Padding size should be less than the corresponding input dimension, but got: padding ${p} at dimension ${d} of input ${nd}`);
  }
}

function padTensor(t: Tensor, [l, r, tp, b]: number[], fill: number | number[], mode: PaddingMode): Tensor {
  let x = t;
  // Negative padding crops first, as torch.nn.functional.pad and torchvision's _pad_symmetric do.
  const H0 = x.shape[x.dim() - 2];
  const W0 = x.shape[x.dim() - 1];
  if (l < 0 || r < 0) x = x.narrow(-1, Math.max(-l, 0), W0 - Math.max(-l, 0) - Math.max(-r, 0));
  if (tp < 0 || b < 0) x = x.narrow(-2, Math.max(-tp, 0), H0 - Math.max(-tp, 0) - Math.max(-b, 0));
  [l, r, tp, b] = [l, r, tp, b].map((v) => Math.max(v, 0));
  if (l + r + tp + b === 0) return x;
  const H = x.shape[x.dim() - 2];
  const W = x.shape[x.dim() - 1];
  if (mode === "constant") {
    const block = (shape: number[]): Tensor => constantBlock(x, shape, fill);
    const lead = x.shape.slice(0, -1);
    if (l || r) x = cat([block([...lead, l]), x, block([...lead, r])].filter((p) => p.shape[p.dim() - 1] > 0), -1);
    const lead2 = x.shape.slice(0, -2);
    const wNow = x.shape[x.dim() - 1];
    if (tp || b) x = cat([block([...lead2, tp, wNow]), x, block([...lead2, b, wNow])].filter((p) => p.shape[p.dim() - 2] > 0), -2);
    return x;
  }
  checkReflect(mode, x.shape, H, W, [l, r, tp, b]);
  const idx = (n: number, before: number, after: number): Tensor => from_typed(padIndices(n, before, after, mode), [n + before + after]);
  if (l || r) x = x.index_select(-1, idx(W, l, r));
  if (tp || b) x = x.index_select(-2, idx(H, tp, b));
  return x;
}

function constantBlock(like: Tensor, shape: number[], fill: number | number[]): Tensor {
  const n = shape.reduce((a, v) => a * v, 1);
  const fills = fillValues(fill, like.shape);
  const c = like.dim() >= 3 ? like.shape[like.dim() - 3] : 1;
  const plane = shape[shape.length - 1] * shape[shape.length - 2];
  const data = like.dtype._tf === "float32" ? new Float32Array(n) : new Int32Array(n);
  for (let i = 0; i < n; i++) data[i] = fills.length === 1 ? fills[0] : fills[Math.floor(i / plane) % c];
  return from_typed(data, shape, { dtype: like.dtype });
}

/** Keyword arguments of `crop` (any of its parameters after the first, by name). */
export interface CropKwargs {
  top?: number;
  left?: number;
  height?: number;
  width?: number;
}

/** Crops [top, top + height) x [left, left + width); regions outside the image are zero-padded. */
export function crop<T extends ImageLike>(img: T, ...args: Kw<[top: number, left: number, height: number, width: number], CropKwargs>): T {
  const [top, left, height, width] = kwargs<[number, number, number, number]>("crop", args, [["top", REQUIRED], ["left", REQUIRED], ["height", REQUIRED], ["width", REQUIRED]]);
  return apply(
    img,
    "crop",
    (t) => cropTensor(t, top, left, height, width),
    (r) => remapRaw(r, cropIndices(r.shape[r.shape.length - 2], top, height), cropIndices(r.shape[r.shape.length - 1], left, width), [0]),
  );
}

function cropTensor(t: Tensor, top: number, left: number, height: number, width: number): Tensor {
  const h = t.shape[t.dim() - 2];
  const w = t.shape[t.dim() - 1];
  const right = left + width;
  const bottom = top + height;
  const slice = (x: Tensor, dim: number, start: number, stop: number, size: number): Tensor => {
    const s = Math.min(Math.max(start, 0), size);
    const e = Math.min(Math.max(stop, s), size);
    return x.narrow(dim, s, e - s);
  };
  if (left < 0 || top < 0 || right > w || bottom > h) {
    const padding = [Math.max(-left + Math.min(0, right), 0), Math.max(right - Math.max(w, left), 0), Math.max(-top + Math.min(0, bottom), 0), Math.max(bottom - Math.max(h, top), 0)];
    return padTensor(slice(slice(t, -2, top, bottom, h), -1, left, right, w), padding, 0, "constant");
  }
  return t.narrow(-2, top, height).narrow(-1, left, width);
}

function pairSize(size: number | number[], op: string): [number, number] {
  if (typeof size === "number") return [Math.trunc(size), Math.trunc(size)];
  if (Array.isArray(size) && size.length === 1) return [size[0], size[0]];
  if (!Array.isArray(size) || size.length !== 2) throw new ValueError(`${op}(): Please provide only two dimensions (h, w) for size.`);
  return [size[0], size[1]];
}

/** Keyword arguments of `center_crop` (any of its parameters after the first, by name). */
export interface CenterCropKwargs {
  output_size?: number | number[];
}

/**
 * Crops the centre [h, w] (an int for a square); offsets round half to even like Python's round().
 * A crop larger than the image zero-pads it first.
 */
export function center_crop<T extends ImageLike>(img: T, ...args: Kw<[output_size: number | number[]], CenterCropKwargs>): T {
  const [output_size] = kwargs<[number | number[]]>("center_crop", args, [["output_size", REQUIRED]]);
  const [ch, cw] = pairSize(output_size, "center_crop");
  const [, h, w] = get_dimensions(img);
  const [top, left] = centerCropBox(h, w, ch, cw);
  return crop(img, top, left, ch, cw);
}

/**
 * The crop box of torchvision's center_crop, relative to the unpadded image: an image smaller than
 * the crop is zero-padded first ((d // 2) before, ((d + 1) // 2) after), then cropped at offsets
 * rounded half to even; crop() zero-fills outside the image, which is the same thing.
 */
function centerCropBox(h: number, w: number, ch: number, cw: number): [number, number] {
  const padTop = ch > h ? Math.floor((ch - h) / 2) : 0;
  const padLeft = cw > w ? Math.floor((cw - w) / 2) : 0;
  const ph = ch > h ? h + padTop + Math.floor((ch - h + 1) / 2) : h;
  const pw = cw > w ? w + padLeft + Math.floor((cw - w + 1) / 2) : w;
  if ((cw > w || ch > h) && ph === ch && pw === cw) return [-padTop, -padLeft];
  return [nearbyint((ph - ch) / 2) - padTop, nearbyint((pw - cw) / 2) - padLeft];
}

/** Keyword arguments of `resized_crop` (any of its parameters after the first, by name). */
export interface ResizedCropKwargs {
  top?: number;
  left?: number;
  height?: number;
  width?: number;
  size?: number | number[];
  interpolation?: InterpolationMode;
  antialias?: boolean | null;
}

/** crop then resize (RandomResizedCrop's deterministic half). */
export function resized_crop<T extends ImageLike>(img: T, ...args: Kw<[top: number, left: number, height: number, width: number, size: number | number[], interpolation?: InterpolationMode, antialias?: boolean | null], ResizedCropKwargs>): T {
  const [top, left, height, width, size, interpolation, antialias] = kwargs<[number, number, number, number, number | number[], InterpolationMode, boolean | null]>("resized_crop", args, [["top", REQUIRED], ["left", REQUIRED], ["height", REQUIRED], ["width", REQUIRED], ["size", REQUIRED], ["interpolation", "bilinear"], ["antialias", undefined]]);
  return resize(crop(img, top, left, height, width), size, interpolation, null, antialias);
}

/** Mirrors left-right (last dim). */
export function hflip<T extends ImageLike>(img: T): T {
  return apply(
    img,
    "hflip",
    (t) => t.flip(-1),
    (r) => {
      const W = r.shape[r.shape.length - 1];
      return remapRaw(r, Int32Array.from({ length: r.shape[r.shape.length - 2] }, (_, i) => i), Int32Array.from({ length: W }, (_, j) => W - 1 - j), [0]);
    },
  );
}

/** Mirrors top-bottom (second-to-last dim). */
export function vflip<T extends ImageLike>(img: T): T {
  return apply(
    img,
    "vflip",
    (t) => t.flip(-2),
    (r) => {
      const H = r.shape[r.shape.length - 2];
      return remapRaw(r, Int32Array.from({ length: H }, (_, i) => H - 1 - i), Int32Array.from({ length: r.shape[r.shape.length - 1] }, (_, j) => j), [0]);
    },
  );
}

/** Keyword arguments of `five_crop` (any of its parameters after the first, by name). */
export interface FiveCropKwargs {
  size?: number | number[];
}

/** The four corner crops and the centre crop: [top-left, top-right, bottom-left, bottom-right, center]. */
export function five_crop<T extends ImageLike>(img: T, ...args: Kw<[size: number | number[]], FiveCropKwargs>): [T, T, T, T, T] {
  const [size] = kwargs<[number | number[]]>("five_crop", args, [["size", REQUIRED]]);
  const [ch, cw] = pairSize(size, "five_crop");
  const [, h, w] = get_dimensions(img);
  const shown = Array.isArray(size) && size.length === 2 ? `[${ch}, ${cw}]` : `(${ch}, ${cw})`;
  if (cw > w || ch > h) throw new ValueError(`Requested crop size ${shown} is bigger than input size (${h}, ${w})`);
  return [crop(img, 0, 0, ch, cw), crop(img, 0, w - cw, ch, cw), crop(img, h - ch, 0, ch, cw), crop(img, h - ch, w - cw, ch, cw), center_crop(img, [ch, cw])];
}

/** Keyword arguments of `ten_crop` (any of its parameters after the first, by name). */
export interface TenCropKwargs {
  size?: number | number[];
  vertical_flip?: boolean;
}

/** five_crop of the image and of its flip (horizontal, or vertical when `vertical_flip`). */
export function ten_crop<T extends ImageLike>(img: T, ...args: Kw<[size: number | number[], vertical_flip?: boolean], TenCropKwargs>): T[] {
  const [size, vertical_flip] = kwargs<[number | number[], boolean]>("ten_crop", args, [["size", REQUIRED], ["vertical_flip", false]]);
  const first = five_crop(img, size);
  const second = five_crop(vertical_flip ? vflip(img) : hflip(img), size);
  return [...first, ...second];
}

// ---------------------------------------------------------------- geometry: affine

/**
 * torchvision's _get_inverse_affine_matrix: the 2x3 matrix mapping output to input pixel
 * coordinates for M = T * C * R * S * Sh * C^-1 (angles in degrees).
 */
export function _get_inverse_affine_matrix(center: number[], angle: number, translate: number[], scale: number, shear: number[], inverted = true): number[] {
  const rot = (angle * Math.PI) / 180;
  const sx = (shear[0] * Math.PI) / 180;
  const sy = (shear[1] * Math.PI) / 180;
  const [cx, cy] = center;
  const [tx, ty] = translate;
  const a = Math.cos(rot - sy) / Math.cos(sy);
  const b = (-Math.cos(rot - sy) * Math.tan(sx)) / Math.cos(sy) - Math.sin(rot);
  const c = Math.sin(rot - sy) / Math.cos(sy);
  const d = (-Math.sin(rot - sy) * Math.tan(sx)) / Math.cos(sy) + Math.cos(rot);
  let m: number[];
  if (inverted) {
    m = [d, -b, 0, -c, a, 0].map((v) => v / scale);
    m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty);
    m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty);
    m[2] += cx;
    m[5] += cy;
  } else {
    m = [a, b, 0, c, d, 0].map((v) => v * scale);
    m[2] += m[0] * -cx + m[1] * -cy;
    m[5] += m[3] * -cx + m[4] * -cy;
    m[2] += cx + tx;
    m[5] += cy + ty;
  }
  return m;
}

function checkFill(fill: number | number[] | null | undefined, c: number): number[] | null {
  if (fill === null || fill === undefined) return null;
  const list = Array.isArray(fill) ? fill : [fill];
  if (list.some((v) => typeof v !== "number")) throw new TypeError(`Argument fill should be either int, float, tuple or list, got ${String(fill)}`);
  if (list.length > 1 && list.length !== c) {
    throw new ValueError(`The number of elements in 'fill' cannot broadcast to match the number of channels of the image (${list.length} != ${c})`);
  }
  return list;
}

interface Grid {
  taps: Taps;
  mask: Float32Array;
  ow: number;
  oh: number;
  fill: number[] | null;
}

/**
 * torchvision's _apply_grid_transform: samples the image where `build` says (the grid depends only
 * on the image's [C, H, W]). With a fill, torchvision samples an all-ones channel alongside the
 * image and blends the fill colour in by it: out * mask + (1 - mask) * fill.
 */
function gridOp<T extends ImageLike>(img: T, op: string, build: (c: number, h: number, w: number) => Grid): T {
  const [c, h, w] = get_dimensions(img);
  const g = build(c, h, w);
  const { taps, mask, ow, oh, fill } = g;
  return apply(
    img,
    op,
    (t) =>
      inFloat(t, (x) => {
        const lead = x.shape.slice(0, -2);
        let out = applyTaps(x.reshape([...lead, h * w]), -1, taps, 0);
        if (fill !== null) {
          const m = from_typed(mask, [ow * oh]);
          const fv = fill.length === 1 ? makeTensor(fill[0], { dtype: "float32" }) : from_typed(Float32Array.from(fill), [fill.length, 1]);
          out = out.mul(m).add(m.rsub(1).mul(fv));
        }
        return out.reshape([...lead, oh, ow]);
      }),
    (r) => {
      const planes = planesOf(r);
      const out = applyTapsJS(r.data, planes, h * w, 1, taps);
      if (fill !== null) {
        const m = ow * oh;
        const f32 = Math.fround;
        for (let p = 0; p < planes; p++) {
          const fc = f32(fill.length === 1 ? fill[0] : fill[p % c]);
          for (let o = 0; o < m; o++) out[p * m + o] = f32(f32(out[p * m + o] * mask[o]) + f32(f32(1 - mask[o]) * fc));
        }
      }
      return { data: out, shape: [...r.shape.slice(0, -2), oh, ow], int: r.int };
    },
    true,
  );
}

/** torchvision's _parse_fill for PIL images: one integer per band (fractions truncated). */
function pilFill(fill: number | number[] | null, bands: number): number[] {
  const list = fill === null || fill === undefined ? [0] : Array.isArray(fill) ? fill : [fill];
  if (list.length !== 1 && list.length !== bands) throw new ValueError(`The number of elements in 'fill' does not match the number of bands of the image (${list.length} != ${bands})`);
  return list.map((v) => Math.trunc(v));
}

/** torchvision's _compute_affine_output_size (rotate with expand=True). */
function affineOutputSize(matrix: number[], w: number, h: number): [number, number] {
  const pts = [[-0.5 * w, -0.5 * h], [-0.5 * w, 0.5 * h], [0.5 * w, 0.5 * h], [0.5 * w, -0.5 * h]];
  const f = Math.fround;
  const xs = pts.map(([x, y]) => f(f(x * f(matrix[0])) + f(y * f(matrix[1]))) + f(matrix[2]));
  const ys = pts.map(([x, y]) => f(f(x * f(matrix[3])) + f(y * f(matrix[4]))) + f(matrix[5]));
  const tol = 1e-4;
  const lo = (v: number, s: number): number => Math.floor(Math.trunc(f(f(v + s * 0.5) / tol)) * tol);
  const hi = (v: number, s: number): number => Math.ceil(Math.trunc(f(f(v + s * 0.5) / tol)) * tol);
  const ow = hi(Math.max(...xs), w) - lo(Math.min(...xs), w);
  const oh = hi(Math.max(...ys), h) - lo(Math.min(...ys), h);
  return [ow, oh];
}

/** Keyword arguments of `rotate` (any of its parameters after the first, by name). */
export interface RotateKwargs {
  angle?: number;
  interpolation?: InterpolationMode;
  expand?: boolean;
  center?: number[] | null;
  fill?: number | number[] | null;
}

/**
 * Rotates by `angle` degrees counter-clockwise about `center` (pixel coordinates, default the image
 * centre). Pixels that come from outside the image take `fill` (per channel or one value); with
 * `fill` null they are 0 and bilinear edges are not blended (torchvision's functional default;
 * RandomRotation passes fill=0, which does blend). `expand` enlarges the output to hold the whole
 * rotated image.
 *
 * @example F.rotate(img, 90)   // a quarter turn counter-clockwise
 */
export function rotate<T extends ImageLike>(img: T, ...args: Kw<[angle: number, interpolation?: InterpolationMode, expand?: boolean, center?: number[] | null, fill?: number | number[] | null], RotateKwargs>): T {
  const [angle, interpolation, expand, center, fill] = kwargs<[number, InterpolationMode, boolean, number[] | null, number | number[] | null]>("rotate", args, [["angle", REQUIRED], ["interpolation", "nearest"], ["expand", false], ["center", null], ["fill", null]]);
  if (typeof angle !== "number") throw new TypeError("Argument angle should be int or float");
  if (center !== null && center !== undefined && !Array.isArray(center)) throw new TypeError("Argument center should be a sequence");
  if (img instanceof Image) {
    const m = checkInterpolation(interpolation, ["nearest", "bilinear", "bicubic"], "rotate");
    return rawToImage(pilRotate(imageToRaw(img), angle, m, expand, center ?? null, pilFill(fill, img.channels))) as T;
  }
  const mode = checkInterpolation(interpolation, ["nearest", "bilinear"], "rotate") as "nearest" | "bilinear";
  return gridOp(img, "rotate", (c, h, w) => {
    const fl = checkFill(fill, c);
    const centerF = center ? [center[0] - w * 0.5, center[1] - h * 0.5] : [0, 0];
    // torchvision negates the angle here: rotate() is counter-clockwise, the affine matrix clockwise.
    const matrix = _get_inverse_affine_matrix(centerF, -angle, [0, 0], 1, [0, 0]);
    const [ow, oh] = expand ? affineOutputSize(matrix, w, h) : [w, h];
    return { ...affineTaps(matrix, w, h, ow, oh, mode), ow, oh, fill: fl };
  });
}

/** Keyword arguments of `affine` (any of its parameters after the first, by name). */
export interface AffineKwargs {
  angle?: number;
  translate?: number[];
  scale?: number;
  shear?: number | number[];
  interpolation?: InterpolationMode;
  fill?: number | number[] | null;
  center?: number[] | null;
}

/**
 * Affine transform keeping the image centre invariant: rotation `angle` (degrees, clockwise here
 * as in torchvision's affine), `translate` [tx, ty] pixels, `scale`, `shear` (degrees: a number for
 * x, or [sx, sy]).
 */
export function affine<T extends ImageLike>(img: T, options: AffineKwargs & Required<Pick<AffineKwargs, "angle" | "translate" | "scale" | "shear">>): T;
export function affine<T extends ImageLike>(img: T, ...args: Kw<[angle: number, translate: number[], scale: number, shear: number | number[], interpolation?: InterpolationMode, fill?: number | number[] | null, center?: number[] | null], AffineKwargs>): T;
export function affine<T extends ImageLike>(img: T, ...args: unknown[]): T {
  const [angle, translate, scale, shear, interpolation, fill, center] = kwargs<[number, number[], number, number | number[], InterpolationMode, number | number[] | null, number[] | null]>("affine", args, [["angle", REQUIRED], ["translate", REQUIRED], ["scale", REQUIRED], ["shear", REQUIRED], ["interpolation", "nearest"], ["fill", null], ["center", null]]);
  if (typeof angle !== "number") throw new TypeError("Argument angle should be int or float");
  if (!Array.isArray(translate)) throw new TypeError("Argument translate should be a sequence");
  if (translate.length !== 2) throw new ValueError("Argument translate should be a sequence of length 2");
  if (!(scale > 0)) throw new ValueError("Argument scale should be positive");
  if (typeof shear !== "number" && !Array.isArray(shear)) throw new TypeError("Shear should be either a single value or a sequence of two values");
  let sh = typeof shear === "number" ? [shear, 0] : shear.slice();
  if (sh.length === 1) sh = [sh[0], sh[0]];
  if (sh.length !== 2) throw new ValueError(`Shear should be a sequence containing two values. Got [${sh.join(", ")}]`);
  if (center !== null && center !== undefined && !Array.isArray(center)) throw new TypeError("Argument center should be a sequence");
  if (img instanceof Image) {
    // torchvision's PIL path: the matrix in pixel coordinates about the centre (w/2, h/2), then Pillow.
    const m = checkInterpolation(interpolation, ["nearest", "bilinear", "bicubic"], "affine");
    const matrix = _get_inverse_affine_matrix(center ?? [img.width * 0.5, img.height * 0.5], angle, translate, scale, sh);
    return rawToImage(pilAffine(imageToRaw(img), matrix, img.width, img.height, m, pilFill(fill, img.channels))) as T;
  }
  const mode = checkInterpolation(interpolation, ["nearest", "bilinear"], "affine") as "nearest" | "bilinear";
  return gridOp(img, "affine", (c, h, w) => {
    const fl = checkFill(fill, c);
    const centerF = center ? [center[0] - w * 0.5, center[1] - h * 0.5] : [0, 0];
    const matrix = _get_inverse_affine_matrix(centerF, angle, translate, scale, sh);
    return { ...affineTaps(matrix, w, h, w, h, mode), ow: w, oh: h, fill: fl };
  });
}

// ---------------------------------------------------------------- colour

function blend(img1: Tensor, img2: Tensor, ratio: number): Tensor {
  const out = img1.float().mul(ratio).add(img2.float().mul(1 - ratio)).clamp(0, maxValue(img1));
  return out.to(img1.dtype);
}

/** Keyword arguments of `rgb_to_grayscale` (any of its parameters after the first, by name). */
export interface RgbToGrayscaleKwargs {
  num_output_channels?: 1 | 3;
}

/**
 * Luma 0.2989 R + 0.587 G + 0.114 B (torchvision's tensor weights; an Image uses PIL's 'L' convert).
 * `num_output_channels` 3 repeats the gray channel.
 */
export function rgb_to_grayscale<T extends ImageLike>(img: T, ...args: Kw<[num_output_channels?: 1 | 3], RgbToGrayscaleKwargs>): T {
  const [num_output_channels] = kwargs<[1 | 3]>("rgb_to_grayscale", args, [["num_output_channels", 1]]);
  if (num_output_channels !== 1 && num_output_channels !== 3) throw new ValueError("num_output_channels should be either 1 or 3");
  if (img instanceof Image) {
    const gray = img.convert("L");
    return (num_output_channels === 3 ? gray.convert("RGB") : gray) as T;
  }
  const t = tensorOnly(img, "rgb_to_grayscale");
  if (t.dim() < 3) throw new TypeError(`Input image tensor should have at least 3 dimensions, but found ${t.dim()}`);
  assertChannels(t, [1, 3]);
  let l: Tensor;
  if (t.shape[t.dim() - 3] === 3) {
    const [r, g, b] = t.float().unbind(-3);
    l = r.mul(0.2989).add(g.mul(0.587)).add(b.mul(0.114)).to(t.dtype).unsqueeze(-3);
  } else l = t.clone();
  // torchvision expands to the input's shape, so a 1-channel tensor stays 1 channel even when 3 are asked for.
  return (num_output_channels === 3 ? l.expand(t.shape) : l) as T;
}

/** Keyword arguments of `to_grayscale` (any of its parameters after the first, by name). */
export interface ToGrayscaleKwargs {
  num_output_channels?: 1 | 3;
}

/** PIL-only in torchvision; here any image, same as rgb_to_grayscale. */
export function to_grayscale<T extends ImageLike>(img: T, ...args: Kw<[num_output_channels?: 1 | 3], ToGrayscaleKwargs>): T {
  const [num_output_channels] = kwargs<[1 | 3]>("to_grayscale", args, [["num_output_channels", 1]]);
  return rgb_to_grayscale(img, num_output_channels);
}

function colourOp<T extends ImageLike>(img: T, op: string, fn: (t: Tensor) => Tensor, minDims = 2, raw?: RawFn, pil?: RawFn): T {
  const check = (shape: number[]): void => {
    if (shape.length < minDims) throw new TypeError(`Input image tensor should have at least ${minDims} dimensions, but found ${shape.length}`);
    const c = shape.length === 2 ? 1 : shape[shape.length - 3];
    if (c !== 1 && c !== 3) throw new TypeError(`Input image tensor permitted channel values are [1, 3], but found ${c}`);
  };
  const kernel = img instanceof Image && pil ? pil : raw;
  return apply(
    img,
    op,
    (t) => {
      check(t.shape);
      return fn(t);
    },
    kernel
      ? (r) => {
          check(r.shape);
          return kernel(r);
        }
      : undefined,
    true,
  );
}

/** Keyword arguments of `adjust_brightness` (any of its parameters after the first, by name). */
export interface AdjustBrightnessKwargs {
  brightness_factor?: number;
}

/** Multiplies intensities by `brightness_factor` (0 gives black, 1 the original), clamped. */
export function adjust_brightness<T extends ImageLike>(img: T, ...args: Kw<[brightness_factor: number], AdjustBrightnessKwargs>): T {
  const [brightness_factor] = kwargs<[number]>("adjust_brightness", args, [["brightness_factor", REQUIRED]]);
  if (brightness_factor < 0) throw new ValueError(`brightness_factor (${brightness_factor}) is not non-negative.`);
  return colourOp(img, "adjust_brightness", (t) => blend(t, t.mul(0), brightness_factor), 2, (r) => brightnessRaw(r, brightness_factor), (r) => pilBrightness(r, brightness_factor));
}

/** Keyword arguments of `adjust_contrast` (any of its parameters after the first, by name). */
export interface AdjustContrastKwargs {
  contrast_factor?: number;
}

/** Blends with the mean gray level: 0 gives a solid gray image, 1 the original. */
export function adjust_contrast<T extends ImageLike>(img: T, ...args: Kw<[contrast_factor: number], AdjustContrastKwargs>): T {
  const [contrast_factor] = kwargs<[number]>("adjust_contrast", args, [["contrast_factor", REQUIRED]]);
  if (contrast_factor < 0) throw new ValueError(`contrast_factor (${contrast_factor}) is not non-negative.`);
  return colourOp(img, "adjust_contrast", (t) => {
    const c = t.shape[t.dim() - 3];
    const gray = (c === 3 ? rgb_to_grayscale(t) : t).float();
    return blend(t, gray.mean([-3, -2, -1], true), contrast_factor);
  }, 2, (r) => contrastRaw(r, contrast_factor), (r) => pilContrast(r, contrast_factor));
}

/** Keyword arguments of `adjust_saturation` (any of its parameters after the first, by name). */
export interface AdjustSaturationKwargs {
  saturation_factor?: number;
}

/** Blends with the grayscale image: 0 gives gray, 1 the original, 2 doubles saturation. */
export function adjust_saturation<T extends ImageLike>(img: T, ...args: Kw<[saturation_factor: number], AdjustSaturationKwargs>): T {
  const [saturation_factor] = kwargs<[number]>("adjust_saturation", args, [["saturation_factor", REQUIRED]]);
  if (saturation_factor < 0) throw new ValueError(`saturation_factor (${saturation_factor}) is not non-negative.`);
  return colourOp(img, "adjust_saturation", (t) => (t.shape[t.dim() - 3] === 1 ? t : blend(t, rgb_to_grayscale(t), saturation_factor)), 2, (r) => saturationRaw(r, saturation_factor), (r) => pilSaturation(r, saturation_factor));
}

/** Keyword arguments of `adjust_hue` (any of its parameters after the first, by name). */
export interface AdjustHueKwargs {
  hue_factor?: number;
}

/** Shifts hue by `hue_factor` turns of the colour wheel, in [-0.5, 0.5], through HSV. */
export function adjust_hue<T extends ImageLike>(img: T, ...args: Kw<[hue_factor: number], AdjustHueKwargs>): T {
  const [hue_factor] = kwargs<[number]>("adjust_hue", args, [["hue_factor", REQUIRED]]);
  if (!(hue_factor >= -0.5 && hue_factor <= 0.5)) throw new ValueError(`hue_factor (${hue_factor}) is not in [-0.5, 0.5].`);
  return colourOp(img, "adjust_hue", (t) => {
    if (t.shape[t.dim() - 3] === 1) return t;
    const x = isFloat(t) ? t : t.float().div(255);
    const [h, s, v] = rgb2hsv(x);
    const rgb = hsv2rgb(h.add(hue_factor).remainder(1), s, v);
    return isFloat(t) ? rgb : rgb.mul(255).to(t.dtype);
  }, 2, (r) => hueRaw(r, hue_factor), (r) => pilHue(r, hue_factor));
}

function rgb2hsv(img: Tensor): [Tensor, Tensor, Tensor] {
  const [r, g, b] = img.unbind(-3);
  const maxc = img.amax(-3);
  const minc = img.amin(-3);
  const eqc = maxc.eq(minc);
  const cr = maxc.sub(minc);
  const s = cr.div(where(eqc, 1, maxc));
  const crDiv = where(eqc, 1, cr);
  const rc = maxc.sub(r).div(crDiv);
  const gc = maxc.sub(g).div(crDiv);
  const bc = maxc.sub(b).div(crDiv);
  const isR = maxc.eq(r);
  const isG = maxc.eq(g).logical_and(maxc.ne(r));
  const isB = maxc.ne(g).logical_and(maxc.ne(r));
  const h = isR.float().mul(bc.sub(gc)).add(isG.float().mul(rc.add(2).sub(bc))).add(isB.float().mul(gc.add(4).sub(rc)));
  return [h.div(6).add(1).remainder(1), s, maxc];
}

function hsv2rgb(h: Tensor, s: Tensor, v: Tensor): Tensor {
  const h6 = h.mul(6);
  const i0 = h6.floor();
  const f = h6.sub(i0);
  const i = i0.to("int64").remainder(6);
  const p = v.mul(s.rsub(1)).clamp(0, 1);
  const q = v.mul(s.mul(f).rsub(1)).clamp(0, 1);
  const t = v.mul(s.mul(f.rsub(1)).rsub(1)).clamp(0, 1);
  const pick = (choices: Tensor[]): Tensor => choices.map((c, k) => i.eq(k).float().mul(c)).reduce((a, b) => a.add(b));
  return stack([pick([v, q, p, p, t, v]), pick([t, v, v, q, p, p]), pick([p, p, t, v, v, q])], -3);
}

/** Keyword arguments of `adjust_gamma` (any of its parameters after the first, by name). */
export interface AdjustGammaKwargs {
  gamma?: number;
  gain?: number;
}

/** gain * x^gamma in [0, 1] (integer images convert to float and back). */
export function adjust_gamma<T extends ImageLike>(img: T, ...args: Kw<[gamma: number, gain?: number], AdjustGammaKwargs>): T {
  const [gamma, gain] = kwargs<[number, number]>("adjust_gamma", args, [["gamma", REQUIRED], ["gain", 1]]);
  if (gamma < 0) throw new ValueError("Gamma should be a non-negative real number");
  return colourOp(img, "adjust_gamma", (t) => {
    const x = isFloat(t) ? t : convert_image_dtype(t, "float32");
    const y = x.pow(gamma).mul(gain).clamp(0, 1);
    return isFloat(t) ? y : convert_image_dtype(y, t.dtype);
  });
}

/** max - x per pixel (1 - x for float images, 255 - x for integer images). */
export function invert<T extends ImageLike>(img: T): T {
  return colourOp(img, "invert", (t) => t.rsub(maxValue(t)), 3);
}

/** Keyword arguments of `adjust_sharpness` (any of its parameters after the first, by name). */
export interface AdjustSharpnessKwargs {
  sharpness_factor?: number;
}

/**
 * Sharpens (factor > 1) or blurs (factor < 1) by blending with a 3x3 smoothed image
 * (weights 1/13, centre 5/13; the border keeps the original pixels). 0 gives the smoothed image.
 */
export function adjust_sharpness<T extends ImageLike>(img: T, ...args: Kw<[sharpness_factor: number], AdjustSharpnessKwargs>): T {
  const [sharpness_factor] = kwargs<[number]>("adjust_sharpness", args, [["sharpness_factor", REQUIRED]]);
  if (sharpness_factor < 0) throw new ValueError(`sharpness_factor (${sharpness_factor}) is not non-negative.`);
  return colourOp(img, "adjust_sharpness", (t) => {
    const H = t.shape[t.dim() - 2];
    const W = t.shape[t.dim() - 1];
    if (H <= 2 || W <= 2) return t;
    const smooth = inFloat(t, (x) => {
      let acc: Tensor | null = null;
      for (let dy = 0; dy < 3; dy++) {
        for (let dx = 0; dx < 3; dx++) {
          const term = x.narrow(-2, dy, H - 2).narrow(-1, dx, W - 2).mul(Math.fround((dy === 1 && dx === 1 ? 5 : 1) / 13));
          acc = acc === null ? term : acc.add(term);
        }
      }
      return acc as Tensor;
    });
    // The smoothed interior inside the original border (torchvision's result[..., 1:-1, 1:-1] = ...).
    const mask = from_typed(Uint8Array.from({ length: H * W }, (_, i) => (Math.floor(i / W) % (H - 1) !== 0 && (i % W) % (W - 1) !== 0 ? 1 : 0)), [H, W]).bool();
    const degenerate = where(mask, padTensor(smooth, [1, 1, 1, 1], 0, "constant"), t);
    return blend(t, degenerate, sharpness_factor);
  });
}

function uint8Only(t: Tensor): void {
  if (t.dtype !== D.uint8) throw new TypeError(`Only torch.uint8 image tensors are supported, but found ${t.dtype}`);
}

/** Keyword arguments of `posterize` (any of its parameters after the first, by name). */
export interface PosterizeKwargs {
  bits?: number;
}

/** Keeps the top `bits` bits of each channel (uint8-like integer images only). */
export function posterize<T extends ImageLike>(img: T, ...args: Kw<[bits: number], PosterizeKwargs>): T {
  const [bits] = kwargs<[number]>("posterize", args, [["bits", REQUIRED]]);
  if (!(bits >= 0 && bits <= 8)) throw new ValueError(`The number if bits should be between 0 and 8. Got ${bits}`);
  return colourOp(img, "posterize", (t) => {
    uint8Only(t);
    const step = 2 ** (8 - bits);
    return t.sub(t.remainder(step));
  });
}

/** Keyword arguments of `solarize` (any of its parameters after the first, by name). */
export interface SolarizeKwargs {
  threshold?: number;
}

/** Inverts the pixels at or above `threshold`. */
export function solarize<T extends ImageLike>(img: T, ...args: Kw<[threshold: number], SolarizeKwargs>): T {
  const [threshold] = kwargs<[number]>("solarize", args, [["threshold", REQUIRED]]);
  return colourOp(img, "solarize", (t) => {
    if (threshold > maxValue(t)) throw new TypeError("Threshold should be less than bound of img.");
    return where(t.ge(threshold), t.rsub(maxValue(t)), t);
  }, 3);
}

/** Stretches each channel of each image to the full range [0, max]. */
export function autocontrast<T extends ImageLike>(img: T): T {
  return colourOp(img, "autocontrast", (t) => {
    const bound = maxValue(t);
    const x = t.float();
    const lo = x.amin([-2, -1], true);
    const hi = x.amax([-2, -1], true);
    const flat = hi.eq(lo);
    const minimum = where(flat, 0, lo);
    // Python's `bound / tensor` is reciprocal(tensor) * bound in PyTorch; the rounding shows in uint8 results.
    const scale = where(flat, 1, hi.sub(lo).reciprocal().mul(bound));
    return x.sub(minimum).mul(scale).clamp(0, bound).to(t.dtype);
  }, 3);
}

/** Histogram equalisation per channel (uint8-like integer images only), as PIL's ImageOps.equalize. */
export function equalize<T extends ImageLike>(img: T): T {
  return colourOp(img, "equalize", (t) => {
    if (t.dim() < 3 || t.dim() > 4) throw new TypeError(`Input image tensor should have 3 or 4 dimensions, but found ${t.dim()}`);
    uint8Only(t);
    const H = t.shape[t.dim() - 2];
    const W = t.shape[t.dim() - 1];
    const plane = H * W;
    const src = t.dataSync();
    const out = new Uint8Array(src.length);
    for (let base = 0; base < src.length; base += plane) {
      const hist = new Float64Array(256);
      for (let i = 0; i < plane; i++) hist[Math.min(255, Math.max(0, src[base + i]))]++;
      const nonzero = Array.from(hist).filter((v) => v !== 0);
      const step = Math.floor(nonzero.slice(0, -1).reduce((a, b) => a + b, 0) / 255);
      if (step === 0) {
        for (let i = 0; i < plane; i++) out[base + i] = src[base + i];
        continue;
      }
      const lut = new Int32Array(256);
      let cum = 0;
      for (let v = 0; v < 256; v++) {
        // lut[v] uses the cumulative count of the values below v (torchvision pads the cumsum by one).
        lut[v] = Math.min(255, Math.max(0, Math.floor((cum + Math.floor(step / 2)) / step)));
        cum += hist[v];
      }
      for (let i = 0; i < plane; i++) out[base + i] = lut[src[base + i]];
    }
    return from_typed(out, t.shape, { dtype: D.uint8 });
  }, 3);
}

/** Keyword arguments of `perspective` (any of its parameters after the first, by name). */
export interface PerspectiveKwargs {
  startpoints?: number[][];
  endpoints?: number[][];
  interpolation?: InterpolationMode;
  fill?: number | number[] | null;
}

/**
 * Perspective warp taking the four `startpoints` ([x, y] corners: top-left, top-right,
 * bottom-right, bottom-left) to `endpoints`, bilinear by default; `fill` as in rotate.
 */
export function perspective<T extends ImageLike>(img: T, ...args: Kw<[startpoints: number[][], endpoints: number[][], interpolation?: InterpolationMode, fill?: number | number[] | null], PerspectiveKwargs>): T {
  const [startpoints, endpoints, interpolation, fill] = kwargs<[number[][], number[][], InterpolationMode, number | number[] | null]>("perspective", args, [["startpoints", REQUIRED], ["endpoints", REQUIRED], ["interpolation", "bilinear"], ["fill", null]]);
  if (!Array.isArray(startpoints) || !Array.isArray(endpoints) || startpoints.length !== 4 || endpoints.length !== 4) {
    throw new ValueError("perspective(): startpoints and endpoints must each be 4 [x, y] points");
  }
  const coeffs = perspectiveCoeffs(startpoints, endpoints);
  if (img instanceof Image) {
    const m = checkInterpolation(interpolation, ["nearest", "bilinear", "bicubic"], "perspective");
    return rawToImage(pilPerspective(imageToRaw(img), coeffs, m, pilFill(fill, img.channels))) as T;
  }
  const mode = checkInterpolation(interpolation, ["nearest", "bilinear"], "perspective") as "nearest" | "bilinear";
  return gridOp(img, "perspective", (c, h, w) => ({ ...perspectiveTaps(coeffs, w, h, mode), ow: w, oh: h, fill: checkFill(fill, c) }));
}

/** Keyword arguments of `gaussian_blur` (any of its parameters after the first, by name). */
export interface GaussianBlurKwargs {
  kernel_size?: number | number[];
  sigma?: number | number[] | null;
}

/**
 * Gaussian blur with a [kx, ky] kernel (odd sizes) and sigma [sx, sy] (default
 * 0.3 * ((k - 1) * 0.5 - 1) + 0.8 per axis), reflect-padded so the size is kept.
 */
export function gaussian_blur<T extends ImageLike>(img: T, ...args: Kw<[kernel_size: number | number[], sigma?: number | number[] | null], GaussianBlurKwargs>): T {
  const [kernel_size, sigma] = kwargs<[number | number[], number | number[] | null]>("gaussian_blur", args, [["kernel_size", REQUIRED], ["sigma", undefined]]);
  if (typeof kernel_size !== "number" && !Array.isArray(kernel_size)) throw new TypeError(`kernel_size should be int or a sequence of integers. Got ${typeName(kernel_size)}`);
  const ks = typeof kernel_size === "number" ? [kernel_size, kernel_size] : kernel_size.slice();
  if (ks.length !== 2) throw new ValueError(`If kernel_size is a sequence its length should be 2. Got ${ks.length}`);
  for (const k of ks) if (k % 2 === 0 || k < 0) throw new ValueError(`kernel_size should have odd and positive integers. Got [${ks.join(", ")}]`);
  let sg: number[];
  if (sigma === undefined || sigma === null) sg = ks.map((k) => k * 0.15 + 0.35);
  else if (typeof sigma === "number") sg = [sigma, sigma];
  else if (Array.isArray(sigma)) sg = sigma.length === 1 ? [sigma[0], sigma[0]] : sigma.slice();
  else throw new TypeError(`sigma should be either float or sequence of floats. Got ${typeName(sigma)}`);
  if (sg.length !== 2) throw new ValueError(`If sigma is a sequence, its length should be 2. Got ${sg.length}`);
  for (const s of sg) if (s <= 0) throw new ValueError(`sigma should have positive values. Got [${sg.map((v) => (Number.isInteger(v) ? `${v}.0` : String(v))).join(", ")}]`);
  const kx = gaussianKernel1d(ks[0], sg[0]);
  const ky = gaussianKernel1d(ks[1], sg[1]);
  const [px, py] = [ks[0] >> 1, ks[1] >> 1];
  const conv = (y: Tensor, dim: number, k: Float32Array, n: number): Tensor => Array.from(k, (wt, i) => y.narrow(dim, i, n).mul(wt)).reduce((a, b) => a.add(b));
  return apply(
    img,
    "gaussian_blur",
    (t) =>
      inFloat(t, (x) => {
        const H = x.shape[x.dim() - 2];
        const W = x.shape[x.dim() - 1];
        return conv(conv(padTensor(x, [px, px, py, py], 0, "reflect"), -1, kx, W), -2, ky, H);
      }),
    (r) => {
      const H = r.shape[r.shape.length - 2];
      const W = r.shape[r.shape.length - 1];
      checkReflect("reflect", r.shape, H, W, [px, px, py, py]);
      // Reflect-pad, then the horizontal pass over every padded row, then the vertical pass.
      const planes = planesOf(r);
      const cols = padIndices(W, px, px, "reflect");
      const rows = padIndices(H, py, py, "reflect");
      const Wp = W + 2 * px;
      const Hp = H + 2 * py;
      const f32 = Math.fround;
      const out = new Float32Array(planes * H * W);
      const padded = new Float32Array(Hp * Wp);
      const across = new Float32Array(Hp * W);
      for (let p = 0; p < planes; p++) {
        const base = p * H * W;
        for (let i = 0; i < Hp; i++) for (let j = 0; j < Wp; j++) padded[i * Wp + j] = r.data[base + rows[i] * W + cols[j]];
        for (let i = 0; i < Hp; i++) {
          for (let j = 0; j < W; j++) {
            let acc = f32(padded[i * Wp + j] * kx[0]);
            for (let k = 1; k < kx.length; k++) acc = f32(acc + f32(padded[i * Wp + j + k] * kx[k]));
            across[i * W + j] = acc;
          }
        }
        for (let i = 0; i < H; i++) {
          for (let j = 0; j < W; j++) {
            let acc = f32(across[i * W + j] * ky[0]);
            for (let k = 1; k < ky.length; k++) acc = f32(acc + f32(across[(i + k) * W + j] * ky[k]));
            out[base + i * W + j] = acc;
          }
        }
      }
      return { data: out, shape: r.shape, int: r.int };
    },
    true,
  );
}

/** Keyword arguments of `elastic_transform` (any of its parameters after the first, by name). */
export interface ElasticTransformKwargs {
  displacement?: Tensor;
  interpolation?: InterpolationMode;
  fill?: number | number[] | null;
}

/**
 * Moves every pixel by `displacement` ([1, H, W, 2], in the normalised [-1, 1] coordinates of
 * grid_sample, x then y) and resamples (bilinear by default); pixels from outside take `fill`.
 */
export function elastic_transform<T extends ImageLike>(img: T, ...args: Kw<[displacement: Tensor, interpolation?: InterpolationMode, fill?: number | number[] | null], ElasticTransformKwargs>): T {
  const [displacement, interpolation, fill] = kwargs<[Tensor, InterpolationMode, number | number[] | null]>("elastic_transform", args, [["displacement", REQUIRED], ["interpolation", "bilinear"], ["fill", null]]);
  if (!(displacement instanceof Tensor)) throw new TypeError("Argument displacement should be a Tensor");
  const mode = checkInterpolation(interpolation, ["nearest", "bilinear"], "elastic_transform") as "nearest" | "bilinear";
  const [, h, w] = get_dimensions(img);
  if (displacement.shape.join(",") !== [1, h, w, 2].join(",")) {
    throw new ValueError(`Argument displacement shape should be (1, ${h}, ${w}, 2), but given torch.Size([${displacement.shape.join(", ")}])`);
  }
  const d = displacement.float().dataSync() as Float32Array;
  return gridOp(img, "elastic_transform", (c) => ({ ...elasticTaps(d, w, h, mode), ow: w, oh: h, fill: checkFill(fill, c) }));
}

/** Keyword arguments of `erase` (any of its parameters after the first, by name). */
export interface EraseKwargs {
  i?: number;
  j?: number;
  h?: number;
  w?: number;
  v?: Tensor | number;
  inplace?: boolean;
}

/**
 * Sets the region [i, i + h) x [j, j + w) to `v` (a tensor broadcastable to [..., C, h, w]).
 * With `inplace` the input tensor is overwritten.
 */
export function erase(img: Tensor, ...args: Kw<[i: number, j: number, h: number, w: number, v: Tensor | number, inplace?: boolean], EraseKwargs>): Tensor {
  const [i, j, h, w, v, inplace] = kwargs<[number, number, number, number, Tensor | number, boolean]>("erase", args, [["i", REQUIRED], ["j", REQUIRED], ["h", REQUIRED], ["w", REQUIRED], ["v", REQUIRED], ["inplace", false]]);
  const t = tensorOnly(img, "erase");
  const H = t.shape[t.dim() - 2];
  const W = t.shape[t.dim() - 1];
  const i0 = Math.max(0, Math.min(i, H));
  const j0 = Math.max(0, Math.min(j, W));
  const hh = Math.max(0, Math.min(i + h, H) - i0);
  const ww = Math.max(0, Math.min(j + w, W) - j0);
  if (hh === 0 || ww === 0) return inplace ? t : t.clone();
  const region = t.shape.slice(0, -2).concat([hh, ww]);
  const val = (v instanceof Tensor ? v : makeTensor(v, { dtype: "float32" })).to(t.dtype).expand(region);
  const placed = padTensor(val, [j0, W - j0 - ww, i0, H - i0 - hh], 0, "constant");
  const maskData = new Uint8Array(H * W);
  for (let y = i0; y < i0 + hh; y++) maskData.fill(1, y * W + j0, y * W + j0 + ww);
  const mask = from_typed(maskData, [H, W]).bool();
  const out = where(mask, placed, t);
  return inplace ? t.copy_(out) : out;
}
