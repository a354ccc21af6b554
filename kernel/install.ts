/**
 * `torchlab install`: writes the kernelspec (kernel.json + logo) where Jupyter looks for kernels,
 * computed here so that no particular Python has to be on PATH.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { packageRoot } from "./package";

export const KERNEL_NAME = "torchlab";
export const DISPLAY_NAME = "TypeScript (torchlab)";

export type InstallScope = { kind: "user" } | { kind: "sys-prefix" } | { kind: "prefix"; dir: string } | { kind: "system" };

/** The kernelspec's JSON: absolute node and script paths, so it works without npx or PATH. */
export function kernelSpec(): object {
  return {
    argv: [process.execPath, path.join(packageRoot(), "bin", "torchlab.js"), "kernel", "--connection-file", "{connection_file}"],
    display_name: DISPLAY_NAME,
    language: "typescript",
    // SIGINT stops even a synchronous `while (true) {}`; interrupt_request could not reach a blocked event loop.
    interrupt_mode: "signal",
    metadata: { debugger: false },
  };
}

/** Jupyter's per-user data directory, as jupyter_core.paths.jupyter_data_dir computes it. */
function userDataDir(): string {
  if (process.env.JUPYTER_DATA_DIR) {
    return process.env.JUPYTER_DATA_DIR;
  }
  if (process.platform === "darwin") {
    return path.join(os.homedir(), "Library", "Jupyter");
  }
  if (process.platform === "win32") {
    return path.join(process.env.APPDATA ?? path.join(os.homedir(), "AppData", "Roaming"), "jupyter");
  }
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), ".local", "share"), "jupyter");
}

/** The active Python environment's prefix: from the environment variables venv and conda set, else from python3. */
function sysPrefix(): string {
  const fromEnv = process.env.VIRTUAL_ENV ?? process.env.CONDA_PREFIX;
  if (fromEnv) {
    return fromEnv;
  }
  try {
    return execFileSync("python3", ["-c", "import sys; print(sys.prefix)"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("--sys-prefix: no VIRTUAL_ENV or CONDA_PREFIX set and no python3 to ask; use --prefix DIR");
  }
}

export function kernelsDir(scope: InstallScope): string {
  switch (scope.kind) {
    case "user":
      return path.join(userDataDir(), "kernels");
    case "sys-prefix":
      return path.join(sysPrefix(), "share", "jupyter", "kernels");
    case "prefix":
      return path.join(path.resolve(scope.dir), "share", "jupyter", "kernels");
    case "system":
      return process.platform === "win32"
        ? path.join(process.env.PROGRAMDATA ?? "C:\\ProgramData", "jupyter", "kernels")
        : "/usr/local/share/jupyter/kernels";
  }
}

/** Writes the kernelspec and returns its folder. */
export function install(scope: InstallScope): string {
  const dir = path.join(kernelsDir(scope), KERNEL_NAME);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(kernelSpec(), null, 2) + "\n");
  fs.copyFileSync(path.join(packageRoot(), "kernel", "logo-64x64.png"), path.join(dir, "logo-64x64.png"));
  return dir;
}
