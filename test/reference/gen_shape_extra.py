"""PyTorch 1.13 references for the shape, indexing and combination ops of src/ops/shape_extra.ts,
product_extra.ts and einsum.ts: forward values of every output and, for float inputs, the gradient
of sum(out_k * w_k) over the float outputs, with fixed weights w_k.

Run with Debian's /usr/bin/python3 (torch 1.13): writes test/reference/shape_extra.json, read by
test/ops/shape_extra.test.ts. Each case carries the TypeScript expression that test evaluates with
the same inputs in scope (inputs rounded to 4 decimals so both sides hold the same float32 values).
"""
import json
import math
import os
import random

import torch

from _common import enc

random.seed(2024)
torch.manual_seed(2024)

cases = []


def rnd(*shape):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor([round(random.gauss(0, 1), 4) for _ in range(n)], dtype=torch.float32).reshape(shape)


def ints(lo, hi, *shape):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor([random.randint(lo, hi) for _ in range(n)], dtype=torch.int64).reshape(shape)


def weight(shape, k):
    n = 1
    for s in shape:
        n *= s
    return torch.tensor([round(math.sin(0.7 * i + 1.3 * k + 0.4), 4) for i in range(n)], dtype=torch.float32).reshape(shape)


def case(name, inputs, py, ts, grad=True):
    """`py(**inputs)` in PyTorch; `ts` is the same call in torchlab with the inputs in scope."""
    leaves = {k: (v.clone().requires_grad_(True) if grad and v.dtype == torch.float32 else v) for k, v in inputs.items()}
    out = py(**leaves)
    if isinstance(out, torch.Size):
        out = torch.tensor(list(out), dtype=torch.int64)
    multi = isinstance(out, (list, tuple))
    outs = list(out) if multi else [out]
    c = {"name": name, "ts": ts, "multi": multi, "inputs": {k: enc(v) for k, v in inputs.items()}, "out": [enc(o) for o in outs]}
    diff = [(k, o) for k, o in enumerate(outs) if o.dtype == torch.float32 and o.requires_grad]
    if grad and diff and any(v.requires_grad for v in leaves.values()):
        weights = [weight(o.shape, k) for k, o in diff]
        loss = sum((o * w).sum() for (_, o), w in zip(diff, weights))
        loss.backward()
        c["weights"] = {str(k): enc(w) for (k, _), w in zip(diff, weights)}
        c["grads"] = {k: enc(v.grad if v.grad is not None else torch.zeros_like(v)) for k, v in leaves.items() if v.requires_grad}
    cases.append(c)


T = torch

# ---------------------------------------------------------------- einsum, the strings real code uses
A, B = rnd(3, 4), rnd(4, 5)
case("einsum ij,jk->ik", {"a": A, "b": B}, lambda a, b: T.einsum("ij,jk->ik", a, b), 'torch.einsum("ij,jk->ik", a, b)')
case("einsum ij,jk (implicit)", {"a": A, "b": B}, lambda a, b: T.einsum("ij,jk", a, b), 'torch.einsum("ij,jk", a, b)')
case("einsum bij,bjk->bik", {"a": rnd(2, 3, 4), "b": rnd(2, 4, 2)}, lambda a, b: T.einsum("bij,bjk->bik", a, b), 'torch.einsum("bij,bjk->bik", a, b)')
case("einsum ii->i", {"a": rnd(4, 4)}, lambda a: T.einsum("ii->i", a), 'torch.einsum("ii->i", a)')
case("einsum ii (trace)", {"a": rnd(4, 4)}, lambda a: T.einsum("ii", a), 'torch.einsum("ii", a)')
case("einsum i,j->ij", {"a": rnd(3), "b": rnd(4)}, lambda a, b: T.einsum("i,j->ij", a, b), 'torch.einsum("i,j->ij", a, b)')
case("einsum ...ij->...ji", {"a": rnd(2, 3, 4)}, lambda a: T.einsum("...ij->...ji", a), 'torch.einsum("...ij->...ji", a)')
case("einsum bhqd,bhkd->bhqk", {"q": rnd(2, 2, 3, 4), "k": rnd(2, 2, 5, 4)}, lambda q, k: T.einsum("bhqd,bhkd->bhqk", q, k), 'torch.einsum("bhqd,bhkd->bhqk", q, k)')
case("einsum nchw,oc->nohw", {"x": rnd(2, 3, 2, 2), "w": rnd(4, 3)}, lambda x, w: T.einsum("nchw,oc->nohw", x, w), 'torch.einsum("nchw,oc->nohw", x, w)')
case("einsum ij-> (sum)", {"a": rnd(3, 4)}, lambda a: T.einsum("ij->", a), 'torch.einsum("ij->", a)')
case("einsum i,i-> (dot)", {"a": rnd(5), "b": rnd(5)}, lambda a, b: T.einsum("i,i->", a, b), 'torch.einsum("i,i->", a, b)')
case("einsum ij,kj->ik list", {"a": rnd(3, 4), "b": rnd(2, 4)}, lambda a, b: T.einsum("ij,kj->ik", [a, b]), 'torch.einsum("ij,kj->ik", [a, b])')
case("einsum ...d,...d->... broadcast", {"a": rnd(2, 1, 3), "b": rnd(4, 3)}, lambda a, b: T.einsum("...d,...d->...", a, b), 'torch.einsum("...d,...d->...", a, b)')
case("einsum bii->bi", {"a": rnd(2, 3, 3)}, lambda a: T.einsum("bii->bi", a), 'torch.einsum("bii->bi", a)')
case("einsum ij,jk,kl->il", {"a": rnd(2, 3), "b": rnd(3, 4), "c": rnd(4, 2)}, lambda a, b, c: T.einsum("ij,jk,kl->il", a, b, c), 'torch.einsum("ij,jk,kl->il", a, b, c)')
case("einsum Ab,bA->A", {"a": rnd(3, 2), "b": rnd(2, 3)}, lambda a, b: T.einsum("Ab,bA->A", a, b), 'torch.einsum("Ab,bA->A", a, b)')
case("einsum ji (implicit transpose)", {"a": rnd(2, 3)}, lambda a: T.einsum("ji", a), 'torch.einsum("ji", a)')
case("einsum bn,anm,bm->ba (bilinear)", {"l": rnd(2, 3), "a": rnd(4, 3, 5), "r": rnd(2, 5)}, lambda l, a, r: T.einsum("bn,anm,bm->ba", l, a, r), 'torch.einsum("bn,anm,bm->ba", l, a, r)')
case("einsum i,i->i (hadamard)", {"a": rnd(4), "b": rnd(4)}, lambda a, b: T.einsum("i,i->i", a, b), 'torch.einsum("i,i->i", a, b)')

# ---------------------------------------------------------------- grids and combinations
case("meshgrid ij", {"a": rnd(3), "b": rnd(2)}, lambda a, b: T.meshgrid(a, b, indexing="ij"), 'torch.meshgrid(a, b, {indexing: "ij"})')
case("meshgrid xy", {"a": rnd(3), "b": rnd(2)}, lambda a, b: T.meshgrid(a, b, indexing="xy"), 'torch.meshgrid(a, b, {indexing: "xy"})')
case("meshgrid xy 3 inputs list", {"a": rnd(3), "b": rnd(2), "c": rnd(4)}, lambda a, b, c: T.meshgrid([a, b, c], indexing="xy"), 'torch.meshgrid([a, b, c], {indexing: "xy"})')
case("meshgrid default ij, 0-d", {"a": rnd(3), "b": torch.tensor(2.5)}, lambda a, b: T.meshgrid(a, b, indexing="ij"), "torch.meshgrid(a, b)")
case("cartesian_prod", {"a": rnd(3), "b": rnd(2)}, lambda a, b: T.cartesian_prod(a, b), "torch.cartesian_prod(a, b)")
case("combinations r=2", {"a": rnd(4)}, lambda a: T.combinations(a), "torch.combinations(a)")
case("combinations r=3 with_replacement", {"a": rnd(3)}, lambda a: T.combinations(a, r=3, with_replacement=True), "torch.combinations(a, {r: 3, with_replacement: true})")
case("combinations r>n", {"a": rnd(2)}, lambda a: T.combinations(a, 3), "torch.combinations(a, 3)")

# ---------------------------------------------------------------- roll, tile, rot90, flips
X = rnd(3, 4)
case("roll dim 0", {"x": X}, lambda x: T.roll(x, 1, 0), "torch.roll(x, 1, 0)")
case("roll two dims", {"x": X}, lambda x: T.roll(x, (1, -2), (0, -1)), "torch.roll(x, [1, -2], [0, -1])")
case("roll flattened", {"x": X}, lambda x: T.roll(x, 5), "torch.roll(x, 5)")
case("roll empty", {"x": rnd(0, 3)}, lambda x: T.roll(x, 1, 1), "x.roll(1, 1)")
case("roll int method kw", {"x": ints(0, 9, 5)}, lambda x: x.roll(shifts=-7, dims=0), "x.roll({shifts: -7, dims: 0})")
case("tile short reps", {"x": X}, lambda x: T.tile(x, (2,)), "torch.tile(x, [2])")
case("tile long reps", {"x": rnd(2, 3)}, lambda x: x.tile(2, 1, 2), "x.tile(2, 1, 2)")
R3 = rnd(2, 3, 4)
for k in (1, 2, 3, -1, 0):
    case(f"rot90 k={k}", {"x": R3}, lambda x, k=k: T.rot90(x, k, [1, 2]), f"torch.rot90(x, {k}, [1, 2])")
case("rot90 default", {"x": X}, lambda x: x.rot90(), "x.rot90()")
case("fliplr", {"x": R3}, lambda x: T.fliplr(x), "torch.fliplr(x)")
case("flipud", {"x": X}, lambda x: T.flipud(x), "x.flipud()")

# ---------------------------------------------------------------- unique and friends (values only)
U = ints(0, 4, 12)
case("unique", {"x": U}, lambda x: T.unique(x), "torch.unique(x)")
case("unique inverse counts", {"x": U.reshape(3, 4)}, lambda x: T.unique(x, return_inverse=True, return_counts=True), "torch.unique(x, {return_inverse: true, return_counts: true})")
case("unique counts float", {"x": torch.tensor([2.5, -1.0, 2.5, 0.0, -1.0])}, lambda x: T.unique(x, return_counts=True), "x.unique({return_counts: true})", grad=False)
UD = torch.tensor([[1, 2, 1, 2], [0, 1, 0, 1], [1, 2, 1, 2]])
case("unique dim=0", {"x": UD}, lambda x: T.unique(x, dim=0, return_inverse=True, return_counts=True), "torch.unique(x, {dim: 0, return_inverse: true, return_counts: true})")
case("unique dim=1", {"x": UD}, lambda x: T.unique(x, dim=1), "torch.unique(x, {dim: 1})")
case("unique bool", {"x": torch.tensor([True, False, True])}, lambda x: T.unique(x), "torch.unique(x)")
case("unique empty", {"x": torch.zeros(0)}, lambda x: T.unique(x, return_counts=True), "torch.unique(x, {return_counts: true})", grad=False)
UC = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
case("unique_consecutive", {"x": UC}, lambda x: T.unique_consecutive(x, return_inverse=True, return_counts=True), "torch.unique_consecutive(x, {return_inverse: true, return_counts: true})")
case("unique_consecutive dim", {"x": torch.tensor([[1, 1, 2], [1, 1, 2], [0, 0, 0]])}, lambda x: x.unique_consecutive(dim=0), "x.unique_consecutive({dim: 0})")

# ---------------------------------------------------------------- diagonals and triangles
V4 = rnd(4)
for k in (0, 1, -2):
    case(f"diag 1-D k={k}", {"x": V4}, lambda x, k=k: T.diag(x, k), f"torch.diag(x, {k})")
M34 = rnd(3, 4)
for k in (0, 1, -1, 3):
    case(f"diag 2-D k={k}", {"x": M34}, lambda x, k=k: x.diag(k), f"x.diag({k})")
case("diag_embed", {"x": rnd(2, 3)}, lambda x: T.diag_embed(x), "torch.diag_embed(x)")
case("diag_embed offset=1", {"x": rnd(2, 3)}, lambda x: T.diag_embed(x, 1), "torch.diag_embed(x, 1)")
case("diag_embed offset=-1 dims (0, 2)", {"x": rnd(2, 3)}, lambda x: T.diag_embed(x, offset=-1, dim1=0, dim2=2), "x.diag_embed({offset: -1, dim1: 0, dim2: 2})")
case("diagflat", {"x": rnd(2, 2)}, lambda x: T.diagflat(x, -1), "torch.diagflat(x, -1)")
for (r, c, o) in ((4, 3, 0), (3, 3, 1), (4, 5, -1), (0, 3, 0)):
    case(f"tril_indices {r},{c},{o}", {}, lambda r=r, c=c, o=o: T.tril_indices(r, c, o), f"torch.tril_indices({r}, {c}, {o})")
    case(f"triu_indices {r},{c},{o}", {}, lambda r=r, c=c, o=o: T.triu_indices(r, c, o), f"torch.triu_indices({r}, {c}, {o})")
case("tril_ on a clone", {"x": rnd(3, 3)}, lambda x: x.clone().tril_(-1), "x.clone().tril_(-1)")
case("triu_ on a clone", {"x": rnd(2, 3, 3)}, lambda x: x.clone().triu_(1), "x.clone().triu_({diagonal: 1})")
case("block_diag", {"a": rnd(2, 2), "b": rnd(3), "c": torch.tensor(1.5), "d": rnd(1, 2)}, lambda a, b, c, d: T.block_diag(a, b, c, d), "torch.block_diag(a, b, c, d)")
case("block_diag int and float", {"a": ints(0, 5, 2, 2), "b": rnd(1, 1)}, lambda a, b: T.block_diag(a, b), "torch.block_diag(a, b)")

# ---------------------------------------------------------------- stacking
S1, S2 = rnd(3), rnd(3)
case("hstack 1-D", {"a": S1, "b": S2}, lambda a, b: T.hstack([a, b]), "torch.hstack([a, b])")
case("hstack 2-D", {"a": rnd(2, 1), "b": rnd(2, 3)}, lambda a, b: T.hstack((a, b)), "torch.hstack([a, b])")
case("vstack 1-D", {"a": S1, "b": S2}, lambda a, b: T.vstack([a, b]), "torch.vstack([a, b])")
case("row_stack mixed", {"a": rnd(2, 3), "b": S2}, lambda a, b: T.row_stack([a, b]), "torch.row_stack([a, b])")
case("dstack", {"a": S1, "b": S2}, lambda a, b: T.dstack([a, b]), "torch.dstack([a, b])")
case("dstack 2-D", {"a": rnd(2, 2), "b": rnd(2, 2)}, lambda a, b: T.dstack([a, b]), "torch.dstack([a, b])")
case("column_stack", {"a": S1, "b": rnd(3, 2), "c": S2}, lambda a, b, c: T.column_stack([a, b, c]), "torch.column_stack([a, b, c])")
case("atleast_1d 0-d", {"x": torch.tensor(2.0)}, lambda x: T.atleast_1d(x), "torch.atleast_1d(x)")
case("atleast_2d 1-d", {"x": S1}, lambda x: T.atleast_2d(x), "torch.atleast_2d(x)")
case("atleast_3d 2-d", {"x": rnd(2, 3)}, lambda x: T.atleast_3d(x), "torch.atleast_3d(x)")
case("atleast_3d many", {"a": torch.tensor(1.0), "b": S1, "c": rnd(2, 2, 2, 1)}, lambda a, b, c: T.atleast_3d(a, b, c), "torch.atleast_3d(a, b, c)")

# ---------------------------------------------------------------- views: movedim, swapaxes, broadcast_to, unfold, splits
case("movedim int", {"x": R3}, lambda x: T.movedim(x, 0, -1), "torch.movedim(x, 0, -1)")
case("movedim lists", {"x": R3}, lambda x: T.movedim(x, (0, 1), (2, 0)), "torch.movedim(x, [0, 1], [2, 0])")
case("moveaxis", {"x": R3}, lambda x: x.moveaxis(-1, 0), "x.moveaxis(-1, 0)")
case("swapaxes", {"x": R3}, lambda x: T.swapaxes(x, 0, 2), "torch.swapaxes(x, 0, 2)")
case("swapdims", {"x": R3}, lambda x: x.swapdims(-1, 1), "x.swapdims(-1, 1)")
case("broadcast_to", {"x": rnd(3, 1)}, lambda x: T.broadcast_to(x, (2, 3, 4)), "torch.broadcast_to(x, [2, 3, 4])")
case("broadcast_to -1", {"x": rnd(3, 1)}, lambda x: x.broadcast_to((-1, 2)), "x.broadcast_to([-1, 2])")
case("broadcast_tensors", {"a": rnd(3, 1), "b": rnd(4)}, lambda a, b: T.broadcast_tensors(a, b), "torch.broadcast_tensors(a, b)")
case("broadcast_shapes", {}, lambda: T.broadcast_shapes((2, 1), (3, 1, 4), 1), "torch.tensor(Array.from(torch.broadcast_shapes([2, 1], [3, 1, 4], 1)))")
case("unfold step 1", {"x": rnd(5)}, lambda x: x.unfold(0, 2, 1), "x.unfold(0, 2, 1)")
case("unfold dim 1 step 2", {"x": rnd(2, 7, 2)}, lambda x: x.unfold(1, 3, 2), "x.unfold(1, 3, 2)")
case("unfold dim -1 size 3", {"x": rnd(3, 4)}, lambda x: x.unfold(-1, 3, 1), "x.unfold(-1, 3, 1)")
case("unfold of unfold (patches)", {"x": rnd(1, 4, 4)}, lambda x: x.unfold(1, 2, 2).unfold(2, 2, 2), "x.unfold(1, 2, 2).unfold(2, 2, 2)")
case("ravel of a transpose", {"x": M34}, lambda x: T.ravel(x.t()), "torch.ravel(x.t())")
case("msort", {"x": rnd(4, 3)}, lambda x: T.msort(x), "torch.msort(x)")
case("narrow_copy", {"x": M34}, lambda x: T.narrow_copy(x, 1, 1, 2), "torch.narrow_copy(x, 1, 1, 2)", grad=False)
S7 = rnd(7, 2)
case("tensor_split sections", {"x": S7}, lambda x: T.tensor_split(x, 3), "torch.tensor_split(x, 3)")
case("tensor_split indices", {"x": S7}, lambda x: T.tensor_split(x, (1, 5)), "torch.tensor_split(x, [1, 5])")
case("tensor_split negative/over", {"x": S7}, lambda x: T.tensor_split(x, (-2, 3, 9)), "torch.tensor_split(x, [-2, 3, 9])")
case("tensor_split dim 1", {"x": rnd(2, 5)}, lambda x: x.tensor_split(2, dim=1), "x.tensor_split(2, {dim: 1})")
case("tensor_split tensor sections", {"x": S7, "s": torch.tensor(4)}, lambda x, s: T.tensor_split(x, s), "torch.tensor_split(x, s)")
case("hsplit", {"x": rnd(2, 4)}, lambda x: T.hsplit(x, 2), "torch.hsplit(x, 2)")
case("hsplit 1-D indices", {"x": rnd(6)}, lambda x: T.hsplit(x, [2, 3]), "torch.hsplit(x, [2, 3])")
case("vsplit", {"x": rnd(4, 2)}, lambda x: T.vsplit(x, [1]), "torch.vsplit(x, [1])")
case("dsplit", {"x": rnd(1, 2, 4)}, lambda x: x.dsplit(2), "x.dsplit(2)")

# ---------------------------------------------------------------- repeat_interleave, take, take_along_dim
case("repeat_interleave flat", {"x": rnd(2, 2)}, lambda x: T.repeat_interleave(x, 2), "torch.repeat_interleave(x, 2)")
case("repeat_interleave tensor dim 0", {"x": rnd(3, 2), "r": torch.tensor([1, 0, 2])}, lambda x, r: T.repeat_interleave(x, r, dim=0), "torch.repeat_interleave(x, r, {dim: 0})")
case("repeat_interleave dim -1", {"x": rnd(2, 3)}, lambda x: x.repeat_interleave(3, -1), "x.repeat_interleave(3, -1)")
case("repeat_interleave repeats only", {"r": torch.tensor([2, 0, 3])}, lambda r: T.repeat_interleave(r), "torch.repeat_interleave(r)")
case("take", {"x": M34, "i": torch.tensor([[0, -1], [5, 5]])}, lambda x, i: T.take(x, i), "torch.take(x, i)")
case("take_along_dim dim 1", {"x": M34, "i": torch.tensor([[0, 3], [1, 1], [2, 0]])}, lambda x, i: T.take_along_dim(x, i, dim=1), "torch.take_along_dim(x, i, {dim: 1})")
case("take_along_dim argsort", {"x": M34}, lambda x: T.take_along_dim(x, x.argsort(1), 1), "torch.take_along_dim(x, x.argsort(1), 1)")
case("take_along_dim broadcast", {"x": rnd(3, 1), "i": torch.tensor([[0, 0, 0]])}, lambda x, i: T.take_along_dim(x, i, 0), "torch.take_along_dim(x, i, 0)")
case("take_along_dim flat", {"x": M34, "i": torch.tensor([11, 0, 3])}, lambda x, i: T.take_along_dim(x, i), "torch.take_along_dim(x, i)")

# ---------------------------------------------------------------- searchsorted, bucketize, bincount
SEQ = torch.tensor([1.0, 3.0, 3.0, 5.0, 7.0])
VAL = torch.tensor([[3.0, 6.0, 0.0], [7.0, 3.5, 9.0]])
case("searchsorted", {"s": SEQ, "v": VAL}, lambda s, v: T.searchsorted(s, v), "torch.searchsorted(s, v)", grad=False)
case("searchsorted right", {"s": SEQ, "v": VAL}, lambda s, v: T.searchsorted(s, v, right=True), "torch.searchsorted(s, v, {right: true})", grad=False)
case("searchsorted side=right", {"s": SEQ, "v": VAL}, lambda s, v: T.searchsorted(s, v, side="right"), 'torch.searchsorted(s, v, {side: "right"})', grad=False)
case("searchsorted N-D", {"s": torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]), "v": torch.tensor([[3, 6, 9], [3, 6, 9]])}, lambda s, v: T.searchsorted(s, v), "torch.searchsorted(s, v)")
case("searchsorted sorter", {"s": torch.tensor([5.0, 1.0, 3.0]), "o": torch.tensor([1, 2, 0]), "v": torch.tensor([2.0, 4.0, 6.0])}, lambda s, o, v: T.searchsorted(s, v, sorter=o), "torch.searchsorted(s, v, {sorter: o})", grad=False)
case("searchsorted scalar", {"s": SEQ}, lambda s: T.searchsorted(s, 4.0), "torch.searchsorted(s, 4.0)", grad=False)
case("bucketize", {"x": VAL, "b": SEQ}, lambda x, b: T.bucketize(x, b), "torch.bucketize(x, b)", grad=False)
case("bucketize right", {"x": VAL, "b": SEQ}, lambda x, b: T.bucketize(x, b, right=True), "torch.bucketize(x, b, {right: true})", grad=False)
BC = torch.tensor([0, 1, 1, 3, 1, 0])
case("bincount", {"x": BC}, lambda x: T.bincount(x), "torch.bincount(x)")
case("bincount weights minlength", {"x": BC, "w": torch.tensor([0.5, 1.0, 1.5, 2.0, 2.5, 3.0])}, lambda x, w: T.bincount(x, w, 6), "torch.bincount(x, w, 6)", grad=False)
case("bincount empty minlength", {"x": torch.zeros(0, dtype=torch.int64)}, lambda x: x.bincount(minlength=3), "x.bincount({minlength: 3})")

# ---------------------------------------------------------------- index_add / index_copy / index_fill
IX = torch.tensor([0, 2, 0])
case("index_add dim 0 repeated", {"x": rnd(3, 2), "s": rnd(3, 2), "i": IX}, lambda x, s, i: T.index_add(x, 0, i, s), "torch.index_add(x, 0, i, s)")
case("index_add dim 1 alpha", {"x": rnd(2, 3), "s": rnd(2, 3), "i": IX}, lambda x, s, i: x.index_add(1, i, s, alpha=-2.0), "torch.index_add(x, 1, i, s, {alpha: -2})")
case("index_copy", {"x": rnd(4, 2), "s": rnd(2, 2), "i": torch.tensor([3, 1])}, lambda x, s, i: T.index_copy(x, 0, i, s), "torch.index_copy(x, 0, i, s)")
case("index_copy_ on a clone dim -1", {"x": rnd(2, 4), "s": rnd(2, 2), "i": torch.tensor([0, 2])}, lambda x, s, i: x.clone().index_copy_(-1, i, s), "x.clone().index_copy_(-1, i, s)")
case("index_fill number", {"x": rnd(3, 3), "i": torch.tensor([0, 2])}, lambda x, i: T.index_fill(x, 1, i, -1.0), "torch.index_fill(x, 1, i, -1)")
case("index_fill tensor value", {"x": rnd(3, 2), "i": torch.tensor([1]), "v": torch.tensor(2.5)}, lambda x, i, v: x.index_fill(0, i, v), "torch.index_fill(x, 0, i, v)")
case("index_fill int", {"x": ints(0, 9, 2, 3), "i": torch.tensor([1])}, lambda x, i: x.index_fill(1, i, 7), "torch.index_fill(x, 1, i, 7)")

# ---------------------------------------------------------------- products and distances
case("cross dim 1", {"a": rnd(2, 3), "b": rnd(2, 3)}, lambda a, b: T.cross(a, b, dim=1), "torch.cross(a, b, {dim: 1})")
case("cross default dim", {"a": rnd(3, 2), "b": rnd(3, 2)}, lambda a, b: T.cross(a, b), "torch.cross(a, b)")
case("cross broadcast", {"a": rnd(4, 3), "b": rnd(3)}, lambda a, b: a.cross(b.expand(4, 3), -1), "a.cross(b, -1)")
case("kron 2-D", {"a": rnd(2, 2), "b": rnd(2, 3)}, lambda a, b: T.kron(a, b), "torch.kron(a, b)")
case("kron 1-D x 2-D", {"a": rnd(3), "b": rnd(2, 2)}, lambda a, b: a.kron(b), "a.kron(b)")
case("tensordot dims=1", {"a": rnd(2, 3), "b": rnd(3, 4)}, lambda a, b: T.tensordot(a, b, dims=1), "torch.tensordot(a, b, {dims: 1})")
case("tensordot default dims=2", {"a": rnd(2, 3, 4), "b": rnd(3, 4, 2)}, lambda a, b: T.tensordot(a, b), "torch.tensordot(a, b)")
case("tensordot lists", {"a": rnd(3, 4, 5), "b": rnd(4, 3, 2)}, lambda a, b: T.tensordot(a, b, dims=([1, 0], [0, 1])), "torch.tensordot(a, b, [[1, 0], [0, 1]])")
case("inner 2-D", {"a": rnd(2, 3), "b": rnd(4, 3)}, lambda a, b: T.inner(a, b), "torch.inner(a, b)")
case("inner 1-D", {"a": rnd(3), "b": rnd(3)}, lambda a, b: a.inner(b), "a.inner(b)")
case("inner scalar", {"a": torch.tensor(2.0), "b": rnd(2, 2)}, lambda a, b: T.inner(a, b), "torch.inner(a, b)")
case("ger", {"a": rnd(3), "b": rnd(2)}, lambda a, b: T.ger(a, b), "torch.ger(a, b)")
case("vdot", {"a": rnd(4), "b": rnd(4)}, lambda a, b: T.vdot(a, b), "torch.vdot(a, b)")
C1, C2 = rnd(3, 4), rnd(5, 4)
for p, pts in ((2.0, "2"), (1.0, "1"), (3.0, "3"), (float("inf"), "Infinity"), (0.0, "0")):
    case(f"cdist p={pts}", {"a": C1, "b": C2}, lambda a, b, p=p: T.cdist(a, b, p=p), f"torch.cdist(a, b, {pts})")
case("cdist batch broadcast", {"a": rnd(2, 3, 2), "b": rnd(1, 4, 2)}, lambda a, b: T.cdist(a, b), "torch.cdist(a, b, {p: 2})")
case("cdist zero distance", {"a": torch.tensor([[1.0, 2.0], [0.5, 0.5]]), "b": torch.tensor([[1.0, 2.0]])}, lambda a, b: T.cdist(a, b), "torch.cdist(a, b)")
case("dist p=2", {"a": rnd(3, 2), "b": rnd(2)}, lambda a, b: T.dist(a, b), "torch.dist(a, b)")
case("dist p=1", {"a": rnd(3), "b": rnd(3)}, lambda a, b: a.dist(b, 1), "a.dist(b, 1)")
case("dist p=inf", {"a": rnd(3), "b": rnd(3)}, lambda a, b: T.dist(a, b, float("inf")), "torch.dist(a, b, Infinity)")
case("pdist", {"x": rnd(4, 3)}, lambda x: T.pdist(x), "torch.pdist(x)")
case("pdist p=1", {"x": rnd(3, 2)}, lambda x: T.pdist(x, 1), "torch.pdist(x, 1)")
case("chain_matmul", {"a": rnd(2, 3), "b": rnd(3, 4), "c": rnd(4, 2)}, lambda a, b, c: T.chain_matmul(a, b, c), "torch.chain_matmul(a, b, c)")
case("addmv", {"i": rnd(2), "m": rnd(2, 3), "v": rnd(3)}, lambda i, m, v: T.addmv(i, m, v, beta=0.5, alpha=2.0), "torch.addmv(i, m, v, {beta: 0.5, alpha: 2})")
case("addmv beta=0 ignores nan", {"i": torch.tensor([float("nan"), 1.0]), "m": rnd(2, 3), "v": rnd(3)}, lambda i, m, v: T.addmv(i, m, v, beta=0), "torch.addmv(i, m, v, {beta: 0})")
case("addr", {"i": rnd(3, 2), "a": rnd(3), "b": rnd(2)}, lambda i, a, b: i.addr(a, b, alpha=3.0), "i.addr(a, b, {alpha: 3})")
case("baddbmm broadcast input", {"i": rnd(3, 1), "a": rnd(2, 3, 4), "b": rnd(2, 4, 2)}, lambda i, a, b: T.baddbmm(i, a, b, beta=2.0, alpha=0.5), "torch.baddbmm(i, a, b, {beta: 2, alpha: 0.5})")
case("addbmm", {"i": rnd(3, 2), "a": rnd(4, 3, 2), "b": rnd(4, 2, 2)}, lambda i, a, b: T.addbmm(i, a, b), "torch.addbmm(i, a, b)")

# ---------------------------------------------------------------- empty tensors and broadcasting
case("einsum empty contraction", {"a": rnd(2, 0), "b": rnd(0, 3)}, lambda a, b: T.einsum("ij,jk->ik", a, b), 'torch.einsum("ij,jk->ik", a, b)')
case("einsum size-1 label broadcast", {"a": rnd(1, 3), "b": rnd(2, 3)}, lambda a, b: T.einsum("ij,ij->ij", a, b), 'torch.einsum("ij,ij->ij", a, b)')
case("einsum size-1 contracted label", {"a": rnd(2, 1), "b": rnd(3, 4)}, lambda a, b: T.einsum("ij,jk->ik", a, b), 'torch.einsum("ij,jk->ik", a, b)')
case("tile empty", {"x": rnd(0, 2)}, lambda x: T.tile(x, (2, 3)), "torch.tile(x, [2, 3])")
case("movedim empty", {"x": rnd(2, 0, 3)}, lambda x: T.movedim(x, 1, 0), "torch.movedim(x, 1, 0)")
case("repeat_interleave all zero", {"x": rnd(3), "r": torch.tensor([0, 0, 0])}, lambda x, r: T.repeat_interleave(x, r), "torch.repeat_interleave(x, r)")
case("take empty index", {"x": rnd(2, 2), "i": torch.zeros(0, dtype=torch.int64)}, lambda x, i: T.take(x, i), "torch.take(x, i)")
case("tensor_split empty dim", {"x": rnd(0, 2)}, lambda x: T.tensor_split(x, 2), "torch.tensor_split(x, 2)")
case("cdist no rows", {"a": rnd(0, 3), "b": rnd(2, 3)}, lambda a, b: T.cdist(a, b), "torch.cdist(a, b)")
case("diag_embed empty", {"x": rnd(2, 0)}, lambda x: T.diag_embed(x), "torch.diag_embed(x)")
case("block_diag with empty", {"a": rnd(0, 2), "b": rnd(1, 1)}, lambda a, b: T.block_diag(a, b), "torch.block_diag(a, b)")
case("index_add empty index", {"x": rnd(2, 2), "s": rnd(0, 2), "i": torch.zeros(0, dtype=torch.int64)}, lambda x, s, i: T.index_add(x, 0, i, s), "torch.index_add(x, 0, i, s)")
case("kron broadcast ranks", {"a": rnd(2, 1, 2), "b": rnd(2, 3)}, lambda a, b: T.kron(a, b), "torch.kron(a, b)")
case("movedim 0-d", {"x": torch.tensor(1.5)}, lambda x: T.movedim(x, 0, -1), "torch.movedim(x, 0, -1)")
case("cartesian_prod single", {"a": rnd(3)}, lambda a: T.cartesian_prod(a), "torch.cartesian_prod(a)")

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "shape_extra.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
print(f"wrote {len(cases)} cases to {out}")
