/** 3-D pooling layers: MaxPool3d, AvgPool3d, AdaptiveAvgPool3d, AdaptiveMaxPool3d. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";
import * as P from "../../ops/pool3d";
import { pyRepr, required, clone } from "./pooling";
import type { AvgPool3dOptions, MaxPool3dOptions } from "../functional/pool3d";

export type { AvgPool3dOptions, MaxPool3dOptions };

type Size3 = number | number[];

function parse(layer: string, raw: unknown[], names: string[]): Record<string, unknown> {
  while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
  return parseArgs(layer, raw, names);
}

/**
 * 3-D max pooling over [N, C, D, H, W] (or [C, D, H, W]).
 *
 * Args:
 *   kernel_size: window size, an int or [kD, kH, kW].
 *   stride: Default: kernel_size.  padding: implicit -inf padding, at most half the kernel. Default: 0.
 *   dilation: Default: 1.  return_indices: also return the flat argmax indices. Default: false.
 *   ceil_mode: round the output size up. Default: false.
 *
 * Shape: D_out = floor((D + 2*padding - dilation*(kD-1) - 1) / stride + 1), likewise H_out, W_out.
 *
 * @example
 * new nn.MaxPool3d(2)(torch.rand(1, 3, 8, 16, 16)).shape   // [1, 3, 4, 8, 8]
 */
export class MaxPool3d extends Module {
  kernel_size: Size3;
  stride: Size3;
  padding: Size3;
  dilation: Size3;
  return_indices: boolean;
  ceil_mode: boolean;

  constructor(
    kernel_size: Size3 | MaxPool3dOptions,
    stride?: Size3 | null | MaxPool3dOptions,
    padding?: Size3 | MaxPool3dOptions,
    dilation?: Size3 | MaxPool3dOptions,
    return_indices?: boolean | MaxPool3dOptions,
    ceil_mode?: boolean | MaxPool3dOptions,
  ) {
    super();
    const a = parse("MaxPool3d", [kernel_size, stride, padding, dilation, return_indices, ceil_mode], ["kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"]);
    this.kernel_size = clone(required("MaxPool3d", "kernel_size", a.kernel_size) as Size3);
    this.stride = clone((a.stride as Size3 | null | undefined) ?? this.kernel_size);
    this.padding = clone((a.padding as Size3 | undefined) ?? 0);
    this.dilation = clone((a.dilation as Size3 | undefined) ?? 1);
    this.return_indices = (a.return_indices as boolean | undefined) ?? false;
    this.ceil_mode = (a.ceil_mode as boolean | undefined) ?? false;
  }

  forward(input: Tensor): Tensor {
    return P.max_pool3d(input, this.kernel_size, {
      stride: this.stride, padding: this.padding, dilation: this.dilation, ceil_mode: this.ceil_mode, return_indices: this.return_indices,
    }) as Tensor;
  }

  extra_repr(): string {
    return `kernel_size=${pyRepr(this.kernel_size)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}, dilation=${pyRepr(this.dilation)}, ceil_mode=${pyRepr(this.ceil_mode)}`;
  }
}

/**
 * 3-D average pooling.
 *
 * Args:
 *   kernel_size, stride (default kernel_size), padding (zeros, at most half the kernel), ceil_mode.
 *   count_include_pad: count the zero padding in the divisor. Default: true.
 *   divisor_override: divide every window by this instead. Default: null.
 *
 * @example
 * new nn.AvgPool3d(3, {stride: 2, padding: 1})(torch.rand(1, 2, 5, 7, 7)).shape   // [1, 2, 3, 4, 4]
 */
export class AvgPool3d extends Module {
  kernel_size: Size3;
  stride: Size3;
  padding: Size3;
  ceil_mode: boolean;
  count_include_pad: boolean;
  divisor_override: number | null;

  constructor(
    kernel_size: Size3 | AvgPool3dOptions,
    stride?: Size3 | null | AvgPool3dOptions,
    padding?: Size3 | AvgPool3dOptions,
    ceil_mode?: boolean | AvgPool3dOptions,
    count_include_pad?: boolean | AvgPool3dOptions,
    divisor_override?: number | null | AvgPool3dOptions,
  ) {
    super();
    const a = parse("AvgPool3d", [kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override], ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"]);
    this.kernel_size = clone(required("AvgPool3d", "kernel_size", a.kernel_size) as Size3);
    this.stride = clone((a.stride as Size3 | null | undefined) ?? this.kernel_size);
    this.padding = clone((a.padding as Size3 | undefined) ?? 0);
    this.ceil_mode = (a.ceil_mode as boolean | undefined) ?? false;
    this.count_include_pad = (a.count_include_pad as boolean | undefined) ?? true;
    this.divisor_override = (a.divisor_override as number | null | undefined) ?? null;
  }

  forward(input: Tensor): Tensor {
    return P.avg_pool3d(input, this.kernel_size, {
      stride: this.stride, padding: this.padding, ceil_mode: this.ceil_mode, count_include_pad: this.count_include_pad, divisor_override: this.divisor_override,
    });
  }

  extra_repr(): string {
    return `kernel_size=${pyRepr(this.kernel_size)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}`;
  }
}

/**
 * Adaptive average pooling to a fixed [D_out, H_out, W_out] (null keeps that input size).
 *
 * @example
 * new nn.AdaptiveAvgPool3d(1)(torch.rand(2, 64, 4, 7, 5)).shape   // [2, 64, 1, 1, 1]
 */
export class AdaptiveAvgPool3d extends Module {
  output_size: P.AdaptiveSize3;
  constructor(output_size: P.AdaptiveSize3 | { output_size?: P.AdaptiveSize3 }) {
    super();
    const a = parseArgs("AdaptiveAvgPool3d", [output_size], ["output_size"]);
    this.output_size = clone(required("AdaptiveAvgPool3d", "output_size", a.output_size) as P.AdaptiveSize3);
  }
  forward(input: Tensor): Tensor {
    return P.adaptive_avg_pool3d(input, this.output_size);
  }
  extra_repr(): string {
    return `output_size=${pyRepr(this.output_size)}`;
  }
}

/**
 * Adaptive max pooling to a fixed [D_out, H_out, W_out]; `return_indices` also returns the argmax.
 *
 * @example
 * new nn.AdaptiveMaxPool3d([2, null, 2])(torch.rand(1, 3, 5, 4, 4)).shape   // [1, 3, 2, 4, 2]
 */
export class AdaptiveMaxPool3d extends Module {
  output_size: P.AdaptiveSize3;
  return_indices: boolean;
  constructor(output_size: P.AdaptiveSize3 | { output_size?: P.AdaptiveSize3; return_indices?: boolean }, return_indices?: boolean | { return_indices?: boolean }) {
    super();
    const a = parse("AdaptiveMaxPool3d", [output_size, return_indices], ["output_size", "return_indices"]);
    this.output_size = clone(required("AdaptiveMaxPool3d", "output_size", a.output_size) as P.AdaptiveSize3);
    this.return_indices = (a.return_indices as boolean | undefined) ?? false;
  }
  forward(input: Tensor): Tensor {
    return P.adaptive_max_pool3d(input, this.output_size, { return_indices: this.return_indices }) as Tensor;
  }
  extra_repr(): string {
    return `output_size=${pyRepr(this.output_size)}`;
  }
}
