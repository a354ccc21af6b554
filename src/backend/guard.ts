/**
 * What stands between torchlab and a backend that fails quietly.
 *
 * - **Out of memory.** tfjs-backend-wasm 4.22 writes a tensor at address 0 when `malloc` fails (the
 *   heap is capped at 4 GiB), overwriting live tensors with no error; its `malloc` also takes a 32-bit
 *   size, so a 40 GB request silently becomes a small one. The cpu backend raises a bare
 *   `RangeError: Invalid typed array length`. Every allocation now goes through a check that
 *   reclaims unreachable tensors and retries once, then raises an OutOfMemoryError that names the op,
 *   the bytes asked for and the bytes live. Kernel outputs allocated before a failure are freed, so a
 *   refused op leaves nothing behind and the next one works.
 * - **Kernel status failures.** XNNPACK (inside the wasm backend) refuses shapes it does not support
 *   (more than 6 dims) or memory it cannot get, prints `XNN status … not successful` and leaves the
 *   output uninitialised. Those messages are intercepted and turned into errors, and the kernels that
 *   have the limit get their ranks collapsed first (see rank.ts), so they are never reached.
 * - **Long float32 sums.** wasm's Sum and Mean add into one float32 accumulator; large ones are
 *   staged in blocks (see staged_sum.ts) instead of silently losing precision.
 * - **Abort.** If the wasm runtime ever aborts, its memory can no longer be trusted: every later op
 *   and every read (so `torch.save` too) raises instead of returning what is left in the heap.
 */
import * as path from "path";
import { tf } from "./tf";
import { OutOfMemoryError, RuntimeError } from "../errors";
import { reclaim } from "./memory";
import { collapseRanks } from "./rank";
import { stagedSum } from "./staged_sum";
import { indexBuffersOnIds } from "./buffer_index";
import { onUnwind, scoped } from "./scopes";
import { directRunKernel } from "./dispatch";

type RunKernel = (kernelName: string, inputs: tf.NamedTensorMap, attrs?: tf.NamedAttrMap) => tf.Tensor | tf.Tensor[];

interface EngineLike {
  runKernel: RunKernel;
  // tfjs's WeakMap, or buffer_index.ts's table in the dataId's own slot (wasm, cpu).
  state: { tensorInfo: { has(dataId: object): boolean }; numBytes: number; numTensors: number };
}

interface EmscriptenModule {
  _malloc: (bytes: number) => number;
  _free: (ptr: number) => void;
  asm?: { malloc?: (bytes: number) => number };
  HEAPU8: Uint8Array;
  onAbort?: (what: unknown) => void;
}

interface BackendLike {
  write(values: unknown, shape: number[], dtype: string): object;
  readSync(dataId: object, ...rest: unknown[]): unknown;
  read(dataId: object, ...rest: unknown[]): Promise<unknown>;
  disposeData(dataId: object, force?: boolean): boolean;
  wasm?: EmscriptenModule;
  dataIdMap?: { has(dataId: object): boolean };
  data?: { has(dataId: object): boolean };
}

/** The largest heap tfjs-backend-wasm 4.22 can grow to (emscripten's getHeapMax for its 4 GiB build). */
export const WASM_HEAP_MAX = 4294901760;
/**
 * Heap kept free for the backend's own allocations (XNNPACK operators, packed weights, indirection
 * buffers): the C++ side aborts, killing the backend, when one of those cannot be satisfied.
 */
const WASM_RESERVE = 32 * 1024 * 1024;

let installed: string | null = null;
let collapsing = true;
let backendLabel = "cpu";
let memoryLimit: number | null = null;
let aborted: string | null = null;
let statusFailure: string | null = null;
/** Names of the kernels now running, innermost last. */
const kernels: string[] = [];
/** Backend buffers written while a top-level kernel runs: freed if it throws before they become tensors. */
let written: object[] | null = null;
/** The one array `written` points to (emptied after each top-level kernel instead of a new one per kernel). */
const writtenBuffer: object[] = [];
/** Out-of-memory errors raised after memory was already reclaimed and the allocation retried. */
const settled = new WeakSet<object>();

const SRC_ROOT = path.resolve(__dirname, "..") + path.sep;

/**
 * The library function the user called (`zeros`, `Tensor.add`, `Conv2d.forward`, ...): the outermost
 * stack frame inside torchlab's own sources.
 */
function calledOp(): string {
  // A registered scope: a cell stopped in here must not leave every later error's stack an array.
  const sites = scoped(
    () => {
      const savedPrepare = Error.prepareStackTrace;
      const savedLimit = Error.stackTraceLimit;
      Error.stackTraceLimit = 200;
      Error.prepareStackTrace = (_e, s) => s;
      return () => {
        Error.prepareStackTrace = savedPrepare;
        Error.stackTraceLimit = savedLimit;
      };
    },
    () => {
      const holder: { stack?: NodeJS.CallSite[] } = {};
      Error.captureStackTrace(holder);
      return holder.stack ?? [];
    },
  );
  let name: string | null = null;
  for (const site of sites) {
    const file = site.getFileName() ?? "";
    if (!file.startsWith(SRC_ROOT) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const fn = site.getFunctionName();
    if (!fn) continue;
    const type = site.getTypeName();
    name = type && type !== "Object" && !fn.includes(".") ? `${type}.${fn}` : fn;
  }
  return name ?? "tensor allocation";
}

function fmtBytes(n: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v.toFixed(2)} ${units[u]} (${n} bytes)`;
}

function liveBytes(): { bytes: number; tensors: number } {
  const m = tf.memory();
  return { bytes: m.numBytes, tensors: m.numTensors };
}

/** The most memory tensors may take on this backend, or null where only the system sets a bound. */
export function memoryCeiling(): number | null {
  const heap = installed === "wasm" ? WASM_HEAP_MAX - WASM_RESERVE : null;
  if (memoryLimit === null) return heap;
  return heap === null ? memoryLimit : Math.min(heap, memoryLimit);
}

/**
 * Caps the bytes live tensors may take (null: the backend's own ceiling). Tests use it to reach the
 * out-of-memory path without exhausting the machine; PyTorch's analogue is
 * `torch.cuda.set_per_process_memory_fraction`.
 */
export function setMemoryLimit(bytes: number | null): void {
  if (bytes !== null && !(Number.isFinite(bytes) && bytes > 0)) {
    throw new RuntimeError(`_setMemoryLimit(): expected a positive number of bytes or null, got ${bytes}`);
  }
  memoryLimit = bytes;
}

function outOfMemory(requested: number | null, detail: string): OutOfMemoryError {
  const op = calledOp();
  const kernel = kernels.length ? kernels[kernels.length - 1] : null;
  const live = liveBytes();
  const ceiling = memoryCeiling();
  const asked = requested === null ? "more memory than the system could give" : fmtBytes(requested);
  const where = kernel ? ` in backend kernel ${kernel}` : "";
  const cap =
    ceiling === null
      ? ""
      : memoryLimit !== null && ceiling === memoryLimit
        ? `; the limit set with torch._setMemoryLimit is ${fmtBytes(ceiling)}`
        : `; tensors can take at most ${fmtBytes(ceiling)} of the ${backendLabel} heap`;
  return new OutOfMemoryError(
    `${op}: out of memory on ${backendLabel}: tried to allocate ${asked}${where}; ${fmtBytes(live.bytes)} live in ` +
      `${live.tensors} tensors${cap}${detail}. Tensors still referenced (kept in a list, a dict or a global) ` +
      `cannot be freed: drop those you no longer need, or use smaller batches or models.`,
    op,
    requested,
    live.bytes,
  );
}

function fits(bytes: number): boolean {
  const ceiling = memoryCeiling();
  return ceiling === null || (tf.engine() as unknown as EngineLike).state.numBytes + bytes <= ceiling;
}

/** A JavaScript or native allocation failure, as opposed to any other error. */
export function isAllocationFailure(e: unknown): boolean {
  if (e instanceof OutOfMemoryError) return false;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError) return /Invalid typed array length|Array buffer allocation failed|Invalid array (buffer )?length/.test(msg);
  return /OOM when allocating|ResourceExhausted|out of memory/i.test(msg);
}

function requestedBytesOf(e: unknown): number | null {
  const m = /Invalid typed array length: (\d+)/.exec(e instanceof Error ? e.message : "");
  // Kernels allocate float32/int32 buffers, 4 bytes an element.
  return m ? Number(m[1]) * 4 : null;
}

function checkAlive(): void {
  if (aborted !== null) {
    throw new RuntimeError(
      `the ${backendLabel} backend aborted earlier (${aborted}); its memory can no longer be trusted, so torchlab ` +
        "refuses to compute with it or read from it (nothing is saved). Restart the kernel or process.",
    );
  }
}

/**
 * Runs `f` (tfjs work); an allocation failure inside it reclaims unreachable tensors and retries
 * once, then becomes an OutOfMemoryError. Used by the op layer around work that allocates outside a
 * kernel (tfjs builds `zeros` and `tensor` values in JavaScript first). `failedOnce`: the caller
 * already ran `f` once and it failed to allocate, so only the reclaim and the retry remain.
 */
export function withMemoryRetry<T>(f: () => T, failedOnce = false): T {
  if (!failedOnce) {
    try {
      return f();
    } catch (e) {
      if (!isAllocationFailure(e)) throw e;
    }
  }
  reclaim();
  try {
    return f();
  } catch (e) {
    if (!isAllocationFailure(e)) throw e;
    throw settle(outOfMemory(requestedBytesOf(e), ""));
  }
}

function settle(e: OutOfMemoryError): OutOfMemoryError {
  settled.add(e);
  return e;
}

function disposeOutputs(out: tf.Tensor | tf.Tensor[]): void {
  for (const t of Array.isArray(out) ? out : [out]) if (!t.isDisposed) t.dispose();
}

/** Frees buffers a failed kernel wrote but never handed to the engine. */
function freeOrphans(engine: EngineLike, backend: BackendLike, buffers: object[]): void {
  const map = backend.dataIdMap ?? backend.data;
  for (const dataId of buffers) {
    if (!engine.state.tensorInfo.has(dataId) && map?.has(dataId)) backend.disposeData(dataId, true);
  }
}

function statusError(kernel: string, message: string): Error {
  if (/status 6\b/.test(message)) return outOfMemory(null, ` (the backend could not allocate its workspace: ${message})`);
  return new RuntimeError(
    `${kernel}: the ${backendLabel} backend reported a failure instead of a result (${message.trim()}); ` +
      "its output would be uninitialised memory, so torchlab raises instead",
  );
}

function guardKernels(engine: EngineLike, backend: BackendLike, collapse: boolean): void {
  const run = directRunKernel(engine as unknown as Parameters<typeof directRunKernel>[0]);
  const attempt = (name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap | undefined): tf.Tensor | tf.Tensor[] => {
    statusFailure = null;
    const out = (collapse && collapsing && (collapseRanks(name, inputs, attrs, run) || stagedSum(name, inputs, attrs, run))) || run(name, inputs, attrs);
    if (statusFailure !== null) {
      const message: string = statusFailure;
      statusFailure = null;
      disposeOutputs(out);
      throw statusError(name, message);
    }
    return out;
  };
  // A cell stopped inside a kernel ran none of the `finally` below: nothing runs any more, and what
  // the stopped kernel wrote and never handed to the engine is freed, as a throwing kernel's is.
  onUnwind(() => {
    if (written !== null) freeOrphans(engine, backend, written);
    kernels.length = 0;
    writtenBuffer.length = 0;
    written = null;
  });
  engine.runKernel = (name, inputs, attrs) => {
    checkAlive();
    const top = written === null;
    if (top) written = writtenBuffer;
    kernels.push(name);
    try {
      try {
        return attempt(name, inputs, attrs);
      } catch (e) {
        const retry = isAllocationFailure(e) || (e instanceof OutOfMemoryError && !settled.has(e));
        if (!top || !retry) throw e;
        freeOrphans(engine, backend, written ?? []);
        writtenBuffer.length = 0;
        reclaim();
        try {
          return attempt(name, inputs, attrs);
        } catch (e2) {
          if (e2 instanceof OutOfMemoryError) settled.add(e2);
          if (isAllocationFailure(e2)) throw settle(outOfMemory(requestedBytesOf(e2), ""));
          throw e2;
        }
      }
    } catch (e) {
      if (top) freeOrphans(engine, backend, written ?? []);
      throw e;
    } finally {
      kernels.pop();
      if (top) {
        writtenBuffer.length = 0;
        written = null;
      }
    }
  };
}

function guardWrites(backend: BackendLike): void {
  const write = backend.write.bind(backend);
  backend.write = (values, shape, dtype) => {
    checkAlive();
    if (installed !== "wasm") {
      // wasm checks in malloc, where the real size is known; elsewhere the values already exist, so
      // only the configured limit can be enforced here.
      const bytes = shape.reduce((a, b) => a * b, 1) * (dtype === "bool" ? 1 : 4);
      if (!fits(bytes)) {
        reclaim();
        if (!fits(bytes)) throw settle(outOfMemory(bytes, ""));
      }
    }
    const dataId = write(values, shape, dtype);
    written?.push(dataId);
    return dataId;
  };
  for (const method of ["readSync", "read"] as const) {
    const original = backend[method].bind(backend) as (...args: unknown[]) => never;
    (backend as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      checkAlive();
      return original(...args);
    };
  }
}

function guardWasmHeap(m: EmscriptenModule): void {
  // Emscripten's `_malloc` is a stub that replaces itself with the wasm export on first call.
  const raw = m.asm?.malloc ?? ((m._free(m._malloc(8)), m._malloc) as (bytes: number) => number);
  const free = (p: number) => m._free(p);
  const tryMalloc = (bytes: number): number => {
    if (!(bytes >= 0) || !fits(bytes)) return 0;
    const p = raw(bytes);
    if (p === 0) return 0;
    if (m.HEAPU8.length + WASM_RESERVE > WASM_HEAP_MAX) {
      // Near the ceiling the heap cannot grow: keep room for the backend's own allocations.
      const probe = raw(WASM_RESERVE);
      if (probe === 0) {
        free(p);
        return 0;
      }
      free(probe);
    }
    return p;
  };
  m._malloc = (bytes: number): number => {
    checkAlive();
    if (bytes === 0) return raw(0);
    let p = tryMalloc(bytes);
    if (p === 0) {
      reclaim();
      p = tryMalloc(bytes);
    }
    if (p === 0) throw settle(outOfMemory(bytes, ""));
    return p;
  };
  const onAbort = m.onAbort;
  m.onAbort = (what: unknown) => {
    aborted = String(what ?? "abort");
    onAbort?.(what);
  };
}

/**
 * Runs the wasm backend's initialisation with its console output watched: emscripten binds its
 * print functions to `console.log`/`console.warn` when the module is created, so this is the only
 * moment they can be reached. Lines reporting an XNNPACK failure mark the running kernel as failed;
 * every other line is printed as before.
 */
export async function watchBackendMessages<T>(init: () => Promise<T>): Promise<T> {
  const log = console.log;
  const warn = console.warn;
  const watch =
    (print: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      if (typeof args[0] === "string" && args[0].startsWith("XNN status")) {
        statusFailure = args[0];
        return;
      }
      print.apply(console, args);
    };
  const watchedLog = watch(log);
  const watchedWarn = watch(warn);
  console.log = watchedLog;
  console.warn = watchedWarn;
  try {
    return await init();
  } finally {
    if (console.log === watchedLog) console.log = log;
    if (console.warn === watchedWarn) console.warn = warn;
  }
}

/** Tests turn rank collapsing off to reach a real XNNPACK status failure. */
export function setRankCollapse(on: boolean): void {
  collapsing = on;
}

/** Installs the guards on the active backend (once). */
export function installGuards(name: string): void {
  if (installed !== null) return;
  installed = name;
  backendLabel = name;
  const engine = tf.engine() as unknown as EngineLike;
  const backend = tf.backend() as unknown as BackendLike;
  guardKernels(engine, backend, name === "wasm");
  guardWrites(backend);
  if (name === "wasm" && backend.wasm) guardWasmHeap(backend.wasm);
  // Before any tensor exists: the tables can only be replaced while empty.
  if (name === "wasm" || name === "cpu") indexBuffersOnIds(engine as unknown as Parameters<typeof indexBuffersOnIds>[0], backend as unknown as Parameters<typeof indexBuffersOnIds>[1]);
}
