/**
 * functools.partial (src/functools.ts): positional arguments first, then the call's; keywords in a
 * trailing options object outside a notebook (placed by parameter name inside one: kernel/keyword_call.ts,
 * test/kernel/rewrite_dialect.test.ts); Python's func / args / keywords and repr.
 */
import { CALL_WITH_KEYWORDS, partial } from "../src/functools";
import { call } from "../kernel/keyword_call";

describe("functools.partial", () => {
  test("fixes the first arguments", () => {
    const add = (a: number, b: number, c = 0): number => a + 10 * b + 100 * c;
    const p = partial(add, 1);
    expect(p(2)).toBe(21);
    expect(p(2, 3)).toBe(321);
    expect([p.func, p.args, p.keywords]).toEqual([add, [1], {}]);
  });
  test("keywords given to partial reach the function by name when called through the kernel's placement (CS224n's collate_fn)", () => {
    function collate(batch: number[], window_size: number, word_to_ix: Record<string, number>): unknown[] {
      return [batch, window_size, word_to_ix];
    }
    const p = call(partial, [collate], { window_size: 2, word_to_ix: { a: 1 } });
    expect(p([7])).toEqual([[7], 2, { a: 1 }]);
    // A keyword at the call wins over partial's, as in Python.
    expect(call(p, [[7]], { window_size: 3 })).toEqual([[7], 3, { a: 1 }]);
    expect((p as { keywords: unknown }).keywords).toEqual({ window_size: 2, word_to_ix: { a: 1 } });
    expect(String((p as { __repr__(): string }).__repr__())).toMatch(/^functools\.partial\(<function collate at 0x[0-9a-f]+>, window_size=2, word_to_ix=\{'a': 1\}\)$/);
    expect(() => call(p, [[7]], { nope: 1 })).toThrow("collate() got an unexpected keyword argument 'nope'");
  });
  test("outside a notebook, keywords go in a trailing options object (torchlab's API)", () => {
    const f = (x: number, opts: { k?: number } = {}): number => x + (opts.k ?? 0);
    const p = (partial as unknown as { [CALL_WITH_KEYWORDS]: (a: unknown[], k: Record<string, unknown>) => (x: number) => number })[CALL_WITH_KEYWORDS]([f], { k: 5 });
    expect(p(1)).toBe(6);
  });
  test("a first argument that is not callable is Python's TypeError", () => {
    expect(() => partial(3 as unknown as () => void)).toThrow("the first argument must be callable");
  });
});

describe("functools.reduce", () => {
  test("folds from the left, from the initial value when given, else from the first item (Python's errors otherwise)", () => {
    const { reduce } = require("../src/functools") as typeof import("../src/functools");
    expect(reduce((a: string, b: string) => `(${a}${b})`, ["x", "y", "z"])).toBe("((xy)z)");
    expect(reduce((v: number, f: (n: number) => number) => f(v), [(n: number) => n + 1, (n: number) => n * 10], 2)).toBe(30);
    expect(reduce((a: number, b: number) => a + b, [], 5)).toBe(5);
    expect(() => reduce((a: number, b: number) => a + b, [])).toThrow("reduce() of empty iterable with no initial value");
  });
});
