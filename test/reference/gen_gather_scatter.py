#!/usr/bin/python3
"""Reference values for gather / scatter / scatter_add / scatter_reduce / index_select /
take_along_dim called the ways PyTorch users write them: positionally, with dim / index / src /
value / reduce by keyword (`x.scatter_(dim=1, index=idx, value=1.0)`, `torch.gather(x, dim=1,
index=idx)`), with reduce= (PyTorch 1.13), and PyTorch's errors for bad index shapes and dtypes.

    /usr/bin/python3 test/reference/gen_gather_scatter.py

Each case: inputs, the Python expression, the TypeScript expression meaning the same in torchlab,
the result, and (for float inputs) the gradient of sum(out * g) for a fixed g. Writes
test/reference/gather_scatter.json (read by test/ops/gather_scatter.test.ts).
"""
import json
import os
import warnings

import torch

from _common import enc, r4

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
gen = torch.Generator().manual_seed(77)


def f(*shape):
    return torch.tensor(r4(torch.randn(shape, generator=gen).reshape(-1))).reshape(shape)


def li(v):
    return torch.tensor(v, dtype=torch.int64)


INPUTS = {
    "x": lambda: f(3, 4),
    "x3": lambda: f(2, 3, 4),
    "src": lambda: f(2, 4),
    "src3": lambda: f(2, 2, 3),
    "idx": lambda: li([[0, 2, 1, 0], [2, 0, 1, 1]]),
    "idx1": lambda: li([[1, 3], [0, 2], [3, 3]]),
    "idx3": lambda: li([[[0, 3, 1], [2, 2, 0]], [[1, 0, 3], [3, 1, 2]]]),
    "perm": lambda: li([[0, 1, 2, 3], [1, 2, 3, 0]]),
    "sel": lambda: li([2, 0, 2]),
    "xi": lambda: torch.arange(12).reshape(3, 4),
    "ii": lambda: li([[0, 1], [1, 1], [3, 0]]),
    "oh": lambda: li([[3], [0], [2]]),
}


def case(name, used, py, ts, grad=True):
    env = {"torch": torch}
    ins = {}
    for k in used:
        t = INPUTS[k]()
        if grad and t.dtype == torch.float32:
            t.requires_grad_(True)
        env[k] = t
        ins[k] = enc(t)
    out = eval(py, env)
    c = {"name": name, "py": py, "ts": ts, "inputs": ins, "out": enc(out)}
    if out.requires_grad:
        g = f(*out.shape)
        (out * g).sum().backward()
        c["grad_out"] = enc(g)
        c["grads"] = {k: enc(env[k].grad if env[k].grad is not None else torch.zeros_like(env[k])) for k in used if env[k].requires_grad}
        c["grad_fn"] = type(out.grad_fn).__name__
    return c


CASES = [
    # gather
    case("gather positional", ["x", "idx1"], "torch.gather(x, 1, idx1)", "torch.gather(x, 1, idx1)"),
    case("gather dim/index keywords", ["x", "idx1"], "torch.gather(x, dim=1, index=idx1)", "torch.gather(x, {dim: 1, index: idx1})"),
    case("gather index keyword", ["x", "idx1"], "torch.gather(x, 1, index=idx1)", "torch.gather(x, 1, {index: idx1})"),
    case("Tensor.gather keywords", ["x", "idx"], "x.gather(dim=0, index=idx[:, :4])", "x.gather({dim: 0, index: idx})"),
    case("gather sparse_grad keyword", ["x", "idx1"], "torch.gather(x, 1, idx1, sparse_grad=False)", "torch.gather(x, 1, idx1, {sparse_grad: false})"),
    case("gather dim=-1 3-d", ["x3", "idx3"], "x3.gather(-1, idx3)", "x3.gather(-1, idx3)"),
    case("gather smaller index 3-d", ["x3", "idx3"], "torch.gather(x3, dim=2, index=idx3[:, :1, :2])", "torch.gather(x3, {dim: 2, index: idx3.narrow(1, 0, 1).narrow(2, 0, 2)})"),
    # index_select
    case("index_select positional", ["x", "sel"], "torch.index_select(x, 0, sel)", "torch.index_select(x, 0, sel)"),
    case("index_select keywords", ["x", "sel"], "torch.index_select(x, dim=1, index=sel)", "torch.index_select(x, {dim: 1, index: sel})"),
    case("Tensor.index_select keywords", ["x", "sel"], "x.index_select(dim=0, index=sel)", "x.index_select({dim: 0, index: sel})"),
    case("Tensor.index_select index keyword", ["x", "sel"], "x.index_select(1, index=sel)", "x.index_select(1, {index: sel})"),
    # take_along_dim
    case("take_along_dim dim keyword", ["x", "idx1"], "torch.take_along_dim(x, idx1, dim=1)", "torch.take_along_dim(x, idx1, {dim: 1})"),
    case("take_along_dim indices keyword", ["x", "idx1"], "torch.take_along_dim(x, indices=idx1, dim=1)", "torch.take_along_dim(x, {indices: idx1, dim: 1})"),
    case("Tensor.take_along_dim keywords", ["x", "oh"], "x.take_along_dim(indices=oh, dim=1)", "x.take_along_dim({indices: oh, dim: 1})"),
    case("take_along_dim flat", ["x", "sel"], "torch.take_along_dim(x, sel)", "torch.take_along_dim(x, sel)"),
    case("take_along_dim argmax keepdim", ["x"], "torch.take_along_dim(x, x.argmax(dim=1, keepdim=True), dim=1)",
         "torch.take_along_dim(x, x.argmax({dim: 1, keepdim: true}), {dim: 1})"),
    # scatter
    case("scatter src positional", ["x", "src", "idx"], "x.scatter(0, idx[:, :4], src)", "x.scatter(0, idx, src)"),
    case("scatter keywords src", ["x", "src", "perm"], "torch.scatter(x, dim=1, index=perm, src=src)", "torch.scatter(x, {dim: 1, index: perm, src: src})"),
    case("scatter value keyword", ["x", "oh"], "torch.scatter(x, 1, oh, value=2.5)", "torch.scatter(x, 1, oh, {value: 2.5})"),
    case("scatter_ value all keywords one-hot", ["oh"], "torch.zeros(3, 5).scatter_(dim=1, index=oh, value=1.0)",
         "torch.zeros(3, 5).scatter_({dim: 1, index: oh, value: 1.0})"),
    case("scatter_ src keywords", ["src", "perm"], "torch.zeros(2, 4).scatter_(dim=1, index=perm, src=src)",
         "torch.zeros(2, 4).scatter_({dim: 1, index: perm, src: src})", grad=False),
    case("scatter_ scalar positional", ["oh"], "torch.zeros(3, 4).scatter_(1, oh, 1.0)", "torch.zeros(3, 4).scatter_(1, oh, 1.0)"),
    case("scatter reduce=add", ["x", "idx"], "x.scatter(0, idx, 1.5, reduce='add')", "x.scatter(0, idx, 1.5, {reduce: 'add'})", grad=False),
    case("scatter reduce=multiply value", ["x", "idx"], "x.scatter(0, idx, 2.0, reduce='multiply')", "x.scatter(0, idx, 2.0, {reduce: 'multiply'})", grad=False),
    case("scatter_ src reduce=add keywords", ["src", "idx"], "torch.ones(3, 4).scatter_(dim=0, index=idx, src=src, reduce='add')",
         "torch.ones(3, 4).scatter_({dim: 0, index: idx, src: src, reduce: 'add'})", grad=False),
    case("scatter_ src reduce=multiply", ["src", "idx"], "torch.full((3, 4), 2.0).scatter_(0, idx, src, reduce='multiply')",
         "torch.full([3, 4], 2.0, {dtype: torch.float32}).scatter_(0, idx, src, {reduce: 'multiply'})", grad=False),
    case("scatter Long", ["xi", "ii"], "xi.scatter(1, ii, 7)", "xi.scatter(1, ii, 7)"),
    case("scatter smaller src region 3-d", ["x3", "src3", "idx3"], "x3.scatter(2, idx3[:, :, :2], src3)", "x3.scatter(2, idx3.narrow(2, 0, 2), src3)", grad=False),
    # scatter_add
    case("scatter_add positional", ["x", "src", "idx"], "x.scatter_add(0, idx, src)", "x.scatter_add(0, idx, src)"),
    case("scatter_add keywords", ["x", "src", "idx"], "torch.scatter_add(x, dim=0, index=idx, src=src)", "torch.scatter_add(x, {dim: 0, index: idx, src: src})"),
    case("scatter_add_ keywords", ["src", "idx"], "torch.zeros(3, 4).scatter_add_(dim=0, index=idx, src=src)",
         "torch.zeros(3, 4).scatter_add_({dim: 0, index: idx, src: src})", grad=False),
    case("scatter_add Long", ["xi", "ii"], "xi.scatter_add(1, ii, torch.ones(3, 2, dtype=torch.long))", "xi.scatter_add(1, ii, torch.ones(3, 2, {dtype: torch.long}))"),
    # scatter_reduce
    case("scatter_reduce sum keywords", ["x", "src", "idx"], "x.scatter_reduce(dim=0, index=idx, src=src, reduce='sum')",
         "x.scatter_reduce({dim: 0, index: idx, src: src, reduce: 'sum'})"),
    case("scatter_reduce amax include_self=False", ["x", "src", "idx"], "torch.scatter_reduce(x, 0, idx, src, reduce='amax', include_self=False)",
         "torch.scatter_reduce(x, 0, idx, src, {reduce: 'amax', include_self: false})", grad=False),
    case("scatter_reduce mean", ["x", "src", "idx"], "x.scatter_reduce(0, idx, src, 'mean')", "x.scatter_reduce(0, idx, src, 'mean')", grad=False),
    case("scatter_reduce_ prod keywords", ["src", "idx"], "torch.full((3, 4), 2.0).scatter_reduce_(0, idx, src, reduce='prod', include_self=True)",
         "torch.full([3, 4], 2.0, {dtype: torch.float32}).scatter_reduce_(0, idx, src, {reduce: 'prod', include_self: true})", grad=False),
]


def error(name, py, ts, ours=None):
    """`ours`: torchlab's message where PyTorch's is its argument parser's list of overloads."""
    env = {"torch": torch}
    for k, mk in INPUTS.items():
        env[k] = mk()
    try:
        eval(py, env)
    except Exception as e:  # noqa: BLE001
        c = {"name": name, "py": py, "ts": ts, "type": type(e).__name__, "message": str(e).split("\n")[0]}
        if ours is not None:
            c["torchlab_message"] = ours
        return c
    raise AssertionError(name + ": no error")


ERRORS = [
    error("gather float index", "torch.gather(x, 1, idx1.float())", "torch.gather(x, 1, idx1.float())"),
    error("gather int32 index", "torch.gather(x, 1, idx1.int())", "torch.gather(x, 1, idx1.int())"),
    error("gather index rank", "torch.gather(x, 1, sel)", "torch.gather(x, 1, sel)"),
    error("gather index too large", "torch.gather(x, 1, torch.zeros(4, 2, dtype=torch.long))", "torch.gather(x, 1, torch.zeros(4, 2, {dtype: torch.long}))"),
    error("gather index out of bounds", "torch.gather(x, 1, idx1 + 1)", "torch.gather(x, 1, idx1.add(1))"),
    error("gather dim out of range", "torch.gather(x, 2, idx1)", "torch.gather(x, 2, idx1)"),
    error("scatter float index", "x.scatter(0, idx.float(), src)", "x.scatter(0, idx.float(), src)"),
    error("scatter index rank", "x.scatter(0, sel, 1.0)", "x.scatter(0, sel, 1.0)"),
    error("scatter index larger than src", "x.scatter(1, perm, src[:, :2])", "x.scatter(1, perm, src.narrow(1, 0, 2))"),
    error("scatter index larger than self", "x.scatter(0, torch.zeros(1, 5, dtype=torch.long), 1.0)",
          "x.scatter(0, torch.zeros(1, 5, {dtype: torch.long}), 1.0)"),
    error("scatter index out of bounds", "x.scatter(0, idx + 2, src)", "x.scatter(0, idx.add(2), src)"),
    error("scatter src dtype", "x.scatter(0, idx, src.double())", "x.scatter(0, idx, src.double())"),
    error("scatter bad reduce", "x.scatter(0, idx, src, reduce='max')", "x.scatter(0, idx, src, {reduce: 'max'})"),
    error("scatter_add float index", "x.scatter_add(0, idx.float(), src)", "x.scatter_add(0, idx.float(), src)"),
    error("scatter_add index larger than src", "x.scatter_add(1, perm, src[:, :2])", "x.scatter_add(1, perm, src.narrow(1, 0, 2))"),
    error("scatter_add src dtype", "x.scatter_add(0, idx, src.long())", "x.scatter_add(0, idx, src.long())"),
    error("scatter_reduce bad reduce", "x.scatter_reduce(0, idx, src, 'max')", "x.scatter_reduce(0, idx, src, 'max')"),
    error("index_select float index", "torch.index_select(x, 0, sel.float())", "torch.index_select(x, 0, sel.float())"),
    error("index_select 2-d index", "torch.index_select(x, 0, idx)", "torch.index_select(x, 0, idx)"),
    error("index_select out of range", "torch.index_select(x, 0, sel + 2)", "torch.index_select(x, 0, sel.add(2))"),
    error("take_along_dim float indices", "torch.take_along_dim(x, idx1.float(), dim=1)", "torch.take_along_dim(x, idx1.float(), {dim: 1})"),
    error("gather missing index", "torch.gather(x, dim=1)", "torch.gather(x, {dim: 1})", "gather() missing 1 required argument: 'index'"),
    error("scatter_ missing value", "x.scatter_(dim=1, index=oh)", "x.scatter_({dim: 1, index: oh})",
          "scatter_() missing 1 required argument: 'src' (a Tensor) or 'value' (a number)"),
    error("scatter_add missing src", "x.scatter_add(0, idx)", "x.scatter_add(0, idx)", "scatter_add() missing 1 required argument: 'src'"),
    error("index_select unknown keyword", "x.index_select(dim=0, idx=sel)", "x.index_select({dim: 0, idx: sel})",
          "index_select() got an unexpected keyword argument 'idx'"),
    error("take_along_dim rank", "torch.take_along_dim(x, sel, dim=1)", "torch.take_along_dim(x, sel, {dim: 1})"),
]


def main():
    path = os.path.join(HERE, "gather_scatter.json")
    with open(path, "w") as fh:
        json.dump({"cases": CASES, "errors": ERRORS}, fh, separators=(",", ":"))
    print(f"gather_scatter.json: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
