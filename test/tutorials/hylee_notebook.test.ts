/**
 * 李宏毅 (Hung-yi Lee, NTU)'s Machine Learning 2021 / 2022 course (one of the most-used PyTorch courses
 * in Chinese), its PyTorch material in the course's order ported line by line in the notebook dialect
 * and run as one notebook through `torchlab run`: the TA's "PyTorch Tutorial" (Pytorch_Tutorial_1.pdf:
 * `torch.tensor([[1, -1], [-1, 1]])`, `torch.zeros([2, 2])`, squeeze / unsqueeze / transpose / cat,
 * dtype and shape, `x.pow(2).sum()` + `backward()` + `x.grad`, `nn.Linear(32, 64)`, Sigmoid / ReLU,
 * MyModel both ways, MSELoss / CrossEntropyLoss, `torch.optim.SGD(model.parameters(), 0.1, momentum=0)`,
 * the training / validation / testing loops, save / load); HW1 2021 (ML2021Spring_HW1.ipynb, the TA's
 * sample code: COVID19Dataset with modes 'train' / 'dev' / 'test' split by `i % 10`, the
 * `(x - mean) / std` normalisation with keepdim, NeuralNet with `cal_loss`, prep_dataloader, `train()`
 * with `getattr(torch.optim, config['optimizer'])(model.parameters(), **config['optim_hparas'])`, the
 * early-stop counter and `torch.save(model.state_dict(), config['save_path'])`, dev(), test(),
 * `del model` + reload, save_pred's csv.writer); HW1 2022 (same_seed, train_valid_split with
 * `random_split(..., generator=torch.Generator().manual_seed(seed))`, predict's
 * `torch.cat(preds, dim=0).numpy()`, select_feat, My_Model, trainer with `math.inf` and its early stop).
 * Every cell prints PyTorch 1.13's text (test/reference/gen_hylee.py, hylee.json; numbers within
 * float32 tolerance, the CSV's digits as NumPy writes them).
 *
 * Stand-ins (gen_hylee.py writes them to test/reference/hylee/, both sides read them): covid.train.csv
 * (id, 40 one-hot states, 3 days x 18 features, the last day's tested_positive the target; 50 rows) and
 * covid.test.csv (the same less the target; 12 rows). HW1 2022 reads the same files (its own layout is
 * 37 states x 5 days; select_all keeps every column either way). The first cell (not a course cell)
 * copies them into a temporary folder made the working directory.
 * Shrunk: the tutorial's MyDataset is 16 rows of a linspace (the slides leave it to the reader), 3
 * epochs; HW1 2021 30 epochs (3000), early_stop 5 (200); HW1 2022 12 epochs (3000), batch 16 (256),
 * early_stop 3 (400).
 * Left out: the matplotlib cells (plot_learning_curve, plot_pred, the 2022 learning curves), the gdown /
 * Kaggle download cells, tqdm's progress bars and tensorboard's SummaryWriter in HW1 2022 (neither is
 * installed beside the generator's PyTorch; `for x, y in tqdm(loader)` is `for x, y in loader`),
 * `np.random.seed` (torchlab has no NumPy). HW2 (TIMIT / LibriDataset, np.load of .npy features) and
 * HW3 (the food CNN on 128x128 images) are not in this port: time ran out, and HW3's five conv blocks at
 * 128x128 would cost more than this suite's CPU budget.
 * Written differently from the course:
 * - NumPy's array is a float64 tensor: `with open(path) as fp: data = list(csv.reader(fp)); data =
 *   np.array(data[1:])[:, 1:].astype(float)` is `torch.tensor(csv.rows(path).slice(1).map(...),
 *   dtype=torch.float64)` (`csv.rows` / `csv.writer` and `os.makedirs` / `os.path.isdir` / `os.mkdir` are
 *   small shims in the import cells; csv.writer ends rows with "\r\n" as Python's); so
 *   `torch.FloatTensor(data)` is `torch.FloatTensor(data.numpy())` (PyTorch, like torchlab, copies a NumPy
 *   array but refuses a double tensor: "expected TensorOptions(dtype=float ...)"), 2022's
 *   `np.array(train_set)` of a Subset is `torch.stack(list(train_set) as torch.Tensor[])`,
 *   `pd.read_csv(path).values` (pandas is not installed) is `read_csv(path)` on both sides, and a shape
 *   printed as NumPy's tuple is `${tuple(train_data.shape)}`.
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `super(NeuralNet, self).__init__()` is
 *   `super()`; `return a, b` is `return [a, b]`; docstrings are comments; `math.inf` is `Infinity`.
 * - Names a later cell rebinds to another type are declared again (`const config`, `let tr_set`);
 *   a local Python rebinds from a list to an array (`preds = torch.cat(preds).numpy()`) is `let preds: any`.
 * Divergences this port found, fixed:
 * - `getattr(torch.optim, config['optimizer'])(...)` did not compile (no getattr): the notebook's
 *   builtins now have Python's getattr / hasattr / setattr (src/pyattr.ts: a method read off an object is
 *   bound, a class stays a class, a missing attribute is Python's AttributeError `'Linear' object has no
 *   attribute 'fc'`, a name that is not a string Python's TypeError); the call with `**config[...]`
 *   then constructs the optimizer (test/builtins.test.ts).
 * - save_pred's `writer.writerow([i, p])` over `preds.numpy()` wrote 5.768559455871582 where NumPy's
 *   float32 scalar writes 5.7685595: a float32 array's items are now the shortest decimal that reads back
 *   as the float32 (test/tensor/ndarray.test.ts).
 * - 2022's select_feat `raw_x_train[:, feat_idx]`, with `feat_idx` a list given in an if / else branch
 *   (`let feat_idx;`, untyped), took columns 0:1:2 (index() reads a bare number array as a slice): an
 *   untyped item of a tuple index is now decided as it runs, a list or range the index tensor PyTorch
 *   makes (kernel/dynamic_ops.ts tupleItem; test/kernel/rewrite_dialect.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "hylee.json"), "utf8")) as Record<string, CellOutput[]>;
const FIXTURE = path.join(__dirname, "..", "reference", "hylee");

/** The stand-ins copied into a temporary folder made the working directory (gen_hylee.py's SETUP). */
const SETUP = `{
  const fs = require("fs"), path = require("path"), os = require("os");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hylee-"));
  for (const f of ["covid.train.csv", "covid.test.csv"]) fs.copyFileSync(path.join(${JSON.stringify(FIXTURE)}, f), path.join(tmp, f));
  process.chdir(tmp);
}`;

const TUTORIAL = [
  `const { Dataset, DataLoader } = torch.utils.data;`,
  // Tensor - Constructor
  `let x = torch.tensor([[1, -1], [-1, 1]]);
x`,
  `x = torch.zeros([2, 2]);
x`,
  `x = torch.ones([1, 2, 5]);
x`,
  // Tensor - Operators: squeeze / unsqueeze / transpose / cat
  `x = torch.zeros([1, 2, 3]);
print(x.shape);
x = x.squeeze(0);
x.shape`,
  `x = torch.zeros([2, 3]);
print(x.shape);
x = x.unsqueeze(1);
x.shape`,
  `x = torch.zeros([2, 3]);
print(x.shape);
x = x.transpose(0, 1);
x.shape`,
  `x = torch.zeros([2, 1, 3]);
let y = torch.zeros([2, 3, 3]);
let z = torch.zeros([2, 2, 3]);
const w = torch.cat([x, y, z], dim=1);
w.shape`,
  // addition, subtraction, power, summation, mean
  `x = torch.tensor([[1., 2.], [3., 4.]]);
y = torch.tensor([[5., 6.], [7., 8.]]);
z = x + y;
print(z);
z = x - y;
print(z);
y = x.pow(2);
print(y);
y = x.sum();
print(y);
y = x.mean();
y`,
  // Data Type
  `print(torch.float, torch.long);
print(torch.tensor([1., 2.]).dtype, torch.tensor([1, 2]).dtype);
print(torch.FloatTensor([1, 2]), torch.LongTensor([1, 2]));
x = torch.zeros([2, 3]);
print(x.shape, x.dtype);
print(x.reshape(3, 2).shape, x.view(6).shape);
x.unsqueeze(1).squeeze().shape`,
  // Device
  `x = x.to('cpu');
print(torch.cuda.is_available());
x.device`,
  // Gradient Calculation
  `x = torch.tensor([[1., 0.], [-1., 1.]], requires_grad=True);
z = x.pow(2).sum();
z.backward();
x.grad`,
  // torch.nn - Network Layers
  `const layer = torch.nn.Linear(32, 64);
print(layer.weight.shape);
layer.bias.shape`,
  `x = torch.randn(5, 32);
print(layer(x).shape);
print(nn.Sigmoid(), nn.ReLU());
print(nn.Sigmoid()(torch.tensor([-1., 0., 1.])));
nn.ReLU()(torch.tensor([-1., 0., 1.]))`,
  // torch.nn - Build your own neural network
  `class MyModel extends nn.Module {
  constructor() {
    super();
    this.net = nn.Sequential(
      nn.Linear(10, 32),
      nn.Sigmoid(),
      nn.Linear(32, 1)
    );
  }

  forward(x) {
    return this.net(x);
  }
}`,
  `class MyModel extends nn.Module {
  constructor() {
    super();
    this.layer1 = nn.Linear(10, 32);
    this.layer2 = nn.Sigmoid();
    this.layer3 = nn.Linear(32, 1);
  }

  forward(x) {
    let out = this.layer1(x);
    out = this.layer2(out);
    out = this.layer3(out);
    return out;
  }
}
MyModel()`,
  // Loss Functions
  `let criterion = nn.MSELoss();
print(criterion(torch.tensor([1., 2.]), torch.tensor([1.5, 1.])));
criterion = nn.CrossEntropyLoss();
criterion(torch.tensor([[1., 2., 0.5], [0.1, 0.2, 3.]]), torch.tensor([1, 2]))`,
  // torch.optim and the loops
  `class MyDataset extends Dataset {
  constructor(file) {
    super();
    this.x = torch.linspace(-1, 1, 40).reshape(4, 10).repeat(4, 1);
    this.y = this.x.sum(dim=1, keepdim=True);
  }

  __getitem__(index) {
    return [this.x[index], this.y[index]];
  }

  __len__() {
    return len(this.x);
  }
}`,
  `let device = torch.cuda.is_available() ? 'cuda' : 'cpu';
const n_epochs = 3;
const dataset = MyDataset('data.csv');
let tr_set = DataLoader(dataset, 4, shuffle=True);
let model = MyModel().to(device);
criterion = nn.MSELoss();
const optimizer = torch.optim.SGD(model.parameters(), 0.1, momentum=0);
print(optimizer);`,
  `let loss: torch.Tensor;
for (const epoch of range(n_epochs)) {
  model.train();
  for (let [x, y] of tr_set) {
    optimizer.zero_grad();
    [x, y] = [x.to(device), y.to(device)];
    const pred = model(x);
    loss = criterion(pred, y);
    loss.backward();
    optimizer.step();
  }
  print(epoch, loss.item());
}`,
  `let dv_set = DataLoader(dataset, 8, shuffle=False);
model.eval();
let total_loss = 0;
for (let [x, y] of dv_set) {
  [x, y] = [x.to(device), y.to(device)];
  let pred: torch.Tensor;
  torch.no_grad(() => {
    pred = model(x);
    loss = criterion(pred, y);
  });
  total_loss += loss.cpu().item() * len(x);
}
const avg_loss = total_loss / len(dv_set.dataset);
avg_loss`,
  `let tt_set = DataLoader(dataset, 8, shuffle=False);
model.eval();
let preds = [];
for (let [x, y] of tt_set) {
  x = x.to(device);
  torch.no_grad(() => {
    const pred = model(x);
    preds.append(pred.cpu());
  });
}
print(len(preds), preds[0].shape);`,
  `const path = 'model.pth';
torch.save(model.state_dict(), path);
let ckpt = torch.load(path);
model.load_state_dict(ckpt)`,
];

const HW1 = [
  `const tr_path = 'covid.train.csv';  // path to training data
const tt_path = 'covid.test.csv';   // path to testing data`,
  `// For data preprocess
const csv = {
  /** \`with open(path) as fp: list(csv.reader(fp))\`: the file's comma-separated rows. */
  rows: (path: string): string[][] => require("fs").readFileSync(path, "utf8").trim().split("\\n").map((line: string) => line.split(",")),
  /** \`with open(file, 'w') as fp: writer = csv.writer(fp)\`: writerow writes str() of each value, "\\r\\n" after each row, as Python's. */
  writer(file: string) {
    require("fs").writeFileSync(file, "");
    return {writerow: (row: unknown[]) => require("fs").appendFileSync(file, row.map((v) => str(v)).join(",") + "\\r\\n")};
  },
};
const os = {makedirs: (name: string, exist_ok = false) => require("fs").mkdirSync(name, {recursive: exist_ok})};

const myseed = 42069;  // set a random seed for reproducibility
torch.backends.cudnn.deterministic = True;
torch.backends.cudnn.benchmark = False;
torch.manual_seed(myseed);
if (torch.cuda.is_available()) {
  torch.cuda.manual_seed_all(myseed);
}`,
  `function get_device() {
  /* Get device (if GPU is available, use GPU) */
  return torch.cuda.is_available() ? 'cuda' : 'cpu';
}`,
  `class COVID19Dataset extends Dataset {
  /* Dataset for loading and preprocessing the COVID19 dataset */
  constructor(path,
              mode='train',
              target_only=False) {
    super();
    this.mode = mode;

    // Read data into numpy arrays
    let rows = csv.rows(path);
    let data = torch.tensor(rows.slice(1).map((r) => r.slice(1).map(Number)), dtype=torch.float64);

    let feats: number[];
    if (!target_only) {
      feats = list(range(93));
    } else {
      // TODO: Using 40 states & 2 tested_positive features (indices = 57 & 75)
    }

    if (mode == 'test') {
      // Testing data
      // data: 893 x 93 (40 states + day 1 (18) + day 2 (18) + day 3 (17))
      data = data[":", feats];
      this.data = torch.FloatTensor(data.numpy());
    } else {
      // Training data (train/dev sets)
      // data: 2700 x 94 (40 states + day 1 (18) + day 2 (18) + day 3 (18))
      const target = data[":, -1"];
      data = data[":", feats];

      // Splitting training data into train & dev sets
      let indices: number[];
      if (mode == 'train') {
        indices = list(range(len(data))).filter((i) => i % 10 != 0);
      } else if (mode == 'dev') {
        indices = list(range(len(data))).filter((i) => i % 10 == 0);
      }

      // Convert data into PyTorch tensors
      this.data = torch.FloatTensor(data[indices].numpy());
      this.target = torch.FloatTensor(target[indices].numpy());
    }

    // Normalize features (you may remove this part to see what will happen)
    this.data[":, 40:"] =
      (this.data[":, 40:"] - this.data[":, 40:"].mean(dim=0, keepdim=True))
      / this.data[":, 40:"].std(dim=0, keepdim=True);

    this.dim = this.data.shape[1];

    print('Finished reading the {} set of COVID19 Dataset ({} samples found, each dim = {})'
          .format(mode, len(this.data), this.dim));
  }

  __getitem__(index) {
    // Returns one sample at a time
    if (this.mode in ['train', 'dev']) {
      // For training
      return [this.data[index], this.target[index]];
    } else {
      // For testing (no target)
      return this.data[index];
    }
  }

  __len__() {
    // Returns the size of the dataset
    return len(this.data);
  }
}`,
  `function prep_dataloader(path, mode, batch_size, n_jobs=0, target_only=False) {
  /* Generates a dataset, then is put into a dataloader. */
  const dataset = COVID19Dataset(path, mode=mode, target_only=target_only);  // Construct dataset
  const dataloader = DataLoader(
    dataset, batch_size,
    shuffle=(mode == 'train'), drop_last=False,
    num_workers=n_jobs, pin_memory=True);                                  // Construct dataloader
  return dataloader;
}`,
  `class NeuralNet extends nn.Module {
  /* A simple fully-connected deep neural network */
  constructor(input_dim) {
    super();

    // Define your neural network here
    // TODO: How to modify this model to achieve better performance?
    this.net = nn.Sequential(
      nn.Linear(input_dim, 64),
      nn.ReLU(),
      nn.Linear(64, 1)
    );

    // Mean squared error loss
    this.criterion = nn.MSELoss(reduction='mean');
  }

  forward(x) {
    /* Given input of size (batch_size x input_dim), compute output of the network */
    return this.net(x).squeeze(1);
  }

  cal_loss(pred, target) {
    /* Calculate loss */
    // TODO: you may implement L1/L2 regularization here
    return this.criterion(pred, target);
  }
}`,
  `function train(tr_set, dv_set, model, config, device) {
  /* DNN training */

  const n_epochs = config['n_epochs'];  // Maximum number of epochs

  // Setup optimizer
  const optimizer = getattr(torch.optim, config['optimizer'])(
    model.parameters(), **config['optim_hparas']);

  let min_mse = 1000.;
  const loss_record = {'train': [], 'dev': []};      // for recording training loss
  let early_stop_cnt = 0;
  let epoch = 0;
  while (epoch < n_epochs) {
    model.train();                              // set model to training mode
    for (let [x, y] of tr_set) {                // iterate through the dataloader
      optimizer.zero_grad();                    // set gradient to zero
      [x, y] = [x.to(device), y.to(device)];    // move data to device (cpu/cuda)
      const pred = model(x);                    // forward pass (compute output)
      const mse_loss = model.cal_loss(pred, y); // compute loss
      mse_loss.backward();                      // compute gradient (backpropagation)
      optimizer.step();                         // update model with optimizer
      loss_record['train'].append(mse_loss.detach().cpu().item());
    }

    // After each epoch, test your model on the validation (development) set.
    const dev_mse = dev(dv_set, model, device);
    if (dev_mse < min_mse) {
      // Save model if your model improved
      min_mse = dev_mse;
      print('Saving model (epoch = {:4d}, loss = {:.4f})'
        .format(epoch + 1, min_mse));
      torch.save(model.state_dict(), config['save_path']);  // Save model to specified path
      early_stop_cnt = 0;
    } else {
      early_stop_cnt += 1;
    }

    epoch += 1;
    loss_record['dev'].append(dev_mse);
    if (early_stop_cnt > config['early_stop']) {
      // Stop training if your model stops improving for "config['early_stop']" epochs.
      break;
    }
  }

  print('Finished training after {} epochs'.format(epoch));
  return [min_mse, loss_record];
}`,
  `function dev(dv_set, model, device) {
  model.eval();                                 // set model to evalutation mode
  let total_loss = 0;
  for (let [x, y] of dv_set) {                  // iterate through the dataloader
    [x, y] = [x.to(device), y.to(device)];      // move data to device (cpu/cuda)
    let pred, mse_loss;
    torch.no_grad(() => {                       // disable gradient calculation
      pred = model(x);                          // forward pass (compute output)
      mse_loss = model.cal_loss(pred, y);       // compute loss
    });
    total_loss += mse_loss.detach().cpu().item() * len(x);  // accumulate loss
  }
  total_loss = total_loss / len(dv_set.dataset);           // compute averaged loss

  return total_loss;
}`,
  `function test(tt_set, model, device) {
  model.eval();                                 // set model to evalutation mode
  let preds: any = [];
  for (let x of tt_set) {                       // iterate through the dataloader
    x = x.to(device);                           // move data to device (cpu/cuda)
    torch.no_grad(() => {                       // disable gradient calculation
      const pred = model(x);                    // forward pass (compute output)
      preds.append(pred.detach().cpu());        // collect prediction
    });
  }
  preds = torch.cat(preds, dim=0).numpy();      // concatenate all predictions and convert to a numpy array
  return preds;
}`,
  `device = get_device();                  // get the current available device ('cpu' or 'cuda')
os.makedirs('models', exist_ok=True);   // The trained model will be saved to ./models/
const target_only = False;              // TODO: Using 40 states & 2 tested_positive features

// TODO: How to tune these hyper-parameters to improve your model's performance?
const config = {
  'n_epochs': 30,                  // maximum number of epochs
  'batch_size': 270,               // mini-batch size for dataloader
  'optimizer': 'SGD',              // optimization algorithm (optimizer in torch.optim)
  'optim_hparas': {                // hyper-parameters for the optimizer (depends on which optimizer you are using)
    'lr': 0.001,                   // learning rate of SGD
    'momentum': 0.9                // momentum for SGD
  },
  'early_stop': 5,                 // early stopping epochs (the number epochs since your model's last improvement)
  'save_path': 'models/model.pth'  // your model will be saved here
};`,
  `tr_set = prep_dataloader(tr_path, 'train', config['batch_size'], target_only=target_only);
dv_set = prep_dataloader(tr_path, 'dev', config['batch_size'], target_only=target_only);
tt_set = prep_dataloader(tt_path, 'test', config['batch_size'], target_only=target_only);`,
  `model = NeuralNet(tr_set.dataset.dim).to(device);  // Construct model and move to device`,
  `const [model_loss, model_loss_record] = train(tr_set, dv_set, model, config, device);`,
  `print(model_loss, len(model_loss_record['train']), len(model_loss_record['dev']));`,
  `delete model;
model = NeuralNet(tr_set.dataset.dim).to(device);
ckpt = torch.load(config['save_path'], map_location='cpu');  // Load your best model
model.load_state_dict(ckpt)`,
  `function save_pred(preds, file) {
  /* Save predictions to specified file */
  print('Saving results to {}'.format(file));
  const writer = csv.writer(file);
  writer.writerow(['id', 'tested_positive']);
  for (const [i, p] of enumerate(preds)) {
    writer.writerow([i, p]);
  }
}

preds = test(tt_set, model, device);  // predict COVID-19 cases with your model
save_pred(preds, 'pred.csv');         // save prediction file to pred.csv`,
  `print(require("fs").readFileSync('pred.csv', 'utf8').replace(/\\r\\n/g, "\\n"));`,
];

/** `pd.read_csv(path).values` (pandas is not installed beside the generator's PyTorch: both sides read the rows as NumPy would, header dropped, float64, the id column kept). */
const READ_CSV = `function read_csv(path) {
  return torch.tensor(csv.rows(path).slice(1).map((r) => r.map(Number)), dtype=torch.float64);
}`;

const HW1_2022 = [
  `// Numerical Operations
const math = {inf: Infinity};

// Reading/Writing Data
const os = {path: {isdir: (p: string): boolean => require("fs").existsSync(p) && require("fs").statSync(p).isDirectory()}, mkdir: (p: string) => require("fs").mkdirSync(p)};

// Pytorch
const { random_split } = torch.utils.data;`,
  `function same_seed(seed) {
  /* Fixes random number generator seeds for reproducibility. */
  torch.backends.cudnn.deterministic = True;
  torch.backends.cudnn.benchmark = False;
  torch.manual_seed(seed);
  if (torch.cuda.is_available()) {
    torch.cuda.manual_seed_all(seed);
  }
}

function train_valid_split(data_set, valid_ratio, seed) {
  /* Split provided training data into training set and validation set */
  const valid_set_size = int(valid_ratio * len(data_set));
  const train_set_size = len(data_set) - valid_set_size;
  const [train_set, valid_set] = random_split(data_set, [train_set_size, valid_set_size], generator=torch.Generator().manual_seed(seed));
  return [torch.stack(list(train_set) as torch.Tensor[]), torch.stack(list(valid_set) as torch.Tensor[])];
}

function predict(test_loader, model, device) {
  model.eval(); // Set your model to evaluation mode.
  let preds: any = [];
  for (let x of test_loader) {
    x = x.to(device);
    torch.no_grad(() => {
      const pred = model(x);
      preds.append(pred.detach().cpu());
    });
  }
  preds = torch.cat(preds, dim=0).numpy();
  return preds;
}`,
  `class COVID19Dataset extends Dataset {
  /*
  x: Features.
  y: Targets, if none, do prediction.
  */
  constructor(x, y=None) {
    super();
    if (y === None) {
      this.y = y;
    } else {
      this.y = torch.FloatTensor(y.numpy());
    }
    this.x = torch.FloatTensor(x.numpy());
  }

  __getitem__(idx) {
    if (this.y === None) {
      return this.x[idx];
    } else {
      return [this.x[idx], this.y[idx]];
    }
  }

  __len__() {
    return len(this.x);
  }
}`,
  `class My_Model extends nn.Module {
  constructor(input_dim) {
    super();
    // TODO: modify model's structure, be aware of dimensions.
    this.layers = nn.Sequential(
      nn.Linear(input_dim, 16),
      nn.ReLU(),
      nn.Linear(16, 8),
      nn.ReLU(),
      nn.Linear(8, 1)
    );
  }

  forward(x) {
    x = this.layers(x);
    x = x.squeeze(1); // (B, 1) -> (B)
    return x;
  }
}`,
  `function select_feat(train_data, valid_data, test_data, select_all=True) {
  /* Selects useful features to perform regression */
  const [y_train, y_valid] = [train_data[":,-1"], valid_data[":,-1"]];
  const [raw_x_train, raw_x_valid, raw_x_test] = [train_data[":,:-1"], valid_data[":,:-1"], test_data];

  let feat_idx;
  if (select_all) {
    feat_idx = list(range(raw_x_train.shape[1]));
  } else {
    feat_idx = [0,1,2,3,4]; // TODO: Select suitable feature columns.
  }

  return [raw_x_train[":",feat_idx], raw_x_valid[":",feat_idx], raw_x_test[":",feat_idx], y_train, y_valid];
}`,
  `function trainer(train_loader, valid_loader, model, config, device) {

  const criterion = nn.MSELoss(reduction='mean'); // Define your loss function, do not modify this.

  // Define your optimization algorithm.
  // TODO: Please check https://pytorch.org/docs/stable/optim.html to get more available algorithms.
  // TODO: L2 regularization (optimizer(weight decay...) or implement by your self).
  const optimizer = torch.optim.SGD(model.parameters(), lr=config['learning_rate'], momentum=0.9);

  if (!os.path.isdir('./models')) {
    os.mkdir('./models'); // Create directory of saving models.
  }

  let [n_epochs, best_loss, step, early_stop_count] = [config['n_epochs'], math.inf, 0, 0];

  for (const epoch of range(n_epochs)) {
    model.train(); // Set your model to train mode.
    let loss_record = [];

    for (let [x, y] of train_loader) {
      optimizer.zero_grad();                  // Set gradient to zero.
      [x, y] = [x.to(device), y.to(device)];  // Move your data to device.
      const pred = model(x);
      const loss = criterion(pred, y);
      loss.backward();                        // Compute gradient(backpropagation).
      optimizer.step();                       // Update parameters.
      step += 1;
      loss_record.append(loss.detach().item());
    }

    const mean_train_loss = sum(loss_record)/len(loss_record);

    model.eval(); // Set your model to evaluation mode.
    loss_record = [];
    for (let [x, y] of valid_loader) {
      [x, y] = [x.to(device), y.to(device)];
      let loss;
      torch.no_grad(() => {
        const pred = model(x);
        loss = criterion(pred, y);
      });

      loss_record.append(loss.item());
    }

    const mean_valid_loss = sum(loss_record)/len(loss_record);
    print(\`Epoch [\${epoch+1}/\${n_epochs}]: Train loss: \${mean_train_loss:.4f}, Valid loss: \${mean_valid_loss:.4f}\`);

    if (mean_valid_loss < best_loss) {
      best_loss = mean_valid_loss;
      torch.save(model.state_dict(), config['save_path']); // Save your best model
      print('Saving model with loss {:.3f}...'.format(best_loss));
      early_stop_count = 0;
    } else {
      early_stop_count += 1;
    }

    if (early_stop_count >= config['early_stop']) {
      print('\\nModel is not improving, so we halt the training session.');
      return;
    }
  }
}`,
  `device = torch.cuda.is_available() ? 'cuda' : 'cpu';
const config = {
  'seed': 5201314,      // Your seed number, you can pick your lucky number. :)
  'select_all': True,   // Whether to use all features.
  'valid_ratio': 0.2,   // validation_size = train_size * valid_ratio
  'n_epochs': 12,       // Number of epochs.
  'batch_size': 16,
  'learning_rate': 1e-5,
  'early_stop': 3,      // If model has not improved for this many consecutive epochs, stop training.
  'save_path': './models/model.ckpt'  // Your model will be saved here.
};`,
  `// Set seed for reproducibility
same_seed(config['seed']);


// train_data size: 2699 x 118 (id + 37 states + 16 features x 5 days)
// test_data size: 1078 x 117 (without last day's positive rate)
let [train_data, test_data] = [read_csv('./covid.train.csv'), read_csv('./covid.test.csv')];
let valid_data;
[train_data, valid_data] = train_valid_split(train_data, config['valid_ratio'], config['seed']);

// Print out the data size.
print(\`train_data size: \${tuple(train_data.shape)}
valid_data size: \${tuple(valid_data.shape)}
test_data size: \${tuple(test_data.shape)}\`);

// Select features
const [x_train, x_valid, x_test, y_train, y_valid] = select_feat(train_data, valid_data, test_data, config['select_all']);

// Print out the number of features.
print(\`number of features: \${x_train.shape[1]}\`);

const [train_dataset, valid_dataset, test_dataset] = [COVID19Dataset(x_train, y_train),
                                                      COVID19Dataset(x_valid, y_valid),
                                                      COVID19Dataset(x_test)];

// Pytorch data loader loads pytorch dataset into batches.
const train_loader = DataLoader(train_dataset, batch_size=config['batch_size'], shuffle=True, pin_memory=True);
const valid_loader = DataLoader(valid_dataset, batch_size=config['batch_size'], shuffle=True, pin_memory=True);
const test_loader = DataLoader(test_dataset, batch_size=config['batch_size'], shuffle=False, pin_memory=True);`,
  `model = My_Model(input_dim=x_train.shape[1]).to(device); // put your model and data on the same computation device.
trainer(train_loader, valid_loader, model, config, device);`,
  `function save_pred(preds, file) {
  /* Save predictions to specified file */
  const writer = csv.writer(file);
  writer.writerow(['id', 'tested_positive']);
  for (const [i, p] of enumerate(preds)) {
    writer.writerow([i, p]);
  }
}

model = My_Model(input_dim=x_train.shape[1]).to(device);
model.load_state_dict(torch.load(config['save_path']));
preds = predict(test_loader, model, device);
save_pred(preds, 'pred.csv');`,
  `print(require("fs").readFileSync('pred.csv', 'utf8').replace(/\\r\\n/g, "\\n"));`,
];

describe("李宏毅 ML2021 / ML2022 PyTorch tutorial and HW1 as a notebook", () => {
  const nbs = sectionsForSuite("hylee", { hylee: { hylee: [SETUP, ...TUTORIAL, ...HW1, READ_CSV, ...HW1_2022] } });
  test("each cell prints what PyTorch 1.13 prints", () => {
    expectSameCells(cellsOf(nbs.hylee), R.hylee);
  });
});
