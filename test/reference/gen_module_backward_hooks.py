"""Reference for test/nn/backward_hooks.test.ts: nn.Module.register_full_backward_hook,
register_backward_hook (the deprecated per-node kind) and grad_fn.register_hook, in PyTorch 1.13.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_module_backward_hooks.py
Writes test/reference/module_backward_hooks.json: {case: value}. Inputs are _tutorial_common.det()
values, so the TypeScript side builds the same tensors without a generator.
"""
import warnings

import torch
import torch.nn as nn

from _common import enc
from _tutorial_common import det, det_init_, err, write_json

warnings.simplefilter("ignore")
OUT = {}


def grads(gs):
    return [None if g is None else enc(g) for g in gs]


def record(calls):
    def hook(module, grad_input, grad_output):
        calls.append({"module": type(module).__name__, "grad_input": grads(grad_input), "grad_output": grads(grad_output)})
    return hook


def full_linear():
    lin = nn.Linear(3, 2)
    det_init_(lin)
    calls = []
    lin.register_full_backward_hook(record(calls))
    x = det([4, 3], 0.5).requires_grad_()
    (lin(x) * det([4, 2], 1.0)).sum().backward()
    return {"calls": calls, "x_grad": enc(x.grad), "w_grad": enc(lin.weight.grad)}


def full_replace():
    lin = nn.Linear(3, 2)
    det_init_(lin)
    lin.register_full_backward_hook(lambda m, gi, go: (gi[0] * 10,))
    x = det([4, 3], 0.5).requires_grad_()
    (lin(x) * det([4, 2], 1.0)).sum().backward()
    return {"x_grad": enc(x.grad), "w_grad": enc(lin.weight.grad)}


def full_no_input_grad():
    lin = nn.Linear(3, 2)
    det_init_(lin)
    calls = []
    lin.register_full_backward_hook(record(calls))
    (lin(det([4, 3], 0.5)) * det([4, 2], 1.0)).sum().backward()
    return {"calls": calls, "w_grad": enc(lin.weight.grad)}


def full_two_inputs():
    bil = nn.Bilinear(3, 2, 2)
    det_init_(bil)
    calls = []
    bil.register_full_backward_hook(record(calls))
    x1 = det([4, 3], 0.2)
    x2 = det([4, 2], 0.7).requires_grad_()
    (bil(x1, x2) * det([4, 2], 1.0)).sum().backward()
    return {"calls": calls, "x2_grad": enc(x2.grad)}


class Split(nn.Module):
    def forward(self, x):
        return x * 2, x * 3


def full_two_outputs():
    m = Split()
    calls = []
    m.register_full_backward_hook(record(calls))
    x = det([2, 3], 0.1).requires_grad_()
    a, b = m(x)
    (a * det([2, 3], 2.0)).sum().backward()
    return {"calls": calls, "x_grad": enc(x.grad)}


def legacy_linear():
    lin = nn.Linear(3, 2)
    det_init_(lin)
    calls = []
    lin.register_backward_hook(record(calls))
    x = det([4, 3], 0.5).requires_grad_()
    (lin(x) * det([4, 2], 1.0)).sum().backward()
    (lin(det([4, 3], 0.5)) * det([4, 2], 1.0)).sum().backward()
    return {"calls": calls}


def legacy_conv_replace():
    conv = nn.Conv2d(2, 3, 3)
    det_init_(conv)
    calls = []
    conv.register_backward_hook(record(calls))
    conv.register_backward_hook(lambda m, gi, go: (gi[0] * 2, gi[1], None))
    x = det([1, 2, 5, 5], 0.3).requires_grad_()
    (conv(x) * det([1, 3, 3, 3], 1.0)).sum().backward()
    return {"calls": calls, "x_grad": enc(x.grad), "bias_grad": None if conv.bias.grad is None else enc(conv.bias.grad)}


def removed():
    lin = nn.Linear(3, 2)
    calls = []
    h = lin.register_full_backward_hook(record(calls))
    h.remove()
    lin(det([4, 3], 0.5).requires_grad_()).sum().backward()
    return {"calls": len(calls)}


def mixed():
    a = nn.Linear(3, 2)
    a.register_backward_hook(lambda *args: None)
    b = nn.Linear(3, 2)
    b.register_full_backward_hook(lambda *args: None)
    return {"legacy_then_full": err(lambda: a.register_full_backward_hook(lambda *args: None)),
            "full_then_legacy": err(lambda: b.register_backward_hook(lambda *args: None))}


def wrong_count():
    lin = nn.Linear(3, 2)
    lin.register_full_backward_hook(lambda m, gi, go: (gi[0], gi[0]))
    x = det([4, 3], 0.5).requires_grad_()
    return err(lambda: lin(x).sum().backward())


def node_hook():
    x = det([3], 0.4).requires_grad_()
    w = det([3], 0.9).requires_grad_()
    y = x * w
    calls = []
    y.grad_fn.register_hook(lambda gi, go: calls.append({"grad_input": grads(gi), "grad_output": grads(go)}))
    y.grad_fn.register_hook(lambda gi, go: (gi[0] + 1, None))
    y.backward(det([3], 1.5))
    return {"name": type(y.grad_fn).__name__, "calls": calls, "x_grad": enc(x.grad), "w_grad": None if w.grad is None else enc(w.grad)}


for name, f in [("full_linear", full_linear), ("full_replace", full_replace), ("full_no_input_grad", full_no_input_grad),
                ("full_two_inputs", full_two_inputs), ("full_two_outputs", full_two_outputs), ("legacy_linear", legacy_linear),
                ("legacy_conv_replace", legacy_conv_replace), ("removed", removed), ("mixed", mixed),
                ("wrong_count", wrong_count), ("node_hook", node_hook)]:
    OUT[name] = f()
print(write_json(OUT, "module_backward_hooks.json", newline=True))
