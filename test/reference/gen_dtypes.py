"""PyTorch 1.13 references for test/tensor/dtypes_logical.test.ts: float64 (and the narrow integer dtypes)
as logical dtypes over float32 / int32 storage.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes dtypes_logical.json. Each
case is a literal PyTorch expression whose torchlab port sits in the test under the same name; the
fixture holds the result's dtype, repr, type() and element_size(), or the error it raises (class and
first line of the message). Values are exact in float32, so that float64's float32 storage prints the
same digits.
"""
import json
import os
import warnings

import torch
import torch.nn.functional as F

warnings.simplefilter("ignore")

d = torch.tensor([0.5, -1.25, 2.0], dtype=torch.float64)
d2 = torch.tensor([[1.5, 0.25], [-2.0, 4.0]], dtype=torch.float64)
f = torch.tensor([0.25, 0.5, 0.75])
f2 = torch.tensor([[1.5, 0.25], [-2.0, 4.0]])
a = torch.tensor([1, 2, 3])
i = torch.tensor([1, 2, 3], dtype=torch.int32)
b = torch.tensor([True, False, True])
d0 = torch.tensor(1.5, dtype=torch.float64)
f0 = torch.tensor(1.5)
x4 = torch.arange(16.0).reshape(1, 1, 4, 4) / 8
w4 = torch.tensor([[[[1.0, -0.5], [0.25, 2.0]]]])


def grad_of(fn, x):
    x = x.clone().requires_grad_()
    fn(x).backward()
    return x.grad


def linear_double():
    lin = torch.nn.Linear(2, 2)
    with torch.no_grad():
        lin.weight.copy_(torch.tensor([[0.5, -1.0], [2.0, 0.25]]))
        lin.bias.copy_(torch.tensor([0.125, -0.5]))
    lin.double()
    return lin


def module_param_dtype():
    lin = linear_double()
    return lin.weight


def module_forward():
    return linear_double()(d2)


def module_float_again():
    return linear_double().float().weight


def module_to_double():
    lin = torch.nn.Linear(2, 2)
    lin.to(torch.float64)
    return lin.bias.detach().zero_()


def grad_double_leaf():
    return grad_of(lambda x: (x * x).sum(), d)


def grad_through_double():
    x = f.clone().requires_grad_()
    y = x.double()
    (y * 2).sum().backward()
    return x.grad


def double_of_leaf():
    return f.clone().requires_grad_().double()


def inplace_double_add_float():
    x = d.clone()
    x.add_(f)
    return x


def inplace_float_add_double():
    x = f.clone()
    x.add_(d)
    return x


def linear_double_param_grad():
    lin = linear_double()
    lin(d2).sum().backward()
    return lin.weight.grad


RESULTS = {
    # creation
    "tensor float64": lambda: torch.tensor([0.5, 1.5], dtype=torch.float64),
    "tensor double": lambda: torch.tensor([[1, 2], [3, 4]], dtype=torch.double),
    "0-d float64": lambda: torch.tensor(2.5, dtype=torch.float64),
    "zeros float64": lambda: torch.zeros(2, 3, dtype=torch.float64),
    "ones double": lambda: torch.ones(2, dtype=torch.double),
    "full float64": lambda: torch.full((2,), 7.0, dtype=torch.float64),
    "arange float64": lambda: torch.arange(0, 1, 0.25, dtype=torch.float64),
    "linspace float64": lambda: torch.linspace(0, 1, 5, dtype=torch.float64),
    "eye float64": lambda: torch.eye(2, dtype=torch.float64),
    "empty float64": lambda: torch.zeros(0, dtype=torch.float64),
    "float64 requires_grad": lambda: torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True),
    "zeros_like float64": lambda: torch.zeros_like(d),
    "ones_like float64 to float32": lambda: torch.ones_like(d, dtype=torch.float32),
    "new_zeros float64": lambda: d.new_zeros(2),
    "new_tensor float64": lambda: d.new_tensor([1.0, 2.0]),
    "DoubleTensor": lambda: torch.DoubleTensor([1.0, 2.5]),
    "from float64 rand * 20 to int32": lambda: (torch.tensor([[0.5, 0.75, 0.125], [0.25, 0.875, 0.0]], dtype=torch.float64) * 20.).to(torch.int32),
    # conversion
    "float32.double()": lambda: f.double(),
    "float32.to(float64)": lambda: f.to(torch.float64),
    "float32.to(dtype=float64)": lambda: f.to(dtype=torch.float64),
    "float32.type(torch.DoubleTensor name)": lambda: f.type(torch.float64),
    "float64.float()": lambda: d.float(),
    "float64.to(int32)": lambda: d.to(torch.int32),
    "float64.long()": lambda: d.long(),
    "float64.bool()": lambda: d.bool(),
    "int64.double()": lambda: a.double(),
    "bool.double()": lambda: b.double(),
    "float64.to(float64 tensor)": lambda: f.to(d),
    "float64.type_as float32": lambda: d.type_as(f),
    # promotion
    "float64 + float32": lambda: d + f,
    "float32 + float64": lambda: f + d,
    "float64 + 1": lambda: d + 1,
    "float64 * 2.5": lambda: d * 2.5,
    "float64 + int64": lambda: d + a,
    "int64 + float64": lambda: a + d,
    "int32 * float64": lambda: i * d,
    "bool + float64": lambda: b + d,
    "float64 + 0-d float32": lambda: d + f0,
    "float32 + 0-d float64": lambda: f + d0,
    "int64 + 0-d float64": lambda: a + d0,
    "0-d float64 + 0-d float32": lambda: d0 + f0,
    "0-d float64 + 1.5": lambda: d0 + 1.5,
    "int64 * 1.5": lambda: a * 1.5,
    "float64 / 4": lambda: d / 4,
    "float64 // 1": lambda: d // 1,
    "float64 % 1": lambda: d % 1,
    "-float64": lambda: -d,
    "float64 > 0.5": lambda: d > 0.5,
    "float64 == float32": lambda: d == f,
    "where float32 float64": lambda: torch.where(b, f, d),
    "cat float32 float64": lambda: torch.cat([f, d]),
    "stack float64 float32": lambda: torch.stack([d, f]),
    "maximum float32 float64": lambda: torch.maximum(f, d),
    "float64 ** 2": lambda: d ** 2,
    "2 ** float64": lambda: 2 ** d,
    # elementwise and reductions
    "float64.exp()": lambda: d.exp(),
    "float64.abs().sqrt()": lambda: d.abs().sqrt(),
    "sigmoid float64": lambda: torch.sigmoid(d),
    "tanh float64": lambda: torch.tanh(d),
    "relu float64": lambda: F.relu(d),
    "softmax float64": lambda: F.softmax(d, 0),
    "log_softmax float64": lambda: F.log_softmax(d, 0),
    "clamp float64": lambda: d.clamp(0, 1),
    "round float64": lambda: d.round(),
    "float64.sum()": lambda: d.sum(),
    "float64.mean()": lambda: d.mean(),
    "float64.std()": lambda: d2.std(),
    "float64.max()": lambda: d.max(),
    "float64.max(0).values": lambda: d2.max(0).values,
    "float64.max(0).indices": lambda: d2.max(0).indices,
    "float64.argmax()": lambda: d.argmax(),
    "float64.cumsum(0)": lambda: d.cumsum(0),
    "float64.prod()": lambda: d.prod(),
    "float64.norm()": lambda: d2.norm(),
    "float64.sort().values": lambda: d.sort().values,
    "float64.sum(dtype=float32)": lambda: d.sum(dtype=torch.float32),
    "float32.sum(dtype=float64)": lambda: f.sum(dtype=torch.float64),
    "float64.view(3, 1)": lambda: d.view(3, 1),
    "float64.t()": lambda: d2.t(),
    "float64[0]": lambda: d2[0],
    "float64[mask]": lambda: d[b],
    "float64.unsqueeze(0)": lambda: d.unsqueeze(0),
    "float64.clone()": lambda: d.clone(),
    "float64.flip(0)": lambda: d.flip(0),
    # linear algebra and nn.functional
    "float64 @ float64": lambda: d2 @ d2,
    "mm float64": lambda: torch.mm(d2, d2),
    "matmul float64 vec": lambda: d2 @ d2[0],
    "dot float64": lambda: torch.dot(d2[0], d2[1]),
    "linear float64": lambda: F.linear(d2, d2, d2[0]),
    "linear float64 no bias": lambda: F.linear(d2, d2),
    "conv2d float64": lambda: F.conv2d(x4.double(), w4.double()),
    "max_pool2d float64": lambda: F.max_pool2d(x4.double(), 2),
    "avg_pool2d float64": lambda: F.avg_pool2d(x4.double(), 2),
    "mse_loss float64": lambda: F.mse_loss(d2, d2 * 2),
    "mse_loss float64 float32": lambda: F.mse_loss(d2, f2),
    "cross_entropy float64": lambda: F.cross_entropy(d2, torch.tensor([0, 1])),
    "layer_norm float64": lambda: F.layer_norm(d2, (2,)),
    "dropout eval float64": lambda: F.dropout(d2, 0.5, training=False),
    # errors: mixed float64 / float32 products
    "linear float64 x float32 weight": lambda: F.linear(d2, f2),
    "linear float64 x float32 weight and bias": lambda: F.linear(d2, f2, f2[0]),
    "linear float64 weight, float32 bias": lambda: F.linear(d2, d2, f2[0]),
    "linear float32 x float64 weight": lambda: F.linear(f2, d2),
    "float64 @ float32": lambda: d2 @ f2,
    "float32 @ float64": lambda: f2 @ d2,
    "mm float64 float32": lambda: torch.mm(d2, f2),
    "dot float64 float32": lambda: torch.dot(d2[0], f2[0]),
    "int64 @ float32": lambda: torch.tensor([[1, 2]]) @ f2,
    "conv2d float64 x float32 weight": lambda: F.conv2d(x4.double(), w4),
    "conv2d float32 x float64 weight": lambda: F.conv2d(x4, w4.double()),
    "conv2d float64 x float32 bias": lambda: F.conv2d(x4.double(), w4.double(), torch.tensor([0.5])),
    "addmm float32 bias, float64 mats": lambda: torch.addmm(f2[0], d2, d2),
    "addmm float64 x float32": lambda: torch.addmm(d2[0], d2, f2),
    "nn.Linear on float64 input": lambda: torch.nn.Linear(2, 2)(d2),
    "bitwise_and float64": lambda: torch.bitwise_and(d, 1),
    "bitwise_and int64 float64": lambda: torch.bitwise_and(a, d),
    "bitwise_left_shift float64": lambda: torch.bitwise_left_shift(d, 1),
    "float64.nansum(dtype=int64)": lambda: d.nansum(dtype=torch.int64),
    # autograd
    "float64 grad": grad_double_leaf,
    "float64 (x*x).sum() grad_fn": lambda: (d.clone().requires_grad_() * 2).sum(),
    "grad through double()": grad_through_double,
    "double() of a leaf": double_of_leaf,
    "Linear.double() weight grad": linear_double_param_grad,
    # modules
    "Linear.double() weight": module_param_dtype,
    "Linear.double() forward": module_forward,
    "Linear.double().float() weight": module_float_again,
    "Linear.to(float64) bias": module_to_double,
    # in place
    "float64.add_(float32)": inplace_double_add_float,
    "float32.add_(float64)": inplace_float_add_double,
}


def run(fn):
    try:
        v = fn()
    except Exception as e:  # the case's expected error
        return {"error": type(e).__name__, "message": str(e).split("\n")[0]}
    return {"dtype": str(v.dtype), "repr": repr(v), "type": v.type(), "element_size": v.element_size()}


QUERIES = {
    "promote_types(float32, float64)": str(torch.promote_types(torch.float32, torch.float64)),
    "promote_types(int64, float64)": str(torch.promote_types(torch.int64, torch.float64)),
    "promote_types(float64, bool)": str(torch.promote_types(torch.float64, torch.bool)),
    "result_type(float64, 1.0)": str(torch.result_type(d, 1.0)),
    "result_type(int64, 0-d float64)": str(torch.result_type(a, d0)),
    "result_type(float32, 0-d float64)": str(torch.result_type(f, d0)),
    "can_cast(float64, float32)": torch.can_cast(torch.float64, torch.float32),
    "can_cast(float64, int64)": torch.can_cast(torch.float64, torch.int64),
    "str(float64)": str(torch.float64),
    "str(double)": str(torch.double),
    "float64.is_floating_point": torch.float64.is_floating_point,
    "float64.is_signed": torch.float64.is_signed,
    "float64.itemsize": torch.tensor([], dtype=torch.float64).element_size(),
    "float64 tensor.is_floating_point()": d.is_floating_point(),
    "float64 item": d0.item(),
    "float64 tolist": d.tolist(),
}

out = {"torch": torch.__version__, "results": {k: run(v) for k, v in RESULTS.items()}, "queries": QUERIES}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "dtypes_logical.json"), "w") as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
    fh.write("\n")
