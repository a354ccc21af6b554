"""PyTorch's parameter names, for the test that walks torchlab's exported API (test/api/kwargs.test.ts).

Run with Debian's interpreter, which has PyTorch 1.13 and torchvision 0.14:
    /usr/bin/python3 test/reference/gen_kwargs.py
Writes test/reference/api_kwargs.json:
  signatures: {namespace: {name: [[param, has_default], ...]}} for torch, torch.nn.functional,
    torchvision.transforms.functional (functions) and torchvision.transforms (constructors), the
    first parameter of functions left out (the input, which stays positional);
  values: torchvision's results for the keyword calls issue 11 quotes.
"""
import inspect
import json
import os
import re

import torch
import torch.nn.functional as NF
import torchvision.transforms as T
import torchvision.transforms.functional as TF
from torchvision.transforms import InterpolationMode

HERE = os.path.dirname(os.path.abspath(__file__))
# Not keyword arguments a torchlab user can pass: memory layout and tracing details of ATen.
IGNORED = {"out", "layout", "pin_memory", "memory_format", "names", "_stacklevel", "_random_samples", "resample", "fillcolor"}


def from_inspect(fn, skip_first):
    params = list(inspect.signature(fn).parameters.values())
    if skip_first:
        params = params[1:]
    return [[p.name, p.default is not inspect.Parameter.empty] for p in params
            if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name not in IGNORED]


def from_doc(fn, name):
    """ATen builtins have no signature object; their docstrings list each overload as `name(a, b, *, c=1) -> T`."""
    seen = {}
    for line in (fn.__doc__ or "").splitlines():
        m = re.match(r"^\s*(?:\.\. function:: )?" + re.escape(name) + r"\((.*?)\)\s*(->.*)?$", line.replace("\\", ""))
        if not m:
            continue
        for i, part in enumerate(p.strip() for p in m.group(1).split(",")):
            if not part or part in ("*", "/") or part.startswith("*"):
                continue
            pname = part.split("=")[0].split(":")[0].strip()
            if i == 0 or pname in IGNORED or not re.match(r"^\w+$", pname):
                continue
            seen[pname] = seen.get(pname, False) or "=" in part
    return [[k, v] for k, v in seen.items()] if seen else None


def signature(fn, name, skip_first=True):
    try:
        return from_inspect(fn, skip_first)
    except (TypeError, ValueError):
        return from_doc(fn, name)


def functions(module):
    out = {}
    for name in dir(module):
        fn = getattr(module, name)
        if name.startswith("_") or not callable(fn) or isinstance(fn, type):
            continue
        sig = signature(fn, name)
        if sig is not None:
            out[name] = sig
    return out


signatures = {
    "torch": functions(torch),
    "nn.functional": functions(NF),
    "transforms.functional": functions(TF),
    "transforms": {name: from_inspect(getattr(T, name).__init__, True) for name in dir(T)
                   if isinstance(getattr(T, name), type) and name[0].isupper() and hasattr(getattr(T, name), "__init__")},
}

img = (torch.arange(3 * 5 * 7, dtype=torch.float32).reshape(3, 5, 7) % 11) / 10
values = {
    "input": {"shape": list(img.shape), "data": img.flatten().tolist()},
    "rotate": TF.rotate(img, 30, interpolation=InterpolationMode.BILINEAR).flatten().tolist(),
    "resize": TF.resize(img, 6, antialias=False).flatten().tolist(),
    "pad": TF.pad(img, 2, padding_mode="reflect").flatten().tolist(),
}

with open(os.path.join(HERE, "api_kwargs.json"), "w") as f:
    json.dump({"signatures": signatures, "values": values}, f, separators=(",", ":"))
    f.write("\n")
