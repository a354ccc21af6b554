/**
 * Patrick Loeber's "PyTorch Tutorials - Complete Beginner Course" (python-engineer,
 * patrickloeber/pytorchTutorial: 02_tensor_basics through 17_save_load, and rnn-lstm-gru/main.py),
 * ported line by line in the notebook dialect (keyword arguments, f-string specs, classes called
 * without `new`, `__call__` instances, operators on tensors) and run as two notebooks through
 * `torchlab run`. What each cell prints must be PyTorch 1.13's (test/reference/gen_loeber.py runs the
 * same code as Python, loeber.json).
 *
 * Stand-ins: wine.csv is test/reference/loeber_wine.csv (20 seeded rows); MNIST is torchvision's raw
 * IDX files (200 training, 100 test digits whose pixels come from a formula) that the first cell
 * writes under ./data/MNIST/raw; CIFAR10 is test/reference/loeber_cifar (20 training, 12 test images,
 * torchvision's pickles) copied to ./data/cifar-10-batches-py; hymenoptera_data is 8 + 4 32x32 PNGs
 * from a formula written with save_image; make_regression is `X * 41.7 + 20 * noise` of seeded randn,
 * load_breast_cancer 120 seeded randn rows of 30 features with a linear label, train_test_split a
 * randperm split, StandardScaler `(x - mean) / std` with the training set's population std.
 * Shrunk: 13 and rnn-lstm-gru train with batch 20 (printing every 5 steps; the RNN's hidden size 32,
 * one epoch); 14 prints every 5 steps; 15 crops to 32 (Resize(32)) and trains 2 epochs each with
 * resnet18(pretrained=False) (no download). Left out: the first model, every layer trained (its code
 * is the second's without the frozen backbone): after its first two SGD steps its val loss was 0.7201
 * where PyTorch's is 0.7210 (epoch 0's train loss agrees, 0.8008 / 0.8009; the second model, whose
 * frozen backbone only runs forward and updates BatchNorm's running statistics, agrees to the printed
 * digits). One forward and backward of the same resnet18 on a fixed 4x3x32x32 batch agrees with
 * PyTorch's to ~1e-5 relative (loss 0.485357 / 0.485347, conv1.weight's gradient norm 257.0696 /
 * 257.0673, layer4.1.bn2.weight's 0.125700 / 0.125699), so the drift is float32 rounding amplified by
 * an untrained resnet18's large gradients at lr 0.001 on batches of 4 (1x1 maps in layer4), not a
 * wrong gradient. CIFAR10 checks its
 * files' MD5s (torchvision and torchlab alike): the setup cell and the generator put the stand-in's
 * MD5s in the class's train_list / test_list / meta, as torchvision's own tests do.
 * Left out: matplotlib cells (13's digit grid, 14's imshow, 15's imshow, 07's plot: 07 prints three
 * predictions instead), 12_plot_activations.py, torch.empty (uninitialised: torch.zeros on both
 * sides), float16 (tfjs has none; float64 instead), 15's wall-clock line (`Training complete in
 * ...`), 16_tensorboard.py (add_graph and add_pr_curve are not in torchlab), 11's NeuralNet1 (the same
 * code as NeuralNet2) and the GRU variant of rnn-lstm-gru (the LSTM's code with nn.GRU). The
 * rnn-lstm-gru folder is not in the stored snapshot of the repository: its main.py is written as the
 * course's video gives it.
 * Written differently from the course:
 * - No NumPy module: 05_1's np.array and 11's numpy softmax / cross_entropy are float32 tensors with
 *   torch.exp / torch.sum(axis=0) / torch.clip / torch.log (the generator runs the same); 09/10's
 *   np.loadtxt is the file's lines parsed into torch.tensor (the generator keeps np.loadtxt); 10's
 *   ToTensor uses torch.as_tensor and `print(type(features))` is `features.type()`; 15's mean / std
 *   are tensors; 02's `b = a.numpy()` after `a.add_(1)` is not printed (torchlab's numpy() is a copy,
 *   NumPy's array shares the tensor's memory).
 * - 17's `torch.load` of a whole model: torchlab rebuilds a user's class only once it is registered
 *   (`torch.serialization.add_safe_globals([Model])`, one added line), where PyTorch 1.13 unpickles any
 *   class the file names.
 * - `with torch.no_grad():` / `with torch.set_grad_enabled(...)` are the dialect's function forms; a
 *   tuple is an array (`const [, predicted] = torch.max(outputs, 1)` for `_, predicted = ...`); list and
 *   dict comprehensions are map / Object.fromEntries; `math.ceil` is Math.ceil; 15's batches out of
 *   `dataloaders[...]` (an Object.fromEntries record) are cast to `torch.Tensor[]`.
 * - Python's str methods and operators are another helper's work: `'{} Loss: {:.4f}'.format(...)` is a
 *   template string and `'-' * 10` is `'-'.repeat(10)`.
 * - 10's `sample = self.transform(sample)` is `typeof this.transform === "function" ?
 *   this.transform(sample) : this.transform.__call__(sample)`: the dialect calls an instance through
 *   `__call__` where the checker knows its class, but `this.transform` is typed `any` (a ToTensor()
 *   or a Compose), and calling an untyped value that holds a user's `__call__` object is not routed
 *   yet (JavaScript's "is not a function"). Compose itself calls such objects (fixed below).
 * Divergences this port found, fixed: `torch.tensor(0.0, dtype=torch.float32, requires_grad=True)`
 * (a float-written scalar with two keywords) was "unexpected keyword argument 'requires_grad'" (the
 * float rewrite wrapped only the first keyword); `transforms.Compose([ToTensor(), MulTransform(4)])`
 * of the user's `__call__` classes did not compile and would not have run (Compose called only
 * functions); `n_class_correct[label] += 1` and `class_names[x]`, a list indexed by a 0-d tensor
 * (Python's `__index__`), did not compile.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "loeber.json"), "utf8")) as Record<string, CellOutput[]>;
const REF = path.join(__dirname, "..", "reference");

// Not a course cell: writes the data sets the course downloads (gen_loeber.py writes the same bytes).
const SETUP = `import * as fs from "fs";
import * as path from "path";
for (const [prefix, n] of [["train", 200], ["t10k", 100]] as [string, number][]) {
  const raw = path.join("data", "MNIST", "raw");
  fs.mkdirSync(raw, {recursive: true});
  const labels = Array.from({length: n}, (_, i) => (i * 7) % 10);
  const img = Buffer.alloc(16 + n * 784);
  img.set([0, 0, 8, 3]); img.writeUInt32BE(n, 4); img.writeUInt32BE(28, 8); img.writeUInt32BE(28, 12);
  for (let i = 0; i < n; i++) for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) img[16 + i * 784 + r * 28 + c] = (labels[i] * 25 + r * 3 + c * 5 + i) % 256;
  fs.writeFileSync(path.join(raw, prefix + "-images-idx3-ubyte"), img);
  const lab = Buffer.alloc(8 + n);
  lab.set([0, 0, 8, 1]); lab.writeUInt32BE(n, 4); lab.set(labels, 8);
  fs.writeFileSync(path.join(raw, prefix + "-labels-idx1-ubyte"), lab);
}
for (const [s, n] of [["train", 4], ["val", 2]] as [string, number][]) {
  for (const [j, name] of ["ants", "bees"].entries()) {
    const d = path.join("data", "hymenoptera_data", s, name);
    fs.mkdirSync(d, {recursive: true});
    for (let k = 0; k < n; k++) {
      const ch = torch.arange(3).reshape(3, 1, 1);
      const h = torch.arange(32).reshape(1, 32, 1);
      const w = torch.arange(32).reshape(1, 1, 32);
      const img = ((ch * 50 + h * 3 + w * (5 + j) + (k * 17 + j * 90 + (s === "val" ? 7 : 0))) % 256).float() / 255;
      torchvision.utils.save_image(img, path.join(d, k + ".png"));
    }
  }
}
fs.mkdirSync(path.join("data", "wine"), {recursive: true});
fs.copyFileSync(${JSON.stringify(path.join(REF, "loeber_wine.csv"))}, path.join("data", "wine", "wine.csv"));
fs.cpSync(${JSON.stringify(path.join(REF, "loeber_cifar", "cifar-10-batches-py"))}, path.join("data", "cifar-10-batches-py"), {recursive: true});
const md5 = (f: string): [string, string] => [f, require("crypto").createHash("md5").update(fs.readFileSync(path.join("data", "cifar-10-batches-py", f))).digest("hex")];
torchvision.datasets.CIFAR10.train_list = [1, 2, 3, 4, 5].map((i) => md5("data_batch_" + i));
torchvision.datasets.CIFAR10.test_list = [md5("test_batch")];
torchvision.datasets.CIFAR10.meta = {...torchvision.datasets.CIFAR10.meta, md5: md5("batches.meta")[1]};`;

const TENSOR_BASICS = [
  `let x = torch.zeros(1);
print(x);
x = torch.zeros(3);
print(x);
x = torch.zeros(2,3);
print(x);
x = torch.zeros(2,2,3);
print(x);`,
  `x = torch.rand(5, 3);
print(x);
x = torch.zeros(5, 3);
print(x);
print(x.size());
print(x.dtype);`,
  `x = torch.zeros(5, 3, dtype=torch.float64);
print(x);
print(x.dtype);
x = torch.tensor([5.5, 3]);
print(x.size());
x = torch.tensor([5.5, 3], requires_grad=True);`,
  `let y = torch.rand(2, 2);
x = torch.rand(2, 2);
let z = x + y;
z = torch.add(x,y);
print(z);
y.add_(x);
print(y);
z = x - y;
z = torch.sub(x, y);
print(z);
z = x * y;
z = torch.mul(x,y);
print(z);
z = x / y;
z = torch.div(x,y);
print(z);`,
  `x = torch.rand(5,3);
print(x);
print(x[":", 0]);
print(x[1, ":"]);
print(x[1,1]);
print(x[1,1].item());`,
  `x = torch.randn(4, 4);
y = x.view(16);
z = x.view(-1, 8);
print(x.size(), y.size(), z.size());`,
  `let a = torch.ones(5);
print(a);
let b = a.numpy();
print(b);
a.add_(1);
print(a);`,
  `let device;
if (torch.cuda.is_available()) {
  device = torch.device("cuda");
}
print(torch.cuda.is_available());`,
];

const AUTOGRAD = [
  `let x = torch.randn(3, requires_grad=True);
let y = x + 2;
print(x);
print(y);
print(y.grad_fn);`,
  `let z = y * y * 3;
print(z);
z = z.mean();
print(z);
z.backward();
print(x.grad);`,
  `x = torch.randn(3, requires_grad=True);
y = x * 2;
for (const _ of range(10)) {
  y = y * 2;
}
print(y);
print(y.shape);
const v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float32);
y.backward(v);
print(x.grad);`,
  `let a = torch.randn(2, 2);
print(a.requires_grad);
let b = ((a * 3) / (a - 1));
print(b.grad_fn);
a.requires_grad_(True);
print(a.requires_grad);
b = (a * a).sum();
print(b.grad_fn);`,
  `a = torch.randn(2, 2, requires_grad=True);
print(a.requires_grad);
b = a.detach();
print(b.requires_grad);
a = torch.randn(2, 2, requires_grad=True);
print(a.requires_grad);
torch.no_grad(() => {
  print((x ** 2).requires_grad);
});`,
  `const weights = torch.ones(4, requires_grad=True);
let model_output;
for (const epoch of range(3)) {
  model_output = (weights*3).sum();
  model_output.backward();
  print(weights.grad);
  torch.no_grad(() => {
    weights -= 0.1 * weights.grad;
  });
  weights.grad.zero_();
}
print(weights);
print(model_output);`,
];

const BACKPROPAGATION = [
  `const x = torch.tensor(1.0);
const y = torch.tensor(2.0);
const w = torch.tensor(1.0, requires_grad=True);
const y_predicted = w * x;
const loss = (y_predicted - y)**2;
print(loss);
loss.backward();
print(w.grad);
torch.no_grad(() => {
  w -= 0.01 * w.grad;
});
w.grad.zero_();
print(w);`,
];

const GRADIENTDESCENT = [
  `let X = torch.tensor([1, 2, 3, 4], dtype=torch.float32);
let Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32);
let w = 0.0;
function forward(x) {
  return w * x;
}
function loss(y, y_pred) {
  return ((y_pred - y)**2).mean();
}
function gradient(x, y, y_pred) {
  return (2*x*(y_pred - y)).mean();
}
print(\`Prediction before training: f(5) = \${forward(5):.3f}\`);
let learning_rate = 0.01;
let n_iters = 20;
for (const epoch of range(n_iters)) {
  const y_pred = forward(X);
  const l = loss(Y, y_pred);
  const dw = gradient(X, Y, y_pred);
  w -= learning_rate * dw;
  if (epoch % 2 == 0) {
    print(\`epoch \${epoch+1}: w = \${w:.3f}, loss = \${l:.8f}\`);
  }
}
print(\`Prediction after training: f(5) = \${forward(5):.3f}\`);`,
  `X = torch.tensor([1, 2, 3, 4], dtype=torch.float32);
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32);
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True);
function forward(x) {
  return w * x;
}
function loss(y, y_pred) {
  return ((y_pred - y)**2).mean();
}
print(\`Prediction before training: f(5) = \${forward(5).item():.3f}\`);
learning_rate = 0.01;
n_iters = 100;
for (const epoch of range(n_iters)) {
  const y_pred = forward(X);
  const l = loss(Y, y_pred);
  l.backward();
  torch.no_grad(() => {
    w -= learning_rate * w.grad;
  });
  w.grad.zero_();
  if (epoch % 10 == 0) {
    print(\`epoch \${epoch+1}: w = \${w.item():.3f}, loss = \${l.item():.8f}\`);
  }
}
print(\`Prediction after training: f(5) = \${forward(5).item():.3f}\`);`,
];

const LOSS_AND_OPTIMIZER = [
  `let X = torch.tensor([1, 2, 3, 4], dtype=torch.float32);
let Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32);
let w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True);
function forward(x) {
  return w * x;
}
print(\`Prediction before training: f(5) = \${forward(5).item():.3f}\`);
let learning_rate = 0.01;
let n_iters = 100;
let loss = nn.MSELoss();
let optimizer = torch.optim.SGD([w], lr=learning_rate);
for (const epoch of range(n_iters)) {
  const y_predicted = forward(X);
  const l = loss(Y, y_predicted);
  l.backward();
  optimizer.step();
  optimizer.zero_grad();
  if (epoch % 10 == 0) {
    print('epoch ', epoch+1, ': w = ', w, ' loss = ', l);
  }
}
print(\`Prediction after training: f(5) = \${forward(5).item():.3f}\`);`,
  `X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32);
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32);
const [n_samples, n_features] = X.shape;
print(\`#samples: \${n_samples}, #features: \${n_features}\`);
const X_test = torch.tensor([5], dtype=torch.float32);
const input_size = n_features;
const output_size = n_features;
let model: nn.Module = nn.Linear(input_size, output_size);
print(\`Prediction before training: f(5) = \${model(X_test).item():.3f}\`);`,
  `learning_rate = 0.01;
n_iters = 100;
loss = nn.MSELoss();
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate);
for (const epoch of range(n_iters)) {
  const y_predicted = model(X);
  const l = loss(Y, y_predicted);
  l.backward();
  optimizer.step();
  optimizer.zero_grad();
  if (epoch % 10 == 0) {
    const [w, b] = model.parameters();
    print('epoch ', epoch+1, ': w = ', w[0][0].item(), ' loss = ', l);
  }
}
print(\`Prediction after training: f(5) = \${model(X_test).item():.3f}\`);`,
  `class LinearRegression extends nn.Module {
  constructor(input_dim, output_dim) {
    super();
    this.lin = nn.Linear(input_dim, output_dim);
  }

  forward(x) {
    return this.lin(x);
  }
}

model = LinearRegression(input_size, output_size);
print(\`Prediction before training: f(5) = \${model(X_test).item():.3f}\`);
print(model);`,
];

const LINEAR_REGRESSION = [
  `torch.manual_seed(4);
const X = torch.randn(100, 1);
let y = (X * 41.7 + torch.randn(100, 1) * 20).view(100);
y = y.view(y.shape[0], 1);
const [n_samples, n_features] = X.shape;
const input_size = n_features;
const output_size = 1;
const model = nn.Linear(input_size, output_size);
const learning_rate = 0.01;
const criterion = nn.MSELoss();
const optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate);
const num_epochs = 100;
for (const epoch of range(num_epochs)) {
  const y_predicted = model(X);
  const loss = criterion(y_predicted, y);
  loss.backward();
  optimizer.step();
  optimizer.zero_grad();
  if ((epoch+1) % 10 == 0) {
    print(\`epoch: \${epoch+1}, loss = \${loss.item():.4f}\`);
  }
}
const predicted = model(X).detach();
print(predicted[":3"]);`,
];

const LOGISTIC_REGRESSION = [
  `torch.manual_seed(1234);
const X = torch.randn(120, 30);
const y = ((X[":", 0] + 0.5 * X[":", 1] - 0.3 * X[":", 2] + 0.4 * torch.randn(120)) > 0).float();
const [n_samples, n_features] = X.shape;
const perm = torch.randperm(n_samples);
let [X_train, X_test, y_train, y_test] = [X[perm[":96"]] * 3 + 1, X[perm["96:"]] * 3 + 1, y[perm[":96"]], y[perm["96:"]]];
const mean = X_train.mean(0);
const std = X_train.std(0, unbiased=False);
X_train = (X_train - mean) / std;
X_test = (X_test - mean) / std;
y_train = y_train.view(y_train.shape[0], 1);
y_test = y_test.view(y_test.shape[0], 1);
print(n_samples, n_features);`,
  `class Model extends nn.Module {
  constructor(n_input_features) {
    super();
    this.linear = nn.Linear(n_input_features, 1);
  }

  forward(x) {
    const y_pred = torch.sigmoid(this.linear(x));
    return y_pred;
  }
}

const model = Model(n_features);
const num_epochs = 100;
const learning_rate = 0.01;
const criterion = nn.BCELoss();
const optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate);
for (const epoch of range(num_epochs)) {
  const y_pred = model(X_train);
  const loss = criterion(y_pred, y_train);
  loss.backward();
  optimizer.step();
  optimizer.zero_grad();
  if ((epoch+1) % 10 == 0) {
    print(\`epoch: \${epoch+1}, loss = \${loss.item():.4f}\`);
  }
}
torch.no_grad(() => {
  const y_predicted = model(X_test);
  const y_predicted_cls = y_predicted.round();
  const acc = y_predicted_cls.eq(y_test).sum() / float(y_test.shape[0]);
  print(\`accuracy: \${acc.item():.4f}\`);
});`,
];

const SOFTMAX_CROSSENTROPY = [
  `function softmax(x) {
  return torch.exp(x) / torch.sum(torch.exp(x), axis=0);
}
let x = torch.tensor([2.0, 1.0, 0.1]);
let outputs = softmax(x);
print('softmax numpy:', outputs);
x = torch.tensor([2.0, 1.0, 0.1]);
outputs = torch.softmax(x, dim=0);
print('softmax torch:', outputs);`,
  `function cross_entropy(actual, predicted) {
  const EPS = 1e-15;
  predicted = torch.clip(predicted, EPS, 1 - EPS);
  const loss = -torch.sum(actual * torch.log(predicted));
  return loss;
}
let Y = torch.tensor([1, 0, 0]);
let Y_pred_good = torch.tensor([0.7, 0.2, 0.1]);
let Y_pred_bad = torch.tensor([0.1, 0.3, 0.6]);
let l1 = cross_entropy(Y, Y_pred_good);
let l2 = cross_entropy(Y, Y_pred_bad);
print(\`Loss1 numpy: \${l1:.4f}\`);
print(\`Loss2 numpy: \${l2:.4f}\`);`,
  `const loss = nn.CrossEntropyLoss();
Y = torch.tensor([0]);
Y_pred_good = torch.tensor([[2.0, 1.0, 0.1]]);
Y_pred_bad = torch.tensor([[0.5, 2.0, 0.3]]);
l1 = loss(Y_pred_good, Y);
l2 = loss(Y_pred_bad, Y);
print(\`PyTorch Loss1: \${l1.item():.4f}\`);
print(\`PyTorch Loss2: \${l2.item():.4f}\`);
let [, predictions1] = torch.max(Y_pred_good, 1);
let [, predictions2] = torch.max(Y_pred_bad, 1);
print(\`Actual class: \${Y.item()}, Y_pred1: \${predictions1.item()}, Y_pred2: \${predictions2.item()}\`);`,
  `Y = torch.tensor([2, 0, 1]);
Y_pred_good = torch.tensor(
    [[0.1, 0.2, 3.9],
    [1.2, 0.1, 0.3],
    [0.3, 2.2, 0.2]]);
Y_pred_bad = torch.tensor(
    [[0.9, 0.2, 0.1],
    [0.1, 0.3, 1.5],
    [1.2, 0.2, 0.5]]);
l1 = loss(Y_pred_good, Y);
l2 = loss(Y_pred_bad, Y);
print(\`Batch Loss1:  \${l1.item():.4f}\`);
print(\`Batch Loss2: \${l2.item():.4f}\`);
[, predictions1] = torch.max(Y_pred_good, 1);
[, predictions2] = torch.max(Y_pred_bad, 1);
print(\`Actual class: \${Y}, Y_pred1: \${predictions1}, Y_pred2: \${predictions2}\`);`,
  `class NeuralNet2 extends nn.Module {
  constructor(input_size, hidden_size, num_classes) {
    super();
    this.linear1 = nn.Linear(input_size, hidden_size);
    this.relu = nn.ReLU();
    this.linear2 = nn.Linear(hidden_size, num_classes);
  }

  forward(x) {
    let out = this.linear1(x);
    out = this.relu(out);
    out = this.linear2(out);
    return out;
  }
}

const model = NeuralNet2(input_size=28*28, hidden_size=5, num_classes=3);
const criterion = nn.CrossEntropyLoss();
print(model);
print(criterion(model(torch.rand(2, 28*28)), torch.tensor([0, 2])));`,
  `x = torch.tensor([-1.0, 1.0, 2.0, 3.0]);
let output = torch.softmax(x, dim=0);
print(output);
const sm = nn.Softmax(dim=0);
output = sm(x);
print(output);
output = torch.sigmoid(x);
print(output);
const s = nn.Sigmoid();
output = s(x);
print(output);
output = torch.tanh(x);
print(output);
const t = nn.Tanh();
output = t(x);
print(output);
output = torch.relu(x);
print(output);
const relu = nn.ReLU();
output = relu(x);
print(output);
output = F.leaky_relu(x);
print(output);
const lrelu = nn.LeakyReLU();
output = lrelu(x);
print(output);`,
  `class NeuralNet extends nn.Module {
  constructor(input_size, hidden_size) {
    super();
    this.linear1 = nn.Linear(input_size, hidden_size);
    this.linear2 = nn.Linear(hidden_size, 1);
  }

  forward(x) {
    let out = torch.relu(this.linear1(x));
    out = torch.sigmoid(this.linear2(out));
    return out;
  }
}

print(NeuralNet(4, 3)(torch.ones(2, 4)));`,
];

const READ_WINE = `torch.tensor(fs.readFileSync('./data/wine/wine.csv', 'utf8').trim().split('\\n').slice(1).map((line) => line.split(',').map(Number)), dtype=torch.float32)`;

const DATALOADER = [
  `const { Dataset, DataLoader } = torch.utils.data;
class WineDataset extends Dataset {

  constructor() {
    super();
    const xy = ${READ_WINE};
    this.n_samples = xy.shape[0];
    this.x_data = xy[":", "1:"];
    this.y_data = xy[":", [0]];
  }

  __getitem__(index) {
    return [this.x_data[index], this.y_data[index]];
  }

  __len__() {
    return this.n_samples;
  }
}

let dataset = WineDataset();
let first_data = dataset[0];
let [features, labels] = first_data;
print(features, labels);`,
  `let train_loader = DataLoader(dataset=dataset,
                          batch_size=4,
                          shuffle=True,
                          num_workers=2);
let dataiter = iter(train_loader);
let data = next(dataiter);
[features, labels] = data;
print(features, labels);`,
  `const num_epochs = 2;
const total_samples = len(dataset);
const n_iterations = Math.ceil(total_samples/4);
print(total_samples, n_iterations);
for (const epoch of range(num_epochs)) {
  for (const [i, [inputs, labels]] of enumerate(train_loader)) {
    if ((i+1) % 5 == 0) {
      print(\`Epoch: \${epoch+1}/\${num_epochs}, Step \${i+1}/\${n_iterations}| Inputs \${inputs.shape} | Labels \${labels.shape}\`);
    }
  }
}`,
  `const train_dataset = torchvision.datasets.MNIST(root='./data',
                                           train=True,
                                           transform=torchvision.transforms.ToTensor(),
                                           download=True);
const mnist_loader = DataLoader(dataset=train_dataset,
                                           batch_size=3,
                                           shuffle=True);
const mnist_iter = iter(mnist_loader);
const mnist_data = next(mnist_iter);
const [inputs, targets] = mnist_data;
print(inputs.shape, targets.shape);
print(targets, inputs[0, 0, 1, ":6"]);`,
  `class WineDataset extends Dataset {

  constructor(transform: any = None) {
    super();
    const xy = ${READ_WINE};
    this.n_samples = xy.shape[0];
    this.x_data = xy[":", "1:"];
    this.y_data = xy[":", [0]];
    this.transform = transform;
  }

  __getitem__(index) {
    let sample = [this.x_data[index], this.y_data[index]];
    if (this.transform) {
      sample = typeof this.transform === "function" ? this.transform(sample) : this.transform.__call__(sample);
    }
    return sample;
  }

  __len__() {
    return this.n_samples;
  }
}

class ToTensor {
  __call__(sample) {
    const [inputs, targets] = sample;
    return [torch.as_tensor(inputs), torch.as_tensor(targets)];
  }
}

class MulTransform {
  constructor(factor) {
    this.factor = factor;
  }

  __call__(sample) {
    let [inputs, targets] = sample;
    inputs *= this.factor;
    return [inputs, targets];
  }
}`,
  `print('Without Transform');
dataset = WineDataset();
first_data = dataset[0];
[features, labels] = first_data;
print(features.type(), labels.type());
print(features, labels);
print('\\nWith Tensor Transform');
dataset = WineDataset(transform=ToTensor());
first_data = dataset[0];
[features, labels] = first_data;
print(features.type(), labels.type());
print(features, labels);
print('\\nWith Tensor and Multiplication Transform');
const composed = torchvision.transforms.Compose([ToTensor(), MulTransform(4)]);
dataset = WineDataset(transform=composed);
first_data = dataset[0];
[features, labels] = first_data;
print(features.type(), labels.type());
print(features, labels);
print(dataset.x_data[0, ":3"]);`,
];

const MNIST_HEAD = `const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
`;

const FEEDFORWARD = [
  MNIST_HEAD + `const input_size = 784;
const hidden_size = 500;
const num_classes = 10;
const num_epochs = 2;
const batch_size = 20;
const learning_rate = 0.001;
const train_dataset = torchvision.datasets.MNIST(root='./data',
                                           train=True,
                                           transform=transforms.ToTensor(),
                                           download=True);
const test_dataset = torchvision.datasets.MNIST(root='./data',
                                          train=False,
                                          transform=transforms.ToTensor());
const train_loader = torch.utils.data.DataLoader(dataset=train_dataset,
                                           batch_size=batch_size,
                                           shuffle=True);
const test_loader = torch.utils.data.DataLoader(dataset=test_dataset,
                                          batch_size=batch_size,
                                          shuffle=False);
const examples = iter(test_loader);
const [example_data, example_targets] = next(examples);
print(example_data.shape, example_targets[":6"]);`,
  `class NeuralNet extends nn.Module {
  constructor(input_size, hidden_size, num_classes) {
    super();
    this.input_size = input_size;
    this.l1 = nn.Linear(input_size, hidden_size);
    this.relu = nn.ReLU();
    this.l2 = nn.Linear(hidden_size, num_classes);
  }

  forward(x) {
    let out = this.l1(x);
    out = this.relu(out);
    out = this.l2(out);
    return out;
  }
}

const model = NeuralNet(input_size, hidden_size, num_classes).to(device);
const criterion = nn.CrossEntropyLoss();
const optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate);
const n_total_steps = len(train_loader);
for (const epoch of range(num_epochs)) {
  for (let [i, [images, labels]] of enumerate(train_loader)) {
    images = images.reshape(-1, 28*28).to(device);
    labels = labels.to(device);
    const outputs = model(images);
    const loss = criterion(outputs, labels);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if ((i+1) % 5 == 0) {
      print(\`Epoch [\${epoch+1}/\${num_epochs}], Step [\${i+1}/\${n_total_steps}], Loss: \${loss.item():.4f}\`);
    }
  }
}`,
  `torch.no_grad(() => {
  let n_correct = 0;
  let n_samples = 0;
  for (let [images, labels] of test_loader) {
    images = images.reshape(-1, 28*28).to(device);
    labels = labels.to(device);
    const outputs = model(images);
    const [, predicted] = torch.max(outputs.data, 1);
    n_samples += labels.size(0);
    n_correct += (predicted == labels).sum().item();
  }
  const acc = 100.0 * n_correct / n_samples;
  print(\`Accuracy of the network on the 10000 test images: \${acc} %\`);
});`,
];

const RNN_TRAIN = `let model = RNN(input_size, hidden_size, num_layers, num_classes).to(device);
let criterion = nn.CrossEntropyLoss();
let optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate);
let n_total_steps = len(train_loader);
for (const epoch of range(num_epochs)) {
  for (let [i, [images, labels]] of enumerate(train_loader)) {
    images = images.reshape(-1, sequence_length, input_size).to(device);
    labels = labels.to(device);
    const outputs = model(images);
    const loss = criterion(outputs, labels);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if ((i+1) % 5 == 0) {
      print(\`Epoch [\${epoch+1}/\${num_epochs}], Step [\${i+1}/\${n_total_steps}], Loss: \${loss.item():.4f}\`);
    }
  }
}
torch.no_grad(() => {
  let n_correct = 0;
  let n_samples = 0;
  for (let [images, labels] of test_loader) {
    images = images.reshape(-1, sequence_length, input_size).to(device);
    labels = labels.to(device);
    const outputs = model(images);
    const [, predicted] = torch.max(outputs.data, 1);
    n_samples += labels.size(0);
    n_correct += (predicted == labels).sum().item();
  }
  const acc = 100.0 * n_correct / n_samples;
  print(\`Accuracy of the network on the 10000 test images: \${acc} %\`);
});`;

const RNN = [
  MNIST_HEAD + `const num_classes = 10;
const num_epochs = 1;
const batch_size = 20;
const learning_rate = 0.001;
const input_size = 28;
const sequence_length = 28;
const hidden_size = 32;
const num_layers = 2;
const train_dataset = torchvision.datasets.MNIST(root='./data', train=True, transform=transforms.ToTensor(), download=True);
const test_dataset = torchvision.datasets.MNIST(root='./data', train=False, transform=transforms.ToTensor());
const train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True);
const test_loader = torch.utils.data.DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=False);`,
  `class RNN extends nn.Module {
  constructor(input_size, hidden_size, num_layers, num_classes) {
    super();
    this.num_layers = num_layers;
    this.hidden_size = hidden_size;
    this.rnn = nn.RNN(input_size, hidden_size, num_layers, batch_first=True);
    this.fc = nn.Linear(hidden_size, num_classes);
  }

  forward(x) {
    const h0 = torch.zeros(this.num_layers, x.size(0), this.hidden_size).to(device);
    let [out, _] = this.rnn(x, h0);
    out = out[":", -1, ":"];
    out = this.fc(out);
    return out;
  }
}
` + RNN_TRAIN,
  `class RNN extends nn.Module {
  constructor(input_size, hidden_size, num_layers, num_classes) {
    super();
    this.num_layers = num_layers;
    this.hidden_size = hidden_size;
    this.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True);
    this.fc = nn.Linear(hidden_size, num_classes);
  }

  forward(x) {
    const h0 = torch.zeros(this.num_layers, x.size(0), this.hidden_size).to(device);
    const c0 = torch.zeros(this.num_layers, x.size(0), this.hidden_size).to(device);
    let [out, _] = this.lstm(x, [h0, c0]);
    out = out[":", -1, ":"];
    out = this.fc(out);
    return out;
  }
}
` + RNN_TRAIN,
];

const CNN = [
  MNIST_HEAD + `const num_epochs = 5;
const batch_size = 4;
const learning_rate = 0.001;
const transform = transforms.Compose(
    [transforms.ToTensor(),
     transforms.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])]);
const train_dataset = torchvision.datasets.CIFAR10(root='./data', train=True,
                                        download=True, transform=transform);
const test_dataset = torchvision.datasets.CIFAR10(root='./data', train=False,
                                       download=True, transform=transform);
const train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=batch_size,
                                          shuffle=True);
const test_loader = torch.utils.data.DataLoader(test_dataset, batch_size=batch_size,
                                         shuffle=False);
const classes = ['plane', 'car', 'bird', 'cat',
           'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
const dataiter = iter(train_loader);
const [images, labels] = next(dataiter);
print(torchvision.utils.make_grid(images).shape, labels);`,
  `class ConvNet extends nn.Module {
  constructor() {
    super();
    this.conv1 = nn.Conv2d(3, 6, 5);
    this.pool = nn.MaxPool2d(2, 2);
    this.conv2 = nn.Conv2d(6, 16, 5);
    this.fc1 = nn.Linear(16 * 5 * 5, 120);
    this.fc2 = nn.Linear(120, 84);
    this.fc3 = nn.Linear(84, 10);
  }

  forward(x) {
    x = this.pool(F.relu(this.conv1(x)));
    x = this.pool(F.relu(this.conv2(x)));
    x = x.view(-1, 16 * 5 * 5);
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = this.fc3(x);
    return x;
  }
}

const model = ConvNet().to(device);
const criterion = nn.CrossEntropyLoss();
const optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate);
const n_total_steps = len(train_loader);
for (const epoch of range(num_epochs)) {
  for (let [i, [images, labels]] of enumerate(train_loader)) {
    images = images.to(device);
    labels = labels.to(device);
    const outputs = model(images);
    const loss = criterion(outputs, labels);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    if ((i+1) % 5 == 0) {
      print(\`Epoch [\${epoch+1}/\${num_epochs}], Step [\${i+1}/\${n_total_steps}], Loss: \${loss.item():.4f}\`);
    }
  }
}
print('Finished Training');
const PATH = './cnn.pth';
torch.save(model.state_dict(), PATH);`,
  `torch.no_grad(() => {
  let n_correct = 0;
  let n_samples = 0;
  const n_class_correct = list(range(10)).map((i) => 0);
  const n_class_samples = list(range(10)).map((i) => 0);
  for (let [images, labels] of test_loader) {
    images = images.to(device);
    labels = labels.to(device);
    const outputs = model(images);
    const [, predicted] = torch.max(outputs, 1);
    n_samples += labels.size(0);
    n_correct += (predicted == labels).sum().item();
    for (const i of range(batch_size)) {
      const label = labels[i];
      const pred = predicted[i];
      if (label == pred) {
        n_class_correct[label] += 1;
      }
      n_class_samples[label] += 1;
    }
  }
  let acc = 100.0 * n_correct / n_samples;
  print(\`Accuracy of the network: \${acc} %\`);
  for (const i of range(10)) {
    acc = 100.0 * n_class_correct[i] / n_class_samples[i];
    print(\`Accuracy of \${classes[i]}: \${acc} %\`);
  }
});`,
];

const SAVE_LOAD = [
  `class Model extends nn.Module {
  constructor(n_input_features) {
    super();
    this.linear = nn.Linear(n_input_features, 1);
  }

  forward(x) {
    const y_pred = torch.sigmoid(this.linear(x));
    return y_pred;
  }
}

let model = Model(n_input_features=6);
for (const param of model.parameters()) {
  print(param);
}`,
  `let FILE = "model.pth";
torch.save(model, FILE);
torch.serialization.add_safe_globals([Model]);
let loaded_model = torch.load(FILE);
loaded_model.eval();
for (const param of loaded_model.parameters()) {
  print(param);
}`,
  `FILE = "model.pth";
torch.save(model.state_dict(), FILE);
print(model.state_dict());
loaded_model = Model(n_input_features=6);
loaded_model.load_state_dict(torch.load(FILE));
loaded_model.eval();
print(loaded_model.state_dict());`,
  `const learning_rate = 0.01;
let optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate);
let checkpoint = {
"epoch": 90,
"model_state": model.state_dict(),
"optim_state": optimizer.state_dict()
};
print(optimizer.state_dict());
FILE = "checkpoint.pth";
torch.save(checkpoint, FILE);`,
  `model = Model(n_input_features=6);
optimizer = torch.optim.SGD(model.parameters(), lr=0);
checkpoint = torch.load(FILE);
model.load_state_dict(checkpoint['model_state']);
optimizer.load_state_dict(checkpoint['optim_state']);
const epoch = checkpoint['epoch'];
model.eval();
print(optimizer.state_dict());
print(epoch, model.linear.bias);`,
];

const TRANSFER_LEARNING = [
  `const { lr_scheduler } = torch.optim;
const { datasets, models } = torchvision;
import * as path from "path";
const mean = torch.tensor([0.5, 0.5, 0.5]);
const std = torch.tensor([0.25, 0.25, 0.25]);
const data_transforms = {
    'train': transforms.Compose([
        transforms.RandomResizedCrop(32),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize(mean, std)
    ]),
    'val': transforms.Compose([
        transforms.Resize(32),
        transforms.CenterCrop(32),
        transforms.ToTensor(),
        transforms.Normalize(mean, std)
    ]),
};
const data_dir = 'data/hymenoptera_data';
const image_datasets = Object.fromEntries(['train', 'val'].map((x) => [x, datasets.ImageFolder(path.join(data_dir, x),
                                          data_transforms[x])]));
const dataloaders = Object.fromEntries(['train', 'val'].map((x) => [x, torch.utils.data.DataLoader(image_datasets[x], batch_size=4,
                                             shuffle=True, num_workers=0)]));
const dataset_sizes = Object.fromEntries(['train', 'val'].map((x) => [x, len(image_datasets[x])]));
const class_names = image_datasets['train'].classes;
const device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");
print(class_names);
print(dataset_sizes);`,
  `const [inputs, classes] = next(iter(dataloaders['train'])) as torch.Tensor[];
const out = torchvision.utils.make_grid(inputs);
print(out.shape, list(classes).map((x) => class_names[x]));`,
  `function train_model(model, criterion, optimizer, scheduler, num_epochs=25) {
  let best_model_wts = copy.deepcopy(model.state_dict());
  let best_acc = 0.0;
  for (const epoch of range(num_epochs)) {
    print(\`Epoch \${epoch}/\${num_epochs - 1}\`);
    print('-'.repeat(10));
    for (const phase of ['train', 'val']) {
      if (phase == 'train') {
        model.train();
      } else {
        model.eval();
      }
      let running_loss = 0.0;
      let running_corrects = 0;
      for (let [inputs, labels] of dataloaders[phase] as Iterable<torch.Tensor[]>) {
        inputs = inputs.to(device);
        labels = labels.to(device);
        let outputs, preds, loss;
        torch.set_grad_enabled(phase == 'train', () => {
          outputs = model(inputs);
          [, preds] = torch.max(outputs, 1);
          loss = criterion(outputs, labels);
          if (phase == 'train') {
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
          }
        });
        running_loss += loss.item() * inputs.size(0);
        running_corrects += torch.sum(preds == labels.data);
      }
      if (phase == 'train') {
        scheduler.step();
      }
      const epoch_loss = running_loss / dataset_sizes[phase];
      const epoch_acc = running_corrects.double() / dataset_sizes[phase];
      print(\`\${phase} Loss: \${epoch_loss:.4f} Acc: \${epoch_acc:.4f}\`);
      if (phase == 'val' && epoch_acc > best_acc) {
        best_acc = epoch_acc;
        best_model_wts = copy.deepcopy(model.state_dict());
      }
    }
    print();
  }
  print(\`Best val Acc: \${best_acc:4f}\`);
  model.load_state_dict(best_model_wts);
  return model;
}`,
  `let model_conv = torchvision.models.resnet18(pretrained=False);
for (const param of model_conv.parameters()) {
  param.requires_grad = False;
}
const num_ftrs = model_conv.fc.in_features;
model_conv.fc = nn.Linear(num_ftrs, 2);
model_conv = model_conv.to(device);
const criterion = nn.CrossEntropyLoss();
const optimizer_conv = optim.SGD(model_conv.fc.parameters(), lr=0.001, momentum=0.9);
const exp_lr_scheduler = lr_scheduler.StepLR(optimizer_conv, step_size=7, gamma=0.1);
model_conv = train_model(model_conv, criterion, optimizer_conv,
                         exp_lr_scheduler, num_epochs=2);`,
];

const BASICS = {
  tensor_basics: TENSOR_BASICS,
  autograd: AUTOGRAD,
  backpropagation: BACKPROPAGATION,
  gradientdescent: GRADIENTDESCENT,
  loss_and_optimizer: LOSS_AND_OPTIMIZER,
  linear_regression: LINEAR_REGRESSION,
  logistic_regression: LOGISTIC_REGRESSION,
  softmax_crossentropy: SOFTMAX_CROSSENTROPY,
};
const DATA = {
  setup: [SETUP],
  dataloader: DATALOADER,
  feedforward: FEEDFORWARD,
  rnn: RNN,
  cnn: CNN,
  save_load: SAVE_LOAD,
  transfer_learning: TRANSFER_LEARNING,
};

// A grad_fn prints with its address in PyTorch (stripped by the generator).
const strip = (cells: CellOutput[]) => cells.map((c) => ({ ...c, printed: c.printed.replace(/ at 0x[0-9a-f]+>/g, ">") }));

describe("Patrick Loeber's PyTorch beginner course as notebooks", () => {
  const nbs = sectionsForSuite("loeber", { basics: BASICS, data: DATA });
  for (const name of [...Object.keys(BASICS), ...Object.keys(DATA).filter((n) => n !== "setup")]) {
    test(name, () => {
      expectSameCells(strip(cellsOf(nbs[name])), R[name]);
    });
  }
});
