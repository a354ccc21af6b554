"""Helpers shared by the PyTorch fixture generators (gen_core.py, gen_nn.py, gen_vision_nn.py).

The JSON encoding of a tensor (test/tensor/fixtures.ts reads it back): shape, PyTorch's dtype name
(float32, int64, int32, bool) and flat values; nan and infinities as strings, whole numbers
as ints, other floats to 7 significant digits (float32 holds ~7).
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

DT = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.int32: "int32", torch.bool: "bool"}


def r4(x):
    """Inputs are rounded to 4 decimals so that both sides parse the exact same float32 values."""
    return [round(float(v), 4) for v in x]


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == int(v) and abs(v) < 2**53:
        return int(v)
    return float("%.7g" % v)


def enc(t):
    t = t.detach()
    vals = t.reshape(-1).tolist()
    vals = [bool(v) for v in vals] if t.dtype == torch.bool else [num(v) for v in vals]
    return {"shape": list(t.shape), "dtype": DT[t.dtype], "values": vals}


class ResBlock(nn.Module):
    """The tutorial's residual block: conv-bn-relu-conv-bn plus a 1x1 conv + bn shortcut when channels
    change (with super().__init__(), which the tutorial's text omits). Each generator subclasses it
    under the name its fixtures print."""

    def __init__(self, ch_in, ch_out):
        super().__init__()
        self.conv1 = nn.Conv2d(ch_in, ch_out, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(ch_out)
        self.conv2 = nn.Conv2d(ch_out, ch_out, kernel_size=3, stride=1, padding=1)
        self.bn2 = nn.BatchNorm2d(ch_out)
        self.extra = nn.Sequential()
        if ch_out != ch_in:
            self.extra = nn.Sequential(nn.Conv2d(ch_in, ch_out, kernel_size=1, stride=1), nn.BatchNorm2d(ch_out))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.extra(x) + out


def err(f):
    """[class name, first line of the message] of what f() raises; an AssertionError when it raises nothing."""
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the class name is the reference
        return [type(e).__name__, str(e).split("\n")[0]]
    raise AssertionError("no error")


def err_full(f):
    """As err(), with the whole message."""
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the class name is the reference
        return [type(e).__name__, str(e)]
    raise AssertionError("no error")


def err_dict(f):
    """{"type": class name, "message": message} of what f() raises, or None."""
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the type and message are the reference
        return {"type": type(e).__name__, "message": str(e)}
    return None
