/**
 * "Text classification with the torchtext library" (pytorch/tutorials
 * beginner_source/text_sentiment_ngrams_tutorial.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials3.py, section text_classification): nn.EmbeddingBag(vocab, embed,
 * sparse=False) fed concatenated token ids plus offsets (mean mode), the collate_batch that builds
 * them, random_split, shuffled DataLoaders with collate_fn, SGD with clip_grad_norm_ and the StepLR
 * that only steps when validation accuracy drops. AG_NEWS is replaced by a few headlines written inline
 * (the same on both sides), torchtext's basic_english tokenizer and build_vocab_from_iterator by the
 * few lines that do the same.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn } = torch;
const { DataLoader, random_split } = torch.utils.data;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("text_classification");

const TEXTS: [number, string][] = [
  [3, "Wall St. Bears Claw Back Into the Black (Reuters) Reuters - Short-sellers are seeing green again."],
  [3, "Oil and Economy Cloud Stocks' Outlook (Reuters) Reuters - Soaring crude prices plus worries."],
  [1, "Iraq Halts Oil Exports from Main Southern Pipeline (Reuters) Reuters - Authorities have halted oil exports."],
  [2, "Phelps wins gold in the pool, sets a world record at the Olympics in Athens."],
  [4, "New chip from Intel runs faster and cooler, the company said on Monday."],
  [1, "Rebels attack the capital as talks on a ceasefire stall, officials said."],
  [2, "The Red Sox beat the Yankees 5-3 to win the pennant in a thrilling game."],
  [4, "Google unveils a new search tool for desktop computers and email."],
  [3, "Stocks rise as oil prices fall and investors cheer earnings."],
  [1, "Leaders meet to discuss peace in the Middle East amid new violence."],
  [2, "Federer beats Hewitt to reach the final of the US Open in New York."],
  [4, "Microsoft patches a security hole in Windows that hackers could use."],
  [3, "The dollar slips against the euro as the trade deficit widens."],
  [2, "Olympic swimmers break records in the pool at Athens."],
  [4, "Scientists find water on Mars, NASA says, raising hopes for life."],
  [1, "Election officials count votes as the country awaits the result."],
];

/** torchtext's get_tokenizer("basic_english"). */
function tokenizer(line: string): string[] {
  const rules: [RegExp, string][] = [
    [/'/g, " '  "], [/"/g, ""], [/\./g, " . "], [/<br \/>/g, " "], [/,/g, " , "], [/\(/g, " ( "], [/\)/g, " ) "],
    [/!/g, " ! "], [/\?/g, " ? "], [/;/g, " "], [/:/g, " "], [/\s+/g, " "],
  ];
  line = line.toLowerCase();
  for (const [p, r] of rules) line = line.replace(p, r);
  return line.split(" ").filter((t) => t.length > 0);
}

// build_vocab_from_iterator(yield_tokens(train_iter), specials=["<unk>"]); vocab.set_default_index(vocab["<unk>"])
const counter = new Map<string, number>();
for (const [, text] of TEXTS) for (const t of tokenizer(text)) counter.set(t, (counter.get(t) ?? 0) + 1);
const itos = ["<unk>", ...[...counter.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([t]) => t)];
const stoi = new Map(itos.map((t, i) => [t, i]));
const vocab = (tokens: string[]) => tokens.map((t) => stoi.get(t) ?? 0);

const text_pipeline = (x: string) => vocab(tokenizer(x));
const label_pipeline = (x: string | number) => Number(x) - 1;

function collate_batch(batch: [number, string][]): [Tensor, Tensor, Tensor] {
  const label_list: number[] = [];
  const text_list: Tensor[] = [];
  const offsets = [0];
  for (const [_label, _text] of batch) {
    label_list.push(label_pipeline(_label));
    const processed_text = torch.tensor(text_pipeline(_text), { dtype: torch.int64 });
    text_list.push(processed_text);
    offsets.push(processed_text.size(0));
  }
  return [torch.tensor(label_list, { dtype: torch.int64 }), torch.cat(text_list), torch.tensor(offsets.slice(0, -1)).cumsum({ dim: 0 })];
}

class TextClassificationModel extends nn.Module {
  embedding: InstanceType<typeof nn.EmbeddingBag>;
  fc: InstanceType<typeof nn.Linear>;
  constructor(vocab_size: number, embed_dim: number, num_class: number) {
    super();
    this.embedding = new nn.EmbeddingBag(vocab_size, embed_dim, { sparse: false });
    this.fc = new nn.Linear(embed_dim, num_class);
    this.init_weights();
  }
  init_weights(): void {
    const initrange = 0.5;
    this.embedding.weight.data.uniform_(-initrange, initrange);
    this.fc.weight.data.uniform_(-initrange, initrange);
    this.fc.bias!.data.zero_();
  }
  forward(text: Tensor, offsets: Tensor): Tensor {
    const embedded = this.embedding(text, offsets);
    return this.fc(embedded);
  }
}

const d = (n: number, w: number) => String(n).padStart(w);
const f = (x: number, w: number, p: number) => x.toFixed(p).padStart(w);

test("text_classification: tokenizer, vocab and pipelines", () => {
  expect(tokenizer(TEXTS[0][1])).toEqual(R.tokens0);
  expect(vocab(["here", "is", "the", "an", "example"])).toEqual(R.vocab_example);
  expect(text_pipeline("here is the an example")).toEqual(R.text_pipeline);
  expect(label_pipeline("10")).toBe(R.label_pipeline);
});

test("text_classification: EmbeddingBag + Linear trained with SGD, clip_grad_norm_ and StepLR on validation accuracy", () => {
  torch.manual_seed(0);
  const num_class = new Set(TEXTS.map(([label]) => label)).size;
  const vocab_size = itos.length;
  const emsize = 16;
  const model = new TextClassificationModel(vocab_size, emsize, num_class);
  expect(String(model)).toBe(R.model_repr);
  const printed: string[] = [];

  function train(dataloader: InstanceType<typeof DataLoader<[number, string], [Tensor, Tensor, Tensor]>>, epoch: number): void {
    model.train();
    let total_acc = 0;
    let total_count = 0;
    const log_interval = 2;
    let idx = 0;
    for (const [label, text, offsets] of dataloader) {
      optimizer.zero_grad();
      const predicted_label = model(text, offsets);
      const loss = criterion(predicted_label, label);
      loss.backward();
      nn.utils.clip_grad_norm_(model.parameters(), 0.1);
      optimizer.step();
      total_acc += predicted_label.argmax(1).eq(label).sum().item();
      total_count += label.size(0);
      if (idx % log_interval === 0 && idx > 0) {
        printed.push(`| epoch ${d(epoch, 3)} | ${d(idx, 5)}/${d(dataloader.len(), 5)} batches | accuracy ${f(total_acc / total_count, 8, 3)} | loss ${f(loss.item(), 8, 5)}`);
        total_acc = 0;
        total_count = 0;
      }
      idx++;
    }
  }

  function evaluate(dataloader: InstanceType<typeof DataLoader<[number, string], [Tensor, Tensor, Tensor]>>): number {
    model.eval();
    let total_acc = 0;
    let total_count = 0;
    torch.no_grad(() => {
      for (const [label, text, offsets] of dataloader) {
        const predicted_label = model(text, offsets);
        criterion(predicted_label, label);
        total_acc += predicted_label.argmax(1).eq(label).sum().item();
        total_count += label.size(0);
      }
    });
    return total_acc / total_count;
  }

  const EPOCHS = 4;
  const LR = 5;
  const BATCH_SIZE = 3;
  const criterion = new nn.CrossEntropyLoss();
  const optimizer = new torch.optim.SGD(model.parameters(), { lr: LR });
  const scheduler = new torch.optim.lr_scheduler.StepLR(optimizer, 1.0, { gamma: 0.1 });
  let total_accu: number | null = null;
  const train_dataset = TEXTS.slice(0, 12); // to_map_style_dataset(train_iter)
  const test_dataset = TEXTS.slice(12);
  const num_train = Math.trunc(train_dataset.length * 0.75);
  const [split_train_, split_valid_] = random_split(train_dataset, [num_train, train_dataset.length - num_train]);
  expect(split_train_.indices).toEqual(R.split_train_indices);
  const train_dataloader = new DataLoader(split_train_, { batch_size: BATCH_SIZE, shuffle: true, collate_fn: collate_batch });
  const valid_dataloader = new DataLoader(split_valid_, { batch_size: BATCH_SIZE, shuffle: true, collate_fn: collate_batch });
  const test_dataloader = new DataLoader(test_dataset, { batch_size: BATCH_SIZE, shuffle: true, collate_fn: collate_batch });
  const accus: number[] = [];
  const lrs: number[] = [];
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    train(train_dataloader, epoch);
    const accu_val = evaluate(valid_dataloader);
    if (total_accu !== null && total_accu > accu_val) scheduler.step();
    else total_accu = accu_val;
    accus.push(accu_val);
    lrs.push(optimizer.param_groups[0].lr as number);
  }
  (R.printed as string[]).forEach((want, i) => expectSamePrint(printed[i], want, 1e-4));
  expect(printed.length).toBe((R.printed as string[]).length);
  expect(accus).toEqual(R.accus);
  lrs.forEach((lr, i) => expect(lr).toBeCloseTo((R.lrs as number[])[i], 12));
  expect(evaluate(test_dataloader)).toBe(R.test_accu);
  expectTensor(model.fc.weight, R.fc_weight as Encoded, 1e-4);
  expect(model.embedding.weight.sum().item()).toBeCloseTo(R.embedding_weight_sum as number, 3);

  const ag_news_label: Record<number, string> = { 1: "World", 2: "Sports", 3: "Business", 4: "Sci/Tec" };
  function predict(text: string, pipeline: (x: string) => number[]): number {
    return torch.no_grad(() => {
      const output = model(torch.tensor(pipeline(text)), torch.tensor([0]));
      return output.argmax(1).item() + 1;
    });
  }
  const ex_text_str = "Oil prices rise as stocks fall in New York.";
  expect(ag_news_label[predict(ex_text_str, text_pipeline)]).toBe(R.predict);
  expectTensor(model(torch.tensor(text_pipeline(ex_text_str)), torch.tensor([0])), R.logits as Encoded, 1e-4);
});
