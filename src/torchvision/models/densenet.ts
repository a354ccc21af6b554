/**
 * torchvision.models.densenet: DenseNet-121 / 161 / 169 / 201 with torchvision 0.14's layout
 * (`features.denseblock<i>.denselayer<j>.norm1/conv1/norm2/conv2`, `features.transition<i>`,
 * `features.norm5`, `classifier`) and initialisation. Pretrained weights are not offered: torchvision's
 * DenseNet checkpoints use an older key layout (`denselayer1.norm.1`) that its loader rewrites.
 */
import { Tensor } from "../../tensor/tensor";
import { Module } from "../../nn/modules/module";
import { Conv2d } from "../../nn/modules/conv";
import { BatchNorm2d } from "../../nn/modules/batchnorm";
import { ReLU } from "../../nn/modules/activation";
import { Linear } from "../../nn/modules/linear";
import { MaxPool2d, AvgPool2d } from "../../nn/modules/pooling";
import { Sequential, ModuleDict } from "../../nn/modules/container";
import { dropout } from "../../nn/functional/dropout";
import { relu } from "../../nn/functional/activation";
import { adaptive_avg_pool2d } from "../../ops/pool";
import { cat } from "../../ops/movement";
import * as init from "../../nn/init";
import { parseArgs } from "../../tensor/args";
import { NotImplementedError } from "../../errors";

/** BN-ReLU-Conv1x1 (to bn_size * growth_rate channels), then BN-ReLU-Conv3x3 (to growth_rate channels). */
export class _DenseLayer extends Module {
  static readonly __module__ = "torchvision.models.densenet";
  norm1: BatchNorm2d;
  relu1: ReLU;
  conv1: Conv2d;
  norm2: BatchNorm2d;
  relu2: ReLU;
  conv2: Conv2d;
  drop_rate: number;
  memory_efficient: boolean;

  constructor(num_input_features: number, growth_rate: number, bn_size: number, drop_rate: number, memory_efficient = false) {
    super();
    this.norm1 = new BatchNorm2d(num_input_features);
    this.relu1 = new ReLU(true);
    this.conv1 = new Conv2d(num_input_features, bn_size * growth_rate, { kernel_size: 1, stride: 1, bias: false });
    this.norm2 = new BatchNorm2d(bn_size * growth_rate);
    this.relu2 = new ReLU(true);
    this.conv2 = new Conv2d(bn_size * growth_rate, growth_rate, { kernel_size: 3, stride: 1, padding: 1, bias: false });
    this.drop_rate = drop_rate;
    this.memory_efficient = memory_efficient;
  }

  /** Takes the block's input and every earlier layer's output, concatenated on channels. */
  forward(input: Tensor | Tensor[]): Tensor {
    const concated = input instanceof Tensor ? input : cat(input, 1);
    const bottleneck = this.conv1(this.relu1(this.norm1(concated)));
    const out = this.conv2(this.relu2(this.norm2(bottleneck)));
    return this.drop_rate > 0 ? dropout(out, { p: this.drop_rate, training: this.training }) : out;
  }
}

/** `num_layers` dense layers, each fed every earlier output; the block returns them all concatenated. */
export class _DenseBlock extends ModuleDict {
  static readonly __module__ = "torchvision.models.densenet";
  constructor(num_layers: number, num_input_features: number, bn_size: number, growth_rate: number, drop_rate: number, memory_efficient = false) {
    super();
    for (let i = 0; i < num_layers; i++) {
      this.add_module(`denselayer${i + 1}`, new _DenseLayer(num_input_features + i * growth_rate, growth_rate, bn_size, drop_rate, memory_efficient));
    }
  }

  forward(init_features: Tensor): Tensor {
    const features = [init_features];
    for (const layer of this.values()) features.push((layer as _DenseLayer).forward(features));
    return cat(features, 1);
  }
}

/** BN-ReLU-Conv1x1 then 2x2 average pooling, between dense blocks. */
export class _Transition extends Sequential {
  static readonly __module__ = "torchvision.models.densenet";
  constructor(num_input_features: number, num_output_features: number) {
    super({
      norm: new BatchNorm2d(num_input_features),
      relu: new ReLU(true),
      conv: new Conv2d(num_input_features, num_output_features, { kernel_size: 1, stride: 1, bias: false }),
      pool: new AvgPool2d(2, { stride: 2 }),
    });
  }
}

export interface DenseNetOptions {
  /** Channels each layer adds (k in the paper). Default: 32. */
  growth_rate?: number;
  /** Layers in each dense block. Default: [6, 12, 24, 16]. */
  block_config?: number[];
  /** Channels of the first convolution. Default: 64. */
  num_init_features?: number;
  /** Bottleneck width as a multiple of growth_rate. Default: 4. */
  bn_size?: number;
  /** Dropout after each dense layer. Default: 0. */
  drop_rate?: number;
  /** Default: 1000. */
  num_classes?: number;
  /** Checkpointing in torchvision; accepted, with no effect on results. Default: false. */
  memory_efficient?: boolean;
}

/**
 * DenseNet-BC (Huang et al., "Densely Connected Convolutional Networks"): each layer of a dense block
 * sees every earlier layer's features; transitions halve the channels and the resolution.
 *
 * @example
 * const m = torchvision.models.densenet121({num_classes: 10});
 * m(torch.rand(1, 3, 64, 64)).shape   // [1, 10]
 */
export class DenseNet extends Module {
  static readonly __module__ = "torchvision.models.densenet";
  features: Sequential;
  classifier: Linear;

  constructor(options: DenseNetOptions = {}) {
    super();
    const o = parseArgs("DenseNet", [options], ["growth_rate", "block_config", "num_init_features", "bn_size", "drop_rate", "num_classes", "memory_efficient"]);
    const growth_rate = (o.growth_rate as number | undefined) ?? 32;
    const block_config = (o.block_config as number[] | undefined) ?? [6, 12, 24, 16];
    const num_init_features = (o.num_init_features as number | undefined) ?? 64;
    const bn_size = (o.bn_size as number | undefined) ?? 4;
    const drop_rate = (o.drop_rate as number | undefined) ?? 0;
    const memory_efficient = (o.memory_efficient as boolean | undefined) ?? false;
    this.features = new Sequential({
      conv0: new Conv2d(3, num_init_features, { kernel_size: 7, stride: 2, padding: 3, bias: false }),
      norm0: new BatchNorm2d(num_init_features),
      relu0: new ReLU(true),
      pool0: new MaxPool2d(3, { stride: 2, padding: 1 }),
    });
    let num_features = num_init_features;
    block_config.forEach((num_layers, i) => {
      this.features.add_module(`denseblock${i + 1}`, new _DenseBlock(num_layers, num_features, bn_size, growth_rate, drop_rate, memory_efficient));
      num_features += num_layers * growth_rate;
      if (i !== block_config.length - 1) {
        this.features.add_module(`transition${i + 1}`, new _Transition(num_features, Math.floor(num_features / 2)));
        num_features = Math.floor(num_features / 2);
      }
    });
    this.features.add_module("norm5", new BatchNorm2d(num_features));
    this.classifier = new Linear(num_features, (o.num_classes as number | undefined) ?? 1000);
    for (const m of this.modules()) {
      if (m instanceof Conv2d) init.kaiming_normal_(m.weight);
      else if (m instanceof BatchNorm2d) {
        init.constant_(m.weight as Tensor, 1);
        init.constant_(m.bias as Tensor, 0);
      } else if (m instanceof Linear && m.bias !== null) init.constant_(m.bias, 0);
    }
  }

  forward(x: Tensor): Tensor {
    const features = this.features(x);
    const out = adaptive_avg_pool2d(relu(features), [1, 1]).flatten(1);
    return this.classifier(out);
  }
}

export interface DenseNetBuilderOptions extends Omit<DenseNetOptions, "growth_rate" | "block_config" | "num_init_features"> {
  /** Pretrained weights: not available in torchlab (null only). */
  weights?: null;
  /** Default: true. */
  progress?: boolean;
}

function _densenet(builder: string, growth_rate: number, block_config: number[], num_init_features: number, options: DenseNetBuilderOptions): DenseNet {
  const o = parseArgs(builder, [options], ["weights", "progress", "bn_size", "drop_rate", "num_classes", "memory_efficient"]);
  if (o.weights !== undefined && o.weights !== null) {
    throw new NotImplementedError(`${builder}(): pretrained DenseNet weights are not available in torchlab; pass weights: null and train, or load a state_dict saved with torchlab`);
  }
  const { weights: _w, progress: _p, ...kwargs } = o;
  void _w;
  void _p;
  return new DenseNet({ ...(kwargs as DenseNetOptions), growth_rate, block_config, num_init_features });
}

/** DenseNet-121 (torchvision.models.densenet121): growth 32, blocks [6, 12, 24, 16]. */
export function densenet121(options: DenseNetBuilderOptions = {}): DenseNet {
  return _densenet("densenet121", 32, [6, 12, 24, 16], 64, options);
}

/** DenseNet-161 (torchvision.models.densenet161): growth 48, blocks [6, 12, 36, 24], 96 initial features. */
export function densenet161(options: DenseNetBuilderOptions = {}): DenseNet {
  return _densenet("densenet161", 48, [6, 12, 36, 24], 96, options);
}

/** DenseNet-169 (torchvision.models.densenet169): growth 32, blocks [6, 12, 32, 32]. */
export function densenet169(options: DenseNetBuilderOptions = {}): DenseNet {
  return _densenet("densenet169", 32, [6, 12, 32, 32], 64, options);
}

/** DenseNet-201 (torchvision.models.densenet201): growth 32, blocks [6, 12, 48, 32]. */
export function densenet201(options: DenseNetBuilderOptions = {}): DenseNet {
  return _densenet("densenet201", 32, [6, 12, 48, 32], 64, options);
}
