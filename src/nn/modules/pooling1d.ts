/** 1-D pooling layers: MaxPool1d, AvgPool1d, AdaptiveAvgPool1d, AdaptiveMaxPool1d. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";
import { pyRepr, required, clone } from "./pooling";
import { max_pool1d, avg_pool1d, adaptive_avg_pool1d, adaptive_max_pool1d, single } from "../functional/conv1d";
import type { IntOrSingle, MaxPool1dOptions, AvgPool1dOptions } from "../functional/conv1d";
import { TypeError } from "../../errors";

export type { MaxPool1dOptions, AvgPool1dOptions };

/**
 * 1-D max pooling over [N, C, L] (or [C, L]).
 *
 * Args: kernel_size; stride (default kernel_size); padding (-inf, at most half the kernel);
 * dilation; return_indices (also return the argmax along L); ceil_mode.
 *
 * @example
 * new nn.MaxPool1d(3, {stride: 2})(torch.randn(20, 16, 50)).shape   // [20, 16, 24]
 */
export class MaxPool1d extends Module {
  kernel_size: IntOrSingle;
  stride: IntOrSingle;
  padding: IntOrSingle;
  dilation: IntOrSingle;
  return_indices: boolean;
  ceil_mode: boolean;

  constructor(
    kernel_size: IntOrSingle | MaxPool1dOptions,
    stride?: IntOrSingle | null | MaxPool1dOptions,
    padding?: IntOrSingle | MaxPool1dOptions,
    dilation?: IntOrSingle | MaxPool1dOptions,
    return_indices?: boolean | MaxPool1dOptions,
    ceil_mode?: boolean | MaxPool1dOptions,
  ) {
    super();
    const raw = [kernel_size, stride, padding, dilation, return_indices, ceil_mode];
    const a = parseArgs("MaxPool1d", raw, ["kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"]);
    this.kernel_size = clone(required("MaxPool1d", "kernel_size", a.kernel_size) as IntOrSingle);
    single("MaxPool1d", "kernel_size", this.kernel_size);
    this.stride = clone((a.stride as IntOrSingle | null | undefined) ?? this.kernel_size);
    this.padding = clone((a.padding as IntOrSingle | undefined) ?? 0);
    this.dilation = clone((a.dilation as IntOrSingle | undefined) ?? 1);
    this.return_indices = (a.return_indices as boolean | undefined) ?? false;
    this.ceil_mode = (a.ceil_mode as boolean | undefined) ?? false;
  }

  forward(input: Tensor): Tensor {
    return max_pool1d(input, this.kernel_size, {
      stride: this.stride, padding: this.padding, dilation: this.dilation, ceil_mode: this.ceil_mode, return_indices: this.return_indices,
    }) as Tensor;
  }

  extra_repr(): string {
    return `kernel_size=${pyRepr(this.kernel_size)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}, dilation=${pyRepr(this.dilation)}, ceil_mode=${pyRepr(this.ceil_mode)}`;
  }
}

/**
 * 1-D average pooling. PyTorch keeps its sizes as 1-tuples, and prints them so.
 *
 * @example
 * new nn.AvgPool1d(3, {stride: 2})(torch.tensor([[[1, 2, 3, 4, 5, 6, 7]]]).float())   // tensor([[[2., 4., 6.]]])
 */
export class AvgPool1d extends Module {
  kernel_size: [number];
  stride: [number];
  padding: [number];
  ceil_mode: boolean;
  count_include_pad: boolean;

  constructor(
    kernel_size: IntOrSingle | AvgPool1dOptions,
    stride?: IntOrSingle | null | AvgPool1dOptions,
    padding?: IntOrSingle | AvgPool1dOptions,
    ceil_mode?: boolean | AvgPool1dOptions,
    count_include_pad?: boolean | AvgPool1dOptions,
  ) {
    super();
    const raw = [kernel_size, stride, padding, ceil_mode, count_include_pad];
    const a = parseArgs("AvgPool1d", raw, ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"]);
    this.kernel_size = [single("AvgPool1d", "kernel_size", required("AvgPool1d", "kernel_size", a.kernel_size))];
    this.stride = [single("AvgPool1d", "stride", a.stride ?? this.kernel_size)];
    this.padding = [single("AvgPool1d", "padding", a.padding ?? 0)];
    this.ceil_mode = (a.ceil_mode as boolean | undefined) ?? false;
    this.count_include_pad = (a.count_include_pad as boolean | undefined) ?? true;
  }

  forward(input: Tensor): Tensor {
    return avg_pool1d(input, this.kernel_size, { stride: this.stride, padding: this.padding, ceil_mode: this.ceil_mode, count_include_pad: this.count_include_pad });
  }

  extra_repr(): string {
    return `kernel_size=${pyRepr(this.kernel_size)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}`;
  }
}

/**
 * Adaptive average pooling over L to `output_size`.
 * @example new nn.AdaptiveAvgPool1d(5)(torch.randn(1, 64, 8)).shape   // [1, 64, 5]
 */
export class AdaptiveAvgPool1d extends Module {
  output_size: IntOrSingle;
  constructor(output_size: IntOrSingle | { output_size?: IntOrSingle }) {
    super();
    const a = parseArgs("AdaptiveAvgPool1d", [output_size], ["output_size"]);
    this.output_size = clone(required("AdaptiveAvgPool1d", "output_size", a.output_size) as IntOrSingle);
    single("AdaptiveAvgPool1d", "output_size", this.output_size);
  }
  forward(input: Tensor): Tensor {
    return adaptive_avg_pool1d(input, this.output_size);
  }
  extra_repr(): string {
    return `output_size=${pyRepr(this.output_size)}`;
  }
}

/**
 * Adaptive max pooling over L; `return_indices` also returns the argmax along L.
 * @example new nn.AdaptiveMaxPool1d(5)(torch.randn(1, 64, 8)).shape   // [1, 64, 5]
 */
export class AdaptiveMaxPool1d extends Module {
  output_size: IntOrSingle;
  return_indices: boolean;
  constructor(output_size: IntOrSingle | { output_size?: IntOrSingle; return_indices?: boolean }, return_indices?: boolean | { return_indices?: boolean }) {
    super();
    const a = parseArgs("AdaptiveMaxPool1d", [output_size, return_indices], ["output_size", "return_indices"]);
    this.output_size = clone(required("AdaptiveMaxPool1d", "output_size", a.output_size) as IntOrSingle);
    single("AdaptiveMaxPool1d", "output_size", this.output_size);
    this.return_indices = (a.return_indices as boolean | undefined) ?? false;
  }
  forward(input: Tensor): Tensor {
    return adaptive_max_pool1d(input, this.output_size, { return_indices: this.return_indices }) as Tensor;
  }
  extra_repr(): string {
    return `output_size=${pyRepr(this.output_size)}`;
  }
}
