"""Fixture for test/tutorials/dataflowr_notebook.test.ts: Marc Lelarge's dataflowr course (github
dataflowr/notebooks), Module 2's "PyTorch tensors and automatic differentiation" (Module2/02a_basics.ipynb)
then "linear regression" (Module2/02b_linear_reg.ipynb, LINEAR_REG on): their code cells in order, each
paired with its port in the notebook dialect, run here on PyTorch 1.13 as
IPython runs them (run_cells of gen_dlwizard.py): what each cell prints and what it shows as its value.

Left out: `%matplotlib inline` and `torch.__version__`; `print(x)` of `torch.empty(3,5)` (memory as
found); `resb == resc` (float64 against float32: torchlab holds float64 in float32, README "Semantics
worth knowing", so every element compares equal where PyTorch finds some differ); `device =
torch.device('cuda')`, the GPU cell and the CIFAR10 cells (a download: no network here); 02b's plots
and its gradient-by-hand tensor loop. The device
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

# Module2/02b_linear_reg.ipynb (its plots left out), after 02a in the same notebook: NumPy's gradient by hand,
# then tensors, autograd, nn and optim. Seeded (np.random.seed(0)) where the notebook draws unseeded.
LINEAR_REG = """from numpy.random import random
np.random.seed(0)
# generate random input data
x = random((30,2))

# generate labels corresponding to input data x
y = np.dot(x, [2., -3.]) + 1.
w_source = np.array([2., -3.])
b_source  = np.array([1.])"""
CELLS += [
    (LINEAR_REG, LINEAR_REG.replace("from numpy.random import random", "const random = np.random.random").replace("# ", "// ").replace("w_source", "let w_source").replace("b_source", "let b_source")),
    ("x[:5]", "x[:5]"),
    ("""# randomly initialize learnable weights and bias
w_init = random(2)
b_init = random(1)

w = w_init
b = b_init
print("initial values of the parameters:", w, b )""",
     """// randomly initialize learnable weights and bias
let w_init = random(2)
let b_init = random(1)

w = w_init
b = b_init
print("initial values of the parameters:", w, b )"""),
    ("""# our model forward pass
def forward(x):
    return x.dot(w)+b

# Loss function
def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y)**2 

print("initial loss:", np.sum([loss(x_val,y_val) for x_val, y_val in zip(x, y)]) )

# compute gradient
def gradient(x, y):  # d_loss/d_w, d_loss/d_c
    return 2*(x.dot(w)+b - y)*x, 2 * (x.dot(w)+b - y)
 
learning_rate = 1e-2
# Training loop
for epoch in range(10):
    grad_w = np.array([0,0])
    grad_b = np.array(0)
    l = 0
    for x_val, y_val in zip(x, y):
        grad_w = np.add(grad_w,gradient(x_val, y_val)[0])
        grad_b = np.add(grad_b,gradient(x_val, y_val)[1])
        l += loss(x_val, y_val)
    w = w - learning_rate * grad_w
    b = b - learning_rate * grad_b
    print("progress:", "epoch:", epoch, "loss",l[0])

# After training
print("estimation of the parameters:", w, b)""",
     """// our model forward pass
function forward(x) {
    return x.dot(w)+b
}

// Loss function
function loss(x, y) {
    let y_pred = forward(x)
    return (y_pred - y)**2 
}

print("initial loss:", np.sum(list(zip(x, y)).map(([x_val, y_val]) => loss(x_val,y_val))) )

// compute gradient
function gradient(x, y) {  // d_loss/d_w, d_loss/d_c
    return [2*(x.dot(w)+b - y)*x, 2 * (x.dot(w)+b - y)]
}
 
let learning_rate = 1e-2
// Training loop
for (const epoch of range(10)) {
    let grad_w = np.array([0,0])
    let grad_b = np.array(0)
    let l = 0
    for (const [x_val, y_val] of zip(x, y)) {
        grad_w = np.add(grad_w,gradient(x_val, y_val)[0])
        grad_b = np.add(grad_b,gradient(x_val, y_val)[1])
        l += loss(x_val, y_val)
    }
    w = w - learning_rate * grad_w
    b = b - learning_rate * grad_b
    print("progress:", "epoch:", epoch, "loss",l[0])
}

// After training
print("estimation of the parameters:", w, b)"""),
    ("dtype = torch.FloatTensor", "dtype = torch.FloatTensor"),
    ("x_t = torch.from_numpy(x).type(dtype)\ny_t = torch.from_numpy(y).type(dtype).unsqueeze(1)",
     "let x_t = torch.from_numpy(x).type(dtype)\nlet y_t = torch.from_numpy(y).type(dtype).unsqueeze(1)"),
    ("""w_init_t = torch.from_numpy(w_init).type(dtype)
b_init_t = torch.from_numpy(b_init).type(dtype)

w_t = w_init_t.clone()
w_t.unsqueeze_(1)
b_t = b_init_t.clone()
b_t.unsqueeze_(1)
print("initial values of the parameters:", w_t, b_t )""",
     """let w_init_t = torch.from_numpy(w_init).type(dtype)
let b_init_t = torch.from_numpy(b_init).type(dtype)

w_t = w_init_t.clone()
w_t.unsqueeze_(1)
b_t = b_init_t.clone()
b_t.unsqueeze_(1)
print("initial values of the parameters:", w_t, b_t )"""),
    ("""# Setting requires_grad=True indicates that we want to compute gradients with
# respect to these Tensors during the backward pass.
w_v = w_init_t.clone().unsqueeze(1)
w_v.requires_grad_(True)
b_v = b_init_t.clone().unsqueeze(1)
b_v.requires_grad_(True)
print("initial values of the parameters:", w_v.data, b_v.data )""",
     """// Setting requires_grad=True indicates that we want to compute gradients with
// respect to these Tensors during the backward pass.
let w_v = w_init_t.clone().unsqueeze(1)
w_v.requires_grad_(True)
let b_v = b_init_t.clone().unsqueeze(1)
b_v.requires_grad_(True)
print("initial values of the parameters:", w_v.data, b_v.data )"""),
    ("""for epoch in range(10):
    y_pred = x_t.mm(w_v)+b_v
    loss = (y_pred - y_t).pow(2).sum()
    loss.backward()
    with torch.no_grad():
        w_v -= learning_rate * w_v.grad
        b_v -= learning_rate * b_v.grad
    w_v.grad.zero_()
    b_v.grad.zero_()
    print("progress:", "epoch:", epoch, "loss",loss.data.item())

# After training
print("estimation of the parameters:", w_v.data, b_v.data.t() )""",
     """for (const epoch of range(10)) {
    let y_pred = x_t.mm(w_v)+b_v
    let loss = (y_pred - y_t).pow(2).sum()
    loss.backward()
    torch.no_grad(() => {
        w_v -= learning_rate * w_v.grad
        b_v -= learning_rate * b_v.grad
    })
    w_v.grad.zero_()
    b_v.grad.zero_()
    print("progress:", "epoch:", epoch, "loss",loss.data.item())
}

// After training
print("estimation of the parameters:", w_v.data, b_v.data.t() )"""),
    ("""model = torch.nn.Sequential(
    torch.nn.Linear(2, 1),
)

for m in model.children():
    m.weight.data = w_init_t.clone().unsqueeze(0)
    m.bias.data = b_init_t.clone()

loss_fn = torch.nn.MSELoss(reduction='sum')

# switch to train mode
model.train()

for epoch in range(10):
    y_pred = model(x_t)
    loss = loss_fn(y_pred, y_t)
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for param in model.parameters():
            param.data -= learning_rate * param.grad
        
    print("progress:", "epoch:", epoch, "loss",loss.data.item())

# After training
print("estimation of the parameters:")
for param in model.parameters():
    print(param)""",
     """let model = torch.nn.Sequential(
    torch.nn.Linear(2, 1),
)

for (const m of model.children()) {
    m.weight.data = w_init_t.clone().unsqueeze(0)
    m.bias.data = b_init_t.clone()
}

let loss_fn = torch.nn.MSELoss(reduction='sum')

// switch to train mode
model.train()

for (const epoch of range(10)) {
    let y_pred = model(x_t)
    let loss = loss_fn(y_pred, y_t)
    model.zero_grad()
    loss.backward()
    torch.no_grad(() => {
        for (const param of model.parameters()) {
            param.data -= learning_rate * param.grad
        }
    })
        
    print("progress:", "epoch:", epoch, "loss",loss.data.item())
}

// After training
print("estimation of the parameters:")
for (const param of model.parameters()) {
    print(param)
}"""),
]


def main():
    results = run_cells([py for py, _ in CELLS])
    write_json({"cells": [{"py": py, "ts": ts, **r} for (py, ts), r in zip(CELLS[1:], results[1:])]}, "dataflowr.json")


if __name__ == "__main__":
    main()
