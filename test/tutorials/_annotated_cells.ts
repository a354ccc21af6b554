/**
 * Harvard NLP's "The Annotated Transformer" (2022) in the notebook dialect, cell for cell with
 * test/reference/gen_annotated.py's CELLS; annotated_notebook.test.ts's header says what differs.
 */
export const CELLS = [
  `const log_softmax = torch.nn.functional.log_softmax;
const pad = torch.nn.functional.pad;
const math = Math;
const time = {time: () => performance.now() / 1000};
const LambdaLR = torch.optim.lr_scheduler.LambdaLR;
const __name__ = "__main__";

const RUN_EXAMPLES = True;`,
  `function is_interactive_notebook() {
  return __name__ == "__main__";
}


function show_example(fn, args=[]) {
  if (__name__ == "__main__" && RUN_EXAMPLES) {
    return fn(...args);
  }
}


function execute_example(fn, args=[]) {
  if (__name__ == "__main__" && RUN_EXAMPLES) {
    fn(...args);
  }
}


class DummyOptimizer {
  param_groups = [{"lr": 0}];

  step() {
    None;
  }

  zero_grad(set_to_none=False) {
    None;
  }
}


class DummyScheduler {
  step() {
    None;
  }
}`,
  `class EncoderDecoder extends nn.Module {
  /**
   * A standard Encoder-Decoder architecture. Base for this and many
   * other models.
   */

  constructor(encoder, decoder, src_embed, tgt_embed, generator) {
    super();
    this.encoder = encoder;
    this.decoder = decoder;
    this.src_embed = src_embed;
    this.tgt_embed = tgt_embed;
    this.generator = generator;
  }

  forward(src, tgt, src_mask, tgt_mask) {
    // Take in and process masked src and target sequences.
    return this.decode(this.encode(src, src_mask), src_mask, tgt, tgt_mask);
  }

  encode(src, src_mask) {
    return this.encoder(this.src_embed(src), src_mask);
  }

  decode(memory, src_mask, tgt, tgt_mask) {
    return this.decoder(this.tgt_embed(tgt), memory, src_mask, tgt_mask);
  }
}`,
  `class Generator extends nn.Module {
  // Define standard linear + softmax generation step.

  constructor(d_model, vocab) {
    super();
    this.proj = nn.Linear(d_model, vocab);
  }

  forward(x) {
    return log_softmax(this.proj(x), dim=-1);
  }
}`,
  `function clones(module, N) {
  // Produce N identical layers.
  return nn.ModuleList(list(range(N)).map((_) => copy.deepcopy(module)));
}`,
  `class Encoder extends nn.Module {
  // Core encoder is a stack of N layers

  constructor(layer, N) {
    super();
    this.layers = clones(layer, N);
    this.norm = LayerNorm(layer.size);
  }

  forward(x, mask) {
    // Pass the input (and mask) through each layer in turn.
    for (const layer of this.layers) {
      x = layer(x, mask);
    }
    return this.norm(x);
  }
}`,
  `class LayerNorm extends nn.Module {
  // Construct a layernorm module (See citation for details).

  constructor(features, eps=1e-6) {
    super();
    this.a_2 = nn.Parameter(torch.ones(features));
    this.b_2 = nn.Parameter(torch.zeros(features));
    this.eps = eps;
  }

  forward(x) {
    const mean = x.mean(-1, keepdim=True);
    const std = x.std(-1, keepdim=True);
    return this.a_2 * (x - mean) / (std + this.eps) + this.b_2;
  }
}`,
  `class SublayerConnection extends nn.Module {
  /**
   * A residual connection followed by a layer norm.
   * Note for code simplicity the norm is first as opposed to last.
   */

  constructor(size, dropout) {
    super();
    this.norm = LayerNorm(size);
    this.dropout = nn.Dropout(dropout);
  }

  forward(x, sublayer) {
    // Apply residual connection to any sublayer with the same size.
    return x + this.dropout(sublayer(this.norm(x)));
  }
}`,
  `class EncoderLayer extends nn.Module {
  // Encoder is made up of self-attn and feed forward (defined below)

  constructor(size, self_attn, feed_forward, dropout) {
    super();
    this.self_attn = self_attn;
    this.feed_forward = feed_forward;
    this.sublayer = clones(SublayerConnection(size, dropout), 2);
    this.size = size;
  }

  forward(x, mask) {
    // Follow Figure 1 (left) for connections.
    x = this.sublayer[0](x, (x) => this.self_attn(x, x, x, mask));
    return this.sublayer[1](x, this.feed_forward);
  }
}`,
  `class Decoder extends nn.Module {
  // Generic N layer decoder with masking.

  constructor(layer, N) {
    super();
    this.layers = clones(layer, N);
    this.norm = LayerNorm(layer.size);
  }

  forward(x, memory, src_mask, tgt_mask) {
    for (const layer of this.layers) {
      x = layer(x, memory, src_mask, tgt_mask);
    }
    return this.norm(x);
  }
}`,
  `class DecoderLayer extends nn.Module {
  // Decoder is made of self-attn, src-attn, and feed forward (defined below)

  constructor(size, self_attn, src_attn, feed_forward, dropout) {
    super();
    this.size = size;
    this.self_attn = self_attn;
    this.src_attn = src_attn;
    this.feed_forward = feed_forward;
    this.sublayer = clones(SublayerConnection(size, dropout), 3);
  }

  forward(x, memory, src_mask, tgt_mask) {
    // Follow Figure 1 (right) for connections.
    const m = memory;
    x = this.sublayer[0](x, (x) => this.self_attn(x, x, x, tgt_mask));
    x = this.sublayer[1](x, (x) => this.src_attn(x, m, m, src_mask));
    return this.sublayer[2](x, this.feed_forward);
  }
}`,
  `function subsequent_mask(size) {
  // Mask out subsequent positions.
  const attn_shape = [1, size, size];
  const subsequent_mask = torch.triu(torch.ones(attn_shape), diagonal=1).type(
    torch.uint8
  );
  return subsequent_mask == 0;
}`,
  `subsequent_mask(5)`,
  `function attention(query, key, value, mask=None, dropout=None) {
  // Compute 'Scaled Dot Product Attention'
  const d_k = query.size(-1);
  let scores = torch.matmul(query, key.transpose(-2, -1)) / math.sqrt(d_k);
  if (mask !== None) {
    scores = scores.masked_fill(mask == 0, -1e9);
  }
  let p_attn = scores.softmax(dim=-1);
  if (dropout !== None) {
    p_attn = dropout(p_attn);
  }
  return [torch.matmul(p_attn, value), p_attn];
}`,
  `class MultiHeadedAttention extends nn.Module {
  constructor(h, d_model, dropout=0.1) {
    // Take in model size and number of heads.
    super();
    assert(d_model % h == 0);
    // We assume d_v always equals d_k
    this.d_k = Math.floor(d_model / h);
    this.h = h;
    this.linears = clones(nn.Linear(d_model, d_model), 4);
    this.attn = None;
    this.dropout = nn.Dropout(p=dropout);
  }

  forward(query, key, value, mask=None) {
    // Implements Figure 2
    if (mask !== None) {
      // Same mask applied to all h heads.
      mask = mask.unsqueeze(1);
    }
    const nbatches = query.size(0);

    // 1) Do all the linear projections in batch from d_model => h x d_k
    [query, key, value] = list(zip(this.linears, [query, key, value])).map(([lin, x]) =>
      lin(x).view(nbatches, -1, this.h, this.d_k).transpose(1, 2)
    );

    // 2) Apply attention on all the projected vectors in batch.
    let x;
    [x, this.attn] = attention(
      query, key, value, mask=mask, dropout=this.dropout
    );

    // 3) "Concat" using a view and apply a final linear.
    x = (
      x.transpose(1, 2)
      .contiguous()
      .view(nbatches, -1, this.h * this.d_k)
    );
    delete query;
    delete key;
    delete value;
    return this.linears[-1](x);
  }
}`,
  `class PositionwiseFeedForward extends nn.Module {
  // Implements FFN equation.

  constructor(d_model, d_ff, dropout=0.1) {
    super();
    this.w_1 = nn.Linear(d_model, d_ff);
    this.w_2 = nn.Linear(d_ff, d_model);
    this.dropout = nn.Dropout(dropout);
  }

  forward(x) {
    return this.w_2(this.dropout(this.w_1(x).relu()));
  }
}`,
  `class Embeddings extends nn.Module {
  constructor(d_model, vocab) {
    super();
    this.lut = nn.Embedding(vocab, d_model);
    this.d_model = d_model;
  }

  forward(x) {
    return this.lut(x) * math.sqrt(this.d_model);
  }
}`,
  `class PositionalEncoding extends nn.Module {
  // Implement the PE function.
  declare pe: torch.Tensor;

  constructor(d_model, dropout, max_len=5000) {
    super();
    this.dropout = nn.Dropout(p=dropout);

    // Compute the positional encodings once in log space.
    let pe = torch.zeros(max_len, d_model);
    const position = torch.arange(0, max_len).unsqueeze(1);
    const div_term = torch.exp(
      torch.arange(0, d_model, 2) * -(math.log(10000.0) / d_model)
    );
    pe[":, 0::2"] = torch.sin(position * div_term);
    pe[":, 1::2"] = torch.cos(position * div_term);
    pe = pe.unsqueeze(0);
    this.register_buffer("pe", pe);
  }

  forward(x) {
    x = x + this.pe[\`:, : \${x.size(1)}\`].requires_grad_(False);
    return this.dropout(x);
  }
}`,
  `const pe = PositionalEncoding(20, 0);
const y = pe.forward(torch.zeros(1, 100, 20));
print(y["0, ::10, 4:8"]);`,
  `function make_model(
  src_vocab, tgt_vocab, N=6, d_model=512, d_ff=2048, h=8, dropout=0.1
) {
  // Helper: Construct a model from hyperparameters.
  const c = copy.deepcopy;
  const attn = MultiHeadedAttention(h, d_model);
  const ff = PositionwiseFeedForward(d_model, d_ff, dropout);
  const position = PositionalEncoding(d_model, dropout);
  const model = EncoderDecoder(
    Encoder(EncoderLayer(d_model, c(attn), c(ff), dropout), N),
    Decoder(DecoderLayer(d_model, c(attn), c(attn), c(ff), dropout), N),
    nn.Sequential(Embeddings(d_model, src_vocab), c(position)),
    nn.Sequential(Embeddings(d_model, tgt_vocab), c(position)),
    Generator(d_model, tgt_vocab),
  );

  // This was important from their code.
  // Initialize parameters with Glorot / fan_avg.
  for (const p of model.parameters()) {
    if (p.dim() > 1) {
      nn.init.xavier_uniform_(p);
    }
  }
  return model;
}`,
  `function inference_test() {
  const test_model = make_model(11, 11, 2, d_model=32, d_ff=64, h=4);
  test_model.eval();
  const src = torch.LongTensor([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
  const src_mask = torch.ones(1, 1, 10);

  const memory = test_model.encode(src, src_mask);
  let ys = torch.zeros(1, 1).type_as(src);

  for (const i of range(9)) {
    const out = test_model.decode(
      memory, src_mask, ys, subsequent_mask(ys.size(1)).type_as(src.data)
    );
    const prob = test_model.generator(out[":, -1"]);
    let [_, next_word] = torch.max(prob, dim=1);
    next_word = next_word.data[0];
    ys = torch.cat(
      [ys, torch.empty(1, 1).type_as(src.data).fill_(next_word)], dim=1
    );
  }

  print("Example Untrained Model Prediction:", ys);
}


function run_tests() {
  for (const _ of range(3)) {
    inference_test();
  }
}


show_example(run_tests);`,
  `class Batch {
  // Object for holding a batch of data with mask during training.

  constructor(src, tgt=None, pad=2) {  // 2 = <blank>
    this.src = src;
    this.src_mask = (src != pad).unsqueeze(-2);
    if (tgt !== None) {
      this.tgt = tgt[":, :-1"];
      this.tgt_y = tgt[":, 1:"];
      this.tgt_mask = Batch.make_std_mask(this.tgt, pad);
      this.ntokens = (this.tgt_y != pad).data.sum();
    }
  }

  static make_std_mask(tgt, pad) {
    // Create a mask to hide padding and future words.
    let tgt_mask = (tgt != pad).unsqueeze(-2);
    tgt_mask = tgt_mask & subsequent_mask(tgt.size(-1)).type_as(
      tgt_mask.data
    );
    return tgt_mask;
  }
}`,
  `const b = Batch(torch.LongTensor([[1, 3, 4, 2, 2]]), torch.LongTensor([[1, 5, 6, 7, 2]]));
print(b.src_mask);
print(b.tgt_mask);
b.ntokens`,
  `class TrainState {
  // Track number of steps, examples, and tokens processed

  step: any = 0;  // Steps in the current epoch
  accum_step: any = 0;  // Number of gradient accumulation steps
  samples: any = 0;  // total # of examples used
  tokens: any = 0;  // total # of tokens processed
}`,
  `function run_epoch(
  data_iter,
  model,
  loss_compute,
  optimizer,
  scheduler,
  mode="train",
  accum_iter=1,
  train_state=TrainState(),
) {
  // Train a single epoch
  let start = time.time();
  let total_tokens = 0;
  let total_loss = 0;
  let tokens = 0;
  let n_accum = 0;
  for (const [i, batch] of enumerate(data_iter)) {
    const out = model.forward(
      batch.src, batch.tgt, batch.src_mask, batch.tgt_mask
    );
    let [loss, loss_node] = loss_compute(out, batch.tgt_y, batch.ntokens);
    // loss_node = loss_node / accum_iter
    if (mode == "train" || mode == "train+log") {
      loss_node.backward();
      train_state.step += 1;
      train_state.samples += batch.src.shape[0];
      train_state.tokens += batch.ntokens;
      if (i % accum_iter == 0) {
        optimizer.step();
        optimizer.zero_grad(set_to_none=True);
        n_accum += 1;
        train_state.accum_step += 1;
      }
      scheduler.step();
    }

    total_loss += loss;
    total_tokens += batch.ntokens;
    tokens += batch.ntokens;
    if (i % 40 == 1 && (mode == "train" || mode == "train+log")) {
      const lr = optimizer.param_groups[0]["lr"];
      const elapsed = time.time() - start;
      print(
        \`Epoch Step: \${i:6d} | Accumulation Step: \${n_accum:3d} | Loss: \${loss / batch.ntokens:6.2f} \` +
        \`| Tokens / Sec: \${tokens / elapsed:7.1f} | Learning Rate: \${lr:6.1e}\`
      );
      start = time.time();
      tokens = 0;
    }
    delete loss;
    delete loss_node;
  }
  return [total_loss / total_tokens, train_state];
}`,
  `function rate(step, model_size, factor, warmup) {
  /**
   * we have to default the step to 1 for LambdaLR function
   * to avoid zero raising to negative power.
   */
  if (step == 0) {
    step = 1;
  }
  return factor * (
    model_size ** (-0.5) * min(step ** (-0.5), step * warmup ** (-1.5))
  );
}`,
  `function example_learning_schedule() {
  const opts: [number, number, number][] = [
    [512, 1, 400],  // example 1
    [512, 1, 800],  // example 2
    [256, 1, 400],  // example 3
  ];

  const dummy_model = torch.nn.Linear(1, 1);
  let learning_rates: any = [];

  // we have 3 examples in opts list.
  for (const [idx, example] of enumerate(opts)) {
    // run 20000 epoch for each example
    const optimizer = torch.optim.Adam(
      dummy_model.parameters(), lr=1, betas=[0.9, 0.98], eps=1e-9
    );
    const lr_scheduler = LambdaLR(
      optimizer=optimizer, lr_lambda=(step) => rate(step, ...example)
    );
    const tmp = [];
    // take 20K dummy training steps, save the learning rate at each step
    for (const step of range(1000)) {
      tmp.push(optimizer.param_groups[0]["lr"]);
      optimizer.step();
      lr_scheduler.step();
    }
    learning_rates.push(tmp);
  }

  learning_rates = torch.tensor(learning_rates);
  print(learning_rates[":, ::125"]);
  print(learning_rates.argmax(dim=1), learning_rates.max(dim=1).values);
}


example_learning_schedule();`,
  `class LabelSmoothing extends nn.Module {
  // Implement label smoothing.

  constructor(size, padding_idx, smoothing=0.0) {
    super();
    this.criterion = nn.KLDivLoss(reduction="sum");
    this.padding_idx = padding_idx;
    this.confidence = 1.0 - smoothing;
    this.smoothing = smoothing;
    this.size = size;
    this.true_dist = None;
  }

  forward(x, target) {
    assert(x.size(1) == this.size);
    const true_dist = x.data.clone();
    true_dist.fill_(this.smoothing / (this.size - 2));
    true_dist.scatter_(1, target.data.unsqueeze(1), this.confidence);
    true_dist[\`:, \${this.padding_idx}\`] = 0;
    const mask = torch.nonzero(target.data == this.padding_idx);
    if (mask.dim() > 0) {
      true_dist.index_fill_(0, mask.squeeze(), 0.0);
    }
    this.true_dist = true_dist;
    return this.criterion(x, true_dist.clone().detach());
  }
}`,
  `function example_label_smoothing() {
  const crit = LabelSmoothing(5, 0, 0.4);
  const predict = torch.FloatTensor(
    [
      [0, 0.2, 0.7, 0.1, 0],
      [0, 0.2, 0.7, 0.1, 0],
      [0, 0.2, 0.7, 0.1, 0],
      [0, 0.2, 0.7, 0.1, 0],
      [0, 0.2, 0.7, 0.1, 0],
    ]
  );
  print(crit(x=predict.log(), target=torch.LongTensor([2, 1, 0, 3, 3])));
  print(crit.true_dist);
}


show_example(example_label_smoothing);`,
  `function loss(x, crit) {
  const d = x + 3 * 1;
  const predict = torch.FloatTensor([[0, x / d, 1 / d, 1 / d, 1 / d]]);
  return crit(predict.log(), torch.LongTensor([1])).data;
}


function penalization_visualization() {
  const crit = LabelSmoothing(5, 0, 0.1);
  const losses = torch.stack(list(range(1, 100)).map((x) => loss(x, crit)));
  print(losses["::10"]);
}


show_example(penalization_visualization);`,
  `function* data_gen(V, batch_size, nbatches) {
  // Generate random data for a src-tgt copy task.
  for (const i of range(nbatches)) {
    const data = torch.randint(1, V, size=[batch_size, 10]);
    data[":, 0"] = 1;
    const src = data.requires_grad_(False).clone().detach();
    const tgt = data.requires_grad_(False).clone().detach();
    yield Batch(src, tgt, 0);
  }
}`,
  `class SimpleLossCompute {
  // A simple loss compute and train function.

  constructor(generator, criterion) {
    this.generator = generator;
    this.criterion = criterion;
  }

  __call__(x, y, norm) {
    x = this.generator(x);
    const sloss = (
      this.criterion(
        x.contiguous().view(-1, x.size(-1)), y.contiguous().view(-1)
      )
      / norm
    );
    return [sloss.data * norm, sloss];
  }
}`,
  `function greedy_decode(model, src, src_mask, max_len, start_symbol) {
  const memory = model.encode(src, src_mask);
  let ys = torch.zeros(1, 1).fill_(start_symbol).type_as(src.data);
  for (const i of range(max_len - 1)) {
    const out = model.decode(
      memory, src_mask, ys, subsequent_mask(ys.size(1)).type_as(src.data)
    );
    const prob = model.generator(out[":, -1"]);
    let [_, next_word] = torch.max(prob, dim=1);
    next_word = next_word.data[0];
    ys = torch.cat(
      [ys, torch.zeros(1, 1).type_as(src.data).fill_(next_word)], dim=1
    );
  }
  return ys;
}`,
  `function example_simple_model() {
  const V = 11;
  const criterion = LabelSmoothing(size=V, padding_idx=0, smoothing=0.0);
  const model = make_model(V, V, N=2, d_model=32, d_ff=64, h=4);

  const optimizer = torch.optim.Adam(
    model.parameters(), lr=0.5, betas=[0.9, 0.98], eps=1e-9
  );
  const lr_scheduler = LambdaLR(
    optimizer=optimizer,
    lr_lambda=(step) => rate(
      step, model_size=model.src_embed[0].d_model, factor=1.0, warmup=400
    ),
  );

  const batch_size = 20;
  for (const epoch of range(3)) {
    model.train();
    run_epoch(
      data_gen(V, batch_size, 6),
      model,
      SimpleLossCompute(model.generator, criterion),
      optimizer,
      lr_scheduler,
      mode="train",
    );
    model.eval();
    print(run_epoch(
      data_gen(V, batch_size, 1),
      model,
      SimpleLossCompute(model.generator, criterion),
      DummyOptimizer(),
      DummyScheduler(),
      mode="eval",
    )[0]);
  }

  model.eval();
  const src = torch.LongTensor([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  const max_len = src.shape[1];
  const src_mask = torch.ones(1, 1, max_len);
  print(greedy_decode(model, src, src_mask, max_len=max_len, start_symbol=0));
}


execute_example(example_simple_model);`,
];
