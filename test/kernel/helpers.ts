/** Shared by the kernel tests: the built CLI, Debian's Python, and a kernelspec in a temp prefix. */
import { spawnSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "bin", "torchlab.js");
/** Debian's interpreter: its dist-packages hold jupyter_client, nbconvert, jupyter_kernel_test. */
export const PYTHON = "/usr/bin/python3";

/** Whether Debian's Python has `module`; tests needing it skip with a message naming the package. */
export function hasPythonModule(module: string, aptPackage: string): boolean {
  const ok = fs.existsSync(PYTHON) && spawnSync(PYTHON, ["-c", `import ${module}`]).status === 0;
  if (!ok) {
    console.warn(`SKIPPED: ${PYTHON} cannot import ${module}; install the Debian package ${aptPackage} (.ci/run does)`);
  }
  return ok;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Installs the kernelspec with `torchlab install --prefix` and returns the JUPYTER_PATH to use. */
export function installKernelspec(): string {
  const prefix = tempDir("torchlab-prefix-");
  const result = spawnSync(process.execPath, [CLI, "install", "--prefix", prefix], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`torchlab install failed: ${result.stderr}`);
  }
  return path.join(prefix, "share", "jupyter");
}

export interface Completed {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously (jest's timers keep running) and collects its output. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Completed> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Completed> {
  return run(process.execPath, [CLI, ...args], options);
}

/** A notebook document with the given cells (strings are code cells; {md} are markdown; {code, tags}). */
export function notebook(cells: (string | { md: string } | { code: string; tags: string[] })[]): object {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "torchlab", display_name: "TypeScript (torchlab)", language: "typescript" } },
    cells: cells.map((cell, i) => {
      if (typeof cell === "object" && "md" in cell) {
        return { id: `c${i}`, cell_type: "markdown", metadata: {}, source: cell.md };
      }
      const code = typeof cell === "string" ? cell : cell.code;
      const tags = typeof cell === "string" ? undefined : cell.tags;
      return { id: `c${i}`, cell_type: "code", metadata: tags ? { tags } : {}, source: code, outputs: [], execution_count: null };
    }),
  };
}
