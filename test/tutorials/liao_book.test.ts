/**
 * L1aoXingyu/code-of-learn-deep-learning-with-pytorch (廖星宇《深度学习入门之PyTorch》) chapters 2-6,
 * ported cell by cell and run as notebooks through `torchlab run`. The book was written for PyTorch
 * 0.3 (`Variable(x, requires_grad=True)`, `loss.data[0]`, `param.data = ...` updates, `volatile`);
 * the port writes what PyTorch 1.13 accepts, and the printed text must be 1.13's
 * (test/reference/gen_liao_book.py, liao_book.json): Variable returns a leaf Tensor sharing the data,
 * `volatile` only warns, `loss.data[0]` raises IndexError (recorded once per chapter, then `.item()`).
 *
 * Stand-ins: torch's seeded generator for np.random (the flower data, the param_initialize draws), the
 * book's logistic-regression data.txt embedded, seeded images for MNIST / CIFAR-10, a seeded series for
 * the time-series CSV; training loops run a few steps (the book runs epochs).
 * Left out: CUDA cells (`.cuda()`, `torch.cuda.FloatTensor`), matplotlib cells and decision-boundary
 * plots, the TensorFlow cells of dynamic-graph, timing prints (`time.time()`), torch.save of a whole
 * module to a file (a state_dict round trip is kept), downloads, data augmentation on cat.png (PIL
 * images), the ResNet / GoogLeNet / DenseNet notebooks and chapter 4's CIFAR-10 training (time), the
 * LSTM time series, rnn-for-image, word-embedding, seq-lstm, the autoencoder and the GAN.
 * Written differently from the book, each for a kernel limitation reported with this port:
 * - linear-regression's first three cells are one cell: a function (`get_loss`, which reads the global
 *   `y_train`) defined in one cell keeps reading that cell's binding after a later cell reassigns the
 *   variable (tslab exports a cell's variables by copy; later cells write `exports.y_train`).
 * - `(net1[0] as nn.Linear).weight["0, :5"]`: indexing an nn.Sequential gives a Module, whose `.weight`
 *   the checker does not type as a Tensor, so the dialect leaves the string index alone (undefined).
 * - the L2 term starts as `torch.tensor(0.)`, not `0`: `l2 + t` with `l2: number | Tensor` is a
 *   compile error (the dialect rewrites only operands typed as Tensor).
 * - `nn.Sequential` is built with `new`, Python's `len(a)` of an ndarray is `a.shape[0]`, dict lookups
 *   are a Map, and Python's `'{}'.format(1e-05)` prints where JavaScript prints 0.00001 (the numbers compare).
 */
import * as fs from "fs";
import * as path from "path";
import { printedText, sectionsForSuite } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "liao_book.json"), "utf8")) as {
  logistic_data: number[][];
  chapter2: { printed: string[] };
  chapter3: { printed: string[] };
  chapter4: { printed: string[] };
  chapter5: { printed: string[]; sonnet: string };
  chapter6: { printed: string[] };
};

const CHAPTER2 = [
  `const t = torch;
function warned<T>(f: () => T): T {
  const orig = process.emitWarning;
  (process as any).emitWarning = (m: string, type: string) => console.log(\`WARN \${type}: \${m}\`);
  try { return f(); } finally { process.emitWarning = orig; }
}
function err(f: () => unknown) {
  try { f(); console.log("no error"); } catch (e) { console.log(\`ERR \${(e as Error).name}: \${(e as Error).message}\`); }
}
const { Variable } = torch.autograd;`,
  `torch.manual_seed(0);
const numpy_tensor = torch.randn(10, 20, {dtype: torch.float64}).numpy();
const pytorch_tensor1 = torch.Tensor(numpy_tensor);
const pytorch_tensor2 = torch.from_numpy(numpy_tensor);
let numpy_array = pytorch_tensor1.numpy();
numpy_array = pytorch_tensor1.cpu().numpy();
console.log(pytorch_tensor1.shape);
console.log(pytorch_tensor1.size());
console.log(pytorch_tensor1.type());
console.log(pytorch_tensor1.dim());
console.log(pytorch_tensor1.numel());
console.log(pytorch_tensor2.type(), numpy_array.shape[0]);`,
  `let x = torch.randn(3, 2);
x = x.type(torch.DoubleTensor);
const x_array = x.numpy();
console.log(x.type(), x_array.shape[0]);`,
  `x = torch.ones(2, 2);
console.log(x);
console.log(x.type());
x = x.long();
console.log(x);
x = x.float();
console.log(x);`,
  `x = torch.randn(4, 3);
console.log(x);
const [max_value, max_idx] = torch.max(x, {dim: 1});
console.log(max_value);
console.log(max_idx);
const sum_x = torch.sum(x, {dim: 1});
console.log(sum_x);`,
  `console.log(x.shape);
x = x.unsqueeze(0);
console.log(x.shape);
x = x.unsqueeze(1);
console.log(x.shape);
x = x.squeeze(0);
console.log(x.shape);
x = x.squeeze();
console.log(x.shape);`,
  `x = torch.randn(3, 4, 5);
console.log(x.shape);
x = x.permute(1, 0, 2);
console.log(x.shape);
x = x.transpose(0, 2);
console.log(x.shape);`,
  `x = torch.randn(3, 4, 5);
console.log(x.shape);
x = x.view(-1, 5);
console.log(x.shape);
x = x.view(3, 20);
console.log(x.shape);`,
  `x = torch.randn(3, 4);
let y = torch.randn(3, 4);
let z = x + y;
console.log(z);`,
  `x = torch.ones(3, 3);
console.log(x.shape);
x.unsqueeze_(0);
console.log(x.shape);
x.transpose_(1, 0);
console.log(x.shape);`,
  `x = torch.ones(3, 3);
y = torch.ones(3, 3);
console.log(x);
x.add_(y);
console.log(x);`,
  `x = torch.ones(4, 4).float();
x["1:3, 1:3"] = 2;
console.log(x);`,
  `const x_tensor = torch.randn(10, 5);
const y_tensor = torch.randn(10, 5);
x = Variable(x_tensor, {requires_grad: true});
y = Variable(y_tensor, {requires_grad: true});
z = torch.sum(x + y);
console.log(z.data);
console.log(z.grad_fn);
z.backward();
console.log(x.grad);
console.log(y.grad);`,
  `x = Variable(torch.FloatTensor([2]), {requires_grad: true});
y = x ** 2;
y.backward();
console.log(x.grad);`,
  `console.log(x instanceof torch.Tensor, x.is_leaf, x_tensor.requires_grad);
x_tensor.add_(1);
console.log(torch.equal(Variable(x_tensor, {requires_grad: true}).data, x_tensor));
let a = torch.ones(2);
const v = Variable(a, {requires_grad: true});
a.add_(1);
console.log(v);
const u = Variable(v * 2);
console.log(u.requires_grad, u.grad_fn, u.is_leaf);
let k = warned(() => Variable(torch.zeros(2), {volatile: true}));
console.log(k.requires_grad);
err(() => Variable([1, 2] as any));
err(() => Variable(torch.ones(2, {dtype: torch.long}), {requires_grad: true}));
console.log(warned(() => k.volatile));
err(() => torch.tensor(3.).data[0]);`,
  `x = Variable(torch.Tensor([2]), {requires_grad: true});
y = x + 2;
z = y ** 2 + 3;
console.log(z);
z.backward();
console.log(x.grad);`,
  `x = Variable(torch.randn(10, 20), {requires_grad: true});
y = Variable(torch.randn(10, 5), {requires_grad: true});
let w = Variable(torch.randn(20, 5), {requires_grad: true});
const out = torch.mean(y - torch.matmul(x, w));
out.backward();
console.log(x.grad);
console.log(y.grad);
console.log(w.grad);`,
  `const m = Variable(torch.FloatTensor([[2, 3]]), {requires_grad: true});
const n = Variable(torch.zeros(1, 2));
console.log(m);
console.log(n);
n["0, 0"] = m["0, 0"] ** 2;
n["0, 1"] = m["0, 1"] ** 3;
console.log(n);
n.backward(torch.ones_like(n));
console.log(m.grad);`,
  `x = Variable(torch.FloatTensor([3]), {requires_grad: true});
y = x * 2 + x ** 2 + 3;
console.log(y);
y.backward({retain_graph: true});
console.log(x.grad);
y.backward();
console.log(x.grad);`,
  `x = Variable(torch.FloatTensor([2, 3]), {requires_grad: true});
k = Variable(torch.zeros(2));
k[0] = x[0] ** 2 + 3 * x[1];
k[1] = x[1] ** 2 + 2 * x[0];
console.log(k);
const j = torch.zeros(2, 2);
k.backward(torch.FloatTensor([1, 0]), {retain_graph: true});
j[0] = x.grad!.data;
x.grad!.data.zero_();
k.backward(torch.FloatTensor([0, 1]));
j[1] = x.grad!.data;
console.log(j);`,
  `const first_counter = torch.Tensor([0]);
const second_counter = torch.Tensor([10]);
while ((first_counter < second_counter)[0]) {
  first_counter += 2;
  second_counter += 1;
}
console.log(first_counter);
console.log(second_counter);`,
];
const CHAPTER3 = [
  `const t = torch;
const { Variable } = torch.autograd;
function err(f: () => unknown) {
  try { f(); console.log("no error"); } catch (e) { console.log(\`ERR \${(e as Error).name}: \${(e as Error).message}\`); }
}
function warned<T>(f: () => T): T {
  const orig = process.emitWarning;
  (process as any).emitWarning = (m: string, type: string) => console.log(\`WARN \${type}: \${m}\`);
  try { return f(); } finally { process.emitWarning = orig; }
}
torch.manual_seed(2017);
let x_train = torch.tensor([[3.3], [4.4], [5.5], [6.71], [6.93], [4.168], [9.779], [6.182], [7.59], [2.167], [7.042], [10.791], [5.313], [7.997], [3.1]]);
let y_train = torch.tensor([[1.7], [2.76], [2.09], [3.19], [1.694], [1.573], [3.366], [2.596], [2.53], [1.221], [2.827], [3.465], [1.65], [2.904], [1.3]]);
let w = Variable(torch.randn(1), {requires_grad: true});
let b = Variable(torch.zeros(1), {requires_grad: true});
x_train = Variable(x_train);
y_train = Variable(y_train);
function linear_model(x: torch.Tensor) {
  return x * w + b;
}
let y_ = linear_model(x_train);
function get_loss(y_: torch.Tensor, y: torch.Tensor) {
  return torch.mean((y_ - y_train) ** 2);
}
let loss = get_loss(y_, y_train);
console.log(loss);
loss.backward();
console.log(w.grad);
console.log(b.grad);
w.data = w.data - 1e-2 * w.grad!.data;
b.data = b.data - 1e-2 * b.grad!.data;
err(() => loss.data[0]);
for (let e = 0; e < 10; e++) {
  y_ = linear_model(x_train);
  loss = get_loss(y_, y_train);
  w.grad!.zero_();
  b.grad!.zero_();
  loss.backward();
  w.data = w.data - 1e-2 * w.grad!.data;
  b.data = b.data - 1e-2 * b.grad!.data;
  console.log(\`epoch: \${e}, loss: \${loss.item()}\`);
}
const w_target = torch.tensor([0.5, 3, 2.4]);
const b_target = torch.tensor([0.9]);
const f_des = \`y = \${b_target[0].item().toFixed(2)} + \${w_target[0].item().toFixed(2)} * x + \${w_target[1].item().toFixed(2)} * x^2 + \${w_target[2].item().toFixed(2)} * x^3\`;
console.log(f_des);
const x_sample = torch.arange(-3, 3.1, 0.1);
const y_sample = b_target[0] + w_target[0] * x_sample + w_target[1] * x_sample ** 2 + w_target[2] * x_sample ** 3;
x_train = torch.stack([1, 2, 3].map((i) => x_sample ** i), {dim: 1});
y_train = y_sample.float().unsqueeze(1);
w = Variable(torch.randn(3, 1), {requires_grad: true});
b = Variable(torch.zeros(1), {requires_grad: true});
function multi_linear(x: torch.Tensor) {
  return torch.mm(x, w) + b;
}
let y_pred = multi_linear(x_train);
loss = get_loss(y_pred, y_train);
console.log(loss);
loss.backward();
console.log(w.grad);
console.log(b.grad);
w.data = w.data - 0.001 * w.grad!.data;
b.data = b.data - 0.001 * b.grad!.data;
for (let e = 0; e < 100; e++) {
  y_pred = multi_linear(x_train);
  loss = get_loss(y_pred, y_train);
  w.grad!.data.zero_();
  b.grad!.data.zero_();
  loss.backward();
  w.data = w.data - 0.001 * w.grad!.data;
  b.data = b.data - 0.001 * b.grad!.data;
  if ((e + 1) % 20 === 0) console.log(\`epoch \${e + 1}, Loss: \${loss.item().toFixed(5)}\`);
}`,
  `torch.manual_seed(2017);
let data = DATA_TXT.map((i) => [i[0], i[1], i[2]]);
const x0_max = Math.max(...data.map((i) => i[0]));
const x1_max = Math.max(...data.map((i) => i[1]));
data = data.map((i) => [i[0] / x0_max, i[1] / x1_max, i[2]]);
const np_data = torch.tensor(data, {dtype: torch.float32});
let x_data = np_data[":, 0:2"];
let y_data = np_data[":, -1"].unsqueeze(1);
x_data = Variable(x_data);
y_data = Variable(y_data);
w = Variable(torch.randn(2, 1), {requires_grad: true});
b = Variable(torch.zeros(1), {requires_grad: true});
function logistic_regression(x: torch.Tensor) {
  return torch.sigmoid(torch.mm(x, w) + b);
}
const w0 = w[0].data[0];
const w1 = w[1].data[0];
const b0 = b.data[0];
console.log(w0, w1, b0);
function binary_loss(y_pred: torch.Tensor, y: torch.Tensor) {
  const logits = (y * y_pred.clamp(1e-12).log() + (1 - y) * (1 - y_pred).clamp(1e-12).log()).mean();
  return -logits;
}
y_pred = logistic_regression(x_data);
loss = binary_loss(y_pred, y_data);
console.log(loss);
loss.backward();
w.data = w.data - 0.1 * w.grad!.data;
b.data = b.data - 0.1 * b.grad!.data;
y_pred = logistic_regression(x_data);
loss = binary_loss(y_pred, y_data);
console.log(loss);`,
  `w = new nn.Parameter(torch.randn(2, 1));
b = new nn.Parameter(torch.zeros(1));
function logistic_regression2(x: torch.Tensor) {
  return torch.sigmoid(torch.mm(x, w) + b);
}
let optimizer = new torch.optim.SGD([w, b], {lr: 1.});
let mask = torch.zeros(1);
for (let e = 0; e < 50; e++) {
  y_pred = logistic_regression2(x_data);
  loss = binary_loss(y_pred, y_data);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  mask = y_pred.ge(0.5).float();
  const acc = (mask == y_data).sum().item() / y_data.shape[0];
  if ((e + 1) % 10 === 0) console.log(\`epoch: \${e + 1}, Loss: \${loss.item().toFixed(5)}, Acc: \${acc.toFixed(5)}\`);
}
err(() => (mask == y_data).sum().data[0]);`,
  `let criterion = new nn.BCEWithLogitsLoss();
w = new nn.Parameter(torch.randn(2, 1));
b = new nn.Parameter(torch.zeros(1));
function logistic_reg(x: torch.Tensor) {
  return torch.mm(x, w) + b;
}
optimizer = new torch.optim.SGD([w, b], 1.);
y_pred = logistic_reg(x_data);
loss = criterion(y_pred, y_data);
console.log(loss.data);
for (let e = 0; e < 50; e++) {
  y_pred = logistic_reg(x_data);
  loss = criterion(y_pred, y_data);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  mask = y_pred.ge(0.5).float();
  const acc = (mask == y_data).sum().item() / y_data.shape[0];
  if ((e + 1) % 10 === 0) console.log(\`epoch: \${e + 1}, Loss: \${loss.item().toFixed(5)}, Acc: \${acc.toFixed(5)}\`);
}`,
  `torch.manual_seed(1);
const m = 400;
const N = Math.trunc(m / 2);
const D = 2;
let x = torch.zeros([m, D]);
let y = torch.zeros([m, 1]);
const a = 4;
for (let j = 0; j < 2; j++) {
  const t = torch.linspace(j * 3.12, (j + 1) * 3.12, N) + torch.randn(N) * 0.2;
  const r = a * torch.sin(4 * t) + torch.randn(N) * 0.2;
  x[\`\${N * j}:\${N * (j + 1)}\`] = torch.stack([r * torch.sin(t), r * torch.cos(t)], {dim: 1});
  y[\`\${N * j}:\${N * (j + 1)}\`] = j;
}
w = new nn.Parameter(torch.randn(2, 1));
b = new nn.Parameter(torch.zeros(1));
optimizer = new torch.optim.SGD([w, b], 1e-1);
function logistic_regression3(x: torch.Tensor) {
  return torch.mm(x, w) + b;
}
criterion = new nn.BCEWithLogitsLoss();
for (let e = 0; e < 100; e++) {
  const out = logistic_regression3(Variable(x));
  loss = criterion(out, Variable(y));
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  if ((e + 1) % 20 === 0) console.log(\`epoch: \${e + 1}, loss: \${Number(loss.item().toFixed(5))}\`);
}`,
  `const w1_ = new nn.Parameter(torch.randn(2, 4) * 0.01);
const b1_ = new nn.Parameter(torch.zeros(4));
const w2_ = new nn.Parameter(torch.randn(4, 1) * 0.01);
const b2_ = new nn.Parameter(torch.zeros(1));
function two_network(x: torch.Tensor) {
  let x1 = torch.mm(x, w1_) + b1_;
  x1 = torch.tanh(x1);
  const x2 = torch.mm(x1, w2_) + b2_;
  return x2;
}
optimizer = new torch.optim.SGD([w1_, w2_, b1_, b2_], 1.);
for (let e = 0; e < 100; e++) {
  const out = two_network(Variable(x));
  loss = criterion(out, Variable(y));
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  if ((e + 1) % 20 === 0) console.log(\`epoch: \${e + 1}, loss: \${Number(loss.item().toFixed(5))}\`);
}
let out = torch.sigmoid(two_network(x));
out = (out > 0.5) * 1;
console.log(out.dtype, out.sum());`,
  `const seq_net = new nn.Sequential(new nn.Linear(2, 4), new nn.Tanh(), new nn.Linear(4, 1));
console.log(seq_net[0]);
const w0_ = seq_net[0].weight;
console.log(w0_);
const param = seq_net.parameters();
let optim = new torch.optim.SGD(param, 1.);
for (let e = 0; e < 100; e++) {
  const out = seq_net(Variable(x));
  loss = criterion(out, Variable(y));
  optim.zero_grad();
  loss.backward();
  optim.step();
  if ((e + 1) % 20 === 0) console.log(\`epoch: \${e + 1}, loss: \${Number(loss.item().toFixed(5))}\`);
}
const seq_net2 = new nn.Sequential(new nn.Linear(2, 4), new nn.Tanh(), new nn.Linear(4, 1));
seq_net2.load_state_dict(seq_net.state_dict());
console.log(seq_net2);
console.log(seq_net2[0].weight);`,
  `class module_net extends nn.Module {
  layer1: nn.Linear; layer2: nn.Tanh; layer3: nn.Linear;
  constructor(num_input: number, num_hidden: number, num_output: number) {
    super();
    this.layer1 = new nn.Linear(num_input, num_hidden);
    this.layer2 = new nn.Tanh();
    this.layer3 = new nn.Linear(num_hidden, num_output);
  }
  forward(x: torch.Tensor) {
    x = this.layer1(x);
    x = this.layer2(x);
    x = this.layer3(x);
    return x;
  }
}
const mo_net = new module_net(2, 4, 1);
const l1 = mo_net.layer1;
console.log(l1);
console.log(l1.weight);
optim = new torch.optim.SGD(mo_net.parameters(), 1.);
for (let e = 0; e < 100; e++) {
  const out = mo_net(Variable(x));
  loss = criterion(out, Variable(y));
  optim.zero_grad();
  loss.backward();
  optim.step();
  if ((e + 1) % 20 === 0) console.log(\`epoch: \${e + 1}, loss: \${Number(loss.item().toFixed(5))}\`);
}`,
  `const net1 = new nn.Sequential(new nn.Linear(30, 40), new nn.ReLU(), new nn.Linear(40, 50), new nn.ReLU(), new nn.Linear(50, 10));
const w1 = net1[0].weight;
const b1 = net1[0].bias;
console.log(w1.shape, b1.shape);
net1[0].weight.data = torch.empty(40, 30, {dtype: torch.float64}).uniform_(3, 5);
console.log(net1[0].weight.dtype, net1[0].weight.requires_grad, net1[0].weight.is_leaf, net1[0].weight.shape);
for (const layer of net1) {
  if (layer instanceof nn.Linear) {
    const param_shape = layer.weight.shape;
    layer.weight.data = torch.empty(param_shape, {dtype: torch.float64}).normal_(0, 0.5);
  }
}
console.log(net1[4].weight.dtype, net1[4].weight.constructor.name);`,
  `class sim_net extends nn.Module {
  l1: nn.Sequential; l2: nn.Sequential; l3: nn.Sequential;
  constructor() {
    super();
    this.l1 = new nn.Sequential(new nn.Linear(30, 40), new nn.ReLU());
    this.l1[0].weight.data = torch.randn(40, 30);
    this.l2 = new nn.Sequential(new nn.Linear(40, 50), new nn.ReLU());
    this.l3 = new nn.Sequential(new nn.Linear(50, 10), new nn.ReLU());
  }
  forward(x: torch.Tensor) {
    x = this.l1(x);
    x = this.l2(x);
    x = this.l3(x);
    return x;
  }
}
const net2 = new sim_net();
for (const i of net2.children()) console.log(i);
for (const i of net2.modules()) console.log(i);
for (const layer of net2.modules()) {
  if (layer instanceof nn.Linear) {
    const param_shape = layer.weight.shape;
    layer.weight.data = torch.empty(param_shape).normal_(0, 0.5);
  }
}
console.log(net2(torch.ones(2, 30)));`,
  `const { init } = nn;
net1[0].weight.data = net1[0].weight.data.float();
warned(() => init.xavier_uniform(net1[0].weight));
console.log((net1[0] as nn.Linear).weight["0, :5"]);
console.log(net1[0].weight.abs().max().item() <= (6 / 70) ** 0.5);`,
  `function sgd_update(parameters: Iterable<torch.Tensor>, lr: number) {
  for (const param of parameters) param.data = param.data - lr * param.grad!.data;
}
function sgd_momentum(parameters: Iterable<torch.Tensor>, vs: torch.Tensor[], lr: number, gamma: number) {
  [...parameters].forEach((param, i) => {
    const v = vs[i];
    v[":"] = gamma * v + lr * param.grad!.data;
    param.data = param.data - v;
  });
}
function sgd_adagrad(parameters: Iterable<torch.Tensor>, sqrs: torch.Tensor[], lr: number) {
  const eps = 1e-10;
  [...parameters].forEach((param, i) => {
    const sqr = sqrs[i];
    sqr[":"] = sqr + param.grad!.data ** 2;
    const div = lr / torch.sqrt(sqr + eps) * param.grad!.data;
    param.data = param.data - div;
  });
}
function rmsprop(parameters: Iterable<torch.Tensor>, sqrs: torch.Tensor[], lr: number, alpha: number) {
  const eps = 1e-10;
  [...parameters].forEach((param, i) => {
    const sqr = sqrs[i];
    sqr[":"] = alpha * sqr + (1 - alpha) * param.grad!.data ** 2;
    const div = lr / torch.sqrt(sqr + eps) * param.grad!.data;
    param.data = param.data - div;
  });
}
function adadelta(parameters: Iterable<torch.Tensor>, sqrs: torch.Tensor[], deltas: torch.Tensor[], rho: number) {
  const eps = 1e-6;
  [...parameters].forEach((param, i) => {
    const sqr = sqrs[i], delta = deltas[i];
    sqr[":"] = rho * sqr + (1 - rho) * param.grad!.data ** 2;
    const cur_delta = torch.sqrt(delta + eps) / torch.sqrt(sqr + eps) * param.grad!.data;
    delta[":"] = rho * delta + (1 - rho) * cur_delta ** 2;
    param.data = param.data - cur_delta;
  });
}
function adam(parameters: Iterable<torch.Tensor>, vs: torch.Tensor[], sqrs: torch.Tensor[], lr: number, t: number, beta1 = 0.9, beta2 = 0.999) {
  const eps = 1e-8;
  [...parameters].forEach((param, i) => {
    const v = vs[i], sqr = sqrs[i];
    v[":"] = beta1 * v + (1 - beta1) * param.grad!.data;
    sqr[":"] = beta2 * sqr + (1 - beta2) * param.grad!.data ** 2;
    const v_hat = v / (1 - beta1 ** t);
    const s_hat = sqr / (1 - beta2 ** t);
    param.data = param.data - lr * v_hat / torch.sqrt(s_hat + eps);
  });
}
torch.manual_seed(9);
const ims = (torch.rand(3, 64, 784) - 0.5) / 0.5;
const labels = torch.randint(0, 10, [3, 64]);
const criterion2 = new nn.CrossEntropyLoss();
for (const name of ["sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam"]) {
  torch.manual_seed(10);
  const net = new nn.Sequential(new nn.Linear(784, 200), new nn.ReLU(), new nn.Linear(200, 10));
  const sqrs = [...net.parameters()].map((p) => torch.zeros_like(p.data));
  const vs = [...net.parameters()].map((p) => torch.zeros_like(p.data));
  let t = 1;
  const losses: string[] = [];
  for (let k = 0; k < 3; k++) {
    const im = Variable(ims[k]);
    const label = Variable(labels[k]);
    const out = net(im);
    const loss = criterion2(out, label);
    net.zero_grad();
    loss.backward();
    if (name === "sgd") sgd_update(net.parameters(), 1e-2);
    else if (name === "momentum") sgd_momentum(net.parameters(), vs, 1e-2, 0.9);
    else if (name === "adagrad") sgd_adagrad(net.parameters(), sqrs, 1e-2);
    else if (name === "rmsprop") rmsprop(net.parameters(), sqrs, 1e-3, 0.9);
    else if (name === "adadelta") adadelta(net.parameters(), sqrs, vs, 0.9);
    else {
      adam(net.parameters(), vs, sqrs, 1e-3, t);
      t += 1;
    }
    losses.push(loss.item().toFixed(6));
  }
  console.log(name, losses.join(" "), (net[2] as nn.Linear).bias[":3"]);
}`,
];
const CHAPTER4 = [
  `const { Variable } = torch.autograd;
function err(f: () => unknown) {
  try { f(); console.log("no error"); } catch (e) { console.log(\`ERR \${(e as Error).name}: \${(e as Error).message}\`); }
}
torch.manual_seed(4);
const im = torch.rand(1, 1, 24, 32) * 255;
const conv1 = new nn.Conv2d(1, 1, 3, {bias: false});
let sobel_kernel = torch.tensor([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], {dtype: torch.float32});
sobel_kernel = sobel_kernel.reshape([1, 1, 3, 3]);
conv1.weight.data = sobel_kernel;
let edge1 = conv1(Variable(im));
edge1 = edge1.data.squeeze();
console.log(edge1.shape, edge1["0, :4"]);
const weight = Variable(sobel_kernel);
let edge2 = F.conv2d(Variable(im), weight);
edge2 = edge2.data.squeeze();
console.log(torch.equal(edge1, edge2));
const pool1 = new nn.MaxPool2d(2, 2);
console.log(\`before max pool, image shape: \${im.shape[2]} x \${im.shape[3]}\`);
let small_im1 = pool1(Variable(im));
small_im1 = small_im1.data.squeeze();
console.log(\`after max pool, image shape: \${small_im1.shape[0]} x \${small_im1.shape[1]} \`);
let small_im2 = F.max_pool2d(Variable(im), 2, 2);
small_im2 = small_im2.data.squeeze();
console.log(torch.equal(small_im1, small_im2), small_im2["0, :3"]);`,
  `function simple_batch_norm_1d(x: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor) {
  const eps = 1e-5;
  const x_mean = torch.mean(x, {dim: 0, keepdim: true});
  const x_var = torch.mean((x - x_mean) ** 2, {dim: 0, keepdim: true});
  const x_hat = (x - x_mean) / torch.sqrt(x_var + eps);
  return gamma.view_as(x_mean) * x_hat + beta.view_as(x_mean);
}
let x = torch.arange(15).view(5, 3);
const gamma = torch.ones(x.shape[1]);
const beta = torch.zeros(x.shape[1]);
console.log('before bn: ');
console.log(x);
err(() => simple_batch_norm_1d(x, gamma, beta));
x = torch.arange(15).view(5, 3).float();
const y = simple_batch_norm_1d(x, gamma, beta);
console.log('after bn: ');
console.log(y);`,
  `function batch_norm_1d(x: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor, is_training: boolean, moving_mean: torch.Tensor, moving_var: torch.Tensor, moving_momentum = 0.1) {
  const eps = 1e-5;
  const x_mean = torch.mean(x, {dim: 0, keepdim: true});
  const x_var = torch.mean((x - x_mean) ** 2, {dim: 0, keepdim: true});
  let x_hat: torch.Tensor;
  if (is_training) {
    x_hat = (x - x_mean) / torch.sqrt(x_var + eps);
    moving_mean[":"] = moving_momentum * moving_mean + (1. - moving_momentum) * x_mean;
    moving_var[":"] = moving_momentum * moving_var + (1. - moving_momentum) * x_var;
  } else {
    x_hat = (x - moving_mean) / torch.sqrt(moving_var + eps);
  }
  return gamma.view_as(x_mean) * x_hat + beta.view_as(x_mean);
}
class multi_network extends nn.Module {
  layer1: nn.Linear; relu: nn.ReLU; layer2: nn.Linear; gamma: nn.Parameter; beta: nn.Parameter; moving_mean: torch.Tensor; moving_var: torch.Tensor;
  constructor() {
    super();
    this.layer1 = new nn.Linear(784, 100);
    this.relu = new nn.ReLU(true);
    this.layer2 = new nn.Linear(100, 10);
    this.gamma = new nn.Parameter(torch.randn(100));
    this.beta = new nn.Parameter(torch.randn(100));
    this.moving_mean = Variable(torch.zeros(100));
    this.moving_var = Variable(torch.zeros(100));
  }
  forward(x: torch.Tensor, is_train = true) {
    x = this.layer1(x);
    x = batch_norm_1d(x, this.gamma, this.beta, is_train, this.moving_mean, this.moving_var);
    x = this.relu(x);
    x = this.layer2(x);
    return x;
  }
}
torch.manual_seed(5);
let net = new multi_network();
const criterion = new nn.CrossEntropyLoss();
let optimizer = new torch.optim.SGD(net.parameters(), 1e-1);
const ims = (torch.rand(4, 32, 784) - 0.5) / 0.5;
const labels = torch.randint(0, 10, [4, 32]);
for (let i = 0; i < 4; i++) {
  const out = net(ims[i]);
  const loss = criterion(out, labels[i]);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  console.log(\`loss: \${loss.item().toFixed(6)}\`);
}
console.log(net.moving_mean[":10"]);
console.log([...net.parameters()].length, \`[\${Object.keys(net.state_dict()).join(", ")}]\`);
console.log(net(ims[0], false)[0]);`,
  `class conv_bn_net extends nn.Module {
  stage1: nn.Sequential; classfy: nn.Linear;
  constructor() {
    super();
    this.stage1 = new nn.Sequential(
      new nn.Conv2d(1, 6, 3, {padding: 1}), new nn.BatchNorm2d(6), new nn.ReLU(true), new nn.MaxPool2d(2, 2),
      new nn.Conv2d(6, 16, 5), new nn.BatchNorm2d(16), new nn.ReLU(true), new nn.MaxPool2d(2, 2));
    this.classfy = new nn.Linear(400, 10);
  }
  forward(x: torch.Tensor) {
    x = this.stage1(x);
    x = x.view(x.shape[0], -1);
    x = this.classfy(x);
    return x;
  }
}
const net2 = new conv_bn_net();
optimizer = new torch.optim.SGD(net2.parameters(), 1e-1);
const imgs = ims.view(4, 32, 1, 28, 28);
for (let i = 0; i < 2; i++) {
  const out = net2(imgs[i]);
  const loss = criterion(out, labels[i]);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  console.log(\`loss: \${loss.item().toFixed(6)}\`);
}
console.log((net2.stage1[1] as nn.BatchNorm2d).running_mean);
net2.eval();
console.log(net2(imgs[2])[0]);`,
  `optimizer = new torch.optim.SGD(net2.parameters(), {lr: 0.01, weight_decay: 1e-4});
console.log(\`learning rate: \${optimizer.param_groups[0]['lr']}\`);
console.log(\`weight decay: \${optimizer.param_groups[0]['weight_decay']}\`);
optimizer.param_groups[0]['lr'] = 1e-5;
console.log(\`learning rate: \${optimizer.param_groups[0]['lr']}\`);
for (const param_group of optimizer.param_groups) param_group['lr'] = 1e-1;
function set_learning_rate(optimizer: torch.optim.Optimizer, lr: number) {
  for (const param_group of optimizer.param_groups) param_group['lr'] = lr;
}
net2.train();
for (let epoch = 0; epoch < 3; epoch++) {
  if (epoch === 2) set_learning_rate(optimizer, 0.01);
  const out = net2(imgs[epoch]);
  const loss = criterion(out, labels[epoch]);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  console.log(\`epoch \${epoch}, lr \${optimizer.param_groups[0]['lr']}, loss: \${loss.item().toFixed(6)}\`);
}
console.log(net2.classfy.bias);`,
  `function l2_loss(net: nn.Module, out: torch.Tensor, label: torch.Tensor, reg = 1e-2) {
  const loss = criterion(out, label);
  let l2 = torch.tensor(0.);
  for (const p of net.parameters()) l2 = l2 + torch.sum(p ** 2);
  return loss + reg * l2;
}
console.log(l2_loss(net2, net2(imgs[3]), labels[3]));`,
  `function vgg_block(num_convs: number, in_channels: number, out_channels: number) {
  const net: nn.Module[] = [new nn.Conv2d(in_channels, out_channels, {kernel_size: 3, padding: 1}), new nn.ReLU(true)];
  for (let i = 0; i < num_convs - 1; i++) {
    net.push(new nn.Conv2d(out_channels, out_channels, {kernel_size: 3, padding: 1}));
    net.push(new nn.ReLU(true));
  }
  net.push(new nn.MaxPool2d(2, 2));
  return new nn.Sequential(...net);
}
const block_demo = vgg_block(3, 64, 128);
console.log(block_demo);
const input_demo = Variable(torch.zeros(1, 64, 30, 30));
const output_demo = block_demo(input_demo);
console.log(output_demo.shape);
function vgg_stack(num_convs: number[], channels: number[][]) {
  const net: nn.Module[] = [];
  num_convs.forEach((n, i) => {
    const [in_c, out_c] = channels[i];
    net.push(vgg_block(n, in_c, out_c));
  });
  return new nn.Sequential(...net);
}
const vgg_net = vgg_stack([1, 1, 2], [[3, 16], [16, 32], [32, 64]]);
console.log(vgg_net);
const test_x = Variable(torch.zeros(1, 3, 32, 32));
const test_y = vgg_net(test_x);
console.log(test_y.shape);`,
];
const CHAPTER5 = [
  `const { Variable } = torch.autograd;
torch.manual_seed(6);
const rnn_single = new nn.RNNCell({input_size: 100, hidden_size: 200});
console.log(rnn_single.weight_hh.shape);
const x = Variable(torch.randn(6, 5, 100));
let h_t = Variable(torch.zeros(5, 200));
let outs: torch.Tensor[] = [];
for (let i = 0; i < 6; i++) {
  h_t = rnn_single(x[i], h_t);
  outs.push(h_t);
}
console.log(h_t["0, :4"]);
console.log(outs.length);
console.log(outs[0].shape);`,
  `const rnn_seq = new nn.RNN(100, 200);
console.log(rnn_seq.weight_hh_l0.shape);
let [out, h] = rnn_seq(x);
console.log(h.shape, h["0, 0, :4"]);
console.log(out.length);
const h_0 = Variable(torch.randn(1, 5, 200));
[out, h] = rnn_seq(x, h_0);
console.log(h["0, 1, :4"]);
console.log(out.shape);`,
  `const lstm_seq = new nn.LSTM(50, 100, {num_layers: 2});
console.log(lstm_seq.weight_hh_l0.shape);
const lstm_input = Variable(torch.randn(10, 3, 50));
let [lout, [lh, lc]] = lstm_seq(lstm_input);
console.log(lh.shape);
console.log(lc.shape);
console.log(lout.shape);
const h_init = Variable(torch.randn(2, 3, 100));
const c_init = Variable(torch.randn(2, 3, 100));
[lout, [lh, lc]] = lstm_seq(lstm_input, [h_init, c_init]);
console.log(lh.shape, lh["1, 2, :4"]);
console.log(lc.shape, lc["0, 0, :4"]);
console.log(lout.shape);`,
  `const gru_seq = new nn.GRU(10, 20);
const gru_input = Variable(torch.randn(3, 32, 10));
const [gout, gh] = gru_seq(gru_input);
console.log(gru_seq.weight_hh_l0.shape);
console.log(gh.shape, gh["0, 0, :4"]);
console.log(gout.shape);`,
  `const CONTEXT_SIZE = 2;
const EMBEDDING_DIM = 10;
const test_sentence = SONNET.split(/\\s+/);
const trigram: [[string, string], string][] = [];
for (let i = 0; i < test_sentence.length - 2; i++) trigram.push([[test_sentence[i], test_sentence[i + 1]], test_sentence[i + 2]]);
console.log(trigram.length);
console.log(trigram[0][0][0], trigram[0][0][1], trigram[0][1]);
const vocb = [...new Set(test_sentence)].sort();
const word_to_idx = new Map(vocb.map((word, i) => [word, i]));
const idx_to_word = new Map([...word_to_idx].map(([word, i]) => [i, word]));
console.log(word_to_idx.size, word_to_idx.get("thy"));
class n_gram extends nn.Module {
  embed: nn.Embedding; classify: nn.Sequential;
  constructor(vocab_size: number, context_size = CONTEXT_SIZE, n_dim = EMBEDDING_DIM) {
    super();
    this.embed = new nn.Embedding(vocab_size, n_dim);
    this.classify = new nn.Sequential(new nn.Linear(context_size * n_dim, 128), new nn.ReLU(true), new nn.Linear(128, vocab_size));
  }
  forward(x: torch.Tensor) {
    let voc_embed = this.embed(x);
    voc_embed = voc_embed.view(1, -1);
    const out = this.classify(voc_embed);
    return out;
  }
}
torch.manual_seed(7);
let net = new n_gram(word_to_idx.size);
const criterion = new nn.CrossEntropyLoss();
const optimizer = new torch.optim.SGD(net.parameters(), {lr: 1e-2, weight_decay: 1e-5});
for (let e = 0; e < 2; e++) {
  let train_loss = 0;
  for (const [words, lab] of trigram) {
    const word = Variable(torch.LongTensor(words.map((i) => word_to_idx.get(i)!)));
    const label = Variable(torch.LongTensor([word_to_idx.get(lab)!]));
    const out = net(word);
    const loss = criterion(out, label);
    train_loss += loss.item();
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
  }
  console.log(\`epoch: \${e + 1}, Loss: \${(train_loss / trigram.length).toFixed(6)}\`);
}
net = net.eval();
const [words, label] = trigram[19];
console.log(\`input: \${words[0]} \${words[1]}\`);
console.log(\`label: \${label}\`);
const word = Variable(torch.LongTensor(words.map((i) => word_to_idx.get(i)!)));
const nout = net(word);
const pred_label_idx = nout.max(1)[1].data[0].item();
const predict_word = idx_to_word.get(pred_label_idx);
console.log(\`real word is \${label}, predicted word is \${predict_word}\`);
console.log(nout["0, :5"]);`,
];
const CHAPTER6 = [
  `const { Variable } = torch.autograd;
function warned<T>(f: () => T): T {
  const orig = process.emitWarning;
  (process as any).emitWarning = (m: string, type: string) => console.log(\`WARN \${type}: \${m}\`);
  try { return f(); } finally { process.emitWarning = orig; }
}
class VAE extends nn.Module {
  fc1: nn.Linear; fc21: nn.Linear; fc22: nn.Linear; fc3: nn.Linear; fc4: nn.Linear;
  constructor() {
    super();
    this.fc1 = new nn.Linear(784, 400);
    this.fc21 = new nn.Linear(400, 20);
    this.fc22 = new nn.Linear(400, 20);
    this.fc3 = new nn.Linear(20, 400);
    this.fc4 = new nn.Linear(400, 784);
  }
  encode(x: torch.Tensor): [torch.Tensor, torch.Tensor] {
    const h1 = F.relu(this.fc1(x));
    return [this.fc21(h1), this.fc22(h1)];
  }
  reparametrize(mu: torch.Tensor, logvar: torch.Tensor) {
    const std = logvar.mul(0.5).exp_();
    let eps = torch.FloatTensor(std.size()).normal_();
    eps = Variable(eps);
    return eps.mul(std).add_(mu);
  }
  decode(z: torch.Tensor) {
    const h3 = F.relu(this.fc3(z));
    return torch.tanh(this.fc4(h3));
  }
  forward(x: torch.Tensor): [torch.Tensor, torch.Tensor, torch.Tensor] {
    const [mu, logvar] = this.encode(x);
    const z = this.reparametrize(mu, logvar);
    return [this.decode(z), mu, logvar];
  }
}
torch.manual_seed(8);
const net = new VAE();
const images = torch.rand(3, 16, 1, 28, 28) * 2 - 1;
let x = images["0, 0"];
x = x.view(x.shape[0], -1);
x = Variable(x);
let [, mu, v] = net(x);
console.log(mu["0, :5"]);
const reconstruction_function = warned(() => new nn.MSELoss({size_average: false}));
console.log(reconstruction_function.reduction);`,
  `function loss_function(recon_x: torch.Tensor, x: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor) {
  const MSE = reconstruction_function(recon_x, x);
  const KLD_element = mu.pow(2).add_(logvar.exp()).mul_(-1).add_(1).add_(logvar);
  const KLD = torch.sum(KLD_element).mul_(-0.5);
  return MSE + KLD;
}
const optimizer = new torch.optim.Adam(net.parameters(), {lr: 1e-3});
function to_img(x: torch.Tensor) {
  x = 0.5 * (x + 1.);
  x = x.clamp(0, 1);
  x = x.view(x.shape[0], 1, 28, 28);
  return x;
}
let recon_im = torch.zeros(1);
for (let e = 0; e < 3; e++) {
  let im = images[e];
  im = im.view(im.shape[0], -1);
  im = Variable(im);
  let logvar: torch.Tensor;
  [recon_im, mu, logvar] = net(im);
  const loss = loss_function(recon_im, im, mu, logvar) / im.shape[0];
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  console.log(\`epoch: \${e + 1}, Loss: \${loss.item().toFixed(4)}\`);
}
const save = to_img(recon_im.cpu().data);
console.log(save.shape, save.min().item() >= 0, save.max().item() <= 1);
x = images["0, 0"];
x = x.view(x.shape[0], -1);
[, mu] = net(Variable(x));
console.log(mu["0, :5"]);
console.log(net.fc4.bias[":4"]);`,
];

/** Printed text equals PyTorch's (numbers within float32 tolerance); an `ERR` line has PyTorch's class, and its message starts with PyTorch's (torchlab may add the dtype or shapes). */
function expectBook(got: string, want: string[]): void {
  const g = got.replace(/\n$/, "").replace(/ object at 0x[0-9a-f]{12}>/g, " object>").split("\n");
  const w = want.join("\n").split("\n");
  expect(g.length).toBe(w.length);
  g.forEach((line, i) => {
    if (!w[i].startsWith("ERR ")) return;
    const [cls, ...msg] = w[i].slice(4).split(": ");
    expect(line.startsWith(`ERR ${cls}: `)).toBe(true);
    expect(line.slice(4 + cls.length + 2)).toContain(msg.join(": "));
  });
  const plain = (lines: string[]) => lines.map((l) => (l.startsWith("ERR ") ? "ERR" : l)).join("\n");
  expectSamePrint(plain(g), plain(w));
}

describe("廖星宇《深度学习入门之PyTorch》chapters 2-6 as notebooks through `torchlab run`", () => {
  // One notebook, one kernel: each chapter after the first starts from a reseeded torch, as a fresh kernel would.
  const nbs = sectionsForSuite("liao-book", {
    liao: {
      chapter2: CHAPTER2,
      chapter4: CHAPTER4,
      chapter6: CHAPTER6,
      chapter5: [`const SONNET = ${JSON.stringify(R.chapter5.sonnet)};`, ...CHAPTER5],
      chapter3: [`const DATA_TXT: number[][] = ${JSON.stringify(R.logistic_data)};`, ...CHAPTER3],
    },
  }, 300_000);

  test("chapter 2: Tensor and Variable, autograd, dynamic graph print as PyTorch 1.13's", () => {
    expectBook(printedText(nbs.chapter2, true), R.chapter2.printed);
  });

  test("chapter 3: linear and logistic regression by hand, nn.Sequential / nn.Module, parameter initialisation, the six optimizers by hand", () => {
    expectBook(printedText(nbs.chapter3, true), R.chapter3.printed);
  });

  test("chapter 4: conv / pool by hand, batch norm by hand and nn.BatchNorm2d, param_groups lr decay, L2 by hand, VGG blocks", () => {
    expectBook(printedText(nbs.chapter4, true), R.chapter4.printed);
  });

  test("chapter 5: RNNCell / RNN / LSTM / GRU on the book's shapes (values too), the n-gram language model", () => {
    expectBook(printedText(nbs.chapter5, true), R.chapter5.printed);
  });

  test("chapter 6: the VAE (exp_ / normal_ / add_ in the reparametrisation, MSELoss(size_average=False) warns), three Adam steps", () => {
    expectBook(printedText(nbs.chapter6, true), R.chapter6.printed);
  });
});
