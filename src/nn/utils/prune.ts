/**
 * torch.nn.utils.prune: masks that zero parts of a module's parameter, as in PyTorch's Pruning
 * Tutorial.
 *
 * Pruning `name` of a module moves the Parameter to `name_orig`, registers the mask as the buffer
 * `name_mask`, and sets `name` to the plain tensor `name_orig * name_mask`; the pruning method itself
 * is a forward pre-hook that recomputes `name` before every call, so gradients reach `name_orig`
 * through the mask. Pruning the same parameter again combines the masks in a PruningContainer, which
 * asks the newest method to prune only what is still unpruned. `remove` makes the pruning permanent:
 * `name` becomes the Parameter again, holding the masked values.
 *
 * A pruning method is callable (the hook runs `method(module, inputs)`), as PyTorch's are. `amount`
 * is a fraction in [0, 1] or, when it is a whole number, a count: JavaScript cannot tell PyTorch's
 * `1.0` (everything) from `1` (one entry), so pruning everything is `amount: numel`.
 */
import { Tensor } from "../../tensor/tensor";
import { isOptions, parseArgs } from "../../tensor/args";
import { IPYTHON_REPR, ipythonRepr, objectRepr } from "../../pyrepr";
import { no_grad } from "../../autograd/grad_mode";
import { from_typed, ones_like, rand, rand_like } from "../../ops/creation";
import { cat } from "../../ops/movement";
import { Module } from "../modules/module";
import { Parameter } from "../parameter";
import { IndexError, RuntimeError, TypeError, ValueError } from "../../errors";

export type PruningType = "unstructured" | "structured" | "global";
type Fields = Record<string, unknown>;

function field(module: Module, name: string): unknown {
  return (module as unknown as Fields)[name];
}

function fmtSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(", ")}])`;
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function validateAmountInit(amount: unknown): asserts amount is number {
  if (typeof amount !== "number" || Number.isNaN(amount)) throw new TypeError(`Invalid type for amount: ${String(amount)}. Must be int or float.`);
  if ((Number.isInteger(amount) && amount < 0) || (!Number.isInteger(amount) && (amount > 1 || amount < 0))) {
    throw new ValueError(`amount=${amount} should either be a float in the range [0, 1] or a non-negative integer`);
  }
}

function nparamsToPrune(amount: number, size: number): number {
  const n = Number.isInteger(amount) ? amount : roundHalfEven(amount * size);
  if (Number.isInteger(amount) && amount > size) throw new ValueError(`amount=${amount} should be smaller than the number of parameters to prune=${size}`);
  return n;
}

function validateStructured(t: Tensor, dim: number): void {
  if (t.dim() <= 1) throw new ValueError(`Structured pruning can only be applied to multidimensional tensors. Found tensor of shape ${fmtSize(t.shape)} with ${t.dim()} dims`);
  if (dim >= t.dim()) throw new IndexError(`Invalid index ${dim} for tensor of size ${fmtSize(t.shape)}`);
}

/** Position along `dim` of each flat (row-major) index of `shape`. */
function coordAlong(shape: readonly number[], dim: number): (i: number) => number {
  const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
  const size = shape[dim];
  return (i) => Math.floor(i / stride) % size;
}

function floats(t: Tensor): Float32Array {
  return Float32Array.from(t.dataSync());
}

function fromValues(values: Float32Array, like: Tensor): Tensor {
  return from_typed(values, [...like.shape], { dtype: like.dtype });
}

/** A mask that keeps the slices along `dim` whose flag is set, times `default_mask`. */
function channelMask(t: Tensor, dim: number, keep: (c: number) => boolean, default_mask: Tensor): Tensor {
  const d = dim < 0 ? dim + t.dim() : dim;
  const at = coordAlong(t.shape, d);
  const dm = floats(default_mask.to(t.dtype));
  const out = new Float32Array(t.numel());
  for (let i = 0; i < out.length; i++) out[i] = keep(at(i)) ? dm[i] : 0;
  return fromValues(out, t);
}

/**
 * The base class of pruning methods. A subclass sets `PRUNING_TYPE` and defines
 * `compute_mask(t, default_mask)`; `Method.apply(module, name, ...args)` prunes with `new Method(...args)`.
 *
 * @example
 * class FooBarPruningMethod extends prune.BasePruningMethod {
 *   PRUNING_TYPE = "unstructured" as const;
 *   compute_mask(t: Tensor, default_mask: Tensor): Tensor {
 *     const mask = default_mask.clone();
 *     mask.view(-1).index("::2").fill_(0);  // every other entry
 *     return mask;
 *   }
 * }
 * FooBarPruningMethod.apply(model.fc3, "bias");
 */
export abstract class BasePruningMethod {
  /** How the method selects entries, which decides what a PruningContainer hands it. */
  abstract PRUNING_TYPE: PruningType;
  /** The name of the pruned parameter; set by `apply`. */
  declare _tensor_name: string;

  constructor() {
    // Callable, as the forward pre-hook that recomputes the pruned tensor before each forward.
    const self = ((module: Module) => {
      (self as unknown as BasePruningMethod).__call__(module);
    }) as unknown as BasePruningMethod;
    delete (self as { name?: unknown }).name;
    delete (self as { length?: unknown }).length;
    Object.setPrototypeOf(self, new.target.prototype);
    return self;
  }

  /** @internal the hook: sets `module[name]` to the masked tensor. */
  __call__(module: Module): void {
    (module as unknown as Fields)[this._tensor_name] = this.apply_mask(module);
  }

  /** The mask for `t` (same shape); entries where `default_mask` is 0 stay pruned. */
  abstract compute_mask(t: Tensor, default_mask: Tensor): Tensor;

  /** `name_orig` times `name_mask`. */
  apply_mask(module: Module): Tensor {
    if (this._tensor_name === undefined) throw new RuntimeError(`Module ${String(module)} has to be pruned`);
    const mask = field(module, this._tensor_name + "_mask") as Tensor;
    const orig = field(module, this._tensor_name + "_orig") as Tensor;
    return mask.to(orig.dtype).mul(orig);
  }

  /**
   * Prunes `name` of `module` with `new this(...args)`, combining with an earlier pruning of the same
   * tensor; a trailing `{importance_scores}` ranks the entries instead of the parameter's values.
   */
  static apply<M extends BasePruningMethod, A extends unknown[]>(this: new (...args: A) => M, module: Module, name: string, ...args: A): BasePruningMethod {
    const last = args[args.length - 1];
    let scores: Tensor | null = null;
    if (isOptions(last) && "importance_scores" in last) {
      const { importance_scores, ...rest } = last as { importance_scores?: Tensor | null };
      scores = importance_scores ?? null;
      args = [...args.slice(0, -1), ...(Object.keys(rest).length ? [rest] : [])] as unknown as A;
    }
    return applyPruning(module, name, new this(...args), scores);
  }

  /** `t` times its mask, without touching a module. */
  prune(t: Tensor, default_mask: Tensor | null = null, importance_scores: Tensor | null = null): Tensor {
    if (importance_scores !== null && importance_scores.shape.join() !== t.shape.join()) throw new ValueError("importance_scores should have the same shape as tensor t");
    return t.mul(no_grad(() => this.compute_mask(importance_scores ?? t, default_mask ?? ones_like(t))));
  }

  /** Makes the pruning permanent: `name` becomes the Parameter again, holding the masked values. */
  remove(module: Module): void {
    const weight = no_grad(() => this.apply_mask(module));
    const name = this._tensor_name;
    delete (module as unknown as Fields)[name];
    const orig = field(module, name + "_orig") as Parameter;
    orig.data = weight;
    delete (module as unknown as Fields)[name + "_orig"];
    module._buffer_names.delete(name + "_mask");
    module._non_persistent_buffers.delete(name + "_mask");
    delete (module as unknown as Fields)[name + "_mask"];
    (module as unknown as Fields)[name] = orig;
  }

  toString(): string {
    return objectRepr(this, `torch.nn.utils.prune.${this.constructor.name}`);
  }

  /** As a cell's value, IPython's `<torch.nn.utils.prune.L1Unstructured at 0x...>`. */
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, `torch.nn.utils.prune.${this.constructor.name}`);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** The pruning methods applied, in order, to one tensor; its mask combines theirs. */
export class PruningContainer extends BasePruningMethod {
  PRUNING_TYPE: PruningType = "unstructured";
  _pruning_methods: BasePruningMethod[] = [];

  constructor(...methods: BasePruningMethod[]) {
    super();
    if (methods.length === 1) this._tensor_name = methods[0]._tensor_name;
    for (const m of methods) this.add_pruning_method(m);
  }

  add_pruning_method(method: BasePruningMethod): void {
    if (!(method instanceof BasePruningMethod)) throw new TypeError(`${describe(method)} is not a BasePruningMethod subclass`);
    if (this._tensor_name !== method._tensor_name) {
      throw new ValueError(`Can only add pruning methods acting on the parameter named '${this._tensor_name}' to PruningContainer ${String(this)}. Found '${method._tensor_name}'`);
    }
    this._pruning_methods.push(method);
  }

  get length(): number {
    return this._pruning_methods.length;
  }

  [Symbol.iterator](): Iterator<BasePruningMethod> {
    return this._pruning_methods[Symbol.iterator]();
  }

  /** The newest method prunes within what the earlier ones kept (the entries, or the slices along its dim). */
  compute_mask(t: Tensor, default_mask: Tensor): Tensor {
    const method = this._pruning_methods[this._pruning_methods.length - 1];
    const mask = default_mask.to(t.dtype);
    const type = method.PRUNING_TYPE;
    if (type === "global") return method.compute_mask(t, mask);
    if (type === "unstructured") {
      const keep = mask.eq(1);
      const partial = floats(method.compute_mask(t.masked_select(keep), mask.masked_select(keep)));
      const out = floats(mask);
      const k = keep.dataSync();
      for (let i = 0, j = 0; i < out.length; i++) if (k[i]) out[i] = partial[j++];
      return fromValues(out, mask);
    }
    if (type !== "structured") throw new ValueError(`Unrecognized PRUNING_TYPE ${String(type)}`);
    const dimOf = (method as unknown as { dim?: number }).dim;
    if (dimOf === undefined) throw new RuntimeError('Pruning methods of PRUNING_TYPE "structured" need to have the attribute `dim` defined.');
    const n = t.dim();
    const dim = dimOf < 0 ? n + dimOf : dimOf;
    if (dim < 0) throw new IndexError(`Index is out of bounds for tensor with dimensions ${n}`);
    const others = [...Array(n).keys()].filter((d) => d !== dim);
    const keepCh = Array.from(mask.abs().sum(others).dataSync(), (v) => v !== 0);
    const kept = keepCh.flatMap((k, c) => (k ? [c] : []));
    const idx = from_typed(Int32Array.from(kept), [kept.length]);
    const partial = floats(method.compute_mask(t.index_select(dim, idx), mask.index_select(dim, idx)));
    const out = floats(mask);
    const at = coordAlong(t.shape, dim);
    const pos = new Map(kept.map((c, i) => [c, i] as const));
    const stride = t.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    const subSize = kept.length;
    for (let i = 0; i < out.length; i++) {
      const c = at(i);
      const p = pos.get(c);
      if (p === undefined) continue;
      const outer = Math.floor(i / (stride * t.shape[dim]));
      const inner = i % stride;
      out[i] = partial[(outer * subSize + p) * stride + inner];
    }
    return fromValues(out, mask);
  }
}

function describe(x: unknown): string {
  return x === null ? "null" : typeof x === "object" || typeof x === "function" ? `<class '${(x as object).constructor?.name}'>` : `<class '${typeof x}'>`;
}

/** Leaves the mask as it is (prunes nothing); lets a parameter be treated as pruned. */
export class Identity extends BasePruningMethod {
  PRUNING_TYPE: PruningType = "unstructured";
  compute_mask(t: Tensor, default_mask: Tensor): Tensor {
    void t;
    return default_mask;
  }
}

/** Prunes `amount` of the (unpruned) entries, chosen at random. */
export class RandomUnstructured extends BasePruningMethod {
  PRUNING_TYPE: PruningType = "unstructured";
  amount: number;
  constructor(amount: number | { amount: number }) {
    super();
    const a = parseArgs("RandomUnstructured", [amount], ["amount"]).amount;
    validateAmountInit(a);
    this.amount = a;
  }
  compute_mask(t: Tensor, default_mask: Tensor): Tensor {
    const n = nparamsToPrune(this.amount, t.numel());
    const mask = floats(default_mask);
    if (n !== 0) for (const i of rand_like(t).reshape(-1).topk(n).indices.dataSync()) mask[i] = 0;
    return fromValues(mask, default_mask);
  }
}

/** Prunes `amount` of the (unpruned) entries with the smallest absolute values. */
export class L1Unstructured extends BasePruningMethod {
  PRUNING_TYPE: PruningType = "unstructured";
  amount: number;
  constructor(amount: number | { amount: number }) {
    super();
    const a = parseArgs("L1Unstructured", [amount], ["amount"]).amount;
    validateAmountInit(a);
    this.amount = a;
  }
  compute_mask(t: Tensor, default_mask: Tensor): Tensor {
    const n = nparamsToPrune(this.amount, t.numel());
    const mask = floats(default_mask);
    if (n !== 0) for (const i of t.abs().reshape(-1).topk(n, { largest: false }).indices.dataSync()) mask[i] = 0;
    return fromValues(mask, default_mask);
  }
}

/** Prunes `amount` of the slices along `dim` (default -1), chosen at random. */
export class RandomStructured extends BasePruningMethod {
  PRUNING_TYPE: PruningType = "structured";
  amount: number;
  dim: number;
  constructor(amount: number | { amount: number; dim?: number }, dim?: number | { dim?: number }) {
    super();
    const o = parseArgs("RandomStructured", [amount, dim], ["amount", "dim"]);
    validateAmountInit(o.amount);
    this.amount = o.amount;
    this.dim = (o.dim as number | undefined) ?? -1;
  }
  compute_mask(t: Tensor, default_mask: Tensor): Tensor {
    validateStructured(t, this.dim);
    const size = t.shape[this.dim < 0 ? this.dim + t.dim() : this.dim];
    const n = nparamsToPrune(this.amount, size);
    if (n === 0) return default_mask;
    const prob = rand(size);
    const threshold = prob.kthvalue(n).values.item();
    const p = prob.dataSync();
    return channelMask(t, this.dim, (c) => p[c] > threshold, default_mask);
  }
}

/** Prunes `amount` of the slices along `dim` with the smallest `n`-norm. */
export class LnStructured extends BasePruningMethod {
  PRUNING_TYPE: PruningType = "structured";
  amount: number;
  n: number | "fro";
  dim: number;
  constructor(amount: number | { amount: number; n: number | "fro"; dim?: number }, n?: number | "fro" | { n: number | "fro"; dim?: number }, dim?: number | { dim?: number }) {
    super();
    const o = parseArgs("LnStructured", [amount, n, dim], ["amount", "n", "dim"]);
    validateAmountInit(o.amount);
    this.amount = o.amount;
    if (o.n === undefined) throw new TypeError("LnStructured() missing required argument 'n'");
    this.n = o.n as number | "fro";
    this.dim = (o.dim as number | undefined) ?? -1;
  }
  compute_mask(t: Tensor, default_mask: Tensor): Tensor {
    validateStructured(t, this.dim);
    const dim = this.dim < 0 ? this.dim + t.dim() : this.dim;
    const size = t.shape[dim];
    const n = nparamsToPrune(this.amount, size);
    const others = [...Array(t.dim()).keys()].filter((d) => d !== dim);
    const norm = t.norm(this.n, others);
    const keep = new Set(norm.topk(size - n).indices.dataSync());
    if (n === 0) return default_mask;
    return channelMask(t, dim, (c) => keep.has(c), default_mask);
  }
}

/** Prunes where `mask` is 0. */
export class CustomFromMask extends BasePruningMethod {
  PRUNING_TYPE: PruningType = "global";
  mask: Tensor;
  constructor(mask: Tensor | { mask: Tensor }) {
    super();
    this.mask = parseArgs("CustomFromMask", [mask], ["mask"]).mask as Tensor;
  }
  compute_mask(t: Tensor, default_mask: Tensor): Tensor {
    void t;
    if (default_mask.shape.join() !== this.mask.shape.join()) {
      throw new ValueError(`custom_from_mask(): mask of shape ${fmtSize(this.mask.shape)} does not match the parameter's ${fmtSize(default_mask.shape)}`);
    }
    return default_mask.mul(this.mask.to(default_mask.dtype));
  }
}

function applyPruning(module: Module, name: string, fresh: BasePruningMethod, importance_scores: Tensor | null): BasePruningMethod {
  if (!(module instanceof Module)) throw new TypeError(`prune: module must be an nn.Module, got ${describe(module)}`);
  let old: BasePruningMethod | null = null;
  for (const [k, hook] of [...module._forward_pre_hooks]) {
    if (hook instanceof BasePruningMethod && hook._tensor_name === name) {
      old = hook;
      module._forward_pre_hooks.delete(k);
    }
  }
  fresh._tensor_name = name;
  let method = fresh;
  if (old instanceof PruningContainer) {
    old.add_pruning_method(fresh);
    method = old;
  } else if (old !== null) {
    method = new PruningContainer(old);
    (method as PruningContainer).add_pruning_method(fresh);
  }
  const orig = field(module, name);
  if (!(orig instanceof Tensor)) throw new RuntimeError(`prune: module ${module._get_name()} has no parameter or tensor named '${name}'`);
  if (importance_scores !== null && importance_scores.shape.join() !== orig.shape.join()) {
    throw new ValueError(`importance_scores should have the same shape as parameter ${name} of ${String(module)}`);
  }
  const scores = importance_scores ?? orig;
  const first = !(method instanceof PruningContainer);
  let default_mask: Tensor;
  if (first) {
    if (!(orig instanceof Parameter)) throw new TypeError(`prune: '${name}' of ${module._get_name()} is not a Parameter`);
    delete (module as unknown as Fields)[name];
    module.register_parameter(name + "_orig", orig);
    default_mask = ones_like(orig);
  } else {
    default_mask = (field(module, name + "_mask") as Tensor).detach().clone();
  }
  try {
    const mask = no_grad(() => method.compute_mask(scores.detach(), default_mask));
    module.register_buffer(name + "_mask", mask);
    (module as unknown as Fields)[name] = method.apply_mask(module);
    module.register_forward_pre_hook(method as unknown as (m: Module, i: unknown) => unknown);
  } catch (e) {
    if (first) {
      const o = field(module, name + "_orig") as Parameter;
      delete (module as unknown as Fields)[name + "_orig"];
      delete (module as unknown as Fields)[name];
      module.register_parameter(name, o);
    }
    throw e;
  }
  return method;
}

/** Leaves `name` of `module` unpruned but reparametrised as `name_orig * name_mask` (a mask of ones). */
export function identity<M extends Module>(module: M, name: string): M {
  applyPruning(module, name, new Identity(), null);
  return module;
}

/** Prunes `amount` (a fraction, or a count when whole) of `name`'s entries at random. */
export function random_unstructured<M extends Module>(module: M, name: string | { name: string; amount: number }, amount?: number | { amount: number }): M {
  const o = parseArgs("random_unstructured", [name, amount], ["name", "amount"]);
  applyPruning(module, o.name as string, new RandomUnstructured(o.amount as number), null);
  return module;
}

/**
 * Prunes `amount` (a fraction, or a count when whole) of `name`'s entries with the smallest absolute
 * value (or `importance_scores`).
 *
 * @example
 * prune.l1_unstructured(model.conv1, "bias", 3);
 * model.conv1.named_buffers()  // [["bias_mask", tensor([...])]]
 */
export function l1_unstructured<M extends Module>(module: M, name: string | { name: string; amount: number; importance_scores?: Tensor | null }, amount?: number | { amount: number; importance_scores?: Tensor | null }, options?: { importance_scores?: Tensor | null }): M {
  const o = parseArgs("l1_unstructured", [name, amount, options], ["name", "amount", "importance_scores"]);
  applyPruning(module, o.name as string, new L1Unstructured(o.amount as number), (o.importance_scores as Tensor | null | undefined) ?? null);
  return module;
}

/** Prunes `amount` of the slices of `name` along `dim`, chosen at random. */
export function random_structured<M extends Module>(module: M, name: string | { name: string; amount: number; dim: number }, amount?: number | { amount: number; dim: number }, dim?: number | { dim: number }): M {
  const o = parseArgs("random_structured", [name, amount, dim], ["name", "amount", "dim"]);
  if (o.dim === undefined) throw new TypeError("random_structured() missing required argument 'dim'");
  applyPruning(module, o.name as string, new RandomStructured(o.amount as number, o.dim as number), null);
  return module;
}

/**
 * Prunes `amount` of the slices of `name` along `dim` with the smallest `n`-norm (or of
 * `importance_scores`).
 *
 * @example
 * prune.ln_structured(model.conv1, "weight", 0.5, 2, 0);  // half the output channels, by L2 norm
 */
export function ln_structured<M extends Module>(
  module: M,
  name: string | { name: string; amount: number; n: number | "fro"; dim: number; importance_scores?: Tensor | null },
  amount?: number | { amount: number; n: number | "fro"; dim: number; importance_scores?: Tensor | null },
  n?: number | "fro" | { n: number | "fro"; dim: number; importance_scores?: Tensor | null },
  dim?: number | { dim: number; importance_scores?: Tensor | null },
  options?: { importance_scores?: Tensor | null },
): M {
  const o = parseArgs("ln_structured", [name, amount, n, dim, options], ["name", "amount", "n", "dim", "importance_scores"]);
  if (o.n === undefined || o.dim === undefined) throw new TypeError(`ln_structured() missing required argument '${o.n === undefined ? "n" : "dim"}'`);
  applyPruning(module, o.name as string, new LnStructured(o.amount as number, o.n as number, o.dim as number), (o.importance_scores as Tensor | null | undefined) ?? null);
  return module;
}

/** Prunes `name` of `module` where `mask` is 0. */
export function custom_from_mask<M extends Module>(module: M, name: string | { name: string; mask: Tensor }, mask?: Tensor | { mask: Tensor }): M {
  const o = parseArgs("custom_from_mask", [name, mask], ["name", "mask"]);
  applyPruning(module, o.name as string, new CustomFromMask(o.mask as Tensor), null);
  return module;
}

type MethodClass = new (options: Record<string, unknown>) => BasePruningMethod;

/**
 * Prunes the given (module, name) pairs together: `pruning_method` (an unstructured method class,
 * e.g. `prune.L1Unstructured`) ranks all their entries as one vector. `importance_scores` maps
 * (module, name) pairs, as given in `parameters`, to tensors ranked instead of the parameters.
 * Options besides `importance_scores` go to the method (`amount`).
 *
 * @example
 * prune.global_unstructured([[model.conv1, "weight"], [model.fc1, "weight"]], prune.L1Unstructured, {amount: 0.2});
 */
export function global_unstructured(
  parameters: Iterable<readonly [Module, string]>,
  pruning_method: MethodClass | (new (...args: never[]) => BasePruningMethod) | GlobalOptions,
  options: GlobalOptions = {},
): void {
  if (parameters === null || typeof (parameters as Iterable<unknown>)?.[Symbol.iterator] !== "function") throw new TypeError("global_unstructured(): parameters is not an Iterable");
  // PyTorch's `global_unstructured(parameters, pruning_method=prune.L1Unstructured, amount=0.2)`: the method as a keyword.
  if (isOptions(pruning_method)) {
    if (Object.keys(options).length > 0) throw new TypeError("global_unstructured(): with pruning_method given as a keyword ({pruning_method, ...}), every other argument goes in that same options object");
    const { pruning_method: method, ...rest } = pruning_method;
    if (method === undefined) throw new TypeError("global_unstructured() missing 1 required positional argument: 'pruning_method'");
    [pruning_method, options] = [method, rest];
  }
  const { importance_scores, ...kwargs } = options;
  if (importance_scores !== undefined && importance_scores !== null && !(importance_scores instanceof Map)) throw new TypeError("global_unstructured(): importance_scores must be of type dict");
  const pairs = [...parameters];
  const scoreOf = (m: Module, n: string): Tensor => {
    for (const [[km, kn], v] of importance_scores ?? []) if (km === m && kn === n) return v;
    return field(m, n) as Tensor;
  };
  const flat = (ts: Tensor[]): Tensor => no_grad(() => cat(ts.map((x) => x.detach().reshape(-1))));
  const scores = flat(pairs.map(([m, n]) => scoreOf(m, n)));
  const default_mask = flat(pairs.map(([m, n]) => (field(m, n + "_mask") as Tensor | undefined) ?? ones_like(field(m, n) as Tensor)));
  const container = new PruningContainer();
  container._tensor_name = "temp";
  const method = new (pruning_method as MethodClass)(kwargs);
  method._tensor_name = "temp";
  if (method.PRUNING_TYPE !== "unstructured") {
    throw new TypeError(`Only "unstructured" PRUNING_TYPE supported for the \`pruning_method\`. Found method <class 'torch.nn.utils.prune.${pruning_method.name}'> of type ${method.PRUNING_TYPE}`);
  }
  container.add_pruning_method(method);
  const final = no_grad(() => container.compute_mask(scores, default_mask));
  let pointer = 0;
  for (const [m, n] of pairs) {
    const p = field(m, n) as Tensor;
    custom_from_mask(m, n, final.narrow(0, pointer, p.numel()).reshape(p.shape));
    pointer += p.numel();
  }
}

type GlobalOptions = {
  pruning_method?: MethodClass | (new (...args: never[]) => BasePruningMethod);
  importance_scores?: Map<readonly [Module, string], Tensor> | null;
  [kwarg: string]: unknown;
};

/**
 * Makes the pruning of `name` permanent: removes the hook, `name_orig` and `name_mask`, and leaves the
 * pruned values in the Parameter `name`.
 */
export function remove<M extends Module>(module: M, name: string): M {
  for (const [k, hook] of [...module._forward_pre_hooks]) {
    if (hook instanceof BasePruningMethod && hook._tensor_name === name) {
      hook.remove(module);
      module._forward_pre_hooks.delete(k);
      return module;
    }
  }
  throw new ValueError(`Parameter '${name}' of module ${String(module)} has to be pruned before pruning can be removed`);
}

/** Whether any module in `module`'s tree carries a pruning hook. */
export function is_pruned(module: Module): boolean {
  return module.modules().some((m) => [...m._forward_pre_hooks.values()].some((h) => h instanceof BasePruningMethod));
}
