"""PyTorch 1.13's CPU random streams, for test/tensor/rng_pytorch.test.ts.

Run with the interpreter that has torch 1.13 and torchvision 0.14 (here /usr/bin/python3):
    /usr/bin/python3 test/reference/gen_rng.py
Writes test/reference/rng.json: {case name: {"shape": [...], "values": [...]}}. Floats keep 9
significant digits (float32 round-trips), ints are exact.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision import transforms as T

out = {}


def put(name, x):
    if isinstance(x, torch.Tensor):
        t = x.detach()
        shape = list(t.shape)
        flat = t.reshape(-1).tolist()
    else:
        flat = list(x) if isinstance(x, (list, tuple)) else [x]
        shape = [len(flat)]
    vals = [v if isinstance(v, int) or isinstance(v, bool) else float("%.9g" % v) for v in flat]
    out[name] = {"shape": shape, "values": [int(v) if isinstance(v, bool) else v for v in vals]}


SIZES = [1, 2, 3, 15, 16, 17, 33, 100]
SEEDS = [0, 1, 42, 2**40 + 7]

# A fresh torch.Generator() has the default seed 67280421310721. (PyTorch 1.13 seeds its default
# generator from /dev/urandom at start-up, so an unseeded process cannot be reproduced; torchlab's
# default generator starts from 67280421310721 instead.)
g0 = torch.Generator()
put("initial_seed", [g0.initial_seed()])
put("default/rand5", torch.rand(5, generator=g0))
put("default/randn20", torch.randn(20, generator=g0))
torch.manual_seed(67280421310721)
put("default/manual", torch.rand(3))

for s in SEEDS:
    for n in SIZES:
        torch.manual_seed(s)
        put(f"rand/{s}/{n}", torch.rand(n))
        torch.manual_seed(s)
        put(f"randn/{s}/{n}", torch.randn(n))
        torch.manual_seed(s)
        put(f"randint/{s}/{n}", torch.randint(-5, 17, (n,)))
        torch.manual_seed(s)
        put(f"randperm/{s}/{n}", torch.randperm(n))

torch.manual_seed(3)
put("randint/big", torch.randint(0, 2**33, (6,)))
torch.manual_seed(5)
put("rand/2d", torch.rand(4, 7))
torch.manual_seed(5)
put("randn/2d", torch.randn(3, 11))

# The cached second normal of normal_distribution<double>, across calls and across a rand.
torch.manual_seed(0)
a = torch.randn(3)
b = torch.randn(3)
c = torch.rand(2)
d = torch.randn(1)
put("interleaved", torch.cat([a, b, c, d]))
torch.manual_seed(0)
torch.randn(3)
torch.manual_seed(0)
put("interleaved/reseed_clears_cache", torch.randn(2))

torch.manual_seed(7)
put("normal_/mean_std/5", torch.empty(5).normal_(2.5, 0.3))
put("normal_/mean_std/40", torch.empty(40).normal_(-1.0, 4.0))
put("uniform_/-3_2/7", torch.empty(7).uniform_(-3, 2))
torch.manual_seed(7)
put("torch.normal/tensors", torch.normal(torch.arange(20.0), torch.full((20,), 0.5)))
put("torch.normal/floats", torch.normal(2.0, 3.0, (2, 3)))
torch.manual_seed(8)
put("bernoulli_/0.3", torch.empty(12).bernoulli_(0.3))
put("torch.bernoulli/tensor", torch.bernoulli(torch.linspace(0, 1, 12)))
put("exponential_", torch.empty(6).exponential_(2.0))
torch.manual_seed(9)
w = torch.tensor([0.1, 0.2, 0.3, 0.4, 0.0, 1.5])
put("multinomial/no_replacement", torch.multinomial(w, 4))
put("multinomial/replacement", torch.multinomial(w, 10, True))
put("multinomial/2d", torch.multinomial(torch.tensor([[1.0, 2.0, 3.0], [3.0, 0.5, 0.1]]), 2))
torch.manual_seed(10)
put("random_/int", torch.zeros(5, dtype=torch.int64).random_(0, 1000))

g = torch.Generator().manual_seed(123)
put("generator/rand", torch.rand(4, generator=g))
put("generator/randn", torch.randn(18, generator=g))
put("generator/randperm", torch.randperm(9, generator=g))

# Modules' reset_parameters after manual_seed.
torch.manual_seed(0)
lin = nn.Linear(5, 3)
put("Linear/weight", lin.weight)
put("Linear/bias", lin.bias)
torch.manual_seed(1)
conv = nn.Conv2d(2, 4, 3)
put("Conv2d/weight", conv.weight)
put("Conv2d/bias", conv.bias)
torch.manual_seed(2)
convt = nn.ConvTranspose2d(3, 2, 2, stride=2)
put("ConvTranspose2d/weight", convt.weight)
put("ConvTranspose2d/bias", convt.bias)
torch.manual_seed(3)
emb = nn.Embedding(6, 4, padding_idx=1)
put("Embedding/weight", emb.weight)
torch.manual_seed(4)
bil = nn.Bilinear(2, 3, 2)
put("Bilinear/weight", bil.weight)
put("Bilinear/bias", bil.bias)
torch.manual_seed(5)
bn = nn.BatchNorm2d(3)
put("BatchNorm2d/then_rand", torch.rand(3))
torch.manual_seed(6)
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
put("Sequential/0.weight", seq[0].weight)
put("Sequential/2.bias", seq[2].bias)
torch.manual_seed(7)
t = torch.empty(3, 5)
nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu")
put("init/kaiming_normal_", t)
nn.init.xavier_uniform_(t)
put("init/xavier_uniform_", t)
nn.init.xavier_normal_(t, gain=2.0)
put("init/xavier_normal_", t)
big = torch.empty(4, 6)
nn.init.kaiming_uniform_(big, a=0.1)
put("init/kaiming_uniform_", big)
nn.init.trunc_normal_(big, mean=0.5, std=1.0, a=-1.0, b=2.0)
put("init/trunc_normal_", big)

# Dropout in train mode.
torch.manual_seed(11)
x = torch.arange(1.0, 21.0).reshape(4, 5)
put("dropout/p0.3", F.dropout(x, 0.3))
put("Dropout/module", nn.Dropout(0.5)(x))
put("dropout2d", F.dropout2d(torch.ones(2, 3, 2, 2), 0.5))

# DataLoader shuffling, two epochs; random_split; samplers.
torch.manual_seed(12)
ds = torch.utils.data.TensorDataset(torch.arange(10))
loader = torch.utils.data.DataLoader(ds, batch_size=4, shuffle=True)
order = []
for epoch in range(2):
    for (xb,) in loader:
        order += xb.tolist()
put("DataLoader/two_epochs", order)
torch.manual_seed(13)
parts = torch.utils.data.random_split(range(10), [7, 3])
put("random_split", list(parts[0].indices) + list(parts[1].indices))
put("random_split/generator", torch.utils.data.random_split(range(8), [5, 3], generator=torch.Generator().manual_seed(42))[1].indices)
torch.manual_seed(14)
put("SubsetRandomSampler", list(torch.utils.data.SubsetRandomSampler([10, 20, 30, 40, 50])))
put("WeightedRandomSampler/replacement", list(torch.utils.data.WeightedRandomSampler([0.1, 0.9, 0.4, 0.6], 8)))
put("WeightedRandomSampler/no_replacement", list(torch.utils.data.WeightedRandomSampler([0.1, 0.9, 0.4, 0.6], 3, replacement=False)))
put("RandomSampler/replacement", list(torch.utils.data.RandomSampler(range(6), replacement=True, num_samples=9)))

# torchvision transforms' random draws.
img = torch.arange(3 * 8 * 8, dtype=torch.float32).reshape(3, 8, 8) / 192
torch.manual_seed(15)
put("RandomCrop/params", list(T.RandomCrop.get_params(img, (5, 4))))
put("RandomCrop/out", T.RandomCrop(4)(img))
put("RandomResizedCrop/params", list(T.RandomResizedCrop.get_params(img, [0.08, 1.0], [3 / 4, 4 / 3])))
put("RandomHorizontalFlip", torch.stack([T.RandomHorizontalFlip()(img)[0, 0] for _ in range(4)]))
put("RandomVerticalFlip", torch.stack([T.RandomVerticalFlip(0.3)(img)[0, :, 0] for _ in range(4)]))
put("RandomRotation/params", [T.RandomRotation.get_params([-30.0, 30.0])])
fn_idx, b, c, s, h = T.ColorJitter.get_params((0.5, 1.5), (0.8, 1.2), None, (-0.1, 0.1))
put("ColorJitter/params", fn_idx.tolist() + [b, c, h])
ang, tr, sc, sh = T.RandomAffine.get_params((-10.0, 10.0), (0.2, 0.1), (0.9, 1.1), (-5.0, 5.0, -3.0, 3.0), [8, 8])
put("RandomAffine/params", [ang, tr[0], tr[1], sc, sh[0], sh[1]])
i, j, hh, ww, v = T.RandomErasing.get_params(img, scale=(0.1, 0.3), ratio=(0.5, 2.0), value=None)
put("RandomErasing/params", [i, j, hh, ww])
put("RandomErasing/value", v)
put("RandomApply", torch.stack([T.RandomApply([T.RandomHorizontalFlip(1.0)], p=0.5)(img)[0, 0] for _ in range(3)]))
put("RandomGrayscale/then_rand", torch.rand(1))

# torchvision models' init.
torch.manual_seed(0)
m = torchvision.models.resnet18()
wt = m.conv1.weight
put("resnet18/conv1.weight[0,0]", wt[0, 0])
put("resnet18/conv1.weight/stats", [wt.sum().item(), wt.abs().sum().item()])
put("resnet18/fc.weight[0,:8]", m.fc.weight[0, :8])
put("resnet18/fc.bias[:5]", m.fc.bias[:5])
put("resnet18/layer4.1.conv2.weight[511,511]", m.layer4[1].conv2.weight[511, 511])
put("resnet18/then_rand", torch.rand(2))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rng.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(path, os.path.getsize(path), "bytes,", len(out), "cases")
