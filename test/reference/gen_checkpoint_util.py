"""torch.utils.checkpoint reference (test/utils/checkpoint.test.ts reads checkpoint_util.json):
checkpoint / checkpoint_sequential of a seeded model with dropout give the plain forward's values and
gradients, leave the random stream where the plain forward leaves it, warn when no input requires
grad (and then give no gradients), and refuse unknown keywords.

    /usr/bin/python3 test/reference/gen_checkpoint_util.py
"""
import json
import os
import warnings

import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint, checkpoint_sequential

from _common import enc, err_full

OUT = {}


def model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 8), nn.Tanh(), nn.Dropout(0.3), nn.Linear(8, 2))


m = model()
x = torch.linspace(-1, 1, 12).reshape(3, 4).requires_grad_()
torch.manual_seed(1)
out = checkpoint_sequential(m, 2, x)
out.sum().backward()
OUT["sequential"] = {"out": enc(out), "x_grad": enc(x.grad), "w0_grad": enc(m[0].weight.grad), "w6_grad": enc(m[6].weight.grad),
                     "next_rand": enc(torch.rand(3))}

m = model()
x = torch.linspace(-1, 1, 12).reshape(3, 4).requires_grad_()
torch.manual_seed(1)
h = checkpoint(lambda t: m[2](m[1](m[0](t))), x)
out = m[6](m[5](m[4](m[3](h))))
(out ** 2).sum().backward()
OUT["function"] = {"out": enc(out), "x_grad": enc(x.grad), "w0_grad": enc(m[0].weight.grad), "next_rand": enc(torch.rand(3)),
                   "grad_fn": out.grad_fn.name(), "h_grad_fn": h.grad_fn.name()}

m = model()
x = torch.linspace(-1, 1, 12).reshape(3, 4)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    h = checkpoint(m[0], x)
OUT["no_grad_input"] = {"warning": str(w[0].message), "requires_grad": h.requires_grad, "out": enc(h)}
OUT["bad_kwarg"] = err_full(lambda: checkpoint(m[0], x, foo=1))
OUT["two_outputs"] = {}
m = model()
a = torch.ones(2, 4, requires_grad=True)
p, q = checkpoint(lambda t: (m[0](t), t * 3), a)
(p.sum() + q.sum()).backward()
OUT["two_outputs"] = {"a_grad": enc(a.grad), "w0_grad": enc(m[0].weight.grad)}

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "checkpoint_util.json"), "w") as f:
    json.dump(OUT, f, indent=1)
print("wrote checkpoint_util.json")
