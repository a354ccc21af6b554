/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition): chapter_recurrent-neural-networks (text-preprocessing,
 * language-models-and-dataset, rnn-scratch, rnn-concise) and chapter_recurrent-modern (gru, lstm, deep-rnn,
 * bi-rnn) as notebook cells written the way the chapters read: operators on tensors, `param.grad[":"] *=
 * theta / norm`, `if (norm > theta)`, `X @ W` as `X.matmul(W)` (TypeScript has no `@`). d2l's helpers are
 * inlined as a user would write them; test/reference/gen_d2l_rnn.py is the same code in PyTorch (the
 * text, the fixed offset of the sequential iterator, the small sizes). `TIME_MACHINE` is defined by the
 * test's first cell.
 */
export const RNN_CELLS: string[] = [
  // text-preprocessing
  `function read_time_machine(): string[] {
  const lines = TIME_MACHINE.split("\\n");
  return lines.map((line) => line.replace(/[^A-Za-z]+/g, ' ').trim().toLowerCase());
}
let lines = read_time_machine();
console.log(\`# 文本总行数: \${lines.length}\`);
console.log(lines[0]);
console.log(lines[10]);`,
  `function tokenize(lines: string[], token = 'word'): string[][] {
  if (token == 'word') {
    return lines.map((line) => line.split(" ").filter((w) => w !== ""));
  } else if (token == 'char') {
    return lines.map((line) => [...line]);
  } else {
    console.log('错误：未知词元类型：' + token);
    return [];
  }
}
let tokens = tokenize(lines);
for (let i = 0; i < 11; i++) console.log(JSON.stringify(tokens[i]));`,
  `class Vocab {
  _token_freqs: [string, number][];
  idx_to_token: string[];
  token_to_idx: Map<string, number>;
  constructor(tokens: string[] | string[][] = [], min_freq = 0, reserved_tokens: string[] = []) {
    // 按出现频率排序
    const counter = count_corpus(tokens);
    this._token_freqs = [...counter.entries()].sort((a, b) => b[1] - a[1]);
    // 未知词元的索引为0
    this.idx_to_token = ['<unk>', ...reserved_tokens];
    this.token_to_idx = new Map(this.idx_to_token.map((token, idx) => [token, idx]));
    for (const [token, freq] of this._token_freqs) {
      if (freq < min_freq) break;
      if (!this.token_to_idx.has(token)) {
        this.idx_to_token.push(token);
        this.token_to_idx.set(token, this.idx_to_token.length - 1);
      }
    }
  }
  get length() { return this.idx_to_token.length; }
  get(tokens: string): number;
  get(tokens: string[]): number[];
  get(tokens: string | string[]): number | number[] {
    if (!Array.isArray(tokens)) return this.token_to_idx.get(tokens) ?? this.unk;
    return tokens.map((token) => this.get(token));
  }
  to_tokens(indices: number[]) { return indices.map((index) => this.idx_to_token[index]); }
  get unk() { return 0; }  // 未知词元的索引为0
  get token_freqs() { return this._token_freqs; }
}
function count_corpus(tokens: string[] | string[][]): Map<string, number> {
  // 这里的tokens是1D列表或2D列表: 将词元列表展平成一个列表
  const flat = (tokens.length == 0 || Array.isArray(tokens[0])) ? (tokens as string[][]).flat() : tokens as string[];
  const counter = new Map<string, number>();
  for (const token of flat) counter.set(token, (counter.get(token) ?? 0) + 1);
  return counter;
}
let vocab = new Vocab(tokens);
console.log(JSON.stringify([...vocab.token_to_idx.entries()].slice(0, 10)));
for (const i of [0, 10]) {
  console.log('文本:', JSON.stringify(tokens[i]));
  console.log('索引:', JSON.stringify(vocab.get(tokens[i])));
}`,
  `function load_corpus_time_machine(max_tokens = -1): [number[], Vocab] {
  const lines = read_time_machine();
  const tokens = tokenize(lines, 'char');
  const vocab = new Vocab(tokens);
  // 所以将所有文本行展平到一个列表中
  let corpus = tokens.flatMap((line) => line.map((token) => vocab.get(token)));
  if (max_tokens > 0) corpus = corpus.slice(0, max_tokens);
  return [corpus, vocab];
}
let [corpus, _vocab] = load_corpus_time_machine();
console.log(corpus.length, _vocab.length);`,
  // language-models-and-dataset (a bigram or trigram is its words joined by a space: a Map key)
  `tokens = tokenize(read_time_machine());
const corpus_w = tokens.flat();
const vocab_w = new Vocab(corpus_w);
console.log(JSON.stringify(vocab_w.token_freqs.slice(0, 10)));
const bigram_tokens = corpus_w.slice(0, -1).map((w, i) => w + " " + corpus_w[i + 1]);
const bigram_vocab = new Vocab(bigram_tokens);
console.log(JSON.stringify(bigram_vocab.token_freqs.slice(0, 5).map(([t, f]) => [t.split(" "), f])));
const trigram_tokens = corpus_w.slice(0, -2).map((w, i) => [w, corpus_w[i + 1], corpus_w[i + 2]].join(" "));
const trigram_vocab = new Vocab(trigram_tokens);
console.log(JSON.stringify(trigram_vocab.token_freqs.slice(0, 3).map(([t, f]) => [t.split(" "), f])));`,
  `function* seq_data_iter_sequential(corpus: number[], batch_size: number, num_steps: number): Generator<[torch.Tensor, torch.Tensor]> {
  const offset = 0;  // random.randint(0, num_steps)
  const num_tokens = Math.floor((corpus.length - offset - 1) / batch_size) * batch_size;
  let Xs = torch.tensor(corpus.slice(offset, offset + num_tokens));
  let Ys = torch.tensor(corpus.slice(offset + 1, offset + 1 + num_tokens));
  [Xs, Ys] = [Xs.reshape(batch_size, -1), Ys.reshape(batch_size, -1)];
  const num_batches = Math.floor(Xs.shape[1] / num_steps);
  for (let i = 0; i < num_steps * num_batches; i += num_steps) {
    const X = Xs[":", \`\${i}:\${i + num_steps}\`];
    const Y = Ys[":", \`\${i}:\${i + num_steps}\`];
    yield [X, Y];
  }
}
const my_seq = [...Array(35).keys()];
for (const [X, Y] of seq_data_iter_sequential(my_seq, 2, 5)) console.log('X: ', X, '\\nY:', Y);`,
  `class SeqDataLoader {
  data_iter_fn = seq_data_iter_sequential;
  corpus: number[]; vocab: Vocab; batch_size: number; num_steps: number;
  constructor(batch_size: number, num_steps: number, max_tokens: number) {
    [this.corpus, this.vocab] = load_corpus_time_machine(max_tokens);
    [this.batch_size, this.num_steps] = [batch_size, num_steps];
  }
  [Symbol.iterator]() { return this.data_iter_fn(this.corpus, this.batch_size, this.num_steps); }
}
function load_data_time_machine(batch_size: number, num_steps: number, max_tokens = 10000): [SeqDataLoader, Vocab] {
  const data_iter = new SeqDataLoader(batch_size, num_steps, max_tokens);
  return [data_iter, data_iter.vocab];
}`,
  // rnn-scratch
  `const [batch_size, num_steps] = [4, 8];
let train_iter: SeqDataLoader;
[train_iter, vocab] = load_data_time_machine(batch_size, num_steps, 320);
console.log(F.one_hot(torch.tensor([0, 2]), vocab.length));
let X = torch.arange(10).reshape([2, 5]);
console.log(F.one_hot(X.T, 28).shape);`,
  `type Params = torch.Tensor[];
type State = torch.Tensor[];
/** What predict_ch8 and train_ch8 take: RNNModelScratch, or RNNModel below (Python's duck typing). */
interface Net {
  __call__(X: torch.Tensor, state: State | torch.Tensor): [torch.Tensor, State | torch.Tensor];
  begin_state(batch_size: number, device: torch.device): State | torch.Tensor;
}
function get_params(vocab_size: number, num_hiddens: number, device: torch.device): Params {
  const num_inputs = vocab_size, num_outputs = vocab_size;
  function normal(shape: number[]) {
    return torch.randn({size: shape, device: device}) * 0.01;
  }
  // 隐藏层参数
  const W_xh = normal([num_inputs, num_hiddens]);
  const W_hh = normal([num_hiddens, num_hiddens]);
  const b_h = torch.zeros(num_hiddens, {device: device});
  // 输出层参数
  const W_hq = normal([num_hiddens, num_outputs]);
  const b_q = torch.zeros(num_outputs, {device: device});
  // 附加梯度
  const params = [W_xh, W_hh, b_h, W_hq, b_q];
  for (const param of params) param.requires_grad_(true);
  return params;
}
function init_rnn_state(batch_size: number, num_hiddens: number, device: torch.device): State {
  return [torch.zeros([batch_size, num_hiddens], {device: device})];
}
function rnn(inputs: torch.Tensor, state: State, params: Params): [torch.Tensor, State] {
  // inputs的形状：(时间步数量，批量大小，词表大小)
  const [W_xh, W_hh, b_h, W_hq, b_q] = params;
  let [H] = state;
  const outputs: torch.Tensor[] = [];
  // X的形状：(批量大小，词表大小)
  for (const X of inputs) {
    H = torch.tanh(torch.mm(X, W_xh) + torch.mm(H, W_hh) + b_h);
    const Y = torch.mm(H, W_hq) + b_q;
    outputs.push(Y);
  }
  return [torch.cat(outputs, {dim: 0}), [H]];
}
class RNNModelScratch {  // 从零开始实现的循环神经网络模型
  vocab_size: number; num_hiddens: number; params: Params;
  init_state: typeof init_rnn_state; forward_fn: typeof rnn;
  constructor(vocab_size: number, num_hiddens: number, device: torch.device,
              get_params: (v: number, h: number, d: torch.device) => Params, init_state: typeof init_rnn_state, forward_fn: typeof rnn) {
    [this.vocab_size, this.num_hiddens] = [vocab_size, num_hiddens];
    this.params = get_params(vocab_size, num_hiddens, device);
    [this.init_state, this.forward_fn] = [init_state, forward_fn];
  }
  __call__(X: torch.Tensor, state: State) {
    X = F.one_hot(X.T, this.vocab_size).type(torch.float32);
    return this.forward_fn(X, state, this.params);
  }
  begin_state(batch_size: number, device: torch.device) {
    return this.init_state(batch_size, this.num_hiddens, device);
  }
}`,
  `const device = torch.device('cpu');
torch.manual_seed(0);
const num_hiddens = 32;
let net: Net = new RNNModelScratch(vocab.length, num_hiddens, device, get_params, init_rnn_state, rnn);
let state = net.begin_state(X.shape[0], device);
let [Y, new_state] = net.__call__(X.to(device), state) as [torch.Tensor, State];
console.log(Y.shape, new_state.length, new_state[0].shape);`,
  `function predict_ch8(prefix: string, num_preds: number, net: Net, vocab: Vocab, device: torch.device) {
  // 在prefix后面生成新字符
  let state = net.begin_state(1, device);
  const outputs = [vocab.get(prefix[0])];
  const get_input = () => torch.tensor([outputs[outputs.length - 1]], {device: device}).reshape([1, 1]);
  for (const y of prefix.slice(1)) {  // 预热期
    [, state] = net.__call__(get_input(), state);
    outputs.push(vocab.get(y));
  }
  for (let i = 0; i < num_preds; i++) {  // 预测num_preds步
    let y: torch.Tensor;
    [y, state] = net.__call__(get_input(), state);
    outputs.push(Number(y.argmax({dim: 1}).reshape(1)));
  }
  return outputs.map((i) => vocab.idx_to_token[i]).join('');
}
console.log(predict_ch8('time traveller ', 10, net, vocab, device));`,
  `function grad_clipping(net: Net, theta: number) {  // 裁剪梯度
  let params: torch.Tensor[];
  if (net instanceof nn.Module) {
    params = [...net.parameters()].filter((p) => p.requires_grad);
  } else {
    params = (net as RNNModelScratch).params;
  }
  const norm = torch.sqrt(params.map((p) => torch.sum(p.grad! ** 2)).reduce((a, b) => a + b));
  if (norm > theta) {
    for (const param of params) {
      param.grad![":"] *= theta / norm;
    }
  }
}
function sgd(params: torch.Tensor[], lr: number, batch_size: number) {
  torch.no_grad(() => {
    for (const param of params) {
      param -= lr * param.grad! / batch_size;
      param.grad!.zero_();
    }
  });
}
function train_epoch_ch8(net: Net, train_iter: SeqDataLoader, loss: nn.CrossEntropyLoss,
                         updater: torch.optim.Optimizer | ((batch_size: number) => void), device: torch.device, use_random_iter: boolean) {
  let state: State | torch.Tensor | null = null;
  const metric = [0.0, 0.0];  // 训练损失之和,词元数量
  for (let [X, Y] of train_iter) {
    if (state === null || use_random_iter) {
      // 在第一次迭代或使用随机抽样时初始化state
      state = net.begin_state(X.shape[0], device);
    } else {
      if (net instanceof nn.Module && !Array.isArray(state)) {
        // state对于nn.GRU是个张量
        state.detach_();
      } else {
        // state对于nn.LSTM或对于我们从零开始实现的模型是个张量
        for (const s of state as State) s.detach_();
      }
    }
    let y = Y.T.reshape(-1);
    [X, y] = [X.to(device), y.to(device)];
    let y_hat: torch.Tensor;
    [y_hat, state] = net.__call__(X, state as State);
    const l = loss(y_hat, y.long()).mean();
    if (updater instanceof torch.optim.Optimizer) {
      updater.zero_grad();
      l.backward();
      grad_clipping(net, 1);
      updater.step();
    } else {
      l.backward();
      grad_clipping(net, 1);
      // 因为已经调用了mean函数
      updater(1);
    }
    metric[0] += Number(l * y.numel());
    metric[1] += y.numel();
  }
  return Math.exp(metric[0] / metric[1]);
}
function train_ch8(net: Net, train_iter: SeqDataLoader, vocab: Vocab, lr: number, num_epochs: number,
                   device: torch.device, use_random_iter = false) {
  const loss = new nn.CrossEntropyLoss();
  // 初始化
  let updater: torch.optim.Optimizer | ((batch_size: number) => void);
  if (net instanceof nn.Module) {
    updater = new torch.optim.SGD(net.parameters(), lr);
  } else {
    const scratch = net as RNNModelScratch;
    updater = (batch_size: number) => sgd(scratch.params, lr, batch_size);
  }
  const predict = (prefix: string) => predict_ch8(prefix, 20, net, vocab, device);
  // 训练和预测
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    const ppl = train_epoch_ch8(net, train_iter, loss, updater, device, use_random_iter);
    console.log(\`epoch \${epoch + 1}, 困惑度 \${ppl.toFixed(3)}\`);
  }
  console.log(predict('time traveller'));
}`,
  `let [num_epochs, lr] = [2, 1];
train_ch8(net, train_iter, vocab, lr, num_epochs, device);`,
  // rnn-concise
  `torch.manual_seed(0);
const rnn_layer = new nn.RNN(vocab.length, num_hiddens);
let state_c = torch.zeros([1, batch_size, num_hiddens]);
console.log(state_c.shape);
X = torch.rand({size: [num_steps, batch_size, vocab.length]});
let [Y_c, state_new] = rnn_layer(X, state_c);
console.log(Y_c.shape, state_new.shape);`,
  `class RNNModel extends nn.Module {  // 循环神经网络模型
  rnn: nn.RNN | nn.GRU | nn.LSTM; vocab_size: number; num_hiddens: number; num_directions: number; linear: nn.Linear;
  constructor(rnn_layer: nn.RNN | nn.GRU | nn.LSTM, vocab_size: number) {
    super();
    this.rnn = rnn_layer;
    this.vocab_size = vocab_size;
    this.num_hiddens = this.rnn.hidden_size;
    // 如果RNN是双向的（之后将介绍），num_directions应该是2，否则应该是1
    if (!this.rnn.bidirectional) {
      this.num_directions = 1;
      this.linear = new nn.Linear(this.num_hiddens, this.vocab_size);
    } else {
      this.num_directions = 2;
      this.linear = new nn.Linear(this.num_hiddens * 2, this.vocab_size);
    }
  }
  forward(inputs: torch.Tensor, state: torch.Tensor | State): [torch.Tensor, torch.Tensor | State] {
    let X = F.one_hot(inputs.T.long(), this.vocab_size);
    X = X.to(torch.float32);
    const [Y, new_state] = (this.rnn as nn.Module)(X, state);
    // 全连接层首先将Y的形状改为(时间步数*批量大小,隐藏单元数)
    // 它的输出形状是(时间步数*批量大小,词表大小)。
    const output = this.linear(Y.reshape([-1, Y.shape[Y.shape.length - 1]]));
    return [output, new_state];
  }
  __call__(inputs: torch.Tensor, state: torch.Tensor | State) { return (this as RNNModel)(inputs, state); }
  begin_state(batch_size = 1, device: torch.device): torch.Tensor | State {
    if (!(this.rnn instanceof nn.LSTM)) {
      // nn.GRU以张量作为隐状态
      return torch.zeros([this.num_directions * this.rnn.num_layers, batch_size, this.num_hiddens], {device: device});
    } else {
      // nn.LSTM以元组作为隐状态
      return [torch.zeros([this.num_directions * this.rnn.num_layers, batch_size, this.num_hiddens], {device: device}),
              torch.zeros([this.num_directions * this.rnn.num_layers, batch_size, this.num_hiddens], {device: device})];
    }
  }
}
net = new RNNModel(rnn_layer, vocab.length);
net = (net as RNNModel).to(device);
console.log(predict_ch8('time traveller', 10, net, vocab, device));
train_ch8(net, train_iter, vocab, lr, num_epochs, device);`,
  // gru (scratch)
  `function get_gru_params(vocab_size: number, num_hiddens: number, device: torch.device): Params {
  const num_inputs = vocab_size, num_outputs = vocab_size;
  const normal = (shape: number[]) => torch.randn({size: shape, device: device}) * 0.01;
  const three = () => [normal([num_inputs, num_hiddens]), normal([num_hiddens, num_hiddens]), torch.zeros(num_hiddens, {device: device})];
  const [W_xz, W_hz, b_z] = three();  // 更新门参数
  const [W_xr, W_hr, b_r] = three();  // 重置门参数
  const [W_xh, W_hh, b_h] = three();  // 候选隐状态参数
  // 输出层参数
  const W_hq = normal([num_hiddens, num_outputs]);
  const b_q = torch.zeros(num_outputs, {device: device});
  // 附加梯度
  const params = [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q];
  for (const param of params) param.requires_grad_(true);
  return params;
}
function init_gru_state(batch_size: number, num_hiddens: number, device: torch.device): State {
  return [torch.zeros([batch_size, num_hiddens], {device: device})];
}
function gru(inputs: torch.Tensor, state: State, params: Params): [torch.Tensor, State] {
  const [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q] = params;
  let [H] = state;
  const outputs: torch.Tensor[] = [];
  for (const X of inputs) {
    const Z = torch.sigmoid((X.matmul(W_xz)) + (H.matmul(W_hz)) + b_z);
    const R = torch.sigmoid((X.matmul(W_xr)) + (H.matmul(W_hr)) + b_r);
    const H_tilda = torch.tanh((X.matmul(W_xh)) + ((R * H).matmul(W_hh)) + b_h);
    H = Z * H + (1 - Z) * H_tilda;
    const Y = H.matmul(W_hq) + b_q;
    outputs.push(Y);
  }
  return [torch.cat(outputs, {dim: 0}), [H]];
}
torch.manual_seed(0);
const vocab_size = vocab.length;
let model: Net = new RNNModelScratch(vocab.length, num_hiddens, device, get_gru_params, init_gru_state, gru);
train_ch8(model, train_iter, vocab, lr, num_epochs, device);`,
  // lstm (scratch)
  `function get_lstm_params(vocab_size: number, num_hiddens: number, device: torch.device): Params {
  const num_inputs = vocab_size, num_outputs = vocab_size;
  const normal = (shape: number[]) => torch.randn({size: shape, device: device}) * 0.01;
  const three = () => [normal([num_inputs, num_hiddens]), normal([num_hiddens, num_hiddens]), torch.zeros(num_hiddens, {device: device})];
  const [W_xi, W_hi, b_i] = three();  // 输入门参数
  const [W_xf, W_hf, b_f] = three();  // 遗忘门参数
  const [W_xo, W_ho, b_o] = three();  // 输出门参数
  const [W_xc, W_hc, b_c] = three();  // 候选记忆元参数
  // 输出层参数
  const W_hq = normal([num_hiddens, num_outputs]);
  const b_q = torch.zeros(num_outputs, {device: device});
  // 附加梯度
  const params = [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q];
  for (const param of params) param.requires_grad_(true);
  return params;
}
function init_lstm_state(batch_size: number, num_hiddens: number, device: torch.device): State {
  return [torch.zeros([batch_size, num_hiddens], {device: device}), torch.zeros([batch_size, num_hiddens], {device: device})];
}
function lstm(inputs: torch.Tensor, state: State, params: Params): [torch.Tensor, State] {
  const [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c, W_hq, b_q] = params;
  let [H, C] = state;
  const outputs: torch.Tensor[] = [];
  for (const X of inputs) {
    const I = torch.sigmoid((X.matmul(W_xi)) + (H.matmul(W_hi)) + b_i);
    const F_ = torch.sigmoid((X.matmul(W_xf)) + (H.matmul(W_hf)) + b_f);
    const O = torch.sigmoid((X.matmul(W_xo)) + (H.matmul(W_ho)) + b_o);
    const C_tilda = torch.tanh((X.matmul(W_xc)) + (H.matmul(W_hc)) + b_c);
    C = F_ * C + I * C_tilda;
    H = O * torch.tanh(C);
    const Y = (H.matmul(W_hq)) + b_q;
    outputs.push(Y);
  }
  return [torch.cat(outputs, {dim: 0}), [H, C]];
}
torch.manual_seed(0);
model = new RNNModelScratch(vocab.length, num_hiddens, device, get_lstm_params, init_lstm_state, lstm);
train_ch8(model, train_iter, vocab, lr, num_epochs, device);`,
  // lstm (concise), deep-rnn, bi-rnn
  `torch.manual_seed(0);
const num_inputs = vocab_size;
let lstm_layer = new nn.LSTM(num_inputs, num_hiddens);
model = new RNNModel(lstm_layer, vocab.length);
model = (model as RNNModel).to(device);
train_ch8(model, train_iter, vocab, lr, num_epochs, device);`,
  `torch.manual_seed(0);
const num_layers = 2;
lstm_layer = new nn.LSTM(num_inputs, num_hiddens, num_layers);
model = new RNNModel(lstm_layer, vocab.length);
console.log(model);
train_ch8(model, train_iter, vocab, lr * 2, num_epochs, device);`,
  `torch.manual_seed(0);
lstm_layer = new nn.LSTM(num_inputs, num_hiddens, num_layers, {bidirectional: true});
model = new RNNModel(lstm_layer, vocab.length);
train_ch8(model, train_iter, vocab, lr, num_epochs, device);`,
];
