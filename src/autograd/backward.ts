/** `tensor.backward()`: reverse-mode sweep over the nodes reachable from the root, in topological order. */
import { tf } from "../backend/tf";
import { overwrite } from "../backend/memory";
import { enter, leave } from "../backend/scopes";
import { Node } from "./node";
import { Tensor } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { formatOf } from "../tensor/memory_format";
import { checkGradients } from "./anomaly_mode";
import { is_backward_differentiable } from "./grad_mode";
import { hasLeafHooks, hasNodeHooks, hasPostHooks, runLeafHooks, runNodeHooks, runPostHooks } from "./hooks";

export function topoOrder(root: Node): Node[] {
  const order: Node[] = [];
  const seen = new Set<Node>();
  // Iterative DFS: deep graphs (long RNN-style loops) would overflow a recursive one. Two parallel
  // stacks (node, next edge to visit) rather than a [node, i] pair allocated per node.
  const nodes: Node[] = [root];
  const next: number[] = [0];
  seen.add(root);
  while (nodes.length) {
    const top = nodes.length - 1;
    const node = nodes[top];
    const i = next[top];
    if (i < node.edges.length) {
      next[top] = i + 1;
      const e = node.edges[i];
      if (e !== null && !seen.has(e)) {
        seen.add(e);
        nodes.push(e);
        next.push(0);
      }
    } else {
      nodes.pop();
      next.pop();
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

/** The gradient `g` stands for, without freeing `g` (inside a tidy). */
export function gradientValue(g: tf.Tensor): tf.Tensor {
  return transposedGrads.has(g) ? tf.transpose(g) : g;
}

/** The gradient `g` stands for (owned: a marked `g` is freed once transposed). */
function materialize(g: tf.Tensor): tf.Tensor {
  if (!transposedGrads.has(g)) return g;
  const t = tf.transpose(g);
  g.dispose();
  return t;
}

/**
 * Gradients handed on already masked by the ReLU they flow into: max pooling over a ReLU's output (the
 * classifier's conv -> ReLU -> MaxPool2d) scatters its gradient and applies ReLU's threshold backward in
 * the same kernel call, and the ReluBackward0 node then passes that gradient on as is. The sweep offers
 * this only where nobody reads the gradient in between (see reluMaskable); masking twice changes
 * nothing, so a gradient summed with another one's is simply masked again by the node.
 */
const reluMaskedGrads = new WeakSet<tf.Tensor>();

/** The node runBackward is applying (when it has no post hooks, which see its gradients), and the sweep's captured nodes. */
let applying: Node | null = null;
let applyingCaptures: Map<Node, Tensor> | null = null;

/**
 * Whether the backward running now (a node with input `x`) may return, for x, the gradient of x's
 * ReLU input instead of x's own, masked through reluMaskedGrad: x is a ReLU's result, and no hook, no
 * retain_grad and no autograd.grad input observes x's gradient.
 */
export function reluMaskable(x: Tensor): boolean {
  // A backward run as a recorded op (create_graph) is differentiated by tfjs, which knows only the kernels' plain inputs.
  if (applying === null || is_backward_differentiable()) return false;
  const relu = x._gradFnRaw();
  return relu !== null && relu.name() === "ReluBackward0" && applying.edges.includes(relu) && relu.retained === null &&
    !applyingCaptures!.has(relu) && !hasNodeHooks(relu) && !hasPostHooks(relu);
}

/** Marks `g` as already masked by ReLU's backward (see reluMaskable); returns it. */
export function reluMaskedGrad(g: tf.Tensor): tf.Tensor {
  reluMaskedGrads.add(g);
  return g;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function accumulateLeaf(leaf: Tensor, grad: tf.Tensor, retained = false): void {
  const g = materialize(grad);
  if (leaf.grad === null) {
    leaf.grad = Tensor._wrap(g);
    // float64 lives in float32 buffers: the gradient takes its leaf's logical dtype, as in PyTorch.
    if (leaf._s.dt === D.float64) leaf.grad._s.dt = D.float64;
    // AccumulateGrad's layout contract: a new .grad gets its leaf's strides (a channels-last conv
    // weight's is channels last); retain_grad's hook clones a non-leaf's row-major.
    if (!retained) leaf.grad._memfmt = formatOf(leaf);
  } else if (leaf.grad._s.zeroAt === leaf.grad._s.version && leaf.grad._view === null && sameShape(leaf.grad.shape, g.shape)) {
    // A gradient zeroed by optimizer.zero_grad and not written since: 0 + g is g, without an add kernel.
    overwrite(leaf.grad._s, g);
    // PyTorch's AccumulateGrad adds in place (`grad += new_grad`): one more version of `.grad`.
    leaf.grad._bumpVersion();
  } else {
    const sum = tf.add(leaf.grad._t, g);
    g.dispose();
    overwrite(leaf.grad._s, sum);
    leaf.grad._bumpVersion();
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
  // What the sweep owns outside `grads` at each moment, freed if a backward (or a hook, or a version
  // check) raises: the gradient taken for the node running now, and the gradients it returned that are
  // not yet handed on.
  let held: tf.Tensor | null = null;
  let parts: (tf.Tensor | null)[] | null = null;
  // The node being applied, read by the one tidy callback below (no closure made per node).
  let curNode: Node | null = null;
  const applyCurrent = (): tf.TensorContainer => {
    const g = held!;
    const raw = curNode!.apply(g);
    // Each returned gradient must be a tensor of its own: ops may hand back `g` itself, or one tensor
    // twice. A repeat is an alias (a reshape to the same shape shares the data, which no kernel
    // writes in place), not a copy: the wasm backend's Identity copies the whole buffer.
    for (let k = 0; k < raw.length; k++) {
      const p = raw[k];
      // `g` itself, or a tensor already handed back for an earlier input (indexOf finds the first).
      if (p !== null && (p === g || raw.indexOf(p) !== k)) {
        const alias = tf.reshape(p, p.shape);
        if (transposedGrads.has(p)) transposedGrads.add(alias);
        raw[k] = alias;
      }
    }
    return raw as unknown as tf.TensorContainer;
  };
  // A registered scope: a cell stopped mid-sweep (loss.backward() is where a training loop spends
  // its time) still frees the raw gradients in flight, which no wrapper or tidy owns.
  const scope = enter(() => {
    if (held !== null) held.dispose();
    if (parts !== null) for (const p of parts) p?.dispose();
    for (const g of grads.values()) g.dispose();
    for (const g of hooked.values()) g.dispose();
  });
  try {
    for (const node of order) {
      const got = grads.get(node);
      if (got === undefined) continue;
      grads.delete(node);
      held = got;
      const edges = node.edges;
      const wanted = captureAt.get(node);
      const hooks = hasNodeHooks(node);
      const post = hasPostHooks(node);
      if (reluMaskedGrads.has(got) && node.name() === "ReluBackward0") {
        // Masked by the node before it, which checked that nothing observes this gradient (reluMaskable).
        node.checkLive();
        reluMaskedGrads.delete(got);
        parts = [got];
        held = null;
      } else if (transposedGrads.has(got) && node.passesTransposed() && !wanted && !node.retained && !hooks && !post) {
        // The transpose of a transposed gradient: the input's gradient is `got` itself.
        node.checkLive();
        transposedGrads.delete(got);
        parts = [got];
        held = null;
      } else {
        held = materialize(got);
        // runNodeHooks consumes its argument only when it returns.
        const retained = node.retained;
        if (hooks) held = runNodeHooks(node, held, retained !== null && !capture ? (r) => accumulateLeaf(retained, r, true) : undefined);
        curNode = node;
        applying = post ? null : node;
        applyingCaptures = captureAt;
        try {
          parts = tf.tidy(applyCurrent) as unknown as (tf.Tensor | null)[];
        } finally {
          applying = applyingCaptures = null;
        }
        curNode = null;
        const g = held;
        if (post) {
          // The hooks see (and may replace) the gradients themselves, not a transposed stand-in.
          for (let k = 0; k < parts.length; k++) if (parts[k]) parts[k] = materialize(parts[k]!);
          runPostHooks(node, parts, g);
        }
        if (wanted) collect(wanted, tf.reshape(g, g.shape));
        held = null;
        g.dispose();
      }
      checkGradients(node.name(), parts);
      const arity = node.arity();
      for (let i = 0; i < arity; i++) {
        let gi = parts[i];
        if (!gi) continue;
        if (!node.needsGrad(i)) {
          parts[i] = null;
          gi.dispose();
          continue;
        }
        if (gi.dtype !== "float32") {
          const cast = tf.cast(gi, "float32");
          gi.dispose();
          gi = parts[i] = cast;
        }
        const next = edges[i];
        if (next === null) {
          parts[i] = null;
          toLeaf(node.leafAt(i), gi);
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
          parts[i] = null;
        }
      }
      parts = null;
      if (!retainGraph) node.release();
    }
    flushHooked();
  } finally {
    leave(scope);
  }
}
