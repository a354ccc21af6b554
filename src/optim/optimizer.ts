/**
 * torch.optim.Optimizer: parameter groups, per-parameter state, zero_grad, state_dict and
 * load_state_dict, with PyTorch 1.13's structure and error messages.
 */
import { Tensor } from "../tensor/tensor";
import { enable_grad } from "../autograd/grad_mode";
import { isOptions } from "../tensor/args";
import { NotImplementedError, TypeError, ValueError } from "../errors";
import * as M from "../ops/movement";
import { tensor, zeros_like } from "../ops/creation";
import { zerosForeach } from "../ops/optim_kernels";
import { asPyIntKeyed, asPyTuple, markPyFloat } from "../pyrepr";

/** A value in an optimizer's per-parameter state (momentum buffers, step counts, LBFGS's history lists, ...). */
export type StateValue = Tensor | number | boolean | null | (Tensor | null)[];
export type ParamState = Record<string, StateValue>;

/** A parameter group as the optimizer holds it: the parameters plus every hyper-parameter. */
export interface ParamGroup {
  params: Tensor[];
  lr: number;
  [option: string]: unknown;
}

/** The default hyper-parameters of every group (`optimizer.defaults['lr']`). */
export interface OptimizerDefaults {
  lr: number;
  [option: string]: unknown;
}

/** A parameter group as a user passes it: `{params: net.fc.parameters(), lr: 1e-3}`. */
export interface ParamGroupInput {
  params: Tensor | Iterable<Tensor>;
  [option: string]: unknown;
}

/** What an optimizer is constructed from: tensors, or parameter groups with their own options. */
export type ParamsArg = Iterable<Tensor> | Iterable<ParamGroupInput>;
/** `optim.SGD(params=net.parameters(), lr=1)`: the parameters given by keyword, with the other options. */
export type ParamsKeyword<Options> = Options & { params: ParamsArg };

/** True for the keyword form `{params: ..., lr: ...}` (an object that is not itself an iterable of parameters). */
export function isParamsKeyword(params: unknown): params is { params: ParamsArg } {
  return isOptions(params) && "params" in (params as object) && typeof (params as unknown as Iterable<unknown>)[Symbol.iterator] !== "function";
}

/** `optimizer.state_dict()`: state keyed by parameter index, groups with `params` as indices. */
export interface OptimizerStateDict {
  state: Record<number, ParamState>;
  param_groups: (Record<string, unknown> & { params: number[] })[];
}

/** Marks a hyper-parameter without a default (SGD's lr), as PyTorch's `required`. */
export const required: unique symbol = Symbol("required");

/** The loss a closure returns: a tensor or a number. */
export type Closure = () => Tensor | number;

function typename(x: unknown): string {
  if (x instanceof Tensor) return x.type() as string;
  if (x === null || x === undefined) return "NoneType";
  if (Array.isArray(x)) return "list";
  if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
  if (typeof x === "object") return (x as object).constructor?.name ?? "object";
  return typeof x;
}

/** Python's repr of a float/int/bool/None/tuple, so printed optimizers read like PyTorch's. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") {
    if (Number.isInteger(v) || !Number.isFinite(v)) return Number.isFinite(v) ? String(v) : v > 0 ? "inf" : v < 0 ? "-inf" : "nan";
    const a = Math.abs(v);
    if (a >= 1e-4 && a < 1e16) return String(v);
    const [mant, exp] = v.toExponential().split("e");
    const e = Number(exp);
    return `${mant}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (typeof v === "string") return `'${v}'`;
  if (Array.isArray(v)) return `(${v.map(pyRepr).join(", ")}${v.length === 1 ? "," : ""})`;
  if (typeof v === "function") return `<function ${v.name || "<lambda>"}>`;
  return String(v);
}

/**
 * Options that are Python floats in PyTorch (their defaults are float literals), printed as such
 * (`lr: 1.0`); JavaScript has one number type, so the others print as Python prints their usual
 * integer defaults (`momentum: 0`).
 */
const FLOAT_OPTIONS = new Set(["lr", "eps", "rho", "alpha", "betas", "momentum_decay", "initial_lr", "max_lr", "min_lr", "max_momentum", "base_momentum"]);

function pyFloatRepr(v: unknown): string {
  if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  if (Array.isArray(v)) return `(${v.map(pyFloatRepr).join(", ")}${v.length === 1 ? "," : ""})`;
  return pyRepr(v);
}

/**
 * Base class of all optimizers.
 *
 * Args:
 *   params: an iterable of Tensors, or of parameter groups (`{params, ...options}`) whose options
 *     override the defaults for their parameters.
 *   defaults: the default hyper-parameters of every group.
 *
 * @example
 * const opt = new torch.optim.SGD([
 *   {params: net.base.parameters()},
 *   {params: net.classifier.parameters(), lr: 1e-3},
 * ], {lr: 1e-2, momentum: 0.9});
 *
 * @example
 * // A custom optimizer, PyTorch-style: override step() and update the parameters in place.
 * class SignSGD extends torch.optim.Optimizer {
 *   constructor(params: Tensor[], lr = 0.01) { super(params, {lr}); }
 *   step() {
 *     torch.no_grad(() => {
 *       for (const g of this.param_groups)
 *         for (const p of g.params) if (p.grad) p.sub_(p.grad.sign().mul(g.lr));
 *     });
 *     return undefined;
 *   }
 * }
 */
export class Optimizer {
  defaults: OptimizerDefaults;
  /** Per-parameter state, keyed by the parameter tensor itself (PyTorch's `optimizer.state`). */
  state: Map<Tensor, ParamState> = new Map();
  param_groups: ParamGroup[] = [];
  /** @internal counted (once a scheduler is attached) for the lr_scheduler's "step order" warning. */
  _step_count = 0;
  /** Whether state['step'] is a 0-d float tensor in state_dict() (Adam/AdamW) rather than an int. */
  protected _tensorStep = false;
  /** Other state entries kept as numbers here but saved as 0-d float tensors (NAdam's mu_product). */
  protected _scalarTensors: readonly string[] = [];
  /** Options whose PyTorch default is an int literal although they are floats elsewhere (LBFGS's lr=1); a getter, read in the base constructor. */
  protected get _intOptions(): readonly string[] {
    return [];
  }

  constructor(params: ParamsArg | ParamsKeyword<object>, defaults: Record<string, unknown>) {
    this.defaults = this._floatOptions(defaults) as OptimizerDefaults;
    // The keyword form's other options reached the subclass through keywordArgs.
    if (isParamsKeyword(params)) params = params.params;
    if (params instanceof Tensor) {
      throw new TypeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${typename(params)}`);
    }
    if (params === null || params === undefined || typeof (params as Iterable<unknown>)[Symbol.iterator] !== "function") {
      throw new TypeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${typename(params)}`);
    }
    let groups = Array.from(params as Iterable<unknown>);
    if (groups.length === 0) throw new ValueError("optimizer got an empty parameter list");
    if (!isOptions(groups[0])) groups = [{ params: groups }];
    for (const g of groups) this.add_param_group(g as ParamGroupInput);
  }

  /**
   * Adds a parameter group (e.g. layers unfrozen during fine-tuning) with its own options; missing
   * options take the optimizer's defaults.
   */
  add_param_group(param_group: ParamGroupInput): void {
    if (!isOptions(param_group)) throw new TypeError("param group must be a dict");
    const raw = param_group.params;
    let params: unknown[];
    if (raw instanceof Tensor) params = [raw];
    else if (raw instanceof Set) {
      throw new TypeError("optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.");
    } else if (raw !== null && raw !== undefined && typeof (raw as Iterable<unknown>)[Symbol.iterator] === "function") params = Array.from(raw as Iterable<unknown>);
    else throw new TypeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${typename(raw)}`);
    for (const p of params) {
      if (!(p instanceof Tensor)) throw new TypeError(`optimizer can only optimize Tensors, but one of the params is ${typename(p)}`);
      if (!(p.is_leaf || p.retains_grad)) throw new ValueError("can't optimize a non-leaf Tensor");
    }
    const group: Record<string, unknown> = { ...param_group, params };
    for (const [name, def] of Object.entries(this.defaults)) {
      if (def === required && !(name in group)) {
        throw new ValueError(`parameter group didn't specify a value of required optimization parameter ${name}`);
      }
      if (!(name in group)) group[name] = def;
    }
    const tensors = params as Tensor[];
    if (new Set(tensors).size !== tensors.length) {
      process.emitWarning(
        "optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more information",
        "UserWarning",
      );
    }
    const seen = new Set<Tensor>();
    for (const g of this.param_groups) for (const p of g.params) seen.add(p);
    if (tensors.some((p) => seen.has(p))) throw new ValueError("some parameters appear in more than one parameter group");
    this.param_groups.push(this._floatOptions(group) as ParamGroup);
  }

  /**
   * Clears the gradients of every optimized tensor. As in PyTorch 1.13, the default fills them with
   * zeros in place; `set_to_none: true` drops them instead (then `.grad` is null until the next
   * backward, and optimizers skip parameters without a gradient).
   */
  zero_grad(set_to_none: boolean | { set_to_none?: boolean } = false): void {
    const none = typeof set_to_none === "boolean" ? set_to_none : isOptions(set_to_none) ? Boolean(set_to_none.set_to_none) : false;
    const grads: Tensor[] = [];
    for (const group of this.param_groups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (none) {
          p.grad = null;
          continue;
        }
        if (p.grad.grad_fn !== null) p.grad.detach_();
        else p.grad.requires_grad_(false);
        if (!grads.includes(p.grad)) grads.push(p.grad);
      }
    }
    zerosForeach(grads);
  }

  /**
   * Performs one optimization step. `closure` re-evaluates the model and returns the loss (needed
   * by optimizers that evaluate it several times); its result is returned.
   */
  step(closure?: Closure): Tensor | number | undefined {
    let loss: Tensor | number | undefined;
    if (closure !== undefined) {
      if (typeof closure !== "function") throw new TypeError(`step(): closure must be a function, not ${typename(closure)}`);
      loss = enable_grad(closure);
    }
    for (const group of this.param_groups) this._updateGroup(group);
    return loss;
  }

  /**
   * The update of one group (parameters without a gradient are skipped). The built-in optimizers
   * implement this; a custom optimizer may instead override `step()` as in PyTorch.
   */
  protected _updateGroup(group: ParamGroup): void {
    void group;
    throw new NotImplementedError(`${this.constructor.name} must override step() (or _updateGroup(group))`);
  }

  /** @internal the state of `p`, created empty on first use (PyTorch's defaultdict). */
  _stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /**
   * @internal The parameters of `group` that have a gradient, each with its state buffers `names`
   * (zeros where missing; an empty state first takes `fresh`, so its keys come in PyTorch's order)
   * and its step number, incremented for this step.
   */
  *_steps(group: ParamGroup, names: readonly string[], fresh: ParamState = { step: 0 }): Generator<{ p: Tensor; grad: Tensor; buffers: Tensor[]; step: number }> {
    for (const p of group.params) {
      if (p.grad === null) continue;
      const state = this._stateOf(p);
      if (Object.keys(state).length === 0) Object.assign(state, fresh);
      const buffers = names.map((n) => (state[n] instanceof Tensor ? (state[n] as Tensor) : (state[n] = zeros_like(p))));
      const step = (state.step as number) + 1;
      state.step = step;
      yield { p, grad: p.grad, buffers, step };
    }
  }

  /**
   * The optimizer's state as a plain object: `state` keyed by the parameter's position across all
   * groups, and `param_groups` with every option and `params` as those positions. The tensors are
   * the live state (as in PyTorch); torch.save copies them out.
   */
  state_dict(): OptimizerStateDict {
    const index = new Map<Tensor, number>();
    let start = 0;
    const param_groups = this.param_groups.map((g) => {
      const packed: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(g)) if (k !== "params") packed[k] = Array.isArray(v) ? asPyTuple(v.slice()) : v; // betas: (0.9, 0.999)
      g.params.forEach((p, i) => {
        if (!index.has(p)) index.set(p, start + i);
      });
      packed.params = g.params.map((p) => index.get(p) as number);
      start += g.params.length;
      return packed as Record<string, unknown> & { params: number[] };
    });
    // Keyed by int in PyTorch: the keys are the indices' digits here, marked to print as ints ({0: {...}}).
    const state: Record<number, ParamState> = asPyIntKeyed({});
    for (const [p, s] of this.state) {
      const i = index.get(p);
      if (i === undefined) continue;
      const out: ParamState = {};
      for (const [k, v] of Object.entries(s)) {
        const asTensor = (k === "step" && this._tensorStep) || this._scalarTensors.includes(k);
        out[k] = asTensor && typeof v === "number" ? tensor(v, { dtype: "float32" }) : v;
      }
      state[i] = out;
    }
    return { state, param_groups };
  }

  /**
   * Restores state saved by state_dict() (possibly through torch.save/torch.load, or from a
   * PyTorch checkpoint). The groups must have the same sizes; their options are taken from the
   * saved groups. Tensors are copied, so the loaded dict can be reused.
   */
  load_state_dict(state_dict: OptimizerStateDict): void {
    if (!isOptions(state_dict) || !Array.isArray(state_dict.param_groups) || !isOptions(state_dict.state)) {
      throw new ValueError("load_state_dict(): expected an object with 'state' and 'param_groups', as returned by optimizer.state_dict()");
    }
    const saved = state_dict.param_groups;
    if (saved.length !== this.param_groups.length) throw new ValueError("loaded state dict has a different number of parameter groups");
    saved.forEach((sg, i) => {
      if (!Array.isArray(sg.params) || sg.params.length !== this.param_groups[i].params.length) {
        throw new ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
    });
    const idMap = new Map<string, Tensor>();
    saved.forEach((sg, i) => sg.params.forEach((id, j) => idMap.set(String(id), this.param_groups[i].params[j])));
    const state = new Map<Tensor, ParamState>();
    for (const [key, value] of Object.entries(state_dict.state)) {
      const p = idMap.get(key);
      if (p === undefined || !isOptions(value)) continue;
      const s: ParamState = {};
      for (const [k, v] of Object.entries(value as ParamState)) {
        if (k === "step" || this._scalarTensors.includes(k)) s[k] = v instanceof Tensor ? v.item() : v;
        else if (v instanceof Tensor) {
          if (v.shape.join(",") !== p.shape.join(",")) {
            throw new ValueError(`loaded state dict has a '${k}' of shape [${v.shape.join(", ")}] for a parameter of shape [${p.shape.join(", ")}]`);
          }
          s[k] = M.clone(v.detach()).to(p.dtype);
        } else s[k] = v;
      }
      state.set(p, s);
    }
    this.state = state;
    this.param_groups = saved.map((sg, i) => {
      const g: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(sg)) g[k] = Array.isArray(v) ? v.slice() : v;
      g.params = this.param_groups[i].params;
      return this._floatOptions(g) as ParamGroup;
    });
  }

  /**
   * `group` with its float options (FLOAT_OPTIONS) marked Python floats, as its repr prints them, so that
   * the notebook's `optimizer.param_groups[0]['lr']` prints `1.0` for lr=1.0, and still after a scheduler's step.
   */
  private _floatOptions(group: Record<string, unknown>): Record<string, unknown> {
    for (const k of FLOAT_OPTIONS) if (typeof group[k] === "number" && !this._intOptions.includes(k)) markPyFloat(group, k);
    return group;
  }

  /** An option's printed value where a subclass knows better than the shared float/int rule (undefined: the rule). */
  protected _reprOption(key: string, value: unknown): string | undefined {
    void key;
    void value;
    return undefined;
  }

  /** PyTorch's printed form: one block per group, options sorted by name. */
  toString(): string {
    let out = `${this.constructor.name} (`;
    this.param_groups.forEach((g, i) => {
      out += `\nParameter Group ${i}\n`;
      for (const k of Object.keys(g).sort()) {
        if (k !== "params") out += `    ${k}: ${this._reprOption(k, g[k]) ?? (FLOAT_OPTIONS.has(k) && !this._intOptions.includes(k) ? pyFloatRepr(g[k]) : pyRepr(g[k]))}\n`;
      }
    });
    return out + ")";
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** Reads a numeric option of a group. */
export function num(group: ParamGroup, name: string): number {
  return group[name] as number;
}

/** Reads a boolean option of a group. */
export function flag(group: ParamGroup, name: string): boolean {
  return Boolean(group[name]);
}
