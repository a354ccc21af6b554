"""Reference values for torchvision.utils.make_grid / save_image (torchvision 0.14).

Run with Debian's interpreter, which has PyTorch 1.13 and torchvision 0.14:
    /usr/bin/python3 test/reference/gen_display.py
Writes test/reference/display_make_grid.json. Values are float32 written exactly (Python's repr of
each float32), so the TypeScript side can compare bit for bit.
"""
import io
import json
import os

import torch
from PIL import Image
from torchvision.utils import make_grid, save_image

torch.manual_seed(0)


def case(name, inp, **kwargs):
    """inp: a tensor or a list of tensors; kwargs: make_grid's keyword arguments."""
    out = make_grid(inp, **kwargs)
    buf = io.BytesIO()
    save_image(inp, buf, format="png", **kwargs)
    buf.seek(0)
    img = Image.open(buf)
    saved = torch.tensor(list(img.getdata()), dtype=torch.uint8)
    entry = {
        "name": name,
        "kwargs": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()},
        "output_shape": list(out.shape),
        "output": out.flatten().tolist(),
        "saved_mode": img.mode,
        "saved_size": list(img.size),
        "saved": saved.flatten().tolist(),
    }
    if isinstance(inp, list):
        entry["input_list"] = [{"shape": list(t.shape), "values": t.flatten().tolist()} for t in inp]
    else:
        entry["input"] = {"shape": list(inp.shape), "values": inp.flatten().tolist()}
    return entry


cases = [
    case("rgb batch=5 nrow=2", torch.rand(5, 3, 4, 5), nrow=2),
    case("gray batch=3 padding=1 pad_value=0.5", torch.rand(3, 1, 4, 4), padding=1, pad_value=0.5),
    case("batch=7 nrow=3 (last row partial)", torch.rand(7, 3, 2, 3), nrow=3),
    case("padding=0", torch.rand(4, 3, 3, 2), nrow=2, padding=0),
    case("normalize over the batch", torch.randn(4, 3, 3, 3) * 2, normalize=True),
    case("normalize value_range=(-1,1)", torch.randn(3, 3, 3, 4), normalize=True, value_range=(-1, 1)),
    case("normalize scale_each", torch.randn(3, 1, 3, 3) * 3 + 1, normalize=True, scale_each=True),
    case("normalize scale_each value_range=(0,0.5)", torch.rand(2, 3, 2, 2), normalize=True, scale_each=True, value_range=(0, 0.5)),
    case("normalize reversed value_range=(1,-1)", torch.randn(2, 3, 2, 2), normalize=True, value_range=(1, -1)),
    case("2-D images in a list stack to one multi-channel image", [torch.rand(3, 4) for _ in range(3)]),
    case("four-channel batch saved as RGBA", torch.rand(3, 4, 2, 2), nrow=2),
    case("constant image normalize", torch.full((2, 3, 2, 2), 0.25), normalize=True),
    case("single 3-D gray image [1,5,6]", torch.rand(1, 5, 6)),
    case("single 2-D image [4,4]", torch.rand(4, 4), padding=3),
    case("single 3-D rgb image [3,3,4]", torch.rand(3, 3, 4)),
    case("batch of one [1,3,3,3]", torch.rand(1, 3, 3, 3), padding=5),
    case("list of [1,3,3] images", [torch.rand(1, 3, 3) for _ in range(3)], nrow=2),
    case("out of range values saved clamped", torch.randn(2, 3, 3, 3) * 2, pad_value=1.5),
    case("rounding at .5 boundaries", torch.tensor([[[[0.0, 1 / 255, 0.5 / 255, 1.5 / 255], [127.5 / 255, 0.498, 0.502, 1.0]]]]).repeat(2, 3, 1, 1)),
]

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "display_make_grid.json")
with open(path, "w") as f:
    json.dump({"generator": "torchvision " + __import__("torchvision").__version__ + ", torch " + torch.__version__, "cases": cases}, f)
print(path, os.path.getsize(path), "bytes")
