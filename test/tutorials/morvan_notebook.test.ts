/**
 * Three of the Morvan Zhou ports (202 variable, 301 regression, 302 classification's data, 305
 * batch_train) run as a user runs them: notebook cells through `torchlab run` (the real kernel, its
 * prelude, the type checker and the notebook dialect), written as the Python reads, with operators
 * on tensors (`variable*variable`, `x.pow(2) + 0.2*torch.rand(x.size())`, `2*n_data`). The printed
 * output must be PyTorch's (test/reference/gen_morvan.py, morvan.json).
 */
import * as fs from "fs";
import * as path from "path";
import { printedText, sectionsForSuite, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";


const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "morvan.json"), "utf8")) as Record<string, Record<string, unknown>>;

const VARIABLE = [
  `const { Variable } = torch.autograd;
const tensor = torch.FloatTensor([[1,2],[3,4]]);            // build a tensor
const variable = Variable(tensor, {requires_grad: true});  // build a variable, usually for compute gradients
console.log(tensor);
console.log(variable);`,
  `const t_out = torch.mean(tensor*tensor);       // x^2
const v_out = torch.mean(variable*variable);   // x^2
console.log(t_out);
console.log(v_out);    // 7.5`,
  `v_out.backward();    // backpropagation from v_out
console.log(variable.grad);
console.log(variable);
console.log(variable.data);
console.log(variable.constructor.name, variable.requires_grad, Variable(tensor).requires_grad);`,
];

const REGRESSION = [
  `torch.manual_seed(1);
const x = torch.unsqueeze(torch.linspace(-1, 1, 100), {dim: 1});  // x data (tensor), shape=(100, 1)
const y = x.pow(2) + 0.2*torch.rand(x.size());                   // noisy y data (tensor), shape=(100, 1)`,
  `class Net extends torch.nn.Module {
  hidden: nn.Linear; predict: nn.Linear;
  constructor(n_feature: number, n_hidden: number, n_output: number) {
    super();
    this.hidden = new torch.nn.Linear(n_feature, n_hidden);   // hidden layer
    this.predict = new torch.nn.Linear(n_hidden, n_output);   // output layer
  }
  forward(x: torch.Tensor): torch.Tensor {
    x = F.relu(this.hidden(x));      // activation function for hidden layer
    x = this.predict(x);             // linear output
    return x;
  }
}
const net = new Net(1, 10, 1);     // define the network
console.log(net);  // net architecture`,
  `const optimizer = new torch.optim.SGD(net.parameters(), {lr: 0.2});
const loss_func = new torch.nn.MSELoss();  // this is for regression mean squared loss
for (let t = 0; t < 200; t++) {
  const prediction = net(x);     // input x and predict based on x
  const loss = loss_func(prediction, y);     // must be (1. nn output, 2. target)
  optimizer.zero_grad();   // clear gradients for next train
  loss.backward();         // backpropagation, compute gradients
  optimizer.step();        // apply gradients
  if (t % 5 == 0) console.log('Loss=' + loss.item().toFixed(4));
}`,
];

const CLASSIFICATION_DATA = [
  `torch.manual_seed(1);
const n_data = torch.ones(100, 2);
const x0 = torch.normal(2*n_data, 1);      // class0 x data (tensor), shape=(100, 2)
const y0 = torch.zeros(100);               // class0 y data (tensor), shape=(100, 1)
const x1 = torch.normal(-2*n_data, 1);     // class1 x data (tensor), shape=(100, 2)
const y1 = torch.ones(100);                // class1 y data (tensor), shape=(100, 1)
const x = torch.cat([x0, x1], 0).type(torch.FloatTensor);  // shape (200, 2) FloatTensor = 32-bit floating
const y = torch.cat([y0, y1], ).type(torch.LongTensor);    // shape (200,) LongTensor = 64-bit integer
console.log(x.dtype, y.dtype, x.shape, y.shape, y.type());`,
];

const BATCH = [
  `torch.manual_seed(1);    // reproducible
const BATCH_SIZE = 5;
const x = torch.linspace(1, 10, 10);       // this is x data (torch tensor)
const y = torch.linspace(10, 1, 10);       // this is y data (torch tensor)
const torch_dataset = new torch.utils.data.TensorDataset(x, y);
const loader = new torch.utils.data.DataLoader(torch_dataset, {
  batch_size: BATCH_SIZE,      // mini batch size
  shuffle: true,               // random shuffle for training
  num_workers: 2,              // subprocesses for loading data
});`,
  `function show_batch() {
  for (let epoch = 0; epoch < 3; epoch++) {   // train entire dataset 3 times
    let step = 0;
    for (const [batch_x, batch_y] of loader) {  // for each training step
      console.log('Epoch: ', epoch, '| Step: ', step, '| batch x: ', batch_x, '| batch y: ', batch_y);
      step++;
    }
  }
}
show_batch();`,
];

function printed(nb: Nb): string {
  return printedText(nb)
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => line.replace(/\btrue\b/g, "True").replace(/\bfalse\b/g, "False"))
    .join("\n");
}

describe("Morvan Zhou's tutorials as notebooks through `torchlab run`", () => {
  // One notebook, one kernel: each tutorial after the first starts from a reseeded torch, as a fresh kernel would.
  const nbs = sectionsForSuite("morvan", { morvan: { variable: VARIABLE, regression: REGRESSION, classification: CLASSIFICATION_DATA, batch: BATCH } }, 240_000);

  test("202 variable: Variable(tensor, {requires_grad: true}) prints and differentiates as PyTorch's", () => {
    expectSamePrint(printed(nbs.variable), (R.t202.printed as string[]).join("\n"));
  });

  test("301 regression: the net's repr and the losses every 5 steps are PyTorch's", () => {
    expectSamePrint(printed(nbs.regression), (R.t301.printed as string[]).join("\n"), 2e-3);
  });

  test("302 classification: .type(torch.FloatTensor) / .type(torch.LongTensor) type-check and convert", () => {
    expect(printed(nbs.classification)).toBe((R.t302.printed as string[])[0]);
  });

  test("305 batch_train: the shuffled batches print as PyTorch's", () => {
    expect(printed(nbs.batch)).toBe((R.t305.printed as string[]).join("\n"));
  });
});
