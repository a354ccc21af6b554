/**
 * The define-by-run tape, micrograd-shaped: every differentiable op that sees an input requiring grad
 * creates a Node holding its inputs and a backward closure; `backward()` orders the nodes
 * topologically and walks them in reverse, handing each its output gradient.
 */
import { tf } from "../backend/tf";
import { RuntimeError, ValueError } from "../errors";
import type { Tensor } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { asPyTuple, IPYTHON_REPR, ipythonRepr, objectRepr } from "../pyrepr";
import { addPostHook, type NodePostHook, type RemovableHandle } from "./hooks";

/** Maps the gradient of a node's output to gradients of its inputs (null where an input needs none). */
export type BackwardFn = (grad: tf.Tensor) => (tf.Tensor | null)[];

/** PyTorch's refusal to save a tensor made in inference_mode for a backward (Node is made only with grad on). */
function refuseInference(t: Tensor): void {
  if (t.is_inference()) {
    throw new RuntimeError("Inference tensors cannot be saved for backward. To work around you can make a clone to get a normal tensor and use it in autograd.");
  }
}

export class Node {
  private _name: string;
  /** The tensors this op consumed, in order; kept alive until the graph is released. */
  inputs: Tensor[];
  /**
   * Each input's grad_fn when this op ran (PyTorch's edges). Captured, not read at backward time,
   * because an in-place op later gives the same Tensor object a new grad_fn (CopySlices, MulBackward0
   * of `y.mul_(2)`), and this node must still send its gradient to the value it consumed.
   */
  edges: (Node | null)[];
  /**
   * Which inputs the backward reads (PyTorch's saved variables), whose in-place modification before
   * backward is an error: bit i for input i, ALL_INPUTS for every one, 0 for a view op (its backward
   * needs only shapes) or one such as add.
   */
  private readonly checked: number;
  /** Each input's `_version` when this op ran. */
  private versions: readonly number[];
  private fn: BackwardFn | null;
  /**
   * What next_functions reads once backward() released the inputs: the edges as they were, and the
   * leaves (inputs without a grad_fn that required grad) at their positions, or null when there are
   * none. Kept as they are rather than built into next_functions' pairs at every release: a training
   * step releases every node, and those arrays outlived the step (see NO_TENSORS).
   */
  private releasedEdges: (Node | null)[] | null = null;
  private releasedLeaves: (Tensor | null)[] | null = null;
  /** next_functions as PyTorch's node for the op shows them, for a node renamed by renameGradFn. */
  private shownNext: [Node | AccumulateGrad | null, number][] | null = null;
  /** @internal tensors the backward closure reads besides the inputs (holdSaved), counted as held. */
  private saved: Tensor[] | null = null;
  /** Each of `saved`'s `_version` when it was saved. */
  private savedVersions: readonly number[] = NO_NUMBERS;
  /** @internal this node's output once it is marked graph-only (freeGraphOnly), freed when this node is released. */
  graphOnlyOutput: Tensor | null = null;
  /** Set by Tensor.retain_grad() on the output of this node. */
  retained: Tensor | null = null;
  /**
   * The output, for ops whose backward reads it (exp, sigmoid, softmax, ...): writing to it in place is an
   * error. Held strongly (the backward closure holds it anyway): a WeakRef would keep its target alive
   * until the running job ends, so a synchronous training loop could never free any output.
   */
  private output: Tensor | null = null;
  private outputVersion = 0;
  /** Set by release(): backward(retain_graph=false) has run through this node. */
  private released = false;
  /**
   * What a released node that saved nothing keeps of its inputs for a second backward, holding none
   * of them but leaves (as PyTorch's AccumulateGrad does): whether each needs a gradient, and the leaf
   * its gradient goes to where it has no grad_fn.
   */
  private kept: { needs: boolean[]; leaves: (Tensor | null)[] } | null = null;

  /** `reads`: the inputs the backward reads, true (all), false (none) or a mask of bits (see readMask). */
  constructor(name: string, inputs: Tensor[], fn: BackwardFn, reads: boolean | number = true) {
    this._name = name;
    this.inputs = inputs;
    this.checked = reads === true ? ALL_INPUTS : reads === false ? 0 : reads;
    // One pass over the inputs (a node is made for every op of a training step).
    const edges: (Node | null)[] = [];
    const versions: number[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const t = inputs[i];
      if ((this.checked & (1 << i)) !== 0) refuseInference(t);
      t._holds++;
      edges.push(t.grad_fn);
      versions.push(t._vc === null ? 0 : t._vc.n);
    }
    this.edges = edges;
    this.versions = versions;
    this.fn = fn;
  }

  /** @internal records that the backward closure reads `out`, so an in-place write to it is caught. */
  saveOutput(out: Tensor): void {
    this.output = out;
    this.outputVersion = out._version;
  }

  /** @internal `to` took over `from`, this node's output, in an in-place op (sigmoid_): watch `to` instead. */
  _outputBecomes(from: Tensor, to: Tensor): void {
    if (this.output === from) {
      this.output = to;
      this.outputVersion = to._version;
    }
  }

  /**
   * @internal The backward closure and the output it reads (or null), for running the closure as a
   * recorded op (create_graph); raises as apply() does once the graph was freed.
   */
  frozen(): { fn: BackwardFn; output: Tensor | null } {
    if (this.fn === null) this.apply(null as unknown as tf.Tensor);
    return { fn: this.fn!, output: this.output };
  }

  /**
   * @internal create_graph: a node whose backward is itself written in torch ops (a custom Function's)
   * returns its input gradients as recorded Tensors here; null means "differentiate the closure".
   */
  recordedApply(g: Tensor): (Tensor | null)[] | null {
    void g;
    return null;
  }

  /** PyTorch's class name of the node, e.g. 'AddBackward0'. */
  /** PyTorch's `grad_fn.name()`: a node written in C++ by hand (CopySlices) carries its namespace. */
  name(): string {
    return this._name === "CopySlices" ? "torch::autograd::CopySlices" : this._name;
  }

  /** @internal the node's class name, as `grad_fn=<...>` and type() show it. */
  _typeName(): string {
    return this._name;
  }

  /**
   * Only a leaf's node (AccumulateGrad) has a `variable`; PyTorch's AttributeError for any other. Declared
   * here so that `grad_fn.next_functions[0][0].variable` type-checks, as it runs in Python.
   */
  get variable(): never {
    throw new ValueError(`'${this._name}' object has no attribute 'variable'`);
  }

  /**
   * The nodes feeding this one as PyTorch's `next_functions`: one `[node, 0]` pair per input, with an
   * AccumulateGrad node for a leaf that requires grad (its `variable` is the leaf) and null for an
   * input that needs no gradient.
   */
  get next_functions(): [Node | AccumulateGrad | null, number][] {
    const pairs = this.nextPairs();
    for (const pair of pairs) asPyTuple(pair);
    return asPyTuple(pairs);
  }

  /** next_functions' pairs as plain arrays, fresh ones (release() keeps them past the inputs). */
  private nextPairs(): [Node | AccumulateGrad | null, number][] {
    const shown = this.shownNext;
    if (shown !== null) return shown.map(([n, i]) => [n, i]);
    const edges = this.releasedEdges;
    if (edges !== null) {
      const leaves = this.releasedLeaves;
      return edges.map((e, i) => {
        if (e !== null) return [e, 0];
        const leaf = leaves === null ? null : leaves[i];
        return [leaf === null ? null : accumulateGradOf(leaf), 0];
      });
    }
    return this.inputs.map((t, i) => {
      const e = this.edges[i];
      if (e !== null) return [e, 0];
      return [t.requires_grad ? accumulateGradOf(t) : null, 0];
    });
  }

  /**
   * @internal Gives a node PyTorch's name for the op a composition stands for, and as next_functions
   * the composition's own inputs (PyTorch's edges of that op; null shows as None). The backward still
   * walks the composition's real graph.
   */
  _rename(name: string, shown?: (Tensor | null)[]): void {
    this._name = name;
    if (shown !== undefined) this.shownNext = shown.map((t) => [t === null ? null : t.grad_fn ?? (t.requires_grad ? accumulateGradOf(t) : null), 0]);
  }

  /**
   * Registers `hook(grad_inputs, grad_outputs)` to run each time this node has computed its inputs'
   * gradients (PyTorch's `grad_fn.register_hook`): `grad_inputs` has one entry per input (null where
   * none is needed), `grad_outputs` the gradient this node was given. An array it returns replaces
   * `grad_inputs`.
   *
   * @example
   * const y = x.mul(2);
   * y.grad_fn!.register_hook((grad_inputs, grad_outputs) => { console.log(grad_inputs[0]); });
   */
  register_hook(hook: NodePostHook): RemovableHandle {
    return addPostHook(this, hook);
  }

  /** The name Python's repr gives this node's class (a custom Function's node adds its module). */
  protected reprName(): string {
    return this._name;
  }

  toString(): string {
    return objectRepr(this, this.reprName());
  }

  /** As a cell's value, IPython's `<AddBackward0 at 0x...>`; print()/console.log give toString's. */
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, this.reprName());
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this[IPYTHON_REPR]() };
  }

  /** @internal */
  apply(grad: tf.Tensor): (tf.Tensor | null)[] {
    if (this.fn === null) {
      throw new RuntimeError(
        "Trying to backward through the graph a second time (or directly access saved tensors after they have " +
          "already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). " +
          "Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.",
      );
    }
    const checked = this.checked;
    if (checked !== 0) {
      const inputs = this.inputs;
      for (let i = 0; i < inputs.length; i++) {
        const t = inputs[i];
        if (t._version !== this.versions[i] && (checked === ALL_INPUTS || (i < 31 && (checked >> i) & 1))) {
          throw modifiedError(t, inputNodeName(t), this.versions[i]);
        }
      }
    }
    const saved = this.saved;
    if (saved !== null) {
      for (let i = 0; i < saved.length; i++) {
        const t = saved[i];
        if (t._version !== this.savedVersions[i]) throw modifiedError(t, inputNodeName(t), this.savedVersions[i]);
      }
    }
    const out = this.output;
    if (out !== null && out._version !== this.outputVersion) throw modifiedError(out, this._name, this.outputVersion);
    return this.fn(grad);
  }

  /**
   * @internal Whether this node is the 2-D transpose of `t()` (TBackward0), which may take its output's
   * gradient in transposed form and hand it on unchanged (see transposedGrad in backward.ts).
   */
  passesTransposed(): boolean {
    return this._name === "TBackward0" && this.retained === null && this.inputs.length === 1 && this.inputs[0].dim() === 2;
  }

  /** @internal How many inputs the backward hands gradients to. */
  arity(): number {
    return this.kept === null ? this.inputs.length : this.kept.needs.length;
  }

  /** @internal Whether input `i` takes a gradient (requires grad). */
  needsGrad(i: number): boolean {
    return this.kept === null ? this.inputs[i].requires_grad : this.kept.needs[i];
  }

  /** @internal Input `i`, which has no grad_fn and requires grad: the leaf whose `.grad` takes its gradient. */
  leafAt(i: number): Tensor {
    return this.kept === null ? this.inputs[i] : this.kept.leaves[i]!;
  }

  /** @internal What apply() checks before a node that only moves its gradient along (a view's). */
  checkLive(): void {
    if (this.fn === null) this.apply(null as unknown as tf.Tensor);
  }

  /**
   * @internal Counts `t`, which the backward closure reads though it is not an input (an op's own
   * saved tensor, such as max pooling's indices, or a mask or index the op was given), as held by this
   * node until it is released; an in-place write to it before backward raises, as for a saved input.
   */
  holdSaved(t: Tensor): void {
    refuseInference(t);
    t._holds++;
    if (this.saved === null) {
      this.saved = [t];
      this.savedVersions = [t._version];
    } else {
      this.saved.push(t);
      (this.savedVersions as number[]).push(t._version);
    }
  }

  /** @internal whether release() has run. */
  isReleased(): boolean {
    return this.released;
  }

  /**
   * @internal Frees what the node holds: a second backward through a node that saved tensors (an
   * input it reads, its output, holdSaved's) then raises, as PyTorch's SavedVariable does once freed.
   * A node that saved none (add, sum, a view: its backward reads only shapes) and whose closure holds
   * no tensor (holdsNoTensor) keeps the closure and its edges, so a second backward runs through it
   * (PyTorch's `y = x.sum(); y.backward(); y.backward()`); it keeps no input but leaves.
   * Graph-only tensors (an input, or this node's own output) that no other unreleased node holds are
   * freed at once. `freeGraphOnly: false` (create_graph, whose recorded gradient graph may read them
   * later) keeps them for the collector instead.
   */
  release(freeGraphOnly = true): void {
    if (this.released) return;
    this.released = true;
    // The graph's shape outlives backward(), as in PyTorch: only the saved tensors are freed.
    const edges = this.edges;
    const inputs = this.saved === null ? this.inputs : [...this.inputs, ...this.saved];
    const savedNothing = this.checked === 0 && this.output === null && this.saved === null && this.fn !== null && (this.fn as Marked)[HOLDS_NO_TENSOR] === true;
    this.saved = null;
    this.savedVersions = NO_NUMBERS;
    const own = this.graphOnlyOutput;
    this.graphOnlyOutput = null;
    if (savedNothing) {
      const needs = this.inputs.map((t) => t.requires_grad);
      this.kept = { needs, leaves: this.inputs.map((t, i) => (needs[i] && edges[i] === null ? t : null)) };
      this.releasedLeaves = this.kept.leaves;
    } else {
      this.releasedLeaves = leavesOf(this.inputs, edges);
      this.fn = null;
      this.edges = NO_EDGES;
    }
    this.releasedEdges = edges;
    this.inputs = NO_TENSORS;
    this.versions = NO_NUMBERS;
    this.output = null;
    for (const t of inputs) {
      t._holds--;
      if (t._graphOnly) settle(t, freeGraphOnly);
    }
    if (own !== null) settle(own, freeGraphOnly);
  }
}

/**
 * The mark of a backward closure that holds no tensor (see holdsNoTensor): a property of the closure
 * rather than a WeakSet entry, since nearly every op makes one such closure and a WeakSet insertion
 * (an ephemeron the collector must also trace) cost a few percent of a small op's JavaScript time.
 */
const HOLDS_NO_TENSOR = Symbol("holdsNoTensor");
type Marked = BackwardFn & { [HOLDS_NO_TENSOR]?: true };

/**
 * Marks `fn` as a backward closure that holds no tensor, only shapes and numbers: made by a
 * module-level factory, never inline in an op (V8 gives the closures of one scope one shared context,
 * so an inline closure keeps alive every tensor its siblings read, such as the op's input). A node
 * that saved nothing and has such a closure keeps it past backward(), so a second backward runs
 * through it as in PyTorch; any other node frees its closure (a second backward raises).
 */
export function holdsNoTensor(fn: BackwardFn): BackwardFn {
  (fn as Marked)[HOLDS_NO_TENSOR] = true;
  return fn;
}

/** Node's `checked` for every input. */
const ALL_INPUTS = -1;

/**
 * The empty lists a released node holds instead of fresh `[]`s: every tensor wrapper survives V8's
 * young-generation collections (a FinalizationRegistry target is held strongly there) and so does the
 * node that made it, with all it references, until a full collection. With next_functions kept as
 * the edges themselves (releasedEdges), the blitz training step promotes ~9% fewer bytes to old space
 * (V8's --trace-gc-nvp `promoted`, summed over ~600 steps). Frozen: nothing may add to them.
 */
const NO_TENSORS: Tensor[] = Object.freeze([]) as unknown as Tensor[];
const NO_EDGES: (Node | null)[] = Object.freeze([]) as unknown as (Node | null)[];
const NO_NUMBERS: readonly number[] = Object.freeze([]);

/** The inputs that are leaves requiring grad (no edge), at their positions; null when there is none. */
function leavesOf(inputs: Tensor[], edges: (Node | null)[]): (Tensor | null)[] | null {
  let leaves: (Tensor | null)[] | null = null;
  for (let i = 0; i < inputs.length; i++) {
    const t = inputs[i];
    if (edges[i] === null && t.requires_grad) (leaves ??= new Array<Tensor | null>(inputs.length).fill(null))[i] = t;
  }
  return leaves;
}

/**
 * The `reads` of a node for a product (mul, mm, addmm's two matrices): `a`'s gradient reads `b` and
 * `b`'s reads `a`, so each is saved only when the other requires grad, as PyTorch saves them.
 * `at` is the input index of `a` (`b` follows it).
 */
export function crossReads(a: Tensor, b: Tensor, at = 0): number {
  return ((b.requires_grad ? 1 : 0) | (a.requires_grad ? 2 : 0)) << at;
}

/**
 * The node PyTorch's message names for a saved input: its grad_fn as it is now (the in-place op's
 * after `a += 1`), AsStridedBackward0 for a view in the graph (PyTorch regenerates a view's grad_fn
 * once its base was written), none for a leaf.
 */
function inputNodeName(t: Tensor): string | null {
  const v = t._view;
  if (v !== null && v.tracked && (v.base.requires_grad || t._gradFnRaw() !== null)) return "AsStridedBackward0";
  return t._gradFnRaw()?.name() ?? null;
}

/**
 * PyTorch's SavedVariable::unpack error for `t`, saved at version `expected`. Python shows the legacy
 * type name (torch.FloatTensor) where there is one; a bool tensor keeps ATen's CPUBoolType.
 */
function modifiedError(t: Tensor, nodeName: string | null, expected: number): RuntimeError {
  return new RuntimeError(
    `one of the variables needed for gradient computation has been modified by an inplace operation: ` +
      `[${t.dtype === D.bool ? "CPUBoolType" : t.type()} [${t.shape.join(", ")}]]${nodeName === null ? "" : `, which is output 0 of ${nodeName},`} is at version ${t._version}; ` +
      `expected version ${expected} instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, ` +
      `with torch.autograd.set_detect_anomaly(True).`,
  );
}

/**
 * Marks `t` as referenced by nothing but the autograd graph (the caller guarantees that no user-visible
 * reference to it can exist any more) and frees its buffer as soon as no unreleased node needs it:
 * now, when no node holds it (no_grad), or when the last node reading it is released by backward().
 */
export function freeGraphOnly(t: Tensor): void {
  t._graphOnly = true;
  const producer = t._gradFnRaw();
  if (producer !== null && !producer.isReleased()) producer.graphOnlyOutput = t;
  settle(t, true);
}

/** Frees graph-only `t` once neither its consumers nor the node that made it can read it again. */
function settle(t: Tensor, free: boolean): void {
  if (!free) {
    // A gradient graph recorded by create_graph may read it: the collector frees it instead.
    t._graphOnly = false;
    return;
  }
  const producer = t._gradFnRaw();
  if (t._holds === 0 && (producer === null || producer.isReleased())) {
    t._graphOnly = false;
    t._free();
  }
}

/** PyTorch's AccumulateGrad: the node that adds a gradient into a leaf's `.grad`. */
export class AccumulateGrad {
  constructor(readonly variable: Tensor) {}

  name(): string {
    return "AccumulateGrad";
  }

  /** A leaf has nothing upstream. */
  get next_functions(): [] {
    return asPyTuple([]);
  }

  toString(): string {
    return objectRepr(this, "AccumulateGrad");
  }

  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "AccumulateGrad");
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this[IPYTHON_REPR]() };
  }
}

// One AccumulateGrad per leaf, as in PyTorch (`a.grad_fn.next_functions[0][0] === b.grad_fn.next_functions[0][0]`).
const accumulators = new WeakMap<Tensor, AccumulateGrad>();
function accumulateGradOf(t: Tensor): AccumulateGrad {
  let a = accumulators.get(t);
  if (a === undefined) accumulators.set(t, (a = new AccumulateGrad(t)));
  return a;
}

/**
 * @internal Names `out`'s grad_fn as PyTorch names the op a composition stands for (LerpBackward0 for
 * an add over a mul), showing `shown` (the op's inputs as PyTorch lists them, null for an absent
 * optional one) as its next_functions. Only a node this call made is renamed, never an input's own.
 */
export function renameGradFn<T extends Tensor>(out: T, name: string, shown: (Tensor | null)[]): T {
  const node = out.grad_fn;
  if (node !== null && !shown.some((t) => t !== null && t.grad_fn === node)) node._rename(name, shown);
  return out;
}

/**
 * @internal Names `out`'s grad_fn as PyTorch's CPU op is named where torchlab runs a fused kernel
 * instead (GRUCell's `AddBackward0` over a slice of the fused step), keeping its real next_functions.
 */
export function relabelGradFn<T extends Tensor>(out: T, name: string): T {
  out.grad_fn?._rename(name);
  return out;
}
