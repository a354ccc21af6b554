"""PyTorch 1.13 references for test/tensor/dtype.test.ts: torch.dtype objects and integer dtypes.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes dtype.json. Each case is
a literal PyTorch expression whose torchlab port sits in the test under the same name; the fixture
holds what PyTorch prints for it (str of a dtype, repr of a tensor, x.type(), element_size()).
"""
import json
import os

import torch

i = torch.tensor([1, 2, 3], dtype=torch.int32)
a = torch.tensor([1, 2, 3])
f = torch.tensor([0.5, 1.5, 2.5])
b = torch.tensor([True, False, True])
s32 = torch.tensor(4, dtype=torch.int32)
s64 = torch.tensor(4)

DTYPES = {
    "float32": torch.float32, "float": torch.float, "int64": torch.int64, "long": torch.long,
    "int32": torch.int32, "int": torch.int, "bool": torch.bool,
}
dtypes = {
    name: {
        "str": str(d), "is_floating_point": d.is_floating_point, "is_complex": d.is_complex,
        "is_signed": d.is_signed, "itemsize": torch.tensor([], dtype=d).element_size(),
    }
    for name, d in DTYPES.items()
}

# name -> the result's dtype (str) and its repr; the TypeScript port of each is in the test.
RESULTS = {
    "tensor of ints": torch.tensor([1, 2, 3]),
    "tensor of floats": torch.tensor([0.5, 1.5]),
    "tensor of bools": torch.tensor([True, False]),
    "randn": torch.zeros(2).normal_(),
    "int()": a.int(),
    "long()": i.long(),
    "zeros long": torch.zeros(3, dtype=torch.long),
    "zeros int32": torch.zeros(3, dtype=torch.int32),
    "empty int32": torch.tensor([], dtype=torch.int32),
    "empty int64": torch.tensor([], dtype=torch.int64),
    "empty bool": torch.tensor([], dtype=torch.bool),
    "0-d int32": torch.tensor(5, dtype=torch.int32),
    "int32 + int32": i + i,
    "int32 + int64": i + a,
    "int32 + 1": i + 1,
    "int32 * 2.5": i * 2.5,
    "int32 + float": i + f,
    "bool + int32": b + i,
    "bool + int64": b + a,
    "bool + 1": b + 1,
    "int32 + 0-d int64": i + s64,
    "0-d int32 + 0-d int64": s32 + s64,
    "int32 > 1": i > 1,
    "int32 == int64": i == a,
    "int32 / 2": i / 2,
    "int32 / int32": i / i,
    "int32 // 2": i // 2,
    "int32 % 2": i % 2,
    "-int32": -i,
    "int32.abs()": i.abs(),
    "int32.pow(2)": i.pow(2),
    "int32.clamp(0, 2)": i.clamp(0, 2),
    "int32.sum()": i.sum(),
    "bool.sum()": b.sum(),
    "int32.prod()": i.prod(),
    "int32.cumsum(0)": i.cumsum(0),
    "int32.argmax()": i.argmax(),
    "int32.max()": i.max(),
    "int32.max(0).values": i.max(0).values,
    "int32.max(0).indices": i.max(0).indices,
    "int32.sort().indices": i.sort().indices,
    "int32.topk(2).indices": i.topk(2).indices,
    "int32.argsort()": i.argsort(),
    "int32.view(3, 1)": i.view(3, 1),
    "int32.unsqueeze(0)": i.unsqueeze(0),
    "int32.clone()": i.clone(),
    "int32[1:]": i[1:],
    "cat int32 int32": torch.cat([i, i]),
    "cat int32 int64": torch.cat([i, a]),
    "stack int32": torch.stack([i, i]),
    "where int32": torch.where(i > 1, i, i),
    "int32.gather": i.gather(0, torch.tensor([0, 2])),
    "int32.index_select": i.index_select(0, torch.tensor([0, 2])),
    "int32.float()": i.float(),
    "int32.to(int64)": i.to(torch.int64),
    "arange(5)": torch.arange(5),
    "arange int32": torch.arange(3, dtype=torch.int32),
    "randint": torch.randint(0, 5, (3,)),
    "randperm": torch.randperm(3),
    "nonzero": i.nonzero(),
    "bitwise_and int32": torch.bitwise_and(i, i),
    "full int32": torch.full((2,), 7, dtype=torch.int32),
    "ones_like int32": torch.ones_like(i),
    "one_hot": torch.nn.functional.one_hot(torch.tensor([0, 2]), 3),
}
results = {k: {"dtype": str(v.dtype), "repr": repr(v) if k not in ("randn", "randint", "randperm") else None, "type": v.type(), "element_size": v.element_size()} for k, v in RESULTS.items()}

out = {"torch": torch.__version__, "dtypes": dtypes, "default_dtype": str(torch.get_default_dtype()), "results": results}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "dtype.json"), "w") as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
    fh.write("\n")
