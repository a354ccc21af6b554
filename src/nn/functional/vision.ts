/**
 * The vision part of torch.nn.functional: convolutions, pooling, interpolation, padding and batch
 * norm, with PyTorch's signatures. Positional parameters stay positional; keyword arguments go in a
 * trailing options object, which may also carry the positional ones:
 * `F.conv2d(x, w, b, 2, 1)` and `F.conv2d(x, w, {bias: b, stride: 2, padding: 1})` are the same call.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import * as C from "../../ops/conv";
import * as P from "../../ops/pool";
import * as I from "../../ops/interpolate";
import * as D from "../../ops/pad";
import * as B from "../../ops/batchnorm";

type IntOrPair = number | number[];

/** Strips trailing `undefined`s so that `f(x, w, undefined, {stride: 2})`-style calls parse. */
function args(op: string, raw: unknown[], names: readonly string[]): Record<string, unknown> {
  const a = raw.slice();
  while (a.length && a[a.length - 1] === undefined) a.pop();
  return parseArgs(op, a, names);
}

// ------------------------------------------------------------------ convolution

export interface Conv2dOptions {
  bias?: Tensor | null;
  stride?: IntOrPair;
  padding?: IntOrPair | "same" | "valid";
  dilation?: IntOrPair;
  groups?: number;
}

/**
 * 2-D convolution, PyTorch's `F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)`.
 *
 * Shape: input [N, C_in, H, W] (or [C_in, H, W]), weight [C_out, C_in/groups, kH, kW], bias [C_out];
 * output [N, C_out, H_out, W_out] with H_out = floor((H + 2*padding - dilation*(kH-1) - 1) / stride) + 1.
 *
 * @example
 * F.conv2d(torch.rand(1, 1, 28, 28), torch.rand(3, 1, 3, 3)).shape   // [1, 3, 26, 26]
 * F.conv2d(x, w, {bias: b, stride: 2, padding: 'valid'})
 */
export function conv2d(
  input: Tensor,
  weight: Tensor,
  bias?: Tensor | null | Conv2dOptions,
  stride?: IntOrPair | Conv2dOptions,
  padding?: IntOrPair | "same" | "valid" | Conv2dOptions,
  dilation?: IntOrPair | Conv2dOptions,
  groups?: number | Conv2dOptions,
): Tensor {
  const o = args("conv2d", [bias, stride, padding, dilation, groups], ["bias", "stride", "padding", "dilation", "groups"]);
  return C.conv2d(input, weight, o as C.ConvOptions);
}

export interface ConvTranspose2dOptions {
  bias?: Tensor | null;
  stride?: IntOrPair;
  padding?: IntOrPair;
  output_padding?: IntOrPair;
  groups?: number;
  dilation?: IntOrPair;
}

/**
 * 2-D transposed convolution, PyTorch's
 * `F.conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1)`.
 *
 * Shape: weight [C_in, C_out/groups, kH, kW]; H_out = (H - 1)*stride - 2*padding + dilation*(kH-1) + output_padding + 1.
 */
export function conv_transpose2d(
  input: Tensor,
  weight: Tensor,
  bias?: Tensor | null | ConvTranspose2dOptions,
  stride?: IntOrPair | ConvTranspose2dOptions,
  padding?: IntOrPair | ConvTranspose2dOptions,
  output_padding?: IntOrPair | ConvTranspose2dOptions,
  groups?: number | ConvTranspose2dOptions,
  dilation?: IntOrPair | ConvTranspose2dOptions,
): Tensor {
  const o = args("conv_transpose2d", [bias, stride, padding, output_padding, groups, dilation], ["bias", "stride", "padding", "output_padding", "groups", "dilation"]);
  return C.conv_transpose2d(input, weight, o as C.ConvTransposeOptions);
}

// ------------------------------------------------------------------ pooling

export interface MaxPool2dOptions {
  kernel_size?: IntOrPair;
  stride?: IntOrPair | null;
  padding?: IntOrPair;
  dilation?: IntOrPair;
  ceil_mode?: boolean;
  return_indices?: boolean;
}

/**
 * 2-D max pooling, PyTorch's
 * `F.max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)`.
 * The stride defaults to the kernel size; padding is -inf. With `return_indices: true` the result is
 * `[values, indices]`.
 *
 * @example
 * F.max_pool2d(x, 2)                          // [1, 3, 26, 26] -> [1, 3, 13, 13]
 * F.max_pool2d(x, 3, {stride: 2, padding: 1, ceil_mode: true})
 */
export function max_pool2d(input: Tensor, kernel_size: IntOrPair | MaxPool2dOptions, options: MaxPool2dOptions & { return_indices: true }): [Tensor, Tensor];
export function max_pool2d(
  input: Tensor,
  kernel_size: IntOrPair | MaxPool2dOptions,
  stride?: IntOrPair | null | MaxPool2dOptions,
  padding?: IntOrPair | MaxPool2dOptions,
  dilation?: IntOrPair | MaxPool2dOptions,
  ceil_mode?: boolean | MaxPool2dOptions,
  return_indices?: boolean | MaxPool2dOptions,
): Tensor;
export function max_pool2d(input: Tensor, ...rest: unknown[]): Tensor | [Tensor, Tensor] {
  const o = args("max_pool2d", rest, ["kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"]);
  return P.max_pool2d(input, o.kernel_size as IntOrPair, o as P.MaxPoolOptions);
}

export interface AvgPool2dOptions {
  kernel_size?: IntOrPair;
  stride?: IntOrPair | null;
  padding?: IntOrPair;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
}

/**
 * 2-D average pooling, PyTorch's
 * `F.avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)`.
 */
export function avg_pool2d(
  input: Tensor,
  kernel_size: IntOrPair | AvgPool2dOptions,
  stride?: IntOrPair | null | AvgPool2dOptions,
  padding?: IntOrPair | AvgPool2dOptions,
  ceil_mode?: boolean | AvgPool2dOptions,
  count_include_pad?: boolean | AvgPool2dOptions,
  divisor_override?: number | null | AvgPool2dOptions,
): Tensor {
  const o = args("avg_pool2d", [kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override], [
    "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override",
  ]);
  return P.avg_pool2d(input, o.kernel_size as IntOrPair, o as P.AvgPoolOptions);
}

/** An int, a pair, or a pair with null meaning "keep the input size". */
export type AdaptiveSize = number | null | (number | null)[];

/**
 * Adaptive average pooling to `output_size`, PyTorch's `F.adaptive_avg_pool2d`.
 * @example F.adaptive_avg_pool2d(x, 1)   // global average pool: [N, C, 1, 1]
 */
export function adaptive_avg_pool2d(input: Tensor, output_size: AdaptiveSize | { output_size?: AdaptiveSize }): Tensor {
  const o = args("adaptive_avg_pool2d", [output_size], ["output_size"]);
  return P.adaptive_avg_pool2d(input, o.output_size as AdaptiveSize);
}

/** Adaptive max pooling, PyTorch's `F.adaptive_max_pool2d(input, output_size, return_indices=False)`. */
export function adaptive_max_pool2d(input: Tensor, output_size: AdaptiveSize, options: { return_indices: true }): [Tensor, Tensor];
export function adaptive_max_pool2d(
  input: Tensor,
  output_size: AdaptiveSize | { output_size?: AdaptiveSize; return_indices?: boolean },
  return_indices?: boolean | { return_indices?: boolean },
): Tensor;
export function adaptive_max_pool2d(input: Tensor, ...rest: unknown[]): Tensor | [Tensor, Tensor] {
  const o = args("adaptive_max_pool2d", rest, ["output_size", "return_indices"]);
  return P.adaptive_max_pool2d(input, o.output_size as AdaptiveSize, { return_indices: (o.return_indices as boolean | undefined) ?? false });
}

// ------------------------------------------------------------------ interpolation

export type InterpolateOptions = I.InterpolateOptions;

/**
 * Resizes [N, C, *spatial] to `size` or by `scale_factor`, PyTorch's
 * `F.interpolate(input, size=None, scale_factor=None, mode='nearest', align_corners=None, recompute_scale_factor=None, antialias=False)`.
 * Modes: 'nearest' (PyTorch's legacy floor rule), 'nearest-exact', 'linear', 'bilinear', 'bicubic',
 * 'trilinear', 'area'.
 *
 * @example
 * F.interpolate(x, {scale_factor: 2, mode: 'nearest'})
 * F.interpolate(x, {size: [32, 32], mode: 'bilinear', align_corners: false})
 */
export function interpolate(
  input: Tensor,
  size?: number | number[] | null | InterpolateOptions,
  scale_factor?: number | number[] | null | InterpolateOptions,
  mode?: I.InterpolateMode | InterpolateOptions,
  align_corners?: boolean | null | InterpolateOptions,
  recompute_scale_factor?: boolean | null | InterpolateOptions,
  antialias?: boolean | InterpolateOptions,
): Tensor {
  const o = args("interpolate", [size, scale_factor, mode, align_corners, recompute_scale_factor, antialias], [
    "size", "scale_factor", "mode", "align_corners", "recompute_scale_factor", "antialias",
  ]);
  return I.interpolate(input, o as InterpolateOptions);
}

type UpsampleOptions = Omit<InterpolateOptions, "recompute_scale_factor" | "antialias">;

/** Deprecated alias of `F.interpolate` (PyTorch's `F.upsample`). */
export function upsample(
  input: Tensor,
  size?: number | number[] | null | UpsampleOptions,
  scale_factor?: number | number[] | null | UpsampleOptions,
  mode?: I.InterpolateMode | UpsampleOptions,
  align_corners?: boolean | null | UpsampleOptions,
): Tensor {
  const o = args("upsample", [size, scale_factor, mode, align_corners], ["size", "scale_factor", "mode", "align_corners"]);
  return I.interpolate(input, o as InterpolateOptions);
}

/** Deprecated: nearest upsampling (`F.interpolate(..., mode='nearest')`). */
export function upsample_nearest(input: Tensor, size?: number | number[] | null | UpsampleOptions, scale_factor?: number | number[] | null | UpsampleOptions): Tensor {
  const o = args("upsample_nearest", [size, scale_factor], ["size", "scale_factor"]);
  return I.interpolate(input, { ...(o as InterpolateOptions), mode: "nearest" });
}

/** Deprecated: bilinear upsampling with align_corners=True, as PyTorch's `F.upsample_bilinear`. */
export function upsample_bilinear(input: Tensor, size?: number | number[] | null | UpsampleOptions, scale_factor?: number | number[] | null | UpsampleOptions): Tensor {
  const o = args("upsample_bilinear", [size, scale_factor], ["size", "scale_factor"]);
  return I.interpolate(input, { ...(o as InterpolateOptions), mode: "bilinear", align_corners: true });
}

// ------------------------------------------------------------------ padding

export type PadMode = D.PadMode;
export interface PadOptions {
  pad?: number[];
  mode?: PadMode;
  value?: number | null;
}

/**
 * Pads the last dims of `input`, PyTorch's `F.pad(input, pad, mode='constant', value=None)`. `pad`
 * lists (before, after) pairs starting from the LAST dimension: [left, right, top, bottom, ...].
 *
 * @example
 * F.pad(x, [1, 1, 2, 2])                          // W +1/+1, H +2/+2, zeros
 * F.pad(x, [2, 2, 2, 2], {mode: 'reflect'})
 */
export function pad(input: Tensor, pad: number[] | PadOptions, mode?: PadMode | PadOptions, value?: number | null | PadOptions): Tensor {
  const o = args("pad", [pad, mode, value], ["pad", "mode", "value"]);
  return D.pad(input, o.pad as number[], (o.mode as PadMode | undefined) ?? "constant", (o.value as number | null | undefined) ?? null);
}

// ------------------------------------------------------------------ batch norm

export type BatchNormFnOptions = B.BatchNormOptions;

/**
 * Batch normalisation, PyTorch's
 * `F.batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)`.
 * In training the batch statistics normalise (biased variance) and the running ones, when given, are
 * updated in place (unbiased variance for running_var).
 */
export function batch_norm(
  input: Tensor,
  running_mean: Tensor | null,
  running_var: Tensor | null,
  weight?: Tensor | null | BatchNormFnOptions,
  bias?: Tensor | null | BatchNormFnOptions,
  training?: boolean | BatchNormFnOptions,
  momentum?: number | BatchNormFnOptions,
  eps?: number | BatchNormFnOptions,
): Tensor {
  const o = args("batch_norm", [weight, bias, training, momentum, eps], ["weight", "bias", "training", "momentum", "eps"]);
  return B.batch_norm(input, running_mean ?? null, running_var ?? null, o as B.BatchNormOptions);
}
