/**
 * "Chatbot Tutorial" (pytorch/tutorials beginner_source/chatbot_tutorial.py), the model parts, ported
 * line by line against PyTorch 1.13 (test/reference/gen_tutorials5.py, section chatbot): Voc, padded
 * batches built with zip_longest and torch.LongTensor / torch.BoolTensor, an EncoderRNN that packs the
 * embedded batch (nn.utils.rnn.pack_padded_sequence) through a 2-layer bidirectional GRU and unpacks it
 * (pad_packed_sequence), Luong attention (dot / general / concat), the masked NLL loss, train() with
 * both branches (teacher forcing, and greedy topk inputs built from 0-d tensors), gradient clipping with
 * nn.utils.clip_grad_norm_, two Adam optimisers, and GreedySearchDecoder. The Cornell dialogs are six
 * inline pairs, sizes are shrunk, random.choice is a fixed cycle and random.random() alternates.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, det, Encoded } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("chatbot");

const PAIRS = [
  ["hi .", "hello ."],
  ["how are you ?", "i am fine ."],
  ["what is your name ?", "my name is bot ."],
  ["where are you from ?", "i am from here ."],
  ["are you a bot ?", "yes i am ."],
  ["good night .", "good night ."],
];

const device = torch.device("cpu");
const PAD_token = 0; // Used for padding short sentences
const SOS_token = 1; // Start-of-sentence token
const EOS_token = 2; // End-of-sentence token
const MAX_LENGTH = 10;

class Voc {
  name: string;
  trimmed = false;
  word2index: Record<string, number> = {};
  word2count: Record<string, number> = {};
  index2word: Record<number, string> = { [PAD_token]: "PAD", [SOS_token]: "SOS", [EOS_token]: "EOS" };
  num_words = 3; // Count SOS, EOS, PAD
  constructor(name: string) {
    this.name = name;
  }
  addSentence(sentence: string): void {
    for (const word of sentence.split(" ")) this.addWord(word);
  }
  addWord(word: string): void {
    if (!(word in this.word2index)) {
      this.word2index[word] = this.num_words;
      this.word2count[word] = 1;
      this.index2word[this.num_words] = word;
      this.num_words += 1;
    } else {
      this.word2count[word] += 1;
    }
  }
}

const indexesFromSentence = (voc: Voc, sentence: string) => [...sentence.split(" ").map((word) => voc.word2index[word]), EOS_token];

// itertools.zip_longest(*l, fillvalue=PAD_token)
function zeroPadding(l: number[][], fillvalue = PAD_token): number[][] {
  const n = Math.max(...l.map((s) => s.length));
  return Array.from({ length: n }, (_, t) => l.map((s) => (t < s.length ? s[t] : fillvalue)));
}

function binaryMatrix(l: number[][]): number[][] {
  const m: number[][] = [];
  l.forEach((seq, i) => {
    m.push([]);
    for (const token of seq) m[i].push(token === PAD_token ? 0 : 1);
  });
  return m;
}

// Returns padded input sequence tensor and lengths
function inputVar(l: string[], voc: Voc): [Tensor, Tensor] {
  const indexes_batch = l.map((sentence) => indexesFromSentence(voc, sentence));
  const lengths = torch.tensor(indexes_batch.map((indexes) => indexes.length));
  const padList = zeroPadding(indexes_batch);
  const padVar = torch.LongTensor(padList);
  return [padVar, lengths];
}

// Returns padded target sequence tensor, padding mask, and max target length
function outputVar(l: string[], voc: Voc): [Tensor, Tensor, number] {
  const indexes_batch = l.map((sentence) => indexesFromSentence(voc, sentence));
  const max_target_len = Math.max(...indexes_batch.map((indexes) => indexes.length));
  const padList = zeroPadding(indexes_batch);
  const mask = torch.BoolTensor(binaryMatrix(padList));
  const padVar = torch.LongTensor(padList);
  return [padVar, mask, max_target_len];
}

type Batch = [Tensor, Tensor, Tensor, Tensor, number];
// Returns all items for a given batch of pairs
function batch2TrainData(voc: Voc, pair_batch: string[][]): Batch {
  pair_batch.sort((x, y) => y[0].split(" ").length - x[0].split(" ").length);
  const input_batch: string[] = [];
  const output_batch: string[] = [];
  for (const pair of pair_batch) {
    input_batch.push(pair[0]);
    output_batch.push(pair[1]);
  }
  const [inp, lengths] = inputVar(input_batch, voc);
  const [output, mask, max_target_len] = outputVar(output_batch, voc);
  return [inp, lengths, output, mask, max_target_len];
}

class EncoderRNN extends nn.Module {
  n_layers: number;
  hidden_size: number;
  embedding: InstanceType<typeof nn.Embedding>;
  gru: InstanceType<typeof nn.GRU>;
  constructor(hidden_size: number, embedding: InstanceType<typeof nn.Embedding>, n_layers = 1, dropout = 0) {
    super();
    this.n_layers = n_layers;
    this.hidden_size = hidden_size;
    this.embedding = embedding;
    // Initialize GRU; the input_size and hidden_size params are both set to 'hidden_size'
    this.gru = new nn.GRU(hidden_size, hidden_size, n_layers, { dropout: n_layers === 1 ? 0 : dropout, bidirectional: true });
  }
  forward(input_seq: Tensor, input_lengths: Tensor, hidden: Tensor | null = null): [Tensor, Tensor] {
    // Convert word indexes to embeddings
    const embedded = this.embedding(input_seq);
    // Pack padded batch of sequences for RNN module
    const packed = nn.utils.rnn.pack_padded_sequence(embedded, input_lengths);
    // Forward pass through GRU
    const [packed_outputs, new_hidden] = this.gru(packed, hidden);
    // Unpack padding
    let [outputs] = nn.utils.rnn.pad_packed_sequence(packed_outputs);
    // Sum bidirectional GRU outputs
    outputs = outputs.index(`:, :, :${this.hidden_size}`).add(outputs.index(`:, :, ${this.hidden_size}:`));
    // Return output and final hidden state
    return [outputs, new_hidden];
  }
}

// Luong attention layer
class Attn extends nn.Module {
  method: string;
  hidden_size: number;
  attn?: InstanceType<typeof nn.Linear>;
  v?: InstanceType<typeof nn.Parameter>;
  constructor(method: string, hidden_size: number) {
    super();
    this.method = method;
    if (!["dot", "general", "concat"].includes(this.method)) throw new Error(`${this.method} is not an appropriate attention method.`);
    this.hidden_size = hidden_size;
    if (this.method === "general") {
      this.attn = new nn.Linear(this.hidden_size, hidden_size);
    } else if (this.method === "concat") {
      this.attn = new nn.Linear(this.hidden_size * 2, hidden_size);
      // torch.FloatTensor(hidden_size) is uninitialised memory; both sides fill it with det()
      this.v = new nn.Parameter(torch.FloatTensor(hidden_size));
      torch.no_grad(() => this.v!.copy_(det([hidden_size], 5)));
    }
  }
  dot_score(hidden: Tensor, encoder_output: Tensor): Tensor {
    return torch.sum(hidden.mul(encoder_output), { dim: 2 });
  }
  general_score(hidden: Tensor, encoder_output: Tensor): Tensor {
    const energy = this.attn!(encoder_output);
    return torch.sum(hidden.mul(energy), { dim: 2 });
  }
  concat_score(hidden: Tensor, encoder_output: Tensor): Tensor {
    const energy = this.attn!(torch.cat([hidden.expand(encoder_output.size(0), -1, -1), encoder_output], 2)).tanh();
    return torch.sum(this.v!.mul(energy), { dim: 2 });
  }
  forward(hidden: Tensor, encoder_outputs: Tensor): Tensor {
    // Calculate the attention weights (energies) based on the given method
    let attn_energies!: Tensor;
    if (this.method === "general") attn_energies = this.general_score(hidden, encoder_outputs);
    else if (this.method === "concat") attn_energies = this.concat_score(hidden, encoder_outputs);
    else if (this.method === "dot") attn_energies = this.dot_score(hidden, encoder_outputs);
    // Transpose max_length and batch_size dimensions
    attn_energies = attn_energies.t();
    // Return the softmax normalized probability scores (with added dimension)
    return F.softmax(attn_energies, { dim: 1 }).unsqueeze(1);
  }
}

class LuongAttnDecoderRNN extends nn.Module {
  attn_model: string;
  hidden_size: number;
  output_size: number;
  n_layers: number;
  dropout: number;
  embedding: InstanceType<typeof nn.Embedding>;
  embedding_dropout: InstanceType<typeof nn.Dropout>;
  gru: InstanceType<typeof nn.GRU>;
  concat: InstanceType<typeof nn.Linear>;
  out: InstanceType<typeof nn.Linear>;
  attn: Attn;
  constructor(attn_model: string, embedding: InstanceType<typeof nn.Embedding>, hidden_size: number, output_size: number, n_layers = 1, dropout = 0.1) {
    super();
    // Keep for reference
    this.attn_model = attn_model;
    this.hidden_size = hidden_size;
    this.output_size = output_size;
    this.n_layers = n_layers;
    this.dropout = dropout;
    // Define layers
    this.embedding = embedding;
    this.embedding_dropout = new nn.Dropout(dropout);
    this.gru = new nn.GRU(hidden_size, hidden_size, n_layers, { dropout: n_layers === 1 ? 0 : dropout });
    this.concat = new nn.Linear(hidden_size * 2, hidden_size);
    this.out = new nn.Linear(hidden_size, output_size);
    this.attn = new Attn(attn_model, hidden_size);
  }
  forward(input_step: Tensor, last_hidden: Tensor, encoder_outputs: Tensor): [Tensor, Tensor] {
    // Note: we run this one step (word) at a time
    let embedded = this.embedding(input_step);
    embedded = this.embedding_dropout(embedded);
    // Forward through unidirectional GRU
    let [rnn_output, hidden] = this.gru(embedded, last_hidden);
    // Calculate attention weights from the current GRU output
    const attn_weights = this.attn(rnn_output, encoder_outputs);
    // Multiply attention weights to encoder outputs to get new "weighted sum" context vector
    let context = attn_weights.bmm(encoder_outputs.transpose(0, 1));
    // Concatenate weighted context vector and GRU output using Luong eq. 5
    rnn_output = rnn_output.squeeze(0);
    context = context.squeeze(1);
    const concat_input = torch.cat([rnn_output, context], 1);
    const concat_output = torch.tanh(this.concat(concat_input));
    // Predict next word using Luong eq. 6
    let output = this.out(concat_output);
    output = F.softmax(output, { dim: 1 });
    // Return output and final hidden state
    return [output, hidden];
  }
}

function maskNLLLoss(inp: Tensor, target: Tensor, mask: Tensor): [Tensor, number] {
  const nTotal = mask.sum();
  const crossEntropy = torch.log(torch.gather(inp, 1, target.view(-1, 1)).squeeze(1)).neg();
  let loss = crossEntropy.masked_select(mask).mean();
  loss = loss.to(device);
  return [loss, nTotal.item()];
}

test("chatbot: packed bidirectional GRU encoder, Luong attention, masked NLL loss, clipping, greedy search", () => {
  torch.manual_seed(1);
  const printed: string[] = [];
  const print = (...a: unknown[]) => printed.push(a.map(String).join(" "));
  let pick = 0;
  const random_choice = <T>(seq: T[]): T => seq[(5 * pick++ + 1) % seq.length];
  let coin = 0;
  const random_random = () => (coin++ % 2 === 0 ? 0.3 : 0.8);

  const voc = new Voc("tiny");
  const pairs = PAIRS;
  for (const pair of pairs) {
    voc.addSentence(pair[0]);
    voc.addSentence(pair[1]);
  }
  print("Counted words:", voc.num_words);

  // Example for validation
  const small_batch_size = 5;
  const batches = batch2TrainData(voc, Array.from({ length: small_batch_size }, () => random_choice(pairs)));
  const [input_variable, lengths, target_variable, mask, max_target_len] = batches;
  print("input_variable:", input_variable);
  print("lengths:", lengths);
  print("target_variable:", target_variable);
  print("mask:", mask);
  print("max_target_len:", max_target_len);

  const teacher_forcing_ratio = 0.5; // the tutorial's 1.0 would never run the greedy branch

  function train(
    input_variable: Tensor, lengths: Tensor, target_variable: Tensor, mask: Tensor, max_target_len: number,
    encoder: EncoderRNN, decoder: LuongAttnDecoderRNN, embedding: InstanceType<typeof nn.Embedding>,
    encoder_optimizer: InstanceType<typeof optim.Adam>, decoder_optimizer: InstanceType<typeof optim.Adam>,
    batch_size: number, clip: number,
  ): number {
    // Zero gradients
    encoder_optimizer.zero_grad();
    decoder_optimizer.zero_grad();
    // Set device options
    input_variable = input_variable.to(device);
    target_variable = target_variable.to(device);
    mask = mask.to(device);
    // Lengths for RNN packing should always be on the CPU
    lengths = lengths.to("cpu");
    // Initialize variables
    let loss: Tensor | number = 0;
    const print_losses: number[] = [];
    let n_totals = 0;
    // Forward pass through encoder
    const [encoder_outputs, encoder_hidden] = encoder(input_variable, lengths);
    // Create initial decoder input (start with SOS tokens for each sentence)
    let decoder_input = torch.LongTensor([Array.from({ length: batch_size }, () => SOS_token)]);
    decoder_input = decoder_input.to(device);
    // Set initial decoder hidden state to the encoder's final hidden state
    let decoder_hidden = encoder_hidden.index(`:${decoder.n_layers}`);
    // Determine if we are using teacher forcing this iteration
    const use_teacher_forcing = random_random() < teacher_forcing_ratio;
    // Forward batch of sequences through decoder one time step at a time
    let decoder_output: Tensor;
    if (use_teacher_forcing) {
      for (let t = 0; t < max_target_len; t++) {
        [decoder_output, decoder_hidden] = decoder(decoder_input, decoder_hidden, encoder_outputs);
        // Teacher forcing: next input is current target
        decoder_input = target_variable.get(t).view(1, -1);
        // Calculate and accumulate loss
        const [mask_loss, nTotal] = maskNLLLoss(decoder_output, target_variable.get(t), mask.get(t));
        loss = mask_loss.add(loss);
        print_losses.push(mask_loss.item() * nTotal);
        n_totals += nTotal;
      }
    } else {
      for (let t = 0; t < max_target_len; t++) {
        [decoder_output, decoder_hidden] = decoder(decoder_input, decoder_hidden, encoder_outputs);
        // No teacher forcing: next input is decoder's own current output
        const [, topi] = decoder_output.topk(1);
        decoder_input = torch.LongTensor([Array.from({ length: batch_size }, (_, i) => topi.get(i).get(0))]);
        decoder_input = decoder_input.to(device);
        // Calculate and accumulate loss
        const [mask_loss, nTotal] = maskNLLLoss(decoder_output, target_variable.get(t), mask.get(t));
        loss = mask_loss.add(loss);
        print_losses.push(mask_loss.item() * nTotal);
        n_totals += nTotal;
      }
    }
    // Perform backpropagation
    (loss as Tensor).backward();
    // Clip gradients: gradients are modified in place
    nn.utils.clip_grad_norm_(encoder.parameters(), clip);
    nn.utils.clip_grad_norm_(decoder.parameters(), clip);
    // Adjust model weights
    encoder_optimizer.step();
    decoder_optimizer.step();
    return print_losses.reduce((a, b) => a + b, 0) / n_totals;
  }

  function trainIters(
    model_name: string, voc: Voc, pairs: string[][], encoder: EncoderRNN, decoder: LuongAttnDecoderRNN,
    encoder_optimizer: InstanceType<typeof optim.Adam>, decoder_optimizer: InstanceType<typeof optim.Adam>,
    embedding: InstanceType<typeof nn.Embedding>, encoder_n_layers: number, decoder_n_layers: number,
    n_iteration: number, batch_size: number, print_every: number, clip: number,
  ): void {
    // Load batches for each iteration
    const training_batches = Array.from({ length: n_iteration }, () => batch2TrainData(voc, Array.from({ length: batch_size }, () => random_choice(pairs))));
    // Initializations
    print("Initializing ...");
    const start_iteration = 1;
    let print_loss = 0;
    // Training loop
    print("Training...");
    for (let iteration = start_iteration; iteration < n_iteration + 1; iteration++) {
      const training_batch = training_batches[iteration - 1];
      // Extract fields from batch
      const [input_variable, lengths, target_variable, mask, max_target_len] = training_batch;
      // Run a training iteration with batch
      const loss = train(input_variable, lengths, target_variable, mask, max_target_len, encoder, decoder, embedding, encoder_optimizer, decoder_optimizer, batch_size, clip);
      print_loss += loss;
      // Print progress
      if (iteration % print_every === 0) {
        const print_loss_avg = print_loss / print_every;
        print(`Iteration: ${iteration}; Percent complete: ${((iteration / n_iteration) * 100).toFixed(1)}%; Average loss: ${print_loss_avg.toFixed(4)}`);
        print_loss = 0;
      }
    }
  }

  class GreedySearchDecoder extends nn.Module {
    encoder: EncoderRNN;
    decoder: LuongAttnDecoderRNN;
    constructor(encoder: EncoderRNN, decoder: LuongAttnDecoderRNN) {
      super();
      this.encoder = encoder;
      this.decoder = decoder;
    }
    forward(input_seq: Tensor, input_length: Tensor, max_length: number): [Tensor, Tensor] {
      // Forward input through encoder model
      const [encoder_outputs, encoder_hidden] = this.encoder(input_seq, input_length);
      // Prepare encoder's final hidden layer to be first hidden input to the decoder
      let decoder_hidden = encoder_hidden.index(`:${decoder.n_layers}`);
      // Initialize decoder input with SOS_token
      let decoder_input = torch.ones(1, 1, { device, dtype: torch.long }).mul(SOS_token);
      // Initialize tensors to append decoded words to
      let all_tokens = torch.zeros([0], { device, dtype: torch.long });
      let all_scores = torch.zeros([0], { device });
      // Iteratively decode one word token at a time
      for (let _ = 0; _ < max_length; _++) {
        // Forward pass through decoder
        let decoder_output: Tensor;
        [decoder_output, decoder_hidden] = this.decoder(decoder_input, decoder_hidden, encoder_outputs);
        // Obtain most likely word token and its softmax score
        let decoder_scores: Tensor;
        [decoder_scores, decoder_input] = torch.max(decoder_output, { dim: 1 });
        // Record token and score
        all_tokens = torch.cat([all_tokens, decoder_input], { dim: 0 });
        all_scores = torch.cat([all_scores, decoder_scores], { dim: 0 });
        // Prepare current token to be next decoder input (add a dimension)
        decoder_input = torch.unsqueeze(decoder_input, 0);
      }
      // Return collections of word tokens and scores
      return [all_tokens, all_scores];
    }
  }

  function evaluate(encoder: EncoderRNN, decoder: LuongAttnDecoderRNN, searcher: GreedySearchDecoder, voc: Voc, sentence: string, max_length = MAX_LENGTH): [string[], Tensor, Tensor] {
    // Format input sentence as a batch
    const indexes_batch = [indexesFromSentence(voc, sentence)];
    // Create lengths tensor
    let lengths = torch.tensor(indexes_batch.map((indexes) => indexes.length));
    // Transpose dimensions of batch to match models' expectations
    let input_batch = torch.LongTensor(indexes_batch).transpose(0, 1);
    // Use appropriate device
    input_batch = input_batch.to(device);
    lengths = lengths.to("cpu");
    // Decode sentence with searcher
    const [tokens, scores] = searcher(input_batch, lengths, max_length);
    // indexes -> words
    const decoded_words = [...tokens].map((token) => voc.index2word[token.item()]);
    return [decoded_words, tokens, scores];
  }

  // Configure models (sizes shrunk: hidden 500 -> 16, batch 64 -> 5; lr 1e-4 -> 1e-2 and clip 50 -> 1)
  const model_name = "cb_model";
  const attn_model = "dot";
  const hidden_size = 16;
  const encoder_n_layers = 2;
  const decoder_n_layers = 2;
  const dropout = 0.1;
  const batch_size = 5;
  print("Building encoder and decoder ...");
  const embedding = new nn.Embedding(voc.num_words, hidden_size);
  let encoder = new EncoderRNN(hidden_size, embedding, encoder_n_layers, dropout);
  let decoder = new LuongAttnDecoderRNN(attn_model, embedding, hidden_size, voc.num_words, decoder_n_layers, dropout);
  encoder = encoder.to(device);
  decoder = decoder.to(device);
  print("Models built and ready to go!");
  print(encoder);
  print(decoder);

  // One forward of the validation batch through the encoder, and each attention method on it
  encoder.eval();
  torch.no_grad(() => {
    const [enc_out, enc_hidden] = encoder(input_variable, lengths);
    expectTensor(enc_out, R.encoder_outputs as Encoded);
    expectTensor(enc_hidden, R.encoder_hidden as Encoded);
    for (const method of ["dot", "general", "concat"]) {
      torch.manual_seed(2);
      const attn = new Attn(method, hidden_size);
      expectTensor(attn(enc_hidden.index(":1"), enc_out), R[`attn_${method}`] as Encoded);
    }
  });
  const packed = nn.utils.rnn.pack_padded_sequence(embedding(input_variable), lengths);
  expect(packed.batch_sizes.tolist()).toEqual(R.packed_batch_sizes);
  expect(packed.data.shape).toEqual(R.packed_data_shape);

  const clip = 1.0;
  const learning_rate = 0.01;
  const decoder_learning_ratio = 5.0;
  const n_iteration = 4;
  const print_every = 1;
  encoder.train();
  decoder.train();
  print("Building optimizers ...");
  const encoder_optimizer = new optim.Adam(encoder.parameters(), { lr: learning_rate });
  const decoder_optimizer = new optim.Adam(decoder.parameters(), { lr: learning_rate * decoder_learning_ratio });
  print("Starting Training!");
  trainIters(model_name, voc, pairs, encoder, decoder, encoder_optimizer, decoder_optimizer, embedding, encoder_n_layers, decoder_n_layers, n_iteration, batch_size, print_every, clip);
  expectTensor(embedding.weight, R.embedding_after as Encoded, 1e-3);
  expect(nn.utils.clip_grad_norm_(decoder.parameters(), 1e9).item()).toBeCloseTo(R.grad_norm_after as number, 3);

  encoder.eval();
  decoder.eval();
  const searcher = new GreedySearchDecoder(encoder, decoder);
  for (const input_sentence of ["how are you ?", "good night ."]) {
    let [output_words, tokens, scores] = evaluate(encoder, decoder, searcher, voc, input_sentence);
    output_words = output_words.filter((x) => !(x === "EOS" || x === "PAD"));
    print("Bot:", output_words.join(" "));
    expectTensor(tokens, R[`tokens_${input_sentence.length}`] as Encoded);
    expectTensor(scores, R[`scores_${input_sentence.length}`] as Encoded, 1e-3);
  }
  const want = R.printed as string[];
  expect(printed.length).toBe(want.length);
  printed.forEach((p, i) => expectSamePrint(p, want[i], 1e-3));
});
