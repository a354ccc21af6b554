"""Python 3.11 + PyTorch 1.13 references for test/builtins.test.ts: what Python's builtins (range,
enumerate, zip, iter/next, sum, list, sorted, min/max, abs, round, isinstance, float/int, str/repr)
return or raise for the values a PyTorch tutorial gives them. Each case is one Python expression; the
test evaluates its TypeScript spelling, under the same name, with src/builtins.ts.

An entry is {"value": x} for a number, string, bool, None, or a list of those (JSON cannot tell 3
from 3.0; neither can a JS number), {"repr": repr(x)} for anything else (tuples, tensors, nan), or
{"error": [exception type, message]}. Run with Debian's /usr/bin/python3 from test/reference:
writes builtins.json.
"""
import json
import math
import os
import random
import sys

import torch
import torch.nn as nn
import torchvision
from torch.utils.data import DataLoader, TensorDataset

assert sys.version_info[:2] == (3, 11), "the references are Python 3.11's (sum of floats changed in 3.12)"

nan = float("nan")
inf = float("inf")
torch.manual_seed(0)
w = torch.tensor([1.0, 2.0], requires_grad=True)
loader = DataLoader(TensorDataset(torch.arange(6.0).view(3, 2), torch.tensor([0, 1, 2])), batch_size=2)


def then(s, f):
    """The set after f's calls on it, with what they returned (Python's methods return None)."""
    return (f(s), s)


def exhausted():
    it = iter([1])
    next(it)
    return next(it)


def exhausted_default():
    it = iter([1])
    next(it)
    return next(it, "done")


def set_fc(m):
    setattr(m, "fc", nn.Linear(1, 1))
    return [name for name, _ in m.named_parameters()]


CASES = {
    # range
    "range_stop": lambda: list(range(5)),
    "range_step": lambda: list(range(2, 10, 3)),
    "range_negative_step": lambda: list(range(10, 0, -3)),
    "range_empty": lambda: list(range(5, 2)),
    "len_range": lambda: len(range(0, 10, 3)),
    "len_range_negative": lambda: len(range(10, 0, -3)),
    "len_range_empty": lambda: len(range(5, 2)),
    "len_int": lambda: len(5),
    "len_none": lambda: len(None),
    "len_float": lambda: len(2.5),
    "repr_range": lambda: repr(range(5)),
    "repr_range_step": lambda: repr(range(1, 10, 2)),
    "range_index": lambda: range(0, 10, 3)[2],
    "range_index_negative": lambda: range(10)[-1],
    "range_index_out": lambda: range(3)[3],
    "range_float": lambda: range(1.5),
    "range_zero_step": lambda: range(0, 5, 0),
    "range_no_args": lambda: range(),
    "range_four_args": lambda: range(1, 2, 3, 4),
    # enumerate, zip
    "enumerate": lambda: list(enumerate(["a", "b"])),
    "enumerate_start": lambda: list(enumerate("ab", 1)),
    "enumerate_start_keyword": lambda: list(enumerate("ab", start=10)),
    "enumerate_int": lambda: enumerate(5),
    "zip": lambda: list(zip([1, 2, 3], "ab")),
    "zip_three": lambda: list(zip([1, 2], [3, 4], [5, 6])),
    "zip_none": lambda: list(zip()),
    "zip_int": lambda: zip([1], 2),
    # map
    "map_str": lambda: list(map(str, [1, 2.5, "a"])),
    "map_two": lambda: list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])),
    "map_join_size": lambda: " × ".join(map(str, torch.ones(2, 3, 4).size())),
    "map_no_iterable": lambda: map(str),
    "map_not_callable": lambda: list(map(1, [1])),
    "map_not_callable_empty": lambda: list(map(1, [])),
    # iter, next
    "next_iter_list": lambda: next(iter([1, 2])),
    "next_exhausted": exhausted,
    "next_default": exhausted_default,
    "next_list": lambda: next([1]),
    "next_range": lambda: next(range(3)),
    "next_iter_range": lambda: next(iter(range(3, 6))),
    "iter_int": lambda: iter(5),
    "next_iter_dict": lambda: next(iter({"a": 1, "b": 2})),
    "next_iter_tensor": lambda: next(iter(torch.tensor([[1, 2], [3, 4]]))),
    "iter_0d_tensor": lambda: iter(torch.tensor(1.0)),
    "next_iter_loader_images": lambda: next(iter(loader))[0],
    "next_iter_loader_labels": lambda: next(iter(loader))[1],
    # sum
    "sum_ints": lambda: sum([1, 2, 3]),
    "sum_floats": lambda: sum([0.1] * 10),
    "sum_start": lambda: sum([1, 2], 10),
    "sum_start_keyword": lambda: sum([1, 2], start=10),
    "sum_empty": lambda: sum([]),
    "sum_bools": lambda: sum([True, True, False]),
    "sum_tensors": lambda: sum([torch.tensor(1.0), torch.tensor(2.5)]),
    "sum_numel": lambda: sum(p.numel() for p in nn.Linear(3, 2).parameters()),
    "sum_grad": lambda: sum([w * 2, w]),
    "sum_strings": lambda: sum(["a", "b"]),
    "sum_string_start": lambda: sum(["a"], ""),
    "sum_int": lambda: sum(5),
    "sum_lists": lambda: sum([[1], [2]]),
    # list, sorted
    "list_range": lambda: list(range(3)),
    "list_string": lambda: list("abc"),
    "list_dict": lambda: list({"a": 1, "b": 2}),
    "list_empty": lambda: list(),
    "list_int": lambda: list(5),
    "list_tensor": lambda: repr(list(torch.arange(3))),
    "tuple_list": lambda: repr(tuple([torch.tensor([0.5, 1.0]), torch.tensor(0)])),
    "tuple_range": lambda: tuple(range(3)),
    "tuple_one": lambda: tuple([5]),
    "tuple_empty": lambda: tuple(),
    "tuple_string": lambda: tuple("ab"),
    "tuple_dict": lambda: tuple({"a": 1, "b": 2}),
    "tuple_shape": lambda: tuple(torch.zeros(2, 3).shape),
    "tuple_shape_1d": lambda: tuple(torch.zeros(4).shape),
    "tuple_int": lambda: tuple(5),
    "str_tuple": lambda: str(tuple(torch.zeros(1, 28, 28).shape)),
    "fstring_tuple": lambda: f"shape {tuple(torch.zeros(3).shape)} {tuple([])}",
    "repr_list_of_tuples": lambda: repr([tuple([1]), (2, "a")]),
    "sorted": lambda: sorted([3, 1, 2]),
    "sorted_reverse": lambda: sorted([3, 1, 2], reverse=True),
    "sorted_strings": lambda: sorted(["b", "a", "C"]),
    "sorted_key": lambda: sorted(["ccc", "a", "bb"], key=len),
    "sorted_tuples": lambda: sorted([(1, "b"), (1, "a"), (0, "z")]),
    "sorted_stable": lambda: sorted([(1, "x"), (0, "y"), (1, "a")], key=lambda p: p[0]),
    "sorted_stable_reverse": lambda: sorted([(1, "x"), (0, "y"), (1, "a")], key=lambda p: p[0], reverse=True),
    "sorted_dict": lambda: sorted({"b": 1, "a": 2}),
    "sorted_mixed": lambda: sorted([1, "a"]),
    "sorted_tensors": lambda: sorted([torch.tensor(2.0), torch.tensor(1.0)]),
    "sorted_tensors_ambiguous": lambda: sorted([torch.ones(2), torch.zeros(2)]),
    # min, max
    "max_list": lambda: max([1, 5, 3]),
    "max_args": lambda: max(1, 2.5),
    "min_args": lambda: min(3, 1, 2),
    "max_empty": lambda: max([]),
    "min_empty": lambda: min([]),
    "max_default": lambda: max([], default=0),
    "max_key": lambda: max(["aa", "b", "cc"], key=len),
    "min_key": lambda: min(["aa", "b", "c"], key=len),
    "min_nan_first": lambda: min(nan, 1),
    "min_nan_second": lambda: min(1, nan),
    "max_tensor": lambda: max(torch.tensor([1, 5, 3])),
    "max_tensors": lambda: max(torch.tensor(2.0), torch.tensor(3.0)),
    "max_int": lambda: max(5),
    "max_mixed": lambda: max(1, "a"),
    "min_mixed": lambda: min(1, "a"),
    "max_default_args": lambda: max(1, 2, default=0),
    "max_no_args": lambda: max(),
    "min_tensors_ambiguous": lambda: min(torch.ones(2), torch.zeros(2)),
    # abs, round
    "abs_int": lambda: abs(-3),
    "abs_float": lambda: abs(-2.5),
    "abs_bool": lambda: abs(True),
    "abs_tensor": lambda: abs(torch.tensor([-1.0, 2.0])),
    "abs_str": lambda: abs("a"),
    "round_half_even_down": lambda: round(2.5),
    "round_half_even_up": lambda: round(3.5),
    "round_negative_half": lambda: round(-2.5),
    "round_half": lambda: round(0.5),
    "round_none": lambda: round(2.5, None),
    "round_binary_below": lambda: round(2.675, 2),
    "round_tie_even": lambda: round(0.125, 2),
    "round_tie_odd": lambda: round(0.375, 2),
    "round_digits": lambda: round(1.23456789, 4),
    "round_negative_digits": lambda: round(1234.5678, -2),
    "round_negative_tie": lambda: round(1250.0, -2),
    "round_negative_tie_up": lambda: round(1350.0, -2),
    "round_big": lambda: round(1e300, 2),
    "round_small": lambda: round(0.1 + 0.2, 15),
    "round_accuracy": lambda: round(0.8765432, 3),
    "round_nan": lambda: round(nan),
    "round_inf": lambda: round(inf),
    "round_nan_digits": lambda: round(nan, 2),
    "round_float_digits": lambda: round(1.5, 1.5),
    "round_tensor": lambda: round(torch.tensor([0.5, 1.5, 2.5])),
    "round_tensor_digits": lambda: round(torch.tensor([1.234, 5.678]), 1),
    # isinstance
    "isinstance_tensor": lambda: isinstance(torch.ones(1), torch.Tensor),
    "isinstance_parameter": lambda: isinstance(nn.Parameter(torch.ones(1)), torch.Tensor),
    "isinstance_module": lambda: isinstance(torch.ones(1), nn.Module),
    "isinstance_tuple": lambda: isinstance(nn.Linear(1, 1), (nn.Conv2d, nn.Linear)),
    "isinstance_str": lambda: isinstance("a", str),
    "isinstance_list": lambda: isinstance([1], list),
    "isinstance_not_a_type": lambda: isinstance(1, 5),
    # float, int
    "float_tensor": lambda: float(torch.tensor(2.5)),
    "float_one_element": lambda: float(torch.tensor([3])),
    "float_bool_tensor": lambda: float(torch.tensor(True)),
    "float_many": lambda: float(torch.ones(2)),
    "float_empty": lambda: float(torch.tensor([])),
    "float_string": lambda: float("1.5"),
    "float_string_spaces": lambda: float(" 1e3 "),
    "float_string_inf": lambda: float("-inf"),
    "float_string_nan": lambda: float("nan"),
    "float_string_underscore": lambda: float("1_000.5"),
    "float_string_bad": lambda: float("abc"),
    "float_bool": lambda: float(True),
    "float_none": lambda: float(None),
    "int_float": lambda: int(2.7),
    "int_negative_float": lambda: int(-2.7),
    "int_string": lambda: int("42"),
    "int_string_spaces": lambda: int(" -7 "),
    "int_string_underscore": lambda: int("1_000"),
    "int_string_float": lambda: int("3.5"),
    "int_tensor": lambda: int(torch.tensor(2.7)),
    "int_negative_tensor": lambda: int(torch.tensor(-2.7)),
    "int_many": lambda: int(torch.ones(3)),
    "int_nan": lambda: int(nan),
    "int_inf": lambda: int(inf),
    "int_bool": lambda: int(True),
    "int_none": lambda: int(None),
    # str, repr
    "str_tensor": lambda: str(torch.tensor([1.0, 2.0])),
    "str_str": lambda: str("a"),
    "str_list": lambda: str([1, "a", None]),
    "str_none": lambda: str(None),
    "str_bool": lambda: str(True),
    "str_size": lambda: str(torch.ones(2).shape),
    "str_empty": lambda: str(),
    "repr_str": lambda: repr("it's"),
    "repr_tensor": lambda: repr(torch.tensor([1.5])),
    "repr_list_tensor": lambda: repr([torch.tensor(1)]),
    "repr_none": lambda: repr(None),
    # getattr, hasattr, setattr (李宏毅 HW1: `getattr(torch.optim, config['optimizer'])(...)`)
    "getattr_class": lambda: getattr(torch.optim, "SGD") is torch.optim.SGD,
    "getattr_attribute": lambda: getattr(nn.Linear(2, 3), "in_features"),
    "getattr_method": lambda: getattr(torch.tensor([1.0, 2.0]), "sum")(),
    "getattr_default": lambda: getattr(nn.Linear(2, 3), "fc", None),
    "getattr_missing": lambda: getattr(nn.Linear(2, 3), "fc"),
    "getattr_not_string": lambda: getattr(torch.ones(1), 5),
    # a module names itself (a misspelt optimizer in a config dict)
    "getattr_module_missing": lambda: getattr(torch.optim, "Adamm"),
    "getattr_nn_missing": lambda: getattr(torch.nn, "Linaer"),
    "getattr_submodule_missing": lambda: getattr(torch.optim.lr_scheduler, "StepLRR"),
    "getattr_vision_missing": lambda: getattr(torchvision.transforms, "ToTensr"),
    "hasattr_true": lambda: hasattr(nn.Linear(2, 3), "weight"),
    "hasattr_false": lambda: hasattr(nn.Linear(2, 3), "fc"),
    # every container has __len__ (d2l's plot and Animator ask `hasattr(y, "__len__")`), a number none
    "hasattr_len": lambda: [hasattr(v, "__len__") for v in ([1, 2], (1,), "ab", {"a": 1}, {1, 2}, torch.ones(2), torch.tensor(1.0), 3, 2.5, None)],
    "getattr_len": lambda: [getattr(v, "__len__")() for v in ([1, 2, 3], "abcd", {"a": 1, "b": 2}, {1, 2}, torch.ones(5, 2))],
    "getattr_len_0d": lambda: getattr(torch.tensor(1.0), "__len__")(),
    "setattr_module": lambda: set_fc(nn.Sequential()),
    # range takes a one-element integer tensor through __index__ (range(seq_len), seq_len a 0-d length)
    "range_tensor": lambda: list(range(torch.tensor(3))),
    "range_tensor_one_element": lambda: list(range(1, torch.tensor([4]))),
    "range_float_tensor": lambda: range(torch.tensor(2.0)),
    "range_tensor_many": lambda: range(torch.tensor([1, 2])),
    # set: small ints iterate ascending (CPython's order while they are below the table size);
    # a set of strings is compared sorted (its order is hash-randomised)
    "set_empty": lambda: set(),
    "set_list": lambda: set([3, 1, 2, 2, 1]),
    "set_one_true": lambda: set([1, True, 1.0]),
    "set_string_sorted": lambda: sorted(set("hello")),
    "set_string_len": lambda: len(set("hello")),
    "set_dict": lambda: sorted(set({"b": 1, "a": 2})),
    "set_tuples": lambda: sorted(set(zip([1, 1, 2], ["a", "a", "b"]))),
    "set_in": lambda: [2 in {1, 2}, 5 in set([1, 2]), "l" in set("hello")],
    "set_list_of": lambda: list(set([5, 0, 3, 0])),
    # (add() is JavaScript's Set.add, which returns the set: only the set is compared)
    "set_add": lambda: then(set([1, 2]), lambda s: [s.add(4), s.add(1)])[1],
    "set_update": lambda: then(set([1, 2]), lambda s: s.update([3, 0], range(2))),
    "set_remove": lambda: then(set([1, 2]), lambda s: s.remove(1)),
    "set_remove_missing": lambda: set([1, 2]).remove(3),
    "set_remove_missing_str": lambda: set(["a"]).remove("b"),
    "set_discard": lambda: then(set([1, 2]), lambda s: [s.discard(1), s.discard(7)]),
    "set_pop_empty": lambda: set().pop(),
    "set_union": lambda: {1, 2}.union([2, 3], (4,)),
    "set_intersection": lambda: {1, 2, 3}.intersection([2, 3, 4]),
    "set_difference": lambda: {1, 2, 3}.difference([2], {3}),
    "set_symmetric_difference": lambda: {1, 2, 3}.symmetric_difference([3, 4]),
    "set_subset": lambda: [{1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset([1]), {1}.isdisjoint([2])],
    "set_copy": lambda: then({1}, lambda s: s.copy().add(9)),
    "set_repr_str": lambda: repr(set(["a"])),
    "set_repr_empty": lambda: repr(set()),
    "set_str_list": lambda: str([set(), {1, 2}]),
    "set_int": lambda: set(5),
    "set_sum": lambda: sum(set([1, 2, 2])),
    "set_max": lambda: max(set([4, 9, 2])),
}


def plain(v):
    """JSON holds numbers, strings, bools, None and lists of them; anything else is compared by its repr."""
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return True
    if isinstance(v, (int, float)):
        return math.isfinite(v)
    return isinstance(v, list) and all(plain(x) for x in v)


out = {}
for name, case in CASES.items():
    try:
        v = case()
    except Exception as e:  # noqa: BLE001 - every error is a reference
        out[name] = {"error": [type(e).__name__, str(e)]}
        continue
    out[name] = {"value": v} if plain(v) else {"repr": repr(v)}
# round(x, n) on 300 seeded values: decimals of every size, exact binary ties (k/2^j) and their
# neighbours one ulp away, for n in -3..9: [x, n, round(x, n)].
rng = random.Random(0)
fuzz = []
for i in range(300):
    kind = i % 3
    if kind == 0:
        x = round(rng.uniform(-1000, 1000), rng.randint(0, 12))
    elif kind == 1:
        x = rng.randint(-(2**20), 2**20) / 2 ** rng.randint(0, 12)
    else:
        x = math.nextafter(rng.randint(-(2**20), 2**20) / 2 ** rng.randint(1, 12), rng.choice([inf, -inf]))
    n = rng.randint(-3, 9)
    fuzz.append([x, n, round(x, n)])
out["round_fuzz"] = fuzz
out["versions"] = {"torch": torch.__version__, "python": "%d.%d" % sys.version_info[:2]}

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "builtins.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
