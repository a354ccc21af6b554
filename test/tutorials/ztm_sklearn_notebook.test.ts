/**
 * The scikit-learn cells of Daniel Bourke's "Zero to Mastery: Learn PyTorch for Deep Learning" notebook
 * 02 (neural network classification, mrdbourke/pytorch-deep-learning) with the notebook's `sklearn`
 * instead of stand-ins: make_circles(1000, noise=0.03, random_state=42), train_test_split of the tensors
 * (test_size=0.2, random_state=42), the ReLU CircleModelV2 trained on them, then make_blobs(1000,
 * centers=4, cluster_std=1.5, random_state=42), its split, BlobModel's training and its predictions.
 * Each cell runs through `torchlab run` in order, in one notebook, and must print what the course's
 * Python cell printed on scikit-learn 1.2.1 and PyTorch 1.13 (test/reference/gen_ztm_sklearn.py,
 * ztm_sklearn.json): the same points, the same split, so the same losses and accuracies.
 * Written differently from the course: keyword arguments are options objects, `X[:5]` is `X[":5"]`,
 * `with torch.inference_mode():` is `torch.inference_mode(() => ...)`, `{loss:.5f}` is
 * `${loss.item().toFixed(5)}` and `{acc:.2f}` is `${"%.2f" % acc}` (Python's rounding: toFixed writes
 * 99.125 as 99.13 where Python writes 99.12), the tensors get their own names (`Xt`, `X_blob`) where the course
 * rebinds the NumPy arrays' names, and the circles' model trains 100 epochs (the course: 1000).
 * Left out: the matplotlib and pandas cells, model_0 / model_1 (the same code on linear models),
 * helper_functions.py's plot_decision_boundary, and torchmetrics.
 */
import * as fs from "fs";
import * as path from "path";
import { printedCells } from "./_notebooks";

interface Cell {
  py: string;
  ts: string;
  print: string;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "ztm_sklearn.json"), "utf8")) as { cells: Cell[] };

let printed: string[];

beforeAll(async () => {
  printed = await printedCells("ztm-sklearn", fixture.cells.map((c) => c.ts));
}, 300000);

describe("ZTM 02's scikit-learn cells print what scikit-learn 1.2.1 and PyTorch 1.13 print", () => {
  test.each(fixture.cells.map((c, i) => [i + 1, c] as const))("cell %i", (i, c) => {
    expect({ ts: c.ts, printed: printed[i - 1] }).toEqual({ ts: c.ts, printed: c.print });
  });
});
