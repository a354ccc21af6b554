/**
 * Tutorial ports run as notebooks through `torchlab run`, as a course's notebooks are: each named list
 * of cells becomes a notebook, all of them run in one CLI call, and the executed notebooks are read back.
 */
import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "../kernel/helpers";

export type NbOutput = {
  output_type: string;
  name?: string;
  text?: string[] | string;
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
};
export type ExecutedNotebook = { cells: { outputs?: NbOutput[] }[] };

export interface NotebookRun {
  status: number | null;
  stderr: string;
  notebooks: Record<string, ExecutedNotebook>;
}

/** A cell: its source, or its source with tags (`raises-exception` for a cell whose error is the reference). */
export type NbCell = string | { code: string; tags: string[] };

export async function runNotebooks(prefix: string, sections: Record<string, NbCell[]>): Promise<NotebookRun> {
  const dir = tempDir(`torchlab-${prefix}-`);
  const files = Object.entries(sections).map(([name, cells]) => {
    const file = path.join(dir, `${name}.ipynb`);
    fs.writeFileSync(file, JSON.stringify(notebook(cells)));
    return file;
  });
  // One wasm thread per kernel unless OMP_NUM_THREADS says otherwise (CI time, as test/setup.ts does
  // in-process): jest's two workers already fill the 2-core machine, so a kernel's second pool thread
  // mostly spins waiting for a core. The kernels of the kernel/, hub/ and nbconvert suites keep the
  // default (one thread per core), and backend/threads.test.ts checks the threaded build's values.
  const env = { ...process.env, OMP_NUM_THREADS: process.env.OMP_NUM_THREADS ?? "1" };
  const result = await runCli(["run", ...files, "--out", path.join(dir, "out")], { env });
  const notebooks: Record<string, ExecutedNotebook> = {};
  for (const name of Object.keys(sections)) {
    const file = path.join(dir, "out", `${name}.ipynb`);
    // A run that wrote nothing (the kernel did not start) says why: its exit status and its log.
    if (!fs.existsSync(file)) throw new Error(`torchlab run wrote no ${name}.ipynb (exit status ${result.status}):\n${result.stderr.slice(-6000)}`);
    notebooks[name] = JSON.parse(fs.readFileSync(file, "utf8")) as ExecutedNotebook;
  }
  return { status: result.status, stderr: result.stderr, notebooks };
}

/** A stream output's text. */
export function streamText(o: NbOutput): string {
  return Array.isArray(o.text) ? o.text.join("") : o.text ?? "";
}

/** One cell's stdout (an error as `ERROR name: message`) and its execute_result's text/plain (null when it shows nothing). */
export type CellOutput = { printed: string; shown: string | null };

export function cellsOf(nb: ExecutedNotebook): CellOutput[] {
  return nb.cells.map((c) => {
    const outs = c.outputs ?? [];
    const printed = outs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? streamText(o) : o.output_type === "error" ? `ERROR ${o.ename}: ${o.evalue}\n` : "")).join("");
    const t = outs.find((o) => o.output_type === "execute_result")?.data?.["text/plain"];
    return { printed, shown: t === undefined ? null : Array.isArray(t) ? t.join("") : t };
  });
}

/**
 * A port's cells (a fixture's `ts` texts) run in order as one notebook; what each cell printed to stdout
 * (an error as `ERROR name: message`), for comparing cell by cell with the Python original's.
 */
export async function printedCells(prefix: string, cells: string[]): Promise<string[]> {
  const run = await runNotebooks(prefix, { [prefix]: cells });
  if (run.status !== 0) throw new Error(`torchlab run exited with ${run.status}:\n${run.stderr.slice(-6000)}`);
  return cellsOf(run.notebooks[prefix]).map((c) => c.printed);
}

/** Everything the notebook printed to stdout, and each error as `ERROR name: message` when `errors` is set. */
export function printedText(nb: ExecutedNotebook, errors = false): string {
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => (errors && o.output_type === "error" ? `ERROR ${o.ename}: ${o.evalue}\n` : o.output_type === "stream" && o.name === "stdout" ? streamText(o) : ""))
    .join("");
}

/**
 * For a describe block: runs `sections` as notebooks in one `torchlab run` before the block's tests, and
 * adds the test that every cell ran (no error output, no failed cell, exit status 0). Returns the
 * executed notebooks by section name, filled in once beforeAll has run.
 */
export function notebooksForSuite(prefix: string, sections: Record<string, string[]>, timeoutMs = 300_000): Record<string, ExecutedNotebook> {
  const nbs: Record<string, ExecutedNotebook> = {};
  let run: NotebookRun | undefined;
  beforeAll(async () => {
    run = await runNotebooks(prefix, sections);
    Object.assign(nbs, run.notebooks);
  }, timeoutMs);
  test("every cell runs", () => {
    const errors = Object.values(nbs).flatMap((nb) =>
      nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`),
    );
    expect(errors).toEqual([]);
    expect(run?.stderr).not.toMatch(/failed/);
    expect(run?.status).toBe(0);
  });
  return nbs;
}

/** torchlab run's default seed: a fresh kernel starts with `torch.manual_seed(SEED)`. */
const SEED = 0;

/**
 * notebooksForSuite with the sections of each part run one after another in one notebook: one kernel
 * start per part instead of one per section (~3.2 s of CPU each, plus the first cell's warm-up). Before
 * every section but a part's first, a cell reseeds torch as a fresh kernel is seeded and resets the
 * print options and default dtype, so each section draws the random numbers it would draw alone and
 * prints as it would alone; a later section may redeclare an earlier one's names (the kernel allows
 * it, as Python does). Returns each section's cells as an executed notebook of its own, the reseeding
 * cells left out, so a section's outputs are compared exactly as before.
 */
export function sectionsForSuite(
  prefix: string,
  parts: Record<string, Record<string, string[]>>,
  timeoutMs = 300_000,
): Record<string, ExecutedNotebook> {
  // A section that sets `precision=2` or float64 must not change how the next one prints.
  const reseed = `torch.manual_seed(${SEED}); torch.set_printoptions({profile: "default", sci_mode: null}); torch.set_default_dtype(torch.float32);`;
  const where: Record<string, [string, number, number]> = {};
  const merged: Record<string, string[]> = {};
  for (const [part, sections] of Object.entries(parts)) {
    const cells: string[] = [];
    Object.entries(sections).forEach(([name, own], i) => {
      if (name in where) throw new Error(`section ${name} is in two parts`);
      if (i > 0) cells.push(reseed);
      where[name] = [part, cells.length, own.length];
      cells.push(...own);
    });
    merged[part] = cells;
  }
  const parts_ = notebooksForSuite(prefix, merged, timeoutMs);
  const nbs: Record<string, ExecutedNotebook> = {};
  beforeAll(() => {
    for (const [name, [part, first, n]] of Object.entries(where)) {
      nbs[name] = { ...parts_[part], cells: parts_[part].cells.slice(first, first + n) };
    }
  });
  return nbs;
}

/**
 * A first cell that writes the first 600 training / 100 test images of the repository's Fashion-MNIST
 * sample (data/FashionMNIST/raw) as plain IDX files under `<tmp>/data/<folder>/raw` and makes that
 * temporary folder the kernel's working directory: a tutorial's `datasets.MNIST("data", ...)` /
 * `FashionMNIST("data", ...)` then reads a small set, as the port's generator does in Python.
 */
export function sampleIdxSetup(tmpPrefix: string, folder: string): string {
  const source = path.resolve(__dirname, "..", "..", "data", "FashionMNIST", "raw");
  return `{
  const fs = require("fs"), path = require("path"), os = require("os"), zlib = require("zlib");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), ${JSON.stringify(tmpPrefix)}));
  const raw = path.join(tmp, "data", ${JSON.stringify(folder)}, "raw");
  fs.mkdirSync(raw, {recursive: true});
  for (const [split, n] of [["train", 600], ["t10k", 100]] as [string, number][]) {
    for (const [kind, size] of [["images-idx3", 784], ["labels-idx1", 1]] as [string, number][]) {
      const buf = zlib.gunzipSync(fs.readFileSync(path.join(${JSON.stringify(source)}, \`\${split}-\${kind}-ubyte.gz\`)));
      const start = 4 + 4 * buf[3];
      const head = Buffer.from(buf.subarray(0, start));
      head.writeUInt32BE(n, 4);
      fs.writeFileSync(path.join(raw, \`\${split}-\${kind}-ubyte\`), Buffer.concat([head, buf.subarray(start, start + n * size)]));
    }
  }
  process.chdir(tmp);
}`;
}
