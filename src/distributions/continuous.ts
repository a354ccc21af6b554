/**
 * Continuous distributions of torch.distributions: Normal, Uniform, Exponential, Laplace, LogNormal
 * and Independent, with PyTorch 1.13's formulas (so float32 results match) and its random streams
 * (`Normal.sample` draws what `torch.randn` would, `Uniform` what `torch.rand` would).
 */
import { Tensor } from "../tensor/tensor";
import { parseArgs } from "../tensor/args";
import { ValueError, NotImplementedError, TypeError } from "../errors";
import { no_grad } from "../autograd/grad_mode";
import { rand } from "../ops/creation";
import * as C from "./constraints";
import { Distribution, DistributionOptions, Param, SampleShape, broadcast_all, distArgs, standard_normal, _sum_rightmost, size } from "./distribution";

const LOG_SQRT_2PI = Math.log(Math.sqrt(2 * Math.PI));
const SQRT2 = Math.sqrt(2);
const F32_EPS = 1.1920928955078125e-7;



/** Batch shape of a two-parameter distribution: () when both were numbers, else the broadcast shape. */
const batchOf = (a: unknown, b: unknown, t: Tensor): number[] => (typeof a === "number" && typeof b === "number" ? [] : t.shape);

/** A location-scale pair (loc, scale) broadcast together, as Normal and Laplace hold it. */
abstract class LocScale extends Distribution {
  loc!: Tensor;
  scale!: Tensor;
  get arg_constraints(): Record<string, C.Constraint> {
    return { loc: C.real, scale: C.positive };
  }
  get support(): C.Constraint {
    return C.real;
  }
  get has_rsample(): boolean {
    return true;
  }
  get mean(): Tensor {
    return this.loc;
  }
  get mode(): Tensor {
    return this.loc;
  }
  protected setup(op: string, loc: unknown, scale: unknown, options: unknown): void {
    const o = distArgs(op, [loc, scale, options], ["loc", "scale"]);
    [this.loc, this.scale] = broadcast_all(o.loc as Param, o.scale as Param);
    this._init(batchOf(o.loc, o.scale, this.loc), [], o.validate_args as boolean | undefined);
  }
  protected expanded<T extends LocScale>(into: T, batch_shape: SampleShape): T {
    into.loc = this.loc.expand(Array.from(batch_shape));
    into.scale = this.scale.expand(Array.from(batch_shape));
    return this._expandedInto(into, batch_shape);
  }
}

/**
 * The normal distribution N(loc, scale^2). `new Normal(0., 1.)`, `new Normal(mu, sigma)`.
 * @example new torch.distributions.Normal(torch.tensor([0.0]), torch.tensor([1.0])).log_prob(torch.tensor([0.5]))
 */
export class Normal extends LocScale {
  constructor(loc: Param | ({ loc?: Param; scale?: Param } & DistributionOptions), scale?: Param | DistributionOptions, options?: DistributionOptions) {
    super();
    this.setup("Normal", loc, scale, options);
  }
  get stddev(): Tensor {
    return this.scale;
  }
  get variance(): Tensor {
    return this.stddev.pow(2);
  }
  expand(batch_shape: SampleShape): Normal {
    return this.expanded(Object.create(Normal.prototype) as Normal, batch_shape);
  }
  sample(sample_shape: SampleShape = []): Tensor {
    const shape = this._extended_shape(sample_shape);
    return no_grad(() => standard_normal(shape).mul(this.scale.expand(shape)).add(this.loc.expand(shape)));
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    const shape = this._extended_shape(sample_shape);
    const eps = standard_normal(shape);
    return this.loc.add(eps.mul(this.scale));
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const v = this.scale.pow(2);
    return value.sub(this.loc).pow(2).neg().div(v.mul(2)).sub(this.scale.log()).sub(LOG_SQRT_2PI);
  }
  cdf(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return value.sub(this.loc).mul(this.scale.reciprocal()).div(SQRT2).erf().add(1).mul(0.5);
  }
  icdf(value: Tensor): Tensor {
    return this.loc.add(this.scale.mul(value.mul(2).sub(1).erfinv()).mul(SQRT2));
  }
  entropy(): Tensor {
    return this.scale.log().add(0.5 + 0.5 * Math.log(2 * Math.PI));
  }
}

/**
 * The Laplace distribution with location `loc` and scale `scale`.
 */
export class Laplace extends LocScale {
  constructor(loc: Param | ({ loc?: Param; scale?: Param } & DistributionOptions), scale?: Param | DistributionOptions, options?: DistributionOptions) {
    super();
    this.setup("Laplace", loc, scale, options);
  }
  get variance(): Tensor {
    return this.scale.pow(2).mul(2);
  }
  get stddev(): Tensor {
    return this.scale.mul(2 ** 0.5);
  }
  expand(batch_shape: SampleShape): Laplace {
    return this.expanded(Object.create(Laplace.prototype) as Laplace, batch_shape);
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    const shape = this._extended_shape(sample_shape);
    const u = this.loc.new_empty(Array.from(shape)).uniform_(F32_EPS - 1, 1);
    return this.loc.sub(this.scale.mul(u.sign()).mul(u.abs().neg().log1p()));
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return this.scale.mul(2).log().neg().sub(value.sub(this.loc).abs().div(this.scale));
  }
  cdf(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const d = value.sub(this.loc);
    return d.sign().mul(0.5).mul(d.abs().neg().div(this.scale).expm1()).rsub(0.5);
  }
  icdf(value: Tensor): Tensor {
    const term = value.sub(0.5);
    return this.loc.sub(this.scale.mul(term.sign()).mul(term.abs().mul(-2).log1p()));
  }
  entropy(): Tensor {
    return this.scale.mul(2).log().add(1);
  }
}

/**
 * The uniform distribution on [low, high).
 */
export class Uniform extends Distribution {
  low!: Tensor;
  high!: Tensor;
  constructor(low: Param | ({ low?: Param; high?: Param } & DistributionOptions), high?: Param | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = distArgs("Uniform", [low, high, options], ["low", "high"]);
    [this.low, this.high] = broadcast_all(o.low as Param, o.high as Param);
    this._init(batchOf(o.low, o.high, this.low), [], o.validate_args as boolean | undefined);
    if (this._validate_args && !(this.low.lt(this.high).all().item() as unknown as boolean)) {
      throw new ValueError("Uniform is not defined when low>= high");
    }
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { low: C.dependent, high: C.dependent };
  }
  get has_rsample(): boolean {
    return true;
  }
  get support(): C.Constraint {
    return C.interval(this.low, this.high);
  }
  get mean(): Tensor {
    return this.high.add(this.low).div(2);
  }
  get mode(): Tensor {
    return this.high.mul(NaN);
  }
  get stddev(): Tensor {
    return this.high.sub(this.low).div(12 ** 0.5);
  }
  get variance(): Tensor {
    return this.high.sub(this.low).pow(2).div(12);
  }
  expand(batch_shape: SampleShape): Uniform {
    const into = Object.create(Uniform.prototype) as Uniform;
    into.low = this.low.expand(Array.from(batch_shape));
    into.high = this.high.expand(Array.from(batch_shape));
    return this._expandedInto(into, batch_shape);
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    const shape = this._extended_shape(sample_shape);
    const r = rand(Array.from(shape), { dtype: this.low.dtype });
    return this.low.add(r.mul(this.high.sub(this.low)));
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const lb = this.low.le(value).type_as(this.low);
    const ub = this.high.gt(value).type_as(this.low);
    return lb.mul(ub).log().sub(this.high.sub(this.low).log());
  }
  cdf(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return value.sub(this.low).div(this.high.sub(this.low)).clamp({ min: 0, max: 1 });
  }
  icdf(value: Tensor): Tensor {
    return value.mul(this.high.sub(this.low)).add(this.low);
  }
  entropy(): Tensor {
    return this.high.sub(this.low).log();
  }
}

/**
 * The exponential distribution with rate `rate`.
 */
export class Exponential extends Distribution {
  rate!: Tensor;
  constructor(rate: Param | ({ rate?: Param } & DistributionOptions), options?: DistributionOptions) {
    super();
    const o = distArgs("Exponential", [rate, options], ["rate"]);
    [this.rate] = broadcast_all(o.rate as Param);
    this._init(typeof o.rate === "number" ? [] : this.rate.shape, [], o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { rate: C.positive };
  }
  get support(): C.Constraint {
    return C.nonnegative;
  }
  get has_rsample(): boolean {
    return true;
  }
  get mean(): Tensor {
    return this.rate.reciprocal();
  }
  get mode(): Tensor {
    return this.rate.new_zeros(this.rate.shape);
  }
  get stddev(): Tensor {
    return this.rate.reciprocal();
  }
  get variance(): Tensor {
    return this.rate.pow(-2);
  }
  expand(batch_shape: SampleShape): Exponential {
    const into = Object.create(Exponential.prototype) as Exponential;
    into.rate = this.rate.expand(Array.from(batch_shape));
    return this._expandedInto(into, batch_shape);
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    const shape = this._extended_shape(sample_shape);
    return this.rate.new_empty(Array.from(shape)).exponential_().div(this.rate);
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return this.rate.log().sub(this.rate.mul(value));
  }
  cdf(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return this.rate.neg().mul(value).exp().rsub(1);
  }
  icdf(value: Tensor): Tensor {
    return value.rsub(1).log().neg().div(this.rate);
  }
  entropy(): Tensor {
    return this.rate.log().rsub(1);
  }
}

/**
 * The log-normal distribution: exp of a Normal(loc, scale) (PyTorch's TransformedDistribution with
 * an ExpTransform; as there, it prints as `LogNormal()` and keeps the Normal in `base_dist`).
 */
export class LogNormal extends Distribution {
  base_dist: Normal;
  constructor(loc: Param | ({ loc?: Param; scale?: Param } & DistributionOptions), scale?: Param | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = distArgs("LogNormal", [loc, scale, options], ["loc", "scale"]);
    this.base_dist = new Normal(o.loc as Param, o.scale as Param, { validate_args: o.validate_args as boolean | undefined });
    this._init(this.base_dist.batch_shape, [], o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { loc: C.real, scale: C.positive };
  }
  get support(): C.Constraint {
    return C.positive;
  }
  get has_rsample(): boolean {
    return true;
  }
  get loc(): Tensor {
    return this.base_dist.loc;
  }
  get scale(): Tensor {
    return this.base_dist.scale;
  }
  get mean(): Tensor {
    return this.loc.add(this.scale.pow(2).div(2)).exp();
  }
  get mode(): Tensor {
    return this.loc.sub(this.scale.pow(2)).exp();
  }
  get variance(): Tensor {
    const s2 = this.scale.pow(2);
    return s2.exp().sub(1).mul(this.loc.mul(2).add(s2).exp());
  }
  expand(batch_shape: SampleShape): LogNormal {
    const into = Object.create(LogNormal.prototype) as LogNormal;
    into.base_dist = this.base_dist.expand(batch_shape);
    return this._expandedInto(into, batch_shape);
  }
  sample(sample_shape: SampleShape = []): Tensor {
    return no_grad(() => this.base_dist.sample(sample_shape).exp());
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    return this.base_dist.rsample(sample_shape).exp();
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const x = value.log();
    return x.neg().add(this.base_dist.log_prob(x));
  }
  cdf(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return this.base_dist.cdf(value.log());
  }
  icdf(value: Tensor): Tensor {
    return this.base_dist.icdf(value).exp();
  }
  entropy(): Tensor {
    return this.base_dist.entropy().add(this.loc);
  }
  protected _present(): string[] {
    return [];
  }
}

/**
 * Reinterprets the rightmost `reinterpreted_batch_ndims` batch dims of a distribution as event
 * dims: `new Independent(new Normal(loc, scale), 1)` is a diagonal multivariate normal.
 */
export class Independent extends Distribution {
  base_dist: Distribution;
  reinterpreted_batch_ndims: number;
  constructor(base_distribution: Distribution, reinterpreted_batch_ndims: number | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = parseArgs("Independent", [base_distribution, reinterpreted_batch_ndims, options], ["base_distribution", "reinterpreted_batch_ndims", "validate_args"]);
    const base = o.base_distribution as Distribution;
    if (!(base instanceof Distribution)) throw new TypeError(`Independent(): base_distribution must be a Distribution, got ${String(base)}`);
    const n = o.reinterpreted_batch_ndims as number;
    if (!Number.isInteger(n) || n < 0) throw new TypeError(`Independent(): reinterpreted_batch_ndims must be a non-negative integer, got ${String(n)}`);
    if (n > base.batch_shape.length) {
      throw new ValueError(`Expected reinterpreted_batch_ndims <= len(base_distribution.batch_shape), actual ${n} vs ${base.batch_shape.length}`);
    }
    const shape = [...base.batch_shape, ...base.event_shape];
    const event_dim = n + base.event_shape.length;
    this.base_dist = base;
    this.reinterpreted_batch_ndims = n;
    this._init(shape.slice(0, shape.length - event_dim), shape.slice(shape.length - event_dim), o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return {};
  }
  get has_rsample(): boolean {
    return this.base_dist.has_rsample;
  }
  get has_enumerate_support(): boolean {
    return this.reinterpreted_batch_ndims > 0 ? false : this.base_dist.has_enumerate_support;
  }
  get support(): C.Constraint {
    const result = this.base_dist.support;
    return this.reinterpreted_batch_ndims ? C.independent(result, this.reinterpreted_batch_ndims) : result;
  }
  get mean(): Tensor {
    return this.base_dist.mean;
  }
  get mode(): Tensor {
    return this.base_dist.mode;
  }
  get variance(): Tensor {
    return this.base_dist.variance;
  }
  expand(batch_shape: SampleShape): Independent {
    const into = Object.create(Independent.prototype) as Independent;
    into.base_dist = this.base_dist.expand([...batch_shape, ...this.event_shape.slice(0, this.reinterpreted_batch_ndims)]);
    into.reinterpreted_batch_ndims = this.reinterpreted_batch_ndims;
    return this._expandedInto(into, batch_shape, this.event_shape);
  }
  sample(sample_shape: SampleShape = []): Tensor {
    return this.base_dist.sample(sample_shape);
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    return this.base_dist.rsample(sample_shape);
  }
  log_prob(value: Tensor): Tensor {
    return _sum_rightmost(this.base_dist.log_prob(value), this.reinterpreted_batch_ndims);
  }
  entropy(): Tensor {
    return _sum_rightmost(this.base_dist.entropy(), this.reinterpreted_batch_ndims);
  }
  enumerate_support(expand = true): Tensor {
    if (this.reinterpreted_batch_ndims > 0) throw new NotImplementedError("Enumeration over cartesian product is not implemented");
    return this.base_dist.enumerate_support(expand);
  }
  toString(): string {
    return `Independent(${this.base_dist.toString()}, ${this.reinterpreted_batch_ndims})`;
  }
}

export { size };
