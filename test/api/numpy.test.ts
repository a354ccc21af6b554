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
import { notebook, runCli, tempDir } from "../kernel/helpers";

interface Case {
  name: string;
  py: string;
  ts: string;
  print: string;
  error?: [string, string];
}
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "numpy.json"), "utf8")) as { cases: Case[] };

const MARKER = "@@case ";
const GROUP = 40;
const text = (t: string | string[]): string => (Array.isArray(t) ? t.join("") : t);

const printed = new Map<string, string>();

beforeAll(async () => {
  const body = (c: Case): string => (c.error ? `try {\n${c.ts}\n} catch (e: any) {\n  print("ERR", e.name, e.message);\n}` : `{\n${c.ts}\n}`);
  const cells: string[] = [];
  for (let i = 0; i < fixture.cases.length; i += GROUP) {
    cells.push(fixture.cases.slice(i, i + GROUP).map((c) => `print(${JSON.stringify(`${MARKER}${c.name}:`)}, end="");\n${body(c)}`).join("\n"));
  }
  const dir = tempDir("torchlab-numpy-");
  fs.writeFileSync(path.join(dir, "numpy.ipynb"), JSON.stringify(notebook(cells)));
  const run = await runCli(["run", path.join(dir, "numpy.ipynb"), "--out", dir]);
  if (run.status !== 0) throw new Error(run.stderr);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "numpy.ipynb"), "utf8"));
  for (const cell of nb.cells) {
    let stdout = "";
    for (const o of cell.outputs) {
      if (o.output_type === "stream" && o.name === "stdout") stdout += text(o.text);
      if (o.output_type === "error") stdout += `\nERR ${o.ename} ${o.evalue}\n`;
    }
    for (const piece of stdout.split(MARKER).slice(1)) {
      const colon = piece.indexOf(":");
      printed.set(piece.slice(0, colon), piece.slice(colon + 1));
    }
  }
}, 300000);

const expected = (c: Case): string => c.print + (c.error ? `ERR ${c.error[0]} ${c.error[1]}\n` : "");

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
