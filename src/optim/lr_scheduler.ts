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

/** A scheduler's state as state_dict() returns it: every attribute except the optimizer. */
export type SchedulerStateDict = Record<string, unknown>;

/**
 * Base class of the epoch-indexed schedulers (PyTorch's `_LRScheduler`, called `LRScheduler` from
 * 2.0). A subclass sets its own fields after `super(...)` and then calls `this._initial_step()`,
 * which performs the first `step()` (JavaScript cannot set fields before `super`, where PyTorch
 * subclasses do).
 */
export abstract class LRScheduler {
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
  }

  /** @internal the step every scheduler takes on construction (sets lr for epoch 0). */
  protected _initial_step(): void {
    this.optimizer._step_count = 0;
    this._step_count = 0;
    this.step();
  }

  /** The learning rates this scheduler set last, one per parameter group. */
  get_last_lr(): number[] {
    return this._last_lr.slice();
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

  /** Advances one epoch (or sets `epoch`, deprecated) and writes the new lrs into the optimizer. */
  step(epoch?: number): void {
    if (this._step_count === 1 && this.optimizer._step_count < 1) {
      warn(
        "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: " +
          "`optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the learning rate schedule. " +
          "See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",
      );
    }
    this._step_count++;
    let values: number[];
    this._get_lr_called_within_step = true;
    try {
      if (epoch === undefined) {
        this.last_epoch++;
        values = this.get_lr();
      } else {
        warn(EPOCH_DEPRECATION_WARNING);
        this.last_epoch = epoch;
        values = this._get_closed_form_lr ? this._get_closed_form_lr() : this.get_lr();
      }
    } finally {
      this._get_lr_called_within_step = false;
    }
    this.optimizer.param_groups.forEach((g, i) => {
      if (i >= values.length) return;
      g.lr = values[i];
      this.print_lr(this.verbose, i, values[i], epoch);
    });
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  /** Every attribute except the optimizer (PyTorch's `__dict__` minus `optimizer`). */
  state_dict(): SchedulerStateDict {
    const out: SchedulerStateDict = {};
    for (const [k, v] of Object.entries(this)) out[k] = Array.isArray(v) ? v.slice() : v;
    return out;
  }

  load_state_dict(state_dict: SchedulerStateDict): void {
    for (const [k, v] of Object.entries(state_dict)) (this as unknown as Record<string, unknown>)[k] = Array.isArray(v) ? v.slice() : v;
  }

  protected _lrs(): number[] {
    return this.optimizer.param_groups.map((g) => g.lr);
  }
}

/** PyTorch < 2.0's name of LRScheduler. */
export { LRScheduler as _LRScheduler };

type Rest<T> = (number | boolean | T | undefined)[];

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

  constructor(optimizer: Optimizer, lr_lambda: ((epoch: number) => number) | ((epoch: number) => number)[], ...rest: Rest<{ last_epoch?: number; verbose?: boolean }>) {
    const o = parseArgs("LambdaLR", rest, ["last_epoch", "verbose"]);
    super(optimizer, (o.last_epoch as number | undefined) ?? -1, Boolean(o.verbose));
    let fns: ((epoch: number) => number)[];
    if (Array.isArray(lr_lambda)) {
      if (lr_lambda.length !== optimizer.param_groups.length) {
        throw new ValueError(`Expected ${optimizer.param_groups.length} lr_lambdas, but got ${lr_lambda.length}`);
      }
      fns = lr_lambda.slice();
    } else fns = optimizer.param_groups.map(() => lr_lambda);
    fns.forEach((f) => {
      if (typeof f !== "function") throw new TypeError(`LambdaLR: lr_lambda must be a function (or a list of them), got ${typeof f}`);
    });
    // Not enumerable: functions are left out of state_dict(), as PyTorch leaves out lambdas.
    Object.defineProperty(this, "lr_lambdas", { value: fns, enumerable: false, writable: true });
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
export class ReduceLROnPlateau {
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
    return this._last_lr.slice();
  }

  state_dict(): SchedulerStateDict {
    const out: SchedulerStateDict = {};
    for (const [k, v] of Object.entries(this)) out[k] = Array.isArray(v) ? v.slice() : v;
    return out;
  }

  load_state_dict(state_dict: SchedulerStateDict): void {
    for (const [k, v] of Object.entries(state_dict)) (this as unknown as Record<string, unknown>)[k] = Array.isArray(v) ? v.slice() : v;
    this._init_is_better(this.mode, this.threshold, this.threshold_mode);
  }
}
