/**
 * torch.distributions.constraints: what values a distribution's parameters and samples may take.
 * Each constraint's `check(value)` gives a bool tensor (one entry per event, as PyTorch's), and its
 * repr is PyTorch's (`GreaterThan(lower_bound=0.0)`, `IntegerInterval(lower_bound=0, upper_bound=3)`),
 * since the validation errors print it.
 */
import { Tensor } from "../tensor/tensor";
import { bool } from "../tensor/dtype";
import { tensor } from "../ops/creation";
import { pyFloat } from "../testing/pyrepr";

/** Python's `'{}'.format(x)` of a bound: a number or a 0-d tensor prints as its value, any other tensor as the tensor. */
export function formatValue(v: number | Tensor): string {
  if (typeof v === "number") return Number.isInteger(v) && !Object.is(v, -0) ? String(v) : pyFloat(v);
  if (v.dim() === 0) {
    const x = v.item();
    if (v.dtype === bool) return x ? "True" : "False";
    return v.dtype.is_floating_point ? pyFloat(x) : String(x);
  }
  return String(v);
}

/** A float bound prints as Python's float (`0.0`), an integer interval's as an int. */
const floatBound = (v: number | Tensor): string => (typeof v === "number" ? pyFloat(v) : formatValue(v));

export abstract class Constraint {
  /** Whether the constraint is discrete (integer valued). */
  is_discrete = false;
  /** The number of rightmost dims that form one event. */
  event_dim = 0;
  abstract check(value: Tensor): Tensor;
  abstract toString(): string;
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** A parameter whose support depends on other parameters: not checked (PyTorch's `constraints.dependent`). */
export class Dependent extends Constraint {
  constructor(options: { is_discrete?: boolean; event_dim?: number } = {}) {
    super();
    this.is_discrete = options.is_discrete ?? false;
    this.event_dim = options.event_dim ?? 0;
  }
  check(): Tensor {
    throw new Error("Cannot determine validity of dependent constraint");
  }
  toString(): string {
    return "Dependent()";
  }
}

export class Real extends Constraint {
  check(value: Tensor): Tensor {
    return value.eq(value);
  }
  toString(): string {
    return "Real()";
  }
}

export class GreaterThan extends Constraint {
  constructor(readonly lower_bound: number | Tensor) {
    super();
  }
  check(value: Tensor): Tensor {
    return value.gt(this.lower_bound);
  }
  toString(): string {
    return `GreaterThan(lower_bound=${floatBound(this.lower_bound)})`;
  }
}

export class GreaterThanEq extends Constraint {
  constructor(readonly lower_bound: number | Tensor) {
    super();
  }
  check(value: Tensor): Tensor {
    return value.ge(this.lower_bound);
  }
  toString(): string {
    return `GreaterThanEq(lower_bound=${floatBound(this.lower_bound)})`;
  }
}

export class Interval extends Constraint {
  constructor(readonly lower_bound: number | Tensor, readonly upper_bound: number | Tensor) {
    super();
  }
  check(value: Tensor): Tensor {
    return value.ge(this.lower_bound).logical_and(value.le(this.upper_bound));
  }
  toString(): string {
    return `Interval(lower_bound=${floatBound(this.lower_bound)}, upper_bound=${floatBound(this.upper_bound)})`;
  }
}

export class IntegerInterval extends Constraint {
  is_discrete = true;
  constructor(readonly lower_bound: number, readonly upper_bound: number) {
    super();
  }
  check(value: Tensor): Tensor {
    return value.remainder(1).eq(0).logical_and(value.ge(this.lower_bound)).logical_and(value.le(this.upper_bound));
  }
  toString(): string {
    return `IntegerInterval(lower_bound=${this.lower_bound}, upper_bound=${this.upper_bound})`;
  }
}

export class IntegerGreaterThan extends Constraint {
  is_discrete = true;
  constructor(readonly lower_bound: number) {
    super();
  }
  check(value: Tensor): Tensor {
    return value.remainder(1).eq(0).logical_and(value.ge(this.lower_bound));
  }
  toString(): string {
    return `IntegerGreaterThan(lower_bound=${this.lower_bound})`;
  }
}

export class BooleanConstraint extends Constraint {
  is_discrete = true;
  check(value: Tensor): Tensor {
    return value.eq(0).logical_or(value.eq(1));
  }
  toString(): string {
    return "Boolean()";
  }
}

export class OneHot extends Constraint {
  is_discrete = true;
  event_dim = 1;
  check(value: Tensor): Tensor {
    const is_boolean = value.eq(0).logical_or(value.eq(1));
    const is_normalized = value.sum(-1).eq(1);
    return is_boolean.all(-1).logical_and(is_normalized);
  }
  toString(): string {
    return "OneHot()";
  }
}

/** Count vectors of a Multinomial: nonnegative, summing to at most `upper_bound`. */
export class MultinomialConstraint extends Constraint {
  is_discrete = true;
  event_dim = 1;
  constructor(readonly upper_bound: number) {
    super();
  }
  check(value: Tensor): Tensor {
    return value.ge(0).all(-1).logical_and(value.sum(-1).le(this.upper_bound));
  }
  toString(): string {
    return "Multinomial()";
  }
}

export class Simplex extends Constraint {
  event_dim = 1;
  check(value: Tensor): Tensor {
    return value.ge(0).all(-1).logical_and(value.sum(-1).sub(1).abs().lt(1e-6));
  }
  toString(): string {
    return "Simplex()";
  }
}

/** Reinterprets the rightmost `reinterpreted_batch_ndims` dims of a constraint as one event. */
export class IndependentConstraint extends Constraint {
  constructor(readonly base_constraint: Constraint, readonly reinterpreted_batch_ndims: number) {
    super();
    this.is_discrete = base_constraint.is_discrete;
    this.event_dim = base_constraint.event_dim + reinterpreted_batch_ndims;
  }
  check(value: Tensor): Tensor {
    let result = this.base_constraint.check(value);
    if (result.dim() < this.reinterpreted_batch_ndims) {
      const expected = this.base_constraint.event_dim + this.reinterpreted_batch_ndims;
      throw new Error(`Expected value.dim() >= ${expected} but got ${value.dim()}`);
    }
    result = result.reshape([...result.shape.slice(0, result.dim() - this.reinterpreted_batch_ndims), -1]);
    return result.all(-1);
  }
  toString(): string {
    return `IndependentConstraint(${this.base_constraint}, ${this.reinterpreted_batch_ndims})`;
  }
}

/** Whether each matrix of `[..., n, n]` has a Cholesky factor (PyTorch's `cholesky_ex(...).info == 0`), after a symmetry check. */
function choleskyOk(value: Tensor): Tensor {
  const n = value.shape[value.dim() - 1];
  const data = value.detach().contiguous().dataSync();
  const batch = value.numel() / (n * n);
  const ok: boolean[] = [];
  for (let b = 0; b < batch; b++) {
    const a = Array.from(data.subarray(b * n * n, (b + 1) * n * n) as Float32Array);
    const L = new Float64Array(n * n);
    let good = true;
    for (let j = 0; j < n && good; j++) {
      let d = a[j * n + j];
      for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k];
      if (!(d > 0)) good = false;
      L[j * n + j] = Math.sqrt(d);
      for (let i = j + 1; i < n && good; i++) {
        let s = a[i * n + j];
        for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
        L[i * n + j] = s / L[j * n + j];
      }
    }
    ok.push(good);
  }
  return tensor(ok, { dtype: bool }).reshape(value.shape.slice(0, -2));
}

export class PositiveDefinite extends Constraint {
  event_dim = 2;
  check(value: Tensor): Tensor {
    const square = value.dim() >= 2 && value.shape[value.dim() - 1] === value.shape[value.dim() - 2];
    if (!square) return value.new_full(value.shape.slice(0, -2), false, { dtype: bool });
    const sym = value.isclose(value.mT, { atol: 1e-6 }).all(-2).all(-1);
    if (!(sym.all().item() as unknown as boolean)) return sym;
    return choleskyOk(value);
  }
  toString(): string {
    return "PositiveDefinite()";
  }
}

export class LowerCholesky extends Constraint {
  event_dim = 2;
  check(value: Tensor): Tensor {
    const lower = value.tril().eq(value).reshape([...value.shape.slice(0, -2), -1]).all(-1);
    const positive = value.diagonal({ dim1: -2, dim2: -1 }).gt(0).all(-1);
    return lower.logical_and(positive);
  }
  toString(): string {
    return "LowerCholesky()";
  }
}

export const dependent = new Dependent();
export const real = new Real();
export const real_vector = new IndependentConstraint(real, 1);
export const positive = new GreaterThan(0);
export const nonnegative = new GreaterThanEq(0);
export const unit_interval = new Interval(0, 1);
export const nonnegative_integer = new IntegerGreaterThan(0);
export const positive_integer = new IntegerGreaterThan(1);
export const boolean = new BooleanConstraint();
export const one_hot = new OneHot();
export const simplex = new Simplex();
export const positive_definite = new PositiveDefinite();
export const lower_cholesky = new LowerCholesky();
export const greater_than = (lower_bound: number | Tensor): GreaterThan => new GreaterThan(lower_bound);
export const greater_than_eq = (lower_bound: number | Tensor): GreaterThanEq => new GreaterThanEq(lower_bound);
export const interval = (lower_bound: number | Tensor, upper_bound: number | Tensor): Interval => new Interval(lower_bound, upper_bound);
export const multinomial = (upper_bound: number): MultinomialConstraint => new MultinomialConstraint(upper_bound);
export const integer_interval = (lower_bound: number, upper_bound: number): IntegerInterval => new IntegerInterval(lower_bound, upper_bound);
export const independent = (base_constraint: Constraint, reinterpreted_batch_ndims: number): IndependentConstraint =>
  new IndependentConstraint(base_constraint, reinterpreted_batch_ndims);
/** Whether a constraint cannot be checked (PyTorch's `constraints.is_dependent`). */
export const is_dependent = (c: Constraint): boolean => c instanceof Dependent;
