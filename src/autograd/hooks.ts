/**
 * Tensor.register_hook: functions run on the gradient of a tensor during backward(), which may
 * return a replacement. A non-leaf's hooks belong to the node that produced it (they see the summed
 * gradient reaching that node, before it runs); a leaf's run once on its summed gradient, before it
 * is accumulated into `.grad`. Hooks run in registration order; a retained non-leaf's `.grad` is the
 * gradient before or after all of them, as PyTorch 1.13 places retain_grad() (see retainAt).
 */
import { tf } from "../backend/tf";
import { Tensor } from "../tensor/tensor";
import type { Node } from "./node";
import { RuntimeError, TypeError } from "../errors";

export type GradHook = (grad: Tensor) => Tensor | null | undefined | void;

/** PyTorch's RemovableHandle. */
export interface RemovableHandle {
  /** Unregisters the hook; removing twice is harmless. */
  remove(): void;
}

const nodeHooks = new WeakMap<Node, GradHook[]>();
const leafHooks = new WeakMap<Tensor, GradHook[]>();

/** @internal */
export function addHook(t: Tensor, node: Node | null, hook: GradHook): RemovableHandle {
  if (typeof hook !== "function") throw new TypeError(`register_hook(): hook must be a function, not ${hook === null ? "null" : typeof hook}`);
  if (!t.requires_grad) throw new RuntimeError("cannot register a hook on a tensor that doesn't require gradient");
  const map = node === null ? leafHooks : nodeHooks;
  const key = (node ?? t) as Node & Tensor;
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  list.push(hook);
  return {
    remove(): void {
      const i = list!.indexOf(hook);
      if (i >= 0) list!.splice(i, 1);
    },
  };
}

/**
 * Where retain_grad() stands among a node's hooks. PyTorch 1.13 keeps all of a tensor's Python hooks
 * in one pre-hook, placed at the first register_hook(): retain_grad() called before any hook sees
 * the gradient before all of them ("before"), called after one sees it after all of them ("after").
 */
const retainAt = new WeakMap<Node, "before" | "after">();

/** @internal Tensor.retain_grad() on the output of `node`. */
export function addRetainHook(node: Node): void {
  if (!retainAt.has(node)) retainAt.set(node, nodeHooks.has(node) ? "after" : "before");
}

/** @internal */
export function hasLeafHooks(t: Tensor): boolean {
  return (leafHooks.get(t)?.length ?? 0) > 0;
}

/** @internal Whether `n` has hooks (with `withRetain`, retain_grad()'s place counts as one). */
export function hasNodeHooks(n: Node, withRetain = true): boolean {
  if (withRetain && retainAt.has(n)) return true;
  return (nodeHooks.get(n)?.length ?? 0) > 0;
}

/**
 * `g` after `hooks` (owned: consumed when this returns; left to the caller if a hook raises);
 * `retain` gets (and owns) the gradient as it is where retain_grad() was called.
 */
function run(hooks: GradHook[] | undefined, g: tf.Tensor, retain?: (g: tf.Tensor) => void, retainFirst = true): tf.Tensor {
  if (retain && retainFirst) retain(tf.reshape(g, g.shape));
  if (hooks === undefined || hooks.length === 0) {
    if (retain && !retainFirst) retain(tf.reshape(g, g.shape));
    return g;
  }
  let cur = g;
  try {
    // A snapshot: a hook that removes itself (or registers another) does not change this pass.
    for (const hook of hooks.slice()) {
      const r = hook(Tensor._wrap(tf.clone(cur)));
      if (r === undefined || r === null) continue;
      const rt = r as Tensor;
      if (!(rt instanceof Tensor)) throw new TypeError(`hook returned ${typeof r}; a hook must return a Tensor or nothing`);
      if (rt.shape.join(",") !== cur.shape.join(",")) {
        throw new RuntimeError(`hook 'hook' has changed the size of value (expected [${cur.shape.join(", ")}], got [${rt.shape.join(", ")}])`);
      }
      const next = tf.cast(rt._t, "float32");
      const own = next === rt._t ? tf.clone(next) : next;
      if (cur !== g) cur.dispose();
      cur = own;
    }
  } catch (e) {
    if (cur !== g) cur.dispose();
    throw e;
  }
  if (retain && !retainFirst) retain(tf.reshape(cur, cur.shape));
  if (cur !== g) g.dispose();
  return cur;
}

/** @internal `g` after the hooks of `node` (owned: `g` is consumed); `retain` as run()'s. */
export function runNodeHooks(node: Node, g: tf.Tensor, retain?: (g: tf.Tensor) => void): tf.Tensor {
  const at = retainAt.get(node);
  return run(nodeHooks.get(node), g, at === undefined ? undefined : retain, at !== "after");
}

/**
 * A hook on a graph node (`y.grad_fn.register_hook(fn)`, PyTorch's Node post-hook): runs after the
 * node computed its inputs' gradients, as `fn(grad_inputs, grad_outputs)` (null for an input that
 * needs no gradient); an array it returns replaces grad_inputs. nn.Module.register_backward_hook
 * hangs its hooks here, on the grad_fn of the module's output.
 */
export type NodePostHook = (grad_inputs: (Tensor | null)[], grad_outputs: (Tensor | null)[]) => (Tensor | null)[] | null | undefined | void;

const postHooks = new WeakMap<Node, NodePostHook[]>();

/** @internal */
export function addPostHook(node: Node, hook: NodePostHook): RemovableHandle {
  if (typeof hook !== "function") throw new TypeError(`register_hook(): hook must be a function, not ${hook === null ? "null" : typeof hook}`);
  let list = postHooks.get(node);
  if (list === undefined) postHooks.set(node, (list = []));
  list.push(hook);
  return {
    remove(): void {
      const i = list!.indexOf(hook);
      if (i >= 0) list!.splice(i, 1);
    },
  };
}

/** @internal */
export function hasPostHooks(n: Node): boolean {
  return (postHooks.get(n)?.length ?? 0) > 0;
}

/**
 * @internal Runs the post-hooks of `node` on the gradients it computed (`parts`, one per input, owned
 * by the caller and replaced in place when a hook returns new ones) and the gradient it was given.
 */
export function runPostHooks(node: Node, parts: (tf.Tensor | null)[], gradOutput: tf.Tensor): void {
  for (const hook of (postHooks.get(node) ?? []).slice()) {
    const gradInputs = parts.map((p, i) => (p !== null && node.needsGrad(i) ? Tensor._wrap(tf.clone(p)) : null));
    const r = hook(gradInputs, [Tensor._wrap(tf.clone(gradOutput))]);
    if (r === undefined || r === null) continue;
    if (!Array.isArray(r)) throw new TypeError(`hook returned ${typeof r}; a hook on ${node.name()} must return an array of gradients (one per input) or nothing`);
    if (r.length !== parts.length) throw new RuntimeError(`hook 'hook' has returned an incorrect number of values (got ${r.length}, but expected ${parts.length})`);
    r.forEach((g, i) => {
      if (g !== null && !(g instanceof Tensor)) throw new TypeError(`hook returned ${typeof g} at index ${i}; expected a Tensor or null`);
      if (g !== null && parts[i] !== null && g.shape.join(",") !== parts[i]!.shape.join(",")) {
        throw new RuntimeError(`hook 'hook' has changed the size of value (expected [${parts[i]!.shape.join(", ")}], got [${g.shape.join(", ")}])`);
      }
    });
    r.forEach((g, i) => {
      parts[i]?.dispose();
      parts[i] = g === null ? null : tf.cast(tf.clone(g._t), "float32");
    });
  }
}

/** @internal `g` after the hooks of leaf `t` (owned: `g` is consumed). */
export function runLeafHooks(t: Tensor, g: tf.Tensor): tf.Tensor {
  return run(leafHooks.get(t), g);
}
