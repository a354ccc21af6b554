/**
 * RandomErasing (Zhong et al., 2017): blanks a random rectangle of a tensor image.
 */
import { Tensor } from "../../tensor/tensor";
import { Generator } from "../../tensor/random";
import { parseArgs } from "../../tensor/args";
import { randn } from "../../ops/creation";
import { tensor } from "../../ops/creation";
import { TypeError, ValueError } from "../../errors";
import { asPyTuple } from "../../pyrepr";
import * as F from "./functional";
import { TensorTransform, RandomOptions, gen, uniform, pyValue } from "./transform";

type EraseValue = number | number[] | "random";

export interface RandomErasingOptions extends RandomOptions {
  p?: number;
  scale?: number[];
  ratio?: number[];
  value?: EraseValue;
  inplace?: boolean;
}

/**
 * With probability `p`, erases a rectangle covering a fraction `scale` of the image with aspect
 * ratio in `ratio` (log-uniform), filling it with `value` (a number, one per channel, or 'random'
 * for standard normal noise). Tensor images only, as in torchvision; use after ToTensor.
 *
 * @example new transforms.RandomErasing({p: 0.5, value: "random"})
 */
export class RandomErasing extends TensorTransform {
  p: number;
  scale: number[];
  ratio: number[];
  value: EraseValue;
  inplace: boolean;
  private defaults: { scale: boolean; ratio: boolean };
  private generator: RandomOptions["generator"];

  /** [i, j, h, w, v]; when ten tries fail, [0, 0, H, W, img] (the image unchanged). */
  static get_params(img: Tensor, scale: number[], ratio: number[], value: number[] | null = null, generator?: Generator | null): [number, number, number, number, Tensor] {
    const s = img.shape;
    const [imgC, imgH, imgW] = [s[s.length - 3], s[s.length - 2], s[s.length - 1]];
    const area = imgH * imgW;
    const g = gen(generator);
    const logRatio = [Math.fround(Math.log(Math.fround(ratio[0]))), Math.fround(Math.log(Math.fround(ratio[1])))];
    for (let attempt = 0; attempt < 10; attempt++) {
      const eraseArea = area * uniform(g, scale[0], scale[1]);
      const aspect = Math.fround(Math.exp(uniform(g, logRatio[0], logRatio[1])));
      const h = pyRound(Math.sqrt(eraseArea * aspect));
      const w = pyRound(Math.sqrt(eraseArea / aspect));
      if (!(h < imgH && w < imgW)) continue;
      // torch.tensor(value)[:, None, None]: integer values give an int64 tensor, as in torchvision.
      const v = value === null ? randn([imgC, h, w], { generator: g }) : tensor(value).view(value.length, 1, 1);
      const i = g.randint(0, imgH - h + 1);
      const j = g.randint(0, imgW - w + 1);
      return asPyTuple([i, j, h, w, v]);
    }
    return asPyTuple([0, 0, imgH, imgW, img]);
  }

  constructor(p?: number | RandomErasingOptions, scale?: number[] | RandomErasingOptions, ratio?: number[] | RandomErasingOptions, value?: EraseValue | RandomErasingOptions, inplace?: boolean | RandomErasingOptions, options?: RandomErasingOptions) {
    super();
    const a = parseArgs("RandomErasing", [p, scale, ratio, value, inplace, options], ["p", "scale", "ratio", "value", "inplace", "generator"]);
    const v = a.value ?? 0;
    if (typeof v !== "number" && typeof v !== "string" && !Array.isArray(v)) throw new TypeError("Argument value should be either a number or str or a sequence");
    if (typeof v === "string" && v !== "random") throw new ValueError("If value is str, it should be 'random'");
    const sc = a.scale ?? [0.02, 0.33];
    const ra = a.ratio ?? [0.3, 3.3];
    if (!Array.isArray(sc)) throw new TypeError("Scale should be a sequence");
    if (!Array.isArray(ra)) throw new TypeError("Ratio should be a sequence");
    if (sc[0] < 0 || sc[1] > 1) throw new ValueError("Scale should be between 0 and 1");
    const pr = (a.p as number | undefined) ?? 0.5;
    if (pr < 0 || pr > 1) throw new ValueError("Random erasing probability should be between 0 and 1");
    this.p = pr;
    this.scale = sc;
    this.ratio = ra;
    this.defaults = { scale: a.scale === undefined, ratio: a.ratio === undefined };
    this.value = v as EraseValue;
    this.inplace = (a.inplace as boolean | undefined) ?? false;
    this.generator = a.generator as RandomOptions["generator"];
  }
  forward(img: Tensor): Tensor {
    if (!(img instanceof Tensor)) throw new TypeError(`img should be Tensor Image. Got ${img === null ? "null" : (img as object).constructor?.name ?? typeof img}`);
    const g = gen(this.generator);
    if (!(g.random() < this.p)) return img;
    const value = typeof this.value === "number" ? [this.value] : this.value === "random" ? null : this.value;
    const c = img.shape[img.dim() - 3];
    if (value !== null && value.length !== 1 && value.length !== c) {
      throw new ValueError(`If value is a sequence, it should have either a single value or ${c} (number of input channels)`);
    }
    const [i, j, h, w, v] = RandomErasing.get_params(img, this.scale, this.ratio, value, g);
    return F.erase(img, i, j, h, w, v, this.inplace);
  }
  toString(): string {
    const seq = (v: number[], isDefault: boolean): string => (isDefault ? `(${v.map((x) => (Number.isInteger(x) ? `${x}.0` : String(x))).join(", ")})` : pyValue(v));
    const val = this.value === "random" ? "random" : pyValue(this.value);
    return `RandomErasing(p=${pyValue(this.p)}, scale=${seq(this.scale, this.defaults.scale)}, ratio=${seq(this.ratio, this.defaults.ratio)}, value=${val}, inplace=${pyValue(this.inplace)})`;
  }
}

function pyRound(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
