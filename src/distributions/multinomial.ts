/**
 * torch.distributions.multinomial.Multinomial: counts of `total_count` draws from a Categorical
 * (Dive into Deep Learning's die rolls: `new Multinomial(10, fair_probs).sample()`). Samples are
 * the Categorical's draws counted with scatter_add, as PyTorch 1.13 does, so a seeded run gives
 * PyTorch's counts.
 */
import { Tensor } from "../tensor/tensor";
import { parseArgs } from "../tensor/args";
import { NotImplementedError } from "../errors";
import { no_grad } from "../autograd/grad_mode";
import { zeros, ones_like } from "../ops/creation";
import * as C from "./constraints";
import { Categorical } from "./discrete";
import { Distribution, DistributionOptions, SampleShape, broadcast_all } from "./distribution";

interface MultinomialOptions extends DistributionOptions {
  total_count?: number;
  probs?: Tensor | null;
  logits?: Tensor | null;
}

/**
 * Multinomial(total_count, probs) or Multinomial(total_count, {logits}): how often each of
 * `probs.shape[-1]` categories comes up in `total_count` independent draws.
 * @example
 * const fair_probs = torch.ones([6]).div(6);
 * new torch.distributions.multinomial.Multinomial(10, fair_probs).sample()  // counts summing to 10
 */
export class Multinomial extends Distribution {
  total_count: number;
  _categorical: Categorical;
  constructor(total_count?: number | MultinomialOptions, probs?: Tensor | null | MultinomialOptions, logits?: Tensor | null | DistributionOptions, options?: DistributionOptions) {
    super();
    const o = parseArgs("Multinomial", [total_count, probs, logits, options], ["total_count", "probs", "logits", "validate_args"]);
    const n = o.total_count === undefined ? 1 : o.total_count;
    if (typeof n !== "number" || !Number.isInteger(n)) throw new NotImplementedError("inhomogeneous total_count is not supported");
    this.total_count = n;
    this._categorical = new Categorical((o.probs ?? null) as Tensor | null, (o.logits ?? null) as Tensor | null);
    this._init(this._categorical.batch_shape, this._categorical.param_shape.slice(-1), o.validate_args as boolean | undefined);
  }
  get arg_constraints(): Record<string, C.Constraint> {
    return { probs: C.simplex, logits: C.real_vector };
  }
  get support(): C.Constraint {
    return C.multinomial(this.total_count);
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
    return this.probs.mul(this.total_count);
  }
  get variance(): Tensor {
    return this.probs.mul(this.probs.rsub(1)).mul(this.total_count);
  }
  expand(batch_shape: SampleShape): Multinomial {
    const into = Object.create(Multinomial.prototype) as Multinomial;
    into.total_count = this.total_count;
    into._categorical = this._categorical.expand(batch_shape);
    return this._expandedInto(into, Array.from(batch_shape), this.event_shape);
  }
  sample(sample_shape: SampleShape = []): Tensor {
    return no_grad(() => {
      // [total_count, ...sample_shape, ...batch_shape] draws, the draw index moved last and counted.
      let samples = this._categorical.sample([this.total_count, ...Array.from(sample_shape)]);
      const order = samples.shape.map((_, i) => i);
      order.push(order.shift() as number);
      samples = samples.permute(order);
      const counts = zeros(Array.from(this._extended_shape(sample_shape)), { dtype: samples.dtype });
      counts.scatter_add_(-1, samples, ones_like(samples));
      return counts.to(this.probs.dtype);
    });
  }
  log_prob(value: Tensor): Tensor {
    if (this._validate_args) this._validate_sample(value);
    let [logits, v] = broadcast_all(this.logits, value);
    logits = logits.clone();
    const log_factorial_n = v.sum(-1).add(1).lgamma();
    const log_factorial_xs = v.add(1).lgamma().sum(-1);
    logits = logits.masked_fill(v.eq(0).logical_and(logits.eq(-Infinity)), 0);
    const log_powers = logits.mul(v).sum(-1);
    return log_factorial_n.sub(log_factorial_xs).add(log_powers);
  }
  protected _present(): string[] {
    return [];
  }
}
