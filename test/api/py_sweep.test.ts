/**
 * What notebooks print through Python's own builtins prints as Python 3.11 prints it
 * (test/reference/gen_py_sweep.py, a sweep of ~440 cases of the notebook dialect against Python,
 * condensed): print's sep / end / `*args`, f-string specs and conversions (`${loss:.4f}`, `${acc:>6.2%}`,
 * `${n:,}`, `${x=}`, nested `${x:{w}.{p}f}`, a 0-d and a 1-d tensor), a plain `${x}` of a number or a
 * dict as Python's str() (1e-07, 1e+20, inf, -0.0, `{'a': 1}`), str.format and % formatting, float reprs
 * (1e-05, 1e+16 and above, -0.0), a bigint's digits, round half to even, int(), divmod, `%` of numbers
 * with the divisor's sign and Python's ZeroDivisionError, Python's math module (ints from floor / ceil,
 * its domain and range errors, log with a base, isclose, comb, fsum) and time module, seeded random
 * draws, str methods (partition, rsplit, splitlines, expandtabs, swapcase, removeprefix, ...),
 * containers, dicts, sorted / min / max / sum. Each case's dialect cell runs through `torchlab run` (the
 * kernel's rewrite, tslab's compile and the cell's execution); what it prints must be what Python
 * printed for the case's Python line, and an error case must raise Python's error type and message.
 * Cases share cells (each case in its own block after a marker; one that raises prints its error from a
 * catch), to keep the suite short.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "py_sweep.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 60, "py-sweep");
}, 300000);

describe("what a notebook prints through Python's builtins is Python's text", () => {
  test.each(fixture.cases.filter((c) => !c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});

describe("bad input raises Python's error", () => {
  test.each(fixture.cases.filter((c) => c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});
