"""PyTorch 1.13 references for the memory-format cases of test/fidelity/fidelity2.test.ts (section
"memory format"): the strides and `is_contiguous(memory_format=...)` PyTorch's CPU ops give a
channels-last (channels_last_3d) input, for the ops of the memory-format tutorial's list of ops that
keep the format and their neighbours; the layout of a leaf's `.grad` (AccumulateGrad's layout contract)
and of retain_grad's; a torch.save / torch.load round trip of a channels-last tensor and state_dict;
randint_like's values drawn in memory order; and the AttributeError of torch.load of a whole model whose
class `__main__` lacks (the "trap" of 小土堆's model_load), taken from an IPython shell as a notebook shows it.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes fidelity3.json. Each op is
named as in the test, which runs its torchlab port on an input of the same shape.
"""
import io
import json
import os
import subprocess
import sys
import tempfile

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CL, CL3 = torch.channels_last, torch.channels_last_3d
torch.manual_seed(0)
x = torch.randn(2, 4, 6, 6).to(memory_format=CL)
x5 = torch.randn(2, 4, 4, 4, 4).to(memory_format=CL3)


def layout(y):
    fmt = CL if y.dim() == 4 else CL3
    return [list(y.stride()), bool(y.is_contiguous(memory_format=fmt))]


OPS = {
    "relu": lambda: F.relu(x), "relu6": lambda: F.relu6(x), "hardtanh": lambda: F.hardtanh(x),
    "hardswish": lambda: F.hardswish(x), "hardsigmoid": lambda: F.hardsigmoid(x), "sigmoid": lambda: torch.sigmoid(x),
    "elu": lambda: F.elu(x), "leaky_relu": lambda: F.leaky_relu(x), "gelu": lambda: F.gelu(x), "silu": lambda: F.silu(x),
    "prelu": lambda: nn.PReLU(4)(x), "softmax1": lambda: F.softmax(x, 1),
    "logical_or": lambda: torch.logical_or(x > 0, x < -1), "logical_not": lambda: torch.logical_not(x > 0),
    "isnan": lambda: torch.isnan(x), "isinf": lambda: torch.isinf(x), "isfinite": lambda: torch.isfinite(x),
    "conv2d": lambda: nn.Conv2d(4, 3, 3)(x), "conv_transpose2d": lambda: nn.ConvTranspose2d(4, 3, 3)(x),
    "batch_norm": lambda: nn.BatchNorm2d(4)(x),
    "group_norm": lambda: F.group_norm(x, 2), "group_norm_affine": lambda: nn.GroupNorm(2, 4)(x),
    "instance_norm": lambda: F.instance_norm(x), "layer_norm": lambda: F.layer_norm(x, [6]),
    "max_pool2d": lambda: F.max_pool2d(x, 2), "avg_pool2d": lambda: F.avg_pool2d(x, 3, 2, 1),
    "adaptive_avg_pool2d": lambda: F.adaptive_avg_pool2d(x, 2), "adaptive_max_pool2d": lambda: F.adaptive_max_pool2d(x, 2),
    "nearest": lambda: F.interpolate(x, scale_factor=2), "nearest_exact": lambda: F.interpolate(x, scale_factor=2, mode="nearest-exact"),
    "bilinear": lambda: F.interpolate(x, scale_factor=2, mode="bilinear"), "bicubic": lambda: F.interpolate(x, scale_factor=2, mode="bicubic"),
    "area": lambda: F.interpolate(x, scale_factor=0.5, mode="area"),
    "pixel_shuffle": lambda: F.pixel_shuffle(x, 2), "pixel_unshuffle": lambda: F.pixel_unshuffle(x, 2),
    "channel_shuffle": lambda: F.channel_shuffle(x, 2),
    "dropout": lambda: F.dropout(x, 0.5), "dropout2d": lambda: F.dropout2d(x, 0.5),
    "pad": lambda: F.pad(x, (1, 1, 1, 1)), "pad_reflect": lambda: F.pad(x, (1, 1, 1, 1), mode="reflect"),
    "cat": lambda: torch.cat([x, x], 1), "flip": lambda: x.flip(2),
    "clone_preserve": lambda: x.clone(memory_format=torch.preserve_format),
    "empty_like_preserve": lambda: torch.empty_like(x, memory_format=torch.preserve_format),
    "randn_like_preserve": lambda: torch.randn_like(x, memory_format=torch.preserve_format),
    "randint_like": lambda: torch.randint_like(x, 10), "new_zeros": lambda: x.new_zeros(x.shape),
    "parameter": lambda: nn.Parameter(x.clone()),
    "group_norm_3d": lambda: F.group_norm(x5, 2), "batch_norm_3d": lambda: nn.BatchNorm3d(4)(x5),
    "trilinear": lambda: F.interpolate(x5, scale_factor=2, mode="trilinear"),
    "nearest_3d": lambda: F.interpolate(x5, scale_factor=2), "area_3d": lambda: F.interpolate(x5, scale_factor=0.5, mode="area"),
    "max_pool3d": lambda: F.max_pool3d(x5, 2), "channel_shuffle_3d": lambda: F.channel_shuffle(x5, 2),
}
OUT = {"ops": {k: layout(f()) for k, f in OPS.items()}}


def grads():
    r = {}
    conv = nn.Conv2d(4, 3, 3).to(memory_format=CL)
    conv(torch.randn(2, 4, 6, 6)).sum().backward()
    r["conv_weight_grad"] = layout(conv.weight.grad)
    leaf = torch.randn(2, 4, 6, 6).to(memory_format=CL).requires_grad_()
    (leaf * 2).sum().backward()
    r["leaf_grad"] = layout(leaf.grad)
    # A second backward adds into the same .grad in place: it keeps its layout.
    (leaf * 3).sum().backward()
    r["leaf_grad_again"] = layout(leaf.grad)
    plain = torch.randn(2, 4, 6, 6, requires_grad=True)
    nn.Conv2d(4, 3, 3).to(memory_format=CL)(plain).sum().backward()
    r["plain_leaf_through_cl_conv"] = layout(plain.grad)
    mid = leaf * 2
    mid.retain_grad()
    mid.sum().backward()
    r["retain_grad"] = layout(mid.grad)
    return r


OUT["grads"] = grads()


def save_load():
    d = tempfile.mkdtemp()
    p = os.path.join(d, "x.pt")
    torch.save(x, p)
    loaded = torch.load(p)
    conv = nn.Conv2d(4, 3, 3).to(memory_format=CL)
    torch.save(conv.state_dict(), p)
    w = torch.load(p)["weight"]
    return {"tensor": layout(loaded), "weight": layout(w), "values_equal": bool(torch.equal(loaded, x))}


OUT["save_load"] = save_load()
torch.manual_seed(5)
OUT["randint_like_values"] = torch.randint_like(torch.zeros(2, 3, 2, 2).to(memory_format=CL), 100).reshape(-1).tolist()
torch.manual_seed(5)
OUT["randint_like_3d_values"] = torch.randint_like(torch.zeros(1, 2, 2, 2, 3).to(memory_format=CL3), 100).reshape(-1).tolist()

# randn_like of a channels-last tensor: PyTorch's serial normal kernel, one double draw per element in
# memory order (the tensor is not row-major contiguous); an N1HW one is, and is filled as torch.randn.
# dropout's mask is drawn row-major whatever the layout (bernoulli_ fills a row-major int buffer, then copies).
def drawn(f):
    torch.manual_seed(3)
    y = f()
    return {"values": [round(v, 6) for v in y.reshape(-1).tolist()], "layout": layout(y)}


OUT["random_like"] = {
    "randn_like_cl": drawn(lambda: torch.randn_like(torch.zeros(2, 3, 4, 4).to(memory_format=CL))),
    "randn_like_cl_n1hw": drawn(lambda: torch.randn_like(torch.zeros(2, 1, 4, 4).to(memory_format=CL))),
    "randn_like_cl3d": drawn(lambda: torch.randn_like(torch.zeros(1, 2, 2, 3, 2).to(memory_format=CL3))),
    "dropout_cl": drawn(lambda: F.dropout(torch.ones(2, 3, 4, 4).to(memory_format=CL), 0.5)),
}
# torch.device('meta') is a device (torchlab refuses tensors on it: see the test).
OUT["meta_device"] = [repr(torch.device("meta")), str(torch.device("meta")), torch.device("meta").type, repr(torch.device("meta", 0))]

# torch.load of a whole model: with `Tudui` defined in __main__ it loads; without it, PyTorch's AttributeError
# as a notebook shows it (an IPython shell's __main__ has no file).
TRAP = r'''
import torch, torch.nn as nn
from IPython.core.interactiveshell import InteractiveShell
sh = InteractiveShell.instance()
r = sh.run_cell("""
import torch
from torch import nn
class Tudui(nn.Module):
    def __init__(self):
        super(Tudui, self).__init__()
        self.conv1 = nn.Conv2d(3, 4, kernel_size=3)
    def forward(self, x):
        return self.conv1(x)
torch.manual_seed(0)
torch.save(Tudui(), PATH)
loaded = torch.load(PATH)
print(type(loaded).__name__, loaded.conv1.weight.shape, torch.equal(loaded.conv1.weight, torch.load(PATH).conv1.weight))
del Tudui
try:
    torch.load(PATH)
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
""".replace("PATH", repr(sys.argv[1])))
'''
with tempfile.TemporaryDirectory() as d:
    out = subprocess.run([sys.executable, "-c", "import sys\n" + TRAP, os.path.join(d, "tudui_method1.pth")], capture_output=True, text=True, check=True).stdout
OUT["trap"] = out.strip().splitlines()

with open(os.path.join(HERE, "fidelity3.json"), "w") as f:
    json.dump(OUT, f, indent=1)
    f.write("\n")
