/**
 * Sebastian Raschka's "Machine Learning with PyTorch and Scikit-Learn" (rasbt/machine-learning-book),
 * ch12_part1 "Parallelizing Neural Network Training with PyTorch" (tensor creation, dtype and shape,
 * math ops, torch.linalg.norm, chunk / split / cat / stack, DataLoader over a tensor, a JointDataset and
 * TensorDataset, seeded shuffled batches over epochs) and ch13_part1 "Going Deeper -- the Mechanics of PyTorch": a computation graph as a function,
 * requires_grad / requires_grad_, xavier_normal_ / xavier_uniform_, tensors as a module's attributes,
 * gradients of a squared loss checked by hand, nn.Sequential and an L1 penalty, the XOR classifier
 * (TensorDataset, a shuffled DataLoader, BCELoss, SGD, the book's train() with its loss / accuracy
 * histories), nn.ModuleList in a Module with predict(), and the custom NoisyLinear layer
 * (nn.Parameter, torch.normal noise in training) inside MyNoisyModule; and ch16-part1 "self-attention"
 * (the book's sentence through nn.Embedding, attention weights by loop and by matmul, context vectors,
 * query / key / value projections, eight heads with repeat / bmm / permute) and ch15_part3's
 * character-level language model (nn.Embedding + nn.LSTM, torch.distributions.categorical.Categorical
 * sampling), ported cell by cell in the
 * notebook dialect and run in one kernel through `torchlab run` (sectionsForSuite). What each cell prints and shows
 * must be PyTorch 1.13's (test/reference/gen_raschka.py, raschka.json).
 *
 * Stand-ins: the XOR points are `torch.rand([200, 2]) * 2 - 1` after torch.manual_seed(1) (the book
 * draws them with NumPy's np.random.uniform); training runs 3 epochs, not 200; train() returns an array
 * (Python's tuple, printed as a list on both sides).
 * Left out: the package check, `torch.__version__`, matplotlib plots and mlxtend's
 * plot_decision_regions (predict() is called on two points instead); ch12's image-folder and CelebA /
 * MNIST cells (files, PIL, downloads), ch12_part2, ch13_part2, ch14, ch15 parts 1-2 (the IMDb
 * download, torchtext) and ch16's GPT-2 / BERT parts (transformers' downloads).
 * ch15 part 3: the Project Gutenberg download of The Mysterious Island is its first lines typed in a
 * cell (with the start and end markers the book's find() cuts at); NumPy's `char_array` is the sorted
 * characters' array and `text_encoded` an int32 tensor (on both sides: `''.join(char_array[idx])` is
 * `(idx.tolist() as number[]).map((i) => char_array[i]).join("")`, `torch.tensor(text_chunks)`
 * torch.stack of the chunks); sizes shrink (seq_length 10, batch 8, embedding 16, hidden 32, 10 epochs
 * printed every 5, 40 generated characters instead of 500); the device is the CPU (the book's "cuda:0");
 * `softmax(...).numpy()[0]` is `softmax(...)[0].numpy()`; `sample(model, starting_str='The island',
 * scale_factor=2.0)` passes its own arguments by position; `pred, hidden, cell = model(...)` assigns
 * to `let` variables.
 * ch16: `omega[i, j] = ...` with loop variables is `omega[\`${i}, ${j}\`] = ...` (an index string), the
 * `import` / check_packages cells are left out.
 * Written differently from the book: `[0] * num_epochs` is `Array(num_epochs).fill(0)`, `for epoch in
 * range(...)` a counted loop; `MyModule` declared again in the book is `MyModule0` the first time;
 * `model` holding several classes is `let model: nn.Module`, and predict() is reached as
 * `(model as MyModule).predict(...)`; `noisy_layer(x, training=True)` passes its own argument by
 * position; `len(list(m.parameters()))` is `m.parameters().length`; ch12's NumPy arrays:
 * `np.array([4, 5, 6], dtype=np.int32)` is a tensor's numpy(), `[item.numpy() for ...]` is tolist();
 * `enumerate(data_loader, 1)` a counter; `joint_dataset` rebound from JointDataset to TensorDataset is
 * declared `any` (TypeScript keeps a variable's first type).
 * Divergences this port found, fixed: `loss_hist[epoch] += loss` / `accuracy_hist_train[epoch] +=
 * is_correct.mean()` then `/= n_train / batch_size` on an array from `Array(n).fill(0)` (items typed
 * `any`) were JavaScript's operators: the accuracy history held NaN and texts such as '0tensor(0.3400)'
 * where Python's list holds tensor(0.3400); the dialect now runs Python's item read, in-place op and
 * write for an untyped item; `DataLoader(t)` over a tensor (PyTorch's map-style dataset of its rows)
 * was a TypeError; `torch.split(t, split_size_or_sections=[3, 2])` (the sizes as a keyword) did not compile;
 * ch15's `from torch.distributions.categorical import Categorical` had no module path
 * (`torch.distributions.categorical` now exists, as `multinomial` did).
 * Found, left alone: `t.tolist()` is typed as a nested list, so a 1-D one needs `as number[]` before map.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, sectionsForSuite, type CellOutput } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

type Cell = CellOutput;
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "raschka.json"), "utf8")) as Record<string, Cell[]>;

const CH12_PART1 = [
  `const { DataLoader, Dataset, TensorDataset } = torch.utils.data;`,
  `const a = [1, 2, 3];
const b = torch.tensor([4, 5, 6], {dtype: torch.int32}).numpy();
const t_a = torch.tensor(a);
const t_b = torch.from_numpy(b);
print(t_a);
print(t_b);`,
  `[torch.is_tensor(a), torch.is_tensor(t_a)]`,
  `const t_ones = torch.ones(2, 3);
t_ones.shape`,
  `print(t_ones);`,
  `const rand_tensor = torch.rand(2, 3);
print(rand_tensor);`,
  `const t_a_new = t_a.to(torch.int64);
print(t_a_new.dtype);`,
  `let t = torch.rand(3, 5);
const t_tr = torch.transpose(t, 0, 1);
print(t.shape, ' --> ', t_tr.shape);`,
  `t = torch.zeros(30);
const t_reshape = t.reshape(5, 6);
print(t_reshape.shape);`,
  `t = torch.zeros(1, 2, 1, 4, 1);
const t_sqz = torch.squeeze(t, 2);
print(t.shape, ' --> ', t_sqz.shape);`,
  `torch.manual_seed(1);
const t1 = 2 * torch.rand(5, 2) - 1;
const t2 = torch.normal({mean: 0, std: 1, size: [5, 2]});`,
  `const t3 = torch.multiply(t1, t2);
print(t3);`,
  `const t4 = torch.mean(t1, {axis: 0});
print(t4);`,
  `const t5 = torch.matmul(t1, torch.transpose(t2, 0, 1));
print(t5);`,
  `const t6 = torch.matmul(torch.transpose(t1, 0, 1), t2);
print(t6);`,
  `const norm_t1 = torch.linalg.norm(t1, {ord: 2, dim: 1});
print(norm_t1);`,
  `torch.manual_seed(1);
t = torch.rand(6);
print(t);
let t_splits = torch.chunk(t, 3);
t_splits.map((item) => item.tolist())`,
  `torch.manual_seed(1);
t = torch.rand(5);
print(t);
t_splits = torch.split(t, {split_size_or_sections: [3, 2]});
t_splits.map((item) => item.tolist())`,
  `let A = torch.ones(3);
let B = torch.zeros(2);
const C = torch.cat([A, B], {axis: 0});
print(C);`,
  `A = torch.ones(3);
B = torch.zeros(3);
const S = torch.stack([A, B], {axis: 1});
print(S);`,
  `t = torch.arange(6, {dtype: torch.float32});
let data_loader = DataLoader(t);`,
  `for (const item of data_loader) {
  print(item);
}`,
  `data_loader = DataLoader(t, {batch_size: 3, drop_last: false});
let i = 1;
for (const batch of data_loader) {
  print(\`batch \${i}:\`, batch);
  i += 1;
}`,
  `class JointDataset extends Dataset {
  constructor(x, y) {
    super();
    this.x = x;
    this.y = y;
  }
  __len__() {
    return len(this.x);
  }
  __getitem__(idx) {
    return [this.x[idx], this.y[idx]];
  }
}`,
  `torch.manual_seed(1);
const t_x = torch.rand([4, 3], {dtype: torch.float32});
const t_y = torch.arange(4);
let joint_dataset: any = JointDataset(t_x, t_y);
for (const example of joint_dataset) {
  print('  x: ', example[0], '  y: ', example[1]);
}
joint_dataset = TensorDataset(t_x, t_y);
for (const example of joint_dataset) {
  print('  x: ', example[0], '  y: ', example[1]);
}`,
  `torch.manual_seed(1);
const data_loader2 = DataLoader({dataset: joint_dataset, batch_size: 2, shuffle: true});
i = 1;
for (const batch of data_loader2) {
  print(\`batch \${i}:\`, 'x:', batch[0], '\\n         y:', batch[1]);
  i += 1;
}
for (let epoch = 0; epoch < 2; epoch++) {
  print(\`epoch \${epoch + 1}\`);
  i = 1;
  for (const batch of data_loader2) {
    print(\`batch \${i}:\`, 'x:', batch[0], '\\n         y:', batch[1]);
    i += 1;
  }
}`
];

const CH13_PART1 = [
  `const { DataLoader, TensorDataset } = torch.utils.data;`,
  `function compute_z(a, b, c) {
  const r1 = torch.sub(a, b);
  const r2 = torch.mul(r1, 2);
  const z = torch.add(r2, c);
  return z;
}
print('Scalar Inputs:', compute_z(torch.tensor(1), torch.tensor(2), torch.tensor(3)));
print('Rank 1 Inputs:', compute_z(torch.tensor([1]), torch.tensor([2]), torch.tensor([3])));
print('Rank 2 Inputs:', compute_z(torch.tensor([[1]]), torch.tensor([[2]]), torch.tensor([[3]])));`,
  `let a = torch.tensor(3.14, {requires_grad: true});
let b = torch.tensor([1.0, 2.0, 3.0], {requires_grad: true});
print(a);
print(b);`,
  `a.requires_grad`,
  `let w = torch.tensor([1.0, 2.0, 3.0]);
print(w.requires_grad);`,
  `w.requires_grad_();
print(w.requires_grad);`,
  `torch.manual_seed(1);
w = torch.empty(2, 3);
nn.init.xavier_normal_(w);
print(w);`,
  `class MyModule0 extends nn.Module {
  constructor() {
    super();
    this.w1 = torch.empty(2, 3, {requires_grad: true});
    nn.init.xavier_normal_(this.w1);
    this.w2 = torch.empty(1, 2, {requires_grad: true});
    nn.init.xavier_normal_(this.w2);
  }
}
const m0 = MyModule0();
print(m0.w1.shape, m0.w2.shape, m0.parameters().length);`,
  `w = torch.tensor(1.0, {requires_grad: true});
b = torch.tensor(0.5, {requires_grad: true});
let x = torch.tensor([1.4]);
let y = torch.tensor([2.1]);
const z = torch.add(torch.mul(w, x), b);
let loss = (y - z).pow(2).sum();
loss.backward();
print('dL/dw : ', w.grad);
print('dL/db : ', b.grad);`,
  `print(2 * x * ((w * x + b) - y));`,
  `let model: nn.Module = nn.Sequential(
  nn.Linear(4, 16),
  nn.ReLU(),
  nn.Linear(16, 32),
  nn.ReLU()
);
model`,
  `nn.init.xavier_uniform_(model[0].weight);
const l1_weight = 0.01;
const l1_penalty = l1_weight * model[2].weight.abs().sum();
l1_penalty`,
  `let loss_fn = nn.BCELoss();
let optimizer = torch.optim.SGD(model.parameters(), {lr: 0.001});`,
  `torch.manual_seed(1);
const xs = torch.rand([200, 2]) * 2 - 1;
const ys = torch.ones(len(xs));
ys[xs[":, 0"] * xs[":, 1"] < 0] = 0;
const n_train = 100;
const x_train = torch.tensor(xs[\`:\${n_train}, :\`], {dtype: torch.float32});
const y_train = torch.tensor(ys[\`:\${n_train}\`], {dtype: torch.float32});
const x_valid = torch.tensor(xs[\`\${n_train}:, :\`], {dtype: torch.float32});
const y_valid = torch.tensor(ys[\`\${n_train}:\`], {dtype: torch.float32});
print(y_train.sum(), y_valid.sum());`,
  `const train_ds = TensorDataset(x_train, y_train);
const batch_size = 2;
torch.manual_seed(1);
const train_dl = DataLoader(train_ds, batch_size, {shuffle: true});`,
  `model = nn.Sequential(
  nn.Linear(2, 1),
  nn.Sigmoid()
);
model`,
  `loss_fn = nn.BCELoss();
optimizer = torch.optim.SGD(model.parameters(), {lr: 0.001});`,
  `torch.manual_seed(1);
const num_epochs = 3;
function train(model, num_epochs, train_dl, x_valid, y_valid) {
  const loss_hist_train = Array(num_epochs).fill(0);
  const accuracy_hist_train = Array(num_epochs).fill(0);
  const loss_hist_valid = Array(num_epochs).fill(0);
  const accuracy_hist_valid = Array(num_epochs).fill(0);
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    for (const [x_batch, y_batch] of train_dl) {
      const pred = model(x_batch)[":, 0"];
      const loss = loss_fn(pred, y_batch);
      loss.backward();
      optimizer.step();
      optimizer.zero_grad();
      loss_hist_train[epoch] += loss.item();
      const is_correct = ((pred >= 0.5).float() == y_batch).float();
      accuracy_hist_train[epoch] += is_correct.mean();
    }
    loss_hist_train[epoch] /= n_train / batch_size;
    accuracy_hist_train[epoch] /= n_train / batch_size;
    const pred = model(x_valid)[":, 0"];
    const loss = loss_fn(pred, y_valid);
    loss_hist_valid[epoch] = loss.item();
    const is_correct = ((pred >= 0.5).float() == y_valid).float();
    accuracy_hist_valid[epoch] += is_correct.mean();
  }
  return [loss_hist_train, loss_hist_valid, accuracy_hist_train, accuracy_hist_valid];
}
let history = train(model, num_epochs, train_dl, x_valid, y_valid);
print(history);`,
  `model = nn.Sequential(
  nn.Linear(2, 4),
  nn.ReLU(),
  nn.Linear(4, 4),
  nn.ReLU(),
  nn.Linear(4, 1),
  nn.Sigmoid()
);
loss_fn = nn.BCELoss();
optimizer = torch.optim.SGD(model.parameters(), {lr: 0.015});
model`,
  `history = train(model, num_epochs, train_dl, x_valid, y_valid);
print(history);`,
  `class MyModule extends nn.Module {
  constructor() {
    super();
    const l1 = nn.Linear(2, 4);
    const a1 = nn.ReLU();
    const l2 = nn.Linear(4, 4);
    const a2 = nn.ReLU();
    const l3 = nn.Linear(4, 1);
    const a3 = nn.Sigmoid();
    const l = [l1, a1, l2, a2, l3, a3];
    this.module_list = nn.ModuleList(l);
  }
  forward(x) {
    for (const f of this.module_list) {
      x = f(x);
    }
    return x;
  }
  predict(x) {
    x = torch.tensor(x, {dtype: torch.float32});
    const pred = this.forward(x)[":, 0"];
    return (pred >= 0.5).float();
  }
}
model = MyModule();
model`,
  `loss_fn = nn.BCELoss();
optimizer = torch.optim.SGD(model.parameters(), {lr: 0.015});
history = train(model, num_epochs, train_dl, x_valid, y_valid);
print(history);
print((model as MyModule).predict([[0.5, 0.5], [-0.5, 0.5]]));`,
  `class NoisyLinear extends nn.Module {
  constructor(input_size, output_size, noise_stddev = 0.1) {
    super();
    const w = torch.Tensor(input_size, output_size);
    this.w = nn.Parameter(w);
    nn.init.xavier_uniform_(this.w);
    const b = torch.Tensor(output_size).fill_(0);
    this.b = nn.Parameter(b);
    this.noise_stddev = noise_stddev;
  }
  forward(x, training = false) {
    let x_new;
    if (training) {
      const noise = torch.normal(0.0, this.noise_stddev, x.shape);
      x_new = torch.add(x, noise);
    } else {
      x_new = x;
    }
    return torch.add(torch.mm(x_new, this.w), this.b);
  }
}`,
  `torch.manual_seed(1);
const noisy_layer = NoisyLinear(4, 2);
x = torch.zeros([1, 4]);
print(noisy_layer(x, true));
print(noisy_layer(x, true));
print(noisy_layer(x, false));`,
  `class MyNoisyModule extends nn.Module {
  constructor() {
    super();
    this.l1 = NoisyLinear(2, 4, 0.07);
    this.a1 = nn.ReLU();
    this.l2 = nn.Linear(4, 4);
    this.a2 = nn.ReLU();
    this.l3 = nn.Linear(4, 1);
    this.a3 = nn.Sigmoid();
  }
  forward(x, training = false) {
    x = this.l1(x, training);
    x = this.a1(x);
    x = this.l2(x);
    x = this.a2(x);
    x = this.l3(x);
    x = this.a3(x);
    return x;
  }
}
torch.manual_seed(1);
model = MyNoisyModule();
model`,
  `loss_fn = nn.BCELoss();
optimizer = torch.optim.SGD(model.parameters(), {lr: 0.015});
torch.manual_seed(1);
const loss_hist_train = Array(num_epochs).fill(0);
const loss_hist_valid = Array(num_epochs).fill(0);
for (let epoch = 0; epoch < num_epochs; epoch++) {
  for (const [x_batch, y_batch] of train_dl) {
    const pred = model(x_batch, true)[":, 0"];
    const loss = loss_fn(pred, y_batch);
    loss.backward();
    optimizer.step();
    optimizer.zero_grad();
    loss_hist_train[epoch] += loss.item();
  }
  loss_hist_train[epoch] /= n_train / batch_size;
  const pred = model(x_valid)[":, 0"];
  loss_hist_valid[epoch] = loss_fn(pred, y_valid).item();
}
print(loss_hist_train, loss_hist_valid);
print(model.state_dict()["l1.w"]);`
];

const CH15_PART3 = [
  `const { Dataset, DataLoader } = torch.utils.data;
const { Categorical } = torch.distributions.categorical;`,
  `let text = "Project Gutenberg's The Mysterious Island\\n\\nTHE MYSTERIOUS ISLAND\\n\\nPART 1--DROPPED FROM THE CLOUDS\\n\\n" +
  "\\"Are we rising again?\\" \\"No. On the contrary.\\" \\"Are we descending?\\" \\"Worse than that, captain! we are falling!\\" " +
  "\\"For Heaven's sake throw out the ballast!\\" \\"There! the last sack is empty!\\" \\"Does the balloon rise?\\" \\"No!\\"\\n\\n" +
  "End of the Project Gutenberg EBook of The Mysterious Island";
const start_indx = text.indexOf("THE MYSTERIOUS ISLAND");
const end_indx = text.indexOf("End of the Project Gutenberg");
text = text.slice(start_indx, end_indx);
const char_set = new Set(text);
print("Total Length:", len(text));
print("Unique Characters:", len(char_set));`,
  `const chars_sorted = sorted(char_set);
const char2int = Object.fromEntries(list(enumerate(chars_sorted)).map(([i, ch]) => [ch, i]));
const char_array = chars_sorted;
const text_encoded = torch.tensor([...text].map((ch) => char2int[ch]), {dtype: torch.int32});
print("Text encoded shape: ", text_encoded.shape);
print(text.slice(0, 15), "     == Encoding ==> ", text_encoded[":15"]);
print(text_encoded["15:21"], " == Reverse  ==> ", (text_encoded["15:21"].tolist() as number[]).map((i) => char_array[i]).join(""));`,
  `for (const ex of text_encoded[":5"]) {
  print(\`\${ex} -> \${char_array[int(ex)]}\`);
}`,
  `const seq_length = 10;
const chunk_size = seq_length + 1;
const text_chunks = list(range(len(text_encoded) - chunk_size + 1)).map((i) => text_encoded[\`\${i}:\${i + chunk_size}\`]);
for (const seq of text_chunks.slice(0, 1)) {
  const input_seq = seq[\`:\${seq_length}\`];
  const target = seq[seq_length];
  print(input_seq, " -> ", target);
  print(repr((input_seq.tolist() as number[]).map((i) => char_array[i]).join("")), " -> ", repr(char_array[int(target)]));
}`,
  `class TextDataset extends Dataset {
  constructor(text_chunks) {
    super();
    this.text_chunks = text_chunks;
  }
  __len__() {
    return len(this.text_chunks);
  }
  __getitem__(idx) {
    const text_chunk = this.text_chunks[idx];
    return [text_chunk[":-1"].long(), text_chunk["1:"].long()];
  }
}
const seq_dataset = TextDataset(torch.stack(text_chunks));`,
  `for (const [i, [seq, target]] of enumerate(seq_dataset)) {
  print(" Input (x):", repr((seq.tolist() as number[]).map((k) => char_array[k]).join("")));
  print("Target (y):", repr((target.tolist() as number[]).map((k) => char_array[k]).join("")));
  print();
  if (i == 1) break;
}`,
  `const device = torch.device("cpu");
const batch_size = 8;
torch.manual_seed(1);
const seq_dl = DataLoader(seq_dataset, {batch_size: batch_size, shuffle: true, drop_last: true});`,
  `class RNN extends nn.Module {
  constructor(vocab_size, embed_dim, rnn_hidden_size) {
    super();
    this.embedding = nn.Embedding(vocab_size, embed_dim);
    this.rnn_hidden_size = rnn_hidden_size;
    this.rnn = nn.LSTM(embed_dim, rnn_hidden_size, {batch_first: true});
    this.fc = nn.Linear(rnn_hidden_size, vocab_size);
  }
  forward(x, hidden, cell) {
    let out = this.embedding(x).unsqueeze(1);
    [out, [hidden, cell]] = this.rnn(out, [hidden, cell]);
    out = this.fc(out).reshape(out.size(0), -1);
    return [out, hidden, cell];
  }
  init_hidden(batch_size) {
    const hidden = torch.zeros(1, batch_size, this.rnn_hidden_size);
    const cell = torch.zeros(1, batch_size, this.rnn_hidden_size);
    return [hidden.to(device), cell.to(device)];
  }
}
const vocab_size = len(char_array);
const embed_dim = 16;
const rnn_hidden_size = 32;
torch.manual_seed(1);
let model = RNN(vocab_size, embed_dim, rnn_hidden_size);
model = model.to(device);
model`,
  `const loss_fn = nn.CrossEntropyLoss();
const optimizer = torch.optim.Adam(model.parameters(), {lr: 0.005});
const num_epochs = 10;
torch.manual_seed(1);
for (const epoch of range(num_epochs)) {
  let [hidden, cell] = model.init_hidden(batch_size);
  let [seq_batch, target_batch] = next(iter(seq_dl));
  seq_batch = seq_batch.to(device);
  target_batch = target_batch.to(device);
  optimizer.zero_grad();
  let loss = 0;
  for (const c of range(seq_length)) {
    let pred;
    [pred, hidden, cell] = model(seq_batch[\`:, \${c}\`], hidden, cell);
    loss += loss_fn(pred, target_batch[\`:, \${c}\`]);
  }
  loss.backward();
  optimizer.step();
  loss = loss.item() / seq_length;
  if (epoch % 5 == 0) {
    print(\`Epoch \${epoch} loss: \${loss.toFixed(4)}\`);
  }
}`,
  `torch.manual_seed(1);
let logits = torch.tensor([[1.0, 1.0, 1.0]]);
print("Probabilities:", nn.functional.softmax(logits, {dim: 1})[0].numpy());
let m = Categorical({logits: logits});
let samples = m.sample([10]);
print(samples.numpy());`,
  `torch.manual_seed(1);
logits = torch.tensor([[1.0, 1.0, 3.0]]);
print("Probabilities:", nn.functional.softmax(logits, {dim: 1})[0].numpy());
m = Categorical({logits: logits});
samples = m.sample([10]);
print(samples.numpy());`,
  `function sample(model, starting_str, len_generated_text = 40, scale_factor = 1.0) {
  let encoded_input = torch.tensor([...starting_str].map((s) => char2int[s]));
  encoded_input = torch.reshape(encoded_input, [1, -1]);
  let generated_str = starting_str;
  model.eval();
  let [hidden, cell] = model.init_hidden(1);
  hidden = hidden.to("cpu");
  cell = cell.to("cpu");
  for (const c of range(len(starting_str) - 1)) {
    let _;
    [_, hidden, cell] = model(encoded_input[\`:, \${c}\`].view(1), hidden, cell);
  }
  let last_char = encoded_input[":, -1"];
  for (const i of range(len_generated_text)) {
    let logits;
    [logits, hidden, cell] = model(last_char.view(1), hidden, cell);
    logits = torch.squeeze(logits, 0);
    const scaled_logits = logits * scale_factor;
    const m = Categorical({logits: scaled_logits});
    last_char = m.sample();
    generated_str += str(char_array[int(last_char)]);
  }
  return generated_str;
}
torch.manual_seed(1);
model.to("cpu");
print(sample(model, "The island"));`,
  `logits = torch.tensor([[1.0, 1.0, 3.0]]);
print("Probabilities before scaling:        ", nn.functional.softmax(logits, {dim: 1})[0].numpy());
print("Probabilities after scaling with 0.5:", nn.functional.softmax(0.5 * logits, {dim: 1})[0].numpy());
print("Probabilities after scaling with 0.1:", nn.functional.softmax(0.1 * logits, {dim: 1})[0].numpy());`,
  `torch.manual_seed(1);
print(sample(model, "The island", 40, 2.0));`,
  `torch.manual_seed(1);
print(sample(model, "The island", 40, 0.5));`,
];

const CH16_PART1 = [
  `const sentence = torch.tensor(
  [0, // can
   7, // you
   1, // help
   2, // me
   5, // to
   6, // translate
   4, // this
   3] // sentence
);
sentence`,
  `torch.manual_seed(123);
const embed = torch.nn.Embedding(10, 16);
const embedded_sentence = embed(sentence).detach();
embedded_sentence.shape`,
  `const omega = torch.empty(8, 8);
for (const [i, x_i] of enumerate(embedded_sentence)) {
  for (const [j, x_j] of enumerate(embedded_sentence)) {
    omega[\`\${i}, \${j}\`] = torch.dot(x_i, x_j);
  }
}`,
  `const omega_mat = embedded_sentence.matmul(embedded_sentence.T);`,
  `torch.allclose(omega_mat, omega)`,
  `const attention_weights = F.softmax(omega, {dim: 1});
attention_weights.shape`,
  `attention_weights.sum({dim: 1})`,
  `let x_2 = embedded_sentence["1, :"];
let context_vec_2 = torch.zeros(x_2.shape);
for (const j of range(8)) {
  const x_j = embedded_sentence[\`\${j}, :\`];
  context_vec_2 += attention_weights[\`1, \${j}\`] * x_j;
}
context_vec_2`,
  `const context_vectors = torch.matmul(
        attention_weights, embedded_sentence);
torch.allclose(context_vec_2, context_vectors[1])`,
  `torch.manual_seed(123);
let d = embedded_sentence.shape[1];
const U_query = torch.rand(d, d);
const U_key = torch.rand(d, d);
const U_value = torch.rand(d, d);`,
  `x_2 = embedded_sentence[1];
const query_2 = U_query.matmul(x_2);
const key_2 = U_key.matmul(x_2);
const value_2 = U_value.matmul(x_2);`,
  `const keys = U_key.matmul(embedded_sentence.T).T;
torch.allclose(key_2, keys[1])`,
  `const values = U_value.matmul(embedded_sentence.T).T;
torch.allclose(value_2, values[1])`,
  `const omega_23 = query_2.dot(keys[2]);
omega_23`,
  `const omega_2 = query_2.matmul(keys.T);
omega_2`,
  `const attention_weights_2 = F.softmax(omega_2 / d**0.5, {dim: 0});
attention_weights_2`,
  `let context_vector_2 = attention_weights_2.matmul(values);
context_vector_2`,
  `torch.manual_seed(123);
d = embedded_sentence.shape[1];
const one_U_query = torch.rand(d, d);`,
  `const h = 8;
const multihead_U_query = torch.rand(h, d, d);
const multihead_U_key = torch.rand(h, d, d);
const multihead_U_value = torch.rand(h, d, d);`,
  `const multihead_query_2 = multihead_U_query.matmul(x_2);
multihead_query_2.shape`,
  `const multihead_key_2 = multihead_U_key.matmul(x_2);
const multihead_value_2 = multihead_U_value.matmul(x_2);`,
  `multihead_key_2[2]`,
  `const stacked_inputs = embedded_sentence.T.repeat(8, 1, 1);
stacked_inputs.shape`,
  `let multihead_keys = torch.bmm(multihead_U_key, stacked_inputs);
multihead_keys.shape`,
  `multihead_keys = multihead_keys.permute(0, 2, 1);
multihead_keys.shape`,
  `multihead_keys["2, 1"] // index: [2nd attention head, 2nd key]`,
  `let multihead_values = torch.matmul(multihead_U_value, stacked_inputs);
multihead_values = multihead_values.permute(0, 2, 1);`,
  `const multihead_z_2 = torch.rand(8, 16);`,
  `const linear = torch.nn.Linear(8*16, 16);
context_vector_2 = linear(multihead_z_2.flatten());
context_vector_2.shape`,
];

/**
 * Printed text and shown values equal PyTorch's within float32 tolerance; a shown list is compared
 * without Node's line breaks. NumPy pads the numbers of an array to the widest one's shortest
 * round-trip form, so a last-bit difference can change the padding: runs of spaces between two
 * numbers count as one.
 */
function expectCells(got: Cell[], want: Cell[]): void {
  const pad = (s: string): string => s.replace(/(\d) {2,}(?=[-\d])/g, "$1 ");
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    expectSamePrint(pad(`${i}\n${got[i].printed}`), pad(`${i}\n${w.printed}`));
    if (w.shown === null || got[i].shown === null) expect([i, got[i].shown]).toEqual([i, w.shown]);
    else if (w.shown.startsWith("[")) expectSamePrint(got[i].shown!.replace(/\s+/g, ""), w.shown.replace(/\s+/g, ""));
    else expectSamePrint(got[i].shown!, w.shown);
  });
}

describe("Raschka's Machine Learning with PyTorch and Scikit-Learn, ch12 / ch13 part 1, ch15 part 3, ch16 part 1, as notebooks in one kernel through `torchlab run`", () => {
  const nbs = sectionsForSuite("raschka", { book: { ch12_part1: CH12_PART1, ch13_part1: CH13_PART1, ch15_part3: CH15_PART3, ch16_part1: CH16_PART1 } });

  test("ch12 part 1: creation, dtype and shape, math ops, linalg.norm, chunk / split / cat / stack, DataLoader over a tensor, a joint Dataset, seeded shuffles", () => {
    expectCells(cellsOf(nbs.ch12_part1), R.ch12_part1);
  });

  test("ch13 part 1: graphs, gradients, initialisers, the XOR models' loss and accuracy histories, ModuleList, NoisyLinear: PyTorch's printed values", () => {
    expectCells(cellsOf(nbs.ch13_part1), R.ch13_part1);
  });

  test("ch15 part 3: a character-level language model: the text encoded, 11-character chunks in a Dataset, a shuffled DataLoader, Embedding + LSTM + Linear trained with Adam, Categorical sampling, generated text at three scales", () => {
    expectCells(cellsOf(nbs.ch15_part3), R.ch15_part3);
  });

  test("ch16 part 1: self-attention from scratch: an Embedding of a sentence, dot-product weights by loop and by matmul, softmax, context vectors, query / key / value projections, 8 heads with bmm and permute", () => {
    expectCells(cellsOf(nbs.ch16_part1), R.ch16_part1);
  });
});
