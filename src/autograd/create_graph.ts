/**
 * Higher-order gradients (`create_graph=true`). The backward sweep hands torchlab Tensors along instead
 * of raw tfjs tensors, and runs each node's backward closure as a recorded op: for input k of a node,
 * the gradient is an op over [grad_output, ...the node's inputs, its saved output (when the closure
 * reads it)], whose own backward is tfjs's autodiff of the closure with respect to exactly those tfjs
 * tensors (the closure reads `input._t`, the same objects). A gradient reaching the saved output flows on
 * through that output's grad_fn, which gives the total derivative. The new op's backward is itself a
 * tfjs function of its inputs, so a third derivative recurses the same way.
 *
 * What would make tfjs's autodiff silently wrong is refused with NotImplementedError naming the node:
 * a closure reading a float tensor made in the forward pass that is none of those inputs (tfjs would
 * take it for a constant), or reading one of them back into JS (dataSync: the tape loses the
 * dependence), or running a kernel without a registered gradient.
 */
import { tf } from "../backend/tf";
import { ensureTfjsGradients } from "../backend/tfjs_gradients";
import { NotImplementedError } from "../errors";
import { Tensor } from "../tensor/tensor";
import { BackwardFn, Node } from "./node";
import { differentiably, is_grad_enabled } from "./grad_mode";
import { gradientValue, topoOrder } from "./backward";
import { hasLeafHooks, hasNodeHooks, hasPostHooks } from "./hooks";
import { checkGradients } from "./anomaly_mode";
import { anyTangent, jvpOfClosure, setLazyTangent, tangentOf, withJvpInputs } from "./forward_state";

interface TapeNode {
  id: number;
  kernelName: string;
  inputs: Record<string, tf.Tensor>;
  outputs: tf.Tensor[];
  saved: tf.Tensor[];
}
interface EngineInternals {
  state: { activeTape: TapeNode[] | null; nextTapeNodeId: number; gradientDepth: number };
  startTape(): void;
  endTape(): void;
  gradients(f: () => tf.Tensor, xs: tf.Tensor[], dy: tf.Tensor, allowNoGradients: boolean): { value: tf.Tensor; grads: (tf.Tensor | undefined)[] };
}
const engine = (): EngineInternals => tf.engine() as unknown as EngineInternals;
const nextTensorId = (): number => (tf.engine().constructor as unknown as { nextTensorId: number }).nextTensorId;

const READS = ["dataSync", "data", "arraySync", "array", "bufferSync", "buffer"] as const;

/** Runs `fn` noting whether it reads any of `xs` (float ones) back into JS. */
function watchingReads<T>(xs: tf.Tensor[], fn: () => T): { result: T; read: boolean } {
  let read = false;
  // A nested call (a third derivative) patches the same tensors again: each restores what it found.
  const patched = new Map<tf.Tensor, (PropertyDescriptor | undefined)[]>();
  for (const x of xs) {
    if (x.dtype !== "float32" || patched.has(x)) continue;
    patched.set(x, READS.map((m) => Object.getOwnPropertyDescriptor(x, m)));
    for (const m of READS) {
      const orig = (x as unknown as Record<string, (...a: unknown[]) => unknown>)[m];
      Object.defineProperty(x, m, {
        configurable: true,
        writable: true,
        value: function (this: tf.Tensor, ...a: unknown[]) {
          read = true;
          return orig.apply(this, a);
        },
      });
    }
  }
  try {
    return { result: fn(), read };
  } finally {
    for (const [x, before] of patched) {
      READS.forEach((m, i) => {
        const d = before[i];
        if (d === undefined) delete (x as unknown as Record<string, unknown>)[m];
        else Object.defineProperty(x, m, d);
      });
    }
  }
}

function unsupported(name: string, why: string): NotImplementedError {
  return new NotImplementedError(`create_graph=true: cannot differentiate the backward of ${name}: ${why}`);
}

/** Output `k` of closure `fn` as the tfjs function of `xs` it is (xs[0] is the gradient it receives). */
function closureOutput(name: string, fn: BackwardFn, xs: tf.Tensor[], k: number): tf.Tensor {
  const e = engine();
  const firstNode = e.state.nextTapeNodeId;
  const firstId = nextTensorId();
  const { result, read } = watchingReads(xs, () => differentiably(() => fn(xs[0])));
  if (read) throw unsupported(name, "its closure reads a tensor's values back into JavaScript");
  const known = new Set(xs.map((x) => x.id));
  for (const node of e.state.activeTape ?? []) {
    if (node.id < firstNode) continue;
    for (const t of Object.values(node.inputs)) {
      if (t.dtype === "float32" && t.id < firstId && !known.has(t.id)) {
        throw unsupported(name, `its closure reads a tensor saved in the forward pass (input of kernel ${node.kernelName}) that autodiff would take for a constant`);
      }
    }
  }
  const p = result[k];
  if (p === null) return tf.zeros(xs[k + 1].shape);
  const v = gradientValue(p);
  return v.dtype === "float32" ? v : tf.cast(v, "float32");
}

/** The backward of "gradient k of `name`": tfjs's vector-Jacobian product of the closure. */
function closureVjp(name: string, fn: BackwardFn, args: Tensor[], k: number): BackwardFn {
  return (gbar) => {
    ensureTfjsGradients();
    const xs = args.map((t) => t._t);
    let grads: (tf.Tensor | undefined)[];
    try {
      grads = engine().gradients(() => closureOutput(name, fn, xs, k), xs, gbar, true).grads;
    } catch (err) {
      const m = /gradient function not found for (\w+)/.exec(String((err as Error)?.message));
      if (m) throw unsupported(name, `its closure runs the kernel ${m[1]}, which has no registered gradient`);
      throw err;
    }
    // tfjs sums a tensor's uses: a tensor listed twice (`x.mul(x)`) gets its gradient once.
    return grads.map((g, i) => (xs.indexOf(xs[i]) === i ? g ?? null : null));
  };
}

/**
 * Runs `fn` on tfjs's tape and returns, with its result, the ids of every tensor it computed from
 * `sources`. PyTorch records a gradient formula when one of the tensors it reads requires grad, whatever
 * the values: `(x * 3).sum()`'s gradient reads only the constant 3 and is a plain tensor, `(x * x)`'s
 * reads x and is on the tape.
 */
function tracingFrom<T>(sources: tf.Tensor[], constants: tf.Tensor[], fn: () => T): { result: T; derived: Set<number> } {
  const e = engine();
  const outer = e.state.gradientDepth > 0;
  const firstNode = e.state.nextTapeNodeId;
  const firstId = nextTensorId();
  e.startTape();
  let result: T;
  try {
    result = fn();
  } finally {
    e.endTape();
  }
  const derived = new Set(sources.map((t) => t.id));
  const constant = new Set(constants.map((t) => t.id));
  // A float tensor from before the closure ran that is none of the node's inputs (one its forward kept
  // aside) may depend on them: recorded, so that differentiating it meets closureVjp's refusal.
  const unknown = (t: tf.Tensor): boolean => t.dtype === "float32" && t.id < firstId && !constant.has(t.id);
  const tape = e.state.activeTape ?? [];
  for (const node of tape) {
    if (node.id < firstNode) continue;
    if (Object.values(node.inputs).some((t) => derived.has(t.id) || unknown(t))) for (const o of node.outputs) derived.add(o.id);
  }
  if (!outer) {
    // What the tape kept for a backward that will not run.
    for (const node of tape) for (const t of node.saved) t.dispose();
    e.state.activeTape = null;
  }
  return { result, derived };
}

/**
 * The gradients of `node`'s inputs for the output gradient `g`, each a Tensor recorded on the tape
 * (null where an input needs none).
 */
function recordedBackward(node: Node, g: Tensor): (Tensor | null)[] {
  const own = node.recordedApply(g);
  if (own !== null) return own;
  const { fn, output } = node.frozen();
  const inputs = node.inputs;
  const args = output === null ? [g, ...inputs] : [g, ...inputs, output];
  const name = node._typeName();
  const gt = g._t;
  const held = new Set(args.map((t) => t._t));
  const record = is_grad_enabled() && args.some((t) => t.requires_grad);
  let derived = new Set<number>();
  const raw = tf.tidy((): tf.TensorContainer => {
    const run = () => {
      const r = differentiably(() => fn(gt));
      return r.map((p, k) => {
        if (p === null || !node.needsGrad(k)) return null;
        let v = gradientValue(p);
        if (v.dtype !== "float32") v = tf.cast(v, "float32");
        // A tensor of its own: closures may hand back `g` (or an input) itself, or one tensor twice.
        return held.has(v) || r.indexOf(p) !== k ? tf.reshape(v, v.shape) : v;
      });
    };
    if (!record) return run() as unknown as tf.TensorContainer;
    const traced = tracingFrom(args.filter((t) => t.requires_grad).map((t) => t._t), args.filter((t) => !t.requires_grad).map((t) => t._t), run);
    derived = traced.derived;
    return traced.result as unknown as tf.TensorContainer;
  }) as unknown as (tf.Tensor | null)[];
  const named = backwardName(node);
  const dual = anyTangent(args);
  return raw.map((v, k) => {
    if (v === null) return null;
    const out = Tensor._wrap(v);
    if (record && derived.has(v.id)) {
      const made = new Node(named.name, args, closureVjp(name, fn, args, k));
      derivativeOf.set(made, { op: named.op, order: named.order });
      out._attach(made);
    }
    if (dual) tangentOfGradient(named.name, closureVjp(name, fn, args, k), args, out);
    return out;
  });
}

/**
 * Forward-over-reverse (functorch's jvp(grad(f)), a Hessian-vector product): a gradient computed from
 * dual tensors gets the tangent of the closure that computed it, as any op's output does (ops/_core.ts),
 * by the forward-mode rule of that closure: its vector-Jacobian product, transposed.
 */
function tangentOfGradient(name: string, vjp: BackwardFn, args: Tensor[], out: Tensor): void {
  const ts = args.map((t) => tangentOf(t));
  const duals = new Set(args.filter((_, i) => ts[i] !== null));
  const shape = out.shape;
  setLazyTangent(out, () => Tensor._wrap(tf.tidy(() => withJvpInputs(duals, () => jvpOfClosure(name, vjp, shape, ts.map((t) => (t === null ? null : t._t)))))));
}

/** PyTorch's backward kernels whose name is not the op's: relu's is threshold_backward, softmax's _softmax_backward_data. */
const BACKWARD_KERNEL: Record<string, string> = {
  ReluBackward0: "ThresholdBackward",
  SoftmaxBackward0: "SoftmaxBackwardData",
  LogSoftmaxBackward0: "LogSoftmaxBackwardData",
};

/**
 * Ops whose derivative PyTorch writes as a formula of other ops (derivatives.yaml) rather than one
 * backward kernel: the node of the gradient is the formula's last op (exp's is `grad * result`), and
 * the node of the gradient of that gradient the last op of its own formula (log's `grad / self` gives a
 * DivBackward0, whose derivative for `self` ends in a multiplication). Index 0 names the first
 * derivative's node, index 1 the second's.
 */
const FORMULA_NODES: Record<string, string[]> = {
  MulBackward0: ["MulBackward0"],
  ExpBackward0: ["MulBackward0", "MulBackward0"],
  Expm1Backward0: ["MulBackward0", "MulBackward0"],
  LogBackward0: ["DivBackward0", "MulBackward0"],
  Log1PBackward0: ["DivBackward0", "MulBackward0"],
  SinBackward0: ["MulBackward0", "MulBackward0"],
  CosBackward0: ["MulBackward0", "MulBackward0"],
  TanBackward0: ["MulBackward0", "MulBackward0"],
  SinhBackward0: ["MulBackward0", "MulBackward0"],
  CoshBackward0: ["MulBackward0", "MulBackward0"],
  AtanBackward0: ["DivBackward0", "AddBackward0"],
  Atan2Backward0: ["MulBackward0", "AddBackward0"],
  PowBackward0: ["MulBackward0", "MulBackward0"],
  SqrtBackward0: ["DivBackward0", "DivBackward0"],
  RsqrtBackward0: ["MulBackward0", "MulBackward0"],
  ReciprocalBackward0: ["MulBackward0", "MulBackward0"],
  AbsBackward0: ["MulBackward0"],
  ErfBackward0: ["MulBackward0", "MulBackward0"],
  SiluBackward0: ["MulBackward0", "AddBackward0"],
  LogsumexpBackward0: ["MulBackward0", "AddBackward0"],
  StdBackward0: ["MulBackward0", "AddBackward0"],
  VarBackward0: ["MulBackward0"],
  ProdBackward0: ["MulBackward0", "AddBackward0"],
  ProdBackward1: ["MulBackward0"],
  ClampBackward1: ["WhereBackward0", "WhereBackward0"],
  CumsumBackward0: ["FlipBackward0", "FlipBackward0"],
  SoftplusBackward0: ["SoftplusBackwardBackward0", "MulBackward1"],
  GeluBackward0: ["GeluBackwardBackward0", "MulBackward0"],
  EluBackward0: ["EluBackwardBackward0", "MulBackward0"],
};

/** For a node recorded by recordedBackward: the op it differentiates and which derivative it is. */
const derivativeOf = new WeakMap<Node, { op: string; order: number }>();

/**
 * The name of the node of `node`'s gradient, as PyTorch's: TanhBackward0's is TanhBackwardBackward0
 * (tanh_backward is one kernel), ExpBackward0's MulBackward0 (FORMULA_NODES).
 */
function backwardName(node: Node): { name: string; op: string; order: number } {
  const name = node._typeName();
  const from = derivativeOf.get(node);
  const op = from?.op ?? name;
  const order = (from?.order ?? 0) + 1;
  const formula = FORMULA_NODES[op]?.[order - 1];
  return { name: formula ?? `${BACKWARD_KERNEL[name] ?? name.replace(/\d+$/, "")}Backward0`, op, order };
}

/**
 * backward() with create_graph: the sweep of runBackward (backward.ts), with Tensors for gradients so
 * that the gradients themselves are on the tape. With `capture` (autograd.grad) the gradients reaching
 * its keys are summed into it; otherwise into the leaves' `.grad` (out of place, as PyTorch does).
 */
export function runBackwardGraph(root: Tensor, seed: Tensor, retainGraph: boolean, capture?: Map<Tensor, Tensor | null>): void {
  const add = (a: Tensor | null, b: Tensor): Tensor => (a === null ? b : a.add(b));
  // A gradient has its input's dtype (float64 and float32 share float32 buffers).
  const like = (t: Tensor, g: Tensor): Tensor => (g.dtype === t.dtype || !g.dtype.is_floating_point ? g : g.to(t.dtype));
  const toLeaf = (leaf: Tensor, g: Tensor): void => {
    if (hasLeafHooks(leaf)) throw new NotImplementedError("create_graph=true with hooks registered on a leaf tensor is not supported by torchlab");
    if (capture === undefined) leaf.grad = add(leaf.grad, like(leaf, g));
    else if (capture.has(leaf)) capture.set(leaf, add(capture.get(leaf) ?? null, like(leaf, g)));
  };
  const rootNode = root.grad_fn;
  if (rootNode === null) return toLeaf(root, seed.clone());
  const captureAt = new Map<Node, Tensor>();
  if (capture) for (const t of capture.keys()) if (t.grad_fn) captureAt.set(t.grad_fn, t);
  const grads = new Map<Node, Tensor>([[rootNode, seed]]);
  for (const node of topoOrder(rootNode)) {
    const g = grads.get(node);
    if (g === undefined) continue;
    grads.delete(node);
    if (hasPostHooks(node)) throw new NotImplementedError(`create_graph=true with a hook registered on ${node.name()} (grad_fn.register_hook, Module.register_backward_hook) is not supported by torchlab`);
    if (hasNodeHooks(node, false)) throw new NotImplementedError(`create_graph=true with hooks registered on a non-leaf tensor (${node.name()}) is not supported by torchlab`);
    const wanted = captureAt.get(node);
    if (wanted) capture!.set(wanted, add(capture!.get(wanted) ?? null, g));
    if (node.retained && !capture) node.retained.grad = add(node.retained.grad, g);
    const parts = recordedBackward(node, g);
    checkGradients(node.name(), parts.map((p) => (p === null ? null : p._t)));
    const edges = node.edges;
    parts.forEach((gi, i) => {
      if (gi === null) return;
      const next = edges[i];
      if (next === null) toLeaf(node.leafAt(i), gi);
      else grads.set(next, add(grads.get(next) ?? null, gi));
    });
    if (!retainGraph) node.release(false);
  }
}
