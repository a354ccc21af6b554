/** Convolution layers: Conv2d and ConvTranspose2d, with PyTorch's arguments, init and repr. */
import { defaultFloatDtype } from "../../tensor/dtype";
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty } from "../../ops/creation";
import { Module } from "./module";
import { Parameter } from "../parameter";
import * as init from "../init";
import * as C from "../../ops/conv";
import { pad } from "../../ops/pad";
import { TypeError, ValueError } from "../../errors";
import { checkFeatures } from "./linear";
import { asPyTuple } from "../../pyrepr";

type IntOrPair = number | number[];
export type PaddingMode = "zeros" | "reflect" | "replicate" | "circular";

export interface Conv2dOptions {
  in_channels?: number;
  out_channels?: number;
  kernel_size?: IntOrPair;
  stride?: IntOrPair;
  padding?: IntOrPair | "same" | "valid";
  dilation?: IntOrPair;
  groups?: number;
  bias?: boolean;
  padding_mode?: PaddingMode;
  device?: unknown;
  dtype?: DType | string;
}

export interface ConvTranspose2dOptions {
  in_channels?: number;
  out_channels?: number;
  kernel_size?: IntOrPair;
  stride?: IntOrPair;
  padding?: IntOrPair;
  output_padding?: IntOrPair;
  groups?: number;
  bias?: boolean;
  dilation?: IntOrPair;
  padding_mode?: PaddingMode;
  device?: unknown;
  dtype?: DType | string;
}

const tup = (v: readonly number[]): string => `(${v.join(", ")})`;

function pairOf(layer: string, name: string, v: unknown): [number, number] {
  return asPyTuple(C.pair(layer, name, v));
}

/** `groups` as PyTorch's _ConvNd checks it: a positive integer dividing both channel counts. */
export function convGroups(in_channels: number, out_channels: number, groups: unknown): number {
  if (typeof groups !== "number" || !Number.isInteger(groups) || groups <= 0) throw new ValueError("groups must be a positive integer");
  if (in_channels % groups !== 0) throw new ValueError("in_channels must be divisible by groups");
  if (out_channels % groups !== 0) throw new ValueError("out_channels must be divisible by groups");
  return groups;
}

/** `padding` as PyTorch's _ConvNd checks it: 'same' (stride 1 only), 'valid', or the amounts `amounts` reads. */
export function convPadding<T>(padding: unknown, stride: readonly number[], amounts: (p: unknown) => T): "same" | "valid" | T {
  if (typeof padding !== "string") return amounts(padding);
  if (padding !== "same" && padding !== "valid") throw new ValueError(`Invalid padding string '${padding}', should be one of {'same', 'valid'}`);
  if (padding === "same" && stride.some((s) => s !== 1)) throw new ValueError("padding='same' is not supported for strided convolutions");
  return padding;
}

/** `padding_mode` as PyTorch's _ConvNd checks it. */
export function convPaddingMode(mode: unknown): PaddingMode {
  const m = (mode ?? "zeros") as string;
  if (!["zeros", "reflect", "replicate", "circular"].includes(m)) {
    throw new ValueError(`padding_mode must be one of {'zeros', 'circular', 'reflect', 'replicate'}, but got padding_mode='${m}'`);
  }
  return m as PaddingMode;
}

/** Shared by Conv2d and ConvTranspose2d (PyTorch's _ConvNd). */
/**
 * PyTorch's default init of a convolution (_ConvNd.reset_parameters, any dimensionality):
 * kaiming_uniform_(a=sqrt(5)) for the weight, U(+-1/sqrt(fan_in)) for the bias, which stays as it
 * is when fan_in is 0.
 */
export function resetConvParameters(weight: Parameter, bias: Parameter | null): void {
  init.kaiming_uniform_(weight, { a: Math.sqrt(5) });
  if (bias !== null) {
    const [fanIn] = init._calculate_fan_in_and_fan_out(weight);
    if (fanIn !== 0) {
      const bound = 1 / Math.sqrt(fanIn);
      init.uniform_(bias, -bound, bound);
    }
  }
}

export abstract class _ConvNd extends Module {
  in_channels: number;
  out_channels: number;
  kernel_size: [number, number];
  stride: [number, number];
  padding: [number, number] | "same" | "valid";
  dilation: [number, number];
  transposed: boolean;
  output_padding: [number, number];
  groups: number;
  padding_mode: PaddingMode;
  weight: Parameter;
  bias: Parameter | null;
  /** @internal F.pad amounts for a non-'zeros' padding_mode: (left, right, top, bottom). */
  _reversed_padding_repeated_twice: number[];

  constructor(layer: string, a: Record<string, unknown>, transposed: boolean) {
    super();
    this.in_channels = checkFeatures(layer, "in_channels", a.in_channels);
    this.out_channels = checkFeatures(layer, "out_channels", a.out_channels);
    if (a.kernel_size === undefined) throw new TypeError(`${layer}.__init__() missing 1 required positional argument: 'kernel_size'`);
    this.kernel_size = pairOf(layer, "kernel_size", a.kernel_size);
    this.stride = pairOf(layer, "stride", a.stride ?? 1);
    this.dilation = pairOf(layer, "dilation", a.dilation ?? 1);
    this.transposed = transposed;
    this.output_padding = pairOf(layer, "output_padding", a.output_padding ?? 0);
    this.groups = convGroups(this.in_channels, this.out_channels, a.groups ?? 1);
    this.padding = convPadding(a.padding ?? 0, this.stride, (p) => pairOf(layer, "padding", p));
    this.padding_mode = convPaddingMode(a.padding_mode);
    if (this.padding === "same" || this.padding === "valid") {
      const r = [0, 0, 0, 0];
      if (this.padding === "same") {
        for (let i = 0; i < 2; i++) {
          const total = this.dilation[i] * (this.kernel_size[i] - 1);
          const left = Math.floor(total / 2);
          r[2 * (1 - i)] = left;
          r[2 * (1 - i) + 1] = total - left;
        }
      }
      this._reversed_padding_repeated_twice = r;
    } else {
      const [ph, pw] = this.padding;
      this._reversed_padding_repeated_twice = [pw, pw, ph, ph];
    }
    const dt = { dtype: (a.dtype as string | undefined) ?? defaultFloatDtype(), device: a.device };
    const [kh, kw] = this.kernel_size;
    const shape = transposed ? [this.in_channels, this.out_channels / this.groups, kh, kw] : [this.out_channels, this.in_channels / this.groups, kh, kw];
    this.weight = new Parameter(empty(shape, dt));
    this.bias = ((a.bias as boolean | undefined) ?? true) ? new Parameter(empty([this.out_channels], dt)) : null;
    this.reset_parameters();
  }

  /** PyTorch's default init: kaiming_uniform_(a=sqrt(5)) for the weight, U(+-1/sqrt(fan_in)) for the bias. */
  reset_parameters(): void {
    resetConvParameters(this.weight, this.bias);
  }

  extra_repr(): string {
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${tup(this.kernel_size)}, stride=${tup(this.stride)}`;
    if (typeof this.padding === "string") s += `, padding=${this.padding}`;
    else if (this.padding.some((p) => p !== 0)) s += `, padding=${tup(this.padding)}`;
    if (this.dilation.some((d) => d !== 1)) s += `, dilation=${tup(this.dilation)}`;
    if (this.output_padding.some((p) => p !== 0)) s += `, output_padding=${tup(this.output_padding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ", bias=False";
    if (this.padding_mode !== "zeros") s += `, padding_mode=${this.padding_mode}`;
    return s;
  }
}

/**
 * 2-D convolution over an input of shape [N, C_in, H, W] (or unbatched [C_in, H, W]).
 *
 * Args:
 *   in_channels, out_channels: channels of the input and of the output.
 *   kernel_size: an int or [kH, kW].
 *   stride: Default: 1.  padding: an int, a pair, 'valid' or 'same'. Default: 0.
 *   dilation: spacing between kernel elements. Default: 1.
 *   groups: blocked connections from input to output channels. Default: 1.
 *   bias: learn an additive bias. Default: true.
 *   padding_mode: 'zeros' (default), 'reflect', 'replicate' or 'circular'.
 *
 * Shape: output [N, C_out, H_out, W_out] with
 *   H_out = floor((H + 2*padding[0] - dilation[0]*(kernel_size[0]-1) - 1) / stride[0] + 1).
 *
 * Attributes: weight [out_channels, in_channels/groups, kH, kW] and bias [out_channels], initialised
 * as PyTorch does (kaiming_uniform_ with a=sqrt(5); bias U(-1/sqrt(fan_in), 1/sqrt(fan_in))).
 *
 * @example
 * const layer = new nn.Conv2d(1, 3, {kernel_size: 3, stride: 1, padding: 0});
 * layer(torch.rand(1, 1, 28, 28)).shape   // [1, 3, 26, 26]
 * String(layer)                           // 'Conv2d(1, 3, kernel_size=(3, 3), stride=(1, 1))'
 */
export class Conv2d extends _ConvNd {
  constructor(
    in_channels: number | Conv2dOptions,
    out_channels?: number | Conv2dOptions,
    kernel_size?: IntOrPair | Conv2dOptions,
    stride?: IntOrPair | Conv2dOptions,
    padding?: IntOrPair | "same" | "valid" | Conv2dOptions,
    dilation?: IntOrPair | Conv2dOptions,
    groups?: number | Conv2dOptions,
    bias?: boolean | Conv2dOptions,
    padding_mode?: PaddingMode | Conv2dOptions,
    options?: Conv2dOptions,
  ) {
    const raw = [in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode, options];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("Conv2d", raw, ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias", "padding_mode", "device", "dtype"]);
    super("Conv2d", a, false);
  }

  /** @internal the convolution with this layer's settings and the given weight and bias. */
  _conv_forward(input: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
    if (this.padding_mode !== "zeros") {
      const padded = pad(input, this._reversed_padding_repeated_twice, this.padding_mode);
      return C.conv2d(padded, weight, { bias, stride: this.stride, padding: 0, dilation: this.dilation, groups: this.groups });
    }
    return C.conv2d(input, weight, { bias, stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups });
  }

  forward(input: Tensor): Tensor {
    return this._conv_forward(input, this.weight, this.bias);
  }
}

/**
 * 2-D transposed convolution ("deconvolution"), the gradient of Conv2d with respect to its input.
 *
 * Args: as Conv2d, plus output_padding (extra size on one side of the output, smaller than stride
 * or dilation). Only padding_mode 'zeros' exists, as in PyTorch.
 *
 * Shape: H_out = (H - 1)*stride[0] - 2*padding[0] + dilation[0]*(kernel_size[0]-1) + output_padding[0] + 1.
 * `forward(input, output_size)` picks the output_padding that gives `output_size`.
 *
 * Attributes: weight [in_channels, out_channels/groups, kH, kW], bias [out_channels].
 *
 * @example
 * const up = new nn.ConvTranspose2d(16, 8, 3, {stride: 2, padding: 1, output_padding: 1});
 * up(torch.rand(1, 16, 7, 7)).shape   // [1, 8, 14, 14]
 */
export class ConvTranspose2d extends _ConvNd {
  constructor(
    in_channels: number | ConvTranspose2dOptions,
    out_channels?: number | ConvTranspose2dOptions,
    kernel_size?: IntOrPair | ConvTranspose2dOptions,
    stride?: IntOrPair | ConvTranspose2dOptions,
    padding?: IntOrPair | ConvTranspose2dOptions,
    output_padding?: IntOrPair | ConvTranspose2dOptions,
    groups?: number | ConvTranspose2dOptions,
    bias?: boolean | ConvTranspose2dOptions,
    dilation?: IntOrPair | ConvTranspose2dOptions,
    padding_mode?: PaddingMode | ConvTranspose2dOptions,
    options?: ConvTranspose2dOptions,
  ) {
    const raw = [in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias, dilation, padding_mode, options];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("ConvTranspose2d", raw, [
      "in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding", "groups", "bias", "dilation", "padding_mode", "device", "dtype",
    ]);
    if ((a.padding_mode ?? "zeros") !== "zeros") throw new ValueError('Only "zeros" padding mode is supported for ConvTranspose2d');
    if (typeof a.padding === "string") throw new ValueError(`ConvTranspose2d: padding must be an int or a pair of ints, got '${a.padding}'`);
    super("ConvTranspose2d", a, true);
  }

  /** PyTorch's _output_padding: the output_padding that yields `output_size` ([H, W], or with N, C). */
  _output_padding(input: Tensor, output_size: number[] | null): [number, number] {
    if (output_size === null) return this.output_padding;
    const nonSpatial = input.dim() === 4 ? 2 : 1;
    let size = output_size;
    if (size.length === nonSpatial + 2) size = size.slice(nonSpatial);
    if (size.length !== 2) {
      throw new ValueError(`ConvTranspose2D: for ${input.dim()}D input, output_size must have 2 or ${nonSpatial + 2} elements (got ${output_size.length})`);
    }
    const pad = this.padding as [number, number];
    const min: number[] = [];
    const max: number[] = [];
    for (let d = 0; d < 2; d++) {
      const dim = (input.shape[d + nonSpatial] - 1) * this.stride[d] - 2 * pad[d] + this.dilation[d] * (this.kernel_size[d] - 1) + 1;
      min.push(dim);
      max.push(dim + this.stride[d] - 1);
    }
    for (let i = 0; i < 2; i++) {
      if (size[i] < min[i] || size[i] > max[i]) {
        throw new ValueError(
          `requested an output size of [${size.join(", ")}], but valid sizes range from [${min.join(", ")}] to [${max.join(", ")}] (for an input of torch.Size([${input.shape.slice(nonSpatial).join(", ")}]))`,
        );
      }
    }
    return [size[0] - min[0], size[1] - min[1]];
  }

  forward(input: Tensor, output_size?: number[] | null | { output_size?: number[] | null }): Tensor {
    const o = parseArgs("ConvTranspose2d.forward", [output_size], ["output_size"]);
    const op = this._output_padding(input, (o.output_size as number[] | null | undefined) ?? null);
    return C.conv_transpose2d(input, this.weight, {
      bias: this.bias,
      stride: this.stride,
      padding: this.padding as [number, number],
      output_padding: op,
      groups: this.groups,
      dilation: this.dilation,
    });
  }
}
