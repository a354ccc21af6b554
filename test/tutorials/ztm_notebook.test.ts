/**
 * Daniel Bourke's "Zero to Mastery: Learn PyTorch for Deep Learning" (mrdbourke/pytorch-deep-learning),
 * notebooks 00 (PyTorch fundamentals), 01 (the PyTorch workflow), 02 (neural network
 * classification), 03 (computer vision) and 04 (custom datasets), ported cell by cell in the notebook dialect a student would write (classes called
 * without `new`, fields assigned in constructors, untyped `forward(x)`, operators on tensors, f-strings
 * as template strings) and run as notebooks through `torchlab run`. What each cell prints and shows
 * must be PyTorch 1.13's (test/reference/gen_ztm.py, ztm.json).
 *
 * Stand-ins: sklearn's make_circles is two seeded noisy circles computed with torch, make_blobs four
 * fixed centres plus seeded noise, train_test_split a seeded randperm split (200 samples, not 1000);
 * the training loops run 100 epochs (300 for model_1 of 01), printing as the course does; FashionMNIST
 * is 64 + 32 seeded random images with seeded labels (TensorDataset), TinyVGG trains 2 epochs; the
 * pizza_steak_sushi download is a folder tree of seeded 64x64 PNGs each side writes with save_image,
 * and ImageFolderCustom reads them with torchvision.io.read_image (the course opens them with PIL).
 * Left out: `torch.__version__` (torchlab has none), float16 cells (tfjs has no float16), %%time
 * cells, CUDA / nvidia-smi cells (the port runs on the CPU: cuda.is_available() is false, as the
 * generator records), matplotlib cells (plot_predictions,
 * plot_decision_boundary, the loss curves, 03's image grids), pandas, the helper_functions.py
 * download, tqdm, timers, torchmetrics / mlxtend (the confusion matrix), 02's model_1 / model_2 (linear
 * models on the circles, the same code as model_0 and 01), 03's model_0 / model_1 (the MLPs: the same
 * train_step code as TinyVGG), `random.sample` of the test set (three fixed indices instead), 04's
 * data download / walk_through_dir / PIL plots, TrivialAugment and TinyVGG training on the folder (the
 * same code as 03), and the exercise notebooks (time).
 * Written differently from the course:
 * - `with torch.inference_mode():` is `torch.inference_mode(() => ...)` returning the block's values.
 * - A variable rebound to another class (`model_0 = nn.Sequential(...)` after `CircleModelV0()`, a
 *   CrossEntropyLoss after a BCEWithLogitsLoss) is declared `nn.Module`: TypeScript keeps the first type.
 * - `next(model.parameters())` is `model.parameters()[0]`; `len(x)` is `x.length`; `int(0.8 * n)` is
 *   Math.floor; `{loss:.5f}` is `${loss.item().toFixed(5)}`. 03's keyword calls are written as in the
 *   course (`accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))` on train_step's untyped parameter,
 *   `torch.optim.SGD(params=..., lr=0.1)`: kernel/keyword_args.ts); the other notebooks' options objects stay.
 * - NumPy arrays: torchlab's `x.numpy()` is `{data, shape, dtype}`, which does not print as NumPy's
 *   `array([...])`, so those cells show the tensor and the array's shape.
 * - The models folder is a temporary directory; the printed path is the file name.
 * - `next(iter(train_dataloader))` is `train_dataloader[Symbol.iterator]().next().value`; a Python
 *   dict printed whole (eval_model's results, class_to_idx) is printed field by field; the ImageFolder's
 *   printed root is shortened to `data` on both sides (a temporary folder); a batch out of a DataLoader
 *   over a user's Dataset is cast `as torch.Tensor[]` (its collated type is a union).
 * Divergences this port found, fixed: `torch.zeros_like(input=x)` (the *_like functions' `input`
 * keyword), `torch.manual_seed(seed=42)`, `torch.random.manual_seed`, `torch.save(obj=..., f=...)` /
 * `torch.load(f=...)`, and an f-string's `{loss}` of a 0-d tensor, which Python formats as the number
 * (Tensor.__format__; the dialect writes `${t}` as `(t).__format__()`), where torchlab printed
 * `tensor(0.3129, grad_fn=<MeanBackward0>)`; and `let [train_loss, train_acc] = [0, 0]` then
 * `train_loss += loss` (Python's `train_loss, train_acc = 0, 0`) did not compile: the dialect widened only
 * a plain `let x = 0` to `any` for the tensor it becomes, now an array pattern too; and fields assigned
 * by destructuring in a constructor (`[this.classes, this.class_to_idx] = find_classes(dir)`, Python's
 * `self.classes, self.class_to_idx = ...`) were not declared, so the class did not compile.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

type Cell = CellOutput;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "ztm.json"), "utf8")) as Record<string, Cell[]>;

const FUNDAMENTALS = [
  `function err(f: () => unknown) {
  try { f(); console.log("no error"); } catch (e) { console.log(\`ERR \${e instanceof torch.RuntimeError ? "RuntimeError" : (e as Error).name}: \${(e as Error).message}\`); }
}`,
  `const scalar = torch.tensor(7);
scalar`,
  `scalar.ndim`,
  `scalar.item()`,
  `const vector = torch.tensor([7, 7]);
vector`,
  `vector.shape`,
  `const MATRIX = torch.tensor([[7, 8],
                             [9, 10]]);
MATRIX`,
  `const TENSOR = torch.tensor([[[1, 2, 3],
                              [3, 6, 9],
                              [2, 4, 5]]]);
TENSOR`,
  `TENSOR.shape`,
  `torch.manual_seed(0);
const random_tensor = torch.rand({size: [3, 4]});
[random_tensor, random_tensor.dtype]`,
  `const random_image_size_tensor = torch.rand({size: [224, 224, 3]});
[random_image_size_tensor.shape, random_image_size_tensor.ndim]`,
  `const zeros = torch.zeros({size: [3, 4]});
[zeros, zeros.dtype]`,
  `const zero_to_ten_deprecated = torch.range(0, 10);
const zero_to_ten = torch.arange({start: 0, end: 10, step: 1});
zero_to_ten`,
  `const ten_zeros = torch.zeros_like({input: zero_to_ten});
ten_zeros`,
  `const float_32_tensor = torch.tensor([3.0, 6.0, 9.0], {dtype: null, device: null, requires_grad: false});
[float_32_tensor.shape, float_32_tensor.dtype, float_32_tensor.device]`,
  `const some_tensor = torch.rand(3, 4);
console.log(some_tensor);
console.log(\`Shape of tensor: \${some_tensor.shape}\`);
console.log(\`Datatype of tensor: \${some_tensor.dtype}\`);
console.log(\`Device tensor is stored on: \${some_tensor.device}\`);`,
  `let tensor = torch.tensor([1, 2, 3]);
tensor + 10`,
  `tensor = tensor - 10;
tensor`,
  `torch.multiply(tensor, 10)`,
  `console.log(tensor, "*", tensor);
console.log("Equals:", tensor * tensor);`,
  `tensor = torch.tensor([1, 2, 3]);
torch.matmul(tensor, tensor)`,
  `tensor @ tensor`,
  `let value = 0;
for (let i = 0; i < tensor.shape[0]; i++) {
  value += tensor[i] * tensor[i];
}
value`,
  `const tensor_A = torch.tensor([[1, 2], [3, 4], [5, 6]], {dtype: torch.float32});
const tensor_B = torch.tensor([[7, 10], [8, 11], [9, 12]], {dtype: torch.float32});
err(() => torch.matmul(tensor_A, tensor_B));`,
  `console.log(tensor_A);
console.log(tensor_B.T);`,
  `console.log(\`Original shapes: tensor_A = \${tensor_A.shape}, tensor_B = \${tensor_B.shape}\\n\`);
const output = torch.matmul(tensor_A, tensor_B.T);
console.log(output);
console.log(\`\\nOutput shape: \${output.shape}\`);`,
  `torch.manual_seed(42);
const linear = torch.nn.Linear({in_features: 2, out_features: 6});
let x = tensor_A;
let output2 = linear(x);
console.log(\`Input shape: \${x.shape}\\n\`);
console.log(\`Output:\\n\${output2}\\n\\nOutput shape: \${output2.shape}\`);`,
  `x = torch.arange(0, 100, 10);
console.log(\`Minimum: \${x.min()}\`);
console.log(\`Mean: \${x.type(torch.float32).mean()}\`);
console.log(\`Sum: \${x.sum()}\`);
err(() => x.mean());`,
  `[torch.max(x), torch.min(x), torch.mean(x.type(torch.float32)), torch.sum(x)]`,
  `tensor = torch.arange(10, 100, 10);
console.log(\`Tensor: \${tensor}\`);
console.log(\`Index where max value occurs: \${tensor.argmax()}\`);`,
  `tensor = torch.arange(10., 100., 10.);
tensor.dtype`,
  `const tensor_int8 = tensor.type(torch.int8);
tensor_int8`,
  `x = torch.arange(1., 8.);
[x, x.shape]`,
  `const x_reshaped = x.reshape(1, 7);
[x_reshaped, x_reshaped.shape]`,
  `const z = x.view(1, 7);
[z, z.shape]`,
  `z[":, 0"] = 5;
[z, x]`,
  `const x_stacked = torch.stack([x, x, x, x], {dim: 0});
x_stacked`,
  `console.log(\`Previous tensor: \${x_reshaped}\`);
console.log(\`Previous shape: \${x_reshaped.shape}\`);
const x_squeezed = x_reshaped.squeeze();
console.log(\`\\nNew tensor: \${x_squeezed}\`);
console.log(\`New shape: \${x_squeezed.shape}\`);`,
  `const x_unsqueezed = x_squeezed.unsqueeze({dim: 0});
console.log(\`\\nNew tensor: \${x_unsqueezed}\`);
console.log(\`New shape: \${x_unsqueezed.shape}\`);`,
  `const x_original = torch.rand({size: [224, 224, 3]});
const x_permuted = x_original.permute(2, 0, 1);
console.log(\`Previous shape: \${x_original.shape}\`);
console.log(\`New shape: \${x_permuted.shape}\`);`,
  `x = torch.arange(1, 10).reshape(1, 3, 3);
[x, x.shape]`,
  `console.log(\`First square bracket:\\n\${x[0]}\`);
console.log(\`Second square bracket: \${x[0][0]}\`);
console.log(\`Third square bracket: \${x[0][0][0]}\`);`,
  `x[":, 0"]`,
  `x[":, :, 1"]`,
  `x[":, 1, 1"]`,
  `x["0, 0, :"]`,
  `let array = torch.arange(1.0, 8.0, {dtype: torch.float64}).numpy();
tensor = torch.from_numpy(array);
tensor`,
  `tensor = torch.ones(7);
const numpy_tensor = tensor.numpy();
tensor = tensor + 1;
[tensor, list(numpy_tensor.shape)]`,
  `torch.manual_seed(1);
const random_tensor_A = torch.rand(3, 4);
const random_tensor_B = torch.rand(3, 4);
console.log(\`Tensor A:\\n\${random_tensor_A}\\n\`);
console.log(\`Does Tensor A equal Tensor B? (anywhere)\`);
random_tensor_A == random_tensor_B`,
  `const RANDOM_SEED = 42;
torch.manual_seed({seed: RANDOM_SEED});
const random_tensor_C = torch.rand(3, 4);
torch.random.manual_seed({seed: RANDOM_SEED});
const random_tensor_D = torch.rand(3, 4);
console.log(\`Tensor C:\\n\${random_tensor_C}\\n\`);
random_tensor_C == random_tensor_D`,
  `torch.cuda.is_available()`,
  `let device = torch.cuda.is_available() ? "cuda" : "cpu";
device`,
  `torch.cuda.device_count()`,
  `torch.backends.mps.is_available()`,
  `tensor = torch.tensor([1, 2, 3]);
console.log(tensor, tensor.device);
const tensor_on_gpu = tensor.to(device);
tensor_on_gpu`,
  `const tensor_back_on_cpu = tensor_on_gpu.cpu().numpy();`,
];

const WORKFLOW = [
  `const weight = 0.7;
const bias = 0.3;
const start = 0;
const end = 1;
const step = 0.02;
const X = torch.arange(start, end, step).unsqueeze({dim: 1});
const y = weight * X + bias;
[X[":10"], y[":10"]]`,
  `const train_split = Math.floor(0.8 * X.length);
let [X_train, y_train] = [X[\`:\${train_split}\`], y[\`:\${train_split}\`]];
let [X_test, y_test] = [X[\`\${train_split}:\`], y[\`\${train_split}:\`]];
[X_train.length, y_train.length, X_test.length, y_test.length]`,
  `class LinearRegressionModel extends nn.Module {
  constructor() {
    super();
    this.weights = nn.Parameter(torch.randn(1, {dtype: torch.float}), {requires_grad: true});
    this.bias = nn.Parameter(torch.randn(1, {dtype: torch.float}), {requires_grad: true});
  }
  forward(x: torch.Tensor): torch.Tensor {
    return this.weights * x + this.bias;
  }
}`,
  `torch.manual_seed(42);
const model_0 = LinearRegressionModel();
[...model_0.parameters()]`,
  `model_0.state_dict()`,
  `let y_preds = torch.inference_mode(() => model_0(X_test));
console.log(\`Number of testing samples: \${X_test.length}\`);
console.log(\`Predicted values:\\n\${y_preds}\`);`,
  `y_test - y_preds`,
  `let loss_fn = nn.L1Loss();
let optimizer = torch.optim.SGD({params: model_0.parameters(), lr: 0.01});`,
  `torch.manual_seed(42);
const epochs = 100;
const train_loss_values = [];
const test_loss_values = [];
const epoch_count = [];
for (let epoch = 0; epoch < epochs; epoch++) {
  model_0.train();
  const y_pred = model_0(X_train);
  const loss = loss_fn(y_pred, y_train);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  model_0.eval();
  torch.inference_mode(() => {
    const test_pred = model_0(X_test);
    const test_loss = loss_fn(test_pred, y_test.type(torch.float));
    if (epoch % 10 == 0) {
      epoch_count.push(epoch);
      train_loss_values.push(loss.detach().numpy());
      test_loss_values.push(test_loss.detach().numpy());
      console.log(\`Epoch: \${epoch} | MAE Train Loss: \${loss} | MAE Test Loss: \${test_loss} \`);
    }
  });
}`,
  `console.log("The model learned the following values for weights and bias:");
console.log(model_0.state_dict());
console.log(\`weights: \${weight}, bias: \${bias}\`);`,
  `model_0.eval();
torch.inference_mode(() => {
  y_preds = model_0(X_test);
});
y_preds`,
  `const MODEL_PATH = require("fs").mkdtempSync(require("path").join(require("os").tmpdir(), "models-"));
const MODEL_NAME = "01_pytorch_workflow_model_0.pth";
const MODEL_SAVE_PATH = \`\${MODEL_PATH}/\${MODEL_NAME}\`;
console.log(\`Saving model to: \${MODEL_NAME}\`);
torch.save({obj: model_0.state_dict(), f: MODEL_SAVE_PATH});`,
  `const loaded_model_0 = LinearRegressionModel();
loaded_model_0.load_state_dict(torch.load({f: MODEL_SAVE_PATH}))`,
  `loaded_model_0.eval();
let loaded_model_preds;
torch.inference_mode(() => {
  loaded_model_preds = loaded_model_0(X_test);
});
y_preds == loaded_model_preds`,
  `class LinearRegressionModelV2 extends nn.Module {
  constructor() {
    super();
    this.linear_layer = nn.Linear({in_features: 1, out_features: 1});
  }
  forward(x: torch.Tensor): torch.Tensor {
    return this.linear_layer(x);
  }
}
torch.manual_seed(42);
const model_1 = LinearRegressionModelV2();
[model_1, model_1.state_dict()]`,
  `model_1.parameters()[0].device`,
  `let device = torch.cuda.is_available() ? "cuda" : "cpu";
model_1.to(device);
console.log(model_1);`,
  `loss_fn = nn.L1Loss();
optimizer = torch.optim.SGD({params: model_1.parameters(), lr: 0.01});`,
  `torch.manual_seed(42);
const epochs_1 = 300;
X_train = X_train.to(device);
X_test = X_test.to(device);
y_train = y_train.to(device);
y_test = y_test.to(device);
for (let epoch = 0; epoch < epochs_1; epoch++) {
  model_1.train();
  const y_pred = model_1(X_train);
  const loss = loss_fn(y_pred, y_train);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  model_1.eval();
  const test_loss = torch.inference_mode(() => {
    const test_pred = model_1(X_test);
    return loss_fn(test_pred, y_test);
  });
  if (epoch % 100 == 0) {
    console.log(\`Epoch: \${epoch} | Train loss: \${loss} | Test loss: \${test_loss}\`);
  }
}`,
  `console.log("The model learned the following values for weights and bias:");
console.log(model_1.state_dict());
console.log(\`weights: \${weight}, bias: \${bias}\`);`,
  `model_1.eval();
y_preds = torch.inference_mode(() => model_1(X_test));
y_preds`,
  `const MODEL_SAVE_PATH_1 = \`\${MODEL_PATH}/01_pytorch_workflow_model_1.pth\`;
torch.save({obj: model_1.state_dict(), f: MODEL_SAVE_PATH_1});
const loaded_model_1 = LinearRegressionModelV2();
loaded_model_1.load_state_dict(torch.load(MODEL_SAVE_PATH_1));
loaded_model_1.to(device);
console.log(\`Loaded model:\\n\${loaded_model_1}\`);
console.log(\`Model on device:\\n\${loaded_model_1.parameters()[0].device}\`);`,
  `loaded_model_1.eval();
const loaded_model_1_preds = torch.inference_mode(() => loaded_model_1(X_test));
y_preds == loaded_model_1_preds
`,
];

const CLASSIFICATION = [
  `const n_samples = 200;
torch.manual_seed(42);
const angle = torch.rand(n_samples) * 2 * Math.PI;
let y = (torch.arange(n_samples) % 2).type(torch.float);
const radius = 1 - 0.2 * y;
let X = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], {dim: 1}) + 0.03 * torch.randn(n_samples, 2);
console.log(\`First 5 X features:\\n\${X[":5"]}\`);
console.log(\`\\nFirst 5 y labels:\\n\${y[":5"]}\`);`,
  `[X.shape, y.shape]`,
  `const X_sample = X[0];
const y_sample = y[0];
console.log(\`Values for one sample of X: \${X_sample} and the same for y: \${y_sample}\`);
console.log(\`Shapes for one sample of X: \${X_sample.shape} and the same for y: \${y_sample.shape}\`);`,
  `const perm = torch.randperm(n_samples);
const n_test = Math.floor(0.2 * n_samples);
let [X_train, X_test, y_train, y_test] = [X[perm[\`\${n_test}:\`]], X[perm[\`:\${n_test}\`]], y[perm[\`\${n_test}:\`]], y[perm[\`:\${n_test}\`]]];
[X_train.length, X_test.length, y_train.length, y_test.length]`,
  `const device = torch.cuda.is_available() ? "cuda" : "cpu";
device`,
  `class CircleModelV0 extends nn.Module {
  constructor() {
    super();
    this.layer_1 = nn.Linear({in_features: 2, out_features: 5});
    this.layer_2 = nn.Linear({in_features: 5, out_features: 1});
  }
  forward(x) {
    return this.layer_2(this.layer_1(x));
  }
}
torch.manual_seed(42);
let model_0: nn.Module = CircleModelV0().to(device);
model_0`,
  `torch.manual_seed(42);
model_0 = nn.Sequential(
  nn.Linear({in_features: 2, out_features: 5}),
  nn.Linear({in_features: 5, out_features: 1}),
).to(device);
model_0`,
  `const untrained_preds = model_0(X_test.to(device));
console.log(\`Length of predictions: \${untrained_preds.length}, Shape: \${untrained_preds.shape}\`);
console.log(\`Length of test samples: \${y_test.length}, Shape: \${y_test.shape}\`);
console.log(\`\\nFirst 10 predictions:\\n\${untrained_preds[":10"]}\`);
console.log(\`\\nFirst 10 test labels:\\n\${y_test[":10"]}\`);`,
  `let loss_fn: nn.Module = nn.BCEWithLogitsLoss();
let optimizer = torch.optim.SGD({params: model_0.parameters(), lr: 0.1});`,
  `function accuracy_fn(y_true, y_pred) {
  const correct = torch.eq(y_true, y_pred).sum().item();
  const acc = (correct / y_pred.length) * 100;
  return acc;
}`,
  `let y_logits = model_0(X_test.to(device))[":5"];
y_logits`,
  `const y_pred_probs = torch.sigmoid(y_logits);
y_pred_probs`,
  `let y_preds = torch.round(y_pred_probs);
const y_pred_labels = torch.round(torch.sigmoid(model_0(X_test.to(device))[":5"]));
console.log(torch.eq(y_preds.squeeze(), y_pred_labels.squeeze()));
y_preds.squeeze()`,
  `y_test[":5"]`,
  `torch.manual_seed(42);
let epochs = 100;
[X_train, y_train] = [X_train.to(device), y_train.to(device)];
[X_test, y_test] = [X_test.to(device), y_test.to(device)];
for (let epoch = 0; epoch < epochs; epoch++) {
  model_0.train();
  const y_logits = model_0(X_train).squeeze();
  const y_pred = torch.round(torch.sigmoid(y_logits));
  const loss = loss_fn(y_logits, y_train);
  const acc = accuracy_fn(y_train, y_pred);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  model_0.eval();
  const [test_loss, test_acc] = torch.inference_mode(() => {
    const test_logits = model_0(X_test).squeeze();
    const test_pred = torch.round(torch.sigmoid(test_logits));
    return [loss_fn(test_logits, y_test), accuracy_fn(y_test, test_pred)];
  });
  if (epoch % 10 == 0) {
    console.log(\`Epoch: \${epoch} | Loss: \${loss.item().toFixed(5)}, Accuracy: \${acc.toFixed(2)}% | Test loss: \${test_loss.item().toFixed(5)}, Test acc: \${test_acc.toFixed(2)}%\`);
  }
}`,
  `class CircleModelV2 extends nn.Module {
  constructor() {
    super();
    this.layer_1 = nn.Linear({in_features: 2, out_features: 10});
    this.layer_2 = nn.Linear({in_features: 10, out_features: 10});
    this.layer_3 = nn.Linear({in_features: 10, out_features: 1});
    this.relu = nn.ReLU();
  }
  forward(x) {
    return this.layer_3(this.relu(this.layer_2(this.relu(this.layer_1(x)))));
  }
}
torch.manual_seed(42);
const model_3 = CircleModelV2().to(device);
console.log(model_3);`,
  `loss_fn = nn.BCEWithLogitsLoss();
optimizer = torch.optim.SGD(model_3.parameters(), {lr: 0.1});`,
  `torch.manual_seed(42);
for (let epoch = 0; epoch < epochs; epoch++) {
  const y_logits = model_3(X_train).squeeze();
  const y_pred = torch.round(torch.sigmoid(y_logits));
  const loss = loss_fn(y_logits, y_train);
  const acc = accuracy_fn(y_train, y_pred);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  model_3.eval();
  const [test_loss, test_acc] = torch.inference_mode(() => {
    const test_logits = model_3(X_test).squeeze();
    const test_pred = torch.round(torch.sigmoid(test_logits));
    return [loss_fn(test_logits, y_test), accuracy_fn(y_test, test_pred)];
  });
  if (epoch % 20 == 0) {
    console.log(\`Epoch: \${epoch} | Loss: \${loss.item().toFixed(5)}, Accuracy: \${acc.toFixed(2)}% | Test Loss: \${test_loss.item().toFixed(5)}, Test Accuracy: \${test_acc.toFixed(2)}%\`);
  }
}`,
  `model_3.eval();
y_preds = torch.inference_mode(() => torch.round(torch.sigmoid(model_3(X_test))).squeeze());
[y_preds[":10"], y[":10"]]`,
  `const A = torch.arange(-10, 10, 1, {dtype: torch.float32});
A`,
  `function relu(x) {
  return torch.maximum(torch.tensor(0), x);
}
relu(A)`,
  `function sigmoid(x) {
  return 1 / (1 + torch.exp(-x));
}
sigmoid(A)`,
  `const NUM_CLASSES = 4;
const NUM_FEATURES = 2;
const RANDOM_SEED = 42;
torch.manual_seed(RANDOM_SEED);
const centers = torch.tensor([[-2.5, 9.0], [4.5, 2.0], [-7.0, -7.0], [-9.0, 7.5]]);
const y_blob = torch.randint(0, NUM_CLASSES, [200]).type(torch.LongTensor);
const X_blob = (centers[y_blob] + 1.5 * torch.randn(200, NUM_FEATURES)).type(torch.float);
console.log(X_blob[":5"], y_blob[":5"]);
const blob_perm = torch.randperm(200);
let [X_blob_train, X_blob_test, y_blob_train, y_blob_test] = [X_blob[blob_perm["40:"]], X_blob[blob_perm[":40"]], y_blob[blob_perm["40:"]], y_blob[blob_perm[":40"]]];`,
  `class BlobModel extends nn.Module {
  constructor(input_features, output_features, hidden_units = 8) {
    super();
    this.linear_layer_stack = nn.Sequential(
      nn.Linear({in_features: input_features, out_features: hidden_units}),
      nn.Linear({in_features: hidden_units, out_features: hidden_units}),
      nn.Linear({in_features: hidden_units, out_features: output_features}),
    );
  }
  forward(x) {
    return this.linear_layer_stack(x);
  }
}
torch.manual_seed(42);
const model_4 = BlobModel(NUM_FEATURES, NUM_CLASSES, 8).to(device);
model_4`,
  `loss_fn = nn.CrossEntropyLoss();
optimizer = torch.optim.SGD(model_4.parameters(), {lr: 0.1});`,
  `model_4(X_blob_train.to(device))[":5"]`,
  `[model_4(X_blob_train.to(device))[0].shape, NUM_CLASSES]`,
  `y_logits = model_4(X_blob_test.to(device));
let y_pred_probs_4 = torch.softmax(y_logits, {dim: 1});
console.log(y_logits[":5"]);
console.log(y_pred_probs_4[":5"]);`,
  `torch.sum(y_pred_probs_4[0])`,
  `console.log(y_pred_probs_4[0]);
console.log(torch.argmax(y_pred_probs_4[0]));`,
  `torch.manual_seed(42);
epochs = 100;
for (let epoch = 0; epoch < epochs; epoch++) {
  model_4.train();
  const y_logits = model_4(X_blob_train);
  const y_pred = torch.softmax(y_logits, {dim: 1}).argmax({dim: 1});
  const loss = loss_fn(y_logits, y_blob_train);
  const acc = accuracy_fn(y_blob_train, y_pred);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  model_4.eval();
  const [test_loss, test_acc] = torch.inference_mode(() => {
    const test_logits = model_4(X_blob_test);
    const test_pred = torch.softmax(test_logits, {dim: 1}).argmax({dim: 1});
    return [loss_fn(test_logits, y_blob_test), accuracy_fn(y_blob_test, test_pred)];
  });
  if (epoch % 10 == 0) {
    console.log(\`Epoch: \${epoch} | Loss: \${loss.item().toFixed(5)}, Acc: \${acc.toFixed(2)}% | Test Loss: \${test_loss.item().toFixed(5)}, Test Acc: \${test_acc.toFixed(2)}%\`);
  }
}`,
  `model_4.eval();
y_logits = torch.inference_mode(() => model_4(X_blob_test));
y_logits[":10"]`,
  `const y_pred_probs_b = torch.softmax(y_logits, {dim: 1});
const y_preds_b = y_pred_probs_b.argmax({dim: 1});
console.log(\`Predictions: \${y_preds_b[":10"]}\\nLabels: \${y_blob_test[":10"]}\`);
console.log(\`Test accuracy: \${accuracy_fn(y_blob_test, y_preds_b)}%\`);
`,
];

const VISION = [
  `const class_names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
torch.manual_seed(0);
const train_data = torch.utils.data.TensorDataset(torch.rand(64, 1, 28, 28), torch.randint(0, 10, [64]));
const test_data = torch.utils.data.TensorDataset(torch.rand(32, 1, 28, 28), torch.randint(0, 10, [32]));
const [image, label] = train_data[0];
console.log(\`Image shape: \${image.shape} -> [color_channels, height, width]\`);
console.log(\`Image label: \${class_names[label.item()]}\`);
[train_data.length, test_data.length]`,
  `const BATCH_SIZE = 32;
torch.manual_seed(42);
const train_dataloader = torch.utils.data.DataLoader(train_data, {batch_size: BATCH_SIZE, shuffle: true});
const test_dataloader = torch.utils.data.DataLoader(test_data, {batch_size: BATCH_SIZE, shuffle: false});
console.log(\`Length of train dataloader: \${train_dataloader.length} batches of \${BATCH_SIZE}\`);
console.log(\`Length of test dataloader: \${test_dataloader.length} batches of \${BATCH_SIZE}\`);`,
  `const [train_features_batch, train_labels_batch] = train_dataloader[Symbol.iterator]().next().value;
[train_features_batch.shape, train_labels_batch.shape, train_labels_batch[":8"]]`,
  `const flatten_model = nn.Flatten();
const x = train_features_batch[0];
const output = flatten_model(x);
console.log(\`Shape before flattening: \${x.shape} -> [color_channels, height, width]\`);
console.log(\`Shape after flattening: \${output.shape} -> [color_channels, height*width]\`);`,
  `class FashionMNISTModelV2 extends nn.Module {
  constructor(input_shape: number, hidden_units: number, output_shape: number) {
    super();
    this.block_1 = nn.Sequential(
      nn.Conv2d({in_channels: input_shape, out_channels: hidden_units, kernel_size: 3, stride: 1, padding: 1}),
      nn.ReLU(),
      nn.Conv2d({in_channels: hidden_units, out_channels: hidden_units, kernel_size: 3, stride: 1, padding: 1}),
      nn.ReLU(),
      nn.MaxPool2d({kernel_size: 2, stride: 2}),
    );
    this.block_2 = nn.Sequential(
      nn.Conv2d(hidden_units, hidden_units, 3, {padding: 1}),
      nn.ReLU(),
      nn.Conv2d(hidden_units, hidden_units, 3, {padding: 1}),
      nn.ReLU(),
      nn.MaxPool2d(2),
    );
    this.classifier = nn.Sequential(
      nn.Flatten(),
      nn.Linear({in_features: hidden_units * 7 * 7, out_features: output_shape}),
    );
  }
  forward(x: torch.Tensor) {
    x = this.block_1(x);
    x = this.block_2(x);
    x = this.classifier(x);
    return x;
  }
}
torch.manual_seed(42);
const model_2 = FashionMNISTModelV2(1, 10, class_names.length);
model_2`,
  `torch.manual_seed(42);
const images = torch.randn({size: [32, 3, 64, 64]});
const test_image = images[0];
console.log(\`Image batch shape: \${images.shape} -> [batch_size, color_channels, height, width]\`);
console.log(\`Single image shape: \${test_image.shape} -> [color_channels, height, width]\`);`,
  `torch.manual_seed(42);
const conv_layer = nn.Conv2d({in_channels: 3, out_channels: 10, kernel_size: 3, stride: 1, padding: 0});
conv_layer(test_image)[":2, :2, :4"]`,
  `conv_layer(test_image.unsqueeze({dim: 0})).shape`,
  `torch.manual_seed(42);
const conv_layer_2 = nn.Conv2d({in_channels: 3, out_channels: 10, kernel_size: [5, 5], stride: 2, padding: 0});
conv_layer_2(test_image.unsqueeze({dim: 0})).shape`,
  `console.log(\`conv_layer_2 weight shape: \\n\${conv_layer_2.weight.shape} -> [out_channels=10, in_channels=3, kernel_size=5, kernel_size=5]\`);
console.log(\`\\nconv_layer_2 bias shape: \\n\${conv_layer_2.bias.shape} -> [out_channels=10]\`);
console.log(conv_layer_2.state_dict()["bias"]);`,
  `const max_pool_layer = nn.MaxPool2d({kernel_size: 2});
const test_image_through_conv = conv_layer(test_image.unsqueeze({dim: 0}));
console.log(\`Shape after going through conv_layer(): \${test_image_through_conv.shape}\`);
const test_image_through_conv_and_max_pool = max_pool_layer(test_image_through_conv);
console.log(\`Shape after going through conv_layer() and max_pool_layer(): \${test_image_through_conv_and_max_pool.shape}\`);`,
  `torch.manual_seed(42);
const random_tensor = torch.randn({size: [1, 1, 2, 2]});
console.log(\`Random tensor:\\n\${random_tensor}\`);
const max_pool_tensor = nn.MaxPool2d({kernel_size: 2})(random_tensor);
console.log(\`\\nMax pool tensor:\\n\${max_pool_tensor} <- this is the maximum value from random_tensor\`);
console.log(\`Max pool tensor shape: \${max_pool_tensor.shape}\`);`,
  `function accuracy_fn(y_true, y_pred) {
  const correct = torch.eq(y_true, y_pred).sum().item();
  return (correct / y_pred.length) * 100;
}
const device = "cpu";
function train_step(model, data_loader, loss_fn, optimizer, accuracy_fn, device = "cpu") {
  let [train_loss, train_acc] = [0, 0];
  model.to(device);
  for (let [X, y] of data_loader) {
    [X, y] = [X.to(device), y.to(device)];
    const y_pred = model(X);
    const loss = loss_fn(y_pred, y);
    train_loss += loss;
    train_acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1));
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
  }
  train_loss /= data_loader.length;
  train_acc /= data_loader.length;
  console.log(\`Train loss: \${train_loss.item().toFixed(5)} | Train accuracy: \${train_acc.toFixed(2)}%\`);
}
function test_step(data_loader, model, loss_fn, accuracy_fn, device = "cpu") {
  let [test_loss, test_acc] = [0, 0];
  model.to(device);
  model.eval();
  torch.inference_mode(() => {
    for (let [X, y] of data_loader) {
      [X, y] = [X.to(device), y.to(device)];
      const test_pred = model(X);
      test_loss += loss_fn(test_pred, y);
      test_acc += accuracy_fn(y_true=y, y_pred=test_pred.argmax(dim=1));
    }
    test_loss /= data_loader.length;
    test_acc /= data_loader.length;
    console.log(\`Test loss: \${test_loss.item().toFixed(5)} | Test accuracy: \${test_acc.toFixed(2)}%\\n\`);
  });
}`,
  `const loss_fn = nn.CrossEntropyLoss();
const optimizer = torch.optim.SGD(params=model_2.parameters(), lr=0.1);`,
  `torch.manual_seed(42);
const epochs = 2;
for (let epoch = 0; epoch < epochs; epoch++) {
  console.log(\`Epoch: \${epoch}\\n---------\`);
  train_step(model_2, train_dataloader, loss_fn, optimizer, accuracy_fn, device);
  test_step(test_dataloader, model_2, loss_fn, accuracy_fn, device);
}`,
  `function eval_model(model, data_loader, loss_fn, accuracy_fn, device = "cpu") {
  let [loss, acc] = [0, 0];
  model.eval();
  torch.inference_mode(() => {
    for (let [X, y] of data_loader) {
      const y_pred = model(X.to(device));
      loss += loss_fn(y_pred, y.to(device));
      acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1));
    }
    loss /= data_loader.length;
    acc /= data_loader.length;
  });
  return {model_name: model.constructor.name, model_loss: loss.item(), model_acc: acc};
}
const model_2_results = eval_model(model_2, test_dataloader, loss_fn, accuracy_fn);
console.log(model_2_results.model_name, model_2_results.model_loss, model_2_results.model_acc);`,
  `function make_predictions(model, data, device = "cpu") {
  const pred_probs = [];
  model.eval();
  torch.inference_mode(() => {
    for (let sample of data) {
      sample = torch.unsqueeze(sample, {dim: 0}).to(device);
      const pred_logit = model(sample);
      const pred_prob = torch.softmax(pred_logit.squeeze(), {dim: 0});
      pred_probs.push(pred_prob.cpu());
    }
  });
  return torch.stack(pred_probs);
}
const test_samples = [];
const test_labels = [];
for (const i of [3, 17, 8]) {
  const [sample, label] = test_data[i];
  test_samples.push(sample);
  test_labels.push(label);
}
const pred_probs = make_predictions(model_2, test_samples);
pred_probs[":2"]`,
  `const pred_classes = pred_probs.argmax({dim: 1});
pred_classes`,
  `const MODEL_SAVE_PATH = require("path").join(require("fs").mkdtempSync(require("path").join(require("os").tmpdir(), "models-")), "03_pytorch_computer_vision_model_2.pth");
torch.save({obj: model_2.state_dict(), f: MODEL_SAVE_PATH});
let loaded_model_2 = FashionMNISTModelV2(1, 10, 10);
loaded_model_2.load_state_dict(torch.load({f: MODEL_SAVE_PATH}));
loaded_model_2 = loaded_model_2.to(device);
torch.manual_seed(42);
const loaded_model_2_results = eval_model(loaded_model_2, test_dataloader, loss_fn, accuracy_fn);
torch.isclose(torch.tensor(model_2_results.model_loss), torch.tensor(loaded_model_2_results.model_loss), {atol: 1e-08, rtol: 0.0001})
`,
];

const CUSTOM_DATASETS = [
  `const fs = require("fs");
const path = require("path");
const data_path = fs.mkdtempSync(path.join(require("os").tmpdir(), "pizza_steak_sushi-"));
const image_path = path.join(data_path, "pizza_steak_sushi");
torch.manual_seed(0);
for (const split of ["train", "test"]) {
  for (const [c, name] of ["pizza", "steak", "sushi"].entries()) {
    fs.mkdirSync(path.join(image_path, split, name), {recursive: true});
    for (let k = 0; k < (split == "train" ? 4 : 2); k++) {
      const img = torch.rand(3, 64, 64) * 0.5;
      img[c] += 0.5;
      torchvision.utils.save_image(img, path.join(image_path, split, name, \`\${k}.png\`));
    }
  }
}
const train_dir = path.join(image_path, "train");
const test_dir = path.join(image_path, "test");`,
  `const data_transform = transforms.Compose([
  transforms.Resize({size: [64, 64]}),
  transforms.RandomHorizontalFlip({p: 0.5}),
  transforms.ToTensor(),
]);
const train_data = torchvision.datasets.ImageFolder({root: train_dir, transform: data_transform, target_transform: null});
const test_data = torchvision.datasets.ImageFolder({root: test_dir, transform: data_transform});
console.log(\`Train data:\\n\${train_data}\\nTest data:\\n\${test_data}\`.replaceAll(data_path, "data"));`,
  `const class_names = train_data.classes;
class_names`,
  `const class_dict = train_data.class_to_idx;
console.log(class_dict["pizza"], class_dict["steak"], class_dict["sushi"]);`,
  `[train_data.length, test_data.length]`,
  `torch.manual_seed(42);
const [img, label] = train_data[0];
console.log(\`Image tensor:\\n\${img[":, :2, :4"]}\`);
console.log(\`Image shape: \${img.shape}\`);
console.log(\`Image datatype: \${img.dtype}\`);
console.log(\`Image label: \${label}\`);`,
  `const img_permute = img.permute(1, 2, 0);
console.log(\`Original shape: \${img.shape} -> [color_channels, height, width]\`);
console.log(\`Image permute shape: \${img_permute.shape} -> [height, width, color_channels]\`);`,
  `function find_classes(directory) {
  const classes = fs.readdirSync(directory, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  if (!classes.length) throw new Error(\`Couldn't find any classes in \${directory}.\`);
  const class_to_idx = Object.fromEntries(classes.map((cls_name, i) => [cls_name, i]));
  return [classes, class_to_idx];
}
find_classes(train_dir)[0]`,
  `class ImageFolderCustom extends torch.utils.data.Dataset {
  constructor(targ_dir, transform = null) {
    super();
    this.paths = find_classes(targ_dir)[0].flatMap((c) => fs.readdirSync(path.join(targ_dir, c)).sort().map((f) => path.join(targ_dir, c, f)));
    this.transform = transform;
    [this.classes, this.class_to_idx] = find_classes(targ_dir);
  }
  load_image(index) {
    return torchvision.io.read_image(this.paths[index]);
  }
  __len__() {
    return this.paths.length;
  }
  __getitem__(index) {
    const img = this.load_image(index);
    const class_name = path.basename(path.dirname(this.paths[index]));
    const class_idx = this.class_to_idx[class_name];
    if (this.transform) return [this.transform(img), class_idx];
    return [img, class_idx];
  }
}
const train_data_custom = ImageFolderCustom(train_dir, transforms.RandomHorizontalFlip({p: 0.5}));
[train_data_custom.length, train_data_custom.classes]`,
  `torch.manual_seed(42);
const [img_c, label_c] = train_data_custom[5];
[img_c.shape, img_c.dtype, label_c, img_c["0, 0, :6"]]`,
  `torch.manual_seed(42);
const train_dataloader_custom = torch.utils.data.DataLoader(train_data_custom, {batch_size: 4, shuffle: true});
const [img_b, label_b] = train_dataloader_custom[Symbol.iterator]().next().value as torch.Tensor[];
console.log(\`Image shape: \${img_b.shape} -> [batch_size, color_channels, height, width]\`);
console.log(\`Label shape: \${label_b.shape}\`);
label_b
`,
];

describe("Zero to Mastery PyTorch notebooks 00-04 as notebooks through `torchlab run`", () => {
  const nbs = sectionsForSuite("ztm", { ztm: { fundamentals: FUNDAMENTALS, workflow: WORKFLOW, classification: CLASSIFICATION, vision: VISION, custom_datasets: CUSTOM_DATASETS } });

  test("00 fundamentals: creation, dtypes, arithmetic, matmul and its shape error, aggregation, reshape / view / stack / squeeze / permute, indexing, seeds", () => {
    expectSameCells(cellsOf(nbs.fundamentals), R.fundamentals);
  });

  test("01 workflow: a hand-made nn.Parameter regression, L1Loss + SGD for 100 epochs, state_dict save / load, then nn.Linear for 300", () => {
    expectSameCells(cellsOf(nbs.workflow), R.workflow);
  });

  test("02 classification: BCEWithLogitsLoss on the circles, accuracy_fn with torch.eq, a ReLU model, relu / sigmoid by hand, a 4-class blob model with CrossEntropyLoss", () => {
    expectSameCells(cellsOf(nbs.classification), R.classification);
  });

  test("03 computer vision: TensorDataset / DataLoader (seeded shuffle), nn.Flatten, TinyVGG, an unbatched conv input, train_step / test_step / eval_model for 2 epochs, make_predictions, save / load / isclose", () => {
    expectSameCells(cellsOf(nbs.vision), R.vision);
  });

  test("04 custom datasets: a generated pizza / steak / sushi folder tree, ImageFolder with Resize / RandomHorizontalFlip / ToTensor, find_classes and an ImageFolderCustom Dataset by hand, a shuffled DataLoader over it", () => {
    expectSameCells(cellsOf(nbs.custom_datasets), R.custom_datasets);
  });
});
