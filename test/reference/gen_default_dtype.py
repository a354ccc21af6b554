"""PyTorch 1.13 references for test/tensor/default_dtype.test.ts: torch.set_default_dtype /
get_default_dtype, and the float64 random draws (rand, randn, normal_, uniform_ on float64 tensors,
and a layer's init after set_default_dtype(torch.float64)).

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes default_dtype.json.
Draw values are full doubles (repr), so the test can check torchlab's float32 storage holds each
double rounded to float32; a float32 draw after each float64 one shows the generator stayed aligned.
"""
import json
import os

import torch
import torch.nn as nn

out = {"initial": str(torch.get_default_dtype())}

errors = {}
for name, arg in [("int64", torch.int64), ("bool", torch.bool), ("string", "float64")]:
    try:
        torch.set_default_dtype(arg)
    except Exception as e:  # noqa: BLE001
        errors[name] = [type(e).__name__, str(e)]
out["errors"] = errors

torch.set_default_dtype(torch.float64)
out["after"] = str(torch.get_default_dtype())
dtypes = {
    "zeros": torch.zeros(2), "ones": torch.ones(2, 3), "empty": torch.empty(2), "full_float": torch.full([2], 1.5),
    "full_int": torch.full([2], 2), "tensor_floats": torch.tensor([1.5, 2.5]), "tensor_ints": torch.tensor([1, 2]),
    "tensor_scalar": torch.tensor(0.5), "arange_float": torch.arange(0, 1, 0.25), "arange_int": torch.arange(3),
    "linspace": torch.linspace(0, 1, 5), "eye": torch.eye(2), "rand": torch.rand(2), "randn": torch.randn(2),
    "int_times_float": torch.tensor([1, 2]) * 1.5, "float32_explicit": torch.zeros(2, dtype=torch.float32),
    "linear_weight": nn.Linear(3, 2).weight, "linear_bias": nn.Linear(3, 2).bias, "conv_weight": nn.Conv2d(1, 2, 3).weight,
    "zeros_like_float32": torch.zeros_like(torch.zeros(2, dtype=torch.float32)),
}
out["dtypes"] = {k: str(v.dtype) for k, v in dtypes.items()}
out["arange_values"] = torch.arange(0, 1, 0.25).tolist()
# A tensor's repr names every dtype but the default one (and int64/bool): float64 values print bare,
# float32 ones with their dtype, and an empty tensor names any dtype but the default.
out["reprs"] = [repr(t) for t in [torch.tensor([1.5, 2.0]), torch.tensor([1.5, 2.0], dtype=torch.float32),
                                  torch.tensor([1, 2]), torch.zeros(0), torch.zeros(0, dtype=torch.float32),
                                  torch.zeros(0, dtype=torch.int64), torch.tensor([True])]]
torch.set_default_dtype(torch.float32)


def draws(f):
    torch.manual_seed(0)
    v = f()
    return {"values": [float(x) for x in v.reshape(-1).tolist()], "next": torch.rand(3).tolist()}


f64 = torch.float64
out["draws"] = {
    "rand": draws(lambda: torch.rand(5, dtype=f64)),
    "randn_small": draws(lambda: torch.randn(5, dtype=f64)),
    "randn_16": draws(lambda: torch.randn(16, dtype=f64)),
    "randn_21": draws(lambda: torch.randn(3, 7, dtype=f64)),
    "normal_": draws(lambda: torch.empty(20, dtype=f64).normal_(1.0, 2.0)),
    "uniform_": draws(lambda: torch.empty(7, dtype=f64).uniform_(-1.0, 2.0)),
}


def with_default(f):
    def g():
        torch.set_default_dtype(torch.float64)
        try:
            return f()
        finally:
            torch.set_default_dtype(torch.float32)
    return draws(g)


out["draws"]["default_randn"] = with_default(lambda: torch.randn(17))
out["draws"]["default_linear"] = with_default(lambda: torch.cat([p.reshape(-1) for p in nn.Linear(4, 3).parameters()]))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "default_dtype.json"), "w") as fh:
    json.dump(out, fh, indent=1)
