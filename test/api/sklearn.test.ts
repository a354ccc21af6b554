/**
 * The notebook's `sklearn` (src/sklearn over src/numpy) prints what scikit-learn 1.2.1 prints
 * (test/reference/gen_sklearn.py): make_moons / make_circles / make_blobs / make_classification /
 * make_regression draw for draw (random_state as an int, a RandomState, and None through NumPy's global
 * state), load_iris and load_digits from the bundled CSVs, train_test_split (fractions and counts,
 * shuffle=False, stratify; arrays, tensors and lists in) and KFold / StratifiedKFold, the scalers and
 * encoders with their fitted attributes, the metrics (the classification report's text included) and
 * PCA with svd_flip's signs. Each case's dialect cell runs through `torchlab run`; what it prints must
 * be what Python printed, and an error case must raise scikit-learn's error type and message.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "sklearn.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 40, "sklearn");
}, 300000);

describe("sklearn prints what scikit-learn 1.2.1 prints", () => {
  test.each(fixture.cases.filter((c) => !c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});

describe("bad input raises scikit-learn's error", () => {
  test.each(fixture.cases.filter((c) => c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});
