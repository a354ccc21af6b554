/** ConvTranspose1d with PyTorch's arguments, init and repr, computed by F.conv_transpose1d. */
import { defaultFloatDtype } from "../../tensor/dtype";
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty } from "../../ops/creation";
import { Module } from "./module";
import { Parameter } from "../parameter";
import { single } from "../functional/conv1d";
import type { IntOrSingle } from "../functional/conv1d";
import { conv_transpose1d } from "../functional/pool_extra";
import { resetConvParameters } from "./conv";
import { TypeError, ValueError } from "../../errors";
import { checkFeatures } from "./linear";
import { asPyTuple } from "../../pyrepr";

export interface ConvTranspose1dOptions {
  in_channels?: number;
  out_channels?: number;
  kernel_size?: IntOrSingle;
  stride?: IntOrSingle;
  padding?: IntOrSingle;
  output_padding?: IntOrSingle;
  groups?: number;
  bias?: boolean;
  dilation?: IntOrSingle;
  padding_mode?: "zeros";
  device?: unknown;
  dtype?: DType | string;
}

const tup1 = (v: readonly number[]): string => `(${v[0]},)`;

/**
 * 1-D transposed convolution over [N, C_in, L] (or [C_in, L]).
 *
 * Shape: L_out = (L - 1)*stride - 2*padding + dilation*(k - 1) + output_padding + 1;
 * `forward(input, output_size)` picks the output_padding that gives `output_size`.
 * Weight [in_channels, out_channels/groups, k], bias [out_channels], initialised as Conv1d's.
 *
 * @example
 * const m = new nn.ConvTranspose1d(16, 33, 3, {stride: 2});
 * m(torch.randn(20, 16, 50)).shape   // [20, 33, 101]
 */
export class ConvTranspose1d extends Module {
  in_channels: number;
  out_channels: number;
  kernel_size: [number];
  stride: [number];
  padding: [number];
  output_padding: [number];
  dilation: [number];
  groups: number;
  padding_mode: "zeros";
  transposed: boolean;
  weight: Parameter;
  bias: Parameter | null;

  constructor(
    in_channels: number | ConvTranspose1dOptions,
    out_channels?: number | ConvTranspose1dOptions,
    kernel_size?: IntOrSingle | ConvTranspose1dOptions,
    stride?: IntOrSingle | ConvTranspose1dOptions,
    padding?: IntOrSingle | ConvTranspose1dOptions,
    output_padding?: IntOrSingle | ConvTranspose1dOptions,
    groups?: number | ConvTranspose1dOptions,
    bias?: boolean | ConvTranspose1dOptions,
    dilation?: IntOrSingle | ConvTranspose1dOptions,
    padding_mode?: "zeros" | ConvTranspose1dOptions,
    options?: ConvTranspose1dOptions,
  ) {
    super();
    const layer = "ConvTranspose1d";
    const raw = [in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias, dilation, padding_mode, options];
    const a = parseArgs(layer, raw, ["in_channels", "out_channels", "kernel_size", "stride", "padding", "output_padding", "groups", "bias", "dilation", "padding_mode", "device", "dtype"]);
    this.in_channels = checkFeatures(layer, "in_channels", a.in_channels);
    this.out_channels = checkFeatures(layer, "out_channels", a.out_channels);
    if (a.kernel_size === undefined) throw new TypeError(`${layer}.__init__() missing 1 required positional argument: 'kernel_size'`);
    this.kernel_size = asPyTuple([single(layer, "kernel_size", a.kernel_size)]) as [number];
    this.stride = asPyTuple([single(layer, "stride", a.stride ?? 1)]) as [number];
    this.padding = asPyTuple([single(layer, "padding", a.padding ?? 0)]) as [number];
    this.output_padding = asPyTuple([single(layer, "output_padding", a.output_padding ?? 0)]) as [number];
    this.dilation = asPyTuple([single(layer, "dilation", a.dilation ?? 1)]) as [number];
    if ((a.padding_mode ?? "zeros") !== "zeros") throw new ValueError('Only "zeros" padding mode is supported for ConvTranspose1d');
    this.padding_mode = "zeros";
    this.transposed = true;
    const g = a.groups ?? 1;
    if (typeof g !== "number" || !Number.isInteger(g) || g <= 0) throw new ValueError("groups must be a positive integer");
    this.groups = g;
    if (this.in_channels % g !== 0) throw new ValueError("in_channels must be divisible by groups");
    if (this.out_channels % g !== 0) throw new ValueError("out_channels must be divisible by groups");
    const dt = { dtype: (a.dtype as string | undefined) ?? defaultFloatDtype(), device: a.device };
    this.weight = new Parameter(empty([this.in_channels, this.out_channels / g, this.kernel_size[0]], dt));
    this.bias = ((a.bias as boolean | undefined) ?? true) ? new Parameter(empty([this.out_channels], dt)) : null;
    this.reset_parameters();
  }

  reset_parameters(): void {
    resetConvParameters(this.weight, this.bias);
  }

  /** PyTorch's _output_padding: the output_padding that yields `output_size` ([L], or with N, C). */
  _output_padding(input: Tensor, output_size: number[] | null): number {
    if (output_size === null) return this.output_padding[0];
    const nonSpatial = input.dim() === 3 ? 2 : 1;
    const size = output_size.length === nonSpatial + 1 ? output_size.slice(nonSpatial) : output_size;
    if (size.length !== 1) throw new ValueError(`ConvTranspose1D: for ${input.dim()}D input, output_size must have 1 or ${nonSpatial + 1} elements (got ${output_size.length})`);
    const min = (input.shape[nonSpatial] - 1) * this.stride[0] - 2 * this.padding[0] + this.dilation[0] * (this.kernel_size[0] - 1) + 1;
    const max = min + this.stride[0] - 1;
    if (size[0] < min || size[0] > max) {
      throw new ValueError(`requested an output size of [${size[0]}], but valid sizes range from [${min}] to [${max}] (for an input of torch.Size([${input.shape[nonSpatial]}]))`);
    }
    return size[0] - min;
  }

  forward(input: Tensor, output_size?: number[] | null | { output_size?: number[] | null }): Tensor {
    const o = parseArgs("ConvTranspose1d.forward", [output_size], ["output_size"]);
    const op = this._output_padding(input, (o.output_size as number[] | null | undefined) ?? null);
    return conv_transpose1d(input, this.weight, { bias: this.bias, stride: this.stride, padding: this.padding, output_padding: op, groups: this.groups, dilation: this.dilation });
  }

  extra_repr(): string {
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${tup1(this.kernel_size)}, stride=${tup1(this.stride)}`;
    if (this.padding[0] !== 0) s += `, padding=${tup1(this.padding)}`;
    if (this.dilation[0] !== 1) s += `, dilation=${tup1(this.dilation)}`;
    if (this.output_padding[0] !== 0) s += `, output_padding=${tup1(this.output_padding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ", bias=False";
    return s;
  }
}
