/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition), chapter_linear-networks: linear regression
 * from scratch and concise, softmax regression from scratch and concise, ported line by line with
 * the d2l helpers they use (synthetic_data, load_array, Accumulator, accuracy, evaluate_accuracy,
 * train_epoch_ch3, train_ch3 printing instead of plotting) and run as notebooks through
 * `torchlab run`. Printed output must be PyTorch's (test/reference/gen_d2l_linear_networks.py,
 * whose docstring lists the stand-ins: torch.randperm for random.shuffle, a seeded torch.rand
 * Fashion-MNIST, small sizes). Python's `f'{x:f}'` is `Number(x).toFixed(6)`; Node prints a
 * printed list over indented lines, so the texts are compared without whitespace.
 *
 * Left as a divergence: `net[0].weight` does not type-check (a Sequential's items are typed
 * `Module`), so the port writes `(net[0] as nn.Linear).weight`.
 */
import * as fs from "fs";
import * as path from "path";
import { printedText, sectionsForSuite } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_linear_networks.json"), "utf8")) as Record<string, string>;

const COMMON = `const data = torch.utils.data;
function synthetic_data(w: torch.Tensor, b: number, num_examples: number): [torch.Tensor, torch.Tensor] {
  const X = torch.normal(0, 1, [num_examples, w.length]);
  const y = torch.matmul(X, w) + b;
  y += torch.normal(0, 0.01, y.shape);
  return [X, y.reshape([-1, 1])];
}
function load_array(data_arrays: torch.Tensor[], batch_size: number, is_train = true) {
  const dataset = new data.TensorDataset(...data_arrays);
  return new data.DataLoader(dataset, batch_size, {shuffle: is_train});
}
function fashion_standin(n: number): [torch.Tensor, torch.Tensor] {
  const X = torch.rand(n, 1, 28, 28);
  const y = torch.randint(0, 10, [n]);
  for (let i = 0; i < n; i++) {
    X[\`\${i}, 0, \${2 * Number(y[i])}:\${2 * Number(y[i]) + 3}, :\`] += 1.0;
  }
  return [X, y];
}
function load_data_fashion_mnist(batch_size: number) {
  return [load_array(fashion_standin(96), batch_size), load_array(fashion_standin(48), batch_size, false)];
}
class Accumulator {
  data: number[];
  constructor(n: number) { this.data = new Array(n).fill(0.0); }
  add(...args: (number | torch.Tensor)[]) { this.data = this.data.map((a, i) => a + Number(args[i])); }
  reset() { this.data = this.data.map(() => 0.0); }
  get(idx: number) { return this.data[idx]; }
}
function accuracy(y_hat: torch.Tensor, y: torch.Tensor): number {
  if (y_hat.shape.length > 1 && y_hat.shape[1] > 1) {
    y_hat = y_hat.argmax({axis: 1});
  }
  const cmp = y_hat.type(y.dtype) == y;
  return Number(cmp.type(y.dtype).sum());
}
type Net = (X: torch.Tensor) => torch.Tensor;
function evaluate_accuracy(net: Net, data_iter: Iterable<torch.Tensor[]>): number {
  if (net instanceof torch.nn.Module) {
    net.eval();
  }
  const metric = new Accumulator(2);
  torch.no_grad(() => {
    for (const [X, y] of data_iter) {
      metric.add(accuracy(net(X), y), y.numel());
    }
  });
  return metric.get(0) / metric.get(1);
}
function train_epoch_ch3(net: Net, train_iter: Iterable<torch.Tensor[]>, loss: Net | ((a: torch.Tensor, b: torch.Tensor) => torch.Tensor), updater: torch.optim.Optimizer | ((n: number) => void)): [number, number] {
  if (net instanceof torch.nn.Module) {
    net.train();
  }
  const metric = new Accumulator(3);
  for (const [X, y] of train_iter) {
    const y_hat = net(X);
    const l = (loss as (a: torch.Tensor, b: torch.Tensor) => torch.Tensor)(y_hat, y);
    if (updater instanceof torch.optim.Optimizer) {
      updater.zero_grad();
      l.mean().backward();
      updater.step();
    } else {
      l.sum().backward();
      updater(X.shape[0]);
    }
    metric.add(Number(l.sum()), accuracy(y_hat, y), y.numel());
  }
  return [metric.get(0) / metric.get(2), metric.get(1) / metric.get(2)];
}
function train_ch3(net: Net, train_iter: Iterable<torch.Tensor[]>, test_iter: Iterable<torch.Tensor[]>, loss: (a: torch.Tensor, b: torch.Tensor) => torch.Tensor, num_epochs: number, updater: torch.optim.Optimizer | ((n: number) => void)) {
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    const train_metrics = train_epoch_ch3(net, train_iter, loss, updater);
    const test_acc = evaluate_accuracy(net, test_iter);
    console.log(\`epoch \${epoch + 1}, loss \${train_metrics[0].toFixed(6)}, train acc \${train_metrics[1].toFixed(6)}, test acc \${test_acc.toFixed(6)}\`);
  }
}`;

const SCRATCH = [
  COMMON,
  `torch.manual_seed(0);
function* data_iter(batch_size: number, features: torch.Tensor, labels: torch.Tensor) {
  const num_examples = features.length;
  const indices = torch.randperm(num_examples);
  for (let i = 0; i < num_examples; i += batch_size) {
    const batch_indices = indices[\`\${i}:\${Math.min(i + batch_size, num_examples)}\`];
    yield [features[batch_indices], labels[batch_indices]];
  }
}`,
  `const true_w = torch.tensor([2, -3.4]);
const true_b = 4.2;
const [features, labels] = synthetic_data(true_w, true_b, 200);
console.log('features:', features[0],'\\nlabel:', labels[0]);`,
  `const batch_size = 10;
for (const [X, y] of data_iter(batch_size, features, labels)) {
  console.log(X, '\\n', y);
  break;
}`,
  `const w = torch.normal(0, 0.01, {size: [2,1], requires_grad: true});
const b = torch.zeros(1, {requires_grad: true});`,
  `function linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) {
  return torch.matmul(X, w) + b;
}
function squared_loss(y_hat: torch.Tensor, y: torch.Tensor) {
  return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2;
}
function sgd(params: torch.Tensor[], lr: number, batch_size: number) {
  torch.no_grad(() => {
    for (const param of params) {
      param -= lr * param.grad! / batch_size;
      param.grad!.zero_();
    }
  });
}`,
  `const lr = 0.03;
const num_epochs = 3;
const net = linreg;
const loss = squared_loss;
for (let epoch = 0; epoch < num_epochs; epoch++) {
  for (const [X, y] of data_iter(batch_size, features, labels)) {
    const l = loss(net(X, w, b), y);
    l.sum().backward();
    sgd([w, b], lr, batch_size);
  }
  torch.no_grad(() => {
    const train_l = loss(net(features, w, b), labels);
    console.log(\`epoch \${epoch + 1}, loss \${Number(train_l.mean()).toFixed(6)}\`);
  });
}`,
  `console.log(\`w的估计误差: \${true_w - w.reshape(true_w.shape)}\`);
console.log(\`b的估计误差: \${true_b - b}\`);`,
];

const CONCISE = [
  COMMON,
  `torch.manual_seed(0);
const true_w = torch.tensor([2, -3.4]);
const true_b = 4.2;
const [features, labels] = synthetic_data(true_w, true_b, 200);`,
  `const batch_size = 10;
const data_iter = load_array([features, labels], batch_size);
console.log(data_iter[Symbol.iterator]().next().value);`,
  `const net = new nn.Sequential(new nn.Linear(2, 1));
console.log((net[0] as nn.Linear).weight.data.normal_(0, 0.01));
console.log((net[0] as nn.Linear).bias!.data.fill_(0));`,
  `const loss = new nn.MSELoss();
const trainer = new torch.optim.SGD(net.parameters(), {lr: 0.03});`,
  `const num_epochs = 3;
for (let epoch = 0; epoch < num_epochs; epoch++) {
  for (const [X, y] of data_iter) {
    const l = loss(net(X) ,y);
    trainer.zero_grad();
    l.backward();
    trainer.step();
  }
  const l = loss(net(features), labels);
  console.log(\`epoch \${epoch + 1}, loss \${Number(l).toFixed(6)}\`);
}`,
  `const w = (net[0] as nn.Linear).weight.data;
console.log('w的估计误差：', true_w - w.reshape(true_w.shape));
const b = (net[0] as nn.Linear).bias!.data;
console.log('b的估计误差：', true_b - b);`,
];

const SOFTMAX_SCRATCH = [
  COMMON,
  `torch.manual_seed(0);
const batch_size = 32;
const [train_iter, test_iter] = load_data_fashion_mnist(batch_size);`,
  `const num_inputs = 784;
const num_outputs = 10;
const W = torch.normal(0, 0.01, {size: [num_inputs, num_outputs], requires_grad: true});
const b = torch.zeros(num_outputs, {requires_grad: true});`,
  `let X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
console.log(X.sum(0, {keepdim: true}), X.sum(1, {keepdim: true}));`,
  `function softmax(X: torch.Tensor) {
  const X_exp = torch.exp(X);
  const partition = X_exp.sum(1, {keepdim: true});
  return X_exp / partition;
}
X = torch.normal(0, 1, [2, 5]);
const X_prob = softmax(X);
console.log(X_prob, X_prob.sum(1));`,
  `function net(X: torch.Tensor) {
  return softmax(torch.matmul(X.reshape([-1, W.shape[0]]), W) + b);
}`,
  `const y = torch.tensor([0, 2]);
const y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]]);
console.log(y_hat[[0, 1], y]);`,
  `function cross_entropy(y_hat: torch.Tensor, y: torch.Tensor) {
  return - torch.log(y_hat[torch.arange(y_hat.length), y]);
}
console.log(cross_entropy(y_hat, y));`,
  `console.log(accuracy(y_hat, y) / y.length);`,
  `console.log(evaluate_accuracy(net, test_iter));`,
  `const lr = 0.1;
function updater(batch_size: number) {
  torch.no_grad(() => {
    for (const param of [W, b]) {
      param -= lr * param.grad! / batch_size;
      param.grad!.zero_();
    }
  });
}`,
  `const num_epochs = 2;
train_ch3(net, train_iter, test_iter, cross_entropy, num_epochs, updater);`,
];

const SOFTMAX_CONCISE = [
  COMMON,
  `torch.manual_seed(0);
const batch_size = 32;
const [train_iter, test_iter] = load_data_fashion_mnist(batch_size);`,
  `const net = new nn.Sequential(new nn.Flatten(), new nn.Linear(784, 10));
function init_weights(m: nn.Module) {
  if (m.constructor == nn.Linear) {
    nn.init.normal_((m as nn.Linear).weight, {std: 0.01});
  }
}
console.log(net.apply(init_weights));`,
  `const loss = new nn.CrossEntropyLoss({reduction: 'none'});
const trainer = new torch.optim.SGD(net.parameters(), {lr: 0.1});`,
  `const num_epochs = 2;
train_ch3(net, train_iter, test_iter, loss, num_epochs, trainer);`,
];

const SECTIONS: Record<string, string[]> = {
  linear_regression_scratch: SCRATCH,
  linear_regression_concise: CONCISE,
  softmax_regression_scratch: SOFTMAX_SCRATCH,
  softmax_regression_concise: SOFTMAX_CONCISE,
};

describe("d2l chapter_linear-networks as notebooks through `torchlab run`", () => {
  const out: Record<string, string> = {};
  // One notebook, one kernel: each section after the first starts from a reseeded torch, as a fresh kernel would.
  // Its "every cell runs" test also requires that no cell shows an error.
  const nbs = sectionsForSuite("d2l-linear", { d2l_linear: SECTIONS }, 300_000);
  beforeAll(() => {
    for (const name of Object.keys(SECTIONS)) out[name] = printedText(nbs[name], true);
  });

  for (const name of Object.keys(SECTIONS)) {
    test(`${name}: prints PyTorch's output`, () => {
      expectSamePrint(out[name].replace(/\s+/g, ""), R[name].replace(/\s+/g, ""), 1e-3);
    });
  }
});
