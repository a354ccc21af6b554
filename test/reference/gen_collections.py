"""Python 3.11 references for test/collections.test.ts: what collections.OrderedDict /
collections.namedtuple and itertools.product give (their repr) or raise for the uses a PyTorch notebook
makes of them (deeplizard's RunBuilder: `namedtuple('Run', params.keys())`, `product(*params.values())`).
Each case is one Python expression; the test evaluates its TypeScript spelling under the same name with
src/collections.ts and src/itertools.ts. An entry is {"repr": repr(x)} or {"error": [type, message]}.
The `abc_*` cases ask `isinstance(v, collections.abc.X)` of the values a notebook holds (a list, tuple,
str, dict, OrderedDict, int, None, a tensor, a TensorDataset, a DataLoader, a generator, a
lambda, an nn.Linear): Deep Learning Wizard's `isinstance(train_loader, collections.abc.Iterable)`.
Run with Debian's /usr/bin/python3 from the repository root: writes test/reference/collections.json.
"""
import json
import os
from collections import OrderedDict, namedtuple
from collections import abc
from itertools import product

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
Run = namedtuple('Run', ['lr', 'batch_size'])
params = OrderedDict(lr=[.01, .001], batch_size=[1000, 10000])

_ds = torch.utils.data.TensorDataset(torch.zeros(4, 2))
_loader = torch.utils.data.DataLoader(_ds, batch_size=2)
VALUES = lambda: [[1, 2], (1, 2), "ab", {"a": 1}, OrderedDict(a=1), 3, None, torch.zeros(2), _ds, _loader,
                  (x for x in range(2)), lambda x: x, torch.nn.Linear(2, 2)]

CASES = {
    "odict_kwargs": lambda: params,
    "odict_pairs": lambda: OrderedDict([('flat', 1), ('hidden', 'x')]),
    "odict_empty": lambda: OrderedDict(),
    "odict_both": lambda: OrderedDict([('a', 1)], b=2),
    "odict_set": lambda: (lambda d: (d.__setitem__('run', 1), d.__setitem__('loss', 0.5), d)[-1])(OrderedDict()),
    "odict_bad_pair": lambda: OrderedDict([('a', 1, 2)]),
    "run": lambda: Run(0.01, 1000),
    "run_str": lambda: str(Run(0.01, 1000)),
    "run_fields": lambda: (Run(0.01, 1000).lr, Run(0.01, 1000).batch_size, Run(0.01, 1000)[1], len(Run(0.01, 1000))),
    "run_asdict": lambda: Run(0.01, 1000)._asdict(),
    "run_list": lambda: list(Run(0.01, 1000)),
    "run_string_fields": lambda: namedtuple('Point', 'x, y')(1, 2),
    "run_keys": lambda: namedtuple('Run', params.keys())(*next(product(*params.values()))),
    "run_missing": lambda: Run(0.01),
    "run_missing2": lambda: namedtuple('P', 'x y z')(1),
    "run_extra": lambda: Run(1, 2, 3),
    "bad_name": lambda: namedtuple('Run', ['1lr']),
    "underscore": lambda: namedtuple('Run', ['_lr']),
    "duplicate": lambda: namedtuple('Run', ['lr', 'lr']),
    "product": lambda: list(product([1, 2], ['a', 'b'])),
    "product_params": lambda: list(product(*params.values())),
    "product_repeat": lambda: list(product([0, 1], repeat=2)),
    "product_empty": lambda: list(product([1, 2], [])),
    "product_none": lambda: list(product()),
    **{f"abc_{k.lower()}": (lambda k=k: [isinstance(v, getattr(abc, k)) for v in VALUES()])
       for k in ["Iterable", "Iterator", "Sized", "Container", "Callable", "Mapping", "Sequence"]},
}


def main():
    out = {}
    for name, f in CASES.items():
        try:
            out[name] = {"repr": repr(f())}
        except Exception as e:  # noqa: BLE001 - the error is the reference
            out[name] = {"error": [type(e).__name__, str(e)]}
    with open(os.path.join(HERE, "collections.json"), "w") as fp:
        json.dump(out, fp, indent=1)
        fp.write("\n")


if __name__ == "__main__":
    main()
