"""Lazy modules (PyTorch 1.13) the way Dive into Deep Learning builds networks with them
(test/nn/lazy.test.ts reads lazy_modules.json): reprs before and after the first call, the seeded
parameters they initialise to, the output, a training step, state_dict keys and shapes, and errors.

    /usr/bin/python3 test/reference/gen_lazy_modules.py
"""
import json
import os

import torch
import torch.nn as nn

from _common import enc, err_full

OUT = {}
torch.manual_seed(0)
net = nn.Sequential(nn.LazyConv2d(6, kernel_size=5, padding=2), nn.Sigmoid(), nn.AvgPool2d(kernel_size=2, stride=2),
                    nn.LazyConv2d(16, kernel_size=5), nn.Sigmoid(), nn.AvgPool2d(kernel_size=2, stride=2), nn.Flatten(),
                    nn.LazyLinear(120), nn.Sigmoid(), nn.LazyLinear(84), nn.LazyBatchNorm1d(), nn.Sigmoid(), nn.LazyLinear(10))
OUT["repr_before"] = repr(net)
OUT["params_before"] = [k for k, _ in net.named_parameters()]
X = torch.sin(torch.arange(2 * 28 * 28, dtype=torch.float32)).reshape(2, 1, 28, 28)
torch.manual_seed(1)
out = net(X)
OUT["repr_after"] = repr(net)
OUT["out"] = enc(out)
OUT["state"] = {k: list(v.shape) for k, v in net.state_dict().items()}
OUT["weights"] = {k: enc(v) for k, v in net.state_dict().items() if k.endswith("weight") and v.numel() < 2000}
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loss = nn.functional.cross_entropy(out, torch.tensor([3, 7]))
loss.backward()
opt.step()
OUT["loss"] = loss.item()
OUT["after_step"] = enc(net[12].weight.detach())
OUT["running_mean"] = enc(net[10].running_mean)

torch.manual_seed(2)
ct = nn.LazyConvTranspose2d(4, 3, stride=2)
c1 = nn.LazyConv1d(5, 3)
bn2 = nn.LazyBatchNorm2d()
OUT["others"] = {"ct_before": repr(ct), "c1_before": repr(c1), "bn2_before": repr(bn2)}
y = ct(torch.ones(1, 3, 4, 4))
z = c1(torch.ones(2, 6, 8))
w = bn2(torch.arange(2 * 3 * 2 * 2, dtype=torch.float32).reshape(2, 3, 2, 2))
OUT["others"].update({"ct_after": repr(ct), "c1_after": repr(c1), "bn2_after": repr(bn2), "ct_out": enc(y), "c1_out": enc(z), "bn2_out": enc(w),
                      "ct_weight": enc(ct.weight.detach()), "c1_weight": enc(c1.weight.detach())})
OUT["errors"] = {"conv_bad_dim": err_full(lambda: nn.LazyConv2d(3, 3)(torch.ones(5))),
                 "groups": err_full(lambda: nn.LazyConv2d(4, 3, groups=2)(torch.ones(1, 3, 5, 5)))}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lazy_modules.json"), "w") as f:
    json.dump(OUT, f, indent=1)
print("wrote lazy_modules.json")
