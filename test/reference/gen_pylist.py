"""PyTorch 1.13 references for test/display/pylist.test.ts: how Python prints a list of tensors,
Sizes, dtypes, devices, numbers and strings (a cell's value and print()). Each entry is the repr of
the list the notebook cell of the same name builds (JS arrays are lists, so named_parameters pairs
are written as lists here). Run with Debian's /usr/bin/python3 from test/reference: writes pylist.json.
"""
import json
import os

import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.zeros(2, 3)
y = torch.ones(3)
net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
out = {
    "shapes": repr([x.shape, y.size()]),
    "parameters": repr(list(net.parameters())),
    "named": repr([[n, p.shape] for n, p in net.named_parameters()]),
    "mixed": repr([1, 2.5, "a", True, None, [torch.float32, torch.int64], x.device, "it's"]),
    "tensors": repr([torch.arange(3), torch.tensor([[1.5, 2.0], [3.0, 4.0]])]),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pylist.json"), "w") as fh:
    json.dump(out, fh, indent=1)
