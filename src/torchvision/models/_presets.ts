/**
 * torchvision.transforms._presets.ImageClassification: the evaluation preprocessing that
 * `weights.transforms()` returns. It lives here, beside the weights that use it.
 */
import { Tensor } from "../../tensor/tensor";
import { Module } from "../../nn/modules/module";
import { parseArgs } from "../../tensor/args";
import { Image } from "../io";
import * as F from "../transforms/functional";
import { TypeError } from "../../errors";

export interface ImageClassificationOptions {
  crop_size: number;
  /** Default: 256. */
  resize_size?: number;
  /** Default: ImageNet's (0.485, 0.456, 0.406). */
  mean?: number[];
  /** Default: ImageNet's (0.229, 0.224, 0.225). */
  std?: number[];
  /** Default: bilinear. */
  interpolation?: F.InterpolationMode;
}

const pyList = (v: readonly number[]): string => `[${v.join(", ")}]`;

/**
 * Resizes the shorter side to `resize_size`, crops the centre `crop_size` square, scales to
 * [0, 1] floats and normalizes with `mean` / `std`. Takes a decoded `Image`, a [C, H, W] or a
 * [B, C, H, W] tensor (uint8 or float in [0, 1]).
 *
 * @example
 * const preprocess = torchvision.models.ResNet18_Weights.DEFAULT.transforms();
 * preprocess(torchvision.io.read_image("cat.jpg")).shape   // [3, 224, 224]
 */
export class ImageClassification extends Module {
  static readonly __module__ = "torchvision.transforms._presets";
  crop_size: number[];
  resize_size: number[];
  mean: number[];
  std: number[];
  interpolation: F.InterpolationMode;

  constructor(options: ImageClassificationOptions) {
    super();
    const o = parseArgs("ImageClassification", [options], ["crop_size", "resize_size", "mean", "std", "interpolation"]);
    if (typeof o.crop_size !== "number") throw new TypeError("ImageClassification.__init__() missing 1 required keyword-only argument: 'crop_size'");
    this.crop_size = [o.crop_size];
    this.resize_size = [(o.resize_size as number | undefined) ?? 256];
    this.mean = [...((o.mean as number[] | undefined) ?? [0.485, 0.456, 0.406])];
    this.std = [...((o.std as number[] | undefined) ?? [0.229, 0.224, 0.225])];
    this.interpolation = (o.interpolation as F.InterpolationMode | undefined) ?? F.InterpolationMode.BILINEAR;
  }

  forward(img: Tensor | Image): Tensor {
    const resized = F.resize(img, this.resize_size, { interpolation: this.interpolation });
    const cropped = F.center_crop(resized, this.crop_size);
    const t = cropped instanceof Tensor ? cropped : F.pil_to_tensor(cropped);
    return F.normalize(F.convert_image_dtype(t, "float32"), this.mean, this.std);
  }

  toString(): string {
    const mode = `InterpolationMode.${this.interpolation.toUpperCase()}`;
    return `ImageClassification(\n    crop_size=${pyList(this.crop_size)}\n    resize_size=${pyList(this.resize_size)}\n    mean=${pyList(this.mean)}\n    std=${pyList(this.std)}\n    interpolation=${mode}\n)`;
  }
}
