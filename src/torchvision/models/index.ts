/**
 * torchvision.models: classification architectures with torchvision 0.14's module names (a
 * state_dict saved by PyTorch loads without renaming keys), constructor options and weights enums.
 *
 * @example
 * const model = torchvision.models.resnet18({weights: "DEFAULT"}).eval();   // downloads once into ~/.cache/torch/hub/checkpoints
 * const scratch = torchvision.models.mobilenet_v2({num_classes: 10});
 * scratch.load_state_dict(torch.load("mobilenet_v2_fashion.pth"));          // saved by PyTorch
 */
export { Weights, WeightsEnum } from "./_api";
export type { WeightsMeta, WeightsArg } from "./_api";
export { ImageClassification } from "./_presets";
export type { ImageClassificationOptions } from "./_presets";
export { _IMAGENET_CATEGORIES } from "./_meta";
export { Conv2dNormActivation } from "./_misc";
export type { Conv2dNormActivationOptions } from "./_misc";
export { ResNet, BasicBlock, Bottleneck, ResNet18_Weights, ResNet34_Weights, ResNet50_Weights, resnet18, resnet34, resnet50, conv1x1, conv3x3 } from "./resnet";
export type { ResNetOptions, ResNetBuilderOptions, BlockOptions, NormLayer } from "./resnet";
export { VGG, VGG11_Weights, VGG11_BN_Weights, VGG16_Weights, VGG16_BN_Weights, vgg11, vgg11_bn, vgg16, vgg16_bn, make_layers, cfgs } from "./vgg";
export type { VGGOptions, VGGBuilderOptions, VGGConfig } from "./vgg";
export { AlexNet, AlexNet_Weights, alexnet } from "./alexnet";
export type { AlexNetOptions, AlexNetBuilderOptions } from "./alexnet";
export { MobileNetV2, InvertedResidual, MobileNet_V2_Weights, mobilenet_v2, _make_divisible } from "./mobilenetv2";
export type { MobileNetV2Options, MobileNetV2BuilderOptions } from "./mobilenetv2";
export { DenseNet, _DenseLayer, _DenseBlock, _Transition, densenet121, densenet161, densenet169, densenet201 } from "./densenet";
export type { DenseNetOptions, DenseNetBuilderOptions } from "./densenet";
export { SqueezeNet, Fire, SqueezeNet1_0_Weights, SqueezeNet1_1_Weights, squeezenet1_0, squeezenet1_1 } from "./squeezenet";
export type { SqueezeNetOptions, SqueezeNetBuilderOptions } from "./squeezenet";
