"""PyTorch 1.13 / torchvision 0.14 references for test/tensor/dtypes_small_int.test.ts: torch.uint8,
torch.int8 and torch.int16 as dtypes of their own (held in int32 storage, wrapped into their range).

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes int_small_dtypes.json and
int_small_dtypes.pt. Each case is a literal PyTorch expression whose torchlab port sits in the test
under the same name; the fixture holds the result's dtype, repr, type() and element_size(), or the
error it raises (class and first line of the message). Float -> uint8 / int8 / int16 casts of values
outside the target's range are undefined behaviour in C++; the values here are what PyTorch 1.13
prints on x86-64 (truncation toward zero, then two's complement wrapping), which torchlab follows.
"""
import json
import os
import warnings

import numpy as np
import torch
import torchvision
import torchvision.transforms.functional as TF
from PIL import Image

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))

u = torch.tensor([200, 100, 3], dtype=torch.uint8)
u2 = torch.tensor([201, 0, 4], dtype=torch.uint8)
c = torch.tensor([127, -128, 5], dtype=torch.int8)
s = torch.tensor([1, -2, 30000], dtype=torch.int16)
a = torch.tensor([1, 2, 3])
i = torch.tensor([1, 2, 3], dtype=torch.int32)
b = torch.tensor([True, False, True])
f = torch.tensor([0.25, 0.5, 0.75])
img = torch.tensor([[[0, 128, 255], [1, 2, 3]]], dtype=torch.uint8)
fimg = torch.tensor([[[0.0, 0.5, 1.0], [0.25, 0.75, 0.125]]])


def inplace_add_int64():
    x = u.clone()
    x.add_(torch.tensor([300, 300, 300]))
    return x


def inplace_mul_float():
    return u.clone().mul_(2.5)


def inplace_sub_scalar():
    x = u.clone()
    x -= 201
    return x


def fill_overflow():
    return u.clone().fill_(256)


def pil_gray():
    return TF.pil_to_tensor(Image.fromarray(np.array([[1, 2, 250], [3, 4, 5]], dtype=np.uint8)))


def pil_rgb():
    return TF.pil_to_tensor(Image.fromarray(np.arange(12, dtype=np.uint8).reshape(2, 2, 3) * 20))


def to_pil_round_trip():
    return TF.pil_to_tensor(TF.to_pil_image(img))


def png_round_trip():
    path = "/tmp/_int_small_dtypes.png"
    torchvision.io.write_png(img, path)
    return torchvision.io.read_image(path)


def grid():
    return torchvision.utils.make_grid(torch.stack([img, img]), nrow=2, padding=1)


RESULTS = {
    # creation
    "tensor uint8": lambda: torch.tensor([0, 127, 255], dtype=torch.uint8),
    "tensor uint8 from -1": lambda: torch.tensor([-1, 3], dtype=torch.uint8),
    "tensor uint8 300": lambda: torch.tensor([300], dtype=torch.uint8),
    "tensor uint8 255.7": lambda: torch.tensor([255.7], dtype=torch.uint8),
    "tensor int8 128": lambda: torch.tensor([128], dtype=torch.int8),
    "tensor int8 -129": lambda: torch.tensor([-129], dtype=torch.int8),
    "tensor int16 2-d": lambda: torch.tensor([[1, -2], [300, -32768]], dtype=torch.int16),
    "tensor int16 40000": lambda: torch.tensor([40000], dtype=torch.int16),
    "0-d uint8": lambda: torch.tensor(5, dtype=torch.uint8),
    "empty uint8": lambda: torch.zeros(0, dtype=torch.uint8),
    "zeros int8": lambda: torch.zeros(2, 3, dtype=torch.int8),
    "ones short": lambda: torch.ones(2, dtype=torch.short),
    "full uint8 -1": lambda: torch.full((2,), -1, dtype=torch.uint8),
    "full int8 128": lambda: torch.full((2,), 128, dtype=torch.int8),
    "full int16 40000": lambda: torch.full((2,), 40000, dtype=torch.int16),
    "arange uint8 250..260": lambda: torch.arange(250, 260, dtype=torch.uint8),
    "ByteTensor": lambda: torch.ByteTensor([1, 2]),
    "CharTensor": lambda: torch.CharTensor([-1]),
    "ShortTensor": lambda: torch.ShortTensor([7]),
    "uint8 requires_grad": lambda: torch.tensor([1, 2], dtype=torch.uint8, requires_grad=True),
    "zeros int16 requires_grad": lambda: torch.zeros(2, dtype=torch.int16, requires_grad=True),
    # conversion
    "float to uint8 out of range": lambda: torch.tensor([-1.5, 300.7, 255.9, -0.5, 1000.0]).to(torch.uint8),
    "float.char()": lambda: torch.tensor([-1.5, 300.7, 127.9, -129.0, 200.0]).char(),
    "float.short()": lambda: torch.tensor([-1.5, 70000.7, -40000.0]).short(),
    "float.byte() in range": lambda: (f * 255).byte(),
    "int64 to uint8": lambda: torch.tensor([300, -1, 256]).to(torch.uint8),
    "int64 to int8": lambda: torch.tensor([300, -1, 128]).to(torch.int8),
    "bool to uint8": lambda: b.to(torch.uint8),
    "uint8.float() / 255": lambda: u.float() / 255.0,
    "uint8.double()": lambda: u.double(),
    "uint8.long()": lambda: u.long(),
    "uint8.bool()": lambda: torch.tensor([0, 2, 255], dtype=torch.uint8).bool(),
    "int8.int()": lambda: c.int(),
    "float.type(ByteTensor)": lambda: f.mul(10).type(torch.ByteTensor),
    # arithmetic wraps
    "uint8 + 100": lambda: u + 100,
    "uint8 * 2": lambda: u * 2,
    "tensor([200], uint8) * 2": lambda: torch.tensor([200], dtype=torch.uint8) * 2,
    "uint8 - larger uint8": lambda: u - u2,
    "-uint8": lambda: -u,
    "uint8 + 300": lambda: u + 300,
    "uint8 - 2": lambda: torch.tensor([1], dtype=torch.uint8) - 2,
    "uint8 * uint8": lambda: u * u,
    "uint8 ** 2": lambda: u ** 2,
    "uint8 255 + 1": lambda: torch.tensor([255], dtype=torch.uint8) + 1,
    "int8 + 1": lambda: c + 1,
    "int8 * 3": lambda: c * 3,
    "-int8": lambda: -c,
    "int8.abs()": lambda: c.abs(),
    "int16 * 30000": lambda: s * 30000,
    "int16 + int16": lambda: s + s,
    # reductions
    "uint8.sum()": lambda: u.sum(),
    "uint8.sum(0) 2-d": lambda: torch.stack([u, u]).sum(0),
    "int8.sum()": lambda: c.sum(),
    "uint8.prod()": lambda: u.prod(),
    "uint8.cumsum(0)": lambda: u.cumsum(0),
    "uint8.mean()": lambda: u.mean(),
    "int8.mean()": lambda: c.mean(),
    "uint8.float().mean()": lambda: u.float().mean(),
    "uint8.max()": lambda: u.max(),
    "uint8.min()": lambda: u.min(),
    "uint8.argmax()": lambda: u.argmax(),
    "uint8.max(0) values": lambda: torch.stack([u, u2]).max(0).values,
    "uint8.max(0) indices": lambda: torch.stack([u, u2]).max(0).indices,
    "uint8.sort() values": lambda: u.sort().values,
    "uint8.clamp(50, 150)": lambda: u.clamp(50, 150),
    "int8.clamp(min=0)": lambda: c.clamp(min=0),
    # division, comparison
    "uint8 / 2": lambda: u / 2,
    "uint8 / uint8": lambda: u / torch.tensor([2, 3, 4], dtype=torch.uint8),
    "uint8 // 7": lambda: u // 7,
    "uint8 % 7": lambda: u % 7,
    "uint8 > 100": lambda: u > 100,
    "uint8 == uint8": lambda: u == u2,
    # promotion
    "uint8 + int8": lambda: u + c,
    "uint8 + int16": lambda: u + s,
    "uint8 + int32": lambda: u + i,
    "uint8 + int64": lambda: u + a,
    "int8 + int16": lambda: c + s,
    "int16 + int64": lambda: s + a,
    "uint8 + 1.5": lambda: u + 1.5,
    "uint8 + float32": lambda: u + f,
    "bool + uint8": lambda: b + u,
    "uint8 + 0-d int64": lambda: u + torch.tensor(1),
    "uint8 + 0-d float": lambda: u + torch.tensor(1.5),
    "0-d uint8 + int8": lambda: torch.tensor(200, dtype=torch.uint8) + c,
    "cat uint8 int8": lambda: torch.cat([u, c]),
    "stack uint8": lambda: torch.stack([u, u2]),
    "where uint8": lambda: torch.where(b, u, u2),
    # in place
    "uint8.add_(int64 300)": inplace_add_int64,
    "uint8.mul_(2.5)": inplace_mul_float,
    "uint8 -= 201": inplace_sub_scalar,
    "uint8.fill_(256)": fill_overflow,
    # indexing
    "index with a uint8 mask": lambda: f[torch.tensor([1, 0, 1], dtype=torch.uint8)],
    "uint8[1:]": lambda: u[1:],
    "uint8 index_select": lambda: u.index_select(0, torch.tensor([2, 0])),
    # torchvision
    "convert_image_dtype uint8 -> float32": lambda: TF.convert_image_dtype(img, torch.float32),
    "convert_image_dtype float32 -> uint8": lambda: TF.convert_image_dtype(fimg, torch.uint8),
    "convert_image_dtype uint8 -> int16": lambda: TF.convert_image_dtype(img, torch.int16),
    "convert_image_dtype int16 -> uint8": lambda: TF.convert_image_dtype(torch.tensor([[[32767, -1, 256]]], dtype=torch.int16), torch.uint8),
    "convert_image_dtype float32 -> int64": lambda: TF.convert_image_dtype(fimg, torch.int64),
    "pil_to_tensor gray": pil_gray,
    "pil_to_tensor rgb": pil_rgb,
    "to_pil_image round trip": to_pil_round_trip,
    "write_png / read_image": png_round_trip,
    "make_grid uint8": grid,
    "adjust_gamma uint8": lambda: TF.adjust_gamma(img, 0.5),
    "posterize uint8": lambda: TF.posterize(img, 2),
    "posterize int64": lambda: TF.posterize(img.long(), 2),
    "normalize uint8": lambda: TF.normalize(img, [0.5], [0.5]),
}


def run(fn):
    try:
        v = fn()
    except Exception as e:  # the case's expected error
        return {"error": type(e).__name__, "message": str(e).split("\n")[0]}
    return {"dtype": str(v.dtype), "repr": repr(v), "type": v.type(), "element_size": v.element_size()}


DTYPES = ["bool", "uint8", "int8", "int16", "int32", "int64", "float32", "float64"]
QUERIES = {
    "promote_types": {f"{x},{y}": str(torch.promote_types(getattr(torch, x), getattr(torch, y))) for x in DTYPES for y in DTYPES},
    "is_signed": {x: getattr(torch, x).is_signed for x in DTYPES},
    "element_size": {x: torch.tensor([], dtype=getattr(torch, x)).element_size() for x in DTYPES},
    "result_type(uint8, 1)": str(torch.result_type(u, 1)),
    "result_type(uint8, 0-d int8)": str(torch.result_type(u, torch.tensor(1, dtype=torch.int8))),
    "can_cast(uint8, int8)": torch.can_cast(torch.uint8, torch.int8),
    "can_cast(float32, uint8)": torch.can_cast(torch.float32, torch.uint8),
    "str(short)": str(torch.short),
    "uint8 tolist": u.tolist(),
    "uint8 item": torch.tensor(250, dtype=torch.uint8).item(),
}

# torch.save of narrow integer tensors (ByteStorage, CharStorage, ShortStorage): torchlab must load them.
torch.save({"u": u, "c": c, "s": s, "view": u[1:]}, os.path.join(HERE, "int_small_dtypes.pt"), _use_new_zipfile_serialization=True)

out = {"torch": torch.__version__, "results": {k: run(v) for k, v in RESULTS.items()}, "queries": QUERIES}
with open(os.path.join(HERE, "int_small_dtypes.json"), "w") as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
    fh.write("\n")
