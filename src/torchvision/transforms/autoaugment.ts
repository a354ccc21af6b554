/**
 * AutoAugment, RandAugment, TrivialAugmentWide and AugMix: policies of PIL-style operations (shear,
 * translate, rotate, colour, posterize, solarize, equalize, ...) at drawn magnitudes. Posterize and
 * Equalize need 8-bit images, as in torchvision: apply them to decoded Images or integer tensors
 * (before ToTensor), or pick ops that accept floats.
 */
import { Generator } from "../../tensor/random";
import { parseArgs } from "../../tensor/args";
import { ValueError } from "../../errors";
import * as F from "./functional";
import type { InterpolationMode } from "./functional";
import { Tensor } from "../../tensor/tensor";
import type { Image } from "../io";
import { from_typed } from "../../ops/creation";
import { ImageTransform, RandomOptions, ImageLike, gen, pyNum, pyValue } from "./transform";

const f = Math.fround;

/** torch.linspace in float32 (ATen fills the second half from the end). */
function linspace(start: number, end: number, steps: number): number[] {
  const s = f(start);
  const e = f(end);
  const step = steps > 1 ? f(f(e - s) / (steps - 1)) : 0;
  const half = Math.floor(steps / 2);
  return Array.from({ length: steps }, (_, i) => (i < half ? f(s + f(step * i)) : f(e - f(step * (steps - i - 1)))));
}

/** 8 - round(arange(bins) / ((bins - 1) / k)) as int, torchvision's posterize bits. */
function posterizeBits(bins: number, k: number): number[] {
  const d = f((bins - 1) / k);
  return Array.from({ length: bins }, (_, i) => {
    const v = f(i / d);
    const r = Math.round(v);
    return 8 - (Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r);
  });
}

/** [magnitudes (null for ops without one), signed] per op, in torchvision's order. */
type Space = [string, number[] | null, boolean][];

function augmentationSpace(bins: number, height: number, width: number, trivial: boolean, identity: boolean, invert: boolean): Space {
  const m = trivial ? 0.99 : 0.9;
  const space: Space = [];
  if (identity) space.push(["Identity", null, false]);
  space.push(
    ["ShearX", linspace(0, trivial ? 0.99 : 0.3, bins), true],
    ["ShearY", linspace(0, trivial ? 0.99 : 0.3, bins), true],
    ["TranslateX", linspace(0, trivial ? 32 : (150 / 331) * width, bins), true],
    ["TranslateY", linspace(0, trivial ? 32 : (150 / 331) * height, bins), true],
    ["Rotate", linspace(0, trivial ? 135 : 30, bins), true],
    ["Brightness", linspace(0, m, bins), true],
    ["Color", linspace(0, m, bins), true],
    ["Contrast", linspace(0, m, bins), true],
    ["Sharpness", linspace(0, m, bins), true],
    ["Posterize", posterizeBits(bins, trivial ? 6 : 4), false],
    ["Solarize", linspace(255, 0, bins), false],
    ["AutoContrast", null, false],
    ["Equalize", null, false],
  );
  if (invert) space.push(["Invert", null, false]);
  return space;
}

/** torchvision's _apply_op: one named operation at a magnitude. */
export function _apply_op<T extends ImageLike>(img: T, op_name: string, magnitude: number, interpolation: InterpolationMode, fill: number[] | null): T {
  const deg = (v: number): number => (Math.atan(v) * 180) / Math.PI;
  switch (op_name) {
    case "ShearX":
      return F.affine(img, 0, [0, 0], 1, [deg(magnitude), 0], interpolation, fill, [0, 0]);
    case "ShearY":
      return F.affine(img, 0, [0, 0], 1, [0, deg(magnitude)], interpolation, fill, [0, 0]);
    case "TranslateX":
      return F.affine(img, 0, [Math.trunc(magnitude), 0], 1, [0, 0], interpolation, fill);
    case "TranslateY":
      return F.affine(img, 0, [0, Math.trunc(magnitude)], 1, [0, 0], interpolation, fill);
    case "Rotate":
      return F.rotate(img, magnitude, interpolation, false, null, fill);
    case "Brightness":
      return F.adjust_brightness(img, 1 + magnitude);
    case "Color":
      return F.adjust_saturation(img, 1 + magnitude);
    case "Contrast":
      return F.adjust_contrast(img, 1 + magnitude);
    case "Sharpness":
      return F.adjust_sharpness(img, 1 + magnitude);
    case "Posterize":
      return F.posterize(img, Math.trunc(magnitude));
    case "Solarize":
      return F.solarize(img, magnitude);
    case "AutoContrast":
      return F.autocontrast(img);
    case "Equalize":
      return F.equalize(img);
    case "Invert":
      return F.invert(img);
    case "Identity":
      return img;
    default:
      throw new ValueError(`The provided operator ${op_name} is not recognized.`);
  }
}

function fillFor(fill: number | number[] | null, channels: number): number[] | null {
  if (fill === null) return null;
  return typeof fill === "number" ? Array(channels).fill(fill) : fill.slice();
}

/** torchvision.transforms.AutoAugmentPolicy. */
export const AutoAugmentPolicy = { IMAGENET: "imagenet", CIFAR10: "cifar10", SVHN: "svhn" } as const;
export type AutoAugmentPolicy = (typeof AutoAugmentPolicy)[keyof typeof AutoAugmentPolicy];

type SubPolicy = [[string, number, number | null], [string, number, number | null]];

const POLICIES: Record<AutoAugmentPolicy, SubPolicy[]> = {
  imagenet: [
    [["Posterize", 0.4, 8], ["Rotate", 0.6, 9]], [["Solarize", 0.6, 5], ["AutoContrast", 0.6, null]], [["Equalize", 0.8, null], ["Equalize", 0.6, null]],
    [["Posterize", 0.6, 7], ["Posterize", 0.6, 6]], [["Equalize", 0.4, null], ["Solarize", 0.2, 4]], [["Equalize", 0.4, null], ["Rotate", 0.8, 8]],
    [["Solarize", 0.6, 3], ["Equalize", 0.6, null]], [["Posterize", 0.8, 5], ["Equalize", 1.0, null]], [["Rotate", 0.2, 3], ["Solarize", 0.6, 8]],
    [["Equalize", 0.6, null], ["Posterize", 0.4, 6]], [["Rotate", 0.8, 8], ["Color", 0.4, 0]], [["Rotate", 0.4, 9], ["Equalize", 0.6, null]],
    [["Equalize", 0.0, null], ["Equalize", 0.8, null]], [["Invert", 0.6, null], ["Equalize", 1.0, null]], [["Color", 0.6, 4], ["Contrast", 1.0, 8]],
    [["Rotate", 0.8, 8], ["Color", 1.0, 2]], [["Color", 0.8, 8], ["Solarize", 0.8, 7]], [["Sharpness", 0.4, 7], ["Invert", 0.6, null]],
    [["ShearX", 0.6, 5], ["Equalize", 1.0, null]], [["Color", 0.4, 0], ["Equalize", 0.6, null]], [["Equalize", 0.4, null], ["Solarize", 0.2, 4]],
    [["Solarize", 0.6, 5], ["AutoContrast", 0.6, null]], [["Invert", 0.6, null], ["Equalize", 1.0, null]], [["Color", 0.6, 4], ["Contrast", 1.0, 8]],
    [["Equalize", 0.8, null], ["Equalize", 0.6, null]],
  ],
  cifar10: [
    [["Invert", 0.1, null], ["Contrast", 0.2, 6]], [["Rotate", 0.7, 2], ["TranslateX", 0.3, 9]], [["Sharpness", 0.8, 1], ["Sharpness", 0.9, 3]],
    [["ShearY", 0.5, 8], ["TranslateY", 0.7, 9]], [["AutoContrast", 0.5, null], ["Equalize", 0.9, null]], [["ShearY", 0.2, 7], ["Posterize", 0.3, 7]],
    [["Color", 0.4, 3], ["Brightness", 0.6, 7]], [["Sharpness", 0.3, 9], ["Brightness", 0.7, 9]], [["Equalize", 0.6, null], ["Equalize", 0.5, null]],
    [["Contrast", 0.6, 7], ["Sharpness", 0.6, 5]], [["Color", 0.7, 7], ["TranslateX", 0.5, 8]], [["Equalize", 0.3, null], ["AutoContrast", 0.4, null]],
    [["TranslateY", 0.4, 3], ["Sharpness", 0.2, 6]], [["Brightness", 0.9, 6], ["Color", 0.2, 8]], [["Solarize", 0.5, 2], ["Invert", 0.0, null]],
    [["Equalize", 0.2, null], ["AutoContrast", 0.6, null]], [["Equalize", 0.2, null], ["Equalize", 0.6, null]], [["Color", 0.9, 9], ["Equalize", 0.6, null]],
    [["AutoContrast", 0.8, null], ["Solarize", 0.2, 8]], [["Brightness", 0.1, 3], ["Color", 0.7, 0]], [["Solarize", 0.4, 5], ["AutoContrast", 0.9, null]],
    [["TranslateY", 0.9, 9], ["TranslateY", 0.7, 9]], [["AutoContrast", 0.9, null], ["Solarize", 0.8, 3]], [["Equalize", 0.8, null], ["Invert", 0.1, null]],
    [["TranslateY", 0.7, 9], ["AutoContrast", 0.9, null]],
  ],
  svhn: [
    [["ShearX", 0.9, 4], ["Invert", 0.2, null]], [["ShearY", 0.9, 8], ["Invert", 0.7, null]], [["Equalize", 0.6, null], ["Solarize", 0.6, 6]],
    [["Invert", 0.9, null], ["Equalize", 0.6, null]], [["Equalize", 0.6, null], ["Rotate", 0.9, 3]], [["ShearX", 0.9, 4], ["AutoContrast", 0.8, null]],
    [["ShearY", 0.9, 8], ["Invert", 0.4, null]], [["ShearY", 0.9, 5], ["Solarize", 0.2, 6]], [["Invert", 0.9, null], ["AutoContrast", 0.8, null]],
    [["Equalize", 0.6, null], ["Rotate", 0.9, 3]], [["ShearX", 0.9, 4], ["Solarize", 0.3, 3]], [["ShearY", 0.8, 8], ["Invert", 0.7, null]],
    [["Equalize", 0.9, null], ["TranslateY", 0.6, 6]], [["Invert", 0.9, null], ["Equalize", 0.6, null]], [["Contrast", 0.3, 3], ["Rotate", 0.8, 4]],
    [["Invert", 0.8, null], ["TranslateY", 0.0, 2]], [["ShearY", 0.7, 6], ["Solarize", 0.4, 8]], [["Invert", 0.6, null], ["Rotate", 0.8, 4]],
    [["ShearY", 0.3, 7], ["TranslateX", 0.9, 3]], [["ShearX", 0.1, 6], ["Invert", 0.6, null]], [["Solarize", 0.7, 2], ["TranslateY", 0.6, 7]],
    [["ShearY", 0.8, 4], ["Invert", 0.8, null]], [["ShearX", 0.7, 9], ["TranslateY", 0.8, 3]], [["ShearY", 0.8, 5], ["AutoContrast", 0.7, null]],
    [["ShearX", 0.7, 2], ["Invert", 0.1, null]],
  ],
};

export interface AutoAugmentOptions extends RandomOptions {
  policy?: AutoAugmentPolicy;
  interpolation?: InterpolationMode;
  fill?: number | number[] | null;
}

/**
 * AutoAugment (Cubuk et al., 2019): one of 25 learned sub-policies per call, each two operations
 * applied with their probabilities and magnitudes. Policies: 'imagenet' (default), 'cifar10', 'svhn'.
 *
 * @example new transforms.AutoAugment(transforms.AutoAugmentPolicy.CIFAR10)
 */
export class AutoAugment extends ImageTransform {
  policy: AutoAugmentPolicy;
  interpolation: InterpolationMode;
  fill: number | number[] | null;
  policies: SubPolicy[];
  private generator: RandomOptions["generator"];

  /** [sub-policy index, the two probabilities, the two signs]. */
  static get_params(transform_num: number, generator?: Generator | null): [number, [number, number], [number, number]] {
    const g = gen(generator);
    const id = g.randint(0, transform_num);
    const probs: [number, number] = [f(g.random()), f(g.random())];
    const signs: [number, number] = [g.randint(0, 2), g.randint(0, 2)];
    return [id, probs, signs];
  }

  constructor(policy?: AutoAugmentPolicy | AutoAugmentOptions, interpolation?: InterpolationMode | AutoAugmentOptions, fill?: number | number[] | null | AutoAugmentOptions, options?: AutoAugmentOptions) {
    super();
    const a = parseArgs("AutoAugment", [policy, interpolation, fill, options], ["policy", "interpolation", "fill", "generator"]);
    this.policy = (a.policy as AutoAugmentPolicy | undefined) ?? "imagenet";
    if (!(this.policy in POLICIES)) throw new ValueError(`The provided policy ${String(this.policy)} is not recognized.`);
    this.policies = POLICIES[this.policy];
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "nearest";
    this.fill = (a.fill as number | number[] | null | undefined) ?? null;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [channels, height, width] = F.get_dimensions(img);
    const fill = fillFor(this.fill, channels);
    const [id, probs, signs] = AutoAugment.get_params(this.policies.length, this.generator);
    const space = new Map(augmentationSpace(10, height, width, false, false, true).map(([name, mags, signed]) => [name, { mags, signed }]));
    let x = img;
    this.policies[id].forEach(([name, p, magId], i) => {
      if (probs[i] <= p) {
        const { mags, signed } = space.get(name)!;
        let magnitude = magId !== null && mags !== null ? mags[magId] : 0;
        if (signed && signs[i] === 0) magnitude *= -1;
        x = _apply_op(x, name, magnitude, this.interpolation, fill);
      }
    });
    return x;
  }
  toString(): string {
    return `AutoAugment(policy=AutoAugmentPolicy.${this.policy.toUpperCase()}, fill=${pyValue(this.fill)})`;
  }
}

export interface RandAugmentOptions extends RandomOptions {
  num_ops?: number;
  magnitude?: number;
  num_magnitude_bins?: number;
  interpolation?: InterpolationMode;
  fill?: number | number[] | null;
}

/**
 * RandAugment (Cubuk et al., 2020): `num_ops` operations picked uniformly, all at one `magnitude`
 * (an index into `num_magnitude_bins` bins), signs at random.
 */
export class RandAugment extends ImageTransform {
  num_ops: number;
  magnitude: number;
  num_magnitude_bins: number;
  interpolation: InterpolationMode;
  fill: number | number[] | null;
  private generator: RandomOptions["generator"];

  constructor(num_ops?: number | RandAugmentOptions, magnitude?: number | RandAugmentOptions, num_magnitude_bins?: number | RandAugmentOptions, interpolation?: InterpolationMode | RandAugmentOptions, fill?: number | number[] | null | RandAugmentOptions, options?: RandAugmentOptions) {
    super();
    const a = parseArgs("RandAugment", [num_ops, magnitude, num_magnitude_bins, interpolation, fill, options], ["num_ops", "magnitude", "num_magnitude_bins", "interpolation", "fill", "generator"]);
    this.num_ops = (a.num_ops as number | undefined) ?? 2;
    this.magnitude = (a.magnitude as number | undefined) ?? 9;
    this.num_magnitude_bins = (a.num_magnitude_bins as number | undefined) ?? 31;
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "nearest";
    this.fill = (a.fill as number | number[] | null | undefined) ?? null;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [channels, height, width] = F.get_dimensions(img);
    const fill = fillFor(this.fill, channels);
    const space = augmentationSpace(this.num_magnitude_bins, height, width, false, true, false);
    const g = gen(this.generator);
    let x = img;
    for (let k = 0; k < this.num_ops; k++) {
      const [name, mags, signed] = space[g.randint(0, space.length)];
      let magnitude = mags !== null ? mags[this.magnitude] : 0;
      if (mags !== null && magnitude === undefined) throw new ValueError(`RandAugment: magnitude ${this.magnitude} is outside the ${this.num_magnitude_bins} magnitude bins`);
      if (signed && g.randint(0, 2)) magnitude *= -1;
      x = _apply_op(x, name, magnitude, this.interpolation, fill);
    }
    return x;
  }
  toString(): string {
    return `RandAugment(num_ops=${this.num_ops}, magnitude=${this.magnitude}, num_magnitude_bins=${this.num_magnitude_bins}, interpolation=InterpolationMode.${this.interpolation.toUpperCase()}, fill=${pyValue(this.fill)})`;
  }
}

export interface TrivialAugmentWideOptions extends RandomOptions {
  num_magnitude_bins?: number;
  interpolation?: InterpolationMode;
  fill?: number | number[] | null;
}

/** TrivialAugment Wide (Müller and Hutter, 2021): one operation at a random magnitude per call. */
export class TrivialAugmentWide extends ImageTransform {
  num_magnitude_bins: number;
  interpolation: InterpolationMode;
  fill: number | number[] | null;
  private generator: RandomOptions["generator"];

  constructor(num_magnitude_bins?: number | TrivialAugmentWideOptions, interpolation?: InterpolationMode | TrivialAugmentWideOptions, fill?: number | number[] | null | TrivialAugmentWideOptions, options?: TrivialAugmentWideOptions) {
    super();
    const a = parseArgs("TrivialAugmentWide", [num_magnitude_bins, interpolation, fill, options], ["num_magnitude_bins", "interpolation", "fill", "generator"]);
    this.num_magnitude_bins = (a.num_magnitude_bins as number | undefined) ?? 31;
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "nearest";
    this.fill = (a.fill as number | number[] | null | undefined) ?? null;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [channels, height, width] = F.get_dimensions(img);
    const space = augmentationSpace(this.num_magnitude_bins, height, width, true, true, false);
    const g = gen(this.generator);
    const [name, mags, signed] = space[g.randint(0, space.length)];
    let magnitude = mags !== null ? mags[g.randint(0, mags.length)] : 0;
    if (signed && g.randint(0, 2)) magnitude *= -1;
    return _apply_op(img, name, magnitude, this.interpolation, fillFor(this.fill, channels));
  }
  toString(): string {
    return `TrivialAugmentWide(num_magnitude_bins=${this.num_magnitude_bins}, interpolation=InterpolationMode.${this.interpolation.toUpperCase()}, fill=${pyValue(this.fill)})`;
  }
}

/** AugMix's table: shear, translate (a third of the size), rotate, posterize (4 bits down), solarize, ... */
function augMixSpace(bins: number, height: number, width: number, allOps: boolean): Space {
  const space: Space = [
    ["ShearX", linspace(0, 0.3, bins), true],
    ["ShearY", linspace(0, 0.3, bins), true],
    ["TranslateX", linspace(0, width / 3, bins), true],
    ["TranslateY", linspace(0, height / 3, bins), true],
    ["Rotate", linspace(0, 30, bins), true],
    ["Posterize", posterizeBits(bins, 4).map((b) => b - 4), false],
    ["Solarize", linspace(255, 0, bins), false],
    ["AutoContrast", null, false],
    ["Equalize", null, false],
  ];
  if (allOps) {
    for (const name of ["Brightness", "Color", "Contrast", "Sharpness"]) space.push([name, linspace(0, 0.9, bins), true]);
  }
  return space;
}

/** A Gamma(a, 1) draw (Marsaglia and Tsang), for Dirichlet weights. */
function gamma(g: Generator, a: number): number {
  if (a < 1) return gamma(g, a + 1) * Math.pow(g.random() || Number.MIN_VALUE, 1 / a);
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = g.normal();
    const v = Math.pow(1 + c * x, 3);
    if (v <= 0) continue;
    const u = g.random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function dirichlet(g: Generator, alpha: number, k: number): number[] {
  const draws = Array.from({ length: k }, () => gamma(g, alpha));
  const total = draws.reduce((a, b) => a + b, 0);
  return draws.map((v) => Math.fround(v / total));
}

export interface AugMixOptions extends RandomOptions {
  severity?: number;
  mixture_width?: number;
  chain_depth?: number;
  alpha?: number;
  all_ops?: boolean;
  interpolation?: InterpolationMode;
  fill?: number | number[] | null;
}

/**
 * AugMix (Hendrycks et al., 2020): `mixture_width` chains of 1-3 random operations (or
 * `chain_depth`), mixed with Dirichlet(alpha) weights and blended with the original by a
 * Beta(alpha, alpha) weight, per image of a batch. Works on 8-bit images (Images or integer
 * tensors), as torchvision's.
 */
export class AugMix extends ImageTransform {
  severity: number;
  mixture_width: number;
  chain_depth: number;
  alpha: number;
  all_ops: boolean;
  interpolation: InterpolationMode;
  fill: number | number[] | null;
  private generator: RandomOptions["generator"];

  constructor(severity?: number | AugMixOptions, mixture_width?: number | AugMixOptions, chain_depth?: number | AugMixOptions, alpha?: number | AugMixOptions, all_ops?: boolean | AugMixOptions, interpolation?: InterpolationMode | AugMixOptions, fill?: number | number[] | null | AugMixOptions, options?: AugMixOptions) {
    super();
    const a = parseArgs("AugMix", [severity, mixture_width, chain_depth, alpha, all_ops, interpolation, fill, options], ["severity", "mixture_width", "chain_depth", "alpha", "all_ops", "interpolation", "fill", "generator"]);
    this.severity = (a.severity as number | undefined) ?? 3;
    if (!(this.severity >= 1 && this.severity <= 10)) throw new ValueError(`The severity must be between [1, 10]. Got ${this.severity} instead.`);
    this.mixture_width = (a.mixture_width as number | undefined) ?? 3;
    this.chain_depth = (a.chain_depth as number | undefined) ?? -1;
    this.alpha = (a.alpha as number | undefined) ?? 1.0;
    this.all_ops = (a.all_ops as boolean | undefined) ?? true;
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "bilinear";
    this.fill = (a.fill as number | number[] | null | undefined) ?? null;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(orig: T): T {
    const [channels, height, width] = F.get_dimensions(orig);
    // torchvision mixes PIL images as uint8 tensors and converts back.
    const img = orig instanceof Tensor ? orig : F.pil_to_tensor(orig as unknown as Image);
    const fill = orig instanceof Tensor ? fillFor(this.fill, channels) : null;
    const space = augMixSpace(10, height, width, this.all_ops);
    const g = gen(this.generator);
    const dims = img.shape;
    const batch = img.reshape([...Array(Math.max(4 - img.dim(), 0)).fill(1), ...dims]);
    const B = batch.shape[0];
    const view = (w: number[]): Tensor => from_typed(Float32Array.from(w), [B, ...Array(batch.dim() - 1).fill(1)]);
    const m = Array.from({ length: B }, () => dirichlet(g, this.alpha, 2));
    const cw = Array.from({ length: B }, (_, b) => dirichlet(g, this.alpha, this.mixture_width).map((v) => Math.fround(v * m[b][1])));
    let mix = view(m.map((r) => r[0])).mul(batch);
    for (let i = 0; i < this.mixture_width; i++) {
      let aug: Tensor = batch;
      const depth = this.chain_depth > 0 ? this.chain_depth : g.randint(1, 4);
      for (let k = 0; k < depth; k++) {
        const [name, mags, signed] = space[g.randint(0, space.length)];
        let magnitude = mags !== null ? mags[g.randint(0, this.severity)] : 0;
        if (signed && g.randint(0, 2)) magnitude *= -1;
        aug = _apply_op(aug, name, magnitude, this.interpolation, fill);
      }
      mix = mix.add(view(cw.map((r) => r[i])).mul(aug));
    }
    const out = mix.reshape(dims).to(img.dtype);
    return (orig instanceof Tensor ? out : F.to_pil_image(out)) as T;
  }
  toString(): string {
    return `AugMix(severity=${this.severity}, mixture_width=${this.mixture_width}, chain_depth=${this.chain_depth}, alpha=${pyNum(this.alpha, true)}, all_ops=${pyValue(this.all_ops)}, interpolation=InterpolationMode.${this.interpolation.toUpperCase()}, fill=${pyValue(this.fill)})`;
  }
}

/** @internal the magnitude tables, for tests against torchvision's. */
export const _augmentation_space = augmentationSpace;
/** @internal */
export const _augmix_space = augMixSpace;
