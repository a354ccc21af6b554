/**
 * src/pystr.ts, src/pylist.ts and src/pyin.ts: Python's str methods, `%`-formatting, list methods and
 * the membership test `x in y`, case by case against Python 3.11's results and errors
 * (test/reference/gen_pystr.py: the same method on the same JSON values). The dialect's cells that
 * reach them are in test/kernel/rewrite.test.ts.
 */
import { torch } from "../src";
import * as pyin from "../src/pyin";
import * as pylist from "../src/pylist";
import * as pystr from "../src/pystr";
import { readReference } from "./tensor/fixtures";

type Case = [string, unknown, unknown[], Record<string, unknown>?];
type Result = { value?: unknown; after?: unknown; error?: [string, string] };
const { cases } = readReference<{ cases: [Case, Result][] }>("pystr.json");
const KEYS: Record<string, (x: never) => unknown> = { len: (x: string) => x.length, neg: (x: number) => -x };

/** Calls the TypeScript helper for one case: keywords in a trailing object, as the dialect passes them. */
function call([method, receiver, args, kwargs]: Case): { value: unknown; receiver: unknown } {
  const r = JSON.parse(JSON.stringify(receiver)) as unknown;
  const a = JSON.parse(JSON.stringify(args)) as unknown[];
  const kw = kwargs ? { ...kwargs, ...(kwargs.key ? { key: KEYS[kwargs.key as string] } : {}) } : undefined;
  const table: Record<string, unknown> = Array.isArray(r) ? pylist : pystr;
  let value: unknown;
  if (method === "__contains__") value = pyin.contains(a[0], r);
  else if (method === "__mod__") value = pystr.str_mod(r as string, a[0]);
  else {
    const prefix = Array.isArray(r) ? "list_" : "str_";
    const fn = table[prefix + method] as (...xs: unknown[]) => unknown;
    value = fn(r, ...a, ...(kw ? [kw] : []));
  }
  return { value, receiver: r };
}

beforeAll(async () => {
  await torch.ready();
});

describe.each(["str", "list", "contains"])("Python 3.11's %s cases", (group) => {
  const mine = cases.filter(([[m, r]]) => (group === "contains" ? m === "__contains__" : m !== "__contains__" && (group === "list") === Array.isArray(r)));
  test.each(mine.map(([c, want]) => [`${c[0]} ${JSON.stringify(c[1])} ${JSON.stringify(c.slice(2))}`, c, want] as const))("%s", (_, c, want) => {
    if (want.error) {
      let thrown: unknown;
      try {
        call(c);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect([(thrown as Error).name, (thrown as Error).message]).toEqual(want.error);
      return;
    }
    const { value, receiver } = call(c);
    // Python's sort() returns None; list_sort returns the list it sorted in place (JavaScript's chains keep working).
    if (c[0] === "sort") expect(value).toBe(receiver);
    else expect(value ?? null).toEqual(want.value);
    if ("after" in want) expect(receiver).toEqual(want.after);
  });
});

test("a tensor's membership is PyTorch's (t == x).any(); a Set's and a Map's are their keys", () => {
  const t = torch.tensor([1, 2, 3]);
  expect([pyin.contains(2, t), pyin.contains(5, t), pyin.contains(torch.tensor(3), t)]).toEqual([true, false, true]);
  // PyTorch 1.13: RuntimeError: Tensor.__contains__ only supports Tensor or scalar, but you passed in a <class 'str'>.
  expect(() => pyin.contains("a", t)).toThrow("Tensor.__contains__ only supports Tensor or scalar, but you passed in a <class 'str'>.");
  expect([pyin.contains(1, new Set([1])), pyin.contains("a", new Map([["a", 1]])), pyin.contains("b", new Map([["a", 1]]))]).toEqual([true, true, false]);
  // A list holding a tensor: Python's `x is item` first, so the same tensor is found without comparing;
  // an item before it compares by bool(item == x), ambiguous for three elements (Python raises too).
  const big = torch.ones(3);
  expect(pyin.contains(big, [big, 1])).toBe(true);
  expect(() => pyin.contains(big, [1, big])).toThrow("Boolean value of Tensor with more than one value is ambiguous");
});

test("`%` formats a one-element tensor or NumPy array as its number, and refuses a bigger one as PyTorch and NumPy do", () => {
  // Brownlee's predict(row, model) returns a [1, 1] array: `'Predicted: %.3f (class=%d)' % (yhat, yhat.round())`.
  const yhat = torch.tensor([[0.73]]).numpy();
  // NumPy 1.24: Predicted: 0.730 (class=1)
  expect(pystr.str_mod("Predicted: %.3f (class=%d)", [yhat, yhat.round()])).toBe("Predicted: 0.730 (class=1)");
  expect(pystr.str_mod("%d", torch.tensor([2.7]).numpy())).toBe("2");
  // NumPy 1.24: TypeError: only size-1 arrays can be converted to Python scalars
  expect(() => pystr.str_mod("%.3f", torch.tensor([1, 2]).numpy())).toThrow(new TypeError("only size-1 arrays can be converted to Python scalars"));
  // PyTorch 1.13: ValueError: only one element tensors can be converted to Python scalars
  expect(() => pystr.str_mod("%f", torch.tensor([1, 2]))).toThrow("only one element tensors can be converted to Python scalars");
});
