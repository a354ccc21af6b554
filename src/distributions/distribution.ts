/**
 * torch.distributions.Distribution: the base class, and the helpers its subclasses share
 * (broadcast_all, _sum_rightmost, probs <-> logits). Semantics are PyTorch 1.13's: arguments are
 * validated by default (`Distribution.set_default_validate_args(false)` or `{validate_args: false}`
 * turns it off), errors carry PyTorch's messages, `sample()` runs without gradient and `rsample()`
 * with it, and a distribution prints as PyTorch prints it, e.g. `Normal(loc: torch.Size([3]), scale:
 * torch.Size([3]))`, listing the parameters computed so far as PyTorch's lazy properties do.
 */
import { Tensor } from "../tensor/tensor";
import { parseArgs } from "../tensor/args";
import { Size } from "../tensor/size";
import { float32 } from "../tensor/dtype";
import { TypeError, ValueError, NotImplementedError } from "../errors";
import { no_grad, enable_grad } from "../autograd/grad_mode";
import { empty, tensor } from "../ops/creation";
import { broadcast_shapes, broadcast_tensors } from "../ops/shape_extra";
import { softmax } from "../nn/functional/activation";
import { Constraint, formatValue, is_dependent } from "./constraints";

export type SampleShape = readonly number[];

/** A Python tuple's repr of a shape: `()`, `(2,)`, `(2, 3)`. */
export function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** The `torch.Size` of a plain list of dims. */
export function size(dims: readonly number[]): Size {
  return new Size(dims);
}

function checkSampleShape(sample_shape: unknown): number[] {
  if (sample_shape instanceof Size || (Array.isArray(sample_shape) && sample_shape.every((d) => typeof d === "number" && Number.isInteger(d) && d >= 0))) {
    return Array.from(sample_shape as number[]);
  }
  throw new TypeError(`sample_shape must be a list of non-negative integers such as [5] or [2, 3] (PyTorch's torch.Size((5,))), got ${String(sample_shape)}`);
}

export interface DistributionOptions {
  validate_args?: boolean | null;
}

/** A parameter given as a number or a tensor (PyTorch's Number | Tensor). */
export type Param = number | Tensor;

/** A distribution's constructor arguments by name (with `validate_args`); each of `names` is required. */
export function distArgs(op: string, values: unknown[], names: string[]): Record<string, unknown> {
  const o = parseArgs(op, values, [...names, "validate_args"]);
  for (const n of names) if (o[n] === undefined) throw new TypeError(`${op}.__init__() missing required argument: '${n}'`);
  return o;
}

export abstract class Distribution {
  private static defaultValidate = true;
  /** Whether this distribution can draw reparameterised (differentiable) samples. */
  get has_rsample(): boolean {
    return false;
  }
  get has_enumerate_support(): boolean {
    return false;
  }
  protected _batch_shape: Size = size([]);
  protected _event_shape: Size = size([]);
  _validate_args = Distribution.defaultValidate;

  /** Turns argument validation on or off for every distribution made afterwards (PyTorch's default: on). */
  static set_default_validate_args(value: boolean): void {
    if (value !== true && value !== false) throw new ValueError(`set_default_validate_args() takes true or false, got ${String(value)}`);
    Distribution.defaultValidate = value;
  }

  /**
   * Sets the shapes and validates the parameters against `arg_constraints`; each subclass calls it
   * last in its constructor, as PyTorch's subclasses call `super().__init__` after setting them.
   */
  protected _init(batch_shape: readonly number[], event_shape: readonly number[] = [], validate_args?: boolean | null): void {
    this._batch_shape = size(batch_shape);
    this._event_shape = size(event_shape);
    if (validate_args !== undefined && validate_args !== null) this._validate_args = validate_args;
    if (!this._validate_args) return;
    for (const [param, constraint] of Object.entries(this.arg_constraints)) {
      if (is_dependent(constraint)) continue;
      if (!this._present().includes(param)) continue; // a lazily computed parameter not computed yet
      const value = (this as unknown as Record<string, Tensor>)[param];
      const valid = constraint.check(value);
      if (!(valid.all().item() as unknown as boolean)) {
        throw new ValueError(
          `Expected parameter ${param} (Tensor of shape ${pyTuple(value.shape)}) of distribution ${this.toString()} ` +
            `to satisfy the constraint ${constraint.toString()}, but found invalid values:\n${formatValue(value)}`,
        );
      }
    }
  }

  /**
   * Finishes an `expand()`: `into` (a new instance whose parameters were expanded) takes the shapes
   * unvalidated and this distribution's validate_args, as PyTorch's expand does.
   */
  protected _expandedInto<T extends Distribution>(into: T, batch_shape: readonly number[], event_shape: readonly number[] = []): T {
    into._validate_args = false;
    into._init(batch_shape, event_shape);
    into._validate_args = this._validate_args;
    return into;
  }

  /** The shape of one batch of parameters (`torch.Size`). */
  get batch_shape(): Size {
    return this._batch_shape;
  }
  /** The shape of one sample from one member of the batch (`torch.Size`). */
  get event_shape(): Size {
    return this._event_shape;
  }
  /** The constraint each parameter satisfies, by name. */
  abstract get arg_constraints(): Record<string, Constraint>;
  /** The constraint samples satisfy. */
  get support(): Constraint {
    throw new NotImplementedError(`${this.constructor.name} does not define support`);
  }
  get mean(): Tensor {
    throw new NotImplementedError(`${this.constructor.name} does not implement mean`);
  }
  get mode(): Tensor {
    throw new NotImplementedError(`<class 'torch.distributions.${this.constructor.name}'> does not implement mode`);
  }
  get variance(): Tensor {
    throw new NotImplementedError(`${this.constructor.name} does not implement variance`);
  }
  get stddev(): Tensor {
    return this.variance.sqrt();
  }

  /** Draws samples of shape `[...sample_shape, ...batch_shape, ...event_shape]`, without gradient. */
  sample(sample_shape: SampleShape = []): Tensor {
    return no_grad(() => this.rsample(sample_shape));
  }
  /** Draws reparameterised samples: gradients flow back to the parameters. */
  rsample(sample_shape: SampleShape = []): Tensor {
    void sample_shape;
    throw new NotImplementedError(`${this.constructor.name} does not implement rsample`);
  }
  /** `sample([n])` (deprecated in PyTorch too). */
  sample_n(n: number): Tensor {
    process.emitWarning("sample_n will be deprecated. Use .sample((n,)) instead", "UserWarning");
    return this.sample([n]);
  }
  /** The log of the probability density/mass at `value`. */
  log_prob(value: Tensor): Tensor {
    void value;
    throw new NotImplementedError(`${this.constructor.name} does not implement log_prob`);
  }
  cdf(value: Tensor): Tensor {
    void value;
    throw new NotImplementedError(`${this.constructor.name} does not implement cdf`);
  }
  icdf(value: Tensor): Tensor {
    void value;
    throw new NotImplementedError(`${this.constructor.name} does not implement icdf`);
  }
  enumerate_support(expand = true): Tensor {
    void expand;
    throw new NotImplementedError(`${this.constructor.name} does not implement enumerate_support`);
  }
  entropy(): Tensor {
    throw new NotImplementedError(`${this.constructor.name} does not implement entropy`);
  }
  perplexity(): Tensor {
    return this.entropy().exp();
  }
  /** A distribution of the same kind with its parameters expanded to `batch_shape`. */
  expand(batch_shape: SampleShape): Distribution {
    void batch_shape;
    throw new NotImplementedError(`${this.constructor.name} does not implement expand`);
  }

  /** `[...sample_shape, ...batch_shape, ...event_shape]`. */
  _extended_shape(sample_shape: SampleShape = []): Size {
    return size([...checkSampleShape(sample_shape), ...this._batch_shape, ...this._event_shape]);
  }

  /** PyTorch's `_validate_sample`: `value`'s trailing dims against the event shape, its values against the support. */
  _validate_sample(value: Tensor): void {
    if (!(value instanceof Tensor)) throw new ValueError("The value argument to log_prob must be a Tensor");
    const ev = this._event_shape.length;
    const tail = value.shape.slice(Math.max(0, value.dim() - ev));
    if (tail.length !== ev || tail.some((d, i) => d !== this._event_shape[i])) {
      throw new ValueError(`The right-most size of value must match event_shape: ${size(value.shape)} vs ${this._event_shape}.`);
    }
    const actual = value.shape;
    const expected = [...this._batch_shape, ...this._event_shape];
    for (let k = 1; k <= Math.min(actual.length, expected.length); k++) {
      const i = actual[actual.length - k];
      const j = expected[expected.length - k];
      if (i !== 1 && j !== 1 && i !== j) {
        throw new ValueError(`Value is not broadcastable with batch_shape+event_shape: ${size(actual)} vs ${size(expected)}.`);
      }
    }
    const support = this.support;
    const valid = support.check(value);
    if (!(valid.all().item() as unknown as boolean)) {
      throw new ValueError(
        `Expected value argument (Tensor of shape ${pyTuple(value.shape)}) to be within the support (${support.toString()}) ` +
          `of the distribution ${this.toString()}, but found invalid values:\n${formatValue(value)}`,
      );
    }
  }

  /** The parameters set on this instance (given, or lazily computed so far), for the repr and validation. */
  protected _present(): string[] {
    return Object.keys(this.arg_constraints).filter((k) => Object.prototype.hasOwnProperty.call(this, k));
  }

  toString(): string {
    const self = this as unknown as Record<string, Tensor>;
    const present = this._present();
    const args = Object.keys(this.arg_constraints)
      .filter((p) => present.includes(p))
      .map((p) => `${p}: ${self[p].numel() === 1 ? formatValue(self[p]) : String(size(self[p].shape))}`);
    return `${this.constructor.name}(${args.join(", ")})`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
  /** A notebook shows a distribution as its repr. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString() };
  }
}

/**
 * PyTorch's `broadcast_all`: numbers become tensors (of the first tensor argument's dtype, else
 * float32) and everything is broadcast to one shape.
 */
export function broadcast_all(...values: (number | Tensor)[]): Tensor[] {
  if (!values.every((v) => v instanceof Tensor || typeof v === "number")) {
    throw new ValueError("Input arguments must all be instances of numbers.Number, torch.Tensor or objects implementing __torch_function__.");
  }
  const first = values.find((v): v is Tensor => v instanceof Tensor);
  const dtype = first?.dtype ?? float32;
  const ts = values.map((v) => (v instanceof Tensor ? v : tensor(v, { dtype })));
  // Tensors already of the common shape are used as they are: a broadcast view would be a graph node
  // that one backward() frees, and a distribution is often built once and scored many times.
  const shape = broadcast_shapes(...ts.map((t) => t.shape));
  return ts.map((t) => (t.dim() === shape.length && t.shape.every((d, i) => d === shape[i]) ? t : broadcast_tensors(t, ...ts)[0]));
}

/** Sums the rightmost `dim` dims. */
export function _sum_rightmost(value: Tensor, dim: number): Tensor {
  if (dim === 0) return value;
  return value.reshape([...value.shape.slice(0, value.dim() - dim), -1]).sum(-1);
}

const F32_EPS = 1.1920928955078125e-7;

/** Probabilities clamped into [eps, 1 - eps]. */
export function clamp_probs(probs: Tensor): Tensor {
  return probs.clamp({ min: F32_EPS, max: 1 - F32_EPS });
}

export function logits_to_probs(logits: Tensor, is_binary = false): Tensor {
  return enable_grad(() => (is_binary ? logits.sigmoid() : softmax(logits, -1)));
}

export function probs_to_logits(probs: Tensor, is_binary = false): Tensor {
  return enable_grad(() => {
    const ps_clamped = clamp_probs(probs);
    if (is_binary) return ps_clamped.log().sub(ps_clamped.neg().log1p());
    return ps_clamped.log();
  });
}

/** A standard normal draw of `shape` from the default generator (PyTorch's `_standard_normal`). */
export function standard_normal(shape: readonly number[]): Tensor {
  return empty(Array.from(shape)).normal_();
}

export { NotImplementedError };
