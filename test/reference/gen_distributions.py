"""torch.distributions reference values (PyTorch 1.13): test/distributions/distributions.test.ts reads
test/reference/distributions.json.

Each case seeds the generator, builds a distribution as a user would, and records what a user sees:
reprs, shapes, samples (PyTorch's own random stream), log_prob / entropy / cdf / icdf, moments,
gradients through rsample and log_prob, KL divergences, the errors of bad arguments, and two
snippets written the way tutorials use distributions (REINFORCE's policy-gradient loss with
Categorical, a VAE's reparameterised Normal with kl_divergence).

    /usr/bin/python3 test/reference/gen_distributions.py
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import (Beta, Chi2, Dirichlet, Gamma, Poisson, Bernoulli, Categorical, Exponential, Independent, Laplace, LogNormal,
                                 MultivariateNormal, Normal, OneHotCategorical, Uniform, kl_divergence)

from _common import enc, err_full

OUT = {}


def shape(s):
    return list(s)


def moments(d):
    out = {}
    for k in ["mean", "mode", "stddev", "variance"]:
        try:
            out[k] = enc(getattr(d, k))
        except NotImplementedError as e:
            out[k] = ["NotImplementedError", str(e)]
    return out


def basics(d):
    return {"repr": repr(d), "batch_shape": shape(d.batch_shape), "event_shape": shape(d.event_shape),
            "str_batch_shape": str(d.batch_shape)}


# --- Normal
torch.manual_seed(0)
loc = torch.tensor([0.0, 1.0, -2.0])
scale = torch.tensor([1.0, 0.5, 2.0])
d = Normal(loc, scale)
v = torch.tensor([0.3, 1.2, 0.5])
OUT["normal"] = {
    **basics(d), **moments(d),
    "sample": enc(d.sample()), "sample_2x4": enc(d.sample((2, 4))), "rsample_5": enc(d.rsample((5,))),
    "sample_20": enc(d.sample([20])),
    "log_prob": enc(d.log_prob(v)), "entropy": enc(d.entropy()), "cdf": enc(d.cdf(v)),
    "icdf": enc(d.icdf(torch.tensor([0.1, 0.5, 0.975]))), "perplexity": enc(d.perplexity()),
    "log_prob_print": str(d.log_prob(v)),
}
s = Normal(0.0, 1.0)
torch.manual_seed(1)
OUT["normal_scalar"] = {**basics(s), "sample": enc(s.sample()), "sample_3": enc(s.sample((3,))),
                        "log_prob": enc(s.log_prob(torch.tensor(0.5))), "print_sample": str(s.sample())}
# broadcasting a number against a tensor; expand
b = Normal(torch.zeros(2, 1), 2.0)
OUT["normal_broadcast"] = {**basics(b), "expand": basics(b.expand([3, 2, 1]))}
# gradients: reparameterised sample and log_prob
torch.manual_seed(2)
mu = torch.tensor([0.5, -1.0], requires_grad=True)
sigma = torch.tensor([1.5, 0.3], requires_grad=True)
g = Normal(mu, sigma)
z = g.rsample((4,))
(z ** 2).sum().backward()
gsample = g.sample()
OUT["normal_grad"] = {"z": enc(z), "mu_grad": enc(mu.grad), "sigma_grad": enc(sigma.grad),
                      "z_print": str(z), "sample_requires_grad": gsample.requires_grad}
mu.grad = None
sigma.grad = None
g.log_prob(torch.tensor([1.0, -0.5])).sum().backward()
OUT["normal_grad"]["lp_mu_grad"] = enc(mu.grad)
OUT["normal_grad"]["lp_sigma_grad"] = enc(sigma.grad)
OUT["normal_errors"] = {
    "neg_scale": err_full(lambda: Normal(torch.tensor([0.0, 0.0]), torch.tensor([1.0, -1.0]))),
    "neg_scalar_scale": err_full(lambda: Normal(0.0, -1.0)),
    "nan_loc": err_full(lambda: Normal(torch.tensor([float("nan")]), torch.tensor([1.0]))),
    "bad_event": err_full(lambda: Normal(torch.zeros(3), torch.ones(3)).log_prob(torch.zeros(2))),
    "bad_type": err_full(lambda: Normal(torch.zeros(3), torch.ones(3)).log_prob(0.5)),
    "no_validate": enc(Normal(torch.tensor([0.0]), torch.tensor([-1.0]), validate_args=False).scale),
}

# --- Uniform
torch.manual_seed(3)
u = Uniform(torch.tensor([0.0, -1.0]), torch.tensor([1.0, 3.0]))
OUT["uniform"] = {**basics(u), **moments(u), "sample_3": enc(u.sample((3,))), "rsample": enc(u.rsample()),
                  "log_prob": enc(u.log_prob(torch.tensor([0.5, 2.0]))), "entropy": enc(u.entropy()),
                  "cdf": enc(u.cdf(torch.tensor([0.25, 0.0]))), "icdf": enc(u.icdf(torch.tensor([0.25, 0.5]))),
                  "outside": err_full(lambda: u.log_prob(torch.tensor([1.5, 0.0]))),
                  "low_ge_high": err_full(lambda: Uniform(1.0, 0.0)),
                  "lp_no_validate": enc(Uniform(0.0, 1.0, validate_args=False).log_prob(torch.tensor([1.5, 0.5])))}
torch.manual_seed(3)
OUT["uniform_scalar"] = {**basics(Uniform(0.0, 5.0)), "sample_4": enc(Uniform(0.0, 5.0).sample((4,)))}

# --- Bernoulli
torch.manual_seed(4)
p = Bernoulli(torch.tensor([0.1, 0.5, 0.9]))
OUT["bernoulli"] = {**basics(p), **moments(p), "sample_4": enc(p.sample((4,))),
                    "log_prob": enc(p.log_prob(torch.tensor([1.0, 0.0, 1.0]))), "entropy": enc(p.entropy()),
                    "logits": enc(p.logits), "repr_after_logits": repr(p),
                    "enumerate_support": enc(p.enumerate_support()),
                    "enumerate_support_noexpand": enc(p.enumerate_support(expand=False)),
                    "bad_value": err_full(lambda: p.log_prob(torch.tensor([0.5, 0.0, 1.0]))),
                    "bad_probs": err_full(lambda: Bernoulli(torch.tensor([1.5]))),
                    "both": err_full(lambda: Bernoulli(probs=0.5, logits=0.0)),
                    "neither": err_full(lambda: Bernoulli())}
torch.manual_seed(5)
q = Bernoulli(logits=torch.tensor([-2.0, 0.0, 3.0]))
OUT["bernoulli_logits"] = {**basics(q), "probs": enc(q.probs), "sample_3": enc(q.sample((3,))),
                           "log_prob": enc(q.log_prob(torch.tensor([0.0, 1.0, 1.0]))), "entropy": enc(q.entropy())}
OUT["bernoulli_scalar"] = basics(Bernoulli(0.3))

# --- Categorical
torch.manual_seed(6)
c = Categorical(torch.tensor([0.1, 0.2, 0.3, 0.4]))
OUT["categorical"] = {**basics(c), "repr_initial": repr(c), "sample": enc(c.sample()), "sample_10": enc(c.sample((10,))),
                      "sample_2x3": enc(c.sample((2, 3))),
                      "log_prob": enc(c.log_prob(torch.tensor([0, 3, 2]))), "entropy": enc(c.entropy()),
                      "repr_after": repr(c), "logits": enc(c.logits), "mode": enc(c.mode), "mean": enc(c.mean),
                      "enumerate_support": enc(c.enumerate_support()), "param_shape": shape(c.param_shape),
                      "bad_value": err_full(lambda: c.log_prob(torch.tensor([4]))),
                      "float_value": enc(c.log_prob(torch.tensor([1.0, 2.0])))}
torch.manual_seed(7)
cl = Categorical(logits=torch.tensor([[1.0, 2.0, 0.5], [0.0, 0.0, 0.0]]))
OUT["categorical_logits"] = {**basics(cl), "probs": enc(cl.probs), "logits": enc(cl.logits), "sample_5": enc(cl.sample((5,))),
                             "log_prob": enc(cl.log_prob(torch.tensor([2, 0]))), "entropy": enc(cl.entropy()),
                             "enumerate_support": enc(cl.enumerate_support()),
                             "enumerate_noexpand": enc(cl.enumerate_support(False)),
                             "unnormalised_probs": enc(Categorical(probs=torch.tensor([1.0, 3.0])).probs),
                             "scalar_probs": err_full(lambda: Categorical(torch.tensor(0.5))),
                             "not_simplex": err_full(lambda: Categorical(torch.tensor([0.5, -0.5, 1.0]))),
                             "neither": err_full(lambda: Categorical())}
# OneHotCategorical
torch.manual_seed(8)
oh = OneHotCategorical(torch.tensor([0.2, 0.5, 0.3]))
OUT["onehot"] = {**basics(oh), "sample_4": enc(oh.sample((4,))),
                 "log_prob": enc(oh.log_prob(torch.tensor([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]))),
                 "entropy": enc(oh.entropy()), "mode": enc(oh.mode), "variance": enc(oh.variance),
                 "enumerate_support": enc(oh.enumerate_support())}

# --- Exponential, Laplace, LogNormal
torch.manual_seed(9)
e = Exponential(torch.tensor([0.5, 2.0]))
OUT["exponential"] = {**basics(e), **moments(e), "sample_3": enc(e.sample((3,))), "log_prob": enc(e.log_prob(torch.tensor([1.0, 0.25]))),
                      "entropy": enc(e.entropy()), "cdf": enc(e.cdf(torch.tensor([1.0, 0.25]))),
                      "icdf": enc(e.icdf(torch.tensor([0.5, 0.9]))),
                      "negative": err_full(lambda: e.log_prob(torch.tensor([-1.0, 1.0])))}
torch.manual_seed(10)
la = Laplace(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.5]))
OUT["laplace"] = {**basics(la), **moments(la), "sample_3": enc(la.sample((3,))), "log_prob": enc(la.log_prob(torch.tensor([0.5, 0.0]))),
                  "entropy": enc(la.entropy()), "cdf": enc(la.cdf(torch.tensor([0.5, 0.0]))),
                  "icdf": enc(la.icdf(torch.tensor([0.2, 0.7])))}
torch.manual_seed(11)
ln = LogNormal(torch.tensor([0.0, 0.5]), torch.tensor([1.0, 0.25]))
OUT["lognormal"] = {**basics(ln), "mean": enc(ln.mean), "variance": enc(ln.variance), "mode": enc(ln.mode),
                    "sample_3": enc(ln.sample((3,))), "log_prob": enc(ln.log_prob(torch.tensor([1.5, 2.0]))),
                    "entropy": enc(ln.entropy()), "negative": err_full(lambda: ln.log_prob(torch.tensor([-1.0, 1.0])))}

# --- MultivariateNormal
torch.manual_seed(12)
mloc = torch.tensor([1.0, -1.0])
cov = torch.tensor([[2.0, 0.5], [0.5, 1.0]])
m = MultivariateNormal(mloc, covariance_matrix=cov)
mv = torch.tensor([[0.0, 0.0], [1.5, -2.0], [3.0, 1.0]])
OUT["mvn"] = {**basics(m), "mean": enc(m.mean), "variance": enc(m.variance), "scale_tril": enc(m.scale_tril),
              "covariance_matrix": enc(m.covariance_matrix), "precision_matrix": enc(m.precision_matrix),
              "sample": enc(m.sample()), "sample_4": enc(m.sample((4,))), "log_prob": enc(m.log_prob(mv)),
              "entropy": enc(m.entropy()), "repr_after": repr(m),
              "bad_event": err_full(lambda: m.log_prob(torch.zeros(3))),
              "not_pd": err_full(lambda: MultivariateNormal(mloc, torch.tensor([[1.0, 2.0], [2.0, 1.0]]))),
              "two": err_full(lambda: MultivariateNormal(mloc, covariance_matrix=cov, scale_tril=cov)),
              "scalar_loc": err_full(lambda: MultivariateNormal(torch.tensor(0.0), cov))}
torch.manual_seed(13)
L = torch.tensor([[1.0, 0.0, 0.0], [0.5, 2.0, 0.0], [-0.3, 0.2, 0.7]])
mb = MultivariateNormal(torch.zeros(4, 3), scale_tril=L)
OUT["mvn_batched"] = {**basics(mb), "sample_2": enc(mb.sample((2,))), "log_prob": enc(mb.log_prob(torch.arange(12.0).reshape(4, 3) / 10)),
                      "entropy": enc(mb.entropy()), "covariance_matrix": enc(mb.covariance_matrix[0])}
prec = torch.tensor([[2.0, -0.3], [-0.3, 0.8]])
mp = MultivariateNormal(torch.zeros(2), precision_matrix=prec)
OUT["mvn_precision"] = {"scale_tril": enc(mp.scale_tril), "covariance_matrix": enc(mp.covariance_matrix),
                        "log_prob": enc(mp.log_prob(torch.tensor([0.5, -1.0])))}
mloc2 = torch.tensor([0.3, -0.2], requires_grad=True)
cov2 = torch.tensor([[1.5, 0.2], [0.2, 0.9]], requires_grad=True)
MultivariateNormal(mloc2, cov2).log_prob(torch.tensor([1.0, 1.0])).backward()
OUT["mvn_grad"] = {"loc_grad": enc(mloc2.grad), "cov_grad": enc(cov2.grad)}

# --- Independent
torch.manual_seed(14)
ind = Independent(Normal(torch.zeros(3, 2), torch.ones(3, 2)), 1)
OUT["independent"] = {**basics(ind), "sample": enc(ind.sample()), "log_prob": enc(ind.log_prob(torch.arange(6.0).reshape(3, 2) / 4)),
                      "entropy": enc(ind.entropy()), "mean": enc(ind.mean),
                      "too_many": err_full(lambda: Independent(Normal(torch.zeros(3), torch.ones(3)), 2))}

# --- kl_divergence
p1, q1 = Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0])), Normal(torch.tensor([0.5, 0.0]), torch.tensor([1.5, 0.5]))
OUT["kl"] = {
    "normal": enc(kl_divergence(p1, q1)),
    "categorical": enc(kl_divergence(Categorical(torch.tensor([0.1, 0.6, 0.3])), Categorical(torch.tensor([0.3, 0.3, 0.4])))),
    "categorical_zero": enc(kl_divergence(Categorical(torch.tensor([0.5, 0.5, 0.0])), Categorical(torch.tensor([0.0, 0.5, 0.5])))),
    "bernoulli": enc(kl_divergence(Bernoulli(torch.tensor([0.2, 0.0, 1.0])), Bernoulli(torch.tensor([0.5, 0.5, 0.5])))),
    "uniform": enc(kl_divergence(Uniform(torch.tensor([0.0, 0.0]), torch.tensor([1.0, 1.0])), Uniform(torch.tensor([-1.0, 0.5]), torch.tensor([2.0, 2.0])))),
    "exponential": enc(kl_divergence(Exponential(torch.tensor([1.0, 2.0])), Exponential(torch.tensor([0.5, 3.0])))),
    "laplace": enc(kl_divergence(Laplace(torch.tensor([0.0]), torch.tensor([1.0])), Laplace(torch.tensor([1.0]), torch.tensor([2.0])))),
    "onehot": enc(kl_divergence(OneHotCategorical(torch.tensor([0.2, 0.8])), OneHotCategorical(torch.tensor([0.5, 0.5])))),
    "mvn": enc(kl_divergence(m, MultivariateNormal(torch.zeros(2), torch.eye(2)))),
    "independent": enc(kl_divergence(Independent(p1, 1), Independent(q1, 1))),
    "lognormal": enc(kl_divergence(LogNormal(torch.tensor([0.0]), torch.tensor([1.0])), LogNormal(torch.tensor([1.0]), torch.tensor([0.5])))),
    "unregistered": err_full(lambda: kl_divergence(p1, Categorical(torch.tensor([0.5, 0.5])))),
}

# torch.multinomial with replacement draws one sample as it draws many (not by the exponential trick
# it uses without replacement): what Categorical.sample() relies on.
mp4 = torch.tensor([0.1, 0.2, 0.3, 0.4])
OUT["multinomial_one"] = {}
for seed in range(6):
    torch.manual_seed(seed)
    a = torch.multinomial(mp4, 1).item()
    torch.manual_seed(seed)
    b = torch.multinomial(mp4, 1, True).item()
    torch.manual_seed(seed)
    c = torch.multinomial(mp4.reshape(1, -1), 2, True).tolist()
    OUT["multinomial_one"][str(seed)] = [a, b, c]

# --- Gamma, Chi2, Dirichlet, Beta, Poisson: PyTorch's C++ samplers on the default generator
torch.manual_seed(30)
ga = Gamma(torch.tensor([0.5, 1.0, 2.5, 9.0, 30.0]), torch.tensor([1.0, 2.0, 0.5, 1.0, 3.0]))
OUT["gamma"] = {**basics(ga), **moments(ga), "sample_4": enc(ga.sample((4,))),
                "log_prob": enc(ga.log_prob(torch.tensor([0.3, 1.0, 4.0, 8.5, 11.0]))), "entropy": enc(ga.entropy())}
torch.manual_seed(31)
conc = torch.tensor([0.3, 0.9, 1.7, 5.0, 12.0, 40.0], requires_grad=True)
z = Gamma(conc, torch.ones(6)).rsample((3,))
z.sum().backward()
OUT["gamma_grad"] = {"z": enc(z), "conc_grad": enc(conc.grad)}
torch.manual_seed(32)
chi = Chi2(torch.tensor([1.0, 4.0]))
OUT["chi2"] = {**basics(chi), "sample_3": enc(chi.sample((3,))), "log_prob": enc(chi.log_prob(torch.tensor([0.5, 3.0]))), "mean": enc(chi.mean)}
torch.manual_seed(33)
di = Dirichlet(torch.tensor([[0.5, 1.0, 2.0], [3.0, 3.0, 3.0]]))
OUT["dirichlet"] = {**basics(di), "mean": enc(di.mean), "variance": enc(di.variance), "sample_2": enc(di.sample((2,))),
                    "log_prob": enc(di.log_prob(torch.tensor([[0.2, 0.3, 0.5], [0.1, 0.6, 0.3]]))), "entropy": enc(di.entropy())}
torch.manual_seed(34)
be = Beta(torch.tensor([0.5, 2.0, 5.0]), torch.tensor([0.5, 3.0, 1.0]))
OUT["beta"] = {**basics(be), "mean": enc(be.mean), "variance": enc(be.variance), "sample_3": enc(be.sample((3,))),
               "log_prob": enc(be.log_prob(torch.tensor([0.3, 0.5, 0.9]))), "entropy": enc(be.entropy()),
               "scalar_repr": repr(Beta(2.0, 3.0))}
torch.manual_seed(35)
po = Poisson(torch.tensor([0.0, 0.5, 3.0, 9.9, 10.0, 120.0]))
OUT["poisson"] = {**basics(po), "sample_4": enc(po.sample((4,))), "log_prob": enc(po.log_prob(torch.tensor([0.0, 1.0, 2.0, 10.0, 7.0, 118.0]))),
                  "mode": enc(po.mode), "bad_value": err_full(lambda: po.log_prob(torch.tensor([0.5, 1.0, 2.0, 10.0, 7.0, 118.0])))}
torch.manual_seed(36)
OUT["torch_poisson"] = enc(torch.poisson(torch.tensor([[1.0, 15.0], [0.2, 50.0]])))
OUT["kl2"] = {
    "gamma": enc(kl_divergence(Gamma(torch.tensor([2.0, 0.5]), torch.tensor([1.0, 3.0])), Gamma(torch.tensor([1.0, 1.5]), torch.tensor([2.0, 1.0])))),
    "beta": enc(kl_divergence(Beta(torch.tensor([2.0]), torch.tensor([3.0])), Beta(torch.tensor([1.0]), torch.tensor([1.0])))),
    "dirichlet": enc(kl_divergence(Dirichlet(torch.tensor([1.0, 2.0, 3.0])), Dirichlet(torch.tensor([2.0, 2.0, 2.0])))),
    "poisson": enc(kl_divergence(Poisson(torch.tensor([2.0, 5.0])), Poisson(torch.tensor([3.0, 1.0])))),
}

# --- finfo
fi = torch.finfo(torch.float32)
OUT["finfo"] = {"repr": repr(fi), "eps": fi.eps, "max": fi.max, "min": fi.min, "tiny": fi.tiny,
                "smallest_normal": fi.smallest_normal, "resolution": fi.resolution, "bits": fi.bits,
                "dtype": fi.dtype, "default_eps": torch.finfo().eps}


# --- REINFORCE (pytorch/examples reinforcement_learning/reinforce.py) on seeded synthetic states
class Policy(nn.Module):
    def __init__(self):
        super(Policy, self).__init__()
        self.affine1 = nn.Linear(4, 128)
        self.dropout = nn.Dropout(p=0.6)
        self.affine2 = nn.Linear(128, 2)
        self.saved_log_probs = []
        self.rewards = []

    def forward(self, x):
        x = self.affine1(x)
        x = self.dropout(x)
        x = F.relu(x)
        action_scores = self.affine2(x)
        return F.softmax(action_scores, dim=1)


torch.manual_seed(543)
policy = Policy()
optimizer = torch.optim.Adam(policy.parameters(), lr=1e-2)
eps = torch.finfo(torch.float32).eps
gamma = 0.99


def select_action(state):
    state = state.float().unsqueeze(0)
    probs = policy(state)
    m = Categorical(probs)
    action = m.sample()
    policy.saved_log_probs.append(m.log_prob(action))
    return action.item()


def finish_episode():
    R = 0
    policy_loss = []
    returns = []
    for r in policy.rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)
    for log_prob, R in zip(policy.saved_log_probs, returns):
        policy_loss.append(-log_prob * R)
    optimizer.zero_grad()
    policy_loss = torch.cat(policy_loss).sum()
    policy_loss.backward()
    optimizer.step()
    del policy.rewards[:]
    del policy.saved_log_probs[:]
    return policy_loss.item()


actions, losses = [], []
for episode in range(3):
    for t in range(6):
        state = torch.sin(torch.arange(4.0) * (0.3 + 0.1 * t) + episode)
        action = select_action(state)
        actions.append(action)
        policy.rewards.append(1.0 if action == (t % 2) else 0.5)
    losses.append(finish_episode())
OUT["reinforce"] = {"actions": actions, "losses": losses, "affine2_weight": enc(policy.affine2.weight.detach())}


# --- VAE's reparameterisation with distributions (seeded; a standard-normal prior)
torch.manual_seed(21)
enc_net = nn.Linear(6, 4)
dec_net = nn.Linear(2, 6)
x = torch.sin(torch.arange(18.0).reshape(3, 6))
h = enc_net(x)
mu_, logvar = h[:, :2], h[:, 2:]
qz = Normal(mu_, torch.exp(0.5 * logvar))
zz = qz.rsample()
recon = dec_net(zz)
kl = kl_divergence(qz, Normal(torch.zeros_like(mu_), torch.ones_like(mu_))).sum()
loss = F.mse_loss(recon, x, reduction="sum") + kl
loss.backward()
OUT["vae"] = {"z": enc(zz), "kl": kl.item(), "loss": loss.item(), "enc_weight_grad": enc(enc_net.weight.grad)}

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "distributions.json"), "w") as f:
    json.dump(OUT, f, indent=1)
print("wrote distributions.json")
