"""Reference outputs of torchvision 0.14's classification models, for test/torchvision/models.test.ts.

Usage:  /usr/bin/python3 test/reference/gen_models.py

Full state_dicts are far too big to commit (resnet50 ~100 MB, vgg16 ~530 MB), and torchlab's random
stream differs from PyTorch's. So every parameter and buffer is set by a formula both sides compute
exactly (an integer hash of the element index and the key's position, see `formula`), the input too,
and only the keys (with shapes and dtypes, in PyTorch's order) and the eval-mode outputs are stored:
test/reference/models/models.json. The smallest architecture's state_dict is also saved by PyTorch
itself (test/reference/models/squeezenet1_1_formula.pth, ~2.9 MB) so the test loads a real .pth
that PyTorch wrote.
"""
import copy
import json
import math
import os

import numpy as np
import torch
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "models")
M32 = 0xFFFFFFFF

# name, builder kwargs, input shape
CASES = [
    ("resnet18", {"num_classes": 10}, [2, 3, 32, 32]),
    ("resnet34", {"num_classes": 10}, [1, 3, 32, 32]),
    ("resnet50", {"num_classes": 10}, [1, 3, 32, 32]),
    ("vgg11", {"num_classes": 10}, [1, 3, 32, 32]),
    ("vgg11_bn", {"num_classes": 10}, [1, 3, 32, 32]),
    ("vgg16", {"num_classes": 10}, [1, 3, 32, 32]),
    ("vgg16_bn", {"num_classes": 10}, [1, 3, 32, 32]),
    ("alexnet", {"num_classes": 10}, [2, 3, 64, 64]),
    ("mobilenet_v2", {"num_classes": 10}, [2, 3, 32, 32]),
    ("mobilenet_v2", {"num_classes": 10, "width_mult": 0.5}, [1, 3, 32, 32]),
    ("squeezenet1_0", {"num_classes": 10}, [1, 3, 64, 64]),
    ("squeezenet1_1", {"num_classes": 10}, [2, 3, 64, 64]),
]


def hash_uniform(n, k):
    """n values in [-1, 1): a 32-bit integer hash of (element index, k); exact in any language."""
    i = np.arange(n, dtype=np.uint64)
    h = (i * np.uint64(0x9E3779B1) + np.uint64((k * 0x85EBCA77) & M32) + np.uint64(0x165667B1)) & np.uint64(M32)
    h ^= h >> np.uint64(15)
    h = (h * np.uint64(0x2C1B3C6D)) & np.uint64(M32)
    h ^= h >> np.uint64(12)
    h = (h * np.uint64(0x297A2D39)) & np.uint64(M32)
    h ^= h >> np.uint64(15)
    return h.astype(np.float64) / 4294967296.0 * 2.0 - 1.0


def formula(name, shape, k, dtype):
    """The value of state_dict entry number k (PyTorch's order), by the kind of entry."""
    n = int(np.prod(shape)) if len(shape) else 1
    if dtype == torch.int64:
        return torch.full(shape, 3, dtype=torch.int64)
    u = hash_uniform(n, k)
    if name.endswith("running_var"):
        v = 1.0 + 0.5 * u
    elif name.endswith("running_mean") or name.endswith("bias"):
        v = 0.1 * u
    elif len(shape) >= 2:
        fan_in = int(np.prod(shape[1:]))
        v = u * math.sqrt(6.0 / fan_in)
    else:  # a norm layer's weight
        v = 1.0 + 0.2 * u
    return torch.from_numpy(v.astype(np.float32)).reshape(shape)


def formula_input(shape, k):
    return torch.from_numpy(hash_uniform(int(np.prod(shape)), k).astype(np.float32)).reshape(shape)


# Inputs tried per gradient case. The float32 forward passes here drift by a few 1e-6 from float64 (on
# either side); the best of 20 keeps every decision 7.8e-6 (squeezenet1_1) to 7.8e-5 away.
GRAD_CANDIDATES = 20


def decision_margin(model, x):
    """The smallest distance, in a float64 run of `model` on x, from a ReLU/ReLU6 input to its kinks
    or from a max-pool window's maximum to a different runner-up (exact ties of zeros are exact in
    float32 too)."""
    m64 = copy.deepcopy(model).double()
    found = []

    def on_act(mod, inp):
        v = inp[0].detach()
        found.append(v.abs().min().item())
        if isinstance(mod, torch.nn.ReLU6):
            found.append((v - 6).abs().min().item())

    def on_pool(mod, inp):
        v = inp[0].detach()
        pair = lambda a: (a, a) if isinstance(a, int) else tuple(a)
        k, s, p = pair(mod.kernel_size), pair(mod.stride), pair(mod.padding)
        extra = (s[1] - 1, s[0] - 1) if mod.ceil_mode else (0, 0)
        padded = torch.nn.functional.pad(v, (p[1], p[1] + extra[0], p[0], p[0] + extra[1]), value=-math.inf)
        win = torch.nn.functional.unfold(padded, k, stride=s)
        win = win.reshape(v.shape[0], v.shape[1], k[0] * k[1], -1)
        top2 = win.topk(2, dim=2).values
        gap = top2[:, :, 0] - top2[:, :, 1]
        tied_nonzero = (gap == 0) & (top2[:, :, 0] != 0)
        found.append(0.0 if tied_nonzero.any() else gap[(gap > 0) & gap.isfinite()].min().item())

    for mod in m64.modules():
        if isinstance(mod, (torch.nn.ReLU, torch.nn.ReLU6)):
            mod.register_forward_pre_hook(on_act)
        elif isinstance(mod, torch.nn.MaxPool2d):
            mod.register_forward_pre_hook(on_pool)
    with torch.no_grad():
        m64(x.double())
    return min(found)


def formula_state_dict(model):
    sd = model.state_dict()
    return {key: formula(key, list(t.shape), k, t.dtype) for k, (key, t) in enumerate(sd.items())}


def case_id(name, kwargs):
    extra = "".join(f"_{k}{v}" for k, v in kwargs.items() if k != "num_classes")
    return name + extra


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(2)
    cases = {}
    for name, kwargs, shape in CASES:
        model = getattr(torchvision.models, name)(**kwargs).eval()
        sd = formula_state_dict(model)
        model.load_state_dict(sd, strict=True)
        x = formula_input(shape, 999_999)
        with torch.no_grad():
            y = model(x)
        cid = case_id(name, kwargs)
        grads = None
        grad_k = None
        if cid in ("resnet18", "mobilenet_v2_width_mult0.5", "squeezenet1_1"):
            # Gradients in eval mode (no dropout draw) of sum(y * c), c from the formula: per
            # parameter, the sum and the sum of absolute values; and the input's.
            # A gradient flips wherever float32 rounding puts a ReLU input or a max-pool runner-up on
            # the other side of its threshold: with the shared input, resnet18's layer3.0.bn1 has one
            # element at -2.25e-6 (float64) that each float32 implementation computes to within ~3e-6,
            # PyTorch as -2.4e-6 and torchlab as +7.3e-7; that one element moved every gradient below
            # it by up to 0.2%. So the gradient input is, among a few candidates, the one whose decisions
            # stay farthest from float32 noise (see `decision_margin`), and the comparison stays tight.
            grad_k = max(range(999_999, 999_999 + GRAD_CANDIDATES), key=lambda k: decision_margin(model, formula_input(shape, k)))
            print(cid, "gradient input key", grad_k, "margin %.2g" % decision_margin(model, formula_input(shape, grad_k)))
            xg = formula_input(shape, grad_k).requires_grad_(True)
            y2 = model(xg)
            c = torch.from_numpy(hash_uniform(y2.numel(), 777).astype(np.float32)).reshape(y2.shape)
            (y2 * c).sum().backward()
            grads = {k: [p.grad.sum().item(), p.grad.abs().sum().item()] for k, p in model.named_parameters()}
            grads["input"] = [xg.grad.sum().item(), xg.grad.abs().sum().item()]
        cases[cid] = {
            "grads": grads,
            "grad_input_k": grad_k,
            "builder": name,
            "kwargs": kwargs,
            "class": type(model).__name__,
            "input_shape": shape,
            "keys": [[k, list(t.shape), str(t.dtype).replace("torch.", "")] for k, t in model.state_dict().items()],
            "num_params": sum(p.numel() for p in model.parameters()),
            "output": [round(float(v), 7) for v in y.flatten().tolist()],
            "output_shape": list(y.shape),
        }
        print(cid, tuple(y.shape), "max |y| = %.4g" % y.abs().max().item(), "params", cases[cid]["num_params"])
        if cid == "squeezenet1_1":
            torch.save(model.state_dict(), os.path.join(OUT, "squeezenet1_1_formula.pth"))
    # weights.transforms(): torchvision's ImageClassification preset, on a uint8 and a float image.
    from torchvision.transforms._presets import ImageClassification

    img = torch.from_numpy(((hash_uniform(3 * 30 * 40, 424_242) + 1) * 127.5).astype(np.uint8)).reshape(3, 30, 40)
    preset = ImageClassification(crop_size=16, resize_size=20)
    presets = {
        "image_shape": [3, 30, 40],
        "image": img.flatten().tolist(),
        "uint8_output": [round(v, 6) for v in preset(img).flatten().tolist()],
        "float_output": [round(v, 6) for v in preset(img.float() / 255).flatten().tolist()],
        "output_shape": list(preset(img).shape),
        "repr": repr(torchvision.models.ResNet50_Weights.DEFAULT.transforms()),
        "weights_repr": repr(torchvision.models.ResNet50_Weights.DEFAULT),
    }
    from torchvision.models.mobilenetv2 import InvertedResidual
    from torchvision.models.resnet import BasicBlock, Bottleneck
    from torchvision.models.squeezenet import Fire
    from torchvision.ops.misc import Conv2dNormActivation

    reprs = {
        "Fire(64, 16, 64, 64)": repr(Fire(64, 16, 64, 64)),
        "Conv2dNormActivation(3, 32, stride=2, activation_layer=ReLU6)": repr(Conv2dNormActivation(3, 32, stride=2, activation_layer=torch.nn.ReLU6)),
        "BasicBlock(64, 64)": repr(BasicBlock(64, 64)),
        "Bottleneck(256, 64)": repr(Bottleneck(256, 64)),
        "InvertedResidual(16, 24, 2, 6)": repr(InvertedResidual(16, 24, 2, 6)),
    }
    with open(os.path.join(OUT, "models.json"), "w") as f:
        json.dump({"torch": torch.__version__, "torchvision": torchvision.__version__, "input_k": 999_999, "cases": cases, "presets": presets, "reprs": reprs}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
