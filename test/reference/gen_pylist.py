"""PyTorch 1.13 references for test/display/pylist.test.ts: how Python prints a list of tensors,
Sizes, dtypes, devices, numbers and strings (a cell's value and print()). Each entry is the repr of
the list the notebook cell of the same name builds (JS arrays are lists, so named_parameters pairs
are written as lists here; a state_dict is an OrderedDict). The `cell_*` entries are how Jupyter shows the same lists as a cell's value (IPython.lib.pretty:
one item a line past 79 columns or when an item's repr spans lines). Run with Debian's /usr/bin/python3 from test/reference: writes pylist.json.
"""
import contextlib
import io
import json
import os
import re

import torch
import torch.nn as nn
from IPython.lib.pretty import pretty

torch.manual_seed(0)
x = torch.zeros(2, 3)
y = torch.ones(3)
net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
out = {
    "shapes": repr([x.shape, y.size()]),
    "parameters": repr(list(net.parameters())),
    "named": repr([[n, p.shape] for n, p in net.named_parameters()]),
    "mixed": repr([1, 2.5, "a", True, None, [torch.float32, torch.int64], x.device, "it's"]),
    "tensors": repr([torch.arange(3), torch.tensor([[1.5, 2.0], [3.0, 4.0]])]),
}
w = torch.tensor([1.2193, 1.3157, 1.0211, 1.0093, 0.9741, 1.2203], requires_grad=True)
cell = {
    "shapes": [x.shape, y.size()],
    "parameters": list(net.parameters()),
    "named": [[n, p.shape] for n, p in net.named_parameters()],
    "mixed": [1, 2.5, "a", True, None, [torch.float32, torch.int64], x.device, "it's"],
    "tensors": [torch.arange(3), torch.tensor([[1.5, 2.0], [3.0, 4.0]])],
    "four": [torch.ones(3)] * 4,
    "grad_fns": [w.view(-1), w * 2],
    "ints": list(range(30)),
    "nested": [[i, i * 10, "abcdefgh"] for i in range(5)] + [[list(range(12)), [1.5, 2.5]]],
    "width79": ["a" * 35, "b" * 36],
    "width80": ["a" * 36, "b" * 37],
    "tuple": (torch.ones(2, 2), torch.zeros(2)),
    "tuple1": (torch.ones(2, 2),),
    # OrderedDicts: a state_dict (tensors of rank 2 break the pairs), a small one, and an empty one.
    "state_dict": net.state_dict(),
    "state_dict_small": nn.Linear(1, 1).state_dict(),
    "empty_dict": nn.ReLU()._parameters,
    # Bare values: a bool as Python spells it, alone or nested; sets of small ints ascending.
    "true": True,
    "false": False,
    "nested_bools": [[True, False], [False]],
    "set_ints": {3, 1, 2},
    "set_empty": set(),
    "list_of_sets": [{2, 1}, set()],
    # Sets of strings sorted (IPython's _sorted_for_pprint), a set and a dict past 79 columns a line
    # an item (CS224n's vocabulary and word_to_ix), a short dict on one line, dicts nested.
    "set_words": {"we", "always", "come", "to", "paris", "the", "professor", "is", "from", "australia", "<unk>"},
    "set_short": {"b", "a"},
    "dict_words": {w: i for i, w in enumerate(["<pad>", "<unk>", "always", "ankara", "australia", "capital", "come", "comes", "from"])},
    "dict_short": {"a": 1, "b": [1.5, None]},
    "dict_config": {"n_epochs": 30, "optim_hparas": {"lr": 0.001, "momentum": 0.9}, "save_path": "models/model.pth", "early_stop": 200},
    "dict_empty": {},
}
# Dicts (a plain object or a Map in TypeScript), sets, strings and Python's iterator objects as a cell's
# value (IPython's pretty printer; addresses masked as 0xADDR); the test builds the same values.
mask = lambda text: re.sub(r"0x[0-9a-f]+", "0xADDR", text)
cell.update(
    {
        "dict": {"a": 1, "b": [1, 2]},
        "dict_nested": {"a": [1, 2], "b": {"c": True}, "n": None},
        "dict_long": {"k" * 30: list(range(20)), "b": "x" * 40},
        "dict_tensors": {"w": torch.ones(2, 2), "b": torch.zeros(2)},
        "dict_int_keys": {1: "a", 2: "b", 0: "."},
        "dict_empty": {},
        "list_of_dicts": [{"a": 1}, {"b": [1.5, None]}],
        "set_strings": {"b", "c", "a"},
        "set_mixed_ints": {10, 2, 33},
        "str_plain": "abc",
        "str_quote": "it's",
        "str_both_quotes": "a\"b'c",
        "str_escapes": "line\nbreak\ttab\\ \x00\x7f\u200b\u00e9",
    }
)
iterators = {
    "generator_parameters": net.parameters(),
    "generator_named_parameters": net.named_parameters(),
    "generator_children": net.children(),
    "generator_modules": net.modules(),
    "generator_buffers": net.buffers(),
    "zip": zip([1, 2], "ab"),
    "enumerate": enumerate(["a"]),
    "map": map(str, [1]),
    "list_iterator": iter([1, 2]),
    "tuple_iterator": iter((1, 2)),
    "str_ascii_iterator": iter("ab"),
    "range_iterator": iter(range(3)),
    "dict_keyiterator": iter({"a": 1}),
}
out.update({"cell_" + k: pretty(v) for k, v in cell.items()})
out.update({"cell_" + k: mask(pretty(v)) for k, v in iterators.items()})
out["state_dict"] = repr(cell["state_dict"])


def printed(*values, **keywords):
    """What print(*values, **keywords) writes (test/display/print.test.ts calls print with the same values)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        print(*values, **keywords)
    return buffer.getvalue()


# Python's print() (src/display/print.ts): str() of each value, sep and end as keywords.
out["print"] = {
    "scalars": printed(1, 2.5, "a", True, None),
    "containers": printed([1, "a", 2.5], {"a": 1, "b": [1, 2]}, [True, None]),
    "tensor_and_size": printed(torch.tensor([1.5, 2.0]), x.shape),
    "sep": printed("loss", 0.25, sep=": "),
    "end": printed("a", end="") + printed("b"),
    "empty": printed(),
    "specials": printed(float("inf"), float("nan"), float("-inf")),
    "dict_of_tensor": printed({"w": torch.ones(2)}),
    "dtype_device": printed(torch.float32, x.device),
    "none_sep": printed("a", "b", sep=None, end=None),
    "nested_dict": printed({"x": {"y": "it's"}}),
    "list_of_dicts": printed([{"a": 1}, {"b": [1.5, None]}], ({"t": True},)),
    "iterators": mask(printed(zip([1], [2]), enumerate([1]), map(str, [1]), iter([1]))),
    "generator": mask(printed(net.parameters(), [net.children()])),
}
# A float tensor's tolist() holds Python floats ([1.0, 2.5]); an int tensor's ints. A dict built by
# `counts[y] = ...` on `{}` is keyed by ints (inserted in ascending order here: a JavaScript object keeps
# integer keys ascending, the one order both share).
counts = {}
for y in [0, 1, 1, 2]:
    counts[y] = counts.get(y, 0) + 1
idx2char = {}
for i, c in enumerate(["a", "b"]):
    idx2char[i] = c
out["printed_tolist_and_int_keys"] = printed(torch.tensor([[1.0, 2.5], [3.0, -0.0]]).tolist(), torch.tensor([1, 2]).tolist(), torch.tensor([1e16, 0.5]).tolist(), counts, idx2char)
out["cell_float_list"] = repr(torch.tensor([2.0, 0.25]).tolist())

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pylist.json"), "w") as fh:
    json.dump(out, fh, indent=1)
