/**
 * torchvision.models.squeezenet: SqueezeNet 1.0 and 1.1 with torchvision 0.14's layout
 * (`features.<i>.squeeze/expand1x1/expand3x3`, `classifier.1`) and initialisation.
 */
import { Tensor } from "../../tensor/tensor";
import { Module } from "../../nn/modules/module";
import { Conv2d } from "../../nn/modules/conv";
import { ReLU } from "../../nn/modules/activation";
import { Dropout } from "../../nn/modules/dropout";
import { MaxPool2d, AdaptiveAvgPool2d } from "../../nn/modules/pooling";
import { Sequential } from "../../nn/modules/container";
import { cat } from "../../ops/movement";
import * as init from "../../nn/init";
import { parseArgs } from "../../tensor/args";
import { ValueError } from "../../errors";
import { Weights, WeightsEnum, WeightsArg, resolveWeights, loadWeights, _ovewrite_named_param } from "./_api";
import { _IMAGENET_CATEGORIES } from "./_meta";

/** Squeeze (1x1) then expand with 1x1 and 3x3 convs side by side, concatenated on channels. */
export class Fire extends Module {
  static readonly __module__ = "torchvision.models.squeezenet";
  inplanes: number;
  squeeze: Conv2d;
  squeeze_activation: ReLU;
  expand1x1: Conv2d;
  expand1x1_activation: ReLU;
  expand3x3: Conv2d;
  expand3x3_activation: ReLU;

  constructor(inplanes: number, squeeze_planes: number, expand1x1_planes: number, expand3x3_planes: number) {
    super();
    this.inplanes = inplanes;
    this.squeeze = new Conv2d(inplanes, squeeze_planes, { kernel_size: 1 });
    this.squeeze_activation = new ReLU(true);
    this.expand1x1 = new Conv2d(squeeze_planes, expand1x1_planes, { kernel_size: 1 });
    this.expand1x1_activation = new ReLU(true);
    this.expand3x3 = new Conv2d(squeeze_planes, expand3x3_planes, { kernel_size: 3, padding: 1 });
    this.expand3x3_activation = new ReLU(true);
  }

  forward(x: Tensor): Tensor {
    x = this.squeeze_activation(this.squeeze(x));
    return cat([this.expand1x1_activation(this.expand1x1(x)), this.expand3x3_activation(this.expand3x3(x))], 1);
  }
}

export interface SqueezeNetOptions {
  /** "1_0" or "1_1". Default: "1_0". */
  version?: "1_0" | "1_1";
  /** Default: 1000. */
  num_classes?: number;
  /** Dropout probability before the final conv. Default: 0.5. */
  dropout?: number;
}

/**
 * SqueezeNet (Iandola et al., "SqueezeNet: AlexNet-level accuracy with 50x fewer parameters");
 * version 1_1 needs 2.4x less computation. The classifier is a 1x1 conv to `num_classes`
 * channels, averaged over the image.
 *
 * Shape: [N, 3, H, W] -> [N, num_classes].
 */
export class SqueezeNet extends Module {
  static readonly __module__ = "torchvision.models.squeezenet";
  num_classes: number;
  features: Sequential;
  classifier: Sequential;

  constructor(version?: "1_0" | "1_1" | SqueezeNetOptions, num_classes?: number | SqueezeNetOptions, dropout?: number | SqueezeNetOptions) {
    super();
    const o = parseArgs("SqueezeNet", [version, num_classes, dropout], ["version", "num_classes", "dropout"]);
    const v = (o.version as string | undefined) ?? "1_0";
    this.num_classes = (o.num_classes as number | undefined) ?? 1000;
    const pool = (): MaxPool2d => new MaxPool2d({ kernel_size: 3, stride: 2, ceil_mode: true });
    if (v === "1_0") {
      this.features = new Sequential(
        new Conv2d(3, 96, { kernel_size: 7, stride: 2 }),
        new ReLU(true),
        pool(),
        new Fire(96, 16, 64, 64),
        new Fire(128, 16, 64, 64),
        new Fire(128, 32, 128, 128),
        pool(),
        new Fire(256, 32, 128, 128),
        new Fire(256, 48, 192, 192),
        new Fire(384, 48, 192, 192),
        new Fire(384, 64, 256, 256),
        pool(),
        new Fire(512, 64, 256, 256),
      );
    } else if (v === "1_1") {
      this.features = new Sequential(
        new Conv2d(3, 64, { kernel_size: 3, stride: 2 }),
        new ReLU(true),
        pool(),
        new Fire(64, 16, 64, 64),
        new Fire(128, 16, 64, 64),
        pool(),
        new Fire(128, 32, 128, 128),
        new Fire(256, 32, 128, 128),
        pool(),
        new Fire(256, 48, 192, 192),
        new Fire(384, 48, 192, 192),
        new Fire(384, 64, 256, 256),
        new Fire(512, 64, 256, 256),
      );
    } else {
      throw new ValueError(`Unsupported SqueezeNet version ${v}: 1_0 or 1_1 expected`);
    }
    const final_conv = new Conv2d(512, this.num_classes, { kernel_size: 1 });
    this.classifier = new Sequential(new Dropout({ p: (o.dropout as number | undefined) ?? 0.5 }), final_conv, new ReLU(true), new AdaptiveAvgPool2d([1, 1]));
    for (const m of this.modules()) {
      if (m instanceof Conv2d) {
        // The final conv starts small so the first predictions are near uniform.
        if (m === final_conv) init.normal_(m.weight, { mean: 0.0, std: 0.01 });
        else init.kaiming_uniform_(m.weight);
        if (m.bias !== null) init.constant_(m.bias, 0);
      }
    }
  }

  forward(x: Tensor): Tensor {
    return this.classifier(this.features(x)).flatten(1);
  }
}

const COMMON_META = {
  categories: _IMAGENET_CATEGORIES,
  recipe: "https://github.com/pytorch/vision/pull/49#issuecomment-277560717",
};

export class SqueezeNet1_0_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new SqueezeNet1_0_Weights(
    "IMAGENET1K_V1",
    new Weights("https://download.pytorch.org/models/squeezenet1_0-b66bff10.pth", { crop_size: 224 }, { ...COMMON_META, min_size: [21, 21], num_params: 1248424, _metrics: { "ImageNet-1K": { "acc@1": 58.092, "acc@5": 80.42 } } }),
  );
  static readonly DEFAULT = SqueezeNet1_0_Weights.IMAGENET1K_V1;
}

export class SqueezeNet1_1_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new SqueezeNet1_1_Weights(
    "IMAGENET1K_V1",
    new Weights("https://download.pytorch.org/models/squeezenet1_1-b8a52dc0.pth", { crop_size: 224 }, { ...COMMON_META, min_size: [17, 17], num_params: 1235496, _metrics: { "ImageNet-1K": { "acc@1": 58.178, "acc@5": 80.624 } } }),
  );
  static readonly DEFAULT = SqueezeNet1_1_Weights.IMAGENET1K_V1;
}

export interface SqueezeNetBuilderOptions<E extends WeightsEnum> {
  /** Pretrained weights: an enum member, its name, "DEFAULT", or a local checkpoint path. Default: none. */
  weights?: WeightsArg<E>;
  /** Default: true. */
  progress?: boolean;
  /** Deprecated: true means weights IMAGENET1K_V1. */
  pretrained?: boolean;
  /** Default: 1000. */
  num_classes?: number;
  /** Default: 0.5. */
  dropout?: number;
}

function _squeezenet<E extends WeightsEnum>(builder: string, cls: abstract new (...a: never[]) => E, version: "1_0" | "1_1", options: SqueezeNetBuilderOptions<E>): SqueezeNet {
  const o = parseArgs(builder, [options], ["weights", "progress", "pretrained", "num_classes", "dropout"]);
  const w = resolveWeights(builder, cls, o.weights, o.pretrained);
  const { weights: _w, progress, pretrained: _p, ...kwargs } = o;
  void _w;
  void _p;
  if (w !== null && w.kind === "enum") _ovewrite_named_param(kwargs, "num_classes", (w.weights.meta.categories as readonly string[]).length);
  return loadWeights(new SqueezeNet(version, kwargs as SqueezeNetOptions), w, (progress as boolean | undefined) ?? true);
}

/** SqueezeNet 1.0 (torchvision.models.squeezenet1_0). */
export function squeezenet1_0(options: SqueezeNetBuilderOptions<SqueezeNet1_0_Weights> = {}): SqueezeNet {
  return _squeezenet("squeezenet1_0", SqueezeNet1_0_Weights, "1_0", options);
}

/** SqueezeNet 1.1 (torchvision.models.squeezenet1_1): SqueezeNet 1.0's accuracy with 2.4x less computation. */
export function squeezenet1_1(options: SqueezeNetBuilderOptions<SqueezeNet1_1_Weights> = {}): SqueezeNet {
  return _squeezenet("squeezenet1_1", SqueezeNet1_1_Weights, "1_1", options);
}
