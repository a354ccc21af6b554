/** Conv3d: the 3-D convolution layer of video and volumetric (medical) models, with PyTorch's arguments, init and repr. */
import { defaultFloatDtype } from "../../tensor/dtype";
import { Tensor, type DType } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { empty } from "../../ops/creation";
import { conv3d, triple, type Triple } from "../../ops/conv3d";
import { Module } from "./module";
import { Parameter } from "../parameter";
import { convGroups, convPadding, convPaddingMode, resetConvParameters } from "./conv";
import { checkFeatures } from "./linear";
import { NotImplementedError, TypeError } from "../../errors";
import { asPyTuple } from "../../pyrepr";

type IntOrTriple = number | number[];

export interface Conv3dOptions {
  in_channels?: number;
  out_channels?: number;
  kernel_size?: IntOrTriple;
  stride?: IntOrTriple;
  padding?: IntOrTriple | "same" | "valid";
  dilation?: IntOrTriple;
  groups?: number;
  bias?: boolean;
  padding_mode?: "zeros";
  device?: unknown;
  dtype?: DType | string;
}

const tup = (v: readonly number[]): string => `(${v.join(", ")})`;

/**
 * 3-D convolution over an input of shape [N, C_in, D, H, W] (or unbatched [C_in, D, H, W]).
 *
 * Args: in_channels, out_channels, kernel_size (an int or [kD, kH, kW]), stride (1), padding (an
 * int, a triple, 'valid' or 'same'; 0), dilation (1 only: torchlab's Conv3D gradients have none),
 * groups (1), bias (true), padding_mode ('zeros' only in torchlab).
 *
 * Shape: D_out = floor((D + 2*padding[0] - kernel_size[0]) / stride[0] + 1), likewise H_out, W_out.
 *
 * Attributes: weight [out_channels, in_channels/groups, kD, kH, kW], bias [out_channels], initialised
 * as PyTorch does (kaiming_uniform_ with a=sqrt(5); bias U(-1/sqrt(fan_in), 1/sqrt(fan_in))).
 *
 * @example
 * const layer = new nn.Conv3d(3, 8, 3, {padding: 1});
 * layer(torch.rand(2, 3, 4, 16, 16)).shape   // [2, 8, 4, 16, 16]
 */
export class Conv3d extends Module {
  in_channels: number;
  out_channels: number;
  kernel_size: Triple;
  stride: Triple;
  padding: Triple | "same" | "valid";
  dilation: Triple;
  transposed = false;
  output_padding: Triple = [0, 0, 0];
  groups: number;
  padding_mode: "zeros";
  weight: Parameter;
  bias: Parameter | null;

  constructor(
    in_channels: number | Conv3dOptions,
    out_channels?: number | Conv3dOptions,
    kernel_size?: IntOrTriple | Conv3dOptions,
    stride?: IntOrTriple | Conv3dOptions,
    padding?: IntOrTriple | "same" | "valid" | Conv3dOptions,
    dilation?: IntOrTriple | Conv3dOptions,
    groups?: number | Conv3dOptions,
    bias?: boolean | Conv3dOptions,
    padding_mode?: "zeros" | Conv3dOptions,
    options?: Conv3dOptions,
  ) {
    super();
    const layer = "Conv3d";
    const raw = [in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode, options];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs(layer, raw, ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups", "bias", "padding_mode", "device", "dtype"]);
    this.in_channels = checkFeatures(layer, "in_channels", a.in_channels);
    this.out_channels = checkFeatures(layer, "out_channels", a.out_channels);
    if (a.kernel_size === undefined) throw new TypeError(`${layer}.__init__() missing 1 required positional argument: 'kernel_size'`);
    this.kernel_size = asPyTuple(triple(layer, "kernel_size", a.kernel_size));
    this.stride = asPyTuple(triple(layer, "stride", a.stride ?? 1));
    this.dilation = asPyTuple(triple(layer, "dilation", a.dilation ?? 1));
    this.groups = convGroups(this.in_channels, this.out_channels, a.groups ?? 1);
    this.padding = convPadding(a.padding ?? 0, this.stride, (p) => asPyTuple(triple(layer, "padding", p)));
    const mode = convPaddingMode(a.padding_mode);
    if (mode !== "zeros") throw new NotImplementedError(`Conv3d: padding_mode='${mode}' is not supported by torchlab; use 'zeros'`);
    this.padding_mode = "zeros";
    const dt = { dtype: (a.dtype as string | undefined) ?? defaultFloatDtype(), device: a.device };
    this.weight = new Parameter(empty([this.out_channels, this.in_channels / this.groups, ...this.kernel_size], dt));
    this.bias = ((a.bias as boolean | undefined) ?? true) ? new Parameter(empty([this.out_channels], dt)) : null;
    this.reset_parameters();
  }

  /** PyTorch's default init: kaiming_uniform_(a=sqrt(5)) for the weight, U(+-1/sqrt(fan_in)) for the bias. */
  reset_parameters(): void {
    resetConvParameters(this.weight, this.bias);
  }

  /** @internal the convolution with this layer's settings and the given weight and bias. */
  _conv_forward(input: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
    return conv3d(input, weight, { bias, stride: this.stride, padding: this.padding, dilation: this.dilation, groups: this.groups });
  }

  forward(input: Tensor): Tensor {
    return this._conv_forward(input, this.weight, this.bias);
  }

  extra_repr(): string {
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${tup(this.kernel_size)}, stride=${tup(this.stride)}`;
    if (typeof this.padding === "string") s += `, padding=${this.padding}`;
    else if (this.padding.some((v) => v !== 0)) s += `, padding=${tup(this.padding)}`;
    if (this.dilation.some((v) => v !== 1)) s += `, dilation=${tup(this.dilation)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ", bias=False";
    return s;
  }
}
