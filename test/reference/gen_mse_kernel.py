"""PyTorch 1.13's F.mse_loss forward and gradients (input and target) for the reductions 'none',
'mean' and 'sum', the reference for torchlab's mse_loss kernel (src/ops/mse.ts,
src/backend/loss_kernels.ts; test/backend/mse_kernel.test.ts).

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_mse_kernel.py
Writes test/reference/mse_kernel.json.
"""
import json
import os

import torch
import torch.nn.functional as F

from _common import enc, r4

HERE = os.path.dirname(os.path.abspath(__file__))


def case(name, x, t, reduction, target_grad, g):
    x = x.clone().requires_grad_(True)
    t = t.clone().requires_grad_(target_grad)
    loss = F.mse_loss(x, t, reduction=reduction)
    loss.backward(g)
    return {"name": name, "reduction": reduction, "input": enc(x), "target": enc(t), "grad_output": enc(g),
            "target_requires_grad": target_grad, "loss": enc(loss), "grad_fn": type(loss.grad_fn).__name__,
            "input_grad": enc(x.grad), "target_grad": enc(t.grad) if target_grad else None}


def main():
    torch.manual_seed(0)
    cases = []
    shapes = [[], [7], [3, 5], [2, 3, 4, 5], [2, 3, 5, 7], [131]]
    for i, shape in enumerate(shapes):
        x = torch.tensor(r4(torch.randn(shape).reshape(-1) * 2)).reshape(shape)
        t = torch.tensor(r4(torch.randn(shape).reshape(-1))).reshape(shape)
        for reduction in ["none", "mean", "sum"]:
            g = torch.tensor(r4(torch.randn(shape).reshape(-1))).reshape(shape) if reduction == "none" else torch.tensor(1.5)
            cases.append(case("x=%s %s" % (shape, reduction), x, t, reduction, (i + len(reduction)) % 2 == 0, g))
    # Non-finite values: inf - finite, inf - inf (nan) and nan propagate as in PyTorch.
    x = torch.tensor([float("inf"), 1.0, float("nan"), -2.0, float("inf")])
    t = torch.tensor([1.0, float("-inf"), 0.0, -2.0, float("inf")])
    for reduction in ["none", "mean", "sum"]:
        g = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0]) if reduction == "none" else torch.tensor(1.0)
        cases.append(case("non-finite %s" % reduction, x, t, reduction, True, g))
    with open(os.path.join(HERE, "mse_kernel.json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f)


if __name__ == "__main__":
    main()
