"""PyTorch 1.13 references for test/kernel/rewrite_inplace.test.ts: compound assignment on an indexed
tensor in a notebook cell (`x[mask] += 1`), which Python runs as
x.__setitem__(i, x.__getitem__(i).__iadd__(v)).

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes dialect_inplace.json. Each
case pairs a Python snippet with its notebook port (the TypeScript cell the test runs through the
kernel's dialect rewrite); the fixture records what the Python snippet leaves in `out` (tensors,
numbers), or the class and message of the error it raises.
"""
import json
import os
import re

import torch

from _common import enc

# (name, Python index, notebook index): every index kind the dialect rewrites.
INDEXES = [
    ("int", "1", "1"),
    ("negative_int", "-1", "-1"),
    ("int_pair", "1, 2", '"1, 2"'),
    ("slice", ":, 1:3", '":, 1:3"'),
    ("step_slice", "::2", '"::2"'),
    ("int_slice", "0, 1:3", '"0, 1:3"'),
    ("none_ellipsis", "None, ..., 1", '"None, ..., 1"'),
    ("mask", "x > 4", "x > 4"),
    ("row_mask", "torch.tensor([True, False, True])", "torch.tensor([true, false, true])"),
    ("index_tensor", "torch.tensor([0, 2])", "torch.tensor([0, 2])"),
    ("index_tensor_dup", "torch.tensor([2, 0, 2])", "torch.tensor([2, 0, 2])"),
    ("list", "[0, 2]", "[0, 2]"),
    ("list_bools", "[True, False, True]", "[true, false, true]"),
]
OPS = ["+=", "-=", "*=", "/="]

cases = []


def float_port(ts):
    """JavaScript has no 12.0 apart from 12: the port spells Python's float literals' dtype out."""
    ts = re.sub(r"torch\.arange\((\d+)\.0\)", r"torch.arange(\1, {dtype: torch.float32})", ts)
    ts = re.sub(r"torch\.tensor\((\d+)\.0\)", r"torch.tensor(\1, {dtype: torch.float32})", ts)
    ts = re.sub(r"torch\.tensor\((\d+)\.0, \{", r"torch.tensor(\1, {dtype: torch.float32, ", ts)
    return ts.replace("torch.tensor([1.0, 2, 3])", "torch.tensor([1, 2, 3], {dtype: torch.float32})")


def case(name, py, ts):
    cases.append({"name": name, "py": py, "ts": float_port(ts)})


for iname, pyi, tsi in INDEXES:
    for k, op in enumerate(OPS):
        # A scalar and a tensor value (broadcast to the indexed shape); a fresh float tensor each time.
        py = f"x = torch.arange(12.0).view(3, 4)\nx[{pyi}] {op} 2\ny = torch.arange(12.0).view(3, 4)\nv = torch.tensor(3.0)\ny[{pyi.replace('x >', 'y >')}] {op} v\nout = [x, y]"
        ts = f"const x = torch.arange(12.0).view(3, 4);\nx[{tsi}] {op} 2;\nconst y = torch.arange(12.0).view(3, 4);\nconst v = torch.tensor(3.0);\ny[{tsi.replace('x >', 'y >')}] {op} v;\nout = [x, y];"
        case(f"{iname} {op}", py, ts)

# Through a view: x[1] is a view of x, so the write into x[1][...] reaches x.
for iname, pyi, tsi in [("mask", "x[1] > 5", "x[1] > 5"), ("index_tensor", "torch.tensor([0, 3])", "torch.tensor([0, 3])"), ("list", "[0, 3]", "[0, 3]"), ("slice", "1:3", '"1:3"')]:
    case(f"view x[1][{iname}] *=", f"x = torch.arange(12.0).view(3, 4)\nx[1][{pyi}] *= 10\nx[[0, 2]] -= 100\nout = [x]",
         f"const x = torch.arange(12.0).view(3, 4);\nx[1][{tsi}] *= 10;\nx[[0, 2]] -= 100;\nout = [x];")
case("view x[:, 1][index_tensor] +=", "x = torch.arange(12.0).view(3, 4)\nx[:, 1][torch.tensor([0, 2])] += 0.5\nout = [x]",
     'const x = torch.arange(12.0).view(3, 4);\nx[":, 1"][torch.tensor([0, 2])] += 0.5;\nout = [x];')
# A copy stays a copy (PyTorch's semantics, kept): x[mask][0] += 1 and x[mask].add_(1) write nowhere.
case("copy x[mask][0] += (lost, as in PyTorch)", "x = torch.arange(6.0)\nx[x > 2][0] += 100\nx[x > 2].add_(100)\nx[[0, 1]].zero_()\nx[0:2].zero_()\nout = [x]",
     "const x = torch.arange(6.0);\nx[x > 2][0] += 100;\nx[x > 2].add_(100);\nx[[0, 1]].zero_();\nx[\"0:2\"].zero_();\nout = [x];")

# Integer tensors: the in-place op keeps the dtype, and refuses a float result as PyTorch does.
case("int tensor mask *=", "x = torch.arange(6)\nx[x > 2] *= 3\nx[[0, 1]] += 7\nout = [x]", "const x = torch.arange(6);\nx[x > 2] *= 3;\nx[[0, 1]] += 7;\nout = [x];")
case("int tensor mask /= (error)", "x = torch.arange(6)\nx[x > 2] /= 2", "const x = torch.arange(6);\nx[x > 2] /= 2;")
case("int tensor row /= (error)", "x = torch.arange(6).view(2, 3)\nx[0] /= 2", "const x = torch.arange(6).view(2, 3);\nx[0] /= 2;")
case("mask shape mismatch (error)", "x = torch.arange(6.0).view(2, 3)\nx[torch.tensor([True, False, True])] += 1",
     "const x = torch.arange(6.0).view(2, 3);\nx[torch.tensor([true, false, true])] += 1;")
case("value shape mismatch (error)", "x = torch.arange(6.0).view(2, 3)\nx[x > 1] += torch.ones(2)",
     "const x = torch.arange(6.0).view(2, 3);\nx[x > 1] += torch.ones(2);")

# Autograd: through a non-leaf, the gradient flows to the leaf and to the value.
for iname, pyi, tsi in [("int", "1", "1"), ("slice", ":, 1:3", '":, 1:3"'), ("mask", "x.detach() > 4", "x.detach() > 4"),
                        ("index_tensor", "torch.tensor([0, 2, 2])", "torch.tensor([0, 2, 2])"), ("list", "[0, 2]", "[0, 2]"),
                        ("view_mask", None, None)]:
    for op in ["+=", "*=", "/=", "-="]:
        tgt_py = "x[1][x.detach()[1] > 5]" if iname == "view_mask" else f"x[{pyi}]"
        tgt_ts = "x[1][x.detach()[1] > 5]" if iname == "view_mask" else f"x[{tsi}]"
        py = (f"w = torch.arange(12.0).view(3, 4).requires_grad_()\nv = torch.tensor(2.0, requires_grad=True)\nx = w * 1\n{tgt_py} {op} v * 1.5\n"
              f"(x * torch.arange(12.0).view(3, 4)).sum().backward()\nout = [x, w.grad, v.grad]")
        ts = (f"const w = torch.arange(12.0).view(3, 4).requires_grad_();\nconst v = torch.tensor(2.0, {{requires_grad: true}});\nconst x = w * 1;\n{tgt_ts} {op} v * 1.5;\n"
              f"(x * torch.arange(12.0).view(3, 4)).sum().backward();\nout = [x, w.grad!, v.grad!];")
        case(f"grad {iname} {op}", py, ts)

# A leaf that requires grad: PyTorch refuses the in-place write (a view of it, or the leaf itself).
for iname, pyi, tsi in [("int", "0", "0"), ("slice", "0:2", '"0:2"'), ("mask", "w.detach() > 2", "w.detach() > 2"),
                        ("index_tensor", "torch.tensor([0, 2])", "torch.tensor([0, 2])"), ("list", "[0, 2]", "[0, 2]")]:
    case(f"leaf {iname} += (error)", f"w = torch.arange(6.0).requires_grad_()\nw[{pyi}] += 1",
         f"const w = torch.arange(6.0).requires_grad_();\nw[{tsi}] += 1;")
    # The usual fix, a manual SGD step under no_grad, inside a function as training code is written.
    case(f"leaf {iname} -= under no_grad", f"w = torch.arange(6.0).requires_grad_()\n(w * w).sum().backward()\n"
         f"def step(w):\n    with torch.no_grad():\n        w[{pyi}] -= 0.1 * w.grad[{pyi}]\nstep(w)\nout = [w, torch.tensor(w.requires_grad)]",
         f"const w = torch.arange(6.0).requires_grad_();\n(w * w).sum().backward();\n"
         f"function step(w: torch.Tensor) {{\n  torch.no_grad(() => {{\n    w[{tsi}] -= 0.1 * w.grad![{tsi}];\n  }});\n}}\nstep(w);\nout = [w, torch.tensor(w.requires_grad)];")

# The receiver and the index are evaluated once (Python's x[i] += v evaluates x and i once).
case("side effects: index i++, receiver f(), mask g()",
     "x = torch.zeros(4)\ncalls = {'i': 0, 'f': 0, 'g': 0}\ndef nxt():\n    calls['i'] += 1\n    return calls['i'] - 1\n"
     "def f():\n    calls['f'] += 1\n    return x\ndef g():\n    calls['g'] += 1\n    return x == 0\n"
     "x[nxt()] += 1\nx[nxt()] += 2\nf()[torch.tensor([3])] += 5\nx[g()] -= 7\nout = [x, calls['i'], calls['f'], calls['g']]",
     "const x = torch.zeros(4);\nlet i = 0, fc = 0, gc = 0;\nconst f = () => { fc++; return x; };\nconst g = () => { gc++; return x == 0; };\n"
     "x[i++] += 1;\nx[i++] += 2;\nf()[torch.tensor([3])] += 5;\nx[g()] -= 7;\nout = [x, i, fc, gc];")
# Chained assignment: every target gets the value (the dialect used to pass the whole tensor on).
case("chained x[0] = y[0] = 5", "x = torch.zeros(2, 3)\ny = torch.zeros(3)\nx[0] = y[0] = 5\nx[[1]] = y[[1, 2]] = 7\nout = [x, y]",
     "const x = torch.zeros(2, 3);\nconst y = torch.zeros(3);\nx[0] = y[0] = 5;\nx[[1]] = y[[1, 2]] = 7;\nout = [x, y];")
# Whole-tensor compound assignment stays the in-place method (the same object, as Python's __iadd__).
case("whole tensor x += v keeps identity", "x = torch.ones(3)\ny = x\nx += 1\nx *= torch.tensor([1.0, 2, 3])\nout = [y, torch.tensor(x is y)]",
     "let x = torch.ones(3);\nconst y = x;\nx += 1;\nx *= torch.tensor([1.0, 2, 3]);\nout = [y, torch.tensor(x === y)];")

# Python's tuple index with list or tensor items (`x[[0, 1, 2], t]`, `input[range(n), target]`'s
# spelling): each list becomes an index tensor, as PyTorch makes it; reads, writes and op= writes.
case("tuple index with lists and tensors",
     "x = torch.arange(12.0).view(3, 4)\nt = torch.tensor([3, 0, 1])\na = x[[0, 1, 2], t]\nb = x[1, [0, 3]]\nc = x[t > 0, 1]\n"
     "x[[0, 2], [1, 3]] = -1\nx[[0, 1], t[:2]] += 10\nx[2, [0, 1]] *= 2\nx[0, 1] = 7\nout = [a, b, c, x]",
     "const x = torch.arange(12.0).view(3, 4);\nconst t = torch.tensor([3, 0, 1]);\nconst a = x[[0, 1, 2], t];\nconst b = x[1, [0, 3]];\nconst c = x[t > 0, 1];\n"
     "x[[0, 2], [1, 3]] = -1;\nx[[0, 1], t[\":2\"]] += 10;\nx[2, [0, 1]] *= 2;\nx[0, 1] = 7;\nout = [a, b, c, x];")
case("tuple index: a list item out of range (error)", "x = torch.zeros(2, 3)\nx[[0, 5], 1] = 1", "const x = torch.zeros(2, 3);\nx[[0, 5], 1] = 1;")

# d2l's kernel2matrix and Python's tuple assignment to indexed targets (`k[:2], k[3:5] = a, b`): each
# target is the tensor's setitem, in the tuple's order, after the whole right side was evaluated.
case("destructuring targets [k[\":2\"], k[\"3:5\"]] = [a, b]",
     "K = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\nk, W = torch.zeros(5), torch.zeros((4, 9))\nk[:2], k[3:5] = K[0, :], K[1, :]\n"
     "W[0, :5], W[1, 1:6], W[2, 3:8], W[3, 4:] = k, k, k, k\nm = torch.zeros(2, 3)\nm[[0, 1], [2, 0]], m[1, 1] = torch.tensor([5.0, 6.0]), 7\n"
     "a = torch.arange(4.0)\na[0], a[1] = a[1], a[0]\nout = [k, W, m, a]",
     "const K = torch.tensor([[1.0, 2.0], [3.0, 4.0]]);\nconst [k, W] = [torch.zeros(5), torch.zeros([4, 9])];\n[k[\":2\"], k[\"3:5\"]] = [K[0, \":\"], K[1, \":\"]];\n"
     "[W[0, \":5\"], W[1, \"1:6\"], W[2, \"3:8\"], W[3, \"4:\"]] = [k, k, k, k];\nconst m = torch.zeros(2, 3);\n[m[[0, 1], [2, 0]], m[1, 1]] = [torch.tensor([5.0, 6.0]), 7];\n"
     "const a = torch.arange(4.0);\n[a[0], a[1]] = [a[1], a[0]];\nout = [k, W, m, a];")
# A 0-dim integer tensor indexes as the integer it holds (d2l's assign_anchor_to_bbox): a view when read,
# a basic write that converts the value's dtype (index_put_ would refuse a long value for a float x).
case("0-dim integer tensor index: view, write with dtype conversion",
     "x = torch.zeros(3, 4)\ni = torch.argmax(torch.tensor([0.1, 0.9, 0.2]))\nr = x[i]\nr += 1\nx[:, i] = torch.full((3,), -1)\n"
     "x[torch.tensor(2), 1:3] = torch.tensor([5, 6])\nb = x[torch.tensor(0), torch.tensor([0, 1])]\nm = torch.arange(5)[torch.tensor(True)]\n"
     "e = torch.arange(5)[torch.tensor(False)]\nout = [x, b, m, e]",
     "const x = torch.zeros(3, 4);\nconst i = torch.argmax(torch.tensor([0.1, 0.9, 0.2]));\nconst r = x[i];\nr += 1;\nx[\":\", i] = torch.full([3], -1);\n"
     "x[torch.tensor(2), \"1:3\"] = torch.tensor([5, 6]);\nconst b = x[torch.tensor(0), torch.tensor([0, 1])];\nconst m = torch.arange(5)[torch.tensor(true)];\n"
     "const e = torch.arange(5)[torch.tensor(false)];\nout = [x, b, m, e];")
case("index tensor write keeps index_put_'s dtype check (error)",
     "x = torch.zeros(3, 4)\nx[torch.tensor([0])] = torch.ones(4, dtype=torch.long)",
     "const x = torch.zeros(3, 4);\nx[torch.tensor([0])] = torch.ones(4, {dtype: torch.long});")


def run(py):
    env = {"torch": torch}
    try:
        exec(py, env)
    except Exception as e:  # the error PyTorch raises is the reference
        return {"error": type(e).__name__, "message": str(e).split("\n")[0]}
    return {"out": [enc(v) if isinstance(v, torch.Tensor) else v for v in env["out"]]}


for c in cases:
    c.update(run(c["py"]))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "dialect_inplace.json"), "w") as f:
    json.dump({"cases": cases}, f, indent=1)
    f.write("\n")
print(len(cases), "cases")
