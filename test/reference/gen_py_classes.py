"""Python's module and name of every class torchlab exports (src/py_classes.ts), and what `type(x)`
prints for a sample of objects (test/reference/py_classes.json, for test/api/py_classes.test.ts).

torchlab's classes live in TypeScript files whose layout is not PyTorch's, so `type(optimizer)` printed
`<class '__main__.SGD'>` where PyTorch prints `<class 'torch.optim.sgd.SGD'>`. This script asks the
built library (dist/) for the dotted path of each class it exports (`torch.optim.SGD`), resolves the
same path in PyTorch 1.13, torchvision 0.14 and NumPy 1.24, and writes each class's `__module__` and
`__name__` there. Paths PyTorch spells differently are in ALIASES; classes torchlab has and PyTorch does
not (or not under that path) are listed as such, so the test sees a class added without a rerun.

Run from the repository root after `npm run build`, with Debian's /usr/bin/python3:
    /usr/bin/python3 test/reference/gen_py_classes.py
"""
import enum
import importlib
import json
import os
import subprocess

import numpy
import torch
import torchvision

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# torchlab's name -> PyTorch's (a class named as PyTorch's factory function names it).
ALIASES = {
    "torch.Device": "torch.device",
    "torch.FInfo": "torch.finfo",
    "torch.IInfo": "torch.iinfo",
    "torch.autograd.FunctionCtx": "torch.autograd.function.FunctionCtx",
    "torch.nn.RemovableHandle": "torch.utils.hooks.RemovableHandle",
    "torch.nn._BatchNorm": "torch.nn.modules.batchnorm._BatchNorm",
    "torch.nn._ConvNd": "torch.nn.modules.conv._ConvNd",
    "torch.nn.utils.SpectralNorm": "torch.nn.utils.spectral_norm.SpectralNorm",
    "torch.nn.utils.WeightNorm": "torch.nn.utils.weight_norm.WeightNorm",
    "torch.optim.lr_scheduler.LRScheduler": "torch.optim.lr_scheduler._LRScheduler",
    "torch.profiler.Profile": "torch.profiler.profile",
    "torch.profiler.EventList": "torch.autograd.profiler_util.EventList",
    "torch.profiler.FunctionEvent": "torch.autograd.profiler_util.FunctionEvent",
    "torch.profiler.FunctionEventAvg": "torch.autograd.profiler_util.FunctionEventAvg",
    "torchvision.models.BasicBlock": "torchvision.models.resnet.BasicBlock",
    "torchvision.models.Bottleneck": "torchvision.models.resnet.Bottleneck",
    "torchvision.models.Conv2dNormActivation": "torchvision.ops.misc.Conv2dNormActivation",
    "torchvision.models.Fire": "torchvision.models.squeezenet.Fire",
    "torchvision.models.InvertedResidual": "torchvision.models.mobilenetv2.InvertedResidual",
    "torchvision.models._DenseBlock": "torchvision.models.densenet._DenseBlock",
    "torchvision.models._DenseLayer": "torchvision.models.densenet._DenseLayer",
    "torchvision.models._Transition": "torchvision.models.densenet._Transition",
    "torchvision.models.Weights": "torchvision.models._api.Weights",
    "torchvision.models.WeightsEnum": "torchvision.models._api.WeightsEnum",
    "torchvision.models.ImageClassification": "torchvision.transforms._presets.ImageClassification",
}
# torch.distributions.constraints' classes are private there (`_Real` for `constraints.Real`).
for name in ["BooleanConstraint:_Boolean", "Dependent", "GreaterThan", "GreaterThanEq", "IndependentConstraint", "IntegerGreaterThan",
             "IntegerInterval", "Interval", "LowerCholesky", "MultinomialConstraint:_Multinomial", "OneHot", "PositiveDefinite", "Real", "Simplex"]:
    ours, _, theirs = name.partition(":")
    ALIASES[f"torch.distributions.constraints.{ours}"] = f"torch.distributions.constraints.{theirs or '_' + ours}"

# Exceptions and warnings are Python's builtins (src/exceptions.ts prints them as Python does).
SKIP_SUFFIXES = ("Error", "Warning", "Exception", "StopIteration", "KeyboardInterrupt")

paths = json.loads(subprocess.run(["node", "-e", "console.log(JSON.stringify(require('./dist/src/py_classes_walk.js').libraryClassPaths()))"],
                                  cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def resolve(path):
    """The class at `path`: the longest importable module prefix, then attributes (a module may be
    shadowed by a function of its name: torch.nn.utils.spectral_norm)."""
    parts = path.split(".")
    for k in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:k]))
        except ImportError:
            continue
        for p in parts[k:]:
            obj = getattr(obj, p, None)
        return obj if isinstance(obj, (type, enum.EnumMeta)) else None
    return None


classes = {}
missing = []
for path in sorted(paths):
    if path.rsplit(".", 1)[-1].endswith(SKIP_SUFFIXES):
        continue
    cls = resolve(ALIASES.get(path, path))
    if cls is None:
        missing.append(path)
    else:
        classes[path] = f"{cls.__module__}.{cls.__name__}"

with open(os.path.join(ROOT, "src", "py_classes.ts"), "w") as f:
    f.write("/**\n * Python's module and name of each class torchlab exports, by the path a user names it with\n"
            " * (`torch.optim.SGD` is `torch.optim.sgd.SGD`): what `type(x)` prints. Written by\n"
            " * test/reference/gen_py_classes.py from PyTorch 1.13, torchvision 0.14 and NumPy 1.24; do not edit.\n"
            " * NOT_IN_PYTORCH: torchlab's classes without a PyTorch class at that path.\n */\n")
    f.write("export const PY_CLASSES: Readonly<Record<string, string>> = {\n")
    for k, v in classes.items():
        f.write(f"  {json.dumps(k)}: {json.dumps(v)},\n")
    f.write("};\n\nexport const NOT_IN_PYTORCH: readonly string[] = [\n")
    for k in missing:
        f.write(f"  {json.dumps(k)},\n")
    f.write("];\n")

# What type(x) prints for objects a tutorial makes (the test builds each under the same key).
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset
from torchvision import transforms

p = [torch.ones(1, requires_grad=True)]
sgd = optim.SGD(p, lr=0.1)
samples = {
    "tensor": torch.ones(1),
    "size": torch.ones(2).shape,
    "parameter": nn.Parameter(torch.ones(1)),
    "linear": nn.Linear(1, 1),
    "sequential": nn.Sequential(),
    "mse": nn.MSELoss(),
    "sgd": sgd,
    "adam": optim.Adam(p),
    "steplr": optim.lr_scheduler.StepLR(sgd, 1),
    "dataloader": DataLoader([1, 2]),
    "tensordataset": TensorDataset(torch.ones(2)),
    "generator": torch.Generator(),
    "device": torch.device("cpu"),
    "dtype": torch.float32,
    "to_tensor": transforms.ToTensor(),
    "compose": transforms.Compose([]),
    "normalize": transforms.Normalize([0.5], [0.5]),
    "normal": torch.distributions.Normal(0.0, 1.0),
    "fakedata": torchvision.datasets.FakeData(),
    "resnet18": torchvision.models.resnet18(),
    "ndarray": numpy.array([1]),
    "randomstate": numpy.random.RandomState(0),
}
out = {k: str(type(v)) for k, v in samples.items()}
out["__name__"] = {"device": torch.device.__name__, "sgd": type(sgd).__name__}
with open(os.path.join(ROOT, "test", "reference", "py_classes.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"{len(classes)} classes, {len(missing)} not in PyTorch")
