/**
 * The notebook's `datetime` and `timedelta` (src/datetime.ts) print and compute what Python 3.11's
 * datetime module does (test/reference/gen_datetime.py): str, repr and isoformat; strftime in the C
 * locale (the "Training with PyTorch" tutorial's `datetime.now().strftime('%Y%m%d_%H%M%S')`); strptime
 * and fromisoformat with Python's errors; timedelta's normalization, str and total_seconds (a float);
 * the operators (`end - start`, `d + timedelta(days=30)`, `t / timedelta(hours=1)`, comparisons) through
 * the dialect's operator methods; `datetime.datetime` / `datetime.date` / `datetime.timedelta` as
 * `import datetime` writes them. Each case's dialect cell runs through `torchlab run`.
 */
import * as fs from "fs";
import * as path from "path";
import { expectedOutput as expected, runCaseCells, type Case } from "./_case_cells";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "datetime.json"), "utf8")) as { cases: Case[] };

let printed: Map<string, string>;

beforeAll(async () => {
  printed = await runCaseCells(fixture.cases, 14, "datetime");
}, 300000);

test.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (name, c) => {
  expect({ ts: c.ts, printed: printed.get(name) }).toEqual({ ts: c.ts, printed: expected(c) });
});
