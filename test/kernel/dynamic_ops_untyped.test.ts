/**
 * kernel/dynamic_ops.ts for values the checker types `any` in Trevett's and Persson's notebooks:
 * `f"{num_correct}"` where num_correct = 0 then += a tensor, and `valid_data[0]` of a random_split Subset;
 * and Python's str and list methods whose JavaScript namesakes mean otherwise, on an untyped receiver
 * (kernel/live_globals.ts's attribute, kernel/keyword_call.ts's method), and Python's `%`.
 */
import { assign, format, getitem, op } from "../../kernel/dynamic_ops";
import { call as keywordCall, method as keywordMethod } from "../../kernel/keyword_call";
import { attribute } from "../../kernel/live_globals";
import { len, torch, type Tensor } from "../../src";

describe("dynamic_ops for untyped values", () => {
  // PyTorch: f"{torch.tensor(25)}" is '25', f"{torch.tensor(0.5)}" '0.5'; a number or string as it is.
  test("format: a tensor formats as Python's f-string, a number as Python's str(), anything else is left to JavaScript", () => {
    expect(`${format(torch.tensor(25))}`).toBe("25");
    expect(`${format(torch.tensor(0.5))}`).toBe("0.5");
    expect(format(7)).toBe("7");
    expect(format("x")).toBe("x");
  });

  // PyTorch: random_split(ds, [3, 1])[0][0] is ds[indices[0]].
  test("getitem: a data set's number index is its getitem; a plain object or array keeps JavaScript's read", () => {
    const ds = new torch.utils.data.TensorDataset(torch.arange(4), torch.arange(4).mul(10));
    const [train] = torch.utils.data.random_split(ds, [3, 1], { generator: new torch.Generator().manual_seed(0) });
    const i = (train as unknown as { indices: number[] }).indices[0];
    const item = getitem(train, 0) as InstanceType<typeof torch.Tensor>[];
    expect([item[0].item(), item[1].item()]).toEqual([i, i * 10]);
    expect(getitem({ state_dict: 1 }, "state_dict")).toBe(1);
    expect(getitem([5, 6], 1)).toBe(6);
  });

  /** `recv.name(...args)` as the dialect calls it on an untyped receiver: `attribute(recv, recv.name, "name")(...args)`. */
  const call = (recv: any, name: string, ...args: unknown[]): any => attribute(recv, recv[name], name)(...args);

  // Python 3.11: "a b  c".split() is ['a', 'b', 'c'], "a,b,c".split(",", 1) ['a', 'b,c'], "a b".split(None) ['a', 'b'],
  // "a-b-a".replace("a", "x") 'x-b-x', "a-b-a".replace("a", "x", 1) 'x-b-a'.
  test("attribute: an untyped string's split and replace are Python's; a RegExp or replacer function keeps JavaScript's", () => {
    expect(call("a b  c", "split")).toEqual(["a", "b", "c"]);
    expect(call("a,b,c", "split", ",", 1)).toEqual(["a", "b,c"]);
    expect(call("a b", "split", null)).toEqual(["a", "b"]);
    expect(call("a-b-a", "replace", "a", "x")).toBe("x-b-x");
    expect(call("a-b-a", "replace", "a", "x", 1)).toBe("x-b-a");
    expect(call("a1b2", "split", /\d/)).toEqual(["a", "b", ""]);
    expect(call("a1b2", "replace", /\d/, "#")).toBe("a#b2");
    expect(call("a-b-a", "replace", "a", (m: string) => m.toUpperCase())).toBe("A-b-a");
  });

  // Python 3.11: [10, 9, 1, 100] sorted in place is [1, 9, 10, 100]; [1, 2, 3].pop(0) is 1, leaving [2, 3].
  test("attribute: an untyped list's sort and pop(i) are Python's; a comparison function and pop() keep JavaScript's", () => {
    const xs = [10, 9, 1, 100];
    call(xs, "sort");
    expect(xs).toEqual([1, 9, 10, 100]);
    call(xs, "sort", { reverse: true });
    expect(xs).toEqual([100, 10, 9, 1]);
    call(xs, "sort", (a: number, b: number) => a - b);
    expect(xs).toEqual([1, 9, 10, 100]);
    const q = [1, 2, 3];
    expect([call(q, "pop", 0), q]).toEqual([1, [2, 3]]);
    expect([call(q, "pop"), q]).toEqual([3, [2]]);
    expect(() => call([], "pop", 0)).toThrow("pop from empty list");
  });

  // Python 3.11: {"a": 1}.get("z", 0) is 0.
  test("attribute: a Map's get(k, default) is Python's; an object's own get, a tensor's own sort are theirs", () => {
    const m = new Map([["a", 1]]);
    expect([call(m, "get", "z", 0), call(m, "get", "a")]).toEqual([0, 1]);
    const own = { get: (k: string, d: unknown) => `own ${k} ${d}` };
    expect(call(own, "get", "z", 0)).toBe("own z 0");
    const [values] = call(torch.tensor([3, 1, 2]), "sort");
    expect(values.tolist()).toEqual([1, 2, 3]);
  });

  // Python 3.11: "a.b c".split(maxsplit=1) is ['a.b', 'c']; ["bb", "a", "ccc"].sort(key=len, reverse=True) ['ccc', 'bb', 'a'].
  test("keyword_call.method: keywords of an untyped str or list method go to Python's", () => {
    expect(keywordMethod("a.b c", "split", [], { maxsplit: 1 })).toEqual(["a.b", "c"]);
    expect(keywordMethod("a.b.c", "split", ["."], { maxsplit: 1 })).toEqual(["a", "b.c"]);
    const xs = ["bb", "a", "ccc"];
    keywordMethod(xs, "sort", [], { key: len, reverse: true });
    expect(xs).toEqual(["ccc", "bb", "a"]);
  });

  // PyTorch 1.13: t.float().mean(axis=(0, 1)) is t.mean(dim=(0, 1)); std(axis=0, keepdims=True) std(0, keepdim=True);
  // mean(foo=1) TypeError (Trevett's 3_alexnet: `train_data.data.mean(axis=(0, 1, 2))` on an untyped data set).
  test("keyword_call.method: an untyped tensor's NumPy keywords (axis, keepdims) are its dim and keepdim", () => {
    const t = torch.arange(24).float().reshape(2, 3, 4);
    expect((keywordMethod(t, "mean", [], { axis: [0, 1] }) as Tensor).tolist()).toEqual(t.mean([0, 1]).tolist());
    expect((keywordMethod(t, "std", [], { axis: 0, keepdims: true }) as Tensor).shape).toEqual([1, 3, 4]);
    expect(() => keywordMethod(t, "mean", [], { axis: 0, dim: 1 })).toThrow("got multiple values for argument 'dim'");
    expect(() => keywordMethod(t, "mean", [], { foo: 1 })).toThrow("unexpected keyword argument 'foo'");
  });

  // Python 3.11: class B: def __init__(self, c, stride=1, downsample=None, **kwargs) called as
  // B(3, downsample=d, stride=2, groups=1) has stride 2, downsample d, kwargs {'groups': 1}.
  test("keyword_call.call: a `{...kwargs} = {}` parameter (Python's **kwargs) takes only the keywords no parameter names", () => {
    class B {
      got: unknown[];
      constructor(c: number, stride = 1, downsample: unknown = null, { ...kwargs } = {}) {
        this.got = [c, stride, downsample, kwargs];
      }
    }
    expect((keywordCall(B, [3], { downsample: "d", stride: 2, groups: 1 }) as B).got).toEqual([3, 2, "d", { groups: 1 }]);
    expect((keywordCall(B, [3], { groups: 32, width_per_group: 4 }) as B).got).toEqual([3, 1, null, { groups: 32, width_per_group: 4 }]);
    expect(() => keywordCall(B, [3, 2], { stride: 1, groups: 1 })).toThrow("B.__init__() got multiple values for argument 'stride'");
  });

  // Python 3.11: -1 % 5 is 4, -7.5 % 2 is 0.5, 7 % -3 is -2, "%d items" % 3 is '3 items'; 1 % 0 is
  // ZeroDivisionError('integer modulo by zero'), 1.5 % 0 ZeroDivisionError('float modulo').
  test("op: an untyped % is Python's, the divisor's sign, a string's %-formatting, ZeroDivisionError", () => {
    expect([op("remainder", -1, 5), op("remainder", -7.5, 2), op("remainder", 7, -3), op("remainder", 6, 3)]).toEqual([4, 0.5, -2, 0]);
    expect(op("remainder", "%d items", 3)).toBe("3 items");
    expect(assign("remainder_", -1, 5)).toBe(4);
    expect(() => op("remainder", 1, 0)).toThrow("integer modulo by zero");
    expect(() => op("remainder", 1.5, 0)).toThrow("float modulo");
    expect(op("remainder", torch.tensor([-7, 5]), 3).tolist()).toEqual([2, 2]);
  });
});
