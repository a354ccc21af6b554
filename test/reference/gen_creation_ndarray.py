"""Fixture for test/tensor/creation_ndarray.test.ts: torch.tensor / torch.Tensor of a list holding NumPy
arrays (sentdex part 6's `torch.Tensor([i[0] for i in training_data])`), on PyTorch 1.13: the dtype
PyTorch infers, the shape and the values, or the error it raises.
Run: /usr/bin/python3 test/reference/gen_creation_ndarray.py"""
import os
import sys
import warnings

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import err, write_json  # noqa: E402

u8 = np.array([[1, 2, 3], [250, 0, 7]], dtype=np.uint8)
u8b = np.array([[4, 5, 6], [9, 8, 255]], dtype=np.uint8)
f64 = np.array([0.5, 1.0])
f32 = np.array([0.25, -2.0], dtype=np.float32)
i64 = np.array([3, 4])
b = np.array([True, False])

CASES = {
    "tensor_uint8_arrays": lambda: torch.tensor([u8, u8b]),
    "Tensor_uint8_arrays": lambda: torch.Tensor([u8, u8b]),
    "tensor_float64_arrays": lambda: torch.tensor([f64, f64]),
    "tensor_float32_array": lambda: torch.tensor([f32]),
    "tensor_uint8_and_float64": lambda: torch.tensor([u8[0, :2], f64]),
    "tensor_int64_array_and_list": lambda: torch.tensor([i64, [5, 6]]),
    "tensor_uint8_array_and_float": lambda: torch.tensor([[1.5, 2.5], u8[0, :2]]),
    "tensor_uint8_array_and_int": lambda: torch.tensor([[1, 2], u8[0, :2]]),
    "tensor_bool_arrays": lambda: torch.tensor([b, b]),
    "tensor_nested_arrays": lambda: torch.tensor([[f32, f32], [f32, f32]]),
    "tensor_arrays_dtype": lambda: torch.tensor([u8, u8b], dtype=torch.float32),
}
ERRORS = {
    "ragged_arrays": lambda: torch.tensor([u8[0], u8[0, :2]]),
    "array_for_number": lambda: torch.tensor([1, f32]),
    "array_above_list": lambda: torch.tensor([[[1, 2], [3, 4]], f32]),
}


def main():
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, f in CASES.items():
            t = f()
            out[name] = {"dtype": str(t.dtype), "shape": list(t.shape), "values": t.flatten().tolist()}
        for name, f in ERRORS.items():
            out[name] = {"error": err(f)}
    write_json(out, "creation_ndarray.json")


if __name__ == "__main__":
    main()
