/**
 * The helpers of ShusenTang/Dive-into-DL-PyTorch's code/d2lzh_pytorch/utils.py that chapters 2-4 and 6
 * use, as one notebook cell a user would write in TypeScript with torchlab (`import d2lzh_pytorch as
 * d2l` becomes the `d2l` object at the end). test/reference/gen_shusen1.py's D2LZH is the same code in
 * PyTorch, with the same stand-ins: torch.randperm for random.shuffle, a seeded Fashion-MNIST stand-in,
 * the lyrics from `JAY` (defined by a cell before this one), no plots, no timings. The functions are
 * named `d2lzh_*` in the notebook and reached as `d2l.*`: the Python module's names live in its own
 * globals, so a notebook cell defining its own `evaluate_accuracy` (3.6 does) does not change what
 * `d2l.train_ch3` calls, where with a notebook's Python globals (kernel/live_globals.ts) a helper named
 * `evaluate_accuracy` at a cell's top level would call the notebook's newest one.
 */
export const D2LZH = `function* d2lzh_data_iter(batch_size: number, features: torch.Tensor, labels: torch.Tensor): Generator<[torch.Tensor, torch.Tensor]> {
  const num_examples = features.length;
  const indices = torch.randperm(num_examples).tolist() as number[];
  for (let i = 0; i < num_examples; i += batch_size) {
    const j = torch.LongTensor(indices.slice(i, Math.min(i + batch_size, num_examples)));
    yield [features.index_select(0, j), labels.index_select(0, j)];
  }
}
function d2lzh_linreg(X: torch.Tensor, w: torch.Tensor, b: torch.Tensor) {
  return torch.mm(X, w) + b;
}
function d2lzh_squared_loss(y_hat: torch.Tensor, y: torch.Tensor) {
  return ((y_hat - y.view(y_hat.size())) ** 2) / 2;
}
function d2lzh_sgd(params: Iterable<torch.Tensor>, lr: number, batch_size: number) {
  for (const param of params) {
    param.data -= lr * param.grad! / batch_size;
  }
}
function d2lzh_get_fashion_mnist_labels(labels: Iterable<number | torch.Tensor>) {
  const text_labels = ['t-shirt', 'trouser', 'pullover', 'dress', 'coat',
                       'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'];
  return [...labels].map((i) => text_labels[Number(i)]);
}
function fashion_standin(n: number): [torch.Tensor, torch.Tensor] {
  const X = torch.rand(n, 1, 28, 28);
  const y = torch.randint(0, 10, [n]);
  for (let i = 0; i < n; i++) {
    X[\`\${i}, 0, \${2 * Number(y[i])}:\${2 * Number(y[i]) + 3}, :\`] += 1.0;
  }
  return [X, y];
}
function d2lzh_load_data_fashion_mnist(batch_size: number) {
  const mnist_train = new torch.utils.data.TensorDataset(...fashion_standin(96));
  const mnist_test = new torch.utils.data.TensorDataset(...fashion_standin(48));
  const train_iter = new torch.utils.data.DataLoader(mnist_train, {batch_size: batch_size, shuffle: true});
  const test_iter = new torch.utils.data.DataLoader(mnist_test, {batch_size: batch_size, shuffle: false});
  return [train_iter, test_iter];
}
type Net = nn.Module | ((X: torch.Tensor, is_training?: boolean) => torch.Tensor);
function d2lzh_evaluate_accuracy(d2lzh_data_iter: Iterable<torch.Tensor[]>, net: Net, device: torch.device | null = null) {
  if (device === null && net instanceof torch.nn.Module) {
    device = [...net.parameters()][0].device;
  }
  let acc_sum = 0.0, n = 0;
  torch.no_grad(() => {
    for (const [X, y] of d2lzh_data_iter) {
      if (net instanceof torch.nn.Module) {
        net.eval();
        acc_sum += (net(X.to(device!)).argmax({dim: 1}) == y.to(device!)).float().sum().cpu().item();
        net.train();
      } else {
        if (String(net).includes('is_training')) {
          acc_sum += (net(X, false).argmax({dim: 1}) == y).float().sum().item();
        } else {
          acc_sum += (net(X).argmax({dim: 1}) == y).float().sum().item();
        }
      }
      n += y.shape[0];
    }
  });
  return acc_sum / n;
}
type Loss = (y_hat: torch.Tensor, y: torch.Tensor) => torch.Tensor;
function d2lzh_train_ch3(net: Net, train_iter: Iterable<torch.Tensor[]>, test_iter: Iterable<torch.Tensor[]>, loss: Loss, num_epochs: number,
                   batch_size: number, params: torch.Tensor[] | null = null, lr: number | null = null, optimizer: torch.optim.Optimizer | null = null) {
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let train_l_sum = 0.0, train_acc_sum = 0.0, n = 0;
    for (const [X, y] of train_iter) {
      const y_hat = net(X);
      const l = loss(y_hat, y).sum();
      if (optimizer !== null) {
        optimizer.zero_grad();
      } else if (params !== null && params[0].grad !== null) {
        for (const param of params) param.grad!.data.zero_();
      }
      l.backward();
      if (optimizer === null) {
        d2lzh_sgd(params!, lr!, batch_size);
      } else {
        optimizer.step();
      }
      train_l_sum += l.item();
      train_acc_sum += (y_hat.argmax({dim: 1}) == y).sum().item();
      n += y.shape[0];
    }
    const test_acc = d2lzh_evaluate_accuracy(test_iter, net);
    console.log(\`epoch \${epoch + 1}, loss \${(train_l_sum / n).toFixed(4)}, train acc \${(train_acc_sum / n).toFixed(3)}, test acc \${test_acc.toFixed(3)}\`);
  }
}
class FlattenLayer extends torch.nn.Module {
  forward(x: torch.Tensor) {
    return x.view(x.shape[0], -1);
  }
}
function d2lzh_semilogy(x_vals: Iterable<number>, y_vals: number[], x_label: string, y_label: string, x2_vals: Iterable<number> | null = null,
                  y2_vals: number[] | null = null, legend: string[] | null = null, figsize = [3.5, 2.5]) {}
function d2lzh_load_data_jay_lyrics(): [number[], Map<string, number>, string[], number] {
  let corpus_chars = JAY;
  corpus_chars = corpus_chars.replaceAll('\\n', ' ').replaceAll('\\r', ' ');
  corpus_chars = corpus_chars.slice(0, 10000);
  const idx_to_char = [...new Set(corpus_chars)].sort();
  const char_to_idx = new Map(idx_to_char.map((char, i) => [char, i]));
  const vocab_size = char_to_idx.size;
  const corpus_indices = [...corpus_chars].map((char) => char_to_idx.get(char)!);
  return [corpus_indices, char_to_idx, idx_to_char, vocab_size];
}
function* d2lzh_data_iter_random(corpus_indices: number[], batch_size: number, num_steps: number, device: torch.device | null = null): Generator<[torch.Tensor, torch.Tensor]> {
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
}
function* d2lzh_data_iter_consecutive(corpus_indices: number[], batch_size: number, num_steps: number, device: torch.device | null = null): Generator<[torch.Tensor, torch.Tensor]> {
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
}
function d2lzh_one_hot(x: torch.Tensor, n_class: number, dtype = torch.float32) {
  x = x.long();
  const res = torch.zeros(x.shape[0], n_class, {dtype: dtype, device: x.device});
  res.scatter_(1, x.view(-1, 1), 1);
  return res;
}
function d2lzh_to_onehot(X: torch.Tensor, n_class: number) {
  return Array.from({length: X.shape[1]}, (_, i) => d2lzh_one_hot(X[\`:, \${i}\`], n_class));
}
type State = torch.Tensor[];
type RnnFn = (inputs: torch.Tensor[], state: State, params: Iterable<torch.Tensor>) => [torch.Tensor[], State];
type InitState = (batch_size: number, num_hiddens: number, device: torch.device) => State;
function d2lzh_predict_rnn(prefix: string, num_chars: number, rnn: RnnFn, params: Iterable<torch.Tensor>, init_rnn_state: InitState,
                     num_hiddens: number, vocab_size: number, device: torch.device, idx_to_char: string[], char_to_idx: Map<string, number>) {
  let state = init_rnn_state(1, num_hiddens, device);
  const output = [char_to_idx.get(prefix[0])!];
  for (let t = 0; t < num_chars + prefix.length - 1; t++) {
    const X = d2lzh_to_onehot(torch.tensor([[output[output.length - 1]]], {device: device}), vocab_size);
    let Y: torch.Tensor[];
    [Y, state] = rnn(X, state, params);
    if (t < prefix.length - 1) {
      output.push(char_to_idx.get(prefix[t + 1])!);
    } else {
      output.push(Number(Y[0].argmax({dim: 1}).item()));
    }
  }
  return output.map((i) => idx_to_char[i]).join('');
}
function d2lzh_grad_clipping(params: Iterable<torch.Tensor>, theta: number, device: torch.device) {
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
}
function d2lzh_train_and_predict_rnn(rnn: RnnFn, get_params: () => nn.ParameterList, init_rnn_state: InitState, num_hiddens: number,
                               vocab_size: number, device: torch.device, corpus_indices: number[], idx_to_char: string[],
                               char_to_idx: Map<string, number>, is_random_iter: boolean, num_epochs: number, num_steps: number,
                               lr: number, clipping_theta: number, batch_size: number, pred_period: number,
                               pred_len: number, prefixes: string[]) {
  const data_iter_fn = is_random_iter ? d2lzh_data_iter_random : d2lzh_data_iter_consecutive;
  const params = get_params();
  const loss = new nn.CrossEntropyLoss();
  let state: State = [];
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    if (!is_random_iter) {
      state = init_rnn_state(batch_size, num_hiddens, device);
    }
    let l_sum = 0.0, n = 0;
    const d2lzh_data_iter = data_iter_fn(corpus_indices, batch_size, num_steps, device);
    for (const [X, Y] of d2lzh_data_iter) {
      if (is_random_iter) {
        state = init_rnn_state(batch_size, num_hiddens, device);
      } else {
        for (const s of state) s.detach_();
      }
      const inputs = d2lzh_to_onehot(X, vocab_size);
      let outputs: torch.Tensor[];
      [outputs, state] = rnn(inputs, state, params);
      const out = torch.cat(outputs, {dim: 0});
      const y = torch.transpose(Y, 0, 1).contiguous().view(-1);
      const l = loss(out, y.long());
      if (params[0].grad !== null) {
        for (const param of params) param.grad!.data.zero_();
      }
      l.backward();
      d2lzh_grad_clipping(params, clipping_theta, device);
      d2lzh_sgd(params, lr, 1);
      l_sum += l.item() * y.shape[0];
      n += y.shape[0];
    }
    if ((epoch + 1) % pred_period == 0) {
      console.log(\`epoch \${epoch + 1}, perplexity \${Math.exp(l_sum / n).toFixed(6)}\`);
      for (const prefix of prefixes) {
        console.log(' -', d2lzh_predict_rnn(prefix, pred_len, rnn, params, init_rnn_state,
          num_hiddens, vocab_size, device, idx_to_char, char_to_idx));
      }
    }
  }
}
type LayerState = torch.Tensor | [torch.Tensor, torch.Tensor] | null;
class RNNModel extends nn.Module {
  rnn: nn.RNN | nn.GRU | nn.LSTM;
  hidden_size: number;
  vocab_size: number;
  dense: nn.Linear;
  state: LayerState;
  constructor(rnn_layer: nn.RNN | nn.GRU | nn.LSTM, vocab_size: number) {
    super();
    this.rnn = rnn_layer;
    this.hidden_size = rnn_layer.hidden_size * (rnn_layer.bidirectional ? 2 : 1);
    this.vocab_size = vocab_size;
    this.dense = new nn.Linear(this.hidden_size, vocab_size);
    this.state = null;
  }
  forward(inputs: torch.Tensor, state: LayerState): [torch.Tensor, LayerState] {
    const X = d2lzh_to_onehot(inputs, this.vocab_size);
    let Y: torch.Tensor;
    [Y, this.state] = (this.rnn as (x: torch.Tensor, h: LayerState) => [torch.Tensor, LayerState])(torch.stack(X), state);
    const output = this.dense(Y.view(-1, Y.shape[Y.shape.length - 1]));
    return [output, this.state];
  }
}
function d2lzh_predict_rnn_pytorch(prefix: string, num_chars: number, model: RNNModel, vocab_size: number, device: torch.device,
                             idx_to_char: string[], char_to_idx: Map<string, number>) {
  let state: LayerState = null;
  const output = [char_to_idx.get(prefix[0])!];
  for (let t = 0; t < num_chars + prefix.length - 1; t++) {
    const X = torch.tensor([output[output.length - 1]], {device: device}).view(1, 1);
    if (state !== null) {
      if (Array.isArray(state)) {
        state = [state[0].to(device), state[1].to(device)];
      } else {
        state = state.to(device);
      }
    }
    let Y: torch.Tensor;
    [Y, state] = model(X, state);
    if (t < prefix.length - 1) {
      output.push(char_to_idx.get(prefix[t + 1])!);
    } else {
      output.push(Number(Y.argmax({dim: 1}).item()));
    }
  }
  return output.map((i) => idx_to_char[i]).join('');
}
function d2lzh_train_and_predict_rnn_pytorch(model: RNNModel, num_hiddens: number, vocab_size: number, device: torch.device,
                                       corpus_indices: number[], idx_to_char: string[], char_to_idx: Map<string, number>,
                                       num_epochs: number, num_steps: number, lr: number, clipping_theta: number,
                                       batch_size: number, pred_period: number, pred_len: number, prefixes: string[]) {
  const loss = new nn.CrossEntropyLoss();
  const optimizer = new torch.optim.Adam(model.parameters(), {lr: lr});
  model.to(device);
  let state: LayerState = null;
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    let l_sum = 0.0, n = 0;
    const d2lzh_data_iter = d2lzh_data_iter_consecutive(corpus_indices, batch_size, num_steps, device);
    for (const [X, Y] of d2lzh_data_iter) {
      if (state !== null) {
        if (Array.isArray(state)) {
          state = [state[0].detach(), state[1].detach()];
        } else {
          state = state.detach();
        }
      }
      let output: torch.Tensor;
      [output, state] = model(X, state);
      const y = torch.transpose(Y, 0, 1).contiguous().view(-1);
      const l = loss(output, y.long());
      optimizer.zero_grad();
      l.backward();
      // PyTorch's parameters() is a generator: the first loop of d2lzh_grad_clipping uses it up, so the
      // second scales nothing. values() is the same one-pass iterator over torchlab's array.
      d2lzh_grad_clipping(model.parameters().values(), clipping_theta, device);
      optimizer.step();
      l_sum += l.item() * y.shape[0];
      n += y.shape[0];
    }
    const perplexity = Math.exp(l_sum / n);
    if ((epoch + 1) % pred_period == 0) {
      console.log(\`epoch \${epoch + 1}, perplexity \${perplexity.toFixed(6)}\`);
      for (const prefix of prefixes) {
        console.log(' -', d2lzh_predict_rnn_pytorch(prefix, pred_len, model, vocab_size, device, idx_to_char, char_to_idx));
      }
    }
  }
}
const d2l = {
  data_iter: d2lzh_data_iter, linreg: d2lzh_linreg, squared_loss: d2lzh_squared_loss, sgd: d2lzh_sgd,
  get_fashion_mnist_labels: d2lzh_get_fashion_mnist_labels,
  load_data_fashion_mnist: d2lzh_load_data_fashion_mnist, evaluate_accuracy: d2lzh_evaluate_accuracy,
  train_ch3: d2lzh_train_ch3, semilogy: d2lzh_semilogy, load_data_jay_lyrics: d2lzh_load_data_jay_lyrics,
  data_iter_random: d2lzh_data_iter_random, data_iter_consecutive: d2lzh_data_iter_consecutive,
  one_hot: d2lzh_one_hot, to_onehot: d2lzh_to_onehot, predict_rnn: d2lzh_predict_rnn,
  grad_clipping: d2lzh_grad_clipping, train_and_predict_rnn: d2lzh_train_and_predict_rnn,
  predict_rnn_pytorch: d2lzh_predict_rnn_pytorch,
  train_and_predict_rnn_pytorch: d2lzh_train_and_predict_rnn_pytorch, FlattenLayer, RNNModel,
};`;
