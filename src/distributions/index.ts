/**
 * torch.distributions: parameterised probability distributions with sampling, log-densities,
 * entropies and KL divergences, as PyTorch 1.13 has them (validation, messages, random streams and
 * reprs included): `new torch.distributions.Categorical(probs).sample()`,
 * `new Normal(mu, sigma).rsample()`, `kl_divergence(q, p)`.
 */
export { Distribution } from "./distribution";
export type { DistributionOptions, SampleShape } from "./distribution";
export { Normal, Laplace, Uniform, Exponential, LogNormal, Independent } from "./continuous";
export { Bernoulli, Categorical, OneHotCategorical } from "./discrete";
export { MultivariateNormal } from "./multivariate_normal";
export { Multinomial } from "./multinomial";
export * as multinomial from "./multinomial";
export * as categorical from "./categorical";
export { Gamma, Chi2, Dirichlet, Beta, Poisson } from "./gamma";
export { kl_divergence, register_kl } from "./kl";
export * as constraints from "./constraints";
import * as kl from "./kl";
export { kl };
