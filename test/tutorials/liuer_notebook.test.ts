/**
 * 刘二大人 (Liu Er)'s "《PyTorch深度学习实践》完结合集" (Bilibili, one of the most-watched Chinese PyTorch
 * courses), lectures 02-13 in the course's order ported line by line in the notebook dialect and run as
 * one notebook through `torchlab run`: 02 linear model (the exhaustive w search), 03 gradient descent
 * and stochastic gradient descent on plain floats, 04 back propagation (`w = torch.Tensor([1.0]);
 * w.requires_grad = True`, `w.data = w.data - 0.01 * w.grad.data`, `w.grad.data.zero_()`), 05 linear
 * regression (`torch.nn.MSELoss(size_average=False)`), 06 logistic regression (BCELoss(size_average=False),
 * F.sigmoid), 07 the diabetes net on np.loadtxt's data, 08 DiabetesDataset + DataLoader(shuffle=True,
 * num_workers=2) under `if __name__ == '__main__':`, 09 the softmax classifier on MNIST (`train(epoch)` /
 * `test()`, `'[%d, %5d] loss: %.3f' % (...)`, `torch.max(outputs.data, dim=1)`), 10 the basic CNN
 * (`device = torch.device("cuda:0" if ... else "cpu")`, `model.to(device)`), 11 InceptionA and
 * ResidualBlock nets, 12 "hello" -> "ohlol" with RNNCell, RNN and Embedding + RNN, 13 the names -> country
 * classifier (NameDataset with `self.len`, nn.Embedding, bidirectional nn.GRU on `pack_padded_sequence`,
 * `torch.cat([hidden[-1], hidden[-2]], dim=1)`, make_tensors' `sort(dim=0, descending=True)`, trainModel /
 * testModel). Every cell prints
 * PyTorch 1.13's text (test/reference/gen_liuer.py, liuer.json; numbers within float32 tolerance).
 *
 * Stand-ins (gen_liuer.py writes them to test/reference/liuer/, both sides read them): diabetes.csv.gz
 * is 40 seeded rows (8 features, a 0/1 label); MNIST is torchvision's raw IDX files, 128 training and 64
 * test images of seeded noise with a bright bar placed by the label; names_train.csv.gz / names_test.csv.gz are
 * 40 / 16 seeded "name,country" rows (4 countries, names built from a few syllables each). The first cell (not a course cell)
 * copies them into a temporary folder laid out as the scripts expect (MNIST under ../dataset/mnist/).
 * Shrunk: 03 keeps its 100 epochs, 04 runs 10 (100), 05 / 06 / 07 30 (1000 / 1000 / 100), 08 3 (100),
 * 09, 10 and 11 one epoch (10), 13 two epochs (100) with HIDDEN_SIZE 16 (100), BATCH_SIZE 8 (256) and
 * its progress line every 2 batches (10); the MNIST loops print every 2 batches (`batch_idx % 2 == 1`, `running_loss / 2`
 * for 300); 10 / 11's test() also prints `[correct/total]`, as the lecture's own version does.
 * Left out: the matplotlib cells (the MSE / cost / loss curves, 06's probability plot over np.linspace);
 * 13's accuracy plot. 13's `[{time_since(start)}]` text is wall-clock time: the comparison masks it.
 * Written differently from the course:
 * - `np.arange(0.0, 4.1, 0.1)` is `Array.from(range(41), (i) => 0.0 + i * 0.1)` (NumPy's start + i * step).
 * - 07 / 08 are as the lecture writes them: NumPy's `np.loadtxt('diabetes.csv.gz', delimiter=',',
 *   dtype=np.float32)` (gzip read by the name's extension) and `torch.from_numpy(xy[:, :-1])` with Python's
 *   slices (kernel/python_slices.ts); they used a stand-in loadtxt and the quoted slice form before.
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `super(Net, self).__init__()` is `super()`;
 *   `return a, b` is `return [a, b]`; `_, predicted = ...` is `const [_, predicted] = ...`; the `%`
 *   operator's tuple is an array; `[idx2char[x] for x in idx]` is `[...idx].map((x) => idx2char[x])`.
 * - A name a later lecture rebinds to another type (`w`, `loss`, `model`, `labels`, `idx2char`...) is
 *   declared again in that lecture's cell (the kernel allows it, as Python does).
 * - 13: `import time, math, gzip, csv` is a `time.time()` / `math` shim in the cell, and `with gzip.open(f, 'rt')
 *   as f: rows = list(csv.reader(f))` a setup-cell helper `gzip_csv_rows(filename)`;
 *   `seq_tensor[idx, :seq_len] = ...` is ``seq_tensor[`${idx}, :${seq_len}`] = ...`` (the dialect's string
 *   index; the tensor bound is read through its `__index__`); the globals trainModel
 *   reads (`classifier`, `start`, `epoch`) are declared with `let` above the `if __name__` block
 *   (TypeScript scopes a block's `const` to the block).
 * - A whole-number float prints as JavaScript writes it (`1`, Python's `1.0`): the comparison reads
 *   numbers by value (expectSameCells).
 * Divergences this port found, fixed:
 * - `F.sigmoid(...)` showed no warning; PyTorch's says "nn.functional.sigmoid is deprecated. Use
 *   torch.sigmoid instead." (F.tanh likewise), once, as torchlab now does (nn.Sigmoid / nn.Tanh stay
 *   silent, as PyTorch's call torch.sigmoid). The test also compares each cell's UserWarnings, so
 *   `MSELoss(size_average=False)`'s "size_average and reduce args will be deprecated, please use
 *   reduction='sum' instead." (shown once, by 05) is checked.
 * - `if __name__ == '__main__':` did not compile (no `__name__`): the notebook's builtins now have
 *   Python's `__name__`, `'__main__'` in a Jupyter cell.
 * - `print('Predicted string: ', end='')` did not compile ("print() got an unexpected keyword argument
 *   'end'"): print's values were typed `unknown`, so the dialect found no options for the keywords.
 * - 07's `loss_list.append(loss.item())` did not compile in a cell that also defines the Model class
 *   ("Property 'append' does not exist on type 'any[]'"): the `__call__` pass (kernel/call_dunder.ts)
 *   took the missing `append` for an untyped attribute and wrapped it before the list-method rewrite
 *   saw it; a name an array or a string lacks is now left to that rewrite.
 * - 08's `this.len = xy.shape[0]` beside `__len__() { return this.len; }` did not compile: torchlab's
 *   Dataset declared a `len()` method (its TypeScript spelling of `__len__`). `len` is now absent from
 *   the class's type, as `getitem` was: a subclass may hold a field of either name, and everything
 *   that sizes or reads a dataset uses `__len__` / `__getitem__` when the other name is not a method
 *   (test/utils/dataset_subclass.test.ts).
 * - 13's `torch.zeros(len(name_sequences), seq_lengths.max())` did not compile or run: a size had to be a
 *   number; a one-element integer tensor is now one, as PyTorch's `__index__` makes it (a float one is
 *   still the TypeError) (test/api/creation_kwargs.test.ts).
 * - `for x in idx` over `idx.data.numpy()` threw (torchlab's ndarray was not iterable); it iterates
 *   over the first axis as NumPy's does.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, streamText, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "liuer.json"), "utf8")) as Record<string, (CellOutput & { warnings: string[] })[]>;
const FIXTURE = path.join(__dirname, "..", "reference", "liuer");

/** The stand-ins copied into a temporary folder (gen_liuer.py's SETUP). */
const SETUP = `/** Lecture 13's \`with gzip.open(filename, 'rt') as f: rows = list(csv.reader(f))\` (plain comma-separated rows). */
function gzip_csv_rows(filename: string): string[][] {
  const fs = require("fs"), zlib = require("zlib");
  return zlib.gunzipSync(fs.readFileSync(filename)).toString("utf8").trim().split("\\n").map((line: string) => line.split(","));
}
{
  const fs = require("fs"), path = require("path"), os = require("os");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "liuer-"));
  const fixture = ${JSON.stringify(FIXTURE)};
  fs.cpSync(path.join(fixture, "MNIST"), path.join(tmp, "dataset/mnist/MNIST"), {recursive: true});
  fs.mkdirSync(path.join(tmp, "work"));
  fs.copyFileSync(path.join(fixture, "diabetes.csv.gz"), path.join(tmp, "work/diabetes.csv.gz"));
  for (const part of ["train", "test"]) fs.copyFileSync(path.join(fixture, \`names_\${part}.csv.gz\`), path.join(tmp, \`work/names_\${part}.csv.gz\`));
  process.chdir(path.join(tmp, "work"));
}`;

const MNIST_DATA = `const { DataLoader } = torch.utils.data;
const { datasets } = torchvision;

const batch_size = 64;
const transform = transforms.Compose([
  transforms.ToTensor(),
  transforms.Normalize([0.1307], [0.3081])
]);

const train_dataset = datasets.MNIST(root='../dataset/mnist/',
                                     train=True,
                                     download=True,
                                     transform=transform);
const train_loader = DataLoader(train_dataset,
                                shuffle=True,
                                batch_size=batch_size);
const test_dataset = datasets.MNIST(root='../dataset/mnist/',
                                    train=False,
                                    download=True,
                                    transform=transform);
const test_loader = DataLoader(test_dataset,
                               shuffle=False,
                               batch_size=batch_size);`;

const TRAIN_TEST = `function train(epoch) {
  let running_loss = 0.0;
  for (const [batch_idx, data] of enumerate(train_loader, 0)) {
    let [inputs, target] = data;
    [inputs, target] = [inputs.to(device), target.to(device)];
    optimizer.zero_grad();

    // forward + backward + update
    const outputs = model(inputs);
    const loss = criterion(outputs, target);
    loss.backward();
    optimizer.step();

    running_loss += loss.item();
    if (batch_idx % 2 == 1) {
      print('[%d, %5d] loss: %.3f' % [epoch + 1, batch_idx + 1, running_loss / 2]);
      running_loss = 0.0;
    }
  }
}


function test() {
  let correct = 0;
  let total = 0;
  torch.no_grad(() => {
    for (const data of test_loader) {
      let [inputs, target] = data;
      [inputs, target] = [inputs.to(device), target.to(device)];
      const outputs = model(inputs);
      const [_, predicted] = torch.max(outputs.data, dim=1);
      total += target.size(0);
      correct += (predicted == target).sum().item();
    }
  });
  print('accuracy on test set: %d %% [%d/%d]' % [100 * correct / total, correct, total]);
}`;

const CELLS = [
  SETUP,
  // 02 linear model
  `const x_data = [1.0, 2.0, 3.0];
const y_data = [2.0, 4.0, 6.0];


function forward(x) {
  return x * w;
}


function loss(x, y) {
  const y_pred = forward(x);
  return (y_pred - y) * (y_pred - y);
}


const w_list = [];
const mse_list = [];
let w = 0;
for (w of Array.from(range(41), (i) => 0.0 + i * 0.1)) {
  print('w=', w);
  let l_sum = 0;
  for (const [x_val, y_val] of zip(x_data, y_data)) {
    const y_pred_val = forward(x_val);
    const loss_val = loss(x_val, y_val);
    l_sum += loss_val;
    print('\\t', x_val, y_val, y_pred_val, loss_val);
  }
  print('MSE=', l_sum / 3);
  w_list.append(w);
  mse_list.append(l_sum / 3);
}
print(len(w_list), min(mse_list));`,
  // 03 gradient descent
  `const x_data = [1.0, 2.0, 3.0];
const y_data = [2.0, 4.0, 6.0];

let w = 1.0;


function forward(x) {
  return x * w;
}


function cost(xs, ys) {
  let cost = 0;
  for (const [x, y] of zip(xs, ys)) {
    const y_pred = forward(x);
    cost += (y_pred - y) ** 2;
  }
  return cost / len(xs);
}


function gradient(xs, ys) {
  let grad = 0;
  for (const [x, y] of zip(xs, ys)) {
    grad += 2 * x * (x * w - y);
  }
  return grad / len(xs);
}


const epoch_list = [];
const cost_list = [];
print('predict (before training)', 4, forward(4));
for (const epoch of range(100)) {
  const cost_val = cost(x_data, y_data);
  const grad_val = gradient(x_data, y_data);
  w -= 0.01 * grad_val;  // 0.01 learning rate
  print('epoch:', epoch, 'w=', w, 'loss=', cost_val);
  epoch_list.append(epoch);
  cost_list.append(cost_val);
}

print('predict (after training)', 4, forward(4));`,
  // 03 stochastic gradient descent
  `const x_data = [1.0, 2.0, 3.0];
const y_data = [2.0, 4.0, 6.0];

let w = 1.0;


function forward(x) {
  return x * w;
}


// calculate loss function
function loss(x, y) {
  const y_pred = forward(x);
  return (y_pred - y) ** 2;
}


// define the gradient function  sgd
function gradient(x, y) {
  return 2 * x * (x * w - y);
}


const epoch_list = [];
const loss_list = [];
print('predict (before training)', 4, forward(4));
for (const epoch of range(100)) {
  let l;
  for (const [x, y] of zip(x_data, y_data)) {
    const grad = gradient(x, y);
    w = w - 0.01 * grad;  // update weight by every grad of sample of training set
    print("\\tgrad:", x, y, grad);
    l = loss(x, y);
  }
  print("progress:", epoch, "w=", w, "loss=", l);
  epoch_list.append(epoch);
  loss_list.append(l);
}

print('predict (after training)', 4, forward(4));`,
  // 04 back propagation
  `const x_data = [1.0, 2.0, 3.0];
const y_data = [2.0, 4.0, 6.0];

const w = torch.Tensor([1.0]);  // w的初值为1.0
w.requires_grad = True;  // 需要计算梯度
print(w.data);


function forward(x) {
  return x * w;  // w是一个Tensor
}


function loss(x, y) {
  const y_pred = forward(x);
  return (y_pred - y) ** 2;
}


print("predict (before training)", 4, forward(4).item());

for (const epoch of range(10)) {
  let l;
  for (const [x, y] of zip(x_data, y_data)) {
    l = loss(x, y);  // l是一个张量，tensor主要是在建立计算图 forward, compute the loss
    l.backward();  // backward,compute grad for Tensor whose requires_grad set to True
    print('\\tgrad:', x, y, w.grad.item());
    w.data = w.data - 0.01 * w.grad.data;  // 权重更新时，注意grad也是一个tensor

    w.grad.data.zero_();  // after update, remember set the grad to zero
  }
  print('progress:', epoch, l.item());  // 取出loss使用l.item，不要直接使用l（l是tensor会构建计算图）
}

print("predict (after training)", 4, forward(4).item());`,
  // 05 linear regression with PyTorch
  `// prepare dataset
// x,y是矩阵，3行1列 也就是说总共有3个数据，每个数据只有1个特征
let x_data = torch.Tensor([[1.0], [2.0], [3.0]]);
let y_data = torch.Tensor([[2.0], [4.0], [6.0]]);


class LinearModel extends torch.nn.Module {
  constructor() {
    super();
    // (1,1)是指输入x和输出y的特征维度，这里数据集中的x和y的特征都是1维的
    // 该线性层需要学习的参数是w和b  获取w/b的方式分别是~linear.weight/linear.bias
    this.linear = torch.nn.Linear(1, 1);
  }

  forward(x) {
    const y_pred = this.linear(x);
    return y_pred;
  }
}


let model: any = LinearModel();

// construct loss and optimizer
let criterion: any = torch.nn.MSELoss(size_average=False);
let optimizer: any = torch.optim.SGD(model.parameters(), lr=0.01);  // model.parameters()自动完成参数的初始化操作

// training cycle forward, backward, update
for (const epoch of range(30)) {
  const y_pred = model(x_data);  // forward:predict
  const loss = criterion(y_pred, y_data);  // forward: loss
  print(epoch, loss.item());

  optimizer.zero_grad();  // the grad computer by .backward() will be accumulated. so before backward, remember set the grad to zero
  loss.backward();  // backward: autograd，自动计算梯度
  optimizer.step();  // update 参数，即更新w和b的值
}

print('w = ', model.linear.weight.item());
print('b = ', model.linear.bias.item());

let x_test = torch.Tensor([[4.0]]);
let y_test = model(x_test);
print('y_pred = ', y_test.data);`,
  // 06 logistic regression
  `// prepare dataset
x_data = torch.Tensor([[1.0], [2.0], [3.0]]);
y_data = torch.Tensor([[0], [0], [1]]);


// design model using class
class LogisticRegressionModel extends torch.nn.Module {
  constructor() {
    super();
    this.linear = torch.nn.Linear(1, 1);
  }

  forward(x) {
    const y_pred = F.sigmoid(this.linear(x));
    return y_pred;
  }
}


model = LogisticRegressionModel();

// construct loss and optimizer
// 默认情况下，loss会基于element平均，如果size_average=False的话，loss会被累加。
criterion = torch.nn.BCELoss(size_average=False);
optimizer = torch.optim.SGD(model.parameters(), lr=0.01);

// training cycle forward, backward, update
for (const epoch of range(30)) {
  const y_pred = model(x_data);
  const loss = criterion(y_pred, y_data);
  print(epoch, loss.item());

  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
}

print('w = ', model.linear.weight.item());
print('b = ', model.linear.bias.item());

x_test = torch.Tensor([[4.0]]);
y_test = model(x_test);
print('y_pred = ', y_test.data);
print(F.sigmoid(torch.Tensor([[-1.0], [0.0], [2.5]])));`,
  // 07 multiple dimension input
  `// prepare dataset
const xy = np.loadtxt('diabetes.csv.gz', delimiter=',', dtype=np.float32);
x_data = torch.from_numpy(xy[:, :-1]);  // 第一个':'是指读取所有行，第二个':'是指从第一列开始，最后一列不要
y_data = torch.from_numpy(xy[:, [-1]]);  // [-1] 最后得到的是个矩阵
print(x_data.shape, y_data.shape);
print(y_data[":5"]);


// design model using class
class Model extends torch.nn.Module {
  constructor() {
    super();
    this.linear1 = torch.nn.Linear(8, 6);  // 输入数据x的特征是8维，x有8个特征
    this.linear2 = torch.nn.Linear(6, 4);
    this.linear3 = torch.nn.Linear(4, 1);
    this.sigmoid = torch.nn.Sigmoid();  // 将其看作是网络的一层，而不是简单的函数使用
  }

  forward(x) {
    x = this.sigmoid(this.linear1(x));
    x = this.sigmoid(this.linear2(x));
    x = this.sigmoid(this.linear3(x));  // y hat
    return x;
  }
}


model = Model();

// construct loss and optimizer
// criterion = torch.nn.BCELoss(size_average = True)
criterion = torch.nn.BCELoss(reduction='mean');
optimizer = torch.optim.SGD(model.parameters(), lr=0.1);

const epoch_list = [];
const loss_list = [];
// training cycle forward, backward, update
for (const epoch of range(30)) {
  const y_pred = model(x_data);
  const loss = criterion(y_pred, y_data);
  print(epoch, loss.item());
  epoch_list.append(epoch);
  loss_list.append(loss.item());

  optimizer.zero_grad();
  loss.backward();

  optimizer.step();
}`,
  // 08 Dataset and DataLoader
  `const { Dataset, DataLoader } = torch.utils.data;


// prepare dataset
class DiabetesDataset extends Dataset {
  constructor(filepath) {
    super();
    const xy = np.loadtxt(filepath, delimiter=',', dtype=np.float32);
    this.len = xy.shape[0];  // shape(多少行，多少列)
    this.x_data = torch.from_numpy(xy[:, :-1]);
    this.y_data = torch.from_numpy(xy[:, [-1]]);
  }

  __getitem__(index) {
    return [this.x_data[index], this.y_data[index]];
  }

  __len__() {
    return this.len;
  }
}


const dataset = DiabetesDataset('diabetes.csv.gz');
const train_loader = DataLoader(dataset=dataset, batch_size=32, shuffle=True, num_workers=2);  // num_workers 多线程
print(len(dataset), len(train_loader));


// design model using class
class Model extends torch.nn.Module {
  constructor() {
    super();
    this.linear1 = torch.nn.Linear(8, 6);
    this.linear2 = torch.nn.Linear(6, 4);
    this.linear3 = torch.nn.Linear(4, 1);
    this.sigmoid = torch.nn.Sigmoid();
  }

  forward(x) {
    x = this.sigmoid(this.linear1(x));
    x = this.sigmoid(this.linear2(x));
    x = this.sigmoid(this.linear3(x));
    return x;
  }
}


model = Model();

// construct loss and optimizer
criterion = torch.nn.BCELoss(reduction='mean');
optimizer = torch.optim.SGD(model.parameters(), lr=0.01);

// training cycle forward, backward, update
if (__name__ == '__main__') {
  for (const epoch of range(3)) {
    for (const [i, data] of enumerate(train_loader, 0)) {  // train_loader 是先shuffle后mini_batch
      const [inputs, labels] = data;
      const y_pred = model(inputs);
      const loss = criterion(y_pred, labels);
      print(epoch, i, loss.item());

      optimizer.zero_grad();
      loss.backward();

      optimizer.step();
    }
  }
}`,
  // 09 softmax classifier
  `${MNIST_DATA}


class Net extends torch.nn.Module {
  constructor() {
    super();
    this.l1 = torch.nn.Linear(784, 512);
    this.l2 = torch.nn.Linear(512, 256);
    this.l3 = torch.nn.Linear(256, 128);
    this.l4 = torch.nn.Linear(128, 64);
    this.l5 = torch.nn.Linear(64, 10);
  }

  forward(x) {
    x = x.view(-1, 784);
    x = F.relu(this.l1(x));
    x = F.relu(this.l2(x));
    x = F.relu(this.l3(x));
    x = F.relu(this.l4(x));
    return this.l5(x);
  }
}


model = Net();

criterion = torch.nn.CrossEntropyLoss();
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.5);


function train(epoch) {
  let running_loss = 0.0;
  for (const [batch_idx, data] of enumerate(train_loader, 0)) {
    // 获得一个批次的数据和标签
    const [inputs, target] = data;
    optimizer.zero_grad();
    // 获得模型预测结果(64, 10)
    const outputs = model(inputs);
    // 交叉熵代价函数outputs(64,10),target（64）
    const loss = criterion(outputs, target);
    loss.backward();
    optimizer.step();

    running_loss += loss.item();
    if (batch_idx % 2 == 1) {
      print('[%d, %5d] loss: %.3f' % [epoch + 1, batch_idx + 1, running_loss / 2]);
      running_loss = 0.0;
    }
  }
}


function test() {
  let correct = 0;
  let total = 0;
  torch.no_grad(() => {
    for (const data of test_loader) {
      const [images, labels] = data;
      const outputs = model(images);
      const [_, predicted] = torch.max(outputs.data, dim=1);  // dim = 1 列是第0个维度，行是第1个维度
      total += labels.size(0);
      correct += (predicted == labels).sum().item();  // 张量之间的比较运算
    }
  });
  print('accuracy on test set: %d %% ' % (100 * correct / total));
}


if (__name__ == '__main__') {
  for (const epoch of range(1)) {
    train(epoch);
    test();
  }
}`,
  // 10 basic CNN
  `// design model using class
class Net extends torch.nn.Module {
  constructor() {
    super();
    this.conv1 = torch.nn.Conv2d(1, 10, kernel_size=5);
    this.conv2 = torch.nn.Conv2d(10, 20, kernel_size=5);
    this.pooling = torch.nn.MaxPool2d(2);
    this.fc = torch.nn.Linear(320, 10);
  }

  forward(x) {
    // flatten data from (n,1,28,28) to (n, 784)
    const batch_size = x.size(0);
    x = F.relu(this.pooling(this.conv1(x)));
    x = F.relu(this.pooling(this.conv2(x)));
    x = x.view(batch_size, -1);  // -1 此处自动算出的是320
    x = this.fc(x);

    return x;
  }
}


model = Net();
const device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");
model.to(device);
print(device);
print(model);

// construct loss and optimizer
criterion = torch.nn.CrossEntropyLoss();
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.5);


${TRAIN_TEST}


if (__name__ == '__main__') {
  for (const epoch of range(1)) {
    train(epoch);
    test();
  }
}`,
  // 11 advanced CNN: GoogLeNet's Inception
  `class InceptionA extends nn.Module {
  constructor(in_channels) {
    super();
    this.branch1x1 = nn.Conv2d(in_channels, 16, kernel_size=1);

    this.branch5x5_1 = nn.Conv2d(in_channels, 16, kernel_size=1);
    this.branch5x5_2 = nn.Conv2d(16, 24, kernel_size=5, padding=2);

    this.branch3x3_1 = nn.Conv2d(in_channels, 16, kernel_size=1);
    this.branch3x3_2 = nn.Conv2d(16, 24, kernel_size=3, padding=1);
    this.branch3x3_3 = nn.Conv2d(24, 24, kernel_size=3, padding=1);

    this.branch_pool = nn.Conv2d(in_channels, 24, kernel_size=1);
  }

  forward(x) {
    const branch1x1 = this.branch1x1(x);

    let branch5x5 = this.branch5x5_1(x);
    branch5x5 = this.branch5x5_2(branch5x5);

    let branch3x3 = this.branch3x3_1(x);
    branch3x3 = this.branch3x3_2(branch3x3);
    branch3x3 = this.branch3x3_3(branch3x3);

    let branch_pool = F.avg_pool2d(x, kernel_size=3, stride=1, padding=1);
    branch_pool = this.branch_pool(branch_pool);

    const outputs = [branch1x1, branch5x5, branch3x3, branch_pool];
    return torch.cat(outputs, dim=1);  // b,c,w,h  c对应的是dim=1
  }
}


class Net extends nn.Module {
  constructor() {
    super();
    this.conv1 = nn.Conv2d(1, 10, kernel_size=5);
    this.conv2 = nn.Conv2d(88, 20, kernel_size=5);  // 88 = 24x3 + 16

    this.incep1 = InceptionA(in_channels=10);  // 与conv1 中的10对应
    this.incep2 = InceptionA(in_channels=20);  // 与conv2 中的20对应

    this.mp = nn.MaxPool2d(2);
    this.fc = nn.Linear(1408, 10);
  }

  forward(x) {
    const in_size = x.size(0);
    x = F.relu(this.mp(this.conv1(x)));
    x = this.incep1(x);
    x = F.relu(this.mp(this.conv2(x)));
    x = this.incep2(x);
    x = x.view(in_size, -1);
    x = this.fc(x);

    return x;
  }
}


model = Net();
model.to(device);
criterion = torch.nn.CrossEntropyLoss();
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.5);

if (__name__ == '__main__') {
  for (const epoch of range(1)) {
    train(epoch);
    test();
  }
}`,
  // 11 advanced CNN: ResidualBlock
  `class ResidualBlock extends nn.Module {
  constructor(channels) {
    super();
    this.channels = channels;
    this.conv1 = nn.Conv2d(channels, channels, kernel_size=3, padding=1);
    this.conv2 = nn.Conv2d(channels, channels, kernel_size=3, padding=1);
  }

  forward(x) {
    let y = F.relu(this.conv1(x));
    y = this.conv2(y);
    return F.relu(x + y);
  }
}


class Net extends nn.Module {
  constructor() {
    super();
    this.conv1 = nn.Conv2d(1, 16, kernel_size=5);
    this.conv2 = nn.Conv2d(16, 32, kernel_size=5);  // 88 = 24x3 + 16

    this.rblock1 = ResidualBlock(16);
    this.rblock2 = ResidualBlock(32);

    this.mp = nn.MaxPool2d(2);
    this.fc = nn.Linear(512, 10);  // 暂时不知道1408咋能自动出来的
  }

  forward(x) {
    const in_size = x.size(0);

    x = this.mp(F.relu(this.conv1(x)));
    x = this.rblock1(x);
    x = this.mp(F.relu(this.conv2(x)));
    x = this.rblock2(x);

    x = x.view(in_size, -1);
    x = this.fc(x);
    return x;
  }
}


model = Net();
model.to(device);
criterion = torch.nn.CrossEntropyLoss();
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.5);

if (__name__ == '__main__') {
  for (const epoch of range(1)) {
    train(epoch);
    test();
  }
}`,
  // 12 basic RNN: RNNCell
  `let input_size = 4;
let hidden_size = 4;
let batch_size = 1;

let idx2char = ['e', 'h', 'l', 'o'];
let x_data: any = [1, 0, 2, 2, 3];  // hello中各个字符的下标
let y_data = [3, 1, 2, 3, 2];  // ohlol中各个字符的下标

const one_hot_lookup = [[1, 0, 0, 0],
                        [0, 1, 0, 0],
                        [0, 0, 1, 0],
                        [0, 0, 0, 1]];
const x_one_hot = x_data.map((x) => one_hot_lookup[x]);  // (seqLen, inputSize)

let inputs = torch.Tensor(x_one_hot).view(-1, batch_size, input_size);
let labels = torch.LongTensor(y_data).view(-1, 1);  // torch.Tensor默认是torch.FloatTensor是32位浮点类型数据，torch.LongTensor是64位整型
print(inputs.shape, labels.shape);


class Model extends torch.nn.Module {
  constructor(input_size, hidden_size, batch_size) {
    super();
    this.batch_size = batch_size;
    this.input_size = input_size;
    this.hidden_size = hidden_size;
    this.rnncell = torch.nn.RNNCell(input_size=this.input_size, hidden_size=this.hidden_size);
  }

  forward(input, hidden) {
    hidden = this.rnncell(input, hidden);
    return hidden;
  }

  init_hidden() {
    return torch.zeros(this.batch_size, this.hidden_size);
  }
}


let net: any = Model(input_size, hidden_size, batch_size);

criterion = torch.nn.CrossEntropyLoss();
optimizer = torch.optim.Adam(net.parameters(), lr=0.1);

for (const epoch of range(15)) {
  let loss = 0;
  optimizer.zero_grad();
  let hidden = net.init_hidden();
  print('Predicted string: ', end='');
  for (const [input, label] of zip(inputs, labels)) {
    hidden = net(input, hidden);
    // 注意交叉熵在计算loss的时候维度关系，这里的hidden是([1, 4]), label是 ([1])
    loss += criterion(hidden, label);
    const [_, idx] = hidden.max(dim=1);
    print(idx2char[idx.item()], end='');
  }
  loss.backward();
  optimizer.step();
  print(', Epoch [%d/15] loss=%.4f' % [epoch + 1, loss.item()]);
}`,
  // 12 basic RNN: torch.nn.RNN
  `let num_layers = 1;
let seq_len = 5;

labels = torch.LongTensor(y_data);


class Model extends torch.nn.Module {
  constructor(input_size, hidden_size, batch_size, num_layers=1) {
    super();
    this.num_layers = num_layers;
    this.batch_size = batch_size;
    this.input_size = input_size;
    this.hidden_size = hidden_size;
    this.rnn = torch.nn.RNN(input_size=this.input_size, hidden_size=this.hidden_size, num_layers=this.num_layers);
  }

  forward(input) {
    const hidden = torch.zeros(this.num_layers, this.batch_size, this.hidden_size);
    const [out, _] = this.rnn(input, hidden);
    return out.view(-1, this.hidden_size);  // reshape成(SeqLen * batchSize, hiddenSize)
  }
}


net = Model(input_size, hidden_size, batch_size, num_layers);

criterion = torch.nn.CrossEntropyLoss();
optimizer = torch.optim.Adam(net.parameters(), lr=0.05);

for (const epoch of range(15)) {
  optimizer.zero_grad();
  const outputs = net(inputs);
  const loss = criterion(outputs, labels);
  loss.backward();
  optimizer.step();

  let [_, idx] = outputs.max(dim=1);
  idx = idx.data.numpy();
  print('Predicted: ', ''.join([...idx].map((x) => idx2char[x])), end='');
  print(', Epoch [%d/15] loss = %.3f' % [epoch + 1, loss.item()]);
}`,
  // 12 basic RNN: Embedding
  `// parameters
const num_class = 4;
input_size = 4;
hidden_size = 8;
const embedding_size = 10;
num_layers = 2;
batch_size = 1;
seq_len = 5;

idx2char = ['e', 'h', 'l', 'o'];
x_data = [[1, 0, 2, 2, 3]];  // (batch, seq_len)
y_data = [3, 1, 2, 3, 2];  // (batch * seq_len)

inputs = torch.LongTensor(x_data);  // Input should be LongTensor: (batchSize, seqLen)
labels = torch.LongTensor(y_data);  // Target should be LongTensor: (batchSize * seqLen)


class Model extends torch.nn.Module {
  constructor() {
    super();
    this.emb = torch.nn.Embedding(input_size, embedding_size);
    this.rnn = torch.nn.RNN(input_size=embedding_size, hidden_size=hidden_size, num_layers=num_layers,
                            batch_first=True);
    this.fc = torch.nn.Linear(hidden_size, num_class);
  }

  forward(x) {
    const hidden = torch.zeros(num_layers, x.size(0), hidden_size);
    x = this.emb(x);  // (batch, seqLen, embeddingSize)
    [x] = this.rnn(x, hidden);  // 输出(batchSize, seqLen, hiddenSize)
    x = this.fc(x);  // 输出(batchSize, seqLen, numClass)
    return x.view(-1, num_class);  // reshape to use Cross Entropy: (batchSize * seqLen, numClass)
  }
}


net = Model();

criterion = torch.nn.CrossEntropyLoss();
optimizer = torch.optim.Adam(net.parameters(), lr=0.05);

for (const epoch of range(15)) {
  optimizer.zero_grad();
  const outputs = net(inputs);
  const loss = criterion(outputs, labels);
  loss.backward();
  optimizer.step();

  let [_, idx] = outputs.max(dim=1);
  idx = idx.data.numpy();
  print('Predicted: ', ''.join([...idx].map((x) => idx2char[x])), end='');
  print(', Epoch [%d/15] loss = %.3f' % [epoch + 1, loss.item()]);
}`,
  // 13 the names -> country GRU classifier
  `const { Dataset, DataLoader } = torch.utils.data;
const { pack_padded_sequence } = torch.nn.utils.rnn;
const time = { time: () => Date.now() / 1000 };
const math = Math;

const HIDDEN_SIZE = 16;
const BATCH_SIZE = 8;
const N_LAYER = 2;
const N_EPOCHS = 2;
const N_CHARS = 128;
const USE_GPU = False;


class NameDataset extends Dataset {
  constructor(is_train_set = True) {
    super();
    const filename = is_train_set ? 'names_train.csv.gz' : 'names_test.csv.gz';
    const rows = gzip_csv_rows(filename);
    this.names = rows.map((row) => row[0]);
    this.len = len(this.names);
    this.countries = rows.map((row) => row[1]);
    this.country_list = list(sorted(set(this.countries)));
    this.country_dict = this.getCountryDict();
    this.country_num = len(this.country_list);
  }

  __getitem__(index) {
    return [this.names[index], this.country_dict[this.countries[index]]];
  }

  __len__() {
    return this.len;
  }

  getCountryDict() {
    const country_dict = {};
    for (const [idx, country_name] of enumerate(this.country_list, 0)) {
      country_dict[country_name] = idx;
    }
    return country_dict;
  }

  idx2country(index) {
    return this.country_list[index];
  }

  getCountriesNum() {
    return this.country_num;
  }
}


const trainset = NameDataset(is_train_set=True);
const trainloader = DataLoader(trainset, batch_size=BATCH_SIZE, shuffle=True);
const testset = NameDataset(is_train_set=False);
const testloader = DataLoader(testset, batch_size=BATCH_SIZE, shuffle=False);

const N_COUNTRY = trainset.getCountriesNum();


function create_tensor(tensor) {
  if (USE_GPU) {
    const device = torch.device("cuda:0");
    tensor = tensor.to(device);
  }
  return tensor;
}


class RNNClassifier extends torch.nn.Module {
  constructor(input_size, hidden_size, output_size, n_layers = 1, bidirectional = True) {
    super();
    this.hidden_size = hidden_size;
    this.n_layers = n_layers;
    this.n_directions = bidirectional ? 2 : 1;

    this.embedding = torch.nn.Embedding(input_size, hidden_size);
    this.gru = torch.nn.GRU(hidden_size, hidden_size, n_layers, bidirectional=bidirectional);
    this.fc = torch.nn.Linear(hidden_size * this.n_directions, output_size);
  }

  _init_hidden(batch_size) {
    const hidden = torch.zeros(this.n_layers * this.n_directions, batch_size, this.hidden_size);
    return create_tensor(hidden);
  }

  forward(input, seq_lengths) {
    // input shape : B x S -> S x B
    input = input.t();
    const batch_size = input.size(1);

    let hidden = this._init_hidden(batch_size);
    const embedding = this.embedding(input);

    // pack them up
    const gru_input = pack_padded_sequence(embedding, seq_lengths);

    let output;
    [output, hidden] = this.gru(gru_input, hidden);
    let hidden_cat;
    if (this.n_directions == 2) {
      hidden_cat = torch.cat([hidden[-1], hidden[-2]], dim=1);
    } else {
      hidden_cat = hidden[-1];
    }
    const fc_output = this.fc(hidden_cat);
    return fc_output;
  }
}


function name2list(name) {
  const arr = [...name].map((c) => c.codePointAt(0));
  return [arr, len(arr)];
}


function make_tensors(names, countries) {
  const sequences_and_lengths = names.map((name) => name2list(name));
  const name_sequences = sequences_and_lengths.map((sl) => sl[0]);
  let seq_lengths = torch.LongTensor(sequences_and_lengths.map((sl) => sl[1]));
  countries = countries.long();

  // make tensor of name, BatchSize x SeqLen
  let seq_tensor = torch.zeros(len(name_sequences), seq_lengths.max()).long();
  for (const [idx, [seq, seq_len]] of enumerate(zip(name_sequences, seq_lengths), 0)) {
    seq_tensor[\`\${idx}, :\${seq_len}\`] = torch.LongTensor(seq);
  }

  // sort by length to use pack_padded_sequence
  let perm_idx;
  [seq_lengths, perm_idx] = seq_lengths.sort(dim=0, descending=True);
  seq_tensor = seq_tensor[perm_idx];
  countries = countries[perm_idx];

  return [create_tensor(seq_tensor), create_tensor(seq_lengths), create_tensor(countries)];
}


function time_since(since) {
  let s = time.time() - since;
  const m = math.floor(s / 60);
  s -= m * 60;
  return '%dm %ds' % [m, s];
}


function trainModel() {
  let total_loss = 0;
  for (const [i, [names, countries]] of enumerate(trainloader, 1)) {
    const [inputs, seq_lengths, target] = make_tensors(names, countries);
    const output = classifier(inputs, seq_lengths);
    const loss = criterion(output, target);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();

    total_loss += loss.item();
    if (i % 2 == 0) {
      print(\`[\${time_since(start)}] Epoch \${epoch} \`, end='');
      print(\`[\${i * len(inputs)}/\${len(trainset)}] \`, end='');
      print(\`loss=\${total_loss / (i * len(inputs))}\`);
    }
  }
  return total_loss;
}


function testModel() {
  let correct = 0;
  const total = len(testset);
  print("evaluating trained model ...");
  torch.no_grad(() => {
    for (const [i, [names, countries]] of enumerate(testloader, 1)) {
      const [inputs, seq_lengths, target] = make_tensors(names, countries);
      const output = classifier(inputs, seq_lengths);
      const pred = output.max(dim=1, keepdim=True)[1];
      correct += pred.eq(target.view_as(pred)).sum().item();
    }

    const percent = '%.2f' % (100 * correct / total);
    print(\`Test set: Accuracy \${correct}/\${total} \${percent}%\`);
  });
  return correct / total;
}


let classifier;
let start;
let epoch;
if (__name__ == '__main__') {
  classifier = RNNClassifier(N_CHARS, HIDDEN_SIZE, N_COUNTRY, N_LAYER);
  if (USE_GPU) {
    const device = torch.device("cuda:0");
    classifier.to(device);
  }

  criterion = torch.nn.CrossEntropyLoss();
  optimizer = torch.optim.Adam(classifier.parameters(), lr=0.001);

  start = time.time();
  print("Training for %d epochs..." % N_EPOCHS);
  const acc_list = [];
  for (epoch of range(1, N_EPOCHS + 1)) {
    // Train cycle
    trainModel();
    const acc = testModel();
    acc_list.append(acc);
  }
}`,
];

describe("刘二大人 PyTorch深度学习实践 as a notebook", () => {
  const nbs = sectionsForSuite("liuer", { liuer: { liuer: CELLS } });
  test("each cell prints what PyTorch 1.13 prints", () => {
    // 13's time_since text (\`[0m 0s]\`) is wall-clock time: compared as a time, not its value.
    const untimed = <C extends CellOutput>(cells: C[]) => cells.map((c) => ({ ...c, printed: c.printed.replace(/^\[\d+m \d+s\] /gm, "[time] ") }));
    const R13 = R.liuer[R.liuer.length - 1].printed;
    expect(R13.match(/^\[\d+m \d+s\] Epoch /gm)?.length).toBe(4);
    expectSameCells(untimed(cellsOf(nbs.liuer)), untimed(R.liuer));
  });
  test("each cell shows the UserWarnings PyTorch 1.13 shows (size_average's deprecation, F.sigmoid's)", () => {
    const shown = nbs.liuer.cells.map((c) =>
      (c.outputs ?? []).filter((o) => o.output_type === "stream" && o.name === "stderr").flatMap((o) => [...streamText(o).matchAll(/UserWarning: (.*)/g)].map((m) => m[1])),
    );
    expect(shown).toEqual(R.liuer.map((c) => c.warnings));
  });
});
