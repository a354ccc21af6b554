/**
 * The notebook's `pd` (src/pandas over src/numpy) prints what pandas 1.5.3 prints
 * (test/reference/gen_pandas.py): read_csv from a buffer and a path with its dtype inference and
 * options, DataFrame and Series construction, subscripts, iloc / loc, assignment, arithmetic, the
 * reductions and describe, missing values, value_counts, groupby, concat, get_dummies (uint8),
 * `torch.tensor(df.values)`, and the printed text of short, long and wide frames. Each case's dialect
 * cell runs through `torchlab run`; what it prints must be what Python printed, and an error case must
 * raise pandas' error type and message.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "pandas.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 50, "pandas");
}, 300000);

describe("pd prints what pandas 1.5.3 prints", () => {
  test.each(fixture.cases.filter((c) => !c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});

describe("bad input raises pandas' error", () => {
  test.each(fixture.cases.filter((c) => c.error).map((c) => [c.name, c] as const))("%s", (name, c) => {
    expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
  });
});
