/** `tensor.backward()`: reverse-mode sweep over the nodes reachable from the root, in topological order. */
import { tf } from "../backend/tf";
import { overwrite } from "../backend/memory";
import { Node } from "./node";
import { Tensor } from "../tensor/tensor";

function topoOrder(root: Node): Node[] {
  const order: Node[] = [];
  const seen = new Set<Node>();
  // Iterative DFS: deep graphs (long RNN-style loops) would overflow a recursive one.
  const stack: [Node, number][] = [[root, 0]];
  seen.add(root);
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [node, i] = top;
    if (i < node.edges.length) {
      top[1]++;
      const next = node.edges[i];
      if (next && !seen.has(next)) {
        seen.add(next);
        stack.push([next, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  return order.reverse();
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function accumulateLeaf(leaf: Tensor, g: tf.Tensor): void {
  if (leaf.grad === null) {
    leaf.grad = Tensor._wrap(g);
  } else if (leaf.grad._s.zeroAt === leaf.grad._s.version && leaf.grad._view === null && sameShape(leaf.grad.shape, g.shape)) {
    // A gradient zeroed by optimizer.zero_grad and not written since: 0 + g is g, without an add kernel.
    overwrite(leaf.grad._s, g);
  } else {
    const sum = tf.add(leaf.grad._t, g);
    g.dispose();
    overwrite(leaf.grad._s, sum);
  }
}

/**
 * Runs the backward pass from `root`, seeding it with `seed` (owned and freed here). With `capture`
 * (torch.autograd.grad), the gradients reaching its keys are summed into it instead, and no `.grad`
 * is written.
 */
export function runBackward(root: Tensor, seed: tf.Tensor, retainGraph: boolean, capture?: Map<Tensor, tf.Tensor | null>): void {
  const collect = (t: Tensor, g: tf.Tensor): void => {
    const prev = capture!.get(t);
    if (prev) {
      capture!.set(t, tf.add(prev, g));
      prev.dispose();
      g.dispose();
    } else capture!.set(t, g);
  };
  const toLeaf = (leaf: Tensor, g: tf.Tensor): void => {
    if (capture === undefined) accumulateLeaf(leaf, g);
    else if (capture.has(leaf)) collect(leaf, g);
    else g.dispose();
  };
  // A non-leaf input's gradient is what reaches its grad_fn before that node runs.
  const captureAt = new Map<Node, Tensor>();
  if (capture) for (const t of capture.keys()) if (t.grad_fn) captureAt.set(t.grad_fn, t);
  const rootNode = root.grad_fn;
  if (rootNode === null) {
    toLeaf(root, seed);
    return;
  }
  const order = topoOrder(rootNode);
  const grads = new Map<Node, tf.Tensor>([[rootNode, seed]]);
  try {
    for (const node of order) {
      const g = grads.get(node);
      if (g === undefined) continue;
      grads.delete(node);
      const inputs = node.inputs;
      const edges = node.edges;
      // Each returned gradient must be a tensor of its own: ops may hand back `g` itself, or one tensor twice.
      const parts = tf.tidy(() => {
        const seen = new Set<tf.Tensor>([g]);
        return node.apply(g).map((p) => {
          if (p === null) return null;
          const own = seen.has(p) ? tf.clone(p) : p;
          seen.add(p);
          return own;
        }) as unknown as tf.TensorContainer;
      }) as unknown as (tf.Tensor | null)[];
      const wanted = captureAt.get(node);
      if (wanted) collect(wanted, g.clone());
      if (node.retained && !capture) accumulateLeaf(node.retained, g.clone());
      g.dispose();
      inputs.forEach((input, i) => {
        let gi = parts[i];
        if (!gi) return;
        if (!input.requires_grad) {
          gi.dispose();
          return;
        }
        if (gi.dtype !== "float32") {
          const cast = tf.cast(gi, "float32");
          gi.dispose();
          gi = cast;
        }
        const next = edges[i];
        if (next === null) {
          toLeaf(input, gi);
        } else {
          const prev = grads.get(next);
          if (prev === undefined) grads.set(next, gi);
          else {
            grads.set(next, tf.add(prev, gi));
            prev.dispose();
            gi.dispose();
          }
        }
      });
      if (!retainGraph) node.release();
    }
  } finally {
    for (const g of grads.values()) g.dispose();
  }
}
