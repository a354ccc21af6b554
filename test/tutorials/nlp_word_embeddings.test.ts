/**
 * "Word Embeddings: Encoding Lexical Semantics" (pytorch/tutorials beginner_source/nlp/
 * word_embeddings_tutorial.py) ported line by line against PyTorch 1.13 (test/reference/
 * gen_tutorials4.py, section nlp_word_embeddings): nn.Embedding lookup, the N-gram language model
 * (Embedding -> view(1, -1) -> Linear -> relu -> Linear -> log_softmax, NLLLoss, SGD) with its
 * per-epoch total losses, and the CBOW exercise with the usual solution. Python's `set(words)` is
 * replaced on both sides by first-appearance order (what `new Set(words)` iterates); the N-gram loop
 * runs 3 epochs instead of 10.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn, optim } = torch;
const F = nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("nlp_word_embeddings");

const TEST_SENTENCE = `When forty winters shall besiege thy brow,
And dig deep trenches in thy beauty's field,
Thy youth's proud livery so gazed on now,
Will be a totter'd weed of small worth held:
Then being asked, where all thy beauty lies,
Where all the treasure of thy lusty days;
To say, within thine own deep sunken eyes,
Were an all-eating shame, and thriftless praise.
How much more praise deserv'd thy beauty's use,
If thou couldst answer 'This fair child of mine
Shall sum my count, and make my old excuse,'
Proving his beauty by succession thine!
This were to be new made when thou art old,
And see thy blood warm when thou feel'st it cold.`;
const RAW_TEXT = `We are about to study the idea of a computational process.
Computational processes are abstract beings that inhabit computers.
As they evolve, processes manipulate other abstract things called data.
The evolution of a process is directed by a pattern of rules
called a program. People create programs to direct processes. In effect,
we conjure the spirits of the computer with our spells.`;
const split = (s: string) => s.split(/\s+/).filter((w) => w.length > 0);

class NGramLanguageModeler extends nn.Module {
  embeddings: InstanceType<typeof nn.Embedding>;
  linear1: InstanceType<typeof nn.Linear>;
  linear2: InstanceType<typeof nn.Linear>;
  constructor(vocab_size: number, embedding_dim: number, context_size: number) {
    super();
    this.embeddings = new nn.Embedding(vocab_size, embedding_dim);
    this.linear1 = new nn.Linear(context_size * embedding_dim, 128);
    this.linear2 = new nn.Linear(128, vocab_size);
  }
  forward(inputs: Tensor): Tensor {
    const embeds = this.embeddings(inputs).view([1, -1]);
    let out = F.relu(this.linear1(embeds));
    out = this.linear2(out);
    const log_probs = F.log_softmax(out, { dim: 1 });
    return log_probs;
  }
}

class CBOW extends nn.Module {
  embeddings: InstanceType<typeof nn.Embedding>;
  linear: InstanceType<typeof nn.Linear>;
  constructor(vocab_size: number, embedding_dim: number) {
    super();
    this.embeddings = new nn.Embedding(vocab_size, embedding_dim);
    this.linear = new nn.Linear(embedding_dim, vocab_size);
  }
  forward(inputs: Tensor): Tensor {
    const embeds = this.embeddings(inputs).sum({ dim: 0 }).view(1, -1);
    return F.log_softmax(this.linear(embeds), { dim: 1 });
  }
}

test("word embeddings: Embedding lookup, the N-gram language model and CBOW", () => {
  const printed: string[] = [];
  const print = (...a: unknown[]) => printed.push(a.map((x) => String(x)).join(" "));
  torch.manual_seed(1);
  let word_to_ix = new Map<string, number>([["hello", 0], ["world", 1]]);
  const embeds = new nn.Embedding(2, 5);
  const lookup_tensor = torch.tensor([word_to_ix.get("hello")!], { dtype: torch.long });
  const hello_embed = embeds(lookup_tensor);
  print(hello_embed);

  let CONTEXT_SIZE = 2;
  const EMBEDDING_DIM = 10;
  const test_sentence = split(TEST_SENTENCE);
  const ngrams: [string[], string][] = [];
  for (let i = CONTEXT_SIZE; i < test_sentence.length; i++) {
    ngrams.push([Array.from({ length: CONTEXT_SIZE }, (_, j) => test_sentence[i - j - 1]), test_sentence[i]]);
  }
  expect(ngrams.slice(0, 3)).toEqual(R.ngrams3);
  let vocab = [...new Set(test_sentence)];
  word_to_ix = new Map(vocab.map((word, i) => [word, i]));

  const losses: number[] = [];
  const loss_function = new nn.NLLLoss();
  const model = new NGramLanguageModeler(vocab.length, EMBEDDING_DIM, CONTEXT_SIZE);
  let optimizer = new optim.SGD(model.parameters(), { lr: 0.001 });

  function trainNGram(epochs: number): void {
    for (let epoch = 0; epoch < epochs; epoch++) {
      let total_loss = 0;
      for (const [context, target] of ngrams) {
        const context_idxs = torch.tensor(context.map((w) => word_to_ix.get(w)!), { dtype: torch.long });
        model.zero_grad();
        const log_probs = model(context_idxs);
        const loss = loss_function(log_probs, torch.tensor([word_to_ix.get(target)!], { dtype: torch.long }));
        loss.backward();
        optimizer.step();
        total_loss += loss.item();
      }
      losses.push(total_loss);
    }
  }
  trainNGram(3);
  (R.losses as number[]).forEach((w, i) => expect(Math.abs(losses[i] - w)).toBeLessThan(2e-3));
  print(model.embeddings.weight.get(word_to_ix.get("beauty")!));

  CONTEXT_SIZE = 2;
  const raw_text = split(RAW_TEXT);
  vocab = [...new Set(raw_text)];
  const vocab_size = vocab.length;
  word_to_ix = new Map(vocab.map((word, i) => [word, i]));
  const data: [string[], string][] = [];
  for (let i = CONTEXT_SIZE; i < raw_text.length - CONTEXT_SIZE; i++) {
    const context = [
      ...Array.from({ length: CONTEXT_SIZE }, (_, j) => raw_text[i - j - 1]),
      ...Array.from({ length: CONTEXT_SIZE }, (_, j) => raw_text[i + j + 1]),
    ];
    const target = raw_text[i];
    data.push([context, target]);
  }
  expect(data.slice(0, 5)).toEqual(R.cbow_data5);

  function make_context_vector(context: string[], word_to_ix: Map<string, number>): Tensor {
    const idxs = context.map((w) => word_to_ix.get(w)!);
    return torch.tensor(idxs, { dtype: torch.long });
  }
  expectTensor(make_context_vector(data[0][0], word_to_ix), R.context_vector0 as Encoded);

  const cbow = new CBOW(vocab_size, EMBEDDING_DIM);
  optimizer = new optim.SGD(cbow.parameters(), { lr: 0.05 });
  const cbow_losses: number[] = [];
  function trainCBOW(epochs: number): void {
    for (let epoch = 0; epoch < epochs; epoch++) {
      let total_loss = 0;
      for (const [context, target] of data) {
        cbow.zero_grad();
        const log_probs = cbow(make_context_vector(context, word_to_ix));
        const loss = loss_function(log_probs, torch.tensor([word_to_ix.get(target)!], { dtype: torch.long }));
        loss.backward();
        optimizer.step();
        total_loss += loss.item();
      }
      cbow_losses.push(total_loss);
    }
  }
  trainCBOW(5);
  (R.cbow_losses as number[]).forEach((w, i) => expect(Math.abs(cbow_losses[i] - w)).toBeLessThan(2e-3));
  const pred = torch.no_grad(() => data.slice(0, 6).map(([c]) => vocab[cbow(make_context_vector(c, word_to_ix)).argmax({ dim: 1 }).item()]));
  expect(pred).toEqual(R.cbow_pred);
  expect(printed.length).toBe((R.printed as string[]).length);
  (R.printed as string[]).forEach((w, i) => expectSamePrint(printed[i], w));
});
