"""NumPy 1.24 references for test/api/np_random.test.ts: the draws of NumPy's legacy `np.random`
(src/numpy/random.ts) after a seed. Each case seeds (inside the case) and runs a sequence of calls that
mixes functions, so that the stream's order is checked as well as each function: randn's cached second
normal across calls, a shuffle after a choice, a randint after a normal. The test evaluates the case's
TypeScript spelling under the same name and must get the same values (integer draws, shuffles and
uniform doubles exactly; what goes through log / sqrt / pow within a few ulps).

An entry is {"value": x} (an ndarray as {"dtype", "shape", "data"}, a tuple as a list) or
{"error": [exception type, message]}. "cells" are notebook cells (their Python and their dialect
spelling) the test runs through `torchlab run`: each must print what the Python printed.
Run with Debian's /usr/bin/python3 from test/reference: writes np_random.json.
"""
import contextlib
import io
import json
import os

import numpy as np

assert np.__version__.startswith("1.24"), "the references are NumPy 1.24's legacy RandomState"


def seeded(s, f):
    def run():
        np.random.seed(s)
        return f()
    return run


def seq(*fs):
    return lambda: [f() for f in fs]


def shuffled(s, xs):
    np.random.seed(s)
    xs = list(xs)
    np.random.shuffle(xs)
    return xs


def shuffled_rows(s):
    np.random.seed(s)
    a = np.arange(12).reshape(4, 3)
    np.random.shuffle(a)
    return a


def state_roundtrip():
    np.random.seed(5)
    np.random.randn()  # leaves a cached normal in the state
    st = np.random.get_state()
    a = [np.random.randn(), np.random.rand(), np.random.randint(100)]
    np.random.rand(3)
    np.random.set_state(st)
    b = [np.random.randn(), np.random.rand(), np.random.randint(100)]
    return [a, b, st[0], list(st[1][:3]), st[2], st[3], st[4]]


def gauss_cache_reset():
    np.random.seed(3)
    first = np.random.randn()
    np.random.seed(3)
    return [first, np.random.randn(), np.random.randn()]


def two_states():
    a = np.random.RandomState(1)
    b = np.random.RandomState(1)
    np.random.seed(2)
    return [a.rand(2), np.random.rand(2), b.rand(2), a.randint(10, size=3)]


CASES = {
    # Uniform doubles: NumPy's 53 bits of two words.
    "rand_0": seeded(0, lambda: np.random.rand(3)),
    "rand_scalar": seeded(0, lambda: np.random.rand()),
    "rand_2d": seeded(42, lambda: np.random.rand(2, 3)),
    "random_sample": seeded(7, lambda: np.random.random_sample((2, 2))),
    "random_alias": seeded(7, seq(lambda: np.random.random(3), lambda: np.random.ranf(), lambda: np.random.sample(2))),
    "rand_700": seeded(1, lambda: np.random.rand(700)[-3:]),
    "seed_max": seeded(2**32 - 1, lambda: np.random.rand(2)),
    "seed_array": seeded([1, 2, 3], lambda: np.random.rand(3)),
    "seed_big_array": seeded([2**32 - 1, 0, 12345, 678], lambda: np.random.randint(0, 1000, size=5)),
    # Normals: the polar method, its second value cached across calls and kinds of call.
    "randn_42": seeded(42, lambda: np.random.randn(5, 1)),
    "randn_cache": seeded(42, seq(lambda: np.random.randn(3), lambda: np.random.randn(), lambda: np.random.randn(2))),
    "randn_cache_mixed": seeded(1, seq(lambda: np.random.randn(), lambda: np.random.rand(), lambda: np.random.randn(), lambda: np.random.randn())),
    "standard_normal": seeded(2, lambda: np.random.standard_normal((2, 2))),
    "normal": seeded(5, lambda: np.random.normal(0, 0.1, (2, 3))),
    "normal_scalar": seeded(5, seq(lambda: np.random.normal(), lambda: np.random.normal(3.0, 2.0))),
    "normal_keywords": seeded(5, lambda: np.random.normal(loc=1.0, scale=0.5, size=4)),
    "normal_array_loc": seeded(0, lambda: np.random.normal([0.0, 10.0], 1)),
    "normal_broadcast_size": seeded(0, lambda: np.random.normal([0.0, 10.0], [1.0, 0.5], size=(3, 2))),
    "normal_zero_scale": seeded(0, lambda: np.random.normal(2.0, 0.0, 3)),
    "gauss_cache_reset": gauss_cache_reset,
    # Uniform on [low, high).
    "uniform": seeded(6, seq(lambda: np.random.uniform(-1, 1), lambda: np.random.uniform(-1, 1, size=4))),
    "uniform_default": seeded(6, lambda: np.random.uniform(size=3)),
    "uniform_array": seeded(6, lambda: np.random.uniform([0, 10], [1, 20])),
    "uniform_reversed": seeded(6, lambda: np.random.uniform(1, -1, 3)),
    # Integers: masked rejection over 32-bit words, 64-bit words beyond 2**32.
    "randint": seeded(1, lambda: np.random.randint(0, 10, size=(3,))),
    "randint_one_arg": seeded(1, seq(lambda: np.random.randint(5), lambda: np.random.randint(5, size=4))),
    "randint_negative": seeded(1, lambda: np.random.randint(-5, -1, size=6)),
    "randint_2d": seeded(11, lambda: np.random.randint(0, 100, size=(2, 3))),
    "randint_pow2": seeded(12, lambda: np.random.randint(0, 16, size=8)),
    "randint_32_bits": seeded(13, lambda: np.random.randint(0, 2**32, size=3)),
    "randint_40_bits": seeded(1, lambda: np.random.randint(0, 2**40, size=4)),
    "randint_53_bits": seeded(14, lambda: np.random.randint(-2**52, 2**52, size=3)),
    "randint_float_bounds": seeded(0, lambda: np.random.randint(0.5, 3.7, size=5)),
    "randint_single_value": seeded(0, seq(lambda: np.random.randint(3, 4, size=3), lambda: np.random.rand())),
    "randint_size_zero": seeded(0, seq(lambda: np.random.randint(0, 0, size=0), lambda: np.random.rand())),
    "randint_size_empty_tuple": seeded(0, lambda: np.random.randint(5, size=())),
    "randint_int32": seeded(0, lambda: np.random.randint(0, 10, size=3, dtype=np.int32)),
    "randint_uint8": seeded(0, lambda: np.random.randint(0, 10, size=5, dtype=np.uint8)),
    "randint_int16": seeded(0, lambda: np.random.randint(-100, 100, size=5, dtype=np.int16)),
    "randint_bool": seeded(0, lambda: np.random.randint(2, size=5, dtype=bool)),
    # Shuffles: Fisher-Yates from the end with masked draws.
    "shuffle_list": lambda: shuffled(2, range(10)),
    "shuffle_words": lambda: shuffled(42, ["emma", "olivia", "ava", "isabella", "sophia", "mia"]),
    "shuffle_one": lambda: shuffled(0, [5]),
    "shuffle_rows": lambda: shuffled_rows(8),
    "permutation": seeded(4, lambda: np.random.permutation(10)),
    "permutation_list": seeded(4, lambda: np.random.permutation([1.5, 2.5, 3.5, 4.5])),
    "permutation_rows": seeded(0, lambda: np.random.permutation([[1, 2], [3, 4], [5, 6]])),
    "permutation_empty": seeded(0, seq(lambda: np.random.permutation(0), lambda: np.random.rand())),
    "permutation_negative": seeded(0, lambda: np.random.permutation(-1)),
    # choice: uniform by randint, p by the cumulative sum, replace=False by a permutation.
    "choice_int": seeded(3, seq(lambda: np.random.choice(10), lambda: np.random.choice(10, 4))),
    "choice_no_replace": seeded(3, lambda: np.random.choice(20, 5, replace=False)),
    "choice_no_replace_2d": seeded(3, lambda: np.random.choice(5, size=(2, 2), replace=False)),
    "choice_no_replace_all": seeded(3, lambda: np.random.choice(6, 6, replace=False)),
    "choice_p": seeded(3, lambda: np.random.choice(5, 8, p=[0.1, 0.2, 0.3, 0.2, 0.2])),
    "choice_p_scalar": seeded(3, seq(lambda: np.random.choice(3, p=[0.2, 0.5, 0.3]), lambda: np.random.choice(3, p=[0.2, 0.5, 0.3]))),
    "choice_p_no_replace": seeded(3, lambda: np.random.choice(5, 3, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2])),
    "choice_p_zeros": seeded(3, lambda: np.random.choice(4, 6, p=[0.5, 0.0, 0.5, 0.0])),
    "choice_list": seeded(7, seq(lambda: np.random.choice([1.5, 2.5, 3.5]), lambda: np.random.choice([10, 20, 30], 4))),
    "choice_words": seeded(7, lambda: list(np.random.choice(["a", "b", "c"], 4))),
    "choice_range": seeded(0, lambda: np.random.choice(range(100, 200), 3, replace=False)),
    "choice_size_zero": seeded(0, seq(lambda: np.random.choice(0, 0), lambda: np.random.rand())),
    # Other distributions by the legacy algorithms.
    "exponential": seeded(9, seq(lambda: np.random.exponential(2.0, 3), lambda: np.random.exponential())),
    "standard_exponential": seeded(9, lambda: np.random.standard_exponential(3)),
    "gamma_small": seeded(10, lambda: np.random.gamma(0.5, 2.0, 4)),
    "gamma_large": seeded(10, lambda: np.random.gamma(3.0, size=4)),
    "gamma_one": seeded(10, lambda: np.random.gamma(1.0, size=2)),
    "beta_johnk": seeded(10, lambda: np.random.beta(0.5, 0.5, 4)),
    "beta_gamma": seeded(10, lambda: np.random.beta(2.0, 5.0, 4)),
    "poisson_small": seeded(11, lambda: np.random.poisson(3.0, 8)),
    "poisson_large": seeded(11, lambda: np.random.poisson(50.0, 6)),
    "poisson_zero": seeded(11, seq(lambda: np.random.poisson(0.0, 2), lambda: np.random.rand())),
    "binomial_inversion": seeded(12, lambda: np.random.binomial(10, 0.3, 8)),
    "binomial_btpe": seeded(12, lambda: np.random.binomial(1000, 0.4, 6)),
    "binomial_high_p": seeded(12, seq(lambda: np.random.binomial(20, 0.9, 5), lambda: np.random.binomial(500, 0.95, 3))),
    "binomial_cached": seeded(12, seq(lambda: np.random.binomial(10, 0.3, 3), lambda: np.random.binomial(10, 0.3), lambda: np.random.binomial(200, 0.3, 2), lambda: np.random.binomial(200, 0.3, 2))),
    # The stream's order across functions, RandomState objects and the state.
    "mixed": seeded(2024, seq(lambda: np.random.randn(), lambda: np.random.randint(0, 7, size=3), lambda: np.random.randn(),
                              lambda: np.random.choice(9, 3, replace=False), lambda: np.random.uniform(2, 3), lambda: np.random.permutation(5))),
    "random_state": lambda: np.random.RandomState(42).randint(0, 10, size=5),
    "two_states": two_states,
    "state_roundtrip": state_roundtrip,
    # NumPy's errors.
    "err_randint_low_high": lambda: np.random.randint(5, 2),
    "err_randint_equal": lambda: np.random.randint(5, 5),
    "err_randint_zero": lambda: np.random.randint(0),
    "err_randint_negative_high": lambda: np.random.randint(-3),
    "err_randint_uint8_bounds": lambda: np.random.randint(0, 300, dtype=np.uint8),
    "err_randint_negative_size": lambda: np.random.randint(0, 10, size=-1),
    "err_rand_negative": lambda: np.random.rand(-1),
    "err_rand_float": lambda: np.random.rand(2.5),
    "err_choice_2d": lambda: np.random.choice([[1, 2], [3, 4]]),
    "err_choice_float": lambda: np.random.choice(2.5),
    "err_choice_zero": lambda: np.random.choice(0),
    "err_choice_empty": lambda: np.random.choice([]),
    "err_choice_p_sum": lambda: np.random.choice(3, p=[0.5, 0.6, 0.1]),
    "err_choice_p_size": lambda: np.random.choice(3, p=[0.5, 0.5]),
    "err_choice_p_negative": lambda: np.random.choice(3, p=[-0.5, 0.5, 1.0]),
    "err_choice_p_nan": lambda: np.random.choice(2, p=[float("nan"), 1.0]),
    "err_choice_p_2d": lambda: np.random.choice(2, p=[[0.5], [0.5]]),
    "err_choice_larger": lambda: np.random.choice(3, 5, replace=False),
    "err_choice_fewer_nonzero": lambda: np.random.choice(3, 2, replace=False, p=[1.0, 0.0, 0.0]),
    "err_normal_scale": lambda: np.random.normal(0, -1),
    "err_normal_scale_array": lambda: np.random.normal(0, [1.0, -1.0]),
    "err_normal_size": lambda: np.random.normal([0.0, 1.0], 1, size=3),
    "err_uniform_inf": lambda: np.random.uniform(0, float("inf")),
    "err_exponential": lambda: np.random.exponential(-1),
    "err_gamma_shape": lambda: np.random.gamma(-1),
    "err_beta": lambda: np.random.beta(0, 1),
    "err_poisson": lambda: np.random.poisson(-1),
    "err_binomial_n": lambda: np.random.binomial(-1, 0.5),
    "err_binomial_p": lambda: np.random.binomial(1, 1.5),
    "err_seed_negative": lambda: np.random.seed(-1),
    "err_seed_big": lambda: np.random.seed(2**32),
    "err_seed_float": lambda: np.random.seed(1.5),
    "err_permutation_float": lambda: np.random.permutation(2.5),
    "err_shuffle_int": lambda: np.random.shuffle(3),
}


def plain(v):
    if isinstance(v, np.ndarray):
        return {"dtype": str(v.dtype), "shape": list(v.shape), "data": [plain(x) for x in v.ravel().tolist()]}
    if isinstance(v, (tuple, list)):
        return [plain(x) for x in v]
    if isinstance(v, range):
        return list(v)
    if isinstance(v, np.generic):
        return v.item()
    return v


out = {"cases": {}}
for name, case in CASES.items():
    try:
        v = case()
    except Exception as e:  # noqa: BLE001 - every error is a reference
        out["cases"][name] = {"error": [type(e).__name__, str(e)]}
        continue
    out["cases"][name] = {"value": plain(v)}

# Cells as a notebook writes them (Python, then the dialect): `torchlab run` must print what Python printed.
CELLS = [
    ("np.random.seed(0); print(np.random.rand(3))", "np.random.seed(0); print(np.random.rand(3))"),
    ("np.random.seed(42); x = np.random.randn(4, 1); print(x)\nprint(np.random.randn())",
     "np.random.seed(42); const x = np.random.randn(4, 1); print(x)\nprint(np.random.randn())"),
    ("np.random.seed(1); print(np.random.randint(0, 10, size=(3,)), np.random.randint(5))",
     "np.random.seed(1); print(np.random.randint(0, 10, size=[3]), np.random.randint(5))"),
    ("np.random.seed(2); idx = list(range(8)); np.random.shuffle(idx); print(idx)",
     "np.random.seed(2); const idx = list(range(8)); np.random.shuffle(idx); print(idx)"),
    ("np.random.seed(3); print(np.random.choice(20, 5, replace=False)); print(np.random.permutation(6))",
     "np.random.seed(3); print(np.random.choice(20, 5, replace=False)); print(np.random.permutation(6))"),
    ("np.random.seed(3); print(np.random.choice(4, 6, p=[0.1, 0.2, 0.3, 0.4]))",
     "np.random.seed(3); print(np.random.choice(4, 6, p=[0.1, 0.2, 0.3, 0.4]))"),
    ("np.random.seed(5); print(np.random.normal(0, 0.1, (2, 3))); print(np.random.uniform(-1, 1))",
     "np.random.seed(5); print(np.random.normal(0, 0.1, [2, 3])); print(np.random.uniform(-1, 1))"),
    ("rs = np.random.RandomState(42); print(rs.randint(0, 10, size=5)); print(rs.rand(2))",
     "const rs = np.random.RandomState(42); print(rs.randint(0, 10, size=5)); print(rs.rand(2))"),
    ("np.random.seed(0); x = torch.from_numpy(np.random.rand(2, 2)); print(x)",
     "np.random.seed(0); const x = torch.from_numpy(np.random.rand(2, 2)); print(x)"),
    ("np.random.seed(0); X = torch.arange(20.).reshape(10, 2); idx = np.random.permutation(10); print(X[idx][:3])",
     "np.random.seed(0); const X = torch.arange(20.).reshape(10, 2); const idx = np.random.permutation(10); print(X[idx][\":3\"])"),
    ("np.random.seed(0); X = torch.zeros(6); X[np.random.choice(6, 2, replace=False)] = 1.; print(X)",
     "np.random.seed(0); const X = torch.zeros(6); X[np.random.choice(6, 2, replace=False)] = 1.; print(X)"),
    ("try:\n    np.random.choice(3, 5, replace=False)\nexcept ValueError as e:\n    print('ValueError', e)",
     "try { np.random.choice(3, 5, replace=False); } catch (e: any) { print(e.name, e.message); }"),
]
cells = []
import torch  # noqa: E402 - only the cells use it
g = {"np": np, "torch": torch}
for py, ts in CELLS:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(py, g)
    cells.append({"py": py, "ts": ts, "print": buf.getvalue()})
out["cells"] = cells
out["versions"] = {"numpy": np.__version__}

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "np_random.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
