/**
 * V8 code caching for the few large modules a kernel loads at every start (TypeScript's 8 MB
 * compiler, tfjs-core and its backends): compiling them from source takes about half a second of
 * the start on a 2-core machine. Node 22 has `module.enableCompileCache()`; Node 20, which torchlab
 * supports, has only `vm.Script`'s `cachedData`, so the loader is hooked for those files alone.
 *
 * The code cache is written once the kernel has loaded, so it holds the functions the start
 * actually compiled, not only the top-level code. V8 itself checks each cache against the source
 * and its own version and flags, and rejects a stale one (the file is then rewritten). A folder
 * that cannot be written (a sandboxed grading kernel, a read-only home) only means no cache.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import Module from "module";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";

/** Where code caches go; the default is $XDG_CACHE_HOME/torchlab or ~/.cache/torchlab. */
export const CACHE_DIR_ENV = "TORCHLAB_CACHE_DIR";
/**
 * The flags torchlab's memory manager sets at run time (src/backend/memory.ts). V8 stamps a code
 * cache with a hash of the flags in force when it is written, and rejects it when they differ at
 * the next compile: set first, they are the same when TypeScript is compiled as when its cache is
 * written after the library has loaded. Setting them exposes nothing in the running context.
 */
const RUNTIME_V8_FLAGS = ["--harmony-weak-refs-with-cleanup-some", "--expose-gc"];
/** Smaller modules compile in a few milliseconds, less than reading a cache file costs. */
const MIN_BYTES = 256 * 1024;

interface Pending {
  script: vm.Script;
  cacheFile: string;
}

type Compile = (this: Module, content: string, filename: string, format?: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
}

let pending: Pending[] = [];
let installedIn: string | null = null;

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const asked = env[CACHE_DIR_ENV];
  if (asked) return asked;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "torchlab");
}

/** Large CommonJS modules required from now on are compiled with (and leave) a V8 code cache in `dir`. */
export function enableCompileCache(dir: string = defaultCacheDir()): void {
  if (installedIn !== null) return;
  const folder = path.join(dir, `v8-${process.version}-${process.arch}`);
  installedIn = folder;
  for (const flag of RUNTIME_V8_FLAGS) v8.setFlagsFromString(flag);
  const internals = Module as unknown as ModuleInternals;
  const compile = internals.prototype._compile;
  internals.prototype._compile = function (this: Module, content: string, filename: string, format?: string) {
    if (content.length < MIN_BYTES || format === "module" || !filename.endsWith(".js")) {
      return compile.call(this, content, filename, format);
    }
    let wrapper: (...args: unknown[]) => unknown;
    try {
      wrapper = compileWithCache(folder, content, filename);
    } catch {
      return compile.call(this, content, filename, format);
    }
    const mod = this;
    const require = ((id: string) => mod.require(id)) as NodeJS.Require;
    require.resolve = ((request: string, options?: unknown) =>
      internals._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
    require.main = process.mainModule;
    require.cache = internals._cache as NodeJS.Require["cache"];
    return wrapper.call(mod.exports, mod.exports, require, mod, filename, path.dirname(filename));
  };
}

function compileWithCache(folder: string, content: string, filename: string): (...args: unknown[]) => unknown {
  const key = createHash("sha1").update(filename).update("\0").update(content).digest("hex");
  const cacheFile = path.join(folder, `${path.basename(filename, ".js")}-${key.slice(0, 16)}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script((Module as unknown as ModuleInternals).wrap(content), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) pending.push({ script, cacheFile });
  return script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
}

/**
 * Writes the caches the modules loaded so far lacked; called once the kernel has loaded, so that
 * they include what the start compiled. Returns the files written.
 */
export function saveCompileCaches(): string[] {
  const written: string[] = [];
  const todo = pending;
  pending = [];
  for (const { script, cacheFile } of todo) {
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      // Written aside and renamed, so that a kernel starting meanwhile never reads half a cache.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, cacheFile);
      written.push(cacheFile);
      // The caches of earlier versions of the same file would otherwise pile up.
      const prefix = path.basename(cacheFile).replace(/-[0-9a-f]{16}\.v8cache$/, "-");
      for (const name of fs.readdirSync(path.dirname(cacheFile))) {
        if (name.startsWith(prefix) && name.endsWith(".v8cache") && name !== path.basename(cacheFile)) {
          fs.rmSync(path.join(path.dirname(cacheFile), name), { force: true });
        }
      }
    } catch {
      // No cache this time; the next start compiles from source again.
    }
  }
  return written;
}
