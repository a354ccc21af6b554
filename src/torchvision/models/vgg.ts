/**
 * torchvision.models.vgg: VGG-11/13/16/19 with and without BatchNorm, torchvision 0.14's layout
 * (`features.<i>`, `classifier.0/3/6`), arguments and initialisation.
 */
import { Tensor } from "../../tensor/tensor";
import { Module } from "../../nn/modules/module";
import { Conv2d } from "../../nn/modules/conv";
import { BatchNorm2d } from "../../nn/modules/batchnorm";
import { ReLU } from "../../nn/modules/activation";
import { Dropout } from "../../nn/modules/dropout";
import { MaxPool2d, AdaptiveAvgPool2d } from "../../nn/modules/pooling";
import { Linear } from "../../nn/modules/linear";
import { Sequential } from "../../nn/modules/container";
import * as init from "../../nn/init";
import { parseArgs } from "../../tensor/args";
import { TypeError } from "../../errors";
import { Weights, WeightsEnum, WeightsArg, resolveWeights, loadWeights, _ovewrite_named_param } from "./_api";
import { _IMAGENET_CATEGORIES } from "./_meta";

export interface VGGOptions {
  /** Default: 1000. */
  num_classes?: number;
  /** torchvision's init (kaiming_normal_ fan_out convs, N(0, 0.01) linears, zero biases). Default: true. */
  init_weights?: boolean;
  /** Dropout probability of the classifier. Default: 0.5. */
  dropout?: number;
}

/**
 * VGG (Simonyan & Zisserman, "Very Deep Convolutional Networks"): `features` (a conv stack from
 * `make_layers`), adaptive average pooling to 7x7, and a 3-layer classifier.
 *
 * Shape: [N, 3, H, W] -> [N, num_classes], H and W at least 32.
 */
export class VGG extends Module {
  static readonly __module__ = "torchvision.models.vgg";
  features: Module;
  avgpool: AdaptiveAvgPool2d;
  classifier: Sequential;

  constructor(features: Module, num_classes?: number | VGGOptions, init_weights?: boolean | VGGOptions, dropout?: number | VGGOptions) {
    super();
    const o = parseArgs("VGG", [features, num_classes, init_weights, dropout], ["features", "num_classes", "init_weights", "dropout"]);
    if (!(o.features instanceof Module)) throw new TypeError("VGG(): features must be a Module (e.g. make_layers(cfgs.D))");
    const p = (o.dropout as number | undefined) ?? 0.5;
    this.features = o.features;
    this.avgpool = new AdaptiveAvgPool2d([7, 7]);
    this.classifier = new Sequential(
      new Linear(512 * 7 * 7, 4096),
      new ReLU(true),
      new Dropout({ p }),
      new Linear(4096, 4096),
      new ReLU(true),
      new Dropout({ p }),
      new Linear(4096, (o.num_classes as number | undefined) ?? 1000),
    );
    if ((o.init_weights as boolean | undefined) ?? true) {
      for (const m of this.modules()) {
        if (m instanceof Conv2d) {
          init.kaiming_normal_(m.weight, { mode: "fan_out", nonlinearity: "relu" });
          if (m.bias !== null) init.constant_(m.bias, 0);
        } else if (m instanceof BatchNorm2d) {
          init.constant_(m.weight as Tensor, 1);
          init.constant_(m.bias as Tensor, 0);
        } else if (m instanceof Linear) {
          init.normal_(m.weight, 0, 0.01);
          if (m.bias !== null) init.constant_(m.bias, 0);
        }
      }
    }
  }

  forward(x: Tensor): Tensor {
    x = this.avgpool(this.features(x));
    return this.classifier(x.flatten(1));
  }
}

/** A VGG configuration: channel counts, "M" for a 2x2 max pool. */
export type VGGConfig = (number | "M")[];

/** torchvision's VGG configurations: A = VGG-11, B = 13, D = 16, E = 19. */
export const cfgs: Record<"A" | "B" | "D" | "E", VGGConfig> = {
  A: [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  B: [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  D: [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
  E: [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
};

/** The `features` stack of a configuration: conv3x3 (+ BatchNorm) + ReLU per number, max pool per "M". */
export function make_layers(cfg: VGGConfig, batch_norm = false): Sequential {
  const layers: Module[] = [];
  let in_channels = 3;
  for (const v of cfg) {
    if (v === "M") layers.push(new MaxPool2d({ kernel_size: 2, stride: 2 }));
    else {
      const conv = new Conv2d(in_channels, v, { kernel_size: 3, padding: 1 });
      if (batch_norm) layers.push(conv, new BatchNorm2d(v), new ReLU(true));
      else layers.push(conv, new ReLU(true));
      in_channels = v;
    }
  }
  return new Sequential(...layers);
}

const COMMON_META = {
  min_size: [32, 32] as [number, number],
  categories: _IMAGENET_CATEGORIES,
  recipe: "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg",
};

const entry = (url: string, num_params: number, top1: number, top5: number): Weights =>
  new Weights(url, { crop_size: 224 }, { ...COMMON_META, num_params, _metrics: { "ImageNet-1K": { "acc@1": top1, "acc@5": top5 } } });

export class VGG11_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new VGG11_Weights("IMAGENET1K_V1", entry("https://download.pytorch.org/models/vgg11-8a719046.pth", 132863336, 69.02, 88.628));
  static readonly DEFAULT = VGG11_Weights.IMAGENET1K_V1;
}

export class VGG11_BN_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new VGG11_BN_Weights("IMAGENET1K_V1", entry("https://download.pytorch.org/models/vgg11_bn-6002323d.pth", 132868840, 70.37, 89.81));
  static readonly DEFAULT = VGG11_BN_Weights.IMAGENET1K_V1;
}

export class VGG16_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new VGG16_Weights("IMAGENET1K_V1", entry("https://download.pytorch.org/models/vgg16-397923af.pth", 138357544, 71.592, 90.382));
  /**
   * The features of amdegroot's SSD port (the classifier is not trained: categories null, NaN
   * metrics); inputs in [0, 255] minus the mean, hence std 1/255.
   */
  static readonly IMAGENET1K_FEATURES = new VGG16_Weights(
    "IMAGENET1K_FEATURES",
    new Weights(
      "https://download.pytorch.org/models/vgg16_features-amdegroot-88682ab5.pth",
      { crop_size: 224, mean: [0.48235, 0.45882, 0.40784], std: [1.0 / 255.0, 1.0 / 255.0, 1.0 / 255.0] },
      { ...COMMON_META, categories: null, recipe: "https://github.com/amdegroot/ssd.pytorch#training-ssd", num_params: 138357544, _metrics: { "ImageNet-1K": { "acc@1": NaN, "acc@5": NaN } } },
    ),
  );
  static readonly DEFAULT = VGG16_Weights.IMAGENET1K_V1;
}

export class VGG16_BN_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new VGG16_BN_Weights("IMAGENET1K_V1", entry("https://download.pytorch.org/models/vgg16_bn-6c64b313.pth", 138365992, 73.36, 91.516));
  static readonly DEFAULT = VGG16_BN_Weights.IMAGENET1K_V1;
}

export interface VGGBuilderOptions<E extends WeightsEnum> extends VGGOptions {
  /** Pretrained weights: an enum member, its name, "DEFAULT", or a local checkpoint path. Default: none. */
  weights?: WeightsArg<E>;
  /** Default: true. */
  progress?: boolean;
  /** Deprecated: true means weights IMAGENET1K_V1. */
  pretrained?: boolean;
}

function _vgg<E extends WeightsEnum>(builder: string, cls: abstract new (...a: never[]) => E, cfg: VGGConfig, batch_norm: boolean, options: VGGBuilderOptions<E>): VGG {
  const o = parseArgs(builder, [options], ["weights", "progress", "pretrained", "num_classes", "init_weights", "dropout"]);
  const w = resolveWeights(builder, cls, o.weights, o.pretrained);
  const { weights: _w, progress, pretrained: _p, ...kwargs } = o;
  void _w;
  void _p;
  if (w !== null) {
    // The random init would be overwritten at once.
    kwargs.init_weights = false;
    if (w.kind === "enum" && w.weights.meta.categories !== null) _ovewrite_named_param(kwargs, "num_classes", w.weights.meta.categories.length);
  }
  return loadWeights(new VGG(make_layers(cfg, batch_norm), kwargs as VGGOptions), w, (progress as boolean | undefined) ?? true);
}

/** VGG-11 (configuration "A"). */
export function vgg11(options: VGGBuilderOptions<VGG11_Weights> = {}): VGG {
  return _vgg("vgg11", VGG11_Weights, cfgs.A, false, options);
}

/** VGG-11 with BatchNorm. */
export function vgg11_bn(options: VGGBuilderOptions<VGG11_BN_Weights> = {}): VGG {
  return _vgg("vgg11_bn", VGG11_BN_Weights, cfgs.A, true, options);
}

/**
 * VGG-16 (configuration "D").
 *
 * @example
 * const model = torchvision.models.vgg16({weights: "IMAGENET1K_V1"});   // PyTorch's save/load tutorial
 * torch.save(model.state_dict(), "model_weights.pth");
 */
export function vgg16(options: VGGBuilderOptions<VGG16_Weights> = {}): VGG {
  return _vgg("vgg16", VGG16_Weights, cfgs.D, false, options);
}

/** VGG-16 with BatchNorm. */
export function vgg16_bn(options: VGGBuilderOptions<VGG16_BN_Weights> = {}): VGG {
  return _vgg("vgg16_bn", VGG16_BN_Weights, cfgs.D, true, options);
}
