"""PyTorch 1.13 references for test/tensor/device.test.ts: what x.device is and how it prints and
compares. Run with Debian's /usr/bin/python3 from test/reference: writes device.json."""
import json
import os

import torch

x = torch.zeros(2)
y = torch.ones(3)
out = {
    "repr": repr(x.device), "str": str(x.device), "type": x.device.type, "index": x.device.index,
    "eq_device": x.device == torch.device("cpu"), "ne_other": x.device != y.device,
    "repr_cuda1": repr(torch.device("cuda:1")), "str_cuda1": str(torch.device("cuda:1")),
}
try:
    torch.device("tpu")
except RuntimeError as e:
    out["bad_error"] = str(e)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "device.json"), "w") as fh:
    json.dump(out, fh, indent=1)
