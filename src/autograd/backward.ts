/** `tensor.backward()`: reverse-mode sweep over the nodes reachable from the root, in topological order. */
import { tf } from "../backend/tf";
import { overwrite } from "../backend/memory";
import { Node } from "./node";
import { Tensor } from "../tensor/tensor";
import { hasLeafHooks, hasNodeHooks, runLeafHooks, runNodeHooks } from "./hooks";

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

/**
 * Gradients handed on in transposed form: an op whose input is `w.t()` (F.linear's weight) may compute
 * the gradient of `w` directly and mark it, and the TBackward0 node then passes it to `w` as is,
 * instead of the op computing the gradient of `w.t()` and TBackward0 transposing it back (a [400,120]
 * Transpose per Linear layer of the blitz net). Any other consumer gets the gradient transposed.
 */
const transposedGrads = new WeakSet<tf.Tensor>();

/** Marks `g` (2-D) as the transpose of the gradient it stands for; returns it. */
export function transposedGrad(g: tf.Tensor): tf.Tensor {
  transposedGrads.add(g);
  return g;
}

/** The gradient `g` stands for (owned: a marked `g` is freed once transposed). */
function materialize(g: tf.Tensor): tf.Tensor {
  if (!transposedGrads.has(g)) return g;
  const t = tf.transpose(g);
  g.dispose();
  return t;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function accumulateLeaf(leaf: Tensor, grad: tf.Tensor): void {
  const g = materialize(grad);
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
  const collect = (t: Tensor, grad: tf.Tensor): void => {
    const g = materialize(grad);
    const prev = capture!.get(t);
    if (prev) {
      capture!.set(t, tf.add(prev, g));
      prev.dispose();
      g.dispose();
    } else capture!.set(t, g);
  };
  const deliver = (leaf: Tensor, g: tf.Tensor): void => {
    if (capture === undefined) accumulateLeaf(leaf, g);
    else if (capture.has(leaf)) collect(leaf, g);
    else g.dispose();
  };
  // A leaf with hooks gets them once, on its summed gradient, after the sweep (PyTorch's AccumulateGrad).
  const hooked = new Map<Tensor, tf.Tensor>();
  const toLeaf = (leaf: Tensor, g: tf.Tensor): void => {
    if (!hasLeafHooks(leaf)) return deliver(leaf, g);
    const prev = hooked.get(leaf);
    const mine = materialize(g);
    if (prev === undefined) hooked.set(leaf, mine);
    else {
      hooked.set(leaf, tf.add(prev, mine));
      prev.dispose();
      mine.dispose();
    }
  };
  const flushHooked = (): void => {
    for (const [leaf, g] of hooked) {
      hooked.delete(leaf);
      deliver(leaf, runLeafHooks(leaf, g));
    }
  };
  // A non-leaf input's gradient is what reaches its grad_fn before that node runs.
  const captureAt = new Map<Node, Tensor>();
  if (capture) for (const t of capture.keys()) if (t.grad_fn) captureAt.set(t.grad_fn, t);
  const rootNode = root.grad_fn;
  if (rootNode === null) {
    toLeaf(root, seed);
    flushHooked();
    return;
  }
  const order = topoOrder(rootNode);
  const grads = new Map<Node, tf.Tensor>([[rootNode, seed]]);
  try {
    for (const node of order) {
      const got = grads.get(node);
      if (got === undefined) continue;
      grads.delete(node);
      const inputs = node.inputs;
      const edges = node.edges;
      let parts: (tf.Tensor | null)[];
      const wanted = captureAt.get(node);
      const hooks = hasNodeHooks(node);
      if (transposedGrads.has(got) && node.passesTransposed() && !wanted && !node.retained && !hooks) {
        // The transpose of a transposed gradient: the input's gradient is `got` itself.
        node.checkLive();
        transposedGrads.delete(got);
        parts = [got];
      } else {
        const g = hooks ? runNodeHooks(node, materialize(got)) : materialize(got);
        // Each returned gradient must be a tensor of its own: ops may hand back `g` itself, or one tensor
        // twice. A repeat is an alias (a reshape to the same shape shares the data, which no kernel
        // writes in place), not a copy: the wasm backend's Identity copies the whole buffer.
        parts = tf.tidy(() => {
          const raw = node.apply(g);
          const own: (tf.Tensor | null)[] = [];
          for (let k = 0; k < raw.length; k++) {
            const p = raw[k];
            // `g` itself, or a tensor already handed back for an earlier input (indexOf finds the first).
            if (p === null || (p !== g && raw.indexOf(p) === k)) own.push(p);
            else {
              const alias = tf.reshape(p, p.shape);
              if (transposedGrads.has(p)) transposedGrads.add(alias);
              own.push(alias);
            }
          }
          return own as unknown as tf.TensorContainer;
        }) as unknown as (tf.Tensor | null)[];
        if (wanted) collect(wanted, tf.reshape(g, g.shape));
        if (node.retained && !capture) accumulateLeaf(node.retained, tf.reshape(g, g.shape));
        g.dispose();
      }
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
            const a = materialize(prev);
            const b = materialize(gi);
            grads.set(next, tf.add(a, b));
            a.dispose();
            b.dispose();
          }
        }
      });
      if (!retainGraph) node.release();
    }
    flushHooked();
  } finally {
    for (const g of grads.values()) g.dispose();
    for (const g of hooked.values()) g.dispose();
  }
}
