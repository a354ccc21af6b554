"""The case recorder shared by gen_docs_examples.py and _docs_examples_nn.py (see gen_docs_examples.py
for the format of test/reference/docs_examples.json)."""
import math
import os
import re
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import lr_scheduler

from _common import num

HERE = os.path.dirname(os.path.abspath(__file__))
DT = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.int32: "int32", torch.int8: "int8", torch.int16: "int16", torch.uint8: "uint8", torch.bool: "bool"}
CASES = []
warnings.simplefilter("ignore")  # torch.range's deprecation, the docs still show it


def enc(v):
    if isinstance(v, torch.Tensor):
        t = v.detach()
        vals = t.reshape(-1).tolist()
        vals = [bool(x) for x in vals] if t.dtype == torch.bool else [num(x) for x in vals]
        return {"shape": list(t.shape), "dtype": DT[t.dtype], "values": vals}
    if isinstance(v, (tuple, list, torch.Size)):
        return {"seq": [enc(x) for x in v]}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, (int, float)):
        return {"num": num(v)}
    raise TypeError(type(v))


def to_ts(py):
    """The torchlab spelling of an expression that only differs from Python in its literals."""
    return re.sub(r"\b(True|False|None)\b", lambda m: {"True": "true", "False": "false", "None": "null"}[m.group(1)], py)


def C(name, py, ts=None, keys=None, tol=None):
    """keys: for a snippet that raises, words that torchlab's message must contain too."""
    env = {"torch": torch, "nn": nn, "F": F, "lr_scheduler": lr_scheduler, "math": math}
    case = {"name": name, "py": py, "ts": to_ts(py) if ts is None else ts}
    try:
        if "\n" in py or py.startswith("out ="):
            exec(py, env)
            out = env["out"]
        else:
            out = eval(py, env)
    except Exception as e:  # noqa: BLE001 - the error is the reference
        if keys is None:
            raise
        cls = type(e).__name__
        # PyTorch checks some arguments with a bare `assert`; torchlab raises ValueError for those.
        case["error"] = {"error": "ValueError" if cls == "AssertionError" else cls, "pytorch_error": cls,
                         "message": str(e).split("\n")[0], "keys": keys}
    else:
        assert keys is None, name + " was expected to raise"
        case["out"] = enc(out)
    if tol is not None:
        case["tol"] = tol
    CASES.append(case)
