"""Reference values for higher-order gradients (test/autograd/higher_order.test.ts).

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_higher_order.py
Writes test/reference/higher_order.json: {case: {name: tensor}} (tensors as _common.enc writes them,
lists of them for several inputs). Inputs are literal values; modules get literal weights.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import grad
from torch.autograd.functional import hessian, hvp, vhp

from _common import enc
from _common import err_dict as err

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = {}

X = [0.5, -1.2, 2.0, 0.3]
A = [[0.2, -0.4, 0.6], [1.0, 0.5, -0.3], [-0.7, 0.8, 0.1], [0.3, -0.2, -0.9]]
W = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.4]]
W5 = [[0.5, -0.3, 0.1, 0.7, -0.2], [0.2, 0.8, -0.5, 0.3, 0.6], [-0.6, 0.4, 0.9, -0.1, 0.2]]


def leaf(v):
    return torch.tensor(v, requires_grad=True)


# d2/dx2 of elementwise chains: the first derivative (create_graph) and the gradient of its sum.
CHAINS = {
    "poly": lambda x: x**3 - 2 * x**2 + 3 * x,
    "tanh": lambda x: torch.tanh(x) * x,
    "sigmoid": lambda x: torch.sigmoid(x),
    "exp": lambda x: torch.exp(x * 0.5),
    "log": lambda x: torch.log(x * x + 1),
    "pow": lambda x: (x * x + 1).pow(1.5),
    "sqrt": lambda x: (x * x + 1).sqrt(),
    "div": lambda x: x / (x * x + 2),
}
for name, f in CHAINS.items():
    x = leaf(X)
    (g,) = grad(f(x).sum(), x, create_graph=True)
    (g2,) = grad(g.sum(), x)
    OUT["chain_" + name] = {"g": enc(g), "g2": enc(g2)}


def grad_of_grad(name, fn, wrt_first, wrt_second):
    """fn() -> scalar; d(sum of squares of d fn/d wrt_first)/d wrt_second."""
    out = fn()
    gs = grad(out, wrt_first, create_graph=True)
    pen = sum((g**2).sum() for g in gs)
    g2 = grad(pen, wrt_second)
    OUT[name] = {"g": [enc(g) for g in gs], "g2": [enc(g) for g in g2]}


x, w = leaf(A), leaf(W)
grad_of_grad("matmul", lambda: torch.tanh(x @ w).sum(), [w], [x, w])
x, w = leaf(A), leaf(W)
target = torch.tensor([[0.1, 0.2], [-0.3, 0.4], [0.5, -0.6], [0.0, 0.7]])
grad_of_grad("mse_loss", lambda: F.mse_loss(x @ w, target), [x, w], [x, w])
x, w = leaf(A), leaf(W5)
labels = torch.tensor([1, 4, 0, 2])
grad_of_grad("cross_entropy", lambda: F.cross_entropy(x @ w, labels), [x], [x, w])
x, w = leaf(A), leaf(W5)
c = torch.tensor([0.3, -1.0, 0.5, 2.0, -0.4])
grad_of_grad("softmax", lambda: (F.softmax(x @ w, dim=1) * c).sum(), [x], [x, w])
x, w = leaf(A), leaf(W)
grad_of_grad("relu", lambda: F.relu(x @ w).pow(2).sum(), [x], [x, w])

lin = nn.Linear(3, 4)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [-0.7, 0.8, 0.9], [0.2, -0.1, 0.05]]))
    lin.bias.copy_(torch.tensor([0.1, -0.1, 0.2, 0.0]))
x = leaf(A)
grad_of_grad("linear", lambda: torch.tanh(lin(x)).sum(), [x], [x, lin.weight, lin.bias])

conv = nn.Conv2d(1, 2, 3)
with torch.no_grad():
    conv.weight.copy_(torch.arange(18, dtype=torch.float32).reshape(2, 1, 3, 3).sub(8).mul(0.05))
    conv.bias.copy_(torch.tensor([0.1, -0.2]))
img = leaf(torch.arange(25, dtype=torch.float32).reshape(1, 1, 5, 5).mul(0.1).sub(1.2).tolist())
grad_of_grad("conv2d", lambda: torch.tanh(conv(img)).sum(), [img], [img, conv.weight, conv.bias])

img6 = leaf(torch.arange(36, dtype=torch.float32).reshape(1, 1, 6, 6).mul(0.37).sin().tolist())
grad_of_grad("maxpool", lambda: torch.tanh(F.max_pool2d(F.relu(conv(img6)), 2)).sum(), [img6], [img6, conv.weight])

# WGAN-GP: the critic's loss with the gradient penalty at interpolates, one SGD step.
D = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 1))
with torch.no_grad():
    D[0].weight.copy_(torch.tensor(W5).t())
    D[0].bias.copy_(torch.tensor([0.1, -0.2, 0.0, 0.3, -0.1]))
    D[2].weight.copy_(torch.tensor([[0.4, -0.5, 0.6, -0.3, 0.2]]))
    D[2].bias.copy_(torch.tensor([0.05]))
real = torch.tensor(A)
fake = torch.tensor([[0.9, -0.1, 0.4], [0.0, 0.3, 0.7], [-0.5, -0.6, 0.2], [0.8, 0.1, -0.4]])
alpha = torch.tensor([[0.25], [0.5], [0.75], [0.1]])
opt = torch.optim.SGD(D.parameters(), lr=0.1)
interp = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
d = D(interp)
(gi,) = grad(d, interp, grad_outputs=torch.ones_like(d), create_graph=True)
gp = ((gi.norm(2, dim=1) - 1) ** 2).mean()
loss = D(fake).mean() - D(real).mean() + 10 * gp
opt.zero_grad()
loss.backward()
OUT["wgan_gp"] = {
    "gp": enc(gp),
    "loss": enc(loss),
    "grads": [enc(p.grad) for p in D.parameters()],
}
opt.step()
OUT["wgan_gp"]["after_step"] = [enc(p) for p in D.parameters()]


def f1(x):
    return (x**3 + x.sin()).sum() + (x * x.flip(0)).sum()


def f2(a, b):
    return (a * b.exp()).sum() + (a**2 * b).sum()


V = torch.tensor([1.0, -0.5, 0.25, 2.0])
a0, b0 = torch.tensor([0.3, -0.8]), torch.tensor([1.1, 0.4])
h2 = hessian(f2, (a0, b0))
OUT["functional"] = {
    "hessian1": enc(hessian(f1, torch.tensor(X))),
    "hessian2": [[enc(h) for h in row] for row in h2],
    "hvp": [enc(t) for t in hvp(f1, torch.tensor(X), V)],
    "vhp": [enc(t) for t in vhp(f1, torch.tensor(X), V)],
    "vhp2": [enc(vhp(f2, (a0, b0), (torch.tensor([1.0, 2.0]), torch.tensor([-1.0, 0.5])))[1][i]) for i in range(2)],
}

x = leaf(X)
(x**3).sum().backward(create_graph=True)
first = x.grad.clone()
x.grad.sum().backward()
OUT["backward_create_graph"] = {"first": enc(first), "after": enc(x.grad)}

x = leaf(X)
(g1,) = grad((x**3).sum(), x, create_graph=True)
(g2,) = grad(g1.sum(), x, create_graph=True)
(g3,) = grad(g2.sum(), x)
s1 = grad(x.sin().sum(), x, create_graph=True)[0]
s2 = grad(s1.sum(), x, create_graph=True)[0]
s3 = grad(s2.sum(), x)[0]
OUT["third"] = {"cube": [enc(g1), enc(g2), enc(g3)], "sin": [enc(s1), enc(s2), enc(s3)]}


# Batch norm's backward differentiated (a gradient penalty through BatchNorm, WGAN-GP's critic): training
# mode, whose gradient depends on the input through the batch statistics too, and evaluation.
OUT["batch_norm"] = {}
for mode in ["train", "eval"]:
    bn = nn.BatchNorm1d(3)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([0.5, -1.5, 2.0]))
        bn.bias.copy_(torch.tensor([0.1, 0.2, -0.3]))
        bn.running_mean.copy_(torch.tensor([0.1, -0.2, 0.3]))
        bn.running_var.copy_(torch.tensor([0.5, 2.0, 1.5]))
    bn.train(mode == "train")
    x = leaf(A)
    (g,) = grad(bn(x).pow(3).sum(), x, create_graph=True)
    OUT["batch_norm"][mode] = {"g": enc(g), "g2": [enc(t) for t in grad(g.pow(2).sum(), [x, bn.weight, bn.bias])]}
x = torch.tensor(A).view(2, 2, 3).requires_grad_(True)
bn2 = nn.BatchNorm2d(2)
with torch.no_grad():
    bn2.weight.copy_(torch.tensor([0.7, -1.1]))
(g,) = grad(bn2(x.unsqueeze(-1)).tanh().sum(), x, create_graph=True)
OUT["batch_norm"]["train2d"] = {"g": enc(g), "g2": [enc(t) for t in grad(g.pow(2).sum(), [x, bn2.weight, bn2.bias])]}


OUT["errors"] = {
    "hessian_not_scalar": err(lambda: hessian(lambda t: t * 2, torch.tensor(X))),
    "hvp_not_scalar": err(lambda: hvp(lambda t: t * 2, torch.tensor(X), V)),
}

with open(os.path.join(HERE, "higher_order.json"), "w") as fh:
    json.dump(OUT, fh)
