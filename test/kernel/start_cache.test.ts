/**
 * A kernel start with no cache folder yet (a fresh machine), then with every file a start left there
 * damaged: both run cells as usual (the code caches, the bundle, the record of hashes, the list of
 * declarations read ahead and the prelude's conversion are each only a faster start). Two kernel
 * starts through `torchlab run`.
 */
import * as fs from "fs";
import * as path from "path";
import { notebook, runCli, tempDir } from "./helpers";

type Out = { output_type: string; data?: Record<string, unknown>; ename?: string; evalue?: string };

function runNotebook(dir: string, cache: string): Promise<{ status: number | null; stderr: string; outputs: Out[][] }> {
  return runCli(["run", dir, "--out", path.join(dir, "out")], { cwd: dir, env: { ...process.env, TORCHLAB_CACHE_DIR: cache } }).then((result) => {
    const nb = JSON.parse(fs.readFileSync(path.join(dir, "out", "cells.ipynb"), "utf8")) as { cells: { outputs: Out[] }[] };
    return { status: result.status, stderr: result.stderr, outputs: nb.cells.map((cell) => cell.outputs) };
  });
}

/** Every file under `folder`, recursively. */
function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
  );
}

test("a kernel starts and runs cells with no cache folder, then with every cached file damaged", async () => {
  const dir = tempDir("torchlab-start-cache-");
  const cache = path.join(dir, "cache");
  fs.writeFileSync(
    path.join(dir, "cells.ipynb"),
    JSON.stringify(notebook(["const x = torch.ones(2, 3);\nx.sum()", "const n: number = x.shape[0];\nn + 1", { code: "const s: string = x.shape[0];", tags: ["raises-exception"] }])),
  );
  const expected = (outputs: Out[][]) => {
    expect(outputs[0].map((o) => o.data?.["text/plain"])).toEqual([["tensor(6.)"]]);
    expect(outputs[1].map((o) => o.data?.["text/plain"])).toEqual([["3"]]);
    expect(outputs[2]).toEqual([expect.objectContaining({ output_type: "error", ename: "CompileError", evalue: expect.stringMatching(/Type 'number' is not assignable to type 'string'/) })]);
  };

  const cold = await runNotebook(dir, cache);
  expect(cold.status).toBe(0);
  expected(cold.outputs);
  const left = filesUnder(cache).map((file) => path.basename(file));
  // What the first start left for the next: the compiler's code cache, the bundle, the record of hashes.
  expect(left).toEqual(expect.arrayContaining([expect.stringMatching(/^typescript-.*\.v8cache$/), expect.stringMatching(/\.v8bundle$/), expect.stringMatching(/^ascii-hashes-.*\.json$/)]));

  for (const file of filesUnder(cache)) fs.writeFileSync(file, Buffer.from("damaged\u0000{"));
  const damaged = await runNotebook(dir, cache);
  expect(damaged.stderr).not.toMatch(/failed to start/);
  expect(damaged.status).toBe(0);
  expected(damaged.outputs);
}, 180_000);
