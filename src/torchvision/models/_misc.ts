/**
 * torchvision.ops.misc.Conv2dNormActivation: conv, norm, activation as one Sequential, the
 * building block of MobileNetV2 (its children are `0`, `1`, `2`, so keys read `features.0.0.weight`).
 */
import { Module } from "../../nn/modules/module";
import { Conv2d } from "../../nn/modules/conv";
import { BatchNorm2d } from "../../nn/modules/batchnorm";
import { ReLU } from "../../nn/modules/activation";
import { Sequential } from "../../nn/modules/container";
import { parseArgs } from "../../tensor/args";
import { checkFeatures } from "../../nn/modules/linear";

type IntOrPair = number | [number, number];

/** A layer constructor taking the channel count (`nn.BatchNorm2d`). */
export type NormLayerCtor = new (num_features: number) => Module;
/** An activation constructor taking `inplace` (`nn.ReLU`, `nn.ReLU6`). */
export type ActivationCtor = new (inplace?: boolean | { inplace?: boolean }) => Module;

export interface Conv2dNormActivationOptions {
  in_channels?: number;
  out_channels?: number;
  /** Default: 3. */
  kernel_size?: IntOrPair;
  /** Default: 1. */
  stride?: IntOrPair;
  /** Default: (kernel_size - 1) / 2 * dilation, which keeps the size at stride 1. */
  padding?: IntOrPair | "same" | "valid" | null;
  /** Default: 1. */
  groups?: number;
  /** Default: nn.BatchNorm2d; null for none. */
  norm_layer?: NormLayerCtor | null;
  /** Default: nn.ReLU; null for none. */
  activation_layer?: ActivationCtor | null;
  /** Default: 1. */
  dilation?: IntOrPair;
  /** The activation's inplace flag (null: the activation's default). Default: true. */
  inplace?: boolean | null;
  /** Default: true exactly when there is no norm layer. */
  bias?: boolean | null;
}

type Opts = Conv2dNormActivationOptions;
const ARGS = ["in_channels", "out_channels", "kernel_size", "stride", "padding", "groups", "norm_layer", "activation_layer", "dilation", "inplace", "bias"];

/**
 * Convolution2d-Normalization-Activation block. Arguments as torchvision's, positional or in the
 * trailing options object.
 *
 * @example
 * const block = new torchvision.models.Conv2dNormActivation(3, 32, {stride: 2, activation_layer: nn.ReLU6});
 */
export class Conv2dNormActivation extends Sequential {
  static readonly __module__ = "torchvision.ops.misc";
  out_channels: number;

  constructor(
    in_channels: number | Opts,
    out_channels?: number | Opts,
    kernel_size?: IntOrPair | Opts,
    stride?: IntOrPair | Opts,
    padding?: IntOrPair | "same" | "valid" | null | Opts,
    groups?: number | Opts,
    norm_layer?: NormLayerCtor | null | Opts,
    activation_layer?: ActivationCtor | null | Opts,
    dilation?: IntOrPair | Opts,
    inplace?: boolean | null | Opts,
    bias?: boolean | null | Opts,
  ) {
    const o = parseArgs("Conv2dNormActivation", [in_channels, out_channels, kernel_size, stride, padding, groups, norm_layer, activation_layer, dilation, inplace, bias], ARGS);
    const inC = checkFeatures("Conv2dNormActivation", "in_channels", o.in_channels);
    const outC = checkFeatures("Conv2dNormActivation", "out_channels", o.out_channels);
    const kernel = (o.kernel_size as IntOrPair | undefined) ?? 3;
    const dil = (o.dilation as IntOrPair | undefined) ?? 1;
    let pad = o.padding as IntOrPair | "same" | "valid" | null | undefined;
    if (pad === null || pad === undefined) {
      const k = typeof kernel === "number" ? [kernel, kernel] : kernel;
      const d = typeof dil === "number" ? [dil, dil] : dil;
      const p = [0, 1].map((i) => Math.floor((k[i] - 1) / 2) * d[i]) as [number, number];
      pad = typeof kernel === "number" && typeof dil === "number" ? p[0] : p;
    }
    const norm = o.norm_layer === undefined ? BatchNorm2d : (o.norm_layer as NormLayerCtor | null);
    const act = o.activation_layer === undefined ? ReLU : (o.activation_layer as ActivationCtor | null);
    const useBias = (o.bias as boolean | null | undefined) ?? norm === null;
    const layers: Module[] = [
      new Conv2d(inC, outC, { kernel_size: kernel, stride: (o.stride as IntOrPair | undefined) ?? 1, padding: pad, dilation: dil, groups: (o.groups as number | undefined) ?? 1, bias: useBias }),
    ];
    if (norm !== null) layers.push(new norm(outC));
    if (act !== null) {
      const inpl = o.inplace === undefined ? true : (o.inplace as boolean | null);
      layers.push(inpl === null ? new act() : new act({ inplace: inpl }));
    }
    super(...layers);
    this.out_channels = outC;
  }
}
