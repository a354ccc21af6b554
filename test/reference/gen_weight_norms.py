"""PyTorch 1.13 references for test/nn/weight_norms.test.ts: the hook versions of
torch.nn.utils.weight_norm / remove_weight_norm and torch.nn.utils.spectral_norm /
remove_spectral_norm.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes weight_norms.json.
Layers are seeded, and spectral_norm's u and v start from the same normal draws in torchlab, so
both sides agree from the first power iteration on.
"""
import json
import os

import torch
import torch.nn as nn

from _common import enc
from _common import err_full as err

HERE = os.path.dirname(os.path.abspath(__file__))
out = {}


names = lambda pairs: [n for n, _ in pairs]  # noqa: E731

# ---- weight_norm ----------------------------------------------------------------------------------
w = {}
for case, make, dim in [("linear_dim0", lambda: nn.Linear(4, 3), 0), ("linear_none", lambda: nn.Linear(4, 3), None), ("conv_dim1", lambda: nn.Conv2d(2, 3, 2), 1)]:
    torch.manual_seed(0)
    m = make()
    w0 = m.weight.detach().clone()
    nn.utils.weight_norm(m, dim=dim)
    x = torch.linspace(-1, 1, 8).reshape(2, 4) if isinstance(m, nn.Linear) else torch.linspace(-1, 1, 2 * 2 * 3 * 3).reshape(2, 2, 3, 3)
    y = m(x)
    (y * y).sum().backward()
    c = {"w0": enc(w0), "params": names(m.named_parameters()), "state_dict": list(m.state_dict().keys()), "g": enc(m.weight_g), "v": enc(m.weight_v), "weight": enc(m.weight),
         "y": enc(y), "grad_g": enc(m.weight_g.grad), "grad_v": enc(m.weight_v.grad), "hooks": len(m._forward_pre_hooks)}
    with torch.no_grad():
        m.weight_g.mul_(2.0)
    m(x)
    c["weight_after_g"] = enc(m.weight)
    nn.utils.remove_weight_norm(m)
    c["removed"] = {"params": names(m.named_parameters()), "weight": enc(m.weight), "hooks": len(m._forward_pre_hooks)}
    w[case] = c
lin = nn.Linear(3, 2)
nn.utils.weight_norm(lin)
w["errors"] = {
    "twice": err(lambda: nn.utils.weight_norm(lin)),
    "remove_missing": err(lambda: nn.utils.remove_weight_norm(nn.Linear(3, 2))),
}
out["weight_norm"] = w

# ---- spectral_norm --------------------------------------------------------------------------------
s = {}
for case, make, kw in [("linear", lambda: nn.Linear(5, 4), {}), ("conv", lambda: nn.Conv2d(2, 3, 2), {"n_power_iterations": 3}), ("conv_transpose", lambda: nn.ConvTranspose2d(2, 3, 2), {})]:
    torch.manual_seed(1)
    m = make()
    w0 = m.weight.detach().clone()
    nn.utils.spectral_norm(m, **kw)
    c = {"w0": enc(w0), "params": names(m.named_parameters()), "buffers": names(m.named_buffers()), "state_dict": list(m.state_dict().keys()),
         "u0": enc(m.weight_u), "v0": enc(m.weight_v), "weight0": enc(m.weight)}
    x = torch.linspace(-1, 1, 10).reshape(2, 5) if isinstance(m, nn.Linear) else torch.linspace(-1, 1, 2 * 2 * 3 * 3).reshape(2, 2, 3, 3)
    ys = []
    for _ in range(3):
        ys.append(m(x))
    ys[-1].sum().backward()
    c.update({"u": enc(m.weight_u), "v": enc(m.weight_v), "weight": enc(m.weight), "y": enc(ys[-1]), "grad_orig": enc(m.weight_orig.grad)})
    m.eval()
    u_before = m.weight_u.clone()
    y_eval = m(x)
    c["eval"] = {"y": enc(y_eval), "u_unchanged": bool(torch.equal(u_before, m.weight_u))}
    nn.utils.remove_spectral_norm(m)
    c["removed"] = {"params": names(m.named_parameters()), "buffers": names(m.named_buffers()), "weight": enc(m.weight)}
    s[case] = c
lin = nn.Linear(3, 2)
nn.utils.spectral_norm(lin)
s["errors"] = {
    "iterations": err(lambda: nn.utils.spectral_norm(nn.Linear(3, 2), n_power_iterations=0)),
    "twice": err(lambda: nn.utils.spectral_norm(lin)),
    "remove_missing": err(lambda: nn.utils.remove_spectral_norm(nn.Linear(3, 2))),
}
out["spectral_norm"] = s

# ---- nn.utils.parametrizations.spectral_norm ---------------------------------------------------------
from torch.nn.utils import parametrizations as PZ  # noqa: E402

p = {}
torch.manual_seed(1)
m = nn.Linear(5, 4)
w0 = m.weight.detach().clone()
PZ.spectral_norm(m)
sn = m.parametrizations.weight[0]
p["linear"] = {"w0": enc(w0), "u0": enc(sn._u), "v0": enc(sn._v), "repr": str(m), "params": names(m.named_parameters()), "buffers": names(m.named_buffers()),
               "state_dict": list(m.state_dict().keys()), "weight0": enc(m.weight)}
x = torch.linspace(-1, 1, 10).reshape(2, 5)
for _ in range(3):
    y = m(x)
y.sum().backward()
p["linear"].update({"u": enc(sn._u), "v": enc(sn._v), "y": enc(y), "grad_original": enc(m.parametrizations.weight.original.grad)})
m.eval()
p["linear"]["eval_weight"] = enc(m.weight)
torch.manual_seed(2)
c = nn.ConvTranspose2d(2, 3, 2)
PZ.spectral_norm(c, n_power_iterations=2)
p["conv_transpose"] = {"w0": None, "weight": enc(c.weight), "u0": enc(c.parametrizations.weight[0]._u)}
torch.manual_seed(2)
p["conv_transpose"]["w0"] = enc(nn.ConvTranspose2d(2, 3, 2).weight)
b = nn.Linear(3, 2)
with torch.no_grad():
    b.bias.copy_(torch.tensor([3.0, -4.0]))
PZ.spectral_norm(b, "bias")
p["bias_1d"] = enc(b.bias)
p["errors"] = {
    "dim": err(lambda: PZ.spectral_norm(nn.Linear(3, 2), dim=2)),
    "name": err(lambda: PZ.spectral_norm(nn.Linear(3, 2), "foo")),
    "iterations": err(lambda: PZ.spectral_norm(nn.Linear(3, 2), n_power_iterations=0)),
}
out["param_spectral_norm"] = p

with open(os.path.join(HERE, "weight_norms.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
