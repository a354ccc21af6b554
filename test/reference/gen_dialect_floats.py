"""PyTorch 1.13 references for test/kernel/rewrite_floats.test.ts: Python's float literals in a
notebook cell. JavaScript has no float literal (`1.0 === 1`); the notebook dialect gives a whole
number written as a float (`1.`, `2.0`, `1e3`) PyTorch's float dtype where PyTorch's dtype depends on
it: the data of torch.tensor / torch.as_tensor, torch.full's fill value, torch.arange's bounds, and a
scalar operand of arithmetic with a tensor (kernel/rewrite.ts, kernel/float_literals.ts).

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes dialect_floats.json. Each
case pairs Python statements (the last line an expression) with their notebook port; the fixture
records the repr PyTorch prints for the expression's value and its dtype, or the class and message of
the error it raises.
"""
import json
import os

import torch

# (name, Python, notebook cell): the notebook cell's last line is the same expression; names are
# unique across cases, which run as the cells of one notebook.
CASES = [
    # torch.tensor's data: any float-written element makes the whole tensor float32.
    ("tensor 2x2 float literals", "torch.tensor([[1., -1.], [1., -1.]])", "torch.tensor([[1., -1.], [1., -1.]])"),
    ("tensor mean of float literals", "torch.tensor([[1., -1.], [1., -1.]]).mean()", "torch.tensor([[1., -1.], [1., -1.]]).mean()"),
    ("tensor / 2", "torch.tensor([1., 2.]) / 2", "torch.tensor([1., 2.]) / 2"),
    ("tensor one float element", "torch.tensor([[1, 2], [3, 4.0]])", "torch.tensor([[1, 2], [3, 4.0]])"),
    ("tensor exponent spelling", "torch.tensor([1e3, 2])", "torch.tensor([1e3, 2])"),
    ("tensor 2.5e3", "torch.tensor([2.5e3, 1])", "torch.tensor([2.5e3, 1])"),
    ("tensor scalar", "torch.tensor(2.)", "torch.tensor(2.)"),
    ("tensor negative", "torch.tensor([-1., 0.])", "torch.tensor([-1., 0.])"),
    ("tensor ints stay int64", "torch.tensor([1, 2])", "torch.tensor([1, 2])"),
    ("tensor explicit int64", "torch.tensor([1., 2.], dtype=torch.int64)", "torch.tensor([1., 2.], {dtype: torch.int64})"),
    ("tensor explicit int32", "torch.tensor([[3., 4.]], dtype=torch.int32)", "torch.tensor([[3., 4.]], {dtype: torch.int32})"),
    ("tensor dtype None", "torch.tensor([1., 2.], dtype=None)", "torch.tensor([1., 2.], {dtype: null})"),
    ("tensor requires_grad", "torch.tensor([1., 2.], requires_grad=True)", "torch.tensor([1., 2.], {requires_grad: true})"),
    ("tensor bool and float", "torch.tensor([True, 1.])", "torch.tensor([true, 1.])"),
    ("as_tensor", "torch.as_tensor([1., 2.])", "torch.as_tensor([1., 2.])"),
    ("as_tensor explicit int64", "torch.as_tensor([1., 2.], dtype=torch.int64)", "torch.as_tensor([1., 2.], {dtype: torch.int64})"),
    # torch.full's fill value (full_like and new_full keep their input's dtype).
    ("full 7.", "torch.full([2, 2], 7.)", "torch.full([2, 2], 7.)"),
    ("full 7", "torch.full([2], 7)", "torch.full([2], 7)"),
    ("full 7. int32", "torch.full([2], 7., dtype=torch.int32)", "torch.full([2], 7., {dtype: torch.int32})"),
    ("full 7. requires_grad", "torch.full([2], 7., requires_grad=True)", "torch.full([2], 7., {requires_grad: true})"),
    ("full_like keeps int64", "torch.full_like(torch.arange(3), 7.)", "torch.full_like(torch.arange(3), 7.)"),
    ("new_full keeps int64", "torch.arange(3).new_full([2], 7.)", "torch.arange(3).new_full([2], 7.)"),
    # torch.arange's start, end and step.
    ("arange 1., 4.", "torch.arange(1., 4.)", "torch.arange(1., 4.)"),
    ("arange 0., 5.", "torch.arange(0., 5.)", "torch.arange(0., 5.)"),
    ("arange 5.", "torch.arange(5.)", "torch.arange(5.)"),
    ("arange float step", "torch.arange(0, 5, 2.)", "torch.arange(0, 5, 2.)"),
    ("arange ints", "torch.arange(5)", "torch.arange(5)"),
    ("arange 3. int64", "torch.arange(3., dtype=torch.int64)", "torch.arange(3., {dtype: torch.int64})"),
    # A float-written scalar operand with an integer (or bool) tensor: PyTorch's type promotion.
    ("int * 2.0", "torch.arange(5) * 2.0", "torch.arange(5) * 2.0"),
    ("int * 2", "torch.arange(5) * 2", "torch.arange(5) * 2"),
    ("int + 1.0", "t1 = torch.arange(5)\nt1 + 1.0", "const t1 = torch.arange(5);\nt1 + 1.0"),
    ("int - 1.", "torch.arange(3) - 1.", "torch.arange(3) - 1."),
    ("2. - int", "2. - torch.arange(3)", "2. - torch.arange(3)"),
    ("2. * int", "2. * torch.arange(3)", "2. * torch.arange(3)"),
    ("int ** 2.0", "torch.arange(3) ** 2.0", "torch.arange(3) ** 2.0"),
    ("2.0 ** int", "2.0 ** torch.arange(3)", "2.0 ** torch.arange(3)"),
    ("int % 2.0", "torch.arange(5) % 2.0", "torch.arange(5) % 2.0"),
    ("7. % int", "7. % torch.arange(1, 3)", "7. % torch.arange(1, 3)"),
    ("int * -1.", "torch.arange(3) * -1.", "torch.arange(3) * -1."),
    ("int32 * 2.", "torch.arange(3, dtype=torch.int32) * 2.", "torch.arange(3, {dtype: torch.int32}) * 2."),
    ("bool + 1.0", "torch.tensor([True, False]) + 1.0", "torch.tensor([true, false]) + 1.0"),
    ("method add(1.)", "torch.arange(3).add(1.)", "torch.arange(3).add(1.)"),
    ("method sub(1., alpha)", "torch.arange(3).sub(1., alpha=2)", "torch.arange(3).sub(1., {alpha: 2})"),
    ("method mul(2.)", "torch.arange(3).mul(2.)", "torch.arange(3).mul(2.)"),
    ("method pow(2.)", "torch.arange(3).pow(2.)", "torch.arange(3).pow(2.)"),
    ("method div floor", "torch.arange(3).div(2., rounding_mode='floor')", "torch.arange(3).div(2., {rounding_mode: \"floor\"})"),
    ("method remainder(2.)", "torch.arange(5).remainder(2.)", "torch.arange(5).remainder(2.)"),
    ("torch.add(int, 1.)", "torch.add(torch.arange(3), 1.)", "torch.add(torch.arange(3), 1.)"),
    ("torch.mul(int, 2.)", "torch.mul(torch.arange(3), 2.)", "torch.mul(torch.arange(3), 2.)"),
    ("torch.pow(2., int)", "torch.pow(2., torch.arange(3))", "torch.pow(2., torch.arange(3))"),
    # A float tensor is unchanged, graph included (Python's float operand: RsubBackward1, PowBackward0).
    ("float 2.0 - w", "w1 = torch.ones(2, requires_grad=True)\n2.0 - w1", "const w1 = torch.ones(2, {requires_grad: true});\n2.0 - w1"),
    ("float w ** 2.0", "w2 = torch.ones(2, requires_grad=True)\nw2 ** 2.0", "const w2 = torch.ones(2, {requires_grad: true});\nw2 ** 2.0"),
    ("float += 1.0", "x = torch.ones(2)\nx += 1.0\nx", "let x = torch.ones(2);\nx += 1.0;\nx"),
    # In place, a float result cannot be written into an integer or bool tensor.
    ("int += 1.0 (error)", "t2 = torch.arange(3)\nt2 += 1.0\nt2", "let t2 = torch.arange(3);\nt2 += 1.0;\nt2"),
    ("int mul_(2.) (error)", "torch.arange(3).mul_(2.)", "torch.arange(3).mul_(2.)"),
    ("int32 add_(1.) (error)", "torch.arange(3, dtype=torch.int32).add_(1.)", "torch.arange(3, {dtype: torch.int32}).add_(1.)"),
    ("bool mul_(1.) (error)", "torch.tensor([True]).mul_(1.)", "torch.tensor([true]).mul_(1.)"),
    ("int pow_(2.) (error)", "torch.arange(3).pow_(2.)", "torch.arange(3).pow_(2.)"),
    # ... also through an index: Python's x.__setitem__(i, x.__getitem__(i).__iadd__(1.0)).
    ("int x[0] += 1.0 (error)", "t3 = torch.arange(3)\nt3[0] += 1.0\nt3", "let t3 = torch.arange(3);\nt3[0] += 1.0;\nt3"),
    ("int x[0] *= 1.5 (error)", "t4 = torch.arange(3)\nt4[0] *= 1.5\nt4", "let t4 = torch.arange(3);\nt4[0] *= 1.5;\nt4"),
    ("int x[1:] -= 1. (error)", "t5 = torch.arange(3)\nt5[1:] -= 1.\nt5", "let t5 = torch.arange(3);\nt5[\"1:\"] -= 1.;\nt5"),
    ("int x[mask] /= 2. (error)", "t6 = torch.arange(3)\nt6[t6 > 0] /= 2.\nt6", "let t6 = torch.arange(3);\nt6[t6 > 0] /= 2.;\nt6"),
    ("int x[[0, 2]] += 1.0 (error)", "t7 = torch.arange(3)\nt7[[0, 2]] += 1.0\nt7", "let t7 = torch.arange(3);\nt7[[0, 2]] += 1.0;\nt7"),
    ("int expr[0] += 1.0 (error)", "def f12():\n    torch.arange(3)[0] += 1.0\nf12()", "torch.arange(3)[0] += 1.0"),
    ("bool x[0] += 1.0 (error)", "t8 = torch.tensor([True, False])\nt8[0] += 1.0\nt8", "let t8 = torch.tensor([true, false]);\nt8[0] += 1.0;\nt8"),
    ("int x[0] += 1", "t9 = torch.arange(3)\nt9[0] += 1\nt9", "let t9 = torch.arange(3);\nt9[0] += 1;\nt9"),
    ("float x[0] += 1.0", "t10 = torch.zeros(3)\nt10[0] += 1.0\nt10", "let t10 = torch.zeros(3);\nt10[0] += 1.0;\nt10"),
    ("float x[1:] *= 2.", "t11 = torch.ones(3)\nt11[1:] *= 2.\nt11", "let t11 = torch.ones(3);\nt11[\"1:\"] *= 2.;\nt11"),
    # In-place bounds written as floats (PyTorch's scalar kernels name the C++ type: "long int").
    ("int clamp_(0.) (error)", "torch.arange(3).clamp_(0.)", "torch.arange(3).clamp_(0.)"),
    ("int clamp_(0, 5.) (error)", "torch.arange(3).clamp_(0, 5.)", "torch.arange(3).clamp_(0, 5.)"),
    ("int32 clamp_min_(1.) (error)", "torch.arange(3, dtype=torch.int32).clamp_min_(1.)", "torch.arange(3, {dtype: torch.int32}).clamp_min_(1.)"),
    ("int clamp_max_(1.) (error)", "torch.arange(3).clamp_max_(1.)", "torch.arange(3).clamp_max_(1.)"),
    ("int clip_(0., 1.) (error)", "torch.arange(3).clip_(0., 1.)", "torch.arange(3).clip_(0., 1.)"),
    ("int clamp_(0, 1)", "torch.arange(3).clamp_(0, 1)", "torch.arange(3).clamp_(0, 1)"),
    # A float-written alpha with an integer tensor.
    ("int add alpha 2. (error)", "torch.arange(3).add(torch.arange(3), alpha=2.)", "torch.arange(3).add(torch.arange(3), {alpha: 2.})"),
    ("int sub_ alpha 2. (error)", "torch.arange(3).sub_(torch.arange(3), alpha=2.)", "torch.arange(3).sub_(torch.arange(3), {alpha: 2.})"),
    ("torch.add int alpha 2. (error)", "torch.add(torch.arange(3), torch.arange(3), alpha=2.)", "torch.add(torch.arange(3), torch.arange(3), {alpha: 2.})"),
    ("int add alpha 2", "torch.arange(3).add(torch.arange(3), alpha=2)", "torch.arange(3).add(torch.arange(3), {alpha: 2})"),
    ("float add alpha 2.", "torch.ones(3).add(torch.ones(3), alpha=2.)", "torch.ones(3).add(torch.ones(3), {alpha: 2.})"),
    # torch.where with a float-written scalar: the default float dtype.
    ("where 1. 0", "torch.where(torch.tensor([True, False]), 1., 0)", "torch.where(torch.tensor([true, false]), 1., 0)"),
    ("where int tensor 0.", "torch.where(torch.tensor([True, False]), torch.tensor([1, 2]), 0.)", "torch.where(torch.tensor([true, false]), torch.tensor([1, 2]), 0.)"),
    ("where 1 0", "torch.where(torch.tensor([True, False]), 1, 0)", "torch.where(torch.tensor([true, false]), 1, 0)"),
    # clamp with a float-written bound on an integer tensor: float, as PyTorch promotes it.
    ("int clamp(0., 2.)", "torch.arange(4).clamp(0., 2.)", "torch.arange(4).clamp(0., 2.)"),
    ("int clamp(min=2.)", "torch.arange(4).clamp(min=2.)", "torch.arange(4).clamp({min: 2.})"),
    ("torch.clamp int max=2.", "torch.clamp(torch.arange(4), max=2.)", "torch.clamp(torch.arange(4), {max: 2.})"),
    ("int clamp(min=2)", "torch.arange(4).clamp(min=2)", "torch.arange(4).clamp({min: 2})"),
]


def run(py):
    *stmts, expr = py.split("\n")
    env = {"torch": torch}
    try:
        exec("\n".join(stmts), env)
        value = eval(expr, env)
    except Exception as e:  # the error PyTorch raises is the reference
        return {"error": type(e).__name__, "message": str(e).split("\n")[0]}
    return {"repr": repr(value), "dtype": str(value.dtype)}


cases = [{"name": name, "py": py, "ts": ts, **run(py)} for name, py, ts in CASES]

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "dialect_floats.json"), "w") as f:
    json.dump({"cases": cases}, f, indent=1)
    f.write("\n")
print(len(cases), "cases")
