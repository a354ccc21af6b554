"use strict";
/**
 * The benchmarked models, written the way the course writes them (bench/torch_bench.py has the same
 * models in PyTorch). Each entry builds a fresh model and optimizer from torchlab's `torch` (resnet18:
 * from its `torchvision`).
 */
function models(torch, torchvision) {
  const nn = torch.nn;
  return {
    /** The tutorial's Net: Conv2d(1,32,5,1,1) MaxPool ReLU BN Conv2d(32,64,3,1,1) ReLU BN Flatten Linear, SGD. */
    net: () => {
      torch.manual_seed(0);
      const model = new nn.Sequential(
        new nn.Conv2d(1, 32, 5, 1, 1), new nn.MaxPool2d(2, 2), new nn.ReLU(), new nn.BatchNorm2d(32),
        new nn.Conv2d(32, 64, 3, 1, 1), new nn.ReLU(), new nn.BatchNorm2d(64),
        new nn.Flatten(), new nn.Linear(64 * 13 * 13, 10));
      // FLOPs (multiply + add) of the convolutions and the linear layer: forward, and a training step
      // (forward, input and weight gradients; the first layer needs no input gradient).
      const c1 = 2 * 64 * 26 * 26 * 32 * 1 * 25, c2 = 2 * 64 * 13 * 13 * 64 * 32 * 9, fc = 2 * 64 * 10816 * 10;
      return { model, opt: new torch.optim.SGD(model.parameters(), { lr: 0.01 }), input: [64, 1, 28, 28], classes: 10, flops: { infer: c1 + c2 + fc, step: 2 * c1 + 3 * c2 + 3 * fc } };
    },
    /** The small conv net of PyTorch's "training a classifier" tutorial (CIFAR-10 shapes), batch 4, SGD with momentum. */
    blitz: () => {
      torch.manual_seed(0);
      const model = new nn.Sequential(
        new nn.Conv2d(3, 6, 5), new nn.ReLU(), new nn.MaxPool2d(2, 2),
        new nn.Conv2d(6, 16, 5), new nn.ReLU(), new nn.MaxPool2d(2, 2),
        new nn.Flatten(), new nn.Linear(16 * 5 * 5, 120), new nn.ReLU(), new nn.Linear(120, 84), new nn.ReLU(), new nn.Linear(84, 10));
      const c1 = 2 * 4 * 28 * 28 * 6 * 3 * 25, c2 = 2 * 4 * 10 * 10 * 16 * 6 * 25, fc = 2 * 4 * (400 * 120 + 120 * 84 + 84 * 10);
      return { model, opt: new torch.optim.SGD(model.parameters(), { lr: 0.001, momentum: 0.9 }), input: [4, 3, 32, 32], classes: 10, flops: { step: 2 * c1 + 3 * c2 + 3 * fc } };
    },
    /** The tutorial's ResNet block (conv-bn-relu, conv-bn, 1x1 conv-bn shortcut since ch_in != ch_out), 16 -> 32 channels at 32x32, batch 32, SGD on an MSE loss. */
    resblock: () => {
      torch.manual_seed(0);
      class ResNet extends nn.Module {
        constructor(chIn, chOut) {
          super();
          this.conv1 = new nn.Conv2d(chIn, chOut, { kernel_size: 3, stride: 1, padding: 1 });
          this.bn1 = new nn.BatchNorm2d(chOut);
          this.conv2 = new nn.Conv2d(chOut, chOut, { kernel_size: 3, stride: 1, padding: 1 });
          this.bn2 = new nn.BatchNorm2d(chOut);
          this.extra = new nn.Sequential();
          if (chOut !== chIn) this.extra = new nn.Sequential(new nn.Conv2d(chIn, chOut, { kernel_size: 1, stride: 1 }), new nn.BatchNorm2d(chOut));
        }
        forward(x) {
          let out = torch.nn.functional.relu(this.bn1(this.conv1(x)));
          out = this.bn2(this.conv2(out));
          return this.extra(x).add(out);
        }
      }
      const model = new ResNet(16, 32);
      const c1 = 2 * 32 * 1024 * 32 * 16 * 9, c2 = 2 * 32 * 1024 * 32 * 32 * 9, ce = 2 * 32 * 1024 * 32 * 16;
      return { model, opt: new torch.optim.SGD(model.parameters(), { lr: 0.01 }), input: [32, 16, 32, 32], target: [32, 32, 32, 32], flops: { step: 2 * c1 + 3 * c2 + 2 * ce } };
    },
    /** torchvision.models.resnet18 (1000 classes), eval mode, one 224x224 image. */
    resnet18: () => {
      torch.manual_seed(0);
      const model = torchvision.models.resnet18().eval();
      // 1.814 G multiply-adds (torchvision's documented GFLOPS for resnet18), counted as 2 FLOPs each.
      return { model, input: [1, 3, 224, 224], flops: { infer: 2 * 1.814e9 } };
    },
  };
}

/** Entries that are timed for inference only: they have no optimizer and need torchvision to build. */
const INFERENCE_ONLY = new Set(["resnet18"]);

/**
 * A training step of a `models` entry as the course writes it (zero_grad, loss, backward, step, item),
 * on a fixed input and target (class indices, or a tensor of spec.target's shape for an MSE loss).
 */
function trainStep(torch, spec) {
  const x = torch.randn(...spec.input);
  const y = spec.target ? torch.randn(...spec.target) : torch.randint(0, spec.classes, [spec.input[0]]);
  const lossFn = spec.target ? new torch.nn.MSELoss() : new torch.nn.CrossEntropyLoss();
  return () => {
    spec.opt.zero_grad();
    const loss = lossFn(spec.model(x), y);
    loss.backward();
    spec.opt.step();
    return loss.item();
  };
}

module.exports = { models, trainStep, INFERENCE_ONLY };
