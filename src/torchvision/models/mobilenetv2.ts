/**
 * torchvision.models.mobilenetv2: MobileNetV2 with torchvision 0.14's layout (`features.<i>.conv.<j>`,
 * `classifier.1`), arguments (`width_mult`, `round_nearest`, `dropout`, ...) and initialisation.
 */
import { Tensor } from "../../tensor/tensor";
import { Module } from "../../nn/modules/module";
import { Conv2d } from "../../nn/modules/conv";
import { BatchNorm2d } from "../../nn/modules/batchnorm";
import { ReLU6 } from "../../nn/modules/activation";
import { Dropout } from "../../nn/modules/dropout";
import { Linear } from "../../nn/modules/linear";
import { Sequential } from "../../nn/modules/container";
import { adaptive_avg_pool2d } from "../../ops/pool";
import * as init from "../../nn/init";
import { parseArgs } from "../../tensor/args";
import { ValueError } from "../../errors";
import { Conv2dNormActivation, NormLayerCtor } from "./_misc";
import { Weights, WeightsEnum, WeightsArg, resolveWeights, loadWeights, _ovewrite_named_param } from "./_api";
import { _IMAGENET_CATEGORIES } from "./_meta";

/**
 * The channel count nearest `v` that is a multiple of `divisor` (at least `min_value`, default
 * `divisor`) and not more than 10% below `v`, as in the TensorFlow MobileNet code.
 */
export function _make_divisible(v: number, divisor: number, min_value: number | null = null): number {
  const min = min_value ?? divisor;
  let new_v = Math.max(min, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  if (new_v < 0.9 * v) new_v += divisor;
  return new_v;
}

/** Expand (1x1), depthwise (3x3, groups = channels), project (1x1, linear); a residual when the shape allows. */
export class InvertedResidual extends Module {
  static readonly __module__ = "torchvision.models.mobilenetv2";
  stride: number;
  use_res_connect: boolean;
  conv: Sequential;
  out_channels: number;
  _is_cn: boolean;

  constructor(inp: number, oup: number, stride: number, expand_ratio: number, norm_layer: NormLayerCtor | null = null) {
    super();
    this.stride = stride;
    if (stride !== 1 && stride !== 2) throw new ValueError(`stride should be 1 or 2 insted of ${stride}`);
    const Norm = norm_layer ?? BatchNorm2d;
    // Python's round(): halves to even.
    const x = inp * expand_ratio;
    const r = Math.round(x);
    const hidden_dim = Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
    this.use_res_connect = this.stride === 1 && inp === oup;
    const layers: Module[] = [];
    if (expand_ratio !== 1) layers.push(new Conv2dNormActivation(inp, hidden_dim, { kernel_size: 1, norm_layer: Norm, activation_layer: ReLU6 }));
    layers.push(
      new Conv2dNormActivation(hidden_dim, hidden_dim, { stride, groups: hidden_dim, norm_layer: Norm, activation_layer: ReLU6 }),
      new Conv2d(hidden_dim, oup, 1, 1, 0, { bias: false }),
      new Norm(oup),
    );
    this.conv = new Sequential(...layers);
    this.out_channels = oup;
    this._is_cn = stride > 1;
  }

  forward(x: Tensor): Tensor {
    return this.use_res_connect ? x.add(this.conv(x)) : this.conv(x);
  }
}

/** A block constructor with InvertedResidual's arguments. */
export type InvertedResidualCtor = new (inp: number, oup: number, stride: number, expand_ratio: number, norm_layer: NormLayerCtor | null) => Module;

export interface MobileNetV2Options {
  /** Default: 1000. */
  num_classes?: number;
  /** Scales every layer's channel count. Default: 1.0. */
  width_mult?: number;
  /** [t, c, n, s] rows: expansion, channels, repeats, first stride. Default: the paper's. */
  inverted_residual_setting?: number[][] | null;
  /** Channel counts are rounded to multiples of this (1 turns rounding off). Default: 8. */
  round_nearest?: number;
  /** Default: InvertedResidual. */
  block?: InvertedResidualCtor | null;
  /** Default: nn.BatchNorm2d. */
  norm_layer?: NormLayerCtor | null;
  /** Dropout probability before the classifier. Default: 0.2. */
  dropout?: number;
}

/**
 * MobileNetV2 (Sandler et al., "MobileNetV2: Inverted Residuals and Linear Bottlenecks").
 *
 * Shape: [N, 3, H, W] -> [N, num_classes].
 */
export class MobileNetV2 extends Module {
  static readonly __module__ = "torchvision.models.mobilenetv2";
  last_channel: number;
  features: Sequential;
  classifier: Sequential;

  constructor(options: MobileNetV2Options = {}) {
    super();
    const o = parseArgs("MobileNetV2", [options], ["num_classes", "width_mult", "inverted_residual_setting", "round_nearest", "block", "norm_layer", "dropout"]);
    const Block = (o.block as InvertedResidualCtor | null | undefined) ?? InvertedResidual;
    const Norm = (o.norm_layer as NormLayerCtor | null | undefined) ?? BatchNorm2d;
    const width_mult = (o.width_mult as number | undefined) ?? 1.0;
    const round_nearest = (o.round_nearest as number | undefined) ?? 8;
    const setting = (o.inverted_residual_setting as number[][] | null | undefined) ?? [
      [1, 16, 1, 1],
      [6, 24, 2, 2],
      [6, 32, 3, 2],
      [6, 64, 4, 2],
      [6, 96, 3, 1],
      [6, 160, 3, 2],
      [6, 320, 1, 1],
    ];
    if (setting.length === 0 || setting[0].length !== 4) {
      throw new ValueError(`inverted_residual_setting should be non-empty or a 4-element list, got ${JSON.stringify(setting)}`);
    }
    let input_channel = _make_divisible(32 * width_mult, round_nearest);
    this.last_channel = _make_divisible(1280 * Math.max(1.0, width_mult), round_nearest);
    const features: Module[] = [new Conv2dNormActivation(3, input_channel, { stride: 2, norm_layer: Norm, activation_layer: ReLU6 })];
    for (const [t, c, n, s] of setting) {
      const output_channel = _make_divisible(c * width_mult, round_nearest);
      for (let i = 0; i < n; i++) {
        features.push(new Block(input_channel, output_channel, i === 0 ? s : 1, t, Norm));
        input_channel = output_channel;
      }
    }
    features.push(new Conv2dNormActivation(input_channel, this.last_channel, { kernel_size: 1, norm_layer: Norm, activation_layer: ReLU6 }));
    this.features = new Sequential(...features);
    this.classifier = new Sequential(new Dropout({ p: (o.dropout as number | undefined) ?? 0.2 }), new Linear(this.last_channel, (o.num_classes as number | undefined) ?? 1000));

    for (const m of this.modules()) {
      if (m instanceof Conv2d) {
        init.kaiming_normal_(m.weight, { mode: "fan_out" });
        if (m.bias !== null) init.zeros_(m.bias);
      } else if (m instanceof BatchNorm2d) {
        init.ones_(m.weight as Tensor);
        init.zeros_(m.bias as Tensor);
      } else if (m instanceof Linear) {
        init.normal_(m.weight, 0, 0.01);
        if (m.bias !== null) init.zeros_(m.bias);
      }
    }
  }

  /** @internal */
  _forward_impl(x: Tensor): Tensor {
    // adaptive pooling, not squeeze: the batch may be 1.
    x = adaptive_avg_pool2d(this.features(x), [1, 1]);
    return this.classifier(x.flatten(1));
  }

  forward(x: Tensor): Tensor {
    return this._forward_impl(x);
  }
}

export class MobileNet_V2_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new MobileNet_V2_Weights(
    "IMAGENET1K_V1",
    new Weights(
      "https://download.pytorch.org/models/mobilenet_v2-b0353104.pth",
      { crop_size: 224 },
      {
        num_params: 3504872,
        min_size: [1, 1],
        categories: _IMAGENET_CATEGORIES,
        recipe: "https://github.com/pytorch/vision/tree/main/references/classification#mobilenetv2",
        _metrics: { "ImageNet-1K": { "acc@1": 71.878, "acc@5": 90.286 } },
      },
    ),
  );
  static readonly IMAGENET1K_V2 = new MobileNet_V2_Weights(
    "IMAGENET1K_V2",
    new Weights(
      "https://download.pytorch.org/models/mobilenet_v2-7ebf99e0.pth",
      { crop_size: 224, resize_size: 232 },
      {
        num_params: 3504872,
        min_size: [1, 1],
        categories: _IMAGENET_CATEGORIES,
        recipe: "https://github.com/pytorch/vision/issues/3995#new-recipe-with-reg-tuning",
        _metrics: { "ImageNet-1K": { "acc@1": 72.154, "acc@5": 90.822 } },
      },
    ),
  );
  static readonly DEFAULT = MobileNet_V2_Weights.IMAGENET1K_V2;
}

export interface MobileNetV2BuilderOptions extends MobileNetV2Options {
  /** Pretrained weights: an enum member, its name, "DEFAULT", or a local checkpoint path. Default: none. */
  weights?: WeightsArg<MobileNet_V2_Weights>;
  /** Default: true. */
  progress?: boolean;
  /** Deprecated: true means weights IMAGENET1K_V1. */
  pretrained?: boolean;
}

/** MobileNetV2 (torchvision.models.mobilenet_v2). */
export function mobilenet_v2(options: MobileNetV2BuilderOptions = {}): MobileNetV2 {
  const o = parseArgs("mobilenet_v2", [options], ["weights", "progress", "pretrained", "num_classes", "width_mult", "inverted_residual_setting", "round_nearest", "block", "norm_layer", "dropout"]);
  const w = resolveWeights("mobilenet_v2", MobileNet_V2_Weights, o.weights, o.pretrained);
  const { weights: _w, progress, pretrained: _p, ...kwargs } = o;
  void _w;
  void _p;
  if (w !== null && w.kind === "enum") _ovewrite_named_param(kwargs, "num_classes", (w.weights.meta.categories as readonly string[]).length);
  return loadWeights(new MobileNetV2(kwargs as MobileNetV2Options), w, (progress as boolean | undefined) ?? true);
}
