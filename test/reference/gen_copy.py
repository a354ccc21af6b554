"""PyTorch 1.13 references for test/copy.test.ts (src/copy.ts, Python's copy module) and for
`del module.attr` (src/nn/modules/module.ts): what copy.deepcopy gives for a module, a state_dict, a
tensor, an optimizer and plain containers, and the errors. Run with Debian's /usr/bin/python3 from
test/reference: writes copy.json.
"""
import copy
import json
import os
import sys

import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.bn = nn.BatchNorm2d(2)
        self.seq = nn.Sequential(nn.Flatten(), nn.Linear(2 * 4 * 4, 3))
        self.heads = nn.ModuleDict({"a": nn.Linear(3, 1)})
        self.shared = self.seq[1]
        self.scale = 2.0

    def forward(self, x):
        return self.heads["a"](self.seq(self.bn(self.conv(x)))) * self.scale


def error(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e)]
    return None


net = Net()
calls = []
net.register_forward_hook(lambda m, i, o: calls.append(type(m).__name__))
twin = copy.deepcopy(net)
x = torch.ones(1, 1, 6, 6)
twin(x)
sd = copy.deepcopy(net.state_dict())
with torch.no_grad():
    net.conv.weight.add_(1)
w = torch.ones(2, requires_grad=True)
w.grad = torch.full((2,), 3.0)
wc = copy.deepcopy(w)
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
opt2 = copy.deepcopy(opt)
items = [w, w]
items2 = copy.deepcopy(items)


def deleted_buffer():
    m = nn.BatchNorm1d(2)
    del m.running_mean
    return [list(m.state_dict()), repr(m)]


out = {
    "versions": {"python": sys.version.split()[0], "torch": torch.__version__},
    "repr_same": repr(twin) == repr(net),
    "repr": repr(twin),
    "keys": list(twin.state_dict()),
    "hook_calls": calls,
    "shared_kept": twin.shared is twin.seq[1],
    "independent": [bool((twin.conv.weight != net.conv.weight).all()), bool((sd["conv.weight"] != net.conv.weight).all())],
    "training": [twin.training, copy.deepcopy(net.eval()).training],
    "scale": twin.scale,
    "tensor": {"requires_grad": wc.requires_grad, "is_leaf": wc.is_leaf, "grad": wc.grad.tolist(), "parameter": type(copy.deepcopy(net.conv.weight)).__name__},
    "same_twice": items2[0] is items2[1],
    "non_leaf": error(lambda: copy.deepcopy(w * 2)),
    "optimizer": [opt2.param_groups[0]["lr"], opt2.param_groups[0]["momentum"], len(opt2.param_groups[0]["params"])],
    "deleted": error(lambda: (delattr(net, "bn"), net.bn)),
    "deleted_keys": list(net.state_dict()),
    "deleted_buffer": deleted_buffer(),
    "deleted_twice": error(lambda: delattr(net, "bn")),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "copy.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(json.dumps(out, indent=1))
