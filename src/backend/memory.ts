/**
 * Lifetimes of backend memory. A notebook user never calls dispose(): each Tensor wrapper owns a
 * reference to a refcounted Storage, and a FinalizationRegistry drops that reference when the wrapper
 * is garbage-collected. V8 cannot see wasm or native memory, so we count the bytes we allocate and
 * reclaim once a budget is spent: a forced full GC, then the registry's `cleanupSome()`, which runs
 * the callbacks of every collected wrapper right away, inside the synchronous loop that allocates
 * (a training loop written in a function never yields to the event loop).
 *
 * `cleanupSome` exists only behind V8's `--harmony-weak-refs-with-cleanup-some` flag, and only on a
 * FinalizationRegistry built in a context created after the flag was set (a fresh `vm` context).
 * Where a Node.js lacks it, the callbacks run at the next macrotask instead (between cells, between
 * batches of `for await`), which is the fallback README describes.
 */
import * as v8 from "v8";
import * as vm from "vm";
import { tf } from "./tf";
import type { dtype } from "../tensor/dtype";

export interface Storage {
  data: tf.Tensor;
  refs: number;
  /** Bumped by every in-place write, so autograd can detect a saved tensor that was modified. */
  version: number;
  /** The version at which the data was set to zeros (optimizer.zero_grad), so a gradient can replace it instead of adding. */
  zeroAt?: number;
  /** The logical dtype where it is not the storage's default (torch.int32 in an int32 buffer, whose default is int64). */
  dt?: dtype;
  /**
   * Set when `data` holds its values in another physical order than the tensor's (PyTorch) layout:
   * `data` then has the logical shape but, e.g., NHWC order (src/ops/layout.ts). Only layout-aware
   * ops read such a buffer raw; everything else reads through Tensor's `_t`, which converts it first.
   */
  layout?: Layout;
}

/** A physical order of a storage's buffer, and how to convert it to the logical one. */
export type Layout = NhwcLayout | TransposedLayout | ZerosLayout;

export interface NhwcLayout {
  readonly kind: "nhwc" | "nhwc_flat";
  /** [N, H, W, C] of the physical order (for "nhwc_flat", of the map before flattening). */
  readonly nhwc: readonly [number, number, number, number];
  /** The buffer in the logical order (a new tensor; `data` is left as it was). */
  toLogical(data: tf.Tensor): tf.Tensor;
}

/** A 2-D [r, c] tensor whose buffer holds its transpose's [c, r] values (F.linear's `weight.t()`, ops/movement.ts). */
export interface TransposedLayout {
  readonly kind: "transposed";
  /** The buffer in the logical order (a new tensor; `data` is left as it was). */
  toLogical(data: tf.Tensor): tf.Tensor;
}

/**
 * All zeros, whatever `data` holds (optimizer.zero_grad, ops/optim_kernels.ts): the buffer of zeros
 * is made only if something reads the tensor before a backward overwrites it, which in a training
 * loop nothing does (the gradient replaces the zeroed buffer, backward.ts's accumulateLeaf).
 */
export interface ZerosLayout {
  readonly kind: "zeros";
  /** Zeros of `data`'s shape and dtype (a new tensor; `data` is left as it was). */
  toLogical(data: tf.Tensor): tf.Tensor;
}

/** The one ZerosLayout. */
export const ZEROS: ZerosLayout = { kind: "zeros", toLogical: (d) => tf.zerosLike(d) };

/**
 * Converts `s`'s buffer to the logical order, in place: no version bump (the values did not change),
 * so views, autograd's saved-tensor checks and aliases sharing `s` see the same storage as before.
 * Kept out of any enclosing tidy scope, since the storage owns the new buffer.
 */
export function toLogicalLayout(s: Storage): void {
  const layout = s.layout!;
  const old = s.data;
  s.data = tf.keep(tf.tidy(() => layout.toLogical(old)));
  s.layout = undefined;
  // The old buffer's bytes leave the GC budget with it (release() takes off only the new one's).
  unaccount(old);
  old.dispose();
  account(s.data);
}

/**
 * What the registry holds for one wrapper: the storage it references now. rebind() swaps `s` instead
 * of unregistering and registering the wrapper again, so no wrapper needs an unregister token (a
 * token costs V8 a weak hash-table entry per tensor, and every op makes a tensor).
 */
export interface StorageRef {
  s: Storage;
}

interface SyncRegistry<T> extends FinalizationRegistry<T> {
  cleanupSome?: () => void;
}

/** What the registry holds for a collected object: a wrapper's storage, or a cache's own cleanup (whenCollected). */
type Held = StorageRef | (() => void);

const registry = makeRegistry();
const reclaimHooks: (() => void)[] = [];

let allocatedSinceGc = 0;
/**
 * The reclaim budget: bytes allocated and not yet freed since the last reclaim. It starts small and
 * doubles while reclaims take more than GC_SHARE of the process CPU time between them (halves while
 * they take under a quarter of that), between MIN_BUDGET and MAX_BUDGET: a synchronous loop over
 * small tensors reuses a few MB of backend memory instead of filling MAX_BUDGET with dead ones first
 * (each fresh wasm page costs a fault: the 256x256 elementwise chain ran at ~3x tfjs's time until the
 * heap stopped growing), while a loop whose reclaims are slow next to its allocations (a large
 * JavaScript heap) keeps a large budget. setGcBudget() fixes the budget instead.
 */
const MIN_BUDGET = 32 * 1024 * 1024;
const MAX_BUDGET = 256 * 1024 * 1024;
const GC_SHARE = 0.05;
let gcBudget = MIN_BUDGET;
/** Bytes allocated between two runs of the callbacks of wrappers that V8 collected on its own (see account()). */
const CLEANUP_EVERY = 4 * 1024 * 1024;
let nextCleanup = CLEANUP_EVERY;
let adaptive = true;
let lastReclaimEnd = 0;
let forceGc: (() => void) | null | undefined;
let reclaimMs = 0;
let reclaims = 0;

function makeRegistry(): SyncRegistry<Held> {
  try {
    v8.setFlagsFromString("--harmony-weak-refs-with-cleanup-some");
    const Fresh = vm.runInNewContext("FinalizationRegistry") as typeof FinalizationRegistry;
    const r = new Fresh<Held>(collected) as SyncRegistry<Held>;
    if (typeof r.cleanupSome === "function") return r;
  } catch {
    // A runtime without the flag: the plain registry below frees at the next macrotask.
  }
  return new FinalizationRegistry<Held>(collected);
}

function collected(held: Held): void {
  if (typeof held !== "function") {
    release(held.s);
    return;
  }
  try {
    held();
  } catch (error) {
    if (!releaseWarned) {
      releaseWarned = true;
      process.emitWarning(`torchlab: a cached copy's buffer could not be freed (${(error as Error).message})`);
    }
  }
}

/**
 * Runs `free` once `target` has been garbage-collected, through the same registry as the tensors'
 * storages: a cache of backend buffers keyed by a tensor (a parameter's transposed filter) is freed
 * by the reclaim that frees the tensors, inside a training loop that never yields, instead of at a
 * later macrotask (a plain FinalizationRegistry's callbacks wait for the event loop).
 */
export function whenCollected(target: object, free: () => void): void {
  registry.register(target, free);
}

/**
 * Runs `prune` after every reclaim, once the collected tensors' buffers are freed: a cache whose
 * entries are valid while their source buffer lives (ops/layout.ts's NHWC copies) drops the dead
 * ones then, instead of holding them until its next lookup.
 */
export function onReclaim(prune: () => void): void {
  reclaimHooks.push(prune);
}

function gcFunction(): (() => void) | null {
  if (forceGc !== undefined) return forceGc;
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === "function") return (forceGc = g);
  try {
    v8.setFlagsFromString("--expose-gc");
    forceGc = vm.runInNewContext("gc") as () => void;
  } catch {
    forceGc = null;
  }
  return forceGc;
}

let releaseWarned = false;

function release(s: Storage): void {
  s.refs--;
  if (s.refs <= 0 && !s.data.isDisposed) {
    // Finalizers run inside whichever op triggered a reclaim: a buffer that cannot be freed (its
    // backend already disposed) must not fail that unrelated op. It is reported once, not hidden.
    try {
      unaccount(s.data);
      s.data.dispose();
    } catch (error) {
      if (!releaseWarned) {
        releaseWarned = true;
        process.emitWarning(`torchlab: a tensor's buffer could not be freed (${(error as Error).message})`);
      }
    }
  }
}

/**
 * Tensors freed inside a tidy scope would be freed under an op that may still read them through a
 * raw tfjs handle; the next allocation outside any scope reclaims instead.
 */
function insideScope(): boolean {
  const state = (tf.engine() as unknown as { state: { scopeStack: unknown[] } }).state;
  return state.scopeStack.length > 0;
}

function bytesOf(t: tf.Tensor): number {
  return t.size * (t.dtype === "float32" || t.dtype === "int32" ? 4 : 1);
}

/**
 * Bytes freed without a forced collection (finalizers that ran between macrotasks, replaced optimizer
 * state) no longer count against the budget: a loop that yields, as a DataLoader loop does, frees
 * its garbage as it goes and needs no reclaim at all.
 */
function unaccount(t: tf.Tensor): void {
  allocatedSinceGc = Math.max(0, allocatedSinceGc - bytesOf(t));
}

function account(t: tf.Tensor): void {
  allocatedSinceGc += bytesOf(t);
  if (allocatedSinceGc >= nextCleanup && registry.cleanupSome !== undefined && !insideScope()) {
    // V8's own collections (every few dozen 256x256 ops in a loop) find dead wrappers too, but their
    // callbacks wait for a macrotask that a synchronous loop never reaches: running them here frees
    // those buffers (and takes them off the budget) without forcing a collection of our own.
    nextCleanup = allocatedSinceGc + CLEANUP_EVERY;
    registry.cleanupSome();
    if (allocatedSinceGc < nextCleanup - CLEANUP_EVERY) nextCleanup = allocatedSinceGc + CLEANUP_EVERY;
  }
  if (allocatedSinceGc > gcBudget && !insideScope()) {
    // Process CPU time (all threads): V8 collects on helper threads too, and on a busy machine wall
    // time would count time spent descheduled as work done between reclaims.
    const start = cpuMs();
    if (reclaim() && adaptive) {
      const end = cpuMs();
      gcBudget = nextBudget(gcBudget, end - start, start - lastReclaimEnd);
      lastReclaimEnd = end;
    }
  }
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The budget after a reclaim that cost `ms` of CPU time, against the `since` ms of work before it. */
export function nextBudget(budget: number, ms: number, since: number): number {
  if (ms > GC_SHARE * since) return Math.min(2 * budget, MAX_BUDGET);
  if (4 * ms < GC_SHARE * since) return Math.max(budget / 2, MIN_BUDGET);
  return budget;
}

/**
 * Frees the backend memory of every tensor wrapper that is no longer reachable, now: a full GC and,
 * where the runtime has it, the registry's synchronous cleanup. Returns whether a GC could be forced.
 */
export function reclaim(): boolean {
  const g = gcFunction();
  allocatedSinceGc = 0;
  nextCleanup = CLEANUP_EVERY;
  if (!g) return false;
  const start = performance.now();
  g();
  registry.cleanupSome?.();
  for (const prune of reclaimHooks) prune();
  reclaimMs += performance.now() - start;
  reclaims++;
  return true;
}

/** Whether reclaim() frees memory synchronously (false: only at the next macrotask). */
export function reclaimsSynchronously(): boolean {
  return typeof registry.cleanupSome === "function" && gcFunction() !== null;
}

/** Time spent in reclaim() and how many times it ran, for the benchmark. */
export function reclaimStats(): { ms: number; count: number } {
  return { ms: reclaimMs, count: reclaims };
}

/** Makes a fresh storage holding `data` and ties its lifetime to `owner`; `owner` keeps the ref. */
export function adopt(owner: object, data: tf.Tensor): StorageRef {
  const ref: StorageRef = { s: { data, refs: 1, version: 0 } };
  registry.register(owner, ref);
  account(data);
  return ref;
}

/** Lets another wrapper (detach(), .data) share `s`. */
export function share(owner: object, s: Storage): StorageRef {
  s.refs++;
  const ref: StorageRef = { s };
  registry.register(owner, ref);
  return ref;
}

/**
 * Points the wrapper owning `ref` at storage `to` instead, for an in-place op that must leave the
 * old values to the autograd graph: the old storage loses the wrapper's reference now, `to` gains
 * one. Autograd nodes remember each input's storage as well as its version, so they see the swap.
 */
export function rebind(ref: StorageRef, to: Storage): Storage {
  const from = ref.s;
  to.refs++;
  ref.s = to;
  release(from);
  return to;
}

/**
 * Drops the reference of the wrapper owning `ref` now, for a wrapper nothing will read again (an
 * intermediate that only the released autograd graph held): its buffer is freed at once unless
 * another wrapper shares it. The wrapper is left on a storage that nothing frees, so the registry's
 * later callback for it releases nothing; reading it raises "already released".
 */
export function drop(ref: StorageRef): Storage {
  const from = ref.s;
  // The sole owner's storage becomes that storage itself, released: no new object for a wrapper
  // that V8 keeps until a full collection anyway (a FinalizationRegistry target survives minor ones).
  if (from.refs === 1) {
    release(from);
    from.refs = Infinity;
    return from;
  }
  ref.s = { data: from.data, refs: Infinity, version: from.version };
  release(from);
  return ref.s;
}

/** Replaces the contents of `s` in place (optimizer steps, init_, copy_), freeing the old buffer; `layout` is the new buffer's physical order. */
export function overwrite(s: Storage, data: tf.Tensor, layout?: Layout): void {
  s.layout = layout;
  if (s.data !== data) {
    const old = s.data;
    s.data = data;
    if (!old.isDisposed) {
      unaccount(old);
      old.dispose();
    }
    account(data);
  }
  s.version++;
}

/**
 * Fixes the byte budget after which memory is reclaimed (tests use a small one to exercise the path);
 * null returns to the adaptive budget.
 */
export function setGcBudget(bytes: number | null): void {
  adaptive = bytes === null;
  gcBudget = bytes ?? MIN_BUDGET;
}

/** Reclaims now (see reclaim()) and returns whether a GC could be forced. */
export function collectNow(): boolean {
  return reclaim();
}

/** The backend's live tensor count and bytes, as tfjs reports them. */
export function memoryInfo(): { numTensors: number; numBytes: number } {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes };
}
