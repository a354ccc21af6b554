"""torch.arange with floating bounds and steps, bit for bit (PyTorch 1.13's CPU kernel: doubles,
fused multiply-adds, vectors of 8 float32 / 4 float64 lanes); test/ops/arange_float.test.ts reads
arange_float.json. One thread, as torchlab's arange reproduces PyTorch's single range.

    /usr/bin/python3 test/reference/gen_arange_float.py
"""
import json
import os

import torch

torch.set_num_threads(1)
CASES = [
    (-8.0, 8.0, 0.1), (0.0, 1.0, 0.1), (0.0, 10.0, 0.3), (-1.0, 1.0, 0.01), (1.0, 2.5, 0.5),
    (0.0, 100.0, 0.7), (5.0, -5.0, -0.3), (-3.7, 9.1, 0.013),
    (0.0, 5.0, 1.0), (-1.0, 1.0, 2.0 / 7.0), (1e-3, 2e-3, 1e-5),
]
OUT = []
for start, end, step in CASES:
    for dtype in (torch.float32, torch.float64):
        x = torch.arange(start, end, step, dtype=dtype)
        # float32 bits of the values (torchlab stores float64 in float32: PyTorch's doubles rounded once).
        bits = x.to(torch.float32).view(torch.int32).tolist()
        OUT.append({"start": start, "end": end, "step": step, "dtype": str(dtype).replace("torch.", ""), "bits": bits})
relu = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
torch.relu(relu).sum().backward()
with open(os.path.join(os.path.dirname(__file__), "arange_float.json"), "w") as f:
    json.dump({"cases": OUT, "relu_grad_78_83": relu.grad[78:83].tolist(), "x_80": relu[80].item()}, f)
