"""PyTorch 1.13 references for test/ops/linalg_grads.test.ts: gradients of torch.linalg.qr, eigh,
eigvalsh, svd, svdvals and torch.svd for well-conditioned inputs (distinct eigenvalues and singular
values), through losses that do not depend on the eigenvectors' or singular vectors' signs.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes linalg_grads.json.
Inputs are rounded to 4 decimals; the gradients are computed in float64 and stored as float32.
"""
import json
import os

import torch

from _common import enc, err, r4

HERE = os.path.dirname(os.path.abspath(__file__))
out = {}


def mat(*shape, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(*shape, generator=g)
    return torch.tensor(r4(x.reshape(-1))).reshape(shape)


def weights(shape):
    n = 1
    for s in shape:
        n *= s
    return torch.linspace(-1.0, 1.5, n, dtype=torch.float64).reshape(shape)


def case(A, loss):
    a = A.double().requires_grad_()
    loss(a).backward()
    return {"A": enc(A), "grad": enc(a.grad.float())}


def sym(A):
    return torch.tensor(r4(((A + A.transpose(-1, -2)) / 2).reshape(-1))).reshape(A.shape)


# Losses as the test writes them; G(t) is the fixed weight tensor of t's shape.
def qr_loss(mode):
    def f(a):
        Q, R = torch.linalg.qr(a, mode=mode)
        return (Q * weights(Q.shape)).sum() + (R * weights(R.shape).flip(-1)).sum()
    return f


def eigh_loss(UPLO):
    def f(a):
        L, V = torch.linalg.eigh(a, UPLO=UPLO)
        return (L * weights(L.shape)).sum() + (V * V * weights(V.shape)).sum() + ((V * weights(L.shape).unsqueeze(-2)) @ V.transpose(-1, -2)).sum()
    return f


def svd_loss(full):
    def f(a):
        U, S, Vh = torch.linalg.svd(a, full_matrices=full)
        k = S.shape[-1]
        Uk, Vhk = U[..., :k], Vh[..., :k, :]
        return (S * weights(S.shape)).sum() + (Uk * Uk * weights(Uk.shape)).sum() + (Vhk * Vhk * weights(Vhk.shape).flip(-1)).sum() + ((Uk * S.unsqueeze(-2).sqrt()) @ Vhk * weights(a.shape)).sum()
    return f


def svd_old_loss(a):
    U, S, V = torch.svd(a)
    return (S * weights(S.shape)).sum() + (U * U * weights(U.shape)).sum() + (V * V * weights(V.shape)).sum()


o = {}
o["qr_square"] = case(mat(3, 3, seed=1), qr_loss("reduced"))
o["qr_tall"] = case(mat(4, 2, seed=2), qr_loss("reduced"))
o["qr_wide"] = case(mat(2, 4, seed=3), qr_loss("reduced"))
o["qr_batch"] = case(mat(2, 3, 3, seed=4), qr_loss("reduced"))
o["qr_complete_square"] = case(mat(3, 3, seed=5), qr_loss("complete"))
o["qr_complete_wide"] = case(mat(2, 3, seed=6), qr_loss("complete"))
o["eigh"] = case(sym(mat(4, 4, seed=7)), eigh_loss("L"))
o["eigh_U"] = case(mat(3, 3, seed=8), eigh_loss("U"))
o["eigh_L_nonsym"] = case(mat(3, 3, seed=8), eigh_loss("L"))
o["eigh_batch"] = case(sym(mat(2, 3, 3, seed=9)), eigh_loss("L"))
o["eigvalsh"] = case(sym(mat(4, 4, seed=10)), lambda a: (torch.linalg.eigvalsh(a) * weights([4])).sum())
o["svd_tall"] = case(mat(4, 3, seed=11), svd_loss(False))
o["svd_wide"] = case(mat(2, 4, seed=12), svd_loss(False))
o["svd_square_full"] = case(mat(3, 3, seed=13), svd_loss(True))
o["svd_tall_full"] = case(mat(4, 2, seed=14), svd_loss(True))
o["svd_batch"] = case(mat(2, 3, 2, seed=15), svd_loss(False))
o["svdvals"] = case(mat(3, 4, seed=16), lambda a: (torch.linalg.svdvals(a) * weights([3])).sum())
o["svd_old"] = case(mat(4, 3, seed=17), svd_old_loss)
o["errors"] = {
    "qr_r": err(lambda: torch.linalg.qr(torch.ones(3, 2, requires_grad=True), mode="r")[1].sum().backward()),
    "qr_complete_tall": err(lambda: torch.linalg.qr(torch.ones(3, 2, requires_grad=True), mode="complete")[0].sum().backward()),
}
out["grads"] = o

with open(os.path.join(HERE, "linalg_grads.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
