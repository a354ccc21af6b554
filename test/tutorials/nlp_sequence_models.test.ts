/**
 * "Sequence Models and Long Short-Term Memory Networks" (pytorch/tutorials beginner_source/nlp/
 * sequence_models_tutorial.py) ported line by line against PyTorch 1.13 (test/reference/
 * gen_tutorials4.py, section nlp_sequence_models): an nn.LSTM stepped one element at a time and run
 * over the whole sequence (printed output and (h, c)), then the LSTM part-of-speech tagger trained
 * with NLLLoss and SGD (60 epochs instead of 300), its tag scores printed before and after.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("nlp_sequence_models");

function prepare_sequence(seq: string[], to_ix: Map<string, number>): Tensor {
  const idxs = seq.map((w) => to_ix.get(w)!);
  return torch.tensor(idxs, { dtype: torch.long });
}

class LSTMTagger extends nn.Module {
  hidden_dim: number;
  word_embeddings: InstanceType<typeof nn.Embedding>;
  lstm: InstanceType<typeof nn.LSTM>;
  hidden2tag: InstanceType<typeof nn.Linear>;
  constructor(embedding_dim: number, hidden_dim: number, vocab_size: number, tagset_size: number) {
    super();
    this.hidden_dim = hidden_dim;
    this.word_embeddings = new nn.Embedding(vocab_size, embedding_dim);
    // The LSTM takes word embeddings as inputs, and outputs hidden states with dimensionality hidden_dim.
    this.lstm = new nn.LSTM(embedding_dim, hidden_dim);
    // The linear layer that maps from hidden state space to tag space
    this.hidden2tag = new nn.Linear(hidden_dim, tagset_size);
  }
  forward(sentence: Tensor): Tensor {
    const embeds = this.word_embeddings(sentence);
    const [lstm_out] = this.lstm(embeds.view(sentence.size(0), 1, -1));
    const tag_space = this.hidden2tag(lstm_out.view(sentence.size(0), -1));
    const tag_scores = F.log_softmax(tag_space, { dim: 1 });
    return tag_scores;
  }
}

test("sequence models: an LSTM step by step and whole, then the LSTM POS tagger", () => {
  const printed: string[] = [];
  const print = (...a: unknown[]) => printed.push(a.map((x) => String(x)).join(" "));
  torch.manual_seed(1);
  const lstm = new nn.LSTM(3, 3); // Input dim is 3, output dim is 3
  let inputs: Tensor[] = Array.from({ length: 5 }, () => torch.randn(1, 3)); // make a sequence of length 5
  // initialize the hidden state.
  let hidden: [Tensor, Tensor] = [torch.randn(1, 1, 3), torch.randn(1, 1, 3)];
  let out!: Tensor;
  for (const i of inputs) {
    // Step through the sequence one element at a time.
    [out, hidden] = lstm(i.view(1, 1, -1), hidden);
  }
  expectTensor(out, R.step_out as Encoded);
  const all = torch.cat(inputs).view(inputs.length, 1, -1);
  hidden = [torch.randn(1, 1, 3), torch.randn(1, 1, 3)]; // clean out hidden state
  [out, hidden] = lstm(all, hidden);
  print(out);
  print(hidden[0]);
  print(hidden[1]);

  const training_data: [string[], string[]][] = [
    ["The dog ate the apple".split(" "), ["DET", "NN", "V", "DET", "NN"]],
    ["Everybody read that book".split(" "), ["NN", "V", "DET", "NN"]],
  ];
  const word_to_ix = new Map<string, number>();
  for (const [sent] of training_data) {
    for (const word of sent) {
      if (!word_to_ix.has(word)) word_to_ix.set(word, word_to_ix.size);
    }
  }
  const tag_to_ix = new Map([["DET", 0], ["NN", 1], ["V", 2]]);
  const EMBEDDING_DIM = 6;
  const HIDDEN_DIM = 6;

  const model = new LSTMTagger(EMBEDDING_DIM, HIDDEN_DIM, word_to_ix.size, tag_to_ix.size);
  const loss_function = new nn.NLLLoss();
  const optimizer = new optim.SGD(model.parameters(), { lr: 0.1 });
  torch.no_grad(() => {
    const inputs = prepare_sequence(training_data[0][0], word_to_ix);
    const tag_scores = model(inputs);
    print(tag_scores);
  });
  const losses: number[] = [];
  function train(epochs: number): void {
    for (let epoch = 0; epoch < epochs; epoch++) {
      let loss!: Tensor;
      for (const [sentence, tags] of training_data) {
        model.zero_grad();
        const sentence_in = prepare_sequence(sentence, word_to_ix);
        const targets = prepare_sequence(tags, tag_to_ix);
        const tag_scores = model(sentence_in);
        loss = loss_function(tag_scores, targets);
        loss.backward();
        optimizer.step();
      }
      losses.push(loss.item());
    }
  }
  train(60);
  let tag_scores!: Tensor;
  torch.no_grad(() => {
    inputs = [prepare_sequence(training_data[0][0], word_to_ix)];
    tag_scores = model(inputs[0]);
    print(tag_scores);
  });
  (R.losses as number[]).forEach((w, i) => expect(Math.abs(losses[i] - w)).toBeLessThan(1e-4));
  expect(Array.from(tag_scores.argmax({ dim: 1 }).dataSync())).toEqual(R.argmax);
  expect(printed.length).toBe((R.printed as string[]).length);
  (R.printed as string[]).forEach((w, i) => expectSamePrint(printed[i], w));
});
