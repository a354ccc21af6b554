/**
 * Lifetimes of backend memory. A notebook user never calls dispose(): each Tensor wrapper owns a
 * reference to a refcounted Storage, and a FinalizationRegistry drops that reference when the wrapper
 * is garbage-collected. V8 cannot see wasm or native memory, so we count the bytes we allocate and
 * nudge a full GC once a budget is spent; the registry's callbacks then free the storages at the next
 * macrotask (e.g. the DataLoader's per-batch yield, or the end of a notebook cell).
 */
import * as v8 from "v8";
import * as vm from "vm";
import { tf } from "./tf";

export interface Storage {
  data: tf.Tensor;
  refs: number;
  /** Bumped by every in-place write, so autograd can detect a saved tensor that was modified. */
  version: number;
}

const registry = new FinalizationRegistry<Storage>((s) => release(s));

let allocatedSinceGc = 0;
let gcBudget = 256 * 1024 * 1024;
let forceGc: (() => void) | null | undefined;

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

function release(s: Storage): void {
  s.refs--;
  if (s.refs <= 0 && !s.data.isDisposed) s.data.dispose();
}

function account(t: tf.Tensor): void {
  allocatedSinceGc += t.size * (t.dtype === "float32" || t.dtype === "int32" ? 4 : 1);
  if (allocatedSinceGc > gcBudget) {
    allocatedSinceGc = 0;
    gcFunction()?.();
  }
}

/** Makes a fresh storage holding `data` and ties its lifetime to `owner`. */
export function adopt(owner: object, data: tf.Tensor): Storage {
  const s: Storage = { data, refs: 1, version: 0 };
  registry.register(owner, s, owner);
  account(data);
  return s;
}

/** Lets another wrapper (detach(), .data) share `s`. */
export function share(owner: object, s: Storage): Storage {
  s.refs++;
  registry.register(owner, s, owner);
  return s;
}

/**
 * Points `owner` (which held `from`) at storage `to` instead, for an in-place op that must leave the
 * old values to the autograd graph: `from` loses owner's reference now, `to` gains one. Autograd
 * nodes remember each input's storage as well as its version, so they see the swap.
 */
export function rebind(owner: object, from: Storage, to: Storage): Storage {
  registry.unregister(owner);
  release(from);
  to.refs++;
  registry.register(owner, to, owner);
  return to;
}

/** Replaces the contents of `s` in place (optimizer steps, init_, copy_), freeing the old buffer. */
export function overwrite(s: Storage, data: tf.Tensor): void {
  if (s.data !== data) {
    const old = s.data;
    s.data = data;
    if (!old.isDisposed) old.dispose();
    account(data);
  }
  s.version++;
}

/** Sets the byte budget after which a GC is nudged (tests use a small one to exercise the path). */
export function setGcBudget(bytes: number): void {
  gcBudget = bytes;
}

/** Runs a full GC now, if Node allows it, and returns whether it did. */
export function collectNow(): boolean {
  const g = gcFunction();
  if (!g) return false;
  g();
  allocatedSinceGc = 0;
  return true;
}

/** The backend's live tensor count and bytes, as tfjs reports them. */
export function memoryInfo(): { numTensors: number; numBytes: number } {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes };
}
