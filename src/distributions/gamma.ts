/**
 * Gamma, Chi2, Dirichlet, Beta and Poisson, with PyTorch 1.13's CPU samplers so that seeded draws
 * are PyTorch's: Marsaglia and Tsang's gamma sampler on the generator's double uniforms and
 * normal_distribution<double> (float32 alpha for Gamma, double for Dirichlet, as the kernels
 * compute), and Poisson by transformed rejection (rate >= 10) or multiplication of uniforms.
 * Gamma's rsample is differentiable through the concentration with the pathwise gradient PyTorch
 * uses (a Taylor series for small samples, Rice's saddle point for large alpha, a rational
 * approximation between). Dirichlet and Beta sample, score and compute moments; their rsample
 * differentiates only when the concentrations need no gradient.
 */
import { Tensor } from "../tensor/tensor";
import { parseArgs } from "../tensor/args";
import { NotImplementedError, RuntimeError, ValueError, TypeError } from "../errors";
import { no_grad } from "../autograd/grad_mode";
import { Function as AutogradFunction, FunctionCtx } from "../autograd/function";
import { from_typed } from "../ops/creation";
import { stack } from "../ops/movement";
import { Generator, default_generator } from "../tensor/random";
import { digammaScalar } from "../ops/math_extra";
import * as C from "./constraints";
import { Distribution, DistributionOptions, Param, SampleShape, broadcast_all, distArgs } from "./distribution";

const { fround, pow, sqrt, log, exp, floor, abs } = Math;
const F_THIRD = fround(1 / 3);
const F_0331 = fround(0.0331);
const FLT_MIN = 1.1754943508222875e-38;
const DBL_MIN = 2.2250738585072014e-308;
const BELOW_ONE_F32 = fround(1 - 2 ** -24);

/** PyTorch's sample_gamma: `f32` when alpha is a float32 (Gamma), double for Dirichlet. */
function sampleGamma(alphaIn: number, f32: boolean): number {
  const g = default_generator;
  const r = f32 ? fround : (x: number) => x;
  let alpha = alphaIn;
  let scale = 1.0;
  if (alpha < 1) {
    if (alpha === 0) return 0;
    scale *= pow(1 - g.random_double(), r(1 / alpha));
    alpha = r(alpha + 1);
  }
  const d = r(alpha - F_THIRD);
  const c = 1 / sqrt(9 * d);
  for (;;) {
    let x: number;
    let y: number;
    do {
      x = g.normal();
      y = 1 + c * x;
    } while (y <= 0);
    const v = y * y * y;
    const u = 1 - g.random_double();
    const xx = x * x;
    if (u < 1 - F_0331 * xx * xx) return r(scale * d * v);
    if (log(u) < 0.5 * xx + d * (1 - v + log(v))) return r(scale * d * v);
  }
}

/** PyTorch's sample_poisson (double). */
function samplePoisson(lambda: number, g: Generator): number {
  if (!(lambda >= 0)) throw new RuntimeError("invalid Poisson rate, expected rate to be non-negative");
  if (lambda >= 10) {
    const slam = sqrt(lambda);
    const loglam = log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const U = g.random_double() - 0.5;
      const V = g.random_double();
      const us = 0.5 - abs(U);
      const k = floor((2 * a / us + b) * U + lambda + 0.43);
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (log(V) + log(invalpha) - log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1)) return k;
    }
  }
  if (lambda === 0) return 0;
  const enlam = exp(-lambda);
  let X = 0;
  let prod = 1.0;
  for (;;) {
    prod *= g.random_double();
    if (prod > enlam) X += 1;
    else return X;
  }
}

/** ln Gamma(x) for x >= 1 (whole numbers here), in double. */
function lgamma(x: number): number {
  let s = 0;
  for (let k = 2; k < x; k++) s += log(k);
  return s;
}

/** -(d/dalpha cdf(x; alpha)) / pdf(x; alpha) for x ~ Gamma(alpha): the pathwise gradient of a standard gamma sample. */
function standardGammaGrad(alpha: number, x: number): number {
  if (x < fround(0.8)) {
    let numer = 1;
    let denom = alpha;
    let series1 = numer / denom;
    let series2 = numer / (denom * denom);
    for (let i = 1; i <= 5; i++) {
      numer *= -x / i;
      denom += 1;
      series1 += numer / denom;
      series2 += numer / (denom * denom);
    }
    const powXAlpha = pow(x, alpha);
    const pdf = pow(x, alpha - 1) * exp(-x);
    const cdf = powXAlpha * series1;
    const cdfAlpha = (log(x) - digammaScalar(alpha)) * cdf - powXAlpha * series2;
    const result = -cdfAlpha / pdf;
    return Number.isNaN(result) ? 0 : fround(result);
  }
  if (alpha > 8) {
    if (fround(0.9) * alpha <= x && x <= fround(1.1) * alpha) {
      const numer1 = 1 + 24 * alpha * (1 + 12 * alpha);
      const numer2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - (65 * x * x) / alpha + alpha * (107 + 3600 * x);
      const den = 1244160 * (alpha * alpha) * (alpha * alpha);
      return fround((numer1 * numer2) / den);
    }
    const den = sqrt(8 * alpha);
    const term2 = den / (alpha - x);
    const term3 = pow(x - alpha - alpha * log(x / alpha), -1.5);
    const term23 = x < alpha ? term2 - term3 : term2 + term3;
    const term1 = log(x / alpha) * term23 - (sqrt(2 / alpha) * (alpha + x)) / ((alpha - x) * (alpha - x));
    const stirling = 1 + (1 / (12 * alpha)) * (1 + 1 / (24 * alpha));
    return fround((-stirling * (x * term1)) / den);
  }
  // Jankowiak and Obermeyer's bivariate rational approximation in u = log(x / alpha), v = log(alpha).
  const u = log(x / alpha);
  const v = log(alpha);
  const coef = [
    [0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084],
    [0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915, -0.00058392623],
    [0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367, -1.5247877e-7],
  ];
  const cv = coef[0].map((c0, i) => c0 + u * (coef[1][i] + u * coef[2][i]));
  const p = cv[0] + v * (cv[1] + v * (cv[2] + v * cv[3]));
  const q = cv[4] + v * (cv[5] + v * (cv[6] + v * cv[7]));
  return fround(exp(p / q));
}

const gammaSamples = new WeakMap<FunctionCtx, { alpha: Float32Array; x: Float32Array; shape: number[] }>();

/** torch._standard_gamma with its gradient. */
class StandardGamma extends AutogradFunction {
  static forward(ctx: FunctionCtx, concentration: Tensor): Tensor {
    const alpha = concentration.detach().contiguous().dataSync() as Float32Array;
    const x = new Float32Array(alpha.length);
    for (let i = 0; i < alpha.length; i++) x[i] = Math.max(FLT_MIN, sampleGamma(alpha[i], true));
    gammaSamples.set(ctx, { alpha: Float32Array.from(alpha), x, shape: concentration.shape });
    return from_typed(x, concentration.shape);
  }
  static backward(ctx: FunctionCtx, grad: Tensor): Tensor {
    const { alpha, x, shape } = gammaSamples.get(ctx)!;
    const d = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) d[i] = standardGammaGrad(alpha[i], x[i]);
    return grad.mul(from_typed(d, shape));
  }
}

/** `torch._standard_gamma(concentration)`: one Gamma(alpha, 1) draw per element, differentiable in alpha. */
export function _standard_gamma(concentration: Tensor): Tensor {
  if (!(concentration instanceof Tensor) || !concentration.dtype.is_floating_point) throw new TypeError("_standard_gamma(): concentration must be a float tensor");
  return StandardGamma.apply(concentration);
}

/** `torch.poisson(rates, {generator})`: one Poisson draw per element (float, as the rates). */
export function poisson(input: Tensor | { input?: Tensor; generator?: Generator }, options?: { generator?: Generator }): Tensor {
  const a = parseArgs("poisson", [input, options], ["input", "generator"]);
  const t = a.input as Tensor;
  if (!(t instanceof Tensor)) throw new TypeError("poisson(): argument 'input' must be Tensor");
  const g = (a.generator as Generator | undefined) ?? default_generator;
  const lam = t.detach().contiguous().dataSync();
  const out = new Float32Array(lam.length);
  for (let i = 0; i < lam.length; i++) out[i] = samplePoisson(lam[i], g);
  return from_typed(out, t.shape);
}

/** torch._sample_dirichlet: gamma draws in double, normalised over the last dim, clamped into (0, 1). */
function sampleDirichlet(concentration: Tensor): Tensor {
  const k = concentration.shape[concentration.dim() - 1];
  const a = concentration.detach().contiguous().dataSync();
  const g = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) g[i] = Math.max(DBL_MIN, sampleGamma(a[i], false));
  const out = new Float32Array(a.length);
  for (let row = 0; row < a.length; row += k) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += g[row + j];
    for (let j = 0; j < k; j++) out[row + j] = Math.min(BELOW_ONE_F32, Math.max(FLT_MIN, fround(g[row + j] / sum)));
  }
  return from_typed(out, concentration.shape);
}


/** Gamma(concentration, rate). */
export class Gamma extends Distribution {
  concentration!: Tensor;
  rate!: Tensor;
  constructor(concentration: Param | ({ concentration?: Param; rate?: Param } & DistributionOptions), rate?: Param | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = distArgs(this.constructor.name, [concentration, rate, options], ["concentration", "rate"]);
    [this.concentration, this.rate] = broadcast_all(o.concentration as Param, o.rate as Param);
    const scalar = typeof o.concentration === "number" && typeof o.rate === "number";
    this._init(scalar ? [] : this.concentration.shape, [], o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { concentration: C.positive, rate: C.positive };
  }
  get support(): C.Constraint {
    return C.nonnegative;
  }
  get has_rsample(): boolean {
    return true;
  }
  get mean(): Tensor {
    return this.concentration.div(this.rate);
  }
  get mode(): Tensor {
    return this.concentration.sub(1).div(this.rate).clamp({ min: 0 });
  }
  get variance(): Tensor {
    return this.concentration.div(this.rate.pow(2));
  }
  expand(batch_shape: SampleShape): Gamma {
    const into = Object.create(Object.getPrototypeOf(this)) as Gamma;
    into.concentration = this.concentration.expand(Array.from(batch_shape));
    into.rate = this.rate.expand(Array.from(batch_shape));
    return this._expandedInto(into, batch_shape);
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    const shape = Array.from(this._extended_shape(sample_shape));
    const value = _standard_gamma(this.concentration.expand(shape)).div(this.rate.expand(shape));
    no_grad(() => value.detach().clamp_(FLT_MIN));
    return value;
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return this.concentration.xlogy(this.rate).add(this.concentration.sub(1).xlogy(value)).sub(this.rate.mul(value)).sub(this.concentration.lgamma());
  }
  entropy(): Tensor {
    const c = this.concentration;
    return c.sub(this.rate.log()).add(c.lgamma()).add(c.rsub(1).mul(c.digamma()));
  }
}

/** Chi2(df): Gamma(df / 2, 1 / 2). */
export class Chi2 extends Gamma {
  constructor(df: Param | ({ df?: Param } & DistributionOptions), options?: DistributionOptions) {
    const o = distArgs("Chi2", [df, options], ["df"]);
    const d = o.df as Param;
    super(typeof d === "number" ? 0.5 * d : d.mul(0.5), 0.5, { validate_args: o.validate_args as boolean | undefined });
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { df: C.positive };
  }
  get df(): Tensor {
    return this.concentration.mul(2);
  }
  protected _present(): string[] {
    return [];
  }
}

/** Dirichlet(concentration): distributions over the simplex of the last dim. */
export class Dirichlet extends Distribution {
  concentration: Tensor;
  constructor(concentration: Tensor | ({ concentration?: Tensor } & DistributionOptions), options?: DistributionOptions) {
    super();
    const o = parseArgs("Dirichlet", [concentration, options], ["concentration", "validate_args"]);
    const c = o.concentration as Tensor;
    if (!(c instanceof Tensor)) throw new TypeError(`Dirichlet(): concentration must be a Tensor, got ${String(c)}`);
    if (c.dim() < 1) throw new ValueError("`concentration` parameter must be at least one-dimensional.");
    this.concentration = c;
    this._init(c.shape.slice(0, -1), c.shape.slice(-1), o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { concentration: C.independent(C.positive, 1) };
  }
  get support(): C.Constraint {
    return C.simplex;
  }
  get has_rsample(): boolean {
    return true;
  }
  expand(batch_shape: SampleShape): Dirichlet {
    const into = Object.create(Dirichlet.prototype) as Dirichlet;
    into.concentration = this.concentration.expand([...batch_shape, ...this.event_shape]);
    return this._expandedInto(into, batch_shape, this.event_shape);
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    const shape = Array.from(this._extended_shape(sample_shape));
    const c = this.concentration.expand(shape);
    if (c.requires_grad) {
      throw new NotImplementedError("Dirichlet/Beta rsample: the gradient of a sample with respect to the concentrations (PyTorch's _dirichlet_grad) is not implemented in torchlab; use sample(), or detach the concentrations");
    }
    return sampleDirichlet(c);
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const c = this.concentration;
    return value.log().mul(c.sub(1)).sum(-1).add(c.sum(-1).lgamma()).sub(c.lgamma().sum(-1));
  }
  get mean(): Tensor {
    return this.concentration.div(this.concentration.sum(-1, true));
  }
  get variance(): Tensor {
    const c = this.concentration;
    const con0 = c.sum(-1, true);
    return c.mul(con0.sub(c)).div(con0.pow(2).mul(con0.add(1)));
  }
  entropy(): Tensor {
    const c = this.concentration;
    const k = c.shape[c.dim() - 1];
    const a0 = c.sum(-1);
    return c.lgamma().sum(-1).sub(a0.lgamma()).sub(a0.rsub(k).mul(a0.digamma())).sub(c.sub(1).mul(c.digamma()).sum(-1));
  }
}

/** Beta(concentration1, concentration0) on [0, 1], through a two-category Dirichlet. */
export class Beta extends Distribution {
  _dirichlet: Dirichlet;
  constructor(concentration1: Param | ({ concentration1?: Param; concentration0?: Param } & DistributionOptions), concentration0?: Param | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = distArgs("Beta", [concentration1, concentration0, options], ["concentration1", "concentration0"]);
    const [c1, c0] = broadcast_all(o.concentration1 as Param, o.concentration0 as Param);
    this._dirichlet = new Dirichlet(stack([c1, c0], -1), { validate_args: o.validate_args as boolean | undefined });
    this._init(this._dirichlet.batch_shape, [], o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { concentration1: C.positive, concentration0: C.positive };
  }
  get support(): C.Constraint {
    return C.unit_interval;
  }
  get has_rsample(): boolean {
    return true;
  }
  get concentration1(): Tensor {
    return this._dirichlet.concentration.select(-1, 0);
  }
  get concentration0(): Tensor {
    return this._dirichlet.concentration.select(-1, 1);
  }
  get mean(): Tensor {
    return this.concentration1.div(this.concentration1.add(this.concentration0));
  }
  get variance(): Tensor {
    const total = this.concentration1.add(this.concentration0);
    return this.concentration1.mul(this.concentration0).div(total.pow(2).mul(total.add(1)));
  }
  expand(batch_shape: SampleShape): Beta {
    const into = Object.create(Beta.prototype) as Beta;
    into._dirichlet = this._dirichlet.expand(batch_shape);
    return this._expandedInto(into, batch_shape);
  }
  rsample(sample_shape: SampleShape = []): Tensor {
    return this._dirichlet.rsample(sample_shape).select(-1, 0);
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return this._dirichlet.log_prob(stack([value, value.rsub(1)], -1));
  }
  entropy(): Tensor {
    return this._dirichlet.entropy();
  }
  protected _present(): string[] {
    return [];
  }
}

/** Poisson(rate): counts. */
export class Poisson extends Distribution {
  rate!: Tensor;
  constructor(rate: Param | ({ rate?: Param } & DistributionOptions), options?: DistributionOptions) {
    super();
    const o = distArgs("Poisson", [rate, options], ["rate"]);
    [this.rate] = broadcast_all(o.rate as Param);
    this._init(typeof o.rate === "number" ? [] : this.rate.shape, [], o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { rate: C.nonnegative };
  }
  get support(): C.Constraint {
    return C.nonnegative_integer;
  }
  get mean(): Tensor {
    return this.rate;
  }
  get mode(): Tensor {
    return this.rate.floor();
  }
  get variance(): Tensor {
    return this.rate;
  }
  expand(batch_shape: SampleShape): Poisson {
    const into = Object.create(Poisson.prototype) as Poisson;
    into.rate = this.rate.expand(Array.from(batch_shape));
    return this._expandedInto(into, batch_shape);
  }
  sample(sample_shape: SampleShape = []): Tensor {
    const shape = Array.from(this._extended_shape(sample_shape));
    return no_grad(() => poisson(this.rate.expand(shape)));
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const [rate, v] = broadcast_all(this.rate, value);
    return v.xlogy(rate).sub(rate).sub(v.add(1).lgamma());
  }
}
