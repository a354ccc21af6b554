"""PyTorch 1.13 references for test/nn/nan_activations.test.ts: activations, clamps and max pools
keep a NaN, whatever its sign bit. x86's default NaN (from 0 / 0, or sqrt of a negative) has the
sign bit set; tfjs-wasm's XNNPACK Relu compares the bits as integers and made it 0, and its fused
conv + ReLU made every NaN 0; threshold and hardshrink tested the other way round from PyTorch.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes nan_activations.json,
{name: encoded output} (and the input's gradient of a sum for the differentiable ones, as
"name.grad"). The input holds NaN of both signs; the test builds it with both and checks through
the bits that its -NaN really has the sign bit set.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from _common import enc

NAN = float("nan")
X = [-NAN, NAN, -1.5, 0.0, 2.0, -0.25, 7.0, 3.0]


def x_():
    x = torch.tensor(X)
    x[0] = torch.tensor(0.0) / 0.0  # the sign-bit NaN of x86
    return x


def conv_chain(*tail):
    torch.manual_seed(0)
    conv = nn.Conv2d(1, 2, 1)
    with torch.no_grad():
        conv.weight.copy_(torch.tensor([1.0, -1.0]).view(2, 1, 1, 1))
        conv.bias.copy_(torch.tensor([0.5, -0.5]))
    return nn.Sequential(conv, *tail).eval()


CASES = {
    "relu": lambda x: torch.relu(x),
    "F.relu": lambda x: F.relu(x),
    "F.relu inplace": lambda x: F.relu(x.clone(), inplace=True),
    "relu_": lambda x: x.clone().relu_(),
    "nn.ReLU": lambda x: nn.ReLU()(x),
    "relu6": lambda x: F.relu6(x),
    "hardtanh": lambda x: F.hardtanh(x),
    "clamp": lambda x: x.clamp(0, 1),
    "clamp_min": lambda x: x.clamp_min(0),
    "clamp_max": lambda x: x.clamp_max(0),
    "maximum": lambda x: torch.maximum(x, torch.zeros(8)),
    "minimum": lambda x: torch.minimum(torch.zeros(8), x),
    "leaky_relu": lambda x: F.leaky_relu(x),
    "threshold": lambda x: F.threshold(x, 0.0, -9.0),
    "hardshrink": lambda x: F.hardshrink(x),
    "softshrink": lambda x: F.softshrink(x),
    "elu": lambda x: F.elu(x),
    "max_pool1d": lambda x: F.max_pool1d(x.view(1, 1, 8), 2),
    "max_pool2d": lambda x: F.max_pool2d(x.view(1, 1, 2, 4), 2),
    "adaptive_max_pool2d": lambda x: F.adaptive_max_pool2d(x.view(1, 1, 2, 4), 1),
    "amax": lambda x: x.amax(),
    "rnn relu": lambda x: torch.relu(x.view(2, 4) @ torch.eye(4)),
    # inference chains (no_grad, eval): conv + ReLU, conv + ReLU + max pool, max pool + ReLU + batch norm
    "conv relu": lambda x: conv_chain(nn.ReLU())(x.view(1, 1, 2, 4)),
    "conv relu pool": lambda x: conv_chain(nn.ReLU(), nn.MaxPool2d(2))(x.view(1, 1, 2, 4)),
    "conv pool relu bn": lambda x: conv_chain(nn.MaxPool2d((1, 2)), nn.ReLU(), nn.BatchNorm2d(2))(x.view(1, 1, 2, 4)),
}
GRADS = ["relu", "nn.ReLU", "relu6", "hardtanh", "clamp", "leaky_relu", "threshold", "hardshrink", "max_pool2d"]

out = {}
for name, f in CASES.items():
    if name.startswith("conv"):
        with torch.no_grad():
            out[name] = enc(f(x_()))
        continue
    x = x_().requires_grad_(name in GRADS)
    y = f(x if name in GRADS else x.detach())
    out[name] = enc(y)
    if name in GRADS:
        y.sum().backward()
        out[name + ".grad"] = enc(x.grad)

# Signed zeros: PyTorch's ReLU (clamp_min) keeps -0, as do its clamps, hardtanh and leaky_relu; elu
# and the shrinks give +0. "-0 name" holds the output and each value's sign bit (1 for -0).
Z = [-0.0, 0.0, -1.0, 2.0]
ZERO_CASES = ["relu", "F.relu inplace", "relu_", "nn.ReLU", "relu6", "hardtanh", "clamp", "clamp_min", "clamp_max",
              "leaky_relu", "threshold", "hardshrink", "softshrink", "elu"]
for name in ZERO_CASES:
    x = torch.tensor(Z).requires_grad_(name in GRADS)
    f = CASES[name]
    y = f(x)
    e = enc(y)
    e["signs"] = [1 if math.copysign(1.0, v) < 0 else 0 for v in y.tolist()]
    out["-0 " + name] = e
    if name in GRADS:
        y.sum().backward()
        out["-0 " + name + ".grad"] = enc(x.grad)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "nan_activations.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print(len(out), "entries")
