/**
 * Runs many small dialect cases through `torchlab run` in few cells (each cell costs the kernel a type
 * check) and returns what each printed, by case name: test/api/py_sweep and test/api/numpy compare that
 * with their generator's Python output. A case that raises catches its error and prints Python's
 * `ERR <type> <message>` for it, so that every case can share a cell with others; each case's output
 * runs from its marker to the next one (which may follow an `end=""`).
 */
import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "../kernel/helpers";

export interface Case {
  name: string;
  py: string;
  ts: string;
  print: string;
  error?: [string, string];
  /** What IPython shows for the case's last line, the cell's value (repr): such a case runs as a cell of its own. */
  shown?: string;
}

const MARKER = "@@case ";
const text = (t: string | string[]): string => (Array.isArray(t) ? t.join("") : t);

/** The printed output of each case, `group` cases to a cell; a cell that fails reports where in its later cases. */
export async function runCaseCells(cases: readonly Case[], group: number, name: string): Promise<Map<string, string>> {
  const body = (c: Case): string => (c.error ? `try {\n${c.ts}\n} catch (e: any) {\n  print("ERR", e.name, e.message);\n}` : `{\n${c.ts}\n}`);
  const marker = (c: Case): string => `print(${JSON.stringify(`${MARKER}${c.name}:`)}, end="");\n`;
  const grouped = cases.filter((c) => c.shown === undefined);
  const cells: string[] = [];
  for (let i = 0; i < grouped.length; i += group) cells.push(grouped.slice(i, i + group).map((c) => `${marker(c)}${body(c)}`).join("\n"));
  for (const c of cases) if (c.shown !== undefined) cells.push(`${marker(c)}${c.ts}`);
  const dir = tempDir(`torchlab-${name}-`);
  fs.writeFileSync(path.join(dir, `${name}.ipynb`), JSON.stringify(notebook(cells)));
  const run = await runCli(["run", path.join(dir, `${name}.ipynb`), "--out", dir]);
  if (run.status !== 0) throw new Error(run.stderr);
  const nb = JSON.parse(fs.readFileSync(path.join(dir, `${name}.ipynb`), "utf8"));
  const printed = new Map<string, string>();
  for (const cell of nb.cells) {
    let stdout = "";
    for (const o of cell.outputs) {
      if (o.output_type === "stream" && o.name === "stdout") stdout += text(o.text);
      if (o.output_type === "execute_result") stdout += `${text(o.data["text/plain"])}\n`;
      // A cell that fails stops its later cases, whose outputs are then missing: report where it failed.
      if (o.output_type === "error") stdout += `\nERR ${o.ename} ${o.evalue}\n`;
    }
    for (const piece of stdout.split(MARKER).slice(1)) {
      const colon = piece.indexOf(":");
      printed.set(piece.slice(0, colon), piece.slice(colon + 1));
    }
  }
  return printed;
}

/** What the case's Python printed, then its cell's value where it shows one, or `ERR <type> <message>` where it raised. */
export const expectedOutput = (c: Case): string => c.print + (c.shown !== undefined ? `${c.shown}\n` : "") + (c.error ? `ERR ${c.error[0]} ${c.error[1]}\n` : "");

/**
 * The suite of a generator's fixture (test/reference/NAME.json): each case's dialect cell run through
 * `torchlab run` (`group` cases to a cell), what it prints compared with what Python printed.
 */
export function testCases(fixtureName: string, group: number, name: string): void {
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", fixtureName), "utf8")) as { cases: Case[] };
  let printed: Map<string, string>;
  beforeAll(async () => {
    printed = await runCaseCells(fixture.cases, group, name);
  }, 300000);
  test.each(fixture.cases.map((c) => [c.name, c] as const))("%s prints what Python prints", (caseName, c) => {
    expect({ ts: c.ts, printed: printed.get(caseName) }).toEqual({ ts: c.ts, printed: expectedOutput(c) });
  });
}
