/**
 * Jovian's "Deep Learning with PyTorch: Zero to GANs" (Aakash N S) lesson notebooks, ported cell by cell
 * in the notebook dialect and run as one notebook through `torchlab run`: lesson 1 (PyTorch basics,
 * gradient descent and linear regression from scratch, then nn.Linear / TensorDataset / DataLoader /
 * fit), lesson 2 (working with images and logistic regression on MNIST: MnistModel with
 * training_step / validation_step / validation_epoch_end / epoch_end, evaluate, fit returning the
 * history, predict_image, torch.save / load_state_dict) and lesson 3 (feed-forward nets "on a GPU":
 * layers by hand, get_default_device, to_device, the DeviceDataLoader class), then lesson 5's training
 * machinery (ImageClassificationBase, `@torch.no_grad()` evaluate, get_lr reading param_groups,
 * fit_one_cycle with Adam, weight_decay, OneCycleLR over `len(train_loader)` steps per epoch,
 * clip_grad_value_, the recorded lrs) on lesson 3's DeviceDataLoaders; then (cells in
 * _zero_to_gans_cells.ts) lesson 4 (a CNN on CIFAR10: ImageFolder, random_split after manual_seed(42),
 * apply_kernel by hand, ImageClassificationBase, Cifar10CnnModel, fit with Adam, predict_image, torch.save
 * and a second model's load_state_dict), lesson 5 (ResNet9: RandomCrop with reflect padding,
 * RandomHorizontalFlip, Normalize(*stats, inplace=True), denormalize, SimpleResidualBlock, conv_block,
 * the residual adds, fit_one_cycle) and lesson 6 (the anime-faces DCGAN: Resize / CenterCrop /
 * Normalize, denorm, the discriminator and generator, train_discriminator / train_generator, save_samples
 * through save_image, fit with Adam(betas=(0.5, 0.999)), the saved state_dicts, and the saved sample
 * PNGs read back with torchvision.io.read_image and compared pixel by pixel). What each cell prints and
 * shows must be PyTorch 1.13's (test/reference/gen_zero_to_gans.py runs the same cells as IPython does,
 * zero_to_gans.json).
 *
 * Stand-ins: MNIST is written by the logistic section's first cell (not a course cell) in
 * torchvision's layout, data/MNIST/raw/*-ubyte in a temporary folder that becomes the working
 * directory: 600 training and 200 test images of seeded noise with a bright band of rows at the
 * label's place; both sides then read it with `MNIST(root='data/')`. Shrunk: random_split is
 * [500, 100] (the course's [50000, 10000]); lesson 3's val_size 100; lesson 5's model is a small
 * nn.Sequential (Flatten, Linear, ReLU(inplace=True), Dropout, Linear) on the MNIST stand-in instead of
 * ResNet9 on CIFAR10, trained 3 epochs. The NumPy arrays of lesson 1 are the prelude's
 * `np.array(rows, dtype='float32')` (src/numpy), as the course writes them.
 * Drawn with the prelude's plt and compared with matplotlib's figures (repr, lines, title): lessons 2
 * and 3's accuracy and loss curves.
 * Left out: the other matplotlib cells (plt.imshow of the digits; lesson 3's image grid is shown by
 * make_grid's shape), `dataset[0]` shown whole (IPython shows a PIL image at a
 * memory address), %%time, `num_workers=4, pin_memory=True` (the DataLoaders' order does not depend on
 * them), the jovian.commit cells, lessons 4-6's download / extract cells, show_batch / show_images /
 * plot_losses / plot_scores (matplotlib: a batch's pixels and make_grid's shape are printed instead),
 * save_samples' `if show:` imshow (it prints make_grid's shape), tqdm, the `del simple_resnet, images,
 * labels` line and the FileLink / IPython Image cells (the saved PNGs are read back instead).
 * Lessons 4-6's stand-ins and shrinking (the same on both sides): CIFAR10 is written by lesson 4's first
 * cell (not a course cell) as data/cifar10/{train,test}/<class>/NNNN.png, 4 training and 1 test 32x32
 * PNG per class (seeded noise with a coloured band of rows at the class's place, torchvision.io's
 * write_png) in a temporary folder that lesson 5 reuses; the anime faces are 32 seeded 40x40 PNGs (a
 * bright disc over noise) in animefacedataset/images, so Resize(32) really resamples. val_size is 10,
 * batch_size 16; the CNN's and ResNet9's channel counts are divided by 8 (Cifar10CnnModel 4-8-16-16-32-32
 * with Linear(512, 128), Linear(128, 64); ResNet9 8-16-32-64), the CNN trains 3 epochs; ResNet9 trains 1
 * epoch of fit_one_cycle (after one epoch the run is chaotic: multiplying PyTorch's own initial weights
 * by 1 + 1e-6 noise moves its second epoch's train_loss from 2.875 to 2.949, so no float32 engine can
 * be held to PyTorch's digits there); the GAN is 32x32 (image_size 32, one stride-2 block fewer on each
 * side), latent_size 16, channels 16-32-64 (the course's 64-128-256-512), 3 epochs of 2 batches.
 * os.listdir's order is the file system's, so the port and the generator print `sorted(...)` of it.
 * Written differently from the course:
 * - A tuple shown as a cell's value (`len(train_ds), len(val_ds)`) is `tuple([len(train_ds), len(val_ds)])`.
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `self(images)` is `this.forward(images)`;
 *   a list comprehension is `.map(...)` (over `list(val_loader)`), `history.append` is push,
 *   `[result0] + history1 + ...` is a spread, `history += fit(...)` is `history = history.concat(fit(...))`;
 *   `'...{:.4f}'.format(x)` is an f-string; a generator function (`yield`) is `function*`, and a
 *   method that yields is `*__iter__()`; `isinstance(data, (list, tuple))` is `data instanceof Array`.
 * - In ImageClassificationBase (which has no forward of its own) `out = self(images)` is
 *   `this.forward(images) as torch.Tensor`; `@torch.no_grad()` above evaluate is
 *   `const evaluate = torch.no_grad()((model: any, val_loader: any) => ...)` (the decorator's generic
 *   types untyped parameters `unknown`).
 * - A dict the course shows as a cell's value (result0, evaluate's result, history) is print()ed, as
 *   Python's dict: the kernel shows a plain object as Node writes it (`{ val_loss: 2.3 }`).
 * - lesson 1's `inputs = np.array(...)`, later `inputs = torch.from_numpy(inputs)`, is declared
 *   `let inputs: any` (a value read by its own rebinding to another type keeps the first type, below);
 *   `model = nn.Linear(3, 2)` after `def model(x)` is `let model = ...` (a function declaration cannot be
 *   assigned to); `image, label = ...` again is `let [img, label] = ...` again.
 * - lessons 4-6: `os.listdir` is `fs.readdirSync`, `os.makedirs(d, exist_ok=True)` is
 *   `fs.mkdirSync(d, {recursive: true})`, `os.path.join` is path.join; a Python cell whose last line ends
 *   in `;` (`torch.manual_seed(random_seed);`, `to_device(model, device);`) shows nothing: in TypeScript
 *   every statement ends in `;`, so those lines are written `void ...`; `stats = ((...), (...))` spread as
 *   `*stats` is declared `const stats: [number[], number[]]` (TypeScript spreads only a tuple type into
 *   fixed parameters); conv_block's `layers = [Conv2d, BatchNorm2d, ReLU]` is `const layers: nn.Module[]`
 *   (TypeScript types the literal as the union of its three classes and refuses `push(nn.MaxPool2d(2))`);
 *   `layers.append(...)` is push, `nn.Sequential(*layers)` is `nn.Sequential(...layers)`,
 *   `x.get('lrs', [])` is `x['lrs'] ?? []`, `return a, b, c` returns an array.
 * Divergences this port found, fixed:
 * - fit / fit_one_cycle's `opt_func=torch.optim.SGD` typed the parameter `typeof SGD`, so passing
 *   `torch.optim.Adam` did not compile and `opt_func(model.parameters(), lr)` called a class: a
 *   parameter defaulting to a class is untyped now, and its call constructs (kernel/class_default.ts).
 * - `ImageFolder(data_dir+'/train', train_tfms)` (lesson 5: the transform positionally, torchvision's
 *   order root, transform, target_transform) did not compile: ImageFolder took only an options object
 *   after the root; it now takes them positionally too (src/torchvision/datasets/folder.ts).
 * - a class defining `__iter__` (the course's DeviceDataLoader) could not be iterated: `for (const b of
 *   dl)` did not compile (TypeScript iterates only `[Symbol.iterator]`); such a class now gets one
 *   that calls `__iter__` (kernel/rewrite.ts iterableClasses), so for-of, spread, list() and
 *   next(iter(dl)) run the user's `__iter__`; `len(dl)` already called `__len__`.
 * - `train_loader = DeviceDataLoader(train_loader, device)` did not compile: the rebinding became a
 *   declaration, `let train_loader = ...(train_loader ...)`, which reads its own uninitialised binding;
 *   a value that reads the name it rebinds is now assigned `as any` (pythonRebindings).
 * - `data.to(device, non_blocking=True)` on an untyped `data` (to_device) was Python's TypeError
 *   "unexpected keyword argument 'non_blocking'": Tensor.to's and Module.to's second parameter now takes
 *   the keywords (an options object) where a call's keywords are placed at run time.
 * - `torch.tensor(torch.sum(preds == labels).item() / len(preds))` was an int64 tensor when the
 *   accuracy was exactly 1 (JavaScript's 100 / 100 is 1), and `torch.stack(accs).mean()` then PyTorch's
 *   "mean(): could not infer output dtype"; Python's `/` is a float: a division of numbers in
 *   torch.tensor's data now gives the default float dtype, as a float-written literal does.
 * - `torch.cuda.empty_cache()` (fit_one_cycle's first line) did not exist; it does nothing, as PyTorch's
 *   does without CUDA.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { asShown, figuresOf, type FigureInfo } from "./_figures";
import { expectSameCells } from "./_tutorial";
import { CIFAR_CNN, GAN, RESNET } from "./_zero_to_gans_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "zero_to_gans.json"), "utf8")) as Record<string, (CellOutput & { figures: FigureInfo[] })[]>;

// Lesson 1: PyTorch basics, gradient descent and linear regression from scratch, then torch.nn.
const BASICS = [
  `// import numpy as np; import torch: the prelude's np and torch`,
  `let inputs: any = np.array([[73, 67, 43],
                   [91, 88, 64],
                   [87, 134, 58],
                   [102, 43, 37],
                   [69, 96, 70]], dtype='float32');`,
  `let targets: any = np.array([[56, 70],
                    [81, 101],
                    [119, 133],
                    [22, 37],
                    [103, 119]], dtype='float32');`,
  `inputs = torch.from_numpy(inputs);
targets = torch.from_numpy(targets);
print(inputs);
print(targets);`,
  `let w = torch.randn(2, 3, requires_grad=true);
let b = torch.randn(2, requires_grad=true);
print(w);
print(b);`,
  `function model(x) {
  return x @ w.t() + b;
}`,
  `let preds = model(inputs);
print(preds);`,
  `print(targets);`,
  `function mse(t1, t2) {
  const diff = t1 - t2;
  return torch.sum(diff * diff) / diff.numel();
}`,
  `let loss = mse(preds, targets);
print(loss);`,
  `loss.backward();`,
  `print(w);
print(w.grad);`,
  `print(b);
print(b.grad);`,
  `w.grad.zero_();
b.grad.zero_();
print(w.grad);
print(b.grad);`,
  `preds = model(inputs);
print(preds);`,
  `loss = mse(preds, targets);
print(loss);`,
  `loss.backward();
print(w.grad);
print(b.grad);`,
  `torch.no_grad(() => {
  w -= w.grad * 1e-5;
  b -= b.grad * 1e-5;
  w.grad.zero_();
  b.grad.zero_();
});`,
  `print(w);
print(b);`,
  `preds = model(inputs);
loss = mse(preds, targets);
print(loss);`,
  `for (const i of range(100)) {
  preds = model(inputs);
  loss = mse(preds, targets);
  loss.backward();
  torch.no_grad(() => {
    w -= w.grad * 1e-5;
    b -= b.grad * 1e-5;
    w.grad.zero_();
    b.grad.zero_();
  });
}`,
  `preds = model(inputs);
loss = mse(preds, targets);
print(loss);`,
  `preds`,
  `targets`,
  `// import torch.nn as nn: nn is in every notebook's scope`,
  `inputs = np.array([[73, 67, 43], [91, 88, 64], [87, 134, 58],
                   [102, 43, 37], [69, 96, 70], [74, 66, 43],
                   [91, 87, 65], [88, 134, 59], [101, 44, 37],
                   [68, 96, 71], [73, 66, 44], [92, 87, 64],
                   [87, 135, 57], [103, 43, 36], [68, 97, 70]],
                  dtype='float32');
targets = np.array([[56, 70], [81, 101], [119, 133],
                    [22, 37], [103, 119], [57, 69],
                    [80, 102], [118, 132], [21, 38],
                    [104, 118], [57, 69], [82, 100],
                    [118, 134], [20, 38], [102, 120]],
                   dtype='float32');
inputs = torch.from_numpy(inputs);
targets = torch.from_numpy(targets);`,
  `inputs`,
  `const { TensorDataset } = torch.utils.data;`,
  `const train_ds = TensorDataset(inputs, targets);
train_ds["0:3"]`,
  `const { DataLoader } = torch.utils.data;`,
  `const batch_size = 5;
const train_dl = DataLoader(train_ds, batch_size, shuffle=true);`,
  `for (const [xb, yb] of train_dl) {
  print(xb);
  print(yb);
  break;
}`,
  `let model = nn.Linear(3, 2);
print(model.weight);
print(model.bias);`,
  `list(model.parameters())`,
  `preds = model(inputs);
preds`,
  `// import torch.nn.functional as F: so is F`,
  `const loss_fn = F.mse_loss;`,
  `loss = loss_fn(model(inputs), targets);
print(loss);`,
  `const opt = torch.optim.SGD(model.parameters(), lr=1e-5);`,
  `function fit(num_epochs, model, loss_fn, opt, train_dl) {
  let loss;
  for (const epoch of range(num_epochs)) {
    for (const [xb, yb] of train_dl) {
      const pred = model(xb);
      loss = loss_fn(pred, yb);
      loss.backward();
      opt.step();
      opt.zero_grad();
    }
    if ((epoch + 1) % 10 == 0) {
      print(\`Epoch [\${epoch + 1}/\${num_epochs}], Loss: \${loss.item():.4f}\`);
    }
  }
}`,
  `fit(100, model, loss_fn, opt, train_dl);`,
  `preds = model(inputs);
preds`,
  `model(torch.tensor([[75, 63, 44.]]))`,
];

// Not a course cell: the MNIST stand-in (the course downloads MNIST), written where the course downloads it.
const MNIST_SETUP = `const fs = require("fs");
const path = require("path");
const data_dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "zero-to-gans-"));
function write_idx(file, magic, t) {
  const head = Buffer.alloc(4 * (1 + t.dim()));
  [magic, ...t.shape].forEach((v, i) => head.writeUInt32BE(v, 4 * i));
  fs.writeFileSync(file, Buffer.concat([head, Buffer.from(t.to(torch.uint8).numpy().data)]));
}
fs.mkdirSync(path.join(data_dir, "data", "MNIST", "raw"), {recursive: true});
for (const [prefix, n] of [["train", 600], ["t10k", 200]] as [string, number][]) {
  const labels = torch.randint(0, 10, [n]);
  const rows = torch.div(torch.arange(28), 3, rounding_mode='floor');
  const images = torch.randint(0, 100, [n, 28, 28]) + (rows.view(1, 28, 1) == labels.view(n, 1, 1)).long() * 150;
  write_idx(path.join(data_dir, "data", "MNIST", "raw", \`\${prefix}-images-idx3-ubyte\`), 2051, images);
  write_idx(path.join(data_dir, "data", "MNIST", "raw", \`\${prefix}-labels-idx1-ubyte\`), 2049, labels);
}
process.chdir(data_dir);`;

// Lesson 2: working with images and logistic regression (MNIST).
const LOGISTIC = [
  MNIST_SETUP,
  `const { MNIST } = torchvision.datasets;`,
  `let dataset = MNIST(root='data/', download=true);`,
  `len(dataset)`,
  `let test_dataset = MNIST(root='data/', train=false);
len(test_dataset)`,
  `let [image, label] = dataset[0];
print('Label:', label);`,
  `// import torchvision.transforms as transforms: in every notebook's scope`,
  `dataset = MNIST(root='data/',
                train=true,
                transform=transforms.ToTensor());`,
  `let [img_tensor, label] = dataset[0];
print(img_tensor.shape, label);`,
  `print(img_tensor[\`0, 10:15, 10:15\`]);
print(torch.max(img_tensor), torch.min(img_tensor));`,
  `const { random_split } = torch.utils.data;

const [train_ds, val_ds] = random_split(dataset, [500, 100]);
tuple([len(train_ds), len(val_ds)])`,
  `const { DataLoader } = torch.utils.data;

const batch_size = 128;

const train_loader = DataLoader(train_ds, batch_size, shuffle=true);
const val_loader = DataLoader(val_ds, batch_size);`,
  `const input_size = 28*28;
const num_classes = 10;

let model = nn.Linear(input_size, num_classes);`,
  `print(model.weight.shape);
model.weight`,
  `print(model.bias.shape);
model.bias`,
  `class MnistModel extends nn.Module {
  constructor() {
    super();
    this.linear = nn.Linear(input_size, num_classes);
  }

  forward(xb) {
    xb = xb.reshape(-1, 784);
    const out = this.linear(xb);
    return out;
  }
}

model = MnistModel();`,
  `model.linear`,
  `print(model.linear.weight.shape, model.linear.bias.shape);
list(model.parameters())`,
  `let images, labels, outputs;
for ([images, labels] of train_loader) {
  print(images.shape);
  outputs = model(images);
  break;
}

print('outputs.shape : ', outputs.shape);
print('Sample outputs :\\n', outputs[":2"].data);`,
  `// import torch.nn.functional as F: in every notebook's scope`,
  `const probs = F.softmax(outputs, dim=1);

print("Sample probabilities:\\n", probs[":2"].data);

print("Sum: ", torch.sum(probs[0]).item());`,
  `const [max_probs, preds] = torch.max(probs, dim=1);
print(preds);
print(max_probs);`,
  `labels`,
  `function accuracy(outputs, labels) {
  const [_, preds] = torch.max(outputs, dim=1);
  return torch.tensor(torch.sum(preds == labels).item() / len(preds));
}`,
  `accuracy(outputs, labels)`,
  `const loss_fn = F.cross_entropy;`,
  `const loss = loss_fn(outputs, labels);
print(loss);`,
  `function fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD) {
  const optimizer = opt_func(model.parameters(), lr);
  const history = [];

  for (const epoch of range(epochs)) {

    for (const batch of train_loader) {
      const loss = model.training_step(batch);
      loss.backward();
      optimizer.step();
      optimizer.zero_grad();
    }

    const result = evaluate(model, val_loader);
    model.epoch_end(epoch, result);
    history.push(result);
  }

  return history;
}`,
  `function evaluate(model, val_loader) {
  const outputs = list(val_loader).map((batch) => model.validation_step(batch));
  return model.validation_epoch_end(outputs);
}`,
  `class MnistModel extends nn.Module {
  constructor() {
    super();
    this.linear = nn.Linear(input_size, num_classes);
  }

  forward(xb) {
    xb = xb.reshape(-1, 784);
    const out = this.linear(xb);
    return out;
  }

  training_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images);
    const loss = F.cross_entropy(out, labels);
    return loss;
  }

  validation_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images);
    const loss = F.cross_entropy(out, labels);
    const acc = accuracy(out, labels);
    return {'val_loss': loss, 'val_acc': acc};
  }

  validation_epoch_end(outputs) {
    const batch_losses = outputs.map((x) => x['val_loss']);
    const epoch_loss = torch.stack(batch_losses).mean();
    const batch_accs = outputs.map((x) => x['val_acc']);
    const epoch_acc = torch.stack(batch_accs).mean();
    return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()};
  }

  epoch_end(epoch, result) {
    print(\`Epoch [\${epoch}], val_loss: \${result['val_loss']:.4f}, val_acc: \${result['val_acc']:.4f}\`);
  }
}

model = MnistModel();`,
  `const result0 = evaluate(model, val_loader);
print(result0);`,
  `const history1 = fit(5, 0.001, model, train_loader, val_loader);`,
  `const history2 = fit(5, 0.001, model, train_loader, val_loader);`,
  `const history3 = fit(5, 0.001, model, train_loader, val_loader);`,
  `const history4 = fit(5, 0.001, model, train_loader, val_loader);`,
  `const history = [result0, ...history1, ...history2, ...history3, ...history4];
const accuracies = history.map((result) => result['val_acc']);
print(len(history), accuracies.at(-1));`,
  `plt.plot(accuracies, '-x');
plt.xlabel('epoch');
plt.ylabel('accuracy');
plt.title('Accuracy vs. No. of epochs');`,
  `test_dataset = MNIST(root='data/',
                     train=false,
                     transform=transforms.ToTensor());`,
  `let [img, label] = test_dataset[0];
print('Shape:', img.shape);
print('Label:', label);`,
  `function predict_image(img, model) {
  const xb = img.unsqueeze(0);
  const yb = model(xb);
  const [_, preds] = torch.max(yb, dim=1);
  return preds[0].item();
}`,
  `[img, label] = test_dataset[0];
print('Label:', label, ', Predicted:', predict_image(img, model));`,
  `[img, label] = test_dataset[10];
print('Label:', label, ', Predicted:', predict_image(img, model));`,
  `[img, label] = test_dataset[193];
print('Label:', label, ', Predicted:', predict_image(img, model));`,
  `let test_loader = DataLoader(test_dataset, batch_size=256);
let result = evaluate(model, test_loader);
print(result);`,
  `torch.save(model.state_dict(), 'mnist-logistic.pth');`,
  `model.state_dict()`,
  `const model2 = MnistModel();`,
  `model2.state_dict()`,
  `evaluate(model2, test_loader)['val_acc'] == result['val_acc']`,
  `model2.load_state_dict(torch.load('mnist-logistic.pth'));
model2.state_dict()`,
  `test_loader = DataLoader(test_dataset, batch_size=256);
result = evaluate(model2, test_loader);
print(result);`,
];

// Lesson 3: training deep neural networks on a GPU (here the CPU), with the GPU helpers.
const FEEDFORWARD = [
  `const { MNIST } = torchvision.datasets;
const { ToTensor } = torchvision.transforms;
const { make_grid } = torchvision.utils;
const { DataLoader, random_split } = torch.utils.data;`,
  `let dataset = MNIST(root='data/', download=true, transform=ToTensor());`,
  `let [image, label] = dataset[0];
print('image.shape:', image.shape);
print('Label:', label);`,
  `const val_size = 100;
const train_size = len(dataset) - val_size;

const [train_ds, val_ds] = random_split(dataset, [train_size, val_size]);
tuple([len(train_ds), len(val_ds)])`,
  `const batch_size=128;`,
  `let train_loader = DataLoader(train_ds, batch_size, shuffle=true);
let val_loader = DataLoader(val_ds, batch_size*2);`,
  `for (const [images, _] of train_loader) {
  print('images.shape:', images.shape);
  print('grid.shape:', make_grid(images, nrow=16).permute([1, 2, 0]).shape);
  break;
}`,
  `let images, labels, inputs;
for ([images, labels] of train_loader) {
  print('images.shape:', images.shape);
  inputs = images.reshape(-1, 784);
  print('inputs.shape:', inputs.shape);
  break;
}`,
  `let input_size = inputs.shape.at(-1);
let hidden_size = 32;`,
  `const layer1 = nn.Linear(input_size, hidden_size);`,
  `inputs.shape`,
  `const layer1_outputs = layer1(inputs);
print('layer1_outputs.shape:', layer1_outputs.shape);`,
  `const layer1_outputs_direct = inputs @ layer1.weight.t() + layer1.bias;
layer1_outputs_direct.shape`,
  `torch.allclose(layer1_outputs, layer1_outputs_direct, 1e-3)`,
  `F.relu(torch.tensor([[1, -1, 0],
                     [-0.1, .2, 3]]))`,
  `const relu_outputs = F.relu(layer1_outputs);
print('min(layer1_outputs):', torch.min(layer1_outputs).item());
print('min(relu_outputs):', torch.min(relu_outputs).item());`,
  `const output_size = 10;
const layer2 = nn.Linear(hidden_size, output_size);`,
  `const layer2_outputs = layer2(relu_outputs);
print(layer2_outputs.shape);`,
  `inputs.shape`,
  `F.cross_entropy(layer2_outputs, labels)`,
  `let outputs = (F.relu(inputs @ layer1.weight.t() + layer1.bias)) @ layer2.weight.t() + layer2.bias;`,
  `torch.allclose(outputs, layer2_outputs, 1e-3)`,
  `const outputs2 = (inputs @ layer1.weight.t() + layer1.bias) @ layer2.weight.t() + layer2.bias;`,
  `const combined_layer = nn.Linear(input_size, output_size);

combined_layer.weight.data = layer2.weight @ layer1.weight;
combined_layer.bias.data = layer1.bias @ layer2.weight.t() + layer2.bias;`,
  `const outputs3 = inputs @ combined_layer.weight.t() + combined_layer.bias;`,
  `torch.allclose(outputs2, outputs3, 1e-3)`,
  `/** Feedfoward neural network with 1 hidden layer */
class MnistModel extends nn.Module {
  constructor(in_size, hidden_size, out_size) {
    super();
    this.linear1 = nn.Linear(in_size, hidden_size);
    this.linear2 = nn.Linear(hidden_size, out_size);
  }

  forward(xb) {
    xb = xb.view(xb.size(0), -1);
    let out = this.linear1(xb);
    out = F.relu(out);
    out = this.linear2(out);
    return out;
  }

  training_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images);
    const loss = F.cross_entropy(out, labels);
    return loss;
  }

  validation_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images);
    const loss = F.cross_entropy(out, labels);
    const acc = accuracy(out, labels);
    return {'val_loss': loss, 'val_acc': acc};
  }

  validation_epoch_end(outputs) {
    const batch_losses = outputs.map((x) => x['val_loss']);
    const epoch_loss = torch.stack(batch_losses).mean();
    const batch_accs = outputs.map((x) => x['val_acc']);
    const epoch_acc = torch.stack(batch_accs).mean();
    return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()};
  }

  epoch_end(epoch, result) {
    print(\`Epoch [\${epoch}], val_loss: \${result['val_loss']:.4f}, val_acc: \${result['val_acc']:.4f}\`);
  }
}`,
  `function accuracy(outputs, labels) {
  const [_, preds] = torch.max(outputs, dim=1);
  return torch.tensor(torch.sum(preds == labels).item() / len(preds));
}`,
  `input_size = 784;
hidden_size = 32;
const num_classes = 10;`,
  `let model = MnistModel(input_size, hidden_size=32, out_size=num_classes);`,
  `for (const t of model.parameters()) {
  print(t.shape);
}`,
  `let loss;
for ([images, labels] of train_loader) {
  outputs = model(images);
  loss = F.cross_entropy(outputs, labels);
  print('Loss:', loss.item());
  break;
}

print('outputs.shape : ', outputs.shape);
print('Sample outputs :\\n', outputs[":2"].data);`,
  `torch.cuda.is_available()`,
  `/** Pick GPU if available, else CPU */
function get_default_device() {
  if (torch.cuda.is_available()) {
    return torch.device('cuda');
  } else {
    return torch.device('cpu');
  }
}`,
  `const device = get_default_device();
device`,
  `/** Move tensor(s) to chosen device */
function to_device(data, device) {
  if (data instanceof Array) {
    return data.map((x) => to_device(x, device));
  }
  return data.to(device, non_blocking=true);
}`,
  `for ([images, labels] of train_loader) {
  print(images.shape);
  images = to_device(images, device);
  print(images.device);
  break;
}`,
  `/** Wrap a dataloader to move data to a device */
class DeviceDataLoader {
  constructor(dl, device) {
    this.dl = dl;
    this.device = device;
  }

  /** Yield a batch of data after moving it to device */
  *__iter__() {
    for (const b of this.dl) {
      yield to_device(b, this.device);
    }
  }

  /** Number of batches */
  __len__() {
    return len(this.dl);
  }
}`,
  `function* some_numbers() {
  yield 10;
  yield 20;
  yield 30;
}

for (const value of some_numbers()) {
  print(value);
}`,
  `train_loader = DeviceDataLoader(train_loader, device);
val_loader = DeviceDataLoader(val_loader, device);`,
  `for (const [xb, yb] of val_loader) {
  print('xb.device:', xb.device);
  print('yb:', yb);
  break;
}`,
  `tuple([len(train_loader), len(val_loader)])`,
  `const [xb, yb] = next(iter(train_loader));
print(xb.shape, yb[":8"]);`,
  `/** Evaluate the model's performance on the validation set */
function evaluate(model, val_loader) {
  const outputs = list(val_loader).map((batch) => model.validation_step(batch));
  return model.validation_epoch_end(outputs);
}

/** Train the model using gradient descent */
function fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD) {
  const history = [];
  const optimizer = opt_func(model.parameters(), lr);
  for (const epoch of range(epochs)) {
    for (const batch of train_loader) {
      const loss = model.training_step(batch);
      loss.backward();
      optimizer.step();
      optimizer.zero_grad();
    }
    const result = evaluate(model, val_loader);
    model.epoch_end(epoch, result);
    history.push(result);
  }
  return history;
}`,
  `model = MnistModel(input_size, hidden_size=hidden_size, out_size=num_classes);
to_device(model, device)`,
  `let history = [evaluate(model, val_loader)];
print(history);`,
  `history = history.concat(fit(5, 0.5, model, train_loader, val_loader));`,
  `history = history.concat(fit(5, 0.1, model, train_loader, val_loader));`,
  `const losses = history.map((x) => x['val_loss']);
const accuracies = history.map((x) => x['val_acc']);
print(len(history), \`\${losses.at(-1):.4f}\`, \`\${accuracies.at(-1):.4f}\`);`,
  `plt.plot(losses, '-x');
plt.xlabel('epoch');
plt.ylabel('loss');
plt.title('Loss vs. No. of epochs');`,
  `plt.plot(accuracies, '-x');
plt.xlabel('epoch');
plt.ylabel('accuracy');
plt.title('Accuracy vs. No. of epochs');`,
  `const test_dataset = MNIST(root='data/', train=false, transform=ToTensor());
function predict_image(img, model) {
  const xb = to_device(img.unsqueeze(0), device);
  const yb = model(xb);
  const [_, preds]  = torch.max(yb, dim=1);
  return preds[0].item();
}`,
  `let [img, label] = test_dataset[0];
print('Label:', label, ', Predicted:', predict_image(img, model));`,
  `const test_loader = DeviceDataLoader(DataLoader(test_dataset, batch_size=256), device);
const result = evaluate(model, test_loader);
print(result);`,
  `torch.save(model.state_dict(), 'mnist-feedforward.pth');`,
];

// Lesson 5's training machinery (ImageClassificationBase, @torch.no_grad() evaluate, get_lr, fit_one_cycle with
// OneCycleLR, weight decay and gradient clipping, Adam) on lesson 3's loaders, a small nn.Sequential net in place of ResNet9.
const ONE_CYCLE = [
  `function accuracy(outputs, labels) {
  const [_, preds] = torch.max(outputs, dim=1);
  return torch.tensor(torch.sum(preds == labels).item() / len(preds));
}

class ImageClassificationBase extends nn.Module {
  training_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images) as torch.Tensor;
    const loss = F.cross_entropy(out, labels);
    return loss;
  }

  validation_step(batch) {
    const [images, labels] = batch;
    const out = this.forward(images) as torch.Tensor;
    const loss = F.cross_entropy(out, labels);
    const acc = accuracy(out, labels);
    return {'val_loss': loss.detach(), 'val_acc': acc};
  }

  validation_epoch_end(outputs) {
    const batch_losses = outputs.map((x) => x['val_loss']);
    const epoch_loss = torch.stack(batch_losses).mean();
    const batch_accs = outputs.map((x) => x['val_acc']);
    const epoch_acc = torch.stack(batch_accs).mean();
    return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()};
  }

  epoch_end(epoch, result) {
    print(\`Epoch [\${epoch}], last_lr: \${result['lrs'].at(-1):.5f}, train_loss: \${result['train_loss']:.4f}, val_loss: \${result['val_loss']:.4f}, val_acc: \${result['val_acc']:.4f}\`);
  }
}`,
  `class MnistNet extends ImageClassificationBase {
  constructor(in_size, num_classes) {
    super();
    this.network = nn.Sequential(
      nn.Flatten(),
      nn.Linear(in_size, 32),
      nn.ReLU(inplace=true),
      nn.Dropout(0.0),
      nn.Linear(32, num_classes));
  }

  forward(xb) {
    return this.network(xb);
  }
}`,
  `model = to_device(MnistNet(784, 10), device);
model`,
  `const evaluate = torch.no_grad()((model: any, val_loader: any) => {
  model.eval();
  const outputs = list(val_loader).map((batch) => model.validation_step(batch));
  return model.validation_epoch_end(outputs);
});

function get_lr(optimizer) {
  for (const param_group of optimizer.param_groups) {
    return param_group['lr'];
  }
}

function fit_one_cycle(epochs, max_lr, model, train_loader, val_loader,
                       weight_decay=0, grad_clip=null, opt_func=torch.optim.SGD) {
  torch.cuda.empty_cache();
  const history = [];

  const optimizer = opt_func(model.parameters(), max_lr, weight_decay=weight_decay);
  const sched = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, epochs=epochs,
                                                    steps_per_epoch=len(train_loader));

  for (const epoch of range(epochs)) {
    model.train();
    const train_losses = [];
    const lrs = [];
    for (const batch of train_loader) {
      const loss = model.training_step(batch);
      train_losses.push(loss);
      loss.backward();

      if (grad_clip) {
        nn.utils.clip_grad_value_(model.parameters(), grad_clip);
      }

      optimizer.step();
      optimizer.zero_grad();

      lrs.push(get_lr(optimizer));
      sched.step();
    }

    const result = evaluate(model, val_loader);
    result['train_loss'] = torch.stack(train_losses).mean().item();
    result['lrs'] = lrs;
    model.epoch_end(epoch, result);
    history.push(result);
  }
  return history;
}`,
  `history = [evaluate(model, val_loader)];
print(history);`,
  `const epochs = 3;
const max_lr = 0.01;
const grad_clip = 0.1;
const weight_decay = 1e-4;
const opt_func = torch.optim.Adam;`,
  `history = history.concat(fit_one_cycle(epochs, max_lr, model, train_loader, val_loader,
                                       grad_clip=grad_clip,
                                       weight_decay=weight_decay,
                                       opt_func=opt_func));`,
  `const lrs = history.map((x) => x['lrs'] ?? []);
print(len(history), lrs.map((l) => len(l)));
print(lrs.flat().map((lr) => \`\${lr:.6f}\`));`,
  `print(history.map((x) => \`\${x['val_acc']:.4f}\`));
print(history.slice(1).map((x) => \`\${x['train_loss']:.4f}\`));`,
];

describe("Zero to GANs (Jovian) lessons as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("zero-to-gans", { zero_to_gans: { basics: BASICS, logistic: LOGISTIC, feedforward: FEEDFORWARD, one_cycle: ONE_CYCLE, cifar_cnn: CIFAR_CNN, resnet: RESNET, gan: GAN } });

  test("lesson 1, basics and linear regression: torch.from_numpy, a model from scratch with `inputs @ w.t() + b`, an MSE by hand, backward, updates and grad.zero_() under no_grad, then TensorDataset / a shuffled DataLoader / nn.Linear / F.mse_loss / SGD and fit", () => {
    expectSameCells(cellsOf(nbs.basics), R.basics);
  });

  test("the figures each lesson's cells show are matplotlib's (repr, per Axes its lines, title, images and whether the axis is on)", () => {
    for (const name of ["basics", "logistic", "feedforward", "one_cycle", "cifar_cnn", "resnet", "gan"] as const) {
      expect([name, figuresOf(nbs[name])]).toEqual([name, asShown(R[name].map((c) => c.figures))]);
    }
  });

  test("lesson 2, logistic regression on MNIST: the MNIST dataset (a stand-in in torchvision's layout), ToTensor, random_split, MnistModel with training_step / validation_step / validation_epoch_end / epoch_end, softmax and torch.max accuracy, fit's history, predict_image, torch.save of the state_dict and load_state_dict", () => {
    expectSameCells(cellsOf(nbs.logistic), R.logistic);
  });

  test("lesson 3, feed-forward nets with the GPU helpers: layers by hand (`@`, allclose, a combined linear layer through .data), get_default_device, to_device, a DeviceDataLoader class whose `__iter__` yields and `__len__` counts (for, len, next(iter(...))), fit with a hidden layer", () => {
    expectSameCells(cellsOf(nbs.feedforward), R.feedforward);
  });

  test("lesson 5's training loop: ImageClassificationBase, an nn.Sequential net's repr, @torch.no_grad() evaluate, get_lr from param_groups, fit_one_cycle with Adam, weight_decay, OneCycleLR over len(train_loader) steps, clip_grad_value_, the recorded lrs", () => {
    expectSameCells(cellsOf(nbs.one_cycle), R.one_cycle);
  });

  test("lesson 4, a CNN on CIFAR10: ImageFolder with ToTensor over the class folders, dataset.classes, random_split after manual_seed(42), apply_kernel by hand, ImageClassificationBase and the Cifar10CnnModel nn.Sequential stack (repr, forward), fit with Adam and its history, predict_image by class name, torch.save of the state_dict, a second model's load_state_dict and evaluate", () => {
    expectSameCells(cellsOf(nbs.cifar_cnn), R.cifar_cnn);
  });

  test("lesson 5, ResNet9 with data augmentation: RandomCrop(32, padding=4, padding_mode='reflect'), RandomHorizontalFlip, Normalize(*stats, inplace=True) and denormalize (the augmented pixels), ImageFolder(root, transform) positionally, SimpleResidualBlock, conv_block's nn.Sequential(*layers), the residual adds, fit_one_cycle's lrs, predict_image", () => {
    expectSameCells(cellsOf(nbs.resnet), R.resnet);
  });

  test("lesson 6, a DCGAN on anime faces: Resize/CenterCrop/Normalize through ImageFolder, denorm, the Conv2d/BatchNorm2d/LeakyReLU/Sigmoid discriminator and ConvTranspose2d/ReLU/Tanh generator, train_discriminator / train_generator with binary_cross_entropy, save_samples through save_image (the saved PNGs' pixels read back), fit with Adam(betas=(0.5, 0.999)) recording losses and scores, the saved state_dicts", () => {
    expectSameCells(cellsOf(nbs.gan), R.gan);
  });
});
