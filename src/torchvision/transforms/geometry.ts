/**
 * Size and crop transforms: Resize, CenterCrop, Pad, RandomCrop, RandomResizedCrop, FiveCrop,
 * TenCrop, and the flips. Random parameters come from static `get_params` (as in torchvision),
 * drawn once per call: a batch [B, C, H, W] gets the same crop / flip for every image, as
 * torchvision does for a batched tensor.
 */
import { Generator } from "../../tensor/random";
import { parseArgs } from "../../tensor/args";
import { TypeError, ValueError } from "../../errors";
import { asPyTuple } from "../../pyrepr";
import * as F from "./functional";
import type { InterpolationMode, PaddingMode } from "./functional";
import { ImageTransform, Transform, RandomOptions, ImageLike, gen, uniform, pyNum, pySeq, pyValue, setupSize } from "./transform";

const SIZE_MSG = "Please provide only two dimensions (h, w) for size.";

function fmtSize(hw: number[], tuple: boolean): string {
  return pySeq(hw, tuple);
}

export interface ResizeOptions {
  size?: number | number[];
  interpolation?: InterpolationMode;
  max_size?: number | null;
  antialias?: boolean | null;
}

/**
 * Resizes to `size`: [h, w], or an int for the shorter edge (the longer one keeps the aspect ratio,
 * truncated as torchvision does). Bilinear by default, align_corners=False, no antialiasing
 * (torchvision 0.14's tensor behaviour).
 *
 * Shape: [..., C, H, W] -> [..., C, h, w].
 * @example new transforms.Resize([32, 32])
 */
export class Resize extends ImageTransform {
  size: number | number[];
  interpolation: InterpolationMode;
  max_size: number | null;
  antialias: boolean | null;
  constructor(size: number | number[] | ResizeOptions, interpolation?: InterpolationMode | ResizeOptions, max_size?: number | null | ResizeOptions, antialias?: boolean | null | ResizeOptions, options?: ResizeOptions) {
    super();
    const a = parseArgs("Resize", [size, interpolation, max_size, antialias, options], ["size", "interpolation", "max_size", "antialias"]);
    const s = a.size;
    if (typeof s !== "number" && !Array.isArray(s)) throw new TypeError(`Size should be int or sequence. Got ${s === undefined ? "None" : typeof s}`);
    if (typeof s === "number" && !Number.isInteger(s)) throw new TypeError("Size should be int or sequence. Got <class 'float'>");
    if (Array.isArray(s) && s.length !== 1 && s.length !== 2) throw new ValueError("If size is a sequence, it should have 1 or 2 values");
    this.size = s as number | number[];
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "bilinear";
    this.max_size = (a.max_size as number | null | undefined) ?? null;
    this.antialias = (a.antialias as boolean | null | undefined) ?? null;
  }
  forward<T extends ImageLike>(img: T): T {
    return F.resize(img, this.size, this.interpolation, this.max_size, this.antialias);
  }
  toString(): string {
    return `Resize(size=${pyValue(this.size)}, interpolation=${this.interpolation}, max_size=${pyValue(this.max_size)}, antialias=${pyValue(this.antialias)})`;
  }
}

/**
 * Crops the centre to `size` ([h, w] or an int); zero-pads first when the crop is larger.
 * @example new transforms.CenterCrop(224)
 */
export class CenterCrop extends ImageTransform {
  size: [number, number];
  private tuple: boolean;
  constructor(size: number | number[] | { size: number | number[] }, options?: { size?: number | number[] }) {
    super();
    const a = parseArgs("CenterCrop", [size, options], ["size"]);
    const s = setupSize(a.size, SIZE_MSG);
    this.size = s.hw;
    this.tuple = s.tuple;
  }
  forward<T extends ImageLike>(img: T): T {
    return F.center_crop(img, this.size);
  }
  toString(): string {
    return `CenterCrop(size=${fmtSize(this.size, this.tuple)})`;
  }
}

export interface PadOptions {
  padding?: number | number[];
  fill?: number | number[];
  padding_mode?: PaddingMode;
}

/** Pads every border (see functional.pad for the padding and mode conventions). */
export class Pad extends ImageTransform {
  padding: number | number[];
  fill: number | number[];
  padding_mode: PaddingMode;
  constructor(padding: number | number[] | PadOptions, fill?: number | number[] | PadOptions, padding_mode?: PaddingMode | PadOptions, options?: PadOptions) {
    super();
    const a = parseArgs("Pad", [padding, fill, padding_mode, options], ["padding", "fill", "padding_mode"]);
    checkPadArgs(a.padding, a.fill ?? 0, a.padding_mode ?? "constant");
    this.padding = a.padding as number | number[];
    this.fill = (a.fill as number | number[] | undefined) ?? 0;
    this.padding_mode = (a.padding_mode as PaddingMode | undefined) ?? "constant";
  }
  forward<T extends ImageLike>(img: T): T {
    return F.pad(img, this.padding, this.fill, this.padding_mode);
  }
  toString(): string {
    return `Pad(padding=${pyValue(this.padding)}, fill=${pyValue(this.fill)}, padding_mode=${this.padding_mode})`;
  }
}

function checkPadArgs(padding: unknown, fill: unknown, mode: unknown): void {
  if (typeof padding !== "number" && !Array.isArray(padding)) throw new TypeError("Got inappropriate padding arg");
  if (typeof fill !== "number" && !Array.isArray(fill)) throw new TypeError("Got inappropriate fill arg");
  if (!["constant", "edge", "reflect", "symmetric"].includes(mode as string)) throw new ValueError("Padding mode should be either constant, edge, reflect or symmetric");
  if (Array.isArray(padding) && ![1, 2, 4].includes(padding.length)) {
    throw new ValueError(`Padding must be an int or a 1, 2, or 4 element tuple, not a ${padding.length} element tuple`);
  }
}

export interface RandomCropOptions extends RandomOptions {
  size?: number | number[];
  padding?: number | number[] | null;
  pad_if_needed?: boolean;
  fill?: number | number[];
  padding_mode?: PaddingMode;
}

/**
 * Crops a random [h, w] window. `padding` pads first; `pad_if_needed` pads an image smaller than
 * the crop (with `fill` / `padding_mode`).
 *
 * @example new transforms.RandomCrop([28, 28], {padding: 4})
 */
export class RandomCrop extends ImageTransform {
  size: [number, number];
  padding: number | number[] | null;
  pad_if_needed: boolean;
  fill: number | number[];
  padding_mode: PaddingMode;
  private generator: RandomOptions["generator"];

  /** [top, left, h, w] of a uniformly placed crop (torchvision's get_params). */
  static get_params(img: ImageLike, output_size: [number, number] | number[], generator?: Generator | null): [number, number, number, number] {
    const [, h, w] = F.get_dimensions(img);
    const [th, tw] = output_size;
    if (h < th || w < tw) throw new ValueError(`Required crop size (${th}, ${tw}) is larger than input image size (${h}, ${w})`);
    if (w === tw && h === th) return asPyTuple([0, 0, h, w]);
    const g = gen(generator);
    const i = g.randint(0, h - th + 1);
    const j = g.randint(0, w - tw + 1);
    return asPyTuple([i, j, th, tw]);
  }

  constructor(size: number | number[] | RandomCropOptions, padding?: number | number[] | null | RandomCropOptions, pad_if_needed?: boolean | RandomCropOptions, fill?: number | number[] | RandomCropOptions, padding_mode?: PaddingMode | RandomCropOptions, options?: RandomCropOptions) {
    super();
    const a = parseArgs("RandomCrop", [size, padding, pad_if_needed, fill, padding_mode, options], ["size", "padding", "pad_if_needed", "fill", "padding_mode", "generator"]);
    this.size = setupSize(a.size, SIZE_MSG).hw;
    this.padding = (a.padding as number | number[] | null | undefined) ?? null;
    this.pad_if_needed = (a.pad_if_needed as boolean | undefined) ?? false;
    this.fill = (a.fill as number | number[] | undefined) ?? 0;
    this.padding_mode = (a.padding_mode as PaddingMode | undefined) ?? "constant";
    if (this.padding !== null) checkPadArgs(this.padding, this.fill, this.padding_mode);
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    let x = img;
    if (this.padding !== null) x = F.pad(x, this.padding, this.fill, this.padding_mode);
    const [, height, width] = F.get_dimensions(x);
    if (this.pad_if_needed && width < this.size[1]) x = F.pad(x, [this.size[1] - width, 0], this.fill, this.padding_mode);
    if (this.pad_if_needed && height < this.size[0]) x = F.pad(x, [0, this.size[0] - height], this.fill, this.padding_mode);
    const [i, j, h, w] = RandomCrop.get_params(x, this.size, this.generator);
    return F.crop(x, i, j, h, w);
  }
  toString(): string {
    return `RandomCrop(size=${pySeq(this.size, true)}, padding=${pyValue(this.padding)})`;
  }
}

export interface RandomResizedCropOptions extends RandomOptions {
  size?: number | number[];
  scale?: number[];
  ratio?: number[];
  interpolation?: InterpolationMode;
  antialias?: boolean | null;
}

/**
 * Crops a random area (fraction `scale` of the image, aspect ratio in `ratio`, log-uniform) and
 * resizes it to `size`: the usual ImageNet training augmentation.
 *
 * @example new transforms.RandomResizedCrop(224)
 */
export class RandomResizedCrop extends ImageTransform {
  size: [number, number];
  scale: number[];
  ratio: number[];
  interpolation: InterpolationMode;
  antialias: boolean | null;
  private tuple: boolean;
  private defaults: { scale: boolean; ratio: boolean };
  private generator: RandomOptions["generator"];

  /** [top, left, h, w]: ten tries at a random crop, then a central crop (torchvision's get_params). */
  static get_params(img: ImageLike, scale: number[], ratio: number[], generator?: Generator | null): [number, number, number, number] {
    const [, height, width] = F.get_dimensions(img);
    const area = height * width;
    const g = gen(generator);
    const logRatio = [Math.fround(Math.log(Math.fround(ratio[0]))), Math.fround(Math.log(Math.fround(ratio[1])))];
    for (let attempt = 0; attempt < 10; attempt++) {
      const targetArea = area * uniform(g, scale[0], scale[1]);
      const aspect = Math.fround(Math.exp(uniform(g, logRatio[0], logRatio[1])));
      const w = pyRound(Math.sqrt(targetArea * aspect));
      const h = pyRound(Math.sqrt(targetArea / aspect));
      if (w > 0 && w <= width && h > 0 && h <= height) {
        const i = g.randint(0, height - h + 1);
        const j = g.randint(0, width - w + 1);
        return asPyTuple([i, j, h, w]);
      }
    }
    const inRatio = width / height;
    let w: number;
    let h: number;
    if (inRatio < Math.min(...ratio)) {
      w = width;
      h = pyRound(w / Math.min(...ratio));
    } else if (inRatio > Math.max(...ratio)) {
      h = height;
      w = pyRound(h * Math.max(...ratio));
    } else {
      w = width;
      h = height;
    }
    return asPyTuple([Math.floor((height - h) / 2), Math.floor((width - w) / 2), h, w]);
  }

  constructor(size: number | number[] | RandomResizedCropOptions, scale?: number[] | RandomResizedCropOptions, ratio?: number[] | RandomResizedCropOptions, interpolation?: InterpolationMode | RandomResizedCropOptions, antialias?: boolean | null | RandomResizedCropOptions, options?: RandomResizedCropOptions) {
    super();
    const a = parseArgs("RandomResizedCrop", [size, scale, ratio, interpolation, antialias, options], ["size", "scale", "ratio", "interpolation", "antialias", "generator"]);
    const s = setupSize(a.size, SIZE_MSG);
    this.size = s.hw;
    this.tuple = s.tuple;
    if (a.scale !== undefined && !Array.isArray(a.scale)) throw new TypeError("Scale should be a sequence");
    if (a.ratio !== undefined && !Array.isArray(a.ratio)) throw new TypeError("Ratio should be a sequence");
    this.defaults = { scale: a.scale === undefined, ratio: a.ratio === undefined };
    this.scale = (a.scale as number[] | undefined) ?? [0.08, 1.0];
    this.ratio = (a.ratio as number[] | undefined) ?? [3 / 4, 4 / 3];
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "bilinear";
    this.antialias = (a.antialias as boolean | null | undefined) ?? null;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [i, j, h, w] = RandomResizedCrop.get_params(img, this.scale, this.ratio, this.generator);
    return F.resized_crop(img, i, j, h, w, this.size, this.interpolation, this.antialias);
  }
  toString(): string {
    const r4 = (v: number[], isDefault: boolean): string => `(${v.map((x) => pyNum(Math.round(x * 1e4) / 1e4, isDefault)).join(", ")})`;
    // torchvision 0.14 prints a stray ')' after the interpolation; kept so the repr matches PyTorch's.
    return `RandomResizedCrop(size=${fmtSize(this.size, this.tuple)}, scale=${r4(this.scale, this.defaults.scale)}, ratio=${r4(this.ratio, this.defaults.ratio)}, interpolation=${this.interpolation}), antialias=${pyValue(this.antialias)})`;
  }
}

/** Python 3's round(): half to even. */
function pyRound(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The four corner crops and the centre crop, as an array of five images. */
export interface FiveCrop {
  <T extends ImageLike>(img: T): [T, T, T, T, T];
}
export class FiveCrop extends Transform {
  size: [number, number];
  private tuple: boolean;
  constructor(size: number | number[] | { size: number | number[] }, options?: { size?: number | number[] }) {
    super();
    const s = setupSize(parseArgs("FiveCrop", [size, options], ["size"]).size, SIZE_MSG);
    this.size = s.hw;
    this.tuple = s.tuple;
  }
  forward(img: unknown): unknown {
    return F.five_crop(img as ImageLike, this.size);
  }
  toString(): string {
    return `FiveCrop(size=${fmtSize(this.size, this.tuple)})`;
  }
}

/** five_crop of the image and of its (horizontal, or vertical) flip: ten images. */
export interface TenCrop {
  <T extends ImageLike>(img: T): T[];
}
export class TenCrop extends Transform {
  size: [number, number];
  vertical_flip: boolean;
  private tuple: boolean;
  constructor(size: number | number[] | { size?: number | number[]; vertical_flip?: boolean }, vertical_flip?: boolean | { vertical_flip?: boolean }, options?: { vertical_flip?: boolean }) {
    super();
    const a = parseArgs("TenCrop", [size, vertical_flip, options], ["size", "vertical_flip"]);
    const s = setupSize(a.size, SIZE_MSG);
    this.size = s.hw;
    this.tuple = s.tuple;
    this.vertical_flip = (a.vertical_flip as boolean | undefined) ?? false;
  }
  forward(img: unknown): unknown {
    return F.ten_crop(img as ImageLike, this.size, this.vertical_flip);
  }
  toString(): string {
    return `TenCrop(size=${fmtSize(this.size, this.tuple)}, vertical_flip=${pyValue(this.vertical_flip)})`;
  }
}

export interface FlipOptions extends RandomOptions {
  p?: number;
}

/**
 * Mirrors left-right with probability `p` (one draw per call: a batch flips all together).
 * @example new transforms.RandomHorizontalFlip()      // p = 0.5
 */
export class RandomHorizontalFlip extends ImageTransform {
  p: number;
  private generator: RandomOptions["generator"];
  constructor(p?: number | FlipOptions, options?: FlipOptions) {
    super();
    const a = parseArgs("RandomHorizontalFlip", [p, options], ["p", "generator"]);
    this.p = (a.p as number | undefined) ?? 0.5;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    return gen(this.generator).random() < this.p ? F.hflip(img) : img;
  }
  toString(): string {
    return `RandomHorizontalFlip(p=${pyValue(this.p)})`;
  }
}

/** Mirrors top-bottom with probability `p`. */
export class RandomVerticalFlip extends ImageTransform {
  p: number;
  private generator: RandomOptions["generator"];
  constructor(p?: number | FlipOptions, options?: FlipOptions) {
    super();
    const a = parseArgs("RandomVerticalFlip", [p, options], ["p", "generator"]);
    this.p = (a.p as number | undefined) ?? 0.5;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    return gen(this.generator).random() < this.p ? F.vflip(img) : img;
  }
  toString(): string {
    return `RandomVerticalFlip(p=${pyValue(this.p)})`;
  }
}

