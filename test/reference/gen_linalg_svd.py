"""PyTorch 1.13 references for test/ops/linalg_svd.test.ts: torch.linalg.svd / svdvals and torch.svd.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes linalg_svd.json.
Inputs are rounded to 4 decimals (r4) so both sides read the same float32 values. Singular vectors
are unique only up to sign, so the test compares S, shapes, U diag(S) Vh against A, orthonormality,
and |U|, |Vh| where the singular values are distinct; plus the errors of bad input.
"""
import json
import os

import torch

from _common import enc, err, r4

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)


def mat(*shape):
    return torch.tensor(r4(torch.randn(*shape).reshape(-1))).reshape(*shape)


cases = {
    "tall": mat(5, 3),
    "wide": mat(2, 4),
    "square": mat(4, 4),
    "batched": mat(2, 3, 3, 2),
    "rank1": torch.outer(torch.tensor([1.0, 2.0, -1.0]), torch.tensor([0.5, -1.0, 2.0, 1.0])),
    "zeros": torch.zeros(3, 2),
    "example": torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
}
out = {"cases": {}}
for name, A in cases.items():
    U, S, Vh = torch.linalg.svd(A)
    Ur, Sr, Vhr = torch.linalg.svd(A, full_matrices=False)
    u, s, v = torch.svd(A)
    out["cases"][name] = {
        "A": enc(A), "S": enc(S), "U": enc(U), "Vh": enc(Vh), "U_reduced": enc(Ur), "Vh_reduced": enc(Vhr),
        "svdvals": enc(torch.linalg.svdvals(A)), "svd_V_shape": list(v.shape),
        "svd_full_V_shape": list(torch.svd(A, some=False).V.shape),
        "svd_no_uv": {k: enc(t) for k, t in zip(["U", "S", "V"], torch.svd(A, compute_uv=False))},
    }
out["errors"] = {
    "vector": err(lambda: torch.linalg.svd(torch.ones(3))),
    "int": err(lambda: torch.linalg.svd(torch.ones(2, 2, dtype=torch.int64))),
    "svdvals_vector": err(lambda: torch.linalg.svdvals(torch.ones(3))),
}

with open(os.path.join(HERE, "linalg_svd.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
