"""Three small fidelity cases in PyTorch 1.13 / torchvision 0.14 (test/fidelity/scalar_bounds.test.ts):
integer scalar bounds of clamp on int8 / uint8 / int16 tensors (an overflow error past the type's range,
negatives wrapping on uint8) next to + and * with out-of-range scalars (which wrap);
torch.tensor of a NumPy float64 array (float64; Float64Array is torchlab's counterpart); and
torchvision.io.encode_png / write_png refusing a non-uint8 image.

Writes test/reference/scalar_bounds.json.
"""
import json
import os

import numpy as np
import torch
from torchvision.io import encode_png, write_png


def run(f):
    try:
        t = f()
    except Exception as e:  # noqa: BLE001 - the class and text are the fixture
        return {"error": [type(e).__name__, str(e)]}
    return {"repr": repr(t)}


i8 = lambda: torch.tensor([1, -100, 100], dtype=torch.int8)  # noqa: E731
u8 = lambda: torch.tensor([1, 200], dtype=torch.uint8)  # noqa: E731
i16 = lambda: torch.tensor([1, -300], dtype=torch.int16)  # noqa: E731
cases = {
    "i8.clamp(-200, 300)": lambda: i8().clamp(-200, 300),
    "i8.clamp(-100, 200)": lambda: i8().clamp(-100, 200),
    "i8.clamp(-128, 127)": lambda: i8().clamp(-128, 127),
    "i8.clamp(-50, 50)": lambda: i8().clamp(-50, 50),
    "i8.clamp({min: -200})": lambda: i8().clamp(min=-200),
    "i8.clamp({max: 300})": lambda: i8().clamp(max=300),
    "i8.clamp(-1.5, 2.5)": lambda: i8().clamp(-1.5, 2.5),
    "u8.clamp(-5, 300)": lambda: u8().clamp(-5, 300),
    "u8.clamp({min: -5})": lambda: u8().clamp(min=-5),
    "u8.clamp({max: -1})": lambda: u8().clamp(max=-1),
    "u8.clamp({min: 300})": lambda: u8().clamp(min=300),
    "u8.clamp({min: -256})": lambda: u8().clamp(min=-256),
    "i16.clamp(-40000, 5)": lambda: i16().clamp(-40000, 5),
    "i16.clamp(-200, 5)": lambda: i16().clamp(-200, 5),
    "i8.add(300)": lambda: i8().add(300),
    "u8.add(300)": lambda: u8().add(300),
    "i8.mul(3)": lambda: i8().mul(3),
}
out = {"cases": {k: run(f) for k, f in cases.items()}}
out["float64_array"] = repr(torch.tensor(np.array([1.5, 2.0, -0.25], dtype=np.float64)))
out["float64_array_dtype"] = str(torch.tensor(np.array([1.5], dtype=np.float64)).dtype)
out["encode_png"] = {
    "float32": run(lambda: encode_png(torch.zeros(3, 4, 4)))["error"],
    "int64": run(lambda: encode_png(torch.zeros(3, 4, 4, dtype=torch.int64)))["error"],
    "write_png_float32": run(lambda: write_png(torch.zeros(1, 4, 4), "/tmp/_gen_scalar_bounds.png"))["error"],
}
with open(os.path.join(os.path.dirname(__file__), "scalar_bounds.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
