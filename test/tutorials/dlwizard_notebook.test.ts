/**
 * Deep Learning Wizard's "Practical Deep Learning with PyTorch" (Ritchie Ng, deeplearningwizard.com;
 * ritchieng/deep-learning-wizard: docs/deep_learning/practical_pytorch/): the code cells of Matrices,
 * Gradients, Logistic Regression, Feedforward Neural Network (the sigmoid model), Convolutional Neural
 * Network (the max-pool model) and Recurrent Neural Network (the two-layer RNN), ported line by line and run
 * as one notebook through `torchlab run`. What each cell prints and shows must be what PyTorch 1.13 and
 * torchvision 0.14 give (test/reference/gen_dlwizard.py holds both texts side by side, dlwizard.json).
 *
 * Stand-ins and sizes: MNIST is the repository's Fashion-MNIST sample (600 training, 100 test images,
 * written as MNIST's raw files by the setup cell, the same in the generator); n_iters is 60 for logistic
 * regression and 12 for the other models (the tutorials' 3000). `print(model.parameters())`'s address is
 * masked. Written differently: Python's assignments are `let` / `const` declarations.
 * Left out: `save_model = False; if save_model is True: torch.save(...)` (TypeScript refused
 * `save_model === true` of a `false` it narrowed, error 2367: compiles since, test/kernel/rewrite_dialect.test.ts), the matplotlib cells (the fever plots, plt.imshow of digits), the unseeded NumPy draws, `600 / 100`
 * as a cell's value (PyTorch shows `6.0`, torchlab `6`: a float shown as a cell's value is not tracked,
 * while `print(600 / 100)` prints `6.0`), and the LSTM section: LSTMModel's `out = this.fc(out[:, -1, :])`
 * after `this.lstm(x, (h0.detach(), c0.detach()))` did not compile ("Expected 1 arguments, but got 3": the
 * checker typed `out` Tensor & PackedSequence); it compiles since (test/kernel/rewrite_dialect.test.ts).
 * What the port found, fixed: `np.ones((2, 2))` / `torch.ones((2, 2))` alone in a cell compiled as
 * JavaScript's comma operator; `super()` without `;` in RNNModel's constructor was called with the dialect's
 * float record of a parameter ("This expression is not callable"); `collections.abc.Iterable` was missing
 * (`isinstance(train_loader, collections.abc.Iterable)`); MNIST's `train_data` / `train_labels` /
 * `test_data` / `test_labels` were missing.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, runNotebooks, sampleIdxSetup } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

interface Cell {
  py: string;
  ts: string;
  printed: string;
  shown: string | null;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "dlwizard.json"), "utf8")) as { cells: Cell[] };

/** gen_dlwizard.py's setup(): the first 600 training / 100 test images of data/FashionMNIST/raw as MNIST's raw files under ./data. */
const SETUP = sampleIdxSetup("dlwizard-", "MNIST");

/** An object's address (`<generator object Module.parameters at 0x7f...>`) is the process's. */
const unaddressed = (s: string) => s.replace(/ at 0x[0-9a-f]+>/g, " at 0x>");

/** PyTorch's error line in torchlab's, which may name the op first (`mean(): Dimension out of range ...`). */
function sameErrors(got: string, want: string): string {
  const wl = want.split("\n");
  return got
    .split("\n")
    .map((line, k) => {
      const m = /^ERROR (\w+): (.*)$/.exec(wl[k] ?? "");
      return m && line.startsWith(`ERROR ${m[1]}: `) && line.includes(m[2]) ? wl[k] : line;
    })
    .join("\n");
}

let got: { printed: string; shown: string | null }[];

beforeAll(async () => {
  const cells = fixture.cells.map((c) => (c.printed.includes("ERROR ") ? { code: c.ts, tags: ["raises-exception"] } : c.ts));
  const run = await runNotebooks("dlwizard", { dlwizard: [SETUP, ...cells] });
  if (run.status !== 0) throw new Error(`torchlab run exited with ${run.status}:\n${run.stderr.slice(-6000)}`);
  got = cellsOf(run.notebooks.dlwizard).slice(1);
}, 300000);

describe("Deep Learning Wizard's PyTorch tutorials (matrices to RNN on MNIST) print and show what PyTorch 1.13 does", () => {
  test.each(fixture.cells.map((c, i) => [i, c] as const))("cell %i", (i, c) => {
    expectSamePrint(sameErrors(unaddressed(got[i].printed), c.printed), unaddressed(c.printed));
    if (c.shown === null || got[i].shown === null) expect({ ts: c.ts, shown: got[i].shown }).toEqual({ ts: c.ts, shown: c.shown });
    else expectSamePrint(got[i].shown!, c.shown);
  });
});
