/**
 * sentdex's (Harrison Kinsley, pythonprogramming.net) "Deep Learning and Neural Networks with Python and
 * Pytorch" parts 1-8 ported line by line in the notebook dialect and run as one notebook through
 * `torchlab run`: part 1 tensors (`torch.Tensor([5, 3])`, torch.zeros, torch.rand, .shape, .view), part 2
 * MNIST through `datasets.MNIST('', train=True, download=True, transform=transforms.Compose([...]))`,
 * `DataLoader(train, batch_size=10, shuffle=True)`, `for data in trainset: print(data); break` and the
 * class-balance counter dict, part 3 the 784-64-64-64-10 Net with F.relu / `F.log_softmax(x, dim=1)` on
 * `X = torch.rand([28, 28]); X = X.view(-1, 28*28)`, part 4 training with optim.Adam, `net.zero_grad()`,
 * F.nll_loss and the accuracy loop (`torch.argmax(i) == y[idx]`, `round(correct/total, 3)`), part 5 the
 * DogsVSCats class (REBUILD_DATA, its cat / dog counts, the shuffled one-hot training data), part 6 the
 * conv net (`self._to_linear` found by passing `torch.randn(50, 50).view(-1, 1, 50, 50)` through
 * `convs`, `x[0].shape[0]*x[0].shape[1]*x[0].shape[2]`, `torch.Tensor([i[0] for i in training_data])`,
 * `X/255.0`, VAL_PCT / val_size, the batched tqdm loop, nn.MSELoss on one-hot targets), part 7 devices
 * (`torch.device("cuda:0")`, torch.cuda.device_count(), `net.to(device)`, train(net) / test(net)), part 8
 * fwd_pass with `matches.count(True)/len(matches)`, test(size), MODEL_NAME and the model.log that
 * create_acc_loss_graph reads back. Every cell prints PyTorch 1.13's text (test/reference/gen_sentdex.py,
 * sentdex.json; numbers within float32 tolerance).
 *
 * Stand-ins (the first cell, not a course cell, writes them into a temporary working directory; the
 * generator's SETUP writes the same bytes): MNIST's raw IDX files under ./MNIST/raw (120 training and 40
 * test digits, pixels and labels from a formula), ./PetImages/Cat and ./PetImages/Dog (30 + 30 50x50
 * grayscale PNGs from a formula, a corrupt 666.png among the cats, a Thumbs.db among the dogs). It also
 * seeds Python's random module and gives the shims: `os.listdir` (sorted, on both sides: the shuffle
 * depends on the order), `os.path.join`, `open(path, mode)` with read / write, `time.time()`.
 * Shrunk: 60 pet images (about 25,000), so VAL_PCT 0.1 leaves 6; BATCH_SIZE 10 (100); part 7 trains 1
 * epoch (3), part 8 1 (30) and tests 4 samples (32, 100).
 * Part 2's `plt.imshow(data[0][0].view(28,28)); plt.show()` runs (the prelude's plt, src/matplotlib/): the
 * figures it displays are compared with those matplotlib's inline backend would display (the generator
 * records their reprs under "figures").
 * Left out: the other matplotlib cells (part 4's plt.imshow of a digit, part 5's of a pet, part 8's
 * graph: create_acc_loss_graph prints the lists it would plot, less the times); print(MODEL_NAME)
 * (time-dependent: whether it starts with "model-" and its length are printed instead); the NumPy
 * array's element print (training_data[1][0] as a whole).
 * Written differently from the course:
 * - cv2 is not installed beside the generator's PyTorch: `cv2.imread(path, cv2.IMREAD_GRAYSCALE)` is
 *   `torchvision.io.read_image(path, ImageReadMode.GRAY)` and `cv2.resize(img, (50, 50))`
 *   `transforms.functional.resize(img, [50, 50])` (the stand-ins are already 50x50), `np.array(img)`
 *   `img[0].numpy()`, the filter `"jpg" in f` is `"png" in f`; `np.eye(2)[label]` is
 *   `torch.eye(2, dtype=torch.float64)[label].numpy()` (the generator keeps np.eye); np.random.shuffle
 *   is Python's random.shuffle (torchlab has no NumPy; its random module draws as Python's), and
 *   np.random.randint(n) in part 8's test is random.randrange(n).
 * - np.save / `np.load(..., allow_pickle=True)` of the list of arrays: torchlab's checkpoints hold
 *   tensors, not NumPy arrays, so the class saves `[[torch.from_numpy(a), torch.from_numpy(b)] ...]`
 *   with torch.save and the next cell reads it back with torch.load into arrays again (both sides).
 * - tqdm is not installed beside the generator: it is the identity there; torchlab's draws its bar
 *   (display output, not stdout).
 * - `with torch.no_grad():` is `torch.no_grad(() => {...})`; `return acc, loss` is `return [acc, loss]`;
 *   list comprehensions are map; `X[:-val_size]` is the dialect's string index; a loop variable
 *   Python keeps after the loop (`data`, `X, y`, `loss`) is declared before it; names a later cell
 *   rebinds to another type (Net, net, optimizer, loss_function, test) are declared again.
 * Divergences this port found, fixed:
 * - `torch.Tensor([i[0] for i in training_data])` over NumPy arrays (`x.numpy()`) did not compile and
 *   would not have run: a list may now hold arrays, each read as the nested list of its values, its
 *   dtype taking part in the inference as PyTorch's does (a list of uint8 arrays is uint8, with a
 *   float64 one float64) (src/ops/creation.ts; test/tensor/creation_ndarray.test.ts).
 * - `matches.count(True)` over a list of bool tensors did not compile (list.count / index / remove took
 *   only the list's item type; Python's take any value) (src/pylist.ts).
 * - `counter_dict = {0: 0, 1: 0, ...}` printed `{'0': 14, '1': 7, ...}`: a dict literal written with int
 *   keys is now marked int-keyed and prints as Python's `{0: 14, 1: 7, ...}` (kernel/rewrite.ts,
 *   dynamic_ops.ts int_keyed; test/kernel/rewrite_dialect.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSameCells } from "./_tutorial";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "sentdex.json"), "utf8")) as Record<string, CellOutput[]>;

/** Not a course cell: the stand-ins (gen_sentdex.py's SETUP writes the same bytes) and the shims. */
const SETUP = `const fs = require("fs"), nodePath = require("path"), nodeOs = require("os");
process.chdir(fs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "sentdex-")));
fs.mkdirSync("MNIST/raw", {recursive: true});
for (const [prefix, n] of [["train", 120], ["t10k", 40]] as [string, number][]) {
  const labels = Array.from({length: n}, (_, i) => (8 * i + Math.floor(i * i / 7)) % 10);
  const img = Buffer.alloc(16 + n * 784);
  img.set([0, 0, 8, 3]); img.writeUInt32BE(n, 4); img.writeUInt32BE(28, 8); img.writeUInt32BE(28, 12);
  for (let i = 0; i < n; i++) for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) img[16 + i * 784 + r * 28 + c] = (labels[i] * 25 + r * 3 + c * 5 + i * 7 + (r * c) % 13) % 256;
  fs.writeFileSync("MNIST/raw/" + prefix + "-images-idx3-ubyte", img);
  const lab = Buffer.alloc(8 + n);
  lab.set([0, 0, 8, 1]); lab.writeUInt32BE(n, 4); lab.set(labels, 8);
  fs.writeFileSync("MNIST/raw/" + prefix + "-labels-idx1-ubyte", lab);
}
for (const [j, name] of ["Cat", "Dog"].entries()) {
  fs.mkdirSync("PetImages/" + name, {recursive: true});
  for (let k = 0; k < 30; k++) {
    const h = torch.arange(50).reshape(50, 1);
    const w = torch.arange(50).reshape(1, 50);
    const img = (h * (3 + j) + w * (5 - 2 * j) + (h * w) % (7 + k % 5) * 9 + k * 13) % 256;
    torchvision.io.write_png(img.to(torch.uint8).reshape(1, 50, 50), "PetImages/" + name + "/" + k + ".png");
  }
}
fs.writeFileSync("PetImages/Cat/666.png", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40)]));
fs.writeFileSync("PetImages/Dog/Thumbs.db", Buffer.alloc(16));
random.seed(0);
const os = {listdir: (p: string): string[] => fs.readdirSync(p).sort(), path: {join: (...parts: string[]): string => nodePath.join(...parts)}};
const open = (file: string, mode = "r") => ({
  write: (s: string): void => (mode === "a" ? fs.appendFileSync(file, s) : fs.writeFileSync(file, s)),
  read: (): string => fs.readFileSync(file, "utf8"),
});
const time = {time: (): number => Date.now() / 1000};`;

const PART1 = [
  `let x = torch.Tensor([5, 3]);
let y = torch.Tensor([2, 1]);
print(x * y);`,
  `x = torch.zeros([2, 5]);
print(x);`,
  `x.shape`,
  `y = torch.rand([2, 5]);
y`,
  `y.view([1, 10])`,
  `y = y.view([1, 10]);
y`,
];

const PART2 = [
  `const { datasets } = torchvision;

const train = datasets.MNIST('', train=True, download=True,
                             transform=transforms.Compose([
                               transforms.ToTensor()
                             ]));

const test = datasets.MNIST('', train=False, download=True,
                            transform=transforms.Compose([
                              transforms.ToTensor()
                            ]));`,
  `const trainset = torch.utils.data.DataLoader(train, batch_size=10, shuffle=True);
const testset = torch.utils.data.DataLoader(test, batch_size=10, shuffle=False);`,
  `let data: any;
for (data of trainset) {
  print(data);
  break;
}`,
  `let [X, y] = [data[0][0], data[1][0]];
print(data[1]);`,
  `print(y);
print(data[0][0].shape);`,
  `data[0][0].view(28, 28).shape`,
  `// import matplotlib.pyplot as plt  # pip install matplotlib  (plt is the prelude's)

plt.imshow(data[0][0].view(28,28));
plt.show();`,
  `let total = 0;
const counter_dict = {0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0};


for (data of trainset) {
  const [Xs, ys] = data;
  for (const y of ys) {
    counter_dict[int(y)] += 1;
    total += 1;
  }
}

print(counter_dict);

for (const i in counter_dict) {
  print(\`\${i}: \${counter_dict[i]/total*100.0}%\`);
}`,
];

const PART3 = [
  `// import torch.nn as nn, torch.nn.functional as F: the prelude's nn and F`,
  `class Net extends nn.Module {
  constructor() {
    super();
    this.fc1 = nn.Linear(28*28, 64);
    this.fc2 = nn.Linear(64, 64);
    this.fc3 = nn.Linear(64, 64);
    this.fc4 = nn.Linear(64, 10);
  }

  forward(x) {
    x = F.relu(this.fc1(x));
    x = F.relu(this.fc2(x));
    x = F.relu(this.fc3(x));
    x = this.fc4(x);
    return F.log_softmax(x, dim=1);
  }
}

let net = Net();
print(net);`,
  `X = torch.rand([28, 28]);
X = X.view(-1, 28*28);`,
  `let output = net(X);`,
  `output`,
];

const PART4 = [
  `// import torch.optim as optim: the prelude's optim

let loss_function = nn.CrossEntropyLoss();
let optimizer = optim.Adam(net.parameters(), lr=0.001);

let loss: torch.Tensor;
for (const epoch of range(3)) { // 3 full passes over the data
  for (data of trainset) {  // \`data\` is a batch of data
    [X, y] = data;  // X is the batch of features, y is the batch of targets.
    net.zero_grad();  // sets gradients to 0 before loss calc. You will do this likely every step.
    output = net(X.view(-1,784));  // pass in the reshaped batch (recall they are 28x28 atm)
    loss = F.nll_loss(output, y);  // calc and grab the loss value
    loss.backward();  // apply this loss backwards thru the network's parameters
    optimizer.step();  // attempt to optimize weights to account for loss/gradients
  }
  print(loss);  // print loss. We hope loss (a measure of wrong-ness) declines!
}`,
  `let correct = 0;
total = 0;

torch.no_grad(() => {
  for (data of testset) {
    [X, y] = data;
    output = net(X.view(-1,784));
    //print(output)
    for (const [idx, i] of enumerate(output)) {
      //print(torch.argmax(i), y[idx])
      if (torch.argmax(i) == y[idx]) {
        correct += 1;
      }
      total += 1;
    }
  }
});

print("Accuracy: ", round(correct/total, 3));`,
  `print(torch.argmax(net(X[0].view(-1,784))[0]));`,
  `const a_featureset = X[0];
const reshaped_for_network = a_featureset.view(-1,784); // 784 b/c 28*28 image resolution.
output = net(reshaped_for_network); //output will be a list of network predictions.
const first_pred = output[0];
print(first_pred);`,
  `const biggest_index = torch.argmax(first_pred);
print(biggest_index);`,
];

const PART5 = [
  `const REBUILD_DATA = true; // set to true to one once, then back to false unless you want to change something in your training data.

class DogsVSCats {
  IMG_SIZE = 50;
  CATS = "PetImages/Cat";
  DOGS = "PetImages/Dog";
  LABELS = {[this.CATS]: 0, [this.DOGS]: 1};
  training_data = [];

  catcount = 0;
  dogcount = 0;

  make_training_data() {
    for (const label in this.LABELS) {
      print(label);
      for (const f of tqdm(os.listdir(label))) {
        if ("png" in f) {
          try {
            const path = os.path.join(label, f);
            let img = torchvision.io.read_image(path, torchvision.io.ImageReadMode.GRAY);
            img = transforms.functional.resize(img, [this.IMG_SIZE, this.IMG_SIZE]);
            this.training_data.append([img[0].numpy(), torch.eye(2, dtype=torch.float64)[this.LABELS[label]].numpy()]);  // do something like print(np.eye(2)[1]), just makes one_hot
            //print(np.eye(2)[self.LABELS[label]])

            if (label == this.CATS) {
              this.catcount += 1;
            } else if (label == this.DOGS) {
              this.dogcount += 1;
            }

          } catch (e) {
            //print(label, f, str(e))
          }
        }
      }
    }

    random.shuffle(this.training_data);
    torch.save(this.training_data.map(([a, b]) => [torch.from_numpy(a), torch.from_numpy(b)]), "training_data.pt");
    print('Cats:', dogsvcats.catcount);
    print('Dogs:', dogsvcats.dogcount);
  }
}

let dogsvcats: DogsVSCats;
if (REBUILD_DATA) {
  dogsvcats = DogsVSCats();
  dogsvcats.make_training_data();
}`,
  `const training_data = torch.load("training_data.pt").map(([a, b]) => [a.numpy(), b.numpy()]);`,
  `print(len(training_data));`,
  `print(training_data[1][1]);
print(training_data[1][0].shape);`,
];

const PART6 = [
  `class Net extends nn.Module {
  constructor() {
    super(); // just run the init of parent class (nn.Module)
    this.conv1 = nn.Conv2d(1, 32, 5); // input is 1 image, 32 output channels, 5x5 kernel / window
    this.conv2 = nn.Conv2d(32, 64, 5); // input is 32, bc the first layer output 32. Then we say the output will be 64 channels, 5x5 kernel / window
    this.conv3 = nn.Conv2d(64, 128, 5);

    const x = torch.randn(50,50).view(-1,1,50,50);
    this._to_linear = None;
    this.convs(x);

    this.fc1 = nn.Linear(this._to_linear, 512); //flattening.
    this.fc2 = nn.Linear(512, 2); // 512 in, 2 out bc we're doing 2 classes (dog vs cat).
  }

  convs(x) {
    // max pooling over 2x2
    x = F.max_pool2d(F.relu(this.conv1(x)), [2, 2]);
    x = F.max_pool2d(F.relu(this.conv2(x)), [2, 2]);
    x = F.max_pool2d(F.relu(this.conv3(x)), [2, 2]);

    if (this._to_linear === None) {
      this._to_linear = x[0].shape[0]*x[0].shape[1]*x[0].shape[2];
    }
    return x;
  }

  forward(x) {
    x = this.convs(x);
    x = x.view(-1, this._to_linear);  // .view is reshape ... this flattens X before
    x = F.relu(this.fc1(x));
    x = this.fc2(x); // bc this is our output layer. No need for activation here.
    return F.softmax(x, dim=1);
  }
}


let net = Net();
print(net);`,
  `let optimizer = optim.Adam(net.parameters(), lr=0.001);
let loss_function = nn.MSELoss();

X = torch.Tensor(training_data.map((i) => i[0])).view(-1,50,50);
X = X/255.0;
y = torch.Tensor(training_data.map((i) => i[1]));

const VAL_PCT = 0.1;  // lets reserve 10% of our data for validation
const val_size = int(len(X)*VAL_PCT);
print(val_size);`,
  `const train_X = X[\`:-\${val_size}\`];
const train_y = y[\`:-\${val_size}\`];

const test_X = X[\`-\${val_size}:\`];
const test_y = y[\`-\${val_size}:\`];

print(len(train_X), len(test_X));`,
  `const BATCH_SIZE = 10;
const EPOCHS = 1;

for (const epoch of range(EPOCHS)) {
  for (const i of tqdm(range(0, len(train_X), BATCH_SIZE))) { // from 0, to the len of x, stepping BATCH_SIZE at a time. [:50] ..for now just to dev
    //print(f"{i}:{i+BATCH_SIZE}")
    const batch_X = train_X[\`\${i}:\${i+BATCH_SIZE}\`].view(-1, 1, 50, 50);
    const batch_y = train_y[\`\${i}:\${i+BATCH_SIZE}\`];

    net.zero_grad();

    const outputs = net(batch_X);
    loss = loss_function(outputs, batch_y);
    loss.backward();
    optimizer.step();    // Does the update
  }

  print(\`Epoch: \${epoch}. Loss: \${loss}\`);
}`,
  `correct = 0;
total = 0;
torch.no_grad(() => {
  for (const i of tqdm(range(len(test_X)))) {
    const real_class = torch.argmax(test_y[i]);
    const net_out = net(test_X[i].view(-1, 1, 50, 50))[0];  // returns a list,
    const predicted_class = torch.argmax(net_out);

    if (predicted_class == real_class) {
      correct += 1;
    }
    total += 1;
  }
});
print("Accuracy: ", round(correct/total, 3));`,
];

const PART7 = [
  `torch.cuda.is_available()`,
  `let device = torch.device("cuda:0");
device`,
  `torch.cuda.device_count()`,
  `if (torch.cuda.is_available()) {
  device = torch.device("cuda:0");  // you can continue going on here, like cuda:1 cuda:2....etc.
  print("Running on the GPU");
} else {
  device = torch.device("cpu");
  print("Running on the CPU");
}`,
  `device = torch.device(torch.cuda.is_available() ? "cuda:0" : "cpu");
device`,
  `net.to(device)`,
  `net = Net().to(device);

function train(net) {
  const optimizer = optim.Adam(net.parameters(), lr=0.001);
  const BATCH_SIZE = 10;
  const EPOCHS = 1;
  let loss;
  for (const epoch of range(EPOCHS)) {
    for (const i of tqdm(range(0, len(train_X), BATCH_SIZE))) {
      let batch_X = train_X[\`\${i}:\${i+BATCH_SIZE}\`].view(-1, 1, 50, 50);
      let batch_y = train_y[\`\${i}:\${i+BATCH_SIZE}\`];

      [batch_X, batch_y] = [batch_X.to(device), batch_y.to(device)];

      net.zero_grad();

      optimizer.zero_grad();   // zero the gradient buffers
      const outputs = net(batch_X);
      loss = loss_function(outputs, batch_y);
      loss.backward();
      optimizer.step();    // Does the update
    }

    print(\`Epoch: \${epoch}. Loss: \${loss}\`);
  }
}

train(net);`,
  `test_X.to(device);
test_y.to(device);

function test(net) {
  let correct = 0;
  let total = 0;
  torch.no_grad(() => {
    for (const i of tqdm(range(len(test_X)))) {
      const real_class = torch.argmax(test_y[i]).to(device);
      const net_out = net(test_X[i].view(-1, 1, 50, 50).to(device))[0];  // returns a list,
      const predicted_class = torch.argmax(net_out);

      if (predicted_class == real_class) {
        correct += 1;
      }
      total += 1;
    }
  });

  print("Accuracy: ", round(correct/total, 3));
}

test(net);`,
];

const PART8 = [
  `function fwd_pass(X, y, train=False) {

  if (train) {
    net.zero_grad();
  }
  const outputs = net(X);
  const matches  = list(zip(outputs, y)).map(([i, j]) => torch.argmax(i) == torch.argmax(j));
  const acc = matches.count(True)/len(matches);
  const loss = loss_function(outputs, y);

  if (train) {
    loss.backward();
    optimizer.step();
  }

  return [acc, loss];
}`,
  `function test(size=4) {
  const random_start = random.randrange(len(test_X)-size);
  const [X, y] = [test_X[\`\${random_start}:\${random_start+size}\`], test_y[\`\${random_start}:\${random_start+size}\`]];
  let val_acc, val_loss;
  torch.no_grad(() => {
    [val_acc, val_loss] = fwd_pass(X.view(-1,1,50,50).to(device), y.to(device));
  });
  return [val_acc, val_loss];
}

let [val_acc, val_loss] = test(size=4);
print(val_acc, val_loss);`,
  `const MODEL_NAME = \`model-\${int(time.time())}\`;  // gives a dynamic model name, to just help with things getting messy over time.
net = Net().to(device);
optimizer = optim.Adam(net.parameters(), lr=0.001);
loss_function = nn.MSELoss();

print(MODEL_NAME.startswith("model-"), len(MODEL_NAME));`,
  `function train(net) {
  const BATCH_SIZE = 10;
  const EPOCHS = 1;

  const f = open("model.log", "a");
  for (const epoch of range(EPOCHS)) {
    for (const i of tqdm(range(0, len(train_X), BATCH_SIZE))) {
      let batch_X = train_X[\`\${i}:\${i+BATCH_SIZE}\`].view(-1,1,50,50);
      let batch_y = train_y[\`\${i}:\${i+BATCH_SIZE}\`];

      [batch_X, batch_y] = [batch_X.to(device), batch_y.to(device)];

      const [acc, loss] = fwd_pass(batch_X, batch_y, train=True);

      //print(f"Acc: {round(float(acc),2)}  Loss: {round(float(loss),4)}")
      //f.write(f"{MODEL_NAME},{round(time.time(),3)},train,{round(float(acc),2)},{round(float(loss),4)}\\n")
      // just to show the above working, and then get out:
      if (i % 50 == 0) {
        const [val_acc, val_loss] = test(size=4);
        f.write(\`\${MODEL_NAME},\${round(time.time(),3)},\${round(float(acc),2)},\${round(float(loss), 4)},\${round(float(val_acc),2)},\${round(float(val_loss),4)},\${epoch}\\n\`);
      }
    }
  }
}

train(net);`,
  `const model_name = MODEL_NAME;

function create_acc_loss_graph(model_name) {
  const contents = open("model.log", "r").read().split("\\n");

  const times = [];
  const accuracies = [];
  const losses = [];

  const val_accs = [];
  const val_losses = [];

  for (const c of contents) {
    if (model_name in c) {
      const [name, timestamp, acc, loss, val_acc, val_loss, epoch] = c.split(",");

      times.append(float(timestamp));
      accuracies.append(float(acc));
      losses.append(float(loss));

      val_accs.append(float(val_acc));
      val_losses.append(float(val_loss));
    }
  }

  print(len(times), times == sorted(times));
  print(accuracies);
  print(losses);
  print(val_accs);
  print(val_losses);
}

create_acc_loss_graph(model_name);`,
];

const PARTS: Record<string, string[]> = { part1: PART1, part2: PART2, part3: PART3, part4: PART4, part5: PART5, part6: PART6, part7: PART7, part8: PART8 };

describe("sentdex's Deep Learning and Neural Networks with Python and Pytorch, parts 1-8, as a notebook", () => {
  const nbs = sectionsForSuite("sentdex", { sentdex: { sentdex: [SETUP, ...Object.values(PARTS).flat()] } });
  let first = 1;
  for (const [name, cells] of Object.entries(PARTS)) {
    const from = first;
    first += cells.length;
    test(`${name} prints what PyTorch 1.13 prints`, () => {
      expectSameCells(cellsOf(nbs.sentdex).slice(from, from + cells.length), R[name]);
    });
    test(`${name} displays matplotlib's figures`, () => {
      const cellsRun = nbs.sentdex.cells.slice(from, from + cells.length);
      const figures = cellsRun.map((c) =>
        (c.outputs ?? []).filter((o) => o.output_type === "display_data" && o.data?.["image/svg+xml"] !== undefined).map((o) => String(o.data?.["text/plain"])),
      );
      expect(figures).toEqual(R[name].map((c) => (c as { figures?: string[] }).figures ?? []));
    });
  }
});
