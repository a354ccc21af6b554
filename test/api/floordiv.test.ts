/**
 * Python's number operators and floats in a notebook cell, against Python's own output:
 *
 * - floor division (test/reference/gen_floordiv.py): `(k + 1) // 2`, `len(ds) // batch_size`, conv shape
 *   arithmetic, `steps //= 2`, `t // 2` on int and float tensors (either side), `x //= 2` in place, an untyped
 *   parameter's `v // 2`, NumPy arrays, a list item's `//=`, Python's ZeroDivisionError and TypeError, and
 *   `%` and divmod of numbers with the divisor's sign. TypeScript read each `//` as a comment: `half =
 *   (k + 1) // 2` silently gave `k + 1`; a `//` that is a comment (`x = 5  // number of epochs`,
 *   `print(x) // x`) stays one.
 * - a for loop's variable over a list of floats (test/reference/gen_float_flow.py): `for v in [1.0, 2.5]:`
 *   printed `1` where Python prints `1.0`.
 *
 * Each case's dialect cell runs through `torchlab run`; what it prints must be what Python printed.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = (name: string) => (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", name), "utf8")) as { cases: Case[] }).cases;
const suites: [string, Case[]][] = [
  ["floor division, % and divmod", fixture("floordiv.json")],
  ["a loop variable's floats", fixture("float_flow.json")],
];

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(suites.flatMap(([, cases]) => cases), 1, "floordiv");
}, 300000);

describe.each(suites)("%s", (_, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))("%s prints what Python prints", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});
