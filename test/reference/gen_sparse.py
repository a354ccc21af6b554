"""Sparse COO tensors (torch.sparse_coo_tensor, to_sparse / to_dense, coalesce, sparse @ dense with its
gradients, torch.sparse.sum, sparse + sparse, sparse * scalar, t(), torch.sparse.softmax, the printed
form and the errors) in PyTorch 1.13. Each case records what torchlab's test (test/tensor/sparse.test.ts)
rebuilds from the same inputs.

Writes test/reference/sparse.json.
"""
import json
import os

import torch

from _common import enc

I = [[0, 1, 1, 2], [2, 0, 2, 1]]
V = [3.0, 4.0, 5.0, 6.0]
DUP_I = [[1, 0, 1], [0, 2, 0]]
DUP_V = [1.0, 2.0, 3.0]
D = [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]
W = [[0.5, -1.0, 2.0], [1.5, 0.0, -2.0], [0.25, 3.0, 1.0]]


def S(**kw):
    return torch.sparse_coo_tensor(torch.tensor(I), torch.tensor(V), (3, 3), **kw)


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the class and text are the fixture
        return {"type": type(e).__name__, "message": str(e).split(" This could be because")[0]}
    raise AssertionError("no error")


out = {}
s = S()
dup = torch.sparse_coo_tensor(torch.tensor(DUP_I), torch.tensor(DUP_V), (2, 3))
out["repr"] = repr(s)
out["repr_dup"] = repr(dup)
out["repr_coalesced"] = repr(dup.coalesce())
out["repr_int64"] = repr(torch.sparse_coo_tensor(torch.tensor(I), torch.ones(4), (3, 3), dtype=torch.int64))
out["repr_float64"] = repr(torch.sparse_coo_tensor(torch.tensor(I), torch.tensor(V, dtype=torch.float64), (3, 3)))
out["repr_requires_grad"] = repr(S(requires_grad=True))
out["repr_empty"] = repr(torch.sparse_coo_tensor(torch.zeros(2, 0, dtype=torch.long), torch.zeros(0), (2, 2)))
out["repr_1d"] = repr(torch.sparse_coo_tensor(torch.tensor([[0, 4]]), torch.tensor([1.5, -2.0]), (6,)))
out["repr_inferred"] = repr(torch.sparse_coo_tensor(torch.tensor([[0, 2], [1, 0]]), torch.tensor([1.0, 2.0])))
out["repr_diag"] = repr(torch.diag(torch.tensor([1.0, 0.0, 2.0])).to_sparse())
out["repr_sum_dim1"] = repr(torch.sparse.sum(s, dim=1))
out["repr_t"] = repr(s.t())
out["repr_add"] = repr(s + dup.t().coalesce().t() if False else s + s)
out["repr_mul"] = repr(s * 2.5)
out["facts"] = {
    "layout": str(s.layout), "strided": str(torch.randn(2).layout), "is_sparse": s.is_sparse, "dense_is_sparse": torch.ones(2).is_sparse,
    "shape": list(s.shape), "dim": s.dim(), "numel": s.numel(), "nnz": s._nnz(), "dtype": str(s.dtype),
    "is_coalesced": s.is_coalesced(), "dup_is_coalesced": dup.is_coalesced(), "coalesced_is_coalesced": dup.coalesce().is_coalesced(),
    "to_sparse_is_coalesced": torch.tensor(D).to_sparse().is_coalesced(), "t_is_coalesced": s.coalesce().t().is_coalesced(),
    "nnz1_is_coalesced": torch.sparse_coo_tensor(torch.tensor([[1]]), torch.tensor([1.0]), (3,)).is_coalesced(),
    "is_leaf": S(requires_grad=True).is_leaf,
}
out["to_dense"] = enc(s.to_dense())
out["dup_to_dense"] = enc(dup.to_dense())
out["coalesce_indices"] = enc(dup.coalesce().indices())
out["coalesce_values"] = enc(dup.coalesce().values())
ds = torch.tensor(D).to_sparse()
out["to_sparse_indices"] = enc(ds.indices())
out["to_sparse_values"] = enc(ds.values())
out["mm"] = enc(torch.sparse.mm(s, torch.tensor(D)))
out["sum"] = enc(torch.sparse.sum(s))
out["sum_dim0"] = enc(torch.sparse.sum(s, 0).to_dense())
out["sum_dims01"] = enc(torch.sparse.sum(s, (0, 1)))
out["add_dup"] = enc((s + torch.sparse_coo_tensor(torch.tensor(DUP_I), torch.tensor(DUP_V), (3, 3))).to_dense())
out["t_indices"] = enc(s.t()._indices())
out["softmax"] = enc(torch.sparse.softmax(s, 1).to_dense())
out["softmax_dim0"] = enc(torch.sparse.softmax(s, 0).to_dense())

# Gradients: torch.sparse.mm reaches the sparse leaf (a sparse grad on its indices) and the dense operand;
# torch.mm / torch.spmm / matmul reach the dense operand only.
grads = {}
for name in ["sparse.mm", "mm", "spmm", "matmul"]:
    f = {"sparse.mm": torch.sparse.mm, "mm": torch.mm, "spmm": torch.spmm, "matmul": torch.matmul}[name]
    d = torch.tensor(D, requires_grad=True)
    o = f(S(), d)
    (o * o).sum().backward()
    g = {"grad_fn": o.grad_fn.name(), "dense_grad": enc(d.grad)}
    if name == "sparse.mm":
        sl = S(requires_grad=True)
        o = f(sl, d)
        (o * o).sum().backward()
        g["sparse_grad_repr"] = repr(sl.grad)
        g["sparse_grad_layout"] = str(sl.grad.layout)
        vv = torch.tensor(V, requires_grad=True)
        o = f(torch.sparse_coo_tensor(torch.tensor(I), vv, (3, 3)), torch.tensor(D))
        (o * o).sum().backward()
        g["values_grad"] = enc(vv.grad)
    grads[name] = g
out["grads"] = grads
sl = S(requires_grad=True)
dd = sl.to_dense()
(dd * torch.tensor(W)).sum().backward()
out["to_dense_grad"] = {"grad_fn": dd.grad_fn.name(), "grad": repr(sl.grad)}
x = torch.tensor(D, requires_grad=True)
xs = x.to_sparse()
(torch.sparse.sum(xs * 3.0)).backward()
out["to_sparse_grad"] = {"grad_fn": xs.grad_fn.name(), "grad": enc(x.grad), "is_leaf": xs.is_leaf, "requires_grad": xs.requires_grad}
out["grad_fns"] = {
    "sum": torch.sparse.sum(S(requires_grad=True)).grad_fn.name(),
    "mul": (S(requires_grad=True) * 2).grad_fn.name(),
    "add": (S(requires_grad=True) + S()).grad_fn.name(),
    "dense_add": (torch.ones(3, 3) + S(requires_grad=True)).grad_fn.name(),
}

dense = torch.tensor(D)
out["errors"] = {
    "indices_1d": err(lambda: torch.sparse_coo_tensor(torch.tensor([0, 1]), torch.tensor([1.0, 2.0]), (3,))),
    "nnz_mismatch": err(lambda: torch.sparse_coo_tensor(torch.tensor([[0, 1]]), torch.tensor([1.0, 2.0, 3.0]), (3,))),
    "negative": err(lambda: torch.sparse_coo_tensor(torch.tensor([[0, -1]]), torch.tensor([1.0, 2.0]), (3,))),
    "too_small": err(lambda: torch.sparse_coo_tensor(torch.tensor([[0, 3]]), torch.tensor([1.0, 2.0]), (3,))),
    "ndim": err(lambda: torch.sparse_coo_tensor(torch.tensor([[0, 1]]), torch.tensor([1.0, 2.0]), (3, 3))),
    "indices_uncoalesced": err(lambda: dup.indices()),
    "values_uncoalesced": err(lambda: dup.values()),
    "mm_requires_grad": err(lambda: torch.mm(S(requires_grad=True), dense)),
    "spmm_requires_grad": err(lambda: torch.spmm(S(requires_grad=True), dense)),
    "mm_shapes": err(lambda: torch.sparse.mm(s, torch.ones(2, 2))),
    "mm_dtypes": err(lambda: torch.sparse.mm(s, torch.ones(3, 2, dtype=torch.float64))),
    "add_sizes": err(lambda: s + torch.sparse_coo_tensor(torch.tensor(I), torch.tensor(V), (3, 4))),
    "add_sparse_dense": err(lambda: s + torch.ones(3, 3)),
    "reshape": err(lambda: s.reshape(9)),
    "t_3d": err(lambda: torch.sparse_coo_tensor(torch.zeros(3, 1, dtype=torch.long), torch.ones(1), (2, 2, 2)).t()),
}
out["dense_op_errors"] = {m: err(lambda m=m: getattr(s, m)(*args)) for m, args in [
    ("exp", []), ("relu", []), ("sigmoid", []), ("log", []), ("sum", []), ("mean", []), ("view", [9]), ("max", []),
    ("softmax", [0]), ("log_softmax", [0]), ("argmax", []),
]}
out["dense_matmul_sparse"] = err(lambda: dense.t() @ s)

# torch.save of a sparse tensor (and one in a dict beside a dense one): torchlab loads PyTorch's file.
ckpt = os.path.join(os.path.dirname(__file__), "checkpoints", "sparse_coo.pt")
torch.save({"adj": dup, "w": torch.tensor(D), "s": s.double()}, ckpt)
out["saved_reprs"] = {k: repr(v) for k, v in torch.load(ckpt).items()}
with open(os.path.join(os.path.dirname(__file__), "sparse.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
