/**
 * Debian's `jupyter nbconvert --execute` runs every notebook in notebooks/ with the installed
 * kernelspec, and its outputs match `torchlab run`'s (the same seed; timing and ids aside).
 *
 * `torchlab run`'s side is the committed notebooks/*.ipynb themselves: they are `torchlab run`'s output
 * of this tree (`npm start` writes them; the lead reruns it before each merge), so the test compares
 * nbconvert's outputs with them instead of running every notebook a second time (CI time: that second
 * run was half of this suite's ~235 s). A change that alters a notebook's outputs therefore needs
 * `npm start` before this test passes, which is also what keeps the committed notebooks current.
 */
import * as fs from "fs";
import * as path from "path";
import { findNotebooks } from "../../kernel/runner";
import { hasPythonModule, installKernelspec, ROOT, run, tempDir } from "./helpers";

const available = hasPythonModule("nbconvert", "jupyter-nbconvert") && hasPythonModule("nbclient", "python3-nbclient");
const maybe = available ? test : test.skip;

type Output = { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown>; ename?: string; evalue?: string; execution_count?: number };

const join = (v: unknown) => (Array.isArray(v) ? v.join("") : v);

/** The comparable part of a notebook: per code cell, its outputs with streams coalesced (nbclient may split them). */
function outputsOf(file: string): unknown[] {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { cell_type: string; outputs?: Output[] }[] };
  return nb.cells
    .filter((cell) => cell.cell_type === "code")
    .map((cell) => {
      const merged: Output[] = [];
      for (const o of cell.outputs ?? []) {
        const last = merged[merged.length - 1];
        if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) {
          last.text = String(join(last.text)) + String(join(o.text));
        } else {
          merged.push({ ...o, ...(o.text !== undefined ? { text: join(o.text) as string } : {}) });
        }
      }
      return merged.map((o) => ({
        ...o,
        ...(o.data ? { data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, join(v)])) } : {}),
      }));
    });
}

maybe("nbconvert --execute runs notebooks/ without errors and matches torchlab run (the committed notebooks)", async () => {
  const jupyterPath = installKernelspec();
  const out = tempDir("torchlab-nbconvert-");
  const notebooks = findNotebooks(path.join(ROOT, "notebooks"));
  expect(notebooks.length).toBeGreaterThan(0);
  // The kernel inherits nbconvert's environment: the same seed as torchlab run's default.
  const env = { ...process.env, JUPYTER_PATH: jupyterPath, TORCHLAB_SEED: "0" };
  // One nbconvert process for all of them (each notebook still gets its own kernel, in the notebook's
  // folder): Python's start and nbconvert's imports cost ~1.5 s of CPU per call.
  const converted = await run("jupyter", [
    "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600",
    "--ExecutePreprocessor.kernel_name=torchlab", "--output-dir", path.join(out, "nbconvert"), ...notebooks,
  ], { env, cwd: path.join(ROOT, "notebooks") });
  if (converted.status !== 0) {
    throw new Error(`nbconvert failed:\n${converted.stderr}`);
  }
  for (const file of notebooks) {
    const name = path.basename(file, ".ipynb");
    // The committed notebook is `torchlab run`'s output (see the header).
    expect(outputsOf(path.join(out, "nbconvert", `${name}.ipynb`))).toEqual(outputsOf(file));
  }
}, 1_200_000);
