/**
 * Whole-number floats that reach print() through a for loop's variable (test/reference/gen_float_flow.py):
 * `for v in [1.0, 2.5]:` printed `1` where Python prints `1.0`, over a list literal, a list variable, a
 * parameter's list and a list filled by `append(float(i))`. Each case's dialect cell runs through
 * `torchlab run`; what it prints must be what Python printed.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "float_flow.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 1, "float-flow");
}, 300000);

test.each(fixture.cases.map((c) => [c.name, c] as const))("%s prints what Python prints", (name, c) => {
  expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
});
