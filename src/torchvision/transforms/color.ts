/**
 * Colour transforms: ColorJitter, Grayscale, RandomGrayscale, RandomInvert, GaussianBlur.
 */
import { Generator } from "../../tensor/random";
import { parseArgs } from "../../tensor/args";
import { TypeError, ValueError } from "../../errors";
import { asPyTuple, pyIsTuple } from "../../pyrepr";
import * as F from "./functional";
import { ImageTransform, RandomOptions, ImageLike, gen, uniform, pyNum, pySeq, pyValue, setupSize } from "./transform";

type Range = number | number[];

export interface ColorJitterOptions extends RandomOptions {
  brightness?: Range;
  contrast?: Range;
  saturation?: Range;
  hue?: Range;
}

/** A checked jitter range, remembering how PyTorch would print it (a list it built, or the user's). */
interface JitterRange {
  values: number[];
  built: boolean;
}

/**
 * Randomly changes brightness, contrast, saturation and hue, in a random order (torchvision's
 * get_params draws the order with randperm(4), then each factor).
 *
 * Args:
 *   brightness, contrast, saturation: b means a factor uniform in [max(0, 1 - b), 1 + b]; [lo, hi]
 *     gives the range directly.
 *   hue: h in [0, 0.5] means a shift uniform in [-h, h]; [lo, hi] within [-0.5, 0.5].
 *
 * @example new transforms.ColorJitter({brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1})
 */
export class ColorJitter extends ImageTransform {
  brightness: number[] | null;
  contrast: number[] | null;
  saturation: number[] | null;
  hue: number[] | null;
  private reprs: string[];
  private generator: RandomOptions["generator"];

  /** [order (a permutation of 0..3), brightness, contrast, saturation, hue] factors (null = unchanged). */
  static get_params(brightness: number[] | null, contrast: number[] | null, saturation: number[] | null, hue: number[] | null, generator?: Generator | null): [number[], number | null, number | null, number | null, number | null] {
    const g = gen(generator);
    const order = g.randperm(4);
    const draw = (r: number[] | null): number | null => (r === null ? null : uniform(g, r[0], r[1]));
    const b = draw(brightness);
    const c = draw(contrast);
    const s = draw(saturation);
    const h = draw(hue);
    return asPyTuple([order, b, c, s, h]);
  }

  constructor(brightness?: Range | ColorJitterOptions, contrast?: Range | ColorJitterOptions, saturation?: Range | ColorJitterOptions, hue?: Range | ColorJitterOptions, options?: ColorJitterOptions) {
    super();
    const a = parseArgs("ColorJitter", [brightness, contrast, saturation, hue, options], ["brightness", "contrast", "saturation", "hue", "generator"]);
    const ranges = [
      checkInput(a.brightness ?? 0, "brightness", 1, [0, Infinity], true),
      checkInput(a.contrast ?? 0, "contrast", 1, [0, Infinity], true),
      checkInput(a.saturation ?? 0, "saturation", 1, [0, Infinity], true),
      checkInput(a.hue ?? 0, "hue", 0, [-0.5, 0.5], false),
    ];
    [this.brightness, this.contrast, this.saturation, this.hue] = ranges.map((r) => (r ? r.values : null));
    this.reprs = ranges.map((r) => (r === null ? "None" : r.built ? `[${r.values.map((v) => pyNum(v, true)).join(", ")}]` : pyValue(r.values)));
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [order, b, c, s, h] = ColorJitter.get_params(this.brightness, this.contrast, this.saturation, this.hue, this.generator);
    let x = img;
    for (const id of order) {
      if (id === 0 && b !== null) x = F.adjust_brightness(x, b);
      else if (id === 1 && c !== null) x = F.adjust_contrast(x, c);
      else if (id === 2 && s !== null) x = F.adjust_saturation(x, s);
      else if (id === 3 && h !== null) x = F.adjust_hue(x, h);
    }
    return x;
  }
  toString(): string {
    const [b, c, s, h] = this.reprs;
    return `ColorJitter(brightness=${b}, contrast=${c}, saturation=${s}, hue=${h})`;
  }
}

function checkInput(value: unknown, name: string, center: number, bound: [number, number], clipFirstOnZero: boolean): JitterRange | null {
  let r: JitterRange;
  if (typeof value === "number") {
    if (value < 0) throw new ValueError(`If ${name} is a single number, it must be non negative.`);
    const values = [center - value, center + value];
    if (clipFirstOnZero) values[0] = Math.max(values[0], 0);
    r = { values, built: true };
  } else if (Array.isArray(value) && value.length === 2) {
    if (!(bound[0] <= value[0] && value[0] <= value[1] && value[1] <= bound[1])) {
      throw new ValueError(`${name} values should be between (${pyNum(bound[0], true)}, ${bound[1] === Infinity ? "inf" : pyNum(bound[1], true)})`);
    }
    r = { values: pyIsTuple(value) ? asPyTuple(value.slice()) : value.slice(), built: false };
  } else throw new TypeError(`${name} should be a single number or a list/tuple with length 2.`);
  return r.values[0] === center && r.values[1] === center ? null : r;
}

/** Converts to grayscale with 1 or 3 output channels (0.2989 R + 0.587 G + 0.114 B). */
export class Grayscale extends ImageTransform {
  num_output_channels: 1 | 3;
  constructor(num_output_channels: 1 | 3 | { num_output_channels?: 1 | 3 } = 1, options?: { num_output_channels?: 1 | 3 }) {
    super();
    const a = parseArgs("Grayscale", [num_output_channels, options], ["num_output_channels"]);
    this.num_output_channels = (a.num_output_channels as 1 | 3 | undefined) ?? 1;
  }
  forward<T extends ImageLike>(img: T): T {
    return F.rgb_to_grayscale(img, this.num_output_channels);
  }
  toString(): string {
    return `Grayscale(num_output_channels=${this.num_output_channels})`;
  }
}

/** Converts to grayscale (keeping the channel count) with probability `p` (default 0.1). */
export class RandomGrayscale extends ImageTransform {
  p: number;
  private generator: RandomOptions["generator"];
  constructor(p?: number | (RandomOptions & { p?: number }), options?: RandomOptions) {
    super();
    const a = parseArgs("RandomGrayscale", [p, options], ["p", "generator"]);
    this.p = (a.p as number | undefined) ?? 0.1;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [c] = F.get_dimensions(img);
    return gen(this.generator).random() < this.p ? F.rgb_to_grayscale(img, c as 1 | 3) : img;
  }
  toString(): string {
    return `RandomGrayscale(p=${pyValue(this.p)})`;
  }
}

/** Inverts colours (max - x) with probability `p` (default 0.5). */
export class RandomInvert extends ImageTransform {
  p: number;
  private generator: RandomOptions["generator"];
  constructor(p?: number | (RandomOptions & { p?: number }), options?: RandomOptions) {
    super();
    const a = parseArgs("RandomInvert", [p, options], ["p", "generator"]);
    this.p = (a.p as number | undefined) ?? 0.5;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    return gen(this.generator).random() < this.p ? F.invert(img) : img;
  }
  toString(): string {
    return `RandomInvert(p=${pyValue(this.p)})`;
  }
}

export interface GaussianBlurOptions extends RandomOptions {
  kernel_size?: number | number[];
  sigma?: number | number[];
}

/**
 * Blurs with a Gaussian kernel of `kernel_size` (odd) and a sigma drawn uniformly from `sigma`
 * ([min, max], default [0.1, 2.0]; a number fixes it).
 */
export class GaussianBlur extends ImageTransform {
  kernel_size: [number, number];
  sigma: number[];
  private ksTuple: boolean;
  private sigmaRepr: string;
  private generator: RandomOptions["generator"];

  static get_params(sigma_min: number, sigma_max: number, generator?: Generator | null): number {
    return uniform(gen(generator), sigma_min, sigma_max);
  }

  constructor(kernel_size: number | number[] | GaussianBlurOptions, sigma?: number | number[] | GaussianBlurOptions, options?: GaussianBlurOptions) {
    super();
    const a = parseArgs("GaussianBlur", [kernel_size, sigma, options], ["kernel_size", "sigma", "generator"]);
    const ks = setupSize(a.kernel_size, "Kernel size should be a tuple/list of two integers");
    this.kernel_size = ks.hw;
    this.ksTuple = ks.tuple;
    for (const k of this.kernel_size) if (k <= 0 || k % 2 === 0) throw new ValueError("Kernel size value should be an odd and positive number.");
    const s = a.sigma ?? [0.1, 2.0];
    if (typeof s === "number") {
      if (s <= 0) throw new ValueError("If sigma is a single number, it must be positive.");
      this.sigma = [s, s];
      this.sigmaRepr = `(${pyNum(s)}, ${pyNum(s)})`;
    } else if (Array.isArray(s) && s.length === 2) {
      if (!(0 < s[0] && s[0] <= s[1])) throw new ValueError("sigma values should be positive and of the form (min, max).");
      this.sigma = s.slice();
      this.sigmaRepr = a.sigma === undefined ? "(0.1, 2.0)" : pyValue(s);
    } else throw new ValueError("sigma should be a single number or a list/tuple with length 2.");
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const sigma = GaussianBlur.get_params(this.sigma[0], this.sigma[1], this.generator);
    return F.gaussian_blur(img, this.kernel_size, [sigma, sigma]);
  }
  toString(): string {
    return `GaussianBlur(kernel_size=${pySeq(this.kernel_size, this.ksTuple)}, sigma=${this.sigmaRepr})`;
  }
}

/** The "with probability p, apply F" transforms torchvision 0.14 has for PIL-style operations. */
abstract class RandomOp extends ImageTransform {
  p: number;
  protected generator: RandomOptions["generator"];
  constructor(p: number, generator: RandomOptions["generator"]) {
    super();
    this.p = p;
    this.generator = generator;
  }
  protected abstract op<T extends ImageLike>(img: T): T;
  forward<T extends ImageLike>(img: T): T {
    return gen(this.generator).random() < this.p ? this.op(img) : img;
  }
}

type POpts = RandomOptions & { p?: number };

/** adjust_sharpness(img, sharpness_factor) with probability p (default 0.5). */
export class RandomAdjustSharpness extends RandomOp {
  sharpness_factor: number;
  constructor(sharpness_factor: number | (POpts & { sharpness_factor?: number }), p?: number | POpts, options?: POpts) {
    const a = parseArgs("RandomAdjustSharpness", [sharpness_factor, p, options], ["sharpness_factor", "p", "generator"]);
    super((a.p as number | undefined) ?? 0.5, a.generator as RandomOptions["generator"]);
    this.sharpness_factor = a.sharpness_factor as number;
  }
  protected op<T extends ImageLike>(img: T): T {
    return F.adjust_sharpness(img, this.sharpness_factor);
  }
  toString(): string {
    return `RandomAdjustSharpness(sharpness_factor=${pyValue(this.sharpness_factor)},p=${pyValue(this.p)})`;
  }
}

/** posterize(img, bits) with probability p (integer images). */
export class RandomPosterize extends RandomOp {
  bits: number;
  constructor(bits: number | (POpts & { bits?: number }), p?: number | POpts, options?: POpts) {
    const a = parseArgs("RandomPosterize", [bits, p, options], ["bits", "p", "generator"]);
    super((a.p as number | undefined) ?? 0.5, a.generator as RandomOptions["generator"]);
    this.bits = a.bits as number;
  }
  protected op<T extends ImageLike>(img: T): T {
    return F.posterize(img, this.bits);
  }
  toString(): string {
    return `RandomPosterize(bits=${pyValue(this.bits)},p=${pyValue(this.p)})`;
  }
}

/** solarize(img, threshold) with probability p. */
export class RandomSolarize extends RandomOp {
  threshold: number;
  constructor(threshold: number | (POpts & { threshold?: number }), p?: number | POpts, options?: POpts) {
    const a = parseArgs("RandomSolarize", [threshold, p, options], ["threshold", "p", "generator"]);
    super((a.p as number | undefined) ?? 0.5, a.generator as RandomOptions["generator"]);
    this.threshold = a.threshold as number;
  }
  protected op<T extends ImageLike>(img: T): T {
    return F.solarize(img, this.threshold);
  }
  toString(): string {
    return `RandomSolarize(threshold=${pyValue(this.threshold)},p=${pyValue(this.p)})`;
  }
}

/** autocontrast(img) with probability p. */
export class RandomAutocontrast extends RandomOp {
  constructor(p?: number | POpts, options?: POpts) {
    const a = parseArgs("RandomAutocontrast", [p, options], ["p", "generator"]);
    super((a.p as number | undefined) ?? 0.5, a.generator as RandomOptions["generator"]);
  }
  protected op<T extends ImageLike>(img: T): T {
    return F.autocontrast(img);
  }
  toString(): string {
    return `RandomAutocontrast(p=${pyValue(this.p)})`;
  }
}

/** equalize(img) with probability p (integer images). */
export class RandomEqualize extends RandomOp {
  constructor(p?: number | POpts, options?: POpts) {
    const a = parseArgs("RandomEqualize", [p, options], ["p", "generator"]);
    super((a.p as number | undefined) ?? 0.5, a.generator as RandomOptions["generator"]);
  }
  protected op<T extends ImageLike>(img: T): T {
    return F.equalize(img);
  }
  toString(): string {
    return `RandomEqualize(p=${pyValue(this.p)})`;
  }
}
