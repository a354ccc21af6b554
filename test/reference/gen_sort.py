"""PyTorch 1.13 references for src/ops/sort.ts: sort/argsort (stable), topk, tril/triu, nonzero and
where(cond), isclose, cumprod; forward values/indices and gradients of float inputs.

Run with Debian's /usr/bin/python3 (torch 1.13): writes test/reference/sort_cases.json, read by
test/tensor/sort.test.ts. Inputs are rounded to 4 decimals so both sides see the same float32 values;
ties come from drawing small integers, NaN is planted at random positions.
"""
import json
import os
import random

import torch

from _common import enc

random.seed(1313)
torch.manual_seed(1313)


def shape_():
    nd = random.randint(1, 4)
    return [random.randint(1, 5) for _ in range(nd)]


def make(shape, kind):
    n = 1
    for s in shape:
        n *= s
    if kind == "ties":
        v = [float(random.randint(-2, 2)) for _ in range(n)]
    elif kind == "int":
        return torch.tensor([random.randint(-3, 3) for _ in range(n)], dtype=torch.int64).reshape(shape)
    elif kind == "zeros":
        v = [0.0 if random.random() < 0.3 else round(random.uniform(-2, 2), 4) for _ in range(n)]
    else:
        v = [round(random.gauss(0, 1), 4) for _ in range(n)]
    if kind == "nan":
        for i in range(n):
            if random.random() < 0.25:
                v[i] = float("nan")
    return torch.tensor(v, dtype=torch.float32).reshape(shape)


cases = []


def add(op, x, args, outs, grad_out=None, grad=None, **extra):
    c = {"op": op, "x": enc(x), "args": args, "out": [enc(o) for o in outs]}
    if grad_out is not None:
        c["grad_out"] = enc(grad_out)
        c["grad"] = enc(grad)
    c.update(extra)
    cases.append(c)


def with_grad(x, f):
    """Returns f(x)'s outputs and the gradient of sum(values * g) for a random g of the value's shape."""
    if x.dtype != torch.float32:
        return f(x), None, None
    xg = x.clone().requires_grad_(True)
    outs = f(xg)
    g = torch.tensor([round(random.gauss(0, 1), 4) for _ in range(outs[0].numel())]).reshape(outs[0].shape)
    (outs[0] * g).sum().backward()
    return outs, g, xg.grad


KINDS = ["rand", "ties", "nan", "int"]

for i in range(36):
    kind = KINDS[i % 4]
    shape = shape_()
    x = make(shape, kind)
    dim = random.randint(-len(shape), len(shape) - 1)
    desc = random.random() < 0.5
    outs, g, gr = with_grad(x, lambda t: list(torch.sort(t, dim=dim, descending=desc, stable=True)))
    add("sort", x, {"dim": dim, "descending": desc}, outs, g, gr)
    if i % 3 == 0:
        add("argsort", x, {"dim": dim, "descending": desc}, [torch.argsort(x, dim=dim, descending=desc, stable=True)])

for i in range(36):
    kind = KINDS[i % 4]
    shape = shape_()
    x = make(shape, kind)
    dim = random.randint(-len(shape), len(shape) - 1)
    k = random.randint(0, shape[dim])
    largest = random.random() < 0.6
    outs, g, gr = with_grad(x, lambda t: list(torch.topk(t, k, dim=dim, largest=largest)))
    # Which of several tied elements topk returns is unspecified; the test checks indices and
    # gradients exactly only where the input has no ties (NaN counts as a tie with NaN).
    flat = [v for v in x.reshape(-1).tolist()]
    has_ties = len(set(str(v) for v in flat)) != len(flat)
    add("topk", x, {"k": k, "dim": dim, "largest": largest}, outs, g, gr, ties=has_ties)

for i in range(14):
    nb = random.randint(0, 2)
    shape = [random.randint(1, 3) for _ in range(nb)] + [random.randint(1, 5), random.randint(1, 5)]
    x = make(shape, "int" if i % 5 == 4 else "rand")
    diag = random.randint(-3, 3)
    op = "tril" if i % 2 == 0 else "triu"
    outs, g, gr = with_grad(x, lambda t: [getattr(t, op)(diag)])
    add(op, x, {"diagonal": diag}, outs, g, gr)

for i in range(10):
    shape = [] if i == 0 else shape_()
    x = make(shape, "zeros" if i % 2 else "int")
    if i == 9:
        x = x > 0
    add("nonzero", x, {}, [torch.nonzero(x)])
    add("where1", x, {}, list(torch.where(x)))

for i in range(10):
    shape = shape_()
    a = make(shape, "nan" if i % 3 == 0 else "rand")
    noise = torch.tensor([random.choice([0.0, 1e-6, 1e-5, 1e-3, 0.1]) for _ in range(a.numel())]).reshape(shape)
    b = (a + noise * a.abs()).to(torch.float32)
    if i % 4 == 1:
        a.reshape(-1)[0] = float("inf")
        b.reshape(-1)[0] = float("inf")
    # Round-trip b through its JSON encoding so PyTorch judges the very values the test feeds in.
    b = torch.tensor([float(v) for v in enc(b)["values"]], dtype=torch.float32).reshape(shape)
    opts = {"rtol": random.choice([1e-5, 1e-4, 0.01]), "atol": random.choice([1e-8, 1e-6, 0.0]), "equal_nan": i % 2 == 0}
    add("isclose", a, opts, [torch.isclose(a, b, **opts)], other=enc(b))

for i in range(12):
    shape = shape_()
    x = make(shape, "int" if i % 6 == 5 else "zeros")
    dim = random.randint(-len(shape), len(shape) - 1)
    outs, g, gr = with_grad(x, lambda t: [torch.cumprod(t, dim)])
    add("cumprod", x, {"dim": dim}, outs, g, gr)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sort_cases.json")
with open(path, "w") as f:
    json.dump(cases, f, separators=(",", ":"))
print(len(cases), "cases,", os.path.getsize(path), "bytes")
