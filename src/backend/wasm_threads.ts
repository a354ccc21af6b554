/**
 * The multi-threaded build of tfjs-backend-wasm under Node.
 *
 * tfjs 4.22 ships a threaded SIMD build but turns it off under Node: it starts each pthread's worker
 * from a `blob:` URL, which Node's Worker cannot load. Here the same build is started with its
 * worker script read from a file (wasm_worker.ts), and the result is registered as the 'wasm'
 * backend, so every wasm kernel (tfjs's and ours) runs unchanged on XNNPACK's thread pool.
 *
 * Three details of that build are corrected for this instance only (nothing global is patched):
 *  - it sizes the pool from `emscripten_num_logical_cores() / 2`, assuming two hyper-threads per
 *    core, so a 2-core machine would get 1 thread: the import reports twice the requested count;
 *  - it starts 8 workers up front whatever the pool size (a constant in `PThread.initMainThread`):
 *    this instance's `PThread` is caught as the factory publishes it on the config object, before
 *    it initialises, and its pool start allocates only the n - 1 workers the pool runs on (each
 *    worker costs ~0.1-0.2 s of CPU to start a Node.js environment, on a 2-core machine during the
 *    kernel's start);
 *  - pool threads keep Node's event loop alive, so a script would never exit: they are unref'd.
 * The pool is fixed once started: a new one would need workers loaded while the main thread waits
 * on it, which deadlocks, so the thread count is chosen before the backend starts.
 * Emscripten also defines a global `Worker` while it starts; the previous value is put back.
 */
import * as fs from "fs";
import * as path from "path";
import { tf } from "./tf";

/** The part of the emscripten module that BackendWasm and this file use. */
interface EmscriptenModule {
  cwrap(name: string, ret: string | null, args: string[]): (...args: number[]) => number;
  PThread: PThread;
  tfjs?: Record<string, (...args: number[]) => number>;
}

/** Emscripten's pthread bookkeeping (of this build: tfjs-backend-wasm 4.22's emscripten). */
interface PThread {
  unusedWorkers: { terminate(): unknown }[];
  runningWorkers: { unref(): void }[];
  initMainThread(): void;
  allocateUnusedWorker(): void;
}

interface WasmPackage {
  BackendWasm: new (module: unknown) => tf.KernelBackend;
  setThreadsCount(n: number): void;
  getThreadsCount(): number;
}

type Factory = (config: Record<string, unknown>) => Promise<EmscriptenModule>;

/** The slice of the WebAssembly API used here (the project's lib settings carry no DOM/wasm types). */
type Imports = Record<string, Record<string, unknown>>;
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Imports): Promise<{ instance: unknown; module: unknown }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const PKG = "@tensorflow/tfjs-backend-wasm";
/** The thread pool's limit in this build (it pre-creates this many workers). */
export const MAX_WASM_THREADS = 8;

let active: EmscriptenModule | null = null;

/** The compiled worker script: next to this file in dist/, or in dist/ when running from src/ (under jest). */
export function workerScript(): string | null {
  const candidates = [path.join(__dirname, "wasm_worker.js"), path.join(__dirname, "..", "..", "dist", "src", "backend", "wasm_worker.js")];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

function outDir(): string {
  return path.join(path.dirname(require.resolve(`${PKG}/package.json`)), "wasm-out");
}

/**
 * Replaces the 'wasm' backend's factory with one that starts the threaded build with `threads`
 * threads. Returns a function that puts the package's own (single-threaded) factory back, or null
 * (and changes nothing) when the build or the worker script is missing.
 */
export function registerThreadedWasm(threads: number): (() => void) | null {
  const worker = workerScript();
  const dir = outDir();
  const mainScript = path.join(dir, "tfjs-backend-wasm-threaded-simd.js");
  const binary = path.join(dir, "tfjs-backend-wasm-threaded-simd.wasm");
  if (worker === null || !fs.existsSync(mainScript) || !fs.existsSync(binary)) return null;
  const pkg = require(PKG) as WasmPackage;
  const factory = require(mainScript) as Factory;
  const n = Math.max(1, Math.min(MAX_WASM_THREADS, Math.floor(threads)));
  const original = tf.findBackendFactory("wasm");
  tf.removeBackend("wasm");
  tf.registerBackend("wasm", async () => {
    // Emscripten's threaded build prints with fs.writeSync by default; the console functions in force
    // now (guard.ts watches them while the backend starts) must see XNNPACK's status lines instead.
    const print = console.log;
    const printErr = console.warn;
    const config: Record<string, unknown> = {
      print: (...args: unknown[]) => print.apply(console, args),
      printErr: (...args: unknown[]) => printErr.apply(console, args),
      locateFile: (file: string) => (file.endsWith(".worker.js") ? worker : path.join(dir, file)),
      mainScriptUrlOrBlob: mainScript,
      instantiateWasm: (info: Imports, receive: (instance: unknown, module: unknown) => void) => {
        const env = { ...info.env, emscripten_num_logical_cores: () => 2 * MAX_WASM_THREADS };
        wasmApi.instantiate(fs.readFileSync(binary), { ...info, env }).then((r) => {
          // Should another build allocate its workers some other way, the spares are still stopped
          // before they load the module.
          const spare = (config.PThread as PThread).unusedWorkers;
          while (spare.length > n - 1) spare.pop()?.terminate();
          receive(r.instance, r.module);
        });
        return {};
      },
    };
    // The factory sets `Module["PThread"] = PThread` before `PThread.init()` runs: a setter on this
    // config object (which the factory uses as its Module) sizes the pool start of this instance.
    let pthread: PThread | undefined;
    Object.defineProperty(config, "PThread", {
      configurable: true,
      enumerable: true,
      get: () => pthread,
      set: (value: PThread) => {
        pthread = value;
        if (typeof value?.allocateUnusedWorker !== "function") return;
        // The pool of n threads runs on the calling thread plus n - 1 workers.
        value.initMainThread = () => {
          for (let i = 0; i < n - 1; i++) value.allocateUnusedWorker();
        };
      },
    });
    const hadWorker = Object.getOwnPropertyDescriptor(globalThis, "Worker");
    let module: EmscriptenModule;
    try {
      const started = factory(config);
      restoreWorkerGlobal(hadWorker);
      module = await started;
    } finally {
      restoreWorkerGlobal(hadWorker);
    }
    module.tfjs = {
      init: module.cwrap("init", null, []),
      initWithThreadsCount: module.cwrap("init_with_threads_count", null, ["number"]),
      getThreadsCount: module.cwrap("get_threads_count", "number", []),
      registerTensor: module.cwrap("register_tensor", null, ["number", "number", "number"]),
      disposeData: module.cwrap("dispose_data", null, ["number"]),
      dispose: module.cwrap("dispose", null, []),
    };
    pkg.setThreadsCount(n);
    const backend = new pkg.BackendWasm(module);
    active = module;
    unrefThreads(module);
    return backend;
  }, 2);
  return () => {
    tf.removeBackend("wasm");
    if (original) tf.registerBackend("wasm", original, 2);
  };
}

function restoreWorkerGlobal(had: PropertyDescriptor | undefined): void {
  if (had) Object.defineProperty(globalThis, "Worker", had);
  else delete (globalThis as { Worker?: unknown }).Worker;
}

function unrefThreads(module: EmscriptenModule): void {
  for (const w of module.PThread.runningWorkers) w.unref();
}

/** Threads of the active threaded wasm backend's pool, or null when it is not the active one. */
export function wasmThreads(): number | null {
  if (active === null || !active.tfjs) return null;
  return active.tfjs.getThreadsCount();
}
