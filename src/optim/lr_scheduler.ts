/**
 * torch.optim.lr_scheduler: learning-rate schedules that rewrite `optimizer.param_groups[i].lr`,
 * with PyTorch 1.13's recursive ("chainable") formulas, so that two schedulers on one optimizer
 * compose the way they do in PyTorch. Call `scheduler.step()` after `optimizer.step()`, once per
 * epoch (or per iteration, if that is the schedule's unit).
 */
import { Tensor } from "../tensor/tensor";
import { TypeError, ValueError } from "../errors";
import { parseArgs } from "../tensor/args";
import { Optimizer } from "./optimizer";
import { asPyTuple, isPyFloatAt, markPyFloat, pyDefaultRepr } from "../pyrepr";
import { scoped } from "../backend/scopes";

/** The module's Python name (`scheduler.__module__ == lr_scheduler.__name__` tells PyTorch's schedulers from a notebook's). */
export const __name__ = "torch.optim.lr_scheduler";

/** Python's KeyError, raised where PyTorch raises it (resuming without `initial_lr`). */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyError";
  }
}

const EPOCH_DEPRECATION_WARNING =
  "The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. " +
  "Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different from None, " +
  "the closed form is used instead of the new chainable form, where available. Please open an issue if you are unable to replicate your use case: " +
  "https://github.com/pytorch/pytorch/issues/new/choose.";

function warn(message: string): void {
  process.emitWarning(message, "UserWarning");
}

/** Python's `'{:.4e}'.format(x)`. */
function sci(x: number): string {
  const [m, e] = x.toExponential(4).split("e");
  const n = Number(e);
  return `${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
}

function checkOptimizer(optimizer: unknown): Optimizer {
  if (!(optimizer instanceof Optimizer)) {
    const name = optimizer === null ? "NoneType" : typeof optimizer === "object" ? (optimizer as object).constructor?.name ?? "object" : typeof optimizer;
    throw new TypeError(`${name} is not an Optimizer`);
  }
  return optimizer;
}

const COUNTED = Symbol("torchlab.step_counted");
/** The schedulers of an optimizer whose first step waits for their subclass's constructor to end. */
const PENDING = Symbol("torchlab.pending_schedulers");

function pendingOf(optimizer: Optimizer): Set<LRScheduler> {
  const own = optimizer as unknown as { [PENDING]?: Set<LRScheduler> };
  if (!own[PENDING]) Object.defineProperty(own, PENDING, { value: new Set<LRScheduler>(), enumerable: false });
  return own[PENDING] as Set<LRScheduler>;
}

/**
 * Makes `optimizer.step()` count its calls (PyTorch's `with_counter`), so a scheduler can warn when
 * it is stepped before the optimizer. Works for custom optimizers that override step().
 */
function countSteps(optimizer: Optimizer): void {
  const current = optimizer.step as Optimizer["step"] & { [COUNTED]?: boolean };
  if (current[COUNTED]) return;
  const counted = function (this: unknown, ...args: Parameters<Optimizer["step"]>): ReturnType<Optimizer["step"]> {
    for (const scheduler of [...pendingOf(optimizer)]) scheduler._initial_step();
    optimizer._step_count++;
    return current.apply(optimizer, args);
  } as Optimizer["step"] & { [COUNTED]?: boolean };
  counted[COUNTED] = true;
  Object.defineProperty(optimizer, "step", { value: counted, enumerable: false, writable: true, configurable: true });
}

/** A scheduler's state as state_dict() returns it: every attribute except the optimizer. */
export type SchedulerStateDict = Record<string, unknown>;

/** The attributes _LRScheduler.__init__ and its first step() set, in the order they are set. */
const SCHEDULER_BASE_KEYS = ["base_lrs", "last_epoch", "verbose", "_step_count", "_get_lr_called_within_step", "_last_lr"];

/**
 * `obj`'s enumerable fields as a state dict (arrays copied), `keys` first when `keysFirst`, else
 * last, in that order, the others in definition order.
 */
function orderedState(obj: object, keys: readonly string[], keysFirst: boolean): SchedulerStateDict {
  const own = obj as Record<string, unknown>;
  const copy = (v: unknown): unknown => (Array.isArray(v) ? v.slice() : v);
  const out: SchedulerStateDict = {};
  const listed = (): void => {
    for (const k of keys) if (Object.prototype.propertyIsEnumerable.call(own, k)) out[k] = copy(own[k]);
  };
  if (keysFirst) listed();
  for (const [k, v] of Object.entries(own)) if (!keys.includes(k)) out[k] = copy(v);
  if (!keysFirst) listed();
  return out;
}

/** A copy of `lrs`, the groups' last learning rates: Python's floats where the group's lr is one (src/optim/optimizer.ts marks it), `[0.1]` printing as PyTorch's. */
function floatLrs(optimizer: Optimizer, lrs: readonly number[]): number[] {
  const out = lrs.slice();
  optimizer.param_groups.forEach((g, i) => {
    if (i < out.length && isPyFloatAt(g, "lr")) markPyFloat(out, i);
  });
  return out;
}

/**
 * Base class of the epoch-indexed schedulers (PyTorch's `_LRScheduler`, called `LRScheduler` from
 * 2.0). PyTorch's constructor takes the first `step()` (epoch 0's lr, through the subclass's `get_lr`),
 * and its subclasses set their fields before `super().__init__(optimizer)`; JavaScript sets them after
 * `super(...)`, so the first step waits until the subclass's constructor has run: torchlab's
 * schedulers call `this._initial_step()` at its end, and a user's subclass written as PyTorch's
 * (UvA's `CosineWarmupScheduler` with `get_lr` and its own fields) takes it at its first `step()`,
 * `get_last_lr()`, `state_dict()` or `optimizer.step()`, whichever comes first, so the optimizer steps
 * with epoch 0's lr and the schedule's values are PyTorch's.
 */
export abstract class LRScheduler {
  /** Python's `type(self).__module__`: `"torch.optim.lr_scheduler"`, `"__main__"` for a notebook's subclass. */
  declare readonly __module__: string;
  optimizer!: Optimizer;
  base_lrs!: number[];
  last_epoch!: number;
  verbose!: boolean;
  _step_count = 0;
  _get_lr_called_within_step = false;
  _last_lr: number[] = [];

  constructor(optimizer: Optimizer, last_epoch = -1, verbose = false) {
    Object.defineProperty(this, "optimizer", { value: checkOptimizer(optimizer), enumerable: false, writable: true });
    if (!Number.isInteger(last_epoch)) throw new TypeError(`last_epoch must be an integer, got ${String(last_epoch)}`);
    if (last_epoch === -1) {
      for (const g of optimizer.param_groups) if (!("initial_lr" in g)) g.initial_lr = g.lr;
    } else {
      optimizer.param_groups.forEach((g, i) => {
        if (!("initial_lr" in g)) throw new KeyError(`param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`);
      });
    }
    this.base_lrs = optimizer.param_groups.map((g) => g.initial_lr as number);
    this.last_epoch = last_epoch;
    this.verbose = verbose;
    countSteps(optimizer);
    pendingOf(optimizer).add(this);
  }

  /** @internal the step every scheduler takes on construction (sets lr for epoch 0). */
  _initial_step(): void {
    pendingOf(this.optimizer).delete(this);
    this.optimizer._step_count = 0;
    this._step_count = 0;
    this.step();
  }

  /** The learning rates this scheduler set last, one per parameter group. */
  get_last_lr(): number[] {
    this._take_pending_step();
    return floatLrs(this.optimizer, this._last_lr);
  }

  /** The chainable formula: next lrs from the current ones. */
  abstract get_lr(): number[];

  /** The closed form for an explicit epoch, where the schedule has one. */
  protected _get_closed_form_lr?(): number[];

  print_lr(is_verbose: boolean, group: number, lr: number, epoch?: number): void {
    if (!is_verbose) return;
    if (epoch === undefined) console.log(`Adjusting learning rate of group ${group} to ${sci(lr)}.`);
    else {
      const e = Number.isInteger(epoch) ? String(epoch).padStart(5, "0") : epoch.toFixed(2);
      console.log(`Epoch ${e}: adjusting learning rate of group ${group} to ${sci(lr)}.`);
    }
  }

  /**
   * Runs `fn` as PyTorch's `with _enable_get_lr_call(self):`, a registered scope: a cell stopped
   * inside a slow lr_lambda leaves the flag off, as KeyboardInterrupt's `__exit__` does.
   */
  protected withinStep<T>(fn: () => T): T {
    return scoped(() => {
      this._get_lr_called_within_step = true;
      return () => {
        this._get_lr_called_within_step = false;
      };
    }, fn);
  }

  /** Advances one epoch (or sets `epoch`, deprecated) and writes the new lrs into the optimizer. */
  step(epoch?: number): void {
    this._take_pending_step();
    if (this._step_count === 1 && this.optimizer._step_count < 1) {
      warn(
        "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: " +
          "`optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. " +
          "See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",
      );
    }
    this._step_count++;
    const values = this.withinStep(() => {
      if (epoch === undefined) {
        this.last_epoch++;
        return this.get_lr();
      }
      warn(EPOCH_DEPRECATION_WARNING);
      this.last_epoch = epoch;
      return this._get_closed_form_lr ? this._get_closed_form_lr() : this.get_lr();
    });
    this.optimizer.param_groups.forEach((g, i) => {
      if (i >= values.length) return;
      g.lr = values[i];
      this.print_lr(this.verbose, i, values[i], epoch);
    });
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  /**
   * Every attribute except the optimizer (PyTorch's `__dict__` minus `optimizer`), in PyTorch's order:
   * a subclass's own fields first (PyTorch sets them before `super().__init__`, JavaScript after),
   * then the base class's.
   */
  state_dict(): SchedulerStateDict {
    this._take_pending_step();
    return orderedState(this, SCHEDULER_BASE_KEYS, false);
  }

  load_state_dict(state_dict: SchedulerStateDict): void {
    for (const [k, v] of Object.entries(state_dict)) (this as unknown as Record<string, unknown>)[k] = Array.isArray(v) ? v.slice() : v;
  }

  /** A subclass's first step, when its constructor did not take it (see the class). */
  private _take_pending_step(): void {
    if (pendingOf(this.optimizer).has(this)) this._initial_step();
  }

  protected _lrs(): number[] {
    return this.optimizer.param_groups.map((g) => g.lr);
  }
}

/** PyTorch < 2.0's name of LRScheduler. */
export { LRScheduler as _LRScheduler };

type Rest<T> = (number | boolean | T | undefined)[];

/** A function of the epoch, or one per parameter group. */
export type LrLambdaArg = ((epoch: number) => number) | ((epoch: number) => number)[];
/** `LambdaLR(optimizer, {lr_lambda: ...})`: PyTorch's keyword form. */
export interface LrLambdaOptions {
  lr_lambda: LrLambdaArg;
  last_epoch?: number;
  verbose?: boolean;
}

/**
 * Sets each group's lr to `initial_lr * lr_lambda(epoch)`.
 *
 * Args:
 *   optimizer: the wrapped optimizer.
 *   lr_lambda: a function of the epoch, or one per parameter group.
 *   last_epoch: index of the last epoch when resuming (default -1).
 *   verbose: print each update (default false).
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.LambdaLR(optimizer, (epoch) => 0.95 ** epoch);
 */
export class LambdaLR extends LRScheduler {
  lr_lambdas!: ((epoch: number) => number)[];

  constructor(optimizer: Optimizer, lr_lambda: LrLambdaArg | LrLambdaOptions, ...rest: Rest<{ last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("LambdaLR", [lr_lambda, ...rest], ["lr_lambda", "last_epoch", "verbose"]);
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    // Not enumerable: functions are left out of state_dict(), as PyTorch leaves out lambdas.
    Object.defineProperty(this, "lr_lambdas", { value: lambdas("LambdaLR", optimizer, o.lr_lambda as LrLambdaArg | undefined), enumerable: false, writable: true });
    this._initial_step();
  }

  get_lr(): number[] {
    return this.base_lrs.map((base, i) => base * this.lr_lambdas[i](this.last_epoch));
  }

  /** Functions are not saved, as in PyTorch (their slots are null). */
  state_dict(): SchedulerStateDict {
    return { ...super.state_dict(), lr_lambdas: this.lr_lambdas.map(() => null) };
  }

  load_state_dict(state_dict: SchedulerStateDict): void {
    const { lr_lambdas: _ignored, ...rest } = state_dict;
    void _ignored;
    super.load_state_dict(rest);
  }
}

/**
 * Multiplies each group's lr by `gamma` every `step_size` epochs.
 *
 * Args:
 *   optimizer: the wrapped optimizer.
 *   step_size: period of the decay, in epochs.
 *   gamma: multiplicative factor (default 0.1).
 *   last_epoch: default -1. verbose: default false.
 *
 * @example
 * // lr = 0.05 for epochs 0..29, 0.005 for 30..59, ...
 * const scheduler = new torch.optim.lr_scheduler.StepLR(optimizer, 30, {gamma: 0.1});
 */
export class StepLR extends LRScheduler {
  step_size: number;
  gamma: number;

  constructor(optimizer: Optimizer, step_size: number | { step_size: number; gamma?: number; last_epoch?: number; verbose?: boolean }, ...rest: Rest<{ gamma?: number; last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("StepLR", [step_size, ...rest], ["step_size", "gamma", "last_epoch", "verbose"]);
    if (o.step_size === undefined) throw new TypeError("StepLR() missing 1 required positional argument: 'step_size'");
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    if (!Number.isInteger(o.step_size) || (o.step_size as number) <= 0) {
      throw new ValueError(`StepLR: step_size must be a positive integer, got ${String(o.step_size)}`);
    }
    this.step_size = o.step_size as number;
    this.gamma = (o.gamma as number | undefined) ?? 0.1;
    this._initial_step();
  }

  get_lr(): number[] {
    if (this.last_epoch === 0 || this.last_epoch % this.step_size !== 0) return this._lrs();
    return this._lrs().map((lr) => lr * this.gamma);
  }

  protected _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * this.gamma ** Math.floor(this.last_epoch / this.step_size));
  }
}

/**
 * Multiplies each group's lr by `gamma` when the epoch reaches each milestone.
 *
 * Args:
 *   optimizer: the wrapped optimizer.
 *   milestones: epoch indices (increasing).
 *   gamma: multiplicative factor (default 0.1).
 *   last_epoch: default -1. verbose: default false.
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.MultiStepLR(optimizer, [30, 80], {gamma: 0.1});
 */
export class MultiStepLR extends LRScheduler {
  /** Milestone epoch -> how many times it was listed (PyTorch's Counter). */
  milestones: Record<number, number>;
  gamma: number;

  constructor(optimizer: Optimizer, milestones: number[] | { milestones: number[]; gamma?: number; last_epoch?: number; verbose?: boolean }, ...rest: Rest<{ gamma?: number; last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("MultiStepLR", [milestones, ...rest], ["milestones", "gamma", "last_epoch", "verbose"]);
    const ms = o.milestones;
    if (!Array.isArray(ms) || ms.some((m) => !Number.isInteger(m))) {
      throw new TypeError(`MultiStepLR: milestones must be a list of integer epochs, got ${JSON.stringify(ms)}`);
    }
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    const counter: Record<number, number> = {};
    for (const m of ms as number[]) counter[m] = (counter[m] ?? 0) + 1;
    // Printed as PyTorch's collections.Counter: Counter({30: 1, 80: 1}), most common first.
    Object.defineProperty(counter, "__repr__", {
      value: () => `Counter({${Object.entries(counter).sort((a, b) => b[1] - a[1]).map(([m, c]) => `${m}: ${c}`).join(", ")}})`,
    });
    this.milestones = counter;
    this.gamma = (o.gamma as number | undefined) ?? 0.1;
    this._initial_step();
  }

  get_lr(): number[] {
    const count = this.milestones[this.last_epoch];
    if (count === undefined) return this._lrs();
    return this._lrs().map((lr) => lr * this.gamma ** count);
  }

  protected _get_closed_form_lr(): number[] {
    let passed = 0;
    for (const [m, c] of Object.entries(this.milestones)) if (Number(m) <= this.last_epoch) passed += c;
    return this.base_lrs.map((b) => b * this.gamma ** passed);
  }
}

/**
 * Multiplies each group's lr by `gamma` every epoch.
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.ExponentialLR(optimizer, 0.9);
 */
export class ExponentialLR extends LRScheduler {
  gamma: number;

  constructor(optimizer: Optimizer, gamma: number | { gamma: number; last_epoch?: number; verbose?: boolean }, ...rest: Rest<{ last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("ExponentialLR", [gamma, ...rest], ["gamma", "last_epoch", "verbose"]);
    if (typeof o.gamma !== "number") throw new TypeError("ExponentialLR() missing 1 required positional argument: 'gamma'");
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    this.gamma = o.gamma;
    this._initial_step();
  }

  get_lr(): number[] {
    if (this.last_epoch === 0) return this._lrs();
    return this._lrs().map((lr) => lr * this.gamma);
  }

  protected _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * this.gamma ** this.last_epoch);
  }
}

/**
 * Cosine annealing from the initial lr down to `eta_min` over `T_max` epochs (SGDR without
 * restarts), by PyTorch's recursive formula, so that it composes with other schedulers:
 * `lr_t = eta_min + (lr_{t-1} - eta_min) * (1 + cos(pi t / T_max)) / (1 + cos(pi (t-1) / T_max))`.
 * Past `T_max` the schedule rises again (the cosine continues), as in PyTorch.
 *
 * Args:
 *   optimizer: the wrapped optimizer.
 *   T_max: half-period, in epochs.
 *   eta_min: minimum lr (default 0).
 *   last_epoch: default -1. verbose: default false.
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, 100);
 */
export class CosineAnnealingLR extends LRScheduler {
  T_max: number;
  eta_min: number;

  constructor(optimizer: Optimizer, T_max: number | { T_max: number; eta_min?: number; last_epoch?: number; verbose?: boolean }, ...rest: Rest<{ eta_min?: number; last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("CosineAnnealingLR", [T_max, ...rest], ["T_max", "eta_min", "last_epoch", "verbose"]);
    if (typeof o.T_max !== "number") throw new TypeError("CosineAnnealingLR() missing 1 required positional argument: 'T_max'");
    if (!(o.T_max > 0)) throw new ValueError(`CosineAnnealingLR: T_max must be positive, got ${o.T_max}`);
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    this.T_max = o.T_max;
    this.eta_min = (o.eta_min as number | undefined) ?? 0;
    this._initial_step();
  }

  get_lr(): number[] {
    const { T_max, eta_min, last_epoch } = this;
    if (last_epoch === 0) return this._lrs();
    if (this._step_count === 1 && last_epoch > 0) {
      return this.base_lrs.map((b) => eta_min + ((b - eta_min) * (1 + Math.cos((last_epoch * Math.PI) / T_max))) / 2);
    }
    if ((((last_epoch - 1 - T_max) % (2 * T_max)) + 2 * T_max) % (2 * T_max) === 0) {
      return this._lrs().map((lr, i) => lr + ((this.base_lrs[i] - eta_min) * (1 - Math.cos(Math.PI / T_max))) / 2);
    }
    return this._lrs().map(
      (lr) => ((1 + Math.cos((Math.PI * last_epoch) / T_max)) / (1 + Math.cos((Math.PI * (last_epoch - 1)) / T_max))) * (lr - eta_min) + eta_min,
    );
  }

  protected _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => this.eta_min + ((b - this.eta_min) * (1 + Math.cos((Math.PI * this.last_epoch) / this.T_max))) / 2);
  }
}

/**
 * Multiplies each group's lr by `lr_lambda(epoch)` every epoch (after the first).
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.MultiplicativeLR(optimizer, () => 0.95);
 */
export class MultiplicativeLR extends LRScheduler {
  lr_lambdas!: ((epoch: number) => number)[];

  constructor(optimizer: Optimizer, lr_lambda: LrLambdaArg | LrLambdaOptions, ...rest: Rest<{ last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("MultiplicativeLR", [lr_lambda, ...rest], ["lr_lambda", "last_epoch", "verbose"]);
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    Object.defineProperty(this, "lr_lambdas", { value: lambdas("MultiplicativeLR", optimizer, o.lr_lambda as LrLambdaArg | undefined), enumerable: false, writable: true });
    this._initial_step();
  }

  get_lr(): number[] {
    if (this.last_epoch > 0) return this._lrs().map((lr, i) => lr * this.lr_lambdas[i](this.last_epoch));
    return this._lrs();
  }

  state_dict(): SchedulerStateDict {
    return { ...super.state_dict(), lr_lambdas: this.lr_lambdas.map(() => null) };
  }

  load_state_dict(state_dict: SchedulerStateDict): void {
    const { lr_lambdas: _ignored, ...rest } = state_dict;
    void _ignored;
    super.load_state_dict(rest);
  }
}

/**
 * Multiplies the lr by a constant `factor` until epoch `total_iters`, then restores it.
 *
 * Args:
 *   optimizer: the wrapped optimizer.
 *   factor: multiplier while active, in [0, 1] (default 1/3).
 *   total_iters: epochs during which it applies (default 5).
 *
 * @example
 * const warmup = new torch.optim.lr_scheduler.ConstantLR(optimizer, {factor: 0.5, total_iters: 4});
 */
export class ConstantLR extends LRScheduler {
  factor: number;
  total_iters: number;

  constructor(optimizer: Optimizer, ...rest: Rest<{ factor?: number; total_iters?: number; last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("ConstantLR", rest, ["factor", "total_iters", "last_epoch", "verbose"]);
    const factor = (o.factor as number | undefined) ?? 1 / 3;
    if (factor > 1.0 || factor < 0) throw new ValueError("Constant multiplicative factor expected to be between 0 and 1.");
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    this.factor = factor;
    this.total_iters = (o.total_iters as number | undefined) ?? 5;
    this._initial_step();
  }

  get_lr(): number[] {
    if (this.last_epoch === 0) return this._lrs().map((lr) => lr * this.factor);
    if (this.last_epoch !== this.total_iters) return this._lrs();
    return this._lrs().map((lr) => lr * (1.0 / this.factor));
  }

  protected _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * (this.factor + (this.last_epoch >= this.total_iters ? 1 : 0) * (1 - this.factor)));
  }
}

/**
 * Scales the lr linearly from `start_factor` to `end_factor` over `total_iters` epochs (warm-up).
 *
 * Args:
 *   optimizer: the wrapped optimizer.
 *   start_factor: multiplier at epoch 0, in [0, 1] (default 1/3).
 *   end_factor: multiplier from epoch total_iters on, in [0, 1] (default 1).
 *   total_iters: length of the ramp (default 5).
 *
 * @example
 * const warmup = new torch.optim.lr_scheduler.LinearLR(optimizer, {start_factor: 0.1, total_iters: 10});
 */
export class LinearLR extends LRScheduler {
  start_factor: number;
  end_factor: number;
  total_iters: number;

  constructor(optimizer: Optimizer, ...rest: Rest<{ start_factor?: number; end_factor?: number; total_iters?: number; last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("LinearLR", rest, ["start_factor", "end_factor", "total_iters", "last_epoch", "verbose"]);
    const start = (o.start_factor as number | undefined) ?? 1 / 3;
    const end = (o.end_factor as number | undefined) ?? 1.0;
    if (start > 1.0 || start < 0) throw new ValueError("Starting multiplicative factor expected to be between 0 and 1.");
    if (end > 1.0 || end < 0) throw new ValueError("Ending multiplicative factor expected to be between 0 and 1.");
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    this.start_factor = start;
    this.end_factor = end;
    this.total_iters = (o.total_iters as number | undefined) ?? 5;
    this._initial_step();
  }

  get_lr(): number[] {
    const { start_factor: s, end_factor: e, total_iters: n, last_epoch: t } = this;
    if (t === 0) return this._lrs().map((lr) => lr * s);
    if (t > n) return this._lrs();
    return this._lrs().map((lr) => lr * (1 + (e - s) / (n * s + (t - 1) * (e - s))));
  }

  protected _get_closed_form_lr(): number[] {
    const { start_factor: s, end_factor: e, total_iters: n } = this;
    return this.base_lrs.map((b) => b * (s + ((e - s) * Math.min(n, this.last_epoch)) / n));
  }
}

/**
 * Cosine annealing with warm restarts (SGDR): the lr follows a cosine from the initial lr to
 * `eta_min` over `T_0` epochs, then restarts, each period `T_mult` times longer. `step()` may be
 * given a fractional epoch (`scheduler.step(epoch + i / iters)`) to anneal within an epoch.
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, 10, {T_mult: 2});
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  T_0: number;
  T_i: number;
  T_mult: number;
  eta_min: number;
  T_cur: number;

  constructor(optimizer: Optimizer, T_0: number | { T_0: number; T_mult?: number; eta_min?: number; last_epoch?: number; verbose?: boolean }, ...rest: Rest<{ T_mult?: number; eta_min?: number; last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("CosineAnnealingWarmRestarts", [T_0, ...rest], ["T_0", "T_mult", "eta_min", "last_epoch", "verbose"]);
    const t0 = o.T_0 as number;
    const mult = (o.T_mult as number | undefined) ?? 1;
    if (!Number.isInteger(t0) || t0 <= 0) throw new ValueError(`Expected positive integer T_0, but got ${String(o.T_0)}`);
    if (!Number.isInteger(mult) || mult < 1) throw new ValueError(`Expected integer T_mult >= 1, but got ${String(o.T_mult)}`);
    const last_epoch = (o.last_epoch as number | undefined) ?? -1;
    super(optimizer, last_epoch, Boolean(o.verbose));
    this.T_0 = t0;
    this.T_i = t0;
    this.T_mult = mult;
    this.eta_min = (o.eta_min as number | undefined) ?? 0;
    this.T_cur = last_epoch;
    this._initial_step();
  }

  get_lr(): number[] {
    return this.base_lrs.map((b) => this.eta_min + ((b - this.eta_min) * (1 + Math.cos((Math.PI * this.T_cur) / this.T_i))) / 2);
  }

  step(epoch?: number): void {
    if (epoch === undefined && this.last_epoch < 0) epoch = 0;
    if (epoch === undefined) {
      epoch = this.last_epoch + 1;
      this.T_cur = this.T_cur + 1;
      if (this.T_cur >= this.T_i) {
        this.T_cur = this.T_cur - this.T_i;
        this.T_i = this.T_i * this.T_mult;
      }
    } else {
      if (epoch < 0) throw new ValueError(`Expected non-negative epoch, but got ${epoch}`);
      if (epoch >= this.T_0) {
        if (this.T_mult === 1) this.T_cur = epoch % this.T_0;
        else {
          const n = Math.trunc(Math.log((epoch / this.T_0) * (this.T_mult - 1) + 1) / Math.log(this.T_mult));
          this.T_cur = epoch - (this.T_0 * (this.T_mult ** n - 1)) / (this.T_mult - 1);
          this.T_i = this.T_0 * this.T_mult ** n;
        }
      } else {
        this.T_i = this.T_0;
        this.T_cur = epoch;
      }
    }
    this.last_epoch = Math.floor(epoch);
    // PyTorch 1.13's CosineAnnealingWarmRestarts.step() leaves _step_count at 0 (its state_dict shows it).
    const values = this.withinStep(() => this.get_lr());
    this.optimizer.param_groups.forEach((g, i) => {
      g.lr = values[i];
      this.print_lr(this.verbose, i, values[i], epoch);
    });
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }
}

interface OneCyclePhase {
  end_step: number;
  start_lr: string;
  end_lr: string;
  start_momentum: string;
  end_momentum: string;
}

export interface OneCycleLROptions {
  max_lr?: number | number[];
  total_steps?: number | null;
  epochs?: number | null;
  steps_per_epoch?: number | null;
  pct_start?: number;
  anneal_strategy?: "cos" | "linear";
  cycle_momentum?: boolean;
  base_momentum?: number | number[];
  max_momentum?: number | number[];
  div_factor?: number;
  final_div_factor?: number;
  three_phase?: boolean;
  last_epoch?: number;
  verbose?: boolean;
}

/**
 * The 1cycle policy: the lr rises from `max_lr / div_factor` to `max_lr` over the first
 * `pct_start` of training, then anneals to `initial_lr / final_div_factor`; momentum (or Adam's
 * beta1) cycles inversely between `max_momentum` and `base_momentum`. Step it after every batch.
 *
 * Args:
 *   optimizer: the wrapped optimizer.
 *   max_lr: peak lr, one number or one per group.
 *   total_steps: number of steps, or give `epochs` and `steps_per_epoch`.
 *   pct_start: fraction of the cycle spent increasing the lr (default 0.3).
 *   anneal_strategy: 'cos' (default) or 'linear'.
 *   cycle_momentum: default true; base_momentum 0.85, max_momentum 0.95.
 *   div_factor: initial_lr = max_lr / div_factor (default 25).
 *   final_div_factor: min_lr = initial_lr / final_div_factor (default 1e4).
 *   three_phase: use the three-phase schedule of fastai (default false).
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.OneCycleLR(optimizer, 0.01, {epochs: 10, steps_per_epoch: loader.length});
 */
export class OneCycleLR extends LRScheduler {
  total_steps: number;
  _schedule_phases: OneCyclePhase[];
  anneal_strategy: "cos" | "linear";
  cycle_momentum: boolean;
  use_beta1: boolean;

  constructor(optimizer: Optimizer, max_lr: number | number[] | OneCycleLROptions, ...rest: Rest<OneCycleLROptions>) {
    const o = parseArgs("OneCycleLR", [max_lr, ...rest], [
      "max_lr", "total_steps", "epochs", "steps_per_epoch", "pct_start", "anneal_strategy", "cycle_momentum",
      "base_momentum", "max_momentum", "div_factor", "final_div_factor", "three_phase", "last_epoch", "verbose",
    ]) as OneCycleLROptions;
    checkOptimizer(optimizer);
    let total: number;
    if (o.total_steps == null && o.epochs == null && o.steps_per_epoch == null) {
      throw new ValueError("You must define either total_steps OR (epochs AND steps_per_epoch)");
    } else if (o.total_steps != null) {
      if (!Number.isInteger(o.total_steps) || o.total_steps <= 0) throw new ValueError(`Expected positive integer total_steps, but got ${o.total_steps}`);
      total = o.total_steps;
    } else {
      if (!Number.isInteger(o.epochs) || (o.epochs as number) <= 0) throw new ValueError(`Expected positive integer epochs, but got ${o.epochs}`);
      if (!Number.isInteger(o.steps_per_epoch) || (o.steps_per_epoch as number) <= 0) throw new ValueError(`Expected positive integer steps_per_epoch, but got ${o.steps_per_epoch}`);
      total = (o.epochs as number) * (o.steps_per_epoch as number);
    }
    const pct = o.pct_start ?? 0.3;
    const phases: OneCyclePhase[] = o.three_phase
      ? [
          { end_step: pct * total - 1, start_lr: "initial_lr", end_lr: "max_lr", start_momentum: "max_momentum", end_momentum: "base_momentum" },
          { end_step: 2 * pct * total - 2, start_lr: "max_lr", end_lr: "initial_lr", start_momentum: "base_momentum", end_momentum: "max_momentum" },
          { end_step: total - 1, start_lr: "initial_lr", end_lr: "min_lr", start_momentum: "max_momentum", end_momentum: "max_momentum" },
        ]
      : [
          { end_step: pct * total - 1, start_lr: "initial_lr", end_lr: "max_lr", start_momentum: "max_momentum", end_momentum: "base_momentum" },
          { end_step: total - 1, start_lr: "max_lr", end_lr: "min_lr", start_momentum: "base_momentum", end_momentum: "max_momentum" },
        ];
    if (!(pct >= 0 && pct <= 1)) throw new ValueError(`Expected float between 0 and 1 pct_start, but got ${pct}`);
    const strategy = o.anneal_strategy ?? "cos";
    if (strategy !== "cos" && strategy !== "linear") throw new ValueError(`anneal_strategy must by one of 'cos' or 'linear', instead got ${String(strategy)}`);
    const groups = optimizer.param_groups;
    const perGroup = (name: string, v: number | number[] | undefined, d: number): number[] => {
      const x = v ?? d;
      if (Array.isArray(x)) {
        if (x.length !== groups.length) throw new ValueError(`expected ${groups.length} values for ${name}, got ${x.length}`);
        return x;
      }
      return groups.map(() => x);
    };
    if (typeof o.max_lr !== "number" && !Array.isArray(o.max_lr)) throw new TypeError("OneCycleLR() missing 1 required positional argument: 'max_lr'");
    const max_lrs = perGroup("max_lr", o.max_lr, 0);
    const last_epoch = o.last_epoch ?? -1;
    const div = o.div_factor ?? 25;
    const final_div = o.final_div_factor ?? 1e4;
    if (last_epoch === -1) {
      groups.forEach((g, i) => {
        g.initial_lr = max_lrs[i] / div;
        g.max_lr = max_lrs[i];
        g.min_lr = (g.initial_lr as number) / final_div;
      });
    }
    const cycle = o.cycle_momentum ?? true;
    let use_beta1 = false;
    if (cycle) {
      if (!("momentum" in optimizer.defaults) && !("betas" in optimizer.defaults)) throw new ValueError("optimizer must support momentum with `cycle_momentum` option enabled");
      use_beta1 = "betas" in optimizer.defaults;
      const maxm = perGroup("max_momentum", o.max_momentum, 0.95);
      const basem = perGroup("base_momentum", o.base_momentum, 0.85);
      if (last_epoch === -1) {
        groups.forEach((g, i) => {
          if (use_beta1) g.betas = asPyTuple([maxm[i], ...(g.betas as number[]).slice(1)]);
          else g.momentum = maxm[i];
          g.max_momentum = maxm[i];
          g.base_momentum = basem[i];
        });
      }
    }
    super(optimizer, last_epoch, Boolean(o.verbose));
    this.total_steps = total;
    this._schedule_phases = phases;
    this.anneal_strategy = strategy;
    this.cycle_momentum = cycle;
    this.use_beta1 = use_beta1;
    this._initial_step();
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this.anneal_strategy === "cos") return end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1);
    return (end - start) * pct + start;
  }

  get_lr(): number[] {
    const step_num = this.last_epoch;
    if (step_num > this.total_steps) {
      throw new ValueError(`Tried to step ${step_num + 1} times. The specified number of total steps is ${this.total_steps}`);
    }
    return this.optimizer.param_groups.map((group) => {
      let start_step = 0;
      let lr = group.lr;
      const phases = this._schedule_phases;
      for (let i = 0; i < phases.length; i++) {
        const phase = phases[i];
        const end_step = phase.end_step;
        if (step_num <= end_step || i === phases.length - 1) {
          const pct = (step_num - start_step) / (end_step - start_step);
          lr = this.anneal(group[phase.start_lr] as number, group[phase.end_lr] as number, pct);
          if (this.cycle_momentum) {
            const m = this.anneal(group[phase.start_momentum] as number, group[phase.end_momentum] as number, pct);
            if (this.use_beta1) group.betas = asPyTuple([m, ...(group.betas as number[]).slice(1)]);
            else group.momentum = m;
          }
          break;
        }
        start_step = phase.end_step;
      }
      return lr;
    });
  }
}

/**
 * Decays the lr by a polynomial of the remaining fraction of `total_iters`:
 * `lr = initial_lr * (1 - t / total_iters) ^ power`, constant afterwards.
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.PolynomialLR(optimizer, {total_iters: 4, power: 1.0});
 */
export class PolynomialLR extends LRScheduler {
  total_iters: number;
  power: number;

  constructor(optimizer: Optimizer, ...rest: Rest<{ total_iters?: number; power?: number; last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("PolynomialLR", rest, ["total_iters", "power", "last_epoch", "verbose"]);
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    this.total_iters = (o.total_iters as number | undefined) ?? 5;
    this.power = (o.power as number | undefined) ?? 1.0;
    this._initial_step();
  }

  get_lr(): number[] {
    const { total_iters: n, last_epoch: t } = this;
    if (t === 0 || t > n) return this._lrs();
    const decay = ((1.0 - t / n) / (1.0 - (t - 1) / n)) ** this.power;
    return this._lrs().map((lr) => lr * decay);
  }

  protected _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * (1.0 - Math.min(this.total_iters, this.last_epoch) / this.total_iters) ** this.power);
  }
}

/**
 * Runs schedulers one after another: `schedulers[i]` is in charge from `milestones[i - 1]` on
 * (and restarts from its epoch 0 there).
 *
 * @example
 * const warmup = new LinearLR(optimizer, {start_factor: 0.1, total_iters: 5});
 * const decay = new ExponentialLR(optimizer, 0.9);
 * const scheduler = new torch.optim.lr_scheduler.SequentialLR(optimizer, [warmup, decay], [5]);
 */
export class SequentialLR extends LRScheduler {
  _schedulers!: LRScheduler[];
  _milestones: number[];

  constructor(optimizer: Optimizer, schedulers: LRScheduler[] | { schedulers: LRScheduler[]; milestones: number[]; last_epoch?: number; verbose?: boolean }, ...rest: (number[] | { milestones?: number[]; last_epoch?: number; verbose?: boolean } | number | boolean | undefined)[]) {
    const o = parseArgs("SequentialLR", [schedulers, ...rest], ["schedulers", "milestones", "last_epoch", "verbose"]);
    const list = o.schedulers as LRScheduler[];
    const milestones = o.milestones as number[];
    checkOptimizer(optimizer);
    if (!Array.isArray(list) || list.length === 0) throw new ValueError("SequentialLR expects a non-empty list of schedulers");
    list.forEach((sch, i) => {
      if (sch.optimizer !== optimizer) {
        throw new ValueError(`Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index ${i} to be different than the optimizer passed in.`);
      }
    });
    if (!Array.isArray(milestones) || milestones.length !== list.length - 1) {
      throw new ValueError(
        `Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers ${list.length} and the number of milestones to be equal to ${Array.isArray(milestones) ? milestones.length : 0}`,
      );
    }
    super(optimizer, -1, Boolean(o.verbose));
    pendingOf(optimizer).delete(this); // its first scheduler takes the first step (below)
    Object.defineProperty(this, "_schedulers", { value: list, enumerable: false, writable: true });
    this._milestones = milestones.slice();
    this.last_epoch = ((o.last_epoch as number | undefined) ?? -1) + 1;
    for (const g of optimizer.param_groups) g.lr = g.initial_lr as number;
    for (const sch of list) sch.last_epoch -= 1;
    list[0]._initial_step();
    this._last_lr = list[0].get_last_lr();
  }

  get_lr(): number[] {
    return this._lrs();
  }

  step(): void {
    this.last_epoch += 1;
    let idx = 0;
    while (idx < this._milestones.length && this._milestones[idx] <= this.last_epoch) idx++;
    const sch = this._schedulers[idx];
    if (idx > 0 && this._milestones[idx - 1] === this.last_epoch) sch.step(0);
    else sch.step();
    this._last_lr = sch.get_last_lr();
  }

  /** PyTorch 1.13's SequentialLR never runs _LRScheduler.__init__: its state is these four fields. */
  state_dict(): SchedulerStateDict {
    return { _milestones: this._milestones.slice(), last_epoch: this.last_epoch, _last_lr: this._last_lr.slice(), _schedulers: this._schedulers.map((sch) => sch.state_dict()) };
  }

  load_state_dict(state_dict: SchedulerStateDict): void {
    const { _schedulers, ...rest } = state_dict;
    super.load_state_dict(rest);
    if (Array.isArray(_schedulers)) _schedulers.forEach((sd, i) => this._schedulers[i].load_state_dict(sd as SchedulerStateDict));
  }
}

/**
 * Steps several schedulers together, each multiplying in its own factor (e.g. a warm-up and a
 * decay at once).
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.ChainedScheduler([new ConstantLR(opt, {factor: 0.1, total_iters: 2}), new ExponentialLR(opt, 0.9)]);
 */
export class ChainedScheduler extends LRScheduler {
  _schedulers!: LRScheduler[];

  constructor(schedulers: LRScheduler[]) {
    if (!Array.isArray(schedulers) || schedulers.length === 0) throw new ValueError("ChainedScheduler expects a non-empty list of schedulers");
    schedulers.forEach((sch, i) => {
      if (sch.optimizer !== schedulers[0].optimizer) {
        throw new ValueError(`ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different`);
      }
    });
    super(schedulers[0].optimizer);
    pendingOf(this.optimizer).delete(this); // PyTorch's ChainedScheduler takes no first step of its own
    Object.defineProperty(this, "_schedulers", { value: schedulers.slice(), enumerable: false, writable: true });
    this._last_lr = this._lrs();
  }

  get_lr(): number[] {
    return this._lrs();
  }

  step(): void {
    for (const sch of this._schedulers) sch.step();
    this._last_lr = this._lrs();
  }

  /** PyTorch 1.13's ChainedScheduler never runs _LRScheduler.__init__: its state is these two fields. */
  state_dict(): SchedulerStateDict {
    return { _last_lr: this._last_lr.slice(), _schedulers: this._schedulers.map((sch) => sch.state_dict()) };
  }

  load_state_dict(state_dict: SchedulerStateDict): void {
    const { _schedulers, ...rest } = state_dict;
    super.load_state_dict(rest);
    if (Array.isArray(_schedulers)) _schedulers.forEach((sd, i) => this._schedulers[i].load_state_dict(sd as SchedulerStateDict));
  }
}

export interface CyclicLROptions {
  base_lr?: number | number[];
  max_lr?: number | number[];
  step_size_up?: number;
  step_size_down?: number | null;
  mode?: "triangular" | "triangular2" | "exp_range";
  gamma?: number;
  scale_fn?: ((x: number) => number) | null;
  scale_mode?: "cycle" | "iterations";
  cycle_momentum?: boolean;
  base_momentum?: number | number[];
  max_momentum?: number | number[];
  last_epoch?: number;
  verbose?: boolean;
}

/**
 * Cyclical learning rates (Smith): the lr goes between `base_lr` and `max_lr` in triangles of
 * `step_size_up + step_size_down` steps ('triangular'; 'triangular2' halves the amplitude each
 * cycle; 'exp_range' scales it by gamma^step), and momentum cycles inversely. Step it per batch.
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.CyclicLR(optimizer, 0.01, 0.1, {step_size_up: 2000});
 */
export class CyclicLR extends LRScheduler {
  max_lrs: number[];
  total_size: number;
  step_ratio: number;
  mode: string;
  gamma: number;
  scale_mode: "cycle" | "iterations";
  cycle_momentum: boolean;
  base_momentums: number[] = [];
  max_momentums: number[] = [];
  private _scale_fn_custom!: ((x: number) => number) | null;

  constructor(optimizer: Optimizer, base_lr: number | number[] | CyclicLROptions, ...rest: (number | number[] | string | boolean | null | CyclicLROptions | undefined)[]) {
    const o = parseArgs("CyclicLR", [base_lr, ...rest], [
      "base_lr", "max_lr", "step_size_up", "step_size_down", "mode", "gamma", "scale_fn", "scale_mode", "cycle_momentum", "base_momentum", "max_momentum", "last_epoch", "verbose",
    ]) as CyclicLROptions;
    checkOptimizer(optimizer);
    const groups = optimizer.param_groups;
    const perGroup = (name: string, v: number | number[] | undefined): number[] => {
      if (Array.isArray(v)) {
        if (v.length !== groups.length) throw new ValueError(`expected ${groups.length} values for ${name}, got ${v.length}`);
        return v.slice();
      }
      if (typeof v !== "number") throw new TypeError(`CyclicLR() missing required argument '${name}'`);
      return groups.map(() => v);
    };
    const last_epoch = o.last_epoch ?? -1;
    const base_lrs = perGroup("base_lr", o.base_lr);
    if (last_epoch === -1) groups.forEach((g, i) => (g.lr = base_lrs[i]));
    const max_lrs = perGroup("max_lr", o.max_lr);
    const up = o.step_size_up ?? 2000;
    const down = o.step_size_down ?? up;
    const mode = o.mode ?? "triangular";
    const scale_fn = o.scale_fn ?? null;
    if (!["triangular", "triangular2", "exp_range"].includes(mode) && scale_fn === null) throw new ValueError("mode is invalid and scale_fn is None");
    const cycle = o.cycle_momentum ?? true;
    let base_momentums: number[] = [];
    let max_momentums: number[] = [];
    if (cycle) {
      if (!("momentum" in optimizer.defaults)) throw new ValueError("optimizer must support momentum with `cycle_momentum` option enabled");
      const bm = perGroup("base_momentum", o.base_momentum ?? 0.8);
      if (last_epoch === -1) groups.forEach((g, i) => (g.momentum = bm[i]));
      base_momentums = groups.map((g) => g.momentum as number);
      max_momentums = perGroup("max_momentum", o.max_momentum ?? 0.9);
    }
    super(optimizer, last_epoch, Boolean(o.verbose));
    this.max_lrs = max_lrs;
    this.total_size = up + down;
    this.step_ratio = up / this.total_size;
    this.mode = mode;
    this.gamma = o.gamma ?? 1.0;
    Object.defineProperty(this, "_scale_fn_custom", { value: scale_fn, enumerable: false, writable: true });
    this.scale_mode = scale_fn !== null ? o.scale_mode ?? "cycle" : mode === "exp_range" ? "iterations" : "cycle";
    this.cycle_momentum = cycle;
    this.base_momentums = base_momentums;
    this.max_momentums = max_momentums;
    this._initial_step();
    this.base_lrs = base_lrs;
  }

  scale_fn(x: number): number {
    if (this._scale_fn_custom) return this._scale_fn_custom(x);
    if (this.mode === "triangular") return 1.0;
    if (this.mode === "triangular2") return 1 / 2.0 ** (x - 1);
    return this.gamma ** x;
  }

  get_lr(): number[] {
    const cycle = Math.floor(1 + this.last_epoch / this.total_size);
    const x = 1.0 + this.last_epoch / this.total_size - cycle;
    const scale_factor = x <= this.step_ratio ? x / this.step_ratio : (x - 1) / (this.step_ratio - 1);
    const arg = this.scale_mode === "cycle" ? cycle : this.last_epoch;
    const lrs = this.base_lrs.map((b, i) => b + (this.max_lrs[i] - b) * scale_factor * this.scale_fn(arg));
    if (this.cycle_momentum) {
      this.optimizer.param_groups.forEach((g, i) => {
        g.momentum = this.max_momentums[i] - (this.max_momentums[i] - this.base_momentums[i]) * scale_factor * this.scale_fn(arg);
      });
    }
    return lrs;
  }
}

function lambdas(op: string, optimizer: Optimizer, lr_lambda: LrLambdaArg | undefined): ((epoch: number) => number)[] {
  if (lr_lambda === undefined) throw new TypeError(`${op}() missing 1 required positional argument: 'lr_lambda'`);
  let fns: ((epoch: number) => number)[];
  if (Array.isArray(lr_lambda)) {
    if (lr_lambda.length !== optimizer.param_groups.length) throw new ValueError(`Expected ${optimizer.param_groups.length} lr_lambdas, but got ${lr_lambda.length}`);
    fns = lr_lambda.slice();
  } else fns = optimizer.param_groups.map(() => lr_lambda);
  fns.forEach((f) => {
    if (typeof f !== "function") throw new TypeError(`${op}: lr_lambda must be a function (or a list of them), got ${typeof f}`);
  });
  return fns;
}

export interface ReduceLROnPlateauOptions {
  mode?: "min" | "max";
  factor?: number;
  patience?: number;
  threshold?: number;
  threshold_mode?: "rel" | "abs";
  cooldown?: number;
  min_lr?: number | number[];
  eps?: number;
  verbose?: boolean;
}

/**
 * Reduces the lr by `factor` when a metric has not improved for `patience` epochs.
 *
 * Args:
 *   optimizer: the wrapped optimizer.
 *   mode: 'min' (default; the metric should fall) or 'max'.
 *   factor: new_lr = lr * factor (default 0.1; must be < 1).
 *   patience: epochs without improvement tolerated before reducing (default 10).
 *   threshold: how much better counts as better (default 1e-4).
 *   threshold_mode: 'rel' (default: best * (1 -/+ threshold)) or 'abs' (best -/+ threshold).
 *   cooldown: epochs to wait after a reduction before counting again (default 0).
 *   min_lr: lower bound, one number or one per group (default 0).
 *   eps: reductions smaller than this are skipped (default 1e-8).
 *
 * @example
 * const scheduler = new torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, {mode: 'min', patience: 2});
 * for (let epoch = 0; epoch < 10; epoch++) { const val_loss = validate(); scheduler.step(val_loss); }
 */
/** ReduceLROnPlateau's attributes in the order PyTorch 1.13's constructor and step() set them. */
const PLATEAU_KEYS = ["factor", "min_lrs", "patience", "verbose", "cooldown", "cooldown_counter", "mode", "threshold", "threshold_mode", "best", "num_bad_epochs", "mode_worse", "eps", "last_epoch", "_last_lr"];

export class ReduceLROnPlateau {
  /** Python's `type(self).__module__`, as LRScheduler's. */
  declare readonly __module__: string;
  optimizer!: Optimizer;
  factor: number;
  min_lrs: number[];
  patience: number;
  verbose: boolean;
  cooldown: number;
  cooldown_counter = 0;
  mode!: "min" | "max";
  threshold!: number;
  threshold_mode!: "rel" | "abs";
  best = Infinity;
  num_bad_epochs = 0;
  mode_worse = Infinity;
  eps: number;
  last_epoch = 0;
  _last_lr: number[] = [];

  constructor(optimizer: Optimizer, ...rest: ("min" | "max" | number | boolean | ReduceLROnPlateauOptions | undefined)[]) {
    const o = parseArgs("ReduceLROnPlateau", rest, ["mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr", "eps", "verbose"]);
    const factor = (o.factor as number | undefined) ?? 0.1;
    if (factor >= 1.0) throw new ValueError("Factor should be < 1.0.");
    this.factor = factor;
    Object.defineProperty(this, "optimizer", { value: checkOptimizer(optimizer), enumerable: false, writable: true });
    const min_lr = (o.min_lr as number | number[] | undefined) ?? 0;
    if (Array.isArray(min_lr)) {
      if (min_lr.length !== optimizer.param_groups.length) throw new ValueError(`expected ${optimizer.param_groups.length} min_lrs, got ${min_lr.length}`);
      this.min_lrs = min_lr.slice();
    } else this.min_lrs = optimizer.param_groups.map(() => min_lr);
    this.patience = (o.patience as number | undefined) ?? 10;
    this.verbose = Boolean(o.verbose);
    this.cooldown = (o.cooldown as number | undefined) ?? 0;
    this.eps = (o.eps as number | undefined) ?? 1e-8;
    this._init_is_better((o.mode as string | undefined) ?? "min", (o.threshold as number | undefined) ?? 1e-4, (o.threshold_mode as string | undefined) ?? "rel");
    this._reset();
  }

  private _reset(): void {
    this.best = this.mode_worse;
    this.cooldown_counter = 0;
    this.num_bad_epochs = 0;
  }

  /** Records this epoch's metric (a number or a one-element tensor) and reduces the lr if it stalled. */
  step(metrics: number | Tensor, epoch?: number): void {
    const current = metrics instanceof Tensor ? metrics.item() : Number(metrics);
    if (typeof metrics !== "number" && !(metrics instanceof Tensor)) {
      throw new TypeError(`ReduceLROnPlateau.step(): metrics must be a number or a one-element Tensor, got ${typeof metrics}`);
    }
    if (epoch === undefined) epoch = this.last_epoch + 1;
    else warn(EPOCH_DEPRECATION_WARNING);
    this.last_epoch = epoch;
    if (this.is_better(current, this.best)) {
      this.best = current;
      this.num_bad_epochs = 0;
    } else this.num_bad_epochs++;
    if (this.in_cooldown) {
      this.cooldown_counter--;
      this.num_bad_epochs = 0;
    }
    if (this.num_bad_epochs > this.patience) {
      this._reduce_lr(epoch);
      this.cooldown_counter = this.cooldown;
      this.num_bad_epochs = 0;
    }
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  private _reduce_lr(epoch: number): void {
    this.optimizer.param_groups.forEach((g, i) => {
      const old_lr = g.lr;
      const new_lr = Math.max(old_lr * this.factor, this.min_lrs[i]);
      if (old_lr - new_lr > this.eps) {
        g.lr = new_lr;
        if (this.verbose) console.log(`Epoch ${String(epoch).padStart(5, "0")}: reducing learning rate of group ${i} to ${sci(new_lr)}.`);
      }
    });
  }

  get in_cooldown(): boolean {
    return this.cooldown_counter > 0;
  }

  is_better(a: number, best: number): boolean {
    if (this.mode === "min" && this.threshold_mode === "rel") return a < best * (1 - this.threshold);
    if (this.mode === "min") return a < best - this.threshold;
    if (this.threshold_mode === "rel") return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }

  private _init_is_better(mode: string, threshold: number, threshold_mode: string): void {
    if (mode !== "min" && mode !== "max") throw new ValueError(`mode ${mode} is unknown!`);
    if (threshold_mode !== "rel" && threshold_mode !== "abs") throw new ValueError(`threshold mode ${threshold_mode} is unknown!`);
    this.mode_worse = mode === "min" ? Infinity : -Infinity;
    this.mode = mode;
    this.threshold = threshold;
    this.threshold_mode = threshold_mode;
  }

  /** The learning rates after the last step(), one per group. */
  get_last_lr(): number[] {
    return floatLrs(this.optimizer, this._last_lr);
  }

  /**
   * Every attribute except the optimizer, in the order PyTorch's constructor sets them; `_last_lr`
   * only once step() has set it, as in PyTorch.
   */
  state_dict(): SchedulerStateDict {
    const out = orderedState(this, PLATEAU_KEYS, true);
    if (this._last_lr.length === 0) delete out._last_lr;
    return out;
  }

  load_state_dict(state_dict: SchedulerStateDict): void {
    for (const [k, v] of Object.entries(state_dict)) (this as unknown as Record<string, unknown>)[k] = Array.isArray(v) ? v.slice() : v;
    this._init_is_better(this.mode, this.threshold, this.threshold_mode);
  }
}

// Python's default reprs: `<torch.optim.lr_scheduler.StepLR object at 0x...>`.
pyDefaultRepr(
  "torch.optim.lr_scheduler",
  LRScheduler,
  LambdaLR, StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, MultiplicativeLR, ConstantLR, LinearLR,
  CosineAnnealingWarmRestarts, OneCycleLR, PolynomialLR, SequentialLR, ChainedScheduler, CyclicLR,
);
pyDefaultRepr("torch.optim.lr_scheduler", ReduceLROnPlateau);
