"""Reference text for Python tuples and int keys in what PyTorch 1.13 prints: dataset samples
(TensorDataset, Subset, random_split, ConcatDataset return tuples), DataLoader batches of them
(default_collate gives a list), and optimizer.state_dict() (state keyed by int parameter index).

Run with Debian's PyTorch:  /usr/bin/python3 test/reference/gen_tuples.py
Writes test/reference/tuples.json: each case's print() text (Python's str of the value), and
test/reference/adam_state_tuples.pt: the Adam state_dict printed there, as torch.save writes it.
"""
import json
import os

import torch
from torch.utils.data import ConcatDataset, DataLoader, Subset, TensorDataset, random_split

HERE = os.path.dirname(os.path.abspath(__file__))

x = torch.arange(12.0).reshape(6, 2)
y = torch.arange(6)
ds = TensorDataset(x, y)
first, second = random_split(ds, [4, 2], generator=torch.Generator().manual_seed(0))

out = {
    "ds[0]": str(ds[0]),
    "ds[-1]": str(ds[-1]),
    "ds[0:2]": str(ds[0:2]),
    "Subset(ds, [3, 1])[0]": str(Subset(ds, [3, 1])[0]),
    "ConcatDataset([ds, ds])[7]": str(ConcatDataset([ds, ds])[7]),
    "split_len": [len(first), len(second)],
    "next(iter(DataLoader(ds, batch_size=3)))": str(next(iter(DataLoader(ds, batch_size=3)))),
    "list(DataLoader(ds, batch_size=None))[1]": str(list(DataLoader(ds, batch_size=None))[1]),
}
out["type(first[0])"] = type(first[0]).__name__

a = torch.tensor([1.0, -2.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)
sgd = torch.optim.SGD([a, b], lr=0.5, momentum=0.5)
((a * a).sum() + (b * b).sum()).backward()
sgd.step()
out["SGD.state_dict()"] = str(sgd.state_dict())
out["SGD.state_dict()['state'].keys()"] = str(sgd.state_dict()["state"].keys())
adam = torch.optim.Adam([{"params": [a]}, {"params": [b], "lr": 0.25}], lr=0.5)
adam.step()
out["Adam.state_dict()"] = str(adam.state_dict())
torch.save(adam.state_dict(), os.path.join(HERE, "adam_state_tuples.pt"))
out["Adam.state_dict()['param_groups'][1]['params']"] = str(adam.state_dict()["param_groups"][1]["params"])

with open(os.path.join(HERE, "tuples.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
