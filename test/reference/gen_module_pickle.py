"""Whole-module checkpoints made by PyTorch, for test/serialization/module_pickle.test.ts.

Run:  /usr/bin/python3 test/reference/gen_module_pickle.py      (Debian's torch 1.13, torchvision 0.14)

Writes under test/reference/checkpoints/:
  module_attrs.json     PyTorch's __dict__ of each torch.nn layer torchlab has (the CASES below): key order
                        and the constructor's attributes with their Python types, to compare with what
                        torchlab's torch.save writes for the same layer
  module_cnn.pt/.json   torch.save(model) of a small CNN (torch.nn classes only), trained two steps, in
                        eval mode; the .json has an input and PyTorch's output
  module_net.pt/.json   torch.save(net) of a user class __main__.Net (ModuleList, ModuleDict, a parameter
                        and buffers of its own, a non-persistent buffer, a shared sub-module, plain attributes)
  module_tv_blocks.pt/.json
                        torchvision's own building blocks (BasicBlock, Bottleneck, Fire, InvertedResidual,
                        Conv2dNormActivation) in a Sequential, pickled under torchvision's class names
Every file is a few kB.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "checkpoints")

BASE_KEYS = set(vars(nn.Module()).keys())

# name -> layer; test/serialization/module_pickle.test.ts builds the same layers by the same names.
CASES = {
    "Linear": lambda: nn.Linear(3, 2),
    "Linear_nobias": lambda: nn.Linear(3, 2, bias=False),
    "Bilinear": lambda: nn.Bilinear(2, 3, 4),
    "Identity": lambda: nn.Identity(),
    "ReLU": lambda: nn.ReLU(),
    "ReLU_inplace": lambda: nn.ReLU(inplace=True),
    "ReLU6": lambda: nn.ReLU6(),
    "Hardtanh": lambda: nn.Hardtanh(-2.5, 3.5),
    "LeakyReLU": lambda: nn.LeakyReLU(0.2),
    "ELU": lambda: nn.ELU(0.5),
    "Sigmoid": lambda: nn.Sigmoid(),
    "Tanh": lambda: nn.Tanh(),
    "LogSigmoid": lambda: nn.LogSigmoid(),
    "GELU": lambda: nn.GELU(approximate="tanh"),
    "SiLU": lambda: nn.SiLU(),
    "Softplus": lambda: nn.Softplus(2, 10),
    "Softmax": lambda: nn.Softmax(dim=1),
    "LogSoftmax": lambda: nn.LogSoftmax(dim=-1),
    "Softmin": lambda: nn.Softmin(0),
    "Dropout": lambda: nn.Dropout(0.3),
    "Dropout1d": lambda: nn.Dropout1d(),
    "Dropout2d": lambda: nn.Dropout2d(0.1),
    "Flatten": lambda: nn.Flatten(),
    "Flatten_dims": lambda: nn.Flatten(0, 2),
    "Unflatten": lambda: nn.Unflatten(1, (2, 3)),
    "Embedding": lambda: nn.Embedding(5, 3, padding_idx=1),
    "LayerNorm": lambda: nn.LayerNorm((4, 5), eps=1e-3, elementwise_affine=False),
    "CrossEntropyLoss": lambda: nn.CrossEntropyLoss(ignore_index=3, label_smoothing=0.1),
    "NLLLoss": lambda: nn.NLLLoss(reduction="sum"),
    "MSELoss": lambda: nn.MSELoss(),
    "L1Loss": lambda: nn.L1Loss(reduction="none"),
    "SmoothL1Loss": lambda: nn.SmoothL1Loss(beta=0.5),
    "HuberLoss": lambda: nn.HuberLoss(delta=2.0),
    "BCELoss": lambda: nn.BCELoss(),
    "BCEWithLogitsLoss": lambda: nn.BCEWithLogitsLoss(),
    "KLDivLoss": lambda: nn.KLDivLoss(reduction="batchmean", log_target=True),
    "Conv2d": lambda: nn.Conv2d(2, 4, 3, stride=2, padding=1, groups=2, bias=False, padding_mode="reflect"),
    "Conv2d_same": lambda: nn.Conv2d(1, 2, (3, 5), padding="same", dilation=2),
    "Conv2d_valid": lambda: nn.Conv2d(1, 2, 3, padding="valid"),
    "ConvTranspose2d": lambda: nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1),
    "MaxPool2d": lambda: nn.MaxPool2d(2),
    "MaxPool2d_args": lambda: nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True),
    "AvgPool2d": lambda: nn.AvgPool2d((2, 3), stride=1, count_include_pad=False),
    "AdaptiveAvgPool2d": lambda: nn.AdaptiveAvgPool2d((2, 3)),
    "AdaptiveAvgPool2d_int": lambda: nn.AdaptiveAvgPool2d(1),
    "AdaptiveMaxPool2d": lambda: nn.AdaptiveMaxPool2d(2),
    "BatchNorm1d": lambda: nn.BatchNorm1d(3, momentum=None),
    "BatchNorm2d": lambda: nn.BatchNorm2d(4),
    "BatchNorm2d_nostats": lambda: nn.BatchNorm2d(4, eps=1e-3, affine=False, track_running_stats=False),
    "Upsample": lambda: nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False),
    "Upsample_size": lambda: nn.Upsample(size=(4, 5)),
    "UpsamplingNearest2d": lambda: nn.UpsamplingNearest2d(scale_factor=2),
    "UpsamplingBilinear2d": lambda: nn.UpsamplingBilinear2d(size=6),
    "ConstantPad2d": lambda: nn.ConstantPad2d((1, 2, 3, 4), 0.5),
    "ZeroPad2d": lambda: nn.ZeroPad2d(2),
    "ReflectionPad2d": lambda: nn.ReflectionPad2d(1),
    "ReplicationPad2d": lambda: nn.ReplicationPad2d((1, 0, 1, 0)),
    "Sequential": lambda: nn.Sequential(nn.ReLU(), nn.Tanh()),
    "ModuleList": lambda: nn.ModuleList([nn.ReLU()]),
    "ModuleDict": lambda: nn.ModuleDict({"act": nn.ReLU()}),
    "PixelShuffle": lambda: nn.PixelShuffle(3),
    "PixelUnshuffle": lambda: nn.PixelUnshuffle(2),
    "LSTM": lambda: nn.LSTM(3, 4, 2, dropout=0.25),
    "LSTM_proj": lambda: nn.LSTM(3, 4, proj_size=2, batch_first=True),
    "GRU_bi": lambda: nn.GRU(3, 4, bidirectional=True, bias=False),
    "LSTMCell": lambda: nn.LSTMCell(3, 4),
    "GRUCell_nobias": lambda: nn.GRUCell(3, 4, bias=False),
    "RNNCell_relu": lambda: nn.RNNCell(3, 4, nonlinearity="relu"),
}


def py(v):
    """A value with its Python type, as the test encodes what torchlab pickles."""
    if v is None:
        return None
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": v}
    if isinstance(v, float):
        return {"float": v if math.isfinite(v) else str(v)}
    if isinstance(v, str):
        return {"str": v}
    if isinstance(v, tuple):
        return {"tuple": [py(x) for x in v]}
    if isinstance(v, list):
        return {"list": [py(x) for x in v]}
    if isinstance(v, torch.Tensor):  # the recurrent layers' _flat_weights: their own parameters
        return "<tensor>"
    raise TypeError(f"unexpected attribute value {v!r}")


def attrs():
    out = {}
    for name, make in CASES.items():
        m = make()
        d = vars(m)
        out[name] = {
            "class": f"{type(m).__module__}.{type(m).__name__}",
            "keys": list(d.keys()),
            "parameters": list(m._parameters.keys()),
            "buffers": list(m._buffers.keys()),
            "modules": list(m._modules.keys()),
            "attrs": [[k, py(v)] for k, v in d.items() if k not in BASE_KEYS],
        }
    return out


def r(x):
    return float(f"{x:.9g}")


def tensor(t):
    return {"shape": list(t.shape), "values": [r(v) for v in t.detach().reshape(-1).tolist()]}


def save(name, model, x):
    model.eval()
    with torch.no_grad():
        y = model(x)
    torch.save(model, os.path.join(OUT, name + ".pt"))
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"input": tensor(x), "output": tensor(y), "repr": repr(model)}, f)


def warm_up(model, x):
    """Two training steps, so that BatchNorm's running statistics and the weights are not their initial values."""
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    model.train()
    for _ in range(2):
        opt.zero_grad()
        model(x).pow(2).mean().backward()
        opt.step()


def cnn():
    torch.manual_seed(0)
    m = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True), nn.MaxPool2d(2),
        nn.Conv2d(4, 6, 3, padding="same", bias=False), nn.BatchNorm2d(6), nn.LeakyReLU(0.1), nn.AvgPool2d(2),
        nn.Dropout(0.25), nn.AdaptiveAvgPool2d((2, 2)), nn.Flatten(), nn.Linear(24, 5), nn.Softmax(dim=1),
    )
    x = torch.randn(3, 1, 8, 8)
    warm_up(m, x)
    return m, (torch.linspace(-2, 2, 2 * 64).reshape(2, 1, 8, 8))


class Net(nn.Module):
    """Mirrored by the class Net of module_pickle.test.ts (same attribute names, same forward)."""

    def __init__(self, num_classes=3):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True), nn.MaxPool2d(2))
        self.blocks = nn.ModuleList([nn.Conv2d(4, 4, 3, padding=1, bias=False), nn.Conv2d(4, 4, 1)])
        self.heads = nn.ModuleDict({"main": nn.Linear(4 * 2 * 2, num_classes)})
        self.scale = nn.Parameter(torch.tensor(1.5))
        self.register_buffer("offset", torch.linspace(-1, 1, num_classes))
        self.register_buffer("cache", torch.ones(1), persistent=False)
        self.num_classes = num_classes
        self.pool_size = (2, 2)
        self.tag = "net"
        self.extra = None
        self.act = nn.ReLU()
        self.act2 = self.act

    def forward(self, x):
        x = self.features(x)
        for b in self.blocks:
            x = self.act2(b(x)) + x
        x = F.adaptive_avg_pool2d(x, self.pool_size).flatten(1)
        return self.heads["main"](x) * self.scale + self.offset + self.cache


def net():
    torch.manual_seed(1)
    m = Net()
    warm_up(m, torch.randn(4, 1, 8, 8))
    return m, torch.linspace(-1, 1, 2 * 64).reshape(2, 1, 8, 8)


def tv_blocks():
    from torchvision.models.mobilenetv2 import InvertedResidual
    from torchvision.models.resnet import BasicBlock, Bottleneck
    from torchvision.models.squeezenet import Fire
    from torchvision.ops.misc import Conv2dNormActivation

    torch.manual_seed(2)
    down = nn.Sequential(nn.Conv2d(4, 8, 1, stride=2, bias=False), nn.BatchNorm2d(8))
    m = nn.Sequential(
        Conv2dNormActivation(3, 4, kernel_size=3, activation_layer=nn.ReLU6),
        BasicBlock(4, 4),
        BasicBlock(4, 8, stride=2, downsample=down),
        Bottleneck(8, 2, downsample=nn.Sequential(nn.Conv2d(8, 8, 1, bias=False), nn.BatchNorm2d(8))),
        Fire(8, 2, 4, 4),
        InvertedResidual(8, 8, 1, 2),
    )
    warm_up(m, torch.randn(2, 3, 8, 8))
    return m, torch.linspace(-1, 1, 2 * 3 * 8 * 8).reshape(2, 3, 8, 8)


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "module_attrs.json"), "w") as f:
        json.dump(attrs(), f, indent=1)
    save("module_cnn", *cnn())
    save("module_net", *net())
    save("module_tv_blocks", *tv_blocks())


if __name__ == "__main__":
    main()
