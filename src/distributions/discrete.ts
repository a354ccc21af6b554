/**
 * Discrete distributions of torch.distributions: Bernoulli, Categorical and OneHotCategorical.
 * Given `probs` or `logits` (exactly one), the other is computed on first use and from then on
 * printed too, as PyTorch's lazy properties behave; samples come from PyTorch's random stream
 * (`torch.bernoulli`, `torch.multinomial`), so a seeded policy picks PyTorch's actions.
 */
import { Tensor } from "../tensor/tensor";
import { parseArgs } from "../tensor/args";
import { float32, int64 } from "../tensor/dtype";
import { ValueError } from "../errors";
import { no_grad } from "../autograd/grad_mode";
import { arange, eye, full } from "../ops/creation";
import { bernoulli, multinomial } from "../ops/sampling";
import { broadcast_tensors } from "../ops/shape_extra";
import { one_hot } from "../nn/functional/index";
import { binary_cross_entropy_with_logits } from "../nn/functional/loss";
import * as C from "./constraints";
import { Distribution, DistributionOptions, Param, SampleShape, broadcast_all, logits_to_probs, probs_to_logits } from "./distribution";

interface ProbsOrLogits extends DistributionOptions {
  probs?: Tensor | number | null;
  logits?: Tensor | number | null;
}

const F32_MIN = -3.4028234663852886e38;

function probsOrLogits(op: string, probs: unknown, logits: unknown, options: unknown): Record<string, unknown> {
  const o = parseArgs(op, [probs, logits, options], ["probs", "logits", "validate_args"]);
  const hasP = o.probs !== undefined && o.probs !== null;
  const hasL = o.logits !== undefined && o.logits !== null;
  if (hasP === hasL) throw new ValueError("Either `probs` or `logits` must be specified, but not both.");
  return o;
}

/** Holds exactly one of probs / logits and derives the other lazily. */
abstract class ProbsLogits extends Distribution {
  protected _probs?: Tensor;
  protected _logits?: Tensor;
  protected abstract get binary(): boolean;
  /** The parameter given at construction (probs or logits). */
  _param!: Tensor;
  get probs(): Tensor {
    if (this._probs === undefined) this._probs = logits_to_probs(this._logits as Tensor, this.binary);
    return this._probs;
  }
  get logits(): Tensor {
    if (this._logits === undefined) this._logits = probs_to_logits(this._probs as Tensor, this.binary);
    return this._logits;
  }
  get param_shape(): Tensor["shape"] {
    return this._param.shape;
  }
  protected _present(): string[] {
    return [...(this._probs !== undefined ? ["probs"] : []), ...(this._logits !== undefined ? ["logits"] : [])];
  }
}

/**
 * Bernoulli(probs) or Bernoulli({logits}): 1 with probability `probs`.
 */
export class Bernoulli extends ProbsLogits {
  protected get binary(): boolean {
    return true;
  }
  constructor(probs?: Param | null | ProbsOrLogits, logits?: Param | null | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = probsOrLogits("Bernoulli", probs, logits, options);
    const given = (o.probs ?? o.logits) as Param;
    const [t] = broadcast_all(given);
    if (o.probs !== undefined && o.probs !== null) this._probs = t;
    else this._logits = t;
    this._param = t;
    this._init(typeof given === "number" ? [] : t.shape, [], o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { probs: C.unit_interval, logits: C.real };
  }
  get support(): C.Constraint {
    return C.boolean;
  }
  get has_enumerate_support(): boolean {
    return true;
  }
  get mean(): Tensor {
    return this.probs;
  }
  get mode(): Tensor {
    const mode = this.probs.ge(0.5).to(this.probs);
    mode.setitem(this.probs.eq(0.5), NaN);
    return mode;
  }
  get variance(): Tensor {
    return this.probs.mul(this.probs.rsub(1));
  }
  expand(batch_shape: SampleShape): Bernoulli {
    const into = Object.create(Bernoulli.prototype) as Bernoulli;
    const b = Array.from(batch_shape);
    if (this._probs !== undefined) into._param = into._probs = this._probs.expand(b);
    if (this._logits !== undefined) into._param = into._logits = this._logits.expand(b);
    return this._expandedInto(into, b);
  }
  sample(sample_shape: SampleShape = []): Tensor {
    const shape = this._extended_shape(sample_shape);
    return no_grad(() => bernoulli(this.probs.expand(Array.from(shape))));
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const [logits, v] = broadcast_all(this.logits, value);
    return binary_cross_entropy_with_logits(logits, v, { reduction: "none" }).neg();
  }
  entropy(): Tensor {
    return binary_cross_entropy_with_logits(this.logits, this.probs, { reduction: "none" });
  }
  enumerate_support(expand = true): Tensor {
    let values = arange(2, { dtype: this._param.dtype }).view([-1, ...this._batch_shape.map(() => 1)]);
    if (expand) values = values.expand([-1, ...this._batch_shape]);
    return values;
  }
}

/**
 * Categorical(probs) or Categorical({logits}): one of `probs.shape[-1]` categories; the last dim
 * of the parameter indexes the categories, the others are the batch.
 * @example const m = new torch.distributions.Categorical(torch.tensor([0.25, 0.25, 0.5])); m.sample()
 */
export class Categorical extends ProbsLogits {
  protected get binary(): boolean {
    return false;
  }
  _num_events!: number;
  constructor(probs?: Tensor | null | ProbsOrLogits, logits?: Tensor | null | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = probsOrLogits("Categorical", probs, logits, options);
    if (o.probs !== undefined && o.probs !== null) {
      const p = o.probs as Tensor;
      if (!(p instanceof Tensor)) throw new ValueError(`Categorical(): probs must be a Tensor, got ${String(p)}`);
      if (p.dim() < 1) throw new ValueError("`probs` parameter must be at least one-dimensional.");
      this._param = this._probs = p.div(p.sum(-1, { keepdim: true }));
    } else {
      const l = o.logits as Tensor;
      if (!(l instanceof Tensor)) throw new ValueError(`Categorical(): logits must be a Tensor, got ${String(l)}`);
      if (l.dim() < 1) throw new ValueError("`logits` parameter must be at least one-dimensional.");
      this._param = this._logits = l.sub(l.logsumexp(-1, true));
    }
    this._num_events = this._param.shape[this._param.dim() - 1];
    this._init(this._param.dim() > 1 ? this._param.shape.slice(0, -1) : [], [], o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { probs: C.simplex, logits: C.real_vector };
  }
  get support(): C.Constraint {
    return C.integer_interval(0, this._num_events - 1);
  }
  get has_enumerate_support(): boolean {
    return true;
  }
  get mean(): Tensor {
    return full(Array.from(this._extended_shape()), NaN, { dtype: this.probs.dtype });
  }
  get mode(): Tensor {
    return this.probs.argmax(-1);
  }
  get variance(): Tensor {
    return full(Array.from(this._extended_shape()), NaN, { dtype: this.probs.dtype });
  }
  expand(batch_shape: SampleShape): Categorical {
    const into = Object.create(Categorical.prototype) as Categorical;
    const shape = [...batch_shape, this._num_events];
    if (this._probs !== undefined) into._param = into._probs = this._probs.expand(shape);
    if (this._logits !== undefined) into._param = into._logits = this._logits.expand(shape);
    into._num_events = this._num_events;
    return this._expandedInto(into, batch_shape);
  }
  sample(sample_shape: SampleShape = []): Tensor {
    const ext = this._extended_shape(sample_shape);
    const n = Array.from(sample_shape).reduce((a, b) => a * b, 1);
    const probs_2d = this.probs.reshape(-1, this._num_events);
    const samples_2d = multinomial(probs_2d, n, true).t();
    return samples_2d.reshape(Array.from(ext));
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    const [v, log_pmf] = broadcast_tensors(value.long().unsqueeze(-1), this.logits);
    return log_pmf.gather(-1, v.narrow(-1, 0, 1)).squeeze(-1);
  }
  entropy(): Tensor {
    const logits = this.logits.clamp({ min: F32_MIN });
    return logits.mul(this.probs).sum(-1).neg();
  }
  enumerate_support(expand = true): Tensor {
    let values = arange(this._num_events, { dtype: int64 }).view([-1, ...this._batch_shape.map(() => 1)]);
    if (expand) values = values.expand([-1, ...this._batch_shape]);
    return values;
  }
}

/**
 * OneHotCategorical(probs) or OneHotCategorical({logits}): a Categorical whose samples are one-hot
 * vectors (event shape `[num_categories]`).
 */
export class OneHotCategorical extends Distribution {
  _categorical: Categorical;
  constructor(probs?: Tensor | null | ProbsOrLogits, logits?: Tensor | null | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = probsOrLogits("OneHotCategorical", probs, logits, options);
    this._categorical = new Categorical((o.probs ?? null) as Tensor | null, (o.logits ?? null) as Tensor | null);
    this._init(this._categorical.batch_shape, this._categorical.param_shape.slice(-1), o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { probs: C.simplex, logits: C.real_vector };
  }
  get support(): C.Constraint {
    return C.one_hot;
  }
  get has_enumerate_support(): boolean {
    return true;
  }
  get _param(): Tensor {
    return this._categorical._param;
  }
  get probs(): Tensor {
    return this._categorical.probs;
  }
  get logits(): Tensor {
    return this._categorical.logits;
  }
  get param_shape(): Tensor["shape"] {
    return this._categorical.param_shape;
  }
  get mean(): Tensor {
    return this._categorical.probs;
  }
  get mode(): Tensor {
    const probs = this._categorical.probs;
    return one_hot(probs.argmax(-1), probs.shape[probs.dim() - 1]).to(probs);
  }
  get variance(): Tensor {
    const p = this._categorical.probs;
    return p.mul(p.rsub(1));
  }
  expand(batch_shape: SampleShape): OneHotCategorical {
    const into = Object.create(OneHotCategorical.prototype) as OneHotCategorical;
    into._categorical = this._categorical.expand(batch_shape);
    return this._expandedInto(into, batch_shape, this.event_shape);
  }
  sample(sample_shape: SampleShape = []): Tensor {
    const indices = this._categorical.sample(sample_shape);
    return one_hot(indices, this._categorical._num_events).to(this._categorical.probs);
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    return this._categorical.log_prob(value.argmax(-1));
  }
  entropy(): Tensor {
    return this._categorical.entropy();
  }
  enumerate_support(expand = true): Tensor {
    const n = this.event_shape[0];
    let values = eye(n, { dtype: this._param.dtype === float32 ? float32 : this._param.dtype }).view([n, ...this._batch_shape.map(() => 1), n]);
    if (expand) values = values.expand([n, ...this._batch_shape, n]);
    return values;
  }
  protected _present(): string[] {
    return [];
  }
}
