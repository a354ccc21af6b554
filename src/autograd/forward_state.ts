/**
 * Forward-mode AD's state and its per-op rule (the public API is forward_ad.ts). Kept free of the ops
 * layer so that src/ops/_core.ts's record() can propagate tangents without an import cycle.
 *
 * The tangent of an op's output is its Jacobian-vector product, computed from the op's own backward
 * closure: the closure is linear in the output gradient `g` (it computes J^T g), so
 * sum_i <B_i(g), t_i> = <g, J t>, and its gradient with respect to `g` (tfjs's autodiff, at g = 0)
 * is J t. Every op that records a backward closure thereby has a forward derivative; a closure that
 * tfjs cannot differentiate raises NotImplementedError naming the op, as PyTorch does for an op
 * without a forward formula.
 */
import { scoped } from "../backend/scopes";
import { tf } from "../backend/tf";
import { ensureTfjsGradients } from "../backend/tfjs_gradients";
import { NotImplementedError } from "../errors";
import type { Tensor } from "../tensor/tensor";
import { differentiably } from "./grad_mode";
import type { BackwardFn } from "./node";
import { gradientValue } from "./backward";

/** The active dual level (PyTorch allows one at a time), or -1. */
let level = -1;
/**
 * Each dual tensor's tangent. An op's output tangent is a thunk until first read: ops hand record()
 * their backward closure before they have assigned the output that some closures read (exp's reads
 * its result), so it runs at the next op over this output, or at unpack_dual.
 */
let tangents = new WeakMap<Tensor, Tensor | (() => Tensor)>();

/** @internal */
export function currentLevel(): number {
  return level;
}

/** @internal opens level 0 and returns it; the caller has checked none is open. */
export function openLevel(): number {
  level = 0;
  tangents = new WeakMap();
  return level;
}

/** @internal closes the level: every tangent made in it is forgotten. */
export function closeLevel(): void {
  level = -1;
  tangents = new WeakMap();
}

/** Set while a custom Function's forward runs: it sees its inputs' primals only, as in PyTorch. */
let hidden = 0;

/** @internal runs `fn` with every tangent out of sight (no propagation either). */
export function withoutTangents<T>(fn: () => T): T {
  return scoped(() => {
    hidden++;
    return () => hidden--;
  }, fn);
}

/** @internal The tangent of `t` at the active level, or null. */
export function tangentOf(t: Tensor): Tensor | null {
  if (level < 0 || hidden > 0) return null;
  const v = tangents.get(t);
  if (v === undefined) return null;
  if (v instanceof Function) {
    const resolved = v();
    tangents.set(t, resolved);
    return resolved;
  }
  return v;
}

/** @internal gives `t` a tangent computed on first read. */
export function setLazyTangent(t: Tensor, thunk: () => Tensor): void {
  if (level < 0 || hidden > 0) return;
  tangents.set(t, thunk);
}

/**
 * The inputs whose tangent a backward closure is being run for: they read as requiring grad meanwhile,
 * so that closures which skip inputs not requiring grad compute their part.
 */
let jvpInputs: ReadonlySet<Tensor> | null = null;

/** @internal whether a backward closure is being run for forward AD (ops may then take a path fit for it). */
export function is_forward_grad(): boolean {
  return jvpInputs !== null;
}

/** @internal (Tensor.requires_grad) */
export function isJvpInput(t: Tensor): boolean {
  return jvpInputs !== null && jvpInputs.has(t);
}

/** @internal runs `fn` with `inputs` reading as requiring grad. */
export function withJvpInputs<T>(inputs: ReadonlySet<Tensor>, fn: () => T): T {
  return scoped(() => {
    const before = jvpInputs;
    jvpInputs = inputs;
    return () => (jvpInputs = before);
  }, fn);
}

/** @internal */
export function setTangent(t: Tensor, tangent: Tensor | null): void {
  if (level < 0 || hidden > 0) return;
  if (tangent === null) tangents.delete(t);
  else tangents.set(t, tangent);
}

/** Whether any of `inputs` carries a tangent (false at once outside a dual level: the common case). */
export function anyTangent(inputs: readonly Tensor[]): boolean {
  if (level < 0 || hidden > 0) return false;
  for (const t of inputs) if (tangents.has(t)) return true;
  return false;
}

/** PyTorch's name of the op behind node `name` ("NativeBatchNormBackward0" -> "native_batch_norm"). */
export function opName(name: string): string {
  return name
    .replace(/Backward\d*$/, "")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

export function notImplemented(name: string, why?: string): NotImplementedError {
  return new NotImplementedError(
    `Trying to use forward AD with ${opName(name)} that does not support it because it has not been implemented yet.` + (why ? ` (${why})` : ""),
  );
}

const READS = ["dataSync", "data", "arraySync", "array", "bufferSync", "buffer"] as const;
const nextTensorId = (): number => (tf.engine().constructor as unknown as { nextTensorId: number }).nextTensorId;

/**
 * Runs `fn` and says whether it read a tensor made meanwhile (a function of the gradient, possibly)
 * back into JavaScript, which would cut tfjs's tape and make the autodiff silently wrong. Reading
 * tensors saved by the forward pass is fine: they are constants of the Jacobian-vector product.
 */
function watchingReads<T>(fn: () => T): { result: T; read: boolean } {
  let read = false;
  const firstId = nextTensorId();
  const proto = tf.Tensor.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const before = READS.map((m) => proto[m]);
  READS.forEach((m, i) => {
    const orig = before[i];
    proto[m] = function (this: tf.Tensor, ...a: unknown[]) {
      if (this.dtype === "float32" && this.id >= firstId) read = true;
      return orig.apply(this, a);
    };
  });
  try {
    return { result: fn(), read };
  } finally {
    READS.forEach((m, i) => (proto[m] = before[i]));
  }
}

interface Gradients {
  gradients(f: () => tf.Tensor, xs: tf.Tensor[], dy?: tf.Tensor, allowNoGradients?: boolean): { value: tf.Tensor; grads: (tf.Tensor | undefined)[] };
}

/**
 * The tangent (a float32 tfjs tensor of `shape`) of the output of op `name`, whose backward closure is
 * `fn`, for the inputs' tangents `ts` (null: a zero tangent). Runs inside the caller's tidy scope.
 */
export function jvpOfClosure(name: string, fn: BackwardFn, shape: readonly number[], ts: (tf.Tensor | null)[]): tf.Tensor {
  ensureTfjsGradients();
  const g = tf.zeros(shape as number[]);
  const f = (): tf.Tensor => {
    const { result, read } = watchingReads(() => differentiably(() => fn(g)));
    if (read) throw notImplemented(name, "its backward reads the gradient's values back into JavaScript");
    let total: tf.Tensor = tf.scalar(0);
    result.forEach((p, i) => {
      const t = ts[i];
      if (p === null || t === null || t === undefined) return;
      let v = gradientValue(p);
      if (v.dtype !== "float32") v = tf.cast(v, "float32");
      total = tf.add(total, tf.sum(tf.mul(v, t)));
    });
    return total;
  };
  let grads: (tf.Tensor | undefined)[];
  try {
    grads = (tf.engine() as unknown as Gradients).gradients(f, [g], undefined, true).grads;
  } catch (err) {
    if (err instanceof NotImplementedError) throw err;
    const m = /gradient function not found for (\w+)/.exec(String((err as Error)?.message));
    if (m) throw notImplemented(name, `its backward runs the kernel ${m[1]}, which has no registered gradient`);
    // tfjs's autodiff of the backward refused (a kernel missing on this backend, an unsupported attribute).
    throw notImplemented(name, String((err as Error)?.message ?? err));
  }
  return grads[0] ?? tf.zeros(shape as number[]);
}
