/**
 * The sandbox a submission's kernel runs in, built from what an unprivileged user has: Node 20's
 * permission model, a private scratch folder, a minimal environment, and a resident-memory watch.
 *
 * What the permission model holds (enforced by Node in the kernel process and its worker threads):
 *  - reads only: torchlab's own files (dist/, bin/, package.json), the node_modules folders its
 *    dependencies resolve from, the kernel's connection file, and the scratch folder;
 *  - writes only: the scratch folder;
 *  - no child processes (so no shell escapes to a process outside the model), no WASI.
 * What it needs and so allows: worker threads (the heartbeat thread, the wasm backend's threads;
 * they run under the same permissions) and native addons (ZeroMQ for the Jupyter sockets, the canvas
 * for pictures). Node warns that addons can invalidate the model, and they can: native code is not
 * checked. The native code that can be loaded is what the readable paths hold — torchlab's
 * dependencies — plus anything a submission writes into its scratch folder and then loads with
 * `process.dlopen`; a submission able to build a shared library from bytes can therefore escape.
 * Network access is not limited by Node 20 at all. Both holes close only with OS help (a separate
 * uid, a network namespace), which needs root: see README's Grading section.
 */
import * as fs from "fs";
import Module from "module";
import * as path from "path";
import { kernelNodeArgs } from "../node_args";
import { packageRoot } from "../resolve";
import { SUPERVISED_ENV } from "../supervisor";

export interface SandboxOptions {
  /** The submission's private folder: its working directory, the only place it may write. */
  scratch: string;
  /** The kernel's heap limit (V8's old space), MB. */
  heapMb: number;
  seed: number;
}

/** The folders a kernel must read to load: torchlab's built files and every node_modules its modules resolve from. */
export function kernelReadPaths(): string[] {
  const root = packageRoot();
  const modulePaths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(root);
  const paths = [path.join(root, "dist"), path.join(root, "bin"), path.join(root, "package.json")];
  for (const dir of modulePaths) if (fs.existsSync(dir)) paths.push(fs.realpathSync(dir));
  return paths;
}

/** Node options for the kernel process, given its connection file. */
export function sandboxNodeArgs(options: SandboxOptions, connectionFile: string): string[] {
  // zeromq's loader (cmake-ts) asks whether this file exists to tell musl from glibc.
  const read = [...kernelReadPaths(), "/etc/alpine-release", connectionFile, options.scratch];
  return [
    "--experimental-permission",
    // One flag per path: this Node 20 takes repeated flags, not a comma-separated list.
    ...read.map((p) => `--allow-fs-read=${p}`),
    `--allow-fs-write=${options.scratch}`,
    "--allow-worker",
    "--allow-addons",
    ...kernelNodeArgs(options.heapMb),
    // Node's own warnings about the experimental model would land in every feedback file.
    "--no-warnings",
  ];
}

/**
 * The kernel's environment: nothing of the grader's (tokens, paths to the course folder) but what a
 * kernel needs. HOME and TMPDIR point into the scratch folder, the only place it may write.
 */
export function sandboxEnv(options: SandboxOptions, parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: parent.PATH ?? "/usr/bin:/bin",
    HOME: options.scratch,
    TMPDIR: options.scratch,
    LANG: parent.LANG ?? "C.UTF-8",
    TORCHLAB_SEED: String(options.seed),
    // The kernel runs in the grader's own child, not under a supervisor that would need child_process.
    [SUPERVISED_ENV]: String(options.heapMb),
  };
  for (const name of ["TORCHLAB_BACKEND"]) if (parent[name] !== undefined) env[name] = parent[name];
  return env;
}
