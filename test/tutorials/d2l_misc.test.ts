/**
 * Dive into Deep Learning (d2l-zh, PyTorch edition): chapter_deep-learning-computation (model-construction,
 * deferred-init), chapter_preliminaries/calculus, chapter_linear-networks/image-classification-dataset and
 * chapter_multilayer-perceptrons (underfit-overfit, kaggle-house-price), ported cell by cell
 * (test/tutorials/_d2l_misc_cells.ts) and run as a notebook through `torchlab run`. Printed output
 * (seeded models' outputs, FakeData's pixels and batches, float64 polynomial features, the k-fold log
 * rmse) must be PyTorch's (test/reference/gen_d2l_misc.py).
 */
import * as fs from "fs";
import * as path from "path";
import { notebooksForSuite, printedText, type ExecutedNotebook as Nb } from "./_notebooks";
import { expectSamePrint } from "./_tutorial";
import { MISC_CELLS } from "./_d2l_misc_cells";
import { KAGGLE_HOUSE_TEST, KAGGLE_HOUSE_TRAIN } from "./_d2l_data";

const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "d2l_misc.json"), "utf8")) as { printed: string[] };

function printed(nb: Nb): string {
  return printedText(nb).replace(/\n$/, "");
}

describe("d2l computation, calculus, dataset and MLP chapters as a notebook", () => {
  const data = `const KAGGLE_HOUSE_TRAIN = ${JSON.stringify(KAGGLE_HOUSE_TRAIN)};\nconst KAGGLE_HOUSE_TEST = ${JSON.stringify(KAGGLE_HOUSE_TEST)};`;
  const nbs = notebooksForSuite("d2l-misc", { misc: [data, ...MISC_CELLS] }, 300_000);

  test("prints PyTorch's output", () => {
    // The k-fold average's last printed digit may round the other way (float32 sums in another order).
    expectSamePrint(printed(nbs.misc), REF.printed.join("\n"), 2e-3);
  });
});
