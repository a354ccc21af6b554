"""NumPy 1.24 references for test/tensor/ndarray.test.ts: repr() and str() of `t.numpy()` for tensors
torchlab builds the same way (the test's CASES, same names). Run with Debian's /usr/bin/python3 from
test/reference: writes ndarray.json.
"""
import math

import torch

from _tutorial_common import write_json

torch.manual_seed(0)
randn = torch.randn(3, 4)
CASES = {
    "floats": torch.tensor([0.1, 0.25, 3.0]),
    "grid": torch.arange(12.0).reshape(3, 4),
    "sci": torch.tensor([1e-5, 1.0]),
    "bool": torch.tensor([[True, False]]),
    "sevenths": torch.arange(40.0) / 7,
    "int64": torch.arange(3),
    "int32": torch.arange(3, dtype=torch.int32),
    "uint8": torch.arange(250, 255, dtype=torch.uint8),
    "zeros3d": torch.zeros(2, 2, 2),
    "nonfinite": torch.tensor([math.nan, 1.5, -math.inf]),
    "allnan": torch.tensor([math.nan, math.inf]),
    "scalar": torch.tensor(3.5),
    "scalar_bool": torch.tensor(True),
    "scalar_int": torch.tensor(7),
    "empty": torch.zeros(0),
    "empty2": torch.zeros(0, 3),
    "big": torch.arange(2000.0).reshape(40, 50) / 3,
    "big1d": torch.arange(1500),
    "neg": torch.tensor([-1.5, 2.0, -0.0]),
    "large": torch.tensor([1e9, 2.5]),
    "float64": torch.tensor([0.5, 2.0, -8.25], dtype=torch.float64),
    "wide": torch.arange(30.0) * 1000.5,
    "mixed_sci": torch.tensor([[1e-3, 12345.6], [-7.0, 0.0]]),
    "randn": randn,
    "image": torch.arange(3 * 20 * 20, dtype=torch.uint8).reshape(3, 20, 20),
    "column": torch.arange(4).reshape(1, 4, 1),
}
out = {name: {"repr": repr(t.numpy()), "str": str(t.numpy()), "shape": repr(t.numpy().shape)} for name, t in CASES.items()}
# What iterating a 1-d array gives, as str() writes each NumPy scalar (csv.writer's `writer.writerow([i, p])`).
for name, t in CASES.items():
    if t.dim() == 1 and t.dtype != torch.bool and t.numel() <= 100:
        out[name]["items"] = [str(v) for v in t.numpy()]
# len(a) (the first axis; a 0-d array's TypeError) and a.squeeze()'s shape (every size-1 axis dropped).
for name, t in CASES.items():
    try:
        out[name]["len"] = len(t.numpy())
    except TypeError as e:
        out[name]["len"] = f"TypeError: {e}"
    out[name]["squeeze_shape"] = list(t.numpy().squeeze().shape)
# a.ravel()'s shape, a[0] and a[-1] (a 1-d array's items as str() writes them, a larger one's rows as
# their tolist()), and NumPy's IndexError past the end and on a 0-d array (seris.py's
# `pred.detach().numpy().ravel()[0]`).
for name, t in CASES.items():
    a = t.numpy()
    out[name]["ravel_shape"] = list(a.ravel().shape)
    if a.size > 100:
        continue
    try:
        out[name]["ends"] = [str(a[0]) if a.ndim == 1 else a[0].tolist(), str(a[-1]) if a.ndim == 1 else a[-1].tolist()]
    except IndexError as e:
        out[name]["ends"] = f"IndexError: {e}"
    try:
        a[len(a) if a.ndim else 0]
    except IndexError as e:
        out[name]["past_end"] = f"IndexError: {e}"
write_json(out, "ndarray.json")
