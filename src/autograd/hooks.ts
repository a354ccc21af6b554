/**
 * Tensor.register_hook: functions run on the gradient of a tensor during backward(), which may
 * return a replacement. A non-leaf's hooks belong to the node that produced it (they see the summed
 * gradient reaching that node, before it runs); a leaf's run once on its summed gradient, before it
 * is accumulated into `.grad`. Hooks run in registration order.
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

/** @internal */
export function hasLeafHooks(t: Tensor): boolean {
  return (leafHooks.get(t)?.length ?? 0) > 0;
}

/** @internal */
export function hasNodeHooks(n: Node): boolean {
  return (nodeHooks.get(n)?.length ?? 0) > 0;
}

/** `g` after `hooks` (owned: consumed when this returns; left to the caller if a hook raises). */
function run(hooks: GradHook[] | undefined, g: tf.Tensor): tf.Tensor {
  if (hooks === undefined || hooks.length === 0) return g;
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
  if (cur !== g) g.dispose();
  return cur;
}

/** @internal `g` after the hooks of `node` (owned: `g` is consumed). */
export function runNodeHooks(node: Node, g: tf.Tensor): tf.Tensor {
  return run(nodeHooks.get(node), g);
}

/** @internal `g` after the hooks of leaf `t` (owned: `g` is consumed). */
export function runLeafHooks(t: Tensor, g: tf.Tensor): tf.Tensor {
  return run(leafHooks.get(t), g);
}
