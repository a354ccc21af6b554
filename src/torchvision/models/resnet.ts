/**
 * torchvision.models.resnet: ResNet-18/34/50 with torchvision 0.14's module names (so state_dict
 * keys match: `layer1.0.conv1.weight`, `layer2.0.downsample.1.running_var`, `fc.bias`), arguments
 * and initialisation (kaiming_normal_ fan_out for every conv, BatchNorm weight 1 and bias 0).
 */
import { Tensor } from "../../tensor/tensor";
import { Module } from "../../nn/modules/module";
import { Conv2d } from "../../nn/modules/conv";
import { BatchNorm2d } from "../../nn/modules/batchnorm";
import { ReLU } from "../../nn/modules/activation";
import { MaxPool2d, AdaptiveAvgPool2d } from "../../nn/modules/pooling";
import { Linear } from "../../nn/modules/linear";
import { Sequential } from "../../nn/modules/container";
import * as init from "../../nn/init";
import { parseArgs } from "../../tensor/args";
import { NotImplementedError, ValueError } from "../../errors";
import { Weights, WeightsEnum, WeightsArg, resolveWeights, loadWeights, _ovewrite_named_param } from "./_api";
import { _IMAGENET_CATEGORIES } from "./_meta";

/** A layer constructor taking the channel count, like `nn.BatchNorm2d` (torchvision's `norm_layer`). */
export type NormLayer = new (num_features: number) => Module;

/** 3x3 convolution with padding. */
export function conv3x3(in_planes: number, out_planes: number, stride = 1, groups = 1, dilation = 1): Conv2d {
  return new Conv2d(in_planes, out_planes, { kernel_size: 3, stride, padding: dilation, groups, bias: false, dilation });
}

/** 1x1 convolution. */
export function conv1x1(in_planes: number, out_planes: number, stride = 1): Conv2d {
  return new Conv2d(in_planes, out_planes, { kernel_size: 1, stride, bias: false });
}

export interface BlockOptions {
  stride?: number;
  downsample?: Module | null;
  groups?: number;
  base_width?: number;
  dilation?: number;
  norm_layer?: NormLayer | null;
}

const BLOCK_ARGS = ["inplanes", "planes", "stride", "downsample", "groups", "base_width", "dilation", "norm_layer"];

/** The two-conv residual block of ResNet-18/34. */
export class BasicBlock extends Module {
  static readonly __module__ = "torchvision.models.resnet";
  static readonly expansion = 1;
  conv1: Conv2d;
  bn1: Module;
  relu: ReLU;
  conv2: Conv2d;
  bn2: Module;
  downsample: Module | null;
  stride: number;

  constructor(inplanes: number, planes: number, stride?: number | BlockOptions, downsample?: Module | null | BlockOptions, groups?: number | BlockOptions, base_width?: number | BlockOptions, dilation?: number | BlockOptions, norm_layer?: NormLayer | null | BlockOptions) {
    super();
    const a = parseArgs("BasicBlock", [inplanes, planes, stride, downsample, groups, base_width, dilation, norm_layer], BLOCK_ARGS);
    const Norm = (a.norm_layer as NormLayer | null | undefined) ?? BatchNorm2d;
    if (((a.groups as number | undefined) ?? 1) !== 1 || ((a.base_width as number | undefined) ?? 64) !== 64) throw new ValueError("BasicBlock only supports groups=1 and base_width=64");
    if (((a.dilation as number | undefined) ?? 1) > 1) throw new NotImplementedError("Dilation > 1 not supported in BasicBlock");
    const s = (a.stride as number | undefined) ?? 1;
    // Both conv1 and downsample downsample the input when stride != 1.
    this.conv1 = conv3x3(a.inplanes as number, a.planes as number, s);
    this.bn1 = new Norm(a.planes as number);
    this.relu = new ReLU(true);
    this.conv2 = conv3x3(a.planes as number, a.planes as number);
    this.bn2 = new Norm(a.planes as number);
    this.downsample = (a.downsample as Module | null | undefined) ?? null;
    this.stride = s;
  }

  forward(x: Tensor): Tensor {
    let out = this.relu(this.bn1(this.conv1(x)));
    out = this.bn2(this.conv2(out));
    const identity = this.downsample !== null ? this.downsample(x) : x;
    return this.relu(out.add(identity));
  }
}

/**
 * The 1x1-3x3-1x1 residual block of ResNet-50 and deeper. The stride sits on the 3x3 conv
 * (ResNet V1.5), as in torchvision.
 */
export class Bottleneck extends Module {
  static readonly __module__ = "torchvision.models.resnet";
  static readonly expansion = 4;
  conv1: Conv2d;
  bn1: Module;
  conv2: Conv2d;
  bn2: Module;
  conv3: Conv2d;
  bn3: Module;
  relu: ReLU;
  downsample: Module | null;
  stride: number;

  constructor(inplanes: number, planes: number, stride?: number | BlockOptions, downsample?: Module | null | BlockOptions, groups?: number | BlockOptions, base_width?: number | BlockOptions, dilation?: number | BlockOptions, norm_layer?: NormLayer | null | BlockOptions) {
    super();
    const a = parseArgs("Bottleneck", [inplanes, planes, stride, downsample, groups, base_width, dilation, norm_layer], BLOCK_ARGS);
    const Norm = (a.norm_layer as NormLayer | null | undefined) ?? BatchNorm2d;
    const g = (a.groups as number | undefined) ?? 1;
    const planesN = a.planes as number;
    const width = Math.floor(planesN * (((a.base_width as number | undefined) ?? 64) / 64.0)) * g;
    const s = (a.stride as number | undefined) ?? 1;
    this.conv1 = conv1x1(a.inplanes as number, width);
    this.bn1 = new Norm(width);
    this.conv2 = conv3x3(width, width, s, g, (a.dilation as number | undefined) ?? 1);
    this.bn2 = new Norm(width);
    this.conv3 = conv1x1(width, planesN * Bottleneck.expansion);
    this.bn3 = new Norm(planesN * Bottleneck.expansion);
    this.relu = new ReLU(true);
    this.downsample = (a.downsample as Module | null | undefined) ?? null;
    this.stride = s;
  }

  forward(x: Tensor): Tensor {
    let out = this.relu(this.bn1(this.conv1(x)));
    out = this.relu(this.bn2(this.conv2(out)));
    out = this.bn3(this.conv3(out));
    const identity = this.downsample !== null ? this.downsample(x) : x;
    return this.relu(out.add(identity));
  }
}

export type ResNetBlock = typeof BasicBlock | typeof Bottleneck;

export interface ResNetOptions {
  /** Default: 1000. */
  num_classes?: number;
  /** Start each residual branch's last BatchNorm at weight 0, so every block begins as the identity. Default: false. */
  zero_init_residual?: boolean;
  /** Groups of the 3x3 convs (ResNeXt). Default: 1. */
  groups?: number;
  /** Channels per group of the Bottleneck's 3x3 conv (64: ResNet; 128: Wide ResNet). Default: 64. */
  width_per_group?: number;
  /** For layer2..layer4, use a dilated conv instead of stride 2. Default: [false, false, false]. */
  replace_stride_with_dilation?: boolean[] | null;
  /** Default: nn.BatchNorm2d. */
  norm_layer?: NormLayer | null;
}

/**
 * ResNet (He et al., "Deep Residual Learning for Image Recognition"), torchvision's implementation.
 *
 * Args:
 *   block: BasicBlock or Bottleneck.  layers: the number of blocks in layer1..layer4.
 *   options: num_classes, zero_init_residual, groups, width_per_group, replace_stride_with_dilation, norm_layer.
 *
 * Shape: [N, 3, H, W] -> [N, num_classes] for any H, W >= 1 (global average pooling).
 *
 * @example
 * const net = new torchvision.models.ResNet(torchvision.models.BasicBlock, [2, 2, 2, 2], {num_classes: 10});
 */
export class ResNet extends Module {
  static readonly __module__ = "torchvision.models.resnet";
  /** @internal */
  declare _norm_layer: NormLayer;
  inplanes: number;
  dilation: number;
  groups: number;
  base_width: number;
  conv1: Conv2d;
  bn1: Module;
  relu: ReLU;
  maxpool: MaxPool2d;
  layer1: Sequential;
  layer2: Sequential;
  layer3: Sequential;
  layer4: Sequential;
  avgpool: AdaptiveAvgPool2d;
  fc: Linear;

  constructor(block: ResNetBlock, layers: number[], options: ResNetOptions = {}) {
    super();
    const o = parseArgs("ResNet", [options], ["num_classes", "zero_init_residual", "groups", "width_per_group", "replace_stride_with_dilation", "norm_layer"]);
    if (block !== BasicBlock && block !== Bottleneck) throw new ValueError("ResNet(): block must be BasicBlock or Bottleneck");
    if (!Array.isArray(layers) || layers.length !== 4 || layers.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new ValueError(`ResNet(): layers must be 4 positive block counts, got ${JSON.stringify(layers)}`);
    }
    Object.defineProperty(this, "_norm_layer", { value: (o.norm_layer as NormLayer | null | undefined) ?? BatchNorm2d, writable: true, enumerable: false, configurable: true });
    this.inplanes = 64;
    this.dilation = 1;
    const rswd = (o.replace_stride_with_dilation as boolean[] | null | undefined) ?? [false, false, false];
    if (!Array.isArray(rswd) || rswd.length !== 3) {
      throw new ValueError(`replace_stride_with_dilation should be None or a 3-element tuple, got ${JSON.stringify(rswd)}`);
    }
    this.groups = (o.groups as number | undefined) ?? 1;
    this.base_width = (o.width_per_group as number | undefined) ?? 64;
    this.conv1 = new Conv2d(3, this.inplanes, { kernel_size: 7, stride: 2, padding: 3, bias: false });
    this.bn1 = new this._norm_layer(this.inplanes);
    this.relu = new ReLU(true);
    this.maxpool = new MaxPool2d({ kernel_size: 3, stride: 2, padding: 1 });
    this.layer1 = this._make_layer(block, 64, layers[0]);
    this.layer2 = this._make_layer(block, 128, layers[1], 2, rswd[0]);
    this.layer3 = this._make_layer(block, 256, layers[2], 2, rswd[1]);
    this.layer4 = this._make_layer(block, 512, layers[3], 2, rswd[2]);
    this.avgpool = new AdaptiveAvgPool2d([1, 1]);
    this.fc = new Linear(512 * block.expansion, (o.num_classes as number | undefined) ?? 1000);

    for (const m of this.modules()) {
      if (m instanceof Conv2d) init.kaiming_normal_(m.weight, { mode: "fan_out", nonlinearity: "relu" });
      else if (m instanceof BatchNorm2d) {
        init.constant_(m.weight as Tensor, 1);
        init.constant_(m.bias as Tensor, 0);
      }
    }
    // Zero-initialising the last BN of each residual branch makes every block start as the identity
    // (+0.2-0.3% accuracy, Goyal et al. 2017, https://arxiv.org/abs/1706.02677).
    if ((o.zero_init_residual as boolean | undefined) ?? false) {
      for (const m of this.modules()) {
        if (m instanceof Bottleneck && m.bn3 instanceof BatchNorm2d && m.bn3.weight !== null) init.constant_(m.bn3.weight, 0);
        else if (m instanceof BasicBlock && m.bn2 instanceof BatchNorm2d && m.bn2.weight !== null) init.constant_(m.bn2.weight, 0);
      }
    }
  }

  /** @internal one stage: `blocks` blocks, the first of which may change stride and width. */
  _make_layer(block: ResNetBlock, planes: number, blocks: number, stride = 1, dilate = false): Sequential {
    const Norm = this._norm_layer;
    let downsample: Module | null = null;
    const previous_dilation = this.dilation;
    if (dilate) {
      this.dilation *= stride;
      stride = 1;
    }
    if (stride !== 1 || this.inplanes !== planes * block.expansion) {
      downsample = new Sequential(conv1x1(this.inplanes, planes * block.expansion, stride), new Norm(planes * block.expansion));
    }
    const layers: Module[] = [new block(this.inplanes, planes, stride, downsample, this.groups, this.base_width, previous_dilation, Norm)];
    this.inplanes = planes * block.expansion;
    for (let i = 1; i < blocks; i++) {
      layers.push(new block(this.inplanes, planes, { groups: this.groups, base_width: this.base_width, dilation: this.dilation, norm_layer: Norm }));
    }
    return new Sequential(...layers);
  }

  /** @internal */
  _forward_impl(x: Tensor): Tensor {
    x = this.maxpool(this.relu(this.bn1(this.conv1(x))));
    x = this.layer4(this.layer3(this.layer2(this.layer1(x))));
    return this.fc(this.avgpool(x).flatten(1));
  }

  forward(x: Tensor): Tensor {
    return this._forward_impl(x);
  }
}

const COMMON_META = {
  min_size: [1, 1] as [number, number],
  categories: _IMAGENET_CATEGORIES,
  recipe: "https://github.com/pytorch/vision/tree/main/references/classification#resnet",
};
const NEW_RECIPE = "https://github.com/pytorch/vision/issues/3995#issuecomment-1013906621";

export class ResNet18_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new ResNet18_Weights(
    "IMAGENET1K_V1",
    new Weights("https://download.pytorch.org/models/resnet18-f37072fd.pth", { crop_size: 224 }, { ...COMMON_META, num_params: 11689512, _metrics: { "ImageNet-1K": { "acc@1": 69.758, "acc@5": 89.078 } } }),
  );
  static readonly DEFAULT = ResNet18_Weights.IMAGENET1K_V1;
}

export class ResNet34_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new ResNet34_Weights(
    "IMAGENET1K_V1",
    new Weights("https://download.pytorch.org/models/resnet34-b627a593.pth", { crop_size: 224 }, { ...COMMON_META, num_params: 21797672, _metrics: { "ImageNet-1K": { "acc@1": 73.314, "acc@5": 91.42 } } }),
  );
  static readonly DEFAULT = ResNet34_Weights.IMAGENET1K_V1;
}

export class ResNet50_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new ResNet50_Weights(
    "IMAGENET1K_V1",
    new Weights("https://download.pytorch.org/models/resnet50-0676ba61.pth", { crop_size: 224 }, { ...COMMON_META, num_params: 25557032, _metrics: { "ImageNet-1K": { "acc@1": 76.13, "acc@5": 92.862 } } }),
  );
  static readonly IMAGENET1K_V2 = new ResNet50_Weights(
    "IMAGENET1K_V2",
    new Weights(
      "https://download.pytorch.org/models/resnet50-11ad3fa6.pth",
      { crop_size: 224, resize_size: 232 },
      { ...COMMON_META, recipe: NEW_RECIPE, num_params: 25557032, _metrics: { "ImageNet-1K": { "acc@1": 80.858, "acc@5": 95.434 } } },
    ),
  );
  static readonly DEFAULT = ResNet50_Weights.IMAGENET1K_V2;
}

/** The keyword arguments of the resnet builders. */
export interface ResNetBuilderOptions<E extends WeightsEnum> extends ResNetOptions {
  /** Pretrained weights: an enum member, its name, "DEFAULT", or a local checkpoint path. Default: none (random init). */
  weights?: WeightsArg<E>;
  /** Show a progress bar while downloading. Default: true. */
  progress?: boolean;
  /** Deprecated (torchvision < 0.13): true means weights IMAGENET1K_V1. */
  pretrained?: boolean;
}

function _resnet<E extends WeightsEnum>(builder: string, cls: abstract new (...a: never[]) => E, block: ResNetBlock, layers: number[], options: ResNetBuilderOptions<E>): ResNet {
  const o = parseArgs(builder, [options], ["weights", "progress", "pretrained", "num_classes", "zero_init_residual", "groups", "width_per_group", "replace_stride_with_dilation", "norm_layer"]);
  const w = resolveWeights(builder, cls, o.weights, o.pretrained);
  const { weights: _w, progress, pretrained: _p, ...kwargs } = o;
  void _w;
  void _p;
  if (w !== null && w.kind === "enum") _ovewrite_named_param(kwargs, "num_classes", (w.weights.meta.categories as readonly string[]).length);
  return loadWeights(new ResNet(block, layers, kwargs as ResNetOptions), w, (progress as boolean | undefined) ?? true);
}

/**
 * ResNet-18 (torchvision.models.resnet18).
 *
 * @example
 * const model = torchvision.models.resnet18({weights: "DEFAULT"}).eval();
 * const scratch = torchvision.models.resnet18({num_classes: 10});
 */
export function resnet18(options: ResNetBuilderOptions<ResNet18_Weights> = {}): ResNet {
  return _resnet("resnet18", ResNet18_Weights, BasicBlock, [2, 2, 2, 2], options);
}

/** ResNet-34 (torchvision.models.resnet34). */
export function resnet34(options: ResNetBuilderOptions<ResNet34_Weights> = {}): ResNet {
  return _resnet("resnet34", ResNet34_Weights, BasicBlock, [3, 4, 6, 3], options);
}

/** ResNet-50 (torchvision.models.resnet50). */
export function resnet50(options: ResNetBuilderOptions<ResNet50_Weights> = {}): ResNet {
  return _resnet("resnet50", ResNet50_Weights, Bottleneck, [3, 4, 6, 3], options);
}
