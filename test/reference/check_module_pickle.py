"""Loads whole modules that torchlab's torch.save wrote and reports what Python makes of them.

Run by test/serialization/module_pickle.test.ts (skipped where /usr/bin/python3 has no torch):
    /usr/bin/python3 test/reference/check_module_pickle.py CASES.json
    /usr/bin/python3 test/reference/check_module_pickle.py --make ARCH OUT.pth INPUT.json [ARCH OUT.pth INPUT.json ...]
The second form writes torch.save(torchvision.models.ARCH()) (seeded random weights, eval mode;
a VGG's classifier narrowed, see narrow_vgg_classifier)
and prints its output for the input, for the other direction: one JSON line per ARCH (one Python
for all of them: importing torch and torchvision costs seconds of CPU per process).
CASES.json: [{"file": "model.pth", "input": {"shape": [...], "values": [...]}}, ...]. Prints one JSON
object per case: the output of model(input) in the mode the file holds, the model's repr, each
sub-module's class and __dict__ keys, its training flag, the state_dict keys, and whether a
backward pass and an SGD step run. Classes of the test's own (__main__.Net) come from
gen_module_pickle.py, as a notebook's classes would be defined in its __main__.
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_module_pickle import Net  # noqa: E402,F401  (pickle looks classes up as __main__.Net)


def report(case):
    model = torch.load(case["file"])
    x = torch.tensor(case["input"]["values"], dtype=torch.float32).reshape(case["input"]["shape"])
    with torch.no_grad():
        y = model(x)
    modules = [
        {"name": n, "class": f"{type(m).__module__}.{type(m).__name__}", "keys": list(vars(m).keys()), "training": m.training}
        for n, m in model.named_modules()
    ]
    params = [p for p in model.parameters() if p.requires_grad]
    trained = False
    if params:
        before = [p.detach().clone() for p in params]
        opt = torch.optim.SGD(params, lr=0.1)
        model(x).pow(2).mean().backward()
        opt.step()
        trained = any(not torch.equal(a, p.detach()) for a, p in zip(before, params))
    return {
        "output": {"shape": list(y.shape), "values": y.reshape(-1).tolist()},
        "repr": repr(model),
        "modules": modules,
        "state_dict": list(model.state_dict().keys()),
        "trained": trained,
    }


def narrow_vgg_classifier(model):
    """VGG's classifier with 64-wide hidden layers instead of 4096 (CI time): the two 4096-wide Linear
    layers are ~120M of vgg11's ~133M parameters, a ~530 MB file each way through both libraries, and
    what the whole-module test checks (classes, module tree, __dict__ keys, state_dict keys, outputs)
    does not depend on their width. Same classes in the same places, with nn.Linear's own initialisation:
    outputs up to ~0.19 for the test's input where VGG's N(0, 0.01) would give ~0.002, against the
    comparison's 1e-4 (the full-width vgg11's were ~0.09)."""
    for i, (n_in, n_out) in {0: (512 * 7 * 7, 64), 3: (64, 64), 6: (64, model.classifier[6].out_features)}.items():
        model.classifier[i] = torch.nn.Linear(n_in, n_out)


def make(arch, out, input_path):
    import torchvision

    torch.manual_seed(0)
    model = getattr(torchvision.models, arch)()
    if arch.startswith("vgg"):
        narrow_vgg_classifier(model)
    model.eval()
    torch.save(model, out)
    with open(input_path) as f:
        inp = json.load(f)
    x = torch.tensor(inp["values"], dtype=torch.float32).reshape(inp["shape"])
    with torch.no_grad():
        y = model(x)
    print(json.dumps({"shape": list(y.shape), "values": y.reshape(-1).tolist()}))


def main(argv):
    if argv[0] == "--make":
        for i in range(1, len(argv), 3):
            make(*argv[i:i + 3])
        return
    with open(argv[0]) as f:
        cases = json.load(f)
    print(json.dumps([report(c) for c in cases]))


if __name__ == "__main__":
    main(sys.argv[1:])
