/**
 * Two PyTorch learning repositories ported line by line in the notebook dialect (classes called
 * without `new`, untyped constructor and forward parameters, keyword arguments as an options object,
 * operators on tensors) and run as one notebook through `torchlab run`, one kernel:
 * Aladdin Persson's Machine-Learning-Collection (aladdinpersson/Machine-Learning-Collection,
 * ML/Pytorch/Basics: tensorbasics, simple_fullynet, rnn_gru_lstm, init_weights, loadsave,
 * lr_ratescheduler, std_mean) and Ben Trevett's pytorch-image-classification
 * (bentrevett/pytorch-image-classification: 1_mlp, 2_lenet, 3_alexnet's model and initialisation).
 * What each cell prints must be PyTorch 1.13's (test/reference/gen_persson.py -> persson.json,
 * gen_trevett.py -> trevett.json).
 *
 * Stand-ins: MNIST is 128 training and 64 test images in torchvision's IDX layout, written by the
 * first cell of fullynet (seeded bars over a texture) and read by torchvision.datasets.MNIST on both
 * sides; training runs the scripts' epochs (Trevett's: 3, LeNet's: 1) over those few batches and
 * prints every loss, then final weights; CIFAR10 is FakeData. rnn_gru_lstm's hidden_size is 64, not 256 (the
 * LSTM's training took most of the suite's time).
 * Left out: `tensor.half()` (tfjs has no float16), NumPy (`torch.from_numpy`, `tensor.numpy()`),
 * tqdm progress bars, CUDA / MPS (the device is the CPU, as the generator records), vgg16 in
 * pytorch_loadsave.py (138M parameters; the init_weights CNN is saved instead, after one Adam step),
 * CIFAR10 in pytorch_std_mean.py (FakeData of 96 3x32x32 images), pytorch_lr_ratescheduler.py's 100
 * epochs (12), pytorch_bidirectional_lstm.py (the rnn_gru_lstm code with bidirectional=True), the
 * mixed-precision, pretrain/finetune (downloads weights), progress-bar, Lightning and albumentations
 * scripts, custom_dataset (pandas + skimage); Trevett's matplotlib cells (plot_images,
 * plot_confusion_matrix, plot_most_incorrect: the values they plot are printed instead), sklearn
 * (confusion_matrix is a torch.bincount; PCA / t-SNE left out), the LR finder, `time.monotonic()`
 * (epoch_time runs on fixed numbers), AlexNet's training (23M parameters and dropout's random masks)
 * and the CIFAR10 download, 4_vgg and 5_resnet (pretrained weights).
 * Written differently from the scripts:
 * - `for epoch in range(n)` is a counting loop, `enumerate(loader)` is `[...loader].entries()` and
 *   `sum(p.numel() for p in ...)` a reduce (Python's range / enumerate / sum are another branch's work);
 * - `print(f"Requires gradient: {t.requires_grad}")` is `print("Requires gradient:", ...)`: a boolean in
 *   a template literal is JavaScript's `true` where Python's f-string writes `True`;
 * - `x[2, 0:10]` is `x["2, 0:10"]` (a slice is a string index); a name Python rebinds to another type
 *   (`train_data` from MNIST to a Subset) is declared `any`;
 * - `copy.deepcopy(valid_data)` then `valid_data.dataset.transform = test_transforms` is a Subset of a
 *   second MNIST with the test transforms over the same indices: torchlab has no `copy.deepcopy`;
 * - `{:,}` is `toLocaleString("en-US")`, `{epoch+1:02}` padStart, `{x:.3f}` of a number toFixed;
 * - the checkpoint and the best model are written into the data folder.
 * Divergences this port found, fixed: `torch.linspace(start=0.1, end=1, steps=10)` (every argument by
 * keyword did not compile), `torch.chunk(x, chunks=2, dim=1)` (chunks by keyword), `lstm.weight_hh_l1`
 * (only layer 0's parameter names were typed), `transforms.Normalize(mean=[mean], std=[std])` with 0-d
 * tensors (Trevett's mean computed from the data; typed numbers only), `f"{num_correct}"` /
 * `f"{mean}"` of a tensor the checker types `any` (a number variable a tensor was added to, a value
 * reached through an untyped data set) printed `tensor(25)` where Python writes `25`, and
 * `valid_data[0]` of an untyped Subset raised "not supported outside a notebook cell".
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type ExecutedNotebook } from "./_notebooks";
import { expectSamePrintedCell } from "./_tutorial";

const load = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", file), "utf8")) as Record<string, string[]>;
const R = load("persson.json");
const T = load("trevett.json");

const BASICS = [
  `const device = torch.cuda.is_available() ? "cuda" : "cpu";
const my_tensor = torch.tensor([[1, 2, 3], [4, 5, 6]], {dtype: torch.float32, device: device, requires_grad: true});
print(\`Information about tensor: \${my_tensor}\`);
print("Type of Tensor {my_tensor.dtype}");
print(\`Device Tensor is on \${my_tensor.device}\`);
print(\`Shape of tensor \${my_tensor.shape}\`);
print("Requires gradient:", my_tensor.requires_grad);`,
  `let x = torch.empty({size: [3, 3]});
print(x.shape);
x = torch.zeros([3, 3]);
print(x);
x = torch.rand([3, 3]);
print(x);
x = torch.ones([3, 3]);
print(x);
x = torch.eye(5, 5);
print(x);
x = torch.arange({start: 0, end: 5, step: 1});
print(x);
x = torch.linspace({start: 0.1, end: 1, steps: 10});
print(x);
x = torch.empty({size: [1, 5]}).normal_({mean: 0, std: 1});
print(x);
x = torch.empty({size: [1, 5]}).uniform_(0, 1);
print(x);
x = torch.diag(torch.ones(3));
print(x);`,
  `let tensor = torch.arange(4);
print(\`Converted Boolean: \${tensor.bool()}\`);
print(\`Converted int16 \${tensor.short()}\`);
print(\`Converted int64 \${tensor.long()}\`);
print(\`Converted float32 \${tensor.float()}\`);
print(\`Converted float64 \${tensor.double()}\`);`,
  `x = torch.tensor([1, 2, 3]);
let y = torch.tensor([9, 8, 7]);
const z1 = torch.empty(3);
torch.add(x, y, {out: z1});
print(z1);
const z2 = torch.add(x, y);
let z = x + y;
print(z2, z);
z = x - y;
print(z);
z = torch.true_divide(x, y);
print(z);
const t = torch.zeros(3);
t.add_(x);
t += x;
print(t);
z = x.pow(2);
print(z);
z = x ** 2;
print(z);
z = x > 0;
print(z);
z = x < 0;
print(z);`,
  `let x1 = torch.rand([2, 5]);
let x2 = torch.rand([5, 3]);
let x3 = torch.mm(x1, x2);
x3 = x1.mm(x2);
print(x3);
const matrix_exp = torch.rand(5, 5);
print(matrix_exp.matrix_power(3));
z = x * y;
print(z);
z = torch.dot(x, y);
print(z);`,
  `const batch = 32;
const n = 10;
const m = 20;
const p = 30;
const tensor1 = torch.rand([batch, n, m]);
const tensor2 = torch.rand([batch, m, p]);
const out_bmm = torch.bmm(tensor1, tensor2);
print(out_bmm.shape, out_bmm.sum());`,
  `x1 = torch.rand([5, 5]);
x2 = torch.ones([1, 5]);
z = x1 - x2;
print(z);
z = x1 ** x2;
print(z);`,
  `const sum_x = torch.sum(x, {dim: 0});
print(sum_x);
let [values, indices] = torch.max(x, {dim: 0});
print(values, indices);
[values, indices] = torch.min(x, {dim: 0});
print(values, indices);
const abs_x = torch.abs(x);
z = torch.argmax(x, {dim: 0});
print(z);
z = torch.argmin(x, {dim: 0});
print(z);
const mean_x = torch.mean(x.float(), {dim: 0});
print(mean_x);
z = torch.eq(x, y);
print(z);
let sorted_y;
[sorted_y, indices] = torch.sort(y, {dim: 0, descending: false});
print(sorted_y, indices);
z = torch.clamp(x, {min: 0});
print(z);`,
  `x = torch.tensor([1, 0, 1, 1, 1], {dtype: torch.bool});
z = torch.any(x);
print(z);
z = torch.all(x);
print(z);`,
  `const batch_size = 10;
const features = 25;
x = torch.rand([batch_size, features]);
print(x[0].shape);
print(x[":, 0"].shape);
print(x["2, 0:10"].shape);
x[0, 0] = 100;
print(x[0][0]);`,
  `x = torch.arange(10);
const index_list = [2, 5, 8];
print(x[index_list]);`,
  `x = torch.rand([3, 5]);
const rows = torch.tensor([1, 0]);
const cols = torch.tensor([4, 0]);
print(x[rows, cols]);`,
  `x = torch.arange(10);
print(x[(x < 2) | (x > 8)]);
print(x[x.remainder(2) == 0]);
print(torch.where(x > 5, x, x * 2));
x = torch.tensor([0, 0, 1, 2, 2, 3, 4]).unique();
print(x);
print(x.ndimension());
x = torch.arange(10);
print(x.numel());`,
  `x = torch.arange(9);
let x_3x3 = x.view(3, 3);
x_3x3 = x.reshape(3, 3);
y = x_3x3.t();
print(y.is_contiguous());
print(y.contiguous().view(9));
try { y.view(9); } catch (e) { print(\`ERR \${(e as Error).name}: \${(e as Error).message}\`); }`,
  `x1 = torch.rand(2, 5);
x2 = torch.rand(2, 5);
print(torch.cat([x1, x2], {dim: 0}).shape);
print(torch.cat([x1, x2], {dim: 1}).shape);
z = x1.view(-1);
print(z);`,
  `x = torch.rand([batch, 2, 5]);
z = x.view(batch, -1);
print(z.shape);
z = x.permute(0, 2, 1);
print(z.shape);
const chunks = torch.chunk(x, {chunks: 2, dim: 1});
print(chunks[0].shape);
print(chunks[1].shape);
x = torch.arange(10);
print(x.unsqueeze(0).shape);
print(x.unsqueeze(1).shape);
x = torch.arange(10).unsqueeze(0).unsqueeze(1);
z = x.squeeze(1);
print(z.shape);
`,
];

const FULLYNET = [
  `import * as fs from "fs";
import * as os from "os";
import * as path from "path";
function write_mnist(root: string, n_train: number, n_test: number) {
  const raw = path.join(root, "MNIST", "raw");
  fs.mkdirSync(raw, { recursive: true });
  for (const [prefix, n, off] of [["train", n_train, 0], ["t10k", n_test, 3]] as [string, number, number][]) {
    const img = Buffer.alloc(16 + n * 784);
    const lab = Buffer.alloc(8 + n);
    img.writeUInt32BE(2051, 0); img.writeUInt32BE(n, 4); img.writeUInt32BE(28, 8); img.writeUInt32BE(28, 12);
    lab.writeUInt32BE(2049, 0); lab.writeUInt32BE(n, 4);
    for (let i = 0; i < n; i++) {
      const c = (i * 7 + off) % 10;
      lab[8 + i] = c;
      for (let r = 0; r < 28; r++) for (let q = 0; q < 28; q++) {
        let v = (i * 31 + r * 7 + q * 13) % 23;
        if (r >= 4 + 2 * c && r < 7 + 2 * c && q >= 3 && q < 25) v += 200;
        if (q >= 4 + 2 * (9 - c) && q < 6 + 2 * (9 - c) && r >= 3 && r < 25) v += 50;
        img[16 + i * 784 + r * 28 + q] = Math.min(255, v);
      }
    }
    fs.writeFileSync(path.join(raw, \`\${prefix}-images-idx3-ubyte\`), img);
    fs.writeFileSync(path.join(raw, \`\${prefix}-labels-idx1-ubyte\`), lab);
  }
}
const ROOT = fs.mkdtempSync(path.join(os.tmpdir(), "persson-"));
write_mnist(ROOT, 128, 64);`,
  `class NN extends nn.Module {
  constructor(input_size, num_classes) {
    super();
    this.fc1 = nn.Linear(input_size, 50);
    this.fc2 = nn.Linear(50, num_classes);
  }
  forward(x) {
    x = F.relu(this.fc1(x));
    x = this.fc2(x);
    return x;
  }
}
const device = torch.backends.mps.is_available() ? "mps" : torch.cuda.is_available() ? "cuda" : "cpu";
const input_size = 784;
const num_classes = 10;
const learning_rate = 0.001;
const batch_size = 64;
const num_epochs = 3;`,
  `const train_dataset = torchvision.datasets.MNIST({root: ROOT, train: true, transform: transforms.ToTensor(), download: true});
const test_dataset = torchvision.datasets.MNIST({root: ROOT, train: false, transform: transforms.ToTensor(), download: true});
const train_loader = torch.utils.data.DataLoader({dataset: train_dataset, batch_size: batch_size, shuffle: true});
const test_loader = torch.utils.data.DataLoader({dataset: test_dataset, batch_size: batch_size, shuffle: true});
const model = NN(input_size=input_size, num_classes=num_classes).to(device);
const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), {lr: learning_rate});`,
  `for (let epoch = 0; epoch < num_epochs; epoch++) {
  for (let [batch_idx, [data, targets]] of [...train_loader].entries()) {
    data = data.to({device: device});
    targets = targets.to({device: device});
    data = data.reshape(data.shape[0], -1);
    const scores = model(data);
    const loss = criterion(scores, targets);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    print(epoch, batch_idx, loss.item());
  }
}
print(model.fc2.bias);
print(model.fc1.weight.sum(), model.fc1.weight.abs().sum());`,
  `function check_accuracy(loader, model) {
  let num_correct = 0;
  let num_samples = 0;
  model.eval();
  torch.no_grad(() => {
    for (let [x, y] of loader) {
      x = x.to({device: device});
      y = y.to({device: device});
      x = x.reshape(x.shape[0], -1);
      const scores = model(x);
      const [_, predictions] = scores.max(1);
      num_correct += (predictions == y).sum();
      num_samples += predictions.size(0);
    }
  });
  model.train();
  return num_correct / num_samples;
}
print(\`Accuracy on training set: \${(check_accuracy(train_loader, model) * 100).item().toFixed(2)}\`);
print(\`Accuracy on test set: \${(check_accuracy(test_loader, model) * 100).item().toFixed(2)}\`);
`,
];

const RNN_GRU_LSTM = [
  `const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");
const input_size = 28;
const hidden_size = 64;
const num_layers = 2;
const num_classes = 10;
const sequence_length = 28;
const learning_rate = 0.005;
const batch_size = 64;
const num_epochs = 2;`,
  `class RNN extends nn.Module {
  constructor(input_size, hidden_size, num_layers, num_classes) {
    super();
    this.hidden_size = hidden_size;
    this.num_layers = num_layers;
    this.rnn = nn.RNN(input_size, hidden_size, num_layers, {batch_first: true});
    this.fc = nn.Linear(hidden_size * sequence_length, num_classes);
  }
  forward(x) {
    const h0 = torch.zeros(this.num_layers, x.size(0), this.hidden_size).to(device);
    let [out, _] = this.rnn(x, h0);
    out = out.reshape(out.shape[0], -1);
    out = this.fc(out);
    return out;
  }
}
class RNN_GRU extends nn.Module {
  constructor(input_size, hidden_size, num_layers, num_classes) {
    super();
    this.hidden_size = hidden_size;
    this.num_layers = num_layers;
    this.gru = nn.GRU(input_size, hidden_size, num_layers, {batch_first: true});
    this.fc = nn.Linear(hidden_size * sequence_length, num_classes);
  }
  forward(x) {
    const h0 = torch.zeros(this.num_layers, x.size(0), this.hidden_size).to(device);
    let [out, _] = this.gru(x, h0);
    out = out.reshape(out.shape[0], -1);
    out = this.fc(out);
    return out;
  }
}
class RNN_LSTM extends nn.Module {
  constructor(input_size, hidden_size, num_layers, num_classes) {
    super();
    this.hidden_size = hidden_size;
    this.num_layers = num_layers;
    this.lstm = nn.LSTM(input_size, hidden_size, num_layers, {batch_first: true});
    this.fc = nn.Linear(hidden_size * sequence_length, num_classes);
  }
  forward(x) {
    const h0 = torch.zeros(this.num_layers, x.size(0), this.hidden_size).to(device);
    const c0 = torch.zeros(this.num_layers, x.size(0), this.hidden_size).to(device);
    let [out, _] = this.lstm(x, [h0, c0]);
    out = out.reshape(out.shape[0], -1);
    out = this.fc(out);
    return out;
  }
}`,
  `const train_dataset = torchvision.datasets.MNIST({root: ROOT, train: true, transform: transforms.ToTensor(), download: true});
const test_dataset = torchvision.datasets.MNIST({root: ROOT, train: false, transform: transforms.ToTensor(), download: true});
const train_loader = torch.utils.data.DataLoader({dataset: train_dataset, batch_size: batch_size, shuffle: true});
const test_loader = torch.utils.data.DataLoader({dataset: test_dataset, batch_size: batch_size, shuffle: true});`,
  `const x0 = test_dataset[0][0];
print(RNN(input_size, hidden_size, num_layers, num_classes).to(device)(x0)[0, ":4"]);
print(RNN_GRU(input_size, hidden_size, num_layers, num_classes).to(device)(x0)[0, ":4"]);`,
  `const model = RNN_LSTM(input_size, hidden_size, num_layers, num_classes).to(device);
const criterion = nn.CrossEntropyLoss();
const optimizer = optim.Adam(model.parameters(), {lr: learning_rate});
for (let epoch = 0; epoch < num_epochs; epoch++) {
  for (let [batch_idx, [data, targets]] of [...train_loader].entries()) {
    data = data.to({device: device}).squeeze(1);
    targets = targets.to({device: device});
    const scores = model(data);
    const loss = criterion(scores, targets);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    print(epoch, batch_idx, loss.item());
  }
}
print(model.fc.bias);
print(model.lstm.weight_hh_l1.sum());`,
  `function check_accuracy(loader, model) {
  if (loader.dataset.train) {
    print("Checking accuracy on training data");
  } else {
    print("Checking accuracy on test data");
  }
  let num_correct = 0;
  let num_samples = 0;
  model.eval();
  torch.no_grad(() => {
    for (let [x, y] of loader) {
      x = x.to({device: device}).squeeze(1);
      y = y.to({device: device});
      const scores = model(x);
      const [_, predictions] = scores.max(1);
      num_correct += (predictions == y).sum();
      num_samples += predictions.size(0);
    }
    print(\`Got \${num_correct} / \${num_samples} with accuracy \${(Number(num_correct) / Number(num_samples) * 100).toFixed(2)}\`);
  });
  model.train();
}
check_accuracy(train_loader, model);
check_accuracy(test_loader, model);
`,
];

const MORE_BASICS = [
  `class CNN extends nn.Module {
  constructor(in_channels, num_classes) {
    super();
    this.conv1 = nn.Conv2d({in_channels: in_channels, out_channels: 6, kernel_size: [3, 3], stride: [1, 1], padding: [1, 1]});
    this.pool = nn.MaxPool2d({kernel_size: [2, 2], stride: [2, 2]});
    this.conv2 = nn.Conv2d({in_channels: 6, out_channels: 16, kernel_size: [3, 3], stride: [1, 1], padding: [1, 1]});
    this.fc1 = nn.Linear(16 * 7 * 7, num_classes);
    this.initialize_weights();
  }
  forward(x) {
    x = F.relu(this.conv1(x));
    x = this.pool(x);
    x = F.relu(this.conv2(x));
    x = this.pool(x);
    x = x.reshape(x.shape[0], -1);
    x = this.fc1(x);
    return x;
  }
  initialize_weights() {
    for (const m of this.modules()) {
      if (m instanceof nn.Conv2d) {
        nn.init.kaiming_uniform_(m.weight);
        if (m.bias !== null) {
          nn.init.constant_(m.bias, 0);
        }
      } else if (m instanceof nn.BatchNorm2d) {
        nn.init.constant_(m.weight, 1);
        nn.init.constant_(m.bias, 0);
      } else if (m instanceof nn.Linear) {
        nn.init.kaiming_uniform_(m.weight);
        nn.init.constant_(m.bias, 0);
      }
    }
  }
}
const model = CNN(in_channels=3, num_classes=10);
for (const param of model.parameters()) {
  print(param.shape, param.sum(), param.abs().max());
}
print(model.conv1.bias);
print(model(torch.ones(2, 3, 28, 28)));`,
  `function save_checkpoint(state, filename = "my_checkpoint.pth.tar") {
  print("=> Saving checkpoint");
  torch.save(state, filename);
}
function load_checkpoint(checkpoint, model, optimizer) {
  print("=> Loading checkpoint");
  model.load_state_dict(checkpoint["state_dict"]);
  optimizer.load_state_dict(checkpoint["optimizer"]);
}
const ckpt_file = path.join(ROOT, "my_checkpoint.pth.tar");
const optimizer = optim.Adam(model.parameters());
const loss = model(torch.ones(2, 3, 28, 28)).pow(2).mean();
loss.backward();
optimizer.step();
const checkpoint = {state_dict: model.state_dict(), optimizer: optimizer.state_dict()};
save_checkpoint(checkpoint, ckpt_file);
const model2 = CNN(3, 10);
const optimizer2 = optim.Adam(model2.parameters());
load_checkpoint(torch.load(ckpt_file), model2, optimizer2);
print(torch.equal(model2.fc1.weight, model.fc1.weight));
print(optimizer2.state_dict()["state"][0]["step"], optimizer2.state_dict()["param_groups"][0]["lr"]);`,
  `const num_classes = 10;
const learning_rate = 0.1;
const batch_size = 128;
const num_epochs = 12;
const lr_model = nn.Sequential(nn.Linear(784, 50), nn.ReLU(), nn.Linear(50, 10));
const train_dataset = torchvision.datasets.MNIST({root: ROOT, train: true, transform: transforms.ToTensor(), download: true});
const train_loader = torch.utils.data.DataLoader({dataset: train_dataset, batch_size: batch_size, shuffle: true});
const criterion = nn.CrossEntropyLoss();
const lr_optimizer = optim.Adam(lr_model.parameters(), {lr: learning_rate});
const scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(lr_optimizer, {factor: 0.1, patience: 5, verbose: true});`,
  `for (let epoch = 1; epoch < num_epochs; epoch++) {
  const losses = [];
  for (let [batch_idx, [data, targets]] of [...train_loader].entries()) {
    data = data.reshape(data.shape[0], -1);
    const scores = lr_model(data);
    const loss = criterion(scores, targets);
    losses.push(loss.item());
    loss.backward();
    lr_optimizer.step();
    lr_optimizer.zero_grad();
  }
  const mean_loss = losses.reduce((a, b) => a + b, 0) / losses.length;
  scheduler.step(mean_loss);
  print(\`Cost at epoch \${epoch} is \${mean_loss}\`);
}
print(lr_optimizer.param_groups[0]["lr"]);`,
  `function get_mean_std(loader) {
  let [channels_sum, channels_sqrd_sum, num_batches] = [0, 0, 0];
  for (const [data, _] of loader) {
    channels_sum += torch.mean(data, {dim: [0, 2, 3]});
    channels_sqrd_sum += torch.mean(data ** 2, {dim: [0, 2, 3]});
    num_batches += 1;
  }
  const mean = channels_sum / num_batches;
  const std = (channels_sqrd_sum / num_batches - mean ** 2) ** 0.5;
  return [mean, std];
}
const train_set = torchvision.datasets.FakeData({size: 96, image_size: [3, 32, 32], num_classes: 10, transform: transforms.ToTensor()});
const std_loader = torch.utils.data.DataLoader({dataset: train_set, batch_size: 64, shuffle: true});
const [mean, std] = get_mean_std(std_loader);
print(mean);
print(std);
`,
];

const TREVETT_MLP = [
  `const SEED = 1234;
torch.manual_seed(SEED);`,
  `let train_data: any = torchvision.datasets.MNIST({root: ROOT, train: true, download: true});`,
  `const mean = train_data.data.float().mean() / 255;
const std = train_data.data.float().std() / 255;`,
  `print(\`Calculated mean: \${mean}\`);
print(\`Calculated std: \${std}\`);`,
  `const train_transforms = transforms.Compose([
  transforms.RandomRotation(5, {fill: [0]}),
  transforms.RandomCrop(28, {padding: 2}),
  transforms.ToTensor(),
  transforms.Normalize({mean: [mean], std: [std]}),
]);
const test_transforms = transforms.Compose([
  transforms.ToTensor(),
  transforms.Normalize({mean: [mean], std: [std]}),
]);`,
  `train_data = torchvision.datasets.MNIST({root: ROOT, train: true, download: true, transform: train_transforms});
const test_data = torchvision.datasets.MNIST({root: ROOT, train: false, download: true, transform: test_transforms});`,
  `print(\`Number of training examples: \${len(train_data)}\`);
print(\`Number of testing examples: \${len(test_data)}\`);`,
  `const VALID_RATIO = 0.9;
const n_train_examples = Math.trunc(len(train_data) * VALID_RATIO);
const n_valid_examples = len(train_data) - n_train_examples;`,
  `let valid_data: any;
[train_data, valid_data] = torch.utils.data.random_split(train_data, [n_train_examples, n_valid_examples]);`,
  `print(\`Number of training examples: \${len(train_data)}\`);
print(\`Number of validation examples: \${len(valid_data)}\`);
print(\`Number of testing examples: \${len(test_data)}\`);
print(valid_data.indices.slice(0, 5));`,
  `valid_data = torch.utils.data.Subset(torchvision.datasets.MNIST({root: ROOT, train: true, transform: test_transforms}), valid_data.indices);
print(valid_data[0][0].sum(), train_data[0][0].sum());`,
  `const BATCH_SIZE = 64;
const train_iterator = torch.utils.data.DataLoader(train_data, {shuffle: true, batch_size: BATCH_SIZE});
const valid_iterator = torch.utils.data.DataLoader(valid_data, {batch_size: BATCH_SIZE});
const test_iterator = torch.utils.data.DataLoader(test_data, {batch_size: BATCH_SIZE});`,
  `class MLP extends nn.Module {
  constructor(input_dim, output_dim) {
    super();
    this.input_fc = nn.Linear(input_dim, 250);
    this.hidden_fc = nn.Linear(250, 100);
    this.output_fc = nn.Linear(100, output_dim);
  }
  forward(x) {
    const batch_size = x.shape[0];
    x = x.view(batch_size, -1);
    const h_1 = F.relu(this.input_fc(x));
    const h_2 = F.relu(this.hidden_fc(h_1));
    const y_pred = this.output_fc(h_2);
    return [y_pred, h_2];
  }
}`,
  `const INPUT_DIM = 28 * 28;
const OUTPUT_DIM = 10;
let model = MLP(INPUT_DIM, OUTPUT_DIM);`,
  `function count_parameters(model) {
  return model.parameters().filter((p) => p.requires_grad).reduce((a, p) => a + p.numel(), 0);
}`,
  `print(\`The model has \${count_parameters(model).toLocaleString("en-US")} trainable parameters\`);`,
  `const optimizer = optim.Adam(model.parameters());
const criterion = nn.CrossEntropyLoss();
const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");
model = model.to(device);
criterion.to(device);`,
  `function calculate_accuracy(y_pred, y) {
  const top_pred = y_pred.argmax(1, {keepdim: true});
  const correct = top_pred.eq(y.view_as(top_pred)).sum();
  const acc = correct.float() / y.shape[0];
  return acc;
}`,
  `function train(model, iterator, optimizer, criterion, device) {
  let epoch_loss = 0;
  let epoch_acc = 0;
  model.train();
  for (let [x, y] of iterator) {
    x = x.to(device);
    y = y.to(device);
    optimizer.zero_grad();
    const [y_pred, _] = model(x);
    const loss = criterion(y_pred, y);
    const acc = calculate_accuracy(y_pred, y);
    loss.backward();
    optimizer.step();
    epoch_loss += loss.item();
    epoch_acc += acc.item();
  }
  return [epoch_loss / len(iterator), epoch_acc / len(iterator)];
}`,
  `function evaluate(model, iterator, criterion, device) {
  let epoch_loss = 0;
  let epoch_acc = 0;
  model.eval();
  torch.no_grad(() => {
    for (let [x, y] of iterator) {
      x = x.to(device);
      y = y.to(device);
      const [y_pred, _] = model(x);
      const loss = criterion(y_pred, y);
      const acc = calculate_accuracy(y_pred, y);
      epoch_loss += loss.item();
      epoch_acc += acc.item();
    }
  });
  return [epoch_loss / len(iterator), epoch_acc / len(iterator)];
}`,
  `function epoch_time(start_time, end_time) {
  const elapsed_time = end_time - start_time;
  const elapsed_mins = Math.trunc(elapsed_time / 60);
  const elapsed_secs = Math.trunc(elapsed_time - (elapsed_mins * 60));
  return [elapsed_mins, elapsed_secs];
}
print(...epoch_time(10, 135.5));`,
  `const EPOCHS = 3;
let best_valid_loss = Infinity;
const model_file = path.join(ROOT, "tut1-model.pt");
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  const [train_loss, train_acc] = train(model, train_iterator, optimizer, criterion, device);
  const [valid_loss, valid_acc] = evaluate(model, valid_iterator, criterion, device);
  if (valid_loss < best_valid_loss) {
    best_valid_loss = valid_loss;
    torch.save(model.state_dict(), model_file);
  }
  print(\`Epoch: \${String(epoch + 1).padStart(2, "0")}\`);
  print(\`\\tTrain Loss: \${train_loss.toFixed(3)} | Train Acc: \${(train_acc * 100).toFixed(2)}%\`);
  print(\`\\t Val. Loss: \${valid_loss.toFixed(3)} |  Val. Acc: \${(valid_acc * 100).toFixed(2)}%\`);
  print(train_loss, valid_loss);
}`,
  `model.load_state_dict(torch.load(model_file));
const [test_loss, test_acc] = evaluate(model, test_iterator, criterion, device);`,
  `print(\`Test Loss: \${test_loss.toFixed(3)} | Test Acc: \${(test_acc * 100).toFixed(2)}%\`);`,
  `function get_predictions(model, iterator, device) {
  model.eval();
  let images = [];
  let labels = [];
  let probs = [];
  torch.no_grad(() => {
    for (let [x, y] of iterator) {
      x = x.to(device);
      const [y_pred, _] = model(x);
      const y_prob = F.softmax(y_pred, {dim: -1});
      images.push(x.cpu());
      labels.push(y.cpu());
      probs.push(y_prob.cpu());
    }
  });
  return [torch.cat(images, {dim: 0}), torch.cat(labels, {dim: 0}), torch.cat(probs, {dim: 0})];
}`,
  `const [images, labels, probs] = get_predictions(model, test_iterator, device);
const pred_labels = torch.argmax(probs, 1);
print(pred_labels[":16"]);`,
  `const cm = torch.bincount(labels * 10 + pred_labels, {minlength: 100}).reshape(10, 10);
print(cm);`,
  `const corrects = torch.eq(labels, pred_labels);
const incorrect_examples = [];
for (let i = 0; i < images.shape[0]; i++) {
  if (!corrects[i].item()) {
    incorrect_examples.push([images[i], labels[i], probs[i]]);
  }
}
incorrect_examples.sort((a, b) => torch.max(b[2], {dim: 0}).values.item() - torch.max(a[2], {dim: 0}).values.item());
print(incorrect_examples.length);
for (const [image, true_label, p] of incorrect_examples.slice(0, 3)) {
  const true_prob = p[true_label];
  const [incorrect_prob, incorrect_label] = torch.max(p, {dim: 0});
  print(\`true label: \${true_label} (\${true_prob.item().toFixed(3)})\`);
  print(\`pred label: \${incorrect_label} (\${incorrect_prob.item().toFixed(3)})\`);
}
`,
];

const TREVETT_LENET_ALEXNET = [
  `class LeNet extends nn.Module {
  constructor(output_dim) {
    super();
    this.conv1 = nn.Conv2d({in_channels: 1, out_channels: 6, kernel_size: 5});
    this.conv2 = nn.Conv2d({in_channels: 6, out_channels: 16, kernel_size: 5});
    this.fc_1 = nn.Linear(16 * 4 * 4, 120);
    this.fc_2 = nn.Linear(120, 84);
    this.fc_3 = nn.Linear(84, output_dim);
  }
  forward(x) {
    x = this.conv1(x);
    x = F.max_pool2d(x, {kernel_size: 2});
    x = F.relu(x);
    x = this.conv2(x);
    x = F.max_pool2d(x, {kernel_size: 2});
    x = F.relu(x);
    x = x.view(x.shape[0], -1);
    const h = x;
    x = this.fc_1(x);
    x = F.relu(x);
    x = this.fc_2(x);
    x = F.relu(x);
    x = this.fc_3(x);
    return [x, h];
  }
}`,
  `let lenet = LeNet(10);
print(\`The model has \${count_parameters(lenet).toLocaleString("en-US")} trainable parameters\`);
const lenet_optimizer = optim.Adam(lenet.parameters());
const [lenet_train_loss, lenet_train_acc] = train(lenet, train_iterator, lenet_optimizer, criterion, device);
const [lenet_valid_loss, lenet_valid_acc] = evaluate(lenet, valid_iterator, criterion, device);
print(lenet_train_loss, lenet_train_acc, lenet_valid_loss, lenet_valid_acc);
print(lenet.conv1.weight.sum(), lenet.fc_3.bias);`,
  `class AlexNet extends nn.Module {
  constructor(output_dim) {
    super();
    this.features = nn.Sequential(
      nn.Conv2d(3, 64, 3, 2, 1),
      nn.MaxPool2d(2),
      nn.ReLU({inplace: true}),
      nn.Conv2d(64, 192, 3, {padding: 1}),
      nn.MaxPool2d(2),
      nn.ReLU({inplace: true}),
      nn.Conv2d(192, 384, 3, {padding: 1}),
      nn.ReLU({inplace: true}),
      nn.Conv2d(384, 256, 3, {padding: 1}),
      nn.ReLU({inplace: true}),
      nn.Conv2d(256, 256, 3, {padding: 1}),
      nn.MaxPool2d(2),
      nn.ReLU({inplace: true}),
    );
    this.classifier = nn.Sequential(
      nn.Dropout(0.5),
      nn.Linear(256 * 2 * 2, 4096),
      nn.ReLU({inplace: true}),
      nn.Dropout(0.5),
      nn.Linear(4096, 4096),
      nn.ReLU({inplace: true}),
      nn.Linear(4096, output_dim),
    );
  }
  forward(x) {
    x = this.features(x);
    const h = x.view(x.shape[0], -1);
    x = this.classifier(h);
    return [x, h];
  }
}
const alexnet = AlexNet(10);
print(\`The model has \${count_parameters(alexnet).toLocaleString("en-US")} trainable parameters\`);`,
  `function initialize_parameters(m) {
  if (m instanceof nn.Conv2d) {
    nn.init.kaiming_normal_(m.weight.data, {nonlinearity: "relu"});
    nn.init.constant_(m.bias.data, 0);
  } else if (m instanceof nn.Linear) {
    nn.init.xavier_normal_(m.weight.data, {gain: nn.init.calculate_gain("relu")});
    nn.init.constant_(m.bias.data, 0);
  }
}`,
  `alexnet.apply(initialize_parameters);
print(alexnet.features[0].weight.std(), alexnet.classifier[4].weight.std(), alexnet.classifier[6].bias.abs().sum());`,
  `const cifar = torchvision.datasets.FakeData({size: 4, image_size: [3, 32, 32], num_classes: 10, transform: transforms.ToTensor()});
const cifar_x = torch.stack([0, 1, 2, 3].map((i) => cifar[i][0]));
alexnet.eval();
const [alex_out, alex_h] = alexnet(cifar_x);
print(alex_out[0], alex_h.shape);
`,
];

/** Each cell's stdout, and an error as `ERROR name: message`. */
function printedCells(nb: ExecutedNotebook): string[] {
  return cellsOf(nb).map((c) => c.printed);
}

/**
 * Each cell prints PyTorch's text (numbers within float32 tolerance); an `ERR` line has PyTorch's class
 * and contains its message (torchlab adds the shapes).
 */
function expectCells(got: string[], want: string[]): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expectSamePrintedCell(i, got[i], w));
}

describe("Aladdin Persson's PyTorch basics as one notebook through `torchlab run`", () => {
  const nbs = sectionsForSuite("persson", { basics: { tensorbasics: BASICS, fullynet: FULLYNET, rnn_gru_lstm: RNN_GRU_LSTM, more_basics: MORE_BASICS, mlp: TREVETT_MLP, lenet_alexnet: TREVETT_LENET_ALEXNET } });

  test("pytorch_tensorbasics.py: creation, conversions, out=, in-place, matmul / bmm / matrix_power, reductions, indexing, view of a transpose (its error), cat / chunk / permute", () => {
    expectCells(printedCells(nbs.tensorbasics), R.tensorbasics);
  });

  test("pytorch_simple_fullynet.py: MNIST from IDX files, a shuffled DataLoader, Adam for 3 epochs (every loss, final weights), check_accuracy", () => {
    expectCells(printedCells(nbs.fullynet), R.fullynet);
  });

  test("pytorch_rnn_gru_lstm.py: RNN / GRU / LSTM many-to-one models over rows, the LSTM trained 2 epochs, check_accuracy with loader.dataset.train", () => {
    expectCells(printedCells(nbs.rnn_gru_lstm), R.rnn_gru_lstm);
  });

  test("pytorch_init_weights.py (a modules() loop with instanceof, kaiming_uniform_ / constant_), pytorch_loadsave.py (a checkpoint dict of state_dicts), pytorch_lr_ratescheduler.py (ReduceLROnPlateau on the mean loss), pytorch_std_mean.py (per-channel mean / std over a loader)", () => {
    expectCells(printedCells(nbs.more_basics), R.more_basics);
  });

  test("Trevett's 1_mlp: mean / std from the data, RandomRotation / RandomCrop / Normalize with 0-d tensors, random_split, the valid split with the test transforms, count_parameters, train / evaluate / epoch_time, the best model saved and loaded, predictions, a confusion matrix with bincount, the most confident mistakes", () => {
    expectCells(printedCells(nbs.mlp), T.mlp);
  });

  test("Trevett's 2_lenet (LeNet with F.max_pool2d, one epoch with the same train / evaluate) and 3_alexnet (AlexNet, count_parameters, apply(initialize_parameters) with kaiming_normal_ / xavier_normal_ and calculate_gain, an eval forward on FakeData)", () => {
    expectCells(printedCells(nbs.lenet_alexnet), T.lenet_alexnet);
  });
});
