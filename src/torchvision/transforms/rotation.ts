/**
 * RandomRotation, RandomAffine, RandomPerspective and ElasticTransform. The warp is computed by inverse mapping (torchvision's affine
 * matrix convention, centre of the image as origin) and sampling with index_select, so it needs no
 * tfjs image kernel (tfjs-node has no RotateWithOffset / Transform).
 */
import { Generator } from "../../tensor/random";
import { parseArgs } from "../../tensor/args";
import { Tensor } from "../../tensor/tensor";
import { rand } from "../../ops/creation";
import { cat } from "../../ops/movement";
import { TypeError, ValueError } from "../../errors";
import { asPyTuple } from "../../pyrepr";
import * as F from "./functional";
import type { InterpolationMode } from "./functional";
import { ImageTransform, RandomOptions, ImageLike, gen, uniform, pySeq, pyValue, setupAngle, checkSequence, checkFillArg, fillList } from "./transform";

type Fill = number | number[];

export interface RandomRotationOptions extends RandomOptions {
  degrees?: number | number[];
  interpolation?: InterpolationMode;
  expand?: boolean;
  center?: number[] | null;
  fill?: Fill | null;
}

/**
 * Rotates by an angle drawn uniformly from `degrees` (counter-clockwise for positive angles).
 *
 * Args:
 *   degrees: d means (-d, d); [a, b] means (a, b). Any other length is PyTorch's ValueError
 *     `degrees should be a sequence of length 2.`
 *   interpolation: 'nearest' (default) or 'bilinear'.
 *   expand: grow the output to hold the whole rotated image (default: keep the size).
 *   center: [x, y] pixel centre of rotation (default: the image centre).
 *   fill: value (or one per channel) for pixels that come from outside the image (default 0).
 *   generator: draw the angle from this torch.Generator instead of the default one.
 *
 * A batch [B, C, H, W] is rotated by one angle, as torchvision does for a batched tensor.
 *
 * The tutorial's `RandomRotation([30, 90, 180])` ("rotate by 30, 90 or 180 degrees") is an error in
 * PyTorch, as here; choose among fixed rotations instead:
 *
 * @example
 * new transforms.RandomRotation(15)                     // uniform in (-15, 15)
 * new transforms.RandomRotation([-30, 30], {interpolation: "bilinear"})
 * new transforms.RandomChoice([30, 90, 180].map((a) => new transforms.RandomRotation([a, a])))
 */
export class RandomRotation extends ImageTransform {
  degrees: number[];
  interpolation: InterpolationMode;
  expand: boolean;
  center: number[] | null;
  fill: Fill;
  private generator: RandomOptions["generator"];

  /** An angle uniform in [degrees[0], degrees[1]]. */
  static get_params(degrees: number[], generator?: Generator | null): number {
    return uniform(gen(generator), degrees[0], degrees[1]);
  }

  constructor(degrees: number | number[] | RandomRotationOptions, interpolation?: InterpolationMode | RandomRotationOptions, expand?: boolean | RandomRotationOptions, center?: number[] | null | RandomRotationOptions, fill?: Fill | null | RandomRotationOptions, options?: RandomRotationOptions) {
    super();
    const a = parseArgs("RandomRotation", [degrees, interpolation, expand, center, fill, options], ["degrees", "interpolation", "expand", "center", "fill", "generator"]);
    this.degrees = setupAngle(a.degrees, "degrees", [2]);
    const c = (a.center as number[] | null | undefined) ?? null;
    if (c !== null) checkSequence(c, "center", [2]);
    this.center = c;
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "nearest";
    this.expand = (a.expand as boolean | undefined) ?? false;
    this.fill = checkFillArg(a.fill);
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [channels] = F.get_dimensions(img);
    const angle = RandomRotation.get_params(this.degrees, this.generator);
    return F.rotate(img, angle, this.interpolation, this.expand, this.center, fillList(this.fill, channels));
  }
  toString(): string {
    let s = `RandomRotation(degrees=${pySeq(this.degrees, false, true)}, interpolation=${this.interpolation}, expand=${pyValue(this.expand)}`;
    if (this.center !== null) s += `, center=${pyValue(this.center)}`;
    return s + `, fill=${pyValue(this.fill)})`;
  }
}

export interface RandomAffineOptions extends RandomOptions {
  degrees?: number | number[];
  translate?: number[] | null;
  scale?: number[] | null;
  shear?: number | number[] | null;
  interpolation?: InterpolationMode;
  fill?: Fill | null;
  center?: number[] | null;
}

/**
 * A random affine transform keeping the centre: rotation from `degrees` (as RandomRotation, but
 * clockwise as torchvision's affine), translation up to `translate` = [fx, fy] of the width/height,
 * scale from `scale` = [lo, hi], shear from `shear` (d, [a, b] for x, or [a, b, c, d] for x and y).
 *
 * @example new transforms.RandomAffine(10, {translate: [0.1, 0.1], scale: [0.9, 1.1]})
 */
export class RandomAffine extends ImageTransform {
  degrees: number[];
  translate: number[] | null;
  scale: number[] | null;
  shear: number[] | null;
  interpolation: InterpolationMode;
  fill: Fill;
  center: number[] | null;
  private generator: RandomOptions["generator"];

  /** [angle, [tx, ty], scale, [shear_x, shear_y]] as torchvision draws them. */
  static get_params(degrees: number[], translate: number[] | null, scale_ranges: number[] | null, shears: number[] | null, img_size: number[], generator?: Generator | null): [number, [number, number], number, [number, number]] {
    const g = gen(generator);
    const angle = uniform(g, degrees[0], degrees[1]);
    let translations: [number, number] = asPyTuple([0, 0]);
    if (translate !== null) {
      const maxDx = translate[0] * img_size[0];
      const maxDy = translate[1] * img_size[1];
      translations = asPyTuple([pyRound(uniform(g, -maxDx, maxDx)), pyRound(uniform(g, -maxDy, maxDy))]);
    }
    const scale = scale_ranges !== null ? uniform(g, scale_ranges[0], scale_ranges[1]) : 1.0;
    let shearX = 0;
    let shearY = 0;
    if (shears !== null) {
      shearX = uniform(g, shears[0], shears[1]);
      if (shears.length === 4) shearY = uniform(g, shears[2], shears[3]);
    }
    return asPyTuple([angle, translations, scale, asPyTuple([shearX, shearY])]);
  }

  constructor(
    degrees: number | number[] | RandomAffineOptions,
    translate?: number[] | null | RandomAffineOptions,
    scale?: number[] | null | RandomAffineOptions,
    shear?: number | number[] | null | RandomAffineOptions,
    interpolation?: InterpolationMode | RandomAffineOptions,
    fill?: Fill | null | RandomAffineOptions,
    center?: number[] | null | RandomAffineOptions,
    options?: RandomAffineOptions,
  ) {
    super();
    const a = parseArgs("RandomAffine", [degrees, translate, scale, shear, interpolation, fill, center, options], ["degrees", "translate", "scale", "shear", "interpolation", "fill", "center", "generator"]);
    this.degrees = setupAngle(a.degrees, "degrees", [2]);
    const t = (a.translate as number[] | null | undefined) ?? null;
    if (t !== null) {
      checkSequence(t, "translate", [2]);
      for (const v of t) if (!(v >= 0 && v <= 1)) throw new ValueError("translation values should be between 0 and 1");
    }
    this.translate = t;
    const s = (a.scale as number[] | null | undefined) ?? null;
    if (s !== null) {
      checkSequence(s, "scale", [2]);
      for (const v of s) if (v <= 0) throw new ValueError("scale values should be positive");
    }
    this.scale = s;
    this.shear = a.shear === undefined || a.shear === null ? null : setupAngle(a.shear, "shear", [2, 4]);
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "nearest";
    this.fill = checkFillArg(a.fill);
    const c = (a.center as number[] | null | undefined) ?? null;
    if (c !== null) checkSequence(c, "center", [2]);
    this.center = c;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [channels, height, width] = F.get_dimensions(img);
    const [angle, translations, scale, shear] = RandomAffine.get_params(this.degrees, this.translate, this.scale, this.shear, [width, height], this.generator);
    return F.affine(img, angle, translations, scale, shear, this.interpolation, fillList(this.fill, channels), this.center);
  }
  toString(): string {
    let s = `RandomAffine(degrees=${pySeq(this.degrees, false, true)}`;
    if (this.translate !== null) s += `, translate=${pyValue(this.translate)}`;
    if (this.scale !== null) s += `, scale=${pyValue(this.scale)}`;
    if (this.shear !== null) s += `, shear=${pySeq(this.shear, false, true)}`;
    if (this.interpolation !== "nearest") s += `, interpolation=${this.interpolation}`;
    if (this.fill !== 0) s += `, fill=${pyValue(this.fill)}`;
    if (this.center !== null) s += `, center=${pyValue(this.center)}`;
    return s + ")";
  }
}

function pyRound(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export interface RandomPerspectiveOptions extends RandomOptions {
  distortion_scale?: number;
  p?: number;
  interpolation?: InterpolationMode;
  fill?: Fill | null;
}

/**
 * With probability `p`, moves each corner inwards by up to `distortion_scale` of half the width /
 * height and warps the image accordingly (bilinear by default).
 */
export class RandomPerspective extends ImageTransform {
  distortion_scale: number;
  p: number;
  interpolation: InterpolationMode;
  fill: Fill;
  private generator: RandomOptions["generator"];

  /** [startpoints, endpoints]: the image corners and where they move (torchvision's get_params). */
  static get_params(width: number, height: number, distortion_scale: number, generator?: Generator | null): [number[][], number[][]] {
    const g = gen(generator);
    const hh = Math.floor(height / 2);
    const hw = Math.floor(width / 2);
    const dx = Math.trunc(distortion_scale * hw);
    const dy = Math.trunc(distortion_scale * hh);
    const topleft = [g.randint(0, dx + 1), g.randint(0, dy + 1)];
    const topright = [g.randint(width - dx - 1, width), g.randint(0, dy + 1)];
    const botright = [g.randint(width - dx - 1, width), g.randint(height - dy - 1, height)];
    const botleft = [g.randint(0, dx + 1), g.randint(height - dy - 1, height)];
    const startpoints = [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]];
    return asPyTuple([startpoints, [topleft, topright, botright, botleft]]);
  }

  constructor(distortion_scale?: number | RandomPerspectiveOptions, p?: number | RandomPerspectiveOptions, interpolation?: InterpolationMode | RandomPerspectiveOptions, fill?: Fill | null | RandomPerspectiveOptions, options?: RandomPerspectiveOptions) {
    super();
    const a = parseArgs("RandomPerspective", [distortion_scale, p, interpolation, fill, options], ["distortion_scale", "p", "interpolation", "fill", "generator"]);
    this.distortion_scale = (a.distortion_scale as number | undefined) ?? 0.5;
    this.p = (a.p as number | undefined) ?? 0.5;
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "bilinear";
    this.fill = checkFillArg(a.fill);
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [channels, height, width] = F.get_dimensions(img);
    const g = gen(this.generator);
    if (!(g.random() < this.p)) return img;
    const [start, end] = RandomPerspective.get_params(width, height, this.distortion_scale, g);
    return F.perspective(img, start, end, this.interpolation, fillList(this.fill, channels));
  }
  toString(): string {
    return `RandomPerspective(p=${pyValue(this.p)})`;
  }
}

export interface ElasticTransformOptions extends RandomOptions {
  alpha?: number | number[];
  sigma?: number | number[];
  interpolation?: InterpolationMode;
  fill?: number;
}

/**
 * Elastic deformation (Simard et al., 2003): uniform random displacements smoothed by a Gaussian
 * of std `sigma`, scaled by `alpha` (pixels of displacement, relative to the image size).
 *
 * @example new transforms.ElasticTransform({alpha: 34.0, sigma: 4.0})
 */
export class ElasticTransform extends ImageTransform {
  alpha: number[];
  sigma: number[];
  interpolation: InterpolationMode;
  fill: number;
  private generator: RandomOptions["generator"];

  /** The displacement field [1, H, W, 2] torchvision draws (uniform noise, blurred, scaled). */
  static get_params(alpha: number[], sigma: number[], size: number[], generator?: Generator | null): Tensor {
    const g = gen(generator);
    const field = (k: number): Tensor => {
      let d = rand([1, 1, ...size], { generator: g }).mul(2).sub(1);
      if (sigma[k] > 0) {
        let ks = Math.trunc(8 * sigma[k] + 1);
        if (ks % 2 === 0) ks += 1;
        d = F.gaussian_blur(d, [ks, ks], sigma);
      }
      return d.mul(alpha[k]).div(size[k]);
    };
    const dx = field(0);
    const dy = field(1);
    return cat([dx, dy], 1).permute([0, 2, 3, 1]);
  }

  constructor(alpha?: number | number[] | ElasticTransformOptions, sigma?: number | number[] | ElasticTransformOptions, interpolation?: InterpolationMode | ElasticTransformOptions, fill?: number | ElasticTransformOptions, options?: ElasticTransformOptions) {
    super();
    const a = parseArgs("ElasticTransform", [alpha, sigma, interpolation, fill, options], ["alpha", "sigma", "interpolation", "fill", "generator"]);
    const pair = (v: unknown, name: string, dflt: number): number[] => {
      if (v === undefined) return [dflt, dflt];
      if (typeof v === "number") return [v, v];
      if (!Array.isArray(v) || !v.every((x) => typeof x === "number")) throw new TypeError(`${name} should be float or a sequence of floats. Got ${typeof v}`);
      if (v.length === 1) return [v[0], v[0]];
      if (v.length !== 2) throw new ValueError(`If ${name} is a sequence its length should be 2. Got ${v.length}`);
      return v.slice();
    };
    this.alpha = pair(a.alpha, "alpha", 50);
    this.sigma = pair(a.sigma, "sigma", 5);
    this.interpolation = (a.interpolation as InterpolationMode | undefined) ?? "bilinear";
    if (a.fill !== undefined && typeof a.fill !== "number") throw new TypeError(`fill should be int or float. Got ${typeof a.fill}`);
    this.fill = (a.fill as number | undefined) ?? 0;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward<T extends ImageLike>(img: T): T {
    const [, height, width] = F.get_dimensions(img);
    const displacement = ElasticTransform.get_params(this.alpha, this.sigma, [height, width], this.generator);
    return F.elastic_transform(img, displacement, this.interpolation, this.fill);
  }
  toString(): string {
    // torchvision 0.14's repr, unbalanced parentheses and unformatted placeholders included.
    return `ElasticTransform(alpha=${pySeq(this.alpha, false, true)}), (sigma=${pySeq(this.sigma, false, true)}), interpolation={self.interpolation}, fill={self.fill})`;
  }
}
