/**
 * torchvision.models.alexnet: AlexNet as in torchvision 0.14 ("One weird trick" variant), with its
 * module layout (`features.0` ... `features.10`, `classifier.1/4/6`). It keeps PyTorch's default
 * layer initialisation, as torchvision does.
 */
import { Tensor } from "../../tensor/tensor";
import { Module } from "../../nn/modules/module";
import { Conv2d } from "../../nn/modules/conv";
import { ReLU } from "../../nn/modules/activation";
import { Dropout } from "../../nn/modules/dropout";
import { MaxPool2d, AdaptiveAvgPool2d } from "../../nn/modules/pooling";
import { Linear } from "../../nn/modules/linear";
import { Sequential } from "../../nn/modules/container";
import { parseArgs } from "../../tensor/args";
import { Weights, WeightsEnum, WeightsArg, resolveWeights, loadWeights, _ovewrite_named_param } from "./_api";
import { _IMAGENET_CATEGORIES } from "./_meta";

export interface AlexNetOptions {
  /** Default: 1000. */
  num_classes?: number;
  /** Dropout probability of the classifier. Default: 0.5. */
  dropout?: number;
}

/**
 * AlexNet (Krizhevsky, "One weird trick for parallelizing convolutional neural networks").
 *
 * Shape: [N, 3, H, W] -> [N, num_classes], H and W at least 63.
 */
export class AlexNet extends Module {
  static readonly __module__ = "torchvision.models.alexnet";
  features: Sequential;
  avgpool: AdaptiveAvgPool2d;
  classifier: Sequential;

  constructor(num_classes?: number | AlexNetOptions, dropout?: number | AlexNetOptions) {
    super();
    const o = parseArgs("AlexNet", [num_classes, dropout], ["num_classes", "dropout"]);
    const p = (o.dropout as number | undefined) ?? 0.5;
    this.features = new Sequential(
      new Conv2d(3, 64, { kernel_size: 11, stride: 4, padding: 2 }),
      new ReLU(true),
      new MaxPool2d({ kernel_size: 3, stride: 2 }),
      new Conv2d(64, 192, { kernel_size: 5, padding: 2 }),
      new ReLU(true),
      new MaxPool2d({ kernel_size: 3, stride: 2 }),
      new Conv2d(192, 384, { kernel_size: 3, padding: 1 }),
      new ReLU(true),
      new Conv2d(384, 256, { kernel_size: 3, padding: 1 }),
      new ReLU(true),
      new Conv2d(256, 256, { kernel_size: 3, padding: 1 }),
      new ReLU(true),
      new MaxPool2d({ kernel_size: 3, stride: 2 }),
    );
    this.avgpool = new AdaptiveAvgPool2d([6, 6]);
    this.classifier = new Sequential(
      new Dropout({ p }),
      new Linear(256 * 6 * 6, 4096),
      new ReLU(true),
      new Dropout({ p }),
      new Linear(4096, 4096),
      new ReLU(true),
      new Linear(4096, (o.num_classes as number | undefined) ?? 1000),
    );
  }

  forward(x: Tensor): Tensor {
    x = this.avgpool(this.features(x));
    return this.classifier(x.flatten(1));
  }
}

export class AlexNet_Weights extends WeightsEnum {
  static readonly IMAGENET1K_V1 = new AlexNet_Weights(
    "IMAGENET1K_V1",
    new Weights(
      "https://download.pytorch.org/models/alexnet-owt-7be5be79.pth",
      { crop_size: 224 },
      {
        num_params: 61100840,
        min_size: [63, 63],
        categories: _IMAGENET_CATEGORIES,
        recipe: "https://github.com/pytorch/vision/tree/main/references/classification#alexnet-and-vgg",
        _metrics: { "ImageNet-1K": { "acc@1": 56.522, "acc@5": 79.066 } },
      },
    ),
  );
  static readonly DEFAULT = AlexNet_Weights.IMAGENET1K_V1;
}

export interface AlexNetBuilderOptions extends AlexNetOptions {
  /** Pretrained weights: an enum member, its name, "DEFAULT", or a local checkpoint path. Default: none. */
  weights?: WeightsArg<AlexNet_Weights>;
  /** Default: true. */
  progress?: boolean;
  /** Deprecated: true means weights IMAGENET1K_V1. */
  pretrained?: boolean;
}

/** AlexNet (torchvision.models.alexnet). */
export function alexnet(options: AlexNetBuilderOptions = {}): AlexNet {
  const o = parseArgs("alexnet", [options], ["weights", "progress", "pretrained", "num_classes", "dropout"]);
  const w = resolveWeights("alexnet", AlexNet_Weights, o.weights, o.pretrained);
  const { weights: _w, progress, pretrained: _p, ...kwargs } = o;
  void _w;
  void _p;
  if (w !== null && w.kind === "enum") _ovewrite_named_param(kwargs, "num_classes", (w.weights.meta.categories as readonly string[]).length);
  return loadWeights(new AlexNet(kwargs as AlexNetOptions), w, (progress as boolean | undefined) ?? true);
}
