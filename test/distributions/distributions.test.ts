/**
 * torch.distributions against PyTorch 1.13 (test/reference/gen_distributions.py writes
 * distributions.json): reprs, shapes, seeded samples, densities, moments, gradients, KL divergences,
 * validation errors, and the two ways tutorials use distributions (REINFORCE with Categorical, a VAE's
 * reparameterised Normal with kl_divergence), each written as the Python is.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { expectTensor, expectSamePrint, Encoded } from "../tutorials/_tutorial";

const { nn } = torch;
const F = nn.functional;
const D = torch.distributions;
const { Normal, Uniform, Bernoulli, Categorical, OneHotCategorical, Exponential, Laplace, LogNormal, MultivariateNormal, Independent, kl_divergence } = D;
const { Gamma, Chi2, Dirichlet, Beta, Poisson } = D;
type Tensor = InstanceType<typeof torch.Tensor>;
type Dist = InstanceType<typeof D.Distribution>;

/** A float32 tensor (a Python float literal such as `1.0` is a whole number to JavaScript). */
const ft = (data: number | number[] | number[][]): Tensor => torch.tensor(data, { dtype: torch.float32 });
const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "distributions.json"), "utf8")) as Record<string, Record<string, unknown>>;
const enc = (section: string, key: string) => R[section][key] as Encoded;

/** What PyTorch raised: [class name, message]. */
function expectRaises(f: () => unknown, want: unknown): void {
  const [cls, msg] = want as [string, string];
  let caught: unknown = null;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).not.toBeNull();
  const e = caught as Error;
  expect(e.constructor.name).toBe(cls);
  expect(e.message).toBe(msg);
}

function expectBasics(d: Dist, section: string | Record<string, unknown>): void {
  const r = typeof section === "string" ? R[section] : section;
  expect(String(d)).toBe(r.repr);
  expect(Array.from(d.batch_shape)).toEqual(r.batch_shape);
  expect(Array.from(d.event_shape)).toEqual(r.event_shape);
  expect(String(d.batch_shape)).toBe(r.str_batch_shape);
}

function expectMoments(d: Dist, section: string): void {
  for (const k of ["mean", "mode", "stddev", "variance"] as const) {
    if (k in R[section]) expectTensor(d[k], enc(section, k));
  }
}

describe("Normal", () => {
  test("shapes, repr, seeded samples (PyTorch's stream), densities and moments", () => {
    torch.manual_seed(0);
    const loc = ft([0.0, 1.0, -2.0]);
    const scale = ft([1.0, 0.5, 2.0]);
    const d = new Normal(loc, scale);
    const v = ft([0.3, 1.2, 0.5]);
    expectBasics(d, "normal");
    expectMoments(d, "normal");
    expectTensor(d.sample(), enc("normal", "sample"));
    expectTensor(d.sample([2, 4]), enc("normal", "sample_2x4"));
    expectTensor(d.rsample([5]), enc("normal", "rsample_5"));
    expectTensor(d.sample([20]), enc("normal", "sample_20"));
    expectTensor(d.log_prob(v), enc("normal", "log_prob"));
    expectTensor(d.entropy(), enc("normal", "entropy"));
    expectTensor(d.cdf(v), enc("normal", "cdf"));
    expectTensor(d.icdf(ft([0.1, 0.5, 0.975])), enc("normal", "icdf"));
    expectTensor(d.perplexity(), enc("normal", "perplexity"));
    expect(String(d.log_prob(v))).toBe(R.normal.log_prob_print);
  });

  test("numbers as parameters: batch shape (), repr with values; broadcasting a number against a tensor; expand", () => {
    const s = new Normal(0.0, 1.0);
    torch.manual_seed(1);
    expectBasics(s, "normal_scalar");
    expectTensor(s.sample(), enc("normal_scalar", "sample"));
    expectTensor(s.sample([3]), enc("normal_scalar", "sample_3"));
    expectTensor(s.log_prob(ft(0.5)), enc("normal_scalar", "log_prob"));
    expect(String(s.sample())).toBe(R.normal_scalar.print_sample);
    const b = new Normal(torch.zeros(2, 1), 2.0);
    expectBasics(b, "normal_broadcast");
    expectBasics(b.expand([3, 2, 1]), R.normal_broadcast.expand as Record<string, unknown>);
  });

  test("rsample and log_prob carry gradients to loc and scale; sample does not", () => {
    torch.manual_seed(2);
    const mu = torch.tensor([0.5, -1.0], { dtype: torch.float32, requires_grad: true });
    const sigma = torch.tensor([1.5, 0.3], { dtype: torch.float32, requires_grad: true });
    const g = new Normal(mu, sigma);
    const z = g.rsample([4]);
    z.pow(2).sum().backward();
    const gsample = g.sample();
    const r = R.normal_grad;
    expectTensor(z, r.z as Encoded);
    expectTensor(mu.grad!, r.mu_grad as Encoded);
    expectTensor(sigma.grad!, r.sigma_grad as Encoded);
    expectSamePrint(String(z), r.z_print as string);
    expect(gsample.requires_grad).toBe(r.sample_requires_grad);
    mu.grad = null;
    sigma.grad = null;
    g.log_prob(ft([1.0, -0.5])).sum().backward();
    expectTensor(mu.grad!, r.lp_mu_grad as Encoded);
    expectTensor(sigma.grad!, r.lp_sigma_grad as Encoded);
  });

  test("invalid parameters and values raise PyTorch's ValueError; validate_args: false skips the check", () => {
    const r = R.normal_errors;
    expectRaises(() => new Normal(ft([0.0, 0.0]), ft([1.0, -1.0])), r.neg_scale);
    expectRaises(() => new Normal(0.0, -1.0), r.neg_scalar_scale);
    expectRaises(() => new Normal(torch.tensor([NaN]), ft([1.0])), r.nan_loc);
    expectRaises(() => new Normal(torch.zeros(3), torch.ones(3)).log_prob(torch.zeros(2)), r.bad_event);
    expectRaises(() => new Normal(torch.zeros(3), torch.ones(3)).log_prob(0.5 as unknown as Tensor), r.bad_type);
    expectTensor(new Normal(ft([0.0]), ft([-1.0]), { validate_args: false }).scale, r.no_validate as Encoded);
  });
});

describe("Uniform, Exponential, Laplace, LogNormal", () => {
  test("Uniform", () => {
    torch.manual_seed(3);
    const u = new Uniform(ft([0.0, -1.0]), ft([1.0, 3.0]));
    expectBasics(u, "uniform");
    expectMoments(u, "uniform");
    expectTensor(u.sample([3]), enc("uniform", "sample_3"));
    expectTensor(u.rsample(), enc("uniform", "rsample"));
    expectTensor(u.log_prob(ft([0.5, 2.0])), enc("uniform", "log_prob"));
    expectTensor(u.entropy(), enc("uniform", "entropy"));
    expectTensor(u.cdf(ft([0.25, 0.0])), enc("uniform", "cdf"));
    expectTensor(u.icdf(ft([0.25, 0.5])), enc("uniform", "icdf"));
    expectRaises(() => u.log_prob(ft([1.5, 0.0])), R.uniform.outside);
    expectRaises(() => new Uniform(1.0, 0.0), R.uniform.low_ge_high);
    expectTensor(new Uniform(0.0, 1.0, { validate_args: false }).log_prob(ft([1.5, 0.5])), enc("uniform", "lp_no_validate"));
    torch.manual_seed(3);
    expectBasics(new Uniform(0.0, 5.0), "uniform_scalar");
    expectTensor(new Uniform(0.0, 5.0).sample([4]), enc("uniform_scalar", "sample_4"));
  });

  test("Exponential", () => {
    torch.manual_seed(9);
    const e = new Exponential(ft([0.5, 2.0]));
    expectBasics(e, "exponential");
    expectMoments(e, "exponential");
    expectTensor(e.sample([3]), enc("exponential", "sample_3"));
    expectTensor(e.log_prob(ft([1.0, 0.25])), enc("exponential", "log_prob"));
    expectTensor(e.entropy(), enc("exponential", "entropy"));
    expectTensor(e.cdf(ft([1.0, 0.25])), enc("exponential", "cdf"));
    expectTensor(e.icdf(ft([0.5, 0.9])), enc("exponential", "icdf"));
    expectRaises(() => e.log_prob(ft([-1.0, 1.0])), R.exponential.negative);
  });

  test("Laplace", () => {
    torch.manual_seed(10);
    const la = new Laplace(ft([0.0, 1.0]), ft([1.0, 0.5]));
    expectBasics(la, "laplace");
    expectMoments(la, "laplace");
    expectTensor(la.sample([3]), enc("laplace", "sample_3"));
    expectTensor(la.log_prob(ft([0.5, 0.0])), enc("laplace", "log_prob"));
    expectTensor(la.entropy(), enc("laplace", "entropy"));
    expectTensor(la.cdf(ft([0.5, 0.0])), enc("laplace", "cdf"));
    expectTensor(la.icdf(ft([0.2, 0.7])), enc("laplace", "icdf"));
  });

  test("LogNormal", () => {
    torch.manual_seed(11);
    const ln = new LogNormal(ft([0.0, 0.5]), ft([1.0, 0.25]));
    expectBasics(ln, "lognormal");
    for (const k of ["mean", "variance", "mode"] as const) expectTensor(ln[k], enc("lognormal", k));
    expectTensor(ln.sample([3]), enc("lognormal", "sample_3"));
    expectTensor(ln.log_prob(ft([1.5, 2.0])), enc("lognormal", "log_prob"));
    expectTensor(ln.entropy(), enc("lognormal", "entropy"));
    expectRaises(() => ln.log_prob(ft([-1.0, 1.0])), R.lognormal.negative);
  });
});

describe("Bernoulli, Categorical, OneHotCategorical", () => {
  test("Bernoulli from probs: samples, densities, lazily computed logits (printed once computed), errors", () => {
    torch.manual_seed(4);
    const p = new Bernoulli(ft([0.1, 0.5, 0.9]));
    const r = R.bernoulli;
    expectBasics(p, "bernoulli");
    expectMoments(p, "bernoulli");
    expectTensor(p.sample([4]), enc("bernoulli", "sample_4"));
    expectTensor(p.log_prob(ft([1.0, 0.0, 1.0])), enc("bernoulli", "log_prob"));
    expectTensor(p.entropy(), enc("bernoulli", "entropy"));
    expectTensor(p.logits, enc("bernoulli", "logits"));
    expect(String(p)).toBe(r.repr_after_logits);
    expectTensor(p.enumerate_support(), enc("bernoulli", "enumerate_support"));
    expectTensor(p.enumerate_support(false), enc("bernoulli", "enumerate_support_noexpand"));
    expectRaises(() => p.log_prob(ft([0.5, 0.0, 1.0])), r.bad_value);
    expectRaises(() => new Bernoulli(ft([1.5])), r.bad_probs);
    expectRaises(() => new Bernoulli({ probs: 0.5, logits: 0.0 }), r.both);
    expectRaises(() => new Bernoulli(), r.neither);
    expect(String(new Bernoulli(0.3))).toBe((R.bernoulli_scalar as Record<string, unknown>).repr);
  });

  test("Bernoulli from logits", () => {
    torch.manual_seed(5);
    const q = new Bernoulli({ logits: ft([-2.0, 0.0, 3.0]) });
    expectBasics(q, "bernoulli_logits");
    expectTensor(q.probs, enc("bernoulli_logits", "probs"));
    expectTensor(q.sample([3]), enc("bernoulli_logits", "sample_3"));
    expectTensor(q.log_prob(ft([0.0, 1.0, 1.0])), enc("bernoulli_logits", "log_prob"));
    expectTensor(q.entropy(), enc("bernoulli_logits", "entropy"));
  });

  test("Categorical from probs: PyTorch's multinomial draws, log_prob, entropy, support", () => {
    torch.manual_seed(6);
    const c = new Categorical(ft([0.1, 0.2, 0.3, 0.4]));
    const r = R.categorical;
    expectBasics(c, { ...r, repr: r.repr_initial });
    expectTensor(c.sample(), enc("categorical", "sample"));
    expectTensor(c.sample([10]), enc("categorical", "sample_10"));
    expectTensor(c.sample([2, 3]), enc("categorical", "sample_2x3"));
    expectTensor(c.log_prob(torch.tensor([0, 3, 2])), enc("categorical", "log_prob"));
    expectTensor(c.entropy(), enc("categorical", "entropy"));
    expect(String(c)).toBe(r.repr_after);
    expectTensor(c.logits, enc("categorical", "logits"));
    expectTensor(c.mode, enc("categorical", "mode"));
    expectTensor(c.mean, enc("categorical", "mean"));
    expectTensor(c.enumerate_support(), enc("categorical", "enumerate_support"));
    expect(Array.from(c.param_shape)).toEqual(r.param_shape);
    expectRaises(() => c.log_prob(torch.tensor([4])), r.bad_value);
    expectTensor(c.log_prob(ft([1.0, 2.0])), enc("categorical", "float_value"));
  });

  test("Categorical from a batch of logits", () => {
    torch.manual_seed(7);
    const cl = new Categorical({ logits: ft([[1.0, 2.0, 0.5], [0.0, 0.0, 0.0]]) });
    const r = R.categorical_logits;
    expectBasics(cl, "categorical_logits");
    expectTensor(cl.probs, enc("categorical_logits", "probs"));
    expectTensor(cl.logits, enc("categorical_logits", "logits"));
    expectTensor(cl.sample([5]), enc("categorical_logits", "sample_5"));
    expectTensor(cl.log_prob(torch.tensor([2, 0])), enc("categorical_logits", "log_prob"));
    expectTensor(cl.entropy(), enc("categorical_logits", "entropy"));
    expectTensor(cl.enumerate_support(), enc("categorical_logits", "enumerate_support"));
    expectTensor(cl.enumerate_support(false), enc("categorical_logits", "enumerate_noexpand"));
    expectTensor(new Categorical({ probs: ft([1.0, 3.0]) }).probs, enc("categorical_logits", "unnormalised_probs"));
    expectRaises(() => new Categorical(ft(0.5)), r.scalar_probs);
    expectRaises(() => new Categorical(ft([0.5, -0.5, 1.0])), r.not_simplex);
    expectRaises(() => new Categorical(), r.neither);
  });

  test("OneHotCategorical", () => {
    torch.manual_seed(8);
    const oh = new OneHotCategorical(ft([0.2, 0.5, 0.3]));
    expectBasics(oh, "onehot");
    expectTensor(oh.sample([4]), enc("onehot", "sample_4"));
    expectTensor(oh.log_prob(ft([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])), enc("onehot", "log_prob"));
    expectTensor(oh.entropy(), enc("onehot", "entropy"));
    expectTensor(oh.mode, enc("onehot", "mode"));
    expectTensor(oh.variance, enc("onehot", "variance"));
    expectTensor(oh.enumerate_support(), enc("onehot", "enumerate_support"));
  });
});

describe("MultivariateNormal and Independent", () => {
  test("from a covariance matrix: Cholesky factor, derived matrices, samples, log_prob, entropy, errors", () => {
    torch.manual_seed(12);
    const mloc = ft([1.0, -1.0]);
    const cov = ft([[2.0, 0.5], [0.5, 1.0]]);
    const m = new MultivariateNormal(mloc, { covariance_matrix: cov });
    const r = R.mvn;
    expectBasics(m, "mvn");
    for (const k of ["mean", "variance", "scale_tril", "covariance_matrix", "precision_matrix"] as const) expectTensor(m[k], enc("mvn", k));
    expectTensor(m.sample(), enc("mvn", "sample"));
    expectTensor(m.sample([4]), enc("mvn", "sample_4"));
    expectTensor(m.log_prob(ft([[0.0, 0.0], [1.5, -2.0], [3.0, 1.0]])), enc("mvn", "log_prob"));
    expectTensor(m.entropy(), enc("mvn", "entropy"));
    expect(String(m)).toBe(r.repr_after);
    expectRaises(() => m.log_prob(torch.zeros(3)), r.bad_event);
    expectRaises(() => new MultivariateNormal(mloc, ft([[1.0, 2.0], [2.0, 1.0]])), r.not_pd);
    expectRaises(() => new MultivariateNormal(mloc, { covariance_matrix: cov, scale_tril: cov }), r.two);
    expectRaises(() => new MultivariateNormal(ft(0.0), cov), r.scalar_loc);
  });

  test("a batch sharing one scale_tril; a precision matrix; gradients of log_prob", () => {
    torch.manual_seed(13);
    const L = ft([[1.0, 0.0, 0.0], [0.5, 2.0, 0.0], [-0.3, 0.2, 0.7]]);
    const mb = new MultivariateNormal(torch.zeros(4, 3), { scale_tril: L });
    expectBasics(mb, "mvn_batched");
    expectTensor(mb.sample([2]), enc("mvn_batched", "sample_2"));
    expectTensor(mb.log_prob(torch.arange(12, { dtype: torch.float32 }).reshape(4, 3).div(10)), enc("mvn_batched", "log_prob"));
    expectTensor(mb.entropy(), enc("mvn_batched", "entropy"));
    expectTensor(mb.covariance_matrix.get(0), enc("mvn_batched", "covariance_matrix"));
    const mp = new MultivariateNormal(torch.zeros(2), { precision_matrix: ft([[2.0, -0.3], [-0.3, 0.8]]) });
    expectTensor(mp.scale_tril, enc("mvn_precision", "scale_tril"));
    expectTensor(mp.covariance_matrix, enc("mvn_precision", "covariance_matrix"));
    expectTensor(mp.log_prob(ft([0.5, -1.0])), enc("mvn_precision", "log_prob"));
    const mloc2 = torch.tensor([0.3, -0.2], { dtype: torch.float32, requires_grad: true });
    const cov2 = torch.tensor([[1.5, 0.2], [0.2, 0.9]], { dtype: torch.float32, requires_grad: true });
    new MultivariateNormal(mloc2, cov2).log_prob(ft([1.0, 1.0])).backward();
    expectTensor(mloc2.grad!, enc("mvn_grad", "loc_grad"));
    expectTensor(cov2.grad!, enc("mvn_grad", "cov_grad"));
  });

  test("Independent reinterprets batch dims as event dims", () => {
    torch.manual_seed(14);
    const ind = new Independent(new Normal(torch.zeros(3, 2), torch.ones(3, 2)), 1);
    expectBasics(ind, "independent");
    expectTensor(ind.sample(), enc("independent", "sample"));
    expectTensor(ind.log_prob(torch.arange(6, { dtype: torch.float32 }).reshape(3, 2).div(4)), enc("independent", "log_prob"));
    expectTensor(ind.entropy(), enc("independent", "entropy"));
    expectTensor(ind.mean, enc("independent", "mean"));
    expectRaises(() => new Independent(new Normal(torch.zeros(3), torch.ones(3)), 2), R.independent.too_many);
  });
});

describe("Gamma, Chi2, Dirichlet, Beta, Poisson: PyTorch's C++ samplers", () => {
  test("Gamma: seeded samples, densities, moments", () => {
    torch.manual_seed(30);
    const ga = new Gamma(ft([0.5, 1.0, 2.5, 9.0, 30.0]), ft([1.0, 2.0, 0.5, 1.0, 3.0]));
    expectBasics(ga, "gamma");
    expectMoments(ga, "gamma");
    expectTensor(ga.sample([4]), enc("gamma", "sample_4"));
    expectTensor(ga.log_prob(ft([0.3, 1.0, 4.0, 8.5, 11.0])), enc("gamma", "log_prob"));
    expectTensor(ga.entropy(), enc("gamma", "entropy"));
  });

  test("Gamma.rsample is differentiable in the concentration (PyTorch's pathwise gradient, every branch)", () => {
    torch.manual_seed(31);
    const conc = torch.tensor([0.3, 0.9, 1.7, 5.0, 12.0, 40.0], { dtype: torch.float32, requires_grad: true });
    const z = new Gamma(conc, torch.ones(6)).rsample([3]);
    z.sum().backward();
    expectTensor(z, enc("gamma_grad", "z"));
    expectTensor(conc.grad!, enc("gamma_grad", "conc_grad"));
  });

  test("Chi2, Dirichlet, Beta", () => {
    torch.manual_seed(32);
    const chi = new Chi2(ft([1.0, 4.0]));
    expectBasics(chi, "chi2");
    expectTensor(chi.sample([3]), enc("chi2", "sample_3"));
    expectTensor(chi.log_prob(ft([0.5, 3.0])), enc("chi2", "log_prob"));
    expectTensor(chi.mean, enc("chi2", "mean"));
    torch.manual_seed(33);
    const di = new Dirichlet(ft([[0.5, 1.0, 2.0], [3.0, 3.0, 3.0]]));
    expectBasics(di, "dirichlet");
    for (const k of ["mean", "variance"] as const) expectTensor(di[k], enc("dirichlet", k));
    expectTensor(di.sample([2]), enc("dirichlet", "sample_2"));
    expectTensor(di.log_prob(ft([[0.2, 0.3, 0.5], [0.1, 0.6, 0.3]])), enc("dirichlet", "log_prob"));
    expectTensor(di.entropy(), enc("dirichlet", "entropy"));
    torch.manual_seed(34);
    const be = new Beta(ft([0.5, 2.0, 5.0]), ft([0.5, 3.0, 1.0]));
    expectBasics(be, "beta");
    for (const k of ["mean", "variance"] as const) expectTensor(be[k], enc("beta", k));
    expectTensor(be.sample([3]), enc("beta", "sample_3"));
    expectTensor(be.log_prob(ft([0.3, 0.5, 0.9])), enc("beta", "log_prob"));
    expectTensor(be.entropy(), enc("beta", "entropy"));
    expect(String(new Beta(2.0, 3.0))).toBe(R.beta.scalar_repr);
    const c = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    expect(() => new Dirichlet(c).rsample()).toThrow("_dirichlet_grad");
  });

  test("Poisson and torch.poisson: both of PyTorch's samplers (rate below and from 10)", () => {
    torch.manual_seed(35);
    const po = new Poisson(ft([0.0, 0.5, 3.0, 9.9, 10.0, 120.0]));
    expectBasics(po, "poisson");
    expectTensor(po.sample([4]), enc("poisson", "sample_4"));
    expectTensor(po.log_prob(ft([0.0, 1.0, 2.0, 10.0, 7.0, 118.0])), enc("poisson", "log_prob"));
    expectTensor(po.mode, enc("poisson", "mode"));
    expectRaises(() => po.log_prob(ft([0.5, 1.0, 2.0, 10.0, 7.0, 118.0])), R.poisson.bad_value);
    torch.manual_seed(36);
    expectTensor(torch.poisson(ft([[1.0, 15.0], [0.2, 50.0]])), R.torch_poisson as unknown as Encoded);
  });

  test("their KL divergences", () => {
    const k = (key: string) => enc("kl2", key);
    expectTensor(kl_divergence(new Gamma(ft([2.0, 0.5]), ft([1.0, 3.0])), new Gamma(ft([1.0, 1.5]), ft([2.0, 1.0]))), k("gamma"));
    expectTensor(kl_divergence(new Beta(ft([2.0]), ft([3.0])), new Beta(ft([1.0]), ft([1.0]))), k("beta"));
    expectTensor(kl_divergence(new Dirichlet(ft([1.0, 2.0, 3.0])), new Dirichlet(ft([2.0, 2.0, 2.0]))), k("dirichlet"));
    expectTensor(kl_divergence(new Poisson(ft([2.0, 5.0])), new Poisson(ft([3.0, 1.0]))), k("poisson"));
  });
});

describe("kl_divergence", () => {
  test("every registered pair, infinities where q has no mass, and the error for an unregistered pair", () => {
    const p1 = new Normal(ft([0.0, 1.0]), ft([1.0, 2.0]));
    const q1 = new Normal(ft([0.5, 0.0]), ft([1.5, 0.5]));
    const k = (key: string) => enc("kl", key);
    expectTensor(kl_divergence(p1, q1), k("normal"));
    expectTensor(kl_divergence(new Categorical(ft([0.1, 0.6, 0.3])), new Categorical(ft([0.3, 0.3, 0.4]))), k("categorical"));
    expectTensor(kl_divergence(new Categorical(ft([0.5, 0.5, 0.0])), new Categorical(ft([0.0, 0.5, 0.5]))), k("categorical_zero"));
    expectTensor(kl_divergence(new Bernoulli(ft([0.2, 0.0, 1.0])), new Bernoulli(ft([0.5, 0.5, 0.5]))), k("bernoulli"));
    expectTensor(
      kl_divergence(new Uniform(ft([0.0, 0.0]), ft([1.0, 1.0])), new Uniform(ft([-1.0, 0.5]), ft([2.0, 2.0]))),
      k("uniform"),
    );
    expectTensor(kl_divergence(new Exponential(ft([1.0, 2.0])), new Exponential(ft([0.5, 3.0]))), k("exponential"));
    expectTensor(kl_divergence(new Laplace(ft([0.0]), ft([1.0])), new Laplace(ft([1.0]), ft([2.0]))), k("laplace"));
    expectTensor(kl_divergence(new OneHotCategorical(ft([0.2, 0.8])), new OneHotCategorical(ft([0.5, 0.5]))), k("onehot"));
    const m = new MultivariateNormal(ft([1.0, -1.0]), { covariance_matrix: ft([[2.0, 0.5], [0.5, 1.0]]) });
    expectTensor(kl_divergence(m, new MultivariateNormal(torch.zeros(2), torch.eye(2))), k("mvn"));
    expectTensor(kl_divergence(new Independent(p1, 1), new Independent(q1, 1)), k("independent"));
    expectTensor(kl_divergence(new LogNormal(ft([0.0]), ft([1.0])), new LogNormal(ft([1.0]), ft([0.5]))), k("lognormal"));
    expectRaises(() => kl_divergence(p1, new Categorical(ft([0.5, 0.5]))), R.kl.unregistered);
  });

  test("register_kl: a rule for a user's subclass wins over its base class's", () => {
    class MyNormal extends Normal {}
    const p = new MyNormal(ft([0.0]), ft([1.0]));
    const q = new Normal(ft([1.0]), ft([1.0]));
    expect(kl_divergence(p, q).item()).toBeCloseTo(0.5, 6);
    D.register_kl(MyNormal, Normal)(() => ft([42.0]));
    expect(kl_divergence(p, q).item()).toBe(42);
    expect(kl_divergence(q, q).item()).toBe(0);
  });
});

test("torch.multinomial: one sample with replacement is drawn as many are (PyTorch's path), without replacement by the exponential trick", () => {
  const p = ft([0.1, 0.2, 0.3, 0.4]);
  for (const [seed, [a, b, c]] of Object.entries(R.multinomial_one as Record<string, [number, number, number[][]]>)) {
    torch.manual_seed(Number(seed));
    expect(torch.multinomial(p, 1).item()).toBe(a);
    torch.manual_seed(Number(seed));
    expect(torch.multinomial(p, 1, true).item()).toBe(b);
    torch.manual_seed(Number(seed));
    expect(torch.multinomial(p.reshape(1, -1), 2, true).tolist()).toEqual(c);
  }
});

test("torch.finfo(torch.float32) as PyTorch prints and reports it", () => {
  const fi = torch.finfo(torch.float32);
  const r = R.finfo;
  expect(String(fi)).toBe(r.repr);
  for (const k of ["eps", "max", "min", "tiny", "smallest_normal", "resolution", "bits", "dtype"] as const) expect(fi[k]).toBe(r[k]);
  expect(torch.finfo().eps).toBe(r.default_eps);
  expect(() => torch.finfo(torch.int64)).toThrow("torch.finfo() requires a floating point input type");
});

test("REINFORCE (pytorch/examples reinforce.py) on seeded synthetic states: PyTorch's actions, losses and weights", () => {
  class Policy extends nn.Module {
    affine1 = new nn.Linear(4, 128);
    dropout = new nn.Dropout({ p: 0.6 });
    affine2 = new nn.Linear(128, 2);
    saved_log_probs: Tensor[] = [];
    rewards: number[] = [];
    forward(x: Tensor): Tensor {
      x = this.affine1(x);
      x = this.dropout(x);
      x = F.relu(x);
      const action_scores = this.affine2(x);
      return F.softmax(action_scores, { dim: 1 });
    }
  }
  torch.manual_seed(543);
  const policy = new Policy();
  const optimizer = new torch.optim.Adam(policy.parameters(), { lr: 1e-2 });
  const eps = torch.finfo(torch.float32).eps;
  const gamma = 0.99;

  function select_action(state: Tensor): number {
    state = state.float().unsqueeze(0);
    const probs = policy(state);
    const m = new Categorical(probs);
    const action = m.sample();
    policy.saved_log_probs.push(m.log_prob(action));
    return action.item();
  }

  function finish_episode(): number {
    let R_ = 0;
    const policy_loss: Tensor[] = [];
    const returnsList: number[] = [];
    for (const r of [...policy.rewards].reverse()) {
      R_ = r + gamma * R_;
      returnsList.unshift(R_);
    }
    let returns = torch.tensor(returnsList, { dtype: torch.float32 });
    returns = returns.sub(returns.mean()).div(returns.std().add(eps));
    policy.saved_log_probs.forEach((log_prob, i) => policy_loss.push(log_prob.neg().mul(returns.get(i))));
    optimizer.zero_grad();
    const loss = torch.cat(policy_loss).sum();
    loss.backward();
    optimizer.step();
    policy.rewards.length = 0;
    policy.saved_log_probs.length = 0;
    return loss.item();
  }

  const actions: number[] = [];
  const losses: number[] = [];
  for (let episode = 0; episode < 3; episode++) {
    for (let t = 0; t < 6; t++) {
      const state = torch.sin(torch.arange(4, { dtype: torch.float32 }).mul(0.3 + 0.1 * t).add(episode));
      const action = select_action(state);
      actions.push(action);
      policy.rewards.push(action === t % 2 ? 1.0 : 0.5);
    }
    losses.push(finish_episode());
  }
  const r = R.reinforce;
  expect(actions).toEqual(r.actions);
  (r.losses as number[]).forEach((w, i) => expect(Math.abs(losses[i] - w)).toBeLessThan(2e-5));
  expectTensor(policy.affine2.weight.detach(), r.affine2_weight as Encoded);
});

test("a VAE's reparameterised Normal and kl_divergence to the standard normal prior, with gradients", () => {
  torch.manual_seed(21);
  const enc_net = new nn.Linear(6, 4);
  const dec_net = new nn.Linear(2, 6);
  const x = torch.sin(torch.arange(18, { dtype: torch.float32 }).reshape(3, 6));
  const h = enc_net(x);
  const mu_ = h.index(":, :2");
  const logvar = h.index(":, 2:");
  const qz = new Normal(mu_, torch.exp(logvar.mul(0.5)));
  const zz = qz.rsample();
  const recon = dec_net(zz);
  const kl = kl_divergence(qz, new Normal(torch.zeros_like(mu_), torch.ones_like(mu_))).sum();
  const loss = F.mse_loss(recon, x, { reduction: "sum" }).add(kl);
  loss.backward();
  const r = R.vae;
  expectTensor(zz, r.z as Encoded);
  expect(Math.abs(kl.item() - (r.kl as number))).toBeLessThan(1e-5);
  expect(Math.abs(loss.item() - (r.loss as number))).toBeLessThan(1e-4);
  expectTensor(enc_net.weight.grad!, r.enc_weight_grad as Encoded);
});

test("torch.linalg.solve_triangular reads only the named triangle and broadcasts batches", () => {
  const A = ft([[2.0, 9.0], [1.0, 4.0]]);
  const B = ft([[2.0], [9.0]]);
  // lower: [[2, 0], [1, 4]] x = [2, 9] -> x = [1, 2]
  expect(torch.linalg.solve_triangular(A, B, { upper: false }).flatten().tolist()).toEqual([1, 2]);
  // upper: [[2, 9], [0, 4]] x = [2, 9] -> x2 = 2.25, x1 = (2 - 20.25) / 2
  const xu = torch.linalg.solve_triangular(A, B, { upper: true }).flatten().tolist() as number[];
  expect(xu[0]).toBeCloseTo(-9.125, 5);
  expect(xu[1]).toBeCloseTo(2.25, 6);
  const Xr = torch.linalg.solve_triangular(A, ft([[2.0, 4.0]]), { upper: false, left: false, unitriangular: true });
  // X [[1, 0], [1, 1]] = [2, 4] -> X = [-2, 4]
  expect(Xr.flatten().tolist()).toEqual([-2, 4]);
  expect(torch.linalg.solve_triangular(A.expand(3, 2, 2), B, { upper: false }).shape).toEqual([3, 2, 1]);
  expect(() => torch.linalg.solve_triangular(A, torch.ones(3, 1), { upper: false })).toThrow("Incompatible shapes of A and B");
});
