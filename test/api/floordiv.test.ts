/**
 * Python's floor division in a notebook cell (test/reference/gen_floordiv.py): `(k + 1) // 2`,
 * `len(ds) // batch_size`, conv shape arithmetic, `steps //= 2`, `t // 2` on int and float tensors (either
 * side), `x //= 2` in place, an untyped parameter's `v // 2`, NumPy arrays, a list item's `//=`, Python's
 * ZeroDivisionError and TypeError, and `%` of numbers with the divisor's sign. TypeScript read each `//`
 * as a comment: `half = (k + 1) // 2` silently gave `k + 1`. Each case's dialect cell runs through
 * `torchlab run`; what it prints must be what Python printed, and a `//` that is a comment
 * (`x = 5  // number of epochs`, `print(x) // x`) stays one.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "floordiv.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 1, "floordiv");
}, 300000);

test.each(fixture.cases.map((c) => [c.name, c] as const))("%s prints what Python prints", (name, c) => {
  expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
});
