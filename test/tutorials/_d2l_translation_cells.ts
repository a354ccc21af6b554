/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition): chapter_recurrent-modern (machine-translation-and-dataset,
 * encoder-decoder, seq2seq) and chapter_attention-mechanisms (bahdanau-attention, the transformer's decoder
 * and training) as notebook cells written the way the chapters read: operators on tensors, `X[~mask] = value`,
 * `Y[":, :-1"]`, keywords in a trailing options object. d2l's helpers (Vocab, load_array, grad_clipping,
 * Accumulator, the attention modules) are inlined as a user would write them; the Animator prints its points.
 * Python's duck typing becomes declared types (a decoder's state is a typed tuple). `FRA_ENG` is defined by
 * the test's first cell. test/reference/gen_d2l_translation.py is the same code in PyTorch.
 */
export const TRANSLATION_CELLS: string[] = [
  // d2l helpers (d2l/torch.py)
  `class Vocab {  // 文本词表
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
  get unk() { return 0; }
}
function count_corpus(tokens: string[] | string[][]): Map<string, number> {
  const flat = (tokens.length == 0 || Array.isArray(tokens[0])) ? (tokens as string[][]).flat() : tokens as string[];
  const counter = new Map<string, number>();
  for (const token of flat) counter.set(token, (counter.get(token) ?? 0) + 1);
  return counter;
}
function load_array(data_arrays: torch.Tensor[], batch_size: number, is_train = true) {  // 构造一个PyTorch数据迭代器
  const dataset = new torch.utils.data.TensorDataset(...data_arrays);
  return new torch.utils.data.DataLoader(dataset, batch_size, {shuffle: is_train});
}
class Accumulator {
  data: number[];
  constructor(n: number) { this.data = new Array(n).fill(0.0); }
  add(...args: (number | torch.Tensor)[]) { this.data = this.data.map((a, i) => a + Number(args[i])); }
}
class Animator {  // prints the points it would draw
  constructor(options: {xlabel?: string, ylabel?: string, xlim?: number[]} = {}) {}
  add(x: number, y: number[]) { console.log(\`epoch \${x}, loss \${y[0].toFixed(4)}\`); }
}
function grad_clipping(net: nn.Module, theta: number) {  // 裁剪梯度
  const params = [...net.parameters()].filter((p) => p.requires_grad);
  const norm = torch.sqrt(params.map((p) => torch.sum(p.grad! ** 2)).reduce((a, b) => a + b));
  if (norm > theta) {
    for (const param of params) {
      param.grad![":"] *= theta / norm;
    }
  }
}`,
  // machine-translation-and-dataset
  `function read_data_nmt() {  // 载入“英语－法语”数据集
  return FRA_ENG;
}
const raw_text = read_data_nmt();
console.log(raw_text.slice(0, 75));`,
  `function preprocess_nmt(text: string) {  // 预处理“英语－法语”数据集
  function no_space(char: string, prev_char: string) {
    return new Set(',.!?').has(char) && prev_char != ' ';
  }
  // 使用空格替换不间断空格
  // 使用小写字母替换大写字母
  text = text.replaceAll('\\u202f', ' ').replaceAll('\\xa0', ' ').toLowerCase();
  // 在单词和标点符号之间插入空格
  const out = [...text].map((char, i) => i > 0 && no_space(char, text[i - 1]) ? ' ' + char : char);
  return out.join('');
}
let text = preprocess_nmt(raw_text);
console.log(text.slice(0, 80));`,
  `function tokenize_nmt(text: string, num_examples: number | null = null): [string[][], string[][]] {  // 词元化“英语－法语”数据数据集
  const [source, target]: [string[][], string[][]] = [[], []];
  for (const [i, line] of text.split('\\n').entries()) {
    if (num_examples && i > num_examples) break;
    const parts = line.split('\\t');
    if (parts.length == 2) {
      source.push(parts[0].split(' '));
      target.push(parts[1].split(' '));
    }
  }
  return [source, target];
}
let [source, target] = tokenize_nmt(text);
console.log(JSON.stringify([source.slice(0, 6), target.slice(0, 6)]));`,
  `let src_vocab = new Vocab(source, 2, ['<pad>', '<bos>', '<eos>']);
console.log(src_vocab.length);`,
  `function truncate_pad(line: number[], num_steps: number, padding_token: number) {  // 截断或填充文本序列
  if (line.length > num_steps) return line.slice(0, num_steps);  // 截断
  return [...line, ...new Array(num_steps - line.length).fill(padding_token)];  // 填充
}
console.log(JSON.stringify(truncate_pad(src_vocab.get(source[0]), 10, src_vocab.get('<pad>'))));`,
  `function build_array_nmt(lines: string[][], vocab: Vocab, num_steps: number): [torch.Tensor, torch.Tensor] {  // 将机器翻译的文本序列转换成小批量
  let ids = lines.map((l) => vocab.get(l));
  ids = ids.map((l) => [...l, vocab.get('<eos>')]);
  const array = torch.tensor(ids.map((l) => truncate_pad(l, num_steps, vocab.get('<pad>'))));
  const valid_len = (array != vocab.get('<pad>')).type(torch.int32).sum(1);
  return [array, valid_len];
}
type DataIter = Iterable<torch.Tensor[]>;
function load_data_nmt(batch_size: number, num_steps: number, num_examples = 600): [DataIter, Vocab, Vocab] {  // 返回翻译数据集的迭代器和词表
  const text = preprocess_nmt(read_data_nmt());
  const [source, target] = tokenize_nmt(text, num_examples);
  const src_vocab = new Vocab(source, 2, ['<pad>', '<bos>', '<eos>']);
  const tgt_vocab = new Vocab(target, 2, ['<pad>', '<bos>', '<eos>']);
  const [src_array, src_valid_len] = build_array_nmt(source, src_vocab, num_steps);
  const [tgt_array, tgt_valid_len] = build_array_nmt(target, tgt_vocab, num_steps);
  const data_arrays = [src_array, src_valid_len, tgt_array, tgt_valid_len];
  const data_iter = load_array(data_arrays, batch_size);
  return [data_iter, src_vocab, tgt_vocab];
}`,
  `torch.manual_seed(0);
let [train_iter, _src_vocab, tgt_vocab] = load_data_nmt(2, 8);
src_vocab = _src_vocab;
for (const [X, X_valid_len, Y, Y_valid_len] of train_iter) {
  console.log('X:', X.type(torch.int32));
  console.log('X的有效长度:', X_valid_len);
  console.log('Y:', Y.type(torch.int32));
  console.log('Y的有效长度:', Y_valid_len);
  break;
}`,
  // encoder-decoder
  `class Encoder extends nn.Module {  // 编码器-解码器架构的基本编码器接口
  constructor() {
    super();
  }
  forward(X: torch.Tensor, ...args: any[]): any {
    throw new torch.NotImplementedError();
  }
}
class Decoder extends nn.Module {  // 编码器-解码器架构的基本解码器接口
  constructor() {
    super();
  }
  init_state(enc_outputs: any, ...args: any[]): any {
    throw new torch.NotImplementedError();
  }
  forward(X: torch.Tensor, state: any): [torch.Tensor, any] {
    throw new torch.NotImplementedError();
  }
}
class EncoderDecoder extends nn.Module {  // 编码器-解码器架构的基类
  encoder: Encoder; decoder: Decoder;
  constructor(encoder: Encoder, decoder: Decoder) {
    super();
    this.encoder = encoder;
    this.decoder = decoder;
  }
  forward(enc_X: torch.Tensor, dec_X: torch.Tensor, ...args: any[]) {
    const enc_outputs = this.encoder(enc_X, ...args);
    const dec_state = this.decoder.init_state(enc_outputs, ...args);
    return this.decoder(dec_X, dec_state);
  }
}`,
  // seq2seq
  `class Seq2SeqEncoder extends Encoder {  // 用于序列到序列学习的循环神经网络编码器
  embedding: nn.Embedding; rnn: nn.GRU;
  constructor(vocab_size: number, embed_size: number, num_hiddens: number, num_layers: number, dropout = 0) {
    super();
    // 嵌入层
    this.embedding = new nn.Embedding(vocab_size, embed_size);
    this.rnn = new nn.GRU(embed_size, num_hiddens, num_layers, {dropout: dropout});
  }
  forward(X: torch.Tensor, ...args: any[]): [torch.Tensor, torch.Tensor] {
    // 输出'X'的形状：(batch_size,num_steps,embed_size)
    X = this.embedding(X);
    // 在循环神经网络模型中，第一个轴对应于时间步
    X = X.permute(1, 0, 2);
    // 如果未提及状态，则默认为0
    const [output, state] = this.rnn(X);
    // output的形状:(num_steps,batch_size,num_hiddens)
    // state的形状:(num_layers,batch_size,num_hiddens)
    return [output, state];
  }
}
torch.manual_seed(0);
let encoder: Encoder = new Seq2SeqEncoder(10, 8, 16, 2);
encoder.eval();
let X = torch.zeros([4, 7], {dtype: torch.long});
let [output, state]: [torch.Tensor, torch.Tensor] = encoder(X);
console.log(output.shape);
console.log(state.shape);`,
  `class Seq2SeqDecoder extends Decoder {  // 用于序列到序列学习的循环神经网络解码器
  embedding: nn.Embedding; rnn: nn.GRU; dense: nn.Linear;
  constructor(vocab_size: number, embed_size: number, num_hiddens: number, num_layers: number, dropout = 0) {
    super();
    this.embedding = new nn.Embedding(vocab_size, embed_size);
    this.rnn = new nn.GRU(embed_size + num_hiddens, num_hiddens, num_layers, {dropout: dropout});
    this.dense = new nn.Linear(num_hiddens, vocab_size);
  }
  init_state(enc_outputs: [torch.Tensor, torch.Tensor], ...args: any[]) {
    return enc_outputs[1];
  }
  forward(X: torch.Tensor, state: torch.Tensor): [torch.Tensor, torch.Tensor] {
    // 输出'X'的形状：(batch_size,num_steps,embed_size)
    X = this.embedding(X).permute(1, 0, 2);
    // 广播context，使其具有与X相同的num_steps
    const context = state[-1].repeat(X.shape[0], 1, 1);
    const X_and_context = torch.cat([X, context], 2);
    let output: torch.Tensor;
    [output, state] = this.rnn(X_and_context, state);
    output = this.dense(output).permute(1, 0, 2);
    // output的形状:(batch_size,num_steps,vocab_size)
    // state的形状:(num_layers,batch_size,num_hiddens)
    return [output, state];
  }
}
let decoder: Decoder = new Seq2SeqDecoder(10, 8, 16, 2);
decoder.eval();
state = decoder.init_state(encoder(X));
[output, state] = decoder(X, state);
console.log(output.shape, state.shape);
console.log(output[0, ":2", ":4"]);`,
  `function sequence_mask(X: torch.Tensor, valid_len: torch.Tensor, value = 0) {  // 在序列中屏蔽不相关的项
  const maxlen = X.size(1);
  const mask = torch.arange(maxlen, {dtype: torch.float32, device: X.device})[null, ":"] < valid_len[":", null];
  X[~mask] = value;
  return X;
}
X = torch.tensor([[1, 2, 3], [4, 5, 6]]);
console.log(sequence_mask(X, torch.tensor([1, 2])));
X = torch.ones(2, 3, 4);
console.log(sequence_mask(X, torch.tensor([1, 2]), -1));`,
  `class MaskedSoftmaxCELoss extends nn.CrossEntropyLoss {  // 带遮蔽的softmax交叉熵损失函数
  // pred的形状：(batch_size,num_steps,vocab_size)
  // label的形状：(batch_size,num_steps)
  // valid_len的形状：(batch_size,)
  forward(pred: torch.Tensor, label: torch.Tensor, valid_len?: torch.Tensor) {
    let weights = torch.ones_like(label);
    weights = sequence_mask(weights, valid_len!);
    this.reduction = 'none';
    const unweighted_loss = super.forward(pred.permute(0, 2, 1), label);
    const weighted_loss = (unweighted_loss * weights).mean({dim: 1});
    return weighted_loss;
  }
}
let loss = new MaskedSoftmaxCELoss();
console.log(loss(torch.ones(3, 4, 10), torch.ones([3, 4], {dtype: torch.long}), torch.tensor([4, 2, 0])));`,
  `function train_seq2seq(net: EncoderDecoder, data_iter: DataIter, lr: number, num_epochs: number, tgt_vocab: Vocab, device: torch.device) {  // 训练序列到序列模型
  function xavier_init_weights(m: nn.Module) {
    if (m.constructor == nn.Linear) nn.init.xavier_uniform_((m as nn.Linear).weight);
    if (m.constructor == nn.GRU) {
      for (const param of (m as nn.GRU)._flat_weights_names) {
        if (param.includes("weight")) nn.init.xavier_uniform_((m as nn.GRU)._parameters[param]);
      }
    }
  }
  net.apply(xavier_init_weights);
  net.to(device);
  const optimizer = new torch.optim.Adam(net.parameters(), {lr: lr});
  const loss = new MaskedSoftmaxCELoss();
  net.train();
  const animator = new Animator({xlabel: 'epoch', ylabel: 'loss', xlim: [1, num_epochs]});
  let metric = new Accumulator(2);
  for (let epoch = 0; epoch < num_epochs; epoch++) {
    metric = new Accumulator(2);  // 训练损失总和，词元数量
    for (const batch of data_iter) {
      optimizer.zero_grad();
      const [X, X_valid_len, Y, Y_valid_len] = batch.map((x) => x.to(device));
      const bos = torch.tensor(new Array(Y.shape[0]).fill(tgt_vocab.get('<bos>')), {device: device}).reshape(-1, 1);
      const dec_input = torch.cat([bos, Y[":", ":-1"]], 1);  // 强制教学
      const [Y_hat, _] = net(X, dec_input, X_valid_len);
      const l = loss(Y_hat, Y, Y_valid_len);
      l.sum().backward();  // 损失函数的标量进行“反向传播”
      grad_clipping(net, 1);
      const num_tokens = Y_valid_len.sum();
      optimizer.step();
      torch.no_grad(() => {
        metric.add(l.sum(), num_tokens);
      });
    }
    if ((epoch + 1) % 2 == 0) animator.add(epoch + 1, [metric.data[0] / metric.data[1]]);
  }
  console.log(\`loss \${(metric.data[0] / metric.data[1]).toFixed(3)}, on \${String(device)}\`);
}`,
  `let [embed_size, num_hiddens, num_layers, dropout] = [32, 32, 2, 0.1];
let [batch_size, num_steps] = [64, 10];
let [lr, num_epochs, device] = [0.005, 6, torch.device('cpu')];

torch.manual_seed(0);
[train_iter, src_vocab, tgt_vocab] = load_data_nmt(batch_size, num_steps);
encoder = new Seq2SeqEncoder(src_vocab.length, embed_size, num_hiddens, num_layers, dropout);
decoder = new Seq2SeqDecoder(tgt_vocab.length, embed_size, num_hiddens, num_layers, dropout);
let net = new EncoderDecoder(encoder, decoder);
train_seq2seq(net, train_iter, lr, num_epochs, tgt_vocab, device);`,
  `function predict_seq2seq(net: EncoderDecoder, src_sentence: string, src_vocab: Vocab, tgt_vocab: Vocab, num_steps: number,
                         device: torch.device, save_attention_weights = false): [string, any[]] {  // 序列到序列模型的预测
  // 在预测时将net设置为评估模式
  net.eval();
  let src_tokens = [...src_vocab.get(src_sentence.toLowerCase().split(' ')), src_vocab.get('<eos>')];
  const enc_valid_len = torch.tensor([src_tokens.length], {device: device});
  src_tokens = truncate_pad(src_tokens, num_steps, src_vocab.get('<pad>'));
  // 添加批量轴
  const enc_X = torch.unsqueeze(torch.tensor(src_tokens, {dtype: torch.long, device: device}), {dim: 0});
  const enc_outputs = net.encoder(enc_X, enc_valid_len);
  let dec_state = net.decoder.init_state(enc_outputs, enc_valid_len);
  // 添加批量轴
  let dec_X = torch.unsqueeze(torch.tensor([tgt_vocab.get('<bos>')], {dtype: torch.long, device: device}), {dim: 0});
  const [output_seq, attention_weight_seq]: [number[], any[]] = [[], []];
  for (let _ = 0; _ < num_steps; _++) {
    let Y: torch.Tensor;
    [Y, dec_state] = net.decoder(dec_X, dec_state);
    // 我们使用具有预测最高可能性的词元，作为解码器在下一时间步的输入
    dec_X = Y.argmax({dim: 2});
    const pred = dec_X.squeeze({dim: 0}).type(torch.int32).item();
    // 保存注意力权重（稍后讨论）
    if (save_attention_weights) attention_weight_seq.push((net.decoder as any).attention_weights);
    // 一旦序列结束词元被预测，输出序列的生成就完成了
    if (pred == tgt_vocab.get('<eos>')) break;
    output_seq.push(pred);
  }
  return [tgt_vocab.to_tokens(output_seq).join(' '), attention_weight_seq];
}`,
  `function bleu(pred_seq: string, label_seq: string, k: number) {  // 计算BLEU
  const [pred_tokens, label_tokens] = [pred_seq.split(' '), label_seq.split(' ')];
  const [len_pred, len_label] = [pred_tokens.length, label_tokens.length];
  let score = Math.exp(Math.min(0, 1 - len_label / len_pred));
  for (let n = 1; n < k + 1; n++) {
    let num_matches = 0;
    const label_subs = new Map<string, number>();
    for (let i = 0; i < len_label - n + 1; i++) {
      const sub = label_tokens.slice(i, i + n).join(' ');
      label_subs.set(sub, (label_subs.get(sub) ?? 0) + 1);
    }
    for (let i = 0; i < len_pred - n + 1; i++) {
      const sub = pred_tokens.slice(i, i + n).join(' ');
      if ((label_subs.get(sub) ?? 0) > 0) {
        num_matches += 1;
        label_subs.set(sub, label_subs.get(sub)! - 1);
      }
    }
    score *= Math.pow(num_matches / (len_pred - n + 1), Math.pow(0.5, n));
  }
  return score;
}
const engs = ['go .', "i lost .", 'he\\'s calm .', 'i\\'m home .'];
const fras = ['va !', 'j\\'ai perdu .', 'il est calme .', 'je suis chez moi .'];
for (const [i, eng] of engs.entries()) {
  const fra = fras[i];
  const [translation, attention_weight_seq] = predict_seq2seq(net, eng, src_vocab, tgt_vocab, num_steps, device);
  console.log(\`\${eng} => \${translation}, bleu \${bleu(translation, fra, 2).toFixed(3)}\`);
}
console.log(\`\${bleu('il est calme .', 'il est calme .', 2).toFixed(3)} \${bleu('il est .', 'il est calme .', 2).toFixed(3)}\`);`,
  // attention helpers (d2l's, as test/tutorials/_d2l_attention_cells.ts writes them)
  `function masked_softmax(X: torch.Tensor, valid_lens: torch.Tensor | null) {  // 通过在最后一个轴上掩蔽元素来执行softmax操作
  if (valid_lens === null) {
    return nn.functional.softmax(X, {dim: -1});
  } else {
    const shape = X.shape;
    if (valid_lens.dim() == 1) {
      valid_lens = torch.repeat_interleave(valid_lens, shape[1]);
    } else {
      valid_lens = valid_lens.reshape(-1);
    }
    X = sequence_mask(X.reshape(-1, shape[shape.length - 1]), valid_lens, -1e6);
    return nn.functional.softmax(X.reshape(shape), {dim: -1});
  }
}
class AdditiveAttention extends nn.Module {  // 加性注意力
  W_k: nn.Linear; W_q: nn.Linear; w_v: nn.Linear; dropout: nn.Dropout;
  attention_weights!: torch.Tensor;
  constructor(key_size: number, query_size: number, num_hiddens: number, dropout: number) {
    super();
    this.W_k = new nn.Linear(key_size, num_hiddens, {bias: false});
    this.W_q = new nn.Linear(query_size, num_hiddens, {bias: false});
    this.w_v = new nn.Linear(num_hiddens, 1, {bias: false});
    this.dropout = new nn.Dropout(dropout);
  }
  forward(queries: torch.Tensor, keys: torch.Tensor, values: torch.Tensor, valid_lens: torch.Tensor | null) {
    [queries, keys] = [this.W_q(queries), this.W_k(keys)];
    let features = queries.unsqueeze(2) + keys.unsqueeze(1);
    features = torch.tanh(features);
    const scores = this.w_v(features).squeeze(-1);
    this.attention_weights = masked_softmax(scores, valid_lens);
    return torch.bmm(this.dropout(this.attention_weights), values);
  }
}
class DotProductAttention extends nn.Module {  // 缩放点积注意力
  dropout: nn.Dropout;
  attention_weights!: torch.Tensor;
  constructor(dropout: number) {
    super();
    this.dropout = new nn.Dropout(dropout);
  }
  forward(queries: torch.Tensor, keys: torch.Tensor, values: torch.Tensor, valid_lens: torch.Tensor | null = null) {
    const d = queries.shape[queries.shape.length - 1];
    const scores = torch.bmm(queries, keys.transpose(1, 2)) / Math.sqrt(d);
    this.attention_weights = masked_softmax(scores, valid_lens);
    return torch.bmm(this.dropout(this.attention_weights), values);
  }
}
class MultiHeadAttention extends nn.Module {  // 多头注意力
  num_heads: number; attention: DotProductAttention;
  W_q: nn.Linear; W_k: nn.Linear; W_v: nn.Linear; W_o: nn.Linear;
  constructor(key_size: number, query_size: number, value_size: number, num_hiddens: number,
              num_heads: number, dropout: number, bias = false) {
    super();
    this.num_heads = num_heads;
    this.attention = new DotProductAttention(dropout);
    this.W_q = new nn.Linear(query_size, num_hiddens, {bias: bias});
    this.W_k = new nn.Linear(key_size, num_hiddens, {bias: bias});
    this.W_v = new nn.Linear(value_size, num_hiddens, {bias: bias});
    this.W_o = new nn.Linear(num_hiddens, num_hiddens, {bias: bias});
  }
  forward(queries: torch.Tensor, keys: torch.Tensor, values: torch.Tensor, valid_lens: torch.Tensor | null) {
    queries = transpose_qkv(this.W_q(queries), this.num_heads);
    keys = transpose_qkv(this.W_k(keys), this.num_heads);
    values = transpose_qkv(this.W_v(values), this.num_heads);
    if (valid_lens !== null) {
      valid_lens = torch.repeat_interleave(valid_lens, {repeats: this.num_heads, dim: 0});
    }
    const output = this.attention(queries, keys, values, valid_lens);
    const output_concat = transpose_output(output, this.num_heads);
    return this.W_o(output_concat);
  }
}
function transpose_qkv(X: torch.Tensor, num_heads: number) {  // 为了多注意力头的并行计算而变换形状
  X = X.reshape(X.shape[0], X.shape[1], num_heads, -1);
  X = X.permute(0, 2, 1, 3);
  return X.reshape(-1, X.shape[2], X.shape[3]);
}
function transpose_output(X: torch.Tensor, num_heads: number) {  // 逆转transpose_qkv函数的操作
  X = X.reshape(-1, num_heads, X.shape[1], X.shape[2]);
  X = X.permute(0, 2, 1, 3);
  return X.reshape(X.shape[0], X.shape[1], -1);
}
class PositionalEncoding extends nn.Module {  // 位置编码
  dropout: nn.Dropout; P: torch.Tensor;
  constructor(num_hiddens: number, dropout: number, max_len = 1000) {
    super();
    this.dropout = new nn.Dropout(dropout);
    this.P = torch.zeros([1, max_len, num_hiddens]);
    const X = torch.arange(max_len, {dtype: torch.float32}).reshape(-1, 1) /
      torch.pow(10000, torch.arange(0, num_hiddens, 2, {dtype: torch.float32}) / num_hiddens);
    this.P[":, :, 0::2"] = torch.sin(X);
    this.P[":, :, 1::2"] = torch.cos(X);
  }
  forward(X: torch.Tensor) {
    X = X + this.P[\`:, :\${X.shape[1]}, :\`].to(X.device);
    return this.dropout(X);
  }
}
class PositionWiseFFN extends nn.Module {  // 基于位置的前馈网络
  dense1: nn.Linear; relu: nn.ReLU; dense2: nn.Linear;
  constructor(ffn_num_input: number, ffn_num_hiddens: number, ffn_num_outputs: number) {
    super();
    this.dense1 = new nn.Linear(ffn_num_input, ffn_num_hiddens);
    this.relu = new nn.ReLU();
    this.dense2 = new nn.Linear(ffn_num_hiddens, ffn_num_outputs);
  }
  forward(X: torch.Tensor) {
    return this.dense2(this.relu(this.dense1(X)));
  }
}
class AddNorm extends nn.Module {  // 残差连接后进行层规范化
  dropout: nn.Dropout; ln: nn.LayerNorm;
  constructor(normalized_shape: number | number[], dropout: number) {
    super();
    this.dropout = new nn.Dropout(dropout);
    this.ln = new nn.LayerNorm(normalized_shape);
  }
  forward(X: torch.Tensor, Y: torch.Tensor) {
    return this.ln(this.dropout(Y) + X);
  }
}
class EncoderBlock extends nn.Module {  // Transformer编码器块
  attention: MultiHeadAttention; addnorm1: AddNorm; ffn: PositionWiseFFN; addnorm2: AddNorm;
  constructor(key_size: number, query_size: number, value_size: number, num_hiddens: number,
              norm_shape: number[], ffn_num_input: number, ffn_num_hiddens: number, num_heads: number,
              dropout: number, use_bias = false) {
    super();
    this.attention = new MultiHeadAttention(key_size, query_size, value_size, num_hiddens, num_heads, dropout, use_bias);
    this.addnorm1 = new AddNorm(norm_shape, dropout);
    this.ffn = new PositionWiseFFN(ffn_num_input, ffn_num_hiddens, num_hiddens);
    this.addnorm2 = new AddNorm(norm_shape, dropout);
  }
  forward(X: torch.Tensor, valid_lens: torch.Tensor | null) {
    const Y = this.addnorm1(X, this.attention(X, X, X, valid_lens));
    return this.addnorm2(Y, this.ffn(Y));
  }
}
class TransformerEncoder extends Encoder {  // Transformer编码器
  num_hiddens: number; embedding: nn.Embedding; pos_encoding: PositionalEncoding; blks: nn.Sequential;
  attention_weights!: torch.Tensor[];
  constructor(vocab_size: number, key_size: number, query_size: number, value_size: number,
              num_hiddens: number, norm_shape: number[], ffn_num_input: number, ffn_num_hiddens: number,
              num_heads: number, num_layers: number, dropout: number, use_bias = false) {
    super();
    this.num_hiddens = num_hiddens;
    this.embedding = new nn.Embedding(vocab_size, num_hiddens);
    this.pos_encoding = new PositionalEncoding(num_hiddens, dropout);
    this.blks = new nn.Sequential();
    for (let i = 0; i < num_layers; i++) {
      this.blks.add_module("block" + String(i),
        new EncoderBlock(key_size, query_size, value_size, num_hiddens, norm_shape,
                         ffn_num_input, ffn_num_hiddens, num_heads, dropout, use_bias));
    }
  }
  forward(X: torch.Tensor, valid_lens: torch.Tensor | null, ...args: any[]) {
    X = this.pos_encoding(this.embedding(X) * Math.sqrt(this.num_hiddens));
    this.attention_weights = new Array(this.blks.length).fill(null);
    for (const [i, blk] of [...this.blks].entries()) {
      X = blk(X, valid_lens);
      this.attention_weights[i] = blk.attention.attention.attention_weights;
    }
    return X;
  }
}`,
  // bahdanau-attention
  `class AttentionDecoder extends Decoder {  // 带有注意力机制解码器的基本接口
  constructor() {
    super();
  }
  get attention_weights(): any {
    throw new torch.NotImplementedError();
  }
}
type AttentionState = [torch.Tensor, torch.Tensor, torch.Tensor | null];
class Seq2SeqAttentionDecoder extends AttentionDecoder {
  attention: AdditiveAttention; embedding: nn.Embedding; rnn: nn.GRU; dense: nn.Linear;
  _attention_weights!: torch.Tensor[];
  constructor(vocab_size: number, embed_size: number, num_hiddens: number, num_layers: number, dropout = 0) {
    super();
    this.attention = new AdditiveAttention(num_hiddens, num_hiddens, num_hiddens, dropout);
    this.embedding = new nn.Embedding(vocab_size, embed_size);
    this.rnn = new nn.GRU(embed_size + num_hiddens, num_hiddens, num_layers, {dropout: dropout});
    this.dense = new nn.Linear(num_hiddens, vocab_size);
  }
  init_state(enc_outputs: [torch.Tensor, torch.Tensor], enc_valid_lens: torch.Tensor | null, ...args: any[]): AttentionState {
    // outputs的形状为(batch_size，num_steps，num_hiddens).
    // hidden_state的形状为(num_layers，batch_size，num_hiddens)
    const [outputs, hidden_state] = enc_outputs;
    return [outputs.permute(1, 0, 2), hidden_state, enc_valid_lens];
  }
  forward(X: torch.Tensor, state: AttentionState): [torch.Tensor, AttentionState] {
    // enc_outputs的形状为(batch_size,num_steps,num_hiddens).
    // hidden_state的形状为(num_layers,batch_size,num_hiddens)
    let [enc_outputs, hidden_state, enc_valid_lens] = state;
    // 输出X的形状为(num_steps,batch_size,embed_size)
    X = this.embedding(X).permute(1, 0, 2);
    let outputs: torch.Tensor[];
    [outputs, this._attention_weights] = [[], []];
    for (let x of X) {
      // query的形状为(batch_size,1,num_hiddens)
      const query = torch.unsqueeze(hidden_state[-1], {dim: 1});
      // context的形状为(batch_size,1,num_hiddens)
      const context = this.attention(query, enc_outputs, enc_outputs, enc_valid_lens);
      // 在特征维度上连结
      x = torch.cat([context, torch.unsqueeze(x, {dim: 1})], {dim: -1});
      // 将x变形为(1,batch_size,embed_size+num_hiddens)
      let out: torch.Tensor;
      [out, hidden_state] = this.rnn(x.permute(1, 0, 2), hidden_state);
      outputs.push(out);
      this._attention_weights.push(this.attention.attention_weights);
    }
    // 全连接层变换后，outputs的形状为
    // (num_steps,batch_size,vocab_size)
    const outputs_ = this.dense(torch.cat(outputs, {dim: 0}));
    return [outputs_.permute(1, 0, 2), [enc_outputs, hidden_state, enc_valid_lens]];
  }
  get attention_weights() {
    return this._attention_weights;
  }
}`,
  `torch.manual_seed(0);
encoder = new Seq2SeqEncoder(10, 8, 16, 2);
encoder.eval();
let decoder = new Seq2SeqAttentionDecoder(10, 8, 16, 2);
decoder.eval();
X = torch.zeros([4, 7], {dtype: torch.long});  // (batch_size,num_steps)
let state = decoder.init_state(encoder(X), null);
[output, state] = decoder(X, state);
console.log(output.shape, state.length, state[0].shape, state[1].length, state[1][0].shape);
console.log(output[0, ":2", ":4"]);`,
  `[embed_size, num_hiddens, num_layers, dropout] = [32, 32, 2, 0.1];
[batch_size, num_steps] = [64, 10];
[lr, num_epochs, device] = [0.005, 6, torch.device('cpu')];

torch.manual_seed(0);
[train_iter, src_vocab, tgt_vocab] = load_data_nmt(batch_size, num_steps);
encoder = new Seq2SeqEncoder(src_vocab.length, embed_size, num_hiddens, num_layers, dropout);
decoder = new Seq2SeqAttentionDecoder(tgt_vocab.length, embed_size, num_hiddens, num_layers, dropout);
net = new EncoderDecoder(encoder, decoder);
train_seq2seq(net, train_iter, lr, num_epochs, tgt_vocab, device);`,
  `let translation: string, dec_attention_weight_seq: any[];
for (const [i, eng] of engs.entries()) {
  const fra = fras[i];
  [translation, dec_attention_weight_seq] = predict_seq2seq(net, eng, src_vocab, tgt_vocab, num_steps, device, true);
  console.log(\`\${eng} => \${translation}, \`, \`bleu \${bleu(translation, fra, 2).toFixed(3)}\`);
}`,
  `let attention_weights = torch.cat((dec_attention_weight_seq as torch.Tensor[][]).map((step) => step[0][0][0]), 0).reshape([1, 1, -1, num_steps]);
console.log(attention_weights.shape);
console.log(attention_weights[":, :, :", \`:\${engs[engs.length - 1].split(' ').length + 1}\`].cpu()[0, 0, ":2"]);`,
  // transformer (decoder, training)
  `type TransformerState = [torch.Tensor, torch.Tensor | null, (torch.Tensor | null)[]];
class DecoderBlock extends nn.Module {  // 解码器中第i个块
  i: number;
  attention1: MultiHeadAttention; addnorm1: AddNorm; attention2: MultiHeadAttention; addnorm2: AddNorm;
  ffn: PositionWiseFFN; addnorm3: AddNorm;
  constructor(key_size: number, query_size: number, value_size: number, num_hiddens: number,
              norm_shape: number[], ffn_num_input: number, ffn_num_hiddens: number, num_heads: number,
              dropout: number, i: number) {
    super();
    this.i = i;
    this.attention1 = new MultiHeadAttention(key_size, query_size, value_size, num_hiddens, num_heads, dropout);
    this.addnorm1 = new AddNorm(norm_shape, dropout);
    this.attention2 = new MultiHeadAttention(key_size, query_size, value_size, num_hiddens, num_heads, dropout);
    this.addnorm2 = new AddNorm(norm_shape, dropout);
    this.ffn = new PositionWiseFFN(ffn_num_input, ffn_num_hiddens, num_hiddens);
    this.addnorm3 = new AddNorm(norm_shape, dropout);
  }
  forward(X: torch.Tensor, state: TransformerState): [torch.Tensor, TransformerState] {
    const [enc_outputs, enc_valid_lens] = [state[0], state[1]];
    // 训练阶段，输出序列的所有词元都在同一时间处理，
    // 因此state[2][self.i]初始化为None。
    // 预测阶段，输出序列是通过词元一个接着一个解码的，
    // 因此state[2][self.i]包含着直到当前时间步第i个块解码的输出表示
    let key_values: torch.Tensor;
    if (state[2][this.i] === null) {
      key_values = X;
    } else {
      key_values = torch.cat([state[2][this.i]!, X], {axis: 1});
    }
    state[2][this.i] = key_values;
    let dec_valid_lens: torch.Tensor | null;
    if (this.training) {
      const [batch_size, num_steps, _] = X.shape;
      // dec_valid_lens的开头:(batch_size,num_steps),
      // 其中每一行是[1,2,...,num_steps]
      dec_valid_lens = torch.arange(1, num_steps + 1, {device: X.device}).repeat(batch_size, 1);
    } else {
      dec_valid_lens = null;
    }
    // 自注意力
    const X2 = this.attention1(X, key_values, key_values, dec_valid_lens);
    const Y = this.addnorm1(X, X2);
    // 编码器－解码器注意力。
    // enc_outputs的开头:(batch_size,num_steps,num_hiddens)
    const Y2 = this.attention2(Y, enc_outputs, enc_outputs, enc_valid_lens);
    const Z = this.addnorm2(Y, Y2);
    return [this.addnorm3(Z, this.ffn(Z)), state];
  }
}
torch.manual_seed(0);
let valid_lens = torch.tensor([3, 2]);
const encoder_blk = new EncoderBlock(24, 24, 24, 24, [100, 24], 24, 48, 8, 0.5);
encoder_blk.eval();
const decoder_blk = new DecoderBlock(24, 24, 24, 24, [100, 24], 24, 48, 8, 0.5, 0);
decoder_blk.eval();
X = torch.ones([2, 100, 24]);
let state: TransformerState = [encoder_blk(X, valid_lens), valid_lens, [null]];
console.log(decoder_blk(X, state)[0].shape);
console.log(decoder_blk(X, state)[0][0, ":2", ":4"]);`,
  `class TransformerDecoder extends AttentionDecoder {
  num_hiddens: number; num_layers: number; embedding: nn.Embedding; pos_encoding: PositionalEncoding;
  blks: nn.Sequential; dense: nn.Linear;
  _attention_weights!: (torch.Tensor | null)[][];
  constructor(vocab_size: number, key_size: number, query_size: number, value_size: number,
              num_hiddens: number, norm_shape: number[], ffn_num_input: number, ffn_num_hiddens: number,
              num_heads: number, num_layers: number, dropout: number) {
    super();
    this.num_hiddens = num_hiddens;
    this.num_layers = num_layers;
    this.embedding = new nn.Embedding(vocab_size, num_hiddens);
    this.pos_encoding = new PositionalEncoding(num_hiddens, dropout);
    this.blks = new nn.Sequential();
    for (let i = 0; i < num_layers; i++) {
      this.blks.add_module("block" + String(i),
        new DecoderBlock(key_size, query_size, value_size, num_hiddens, norm_shape,
                         ffn_num_input, ffn_num_hiddens, num_heads, dropout, i));
    }
    this.dense = new nn.Linear(num_hiddens, vocab_size);
  }
  init_state(enc_outputs: torch.Tensor, enc_valid_lens: torch.Tensor | null, ...args: any[]): TransformerState {
    return [enc_outputs, enc_valid_lens, new Array(this.num_layers).fill(null)];
  }
  forward(X: torch.Tensor, state: TransformerState): [torch.Tensor, TransformerState] {
    X = this.pos_encoding(this.embedding(X) * Math.sqrt(this.num_hiddens));
    this._attention_weights = [0, 1].map((_) => new Array(this.blks.length).fill(null));
    for (const [i, blk] of [...this.blks].entries()) {
      [X, state] = blk(X, state);
      // 解码器自注意力权重
      this._attention_weights[0][i] = blk.attention1.attention.attention_weights;
      // “编码器－解码器”自注意力权重
      this._attention_weights[1][i] = blk.attention2.attention.attention_weights;
    }
    return [this.dense(X), state];
  }
  get attention_weights() {
    return this._attention_weights;
  }
}`,
  `let [ffn_num_input, ffn_num_hiddens, num_heads] = [32, 64, 4];
[num_hiddens, num_layers, dropout, batch_size, num_steps] = [32, 2, 0.1, 64, 10];
[lr, num_epochs, device] = [0.005, 8, torch.device('cpu')];
let [key_size, query_size, value_size] = [32, 32, 32];
let norm_shape = [32];

torch.manual_seed(0);
[train_iter, src_vocab, tgt_vocab] = load_data_nmt(batch_size, num_steps);

encoder = new TransformerEncoder(
  src_vocab.length, key_size, query_size, value_size, num_hiddens,
  norm_shape, ffn_num_input, ffn_num_hiddens, num_heads,
  num_layers, dropout);
let decoder = new TransformerDecoder(
  tgt_vocab.length, key_size, query_size, value_size, num_hiddens,
  norm_shape, ffn_num_input, ffn_num_hiddens, num_heads,
  num_layers, dropout);
net = new EncoderDecoder(encoder, decoder);
train_seq2seq(net, train_iter, lr, num_epochs, tgt_vocab, device);`,
  `for (const [i, eng] of engs.entries()) {
  const fra = fras[i];
  [translation, dec_attention_weight_seq] = predict_seq2seq(net, eng, src_vocab, tgt_vocab, num_steps, device, true);
  console.log(\`\${eng} => \${translation}, \`, \`bleu \${bleu(translation, fra, 2).toFixed(3)}\`);
}`,
  `const enc_attention_weights = torch.cat((net.encoder as TransformerEncoder).attention_weights, 0).reshape([num_layers, num_heads, -1, num_steps]);
console.log(enc_attention_weights.shape);`,
  `const dec_attention_weights_2d = (dec_attention_weight_seq as torch.Tensor[][][]).flatMap((step) =>
  step.flatMap((attn) => attn.flatMap((blk) => [...blk].map((head) => head[0].tolist() as number[]))));
// pd.DataFrame(dec_attention_weights_2d).fillna(0.0).values: rows padded with 0.0 to the longest
const width = Math.max(...dec_attention_weights_2d.map((row) => row.length));
const dec_attention_weights_filled = torch.tensor(
  dec_attention_weights_2d.map((row) => [...row, ...new Array(width - row.length).fill(0.0)]), {dtype: torch.float64});
const dec_attention_weights = dec_attention_weights_filled.reshape([-1, 2, num_layers, num_heads, num_steps]);
const [dec_self_attention_weights, dec_inter_attention_weights] = dec_attention_weights.permute(1, 2, 3, 0, 4);
console.log(dec_self_attention_weights.shape, dec_inter_attention_weights.shape);`,
];
