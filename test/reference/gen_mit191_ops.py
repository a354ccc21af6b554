"""The divergences test/tutorials/mit191_notebook.test.ts found, as PyTorch 1.13 answers them
(test/tensor/scalar_first.test.ts, test/builtins.test.ts): torch.add / sub / mul / subtract / multiply
of two Python numbers (the 0-d tensor's repr, its dtype the numbers' kinds decide), torch.tensor of a
range, str() and '{}'.format of a NumPy array (its str, not its repr).

Writes test/reference/mit191_ops.json.
Run: /usr/bin/python3 test/reference/gen_mit191_ops.py"""
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402

NUMBERS = {
    "add(1.5, 2.5)": lambda: torch.add(1.5, 2.5),
    "add(1, 2)": lambda: torch.add(1, 2),
    "add(1, 2.5)": lambda: torch.add(1, 2.5),
    "add(True, False)": lambda: torch.add(True, False),
    "add(True, 2)": lambda: torch.add(True, 2),
    "sub(2.5, 1.5)": lambda: torch.sub(2.5, 1.5),
    "sub(1, 2, alpha=2)": lambda: torch.sub(1, 2, alpha=2),
    "subtract(2.5, 1)": lambda: torch.subtract(2.5, 1),
    "mul(2, 3.5)": lambda: torch.mul(2, 3.5),
    "mul(2.5, 1.5)": lambda: torch.mul(2.5, 1.5),
    "multiply(3, 4)": lambda: torch.multiply(3, 4),
    "multiply(1.5, 2.5)": lambda: torch.multiply(1.5, 2.5),
    "add(1.5, tensor([1., 2.]))": lambda: torch.add(1.5, torch.tensor([1., 2.])),
    "multiply(add(1.5, 2.5), subtract(2.5, 1))": lambda: torch.multiply(torch.add(1.5, 2.5), torch.subtract(2.5, 1)),
}

RANGES = {
    "tensor(range(5))": lambda: torch.tensor(range(5)),
    "tensor(range(2, 9, 3))": lambda: torch.tensor(range(2, 9, 3)),
    "tensor(range(0))": lambda: torch.tensor(range(0)),
    "tensor(range(3), dtype=float32)": lambda: torch.tensor(range(3), dtype=torch.float32),
}

ARRAYS = {
    "int64": torch.tensor([24, 10, 4, 0]).numpy(),
    "float32": torch.tensor([1.5, 2.0, -0.25]).numpy(),
}


def main():
    out = {
        "numbers": {k: repr(f()) for k, f in NUMBERS.items()},
        "ranges": {k: repr(f()) for k, f in RANGES.items()},
        "arrays": {k: {"str": str(a), "format": "-> {} <-".format(a), "repr": repr(a)} for k, a in ARRAYS.items()},
    }
    write_json(out, "mit191_ops.json")


if __name__ == "__main__":
    main()
