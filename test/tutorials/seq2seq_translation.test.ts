/**
 * "NLP From Scratch: Translation with a Sequence to Sequence Network and Attention" (pytorch/tutorials
 * intermediate_source/seq2seq_translation_tutorial.py, the EncoderRNN / AttnDecoderRNN version)
 * ported line by line against PyTorch 1.13 (test/reference/gen_tutorials3.py, section
 * seq2seq_translation): Lang, normalizeString and the eng_prefixes filter, an EncoderRNN on nn.GRU
 * whose outputs are written into `encoder_outputs[ei]` (autograd through the indexed write), the
 * AttnDecoderRNN's softmax attention applied with torch.bmm, dropout while training (PyTorch's masks:
 * the same seeded generator), teacher forcing and free-running decoding with NLLLoss, two SGD
 * optimisers, and greedy evaluation that records the attention rows (`decoder_attentions[di] = ...`,
 * a [1, 10] row into a [10] slot). The eng-fra pairs are a dozen written inline, random.choice is a
 * fixed cycle and random.random() alternates so both decoding branches run.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("seq2seq_translation");

const PAIRS_TEXT = `Go.\tVa !
Run!\tCours !
I am cold.\tJ'ai froid.
He is tall.\tIl est grand.
She is happy.\tElle est heureuse.
We are friends.\tNous sommes amis.
You are late.\tVous êtes en retard.
I am tired.\tJe suis fatigué.
He is a teacher.\tIl est professeur.
They are here.\tIls sont là.
She is not here.\tElle n'est pas là.
I am very hungry!\tJ'ai très faim !`;

const SOS_token = 0;
const EOS_token = 1;

class Lang {
  name: string;
  word2index: Record<string, number> = {};
  word2count: Record<string, number> = {};
  index2word: Record<number, string> = { 0: "SOS", 1: "EOS" };
  n_words = 2; // Count SOS and EOS
  constructor(name: string) {
    this.name = name;
  }
  addSentence(sentence: string): void {
    for (const word of sentence.split(" ")) this.addWord(word);
  }
  addWord(word: string): void {
    if (!(word in this.word2index)) {
      this.word2index[word] = this.n_words;
      this.word2count[word] = 1;
      this.index2word[this.n_words] = word;
      this.n_words += 1;
    } else {
      this.word2count[word] += 1;
    }
  }
}

// Turn a Unicode string to plain ASCII
const unicodeToAscii = (s: string) => [...s.normalize("NFD")].filter((c) => !/\p{Mn}/u.test(c)).join("");

// Lowercase, trim, and remove non-letter characters
function normalizeString(s: string): string {
  s = unicodeToAscii(s.toLowerCase().trim());
  s = s.replace(/([.!?])/g, " $1");
  s = s.replace(/[^a-zA-Z.!?]+/g, " ");
  return s;
}

function readLangs(lang1: string, lang2: string, reverse = false): [Lang, Lang, string[][]] {
  const lines = PAIRS_TEXT.trim().split("\n");
  let pairs = lines.map((l) => l.split("\t").map(normalizeString));
  if (reverse) {
    pairs = pairs.map((p) => [...p].reverse());
    return [new Lang(lang2), new Lang(lang1), pairs];
  }
  return [new Lang(lang1), new Lang(lang2), pairs];
}

const MAX_LENGTH = 10;
const eng_prefixes = ["i am ", "i m ", "he is", "he s ", "she is", "she s ", "you are", "you re ", "we are", "we re ", "they are", "they re "];
const filterPair = (p: string[]) => p[0].split(" ").length < MAX_LENGTH && p[1].split(" ").length < MAX_LENGTH && eng_prefixes.some((e) => p[1].startsWith(e));
const filterPairs = (pairs: string[][]) => pairs.filter(filterPair);

function prepareData(lang1: string, lang2: string, reverse = false): [Lang, Lang, string[][]] {
  const [input_lang, output_lang, all] = readLangs(lang1, lang2, reverse);
  const pairs = filterPairs(all);
  for (const pair of pairs) {
    input_lang.addSentence(pair[0]);
    output_lang.addSentence(pair[1]);
  }
  return [input_lang, output_lang, pairs];
}

class EncoderRNN extends nn.Module {
  hidden_size: number;
  embedding: InstanceType<typeof nn.Embedding>;
  gru: InstanceType<typeof nn.GRU>;
  constructor(input_size: number, hidden_size: number) {
    super();
    this.hidden_size = hidden_size;
    this.embedding = new nn.Embedding(input_size, hidden_size);
    this.gru = new nn.GRU(hidden_size, hidden_size);
  }
  forward(input: Tensor, hidden: Tensor): [Tensor, Tensor] {
    const embedded = this.embedding(input).view(1, 1, -1);
    let output = embedded;
    [output, hidden] = this.gru(output, hidden);
    return [output, hidden];
  }
  initHidden(): Tensor {
    return torch.zeros(1, 1, this.hidden_size);
  }
}

class AttnDecoderRNN extends nn.Module {
  hidden_size: number;
  output_size: number;
  dropout_p: number;
  max_length: number;
  embedding: InstanceType<typeof nn.Embedding>;
  attn: InstanceType<typeof nn.Linear>;
  attn_combine: InstanceType<typeof nn.Linear>;
  dropout: InstanceType<typeof nn.Dropout>;
  gru: InstanceType<typeof nn.GRU>;
  out: InstanceType<typeof nn.Linear>;
  constructor(hidden_size: number, output_size: number, dropout_p = 0.1, max_length = MAX_LENGTH) {
    super();
    this.hidden_size = hidden_size;
    this.output_size = output_size;
    this.dropout_p = dropout_p;
    this.max_length = max_length;
    this.embedding = new nn.Embedding(this.output_size, this.hidden_size);
    this.attn = new nn.Linear(this.hidden_size * 2, this.max_length);
    this.attn_combine = new nn.Linear(this.hidden_size * 2, this.hidden_size);
    this.dropout = new nn.Dropout(this.dropout_p);
    this.gru = new nn.GRU(this.hidden_size, this.hidden_size);
    this.out = new nn.Linear(this.hidden_size, this.output_size);
  }
  forward(input: Tensor, hidden: Tensor, encoder_outputs: Tensor): [Tensor, Tensor, Tensor] {
    let embedded = this.embedding(input).view(1, 1, -1);
    embedded = this.dropout(embedded);
    const attn_weights = F.softmax(this.attn(torch.cat([embedded.get(0), hidden.get(0)], 1)), { dim: 1 });
    const attn_applied = torch.bmm(attn_weights.unsqueeze(0), encoder_outputs.unsqueeze(0));
    let output = torch.cat([embedded.get(0), attn_applied.get(0)], 1);
    output = this.attn_combine(output).unsqueeze(0);
    output = F.relu(output);
    [output, hidden] = this.gru(output, hidden);
    output = F.log_softmax(this.out(output.get(0)), { dim: 1 });
    return [output, hidden, attn_weights];
  }
}

test("seq2seq_translation: GRU encoder, attention decoder with bmm, teacher forcing, greedy evaluation", () => {
  const [input_lang, output_lang, pairs] = prepareData("eng", "fra", true);
  expect(pairs).toEqual(R.pairs);
  expect([input_lang.n_words, output_lang.n_words]).toEqual(R.n_words);

  const indexesFromSentence = (lang: Lang, sentence: string) => sentence.split(" ").map((word) => lang.word2index[word]);
  function tensorFromSentence(lang: Lang, sentence: string): Tensor {
    const indexes = indexesFromSentence(lang, sentence);
    indexes.push(EOS_token);
    return torch.tensor(indexes, { dtype: torch.long }).view(-1, 1);
  }
  const tensorsFromPair = (pair: string[]): [Tensor, Tensor] => [tensorFromSentence(input_lang, pair[0]), tensorFromSentence(output_lang, pair[1])];

  const teacher_forcing_ratio = 0.5;
  let coin = 0;
  // random.random(), replaced by 0.25, 0.75, 0.25, ...: teacher forcing on every other pair.
  const random_random = () => (++coin % 2 === 1 ? 0.25 : 0.75);

  function train(
    input_tensor: Tensor, target_tensor: Tensor, encoder: EncoderRNN, decoder: AttnDecoderRNN,
    encoder_optimizer: InstanceType<typeof optim.SGD>, decoder_optimizer: InstanceType<typeof optim.SGD>,
    criterion: InstanceType<typeof nn.NLLLoss>, max_length = MAX_LENGTH,
  ): number {
    let encoder_hidden = encoder.initHidden();
    encoder_optimizer.zero_grad();
    decoder_optimizer.zero_grad();
    const input_length = input_tensor.size(0);
    const target_length = target_tensor.size(0);
    const encoder_outputs = torch.zeros(max_length, encoder.hidden_size);
    let loss = torch.tensor(0.0);
    for (let ei = 0; ei < input_length; ei++) {
      let encoder_output: Tensor;
      [encoder_output, encoder_hidden] = encoder(input_tensor.get(ei), encoder_hidden);
      encoder_outputs.setitem(ei, encoder_output.index("0, 0"));
    }
    let decoder_input = torch.tensor([[SOS_token]]);
    let decoder_hidden = encoder_hidden;
    const use_teacher_forcing = random_random() < teacher_forcing_ratio;
    if (use_teacher_forcing) {
      // Teacher forcing: Feed the target as the next input
      for (let di = 0; di < target_length; di++) {
        let decoder_output: Tensor;
        [decoder_output, decoder_hidden] = decoder(decoder_input, decoder_hidden, encoder_outputs);
        loss = loss.add(criterion(decoder_output, target_tensor.get(di)));
        decoder_input = target_tensor.get(di); // Teacher forcing
      }
    } else {
      // Without teacher forcing: use its own predictions as the next input
      for (let di = 0; di < target_length; di++) {
        let decoder_output: Tensor;
        [decoder_output, decoder_hidden] = decoder(decoder_input, decoder_hidden, encoder_outputs);
        const [, topi] = decoder_output.topk(1);
        decoder_input = topi.squeeze().detach(); // detach from history as input
        loss = loss.add(criterion(decoder_output, target_tensor.get(di)));
        if (decoder_input.item() === EOS_token) break;
      }
    }
    loss.backward();
    encoder_optimizer.step();
    decoder_optimizer.step();
    return loss.item() / target_length;
  }

  function trainIters(encoder: EncoderRNN, decoder: AttnDecoderRNN, n_iters: number, print_every = 1000, plot_every = 100, learning_rate = 0.01): [string[], number[]] {
    const plot_losses: number[] = [];
    let print_loss_total = 0; // Reset every print_every
    let plot_loss_total = 0; // Reset every plot_every
    const encoder_optimizer = new optim.SGD(encoder.parameters(), { lr: learning_rate });
    const decoder_optimizer = new optim.SGD(decoder.parameters(), { lr: learning_rate });
    // random.choice(pairs), replaced by a fixed cycle
    const training_pairs = Array.from({ length: n_iters }, (_, i) => tensorsFromPair(pairs[(i * 5) % pairs.length]));
    const criterion = new nn.NLLLoss();
    const printed: string[] = [];
    for (let iter = 1; iter <= n_iters; iter++) {
      const [input_tensor, target_tensor] = training_pairs[iter - 1];
      const loss = train(input_tensor, target_tensor, encoder, decoder, encoder_optimizer, decoder_optimizer, criterion);
      print_loss_total += loss;
      plot_loss_total += loss;
      if (iter % print_every === 0) {
        const print_loss_avg = print_loss_total / print_every;
        print_loss_total = 0;
        printed.push(`(${iter} ${Math.trunc((iter / n_iters) * 100)}%) ${print_loss_avg.toFixed(4)}`);
      }
      if (iter % plot_every === 0) {
        plot_losses.push(plot_loss_total / plot_every);
        plot_loss_total = 0;
      }
    }
    return [printed, plot_losses];
  }

  function evaluate(encoder: EncoderRNN, decoder: AttnDecoderRNN, sentence: string, max_length = MAX_LENGTH): [string[], Tensor] {
    return torch.no_grad(() => {
      const input_tensor = tensorFromSentence(input_lang, sentence);
      const input_length = input_tensor.size()[0];
      let encoder_hidden = encoder.initHidden();
      const encoder_outputs = torch.zeros(max_length, encoder.hidden_size);
      for (let ei = 0; ei < input_length; ei++) {
        let encoder_output: Tensor;
        [encoder_output, encoder_hidden] = encoder(input_tensor.get(ei), encoder_hidden);
        encoder_outputs.get(ei).add_(encoder_output.index("0, 0")); // encoder_outputs[ei] += encoder_output[0, 0]
      }
      let decoder_input = torch.tensor([[SOS_token]]); // SOS
      let decoder_hidden = encoder_hidden;
      const decoded_words: string[] = [];
      const decoder_attentions = torch.zeros(max_length, max_length);
      let di = 0;
      for (; di < max_length; di++) {
        let decoder_output: Tensor;
        let decoder_attention: Tensor;
        [decoder_output, decoder_hidden, decoder_attention] = decoder(decoder_input, decoder_hidden, encoder_outputs);
        decoder_attentions.setitem(di, decoder_attention.data);
        const [, topi] = decoder_output.data.topk(1);
        if (topi.item() === EOS_token) {
          decoded_words.push("<EOS>");
          break;
        }
        decoded_words.push(output_lang.index2word[topi.item()]);
        decoder_input = topi.squeeze().detach();
      }
      return [decoded_words, decoder_attentions.index(`:${di + 1}`)];
    });
  }

  torch.manual_seed(0);
  const hidden_size = 32;
  const encoder1 = new EncoderRNN(input_lang.n_words, hidden_size);
  const attn_decoder1 = new AttnDecoderRNN(hidden_size, output_lang.n_words, 0.1);
  expect(String(encoder1)).toBe(R.encoder_repr);
  expect(String(attn_decoder1)).toBe(R.decoder_repr);
  const [printed, plot_losses] = trainIters(encoder1, attn_decoder1, 40, 10, 5, 0.05);
  expect(printed.length).toBe((R.printed as string[]).length);
  (R.printed as string[]).forEach((want, i) => expectSamePrint(printed[i], want, 1e-3));
  plot_losses.forEach((l, i) => expect(Math.abs(l - (R.plot_losses as number[])[i])).toBeLessThan(1e-3));
  encoder1.eval();
  attn_decoder1.eval();
  const [output_words, attentions] = evaluate(encoder1, attn_decoder1, pairs[0][0]);
  expect(output_words).toEqual(R.output_words);
  expectTensor(attentions, R.attentions as Encoded, 1e-3);
});
