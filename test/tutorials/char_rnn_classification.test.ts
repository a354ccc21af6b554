/**
 * "NLP From Scratch: Classifying Names with a Character-Level RNN" (pytorch/tutorials
 * intermediate_source/char_rnn_classification_tutorial.py, the version whose RNN is two nn.Linear
 * layers and a LogSoftmax), ported line by line against PyTorch 1.13 (test/reference/gen_tutorials2.py,
 * section char_rnn_classification). The names files are a few names per language written inline, and
 * `randomChoice` a fixed cycle; the weights come from `torch.manual_seed(0)` on both sides.
 */
import { torch } from "../../src";
import { reference, expectSamePrint, expectTensor, Encoded } from "./_tutorial";

const { nn } = torch;
type Tensor = InstanceType<typeof torch.Tensor>;
const R = reference("char_rnn_classification");

const NAMES: Record<string, string[]> = {
  English: ["Abbott", "Adams", "Baker", "Carter", "Dawson", "Ellis", "Fletcher"],
  French: ["Abel", "Beaumont", "Chevalier", "Dubois", "Fontaine", "Lefèvre"],
  Russian: ["Abramov", "Babanin", "Chernov", "Dovesky", "Ivanov", "Jakovlev", "Kozlov"],
  Japanese: ["Abe", "Fujita", "Hayashi", "Ito", "Kato", "Nakamura", "Sato"],
};

const ascii_letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const all_letters = ascii_letters + " .,;'";
const n_letters = all_letters.length;

// Turn a Unicode string to plain ASCII, thanks to https://stackoverflow.com/a/518232/2809427
function unicodeToAscii(s: string): string {
  return [...s.normalize("NFD")].filter((c) => !/\p{Mn}/u.test(c) && all_letters.includes(c)).join("");
}

// Build the category_lines dictionary, a list of names per language
const category_lines: Record<string, string[]> = {};
const all_categories: string[] = [];
for (const [category, lines] of Object.entries(NAMES)) {
  all_categories.push(category);
  category_lines[category] = lines.map(unicodeToAscii);
}
const n_categories = all_categories.length;

// Find letter index from all_letters, e.g. "a" = 0
function letterToIndex(letter: string): number {
  return all_letters.indexOf(letter);
}

// Just for demonstration, turn a letter into a <1 x n_letters> Tensor
function letterToTensor(letter: string): Tensor {
  const tensor = torch.zeros(1, n_letters);
  tensor.get(0).setitem(letterToIndex(letter), 1); // tensor[0][letterToIndex(letter)] = 1
  return tensor;
}

// Turn a line into a <line_length x 1 x n_letters>, or an array of one-hot letter vectors
function lineToTensor(line: string): Tensor {
  const tensor = torch.zeros(line.length, 1, n_letters);
  [...line].forEach((letter, li) => tensor.get(li).get(0).setitem(letterToIndex(letter), 1));
  return tensor;
}

class RNN extends nn.Module {
  hidden_size: number;
  i2h: InstanceType<typeof nn.Linear>;
  i2o: InstanceType<typeof nn.Linear>;
  softmax: InstanceType<typeof nn.LogSoftmax>;
  constructor(input_size: number, hidden_size: number, output_size: number) {
    super();
    this.hidden_size = hidden_size;
    this.i2h = new nn.Linear(input_size + hidden_size, hidden_size);
    this.i2o = new nn.Linear(input_size + hidden_size, output_size);
    this.softmax = new nn.LogSoftmax({ dim: 1 });
  }
  forward(input: Tensor, hidden: Tensor): [Tensor, Tensor] {
    const combined = torch.cat([input, hidden], 1);
    hidden = this.i2h(combined);
    let output = this.i2o(combined);
    output = this.softmax(output);
    return [output, hidden];
  }
  initHidden(): Tensor {
    return torch.zeros(1, this.hidden_size);
  }
}

function categoryFromOutput(output: Tensor): [string, number] {
  const [, top_i] = output.topk(1);
  const category_i = top_i.get(0).item();
  return [all_categories[category_i], category_i];
}

test("char_rnn_classification: data, one-hot tensors, the RNN, training with manual updates, confusion matrix, predict", () => {
  expect(unicodeToAscii("Ślusàrski")).toBe(R.unicodeToAscii);
  expect(category_lines["French"].slice(0, 5)).toEqual(R.french);
  expect(String(letterToTensor("J"))).toBe(R.letterToTensor_J);
  expect(String(lineToTensor("Jones").size())).toBe(R.lineToTensor_size);

  torch.manual_seed(0);
  const n_hidden = 128;
  const rnn = new RNN(n_letters, n_hidden, n_categories);
  expect(String(rnn)).toBe(R.rnn_repr);

  let input = letterToTensor("A");
  let hidden = torch.zeros(1, n_hidden);
  let [output] = rnn(input, hidden);
  input = lineToTensor("Albert");
  hidden = torch.zeros(1, n_hidden);
  [output] = rnn(input.get(0), hidden);
  expectSamePrint(String(output), R.output as string);
  expect(categoryFromOutput(output)).toEqual(R.categoryFromOutput);

  let step = 0;
  function randomTrainingExample(): [string, string, Tensor, Tensor] {
    const i = step++;
    const category = all_categories[i % n_categories];
    const lines = category_lines[category];
    const line = lines[(i * 3) % lines.length];
    const category_tensor = torch.tensor([all_categories.indexOf(category)], { dtype: torch.long });
    const line_tensor = lineToTensor(line);
    return [category, line, category_tensor, line_tensor];
  }

  const criterion = new nn.NLLLoss();
  const learning_rate = 0.005; // If you set this too high, it might explode. If too low, it might not learn

  function train(category_tensor: Tensor, line_tensor: Tensor): [Tensor, number] {
    let hidden = rnn.initHidden();
    rnn.zero_grad();
    let output!: Tensor;
    for (let i = 0; i < line_tensor.size()[0]; i++) [output, hidden] = rnn(line_tensor.get(i), hidden);
    const loss = criterion(output, category_tensor);
    loss.backward();
    // Add parameters' gradients to their values, multiplied by learning rate
    for (const p of rnn.parameters()) p.data.add_(p.grad!.data, { alpha: -learning_rate });
    return [output, loss.item()];
  }

  const n_iters = 120;
  const print_every = 30;
  const plot_every = 10;
  // Keep track of losses for plotting
  let current_loss = 0;
  const all_losses: number[] = [];
  const printed: string[] = [];
  for (let iter = 1; iter <= n_iters; iter++) {
    const [category, line, category_tensor, line_tensor] = randomTrainingExample();
    const [output, loss] = train(category_tensor, line_tensor);
    current_loss += loss;
    // Print ``iter`` number, loss, name and guess
    if (iter % print_every === 0) {
      const [guess] = categoryFromOutput(output);
      const correct = guess === category ? "✓" : `✗ (${category})`;
      printed.push(`${iter} ${Math.floor((iter / n_iters) * 100)}% ${loss.toFixed(4)} ${line} / ${guess} ${correct}`);
    }
    // Add current loss avg to list of losses
    if (iter % plot_every === 0) {
      all_losses.push(current_loss / plot_every);
      current_loss = 0;
    }
  }
  const wantPrinted = R.printed as string[];
  printed.forEach((p, i) => expectSamePrint(p, wantPrinted[i], 1e-3));
  expect(all_losses.length).toBe((R.all_losses as number[]).length);
  all_losses.forEach((l, i) => expect(Math.abs(l - (R.all_losses as number[])[i])).toBeLessThan(1e-4));

  // Keep track of correct guesses in a confusion matrix
  const confusion = torch.zeros(n_categories, n_categories);
  const n_confusion = 40;

  // Just return an output given a line
  function evaluate(line_tensor: Tensor): Tensor {
    let hidden = rnn.initHidden();
    let output!: Tensor;
    for (let i = 0; i < line_tensor.size()[0]; i++) [output, hidden] = rnn(line_tensor.get(i), hidden);
    return output;
  }

  // Go through a bunch of examples and record which are correctly guessed
  for (let i = 0; i < n_confusion; i++) {
    const [category, , , line_tensor] = randomTrainingExample();
    const output = evaluate(line_tensor);
    const [, guess_i] = categoryFromOutput(output);
    const category_i = all_categories.indexOf(category);
    confusion.get(category_i).get(guess_i).add_(1); // confusion[category_i][guess_i] += 1
  }
  // Normalize by dividing every row by its sum
  for (let i = 0; i < n_categories; i++) confusion.setitem(i, confusion.get(i).div(confusion.get(i).sum()));
  expectTensor(confusion, R.confusion as Encoded, 1e-6);

  const predicted: string[] = [];
  function predict(input_line: string, n_predictions = 3): [number, string][] {
    predicted.push(`\n> ${input_line}`);
    return torch.no_grad(() => {
      const output = evaluate(lineToTensor(input_line));
      // Get top N categories
      const [topv, topi] = output.topk(n_predictions, 1, true);
      const predictions: [number, string][] = [];
      for (let i = 0; i < n_predictions; i++) {
        const value = topv.get(0).get(i).item();
        const category_index = topi.get(0).get(i).item();
        predicted.push(`(${value.toFixed(2)}) ${all_categories[category_index]}`);
        predictions.push([value, all_categories[category_index]]);
      }
      return predictions;
    });
  }
  predict("Dovesky");
  predict("Jackson");
  predict("Satoshi");
  expect(predicted).toEqual(R.predict);
});
