/**
 * Alfredo Canziani & Yann LeCun's NYU Deep Learning course (Atcold/NYU-DLSP20) notebooks
 * 01-tensor_tutorial, 02-space_stretching, 04-spiral_classification, 05-regression, 06-convnet,
 * 10-autoencoder and 11-VAE, in the course's order, ported
 * line by line in the notebook dialect and run as one notebook through `torchlab run`. Every cell prints
 * and shows PyTorch 1.13's text (test/reference/gen_nyudl.py, nyudl.json; numbers within float32 tolerance).
 *
 * Stand-ins: plot_lib and matplotlib are left out; the first cell (not a course cell) defines
 * `show_scatterplot(X, colors, title)` / `plot_bases(bases)` that print what they would draw (the title,
 * the cloud's shape, mean and std, the mean colour; the bases). The generator runs the same stand-ins.
 * Shrunk: 04 has 100 points per class (1000); 04 and 05 train 30 epochs (1000) per model. 06's MNIST is
 * liuer_notebook's stand-in (test/reference/liuer/MNIST: 128 training and 64 test images of seeded noise
 * with a bright bar placed by the label, torchvision's raw IDX files), copied by a first 06 cell (not a
 * course cell) into a temporary ./data; each of its four runs trains its one epoch on those 2 batches.
 * 10 reads the same ./data and trains 3 epochs (20) of one batch; its denoising AE (the course's
 * commented-out lines: `d = 500`, `do = nn.Dropout()`, `noise = do(torch.ones(img.shape))`, `img_bad`)
 * is a cell of its own, which also prints the noise's and the corrupted images' sums (Dropout's draws).
 * 11 trains 2 epochs (10) on the same ./data; its display_images is a stand-in defined in its first cell
 * (both sides) that prints the label, n, the shapes and the sum of what it would show, so every
 * display_images call stays as written.
 * Left out: 01's help / magic cells (`torch.sq<Tab>`, `torch.*Tensor?`, `!ls`, `%%bash`, `%magic`),
 * `type(t)` (the dialect has no `type` builtin), the uninitialised `torch.Tensor(2, 3, 4)`'s first
 * display (PyTorch shows whatever memory held), the matplotlib histograms, the list of GPUs, and the
 * NumPy bridge cells (torchlab's `m.numpy()` does not print as NumPy's `array([...])`); 02's colour clipping
 * with NumPy's `clip`, the tanh plot (the cell prints the first values instead) and the matplotlib
 * animation (`interpolate`); 04's plot_data / plot_model; 05's scatter / line plots: its last two cells keep
 * their computation (the pre-training outputs stacked, dense_prediction's predictions under no_grad) and
 * print the variance / std means they would plot; 06's image grids (the permutation cell keeps its
 * `torch.randperm(784)` and the permuted copies), the accuracy bar chart and `print(dir(model))` (Python's
 * attribute list); 10's display_images / to_img pictures and the OpenCV inpainting comparison (cv2); 11's
 * t-SNE cells (sklearn) and their scatter plots.
 * Written differently from the course:
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; Python's tuples are arrays (`torch.cat([a, b], 0)`,
 *   the `%` operator's values); slices are the dialect's string index (`m[":, 1"]`, `m[":", [1]]`,
 *   ``x[`1:${2 + 1}`]``); f-strings are template strings.
 * - `import math` is a cell's `math` object (pi, sin, cos on numbers and one-element tensors); `from IPython
 *   import display` is the prelude's `display`.
 * - A name a later notebook rebinds (`device`, `z`, `s`, `model`, `X`, 04's `N`, `D`, `C`, `H`, `models`) is
 *   assigned, not declared again; 04's `optimizer` is typed `torch.optim.Optimizer` (05 assigns an Adam
 *   inside its loop, where the dialect keeps the first type); `n_networks // 2` is `Math.floor(n_networks / 2)`,
 *   `models[:n_networks // 2]` is `models.slice(0, ...)`, `a if c else b` is `c ? a : b`; 10's `model`
 *   is declared again (an Autoencoder, not 02's Sequential), its loop's last `output` / `loss` (and the
 *   denoising cell's `img`, `img_bad`, `noise`) are declared above the loops, Python's `do` is `do_` (a
 *   JavaScript keyword); 11's `codes = dict(μ=list(), logσ2=list(), y=list())` is an object of typed
 *   empty arrays (`[] as torch.Tensor[]`; `list()` alone is `never[]`), `means, logvars, labels = list(), ...`
 *   three typed consts, `**kwargs` a spread into the options (`{batch_size, shuffle: True, ...kwargs}`),
 *   `return self.decoder(z), mu, logvar` an array; the loops assign the globals the later cells read
 *   (`x`, `y`, `x_hat`, `mu`, `logvar`, declared above the loop) as Python's `for x, y in test_loader` does;
 *   `z` and `model` are declared again (another type than the notebook's earlier binding);
 *   02's `for s in range(1, 6)` declares its own `s` (01's `s` is a tensor); `models = list()` is typed
 *   `nn.Sequential[]` (an empty list has no item type to call).
 * - 02's `torch.manual_seed(0)` shows the Generator, as IPython does, at an address the comparison masks.
 * - `display.clear_output(wait=True)` clears what a cell printed when its next text comes, so the saved
 *   notebook keeps each training loop's last line; the generator's clear_output does the same to its captured text.
 * Divergences this port found, fixed:
 * - `r = torch.Tensor(t)` gave `t` itself, so `r.resize_(3, 8)` reshaped `t` too; PyTorch's legacy
 *   constructor makes an alias (the same storage, its own shape): `r.zero_()` zeroes `t`, which keeps
 *   its [2, 3, 4] shape.
 * - `' × '.join(map(str, t.size()))` did not compile: the notebook's builtins now have Python's `map`
 *   (lazy, several iterables in step, stopping at the shortest).
 * - 06's `image, _ = train_loader.dataset.__getitem__(i)` did not compile: torchvision's datasets had
 *   `__getitem__` at run time only; VisionDataset now types it as its sample `[X, Y]`.
 * - `display.clear_output(wait=True)` (`from IPython import display`) threw ('undefined' object is not
 *   callable): `display.clear_output` is now the prelude's clear_output.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "nyudl.json"), "utf8")) as Record<string, CellOutput[]>;

const PLOT_LIB = `/** plot_lib's show_scatterplot / plot_bases stand-ins (no matplotlib): print what they would draw. */
function show_scatterplot(X, colors, title = '', axis = True) {
  print(title, X.shape, X.mean(0), X.std(0), colors.float().mean());
}
function plot_bases(bases, width = 0.04) {
  print(bases);
}`;

const TENSOR_TUTORIAL = [
  `// import torch: the prelude's`,
  `// Generate a tensor of size 2x3x4
let t = torch.Tensor(2, 3, 4);`,
  `// Get the size of the tensor
t.size()`,
  `// t.size() is a classic tuple =>
print('t size:', ' \\u00D7 '.join(map(str, t.size())));`,
  `// prints dimensional space and sub-dimensions
print(\`point in a \${t.numel()} dimensional space\`);
print(\`organised in \${t.dim()} sub-dimensions\`);`,
  `t.random_(10)`,
  `t`,
  `// This resizes the tensor permanently
let r = torch.Tensor(t);
r.resize_(3, 8);
r`,
  `r.zero_()`,
  `t`,
  `// This *is* important, sigh...
let s = r.clone();`,
  `s.fill_(1);
s`,
  `r`,
  `let v = torch.Tensor([1, 2, 3, 4]);
v`,
  `print(\`dim: \${v.dim()}, size: \${v.size()[0]}\`);`,
  `let w = torch.Tensor([1, 0, 2, 0]);
w`,
  `v * w`,
  `v @ w`,
  `let x = torch.Tensor(5).random_(10);
x`,
  `print(\`first: \${x[0]}, last: \${x[-1]}\`);`,
  `x[\`1:\${2 + 1}\`]`,
  `v`,
  `v = torch.arange(1, 4 + 1);
v`,
  `print(v.pow(2), v);`,
  `let m = torch.Tensor([[2, 5, 3, 7],
                      [4, 2, 1, 9]]);
m`,
  `m.dim()`,
  `print(m.size(0), m.size(1), m.size(), sep=' -- ');`,
  `m.numel()`,
  `m[0][2]`,
  `m[0, 2]`,
  `m[":, 1"]`,
  `m[":", [1]]`,
  `m[[0], ":"]`,
  `m["0, :"]`,
  `v = torch.arange(1., 4 + 1);
v`,
  `m`,
  `m @ v`,
  `m[[0], ":"] @ v`,
  `m[[1], ":"] @ v`,
  `m + torch.rand(2, 4)`,
  `m - torch.rand(2, 4)`,
  `m * torch.rand(2, 4)`,
  `m / torch.rand(2, 4)`,
  `m.size()`,
  `m.t()`,
  `m.transpose(0, 1)`,
  `torch.arange(3., 8 + 1)`,
  `torch.arange(5.7, -2.1, -3)`,
  `torch.linspace(3, 8, 20).view(1, -1)`,
  `torch.zeros(3, 5)`,
  `torch.ones(3, 2, 5)`,
  `torch.eye(3)`,
  `let device: string | torch.device = torch.cuda.is_available() ? "cuda" : torch.backends.mps.is_available() ? "mps" : "cpu";
print("Device: ", device);`,
  `let z = torch.ones(2, 3, 5);
const z_1 = z.to(device);
print(\`Tensor on \${device}:\\n\`, z_1);`,
  `// Multiple GPUs? You can specify which one to use:
// e.g., move your tensor to GPU device 0 (first GPU in the system) if there is one
device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");
const z_2 = z.to(device);
print(\`Tensor on \${device}:\\n\`, z_2);`,
  `m`,
  `const m_double = m.double();
m_double`,
  `const m_byte = m.byte();
m_byte`,
  `device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");
m.to(device)`,
  `const a = torch.Tensor([[1, 2, 3, 4]]);
const b = torch.Tensor([[5, 6, 7, 8]]);
print(a.size(), b);`,
  `torch.cat([a, b], 0)`,
  `torch.cat([a, b], 1)`,
];

const SPACE_STRETCHING = [
  `// import torch, torch.nn as nn: the prelude's`,
  `torch.manual_seed(0)`,
  `device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");`,
  `// generate some points in 2-D space
const n_points = 1_000;
let X = torch.randn(n_points, 2).to(device);`,
  `// colors [0 – 511]^2
const x_min = -1.5;
const x_max = +1.5;
let colors = (X - x_min) / (x_max - x_min);
colors = (colors * 511).short();`,
  `show_scatterplot(X, colors, title='X');
const OI = torch.cat([torch.zeros(2, 2), torch.eye(2)]).to(device);
plot_bases(OI);`,
  `show_scatterplot(X, colors, title='X');
plot_bases(OI);

for (const i of range(10)) {
  // create a random matrix
  const W = torch.randn(2, 2).to(device);
  // transform points
  const Y = X @ W.t();
  // compute singular values
  const [U, S, V] = torch.svd(W);
  // plot transformed points
  show_scatterplot(Y, colors, title='y = Wx, singular values : [{:.3f}, {:.3f}]'.format(S[0], S[1]));
  // transform the basis
  const new_OI = OI @ W;
  // plot old and new basis
  plot_bases(OI);
}`,
  `let model = nn.Sequential(
        nn.Linear(2, 2, bias=False)
);
model.to(device);
let Y;
torch.no_grad(() => {
  Y = model(X);
  show_scatterplot(Y, colors);
  plot_bases(model(OI));
});`,
  `z = torch.linspace(-10, 10, 101);
s = torch.tanh(z);
print(z[":5"], s[":5"]);`,
  `show_scatterplot(X, colors, title='X');
plot_bases(OI);

model = nn.Sequential(
        nn.Linear(2, 2, bias=False),
        nn.Tanh()
);

model.to(device);

for (const s of range(1, 6)) {
  const W = s * torch.eye(2);
  model[0].weight.data.copy_(W);
  Y = model(X).data;
  show_scatterplot(Y, colors, title=\`f(x), s=\${s}\`);
  plot_bases(OI, width=0.01);
}`,
  `show_scatterplot(X, colors, title='x');
let n_hidden = 5;

// NL = nn.ReLU()  # ()^+
let NL = nn.Tanh();

let models: nn.Sequential[] = list();

for (const i of range(5)) {
  // create 1-layer neural networks with random weights
  model = nn.Sequential(
          nn.Linear(2, n_hidden),
          NL,
          nn.Linear(n_hidden, 2)
      );
  model.to(device);
  models.append(model);
  torch.no_grad(() => {
    Y = model(X);
  });
  show_scatterplot(Y, colors, title='f(x)');
}`,
  `// deeper network with random weights
show_scatterplot(X, colors, title='x');
n_hidden = 5;

NL = nn.ReLU();
// NL = nn.Tanh()

for (const i of range(5)) {
  model = nn.Sequential(
      nn.Linear(2, n_hidden),
      NL,
      nn.Linear(n_hidden, n_hidden),
      NL,
      nn.Linear(n_hidden, n_hidden),
      NL,
      nn.Linear(n_hidden, n_hidden),
      NL,
      nn.Linear(n_hidden, 2)
  );
  model.to(device);
  torch.no_grad(() => {
    Y = model(X).detach();
  });
  show_scatterplot(Y, colors, title='f(x)', axis=False);
}`,
  `show_scatterplot(X, colors, title='x');
torch.no_grad(() => {
  Y = models[2](X);
});
show_scatterplot(Y, colors, title='f(x)');`,
];

const SPIRAL = [
  `// import random, math: random is the prelude's; Python's math module, on numbers and one-element tensors (float()).
const math = {
  pi: Math.PI,
  sin: (x: number | torch.Tensor) => Math.sin(float(x)),
  cos: (x: number | torch.Tensor) => Math.cos(float(x)),
};`,
  `device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");`,
  `let seed = 12345;
random.seed(seed);
torch.manual_seed(seed);
let N = 100;  // num_samples_per_class
let D = 2;  // dimensions
let C = 3;  // num_classes
let H = 100;  // num_hidden_units`,
  `X = torch.zeros(N * C, D).to(device);
let y = torch.zeros(N * C, dtype=torch.long).to(device);
for (const c of range(C)) {
  let index = 0;
  const t = torch.linspace(0, 1, N);
  // When c = 0 and t = 0: start of linspace
  // When c = 0 and t = 1: end of linpace
  // This inner_var is for the formula inside sin() and cos() like sin(inner_var) and cos(inner_Var)
  const inner_var = torch.linspace(
      // When t = 0
      (2 * math.pi / C) * (c),
      // When t = 1
      (2 * math.pi / C) * (2 + c),
      N
  ) + torch.randn(N) * 0.2;

  for (const ix of range(N * c, N * (c + 1))) {
    X[ix] = t[index] * torch.FloatTensor([
      math.sin(inner_var[index]), math.cos(inner_var[index])
    ]);
    y[ix] = c;
    index += 1;
  }
}

print("Shapes:");
print("X:", tuple(X.size()));
print("y:", tuple(y.size()));`,
  `let learning_rate = 1e-3;
let lambda_l2 = 1e-5;`,
  `// nn package to create our linear model
// each Linear module has a weight and bias
let model = nn.Sequential(
    nn.Linear(D, H),
    nn.Linear(H, C)
);
model.to(device); //Convert to CUDA

// nn package also has different loss functions.
// we use cross entropy loss for our classification task
let criterion = torch.nn.CrossEntropyLoss();

// we use the optim package to apply
// stochastic gradient descent for our parameter updates
let optimizer: torch.optim.Optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=lambda_l2); // built-in L2

// Training
for (const t of range(30)) {

  // Feed forward to get the logits
  const y_pred = model(X);

  // Compute the loss and accuracy
  const loss = criterion(y_pred, y);
  const [score, predicted] = torch.max(y_pred, 1);
  const acc = (y == predicted).sum().float() / len(y);
  print("[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f" % [t, loss.item(), acc]);
  display.clear_output(wait=True);

  // zero the gradients before running
  // the backward pass.
  optimizer.zero_grad();

  // Backward pass to compute the gradient
  // of loss w.r.t our learnable params.
  loss.backward();

  // Update params
  optimizer.step();
}`,
  `// Plot trained model
print(model);`,
  `learning_rate = 1e-3;
lambda_l2 = 1e-5;`,
  `// nn package to create our linear model
// each Linear module has a weight and bias

model = nn.Sequential(
    nn.Linear(D, H),
    nn.ReLU(),
    nn.Linear(H, C)
);
model.to(device);

// nn package also has different loss functions.
// we use cross entropy loss for our classification task
criterion = torch.nn.CrossEntropyLoss();

// we use the optim package to apply
// ADAM for our parameter updates
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=lambda_l2); // built-in L2

// e = 1.  # plotting purpose

// Training
for (const t of range(30)) {

  // Feed forward to get the logits
  const y_pred = model(X);

  // Compute the loss and accuracy
  const loss = criterion(y_pred, y);
  const [score, predicted] = torch.max(y_pred, 1);
  const acc = (y == predicted).sum().float() / len(y);
  print("[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f" % [t, loss.item(), acc]);
  display.clear_output(wait=True);

  // zero the gradients before running
  // the backward pass.
  optimizer.zero_grad();

  // Backward pass to compute the gradient
  // of loss w.r.t our learnable params.
  loss.backward();

  // Update params
  optimizer.step();
}`,
  `// Plot trained model
print(model);`,
];

const REGRESSION = [
  `// import random, torch, math; from IPython import display: as in 04`,
  `device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");`,
  `seed = 1;
random.seed(seed);
torch.manual_seed(seed);
N = 1000;  // num_samples_per_class
D = 1;  // dimensions
C = 1;  // num_classes
H = 100;  // num_hidden_units`,
  `X = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1).to(device);
y = X.pow(3) + 0.3 * torch.rand(X.size()).to(device);`,
  `print("Shapes:");
print("X:", tuple(X.size()));
print("y:", tuple(y.size()));`,
  `learning_rate = 1e-3;
lambda_l2 = 1e-5;`,
  `// nn package to create our linear model
// each Linear module has a weight and bias
model = nn.Sequential(
    nn.Linear(D, H),
    nn.Linear(H, C)
);
model.to(device); // Convert to CUDA

// nn package also has different loss functions.
// we use MSE loss for our regression task
criterion = torch.nn.MSELoss();

// we use the optim package to apply
// stochastic gradient descent for our parameter updates
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=lambda_l2); // built-in L2

// Training
for (const t of range(30)) {

  // Feed forward to get the logits
  const y_pred = model(X);

  // Compute the loss (MSE)
  const loss = criterion(y_pred, y);
  print("[EPOCH]: %i, [LOSS or MSE]: %.6f" % [t, loss.item()]);
  display.clear_output(wait=True);

  // zero the gradients before running
  // the backward pass.
  optimizer.zero_grad();

  // Backward pass to compute the gradient
  // of loss w.r.t our learnable params.
  loss.backward();

  // Update params
  optimizer.step();
}`,
  `// Plot trained model
print(model);`,
  `learning_rate = 1e-3;
lambda_l2 = 1e-5;`,
  `// Number of networks
const n_networks = 10;
models = list();
const y_pretrain: torch.Tensor[] = list();

// nn package also has different loss functions.
// we use MSE for a regression task
criterion = torch.nn.MSELoss();

for (const mod of range(n_networks)) {
  // nn package to create our linear model
  // each Linear module has a weight and bias
  model = nn.Sequential(
      nn.Linear(D, H),
      mod < Math.floor(n_networks / 2) ? nn.ReLU() : nn.Tanh(),
      nn.Linear(H, C)
  );
  model.to(device);

  // Append models
  models.append(model);

  // we use the optim package to apply
  // ADAM for our parameter updates
  optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=lambda_l2); // built-in L2

  // e = 1.  # plotting purpose

  // Training
  for (const t of range(30)) {

    // Feed forward to get the logits
    const y_pred = model(X);

    // Append pre-train output
    if (t == 0) {
      y_pretrain.append(y_pred.detach());
    }

    // Compute the loss and accuracy
    const loss = criterion(y_pred, y);
    print(\`[MODEL]: \${mod + 1}, [EPOCH]: \${t}, [LOSS]: \${loss.item():.6f}\`);
    display.clear_output(wait=True);

    // zero the gradients before running
    // the backward pass.
    optimizer.zero_grad();

    // Backward pass to compute the gradient
    // of loss w.r.t our learnable params.
    loss.backward();

    // Update params
    optimizer.step();
  }
}`,
  `print(models[0], models[-1]);`,
  `let X_new;
for (const y_pretrain_idx of y_pretrain) {
  // New X that ranges from -5 to 5 instead of -1 to 1
  X_new = torch.unsqueeze(torch.linspace(-2, 2, 100), dim=1);
}
const y_combo = torch.stack(y_pretrain);
print(y_combo.shape, y_combo.var(dim=0).mean());`,
  `const y_pred: torch.Tensor[] = list();
const relu_models = models.slice(0, Math.floor(n_networks / 2));
const tanh_models = models.slice(Math.floor(n_networks / 2));

function dense_prediction(models, non_linearity, zoom) {
  for (const model of models) {
    // New X that ranges from -5 to 5 instead of -1 to 1
    X_new = torch.unsqueeze(torch.linspace(-4, 4, 1001), dim=1).to(device);

    // Getting predictions from input
    torch.no_grad(() => {
      y_pred.append(model(X_new));
    });
  }
  const y_combo = torch.stack(y_pred);
  print(non_linearity + ' models', y_combo.shape, (10 * y_combo.var(dim=0).cpu().sqrt()).mean(), (10 * y_combo.var(dim=0).cpu()).mean());
}

const z = 1;  // try 1 or 4
dense_prediction(relu_models, 'ReLU', zoom=z);
dense_prediction(tanh_models, 'Tanh', zoom=z);`,
];

/** 06 reads MNIST from ./data: liuer_notebook's stand-in (128 training, 64 test images) copied into a temporary folder. */
const MNIST_FIXTURE = path.join(__dirname, "..", "reference", "liuer", "MNIST");

const CONVNET = [
  `{
  const fs = require("fs"), path = require("path"), os = require("os");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nyudl-"));
  fs.cpSync(${JSON.stringify(MNIST_FIXTURE)}, path.join(tmp, "data/MNIST"), {recursive: true});
  process.chdir(tmp);
}`,
  `// import torch.nn.functional as F, torch.optim as optim, datasets, transforms: the prelude's
const { datasets } = torchvision;

// function to count number of parameters
function get_n_params(model) {
  let np = 0;
  for (const p of list(model.parameters())) {
    np += p.nelement();
  }
  return np;
}`,
  `device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");`,
  `const input_size  = 28*28;   // images are 28x28 pixels
const output_size = 10;      // there are 10 classes

const train_loader = torch.utils.data.DataLoader(
    datasets.MNIST('./data', train=True, download=True,
                   transform=transforms.Compose([
                       transforms.ToTensor(),
                       transforms.Normalize([0.1307], [0.3081])
                   ])),
    batch_size=64, shuffle=True);

const test_loader = torch.utils.data.DataLoader(
    datasets.MNIST('./data', train=False, transform=transforms.Compose([
                       transforms.ToTensor(),
                       transforms.Normalize([0.1307], [0.3081])
                   ])),
    batch_size=1000, shuffle=True);`,
  `class FC2Layer extends nn.Module {
  constructor(input_size, n_hidden, output_size) {
    super();
    this.input_size = input_size;
    this.network = nn.Sequential(
        nn.Linear(input_size, n_hidden),
        nn.ReLU(),
        nn.Linear(n_hidden, n_hidden),
        nn.ReLU(),
        nn.Linear(n_hidden, output_size),
        nn.LogSoftmax(dim=1)
    );
  }

  forward(x) {
    x = x.view(-1, this.input_size);
    return this.network(x);
  }
}

class CNN extends nn.Module {
  constructor(input_size, n_feature, output_size) {
    super();
    this.n_feature = n_feature;
    this.conv1 = nn.Conv2d(in_channels=1, out_channels=n_feature, kernel_size=5);
    this.conv2 = nn.Conv2d(n_feature, n_feature, kernel_size=5);
    this.fc1 = nn.Linear(n_feature*4*4, 50);
    this.fc2 = nn.Linear(50, 10);
  }

  forward(x, verbose=False) {
    x = this.conv1(x);
    x = F.relu(x);
    x = F.max_pool2d(x, kernel_size=2);
    x = this.conv2(x);
    x = F.relu(x);
    x = F.max_pool2d(x, kernel_size=2);
    x = x.view(-1, this.n_feature*4*4);
    x = this.fc1(x);
    x = F.relu(x);
    x = this.fc2(x);
    x = F.log_softmax(x, dim=1);
    return x;
  }
}`,
  `const accuracy_list = [];

function train(epoch, model, perm=torch.arange(0, 784).long()) {
  model.train();
  for (let [batch_idx, [data, target]] of enumerate(train_loader)) {
    // send to device
    [data, target] = [data.to(device), target.to(device)];

    // permute pixels
    data = data.view(-1, 28*28);
    data = data[":", perm];
    data = data.view(-1, 1, 28, 28);

    optimizer.zero_grad();
    const output = model(data);
    const loss = F.nll_loss(output, target);
    loss.backward();
    optimizer.step();
    if (batch_idx % 100 == 0) {
      print('Train Epoch: {} [{}/{} ({:.0f}%)]\\tLoss: {:.6f}'.format(
          epoch, batch_idx * len(data), len(train_loader.dataset),
          100. * batch_idx / len(train_loader), loss.item()));
    }
  }
}

function test(model, perm=torch.arange(0, 784).long()) {
  model.eval();
  let test_loss = 0;
  let correct = 0;
  for (let [data, target] of test_loader) {
    // send to device
    [data, target] = [data.to(device), target.to(device)];

    // permute pixels
    data = data.view(-1, 28*28);
    data = data[":", perm];
    data = data.view(-1, 1, 28, 28);
    const output = model(data);
    test_loss += F.nll_loss(output, target, reduction='sum').item(); // sum up batch loss
    const pred = output.data.max(1, keepdim=True)[1]; // get the index of the max log-probability
    correct += pred.eq(target.data.view_as(pred)).cpu().sum().item();
  }

  test_loss /= len(test_loader.dataset);
  const accuracy = 100. * correct / len(test_loader.dataset);
  accuracy_list.append(accuracy);
  print('\\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\\n'.format(
      test_loss, correct, len(test_loader.dataset),
      accuracy));
}`,
  `n_hidden = 8; // number of hidden units

let model_fnn = FC2Layer(input_size, n_hidden, output_size);
model_fnn.to(device);
optimizer = optim.SGD(model_fnn.parameters(), lr=0.01, momentum=0.5);
print('Number of parameters: {}'.format(get_n_params(model_fnn)));

for (const epoch of range(0, 1)) {
  train(epoch, model_fnn);
  test(model_fnn);
}`,
  `// Training settings
let n_features = 6; // number of feature maps

let model_cnn = CNN(input_size, n_features, output_size);
model_cnn.to(device);
optimizer = optim.SGD(model_cnn.parameters(), lr=0.01, momentum=0.5);
print('Number of parameters: {}'.format(get_n_params(model_cnn)));

for (const epoch of range(0, 1)) {
  train(epoch, model_cnn);
  test(model_cnn);
}`,
  `const perm = torch.randperm(784);
for (const i of range(10)) {
  const [image, _] = train_loader.dataset.__getitem__(i);
  // permute pixels
  let image_perm = image.view(-1, 28*28).clone();
  image_perm = image_perm[":", perm];
  image_perm = image_perm.view(-1, 1, 28, 28);
}`,
  `// Training settings
n_features = 6; // number of feature maps

model_cnn = CNN(input_size, n_features, output_size);
model_cnn.to(device);
optimizer = optim.SGD(model_cnn.parameters(), lr=0.01, momentum=0.5);
print('Number of parameters: {}'.format(get_n_params(model_cnn)));

for (const epoch of range(0, 1)) {
  train(epoch, model_cnn, perm);
  test(model_cnn, perm);
}`,
  `n_hidden = 8;    // number of hidden units

model_fnn = FC2Layer(input_size, n_hidden, output_size);
model_fnn.to(device);
optimizer = optim.SGD(model_fnn.parameters(), lr=0.01, momentum=0.5);
print('Number of parameters: {}'.format(get_n_params(model_fnn)));

for (const epoch of range(0, 1)) {
  train(epoch, model_fnn, perm);
  test(model_fnn, perm);
}`,
];

const AUTOENCODER = [
  `// Import some libraries: torchvision, nn, transforms are the prelude's
const { DataLoader } = torch.utils.data;
const { MNIST } = torchvision.datasets;`,
  `// Convert vector to image

function to_img(x) {
  x = 0.5 * (x + 1);
  x = x.view(x.size(0), 28, 28);
  return x;
}`,
  `// Define data loading step

const batch_size = 256;

const img_transform = transforms.Compose([
  transforms.ToTensor(),
  transforms.Normalize([0.5], [0.5])
]);

const dataset = MNIST('./data', transform=img_transform, download=True);
const dataloader = DataLoader(dataset, batch_size=batch_size, shuffle=True);`,
  `device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");`,
  `// Define model architecture and reconstruction loss

// n = 28 x 28 = 784
let d = 30;  // for standard AE (under-complete hidden layer)
// d = 500  # for denoising AE (over-complete hidden layer)

class Autoencoder extends nn.Module {
  constructor() {
    super();
    this.encoder = nn.Sequential(
      nn.Linear(28 * 28, d),
      nn.Tanh(),
    );
    this.decoder = nn.Sequential(
      nn.Linear(d, 28 * 28),
      nn.Tanh(),
    );
  }

  forward(x) {
    x = this.encoder(x);
    x = this.decoder(x);
    return x;
  }
}

let model = Autoencoder().to(device);
criterion = nn.MSELoss();`,
  `// Configure the optimiser

learning_rate = 1e-3;

optimizer = torch.optim.Adam(
  model.parameters(),
  lr=learning_rate,
);`,
  `// Train standard or denoising autoencoder (AE)

let num_epochs = 3;
let output, loss;
// do = nn.Dropout()  # comment out for standard AE
for (const epoch of range(num_epochs)) {
  for (const data of dataloader) {
    let [img, _] = data;
    img = img.to(device);
    img = img.view(img.size(0), -1);
    // noise = do(torch.ones(img.shape)).to(device)
    // img_bad = (img * noise).to(device)  # comment out for standard AE
    // ===================forward=====================
    output = model(img);  // feed <img> (for std AE) or <img_bad> (for denoising AE)
    loss = criterion(output, img.data);
    // ===================backward====================
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
  }
  // ===================log========================
  print(\`epoch [\${epoch + 1}/\${num_epochs}], loss:\${loss.item():.4f}\`);
}`,
  `// The denoising AE: the course's commented-out lines switched on
d = 500;  // for denoising AE (over-complete hidden layer)
model = Autoencoder().to(device);
optimizer = torch.optim.Adam(
  model.parameters(),
  lr=learning_rate,
);
let img, img_bad, noise, _;
const do_ = nn.Dropout();  // comment out for standard AE
for (const epoch of range(num_epochs)) {
  for (const data of dataloader) {
    [img, _] = data;
    img = img.to(device);
    img = img.view(img.size(0), -1);
    noise = do_(torch.ones(img.shape)).to(device);
    img_bad = (img * noise).to(device);  // comment out for standard AE
    // ===================forward=====================
    output = model(img_bad);  // feed <img> (for std AE) or <img_bad> (for denoising AE)
    loss = criterion(output, img.data);
    // ===================backward====================
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
  }
  // ===================log========================
  print(\`epoch [\${epoch + 1}/\${num_epochs}], loss:\${loss.item():.4f}\`);
}
print(noise.sum(), img_bad[":2"].sum());`,
];

const VAE_CELLS = [
  `// Import some libraries: as in 10
/** plot_lib's display_images stand-in (no matplotlib): prints what it would show. */
function display_images(in_, out, n=1, label=None, count=False) {
  print(label, n, in_ === None ? None : in_.shape, out.shape, out.sum());
}`,
  `// Set random seeds

torch.manual_seed(1);
torch.cuda.manual_seed(1);`,
  `// Define data loading step

const batch_size = 256;

const kwargs = {'num_workers': 1, 'pin_memory': True};
const train_loader = torch.utils.data.DataLoader(
    MNIST('./data', train=True, download=True,
                   transform=transforms.ToTensor()),
    {batch_size: batch_size, shuffle: True, ...kwargs});
const test_loader = torch.utils.data.DataLoader(
    MNIST('./data', train=False, transform=transforms.ToTensor()),
    {batch_size: batch_size, shuffle: True, ...kwargs});`,
  `// Defining the device

device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");`,
  `// Defining the model

d = 20;

class VAE extends nn.Module {
  constructor() {
    super();

    this.encoder = nn.Sequential(
      nn.Linear(784, d ** 2),
      nn.ReLU(),
      nn.Linear(d ** 2, d * 2)
    );

    this.decoder = nn.Sequential(
      nn.Linear(d, d ** 2),
      nn.ReLU(),
      nn.Linear(d ** 2, 784),
      nn.Sigmoid(),
    );
  }

  reparameterise(mu, logvar) {
    if (this.training) {
      const std = logvar.mul(0.5).exp_();
      const eps = std.new_empty(std.size()).normal_();
      return eps.mul_(std).add_(mu);
    } else {
      return mu;
    }
  }

  forward(x) {
    const mu_logvar = this.encoder(x.view(-1, 784)).view(-1, 2, d);
    const mu = mu_logvar[":, 0, :"];
    const logvar = mu_logvar[":, 1, :"];
    const z = this.reparameterise(mu, logvar);
    return [this.decoder(z), mu, logvar];
  }
}

let model = VAE().to(device);`,
  `// Setting the optimiser

learning_rate = 1e-3;

optimizer = torch.optim.Adam(
  model.parameters(),
  lr=learning_rate,
);`,
  `// Reconstruction + β * KL divergence losses summed over all elements and batch

function loss_function(x_hat, x, mu, logvar, β=1) {
  const BCE = nn.functional.binary_cross_entropy(
    x_hat, x.view(-1, 784), reduction='sum'
  );
  const KLD = 0.5 * torch.sum(logvar.exp() - logvar - 1 + mu.pow(2));

  return BCE + β * KLD;
}`,
  `// Training and testing the VAE

const epochs = 2;
const codes = {μ: [] as torch.Tensor[], logσ2: [] as torch.Tensor[], y: [] as torch.Tensor[]};
let x_hat, mu, logvar, train_loss, test_loss;
for (const epoch of range(0, epochs + 1)) {
  // Training
  if (epoch > 0) {  // test untrained net first
    model.train();
    train_loss = 0;
    for ([x, _] of train_loader) {
      x = x.to(device);
      // ===================forward=====================
      [x_hat, mu, logvar] = model(x);
      loss = loss_function(x_hat, x, mu, logvar);
      train_loss += loss.item();
      // ===================backward====================
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
    }
    // ===================log========================
    print(\`====> Epoch: \${epoch} Average loss: \${train_loss / len(train_loader.dataset):.4f}\`);
  }

  // Testing

  const means: torch.Tensor[] = list(), logvars: torch.Tensor[] = list(), labels: torch.Tensor[] = list();
  torch.no_grad(() => {
    model.eval();
    test_loss = 0;
    for ([x, y] of test_loader) {
      x = x.to(device);
      // ===================forward=====================
      [x_hat, mu, logvar] = model(x);
      test_loss += loss_function(x_hat, x, mu, logvar).item();
      // =====================log=======================
      means.append(mu.detach());
      logvars.append(logvar.detach());
      labels.append(y.detach());
    }
  });
  // ===================log========================
  codes['μ'].append(torch.cat(means));
  codes['logσ2'].append(torch.cat(logvars));
  codes['y'].append(torch.cat(labels));
  test_loss /= len(test_loader.dataset);
  print(\`====> Test set loss: \${test_loss:.4f}\`);
  display_images(x, x_hat, 1, \`Epoch \${epoch}\`);
}`,
  `// Generating a few samples

N = 16;
let z = torch.randn([N, d]).to(device);
let sample = model.decoder(z);
display_images(None, sample, Math.floor(N / 4), count=True);`,
  `// Display last test batch

display_images(None, x, 4, count=True);`,
  `// Choose starting and ending point for the interpolation -> shows original and reconstructed

const [A, B] = [1, 14];
sample = model.decoder(torch.stack([mu[A].data, mu[B].data], 0));
display_images(None, torch.stack([
  x[A].data.view(-1),
  x[B].data.view(-1),
  sample.data[0],
  sample.data[1]
], 0));`,
  `// Perform an interpolation between input A and B, in N steps

N = 16;
const code = torch.Tensor(N, 20).to(device);
sample = torch.Tensor(N, 28, 28).to(device);
for (const i of range(N)) {
  code[i] = i / (N - 1) * mu[B].data + (1 - i / (N - 1) ) * mu[A].data;
  // sample[i] = i / (N - 1) * x[B].data + (1 - i / (N - 1) ) * x[A].data
}
sample = model.decoder(code);
display_images(None, sample, Math.floor(N / 4), count=True);`,
];

describe("NYU Deep Learning (Canziani & LeCun) notebooks 01, 02, 04, 05, 06, 10, 11 as one notebook", () => {
  const nbs = sectionsForSuite("nyudl", { nyudl: { nyudl: [PLOT_LIB, ...TENSOR_TUTORIAL, ...SPACE_STRETCHING, ...SPIRAL, ...REGRESSION, ...CONVNET, ...AUTOENCODER, ...VAE_CELLS] } });
  test("each cell prints and shows what PyTorch 1.13 does", () => {
    // The Generator torch.manual_seed returns is shown at a memory address.
    const unplaced = (cells: CellOutput[]) => cells.map((c) => ({ ...c, shown: c.shown?.replace(/ at 0x[0-9a-f]+>/, " at 0x…>") ?? null }));
    expect(R.nyudl.filter((c) => c.shown?.startsWith("<torch._C.Generator at 0x")).length).toBe(1);
    expectSameCells(unplaced(cellsOf(nbs.nyudl)), unplaced(R.nyudl));
  });
});
