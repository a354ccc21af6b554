/**
 * The notebook's `np` (src/numpy over src/tensor/ndarray.ts) prints what NumPy 1.24 prints
 * (test/reference/gen_numpy.py): creation and NumPy's dtype inference (ints int64, floats float64, float
 * literals as written), promotion (a float32 array beside a Python float stays float32, int with float is
 * float64), broadcasting and its error, the dialect's operators on typed and untyped arrays (`a + b`,
 * `2 ** a`, `(a > 1) & (a < 4)`, `a += 1`, `c[i] += 1`), ufuncs, basic and advanced indexing and
 * assignment, methods and reductions with `axis` / `keepdims`, np.* functions, and interop with torch.
 * Each case's dialect cell runs through `torchlab run`; what it prints must be what Python printed for
 * the case's Python line, and an error case must raise NumPy's error type and message. Cases share
 * cells (each in its own block after a marker), to keep the suite short.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "numpy.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 40, "numpy");
}, 300000);

describe("np prints what NumPy 1.24 prints", () => {
  test.each(fixture.cases.filter((c) => !c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});

describe("bad input raises NumPy's error", () => {
  test.each(fixture.cases.filter((c) => c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});
