/**
 * Conversions between decoded images and tensors, and Normalize.
 */
import { Tensor, DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { TypeError, ValueError } from "../../errors";
import { Image, ImageMode } from "../io";
import * as F from "./functional";
import type { ChannelValues } from "./functional";
import { Transform, TensorTransform, pyNum, pyValue } from "./transform";

/**
 * Image (HWC, 0..255) -> float tensor [C, H, W] in [0, 1], as torchvision's ToTensor on a PIL image.
 * A tensor is refused with PyTorch's TypeError (it needs no conversion).
 *
 * Shape: Image of H x W with C channels -> [C, H, W].
 * @example new transforms.ToTensor()(img)   // float32 [1, 28, 28] for an MNIST digit
 */
export interface ToTensor {
  (pic: Image): Tensor;
}
export class ToTensor extends Transform {
  forward(pic: unknown): Tensor {
    return F.to_tensor(pic as Image);
  }
  toString(): string {
    return "ToTensor()";
  }
}

/** Image -> integer tensor [C, H, W] with the pixel values 0..255 (torchvision's uint8). */
export interface PILToTensor {
  (pic: Image): Tensor;
}
export class PILToTensor extends Transform {
  forward(pic: unknown): Tensor {
    return F.pil_to_tensor(pic as Image);
  }
  toString(): string {
    return "PILToTensor()";
  }
}

/**
 * transforms.v2's ToImage: an `Image` becomes an integer tensor [C, H, W] (0..255); a tensor passes
 * through unchanged.
 */
export interface ToImage {
  (img: Image | Tensor): Tensor;
}
export class ToImage extends Transform {
  forward(img: unknown): Tensor {
    if (img instanceof Tensor) return img;
    return F.pil_to_tensor(img as Image);
  }
  toString(): string {
    return "ToImage()";
  }
}

/** Tensor [C, H, W] (float in [0, 1] or integer 0..255) -> Image. */
export interface ToPILImage {
  (pic: Tensor | Image): Image;
}
export class ToPILImage extends Transform {
  mode: ImageMode | null;
  constructor(mode: ImageMode | null | { mode?: ImageMode | null } = null, options?: { mode?: ImageMode | null }) {
    super();
    const a = parseArgs("ToPILImage", [mode, options], ["mode"]);
    this.mode = (a.mode as ImageMode | null | undefined) ?? null;
  }
  forward(pic: unknown): Image {
    return F.to_pil_image(pic as Tensor, this.mode ?? undefined);
  }
  toString(): string {
    return this.mode === null ? "ToPILImage()" : `ToPILImage(mode=${this.mode})`;
  }
}

/** Converts float images in [0, 1] to integer images in 0..255 and back (convert_image_dtype). */
export class ConvertImageDtype extends TensorTransform {
  dtype: DType | string;
  constructor(dtype: DType | string | { dtype: DType | string }, options?: { dtype?: DType | string }) {
    super();
    const a = parseArgs("ConvertImageDtype", [dtype, options], ["dtype"]);
    if (a.dtype === undefined) throw new TypeError("ConvertImageDtype() missing 1 required positional argument: 'dtype'");
    this.dtype = a.dtype as DType | string;
  }
  forward(image: Tensor): Tensor {
    return F.convert_image_dtype(image, this.dtype);
  }
  toString(): string {
    return "ConvertImageDtype()";
  }
}

export interface NormalizeOptions {
  mean?: ChannelValues;
  std?: ChannelValues;
  inplace?: boolean;
}

/**
 * Normalises each channel: (x - mean[c]) / std[c], on a float tensor [..., C, H, W].
 *
 * Args:
 *   mean, std: one value per channel (or one for all); a zero std is a ValueError.
 *   inplace: overwrite the input tensor.
 *
 * @example new transforms.Normalize([0.5], [0.5])   // [0, 1] -> [-1, 1]
 */
export class Normalize extends TensorTransform {
  mean: ChannelValues;
  std: ChannelValues;
  inplace: boolean;
  constructor(mean: ChannelValues | NormalizeOptions, std?: ChannelValues | NormalizeOptions, inplace?: boolean | NormalizeOptions, options?: NormalizeOptions) {
    super();
    const a = parseArgs("Normalize", [mean, std, inplace, options], ["mean", "std", "inplace"]);
    if (a.mean === undefined || a.std === undefined) throw new TypeError("Normalize() missing required arguments: 'mean' and 'std'");
    this.mean = a.mean as ChannelValues;
    this.std = a.std as ChannelValues;
    this.inplace = (a.inplace as boolean | undefined) ?? false;
  }
  forward(tensor: Tensor): Tensor {
    return F.normalize(tensor, this.mean, this.std, this.inplace);
  }
  toString(): string {
    return `Normalize(mean=${pyValue(this.mean)}, std=${pyValue(this.std)})`;
  }
}

/**
 * Flattens each image (D = C x H x W values), subtracts `mean_vector` [D] and multiplies by
 * `transformation_matrix` [D, D] (e.g. ZCA whitening computed offline).
 */
export class LinearTransformation extends TensorTransform {
  transformation_matrix: Tensor;
  mean_vector: Tensor;
  constructor(transformation_matrix: Tensor | { transformation_matrix: Tensor; mean_vector: Tensor }, mean_vector?: Tensor | { mean_vector: Tensor }, options?: { mean_vector?: Tensor }) {
    super();
    const a = parseArgs("LinearTransformation", [transformation_matrix, mean_vector, options], ["transformation_matrix", "mean_vector"]);
    const m = a.transformation_matrix as Tensor;
    const v = a.mean_vector as Tensor;
    if (!(m instanceof Tensor) || !(v instanceof Tensor)) throw new TypeError("LinearTransformation(): transformation_matrix and mean_vector must be Tensors");
    if (m.dim() !== 2 || m.shape[0] !== m.shape[1]) throw new ValueError(`transformation_matrix should be square. Got (${m.shape.join(", ")}) rectangular matrix.`);
    if (v.shape[0] !== m.shape[0]) {
      throw new ValueError(`mean_vector should have the same length ${v.shape[0]} as any one of the dimensions of the transformation_matrix [(${m.shape.join(", ")})]`);
    }
    this.transformation_matrix = m;
    this.mean_vector = v;
  }
  forward(tensor: Tensor): Tensor {
    const s = tensor.shape;
    const n = s.slice(-3).reduce((a, b) => a * b, 1);
    if (n !== this.transformation_matrix.shape[0]) {
      throw new ValueError(`Input tensor and transformation matrix have incompatible shape.[${s[s.length - 3]} x ${s[s.length - 2]} x ${s[s.length - 1]}] != ${this.transformation_matrix.shape[0]}`);
    }
    if (tensor.dtype !== this.mean_vector.dtype) {
      throw new TypeError(`Input tensor should have the same dtype as transformation matrix and mean vector. Got ${tensor.dtype} vs ${this.mean_vector.dtype}`);
    }
    return tensor.reshape([-1, n]).sub(this.mean_vector).mm(this.transformation_matrix).reshape(s);
  }
  toString(): string {
    const fmt = (v: unknown): string => (Array.isArray(v) ? `[${v.map(fmt).join(", ")}]` : pyNum(v as number, this.mean_vector.dtype._tf === "float32"));
    return `LinearTransformation(transformation_matrix=${fmt(this.transformation_matrix.tolist())}, mean_vector=${fmt(this.mean_vector.tolist())})`;
  }
}
