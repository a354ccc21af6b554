/**
 * d2l-zh chapter_convolutional-modern, second half (batch-norm from scratch and concise, resnet, densenet;
 * PyTorch tabs) ported line by line against PyTorch 1.13 (test/reference/gen_d2l_modern.py): the
 * scratch batch_norm with its moving averages (`torch.is_grad_enabled()` choosing the mode, `.data`
 * returned), LeNet with BatchNorm trained by train_ch6 on the Fashion-MNIST stand-in, then with
 * nn.BatchNorm2d/1d; the Residual and DenseBlock shape checks; ResNet's output shapes at 224 and
 * DenseNet's at 96, each with two steps of train_ch6 at 96.
 */
import { torch } from "../../src";
import { expectSamePrint } from "./_tutorial";
import { d2lReference, printer, load_data_fashion_mnist, train_ch6, shapes, train, expectClose } from "./_d2l_cnn";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
const R = (section: string) => d2lReference("d2l_modern.json", section);
const CPU = () => torch.device("cpu");

function batch_norm(X: Tensor, gamma: Tensor, beta: Tensor, moving_mean: Tensor, moving_var: Tensor, eps: number, momentum: number): [Tensor, Tensor, Tensor] {
  let X_hat: Tensor;
  // 通过is_grad_enabled来判断当前模式是训练模式还是预测模式
  if (!torch.is_grad_enabled()) {
    X_hat = X.sub(moving_mean).div(torch.sqrt(moving_var.add(eps)));
  } else {
    expect([2, 4]).toContain(X.shape.length);
    let mean: Tensor;
    let variance: Tensor;
    if (X.shape.length === 2) {
      mean = X.mean({ dim: 0 });
      variance = X.sub(mean).pow(2).mean({ dim: 0 });
    } else {
      mean = X.mean({ dim: [0, 2, 3], keepdim: true });
      variance = X.sub(mean).pow(2).mean({ dim: [0, 2, 3], keepdim: true });
    }
    X_hat = X.sub(mean).div(torch.sqrt(variance.add(eps)));
    moving_mean = moving_mean.mul(momentum).add(mean.mul(1.0 - momentum));
    moving_var = moving_var.mul(momentum).add(variance.mul(1.0 - momentum));
  }
  const Y = gamma.mul(X_hat).add(beta); // 缩放和移位
  return [Y, moving_mean.data, moving_var.data];
}

class BatchNorm extends nn.Module {
  gamma: InstanceType<typeof nn.Parameter>;
  beta: InstanceType<typeof nn.Parameter>;
  moving_mean: Tensor;
  moving_var: Tensor;
  // num_features：完全连接层的输出数量或卷积层的输出通道数。num_dims：2表示完全连接层，4表示卷积层
  constructor(num_features: number, num_dims: number) {
    super();
    const shape = num_dims === 2 ? [1, num_features] : [1, num_features, 1, 1];
    this.gamma = new nn.Parameter(torch.ones(shape));
    this.beta = new nn.Parameter(torch.zeros(shape));
    this.moving_mean = torch.zeros(shape);
    this.moving_var = torch.ones(shape);
  }
  forward(X: Tensor): Tensor {
    if (this.moving_mean.device !== X.device) {
      this.moving_mean = this.moving_mean.to(X.device);
      this.moving_var = this.moving_var.to(X.device);
    }
    let Y: Tensor;
    [Y, this.moving_mean, this.moving_var] = batch_norm(X, this.gamma, this.beta, this.moving_mean, this.moving_var, 1e-5, 0.9);
    return Y;
  }
}

test("batch-norm: from scratch and concise, trained by train_ch6", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  let net = new nn.Sequential(
    new nn.Conv2d(1, 6, { kernel_size: 5 }), new BatchNorm(6, 4), new nn.Sigmoid(),
    new nn.AvgPool2d({ kernel_size: 2, stride: 2 }),
    new nn.Conv2d(6, 16, { kernel_size: 5 }), new BatchNorm(16, 4), new nn.Sigmoid(),
    new nn.AvgPool2d({ kernel_size: 2, stride: 2 }), new nn.Flatten(),
    new nn.Linear(16 * 4 * 4, 120), new BatchNorm(120, 2), new nn.Sigmoid(),
    new nn.Linear(120, 84), new BatchNorm(84, 2), new nn.Sigmoid(),
    new nn.Linear(84, 10));
  const [lr, num_epochs, batch_size] = [1.0, 1, 16];
  const [train_iter, test_iter] = load_data_fashion_mnist(batch_size, undefined, 48, 16);
  const points = train_ch6(net, train_iter, test_iter, num_epochs, lr, CPU(), print);
  const bn = net.get(1) as BatchNorm;
  print(`(${bn.gamma.reshape([-1])}, ${bn.beta.reshape([-1])})`);
  const moving = [bn.moving_mean.reshape(-1).tolist(), bn.moving_var.reshape(-1).tolist()];

  torch.manual_seed(0);
  net = new nn.Sequential(
    new nn.Conv2d(1, 6, { kernel_size: 5 }), new nn.BatchNorm2d(6), new nn.Sigmoid(),
    new nn.AvgPool2d({ kernel_size: 2, stride: 2 }),
    new nn.Conv2d(6, 16, { kernel_size: 5 }), new nn.BatchNorm2d(16), new nn.Sigmoid(),
    new nn.AvgPool2d({ kernel_size: 2, stride: 2 }), new nn.Flatten(),
    new nn.Linear(256, 120), new nn.BatchNorm1d(120), new nn.Sigmoid(),
    new nn.Linear(120, 84), new nn.BatchNorm1d(84), new nn.Sigmoid(),
    new nn.Linear(84, 10));
  const concise = train_ch6(net, train_iter, test_iter, num_epochs, lr, CPU(), print);
  print(net.get(1));
  const bn2 = net.get(1) as InstanceType<typeof nn.BatchNorm2d>;
  const running = [bn2.running_mean!.tolist(), bn2.running_var!.tolist()];

  expectSamePrint(printed.join("\n"), (R("batch_norm").printed as string[]).join("\n"));
  expectClose(points, R("batch_norm").points, 2e-4, "points");
  expectClose(moving, R("batch_norm").moving, 2e-4, "moving");
  expectClose(concise, R("batch_norm").concise, 2e-4, "concise");
  expectClose(running, R("batch_norm").running, 2e-4, "running");
});

class Residual extends nn.Module {
  conv1: InstanceType<typeof nn.Conv2d>;
  conv2: InstanceType<typeof nn.Conv2d>;
  conv3: InstanceType<typeof nn.Conv2d> | null;
  bn1: InstanceType<typeof nn.BatchNorm2d>;
  bn2: InstanceType<typeof nn.BatchNorm2d>;
  constructor(input_channels: number, num_channels: number, { use_1x1conv = false, strides = 1 } = {}) {
    super();
    this.conv1 = new nn.Conv2d(input_channels, num_channels, { kernel_size: 3, padding: 1, stride: strides });
    this.conv2 = new nn.Conv2d(num_channels, num_channels, { kernel_size: 3, padding: 1 });
    if (use_1x1conv) {
      this.conv3 = new nn.Conv2d(input_channels, num_channels, { kernel_size: 1, stride: strides });
    } else {
      this.conv3 = null;
    }
    this.bn1 = new nn.BatchNorm2d(num_channels);
    this.bn2 = new nn.BatchNorm2d(num_channels);
  }
  forward(X: Tensor): Tensor {
    let Y = F.relu(this.bn1(this.conv1(X)));
    Y = this.bn2(this.conv2(Y));
    if (this.conv3) X = this.conv3(X);
    Y.add_(X);
    return F.relu(Y);
  }
}

test("resnet: Residual shapes, output shapes at 224, two steps of train_ch6 at 96", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  let blk = new Residual(3, 3);
  const X = torch.rand(4, 3, 6, 6);
  const Y = blk(X);
  print(Y.shape);
  blk = new Residual(3, 6, { use_1x1conv: true, strides: 2 });
  print(blk(X).shape);
  const b1 = new nn.Sequential(new nn.Conv2d(1, 64, { kernel_size: 7, stride: 2, padding: 3 }),
    new nn.BatchNorm2d(64), new nn.ReLU(),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2, padding: 1 }));
  function resnet_block(input_channels: number, num_channels: number, num_residuals: number, first_block = false): Module[] {
    const blk: Module[] = [];
    for (let i = 0; i < num_residuals; i++) {
      if (i === 0 && !first_block) blk.push(new Residual(input_channels, num_channels, { use_1x1conv: true, strides: 2 }));
      else blk.push(new Residual(num_channels, num_channels));
    }
    return blk;
  }
  const b2 = new nn.Sequential(...resnet_block(64, 64, 2, true));
  const b3 = new nn.Sequential(...resnet_block(64, 128, 2));
  const b4 = new nn.Sequential(...resnet_block(128, 256, 2));
  const b5 = new nn.Sequential(...resnet_block(256, 512, 2));
  const net = new nn.Sequential(b1, b2, b3, b4, b5,
    new nn.AdaptiveAvgPool2d([1, 1]),
    new nn.Flatten(), new nn.Linear(512, 10));
  shapes(net, torch.rand({ size: [1, 1, 224, 224] }), print);
  const points = train(net, 96, 4, 2, 0.05, print);
  expectSamePrint(printed.join("\n"), (R("resnet").printed as string[]).join("\n"));
  expectClose(points, R("resnet").points, 2e-4, "points");
}, 120_000);

function conv_block(input_channels: number, num_channels: number): InstanceType<typeof nn.Sequential> {
  return new nn.Sequential(
    new nn.BatchNorm2d(input_channels), new nn.ReLU(),
    new nn.Conv2d(input_channels, num_channels, { kernel_size: 3, padding: 1 }));
}

class DenseBlock extends nn.Module {
  net: InstanceType<typeof nn.Sequential>;
  constructor(num_convs: number, input_channels: number, num_channels: number) {
    super();
    const layer: Module[] = [];
    for (let i = 0; i < num_convs; i++) layer.push(conv_block(num_channels * i + input_channels, num_channels));
    this.net = new nn.Sequential(...layer);
  }
  forward(X: Tensor): Tensor {
    for (const blk of this.net) {
      const Y = blk(X);
      // 连接通道维度上每个块的输入和输出
      X = torch.cat([X, Y], { dim: 1 });
    }
    return X;
  }
}

function transition_block(input_channels: number, num_channels: number): InstanceType<typeof nn.Sequential> {
  return new nn.Sequential(
    new nn.BatchNorm2d(input_channels), new nn.ReLU(),
    new nn.Conv2d(input_channels, num_channels, { kernel_size: 1 }),
    new nn.AvgPool2d({ kernel_size: 2, stride: 2 }));
}

test("densenet: DenseBlock and transition shapes, output shapes at 96, two steps of train_ch6", () => {
  const [printed, print] = printer();
  torch.manual_seed(0);
  let blk: Module = new DenseBlock(2, 3, 10);
  const X = torch.randn(4, 3, 8, 8);
  const Y = blk(X) as Tensor;
  print(Y.shape);
  blk = transition_block(23, 10);
  print((blk(Y) as Tensor).shape);
  const b1 = new nn.Sequential(
    new nn.Conv2d(1, 64, { kernel_size: 7, stride: 2, padding: 3 }),
    new nn.BatchNorm2d(64), new nn.ReLU(),
    new nn.MaxPool2d({ kernel_size: 3, stride: 2, padding: 1 }));
  // num_channels为当前的通道数
  let [num_channels, growth_rate] = [64, 32];
  const num_convs_in_dense_blocks = [4, 4, 4, 4];
  const blks: Module[] = [];
  for (const [i, num_convs] of num_convs_in_dense_blocks.entries()) {
    blks.push(new DenseBlock(num_convs, num_channels, growth_rate));
    num_channels += num_convs * growth_rate;
    if (i !== num_convs_in_dense_blocks.length - 1) {
      blks.push(transition_block(num_channels, Math.floor(num_channels / 2)));
      num_channels = Math.floor(num_channels / 2);
    }
  }
  const net = new nn.Sequential(
    b1, ...blks,
    new nn.BatchNorm2d(num_channels), new nn.ReLU(),
    new nn.AdaptiveAvgPool2d([1, 1]),
    new nn.Flatten(),
    new nn.Linear(num_channels, 10));
  shapes(net, torch.rand({ size: [1, 1, 96, 96] }), print);
  const points = train(net, 96, 4, 2, 0.1, print);
  expectSamePrint(printed.join("\n"), (R("densenet").printed as string[]).join("\n"));
  expectClose(points, R("densenet").points, 2e-4, "points");
}, 120_000);
