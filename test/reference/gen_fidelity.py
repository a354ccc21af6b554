"""PyTorch 1.13 references for test/fidelity/: places where torchlab used to differ from PyTorch
without an error.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes fidelity.json, read by
test/fidelity/*.test.ts. Each case is a literal PyTorch snippet whose torchlab port sits in the test
under the same name:
- list_index: x[[0, 2]] reads (ints, bools, negatives, empty, autograd) and writes (index_put_,
  through a basic view) and their out-of-range error;
- return_types: the print of torch.max(x, 1) and friends (torch.return_types.<op>(values=..., indices=...));
- grad_fn: the autograd graph of nn.Linear with and without bias for 1-D to 4-D inputs and of other
  common ops, written as Name(child, child, ...) with AccumulateGrad for leaves and None for inputs
  that need no grad.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from _common import enc

torch.manual_seed(0)


def graph(f):
    if f is None:
        return "None"
    n = type(f).__name__
    if n == "AccumulateGrad":
        return n
    return n + "(" + ", ".join(graph(g) for g, _ in f.next_functions) + ")"


def x34():
    return torch.arange(12.0).view(3, 4)


# ---------------------------------------------------------------- list index
list_index = {}
x = x34()
list_index["read_ints"] = enc(x[[0, 2]])
list_index["read_negative"] = enc(x[[-1, 0, 0]])
list_index["read_bools"] = enc(x[[True, False, True]])
list_index["read_empty"] = enc(x[[]])
list_index["read_cols"] = enc(x[:, [1, 3]])
w = x34().requires_grad_()
y = w[[0, 2, 2]]
(y * torch.arange(4.0)).sum().backward()
list_index["grad"] = enc(w.grad)
list_index["grad_fn"] = graph(y.grad_fn)
x = x34()
x[[0, 2]] = 5
list_index["write_scalar"] = enc(x)
x = x34()
x[[0, 2]] = torch.tensor([[-1.0, -2, -3, -4], [-5, -6, -7, -8]])
list_index["write_tensor"] = enc(x)
x = x34()
row = x[1]
row[[0, 2]] = -1
list_index["write_view"] = enc(x)
x = x34()
x[[True, False, True]] = 0
list_index["write_mask"] = enc(x)
try:
    x34()[[0, 5]]
except IndexError as e:
    list_index["error_out_of_range"] = str(e)

# ---------------------------------------------------------------- return types
x = torch.tensor([[1.0, 5, 2, 5], [7, 0, 3, 8], [4, 6, 9, 1]])
return_types = {
    "max_dim": repr(torch.max(x, 1)),
    "x_max_keepdim": repr(x.max(1, keepdim=True)),
    "min_dim": repr(torch.min(x, dim=0)),
    "sort": repr(torch.sort(x, 1)),
    "sort_descending": repr(torch.sort(x, descending=True)),
    "topk": repr(torch.topk(x, 2)),
    "max_grad": repr(torch.max(x.clone().requires_grad_(), 1)),
    "kthvalue": repr(torch.kthvalue(x, 2, 1)),
    "kthvalue_keepdim": repr(torch.kthvalue(x, 3, 0, True)),
    "median_dim": repr(torch.median(x, 1)),
    "median_dim0": repr(x.median(dim=0)),
    "mode": repr(torch.mode(torch.tensor([[1.0, 2, 2, 1], [5, 5, 1, 1], [3, 0, 3, 0]]), 1)),
    "mode_int": repr(torch.mode(torch.tensor([[1, 2], [2, 2]]), 0)),
    "median_all": repr(torch.median(x)),
    "median_nan": repr(torch.median(torch.tensor([[1.0, float("nan"), 2, float("nan")]]), 1)),
    "kthvalue_nan": repr(torch.kthvalue(torch.tensor([1.0, float("nan"), 2]), 3)),
}

# Gradients of the order statistics: the picked element's (median() of all: shared by ties).
selection_grads = {}
for name, f in {
    "kthvalue": lambda w: torch.kthvalue(w, 2, 1).values,
    "median_dim": lambda w: torch.median(w, 0).values,
    "mode": lambda w: torch.mode(w, 1, keepdim=True).values,
    "median_all": lambda w: torch.median(w),
}.items():
    w = torch.tensor([[1.0, 5, 2, 5], [7, 0, 3, 8], [4, 6, 9, 1]], requires_grad=True)
    y = f(w)
    (y * torch.arange(1.0, y.numel() + 1).view(y.shape)).sum().backward()
    selection_grads[name] = {"grad": enc(w.grad), "grad_fn": type(y.grad_fn).__name__}
w = torch.tensor([1.0, 2, 2, 3], requires_grad=True)
torch.median(w).backward()
selection_grads["median_all_ties"] = {"grad": enc(w.grad), "grad_fn": "MedianBackward0"}
selection_errors = {}
for name, f in {
    "kthvalue_k": lambda: torch.kthvalue(torch.tensor([1.0, 2]), 3),
    "median_empty": lambda: torch.median(torch.tensor([]), 0),
    "mode_empty": lambda: torch.mode(torch.tensor([])),
}.items():
    try:
        f()
    except (RuntimeError, IndexError) as e:
        selection_errors[name] = [type(e).__name__, str(e)]

# ---------------------------------------------------------------- grad_fn graphs
def leaf(*shape):
    return torch.randn(*shape, requires_grad=True)


def linear(shape, bias):
    return nn.Linear(4, 3, bias=bias)(leaf(*shape))


grad_fn = {}
for shape in [(4,), (2, 4), (2, 3, 4), (2, 2, 3, 4)]:
    for bias in [True, False]:
        grad_fn["linear_%dd_%s" % (len(shape), "bias" if bias else "nobias")] = graph(linear(shape, bias).grad_fn)
        # Input that needs no grad, as a first layer sees it.
        grad_fn["linear_%dd_%s_data" % (len(shape), "bias" if bias else "nobias")] = graph(nn.Linear(4, 3, bias=bias)(torch.randn(*shape)).grad_fn)
a, b = leaf(3, 4), leaf(3, 4)
m = leaf(4, 2)
ops = {
    "add": lambda: a + b,
    "sub": lambda: a - b,
    "mul": lambda: a * b,
    "div": lambda: a / b,
    "mul_scalar": lambda: a * 2,
    "neg": lambda: -a,
    "pow": lambda: a.pow(2),
    "exp": lambda: a.exp(),
    "log": lambda: a.abs().log(),
    "sigmoid": lambda: torch.sigmoid(a),
    "tanh": lambda: torch.tanh(a),
    "relu": lambda: torch.relu(a),
    "F_relu": lambda: F.relu(a),
    "mm": lambda: a.mm(m),
    "matmul_2d": lambda: a @ m,
    "matmul_1d_2d": lambda: a[0] @ m,
    "matmul_3d_2d": lambda: leaf(2, 3, 4) @ m,
    "sum": lambda: a.sum(),
    "sum_dim": lambda: a.sum(dim=1),
    "mean": lambda: (a * b).mean(),
    "mean_dim": lambda: a.mean(0),
    "max_all": lambda: a.max(),
    "max_dim_values": lambda: a.max(1)[0],
    "view": lambda: a.view(12),
    "reshape": lambda: a.reshape(2, 6),
    "flatten": lambda: a.flatten(),
    "t": lambda: a.t(),
    "transpose": lambda: a.transpose(0, 1),
    "permute": lambda: a.permute(1, 0),
    "unsqueeze": lambda: a.unsqueeze(0),
    "squeeze": lambda: a.unsqueeze(0).squeeze(0),
    "select": lambda: a[0],
    "slice": lambda: a[:, 1:3],
    "cat": lambda: torch.cat([a, b]),
    "stack": lambda: torch.stack([a, b]),
    "softmax": lambda: F.softmax(a, dim=1),
    "log_softmax": lambda: F.log_softmax(a, dim=1),
    "cross_entropy": lambda: F.cross_entropy(a, torch.tensor([0, 1, 3])),
    "mse_loss": lambda: F.mse_loss(a, b),
    "clamp": lambda: a.clamp(0, 1),
    "abs": lambda: a.abs(),
    "sqrt": lambda: a.abs().sqrt(),
    "norm": lambda: a.norm(),
    "conv2d": lambda: nn.Conv2d(1, 2, 3)(leaf(1, 1, 5, 5)),
    "max_pool2d": lambda: F.max_pool2d(leaf(1, 1, 4, 4), 2),
    "dropout_train": lambda: F.dropout(a, 0.5, training=True),
    "batchnorm1d": lambda: nn.BatchNorm1d(4)(a),
}
for name, f in ops.items():
    grad_fn[name] = graph(f().grad_fn)

out = {
    "list_index": list_index,
    "return_types": return_types,
    "selection_grads": selection_grads,
    "selection_errors": selection_errors,
    "grad_fn": grad_fn,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fidelity.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
