/**
 * Values that Python holds as floats print as Python's floats (test/reference/gen_py_float.py), each
 * beside its int twin, which must stay an int: JavaScript's number cannot tell `26.0` from `26`, so
 * `df['Age'].mean()` printed `26`, `list(map(str, [1.0]))` `['1']`, `divmod(7.5, 2)` `(3, 1.5)`,
 * `sum([0.5, 0.5])` `1`, and a float read back from a dict, a returned tuple or an attribute summed in a
 * method lost its `.0`. Also `d.get(tuple)` on an untyped dict: a tuple key looked up by value.
 * Each case's dialect cell runs through `torchlab run`; what it prints must be what Python printed.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "py_float.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 1, "py-float");
}, 300000);

test.each(fixture.cases.map((c) => [c.name, c] as const))("%s prints what Python prints", (name, c) => {
  expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
});
