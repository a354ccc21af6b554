"""PyTorch 1.13 references for test/fidelity/surface3.test.ts: PyTorch surface that ported snippets
use and torchlab lacked.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes surface3.json.
- promotion: torch.promote_types / torch.can_cast over every pair of the dtypes torchlab has, and
  torch.result_type over pairs of operands (tensors with dims, 0-d tensors, Python bool/int/float);
  the TypeErrors for bad arguments;
- parameter_containers: nn.ParameterList / nn.ParameterDict: names, state_dict keys, reprs, and one
  SGD step over them;
"""
import json
import os

import torch
import torch.nn as nn

from _common import enc

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)
out = {}


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the class name is the reference
        return [type(e).__name__, str(e).split("\n")[0]]
    raise AssertionError("no error")


# ---- promotion -------------------------------------------------------------------------------
DTYPES = {"bool": torch.bool, "int32": torch.int32, "int64": torch.int64, "float32": torch.float32}
out["promote_types"] = {f"{a},{b}": str(torch.promote_types(x, y)) for a, x in DTYPES.items() for b, y in DTYPES.items()}
out["can_cast"] = {f"{a},{b}": torch.can_cast(x, y) for a, x in DTYPES.items() for b, y in DTYPES.items()}
# Operands named as the test rebuilds them: t_<dtype> a 1-d tensor, z_<dtype> a 0-d tensor, s_<value> a number.
OPS = {}
for n, d in DTYPES.items():
    OPS["t_" + n] = torch.ones(2, dtype=d)
    OPS["z_" + n] = torch.tensor(1, dtype=d)
OPS["s_true"] = True
OPS["s_3"] = 3
OPS["s_2.5"] = 2.5
out["result_type"] = {f"{a},{b}": str(torch.result_type(x, y)) for a, x in OPS.items() for b, y in OPS.items()}
out["promotion_errors"] = {
    "promote_types_int": err(lambda: torch.promote_types(torch.int32, 3)),
    "can_cast_str": err(lambda: torch.can_cast(torch.int32, "x")),
    "result_type_str": err(lambda: torch.result_type(torch.tensor(1), "a")),
}

# ---- parameter containers ---------------------------------------------------------------------
def containers():
    pl = nn.ParameterList([nn.Parameter(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])), torch.tensor([0.5, -1.0, 2.0])])
    pl.append(nn.Parameter(torch.tensor([3.0])))
    pl.extend([torch.tensor([1.0, 1.0])])
    pd = nn.ParameterDict({"shift": nn.Parameter(torch.tensor([1.0, -2.0])), "scale": torch.tensor([[2.0, 0.5]])})
    pd.update([("bias", nn.Parameter(torch.tensor([0.25])))])
    return pl, pd


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([1.0]))
        self.pl, self.pd = containers()

    def forward(self, x):
        y = self.pl[0] @ (x * self.w + self.pl[1])
        y = (y * self.pd["scale"][0, :1]).sum() + self.pl[2].sum() * self.pl[3].sum()
        return y + (self.pd["shift"] * self.pd["bias"]).sum()


net = Net()
pl1 = nn.ParameterList([nn.Parameter(torch.ones(2, 3))])
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for _ in range(2):
    opt.zero_grad()
    net(torch.tensor([1.0, -1.0, 2.0])).backward()
    opt.step()
out["parameter_containers"] = {
    "names": [n for n, _ in net.named_parameters()],
    "state_dict_keys": list(net.state_dict().keys()),
    "pd_keys": list(net.pd.keys()),
    "repr": str(net),
    "repr_one": str(pl1),
    "repr_empty": str(nn.ParameterList()),
    "repr_dict_empty": str(nn.ParameterDict()),
    "after_sgd": {n: enc(p) for n, p in net.named_parameters()},
    "errors": {
        "pl_index": err(lambda: net.pl[5]),
        "pd_key_type": err(lambda: net.pd.__setitem__(3, torch.ones(1))),
        "pd_missing": err(lambda: net.pd["zz"]),
    },
}

with open(os.path.join(HERE, "surface3.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
