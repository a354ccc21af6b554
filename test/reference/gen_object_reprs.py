"""Fixture for test/utils/object_reprs.test.ts: how PyTorch 1.13 prints the objects it prints by identity
(DataLoader, Dataset, Sampler, LR scheduler): repr() / print() and IPython's pretty printer (a cell's
value in Jupyter). The address differs per run and per object; it is written as 0xADDR."""
import json
import os
import re

import torch
from IPython.lib.pretty import pretty
from torch.utils.data import (BatchSampler, ConcatDataset, DataLoader, Dataset, RandomSampler, SequentialSampler,
                              Subset, SubsetRandomSampler, TensorDataset, WeightedRandomSampler)


class MyData(Dataset):
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return i


class Described(Dataset):
    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i

    def __repr__(self):
        return "Described(n=1)"


ds = TensorDataset(torch.arange(4), torch.arange(4))
net = torch.nn.Linear(2, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
objects = {
    "TensorDataset": ds,
    "Subset": Subset(ds, [0, 1]),
    "ConcatDataset": ConcatDataset([ds, ds]),
    "MyData": MyData(),
    "Described": Described(),
    "DataLoader": DataLoader(ds, batch_size=2),
    "SequentialSampler": SequentialSampler(ds),
    "RandomSampler": RandomSampler(ds),
    "SubsetRandomSampler": SubsetRandomSampler([0, 1]),
    "BatchSampler": BatchSampler(SequentialSampler(ds), 2, False),
    "WeightedRandomSampler": WeightedRandomSampler([0.5, 0.5], 2),
    "StepLR": torch.optim.lr_scheduler.StepLR(opt, 2),
    "ExponentialLR": torch.optim.lr_scheduler.ExponentialLR(opt, 0.9),
    "ReduceLROnPlateau": torch.optim.lr_scheduler.ReduceLROnPlateau(opt),
}
mask = lambda s: re.sub(r"0x[0-9a-f]+", "0xADDR", s)
out = {name: {"repr": mask(repr(o)), "str": mask(str(o)), "ipython": mask(pretty(o))} for name, o in objects.items()}
out["list"] = {"ipython": mask(pretty([objects["DataLoader"], objects["StepLR"]]))}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "object_reprs.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
