/** Pooling layers: MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d. */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "./module";
import * as P from "../../ops/pool";
import { TypeError } from "../../errors";
import type { AvgPool2dOptions, MaxPool2dOptions } from "../functional/vision";
import { asPyTuple } from "../../pyrepr";

/** The layers take the options of the functions they wrap. */
export type { AvgPool2dOptions, MaxPool2dOptions };

type IntOrPair = number | number[];
type AdaptiveSize = number | null | (number | null)[];

/** Python's repr of an int or a tuple of ints (None for null), as PyTorch's pooling reprs print them. */
export function pyRepr(v: unknown): string {
  if (Array.isArray(v)) return `(${v.map((e) => pyRepr(e)).join(", ")}${v.length === 1 ? "," : ""})`;
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  return String(v);
}

export function required(layer: string, name: string, v: unknown): unknown {
  if (v === undefined) throw new TypeError(`${layer}.__init__() missing 1 required positional argument: '${name}'`);
  return v;
}

export const clone = <T>(v: T): T => (Array.isArray(v) ? (asPyTuple(v.slice()) as unknown as T) : v);

/**
 * 2-D max pooling over [N, C, H, W] (or [C, H, W]).
 *
 * Args:
 *   kernel_size: window size, an int or [kH, kW].
 *   stride: Default: kernel_size.  padding: implicit -inf padding on both sides, at most half the
 *   kernel. Default: 0.  dilation: Default: 1.
 *   return_indices: also return the flat argmax indices (for MaxUnpool2d). Default: false.
 *   ceil_mode: round the output size up; the last window must still start inside the input or the
 *   left padding. Default: false.
 *
 * Shape: H_out = floor((H + 2*padding - dilation*(kH-1) - 1) / stride + 1) (ceil with ceil_mode).
 *
 * @example
 * const pool = new nn.MaxPool2d(2, {stride: 2});
 * pool(torch.rand(1, 3, 26, 26)).shape   // [1, 3, 13, 13]
 */
export class MaxPool2d extends Module {
  kernel_size: IntOrPair;
  stride: IntOrPair;
  padding: IntOrPair;
  dilation: IntOrPair;
  return_indices: boolean;
  ceil_mode: boolean;

  constructor(
    kernel_size: IntOrPair | MaxPool2dOptions,
    stride?: IntOrPair | null | MaxPool2dOptions,
    padding?: IntOrPair | MaxPool2dOptions,
    dilation?: IntOrPair | MaxPool2dOptions,
    return_indices?: boolean | MaxPool2dOptions,
    ceil_mode?: boolean | MaxPool2dOptions,
  ) {
    super();
    const raw = [kernel_size, stride, padding, dilation, return_indices, ceil_mode];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("MaxPool2d", raw, ["kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"]);
    this.kernel_size = clone(required("MaxPool2d", "kernel_size", a.kernel_size) as IntOrPair);
    this.stride = clone((a.stride as IntOrPair | null | undefined) ?? this.kernel_size);
    this.padding = clone((a.padding as IntOrPair | undefined) ?? 0);
    this.dilation = clone((a.dilation as IntOrPair | undefined) ?? 1);
    this.return_indices = (a.return_indices as boolean | undefined) ?? false;
    this.ceil_mode = (a.ceil_mode as boolean | undefined) ?? false;
  }

  forward(input: Tensor): Tensor {
    return P.max_pool2d(input, this.kernel_size, {
      stride: this.stride, padding: this.padding, dilation: this.dilation, ceil_mode: this.ceil_mode, return_indices: this.return_indices,
    }) as Tensor;
  }

  extra_repr(): string {
    return `kernel_size=${pyRepr(this.kernel_size)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}, dilation=${pyRepr(this.dilation)}, ceil_mode=${pyRepr(this.ceil_mode)}`;
  }
}

/**
 * 2-D average pooling.
 *
 * Args:
 *   kernel_size, stride (default kernel_size), padding (zeros, at most half the kernel), ceil_mode.
 *   count_include_pad: count the zero padding in the divisor. Default: true.
 *   divisor_override: divide every window by this instead. Default: null.
 *
 * @example
 * new nn.AvgPool2d(3, {stride: 2, padding: 1})(torch.rand(1, 2, 7, 7)).shape   // [1, 2, 4, 4]
 */
export class AvgPool2d extends Module {
  kernel_size: IntOrPair;
  stride: IntOrPair;
  padding: IntOrPair;
  ceil_mode: boolean;
  count_include_pad: boolean;
  divisor_override: number | null;

  constructor(
    kernel_size: IntOrPair | AvgPool2dOptions,
    stride?: IntOrPair | null | AvgPool2dOptions,
    padding?: IntOrPair | AvgPool2dOptions,
    ceil_mode?: boolean | AvgPool2dOptions,
    count_include_pad?: boolean | AvgPool2dOptions,
    divisor_override?: number | null | AvgPool2dOptions,
  ) {
    super();
    const raw = [kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("AvgPool2d", raw, ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"]);
    this.kernel_size = clone(required("AvgPool2d", "kernel_size", a.kernel_size) as IntOrPair);
    this.stride = clone((a.stride as IntOrPair | null | undefined) ?? this.kernel_size);
    this.padding = clone((a.padding as IntOrPair | undefined) ?? 0);
    this.ceil_mode = (a.ceil_mode as boolean | undefined) ?? false;
    this.count_include_pad = (a.count_include_pad as boolean | undefined) ?? true;
    this.divisor_override = (a.divisor_override as number | null | undefined) ?? null;
  }

  forward(input: Tensor): Tensor {
    return P.avg_pool2d(input, this.kernel_size, {
      stride: this.stride, padding: this.padding, ceil_mode: this.ceil_mode, count_include_pad: this.count_include_pad, divisor_override: this.divisor_override,
    });
  }

  extra_repr(): string {
    return `kernel_size=${pyRepr(this.kernel_size)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}`;
  }
}

/**
 * Adaptive average pooling to a fixed output size, whatever the input size.
 *
 * Args:
 *   output_size: an int, [H_out, W_out], or a pair with null to keep that input dimension.
 *
 * @example
 * new nn.AdaptiveAvgPool2d(1)(torch.rand(2, 64, 7, 5)).shape   // [2, 64, 1, 1]
 */
export class AdaptiveAvgPool2d extends Module {
  output_size: AdaptiveSize;
  constructor(output_size: AdaptiveSize | { output_size?: AdaptiveSize }) {
    super();
    const a = parseArgs("AdaptiveAvgPool2d", [output_size], ["output_size"]);
    this.output_size = clone(required("AdaptiveAvgPool2d", "output_size", a.output_size) as AdaptiveSize);
  }
  forward(input: Tensor): Tensor {
    return P.adaptive_avg_pool2d(input, this.output_size);
  }
  extra_repr(): string {
    return `output_size=${pyRepr(this.output_size)}`;
  }
}

/**
 * Adaptive max pooling to a fixed output size; `return_indices` also returns the argmax indices.
 *
 * @example
 * new nn.AdaptiveMaxPool2d([2, null])(torch.rand(1, 3, 5, 4)).shape   // [1, 3, 2, 4]
 */
export class AdaptiveMaxPool2d extends Module {
  output_size: AdaptiveSize;
  return_indices: boolean;
  constructor(output_size: AdaptiveSize | { output_size?: AdaptiveSize; return_indices?: boolean }, return_indices?: boolean | { return_indices?: boolean }) {
    super();
    const raw = [output_size, return_indices];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("AdaptiveMaxPool2d", raw, ["output_size", "return_indices"]);
    this.output_size = clone(required("AdaptiveMaxPool2d", "output_size", a.output_size) as AdaptiveSize);
    this.return_indices = (a.return_indices as boolean | undefined) ?? false;
  }
  forward(input: Tensor): Tensor {
    return P.adaptive_max_pool2d(input, this.output_size, { return_indices: this.return_indices }) as Tensor;
  }
  extra_repr(): string {
    return `output_size=${pyRepr(this.output_size)}`;
  }
}
