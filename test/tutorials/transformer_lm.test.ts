/**
 * "Language Modeling with nn.Transformer and torchtext" (pytorch/tutorials
 * beginner_source/transformer_tutorial.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials3.py, section transformer_lm): the PositionalEncoding buffer filled with
 * `pe[:, 0, 0::2] = sin(...)`, generate_square_subsequent_mask, batchify / get_batch, a
 * TransformerEncoder of TransformerEncoderLayers under an nn.Embedding scaled by sqrt(d_model),
 * training with CrossEntropyLoss, clip_grad_norm_(0.5), SGD(lr=5) and StepLR(gamma=0.95) with
 * dropout (PyTorch's masks: the same seeded generator), and evaluation in eval mode. WikiText-2 is a
 * few lines written inline, torchtext's vocab the few lines that build the same one.
 */
import { torch } from "../../src";
import { PositionalEncoding } from "./_positional_encoding";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn } = torch;
const { TransformerEncoder, TransformerEncoderLayer } = nn;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("transformer_lm");

const CORPUS = `the quick brown fox jumps over the lazy dog . the dog sleeps in the sun .
a fox is quick and a dog is lazy . the sun is bright over the hill .
the brown dog runs to the hill and the fox runs to the sun .
a lazy fox sleeps and a quick dog jumps over the brown hill .`;
const VALID = "the fox jumps over the dog . a dog sleeps in the bright sun .";

class TransformerModel extends nn.Module {
  model_type = "Transformer";
  pos_encoder: PositionalEncoding;
  transformer_encoder: InstanceType<typeof TransformerEncoder>;
  encoder: InstanceType<typeof nn.Embedding>;
  d_model: number;
  decoder: InstanceType<typeof nn.Linear>;
  constructor(ntoken: number, d_model: number, nhead: number, d_hid: number, nlayers: number, dropout = 0.5) {
    super();
    this.pos_encoder = new PositionalEncoding(d_model, dropout);
    const encoder_layers = new TransformerEncoderLayer(d_model, nhead, d_hid, dropout);
    this.transformer_encoder = new TransformerEncoder(encoder_layers, nlayers);
    this.encoder = new nn.Embedding(ntoken, d_model);
    this.d_model = d_model;
    this.decoder = new nn.Linear(d_model, ntoken);
    this.init_weights();
  }
  init_weights(): void {
    const initrange = 0.1;
    this.encoder.weight.data.uniform_(-initrange, initrange);
    this.decoder.bias!.data.zero_();
    this.decoder.weight.data.uniform_(-initrange, initrange);
  }
  forward(src: Tensor, src_mask: Tensor): Tensor {
    src = this.encoder(src).mul(Math.sqrt(this.d_model));
    src = this.pos_encoder(src);
    let output = this.transformer_encoder(src, src_mask);
    output = this.decoder(output);
    return output;
  }
}

/** Generates an upper-triangular matrix of -inf, with zeros on diag. */
function generate_square_subsequent_mask(sz: number): Tensor {
  return torch.triu(torch.ones(sz, sz).mul(-Infinity), { diagonal: 1 });
}

test("transformer_lm: positional encoding buffer and the causal mask", () => {
  expect(String(generate_square_subsequent_mask(4))).toBe(R.mask4);
  const pe = new PositionalEncoding(8, 0.1, 50);
  expectTensor(pe.pe.index(":6"), R.pe as Encoded, 1e-5);
  expect(Object.keys(pe.state_dict())).toEqual(R.pe_state_keys);
});

test("transformer_lm: batchify, get_batch, two epochs of training with clip_grad_norm_ and evaluation", () => {
  // torchtext's vocab over the tokenized corpus (basic_english on this text is a whitespace split)
  const tokens = CORPUS.split(/\s+/);
  const counter = new Map<string, number>();
  for (const t of tokens) counter.set(t, (counter.get(t) ?? 0) + 1);
  const itos = ["<unk>", ...[...counter.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([t]) => t)];
  const stoi = new Map(itos.map((t, i) => [t, i]));

  function data_process(raw_text_iter: string[]): Tensor {
    const data = raw_text_iter.map((item) => torch.tensor(item.split(/\s+/).filter((t) => t).map((t) => stoi.get(t) ?? 0), { dtype: torch.long }));
    return torch.cat(data.filter((t) => t.numel() > 0));
  }
  let train_data = data_process(CORPUS.split("\n"));
  let val_data = data_process(VALID.split("\n"));

  /** Divides the data into bsz separate sequences, removing extra elements that wouldn't cleanly fit. */
  function batchify(data: Tensor, bsz: number): Tensor {
    const seq_len = Math.floor(data.size(0) / bsz);
    data = data.index(`:${seq_len * bsz}`);
    data = data.view(bsz, seq_len).t().contiguous();
    return data;
  }
  const batch_size = 4;
  const eval_batch_size = 2;
  train_data = batchify(train_data, batch_size); // shape [seq_len, batch_size]
  val_data = batchify(val_data, eval_batch_size);
  expectTensor(train_data, R.train_data as Encoded, 0);
  const bptt = 6;

  function get_batch(source: Tensor, i: number): [Tensor, Tensor] {
    const seq_len = Math.min(bptt, torch.utils.data.len(source) - 1 - i);
    const data = source.index(`${i}:${i + seq_len}`);
    const target = source.index(`${i + 1}:${i + 1 + seq_len}`).reshape(-1);
    return [data, target];
  }
  const [d0, t0] = get_batch(train_data, 0);
  expectTensor(d0, (R.batch0 as Encoded[])[0], 0);
  expectTensor(t0, (R.batch0 as Encoded[])[1], 0);

  torch.manual_seed(0);
  const ntokens = itos.length; // size of vocabulary
  const emsize = 16; // embedding dimension
  const d_hid = 32; // dimension of the feedforward network model in nn.TransformerEncoder
  const nlayers = 2; // number of nn.TransformerEncoderLayer in nn.TransformerEncoder
  const nhead = 2; // number of heads in nn.MultiheadAttention
  const dropout = 0.2; // dropout probability
  const model = new TransformerModel(ntokens, emsize, nhead, d_hid, nlayers, dropout);
  expect([...model.parameters()].reduce((n, p) => n + p.numel(), 0)).toBe(R.n_params);

  const criterion = new nn.CrossEntropyLoss();
  const lr = 5.0; // learning rate
  const optimizer = new torch.optim.SGD(model.parameters(), { lr });
  const scheduler = new torch.optim.lr_scheduler.StepLR(optimizer, 1.0, { gamma: 0.95 });
  const printed: string[] = [];

  function train(model: TransformerModel, epoch: number): void {
    model.train(); // turn on train mode
    let total_loss = 0;
    const log_interval = 2;
    let src_mask = generate_square_subsequent_mask(bptt);
    const num_batches = Math.floor(torch.utils.data.len(train_data) / bptt);
    let batch = 0;
    for (let i = 0; i < train_data.size(0) - 1; i += bptt, batch++) {
      const [data, targets] = get_batch(train_data, i);
      const seq_len = data.size(0);
      if (seq_len !== bptt) src_mask = src_mask.index(`:${seq_len}, :${seq_len}`); // only on last batch
      const output = model(data, src_mask);
      const loss = criterion(output.view(-1, ntokens), targets);
      optimizer.zero_grad();
      loss.backward();
      nn.utils.clip_grad_norm_(model.parameters(), 0.5);
      optimizer.step();
      total_loss += loss.item();
      if (batch % log_interval === 0 && batch > 0) {
        const lr = scheduler.get_last_lr()[0];
        const cur_loss = total_loss / log_interval;
        const ppl = Math.exp(cur_loss);
        printed.push(`| epoch ${String(epoch).padStart(3)} | ${String(batch).padStart(5)}/${String(num_batches).padStart(5)} batches | lr ${lr.toFixed(2).padStart(2, "0")} | loss ${cur_loss.toFixed(2).padStart(5)} | ppl ${ppl.toFixed(2).padStart(8)}`);
        total_loss = 0;
      }
    }
  }

  function evaluate(model: TransformerModel, eval_data: Tensor): number {
    model.eval(); // turn on evaluation mode
    let total_loss = 0;
    let src_mask = generate_square_subsequent_mask(bptt);
    torch.no_grad(() => {
      for (let i = 0; i < eval_data.size(0) - 1; i += bptt) {
        const [data, targets] = get_batch(eval_data, i);
        const seq_len = data.size(0);
        if (seq_len !== bptt) src_mask = src_mask.index(`:${seq_len}, :${seq_len}`);
        const output = model(data, src_mask);
        const output_flat = output.view(-1, ntokens);
        total_loss += seq_len * criterion(output_flat, targets).item();
      }
    });
    return total_loss / (torch.utils.data.len(eval_data) - 1);
  }

  const val_losses: number[] = [];
  for (let epoch = 1; epoch <= 2; epoch++) {
    train(model, epoch);
    val_losses.push(evaluate(model, val_data));
    scheduler.step();
  }
  expect(printed.length).toBe((R.printed as string[]).length);
  (R.printed as string[]).forEach((want, i) => expectSamePrint(printed[i], want, 1e-3));
  val_losses.forEach((l, i) => expect(Math.abs(l - (R.val_losses as number[])[i])).toBeLessThan(1e-3));
  expectTensor(model.decoder.bias!, R.decoder_bias as Encoded, 1e-3);
});
