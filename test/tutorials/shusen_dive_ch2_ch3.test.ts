/**
 * ShusenTang/Dive-into-DL-PyTorch (《动手学深度学习》PyTorch版) chapters 2 (2.2 tensor, 2.3 autograd) and 3
 * (3.2/3.3 linear regression from scratch and concise, 3.5 Fashion-MNIST, 3.6/3.7 softmax regression,
 * 3.8 activations, 3.9/3.10 MLP, 3.11 under/overfitting, 3.12 weight decay, 3.13 dropout), ported cell by
 * cell and run as notebooks through `torchlab run`, `import d2lzh_pytorch as d2l` as the `d2l` object of
 * the helper cell in _shusen_d2lzh.ts. What a cell prints (or displays, printed) must be PyTorch 1.13's
 * (test/reference/gen_shusen1.py, whose docstring lists the stand-ins: torch.normal for np.random.normal,
 * torch.randperm for random.shuffle, a seeded Fashion-MNIST stand-in and FakeData, small sizes and epochs).
 * Texts are compared with whitespace removed (Node spreads a printed array over lines) and numbers to a
 * tolerance; object addresses are dropped.
 *
 * Written differently from the book, as TypeScript needs: `id(y) == id_before` is `y === id_before`;
 * `with torch.no_grad():` a callback; `iter(test_iter).next()` the iterator protocol; `y.numpy()` gives
 * `{data}`; `net` of 3.13's concise part is `net2` (the scratch `net` is a function); `net.linear` of a
 * Sequential built from named layers is `net[1] as nn.Linear` (a Sequential's children by name are not
 * typed; at run time `net.linear` works); `iter(test_iter).next()`, which PyTorch 1.13 no longer has
 * (AttributeError), is `next(iter(test_iter))` in the generator; Python's
 * `'%.4f' %` is `toFixed(4)`. Left out: version prints, plots (xyplot prints every 16th value), timings,
 * `num_workers`, NumPy's shared memory (2.2's `b = a.numpy()` then `a += 1` changing `b`: torchlab's
 * numpy() copies), and 3.16 (Kaggle house prices, pandas).
 */
import * as fs from "fs";
import * as path from "path";
import { notebooksForSuite, printedText } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { D2LZH } from "./_shusen_d2lzh";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "shusen1.json"), "utf8")) as Record<string, string>;
/** The cells a section starts with: the stand-in lyrics and the d2lzh_pytorch helpers. */
const D2L = [`const JAY = ${JSON.stringify(R.JAY)};`, D2LZH];

const CH2_TENSOR = [
  `torch.manual_seed(0);
let x = torch.empty(5, 3);
console.log(x.shape);`,
  `x = torch.rand(5, 3);
console.log(x);`,
  `x = torch.zeros(5, 3, {dtype: torch.long});
console.log(x);`,
  `x = torch.tensor([5.5, 3]);
console.log(x);`,
  `x = x.new_ones(5, 3, {dtype: torch.float64});
console.log(x);
x = torch.randn_like(x, {dtype: torch.float});
console.log(x);`,
  `console.log(x.size());
console.log(x.shape);`,
  `let y = torch.rand(5, 3);
console.log(x + y);`,
  `console.log(torch.add(x, y));`,
  `const result = torch.empty(5, 3);
torch.add(x, y, {out: result});
console.log(result);`,
  `y.add_(x);
console.log(y);`,
  `y = x["0, :"];
y += 1;
console.log(y);
console.log(x["0, :"]);`,
  `y = x.view(15);
let z = x.view(-1, 5);
console.log(x.size(), y.size(), z.size());`,
  `x += 1;
console.log(x);
console.log(y);`,
  `const x_cp = x.clone().view(15);
x -= 1;
console.log(x);
console.log(x_cp);`,
  `x = torch.randn(1);
console.log(x);
console.log(x.item());`,
  `x = torch.arange(1, 3).view(1, 2);
console.log(x);
y = torch.arange(1, 4).view(3, 1);
console.log(y);
console.log(x + y);`,
  `x = torch.tensor([1, 2]);
y = torch.tensor([3, 4]);
let id_before = y;
y = y + x;
console.log(y === id_before);`,
  `x = torch.tensor([1, 2]);
y = torch.tensor([3, 4]);
id_before = y;
y[":"] = y + x;
console.log(y === id_before);
console.log(y);`,
  `x = torch.tensor([1, 2]);
y = torch.tensor([3, 4]);
id_before = y;
torch.add(x, y, {out: y});
console.log(y === id_before);
console.log(y);`,
  `let a = torch.ones(5);
const b = a.numpy();
a += 1;
console.log(a);`,
  `const c = torch.tensor(a);
a += 1;
console.log(a, c);`,
  `if (torch.cuda.is_available()) {
  const device = torch.device("cuda");
  y = torch.ones_like(x, {device: device});
  x = x.to(device);
  z = x + y;
  console.log(z);
  console.log(z.to("cpu", torch.double));
}
const device = torch.device("cpu");
y = torch.ones_like(x, {device: device});
x = x.to(device);
z = x + y;
console.log(z);
console.log(z.to("cpu", torch.double));`,
];

const CH2_AUTOGRAD = [
  `torch.manual_seed(0);
let x = torch.ones(2, 2, {requires_grad: true});
console.log(x);
console.log(x.grad_fn);`,
  `let y = x + 2;
console.log(y);
console.log(y.grad_fn);`,
  `console.log(x.is_leaf, y.is_leaf);`,
  `let z = y * y * 3;
const out = z.mean();
console.log(z, out);`,
  `let a = torch.randn(2, 2);
a = ((a * 3) / (a - 1));
console.log(a.requires_grad);
a.requires_grad_(true);
console.log(a.requires_grad);
const b = (a * a).sum();
console.log(b.grad_fn);`,
  `out.backward();
console.log(x.grad);`,
  `const out2 = x.sum();
out2.backward();
console.log(x.grad);
const out3 = x.sum();
x.grad!.data.zero_();
out3.backward();
console.log(x.grad);`,
  `x = torch.tensor([1.0, 2.0, 3.0, 4.0], {requires_grad: true});
y = 2 * x;
z = y.view(2, 2);
console.log(z);`,
  `const v = torch.tensor([[1.0, 0.1], [0.01, 0.001]], {dtype: torch.float});
z.backward(v);
console.log(x.grad);`,
  `x = torch.tensor(1.0, {requires_grad: true});
const y1 = x ** 2;
const y2 = torch.no_grad(() => x ** 3);
const y3 = y1 + y2;
console.log(x, x.requires_grad);
console.log(y1, y1.requires_grad);
console.log(y2, y2.requires_grad);
console.log(y3, y3.requires_grad);`,
  `y3.backward();
console.log(x.grad);`,
  `try { y2.backward(); } catch (e) { console.log('ERR RuntimeError:', (e as Error).message); }`,
  `x = torch.ones(1, {requires_grad: true});
console.log(x.data);
console.log(x.data.requires_grad);
y = 2 * x;
x.data *= 100;
y.backward();
console.log(x);
console.log(x.grad);`,
];

const CH3_LINREG_SCRATCH = [
  `torch.manual_seed(0);
const num_inputs = 2;
const num_examples = 1000;
const true_w = [2, -3.4];
const true_b = 4.2;
const features = torch.randn(num_examples, num_inputs,
                             {dtype: torch.float32});
const labels = true_w[0] * features[":, 0"] + true_w[1] * features[":, 1"] + true_b;
labels += torch.normal(0, 0.01, {size: labels.size()});`,
  `console.log(features[0], labels[0]);`,
  `function* data_iter(batch_size: number, features: torch.Tensor, labels: torch.Tensor) {
  const num_examples = features.length;
  const indices = torch.randperm(num_examples).tolist() as number[];
  for (let i = 0; i < num_examples; i += batch_size) {
    const j = torch.LongTensor(indices.slice(i, Math.min(i + batch_size, num_examples)));
    yield [features.index_select(0, j), labels.index_select(0, j)];
  }
}`,
  `const batch_size = 10;
for (const [X, y] of data_iter(batch_size, features, labels)) {
  console.log(X, '\\n', y);
  break;
}`,
  `const w = torch.normal(0, 0.01, [num_inputs, 1]);
const b = torch.zeros(1, {dtype: torch.float32});`,
  `console.log(w.requires_grad_({requires_grad: true}));
console.log(b.requires_grad_({requires_grad: true}));`,
  `function linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) {
  return torch.mm(X, w) + b;
}`,
  `function squared_loss(y_hat: torch.Tensor, y: torch.Tensor) {
  return (y_hat - y.view(y_hat.size())) ** 2 / 2;
}`,
  `function sgd(params: torch.Tensor[], lr: number, batch_size: number) {
  for (const param of params) {
    param.data -= lr * param.grad! / batch_size;
  }
}`,
  `const lr = 0.03;
const num_epochs = 3;
const net = linreg;
const loss = squared_loss;
for (let epoch = 0; epoch < num_epochs; epoch++) {
  for (const [X, y] of data_iter(batch_size, features, labels)) {
    const l = loss(net(X, w, b), y).sum();
    l.backward();
    sgd([w, b], lr, batch_size);
    w.grad!.data.zero_();
    b.grad!.data.zero_();
  }
  const train_l = loss(net(features, w, b), labels);
  console.log(\`epoch \${epoch + 1}, loss \${train_l.mean().item().toFixed(6)}\`);
}`,
  `console.log(true_w, '\\n', w);
console.log(true_b, '\\n', b);`,
];

const CH3_LINREG_CONCISE = [
  `torch.manual_seed(1);
torch.set_default_tensor_type('torch.FloatTensor');`,
  `const num_inputs = 2;
const num_examples = 1000;
const true_w = [2, -3.4];
const true_b = 4.2;
const features = torch.normal(0, 1, [num_examples, num_inputs]);
const labels = true_w[0] * features[":, 0"] + true_w[1] * features[":, 1"] + true_b;
labels += torch.normal(0, 0.01, {size: labels.size()});`,
  `const Data = torch.utils.data;
const batch_size = 10;
const dataset = new Data.TensorDataset(features, labels);
const data_iter = new Data.DataLoader(
  dataset, {
  batch_size: batch_size,
  shuffle: true,
});`,
  `for (const [X, y] of data_iter) {
  console.log(X, '\\n', y);
  break;
}`,
  `class LinearNet extends nn.Module {
  linear: nn.Linear;
  constructor(n_feature: number) {
    super();
    this.linear = new nn.Linear(n_feature, 1);
  }
  forward(x: torch.Tensor) {
    const y = this.linear(x);
    return y;
  }
}
let net: nn.Sequential | LinearNet = new LinearNet(num_inputs);
console.log(net);`,
  `net = new nn.Sequential(
  new nn.Linear(num_inputs, 1)
);
net = new nn.Sequential();
net.add_module('linear', new nn.Linear(num_inputs, 1));
net = new nn.Sequential(new Map([
  ['linear', new nn.Linear(num_inputs, 1)],
]));
console.log(net);
console.log(net[0]);`,
  `for (const param of net.parameters()) {
  console.log(param);
}`,
  `const init = nn.init;
init.normal_((net[0] as nn.Linear).weight, {mean: 0.0, std: 0.01});
init.constant_((net[0] as nn.Linear).bias!, {val: 0.0});`,
  `for (const param of net.parameters()) {
  console.log(param);
}`,
  `const loss = new nn.MSELoss();`,
  `const optim = torch.optim;
const optimizer = new optim.SGD(net.parameters(), {lr: 0.03});
console.log(optimizer);`,
  `const num_epochs = 3;
let l: torch.Tensor;
for (let epoch = 1; epoch < num_epochs + 1; epoch++) {
  for (const [X, y] of data_iter) {
    const output = net(X);
    l = loss(output, y.view(-1, 1));
    optimizer.zero_grad();
    l.backward();
    optimizer.step();
  }
  console.log(\`epoch \${epoch}, loss: \${l!.item().toFixed(6)}\`);
}`,
  `const dense = net[0] as nn.Linear;
console.log(true_w, dense.weight.data);
console.log(true_b, dense.bias!.data);`,
];

const CH3_FASHION_MNIST = [
  `const { transforms } = torchvision;
torch.manual_seed(0);
const mnist_train = new torchvision.datasets.FakeData({size: 60, image_size: [1, 28, 28], num_classes: 10, transform: new transforms.ToTensor()});
const mnist_test = new torchvision.datasets.FakeData({size: 20, image_size: [1, 28, 28], num_classes: 10, transform: new transforms.ToTensor(), random_offset: 60});`,
  `console.log(mnist_train.length, mnist_test.length);`,
  `let [feature, label] = mnist_train[0];
console.log(feature.shape, feature.dtype);
console.log(label);`,
  `const mnist_PIL = new torchvision.datasets.FakeData({size: 60, image_size: [1, 28, 28], num_classes: 10});
const [PIL_feature, label2] = mnist_PIL[0];
console.log(PIL_feature.size, PIL_feature.mode);`,
  `function get_fashion_mnist_labels(labels: Iterable<number | torch.Tensor>) {
  const text_labels = ['t-shirt', 'trouser', 'pullover', 'dress', 'coat',
                       'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'];
  return [...labels].map((i) => text_labels[Number(i)]);
}`,
  `let X: torch.Tensor[] = [], y: number[] = [];
for (let i = 0; i < 10; i++) {
  X.push(mnist_train[i][0]);
  y.push(mnist_train[i][1]);
}
console.log(get_fashion_mnist_labels(y));
console.log(torch.stack(X).mean({dim: [1, 2, 3]}));`,
  `const batch_size = 16;
const train_iter = new torch.utils.data.DataLoader(mnist_train, {batch_size: batch_size, shuffle: true});
const test_iter = new torch.utils.data.DataLoader(mnist_test, {batch_size: batch_size, shuffle: false});`,
  `let Xb: torch.Tensor, yb: torch.Tensor;
for ([Xb, yb] of train_iter) {
  continue;
}
console.log(Xb!.shape, yb!);`,
];
const CH3_SOFTMAX_SCRATCH = [
  `torch.manual_seed(0);
const batch_size = 32;
const [train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size);`,
  `const num_inputs = 784;
const num_outputs = 10;
const W = torch.normal(0, 0.01, [num_inputs, num_outputs]);
const b = torch.zeros(num_outputs, {dtype: torch.float});`,
  `W.requires_grad_({requires_grad: true});
b.requires_grad_({requires_grad: true});`,
  `let X = torch.tensor([[1, 2, 3], [4, 5, 6]]);
console.log(X.sum({dim: 0, keepdim: true}));
console.log(X.sum({dim: 1, keepdim: true}));`,
  `function softmax(X: torch.Tensor) {
  const X_exp = X.exp();
  const partition = X_exp.sum({dim: 1, keepdim: true});
  return X_exp / partition;
}`,
  `X = torch.rand([2, 5]);
const X_prob = softmax(X);
console.log(X_prob, X_prob.sum({dim: 1}));`,
  `function net(X: torch.Tensor) {
  return softmax(torch.mm(X.view([-1, num_inputs]), W) + b);
}`,
  `const y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]]);
const y = torch.LongTensor([0, 2]);
console.log(y_hat.gather(1, y.view(-1, 1)));`,
  `function cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) {
  return - torch.log(y_hat.gather(1, y.view(-1, 1)));
}`,
  `function accuracy(y_hat: torch.Tensor, y: torch.Tensor) {
  return (y_hat.argmax({dim: 1}) == y).float().mean().item();
}`,
  `console.log(accuracy(y_hat, y));`,
  `function evaluate_accuracy(data_iter: Iterable<torch.Tensor[]>, net: (X: torch.Tensor) => torch.Tensor) {
  let acc_sum = 0.0, n = 0;
  for (const [X, y] of data_iter) {
    acc_sum += (net(X).argmax({dim: 1}) == y).float().sum().item();
    n += y.shape[0];
  }
  return acc_sum / n;
}`,
  `console.log(evaluate_accuracy(test_iter, net));`,
  `const num_epochs = 2, lr = 0.1;
function train_ch3(net: (X: torch.Tensor) => torch.Tensor, train_iter: Iterable<torch.Tensor[]>, test_iter: Iterable<torch.Tensor[]>,
                   loss: (y_hat: torch.Tensor, y: torch.Tensor) => torch.Tensor, num_epochs: number, batch_size: number,
                   params: torch.Tensor[] | null = null, lr: number | null = null, optimizer: torch.optim.Optimizer | null = null) {
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let train_l_sum = 0.0, train_acc_sum = 0.0, n = 0;
    for (const [X, y] of train_iter) {
      const y_hat = net(X);
      const l = loss(y_hat, y).sum();
      if (optimizer !== null) {
        optimizer.zero_grad();
      } else if (params !== null && params[0].grad !== null) {
        for (const param of params) param.grad!.data.zero_();
      }
      l.backward();
      if (optimizer === null) {
        d2l.sgd(params!, lr!, batch_size);
      } else {
        optimizer.step();
      }
      train_l_sum += l.item();
      train_acc_sum += (y_hat.argmax({dim: 1}) == y).sum().item();
      n += y.shape[0];
    }
    const test_acc = evaluate_accuracy(test_iter, net);
    console.log(\`epoch \${epoch + 1}, loss \${(train_l_sum / n).toFixed(4)}, train acc \${(train_acc_sum / n).toFixed(3)}, test acc \${test_acc.toFixed(3)}\`);
  }
}
train_ch3(net, train_iter, test_iter, cross_entropy, num_epochs, batch_size, [W, b], lr);`,
  `const [Xt, yt] = test_iter[Symbol.iterator]().next().value;
const true_labels = d2l.get_fashion_mnist_labels(yt.numpy().data);
const pred_labels = d2l.get_fashion_mnist_labels(net(Xt).argmax({dim: 1}).numpy().data);
const titles = true_labels.map((t, i) => t + '\\n' + pred_labels[i]);
console.log(titles.slice(0, 9));`,
];

const CH3_SOFTMAX_CONCISE = [
  `const init = nn.init;
torch.manual_seed(0);
const batch_size = 32;
const [train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size);`,
  `const num_inputs = 784;
const num_outputs = 10;
class FlattenLayer extends nn.Module {
  forward(x: torch.Tensor) {
    return x.view(x.shape[0], -1);
  }
}
const net = new nn.Sequential(
  new Map<string, nn.Module>([
    ['flatten', new FlattenLayer()],
    ['linear', new nn.Linear(num_inputs, num_outputs)]])
);`,
  `console.log(init.normal_((net[1] as nn.Linear).weight, {mean: 0, std: 0.01}).shape);
console.log(init.constant_((net[1] as nn.Linear).bias!, {val: 0}));`,
  `const loss = new nn.CrossEntropyLoss();`,
  `const optimizer = new torch.optim.SGD(net.parameters(), {lr: 0.1});`,
  `const num_epochs = 2;
d2l.train_ch3(net, train_iter, test_iter, loss, num_epochs, batch_size, null, null, optimizer);`,
];

const CH3_MLP = [
  `function xyplot(x_vals: torch.Tensor, y_vals: torch.Tensor, name: string) {
  console.log(name + '(x)', y_vals.detach()["::16"]);
}`,
  `const x = torch.arange(-8.0, 8.0, 0.1, {requires_grad: true});
let y = x.relu();
xyplot(x, y, 'relu');`,
  `y.sum().backward();
xyplot(x, x.grad!, 'grad of relu');`,
  `y = x.sigmoid();
xyplot(x, y, 'sigmoid');`,
  `x.grad!.zero_();
y.sum().backward();
xyplot(x, x.grad!, 'grad of sigmoid');`,
  `y = x.tanh();
xyplot(x, y, 'tanh');`,
  `x.grad!.zero_();
y.sum().backward();
xyplot(x, x.grad!, 'grad of tanh');`,
];

const CH3_MLP_SCRATCH = [
  `torch.manual_seed(0);
const batch_size = 32;
const [train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size);`,
  `const num_inputs = 784, num_outputs = 10, num_hiddens = 256;
const W1 = torch.normal(0, 0.01, [num_inputs, num_hiddens]);
const b1 = torch.zeros(num_hiddens, {dtype: torch.float});
const W2 = torch.normal(0, 0.01, [num_hiddens, num_outputs]);
const b2 = torch.zeros(num_outputs, {dtype: torch.float});
const params = [W1, b1, W2, b2];
for (const param of params) {
  param.requires_grad_({requires_grad: true});
}`,
  `function relu(X: torch.Tensor) {
  return torch.max({input: X, other: torch.tensor(0.0)});
}`,
  `function net(X: torch.Tensor) {
  X = X.view([-1, num_inputs]);
  const H = relu(torch.matmul(X, W1) + b1);
  return torch.matmul(H, W2) + b2;
}`,
  `const loss = new torch.nn.CrossEntropyLoss();`,
  `const num_epochs = 2, lr = 100.0;
d2l.train_ch3(net, train_iter, test_iter, loss, num_epochs, batch_size, params, lr);`,
];

const CH3_MLP_CONCISE = [
  `const init = nn.init;
torch.manual_seed(0);
const num_inputs = 784, num_outputs = 10, num_hiddens = 256;
const net = new nn.Sequential(
  new d2l.FlattenLayer(),
  new nn.Linear(num_inputs, num_hiddens),
  new nn.ReLU(),
  new nn.Linear(num_hiddens, num_outputs),
);
for (const params of net.parameters()) {
  init.normal_(params, {mean: 0, std: 0.01});
}`,
  `const batch_size = 32;
const [train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size);
const loss = new torch.nn.CrossEntropyLoss();
const optimizer = new torch.optim.SGD(net.parameters(), {lr: 0.5});
const num_epochs = 2;
d2l.train_ch3(net, train_iter, test_iter, loss, num_epochs, batch_size, null, null, optimizer);`,
];

const CH3_UNDERFIT_OVERFIT = [
  `torch.manual_seed(0);
const n_train = 100, n_test = 100, true_w = [1.2, -3.4, 5.6], true_b = 5;
const features = torch.randn([n_train + n_test, 1]);
const poly_features = torch.cat([features, torch.pow(features, 2), torch.pow(features, 3)], 1);
const labels = (true_w[0] * poly_features[":, 0"] + true_w[1] * poly_features[":, 1"]
                + true_w[2] * poly_features[":, 2"] + true_b);
labels += torch.normal(0, 0.01, {size: labels.size()});`,
  `console.log(features[":2"], poly_features[":2"], labels[":2"]);`,
  `const num_epochs = 8, loss = new torch.nn.MSELoss();
function fit_and_plot(train_features: torch.Tensor, test_features: torch.Tensor, train_labels: torch.Tensor, test_labels: torch.Tensor) {
  const net = new torch.nn.Linear(train_features.shape[train_features.shape.length - 1], 1);
  const batch_size = Math.min(10, train_labels.shape[0]);
  const dataset = new torch.utils.data.TensorDataset(train_features, train_labels);
  const train_iter = new torch.utils.data.DataLoader(dataset, batch_size, {shuffle: true});
  const optimizer = new torch.optim.SGD(net.parameters(), {lr: 0.01});
  const train_ls: number[] = [], test_ls: number[] = [];
  for (let _ = 0; _ < num_epochs; _++) {
    for (const [X, y] of train_iter) {
      const l = loss(net(X), y.view(-1, 1));
      optimizer.zero_grad();
      l.backward();
      optimizer.step();
    }
    train_labels = train_labels.view(-1, 1);
    test_labels = test_labels.view(-1, 1);
    train_ls.push(loss(net(train_features), train_labels).item());
    test_ls.push(loss(net(test_features), test_labels).item());
  }
  console.log('final epoch: train loss', train_ls[train_ls.length - 1], 'test loss', test_ls[test_ls.length - 1]);
  const epochs = Array.from({length: num_epochs}, (_, i) => i + 1);
  d2l.semilogy(epochs, train_ls, 'epochs', 'loss', epochs, test_ls, ['train', 'test']);
  console.log('weight:', net.weight.data,
              '\\nbias:', net.bias!.data);
}`,
  `fit_and_plot(poly_features[\`:\${n_train}, :\`], poly_features[\`\${n_train}:, :\`], labels[\`:\${n_train}\`], labels[\`\${n_train}:\`]);`,
  `fit_and_plot(features[\`:\${n_train}, :\`], features[\`\${n_train}:, :\`], labels[\`:\${n_train}\`], labels[\`\${n_train}:\`]);`,
  `fit_and_plot(poly_features["0:2, :"], poly_features[\`\${n_train}:, :\`], labels["0:2"], labels[\`\${n_train}:\`]);`,
];

const CH3_WEIGHT_DECAY = [
  `torch.manual_seed(0);
const n_train = 20, n_test = 100, num_inputs = 200;
const true_w = torch.ones(num_inputs, 1) * 0.01, true_b = 0.05;
const features = torch.randn([n_train + n_test, num_inputs]);
const labels = torch.matmul(features, true_w) + true_b;
labels += torch.normal(0, 0.01, {size: labels.size()});
const train_features = features[\`:\${n_train}, :\`], test_features = features[\`\${n_train}:, :\`];
const train_labels = labels[\`:\${n_train}\`], test_labels = labels[\`\${n_train}:\`];`,
  `function init_params() {
  const w = torch.randn([num_inputs, 1], {requires_grad: true});
  const b = torch.zeros(1, {requires_grad: true});
  return [w, b];
}`,
  `function l2_penalty(w: torch.Tensor) {
  return (w ** 2).sum() / 2;
}`,
  `const batch_size = 1, num_epochs = 4, lr = 0.003;
const net = d2l.linreg, loss = d2l.squared_loss;
const dataset = new torch.utils.data.TensorDataset(train_features, train_labels);
const train_iter = new torch.utils.data.DataLoader(dataset, batch_size, {shuffle: true});
function fit_and_plot(lambd: number) {
  const [w, b] = init_params();
  const train_ls: number[] = [], test_ls: number[] = [];
  for (let _ = 0; _ < num_epochs; _++) {
    for (const [X, y] of train_iter) {
      let l = loss(net(X, w, b), y) + lambd * l2_penalty(w);
      l = l.sum();
      if (w.grad !== null) {
        w.grad.data.zero_();
        b.grad!.data.zero_();
      }
      l.backward();
      d2l.sgd([w, b], lr, batch_size);
    }
    train_ls.push(loss(net(train_features, w, b), train_labels).mean().item());
    test_ls.push(loss(net(test_features, w, b), test_labels).mean().item());
  }
  const epochs = Array.from({length: num_epochs}, (_, i) => i + 1);
  d2l.semilogy(epochs, train_ls, 'epochs', 'loss', epochs, test_ls, ['train', 'test']);
  console.log('L2 norm of w:', w.norm().item());
}`,
  `fit_and_plot(0);`,
  `fit_and_plot(3);`,
  `function fit_and_plot_pytorch(wd: number) {
  const net = new nn.Linear(num_inputs, 1);
  nn.init.normal_(net.weight, {mean: 0, std: 1});
  nn.init.normal_(net.bias!, {mean: 0, std: 1});
  const optimizer_w = new torch.optim.SGD({params: [net.weight], lr: lr, weight_decay: wd});
  const optimizer_b = new torch.optim.SGD({params: [net.bias!], lr: lr});
  const train_ls: number[] = [], test_ls: number[] = [];
  for (let _ = 0; _ < num_epochs; _++) {
    for (const [X, y] of train_iter) {
      const l = loss(net(X), y).mean();
      optimizer_w.zero_grad();
      optimizer_b.zero_grad();
      l.backward();
      optimizer_w.step();
      optimizer_b.step();
    }
    train_ls.push(loss(net(train_features), train_labels).mean().item());
    test_ls.push(loss(net(test_features), test_labels).mean().item());
  }
  const epochs = Array.from({length: num_epochs}, (_, i) => i + 1);
  d2l.semilogy(epochs, train_ls, 'epochs', 'loss', epochs, test_ls, ['train', 'test']);
  console.log('L2 norm of w:', net.weight.data.norm().item());
}`,
  `fit_and_plot_pytorch(0);`,
  `fit_and_plot_pytorch(3);`,
];

const CH3_DROPOUT = [
  `torch.manual_seed(0);
function dropout(X: torch.Tensor, drop_prob: number) {
  X = X.float();
  console.assert(0 <= drop_prob && drop_prob <= 1);
  const keep_prob = 1 - drop_prob;
  if (keep_prob == 0) {
    return torch.zeros_like(X);
  }
  const mask = (torch.rand(X.shape) < keep_prob).float();
  return mask * X / keep_prob;
}`,
  `const X = torch.arange(16).view(2, 8);
console.log(dropout(X, 0));`,
  `console.log(dropout(X, 0.5));`,
  `console.log(dropout(X, 1.0));`,
  `const num_inputs = 784, num_outputs = 10, num_hiddens1 = 256, num_hiddens2 = 256;
const W1 = torch.normal(0, 0.01, {size: [num_inputs, num_hiddens1], requires_grad: true});
const b1 = torch.zeros(num_hiddens1, {requires_grad: true});
const W2 = torch.normal(0, 0.01, {size: [num_hiddens1, num_hiddens2], requires_grad: true});
const b2 = torch.zeros(num_hiddens2, {requires_grad: true});
const W3 = torch.normal(0, 0.01, {size: [num_hiddens2, num_outputs], requires_grad: true});
const b3 = torch.zeros(num_outputs, {requires_grad: true});
const params = [W1, b1, W2, b2, W3, b3];`,
  `const drop_prob1 = 0.2, drop_prob2 = 0.5;
function net(X: torch.Tensor, is_training = true) {
  X = X.view(-1, num_inputs);
  let H1 = (torch.matmul(X, W1) + b1).relu();
  if (is_training) {
    H1 = dropout(H1, drop_prob1);
  }
  let H2 = (torch.matmul(H1, W2) + b2).relu();
  if (is_training) {
    H2 = dropout(H2, drop_prob2);
  }
  return torch.matmul(H2, W3) + b3;
}`,
  `const num_epochs = 2, lr = 100.0, batch_size = 32;
const loss = new torch.nn.CrossEntropyLoss();
const [train_iter, test_iter] = d2l.load_data_fashion_mnist(batch_size);
d2l.train_ch3(net, train_iter, test_iter, loss, num_epochs, batch_size, params, lr);`,
  `const net2 = new nn.Sequential(
  new d2l.FlattenLayer(),
  new nn.Linear(num_inputs, num_hiddens1),
  new nn.ReLU(),
  new nn.Dropout(drop_prob1),
  new nn.Linear(num_hiddens1, num_hiddens2),
  new nn.ReLU(),
  new nn.Dropout(drop_prob2),
  new nn.Linear(num_hiddens2, 10),
);
for (const param of net2.parameters()) {
  nn.init.normal_(param, {mean: 0, std: 0.01});
}`,
  `const optimizer = new torch.optim.SGD(net2.parameters(), {lr: 0.5});
d2l.train_ch3(net2, train_iter, test_iter, loss, num_epochs, batch_size, null, null, optimizer);`,
];

const SECTIONS: Record<string, string[]> = {
  ch2_tensor: CH2_TENSOR,
  ch2_autograd: CH2_AUTOGRAD,
  ch3_linreg_scratch: CH3_LINREG_SCRATCH,
  ch3_linreg_concise: CH3_LINREG_CONCISE,
  ch3_fashion_mnist: CH3_FASHION_MNIST,
  ch3_softmax_scratch: CH3_SOFTMAX_SCRATCH,
  ch3_softmax_concise: CH3_SOFTMAX_CONCISE,
  ch3_mlp: CH3_MLP,
  ch3_mlp_scratch: CH3_MLP_SCRATCH,
  ch3_mlp_concise: CH3_MLP_CONCISE,
  ch3_underfit_overfit: CH3_UNDERFIT_OVERFIT,
  ch3_weight_decay: CH3_WEIGHT_DECAY,
  ch3_dropout: CH3_DROPOUT,
};

/**
 * One notebook (one kernel) runs every section after the helper cells: each section's first cell prints
 * a marker line, and what is printed after it is that section's output.
 */
const CELLS = [...D2L, ...Object.entries(SECTIONS).flatMap(([name, cells]) => [`console.log("##### ${name}");\n${cells[0]}`, ...cells.slice(1)])];

/** The printed text of each section, split at the markers. */
function bySection(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/^##### /m).slice(1)) {
    const nl = part.indexOf("\n");
    out[part.slice(0, nl)] = part.slice(nl + 1);
  }
  return out;
}

/**
 * Printed text equals PyTorch's with whitespace and object addresses removed, numbers within 1.5e-3
 * (Python's '%.3f' rounds a tie such as 3/48 = 0.0625 to even, 0.062, JavaScript's toFixed(3) up, 0.063).
 */
function expectPrinted(got: string | undefined, want: string): void {
  const norm = (s: string) => s.replace(/ object at 0x[0-9a-f]+>/g, ">").replace(/\s+/g, "");
  expect(got).toBeDefined();
  expectSamePrint(norm(got!), norm(want), 1.5e-3);
}

describe("Dive-into-DL-PyTorch chapters 2 and 3 as notebooks through `torchlab run`", () => {
  const nbs = notebooksForSuite("shusen-ch23", { book: CELLS }, 600_000);
  let out: Record<string, string> = {};
  beforeAll(() => {
    out = bySection(printedText(nbs.book, true));
  });
  for (const name of Object.keys(SECTIONS)) {
    test(`${name}: prints PyTorch's output`, () => {
      expectPrinted(out[name], R[name]);
    });
  }
});
