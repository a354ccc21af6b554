/**
 * Daniel Voigt Godoy's "Deep Learning with PyTorch Step-by-Step" (dvgodoy/PyTorchStepByStep), chapters
 * 0, 1, 2, 2.1 and 3 ported cell by cell in the notebook dialect and run as one notebook through
 * `torchlab run`: Chapter 0's gradient descent by hand (the loss surface over torch.meshgrid, the
 * gradients and the update, StandardScaler by hand), Chapter 1 (the same loop with tensors;
 * `torch.as_tensor(x_train).float().to(device)`, `torch.randn(1, requires_grad=True, dtype=torch.float,
 * device=device)`, `b.requires_grad_()`, `with torch.no_grad(): b -= lr * b.grad`, `b.grad.zero_()`,
 * optim.SGD, `nn.MSELoss(reduction='mean')`, ManualLinearRegression with nn.Parameter,
 * `list(model.parameters())`, state_dict, nn.Linear, nn.Sequential, add_module), Chapter 2
 * (exponentiation_builder's closures, make_train_step_fn / make_val_step_fn, mini_batch with
 * np.mean, a Dataset subclass, TensorDataset, `DataLoader(..., shuffle=True)`, `random_split` after
 * `torch.manual_seed(13)`, the checkpoint dict through torch.save / torch.load, resuming, `model.eval()`
 * predictions), Chapter 2.1 (stepbystep/v0.py's StepByStep class: `_make_train_step_fn` closing over
 * self, set_loaders, set_seed with `torch.backends.cudnn.deterministic = True`, `train(n_epochs, seed=42)`,
 * save_checkpoint / load_checkpoint, predict's `.detach().cpu().numpy()`, count_parameters) and
 * Chapter 3 (make_moons standardised by hand, odds ratio / log odds / sigmoid, BCE by hand,
 * `nn.BCELoss(reduction='mean')`, `nn.BCEWithLogitsLoss(pos_weight=...)` and its 'sum' version,
 * the logistic regression trained by StepByStep, the confusion matrix, TPR / FPR and precision /
 * recall by hand at thresholds .3 / .5 / .7). What each cell prints and shows, and the UserWarnings
 * it shows, must be PyTorch 1.13's (test/reference/gen_godoy.py, godoy.json).
 *
 * Data (gen_godoy.py writes test/reference/godoy/data.json, the first cell of both sides reads it; not
 * a book cell): chapter 0's `np.random.seed(42)` x, epsilon and shuffled idx, drawn by NumPy as the book
 * draws them; make_moons(n_samples=100, noise=0.3, random_state=0) written out with NumPy (sklearn is
 * not installed) and train_test_split a RandomState(13) permutation (80 / 20).
 * Shrunk: the full-batch loops run 200 epochs (1000), the mini-batch loops 20 (1000 / 200 / 100),
 * new_sbs trains 10 more; so the printed parameters are not the book's converged 1.02 / 1.97.
 * Figures: chapter 2's plot_losses and plot_resumed_losses and StepByStep.plot_losses (chapters 2.1 and
 * 3) are shown in the book's fivethirtyeight style, each cell's figures compared with matplotlib 3.6's
 * (gen_godoy.py records them through _figures.py). The book imports its helpers from plots/chapter2.py; a
 * setup cell (not a book cell) defines them on both sides, drawing the same artists, and the class's
 * plot_losses calls the chapter 2 helper.
 * Left out: the other matplotlib figures (chapter 0 / 1's figure1..figure18, which the book shows as the
 * (fig, axes) tuple's repr, the loss surfaces (3D and contour plots), chapter 3's odds, decision
 * boundaries (contourf), probability lines and ROC / PR curves), TensorBoard (SummaryWriter, add_graph, add_scalars, set_tensorboard), torchviz's make_dot,
 * the `%%writefile` / `%run -i` cells (their code is the cells above), sklearn's LinearRegression,
 * roc_curve / precision_recall_curve / auc, chapter 0's learning-rate figures and chapter 1's
 * `np.array` / `dummy_array[1] = 0` cells (as_tensor sharing a NumPy array's memory), `type(x_train)`,
 * chapter 3's one/two-dimension feature-space figures and the deeper model it only builds.
 * Written differently from the book:
 * - NumPy's arrays are float64 tensors on both sides (`x[train_idx]`, `torch.linspace`,
 *   `torch.meshgrid(indexing='xy')`, `torch.randn(1, dtype=torch.float64)` after torch.manual_seed(42)
 *   for np.random.seed(42) / np.random.randn(1)), so chapter 0 prints tensors; np.apply_along_axis is
 *   `torch.stack([...x_train].map((x) => bs + ws * x))`; StandardScaler is mean / std(unbiased=False);
 *   np.mean / np.log / np.exp / np.random.seed come from a small `np` in the first cell (np.random.seed
 *   reseeds nothing: no cell draws from NumPy after it).
 * - `np.log` gives NumPy's float64, which `torch.tensor([logit1, logit2])` keeps: the port writes
 *   `dtype=torch.float64` there (a JavaScript number makes a float32 tensor).
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `x, y = a, b` an array pattern; a tuple
 *   literal shown as a cell's value an array (both sides show a list); `(self.x[index], self.y[index])`
 *   is `tuple([...])`;
 *   `same_matrix[0, 1] = 2.` is `same_matrix["0, 1"] = 2.`; `idx[:int(N*.8)]` a template string;
 *   StepByStep's inner functions are arrow functions (they read `this`); the class's `count_parameters`
 *   is written in the class (the book adds it later with `setattr(StepByStep, 'count_parameters',
 *   count_parameters)`, which the dialect cannot type); `model` / `dummy` rebound to other classes are
 *   declared `nn.Module`.
 * - The two cells the book shows failing (`b -= lr * b.grad` outside no_grad, `loss.cpu().numpy()` on a
 *   tensor that requires grad) catch the error and print `ERR Class: message` on both sides (a failing
 *   cell stops `torchlab run`); torchlab's message contains PyTorch's and adds the fix.
 * - `optimizer.state_dict()` is printed as its param_groups (see "found, left alone"); ndarray shapes
 *   are printed, not shown; chapter 0's scaler prints the first scaled rows.
 * Divergences this port found, fixed:
 * - `torch.cuda.get_device_name(i)` did not exist (the cell did not compile); it is PyTorch's error
 *   without CUDA and the driver's GPU name with it (src/cuda_device_name.ts).
 * - `matrix.new_tensor(matrix.view(1, 6))` showed no warning; PyTorch's "To copy construct from a
 *   tensor, it is recommended to use sourceTensor.clone().detach() ..." UserWarning is shown once.
 * - BCEWithLogitsLoss of float64 logits against float32 labels gave a float64 loss; PyTorch builds it
 *   in place on `(1 - target)`, so it is float32 (`tensor(0.1643)`), with a float64 gradient
 *   (src/ops/fused.ts keeps a fused loss's own dtype; test/nn/loss_dtype.test.ts).
 * - A TensorDataset sample printed as a list; it is PyTorch's tuple, `(tensor([0.7713]), tensor([2.4745]))`
 *   (src/utils/data/dataset.ts; test/utils/data.test.ts).
 * Found, left alone: float64 tensors are held in float32 (README): chapter 0's scaled mean prints
 * -2.2e-07 where PyTorch's is -2.2e-17, so the port prints scaled rows instead; an optimizer's
 * state_dict() shown as a cell's value is a plain object, which shows as Node's inspect, not IPython's dict
 * (print() writes Python's dict, int state keys included); `setattr` on a class.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, streamText, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";
import { asShown, figuresOf, type FigureInfo } from "./_figures";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "godoy.json"), "utf8")) as Record<string, (CellOutput & { warnings: string[]; figures: FigureInfo[] })[]>;
const DATA = path.join(__dirname, "..", "reference", "godoy", "data.json");

/** Not a book cell: gen_godoy.py's NumPy draws (the setup cell there), the imports, and NumPy's few functions the book calls. */
const SETUP = `const { Dataset, TensorDataset, DataLoader, random_split } = torch.utils.data;
const np = {
  mean: (a: number[]) => sum(a) / len(a),
  log: (v): any => (typeof v === "number" ? Math.log(v) : torch.log(v)),
  exp: (v): any => (typeof v === "number" ? Math.exp(v) : torch.exp(v)),
  random: { seed: (seed: number) => {} },
};
const data = JSON.parse(require("fs").readFileSync(${JSON.stringify(DATA)}, "utf8"));
const x = torch.tensor(data['x'], dtype=torch.float64).view(-1, 1);
const epsilon = torch.tensor(data['epsilon'], dtype=torch.float64).view(-1, 1);
const idx = torch.tensor(data['idx']);
{
  const fs = require("fs"), path = require("path"), os = require("os");
  process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), "godoy-")));
}`;

/** Chapters 0 and 1. */
const CH0_1 = [
  `const true_b = 1;
const true_w = 2;
const N = 100;

// Data Generation (x and epsilon: the setup cell's NumPy draws)
let y = true_b + true_w * x + epsilon;`,
  `// Uses first 80 random indices for train
const train_idx = idx[\`:\${int(N*.8)}\`];
// Uses the remaining indices for validation
const val_idx = idx[\`\${int(N*.8)}:\`];

// Generates train and validation sets
let [x_train, y_train] = [x[train_idx], y[train_idx]];
let [x_val, y_val] = [x[val_idx], y[val_idx]];`,
  `// Step 0 - Initializes parameters "b" and "w" randomly
torch.manual_seed(42);
let b = torch.randn(1, dtype=torch.float64);
let w = torch.randn(1, dtype=torch.float64);

print(b, w);`,
  `// Step 1 - Computes our model's predicted output - forward pass
let yhat = b + w * x_train;`,
  `// Step 2 - Computing the loss
let error = (yhat - y_train);

// It is a regression, so it computes mean squared error (MSE)
let loss = (error ** 2).mean();
print(loss);`,
  `const b_range = torch.linspace(true_b - 3, true_b + 3, 101, dtype=torch.float64);
const w_range = torch.linspace(true_w - 3, true_w + 3, 101, dtype=torch.float64);
// meshgrid is a handy function that generates a grid of b and w
// values for all combinations
const [bs, ws] = torch.meshgrid(b_range, w_range, indexing='xy');
[bs.shape, ws.shape]`,
  `const sample_x = x_train[0];
const sample_yhat = bs + ws * sample_x;
sample_yhat.shape`,
  `const all_predictions = torch.stack([...x_train].map((x) => bs + ws * x));
all_predictions.shape`,
  `const all_labels = y_train.reshape(-1, 1, 1);
all_labels.shape`,
  `const all_errors = (all_predictions - all_labels);
all_errors.shape`,
  `const all_losses = (all_errors ** 2).mean(axis=0);
all_losses.shape`,
  `// Step 3 - Computes gradients for both "b" and "w" parameters
let b_grad = 2 * error.mean();
let w_grad = 2 * (x_train * error).mean();
print(b_grad, w_grad);`,
  `// Sets learning rate - this is "eta" ~ the "n" like Greek letter
let lr = 0.1;
print(b, w);

// Step 4 - Updates parameters using gradients and the
// learning rate
b = b - lr * b_grad;
w = w - lr * w_grad;

print(b, w);`,
  `// StandardScaler(with_mean=True, with_std=True) fit on the TRAIN set ONLY, by hand
let mean = x_train.mean(axis=0);
let std = x_train.std(axis=0, unbiased=False);

// Now we can use the already fit scaler to TRANSFORM
// both TRAIN and VALIDATION sets
const scaled_x_train = (x_train - mean) / std;
const scaled_x_val = (x_val - mean) / std;
print(scaled_x_train[":3"], scaled_x_val[":3"]);`,
  `// Step 0 - Initializes parameters "b" and "w" randomly
torch.manual_seed(42);
b = torch.randn(1, dtype=torch.float64);
w = torch.randn(1, dtype=torch.float64);
print(b, w);

// Sets learning rate - this is "eta" ~ the "n"-like Greek letter
lr = 0.1;
// Defines number of epochs
let n_epochs = 200;

for (const epoch of range(n_epochs)) {
  // Step 1 - Computes model's predicted output - forward pass
  yhat = b + w * x_train;

  // Step 2 - Computes the loss
  error = (yhat - y_train);
  loss = (error ** 2).mean();

  // Step 3 - Computes gradients for both "b" and "w" parameters
  b_grad = 2 * error.mean();
  w_grad = 2 * (x_train * error).mean();

  // Step 4 - Updates parameters using gradients and
  // the learning rate
  b = b - lr * b_grad;
  w = w - lr * w_grad;
}

print(b, w);`,
  `const scalar = torch.tensor(3.14159);
const vector = torch.tensor([1, 2, 3]);
const matrix = torch.ones([2, 3], dtype=torch.float);
const tensor = torch.randn([2, 3, 4], dtype=torch.float);

print(scalar);
print(vector);
print(matrix);
print(tensor);`,
  `print(tensor.size(), tensor.shape);`,
  `print(scalar.size(), scalar.shape);`,
  `// We get a tensor with a different shape but it still is
// the SAME tensor
const same_matrix = matrix.view(1, 6);
// If we change one of its elements...
same_matrix["0, 1"] = 2.;
// It changes both variables: matrix and same_matrix
print(matrix);
print(same_matrix);`,
  `// We can use "new_tensor" method to REALLY copy it into a new one
const different_matrix = matrix.new_tensor(matrix.view(1, 6));
// Now, if we change one of its elements...
different_matrix["0, 1"] = 3.;
// The original tensor (matrix) is left untouched!
// But we get a "warning" from PyTorch telling us
// to use "clone()" instead!
print(matrix);
print(different_matrix);`,
  `// Lets follow PyTorch's suggestion and use "clone" method
const another_matrix = matrix.view(1, 6).clone().detach();
// Again, if we change one of its elements...
another_matrix["0, 1"] = 4.;
// The original tensor (matrix) is left untouched!
print(matrix);
print(another_matrix);`,
  `let x_train_tensor = torch.as_tensor(x_train);
[x_train.dtype, x_train_tensor.dtype]`,
  `const float_tensor = x_train_tensor.float();
float_tensor.dtype`,
  `let device = torch.cuda.is_available() ? 'cuda' : 'cpu';`,
  `const n_cudas = torch.cuda.device_count();
for (const i of range(n_cudas)) {
  print(torch.cuda.get_device_name(i));
}`,
  `const gpu_tensor = torch.as_tensor(x_train).to(device);
gpu_tensor[0]`,
  `device = torch.cuda.is_available() ? 'cuda' : 'cpu';

// Our data was in Numpy arrays, but we need to transform them
// into PyTorch's Tensors and then we send them to the
// chosen device
x_train_tensor = torch.as_tensor(x_train).float().to(device);
let y_train_tensor = torch.as_tensor(y_train).float().to(device);

// Here we can see the difference - notice that .type() is more
// useful since it also tells us WHERE the tensor is (device)
print(x_train_tensor.type());`,
  `let back_to_numpy = x_train_tensor.numpy();`,
  `back_to_numpy = x_train_tensor.cpu().numpy();
print(back_to_numpy.shape);`,
  `// FIRST
// Initializes parameters "b" and "w" randomly, ALMOST as we
// did in Numpy since we want to apply gradient descent on
// these parameters we need to set REQUIRES_GRAD = TRUE
torch.manual_seed(42);
b = torch.randn(1, requires_grad=True, dtype=torch.float);
w = torch.randn(1, requires_grad=True, dtype=torch.float);
print(b, w);`,
  `// SECOND
// But what if we want to run it on a GPU? We could just
// send them to device, right?
torch.manual_seed(42);
b = torch.randn(1, requires_grad=True, dtype=torch.float).to(device);
w = torch.randn(1, requires_grad=True, dtype=torch.float).to(device);
print(b, w);`,
  `// THIRD
// We can either create regular tensors and send them to
// the device (as we did with our data)
torch.manual_seed(42);
b = torch.randn(1, dtype=torch.float).to(device);
w = torch.randn(1, dtype=torch.float).to(device);
// and THEN set them as requiring gradients...
b.requires_grad_();
w.requires_grad_();
print(b, w);`,
  `// FINAL
// We can specify the device at the moment of creation
// RECOMMENDED!

// Step 0 - Initializes parameters "b" and "w" randomly
torch.manual_seed(42);
b = torch.randn(1, requires_grad=True,
                dtype=torch.float, device=device);
w = torch.randn(1, requires_grad=True,
                dtype=torch.float, device=device);
print(b, w);`,
  `// Step 1 - Computes our model's predicted output - forward pass
yhat = b + w * x_train_tensor;

// Step 2 - Computes the loss
// We are using ALL data points, so this is BATCH gradient
// descent. How wrong is our model? That's the error!
error = (yhat - y_train_tensor);
// It is a regression, so it computes mean squared error (MSE)
loss = (error ** 2).mean();

// Step 3 - Computes gradients for both "b" and "w" parameters
// No more manual computation of gradients!
// b_grad = 2 * error.mean()
// w_grad = 2 * (x_tensor * error).mean()
loss.backward();`,
  `print(error.requires_grad, yhat.requires_grad,
      b.requires_grad, w.requires_grad);
print(y_train_tensor.requires_grad, x_train_tensor.requires_grad);`,
  `print(b.grad, w.grad);`,
  `// This code will be placed *after* Step 4
// (updating the parameters)
[b.grad.zero_(), w.grad.zero_()]`,
  `// Sets learning rate - this is "eta" ~ the "n"-like Greek letter
lr = 0.1;

// Step 0 - Initializes parameters "b" and "w" randomly
torch.manual_seed(42);
b = torch.randn(1, requires_grad=True,
                dtype=torch.float, device=device);
w = torch.randn(1, requires_grad=True,
                dtype=torch.float, device=device);

// Defines number of epochs
n_epochs = 200;

for (const epoch of range(n_epochs)) {
  // Step 1 - Computes model's predicted output - forward pass
  yhat = b + w * x_train_tensor;

  // Step 2 - Computes the loss
  // We are using ALL data points, so this is BATCH gradient
  // descent. How wrong is our model? That's the error!
  error = (yhat - y_train_tensor);
  // It is a regression, so it computes mean squared error (MSE)
  loss = (error ** 2).mean();

  // Step 3 - Computes gradients for both "b" and "w" parameters
  // No more manual computation of gradients!
  loss.backward();

  // THIRD ATTEMPT - NO_GRAD for the win!
  // We need to use NO_GRAD to keep the update out of
  // the gradient computation. Why is that? It boils
  // down to the DYNAMIC GRAPH that PyTorch uses...
  torch.no_grad(() => {
    b -= lr * b.grad;
    w -= lr * w.grad;
  });

  // PyTorch is "clingy" to its computed gradients, we
  // need to tell it to let it go...
  b.grad.zero_();
  w.grad.zero_();
}

print(b, w);`,
  `// The SECOND ATTEMPT, outside no_grad
try {
  b -= lr * b.grad;
} catch (e) { print(\`ERR \${e.name}: \${e.message}\`); }`,
  `// Defines a SGD optimizer to update the parameters
let optimizer = optim.SGD([b, w], lr=lr);`,
  `// Sets learning rate - this is "eta" ~ the "n"-like Greek letter
lr = 0.1;

// Step 0 - Initializes parameters "b" and "w" randomly
torch.manual_seed(42);
b = torch.randn(1, requires_grad=True,
                dtype=torch.float, device=device);
w = torch.randn(1, requires_grad=True,
                dtype=torch.float, device=device);

// Defines a SGD optimizer to update the parameters
optimizer = optim.SGD([b, w], lr=lr);

// Defines number of epochs
n_epochs = 200;

for (const epoch of range(n_epochs)) {
  // Step 1 - Computes model's predicted output - forward pass
  yhat = b + w * x_train_tensor;

  // Step 2 - Computes the loss
  error = (yhat - y_train_tensor);
  loss = (error ** 2).mean();

  // Step 3 - Computes gradients for both "b" and "w" parameters
  loss.backward();

  // Step 4 - Updates parameters using gradients and
  // the learning rate. No more manual update!
  optimizer.step();

  // No more telling Pytorch to let gradients go!
  optimizer.zero_grad();
}

print(b, w);`,
  `// Defines a MSE loss function
let loss_fn = nn.MSELoss(reduction='mean');
loss_fn`,
  `// This is a random example to illustrate the loss function
let predictions = torch.tensor([0.5, 1.0]);
const labels = torch.tensor([2.0, 1.3]);
loss_fn(predictions, labels)`,
  `// Sets learning rate - this is "eta" ~ the "n"-like
// Greek letter
lr = 0.1;

// Step 0 - Initializes parameters "b" and "w" randomly
torch.manual_seed(42);
b = torch.randn(1, requires_grad=True,
                dtype=torch.float, device=device);
w = torch.randn(1, requires_grad=True,
                dtype=torch.float, device=device);

// Defines a SGD optimizer to update the parameters
optimizer = optim.SGD([b, w], lr=lr);

// Defines a MSE loss function
loss_fn = nn.MSELoss(reduction='mean');

// Defines number of epochs
n_epochs = 200;

for (const epoch of range(n_epochs)) {
  // Step 1 - Computes model's predicted output - forward pass
  yhat = b + w * x_train_tensor;

  // Step 2 - Computes the loss
  // No more manual loss!
  // error = (yhat - y_train_tensor)
  // loss = (error ** 2).mean()
  loss = loss_fn(yhat, y_train_tensor);

  // Step 3 - Computes gradients for both "b" and "w" parameters
  loss.backward();

  // Step 4 - Updates parameters using gradients and
  // the learning rate
  optimizer.step();
  optimizer.zero_grad();
}

print(b, w);`,
  `loss`,
  `try {
  loss.cpu().numpy()
} catch (e) { print(\`ERR \${e.name}: \${e.message}\`); }`,
  `loss.detach().cpu().numpy()`,
  `print(loss.item(), loss.tolist());`,
  `class ManualLinearRegression extends nn.Module {
  constructor() {
    super();
    // To make "b" and "w" real parameters of the model,
    // we need to wrap them with nn.Parameter
    this.b = nn.Parameter(torch.randn(1,
                                      requires_grad=True,
                                      dtype=torch.float));
    this.w = nn.Parameter(torch.randn(1,
                                      requires_grad=True,
                                      dtype=torch.float));
  }

  forward(x) {
    // Computes the outputs / predictions
    return this.b + this.w * x;
  }
}`,
  `torch.manual_seed(42);
// Creates a "dummy" instance of our ManualLinearRegression model
let dummy: nn.Module = ManualLinearRegression();
list(dummy.parameters())`,
  `dummy.state_dict()`,
  `print(optimizer.state_dict()['param_groups']);`,
  `// Sets learning rate - this is "eta" ~ the "n"-like
// Greek letter
lr = 0.1;

// Step 0 - Initializes parameters "b" and "w" randomly
torch.manual_seed(42);
// Now we can create a model and send it at once to the device
let model: nn.Module = ManualLinearRegression().to(device);

// Defines a SGD optimizer to update the parameters
// (now retrieved directly from the model)
optimizer = optim.SGD(model.parameters(), lr=lr);

// Defines a MSE loss function
loss_fn = nn.MSELoss(reduction='mean');

// Defines number of epochs
n_epochs = 200;

for (const epoch of range(n_epochs)) {
  model.train(); // What is this?!?

  // Step 1 - Computes model's predicted output - forward pass
  // No more manual prediction!
  yhat = model(x_train_tensor);

  // Step 2 - Computes the loss
  loss = loss_fn(yhat, y_train_tensor);

  // Step 3 - Computes gradients for both "b" and "w" parameters
  loss.backward();

  // Step 4 - Updates parameters using gradients and
  // the learning rate
  optimizer.step();
  optimizer.zero_grad();
}

// We can also inspect its parameters using its state_dict
print(model.state_dict());`,
  `const linear = nn.Linear(1, 1);
linear`,
  `linear.state_dict()`,
  `class MyLinearRegression extends nn.Module {
  constructor() {
    super();
    // Instead of our custom parameters, we use a Linear model
    // with single input and single output
    this.linear = nn.Linear(1, 1);
  }

  forward(x) {
    // Now it only takes a call
    this.linear(x);
  }
}`,
  `torch.manual_seed(42);
dummy = MyLinearRegression().to(device);
list(dummy.parameters())`,
  `dummy.state_dict()`,
  `torch.manual_seed(42);
// Alternatively, you can use a Sequential model
model = nn.Sequential(nn.Linear(1, 1)).to(device);

model.state_dict()`,
  `torch.manual_seed(42);
// Building the model from the figure above
model = nn.Sequential(nn.Linear(3, 5), nn.Linear(5, 1)).to(device);

model.state_dict()`,
  `torch.manual_seed(42);
// Building the model from the figure above
model = nn.Sequential();
model.add_module('layer1', nn.Linear(3, 5));
model.add_module('layer2', nn.Linear(5, 1));
model.to(device)`,
];

/** Chapter 2. */
const CH2 = [
  // Not a book cell: the book imports its loss figures from plots/chapter2.py (which uses the
  // fivethirtyeight style); these draw the same artists (gen_godoy.py's PLOTS_CH2).
  `plt.style.use('fivethirtyeight');

function loss_figure(curves: [number[] | null, number[], Record<string, unknown>][]) {
  // A 10 x 4 figure of (x or null, losses, plot keywords) curves on a log axis.
  const fig = plt.figure(figsize=[10, 4]);
  for (const [xs, ys, kwargs] of curves) {
    if (xs === null) plt.plot(ys, kwargs);
    else plt.plot(xs, ys, kwargs);
  }
  plt.yscale('log');
  plt.xlabel('Epochs');
  plt.ylabel('Loss');
  plt.legend();
  plt.tight_layout();
  return fig;
}

function plot_losses(losses: number[], val_losses: number[]) {
  return loss_figure([[null, losses, {label: 'Training Loss', c: 'b'}], [null, val_losses, {label: 'Validation Loss', c: 'r'}]]);
}

function plot_resumed_losses(saved_epoch: number, saved_losses: number[], saved_val_losses: number[], n_epochs: number, losses: number[], val_losses: number[]) {
  const [before, after] = [[...range(saved_epoch)], [...range(saved_epoch, saved_epoch + n_epochs)]];
  const both = [...saved_losses, ...losses];
  return loss_figure([
    [before, saved_losses, {label: 'Checkpointed Training Loss', c: 'b', linestyle: '--'}],
    [before, saved_val_losses, {label: 'Checkpointed Validation Loss', c: 'r', linestyle: '--'}],
    [after, losses, {label: 'Training Loss', c: 'b'}],
    [after, val_losses, {label: 'Validation Loss', c: 'r'}],
    [[saved_epoch, saved_epoch], [min(both), max(both)], {c: 'k', linewidth: 1, linestyle: '--', label: 'Checkpoint'}],
  ]);
}`,
  `function exponentiation_builder(exponent) {
  function skeleton_exponentiation(x) {
    return x ** exponent;
  }

  return skeleton_exponentiation;
}`,
  `const returned_function = exponentiation_builder(2);

returned_function(5)`,
  `const square = exponentiation_builder(2);
const cube = exponentiation_builder(3);
const fourth_power = exponentiation_builder(4);
print(square(3), cube(3), fourth_power(3));`,
  `function make_train_step_fn(model, loss_fn, optimizer) {
  // Builds function that performs a step in the train loop
  function perform_train_step_fn(x, y) {
    // Sets model to TRAIN mode
    model.train();

    // Step 1 - Computes our model's predicted output - forward pass
    const yhat = model(x);
    // Step 2 - Computes the loss
    const loss = loss_fn(yhat, y);
    // Step 3 - Computes gradients for both "a" and "b" parameters
    loss.backward();
    // Step 4 - Updates parameters using gradients and the learning rate
    optimizer.step();
    optimizer.zero_grad();

    // Returns the loss
    return loss.item();
  }

  // Returns the function that will be called inside the train loop
  return perform_train_step_fn;
}`,
  `device = torch.cuda.is_available() ? 'cuda' : 'cpu';

// Sets learning rate - this is "eta" ~ the "n" like Greek letter
lr = 0.1;

torch.manual_seed(42);
// Now we can create a model and send it at once to the device
model = nn.Sequential(nn.Linear(1, 1)).to(device);

// Defines a SGD optimizer to update the parameters
optimizer = optim.SGD(model.parameters(), lr=lr);

// Defines a MSE loss function
loss_fn = nn.MSELoss(reduction='mean');

// Creates the train_step function for our model, loss function and optimizer
let train_step_fn = make_train_step_fn(model, loss_fn, optimizer);`,
  `// Defines number of epochs
n_epochs = 200;

let losses = [];

// For each epoch...
for (const epoch of range(n_epochs)) {
  // Performs one train step and returns the corresponding loss
  const loss = train_step_fn(x_train_tensor, y_train_tensor);
  losses.append(loss);
}

print(model.state_dict());`,
  `class CustomDataset extends Dataset {
  constructor(x_tensor, y_tensor) {
    super();
    this.x = x_tensor;
    this.y = y_tensor;
  }

  __getitem__(index) {
    return tuple([this.x[index], this.y[index]]);
  }

  __len__() {
    return len(this.x);
  }
}

// Wait, is this a CPU tensor now? Why? Where is .to(device)?
x_train_tensor = torch.as_tensor(x_train).float();
y_train_tensor = torch.as_tensor(y_train).float();

let train_data = CustomDataset(x_train_tensor, y_train_tensor);
print(train_data[0]);`,
  `train_data = TensorDataset(x_train_tensor, y_train_tensor);
print(train_data[0]);`,
  `// Builds a loader of each set
let train_loader = DataLoader(
  dataset=train_data,
  batch_size=16,
  shuffle=True
);`,
  `next(iter(train_loader))`,
  `// Defines number of epochs
n_epochs = 20;

losses = [];

// For each epoch...
for (const epoch of range(n_epochs)) {
  // inner loop
  const mini_batch_losses = [];
  for (let [x_batch, y_batch] of train_loader) {
    // the dataset "lives" in the CPU, so do our mini-batches
    // therefore, we need to send those mini-batches to the
    // device where the model "lives"
    x_batch = x_batch.to(device);
    y_batch = y_batch.to(device);

    // Performs one train step and returns the corresponding loss
    // for this mini-batch
    const mini_batch_loss = train_step_fn(x_batch, y_batch);
    mini_batch_losses.append(mini_batch_loss);
  }

  // Computes average loss over all mini-batches - that's the epoch loss
  const loss = np.mean(mini_batch_losses);

  losses.append(loss);
}

print(model.state_dict());`,
  `function mini_batch(device, data_loader, step_fn) {
  const mini_batch_losses = [];
  for (let [x_batch, y_batch] of data_loader) {
    x_batch = x_batch.to(device);
    y_batch = y_batch.to(device);

    const mini_batch_loss = step_fn(x_batch, y_batch);
    mini_batch_losses.append(mini_batch_loss);
  }

  const loss = np.mean(mini_batch_losses);
  return loss;
}`,
  `// Defines number of epochs
n_epochs = 20;

losses = [];

// For each epoch...
for (const epoch of range(n_epochs)) {
  // inner loop
  const loss = mini_batch(device, train_loader, train_step_fn);
  losses.append(loss);
}

print(model.state_dict());`,
  `torch.manual_seed(13);

// Builds tensors from numpy arrays BEFORE split
const x_tensor = torch.as_tensor(x).float();
const y_tensor = torch.as_tensor(y).float();

// Builds dataset containing ALL data points
const dataset = TensorDataset(x_tensor, y_tensor);

// Performs the split
const ratio = .8;
let n_total = len(dataset);
const n_train = int(n_total * ratio);
const n_val = n_total - n_train;

let [train_data, val_data] = random_split(dataset, [n_train, n_val]);

// Builds a loader of each set
train_loader = DataLoader(
  dataset=train_data,
  batch_size=16,
  shuffle=True
);
let val_loader = DataLoader(dataset=val_data, batch_size=16);`,
  `function make_val_step_fn(model, loss_fn) {
  // Builds function that performs a step in the validation loop
  function perform_val_step_fn(x, y) {
    // Sets model to EVAL mode
    model.eval();

    // Step 1 - Computes our model's predicted output - forward pass
    const yhat = model(x);
    // Step 2 - Computes the loss
    const loss = loss_fn(yhat, y);
    // There is no need to compute Steps 3 and 4,
    // since we don't update parameters during evaluation
    return loss.item();
  }

  return perform_val_step_fn;
}`,
  `device = torch.cuda.is_available() ? 'cuda' : 'cpu';

// Sets learning rate - this is "eta" ~ the "n" like Greek letter
lr = 0.1;

torch.manual_seed(42);
// Now we can create a model and send it at once to the device
model = nn.Sequential(nn.Linear(1, 1)).to(device);

// Defines a SGD optimizer to update the parameters
optimizer = optim.SGD(model.parameters(), lr=lr);

// Defines a MSE loss function
loss_fn = nn.MSELoss(reduction='mean');

// Creates the train_step function for our model, loss function and optimizer
train_step_fn = make_train_step_fn(model, loss_fn, optimizer);

// Creates the val_step function for our model and loss function
let val_step_fn = make_val_step_fn(model, loss_fn);`,
  `// Defines number of epochs
n_epochs = 20;

losses = [];
let val_losses = [];

for (const epoch of range(n_epochs)) {
  // inner loop
  const loss = mini_batch(device, train_loader, train_step_fn);
  losses.append(loss);

  // VALIDATION
  // no gradients in validation!
  torch.no_grad(() => {
    const val_loss = mini_batch(device, val_loader, val_step_fn);
    val_losses.append(val_loss);
  });
}

print(model.state_dict());
print(\`\${losses[-1]:.6f} \${val_losses[-1]:.6f}\`);`,
  `let fig = plot_losses(losses, val_losses);`,
  `let checkpoint = {'epoch': n_epochs,
                  'model_state_dict': model.state_dict(),
                  'optimizer_state_dict': optimizer.state_dict(),
                  'loss': losses,
                  'val_loss': val_losses};

torch.save(checkpoint, 'model_checkpoint.pth');`,
  `device = torch.cuda.is_available() ? 'cuda' : 'cpu';

// Sets learning rate - this is "eta" ~ the "n" like Greek letter
lr = 0.1;

torch.manual_seed(42);
// Now we can create a model and send it at once to the device
model = nn.Sequential(nn.Linear(1, 1)).to(device);

// Defines a SGD optimizer to update the parameters
optimizer = optim.SGD(model.parameters(), lr=lr);

// Defines a MSE loss function
loss_fn = nn.MSELoss(reduction='mean');
print(model.state_dict());`,
  `checkpoint = torch.load('model_checkpoint.pth');

model.load_state_dict(checkpoint['model_state_dict']);
optimizer.load_state_dict(checkpoint['optimizer_state_dict']);

const saved_epoch = checkpoint['epoch'];
const saved_losses = checkpoint['loss'];
const saved_val_losses = checkpoint['val_loss'];

model.train(); // always use TRAIN for resuming training`,
  `print(model.state_dict());
print(saved_epoch, len(saved_losses), len(saved_val_losses));`,
  `// Defines number of epochs
n_epochs = 20;

losses = [];
val_losses = [];

for (const epoch of range(n_epochs)) {
  // inner loop
  const loss = mini_batch(device, train_loader, train_step_fn);
  losses.append(loss);

  // VALIDATION
  // no gradients in validation!
  torch.no_grad(() => {
    const val_loss = mini_batch(device, val_loader, val_step_fn);
    val_losses.append(val_loss);
  });
}

print(model.state_dict());`,
  `fig = plot_resumed_losses(saved_epoch, saved_losses, saved_val_losses, n_epochs, losses, val_losses);`,
  `checkpoint = torch.load('model_checkpoint.pth');

model.load_state_dict(checkpoint['model_state_dict']);

print(model.state_dict());`,
  `const new_inputs = torch.tensor([[.20], [.34], [.57]]);

model.eval(); // always use EVAL for fully trained models!
model(new_inputs.to(device))`,
];

/** Chapter 2.1 (the StepByStep class) and chapter 3. */
const CH21_3 = [
  `class StepByStep {
  constructor(model, loss_fn, optimizer) {
    // Here we define the attributes of our class

    // We start by storing the arguments as attributes
    // to use them later
    this.model = model;
    this.loss_fn = loss_fn;
    this.optimizer = optimizer;
    this.device = torch.cuda.is_available() ? 'cuda' : 'cpu';
    // Let's send the model to the specified device right away
    this.model.to(this.device);

    // These attributes are defined here, but since they are
    // not informed at the moment of creation, we keep them None
    this.train_loader = None;
    this.val_loader = None;

    // These attributes are going to be computed internally
    this.losses = [];
    this.val_losses = [];
    this.total_epochs = 0;

    // Creates the train_step function for our model,
    // loss function and optimizer
    // Note: there are NO ARGS there! It makes use of the class
    // attributes directly
    this.train_step_fn = this._make_train_step_fn();
    // Creates the val_step function for our model and loss
    this.val_step_fn = this._make_val_step_fn();
  }

  to(device) {
    // This method allows the user to specify a different device
    // It sets the corresponding attribute (to be used later in
    // the mini-batches) and sends the model to the device
    try {
      this.device = device;
      this.model.to(this.device);
    } catch (e) {
      if (!(e instanceof torch.RuntimeError)) throw e;
      this.device = torch.cuda.is_available() ? 'cuda' : 'cpu';
      print(\`Couldn't send it to \${device}, sending it to \${this.device} instead.\`);
      this.model.to(this.device);
    }
  }

  set_loaders(train_loader, val_loader=None) {
    // This method allows the user to define which train_loader (and val_loader, optionally) to use
    // Both loaders are then assigned to attributes of the class
    // So they can be referred to later
    this.train_loader = train_loader;
    this.val_loader = val_loader;
  }

  _make_train_step_fn() {
    // This method does not need ARGS... it can refer to
    // the attributes: self.model, self.loss_fn and self.optimizer

    // Builds function that performs a step in the train loop
    const perform_train_step_fn = (x, y) => {
      // Sets model to TRAIN mode
      this.model.train();

      // Step 1 - Computes our model's predicted output - forward pass
      const yhat = this.model(x);
      // Step 2 - Computes the loss
      const loss = this.loss_fn(yhat, y);
      // Step 3 - Computes gradients for both "a" and "b" parameters
      loss.backward();
      // Step 4 - Updates parameters using gradients and the learning rate
      this.optimizer.step();
      this.optimizer.zero_grad();

      // Returns the loss
      return loss.item();
    };

    // Returns the function that will be called inside the train loop
    return perform_train_step_fn;
  }

  _make_val_step_fn() {
    // Builds function that performs a step in the validation loop
    const perform_val_step_fn = (x, y) => {
      // Sets model to EVAL mode
      this.model.eval();

      // Step 1 - Computes our model's predicted output - forward pass
      const yhat = this.model(x);
      // Step 2 - Computes the loss
      const loss = this.loss_fn(yhat, y);
      // There is no need to compute Steps 3 and 4,
      // since we don't update parameters during evaluation
      return loss.item();
    };

    return perform_val_step_fn;
  }

  _mini_batch(validation=False) {
    // The mini-batch can be used with both loaders
    // The argument \`validation\`defines which loader and
    // corresponding step function is going to be used
    let data_loader, step_fn;
    if (validation) {
      data_loader = this.val_loader;
      step_fn = this.val_step_fn;
    } else {
      data_loader = this.train_loader;
      step_fn = this.train_step_fn;
    }

    if (data_loader === None) {
      return None;
    }

    // Once the data loader and step function, this is the
    // same mini-batch loop we had before
    const mini_batch_losses = [];
    for (let [x_batch, y_batch] of data_loader) {
      x_batch = x_batch.to(this.device);
      y_batch = y_batch.to(this.device);

      const mini_batch_loss = step_fn(x_batch, y_batch);
      mini_batch_losses.append(mini_batch_loss);
    }

    const loss = np.mean(mini_batch_losses);
    return loss;
  }

  set_seed(seed=42) {
    torch.backends.cudnn.deterministic = True;
    torch.backends.cudnn.benchmark = False;
    torch.manual_seed(seed);
    np.random.seed(seed);
  }

  train(n_epochs, seed=42) {
    // To ensure reproducibility of the training process
    this.set_seed(seed);

    for (const epoch of range(n_epochs)) {
      // Keeps track of the numbers of epochs
      // by updating the corresponding attribute
      this.total_epochs += 1;

      // inner loop
      // Performs training using mini-batches
      const loss = this._mini_batch(validation=False);
      this.losses.append(loss);

      // VALIDATION
      // no gradients in validation!
      torch.no_grad(() => {
        // Performs evaluation using mini-batches
        const val_loss = this._mini_batch(validation=True);
        this.val_losses.append(val_loss);
      });
    }
  }

  save_checkpoint(filename) {
    // Builds dictionary with all elements for resuming training
    const checkpoint = {'epoch': this.total_epochs,
                        'model_state_dict': this.model.state_dict(),
                        'optimizer_state_dict': this.optimizer.state_dict(),
                        'loss': this.losses,
                        'val_loss': this.val_losses};

    torch.save(checkpoint, filename);
  }

  load_checkpoint(filename) {
    // Loads dictionary
    const checkpoint = torch.load(filename);

    // Restore state for model and optimizer
    this.model.load_state_dict(checkpoint['model_state_dict']);
    this.optimizer.load_state_dict(checkpoint['optimizer_state_dict']);

    this.total_epochs = checkpoint['epoch'];
    this.losses = checkpoint['loss'];
    this.val_losses = checkpoint['val_loss'];

    this.model.train(); // always use TRAIN for resuming training
  }

  predict(x) {
    // Set is to evaluation mode for predictions
    this.model.eval();
    // Takes aNumpy input and make it a float tensor
    const x_tensor = torch.as_tensor(x).float();
    // Send input to device and uses model for prediction
    const y_hat_tensor = this.model(x_tensor.to(this.device));
    // Set it back to train mode
    this.model.train();
    // Detaches it, brings it to CPU and back to Numpy
    return y_hat_tensor.detach().cpu().numpy();
  }

  count_parameters() {
    return sum(this.model.parameters().filter((p) => p.requires_grad).map((p) => p.numel()));
  }

  plot_losses() {
    return plot_losses(this.losses, this.val_losses);
  }
}`,
  `// Sets learning rate - this is "eta" ~ the "n" like Greek letter
lr = 0.1;

torch.manual_seed(42);
// Now we can create a model and send it at once to the device
model = nn.Sequential(nn.Linear(1, 1));

// Defines a SGD optimizer to update the parameters
// (now retrieved directly from the model)
optimizer = optim.SGD(model.parameters(), lr=lr);

// Defines a MSE loss function
loss_fn = nn.MSELoss(reduction='mean');`,
  `print(model.state_dict());`,
  `let sbs = StepByStep(model, loss_fn, optimizer);
sbs.set_loaders(train_loader, val_loader);`,
  `sbs.train(n_epochs=20);`,
  `fig = sbs.plot_losses();`,
  `print(model.state_dict()); // remember, model == sbs.model
print(sbs.total_epochs);`,
  `const new_data = torch.tensor([.5, .3, .7], dtype=torch.float64).reshape(-1, 1);
new_data`,
  `predictions = sbs.predict(new_data);
predictions`,
  `sbs.save_checkpoint('model_checkpoint.pth');`,
  `// Sets learning rate - this is "eta" ~ the "n" like Greek letter
lr = 0.1;

torch.manual_seed(42);
// Now we can create a model and send it at once to the device
model = nn.Sequential(nn.Linear(1, 1));

// Defines a SGD optimizer to update the parameters
// (now retrieved directly from the model)
optimizer = optim.SGD(model.parameters(), lr=lr);

// Defines a MSE loss function
loss_fn = nn.MSELoss(reduction='mean');`,
  `print(model.state_dict());`,
  `const new_sbs = StepByStep(model, loss_fn, optimizer);`,
  `new_sbs.load_checkpoint('model_checkpoint.pth');
print(model.state_dict());`,
  `new_sbs.set_loaders(train_loader, val_loader);
new_sbs.train(n_epochs=10);`,
  `fig = new_sbs.plot_losses();`,
  `print(sbs.model.state_dict());
print(new_sbs.total_epochs, len(new_sbs.losses), new_sbs.count_parameters());`,
  `let X = torch.tensor(data['X'], dtype=torch.float64);
y = torch.tensor(data['y']);
const split = torch.tensor(data['split']);
let [X_train, X_val, y_train, y_val] = [X[split[":80"]], X[split["80:"]], y[split[":80"]], y[split["80:"]]];

// StandardScaler, fit on the training set, by hand
[mean, std] = [X_train.mean(axis=0), X_train.std(axis=0, unbiased=False)];
X_train = (X_train - mean) / std;
X_val = (X_val - mean) / std;
print(mean, std);`,
  `torch.manual_seed(13);

// Builds tensors from numpy arrays
x_train_tensor = torch.as_tensor(X_train).float();
y_train_tensor = torch.as_tensor(y_train.reshape(-1, 1)).float();

const x_val_tensor = torch.as_tensor(X_val).float();
const y_val_tensor = torch.as_tensor(y_val.reshape(-1, 1)).float();

// Builds dataset containing ALL data points
const train_dataset = TensorDataset(x_train_tensor, y_train_tensor);
const val_dataset = TensorDataset(x_val_tensor, y_val_tensor);

// Builds a loader of each set
train_loader = DataLoader(dataset=train_dataset, batch_size=16, shuffle=True);
val_loader = DataLoader(dataset=val_dataset, batch_size=16);`,
  `function odds_ratio(prob) {
  return prob / (1 - prob);
}

let p = .75;
let q = 1 - p;
[odds_ratio(p), odds_ratio(q)]`,
  `function log_odds_ratio(prob) {
  return np.log(odds_ratio(prob));
}

p = .75;
q = 1 - p;
[log_odds_ratio(p), log_odds_ratio(q)]`,
  `function sigmoid(z) {
  return 1 / (1 + np.exp(-z));
}

p = .75;
q = 1 - p;
[sigmoid(log_odds_ratio(p)), sigmoid(log_odds_ratio(q))]`,
  `[torch.sigmoid(torch.tensor(1.0986)), torch.sigmoid(torch.tensor(-1.0986))]`,
  `torch.manual_seed(42);
const model1 = nn.Sequential();
model1.add_module('linear', nn.Linear(2, 1));
model1.add_module('sigmoid', nn.Sigmoid());
print(model1.state_dict());`,
  `let dummy_labels = torch.tensor([1.0, 0.0]);
let dummy_predictions = torch.tensor([.9, .2]);

// Positive class (labels == 1)
const positive_pred = dummy_predictions[dummy_labels == 1];
const first_summation = torch.log(positive_pred).sum();
// Negative class (labels == 0)
const negative_pred = dummy_predictions[dummy_labels == 0];
const second_summation = torch.log(1 - negative_pred).sum();
// n_total = n_pos + n_neg
n_total = dummy_labels.size(0);

loss = -(first_summation + second_summation) / n_total;
loss`,
  `const summation = torch.sum(
  dummy_labels * torch.log(dummy_predictions) +
  (1 - dummy_labels) * torch.log(1 - dummy_predictions)
);
loss = -summation / n_total;
loss`,
  `loss_fn = nn.BCELoss(reduction='mean');

loss_fn`,
  `dummy_labels = torch.tensor([1.0, 0.0]);
dummy_predictions = torch.tensor([.9, .2]);

// RIGHT
const right_loss = loss_fn(dummy_predictions, dummy_labels);

// WRONG
const wrong_loss = loss_fn(dummy_labels, dummy_predictions);

print(right_loss, wrong_loss);`,
  `const loss_fn_logits = nn.BCEWithLogitsLoss(reduction='mean');

loss_fn_logits`,
  `const logit1 = log_odds_ratio(.9);
const logit2 = log_odds_ratio(.2);

dummy_labels = torch.tensor([1.0, 0.0]);
const dummy_logits = torch.tensor([logit1, logit2], dtype=torch.float64);

print(dummy_logits);`,
  `loss = loss_fn_logits(dummy_logits, dummy_labels);
loss`,
  `const dummy_imb_labels = torch.tensor([1.0, 0.0, 0.0, 0.0]);
const dummy_imb_logits = torch.tensor([logit1, logit2, logit2, logit2], dtype=torch.float64);`,
  `const n_neg = (dummy_imb_labels == 0).sum().float();
const n_pos = (dummy_imb_labels == 1).sum().float();

const pos_weight = (n_neg / n_pos).view(1,);
pos_weight`,
  `const loss_fn_imb = nn.BCEWithLogitsLoss(
  reduction='mean',
  pos_weight=pos_weight
);

loss = loss_fn_imb(dummy_imb_logits, dummy_imb_labels);
loss`,
  `const loss_fn_imb_sum = nn.BCEWithLogitsLoss(
  reduction='sum',
  pos_weight=pos_weight
);

loss = loss_fn_imb_sum(dummy_imb_logits, dummy_imb_labels);

loss = loss / (pos_weight * n_pos + n_neg);
loss`,
  `// Sets learning rate - this is "eta" ~ the "n"-like Greek letter
lr = 0.1;

torch.manual_seed(42);
model = nn.Sequential();
model.add_module('linear', nn.Linear(2, 1));

// Defines a SGD optimizer to update the parameters
optimizer = optim.SGD(model.parameters(), lr=lr);

// Defines a BCE loss function
loss_fn = nn.BCEWithLogitsLoss();`,
  `n_epochs = 20;

sbs = StepByStep(model, loss_fn, optimizer);
sbs.set_loaders(train_loader, val_loader);
sbs.train(n_epochs);`,
  `fig = sbs.plot_losses();`,
  `print(model.state_dict());`,
  `predictions = sbs.predict(x_train_tensor[":4"]);
predictions`,
  `const probabilities = sigmoid(torch.as_tensor(predictions));
probabilities`,
  `const classes = (torch.as_tensor(predictions) >= 0).int();
classes`,
  `const logits_val = sbs.predict(X_val);
const probabilities_val = sigmoid(torch.as_tensor(logits_val)).squeeze();`,
  `// sklearn's confusion_matrix, by hand: rows are the actual class, columns the predicted one
function confusion_matrix(y_true, y_pred) {
  y_true = torch.as_tensor(y_true).bool();
  y_pred = torch.as_tensor(y_pred).bool();
  return torch.stack([torch.stack([(~y_true & ~y_pred).sum(), (~y_true & y_pred).sum()]),
                      torch.stack([(y_true & ~y_pred).sum(), (y_true & y_pred).sum()])]);
}`,
  `const cm_thresh50 = confusion_matrix(y_val, (probabilities_val >= .5));
cm_thresh50`,
  `function split_cm(cm) {
  // Actual negatives go in the top row,
  // above the probability line
  const actual_negative = cm[0];
  // Predicted negatives go in the first column
  const tn = actual_negative[0];
  // Predicted positives go in the second column
  const fp = actual_negative[1];

  // Actual positives go in the bottow row,
  // below the probability line
  const actual_positive = cm[1];
  // Predicted negatives go in the first column
  const fn = actual_positive[0];
  // Predicted positives go in the second column
  const tp = actual_positive[1];

  return [tn, fp, fn, tp];
}`,
  `function tpr_fpr(cm) {
  const [tn, fp, fn, tp] = split_cm(cm);

  const tpr = tp / (tp + fn);
  const fpr = fp / (fp + tn);

  return [tpr, fpr];
}`,
  `tpr_fpr(cm_thresh50)`,
  `function precision_recall(cm) {
  const [tn, fp, fn, tp] = split_cm(cm);

  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);

  return [precision, recall];
}`,
  `precision_recall(cm_thresh50)`,
  `confusion_matrix(y_val, (probabilities_val >= 0.3))`,
  `confusion_matrix(y_val, (probabilities_val >= 0.7))`,
  `print(sbs.count_parameters());`,
];

describe("Godoy's Deep Learning with PyTorch Step-by-Step, chapters 0-3, as a notebook", () => {
  const nbs = sectionsForSuite("godoy", { godoy: { godoy: [SETUP, ...CH0_1, ...CH2, ...CH21_3] } });
  test("each cell prints and shows what PyTorch 1.13 does", () => {
    // NumPy pads a float32 array's column to its longest shortest-repr, so a value one float32 ulp
    // away (-0.55336076 for -0.5533607) moves the padding: a shown array is compared without it.
    const unpadded = <C extends CellOutput>(cells: C[]) => cells.map((c) => ({ ...c, shown: c.shown?.startsWith("array(") ? c.shown.replace(/ /g, "") : c.shown }));
    expectSameCells(unpadded(cellsOf(nbs.godoy)), unpadded(R.godoy));
  });
  test("each cell shows the UserWarnings PyTorch 1.13 shows (new_tensor's copy-construct advice)", () => {
    const shown = nbs.godoy.cells.map((c) =>
      (c.outputs ?? []).filter((o) => o.output_type === "stream" && o.name === "stderr").flatMap((o) => [...streamText(o).matchAll(/UserWarning: (.*)/g)].map((m) => m[1])),
    );
    expect(shown).toEqual(R.godoy.map((c) => c.warnings));
  });
  test("each cell shows the figures matplotlib shows (the loss curves of plot_losses, plot_resumed_losses and StepByStep.plot_losses)", () => {
    expect(figuresOf(nbs.godoy)).toEqual(asShown(R.godoy.map((c) => c.figures)));
  });
});
