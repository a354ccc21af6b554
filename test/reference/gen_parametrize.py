"""PyTorch 1.13 references for test/nn/parametrize.test.ts: torch.nn.utils.parametrize, following the
Parametrizations Tutorial (https://pytorch.org/tutorials/intermediate/parametrizations.html), and
torch.matrix_exp (forward and gradient) that its MatrixExponential uses.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes parametrize.json.
Layers are seeded; torchlab's initialisation draws PyTorch's numbers, so both sides start equal.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.utils.parametrize as P

from _common import enc
from _common import err_full as err

HERE = os.path.dirname(os.path.abspath(__file__))
out = {}


class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)


class SymmetricInv(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)

    def right_inverse(self, A):
        return A.triu()


class Skew(nn.Module):
    def forward(self, X):
        A = X.triu(1)
        return A - A.transpose(-1, -2)


class CayleyMap(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("Id", torch.eye(n))

    def forward(self, X):
        return torch.linalg.solve(self.Id - X, self.Id + X)


class MatrixExponential(nn.Module):
    def forward(self, X):
        return torch.matrix_exp(X)


class Calls(nn.Module):
    n = 0

    def forward(self, X):
        Calls.n += 1
        return X


class Widen(nn.Module):
    def forward(self, X):
        return torch.cat([X, X], 0)


names = lambda pairs: [n for n, _ in pairs]  # noqa: E731
t = {}
torch.manual_seed(0)
layer = nn.Linear(3, 3)
t["repr_before"] = str(layer)
P.register_parametrization(layer, "weight", Symmetric())
t["symmetric"] = {"original": enc(layer.parametrizations.weight.original), "weight": enc(layer.weight), "repr": str(layer), "params": names(layer.named_parameters()),
                  "state_dict": list(layer.state_dict().keys()), "modules": names(layer.named_modules()), "type_before": P.type_before_parametrizations(layer).__name__,
                  "is_p": [P.is_parametrized(layer), P.is_parametrized(layer, "weight"), P.is_parametrized(layer, "bias")]}
x = torch.tensor([[1.0, -2.0, 0.5]])
y = layer(x)
y.sum().backward()
t["symmetric"]["y"] = enc(y)
t["symmetric"]["grad_original"] = enc(layer.parametrizations.weight.original.grad)

cnn = nn.Conv2d(in_channels=5, out_channels=8, kernel_size=3)
P.register_parametrization(cnn, "weight", Skew())
t["skew"] = {"w01": enc(cnn.weight[0, 1]), "w22": enc(cnn.weight[2, 2])}

layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Calls())
Calls.n = 0
with P.cached():
    foo = layer.weight + layer.weight.T
    bar = layer.weight.sum()
t["cached_calls"] = Calls.n
foo = layer.weight + layer.weight.T
t["uncached_calls"] = Calls.n

layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Skew())
P.register_parametrization(layer, "weight", CayleyMap(3))
X = layer.weight
t["cayley"] = {"weight": enc(X), "dist": float(torch.dist(X.T @ X, torch.eye(3))), "repr": str(layer), "buffers": names(layer.named_buffers()), "state_dict": list(layer.state_dict().keys())}

layer_orthogonal = nn.Linear(3, 3)
P.register_parametrization(layer_orthogonal, "weight", Skew())
P.register_parametrization(layer_orthogonal, "weight", MatrixExponential())
X = layer_orthogonal.weight
X.sum().backward()
t["orthogonal"] = {"weight": enc(X), "grad_original": enc(layer_orthogonal.parametrizations.weight.original.grad)}

layer_spd = nn.Linear(3, 3)
P.register_parametrization(layer_spd, "weight", Symmetric())
P.register_parametrization(layer_spd, "weight", MatrixExponential())
t["spd"] = {"weight": enc(layer_spd.weight), "eigvalsh": enc(torch.linalg.eigvalsh(layer_spd.weight))}

layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", SymmetricInv())
t["right_inverse_init"] = enc(layer.parametrizations.weight.original)
X = torch.rand(3, 3)
X = X + X.T
layer.weight = X
t["right_inverse_set"] = {"X": enc(X), "weight": enc(layer.weight), "original": enc(layer.parametrizations.weight.original)}

layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Skew())
w = layer.weight.detach().clone()
orig = layer.parametrizations.weight.original
P.remove_parametrizations(layer, "weight")
t["remove"] = {"weight": enc(layer.weight), "same_param": layer.weight is orig, "repr": str(layer), "params": names(layer.named_parameters()), "has_attr": hasattr(layer, "parametrizations")}
layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Skew())
orig = layer.parametrizations.weight.original.detach().clone()
P.remove_parametrizations(layer, "weight", leave_parametrized=False)
t["remove_unparametrized"] = {"original": enc(orig), "weight": enc(layer.weight)}
layer = nn.Linear(3, 3)
P.register_parametrization(layer, "weight", Skew())
P.register_parametrization(layer, "bias", Calls())
P.remove_parametrizations(layer, "weight")
t["remove_one_of_two"] = {"repr": str(layer), "params": names(layer.named_parameters())}
out["tutorial"] = t

e = {}
e["no_such"] = err(lambda: P.register_parametrization(nn.Linear(3, 3), "foo", Skew()))
e["shape"] = err(lambda: P.register_parametrization(nn.Linear(3, 3), "weight", Widen()))
lay = nn.Linear(3, 3)
P.register_parametrization(lay, "weight", Skew())
e["shape_second"] = err(lambda: P.register_parametrization(lay, "weight", Widen()))
e["set_without_inverse"] = err(lambda: setattr(lay, "weight", torch.zeros(3, 3)))
e["remove_not"] = err(lambda: P.remove_parametrizations(nn.Linear(2, 2), "weight"))
e["matrix_exp_int"] = err(lambda: torch.matrix_exp(torch.ones(2, 2, dtype=torch.int64)))
e["matrix_exp_nonsquare"] = err(lambda: torch.matrix_exp(torch.ones(2, 3)))
e["matrix_exp_1d"] = err(lambda: torch.matrix_exp(torch.ones(3)))
out["errors"] = e

# ---- torch.matrix_exp -----------------------------------------------------------------------------
m = {}
torch.manual_seed(5)
for name, A in {
    "small": torch.randn(3, 3) * 0.3,
    "large_norm": torch.randn(4, 4) * 3,
    "batch": torch.randn(2, 3, 3),
    "one": torch.tensor([[2.0]]),
    "zero": torch.zeros(2, 2),
}.items():
    A = A.clone().requires_grad_()
    E = torch.matrix_exp(A)
    G = torch.linspace(-1, 1, E.numel()).reshape(E.shape)
    (E * G).sum().backward()
    m[name] = {"A": enc(A), "out": enc(E), "grad": enc(A.grad)}
out["matrix_exp"] = m

with open(os.path.join(HERE, "parametrize.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
