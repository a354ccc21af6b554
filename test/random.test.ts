/**
 * Python's `random` module (src/random.ts) against Python 3.11 (test/reference/gen_random.py): each case
 * is the TypeScript spelling of the Python expression of the same name, seeded inside the case, and
 * must give Python's draws exactly (floats bit for bit) or Python's error. The module in a cell, with
 * Python's keyword arguments, is tested through the kernel in test/kernel/rewrite.test.ts.
 */
import * as random from "../src/random";
import { range } from "../src/builtins";
import { readReference } from "./tensor/fixtures";

type Ref = { value: unknown } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("random.json");

const WORDS = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn",
  "abigail", "emily", "elizabeth", "mila", "ella", "avery", "sofia", "camila", "aria", "scarlett"];

const seeded = (a: random.Seed, f: () => unknown) => (): unknown => {
  random.seed(a);
  return f();
};
const draws = (f: () => unknown, n: number): unknown[] => Array.from({ length: n }, f);
const shuffled = (a: number, xs: unknown[]): unknown[] => {
  random.seed(a);
  const copy = [...xs];
  random.shuffle(copy);
  return copy;
};
// Python's untyped calls, where TypeScript would refuse them at compile time.
const untyped = random as unknown as Record<string, (...args: unknown[]) => unknown>;

/** Cases whose floats come out of Math.log / cos / sin, which may differ from glibc's in the last bit. */
const LIBM = new Set(["gauss", "gauss_mu_sigma", "gauss_sigma_keyword", "gauss_cache_reset", "normalvariate", "normalvariate_mu_sigma", "expovariate", "state_roundtrip"]);

const CASES: Record<string, () => unknown> = {
  random_42: seeded(42, () => draws(random.random, 5)),
  random_0: seeded(0, () => draws(random.random, 3)),
  random_big_seed: seeded(2 ** 40 + 12345, () => draws(random.random, 3)),
  random_two_word_seed: seeded(2 ** 32 + 5, () => draws(random.random, 3)),
  random_negative_seed: seeded(-7, () => draws(random.random, 3)),
  random_str_seed: seeded("hello", () => draws(random.random, 3)),
  random_unicode_seed: seeded("ñandú 🐍", () => draws(random.random, 2)),
  random_float_seed: seeded(3.5, () => draws(random.random, 2)),
  random_negative_float_seed: seeded(-0.1, () => draws(random.random, 2)),
  random_624: seeded(7, () => draws(random.random, 700).slice(-3)),
  randint: seeded(42, () => draws(() => random.randint(1, 6), 20)),
  randint_negative: seeded(5, () => draws(() => random.randint(-10, -3), 10)),
  randrange_stop: seeded(42, () => draws(() => random.randrange(10), 10)),
  randrange_step: seeded(42, () => draws(() => random.randrange(5, 50, 7), 8)),
  randrange_negative_step: seeded(42, () => draws(() => random.randrange(10, 0, -3), 8)),
  randrange_wide: seeded(42, () => draws(() => random.randrange(2 ** 40), 3)),
  randrange_33_bits: seeded(9, () => draws(() => random.randrange(2 ** 33 + 1), 3)),
  randrange_53_bits: seeded(9, () => draws(() => random.randrange(2 ** 53 - 1), 3)),
  getrandbits: seeded(11, () => [0, 1, 7, 31, 32, 33, 40, 53].map((k) => random.getrandbits(k))),
  choice_list: seeded(42, () => draws(() => random.choice(WORDS), 6)),
  choice_str: seeded(42, () => draws(() => random.choice("abcdef"), 6)),
  choice_range: seeded(42, () => draws(() => random.choice(range(100, 200, 3)), 4)),
  shuffle_words: () => shuffled(42, WORDS),
  shuffle_range: () => shuffled(0, [...range(30)]),
  shuffle_one: () => shuffled(0, [5]),
  sample_pool: seeded(42, () => random.sample(range(50), 10)),
  sample_set: seeded(42, () => random.sample(range(100), 10)),
  sample_small: seeded(1, () => random.sample(WORDS, 3)),
  sample_str: seeded(1, () => random.sample("abcdefgh", 4)),
  sample_all: seeded(2, () => random.sample(range(8), 8)),
  sample_counts: seeded(42, () => random.sample(["red", "blue"], { counts: [4, 2], k: 5 })),
  choices_uniform: seeded(42, () => random.choices(WORDS, { k: 6 })),
  choices_weights: seeded(42, () => random.choices(["a", "b", "c"], { weights: [10, 1, 5], k: 10 })),
  choices_positional_weights: seeded(42, () => random.choices(["a", "b", "c"], [0.2, 0.3, 0.5], { k: 5 })),
  choices_cum_weights: seeded(42, () => random.choices(range(4), { cum_weights: [1, 2, 2, 6], k: 8 })),
  choices_default_k: seeded(42, () => random.choices(WORDS)),
  uniform: seeded(42, () => draws(() => random.uniform(-1, 1), 5)),
  gauss: seeded(42, () => draws(() => random.gauss(), 5)),
  gauss_mu_sigma: seeded(42, () => draws(() => random.gauss(2, 0.5), 4)),
  gauss_sigma_keyword: seeded(42, () => draws(() => random.gauss(undefined, 3), 2)),
  gauss_cache_reset: () => {
    random.seed(3);
    const first = random.gauss();
    random.seed(3);
    return [first, random.gauss(), random.gauss()];
  },
  normalvariate: seeded(42, () => draws(() => random.normalvariate(), 5)),
  normalvariate_mu_sigma: seeded(0, () => draws(() => random.normalvariate(10, 2), 3)),
  expovariate: seeded(42, () => draws(() => random.expovariate(1.5), 4)),
  state_roundtrip: () => {
    random.seed(1);
    random.gauss();
    const s = random.getstate();
    const a = [random.random(), random.gauss(), random.randint(0, 99)];
    random.random();
    random.setstate(s);
    const b = [random.random(), random.gauss(), random.randint(0, 99)];
    return [a, b, s[0], s[1].slice(0, 3), s[1].at(-1), s[1].length, s[2]];
  },
  instance: () => [new random.Random(5).random(), new random.Random("x").randint(0, 1000)],
  randrange_zero: () => random.randrange(0),
  randrange_empty: () => random.randrange(5, 5),
  randrange_zero_step: () => random.randrange(0, 10, 0),
  randrange_empty_step: () => random.randrange(0, 10, -1),
  randrange_float: () => random.randrange(1.5),
  randrange_float_stop: () => random.randrange(0, 2.5),
  randint_reversed: () => random.randint(5, 1),
  choice_empty: () => random.choice([]),
  sample_too_many: () => random.sample([1, 2], 3),
  sample_negative: () => random.sample([1, 2], -1),
  sample_set_population: () => untyped.sample(new Set([1, 2]), 1),
  sample_counts_mismatch: () => random.sample(["a", "b"], { counts: [1], k: 1 }),
  choices_weights_mismatch: () => random.choices([1, 2], { weights: [1], k: 1 }),
  choices_both_weights: () => random.choices([1, 2], { weights: [1, 1], cum_weights: [1, 2] }),
  choices_zero_total: () => random.choices([1, 2], { weights: [0, 0] }),
  getrandbits_negative: () => random.getrandbits(-1),
};

describe("Python's random module, draw for draw (Python 3.11)", () => {
  test("every case of gen_random.py has its TypeScript spelling here", () => {
    const names = Object.keys(ref).filter((k) => k !== "versions" && k !== "cell");
    expect(Object.keys(CASES).sort()).toEqual(names.sort());
  });

  test.each(Object.keys(CASES))("%s", (name) => {
    const want = ref[name];
    if ("error" in want) {
      let got: unknown;
      try {
        got = CASES[name]();
      } catch (e) {
        expect([(e as Error).name, (e as Error).message]).toEqual(want.error);
        return;
      }
      throw new Error(`${name}: expected ${want.error.join(": ")}, got ${JSON.stringify(got)}`);
    }
    const got = CASES[name]();
    if (!LIBM.has(name)) return expect(got).toEqual(want.value);
    // Through Math.log / cos / sin: the same draws, each within an ulp or two of the C library's.
    const [g, w] = [(got as unknown[]).flat(), (want.value as unknown[]).flat()];
    expect(g.length).toBe(w.length);
    g.forEach((v, i) => expect(Math.abs((v as number) - (w[i] as number))).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(w[i] as number))));
  });

  test("getstate() is Python's tuple: (3, (624 words..., index), None) prints as a tuple", () => {
    random.seed(0);
    const [version, internal, gauss] = random.getstate();
    expect([version, internal.length, internal[624], gauss]).toEqual([3, 625, 624, null]);
  });

  test("JavaScript's limits are refused, not drawn from another stream", () => {
    expect(() => random.getrandbits(54)).toThrow(/53 bits/);
    expect(() => random.randrange(2 ** 54)).toThrow(/2\*\*53/);
  });
});
