/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition), chapter_attention-mechanisms, as notebook cells
 * written the way the chapter reads (operators on tensors, `1 - torch.eye(n)`, `x ** 0.8`, float literals).
 * d2l's helpers are inlined as a user would write them; a cell's shown value is `console.log`ged.
 * test/reference/gen_d2l_attention.py is the same code in PyTorch.
 */
export const ATTENTION_CELLS: string[] = [
  // attention-cues
  `torch.manual_seed(0);
const attention_weights = torch.eye(10).reshape([1, 1, 10, 10]);
console.log(attention_weights.shape);`,
  // nadaraya-waston
  `torch.manual_seed(0);
const n_train = 50;  // 训练样本数
const [x_train, _] = torch.sort(torch.rand(n_train) * 5);   // 排序后的训练样本
function f(x: torch.Tensor) {
  return 2 * torch.sin(x) + x ** 0.8;
}
const y_train = f(x_train) + torch.normal(0.0, 0.5, [n_train]);  // 训练样本的输出
const x_test = torch.arange(0, 5, 0.1);  // 测试样本
const y_truth = f(x_test);  // 测试样本的真实输出
const n_test = x_test.length;  // 测试样本数
console.log(n_test);`,
  `let y_hat = torch.repeat_interleave(y_train.mean(), n_test);
console.log(y_hat[":3"]);`,
  `const X_repeat = x_test.repeat_interleave(n_train).reshape([-1, n_train]);
let nw_weights = nn.functional.softmax(-((X_repeat - x_train) ** 2) / 2, {dim: 1});
y_hat = torch.matmul(nw_weights, y_train);
console.log(y_hat[":5"]);`,
  `{
  const X = torch.ones([2, 1, 4]);
  const Y = torch.ones([2, 4, 6]);
  console.log(torch.bmm(X, Y).shape);
}
const weights = torch.ones([2, 10]) * 0.1;
let values = torch.arange(20.0).reshape([2, 10]);
console.log(torch.bmm(weights.unsqueeze(1), values.unsqueeze(-1)));`,
  `class NWKernelRegression extends nn.Module {
  w: nn.Parameter;
  attention_weights!: torch.Tensor;
  constructor() {
    super();
    this.w = new nn.Parameter(torch.rand([1], {requires_grad: true}));
  }
  forward(queries: torch.Tensor, keys: torch.Tensor, values: torch.Tensor) {
    // queries和attention_weights的形状为(查询个数，“键－值”对个数)
    queries = queries.repeat_interleave(keys.shape[1]).reshape([-1, keys.shape[1]]);
    this.attention_weights = nn.functional.softmax(
      -(((queries - keys) * this.w) ** 2) / 2, {dim: 1});
    // values的形状为(查询个数，“键－值”对个数)
    return torch.bmm(this.attention_weights.unsqueeze(1),
                     values.unsqueeze(-1)).reshape(-1);
  }
}`,
  `// X_tile的形状:(n_train，n_train)，每一行都包含着相同的训练输入
const X_tile = x_train.repeat([n_train, 1]);
// Y_tile的形状:(n_train，n_train)，每一行都包含着相同的训练输出
const Y_tile = y_train.repeat([n_train, 1]);
// keys的形状:('n_train'，'n_train'-1)
let keys = X_tile[(1 - torch.eye(n_train)).type(torch.bool)].reshape([n_train, -1]);
// values的形状:('n_train'，'n_train'-1)
values = Y_tile[(1 - torch.eye(n_train)).type(torch.bool)].reshape([n_train, -1]);`,
  `const net = new NWKernelRegression();
const loss = new nn.MSELoss({reduction: 'none'});
const trainer = new torch.optim.SGD(net.parameters(), {lr: 0.5});
for (let epoch = 0; epoch < 5; epoch++) {
  trainer.zero_grad();
  const l = loss(net(x_train, keys, values), y_train);
  l.sum().backward();
  trainer.step();
  console.log(\`epoch \${epoch + 1}, loss \${l.sum().item().toFixed(6)}\`);
}`,
  `keys = x_train.repeat([n_test, 1]);
values = y_train.repeat([n_test, 1]);
y_hat = net(x_test, keys, values).unsqueeze(1).detach();
console.log(y_hat[":3"]);
console.log(net.attention_weights.unsqueeze(0).unsqueeze(0).shape);`,
  // attention-scoring-functions
  `function sequence_mask(X: torch.Tensor, valid_len: torch.Tensor, value = 0) {
  const maxlen = X.size(1);
  const mask = torch.arange(maxlen, {dtype: torch.float32, device: X.device})[null, ":"] < valid_len[":", null];
  X[~mask] = value;
  return X;
}
function masked_softmax(X: torch.Tensor, valid_lens: torch.Tensor | null) {
  if (valid_lens === null) {
    return nn.functional.softmax(X, {dim: -1});
  } else {
    const shape = X.shape;
    if (valid_lens.dim() == 1) {
      valid_lens = torch.repeat_interleave(valid_lens, shape[1]);
    } else {
      valid_lens = valid_lens.reshape(-1);
    }
    // 最后一轴上被掩蔽的元素使用一个非常大的负值替换，从而其softmax输出为0
    X = sequence_mask(X.reshape(-1, shape[shape.length - 1]), valid_lens, -1e6);
    return nn.functional.softmax(X.reshape(shape), {dim: -1});
  }
}
torch.manual_seed(0);
console.log(masked_softmax(torch.rand(2, 2, 4), torch.tensor([2, 3])));`,
  `console.log(masked_softmax(torch.rand(2, 2, 4), torch.tensor([[1, 3], [2, 4]])));`,
  `class AdditiveAttention extends nn.Module {
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
    // 在维度扩展后，使用广播方式进行求和
    let features = queries.unsqueeze(2) + keys.unsqueeze(1);
    features = torch.tanh(features);
    // self.w_v仅有一个输出，因此从形状中移除最后那个维度。
    const scores = this.w_v(features).squeeze(-1);
    this.attention_weights = masked_softmax(scores, valid_lens);
    // values的形状：(batch_size，“键－值”对的个数，值的维度)
    return torch.bmm(this.dropout(this.attention_weights), values);
  }
}`,
  `let queries = torch.normal(0, 1, [2, 1, 20]);
keys = torch.ones([2, 10, 2]);
// values的小批量，两个值矩阵是相同的
values = torch.arange(40, {dtype: torch.float32}).reshape(1, 10, 4).repeat(2, 1, 1);
let valid_lens = torch.tensor([2, 6]);
let attention: nn.Module = new AdditiveAttention(2, 20, 8, 0.1);
console.log(attention.eval());
console.log(attention(queries, keys, values, valid_lens));
console.log((attention as AdditiveAttention).attention_weights.reshape([1, 1, 2, 10]));`,
  `class DotProductAttention extends nn.Module {
  dropout: nn.Dropout;
  attention_weights!: torch.Tensor;
  constructor(dropout: number) {
    super();
    this.dropout = new nn.Dropout(dropout);
  }
  // queries的形状：(batch_size，查询的个数，d)
  // keys的形状：(batch_size，“键－值”对的个数，d)
  // values的形状：(batch_size，“键－值”对的个数，值的维度)
  // valid_lens的形状:(batch_size，)或者(batch_size，查询的个数)
  forward(queries: torch.Tensor, keys: torch.Tensor, values: torch.Tensor, valid_lens: torch.Tensor | null = null) {
    const d = queries.shape[queries.shape.length - 1];
    // 设置transpose_b=True为了交换keys的最后两个维度
    const scores = torch.bmm(queries, keys.transpose(1, 2)) / Math.sqrt(d);
    this.attention_weights = masked_softmax(scores, valid_lens);
    return torch.bmm(this.dropout(this.attention_weights), values);
  }
}
queries = torch.normal(0, 1, [2, 1, 2]);
attention = new DotProductAttention(0.5);
attention.eval();
console.log(attention(queries, keys, values, valid_lens));`,
  // multihead-attention
  `class MultiHeadAttention extends nn.Module {
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
      // 在轴0，将第一项（标量或者矢量）复制num_heads次，然后如此复制第二项，然后诸如此类。
      valid_lens = torch.repeat_interleave(valid_lens, {repeats: this.num_heads, dim: 0});
    }
    // output的形状:(batch_size*num_heads，查询的个数，num_hiddens/num_heads)
    const output = this.attention(queries, keys, values, valid_lens);
    // output_concat的形状:(batch_size，查询的个数，num_hiddens)
    const output_concat = transpose_output(output, this.num_heads);
    return this.W_o(output_concat);
  }
}
function transpose_qkv(X: torch.Tensor, num_heads: number) {
  X = X.reshape(X.shape[0], X.shape[1], num_heads, -1);
  X = X.permute(0, 2, 1, 3);
  return X.reshape(-1, X.shape[2], X.shape[3]);
}
function transpose_output(X: torch.Tensor, num_heads: number) {
  X = X.reshape(-1, num_heads, X.shape[1], X.shape[2]);
  X = X.permute(0, 2, 1, 3);
  return X.reshape(X.shape[0], X.shape[1], -1);
}`,
  `torch.manual_seed(0);
let [num_hiddens, num_heads] = [100, 5];
attention = new MultiHeadAttention(num_hiddens, num_hiddens, num_hiddens, num_hiddens, num_heads, 0.5);
console.log(attention.eval());`,
  `let [batch_size, num_queries] = [2, 4];
let num_kvpairs: number;
[num_kvpairs, valid_lens] = [6, torch.tensor([3, 2])];
let X = torch.ones([batch_size, num_queries, num_hiddens]);
let Y = torch.ones([batch_size, num_kvpairs, num_hiddens]);
let out = attention(X, Y, Y, valid_lens);
console.log(out.shape);
console.log(out[0, ":", ":4"]);`,
  // self-attention-and-positional-encoding
  `class PositionalEncoding extends nn.Module {
  dropout: nn.Dropout; P: torch.Tensor;
  constructor(num_hiddens: number, dropout: number, max_len = 1000) {
    super();
    this.dropout = new nn.Dropout(dropout);
    // 创建一个足够长的P
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
}`,
  `torch.manual_seed(0);
[num_hiddens, num_heads] = [100, 5];
attention = new MultiHeadAttention(num_hiddens, num_hiddens, num_hiddens, num_hiddens, num_heads, 0.5);
attention.eval();
[batch_size, num_queries, valid_lens] = [2, 4, torch.tensor([3, 2])];
X = torch.ones([batch_size, num_queries, num_hiddens]);
console.log(attention(X, X, X, valid_lens).shape);`,
  `const [encoding_dim, num_steps] = [32, 60];
const pos_encoding = new PositionalEncoding(encoding_dim, 0);
pos_encoding.eval();
X = pos_encoding(torch.zeros([1, num_steps, encoding_dim]));
let P = pos_encoding.P[\`:, :\${X.shape[1]}, :\`];
console.log(P[0, "1:3", "6:10"]);
console.log(P[0, ":", "6:10"].T.shape);`,
  `for (let i = 0; i < 8; i++) {
  console.log(\`\${i}的二进制是：\${i.toString(2).padStart(3, "0")}\`);
}`,
  `P = P[0, ":", ":"].unsqueeze(0).unsqueeze(0);
console.log(P.shape);`,
  // transformer
  `class PositionWiseFFN extends nn.Module {
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
torch.manual_seed(0);
const ffn = new PositionWiseFFN(4, 4, 8);
ffn.eval();
console.log(ffn(torch.ones([2, 3, 4]))[0]);`,
  `const ln = new nn.LayerNorm(2);
const bn = new nn.BatchNorm1d(2);
X = torch.tensor([[1, 2], [2, 3]], {dtype: torch.float32});
// 在训练模式下计算X的均值和方差
console.log('layer norm:', ln(X), '\\nbatch norm:', bn(X));`,
  `class AddNorm extends nn.Module {
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
const add_norm = new AddNorm([3, 4], 0.5);
add_norm.eval();
console.log(add_norm(torch.ones([2, 3, 4]), torch.ones([2, 3, 4])).shape);`,
  `class EncoderBlock extends nn.Module {
  attention: MultiHeadAttention; addnorm1: AddNorm; ffn: PositionWiseFFN; addnorm2: AddNorm;
  constructor(key_size: number, query_size: number, value_size: number, num_hiddens: number,
              norm_shape: number[], ffn_num_input: number, ffn_num_hiddens: number, num_heads: number,
              dropout: number, use_bias = false) {
    super();
    this.attention = new MultiHeadAttention(
      key_size, query_size, value_size, num_hiddens, num_heads, dropout, use_bias);
    this.addnorm1 = new AddNorm(norm_shape, dropout);
    this.ffn = new PositionWiseFFN(ffn_num_input, ffn_num_hiddens, num_hiddens);
    this.addnorm2 = new AddNorm(norm_shape, dropout);
  }
  forward(X: torch.Tensor, valid_lens: torch.Tensor | null) {
    const Y = this.addnorm1(X, this.attention(X, X, X, valid_lens));
    return this.addnorm2(Y, this.ffn(Y));
  }
}
X = torch.ones([2, 100, 24]);
valid_lens = torch.tensor([3, 2]);
const encoder_blk = new EncoderBlock(24, 24, 24, 24, [100, 24], 24, 48, 8, 0.5);
encoder_blk.eval();
out = encoder_blk(X, valid_lens);
console.log(out.shape);
console.log(out[0, ":2", ":4"]);`,
  `class TransformerEncoder extends nn.Module {
  num_hiddens: number; embedding: nn.Embedding; pos_encoding: PositionalEncoding; blks: nn.Sequential;
  attention_weights!: (torch.Tensor | null)[];
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
        new EncoderBlock(key_size, query_size, value_size, num_hiddens,
                         norm_shape, ffn_num_input, ffn_num_hiddens,
                         num_heads, dropout, use_bias));
    }
  }
  forward(X: torch.Tensor, valid_lens: torch.Tensor | null) {
    // 因为位置编码值在-1和1之间，因此嵌入值乘以嵌入维度的平方根进行缩放，然后再与位置编码相加。
    X = this.pos_encoding(this.embedding(X) * Math.sqrt(this.num_hiddens));
    this.attention_weights = new Array(this.blks.length).fill(null);
    for (const [i, blk] of [...this.blks].entries()) {
      X = blk(X, valid_lens);
      this.attention_weights[i] = ((blk as EncoderBlock).attention.attention).attention_weights;
    }
    return X;
  }
}
const encoder = new TransformerEncoder(200, 24, 24, 24, 24, [100, 24], 24, 48, 8, 2, 0.5);
encoder.eval();
out = encoder(torch.ones([2, 100], {dtype: torch.long}), valid_lens);
console.log(out.shape);
console.log(out[1, ":2", ":4"]);
console.log(encoder.attention_weights.length, encoder.attention_weights[1]!.shape);
console.log(encoder.blks);`,
];
