/**
 * `torch.autograd.Function`: custom differentiable ops written by the user, PyTorch's way.
 *
 * ```ts
 * class MyReLU extends torch.autograd.Function {
 *   static forward(ctx: torch.autograd.FunctionCtx, input: torch.Tensor): torch.Tensor {
 *     ctx.save_for_backward(input);
 *     return input.clamp({ min: 0 });
 *   }
 *   static backward(ctx: torch.autograd.FunctionCtx, grad_output: torch.Tensor): torch.Tensor {
 *     const [input] = ctx.saved_tensors;
 *     return grad_output.masked_fill(input.lt(0), 0);
 *   }
 * }
 * const y = MyReLU.apply(x);   // y.grad_fn: <torch.autograd.function.MyReLUBackward object at 0x...>
 * ```
 *
 * `apply` runs `forward` with grad mode off and, when an input requires grad, hangs one tape Node
 * named `<ClassName>Backward` on the output(s). Its backward closure calls the user's `backward`
 * with one gradient per output and checks what comes back (count, non-tensor inputs, shapes) with
 * PyTorch's messages. Only saved tensors are checked for in-place writes (PyTorch's SavedVariable),
 * not every input, so the Node is built with `reads = false`.
 *
 * The tape gives a Node one output gradient. A function with several differentiable outputs
 * therefore gets one small Node per output (each `<ClassName>Backward`, with the real node's
 * next_functions); those park their gradient in a shared slot and hand a 0-d placeholder on to the
 * real node, which the topological order runs after all of them. So, unlike PyTorch,
 * `a.grad_fn === b.grad_fn` is false for two outputs of one call.
 */
import { scoped } from "../backend/scopes";
import { tf } from "../backend/tf";
import { NotImplementedError, RuntimeError, TypeError } from "../errors";
import { broadcastShapes, compute, sumTo } from "../ops/_core";
import { Tensor } from "../tensor/tensor";
import { asPyTuple } from "../pyrepr";
import { enable_grad, is_grad_enabled, no_grad } from "./grad_mode";
import { AccumulateGrad, BackwardFn, Node } from "./node";
import { anyTangent, setTangent, tangentOf, withoutTangents } from "./forward_state";

interface Saved {
  tensor: Tensor | null;
  /** Set once forward returned: `version` is then the tensor's `_version` as saved. */
  recorded: boolean;
  version: number;
  /** Which output of this function it is, or -1 for any other tensor. */
  output: number;
}

interface CtxState {
  name: string;
  saved: Saved[] | null;
  /** False once the graph was released by a backward without retain_graph. */
  live: boolean;
  dirty: Set<Tensor>;
  nonDifferentiable: Set<Tensor>;
  materialize: boolean;
  needs: boolean[];
  /** Set once forward returned; save_for_backward and friends are forward-only. */
  inForward: boolean;
  /** What save_for_forward kept for jvp. */
  savedForward: (Tensor | null)[] | null;
  /** True while jvp runs: saved_tensors then returns what save_for_forward kept. */
  inJvp: boolean;
}

const states = new WeakMap<FunctionCtx, CtxState>();

function stateOf(ctx: FunctionCtx): CtxState {
  const s = states.get(ctx);
  if (s === undefined) throw new TypeError("this FunctionCtx was not made by Function.apply()");
  return s;
}

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (typeof x === "object") return (x as object).constructor?.name ?? "object";
  return typeof x;
}

function tensorsOnly(op: string, args: unknown[]): Tensor[] {
  return args.map((t, i) => {
    if (!(t instanceof Tensor)) throw new TypeError(`${op}(): argument ${i} must be a Tensor, not ${typeName(t)}`);
    return t;
  });
}

/**
 * The `ctx` that `forward` and `backward` receive: what forward saves for backward, and PyTorch's
 * per-call flags. Any other attribute may be set on it in forward and read in backward
 * (`ctx.constant = k`, read back as `ctx.constant as number`).
 */
export class FunctionCtx {
  [attribute: string]: unknown;

  /** @internal made by Function.apply() */
  constructor(name: string, needs: boolean[]) {
    states.set(this, {
      name,
      saved: null,
      live: true,
      dirty: new Set(),
      nonDifferentiable: new Set(),
      materialize: true,
      needs,
      inForward: true,
      savedForward: null,
      inJvp: false,
    });
  }

  /**
   * Saves tensors for backward, where `ctx.saved_tensors` returns them. Call it once in forward, with
   * inputs or outputs; backward raises if one was modified in place since (its version moved).
   */
  save_for_backward(...tensors: Tensor[]): void {
    const s = stateOf(this);
    if (!s.inForward) throw new RuntimeError("save_for_backward() can only be called from forward()");
    (tensors as unknown[]).forEach((t, i) => {
      if (t !== null && t !== undefined && !(t instanceof Tensor)) {
        throw new TypeError(`save_for_backward can only save variables, but argument ${i} is of type ${typeName(t)}`);
      }
    });
    // Versions are taken when forward returns, as PyTorch saves them after forward (mark_dirty's bump included).
    s.saved = tensors.map((t) => ({ tensor: (t as Tensor | null | undefined) ?? null, recorded: false, version: 0, output: -1 }));
  }

  /**
   * Saves tensors for `jvp` (forward-mode AD), where `ctx.saved_tensors` returns them. Call it in
   * forward, with inputs, outputs or intermediate results.
   */
  save_for_forward(...tensors: Tensor[]): void {
    const s = stateOf(this);
    if (!s.inForward) throw new RuntimeError("save_for_forward() can only be called from forward()");
    (tensors as unknown[]).forEach((t, i) => {
      if (t !== null && t !== undefined && !(t instanceof Tensor)) {
        throw new TypeError(`save_for_forward expects all arguments to be tensors; but argument ${i} is of type ${typeName(t)}`);
      }
    });
    s.savedForward = tensors.map((t) => (t as Tensor | null | undefined) ?? null);
  }

  /**
   * The tensors given to save_for_backward, in order (a saved null comes back null); inside `jvp`,
   * those given to save_for_forward.
   */
  get saved_tensors(): Tensor[] {
    const s = stateOf(this);
    if (s.inJvp) return (s.savedForward ?? []) as Tensor[];
    if (!s.live) {
      throw new RuntimeError(
        "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). " +
          "Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need " +
          "to backward through the graph a second time or if you need to access saved tensors after calling backward.",
      );
    }
    if (s.saved === null) return [];
    return s.saved.map((sv) => {
      const t = sv.tensor;
      if (t === null) return null as unknown as Tensor;
      if (sv.recorded && t._version !== sv.version) {
        const now = t._version;
        const fn = sv.output >= 0 ? `${s.name}Backward` : t._gradFnRaw()?.name();
        const which = sv.output >= 0 ? `, which is output ${sv.output} of ${fn},` : fn !== undefined ? `, which is output 0 of ${fn},` : "";
        throw new RuntimeError(
          `one of the variables needed for gradient computation has been modified by an inplace operation: [${t.type()} [${t.shape.join(", ")}]]${which} ` +
            `is at version ${now}; expected version ${sv.version} instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, ` +
            `with torch.autograd.set_detect_anomaly(True).`,
        );
      }
      return t;
    });
  }

  /** One flag per forward argument: whether backward must return a gradient for it (false for non-tensors). */
  get needs_input_grad(): boolean[] {
    return asPyTuple(stateOf(this).needs.slice());
  }

  /**
   * Marks outputs that have no gradient (indices, masks): they do not require grad, and backward gets
   * zeros for them (or null after `set_materialize_grads(false)`).
   */
  mark_non_differentiable(...tensors: Tensor[]): void {
    const s = stateOf(this);
    if (!s.inForward) throw new RuntimeError("mark_non_differentiable() can only be called from forward()");
    for (const t of tensorsOnly("mark_non_differentiable", tensors)) s.nonDifferentiable.add(t);
  }

  /**
   * Marks inputs that forward modified in place (and returns): they become outputs of this function,
   * the same Tensor objects, with this function as their grad_fn.
   */
  mark_dirty(...tensors: Tensor[]): void {
    const s = stateOf(this);
    if (!s.inForward) throw new RuntimeError("mark_dirty() can only be called from forward()");
    for (const t of tensorsOnly("mark_dirty", tensors)) s.dirty.add(t);
  }

  /**
   * Whether backward receives zeros (true, the default) or null for an output that got no gradient
   * (not used in the loss, or marked non-differentiable).
   */
  set_materialize_grads(value: boolean): void {
    if (typeof value !== "boolean") throw new TypeError(`set_materialize_grads(): value must be a boolean, not ${typeName(value)}`);
    stateOf(this).materialize = value;
  }
}

/** What apply() needs of a Function subclass. */
export interface FunctionClass {
  readonly name: string;
  forward(ctx: FunctionCtx, ...args: never[]): unknown;
  backward(ctx: FunctionCtx, ...grad_outputs: never[]): unknown;
  /** Forward-mode AD: maps the inputs' tangents to the outputs' tangents. */
  jvp?(ctx: FunctionCtx, ...grad_inputs: never[]): unknown;
}

/** The arguments after `ctx` of a Function subclass's forward. */
export type ForwardArgs<T> = T extends { forward(ctx: FunctionCtx, ...args: infer A): unknown } ? A : never;
/** What a Function subclass's forward returns, which apply() returns. */
export type ForwardResult<T> = T extends { forward(ctx: FunctionCtx, ...args: never[]): infer R } ? R : never;

/** The node of one call: marks the ctx's saved tensors freed when backward releases the graph. */
type GraphFn = (g: Tensor) => (Tensor | null)[];

class FunctionNode extends Node {
  constructor(name: string, inputs: Tensor[], fn: BackwardFn, edges: (Node | null)[], private readonly state: CtxState, private readonly graphFn: GraphFn) {
    super(name, inputs, fn, false);
    this.edges = edges;
  }

  /** create_graph: the user's backward runs on Tensors with grad mode on, so what it computes is recorded. */
  override recordedApply(g: Tensor): (Tensor | null)[] {
    this.checkLive();
    return this.graphFn(g);
  }

  override release(freeGraphOnly = true): void {
    super.release(freeGraphOnly);
    this.state.live = false;
    this.state.saved = null;
  }
  /** PyTorch names a custom Function's node by its module: `<torch.autograd.function.MyReLUBackward object at 0x...>`. */
  protected override reprName(): string {
    return `torch.autograd.function.${this.name()}`;
  }
}

/** An output node of a multi-output function: shows the real node's inputs as PyTorch does. */
class OutputNode extends Node {
  constructor(name: string, hidden: Tensor, fn: BackwardFn, private readonly joint: Node, private readonly graphFn: GraphFn) {
    super(name, [hidden], fn, false);
  }

  override recordedApply(g: Tensor): (Tensor | null)[] {
    this.checkLive();
    return this.graphFn(g);
  }

  override get next_functions(): [Node | AccumulateGrad | null, number][] {
    return this.joint.next_functions;
  }
  /** PyTorch names a custom Function's node by its module: `<torch.autograd.function.MyReLUBackward object at 0x...>`. */
  protected override reprName(): string {
    return `torch.autograd.function.${this.name()}`;
  }
}

/**
 * Runs the user's backward outside the tfjs tidy scope that the backward sweep runs nodes in, as
 * top-level code runs: its tensors belong to their wrappers, so one the user keeps (or writes in
 * place into a tensor made outside) is not freed when that scope ends. The stand-in scope is never
 * ended (nothing in it is disposed) but keeps the stack non-empty, so no reclaim frees memory under
 * the sweep's raw handles meanwhile (see insideScope in backend/memory.ts).
 */
function atTopLevel<T>(fn: () => T): T {
  type Scope = { track: unknown[]; name: string; id: number };
  const state = (tf.engine() as unknown as { state: { scopeStack: Scope[]; activeScope: Scope | null; nextScopeId: number } }).state;
  const stack = state.scopeStack;
  const active = state.activeScope;
  const standIn: Scope = { track: [], name: "autograd.Function.backward", id: state.nextScopeId++ };
  return scoped(() => {
    state.scopeStack = [standIn];
    state.activeScope = standIn;
    return () => {
      // Left normally, the stand-in is alone again. A cell stopped inside the user's backward left
      // the scopes of the ops it was running on top of it: end them here, disposing what they
      // track, since the kernel's unwind only sees the sweep's stack once this one is put back.
      while (state.scopeStack.length > 1 && state.scopeStack[0] === standIn) tf.engine().endScope(undefined);
      state.scopeStack = stack;
      state.activeScope = active;
    };
  }, fn);
}

const HINT = "(Example: class MyFn extends torch.autograd.Function { static forward(ctx, x) {...} static backward(ctx, g) {...} })";

/**
 * Base class of custom autograd functions. Subclass it with static `forward(ctx, ...args)` and
 * `backward(ctx, ...grad_outputs)`, and call `MyFn.apply(...args)`; never call forward directly.
 *
 * - forward runs with grad mode off; it may take any arguments (tensors, numbers, options) and
 *   return a Tensor, or an array of them (with non-tensors passed through).
 * - under create_graph, backward runs with grad mode on, so what it computes from its saved tensors
 *   is recorded and can be differentiated again (double backward); `once_differentiable` refuses that.
 * - a static `jvp(ctx, ...tangents)` gives forward-mode AD (torch.autograd.forward_ad) its outputs'
 *   tangents; forward then sees its inputs without their tangents.
 * - backward gets one gradient per output (null for a non-tensor one) and returns one per forward argument
 *   (null or undefined for a non-tensor, or an input that needs none; a single Tensor when forward
 *   took one argument). A gradient whose shape broadcasts to its input's is summed down to it.
 *
 * Differences from PyTorch: outputs of one call with several differentiable outputs each have a
 * grad_fn of their own (all named `<ClassName>Backward`); gradients are float32 (torchlab's only
 * floating dtype); a static method needs
 * its class, so PyTorch's `P3 = MyFn.apply` is `const P3 = (x: Tensor) => MyFn.apply(x)` (an arrow
 * keeps the argument types, which `MyFn.apply.bind(MyFn)` loses).
 *
 * @example
 * class Exp extends torch.autograd.Function {
 *   static forward(ctx: torch.autograd.FunctionCtx, i: torch.Tensor): torch.Tensor {
 *     const result = i.exp();
 *     ctx.save_for_backward(result);
 *     return result;
 *   }
 *   static backward(ctx: torch.autograd.FunctionCtx, grad_output: torch.Tensor): torch.Tensor {
 *     const [result] = ctx.saved_tensors;
 *     return grad_output.mul(result);
 *   }
 * }
 * const out = Exp.apply(torch.randn(3, { requires_grad: true }));
 */
export class Function {
  /** Computes the outputs; override it as a static method. */
  static forward(ctx: FunctionCtx, ...args: never[]): unknown {
    void ctx;
    void args;
    throw new NotImplementedError("You must implement the forward function for custom autograd.Function.");
  }

  /** Maps the outputs' gradients to the inputs' gradients; override it as a static method. */
  static backward(ctx: FunctionCtx, ...grad_outputs: never[]): unknown {
    void ctx;
    void grad_outputs;
    throw new NotImplementedError("You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.");
  }

  /**
   * Forward-mode AD (torch.autograd.forward_ad): maps one tangent per forward argument (null for a
   * non-tensor one) to one per output; override it as a static method. Tensors it needs are saved in
   * forward with `ctx.save_for_forward` (or set on ctx).
   */
  static jvp(ctx: FunctionCtx, ...grad_inputs: never[]): unknown {
    void ctx;
    void grad_inputs;
    throw new NotImplementedError("You must implement the jvp function for custom autograd.Function to use it with forward mode AD.");
  }

  /**
   * Runs the function on `args` and records it for autograd: `MyFn.apply(x, 2)`.
   * Returns what forward returned (input tensors returned unchanged become aliases carrying the graph).
   */
  static apply<T extends FunctionClass>(this: T, ...args: ForwardArgs<T>): ForwardResult<T> {
    if (typeof this !== "function" || !(this === Function || (this as unknown as { prototype: unknown }).prototype instanceof Function)) {
      throw new TypeError(`Function.apply() must be called on a torch.autograd.Function subclass, as MyFn.apply(x); to keep it in a variable, wrap it: const P3 = (x) => MyFn.apply(x) ${HINT}`);
    }
    return applyFunction(this, args as unknown[]) as ForwardResult<T>;
  }
}

function applyFunction(cls: FunctionClass, args: unknown[]): unknown {
  const name = cls.name || "Function";
  const recording = is_grad_enabled();
  const needs = args.map((a) => recording && a instanceof Tensor && a.requires_grad);
  const ctx = new FunctionCtx(name, needs);
  const state = stateOf(ctx);
  const inputs = args.filter((a): a is Tensor => a instanceof Tensor);
  const needsOfInputs = inputs.map((t) => recording && t.requires_grad);
  const record = needsOfInputs.some((b) => b);
  // The edges are taken before forward runs: a dirty input gets this function as its grad_fn.
  const edges = inputs.map((t) => t.grad_fn);

  const forward = cls.forward as (ctx: FunctionCtx, ...args: unknown[]) => unknown;
  // Forward-mode AD: forward sees the primals only; jvp gives the outputs' tangents afterwards.
  const dual = anyTangent(inputs);
  let result: unknown;
  try {
    result = dual ? withoutTangents(() => no_grad(() => forward.call(cls, ctx, ...args))) : no_grad(() => forward.call(cls, ctx, ...args));
  } finally {
    state.inForward = false;
  }
  if (result instanceof Promise) throw new TypeError(`${name}.forward() returned a Promise; forward must compute its outputs synchronously`);
  const isTuple = Array.isArray(result);
  const raw: unknown[] = isTuple ? (result as unknown[]).slice() : [result];

  for (const t of state.dirty) {
    if (!inputs.includes(t)) throw new RuntimeError(`${name}: mark_dirty() was given a tensor that is not an input of forward`);
    if (!raw.includes(t)) throw new RuntimeError(`${name}: a tensor marked dirty must be returned by forward (an input modified in place is an output)`);
    if (record && t.is_leaf && t.requires_grad) throw new RuntimeError("a leaf Variable that requires grad has been used in an in-place operation.");
    if (record && t._view !== null) throw new NotImplementedError(`${name}: mark_dirty() on a view (a tensor sharing another's storage) is not supported by torchlab; clone the input first`);
    // PyTorch counts marking dirty as one more write (a mul_ in forward then shows _version 2).
    t._bumpVersion();
  }
  // An input returned unchanged, or one tensor returned twice, becomes an alias: the graph goes on the alias.
  const seen = new Set<Tensor>();
  const outs = raw.map((o) => {
    if (!(o instanceof Tensor)) return o;
    const alias = seen.has(o) || (inputs.includes(o) && !state.dirty.has(o));
    seen.add(o);
    if ((!record && !dual) || !alias) return o;
    const a = o.detach();
    if (state.nonDifferentiable.has(o)) state.nonDifferentiable.add(a);
    return a;
  });
  const tensorOuts = outs.filter((o): o is Tensor => o instanceof Tensor);

  for (const sv of state.saved ?? []) {
    const t = sv.tensor;
    if (t === null) continue;
    sv.recorded = true;
    sv.version = t._version;
    sv.output = tensorOuts.indexOf(t);
  }
  if (dual) forwardGradients(cls, ctx, state, args, tensorOuts);
  if (!record) return isTuple ? outs : outs[0];

  // Integer and bool outputs never carry a gradient, as in PyTorch.
  const differentiable = tensorOuts.map((o) => !state.nonDifferentiable.has(o) && o.dtype._tf === "float32");
  const slots: (tf.Tensor | null)[] = tensorOuts.map(() => null);
  const park = (k: number, g: tf.Tensor): void => {
    slots[k]?.dispose();
    // Kept: the sweep's tidy scope must not free a gradient that the user's backward will hold.
    slots[k] = tf.keep(tf.reshape(g, g.shape));
  };
  const userBackward = (): (tf.Tensor | null)[] => runUserBackward(cls, ctx, state, args, inputs, needsOfInputs, outs, slots);
  // create_graph: the output gradients as Tensors on the tape, and the user's backward recorded.
  const graphSlots: (Tensor | null)[] = tensorOuts.map(() => null);
  const graphBackward = (): (Tensor | null)[] => runUserBackwardGraph(cls, ctx, state, args, inputs, needsOfInputs, outs, graphSlots);
  const diff = tensorOuts.filter((_, k) => differentiable[k]);
  if (diff.length === 1) {
    // One differentiable output: its gradient reaches the node directly.
    const k = tensorOuts.indexOf(diff[0]);
    const graphFn = (g: Tensor): (Tensor | null)[] => ((graphSlots[k] = g), graphBackward());
    diff[0]._attach(new FunctionNode(`${name}Backward`, inputs, (g) => (park(k, g), userBackward()), edges, state, graphFn));
  } else if (diff.length > 1) {
    const joint = new FunctionNode(`${name}Backward`, inputs, userBackward, edges, state, graphBackward);
    const hidden = Tensor._wrap(compute(() => tf.zeros([])));
    hidden._attach(joint);
    tensorOuts.forEach((o, k) => {
      if (!differentiable[k]) return;
      const graphFn = (g: Tensor): (Tensor | null)[] => ((graphSlots[k] = g), [Tensor._wrap(compute(() => tf.zeros([])))]);
      o._attach(new OutputNode(`${name}Backward`, hidden, (g) => (park(k, g), [tf.zeros([])]), joint, graphFn));
    });
  }
  return isTuple ? outs : outs[0];
}

/** Calls the user's backward with the parked output gradients and turns its answer into the tape's. */
function runUserBackward(
  cls: FunctionClass,
  ctx: FunctionCtx,
  state: CtxState,
  args: unknown[],
  inputs: Tensor[],
  needs: boolean[],
  outs: unknown[],
  slots: (tf.Tensor | null)[],
): (tf.Tensor | null)[] {
  // One gradient per output of forward, null for a non-tensor one, as PyTorch passes None.
  let k = -1;
  const grads = outs.map((o) => {
    if (!(o instanceof Tensor)) return null;
    const g = slots[++k];
    slots[k] = null;
    // A gradient has its output's dtype (float64 and float32 share float32 buffers).
    const like = (t: Tensor): Tensor => ((t._s.dt = o._s.dt), t);
    if (g !== null) return like(Tensor._wrap(g));
    if (!state.materialize) return null;
    return like(Tensor._wrap(tf.keep(compute(() => tf.zeros(o.shape, o.dtype._tf)))));
  });
  const backward = cls.backward as (ctx: FunctionCtx, ...grads: unknown[]) => unknown;
  const returned = atTopLevel(() => no_grad(() => backward.call(cls, ctx, ...grads)));
  return checkGradients(cls, returned, args, inputs, needs).map((c) => {
    if (c === null) return null;
    const { g, same, want } = c;
    // An alias of the returned tensor: the sweep frees what it is given, and the user's tensor stays theirs.
    return compute(() => {
      const f = g._t.dtype === "float32" ? g._t : tf.cast(g._t, "float32");
      const r = same ? f : sumTo(f, want);
      return r === g._t ? tf.reshape(r, r.shape) : r;
    });
  });
}

/**
 * runUserBackward() under create_graph: the gradients are the Tensors the user's backward returns,
 * computed with grad mode on from output gradients and saved tensors that carry their graph, so the
 * result can be differentiated again (double backward through a custom Function, as in PyTorch).
 */
function runUserBackwardGraph(
  cls: FunctionClass,
  ctx: FunctionCtx,
  state: CtxState,
  args: unknown[],
  inputs: Tensor[],
  needs: boolean[],
  outs: unknown[],
  slots: (Tensor | null)[],
): (Tensor | null)[] {
  let k = -1;
  const grads = outs.map((o) => {
    if (!(o instanceof Tensor)) return null;
    const g = slots[++k];
    slots[k] = null;
    if (g !== null) return g;
    return state.materialize ? Tensor._wrap(compute(() => tf.zeros(o.shape, o.dtype._tf))) : null;
  });
  const backward = cls.backward as (ctx: FunctionCtx, ...grads: unknown[]) => unknown;
  const returned = atTopLevel(() => enable_grad(() => backward.call(cls, ctx, ...grads)));
  return checkGradients(cls, returned, args, inputs, needs).map((c) => {
    if (c === null) return null;
    const g = c.g.dtype._tf === "float32" ? c.g : c.g.float();
    return c.same ? g : g.sum_to_size(c.want);
  });
}

/** The user's backward's answer checked as PyTorch checks it: one gradient (or null) per tensor input. */
function checkGradients(
  cls: FunctionClass,
  returned: unknown,
  args: unknown[],
  inputs: Tensor[],
  needs: boolean[],
): ({ g: Tensor; same: boolean; want: number[] } | null)[] {
  const name = `${cls.name || "Function"}Backward`;
  let list = Array.isArray(returned) ? (returned as unknown[]).slice() : [returned];
  if (list.length > args.length && list.slice(args.length).every((g) => g === null || g === undefined)) list = list.slice(0, args.length);
  if (list.length !== args.length) {
    throw new RuntimeError(`function ${name} returned an incorrect number of gradients (expected ${args.length}, got ${list.length})`);
  }
  const out: ({ g: Tensor; same: boolean; want: number[] } | null)[] = [];
  let k = 0;
  list.forEach((g, pos) => {
    const isInput = args[pos] instanceof Tensor;
    if (g !== null && g !== undefined && !(g instanceof Tensor)) throw new RuntimeError(`expected Variable or None (got ${typeName(g)})`);
    if (!isInput) {
      if (g !== null && g !== undefined) {
        throw new RuntimeError(`function ${name} returned a gradient different than None at position ${pos + 1}, but the corresponding forward input was not a Variable`);
      }
      return;
    }
    const i = k++;
    if (g === null || g === undefined || !needs[i]) {
      out.push(null);
      return;
    }
    const want = inputs[i].shape;
    const got = g.shape;
    const same = got.length === want.length && got.every((d, j) => d === want[j]);
    if (!same && !expandable(want, got)) {
      throw new RuntimeError(`Function ${name} returned an invalid gradient at index ${i} - got [${got.join(", ")}] but expected shape compatible with [${want.join(", ")}]`);
    }
    out.push({ g, same, want: want.slice() });
  });
  return out;
}

/** Forward-mode AD: calls the user's jvp with the inputs' tangents and gives the outputs theirs. */
function forwardGradients(cls: FunctionClass, ctx: FunctionCtx, state: CtxState, args: unknown[], outs: Tensor[]): void {
  const name = cls.name || "Function";
  const jvp = (cls as { jvp?: (ctx: FunctionCtx, ...t: unknown[]) => unknown }).jvp;
  if (jvp === undefined || jvp === Function.jvp) {
    throw new NotImplementedError("You must implement the jvp function for custom autograd.Function to use it with forward mode AD.");
  }
  const tangents = args.map((a) => {
    if (!(a instanceof Tensor)) return null;
    const t = tangentOf(a);
    if (t !== null || !state.materialize || !a.is_floating_point()) return t;
    return Tensor._wrap(compute(() => tf.zeros(a.shape)));
  });
  state.inJvp = true;
  let returned: unknown;
  try {
    returned = withoutTangents(() => jvp.call(cls, ctx, ...tangents));
  } finally {
    state.inJvp = false;
  }
  const list = Array.isArray(returned) ? (returned as unknown[]) : [returned];
  if (list.length !== outs.length) {
    throw new RuntimeError(`function ${name}_jvp returned an incorrect number of forward gradients (expected ${outs.length}, got ${list.length})`);
  }
  list.forEach((t, k) => {
    if (t === null || t === undefined) return;
    if (!(t instanceof Tensor)) throw new TypeError(`${name}.jvp() must return Tensors (or null), got ${typeName(t)} for output ${k}`);
    const o = outs[k];
    if (t.shape.length !== o.shape.length || t.shape.some((d, j) => d !== o.shape[j])) {
      throw new RuntimeError(
        `Trying to set a forward gradient that has a different size than that of the original Tensor, this is not supported. ` +
          `Tensor is of size [${o.shape.join(", ")}] while the given forward gradient is of size [${t.shape.join(", ")}].`,
      );
    }
    if (o.is_floating_point()) setTangent(o, t);
  });
}

/** Whether a tensor of shape `small` expands to `big` (PyTorch's is_expandable_to). */
function expandable(small: readonly number[], big: readonly number[]): boolean {
  if (small.length > big.length) return false;
  const b = broadcastShapes(small, big);
  return b !== null && b.length === big.length && b.every((d, j) => d === big[j]);
}
