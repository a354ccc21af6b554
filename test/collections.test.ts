/**
 * Python's collections.OrderedDict / namedtuple (src/collections.ts) and itertools.product
 * (src/itertools.ts) against Python 3.11 (test/reference/gen_collections.py): each case is the
 * TypeScript spelling of the Python expression of the same name and gives Python's repr or error.
 * deeplizard's RunBuilder (test/tutorials/deeplizard_notebook.test.ts) is their notebook use.
 */
import * as fs from "fs";
import * as path from "path";
import { repr, str, len, list, tuple, isinstance } from "../src/builtins";
import { OrderedDict, namedtuple, abc } from "../src/collections";
import { product } from "../src/itertools";
import { torch } from "../src";
const nn = torch.nn;

type Ref = { repr: string } | { error: [string, string] };
const ref = JSON.parse(fs.readFileSync(path.join(__dirname, "reference", "collections.json"), "utf8")) as Record<string, Ref>;

const Run = namedtuple("Run", ["lr", "batch_size"]);
const params = OrderedDict(null, { lr: [0.01, 0.001], batch_size: [1000, 10000] });
// Python's untyped calls, where TypeScript would refuse them at compile time.
const loose = { OrderedDict: OrderedDict as unknown as (...a: unknown[]) => unknown, Run: Run as unknown as (...a: unknown[]) => unknown };

// gen_collections.py's VALUES, in its order: what `isinstance(v, collections.abc.X)` is asked of.
const VALUES = (): unknown[] => {
  const ds = new torch.utils.data.TensorDataset(torch.zeros(4, 2));
  const loader = new torch.utils.data.DataLoader(ds, { batch_size: 2 });
  return [[1, 2], tuple([1, 2]), "ab", { a: 1 }, OrderedDict(null, { a: 1 }), 3, null, torch.zeros(2), ds, loader,
    (function* () { yield* [0, 1]; })(), (x: number) => x, new nn.Linear(2, 2)];
};
const abcCase = (cls: abstract new () => unknown) => () => VALUES().map((v) => isinstance(v, cls));

const CASES: Record<string, () => unknown> = {
  odict_kwargs: () => params,
  odict_pairs: () => OrderedDict([["flat", 1], ["hidden", "x"]] as [string, unknown][]),
  odict_empty: () => OrderedDict(),
  odict_both: () => OrderedDict([["a", 1]], { b: 2 }),
  odict_set: () => {
    const d = OrderedDict<number>();
    d["run"] = 1;
    d["loss"] = 0.5;
    return d;
  },
  odict_bad_pair: () => loose.OrderedDict([["a", 1, 2]]),
  run: () => Run(0.01, 1000),
  run_str: () => str(Run(0.01, 1000)),
  run_fields: () => [Run(0.01, 1000).lr, Run(0.01, 1000).batch_size, Run(0.01, 1000)[1], len(Run(0.01, 1000))],
  run_asdict: () => Run(0.01, 1000)._asdict(),
  run_list: () => list(Run(0.01, 1000)),
  run_string_fields: () => namedtuple("Point", "x, y")(1, 2),
  run_keys: () => namedtuple("Run", Object.keys(params))(...(product(...Object.values(params)).next().value as unknown[])),
  run_missing: () => loose.Run(0.01),
  run_missing2: () => namedtuple("P", "x y z")(1),
  run_extra: () => loose.Run(1, 2, 3),
  bad_name: () => namedtuple("Run", ["1lr"]),
  underscore: () => namedtuple("Run", ["_lr"]),
  duplicate: () => namedtuple("Run", ["lr", "lr"]),
  product: () => list(product<unknown>([1, 2], ["a", "b"])),
  product_params: () => list(product(...Object.values(params))),
  product_repeat: () => list(product([0, 1], { repeat: 2 })),
  product_empty: () => list(product<number>([1, 2], [])),
  product_none: () => list(product()),
  abc_iterable: abcCase(abc.Iterable),
  abc_iterator: abcCase(abc.Iterator),
  abc_sized: abcCase(abc.Sized),
  abc_container: abcCase(abc.Container),
  abc_callable: abcCase(abc.Callable),
  abc_mapping: abcCase(abc.Mapping),
  abc_sequence: abcCase(abc.Sequence),
};

describe("OrderedDict, namedtuple and product as Python 3.11", () => {
  test("every Python case has its TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).sort());
  });
  for (const [name, want] of Object.entries(ref)) {
    test(name, () => {
      if ("error" in want) {
        let got: unknown;
        try {
          CASES[name]();
        } catch (e) {
          got = [(e as Error).name, (e as Error).message];
        }
        expect(got).toEqual(want.error);
      } else {
        // run_fields is a tuple in Python, an array here.
        const r = repr(CASES[name]());
        expect(name === "run_fields" ? r.replace(/^\[(.*)\]$/, "($1)") : r).toBe(want.repr);
      }
    });
  }

  test("an OrderedDict of layers builds nn.Sequential with those names", () => {
    // Python's list of pairs as array literals (typed as arrays, not pairs) is accepted as written.
    const seq = new nn.Sequential(OrderedDict([["flat", new nn.Flatten()], ["hidden", new nn.Linear(4, 2)]]));
    expect(String(seq)).toContain("(flat): Flatten(start_dim=1, end_dim=-1)");
    expect(String(seq)).toContain("(hidden): Linear(in_features=4, out_features=2, bias=True)");
  });

  test("a namedtuple's instance is a tuple: destructured, spread, and formatted in a template", () => {
    const [lr, bs] = Run(0.01, 1000);
    expect([lr, bs]).toEqual([0.01, 1000]);
    expect(`-${Run(0.01, 1000)}`).toBe("-Run(lr=0.01, batch_size=1000)");
    expect(Run.__name__).toBe("Run");
    expect(Run._fields).toEqual(["lr", "batch_size"]);
    // _asdict()'s dict methods work on an untyped receiver too (RunManager's `run_params._asdict().items()`).
    const d = (Run(0.01, 1000) as unknown as { _asdict(): { items(): [string, unknown][] } })._asdict();
    expect([...d.items()]).toEqual([["lr", 0.01], ["batch_size", 1000]]);
    expect(Object.keys(d)).toEqual(["lr", "batch_size"]);
  });

  test("product's bad arguments are Python's TypeError", () => {
    expect(() => product(3 as never)).toThrow("'int' object is not iterable");
    expect(() => product([1], { repeat: -1 })).toThrow(/repeat argument must be a non-negative integer/);
  });
});
