/**
 * torch.distributions.kl_divergence(p, q) and register_kl(P, Q): KL(p || q) for the pairs PyTorch
 * 1.13 registers among the distributions torchlab has, with its formulas (infinite where q puts no
 * mass where p does). A pair with no registered rule is PyTorch's NotImplementedError; a rule
 * registered for base classes serves their subclasses, the most specific match winning.
 */
import { Tensor } from "../tensor/tensor";
import { NotImplementedError, TypeError, ValueError } from "../errors";
import { softplus } from "../nn/functional/activation";
import { Distribution, _sum_rightmost } from "./distribution";
import { Exponential, Independent, Laplace, LogNormal, Normal, Uniform } from "./continuous";
import { Bernoulli, Categorical, OneHotCategorical } from "./discrete";
import { MultivariateNormal, _batch_mahalanobis } from "./multivariate_normal";
import { solve_triangular } from "../ops/triangular";
import { Beta, Dirichlet, Gamma, Poisson } from "./gamma";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type DistClass = abstract new (...args: any[]) => Distribution;
type Rule = (p: Distribution, q: Distribution) => Tensor;

const REGISTRY: [DistClass, DistClass, Rule][] = [];

/** Registers `fn` as KL(p || q) for p of class `type_p` and q of class `type_q`; returns a function that takes the rule (PyTorch's decorator). */
export function register_kl(type_p: DistClass, type_q: DistClass): <F extends Rule>(fn: F) => F {
  const isClass = (c: unknown) => typeof c === "function" && (c === Distribution || (c as { prototype: unknown }).prototype instanceof Distribution);
  if (!isClass(type_p)) throw new TypeError(`Expected type_p to be a Distribution subclass but got ${String(type_p)}`);
  if (!isClass(type_q)) throw new TypeError(`Expected type_q to be a Distribution subclass but got ${String(type_q)}`);
  return (fn) => {
    const i = REGISTRY.findIndex(([a, b]) => a === type_p && b === type_q);
    if (i >= 0) REGISTRY.splice(i, 1);
    REGISTRY.push([type_p, type_q, fn]);
    return fn;
  };
}

/** Distance from `cls` up to `base` in the prototype chain, or -1 when `cls` does not derive from it. */
function depth(cls: unknown, base: DistClass): number {
  let d = 0;
  for (let c = cls; c; c = Object.getPrototypeOf(c)) {
    if (c === base) return d;
    d++;
  }
  return -1;
}

/** KL(p || q), one value per batch member. */
export function kl_divergence(p: Distribution, q: Distribution): Tensor {
  if (!(p instanceof Distribution) || !(q instanceof Distribution)) throw new TypeError("kl_divergence(p, q): both arguments must be Distributions");
  let best: Rule | null = null;
  let bestRank: [number, number] | null = null;
  for (const [a, b, fn] of REGISTRY) {
    const da = depth(p.constructor, a);
    const db = depth(q.constructor, b);
    if (da < 0 || db < 0) continue;
    if (bestRank === null || da + db < bestRank[0] + bestRank[1] || (da + db === bestRank[0] + bestRank[1] && da < bestRank[0])) {
      best = fn;
      bestRank = [da, db];
    }
  }
  if (best === null) throw new NotImplementedError(`No KL(p || q) is implemented for p type ${p.constructor.name} and q type ${q.constructor.name}`);
  return best(p, q);
}

const inf = Infinity;

register_kl(Normal, Normal)((p0, q0) => {
  const p = p0 as Normal;
  const q = q0 as Normal;
  const var_ratio = p.scale.div(q.scale).pow(2);
  const t1 = p.loc.sub(q.loc).div(q.scale).pow(2);
  return var_ratio.add(t1).sub(1).sub(var_ratio.log()).mul(0.5);
});

register_kl(Bernoulli, Bernoulli)((p0, q0) => {
  const p = p0 as Bernoulli;
  const q = q0 as Bernoulli;
  const t1 = p.probs.mul(softplus(q.logits.neg()).sub(softplus(p.logits.neg())));
  t1.setitem(q.probs.eq(0), inf);
  t1.setitem(p.probs.eq(0), 0);
  const t2 = p.probs.rsub(1).mul(softplus(q.logits).sub(softplus(p.logits)));
  t2.setitem(q.probs.eq(1), inf);
  t2.setitem(p.probs.eq(1), 0);
  return t1.add(t2);
});

function klCategorical(p: Categorical, q: Categorical): Tensor {
  const t = p.probs.mul(p.logits.sub(q.logits));
  t.setitem(q.probs.eq(0).expand_as(t), inf);
  t.setitem(p.probs.eq(0).expand_as(t), 0);
  return t.sum(-1);
}
register_kl(Categorical, Categorical)((p, q) => klCategorical(p as Categorical, q as Categorical));
register_kl(OneHotCategorical, OneHotCategorical)((p, q) => klCategorical((p as OneHotCategorical)._categorical, (q as OneHotCategorical)._categorical));

register_kl(Uniform, Uniform)((p0, q0) => {
  const p = p0 as Uniform;
  const q = q0 as Uniform;
  const result = q.high.sub(q.low).div(p.high.sub(p.low)).log();
  result.setitem(q.low.gt(p.low).logical_or(q.high.lt(p.high)), inf);
  return result;
});

register_kl(Exponential, Exponential)((p0, q0) => {
  const rate_ratio = (q0 as Exponential).rate.div((p0 as Exponential).rate);
  return rate_ratio.log().neg().add(rate_ratio).sub(1);
});

register_kl(Laplace, Laplace)((p0, q0) => {
  const p = p0 as Laplace;
  const q = q0 as Laplace;
  const scale_ratio = p.scale.div(q.scale);
  const loc_abs_diff = p.loc.sub(q.loc).abs();
  const t1 = scale_ratio.log().neg();
  const t2 = loc_abs_diff.div(q.scale);
  const t3 = scale_ratio.mul(loc_abs_diff.neg().div(p.scale).exp());
  return t1.add(t2).add(t3).sub(1);
});

register_kl(LogNormal, LogNormal)((p, q) => kl_divergence((p as LogNormal).base_dist, (q as LogNormal).base_dist));

register_kl(Independent, Independent)((p0, q0) => {
  const p = p0 as Independent;
  const q = q0 as Independent;
  if (p.reinterpreted_batch_ndims !== q.reinterpreted_batch_ndims) throw new NotImplementedError("KL between Independent distributions with different reinterpreted_batch_ndims");
  return _sum_rightmost(kl_divergence(p.base_dist, q.base_dist), p.reinterpreted_batch_ndims);
});

register_kl(MultivariateNormal, MultivariateNormal)((p0, q0) => {
  const p = p0 as MultivariateNormal;
  const q = q0 as MultivariateNormal;
  if (p.event_shape[0] !== q.event_shape[0]) {
    throw new ValueError("KL-divergence between two Multivariate Normals with different event shapes cannot be computed");
  }
  const logdet = (L: Tensor) => L.diagonal({ dim1: -2, dim2: -1 }).log().sum(-1);
  const half_term1 = logdet(q._unbroadcasted_scale_tril).sub(logdet(p._unbroadcasted_scale_tril));
  const n = p.event_shape[0];
  const qL = q._unbroadcasted_scale_tril;
  const pL = p._unbroadcasted_scale_tril;
  const term2 = solve_triangular(qL, pL, false).pow(2).sum([-2, -1]);
  const term3 = _batch_mahalanobis(qL, q.loc.sub(p.loc));
  return half_term1.add(term2.add(term3).sub(n).mul(0.5));
});

register_kl(Gamma, Gamma)((p0, q0) => {
  const p = p0 as Gamma;
  const q = q0 as Gamma;
  const t1 = q.concentration.mul(p.rate.div(q.rate).log());
  const t2 = q.concentration.lgamma().sub(p.concentration.lgamma());
  const t3 = p.concentration.sub(q.concentration).mul(p.concentration.digamma());
  const t4 = q.rate.sub(p.rate).mul(p.concentration.div(p.rate));
  return t1.add(t2).add(t3).add(t4);
});

register_kl(Beta, Beta)((p0, q0) => {
  const p = p0 as Beta;
  const q = q0 as Beta;
  const sp = p.concentration1.add(p.concentration0);
  const sq = q.concentration1.add(q.concentration0);
  const t1 = q.concentration1.lgamma().add(q.concentration0.lgamma()).add(sp.lgamma());
  const t2 = p.concentration1.lgamma().add(p.concentration0.lgamma()).add(sq.lgamma());
  const t3 = p.concentration1.sub(q.concentration1).mul(p.concentration1.digamma());
  const t4 = p.concentration0.sub(q.concentration0).mul(p.concentration0.digamma());
  const t5 = sq.sub(sp).mul(sp.digamma());
  return t1.sub(t2).add(t3).add(t4).add(t5);
});

register_kl(Dirichlet, Dirichlet)((p0, q0) => {
  const p = (p0 as Dirichlet).concentration;
  const q = (q0 as Dirichlet).concentration;
  const sp = p.sum(-1);
  const sq = q.sum(-1);
  const t1 = sp.lgamma().sub(sq.lgamma());
  const t2 = p.lgamma().sub(q.lgamma()).sum(-1);
  const t3 = p.sub(q);
  const t4 = p.digamma().sub(sp.digamma().unsqueeze(-1));
  return t1.sub(t2).add(t3.mul(t4).sum(-1));
});

register_kl(Poisson, Poisson)((p0, q0) => {
  const p = (p0 as Poisson).rate;
  const q = (q0 as Poisson).rate;
  return p.mul(p.log().sub(q.log())).sub(p.sub(q));
});
