"""PyTorch 1.13 references for test/ops/conv_nonfinite.test.ts: convolutions over infinite weights or
NaN inputs give NaN where 0 * inf or NaN enters a sum. On the wasm backend XNNPACK runs a 1x1
convolution that takes each channel to itself (1 -> 1 channel, or depthwise 1x1) as a per-channel
multiply-add whose output clamp made that NaN -inf.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes conv_nonfinite.json,
{name: encoded output}; the test holds each case's TypeScript port.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from _common import enc

INF = float("inf")


def nan_at0(*shape):
    x = torch.arange(float(torch.Size(shape).numel())).view(*shape) - 3
    x.view(-1)[0] = float("nan")
    return x


def chain():
    conv = nn.Conv2d(1, 1, 1)
    with torch.no_grad():
        conv.weight.fill_(INF)
        conv.bias.fill_(0.5)
    return nn.Sequential(conv, nn.ReLU(), nn.MaxPool2d(2)).eval()


CASES = {
    "1->1 1x1, inf weight, zero input": lambda: F.conv2d(torch.zeros(1, 1, 2, 2), torch.full((1, 1, 1, 1), INF)),
    "1->1 1x1, -inf weight, zero input": lambda: F.conv2d(torch.zeros(1, 1, 2, 2), torch.full((1, 1, 1, 1), -INF)),
    "1->1 1x1, NaN input": lambda: F.conv2d(nan_at0(1, 1, 2, 3), torch.full((1, 1, 1, 1), 2.0)),
    "1->1 1x1, bias, padding 1, stride 2": lambda: F.conv2d(nan_at0(2, 1, 3, 4), torch.full((1, 1, 1, 1), INF), torch.tensor([0.5]), stride=2, padding=1),
    "depthwise 1x1, NaN input, bias": lambda: F.conv2d(nan_at0(1, 3, 2, 2), torch.tensor([1.0, -2.0, INF]).view(3, 1, 1, 1), torch.tensor([0.0, 1.0, 2.0]), groups=3),
    "depthwise 1x1, stride (1, 2)": lambda: F.conv2d(nan_at0(1, 2, 3, 5), torch.tensor([3.0, INF]).view(2, 1, 1, 1), stride=(1, 2), groups=2),
    "16->32 1x1, inf weight, zero input": lambda: F.conv2d(torch.zeros(1, 16, 2, 2), torch.full((32, 16, 1, 1), INF)),
    "3x3, inf weight, zero input": lambda: F.conv2d(torch.zeros(1, 1, 4, 4), torch.full((1, 1, 3, 3), INF)),
    "eval Sequential(1->1 1x1 conv, ReLU, MaxPool2d), inf weight": lambda: chain()(torch.zeros(1, 1, 4, 4)),
}

out = {name: enc(f()) for name, f in CASES.items()}
# The per-channel 1x1 path's gradients ("grad ..." entries, not cases).
w = torch.tensor([2.0, -3.0]).view(2, 1, 1, 1).requires_grad_()
x = torch.arange(8.0).view(1, 2, 2, 2).requires_grad_()
F.conv2d(x, w, groups=2).sum().backward()
out["grad w"] = enc(w.grad)
out["grad x"] = enc(x.grad)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "conv_nonfinite.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print(len(CASES), "cases")
