"""PyTorch 1.13 references for test/nn/utils/prune.test.ts: torch.nn.utils.prune, following the
Pruning Tutorial (https://pytorch.org/tutorials/intermediate/pruning_tutorial.html) on its LeNet.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes prune.json.
torchlab's generator and layer initialisation draw PyTorch's numbers, so a seeded LeNet has the same
weights on both sides and random_unstructured / random_structured draw the same masks. Large masks
are kept as a signature (numel, zero count, sum and sum of squares of the zero positions).
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.prune as prune

from _common import enc, err

HERE = os.path.dirname(os.path.abspath(__file__))
out = {}


def sig(mask):
    z = (mask.reshape(-1) == 0).nonzero().reshape(-1).double()
    return [mask.numel(), int(z.numel()), float(z.sum()), float((z * z).sum())]


class LeNet(nn.Module):
    def __init__(self):
        super(LeNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, int(x.nelement() / x.shape[0]))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


names = lambda pairs: [n for n, _ in pairs]  # noqa: E731

# ---- the tutorial, section by section ---------------------------------------------------------------
torch.manual_seed(0)
model = LeNet()
module = model.conv1
t = {"conv1_weight": enc(module.weight), "conv1_bias": enc(module.bias), "fc3_weight_sum": float(model.fc3.weight.sum())}
t["params0"] = names(module.named_parameters())
prune.random_unstructured(module, name="weight", amount=0.3)
t["random"] = {"params": names(module.named_parameters()), "buffers": names(module.named_buffers()), "mask": enc(module.weight_mask), "weight": enc(module.weight), "hooks": len(module._forward_pre_hooks)}
prune.l1_unstructured(module, name="bias", amount=3)
t["l1_bias"] = {"params": names(module.named_parameters()), "buffers": names(module.named_buffers()), "mask": enc(module.bias_mask), "bias": enc(module.bias), "hooks": len(module._forward_pre_hooks)}
prune.ln_structured(module, name="weight", amount=0.5, n=2, dim=0)
hook = [h for h in module._forward_pre_hooks.values() if h._tensor_name == "weight"][0]
t["iterative"] = {"mask": enc(module.weight_mask), "weight": enc(module.weight), "history": [type(h).__name__ for h in hook], "container": type(hook).__name__}
t["state_dict_keys"] = list(model.state_dict().keys())
torch.manual_seed(1)
x = torch.rand(2, 1, 28, 28)
y = model(x)
y.sum().backward()
t["forward"] = {"x": enc(x), "y": enc(y), "grad_weight_orig": enc(module.weight_orig.grad), "grad_bias_orig": enc(module.bias_orig.grad)}
prune.remove(module, "weight")
t["removed"] = {"params": names(module.named_parameters()), "buffers": names(module.named_buffers()), "weight": enc(module.weight), "hooks": len(module._forward_pre_hooks), "is_pruned": prune.is_pruned(model)}
prune.remove(module, "bias")
t["is_pruned_after"] = prune.is_pruned(model)

new_model = LeNet()
for name, m in new_model.named_modules():
    if isinstance(m, torch.nn.Conv2d):
        prune.l1_unstructured(m, name="weight", amount=0.2)
    elif isinstance(m, torch.nn.Linear):
        prune.l1_unstructured(m, name="weight", amount=0.4)
t["multiple"] = {"buffers": list(dict(new_model.named_buffers()).keys()), "sigs": {n: sig(b) for n, b in new_model.named_buffers()}}

torch.manual_seed(2)
model = LeNet()
parameters_to_prune = ((model.conv1, "weight"), (model.conv2, "weight"), (model.fc1, "weight"), (model.fc2, "weight"), (model.fc3, "weight"))
prune.global_unstructured(parameters_to_prune, pruning_method=prune.L1Unstructured, amount=0.2)
t["global"] = {
    "sigs": {n: sig(b) for n, b in model.named_buffers()},
    "sparsity": {n: float(100.0 * float(torch.sum(getattr(model, n).weight == 0)) / float(getattr(model, n).weight.nelement())) for n in ["conv1", "conv2", "fc1", "fc2", "fc3"]},
    "hook": type(model.conv1._forward_pre_hooks[list(model.conv1._forward_pre_hooks)[0]]).__name__,
}


class FooBarPruningMethod(prune.BasePruningMethod):
    """Prune every other entry in a tensor"""
    PRUNING_TYPE = "unstructured"

    def compute_mask(self, t, default_mask):
        mask = default_mask.clone()
        mask.view(-1)[::2] = 0
        return mask


def foobar_unstructured(module, name):
    FooBarPruningMethod.apply(module, name)
    return module


model = LeNet()
foobar_unstructured(model.fc3, name="bias")
t["custom"] = {"bias_mask": enc(model.fc3.bias_mask)}
out["tutorial"] = t

# ---- the other methods ----------------------------------------------------------------------------
torch.manual_seed(3)
lin = nn.Linear(5, 4)
prune.random_structured(lin, "weight", amount=0.5, dim=0)
prune.random_structured(lin, "weight", amount=2, dim=1)
o = {"random_structured": {"weight0": None, "mask": enc(lin.weight_mask)}}
torch.manual_seed(3)
o["random_structured"]["weight0"] = enc(nn.Linear(5, 4).weight)

w = torch.tensor([[0.5, -1.0, 2.0, 0.1], [1.5, 0.2, -0.3, 0.7], [-2.0, 0.4, 0.9, -0.6]])
lin = nn.Linear(4, 3)
with torch.no_grad():
    lin.weight.copy_(w)
prune.ln_structured(lin, "weight", amount=1, n=1, dim=1)
prune.ln_structured(lin, "weight", amount=0.34, n=float("inf"), dim=0)
prune.l1_unstructured(lin, "weight", amount=0.5)
o["ln_iterative"] = {"w": enc(w), "mask": enc(lin.weight_mask), "history": [type(h).__name__ for h in list(lin._forward_pre_hooks.values())[0]]}

lin = nn.Linear(4, 3)
with torch.no_grad():
    lin.weight.copy_(w)
scores = torch.tensor([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]])
prune.l1_unstructured(lin, "weight", amount=5, importance_scores=scores)
prune.custom_from_mask(lin, "bias", mask=torch.tensor([0.0, 1.0, 1.0]))
prune.identity(lin, "bias")
o["scores"] = {"mask": enc(lin.weight_mask), "bias_mask": enc(lin.bias_mask), "bias": enc(lin.bias), "bias_hook": type(list(lin._forward_pre_hooks.values())[1]).__name__}
o["method_prune"] = enc(prune.L1Unstructured(amount=0.5).prune(w))
o["round_half_even"] = enc(prune.L1Unstructured(amount=0.5).compute_mask(torch.tensor([1.0, -2.0, 3.0, 0.5, -4.0]), torch.ones(5)))

lin = nn.Linear(4, 3)
with torch.no_grad():
    lin.weight.copy_(w)
a = nn.Linear(2, 2)
with torch.no_grad():
    a.weight.copy_(torch.tensor([[0.05, 3.0], [-0.25, 1.0]]))
prune.l1_unstructured(lin, "weight", amount=2)
prune.global_unstructured([(lin, "weight"), (a, "weight")], pruning_method=prune.L1Unstructured, amount=4)
o["global_after_local"] = {"lin": enc(lin.weight_mask), "a": enc(a.weight_mask), "history": [type(h).__name__ for h in list(lin._forward_pre_hooks.values())[0]]}

lin = nn.Linear(3, 2)
o["errors"] = {
    "amount_negative": err(lambda: prune.l1_unstructured(nn.Linear(3, 2), "weight", amount=-0.5)),
    "amount_negative_int": err(lambda: prune.l1_unstructured(nn.Linear(3, 2), "weight", amount=-2)),
    "amount_big_float": err(lambda: prune.l1_unstructured(nn.Linear(3, 2), "weight", amount=1.5)),
    "amount_str": err(lambda: prune.l1_unstructured(nn.Linear(3, 2), "weight", amount="a")),
    "amount_too_many": err(lambda: prune.l1_unstructured(nn.Linear(3, 2), "weight", amount=7)),
    "structured_1d": err(lambda: prune.ln_structured(nn.Linear(3, 2), "bias", amount=1, n=2, dim=0)),
    "structured_dim": err(lambda: prune.random_structured(nn.Linear(3, 2), "weight", amount=1, dim=2)),
    "remove_unpruned": err(lambda: prune.remove(nn.Linear(3, 2), "weight")),
    "global_not_unstructured": err(lambda: prune.global_unstructured([(nn.Linear(3, 2), "weight")], pruning_method=prune.RandomStructured, amount=1)),
    "global_scores_type": err(lambda: prune.global_unstructured([(nn.Linear(3, 2), "weight")], pruning_method=prune.L1Unstructured, importance_scores=[1], amount=1)),
}
# A failed pruning leaves the module as it was.
m = nn.Linear(3, 2)
err(lambda: prune.l1_unstructured(m, "weight", amount=7))
o["after_failure"] = {"params": names(m.named_parameters()), "buffers": names(m.named_buffers())}
out["methods"] = o

with open(os.path.join(HERE, "prune.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
