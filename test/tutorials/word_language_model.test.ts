/**
 * pytorch/examples word_language_model (data.py, model.py, main.py with --model LSTM --tied) ported
 * line by line against PyTorch 1.13 (test/reference/gen_tutorials5.py, section word_language_model):
 * Dictionary/Corpus, batchify (narrow, view, t, contiguous), get_batch, RNNModel picking its recurrent
 * class by name with tied encoder/decoder weights (`this.decoder.weight = this.encoder.weight`),
 * init_hidden through `weight.new_zeros`, repackage_hidden (detach of a tensor or a tuple), clipping
 * with clip_grad_norm_, the hand-written SGD `p.data.add_(p.grad, alpha=-lr)`, learning-rate annealing,
 * and torch.save(model) / torch.load of the best model, evaluated on the test split.
 *
 * WikiText-2 becomes three small inline texts; sizes are shrunk as the generator names them, and the
 * wall-clock times printed are fixed at 0 on both sides. Python's str.format specs (`{:3d}`, `{:5.2f}`)
 * are written with padStart/toFixed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
type Hidden = Tensor | Hidden[];
const R = reference("word_language_model");

const WLM_TRAIN = `the cat sat on the mat
the dog sat on the log
a cat saw a dog
the dog saw the cat on the mat
a bird sat on a log
the bird saw a cat
the cat and the dog sat
a dog and a bird saw the mat
the mat was on the log
a cat was on a mat`;
const WLM_VALID = `the cat saw the bird
a dog sat on the mat
the log was a mat`;
const WLM_TEST = `a bird and a cat sat
the dog was on a log`;

class Dictionary {
  word2idx: Record<string, number> = {};
  idx2word: string[] = [];
  add_word(word: string): number {
    if (!(word in this.word2idx)) {
      this.idx2word.push(word);
      this.word2idx[word] = this.idx2word.length - 1;
    }
    return this.word2idx[word];
  }
  get length(): number {
    return this.idx2word.length;
  }
}

class Corpus {
  dictionary = new Dictionary();
  train: Tensor;
  valid: Tensor;
  test: Tensor;
  constructor() {
    this.train = this.tokenize(WLM_TRAIN);
    this.valid = this.tokenize(WLM_VALID);
    this.test = this.tokenize(WLM_TEST);
  }
  tokenize(text: string): Tensor {
    // Add words to the dictionary
    for (const line of text.split("\n")) {
      const words = [...line.split(/\s+/).filter((w) => w !== ""), "<eos>"];
      for (const word of words) this.dictionary.add_word(word);
    }
    // Tokenize file content
    const idss: Tensor[] = [];
    for (const line of text.split("\n")) {
      const words = [...line.split(/\s+/).filter((w) => w !== ""), "<eos>"];
      const ids: number[] = [];
      for (const word of words) ids.push(this.dictionary.word2idx[word]);
      idss.push(torch.tensor(ids).type(torch.int64));
    }
    return torch.cat(idss);
  }
}

/** Container module with an encoder, a recurrent module, and a decoder. */
class RNNModel extends nn.Module {
  ntoken: number;
  drop: InstanceType<typeof nn.Dropout>;
  encoder: InstanceType<typeof nn.Embedding>;
  rnn: InstanceType<typeof nn.LSTM> | InstanceType<typeof nn.GRU> | InstanceType<typeof nn.RNN>;
  decoder: InstanceType<typeof nn.Linear>;
  rnn_type: string;
  nhid: number;
  nlayers: number;
  constructor(rnn_type: string, ntoken: number, ninp: number, nhid: number, nlayers: number, dropout = 0.5, tie_weights = false) {
    super();
    this.ntoken = ntoken;
    this.drop = new nn.Dropout(dropout);
    this.encoder = new nn.Embedding(ntoken, ninp);
    if (["LSTM", "GRU"].includes(rnn_type)) {
      this.rnn = new nn[rnn_type as "LSTM" | "GRU"](ninp, nhid, nlayers, { dropout });
    } else {
      const nonlinearity = ({ RNN_TANH: "tanh", RNN_RELU: "relu" } as Record<string, "tanh" | "relu">)[rnn_type];
      if (nonlinearity === undefined) {
        throw new torch.ValueError(`An invalid option for \`--model\` was supplied,
                                 options are ['LSTM', 'GRU', 'RNN_TANH' or 'RNN_RELU']`);
      }
      this.rnn = new nn.RNN(ninp, nhid, nlayers, { nonlinearity, dropout });
    }
    this.decoder = new nn.Linear(nhid, ntoken);
    // Optionally tie weights as in "Using the Output Embedding to Improve Language Models" (Press & Wolf 2016)
    if (tie_weights) {
      if (nhid !== ninp) throw new torch.ValueError("When using the tied flag, nhid must be equal to emsize");
      this.decoder.weight = this.encoder.weight;
    }
    this.init_weights();
    this.rnn_type = rnn_type;
    this.nhid = nhid;
    this.nlayers = nlayers;
  }
  init_weights(): void {
    const initrange = 0.1;
    nn.init.uniform_(this.encoder.weight, -initrange, initrange);
    nn.init.zeros_(this.decoder.bias!);
    nn.init.uniform_(this.decoder.weight, -initrange, initrange);
  }
  forward(input: Tensor, hidden: Hidden): [Tensor, Hidden] {
    const emb = this.drop(this.encoder(input));
    let [output, new_hidden] = (this.rnn as InstanceType<typeof nn.LSTM>)(emb, hidden as [Tensor, Tensor]) as [Tensor, Hidden];
    output = this.drop(output);
    let decoded = this.decoder(output);
    decoded = decoded.view(-1, this.ntoken);
    return [F.log_softmax(decoded, { dim: 1 }), new_hidden];
  }
  init_hidden(bsz: number): Hidden {
    const weight = this.parameters()[Symbol.iterator]().next().value as Tensor;
    if (this.rnn_type === "LSTM") return [weight.new_zeros(this.nlayers, bsz, this.nhid), weight.new_zeros(this.nlayers, bsz, this.nhid)];
    return weight.new_zeros(this.nlayers, bsz, this.nhid);
  }
}

const fmt = (v: number, width: number, digits?: number) => (digits === undefined ? String(v) : v.toFixed(digits)).padStart(width);

test("word_language_model: tied LSTM, batchify/get_batch, repackage_hidden, manual SGD, save/load", () => {
  const printed: string[] = [];
  const print = (...a: unknown[]) => printed.push(a.map(String).join(" "));
  const args = {
    model: "LSTM", emsize: 16, nhid: 16, nlayers: 2, lr: 20, clip: 0.25, epochs: 3, batch_size: 4, bptt: 5,
    dropout: 0.2, tied: true, seed: 1111, log_interval: 2, dry_run: false,
    save: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wlm-")), "model.pt"),
  };
  // Set the random seed manually for reproducibility.
  torch.manual_seed(args.seed);
  const corpus = new Corpus();

  function batchify(data: Tensor, bsz: number): Tensor {
    // Work out how cleanly we can divide the dataset into bsz parts.
    const nbatch = Math.floor(data.size(0) / bsz);
    // Trim off any extra elements that wouldn't cleanly fit (remainders).
    data = data.narrow(0, 0, nbatch * bsz);
    // Evenly divide the data across the bsz batches.
    data = data.view(bsz, -1).t().contiguous();
    return data;
  }

  const eval_batch_size = 2;
  const train_data = batchify(corpus.train, args.batch_size);
  const val_data = batchify(corpus.valid, eval_batch_size);
  const test_data = batchify(corpus.test, eval_batch_size);
  expectTensor(train_data, R.train_data as Encoded);
  expect(corpus.dictionary.length).toBe(R.ntokens);

  // Build the model
  const ntokens = corpus.dictionary.length;
  let model = new RNNModel(args.model, ntokens, args.emsize, args.nhid, args.nlayers, args.dropout, args.tied);
  expect(model.parameters().length).toBe(R.n_params);
  expect(Object.keys(model.state_dict())).toEqual(R.state_keys);
  const [, invalidMsg] = R.invalid_model as string[];
  expect(() => new RNNModel("LSTMX", ntokens, 16, 16, 1)).toThrow(invalidMsg);
  expect(() => new RNNModel("GRU", ntokens, 16, 8, 1, 0.0, true)).toThrow((R.tied_error as string[])[1]);
  const criterion = new nn.NLLLoss();

  // Wraps hidden states in new Tensors, to detach them from their history.
  function repackage_hidden(h: Hidden): Hidden {
    if (h instanceof torch.Tensor) return h.detach();
    return h.map((v) => repackage_hidden(v));
  }

  function get_batch(source: Tensor, i: number): [Tensor, Tensor] {
    const seq_len = Math.min(args.bptt, source.length - 1 - i);
    const data = source.index(`${i}:${i + seq_len}`);
    const target = source.index(`${i + 1}:${i + 1 + seq_len}`).view(-1);
    return [data, target];
  }

  function evaluate(data_source: Tensor): number {
    // Turn on evaluation mode which disables dropout.
    model.eval();
    let total_loss = 0;
    let hidden = model.init_hidden(eval_batch_size);
    torch.no_grad(() => {
      for (let i = 0; i < data_source.size(0) - 1; i += args.bptt) {
        const [data, targets] = get_batch(data_source, i);
        let output: Tensor;
        [output, hidden] = model(data, hidden);
        hidden = repackage_hidden(hidden);
        total_loss += data.length * criterion(output, targets).item();
      }
    });
    return total_loss / (data_source.length - 1);
  }

  function train(): void {
    // Turn on training mode which enables dropout.
    model.train();
    let total_loss = 0;
    let hidden = model.init_hidden(args.batch_size);
    for (let batch = 0, i = 0; i < train_data.size(0) - 1; batch++, i += args.bptt) {
      const [data, targets] = get_batch(train_data, i);
      // Starting each batch, we detach the hidden state from how it was previously produced.
      model.zero_grad();
      hidden = repackage_hidden(hidden);
      let output: Tensor;
      [output, hidden] = model(data, hidden);
      const loss = criterion(output, targets);
      loss.backward();
      // `clip_grad_norm` helps prevent the exploding gradient problem in RNNs / LSTMs.
      torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip);
      for (const p of model.parameters()) p.data.add_(p.grad!, { alpha: -lr });
      total_loss += loss.item();
      if (batch % args.log_interval === 0 && batch > 0) {
        const cur_loss = total_loss / args.log_interval;
        const elapsed = 0;
        print(
          `| epoch ${fmt(epoch, 3)} | ${fmt(batch, 5)}/${fmt(Math.floor(train_data.length / args.bptt), 5)} batches | lr ${lr.toFixed(2).padStart(2, "0")} | ms/batch ${fmt((elapsed * 1000) / args.log_interval, 5, 2)} | ` +
            `loss ${fmt(cur_loss, 5, 2)} | ppl ${fmt(Math.exp(cur_loss), 8, 2)}`,
        );
        total_loss = 0;
      }
      if (args.dry_run) break;
    }
  }

  // Loop over epochs.
  let lr = args.lr;
  let best_val_loss: number | null = null;
  let epoch = 1;
  const val_losses: number[] = [];
  torch.serialization.add_safe_globals([RNNModel]);
  for (epoch = 1; epoch < args.epochs + 1; epoch++) {
    train();
    const val_loss = evaluate(val_data);
    val_losses.push(val_loss);
    print("-".repeat(89));
    print(`| end of epoch ${fmt(epoch, 3)} | time: ${fmt(0, 5, 2)}s | valid loss ${fmt(val_loss, 5, 2)} | valid ppl ${fmt(Math.exp(val_loss), 8, 2)}`);
    print("-".repeat(89));
    // Save the model if the validation loss is the best we've seen so far.
    if (!best_val_loss || val_loss < best_val_loss) {
      torch.save(model, args.save);
      best_val_loss = val_loss;
    } else {
      // Anneal the learning rate if no improvement has been seen in the validation dataset.
      lr /= 4.0;
    }
  }
  val_losses.forEach((v, k) => expect(v).toBeCloseTo((R.val_losses as number[])[k], 4));
  expect(model.decoder.weight === model.encoder.weight).toBe(R.tied_after);

  // Load the best saved model.
  model = torch.load<RNNModel>(args.save, { weights_only: false });
  // after load the rnn params are not a continuous chunk of memory; this makes them a continuous chunk
  model.rnn.flatten_parameters();
  expect(model instanceof RNNModel).toBe(true);
  expect(model.decoder.weight === model.encoder.weight).toBe(R.tied_loaded);
  // Run on test data.
  const test_loss = evaluate(test_data);
  print("=".repeat(89));
  print(`| End of training | test loss ${fmt(test_loss, 5, 2)} | test ppl ${fmt(Math.exp(test_loss), 8, 2)}`);
  print("=".repeat(89));
  expect(test_loss).toBeCloseTo(R.test_loss as number, 4);
  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  printed.forEach((p, i) => expectSamePrint(p, want[i], 1e-2));
});
