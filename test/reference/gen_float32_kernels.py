"""Bit-exact float32 outputs of PyTorch 1.13's CPU kernels that torchlab reproduces rounding for
rounding (src/ops/float32.ts): torch.linspace, and F.affine_grid's base grid and bmm; tanh's backward
(one fused multiply-add for `1 - y * y`) and the gradient that broadcasting sums back down (sum_to, in
a forward sum's order), which makemore part 4's hand-written gradients match bit for bit.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_float32_kernels.py
Writes test/reference/float32_kernels.json. Each float32 value is written as the double it equals,
so the JSON round trip is exact.
"""
import json
import os

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    out = {"linspace": [], "affine_grid": [], "tanh_backward": {}, "sum_to": {}}
    ranges = [(-1, 1, n) for n in range(2, 80)] + [(0, 1, 100), (2, -1, 19), (0, 10, 64),
                                                      (-3.5, 7.25, 33), (0.1, 0.9, 57), (-5, 3, 300)]
    for start, end, steps in ranges:
        out["linspace"].append({"start": start, "end": end, "steps": steps,
                                "values": [float(v) for v in torch.linspace(start, end, steps).tolist()]})
    for n, h, w, align, scale in [(2, 28, 28, False, 1e-2), (1, 5, 7, False, 0.3), (1, 6, 4, True, 0.1), (3, 16, 16, False, 0.0)]:
        theta = torch.tensor([[1.0, 0, 0], [0, 1.0, 0]]) + scale * torch.sin(torch.arange(n * 6, dtype=torch.float32) * 1.3).reshape(n, 2, 3)
        grid = F.affine_grid(theta, [n, 1, h, w], align_corners=align)
        out["affine_grid"].append({"theta": theta.flatten().tolist(), "size": [n, 1, h, w], "align_corners": align,
                                   "values": grid.flatten().tolist()})
    x = (torch.sin(torch.arange(600, dtype=torch.float32) * 0.37) * 2.5).requires_grad_()
    g = torch.cos(torch.arange(600, dtype=torch.float32) * 0.71)
    y = torch.tanh(x)
    y.backward(g)
    assert torch.equal(x.grad, g * (1 - y.detach().double() ** 2).float())  # the FMA's single rounding
    assert not torch.equal(x.grad, g * (1 - y.detach() ** 2))
    out["tanh_backward"] = {"x": x.detach().tolist(), "g": g.tolist(), "y": y.detach().tolist(), "grad": x.grad.tolist()}
    a = (torch.sin(torch.arange(32 * 27, dtype=torch.float32) * 0.53) * 3).reshape(32, 27).requires_grad_()
    b = torch.cos(torch.arange(32, dtype=torch.float32)).reshape(32, 1).requires_grad_()
    c = torch.sin(torch.arange(27, dtype=torch.float32) * 1.7).requires_grad_()
    gz = (torch.exp(torch.sin(torch.arange(32 * 27, dtype=torch.float32) * 0.29)) / 37).reshape(32, 27)
    (a - b + c).backward(gz)
    assert torch.equal(b.grad, (-gz).sum(1, keepdim=True)) and torch.equal(c.grad, gz.sum(0))
    out["sum_to"] = {"gz": gz.flatten().tolist(), "b_grad": b.grad.flatten().tolist(), "c_grad": c.grad.tolist()}
    with open(os.path.join(HERE, "float32_kernels.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
