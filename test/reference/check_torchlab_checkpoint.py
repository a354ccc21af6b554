"""Reads a checkpoint written by torchlab's torch.save in Python, and checks it.

Usage:  /usr/bin/python3 test/reference/check_torchlab_checkpoint.py CHECKPOINT EXPECTED.json [--sequential]

The file is parsed with a small pure-Python safetensors reader (Debian has no python3-safetensors):
8-byte little-endian header length, JSON header, raw little-endian tensor bytes. The object is
rebuilt from __metadata__['torchlab.structure'] and compared with EXPECTED.json (the format
gen_checkpoints.py writes). With --sequential the state_dict is also loaded, strictly, into
torch.nn.Sequential(Linear(4, 3), BatchNorm1d(3)), as a user would. Prints OK or fails.
"""
import json
import math
import struct
import sys
import zlib

import torch

DTYPES = {"F32": (torch.float32, 4), "I32": (torch.int32, 4), "BOOL": (torch.bool, 1), "I64": (torch.int64, 8), "F64": (torch.float64, 8)}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n].decode("utf-8"))
    body = data[8 + n :]
    meta = header.pop("__metadata__", {})
    crcs = json.loads(meta.get("torchlab.crc32", "{}"))
    tensors = {}
    for name, e in header.items():
        dtype, size = DTYPES[e["dtype"]]
        b, end = e["data_offsets"]
        raw = body[b:end]
        assert len(raw) == size * math.prod(e["shape"]), name
        if name in crcs:
            assert zlib.crc32(raw) == crcs[name], f"crc mismatch for {name}"
        t = torch.frombuffer(bytearray(raw), dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        tensors[name] = t.reshape(e["shape"]).clone()
    return tensors, meta


def rebuild(node, tensors):
    if isinstance(node, list):
        return [rebuild(x, tensors) for x in node]
    if isinstance(node, dict):
        if "$tensor" in node:
            return tensors[node["$tensor"]]
        if "$float" in node:
            return float(node["$float"])
        return {k: rebuild(v, tensors) for k, v in node["$dict"]}
    return node


def compare(got, want, where="obj"):
    if isinstance(want, dict) and want.get("$tensor") is True:
        assert isinstance(got, torch.Tensor), f"{where}: expected a tensor, got {type(got)}"
        assert list(got.shape) == want["shape"], f"{where}: shape {list(got.shape)} != {want['shape']}"
        exp = torch.tensor(want["values"], dtype=torch.float64).reshape(want["shape"])
        if want["dtype"].startswith("int"):
            assert not got.dtype.is_floating_point, f"{where}: dtype {got.dtype} for {want['dtype']}"
        assert torch.allclose(got.double(), exp, rtol=1e-6, atol=1e-7), f"{where}: values differ"
    elif isinstance(want, dict):
        pairs = want["$dict"]
        assert isinstance(got, dict) and list(got.keys()) == [k for k, _ in pairs], f"{where}: keys {list(got)} != {[k for k, _ in pairs]}"
        for k, v in pairs:
            compare(got[k], v, f"{where}.{k}")
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), f"{where}: {got!r} != {want!r}"
        for i, (g, w) in enumerate(zip(got, want)):
            compare(g, w, f"{where}[{i}]")
    elif isinstance(want, float):
        assert abs(got - want) <= 1e-6 * max(1, abs(want)), f"{where}: {got} != {want}"
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"


def main():
    path, expected = sys.argv[1], sys.argv[2]
    tensors, meta = read_safetensors(path)
    obj = rebuild(json.loads(meta["torchlab.structure"]), tensors)
    with open(expected) as f:
        compare(obj, json.load(f))
    if "--sequential" in sys.argv:
        m = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.BatchNorm1d(3))
        m.load_state_dict(tensors, strict=True)
        assert m[1].num_batches_tracked.item() == obj["1.num_batches_tracked"].item()
    print("OK")


if __name__ == "__main__":
    main()
