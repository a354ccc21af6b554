"""Reference values for torch.func (functorch's transforms): test/func/transforms.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13 and functorch 1.13 (the oracle):
    /usr/bin/python3 test/reference/gen_func.py
Writes test/reference/func.json:
- "values": each case's results (tensors encoded with _common.enc), every case after
  torch.manual_seed(0) so that torchlab draws the same inputs.
- "errors": [class name, message] of what the transforms refuse.
functorch 1.13 has no stack_module_state (torch.func's, PyTorch 2.0): its stacked parameters are
torch.stack of each model's, written here by hand; functional_call with a tuple of dicts is torch.func's
(PyTorch 2.0) too: 1.13's torch.nn.utils.stateless.functional_call takes the dicts merged.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import functorch as ft
from torch.nn.utils.stateless import functional_call

from _common import enc
from _tutorial_common import err, write_json

V = {}


def case(name):
    def deco(fn):
        torch.manual_seed(0)
        V[name] = fn()
        return fn
    return deco


def predict(weight, bias, x):
    return F.linear(x, weight, bias).tanh()


@case("grad")
def _():
    x, y = torch.randn(4), torch.randn(4)
    g0, g1 = ft.grad(lambda a, b: (a * b.exp()).sum(), argnums=(0, 1))(x, y)
    ga, aux = ft.grad(lambda a: (a.pow(2).sum(), a.cos()), has_aux=True)(x)
    gv, v = ft.grad_and_value(lambda a: a.sin().sum())(x)
    gd = ft.grad(lambda p: (p["w"] * p["b"]).sin().sum())({"w": x, "b": y})
    gneg = ft.grad(lambda a, b: (a * b).sin().sum(), argnums=-1)(x, y)
    unused = ft.grad(lambda a, b: a.sum() * 2, argnums=1)(x, y)
    return {
        "sin": enc(ft.grad(lambda a: a.sin().sum())(x)),
        "argnums1": enc(ft.grad(lambda a, b: (a * b).sin().sum(), argnums=1)(x, y)),
        "argnums_neg": enc(gneg),
        "tuple": [enc(g0), enc(g1)],
        "aux": [enc(ga), enc(aux)],
        "and_value": [enc(gv), enc(v)],
        "dict": {k: enc(t) for k, t in gd.items()},
        "unused": enc(unused),
        "second": enc(ft.grad(ft.grad(lambda a: a.sin().sum()))(x[0])),
        "requires_grad": [ft.grad(lambda a: a.sin().sum())(x).requires_grad, ft.grad(lambda a: a.sin().sum())(x.clone().requires_grad_()).requires_grad],
    }


@case("vjp")
def _():
    x, y, c = torch.randn(4), torch.randn(4), torch.randn(4)
    out, fn = ft.vjp(lambda a: a.tanh(), x)
    (vx,) = fn(c)
    out2, fn2 = ft.vjp(lambda a, b: (a * b, a + b), x, y)
    g2 = fn2((c, torch.ones(4)))
    return {"out": enc(out), "vjp": enc(vx), "out2": [enc(t) for t in out2], "vjp2": [enc(t) for t in g2], "is_tuple": isinstance(fn(c), tuple)}


@case("jacobians")
def _():
    W, b, x = torch.randn(3, 4), torch.randn(3), torch.randn(4)
    jw, jb = ft.jacrev(predict, argnums=(0, 1))(W, b, x)
    two = ft.jacrev(lambda a: (a.sin(), a.pow(2).sum()))(x)
    return {
        "jacrev": enc(ft.jacrev(predict, argnums=2)(W, b, x)),
        "jacrev_wb": [enc(jw), enc(jb)],
        "jacfwd": enc(ft.jacfwd(predict, argnums=2)(W, b, x)),
        "two_outputs": [enc(t) for t in two],
        "hessian": enc(ft.hessian(predict, argnums=2)(W, b, x)),
        "revrev": enc(ft.jacrev(ft.jacrev(predict, argnums=2), argnums=2)(W, b, x)),
        "fwdrev": enc(ft.jacfwd(ft.jacrev(predict, argnums=2), argnums=2)(W, b, x)),
        "hessian_scalar": enc(ft.hessian(lambda a: (a.sin() * a).sum())(x)),
    }


@case("hvp")
def _():
    x, t = torch.randn(5), torch.randn(5)
    f = lambda a: a.sin().sum()  # noqa: E731
    fwd = ft.jvp(ft.grad(f), (x,), (t,))[1]
    _, fn = ft.vjp(ft.grad(f), x)
    g = lambda a: (a.tanh() * a.exp()).sum()  # noqa: E731
    return {"fwdrev": enc(fwd), "revrev": enc(fn(t)[0]), "tanh_exp": enc(ft.jvp(ft.grad(g), (x,), (t,))[1])}


@case("vmap")
def _():
    a, b = torch.randn(3, 4), torch.randn(3, 4)
    A, v = torch.randn(4, 3), torch.randn(4)
    x, y = torch.randn(3), torch.randn(2)
    W, bias, X = torch.randn(2, 4), torch.randn(2), torch.randn(5, 4)
    d = ft.vmap(lambda p: p["a"] * p["b"])({"a": a, "b": b})
    pair = ft.vmap(lambda p, q: (p + q, p.sum()))(a, b)
    return {
        "dot": enc(ft.vmap(torch.dot)(a, b)),
        "in_dims": enc(ft.vmap(lambda m, w: m * w, in_dims=(1, None))(A, v)),
        "out_dims": enc(ft.vmap(lambda m: m * 2, out_dims=1)(a)),
        "negative_in_dim": enc(ft.vmap(lambda m: m.sum(), in_dims=-1)(a)),
        "nested": enc(ft.vmap(ft.vmap(lambda p, q: p * q, (None, 0)), (0, None))(x, y)),
        "dict": enc(d),
        "tuple_out": [enc(t) for t in pair],
        "jacrev": enc(ft.vmap(ft.jacrev(predict, argnums=2), in_dims=(None, None, 0))(W, bias, X)),
        "hessian": enc(ft.vmap(ft.hessian(predict, argnums=2), in_dims=(None, None, 0))(W, bias, X[:2])),
        "different": enc(ft.vmap(lambda t: t + torch.rand(1), randomness="different")(torch.zeros(3))),
        "same": enc(ft.vmap(lambda t: t + torch.rand(1), randomness="same")(torch.zeros(3))),
        "after_same": enc(torch.rand(2)),
        "empty": [list(ft.vmap(lambda m: m * 2)(torch.ones(0, 3)).shape), list(ft.vmap(lambda m: m.sum(0), in_dims=1)(torch.ones(2, 0, 3)).shape)],
    }


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.fc2 = nn.Linear(3, 2)

    def forward(self, x):
        return F.log_softmax(self.fc2(F.relu(self.fc1(x))), dim=1)


@case("per_sample_grads")
def _():
    model = MLP()
    data, targets = torch.randn(5, 4), torch.randint(2, (5,))
    params = {k: v.detach() for k, v in model.named_parameters()}

    def compute_loss(params, sample, target):
        return F.nll_loss(functional_call(model, params, (sample.unsqueeze(0),)), target.unsqueeze(0))

    g = ft.vmap(ft.grad(compute_loss), in_dims=(None, 0, 0))(params, data, targets)
    return {k: enc(t) for k, t in g.items()}


@case("ensemble")
def _():
    models = [nn.Linear(4, 2) for _ in range(3)]
    minibatches, minibatch = torch.randn(3, 5, 4), torch.randn(5, 4)
    fmodel, params, buffers = ft.combine_state_for_ensemble(models)
    stacked = {k: torch.stack([dict(m.named_parameters())[k] for m in models]) for k, _ in models[0].named_parameters()}

    def fcall(params, x):
        return functional_call(models[0], params, (x,))

    return {
        "params": [enc(p) for p in params],
        "params_requires_grad": [p.requires_grad for p in params],
        "diff": enc(ft.vmap(fmodel)(params, buffers, minibatches)),
        "same": enc(ft.vmap(fmodel, in_dims=(0, 0, None))(params, buffers, minibatch)),
        "stacked": {k: enc(t) for k, t in stacked.items()},
        "functional_call": enc(ft.vmap(fcall, in_dims=(0, None))(stacked, minibatch)),
    }


@case("ntk")
def _():
    net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
    params = {k: v.detach() for k, v in net.named_parameters()}
    x1, x2 = torch.randn(2, 3), torch.randn(3, 3)

    def fnet_single(params, x):
        return functional_call(net, params, (x.unsqueeze(0),)).squeeze(0)

    jac1 = ft.vmap(ft.jacrev(fnet_single), (None, 0))(params, x1)
    jac2 = ft.vmap(ft.jacrev(fnet_single), (None, 0))(params, x2)
    jac1 = [j.flatten(2) for j in jac1.values()]
    jac2 = [j.flatten(2) for j in jac2.values()]
    contraction = torch.stack([torch.einsum("Naf,Mbf->NMab", j1, j2) for j1, j2 in zip(jac1, jac2)]).sum(0)

    def get_ntk(a, b):
        output, vjp_fn = ft.vjp(lambda p: fnet_single(p, a), params)
        basis = torch.eye(output.numel())
        return ft.vmap(lambda vec: ft.jvp(lambda p: fnet_single(p, b), (params,), vjp_fn(vec))[1])(basis)

    vps = ft.vmap(ft.vmap(get_ntk, (None, 0)), (0, None))(x1, x2)
    return {"contraction": enc(contraction), "vps": enc(vps)}


@case("make_functional")
def _():
    model = nn.Linear(3, 2)
    x = torch.randn(4, 3)
    func, params = ft.make_functional(model)
    bn = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2))
    fb, pb, bb = ft.make_functional_with_buffers(bn)
    g = ft.grad(lambda p: func(p, x).pow(2).sum())(params)
    return {"out": enc(func(params, x)), "grads": [enc(t) for t in g], "with_buffers": enc(fb(pb, bb, x)), "n": [len(pb), len(bb)]}


def errors():
    x = torch.randn(3)
    E = {}
    E["vmap_sizes"] = err(lambda: ft.vmap(lambda a, b: a + b)(torch.ones(2), torch.ones(3)))
    E["vmap_in_dim_range"] = err(lambda: ft.vmap(lambda a: a, in_dims=2)(torch.ones(2, 3)))
    E["vmap_in_dims_structure"] = err(lambda: ft.vmap(lambda a: a, in_dims=(0, 0))(x))
    E["vmap_non_tensor"] = err(lambda: ft.vmap(lambda a: a)(3.5))
    E["vmap_returns_float"] = err(lambda: ft.vmap(lambda a: 1.0)(x))
    E["vmap_nothing_mapped"] = err(lambda: ft.vmap(lambda a: a, in_dims=None)(x))
    E["vmap_no_inputs"] = err(lambda: ft.vmap(lambda: torch.ones(1))())
    E["vmap_random"] = err(lambda: ft.vmap(lambda a: a + torch.rand(1))(x))
    E["vmap_randomness_value"] = err(lambda: ft.vmap(lambda a: a, randomness="foo")(x))
    E["grad_not_scalar"] = err(lambda: ft.grad(lambda a: a.sin())(x))
    E["grad_not_tensor"] = err(lambda: ft.grad(lambda a: [a.sum()])(x))
    E["grad_has_aux"] = err(lambda: ft.grad(lambda a: a.sum(), has_aux=True)(x))
    E["grad_argnum_range"] = err(lambda: ft.grad(lambda a: a.sum(), argnums=2)(x))
    E["grad_argnums_unique"] = err(lambda: ft.grad(lambda a: a.sum(), argnums=(0, 0))(x))
    E["grad_argnums_empty"] = err(lambda: ft.grad(lambda a: a.sum(), argnums=())(x))
    E["grad_non_tensor_input"] = err(lambda: ft.grad(lambda a: a)(3.0))
    E["vjp_int_output"] = err(lambda: ft.vjp(lambda a: a.long(), x))
    E["jvp_structure"] = err(lambda: ft.jvp(lambda a, b: a * b, (x, x), (x,)))
    E["make_functional_buffers"] = err(lambda: ft.make_functional(nn.BatchNorm1d(2)))
    E["ensemble_empty"] = err(lambda: ft.combine_state_for_ensemble([]))
    E["ensemble_modes"] = err(lambda: ft.combine_state_for_ensemble([nn.Linear(2, 2), nn.Linear(2, 2).eval()]))
    E["ensemble_classes"] = err(lambda: ft.combine_state_for_ensemble([nn.Linear(2, 2), nn.Conv1d(2, 2, 1)]))
    return E


write_json({"values": V, "errors": errors()}, "func.json")
