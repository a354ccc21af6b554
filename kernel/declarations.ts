/**
 * The kernel's startup snapshot of parsed declaration files (issue 12's start target).
 *
 * Measured on the 2-core machine: ~70% of a kernel start's CPU was TypeScript parsing the ~3.6 MB
 * of declarations the type checker needs before the first cell (lib.es2022 and its chain,
 * @types/node, tfjs-core's ~300 files, torchlab's own), every start, identically. A V8 startup
 * snapshot (Node 20's `--build-snapshot`) holds tslab's TypeScript already loaded and those files
 * already parsed: deserializing it costs ~0.3 s of CPU, against ~2-3 s to load and parse.
 *
 * Life cycle: a kernel records the declaration files its compiler read; once loaded, if it did not
 * start from a snapshot holding all of them, it starts a detached, low-priority job that builds
 * one (kernel/snapshot_entry.ts), checks that it deserializes, and renames it into the cache
 * folder. The supervisor starts later kernels from it. V8 refuses a snapshot built under other
 * flags, so the heap limit and the kernel's V8 flags (kernel/node_args.ts) are part of its name. A cache folder that cannot be written only means
 * the slower start; a snapshot that fails to load is deleted and the kernel started without it
 * (kernel/supervisor.ts). Opt-in (TORCHLAB_KERNEL_SNAPSHOT=1): see SNAPSHOT_ENV for why.
 */
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { defaultCacheDir } from "./compile_cache";
import { kernelNodeArgs, KERNEL_V8_FLAGS, snapshotEnabled } from "./node_args";
import { packageRoot } from "./package";
import { inMemoryDeclaration, LOOKUP_KEY, PROBE_ARG, PROBE_OK, type LookupStats, type SnapshotSpec } from "./snapshot_entry";

/**
 * `1` turns the snapshot on. Off by default: measured here with the pruned tfjs-core declarations
 * (kernel/tf_declarations.ts), it saves ~30% of a start's CPU (5.3 -> 3.7 s) but a kernel started
 * from it holds ~55 MB more resident memory (305 vs 248 MB idle; ~150 MB more before the pruning),
 * which a class server sized by memory pays for every student logged in.
 *
 * Where the extra memory is (Node 20.20, 2 wasm threads, /proc/PID/smaps and v8.getHeapStatistics()):
 * none of it is parsed declarations kept twice. Node reads the blob (44 MB: ~4 Node's own, ~19
 * TypeScript loaded, ~21 the parsed files) into memory and keeps it for the process's life, one
 * anonymous mapping never touched again: +40 MB resident, which only a smaller blob shrinks. Each
 * worker thread (the heartbeat's, the wasm backend's two) boots without Node's own snapshot in a
 * process started from a user-land one: ~+13 MB each (+27 MB in all with one wasm thread, +53 MB
 * with two; in isolation two idle workers cost +68 MB against +19 MB), which only fewer workers
 * avoid. malloc's heap +6 MB. The main thread's JavaScript heap is about the same (138 vs 127 MB
 * idle; 182 vs 218 MB after a cell). Measured again in session 42 (8 alternating starts, load ~28
 * on 2 cores, bench/kernel_start.js): idle RSS 311 vs 220 MB, and in that series the gain was
 * mostly gone since the default start reads ahead and caches its prelude: CPU to the first cell
 * 3.84 vs 4.02 s, main thread CPU to ready 2.49 vs 2.29 s.
 */
export { SNAPSHOT_ENV, snapshotEnabled } from "./node_args";
/** A build job holding the lock longer than this is taken to have died. */
const LOCK_STALE_MS = 10 * 60_000;
/** Files kept from earlier snapshots at most (a start reads ~620). */
const MAX_FILES = 4000;

/** The snapshot file for kernels of this installation under `heapMb`, whether or not it exists. */
export function snapshotPath(root: string, typescript: string, heapMb: number, env: NodeJS.ProcessEnv = process.env): string {
  // The snapshot holds snapshot_entry's code as it was built: a changed one is another snapshot.
  let entry = "";
  try {
    entry = fs.readFileSync(path.join(packageRoot(), "dist", "kernel", "snapshot_entry.js"), "utf8");
  } catch {
    // Running from sources without a build: no snapshot will be built either.
  }
  const key = createHash("sha1").update(`${root}\0${typescript}\0${heapMb}\0${KERNEL_V8_FLAGS.join(" ")}\0${entry}`).digest("hex").slice(0, 16);
  return path.join(defaultCacheDir(env), `v8-${process.version}-${process.arch}`, `kernel-${key}.blob`);
}

/** The hits and misses of this process's snapshot, or null when it did not start from one. */
export function snapshotStats(): LookupStats | null {
  return ((globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`${LOOKUP_KEY}.stats`)] as LookupStats | undefined) ?? null;
}

const declarationsRead = new Map<string, number>();

/**
 * Wraps a compiler host so that the declaration files it reads are recorded, with the language
 * version they are parsed for: what the next snapshot parses.
 */
export function recordDeclarationReads(host: { readFile(file: string, encoding?: string): string | undefined }, languageVersion: number): void {
  const read = host.readFile.bind(host);
  host.readFile = (file: string, encoding?: string) => {
    const text = read(file, encoding);
    if (text !== undefined && file.endsWith(".d.ts") && !inMemoryDeclaration(file)) declarationsRead.set(file, languageVersion);
    return text;
  };
}

/**
 * Called once the kernel has loaded: starts building a snapshot when this start read declaration
 * files that the snapshot it came from (if any) lacked. Returns the snapshot being built, or null.
 */
export function refreshSnapshot(root: string, typescript: string, heapMb: number, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!snapshotEnabled(env) || declarationsRead.size === 0) return null;
  // A sandboxed grading kernel (kernel/course/sandbox.ts) may not start processes.
  const permission = (process as { permission?: { has(scope: string): boolean } }).permission;
  if (permission && !permission.has("child")) return null;
  const stats = snapshotStats();
  if (stats && stats.missed.length === 0) return null;
  const blob = snapshotPath(root, typescript, heapMb, env);
  const lock = `${blob}.lock`;
  try {
    fs.mkdirSync(path.dirname(blob), { recursive: true });
    try {
      if (Date.now() - fs.statSync(lock).mtimeMs < LOCK_STALE_MS) return null;
      fs.rmSync(lock, { force: true });
    } catch {
      // No lock: nobody is building.
    }
    // Exclusive creation: of many kernels started at once, one builds.
    fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
    // With the files of the snapshot before, still there: kernels started in folders that resolve
    // other declarations (a notebook folder with its own @types/node) then share one snapshot
    // instead of rebuilding it for each other in turn.
    const files = new Map<string, number>();
    try {
      const before = JSON.parse(fs.readFileSync(`${blob}.spec.json`, "utf8")) as SnapshotSpec;
      for (const { fileName, languageVersion } of before.files.slice(0, MAX_FILES)) if (fs.existsSync(fileName)) files.set(fileName, languageVersion);
    } catch {
      // No snapshot before, or an unreadable spec: this start's files alone.
    }
    for (const [fileName, languageVersion] of declarationsRead) files.set(fileName, languageVersion);
    const spec: SnapshotSpec = { root, typescript, files: [...files].map(([fileName, languageVersion]) => ({ fileName, languageVersion })) };
    fs.writeFileSync(`${blob}.spec.json`, JSON.stringify(spec));
  } catch {
    return null;
  }
  try {
    const job = spawn(process.execPath, [path.join(root, "dist", "kernel", "declarations.js"), "--build", blob, String(heapMb)], { detached: true, stdio: "ignore", env });
    job.on("error", () => fs.rmSync(lock, { force: true }));
    job.unref();
    return blob;
  } catch {
    fs.rmSync(lock, { force: true });
    return null;
  }
}

/**
 * The build job: `node declarations.js --build BLOB HEAP_MB`. Builds beside the target, checks
 * that the result deserializes, then renames it into place, so that no kernel ever starts from a
 * half-written or unloadable snapshot.
 */
export function buildSnapshotFile(blob: string, heapMb: number): boolean {
  const temporary = `${blob}.${process.pid}.tmp`;
  const flags = kernelNodeArgs(heapMb);
  try {
    const env = { ...process.env, TORCHLAB_SNAPSHOT_SPEC: `${blob}.spec.json` };
    // Node runs a snapshot's script with `require` but no `module`/`exports`, which the compiled
    // CommonJS of snapshot_entry.ts assigns to.
    const entry = `${blob}.${process.pid}.entry.js`;
    fs.writeFileSync(entry, `var module = { exports: {} }, exports = module.exports;\n${fs.readFileSync(path.join(packageRoot(), "dist", "kernel", "snapshot_entry.js"), "utf8")}`);
    const built = spawnSync(process.execPath, [...flags, "--snapshot-blob", temporary, "--build-snapshot", entry], { env, stdio: "ignore" });
    if (built.status !== 0 || !fs.existsSync(temporary)) return false;
    const probe = spawnSync(process.execPath, [...flags, "--snapshot-blob", temporary, PROBE_ARG], { encoding: "utf8" });
    if (probe.status !== 0 || !probe.stdout.startsWith(PROBE_OK)) return false;
    fs.renameSync(temporary, blob);
    return true;
  } finally {
    fs.rmSync(temporary, { force: true });
    fs.rmSync(`${blob}.${process.pid}.entry.js`, { force: true });
    fs.rmSync(`${blob}.lock`, { force: true });
  }
}

if (require.main === module && process.argv[2] === "--build") {
  try {
    // Below the kernels and everything interactive: the build is worth seconds to the next start only.
    require("os").setPriority(process.pid, 15);
  } catch {
    // Not allowed here: build at normal priority.
  }
  process.exitCode = buildSnapshotFile(process.argv[3], Number(process.argv[4])) ? 0 : 1;
}
