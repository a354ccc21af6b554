#!/usr/bin/python3
"""Reference values for the torch core, from PyTorch (Debian's python3-torch 1.13).

Run with Debian's interpreter (the pyenv `python3` on PATH has no torch):

    /usr/bin/python3 test/reference/gen_core.py

Each case names its inputs (shape, dtype, values), a Python expression and the TypeScript expression
that means the same thing in torchlab, the forward result(s), a fixed random upstream gradient for
every float output, and the gradient of every float input (`out.backward(g)`; for several outputs,
`sum_i (out_i * g_i).sum()` is backpropagated, and the test does the same). PyTorch's int64 results
are recorded as int32, torchlab's stand-in. Writes test/reference/core_<group>.json.
"""
import json
import os

import torch

from _common import enc, r4

HERE = os.path.dirname(os.path.abspath(__file__))
rng = torch.Generator().manual_seed(1234)

def make_input(spec):
    """spec: ('f', shape) normal floats | ('pos', shape) in [0.5, 2.5) | ('u', shape, lo, hi) uniform |
    ('i', shape, lo, hi) ints | ('b', shape) bools | ('v', values[, dtype]) explicit."""
    kind = spec[0]
    if kind == "v":
        dtype = spec[2] if len(spec) > 2 else None
        t = torch.tensor(spec[1], dtype=dtype)
        if t.dtype == torch.float64:
            t = t.float()
        return t
    shape = spec[1]
    if kind == "f":
        return torch.tensor(r4(torch.randn(shape, generator=rng).reshape(-1))).reshape(shape)
    if kind == "pos":
        return torch.tensor(r4((torch.rand(shape, generator=rng) * 2 + 0.5).reshape(-1))).reshape(shape)
    if kind == "u":
        lo, hi = spec[2], spec[3]
        return torch.tensor(r4((torch.rand(shape, generator=rng) * (hi - lo) + lo).reshape(-1))).reshape(shape)
    if kind == "i":
        return torch.randint(spec[2], spec[3], shape, generator=rng)
    if kind == "b":
        return torch.rand(shape, generator=rng) > 0.5
    raise ValueError(kind)


def run_case(name, inputs, py, ts=None, grad=True, numgrad=True, eps=None, tol=None):
    ts = py if ts is None else ts
    env = {"torch": torch}
    enc_inputs = {}
    for k, spec in inputs.items():
        t = make_input(spec)
        if t.dtype == torch.float32 and grad:
            t.requires_grad_(True)
        env[k] = t
        enc_inputs[k] = enc(t)
    out = eval(py, env)
    outs = list(out) if isinstance(out, (tuple, list)) else [out]
    case = {"name": name, "py": py, "ts": ts, "inputs": enc_inputs, "multi": isinstance(out, (tuple, list))}
    case["out"] = [enc(o) for o in outs]
    float_outs = [o for o in outs if o.dtype == torch.float32 and o.requires_grad]
    if grad and float_outs:
        gs = []
        loss = 0
        for o in outs:
            if o.dtype == torch.float32 and o.requires_grad:
                g = torch.tensor(r4(torch.randn(o.shape, generator=rng).reshape(-1))).reshape(o.shape)
                loss = loss + (o * g).sum()
                gs.append(enc(g))
            else:
                gs.append(None)
        leaves = [env[k] for k in inputs if isinstance(env[k], torch.Tensor) and env[k].requires_grad]
        loss.backward()
        case["grad_out"] = gs
        case["grads"] = {k: enc(env[k].grad) if env[k].grad is not None else enc(torch.zeros_like(env[k]))
                         for k in inputs if env[k].requires_grad}
        case["numgrad"] = numgrad
        if eps is not None:
            case["eps"] = eps
        if tol is not None:
            case["tol"] = tol
        del leaves
    return case


GROUPS = {}


def group(name):
    GROUPS[name] = []
    return lambda *a, **k: GROUPS[name].append(run_case(*a, **k))


# ------------------------------------------------------------------ creation and dtypes
C = group("creation")
C("arange_end", {}, "torch.arange(5)")
C("arange_start_end", {}, "torch.arange(2, 9)")
C("arange_step", {}, "torch.arange(1, 10, 3)")
C("arange_neg_step", {}, "torch.arange(5, -3, -2)")
C("arange_float", {}, "torch.arange(0, 1, 0.25)")
C("arange_float_end", {}, "torch.arange(2.5)")
C("arange_dtype", {}, "torch.arange(4, dtype=torch.float32)", "torch.arange(4, {dtype: torch.float32})")
C("linspace", {}, "torch.linspace(0, 1, 5)")
C("linspace_neg", {}, "torch.linspace(-2, 3, 7)")
C("linspace_one", {}, "torch.linspace(3, 10, 1)")
C("eye", {}, "torch.eye(3)")
C("eye_rect", {}, "torch.eye(2, 4)")
C("full_int", {}, "torch.full((2, 3), 7)", "torch.full([2, 3], 7)")
C("full_float", {}, "torch.full((2, 2), 1.5)", "torch.full([2, 2], 1.5)")
C("full_bool", {}, "torch.full((3,), True)", "torch.full([3], true)")
C("full_dtype", {}, "torch.full((2,), 3, dtype=torch.float32)", "torch.full([2], 3, {dtype: torch.float32})")
C("zeros", {}, "torch.zeros(2, 3)")
C("zeros_list", {}, "torch.zeros([3])", "torch.zeros([3])")
C("zeros_int", {}, "torch.zeros(2, dtype=torch.int64)", "torch.zeros(2, {dtype: torch.int64})")
C("ones", {}, "torch.ones(2, 1, 2)")
C("ones_bool", {}, "torch.ones(3, dtype=torch.bool)", "torch.ones(3, {dtype: torch.bool})")
C("zeros_like", {"a": ("i", [2, 2], 0, 5)}, "torch.zeros_like(a)")
C("ones_like_float", {"a": ("f", [3])}, "torch.ones_like(a)", grad=False)
C("full_like", {"a": ("f", [2])}, "torch.full_like(a, 4)", grad=False)
C("tensor_int", {}, "torch.tensor([[1, 2], [3, 4]])")
C("tensor_float", {}, "torch.tensor([1.5, 2.0])", "torch.tensor([1.5, 2.0])")
C("tensor_bool", {}, "torch.tensor([True, False])", "torch.tensor([true, false])")
C("tensor_scalar", {}, "torch.tensor(3.5)")
C("tensor_scalar_int", {}, "torch.tensor(3)")
C("tensor_dtype", {}, "torch.tensor([1, 2], dtype=torch.float32)", "torch.tensor([1, 2], {dtype: torch.float32})")
C("cast_float_to_long", {"a": ("v", [1.7, -1.7, 2.5, -0.2, 0.0])}, "a.long()", grad=False)
C("cast_float_to_int", {"a": ("v", [3.9, -3.9])}, "a.int()", grad=False)
C("cast_to_bool", {"a": ("v", [0.0, 0.5, -2.0])}, "a.bool()", grad=False)
C("cast_bool_to_float", {"m": ("v", [True, False])}, "m.float()")
C("cast_int_to_float", {"i": ("v", [1, -2, 3])}, "i.float()")
C("cast_to_dtype", {"i": ("v", [1, 0, 3])}, "i.to(torch.bool)")
C("cast_to_float_grad", {"a": ("f", [3])}, "a.to(torch.float32) * 2", "a.to(torch.float32).mul(2)")
# type promotion
C("promote_int_int", {"i": ("v", [1, 2, 3]), "j": ("v", [4, 5, 6])}, "i + j", "i.add(j)")
C("promote_int_float_scalar", {"i": ("v", [1, 2, 3])}, "i * 2.5", "i.mul(2.5)")
C("promote_int_int_scalar", {"i": ("v", [1, 2, 3])}, "i * 2", "i.mul(2)")
C("promote_int_div", {"i": ("v", [1, 2, 3]), "j": ("v", [2, 2, 2])}, "i / j", "i.div(j)")
C("promote_int_float_tensor", {"i": ("v", [1, 2, 3]), "a": ("f", [3])}, "i + a", "i.add(a)")
C("promote_bool_bool_add", {"m": ("v", [True, False, False]), "n": ("v", [True, True, False])}, "m + n", "m.add(n)")
C("promote_bool_int_scalar", {"m": ("v", [True, False])}, "m + 1", "m.add(1)")
C("promote_bool_float_scalar", {"m": ("v", [True, False])}, "m * 1.5", "m.mul(1.5)")
C("promote_bool_mul", {"m": ("v", [True, False, True]), "n": ("v", [True, True, False])}, "m * n", "m.mul(n)")
C("promote_int_bool", {"i": ("v", [3, 4]), "m": ("v", [True, False])}, "i * m", "i.mul(m)")
C("promote_int_true", {"i": ("v", [3, 4])}, "i + True", "i.add(true)")
C("promote_int_sub", {"i": ("v", [3, 4])}, "i - 5", "i.sub(5)")
C("int_pow", {"i": ("v", [1, 2, 3])}, "i ** 2", "i.pow(2)")
C("int_pow_float", {"i": ("v", [1, 2, 4])}, "i ** 0.5", "i.pow(0.5)")
C("int_sum", {"i": ("v", [[1, 2], [3, 4]])}, "i.sum()")
C("int_sum_dim", {"i": ("v", [[1, 2], [3, 4]])}, "i.sum(1)")
C("bool_sum", {"m": ("v", [True, False, True])}, "m.sum()")
C("int_max", {"i": ("v", [[1, 5], [3, 4]])}, "i.max()")
C("int_max_dim", {"i": ("v", [[1, 5], [3, 4]])}, "i.max(0)", "i.max(0)")
C("int_cumsum", {"i": ("v", [1, 2, 3])}, "i.cumsum(0)")
C("int_prod", {"i": ("v", [1, 2, 3, 4])}, "i.prod()")
C("int_abs", {"i": ("v", [-1, 2, -3])}, "i.abs()")
C("int_neg", {"i": ("v", [-1, 2, -3])}, "-i", "i.neg()")
C("int_floor_div", {"i": ("v", [7, -7, 5]), "j": ("v", [2, 2, -3])}, "torch.div(i, j, rounding_mode='floor')",
  "torch.div(i, j, {rounding_mode: 'floor'})")
C("int_trunc_div", {"i": ("v", [7, -7, 5]), "j": ("v", [2, 2, -3])}, "torch.div(i, j, rounding_mode='trunc')",
  "torch.div(i, j, {rounding_mode: 'trunc'})")
C("int_remainder", {"i": ("v", [7, -7, 5]), "j": ("v", [2, 2, -3])}, "i.remainder(j)")
C("int_clamp", {"i": ("v", [-5, 0, 5, 10])}, "i.clamp(0, 6)")
C("int_where", {"m": ("v", [True, False, True]), "i": ("v", [1, 2, 3]), "j": ("v", [7, 8, 9])}, "torch.where(m, i, j)")
C("where_scalar_int", {"m": ("v", [True, False, True])}, "torch.where(m, 1, 0)")
C("int_matmul", {"i": ("v", [[1, 2], [3, 4]]), "j": ("v", [[1, 0], [2, 1]])}, "i.matmul(j)")
C("int_argmax", {"a": ("f", [3, 4])}, "a.argmax()", grad=False)
C("int_eq", {"i": ("v", [1, 2, 3])}, "i == 2", "i.eq(2)")
C("int_float_compare", {"i": ("v", [1, 2, 3])}, "i < 2.5", "i.lt(2.5)")
C("float_floor_div", {"a": ("v", [7.5, -7.5, 5.0]), "b": ("v", [2.0, 2.0, -3.0])}, "torch.div(a, b, rounding_mode='floor')",
  "torch.div(a, b, {rounding_mode: 'floor'})", grad=False)
C("float_remainder", {"a": ("v", [7.5, -7.5, 5.0]), "b": ("v", [2.0, 2.0, -3.0])}, "a.remainder(b)", grad=False)

# ------------------------------------------------------------------ shapes
S = group("shape")
S("view", {"a": ("f", [2, 3, 4])}, "a.view(6, 4)")
S("view_neg1", {"a": ("f", [2, 3, 4])}, "a.view(-1, 4)")
S("view_list", {"a": ("f", [2, 3, 4])}, "a.view([4, -1])", "a.view([4, -1])")
S("reshape_neg1", {"a": ("f", [2, 3, 4])}, "a.reshape(2, -1)")
S("reshape_flat", {"a": ("f", [2, 3])}, "a.reshape(-1)")
S("reshape_scalar", {"a": ("f", [1, 1])}, "a.reshape([])", "a.reshape([])")
S("view_as", {"a": ("f", [6]), "b": ("f", [2, 3])}, "a.view_as(b)")
S("permute", {"a": ("f", [2, 3, 4])}, "a.permute(2, 0, 1)")
S("permute_neg", {"a": ("f", [2, 3, 4])}, "a.permute(0, -1, 1)")
S("transpose", {"a": ("f", [2, 3, 4])}, "a.transpose(0, 2)")
S("transpose_neg", {"a": ("f", [2, 3, 4])}, "a.transpose(-1, -2)")
S("t", {"a": ("f", [2, 3])}, "a.t()")
S("T", {"a": ("f", [2, 3])}, "a.T")
S("flatten", {"a": ("f", [2, 3, 4])}, "a.flatten()")
S("flatten_start", {"a": ("f", [2, 3, 4])}, "a.flatten(1)")
S("flatten_range", {"a": ("f", [2, 3, 4, 2])}, "a.flatten(1, 2)")
S("flatten_torch", {"a": ("f", [2, 3, 4])}, "torch.flatten(a, start_dim=1)", "torch.flatten(a, 1)")
S("squeeze", {"a": ("f", [1, 3, 1, 2])}, "a.squeeze()")
S("squeeze_dim", {"a": ("f", [1, 3, 1, 2])}, "a.squeeze(2)")
S("squeeze_dim_noop", {"a": ("f", [1, 3, 1, 2])}, "a.squeeze(1)")
S("squeeze_neg", {"a": ("f", [3, 1])}, "a.squeeze(-1)")
S("unsqueeze", {"a": ("f", [2, 3])}, "a.unsqueeze(1)")
S("unsqueeze_neg", {"a": ("f", [2, 3])}, "a.unsqueeze(-1)")
S("unsqueeze_0", {"a": ("f", [3])}, "a.unsqueeze(0)")
S("expand", {"a": ("f", [3, 1])}, "a.expand(3, 4)")
S("expand_neg1", {"a": ("f", [3, 1])}, "a.expand(2, -1, 4)")
S("expand_as", {"a": ("f", [1, 4]), "b": ("f", [3, 4])}, "a.expand_as(b)")
S("repeat", {"a": ("f", [2, 3])}, "a.repeat(2, 3)")
S("repeat_lead", {"a": ("f", [3])}, "a.repeat(2, 2)")
S("repeat_3d", {"a": ("f", [2, 1, 2])}, "a.repeat(1, 3, 2)")
S("cat0", {"a": ("f", [2, 3]), "b": ("f", [1, 3])}, "torch.cat([a, b])")
S("cat1", {"a": ("f", [2, 3]), "b": ("f", [2, 2])}, "torch.cat([a, b], 1)")
S("cat_neg", {"a": ("f", [2, 3]), "b": ("f", [2, 2]), "c": ("f", [2, 1])}, "torch.cat([a, b, c], -1)")
S("cat_dim_kw", {"a": ("f", [2]), "b": ("f", [3])}, "torch.cat((a, b), dim=0)", "torch.cat([a, b], 0)")
S("cat_int_float", {"i": ("v", [1, 2]), "a": ("f", [2])}, "torch.cat([i, a])")
S("cat_same_twice", {"a": ("f", [2])}, "torch.cat([a, a])")
S("stack", {"a": ("f", [2, 3]), "b": ("f", [2, 3])}, "torch.stack([a, b])")
S("stack1", {"a": ("f", [2, 3]), "b": ("f", [2, 3])}, "torch.stack([a, b], 1)")
S("stack_last", {"a": ("f", [2, 3]), "b": ("f", [2, 3])}, "torch.stack([a, b], -1)")
S("split", {"a": ("f", [5, 2])}, "a.split(2)")
S("split_sizes", {"a": ("f", [5, 2])}, "a.split([1, 4])", "a.split([1, 4])")
S("split_dim", {"a": ("f", [2, 5])}, "a.split(3, 1)")
S("torch_split", {"a": ("f", [6])}, "torch.split(a, 4)")
S("chunk", {"a": ("f", [5, 2])}, "a.chunk(3)")
S("chunk_dim", {"a": ("f", [2, 6])}, "a.chunk(4, 1)")
S("chunk_even", {"a": ("f", [6])}, "torch.chunk(a, 2)")
S("unbind", {"a": ("f", [3, 2])}, "a.unbind(1)")
S("select", {"a": ("f", [2, 3, 4])}, "a.select(1, 2)")
S("select_neg", {"a": ("f", [2, 3, 4])}, "a.select(-1, -1)")
S("narrow", {"a": ("f", [4, 5])}, "a.narrow(1, 1, 3)")
S("narrow_neg", {"a": ("f", [4, 5])}, "a.narrow(0, -2, 2)")
S("index_int", {"a": ("f", [3, 4])}, "a[1]", "a.get(1)")
S("index_neg", {"a": ("f", [3, 4])}, "a[-1]", "a.get(-1)")
S("index_two", {"a": ("f", [3, 4])}, "a[1, 2]", "a.get(1, 2)")
S("index_slice", {"a": ("f", [3, 4, 5])}, "a[:, 0, 1:3]", "a.index(':, 0, 1:3')")
S("index_step", {"a": ("f", [7, 3])}, "a[1::2]", "a.index('1::2')")
S("index_step_stop", {"a": ("f", [3, 9])}, "a[:, 0:8:3]", "a.index(':, 0:8:3')")
S("index_neg_slice", {"a": ("f", [6, 2])}, "a[-3:]", "a.index('-3:')")
S("index_neg_stop", {"a": ("f", [6, 2])}, "a[:-2, 1]", "a.index(':-2, 1')")
S("index_ellipsis", {"a": ("f", [2, 3, 4])}, "a[..., 1]", "a.index('..., 1')")
S("index_ellipsis_mid", {"a": ("f", [2, 3, 4, 2])}, "a[0, ..., 1:]", "a.index('0, ..., 1:')")
S("index_none", {"a": ("f", [2, 3])}, "a[:, None, 1:]", "a.index(':, None, 1:')")
S("index_none_lead", {"a": ("f", [3])}, "a[None]", "a.index('None')")
S("index_clamped", {"a": ("f", [4])}, "a[1:100]", "a.index('1:100')")
S("index_empty", {"a": ("f", [4, 2])}, "a[3:1]", "a.index('3:1')", grad=False)
S("index_items", {"a": ("f", [3, 4])}, "a[1:, ::2]", "a.index([[1, null], [null, null, 2]])")
S("index_tensor", {"a": ("f", [4, 3]), "i": ("v", [2, 0, 2])}, "a[i]", "a.index([i])")
S("index_bool", {"a": ("f", [4, 2]), "m": ("v", [True, False, True, True])}, "a[m]", "a.index([m])")
S("index_select", {"a": ("f", [4, 3]), "i": ("v", [3, 0, 3, 1])}, "a.index_select(0, i)")
S("index_select_dim1", {"a": ("f", [2, 4]), "i": ("v", [1, 1, 3])}, "a.index_select(1, i)")
S("gather", {"a": ("f", [3, 4]), "i": ("v", [[0, 0], [3, 1], [2, 2]])}, "a.gather(1, i)")
S("gather_dim0", {"a": ("f", [3, 2]), "i": ("v", [[2, 0], [1, 1], [0, 0], [2, 1]])}, "torch.gather(a, 0, i)")
S("masked_fill", {"a": ("f", [3, 3]), "m": ("b", [3, 3])}, "a.masked_fill(m, 0.5)")
S("masked_fill_bcast", {"a": ("f", [2, 3]), "m": ("v", [True, False, True])}, "a.masked_fill(m, -1)")
S("masked_fill_inf", {"a": ("f", [2, 3]), "m": ("b", [2, 3])}, "a.masked_fill(m, float('-inf')).softmax(1)",
  "a.masked_fill(m, -Infinity).softmax(1)", numgrad=False)
S("masked_fill_int", {"i": ("v", [1, 2, 3]), "m": ("v", [True, False, True])}, "i.masked_fill(m, 9)")
S("masked_select", {"a": ("f", [2, 3]), "m": ("b", [2, 3])}, "a.masked_select(m)")
S("where", {"m": ("b", [2, 3]), "a": ("f", [2, 3]), "b": ("f", [2, 3])}, "torch.where(m, a, b)")
S("where_bcast", {"m": ("b", [2, 1]), "a": ("f", [1, 3]), "b": ("f", [3])}, "torch.where(m, a, b)")
S("where_scalar", {"m": ("b", [4]), "a": ("f", [4])}, "torch.where(m, a, 0.0)", "torch.where(m, a, 0.0)")
S("where_method", {"m": ("b", [4]), "a": ("f", [4]), "b": ("f", [4])}, "a.where(m, b)")
S("where_cond", {"a": ("f", [2, 3])}, "torch.where(a > 0, a, a * 0.1)", "torch.where(a.gt(0), a, a.mul(0.1))")
S("flip", {"a": ("f", [2, 3])}, "a.flip(1)")
S("flip_two", {"a": ("f", [2, 3, 2])}, "torch.flip(a, [0, 2])", "torch.flip(a, [0, 2])")
S("clone", {"a": ("f", [2, 2])}, "a.clone()")
S("contiguous", {"a": ("f", [2, 3])}, "a.t().contiguous()")
S("view_chain", {"a": ("f", [2, 3, 4])}, "a.permute(1, 0, 2).reshape(3, 8).t()")
S("index_chain", {"a": ("f", [4, 4])}, "a[1:3][:, ::2] * 3", "a.index('1:3').index(':, ::2').mul(3)")

# ------------------------------------------------------------------ arithmetic
A = group("arith")
A("add", {"a": ("f", [2, 3]), "b": ("f", [2, 3])}, "a + b", "a.add(b)")
A("add_bcast", {"a": ("f", [2, 3]), "b": ("f", [3])}, "a + b", "a.add(b)")
A("add_bcast2", {"a": ("f", [2, 1, 3]), "b": ("f", [4, 1])}, "a + b", "a.add(b)")
A("add_scalar", {"a": ("f", [2, 3])}, "a + 2", "a.add(2)")
A("add_alpha", {"a": ("f", [3]), "b": ("f", [3])}, "torch.add(a, b, alpha=2.5)", "torch.add(a, b, {alpha: 2.5})")
A("add_scalar_tensor", {"a": ("f", [3]), "b": ("f", [])}, "a + b", "a.add(b)")
A("add_self", {"a": ("f", [3])}, "a + a", "a.add(a)")
A("sub", {"a": ("f", [2, 3]), "b": ("f", [1, 3])}, "a - b", "a.sub(b)")
A("sub_alpha", {"a": ("f", [3]), "b": ("f", [3])}, "a.sub(b, alpha=3)", "a.sub(b, {alpha: 3})")
A("sub_scalar", {"a": ("f", [3])}, "a - 0.5", "a.sub(0.5)")
A("rsub", {"a": ("f", [3])}, "1 - a", "a.rsub(1)")
A("rsub_torch", {"a": ("f", [3]), "b": ("f", [3])}, "torch.rsub(a, b)", "a.rsub(b)")
A("mul", {"a": ("f", [2, 3]), "b": ("f", [2, 3])}, "a * b", "a.mul(b)")
A("mul_bcast", {"a": ("f", [4, 1]), "b": ("f", [1, 3])}, "a * b", "a.mul(b)")
A("mul_scalar", {"a": ("f", [2, 3])}, "a * -3", "a.mul(-3)")
A("mul_self", {"a": ("f", [3])}, "a * a", "a.mul(a)")
A("div", {"a": ("f", [2, 3]), "b": ("pos", [2, 3])}, "a / b", "a.div(b)")
A("div_bcast", {"a": ("f", [2, 3]), "b": ("pos", [2, 1])}, "a / b", "a.div(b)")
A("div_scalar", {"a": ("f", [3])}, "a / 4", "a.div(4)")
A("rdiv", {"a": ("pos", [3])}, "2 / a", "a.reciprocal().mul(2)")
A("div_trunc", {"a": ("u", [5], -5, 5), "b": ("v", [1.5, 2.0, -1.5, 3.0, -2.0])}, "torch.div(a, b, rounding_mode='trunc')",
  "torch.div(a, b, {rounding_mode: 'trunc'})", numgrad=False)
A("pow_scalar", {"a": ("f", [2, 3])}, "a ** 2", "a.pow(2)")
A("pow_cube", {"a": ("f", [4])}, "a.pow(3)")
A("pow_frac", {"a": ("pos", [4])}, "a ** 0.5", "a.pow(0.5)")
A("pow_neg", {"a": ("pos", [4])}, "a ** -1.5", "a.pow(-1.5)")
A("pow_zero", {"a": ("f", [3])}, "a ** 0", "a.pow(0)")
A("pow_tensor", {"a": ("pos", [2, 3]), "b": ("f", [2, 3])}, "a ** b", "a.pow(b)")
A("pow_tensor_bcast", {"a": ("pos", [2, 3]), "b": ("f", [3])}, "torch.pow(a, b)")
A("pow_zero_base", {"a": ("v", [0.0, 2.0, 0.0]), "b": ("v", [2.0, 1.5, 0.0])}, "a ** b", "a.pow(b)", numgrad=False)
A("square", {"a": ("f", [3])}, "a.square()")
A("neg", {"a": ("f", [3])}, "-a", "a.neg()")
A("exp", {"a": ("f", [2, 3])}, "a.exp()")
A("exp_torch", {"a": ("f", [3])}, "torch.exp(a)")
A("log", {"a": ("pos", [2, 3])}, "a.log()")
A("log2", {"a": ("pos", [3])}, "a.log2()")
A("log10", {"a": ("pos", [3])}, "a.log10()")
A("log1p", {"a": ("pos", [3])}, "a.log1p()")
A("expm1", {"a": ("f", [3])}, "a.expm1()")
A("log_special", {"a": ("v", [0.0, -1.0, 1.0])}, "a.log()", grad=False)
A("sqrt", {"a": ("pos", [2, 3])}, "a.sqrt()")
A("rsqrt", {"a": ("pos", [3])}, "a.rsqrt()")
A("reciprocal", {"a": ("pos", [3])}, "a.reciprocal()")
A("abs", {"a": ("f", [2, 3])}, "a.abs()")
A("sign", {"a": ("v", [-2.0, 0.0, 3.0])}, "a.sign()", numgrad=False)
A("sin", {"a": ("f", [4])}, "a.sin()")
A("cos", {"a": ("f", [4])}, "a.cos()")
A("tanh", {"a": ("f", [2, 3])}, "a.tanh()")
A("sigmoid", {"a": ("f", [2, 3])}, "a.sigmoid()")
A("sigmoid_torch", {"a": ("f", [3])}, "torch.sigmoid(a)")
A("relu", {"a": ("f", [2, 5])}, "a.relu()")
A("relu_torch", {"a": ("f", [5])}, "torch.relu(a)")
A("erf", {"a": ("f", [4])}, "a.erf()")
A("floor", {"a": ("u", [5], -3, 3)}, "a.floor()", numgrad=False)
A("ceil", {"a": ("u", [5], -3, 3)}, "a.ceil()", numgrad=False)
A("round", {"a": ("v", [0.5, 1.5, 2.5, -0.5, -1.5, 1.2])}, "a.round()", numgrad=False)
A("trunc", {"a": ("v", [1.7, -1.7, 0.2])}, "a.trunc()", numgrad=False)
A("clamp", {"a": ("f", [2, 5])}, "a.clamp(-0.5, 0.5)")
A("clamp_min", {"a": ("f", [6])}, "a.clamp(min=0.1)", "a.clamp({min: 0.1})")
A("clamp_max", {"a": ("f", [6])}, "a.clamp(max=0.2)", "a.clamp({max: 0.2})")
A("clamp_torch", {"a": ("f", [6])}, "torch.clamp(a, -1, 1)")
A("clamp_boundary", {"a": ("v", [-1.0, 0.0, 1.0, 2.0])}, "a.clamp(-1, 1)", numgrad=False)
A("clip", {"a": ("f", [4])}, "a.clip(-0.3, 0.3)")
A("maximum", {"a": ("f", [2, 3]), "b": ("f", [2, 3])}, "torch.maximum(a, b)")
A("minimum_bcast", {"a": ("f", [2, 3]), "b": ("f", [3])}, "torch.minimum(a, b)")
A("maximum_ties", {"a": ("v", [1.0, 2.0, 3.0]), "b": ("v", [1.0, 0.0, 3.0])}, "torch.maximum(a, b)", numgrad=False)
A("max_binary", {"a": ("f", [3]), "b": ("f", [3])}, "torch.max(a, b)")
A("chain", {"a": ("f", [2, 3]), "b": ("f", [3])}, "(a * b + 1).relu().sum()", "a.mul(b).add(1).relu().sum()")
A("chain2", {"a": ("f", [3]), "b": ("pos", [3])}, "((a - b) ** 2 / b).mean()", "a.sub(b).pow(2).div(b).mean()")
A("nan_inf", {"a": ("v", [float("nan"), float("inf"), -float("inf"), 1.0])}, "a * 2", "a.mul(2)", grad=False)
A("div_zero", {"a": ("v", [1.0, -1.0, 0.0]), "b": ("v", [0.0, 0.0, 0.0])}, "a / b", "a.div(b)", grad=False)

# ------------------------------------------------------------------ comparisons
Q = group("compare")
for op, sym in [("eq", "=="), ("ne", "!="), ("lt", "<"), ("le", "<="), ("gt", ">"), ("ge", ">=")]:
    Q(op, {"a": ("v", [1.0, 2.0, 3.0, 2.0]), "b": ("v", [2.0, 2.0, 1.0, 5.0])}, f"a {sym} b", f"a.{op}(b)", grad=False)
    Q(op + "_scalar", {"a": ("v", [1.0, 2.0, 3.0])}, f"a {sym} 2", f"a.{op}(2)", grad=False)
Q("gt_bcast", {"a": ("f", [2, 3]), "b": ("f", [3])}, "torch.gt(a, b)", grad=False)
Q("eq_nan", {"a": ("v", [float("nan"), 1.0])}, "a == a", "a.eq(a)", grad=False)
Q("logical_and", {"m": ("v", [True, False, True]), "n": ("v", [True, True, False])}, "torch.logical_and(m, n)")
Q("logical_or", {"m": ("v", [True, False, False]), "n": ("v", [False, False, True])}, "m.logical_or(n)")
Q("logical_not", {"m": ("v", [True, False])}, "m.logical_not()")
Q("logical_not_float", {"a": ("v", [0.0, 2.0])}, "torch.logical_not(a)", grad=False)
Q("isnan", {"a": ("v", [float("nan"), 1.0, float("inf")])}, "a.isnan()", grad=False)
Q("isinf", {"a": ("v", [float("nan"), 1.0, -float("inf")])}, "torch.isinf(a)", grad=False)
Q("isfinite", {"a": ("v", [float("nan"), 1.0, -float("inf")])}, "torch.isfinite(a)", grad=False)
Q("all", {"m": ("v", [[True, False], [True, True]])}, "m.all()")
Q("all_dim", {"m": ("v", [[True, False], [True, True]])}, "m.all(1)")
Q("any", {"m": ("v", [[False, False], [True, False]])}, "m.any()")
Q("any_dim", {"m": ("v", [[False, False], [True, False]])}, "m.any(0)")

# ------------------------------------------------------------------ reductions
R = group("reduce")
R("sum", {"a": ("f", [2, 3])}, "a.sum()")
R("sum_dim", {"a": ("f", [2, 3, 4])}, "a.sum(1)")
R("sum_neg", {"a": ("f", [2, 3, 4])}, "a.sum(-1)")
R("sum_dims", {"a": ("f", [2, 3, 4])}, "a.sum((0, 2))", "a.sum([0, 2])")
R("sum_keepdim", {"a": ("f", [2, 3, 4])}, "a.sum(1, keepdim=True)", "a.sum(1, true)")
R("sum_keepdim_opts", {"a": ("f", [2, 3])}, "a.sum(dim=0, keepdim=True)", "a.sum({dim: 0, keepdim: true})")
R("sum_torch", {"a": ("f", [2, 3])}, "torch.sum(a, 1)")
R("sum_scalar", {"a": ("f", [])}, "a.sum()")
R("mean", {"a": ("f", [2, 3])}, "a.mean()")
R("mean_dim", {"a": ("f", [2, 3, 4])}, "a.mean(2)")
R("mean_dims_keep", {"a": ("f", [2, 3, 4])}, "a.mean((0, 1), keepdim=True)", "a.mean([0, 1], true)")
R("mean_torch", {"a": ("f", [4, 2])}, "torch.mean(a, dim=0)", "torch.mean(a, {dim: 0})")
R("max_all", {"a": ("f", [3, 4])}, "a.max()")
R("min_all", {"a": ("f", [3, 4])}, "a.min()")
R("max_all_ties", {"a": ("v", [1.0, 3.0, 3.0, 2.0])}, "a.max()", numgrad=False)
R("max_dim", {"a": ("f", [3, 4])}, "a.max(1)")
R("max_dim0", {"a": ("f", [3, 4])}, "a.max(0)")
R("max_dim_keep", {"a": ("f", [3, 4])}, "a.max(1, keepdim=True)", "a.max(1, true)")
R("max_dim_3d", {"a": ("f", [2, 3, 4])}, "torch.max(a, 1)")
R("max_dim_ties", {"a": ("v", [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]])}, "a.max(1)", numgrad=False)
R("min_dim", {"a": ("f", [3, 4])}, "a.min(-1)")
R("min_dim_keep", {"a": ("f", [2, 3, 4])}, "torch.min(a, 2, keepdim=True)", "torch.min(a, 2, true)")
R("max_values", {"a": ("f", [3, 4])}, "a.max(1).values * 2", "a.max(1).values.mul(2)")
R("max_indices", {"a": ("f", [3, 4])}, "a.max(0).indices", grad=False)
R("argmax", {"a": ("f", [3, 4])}, "a.argmax()", grad=False)
R("argmax_dim", {"a": ("f", [3, 4])}, "a.argmax(1)", grad=False)
R("argmax_keep", {"a": ("f", [3, 4])}, "a.argmax(0, keepdim=True)", "a.argmax(0, true)", grad=False)
R("argmin_dim", {"a": ("f", [3, 4])}, "torch.argmin(a, 1)", grad=False)
R("argmax_ties", {"a": ("v", [[1.0, 3.0, 3.0], [5.0, 5.0, 5.0]])}, "a.argmax(1)", grad=False)
R("amax", {"a": ("f", [3, 4])}, "a.amax(1)")
R("amax_dims", {"a": ("f", [2, 3, 4])}, "a.amax((0, 2))", "a.amax([0, 2])")
R("amax_ties", {"a": ("v", [[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]])}, "a.amax(1)", numgrad=False)
R("amin_ties", {"a": ("v", [[1.0, 1.0, 3.0], [0.0, 2.0, 2.0]])}, "torch.amin(a, 1)", numgrad=False)
R("amax_all", {"a": ("v", [[1.0, 3.0], [3.0, 2.0]])}, "a.amax()", numgrad=False)
R("std", {"a": ("f", [3, 4])}, "a.std()")
R("std_dim", {"a": ("f", [3, 4])}, "a.std(1)")
R("std_biased", {"a": ("f", [3, 4])}, "a.std(1, unbiased=False)", "a.std(1, false)")
R("std_keep", {"a": ("f", [3, 4])}, "a.std(0, keepdim=True)", "a.std(0, {keepdim: true})")
R("var", {"a": ("f", [3, 4])}, "a.var()")
R("var_dim", {"a": ("f", [3, 4])}, "a.var(0)")
R("var_biased", {"a": ("f", [3, 4])}, "a.var(unbiased=False)", "a.var({unbiased: false})")
R("var_biased_pos", {"a": ("f", [3, 4])}, "a.var(False)", "a.var(false)")
R("var_dims", {"a": ("f", [2, 3, 4])}, "a.var((0, 2), keepdim=True)", "a.var([0, 2], {keepdim: true})")
R("var_correction", {"a": ("f", [5])}, "torch.var(a, 0, correction=2)", "torch.var(a, 0, {correction: 2})")
R("std_torch", {"a": ("f", [2, 5])}, "torch.std(a, 1)")
R("prod", {"a": ("f", [2, 3])}, "a.prod()")
R("prod_dim", {"a": ("f", [2, 3])}, "a.prod(1)")
R("prod_keep", {"a": ("f", [2, 3])}, "a.prod(0, keepdim=True)", "a.prod(0, true)")
R("prod_one_zero", {"a": ("v", [[2.0, 0.0, 3.0], [1.5, 2.0, -1.0]])}, "a.prod(1)")
R("prod_two_zeros", {"a": ("v", [[0.0, 0.0, 3.0], [1.5, 0.0, -1.0]])}, "a.prod(1)")
R("prod_all_zero", {"a": ("v", [2.0, 0.0, 3.0])}, "a.prod()")
R("logsumexp", {"a": ("f", [3, 4])}, "a.logsumexp(1)")
R("logsumexp_keep", {"a": ("f", [3, 4])}, "torch.logsumexp(a, 0, keepdim=True)", "torch.logsumexp(a, 0, true)")
R("logsumexp_large", {"a": ("v", [[100.0, 101.0], [-50.0, 3.0]])}, "a.logsumexp(1)", numgrad=False)
R("softmax", {"a": ("f", [3, 4])}, "a.softmax(1)")
R("softmax0", {"a": ("f", [3, 4])}, "torch.softmax(a, 0)")
R("softmax_neg", {"a": ("f", [2, 3, 4])}, "a.softmax(-1)")
R("softmax_large", {"a": ("v", [[1000.0, 1001.0, 999.0]])}, "a.softmax(1)", numgrad=False)
R("log_softmax", {"a": ("f", [3, 4])}, "a.log_softmax(1)")
R("log_softmax_torch", {"a": ("f", [2, 3, 2])}, "torch.log_softmax(a, 1)")
R("cumsum", {"a": ("f", [3, 4])}, "a.cumsum(1)")
R("cumsum0", {"a": ("f", [3, 4])}, "torch.cumsum(a, 0)")
R("cumsum_neg", {"a": ("f", [2, 3])}, "a.cumsum(-1)")
R("norm", {"a": ("f", [3, 4])}, "a.norm()")
R("norm_dim", {"a": ("f", [3, 4])}, "a.norm(2, 1)", "a.norm(2, 1)")
R("norm_p1", {"a": ("f", [3, 4])}, "a.norm(1)")
R("sum_int_float", {"a": ("f", [2, 3])}, "(a > 0).sum()", "a.gt(0).sum()", grad=False)
R("mean_after_relu", {"a": ("f", [4, 3])}, "a.relu().mean(0)")

# ------------------------------------------------------------------ linear algebra
L = group("linalg")
L("matmul_2d", {"a": ("f", [2, 3]), "b": ("f", [3, 4])}, "torch.matmul(a, b)")
L("matmul_method", {"a": ("f", [2, 3]), "b": ("f", [3, 4])}, "a.matmul(b)")
L("matmul_at", {"a": ("f", [2, 3]), "b": ("f", [3, 2])}, "a @ b", "a.matmul(b)")
L("matmul_vec_vec", {"a": ("f", [3]), "b": ("f", [3])}, "torch.matmul(a, b)")
L("matmul_mat_vec", {"a": ("f", [2, 3]), "b": ("f", [3])}, "torch.matmul(a, b)")
L("matmul_vec_mat", {"a": ("f", [3]), "b": ("f", [3, 4])}, "torch.matmul(a, b)")
L("matmul_batch", {"a": ("f", [2, 2, 3]), "b": ("f", [2, 3, 4])}, "torch.matmul(a, b)")
L("matmul_batch_bcast", {"a": ("f", [2, 2, 3]), "b": ("f", [3, 4])}, "torch.matmul(a, b)")
L("matmul_batch_bcast2", {"a": ("f", [2, 1, 2, 3]), "b": ("f", [3, 3, 2])}, "torch.matmul(a, b)")
L("matmul_batch_vec", {"a": ("f", [2, 2, 3]), "b": ("f", [3])}, "torch.matmul(a, b)")
L("matmul_vec_batch", {"a": ("f", [3]), "b": ("f", [2, 3, 4])}, "torch.matmul(a, b)")
L("mm", {"a": ("f", [3, 2]), "b": ("f", [2, 5])}, "torch.mm(a, b)")
L("mm_method", {"a": ("f", [3, 2]), "b": ("f", [2, 5])}, "a.mm(b)")
L("bmm", {"a": ("f", [3, 2, 4]), "b": ("f", [3, 4, 2])}, "torch.bmm(a, b)")
L("bmm_method", {"a": ("f", [2, 2, 3]), "b": ("f", [2, 3, 1])}, "a.bmm(b)")
L("mv", {"a": ("f", [2, 3]), "b": ("f", [3])}, "torch.mv(a, b)")
L("dot", {"a": ("f", [4]), "b": ("f", [4])}, "torch.dot(a, b)")
L("outer", {"a": ("f", [3]), "b": ("f", [2])}, "torch.outer(a, b)")
L("mlp", {"x": ("f", [4, 3]), "w": ("f", [3, 5]), "b": ("f", [5]), "v": ("f", [5, 2])},
  "(x @ w + b).relu() @ v", "x.matmul(w).add(b).relu().matmul(v)")
L("linear_t", {"x": ("f", [4, 3]), "w": ("f", [5, 3])}, "x @ w.t()", "x.matmul(w.t())")
L("matmul_self", {"a": ("f", [3, 3])}, "a @ a", "a.matmul(a)")

# ------------------------------------------------------------------ edge cases
X = group("edge")
X("sum_empty", {"a": ("v", [], torch.float32)}, "a.sum()", grad=False)
X("tensor_mixed", {}, "torch.tensor([1, 2.5])")
X("int_plus_float0d", {"i": ("v", [1, 2, 3]), "a": ("f", [])}, "i + a", "i.add(a)")
X("float_plus_int0d", {"a": ("f", [3]), "i": ("v", 2)}, "a + i", "a.add(i)")
X("int_div_scalar", {"i": ("v", [1, 2, 3])}, "i / 2", "i.div(2)")
X("bool_cumsum", {"m": ("v", [True, False, True])}, "m.cumsum(0)")
X("where_two_floats", {"m": ("v", [True, False])}, "torch.where(m, 1.5, 0.0)", "torch.where(m, 1.5, 0.0)")
X("unsqueeze_scalar", {"a": ("f", [])}, "a.unsqueeze(0)")
X("expand_scalar", {"a": ("f", [])}, "a.expand(2, 3)")
X("repeat_scalar", {"a": ("f", [])}, "a.repeat(3)")
X("stack_scalars", {"a": ("f", []), "b": ("f", [])}, "torch.stack([a, b])")
X("split_big", {"a": ("f", [3])}, "a.split(5)")
X("index_ellipsis_none", {"a": ("f", [2, 3])}, "a[..., None]", "a.index('..., None')")
X("var_single", {"a": ("f", [1])}, "a.var(unbiased=False)", "a.var({unbiased: false})")
X("logsumexp_neg_inf", {"a": ("v", [[float("-inf"), float("-inf")], [0.0, 1.0]])}, "a.logsumexp(1)", grad=False)
X("softmax_with_neg_inf", {"a": ("v", [[float("-inf"), 0.0, 1.0]])}, "a.softmax(1)", grad=False)
X("log_softmax_large", {"a": ("v", [[1000.0, 0.0, -1000.0]])}, "a.log_softmax(1)", numgrad=False)
X("sigmoid_extreme", {"a": ("v", [-100.0, 100.0, 0.0])}, "a.sigmoid()", numgrad=False)
X("tanh_extreme", {"a": ("v", [-30.0, 30.0])}, "a.tanh()", numgrad=False)
X("relu_zero", {"a": ("v", [-1.0, 0.0, 1.0])}, "a.relu()", numgrad=False)
X("abs_zero", {"a": ("v", [-1.0, 0.0, 1.0])}, "a.abs()", numgrad=False)
X("clamp_min_gt_max", {"a": ("f", [4])}, "a.clamp(1, -1)", numgrad=False)
X("max_dim_scalar", {"a": ("f", [])}, "a.max(0)")
X("sum_dim_keep_scalar", {"a": ("f", [3])}, "a.sum(0, keepdim=True)", "a.sum(0, true)")
X("mean_neg_dims", {"a": ("f", [2, 3, 4])}, "a.mean((-1, -2))", "a.mean([-1, -2])")
X("prod_scalar", {"a": ("f", [])}, "a.prod()")
X("cumsum_scalar", {"a": ("f", [])}, "a.cumsum(0)")
X("transpose_same", {"a": ("f", [2, 3])}, "a.transpose(1, 1)")
X("permute_list", {"a": ("f", [2, 3, 4])}, "a.permute([1, 2, 0])", "a.permute([1, 2, 0])")
X("reshape_zero", {"a": ("v", [], torch.float32)}, "a.reshape(0, 3)", grad=False)
X("masked_fill_scalar_tensor", {"a": ("f", [2, 2]), "m": ("v", [[True, False], [False, True]]), "v": ("f", [])},
  "a.masked_fill(m, v)")
X("diamond", {"x": ("f", [3])}, "(x * 2).exp() + (x * 2).sin()", "x.mul(2).exp().add(x.mul(2).sin())")
X("reuse_many", {"x": ("f", [2, 2])}, "x @ x @ x + x", "x.matmul(x).matmul(x).add(x)")
X("div_by_int", {"a": ("f", [3]), "i": ("v", [1, 2, 4])}, "a / i", "a.div(i)")
X("pow_int_base_tensor_exp", {"i": ("v", [1, 2, 3]), "a": ("f", [3])}, "torch.pow(i, a)", "torch.pow(i, a)")
X("scalar_pow_tensor", {"a": ("f", [3])}, "torch.pow(2, a)", "torch.pow(torch.tensor(2.0), a)")
X("maximum_scalar_bcast", {"a": ("f", [2, 3])}, "torch.maximum(a, torch.tensor(0.0))", "torch.maximum(a, torch.tensor(0.0))")

# ------------------------------------------------------------------ more semantics
M = group("more")
M("linspace_int", {}, "torch.linspace(0, 10, 5, dtype=torch.int64)", "torch.linspace(0, 10, 5, {dtype: torch.int64})")
M("arange_float_steps", {}, "torch.arange(0, 0.3, 0.1)")
M("arange_neg_float", {}, "torch.arange(1, -1, -0.5)")
M("eye_int", {}, "torch.eye(2, dtype=torch.int64)", "torch.eye(2, {dtype: torch.int64})")
M("full_float_dtype_int", {}, "torch.full((2,), 2.7, dtype=torch.int64)", "torch.full([2], 2.7, {dtype: torch.int64})")
M("tensor_nested_float", {}, "torch.tensor([[1.5, 2], [3, 4]])")
M("ones_like_int", {"i": ("v", [[1, 2]])}, "torch.ones_like(i)")
M("zeros_like_dtype", {"i": ("v", [1, 2])}, "torch.zeros_like(i, dtype=torch.float32)", "torch.zeros_like(i, {dtype: torch.float32})")
M("int_floor_divide", {"i": ("v", [7, -7, 5])}, "i // 2", "i.floor_divide(2)")
M("int_mod", {"i": ("v", [7, -7, 5])}, "i % 3", "i.remainder(3)")
M("float_mod_neg", {"a": ("v", [7.5, -7.5, 5.25])}, "a % -2", "a.remainder(-2)", grad=False)
M("bool_mean", {"m": ("v", [True, False, True, True])}, "m.float().mean()")
M("bool_to_int", {"m": ("v", [True, False])}, "m.int()")
M("bool_sum_dim", {"m": ("v", [[True, False], [True, True]])}, "m.sum(0)")
M("int_exp", {"i": ("v", [0, 1, 2])}, "i.exp()")
M("int_sqrt", {"i": ("v", [1, 4, 9])}, "torch.sqrt(i)")
M("int_sigmoid", {"i": ("v", [0, 1])}, "i.sigmoid()")
M("int_relu", {"i": ("v", [-1, 2])}, "i.relu()")
M("int_clamp_float", {"i": ("v", [-1, 1, 3])}, "i.clamp(0.5, 2.5)")
M("int_pow_int_tensor", {"i": ("v", [1, 2, 3]), "j": ("v", [2, 3, 0])}, "torch.pow(i, j)")
M("int_maximum", {"i": ("v", [1, 5]), "j": ("v", [3, 2])}, "torch.maximum(i, j)")
M("int_gt_float", {"i": ("v", [1, 2, 3]), "a": ("v", [1.5, 1.5, 3.5])}, "i > a", "i.gt(a)", grad=False)
M("cat_int_bool", {"i": ("v", [1, 2]), "m": ("v", [True, False])}, "torch.cat([i, m])")
M("int_mean_float", {"i": ("v", [1, 2, 4])}, "i.float().mean()")
M("int_max_all_ties", {"i": ("v", [3, 1, 3])}, "i.argmax()")
M("div_by_zero_scalar", {"a": ("v", [1.0, -1.0, 0.0])}, "a / 0.", "a.div(0)", grad=False)
M("cat_neg2", {"a": ("f", [2, 3, 2]), "b": ("f", [2, 1, 2])}, "torch.cat([a, b], -2)")
M("stack3", {"a": ("f", [2, 2]), "b": ("f", [2, 2]), "c": ("f", [2, 2])}, "torch.stack([a, b, c], 2)")
M("chunk_more_than_size", {"a": ("f", [5])}, "a.chunk(10)")
M("chunk_uneven", {"a": ("f", [7, 2])}, "torch.chunk(a, 3)")
M("view_three", {"a": ("f", [12])}, "a.view(2, -1, 2)")
M("unsqueeze_expand", {"a": ("f", [2, 3])}, "a.unsqueeze(-1).expand(-1, -1, 3)")
M("index_neg_pair", {"a": ("f", [3, 4])}, "a[-1, -1]", "a.get(-1, -1)")
M("index_last_col", {"a": ("f", [3, 4])}, "a[:, -1]", "a.index(':, -1')")
M("index_nones", {"a": ("f", [3, 4])}, "a[1:2, None, :, None]", "a.index('1:2, None, :, None')")
M("index_step3", {"a": ("f", [10])}, "a[::3]", "a.index('::3')")
M("index_start_gt_size", {"a": ("f", [4])}, "a[5:]", "a.index('5:')", grad=False)
M("max_kw", {"a": ("f", [3, 4])}, "a.max(dim=1, keepdim=True)", "a.max({dim: 1, keepdim: true})")
M("argmax_kw", {"a": ("f", [3, 4])}, "a.argmax(dim=1, keepdim=True)", "a.argmax({dim: 1, keepdim: true})", grad=False)
M("mean_list", {"a": ("f", [2, 3, 2])}, "a.mean(dim=[0, 1])", "a.mean({dim: [0, 1]})")
M("std_kw", {"a": ("f", [3, 4])}, "a.std(dim=0, unbiased=True, keepdim=True)", "a.std({dim: 0, unbiased: true, keepdim: true})")
M("var_pos", {"a": ("f", [3, 4])}, "a.var(0, True)", "a.var(0, true)")
M("var_pos3", {"a": ("f", [3, 4])}, "a.var(1, False, True)", "a.var(1, false, true)")
M("norm_p1_dim", {"a": ("f", [3, 4])}, "a.norm(p=1, dim=1)", "a.norm(1, 1)")
M("norm_fro", {"a": ("f", [3, 4])}, "a.norm('fro')", "a.norm('fro')")
M("norm_inf", {"a": ("f", [3, 4])}, "a.norm(float('inf'))", "a.norm(Infinity)")
M("softmax_1d", {"a": ("f", [5])}, "a.softmax(0)")
M("log_softmax_last", {"a": ("f", [2, 5])}, "torch.log_softmax(a, dim=-1)", "torch.log_softmax(a, -1)")
M("matmul_batch_both_vec", {"a": ("f", [2, 3, 4]), "b": ("f", [2, 1, 4, 5])}, "torch.matmul(a, b)")
M("where_three_bcast", {"m": ("b", [2, 1]), "a": ("f", [3]), "b": ("f", [2, 3])}, "torch.where(m, a, b)")
M("masked_fill_lowrank_mask", {"a": ("f", [2, 3, 4]), "m": ("b", [4])}, "a.masked_fill(m, 0.)", "a.masked_fill(m, 0.0)")
M("pow_0d_tensor_exp", {"a": ("pos", [3]), "e": ("v", 2.5)}, "a.pow(e)")
M("add_int_scalar_to_float", {"a": ("f", [3])}, "a + 3", "a.add(3)")
M("mul_bool_scalar_true", {"m": ("v", [True, False])}, "m * True", "m.mul(true)")
M("prod_int_dim", {"i": ("v", [[1, 2], [3, 4]])}, "i.prod(1)")
M("sum_bool_keepdim", {"m": ("v", [[True, False], [True, True]])}, "m.sum(1, keepdim=True)", "m.sum(1, true)")
M("amax_int", {"i": ("v", [[1, 5], [3, 4]])}, "i.amax(0)")
M("logsumexp_all_dims", {"a": ("f", [2, 3])}, "a.logsumexp((0, 1))", "a.logsumexp([0, 1])")
M("cumsum_bool", {"m": ("v", [[True, False], [True, True]])}, "m.cumsum(1)")
M("flip_neg", {"a": ("f", [2, 3])}, "a.flip(-1)")
M("transpose_3d_neg", {"a": ("f", [2, 3, 4])}, "a.transpose(-3, -1)")
M("split_dim_neg", {"a": ("f", [2, 5])}, "a.split(2, -1)")
M("narrow_full", {"a": ("f", [4, 3])}, "a.narrow(0, 0, 4)")
M("select_0d_result", {"a": ("f", [3])}, "a.select(0, 1)")
M("repeat_more_dims", {"a": ("f", [2])}, "a.repeat(2, 1, 3)")
M("expand_same", {"a": ("f", [2, 3])}, "a.expand(2, 3)")
M("gelu_like_chain", {"a": ("f", [6])}, "0.5 * a * (1 + torch.erf(a / 2 ** 0.5))", "a.mul(0.5).mul(a.div(Math.SQRT2).erf().add(1))")
M("mse_like", {"a": ("f", [4, 3]), "b": ("f", [4, 3])}, "((a - b) ** 2).mean()", "a.sub(b).pow(2).mean()")
M("adv_two_tensors", {"a": ("f", [3, 4]), "i": ("v", [0, 2, 1]), "j": ("v", [3, 0, 1])}, "a[i, j]", "a.index([i, j])")
M("adv_arange_target", {"a": ("f", [4, 5]), "y": ("v", [1, 0, 4, 2])}, "a[torch.arange(4), y]", "a.index([torch.arange(4), y])")
M("adv_bcast", {"a": ("f", [3, 4]), "i": ("v", [[0], [2]]), "j": ("v", [1, 3, 0])}, "a[i, j]", "a.index([i, j])")
M("adv_2d_index", {"a": ("f", [5, 3]), "i": ("v", [[0, 4], [2, 2]])}, "a[i]", "a.index([i])")
M("adv_2d_index_dim1", {"a": ("f", [2, 5]), "i": ("v", [[0, 4], [2, 2]])}, "a[:, i]", "a.index([null, i])")
M("adv_mask_2d", {"a": ("f", [3, 4]), "m": ("b", [3, 4])}, "a[m]", "a.index([m])")
M("adv_mask_cmp", {"a": ("f", [3, 4])}, "a[a > 0]", "a.index([a.gt(0)])")
M("adv_mask_partial", {"a": ("f", [2, 3, 2]), "m": ("b", [2, 3])}, "a[m]", "a.index([m])")
M("adv_non_adjacent", {"a": ("f", [3, 4, 5]), "i": ("v", [0, 2]), "j": ("v", [4, 1])}, "a[i, :, j]", "a.index([i, null, j])")
M("adv_adjacent_mid", {"a": ("f", [2, 3, 4, 2]), "i": ("v", [0, 2]), "j": ("v", [3, 1])}, "a[:, i, j]", "a.index([null, i, j])")
M("adv_with_int", {"a": ("f", [3, 4, 5]), "i": ("v", [0, 2, 2])}, "a[i, 1]", "a.index([i, 1])")
M("adv_with_slice", {"a": ("f", [4, 5]), "i": ("v", [3, 0])}, "a[i, 1:4]", "a.index([i, [1, 4]])")
M("adv_negative", {"a": ("f", [4, 3]), "i": ("v", [-1, 0]), "j": ("v", [-2, -1])}, "a[i, j]", "a.index([i, j])")
M("adv_scalar_tensor", {"a": ("f", [4, 3]), "i": ("v", 2)}, "a[i]", "a.index([i])")
M("softmax_kw_torch", {"a": ("f", [2, 3])}, "torch.softmax(a, dim=1)", "torch.softmax(a, {dim: 1})")
M("log_softmax_kw", {"a": ("f", [2, 3])}, "a.log_softmax(dim=0)", "a.log_softmax({dim: 0})")
M("cumsum_kw", {"a": ("f", [2, 3])}, "torch.cumsum(a, dim=1)", "torch.cumsum(a, {dim: 1})")
M("any_kw", {"m": ("v", [[True, False], [False, False]])}, "m.any(dim=1, keepdim=True)", "m.any({dim: 1, keepdim: true})")
M("all_torch_dim", {"m": ("v", [[True, False], [True, True]])}, "torch.all(m, 1)")
M("remainder_grad", {"a": ("u", [5], 0.1, 4.9), "b": ("v", [1.5, 2.0, 1.3, 3.0, 2.2])}, "a.remainder(b)", numgrad=False)
M("remainder_scalar_grad", {"a": ("u", [5], -4, 4)}, "a % 1.5", "a.remainder(1.5)", numgrad=False)
M("div_floor_grad", {"a": ("f", [4]), "b": ("pos", [4])}, "torch.div(a, b, rounding_mode='floor')", "torch.div(a, b, {rounding_mode: 'floor'})", numgrad=False)
M("where_int_float_scalar", {"m": ("v", [True, False]), "i": ("v", [1, 2])}, "torch.where(m, i, 0.5)")
M("where_int_scalar_float_tensor", {"m": ("v", [True, False]), "a": ("f", [2])}, "torch.where(m, 1, a)")
M("where_int_float_tensors", {"m": ("v", [True, False]), "i": ("v", [1, 2]), "a": ("f", [2])}, "torch.where(m, i, a)")
M("where_int_true", {"m": ("v", [True, False]), "i": ("v", [1, 2])}, "torch.where(m, i, True)", "torch.where(m, i, true)")
M("where_bool_int", {"m": ("v", [True, False]), "i": ("v", [1, 2])}, "torch.where(m, m, i)")
M("where_float_int_scalar", {"m": ("v", [True, False]), "a": ("f", [2])}, "torch.where(m, a, 1)")
M("masked_fill_int_with_int_float", {"m": ("v", [True, False]), "i": ("v", [1, 2])}, "i.masked_fill(m, 2.0)", "i.masked_fill(m, 2)")
M("masked_fill_int_fraction", {"m": ("v", [True, False]), "i": ("v", [1, 2])}, "i.masked_fill(m, 2.5)")
M("masked_fill_bool", {"m": ("v", [True, False])}, "m.masked_fill(m, False)", "m.masked_fill(m, false)")
M("cat_bool", {"m": ("v", [True, False])}, "torch.cat([m, m])")
M("stack_int_float", {"i": ("v", [1, 2]), "a": ("f", [2])}, "torch.stack([i, a])")
M("maximum_int_float", {"i": ("v", [1, 2]), "a": ("v", [1.5, 1.5])}, "torch.maximum(i, a)", grad=False)
M("int_clamp_min", {"i": ("v", [-1, 2])}, "i.clamp(min=0)", "i.clamp({min: 0})")
M("bool_prod", {"m": ("v", [True, False])}, "m.prod()")
M("bool_max", {"m": ("v", [True, False])}, "m.max()")
M("bool_scalar_add", {"m": ("v", True)}, "m + 1", "m.add(1)")
M("bool_argmax", {"m": ("v", [False, True, True])}, "m.float().argmax()")
M("torch_rsub", {"a": ("f", [3])}, "torch.rsub(a, 2)")
M("torch_remainder", {"a": ("u", [4], 0.1, 3)}, "torch.remainder(a, 0.7)", numgrad=False)
M("torch_floor_divide", {"i": ("v", [7, -7])}, "torch.floor_divide(i, 2)")
M("torch_true_divide", {"i": ("v", [7, -7])}, "torch.true_divide(i, 2)")
M("torch_log2", {"a": ("pos", [3])}, "torch.log2(a)")
M("torch_log10", {"a": ("pos", [3])}, "torch.log10(a)")
M("torch_expm1", {"a": ("f", [3])}, "torch.expm1(a)")
M("torch_reciprocal", {"a": ("pos", [3])}, "torch.reciprocal(a)")
M("torch_trunc", {"a": ("v", [1.5, -1.5])}, "torch.trunc(a)", numgrad=False)
M("leaky_relu", {"a": ("f", [6])}, "torch.nn.functional.leaky_relu(a, 0.1)", "torch.nn.functional.leaky_relu(a, 0.1)")
M("elu", {"a": ("f", [6])}, "torch.nn.functional.elu(a)")
M("gelu", {"a": ("f", [6])}, "torch.nn.functional.gelu(a)")
M("gelu_tanh", {"a": ("f", [6])}, "torch.nn.functional.gelu(a, approximate='tanh')", "torch.nn.functional.gelu(a, {approximate: 'tanh'})")
M("softplus", {"a": ("f", [6])}, "torch.nn.functional.softplus(a)")
M("softplus_beta", {"a": ("u", [6], -15, 15)}, "torch.nn.functional.softplus(a, beta=2, threshold=5)",
  "torch.nn.functional.softplus(a, {beta: 2, threshold: 5})")
M("silu", {"a": ("f", [6])}, "torch.nn.functional.silu(a)")
M("cross_entropy_like", {"a": ("f", [4, 5]), "i": ("v", [1, 0, 4, 2])}, "-a.log_softmax(1).gather(1, i.unsqueeze(1)).mean()",
  "a.log_softmax(1).gather(1, i.unsqueeze(1)).mean().neg()")


# ------------------------------------------------------------------ printing
REPR = []


def P(name, py, ts=None):
    env = {"torch": torch}
    REPR.append({"name": name, "py": py, "ts": py if ts is None else ts, "repr": repr(eval(py, env))})


P("int_1d", "torch.tensor([1, 2, 3])")
P("int_neg", "torch.tensor([[-1, 20], [300, -4000]])")
P("float_int_mode", "torch.tensor([1., 2.])", "torch.tensor([1, 2], {dtype: torch.float32})")
P("float_int_mode_neg", "torch.tensor([-1., 20., 300.])", "torch.tensor([-1, 20, 300], {dtype: torch.float32})")
P("float_basic", "torch.tensor([0.1, 0.2, 0.3])")
P("float_sci_negative_zero", "torch.tensor([-0.0, 1.5e-6, 2.0])")
P("float_2d", "torch.tensor([[0.1, -0.2], [3.25, 4.5]])")
P("float_neg_small", "torch.tensor([-0.00012, 0.5])")
P("float_mixed_width", "torch.tensor([1.5, -12.25, 123.125])")
P("sci_small", "torch.tensor([1e-5, 1.0])")
P("sci_large", "torch.tensor([1e9, 1.0])", "torch.tensor([1e9, 1.0], {dtype: torch.float32})")
P("sci_range", "torch.tensor([0.001, 2000.0])")
P("sci_int_mode", "torch.tensor([1., 1e9])", "torch.tensor([1, 1e9], {dtype: torch.float32})")
P("nan_inf", "torch.tensor([float('nan'), float('inf'), -float('inf'), 1.5])", "torch.tensor([NaN, Infinity, -Infinity, 1.5])")
P("nan_int_mode", "torch.tensor([float('nan'), 1., 2.])", "torch.tensor([NaN, 1, 2])")
P("all_nan", "torch.tensor([float('nan'), float('nan')])", "torch.tensor([NaN, NaN])")
P("zeros_float", "torch.zeros(2, 3)")
P("neg_zero", "torch.tensor([-0.0, 1.0])", "torch.tensor([-0.0, 1.0], {dtype: torch.float32})")
P("bool", "torch.tensor([True, False, True])", "torch.tensor([true, false, true])")
P("bool_2d", "torch.tensor([[True], [False]])", "torch.tensor([[true], [false]])")
P("scalar_float", "torch.tensor(3.5)")
P("scalar_int", "torch.tensor(7)")
P("scalar_float_int_mode", "torch.tensor(2.)", "torch.tensor(2, {dtype: torch.float32})")
P("scalar_bool", "torch.tensor(True)", "torch.tensor(true)")
P("scalar_neg", "torch.tensor(-0.25)")
P("empty_1d", "torch.tensor([])")
P("empty_2d", "torch.zeros(0, 3)")
P("empty_int", "torch.zeros(2, 0, dtype=torch.int64)", "torch.zeros(2, 0, {dtype: torch.int64})")
P("requires_grad", "torch.tensor([1.5, 2.0], requires_grad=True)", "torch.tensor([1.5, 2.0], {requires_grad: true})")
P("requires_grad_scalar", "torch.tensor(1., requires_grad=True)", "torch.tensor(1, {dtype: torch.float32, requires_grad: true})")
P("long_row", "torch.arange(30)")
P("long_float_row", "torch.arange(25).float() / 7", "torch.arange(25).float().div(7)")
P("wide_2d", "torch.arange(40).reshape(2, 20) * 1000", "torch.arange(40).reshape(2, 20).mul(1000)")
P("summarised_1d", "torch.arange(2000)")
P("summarised_float", "torch.arange(1500).float() * 0.5", "torch.arange(1500).float().mul(0.5)")
P("summarised_2d", "torch.arange(1200).reshape(40, 30)")
P("summarised_2d_float", "(torch.arange(1200).float() / 1000).reshape(30, 40)", "torch.arange(1200).float().div(1000).reshape(30, 40)")
P("summarised_3d", "torch.arange(2400).reshape(10, 12, 20)")
P("summarised_narrow", "torch.arange(1001).reshape(1001, 1)")
P("not_summarised_1000", "torch.arange(1000).reshape(10, 100)")
P("three_d", "torch.arange(24).reshape(2, 3, 4)")
P("four_d", "torch.arange(16).reshape(2, 2, 2, 2)")
P("three_d_float", "torch.arange(12).reshape(2, 3, 2).float() / 3", "torch.arange(12).reshape(2, 3, 2).float().div(3)")
P("scalar_sci", "torch.tensor(1e-5)")
P("neg_sci", "torch.tensor([-1e-5, 1e3])")
P("big_int_mode", "torch.tensor([1e10, 2.])", "torch.tensor([1e10, 2], {dtype: torch.float32})")
P("neg_int_mode_2d", "torch.tensor([[-1., 2.], [30., -400.]])", "torch.tensor([[-1, 2], [30, -400]], {dtype: torch.float32})")
P("summarised_wide", "torch.arange(3000.).reshape(3, 1000)", "torch.arange(3000).float().reshape(3, 1000)")
P("summarised_bool", "torch.arange(2000) % 3 == 0", "torch.arange(2000).remainder(3).eq(0)")
P("summarised_neg_int", "torch.arange(-1000, 1000)")
P("rounding_up", "torch.tensor([0.99999, 0.5])")
P("large_fixed", "torch.tensor([123456.7, 1000.5])")
P("tiny_and_zero", "torch.tensor([0., 1e-4, 1.])")
P("mixed_scales", "torch.tensor([[1e-3, 1.], [10., 100.]])")
P("all_inf", "torch.tensor([float('inf'), -float('inf')])", "torch.tensor([Infinity, -Infinity])")
P("int_scalar_neg", "torch.tensor(-42)")
P("empty_bool", "torch.zeros(0, dtype=torch.bool)", "torch.zeros(0, {dtype: torch.bool})")
P("empty_3d", "torch.zeros(2, 0, 3)")
P("five_d", "torch.arange(32).reshape(2, 2, 2, 2, 2)")
P("grad_fn_summarised", "(torch.arange(1200.) / 3).requires_grad_() * 2", "torch.arange(1200).float().div(3).requires_grad_().mul(2)")
P("requires_grad_2d_wrap", "torch.arange(16.).reshape(2, 8).add(0.123).requires_grad_()", "torch.arange(16).float().reshape(2, 8).add(0.123).requires_grad_()")
for op, py, ts in [
    ("add", "x + 1", "x.add(1)"), ("sub", "x - 1", "x.sub(1)"), ("mul", "x * 2", "x.mul(2)"), ("div", "x / 2", "x.div(2)"),
    ("pow", "x ** 2", "x.pow(2)"), ("neg", "-x", "x.neg()"), ("exp", "x.exp()", None), ("log", "x.log()", None),
    ("sqrt", "x.sqrt()", None), ("abs", "x.abs()", None), ("relu", "x.relu()", None), ("sigmoid", "x.sigmoid()", None),
    ("tanh", "x.tanh()", None), ("clamp", "x.clamp(0, 1)", None), ("sum", "x.sum()", None), ("sum_dim", "x.sum(0)", None),
    ("mean", "x.mean()", None), ("mean_dim", "x.mean(0)", None), ("max", "x.max()", None),
    ("max_dim", "x.max(0).values", None), ("view", "x.view(2, 1)", None), ("reshape", "x.reshape(2, 1)", None),
    ("unsqueeze", "x.unsqueeze(0)", None), ("squeeze", "x.view(1, 2).squeeze()", None),
    ("permute", "x.view(1, 2).permute(1, 0)", None), ("transpose", "x.view(1, 2).transpose(0, 1)", None),
    ("t", "x.view(1, 2).t()", None), ("T", "x.view(1, 2).T", None), ("mT", "x.view(1, 2).mT", None),
    ("squeeze_dim", "x.view(1, 2).squeeze(0)", None), ("split", "x.split(1)[0]", None), ("split_sizes", "x.split([1, 1])[1]", None),
    ("chunk", "x.chunk(2)[1]", None), ("unbind", "x.unbind()[0]", None), ("narrow", "x.narrow(0, 1, 1)", None),
    ("index_tensor", "x[torch.tensor([1, 0])]", "x.index([torch.tensor([1, 0])])"), ("index_bool", "x[x > 1]", "x.index([x.gt(1)])"),
    ("index_select", "x.index_select(0, torch.tensor([1]))", None), ("gather", "x.gather(0, torch.tensor([1, 1]))", None),
    ("masked_select", "x.masked_select(x > 1)", "x.masked_select(x.gt(1))"), ("flip", "x.flip(0)", None),
    ("rsub_scalar", "torch.rsub(x, 1)", "x.rsub(1)"), ("rsub_tensor", "torch.rsub(x, x)", "x.rsub(x)"),
    ("dot", "torch.dot(x, x)", None), ("mv", "x.view(1, 2).mv(x)", None), ("bmm", "x.view(1, 1, 2).bmm(x.view(1, 2, 1))", None),
    ("matmul_batched", "x.view(1, 1, 2) @ x.view(2, 1)", "x.view(1, 1, 2).matmul(x.view(2, 1))"),
    ("log1p", "x.log1p()", None), ("square", "x.square()", None), ("amin", "x.amin()", None), ("min_dim", "x.min(0).values", None),
    ("maximum", "x.maximum(x * 2)", "x.maximum(x.mul(2))"), ("pow_tensor", "x ** x", "x.pow(x)"), ("std_dim", "x.view(1, 2).std(1)", None),
    ("prod_dim", "x.prod(0)", None), ("masked_fill_tensor", "x.masked_fill(x > 1, torch.tensor(0.))", "x.masked_fill(x.gt(1), torch.tensor(0.0))"), ("index", "x[0]", "x.get(0)"), ("slice", "x[1:]", "x.index('1:')"),
    ("cat", "torch.cat([x, x])", None), ("stack", "torch.stack([x, x])", None), ("softmax", "x.softmax(0)", None),
    ("log_softmax", "x.log_softmax(0)", None), ("matmul", "x @ x", "x.matmul(x)"), ("mm", "x.view(1, 2).mm(x.view(2, 1))", None),
    ("expand", "x.expand(2, 2)", None), ("clone", "x.clone()", None), ("std", "x.std()", None), ("var", "x.var()", None),
    ("cumsum", "x.cumsum(0)", None), ("prod", "x.prod()", None), ("where", "torch.where(x > 1, x, 0.)", "torch.where(x.gt(1), x, 0.0)"),
    ("masked_fill", "x.masked_fill(x > 1, 0.)", "x.masked_fill(x.gt(1), 0.0)"), ("amax", "x.amax(0)", None),
    ("logsumexp", "x.logsumexp(0)", None), ("flatten", "x.view(1, 2).flatten()", None), ("repeat", "x.repeat(2)", None),
]:
    P("grad_fn_" + op, "(lambda x: %s)(torch.tensor([0.5, 1.5], requires_grad=True))" % py,
      "((x) => %s)(torch.tensor([0.5, 1.5], {requires_grad: true}))" % (ts or py))
P("grad_fn_wrap", "(torch.arange(12.).reshape(3, 4) / 7).requires_grad_() * 3",
  "torch.arange(12).float().reshape(3, 4).div(7).requires_grad_().mul(3)")
P("grad_fn_long_line", "(torch.arange(8.) * 1.123456).requires_grad_() + 1",
  "torch.arange(8).float().mul(1.123456).requires_grad_().add(1)")


def PO(name, opts, py, ts=None):
    """A repr under torch.set_printoptions(**opts); the default profile is restored afterwards."""
    torch.set_printoptions(**opts)
    try:
        P(name, py, ts)
        REPR[-1]["options"] = opts
    finally:
        torch.set_printoptions(profile="default", sci_mode=None)


PO("opts_precision2", {"precision": 2}, "torch.tensor([0.12345, 1.5])")
PO("opts_precision6", {"precision": 6}, "torch.tensor([[0.12345, -1.5]])")
PO("opts_sci_true", {"sci_mode": True}, "torch.tensor([0.5, 12.25])")
PO("opts_sci_false", {"sci_mode": False}, "torch.tensor([1e-5, 1.0])")
PO("opts_threshold", {"threshold": 5}, "torch.arange(10)")
PO("opts_edgeitems", {"threshold": 5, "edgeitems": 1}, "torch.arange(20).reshape(4, 5)")
PO("opts_linewidth", {"linewidth": 30}, "torch.arange(20.) / 3", "torch.arange(20).float().div(3)")
PO("opts_short", {"profile": "short"}, "torch.arange(2000.) / 7", "torch.arange(2000).float().div(7)")
PO("opts_full", {"profile": "full"}, "torch.arange(1100)")


def main():
    for name, cases in GROUPS.items():
        path = os.path.join(HERE, f"core_{name}.json")
        with open(path, "w") as f:
            json.dump({"generator": "test/reference/gen_core.py", "torch": torch.__version__, "cases": cases}, f,
                      separators=(",", ":"))
            f.write("\n")
        print(f"{path}: {len(cases)} cases, {os.path.getsize(path)} bytes")
    path = os.path.join(HERE, "core_repr.json")
    with open(path, "w") as f:
        json.dump({"generator": "test/reference/gen_core.py", "torch": torch.__version__, "cases": REPR}, f, indent=0)
        f.write("\n")
    print(f"{path}: {len(REPR)} cases, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
