"""Fixture for test/tutorials/dataflowr_notebook.test.ts: Marc Lelarge's dataflowr course (github
dataflowr/notebooks), Module 2's "PyTorch tensors and automatic differentiation" (Module2/02a_basics.ipynb):
its code cells in order, each paired with its port in the notebook dialect, run here on PyTorch 1.13 as
IPython runs them (run_cells of gen_dlwizard.py): what each cell prints and what it shows as its value.

Left out: `%matplotlib inline` and `torch.__version__`; `print(x)` of `torch.empty(3,5)` (memory as
found); `resb == resc` (float64 against float32: torchlab holds float64 in float32, README "Semantics
worth knowing", so every element compares equal where PyTorch finds some differ); `device =
torch.device('cuda')`, the GPU cell and the CIFAR10 cells (a download: no network here). The device
cells use the notebook's own `device = torch.device('cpu')` line (commented out there). Written
differently: `xx = np.array([0.5])#np.arange(0,1.5,.5)` loses its comment, which as `//np.arange(...)`
is Python's floor division for the dialect (kernel/floor_division.ts: `a//b` that type-checks).
Run: /usr/bin/python3 test/reference/gen_dataflowr.py"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402
from gen_dlwizard import run_cells  # noqa: E402

ZERO_GRADS = """# Manually zero the gradients
w_t.grad.data.zero_()
b_t.grad.data.zero_()
l_t = fun(xx_t,ystar_t)
l_t.backward(retain_graph=True)
l_t.backward()
print(w_t.grad)
print(b_t.grad)"""

# (Python cell, its port): the notebook's cells in order.
CELLS = [
    ("import torch\nimport numpy as np", ""),
    ("x = torch.empty(3,5)\nprint(x.dtype)", "let x = torch.empty(3,5)\nprint(x.dtype)"),
    ("x = torch.randn(3,5)\nprint(x)", "x = torch.randn(3,5)\nprint(x)"),
    ("print(x.size())", "print(x.size())"),
    ("x.size()[1]", "x.size()[1]"),
    ("x.size() == (3,5)", "x.size() == (3,5)"),
    ("y = x.numpy()\nprint(y)", "let y = x.numpy()\nprint(y)"),
    ("a = np.ones(5)\nb = torch.from_numpy(a)\nprint(a.dtype)\nprint(b)", "let a = np.ones(5)\nlet b = torch.from_numpy(a)\nprint(a.dtype)\nprint(b)"),
    ("c = b.long()\nprint(c.dtype, c)\nprint(b.dtype, b)", "let c = b.long()\nprint(c.dtype, c)\nprint(b.dtype, b)"),
    ("xr = torch.randn(3, 5)\nprint(xr.dtype, xr)", "let xr = torch.randn(3, 5)\nprint(xr.dtype, xr)"),
    ("resb = xr + b\nresb", "let resb = xr + b\nresb"),
    ("resc = xr + c\nresc", "let resc = xr + c\nresc"),
    ("torch.set_printoptions(precision=10)", "torch.set_printoptions(precision=10)"),
    ("resb[0,1]", "resb[0,1]"),
    ("resc[0,1]", "resc[0,1]"),
    ("resc[0,1].dtype", "resc[0,1].dtype"),
    ("xr[0,1]", "xr[0,1]"),
    ("torch.set_printoptions(precision=4)", "torch.set_printoptions(precision=4)"),
    ("A = torch.tensor([[1.], [2.], [3.], [4.]])\nprint(A.size())\nB = torch.tensor([[5., -5., 5., -5., 5.]])\nprint(B.size())\nC = A + B",
     "let A = torch.tensor([[1.], [2.], [3.], [4.]])\nprint(A.size())\nlet B = torch.tensor([[5., -5., 5., -5., 5.]])\nprint(B.size())\nlet C = A + B"),
    ("C", "C"),
    ("x", "x"),
    ("xr", "xr"),
    ("print(x+xr)", "print(x+xr)"),
    ("x.add_(xr)\nprint(x)", "x.add_(xr)\nprint(x)"),
    ("print(x.t())", "print(x.t())"),
    ("x.t_()\nprint(x)", "x.t_()\nprint(x)"),
    ("a = np.ones(5)\nb = torch.from_numpy(a)\nprint(b)", "a = np.ones(5)\nb = torch.from_numpy(a)\nprint(b)"),
    ("a[2] = 0\nprint(b)", "a[2] = 0\nprint(b)"),
    ("b[3] = 5\nprint(a)", "b[3] = 5\nprint(a)"),
    ("torch.cuda.is_available()", "torch.cuda.is_available()"),
    ("device = torch.device('cpu')", "let device = torch.device('cpu')"),
    ("x.device", "x.device"),
    ("x = torch.randn(1)\nx = x.to(device)", "x = torch.randn(1)\nx = x.to(device)"),
    ("x.device", "x.device"),
    ("# the following line is only useful if CUDA is available\nx = x.data\nprint(x)\nprint(x.item())\nprint(x.cpu().numpy())",
     "// the following line is only useful if CUDA is available\nx = x.data\nprint(x)\nprint(x.item())\nprint(x.cpu().numpy())"),
    ("w = np.array([0.5])\nb = np.array([2])\nxx = np.array([0.5])#np.arange(0,1.5,.5)",
     "let w = np.array([0.5])\nb = np.array([2])\nlet xx = np.array([0.5])"),
    ("xx_t = torch.from_numpy(xx)\nw_t = torch.from_numpy(w)\nb_t = torch.from_numpy(b)",
     "let xx_t = torch.from_numpy(xx)\nlet w_t = torch.from_numpy(w)\nlet b_t = torch.from_numpy(b)"),
    ("w_t.requires_grad", "w_t.requires_grad"),
    ("w_t.requires_grad_(True)", "w_t.requires_grad_(True)"),
    ("b_t.requires_grad_(True)", "b_t.requires_grad_(True)"),
    ("dtype = torch.float64", "let dtype = torch.float64"),
    ("b_t = b_t.type(dtype)", "b_t = b_t.type(dtype)"),
    ("b_t.requires_grad_(True)", "b_t.requires_grad_(True)"),
    ("""def fun(x,ystar):
    y = torch.exp(w_t*x+b_t)
    print(y)
    return torch.sum((y-ystar)**2)

ystar_t = torch.randn_like(xx_t)
l_t = fun(xx_t,ystar_t)""",
     """function fun(x,ystar) {
    let y = torch.exp(w_t*x+b_t)
    print(y)
    return torch.sum((y-ystar)**2)
}

let ystar_t = torch.randn_like(xx_t)
let l_t = fun(xx_t,ystar_t)"""),
    ("l_t", "l_t"),
    ("l_t.requires_grad", "l_t.requires_grad"),
    ("print(w_t.grad)", "print(w_t.grad)"),
    ("l_t.backward()", "l_t.backward()"),
    ("print(w_t.grad)\nprint(b_t.grad)", "print(w_t.grad)\nprint(b_t.grad)"),
    ("yy_t = torch.exp(w_t*xx_t+b_t)\nprint(torch.sum(2*(yy_t-ystar_t)*yy_t*xx_t))\nprint(torch.sum(2*(yy_t-ystar_t)*yy_t))",
     "let yy_t = torch.exp(w_t*xx_t+b_t)\nprint(torch.sum(2*(yy_t-ystar_t)*yy_t*xx_t))\nprint(torch.sum(2*(yy_t-ystar_t)*yy_t))"),
    ("l_t = fun(xx_t,ystar_t)\nl_t.backward()", "l_t = fun(xx_t,ystar_t)\nl_t.backward()"),
    ("print(w_t.grad)\nprint(b_t.grad)", "print(w_t.grad)\nprint(b_t.grad)"),
    ("l_t.backward()", "l_t.backward()"),
    (ZERO_GRADS, ZERO_GRADS.replace("# Manually", "// Manually")),
]


def main():
    results = run_cells([py for py, _ in CELLS])
    write_json({"cells": [{"py": py, "ts": ts, **r} for (py, ts), r in zip(CELLS[1:], results[1:])]}, "dataflowr.json")


if __name__ == "__main__":
    main()
