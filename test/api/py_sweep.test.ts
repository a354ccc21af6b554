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
import { notebook, runCli, tempDir } from "../kernel/helpers";

interface Case {
  name: string;
  py: string;
  ts: string;
  print: string;
  error?: [string, string];
}
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "py_sweep.json"), "utf8")) as { cases: Case[] };

const MARKER = "@@case ";
const GROUP = 60;
const text = (t: string | string[]): string => (Array.isArray(t) ? t.join("") : t);

const printed = new Map<string, string>();

beforeAll(async () => {
  // A case that raises catches its error and prints Python's `ERR <type> <message>` for it, so that every
  // case can share a cell with others (each cell costs the kernel a type check).
  const body = (c: Case): string => (c.error ? `try {\n${c.ts}\n} catch (e: any) {\n  print("ERR", e.name, e.message);\n}` : `{\n${c.ts}\n}`);
  const cells: string[] = [];
  for (let i = 0; i < fixture.cases.length; i += GROUP) {
    cells.push(fixture.cases.slice(i, i + GROUP).map((c) => `print(${JSON.stringify(`${MARKER}${c.name}:`)}, end="");\n${body(c)}`).join("\n"));
  }
  const dir = tempDir("torchlab-py-sweep-");
  fs.writeFileSync(path.join(dir, "py_sweep.ipynb"), JSON.stringify(notebook(cells)));
  const run = await runCli(["run", path.join(dir, "py_sweep.ipynb"), "--out", dir]);
  if (run.status !== 0) throw new Error(run.stderr);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "py_sweep.ipynb"), "utf8"));
  for (const cell of nb.cells) {
    let stdout = "";
    for (const o of cell.outputs) {
      if (o.output_type === "stream" && o.name === "stdout") stdout += text(o.text);
      // A cell that fails stops its later cases, whose outputs are then missing: report where it failed.
      if (o.output_type === "error") stdout += `\nERR ${o.ename} ${o.evalue}\n`;
    }
    // Each case's output runs from its marker to the next marker (which may follow an `end=""`).
    for (const piece of stdout.split(MARKER).slice(1)) {
      const colon = piece.indexOf(":");
      printed.set(piece.slice(0, colon), piece.slice(colon + 1));
    }
  }
}, 300000);

// What Python printed, then `ERR <type> <message>` where it raised.
const expected = (c: Case): string => c.print + (c.error ? `ERR ${c.error[0]} ${c.error[1]}\n` : "");

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
