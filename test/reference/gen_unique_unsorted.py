"""PyTorch 1.13 references for test/ops/unique_unsorted.test.ts: torch.unique(x, sorted=False) on the
CPU returns the distinct values in the iteration order of the libstdc++ std::unordered_set that
aten's Unique.cpp fills (src/ops/unordered_set.ts reproduces it), with return_inverse and
return_counts looked up by value (a NaN's inverse and count are 0).

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes unique_unsorted.json, a
list of {name, input, output, inverse, counts} (tensors encoded as _common.enc does). The random
inputs are drawn here with a fixed seed and stored, so the test needs no generator of its own.
"""
import json
import os
import random

import torch

from _common import enc

random.seed(0)
NAN = float("nan")
CASES = [
    ("ints", torch.tensor([3, 1, 2, 3, 1, 5])),
    ("negative ints share a bucket", torch.tensor([-1, 4, -1, 2, 8, 4])),
    ("arange % 17: a rehash at the 14th value", torch.arange(40) % 17),
    ("wide ints", torch.tensor([5, 3, 5, 100, 3, 7, -4, 0, 2**20])),
    ("int32", torch.tensor([3, 1, 2, 3, 1, 5], dtype=torch.int32)),
    ("2-D, flattened", torch.tensor([[3, 1], [1, 7]])),
    ("one value", torch.tensor([4, 4, 4])),
    ("empty", torch.tensor([], dtype=torch.int64)),
    ("floats", torch.tensor([1.5, 0.5, 1.5, -2.0, 0.25, 3.0])),
    ("floats with nan and -0", torch.tensor([NAN, 1.0, NAN, -0.0, 0.0, 1.0])),
    ("bool", torch.tensor([True, True, False])),
    ("random ints 300", torch.tensor([random.randint(-50, 50) for _ in range(300)])),
    ("random ints 3000", torch.tensor([random.randint(-10**6, 10**6) for _ in range(3000)])),
    ("random floats 2000", torch.tensor([round(random.uniform(-5, 5), random.choice([0, 1, 2])) for _ in range(2000)])),
]

out = []
for name, x in CASES:
    u, inv, cnt = torch.unique(x, sorted=False, return_inverse=True, return_counts=True)
    assert torch.allclose(torch.unique(x, sorted=False).float(), u.float(), equal_nan=True)
    out.append({"name": name, "input": enc(x), "output": enc(u), "inverse": enc(inv), "counts": enc(cnt)})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "unique_unsorted.json"), "w") as f:
    json.dump(out, f)
    f.write("\n")
print(len(out), "cases")
