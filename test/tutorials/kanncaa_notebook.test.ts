/**
 * DATAI Team's (kanncaa1) "Pytorch Tutorial for Deep Learning Lovers", Kaggle's most-forked PyTorch notebook,
 * ported line by line and run as one notebook through `torchlab run`: numpy <-> tensor basics, `Variable(...,
 * requires_grad = True)` and `o.backward()`, linear regression on the car price / car sale lists, then logistic
 * regression, an ANN and a CNN on the Digit Recognizer's `train.csv`. What each cell prints and shows must be
 * what PyTorch 1.13, NumPy 1.24, pandas 1.5.3 and scikit-learn 1.2.1 give (test/reference/gen_kanncaa.py holds
 * both texts side by side, kanncaa.json). The text was found through the search tool as students' copies of
 * the notebook; the port follows it as written.
 *
 * Data: Kaggle's layout, `../input/train.csv` beside the working directory: the first 500 images of the
 * repository's Fashion-MNIST sample as the Digit Recognizer's file (a `label,pixel0,...,pixel783` header, one
 * row of ints per image), written by the setup cell as the generator writes it; the cell reads it from disk as
 * written (`pd.read_csv(r"../input/train.csv",dtype = np.float32)`).
 * Shrunk: the linear regression runs 301 iterations (the tutorial's 1001); n_iters is 40 for logistic regression
 * and the ANN (the tutorial's 10000), 4 for the CNN (its 2500); they evaluate every 10 iterations and print every
 * 20 (the CNN both every 2), the tutorial every 50 and 500.
 * Written differently: assignments are `let` / `const` declarations, `from torch.autograd import Variable` a
 * destructuring, `var` is `var_` (a JavaScript keyword), a class declares its fields and calls `super()`,
 * `np.random.seed(42)` is added before the `np.random.rand` cells (in both texts) so they print fixed numbers.
 * Addresses (`<built-in method type of Tensor object at 0x7f...>`) are the process's, compared without them.
 * What the port found, fixed: `r"../input/train.csv"` (a raw string) did not compile ("Cannot find name 'r'",
 * kernel/raw_strings.ts); `train.columns != "label"` (pandas' Index compared) did not compile, and where the
 * frame was untyped (rebound in the cell, a function's parameter) it was JavaScript's `!=`, a silent `true`;
 * `"{}".format(tensor.type)` printed `[Function: bound type]` (src/bound_method.ts); `test = Variable(...)`
 * inside the training loop, `test` an earlier cell's TensorDataset, did not compile.
 */
import * as fs from "fs";
import * as path from "path";
import { cellsOf, runNotebooks } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";

interface Cell {
  py: string;
  ts: string;
  printed: string;
  shown: string | null;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "kanncaa.json"), "utf8")) as { rows: number; cells: Cell[] };

/** gen_kanncaa.py's setup: <tmp>/input/train.csv from the Fashion-MNIST sample, <tmp>/working the working directory. */
const SETUP = `{
  const fs = require("fs"), path = require("path"), os = require("os"), zlib = require("zlib");
  const source = ${JSON.stringify(path.resolve(__dirname, "..", "..", "data", "FashionMNIST", "raw"))};
  const images = zlib.gunzipSync(fs.readFileSync(path.join(source, "train-images-idx3-ubyte.gz"))).subarray(16);
  const labels = zlib.gunzipSync(fs.readFileSync(path.join(source, "train-labels-idx1-ubyte.gz"))).subarray(8);
  const lines = ["label," + Array.from({length: 784}, (_, i) => "pixel" + i).join(",")];
  for (let k = 0; k < ${fixture.rows}; k++) lines.push([labels[k], ...images.subarray(784 * k, 784 * (k + 1))].join(","));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kanncaa-"));
  fs.mkdirSync(path.join(tmp, "input"));
  fs.mkdirSync(path.join(tmp, "working"));
  fs.writeFileSync(path.join(tmp, "input", "train.csv"), lines.join("\\n") + "\\n");
  process.chdir(path.join(tmp, "working"));
}`;

/** An object's address is the process's. */
const unaddressed = (s: string) => s.replace(/ at 0x[0-9a-f]+>/g, " at 0x>");

let got: { printed: string; shown: string | null }[];

beforeAll(async () => {
  const run = await runNotebooks("kanncaa", { kanncaa: [SETUP, ...fixture.cells.map((c) => c.ts)] });
  if (run.status !== 0) throw new Error(`torchlab run exited with ${run.status}:\n${run.stderr.slice(-6000)}`);
  got = cellsOf(run.notebooks.kanncaa).slice(1);
}, 300000);

describe("kanncaa1's Pytorch Tutorial for Deep Learning Lovers prints and shows what PyTorch 1.13 does", () => {
  test.each(fixture.cells.map((c, i) => [i, c] as const))("cell %i", (i, c) => {
    expectSamePrint(unaddressed(got[i].printed), unaddressed(c.printed));
    if (c.shown === null || got[i].shown === null) expect({ ts: c.ts, shown: got[i].shown }).toEqual({ ts: c.ts, shown: c.shown });
    else expectSamePrint(got[i].shown!, c.shown);
  });
});
