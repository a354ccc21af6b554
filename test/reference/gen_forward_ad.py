"""Reference values for forward-mode AD (torch.autograd.forward_ad): the tutorial port
test/tutorials/forward_ad_usage.test.ts and the per-op tests in test/autograd/forward_ad.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13 (and functorch 1.13):
    /usr/bin/python3 test/reference/gen_forward_ad.py
Writes test/reference/forward_ad.json:
- "tutorial": pytorch/tutorials intermediate_source/forward_ad_usage.py run top to bottom after
  torch.manual_seed(0) (the tutorial does not seed; torchlab's generator reproduces PyTorch's CPU
  stream). Its functional-module section uses torch.nn.utils.stateless.functional_call (PyTorch 1.13's
  spelling of torch.func.functional_call). Two changes, made the same way on both sides: the
  double-precision primal of the custom-Function section is drawn in float32 then converted (PyTorch's
  float64 stream differs from its float32 one, and torchlab computes in float32), and each
  jvp / tangent is recorded.
- "ops": for each op, its inputs and tangents (literal values) and the primal and tangent of its
  output under forward AD.
- "errors": [class name, message] of what the dual-tensor API refuses.
"""
import functools
import math

import torch
import torch.autograd.forward_ad as fwAD
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.stateless import functional_call
import functorch as ft

from _common import enc, r4
from _tutorial_common import err, write_json

OUT = {}


# ------------------------------------------------------------------ the tutorial
def tutorial():
    rec = {}
    torch.manual_seed(0)
    primal = torch.randn(10, 10)
    tangent = torch.randn(10, 10)

    def fn(x, y):
        return x ** 2 + y ** 2

    with fwAD.dual_level():
        dual_input = fwAD.make_dual(primal, tangent)
        assert fwAD.unpack_dual(dual_input).tangent is tangent
        dual_input_alt = fwAD.make_dual(primal, tangent.T)
        assert fwAD.unpack_dual(dual_input_alt).tangent is not tangent
        rec["alt_tangent"] = enc(fwAD.unpack_dual(dual_input_alt).tangent)
        plain_tensor = torch.randn(10, 10)
        dual_output = fn(dual_input, plain_tensor)
        jvp = fwAD.unpack_dual(dual_output).tangent
    assert fwAD.unpack_dual(dual_output).tangent is None
    rec["basic_primal"] = enc(fwAD.unpack_dual(dual_output).primal)
    rec["basic_jvp"] = enc(jvp)

    model = nn.Linear(5, 5)
    input = torch.randn(16, 5)
    params = {name: p for name, p in model.named_parameters()}
    tangents = {name: torch.rand_like(p) for name, p in params.items()}
    with fwAD.dual_level():
        for name, p in params.items():
            delattr(model, name)
            setattr(model, name, fwAD.make_dual(p, tangents[name]))
        out = model(input)
        jvp = fwAD.unpack_dual(out).tangent
    rec["module_out"] = enc(out)
    rec["module_jvp"] = enc(jvp)
    rec["module_params_after"] = [name for name, _ in model.named_parameters()]

    model = nn.Linear(5, 5)
    dual_params = {}
    with fwAD.dual_level():
        for name, p in params.items():
            dual_params[name] = fwAD.make_dual(p, tangents[name])
        out = functional_call(model, dual_params, input)
        jvp2 = fwAD.unpack_dual(out).tangent
    assert torch.allclose(jvp, jvp2)
    rec["functional_jvp"] = enc(jvp2)

    class Fn(torch.autograd.Function):
        @staticmethod
        def forward(ctx, foo):
            result = torch.exp(foo)
            ctx.result = result
            return result

        @staticmethod
        def jvp(ctx, gI):
            gO = gI * ctx.result
            del ctx.result
            return gO

    fn = Fn.apply
    primal = torch.randn(10, 10).double().requires_grad_()
    tangent = torch.randn(10, 10)
    with fwAD.dual_level():
        dual_input = fwAD.make_dual(primal, tangent)
        dual_output = fn(dual_input)
        jvp = fwAD.unpack_dual(dual_output).tangent
    rec["function_jvp"] = enc(jvp)
    rec["function_gradcheck"] = torch.autograd.gradcheck(Fn.apply, (primal,), check_forward_ad=True, check_backward_ad=False,
                                                         check_undefined_grad=False, check_batched_grad=False)

    primal0 = torch.randn(10, 10)
    tangent0 = torch.randn(10, 10)
    primal1 = torch.randn(10, 10)
    tangent1 = torch.randn(10, 10)

    def fn(x, y):
        return x ** 2 + y ** 2

    primal_out, tangent_out = ft.jvp(fn, (primal0, primal1), (tangent0, tangent1))
    rec["ft_primal_out"] = enc(primal_out)
    rec["ft_tangent_out"] = enc(tangent_out)
    primal = torch.randn(10, 10)
    tangent = torch.randn(10, 10)
    y = torch.randn(10, 10)
    new_fn = functools.partial(fn, y=y)
    primal_out, tangent_out = ft.jvp(new_fn, (primal,), (tangent,))
    rec["ft_partial_primal_out"] = enc(primal_out)
    rec["ft_partial_tangent_out"] = enc(tangent_out)

    model = nn.Linear(5, 5)
    input = torch.randn(16, 5)
    tangents = tuple([torch.rand_like(p) for p in model.parameters()])
    func, params, buffers = ft.make_functional_with_buffers(model)

    def func_params_only(params):
        return func(params, buffers, input)

    model_output, jvp_out = ft.jvp(func_params_only, (params,), (tangents,))
    rec["ft_model_output"] = enc(model_output)
    rec["ft_jvp_out"] = enc(jvp_out)
    OUT["tutorial"] = rec


# ------------------------------------------------------------------ per-op forward derivatives
def vals(shape, k, lo=-1.0, hi=1.0):
    """Literal inputs: a smooth pattern in [lo, hi], rounded to 4 decimals (both sides parse the same floats)."""
    n = math.prod(shape)
    xs = [lo + (hi - lo) * (0.5 + 0.5 * math.sin(0.7 * i + 1.3 * k)) for i in range(n)]
    return torch.tensor(r4(xs), dtype=torch.float32).reshape(shape)


# name -> (input shapes (and ranges), function); test/autograd/forward_ad.test.ts has the same table.
POS = (0.2, 2.0)
CASES = {
    "add": ([(2, 3), (3,)], lambda a, b: a + b),
    "sub_alpha": ([(2, 3), (2, 3)], lambda a, b: torch.sub(a, b, alpha=2)),
    "mul": ([(2, 3), (2, 3)], lambda a, b: a * b),
    "div": ([(2, 3), ((2, 3), POS)], lambda a, b: a / b),
    "pow_scalar": ([(2, 3)], lambda a: a ** 3),
    "pow_tensor": ([((2, 3), POS), (2, 3)], lambda a, b: a ** b),
    "exp": ([(2, 3)], torch.exp),
    "log": ([((2, 3), POS)], torch.log),
    "sqrt": ([((2, 3), POS)], torch.sqrt),
    "sin": ([(2, 3)], torch.sin),
    "cos": ([(2, 3)], torch.cos),
    "tanh": ([(2, 3)], torch.tanh),
    "sigmoid": ([(2, 3)], torch.sigmoid),
    "relu": ([(2, 3)], F.relu),
    "leaky_relu": ([(2, 3)], lambda a: F.leaky_relu(a, 0.1)),
    "gelu": ([(2, 3)], F.gelu),
    "elu": ([(2, 3)], F.elu),
    "softplus": ([(2, 3)], F.softplus),
    "abs": ([(2, 3)], torch.abs),
    "neg": ([(2, 3)], torch.neg),
    "clamp": ([(2, 3)], lambda a: a.clamp(-0.5, 0.5)),
    "matmul": ([(2, 3), (3, 4)], torch.matmul),
    "bmm": ([(2, 2, 3), (2, 3, 2)], torch.bmm),
    "linear": ([(4, 3), (2, 3), (2,)], F.linear),
    "sum": ([(2, 3)], lambda a: a.sum()),
    "sum_dim": ([(2, 3, 2)], lambda a: a.sum(dim=(0, 2))),
    "mean_dim": ([(2, 3)], lambda a: a.mean(1, keepdim=True)),
    "var": ([(2, 3, 2)], lambda a: a.var(dim=(0, 2), unbiased=True)),
    "amax": ([(2, 3)], lambda a: a.amax(1)),
    "max_dim": ([(2, 3)], lambda a: a.max(1)[0]),
    "norm": ([(2, 3)], lambda a: a.norm()),
    "softmax": ([(2, 3)], lambda a: F.softmax(a, dim=1)),
    "log_softmax": ([(2, 3)], lambda a: F.log_softmax(a, dim=1)),
    "view": ([(2, 3)], lambda a: a.view(3, 2)),
    "reshape_t": ([(2, 3)], lambda a: a.t().reshape(-1)),
    "permute": ([(2, 3, 2)], lambda a: a.permute(2, 0, 1)),
    "unsqueeze_expand": ([(3,)], lambda a: a.unsqueeze(0).expand(2, 3)),
    "index": ([(4, 3)], lambda a: a[1:3, None, :]),
    "cat": ([(2, 3), (1, 3)], lambda a, b: torch.cat([a, b], 0)),
    "stack": ([(2, 3), (2, 3)], lambda a, b: torch.stack([a, b], 1)),
    "flatten": ([(2, 3, 2)], lambda a: a.flatten(1)),
    "conv2d": ([(1, 2, 5, 5), (3, 2, 3, 3), (3,)], lambda x, w, b: F.conv2d(x, w, b, padding=1)),
    "conv_transpose2d": ([(1, 2, 3, 3), (2, 3, 2, 2)], lambda x, w: F.conv_transpose2d(x, w, padding=1)),
    "max_pool2d": ([(1, 2, 4, 4)], lambda x: F.max_pool2d(x, 2)),
    "avg_pool2d": ([(1, 2, 4, 4)], lambda x: F.avg_pool2d(x, 2)),
    "layer_norm": ([(2, 4), (4,), (4,)], lambda x, w, b: F.layer_norm(x, (4,), w, b)),
    "batch_norm_train": ([(4, 3), (3,), (3,)], lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True)),
    "mse_loss": ([(2, 3), (2, 3)], F.mse_loss),
    "cross_entropy": ([(3, 4)], lambda x: F.cross_entropy(x, torch.tensor([0, 3, 1]))),
    "where": ([(2, 3), (2, 3)], lambda a, b: torch.where(a > 0, a, b)),
}


def ops():
    rec = {}
    for k, (name, (specs, f)) in enumerate(CASES.items()):
        ins, ts = [], []
        for j, spec in enumerate(specs):
            shape, (lo, hi) = (spec, (-1.0, 1.0)) if isinstance(spec[0], int) or len(spec) == 0 else spec
            ins.append(vals(shape, 10 * k + j, lo, hi))
            ts.append(vals(shape, 10 * k + j + 5))
        with fwAD.dual_level():
            out = f(*[fwAD.make_dual(x, t) for x, t in zip(ins, ts)])
            p, t = fwAD.unpack_dual(out)
        rec[name] = {"inputs": [enc(x) for x in ins], "tangents": [enc(t) for t in ts], "out": enc(p), "jvp": enc(t)}
    OUT["ops"] = rec


# ------------------------------------------------------------------ errors
def errors():
    rec = {}
    rec["no_level"] = err(lambda: fwAD.make_dual(torch.ones(2), torch.ones(2)))
    with fwAD.dual_level():
        rec["size"] = err(lambda: fwAD.make_dual(torch.ones(2), torch.ones(3)))
        rec["int_primal"] = err(lambda: fwAD.make_dual(torch.ones(2, dtype=torch.long), torch.ones(2)))
        rec["int_tangent"] = err(lambda: fwAD.make_dual(torch.ones(2), torch.ones(2, dtype=torch.long)))
        rec["nested"] = err(lambda: fwAD.enter_dual_level())
        rec["bad_level"] = err(lambda: fwAD.make_dual(torch.ones(2), torch.ones(2), level=3))

        class NoJvp(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                return x * 2

            @staticmethod
            def backward(ctx, g):
                return g * 2

        rec["function_without_jvp"] = err(lambda: NoJvp.apply(fwAD.make_dual(torch.ones(2), torch.ones(2))))
        rec["cdist"] = err(lambda: torch.cdist(fwAD.make_dual(torch.eye(2), torch.eye(2)), torch.eye(2)))
    rec["exit_without_level"] = err(lambda: fwAD.exit_dual_level())
    rec["unpack_outside"] = fwAD.unpack_dual(torch.ones(2)).tangent is None
    OUT["errors"] = rec


tutorial()
ops()
errors()
print(write_json(OUT, "forward_ad.json"))
