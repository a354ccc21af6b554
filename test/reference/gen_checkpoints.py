"""PyTorch checkpoints for test/serialization, written by Debian's PyTorch 1.13.

Run:  /usr/bin/python3 test/reference/gen_checkpoints.py
Writes small .pt files and, next to each, a .json of the values they hold, under
test/reference/checkpoints/.  Tensors in the JSON are {"dtype", "shape", "values" (flat, row-major)}.
"""
import datetime
import json
import os
import zipfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "checkpoints")


def r(x):
    return float(f"{x:.9g}")


def enc(v):
    if isinstance(v, torch.Tensor):
        flat = v.detach().reshape(-1).tolist()
        if v.dtype.is_floating_point:
            flat = [r(x) for x in flat]
        return {"$tensor": True, "dtype": str(v.dtype).replace("torch.", ""), "shape": list(v.shape), "values": flat}
    if isinstance(v, dict):
        return {"$dict": [[str(k), enc(x)] for k, x in v.items()]}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, float):
        return r(v)
    return v


def write(name, obj, **kw):
    path = os.path.join(OUT, name + ".pt")
    torch.save(obj, path, **kw)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(enc(obj), f, indent=1)


def model():
    torch.manual_seed(0)
    m = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.BatchNorm1d(3))
    m.train()
    x = torch.randn(8, 4)
    m(x)
    m(x * 2 + 1)
    return m, x


def main():
    os.makedirs(OUT, exist_ok=True)
    m, x = model()
    # 1. a module state_dict (OrderedDict with _metadata), incl. BatchNorm running stats and the
    #    int64 num_batches_tracked
    write("sequential_state_dict", m.state_dict())
    # ... and what that model computes in eval mode, to check the weights work in a torchlab model
    m.eval()
    x_eval = torch.linspace(-2, 2, 8).reshape(2, 4)
    with open(os.path.join(OUT, "sequential_forward.json"), "w") as f:
        json.dump({"input": enc(x_eval), "output": enc(m(x_eval))}, f, indent=1)
    m.train()

    # 2. optimizer state_dicts after two steps (SGD momentum buffers; Adam's tensor `step`)
    for name, opt in [
        ("sgd_state_dict", torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)),
        ("adam_state_dict", torch.optim.Adam(m.parameters(), lr=1e-3, amsgrad=True)),
    ]:
        for _ in range(2):
            opt.zero_grad()
            m(x).pow(2).sum().backward()
            opt.step()
        write(name, opt.state_dict())

    # 3. strided and offset tensors sharing storages, other dtypes, plain values
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6) / 7
    obj = {
        "transposed": base.t(),
        "narrowed": base[:, 1:4],
        "offset": base[2:],
        "stepped": base[::2, ::3],
        "scalar": torch.tensor(3.5),
        "int64": torch.tensor([[1, -2, 3], [2**31 - 1, -(2**31), 0]]),
        "int8": torch.tensor([-5, 7], dtype=torch.int8),
        "uint8": torch.tensor([200, 7], dtype=torch.uint8),
        "bool": torch.tensor([True, False, True]),
        "float64": torch.tensor([0.1, 1e-30, -2.5], dtype=torch.float64),
        "float16": torch.tensor([0.5, -1.25, 65504.0], dtype=torch.float16),
        "empty": torch.zeros(0, 3),
        "nested": {"list": [1, 2.5, "text", None, True, False], "tuple": (torch.tensor([1.0, 2.0]), 7), 3: "int key"},
        "big": 2**40,
        "negative": -7,
    }
    write("tensors_and_values", obj)

    # 4. a parameter saved directly (torch._utils._rebuild_parameter)
    write("parameter", torch.nn.Parameter(torch.tensor([1.0, -1.0])))

    # 4b. the same state_dict re-zipped with deflate-compressed entries (PyTorch writes them stored)
    src = os.path.join(OUT, "sequential_state_dict.pt")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(os.path.join(OUT, "sequential_state_dict_deflated.pt"), "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))

    # 5. error cases: an int64 that does not fit int32, a non-allow-listed global, the legacy format
    write("int64_overflow", {"x": torch.tensor([2**40])})
    torch.save({"when": datetime.date(2020, 1, 2)}, os.path.join(OUT, "unsupported_global.pt"))
    torch.save({"x": torch.tensor([1.0])}, os.path.join(OUT, "legacy_format.pt"), _use_new_zipfile_serialization=False)
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
