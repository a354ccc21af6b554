#!/usr/bin/python3
"""The `Example::` blocks of PyTorch 1.13's docstrings, made deterministic, with PyTorch's results.

Run with Debian's interpreter (it has PyTorch 1.13):
    /usr/bin/python3 test/reference/gen_docs_examples.py
Writes test/reference/docs_examples.json, read by test/fidelity/docs_examples.test.ts.

Each case is the docstring's snippet with its random inputs replaced by fixed (arange-based) values:
`py` is a Python expression, or statements that assign `out`; `ts` the same in torchlab, an expression
or a function body with `return`. The result is encoded as a tensor (shape, dtype, values), {"seq": [...]}
for tuples and lists, {"num": v} for Python numbers, {"bool": b}; a snippet that raises records
{"error": the class torchlab raises (PyTorch's, or ValueError where PyTorch uses a bare `assert`), "pytorch_error",
"message": PyTorch's message, "keys": words torchlab's message must contain too}.
torchlab computes in float32, so float64 results are recorded as float32 (to float32's precision), and
int8 ones as int32, the narrowest integer dtype torchlab has.
"""
import json
import math
import os
import re
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import lr_scheduler

from _common import num

HERE = os.path.dirname(os.path.abspath(__file__))
DT = {torch.float32: "float32", torch.float64: "float32", torch.int64: "int64", torch.int32: "int32", torch.int8: "int32", torch.bool: "bool"}
CASES = []
warnings.simplefilter("ignore")  # torch.range's deprecation, the docs still show it


def enc(v):
    if isinstance(v, torch.Tensor):
        t = v.detach()
        vals = t.reshape(-1).tolist()
        vals = [bool(x) for x in vals] if t.dtype == torch.bool else [num(x) for x in vals]
        return {"shape": list(t.shape), "dtype": DT[t.dtype], "values": vals}
    if isinstance(v, (tuple, list, torch.Size)):
        return {"seq": [enc(x) for x in v]}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, (int, float)):
        return {"num": num(v)}
    raise TypeError(type(v))


def to_ts(py):
    """The torchlab spelling of an expression that only differs from Python in its literals."""
    return re.sub(r"\b(True|False|None)\b", lambda m: {"True": "true", "False": "false", "None": "null"}[m.group(1)], py)


def C(name, py, ts=None, keys=None, tol=None):
    """keys: for a snippet that raises, words that torchlab's message must contain too."""
    env = {"torch": torch, "nn": nn, "F": F, "lr_scheduler": lr_scheduler, "math": math}
    case = {"name": name, "py": py, "ts": to_ts(py) if ts is None else ts}
    try:
        if "\n" in py or py.startswith("out ="):
            exec(py, env)
            out = env["out"]
        else:
            out = eval(py, env)
    except Exception as e:  # noqa: BLE001 - the error is the reference
        if keys is None:
            raise
        cls = type(e).__name__
        # PyTorch checks some arguments with a bare `assert`; torchlab raises ValueError for those.
        case["error"] = {"error": "ValueError" if cls == "AssertionError" else cls, "pytorch_error": cls,
                         "message": str(e).split("\n")[0], "keys": keys}
    else:
        assert keys is None, name + " was expected to raise"
        case["out"] = enc(out)
    if tol is not None:
        case["tol"] = tol
    CASES.append(case)


# torch.tensor's docs
C("tensor_nested", "torch.tensor([[0.1, 1.2], [2.2, 3.1], [4.9, 5.2]])")
C("tensor_int", "torch.tensor([0, 1])")
C("tensor_scalar", "torch.tensor(3.14159)")
C("tensor_empty", "torch.tensor([])")
C("tensor_bool", "torch.tensor([True, False])")
# creation ops
C("zeros_2_3", "torch.zeros(2, 3)")
C("zeros_5", "torch.zeros(5)")
C("ones_2_3", "torch.ones(2, 3)")
C("zeros_like", "torch.zeros_like(torch.empty(2, 3))")
C("ones_like", "torch.ones_like(torch.empty(2, 3))")
C("full", "torch.full((2, 3), 3.141592)", "torch.full([2, 3], 3.141592)")
C("full_like", "torch.full_like(torch.zeros(2, 2), 7)")
C("eye", "torch.eye(3)")
C("arange_5", "torch.arange(5)")
C("arange_1_4", "torch.arange(1, 4)")
C("arange_1_2p5_0p5", "torch.arange(1, 2.5, 0.5)")
C("range", "torch.range(1, 4)")
C("range_step", "torch.range(1, 4, 0.5)")
C("linspace_3_10_5", "torch.linspace(3, 10, steps=5)", "torch.linspace(3, 10, {steps: 5})")
C("linspace_m10_10_5", "torch.linspace(-10, 10, steps=5)", "torch.linspace(-10, 10, {steps: 5})")
C("linspace_kw_start", "torch.linspace(start=-10, end=10, steps=5)", "torch.linspace(-10, 10, 5)")
C("linspace_1", "torch.linspace(start=-10, end=10, steps=1)", "torch.linspace(-10, 10, 1)")
C("linspace_int", "torch.linspace(0, 10, 4, dtype=torch.int64)", "torch.linspace(0, 10, 4, {dtype: torch.int64})")
C("logspace_m10_10_5", "torch.logspace(start=-10, end=10, steps=5)", "torch.logspace(-10, 10, 5)", tol=1e-4)
C("logspace_0p1_1_5", "torch.logspace(start=0.1, end=1.0, steps=5)", "torch.logspace(0.1, 1.0, 5)")
C("logspace_1", "torch.logspace(start=0.1, end=1.0, steps=1)", "torch.logspace(0.1, 1.0, 1)")
C("logspace_base2", "torch.logspace(start=2, end=2, steps=1, base=2)", "torch.logspace(2, 2, 1, {base: 2})")
C("logspace_base2_pos", "torch.logspace(0, 4, 5, 2)")
C("tril_indices", "torch.tril_indices(3, 3)")
C("tril_indices_off", "torch.tril_indices(4, 3, -1)")
C("tril_indices_off1", "torch.tril_indices(4, 3, 1)")
C("triu_indices", "torch.triu_indices(3, 3)")
C("triu_indices_off1", "torch.triu_indices(4, 3, 1)")
C("triu_indices_offm1", "torch.triu_indices(4, 3, -1)")
C("diag_embed", "torch.diag_embed(torch.arange(6.).reshape(2, 3))", "torch.diag_embed(torch.arange(6).float().reshape(2, 3))")
C("diagflat", "torch.diagflat(torch.tensor([1., 2, 3]))", "torch.diagflat(torch.tensor([1, 2, 3], {dtype: torch.float32}))")
C("diagflat_off", "torch.diagflat(torch.tensor([1., 2, 3]), 1)", "torch.diagflat(torch.tensor([1, 2, 3], {dtype: torch.float32}), 1)")
C("diag_vec", "torch.diag(torch.tensor([0.5, -1.5, 2.0]))")
C("diag_vec_off", "torch.diag(torch.tensor([0.5, -1.5, 2.0]), 1)")
C("diag_mat", "torch.diag(torch.arange(9.).reshape(3, 3), -1)", "torch.diag(torch.arange(9).float().reshape(3, 3), -1)")
C("block_diag", "torch.block_diag(torch.tensor([[0, 1], [1, 0]]), torch.tensor([[3, 4, 5], [6, 7, 8]]), torch.tensor(7), torch.tensor([1, 2, 3]), torch.tensor([[4], [5], [6]]))")
C("cartesian_prod", "torch.cartesian_prod(torch.tensor([1, 2, 3]), torch.tensor([4, 5]))")
C("combinations", "torch.combinations(torch.tensor([1, 2, 3]))")
C("combinations_r3", "torch.combinations(torch.tensor([1, 2, 3]), r=3)", "torch.combinations(torch.tensor([1, 2, 3]), {r: 3})")
C("combinations_repl", "torch.combinations(torch.tensor([1, 2, 3]), with_replacement=True)", "torch.combinations(torch.tensor([1, 2, 3]), {with_replacement: true})")
C("meshgrid_ij", "torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6]), indexing='ij')", "torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6]), {indexing: 'ij'})")
C("meshgrid_xy", "torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5]), indexing='xy')", "torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5]), {indexing: 'xy'})")
# math
A = "torch.tensor([[-0.3711, -1.9353, -0.4605, -0.2917], [0.1815, -1.0111, 0.9805, -1.5923], [0.1062, 1.4581, 0.7759, -1.2344], [-0.1830, -0.0313, 1.1908, -1.4757]])"
C("abs", "torch.abs(torch.tensor([-1, -2, 3]))")
C("add_scalar", "torch.add(torch.tensor([0.0202, 1.0985, 1.3506, -0.6056]), 20)")
C("add_alpha", "torch.add(torch.tensor([-0.9732, -0.3497, 0.6245, 0.4022]), torch.tensor([[0.3743], [-1.7724], [-0.5811], [-0.8017]]), alpha=10)",
  "torch.add(torch.tensor([-0.9732, -0.3497, 0.6245, 0.4022]), torch.tensor([[0.3743], [-1.7724], [-0.5811], [-0.8017]]), {alpha: 10})")
C("sub_alpha", "torch.sub(torch.tensor((1, 2)), torch.tensor((0, 1)), alpha=2)", "torch.sub(torch.tensor([1, 2]), torch.tensor([0, 1]), {alpha: 2})")
C("mul_scalar", "torch.mul(torch.tensor([0.2015, -0.4255, 2.6087]), 100)")
C("mul_bcast", "torch.mul(torch.tensor([[1.1207], [-0.3137], [0.0700], [0.8378]]), torch.tensor([[0.5146, 0.1216, -0.5244, 2.2382]]))")
X5 = "torch.tensor([-0.3711, -1.9353, -0.4605, -0.2917, 0.1815])"
C("div_scalar", "torch.div(%s, 0.5)" % X5)
C("div_tensor", "torch.div(%s, torch.tensor([0.8032, 0.2930, -0.8113, -0.2308]))" % A)
C("div_trunc", "torch.div(torch.tensor([4.0, 3.0]), torch.tensor([2.0, 2.0]), rounding_mode='trunc')", "torch.div(torch.tensor([4, 3], {dtype: torch.float32}), torch.tensor([2, 2], {dtype: torch.float32}), {rounding_mode: 'trunc'})")
C("div_floor", "torch.div(torch.tensor([-4.0, 3.0, -1.5]), torch.tensor([3.0, -2.0, 1.0]), rounding_mode='floor')", "torch.div(torch.tensor([-4.0, 3.0, -1.5]), torch.tensor([3.0, -2.0, 1.0]), {rounding_mode: 'floor'})")
C("div_trunc_docs", "torch.div(%s, torch.tensor([0.8032, 0.2930, -0.8113, -0.2308]), rounding_mode='trunc')" % A,
  "torch.div(%s, torch.tensor([0.8032, 0.2930, -0.8113, -0.2308]), {rounding_mode: 'trunc'})" % A)
C("div_floor_docs", "torch.div(%s, torch.tensor([0.8032, 0.2930, -0.8113, -0.2308]), rounding_mode='floor')" % A,
  "torch.div(%s, torch.tensor([0.8032, 0.2930, -0.8113, -0.2308]), {rounding_mode: 'floor'})" % A)
C("div_int_true", "torch.div(torch.tensor([5, -5]), 2)")
C("div_int_floor", "torch.div(torch.tensor([5, -5]), 2, rounding_mode='floor')", "torch.div(torch.tensor([5, -5]), 2, {rounding_mode: 'floor'})")
C("div_int_trunc", "torch.div(torch.tensor([5, -5]), 2, rounding_mode='trunc')", "torch.div(torch.tensor([5, -5]), 2, {rounding_mode: 'trunc'})")
C("div_scalar_floor", "torch.div(%s, 0.5, rounding_mode='floor')" % X5, "torch.div(%s, 0.5, {rounding_mode: 'floor'})" % X5)
C("div_bad_mode", "torch.div(torch.tensor([1.0]), 2, rounding_mode='round')", "torch.div(torch.tensor([1.0]), 2, {rounding_mode: 'round'})", keys=["rounding_mode", "round"])
C("tensor_div_trunc", "torch.tensor([7.0, -7.0]).div(2, rounding_mode='trunc')", "torch.tensor([7, -7], {dtype: torch.float32}).div(2, {rounding_mode: 'trunc'})")
C("floor_divide", "torch.floor_divide(torch.tensor([4.0, 3.0]), torch.tensor([2.0, 2.0]))", "torch.floor_divide(torch.tensor([4, 3], {dtype: torch.float32}), torch.tensor([2, 2], {dtype: torch.float32}))")
C("floor_divide_scalar", "torch.floor_divide(torch.tensor([4.0, 3.0]), 1.4)", "torch.floor_divide(torch.tensor([4, 3], {dtype: torch.float32}), 1.4)")
C("true_divide", "torch.true_divide(torch.tensor([5, 3]), 2)")
C("remainder", "torch.remainder(torch.tensor([-3., -2, -1, 1, 2, 3]), 2)", "torch.remainder(torch.tensor([-3, -2, -1, 1, 2, 3], {dtype: torch.float32}), 2)")
C("remainder_neg", "torch.remainder(torch.tensor([1, 2, 3, 4, 5]), -1.5)")
C("fmod", "torch.fmod(torch.tensor([-3., -2, -1, 1, 2, 3]), 2)", "torch.fmod(torch.tensor([-3, -2, -1, 1, 2, 3], {dtype: torch.float32}), 2)")
C("fmod_frac", "torch.fmod(torch.tensor([1, 2, 3, 4, 5]), -1.5)")
C("pow_scalar", "torch.pow(torch.tensor([0.4331, 1.2475, 0.6834, -0.2791]), 2)")
C("pow_tensor", "torch.pow(torch.arange(1., 5.), torch.arange(1., 5.))", "torch.pow(torch.arange(1, 5).float(), torch.arange(1, 5).float())")
C("pow_self_scalar", "torch.pow(2, torch.arange(1., 5.))", "torch.pow(2, torch.arange(1, 5).float())")
C("pow_int", "torch.pow(torch.tensor([1, 2, 3]), 2)")
C("pow_neg_base_frac", "torch.pow(torch.tensor([-2.0, 4.0]), 0.5)")
C("float_power", "torch.float_power(torch.tensor([1, 2, 3]), 2)")
C("float_power_neg", "torch.float_power(torch.tensor([2, -3, 4, -5]), torch.tensor([2, -3, 4, -5]))", tol=1e-5)
C("exp", "torch.exp(torch.tensor([0, math.log(2.)]))", "torch.exp(torch.tensor([0, Math.log(2)]))")
C("exp2", "torch.exp2(torch.tensor([0, math.log2(2.), 3, 4]))", "torch.exp2(torch.tensor([0, Math.log2(2), 3, 4]))")
C("expm1", "torch.expm1(torch.tensor([0, math.log(2.)]))", "torch.expm1(torch.tensor([0, Math.log(2)]))")
C("log", "torch.log(torch.tensor([4.7767, 4.3234, 1.2156, 0.2411, 4.5739]))")
C("log2", "torch.log2(torch.tensor([0.8419, 0.8003, 0.9971, 0.5287, 0.0490]))")
C("log10", "torch.log10(torch.tensor([0.5224, 0.9354, 0.7257, 0.1301, 0.2251]))")
C("log1p", "torch.log1p(torch.tensor([-1.0090, -0.9923, 1.0249, -0.5372, 0.2492]))")
C("sqrt", "torch.sqrt(torch.tensor([-2.0755, 1.0226, 0.0831, 0.4806]))")
C("rsqrt", "torch.rsqrt(torch.tensor([-0.0370, 0.2970, 1.5420, -0.9105]))")
C("sigmoid", "torch.sigmoid(torch.tensor([0.9213, 1.0887, -0.8858, -1.7683]))")
C("logit", "torch.logit(torch.tensor([0.2796, 0.9331, 0.6486, 0.1523, 0.6516]), eps=1e-6)", "torch.logit(torch.tensor([0.2796, 0.9331, 0.6486, 0.1523, 0.6516]), {eps: 1e-6})")
C("logit_clamped", "torch.logit(torch.tensor([0.0, 0.5, 1.0]), eps=0.1)", "torch.logit(torch.tensor([0.0, 0.5, 1.0]), {eps: 0.1})")
C("sinc", "torch.sinc(torch.tensor([0.2252, -0.2948, 1.0267, -1.1566, 0.0]))")
C("sign", "torch.sign(torch.tensor([0.7, -1.2, 0., 2.3]))")
C("sgn", "torch.sgn(torch.tensor([0.7, -1.2, 0., 2.3]))")
C("signbit", "torch.signbit(torch.tensor([0.7, -1.2, 0., 2.3]))")
C("signbit_negzero", "torch.signbit(torch.tensor([-0.0, 0.0]))", "torch.signbit(torch.tensor([-0.0, 0.0], {dtype: torch.float32}))")
C("heaviside", "torch.heaviside(torch.tensor([-1.5, 0, 2.0]), torch.tensor([0.5]))")
C("heaviside_vals", "torch.heaviside(torch.tensor([-1.5, 0, 2.0]), torch.tensor([1.2, -2.0, 3.5]))")
C("hypot", "torch.hypot(torch.tensor([4.0]), torch.tensor([3.0, 4.0, 5.0]))", "torch.hypot(torch.tensor([4], {dtype: torch.float32}), torch.tensor([3, 4, 5], {dtype: torch.float32}))")
C("ldexp", "torch.ldexp(torch.tensor([1.]), torch.tensor([1]))")
C("ldexp_vec", "torch.ldexp(torch.tensor([1.0]), torch.tensor([1, 2, 3, 4]))")
C("lerp", "torch.lerp(torch.arange(1., 5.), torch.empty(4).fill_(10), 0.5)", "torch.lerp(torch.arange(1, 5).float(), torch.empty(4).fill_(10), 0.5)")
C("lerp_tensor_w", "torch.lerp(torch.arange(1., 5.), torch.empty(4).fill_(10), torch.full_like(torch.arange(1., 5.), 0.5))",
  "torch.lerp(torch.arange(1, 5).float(), torch.empty(4).fill_(10), torch.full_like(torch.arange(1, 5).float(), 0.5))")
C("logaddexp", "torch.logaddexp(torch.tensor([-1.0]), torch.tensor([-1.0, -2, -3]))", "torch.logaddexp(torch.tensor([-1], {dtype: torch.float32}), torch.tensor([-1, -2, -3], {dtype: torch.float32}))")
C("logaddexp_big", "torch.logaddexp(torch.tensor([-100.0, -200, -300]), torch.tensor([-1.0, -2, -3]))", "torch.logaddexp(torch.tensor([-100, -200, -300], {dtype: torch.float32}), torch.tensor([-1, -2, -3], {dtype: torch.float32}))")
C("xlogy", "torch.xlogy(torch.tensor([0, 0, 0, 0, 0]), torch.tensor([-1, 0, 1, float('inf'), float('nan')]))",
  "torch.xlogy(torch.tensor([0, 0, 0, 0, 0]), torch.tensor([-1, 0, 1, Infinity, NaN]))")
C("xlogy_scalar", "torch.xlogy(torch.tensor([1, 2, 3]), 3)")
C("xlogy_bcast", "torch.xlogy(torch.tensor([1, 2, 3]), torch.tensor([3, 2, 1]))")
C("clamp", "torch.clamp(torch.tensor([-1.7120, 0.1734, -0.0478, -0.0922]), min=-0.5, max=0.5)", "torch.clamp(torch.tensor([-1.7120, 0.1734, -0.0478, -0.0922]), {min: -0.5, max: 0.5})")
C("clamp_tensor_min", "torch.clamp(torch.linspace(-1, 1, steps=5), min=torch.linspace(1, -1, steps=5))", "torch.clamp(torch.linspace(-1, 1, 5), {min: torch.linspace(1, -1, 5)})")
C("clamp_min_only", "torch.clamp(torch.tensor([-1.0, 2.0]), min=0.5)", "torch.clamp(torch.tensor([-1.0, 2.0]), {min: 0.5})")
C("nan_to_num", "torch.nan_to_num(torch.tensor([float('nan'), float('inf'), -float('inf'), 3.14]))", "torch.nan_to_num(torch.tensor([NaN, Infinity, -Infinity, 3.14]))")
C("nan_to_num_nan", "torch.nan_to_num(torch.tensor([float('nan'), float('inf'), -float('inf'), 3.14]), nan=2.0)", "torch.nan_to_num(torch.tensor([NaN, Infinity, -Infinity, 3.14]), {nan: 2.0})")
C("nan_to_num_all", "torch.nan_to_num(torch.tensor([float('nan'), float('inf'), -float('inf'), 3.14]), nan=2.0, posinf=1.0)", "torch.nan_to_num(torch.tensor([NaN, Infinity, -Infinity, 3.14]), {nan: 2.0, posinf: 1.0})")
C("round", "torch.round(torch.tensor((4.7, -2.3, 9.1, -7.7)))", "torch.round(torch.tensor([4.7, -2.3, 9.1, -7.7]))")
C("round_half_even", "torch.round(torch.tensor([-0.5, 0.5, 1.5, 2.5]))")
C("round_decimals", "torch.round(torch.tensor([0.1234567]), decimals=3)", "torch.round(torch.tensor([0.1234567]), {decimals: 3})")
C("round_decimals_neg", "torch.round(torch.tensor([1200.1234567]), decimals=-3)", "torch.round(torch.tensor([1200.1234567]), {decimals: -3})")
C("trunc", "torch.trunc(torch.tensor([3.4742, 0.5466, -0.8008, -0.9079]))")
C("frac", "torch.frac(torch.tensor([1, 2.5, -3.2]))")
C("ceil", "torch.ceil(torch.tensor([-0.6341, -1.4208, -1.0900, 0.5826]))")
C("floor", "torch.floor(torch.tensor([-0.8166, 1.5308, -0.2530, -0.2091]))")
C("gcd", "torch.gcd(torch.tensor([5, 10, 15]), torch.tensor([3, 4, 5]))")
C("gcd_bcast", "torch.gcd(torch.tensor([5, 10, 15]), torch.tensor([3]))")
C("lcm", "torch.lcm(torch.tensor([5, 10, 15]), torch.tensor([3, 4, 5]))")
C("bitwise_and", "torch.bitwise_and(torch.tensor([-1, -2, 3]), torch.tensor([1, 0, 3]))")
C("bitwise_and_bool", "torch.bitwise_and(torch.tensor([True, True, False]), torch.tensor([False, True, False]))")
C("bitwise_or", "torch.bitwise_or(torch.tensor([-1, -2, 3]), torch.tensor([1, 0, 3]))")
C("bitwise_xor", "torch.bitwise_xor(torch.tensor([-1, -2, 3]), torch.tensor([1, 0, 3]))")
C("bitwise_not", "torch.bitwise_not(torch.tensor([-1, -2, 3]))")
C("maximum", "torch.maximum(torch.tensor((1, 2, -1)), torch.tensor((3, 0, 4)))", "torch.maximum(torch.tensor([1, 2, -1]), torch.tensor([3, 0, 4]))")
C("minimum", "torch.minimum(torch.tensor((1, 2, -1)), torch.tensor((3, 0, 4)))", "torch.minimum(torch.tensor([1, 2, -1]), torch.tensor([3, 0, 4]))")
C("fmax", "torch.fmax(torch.tensor([9.7, float('nan'), 3.1, float('nan')]), torch.tensor([-2.2, 0.5, float('nan'), float('nan')]))",
  "torch.fmax(torch.tensor([9.7, NaN, 3.1, NaN]), torch.tensor([-2.2, 0.5, NaN, NaN]))")
C("fmin", "torch.fmin(torch.tensor([2.2, float('nan'), 2.1, float('nan')]), torch.tensor([-9.3, 0.1, float('nan'), float('nan')]))",
  "torch.fmin(torch.tensor([2.2, NaN, 2.1, NaN]), torch.tensor([-9.3, 0.1, NaN, NaN]))")
C("maximum_nan", "torch.maximum(torch.tensor([1.0, float('nan')]), torch.tensor([float('nan'), 2.0]))", "torch.maximum(torch.tensor([1.0, NaN]), torch.tensor([NaN, 2.0]))")
C("atan2", "torch.atan2(torch.tensor([0.9041, 0.0196, -0.3108, -2.4423]), torch.tensor([1.3266, -0.4403, 0.6224, 0.1150]))")
C("erf", "torch.erf(torch.tensor([0, -1., 10.]))")
C("erfc", "torch.erfc(torch.tensor([0, -1., 10.]))")
C("erfinv", "torch.erfinv(torch.tensor([0, 0.5, -1.]))")
C("lgamma", "torch.lgamma(torch.arange(0.5, 2, 0.5))")
C("digamma", "torch.digamma(torch.tensor([1, 0.5]))")
C("deg2rad", "torch.deg2rad(torch.tensor([[180.0, -180.0], [360.0, -360.0], [90.0, -90.0]]))")
C("rad2deg", "torch.rad2deg(torch.tensor([[3.142, -3.142], [6.283, -6.283], [1.570, -1.570]]))")
C("isclose", "torch.isclose(torch.tensor((1., 2, 3)), torch.tensor((1 + 1e-10, 3, 4)))", "torch.isclose(torch.tensor([1, 2, 3]).float(), torch.tensor([1 + 1e-10, 3, 4]))")
C("isclose_nan", "torch.isclose(torch.tensor((float('inf'), 4)), torch.tensor((float('inf'), 6)), rtol=.5)", "torch.isclose(torch.tensor([Infinity, 4]), torch.tensor([Infinity, 6]), {rtol: 0.5})")
C("allclose", "torch.allclose(torch.tensor([10000., 1e-07]), torch.tensor([10000.1, 1e-08]))")
C("allclose_true", "torch.allclose(torch.tensor([10000., 1e-08]), torch.tensor([10000.1, 1e-09]))")
C("allclose_nan", "torch.allclose(torch.tensor([1.0, float('nan')]), torch.tensor([1.0, float('nan')]), equal_nan=True)", "torch.allclose(torch.tensor([1.0, NaN]), torch.tensor([1.0, NaN]), {equal_nan: true})")
C("equal", "torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2]))")
C("eq", "torch.eq(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]]))")
C("ge", "torch.ge(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[1, 1], [4, 4]]))")
C("isfinite", "torch.isfinite(torch.tensor([1, float('inf'), 2, float('-inf'), float('nan')]))", "torch.isfinite(torch.tensor([1, Infinity, 2, -Infinity, NaN]))")
C("isinf", "torch.isinf(torch.tensor([1, float('inf'), 2, float('-inf'), float('nan')]))", "torch.isinf(torch.tensor([1, Infinity, 2, -Infinity, NaN]))")
C("isnan", "torch.isnan(torch.tensor([1, float('nan'), 2]))", "torch.isnan(torch.tensor([1, NaN, 2]))")
C("logical_and", "torch.logical_and(torch.tensor([True, False, True]), torch.tensor([True, False, False]))")
C("logical_and_num", "torch.logical_and(torch.tensor([0, 1, 10, 0]), torch.tensor([4, 0, 1, 0]))")
C("logical_xor", "torch.logical_xor(torch.tensor([0, 1, 10, 0]), torch.tensor([4, 0, 1, 0]))")
C("logical_not", "torch.logical_not(torch.tensor([0., 1.5, -10.]))")
C("where", "torch.where(torch.tensor([[-0.4620, 0.3139], [0.3898, -0.7197], [0.0478, -0.1657]]) > 0, torch.tensor([[-0.4620, 0.3139], [0.3898, -0.7197], [0.0478, -0.1657]]), torch.ones(3, 2))",
  "torch.where(torch.tensor([[-0.4620, 0.3139], [0.3898, -0.7197], [0.0478, -0.1657]]).gt(0), torch.tensor([[-0.4620, 0.3139], [0.3898, -0.7197], [0.0478, -0.1657]]), torch.ones(3, 2))")
C("where_scalar", "torch.where(torch.tensor([[-0.4620, 0.3139], [0.3898, -0.7197]]) > 0, torch.tensor([[-0.4620, 0.3139], [0.3898, -0.7197]]), 0.)",
  "torch.where(torch.tensor([[-0.4620, 0.3139], [0.3898, -0.7197]]).gt(0), torch.tensor([[-0.4620, 0.3139], [0.3898, -0.7197]]), 0.0)")
C("where_cond_only", "torch.where(torch.tensor([[0, 1], [2, 0]]) > 0)", "torch.where(torch.tensor([[0, 1], [2, 0]]).gt(0))")
C("isin", "torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3]))")
C("isin_invert", "torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3]), invert=True)", "torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3]), {invert: true})")
C("isin_scalar_test", "torch.isin(torch.tensor([1., float('nan'), 3]), 3)", "torch.isin(torch.tensor([1, NaN, 3]), 3)")
C("isin_scalar_elements", "torch.isin(2, torch.tensor([1, 2]))")
C("isposinf", "torch.isposinf(torch.tensor([-float('inf'), float('inf'), 1.2]))", "torch.isposinf(torch.tensor([-Infinity, Infinity, 1.2]))")
C("isneginf", "torch.isneginf(torch.tensor([-float('inf'), float('inf'), 1.2]))", "torch.isneginf(torch.tensor([-Infinity, Infinity, 1.2]))")
C("isposinf_int", "torch.isposinf(torch.tensor([1, 2]))")
C("copysign", "torch.copysign(torch.tensor([-1.2557, -0.0026, -0.5387, 0.4740, -0.9244]), 1)")
C("copysign_tensor", "torch.copysign(torch.tensor([[0.7079, 0.2778, -1.0249, 0.5719], [-0.0059, -0.2600, -0.4475, -1.3948]]), torch.tensor([0.2373, 0.3120, 0.3190, -1.1128]))")
C("copysign_negzero", "torch.copysign(torch.tensor([1.0, 2.0]), -0.0)", "torch.copysign(torch.tensor([1, 2], {dtype: torch.float32}), -0.0)")
C("copysign_int", "torch.copysign(torch.tensor([1, -2, 3]), torch.tensor([-1, 1, -1]))")
C("fix", "torch.fix(torch.tensor([3.4742, 0.5466, -0.8008, -0.9079]))")
C("positive", "torch.positive(torch.tensor([0.0090, -0.2262, -0.0682]))")
C("positive_bool", "torch.positive(torch.tensor([True]))", keys=["bool"])
C("corrcoef", "torch.corrcoef(torch.tensor([[0.7308, 1.0060, 0.5270, 1.4516], [-0.1383, 1.5706, 0.4724, 0.4141], [0.1193, 0.2829, 0.9037, 0.3957]]))")
C("corrcoef_2", "torch.corrcoef(torch.tensor([[0, 1, 2], [2, 1, 0]]))")
C("corrcoef_1d", "torch.corrcoef(torch.tensor([1., 3, 2]))", "torch.corrcoef(torch.tensor([1, 3, 2], {dtype: torch.float32}))")
C("asinh", "torch.asinh(torch.tensor([0.1606, -1.4267, -1.0899, -1.0250]))")
C("acosh", "torch.acosh(torch.tensor([1.3192, 1.9915, 1.9674, 1.7151]))")
C("atanh", "torch.atanh(torch.tensor([-0.9385, 0.2968, -0.8591, -0.1871, 1.0, 1.5]))")
C("arcsinh_method", "torch.tensor([0.5, -2.0]).arcsinh()")
C("torch_conv1d", "torch.conv1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 2, 3) / 10, padding=1)", "torch.conv1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 2, 3).div(10), {padding: 1})")
C("torch_conv_transpose1d", "torch.conv_transpose1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 3, 2) / 10, stride=2)", "torch.conv_transpose1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 3, 2).div(10), {stride: 2})")
C("torch_cosine_similarity", "torch.cosine_similarity(torch.arange(10.).view(2, 5), torch.ones(5), dim=1)", "torch.cosine_similarity(torch.arange(10).float().view(2, 5), torch.ones(5), {dim: 1})")
C("torch_avg_pool1d", "torch.avg_pool1d(torch.tensor([[[1., 2, 3, 4, 5, 6, 7]]]), 3, 2)", "torch.avg_pool1d(torch.tensor([[[1, 2, 3, 4, 5, 6, 7]]], {dtype: torch.float32}), 3, 2)")
C("torch_pixel_shuffle", "torch.pixel_shuffle(torch.arange(16.).view(1, 4, 2, 2), 2)", "torch.pixel_shuffle(torch.arange(16).float().view(1, 4, 2, 2), 2)")
C("torch_pixel_unshuffle", "torch.pixel_unshuffle(torch.arange(16.).view(1, 1, 4, 4), 2)", "torch.pixel_unshuffle(torch.arange(16).float().view(1, 1, 4, 4), 2)")
C("torch_channel_shuffle", "torch.channel_shuffle(torch.arange(8.).view(1, 4, 1, 2), 2)", "torch.channel_shuffle(torch.arange(8).float().view(1, 4, 1, 2), 2)")
# reductions
C("sum_dim", "torch.sum(%s, 1)" % A)
C("sum_dims", "torch.sum(torch.arange(4 * 5 * 6).view(4, 5, 6), (2, 1))", "torch.sum(torch.arange(4 * 5 * 6).view(4, 5, 6), [2, 1])")
C("mean_dim", "torch.mean(%s, 1)" % A)
C("mean_keepdim", "torch.mean(%s, 1, True)" % A)
C("mean_int_error", "torch.mean(torch.tensor([1, 2, 3]))", keys=["mean", "Long"])
C("prod", "torch.prod(torch.tensor([[0.5261, -0.3837], [1.1857, -0.2498], [-1.1646, 0.0705], [1.1131, -1.0629]]), 1)")
C("nansum", "torch.nansum(torch.tensor([1., 2., float('nan'), 4.]))", "torch.nansum(torch.tensor([1, 2, NaN, 4]))")
C("nansum_dim", "torch.nansum(torch.tensor([[1, 2], [3., float('nan')]]), dim=0)", "torch.nansum(torch.tensor([[1, 2], [3, NaN]]), {dim: 0})")
C("nanmean", "torch.nanmean(torch.tensor([[float('nan'), 1], [2, 3]]), dim=1)", "torch.nanmean(torch.tensor([[NaN, 1], [2, 3]]), {dim: 1})")
C("nanmean_all", "torch.nanmean(torch.tensor([[torch.nan, 1, 2], [1, 2, 3]]))", "torch.nanmean(torch.tensor([[NaN, 1, 2], [1, 2, 3]]))")
C("median", "torch.median(torch.tensor([[1.5219, -1.5212, 0.2202]]))")
C("median_even", "torch.median(torch.tensor([1., 4., 2., 3.]))", "torch.median(torch.tensor([1, 4, 2, 3], {dtype: torch.float32}))")
C("median_dim", "tuple(torch.median(%s, 1))" % A, "[...torch.median(%s, 1)]" % A)
C("nanmedian", "torch.nanmedian(torch.tensor([1, float('nan'), 3, 2]))", "torch.nanmedian(torch.tensor([1, NaN, 3, 2]))")
C("median_nan", "torch.median(torch.tensor([1, float('nan'), 3, 2]))", "torch.median(torch.tensor([1, NaN, 3, 2]))")
C("nanmedian_dim", "tuple(torch.nanmedian(torch.tensor([[2, 3, 1], [float('nan'), 1, float('nan')]]), 0))",
  "[...torch.nanmedian(torch.tensor([[2, 3, 1], [NaN, 1, NaN]]), 0)]")
C("quantile", "torch.quantile(torch.tensor([0.0700, -0.5446, 0.9214]), torch.tensor([0, 0.5, 1]))")
C("quantile_scalar", "torch.quantile(torch.tensor([0.0700, -0.5446, 0.9214]), 0.6)")
C("quantile_dim", "torch.quantile(torch.tensor([[0.0795, -1.2117, 0.9765], [1.1707, 0.6706, 0.4884]]), torch.tensor([0.25, 0.5, 0.75]), dim=1, keepdim=True)",
  "torch.quantile(torch.tensor([[0.0795, -1.2117, 0.9765], [1.1707, 0.6706, 0.4884]]), torch.tensor([0.25, 0.5, 0.75]), {dim: 1, keepdim: true})")
for interp in ["linear", "lower", "higher", "nearest", "midpoint"]:
    C("quantile_" + interp, "torch.quantile(torch.arange(4.), 0.6, interpolation='%s')" % interp, "torch.quantile(torch.arange(4).float(), 0.6, {interpolation: '%s'})" % interp)
C("quantile_nan", "torch.quantile(torch.tensor([torch.nan, 1, 2]), 0.5)", "torch.quantile(torch.tensor([NaN, 1, 2]), 0.5)")
C("nanquantile", "torch.nanquantile(torch.tensor([torch.nan, 1, 2]), 0.5)", "torch.nanquantile(torch.tensor([NaN, 1, 2]), 0.5)")
C("nanquantile_dim", "torch.nanquantile(torch.tensor([[torch.nan, torch.nan], [1, 2]]), 0.5, dim=0)", "torch.nanquantile(torch.tensor([[NaN, NaN], [1, 2]]), 0.5, {dim: 0})")
C("nanquantile_dim1", "torch.nanquantile(torch.tensor([[torch.nan, torch.nan], [1, 2]]), 0.5, dim=1)", "torch.nanquantile(torch.tensor([[NaN, NaN], [1, 2]]), 0.5, {dim: 1})")
C("quantile_bad_q", "torch.quantile(torch.tensor([1., 2.]), 1.5)", "torch.quantile(torch.tensor([1, 2], {dtype: torch.float32}), 1.5)", keys=["q", "[0, 1]"])
C("quantile_int_input", "torch.quantile(torch.tensor([1, 2]), 0.5)", keys=["float"])
C("quantile_bad_interpolation", "torch.quantile(torch.arange(4.), 0.5, interpolation='cubic')", "torch.quantile(torch.arange(4).float(), 0.5, {interpolation: 'cubic'})", keys=["interpolation", "cubic"])
C("quantile_keepdim_all", "torch.quantile(torch.arange(6.).view(2, 3), torch.tensor([0.1, 0.9]), keepdim=True)", "torch.quantile(torch.arange(6).float().view(2, 3), torch.tensor([0.1, 0.9]), {keepdim: true})")
C("quantile_neg_dim", "torch.quantile(torch.arange(24.).view(2, 3, 4) ** 1.5, 0.3, dim=-2)", "torch.quantile(torch.arange(24).float().view(2, 3, 4).pow(1.5), 0.3, {dim: -2})")
C("nanquantile_nearest", "torch.nanquantile(torch.tensor([[1., float('nan'), 3, 4, 7], [2, 2, float('nan'), float('nan'), 9]]), torch.tensor([0.25, 0.5, 0.625]), dim=1, interpolation='nearest')",
  "torch.nanquantile(torch.tensor([[1, NaN, 3, 4, 7], [2, 2, NaN, NaN, 9]]), torch.tensor([0.25, 0.5, 0.625]), {dim: 1, interpolation: 'nearest'})")
C("nanmedian_all_nan", "tuple(torch.nanmedian(torch.tensor([[float('nan'), float('nan')], [1., 4.]]), 1))", "[...torch.nanmedian(torch.tensor([[NaN, NaN], [1, 4]]), 1)]")
C("fmax_int", "torch.fmax(torch.tensor([1, 5, 3]), torch.tensor([4, 2, 3]))")
C("fmin_bcast", "torch.fmin(torch.tensor([[1.5], [float('nan')]]), torch.tensor([0.5, float('nan'), 2.5]))", "torch.fmin(torch.tensor([[1.5], [NaN]]), torch.tensor([0.5, NaN, 2.5]))")
C("std_unbiased", "torch.std(torch.tensor([[0.2035, 1.2959, 1.8101, -0.4644], [1.5027, -0.3270, 0.5905, 0.6538], [-1.5745, 1.3330, -0.5596, -0.6548], [0.1264, -0.5080, 1.6420, 0.1992]]), dim=1, unbiased=False, keepdim=True)",
  "torch.std(torch.tensor([[0.2035, 1.2959, 1.8101, -0.4644], [1.5027, -0.3270, 0.5905, 0.6538], [-1.5745, 1.3330, -0.5596, -0.6548], [0.1264, -0.5080, 1.6420, 0.1992]]), {dim: 1, unbiased: false, keepdim: true})")
C("var_correction", "torch.var(%s, dim=1, keepdim=True)" % A, "torch.var(%s, {dim: 1, keepdim: true})" % A)
C("std_mean", "torch.std_mean(%s, dim=0, keepdim=True)" % A, "torch.std_mean(%s, {dim: 0, keepdim: true})" % A)
C("var_mean", "torch.var_mean(%s, dim=1)" % A, "torch.var_mean(%s, {dim: 1})" % A)
C("logsumexp", "torch.logsumexp(%s, 1)" % A)
C("amax", "torch.amax(%s, 1)" % A)
C("amin", "torch.amin(%s, 1)" % A)
C("aminmax", "tuple(torch.aminmax(torch.tensor([1, -3, 5])))", "[...torch.aminmax(torch.tensor([1, -3, 5]))]")
C("aminmax_dim", "tuple(torch.aminmax(torch.arange(10).view(2, 5), dim=0, keepdim=True))", "[...torch.aminmax(torch.arange(10).view(2, 5), {dim: 0, keepdim: true})]")
C("argmax", "torch.argmax(%s, dim=1)" % A, "torch.argmax(%s, {dim: 1})" % A)
C("argmax_all", "torch.argmax(%s)" % A)
C("argmin_keepdim", "torch.argmin(%s, dim=1, keepdim=True)" % A, "torch.argmin(%s, {dim: 1, keepdim: true})" % A)
C("max_all", "torch.max(torch.tensor([[0.6763, 0.7445, -2.2369]]))")
C("max_dim", "tuple(torch.max(%s, 1))" % A, "[...torch.max(%s, 1)]" % A)
C("max_binary", "torch.max(torch.tensor([1, 5, 2]), torch.tensor([3, 0, 4]))")
C("min_dim", "tuple(torch.min(%s, 1))" % A, "[...torch.min(%s, 1)]" % A)
C("all", "torch.all(torch.tensor([[True, False]]))")
C("all_dim", "torch.all(torch.arange(1, 7).view(2, 3), dim=1)", "torch.all(torch.arange(1, 7).view(2, 3), {dim: 1})")
C("all_dim0", "torch.all(torch.tensor([[1, 0], [1, 1]]), dim=0)", "torch.all(torch.tensor([[1, 0], [1, 1]]), {dim: 0})")
C("any", "torch.any(torch.tensor([[False, True]]))")
C("any_dim", "torch.any(torch.tensor([[0.0, 0.0], [0.0, 1.0], [0.0, 0.0]]) > 0.5, 1)", "torch.any(torch.tensor([[0.0, 0.0], [0.0, 1.0], [0.0, 0.0]]).gt(0.5), 1)")
C("count_nonzero", "torch.count_nonzero(torch.tensor([[0., 1.1, 0.], [1.1, 0., 0.], [1.1, 0., 1.1]]))")
C("count_nonzero_dim", "torch.count_nonzero(torch.tensor([[0., 1.1, 0.], [1.1, 0., 0.], [1.1, 0., 1.1]]), dim=0)", "torch.count_nonzero(torch.tensor([[0, 1.1, 0], [1.1, 0, 0], [1.1, 0, 1.1]]), {dim: 0})")
C("norm", "torch.norm(torch.arange(9, dtype=torch.float) - 4)", "torch.norm(torch.arange(9, {dtype: torch.float}).sub(4))")
C("norm_inf", "torch.norm(torch.arange(9, dtype=torch.float) - 4, float('inf'))", "torch.norm(torch.arange(9, {dtype: torch.float}).sub(4), Infinity)")
C("norm_dim", "torch.norm(torch.tensor([[1, 2, 3], [-1, 1, 4]], dtype=torch.float), dim=0)", "torch.norm(torch.tensor([[1, 2, 3], [-1, 1, 4]], {dtype: torch.float}), {dim: 0})")
C("norm_p1_dim", "torch.norm(torch.tensor([[1, 2, 3], [-1, 1, 4]], dtype=torch.float), p=1, dim=1)", "torch.norm(torch.tensor([[1, 2, 3], [-1, 1, 4]], {dtype: torch.float}), {p: 1, dim: 1})")
C("norm_dims", "torch.norm(torch.arange(8, dtype=torch.float).reshape(2, 2, 2), dim=(1, 2))", "torch.norm(torch.arange(8, {dtype: torch.float}).reshape(2, 2, 2), {dim: [1, 2]})")
C("dist", "torch.dist(torch.tensor([-1.5393, -0.8675, 0.5916, 1.6321]), torch.tensor([0.0967, -1.0511, 0.6295, 0.8360]), 3.5)")
C("dist_inf", "torch.dist(torch.tensor([-1.5393, -0.8675]), torch.tensor([0.0967, -1.0511]), float('inf'))", "torch.dist(torch.tensor([-1.5393, -0.8675]), torch.tensor([0.0967, -1.0511]), Infinity)")
C("cumsum", "torch.cumsum(torch.tensor([-0.8286, -0.4890, 0.5155, 0.8443, 0.1865, -0.1752, -2.0595, 0.1850, -1.1571, -0.4243]), dim=0)",
  "torch.cumsum(torch.tensor([-0.8286, -0.4890, 0.5155, 0.8443, 0.1865, -0.1752, -2.0595, 0.1850, -1.1571, -0.4243]), {dim: 0})")
C("cumprod", "torch.cumprod(torch.tensor([0.6001, 0.2069, -0.1919, 0.9792, 0.6727, 1.0062, 0.4126, -0.2129, -0.4206, 0.1968]), dim=0)",
  "torch.cumprod(torch.tensor([0.6001, 0.2069, -0.1919, 0.9792, 0.6727, 1.0062, 0.4126, -0.2129, -0.4206, 0.1968]), {dim: 0})")
C("cummax", "tuple(torch.cummax(torch.tensor([-0.3449, -1.5447, 0.0685, -1.5104, -1.1706, 0.2259, 1.4696, -1.3284, 1.9946, -0.8209]), dim=0))",
  "[...torch.cummax(torch.tensor([-0.3449, -1.5447, 0.0685, -1.5104, -1.1706, 0.2259, 1.4696, -1.3284, 1.9946, -0.8209]), {dim: 0})]")
C("cummin", "tuple(torch.cummin(torch.tensor([-0.2284, -0.6628, 0.0975, 0.2680, -1.3298, -0.4220, -0.3885, 1.1762, 0.9165, 1.6684]), dim=0))",
  "[...torch.cummin(torch.tensor([-0.2284, -0.6628, 0.0975, 0.2680, -1.3298, -0.4220, -0.3885, 1.1762, 0.9165, 1.6684]), {dim: 0})]")
C("logcumsumexp", "torch.logcumsumexp(torch.tensor([-0.2284, -0.6628, 0.0975, 0.2680, -1.3298]), dim=0)", "torch.logcumsumexp(torch.tensor([-0.2284, -0.6628, 0.0975, 0.2680, -1.3298]), {dim: 0})")
C("diff", "torch.diff(torch.tensor([1, 3, 2]))")
C("diff_append", "torch.diff(torch.tensor([1, 3, 2]), append=torch.tensor([4, 5]))", "torch.diff(torch.tensor([1, 3, 2]), {append: torch.tensor([4, 5])})")
C("diff_dim0", "torch.diff(torch.tensor([[1, 2, 3], [3, 4, 5]]), dim=0)", "torch.diff(torch.tensor([[1, 2, 3], [3, 4, 5]]), {dim: 0})")
C("diff_dim1", "torch.diff(torch.tensor([[1, 2, 3], [3, 4, 5]]), dim=1)", "torch.diff(torch.tensor([[1, 2, 3], [3, 4, 5]]), {dim: 1})")
C("trace", "torch.trace(torch.arange(1., 10.).view(3, 3))", "torch.trace(torch.arange(1, 10).float().view(3, 3))")
C("bincount", "torch.bincount(torch.tensor([4, 3, 6, 3, 4]))")
C("bincount_weights", "torch.bincount(torch.tensor([4, 3, 6, 3, 4]), weights=torch.linspace(0, 1, steps=5))", "torch.bincount(torch.tensor([4, 3, 6, 3, 4]), {weights: torch.linspace(0, 1, 5)})")
C("histc", "torch.histc(torch.tensor([1., 2, 1]), bins=4, min=0, max=3)", "torch.histc(torch.tensor([1, 2, 1]).float(), {bins: 4, min: 0, max: 3})")
C("bucketize", "torch.bucketize(torch.tensor([[3, 6, 9], [3, 6, 9]]), torch.tensor([1, 3, 5, 7, 9]))")
C("bucketize_right", "torch.bucketize(torch.tensor([[3, 6, 9], [3, 6, 9]]), torch.tensor([1, 3, 5, 7, 9]), right=True)", "torch.bucketize(torch.tensor([[3, 6, 9], [3, 6, 9]]), torch.tensor([1, 3, 5, 7, 9]), {right: true})")
C("searchsorted", "torch.searchsorted(torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]), torch.tensor([[3, 6, 9], [3, 6, 9]]))")
C("searchsorted_right", "torch.searchsorted(torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]), torch.tensor([[3, 6, 9], [3, 6, 9]]), right=True)",
  "torch.searchsorted(torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]), torch.tensor([[3, 6, 9], [3, 6, 9]]), {right: true})")
C("searchsorted_side", "torch.searchsorted(torch.tensor([1, 2, 2, 3]), torch.tensor([2]), side='right')", "torch.searchsorted(torch.tensor([1, 2, 2, 3]), torch.tensor([2]), {side: 'right'})")
C("unique", "torch.unique(torch.tensor([1, 3, 2, 3]))")
C("unique_inverse", "torch.unique(torch.tensor([[1, 3], [2, 3]]), sorted=True, return_inverse=True)", "torch.unique(torch.tensor([[1, 3], [2, 3]]), {sorted: true, return_inverse: true})")
C("unique_counts", "torch.unique(torch.tensor([1, 3, 2, 3]), return_counts=True)", "torch.unique(torch.tensor([1, 3, 2, 3]), {return_counts: true})")
C("unique_consecutive", "torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1, 1, 2]))")
C("unique_consecutive_all", "torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1, 1, 2]), return_inverse=True, return_counts=True)",
  "torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 3, 1, 1, 2]), {return_inverse: true, return_counts: true})")
C("sort", "tuple(torch.sort(%s))" % A, "[...torch.sort(%s)]" % A)
C("sort_dim0", "tuple(torch.sort(%s, 0))" % A, "[...torch.sort(%s, 0)]" % A)
C("sort_stable", "tuple(torch.sort(torch.tensor([0, 1] * 9), stable=True))", "[...torch.sort(torch.tensor([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]), {stable: true})]")
C("argsort", "torch.argsort(%s, dim=1)" % A, "torch.argsort(%s, {dim: 1})" % A)
C("msort", "torch.msort(%s)" % A)
C("topk", "tuple(torch.topk(torch.arange(1., 6.), 3))", "[...torch.topk(torch.arange(1, 6).float(), 3)]")
C("topk_smallest", "tuple(torch.topk(torch.tensor([3., 1, 4, 1, 5]), 2, largest=False))", "[...torch.topk(torch.tensor([3, 1, 4, 1, 5]).float(), 2, {largest: false})]")
C("kthvalue", "tuple(torch.kthvalue(torch.arange(1., 6.), 4))", "[...torch.kthvalue(torch.arange(1, 6).float(), 4)]")
C("kthvalue_dim", "tuple(torch.kthvalue(torch.arange(1., 7.).resize_(2, 3), 2, 0, True))", "[...torch.kthvalue(torch.arange(1, 7).float().reshape(2, 3), 2, 0, true)]")
C("mode", "tuple(torch.mode(torch.tensor([[6, 5, 1, 0, 2], [0, 0, 6, 0, 2]]), 0))", "[...torch.mode(torch.tensor([[6, 5, 1, 0, 2], [0, 0, 6, 0, 2]]), 0)]")
# indexing, scatter, gather
C("gather", "torch.gather(torch.tensor([[1, 2], [3, 4]]), 1, torch.tensor([[0, 0], [1, 0]]))")
C("take", "torch.take(torch.tensor([[4, 3, 5], [6, 7, 8]]), torch.tensor([0, 2, 5]))")
C("take_along_dim", "torch.take_along_dim(torch.tensor([[10, 30, 20], [60, 40, 50]]), torch.argmax(torch.tensor([[10, 30, 20], [60, 40, 50]])))",
  "torch.take_along_dim(torch.tensor([[10, 30, 20], [60, 40, 50]]), torch.argmax(torch.tensor([[10, 30, 20], [60, 40, 50]])))")
C("take_along_dim_sort", "torch.take_along_dim(torch.tensor([[10, 30, 20], [60, 40, 50]]), torch.argsort(torch.tensor([[10, 30, 20], [60, 40, 50]]), dim=1), dim=1)",
  "torch.take_along_dim(torch.tensor([[10, 30, 20], [60, 40, 50]]), torch.argsort(torch.tensor([[10, 30, 20], [60, 40, 50]]), {dim: 1}), {dim: 1})")
C("index_select0", "torch.index_select(%s, 0, torch.tensor([0, 2]))" % A)
C("index_select1", "torch.index_select(%s, 1, torch.tensor([0, 2]))" % A)
C("masked_select", "torch.masked_select(%s, %s.ge(0.5))" % (A, A))
C("nonzero", "torch.nonzero(torch.tensor([1, 1, 1, 0, 1]))")
C("nonzero_2d", "torch.nonzero(torch.tensor([[0.6, 0.0, 0.0, 0.0], [0.0, 0.4, 0.0, 0.0], [0.0, 0.0, 1.2, 0.0], [0.0, 0.0, 0.0, -0.4]]))")
C("nonzero_tuple", "torch.nonzero(torch.tensor([1, 1, 1, 0, 1]), as_tuple=True)", "torch.nonzero(torch.tensor([1, 1, 1, 0, 1]), {as_tuple: true})")
C("argwhere", "torch.argwhere(torch.tensor([[1, 0, 1], [0, 1, 1]]))")
C("scatter", "torch.zeros(3, 5, dtype=torch.int64).scatter_(0, torch.tensor([[0, 1, 2, 0]]), torch.arange(1, 11).reshape((2, 5)))",
  "torch.zeros(3, 5, {dtype: torch.int64}).scatter_(0, torch.tensor([[0, 1, 2, 0]]), torch.arange(1, 11).reshape([2, 5]))")
C("scatter_dim1", "torch.zeros(3, 5, dtype=torch.int64).scatter(1, torch.tensor([[0, 1, 2], [0, 1, 4]]), torch.arange(1, 11).reshape((2, 5)))",
  "torch.zeros(3, 5, {dtype: torch.int64}).scatter(1, torch.tensor([[0, 1, 2], [0, 1, 4]]), torch.arange(1, 11).reshape([2, 5]))")
C("scatter_value", "torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23)", "torch.full([2, 4], 2, {dtype: torch.float32}).scatter_(1, torch.tensor([[2], [3]]), 1.23)")
C("scatter_multiply", "torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='multiply')", "torch.full([2, 4], 2, {dtype: torch.float32}).scatter_(1, torch.tensor([[2], [3]]), 1.23, {reduce: 'multiply'})")
C("scatter_add_reduce", "torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='add')", "torch.full([2, 4], 2, {dtype: torch.float32}).scatter_(1, torch.tensor([[2], [3]]), 1.23, {reduce: 'add'})")
C("scatter_add", "torch.zeros(3, 5, dtype=torch.float).scatter_add_(0, torch.tensor([[0, 1, 2, 0, 0]]), torch.ones((2, 5)))",
  "torch.zeros(3, 5, {dtype: torch.float}).scatter_add_(0, torch.tensor([[0, 1, 2, 0, 0]]), torch.ones([2, 5]))")
C("scatter_add2", "torch.zeros(3, 5, dtype=torch.float).scatter_add_(0, torch.tensor([[0, 1, 2, 0, 0], [0, 1, 2, 2, 2]]), torch.ones((2, 5)))",
  "torch.zeros(3, 5, {dtype: torch.float}).scatter_add_(0, torch.tensor([[0, 1, 2, 0, 0], [0, 1, 2, 2, 2]]), torch.ones([2, 5]))")
C("index_add", "torch.ones(5, 3).index_add_(0, torch.tensor([0, 4, 2]), torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float))",
  "torch.ones(5, 3).index_add_(0, torch.tensor([0, 4, 2]), torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], {dtype: torch.float}))")
C("index_add_alpha", "torch.ones(5, 3).index_add(0, torch.tensor([0, 4, 2]), torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float), alpha=-1)",
  "torch.ones(5, 3).index_add(0, torch.tensor([0, 4, 2]), torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], {dtype: torch.float}), {alpha: -1})")
C("index_copy", "torch.zeros(5, 3).index_copy_(0, torch.tensor([0, 4, 2]), torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float))",
  "torch.zeros(5, 3).index_copy_(0, torch.tensor([0, 4, 2]), torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], {dtype: torch.float}))")
C("index_fill", "torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=torch.float).index_fill_(1, torch.tensor([0, 2]), -1)",
  "torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], {dtype: torch.float}).index_fill_(1, torch.tensor([0, 2]), -1)")
C("masked_fill", "torch.arange(6.).view(2, 3).masked_fill(torch.tensor([[True, False, True], [False, False, True]]), -1.5)",
  "torch.arange(6).float().view(2, 3).masked_fill(torch.tensor([[true, false, true], [false, false, true]]), -1.5)")
C("masked_scatter", "torch.zeros(2, 3).masked_scatter(torch.tensor([[True, False, True], [False, True, False]]), torch.arange(1., 7.).view(2, 3))",
  "torch.zeros(2, 3).masked_scatter(torch.tensor([[true, false, true], [false, true, false]]), torch.arange(1, 7).float().view(2, 3))")
C("put", "torch.tensor([[1, 2, 3], [4, 5, 6]]).put_(torch.tensor([1, 3]), torch.tensor([9, 10]))")
C("put_accumulate", "torch.tensor([[1, 2, 3], [4, 5, 6]]).put_(torch.tensor([1, 1]), torch.tensor([9, 10]), accumulate=True)", "torch.tensor([[1, 2, 3], [4, 5, 6]]).put_(torch.tensor([1, 1]), torch.tensor([9, 10]), {accumulate: true})")
C("index_put", "torch.zeros(3, 3).index_put((torch.tensor([0, 2]), torch.tensor([1, 0])), torch.tensor(5.))", "torch.zeros(3, 3).index_put([torch.tensor([0, 2]), torch.tensor([1, 0])], torch.tensor(5, {dtype: torch.float32}))")
SR_PY = "torch.tensor([1., 2., 3., 4.]).scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 1]), torch.tensor([1., 2., 3., 4., 5., 6.]), reduce='%s'%s)"
SR_TS = "torch.tensor([1, 2, 3, 4], {dtype: torch.float32}).scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 1]), torch.tensor([1, 2, 3, 4, 5, 6], {dtype: torch.float32}), '%s'%s)"
for red in ["sum", "prod", "mean", "amax", "amin"]:
    C("scatter_reduce_" + red, SR_PY % (red, ""), SR_TS % (red, ""))
    C("scatter_reduce_%s_no_self" % red, SR_PY % (red, ", include_self=False"), SR_TS % (red, ", {include_self: false}"))
C("scatter_reduce_amax_docs", "torch.tensor([5., 4., 3., 2.]).scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 1]), torch.tensor([1., 2., 3., 4., 5., 6.]), reduce='amax')",
  "torch.tensor([5, 4, 3, 2], {dtype: torch.float32}).scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 1]), torch.tensor([1, 2, 3, 4, 5, 6], {dtype: torch.float32}), {reduce: 'amax'})")
C("scatter_reduce_2d_int_mean", "torch.tensor([[1, 2], [3, 4]]).scatter_reduce(1, torch.tensor([[0, 0, 1], [1, 1, 1]]), torch.tensor([[5, 6, 7], [1, -8, 2]]), 'mean')",
  "torch.tensor([[1, 2], [3, 4]]).scatter_reduce(1, torch.tensor([[0, 0, 1], [1, 1, 1]]), torch.tensor([[5, 6, 7], [1, -8, 2]]), 'mean')")
C("torch_scatter_reduce", "torch.scatter_reduce(torch.zeros(3), 0, torch.tensor([0, 2, 0]), torch.tensor([1., 2., 3.]), 'sum', include_self=False)",
  "torch.scatter_reduce(torch.zeros(3), 0, torch.tensor([0, 2, 0]), torch.tensor([1, 2, 3], {dtype: torch.float32}), 'sum', {include_self: false})")
C("scatter_reduce_inplace", "out = torch.tensor([1., 2., 3.])\nout.scatter_reduce_(0, torch.tensor([2, 2]), torch.tensor([4., 0.5]), 'prod')",
  "const out = torch.tensor([1, 2, 3], {dtype: torch.float32});\nout.scatter_reduce_(0, torch.tensor([2, 2]), torch.tensor([4, 0.5]), 'prod');\nreturn out;")
C("scatter_reduce_bad", "torch.zeros(3).scatter_reduce(0, torch.tensor([0]), torch.ones(1), 'max')", "torch.zeros(3).scatter_reduce(0, torch.tensor([0]), torch.ones(1), 'max')", keys=["reduce", "amax"])
C("gather_oob", "torch.gather(torch.tensor([[1, 2], [3, 4]]), 1, torch.tensor([[0, 2]]))", keys=["index", "2"])
# shape ops
C("cat", "torch.cat((torch.tensor([[0.6580, -1.0969, -0.4614], [-0.1034, -0.5790, 0.1497]]),) * 3, 0)",
  "torch.cat([torch.tensor([[0.6580, -1.0969, -0.4614], [-0.1034, -0.5790, 0.1497]]), torch.tensor([[0.6580, -1.0969, -0.4614], [-0.1034, -0.5790, 0.1497]]), torch.tensor([[0.6580, -1.0969, -0.4614], [-0.1034, -0.5790, 0.1497]])], 0)")
C("cat_dim1", "torch.cat((torch.arange(6).view(2, 3), torch.arange(4).view(2, 2)), 1)", "torch.cat([torch.arange(6).view(2, 3), torch.arange(4).view(2, 2)], 1)")
C("stack", "torch.stack((torch.arange(3), torch.arange(3, 6)), dim=1)", "torch.stack([torch.arange(3), torch.arange(3, 6)], {dim: 1})")
C("hstack", "torch.hstack((torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])))", "torch.hstack([torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])])")
C("hstack_2d", "torch.hstack((torch.tensor([[1], [2], [3]]), torch.tensor([[4], [5], [6]])))", "torch.hstack([torch.tensor([[1], [2], [3]]), torch.tensor([[4], [5], [6]])])")
C("vstack", "torch.vstack((torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])))", "torch.vstack([torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])])")
C("dstack", "torch.dstack((torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])))", "torch.dstack([torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])])")
C("column_stack", "torch.column_stack((torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])))", "torch.column_stack([torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])])")
C("column_stack_mixed", "torch.column_stack((torch.arange(5), torch.arange(10).reshape(5, 2), torch.arange(10).reshape(5, 2)))",
  "torch.column_stack([torch.arange(5), torch.arange(10).reshape(5, 2), torch.arange(10).reshape(5, 2)])")
C("atleast_2d", "torch.atleast_2d(torch.tensor(1.))", "torch.atleast_2d(torch.tensor(1, {dtype: torch.float32}))")
C("atleast_3d", "torch.atleast_3d(torch.arange(4).view(2, 2))")
C("split_int", "torch.arange(10).reshape(5, 2).split(2)", "torch.arange(10).reshape(5, 2).split(2)")
C("split_list", "torch.split(torch.arange(10).reshape(5, 2), [1, 4])")
C("chunk", "torch.arange(11).chunk(6)")
C("chunk_12", "torch.arange(12).chunk(6)")
C("chunk_13", "torch.arange(13).chunk(6)")
C("tensor_split", "torch.tensor_split(torch.arange(8), 3)")
C("tensor_split_idx", "torch.tensor_split(torch.arange(7), (1, 6))", "torch.tensor_split(torch.arange(7), [1, 6])")
C("tensor_split_dim", "torch.tensor_split(torch.arange(14).reshape(2, 7), 3, dim=1)", "torch.tensor_split(torch.arange(14).reshape(2, 7), 3, {dim: 1})")
C("hsplit", "torch.hsplit(torch.arange(16.0).reshape(4, 4), 2)", "torch.hsplit(torch.arange(16).float().reshape(4, 4), 2)")
C("hsplit_idx", "torch.hsplit(torch.arange(16.0).reshape(4, 4), [3, 6])", "torch.hsplit(torch.arange(16).float().reshape(4, 4), [3, 6])")
C("vsplit", "torch.vsplit(torch.arange(16.0).reshape(4, 4), [3, 6])", "torch.vsplit(torch.arange(16).float().reshape(4, 4), [3, 6])")
C("dsplit", "torch.dsplit(torch.arange(16.0).reshape(2, 2, 4), [3, 6])", "torch.dsplit(torch.arange(16).float().reshape(2, 2, 4), [3, 6])")
C("unbind", "torch.unbind(torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))")
C("movedim", "torch.movedim(torch.arange(6).reshape(3, 2, 1), 1, 0).shape", "torch.movedim(torch.arange(6).reshape(3, 2, 1), 1, 0).shape")
C("movedim_vals", "torch.movedim(torch.arange(6).reshape(3, 2, 1), 1, 0)")
C("movedim_tuple", "torch.movedim(torch.arange(6).reshape(3, 2, 1), (1, 2), (0, 1))", "torch.movedim(torch.arange(6).reshape(3, 2, 1), [1, 2], [0, 1])")
C("moveaxis", "torch.moveaxis(torch.arange(6).reshape(3, 2, 1), (1, 2), (0, 1)).shape", "torch.moveaxis(torch.arange(6).reshape(3, 2, 1), [1, 2], [0, 1]).shape")
C("movedim_repeat", "torch.movedim(torch.arange(6).reshape(3, 2, 1), (0, 0), (1, 2))", "torch.movedim(torch.arange(6).reshape(3, 2, 1), [0, 0], [1, 2])", keys=["movedim", "repeated"])
C("unflatten", "torch.arange(8).unflatten(0, (2, 4))", "torch.arange(8).unflatten(0, [2, 4])")
C("unflatten_shape", "torch.zeros(3, 4, 1).unflatten(1, (2, 2)).shape", "torch.zeros(3, 4, 1).unflatten(1, [2, 2]).shape")
C("unflatten_neg", "torch.zeros(3, 4, 1).unflatten(1, (-1, 2)).shape", "torch.zeros(3, 4, 1).unflatten(1, [-1, 2]).shape")
C("unflatten_mod", "torch.zeros(5, 12, 3).unflatten(-2, (2, 2, 3, 1, 1)).shape", "torch.zeros(5, 12, 3).unflatten(-2, [2, 2, 3, 1, 1]).shape")
C("unflatten_bad", "torch.zeros(3, 4, 1).unflatten(1, (3, 2))", "torch.zeros(3, 4, 1).unflatten(1, [3, 2])", keys=["3", "2", "4"])
C("flatten", "torch.flatten(torch.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]))")
C("flatten_start", "torch.flatten(torch.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), start_dim=1)", "torch.flatten(torch.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), {start_dim: 1})")
C("diagonal", "torch.diagonal(torch.arange(9.).view(3, 3), 0)", "torch.diagonal(torch.arange(9).float().view(3, 3), 0)")
C("diagonal_off", "torch.diagonal(torch.arange(9.).view(3, 3), 1)", "torch.diagonal(torch.arange(9).float().view(3, 3), 1)")
C("diagonal_dims", "torch.diagonal(torch.arange(24.).view(2, 3, 4), offset=-1, dim1=1, dim2=2)", "torch.diagonal(torch.arange(24).float().view(2, 3, 4), {offset: -1, dim1: 1, dim2: 2})")
C("diagonal_dims02", "torch.diagonal(torch.arange(24.).view(2, 3, 4), offset=1, dim1=0, dim2=2)", "torch.diagonal(torch.arange(24).float().view(2, 3, 4), {offset: 1, dim1: 0, dim2: 2})")
C("diagonal_far", "torch.diagonal(torch.arange(9.).view(3, 3), 5)", "torch.diagonal(torch.arange(9).float().view(3, 3), 5)")
C("squeeze", "torch.squeeze(torch.zeros(2, 1, 2, 1, 2)).shape", "torch.squeeze(torch.zeros(2, 1, 2, 1, 2)).shape")
C("squeeze_dim", "torch.squeeze(torch.zeros(2, 1, 2, 1, 2), 1).shape", "torch.squeeze(torch.zeros(2, 1, 2, 1, 2), 1).shape")
C("squeeze_dim_noop", "torch.squeeze(torch.zeros(2, 1, 2, 1, 2), 0).shape", "torch.squeeze(torch.zeros(2, 1, 2, 1, 2), 0).shape")
C("unsqueeze", "torch.unsqueeze(torch.tensor([1, 2, 3, 4]), 1)")
C("transpose", "torch.transpose(torch.arange(6.).view(2, 3), 0, 1)", "torch.transpose(torch.arange(6).float().view(2, 3), 0, 1)")
C("permute", "torch.permute(torch.zeros(2, 3, 5), (2, 0, 1)).shape", "torch.permute(torch.zeros(2, 3, 5), [2, 0, 1]).shape")
C("swapaxes", "torch.swapaxes(torch.tensor([[[0, 1], [2, 3]], [[4, 5], [6, 7]]]), 0, 2)")
C("t", "torch.t(torch.arange(6).view(2, 3))")
C("flip", "torch.flip(torch.arange(8).view(2, 2, 2), [0, 1])")
C("fliplr", "torch.fliplr(torch.arange(4).view(2, 2))")
C("flipud", "torch.flipud(torch.arange(4).view(2, 2))")
C("roll", "torch.roll(torch.tensor([1, 2, 3, 4, 5, 6, 7, 8]).view(4, 2), 1)")
C("roll_dim0", "torch.roll(torch.tensor([1, 2, 3, 4, 5, 6, 7, 8]).view(4, 2), 1, 0)")
C("roll_neg", "torch.roll(torch.tensor([1, 2, 3, 4, 5, 6, 7, 8]).view(4, 2), -1, 0)")
C("roll_multi", "torch.roll(torch.tensor([1, 2, 3, 4, 5, 6, 7, 8]).view(4, 2), shifts=(2, 1), dims=(0, 1))", "torch.roll(torch.tensor([1, 2, 3, 4, 5, 6, 7, 8]).view(4, 2), [2, 1], [0, 1])")
C("rot90", "torch.rot90(torch.arange(4).view(2, 2), 1, [0, 1])")
C("rot90_3d", "torch.rot90(torch.arange(8).view(2, 2, 2), 1, [1, 2])")
C("rot90_neg", "torch.rot90(torch.arange(4).view(2, 2), -1, [0, 1])")
C("tile", "torch.tile(torch.tensor([1, 2, 3]), (2,))", "torch.tile(torch.tensor([1, 2, 3]), [2])")
C("tile_2d", "torch.tile(torch.tensor([[1, 2], [3, 4]]), (2, 2))", "torch.tile(torch.tensor([[1, 2], [3, 4]]), [2, 2])")
C("repeat", "torch.tensor([1, 2, 3]).repeat(4, 2)")
C("repeat_shape", "torch.tensor([1, 2, 3]).repeat(4, 2, 1).size()", "torch.tensor([1, 2, 3]).repeat(4, 2, 1).size()")
C("repeat_interleave", "torch.tensor([1, 2, 3]).repeat_interleave(2)")
C("repeat_interleave_dim", "torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), 3, dim=1)", "torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), 3, {dim: 1})")
C("repeat_interleave_tensor", "torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2]), dim=0)", "torch.repeat_interleave(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 2]), {dim: 0})")
C("narrow", "torch.narrow(torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), 0, 0, 2)")
C("narrow_dim1", "torch.narrow(torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), 1, 1, 2)")
C("tril", "torch.tril(%s)" % A)
C("tril_neg", "torch.tril(%s, diagonal=-1)" % A, "torch.tril(%s, {diagonal: -1})" % A)
C("triu_pos", "torch.triu(%s, diagonal=1)" % A, "torch.triu(%s, {diagonal: 1})" % A)
C("broadcast_to", "torch.broadcast_to(torch.tensor([1, 2, 3]), (3, 3))", "torch.broadcast_to(torch.tensor([1, 2, 3]), [3, 3])")
C("broadcast_tensors", "torch.broadcast_tensors(torch.arange(3).view(1, 3), torch.arange(2).view(2, 1))")
C("broadcast_shapes", "torch.broadcast_shapes((2,), (3, 1), (1, 1, 1))", "torch.broadcast_shapes([2], [3, 1], [1, 1, 1])")
C("view_neg", "torch.arange(16.).view(-1, 8).size()", "torch.arange(16).float().view(-1, 8).size()")
C("reshape", "torch.reshape(torch.arange(4.), (2, 2))", "torch.reshape(torch.arange(4).float(), [2, 2])")
C("reshape_neg", "torch.reshape(torch.tensor([[0, 1], [2, 3]]), (-1,))", "torch.reshape(torch.tensor([[0, 1], [2, 3]]), [-1])")
C("unfold_tensor", "torch.arange(1., 8).unfold(0, 2, 1)", "torch.arange(1, 8).float().unfold(0, 2, 1)")
C("unfold_tensor_step", "torch.arange(1., 8).unfold(0, 2, 2)", "torch.arange(1, 8).float().unfold(0, 2, 2)")
C("kron", "torch.kron(torch.eye(2), torch.ones(2, 2))")
C("kron_2", "torch.kron(torch.arange(1, 10).reshape(3, 3), torch.arange(1, 5).reshape(2, 2))")
C("cross", "torch.cross(torch.tensor([[1., 0, 0], [0, 1, 0]]), torch.tensor([[0., 1, 0], [0, 0, 1]]), dim=1)", "torch.cross(torch.tensor([[1, 0, 0], [0, 1, 0]]).float(), torch.tensor([[0, 1, 0], [0, 0, 1]]).float(), {dim: 1})")
C("tensordot", "torch.tensordot(torch.arange(60.).reshape(3, 4, 5), torch.arange(24.).reshape(4, 3, 2), dims=([1, 0], [0, 1]))",
  "torch.tensordot(torch.arange(60).float().reshape(3, 4, 5), torch.arange(24).float().reshape(4, 3, 2), {dims: [[1, 0], [0, 1]]})")
C("einsum_trace", "torch.einsum('ii', torch.arange(9.).view(3, 3))", "torch.einsum('ii', torch.arange(9).float().view(3, 3))")
C("einsum_outer", "torch.einsum('i,j->ij', torch.arange(5.), torch.arange(4.))", "torch.einsum('i,j->ij', torch.arange(5).float(), torch.arange(4).float())")
C("einsum_bmm", "torch.einsum('bij,bjk->bik', torch.arange(30.).view(2, 3, 5), torch.arange(40.).view(2, 5, 4))", "torch.einsum('bij,bjk->bik', torch.arange(30).float().view(2, 3, 5), torch.arange(40).float().view(2, 5, 4))")
C("einsum_ellipsis", "torch.einsum('...ij->...ji', torch.arange(6.).view(1, 2, 3))", "torch.einsum('...ij->...ji', torch.arange(6).float().view(1, 2, 3))")
C("matmul_vv", "torch.matmul(torch.arange(3.), torch.arange(3.))", "torch.matmul(torch.arange(3).float(), torch.arange(3).float())")
C("matmul_mv", "torch.matmul(torch.arange(12.).view(3, 4), torch.arange(4.))", "torch.matmul(torch.arange(12).float().view(3, 4), torch.arange(4).float())")
C("matmul_bmv", "torch.matmul(torch.arange(24.).view(2, 3, 4), torch.arange(4.))", "torch.matmul(torch.arange(24).float().view(2, 3, 4), torch.arange(4).float())")
C("matmul_bbcast", "torch.matmul(torch.arange(24.).view(2, 3, 4), torch.arange(8.).view(4, 2))", "torch.matmul(torch.arange(24).float().view(2, 3, 4), torch.arange(8).float().view(4, 2))")
C("matmul_bad", "torch.matmul(torch.ones(2, 3), torch.ones(2, 3))", keys=["2x3", "2x3"])
C("addmm", "torch.addmm(torch.ones(2, 3), torch.arange(6.).view(2, 3), torch.arange(9.).view(3, 3))", "torch.addmm(torch.ones(2, 3), torch.arange(6).float().view(2, 3), torch.arange(9).float().view(3, 3))")
C("addmv", "torch.addmv(torch.ones(2), torch.arange(6.).view(2, 3), torch.arange(3.))", "torch.addmv(torch.ones(2), torch.arange(6).float().view(2, 3), torch.arange(3).float())")
C("addr", "torch.addr(torch.zeros(3, 2), torch.arange(1., 4.), torch.arange(1., 3.))", "torch.addr(torch.zeros(3, 2), torch.arange(1, 4).float(), torch.arange(1, 3).float())")
C("addcmul", "torch.addcmul(torch.ones(1, 3), torch.arange(3.).view(3, 1), torch.arange(3.).view(1, 3), value=0.1)", "torch.addcmul(torch.ones(1, 3), torch.arange(3).float().view(3, 1), torch.arange(3).float().view(1, 3), {value: 0.1})")
C("addcdiv", "torch.addcdiv(torch.ones(1, 3), torch.arange(3.).view(3, 1), torch.arange(1., 4.).view(1, 3), value=0.1)", "torch.addcdiv(torch.ones(1, 3), torch.arange(3).float().view(3, 1), torch.arange(1, 4).float().view(1, 3), {value: 0.1})")
C("baddbmm", "torch.baddbmm(torch.ones(2, 3, 2), torch.arange(24.).view(2, 3, 4), torch.arange(16.).view(2, 4, 2))", "torch.baddbmm(torch.ones(2, 3, 2), torch.arange(24).float().view(2, 3, 4), torch.arange(16).float().view(2, 4, 2))")
C("outer", "torch.outer(torch.arange(1., 5.), torch.arange(1., 4.))", "torch.outer(torch.arange(1, 5).float(), torch.arange(1, 4).float())")
C("dot", "torch.dot(torch.tensor([2, 3]), torch.tensor([2, 1]))")
C("vdot", "torch.vdot(torch.tensor([2., 3]), torch.tensor([2., 1]))", "torch.vdot(torch.tensor([2, 3]).float(), torch.tensor([2, 1]).float())")
C("inner", "torch.inner(torch.tensor([1, 2, 3]), torch.tensor([0, 2, 1]))")
C("cdist", "torch.cdist(torch.tensor([[0.9041, 0.0196], [-0.3108, -2.4423], [-0.4821, 1.059]]), torch.tensor([[-2.1763, -0.4713], [-0.6986, 1.3702]]), p=2)",
  "torch.cdist(torch.tensor([[0.9041, 0.0196], [-0.3108, -2.4423], [-0.4821, 1.059]]), torch.tensor([[-2.1763, -0.4713], [-0.6986, 1.3702]]), {p: 2})")
C("cov", "torch.cov(torch.tensor([[0, 1, 2], [2, 1, 0]]))")
C("cov_correction", "torch.cov(torch.tensor([[0., 1, 2], [2, 1, 0]]), correction=0)", "torch.cov(torch.tensor([[0, 1, 2], [2, 1, 0]]).float(), {correction: 0})")
C("trapezoid", "torch.trapezoid(torch.tensor([1, 5, 10]))")
C("trapezoid_dx", "torch.trapezoid(torch.tensor([1, 5, 10]), dx=2)", "torch.trapezoid(torch.tensor([1, 5, 10]), {dx: 2})")
C("trapezoid_x", "torch.trapezoid(torch.tensor([1, 5, 10]), torch.tensor([1, 3, 6]))")
C("cumulative_trapezoid", "torch.cumulative_trapezoid(torch.tensor([1, 5, 10]))")
C("cumulative_trapezoid_dx", "torch.cumulative_trapezoid(torch.tensor([1, 5, 10]), dx=2)", "torch.cumulative_trapezoid(torch.tensor([1, 5, 10]), {dx: 2})")
C("cumulative_trapezoid_x", "torch.cumulative_trapezoid(torch.tensor([1, 5, 10]), torch.tensor([1, 3, 6]))")
C("cumulative_trapezoid_2d", "torch.cumulative_trapezoid(torch.arange(9).reshape(3, 3), dim=0)", "torch.cumulative_trapezoid(torch.arange(9).reshape(3, 3), {dim: 0})")
C("cumulative_trapezoid_xs", "torch.cumulative_trapezoid(torch.ones(3, 3), torch.tensor([[1, 2, 3], [1, 3, 5], [1, 4, 7]]))")
C("vander", "torch.vander(torch.tensor([1, 2, 3, 5]))")
C("vander_N", "torch.vander(torch.tensor([1, 2, 3, 5]), N=3)", "torch.vander(torch.tensor([1, 2, 3, 5]), {N: 3})")
C("vander_increasing", "torch.vander(torch.tensor([1, 2, 3, 5]), N=3, increasing=True)", "torch.vander(torch.tensor([1, 2, 3, 5]), 3, {increasing: true})")
C("vander_float", "torch.vander(torch.tensor([0.5, -1.5, 2.0]), 4)")
C("vander_N1", "torch.vander(torch.tensor([0.5, -1.5]), 1)")
C("det", "torch.det(torch.tensor([[0.9478, 0.9158, -1.1295], [0.9701, 0.7346, -1.8044], [-0.2337, 0.0557, 0.6929]]))")
C("logdet", "torch.logdet(torch.tensor([[2.0, 1.0], [1.0, 3.0]]))", "torch.logdet(torch.tensor([[2, 1], [1, 3]], {dtype: torch.float32}))")
C("inverse", "torch.inverse(torch.tensor([[4.0, 7.0], [2.0, 6.0]]))", "torch.inverse(torch.tensor([[4, 7], [2, 6]], {dtype: torch.float32}))")
# creation from tensors / methods
C("new_full", "torch.ones((2,), dtype=torch.float64).new_full((3, 4), 3.141592)", "torch.ones([2], {dtype: torch.float64}).new_full([3, 4], 3.141592)")
C("new_zeros", "torch.tensor((), dtype=torch.int32).new_zeros((2, 3))", "torch.tensor([], {dtype: torch.int32}).new_zeros([2, 3])")
C("new_ones", "torch.tensor((), dtype=torch.int32).new_ones((2, 3))", "torch.tensor([], {dtype: torch.int32}).new_ones([2, 3])")
C("new_tensor", "torch.ones((2,), dtype=torch.int8).new_tensor([[0, 1], [2, 3]])", "torch.ones([2], {dtype: torch.int8}).new_tensor([[0, 1], [2, 3]])")
C("expand", "torch.tensor([[1], [2], [3]]).expand(3, 4)")
C("expand_neg", "torch.tensor([[1], [2], [3]]).expand(-1, 4)")
C("item", "torch.tensor([[1.0, -1.0], [1.0, -1.0]])[0][0].item()", "torch.tensor([[1.0, -1.0], [1.0, -1.0]]).get(0).get(0).item()")
C("tolist", "torch.tensor([[0.0, 1.5], [2.25, -3.0]]).tolist()", "torch.tensor([[0.0, 1.5], [2.25, -3.0]]).tolist()")
C("fill_diagonal", "torch.zeros(3, 3).fill_diagonal_(5)")
C("fill_diagonal_wrap", "torch.zeros(7, 3).fill_diagonal_(5, wrap=True)", "torch.zeros(7, 3).fill_diagonal_(5, {wrap: true})")
C("sum_to_size", "torch.ones(3, 4).sum_to_size(1, 4)")
C("type_as", "torch.tensor([1.7, -2.2]).type_as(torch.tensor([1]))")
C("to_dtype", "torch.tensor([1.7, -2.2]).to(torch.int32)")

# more torch.* examples
C("sum_bool", "torch.sum(torch.tensor([True, False, True]))")
C("sum_dtype", "torch.sum(torch.tensor([1, 2, 3]), dtype=torch.float32)", "torch.sum(torch.tensor([1, 2, 3]), {dtype: torch.float32})")
C("cumsum_dtype", "torch.cumsum(torch.tensor([1, 2, 3]), 0, dtype=torch.float32)", "torch.cumsum(torch.tensor([1, 2, 3]), 0, {dtype: torch.float32})")
C("prod_int", "torch.prod(torch.tensor([[1, 2], [3, 4]]), 1)")
C("mean_dtype", "torch.mean(torch.tensor([1, 2, 4]), dtype=torch.float32)", "torch.mean(torch.tensor([1, 2, 4]), {dtype: torch.float32})")
C("softmax_dtype", "F.softmax(torch.tensor([1, 2, 3]), dim=0, dtype=torch.float32)", "F.softmax(torch.tensor([1, 2, 3]), {dim: 0, dtype: torch.float32})")
C("clamp_min_gt_max", "torch.clamp(torch.arange(5.), min=3, max=1)", "torch.clamp(torch.arange(5).float(), {min: 3, max: 1})")
C("clamp_int_float_bound", "torch.clamp(torch.tensor([1, 5, 9]), min=2.5)", "torch.clamp(torch.tensor([1, 5, 9]), {min: 2.5})")
C("sort_nan_desc", "tuple(torch.sort(torch.tensor([3., float('nan'), 1, 2]), descending=True))", "[...torch.sort(torch.tensor([3, NaN, 1, 2]), {descending: true})]")
C("topk_int", "tuple(torch.topk(torch.tensor([4, 1, 7, 3]), 2))", "[...torch.topk(torch.tensor([4, 1, 7, 3]), 2)]")
C("argmax_tie", "torch.argmax(torch.tensor([1, 3, 3, 2]))")
C("argmin_nan", "torch.argmin(torch.tensor([1., float('nan'), 0.5]))", "torch.argmin(torch.tensor([1, NaN, 0.5]))")
C("max_nan", "torch.max(torch.tensor([1., float('nan'), 0.5]))", "torch.max(torch.tensor([1, NaN, 0.5]))")
C("unique_dim0", "torch.unique(torch.tensor([[1, 2], [0, 5], [1, 2]]), dim=0)", "torch.unique(torch.tensor([[1, 2], [0, 5], [1, 2]]), {dim: 0})")
# (unique with sorted=False is left out: PyTorch's order is its hash set's, which its docs leave unspecified)
C("bucketize_out_int32", "torch.bucketize(torch.tensor([3, 6, 9]), torch.tensor([1, 3, 5, 7, 9]), out_int32=True)", "torch.bucketize(torch.tensor([3, 6, 9]), torch.tensor([1, 3, 5, 7, 9]), {out_int32: true})")
C("searchsorted_out_int32", "torch.searchsorted(torch.tensor([1, 3, 5]), torch.tensor([4]), out_int32=True)", "torch.searchsorted(torch.tensor([1, 3, 5]), torch.tensor([4]), {out_int32: true})")
C("searchsorted_sorter", "torch.searchsorted(torch.tensor([1, 3, 2, 4, 6, 9]), torch.tensor([[3, 6, 9]]), sorter=torch.tensor([0, 2, 1, 3, 4, 5]))",
  "torch.searchsorted(torch.tensor([1, 3, 2, 4, 6, 9]), torch.tensor([[3, 6, 9]]), {sorter: torch.tensor([0, 2, 1, 3, 4, 5])})")
C("full_bool", "torch.full((2, 2), True)", "torch.full([2, 2], true)")
C("arange_float_step_neg", "torch.arange(1, -1, -0.3)")
C("linspace_int_neg", "torch.linspace(-3, 4, 5, dtype=torch.int64)", "torch.linspace(-3, 4, 5, {dtype: torch.int64})")
C("logspace_base_e", "torch.logspace(0, 2, 3, base=math.e)", "torch.logspace(0, 2, 3, {base: Math.E})")
C("eye_rect", "torch.eye(2, 3)")
C("eye_dtype", "torch.eye(2, dtype=torch.int64)", "torch.eye(2, {dtype: torch.int64})")
C("split_sizes_bad", "torch.split(torch.arange(5), [2, 2])", keys=["sum", "5"])
C("chunk_dim1", "torch.chunk(torch.arange(10).view(2, 5), 2, dim=1)", "torch.chunk(torch.arange(10).view(2, 5), 2, {dim: 1})")
C("var_unbiased_false", "torch.var(torch.tensor([1., 2, 4, 8]), unbiased=False)", "torch.var(torch.tensor([1, 2, 4, 8]).float(), {unbiased: false})")
C("var_single", "torch.var(torch.tensor([3.]))", "torch.var(torch.tensor([3], {dtype: torch.float32}))")
C("std_dims", "torch.std(torch.arange(24.).view(2, 3, 4), dim=(0, 2))", "torch.std(torch.arange(24).float().view(2, 3, 4), {dim: [0, 2]})")
C("pow_zero_neg", "torch.pow(torch.tensor([0., 2.]), -1)", "torch.pow(torch.tensor([0, 2], {dtype: torch.float32}), -1)")
C("pow_int_neg_error", "torch.pow(torch.tensor([1, 2]), -1)", keys=["Integers", "negative"])
C("pow_int_tensor_exp", "torch.pow(torch.tensor([2, 3]), torch.tensor([3, 2]))")
C("pow_scalar_base_int", "torch.pow(2, torch.tensor([1, 2, 3]))")
C("remainder_scalar_tensor", "torch.remainder(-1.5, torch.tensor([1, 2, 3, 4, 5]))", "torch.remainder(-1.5, torch.tensor([1, 2, 3, 4, 5]))")
C("fmod_int", "torch.fmod(torch.tensor([-3, -2, -1, 1, 2, 3]), 2)")
C("floor_divide_int", "torch.floor_divide(torch.tensor([-7, 7]), 2)")
C("div_int_zero", "torch.div(torch.tensor([1, -1, 0]), 0)")
C("trunc_int_div_zero", "torch.div(torch.tensor([1]), 0, rounding_mode='trunc')", "torch.div(torch.tensor([1]), 0, {rounding_mode: 'trunc'})", keys=["ZeroDivisionError"])
C("interp_nearest_15", "F.interpolate(torch.arange(16.).view(1, 1, 4, 4), scale_factor=1.5, mode='nearest')", "F.interpolate(torch.arange(16).float().view(1, 1, 4, 4), {scale_factor: 1.5, mode: 'nearest'})")
C("interp_linear_1d", "F.interpolate(torch.arange(4.).view(1, 1, 4), size=7, mode='linear')", "F.interpolate(torch.arange(4).float().view(1, 1, 4), {size: 7, mode: 'linear'})")
C("interp_bicubic", "F.interpolate(torch.arange(16.).view(1, 1, 4, 4), size=(6, 5), mode='bicubic', align_corners=False)", "F.interpolate(torch.arange(16).float().view(1, 1, 4, 4), {size: [6, 5], mode: 'bicubic', align_corners: false})")
C("interp_area", "F.interpolate(torch.arange(36.).view(1, 1, 6, 6), size=(4, 3), mode='area')", "F.interpolate(torch.arange(36).float().view(1, 1, 6, 6), {size: [4, 3], mode: 'area'})")
C("interp_nearest_exact", "F.interpolate(torch.arange(16.).view(1, 1, 4, 4), size=(3, 6), mode='nearest-exact')", "F.interpolate(torch.arange(16).float().view(1, 1, 4, 4), {size: [3, 6], mode: 'nearest-exact'})")
C("interp_bilinear_scale_recompute", "F.interpolate(torch.arange(9.).view(1, 1, 3, 3), scale_factor=1.7, mode='bilinear', recompute_scale_factor=True)",
  "F.interpolate(torch.arange(9).float().view(1, 1, 3, 3), {scale_factor: 1.7, mode: 'bilinear', recompute_scale_factor: true})")
C("pad_replicate_4d", "F.pad(torch.arange(9.).view(1, 1, 3, 3), (1, 2, 0, 1), mode='replicate')", "F.pad(torch.arange(9).float().view(1, 1, 3, 3), [1, 2, 0, 1], {mode: 'replicate'})")
C("pad_reflect_4d", "F.pad(torch.arange(9.).view(1, 1, 3, 3), (2, 1, 1, 2), mode='reflect')", "F.pad(torch.arange(9).float().view(1, 1, 3, 3), [2, 1, 1, 2], {mode: 'reflect'})")
C("pad_circular_4d", "F.pad(torch.arange(9.).view(1, 1, 3, 3), (1, 1, 2, 0), mode='circular')", "F.pad(torch.arange(9).float().view(1, 1, 3, 3), [1, 1, 2, 0], {mode: 'circular'})")
C("pad_constant_3dims", "F.pad(torch.arange(8.).view(2, 2, 2), (1, 0, 0, 1, 1, 1))", "F.pad(torch.arange(8).float().view(2, 2, 2), [1, 0, 0, 1, 1, 1])")
C("affine_grid", "F.affine_grid(torch.tensor([[[1., 0.2, 0.1], [-0.1, 0.9, 0]]]), (1, 1, 2, 3), align_corners=False)", "F.affine_grid(torch.tensor([[[1, 0.2, 0.1], [-0.1, 0.9, 0]]]), [1, 1, 2, 3], {align_corners: false})")
C("grid_sample", "F.grid_sample(torch.arange(16.).view(1, 1, 4, 4), torch.tensor([[[[-1., -1], [0.3, 0.2]], [[1, 1], [-0.5, 0.75]]]]), align_corners=False)",
  "F.grid_sample(torch.arange(16).float().view(1, 1, 4, 4), torch.tensor([[[[-1, -1], [0.3, 0.2]], [[1, 1], [-0.5, 0.75]]]], {dtype: torch.float32}), {align_corners: false})")
C("grid_sample_nearest_border", "F.grid_sample(torch.arange(16.).view(1, 1, 4, 4), torch.tensor([[[[-1.2, -1], [0.3, 0.2]], [[1.5, 1], [-0.5, 0.75]]]]), mode='nearest', padding_mode='border', align_corners=True)",
  "F.grid_sample(torch.arange(16).float().view(1, 1, 4, 4), torch.tensor([[[[-1.2, -1], [0.3, 0.2]], [[1.5, 1], [-0.5, 0.75]]]]), {mode: 'nearest', padding_mode: 'border', align_corners: true})")
C("cross_entropy_ignore_index", "F.cross_entropy(torch.arange(15.).view(3, 5).cos(), torch.tensor([1, -100, 4]))", "F.cross_entropy(torch.arange(15).float().view(3, 5).cos(), torch.tensor([1, -100, 4]))")
C("cross_entropy_probs_smoothing", "F.cross_entropy(torch.arange(15.).view(3, 5).cos(), torch.arange(15.).view(3, 5).sin().softmax(1), label_smoothing=0.2)",
  "F.cross_entropy(torch.arange(15).float().view(3, 5).cos(), torch.arange(15).float().view(3, 5).sin().softmax(1), {label_smoothing: 0.2})")
C("cross_entropy_weight_smoothing", "F.cross_entropy(torch.arange(15.).view(3, 5).cos(), torch.tensor([1, 0, 4]), weight=torch.tensor([1., 2, 3, 4, 5]), label_smoothing=0.1)",
  "F.cross_entropy(torch.arange(15).float().view(3, 5).cos(), torch.tensor([1, 0, 4]), {weight: torch.tensor([1, 2, 3, 4, 5]).float(), label_smoothing: 0.1})")
C("cross_entropy_nd", "F.cross_entropy(torch.arange(24.).view(1, 3, 2, 4).cos(), torch.tensor([[[0, 1, 2, 1], [2, 2, 0, 1]]]))", "F.cross_entropy(torch.arange(24).float().view(1, 3, 2, 4).cos(), torch.tensor([[[0, 1, 2, 1], [2, 2, 0, 1]]]))")
C("bce_with_logits_weight", "F.binary_cross_entropy_with_logits(torch.tensor([0.3, -1.2, 2.0]), torch.tensor([0., 1, 0.5]), weight=torch.tensor([1., 2, 3]))",
  "F.binary_cross_entropy_with_logits(torch.tensor([0.3, -1.2, 2.0]), torch.tensor([0, 1, 0.5]), {weight: torch.tensor([1, 2, 3]).float()})")
C("nll_loss_none", "F.nll_loss(torch.arange(15.).view(3, 5).cos(), torch.tensor([1, 0, 4]), reduction='none')", "F.nll_loss(torch.arange(15).float().view(3, 5).cos(), torch.tensor([1, 0, 4]), {reduction: 'none'})")
C("hinge_embedding", "nn.HingeEmbeddingLoss(margin=0.5)(torch.tensor([0.3, -1.2, 2.0, 0.1]), torch.tensor([1., -1, -1, 1]))", "new nn.HingeEmbeddingLoss({margin: 0.5})(torch.tensor([0.3, -1.2, 2.0, 0.1]), torch.tensor([1, -1, -1, 1]).float())")
C("cosine_embedding", "nn.CosineEmbeddingLoss(margin=0.1)(torch.arange(6.).view(2, 3), torch.arange(6.).view(2, 3).flip(1), torch.tensor([1., -1]))",
  "new nn.CosineEmbeddingLoss({margin: 0.1})(torch.arange(6).float().view(2, 3), torch.arange(6).float().view(2, 3).flip(1), torch.tensor([1, -1]).float())")
C("soft_margin", "nn.SoftMarginLoss()(torch.tensor([0.3, -1.2, 2.0]), torch.tensor([1., -1, -1]))", "new nn.SoftMarginLoss()(torch.tensor([0.3, -1.2, 2.0]), torch.tensor([1, -1, -1]).float())")
C("multilabel_soft_margin", "nn.MultiLabelSoftMarginLoss()(torch.tensor([[0.3, -1.2, 2.0]]), torch.tensor([[1., 0, 1]]))", "new nn.MultiLabelSoftMarginLoss()(torch.tensor([[0.3, -1.2, 2.0]]), torch.tensor([[1, 0, 1]]).float())")

# torch.nn.functional
C("cosine_similarity_bcast", "F.cosine_similarity(torch.arange(10.).view(2, 5), torch.arange(5.).flip(0))", "F.cosine_similarity(torch.arange(10).float().view(2, 5), torch.arange(5).float().flip(0))")
C("cosine_similarity_dim0", "F.cosine_similarity(torch.arange(6.).view(3, 2), torch.arange(6.).view(3, 2) % 4, dim=0)", "F.cosine_similarity(torch.arange(6).float().view(3, 2), torch.arange(6).float().view(3, 2).remainder(4), {dim: 0})")
C("cosine_similarity_bcast3", "F.cosine_similarity(torch.arange(12.).view(2, 1, 6), torch.arange(18.).view(3, 6) - 5, dim=-1)", "F.cosine_similarity(torch.arange(12).float().view(2, 1, 6), torch.arange(18).float().view(3, 6).sub(5), {dim: -1})")
C("cosine_similarity_zero", "F.cosine_similarity(torch.zeros(1, 3), torch.ones(1, 3))")
C("cosine_similarity_module", "nn.CosineSimilarity(dim=1, eps=1e-6)(torch.arange(10.).view(2, 5), torch.arange(10.).view(2, 5) ** 0.5)", "new nn.CosineSimilarity({dim: 1, eps: 1e-6})(torch.arange(10).float().view(2, 5), torch.arange(10).float().view(2, 5).pow(0.5))")
C("pairwise_distance", "nn.PairwiseDistance(p=2)(torch.arange(10.).view(2, 5), torch.ones(2, 5))", "new nn.PairwiseDistance({p: 2})(torch.arange(10).float().view(2, 5), torch.ones(2, 5))")
C("normalize", "F.normalize(torch.arange(6.).view(2, 3), dim=0)", "F.normalize(torch.arange(6).float().view(2, 3), {dim: 0})")
C("normalize_p1", "F.normalize(torch.arange(6.).view(2, 3), p=1.0, dim=1)", "F.normalize(torch.arange(6).float().view(2, 3), {p: 1.0, dim: 1})")
C("one_hot", "F.one_hot(torch.arange(0, 5) % 3)", "F.one_hot(torch.arange(0, 5).remainder(3))")
C("one_hot_n", "F.one_hot(torch.arange(0, 5) % 3, num_classes=5)", "F.one_hot(torch.arange(0, 5).remainder(3), {num_classes: 5})")
C("one_hot_2d", "F.one_hot(torch.arange(0, 6).view(3, 2) % 3)", "F.one_hot(torch.arange(0, 6).view(3, 2).remainder(3))")
C("embedding_f", "F.embedding(torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]]), torch.arange(30.).view(10, 3))", "F.embedding(torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]]), torch.arange(30).float().view(10, 3))")
C("embedding_f_pad", "F.embedding(torch.tensor([[0, 2, 0, 5]]), torch.arange(30.).view(10, 3), padding_idx=0)", "F.embedding(torch.tensor([[0, 2, 0, 5]]), torch.arange(30).float().view(10, 3), {padding_idx: 0})")
C("embedding_from_pretrained", "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]))(torch.LongTensor([1]))",
  "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]))(torch.LongTensor([1]))")
C("embedding_from_pretrained_frozen", "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])).weight.requires_grad",
  "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])).weight.requires_grad")
C("embedding_from_pretrained_unfrozen", "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]), freeze=False).weight.requires_grad",
  "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]), {freeze: false}).weight.requires_grad")
C("embedding_from_pretrained_pad", "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]), padding_idx=1).padding_idx",
  "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]), {padding_idx: 1}).padding_idx")
C("embedding_from_pretrained_1d", "nn.Embedding.from_pretrained(torch.FloatTensor([1, 2.3, 3]))", "nn.Embedding.from_pretrained(torch.FloatTensor([1, 2.3, 3]))", keys=["2"])
C("embedding_pad_module", "out = nn.Embedding(10, 3, padding_idx=0).weight[0]", "return new nn.Embedding(10, 3, {padding_idx: 0}).weight.get(0)")
X4 = "torch.arange(16.).view(1, 1, 4, 4)"
X4T = "torch.arange(16).float().view(1, 1, 4, 4)"
C("softmax2d", "nn.Softmax2d()(torch.arange(24.).view(1, 2, 3, 4) / 10)", "new nn.Softmax2d()(torch.arange(24).float().view(1, 2, 3, 4).div(10))")
C("softmax2d_3d", "nn.Softmax2d()(torch.arange(12.).view(2, 3, 2) / 5)", "new nn.Softmax2d()(torch.arange(12).float().view(2, 3, 2).div(5))")
C("softmax2d_bad", "nn.Softmax2d()(torch.arange(4.).view(2, 2))", "new nn.Softmax2d()(torch.arange(4).float().view(2, 2))", keys=["3D", "4D"])
C("softmax_dim", "nn.Softmax(dim=1)(torch.arange(6.).view(2, 3))", "new nn.Softmax({dim: 1})(torch.arange(6).float().view(2, 3))")
C("log_softmax_f", "F.log_softmax(torch.arange(6.).view(2, 3), dim=0)", "F.log_softmax(torch.arange(6).float().view(2, 3), {dim: 0})")
C("softmin", "nn.Softmin(dim=1)(torch.arange(6.).view(2, 3))", "new nn.Softmin({dim: 1})(torch.arange(6).float().view(2, 3))")
C("glu", "nn.GLU()(torch.arange(8.).view(2, 4) - 3)", "new nn.GLU()(torch.arange(8).float().view(2, 4).sub(3))")
C("layer_norm_f", "F.layer_norm(torch.arange(24.).view(2, 3, 4), (3, 4))", "F.layer_norm(torch.arange(24).float().view(2, 3, 4), [3, 4])")
C("layer_norm_f_wb", "F.layer_norm(torch.arange(6.).view(2, 3) ** 2, (3,), torch.tensor([1., 2, 3]), torch.tensor([0.5, 0, -0.5]), eps=1e-3)",
  "F.layer_norm(torch.arange(6).float().view(2, 3).pow(2), [3], torch.tensor([1, 2, 3]).float(), torch.tensor([0.5, 0, -0.5]), {eps: 1e-3})")
C("layer_norm_module", "nn.LayerNorm(4, elementwise_affine=False)(torch.arange(24.).view(2, 3, 4) ** 1.5)", "new nn.LayerNorm(4, {elementwise_affine: false})(torch.arange(24).float().view(2, 3, 4).pow(1.5))")
C("layer_norm_image", "nn.LayerNorm([2, 3, 3])(torch.arange(36.).view(2, 2, 3, 3) % 7)", "new nn.LayerNorm([2, 3, 3])(torch.arange(36).float().view(2, 2, 3, 3).remainder(7))")
C("group_norm", "nn.GroupNorm(2, 4)(torch.arange(32.).view(2, 4, 2, 2) % 5)", "new nn.GroupNorm(2, 4)(torch.arange(32).float().view(2, 4, 2, 2).remainder(5))")
C("instance_norm", "nn.InstanceNorm1d(2)(torch.arange(12.).view(2, 2, 3) ** 2)", "new nn.InstanceNorm1d(2)(torch.arange(12).float().view(2, 2, 3).pow(2))")
C("local_response_norm", "nn.LocalResponseNorm(2)(torch.arange(16.).view(1, 4, 2, 2))", "new nn.LocalResponseNorm(2)(torch.arange(16).float().view(1, 4, 2, 2))")
for name, mod in [("ReflectionPad1d", "ReflectionPad1d(2)"), ("ReflectionPad1d_tuple", "ReflectionPad1d((3, 1))"),
                  ("ReplicationPad1d", "ReplicationPad1d(2)"), ("ReplicationPad1d_tuple", "ReplicationPad1d((3, 1))"),
                  ("ConstantPad1d", "ConstantPad1d(2, 3.5)"), ("ConstantPad1d_tuple", "ConstantPad1d((3, 1), 3.5)")]:
    C(name, "nn.%s(torch.arange(8.).reshape(1, 2, 4))" % mod, "new nn.%s(torch.arange(8).float().reshape(1, 2, 4))" % mod.replace("(3, 1)", "[3, 1]"))
C("ReflectionPad1d_2d_input", "nn.ReflectionPad1d(2)(torch.arange(4.).reshape(1, 4))", "new nn.ReflectionPad1d(2)(torch.arange(4).float().reshape(1, 4))")
C("ReflectionPad1d_too_big", "nn.ReflectionPad1d(4)(torch.arange(8.).reshape(1, 2, 4))", "new nn.ReflectionPad1d(4)(torch.arange(8).float().reshape(1, 2, 4))", keys=["Padding size", "4"])
for name, mod in [("ReflectionPad2d", "ReflectionPad2d(2)"), ("ReflectionPad2d_tuple", "ReflectionPad2d((1, 1, 2, 0))"),
                  ("ReplicationPad2d", "ReplicationPad2d(2)"), ("ReplicationPad2d_tuple", "ReplicationPad2d((1, 1, 2, 0))"),
                  ("ZeroPad2d", "ZeroPad2d(2)"), ("ZeroPad2d_tuple", "ZeroPad2d((1, 1, 2, 0))"),
                  ("ConstantPad2d", "ConstantPad2d(2, 3.5)"), ("ConstantPad2d_tuple", "ConstantPad2d((3, 0, 2, 1), 3.5)")]:
    C(name, "nn.%s(torch.arange(9.).reshape(1, 1, 3, 3))" % mod,
      "new nn.%s(torch.arange(9).float().reshape(1, 1, 3, 3))" % mod.replace("(1, 1, 2, 0)", "[1, 1, 2, 0]").replace("(3, 0, 2, 1)", "[3, 0, 2, 1]"))
C("F_pad_1d", "F.pad(torch.arange(8.).view(1, 2, 4), (1, 1))", "F.pad(torch.arange(8).float().view(1, 2, 4), [1, 1])")
C("F_pad_2d", "F.pad(torch.arange(8.).view(1, 2, 4), (1, 1, 2, 2))", "F.pad(torch.arange(8).float().view(1, 2, 4), [1, 1, 2, 2])")
C("F_pad_reflect", "F.pad(torch.arange(8.).view(1, 2, 4), (2, 1), mode='reflect')", "F.pad(torch.arange(8).float().view(1, 2, 4), [2, 1], {mode: 'reflect'})")
C("F_pad_circular", "F.pad(torch.arange(8.).view(1, 2, 4), (2, 1), mode='circular')", "F.pad(torch.arange(8).float().view(1, 2, 4), [2, 1], {mode: 'circular'})")
C("F_pad_value", "F.pad(torch.arange(4.).view(2, 2), (1, 0), value=-1)", "F.pad(torch.arange(4).float().view(2, 2), [1, 0], {value: -1})")
C("F_pad_neg", "F.pad(torch.arange(8.).view(2, 4), (-1, -1))", "F.pad(torch.arange(8).float().view(2, 4), [-1, -1])")
W13 = "torch.arange(1., 4.).view(1, 1, 3) / 4"
W13T = "torch.arange(1, 4).float().view(1, 1, 3).div(4)"
C("conv1d_f", "F.conv1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 2, 3) / 10)", "F.conv1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 2, 3).div(10))")
C("conv1d_f_stride_pad", "F.conv1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 2, 3) / 10, stride=2, padding=1)",
  "F.conv1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 2, 3).div(10), {stride: 2, padding: 1})")
C("conv_transpose1d_f", "F.conv_transpose1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 3, 2) / 10)",
  "F.conv_transpose1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 3, 2).div(10))")
C("conv_transpose1d_f_stride", "F.conv_transpose1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 3, 2) / 10, torch.tensor([0.1, 0.2, 0.3]), stride=2, padding=1, output_padding=1)",
  "F.conv_transpose1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 3, 2).div(10), torch.tensor([0.1, 0.2, 0.3]), {stride: 2, padding: 1, output_padding: 1})")
C("conv_transpose1d_f_groups", "F.conv_transpose1d(torch.arange(8.).view(1, 2, 4), torch.arange(8.).view(2, 2, 2) / 10, groups=2, dilation=2)",
  "F.conv_transpose1d(torch.arange(8).float().view(1, 2, 4), torch.arange(8).float().view(2, 2, 2).div(10), {groups: 2, dilation: 2})")
C("conv_transpose2d_f", "F.conv_transpose2d(%s, torch.arange(8.).view(1, 2, 2, 2) / 10, stride=2)" % X4, "F.conv_transpose2d(%s, torch.arange(8).float().view(1, 2, 2, 2).div(10), {stride: 2})" % X4T)
CT = """
m = nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1)
with torch.no_grad():
    m.weight.copy_(torch.arange(9.).view(1, 1, 3, 3) / 10)
    m.bias.fill_(0.5)
x = torch.arange(16.).view(1, 1, 4, 4)
out = (m(x), m(x, output_size=[8, 8]), m(x, output_size=(1, 1, 8, 7)))
"""
C("convtranspose2d_output_size", CT, """const m = new nn.ConvTranspose2d(1, 1, 3, {stride: 2, padding: 1});
torch.no_grad(() => { m.weight.copy_(torch.arange(9).float().view(1, 1, 3, 3).div(10)); m.bias.fill_(0.5); });
const x = torch.arange(16).float().view(1, 1, 4, 4);
return [m(x), m(x, [8, 8]), m(x, {output_size: [1, 1, 8, 7]})];""")
C("convtranspose2d_output_size_bad", """
m = nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1)
out = m(torch.zeros(1, 1, 4, 4), output_size=[10, 10])
""", """const m = new nn.ConvTranspose2d(1, 1, 3, {stride: 2, padding: 1});
return m(torch.zeros(1, 1, 4, 4), [10, 10]);""", keys=["output size", "10"])
C("lp_pool1d", "F.lp_pool1d(torch.arange(10.).view(1, 2, 5), 2, 2)", "F.lp_pool1d(torch.arange(10).float().view(1, 2, 5), 2, 2)")
C("lp_pool1d_p1_stride", "F.lp_pool1d(torch.arange(10.).view(1, 2, 5), 1, 3, stride=1)", "F.lp_pool1d(torch.arange(10).float().view(1, 2, 5), 1, 3, {stride: 1})")
C("lp_pool2d", "F.lp_pool2d(%s, 2, 2)" % X4, "F.lp_pool2d(%s, 2, 2)" % X4T)
C("lp_pool2d_p3", "F.lp_pool2d(%s, 3, (3, 2), stride=(1, 2))" % X4, "F.lp_pool2d(%s, 3, [3, 2], {stride: [1, 2]})" % X4T, tol=1e-4)
C("LPPool2d", "nn.LPPool2d(2, 3, stride=2)(torch.arange(50.).view(1, 2, 5, 5))", "new nn.LPPool2d(2, 3, {stride: 2})(torch.arange(50).float().view(1, 2, 5, 5))")
C("LPPool1d", "nn.LPPool1d(2, 3, stride=2)(torch.arange(14.).view(2, 7))", "new nn.LPPool1d(2, 3, {stride: 2})(torch.arange(14).float().view(2, 7))")
MU1 = """
pool = nn.MaxPool1d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool1d(2, stride=2)
output, indices = pool(torch.tensor([[[1., 2, 3, 4, 5, 6, 7, 8]]]))
out = (unpool(output, indices), unpool(output, indices, output_size=[1, 1, 9]))
"""
C("max_unpool1d", MU1, """const pool = new nn.MaxPool1d(2, {stride: 2, return_indices: true});
const unpool = new nn.MaxUnpool1d(2, {stride: 2});
const [output, indices] = pool(torch.tensor([[[1, 2, 3, 4, 5, 6, 7, 8]]]).float());
return [unpool(output, indices), unpool(output, indices, {output_size: [1, 1, 9]})];""")
MU2 = """
pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
inp = torch.tensor([[[[1., 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]])
output, indices = pool(inp)
out = (unpool(output, indices), unpool(output, indices, output_size=torch.Size([1, 1, 5, 5])))
"""
C("max_unpool2d", MU2, """const pool = new nn.MaxPool2d(2, {stride: 2, return_indices: true});
const unpool = new nn.MaxUnpool2d(2, {stride: 2});
const inp = torch.tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]).float();
const [output, indices] = pool(inp);
return [unpool(output, indices), unpool(output, indices, {output_size: [1, 1, 5, 5]})];""")
C("max_unpool2d_f", """
x = torch.tensor([[[[3., 1, 0, 7], [2, 8, 4, 5], [9, 6, 1, 2], [0, 3, 5, 4]]]])
o, i = F.max_pool2d(x, 2, return_indices=True)
out = F.max_unpool2d(o, i, 2)
""", """const x = torch.tensor([[[[3, 1, 0, 7], [2, 8, 4, 5], [9, 6, 1, 2], [0, 3, 5, 4]]]]).float();
const [o, i] = F.max_pool2d(x, 2, {return_indices: true});
return F.max_unpool2d(o, i, 2);""")
C("max_unpool1d_f", """
x = torch.tensor([[[3., 1, 0, 7, 2, 8]]])
o, i = F.max_pool1d(x, 2, return_indices=True)
out = F.max_unpool1d(o, i, 2)
""", """const x = torch.tensor([[[3, 1, 0, 7, 2, 8]]]).float();
const [o, i] = F.max_pool1d(x, 2, {return_indices: true});
return F.max_unpool1d(o, i, 2);""")
C("max_pool2d_indices", "F.max_pool2d(torch.tensor([[[[3., 1, 0, 7], [2, 8, 4, 5], [9, 6, 1, 2], [0, 3, 5, 4]]]]), 2, return_indices=True)",
  "F.max_pool2d(torch.tensor([[[[3, 1, 0, 7], [2, 8, 4, 5], [9, 6, 1, 2], [0, 3, 5, 4]]]]).float(), 2, {return_indices: true})")
C("avg_pool1d", "F.avg_pool1d(torch.tensor([[[1., 2, 3, 4, 5, 6, 7]]]), kernel_size=3, stride=2)", "F.avg_pool1d(torch.tensor([[[1, 2, 3, 4, 5, 6, 7]]]).float(), {kernel_size: 3, stride: 2})")
C("avg_pool2d_ceil", "F.avg_pool2d(torch.arange(25.).view(1, 1, 5, 5), 2, ceil_mode=True)", "F.avg_pool2d(torch.arange(25).float().view(1, 1, 5, 5), 2, {ceil_mode: true})")
C("avg_pool2d_pad_nocount", "F.avg_pool2d(%s, 3, stride=2, padding=1, count_include_pad=False)" % X4, "F.avg_pool2d(%s, 3, {stride: 2, padding: 1, count_include_pad: false})" % X4T)
C("max_pool1d_dil", "F.max_pool1d(torch.tensor([[[3., 1, 0, 7, 2, 8, 5]]]), 2, dilation=2)", "F.max_pool1d(torch.tensor([[[3, 1, 0, 7, 2, 8, 5]]]).float(), 2, {dilation: 2})")
C("adaptive_avg_pool2d", "nn.AdaptiveAvgPool2d((5, 7))(torch.arange(64.).view(1, 1, 8, 8))", "new nn.AdaptiveAvgPool2d([5, 7])(torch.arange(64).float().view(1, 1, 8, 8))")
C("adaptive_avg_pool2d_none", "nn.AdaptiveAvgPool2d((None, 3))(torch.arange(40.).view(1, 1, 5, 8))", "new nn.AdaptiveAvgPool2d([null, 3])(torch.arange(40).float().view(1, 1, 5, 8))")
C("adaptive_max_pool1d", "nn.AdaptiveMaxPool1d(3)(torch.tensor([[[3., 1, 0, 7, 2, 8, 5]]]))", "new nn.AdaptiveMaxPool1d(3)(torch.tensor([[[3, 1, 0, 7, 2, 8, 5]]]).float())")
C("pixel_shuffle", "nn.PixelShuffle(2)(torch.arange(16.).view(1, 4, 2, 2))", "new nn.PixelShuffle(2)(torch.arange(16).float().view(1, 4, 2, 2))")
C("pixel_unshuffle", "nn.PixelUnshuffle(2)(torch.arange(16.).view(1, 1, 4, 4))", "new nn.PixelUnshuffle(2)(torch.arange(16).float().view(1, 1, 4, 4))")
C("channel_shuffle", "nn.ChannelShuffle(2)(torch.arange(16.).view(1, 4, 2, 2))", "new nn.ChannelShuffle(2)(torch.arange(16).float().view(1, 4, 2, 2))")
C("upsample_nearest", "nn.Upsample(scale_factor=2, mode='nearest')(torch.arange(1., 5.).view(1, 1, 2, 2))", "new nn.Upsample({scale_factor: 2, mode: 'nearest'})(torch.arange(1, 5).float().view(1, 1, 2, 2))")
C("upsample_bilinear", "nn.Upsample(scale_factor=2, mode='bilinear')(torch.arange(1., 5.).view(1, 1, 2, 2))", "new nn.Upsample({scale_factor: 2, mode: 'bilinear'})(torch.arange(1, 5).float().view(1, 1, 2, 2))")
C("upsample_bilinear_ac", "nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)(torch.arange(1., 5.).view(1, 1, 2, 2))", "new nn.Upsample({scale_factor: 2, mode: 'bilinear', align_corners: true})(torch.arange(1, 5).float().view(1, 1, 2, 2))")
C("fold", "nn.Fold(output_size=(3, 3), kernel_size=(2, 2))(torch.arange(16.).view(1, 4, 4))", "new nn.Fold({output_size: [3, 3], kernel_size: [2, 2]})(torch.arange(16).float().view(1, 4, 4))")
C("unfold", "nn.Unfold(kernel_size=(2, 3))(torch.arange(16.).view(1, 1, 4, 4))", "new nn.Unfold({kernel_size: [2, 3]})(torch.arange(16).float().view(1, 1, 4, 4))")
C("flatten_module", "nn.Flatten(0, 2)(torch.zeros(32, 1, 5, 5)).shape", "new nn.Flatten(0, 2)(torch.zeros(32, 1, 5, 5)).shape")
C("unflatten_module", "nn.Unflatten(1, (2, 5, 5))(torch.zeros(2, 50)).shape", "new nn.Unflatten(1, [2, 5, 5])(torch.zeros(2, 50)).shape")
ACTS = "torch.tensor([-3., -1.5, -0.5, 0., 0.5, 1.5, 3.])"
ACTS_T = "torch.tensor([-3, -1.5, -0.5, 0, 0.5, 1.5, 3])"
for mod in ["ReLU()", "ReLU6()", "ELU()", "ELU(alpha=0.5)", "SELU()", "CELU(alpha=2.0)", "GELU()", "GELU(approximate='tanh')", "SiLU()", "Mish()",
            "Hardswish()", "Hardsigmoid()", "Hardtanh(-2, 2)", "LeakyReLU(0.1)", "LogSigmoid()", "Softplus(beta=2, threshold=2)", "Softshrink(0.5)",
            "Hardshrink(0.5)", "Softsign()", "Tanhshrink()", "Threshold(0.1, 20)", "Sigmoid()", "Tanh()"]:
    ts = mod.replace("alpha=", "{alpha: ").replace("approximate=", "{approximate: ").replace("beta=2, threshold=2", "{beta: 2, threshold: 2}")
    if "{alpha: " in ts or "{approximate: " in ts:
        ts = ts[:-1] + "})"
    C("act_" + mod.replace("(", "_").replace(")", "").replace("=", "").replace("'", "").replace(", ", "_").replace(".", "p"), "nn.%s(%s)" % (mod, ACTS), "new nn.%s(%s)" % (ts, ACTS_T))
C("prelu", "nn.PReLU()(%s)" % ACTS, "new nn.PReLU()(%s)" % ACTS_T)
C("linear_f", "F.linear(torch.arange(6.).view(2, 3), torch.arange(12.).view(4, 3) / 10, torch.arange(4.))", "F.linear(torch.arange(6).float().view(2, 3), torch.arange(12).float().view(4, 3).div(10), torch.arange(4).float())")
C("bilinear_f", "F.bilinear(torch.arange(4.).view(2, 2), torch.arange(6.).view(2, 3), torch.arange(12.).view(2, 2, 3) / 10)", "F.bilinear(torch.arange(4).float().view(2, 2), torch.arange(6).float().view(2, 3), torch.arange(12).float().view(2, 2, 3).div(10))")
# nn modules from their docstrings, with the random weights replaced by fixed ones
def M(name, make_py, make_ts, x_py, x_ts):
    """make_*: the module; its parameters are then set to arange-based values (as the docs' shapes)."""
    py = ("m = %s\nwith torch.no_grad():\n    for i, q in enumerate(m.parameters()):\n        q.copy_((torch.arange(q.numel(), dtype=torch.float32).view(q.shape) %% 7 - 3) / (7 + i))\n"
          "out = m(%s)\n") % (make_py, x_py)
    ts = ("const m = %s;\ntorch.no_grad(() => m.parameters().forEach((q, i) => q.copy_(torch.arange(q.numel(), {dtype: torch.float32}).view(q.shape).remainder(7).sub(3).div(7 + i))));\n"
          "return m(%s);") % (make_ts, x_ts)
    C("module_" + name, py, ts)


XI = "torch.arange(40.).view(2, 4, 5) / 10"
XI_T = "torch.arange(40).float().view(2, 4, 5).div(10)"
XM = "torch.arange(72.).view(2, 4, 3, 3) / 10"
XM_T = "torch.arange(72).float().view(2, 4, 3, 3).div(10)"
M("Linear", "nn.Linear(5, 3)", "new nn.Linear(5, 3)", XI, XI_T)
M("Linear_nobias", "nn.Linear(5, 3, bias=False)", "new nn.Linear(5, 3, {bias: false})", XI, XI_T)
M("Bilinear", "nn.Bilinear(5, 5, 2)", "new nn.Bilinear(5, 5, 2)", XI + ", (" + XI + ").flip(2)", XI_T + ", " + XI_T + ".flip(2)")
M("Conv1d", "nn.Conv1d(4, 3, 3, stride=2)", "new nn.Conv1d(4, 3, 3, {stride: 2})", XI, XI_T)
M("Conv1d_same", "nn.Conv1d(4, 2, 3, padding='same', dilation=2)", "new nn.Conv1d(4, 2, 3, {padding: 'same', dilation: 2})", XI, XI_T)
M("Conv1d_groups_reflect", "nn.Conv1d(4, 4, 3, groups=2, padding=1, padding_mode='reflect')", "new nn.Conv1d(4, 4, 3, {groups: 2, padding: 1, padding_mode: 'reflect'})", XI, XI_T)
M("Conv2d", "nn.Conv2d(4, 2, (2, 3), stride=(1, 2), padding=(1, 1))", "new nn.Conv2d(4, 2, [2, 3], {stride: [1, 2], padding: [1, 1]})", XM, XM_T)
M("Conv2d_circular", "nn.Conv2d(4, 2, 3, padding=1, padding_mode='circular')", "new nn.Conv2d(4, 2, 3, {padding: 1, padding_mode: 'circular'})", XM, XM_T)
M("ConvTranspose2d_groups", "nn.ConvTranspose2d(4, 2, 2, stride=2, groups=2)", "new nn.ConvTranspose2d(4, 2, 2, {stride: 2, groups: 2})", XM, XM_T)
M("BatchNorm1d", "nn.BatchNorm1d(4)", "new nn.BatchNorm1d(4)", XI, XI_T)
M("BatchNorm2d_noaffine", "nn.BatchNorm2d(4, affine=False)", "new nn.BatchNorm2d(4, {affine: false})", XM, XM_T)
M("InstanceNorm2d_affine", "nn.InstanceNorm2d(4, affine=True)", "new nn.InstanceNorm2d(4, {affine: true})", XM, XM_T)
M("GroupNorm", "nn.GroupNorm(2, 4)", "new nn.GroupNorm(2, 4)", XM, XM_T)
M("LayerNorm", "nn.LayerNorm([3, 3])", "new nn.LayerNorm([3, 3])", XM, XM_T)
M("PReLU_channels", "nn.PReLU(4)", "new nn.PReLU(4)", "(" + XM + ") - 3", XM_T + ".sub(3)")
M("Embedding_padding", "nn.Embedding(10, 3, padding_idx=2)", "new nn.Embedding(10, 3, {padding_idx: 2})", "torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])", "torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])")
M("MaxPool2d_dilation", "nn.MaxPool2d(2, stride=1, dilation=2)", "new nn.MaxPool2d(2, {stride: 1, dilation: 2})", "torch.arange(50.).view(1, 2, 5, 5).cos()", "torch.arange(50).float().view(1, 2, 5, 5).cos()")
M("AvgPool2d_divisor", "nn.AvgPool2d(3, stride=2, padding=1, divisor_override=4)", "new nn.AvgPool2d(3, {stride: 2, padding: 1, divisor_override: 4})", XM, XM_T)
M("MaxPool1d_ceil", "nn.MaxPool1d(2, ceil_mode=True)", "new nn.MaxPool1d(2, {ceil_mode: true})", "(" + XI + ").cos()", XI_T + ".cos()")
M("AvgPool1d", "nn.AvgPool1d(3, stride=2, padding=1)", "new nn.AvgPool1d(3, {stride: 2, padding: 1})", XI, XI_T)
M("AdaptiveMaxPool2d", "nn.AdaptiveMaxPool2d((2, 2))", "new nn.AdaptiveMaxPool2d([2, 2])", "(" + XM + ").sin()", XM_T + ".sin()")
M("Sequential", "nn.Sequential(nn.Conv2d(4, 2, 2), nn.ReLU(), nn.Flatten(), nn.Linear(8, 3))", "new nn.Sequential(new nn.Conv2d(4, 2, 2), new nn.ReLU(), new nn.Flatten(), new nn.Linear(8, 3))", XM, XM_T)
M("GRUCell", "nn.GRUCell(5, 3)", "new nn.GRUCell(5, 3)", "(" + XI + ")[0]", XI_T + ".get(0)")
M("LSTMCell", "nn.LSTMCell(5, 3)", "new nn.LSTMCell(5, 3)", "(" + XI + ")[0]", XI_T + ".get(0)")
M("RNNCell", "nn.RNNCell(5, 3, nonlinearity='relu')", "new nn.RNNCell(5, 3, {nonlinearity: 'relu'})", "(" + XI + ")[0]", XI_T + ".get(0)")
M("GRU", "nn.GRU(5, 3, batch_first=True)", "new nn.GRU(5, 3, {batch_first: true})", XI, XI_T)
M("LSTM_2layers", "nn.LSTM(5, 3, 2)", "new nn.LSTM(5, 3, 2)", XI, XI_T)
M("LSTM_bidirectional_proj", "nn.LSTM(5, 4, bidirectional=True, proj_size=2)", "new nn.LSTM(5, 4, {bidirectional: true, proj_size: 2})", XI, XI_T)
M("MultiheadAttention", "nn.MultiheadAttention(5, 1, batch_first=True)", "new nn.MultiheadAttention(5, 1, {batch_first: true})", XI + ", " + XI + ", " + XI, XI_T + ", " + XI_T + ", " + XI_T)

# losses from the docs
LOSS_IN = "torch.tensor([[0.2, -1.0, 0.5, 1.5, -0.3], [1.1, 0.4, -0.7, 0.0, 2.0], [-0.5, 0.9, 0.3, -1.2, 0.6]])"
C("cross_entropy", "F.cross_entropy(%s, torch.tensor([1, 0, 4]))" % LOSS_IN)
C("cross_entropy_probs", "F.cross_entropy(%s, torch.softmax(%s.flip(0), dim=1))" % (LOSS_IN, LOSS_IN), "F.cross_entropy(%s, torch.softmax(%s.flip(0), 1))" % (LOSS_IN, LOSS_IN))
C("cross_entropy_smoothing", "F.cross_entropy(%s, torch.tensor([1, 0, 4]), label_smoothing=0.1)" % LOSS_IN, "F.cross_entropy(%s, torch.tensor([1, 0, 4]), {label_smoothing: 0.1})" % LOSS_IN)
C("nll_loss", "F.nll_loss(F.log_softmax(%s, dim=1), torch.tensor([1, 0, 4]))" % LOSS_IN, "F.nll_loss(F.log_softmax(%s, {dim: 1}), torch.tensor([1, 0, 4]))" % LOSS_IN)
C("nll_loss_weight", "nn.NLLLoss(weight=torch.tensor([1., 2, 3, 4, 5]))(F.log_softmax(%s, dim=1), torch.tensor([1, 0, 4]))" % LOSS_IN,
  "new nn.NLLLoss({weight: torch.tensor([1, 2, 3, 4, 5]).float()})(F.log_softmax(%s, {dim: 1}), torch.tensor([1, 0, 4]))" % LOSS_IN)
C("bce", "nn.BCELoss()(torch.sigmoid(torch.tensor([0.3, -1.2, 2.0])), torch.tensor([0., 1, 1]))", "new nn.BCELoss()(torch.sigmoid(torch.tensor([0.3, -1.2, 2.0])), torch.tensor([0, 1, 1]).float())")
C("bce_logits_pos_weight", "nn.BCEWithLogitsLoss(pos_weight=torch.ones([3]) * 1.5)(torch.tensor([[0.3, -1.2, 2.0]]), torch.tensor([[0., 1, 1]]))",
  "new nn.BCEWithLogitsLoss({pos_weight: torch.ones([3]).mul(1.5)})(torch.tensor([[0.3, -1.2, 2.0]]), torch.tensor([[0, 1, 1]]).float())")
C("l1_loss", "nn.L1Loss()(torch.arange(6.).view(2, 3), torch.ones(2, 3))", "new nn.L1Loss()(torch.arange(6).float().view(2, 3), torch.ones(2, 3))")
C("mse_loss_sum", "nn.MSELoss(reduction='sum')(torch.arange(6.).view(2, 3), torch.ones(2, 3))", "new nn.MSELoss({reduction: 'sum'})(torch.arange(6).float().view(2, 3), torch.ones(2, 3))")
C("smooth_l1_beta", "F.smooth_l1_loss(torch.arange(6.) / 3, torch.ones(6), beta=0.5)", "F.smooth_l1_loss(torch.arange(6).float().div(3), torch.ones(6), {beta: 0.5})")
C("huber_delta", "F.huber_loss(torch.arange(6.) / 3, torch.ones(6), delta=0.5)", "F.huber_loss(torch.arange(6).float().div(3), torch.ones(6), {delta: 0.5})")
C("kl_div", "nn.KLDivLoss(reduction='batchmean')(F.log_softmax(%s, dim=1), F.softmax(%s.flip(1), dim=1))" % (LOSS_IN, LOSS_IN),
  "new nn.KLDivLoss({reduction: 'batchmean'})(F.log_softmax(%s, {dim: 1}), F.softmax(%s.flip(1), {dim: 1}))" % (LOSS_IN, LOSS_IN))
C("kl_div_log_target", "F.kl_div(F.log_softmax(%s, dim=1), F.log_softmax(%s.flip(1), dim=1), reduction='batchmean', log_target=True)" % (LOSS_IN, LOSS_IN),
  "F.kl_div(F.log_softmax(%s, {dim: 1}), F.log_softmax(%s.flip(1), {dim: 1}), {reduction: 'batchmean', log_target: true})" % (LOSS_IN, LOSS_IN))
C("poisson_nll", "nn.PoissonNLLLoss()(%s, torch.arange(15.).view(3, 5) %% 4)" % LOSS_IN, "new nn.PoissonNLLLoss()(%s, torch.arange(15).float().view(3, 5).remainder(4))" % LOSS_IN)
C("gaussian_nll", "nn.GaussianNLLLoss()(%s, torch.ones(3, 5), torch.ones(3, 1))" % LOSS_IN, "new nn.GaussianNLLLoss()(%s, torch.ones(3, 5), torch.ones(3, 1))" % LOSS_IN)
C("margin_ranking", "nn.MarginRankingLoss()(torch.tensor([0.3, -1.2, 2.0]), torch.tensor([0.5, 0.1, -0.4]), torch.tensor([1., -1, 1]))",
  "new nn.MarginRankingLoss()(torch.tensor([0.3, -1.2, 2.0]), torch.tensor([0.5, 0.1, -0.4]), torch.tensor([1, -1, 1]).float())")
C("triplet_margin", "nn.TripletMarginLoss(margin=1.0, p=2)(%s, %s.flip(0), %s.flip(1))" % (LOSS_IN, LOSS_IN, LOSS_IN),
  "new nn.TripletMarginLoss({margin: 1.0, p: 2})(%s, %s.flip(0), %s.flip(1))" % (LOSS_IN, LOSS_IN, LOSS_IN))
C("multilabel_margin", "nn.MultiLabelMarginLoss()(torch.FloatTensor([[0.1, 0.2, 0.4, 0.8]]), torch.LongTensor([[3, 0, -1, 1]]))",
  "new nn.MultiLabelMarginLoss()(torch.FloatTensor([[0.1, 0.2, 0.4, 0.8]]), torch.LongTensor([[3, 0, -1, 1]]))")
C("multi_margin", "nn.MultiMarginLoss()(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3]))", "new nn.MultiMarginLoss()(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3]))")
C("ctc_loss", "F.ctc_loss(F.log_softmax(torch.arange(30.).view(5, 1, 6).cos(), 2), torch.tensor([[1, 2, 2]]), (5,), (3,))",
  "F.ctc_loss(F.log_softmax(torch.arange(30).float().view(5, 1, 6).cos(), 2), torch.tensor([[1, 2, 2]]), [5], [3])")
C("cross_entropy_bad_target", "F.cross_entropy(%s, torch.tensor([1, 0, 5]))" % LOSS_IN, keys=["Target", "5"])

# gradients of the ops torchlab builds from others (quantile, fmax, lp_pool, max_unpool, conv_transpose1d, ...):
# `out` is the inputs' .grad after backward of a weighted sum of the result.
def G(name, inputs_py, expr_py, inputs_ts, expr_ts, leaves):
    """inputs_*: statements defining the leaves; expr_*: the op; the loss is (result * w).sum() for a
    fixed w = 1, 2, 3, ... over the result's elements."""
    names = ", ".join(leaves)
    py = "%s\nr = %s\nw = torch.arange(1., r.numel() + 1).view(r.shape)\n(r * w).sum().backward()\nout = [%s]\n" % (
        inputs_py, expr_py, ", ".join(l + ".grad" for l in leaves))
    ts = "%s\nconst r = %s;\nconst w = torch.arange(1, r.numel() + 1).float().view(r.shape);\nr.mul(w).sum().backward();\nreturn [%s];" % (
        inputs_ts, expr_ts, ", ".join(l + ".grad" for l in leaves))
    C("grad_" + name, py, ts)


XQ_PY = "x = torch.tensor([[3., 1, 4, 1, 5], [9, 2, 6, 5, 3]], requires_grad=True)"
XQ_TS = "const x = torch.tensor([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]], {dtype: torch.float32, requires_grad: true});"
for interp in ["linear", "lower", "higher", "midpoint", "nearest"]:
    G("quantile_" + interp, XQ_PY, "torch.quantile(x, torch.tensor([0.1, 0.5, 0.8]), dim=1, interpolation='%s')" % interp,
      XQ_TS, "torch.quantile(x, torch.tensor([0.1, 0.5, 0.8]), {dim: 1, interpolation: '%s'})" % interp, ["x"])
G("quantile_all", XQ_PY, "torch.quantile(x, 0.3)", XQ_TS, "torch.quantile(x, 0.3)", ["x"])
XN_PY = "x = torch.tensor([[3., float('nan'), 4, 1], [float('nan'), 2, 6, 5]], requires_grad=True)"
XN_TS = "const x = torch.tensor([[3, NaN, 4, 1], [NaN, 2, 6, 5]], {requires_grad: true});"
G("nanquantile", XN_PY, "torch.nanquantile(x, 0.4, dim=1)", XN_TS, "torch.nanquantile(x, 0.4, {dim: 1})", ["x"])
G("nanmedian_dim", XN_PY, "torch.nanmedian(x, 1).values", XN_TS, "torch.nanmedian(x, 1).values", ["x"])
G("nanmedian_all", XN_PY, "torch.nanmedian(x)", XN_TS, "torch.nanmedian(x)", ["x"])
G("fmax", "a = torch.tensor([1., float('nan'), 3, 2], requires_grad=True)\nb = torch.tensor([2., 5, float('nan'), 2], requires_grad=True)", "torch.fmax(a, b)",
  "const a = torch.tensor([1, NaN, 3, 2], {dtype: torch.float32, requires_grad: true});\nconst b = torch.tensor([2, 5, NaN, 2], {dtype: torch.float32, requires_grad: true});", "torch.fmax(a, b)", ["a", "b"])
G("fmin", "a = torch.tensor([1., float('nan'), 3, 2], requires_grad=True)\nb = torch.tensor([2., 5, float('nan'), 2], requires_grad=True)", "torch.fmin(a, b)",
  "const a = torch.tensor([1, NaN, 3, 2], {dtype: torch.float32, requires_grad: true});\nconst b = torch.tensor([2, 5, NaN, 2], {dtype: torch.float32, requires_grad: true});", "torch.fmin(a, b)", ["a", "b"])
XP_PY = "x = (torch.arange(32.).view(1, 2, 4, 4) / 7 - 1).requires_grad_()"
XP_TS = "const x = torch.arange(32).float().view(1, 2, 4, 4).div(7).sub(1).requires_grad_();"
G("lp_pool2d", XP_PY, "F.lp_pool2d(x, 3, 2)", XP_TS, "F.lp_pool2d(x, 3, 2)", ["x"])
G("lp_pool1d", "x = (torch.arange(10.).view(2, 5) / 3 + 0.5).requires_grad_()", "F.lp_pool1d(x, 2, 2, stride=1)",
  "const x = torch.arange(10).float().view(2, 5).div(3).add(0.5).requires_grad_();", "F.lp_pool1d(x, 2, 2, {stride: 1})", ["x"])
G("max_unpool2d", XP_PY + "\no, i = F.max_pool2d(x, 2, return_indices=True)", "F.max_unpool2d(o, i, 2, output_size=[5, 5])",
  XP_TS + "\nconst [o, i] = F.max_pool2d(x, 2, {return_indices: true});", "F.max_unpool2d(o, i, 2, {output_size: [5, 5]})", ["x"])
G("conv_transpose1d", "x = (torch.arange(10.).view(1, 2, 5) / 4).requires_grad_()\nwt = (torch.arange(12.).view(2, 3, 2) / 10 - 0.3).requires_grad_()\nb = torch.tensor([0.1, -0.2, 0.3], requires_grad=True)",
  "F.conv_transpose1d(x, wt, b, stride=2, padding=1, output_padding=1)",
  "const x = torch.arange(10).float().view(1, 2, 5).div(4).requires_grad_();\nconst wt = torch.arange(12).float().view(2, 3, 2).div(10).sub(0.3).requires_grad_();\nconst b = torch.tensor([0.1, -0.2, 0.3], {requires_grad: true});",
  "F.conv_transpose1d(x, wt, b, {stride: 2, padding: 1, output_padding: 1})", ["x", "wt", "b"])
G("cosine_similarity_bcast", "a = (torch.arange(10.).view(2, 5) - 3).requires_grad_()\nb = torch.tensor([1., -2, 0.5, 3, 1], requires_grad=True)", "F.cosine_similarity(a, b)",
  "const a = torch.arange(10).float().view(2, 5).sub(3).requires_grad_();\nconst b = torch.tensor([1, -2, 0.5, 3, 1], {dtype: torch.float32, requires_grad: true});", "F.cosine_similarity(a, b)", ["a", "b"])
G("softmax2d", "x = (torch.arange(12.).view(1, 3, 2, 2) / 5).requires_grad_()", "nn.Softmax2d()(x)",
  "const x = torch.arange(12).float().view(1, 3, 2, 2).div(5).requires_grad_();", "new nn.Softmax2d()(x)", ["x"])
G("reflection_pad1d", "x = torch.arange(8.).view(1, 2, 4).requires_grad_()", "nn.ReflectionPad1d((3, 1))(x)",
  "const x = torch.arange(8).float().view(1, 2, 4).requires_grad_();", "new nn.ReflectionPad1d([3, 1])(x)", ["x"])
G("replication_pad1d", "x = torch.arange(8.).view(1, 2, 4).requires_grad_()", "nn.ReplicationPad1d((3, 1))(x)",
  "const x = torch.arange(8).float().view(1, 2, 4).requires_grad_();", "new nn.ReplicationPad1d([3, 1])(x)", ["x"])
G("embedding_from_pretrained_unfrozen", "e = nn.Embedding.from_pretrained(torch.arange(6.).view(3, 2), freeze=False)", "e(torch.tensor([2, 0, 2]))",
  "const e = nn.Embedding.from_pretrained(torch.arange(6).float().view(3, 2), {freeze: false});", "e(torch.tensor([2, 0, 2]))", ["e.weight"])
G("unflatten", "x = torch.arange(6.).requires_grad_()", "x.unflatten(0, (2, 3)) ** 2", "const x = torch.arange(6).float().requires_grad_();", "x.unflatten(0, [2, 3]).pow(2)", ["x"])
G("diagonal_dims", "x = torch.arange(24.).view(2, 3, 4).requires_grad_()", "torch.diagonal(x, offset=1, dim1=0, dim2=2)",
  "const x = torch.arange(24).float().view(2, 3, 4).requires_grad_();", "torch.diagonal(x, {offset: 1, dim1: 0, dim2: 2})", ["x"])

for red in ["sum", "prod", "mean", "amax", "amin"]:
    for inc in [True, False]:
        G("scatter_reduce_%s%s" % (red, "" if inc else "_no_self"),
          "x = torch.tensor([1., 2., 3., 4.], requires_grad=True)\nsrc = torch.tensor([3., 2., 0.5, 2., 5., 6.], requires_grad=True)",
          "x.scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 1]), src, reduce='%s', include_self=%s)" % (red, inc),
          "const x = torch.tensor([1, 2, 3, 4], {dtype: torch.float32, requires_grad: true});\nconst src = torch.tensor([3, 2, 0.5, 2, 5, 6], {requires_grad: true});",
          "x.scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 1]), src, '%s', {include_self: %s})" % (red, "true" if inc else "false"), ["x", "src"])

G("copysign", "a = torch.tensor([1.5, -2., 0., 3.], requires_grad=True)", "torch.copysign(a, torch.tensor([-1., -1., 1., 0.]))",
  "const a = torch.tensor([1.5, -2, 0, 3], {requires_grad: true});", "torch.copysign(a, torch.tensor([-1, -1, 1, 0], {dtype: torch.float32}))", ["a"])
G("corrcoef", "a = torch.tensor([[0.7, 1.0, 0.5, 1.4], [-0.1, 1.5, 0.4, 0.4]], requires_grad=True)", "torch.corrcoef(a)",
  "const a = torch.tensor([[0.7, 1.0, 0.5, 1.4], [-0.1, 1.5, 0.4, 0.4]], {requires_grad: true});", "torch.corrcoef(a)", ["a"])

for fn, vals in [("asinh", "[-1.5, 0.2, 3.0]"), ("acosh", "[1.5, 2.0, 4.0]"), ("atanh", "[-0.5, 0.2, 0.9]")]:
    G(fn, "x = torch.tensor(%s, requires_grad=True)" % vals, "torch.%s(x)" % fn, "const x = torch.tensor(%s, {dtype: torch.float32, requires_grad: true});" % vals, "torch.%s(x)" % fn, ["x"])

# torch.optim.lr_scheduler: the learning rate over the epochs
def sched(name, make_py, make_ts, epochs=10, metric=False):
    py = ("p = torch.nn.Parameter(torch.zeros(1))\nopt = torch.optim.SGD([p], lr=0.1, momentum=0.9)\n%s\nout = []\n"
          "for epoch in range(%d):\n    out.append(opt.param_groups[0]['lr'])\n    opt.step()\n    scheduler.step(%s)\n") % (make_py, epochs, "[1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5][epoch]" if metric else "")
    ts = ("const p = new nn.Parameter(torch.zeros(1));\nconst opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});\n%s\nconst out = [];\n"
          "for (let epoch = 0; epoch < %d; epoch++) {\n  out.push(opt.param_groups[0].lr);\n  opt.step();\n  scheduler.step(%s);\n}\nreturn out;") % (make_ts, epochs, "[1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5][epoch]" if metric else "")
    C("lr_" + name, py, ts)


S = "lr_scheduler."
sched("StepLR", "scheduler = lr_scheduler.StepLR(opt, step_size=3, gamma=0.1)", "const scheduler = new lr_scheduler.StepLR(opt, {step_size: 3, gamma: 0.1});")
sched("MultiStepLR", "scheduler = lr_scheduler.MultiStepLR(opt, milestones=[3, 7], gamma=0.1)", "const scheduler = new lr_scheduler.MultiStepLR(opt, {milestones: [3, 7], gamma: 0.1});")
sched("ExponentialLR", "scheduler = lr_scheduler.ExponentialLR(opt, gamma=0.9)", "const scheduler = new lr_scheduler.ExponentialLR(opt, {gamma: 0.9});")
sched("CosineAnnealingLR", "scheduler = lr_scheduler.CosineAnnealingLR(opt, T_max=4, eta_min=0.01)", "const scheduler = new lr_scheduler.CosineAnnealingLR(opt, {T_max: 4, eta_min: 0.01});")
sched("LambdaLR", "scheduler = lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 0.95 ** epoch)", "const scheduler = new lr_scheduler.LambdaLR(opt, (epoch) => 0.95 ** epoch);")
sched("MultiplicativeLR", "scheduler = lr_scheduler.MultiplicativeLR(opt, lr_lambda=lambda epoch: 0.95)", "const scheduler = new lr_scheduler.MultiplicativeLR(opt, (epoch) => 0.95);")
sched("ConstantLR", "scheduler = lr_scheduler.ConstantLR(opt, factor=0.5, total_iters=4)", "const scheduler = new lr_scheduler.ConstantLR(opt, {factor: 0.5, total_iters: 4});")
sched("LinearLR", "scheduler = lr_scheduler.LinearLR(opt, start_factor=0.5, total_iters=4)", "const scheduler = new lr_scheduler.LinearLR(opt, {start_factor: 0.5, total_iters: 4});")
sched("PolynomialLR", "scheduler = lr_scheduler.PolynomialLR(opt, total_iters=4, power=1.0)", "const scheduler = new lr_scheduler.PolynomialLR(opt, {total_iters: 4, power: 1.0});")
sched("PolynomialLR_p2", "scheduler = lr_scheduler.PolynomialLR(opt, total_iters=6, power=2.0)", "const scheduler = new lr_scheduler.PolynomialLR(opt, {total_iters: 6, power: 2.0});")
sched("SequentialLR", "scheduler = lr_scheduler.SequentialLR(opt, schedulers=[lr_scheduler.ConstantLR(opt, factor=0.1, total_iters=2), lr_scheduler.ExponentialLR(opt, gamma=0.9)], milestones=[2])",
      "const scheduler = new lr_scheduler.SequentialLR(opt, {schedulers: [new lr_scheduler.ConstantLR(opt, {factor: 0.1, total_iters: 2}), new lr_scheduler.ExponentialLR(opt, {gamma: 0.9})], milestones: [2]});")
sched("ChainedScheduler", "scheduler = lr_scheduler.ChainedScheduler([lr_scheduler.ConstantLR(opt, factor=0.1, total_iters=2), lr_scheduler.ExponentialLR(opt, gamma=0.9)])",
      "const scheduler = new lr_scheduler.ChainedScheduler([new lr_scheduler.ConstantLR(opt, {factor: 0.1, total_iters: 2}), new lr_scheduler.ExponentialLR(opt, {gamma: 0.9})]);")
sched("CosineAnnealingWarmRestarts", "scheduler = lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=3, T_mult=2, eta_min=0.001)", "const scheduler = new lr_scheduler.CosineAnnealingWarmRestarts(opt, {T_0: 3, T_mult: 2, eta_min: 0.001});", epochs=12)
sched("OneCycleLR", "scheduler = lr_scheduler.OneCycleLR(opt, max_lr=0.01, steps_per_epoch=5, epochs=2)", "const scheduler = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, steps_per_epoch: 5, epochs: 2});")
sched("OneCycleLR_linear", "scheduler = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=10, anneal_strategy='linear', three_phase=True)", "const scheduler = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, total_steps: 10, anneal_strategy: 'linear', three_phase: true});")
sched("CyclicLR", "scheduler = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=3)", "const scheduler = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 3});", epochs=12)
sched("CyclicLR_triangular2", "scheduler = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2, mode='triangular2')", "const scheduler = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 2, mode: 'triangular2'});", epochs=12)
sched("CyclicLR_exp_range", "scheduler = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2, mode='exp_range', gamma=0.9)", "const scheduler = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 2, mode: 'exp_range', gamma: 0.9});", epochs=12)
sched("ReduceLROnPlateau", "scheduler = lr_scheduler.ReduceLROnPlateau(opt, 'min', patience=2)", "const scheduler = new lr_scheduler.ReduceLROnPlateau(opt, 'min', {patience: 2});", epochs=12, metric=True)
sched("ReduceLROnPlateau_cooldown", "scheduler = lr_scheduler.ReduceLROnPlateau(opt, mode='max', factor=0.5, patience=1, cooldown=2)", "const scheduler = new lr_scheduler.ReduceLROnPlateau(opt, {mode: 'max', factor: 0.5, patience: 1, cooldown: 2});", epochs=12, metric=True)
sched("StepLR_last_lr", "scheduler = lr_scheduler.StepLR(opt, 2, 0.5)\nscheduler.step()\nscheduler.step()\nopt.param_groups[0]['lr'] = opt.param_groups[0]['lr']",
      "const scheduler = new lr_scheduler.StepLR(opt, 2, 0.5);\nscheduler.step();\nscheduler.step();", epochs=6)
sched("ExponentialLR_then_MultiStepLR", "s1 = lr_scheduler.ExponentialLR(opt, gamma=0.9)\ns2 = lr_scheduler.MultiStepLR(opt, milestones=[3, 5], gamma=0.5)\nclass Both:\n    def step(self):\n        s1.step(); s2.step()\nscheduler = Both()",
      "const s1 = new lr_scheduler.ExponentialLR(opt, {gamma: 0.9});\nconst s2 = new lr_scheduler.MultiStepLR(opt, {milestones: [3, 5], gamma: 0.5});\nconst scheduler = {step: () => { s1.step(); s2.step(); }};")
sched("CosineAnnealingLR_past_T_max", "scheduler = lr_scheduler.CosineAnnealingLR(opt, T_max=3)", "const scheduler = new lr_scheduler.CosineAnnealingLR(opt, {T_max: 3});", epochs=10)
sched("LambdaLR_warmup", "scheduler = lr_scheduler.LambdaLR(opt, lambda e: min(1.0, (e + 1) / 4))", "const scheduler = new lr_scheduler.LambdaLR(opt, (e) => Math.min(1.0, (e + 1) / 4));")
sched("LinearLR_end", "scheduler = lr_scheduler.LinearLR(opt, start_factor=1.0, end_factor=0.2, total_iters=5)", "const scheduler = new lr_scheduler.LinearLR(opt, {start_factor: 1.0, end_factor: 0.2, total_iters: 5});")
sched("SequentialLR_3", "scheduler = lr_scheduler.SequentialLR(opt, [lr_scheduler.LinearLR(opt, 0.25, total_iters=2), lr_scheduler.StepLR(opt, 2), lr_scheduler.ExponentialLR(opt, 0.5)], milestones=[2, 5])",
      "const scheduler = new lr_scheduler.SequentialLR(opt, [new lr_scheduler.LinearLR(opt, 0.25, {total_iters: 2}), new lr_scheduler.StepLR(opt, 2), new lr_scheduler.ExponentialLR(opt, 0.5)], [2, 5]);", epochs=10)
sched("CosineAnnealingWarmRestarts_T_mult1", "scheduler = lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=4)", "const scheduler = new lr_scheduler.CosineAnnealingWarmRestarts(opt, {T_0: 4});", epochs=10)
sched("OneCycleLR_pct", "scheduler = lr_scheduler.OneCycleLR(opt, max_lr=0.5, total_steps=12, pct_start=0.4, div_factor=10, final_div_factor=100)",
      "const scheduler = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.5, total_steps: 12, pct_start: 0.4, div_factor: 10, final_div_factor: 100});", epochs=12)
sched("CyclicLR_down", "scheduler = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2, step_size_down=4)", "const scheduler = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 2, step_size_down: 4});", epochs=12)
sched("ReduceLROnPlateau_threshold_abs", "scheduler = lr_scheduler.ReduceLROnPlateau(opt, patience=0, threshold=0.6, threshold_mode='abs', min_lr=0.02)",
      "const scheduler = new lr_scheduler.ReduceLROnPlateau(opt, {patience: 0, threshold: 0.6, threshold_mode: 'abs', min_lr: 0.02});", epochs=12, metric=True)
C("lr_OneCycleLR_momentum", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
s = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=6)
out = []
for _ in range(6):
    out.append(opt.param_groups[0]['momentum'])
    opt.step()
    s.step()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});
const s = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, total_steps: 6});
const out = [];
for (let i = 0; i < 6; i++) { out.push(opt.param_groups[0].momentum); opt.step(); s.step(); }
return out;""")
C("lr_OneCycleLR_adam_betas", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.Adam([p], lr=0.1)
s = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=5)
out = []
for _ in range(5):
    out.append(opt.param_groups[0]['betas'][0])
    opt.step()
    s.step()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.Adam([p], {lr: 0.1});
const s = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, total_steps: 5});
const out = [];
for (let i = 0; i < 5; i++) { out.push(opt.param_groups[0].betas[0]); opt.step(); s.step(); }
return out;""")
C("lr_get_last_lr", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([{'params': [p]}, {'params': [torch.nn.Parameter(torch.zeros(1))], 'lr': 0.5}], lr=0.1)
s = lr_scheduler.StepLR(opt, 1, gamma=0.1)
opt.step()
s.step()
out = s.get_last_lr()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([{params: [p]}, {params: [new nn.Parameter(torch.zeros(1))], lr: 0.5}], {lr: 0.1});
const s = new lr_scheduler.StepLR(opt, 1, {gamma: 0.1});
opt.step();
s.step();
return s.get_last_lr();""")
C("lr_CyclicLR_momentum", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
s = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2)
out = []
for _ in range(6):
    out.append(opt.param_groups[0]['momentum'])
    opt.step()
    s.step()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});
const s = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 2});
const out = [];
for (let i = 0; i < 6; i++) { out.push(opt.param_groups[0].momentum); opt.step(); s.step(); }
return out;""")
C("lr_CyclicLR_no_momentum_error", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.Adagrad([p], lr=0.1)
out = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, cycle_momentum=True)
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.Adagrad([p], {lr: 0.1});
return new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, cycle_momentum: true});""", keys=["momentum"])
C("lr_ReduceLROnPlateau_bad_mode", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
out = lr_scheduler.ReduceLROnPlateau(opt, mode='avg')
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1});
return new lr_scheduler.ReduceLROnPlateau(opt, {mode: 'avg'});""", keys=["mode", "avg"])
C("lr_ReduceLROnPlateau_factor", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
out = lr_scheduler.ReduceLROnPlateau(opt, factor=1.0)
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1});
return new lr_scheduler.ReduceLROnPlateau(opt, {factor: 1.0});""", keys=["Factor", "1.0"])
C("lr_MultiStepLR_milestones_unsorted", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=1.0)
s = lr_scheduler.MultiStepLR(opt, milestones=[4, 2, 2], gamma=0.5)
out = []
for _ in range(6):
    out.append(opt.param_groups[0]['lr'])
    opt.step()
    s.step()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 1.0});
const s = new lr_scheduler.MultiStepLR(opt, {milestones: [4, 2, 2], gamma: 0.5});
const out = [];
for (let i = 0; i < 6; i++) { out.push(opt.param_groups[0].lr); opt.step(); s.step(); }
return out;""")
C("lr_LinearLR_bad_factor", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
out = lr_scheduler.LinearLR(opt, start_factor=1.5)
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1});
return new lr_scheduler.LinearLR(opt, {start_factor: 1.5});""", keys=["Starting multiplicative factor"])
C("lr_ConstantLR_bad_factor", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
out = lr_scheduler.ConstantLR(opt, factor=2)
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1});
return new lr_scheduler.ConstantLR(opt, {factor: 2});""", keys=["Constant multiplicative factor"])
C("lr_StepLR_bad_optimizer", "lr_scheduler.StepLR(3, step_size=2)", "new lr_scheduler.StepLR(3, {step_size: 2})", keys=["Optimizer"])
C("lr_OneCycleLR_too_many_steps", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
s = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=3)
for _ in range(4):
    opt.step()
    s.step()
out = 0
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});
const s = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, total_steps: 3});
for (let i = 0; i < 4; i++) { opt.step(); s.step(); }
return 0;""", keys=["5", "3"])


def main():
    with open(os.path.join(HERE, "docs_examples.json"), "w") as f:
        json.dump({"cases": CASES}, f, indent=0, separators=(",", ":"))
        f.write("\n")
    print(len(CASES), "cases")


if __name__ == "__main__":
    main()
