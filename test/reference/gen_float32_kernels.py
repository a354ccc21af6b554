"""Bit-exact float32 outputs of PyTorch 1.13's CPU kernels that torchlab reproduces rounding for
rounding (src/ops/float32.ts): torch.linspace, and F.affine_grid's base grid and bmm.

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
    out = {"linspace": [], "affine_grid": []}
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
    with open(os.path.join(HERE, "float32_kernels.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
