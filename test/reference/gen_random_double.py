"""Reference draws of torch.rand / torch.randn with dtype=torch.float64 (PyTorch 1.13's CPU generator:
53-bit double uniforms; normal_fill<double> from 16 elements, normal_distribution<double> below), for
test/tensor/random_double.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_random_double.py
Writes test/reference/random_double.json.
"""
import torch

from _tutorial_common import write_json

OUT = {}
for n in [3, 16, 37]:
    torch.manual_seed(0)
    OUT[f"rand_{n}"] = torch.rand(n, dtype=torch.float64).tolist()
    torch.manual_seed(0)
    OUT[f"randn_{n}"] = torch.randn(n, dtype=torch.float64).tolist()
# d2l's underfit-overfit stand-in: float64 normals, then a randperm from the same stream.
torch.manual_seed(0)
OUT["randn_then_randperm"] = [torch.randn((100, 1), dtype=torch.float64)[:4, 0].tolist(), torch.randperm(100)[:8].tolist()]
write_json(OUT, "random_double.json", newline=True)
