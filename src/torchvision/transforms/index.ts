/**
 * torchvision.transforms: image augmentation and conversion, with PyTorch's classes, semantics and
 * reprs. Transforms are callable (`t(img)`), take a tensor image [C, H, W], a batch [B, C, H, W]
 * (one set of random parameters per call, shared by the batch, as torchvision does) or a decoded
 * `Image`, and draw randomness from torch's default Generator (so `torch.manual_seed` reproduces
 * an augmented batch) or from a `generator` option.
 *
 * @example
 * const train_tf = new transforms.Compose([
 *   new transforms.RandomHorizontalFlip(),
 *   new transforms.RandomRotation(15),
 *   new transforms.ToTensor(),
 *   new transforms.Normalize([0.5], [0.5]),
 * ]);
 */
export { Transform, ImageTransform, TensorTransform } from "./transform";
export type { TransformFn, RandomOptions, ImageLike } from "./transform";
export { Compose, Lambda, RandomApply, RandomChoice, RandomOrder } from "./compose";
export { ToTensor, PILToTensor, ToImage, ToPILImage, ConvertImageDtype, Normalize, LinearTransformation } from "./conversion";
export { Resize, CenterCrop, Pad, RandomCrop, RandomResizedCrop, FiveCrop, TenCrop, RandomHorizontalFlip, RandomVerticalFlip } from "./geometry";
export { RandomRotation, RandomAffine, RandomPerspective, ElasticTransform } from "./rotation";
export { ColorJitter, Grayscale, RandomGrayscale, RandomInvert, GaussianBlur, RandomAdjustSharpness, RandomPosterize, RandomSolarize, RandomAutocontrast, RandomEqualize } from "./color";
export { RandomErasing } from "./erasing";
export { AutoAugment, AutoAugmentPolicy, RandAugment, TrivialAugmentWide, AugMix } from "./autoaugment";
export { InterpolationMode } from "./functional";
export * as functional from "./functional";
