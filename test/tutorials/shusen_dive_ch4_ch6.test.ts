/**
 * ShusenTang/Dive-into-DL-PyTorch (《动手学深度学习》PyTorch版) chapters 4 (4.1 model construction, 4.2
 * parameters, 4.4 custom layers, 4.5 read-write, 4.6 GPU run as cpu) and 6 (6.3 language-model data,
 * 6.4 RNN from scratch, 6.5 nn.RNN, 6.7 GRU, 6.8 LSTM), ported cell by cell and run as notebooks through
 * `torchlab run` with the d2lzh_pytorch helpers of _shusen_d2lzh.ts. What a cell prints must be PyTorch
 * 1.13's (test/reference/gen_shusen1.py: its stand-ins are an original short Chinese text for the Jay Chou
 * lyrics with a sorted vocabulary, torch.normal for np.random.normal, torch.randperm for random.shuffle,
 * 2 epochs of batch size 2, predictions of 10 characters). Texts are compared with whitespace removed
 * and numbers to a tolerance.
 *
 * Written differently from the book, as TypeScript needs: `id(a) == id(b)` is `a === b`; `net[-1]` of a
 * ModuleList is `net.at(-1)`; Python's tuples are arrays; 4.1's `self.linears[i // 2](x) + l(x)` casts the
 * two children to nn.Linear: a child reached by position is a plain Module whose call returns `any`, and
 * the notebook dialect rewrites `+` only when the checker types an operand as a Tensor, so `any + any`
 * stays JavaScript's `+` and silently concatenates the two tensors' strings (the next layer then fails:
 * "linear(): argument 'input' must be Tensor, not string"); `d2l.grad_clipping(model.parameters(), ...)`
 * passes `model.parameters().values()`: PyTorch's parameters() is a generator that grad_clipping's first
 * loop uses up, so the book's concise training never scales a gradient, and torchlab's parameters() is
 * an array (a second pass would clip). 4.5 prints the loaded dict's values (`xy['x'], xy['y']`): the file
 * holds a dict, as PyTorch's does, but torchlab's loader does not keep the pickled class, so the loaded
 * `{'x': x, 'y': y}` prints as `OrderedDict([...])` where PyTorch prints a dict; the optimizer's
 * state_dict is printed as JSON on both sides (node's print of a nested object stops at depth 2).
 * Left out: nvidia-smi, torch.cuda.current_device() /
 * get_device_name() (no CUDA device), `x.cuda(0)` / `net.cuda()` (run as `.cpu()`), timings.
 */
import * as fs from "fs";
import * as path from "path";
import { notebooksForSuite, printedText } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { D2LZH } from "./_shusen_d2lzh";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "shusen1.json"), "utf8")) as Record<string, string>;
/** The cells a section starts with: the stand-in lyrics and the d2lzh_pytorch helpers. */
const D2L = [`const JAY = ${JSON.stringify(R.JAY)};`, D2LZH];

const CH4_MODEL_CONSTRUCTION = [
  `torch.manual_seed(0);
class MLP extends nn.Module {
  hidden: nn.Linear; act: nn.ReLU; output: nn.Linear;
  constructor() {
    super();
    this.hidden = new nn.Linear(784, 256);
    this.act = new nn.ReLU();
    this.output = new nn.Linear(256, 10);
  }
  forward(x: torch.Tensor) {
    const a = this.act(this.hidden(x));
    return this.output(a);
  }
}`,
  `let X = torch.rand(2, 784);
let net: any = new MLP();
console.log(net);
console.log(net(X));`,
  `class MySequential extends nn.Module {
  constructor(...args: (nn.Module | Map<string, nn.Module>)[]) {
    super();
    if (args.length == 1 && args[0] instanceof Map) {
      for (const [key, module] of args[0].entries()) {
        this.add_module(key, module);
      }
    } else {
      args.forEach((module, idx) => this.add_module(String(idx), module as nn.Module));
    }
  }
  forward(input: torch.Tensor) {
    for (const module of Object.values(this._modules)) {
      input = module!(input);
    }
    return input;
  }
}`,
  `net = new MySequential(
  new nn.Linear(784, 256),
  new nn.ReLU(),
  new nn.Linear(256, 10),
);
console.log(net);
console.log(net(X));`,
  `net = new nn.ModuleList([new nn.Linear(784, 256), new nn.ReLU()]);
net.append(new nn.Linear(256, 10));
console.log(net.at(-1));
console.log(net);`,
  `try {
  net(torch.zeros(1, 784));
} catch (e) {
  if ((e as Error).name == 'NotImplementedError') console.log('ERR NotImplementedError');
}`,
  `class MyModule extends nn.Module {
  linears: nn.ModuleList;
  constructor() {
    super();
    this.linears = new nn.ModuleList(Array.from({length: 10}, () => new nn.Linear(10, 10)));
  }
  forward(x: torch.Tensor) {
    [...this.linears].forEach((l, i) => {
      x = (this.linears[Math.floor(i / 2)] as nn.Linear)(x) + (l as nn.Linear)(x);
    });
    return x;
  }
}
console.log(new MyModule()(torch.ones(1, 10)));`,
  `class Module_ModuleList extends nn.Module {
  linears: nn.ModuleList;
  constructor() {
    super();
    this.linears = new nn.ModuleList([new nn.Linear(10, 10)]);
  }
}
class Module_List extends nn.Module {
  linears: nn.Linear[];
  constructor() {
    super();
    this.linears = [new nn.Linear(10, 10)];
  }
}
const net1 = new Module_ModuleList();
const net2 = new Module_List();
console.log("net1:");
for (const p of net1.parameters()) {
  console.log(p.size());
}
console.log("net2:");
for (const p of net2.parameters()) {
  console.log(p);
}`,
  `net = new nn.ModuleDict({
  'linear': new nn.Linear(784, 256),
  'act': new nn.ReLU(),
});
net['output'] = new nn.Linear(256, 10);
console.log(net['linear']);
console.log(net.output);
console.log(net);`,
  `try {
  net(torch.zeros(1, 784));
} catch (e) {
  if ((e as Error).name == 'NotImplementedError') console.log('ERR NotImplementedError');
}`,
  `class FancyMLP extends nn.Module {
  rand_weight: torch.Tensor; linear: nn.Linear;
  constructor() {
    super();
    this.rand_weight = torch.rand([20, 20], {requires_grad: false});
    this.linear = new nn.Linear(20, 20);
  }
  forward(x: torch.Tensor) {
    x = this.linear(x);
    x = nn.functional.relu(torch.mm(x, this.rand_weight.data) + 1);
    x = this.linear(x);
    while (x.norm().item() > 1) {
      x /= 2;
    }
    if (x.norm().item() < 0.8) {
      x *= 10;
    }
    return x.sum();
  }
}`,
  `X = torch.rand(2, 20);
net = new FancyMLP();
console.log(net);
console.log(net(X));`,
  `class NestMLP extends nn.Module {
  net: nn.Sequential;
  constructor() {
    super();
    this.net = new nn.Sequential(new nn.Linear(40, 30), new nn.ReLU());
  }
  forward(x: torch.Tensor) {
    return this.net(x);
  }
}
net = new nn.Sequential(new NestMLP(), new nn.Linear(30, 20), new FancyMLP());
X = torch.rand(2, 40);
console.log(net);
console.log(net(X));`,
];

const CH4_PARAMETERS = [
  `const init = nn.init;
torch.manual_seed(0);
let net = new nn.Sequential(new nn.Linear(4, 3), new nn.ReLU(), new nn.Linear(3, 1));
console.log(net);
const X = torch.rand(2, 4);
const Y = net(X).sum();`,
  `for (const [name, param] of net.named_parameters()) {
  console.log(name, param.size());
}`,
  `for (const [name, param] of net[0].named_parameters()) {
  console.log(name, param.size(), param.constructor.name);
}`,
  `class MyModel extends nn.Module {
  weight1: nn.Parameter; weight2: torch.Tensor;
  constructor() {
    super();
    this.weight1 = new nn.Parameter(torch.rand(20, 20));
    this.weight2 = torch.rand(20, 20);
  }
  forward(x: torch.Tensor) {}
}
const n = new MyModel();
for (const [name, param] of n.named_parameters()) {
  console.log(name);
}`,
  `const weight_0 = [...net[0].parameters()][0];
console.log(weight_0.data);
console.log(weight_0.grad);
Y.backward();
console.log(weight_0.grad);`,
  `for (const [name, param] of net.named_parameters()) {
  if (name.includes('weight')) {
    init.normal_(param, {mean: 0, std: 0.01});
    console.log(name, param.data);
  }
}`,
  `for (const [name, param] of net.named_parameters()) {
  if (name.includes('bias')) {
    init.constant_(param, {val: 0});
    console.log(name, param.data);
  }
}`,
  `function init_weight_(tensor: torch.Tensor) {
  torch.no_grad(() => {
    tensor.uniform_(-10, 10);
    tensor *= (tensor.abs() >= 5).float();
  });
}`,
  `for (const [name, param] of net.named_parameters()) {
  if (name.includes('weight')) {
    init_weight_(param);
    console.log(name, param.data);
  }
}`,
  `for (const [name, param] of net.named_parameters()) {
  if (name.includes('bias')) {
    param.data += 1;
    console.log(name, param.data);
  }
}`,
  `const linear = new nn.Linear(1, 1, {bias: false});
net = new nn.Sequential(linear, linear);
console.log(net);
for (const [name, param] of net.named_parameters()) {
  init.constant_(param, {val: 3});
  console.log(name, param.data);
}`,
  `console.log(net[0] === net[1]);
console.log(net[0].weight === net[1].weight);`,
  `const x = torch.ones(1, 1);
const y = net(x).sum();
console.log(y);
y.backward();
console.log(net[0].weight.grad);`,
];

const CH4_CUSTOM_LAYER = [
  `torch.manual_seed(0);
class CenteredLayer extends nn.Module {
  forward(x: torch.Tensor) {
    return x - x.mean();
  }
}`,
  `const layer = new CenteredLayer();
console.log(layer(torch.tensor([1, 2, 3, 4, 5], {dtype: torch.float})));`,
  `let net: nn.Module = new nn.Sequential(new nn.Linear(8, 128), new CenteredLayer());`,
  `const y = net(torch.rand(4, 8));
console.log(Math.abs(y.mean().item()) < 1e-6);`,
  `class MyListDense extends nn.Module {
  params: nn.ParameterList;
  constructor() {
    super();
    this.params = new nn.ParameterList(Array.from({length: 3}, () => new nn.Parameter(torch.randn(4, 4))));
    this.params.append(new nn.Parameter(torch.randn(4, 1)));
  }
  forward(x: torch.Tensor) {
    for (let i = 0; i < this.params.length; i++) {
      x = torch.mm(x, this.params[i]);
    }
    return x;
  }
}
net = new MyListDense();
console.log(net);`,
  `class MyDictDense extends nn.Module {
  params: nn.ParameterDict;
  constructor() {
    super();
    this.params = new nn.ParameterDict({
      'linear1': new nn.Parameter(torch.randn(4, 4)),
      'linear2': new nn.Parameter(torch.randn(4, 1)),
    });
    this.params.update({'linear3': new nn.Parameter(torch.randn(4, 2))});
  }
  forward(x: torch.Tensor, choice = 'linear1') {
    return torch.mm(x, this.params[choice]);
  }
}
net = new MyDictDense();
console.log(net);`,
  `const x = torch.ones(1, 4);
console.log(net(x, 'linear1'));
console.log(net(x, 'linear2'));
console.log(net(x, 'linear3'));`,
  `net = new nn.Sequential(
  new MyDictDense(),
  new MyListDense(),
);
console.log(net);
console.log(net(x));`,
];

const CH4_READ_WRITE = [
  `torch.manual_seed(0);
const x = torch.ones(3);
torch.save(x, 'x.pt');`,
  `const x2 = torch.load('x.pt');
console.log(x2);`,
  `const y = torch.zeros(4);
torch.save([x, y], 'xy.pt');
const xy_list = torch.load('xy.pt');
console.log(xy_list);`,
  `torch.save({'x': x, 'y': y}, 'xy_dict.pt');
const xy = torch.load('xy_dict.pt');
console.log(xy['x'], xy['y']);`,
  `class MLP extends nn.Module {
  hidden: nn.Linear; act: nn.ReLU; output: nn.Linear;
  constructor() {
    super();
    this.hidden = new nn.Linear(3, 2);
    this.act = new nn.ReLU();
    this.output = new nn.Linear(2, 1);
  }
  forward(x: torch.Tensor) {
    const a = this.act(this.hidden(x));
    return this.output(a);
  }
}
const net = new MLP();
console.log(net.state_dict());`,
  `const optimizer = new torch.optim.SGD(net.parameters(), {lr: 0.001, momentum: 0.9});
console.log(JSON.stringify(optimizer.state_dict()));`,
  `const X = torch.randn(2, 3);
const Y = net(X);
const PATH = "./net.pt";
torch.save(net.state_dict(), PATH);
const net2 = new MLP();
console.log(net2.load_state_dict(torch.load(PATH)));
const Y2 = net2(X);
console.log(Y2 == Y);`,
];

const CH4_USE_GPU = [
  `torch.manual_seed(0);
console.log(torch.cuda.is_available());`,
  `console.log(torch.cuda.device_count());`,
  `let x = torch.tensor([1, 2, 3]);
console.log(x);`,
  `console.log(x.device);`,
  `const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
x = torch.tensor([1, 2, 3], {device: device});
x = torch.tensor([1, 2, 3]).to(device);
console.log(x);`,
  `const y = x ** 2;
console.log(y);`,
  `const z = y + x.cpu();
console.log(z);`,
  `const net = new nn.Linear(3, 1);
console.log([...net.parameters()][0].device);`,
  `net.cpu();
console.log([...net.parameters()][0].device);`,
  `x = torch.rand(2, 3).cpu();
console.log(net(x));`,
];
const CH6_LANG_MODEL = [
  `torch.manual_seed(0);
const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
console.log(device);`,
  `let corpus_chars = JAY;
console.log(corpus_chars.slice(0, 40));`,
  `corpus_chars = corpus_chars.replaceAll('\\n', ' ').replaceAll('\\r', ' ');
corpus_chars = corpus_chars.slice(0, 10000);`,
  `const idx_to_char = [...new Set(corpus_chars)].sort();
const char_to_idx = new Map(idx_to_char.map((char, i) => [char, i]));
const vocab_size = char_to_idx.size;
console.log(vocab_size);`,
  `const corpus_indices = [...corpus_chars].map((char) => char_to_idx.get(char)!);
const sample = corpus_indices.slice(0, 20);
console.log('chars:', sample.map((idx) => idx_to_char[idx]).join(''));
console.log('indices:', sample);`,
  `function* data_iter_random(corpus_indices: number[], batch_size: number, num_steps: number, device: torch.device | null = null) {
  const num_examples = Math.floor((corpus_indices.length - 1) / num_steps);
  const epoch_size = Math.floor(num_examples / batch_size);
  const example_indices = torch.randperm(num_examples).tolist() as number[];
  const _data = (pos: number) => corpus_indices.slice(pos, pos + num_steps);
  if (device === null) {
    device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
  }
  for (let i = 0; i < epoch_size; i++) {
    const k = i * batch_size;
    const batch_indices = example_indices.slice(k, k + batch_size);
    const X = batch_indices.map((j) => _data(j * num_steps));
    const Y = batch_indices.map((j) => _data(j * num_steps + 1));
    yield [torch.tensor(X, {dtype: torch.float32, device: device}), torch.tensor(Y, {dtype: torch.float32, device: device})];
  }
}`,
  `const my_seq = Array.from({length: 30}, (_, i) => i);
for (const [X, Y] of data_iter_random(my_seq, 2, 6)) {
  console.log('X: ', X, '\\nY:', Y, '\\n');
}`,
  `function* data_iter_consecutive(corpus_indices: number[], batch_size: number, num_steps: number, device: torch.device | null = null) {
  if (device === null) {
    device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
  }
  const corpus = torch.tensor(corpus_indices, {dtype: torch.float32, device: device});
  const data_len = corpus.length;
  const batch_len = Math.floor(data_len / batch_size);
  const indices = corpus[\`0:\${batch_size * batch_len}\`].view(batch_size, batch_len);
  const epoch_size = Math.floor((batch_len - 1) / num_steps);
  for (let i = 0; i < epoch_size; i++) {
    const k = i * num_steps;
    const X = indices[\`:, \${k}:\${k + num_steps}\`];
    const Y = indices[\`:, \${k + 1}:\${k + num_steps + 1}\`];
    yield [X, Y];
  }
}`,
  `for (const [X, Y] of data_iter_consecutive(my_seq, 2, 6)) {
  console.log('X: ', X, '\\nY:', Y, '\\n');
}`,
];

const CH6_RNN_SCRATCH = [
  `torch.manual_seed(0);
const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
const [corpus_indices, char_to_idx, idx_to_char, vocab_size] = d2l.load_data_jay_lyrics();`,
  `function one_hot(x: torch.Tensor, n_class: number, dtype = torch.float32) {
  x = x.long();
  const res = torch.zeros(x.shape[0], n_class, {dtype: dtype, device: x.device});
  res.scatter_(1, x.view(-1, 1), 1);
  return res;
}
let x = torch.tensor([0, 2]);
console.log(one_hot(x, vocab_size));`,
  `function to_onehot(X: torch.Tensor, n_class: number) {
  return Array.from({length: X.shape[1]}, (_, i) => one_hot(X[\`:, \${i}\`], n_class));
}
const X = torch.arange(10).view(2, 5);
let inputs = to_onehot(X, vocab_size);
console.log(inputs.length, inputs[0].shape);`,
  `const num_inputs = vocab_size, num_hiddens = 256, num_outputs = vocab_size;
console.log('will use', device);
function get_params() {
  function _one(shape: number[]) {
    const ts = torch.normal(0, 0.01, {size: shape, device: device, dtype: torch.float32});
    return new torch.nn.Parameter(ts, {requires_grad: true});
  }
  const W_xh = _one([num_inputs, num_hiddens]);
  const W_hh = _one([num_hiddens, num_hiddens]);
  const b_h = new torch.nn.Parameter(torch.zeros(num_hiddens, {device: device, requires_grad: true}));
  const W_hq = _one([num_hiddens, num_outputs]);
  const b_q = new torch.nn.Parameter(torch.zeros(num_outputs, {device: device, requires_grad: true}));
  return new nn.ParameterList([W_xh, W_hh, b_h, W_hq, b_q]);
}`,
  `function init_rnn_state(batch_size: number, num_hiddens: number, device: torch.device) {
  return [torch.zeros([batch_size, num_hiddens], {device: device})];
}`,
  `function rnn(inputs: torch.Tensor[], state: torch.Tensor[], params: Iterable<torch.Tensor>): [torch.Tensor[], torch.Tensor[]] {
  const [W_xh, W_hh, b_h, W_hq, b_q] = params;
  let [H] = state;
  const outputs = [];
  for (const X of inputs) {
    H = torch.tanh(torch.matmul(X, W_xh) + torch.matmul(H, W_hh) + b_h);
    const Y = torch.matmul(H, W_hq) + b_q;
    outputs.push(Y);
  }
  return [outputs, [H]];
}`,
  `const state = init_rnn_state(X.shape[0], num_hiddens, device);
inputs = to_onehot(X.to(device), vocab_size);
const params = get_params();
const [outputs, state_new] = rnn(inputs, state, params);
console.log(outputs.length, outputs[0].shape, state_new[0].shape);`,
  `function predict_rnn(prefix: string, num_chars: number, rnn: (inputs: torch.Tensor[], state: torch.Tensor[], params: Iterable<torch.Tensor>) => [torch.Tensor[], torch.Tensor[]],
                     params: Iterable<torch.Tensor>, init_rnn_state: (b: number, h: number, d: torch.device) => torch.Tensor[],
                     num_hiddens: number, vocab_size: number, device: torch.device, idx_to_char: string[], char_to_idx: Map<string, number>) {
  let state = init_rnn_state(1, num_hiddens, device);
  const output = [char_to_idx.get(prefix[0])!];
  for (let t = 0; t < num_chars + prefix.length - 1; t++) {
    const X = to_onehot(torch.tensor([[output[output.length - 1]]], {device: device}), vocab_size);
    let Y: torch.Tensor[];
    [Y, state] = rnn(X, state, params);
    if (t < prefix.length - 1) {
      output.push(char_to_idx.get(prefix[t + 1])!);
    } else {
      output.push(Number(Y[0].argmax({dim: 1}).item()));
    }
  }
  return output.map((i) => idx_to_char[i]).join('');
}`,
  `console.log(predict_rnn('分开', 10, rnn, params, init_rnn_state, num_hiddens, vocab_size,
                        device, idx_to_char, char_to_idx));`,
  `function grad_clipping(params: Iterable<torch.Tensor>, theta: number, device: torch.device) {
  let norm = torch.tensor([0.0], {device: device});
  for (const param of params) {
    norm += (param.grad!.data ** 2).sum();
  }
  const n = norm.sqrt().item();
  if (n > theta) {
    for (const param of params) {
      param.grad!.data *= (theta / n);
    }
  }
}`,
  `const num_epochs = 2, num_steps = 35, batch_size = 2, lr = 1e2, clipping_theta = 1e-2;
const pred_period = 1, pred_len = 10, prefixes = ['分开', '不分开'];`,
  `d2l.train_and_predict_rnn(rnn, get_params, init_rnn_state, num_hiddens,
                          vocab_size, device, corpus_indices, idx_to_char,
                          char_to_idx, true, num_epochs, num_steps, lr,
                          clipping_theta, batch_size, pred_period, pred_len,
                          prefixes);`,
  `d2l.train_and_predict_rnn(rnn, get_params, init_rnn_state, num_hiddens,
                          vocab_size, device, corpus_indices, idx_to_char,
                          char_to_idx, false, num_epochs, num_steps, lr,
                          clipping_theta, batch_size, pred_period, pred_len,
                          prefixes);`,
];

const CH6_RNN_PYTORCH = [
  `torch.manual_seed(0);
const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
const [corpus_indices, char_to_idx, idx_to_char, vocab_size] = d2l.load_data_jay_lyrics();
console.log(device);`,
  `const num_hiddens = 256;
const rnn_layer = new nn.RNN({input_size: vocab_size, hidden_size: num_hiddens});`,
  `const num_steps = 35;
let batch_size = 2;
const state = null;
const X = torch.rand(num_steps, batch_size, vocab_size);
const [Y, state_new] = rnn_layer(X, state);
console.log(Y.shape, state_new.length, state_new[0].shape);`,
  `const model = new d2l.RNNModel(rnn_layer, vocab_size).to(device);
console.log(d2l.predict_rnn_pytorch('分开', 10, model, vocab_size, device, idx_to_char, char_to_idx));`,
  `const num_epochs = 2, lr = 1e-3, clipping_theta = 1e-2;
batch_size = 2;
const pred_period = 1, pred_len = 10, prefixes = ['分开', '不分开'];
d2l.train_and_predict_rnn_pytorch(model, num_hiddens, vocab_size, device,
                                  corpus_indices, idx_to_char, char_to_idx,
                                  num_epochs, num_steps, lr, clipping_theta,
                                  batch_size, pred_period, pred_len, prefixes);`,
  `console.log(model.dense.bias![":5"]);`,
];

const CH6_GRU = [
  `torch.manual_seed(0);
const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
const [corpus_indices, char_to_idx, idx_to_char, vocab_size] = d2l.load_data_jay_lyrics();`,
  `const num_inputs = vocab_size, num_hiddens = 256, num_outputs = vocab_size;
console.log('will use', device);
function get_params() {
  function _one(shape: number[]) {
    const ts = torch.normal(0, 0.01, {size: shape, device: device, dtype: torch.float32});
    return new torch.nn.Parameter(ts, {requires_grad: true});
  }
  function _three(): [nn.Parameter, nn.Parameter, nn.Parameter] {
    return [_one([num_inputs, num_hiddens]),
            _one([num_hiddens, num_hiddens]),
            new torch.nn.Parameter(torch.zeros(num_hiddens, {device: device, dtype: torch.float32}), {requires_grad: true})];
  }
  const [W_xz, W_hz, b_z] = _three();
  const [W_xr, W_hr, b_r] = _three();
  const [W_xh, W_hh, b_h] = _three();
  const W_hq = _one([num_hiddens, num_outputs]);
  const b_q = new torch.nn.Parameter(torch.zeros(num_outputs, {device: device, dtype: torch.float32}), {requires_grad: true});
  return new nn.ParameterList([W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q]);
}`,
  `function init_gru_state(batch_size: number, num_hiddens: number, device: torch.device) {
  return [torch.zeros([batch_size, num_hiddens], {device: device})];
}`,
  `function gru(inputs: torch.Tensor[], state: torch.Tensor[], params: Iterable<torch.Tensor>): [torch.Tensor[], torch.Tensor[]] {
  const [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q] = params;
  let [H] = state;
  const outputs = [];
  for (const X of inputs) {
    const Z = torch.sigmoid(torch.matmul(X, W_xz) + torch.matmul(H, W_hz) + b_z);
    const R = torch.sigmoid(torch.matmul(X, W_xr) + torch.matmul(H, W_hr) + b_r);
    const H_tilda = torch.tanh(torch.matmul(X, W_xh) + torch.matmul(R * H, W_hh) + b_h);
    H = Z * H + (1 - Z) * H_tilda;
    const Y = torch.matmul(H, W_hq) + b_q;
    outputs.push(Y);
  }
  return [outputs, [H]];
}`,
  `const num_epochs = 2, num_steps = 35, batch_size = 2, clipping_theta = 1e-2;
let lr = 1e2;
const pred_period = 1, pred_len = 10, prefixes = ['分开', '不分开'];`,
  `d2l.train_and_predict_rnn(gru, get_params, init_gru_state, num_hiddens,
                          vocab_size, device, corpus_indices, idx_to_char,
                          char_to_idx, false, num_epochs, num_steps, lr,
                          clipping_theta, batch_size, pred_period, pred_len,
                          prefixes);`,
  `lr = 1e-2;
const gru_layer = new nn.GRU({input_size: vocab_size, hidden_size: num_hiddens});
const model = new d2l.RNNModel(gru_layer, vocab_size).to(device);
d2l.train_and_predict_rnn_pytorch(model, num_hiddens, vocab_size, device,
                                  corpus_indices, idx_to_char, char_to_idx,
                                  num_epochs, num_steps, lr, clipping_theta,
                                  batch_size, pred_period, pred_len, prefixes);`,
];

const CH6_LSTM = [
  `torch.manual_seed(0);
const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
const [corpus_indices, char_to_idx, idx_to_char, vocab_size] = d2l.load_data_jay_lyrics();`,
  `const num_inputs = vocab_size, num_hiddens = 256, num_outputs = vocab_size;
console.log('will use', device);
function get_params() {
  function _one(shape: number[]) {
    const ts = torch.normal(0, 0.01, {size: shape, device: device, dtype: torch.float32});
    return new torch.nn.Parameter(ts, {requires_grad: true});
  }
  function _three(): [nn.Parameter, nn.Parameter, nn.Parameter] {
    return [_one([num_inputs, num_hiddens]),
            _one([num_hiddens, num_hiddens]),
            new torch.nn.Parameter(torch.zeros(num_hiddens, {device: device, dtype: torch.float32}), {requires_grad: true})];
  }
  const [W_xi, W_hi, b_i] = _three();
  const [W_xf, W_hf, b_f] = _three();
  const [W_xo, W_ho, b_o] = _three();
  const [W_xc, W_hc, b_c] = _three();
  const W_hq = _one([num_hiddens, num_outputs]);
  const b_q = new torch.nn.Parameter(torch.zeros(num_outputs, {device: device, dtype: torch.float32}), {requires_grad: true});
  return new nn.ParameterList([W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q]);
}`,
  `function init_lstm_state(batch_size: number, num_hiddens: number, device: torch.device) {
  return [torch.zeros([batch_size, num_hiddens], {device: device}),
          torch.zeros([batch_size, num_hiddens], {device: device})];
}`,
  `function lstm(inputs: torch.Tensor[], state: torch.Tensor[], params: Iterable<torch.Tensor>): [torch.Tensor[], torch.Tensor[]] {
  const [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q] = params;
  let [H, C] = state;
  const outputs = [];
  for (const X of inputs) {
    const I = torch.sigmoid(torch.matmul(X, W_xi) + torch.matmul(H, W_hi) + b_i);
    const F = torch.sigmoid(torch.matmul(X, W_xf) + torch.matmul(H, W_hf) + b_f);
    const O = torch.sigmoid(torch.matmul(X, W_xo) + torch.matmul(H, W_ho) + b_o);
    const C_tilda = torch.tanh(torch.matmul(X, W_xc) + torch.matmul(H, W_hc) + b_c);
    C = F * C + I * C_tilda;
    H = O * C.tanh();
    const Y = torch.matmul(H, W_hq) + b_q;
    outputs.push(Y);
  }
  return [outputs, [H, C]];
}`,
  `const num_epochs = 2, num_steps = 35, batch_size = 2, clipping_theta = 1e-2;
let lr = 1e2;
const pred_period = 1, pred_len = 10, prefixes = ['分开', '不分开'];`,
  `d2l.train_and_predict_rnn(lstm, get_params, init_lstm_state, num_hiddens,
                          vocab_size, device, corpus_indices, idx_to_char,
                          char_to_idx, false, num_epochs, num_steps, lr,
                          clipping_theta, batch_size, pred_period, pred_len,
                          prefixes);`,
  `lr = 1e-2;
const lstm_layer = new nn.LSTM({input_size: vocab_size, hidden_size: num_hiddens});
const model = new d2l.RNNModel(lstm_layer, vocab_size);
d2l.train_and_predict_rnn_pytorch(model, num_hiddens, vocab_size, device,
                                  corpus_indices, idx_to_char, char_to_idx,
                                  num_epochs, num_steps, lr, clipping_theta,
                                  batch_size, pred_period, pred_len, prefixes);`,
];

const SECTIONS: Record<string, string[]> = {
  ch4_model_construction: CH4_MODEL_CONSTRUCTION,
  ch4_parameters: CH4_PARAMETERS,
  ch4_custom_layer: CH4_CUSTOM_LAYER,
  ch4_read_write: CH4_READ_WRITE,
  ch4_use_gpu: CH4_USE_GPU,
  ch6_lang_model: CH6_LANG_MODEL,
  ch6_rnn_scratch: CH6_RNN_SCRATCH,
  ch6_rnn_pytorch: CH6_RNN_PYTORCH,
  ch6_gru: CH6_GRU,
  ch6_lstm: CH6_LSTM,
};

/**
 * One notebook (one kernel) runs every section after the helper cells: each section's first cell prints
 * a marker line, and what is printed after it is that section's output.
 */
const CELLS = [...D2L, ...Object.entries(SECTIONS).flatMap(([name, cells]) => [`console.log("##### ${name}");\n${cells[0]}`, ...cells.slice(1)])];

/** The printed text of each section, split at the markers. */
function bySection(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/^##### /m).slice(1)) {
    const nl = part.indexOf("\n");
    out[part.slice(0, nl)] = part.slice(nl + 1);
  }
  return out;
}

/**
 * Printed text equals PyTorch's with whitespace and object addresses removed, numbers within 1.5e-3
 * (Python's '%.3f' rounds a tie such as 3/48 = 0.0625 to even, 0.062, JavaScript's toFixed(3) up, 0.063).
 */
function expectPrinted(got: string | undefined, want: string): void {
  const norm = (s: string) => s.replace(/ object at 0x[0-9a-f]+>/g, ">").replace(/\s+/g, "");
  expect(got).toBeDefined();
  expectSamePrint(norm(got!), norm(want), 1.5e-3);
}

describe("Dive-into-DL-PyTorch chapters 4 and 6 as notebooks through `torchlab run`", () => {
  const nbs = notebooksForSuite("shusen-ch46", { book: CELLS }, 600_000);
  let out: Record<string, string> = {};
  beforeAll(() => {
    out = bySection(printedText(nbs.book, true));
  });
  for (const name of Object.keys(SECTIONS)) {
    test(`${name}: prints PyTorch's output`, () => {
      expectPrinted(out[name], R[name]);
    });
  }
});
