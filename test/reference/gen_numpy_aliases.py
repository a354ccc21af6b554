"""PyTorch's numpy-compatible keywords (axis= for dim=, keepdims= for keepdim=) and the factory
keywords Dive into Deep Learning writes (size=, normal(..., requires_grad=True)); test/tensor/
numpy_aliases.test.ts reads numpy_aliases.json.

    /usr/bin/python3 test/reference/gen_numpy_aliases.py
"""
import json
import os

import torch

from _common import enc, err_full

A = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)
OUT = {
    "sum_axis": enc(A.sum(axis=0)),
    "sum_axis_list_keepdims": enc(A.sum(axis=[0, 2], keepdims=True)),
    "torch_sum": enc(torch.sum(A, axis=1, keepdims=True)),
    "mean_axis": enc(A.mean(axis=2)),
    "argmax_axis": enc(A.argmax(axis=1)),
    "max_axis": enc(A.max(axis=2).values),
    "cumsum_axis": enc(A.cumsum(axis=0)),
    "std_axis": enc(A.std(axis=1)),
    "softmax_axis": enc(torch.softmax(A, axis=1)),
    "cat_axis": enc(torch.cat([A, A], axis=1)),
    "all_axis": enc((A > 3).all(axis=2)),
    "norm_axis_keepdims": enc(torch.norm(A, dim=1, keepdim=True)),
    "both": err_full(lambda: A.sum(dim=0, axis=1)),
}
torch.manual_seed(0)
w = torch.normal(0, 0.01, (3, 1), requires_grad=True)
OUT["normal_requires_grad"] = {"w": enc(w.detach()), "requires_grad": w.requires_grad, "is_leaf": w.is_leaf}
torch.manual_seed(0)
OUT["rand_size"] = enc(torch.rand(size=(2, 3)))
OUT["zeros_size"] = list(torch.zeros(size=(2, 3)).shape)
OUT["randn_size_dtype"] = enc(torch.randn(size=(4,), dtype=torch.float32))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy_aliases.json"), "w") as f:
    json.dump(OUT, f, indent=1)
print("wrote numpy_aliases.json")
