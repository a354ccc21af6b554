"""Python 3.11 references for test/random.test.ts: the draws of Python's `random` module (src/random.ts)
after a seed, for every function a PyTorch tutorial or a port uses, and Python's errors. Each case is
one Python expression after `random.seed(...)` (inside the case); the test evaluates its TypeScript
spelling under the same name and must get the same value exactly.

An entry is {"value": x} (JSON: numbers, strings, None, lists; a tuple is written as a list) or
{"error": [exception type, message]}. "cell" is what test/kernel/rewrite.test.ts's cell using
`random` as Python writes it must print. Run with Debian's /usr/bin/python3 from test/reference:
writes random.json.
"""
import json
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), "the references are Python 3.11's random module"

WORDS = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn",
         "abigail", "emily", "elizabeth", "mila", "ella", "avery", "sofia", "camila", "aria", "scarlett"]


def seeded(a, f):
    def run():
        random.seed(a)
        return f()
    return run


def draws(f, n):
    return [f() for _ in range(n)]


def shuffled(a, xs):
    random.seed(a)
    xs = list(xs)
    random.shuffle(xs)
    return xs


def state_roundtrip():
    random.seed(1)
    random.gauss()
    s = random.getstate()
    a = [random.random(), random.gauss(), random.randint(0, 99)]
    random.random()
    random.setstate(s)
    b = [random.random(), random.gauss(), random.randint(0, 99)]
    return [a, b, s[0], list(s[1][:3]), s[1][-1], len(s[1]), s[2]]


def gauss_cache_reset():
    random.seed(3)
    first = random.gauss()
    random.seed(3)
    return [first, random.gauss(), random.gauss()]


CASES = {
    "random_42": seeded(42, lambda: draws(random.random, 5)),
    "random_0": seeded(0, lambda: draws(random.random, 3)),
    "random_big_seed": seeded(2**40 + 12345, lambda: draws(random.random, 3)),
    "random_two_word_seed": seeded(2**32 + 5, lambda: draws(random.random, 3)),
    "random_negative_seed": seeded(-7, lambda: draws(random.random, 3)),
    "random_str_seed": seeded("hello", lambda: draws(random.random, 3)),
    "random_unicode_seed": seeded("ñandú 🐍", lambda: draws(random.random, 2)),
    "random_float_seed": seeded(3.5, lambda: draws(random.random, 2)),
    "random_negative_float_seed": seeded(-0.1, lambda: draws(random.random, 2)),
    "random_624": seeded(7, lambda: draws(random.random, 700)[-3:]),
    "randint": seeded(42, lambda: draws(lambda: random.randint(1, 6), 20)),
    "randint_negative": seeded(5, lambda: draws(lambda: random.randint(-10, -3), 10)),
    "randrange_stop": seeded(42, lambda: draws(lambda: random.randrange(10), 10)),
    "randrange_step": seeded(42, lambda: draws(lambda: random.randrange(5, 50, 7), 8)),
    "randrange_negative_step": seeded(42, lambda: draws(lambda: random.randrange(10, 0, -3), 8)),
    "randrange_wide": seeded(42, lambda: draws(lambda: random.randrange(2**40), 3)),
    "randrange_33_bits": seeded(9, lambda: draws(lambda: random.randrange(2**33 + 1), 3)),
    "randrange_53_bits": seeded(9, lambda: draws(lambda: random.randrange(2**53 - 1), 3)),
    "getrandbits": seeded(11, lambda: [random.getrandbits(k) for k in (0, 1, 7, 31, 32, 33, 40, 53)]),
    "choice_list": seeded(42, lambda: draws(lambda: random.choice(WORDS), 6)),
    "choice_str": seeded(42, lambda: draws(lambda: random.choice("abcdef"), 6)),
    "choice_range": seeded(42, lambda: draws(lambda: random.choice(range(100, 200, 3)), 4)),
    "shuffle_words": lambda: shuffled(42, WORDS),
    "shuffle_range": lambda: shuffled(0, range(30)),
    "shuffle_one": lambda: shuffled(0, [5]),
    "sample_pool": seeded(42, lambda: random.sample(range(50), 10)),
    "sample_set": seeded(42, lambda: random.sample(range(100), 10)),
    "sample_small": seeded(1, lambda: random.sample(WORDS, 3)),
    "sample_str": seeded(1, lambda: random.sample("abcdefgh", 4)),
    "sample_all": seeded(2, lambda: random.sample(range(8), 8)),
    "sample_counts": seeded(42, lambda: random.sample(["red", "blue"], counts=[4, 2], k=5)),
    "choices_uniform": seeded(42, lambda: random.choices(WORDS, k=6)),
    "choices_weights": seeded(42, lambda: random.choices(["a", "b", "c"], weights=[10, 1, 5], k=10)),
    "choices_positional_weights": seeded(42, lambda: random.choices(["a", "b", "c"], [0.2, 0.3, 0.5], k=5)),
    "choices_cum_weights": seeded(42, lambda: random.choices(range(4), cum_weights=[1, 2, 2, 6], k=8)),
    "choices_default_k": seeded(42, lambda: random.choices(WORDS)),
    "uniform": seeded(42, lambda: draws(lambda: random.uniform(-1, 1), 5)),
    "gauss": seeded(42, lambda: draws(random.gauss, 5)),
    "gauss_mu_sigma": seeded(42, lambda: draws(lambda: random.gauss(2, 0.5), 4)),
    "gauss_sigma_keyword": seeded(42, lambda: draws(lambda: random.gauss(sigma=3), 2)),
    "gauss_cache_reset": gauss_cache_reset,
    "normalvariate": seeded(42, lambda: draws(random.normalvariate, 5)),
    "normalvariate_mu_sigma": seeded(0, lambda: draws(lambda: random.normalvariate(10, 2), 3)),
    "expovariate": seeded(42, lambda: draws(lambda: random.expovariate(1.5), 4)),
    "state_roundtrip": state_roundtrip,
    "instance": lambda: [random.Random(5).random(), random.Random("x").randint(0, 1000)],
    # Python's errors
    "randrange_zero": lambda: random.randrange(0),
    "randrange_empty": lambda: random.randrange(5, 5),
    "randrange_zero_step": lambda: random.randrange(0, 10, 0),
    "randrange_empty_step": lambda: random.randrange(0, 10, -1),
    "randrange_float": lambda: random.randrange(1.5),
    "randrange_float_stop": lambda: random.randrange(0, 2.5),
    "randint_reversed": lambda: random.randint(5, 1),
    "choice_empty": lambda: random.choice([]),
    "sample_too_many": lambda: random.sample([1, 2], 3),
    "sample_negative": lambda: random.sample([1, 2], -1),
    "sample_set_population": lambda: random.sample({1, 2}, 1),
    "sample_counts_mismatch": lambda: random.sample(["a", "b"], counts=[1], k=1),
    "choices_weights_mismatch": lambda: random.choices([1, 2], weights=[1], k=1),
    "choices_both_weights": lambda: random.choices([1, 2], weights=[1, 1], cum_weights=[1, 2]),
    "choices_zero_total": lambda: random.choices([1, 2], weights=[0, 0]),
    "getrandbits_negative": lambda: random.getrandbits(-1),
}


def plain(v):
    if isinstance(v, tuple):
        return [plain(x) for x in v]
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, range):
        return list(v)
    return v


out = {}
for name, case in CASES.items():
    try:
        v = case()
    except Exception as e:  # noqa: BLE001 - every error is a reference
        out[name] = {"error": [type(e).__name__, str(e)]}
        continue
    out[name] = {"value": plain(v)}

# The kernel cell (test/kernel/rewrite.test.ts) as Python writes it: what print() shows.
random.seed(42)
words = list(WORDS)
random.shuffle(words)
lines = [str(words[:5])]
lines.append(str([random.randint(1, 6) for _ in range(5)]))
lines.append(str(random.choices(["a", "b", "c"], weights=[10, 1, 5], k=4)))
lines.append(str(random.sample(range(100), k=3)))
lines.append(f"{random.random():.6f} {random.gauss(sigma=2):.6f}")
out["cell"] = "\n".join(lines) + "\n"
out["versions"] = {"python": "%d.%d" % sys.version_info[:2]}

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "random.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
