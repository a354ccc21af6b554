/** Conv1d with PyTorch's arguments, init order and repr, computed by F.conv1d (the 2-D op at height 1). */
import { defaultFloatDtype } from "../../tensor/dtype";
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty } from "../../ops/creation";
import { pad } from "../../ops/pad";
import { Module } from "./module";
import { Parameter } from "../parameter";
import { conv1d, single } from "../functional/conv1d";
import type { IntOrSingle } from "../functional/conv1d";
import type { PaddingMode } from "./conv";
import { convGroups, convPadding, convPaddingMode, resetConvParameters } from "./conv";
import { TypeError } from "../../errors";
import { checkFeatures } from "./linear";
import { asPyTuple } from "../../pyrepr";

export interface Conv1dOptions {
  in_channels?: number;
  out_channels?: number;
  kernel_size?: IntOrSingle;
  stride?: IntOrSingle;
  padding?: IntOrSingle | "same" | "valid";
  dilation?: IntOrSingle;
  groups?: number;
  bias?: boolean;
  padding_mode?: PaddingMode;
  device?: unknown;
  dtype?: DType | string;
}

/** Python's repr of a 1-tuple. */
const tup1 = (v: readonly number[]): string => `(${v[0]},)`;

/**
 * 1-D convolution over an input of shape [N, C_in, L] (or unbatched [C_in, L]).
 *
 * Args:
 *   in_channels, out_channels: channels of the input and of the output.
 *   kernel_size: an int (or [k]).
 *   stride: Default: 1.  padding: an int, 'valid' or 'same'. Default: 0.
 *   dilation: Default: 1.  groups: Default: 1.  bias: Default: true.
 *   padding_mode: 'zeros' (default), 'reflect', 'replicate' or 'circular'.
 *
 * Shape: output [N, C_out, L_out], L_out = floor((L + 2*padding - dilation*(k-1) - 1) / stride + 1).
 *
 * Attributes: weight [out_channels, in_channels/groups, k] and bias [out_channels], initialised as
 * Conv2d's (kaiming_uniform_ with a=sqrt(5); bias U(-1/sqrt(fan_in), 1/sqrt(fan_in))).
 *
 * @example
 * const m = new nn.Conv1d(16, 33, 3, {stride: 2});
 * m(torch.randn(20, 16, 50)).shape   // [20, 33, 24]
 * String(m)                          // 'Conv1d(16, 33, kernel_size=(3,), stride=(2,))'
 */
export class Conv1d extends Module {
  in_channels: number;
  out_channels: number;
  kernel_size: [number];
  stride: [number];
  padding: [number] | "same" | "valid";
  dilation: [number];
  transposed: boolean;
  output_padding: [number];
  groups: number;
  padding_mode: PaddingMode;
  weight: Parameter;
  bias: Parameter | null;
  /** @internal F.pad amounts for a non-'zeros' padding_mode: (left, right). */
  _reversed_padding_repeated_twice: number[];

  constructor(
    in_channels: number | Conv1dOptions,
    out_channels?: number | Conv1dOptions,
    kernel_size?: IntOrSingle | Conv1dOptions,
    stride?: IntOrSingle | Conv1dOptions,
    padding?: IntOrSingle | "same" | "valid" | Conv1dOptions,
    dilation?: IntOrSingle | Conv1dOptions,
    groups?: number | Conv1dOptions,
    bias?: boolean | Conv1dOptions,
    padding_mode?: PaddingMode | Conv1dOptions,
    options?: Conv1dOptions,
  ) {
    super();
    const layer = "Conv1d";
    const raw = [in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode, options];
    const a = parseArgs(layer, raw, ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias", "padding_mode", "device", "dtype"]);
    this.in_channels = checkFeatures(layer, "in_channels", a.in_channels);
    this.out_channels = checkFeatures(layer, "out_channels", a.out_channels);
    if (a.kernel_size === undefined) throw new TypeError(`${layer}.__init__() missing 1 required positional argument: 'kernel_size'`);
    this.kernel_size = asPyTuple([single(layer, "kernel_size", a.kernel_size)]) as [number];
    this.stride = asPyTuple([single(layer, "stride", a.stride ?? 1)]) as [number];
    this.dilation = asPyTuple([single(layer, "dilation", a.dilation ?? 1)]) as [number];
    this.transposed = false;
    this.output_padding = asPyTuple([0]) as [number];
    this.groups = convGroups(this.in_channels, this.out_channels, a.groups ?? 1);
    this.padding = convPadding(a.padding ?? 0, this.stride, (p) => asPyTuple([single(layer, "padding", p)]) as [number]);
    this.padding_mode = convPaddingMode(a.padding_mode);
    if (this.padding === "same") {
      const total = this.dilation[0] * (this.kernel_size[0] - 1);
      const left = Math.floor(total / 2);
      this._reversed_padding_repeated_twice = [left, total - left];
    } else if (this.padding === "valid") this._reversed_padding_repeated_twice = [0, 0];
    else this._reversed_padding_repeated_twice = [this.padding[0], this.padding[0]];
    const dt = { dtype: (a.dtype as string | undefined) ?? defaultFloatDtype(), device: a.device };
    this.weight = new Parameter(empty([this.out_channels, this.in_channels / this.groups, this.kernel_size[0]], dt));
    this.bias = ((a.bias as boolean | undefined) ?? true) ? new Parameter(empty([this.out_channels], dt)) : null;
    this.reset_parameters();
  }

  /** PyTorch's default init: kaiming_uniform_(a=sqrt(5)) for the weight, U(+-1/sqrt(fan_in)) for the bias. */
  reset_parameters(): void {
    resetConvParameters(this.weight, this.bias);
  }

  /** @internal the convolution with this layer's settings and the given weight and bias. */
  _conv_forward(input: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
    const opts = { bias, stride: this.stride, dilation: this.dilation, groups: this.groups };
    if (this.padding_mode !== "zeros") {
      // Padded as a batch, so 'circular' (which needs a batch dim in 1.13's F.pad) takes [C, L] too.
      const unbatched = input instanceof Tensor && input.dim() === 2;
      const x = unbatched ? input.unsqueeze(0) : input;
      const y = conv1d(pad(x, this._reversed_padding_repeated_twice, this.padding_mode), weight, { ...opts, padding: 0 });
      return unbatched ? y.squeeze(0) : y;
    }
    return conv1d(input, weight, { ...opts, padding: this.padding });
  }

  forward(input: Tensor): Tensor {
    return this._conv_forward(input, this.weight, this.bias);
  }

  extra_repr(): string {
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${tup1(this.kernel_size)}, stride=${tup1(this.stride)}`;
    if (typeof this.padding === "string") s += `, padding=${this.padding}`;
    else if (this.padding[0] !== 0) s += `, padding=${tup1(this.padding)}`;
    if (this.dilation[0] !== 1) s += `, dilation=${tup1(this.dilation)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ", bias=False";
    if (this.padding_mode !== "zeros") s += `, padding_mode=${this.padding_mode}`;
    return s;
  }
}
