"""PyTorch 1.13 references for test/ops/linalg_lstsq.test.ts: torch.linalg.pinv / matrix_rank / lstsq /
cond / vander / LinAlgError, torch.gradient, and Tensor.geometric_ / cauchy_ / log_normal_ draws.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes linalg_lstsq.json.
Inputs are rounded to 4 decimals (r4) so both sides read the same float32 values.
"""
import json
import math
import os

import torch

from _common import enc, err, r4

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)


def mat(*shape):
    return torch.tensor(r4(torch.randn(*shape).reshape(-1))).reshape(*shape)


A_tall = torch.tensor([[1.0, 2], [3, 4], [5, 7]])
B_tall = torch.tensor([[1.0, 0], [2, 1], [4, 1]])
rank1 = torch.tensor([[1.0, 2], [2, 4], [3, 6]])
mats = {"square": mat(3, 3), "tall": mat(5, 3), "wide": mat(2, 4), "batched": mat(2, 3, 3), "rank1": rank1,
        "sym": torch.tensor([[2.0, 1, 0], [1, 3, 1], [0, 1, 4]]), "small": torch.tensor([[1.0, 0], [0, 1e-3]])}

out = {"pinv": {}, "rank": {}, "cond": {}, "lstsq": {}, "grad": {}}
for name, A in mats.items():
    out["pinv"][name] = {"A": enc(A), "pinv": enc(torch.linalg.pinv(A)), "rank": enc(torch.linalg.matrix_rank(A)),
                         "rtol": enc(torch.linalg.pinv(A, rtol=1e-2)), "rank_atol": enc(torch.linalg.matrix_rank(A, atol=0.5))}
    if A.shape[-1] == A.shape[-2]:
        out["cond"][name] = {"A": enc(A), **{str(p): enc(torch.linalg.cond(A, p)) for p in [None, 2, -2, "fro", "nuc", 1, -1, math.inf, -math.inf] if name != "rank1"}}
out["pinv"]["sym"]["hermitian"] = enc(torch.linalg.pinv(mats["sym"], hermitian=True))

lstsq_cases = {"tall": (A_tall, B_tall), "vector": (A_tall, torch.tensor([1.0, 2, 4])), "rank1": (rank1, B_tall),
               "wide": (A_tall.T.contiguous(), torch.tensor([[1.0], [2]])), "batched": (mat(2, 4, 3), mat(2, 4, 2)),
               "broadcast": (mat(2, 4, 3), mat(1, 4, 1))}
for name, (A, B) in lstsq_cases.items():
    case = {"A": enc(A), "B": enc(B)}
    for d in ["gels", "gelsy", "gelsd", "gelss"]:
        if name in ("rank1",) and d == "gels":
            continue
        r = torch.linalg.lstsq(A, B, driver=d)
        case[d] = {k: enc(getattr(r, k)) for k in ["solution", "residuals", "rank", "singular_values"]}
    out["lstsq"][name] = case

# Gradients of the solution and of pinv (full rank: the rank does not change nearby).
A = A_tall.clone().requires_grad_()
torch.linalg.lstsq(A, B_tall).solution.pow(2).sum().backward()
out["grad"]["lstsq"] = enc(A.grad)
X = mats["square"].clone().requires_grad_()
(torch.linalg.pinv(X) * torch.arange(9.0).reshape(3, 3)).sum().backward()
out["grad"]["pinv"] = enc(X.grad)

out["vander"] = {"float": enc(torch.linalg.vander(torch.tensor([1.0, 2, 3]), N=4)), "int": enc(torch.linalg.vander(torch.tensor([[1, 2], [3, 4]])))}

g = torch.tensor([[1.0, 2, 4, 7], [2, 5, 9, 3], [0, 1, 1, 8]])
coords = torch.tensor([0.0, 1, 1.5, 3.5])
out["gradient"] = {
    "input": enc(g),
    "all": [enc(t) for t in torch.gradient(g)],
    "dim1_step": [enc(t) for t in torch.gradient(g, dim=1, spacing=2.0)],
    "steps": [enc(t) for t in torch.gradient(g, spacing=[2.0, 0.5])],
    "coords": [enc(t) for t in torch.gradient(g, dim=1, spacing=(coords,))],
    "edge2": [enc(t) for t in torch.gradient(g, edge_order=2)],
    "coords_edge2": [enc(t) for t in torch.gradient(g, dim=[1], spacing=(coords,), edge_order=2)],
    "int": [enc(t) for t in torch.gradient(torch.tensor([1, 2, 4, 8]))],
}
torch.manual_seed(0)
out["draws"] = {"geometric": enc(torch.empty(8).geometric_(0.3)), "cauchy": enc(torch.empty(5).cauchy_(1.0, 2.0)),
                "log_normal": enc(torch.empty(5).log_normal_(0.0, 0.5))}

out["errors"] = {
    "lstsq_rows": err(lambda: torch.linalg.lstsq(A_tall, torch.zeros(2, 1))),
    "lstsq_driver": err(lambda: torch.linalg.lstsq(A_tall, B_tall, driver="x")),
    "lstsq_1d": err(lambda: torch.linalg.lstsq(torch.zeros(3), B_tall)),
    "lstsq_vector": err(lambda: torch.linalg.lstsq(A_tall, torch.zeros(2))),
    "inv_singular": err(lambda: torch.linalg.inv(torch.zeros(2, 2))),
    "cholesky": err(lambda: torch.linalg.cholesky(-torch.eye(2))),
    "cond_nonsquare": err(lambda: torch.linalg.cond(A_tall, "fro")),
    "gradient_small": err(lambda: torch.gradient(torch.tensor([1.0]))),
    "gradient_edge": err(lambda: torch.gradient(g, edge_order=3)),
    "vander_N": err(lambda: torch.linalg.vander(torch.tensor([1.0, 2]), N=1)),
    "geometric_p": err(lambda: torch.empty(2).geometric_(1.5)),
}

with open(os.path.join(HERE, "linalg_lstsq.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
