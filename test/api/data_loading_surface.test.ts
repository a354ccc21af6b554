/**
 * What the port of PyTorch's data-loading tutorial (test/tutorials/data_loading_notebook.test.ts) found
 * missing or wrong, case by case against Python (test/reference/gen_data_loading_cases.py,
 * data_loading_cases.json): plt.imread of 8-bit RGB and grayscale PNGs (float32 in [0, 1], as matplotlib
 * 3.6 reads a PNG), plt.ion / ioff / isinteractive, np.array of a list holding pandas rows (int and float
 * columns beside a string one) or ranges, the object dtype of `df.iloc[i, 1:]` / `df.loc[i, 'a:']` on such
 * a frame, NumPy's operators with a list operand (typed and untyped), isinstance with a tuple of types
 * (`[int, tuple]`), default_collate of dict samples holding NumPy arrays, and a call over a list of an
 * instance with `__call__` and a function. Each dialect cell runs through `torchlab run` and must print
 * what the Python printed.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "data_loading_cases.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 1, "data-loading-cases");
}, 300000);

describe("the data-loading tutorial's surface prints what Python prints", () => {
  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});
