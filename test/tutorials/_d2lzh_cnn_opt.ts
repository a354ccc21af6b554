/**
 * The helpers of ShusenTang/Dive-into-DL-PyTorch's code/d2lzh_pytorch/utils.py that chapter 5 (CNN) and
 * chapter 7 (optimization) use, as one notebook cell a user would write in TypeScript with torchlab
 * (`import d2lzh_pytorch as d2l` becomes the `d2l` object at the end). test/reference/gen_shusen2.py's
 * D2LZH is the same code in PyTorch, with the same stand-ins: seeded Fashion-MNIST images (a bright band
 * whose row depends on the label) for the download, seeded standardised regression data for the airfoil
 * file, `torch.normal` for NumPy's normal draws, no plots, no timings.
 */
export const D2LZH_CNN_OPT = `function corr2d(X: torch.Tensor, K: torch.Tensor) {
  const [h, w] = K.shape;
  X = X.float(); K = K.float();
  const Y = torch.zeros([X.shape[0] - h + 1, X.shape[1] - w + 1]);
  for (let i = 0; i < Y.shape[0]; i++) {
    for (let j = 0; j < Y.shape[1]; j++) {
      Y[i, j] = (X[\`\${i}:\${i + h}, \${j}:\${j + w}\`] * K).sum();
    }
  }
  return Y;
}
class FlattenLayer extends torch.nn.Module {
  forward(x: torch.Tensor) {
    return x.view(x.shape[0], -1);
  }
}
class GlobalAvgPool2d extends nn.Module {
  forward(x: torch.Tensor) {
    return F.avg_pool2d(x, {kernel_size: x.size().slice(2)});
  }
}
function fashion_standin(n: number, size: number): [torch.Tensor, torch.Tensor] {
  const X = torch.rand(n, 1, size, size) * 0.5;
  const y = torch.randint(0, 10, [n]);
  const band = Math.floor(size / 10);
  for (let i = 0; i < n; i++) {
    const r = Number(y[i]) * band;
    X[\`\${i}, 0, \${r}:\${r + band}, :\`] += 0.5;
  }
  return [X, y];
}
function load_data_fashion_mnist(batch_size: number, resize: number | null = null) {
  const size = resize ?? 28;
  const mnist_train = new torch.utils.data.TensorDataset(...fashion_standin(64, size));
  const mnist_test = new torch.utils.data.TensorDataset(...fashion_standin(32, size));
  const train_iter = new torch.utils.data.DataLoader(mnist_train, {batch_size: batch_size, shuffle: true});
  const test_iter = new torch.utils.data.DataLoader(mnist_test, {batch_size: batch_size, shuffle: false});
  return [train_iter, test_iter];
}
function evaluate_accuracy(data_iter: Iterable<torch.Tensor[]>, net: nn.Module, device: torch.device | null = null) {
  if (device === null) {
    device = [...net.parameters()][0].device;
  }
  let acc_sum = 0.0, n = 0;
  torch.no_grad(() => {
    for (const [X, y] of data_iter) {
      net.eval();
      acc_sum += (net(X.to(device!)).argmax({dim: 1}) == y.to(device!)).float().sum().cpu().item();
      net.train();
      n += y.shape[0];
    }
  });
  return acc_sum / n;
}
function train_ch5(net: nn.Module, train_iter: Iterable<torch.Tensor[]>, test_iter: Iterable<torch.Tensor[]>, batch_size: number,
                   optimizer: torch.optim.Optimizer, device: torch.device, num_epochs: number) {
  net = net.to(device);
  console.log("training on ", device);
  const loss = new torch.nn.CrossEntropyLoss();
  let batch_count = 0;
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let train_l_sum = 0.0, train_acc_sum = 0.0, n = 0;
    for (let [X, y] of train_iter) {
      X = X.to(device);
      y = y.to(device);
      const y_hat = net(X);
      const l = loss(y_hat, y);
      optimizer.zero_grad();
      l.backward();
      optimizer.step();
      train_l_sum += l.cpu().item();
      train_acc_sum += (y_hat.argmax({dim: 1}) == y).sum().cpu().item();
      n += y.shape[0];
      batch_count += 1;
    }
    const test_acc = evaluate_accuracy(test_iter, net);
    console.log(\`epoch \${epoch + 1}, loss \${(train_l_sum / batch_count).toFixed(4)}, train acc \${(train_acc_sum / n).toFixed(3)}, test acc \${test_acc.toFixed(3)}\`);
  }
}
class Residual extends nn.Module {
  conv1: nn.Conv2d; conv2: nn.Conv2d; conv3: nn.Conv2d | null; bn1: nn.BatchNorm2d; bn2: nn.BatchNorm2d;
  constructor(in_channels: number, out_channels: number, use_1x1conv = false, stride = 1) {
    super();
    this.conv1 = new nn.Conv2d(in_channels, out_channels, {kernel_size: 3, padding: 1, stride: stride});
    this.conv2 = new nn.Conv2d(out_channels, out_channels, {kernel_size: 3, padding: 1});
    if (use_1x1conv) {
      this.conv3 = new nn.Conv2d(in_channels, out_channels, {kernel_size: 1, stride: stride});
    } else {
      this.conv3 = null;
    }
    this.bn1 = new nn.BatchNorm2d(out_channels);
    this.bn2 = new nn.BatchNorm2d(out_channels);
  }
  forward(X: torch.Tensor) {
    let Y = F.relu(this.bn1(this.conv1(X)));
    Y = this.bn2(this.conv2(Y));
    if (this.conv3) {
      X = this.conv3(X);
    }
    return F.relu(Y + X);
  }
}
type Trainer = (x1: number, x2: number, s1: number, s2: number) => [number, number, number, number];
function train_2d(trainer: Trainer) {
  let x1 = -5, x2 = -2, s1 = 0, s2 = 0;
  const results: [number, number][] = [[x1, x2]];
  let i = 0;
  for (i = 0; i < 20; i++) {
    [x1, x2, s1, s2] = trainer(x1, x2, s1, s2);
    results.push([x1, x2]);
  }
  console.log(\`epoch \${i}, x1 \${x1.toFixed(6)}, x2 \${x2.toFixed(6)}\`);
  return results;
}
function get_data_ch7(): [torch.Tensor, torch.Tensor] {
  torch.manual_seed(1);
  let data = torch.randn(300, 6);
  data[":, 5"] = data[":, :5"].matmul(torch.tensor([1.5, -2.0, 0.5, 0.0, 1.0])) + 0.3 * data[":, 5"];
  data = (data - data.mean({axis: 0})) / data.std({axis: 0, unbiased: false});
  return [data[":, :-1"].clone(), data[":, -1"].clone()];
}
function linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) {
  return torch.mm(X, w) + b;
}
function squared_loss(y_hat: torch.Tensor, y: torch.Tensor) {
  return ((y_hat - y.view(y_hat.size())) ** 2) / 2;
}
type Hyper = Record<string, number>;
type OptimizerFn = (params: torch.Tensor[], states: any, hyperparams: Hyper) => void;
function train_ch7(optimizer_fn: OptimizerFn, states: any, hyperparams: Hyper, features: torch.Tensor, labels: torch.Tensor,
                   batch_size = 10, num_epochs = 2) {
  const net = linreg, loss = squared_loss;
  const w = new torch.nn.Parameter(torch.normal(0, 0.01, [features.shape[1], 1]), true);
  const b = new torch.nn.Parameter(torch.zeros(1, {dtype: torch.float32}), true);
  const eval_loss = () => loss(net(features, w, b), labels).mean().item();
  const ls = [eval_loss()];
  const data_iter = new torch.utils.data.DataLoader(
    new torch.utils.data.TensorDataset(features, labels), {batch_size: batch_size, shuffle: true});
  for (let _ = 0; _ < num_epochs; _++) {
    let batch_i = 0;
    for (const [X, y] of data_iter) {
      const l = loss(net(X, w, b), y).mean();
      if (w.grad !== null) {
        w.grad.data.zero_();
        b.grad!.data.zero_();
      }
      l.backward();
      optimizer_fn([w, b], states, hyperparams);
      if ((batch_i + 1) * batch_size % 100 == 0) {
        ls.push(eval_loss());
      }
      batch_i += 1;
    }
  }
  console.log(\`loss: \${ls[ls.length - 1].toFixed(6)}, \${ls.length} losses\`);
}
function train_pytorch_ch7(optimizer_fn: new (params: Iterable<torch.Tensor>, hyper: any) => torch.optim.Optimizer, optimizer_hyperparams: Hyper,
                           features: torch.Tensor, labels: torch.Tensor, batch_size = 10, num_epochs = 2) {
  const net = new nn.Sequential(
    new nn.Linear(features.shape[features.dim() - 1], 1)
  );
  const loss = new nn.MSELoss();
  const optimizer = new optimizer_fn(net.parameters(), optimizer_hyperparams);
  const eval_loss = () => loss(net(features).view(-1), labels).item() / 2;
  const ls = [eval_loss()];
  const data_iter = new torch.utils.data.DataLoader(
    new torch.utils.data.TensorDataset(features, labels), {batch_size: batch_size, shuffle: true});
  for (let _ = 0; _ < num_epochs; _++) {
    let batch_i = 0;
    for (const [X, y] of data_iter) {
      const l = loss(net(X).view(-1), y) / 2;
      optimizer.zero_grad();
      l.backward();
      optimizer.step();
      if ((batch_i + 1) * batch_size % 100 == 0) {
        ls.push(eval_loss());
      }
      batch_i += 1;
    }
  }
  console.log(\`loss: \${ls[ls.length - 1].toFixed(6)}, \${ls.length} losses\`);
}
const d2l = {corr2d, FlattenLayer, GlobalAvgPool2d, load_data_fashion_mnist, evaluate_accuracy, train_ch5, Residual,
             train_2d, get_data_ch7, linreg, squared_loss, train_ch7, train_pytorch_ch7};`;
