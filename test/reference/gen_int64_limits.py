"""PyTorch 1.13 references for test/tensor/int64_limits.test.ts: int64 values past int32's range
(creation, a scalar operand, sum / cumsum / prod whose result leaves int32) and negative zero, as
PyTorch prints and holds them. torchlab holds int64 in 32 bits: the test asks for PyTorch's exact
values, or a warning / RuntimeError that says so, never a silently different number.
Run with Debian's /usr/bin/python3 from test/reference: writes int64_limits.json.
"""
import json
import os

import torch

CASES = {
    # whole numbers PyTorch makes int64
    "tensor_2_40": lambda: torch.tensor(2**40),
    "tensor_past_int32_inexact": lambda: torch.tensor([3000000001, 1]),
    "arange_past_int32": lambda: torch.arange(0, 2**33, 2**31),
    "mul_scalar_exact": lambda: torch.tensor([3]) * 2**33,
    "mul_scalar_inexact": lambda: torch.tensor([3]) * 3000000001,
    # integer reductions whose result leaves int32
    "sum_past_int32": lambda: torch.full([3], 2**30, dtype=torch.long).sum(),
    "sum_dim_past_int32": lambda: torch.full([2, 3], 2**30, dtype=torch.long).sum(1),
    "cumsum_past_int32": lambda: torch.full([3], 2**30, dtype=torch.long).cumsum(0),
    "prod_past_int32": lambda: torch.tensor([2**20, 2**20]).prod(),
    "prod_factorial_19": lambda: torch.arange(1, 20).prod(),
    "prod_dim_past_int32": lambda: torch.tensor([[2**16, 2**16], [2, 3]]).prod(1),
    # ... and within it: exact, no warning
    "sum_int32_max": lambda: torch.tensor([2**31 - 2, 1]).sum(),
    "prod_factorial_12": lambda: torch.arange(1, 13).prod(),
    "cumsum_small": lambda: torch.arange(5).cumsum(0),
    "sum_bool": lambda: torch.tensor([True, False, True]).sum(),
    # negative zero
    "negative_zero": lambda: torch.tensor([-0.0, 1.5]),
    "neg_zeros": lambda: -torch.zeros(2),
    "times_zero": lambda: torch.tensor([-1.0, 2.0]) * 0,
    "negative_zero_scalar": lambda: torch.tensor(-0.0),
    "negative_zero_only": lambda: torch.tensor([-0.0, 0.0]),
}

out = {}
for name, case in CASES.items():
    t = case()
    out[name] = {"repr": repr(t), "dtype": str(t.dtype), "values": t.tolist()}
out["negative_zero_item"] = repr(torch.tensor(-0.0).item())
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "int64_limits.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
