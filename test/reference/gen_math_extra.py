#!/usr/bin/python3
"""Reference values for the extra math functions (src/ops/math_extra.ts, src/ops/linalg_extra.ts).

Run with Debian's interpreter (the pyenv `python3` on PATH has no torch):

    /usr/bin/python3 test/reference/gen_math_extra.py

Same case format as gen_core.py (read back by test/tensor/fixtures.ts): inputs, a Python expression
and its TypeScript twin, the forward result(s), a fixed random upstream gradient per float output and
the gradient of every float input. Writes test/reference/math_extra.json.
"""
import json
import os

import torch

from _common import enc, r4

HERE = os.path.dirname(os.path.abspath(__file__))
rng = torch.Generator().manual_seed(4321)


def make_input(spec):
    """('f', shape) normal | ('u', shape, lo, hi) uniform | ('i', shape, lo, hi) ints | ('v', values[, dtype])."""
    kind = spec[0]
    if kind == "v":
        t = torch.tensor(spec[1], dtype=spec[2] if len(spec) > 2 else None)
        return t.float() if t.dtype == torch.float64 else t
    shape = spec[1]
    if kind == "f":
        return torch.tensor(r4(torch.randn(shape, generator=rng).reshape(-1))).reshape(shape)
    if kind == "u":
        lo, hi = spec[2], spec[3]
        return torch.tensor(r4((torch.rand(shape, generator=rng) * (hi - lo) + lo).reshape(-1))).reshape(shape)
    if kind == "i":
        return torch.randint(spec[2], spec[3], shape, generator=rng)
    raise ValueError(kind)


CASES = []


def C(name, inputs, py, ts=None, grad=True, tol=None):
    env = {"torch": torch}
    enc_inputs = {}
    for k, spec in inputs.items():
        t = make_input(spec)
        if t.dtype == torch.float32 and grad:
            t.requires_grad_(True)
        env[k] = t
        enc_inputs[k] = enc(t)
    out = eval(py, env)
    multi = isinstance(out, (tuple, list))
    outs = list(out) if multi else [out]
    outs = list(outs)
    case = {"name": name, "py": py, "ts": py if ts is None else ts, "inputs": enc_inputs, "multi": multi, "out": [enc(o) for o in outs]}
    if tol is not None:
        case["tol"] = tol
    if grad and any(o.requires_grad for o in outs):
        gs, loss = [], 0
        for o in outs:
            if o.requires_grad:
                g = torch.tensor(r4(torch.randn(o.shape, generator=rng).reshape(-1))).reshape(o.shape)
                loss = loss + (o * g).sum()
                gs.append(enc(g))
            else:
                gs.append(None)
        loss.backward()
        case["grad_out"] = gs
        # sgn's backward hands back PyTorch's storage-less "zero tensor": encode it as zeros.
        case["grads"] = {k: enc(torch.zeros_like(env[k]) if env[k].grad is None or env[k].grad._is_zerotensor() else env[k].grad)
                         for k in inputs if isinstance(env[k], torch.Tensor) and env[k].requires_grad}
        case["numgrad"] = False
    CASES.append(case)


F = ("f", [2, 3])
# ------------------------------------------------------------------ unary
C("absolute", {"a": F}, "torch.absolute(a)")
C("acos", {"a": ("u", [5], -0.9, 0.9)}, "torch.acos(a)")
C("arccos", {"a": ("u", [3], -0.9, 0.9)}, "torch.arccos(a)")
C("asin", {"a": ("u", [5], -0.9, 0.9)}, "torch.asin(a)")
C("atan", {"a": F}, "torch.atan(a)")
C("cosh", {"a": F}, "torch.cosh(a)")
C("sinh", {"a": F}, "torch.sinh(a)")
C("tan", {"a": ("u", [5], -1.2, 1.2)}, "torch.tan(a)")
C("tan_int", {"i": ("v", [0, 1, -1])}, "torch.tan(i)")
C("deg2rad", {"a": F}, "torch.deg2rad(a)")
C("deg2rad_int", {"i": ("v", [180, -90])}, "torch.deg2rad(i)")
C("rad2deg", {"a": F}, "torch.rad2deg(a)")
C("erfc", {"a": F}, "torch.erfc(a)")
C("erfinv", {"a": ("v", [-0.99, -0.5, 0.0, 0.3, 0.9, 0.999])}, "torch.erfinv(a)", tol=2e-4)
C("erfinv_edges", {"a": ("v", [-1.0, 1.0, 1.5])}, "torch.erfinv(a)", grad=False)
C("exp2", {"a": F}, "torch.exp2(a)")
C("exp2_int", {"i": ("v", [0, 3, -1])}, "torch.exp2(i)")
C("frac", {"a": ("v", [-1.5, 2.25, 0.0, -0.75, 3.0])}, "torch.frac(a)")
C("logit", {"a": ("v", [0.1, 0.5, 0.9, 0.0, 1.0])}, "torch.logit(a)")
C("logit_eps", {"a": ("v", [0.01, 0.5, 0.99, 0.0, 1.0])}, "torch.logit(a, eps=0.05)", "torch.logit(a, {eps: 0.05})")
C("logit_outside", {"a": ("v", [-0.5, 1.5])}, "torch.logit(a)")
C("sgn", {"a": ("v", [-2.0, 0.0, 3.0])}, "torch.sgn(a)")
# -0.0 does not survive the JSON encoding; the test checks it directly.
C("signbit", {"a": ("v", [-3.0, 0.0, -1.5, 2.0])}, "torch.signbit(a)")
C("signbit_int", {"i": ("v", [-1, 0, 2])}, "torch.signbit(i)")
C("nan_to_num", {"a": ("v", [float("nan"), float("inf"), -float("inf"), 1.5])}, "torch.nan_to_num(a)")
C("nan_to_num_args", {"a": ("v", [float("nan"), float("inf"), -float("inf"), 1.5])},
  "torch.nan_to_num(a, nan=0.5, posinf=9.0, neginf=-9.0)", "torch.nan_to_num(a, {nan: 0.5, posinf: 9.0, neginf: -9.0})")
C("nan_to_num_pos", {"a": ("v", [float("nan"), float("inf"), -2.0])}, "torch.nan_to_num(a, 1.0, 100.0)", "torch.nan_to_num(a, 1.0, 100.0)")
C("sinc", {"a": ("v", [0.0, 0.5, -1.25, 2.0, 0.1])}, "torch.sinc(a)")
C("lgamma", {"a": ("v", [0.5, 1.0, 2.5, 7.3, -0.5, -2.5, 0.01])}, "torch.lgamma(a)")
C("lgamma_int", {"i": ("v", [1, 3, 5])}, "torch.lgamma(i)")
C("digamma", {"a": ("v", [0.5, 1.0, 2.5, 7.3, -0.5, -2.5, 0.01])}, "torch.digamma(a)", tol=2e-4)
C("negative", {"a": F}, "torch.negative(a)")
C("method_acos_chain", {"a": ("u", [4], -0.5, 0.5)}, "a.acos().cosh().atan()")
# ------------------------------------------------------------------ binary
C("atan2", {"a": F, "b": ("f", [3])}, "torch.atan2(a, b)")
C("atan2_int", {"i": ("v", [1, -1, 0]), "j": ("v", [0, 0, -2])}, "torch.atan2(i, j)")
C("atan2_method", {"a": F, "b": F}, "a.atan2(b)")
C("fmod", {"a": ("v", [-3.0, -1.5, 1.5, 3.0, 5.5]), "b": ("v", [2.0, 2.0, -2.0, -2.0, 1.5])}, "torch.fmod(a, b)")
C("fmod_scalar", {"a": ("v", [-3.0, -1.5, 1.5, 3.0])}, "torch.fmod(a, 2)")
C("fmod_int", {"i": ("v", [-7, -3, 3, 7]), "j": ("v", [2, 2, -2, 3])}, "torch.fmod(i, j)")
C("hypot", {"a": F, "b": ("f", [1, 3])}, "torch.hypot(a, b)")
C("xlogy", {"a": ("v", [0.0, 1.0, 2.0, 0.0]), "b": ("v", [0.0, 2.0, 0.5, 3.0])}, "torch.xlogy(a, b)")
C("xlogy_scalar", {"a": ("v", [0.0, 1.0, 2.0])}, "torch.xlogy(a, 3)")
C("logaddexp", {"a": F, "b": ("f", [3])}, "torch.logaddexp(a, b)")
C("logaddexp_big", {"a": ("v", [100.0, -100.0, 0.0]), "b": ("v", [100.0, -101.0, -200.0])}, "torch.logaddexp(a, b)")
C("heaviside", {"a": ("v", [-1.0, 0.0, 2.0]), "b": ("v", [0.5])}, "torch.heaviside(a, b)", grad=False)
C("float_power", {"a": ("u", [4], 0.5, 2.0)}, "torch.float_power(a, 2.5)")
C("float_power_int", {"i": ("v", [2, 3]), "j": ("v", [3, -1])}, "torch.float_power(i, j)")
C("gcd", {"i": ("v", [4, 6, 0, -12]), "j": ("v", [6, -4, 5, 18])}, "torch.gcd(i, j)")
C("lcm", {"i": ("v", [4, 0, -3]), "j": ("v", [6, 3, 4])}, "torch.lcm(i, j)")
C("ldexp", {"a": F, "e": ("v", [1, -2, 3])}, "torch.ldexp(a, e)")
C("multiply", {"a": F, "b": ("f", [3])}, "torch.multiply(a, b)")
C("subtract", {"a": F, "b": ("f", [3])}, "torch.subtract(a, b, alpha=2)", "torch.subtract(a, b, {alpha: 2})")
C("divide", {"a": F, "b": ("u", [3], 0.5, 2)}, "torch.divide(a, b)")
C("divide_floor", {"a": F}, "torch.divide(a, 0.7, rounding_mode='floor')", "torch.divide(a, 0.7, {rounding_mode: 'floor'})")
C("clamp_min", {"a": F}, "torch.clamp_min(a, 0.1)")
C("clamp_max", {"a": F}, "torch.clamp_max(a, -0.1)")
C("clamp_min_tensor", {"a": F, "b": ("f", [3])}, "torch.clamp_min(a, b)")
# ------------------------------------------------------------------ ternary
C("addcmul", {"t": ("f", [3]), "a": F, "b": ("f", [2, 1])}, "torch.addcmul(t, a, b, value=0.5)", "torch.addcmul(t, a, b, {value: 0.5})")
C("addcmul_default", {"t": F, "a": F, "b": F}, "torch.addcmul(t, a, b)")
C("addcdiv", {"t": ("f", [3]), "a": F, "b": ("u", [2, 3], 0.5, 2)}, "torch.addcdiv(t, a, b, value=-2)", "torch.addcdiv(t, a, b, {value: -2})")
C("addcmul_method", {"t": F, "a": F, "b": F}, "t.addcmul(a, b, value=3)", "t.addcmul(a, b, {value: 3})")
C("lerp_scalar", {"s": F, "e": ("f", [3])}, "torch.lerp(s, e, 0.3)")
C("lerp_tensor", {"s": F, "e": F, "w": ("u", [3], 0, 1)}, "torch.lerp(s, e, w)")
C("lerp_method", {"s": F, "e": F}, "s.lerp(e, 0.75)")
# ------------------------------------------------------------------ reductions
NANS = ("v", [[1.0, float("nan"), 2.0], [float("nan"), float("nan"), -3.0]])
C("nansum", {"a": NANS}, "torch.nansum(a)")
C("nansum_dim", {"a": NANS}, "torch.nansum(a, 1)")
C("nanmean", {"a": NANS}, "torch.nanmean(a)")
C("nanmean_dim_keep", {"a": NANS}, "torch.nanmean(a, dim=0, keepdim=True)", "torch.nanmean(a, {dim: 0, keepdim: true})")
C("nansum_int", {"i": ("v", [[1, 2], [3, 4]])}, "torch.nansum(i)")
C("count_nonzero", {"a": ("v", [[0.0, 1.0, 2.0], [0.0, 0.0, 3.0]])}, "torch.count_nonzero(a)")
C("count_nonzero_dim", {"a": ("v", [[0.0, 1.0, 2.0], [0.0, 0.0, 3.0]])}, "torch.count_nonzero(a, dim=1)", "torch.count_nonzero(a, {dim: 1})")
C("std_mean", {"a": ("f", [3, 4])}, "torch.std_mean(a)")
C("std_mean_dim", {"a": ("f", [3, 4])}, "torch.std_mean(a, 1, unbiased=False)", "torch.std_mean(a, 1, {unbiased: false})")
C("var_mean", {"a": ("f", [3, 4])}, "torch.var_mean(a, dim=0, keepdim=True)", "torch.var_mean(a, {dim: 0, keepdim: true})")
C("var_mean_correction", {"a": ("f", [2, 5])}, "torch.var_mean(a, 1, correction=0)", "torch.var_mean(a, 1, {correction: 0})")
C("cummax", {"a": ("v", [[1.0, 3.0, 2.0, 3.0, 5.0], [0.0, -1.0, 4.0, 4.0, 1.0]])}, "torch.cummax(a, 1)")
C("cummin", {"a": ("v", [[1.0, 3.0, 0.0, 3.0, -5.0], [0.0, -1.0, 4.0, -1.0, 1.0]])}, "torch.cummin(a, dim=1)", "torch.cummin(a, {dim: 1})")
C("cummax_dim0", {"a": ("f", [4, 2])}, "torch.cummax(a, 0)")
C("cummax_int", {"i": ("v", [1, 3, 2, 3])}, "torch.cummax(i, 0)")
C("logcumsumexp", {"a": ("f", [2, 4])}, "torch.logcumsumexp(a, 1)")
C("logcumsumexp_big", {"a": ("v", [100.0, 0.0, 101.0])}, "torch.logcumsumexp(a, 0)")
C("trace", {"a": ("f", [3, 3])}, "torch.trace(a)")
C("trace_rect", {"a": ("f", [2, 4])}, "torch.trace(a)")
C("trace_int", {"i": ("v", [[1, 2], [3, 4]])}, "torch.trace(i)")
C("histc", {"a": ("v", [1.0, 2.0, 1.0, 2.5, -1.0, 4.0])}, "torch.histc(a, bins=4, min=0, max=3)", "torch.histc(a, {bins: 4, min: 0, max: 3})")
C("histc_auto", {"a": ("v", [1.0, 2.0, 1.0, 2.5, 3.0])}, "torch.histc(a, 5)")
C("histc_same", {"a": ("v", [2.0, 2.0])}, "torch.histc(a, 4)")
C("diff", {"a": ("f", [2, 5])}, "torch.diff(a)")
C("diff_n2_dim0", {"a": ("f", [4, 3])}, "torch.diff(a, n=2, dim=0)", "torch.diff(a, {n: 2, dim: 0})")
C("diff_prepend", {"a": ("f", [2, 3]), "p": ("f", [2, 1]), "q": ("f", [2, 2])}, "torch.diff(a, dim=1, prepend=p, append=q)", "torch.diff(a, {dim: 1, prepend: p, append: q})")
C("diff_bool", {"m": ("v", [True, False, False, True])}, "torch.diff(m)")
C("diff_int", {"i": ("v", [1, 4, 9, 16])}, "torch.diff(i)")
C("cov", {"a": ("f", [3, 5])}, "torch.cov(a)")
C("cov_correction0", {"a": ("f", [2, 4])}, "torch.cov(a, correction=0)", "torch.cov(a, {correction: 0})")
C("cov_1d", {"a": ("f", [6])}, "torch.cov(a)")
C("cov_weights", {"a": ("f", [2, 4]), "fw": ("v", [1, 2, 1, 3]), "aw": ("v", [0.5, 1.0, 2.0, 1.0])},
  "torch.cov(a, fweights=fw, aweights=aw)", "torch.cov(a, {fweights: fw, aweights: aw})")
C("cov_int", {"i": ("v", [[1, 2, 4], [0, 1, 1]])}, "torch.cov(i)")
C("trapz", {"y": ("f", [2, 4])}, "torch.trapz(y)")
C("trapz_x", {"y": ("f", [2, 4]), "x": ("v", [0.0, 1.0, 3.0, 3.5])}, "torch.trapz(y, x)")
C("trapz_dx_dim", {"y": ("f", [3, 2])}, "torch.trapz(y, dx=0.5, dim=0)", "torch.trapz(y, {dx: 0.5, dim: 0})")
C("trapz_int", {"i": ("v", [1, 2, 3])}, "torch.trapz(i)")
C("aminmax", {"a": ("f", [3, 4])}, "torch.aminmax(a)", grad=False)
C("aminmax_dim", {"a": ("f", [3, 4])}, "torch.aminmax(a, dim=1, keepdim=True)", "torch.aminmax(a, {dim: 1, keepdim: true})", grad=False)
C("aminmax_int", {"i": ("v", [[1, 2], [3, 0]])}, "torch.aminmax(i, dim=1)", "torch.aminmax(i, {dim: 1})")
# ------------------------------------------------------------------ creation
C("logspace", {}, "torch.logspace(0, 2, 3)")
C("logspace_base", {}, "torch.logspace(-1, 2, 4, base=2)", "torch.logspace(-1, 2, 4, {base: 2})")
C("range", {}, "torch.range(1, 4)")
C("range_step", {}, "torch.range(0, 1, 0.25)")
C("range_neg", {}, "torch.range(3, -3, -2)")
# ------------------------------------------------------------------ methods and in-place twins on fresh tensors
C("sum_to_size", {"a": ("f", [2, 3, 4])}, "a.sum_to_size(3, 1)", "a.sum_to_size(3, 1)")
C("type_as", {"i": ("v", [1, 2]), "a": ("f", [2])}, "i.type_as(a)", grad=False)
C("index_add", {"a": ("f", [4, 2]), "s": ("f", [3, 2]), "idx": ("v", [0, 2, 0])}, "a.index_add(0, idx, s, alpha=2)", "a.index_add(0, idx, s, {alpha: 2})")
C("index_fill", {"a": ("f", [3, 4]), "idx": ("v", [1, 3])}, "a.index_fill(1, idx, -1.5)")
C("masked_scatter", {"a": ("f", [2, 3]), "m": ("v", [[True, False, True], [False, True, False]]), "s": ("f", [2, 3])}, "a.masked_scatter(m, s)")
C("put", {"a": ("f", [2, 3]), "idx": ("v", [0, 5, -1]), "s": ("v", [9.0, 8.0, 7.0])}, "a.put(idx, s, accumulate=True)", "a.put(idx, s, {accumulate: true})")
# ------------------------------------------------------------------ linalg
C("det", {"A": ("f", [3, 3])}, "torch.det(A)")
C("det_batched", {"A": ("f", [2, 3, 3])}, "torch.linalg.det(A)")
C("det_singular_value", {"A": ("v", [[1.0, 2.0], [2.0, 4.0]])}, "torch.linalg.det(A)", grad=False)
C("inv", {"A": ("v", [[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])}, "torch.linalg.inv(A)")
C("inv_batched", {"A": ("f", [2, 3, 3])}, "torch.inverse(A)", tol=1e-3)
C("solve", {"A": ("v", [[4.0, 1.0], [1.0, 3.0]]), "B": ("f", [2, 3])}, "torch.linalg.solve(A, B)")
C("solve_vec", {"A": ("v", [[[4.0, 1.0], [1.0, 3.0]], [[2.0, 0.0], [1.0, 1.0]]]), "b": ("f", [2, 2])}, "torch.linalg.solve(A, b)")
C("slogdet", {"A": ("f", [2, 3, 3])}, "torch.slogdet(A)")
C("linalg_slogdet", {"A": ("f", [3, 3])}, "torch.linalg.slogdet(A)")
C("logdet", {"A": ("v", [[2.0, 1.0], [1.0, 3.0]])}, "torch.logdet(A)")
C("logdet_negative", {"A": ("v", [[0.0, 1.0], [1.0, 0.0]])}, "torch.logdet(A)", grad=False)
C("vector_norm", {"a": F}, "torch.linalg.vector_norm(a)")
C("vector_norm_ord", {"a": F}, "torch.linalg.vector_norm(a, ord=3, dim=1)", "torch.linalg.vector_norm(a, {ord: 3, dim: 1})")
C("vector_norm_inf", {"a": F}, "torch.linalg.vector_norm(a, float('inf'), dim=0, keepdim=True)", "torch.linalg.vector_norm(a, Infinity, {dim: 0, keepdim: true})")
C("vector_norm_ninf", {"a": F}, "torch.linalg.vector_norm(a, -float('inf'))", "torch.linalg.vector_norm(a, -Infinity)")
C("vector_norm_1", {"a": F}, "torch.linalg.vector_norm(a, 1)")
C("vector_norm_0", {"a": ("v", [0.0, 1.5, -2.0, 0.0])}, "torch.linalg.vector_norm(a, 0)", grad=False)
C("matrix_norm_fro", {"A": ("f", [2, 3, 3])}, "torch.linalg.matrix_norm(A)")
C("matrix_norm_1", {"A": ("f", [3, 4])}, "torch.linalg.matrix_norm(A, 1)")
C("matrix_norm_inf", {"A": ("f", [3, 4])}, "torch.linalg.matrix_norm(A, ord=-float('inf'))", "torch.linalg.matrix_norm(A, {ord: -Infinity})")
C("matrix_norm_2", {"A": ("f", [3, 4])}, "torch.linalg.matrix_norm(A, 2)", tol=1e-3)
C("matrix_norm_neg2_batched", {"A": ("f", [2, 4, 3])}, "torch.linalg.matrix_norm(A, -2)", tol=1e-3)
C("matrix_norm_nuc_keepdim", {"A": ("f", [2, 3, 3])}, "torch.linalg.matrix_norm(A, 'nuc', keepdim=True)", "torch.linalg.matrix_norm(A, 'nuc', {keepdim: true})", tol=1e-3)
C("matrix_norm_nuc_dims", {"A": ("f", [3, 2, 4])}, "torch.linalg.matrix_norm(A, 'nuc', dim=(0, 2))", "torch.linalg.matrix_norm(A, 'nuc', [0, 2])", tol=1e-3)
C("norm_2_matrix", {"A": ("f", [4, 2])}, "torch.linalg.norm(A, 2)", tol=1e-3)
C("norm_default", {"A": ("f", [3, 4])}, "torch.linalg.norm(A)")
C("norm_vec_dim", {"A": ("f", [3, 4])}, "torch.linalg.norm(A, dim=1)", "torch.linalg.norm(A, {dim: 1})")
C("norm_matrix_ord", {"A": ("f", [3, 4])}, "torch.linalg.norm(A, 'fro')", "torch.linalg.norm(A, 'fro')")
C("norm_vec_ord", {"a": ("f", [5])}, "torch.linalg.norm(a, 3)")
C("linalg_cross", {"a": ("f", [2, 3]), "b": ("f", [1, 3])}, "torch.linalg.cross(a, b)")

with open(os.path.join(HERE, "math_extra.json"), "w") as f:
    json.dump({"generator": "gen_math_extra.py", "torch": torch.__version__, "cases": CASES}, f, separators=(",", ":"))
print(len(CASES), "cases")
