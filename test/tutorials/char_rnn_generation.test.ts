/**
 * "NLP From Scratch: Generating Names with a Character-Level RNN" (pytorch/tutorials
 * intermediate_source/char_rnn_generation_tutorial.py) ported line by line against PyTorch 1.13
 * (test/reference/gen_tutorials2.py, section char_rnn_generation): the category + input + hidden
 * torch.cat, dropout while training and sampling (PyTorch's masks: the same seeded generator), the
 * summed per-letter NLLLoss, manual updates, greedy topk sampling and, as the exercise suggests,
 * torch.multinomial sampling. The names are written inline and `randomChoice` is a fixed cycle.
 */
import { torch } from "../../src";
import { reference, expectSamePrint } from "./_tutorial";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("char_rnn_generation");

const NAMES: Record<string, string[]> = {
  English: ["Abbott", "Adams", "Baker", "Carter", "Dawson", "Ellis", "Fletcher"],
  French: ["Abel", "Beaumont", "Chevalier", "Dubois", "Fontaine", "Lefèvre"],
  Russian: ["Abramov", "Babanin", "Chernov", "Dovesky", "Ivanov", "Jakovlev", "Kozlov"],
  Japanese: ["Abe", "Fujita", "Hayashi", "Ito", "Kato", "Nakamura", "Sato"],
};

const all_letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + " .,;'-";
const n_letters = all_letters.length + 1; // Plus EOS marker

function unicodeToAscii(s: string): string {
  return [...s.normalize("NFD")].filter((c) => !/\p{Mn}/u.test(c) && all_letters.includes(c)).join("");
}

const category_lines: Record<string, string[]> = {};
const all_categories: string[] = [];
for (const [category, lines] of Object.entries(NAMES)) {
  all_categories.push(category);
  category_lines[category] = lines.map(unicodeToAscii);
}
const n_categories = all_categories.length;

class RNN extends nn.Module {
  hidden_size: number;
  i2h: InstanceType<typeof nn.Linear>;
  i2o: InstanceType<typeof nn.Linear>;
  o2o: InstanceType<typeof nn.Linear>;
  dropout: InstanceType<typeof nn.Dropout>;
  softmax: InstanceType<typeof nn.LogSoftmax>;
  constructor(input_size: number, hidden_size: number, output_size: number) {
    super();
    this.hidden_size = hidden_size;
    this.i2h = new nn.Linear(n_categories + input_size + hidden_size, hidden_size);
    this.i2o = new nn.Linear(n_categories + input_size + hidden_size, output_size);
    this.o2o = new nn.Linear(hidden_size + output_size, output_size);
    this.dropout = new nn.Dropout(0.1);
    this.softmax = new nn.LogSoftmax({ dim: 1 });
  }
  forward(category: Tensor, input: Tensor, hidden: Tensor): [Tensor, Tensor] {
    const input_combined = torch.cat([category, input, hidden], 1);
    hidden = this.i2h(input_combined);
    let output = this.i2o(input_combined);
    const output_combined = torch.cat([hidden, output], 1);
    output = this.o2o(output_combined);
    output = this.dropout(output);
    output = this.softmax(output);
    return [output, hidden];
  }
  initHidden(): Tensor {
    return torch.zeros(1, this.hidden_size);
  }
}

// One-hot vector for category
function categoryTensor(category: string): Tensor {
  const li = all_categories.indexOf(category);
  const tensor = torch.zeros(1, n_categories);
  tensor.get(0).setitem(li, 1);
  return tensor;
}

// One-hot matrix of first to last letters (not including EOS) for input
function inputTensor(line: string): Tensor {
  const tensor = torch.zeros(line.length, 1, n_letters);
  for (let li = 0; li < line.length; li++) {
    const letter = line[li];
    tensor.get(li).get(0).setitem(all_letters.indexOf(letter), 1);
  }
  return tensor;
}

// ``LongTensor`` of second letter to end (EOS) for target
function targetTensor(line: string): Tensor {
  const letter_indexes = [...line.slice(1)].map((c) => all_letters.indexOf(c));
  letter_indexes.push(n_letters - 1); // EOS
  return torch.LongTensor(letter_indexes);
}

test("char_rnn_generation: training on category + letter + hidden, then greedy and multinomial sampling", () => {
  expect(String(targetTensor("Abe"))).toBe(R.targetTensor);
  let step = 0;
  function randomTrainingPair(): [string, string] {
    const i = step++;
    const category = all_categories[i % n_categories];
    const lines = category_lines[category];
    return [category, lines[(i * 3) % lines.length]];
  }
  // Make category, input, and target tensors from a random category, line pair
  function randomTrainingExample(): [Tensor, Tensor, Tensor] {
    const [category, line] = randomTrainingPair();
    return [categoryTensor(category), inputTensor(line), targetTensor(line)];
  }

  const criterion = new nn.NLLLoss();
  const learning_rate = 0.0005;

  function train(category_tensor: Tensor, input_line_tensor: Tensor, target_line_tensor: Tensor): [Tensor, number] {
    target_line_tensor.unsqueeze_(-1);
    let hidden = rnn.initHidden();
    rnn.zero_grad();
    const loss = torch.Tensor([0]); // you can also just simply use ``loss = 0``
    let output!: Tensor;
    for (let i = 0; i < input_line_tensor.size(0); i++) {
      [output, hidden] = rnn(category_tensor, input_line_tensor.get(i), hidden);
      const l = criterion(output, target_line_tensor.get(i));
      loss.add_(l); // loss += l
    }
    loss.backward();
    for (const p of rnn.parameters()) p.data.add_(p.grad!.data, { alpha: -learning_rate });
    return [output, loss.item() / input_line_tensor.size(0)];
  }

  torch.manual_seed(0);
  const rnn = new RNN(n_letters, 128, n_letters);
  const n_iters = 80;
  const print_every = 20;
  const plot_every = 10;
  const all_losses: number[] = [];
  let total_loss = 0; // Reset every ``plot_every`` ``iters``
  const printed: string[] = [];
  for (let iter = 1; iter <= n_iters; iter++) {
    const [, loss] = train(...randomTrainingExample());
    total_loss += loss;
    if (iter % print_every === 0) printed.push(`(${iter} ${Math.floor((iter / n_iters) * 100)}%) ${loss.toFixed(4)}`);
    if (iter % plot_every === 0) {
      all_losses.push(total_loss / plot_every);
      total_loss = 0;
    }
  }
  (R.printed as string[]).forEach((want, i) => expectSamePrint(printed[i], want, 1e-3));
  all_losses.forEach((l, i) => expect(Math.abs(l - (R.all_losses as number[])[i])).toBeLessThan(1e-4));
  expect(String(rnn)).toBe(R.rnn_repr);

  const max_length = 20;
  // Sample from a category and starting letter
  function sample(category: string, start_letter = "A"): string {
    return torch.no_grad(() => {
      // no need to track history in sampling
      const category_tensor = categoryTensor(category);
      let input = inputTensor(start_letter);
      let hidden = rnn.initHidden();
      let output_name = start_letter;
      for (let i = 0; i < max_length; i++) {
        let output: Tensor;
        [output, hidden] = rnn(category_tensor, input.get(0), hidden);
        const [, topi] = output.topk(1);
        const top = topi.get(0).get(0).item();
        if (top === n_letters - 1) break;
        const letter = all_letters[top];
        output_name += letter;
        input = inputTensor(letter);
      }
      return output_name;
    });
  }
  // The exercise's variant: draw the next letter instead of taking the most likely one.
  function sample_multinomial(category: string, start_letter = "A"): string {
    return torch.no_grad(() => {
      const category_tensor = categoryTensor(category);
      let input = inputTensor(start_letter);
      let hidden = rnn.initHidden();
      let output_name = start_letter;
      for (let i = 0; i < max_length; i++) {
        let output: Tensor;
        [output, hidden] = rnn(category_tensor, input.get(0), hidden);
        const topi = torch.multinomial(output.exp(), 1).get(0).get(0).item();
        if (topi === n_letters - 1) break;
        const letter = all_letters[topi];
        output_name += letter;
        input = inputTensor(letter);
      }
      return output_name;
    });
  }

  const samples: string[] = [];
  torch.manual_seed(1);
  for (const [category, start_letters] of [["Russian", "RUS"], ["Japanese", "JAP"]]) {
    for (const start_letter of start_letters) samples.push(sample(category, start_letter));
  }
  expect(samples).toEqual(R.samples);
  rnn.eval();
  expect([..."ABC"].map((s) => sample("English", s))).toEqual(R.samples_eval);
  rnn.train();
  torch.manual_seed(2);
  expect([..."ABCD"].map((s) => sample_multinomial("French", s))).toEqual(R.samples_multinomial);
});
