#!/usr/bin/python3
"""Differential fuzz cases: torchlab against PyTorch 1.13 on randomized calls nobody wrote a fixture for.

Run with Debian's interpreter (the pyenv `python3` on PATH has no torch):

    /usr/bin/python3 test/reference/gen_fuzz.py                      # the committed fixture
    /usr/bin/python3 test/reference/gen_fuzz.py --seed 7 --per-op 40 --out /tmp/fuzz7.json

then `FUZZ_FILE=/tmp/fuzz7.json npx jest test/tensor/fuzz.test.ts` runs a big local batch and lists
every mismatch in one report. Each op has a generator drawing random shapes (0-d, size-1 and empty
dims), dims (negative, occasionally out of range), keepdim, broadcasting partners (occasionally
incompatible), dtypes (float32 / int64 / bool; int64 is torchlab's int32), Python scalars as operands
and random keyword arguments. A call is rendered twice from one description: as Python
(`x.sum(1, keepdim=True)`) and as torchlab TypeScript (`x.sum(1, {keepdim: true})`).

Each case records the inputs, both expressions and PyTorch's outcome: the outputs (values, dtype,
shape), a random upstream gradient per float output and the gradients of every float input; or,
when PyTorch raises, the exception type and message (torchlab must raise the corresponding type).
Documented differences are not generated: float64 (torchlab computes in float32), int64 overflow,
and random streams (dropout only with p=0 or training=False).
"""
import argparse
import json
import math
import os
import random
import sys

import torch
import torch.nn.functional as F

DT = {torch.float32: "float32", torch.int64: "int64", torch.int32: "int32", torch.bool: "bool"}


# ------------------------------------------------------------------ encoding

def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == int(v) and abs(v) < 2**53 and not (v == 0 and math.copysign(1, v) < 0):
        return int(v)
    return float("%.7g" % v)


def enc(t):
    t = t.detach()
    if t.dtype not in DT:
        raise Unsupported(str(t.dtype))
    vals = t.reshape(-1).tolist()
    vals = [bool(v) for v in vals] if t.dtype == torch.bool else [num(v) for v in vals]
    return {"shape": list(t.shape), "dtype": DT[t.dtype], "values": vals}


class Unsupported(Exception):
    """A case outside what torchlab promises (float64, int overflow): dropped, not recorded."""


class T:
    """A named tensor input; renders as its name in both languages."""

    def __init__(self, name):
        self.name = name


class Raw:
    """A literal expression, given per language."""

    def __init__(self, py, ts):
        self.py, self.ts = py, ts


def py(v):
    if isinstance(v, T):
        return v.name
    if isinstance(v, Raw):
        return v.py
    if isinstance(v, bool):
        return "True" if v else "False"
    if v is None:
        return "None"
    if isinstance(v, str):
        return repr(v)
    if isinstance(v, tuple):
        return "(" + ", ".join(py(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, list):
        return "[" + ", ".join(py(x) for x in v) + "]"
    if isinstance(v, float):
        return f"float({repr(v)!r})" if math.isinf(v) or math.isnan(v) else repr(v)
    return str(v)


def js(v):
    if isinstance(v, T):
        return v.name
    if isinstance(v, Raw):
        return v.ts
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, (tuple, list)):
        return "[" + ", ".join(js(x) for x in v) + "]"
    if isinstance(v, float):
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return repr(v)
    return str(v)


def call(fn_py, fn_ts, args=(), kwargs=None, ts_kw_positional=False):
    """Renders f(*args, **kwargs): Python keywords become one trailing TS options object."""
    kwargs = kwargs or {}
    p = [py(a) for a in args] + [f"{k}={py(v)}" for k, v in kwargs.items()]
    t = [js(a) for a in args]
    if kwargs:
        if ts_kw_positional:
            t += [js(v) for v in kwargs.values()]
        else:
            t.append("{" + ", ".join(f"{k}: {js(v)}" for k, v in kwargs.items()) + "}")
    return f"{fn_py}({', '.join(p)})", f"{fn_ts}({', '.join(t)})"


def meth(x, name, args=(), kwargs=None, **kw):
    return call(f"{x}.{name}", f"{x}.{name}", args, kwargs, **kw)


def fn(name, args=(), kwargs=None, **kw):
    return call(f"torch.{name}", f"torch.{name}", args, kwargs, **kw)


def Fn(name, args=(), kwargs=None, **kw):
    return call(f"F.{name}", f"F.{name}", args, kwargs, **kw)


# ------------------------------------------------------------------ random inputs

R = random.Random(0)


def shape(maxdim=4, allow_empty=True, mindim=0, maxsize=4):
    nd = R.randint(mindim, maxdim)
    s = []
    for _ in range(nd):
        r = R.random()
        s.append(0 if (allow_empty and r < 0.06) else 1 if r < 0.3 else R.randint(2, maxsize))
    return s


def numel(s):
    n = 1
    for d in s:
        n *= d
    return n


def fvals(n, special=0.0, lo=-3.0, hi=3.0):
    out = []
    for _ in range(n):
        if R.random() < special:
            out.append(R.choice([0.0, -0.0, float("nan"), float("inf"), float("-inf"), 1.0, -1.0]))
        else:
            out.append(round(R.uniform(lo, hi), 4))
    return out


SPECIAL = [0.0]


def tensor(s, dtype="f", special=0.0, lo=-3.0, hi=3.0, ilo=-5, ihi=6):
    n = numel(s)
    # --special P: every float input gets nan/inf/0/+-1 entries with probability P (a separate sweep)
    special = max(special, SPECIAL[0])
    if dtype == "f":
        return torch.tensor(fvals(n, special, lo, hi), dtype=torch.float32).reshape(s)
    if dtype == "i":
        return torch.tensor([R.randint(ilo, ihi - 1) for _ in range(n)], dtype=torch.int64).reshape(s)
    if dtype == "b":
        return torch.tensor([R.random() < 0.5 for _ in range(n)], dtype=torch.bool).reshape(s)
    raise ValueError(dtype)


def dtype_pick(weights=(0.7, 0.2, 0.1)):
    return R.choices("fib", weights)[0]


def bshape(s):
    """A shape that broadcasts with s (sometimes one that does not)."""
    r = R.random()
    if r < 0.05:
        return shape(3)
    t = list(s)
    if t and R.random() < 0.4:
        t = t[R.randint(0, len(t)):]
    t = [1 if R.random() < 0.3 else d for d in t]
    if R.random() < 0.2:
        t = [R.choice([1, 2])] + t
    if r < 0.12 and t:
        i = R.randrange(len(t))
        t[i] = t[i] + 1 if t[i] != 1 else 3
    return t


def dim(nd, oob=0.05):
    n = max(nd, 1)
    if R.random() < oob:
        return R.choice([n, -n - 1])
    return R.randint(-n, n - 1)


def scalar(kind=None):
    kind = kind or R.choice("fffiib")
    if kind == "f":
        # JS has no float literal distinct from an int (2.0 is 2): integral floats are not generated.
        v = round(R.uniform(-3, 3), 2)
        return v if v != int(v) else v + 0.25
    if kind == "i":
        return R.randint(-4, 4)
    return R.random() < 0.5


# ------------------------------------------------------------------ running one case

# buffers updated in place (batch norm running stats), never differentiated
NO_GRAD = {"rm", "rv", "lw", "pw"}


def run(inputs, py_expr, ts_expr, grad=True, tol=None, opname=None):
    env = {"torch": torch, "F": F}
    for k, v in inputs.items():
        v = v.clone()
        if v.dtype == torch.float32 and grad and k not in NO_GRAD:
            v.requires_grad_(True)
        env[k] = v
    case = {"op": opname, "py": py_expr, "ts": ts_expr, "inputs": {k: enc(v) for k, v in inputs.items()}}
    # the inputs that require grad (also where PyTorch raises: leaf checks depend on it)
    case["rg"] = [k for k, v in env.items() if k in inputs and v.requires_grad]
    if os.environ.get("FUZZ_DEBUG"):
        print(opname, py_expr, {k: list(v.shape) for k, v in inputs.items()}, file=sys.stderr, flush=True)
    try:
        out = eval(py_expr, env)
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        name = type(e).__name__
        if name not in ("RuntimeError", "IndexError", "ValueError", "TypeError"):
            name = "RuntimeError" if isinstance(e, RuntimeError) else name
        msg = str(e).split("\n")[0]
        if "Long" in msg and "overflow" in msg:
            raise Unsupported(msg)
        if "not implemented for 'Long'" in msg or "not implemented for 'Bool'" in msg or "not implemented for 'Int'" in msg:
            # kernel coverage in PyTorch's CPU build, not a semantic: torchlab may compute these.
            raise Unsupported(msg)
        case["error"] = {"type": name, "message": msg[:200]}
        return case
    if isinstance(out, (bool, int, float, list)) and not isinstance(out, torch.Tensor):
        def plain(v):
            return [plain(e) for e in v] if isinstance(v, list) else v if isinstance(v, bool) else num(v)
        case["scalar"] = plain(out)
        return case
    multi = isinstance(out, (tuple, list))
    outs = list(out) if multi else [out]
    case["multi"] = multi
    case["out"] = [enc(o) for o in outs]
    if any(o.dtype == torch.float32 and (o.isinf().any() or o.abs().max() > 1e6) for o in outs if o.numel()):
        case["tol"] = 1e-3
    if tol:
        case["tol"] = tol
    if grad and any(o.requires_grad for o in outs):
        gs, loss = [], 0
        for o in outs:
            if o.dtype == torch.float32 and o.requires_grad:
                g = torch.tensor(fvals(o.numel()), dtype=torch.float32).reshape(o.shape)
                loss = loss + (o * g).sum()
                gs.append(enc(g))
            else:
                gs.append(None)
        try:
            loss.backward()
        except (RuntimeError, IndexError):
            return case
        grads = {}
        for k, v in inputs.items():
            t = env[k]
            if isinstance(t, torch.Tensor) and t.requires_grad:
                grads[k] = enc(t.grad if t.grad is not None else torch.zeros_like(t))
        case["grad_out"] = gs
        case["grads"] = grads
    return case


# ------------------------------------------------------------------ op generators

OPS = {}


def op(name):
    def deco(f):
        OPS[name] = f
        return f
    return deco


UNARY = ["neg", "exp", "log", "log2", "log10", "log1p", "expm1", "sqrt", "rsqrt", "square", "reciprocal", "abs", "sign",
         "sin", "cos", "tanh", "sigmoid", "relu", "erf", "floor", "ceil", "round", "trunc", "isnan", "isinf", "isfinite",
         "logical_not"]
POSITIVE = {"log", "log2", "log10", "sqrt", "rsqrt"}


def make_unary(name):
    def g():
        dt = dtype_pick((0.75, 0.15, 0.1))
        lo = 0.1 if name in POSITIVE and R.random() < 0.8 else -3.0
        x = tensor(shape(), dt, special=0.1 if R.random() < 0.2 else 0.0, lo=lo)
        if R.random() < 0.5:
            p, t = meth("x", name)
        else:
            p, t = fn(name, [T("x")])
        return {"x": x}, p, t
    return g


for _u in UNARY:
    op(_u)(make_unary(_u))


BINARY = ["add", "sub", "mul", "div", "pow", "remainder", "floor_divide", "maximum", "minimum", "eq", "ne", "lt", "le",
          "gt", "ge", "logical_and", "logical_or", "logical_xor", "rsub", "true_divide"]


def make_binary(name):
    def g():
        s = shape()
        da = dtype_pick()
        a = tensor(s, da, lo=0.2 if name == "pow" else -3.0, ilo=0 if name == "pow" else -5)
        inputs = {"a": a}
        if name in ("maximum", "minimum", "logical_and", "logical_or", "logical_xor") or R.random() < 0.6:
            db = dtype_pick()
            b = tensor(bshape(s), db, lo=-2.0 if name == "pow" else -3.0, hi=2.0 if name == "pow" else 3.0,
                       ilo=0 if name == "pow" else -5, ihi=3 if name == "pow" else 6)
            if name in ("div", "remainder", "floor_divide", "true_divide") and db == "i" and da != "f":
                b = b.masked_fill(b == 0, 2)
            inputs["b"] = b
            other = T("b")
        else:
            other = scalar()
            if name in ("remainder", "floor_divide") and other in (0, False, 0.0) and da != "f":
                other = 3
        kwargs = {}
        if name in ("add", "sub") and R.random() < 0.3:
            kwargs["alpha"] = scalar("i" if R.random() < 0.5 else "f")
        if name == "div" and R.random() < 0.4:
            kwargs["rounding_mode"] = R.choice(["trunc", "floor", None])
        if R.random() < 0.5 or name in ("rsub",):
            p, t = fn(name, [T("a"), other], kwargs)
        else:
            p, t = meth("a", name, [other], kwargs)
        return inputs, p, t
    return g


for _b in BINARY:
    op(_b)(make_binary(_b))


@op("clamp")
def g_clamp():
    x = tensor(shape(), dtype_pick((0.8, 0.2, 0)))
    lo = R.choice([None, scalar("f"), scalar("i")])
    hi = R.choice([None, scalar("f"), scalar("i")])
    if R.random() < 0.5:
        p, t = meth("x", R.choice(["clamp", "clip"]), [lo, hi])
    else:
        p, t = meth("x", "clamp", [], {k: v for k, v in (("min", lo), ("max", hi)) if v is not None or R.random() < 0.3})
    return {"x": x}, p, t


@op("where")
def g_where():
    s = shape()
    c = tensor(bshape(s), "b")
    a = tensor(s, dtype_pick((0.7, 0.2, 0.1)))
    inputs = {"c": c, "a": a}
    if R.random() < 0.6:
        inputs["b"] = tensor(bshape(s), dtype_pick((0.7, 0.2, 0.1)))
        other = T("b")
    else:
        other = scalar("f" if R.random() < 0.6 else "i")
    # Tensor.where(condition, other) takes only a tensor `other` in 1.13; torchlab also takes a number.
    if R.random() < 0.5 or not isinstance(other, T):
        p, t = fn("where", [T("c"), T("a"), other])
    else:
        p, t = meth("a", "where", [T("c"), other])
    return inputs, p, t


@op("masked_fill")
def g_masked_fill():
    s = shape()
    x = tensor(s, dtype_pick((0.7, 0.2, 0.1)))
    m = tensor(bshape(s) if R.random() < 0.5 else s, "b")
    v = scalar()
    inputs = {"x": x, "m": m}
    if R.random() < 0.2 and x.dtype == torch.float32:
        # (a float value tensor into an int input trips an internal assert in 1.13's autograd)
        inputs["v"] = tensor([], "f")
        v = T("v")
    p, t = meth("x", "masked_fill", [T("m"), v])
    return inputs, p, t


REDUCE_DIMS = ["sum", "mean", "amax", "amin", "logsumexp"]


def make_reduce(name):
    def g():
        s = shape()
        x = tensor(s, "f" if name in ("mean", "logsumexp") and R.random() < 0.85 else dtype_pick())
        args, kwargs = [], {}
        r = R.random()
        if r < 0.2 and name not in ("logsumexp",):
            pass
        elif r < 0.35:
            # logsumexp(x, []) raises in 1.13 (a PyTorch quirk, not generated); sum/mean/amax reduce all
            empty_ok = name != "logsumexp"
            args.append([dim(len(s)) for _ in range(R.randint(1, 2))] if R.random() < 0.7 or not empty_ok else [])
        else:
            args.append(dim(len(s)))
        if args and R.random() < 0.5:
            if R.random() < 0.5:
                kwargs["keepdim"] = R.random() < 0.5
            else:
                args.append(R.random() < 0.5)
        if R.random() < 0.5:
            p, t = meth("x", name, args, kwargs)
        else:
            p, t = fn(name, [T("x")] + args, kwargs, ts_kw_positional=True)
        return {"x": x}, p, t
    return g


for _r in REDUCE_DIMS:
    op(_r)(make_reduce(_r))


def make_single_dim(name):
    def g():
        s = shape()
        x = tensor(s, dtype_pick((0.6, 0.25, 0.15)) if name != "prod" else dtype_pick((0.7, 0.3, 0)), lo=-2, hi=2, ilo=-3, ihi=4)
        args, kwargs = [], {}
        if R.random() < 0.75:
            args.append(dim(len(s)))
            if R.random() < 0.5:
                kwargs["keepdim"] = R.random() < 0.5
        if R.random() < 0.6:
            p, t = meth("x", name, args, kwargs)
        else:
            p, t = fn(name, [T("x")] + args, kwargs, ts_kw_positional=True)
        return {"x": x}, p, t
    return g


for _r in ["prod", "max", "min", "argmax", "argmin", "all", "any"]:
    op(_r)(make_single_dim(_r))


def make_var(name):
    def g():
        s = shape()
        x = tensor(s, "f")
        args, kwargs = [], {}
        r = R.random()
        if r < 0.2:
            if R.random() < 0.5:
                args.append(R.random() < 0.5)
        else:
            d = dim(len(s)) if R.random() < 0.7 else [dim(len(s)) for _ in range(R.randint(1, 2))]
            args.append(d)
            if R.random() < 0.4:
                kwargs["unbiased"] = R.random() < 0.5
            elif R.random() < 0.3:
                kwargs["correction"] = R.randint(0, 2)
            if R.random() < 0.5:
                kwargs["keepdim"] = R.random() < 0.5
        p, t = meth("x", name, args, kwargs)
        return {"x": x}, p, t
    return g


op("std")(make_var("std"))
op("var")(make_var("var"))


def make_dimonly(name):
    def g():
        s = shape()
        x = tensor(s, "f" if name != "cumsum" else dtype_pick())
        if R.random() < 0.5:
            p, t = meth("x", name, [dim(len(s))])
        else:
            p, t = meth("x", name, [], {"dim": dim(len(s))})
        return {"x": x}, p, t
    return g


for _r in ["softmax", "log_softmax", "cumsum"]:
    op(_r)(make_dimonly(_r))


@op("norm")
def g_norm():
    s = shape()
    x = tensor(s, "f")
    p_ = R.choice([2, 1, 2.0, 3, "fro", float("inf")])
    args = [p_]
    if R.random() < 0.6:
        args.append(dim(len(s)) if R.random() < 0.7 else [dim(len(s))])
        if R.random() < 0.5:
            args.append(R.random() < 0.5)
    p, t = meth("x", "norm", args)
    return {"x": x}, p, t


@op("matmul")
def g_matmul():
    k = R.randint(0, 3) if R.random() < 0.1 else R.randint(1, 3)
    def side(last):
        nd = R.choice([1, 2, 2, 3, 4])
        if nd == 1:
            return [k]
        s = [R.randint(1, 3) for _ in range(nd - 2)]
        return s + ([R.randint(1, 3), k] if last else [k, R.randint(1, 3)])
    a_s, b_s = side(True), side(False)
    if R.random() < 0.3 and len(a_s) > 2 and len(b_s) > 2:
        b_s[0] = 1
    if R.random() < 0.08:
        b_s[-2 if len(b_s) > 1 else 0] += 1
    name = R.choice(["matmul", "matmul", "mm", "bmm", "mv", "dot", "outer"])
    if name == "mm":
        a_s, b_s = a_s[-2:] if len(a_s) >= 2 else a_s, b_s[-2:] if len(b_s) >= 2 else b_s
    if name == "bmm" and R.random() < 0.7:
        n = R.randint(1, 3)
        a_s, b_s = [n, R.randint(1, 3), k], [n, k, R.randint(1, 3)]
    if name == "mv":
        a_s, b_s = [R.randint(1, 3), k], [k + (1 if R.random() < 0.1 else 0)]
    if name in ("dot", "outer"):
        a_s, b_s = [k], [k if name == "dot" and R.random() < 0.9 else R.randint(1, 3)]
    dt = "i" if R.random() < 0.1 else "f"
    inputs = {"a": tensor(a_s, dt, ilo=-2, ihi=3), "b": tensor(b_s, dt, ilo=-2, ihi=3)}
    p, t = (meth("a", name, [T("b")]) if R.random() < 0.5 else fn(name, [T("a"), T("b")]))
    return inputs, p, t


@op("t")
def g_t():
    x = tensor(shape(3), dtype_pick())
    p, t = meth("x", "t") if R.random() < 0.5 else fn("t", [T("x")])
    return {"x": x}, p, t


def valid_view(s):
    n = numel(s)
    out = []
    rem = n
    for _ in range(R.randint(0, 3)):
        divs = [d for d in range(1, 5) if rem % d == 0] if rem else [0, 1, 2]
        d = R.choice(divs)
        out.append(d)
        rem = rem // d if d else 0
    if rem != 1 or R.random() < 0.3:
        out.append(rem if n else 0)
    if out and R.random() < 0.4 and n:
        out[R.randrange(len(out))] = -1
    if R.random() < 0.05:
        out.append(2)
    return out


@op("view")
def g_view():
    s = shape()
    x = tensor(s, dtype_pick())
    name = R.choice(["view", "reshape"])
    v = valid_view(s)
    if R.random() < 0.5:
        p, t = meth("x", name, v)
    else:
        p, t = meth("x", name, [v])
    return {"x": x}, p, t


@op("permute")
def g_permute():
    s = shape(mindim=0)
    x = tensor(s, dtype_pick())
    perm = list(range(len(s)))
    R.shuffle(perm)
    perm = [d - len(s) if R.random() < 0.3 else d for d in perm]
    if R.random() < 0.05 and perm:
        perm[0] = perm[-1]
    p, t = meth("x", "permute", perm if R.random() < 0.5 else [perm])
    return {"x": x}, p, t


@op("as_other")
def g_as_other():
    """expand_as / view_as / reshape_as / .T / .mT / type conversions."""
    s = shape()
    x = tensor(s, dtype_pick())
    r = R.choice(["expand_as", "view_as", "reshape_as", "T", "mT"])
    if r in ("T", "mT"):
        return {"x": x}, f"x.{r}", f"x.{r}"
    other = bshape(s) if r == "expand_as" else valid_view(s)
    if r == "expand_as":
        other = [R.randint(1, 2)] + [d if R.random() < 0.8 else R.randint(1, 3) for d in s] if R.random() < 0.5 else list(s)
    o = torch.zeros([abs(d) for d in other]) if -1 not in other else torch.zeros(numel(s))
    return {"x": x, "o": o}, *meth("x", r, [T("o")])


@op("transpose")
def g_transpose():
    s = shape()
    x = tensor(s, dtype_pick())
    p, t = meth("x", "transpose", [dim(len(s)), dim(len(s))])
    return {"x": x}, p, t


@op("flatten")
def g_flatten():
    s = shape()
    x = tensor(s, dtype_pick())
    args = []
    if R.random() < 0.8:
        args.append(dim(len(s)))
        if R.random() < 0.6:
            args.append(dim(len(s)))
    p, t = meth("x", "flatten", args) if R.random() < 0.6 else fn("flatten", [T("x")] + args)
    return {"x": x}, p, t


@op("squeeze")
def g_squeeze():
    s = shape()
    x = tensor(s, dtype_pick())
    args = [dim(len(s))] if R.random() < 0.7 else []
    p, t = meth("x", "squeeze", args)
    return {"x": x}, p, t


@op("unsqueeze")
def g_unsqueeze():
    s = shape()
    x = tensor(s, dtype_pick())
    n = len(s) + 1
    d = R.randint(-n, n - 1) if R.random() < 0.95 else n
    p, t = meth("x", "unsqueeze", [d]) if R.random() < 0.6 else fn("unsqueeze", [T("x"), d])
    return {"x": x}, p, t


@op("expand")
def g_expand():
    s = shape(3)
    x = tensor(s, dtype_pick())
    tgt = [R.choice([d, -1]) if d != 1 else R.choice([1, 2, 3, -1]) for d in s]
    if R.random() < 0.3:
        tgt = [R.randint(1, 3)] + tgt
    if R.random() < 0.07 and tgt:
        tgt[-1] = 5
    p, t = meth("x", "expand", tgt if R.random() < 0.5 else [tgt])
    return {"x": x}, p, t


@op("repeat")
def g_repeat():
    s = shape(3)
    x = tensor(s, dtype_pick())
    reps = [R.randint(0 if R.random() < 0.1 else 1, 3) for _ in range(len(s) + R.randint(0 if R.random() < 0.9 else -1, 2))]
    p, t = meth("x", "repeat", reps if R.random() < 0.5 else [reps])
    return {"x": x}, p, t


@op("cat")
def g_cat():
    s = shape(mindim=1 if R.random() < 0.9 else 0)
    d = dim(len(s))
    n = R.randint(1, 3)
    inputs = {}
    dt = dtype_pick()
    for i in range(n):
        si = list(s)
        if si and -len(si) <= d < len(si):
            si[d] = R.randint(0, 3)
        if R.random() < 0.05 and si:
            si[0] += 1
        inputs[f"t{i}"] = tensor(si, dt if R.random() < 0.8 else dtype_pick())
    if R.random() < 0.1:
        inputs["t9"] = tensor([0], "f")
    names = [T(k) for k in inputs]
    name = R.choice(["cat", "cat", "stack"])
    if name == "stack":
        for k in inputs:
            inputs[k] = tensor(s, dt)
        d = dim(len(s) + 1)
    args = [names, d] if R.random() < 0.7 else [names]
    p, t = fn(name, args)
    return inputs, p, t


@op("split")
def g_split():
    s = shape(mindim=1)
    x = tensor(s, dtype_pick())
    d = dim(len(s))
    name = R.choice(["split", "chunk", "unbind"])
    if name == "split":
        if R.random() < 0.6:
            arg = R.randint(1, 3)
        else:
            n = s[d] if -len(s) <= d < len(s) else 2
            parts = []
            while sum(parts) < n:
                parts.append(R.randint(0, n - sum(parts)))
            if R.random() < 0.1:
                parts.append(1)
            arg = parts
        args = [arg, d]
    elif name == "chunk":
        args = [R.randint(1, 4), d]
    else:
        args = [d]
    p, t = meth("x", name, args) if R.random() < 0.6 else fn(name, [T("x")] + args)
    return {"x": x}, p, t


@op("narrow")
def g_narrow():
    s = shape(mindim=1)
    x = tensor(s, dtype_pick())
    d = dim(len(s))
    n = s[d] if -len(s) <= d < len(s) else 2
    start = R.randint(-n, n) if n else 0
    length = R.randint(0, max(n - (start % n if n else 0), 0) + (1 if R.random() < 0.1 else 0))
    p, t = meth("x", "narrow", [d, start, length])
    return {"x": x}, p, t


@op("select")
def g_select():
    s = shape(mindim=1)
    x = tensor(s, dtype_pick())
    d = dim(len(s))
    n = s[d] if -len(s) <= d < len(s) else 2
    i = R.randint(-n - 1, n)
    p, t = meth("x", "select", [d, i]) if R.random() < 0.6 else fn("select", [T("x"), d, i])
    return {"x": x}, p, t


@op("index")
def g_index():
    s = shape(mindim=1)
    x = tensor(s, dtype_pick())
    items = []
    for i in range(R.randint(1, len(s) + (1 if R.random() < 0.1 else 0))):
        n = s[i] if i < len(s) else 1
        r = R.random()
        if r < 0.3:
            items.append(str(R.randint(-n - (1 if R.random() < 0.1 else 0), max(n - 1, 0))))
        elif r < 0.4:
            items.append(":")
        elif r < 0.48:
            items.append("None")
        else:
            a = R.choice(["", str(R.randint(-n - 1, n + 1))])
            b = R.choice(["", str(R.randint(-n - 1, n + 1))])
            c = R.choice(["", "", str(R.randint(1, 3))])
            items.append(f"{a}:{b}" + (f":{c}" if c else ""))
    if R.random() < 0.15:
        items.insert(R.randint(0, len(items)), "...")
    spec = ", ".join(items)
    return {"x": x}, f"x[{spec}]", f"x.index({json.dumps(spec)})"


@op("flip")
def g_flip():
    s = shape()
    x = tensor(s, dtype_pick())
    dims = list({dim(len(s)) for _ in range(R.randint(1, 2))})
    p, t = meth("x", "flip", dims) if R.random() < 0.5 else fn("flip", [T("x"), dims])
    return {"x": x}, p, t


@op("index_select")
def g_index_select():
    s = shape(mindim=0)
    x = tensor(s, dtype_pick())
    d = dim(len(s))
    n = (s[d] if s else 1) if -max(len(s), 1) <= d < max(len(s), 1) else 2
    # on a 0-d input, 1.13 reads (empty index) or writes (several) out of bounds: one element only
    k = R.randint(0, 4) if s else 1
    idx = torch.tensor([R.randint(0, max(n - 1, 0)) + (n if R.random() < 0.03 else 0) for _ in range(k)], dtype=torch.int64)
    if R.random() < 0.1:
        idx = idx.reshape(()) if k == 1 else idx
    p, t = meth("x", "index_select", [d, T("i")]) if R.random() < 0.5 else fn("index_select", [T("x"), d, T("i")])
    return {"x": x, "i": idx}, p, t


@op("gather")
def g_gather():
    s = shape(mindim=1)
    x = tensor(s, dtype_pick())
    d = dim(len(s))
    ish = [R.randint(1, max(v, 1)) if v else 0 for v in s]
    n = s[d] if -len(s) <= d < len(s) else 1
    if -len(s) <= d < len(s) and R.random() < 0.5:
        ish[d] = R.randint(1, 4)
    idx = torch.tensor([R.randint(0, max(n - 1, 0)) for _ in range(numel(ish))], dtype=torch.int64).reshape(ish)
    p, t = meth("x", "gather", [d, T("i")]) if R.random() < 0.5 else fn("gather", [T("x"), d, T("i")])
    return {"x": x, "i": idx}, p, t


@op("masked_select")
def g_masked_select():
    s = shape()
    x = tensor(s, dtype_pick())
    m = tensor(bshape(s), "b")
    p, t = meth("x", "masked_select", [T("m")]) if R.random() < 0.5 else fn("masked_select", [T("x"), T("m")])
    return {"x": x, "m": m}, p, t


@op("to")
def g_to():
    s = shape()
    r = R.choice(["float", "long", "int", "bool", "to_f", "to_l", "to_b"])
    # nan/inf to int64 is platform garbage (and int64 is int32 here): specials only for float/bool targets
    x = tensor(s, dtype_pick((0.5, 0.3, 0.2)), special=0.05 if r in ("float", "bool", "to_f", "to_b") else 0)
    if r.startswith("to_"):
        d = {"f": "float32", "l": "int64", "b": "bool"}[r[3]]
        return {"x": x}, f"x.to(torch.{d})", f"x.to(torch.{d})"
    if r == "int":
        return {"x": x}, "x.long()", "x.long()"
    p, t = meth("x", r)
    if r == "float" and x.dtype == torch.float32 and x.isnan().any():
        pass
    return {"x": x}, p, t


@op("creation")
def g_creation():
    r = R.choice(["zeros", "ones", "full", "arange", "arange", "linspace", "eye", "tensor", "like"])
    if r in ("zeros", "ones"):
        s = shape(3)
        kw = {"dtype": Raw("torch." + R.choice(["float32", "int64", "bool"]), "torch." + R.choice(["float32"]))} if False else {}
        if R.random() < 0.4:
            d = R.choice(["float32", "int64", "bool"])
            kw = {"dtype": Raw(f"torch.{d}", f"torch.{d}")}
        return {}, *fn(r, [s], kw)
    if r == "full":
        s = shape(3)
        v = scalar()
        return {}, *fn("full", [s, v])
    if r == "arange":
        kind = R.choice(["i", "f"])
        a = scalar(kind)
        b = a + R.choice([-3, 0, 2, 5, 7]) * (1 if kind == "i" else 0.7)
        st = R.choice([1, 2, -1, -2, 0.5, 3]) if R.random() < 0.7 else None
        if isinstance(b, float):
            b = round(b, 2)
            b = b if b != int(b) else b + 0.25
        args = [b] if R.random() < 0.2 else [a, b] + ([st] if st is not None else [])
        if len(args) == 1 and isinstance(args[0], float):
            args = [abs(args[0])]
        return {}, *fn("arange", args)
    if r == "linspace":
        a, b = round(R.uniform(-3, 3), 1), round(R.uniform(-3, 3), 1)
        return {}, *fn("linspace", [a, b, R.randint(0, 6)])
    if r == "eye":
        args = [R.randint(0, 4)] + ([R.randint(0, 4)] if R.random() < 0.5 else [])
        return {}, *fn("eye", args)
    if r == "like":
        s = shape()
        x = tensor(s, dtype_pick())
        name = R.choice(["zeros_like", "ones_like", "full_like"])
        args = [T("x")] + ([scalar()] if name == "full_like" else [])
        return {"x": x}, *fn(name, args)
    vals = R.choice([[1, 2.5], [True, False], [1, 2, 3], [[1, 2], [3, 4]], [], 3, 2.5, True, [[True], [False]], [1, True]])
    return {}, *fn("tensor", [vals])


@op("dtype_kw")
def g_dtype_kw():
    """The dtype= keyword of reductions and softmax (float32 / int64 only: float64 is float32 here)."""
    name = R.choice(["sum", "mean", "prod", "cumsum", "softmax", "log_softmax"])
    s = shape(3)
    x = tensor(s, dtype_pick((0.5, 0.35, 0.15)), lo=-2, hi=2, ilo=-3, ihi=4)
    # dtype=int64 on a float input that requires grad trips an internal assert in 1.13: int inputs only
    d = R.choice(["float32", "int64"]) if name in ("sum", "prod", "cumsum") and x.dtype != torch.float32 else "float32"
    kw = {"dtype": Raw(f"torch.{d}", f"torch.{d}")}
    args = []
    if name in ("cumsum", "softmax", "log_softmax") or R.random() < 0.5:
        args.append(dim(len(s)))
    p, t = meth("x", name, args, kw)
    return {"x": x}, p, t


@op("index_adv")
def g_index_adv():
    """Indexing with integer tensors, bool masks, ints, slices and None together."""
    s = shape(mindim=1, maxdim=3)
    x = tensor(s, dtype_pick())
    inputs = {"x": x}
    py_items, ts_items = [], []
    used = 0
    for i in range(R.randint(1, len(s))):
        n = s[used] if used < len(s) else 1
        r = R.random()
        if r < 0.3:
            k = f"i{i}"
            inputs[k] = torch.tensor([R.randint(-n, max(n - 1, 0)) + (n if R.random() < 0.03 else 0) for _ in range(R.randint(0, 3))] if n else [], dtype=torch.int64)
            py_items.append(k)
            ts_items.append(k)
            used += 1
        elif r < 0.45 and used < len(s):
            k = f"m{i}"
            inputs[k] = tensor([n], "b")
            py_items.append(k)
            ts_items.append(k)
            used += 1
        elif r < 0.6:
            v = R.randint(-n, max(n - 1, 0))
            py_items.append(str(v))
            ts_items.append(str(v))
            used += 1
        elif r < 0.7:
            py_items.append("None")
            ts_items.append('"None"')
        else:
            a, b = R.choice([None, R.randint(-n, n)]), R.choice([None, R.randint(-n, n)])
            py_items.append(f"{'' if a is None else a}:{'' if b is None else b}")
            ts_items.append(f"[{js(a)}, {js(b)}]")
            used += 1
    return inputs, f"x[{', '.join(py_items)},]", f"x.index([{', '.join(ts_items)}])"


@op("clamp_tensor")
def g_clamp_tensor():
    s = shape()
    x = tensor(s, "f")
    inputs = {"x": x}
    lo = hi = None
    if R.random() < 0.7:
        inputs["lo"] = tensor(bshape(s), "f")
        lo = T("lo")
    if R.random() < 0.7 or lo is None:
        inputs["hi"] = tensor(bshape(s), "f")
        hi = T("hi")
    p, t = meth("x", "clamp", [lo, hi])
    return inputs, p, t


@op("max_binary")
def g_max_binary():
    s = shape()
    a = tensor(s, dtype_pick((0.7, 0.3, 0)))
    b = tensor(bshape(s), dtype_pick((0.7, 0.3, 0)))
    name = R.choice(["max", "min"])
    p, t = (meth("a", name, [T("b")]) if R.random() < 0.5 else fn(name, [T("a"), T("b")]))
    return {"a": a, "b": b}, p, t


@op("inplace")
def g_inplace():
    """In-place ops on a non-leaf copy (a leaf that requires grad cannot be written in place)."""
    s = shape()
    x = tensor(s, dtype_pick((0.7, 0.3, 0)))
    name = R.choice(["add_", "sub_", "mul_", "div_", "clamp_", "masked_fill_", "relu_", "zero_", "fill_"])
    inputs = {"x": x}
    if name in ("add_", "sub_", "mul_", "div_"):
        if R.random() < 0.6:
            inputs["b"] = tensor(bshape(s), dtype_pick((0.7, 0.3, 0)))
            args = [T("b")]
        else:
            args = [scalar("f" if R.random() < 0.5 else "i")]
        kw = {"alpha": scalar("i")} if name in ("add_", "sub_") and R.random() < 0.3 else {}
    elif name == "clamp_":
        args, kw = [scalar("f"), None] if R.random() < 0.5 else [None, scalar("f")], {}
    elif name == "masked_fill_":
        inputs["m"] = tensor(bshape(s), "b")
        args, kw = [T("m"), scalar("f")], {}
    elif name == "fill_":
        args, kw = [scalar()], {}
    else:
        args, kw = [], {}
    p, t = meth("y", name, args, kw)
    mul = "1" if x.dtype == torch.float32 else "1"
    return inputs, f"(lambda y: ({p}, y)[1])(x * {mul})", f"((y) => {{ {t}; return y; }})(x.mul({mul}))"


@op("scalar_out")
def g_scalar_out():
    """Python values out of tensors: item, tolist, equal, allclose, numel, dim, size(d)."""
    s = shape(3) if R.random() < 0.7 else [1] * R.randint(0, 2)
    x = tensor(s, dtype_pick(), special=0.05 if R.random() < 0.2 else 0)
    inputs = {"x": x}
    r = R.choice(["item", "tolist", "equal", "allclose", "numel", "dim", "size"])
    if r in ("equal", "allclose"):
        y = x.clone() if R.random() < 0.5 else tensor(bshape(s) if R.random() < 0.3 else s, x.dtype == torch.bool and "b" or x.dtype == torch.int64 and "i" or "f")
        if r == "allclose":
            x, y = x.float(), y.float()
            if R.random() < 0.5:
                y = (x + torch.tensor(fvals(x.numel(), lo=-1e-5, hi=1e-5)).reshape(x.shape)) if x.numel() else y
            inputs["x"] = x
        inputs["y"] = y
        kw = {"atol": R.choice([1e-8, 1e-4])} if r == "allclose" and R.random() < 0.4 else {}
        return inputs, *meth("x", r, [T("y")], kw)
    if r == "size":
        return inputs, *meth("x", "size", [dim(len(s))])
    return inputs, *meth("x", r)


@op("creation_kw")
def g_creation_kw():
    """Creation with dtype= and bad arguments (ragged lists, negative sizes, zero steps)."""
    d = R.choice(["float32", "int64", "bool"])
    dt = Raw(f"torch.{d}", f"torch.{d}")
    r = R.choice(["arange", "linspace", "eye", "full", "zeros", "ones", "tensor", "bad_tensor", "bad_size", "bad_arange", "bad_linspace", "bad_eye"])
    if r == "arange":
        return {}, *fn("arange", [R.randint(-2, 2), R.randint(2, 6), R.choice([1, 2, 0.5])], {"dtype": dt})
    if r == "linspace":
        return {}, *fn("linspace", [round(R.uniform(-3, 3), 2), round(R.uniform(-3, 3), 2), R.randint(0, 5)], {"dtype": dt} if d != "bool" else {})
    if r == "eye":
        return {}, *fn("eye", [R.randint(0, 3)] + ([R.randint(0, 3)] if R.random() < 0.5 else []), {"dtype": dt})
    if r == "full":
        return {}, *fn("full", [shape(2), scalar()], {"dtype": dt})
    if r in ("zeros", "ones"):
        return {}, *fn(r, [shape(3)], {"dtype": dt})
    if r == "tensor":
        return {}, *fn("tensor", [R.choice([[1, 2], [1.5, -2.25], [True, False], [[0, 1], [2, 3]], 0, -1.5, False])], {"dtype": dt})
    if r == "bad_tensor":
        return {}, *fn("tensor", [R.choice([[[1, 2], [3]], [[1], 2], [[[1]], [2]]])])
    if r == "bad_size":
        return {}, *fn(R.choice(["zeros", "ones"]), [[2, -1]])
    if r == "bad_arange":
        return {}, *fn("arange", R.choice([[0, 5, 0], [5, 0, 1], [0, 5, -1]]))
    if r == "bad_linspace":
        return {}, *fn("linspace", [0, 1, -1])
    return {}, *fn("eye", [-1])


@op("misc_errors")
def g_misc_errors():
    """Calls PyTorch refuses: matmul of 0-d, negative slice steps, std of ints, bad dims."""
    r = R.choice(["matmul0d", "negstep", "std_int", "squeeze_oob", "cat_mixed_dims", "stack_diff", "view_bad", "gather_dims", "one_hot_float"])
    if r == "matmul0d":
        return {"a": tensor([], "f"), "b": tensor([R.randint(1, 3)], "f")}, *meth("a", "matmul", [T("b")])
    if r == "negstep":
        return {"x": tensor([4], "f")}, "x[::-1]", 'x.index("::-1")'
    if r == "std_int":
        return {"x": tensor([3], "i")}, *meth("x", R.choice(["std", "var", "mean"]))
    if r == "squeeze_oob":
        return {"x": tensor([2, 1], "f")}, *meth("x", "squeeze", [R.choice([2, -3])])
    if r == "cat_mixed_dims":
        return {"a": tensor([2, 2], "f"), "b": tensor([2], "f")}, *fn("cat", [[T("a"), T("b")]])
    if r == "stack_diff":
        return {"a": tensor([2, 2], "f"), "b": tensor([2, 3], "f")}, *fn("stack", [[T("a"), T("b")]])
    if r == "view_bad":
        return {"x": tensor([2, 3], "f")}, *meth("x", "view", [[R.choice([4, -1]), R.choice([-1, 4])]])
    if r == "gather_dims":
        return {"x": tensor([2, 3], "f"), "i": torch.zeros(2, dtype=torch.int64)}, *meth("x", "gather", [1, T("i")])
    return {"x": tensor([3], "f")}, *Fn("one_hot", [T("x")])


@op("reuse")
def g_reuse():
    """One input used several times in one expression (gradient accumulation over a shared leaf)."""
    s = shape(3, allow_empty=R.random() < 0.2, mindim=1)
    x = tensor(s, "f")
    exprs = [
        ("x * x", "x.mul(x)"), ("x + x * 2", "x.add(x.mul(2))"), ("x - x", "x.sub(x)"), ("x / (x.abs() + 1)", "x.div(x.abs().add(1))"),
        ("torch.cat([x, x], 0)", "torch.cat([x, x], 0)"), ("torch.stack([x, x.exp()], -1)", "torch.stack([x, x.exp()], -1)"),
        ("torch.maximum(x, x)", "torch.maximum(x, x)"), ("torch.where(x > 0, x, x * x)", "torch.where(x.gt(0), x, x.mul(x))"),
        ("x.sum() * x", "x.sum().mul(x)"), ("(x - x.mean()) / (x.std() + 1)", "x.sub(x.mean()).div(x.std().add(1))"),
        ("x.softmax(-1) * x", "x.softmax(-1).mul(x)"), ("x[..., :1] * x", 'x.index("..., :1").mul(x)'),
        ("x.reshape(-1).matmul(x.reshape(-1))", "x.reshape(-1).matmul(x.reshape(-1))"),
        ("torch.clamp(x, -1, 1) + x.relu()", "torch.clamp(x, -1, 1).add(x.relu())"),
        ("x.pow(x.abs())", "x.pow(x.abs())"), ("x.expand(2, *x.shape) * x", "x.expand([2, ...x.shape]).mul(x)"),
    ]
    p, t = R.choice(exprs)
    return {"x": x}, p, t


# ------------------------------------------------------------------ nn.functional

def act_input():
    return tensor(shape(), "f", special=0.05 if R.random() < 0.2 else 0)


@op("F.act")
def g_act():
    x = act_input()
    r = R.choice(["relu", "leaky_relu", "gelu", "elu", "silu", "softplus", "relu6", "hardtanh", "logsigmoid", "sigmoid", "tanh", "dropout"])
    kw = {}
    args = [T("x")]
    if r == "leaky_relu" and R.random() < 0.6:
        (args.append if R.random() < 0.5 else (lambda v: kw.update(negative_slope=v)))(round(R.uniform(-0.5, 2), 2))
    if r == "gelu" and R.random() < 0.5:
        kw["approximate"] = R.choice(["none", "tanh"])
    if r == "elu" and R.random() < 0.6:
        kw["alpha"] = round(R.uniform(0.1, 2), 2)
    if r == "softplus" and R.random() < 0.6:
        kw["beta"] = R.choice([0.5, 1, 2])
        kw["threshold"] = R.choice([1, 20, 2.5])
    if r == "hardtanh" and R.random() < 0.6:
        kw["min_val"], kw["max_val"] = sorted([round(R.uniform(-2, 2), 2) for _ in range(2)])
    if r == "dropout":
        if R.random() < 0.5:
            kw["p"] = 0.0
        else:
            kw["p"] = R.choice([0.3, 0.5, 1.0, 1.5, -0.1])
            kw["training"] = False
    if r in ("relu", "leaky_relu", "elu", "silu", "relu6", "hardtanh", "dropout") and R.random() < 0.15:
        # on a leaf that requires grad PyTorch refuses; on a non-leaf it writes through
        kw["inplace"] = True
        if R.random() < 0.5:
            pe, te = Fn(r, [T("y")], kw)
            return {"x": x}, f"(lambda y: ({pe}, y)[1])(x * 1)", f"((y) => {{ {te}; return y; }})(x.mul(1))"
    return {"x": x}, *Fn(r, args, kw)


@op("F.conv_transpose2d")
def g_conv_t():
    groups = R.choice([1, 1, 2])
    cin = groups * R.randint(1, 2)
    cout = groups * R.randint(1, 2)
    kh, kw_ = R.randint(1, 3), R.randint(1, 3)
    s = [R.randint(1, 2), cin, R.randint(1, 4), R.randint(1, 4)]
    if R.random() < 0.1:
        s = s[1:]
    inputs = {"x": tensor(s, "f"), "w": tensor([cin, cout // groups, kh, kw_], "f", lo=-1, hi=1)}
    kw = {}
    if R.random() < 0.5:
        inputs["b"] = tensor([cout], "f")
        kw["bias"] = T("b")
    st = R.choice([1, 2, [1, 2], 3])
    if R.random() < 0.6:
        kw["stride"] = st
    if R.random() < 0.4:
        kw["padding"] = R.choice([0, 1, [1, 0]])
    if R.random() < 0.3 and "stride" in kw:
        smin = min(st) if isinstance(st, list) else st
        kw["output_padding"] = R.randint(0, smin)
    if R.random() < 0.2:
        kw["dilation"] = R.choice([1, 2])
    if groups > 1:
        kw["groups"] = groups
    return inputs, *Fn("conv_transpose2d", [T("x"), T("w")], kw)


@op("F.softmax")
def g_fsoftmax():
    s = shape()
    x = tensor(s, "f")
    r = R.choice(["softmax", "log_softmax", "softmin"])
    kw = {"dim": dim(len(s))} if R.random() < 0.6 else {}
    args = [T("x")]
    if kw and R.random() < 0.5:
        args.append(kw.pop("dim"))
    return {"x": x}, *Fn(r, args, kw)


@op("F.one_hot")
def g_one_hot():
    s = shape(3)
    x = tensor(s, "i", ilo=0 if R.random() < 0.9 else -1, ihi=4)
    args = [T("x")]
    if R.random() < 0.6:
        args.append(R.choice([-1, 3, 4, 5, 6]))
    return {"x": x}, *Fn("one_hot", args)


@op("F.pad")
def g_pad():
    s = shape(mindim=1, allow_empty=False)
    x = tensor(s, "f")
    mode = R.choice(["constant", "constant", "reflect", "replicate", "circular"])
    k = R.randint(1, min(len(s), 3))
    pads = []
    for i in range(k):
        n = s[-1 - i]
        lim = n - 1 if mode == "reflect" else n if mode == "circular" else 3
        lo = -1 if mode == "constant" and R.random() < 0.3 else 0
        pads += [R.randint(lo, max(lim, 0)), R.randint(lo, max(lim, 0))]
    if R.random() < 0.05:
        pads = pads + [1]
    kw = {}
    if mode != "constant" or R.random() < 0.3:
        kw["mode"] = mode
    if mode == "constant" and R.random() < 0.4:
        kw["value"] = round(R.uniform(-2, 2), 2)
    if mode != "constant":
        nd = {"reflect": [2, 3, 4], "replicate": [2, 3, 4, 5], "circular": [3, 4, 5]}[mode]
        s = [R.randint(1, 3) for _ in range(R.choice(nd))]
        s = [max(v, 2) for v in s]
        x = tensor(s, "f")
        k = min(len(s) - 2, R.randint(1, 3)) if R.random() < 0.9 else R.randint(1, 3)
        pads = []
        for i in range(max(k, 1)):
            n = s[-1 - i] if i < len(s) else 2
            lim = n - 1 if mode == "reflect" else n
            pads += [R.randint(0, lim), R.randint(0, lim)]
    return {"x": x}, *Fn("pad", [T("x"), pads], kw)


@op("F.interpolate")
def g_interp():
    nd = R.choice([3, 4, 4, 4])
    s = [R.randint(1, 2), R.randint(1, 2)] + [R.randint(1, 4) for _ in range(nd - 2)]
    x = tensor(s, "f")
    mode = R.choice(["nearest", "bilinear", "linear", "bicubic", "nearest-exact", "area"])
    if mode == "bilinear" or mode == "bicubic":
        if R.random() < 0.8:
            x = tensor(s[:2] + [R.randint(1, 4), R.randint(1, 4)], "f")
    if mode == "linear" and R.random() < 0.8:
        x = tensor(s[:2] + [R.randint(1, 4)], "f")
    sp = len(x.shape) - 2
    kw = {"mode": mode}
    if R.random() < 0.5:
        kw["size"] = R.randint(1, 6) if R.random() < 0.4 else [R.randint(1, 6) for _ in range(sp)]
    else:
        kw["scale_factor"] = R.choice([2, 0.5, 1.5, 3, 2.0]) if R.random() < 0.6 else [R.choice([2, 0.5, 1.5]) for _ in range(sp)]
    if R.random() < 0.05:
        kw["size"] = 3
        kw["scale_factor"] = 2
    if mode in ("bilinear", "linear", "bicubic") and R.random() < 0.5:
        kw["align_corners"] = R.random() < 0.5
    if "scale_factor" in kw and R.random() < 0.3:
        kw["recompute_scale_factor"] = R.random() < 0.5
    return {"x": x}, *Fn("interpolate", [T("x")], kw)


@op("F.conv2d")
def g_conv():
    groups = R.choice([1, 1, 1, 2])
    cin = groups * R.randint(1, 2)
    cout = groups * R.randint(1, 2)
    kh, kw_ = R.randint(1, 3), R.randint(1, 3)
    s = [R.randint(1, 2), cin + (1 if R.random() < 0.05 else 0), R.randint(2, 5), R.randint(2, 5)]
    if R.random() < 0.1:
        s = s[1:]
    x = tensor(s, "f")
    w = tensor([cout, cin // groups, kh, kw_], "f", lo=-1, hi=1)
    inputs = {"x": x, "w": w}
    kw = {}
    if R.random() < 0.6:
        inputs["b"] = tensor([cout], "f")
        kw["bias"] = T("b")
    if R.random() < 0.5:
        kw["stride"] = R.choice([1, 2, [1, 2], [2, 1]])
    if R.random() < 0.5:
        kw["padding"] = R.choice([0, 1, [1, 0], "same", "valid", 2])
    if R.random() < 0.3:
        kw["dilation"] = R.choice([1, 2, [2, 1]])
    if groups > 1:
        kw["groups"] = groups
    if R.random() < 0.5 and "bias" in kw:
        return inputs, *Fn("conv2d", [T("x"), T("w"), kw.pop("bias")], kw)
    return inputs, *Fn("conv2d", [T("x"), T("w")], kw)


@op("F.pool")
def g_pool():
    r = R.choice(["max_pool2d", "avg_pool2d", "adaptive_avg_pool2d", "adaptive_max_pool2d"])
    s = [R.randint(1, 2), R.randint(1, 2), R.randint(1, 6), R.randint(1, 6)]
    if R.random() < 0.2:
        s = s[1:]
    x = tensor(s, "f")
    kw = {}
    if r.startswith("adaptive"):
        args = [T("x"), R.choice([1, 2, 3, [2, 1], [None, 2], [3, None], 4])]
        if r == "adaptive_max_pool2d" and R.random() < 0.3:
            kw["return_indices"] = True
        return {"x": x}, *Fn(r, args, kw)
    k = R.choice([1, 2, 3, [2, 1], [1, 3]])
    args = [T("x"), k]
    if R.random() < 0.5:
        kw["stride"] = R.choice([1, 2, [1, 2], None])
    if R.random() < 0.4:
        kmin = min(k) if isinstance(k, list) else k
        kw["padding"] = R.randint(0, kmin // 2 + (1 if R.random() < 0.1 else 0))
    if R.random() < 0.4:
        kw["ceil_mode"] = R.random() < 0.5
    if r == "max_pool2d" and R.random() < 0.3:
        kw["dilation"] = R.choice([1, 2])
    if r == "max_pool2d" and R.random() < 0.2:
        kw["return_indices"] = True
    if r == "avg_pool2d" and R.random() < 0.3:
        kw["count_include_pad"] = R.random() < 0.5
    if r == "avg_pool2d" and R.random() < 0.2:
        kw["divisor_override"] = R.choice([1, 3])
    return {"x": x}, *Fn(r, args, kw)


@op("F.batch_norm")
def g_bn():
    c = R.randint(1, 3)
    s = [R.randint(1, 3), c] + [R.randint(1, 3) for _ in range(R.choice([0, 1, 2]))]
    x = tensor(s, "f")
    inputs = {"x": x, "rm": tensor([c], "f"), "rv": tensor([c], "f", lo=0.5, hi=2)}
    training = R.random() < 0.5
    kw = {"training": training}
    if R.random() < 0.6:
        inputs["w"] = tensor([c], "f")
        kw["weight"] = T("w")
    if R.random() < 0.6:
        inputs["b"] = tensor([c], "f")
        kw["bias"] = T("b")
    if R.random() < 0.3:
        kw["momentum"] = R.choice([0.1, 0.5])
    if R.random() < 0.3:
        kw["eps"] = R.choice([1e-5, 1e-3])
    # running stats are not leaves to differentiate: they are updated in place under training.
    pexpr, texpr = Fn("batch_norm", [T("x"), T("rm"), T("rv")], kw)
    return inputs, f"({pexpr}, rm, rv)", f"[{texpr}, rm, rv]"


@op("F.linear")
def g_linear():
    fin, fout = R.randint(1, 4), R.randint(1, 3)
    s = shape(3, allow_empty=False)[:-1] + [fin + (1 if R.random() < 0.05 else 0)]
    inputs = {"x": tensor(s, "f"), "w": tensor([fout, fin], "f")}
    args = [T("x"), T("w")]
    if R.random() < 0.6:
        inputs["b"] = tensor([fout], "f")
        args.append(T("b"))
    return inputs, *Fn("linear", args)


@op("F.layer_norm")
def g_layer_norm():
    s = shape(3, allow_empty=False, mindim=1)
    # one or two normalized elements are ill-conditioned: float32 noise differs from PyTorch's kernel
    s[-1] = max(s[-1], 3)
    k = R.randint(1, len(s))
    ns = s[-k:]
    if R.random() < 0.05:
        ns = ns[:-1] + [ns[-1] + 1]
    inputs = {"x": tensor(s, "f")}
    kw = {}
    if R.random() < 0.5:
        inputs["w"] = tensor(ns, "f")
        kw["weight"] = T("w")
    if R.random() < 0.5:
        inputs["b"] = tensor(ns, "f")
        kw["bias"] = T("b")
    if R.random() < 0.3:
        kw["eps"] = 1e-3
    return inputs, *Fn("layer_norm", [T("x"), ns], kw), 2e-3


@op("F.normalize")
def g_normalize():
    s = shape(3)
    kw = {}
    if R.random() < 0.5:
        kw["p"] = R.choice([1, 2, 3.0])
    if R.random() < 0.7:
        kw["dim"] = dim(len(s))
    return {"x": tensor(s, "f")}, *Fn("normalize", [T("x")], kw)


@op("F.embedding")
def g_embedding():
    n, d = R.randint(2, 5), R.randint(1, 3)
    idx = tensor(shape(2), "i", ilo=0, ihi=n + (1 if R.random() < 0.05 else 0))
    inputs = {"i": idx, "w": tensor([n, d], "f")}
    kw = {}
    if R.random() < 0.4:
        kw["padding_idx"] = R.randint(-n, n - 1)
    return inputs, *Fn("embedding", [T("i"), T("w")], kw)


def reduction_kw(kw):
    if R.random() < 0.6:
        kw["reduction"] = R.choice(["mean", "sum", "none"] * 6 + ["avg"])


@op("F.cross_entropy")
def g_ce():
    n, c = R.randint(1, 3), R.randint(2, 4)
    extra = [R.randint(1, 3) for _ in range(R.choice([0, 0, 1, 2]))]
    if R.random() < 0.1:
        x = tensor([c], "f")
        tshape = []
    else:
        x = tensor([n, c] + extra, "f")
        tshape = [n] + extra
    name = R.choice(["cross_entropy", "cross_entropy", "nll_loss"])
    kw = {}
    probs = name == "cross_entropy" and R.random() < 0.25
    if probs:
        t = torch.softmax(tensor(list(x.shape), "f"), dim=0 if x.dim() == 1 else 1)
        t = torch.tensor([round(v, 4) for v in t.reshape(-1).tolist()]).reshape(t.shape)
    else:
        ii = R.choice([None, None, -100, 0, 1])
        t = tensor(tshape, "i", ilo=0, ihi=c)
        if ii is not None:
            kw["ignore_index"] = ii
            if t.numel() and R.random() < 0.5:
                t.view(-1)[0] = ii
        if R.random() < 0.03 and t.numel():
            t.view(-1)[0] = c
    if name == "nll_loss":
        x = torch.log_softmax(x, dim=0 if x.dim() == 1 else 1)
        x = torch.tensor([round(v, 4) for v in x.reshape(-1).tolist()]).reshape(x.shape)
    inputs = {"x": x, "t": t}
    if R.random() < 0.4:
        inputs["lw"] = tensor([c], "f", lo=0.1, hi=2)
        kw["weight"] = T("lw")
    if name == "cross_entropy" and R.random() < 0.4:
        kw["label_smoothing"] = R.choice([0.1, 0.3, 0.0])
    reduction_kw(kw)
    return inputs, *Fn(name, [T("x"), T("t")], kw)


@op("F.loss")
def g_loss():
    name = R.choice(["mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss", "binary_cross_entropy",
                     "binary_cross_entropy_with_logits", "kl_div"])
    s = shape(3)
    ts_ = s if R.random() < 0.9 else bshape(s)
    kw = {}
    if name == "binary_cross_entropy":
        x = tensor(s, "f", lo=0.02, hi=0.98)
        t = tensor(ts_, "f", lo=0, hi=1)
    elif name == "kl_div":
        x = torch.log_softmax(tensor(s, "f"), dim=-1) if s else tensor(s, "f", lo=-2, hi=0)
        x = torch.tensor([round(v, 4) for v in x.reshape(-1).tolist()]).reshape(x.shape)
        lt = R.random() < 0.3
        t = tensor(ts_, "f", lo=-2 if lt else 0.01, hi=0 if lt else 1)
        if lt:
            kw["log_target"] = True
    else:
        x = tensor(s, "f")
        t = tensor(ts_, "f", lo=0 if "binary" in name else -3, hi=1 if "binary" in name else 3)
    inputs = {"x": x, "t": t}
    if name in ("binary_cross_entropy", "binary_cross_entropy_with_logits") and R.random() < 0.3:
        inputs["lw"] = tensor(bshape(s) if R.random() < 0.5 else s, "f", lo=0.1, hi=2)
        kw["weight"] = T("lw")
    if name == "binary_cross_entropy_with_logits" and R.random() < 0.3:
        inputs["pw"] = tensor(s[-1:] if s else [], "f", lo=0.1, hi=3)
        kw["pos_weight"] = T("pw")
    if name == "smooth_l1_loss" and R.random() < 0.5:
        kw["beta"] = R.choice([0.5, 1.0, 2.0, 0.0])
    if name == "huber_loss" and R.random() < 0.5:
        kw["delta"] = R.choice([0.5, 1.0, 2.0])
    if name == "kl_div":
        if R.random() < 0.6:
            kw["reduction"] = R.choice(["mean", "sum", "none", "batchmean"])
    else:
        reduction_kw(kw)
    return inputs, *Fn(name, [T("x"), T("t")], kw)


@op("nn.loss_module")
def g_loss_module():
    name = R.choice(["MSELoss", "L1Loss", "SmoothL1Loss", "CrossEntropyLoss", "NLLLoss", "BCELoss", "BCEWithLogitsLoss", "KLDivLoss"])
    kw = {}
    red = R.choice(["mean", "sum", "none"] + (["batchmean"] if name == "KLDivLoss" else []))
    if R.random() < 0.8:
        kw["reduction"] = red
    n = R.randint(1, 3)
    if name in ("CrossEntropyLoss", "NLLLoss"):
        c = R.randint(2, 4)
        x = tensor([n, c], "f")
        if name == "NLLLoss":
            x = torch.tensor([round(v, 4) for v in torch.log_softmax(x, 1).reshape(-1).tolist()]).reshape(x.shape)
        t = tensor([n], "i", ilo=0, ihi=c)
        if R.random() < 0.3:
            kw["ignore_index"] = R.randint(0, c - 1)
        if name == "CrossEntropyLoss" and R.random() < 0.3:
            kw["label_smoothing"] = 0.2
    elif name == "BCELoss":
        x, t = tensor([n, 2], "f", lo=0.05, hi=0.95), tensor([n, 2], "f", lo=0, hi=1)
    elif name == "KLDivLoss":
        x = torch.tensor([round(v, 4) for v in torch.log_softmax(tensor([n, 3], "f"), 1).reshape(-1).tolist()]).reshape(n, 3)
        t = tensor([n, 3], "f", lo=0.01, hi=1)
    else:
        x, t = tensor([n, 2], "f"), tensor([n, 2], "f")
    pc, tc = call(f"torch.nn.{name}", f"new torch.nn.{name}", [], kw)
    return {"x": x, "t": t}, f"{pc}(x, t)", f"{tc}.forward(x, t)"


@op("nn.module")
def g_module():
    """Parameter-free modules (no random init): constructor arguments, then forward."""
    r = R.choice(["ReLU", "ReLU6", "Hardtanh", "LeakyReLU", "ELU", "GELU", "SiLU", "Softplus", "Sigmoid", "Tanh",
                  "LogSigmoid", "Softmax", "LogSoftmax", "Softmin", "Flatten", "Unflatten", "Identity", "Dropout",
                  "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "Upsample", "ZeroPad2d",
                  "ConstantPad2d", "ReflectionPad2d", "ReplicationPad2d"])
    args, kw = [], {}
    s = shape(4, allow_empty=False)
    if r in ("Hardtanh",) and R.random() < 0.6:
        args = sorted([round(R.uniform(-2, 2), 2) for _ in range(2)])
    if r == "LeakyReLU" and R.random() < 0.6:
        args = [round(R.uniform(0, 0.5), 2)]
    if r == "ELU" and R.random() < 0.6:
        kw["alpha"] = round(R.uniform(0.1, 2), 2)
    if r == "GELU" and R.random() < 0.5:
        kw["approximate"] = "tanh"
    if r == "Softplus" and R.random() < 0.6:
        kw["beta"] = R.choice([0.5, 2])
    if r in ("Softmax", "LogSoftmax", "Softmin"):
        kw["dim"] = dim(len(s))
    if r == "Flatten" and R.random() < 0.6:
        kw["start_dim"] = dim(len(s))
        if R.random() < 0.5:
            kw["end_dim"] = dim(len(s))
    if r == "Unflatten":
        s = [R.randint(1, 2), 4, R.randint(1, 3)]
        args = [1, R.choice([[2, 2], [4, 1], [1, 4], [2, -1], [3, 2]])]
    if r == "Dropout":
        args = [R.choice([0.0, 0.5])]
    if r in ("MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "Upsample", "ZeroPad2d", "ConstantPad2d",
             "ReflectionPad2d", "ReplicationPad2d"):
        s = [R.randint(1, 2), R.randint(1, 2), R.randint(2, 5), R.randint(2, 5)][R.choice([0, 0, 1]):]
    if r in ("MaxPool2d", "AvgPool2d"):
        args = [R.choice([1, 2, 3, [2, 1]])]
        if R.random() < 0.5:
            kw["stride"] = R.choice([1, 2])
        if R.random() < 0.3:
            kw["ceil_mode"] = True
    if r in ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d"):
        args = [R.choice([1, 2, [2, 3], [None, 1]])]
    if r == "Upsample":
        kw["scale_factor"] = R.choice([2, 0.5, 1.5])
        kw["mode"] = R.choice(["nearest", "bilinear"])
        if kw["mode"] == "bilinear" and R.random() < 0.5:
            kw["align_corners"] = R.random() < 0.5
    if r in ("ZeroPad2d", "ReflectionPad2d", "ReplicationPad2d", "ConstantPad2d"):
        lim = min(s[-1], s[-2]) - 1
        args = [R.randint(0, lim) if R.random() < 0.5 else [R.randint(0, lim) for _ in range(4)]]
        if r == "ConstantPad2d":
            args.append(round(R.uniform(-2, 2), 2))
    x = tensor(s, "f")
    mode_eval = r == "Dropout" and args[0] > 0
    pc, tc = call(f"torch.nn.{r}", f"new torch.nn.{r}", args, kw)
    if mode_eval:
        return {"x": x}, f"{pc}.eval()(x)", f"{tc}.eval().forward(x)"
    return {"x": x}, f"{pc}(x)", f"{tc}.forward(x)"


# ------------------------------------------------------------------ main

SPECIAL_OPS = [n for n in UNARY + BINARY if n not in ("remainder", "floor_divide")] + [
    "clamp", "where", "masked_fill", "sum", "mean", "amax", "amin", "logsumexp", "max", "min", "argmax", "argmin",
    "std", "var", "softmax", "log_softmax", "cumsum", "matmul", "max_binary", "cat", "index", "gather", "F.softmax",
    "F.linear", "F.embedding", "scalar_out"]


def drop_artefact_grads(c, name):
    if name in ("std", "var") and "grads" in c and any(v in ("nan", "inf", "-inf") for o in c["out"] for v in o["values"]):
        # n - correction <= 0 (or non-finite data): PyTorch's gradients there are 0 * inf artefacts
        del c["grads"], c["grad_out"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-op", type=int, default=0, help="cases per op (default: the committed mix)")
    ap.add_argument("--out", default=None)
    ap.add_argument("--only", default=None, help="comma-separated op names")
    ap.add_argument("--special", type=float, default=0.0, help="probability of nan/inf/0/+-1 in every float input")
    a = ap.parse_args()
    R.seed(a.seed)
    SPECIAL[0] = a.special
    torch.manual_seed(a.seed)
    out = a.out or os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz_cases.json")
    names = a.only.split(",") if a.only else list(OPS)
    cases = []
    for name in names:
        k = a.per_op or (12 if name.startswith(("F.", "nn.")) or name in ("index", "index_adv", "inplace", "creation", "cat", "split", "matmul", "view", "nn.module", "reuse") else 6)
        got = 0
        tries = 0
        while got < k and tries < k * 10:
            tries += 1
            try:
                spec = OPS[name]()
                c = run(*spec[:3], tol=spec[3] if len(spec) > 3 else None, opname=name)
            except Unsupported:
                continue
            drop_artefact_grads(c, name)
            c["name"] = f"{name}#{got}"
            cases.append(c)
            got += 1
    if not a.per_op and not a.only:
        # A sweep with nan/inf/0/+-1 in every float input, for the ops whose non-finite semantics
        # torchlab follows (see the report for those it does not: conv/pool/interpolate, remainder,
        # floor_divide, prod and clamp gradients, the losses).
        SPECIAL[0] = 0.15
        for name in SPECIAL_OPS:
            got = 0
            while got < 2:
                try:
                    spec = OPS[name]()
                    c = run(*spec[:3], tol=spec[3] if len(spec) > 3 else None, opname=name)
                except Unsupported:
                    continue
                drop_artefact_grads(c, name)
                c["name"] = f"{name}#special{got}"
                cases.append(c)
                got += 1
    with open(out, "w") as f:
        json.dump({"generator": "test/reference/gen_fuzz.py", "seed": a.seed, "torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
    errs = sum(1 for c in cases if "error" in c)
    print(f"{len(cases)} cases ({errs} expecting an error) -> {out}")


if __name__ == "__main__":
    main()
