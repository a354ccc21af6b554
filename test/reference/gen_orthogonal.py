"""PyTorch 1.13 references for test/nn/orthogonal.test.ts: nn.utils.parametrizations.orthogonal with
each map (matrix_exp, cayley, householder), with and without use_trivialization, on square, tall and
wide weights. Each case sets the Linear's weight to fixed values, seeds the generator (a tall or wide
weight with use_trivialization completes its base with torch.randn), registers the parametrization,
and records the parametrized weight, `parametrizations.weight.original`, and the original's gradient
of sum(weight * C). Errors: a 1-D tensor, an unknown map, assigning a weight of another shape.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes orthogonal.json.
"""
import json
import os

import torch
import torch.nn as nn
from torch.nn.utils.parametrizations import orthogonal

from _common import enc, err

CASES = [
    # (name, in_features, out_features, orthogonal_map, use_trivialization)
    ("square default", 3, 3, None, True),
    ("square cayley", 3, 3, "cayley", True),
    ("square householder", 3, 3, "householder", True),
    ("square householder, no trivialization", 3, 3, "householder", False),
    ("square matrix_exp, no trivialization", 3, 3, "matrix_exp", False),
    ("tall default", 3, 5, None, True),
    ("tall matrix_exp", 3, 5, "matrix_exp", True),
    ("tall cayley, no trivialization", 3, 5, "cayley", False),
    ("tall householder, no trivialization", 3, 5, "householder", False),
    ("wide default", 5, 3, None, True),
    ("wide householder, no trivialization", 5, 3, "householder", False),
]


def weight_values(o, i):
    return (torch.arange(float(o * i)).view(o, i) * 0.37).sin() + 0.1 * torch.eye(o, i)


out = {"cases": []}
for name, i, o, m, triv in CASES:
    lin = nn.Linear(i, o)
    w0 = weight_values(o, i)
    with torch.no_grad():
        lin.weight.copy_(w0)
    torch.manual_seed(0)
    orthogonal(lin, "weight", m, use_trivialization=triv)
    W = lin.weight
    C = torch.arange(float(o * i)).view(o, i).cos()
    (W * C).sum().backward()
    orig = lin.parametrizations.weight.original
    out["cases"].append({"name": name, "in": i, "out": o, "map": m, "use_trivialization": triv, "w0": enc(w0),
                         "weight": enc(W), "original": enc(orig), "grad": enc(orig.grad)})

out["errors"] = {
    "1-D": err(lambda: orthogonal(nn.BatchNorm1d(3))),
    "bad map": err(lambda: orthogonal(nn.Linear(3, 3), "weight", "qr")),
    "assign shape": err(lambda: setattr(orthogonal(nn.Linear(3, 3)), "weight", torch.eye(4))),
}

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "orthogonal.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print(len(out["cases"]), "cases")
