"""Reference for test/nn/data_parallel.test.ts and test/tensor/devices.test.ts, in PyTorch 1.13 on a
machine without CUDA: nn.DataParallel's CPU-only behaviour (forward is the module's, `module.`
prefixed state_dict keys, device_ids [], the repr), and what creation functions do with a device
they cannot allocate on.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_parallel_devices.py
Writes test/reference/parallel_devices.json.
"""
import torch
import torch.nn as nn

from _common import enc
from _tutorial_common import det, det_init_, err, write_json

assert not torch.cuda.is_available()
OUT = {}


class DataParallelModel(nn.Module):
    """former_torchies/parallelism_tutorial.py's model: block2 wrapped in DataParallel."""

    def __init__(self):
        super().__init__()
        self.block1 = nn.Linear(10, 20)
        self.block2 = nn.Linear(20, 20)
        self.block2 = nn.DataParallel(self.block2)
        self.block3 = nn.Linear(20, 20)

    def forward(self, x):
        x = self.block1(x)
        x = self.block2(x)
        x = self.block3(x)
        return x


model = DataParallelModel()
det_init_(model)
x = det([3, 10], 0.5)
out = model(x)
out.sum().backward()
wrapped = nn.DataParallel(model)
OUT["data_parallel"] = {
    "repr": repr(model),
    "wrapped_repr": repr(wrapped),
    "keys": list(model.state_dict().keys()),
    "wrapped_keys": list(wrapped.state_dict().keys()),
    "module_keys": list(wrapped.module.state_dict().keys()),
    "device_ids": model.block2.device_ids,
    "has_output_device": hasattr(model.block2, "output_device"),
    "output": enc(out),
    "block2_weight_grad": enc(model.block2.module.weight.grad),
    "same_output": bool(torch.equal(wrapped(x), out)),
    "module_is": wrapped.module is model,
}
OUT["devices"] = {
    "meta_tensor": str(torch.rand(2, 3, device="meta").device),
    "unknown": err(lambda: torch.zeros(2, device="foo")),
    "cuda": err(lambda: torch.zeros(2, device="cuda")),
    "linear_cuda": err(lambda: nn.Linear(2, 2, device="cuda")),
    "to_options_unknown": err(lambda: torch.zeros(2).to(device="foo")),
}
print(write_json(OUT, "parallel_devices.json", newline=True))
