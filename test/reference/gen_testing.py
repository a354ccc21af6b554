"""PyTorch 1.13 references for src/testing (torch.testing.assert_close): whether each pair passes and,
when not, the exception's type and exact message.

Run with Debian's /usr/bin/python3 (torch 1.13): writes test/reference/testing_assert_close.json, read by
test/testing/assert_close.test.ts. A case's operands are JSON: {"t": nested values, "dtype": PyTorch's
dtype name} is a tensor, a bare number is a Python float (JavaScript has no int/float split), a list is a sequence.
Values are chosen exactly representable in float32 where a message prints them, so both sides agree.
"""
import json
import math
import os

import torch

DT = {"float32": torch.float32, "int64": torch.int64, "int32": torch.int32, "bool": torch.bool}


def build(x):
    if isinstance(x, dict):
        vals = x["t"]
        def fix(v):
            if isinstance(v, list):
                return [fix(e) for e in v]
            return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}.get(v, v)
        return torch.tensor(fix(vals), dtype=DT[x["dtype"]])
    if isinstance(x, list):
        return [build(e) for e in x]
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x)
    return x


def T(vals, dtype="float32"):
    return {"t": vals, "dtype": dtype}


CASES = [
    ("equal float tensors", T([[1.0, 2.0], [3.0, 4.0]]), T([[1.0, 2.0], [3.0, 4.0]]), {}),
    ("within float32 default tolerance", T([1.0, 100.0]), T([1.000001, 100.0001]), {}),
    ("issue example: 3 of 4 differ", T([[1.0, 2.0], [3.5, 4.25]]), T([[1.0, 2.5], [3.0, 4.0]]), {}),
    ("one element", T([0.5]), T([0.75]), {}),
    ("0-d tensors", T(1.5), T(2.0), {}),
    ("3-d index", T([[[0.0, 0.0], [0.0, 1.0]], [[0.0, 0.0], [0.0, 0.0]]]), T([[[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]]), {}),
    ("relative difference at another index", T([10.0, 0.0, 2.0]), T([11.0, 0.0, 1.0]), {}),
    ("expected zero gives infinite relative", T([0.0, 1.0]), T([0.0, 0.0]), {}),
    ("one third mismatched", T([1.0, 2.0, 3.0]), T([1.0, 2.0, 3.5]), {}),
    ("nan vs nan fails by default", T([1.0, "nan"]), T([1.0, "nan"]), {}),
    ("nan vs nan with equal_nan", T([1.0, "nan"]), T([1.0, "nan"]), {"equal_nan": True}),
    ("nan vs number", T([1.0, "nan"]), T([1.0, 2.0]), {}),
    ("inf vs inf", T(["inf", "-inf"]), T(["inf", "-inf"]), {}),
    ("inf vs -inf", T(["inf", 1.0]), T(["-inf", 1.0]), {}),
    ("custom tolerances pass", T([1.0, 2.0]), T([1.05, 2.0]), {"rtol": 0.1, "atol": 0.0}),
    ("custom tolerances fail", T([1.0, 2.0]), T([1.5, 2.0]), {"rtol": 0.1, "atol": 0.01}),
    ("rtol and atol zero says equal", T([1.0, 2.0]), T([1.0, 2.5]), {"rtol": 0.0, "atol": 0.0}),
    ("integer tensors compare exactly", T([1, 2, 3], "int64"), T([1, 2, 4], "int64"), {}),
    ("bool tensors", T([True, False], "bool"), T([True, True], "bool"), {}),
    ("shape mismatch", T([[1.0, 2.0], [3.0, 4.0]]), T([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), {}),
    ("shape mismatch 1-d vs 2-d", T([1.0, 2.0]), T([[1.0, 2.0]]), {}),
    ("dtype mismatch", T([1.0, 2.0]), T([1, 2], "int64"), {}),
    ("dtype mismatch ignored", T([1.0, 2.0]), T([1, 2], "int64"), {"check_dtype": False}),
    ("dtype mismatch ignored, values differ", T([1.0, 2.5]), T([1, 2], "int64"), {"check_dtype": False}),
    ("numbers equal", 1.5, 1.5, {}),
    ("numbers close", 1.0, 1.00000001, {}),
    ("numbers differ", 1.0, 1.5, {}),
    ("numbers differ, expected zero", 0.25, 0.0, {}),
    ("numbers with atol", 1.0, 1.5, {"rtol": 0.0, "atol": 1.0}),
    ("list of numbers", [1.0, 2.0], [1.0, 3.0], {}),
    ("nested lists of numbers", [[1.0], [2.0, 4.0]], [[1.0], [2.0, 5.0]], {}),
    ("list of tensors", [T([1.0]), T([2.0, 3.0])], [T([1.0]), T([2.0, 3.5])], {}),
    ("list length mismatch", [1.0, 2.0], [1.0, 2.0, 3.0], {}),
    ("tensor vs number", T(1.0), 1.0, {}),
    ("number vs tensor", 1.0, T(1.0), {}),
    ("tensor vs list", T([1.0, 2.0]), [1.0, 2.0], {}),
    ("msg replaces the message", T([1.0]), T([2.0]), {"msg": "conv2d output is wrong"}),
    ("rtol without atol", T([1.0]), T([1.0]), {"rtol": 0.1}),
    ("atol without rtol", T([1.0]), T([1.0]), {"atol": 0.1}),
    ("msg on a passing pair", T([1.0]), T([1.0]), {"msg": "unused"}),
]


def main():
    out = []
    for name, a, e, kw in CASES:
        try:
            torch.testing.assert_close(build(a), build(e), **kw)
            result = {"ok": True}
        except Exception as exc:  # the type and message are the reference
            result = {"ok": False, "type": type(exc).__name__, "message": str(exc)}
        out.append({"name": name, "actual": a, "expected": e, "options": kw, **result})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "testing_assert_close.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
