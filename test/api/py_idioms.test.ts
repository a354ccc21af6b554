/**
 * Python idioms that tutorials use, ported line by line (test/reference/gen_py_idioms.py): a method
 * called on an untyped receiver on the line after one without a semicolon (the dialect's rewrite made
 * that line start with `(`, which JavaScript read as a call of the line before), and Python's
 * AttributeError and TypeError for a missing method or a call of what is no function. Each case's
 * dialect cell runs through `torchlab run`; what it prints (or raises) must be what Python did.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "py_idioms.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 4, "py-idioms");
}, 300000);

test.each(fixture.cases.map((c) => [c.name, c] as const))("%s prints what Python prints", (name, c) => {
  expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
});
