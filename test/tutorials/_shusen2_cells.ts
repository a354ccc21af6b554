/**
 * The code cells of Dive-into-DL-PyTorch chapter 5 (CNN) and chapter 7 (optimization) as torchlab
 * notebook cells, in the book's order (see shusen_cnn_opt.test.ts for the stand-ins and what is left out).
 */
import { D2LZH_CNN_OPT } from "./_d2lzh_cnn_opt";

const HEAD = `const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');`;

export const CH5 = [
  D2LZH_CNN_OPT,
  HEAD,
  // 5.1 conv-layer
  `let X = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
let K = torch.tensor([[0, 1], [2, 3]]);
console.log(corr2d(X, K));`,
  `class Conv2D extends nn.Module {
  weight: nn.Parameter; bias: nn.Parameter;
  constructor(kernel_size: number[]) {
    super();
    this.weight = new nn.Parameter(torch.randn(kernel_size));
    this.bias = new nn.Parameter(torch.randn(1));
  }
  forward(x: torch.Tensor) {
    return corr2d(x, this.weight) + this.bias;
  }
}`,
  `X = torch.ones(6, 8);
X[":, 2:6"] = 0;
console.log(X);`,
  `K = torch.tensor([[1, -1]]);`,
  `let Y = corr2d(X, K);
console.log(Y);`,
  `torch.manual_seed(0);
const conv2d_51 = new Conv2D([1, 2]);
const step = 20;
const lr_51 = 0.01;
for (let i = 0; i < step; i++) {
  const Y_hat = conv2d_51(X);
  const l = ((Y_hat - Y) ** 2).sum();
  l.backward();
  conv2d_51.weight.data -= lr_51 * conv2d_51.weight.grad!;
  conv2d_51.bias.data -= lr_51 * conv2d_51.bias.grad!;
  conv2d_51.weight.grad!.fill_(0);
  conv2d_51.bias.grad!.fill_(0);
  if ((i + 1) % 5 == 0) {
    console.log(\`Step \${i + 1}, loss \${l.item().toFixed(3)}\`);
  }
}`,
  `console.log("weight: ", conv2d_51.weight.data);
console.log("bias: ", conv2d_51.bias.data);`,
  // 5.2 padding and strides
  `function comp_conv2d(conv2d: nn.Module, X: torch.Tensor) {
  X = X.view([1, 1, ...X.shape]);
  const Y = conv2d(X);
  return Y.view(Y.shape.slice(2));
}
let conv2d = new nn.Conv2d({in_channels: 1, out_channels: 1, kernel_size: 3, padding: 1});
X = torch.rand(8, 8);
console.log(comp_conv2d(conv2d, X).shape);`,
  `conv2d = new nn.Conv2d({in_channels: 1, out_channels: 1, kernel_size: [5, 3], padding: [2, 1]});
console.log(comp_conv2d(conv2d, X).shape);`,
  `conv2d = new nn.Conv2d(1, 1, {kernel_size: 3, padding: 1, stride: 2});
console.log(comp_conv2d(conv2d, X).shape);`,
  `conv2d = new nn.Conv2d(1, 1, {kernel_size: [3, 5], padding: [0, 1], stride: [3, 4]});
console.log(comp_conv2d(conv2d, X).shape);`,
  // 5.3 channels
  `function corr2d_multi_in(X: torch.Tensor, K: torch.Tensor) {
  let res = d2l.corr2d(X[0, ":", ":"], K[0, ":", ":"]);
  for (let i = 1; i < X.shape[0]; i++) {
    res += d2l.corr2d(X[i, ":", ":"], K[i, ":", ":"]);
  }
  return res;
}`,
  `X = torch.tensor([[[0, 1, 2], [3, 4, 5], [6, 7, 8]],
              [[1, 2, 3], [4, 5, 6], [7, 8, 9]]]);
K = torch.tensor([[[0, 1], [2, 3]], [[1, 2], [3, 4]]]);
console.log(corr2d_multi_in(X, K));`,
  `function corr2d_multi_in_out(X: torch.Tensor, K: torch.Tensor) {
  return torch.stack([...K].map((k) => corr2d_multi_in(X, k)));
}`,
  `K = torch.stack([K, K + 1, K + 2]);
console.log(K.shape);`,
  `console.log(corr2d_multi_in_out(X, K));`,
  `function corr2d_multi_in_out_1x1(X: torch.Tensor, K: torch.Tensor) {
  const [c_i, h, w] = X.shape;
  const c_o = K.shape[0];
  X = X.view(c_i, h * w);
  K = K.view(c_o, c_i);
  const Y = torch.mm(K, X);
  return Y.view(c_o, h, w);
}`,
  `X = torch.rand(3, 3, 3);
K = torch.rand(2, 3, 1, 1);
const Y1 = corr2d_multi_in_out_1x1(X, K);
const Y2 = corr2d_multi_in_out(X, K);
console.log((Y1 - Y2).norm().item() < 1e-6);`,
  // 5.4 pooling
  `function pool2d(X: torch.Tensor, pool_size: number[], mode = 'max') {
  X = X.float();
  const [p_h, p_w] = pool_size;
  const Y = torch.zeros(X.shape[0] - p_h + 1, X.shape[1] - p_w + 1);
  for (let i = 0; i < Y.shape[0]; i++) {
    for (let j = 0; j < Y.shape[1]; j++) {
      if (mode == 'max') {
        Y[i, j] = X[\`\${i}:\${i + p_h}, \${j}:\${j + p_w}\`].max();
      } else if (mode == 'avg') {
        Y[i, j] = X[\`\${i}:\${i + p_h}, \${j}:\${j + p_w}\`].mean();
      }
    }
  }
  return Y;
}`,
  `X = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
console.log(pool2d(X, [2, 2]));`,
  `console.log(pool2d(X, [2, 2], 'avg'));`,
  `X = torch.arange(16, {dtype: torch.float}).view([1, 1, 4, 4]);
console.log(X);`,
  `let pool2d_ = new nn.MaxPool2d(3);
console.log(pool2d_(X));`,
  `pool2d_ = new nn.MaxPool2d(3, {padding: 1, stride: 2});
console.log(pool2d_(X));`,
  `pool2d_ = new nn.MaxPool2d([2, 4], {padding: [1, 2], stride: [2, 3]});
console.log(pool2d_(X));`,
  `X = torch.cat([X, X + 1], {dim: 1});
console.log(X);`,
  `pool2d_ = new nn.MaxPool2d(3, {padding: 1, stride: 2});
console.log(pool2d_(X));`,
  // 5.5 LeNet
  `class LeNet extends nn.Module {
  conv: nn.Sequential; fc: nn.Sequential;
  constructor() {
    super();
    this.conv = new nn.Sequential(
      new nn.Conv2d(1, 6, 5),
      new nn.Sigmoid(),
      new nn.MaxPool2d(2, 2),
      new nn.Conv2d(6, 16, 5),
      new nn.Sigmoid(),
      new nn.MaxPool2d(2, 2)
    );
    this.fc = new nn.Sequential(
      new nn.Linear(16*4*4, 120),
      new nn.Sigmoid(),
      new nn.Linear(120, 84),
      new nn.Sigmoid(),
      new nn.Linear(84, 10)
    );
  }
  forward(img: torch.Tensor) {
    const feature = this.conv(img);
    const output = this.fc(feature.view(img.shape[0], -1));
    return output;
  }
}`,
  `torch.manual_seed(0);
let net: nn.Module = new LeNet();
console.log(net);`,
  `let batch_size = 32;
let [train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size);`,
  `let lr = 0.001, num_epochs = 1;
let optimizer = new torch.optim.Adam(net.parameters(), {lr: lr});
d2l.train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs);`,
  // 5.6 AlexNet
  `class AlexNet extends nn.Module {
  conv: nn.Sequential; fc: nn.Sequential;
  constructor() {
    super();
    this.conv = new nn.Sequential(
      new nn.Conv2d(1, 96, 11, 4),
      new nn.ReLU(),
      new nn.MaxPool2d(3, 2),
      new nn.Conv2d(96, 256, 5, 1, 2),
      new nn.ReLU(),
      new nn.MaxPool2d(3, 2),
      new nn.Conv2d(256, 384, 3, 1, 1),
      new nn.ReLU(),
      new nn.Conv2d(384, 384, 3, 1, 1),
      new nn.ReLU(),
      new nn.Conv2d(384, 256, 3, 1, 1),
      new nn.ReLU(),
      new nn.MaxPool2d(3, 2)
    );
    this.fc = new nn.Sequential(
      new nn.Linear(256*5*5, 4096),
      new nn.ReLU(),
      new nn.Dropout(0.5),
      new nn.Linear(4096, 4096),
      new nn.ReLU(),
      new nn.Dropout(0.5),
      new nn.Linear(4096, 10),
    );
  }
  forward(img: torch.Tensor) {
    const feature = this.conv(img);
    const output = this.fc(feature.view(img.shape[0], -1));
    return output;
  }
}`,
  `console.log(new AlexNet());`,
  // 5.7 VGG
  `function vgg_block(num_convs: number, in_channels: number, out_channels: number) {
  const blk: nn.Module[] = [];
  for (let i = 0; i < num_convs; i++) {
    if (i == 0) {
      blk.push(new nn.Conv2d(in_channels, out_channels, {kernel_size: 3, padding: 1}));
    } else {
      blk.push(new nn.Conv2d(out_channels, out_channels, {kernel_size: 3, padding: 1}));
    }
    blk.push(new nn.ReLU());
  }
  blk.push(new nn.MaxPool2d({kernel_size: 2, stride: 2}));
  return new nn.Sequential(...blk);
}`,
  `const conv_arch: [number, number, number][] = [[1, 1, 64], [1, 64, 128], [2, 128, 256], [2, 256, 512], [2, 512, 512]];
const fc_features = 512 * 7 * 7;
const fc_hidden_units = 4096;`,
  `function vgg(conv_arch: [number, number, number][], fc_features: number, fc_hidden_units = 4096) {
  const net = new nn.Sequential();
  for (const [i, [num_convs, in_channels, out_channels]] of conv_arch.entries()) {
    net.add_module("vgg_block_" + String(i+1), vgg_block(num_convs, in_channels, out_channels));
  }
  net.add_module("fc", new nn.Sequential(new d2l.FlattenLayer(),
                               new nn.Linear(fc_features, fc_hidden_units),
                               new nn.ReLU(),
                               new nn.Dropout(0.5),
                               new nn.Linear(fc_hidden_units, fc_hidden_units),
                               new nn.ReLU(),
                               new nn.Dropout(0.5),
                               new nn.Linear(fc_hidden_units, 10)
                              ));
  return net;
}`,
  `const ratio = 8;
const small_conv_arch: [number, number, number][] = [[1, 1, Math.floor(64/ratio)], [1, Math.floor(64/ratio), Math.floor(128/ratio)], [2, Math.floor(128/ratio), Math.floor(256/ratio)],
                   [2, Math.floor(256/ratio), Math.floor(512/ratio)], [2, Math.floor(512/ratio), Math.floor(512/ratio)]];
net = vgg(small_conv_arch, Math.floor(fc_features / ratio), Math.floor(fc_hidden_units / ratio));
X = torch.rand(1, 1, 224, 224);
for (const [name, blk] of net.named_children()) {
  X = blk(X);
  console.log(name, 'output shape: ', X.shape);
}`,
  `console.log(net);`,
  // 5.8 NiN
  `function nin_block(in_channels: number, out_channels: number, kernel_size: number, stride: number, padding: number) {
  const blk = new nn.Sequential(new nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding),
                      new nn.ReLU(),
                      new nn.Conv2d(out_channels, out_channels, {kernel_size: 1}),
                      new nn.ReLU(),
                      new nn.Conv2d(out_channels, out_channels, {kernel_size: 1}),
                      new nn.ReLU());
  return blk;
}`,
  `net = new nn.Sequential(
  nin_block(1, 96, 11, 4, 0),
  new nn.MaxPool2d({kernel_size: 3, stride: 2}),
  nin_block(96, 256, 5, 1, 2),
  new nn.MaxPool2d({kernel_size: 3, stride: 2}),
  nin_block(256, 384, 3, 1, 1),
  new nn.MaxPool2d({kernel_size: 3, stride: 2}),
  new nn.Dropout(0.5),
  nin_block(384, 10, 3, 1, 1),
  new nn.AvgPool2d({kernel_size: 5}),
  new d2l.FlattenLayer());`,
  `X = torch.rand(1, 1, 224, 224);
for (const [name, blk] of net.named_children()) {
  X = blk(X);
  console.log(name, 'output shape: ', X.shape);
}`,
  // 5.9 GoogLeNet
  `class Inception extends nn.Module {
  p1_1: nn.Conv2d; p2_1: nn.Conv2d; p2_2: nn.Conv2d; p3_1: nn.Conv2d; p3_2: nn.Conv2d; p4_1: nn.MaxPool2d; p4_2: nn.Conv2d;
  constructor(in_c: number, c1: number, c2: number[], c3: number[], c4: number) {
    super();
    this.p1_1 = new nn.Conv2d(in_c, c1, {kernel_size: 1});
    this.p2_1 = new nn.Conv2d(in_c, c2[0], {kernel_size: 1});
    this.p2_2 = new nn.Conv2d(c2[0], c2[1], {kernel_size: 3, padding: 1});
    this.p3_1 = new nn.Conv2d(in_c, c3[0], {kernel_size: 1});
    this.p3_2 = new nn.Conv2d(c3[0], c3[1], {kernel_size: 5, padding: 2});
    this.p4_1 = new nn.MaxPool2d({kernel_size: 3, stride: 1, padding: 1});
    this.p4_2 = new nn.Conv2d(in_c, c4, {kernel_size: 1});
  }
  forward(x: torch.Tensor) {
    const p1 = F.relu(this.p1_1(x));
    const p2 = F.relu(this.p2_2(F.relu(this.p2_1(x))));
    const p3 = F.relu(this.p3_2(F.relu(this.p3_1(x))));
    const p4 = F.relu(this.p4_2(this.p4_1(x)));
    return torch.cat([p1, p2, p3, p4], {dim: 1});
  }
}`,
  `const b1 = new nn.Sequential(new nn.Conv2d(1, 64, {kernel_size: 7, stride: 2, padding: 3}),
                   new nn.ReLU(),
                   new nn.MaxPool2d({kernel_size: 3, stride: 2, padding: 1}));`,
  `const b2 = new nn.Sequential(new nn.Conv2d(64, 64, {kernel_size: 1}),
                   new nn.Conv2d(64, 192, {kernel_size: 3, padding: 1}),
                   new nn.MaxPool2d({kernel_size: 3, stride: 2, padding: 1}));`,
  `const b3 = new nn.Sequential(new Inception(192, 64, [96, 128], [16, 32], 32),
                   new Inception(256, 128, [128, 192], [32, 96], 64),
                   new nn.MaxPool2d({kernel_size: 3, stride: 2, padding: 1}));`,
  `const b4 = new nn.Sequential(new Inception(480, 192, [96, 208], [16, 48], 64),
                   new Inception(512, 160, [112, 224], [24, 64], 64),
                   new Inception(512, 128, [128, 256], [24, 64], 64),
                   new Inception(512, 112, [144, 288], [32, 64], 64),
                   new Inception(528, 256, [160, 320], [32, 128], 128),
                   new nn.MaxPool2d({kernel_size: 3, stride: 2, padding: 1}));`,
  `const b5 = new nn.Sequential(new Inception(832, 256, [160, 320], [32, 128], 128),
                   new Inception(832, 384, [192, 384], [48, 128], 128),
                   new d2l.GlobalAvgPool2d());`,
  `net = new nn.Sequential(b1, b2, b3, b4, b5, new d2l.FlattenLayer(), new nn.Linear(1024, 10));
X = torch.rand(1, 1, 96, 96);
for (const blk of net.children()) {
  X = blk(X);
  console.log('output shape: ', X.shape);
}`,
  // 5.10 batch norm
  `function batch_norm(is_training: boolean, X: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor, moving_mean: torch.Tensor,
                    moving_var: torch.Tensor, eps: number, momentum: number): [torch.Tensor, torch.Tensor, torch.Tensor] {
  let X_hat: torch.Tensor;
  if (!is_training) {
    X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps);
  } else {
    if (![2, 4].includes(X.shape.length)) throw new Error("AssertionError");
    let mean: torch.Tensor, var_: torch.Tensor;
    if (X.shape.length == 2) {
      mean = X.mean({dim: 0});
      var_ = ((X - mean) ** 2).mean({dim: 0});
    } else {
      mean = X.mean({dim: 0, keepdim: true}).mean({dim: 2, keepdim: true}).mean({dim: 3, keepdim: true});
      var_ = ((X - mean) ** 2).mean({dim: 0, keepdim: true}).mean({dim: 2, keepdim: true}).mean({dim: 3, keepdim: true});
    }
    X_hat = (X - mean) / torch.sqrt(var_ + eps);
    moving_mean = momentum * moving_mean + (1.0 - momentum) * mean;
    moving_var = momentum * moving_var + (1.0 - momentum) * var_;
  }
  const Y = gamma * X_hat + beta;
  return [Y, moving_mean, moving_var];
}`,
  `class BatchNorm extends nn.Module {
  gamma: nn.Parameter; beta: nn.Parameter; moving_mean: torch.Tensor; moving_var: torch.Tensor;
  constructor(num_features: number, num_dims: number) {
    super();
    let shape: number[];
    if (num_dims == 2) {
      shape = [1, num_features];
    } else {
      shape = [1, num_features, 1, 1];
    }
    this.gamma = new nn.Parameter(torch.ones(shape));
    this.beta = new nn.Parameter(torch.zeros(shape));
    this.moving_mean = torch.zeros(shape);
    this.moving_var = torch.zeros(shape);
  }
  forward(X: torch.Tensor) {
    if (this.moving_mean.device != X.device) {
      this.moving_mean = this.moving_mean.to(X.device);
      this.moving_var = this.moving_var.to(X.device);
    }
    let Y: torch.Tensor;
    [Y, this.moving_mean, this.moving_var] = batch_norm(this.training,
        X, this.gamma, this.beta, this.moving_mean,
        this.moving_var, 1e-5, 0.9);
    return Y;
  }
}`,
  `torch.manual_seed(0);
net = new nn.Sequential(
          new nn.Conv2d(1, 6, 5),
          new BatchNorm(6, 4),
          new nn.Sigmoid(),
          new nn.MaxPool2d(2, 2),
          new nn.Conv2d(6, 16, 5),
          new BatchNorm(16, 4),
          new nn.Sigmoid(),
          new nn.MaxPool2d(2, 2),
          new d2l.FlattenLayer(),
          new nn.Linear(16*4*4, 120),
          new BatchNorm(120, 2),
          new nn.Sigmoid(),
          new nn.Linear(120, 84),
          new BatchNorm(84, 2),
          new nn.Sigmoid(),
          new nn.Linear(84, 10)
      );`,
  `batch_size = 32;
[train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size);
lr = 0.001, num_epochs = 1;
optimizer = new torch.optim.Adam(net.parameters(), {lr: lr});
d2l.train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs);`,
  `[net[1].gamma.view([-1]), net[1].beta.view([-1])]`,
  `torch.manual_seed(0);
net = new nn.Sequential(
          new nn.Conv2d(1, 6, 5),
          new nn.BatchNorm2d(6),
          new nn.Sigmoid(),
          new nn.MaxPool2d(2, 2),
          new nn.Conv2d(6, 16, 5),
          new nn.BatchNorm2d(16),
          new nn.Sigmoid(),
          new nn.MaxPool2d(2, 2),
          new d2l.FlattenLayer(),
          new nn.Linear(16*4*4, 120),
          new nn.BatchNorm1d(120),
          new nn.Sigmoid(),
          new nn.Linear(120, 84),
          new nn.BatchNorm1d(84),
          new nn.Sigmoid(),
          new nn.Linear(84, 10)
      );`,
  `batch_size = 32;
[train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size);
lr = 0.001, num_epochs = 1;
optimizer = new torch.optim.Adam(net.parameters(), {lr: lr});
d2l.train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs);
console.log(net[1].weight.view([-1]), net[1].bias.view([-1]), net[1].running_mean, net[1].running_var);`,
  // 5.11 ResNet
  `let blk: nn.Module = new d2l.Residual(3, 3);
X = torch.rand([4, 3, 6, 6]);
console.log(blk(X).shape);`,
  `blk = new d2l.Residual(3, 6, true, 2);
console.log(blk(X).shape);`,
  `net = new nn.Sequential(
      new nn.Conv2d(1, 64, {kernel_size: 7, stride: 2, padding: 3}),
      new nn.BatchNorm2d(64),
      new nn.ReLU(),
      new nn.MaxPool2d({kernel_size: 3, stride: 2, padding: 1}));`,
  `function resnet_block(in_channels: number, out_channels: number, num_residuals: number, first_block = false) {
  if (first_block) {
    if (in_channels != out_channels) throw new Error("AssertionError");
  }
  const blk: nn.Module[] = [];
  for (let i = 0; i < num_residuals; i++) {
    if (i == 0 && !first_block) {
      blk.push(new d2l.Residual(in_channels, out_channels, true, 2));
    } else {
      blk.push(new d2l.Residual(out_channels, out_channels));
    }
  }
  return new nn.Sequential(...blk);
}`,
  `net.add_module("resnet_block1", resnet_block(64, 64, 2, true));
net.add_module("resnet_block2", resnet_block(64, 128, 2));
net.add_module("resnet_block3", resnet_block(128, 256, 2));
net.add_module("resnet_block4", resnet_block(256, 512, 2));`,
  `net.add_module("global_avg_pool", new d2l.GlobalAvgPool2d());
net.add_module("fc", new nn.Sequential(new d2l.FlattenLayer(), new nn.Linear(512, 10)));`,
  `X = torch.rand([1, 1, 224, 224]);
for (const [name, layer] of net.named_children()) {
  X = layer(X);
  console.log(name, ' output shape:\\t', X.shape);
}`,
  // 5.12 DenseNet
  `function conv_block(in_channels: number, out_channels: number) {
  const blk = new nn.Sequential(new nn.BatchNorm2d(in_channels),
                      new nn.ReLU(),
                      new nn.Conv2d(in_channels, out_channels, {kernel_size: 3, padding: 1}));
  return blk;
}`,
  `class DenseBlock extends nn.Module {
  net: nn.ModuleList; out_channels: number;
  constructor(num_convs: number, in_channels: number, out_channels: number) {
    super();
    const net: nn.Module[] = [];
    for (let i = 0; i < num_convs; i++) {
      const in_c = in_channels + i * out_channels;
      net.push(conv_block(in_c, out_channels));
    }
    this.net = new nn.ModuleList(net);
    this.out_channels = in_channels + num_convs * out_channels;
  }
  forward(X: torch.Tensor) {
    for (const blk of this.net) {
      const Y = blk(X);
      X = torch.cat([X, Y], {dim: 1});
    }
    return X;
  }
}`,
  `blk = new DenseBlock(2, 3, 10);
X = torch.rand(4, 3, 8, 8);
Y = blk(X);
console.log(Y.shape);`,
  `function transition_block(in_channels: number, out_channels: number) {
  const blk = new nn.Sequential(
          new nn.BatchNorm2d(in_channels),
          new nn.ReLU(),
          new nn.Conv2d(in_channels, out_channels, {kernel_size: 1}),
          new nn.AvgPool2d({kernel_size: 2, stride: 2}));
  return blk;
}`,
  `blk = transition_block(23, 10);
console.log(blk(Y).shape);`,
  `net = new nn.Sequential(
      new nn.Conv2d(1, 64, {kernel_size: 7, stride: 2, padding: 3}),
      new nn.BatchNorm2d(64),
      new nn.ReLU(),
      new nn.MaxPool2d({kernel_size: 3, stride: 2, padding: 1}));`,
  `let num_channels = 64, growth_rate = 32;
const num_convs_in_dense_blocks = [4, 4, 4, 4];
for (const [i, num_convs] of num_convs_in_dense_blocks.entries()) {
  const DB = new DenseBlock(num_convs, num_channels, growth_rate);
  net.add_module(\`DenseBlosk_\${i}\`, DB);
  num_channels = DB.out_channels;
  if (i != num_convs_in_dense_blocks.length - 1) {
    net.add_module(\`transition_block_\${i}\`, transition_block(num_channels, Math.floor(num_channels / 2)));
    num_channels = Math.floor(num_channels / 2);
  }
}`,
  `net.add_module("BN", new nn.BatchNorm2d(num_channels));
net.add_module("relu", new nn.ReLU());
net.add_module("global_avg_pool", new d2l.GlobalAvgPool2d());
net.add_module("fc", new nn.Sequential(new d2l.FlattenLayer(), new nn.Linear(num_channels, 10)));`,
  `X = torch.rand([1, 1, 96, 96]);
for (const [name, layer] of net.named_children()) {
  X = layer(X);
  console.log(name, ' output shape:\\t', X.shape);
}`,
  `torch.manual_seed(0);
batch_size = 32;
[train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size, 48);
lr = 0.001, num_epochs = 1;
optimizer = new torch.optim.Adam(net.parameters(), {lr: lr});
d2l.train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs);`,
];

export const CH7 = [
  D2LZH_CNN_OPT,
  // 7.2 gd and sgd
  `function gd(eta: number) {
  let x = 10;
  const results = [x];
  for (let i = 0; i < 10; i++) {
    x -= eta * 2 * x;
    results.push(x);
  }
  console.log('epoch 10, x:', x);
  return results;
}
let res = gd(0.2);`,
  `res = gd(0.05);`,
  `res = gd(1.1);`,
  `let eta = 0.1;
function f_2d(x1: number, x2: number) {
  return x1 ** 2 + 2 * x2 ** 2;
}
function gd_2d(x1: number, x2: number, s1: number, s2: number): [number, number, number, number] {
  return [x1 - eta * 2 * x1, x2 - eta * 4 * x2, 0, 0];
}
let results = d2l.train_2d(gd_2d);`,
  `torch.manual_seed(0);
function sgd_2d(x1: number, x2: number, s1: number, s2: number): [number, number, number, number] {
  return [x1 - eta * (2 * x1 + torch.normal(0.1, 1.0, [1]).item()),
          x2 - eta * (4 * x2 + torch.normal(0.1, 1.0, [1]).item()), 0, 0];
}
results = d2l.train_2d(sgd_2d);`,
  // 7.3 minibatch sgd
  `let [features, labels] = d2l.get_data_ch7();
console.log(features.shape);
[features[":3"], labels[":3"]]`,
  `function sgd(params: torch.Tensor[], states: unknown, hyperparams: Record<string, number>) {
  for (const p of params) {
    p.data -= hyperparams['lr'] * p.grad!.data;
  }
}`,
  `function train_sgd(lr: number, batch_size: number, num_epochs = 2) {
  d2l.train_ch7(sgd, null, {'lr': lr}, features, labels, batch_size, num_epochs);
}
torch.manual_seed(0);
train_sgd(1, 300, 6);`,
  `torch.manual_seed(0);
train_sgd(0.005, 1);`,
  `torch.manual_seed(0);
train_sgd(0.05, 10);`,
  `torch.manual_seed(0);
d2l.train_pytorch_ch7(optim.SGD, {"lr": 0.05}, features, labels, 10);`,
  // 7.4 momentum
  `eta = 0.4;
function f_2d_(x1: number, x2: number) {
  return 0.1 * x1 ** 2 + 2 * x2 ** 2;
}
function gd_2d_(x1: number, x2: number, s1: number, s2: number): [number, number, number, number] {
  return [x1 - eta * 0.2 * x1, x2 - eta * 4 * x2, 0, 0];
}
results = d2l.train_2d(gd_2d_);`,
  `eta = 0.6;
results = d2l.train_2d(gd_2d_);`,
  `let gamma = 0.5;
function momentum_2d(x1: number, x2: number, v1: number, v2: number): [number, number, number, number] {
  v1 = gamma * v1 + eta * 0.2 * x1;
  v2 = gamma * v2 + eta * 4 * x2;
  return [x1 - v1, x2 - v2, v1, v2];
}
eta = 0.4, gamma = 0.5;
results = d2l.train_2d(momentum_2d);`,
  `eta = 0.6;
results = d2l.train_2d(momentum_2d);`,
  `[features, labels] = d2l.get_data_ch7();
function init_momentum_states() {
  const v_w = torch.zeros([features.shape[1], 1], {dtype: torch.float32});
  const v_b = torch.zeros(1, {dtype: torch.float32});
  return [v_w, v_b];
}
function sgd_momentum(params: torch.Tensor[], states: torch.Tensor[], hyperparams: Record<string, number>) {
  for (const [p, v] of params.map((p, i) => [p, states[i]])) {
    v.data = hyperparams['momentum'] * v.data + hyperparams['lr'] * p.grad!.data;
    p.data -= v.data;
  }
}`,
  `torch.manual_seed(0);
d2l.train_ch7(sgd_momentum, init_momentum_states(),
              {'lr': 0.02, 'momentum': 0.5}, features, labels);`,
  `torch.manual_seed(0);
d2l.train_ch7(sgd_momentum, init_momentum_states(),
              {'lr': 0.02, 'momentum': 0.9}, features, labels);`,
  `torch.manual_seed(0);
d2l.train_ch7(sgd_momentum, init_momentum_states(),
              {'lr': 0.004, 'momentum': 0.9}, features, labels);`,
  `torch.manual_seed(0);
d2l.train_pytorch_ch7(torch.optim.SGD, {'lr': 0.004, 'momentum': 0.9},
                    features, labels);`,
  // 7.5 adagrad
  `function adagrad_2d(x1: number, x2: number, s1: number, s2: number): [number, number, number, number] {
  const g1 = 0.2 * x1, g2 = 4 * x2, eps = 1e-6;
  s1 += g1 ** 2;
  s2 += g2 ** 2;
  x1 -= eta / Math.sqrt(s1 + eps) * g1;
  x2 -= eta / Math.sqrt(s2 + eps) * g2;
  return [x1, x2, s1, s2];
}
eta = 0.4;
results = d2l.train_2d(adagrad_2d);`,
  `eta = 2;
results = d2l.train_2d(adagrad_2d);`,
  `function init_adagrad_states() {
  const s_w = torch.zeros([features.shape[1], 1], {dtype: torch.float32});
  const s_b = torch.zeros(1, {dtype: torch.float32});
  return [s_w, s_b];
}
function adagrad(params: torch.Tensor[], states: torch.Tensor[], hyperparams: Record<string, number>) {
  const eps = 1e-6;
  params.forEach((p, i) => {
    const s = states[i];
    s.data += (p.grad!.data**2);
    p.data -= hyperparams['lr'] * p.grad!.data / torch.sqrt(s + eps);
  });
}`,
  `torch.manual_seed(0);
d2l.train_ch7(adagrad, init_adagrad_states(), {'lr': 0.1}, features, labels);`,
  `torch.manual_seed(0);
d2l.train_pytorch_ch7(torch.optim.Adagrad, {'lr': 0.1}, features, labels);`,
  // 7.6 rmsprop
  `function rmsprop_2d(x1: number, x2: number, s1: number, s2: number): [number, number, number, number] {
  const g1 = 0.2 * x1, g2 = 4 * x2, eps = 1e-6;
  s1 = gamma * s1 + (1 - gamma) * g1 ** 2;
  s2 = gamma * s2 + (1 - gamma) * g2 ** 2;
  x1 -= eta / Math.sqrt(s1 + eps) * g1;
  x2 -= eta / Math.sqrt(s2 + eps) * g2;
  return [x1, x2, s1, s2];
}
eta = 0.4, gamma = 0.9;
results = d2l.train_2d(rmsprop_2d);`,
  `function init_rmsprop_states() {
  const s_w = torch.zeros([features.shape[1], 1], {dtype: torch.float32});
  const s_b = torch.zeros(1, {dtype: torch.float32});
  return [s_w, s_b];
}
function rmsprop(params: torch.Tensor[], states: torch.Tensor[], hyperparams: Record<string, number>) {
  const gamma = hyperparams['gamma'], eps = 1e-6;
  params.forEach((p, i) => {
    const s = states[i];
    s.data = gamma * s.data + (1 - gamma) * (p.grad!.data)**2;
    p.data -= hyperparams['lr'] * p.grad!.data / torch.sqrt(s + eps);
  });
}`,
  `torch.manual_seed(0);
d2l.train_ch7(rmsprop, init_rmsprop_states(), {'lr': 0.01, 'gamma': 0.9},
              features, labels);`,
  `torch.manual_seed(0);
d2l.train_pytorch_ch7(torch.optim.RMSprop, {'lr': 0.01, 'alpha': 0.9},
                    features, labels);`,
  // 7.7 adadelta
  `function init_adadelta_states() {
  const s_w = torch.zeros([features.shape[1], 1], {dtype: torch.float32}), s_b = torch.zeros(1, {dtype: torch.float32});
  const delta_w = torch.zeros([features.shape[1], 1], {dtype: torch.float32}), delta_b = torch.zeros(1, {dtype: torch.float32});
  return [[s_w, delta_w], [s_b, delta_b]];
}
function adadelta(params: torch.Tensor[], states: torch.Tensor[][], hyperparams: Record<string, number>) {
  const rho = hyperparams['rho'], eps = 1e-5;
  params.forEach((p, i) => {
    const [s, delta] = states[i];
    s[":"] = rho * s + (1 - rho) * (p.grad!.data**2);
    const g = p.grad!.data * torch.sqrt((delta + eps) / (s + eps));
    p.data -= g;
    delta[":"] = rho * delta + (1 - rho) * g * g;
  });
}`,
  `torch.manual_seed(0);
d2l.train_ch7(adadelta, init_adadelta_states(), {'rho': 0.9}, features, labels);`,
  `torch.manual_seed(0);
d2l.train_pytorch_ch7(torch.optim.Adadelta, {'rho': 0.9}, features, labels);`,
  // 7.8 adam
  `function init_adam_states() {
  const v_w = torch.zeros([features.shape[1], 1], {dtype: torch.float32}), v_b = torch.zeros(1, {dtype: torch.float32});
  const s_w = torch.zeros([features.shape[1], 1], {dtype: torch.float32}), s_b = torch.zeros(1, {dtype: torch.float32});
  return [[v_w, s_w], [v_b, s_b]];
}
function adam(params: torch.Tensor[], states: torch.Tensor[][], hyperparams: Record<string, number>) {
  const beta1 = 0.9, beta2 = 0.999, eps = 1e-6;
  params.forEach((p, i) => {
    const [v, s] = states[i];
    v[":"] = beta1 * v + (1 - beta1) * p.grad!.data;
    s[":"] = beta2 * s + (1 - beta2) * p.grad!.data**2;
    const v_bias_corr = v / (1 - beta1 ** hyperparams['t']);
    const s_bias_corr = s / (1 - beta2 ** hyperparams['t']);
    p.data -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr) + eps);
  });
  hyperparams['t'] += 1;
}`,
  `torch.manual_seed(0);
d2l.train_ch7(adam, init_adam_states(), {'lr': 0.01, 't': 1}, features, labels);`,
  `torch.manual_seed(0);
d2l.train_pytorch_ch7(torch.optim.Adam, {'lr': 0.01}, features, labels);`,
];

