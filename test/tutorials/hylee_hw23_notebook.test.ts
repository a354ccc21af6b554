/**
 * 李宏毅 (Hung-yi Lee, NTU)'s Machine Learning 2022 HW2 and HW3, the TA's sample code ported line by line
 * in the notebook dialect and run through `torchlab run`, one notebook each (hylee_notebook.test.ts has
 * the tutorial and HW1): HW2 (ML2022Spring_HW2.ipynb, framewise phoneme classification: load_feat's
 * torch.load of a .pt feature file, shift with repeat / cat, concat_feat with view / permute and the
 * writes `x[mid + r_idx, :] = shift(...)` through a permuted view, preprocess_data's
 * `open(...).readlines()`, `line.strip('\n').split(' ')`, the label dict, random.seed + random.shuffle of
 * the split, `torch.empty` filled by `X[idx: idx + cur_len, :] = feat` and cut by `X = X[:idx, :]`,
 * LibriDataset, BasicBlock and Classifier's `nn.Sequential(BasicBlock(...), *[BasicBlock(...) for _ in
 * range(hidden_layers)], nn.Linear(...))`, same_seeds, AdamW, the train / val loop with
 * `_, train_pred = torch.max(outputs, 1)` and `(train_pred.detach() == labels.detach()).sum().item()`,
 * saving the best model, `del` + gc.collect(), the prediction loop's np.concatenate and prediction.csv);
 * HW3 (ML2022Spring_HW3.ipynb, food classification: test_tfm / train_tfm, FoodDataset over sorted
 * os.listdir / os.path.join / endswith(".jpg") with PIL's Image.open and the label from the file name
 * (`except: label = -1` for the test files), the five Conv2d / BatchNorm2d / ReLU / MaxPool2d blocks and
 * the fc, Adam with weight_decay, `nn.utils.clip_grad_norm_(model.parameters(), max_norm=10)`,
 * `(logits.argmax(dim=-1) == labels.to(device)).float().mean()`, `sum(train_accs) / len(train_accs)` of
 * tensors into an f-string's `:.5f`, the valid loop, the log lines, `patience`'s early stop,
 * `torch.save(model.state_dict(), f"{_exp_name}_best.ckpt")`, the test cells' np.argmax and
 * `prediction += test_label.squeeze().tolist()`, submission.csv). Every cell prints PyTorch 1.13's text
 * (test/reference/gen_hylee_hw23.py, hylee_hw23.json; numbers within float32 tolerance).
 *
 * Stand-ins (gen_hylee_hw23.py writes them to test/reference/hylee_hw23/, both sides read them):
 * libriphone/ (10 training and 4 test utterances of 10-30 frames x 39 float32 features, saved by
 * PyTorch's torch.save; a frame's label the argmax of its first 8 features) and food11/ (11 training,
 * 5 validation and 4 test PNGs of 24x24, written by PIL; so FoodDataset keeps `x.endswith(".png")`
 * where the course has ".jpg": torchlab's JPEG decoder (Skia's) and PIL's (libjpeg-turbo) differ by one
 * level in a few pixels of these JPEGs (sum of squares 33369976 vs 33369978 for one image), which the
 * conv net's gradients amplify past float32 tolerance by the third epoch). Each notebook's first cell
 * (not a course cell) copies them into a temporary folder made the working directory.
 * Shrunk: HW2 concat_nframes 5 (the sample's 1 returns before concat_feat's shifts), max_len 3000
 * (3000000: torch.empty allocates in torchlab, 2.3 GB at 195 features), batch_size 64 (512); HW3
 * Resize((32, 32)) (128) and so the fc's first Linear(512*1*1, 1024) (512*4*4), patience 0 (300) so that
 * the early stop runs within the course's 3 epochs; 11 training images make one batch of the course's 64.
 * Cells not in the course: HW2's shift / concat_feat on a 4x3 arange (a wrong shift shows as itself),
 * HW3's one dataset item (shape, label, a row of pixels: the decode and Resize) and a test item's -1,
 * and each notebook's last cell printing what it wrote (prediction.csv, submission.csv).
 * Left out: the download / unzip / nvidia-smi cells, `np.random.seed` (the generator leaves it out: no cell draws from it), HW3's
 * unused second train_tfm and Residual_Network cells (the "you may try" part), `import pandas` in HW2
 * (unused). tqdm stays: the prelude's bar goes to stderr as tqdm's does; the generator's tqdm hands the
 * iterable back (tqdm is not installed beside its PyTorch).
 * Written differently from the course:
 * - `import os` and `open(...)` are small shims in the import cells: `os.path.join` joins as Python's
 *   (Node's path.join would print `food11/training` for `./food11/training`), `open(path).readlines()`
 *   keeps the line ends, `with open(...) as f:` is a block with `const f = open(...)`. NumPy and pandas
 *   are the prelude's np and pd, as the sample code calls them (`np.array([], dtype=np.int32)`,
 *   `np.concatenate`, `np.argmax(..., axis=1)`, `pd.DataFrame()` filled by column and `to_csv(index=False)`).
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `super(Classifier, self).__init__()` is
 *   `super()`; `return X, y` is `return [X, y]`; `try: ... except:` is `try {...} catch {...}`;
 *   `x[:n]` is `x[\`:${n}\`]`; `del a, b` is one `delete` each; `assert` is the prelude's.
 * - `import gc` is a shim whose collect() returns nothing (torchlab frees tensors itself); the generator's
 *   `del train_loader, val_loader` cell ends `gc.collect();`, so IPython shows no value either (Python's
 *   is the number of objects collected, which no two runs share).
 * Divergences this port found, fixed:
 * - concat_feat's `x[mid + r_idx, :] = shift(x[mid + r_idx], r_idx)` with `x` an untyped parameter did
 *   not compile ("The left-hand side of an assignment expression must be a variable or a property
 *   access"): a comma subscript written on an untyped receiver is now a tensor's tuple setitem, as it
 *   is read (kernel/rewrite.ts; test/kernel/rewrite_dialect.test.ts).
 * - HW3's `prediction += test_label.squeeze().tolist()` did not compile ("Operator '+=' cannot be
 *   applied to types 'any[]' and 'unknown'") and pad4's `"0"*(4-len(str(i)))` neither ("The left-hand
 *   side of an arithmetic operation must be of type 'any', 'number'..."); held untyped, JavaScript would
 *   have joined the lists into a string and made NaN. Python's sequence operators now run as Python's:
 *   `list + list` a new list, `lst += iterable` extends the same list, `seq * n` / `n * seq` repeats,
 *   anything else Python's TypeError (kernel/dynamic_ops.ts; test/kernel/rewrite_dialect.test.ts).
 * - `len(pred)` of a NumPy array (torchlab's ndarray) was "object of type 'ndarray' has no len()", and
 *   ndarray had no squeeze(): both are NumPy's now (src/tensor/ndarray.ts; test/tensor/ndarray.test.ts).
 * Divergences found, left (the port writes around them): a PIL-written JPEG decodes a level off in a few
 * pixels (see Stand-ins); an ndarray's `dtype` prints torch's `torch.int64` where NumPy prints `int64`
 * (the extra cell prints `len(pred)` only); a list sliced with the dialect's string form
 * (`usage_list[\`:\${percent}\`]` held untyped) reads undefined, so the split is `usage_list.slice(0,
 * percent)`; `del a, b` as `delete a, b` is JavaScript's comma (only `a` goes, `b` is the cell's value),
 * so each name has its own `delete`.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "hylee_hw23.json"), "utf8")) as Record<string, CellOutput[]>;
const FIXTURE = path.join(__dirname, "..", "reference", "hylee_hw23");

/** gen_hylee_hw23.py's setup(folder): the stand-in copied into a temporary folder made the working directory. */
const setup = (folder: string) => `{
  const fs = require("fs"), path = require("path"), os = require("os");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hylee-hw23-"));
  fs.cpSync(path.join(${JSON.stringify(FIXTURE)}, ${JSON.stringify(folder)}), path.join(tmp, ${JSON.stringify(folder)}), {recursive: true});
  process.chdir(tmp);
}`;

/** `import os` and Python's open(), as far as the sample code uses them. */
const OS_OPEN = `const os = {
  path: {join: (...parts: string[]): string => parts.reduce((a, b) => (b.startsWith("/") ? b : a === "" || a.endsWith("/") ? a + b : a + "/" + b))},
  listdir: (p: string): string[] => require("fs").readdirSync(p),
};
function open(file: string, mode = "r") {
  const fs = require("fs");
  if (mode === "w") fs.writeFileSync(file, "");
  if (mode === "a") fs.appendFileSync(file, "");
  return {
    readlines: (): string[] => fs.readFileSync(file, "utf8").split(/(?<=\\n)/),
    read: (): string => fs.readFileSync(file, "utf8"),
    write: (s: string) => fs.appendFileSync(file, s),
  };
}`;

const HW2 = [
  setup("libriphone"),
  `${OS_OPEN}

function load_feat(path) {
  const feat = torch.load(path);
  return feat;
}

function shift(x, n) {
  let left, right;
  if (n < 0) {
    left = x[0].repeat(-n, 1);
    right = x[\`:\${n}\`];

  } else if (n > 0) {
    right = x[-1].repeat(n, 1);
    left = x[\`\${n}:\`];
  } else {
    return x;
  }

  return torch.cat([left, right], dim=0);
}

function concat_feat(x, concat_n) {
  assert(concat_n % 2 == 1); // n must be odd
  if (concat_n < 2) {
    return x;
  }
  const [seq_len, feature_dim] = [x.size(0), x.size(1)];
  x = x.repeat(1, concat_n);
  x = x.view(seq_len, concat_n, feature_dim).permute(1, 0, 2); // concat_n, seq_len, feature_dim
  const mid = Math.floor(concat_n / 2);
  for (const r_idx of range(1, mid+1)) {
    x[mid + r_idx, ":"] = shift(x[mid + r_idx], r_idx);
    x[mid - r_idx, ":"] = shift(x[mid - r_idx], -r_idx);
  }

  return x.permute(1, 0, 2).view(seq_len, concat_n * feature_dim);
}

function preprocess_data(split, feat_dir, phone_path, concat_nframes, train_ratio=0.8, train_val_seed=1337) {
  const class_num = 41; // NOTE: pre-computed, should not need change
  const mode = (split == 'train' || split == 'val') ? 'train' : 'test';

  const label_dict = {};
  if (mode != 'test') {
    const phone_file: any[] = open(os.path.join(phone_path, \`\${mode}_labels.txt\`)).readlines();

    for (let line of phone_file) {
      line = line.strip('\\n').split(' ');
      label_dict[line[0]] = line.slice(1).map((p) => int(p));
    }
  }

  let usage_list;
  if (split == 'train' || split == 'val') {
    // split training and validation data
    usage_list = open(os.path.join(phone_path, 'train_split.txt')).readlines();
    random.seed(train_val_seed);
    random.shuffle(usage_list);
    const percent = int(len(usage_list) * train_ratio);
    usage_list = split == 'train' ? usage_list.slice(0, percent) : usage_list.slice(percent);
  } else if (split == 'test') {
    usage_list = open(os.path.join(phone_path, 'test_split.txt')).readlines();
  } else {
    throw new ValueError('Invalid \\'split\\' argument for dataset: PhoneDataset!');
  }

  usage_list = usage_list.map((line) => line.strip('\\n'));
  print('[Dataset] - # phone classes: ' + str(class_num) + ', number of utterances for ' + split + ': ' + str(len(usage_list)));

  const max_len = 3000;
  let X = torch.empty(max_len, 39 * concat_nframes);
  let y;
  if (mode != 'test') {
    y = torch.empty(max_len, dtype=torch.long);
  }

  let idx = 0;
  for (const [i, fname] of tqdm(enumerate(usage_list))) {
    let feat = load_feat(os.path.join(feat_dir, mode, \`\${fname}.pt\`));
    const cur_len = len(feat);
    feat = concat_feat(feat, concat_nframes);
    let label;
    if (mode != 'test') {
      label = torch.LongTensor(label_dict[fname]);
    }

    X[\`\${idx}:\${idx + cur_len}\`, ":"] = feat;
    if (mode != 'test') {
      y[\`\${idx}:\${idx + cur_len}\`] = label;
    }

    idx += cur_len;
  }

  X = X[\`:\${idx}\`, ":"];
  if (mode != 'test') {
    y = y[\`:\${idx}\`];
  }

  print(\`[INFO] \${split} set\`);
  print(X.shape);
  if (mode != 'test') {
    print(y.shape);
    return [X, y];
  } else {
    return X;
  }
}`,
  `let x = torch.arange(12.).view(4, 3);
print(shift(x, 1));
print(shift(x, -2));
concat_feat(x, 3)`,
  `const { Dataset, DataLoader } = torch.utils.data;

class LibriDataset extends Dataset {
  constructor(X, y=None) {
    super();
    this.data = X;
    if (y !== None) {
      this.label = torch.LongTensor(y);
    } else {
      this.label = None;
    }
  }

  __getitem__(idx) {
    if (this.label !== None) {
      return [this.data[idx], this.label[idx]];
    } else {
      return this.data[idx];
    }
  }

  __len__() {
    return len(this.data);
  }
}`,
  `class BasicBlock extends nn.Module {
  constructor(input_dim, output_dim) {
    super();

    this.block = nn.Sequential(
      nn.Linear(input_dim, output_dim),
      nn.ReLU(),
    );
  }

  forward(x) {
    x = this.block(x);
    return x;
  }
}


class Classifier extends nn.Module {
  constructor(input_dim, output_dim=41, hidden_layers=1, hidden_dim=256) {
    super();

    this.fc = nn.Sequential(
      BasicBlock(input_dim, hidden_dim),
      ...list(range(hidden_layers)).map((_) => BasicBlock(hidden_dim, hidden_dim)),
      nn.Linear(hidden_dim, output_dim)
    );
  }

  forward(x) {
    x = this.fc(x);
    return x;
  }
}`,
  `// data prarameters
const concat_nframes = 5;            // the number of frames to concat with, n must be odd (total 2k+1 = n frames)
const train_ratio = 0.8;             // the ratio of data used for training, the rest will be used for validation

// training parameters
const seed = 0;                      // random seed
const batch_size = 64;               // batch size
const num_epoch = 5;                 // the number of training epoch
const learning_rate = 0.0001;        // learning rate
const model_path = './model.ckpt';   // the path where the checkpoint will be saved

// model parameters
const input_dim = 39 * concat_nframes; // the input dim of the model, you should not change the value
const hidden_layers = 1;             // the number of hidden layers
const hidden_dim = 256;              // the hidden dim`,
  `const gc = {collect: (): void => {}};

// preprocess data
let [train_X, train_y] = preprocess_data(split='train', feat_dir='./libriphone/feat', phone_path='./libriphone', concat_nframes=concat_nframes, train_ratio=train_ratio);
let [val_X, val_y] = preprocess_data(split='val', feat_dir='./libriphone/feat', phone_path='./libriphone', concat_nframes=concat_nframes, train_ratio=train_ratio);

// get dataset
const train_set = LibriDataset(train_X, train_y);
const val_set = LibriDataset(val_X, val_y);

// remove raw feature to save memory
delete train_X; delete train_y; delete val_X; delete val_y;
gc.collect();

// get dataloader
let train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True);
let val_loader = DataLoader(val_set, batch_size=batch_size, shuffle=False);`,
  `const device = torch.cuda.is_available() ? 'cuda:0' : 'cpu';
print(\`DEVICE: \${device}\`);`,
  `//fix seed
function same_seeds(seed) {
  torch.manual_seed(seed);
  if (torch.cuda.is_available()) {
    torch.cuda.manual_seed(seed);
    torch.cuda.manual_seed_all(seed);
  }
  torch.backends.cudnn.benchmark = False;
  torch.backends.cudnn.deterministic = True;
}`,
  `// fix random seed
same_seeds(seed);

// create model, define a loss function, and optimizer
let model = Classifier(input_dim=input_dim, hidden_layers=hidden_layers, hidden_dim=hidden_dim).to(device);
const criterion = nn.CrossEntropyLoss();
const optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate);`,
  `let best_acc = 0.0;
for (const epoch of range(num_epoch)) {
  let train_acc = 0.0;
  let train_loss = 0.0;
  let val_acc = 0.0;
  let val_loss = 0.0;

  // training
  model.train(); // set the model to training mode
  for (const [i, batch] of enumerate(tqdm(train_loader))) {
    let [features, labels] = batch;
    features = features.to(device);
    labels = labels.to(device);

    optimizer.zero_grad();
    const outputs = model(features);

    const loss = criterion(outputs, labels);
    loss.backward();
    optimizer.step();

    const [_, train_pred] = torch.max(outputs, 1); // get the index of the class with the highest probability
    train_acc += (train_pred.detach() == labels.detach()).sum().item();
    train_loss += loss.item();
  }

  // validation
  if (len(val_set) > 0) {
    model.eval(); // set the model to evaluation mode
    torch.no_grad(() => {
      for (const [i, batch] of enumerate(tqdm(val_loader))) {
        let [features, labels] = batch;
        features = features.to(device);
        labels = labels.to(device);
        const outputs = model(features);

        const loss = criterion(outputs, labels);

        const [_, val_pred] = torch.max(outputs, 1);
        val_acc += (val_pred.cpu() == labels.cpu()).sum().item(); // get the index of the class with the highest probability
        val_loss += loss.item();
      }

      print('[{:03d}/{:03d}] Train Acc: {:3.6f} Loss: {:3.6f} | Val Acc: {:3.6f} loss: {:3.6f}'.format(
        epoch + 1, num_epoch, train_acc/len(train_set), train_loss/len(train_loader), val_acc/len(val_set), val_loss/len(val_loader)
      ));

      // if the model improves, save a checkpoint at this epoch
      if (val_acc > best_acc) {
        best_acc = val_acc;
        torch.save(model.state_dict(), model_path);
        print('saving model with acc {:.3f}'.format(best_acc/len(val_set)));
      }
    });
  } else {
    print('[{:03d}/{:03d}] Train Acc: {:3.6f} Loss: {:3.6f}'.format(
      epoch + 1, num_epoch, train_acc/len(train_set), train_loss/len(train_loader)
    ));
  }
}

// if not validating, save the last epoch
if (len(val_set) == 0) {
  torch.save(model.state_dict(), model_path);
  print('saving model at last epoch');
}`,
  `delete train_loader; delete val_loader;
gc.collect();`,
  `// load data
const test_X = preprocess_data(split='test', feat_dir='./libriphone/feat', phone_path='./libriphone', concat_nframes=concat_nframes);
const test_set = LibriDataset(test_X, None);
const test_loader = DataLoader(test_set, batch_size=batch_size, shuffle=False);`,
  `// load model
model = Classifier(input_dim=input_dim, hidden_layers=hidden_layers, hidden_dim=hidden_dim).to(device);
model.load_state_dict(torch.load(model_path))`,
  `const test_acc = 0.0;
const test_lengths = 0;
let pred = np.array([], dtype=np.int32);

model.eval();
torch.no_grad(() => {
  for (const [i, batch] of enumerate(tqdm(test_loader))) {
    let features = batch;
    features = features.to(device);

    const outputs = model(features);

    const [_, test_pred] = torch.max(outputs, 1); // get the index of the class with the highest probability
    pred = np.concatenate([pred, test_pred.cpu().numpy()], axis=0);
  }
});`,
  `{
  const f = open('prediction.csv', 'w');
  f.write('Id,Class\\n');
  for (const [i, y] of enumerate(pred)) {
    f.write('{},{}\\n'.format(i, y));
  }
}`,
  `print(len(pred));
print(open('prediction.csv').read());`,
];

const HW3 = [
  setup("food11"),
  `const _exp_name = "sample";`,
  `// Import necessary packages.
${OS_OPEN}
const Image = torchvision.io.Image;
// "ConcatDataset" and "Subset" are possibly useful when doing semi-supervised learning.
const { ConcatDataset, DataLoader, Subset, Dataset } = torch.utils.data;
const { DatasetFolder, VisionDataset } = torchvision.datasets;`,
  `const myseed = 6666;  // set a random seed for reproducibility
torch.backends.cudnn.deterministic = True;
torch.backends.cudnn.benchmark = False;
torch.manual_seed(myseed);
if (torch.cuda.is_available()) {
  torch.cuda.manual_seed_all(myseed);
}`,
  `// Normally, We don't need augmentations in testing and validation.
// All we need here is to resize the PIL image and transform it into Tensor.
const test_tfm = transforms.Compose([
  transforms.Resize([32, 32]),
  transforms.ToTensor(),
]);

// However, it is also possible to use augmentation in the testing phase.
// You may use train_tfm to produce a variety of images and then test using ensemble methods
const train_tfm = transforms.Compose([
  // Resize the image into a fixed shape (height = width = 32)
  transforms.Resize([32, 32]),
  // You may add some transforms here.
  // ToTensor() should be the last one of the transforms.
  transforms.ToTensor(),
]);`,
  `class FoodDataset extends Dataset {

  constructor(path, tfm=test_tfm, files = None) {
    super();
    this.path = path;
    this.files = sorted(os.listdir(path).filter((x) => x.endswith(".png")).map((x) => os.path.join(path, x)));
    if (files != None) {
      this.files = files;
    }
    print(\`One \${path} sample\`, this.files[0]);
    this.transform = tfm;
  }

  __len__() {
    return len(this.files);
  }

  __getitem__(idx) {
    const fname = this.files[idx];
    let im: any = Image.open(fname);
    im = this.transform(im);
    //im = this.data[idx]
    let label;
    try {
      label = int(fname.split("/")[-1].split("_")[0]);
    } catch {
      label = -1; // test has no label
    }
    return [im, label];
  }
}`,
  `class Classifier extends nn.Module {
  constructor() {
    super();
    // torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding)
    // torch.nn.MaxPool2d(kernel_size, stride, padding)
    // input 維度 [3, 32, 32]
    this.cnn = nn.Sequential(
      nn.Conv2d(3, 64, 3, 1, 1),  // [64, 32, 32]
      nn.BatchNorm2d(64),
      nn.ReLU(),
      nn.MaxPool2d(2, 2, 0),      // [64, 16, 16]

      nn.Conv2d(64, 128, 3, 1, 1), // [128, 16, 16]
      nn.BatchNorm2d(128),
      nn.ReLU(),
      nn.MaxPool2d(2, 2, 0),      // [128, 8, 8]

      nn.Conv2d(128, 256, 3, 1, 1), // [256, 8, 8]
      nn.BatchNorm2d(256),
      nn.ReLU(),
      nn.MaxPool2d(2, 2, 0),      // [256, 4, 4]

      nn.Conv2d(256, 512, 3, 1, 1), // [512, 4, 4]
      nn.BatchNorm2d(512),
      nn.ReLU(),
      nn.MaxPool2d(2, 2, 0),       // [512, 2, 2]

      nn.Conv2d(512, 512, 3, 1, 1), // [512, 2, 2]
      nn.BatchNorm2d(512),
      nn.ReLU(),
      nn.MaxPool2d(2, 2, 0),       // [512, 1, 1]
    );
    this.fc = nn.Sequential(
      nn.Linear(512*1*1, 1024),
      nn.ReLU(),
      nn.Linear(1024, 512),
      nn.ReLU(),
      nn.Linear(512, 11)
    );
  }

  forward(x) {
    let out = this.cnn(x);
    out = out.view(out.size()[0], -1);
    return this.fc(out);
  }
}`,
  `const batch_size = 64;
const _dataset_dir = "./food11";
// Construct datasets.
// The argument "loader" tells how torchvision reads the data.
const train_set = FoodDataset(os.path.join(_dataset_dir,"training"), tfm=train_tfm);
const train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, num_workers=0, pin_memory=True);
const valid_set = FoodDataset(os.path.join(_dataset_dir,"validation"), tfm=test_tfm);
const valid_loader = DataLoader(valid_set, batch_size=batch_size, shuffle=True, num_workers=0, pin_memory=True);`,
  `const [im, label] = train_set[3];
print(im.shape, label, im[":, 0, :4"]);
FoodDataset(os.path.join(_dataset_dir,"test"))[0][1]`,
  `// "cuda" only when GPUs are available.
const device = torch.cuda.is_available() ? "cuda" : "cpu";

// The number of training epochs and patience.
const n_epochs = 3;
const patience = 0; // If no improvement in 'patience' epochs, early stop

// Initialize a model, and put it on the device specified.
const model = Classifier().to(device);

// For the classification task, we use cross-entropy as the measurement of performance.
const criterion = nn.CrossEntropyLoss();

// Initialize optimizer, you may fine-tune some hyperparameters such as learning rate on your own.
const optimizer = torch.optim.Adam(model.parameters(), lr=0.0003, weight_decay=1e-5);

// Initialize trackers, these are not parameters and should not be changed
let stale = 0;
let best_acc: any = 0;

for (const epoch of range(n_epochs)) {

  // ---------- Training ----------
  // Make sure the model is in train mode before training.
  model.train();

  // These are used to record information in training.
  let train_loss: any = [];
  const train_accs = [];

  for (const batch of tqdm(train_loader)) {

    // A batch consists of image data and corresponding labels.
    const [imgs, labels] = batch;
    //imgs = imgs.half()
    //print(imgs.shape,labels.shape)

    // Forward the data. (Make sure data and model are on the same device.)
    const logits = model(imgs.to(device));

    // Calculate the cross-entropy loss.
    // We don't need to apply softmax before computing cross-entropy as it is done automatically.
    const loss = criterion(logits, labels.to(device));

    // Gradients stored in the parameters in the previous step should be cleared out first.
    optimizer.zero_grad();

    // Compute the gradients for parameters.
    loss.backward();

    // Clip the gradient norms for stable training.
    const grad_norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=10);

    // Update the parameters with computed gradients.
    optimizer.step();

    // Compute the accuracy for current batch.
    const acc = (logits.argmax(dim=-1) == labels.to(device)).float().mean();

    // Record the loss and accuracy.
    train_loss.append(loss.item());
    train_accs.append(acc);
  }

  train_loss = sum(train_loss) / len(train_loss);
  const train_acc = sum(train_accs) / len(train_accs);

  // Print the information.
  print(\`[ Train | \${epoch + 1:03d}/\${n_epochs:03d} ] loss = \${train_loss:.5f}, acc = \${train_acc:.5f}\`);

  // ---------- Validation ----------
  // Make sure the model is in eval mode so that some modules like dropout are disabled and work normally.
  model.eval();

  // These are used to record information in validation.
  let valid_loss: any = [];
  const valid_accs = [];

  // Iterate the validation set by batches.
  for (const batch of tqdm(valid_loader)) {

    // A batch consists of image data and corresponding labels.
    const [imgs, labels] = batch;
    //imgs = imgs.half()

    // We don't need gradient in validation.
    // Using torch.no_grad() accelerates the forward process.
    let logits;
    torch.no_grad(() => {
      logits = model(imgs.to(device));
    });

    // We can still compute the loss (but not the gradient).
    const loss = criterion(logits, labels.to(device));

    // Compute the accuracy for current batch.
    const acc = (logits.argmax(dim=-1) == labels.to(device)).float().mean();

    // Record the loss and accuracy.
    valid_loss.append(loss.item());
    valid_accs.append(acc);
    //break
  }

  // The average loss and accuracy for entire validation set is the average of the recorded values.
  valid_loss = sum(valid_loss) / len(valid_loss);
  const valid_acc = sum(valid_accs) / len(valid_accs);

  // Print the information.
  print(\`[ Valid | \${epoch + 1:03d}/\${n_epochs:03d} ] loss = \${valid_loss:.5f}, acc = \${valid_acc:.5f}\`);


  // update logs
  if (valid_acc > best_acc) {
    {
      open(\`./\${_exp_name}_log.txt\`,"a");
      print(\`[ Valid | \${epoch + 1:03d}/\${n_epochs:03d} ] loss = \${valid_loss:.5f}, acc = \${valid_acc:.5f} -> best\`);
    }
  } else {
    {
      open(\`./\${_exp_name}_log.txt\`,"a");
      print(\`[ Valid | \${epoch + 1:03d}/\${n_epochs:03d} ] loss = \${valid_loss:.5f}, acc = \${valid_acc:.5f}\`);
    }
  }


  // save models
  if (valid_acc > best_acc) {
    print(\`Best model found at epoch \${epoch}, saving model\`);
    torch.save(model.state_dict(), \`\${_exp_name}_best.ckpt\`); // only save best to prevent output memory exceed error
    best_acc = valid_acc;
    stale = 0;
  } else {
    stale += 1;
    if (stale > patience) {
      print(\`No improvment \${patience} consecutive epochs, early stopping\`);
      break;
    }
  }
}`,
  `const test_set = FoodDataset(os.path.join(_dataset_dir,"test"), tfm=test_tfm);
const test_loader = DataLoader(test_set, batch_size=batch_size, shuffle=False, num_workers=0, pin_memory=True);`,
  `const model_best = Classifier().to(device);
model_best.load_state_dict(torch.load(\`\${_exp_name}_best.ckpt\`));
model_best.eval();
let prediction = [];
torch.no_grad(() => {
  for (const [data, _] of test_loader) {
    const test_pred = model_best(data.to(device));
    const test_label = np.argmax(test_pred.cpu().data.numpy(), axis=1);
    prediction += test_label.squeeze().tolist();
  }
});`,
  `//create test csv
function pad4(i) {
  return "0"*(4-len(str(i)))+str(i);
}
const df = pd.DataFrame();
df["Id"] = list(range(1,len(test_set)+1)).map((i) => pad4(i));
df["Category"] = prediction;
df.to_csv("submission.csv",index = False);`,
  `print(prediction);
print(open("submission.csv").read());`,
];

describe("李宏毅 ML2022 HW2 (phoneme classification) and HW3 (food classification) as notebooks", () => {
  const nbs = sectionsForSuite("hylee-hw23", { hylee_hw23: { hw2: HW2, hw3: HW3 } });
  test("HW2: each cell prints what PyTorch 1.13 prints", () => {
    expectSameCells(cellsOf(nbs.hw2), R.hw2);
  });
  test("HW3: each cell prints what PyTorch 1.13 prints", () => {
    expectSameCells(cellsOf(nbs.hw3), R.hw3);
  });
});
