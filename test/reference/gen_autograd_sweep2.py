"""PyTorch 1.13 / Python 3.11 references for test/api/autograd_sweep2.test.ts, the second autograd sweep:
create_graph gradients that do not read a tensor requiring grad are plain tensors (grad_fn None), the
node names of composite ops' first and second derivatives, prod's double backward (with a zero),
inference tensors (is_inference and PyTorch's refusals outside inference_mode), as_strided (values,
view, gradient, bounds error), autograd.functional's strict / vectorize errors, detach_ on a view,
enable_grad as a decorator, gradcheck's no-input error. Each case is a Python function; the test runs
its TypeScript spelling, under the same name, and compares print()'s text (or the error's type and
PyTorch's message). Run with Debian's /usr/bin/python3 from test/reference: writes autograd_sweep2.json.
"""
import json
import sys
import warnings

import torch
import torch.nn.functional as F

assert torch.__version__.startswith("1.13"), torch.__version__


def P(v):
    return torch.tensor(v, requires_grad=True)


def orders(f, v):
    """The node names of the first and second derivatives of f(x).sum() (None where there is none)."""
    x = P(v)
    g = torch.autograd.grad(f(x).sum(), x, create_graph=True)[0]
    h = torch.autograd.grad(g.sum(), x, create_graph=True)[0]
    name = lambda t: t.grad_fn.name() if t.grad_fn is not None else None
    return (name(g), name(h), h)


def constant_grad(f):
    x = P([1.0, 2.0])
    g = torch.autograd.grad(f(x).sum(), x, create_graph=True)[0]
    return (g, g.requires_grad, g.grad_fn)


def backward_constant_grad():
    x = P([1.0, 2.0])
    (x * 3).sum().backward(create_graph=True)
    return (x.grad, x.grad.requires_grad, x.grad.grad_fn)


def mixed_constant_grad():
    x = P([1.0, 2.0])
    w = P([1.0, 2.0])
    g = torch.autograd.grad((x * w).sum(), x, create_graph=True)[0]
    return (g, g.grad_fn.name())


def prod_double(v, dim=None):
    x = P(v)
    y = x.prod() if dim is None else x.prod(dim).sum()
    g = torch.autograd.grad(y, x, create_graph=True)[0]
    h = torch.autograd.grad((g * torch.arange(1.0, 1.0 + g.numel()).view_as(g)).sum(), x)[0]
    return (g.detach(), h)


def inference():
    with torch.inference_mode():
        return torch.ones(2)


def inference_flags():
    x = inference()
    with torch.inference_mode():
        y = torch.ones(2).clone()
        inside = torch.is_inference_mode_enabled()
    return (x.is_inference(), x.requires_grad, torch.ones(2).is_inference(), (x + 1).is_inference(), y.is_inference(), inside, torch.is_inference_mode_enabled())


def inference_saved_error():
    x = inference()
    w = P([1.0, 2.0])
    (x * w).sum()


def inference_not_saved_ok():
    x = inference()
    w = P([1.0, 2.0])
    (w * 2 + x).sum().backward()
    return w.grad


def inference_inplace_error():
    inference().add_(1)


def inference_setitem_error():
    x = inference()
    x[0] = 3.0


def inference_requires_grad_error():
    inference().requires_grad_()


def inference_clone_ok():
    x = inference().clone()
    w = P([1.0, 2.0])
    (x * w).sum().backward()
    return (x.is_inference(), w.grad)


def as_strided_grad():
    x = torch.arange(6.0).requires_grad_()
    y = torch.as_strided(x, (2, 2), (1, 2))
    (y * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
    return (y, x.grad)


def as_strided_overlap_grad():
    x = torch.arange(6.0).requires_grad_()
    y = x.as_strided((3, 2), (1, 1), 1)
    y.sum().backward()
    return (y, y.grad_fn.name(), x.grad)


def as_strided_view():
    x = torch.arange(6.0)
    y = x.as_strided((2,), (3,))
    y.mul_(10)
    return (y, y._base is x, x)


def as_strided_of_view():
    x = torch.arange(6.0).view(2, 3)
    return x.t().as_strided((2, 2), (1, 3))


def as_strided_of_detached_write():
    w = torch.tensor([0.5, -1.0, 2.0, 0.0], requires_grad=True)
    s = torch.softmax(w, 0)
    s.detach().as_strided((2,), (1,), 0).fill_(0.5)
    return (s, s.grad_fn.name())


def from_numpy_of_data_write():
    w = torch.tensor([0.5, -1.0, 2.0, 0.0], requires_grad=True)
    s = torch.softmax(w, 0)
    x = torch.from_numpy(s.data.numpy()[1:3])
    x.fill_(0.25)
    return (s, s.grad_fn.name(), x.grad_fn)


def as_strided_bounds_error():
    torch.arange(6.0).as_strided((4,), (2,))


def jacobian_strict_vectorize_error():
    torch.autograd.functional.jacobian(lambda a: a ** 2, torch.tensor([1.0, 2.0]), strict=True, vectorize=True)


def hessian_strict_linear_error():
    torch.autograd.functional.hessian(lambda a: a.sum(), torch.tensor([1.0, 2.0]), strict=True)


def hvp_strict_linear_error():
    torch.autograd.functional.hvp(lambda a: a.sum(), torch.tensor([1.0, 2.0]), torch.tensor([1.0, 1.0]), strict=True)


def vjp_create_graph():
    return torch.autograd.functional.vjp(lambda a: a ** 2, torch.tensor([1.0, 2.0]), torch.tensor([1.0, 1.0]), create_graph=True)


def hvp_create_graph():
    return torch.autograd.functional.hvp(lambda a: (a ** 3).sum(), torch.tensor([1.0, 2.0]), torch.tensor([1.0, 1.0]), create_graph=True)


def detach_view_error():
    x = P([1.0, 2.0])
    x.view(2).detach_()


def detach_nonleaf():
    x = P([1.0])
    y = x * 2
    y.detach_()
    return (y.requires_grad, y.grad_fn, y.is_leaf)


def enable_grad_decorator():
    f = torch.enable_grad()(lambda a: a * 2)
    x = P([1.0])
    with torch.no_grad():
        return f(x).requires_grad


def gradcheck_no_input_error():
    torch.autograd.gradcheck(lambda t: t.exp(), (torch.tensor([1.0, 2.0], dtype=torch.float64),))


def nonleaf_grad_warns():
    x = P([1.0, 2.0])
    y = x * 2
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        g = y.grad
    return (g, str(w[0].message).split(" (Triggered")[0])


POS = [0.7, 1.3]
MIX = [0.7, -1.3]
CASES = {
    "create_graph_constant_mul": lambda: constant_grad(lambda x: x * 3),
    "create_graph_constant_add": lambda: constant_grad(lambda x: x + 1),
    "create_graph_constant_mean": lambda: constant_grad(lambda x: x.mean()),
    "create_graph_constant_div": lambda: constant_grad(lambda x: x / torch.tensor([2.0, 3.0])),
    "backward_create_graph_constant": backward_constant_grad,
    "create_graph_mixed": mixed_constant_grad,
    "orders_exp": lambda: orders(lambda x: x.exp(), MIX),
    "orders_log": lambda: orders(lambda x: x.log(), POS),
    "orders_sin": lambda: orders(lambda x: x.sin(), MIX),
    "orders_cos": lambda: orders(lambda x: x.cos(), MIX),
    "orders_tan": lambda: orders(lambda x: x.tan(), [0.5, -0.25]),
    "orders_pow": lambda: orders(lambda x: x.pow(3), MIX),
    "orders_sqrt": lambda: orders(lambda x: x.sqrt(), POS),
    "orders_rsqrt": lambda: orders(lambda x: x.rsqrt(), POS),
    "orders_reciprocal": lambda: orders(lambda x: x.reciprocal(), POS),
    "orders_log1p": lambda: orders(lambda x: x.log1p(), POS),
    "orders_expm1": lambda: orders(lambda x: x.expm1(), MIX),
    "orders_atan": lambda: orders(lambda x: x.atan(), MIX),
    "orders_sinh": lambda: orders(lambda x: x.sinh(), MIX),
    "orders_cosh": lambda: orders(lambda x: x.cosh(), MIX),
    "orders_erf": lambda: orders(lambda x: x.erf(), MIX),
    "orders_atan2": lambda: orders(lambda x: torch.atan2(x, torch.tensor([1.0, 2.0])), MIX),
    "orders_abs_pow": lambda: orders(lambda x: x.abs().pow(2), MIX),
    "orders_silu": lambda: orders(lambda x: F.silu(x), MIX),
    "orders_softplus": lambda: orders(lambda x: F.softplus(x), MIX),
    "orders_gelu": lambda: orders(lambda x: F.gelu(x), MIX),
    "orders_elu": lambda: orders(lambda x: F.elu(x), MIX),
    "orders_tanh": lambda: orders(lambda x: x.tanh(), MIX),
    "orders_sigmoid": lambda: orders(lambda x: x.sigmoid(), MIX),
    "orders_relu_pow": lambda: orders(lambda x: F.relu(x).pow(2), MIX),
    "orders_leaky_relu_pow": lambda: orders(lambda x: F.leaky_relu(x, 0.1).pow(2), MIX),
    "orders_logsumexp": lambda: orders(lambda x: x.logsumexp(0), MIX),
    "orders_std": lambda: orders(lambda x: x.std(), MIX),
    "orders_mse": lambda: orders(lambda x: F.mse_loss(x, torch.zeros(2)), MIX),
    "orders_mul_self": lambda: orders(lambda x: x * x, MIX),
    "orders_prod": lambda: orders(lambda x: x.prod(), [2.0, 4.0]),
    "prod_double_no_zero": lambda: prod_double([1.0, 2.0, 3.0]),
    "prod_double_one_zero": lambda: prod_double([1.0, 0.0, 3.0]),
    "prod_double_dim_zero": lambda: prod_double([[1.0, 2.0], [0.0, 3.0]], 1),
    "prod_double_dim_3": lambda: prod_double([[1.0, 2.0, 4.0], [0.5, 0.0, 3.0]], 1),
    "inference_flags": inference_flags,
    "inference_saved_error": inference_saved_error,
    "inference_not_saved_ok": inference_not_saved_ok,
    "inference_inplace_error": inference_inplace_error,
    "inference_setitem_error": inference_setitem_error,
    "inference_requires_grad_error": inference_requires_grad_error,
    "inference_clone_ok": inference_clone_ok,
    "as_strided_grad": as_strided_grad,
    "as_strided_overlap_grad": as_strided_overlap_grad,
    "as_strided_view": as_strided_view,
    "as_strided_of_view": as_strided_of_view,
    "as_strided_of_detached_write": as_strided_of_detached_write,
    "from_numpy_of_data_write": from_numpy_of_data_write,
    "as_strided_bounds_error": as_strided_bounds_error,
    "jacobian_strict_vectorize_error": jacobian_strict_vectorize_error,
    "hessian_strict_linear_error": hessian_strict_linear_error,
    "hvp_strict_linear_error": hvp_strict_linear_error,
    "vjp_create_graph": vjp_create_graph,
    "hvp_create_graph": hvp_create_graph,
    "detach_view_error": detach_view_error,
    "detach_nonleaf": detach_nonleaf,
    "enable_grad_decorator": enable_grad_decorator,
    "gradcheck_no_input_error": gradcheck_no_input_error,
    "nonleaf_grad_warns": nonleaf_grad_warns,
}

out = {"versions": {"torch": torch.__version__, "python": sys.version.split()[0]}}
warnings.simplefilter("ignore")
for name, f in CASES.items():
    try:
        out[name] = {"print": str(f())}
    except Exception as e:  # noqa: BLE001 - the error is the reference
        out[name] = {"error": [type(e).__name__, str(e)]}
with open("autograd_sweep2.json", "w") as fp:
    json.dump(out, fp, indent=1, sort_keys=True)
    fp.write("\n")
