/**
 * V8 code caching for the few large modules a kernel loads at every start (TypeScript's 8 MB
 * compiler, tfjs-core and its backends): compiling them from source takes about half a second of
 * the start on a 2-core machine. Node 22 has `module.enableCompileCache()`; Node 20, which torchlab
 * supports, has only `vm.Script`'s `cachedData`, so the loader is hooked for those files alone.
 *
 * The code cache is written once the kernel has loaded, so it holds the functions the start
 * actually compiled, not only the top-level code. V8 checks each cache against its own version and
 * flags and the source's length, and rejects a stale one (the file is then rewritten); that the
 * source is the one the cache was made from is the file name's part: the module's path, and its
 * file's identity and change times (inode, size, mtime, ctime), which any write to the file
 * changes (ctime cannot be set back). Hashing the text instead cost ~40 ms of CPU per start
 * (TypeScript's 8 MB, encoded to UTF-8 again only to be hashed). A folder that cannot be written
 * (a sandboxed grading kernel, a read-only home) only means no cache.
 *
 * The smaller modules a start loads (~340: torchlab's own, tslab's, the kernel's) share one cache
 * file, a "bundle", keyed by each module's path and file identity as above: one file read instead of
 * hundreds, and each module's functions that the start compiled lazily (the notebook dialect's
 * rewrite, the library's ops the prelude runs) come compiled. Only the main thread uses it (a
 * worker loads another set of modules, and two sets would rewrite each other's bundle at every
 * start), and only until the caches are saved: modules loaded later (a chart's vega) compile as usual.
 * Measured on the 2-core machine under load (~17-24), alternating runs, medians: loading the
 * library 315 -> 240 ms of the main thread's CPU (in-process start, 8 runs; 708 -> 668 and 670 ->
 * 599 ms of the kernel process's CPU over 12 and 7 kernel starts); idle RSS 266 -> 261 MB with the
 * supervisor. The whole start's CPU moved by less than its run-to-run spread (1950 -> 1935 ms of
 * the main thread; 3.01 -> 3.06 s and 3.38 -> 2.83 s of the process in the two kernel-start series).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import Module from "module";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import { isMainThread } from "worker_threads";
import { plannedSource, saveAsciiHashes, statIdentity } from "./ascii_sources";

/** Where code caches go; the default is $XDG_CACHE_HOME/torchlab or ~/.cache/torchlab. */
export const CACHE_DIR_ENV = "TORCHLAB_CACHE_DIR";
/**
 * The flags torchlab's memory manager sets at run time (src/backend/memory.ts). V8 stamps a code
 * cache with a hash of the flags in force when it is written, and rejects it when they differ at
 * the next compile: set first, they are the same when TypeScript is compiled as when its cache is
 * written after the library has loaded. Setting them exposes nothing in the running context.
 */
const RUNTIME_V8_FLAGS = ["--harmony-weak-refs-with-cleanup-some", "--expose-gc"];
/** Smaller modules compile in a few milliseconds, less than reading a cache file costs: they share the bundle. */
const MIN_BYTES = 256 * 1024;
/**
 * A module compiled here as a vm.Script has no loader for `import()` (Node 20 has one only as an
 * experimental option): a small module whose text has it anywhere, even in a string, is left to Node.
 */
const DYNAMIC_IMPORT = "import(";

interface Pending {
  script: vm.Script;
  cacheFile: string;
  filename: string;
}

type Compile = (this: Module, content: string, filename: string, format?: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _extensions: Record<string, (module: Module, filename: string) => unknown>;
  _cache: unknown;
}

let pending: Pending[] = [];
let installedIn: string | null = null;

/** One module's part of a bundle: its identity when cached, and where its cache lies in the bundle's data. */
interface BundleEntry {
  identity: string;
  offset: number;
  length: number;
}

/** The bundle of small modules' caches (see above) while it is open: from enableCompileCache to saveCompileCaches. */
interface Bundle {
  file: string;
  entries: Map<string, BundleEntry>;
  data: Buffer;
  /** Every module compiled through the bundle this start, in load order: what a rewritten bundle holds. */
  scripts: { filename: string; identity: string; script: vm.Script }[];
  /** A module was missing, changed or rejected by V8: the bundle is rewritten when saved. */
  stale: boolean;
}

let bundle: Bundle | null = null;

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const asked = env[CACHE_DIR_ENV];
  if (asked) return asked;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "torchlab");
}

/** The build's record of large modules that load as ASCII (kernel/ascii_sources.ts). */
const ASCII_PLANS = path.join(__dirname, "ascii_sources.json");

/**
 * Large CommonJS modules required from now on are compiled with (and leave) a V8 code cache in
 * `dir`; those the build planned (`asciiPlans`, kernel/ascii_sources.ts) are read as ASCII.
 */
export function enableCompileCache(dir: string = defaultCacheDir(), asciiPlans: string = ASCII_PLANS): void {
  if (installedIn !== null) return;
  const folder = path.join(dir, `v8-${process.version}-${process.arch}`);
  installedIn = folder;
  for (const flag of RUNTIME_V8_FLAGS) v8.setFlagsFromString(flag);
  if (isMainThread) bundle = openBundle(folder);
  // The hashes of the planned modules (kernel/ascii_sources.ts), one record per build's plans.
  const asciiHashes = isMainThread ? path.join(folder, `ascii-hashes-${createHash("sha1").update(asciiPlans).digest("hex").slice(0, 16)}.json`) : null;
  if (asciiHashes !== null) markUsed(asciiHashes);
  const internals = Module as unknown as ModuleInternals;
  const load = internals._extensions[".js"];
  internals._extensions[".js"] = function (this: unknown, module: Module, filename: string) {
    let content: string | null = null;
    try {
      const { size } = fs.statSync(filename);
      content = size >= MIN_BYTES ? plannedSource(filename, size, asciiPlans, asciiHashes) : null;
    } catch {
      content = null;
    }
    if (content === null) return load.call(this, module, filename);
    return (module as unknown as { _compile(content: string, filename: string): unknown })._compile(content, filename);
  };
  const compile = internals.prototype._compile;
  internals.prototype._compile = function (this: Module, content: string, filename: string, format?: string) {
    const small = content.length < MIN_BYTES;
    if ((small && (bundle === null || content.includes(DYNAMIC_IMPORT))) || format === "module" || !filename.endsWith(".js")) {
      return compile.call(this, content, filename, format);
    }
    let wrapper: (...args: unknown[]) => unknown;
    try {
      wrapper = small ? compileFromBundle(bundle!, content, filename) : compileWithCache(folder, content, filename);
    } catch {
      return compile.call(this, content, filename, format);
    }
    const mod = this;
    const require = ((id: string) => mod.require(id)) as NodeJS.Require;
    const resolve = ((request: string, options?: unknown) => internals._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
    resolve.paths = (request: string) => internals._resolveLookupPaths(request, mod);
    require.resolve = resolve;
    require.main = process.mainModule;
    require.extensions = internals._extensions as NodeJS.Require["extensions"];
    require.cache = internals._cache as NodeJS.Require["cache"];
    return wrapper.call(mod.exports, mod.exports, require, mod, filename, path.dirname(filename));
  };
}

/** What names one version of a module's file (see above); `content` is the text compiled from it. */
function fileIdentity(filename: string, content: string): string {
  return `${statIdentity(filename)}:${content.length}`;
}

/** Whether `filename` is still the file whose identity (fileIdentity's) is `identity`. */
function sameFile(filename: string, identity: string): boolean {
  try {
    return identity.startsWith(`${statIdentity(filename)}:`);
  } catch {
    return false;
  }
}

function compileWithCache(folder: string, content: string, filename: string): (...args: unknown[]) => unknown {
  const identity = fileIdentity(filename, content);
  const key = createHash("sha1").update(identity).digest("hex");
  const cacheFile = path.join(folder, `${cachePrefix(filename)}${key.slice(0, 16)}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script((Module as unknown as ModuleInternals).wrap(content), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) pending.push({ script, cacheFile, filename });
  else markUsed(cacheFile);
  return script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
}

/**
 * The bundle file: a 4-byte length, that many bytes of JSON index (`[filename, identity, offset,
 * length]` per module), then the modules' caches. One per installation of torchlab (named by this
 * file's path), as for the large modules' caches. Missing or unreadable: an empty, stale bundle.
 */
function openBundle(folder: string): Bundle {
  const file = path.join(folder, `modules-${createHash("sha1").update(__filename).digest("hex").slice(0, 16)}.v8bundle`);
  const open = openBundleFile(file);
  if (!open.stale) markUsed(file);
  return open;
}

function openBundleFile(file: string): Bundle {
  const entries = new Map<string, BundleEntry>();
  let data = Buffer.alloc(0);
  try {
    const bytes = fs.readFileSync(file);
    const indexBytes = bytes.readUInt32LE(0);
    const index = JSON.parse(bytes.toString("utf8", 4, 4 + indexBytes)) as [string, string, number, number][];
    data = bytes.subarray(4 + indexBytes);
    for (const [filename, identity, offset, length] of index) {
      if (offset + length <= data.length) entries.set(filename, { identity, offset, length });
    }
  } catch {
    entries.clear();
  }
  return { file, entries, data, scripts: [], stale: entries.size === 0 };
}

/** The modules whose caches the bundle `file` holds, those its last start loaded first; empty when it is missing or damaged. */
export function bundledModules(file: string): string[] {
  return [...openBundleFile(file).entries.keys()];
}

function compileFromBundle(open: Bundle, content: string, filename: string): (...args: unknown[]) => unknown {
  const identity = fileIdentity(filename, content);
  const entry = open.entries.get(filename);
  const cachedData = entry !== undefined && entry.identity === identity ? open.data.subarray(entry.offset, entry.offset + entry.length) : undefined;
  const script = new vm.Script((Module as unknown as ModuleInternals).wrap(content), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) open.stale = true;
  open.scripts.push({ filename, identity, script });
  return script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
}

/** Closes the bundle; rewrites it (aside, then renamed) when it was stale. Returns the file written, or null. */
function saveBundle(): string | null {
  const open = bundle;
  bundle = null;
  if (open === null || !open.stale || open.scripts.length === 0) return null;
  try {
    const parts: { filename: string; identity: string; cache: Buffer }[] = open.scripts.map(({ filename, identity, script }) => ({ filename, identity, cache: script.createCachedData() }));
    // Modules this start did not load (another backend's, a cell's) keep their caches while their
    // files are unchanged, so that starts loading different sets do not rewrite the bundle in turn.
    const loaded = new Set(parts.map((part) => part.filename));
    for (const [filename, entry] of open.entries) {
      if (loaded.has(filename) || !sameFile(filename, entry.identity)) continue;
      parts.push({ filename, identity: entry.identity, cache: open.data.subarray(entry.offset, entry.offset + entry.length) });
    }
    const caches = parts.map((part) => part.cache);
    let offset = 0;
    const index = parts.map(({ filename, identity, cache }) => {
      const entry: [string, string, number, number] = [filename, identity, offset, cache.length];
      offset += cache.length;
      return entry;
    });
    const indexBytes = Buffer.from(JSON.stringify(index), "utf8");
    const header = Buffer.alloc(4);
    header.writeUInt32LE(indexBytes.length, 0);
    fs.mkdirSync(path.dirname(open.file), { recursive: true });
    const temporary = `${open.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, Buffer.concat([header, indexBytes, ...caches]));
    fs.renameSync(temporary, open.file);
    return open.file;
  } catch {
    // No bundle this time; the next start compiles those modules from source again.
    return null;
  }
}

/**
 * The start of the names of one module's caches: its file name and a hash of its path, so that two
 * installs of torchlab (two checkouts, a user's and a course's) keep a cache each instead of
 * evicting each other's at every start.
 */
function cachePrefix(filename: string): string {
  return `${path.basename(filename, ".js")}-${createHash("sha1").update(filename).digest("hex").slice(0, 8)}-`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Writes the caches the modules loaded so far lacked; called once the kernel has loaded, so that
 * they include what the start compiled. Returns the files written.
 */
export function saveCompileCaches(): string[] {
  const written: string[] = [];
  const todo = pending;
  pending = [];
  for (const { script, cacheFile, filename } of todo) {
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      // Written aside and renamed, so that a kernel starting meanwhile never reads half a cache.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, cacheFile);
      written.push(cacheFile);
      // The caches of earlier versions of the same file would otherwise pile up (and those named
      // as before the module's path was part of the name: \`typescript-<16 hex>.v8cache\`).
      const prefix = cachePrefix(filename);
      const unplaced = new RegExp(`^${escapeRegExp(path.basename(filename, ".js"))}-[0-9a-f]{16}\\.v8cache$`);
      for (const name of fs.readdirSync(path.dirname(cacheFile))) {
        if ((name.startsWith(prefix) || unplaced.test(name)) && name.endsWith(".v8cache") && name !== path.basename(cacheFile)) {
          fs.rmSync(path.join(path.dirname(cacheFile), name), { force: true });
        }
      }
    } catch {
      // No cache this time; the next start compiles from source again.
    }
  }
  const bundleFile = saveBundle();
  if (bundleFile !== null) written.push(bundleFile);
  // Not among the files returned: a record of hashes, not a code cache.
  saveAsciiHashes();
  // Written caches mean a new or updated installation, which is when the old ones become garbage.
  if (written.length > 0) sweepCacheFolder(path.dirname(written[0]));
  return written;
}

/** A cache unused for this long is removed by the next sweep. */
export const CACHE_MAX_AGE_MS = 30 * 24 * 3600_000;
/** Above this, a sweep removes the least recently used caches first. */
export const CACHE_MAX_BYTES = 512 * 1024 * 1024;
/** A used cache's time is refreshed at most this often (one `utimes` a day per file, not per start). */
const USE_MARK_MS = 24 * 3600_000;
/** Half-written files (`*.tmp`) and build locks younger than this may belong to a running kernel. */
const IN_PROGRESS_MS = 3600_000;

/**
 * Records that a cache file was used, in its modification time, which the sweep reads as "last
 * used" (access times are often not kept: noatime/relatime mounts).
 */
export function markUsed(file: string, now: number = Date.now()): void {
  try {
    if (now - fs.statSync(file).mtimeMs > USE_MARK_MS) fs.utimesSync(file, now / 1000, now / 1000);
  } catch {
    // A read-only folder: the cache may be swept early, which only means a slower start then.
  }
}

/**
 * Bounds the cache folder: every checkout, install or update of torchlab (and of TypeScript and
 * tfjs) leaves code caches, declaration lists and (opt-in) ~40 MB snapshots named by its path and
 * file identities, which nothing else ever removes. Removes files unused for `maxAgeMs`, then the
 * least recently used ones while the folder holds more than `maxBytes`. Returns the names removed.
 */
export function sweepCacheFolder(
  folder: string,
  now: number = Date.now(),
  { maxAgeMs = CACHE_MAX_AGE_MS, maxBytes = CACHE_MAX_BYTES }: { maxAgeMs?: number; maxBytes?: number } = {},
): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return removed;
  }
  const files: { name: string; used: number; size: number }[] = [];
  for (const name of names) {
    try {
      const stat = fs.statSync(path.join(folder, name));
      if (!stat.isFile()) continue;
      if ((name.endsWith(".tmp") || name.endsWith(".lock")) && now - stat.mtimeMs < IN_PROGRESS_MS) continue;
      files.push({ name, used: stat.mtimeMs, size: stat.size });
    } catch {
      // Removed meanwhile by another kernel's sweep.
    }
  }
  files.sort((a, b) => a.used - b.used);
  let total = files.reduce((sum, file) => sum + file.size, 0);
  for (const file of files) {
    if (now - file.used <= maxAgeMs && total <= maxBytes) break;
    try {
      fs.rmSync(path.join(folder, file.name), { force: true });
      removed.push(file.name);
      total -= file.size;
    } catch {
      // Not ours to remove (another user's file in a shared folder): leave it.
    }
  }
  return removed;
}
