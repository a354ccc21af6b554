"""Fixture for test/kernel/rewrite.test.ts's keyword-argument notebook (kernel/keyword_args.ts).

Each cell is PyTorch code written the way its users write it, with keyword arguments: torchlab's API
(nn.Conv2d, torch.sum, F.cross_entropy, DataLoader, torch.zeros), the user's own function
(ZTM's accuracy_fn) and class (CS231n's ThreeLayerConvNet), and the calls Python refuses. The cells run
in one namespace, as a notebook's do; each cell's stdout is recorded, and an error as
`ERR Class: message` (a SyntaxError is raised by compiling the cell, before any of it runs).
Writes test/reference/keyword_cells.json: {"cells": [printed text of each cell]}.
"""
import contextlib
import io
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))

CELLS = [
    # torchlab's API: keywords after the positional arguments, in any order.
    """torch.manual_seed(0)
conv = nn.Conv2d(1, 4, kernel_size=3, padding=1)
print(conv)
x = torch.rand(2, 1, 5, 5)
print(conv(x).shape)
print(conv(x).sum(dim=[1, 2, 3]))""",
    # `dim = 0` exists: `dim=1` is still a keyword, not an assignment to it.
    """t = torch.arange(6.).reshape(2, 3)
dim = 0
print(torch.sum(t, dim=1, keepdim=True))
print(torch.sum(t, keepdim=True, dim=1))
print(t.mean(dim=dim))
print(dim)
print(torch.max(t, dim=1, keepdim=True).values)""",
    """out = torch.tensor([[2., 1., 0.1], [0.5, 2.5, 0.3]])
y = torch.tensor([0, 2])
print(F.cross_entropy(out, y, reduction="sum"))
print(F.cross_entropy(out, y, label_smoothing=0.1, reduction='none'))""",
    """ds = torch.utils.data.TensorDataset(torch.arange(6.).reshape(6, 1), torch.arange(6))
loader = torch.utils.data.DataLoader(ds, batch_size=4, shuffle=False, drop_last=False)
for xb, yb in loader:
    print(xb.squeeze(1), yb)
print(len(torch.utils.data.DataLoader(dataset=ds, batch_size=2)))""",
    # The user's own function (ZTM's accuracy_fn), called with keywords in either order.
    """def accuracy_fn(y_true, y_pred):
    correct = torch.eq(y_true, y_pred).sum().item()
    acc = (correct / len(y_pred)) * 100
    return acc
print(accuracy_fn(y_true=torch.tensor([1, 0, 1, 1]), y_pred=torch.tensor([1, 1, 1, 0])))
print(accuracy_fn(y_pred=torch.tensor([1, 1, 1, 1]), y_true=torch.tensor([1, 0, 1, 1])))""",
    # The user's own class (CS231n's ThreeLayerConvNet, on 8x8 images), constructed with keywords.
    """class ThreeLayerConvNet(nn.Module):
    def __init__(self, in_channel, channel_1, channel_2, num_classes):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channel, channel_1, kernel_size=5, padding=2)
        self.conv2 = nn.Conv2d(channel_1, channel_2, kernel_size=3, padding=1)
        self.fc = nn.Linear(channel_2 * 8 * 8, num_classes)

    def forward(self, x, scale=1.0):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        return self.fc(torch.flatten(x, start_dim=1)) * scale""",
    """torch.manual_seed(0)
model = ThreeLayerConvNet(in_channel=3, channel_1=12, channel_2=8, num_classes=10)
print(model)
scores = model(torch.ones((4, 3, 8, 8), dtype=torch.float32), scale=2.0)
print(scores.size())
print(scores[0])""",
    # A callee known only when the call runs (ZTM's train_step calls its parameter `accuracy_fn`).
    """def eval_with(acc_fn, y_true, y_pred):
    return acc_fn(y_true=y_true, y_pred=y_pred)
print(eval_with(accuracy_fn, torch.tensor([1, 0, 1, 1]), torch.tensor([1, 1, 1, 1])))
def loss_with(fn, out, y):
    return fn(out, y, reduction="sum")
print(loss_with(F.cross_entropy, out, y))
def run_model(m, x):
    return m(x, scale=3.0)
print(run_model(model, torch.ones((1, 3, 8, 8))).shape)""",
    "eval_with(lambda y_true, y_hat: y_hat, y, y)",
    # What Python refuses.
    "accuracy_fn(y_true=y, y_pred=y, average='macro')",
    "nn.Conv2d(1, 32, kernal_size=3)",
    "ThreeLayerConvNet(3, 12, 8, num_class=10)",
    "accuracy_fn(y, y_true=y)",
    "accuracy_fn(y_true=y, y_true=y)",
    "accuracy_fn(y_true=y, y)",
    "accuracy_fn(y_pred=y)",
    # `**mapping` in a call: torchlab's API, the user's function and class, and a key given twice.
    """torch.manual_seed(0)
cfg = {"in_channels": 1, "out_channels": 2, "kernel_size": 3}
conv2 = nn.Conv2d(**cfg, padding=1)
print(conv2)
batch = {"y_pred": torch.tensor([1, 1, 1, 0]), "y_true": torch.tensor([1, 0, 1, 1])}
print(accuracy_fn(**batch))
print(ThreeLayerConvNet(3, **{"channel_1": 4, "channel_2": 2, "num_classes": 5}).fc)
loader_kwargs = {"batch_size": 4, "drop_last": True}
print(len(torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(10.)), **loader_kwargs)))
try:
    accuracy_fn(y_true=y, **batch)
except TypeError as e:
    print(e)""",
    # Zero to GANs' `fit(..., opt_func=torch.optim.SGD)`: a parameter defaulting to a class takes any
    # class, and calling it constructs one (kernel/class_default.ts).
    """def fit(epochs, lr, model, opt_func=torch.optim.SGD):
    opt = opt_func(model.parameters(), lr)
    print(type(opt).__name__, opt.defaults["lr"])
lin = nn.Linear(2, 2)
fit(1, 0.1, lin)
fit(1, 0.01, lin, torch.optim.Adam)
fit(1, 0.5, lin, opt_func=torch.optim.RMSprop)
def make_act(act=nn.ReLU):
    return act()
print(make_act(), make_act(nn.Tanh), make_act(act=nn.Sigmoid))""",
    # A class held in an untyped object (the port's `const hp: any = {...}`), called in its cell and a later one.
    """class hp:
    model_cls = nn.Linear
    act = nn.ReLU
print(hp.model_cls(2, 3))""",
    "print(hp.model_cls(2, 3, bias=False), hp.act())",
    # A callee reached by element access or a call: Python calls the module, constructs the class.
    """torch.manual_seed(0)
layers = [nn.Linear(2, 3), nn.ReLU()]
xin = torch.tensor([[1.0, -2.0]])
print(layers[1](layers[0](xin)).shape)
seq = nn.Sequential(nn.Linear(2, 2), nn.Tanh())
print(seq[1](seq[0](xin)).shape)
funcs = {"relu": nn.ReLU, "double": lambda t: t * 2}
print(funcs["relu"]()(xin), funcs["double"](xin))
def get_model():
    return seq
print(get_model().to("cpu")(xin).shape)""",
    # `del name` of a global: reading it again is Python's NameError, in the cell and a later one, until rebound.
    """zz = 5
del zz
try:
    print(zz)
except NameError as e:
    print(e)""",
    "print(zz)",
    """zz = 7
print(zz)
yy = [1, 2]
del yy
try:
    print(yy)
except NameError as e:
    print(e)""",
    # `*xs` with keywords, before or after them, and `**mapping`: Python's binding.
    """def g(a, b, c=0):
    return [a, b, c]
xs = [1, 2]
print(g(*xs, c=3))
print(g(c=3, *xs))
print(g(*[1], b=5))
kw = {"a": 1, "b": 2, "c": 3}
print(g(**kw))
try:
    g(*xs, a=9)
except TypeError as e:
    print(e)""",
    # str.format's attribute and item fields on tensors and modules, and `!r`.
    """t4 = torch.ones(2, 3)
print("{0.shape} {t.dtype} {0[1]}".format(t4, t=t4))
print("{0.weight.shape}|{m.bias.shape}".format(nn.Linear(2, 3), m=nn.Linear(3, 1)))
print("{n!r:>7}|{0!r}|{n}".format("x", n="ab"))""",
    # A dict written in the call is a positional argument: the keyword after it is the method's own
    # (load_state_dict's strict), not one more key of the dict.
    """lin = nn.Linear(3, 2)
print(lin.load_state_dict({'weight': torch.zeros(2, 3)}, strict=False))
print(lin.load_state_dict({'weight': torch.ones(2, 3), 'bias': torch.ones(2)}, strict=True))
print(lin.weight.sum(), lin.bias)""",
]


def run(cells):
    ns = {"torch": torch, "nn": nn, "F": F}
    printed = []
    for src in cells:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            try:
                exec(compile(src, "<cell>", "exec"), ns)
            except SyntaxError as e:
                print(f"ERR SyntaxError: {e.msg}")
            except Exception as e:  # noqa: BLE001 - the error is the reference
                print(f"ERR {type(e).__name__}: {e}")
        printed.append(buf.getvalue())
    return printed


if __name__ == "__main__":
    path = os.path.join(HERE, "keyword_cells.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cells": run(CELLS)}, f, indent=1)
        f.write("\n")
    print(path)
