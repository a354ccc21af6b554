/**
 * Jason Brownlee's Machine Learning Mastery PyTorch tutorials, which many beginners copy: "Develop Your First
 * Neural Network with PyTorch, Step by Step" (the Pima Indians diabetes MLP) and "PyTorch Tutorial: How to
 * Develop Deep Learning Models with Python" (its three MLPs on CSV files through a `CSVDataset(Dataset)`:
 * binary classification on the ionosphere file, multiclass on iris, regression on Boston housing), ported
 * line by line and run as one notebook through `torchlab run`. What each cell prints and shows must be what
 * PyTorch 1.13, NumPy 1.24, pandas 1.5.3 and scikit-learn 1.2.1 give (test/reference/gen_mlm.py holds both
 * texts side by side, mlm.json).
 *
 * Data: the tutorials download their CSV files; here the fixture's files of the same columns and number
 * formats (synthetic values; iris is scikit-learn's) are written into a temporary folder that the first
 * cell makes the working directory, and the cells read them from disk as written
 * (`np.loadtxt('pima-indians-diabetes.csv', delimiter=',')`, `read_csv(path, header=None)`); the path is
 * the file's name where the tutorial has its URL. Shrunk: the Pima model trains 5 epochs (the tutorial's
 * 100), the ionosphere and iris MLPs 20 (the tutorial's 100 and 500;
 * the housing MLP keeps its 100: after 20 its MSE of unscaled inputs is where float32 rounding spreads).
 * Written differently: Python's imports are destructurings (`const { vstack } = np;`), assignments are
 * `let` / `const` declarations, f-strings are template strings, `with torch.no_grad():` is
 * `torch.no_grad(() => {...})`, `super(MLP, self).__init__()` is `super()`, a class declares its fields.
 * Its CNN reads `MNIST('~/.torch/datasets/mnist', ...)`: the repository's Fashion-MNIST sample (600
 * training, 100 test images, written as MNIST's raw files), under a home folder the setup makes; it trains
 * 1 epoch (the tutorial's 10). Left out: the tutorial's matplotlib grid of digits.
 * What the port found, fixed: `df.values` of a frame with a string column was a TypeError (torchlab's
 * NumPy held no object arrays): it is now an array of dtype object, which `[:, :-1].astype('float32')`
 * and `LabelEncoder().fit_transform(df.values[:, -1])` read; `predictions, actuals = vstack(predictions),
 * vstack(actuals)` (lists, then arrays) did not compile; `'Predicted: %.3f' % yhat` of a [1, 1] NumPy
 * array was a TypeError; `a[i, j]` of a NumPy array did not compile ("Expected 1 arguments, but got 2");
 * a dataset's root `~/.torch/datasets/mnist` was not expanded (torchvision's os.path.expanduser).
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

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "mlm.json"), "utf8")) as { files: Record<string, string>; cells: Cell[] };

/** gen_mlm.py's setup: the MNIST sample under ./data/MNIST/raw of a temporary folder, the kernel's working directory (as gen_dlwizard's). */
const MNIST_SETUP = sampleIdxSetup("mlm-", "MNIST");
/** Then the CSV files beside it; that folder is the home, and ~/.torch/datasets/mnist its ./data. */
const SETUP = `{
  const fs = require("fs"), path = require("path");
  for (const [name, text] of Object.entries(${JSON.stringify(fixture.files)})) fs.writeFileSync(name, text);
  process.env.HOME = process.cwd();
  fs.mkdirSync(path.join(".torch", "datasets"), {recursive: true});
  fs.symlinkSync(path.join(process.cwd(), "data"), path.join(".torch", "datasets", "mnist"));
}`;

let got: { printed: string; shown: string | null }[];

beforeAll(async () => {
  const run = await runNotebooks("mlm", { mlm: [MNIST_SETUP, SETUP, ...fixture.cells.map((c) => c.ts)] });
  if (run.status !== 0) throw new Error(`torchlab run exited with ${run.status}:\n${run.stderr.slice(-6000)}`);
  got = cellsOf(run.notebooks.mlm).slice(2);
}, 300000);

describe("Machine Learning Mastery's PyTorch tutorials (Pima, the CSV MLPs, the MNIST CNN) print and show what PyTorch 1.13 does", () => {
  test.each(fixture.cells.map((c, i) => [i, c] as const))("cell %i", (i, c) => {
    expectSamePrint(got[i].printed, c.printed);
    if (c.shown === null || got[i].shown === null) expect({ ts: c.ts, shown: got[i].shown }).toEqual({ ts: c.ts, shown: c.shown });
    else expectSamePrint(got[i].shown!, c.shown);
  });
});
