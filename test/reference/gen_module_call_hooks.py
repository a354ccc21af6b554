"""PyTorch 1.13 reference for the order in which Module.__call__ runs forward pre-hooks, forward and
forward hooks, and what their return values do (a pre-hook's tuple replaces the inputs, a hook's
value replaces the output, None keeps them), as hooks are registered and removed.

Run with Debian's /usr/bin/python3 (torch 1.13): writes test/reference/module_call_hooks.json, read by
test/nn/module_call_hooks.test.ts, which replays the same script. Each call logs its events as
[name, inputs..., output?] with tensors as lists of whole numbers.
"""
import json
import os

import torch
import torch.nn as nn

log = []


def v(t):
    return [int(x) for x in t.tolist()]


class Two(nn.Module):
    def forward(self, a, b):
        log.append(["forward", v(a), v(b)])
        return a * 10 + b


m = Two()
a = torch.tensor([1, 2])
b = torch.tensor([3, 4])
calls = []


def call(label):
    del log[:]
    out = m(a, b)
    calls.append({"label": label, "events": list(log), "out": v(out)})


def pre1(mod, inp):
    log.append(["pre1", v(inp[0]), v(inp[1])])


def pre2(mod, inp):
    log.append(["pre2", v(inp[0]), v(inp[1])])
    return (inp[0] + 1, inp[1])


def hook1(mod, inp, out):
    log.append(["hook1", v(inp[0]), v(inp[1]), v(out)])


def hook2(mod, inp, out):
    log.append(["hook2", v(inp[0]), v(inp[1]), v(out)])
    return out * 2


def hook3(mod, inp, out):
    log.append(["hook3", v(inp[0]), v(inp[1]), v(out)])


call("no hooks")
h_pre1 = m.register_forward_pre_hook(pre1)
h_pre2 = m.register_forward_pre_hook(pre2)
h1 = m.register_forward_hook(hook1)
h2 = m.register_forward_hook(hook2)
h3 = m.register_forward_hook(hook3)
call("two pre-hooks, three hooks")
h_pre2.remove()
h2.remove()
call("pre2 and hook2 removed")
h_pre1.remove()
call("only forward hooks")
h1.remove()
h3.remove()
h_pre1.remove()
call("all removed")
h_only = m.register_forward_pre_hook(pre2)
call("only a pre-hook")
h_only.remove()
call("removed again")

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "module_call_hooks.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "calls": calls}, f, indent=1)
    f.write("\n")
print("wrote", out)
