/**
 * Stanford CS231n assignment 2's PyTorch.ipynb (cs231n.github.io): Part II "Barebones PyTorch" (flatten,
 * two_layer_fc and three_layer_convnet with explicit weights and F.conv2d, random_weight's Kaiming
 * scaling, check_accuracy_part2 / train_part2 with a hand-written SGD step under no_grad), Part III the
 * Module API (TwoLayerFC, ThreeLayerConvNet with nn.init.kaiming_normal_ / constant_,
 * check_accuracy_part34 / train_part34 with optim.SGD), Part IV the Sequential API (a Flatten module,
 * SGD with Nesterov momentum) and a Part V model (BatchNorm2d, MaxPool2d, AdaptiveAvgPool2d, Adam),
 * ported cell by cell as a student writes them in a torchlab notebook and run in one kernel through
 * `torchlab run`. What each cell prints and shows must be PyTorch 1.13's (test/reference/gen_cs231n.py,
 * cs231n.json): losses and accuracies of every step, the weights after training.
 *
 * Stand-ins: CIFAR-10 is a seeded Dataset with CIFAR10's `train` attribute and __getitem__ (uint8
 * images from torch.randint with a Generator, made float once as ToTensor would), 128 training images
 * (2 batches of 64) and 64 validation images through SubsetRandomSampler, 64 test images; the
 * transform is T.Normalize alone (ToTensor takes PIL images); hidden layers have 400 units (not 4000)
 * and print_every is 1 so that every step's loss is printed.
 * Left out: the CIFAR-10 download (`dset.CIFAR10(..., download=True)`), CUDA (`USE_GPU` finds no GPU,
 * as the generator runs on the CPU), the open-ended Part V search (one small model instead).
 * Written differently from the notebook: `import torch.nn as nn` etc. are the prelude's names;
 * `range(NUM_TRAIN)` is an array of indices and `enumerate(loader_train)` a counter (Python's range /
 * enumerate are another branch's work); `'%d / %d' % (...)` is a template string with toFixed (whose
 * rounding of a half, 15.625 -> 15.63, is JavaScript's, where Python's '%.2f' writes 15.62: within the
 * compared tolerance); ThreeLayerConvNet(in_channel=3, ...) passes its own arguments by position;
 * `model = None` then another class is `let model: nn.Module` (TypeScript keeps a variable's first type).
 * Divergences this port found, fixed: `from torch.utils.data import sampler` then
 * `sampler.SubsetRandomSampler(...)` (no torch.utils.data.sampler module); `for (let [x, y] of loader)`
 * over a Dataset with an untyped __getitem__ gave x the union of every collated type (x.to(...) did not
 * compile), now any; `for (const w of params) { w -= learning_rate * w.grad; }` with untyped params
 * was "Cannot assign to 'w' because it is a constant" (in place now, as Python's `-=` on a tensor);
 * `Got ${num_correct} / ...` of a counter that became a tensor (`num_correct += (preds == y).sum()`)
 * printed `tensor(8)` where Python's '%d' / f-string print 8; `this.data = x.float() / 255` in a
 * Dataset's constructor declared the field a number (the checker's type of `/`), so `this.data[index]`
 * did not compile.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, notebooksForSuite, type CellOutput } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

type Cell = CellOutput;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "cs231n.json"), "utf8")) as Record<string, Cell[]>;

const CS231N = [
  `const { DataLoader, sampler } = torch.utils.data;
const dset = torchvision.datasets;
const T = torchvision.transforms;

class CIFAR10 extends torch.utils.data.Dataset {
  constructor(n, train, transform, seed) {
    super();
    this.train = train;
    this.transform = transform;
    const g = torch.Generator().manual_seed(seed);
    this.data = torch.randint(0, 256, [n, 32, 32, 3], {dtype: torch.uint8, generator: g}).permute(0, 3, 1, 2).float() / 255;
    this.targets = torch.randint(0, 10, [n], {generator: g}).tolist();
  }
  __len__() {
    return this.data.shape[0];
  }
  __getitem__(index) {
    let img = this.data[index];
    const target = this.targets[index];
    if (this.transform !== null) img = this.transform(img);
    return [img, target];
  }
}`,
  `const NUM_TRAIN = 128;
const transform = T.Compose([
  T.Normalize([0.4914, 0.4822, 0.4465], [0.2023, 0.1994, 0.2010]),
]);
const cifar10_train = CIFAR10(192, true, transform, 1);
const loader_train = DataLoader(cifar10_train, {batch_size: 64, sampler: sampler.SubsetRandomSampler([...Array(NUM_TRAIN).keys()])});
const cifar10_val = CIFAR10(192, true, transform, 1);
const loader_val = DataLoader(cifar10_val, {batch_size: 64, sampler: sampler.SubsetRandomSampler([...Array(192 - NUM_TRAIN).keys()].map((i) => NUM_TRAIN + i))});
const cifar10_test = CIFAR10(64, false, transform, 2);
const loader_test = DataLoader(cifar10_test, {batch_size: 64});`,
  `const USE_GPU = true;
const dtype = torch.float32;
let device;
if (USE_GPU && torch.cuda.is_available()) {
  device = torch.device('cuda');
} else {
  device = torch.device('cpu');
}
let print_every = 1;
print('using device:', device);`,
  `function flatten(x) {
  const N = x.shape[0];
  return x.view(N, -1);
}
function test_flatten() {
  const x = torch.arange(12).view(2, 1, 3, 2);
  print('Before flattening: ', x);
  print('After flattening: ', flatten(x));
}
test_flatten();`,
  `function two_layer_fc(x, params) {
  x = flatten(x);
  const [w1, w2] = params;
  x = F.relu(x.mm(w1));
  x = x.mm(w2);
  return x;
}
function two_layer_fc_test() {
  const hidden_layer_size = 42;
  const x = torch.zeros([64, 50], {dtype: dtype});
  const w1 = torch.zeros([50, hidden_layer_size], {dtype: dtype});
  const w2 = torch.zeros([hidden_layer_size, 10], {dtype: dtype});
  const scores = two_layer_fc(x, [w1, w2]);
  print(scores.size());
}
two_layer_fc_test();`,
  `function three_layer_convnet(x, params) {
  const [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b] = params;
  let scores = null;
  x = F.relu(F.conv2d(x, conv_w1, conv_b1, {padding: 2}));
  x = F.relu(F.conv2d(x, conv_w2, conv_b2, {padding: 1}));
  scores = flatten(x).mm(fc_w) + fc_b;
  return scores;
}
function three_layer_convnet_test() {
  const x = torch.zeros([64, 3, 32, 32], {dtype: dtype});
  const conv_w1 = torch.zeros([6, 3, 5, 5], {dtype: dtype});
  const conv_b1 = torch.zeros([6]);
  const conv_w2 = torch.zeros([9, 6, 3, 3], {dtype: dtype});
  const conv_b2 = torch.zeros([9]);
  const fc_w = torch.zeros([9 * 32 * 32, 10]);
  const fc_b = torch.zeros(10);
  const scores = three_layer_convnet(x, [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b]);
  print(scores.size());
}
three_layer_convnet_test();`,
  `function random_weight(shape) {
  let fan_in;
  if (len(shape) == 2) {
    fan_in = shape[0];
  } else {
    fan_in = shape.slice(1).reduce((a, b) => a * b);
  }
  const w = torch.randn(shape, {device: device, dtype: dtype}) * Math.sqrt(2. / fan_in);
  w.requires_grad = true;
  return w;
}
function zero_weight(shape) {
  return torch.zeros(shape, {device: device, dtype: dtype, requires_grad: true});
}
random_weight([3, 5])`,
  `function check_accuracy_part2(loader, model_fn, params) {
  const split = loader.dataset.train ? 'val' : 'test';
  print(\`Checking accuracy on the \${split} set\`);
  let num_correct = 0, num_samples = 0;
  torch.no_grad(() => {
    for (let [x, y] of loader) {
      x = x.to({device: device, dtype: dtype});
      y = y.to({device: device, dtype: torch.int64});
      const scores = model_fn(x, params);
      const [_, preds] = scores.max(1);
      num_correct += (preds == y).sum();
      num_samples += preds.size(0);
    }
    const acc = Number(num_correct) / num_samples;
    print(\`Got \${num_correct} / \${num_samples} correct (\${(100 * acc).toFixed(2)}%)\`);
  });
}`,
  `function train_part2(model_fn, params, learning_rate) {
  let t = 0;
  for (let [x, y] of loader_train) {
    x = x.to({device: device, dtype: dtype});
    y = y.to({device: device, dtype: torch.long});
    const scores = model_fn(x, params);
    const loss = F.cross_entropy(scores, y);
    loss.backward();
    torch.no_grad(() => {
      for (const w of params) {
        w -= learning_rate * w.grad;
        w.grad.zero_();
      }
    });
    if (t % print_every == 0) {
      print(\`Iteration \${t}, loss = \${loss.item().toFixed(4)}\`);
      check_accuracy_part2(loader_val, model_fn, params);
      print();
    }
    t += 1;
  }
}`,
  `let hidden_layer_size = 400;
let learning_rate = 1e-2;
const w1 = random_weight([3 * 32 * 32, hidden_layer_size]);
const w2 = random_weight([hidden_layer_size, 10]);
train_part2(two_layer_fc, [w1, w2], learning_rate);
print(w1.sum().item(), w2.sum().item(), w2[0]);`,
  `learning_rate = 3e-3;
let channel_1 = 32;
let channel_2 = 16;
let conv_w1 = null;
let conv_b1 = null;
let conv_w2 = null;
let conv_b2 = null;
let fc_w = null;
let fc_b = null;
conv_w1 = random_weight([channel_1, 3, 5, 5]);
conv_b1 = zero_weight([channel_1]);
conv_w2 = random_weight([channel_2, channel_1, 3, 3]);
conv_b2 = zero_weight([channel_2]);
fc_w = random_weight([channel_2 * 32 * 32, 10]);
fc_b = zero_weight(10);
const params = [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b];
train_part2(three_layer_convnet, params, learning_rate);
print(conv_b1, fc_b);`,
  `class TwoLayerFC extends nn.Module {
  constructor(input_size, hidden_size, num_classes) {
    super();
    this.fc1 = nn.Linear(input_size, hidden_size);
    nn.init.kaiming_normal_(this.fc1.weight);
    this.fc2 = nn.Linear(hidden_size, num_classes);
    nn.init.kaiming_normal_(this.fc2.weight);
  }
  forward(x) {
    x = flatten(x);
    const scores = this.fc2(F.relu(this.fc1(x)));
    return scores;
  }
}
function test_TwoLayerFC() {
  const input_size = 50;
  const x = torch.zeros([64, input_size], {dtype: dtype});
  const model = TwoLayerFC(input_size, 42, 10);
  const scores = model(x);
  print(scores.size());
}
test_TwoLayerFC();`,
  `class ThreeLayerConvNet extends nn.Module {
  constructor(in_channel, channel_1, channel_2, num_classes) {
    super();
    this.conv1 = nn.Conv2d(in_channel, channel_1, {kernel_size: 5, padding: 2, bias: true});
    nn.init.kaiming_normal_(this.conv1.weight);
    nn.init.constant_(this.conv1.bias, 0);
    this.conv2 = nn.Conv2d(channel_1, channel_2, {kernel_size: 3, padding: 1, bias: true});
    nn.init.kaiming_normal_(this.conv2.weight);
    nn.init.constant_(this.conv2.bias, 0);
    this.fc = nn.Linear(channel_2 * 32 * 32, num_classes);
    nn.init.kaiming_normal_(this.fc.weight);
    nn.init.constant_(this.fc.bias, 0);
  }
  forward(x) {
    let scores = null;
    x = F.relu(this.conv1(x));
    x = F.relu(this.conv2(x));
    scores = this.fc(flatten(x));
    return scores;
  }
}
function test_ThreeLayerConvNet() {
  const x = torch.zeros([64, 3, 32, 32], {dtype: dtype});
  const model = ThreeLayerConvNet(3, 12, 8, 10);
  const scores = model(x);
  print(scores.size());
}
test_ThreeLayerConvNet();`,
  `function check_accuracy_part34(loader, model) {
  if (loader.dataset.train) {
    print('Checking accuracy on validation set');
  } else {
    print('Checking accuracy on test set');
  }
  let num_correct = 0;
  let num_samples = 0;
  model.eval();
  torch.no_grad(() => {
    for (let [x, y] of loader) {
      x = x.to({device: device, dtype: dtype});
      y = y.to({device: device, dtype: torch.long});
      const scores = model(x);
      const [_, preds] = scores.max(1);
      num_correct += (preds == y).sum();
      num_samples += preds.size(0);
    }
    const acc = Number(num_correct) / num_samples;
    print(\`Got \${num_correct} / \${num_samples} correct (\${(100 * acc).toFixed(2)})\`);
  });
}
function train_part34(model, optimizer, epochs = 1) {
  model = model.to({device: device});
  for (let e = 0; e < epochs; e++) {
    let t = 0;
    for (let [x, y] of loader_train) {
      model.train();
      x = x.to({device: device, dtype: dtype});
      y = y.to({device: device, dtype: torch.long});
      const scores = model(x);
      const loss = F.cross_entropy(scores, y);
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      if (t % print_every == 0) {
        print(\`Iteration \${t}, loss = \${loss.item().toFixed(4)}\`);
        check_accuracy_part34(loader_val, model);
        print();
      }
      t += 1;
    }
  }
}`,
  `hidden_layer_size = 400;
learning_rate = 1e-2;
let model: nn.Module = TwoLayerFC(3 * 32 * 32, hidden_layer_size, 10);
let optimizer: optim.Optimizer = optim.SGD(model.parameters(), {lr: learning_rate});
train_part34(model, optimizer);`,
  `learning_rate = 3e-3;
channel_1 = 32;
channel_2 = 16;
model = null;
optimizer = null;
model = ThreeLayerConvNet(3, channel_1, channel_2, 10);
optimizer = optim.SGD(model.parameters(), {lr: learning_rate});
train_part34(model, optimizer);`,
  `class Flatten extends nn.Module {
  forward(x) {
    return flatten(x);
  }
}
hidden_layer_size = 400;
learning_rate = 1e-2;
model = nn.Sequential(
  Flatten(),
  nn.Linear(3 * 32 * 32, hidden_layer_size),
  nn.ReLU(),
  nn.Linear(hidden_layer_size, 10),
);
optimizer = optim.SGD(model.parameters(), {lr: learning_rate, momentum: 0.9, nesterov: true});
train_part34(model, optimizer);`,
  `channel_1 = 32;
channel_2 = 16;
learning_rate = 1e-2;
model = nn.Sequential(
  nn.Conv2d(3, channel_1, 5, {padding: 2}),
  nn.ReLU(),
  nn.Conv2d(channel_1, channel_2, 3, {padding: 1}),
  nn.ReLU(),
  Flatten(),
  nn.Linear(channel_2 * 32 * 32, 10),
);
optimizer = optim.SGD(model.parameters(), {lr: learning_rate, momentum: 0.9, nesterov: true});
train_part34(model, optimizer);
print(model);`,
  `model = nn.Sequential(
  nn.Conv2d(3, 16, 3, {padding: 1}),
  nn.BatchNorm2d(16),
  nn.ReLU(),
  nn.MaxPool2d(2),
  nn.Conv2d(16, 32, 3, {padding: 1}),
  nn.BatchNorm2d(32),
  nn.ReLU(),
  nn.AdaptiveAvgPool2d(1),
  nn.Flatten(),
  nn.Linear(32, 10),
);
optimizer = optim.Adam(model.parameters(), {lr: 1e-3, weight_decay: 1e-4});
print_every = 100;
train_part34(model, optimizer, 2);
const best_model = model;
check_accuracy_part34(loader_test, best_model);`
];

describe("CS231n assignment 2 PyTorch.ipynb as a notebook through `torchlab run`", () => {
  const nbs = notebooksForSuite("cs231n", { cs231n: CS231N });

  test("parts II-V: shapes, random_weight, and every step's loss and accuracy, the weights after training, within float32 tolerance", () => {
    const got = cellsOf(nbs.cs231n);
    const want = R.cs231n;
    expect(got.length).toBe(want.length);
    want.forEach((w, i) => {
      // 1e-3: the accuracy's '%.2f' is JavaScript's toFixed in the port (15.625 -> 15.63, Python's 15.62).
      expectSamePrint(`${i}\n${got[i].printed}`, `${i}\n${w.printed}`, 1e-3);
      if (w.shown === null || got[i].shown === null) expect([i, got[i].shown]).toEqual([i, w.shown]);
      else expectSamePrint(got[i].shown!, w.shown);
    });
  });
});
