/**
 * NumPy's `np.random` (src/numpy/random.ts) against NumPy 1.24 (test/reference/gen_np_random.py). Each
 * case is the TypeScript spelling of the Python case of the same name, seeded inside the case, and
 * must give NumPy's draws (integers, shuffles and uniform doubles exactly; values that go through
 * Math.log / sqrt / pow / exp within a few ulps of glibc's) or NumPy's error. Then a few notebook cells
 * run through `torchlab run` must print what NumPy printed, with Python's keyword arguments.
 */
import * as fs from "fs";
import * as path from "path";
import * as np from "../../src/numpy/random";
import { range } from "../../src/builtins";
import * as D from "../../src/tensor/dtype";
import { ndarray } from "../../src/tensor/ndarray";
import { readReference } from "../tensor/fixtures";
import { notebook, runCli, tempDir } from "../kernel/helpers";

type Ref = { value: unknown } | { error: [string, string] };
interface Cell {
  py: string;
  ts: string;
  print: string;
}
const ref = readReference<{ cases: Record<string, Ref>; cells: Cell[] }>("np_random.json");

const seeded = (s: np.Seed, f: () => unknown) => (): unknown => {
  np.seed(s);
  return f();
};
const seq = (...fs: (() => unknown)[]) => (): unknown[] => fs.map((f) => f());
const shuffled = (s: number, xs: unknown[]): unknown[] => {
  np.seed(s);
  const copy = [...xs];
  np.shuffle(copy);
  return copy;
};
// Python's untyped calls, where TypeScript would refuse them at compile time.
const untyped = np as unknown as Record<string, (...args: unknown[]) => unknown>;

/** Cases whose floats go through Math.log / sqrt / pow / exp, which may differ from glibc's in the last bit. */
const LIBM = /^(randn|standard_normal|normal|gauss|exponential|standard_exponential|gamma|beta|mixed|state_roundtrip)/;

const CASES: Record<string, () => unknown> = {
  rand_0: seeded(0, () => np.rand(3)),
  rand_scalar: seeded(0, () => np.rand()),
  rand_2d: seeded(42, () => np.rand(2, 3)),
  random_sample: seeded(7, () => np.random_sample([2, 2])),
  random_alias: seeded(7, seq(() => np.random(3), () => np.ranf(), () => np.sample(2))),
  rand_700: seeded(1, () => new ndarray((np.rand(700) as ndarray).data.slice(-3), [3], D.float64)),
  seed_max: seeded(2 ** 32 - 1, () => np.rand(2)),
  seed_array: seeded([1, 2, 3], () => np.rand(3)),
  seed_big_array: seeded([2 ** 32 - 1, 0, 12345, 678], () => np.randint(0, 1000, { size: 5 })),
  randn_42: seeded(42, () => np.randn(5, 1)),
  randn_cache: seeded(42, seq(() => np.randn(3), () => np.randn(), () => np.randn(2))),
  randn_cache_mixed: seeded(1, seq(() => np.randn(), () => np.rand(), () => np.randn(), () => np.randn())),
  standard_normal: seeded(2, () => np.standard_normal([2, 2])),
  normal: seeded(5, () => np.normal(0, 0.1, [2, 3])),
  normal_scalar: seeded(5, seq(() => np.normal(), () => np.normal(3.0, 2.0))),
  normal_keywords: seeded(5, () => np.normal({ loc: 1.0, scale: 0.5, size: 4 })),
  normal_array_loc: seeded(0, () => np.normal([0.0, 10.0], 1)),
  normal_broadcast_size: seeded(0, () => np.normal([0.0, 10.0], [1.0, 0.5], { size: [3, 2] })),
  normal_zero_scale: seeded(0, () => np.normal(2.0, 0.0, 3)),
  gauss_cache_reset: () => {
    np.seed(3);
    const first = np.randn();
    np.seed(3);
    return [first, np.randn(), np.randn()];
  },
  uniform: seeded(6, seq(() => np.uniform(-1, 1), () => np.uniform(-1, 1, { size: 4 }))),
  uniform_default: seeded(6, () => np.uniform({ size: 3 })),
  uniform_array: seeded(6, () => np.uniform([0, 10], [1, 20])),
  uniform_reversed: seeded(6, () => np.uniform(1, -1, 3)),
  randint: seeded(1, () => np.randint(0, 10, { size: [3] })),
  randint_one_arg: seeded(1, seq(() => np.randint(5), () => np.randint(5, { size: 4 }))),
  randint_negative: seeded(1, () => np.randint(-5, -1, { size: 6 })),
  randint_2d: seeded(11, () => np.randint(0, 100, { size: [2, 3] })),
  randint_pow2: seeded(12, () => np.randint(0, 16, { size: 8 })),
  randint_32_bits: seeded(13, () => np.randint(0, 2 ** 32, { size: 3 })),
  randint_40_bits: seeded(1, () => np.randint(0, 2 ** 40, { size: 4 })),
  randint_53_bits: seeded(14, () => np.randint(-(2 ** 52), 2 ** 52, { size: 3 })),
  randint_float_bounds: seeded(0, () => np.randint(0.5, 3.7, { size: 5 })),
  randint_single_value: seeded(0, seq(() => np.randint(3, 4, { size: 3 }), () => np.rand())),
  randint_size_zero: seeded(0, seq(() => np.randint(0, 0, { size: 0 }), () => np.rand())),
  randint_size_empty_tuple: seeded(0, () => np.randint(5, { size: [] })),
  randint_int32: seeded(0, () => np.randint(0, 10, { size: 3, dtype: "int32" })),
  randint_uint8: seeded(0, () => np.randint(0, 10, { size: 5, dtype: "uint8" })),
  randint_int16: seeded(0, () => np.randint(-100, 100, { size: 5, dtype: "int16" })),
  randint_bool: seeded(0, () => np.randint(2, { size: 5, dtype: "bool" })),
  shuffle_list: () => shuffled(2, [...range(10)]),
  shuffle_words: () => shuffled(42, ["emma", "olivia", "ava", "isabella", "sophia", "mia"]),
  shuffle_one: () => shuffled(0, [5]),
  shuffle_rows: () => {
    np.seed(8);
    const a = new ndarray(Int32Array.from({ length: 12 }, (_, i) => i), [4, 3], D.int64);
    np.shuffle(a);
    return a;
  },
  permutation: seeded(4, () => np.permutation(10)),
  permutation_list: seeded(4, () => np.permutation([1.5, 2.5, 3.5, 4.5])),
  permutation_rows: seeded(0, () => np.permutation([[1, 2], [3, 4], [5, 6]])),
  permutation_empty: seeded(0, seq(() => np.permutation(0), () => np.rand())),
  permutation_negative: seeded(0, () => np.permutation(-1)),
  choice_int: seeded(3, seq(() => np.choice(10), () => np.choice(10, 4))),
  choice_no_replace: seeded(3, () => np.choice(20, 5, { replace: false })),
  choice_no_replace_2d: seeded(3, () => np.choice(5, { size: [2, 2], replace: false })),
  choice_no_replace_all: seeded(3, () => np.choice(6, 6, { replace: false })),
  choice_p: seeded(3, () => np.choice(5, 8, { p: [0.1, 0.2, 0.3, 0.2, 0.2] })),
  choice_p_scalar: seeded(3, seq(() => np.choice(3, { p: [0.2, 0.5, 0.3] }), () => np.choice(3, { p: [0.2, 0.5, 0.3] }))),
  choice_p_no_replace: seeded(3, () => np.choice(5, 3, { replace: false, p: [0.1, 0.2, 0.3, 0.2, 0.2] })),
  choice_p_zeros: seeded(3, () => np.choice(4, 6, { p: [0.5, 0.0, 0.5, 0.0] })),
  choice_list: seeded(7, seq(() => np.choice([1.5, 2.5, 3.5]), () => np.choice([10, 20, 30], 4))),
  choice_words: seeded(7, () => np.choice(["a", "b", "c"], 4)),
  choice_range: seeded(0, () => np.choice(range(100, 200), 3, { replace: false })),
  choice_size_zero: seeded(0, seq(() => np.choice(0, 0), () => np.rand())),
  exponential: seeded(9, seq(() => np.exponential(2.0, 3), () => np.exponential())),
  standard_exponential: seeded(9, () => np.standard_exponential(3)),
  gamma_small: seeded(10, () => np.gamma(0.5, 2.0, 4)),
  gamma_large: seeded(10, () => np.gamma(3.0, { size: 4 })),
  gamma_one: seeded(10, () => np.gamma(1.0, { size: 2 })),
  beta_johnk: seeded(10, () => np.beta(0.5, 0.5, 4)),
  beta_gamma: seeded(10, () => np.beta(2.0, 5.0, 4)),
  poisson_small: seeded(11, () => np.poisson(3.0, 8)),
  poisson_large: seeded(11, () => np.poisson(50.0, 6)),
  poisson_zero: seeded(11, seq(() => np.poisson(0.0, 2), () => np.rand())),
  binomial_inversion: seeded(12, () => np.binomial(10, 0.3, 8)),
  binomial_btpe: seeded(12, () => np.binomial(1000, 0.4, 6)),
  binomial_high_p: seeded(12, seq(() => np.binomial(20, 0.9, 5), () => np.binomial(500, 0.95, 3))),
  binomial_cached: seeded(12, seq(() => np.binomial(10, 0.3, 3), () => np.binomial(10, 0.3), () => np.binomial(200, 0.3, 2), () => np.binomial(200, 0.3, 2))),
  mixed: seeded(
    2024,
    seq(() => np.randn(), () => np.randint(0, 7, { size: 3 }), () => np.randn(), () => np.choice(9, 3, { replace: false }), () => np.uniform(2, 3), () => np.permutation(5)),
  ),
  random_state: () => new np.RandomState(42).randint(0, 10, { size: 5 }),
  two_states: () => {
    const a = new np.RandomState(1);
    const b = new np.RandomState(1);
    np.seed(2);
    return [a.rand(2), np.rand(2), b.rand(2), a.randint(10, { size: 3 })];
  },
  state_roundtrip: () => {
    np.seed(5);
    np.randn();
    const st = np.get_state();
    const a = [np.randn(), np.rand(), np.randint(100)];
    np.rand(3);
    np.set_state(st);
    const b = [np.randn(), np.rand(), np.randint(100)];
    return [a, b, st[0], Array.from(st[1].data.slice(0, 3)), st[2], st[3], st[4]];
  },
  err_randint_low_high: () => np.randint(5, 2),
  err_randint_equal: () => np.randint(5, 5),
  err_randint_zero: () => np.randint(0),
  err_randint_negative_high: () => np.randint(-3),
  err_randint_uint8_bounds: () => np.randint(0, 300, { dtype: "uint8" }),
  err_randint_negative_size: () => np.randint(0, 10, { size: -1 }),
  err_rand_negative: () => np.rand(-1),
  err_rand_float: () => np.rand(2.5),
  err_choice_2d: () => np.choice([[1, 2], [3, 4]] as unknown as number[]),
  err_choice_float: () => np.choice(2.5),
  err_choice_zero: () => np.choice(0),
  err_choice_empty: () => np.choice([]),
  err_choice_p_sum: () => np.choice(3, { p: [0.5, 0.6, 0.1] }),
  err_choice_p_size: () => np.choice(3, { p: [0.5, 0.5] }),
  err_choice_p_negative: () => np.choice(3, { p: [-0.5, 0.5, 1.0] }),
  err_choice_p_nan: () => np.choice(2, { p: [NaN, 1.0] }),
  err_choice_p_2d: () => untyped.choice(2, { p: [[0.5], [0.5]] }),
  err_choice_larger: () => np.choice(3, 5, { replace: false }),
  err_choice_fewer_nonzero: () => np.choice(3, 2, { replace: false, p: [1.0, 0.0, 0.0] }),
  err_normal_scale: () => np.normal(0, -1),
  err_normal_scale_array: () => np.normal(0, [1.0, -1.0]),
  err_normal_size: () => np.normal([0.0, 1.0], 1, { size: 3 }),
  err_uniform_inf: () => np.uniform(0, Infinity),
  err_exponential: () => np.exponential(-1),
  err_gamma_shape: () => np.gamma(-1),
  err_beta: () => np.beta(0, 1),
  err_poisson: () => np.poisson(-1),
  err_binomial_n: () => np.binomial(-1, 0.5),
  err_binomial_p: () => np.binomial(1, 1.5),
  err_seed_negative: () => np.seed(-1),
  err_seed_big: () => np.seed(2 ** 32),
  err_seed_float: () => np.seed(1.5),
  err_permutation_float: () => np.permutation(2.5),
  err_shuffle_int: () => untyped.shuffle(3),
};

/** A result as the generator writes NumPy's: an ndarray as {dtype, shape, data}, a tuple as a list. */
function plain(v: unknown): unknown {
  if (v instanceof ndarray) {
    const data = Array.from(v.data as ArrayLike<number>, (x) => (String(v._dtype) === "torch.bool" ? x !== 0 : x));
    return { dtype: String(v._dtype).replace(/^torch\./, ""), shape: [...v.shape], data };
  }
  if (Array.isArray(v)) return v.map(plain);
  return v === undefined ? null : v;
}

/** Equal, floats within 4 ulps where the case goes through the C library's functions. */
function close(a: unknown, b: unknown, ulps: number): boolean {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return true;
    return Math.abs(a - b) <= ulps * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i], ulps));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.join() === kb.join() && ka.every((k) => close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], ulps));
  }
  return a === b;
}

describe("np.random draws NumPy 1.24's legacy stream", () => {
  test("every generator case has a TypeScript spelling here", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref.cases).sort());
  });

  test.each(Object.keys(ref.cases).map((name) => [name] as const))("%s", (name) => {
    const expected = ref.cases[name];
    let got: Ref;
    try {
      got = { value: plain(CASES[name]()) };
    } catch (e) {
      got = { error: [(e as Error).name, (e as Error).message] };
    }
    if ("value" in expected && "value" in got && LIBM.test(name)) {
      if (!close(got.value, expected.value, 4)) expect(got).toEqual(expected);
    } else {
      expect(got).toEqual(expected);
    }
  });
});

describe("np.random in a notebook prints NumPy's text", () => {
  const printed: string[] = [];
  beforeAll(async () => {
    const dir = tempDir("torchlab-np-random-");
    fs.writeFileSync(path.join(dir, "np_random.ipynb"), JSON.stringify(notebook(ref.cells.map((c) => c.ts))));
    const run = await runCli(["run", path.join(dir, "np_random.ipynb"), "--out", dir]);
    if (run.status !== 0) throw new Error(run.stderr);
    const nb = JSON.parse(fs.readFileSync(path.join(dir, "np_random.ipynb"), "utf8"));
    for (const cell of nb.cells) {
      let out = "";
      for (const o of cell.outputs) {
        if (o.output_type === "stream") out += Array.isArray(o.text) ? o.text.join("") : o.text;
        if (o.output_type === "error") out += `ERR ${o.ename} ${o.evalue}\n`;
      }
      printed.push(out);
    }
  }, 120000);

  test.each(ref.cells.map((c, i) => [c.ts, i] as const))("%s", (ts, i) => {
    expect({ ts, printed: printed[i] }).toEqual({ ts, printed: ref.cells[i].print });
  });
});
