/**
 * Backend selection. Preference order: CUDA (tfjs-node-gpu) > native CPU (tfjs-node) > wasm > cpu.
 *
 * tfjs backends initialise asynchronously, so a script starts with `await torch.ready()`; the kernel
 * prelude does that before the first cell. Using torch before that is a RuntimeError that says what to
 * call, rather than tfjs silently falling back to its 30x slower pure-JS backend.
 */
import { tf } from "./tf";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { registerWasmKernels } from "./wasm_kernels";
import { registerJsKernels } from "./js_kernels";
import { registerLossKernels } from "./loss_kernels";
import { registerRnnKernels } from "./rnn_kernels";
import { registerMatMulKernel } from "./matmul_kernel";
import { registerCpuKernels } from "./cpu_kernels";
import { registerMathKernels } from "./math_kernels";
import { registerSumKernels } from "./sum_kernels";
import { installGuards, watchBackendMessages } from "./guard";
import { registerThreadedWasm, wasmThreads } from "./wasm_threads";
import * as os from "os";

export type BackendName = "cuda" | "tensorflow" | "wasm" | "cpu";

interface BackendState {
  name: BackendName;
  tfName: string;
  device: "cuda" | "cpu";
  detail: string;
}

let state: BackendState | null = null;
let pending: Promise<string> | null = null;

const NATIVE_HELP: Record<"cuda" | "tensorflow", string> = {
  cuda:
    "install it next to torchlab with `npm install @tensorflow/tfjs-node-gpu@4.22.0` on Linux x86-64 with an NVIDIA " +
    "driver, CUDA 11.2 and cuDNN 8.1 (its install script downloads libtensorflow; allow it with `npm install-scripts approve`)",
  tensorflow:
    "install it next to torchlab with `npm install @tensorflow/tfjs-node@4.22.0` (its install script downloads " +
    "libtensorflow; allow it with `npm install-scripts approve`)",
};

function tryRequire(id: string): { ok: true } | { ok: false; why: string } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    require(id);
    return { ok: true };
  } catch (e) {
    return { ok: false, why: (e as Error).message.split("\n")[0] };
  }
}

async function activate(tfName: string): Promise<boolean> {
  try {
    const ok = await tf.setBackend(tfName);
    if (!ok) return false;
    await tf.ready();
    return tf.getBackend() === tfName;
  } catch {
    return false;
  }
}

async function loadNative(kind: "cuda" | "tensorflow"): Promise<{ ok: true } | { ok: false; why: string }> {
  const pkg = kind === "cuda" ? "@tensorflow/tfjs-node-gpu" : "@tensorflow/tfjs-node";
  const loaded = tryRequire(pkg);
  if (!loaded.ok) return { ok: false, why: `${pkg} is not installed or failed to load (${loaded.why})` };
  if (tf.findBackendFactory("tensorflow") == null) {
    return {
      ok: false,
      why: `${pkg} loaded but registered its backend in another copy of @tensorflow/tfjs-core; install the version matching torchlab's (${tf.version_core})`,
    };
  }
  if (!(await activate("tensorflow"))) return { ok: false, why: `the tensorflow backend of ${pkg} failed to initialise` };
  return { ok: true };
}

async function loadWasm(): Promise<{ ok: true } | { ok: false; why: string }> {
  const loaded = tryRequire("@tensorflow/tfjs-backend-wasm");
  if (!loaded.ok) return { ok: false, why: `@tensorflow/tfjs-backend-wasm failed to load (${loaded.why})` };
  registerWasmKernels();
  // describe() reads this flag synchronously; the threaded build bypasses the package's own check.
  await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const threads = requestedThreads ?? defaultThreads();
  // One thread gets the single-threaded build: it starts 10x faster and has no worker threads.
  const restore = threads > 1 ? registerThreadedWasm(threads) : null;
  if (await watchBackendMessages(() => activate("wasm"))) return { ok: true };
  if (restore) {
    restore();
    if (await watchBackendMessages(() => activate("wasm"))) return { ok: true };
  }
  return { ok: false, why: "the wasm backend failed to initialise" };
}

// ------------------------------------------------------------------ threads

let requestedThreads: number | null = null;

/** PyTorch's default: OMP_NUM_THREADS when set, else the cores this process may use. */
function defaultThreads(): number {
  const omp = Number(process.env.OMP_NUM_THREADS);
  if (Number.isInteger(omp) && omp > 0) return omp;
  const available = (os as { availableParallelism?: () => number }).availableParallelism;
  return typeof available === "function" ? available() : Math.max(1, os.cpus().length);
}

/**
 * The number of threads the backend's kernels run on, PyTorch's `torch.get_num_threads()`: the wasm
 * backend's thread pool (by default one thread per available core, or OMP_NUM_THREADS), 1 on the
 * pure-JavaScript cpu backend. Before `torch.ready()` it is the count the backend will start with.
 */
export function get_num_threads(): number {
  if (state === null) return requestedThreads ?? defaultThreads();
  if (state.name === "wasm") return wasmThreads() ?? 1;
  if (state.name === "cpu") return 1;
  return requestedThreads ?? defaultThreads();
}

/**
 * Sets the number of threads kernels run on, PyTorch's `torch.set_num_threads(n)`. The wasm
 * backend's thread pool is created when it starts and cannot be resized, so call this before
 * `await torch.ready()` (in a notebook: set OMP_NUM_THREADS for the kernel, or restart it);
 * asking a started backend for a different count is a RuntimeError that says so.
 */
export function set_num_threads(n: number): void {
  if (typeof n !== "number" || !Number.isInteger(n)) throw new TypeError(`set_num_threads(): argument 'int' must be int, not ${typeof n === "number" ? n : typeof n}`);
  if (n <= 0) throw new RuntimeError("set_num_threads expects a positive integer");
  if (state === null && pending === null) {
    requestedThreads = n;
    return;
  }
  const current = get_num_threads();
  if (n === current) return;
  const name = state ? state.name : "the backend";
  throw new RuntimeError(
    `set_num_threads(${n}): ${name} already started with ${current} thread${current === 1 ? "" : "s"} and its thread pool cannot be resized; ` +
      "call torch.set_num_threads() before `await torch.ready()`, or start the process (kernel) with OMP_NUM_THREADS set",
  );
}

function describe(name: BackendName): BackendState {
  const versions = `tfjs-core ${tf.version_core}, node ${process.version}`;
  if (name === "wasm") {
    const simd = tf.env().getBool("WASM_HAS_SIMD_SUPPORT") ? "SIMD" : "no SIMD";
    const count = wasmThreads() ?? 1;
    const threads = `${count} thread${count === 1 ? "" : "s"}`;
    return { name, tfName: "wasm", device: "cpu", detail: `wasm (${simd}, ${threads}) on cpu — ${versions}` };
  }
  if (name === "cpu") return { name, tfName: "cpu", device: "cpu", detail: `cpu (pure JavaScript, slow) on cpu — ${versions}` };
  if (name === "cuda") return { name, tfName: "tensorflow", device: "cuda", detail: `tensorflow (CUDA, @tensorflow/tfjs-node-gpu) on cuda — ${versions}` };
  return { name, tfName: "tensorflow", device: "cpu", detail: `tensorflow (native CPU, @tensorflow/tfjs-node) on cpu — ${versions}` };
}

async function select(forced: string | undefined): Promise<string> {
  // tfjs's cpu backend prints a "use tfjs-node" banner on first use in Node; we report the backend ourselves.
  tf.env().set("PROD", true);
  registerJsKernels();
  registerLossKernels();
  registerRnnKernels();
  registerMatMulKernel();
  registerCpuKernels();
  registerMathKernels();
  registerSumKernels();
  if (forced !== undefined && forced !== "") {
    if (!["cuda", "tensorflow", "wasm", "cpu"].includes(forced)) {
      throw new ValueError(`TORCHLAB_BACKEND must be one of cuda, tensorflow, wasm, cpu; got '${forced}'`);
    }
    const name = forced as BackendName;
    let result: { ok: true } | { ok: false; why: string };
    if (name === "cuda" || name === "tensorflow") {
      result = await loadNative(name);
      if (result.ok && name === "cuda" && !nativeHasGpu()) result = { ok: false, why: "tfjs-node-gpu loaded but sees no CUDA device" };
      if (!result.ok) throw new RuntimeError(`TORCHLAB_BACKEND=${name} cannot be used: ${result.why}. To get it, ${NATIVE_HELP[name]}.`);
    } else if (name === "wasm") {
      result = await loadWasm();
      if (!result.ok) throw new RuntimeError(`TORCHLAB_BACKEND=wasm cannot be used: ${result.why}. Reinstall torchlab's dependencies with \`npm install\`.`);
    } else if (!(await activate("cpu"))) {
      throw new RuntimeError("TORCHLAB_BACKEND=cpu cannot be used: the cpu backend failed to initialise");
    }
    state = describe(name);
    return state.detail;
  }
  for (const kind of ["cuda", "tensorflow"] as const) {
    const pkg = kind === "cuda" ? "@tensorflow/tfjs-node-gpu" : "@tensorflow/tfjs-node";
    if (!isResolvable(pkg)) continue;
    const result = await loadNative(kind);
    if (result.ok) {
      state = describe(kind === "cuda" && nativeHasGpu() ? "cuda" : "tensorflow");
      return state.detail;
    }
  }
  if ((await loadWasm()).ok) state = describe("wasm");
  else if (await activate("cpu")) state = describe("cpu");
  else throw new RuntimeError("no tfjs backend could be initialised (tried tensorflow, wasm, cpu)");
  return state.detail;
}

function isResolvable(id: string): boolean {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
}

function nativeHasGpu(): boolean {
  const flags = tf.backend() as unknown as { isUsingGpuDevice?: boolean };
  return flags.isUsingGpuDevice === true;
}

/**
 * Selects and initialises the best backend (or the one TORCHLAB_BACKEND names) and resolves to a
 * one-line description of it. Safe to call many times; later calls return the same backend.
 *
 * @example
 * await torch.ready();   // 'wasm (SIMD, 1 thread) on cpu — tfjs-core 4.22.0, node v20.20.2'
 */
export function ready(): Promise<string> {
  if (state) return Promise.resolve(state.detail);
  if (!pending) {
    pending = select(process.env.TORCHLAB_BACKEND).then((detail) => {
      installGuards(state!.name);
      return detail;
    }, (e) => {
      pending = null;
      throw e;
    });
  }
  return pending;
}

/** One line naming the active backend, its device and versions, or saying that none is ready yet. */
export function backend(): string {
  return state ? state.detail : "no backend yet: call `await torch.ready()`";
}

/** The active backend's short name ('cuda' | 'tensorflow' | 'wasm' | 'cpu'), or null before ready(). */
export function backendName(): BackendName | null {
  return state ? state.name : null;
}

/** True only when the CUDA backend (tfjs-node-gpu) is active. */
export function cudaAvailable(): boolean {
  return state?.name === "cuda";
}

/** Throws unless a backend was initialised. Called by every op before it touches tfjs. */
export function ensureReady(): void {
  if (state === null) {
    throw new RuntimeError(
      "torchlab has no backend yet: run `await torch.ready()` once before using tensors " +
        "(the torchlab kernel does this for you before the first cell)",
    );
  }
}
