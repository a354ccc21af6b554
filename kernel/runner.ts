/**
 * `torchlab run <notebook.ipynb | folder> [--out DIR]`: executes notebooks headlessly through a real
 * kernel subprocess and writes the executed .ipynb (nbformat 4.5) and a standalone .html of each.
 *
 * A cell that errors stops its notebook (as nbclient does) and makes the run fail, unless the cell
 * is tagged `raises-exception`, in which case its error is expected and the run goes on.
 */
import * as fs from "fs";
import * as path from "path";
import { KernelClient } from "./client";
import { renderHtml } from "./html";
import { joinSource, normalizeNotebook, OutputCollector, storedOutputs, type Notebook } from "./notebook";
import { DISPLAY_NAME, KERNEL_NAME } from "./install";
import type { JsonObject } from "./wire";
import { writeFileAtomic } from "../src/serialization/atomic";

export interface RunOptions {
  /** Where executed notebooks and HTML go; default: next to each source notebook. */
  out?: string;
  /** Per-cell limit in seconds, after which the kernel is interrupted and the cell fails. */
  timeout: number;
  /** Passed to the kernel as TORCHLAB_SEED and recorded in metadata.torchlab. */
  seed: number;
  /** Progress lines; the default writes to stderr. */
  progress?: (line: string) => void;
}

export interface NotebookResult {
  source: string;
  ipynb: string;
  html: string;
  /** The first unexpected error, naming the cell; null when the notebook ran through. */
  failure: string | null;
}

/** The notebooks a path names: itself, or a folder's *.ipynb (not checkpoints), sorted. */
export function findNotebooks(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) {
    return [path.resolve(target)];
  }
  return fs
    .readdirSync(target)
    .filter((name) => name.endsWith(".ipynb") && !name.startsWith("."))
    .sort()
    .map((name) => path.resolve(target, name));
}

export async function runNotebookFile(file: string, options: RunOptions): Promise<NotebookResult> {
  const log = options.progress ?? ((line: string) => process.stderr.write(line + "\n"));
  const name = path.basename(file, ".ipynb");
  const outDir = path.resolve(options.out ?? path.dirname(file));
  fs.mkdirSync(outDir, { recursive: true });
  const nb = normalizeNotebook(JSON.parse(fs.readFileSync(file, "utf8")) as Notebook);

  const started = Date.now();
  const env = { ...process.env, TORCHLAB_SEED: String(options.seed) };
  log(`${name}: starting kernel`);
  const kernel = await KernelClient.start(path.dirname(file), env);
  const info = kernel.kernelInfo.torchlab as JsonObject | undefined;
  log(`${name}: ${String(info?.prelude ?? "kernel ready")}`);

  const displays = new Map();
  const codeCells = nb.cells.filter((cell) => cell.cell_type === "code");
  let failure: string | null = null;
  let index = 0;
  try {
    for (const cell of nb.cells) {
      if (cell.cell_type !== "code") {
        continue;
      }
      index += 1;
      const code = joinSource(cell.source);
      const label = `${name}: cell ${index}/${codeCells.length} (id ${cell.id})`;
      const collector = new OutputCollector(displays);
      cell.outputs = collector.outputs;
      if (code.trim() === "") {
        cell.execution_count = null;
        continue;
      }
      const t0 = Date.now();
      const { content, timedOut } = await kernel.execute(code, options.timeout * 1000, {
        onOutput: (msg_type, c) => collector.add(msg_type, c),
      });
      const seconds = (Date.now() - t0) / 1000;
      cell.execution_count = typeof content.execution_count === "number" ? content.execution_count : null;
      cell.metadata = { ...cell.metadata, torchlab: { duration_s: round(seconds) } };
      const expected = (cell.metadata.tags ?? []).includes("raises-exception");
      if (content.status === "ok") {
        log(`${label} ok (${seconds.toFixed(1)}s)`);
        continue;
      }
      const reason = timedOut
        ? `timed out after ${options.timeout}s and was interrupted`
        : `${String(content.ename)}: ${String(content.evalue)}`;
      if (timedOut && !collector.outputs.some((o) => o.output_type === "error")) {
        collector.add("error", { ename: "CellTimeoutError", evalue: reason, traceback: [reason] });
      }
      if (expected && !timedOut) {
        log(`${label} raised as expected (${reason})`);
        continue;
      }
      failure = `${label} failed: ${reason}`;
      log(failure);
      break;
    }
  } finally {
    await kernel.shutdown();
  }

  for (const cell of nb.cells) {
    if (cell.cell_type === "code") {
      cell.outputs = storedOutputs(cell.outputs ?? []);
    }
  }
  const languageInfo = kernel.kernelInfo.language_info;
  nb.metadata = {
    ...nb.metadata,
    kernelspec: { name: KERNEL_NAME, display_name: DISPLAY_NAME, language: "typescript" },
    ...(languageInfo ? { language_info: languageInfo } : {}),
    torchlab: {
      backend: info?.backend ?? null,
      versions: info?.versions ?? {},
      seed: options.seed,
      executed_at: new Date(started).toISOString(),
      duration_s: round((Date.now() - started) / 1000),
      status: failure === null ? "ok" : "error",
    },
  };
  const ipynb = path.join(outDir, `${name}.ipynb`);
  const html = path.join(outDir, `${name}.html`);
  // By default the executed notebook replaces the user's own: a failed write must not truncate it.
  writeFileAtomic(ipynb, JSON.stringify(nb, null, 1) + "\n");
  writeFileAtomic(html, renderHtml(nb, name));
  log(`${name}: wrote ${path.relative(process.cwd(), ipynb)} and ${path.relative(process.cwd(), html)}`);
  return { source: file, ipynb, html, failure };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Runs every notebook named; resolves to the failures (empty when all ran through). */
export async function runNotebooks(targets: string[], options: RunOptions): Promise<string[]> {
  const failures: string[] = [];
  for (const target of targets) {
    for (const file of findNotebooks(target)) {
      // A kernel that does not start fails this notebook, not the ones after it in the folder.
      const failure = await runNotebookFile(file, options).then(
        (result) => result.failure,
        (error: unknown) => `${path.basename(file, ".ipynb")}: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (failure) {
        failures.push(failure);
      }
    }
  }
  return failures;
}
