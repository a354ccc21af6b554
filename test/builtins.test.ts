/**
 * Python's builtins (src/builtins.ts) against Python 3.11 + PyTorch 1.13 (test/reference/gen_builtins.py):
 * each case below is the TypeScript spelling of the Python expression of the same name, and must give
 * Python's value, repr or error. Then typing: a notebook cell using them compiles (`next(iter(loader))`
 * gives tensors), and a wrong use does not. The prelude names and a cell's own `sum` are tested through
 * the kernel in test/kernel/runner.test.ts.
 */
import * as path from "path";
import { torch } from "../src";
import * as B from "../src/builtins";
import { abs, enumerate, float, getattr, hasattr, int, isinstance, setattr, iter, len, list, map, max, min, next, range, repr, round, set, sorted, str, sum, tuple, zip, type PySet } from "../src/builtins";
import { contains } from "../src/pyin";
import { str_format } from "../src/pystr";
import { pythonRepr } from "../src/display/pylist";
import { asPyTuple, PyFloat } from "../src/pyrepr";
import { TORCHLAB_VERSION } from "../src/version";
import { torchvision } from "../src";
import { SRC, cellDiagnostics } from "./cell_types";
import { readReference } from "./tensor/fixtures";

type Ref = { value: unknown } | { repr: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref> & { versions: { torch: string; python: string }; round_fuzz: [number, number, number][] }>("builtins.json");
const { nn } = torch;
const { DataLoader, TensorDataset } = torch.utils.data;

// Python's untyped calls, where TypeScript would (rightly) refuse them at compile time.
const untyped = B as unknown as Record<string, (...args: unknown[]) => unknown>;

function exhausted(withDefault: boolean): unknown {
  const it = iter([1]);
  next(it);
  return withDefault ? next(it, "done") : next(it);
}

// JS has no 1.0: the float tensors Python writes with a decimal point are float32 here by their dtype.
const f32 = (v: number | number[]) => torch.tensor(v, { dtype: torch.float32 });
let w: torch.Tensor;
let loader: InstanceType<typeof DataLoader<torch.Tensor[]>>;
beforeAll(() => {
  w = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
  loader = new DataLoader(new TensorDataset(torch.arange(6).float().view(3, 2), torch.tensor([0, 1, 2])), { batch_size: 2 });
});

/** The set after `f`'s calls on it, with what they returned (gen_builtins.py's then()). */
function then<T>(s: PySet<T>, f: (s: PySet<T>) => unknown): unknown {
  return asPyTuple([f(s), s]);
}

const CASES: Record<string, () => unknown> = {
  range_stop: () => list(range(5)),
  range_step: () => list(range(2, 10, 3)),
  range_negative_step: () => list(range(10, 0, -3)),
  range_empty: () => list(range(5, 2)),
  len_range: () => len(range(0, 10, 3)),
  len_range_negative: () => len(range(10, 0, -3)),
  len_range_empty: () => len(range(5, 2)),
  len_int: () => untyped.len(5),
  len_none: () => untyped.len(null),
  len_float: () => untyped.len(2.5),
  repr_range: () => repr(range(5)),
  repr_range_step: () => repr(range(1, 10, 2)),
  range_index: () => range(0, 10, 3).getitem(2),
  range_index_negative: () => range(10).getitem(-1),
  range_index_out: () => range(3).getitem(3),
  range_float: () => range(1.5),
  range_zero_step: () => range(0, 5, 0),
  range_no_args: () => untyped.range(),
  range_four_args: () => untyped.range(1, 2, 3, 4),
  enumerate: () => list(enumerate(["a", "b"])),
  enumerate_start: () => list(enumerate("ab", 1)),
  enumerate_start_keyword: () => list(enumerate("ab", { start: 10 })),
  enumerate_int: () => untyped.enumerate(5),
  zip: () => list(zip([1, 2, 3], "ab")),
  zip_three: () => list(zip([1, 2], [3, 4], [5, 6])),
  zip_none: () => list(zip()),
  zip_int: () => untyped.zip([1], 2),
  map_str: () => list(map(str, [1, 2.5, "a"])),
  map_two: () => list(map((a: number, b: number) => a * b, [1, 2, 3], [4, 5])),
  map_join_size: () => [...map(str, torch.ones(2, 3, 4).size())].join(" × "),
  map_no_iterable: () => untyped.map(str),
  map_not_callable: () => list(untyped.map(1, [1])),
  map_not_callable_empty: () => list(untyped.map(1, [])),
  next_iter_list: () => next(iter([1, 2])),
  next_exhausted: () => exhausted(false),
  next_default: () => exhausted(true),
  next_list: () => untyped.next([1]),
  next_range: () => untyped.next(range(3)),
  next_iter_range: () => next(iter(range(3, 6))),
  iter_int: () => untyped.iter(5),
  next_iter_dict: () => next(iter({ a: 1, b: 2 })),
  next_iter_tensor: () => next(iter(torch.tensor([[1, 2], [3, 4]]))),
  iter_0d_tensor: () => iter(f32(1)),
  next_iter_loader_images: () => next(iter(loader))[0],
  next_iter_loader_labels: () => next(iter(loader))[1],
  sum_ints: () => sum([1, 2, 3]),
  sum_floats: () => sum(Array(10).fill(0.1)),
  sum_start: () => sum([1, 2], 10),
  sum_start_keyword: () => sum([1, 2], { start: 10 }),
  sum_empty: () => sum([]),
  sum_bools: () => sum([true, true, false]),
  sum_tensors: () => sum([f32(1), f32(2.5)]),
  sum_numel: () => sum(new nn.Linear(3, 2).parameters().map((p) => p.numel())),
  sum_grad: () => sum([w.mul(2), w]),
  sum_strings: () => untyped.sum(["a", "b"]),
  sum_string_start: () => untyped.sum(["a"], ""),
  sum_int: () => untyped.sum(5),
  sum_lists: () => untyped.sum([[1], [2]]),
  list_range: () => list(range(3)),
  list_string: () => list("abc"),
  list_dict: () => list({ a: 1, b: 2 }),
  list_empty: () => list(),
  list_int: () => untyped.list(5),
  list_tensor: () => repr(list(torch.arange(3))),
  tuple_list: () => repr(tuple([torch.tensor([0.5, 1.0]), torch.tensor(0)])),
  tuple_range: () => tuple(range(3)),
  tuple_one: () => tuple([5]),
  tuple_empty: () => tuple(),
  tuple_string: () => tuple("ab"),
  tuple_dict: () => tuple({ a: 1, b: 2 }),
  tuple_shape: () => tuple(torch.zeros(2, 3).shape),
  tuple_shape_1d: () => tuple(torch.zeros(4).shape),
  tuple_int: () => untyped.tuple(5),
  str_tuple: () => str(tuple(torch.zeros(1, 28, 28).shape)),
  fstring_tuple: () => `shape ${str(tuple(torch.zeros(3).shape))} ${str(tuple())}`,
  repr_list_of_tuples: () => repr([tuple([1]), asPyTuple([2, "a"])]),
  sorted: () => sorted([3, 1, 2]),
  sorted_reverse: () => sorted([3, 1, 2], { reverse: true }),
  sorted_strings: () => sorted(["b", "a", "C"]),
  sorted_key: () => sorted(["ccc", "a", "bb"], { key: len }),
  sorted_tuples: () => sorted([asPyTuple([1, "b"] as [number, string]), asPyTuple([1, "a"] as [number, string]), asPyTuple([0, "z"] as [number, string])]),
  sorted_stable: () => sorted([asPyTuple([1, "x"] as [number, string]), asPyTuple([0, "y"] as [number, string]), asPyTuple([1, "a"] as [number, string])], { key: (p) => p[0] }),
  sorted_stable_reverse: () => sorted([asPyTuple([1, "x"] as [number, string]), asPyTuple([0, "y"] as [number, string]), asPyTuple([1, "a"] as [number, string])], { key: (p) => p[0], reverse: true }),
  sorted_dict: () => sorted({ b: 1, a: 2 }),
  sorted_mixed: () => sorted([1, "a"]),
  sorted_tensors: () => sorted([f32(2), f32(1)]),
  sorted_tensors_ambiguous: () => sorted([torch.ones(2), torch.zeros(2)]),
  max_list: () => max([1, 5, 3]),
  max_args: () => max(1, 2.5),
  min_args: () => min(3, 1, 2),
  max_empty: () => max([]),
  min_empty: () => min([]),
  max_default: () => max([], { default: 0 }),
  max_key: () => max(["aa", "b", "cc"], { key: len }),
  min_key: () => min(["aa", "b", "c"], { key: len }),
  min_nan_first: () => min(NaN, 1),
  min_nan_second: () => min(1, NaN),
  max_tensor: () => max(torch.tensor([1, 5, 3])),
  max_tensors: () => max(f32(2), f32(3)),
  max_int: () => untyped.max(5),
  max_mixed: () => untyped.max(1, "a"),
  min_mixed: () => untyped.min(1, "a"),
  max_default_args: () => untyped.max(1, 2, { default: 0 }),
  max_no_args: () => untyped.max(),
  min_tensors_ambiguous: () => min(torch.ones(2), torch.zeros(2)),
  abs_int: () => abs(-3),
  abs_float: () => abs(-2.5),
  abs_bool: () => abs(true),
  abs_tensor: () => abs(f32([-1, 2])),
  abs_str: () => untyped.abs("a"),
  round_half_even_down: () => round(2.5),
  round_half_even_up: () => round(3.5),
  round_negative_half: () => round(-2.5),
  round_half: () => round(0.5),
  round_none: () => round(2.5, null),
  round_binary_below: () => round(2.675, 2),
  round_tie_even: () => round(0.125, 2),
  round_tie_odd: () => round(0.375, 2),
  round_digits: () => round(1.23456789, 4),
  round_negative_digits: () => round(1234.5678, -2),
  round_negative_tie: () => round(1250.0, -2),
  round_negative_tie_up: () => round(1350.0, -2),
  round_big: () => round(1e300, 2),
  round_small: () => round(0.1 + 0.2, 15),
  round_accuracy: () => round(0.8765432, 3),
  round_nan: () => round(NaN),
  round_inf: () => round(Infinity),
  round_nan_digits: () => round(NaN, 2),
  round_float_digits: () => round(1.5, 1.5),
  round_tensor: () => untyped.round(torch.tensor([0.5, 1.5, 2.5])),
  round_tensor_digits: () => untyped.round(torch.tensor([1.234, 5.678]), 1),
  isinstance_tensor: () => isinstance(torch.ones(1), torch.Tensor),
  isinstance_parameter: () => isinstance(new nn.Parameter(torch.ones(1)), torch.Tensor),
  isinstance_module: () => isinstance(torch.ones(1), nn.Module),
  isinstance_tuple: () => isinstance(new nn.Linear(1, 1), [nn.Conv2d, nn.Linear]),
  isinstance_str: () => isinstance("a", str),
  isinstance_list: () => isinstance([1], list),
  isinstance_not_a_type: () => untyped.isinstance(1, 5),
  getattr_class: () => getattr(torch.optim, "SGD") === torch.optim.SGD,
  getattr_attribute: () => getattr(new nn.Linear(2, 3), "in_features"),
  getattr_method: () => getattr(f32([1.0, 2.0]), "sum")(),
  getattr_default: () => getattr(new nn.Linear(2, 3), "fc", null),
  getattr_missing: () => getattr(new nn.Linear(2, 3), "fc"),
  getattr_not_string: () => untyped.getattr(torch.ones(1), 5),
  getattr_module_missing: () => getattr(torch.optim, "Adamm"),
  getattr_nn_missing: () => getattr(torch.nn, "Linaer"),
  getattr_submodule_missing: () => getattr(torch.optim.lr_scheduler, "StepLRR"),
  getattr_vision_missing: () => getattr(torchvision.transforms, "ToTensr"),
  hasattr_true: () => hasattr(new nn.Linear(2, 3), "weight"),
  hasattr_false: () => hasattr(new nn.Linear(2, 3), "fc"),
  hasattr_len: () => [[1, 2], tuple([1]), "ab", {a: 1}, new Set([1, 2]), torch.ones(2), torch.tensor(1.0), 3, 2.5, null].map((v) => hasattr(v, "__len__")),
  getattr_len: () => [[1, 2, 3], "abcd", {a: 1, b: 2}, new Set([1, 2]), torch.ones(5, 2)].map((v) => getattr(v, "__len__")()),
  getattr_len_0d: () => getattr(torch.tensor(1.0), "__len__")(),
  setattr_module: () => {
    const m = new nn.Sequential();
    setattr(m, "fc", new nn.Linear(1, 1));
    return [...m.named_parameters()].map(([name]) => name);
  },
  float_tensor: () => float(torch.tensor(2.5)),
  float_one_element: () => float(torch.tensor([3])),
  float_bool_tensor: () => float(torch.tensor(true)),
  float_many: () => float(torch.ones(2)),
  float_empty: () => float(torch.tensor([])),
  float_string: () => float("1.5"),
  float_string_spaces: () => float(" 1e3 "),
  float_string_inf: () => float("-inf"),
  float_string_nan: () => float("nan"),
  float_string_underscore: () => float("1_000.5"),
  float_string_bad: () => float("abc"),
  float_bool: () => float(true),
  float_none: () => untyped.float(null),
  int_float: () => int(2.7),
  int_negative_float: () => int(-2.7),
  int_string: () => int("42"),
  int_string_spaces: () => int(" -7 "),
  int_string_underscore: () => int("1_000"),
  int_string_float: () => int("3.5"),
  int_tensor: () => int(torch.tensor(2.7)),
  int_negative_tensor: () => int(torch.tensor(-2.7)),
  int_many: () => int(torch.ones(3)),
  int_nan: () => int(NaN),
  int_inf: () => int(Infinity),
  int_bool: () => int(true),
  int_none: () => untyped.int(null),
  str_tensor: () => str(f32([1, 2])),
  str_str: () => str("a"),
  str_list: () => str([1, "a", null]),
  str_none: () => str(null),
  str_bool: () => str(true),
  str_size: () => str(torch.ones(2).shape),
  str_empty: () => str(),
  repr_str: () => repr("it's"),
  repr_tensor: () => repr(torch.tensor([1.5])),
  repr_list_tensor: () => repr([torch.tensor(1)]),
  repr_none: () => repr(null),
  range_tensor: () => list(range(torch.tensor(3))),
  range_tensor_one_element: () => list(range(1, torch.tensor([4]))),
  range_float_tensor: () => range(f32(2)),
  range_tensor_many: () => range(torch.tensor([1, 2])),
  set_empty: () => set(),
  set_list: () => set([3, 1, 2, 2, 1]),
  set_one_true: () => set([1, true, 1.0] as (number | boolean)[]),
  set_string_sorted: () => sorted(set("hello")),
  set_string_len: () => len(set("hello")),
  set_dict: () => sorted(set({ b: 1, a: 2 })),
  set_tuples: () => sorted(set(zip([1, 1, 2], ["a", "a", "b"]))),
  set_in: () => [contains(2, set([1, 2])), contains(5, set([1, 2])), contains("l", set("hello"))],
  set_list_of: () => list(set([5, 0, 3, 0])),
  set_add: () => (then(set([1, 2]), (s) => [s.add(4), s.add(1)]) as unknown[])[1],
  set_update: () => then(set([1, 2]), (s) => s.update([3, 0], range(2))),
  set_remove: () => then(set([1, 2]), (s) => s.remove(1)),
  set_remove_missing: () => set([1, 2]).remove(3),
  set_remove_missing_str: () => set(["a"]).remove("b"),
  set_discard: () => then(set([1, 2]), (s) => [s.discard(1), s.discard(7)]),
  set_pop_empty: () => set().pop(),
  set_union: () => set([1, 2]).union([2, 3], tuple([4])),
  set_intersection: () => set([1, 2, 3]).intersection([2, 3, 4]),
  set_difference: () => set([1, 2, 3]).difference([2], set([3])),
  set_symmetric_difference: () => set([1, 2, 3]).symmetric_difference([3, 4]),
  set_subset: () => [set([1, 2]).issubset([1, 2, 3]), set([1, 2]).issuperset([1]), set([1]).isdisjoint([2])],
  set_copy: () => then(set([1]), (s) => s.copy().add(9) && undefined),
  set_repr_str: () => repr(set(["a"])),
  set_repr_empty: () => repr(set()),
  set_str_list: () => str([set(), set([1, 2])]),
  set_int: () => untyped.set(5),
  set_sum: () => sum(set([1, 2, 2])),
  set_max: () => max(set([4, 9, 2])),
};

describe("Python's builtins give Python 3.11's values and errors", () => {
  test("every reference case has its TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "versions" && k !== "round_fuzz").sort());
    expect(ref.versions.python).toBe("3.11");
  });

  for (const name of Object.keys(CASES)) {
    test(name, () => {
      const expected = ref[name];
      let got: unknown;
      try {
        got = CASES[name]();
      } catch (e) {
        const error = e as Error;
        expect([error.name, error.message]).toEqual("error" in expected ? expected.error : ["no error", ""]);
        return;
      }
      if ("error" in expected) throw new Error(`${name}: expected ${expected.error.join(": ")}, got ${repr(got)}`);
      // enumerate/zip/list/sorted return iterators or arrays: Python's list() of them.
      if ("repr" in expected) expect(pythonRepr(got)).toBe(expected.repr);
      else expect(got).toEqual(expected.value);
    });
  }
});

describe("behaviour beyond single values", () => {
  test("len of a string counts code points each time it is asked, as Python's str (a loop bounded by len(text) over a long text stays fast)", () => {
    const long = "ab".repeat(20000);
    let n = 0;
    const t0 = Date.now();
    for (let i = 0; i < len(long); i++) n++;
    expect(n).toBe(40000);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(len("a\u{1F600}b")).toBe(3);
    expect(len("ab")).toBe(2);
    expect(len("a\u{1F600}b")).toBe(3);
    expect(len("")).toBe(0);
  });

  // Python 3.11: next(w) of a class with __next__ calls it (Trevett's IteratorWrapper.get_batch returns next(self)),
  // its StopIteration gives next's default; an object with neither is "'X' object is not an iterator".
  test("next() asks a class's __next__, as Python's iterator protocol", () => {
    class Wrapper {
      private it: Iterator<number>;
      constructor(private readonly xs: number[]) {
        this.it = this.xs[Symbol.iterator]();
      }
      __next__(): number {
        const r = this.it.next();
        if (r.done) throw new torch.StopIteration();
        return r.value;
      }
    }
    const w = new Wrapper([1, 2]);
    const first: number = next(w);
    expect([first, next(w), next(w, "done")]).toEqual([1, 2, "done"]);
    expect(() => next(w)).toThrow(torch.StopIteration);
    expect(() => next({ x: 1 } as unknown as Iterator<number>)).toThrow("'dict' object is not an iterator");
  });

  test("range iterates lazily and prints as Python's; loops over it read as PyTorch's", () => {
    const seen: number[] = [];
    for (const epoch of range(3)) seen.push(epoch);
    expect(seen).toEqual([0, 1, 2]);
    expect(String(range(2, 8, 2))).toBe("range(2, 8, 2)");
    expect(len(range(-5, 5, 3))).toBe(4);
    expect(list(range(-5, 5, 3))).toEqual([-5, -2, 1, 4]);
    expect(range(10, 0, -3).getitem(-1)).toBe(1);
  });

  test("enumerate and zip over a DataLoader give its batches; iter(iterator) is the iterator", () => {
    const batches = list(enumerate(loader, 1));
    expect(batches.map(([i, [x]]) => [i, x.shape[0]])).toEqual([[1, 2], [2, 1]]);
    const it = iter(loader);
    expect(iter(it)).toBe(it);
    const pairs = list(zip(range(5), loader));
    expect(pairs.map(([i, [, y]]) => [i, y.tolist()])).toEqual([[0, [0, 1]], [1, [2]]]);
    // Each iter() is a fresh pass, as a DataLoader's iterator in PyTorch.
    expect(next(iter(loader))[1].tolist()).toEqual([0, 1]);
    expect(next(iter(new Map([["k", 1]])))).toBe("k");
  });

  test("sum of losses keeps the graph: backward through it reaches every term", () => {
    const p = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    const loss = sum([p.mul(3).sum(), p.pow(2).sum()]);
    loss.backward();
    expect(p.grad!.tolist()).toEqual([5, 7]);
  });

  test("round is exact on the binary value where decimal arithmetic would not be", () => {
    expect(round(1.005, 2)).toBe(1); // 1.005 is 1.00499999999999989...
    expect(round(-0.125, 2)).toBe(-0.12);
    expect(round(123456789.123, -3)).toBe(123457000);
    expect(Object.is(round(-0.4), 0)).toBe(true); // Python's ints have no -0
    expect(round(5e-324, 400)).toBe(5e-324);
    for (const [x, n, expected] of ref.round_fuzz) expect([x, n, round(x, n)]).toEqual([x, n, expected]);
    expect(ref.round_fuzz.length).toBe(300);
  });

  test("isinstance narrows the type; a number is an int when whole, a float otherwise or when the dialect says so (PyFloat)", () => {
    const v: unknown = torch.ones(2);
    if (isinstance(v, torch.Tensor)) expect(v.shape[0]).toBe(2);
    expect([untyped.isinstance(1, int), untyped.isinstance(1, float), untyped.isinstance(1.5, float), untyped.isinstance(true, int), untyped.isinstance("1", int)]).toEqual([true, false, true, true, false]);
    expect([untyped.isinstance(new PyFloat(1), float), untyped.isinstance(new PyFloat(1), int), untyped.isinstance(new PyFloat(1), [int, float])]).toEqual([true, false, true]);
  });

  test("torch.__version__ and torchvision.__version__ are PyTorch's releases with torchlab's as the local label", () => {
    const pkg = require("../package.json") as { version: string };
    expect(TORCHLAB_VERSION).toBe(pkg.version);
    expect(torch.__version__).toBe(`1.13.0+torchlab.${pkg.version}`);
    expect(torchvision.__version__).toBe(`0.14.0+torchlab.${pkg.version}`);
    // PEP 440's public version + local label, which packaging.version parses.
    expect(torch.__version__).toMatch(/^\d+\.\d+\.\d+\+[a-z0-9]+(\.[a-z0-9]+)*$/);
    expect(ref.versions.torch.startsWith("1.13.")).toBe(true);
  });
});

describe("types flow through the builtins in a notebook cell", () => {
  test("a tutorial's cell compiles; a wrong use is a type error", () => {
    const cell = (body: string) => `import { torch } from "${SRC}";\nimport { range, enumerate, zip, iter, next, sum, list, sorted, max, min, abs, round, float, int, str, repr, isinstance, len, map } from "${SRC}/builtins";\n${body}\nexport {};`;
    const good = cell(
      [
        "const loader = new torch.utils.data.DataLoader(new torch.utils.data.TensorDataset(torch.rand(4, 1, 2, 2), torch.tensor([0, 1, 0, 1])), { batch_size: 2 });",
        "const [images, labels] = next(iter(loader));",
        "const shape: number[] = [...images.shape, labels.shape[0]];",
        "for (const [i, [x, y]] of enumerate(loader, 1)) { const n: number = i + x.shape[0] + y.numel(); }",
        "for (const [a, b] of zip(range(3), ['x', 'y'])) { const s: string = b.repeat(a); }",
        "const net = new torch.nn.Linear(3, 2);",
        "const count: number = sum(net.parameters().map((p) => p.numel()));",
        "const total: torch.Tensor = sum([images.sum(), labels.sum()]);",
        "const keys: string[] = sorted({ b: 1, a: 2 });",
        "const best: string = max(['aa', 'b'], { key: len });",
        "const low: number = min(3, 1, 2) + abs(-2) + round(2.675, 2) + float(total) + int('7');",
        "const text: string = str(images) + repr(labels);",
        "const m: unknown = net; if (isinstance(m, torch.nn.Linear)) { const f: number = m.in_features; }",
        "const first: number | string = next(iter([1, 2]), 'none');",
        "const xs: number[] = list(range(5));",
        "const dims: string = ' x '.concat(...map(str, images.size()));",
        "const products: number[] = list(map((a: number, b: number) => a * b, [1, 2], [3, 4]));",
        // Python's `losses = list()` then `losses.append(...)`: an empty list takes any item (it was never[]).
        "const losses = list(); losses.push(0.5); const last: number = losses[0].toFixed(1).length;",
        "const counts = list<number>(); counts.push(1);",
        // An untyped dataset (a loaded object) splits into Subsets whose samples destructure (they were unknown).
        "const loaded: any = new torch.utils.data.TensorDataset(torch.zeros(4, 2), torch.zeros(4));",
        "const [train, val] = torch.utils.data.random_split(loaded, [3, 1]);",
        "const [xb, yb] = train.getitem(0); const sizes: number = xb.shape[0] + val.__len__();",
        "for (const [bx, by] of new torch.utils.data.DataLoader(train, { batch_size: 2 })) { const n: number = bx.shape[0] + by.numel(); }",
      ].join("\n"),
    );
    expect(cellDiagnostics(path.join(__dirname, "__builtins_cell__.ts"), good)).toEqual([]);
    // tqdm of an untyped value (a notebook function's `iterator` parameter) iterates as any, not unknown.
    const tqdmCell = `import { tqdm } from "${SRC}/display/progress";\nfunction train(iterator: any) { for (const [x, y] of tqdm(iterator, { desc: "Training" })) { x.to("cpu"); y.to("cpu"); } }\nexport {};`;
    expect(cellDiagnostics(path.join(__dirname, "__builtins_tqdm__.ts"), tqdmCell)).toEqual([]);
    const bad = cellDiagnostics(path.join(__dirname, "__builtins_bad__.ts"), cell("const n: string = next(iter([1, 2]));\niter(5);\nconst typed = list<number>(); typed.push('a');"));
    expect(bad).toHaveLength(3);
  });
});

describe("str() of a NumPy array (what x.numpy() gives) is its str, as print writes it (test/reference/gen_mit191_ops.py)", () => {
  const R = (JSON.parse(require("fs").readFileSync(path.join(__dirname, "reference", "mit191_ops.json"), "utf8")) as { arrays: Record<string, Record<string, string>> }).arrays;
  test("str, '{}'.format and repr of an int64 and a float32 array", () => {
    const arrays = { int64: torch.tensor([24, 10, 4, 0]).numpy(), float32: torch.tensor([1.5, 2.0, -0.25], { dtype: torch.float32 }).numpy() };
    for (const [name, a] of Object.entries(arrays)) {
      expect([name, str(a), str_format("-> {} <-", a), repr(a)]).toEqual([name, R[name].str, R[name].format, R[name].repr]);
    }
  });
});

describe("a method read as a value prints as Python's (src/bound_method.ts)", () => {
  const { methodRepr } = require("../src/bound_method") as typeof import("../src/bound_method");
  test("a tensor's C method is a built-in method of the Tensor object (kanncaa1's `format(tensor.type)`)", () => {
    expect(methodRepr(torch.ones(2), "type")).toMatch(/^<built-in method type of Tensor object at 0x[0-9a-f]{12}>$/);
    expect(methodRepr(torch.ones(2).numpy(), "reshape")).toMatch(/^<built-in method reshape of numpy\.ndarray object at 0x[0-9a-f]{12}>$/);
    expect(methodRepr([], "append")).toMatch(/^<built-in method append of list object at 0x[0-9a-f]{12}>$/);
  });
  test("a Python-level method is a bound method of its defining class, with the object's repr", () => {
    expect(methodRepr(torch.ones(2), "backward")).toBe("<bound method Tensor.backward of tensor([1., 1.])>");
    expect(methodRepr(new torch.nn.Linear(1, 1), "parameters")).toBe("<bound method Module.parameters of Linear(in_features=1, out_features=1, bias=True)>");
  });
});
