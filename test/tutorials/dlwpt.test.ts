/**
 * "Deep Learning with PyTorch" (Stevens, Antiga, Viehmann; deep-learning-with-pytorch/dlwpt-code),
 * part 1: p1ch3/1_tensors (storage, offsets, strides, views through which writes reach the base),
 * p1ch4/3_tabular_wine, p1ch5's three notebooks (the thermometer by hand, with autograd, with
 * optimizers), p1ch6's (nn.Linear, Sequential, subclassing, activations) and p1ch7's birds vs
 * airplanes (CIFAR-10 as FakeData: 60 training and 30 validation images, batch 4, 2 epochs), ported cell by cell in
 * the notebook dialect (test/tutorials/_dlwpt_cells.ts: untyped functions whose operators resolve at
 * run time, `params -= lr * params.grad` on an untyped
 * parameter, classes called without `new`) and run as notebooks through `torchlab run`. Printed
 * text must be PyTorch 1.13's (test/reference/gen_dlwpt.py, dlwpt.json).
 *
 * Stand-ins and changes: the wine CSV is 48 seeded rows (uniform features around the data set's
 * scale, quality from randint(3, 10)); every training loop runs a tenth of the book's epochs and
 * prints ten times as often (5000 -> 500 printing every 50; the by-hand loop's epoch set
 * {..., 4000, 5000} -> {..., 400, 500}); unseeded cells (randperm, rand) are seeded on both sides.
 * Where TypeScript differs from Python the cells say so: keyword calls of the book's own functions
 * are positional, `model(t_u, *params)` is `model(t_u, params[0], params[1])` (TypeScript spreads
 * only into rest parameters), a name rebound from a list to a tensor is a new const, `'%f' % x` is `Number(x).toFixed(6)` (hence "Infinity" / "NaN" on both sides), a
 * tuple or a stride is printed through JSON, OrderedDict([...]) is Sequential's object form (whose
 * children are reached with get_parameter / get_submodule: they are not typed as properties), an
 * optimizer variable that later holds Adam is declared `optim.Optimizer`, `scatter_(dim=1, index=...,
 * value=1.0)` and `gather(dim=1, index=...)` take dim and index positionally (torchlab has no
 * all-keyword form of them),
 * `with torch.set_grad_enabled(b):` is the callback form.
 *
 * Left out: p1ch5/3's `dir(optim)` (torchlab has no ASGD, Rprop or SparseAdam yet: the listing
 * differs), plain-Python list cells (p1ch3 cells 0-2 and 52), `id(storage)` (object identity),
 * numpy and h5py cells, CUDA cells, the matplotlib cells (the plotted values are printed instead),
 * named tensors (p1ch3/2), the p1ch4 notebooks that read images, volumes, text and a bike CSV
 * (imageio / pandas-free data of no torch interest beyond what the wine notebook covers).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { printedText, sectionsForSuite } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { p1ch3, P1CH4_WINE, P1CH5_AUTOGRAD, P1CH5_OPTIM, P1CH5_PARAMS, P1CH6_MODULES, P1CH6_NN, P1CH7 } from "./_dlwpt_cells";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "dlwpt.json"), "utf8")) as Record<string, string[]>;
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-dlwpt-"));

function expectPrinted(got: string, want: string[]): void {
  expectSamePrint(got.replace(/\n$/, ""), want.join("\n"));
}

describe("Deep Learning with PyTorch, part 1, as notebooks through `torchlab run`", () => {
  const nbs = sectionsForSuite(
    "dlwpt",
    {
      dlwpt: {
      p1ch3: p1ch3(DIR),
      p1ch4_wine: P1CH4_WINE,
      p1ch5_params: P1CH5_PARAMS,
      p1ch5_autograd: P1CH5_AUTOGRAD,
      p1ch5_optim: P1CH5_OPTIM,
      p1ch6_nn: P1CH6_NN,
      p1ch6_modules: P1CH6_MODULES,
      p1ch7: P1CH7,
      },
    },
    300_000,
  );

  test("p1ch3: storage() read, written and printed; offsets and strides of rows, t(), transpose, contiguous(); dtypes; slices; save / load", () => {
    expectPrinted(printedText(nbs.p1ch3), R.p1ch3);
  });

  test("p1ch4 wine: column slices, long targets, one-hot by scatter_, mean / var normalisation, boolean masks, lt / & / sums", () => {
    expectPrinted(printedText(nbs.p1ch4_wine), R.p1ch4_wine);
  });

  test("p1ch5 parameter estimation: broadcasting shapes, finite differences, hand-written gradients, the diverging and the normalised fits", () => {
    expectPrinted(printedText(nbs.p1ch5_params), R.p1ch5_params);
  });

  test("p1ch5 autograd: params.grad, zero_(), params -= lr * grad under no_grad", () => {
    expectPrinted(printedText(nbs.p1ch5_autograd), R.p1ch5_autograd);
  });

  test("p1ch5 optimizers: SGD and Adam on a tensor of parameters, randperm split, validation loss, set_grad_enabled", () => {
    expectPrinted(printedText(nbs.p1ch5_optim), R.p1ch5_optim);
  });

  test("p1ch6 neural networks: nn.Linear on batches, MSELoss, Sequential and named children, a tanh network's fit and gradients", () => {
    expectPrinted(printedText(nbs.p1ch6_nn), R.p1ch6_nn);
  });

  test("p1ch6 activations and subclassing: six activations over arange(-3, 3.1, 0.1), tanh sums, parameter tables", () => {
    expectPrinted(printedText(nbs.p1ch6_modules), R.p1ch6_modules);
  });

  test("p1ch7 birds vs airplanes: softmax by hand and nn.Softmax, scatter_ / gather, MSE vs NLL, LogSoftmax + NLLLoss, per-sample and batched SGD, accuracy", () => {
    expectPrinted(printedText(nbs.p1ch7), R.p1ch7);
  });
});
