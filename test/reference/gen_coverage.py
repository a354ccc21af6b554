#!/usr/bin/python3
"""Reference values for the names added by the API-coverage round (bench/api_coverage.md):
torchvision.ops box utilities, nms and sigmoid_focal_loss (src/torchvision/ops/), the comparison
aliases, bitwise methods, in-place unary math, dtype predicates, logaddexp2, matrix_power and the
torch.linalg additions (src/tensor/methods_more.ts, src/torch_more.ts, src/ops/{logaddexp2,
matrix_power,multi_dot,vecdot}.ts).

Run with Debian's interpreter (the pyenv `python3` on PATH has no torch):

    /usr/bin/python3 test/reference/gen_coverage.py

Case format as gen_math_extra.py (read back by test/tensor/fixtures.ts): inputs, a Python expression
and its TypeScript twin (torch and torchvision in scope), the outputs (values, shape, dtype), a fixed
random upstream gradient per float output and the gradient of every float input; plus errors:
[class name, message] of a Python expression and its TypeScript twin, and scalar (bool) results.
Writes test/reference/coverage.json.
"""
import json
import os

import torch
import torchvision

from _common import enc, err, r4

HERE = os.path.dirname(os.path.abspath(__file__))
rng = torch.Generator().manual_seed(1313)


def make_input(spec):
    """('f', shape) normal | ('u', shape, lo, hi) uniform | ('i', shape, lo, hi) ints | ('v', values[, dtype]) |
    ('box', n, scale) random xyxy boxes with x1 < x2, y1 < y2."""
    kind = spec[0]
    if kind == "v":
        t = torch.tensor(spec[1], dtype=spec[2] if len(spec) > 2 else None)
        return t.float() if t.dtype == torch.float64 else t
    if kind == "box":
        n, scale = spec[1], spec[2]
        xy = torch.rand((n, 2), generator=rng) * scale
        wh = torch.rand((n, 2), generator=rng) * scale * 0.6 + 0.5
        return torch.tensor(r4(torch.cat([xy, xy + wh], 1).reshape(-1))).reshape(n, 4)
    shape = spec[1]
    if kind == "f":
        return torch.tensor(r4(torch.randn(shape, generator=rng).reshape(-1))).reshape(shape)
    if kind == "u":
        lo, hi = spec[2], spec[3]
        return torch.tensor(r4((torch.rand(shape, generator=rng) * (hi - lo) + lo).reshape(-1))).reshape(shape)
    if kind == "i":
        return torch.randint(spec[2], spec[3], shape, generator=rng)
    raise ValueError(kind)


CASES, ERRORS, SCALARS = [], [], []


class RangeDataset(torch.utils.data.IterableDataset):
    """range(start, end) as an iterable-style dataset (rangeDataset(start, end) on the TypeScript side)."""

    def __init__(self, start, end):
        super().__init__()
        self.start, self.end = start, end

    def __iter__(self):
        return iter(range(self.start, self.end))


def env():
    return {"torch": torch, "torchvision": torchvision, "rangeDataset": RangeDataset}


def C(name, inputs, py, ts=None, grad=True, tol=None):
    e = env()
    enc_inputs = {}
    for k, spec in inputs.items():
        t = make_input(spec)
        if t.dtype == torch.float32 and grad:
            t.requires_grad_(True)
        e[k] = t
        enc_inputs[k] = enc(t)
    out = eval(py, e)
    multi = isinstance(out, (tuple, list))
    outs = list(out) if multi else [out]
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
        case["grads"] = {k: enc(torch.zeros_like(e[k]) if e[k].grad is None or e[k].grad._is_zerotensor() else e[k].grad)
                         for k in inputs if isinstance(e[k], torch.Tensor) and e[k].requires_grad}
    CASES.append(case)


def E(name, py, ts):
    """An error case: the expression runs on fixed small tensors named in `py` itself."""
    ERRORS.append({"name": name, "py": py, "ts": ts, "err": err(lambda: eval(py, env()))})


def S(name, py, ts):
    """A case whose result is a Python bool or int."""
    SCALARS.append({"name": name, "py": py, "ts": ts, "value": eval(py, env())})


ops = "torchvision.ops."
B = ("box", 4, 10.0)
# ------------------------------------------------------------------ torchvision.ops: boxes
C("box_area", {"b": B}, ops + "box_area(b)")
C("box_area_int", {"b": ("v", [[0, 0, 2, 3], [1, 2, 4, 7]])}, ops + "box_area(b)")
C("box_iou", {"a": ("box", 3, 5.0), "b": ("box", 4, 5.0)}, ops + "box_iou(a, b)")
C("box_iou_int", {"a": ("v", [[0, 0, 2, 2], [1, 1, 4, 3]]), "b": ("v", [[1, 1, 3, 3]])}, ops + "box_iou(a, b)")
C("box_iou_disjoint", {"a": ("v", [[0.0, 0, 1, 1]]), "b": ("v", [[2.0, 2, 3, 3], [0.5, 0.5, 1.5, 1.5]])}, ops + "box_iou(a, b)")
C("generalized_box_iou", {"a": ("box", 3, 5.0), "b": ("box", 2, 5.0)}, ops + "generalized_box_iou(a, b)")
C("generalized_box_iou_disjoint", {"a": ("v", [[0.0, 0, 1, 1]]), "b": ("v", [[2.0, 2, 3, 3]])}, ops + "generalized_box_iou(a, b)")
for src in ("xyxy", "xywh", "cxcywh"):
    for dst in ("xyxy", "xywh", "cxcywh"):
        C(f"box_convert_{src}_{dst}", {"b": B}, f"{ops}box_convert(b, '{src}', '{dst}')", f"{ops}box_convert(b, '{src}', '{dst}')")
C("box_convert_int", {"b": ("v", [[1, 2, 5, 8]])}, ops + "box_convert(b, 'xyxy', 'cxcywh')")
C("clip_boxes_to_image", {"b": ("v", [[-1.5, 2.0, 7.0, 12.0], [3.0, -4.0, 4.5, 5.0]])}, ops + "clip_boxes_to_image(b, (6, 8))",
  ops + "clip_boxes_to_image(b, [6, 8])")
C("clip_boxes_to_image_batched", {"b": ("u", [2, 3, 4], -3, 12)}, ops + "clip_boxes_to_image(b, (10, 9))", ops + "clip_boxes_to_image(b, [10, 9])")
C("remove_small_boxes", {"b": ("v", [[0.0, 0, 1, 5], [0.0, 0, 3, 3], [1.0, 1, 1.5, 9], [2.0, 2, 4, 4.5]])}, ops + "remove_small_boxes(b, 2.0)")
C("remove_small_boxes_none", {"b": ("v", [[0.0, 0, 1, 1]])}, ops + "remove_small_boxes(b, 2.0)")
C("masks_to_boxes", {"m": ("v", [[[0, 1, 0], [0, 1, 1], [0, 0, 0]], [[1, 0, 0], [0, 0, 0], [0, 0, 1]]])}, ops + "masks_to_boxes(m)")
C("masks_to_boxes_bool", {"m": ("v", [[[False, False], [False, True]]])}, ops + "masks_to_boxes(m)")
C("masks_to_boxes_empty", {"m": ("v", [[[0.0] * 0] * 0] * 0)}, ops + "masks_to_boxes(m.reshape(0, 2, 2))")
# ------------------------------------------------------------------ nms (distinct scores: the order of ties is unspecified)
NB = ("v", [[0.0, 0, 10, 10], [1.0, 1, 11, 11], [20.0, 20, 30, 30], [0.5, 0.5, 9.5, 9.5], [21.0, 19, 31, 29], [50.0, 50, 52, 52]])
NS = ("v", [0.9, 0.95, 0.5, 0.8, 0.7, 0.1])
C("nms", {"b": NB, "s": NS}, ops + "nms(b, s, 0.5)")
C("nms_low_threshold", {"b": NB, "s": NS}, ops + "nms(b, s, 0.1)")
C("nms_high_threshold", {"b": NB, "s": NS}, ops + "nms(b, s, 0.9)")
C("nms_random", {"b": ("box", 40, 20.0), "s": ("u", [40], 0, 1)}, ops + "nms(b, s, 0.3)")
C("nms_empty", {"b": ("v", [[0.0] * 4] * 0), "s": ("v", [1.0] * 0)}, ops + "nms(b.reshape(0, 4), s, 0.5)")
C("batched_nms", {"b": NB, "s": NS, "i": ("v", [0, 1, 0, 0, 1, 1])}, ops + "batched_nms(b, s, i, 0.5)")
C("batched_nms_random", {"b": ("box", 30, 20.0), "s": ("u", [30], 0, 1), "i": ("i", [30], 0, 3)}, ops + "batched_nms(b, s, i, 0.4)")
E("nms_boxes_1d", "torchvision.ops.nms(torch.ones(4), torch.ones(1), 0.5)", "torchvision.ops.nms(torch.ones(4), torch.ones(1), 0.5)")
E("nms_boxes_3cols", "torchvision.ops.nms(torch.ones(2, 3), torch.ones(2), 0.5)", "torchvision.ops.nms(torch.ones(2, 3), torch.ones(2), 0.5)")
E("nms_scores_2d", "torchvision.ops.nms(torch.ones(2, 4), torch.ones(2, 1), 0.5)", "torchvision.ops.nms(torch.ones(2, 4), torch.ones(2, 1), 0.5)")
E("nms_count", "torchvision.ops.nms(torch.ones(3, 4), torch.ones(2), 0.5)", "torchvision.ops.nms(torch.ones(3, 4), torch.ones(2), 0.5)")
E("nms_int", "torchvision.ops.nms(torch.ones(2, 4, dtype=torch.long), torch.ones(2), 0.5)",
  "torchvision.ops.nms(torch.ones(2, 4, {dtype: torch.long}), torch.ones(2), 0.5)")
E("box_convert_fmt", "torchvision.ops.box_convert(torch.ones(1, 4), 'xyxy', 'xyz')", "torchvision.ops.box_convert(torch.ones(1, 4), 'xyxy', 'xyz')")
E("masks_to_boxes_blank", "torchvision.ops.masks_to_boxes(torch.zeros(1, 2, 2))", "torchvision.ops.masks_to_boxes(torch.zeros(1, 2, 2))")
# ------------------------------------------------------------------ sigmoid_focal_loss
FL = {"x": ("f", [3, 4]), "t": ("v", [[1.0, 0, 0, 1], [0.0, 1, 1, 0], [1.0, 1, 0, 0]])}
C("sigmoid_focal_loss", FL, ops + "sigmoid_focal_loss(x, t)")
C("sigmoid_focal_loss_mean", FL, ops + "sigmoid_focal_loss(x, t, alpha=0.4, gamma=1.5, reduction='mean')",
  ops + "sigmoid_focal_loss(x, t, {alpha: 0.4, gamma: 1.5, reduction: 'mean'})")
C("sigmoid_focal_loss_sum_noalpha", FL, ops + "sigmoid_focal_loss(x, t, -1, 2, 'sum')", ops + "sigmoid_focal_loss(x, t, -1, 2, 'sum')")
C("sigmoid_focal_loss_gamma0", FL, ops + "sigmoid_focal_loss(x, t, gamma=0)", ops + "sigmoid_focal_loss(x, t, {gamma: 0})")
E("sigmoid_focal_loss_shape", "torchvision.ops.sigmoid_focal_loss(torch.zeros(2, 3), torch.zeros(3, 2))",
  "torchvision.ops.sigmoid_focal_loss(torch.zeros(2, 3), torch.zeros(3, 2))")
# ------------------------------------------------------------------ comparison aliases
CMP = {"a": ("v", [1.0, 2.0, 3.0, float("nan")]), "b": ("v", [2.0, 2.0, 1.0, 1.0])}
for alias in ("greater", "greater_equal", "less", "less_equal", "not_equal"):
    C(alias, CMP, f"torch.{alias}(a, b)")
    C(alias + "_method_scalar", {"i": ("v", [1, 2, 3])}, f"i.{alias}(2)")
    C(alias + "_", {"i": ("v", [1, 2, 3], torch.int32)}, f"i.clone().{alias}_(torch.tensor([3, 2, 1]))",
      f"i.clone().{alias}_(torch.tensor([3, 2, 1]))")
# ------------------------------------------------------------------ bitwise methods
BI = {"i": ("v", [12, -7, 5, 0]), "j": ("v", [10, 3, -1, 6])}
for op in ("and", "or", "xor"):
    C(f"bitwise_{op}_method", BI, f"i.bitwise_{op}(j)")
    C(f"bitwise_{op}_bool", {"p": ("v", [True, True, False, False]), "q": ("v", [True, False, True, False])}, f"p.bitwise_{op}(q)")
    C(f"bitwise_{op}_", BI, f"i.clone().bitwise_{op}_(j)")
C("bitwise_not_method", BI, "i.bitwise_not()")
C("bitwise_not_", {"p": ("v", [True, False])}, "p.clone().bitwise_not_()")
C("bitwise_left_shift_method", BI, "i.bitwise_left_shift(2)")
C("bitwise_right_shift_method", BI, "i.bitwise_right_shift(torch.tensor([1, 2, 0, 3]))")
E("bitwise_and_float", "torch.tensor([1.5, 2.0]).bitwise_and(1)", "torch.tensor([1.5, 2.0]).bitwise_and(1)")
E("bitwise_and_inplace_float", "torch.tensor([1.5, 2.0]).bitwise_and_(1)", "torch.tensor([1.5, 2.0]).bitwise_and_(1)")
E("bitwise_not_float", "torch.tensor([1.5]).bitwise_not()", "torch.tensor([1.5]).bitwise_not()")
# ------------------------------------------------------------------ in-place unary math: value, grad through a clone
UN = [("acos_", ("u", [5], -0.9, 0.9)), ("arccos_", ("u", [3], -0.9, 0.9)), ("asin_", ("u", [5], -0.9, 0.9)), ("arcsin_", ("u", [3], -0.9, 0.9)),
      ("atan_", ("f", [5])), ("arctan_", ("f", [3])), ("cosh_", ("f", [5])), ("sinh_", ("f", [5])), ("tan_", ("u", [5], -1.2, 1.2)),
      ("erf_", ("f", [5])), ("erfc_", ("f", [5])), ("erfinv_", ("u", [5], -0.9, 0.9)), ("exp2_", ("f", [5])), ("expm1_", ("f", [5])),
      ("log2_", ("u", [5], 0.1, 4)), ("log10_", ("u", [5], 0.1, 4)), ("log1p_", ("u", [5], -0.5, 4)), ("rsqrt_", ("u", [5], 0.1, 4)),
      ("square_", ("f", [5])), ("sign_", ("f", [5])), ("sgn_", ("f", [5])), ("frac_", ("v", [-1.5, 2.25, 0.0, -0.75, 3.0])),
      ("fix_", ("v", [-1.5, 2.25, 0.0, -0.75, 3.0])), ("lgamma_", ("u", [5], 0.2, 6)), ("digamma_", ("u", [5], 0.5, 6)),
      ("deg2rad_", ("f", [5])), ("rad2deg_", ("f", [5]))]
for op, spec in UN:
    C(op, {"a": spec}, f"a.clone().{op}()", tol=2e-4 if op in ("digamma_", "erfinv_") else None)
for op in ("acos_", "cosh_", "log1p_", "square_", "frac_", "deg2rad_"):
    C("torch_" + op, {"a": ("u", [4], -0.5, 0.5)}, f"torch.{op}(a.clone())")
E("log1p_int", "torch.tensor([1, 2]).log1p_()", "torch.tensor([1, 2]).log1p_()")
E("erf_leaf", "torch.ones(2, requires_grad=True).erf_()", "torch.ones(2, {requires_grad: true}).erf_()")
# ------------------------------------------------------------------ logaddexp2
C("logaddexp2", {"a": ("f", [2, 3]), "b": ("f", [3])}, "torch.logaddexp2(a, b)")
C("logaddexp2_method_big", {"a": ("v", [100.0, -100.0, 0.0, 3.0]), "b": ("v", [100.0, -101.0, -200.0, 3.0])}, "a.logaddexp2(b)")
C("logaddexp2_inf", {"a": ("v", [-float("inf"), float("inf"), 1.0]), "b": ("v", [-float("inf"), float("inf"), 2.0])}, "torch.logaddexp2(a, b)", grad=False)
E("logaddexp2_int", "torch.logaddexp2(torch.tensor([1, 2]), torch.tensor([1, 2]))", "torch.logaddexp2(torch.tensor([1, 2]), torch.tensor([1, 2]))")
# ------------------------------------------------------------------ matrix_power, multi_dot, vecdot, linalg aliases
C("matrix_power_3", {"A": ("f", [3, 3])}, "torch.matrix_power(A, 3)")
C("matrix_power_batched", {"A": ("f", [2, 2, 2])}, "torch.linalg.matrix_power(A, 5)", tol=1e-3)
C("matrix_power_0", {"A": ("f", [2, 3, 3])}, "A.matrix_power(0)")
C("matrix_power_1", {"A": ("f", [2, 2])}, "A.matrix_power(1)")
C("matrix_power_neg", {"A": ("v", [[2.0, 1.0], [0.5, 3.0]])}, "torch.linalg.matrix_power(A, -2)")
C("matrix_power_int", {"A": ("v", [[1, 2], [3, 4]])}, "torch.matrix_power(A, 3)")
C("matrix_power_int_0", {"A": ("v", [[1, 2], [3, 4]])}, "torch.matrix_power(A, 0)")
E("matrix_power_1d", "torch.matrix_power(torch.ones(3), 2)", "torch.matrix_power(torch.ones(3), 2)")
E("matrix_power_rect", "torch.linalg.matrix_power(torch.ones(2, 3), 2)", "torch.linalg.matrix_power(torch.ones(2, 3), 2)")
E("matrix_power_int_neg", "torch.matrix_power(torch.tensor([[1, 2], [3, 4]]), -1)", "torch.matrix_power(torch.tensor([[1, 2], [3, 4]]), -1)")
E("matrix_power_float_n", "torch.matrix_power(torch.ones(2, 2), 2.5)", "torch.matrix_power(torch.ones(2, 2), 2.5)")
C("multi_dot", {"a": ("f", [2, 3]), "b": ("f", [3, 4]), "c": ("f", [4, 2])}, "torch.linalg.multi_dot([a, b, c])")
C("multi_dot_vectors", {"v": ("f", [3]), "b": ("f", [3, 5]), "c": ("f", [5, 2]), "w": ("f", [2])}, "torch.linalg.multi_dot([v, b, c, w])")
C("multi_dot_two_vectors", {"v": ("f", [3]), "w": ("f", [3])}, "torch.linalg.multi_dot([v, w])")
C("multi_dot_chain", {"a": ("f", [5, 1]), "b": ("f", [1, 6]), "c": ("f", [6, 2]), "d": ("f", [2, 4])}, "torch.linalg.multi_dot([a, b, c, d])")
E("multi_dot_one", "torch.linalg.multi_dot([torch.ones(2, 2)])", "torch.linalg.multi_dot([torch.ones(2, 2)])")
E("multi_dot_first_3d", "torch.linalg.multi_dot([torch.ones(2, 2, 2), torch.ones(2, 3)])", "torch.linalg.multi_dot([torch.ones(2, 2, 2), torch.ones(2, 3)])")
E("multi_dot_middle_1d", "torch.linalg.multi_dot([torch.ones(2, 3), torch.ones(3), torch.ones(3)])",
  "torch.linalg.multi_dot([torch.ones(2, 3), torch.ones(3), torch.ones(3)])")
E("multi_dot_last_3d", "torch.linalg.multi_dot([torch.ones(2, 3), torch.ones(3, 2, 2)])", "torch.linalg.multi_dot([torch.ones(2, 3), torch.ones(3, 2, 2)])")
E("multi_dot_shapes", "torch.linalg.multi_dot([torch.ones(2, 3), torch.ones(4, 5)])", "torch.linalg.multi_dot([torch.ones(2, 3), torch.ones(4, 5)])")
E("multi_dot_dtype", "torch.linalg.multi_dot([torch.ones(2, 3), torch.ones(3, 5, dtype=torch.long)])",
  "torch.linalg.multi_dot([torch.ones(2, 3), torch.ones(3, 5, {dtype: torch.long})])")
C("vecdot", {"x": ("f", [2, 3]), "y": ("f", [3])}, "torch.linalg.vecdot(x, y)")
C("vecdot_dim", {"x": ("f", [3, 2]), "y": ("f", [3, 2])}, "torch.linalg.vecdot(x, y, dim=0)", "torch.linalg.vecdot(x, y, {dim: 0})")
E("vecdot_dtype", "torch.linalg.vecdot(torch.ones(2, 3), torch.ones(3, dtype=torch.long))", "torch.linalg.vecdot(torch.ones(2, 3), torch.ones(3, {dtype: torch.long}))")
E("vecdot_int", "torch.linalg.vecdot(torch.tensor([1, 2]), torch.tensor([1, 2]))", "torch.linalg.vecdot(torch.tensor([1, 2]), torch.tensor([1, 2]))")
C("linalg_matmul", {"a": ("f", [2, 3]), "b": ("f", [3, 2])}, "torch.linalg.matmul(a, b)")
C("linalg_diagonal", {"A": ("f", [2, 3, 4])}, "torch.linalg.diagonal(A)")
C("linalg_diagonal_offset", {"A": ("f", [3, 4])}, "torch.linalg.diagonal(A, offset=1)", "torch.linalg.diagonal(A, {offset: 1})")
C("linalg_diagonal_dims", {"A": ("f", [2, 3, 4])}, "torch.linalg.diagonal(A, offset=-1, dim1=0, dim2=1)", "torch.linalg.diagonal(A, {offset: -1, dim1: 0, dim2: 1})")
# ------------------------------------------------------------------ predicates
for dt, ts in (("torch.float32", "torch.float32"), ("torch.int64", "torch.int64"), ("torch.uint8", "torch.uint8"), ("torch.bool", "torch.bool"), ("torch.int8", "torch.int8")):
    S(f"is_signed_{dt}", f"torch.zeros(2, dtype={dt}).is_signed()", f"torch.zeros(2, {{dtype: {ts}}}).is_signed()")
    S(f"torch_is_signed_{dt}", f"torch.is_signed(torch.zeros(2, dtype={dt}))", f"torch.is_signed(torch.zeros(2, {{dtype: {ts}}}))")
S("is_complex", "torch.is_complex(torch.zeros(2))", "torch.is_complex(torch.zeros(2))")
S("is_complex_method", "torch.zeros(2, dtype=torch.long).is_complex()", "torch.zeros(2, {dtype: torch.long}).is_complex()")
S("is_nonzero_true", "torch.tensor([1.5]).is_nonzero()", "torch.tensor([1.5]).is_nonzero()")
S("is_nonzero_false", "torch.is_nonzero(torch.tensor([[0]]))", "torch.is_nonzero(torch.tensor([[0]]))")
S("is_nonzero_bool", "torch.tensor(False).is_nonzero()", "torch.tensor(false).is_nonzero()")
E("is_nonzero_many", "torch.tensor([1.0, 2.0]).is_nonzero()", "torch.tensor([1.0, 2.0]).is_nonzero()")
E("is_nonzero_empty", "torch.is_nonzero(torch.tensor([]))", "torch.is_nonzero(torch.tensor([]))")
S("is_same_size_true", "torch.zeros(2, 3).is_same_size(torch.ones(2, 3, dtype=torch.long))", "torch.zeros(2, 3).is_same_size(torch.ones(2, 3, {dtype: torch.long}))")
S("is_same_size_false", "torch.is_same_size(torch.zeros(2, 3), torch.zeros(3, 2))", "torch.is_same_size(torch.zeros(2, 3), torch.zeros(3, 2))")
S("is_same_size_rank", "torch.zeros(6).is_same_size(torch.zeros(1, 6))", "torch.zeros(6).is_same_size(torch.zeros(1, 6))")

# ------------------------------------------------------------------ more in-place forms, addmm, H / mH / adjoint
# PyTorch 1.13 has no derivative for in-place acosh/asinh/atanh (NotImplementedError at backward),
# and ldexp_ (written through mul(out=...)) refuses operands that require grad; values are compared
# without grad, and the refusals are error cases.
C("acosh_", {"a": ("u", [4], 1.2, 3)}, "a.clone().acosh_()", grad=False)
C("arcsinh_", {"a": ("f", [4])}, "a.clone().arcsinh_()", grad=False)
C("atanh_", {"a": ("u", [4], -0.8, 0.8)}, "a.clone().atanh_()", grad=False)
for op in ("acosh_", "asinh_", "atanh_", "arccosh_", "arcsinh_", "arctanh_"):
    E(f"{op}_backward", f"torch.tensor([1.5, 2.0]).requires_grad_().mul(0.5).{op}().sum().backward()",
      f"torch.tensor([1.5, 2.0]).requires_grad_().mul(0.5).{op}().sum().backward()")
E("acosh_backward_later", "torch.tensor([1.5, 2.0]).requires_grad_().mul(1).acosh_().mul(2).sum().backward()",
  "torch.tensor([1.5, 2.0]).requires_grad_().mul(1).acosh_().mul(2).sum().backward()")
E("acosh_int", "torch.tensor([1, 2]).acosh_()", "torch.tensor([1, 2]).acosh_()")
E("ldexp_requires_grad", "torch.tensor([1.5, 2.0]).requires_grad_().mul(1).ldexp_(torch.tensor([1, 2]))",
  "torch.tensor([1.5, 2.0]).requires_grad_().mul(1).ldexp_(torch.tensor([1, 2]))")
E("ldexp_other_requires_grad", "torch.tensor([1.5, 2.0]).ldexp_(torch.tensor([0.5, 2.0]).requires_grad_())",
  "torch.tensor([1.5, 2.0]).ldexp_(torch.tensor([0.5, 2.0]).requires_grad_())")
E("ldexp_int", "torch.tensor([1, 2]).ldexp_(torch.tensor([1, 2]))", "torch.tensor([1, 2]).ldexp_(torch.tensor([1, 2]))")
S("ldexp_no_grad", "(lambda x: [torch.set_grad_enabled(False), x.ldexp_(torch.tensor([1, 2])).tolist(), torch.set_grad_enabled(True)][1])(torch.tensor([1.5, 2.0]).requires_grad_())",
  "((x) => torch.no_grad(() => x.ldexp_(torch.tensor([1, 2])).tolist()))(torch.tensor([1.5, 2.0]).requires_grad_())")
BIN = {"a": ("f", [2, 3]), "b": ("u", [3], 0.5, 2)}
for op in ("atan2_", "arctan2_", "copysign_", "hypot_", "multiply_", "divide_", "true_divide_", "xlogy_"):
    C(op, {"a": ("u", [2, 3], 0.1, 2) if op == "xlogy_" else ("f", [2, 3]), "b": ("u", [3], 0.5, 2)}, f"a.clone().{op}(b)")
C("subtract_alpha", BIN, "a.clone().subtract_(b, alpha=2)", "a.clone().subtract_(b, {alpha: 2})")
C("divide_floor_", BIN, "a.clone().divide_(b, rounding_mode='floor')", "a.clone().divide_(b, {rounding_mode: 'floor'})", grad=False)
C("floor_divide_", BIN, "a.clone().floor_divide_(b)", grad=False)
C("ldexp_", {"a": ("f", [3]), "e": ("v", [1, -2, 3])}, "a.clone().ldexp_(e)", grad=False)
C("heaviside_", {"a": ("v", [-1.0, 0.0, 2.0]), "b": ("v", [0.5])}, "a.clone().heaviside_(b)", grad=False)
C("gcd_", {"i": ("v", [4, 6, 0, -12]), "j": ("v", [6, -4, 5, 18])}, "i.clone().gcd_(j)")
C("lcm_", {"i": ("v", [4, 0, -3]), "j": ("v", [6, 3, 4])}, "i.clone().lcm_(j)")
C("logical_and_float", {"a": ("v", [1.0, 0.0, 2.0]), "b": ("v", [0, 3, 2])}, "a.clone().logical_and_(b)", grad=False)
C("logical_or_", {"p": ("v", [True, False, False]), "q": ("v", [False, False, True])}, "p.clone().logical_or_(q)")
C("logical_xor_int", {"i": ("v", [1, 0, 2]), "j": ("v", [0, 0, 3])}, "i.clone().logical_xor_(j)")
C("nan_to_num_", {"a": ("v", [float("nan"), float("inf"), -float("inf"), 1.5])}, "a.clone().nan_to_num_(posinf=9.0)", "a.clone().nan_to_num_({posinf: 9.0})")
C("logit_", {"a": ("u", [4], 0.1, 0.9)}, "a.clone().logit_()")
C("cumsum_", {"a": ("f", [2, 3])}, "a.clone().cumsum_(1)")
C("cumprod_", {"a": ("f", [2, 3])}, "a.clone().cumprod_(0)")
C("cumsum_int", {"i": ("v", [[1, 2], [3, 4]])}, "i.clone().cumsum_(0)")
E("gcd_float", "torch.tensor([1.5, 2.0]).gcd_(torch.tensor([1.0, 2.0]))", "torch.tensor([1.5, 2.0]).gcd_(torch.tensor([1.0, 2.0]))")
E("atan2_int", "torch.tensor([1, 2]).atan2_(torch.tensor([1, 2]))", "torch.tensor([1, 2]).atan2_(torch.tensor([1, 2]))")
C("addmm_method", {"t": ("f", [2, 4]), "m1": ("f", [2, 3]), "m2": ("f", [3, 4])}, "t.addmm(m1, m2, beta=0.5, alpha=2)", "t.addmm(m1, m2, {beta: 0.5, alpha: 2})")
C("addmm_", {"t": ("f", [2, 4]), "m1": ("f", [2, 3]), "m2": ("f", [3, 4])}, "t.clone().addmm_(m1, m2)")
E("addmm_shapes", "torch.ones(2, 3).addmm(torch.ones(2, 4), torch.ones(3, 3))", "torch.ones(2, 3).addmm(torch.ones(2, 4), torch.ones(3, 3))")
C("H", {"a": ("f", [2, 3])}, "a.H")
C("mH", {"a": ("f", [2, 3, 4])}, "a.mH")
C("adjoint", {"a": ("f", [3, 2, 1])}, "torch.adjoint(a)")
C("adjoint_method", {"a": ("f", [2, 3])}, "a.adjoint()")
E("H_3d", "torch.ones(2, 2, 2).H", "torch.ones(2, 2, 2).H")
E("H_1d", "torch.ones(2).H", "torch.ones(2).H")
E("mH_1d", "torch.ones(2).mH", "torch.ones(2).mH")
E("adjoint_1d", "torch.ones(2).adjoint()", "torch.ones(2).adjoint()")
S("typename_float", "torch.typename(torch.ones(1))", "torch.typename(torch.ones(1))")
S("typename_long", "torch.typename(torch.ones(1, dtype=torch.long))", "torch.typename(torch.ones(1, {dtype: torch.long}))")
C("histogram_method", {"a": ("v", [1.0, 2.0, 2.0, 3.0, 0.5])}, "a.histogram(3)", grad=False)
C("histogram_method_edges", {"a": ("v", [1.0, 2.0, 2.0, 3.0]), "e": ("v", [0.0, 2.0, 4.0])}, "a.histogram(e, density=True)",
  "a.histogram(e, {density: true})", grad=False)
S("get_device", "torch.ones(2).get_device()", "torch.ones(2).get_device()")
# ------------------------------------------------------------------ nn.init.dirac_
C("dirac_conv2d", {}, "torch.nn.init.dirac_(torch.empty(3, 2, 3, 3))")
C("dirac_groups", {}, "torch.nn.init.dirac_(torch.empty(4, 3, 2, 3), 2)")
C("dirac_conv1d", {}, "torch.nn.init.dirac_(torch.empty(2, 4, 5))")
C("dirac_conv3d", {}, "torch.nn.init.dirac_(torch.empty(2, 2, 1, 2, 3), groups=2)", "torch.nn.init.dirac_(torch.empty(2, 2, 1, 2, 3), {groups: 2})")
C("dirac_identity_conv", {"x": ("f", [1, 3, 4, 4])},
  "torch.nn.functional.conv2d(x, torch.nn.init.dirac_(torch.empty(3, 3, 3, 3)), padding=1)",
  "torch.nn.functional.conv2d(x, torch.nn.init.dirac_(torch.empty(3, 3, 3, 3)), {padding: 1})")
E("dirac_2d", "torch.nn.init.dirac_(torch.empty(2, 2))", "torch.nn.init.dirac_(torch.empty(2, 2))")
E("dirac_groups_divisible", "torch.nn.init.dirac_(torch.empty(3, 2, 3), 2)", "torch.nn.init.dirac_(torch.empty(3, 2, 3), 2)")
# ------------------------------------------------------------------ torch.utils.data
S("chain_dataset", "list(torch.utils.data.ChainDataset([rangeDataset(0, 3), rangeDataset(3, 5), rangeDataset(9, 11)]))",
  "Array.from(new torch.utils.data.ChainDataset([rangeDataset(0, 3), rangeDataset(3, 5), rangeDataset(9, 11)]))")
S("chain_dataset_loader", "[b.tolist() for b in torch.utils.data.DataLoader(torch.utils.data.ChainDataset([rangeDataset(0, 3), rangeDataset(3, 6)]), batch_size=4)]",
  "Array.from(new torch.utils.data.DataLoader(new torch.utils.data.ChainDataset([rangeDataset(0, 3), rangeDataset(3, 6)]), {batch_size: 4}), (b) => b.tolist())")
S("get_worker_info", "torch.utils.data.get_worker_info()", "torch.utils.data.get_worker_info()")
# ------------------------------------------------------------------ torch.fft (src/fft/): frequencies and shifts
fft = "torch.fft."
C("fftfreq_5", {}, fft + "fftfreq(5)")
C("fftfreq_4_d", {}, fft + "fftfreq(4, 0.1)")
C("fftfreq_kw", {}, fft + "fftfreq(n=6, d=0.25)", fft + "fftfreq({n: 6, d: 0.25})")
C("fftfreq_odd_d", {}, fft + "fftfreq(9, d=0.37)", fft + "fftfreq(9, {d: 0.37})")
C("fftfreq_f64", {}, fft + "fftfreq(7, 0.3, dtype=torch.float64)", fft + "fftfreq(7, 0.3, {dtype: torch.float64})")
C("fftfreq_0", {}, fft + "fftfreq(0)")
C("rfftfreq_7", {}, fft + "rfftfreq(7, d=0.3)", fft + "rfftfreq(7, {d: 0.3})")
C("rfftfreq_8", {}, fft + "rfftfreq(8)")
C("fftshift_freq", {}, fft + "fftshift(torch.fft.fftfreq(5))")
C("fftshift_all", {"x": ("f", [2, 5])}, fft + "fftshift(x)")
C("fftshift_dim", {"x": ("f", [3, 4])}, fft + "fftshift(x, dim=1)", fft + "fftshift(x, {dim: 1})")
C("fftshift_dims", {"x": ("f", [3, 2, 5])}, fft + "fftshift(x, dim=(0, -1))", fft + "fftshift(x, [0, -1])")
C("ifftshift_all", {"x": ("f", [3, 5])}, fft + "ifftshift(x)")
C("ifftshift_dim", {"x": ("f", [2, 7])}, fft + "ifftshift(x, -1)")
C("ifftshift_roundtrip", {"x": ("f", [5, 3])}, fft + "ifftshift(torch.fft.fftshift(x))")
C("fftshift_int", {"i": ("v", [[1, 2, 3], [4, 5, 6]])}, fft + "fftshift(i)")
E("fftfreq_long", fft + "fftfreq(4, dtype=torch.long)", fft + "fftfreq(4, {dtype: torch.long})")
E("fftfreq_negative", fft + "fftfreq(-1)", fft + "fftfreq(-1)")
E("fftfreq_float_n", fft + "fftfreq(2.5)", fft + "fftfreq(2.5)")
E("fftshift_dim_range", fft + "fftshift(torch.zeros(2, 3), dim=5)", fft + "fftshift(torch.zeros(2, 3), {dim: 5})")
# ------------------------------------------------------------------ torch.iinfo / torch.finfo (src/tensor/iinfo.ts, finfo.ts)
# torch.int64 is stored in 32 bits, so iinfo(torch.int64) reports int32's limits (tested by hand in methods_more.test.ts).
for d in ("uint8", "int8", "int16", "int32"):
    S(f"iinfo_{d}", f"[torch.iinfo(torch.{d}).bits, torch.iinfo(torch.{d}).min, torch.iinfo(torch.{d}).max, str(torch.iinfo(torch.{d}).dtype), repr(torch.iinfo(torch.{d}))]",
      f"[torch.iinfo(torch.{d}).bits, torch.iinfo(torch.{d}).min, torch.iinfo(torch.{d}).max, String(torch.iinfo(torch.{d}).dtype), String(torch.iinfo(torch.{d}))]")
S("finfo_float32", "[torch.finfo(torch.float32).bits, torch.finfo(torch.float32).eps, torch.finfo(torch.float32).max, torch.finfo(torch.float32).min, torch.finfo(torch.float32).tiny, torch.finfo(torch.float32).resolution, str(torch.finfo(torch.float32).dtype)]",
  "[torch.finfo(torch.float32).bits, torch.finfo(torch.float32).eps, torch.finfo(torch.float32).max, torch.finfo(torch.float32).min, torch.finfo(torch.float32).tiny, torch.finfo(torch.float32).resolution, String(torch.finfo(torch.float32).dtype)]")
S("iinfo_uint8_clamp", "torch.tensor([-5, 300, 7]).clamp(0, torch.iinfo(torch.uint8).max).tolist()", "torch.tensor([-5, 300, 7]).clamp(0, torch.iinfo(torch.uint8).max).tolist()")
E("iinfo_float", "torch.iinfo(torch.float32)", "torch.iinfo(torch.float32)")
E("iinfo_bool", "torch.iinfo(torch.bool)", "torch.iinfo(torch.bool)")
E("iinfo_int", "torch.iinfo(3)", "torch.iinfo(3)")
E("finfo_int", "torch.finfo(torch.int32)", "torch.finfo(torch.int32)")
# ------------------------------------------------------------------ conv3d / Conv3d (src/ops/conv3d.ts, src/nn/modules/conv3d.ts)
F = "torch.nn.functional."
C("conv3d_pad_bias", {"x": ("f", [2, 3, 4, 5, 5]), "w": ("f", [4, 3, 3, 3, 3]), "b": ("f", [4])}, F + "conv3d(x, w, b, padding=1)", F + "conv3d(x, w, b, {padding: 1})", tol=1e-3)
C("conv3d_stride_groups", {"x": ("f", [1, 4, 5, 6, 7]), "w": ("f", [6, 2, 2, 3, 2])}, F + "conv3d(x, w, stride=(1, 2, 2), groups=2)", F + "conv3d(x, w, {stride: [1, 2, 2], groups: 2})", tol=1e-3)
C("conv3d_unbatched_same", {"x": ("f", [2, 3, 4, 4]), "w": ("f", [3, 2, 2, 3, 3])}, F + "conv3d(x, w, padding='same')", F + "conv3d(x, w, {padding: 'same'})", tol=1e-3)
C("conv3d_stride3_uneven", {"x": ("f", [1, 1, 7, 8, 5]), "w": ("f", [2, 1, 3, 2, 2]), "b": ("f", [2])}, F + "conv3d(x, w, b, 3, (0, 1, 2))", F + "conv3d(x, w, b, 3, [0, 1, 2])", tol=1e-3)
C("torch_conv3d", {"x": ("f", [1, 2, 3, 3, 3]), "w": ("f", [1, 2, 1, 1, 1])}, "torch.conv3d(x, w)", tol=1e-3)
C("Conv3d_seeded", {"x": ("f", [2, 3, 4, 6, 6])}, "(torch.manual_seed(0), torch.nn.Conv3d(3, 4, 3, stride=(1, 2, 2), padding=1))[1](x)",
  "[torch.manual_seed(0), new torch.nn.Conv3d(3, 4, 3, {stride: [1, 2, 2], padding: 1})][1].forward(x)", tol=1e-3)
S("Conv3d_repr", "repr(torch.nn.Conv3d(2, 4, (3, 5, 5), stride=2, padding=(1, 2, 2), bias=False))",
  "String(new torch.nn.Conv3d(2, 4, [3, 5, 5], {stride: 2, padding: [1, 2, 2], bias: false}))")
S("Conv3d_repr_groups", "repr(torch.nn.Conv3d(4, 8, 1, groups=2))", "String(new torch.nn.Conv3d(4, 8, 1, {groups: 2}))")
S("Conv3d_shapes", "[list(p.shape) for p in torch.nn.Conv3d(4, 8, (1, 3, 3), groups=2).parameters()]",
  "Array.from(new torch.nn.Conv3d(4, 8, [1, 3, 3], {groups: 2}).parameters(), (p) => p.shape)")
E("conv3d_channels", F + "conv3d(torch.zeros(1, 3, 4, 4, 4), torch.zeros(2, 2, 3, 3, 3))", F + "conv3d(torch.zeros(1, 3, 4, 4, 4), torch.zeros(2, 2, 3, 3, 3))")
E("conv3d_weight_dim", F + "conv3d(torch.zeros(1, 3, 4, 4, 4), torch.zeros(2, 3, 3, 3))", F + "conv3d(torch.zeros(1, 3, 4, 4, 4), torch.zeros(2, 3, 3, 3))")
E("conv3d_input_dim", F + "conv3d(torch.zeros(3, 4, 4), torch.zeros(2, 3, 3, 3, 3))", F + "conv3d(torch.zeros(3, 4, 4), torch.zeros(2, 3, 3, 3, 3))")
E("conv3d_kernel_big", F + "conv3d(torch.zeros(1, 1, 2, 4, 4), torch.zeros(1, 1, 3, 3, 3))", F + "conv3d(torch.zeros(1, 1, 2, 4, 4), torch.zeros(1, 1, 3, 3, 3))")
C("BatchNorm3d_train", {"x": ("f", [2, 3, 2, 3, 3])}, "torch.nn.BatchNorm3d(3)(x)", "new torch.nn.BatchNorm3d(3).forward(x)", tol=1e-3)
C("BatchNorm3d_eval_after_step", {"x": ("f", [3, 2, 2, 2, 3])},
  "(lambda m: [m(x * 2 + 1), m.eval(), m(x)][2])(torch.nn.BatchNorm3d(2, momentum=0.5))",
  "((m) => [m.forward(x.mul(2).add(1)), m.eval(), m.forward(x)][2])(new torch.nn.BatchNorm3d(2, {momentum: 0.5}))", tol=1e-3)
S("BatchNorm3d_repr", "repr(torch.nn.BatchNorm3d(4, affine=False))", "String(new torch.nn.BatchNorm3d(4, {affine: false}))")
E("BatchNorm3d_4d", "torch.nn.BatchNorm3d(3)(torch.zeros(2, 3, 4, 4))", "new torch.nn.BatchNorm3d(3).forward(torch.zeros(2, 3, 4, 4))")

# ------------------------------------------------------------------ torchvision.ops roi_align / roi_pool
# Last, so that the random draws above keep their values. Boxes are detached: torchvision gives them no gradient.
RX = ("f", [2, 3, 7, 8])
RB = ("v", [[0.0, 1.2, 0.7, 5.9, 4.4], [1.0, 0.0, 0.0, 7.0, 6.0], [0.0, 3.3, 2.1, 3.9, 2.8], [1.0, -1.5, 4.2, 9.6, 8.7], [0.0, 6.2, 5.1, 2.0, 1.5]])
RL = ("v", [[2.4, 1.6, 13.0, 9.8], [0.0, 0.0, 4.0, 4.0]])
for name, py, ts in [
    ("roi_align 2x2 adaptive", "roi_align(x, b.detach(), 2)", "roi_align(x, b.detach(), 2)"),
    ("roi_align (3,2) sampling_ratio=2", "roi_align(x, b.detach(), (3, 2), sampling_ratio=2)", "roi_align(x, b.detach(), [3, 2], {sampling_ratio: 2})"),
    ("roi_align aligned", "roi_align(x, b.detach(), 3, aligned=True)", "roi_align(x, b.detach(), 3, {aligned: true})"),
    ("roi_align aligned sampling_ratio=1", "roi_align(x, b.detach(), 2, 1.0, 1, True)", "roi_align(x, b.detach(), 2, 1.0, 1, true)"),
    ("roi_align spatial_scale=0.5 list boxes", "roi_align(x, [l.detach(), l.detach() * 0.5], 2, spatial_scale=0.5)",
     "roi_align(x, [l.detach(), l.detach().mul(0.5)], 2, {spatial_scale: 0.5})"),
    ("roi_pool 2x2", "roi_pool(x, b.detach(), 2)", "roi_pool(x, b.detach(), 2)"),
    ("roi_pool (3,4)", "roi_pool(x, b.detach(), (3, 4))", "roi_pool(x, b.detach(), [3, 4])"),
    ("roi_pool spatial_scale=0.5 list boxes", "roi_pool(x, [l.detach(), l.detach()], 3, 0.5)", "roi_pool(x, [l.detach(), l.detach()], 3, 0.5)"),
]:
    ins = {"x": RX, "b": RB} if "b." in py else {"x": RX, "l": RL}
    C(name, ins, ops + py, ops + ts)
C("roi_pool ties", {"x": ("v", [[[[1.0, 1, 2, 2], [1, 1, 2, 2], [0, 3, 3, 0]]]]), "b": ("v", [[0.0, 0, 0, 3, 2], [0.0, 1, 0, 2, 1]])},
  ops + "roi_pool(x, b.detach(), 2)")
C("RoIAlign module", {"x": RX, "b": RB}, ops + "RoIAlign((2, 3), 0.5, 2)(x, b.detach())",
  "new torchvision.ops.RoIAlign([2, 3], 0.5, 2).forward(x, b.detach())")
C("RoIPool module", {"x": RX, "b": RB}, ops + "RoIPool(2, 1.0)(x, b.detach())", "new torchvision.ops.RoIPool(2, 1.0).forward(x, b.detach())")
S("RoIAlign repr", "repr(torchvision.ops.RoIAlign((2, 2), 0.5, 2))", "String(new torchvision.ops.RoIAlign([2, 2], 0.5, 2))")
S("RoIAlign repr aligned", "repr(torchvision.ops.RoIAlign(7, 0.25, -1, aligned=True))", "String(new torchvision.ops.RoIAlign(7, 0.25, -1, {aligned: true}))")
S("RoIPool repr", "repr(torchvision.ops.RoIPool(3, 0.125))", "String(new torchvision.ops.RoIPool(3, 0.125))")
E("roi_align boxes shape", ops + "roi_align(torch.zeros(1, 1, 4, 4), torch.zeros(2, 4), 2)", ops + "roi_align(torch.zeros(1, 1, 4, 4), torch.zeros(2, 4), 2)")
E("roi_pool list boxes shape", ops + "roi_pool(torch.zeros(1, 1, 4, 4), [torch.zeros(2, 5)], 2)", ops + "roi_pool(torch.zeros(1, 1, 4, 4), [torch.zeros(2, 5)], 2)")

out = {"torch": torch.__version__, "torchvision": torchvision.__version__, "cases": CASES, "errors": ERRORS, "scalars": SCALARS}
with open(os.path.join(HERE, "coverage.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(f"{len(CASES)} cases, {len(ERRORS)} errors, {len(SCALARS)} scalars -> coverage.json")
