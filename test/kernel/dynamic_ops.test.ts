import { asPyTuple, pyIsTuple } from "../../src/pyrepr";
import { assignConst, format, fstring } from "../../kernel/dynamic_ops";
import * as D from "../../kernel/dynamic_ops";
import { torch } from "../../src";

describe("kernel/dynamic_ops: the run-time half of the dialect for values typed `any`", () => {
  test("a list joined or repeated as Python's (`window + sentence + window`, `[pad] * 2`); Python's TypeErrors", () => {
    expect(D.op("add", ["<pad>"], ["we", "go"])).toEqual(["<pad>", "we", "go"]);
    expect(D.op("mul", ["<pad>"], 2)).toEqual(["<pad>", "<pad>"]);
    expect(D.op("mul", 3, [0])).toEqual([0, 0, 0]);
    expect(D.op("mul", [1], -1)).toEqual([]);
    expect(D.op("mul", [1], true)).toEqual([1]);
    const tuple = D.op("add", asPyTuple([1]), asPyTuple([2]));
    expect([tuple, pyIsTuple(tuple)]).toEqual([[1, 2], true]);
    expect(() => D.op("add", [1], 2)).toThrow('can only concatenate list (not "int") to list');
    expect(() => D.op("add", [1], asPyTuple([2]))).toThrow('can only concatenate list (not "tuple") to list');
    expect(() => D.op("mul", [1], 2.5)).toThrow("can't multiply sequence by non-int of type 'float'");
    // A tensor on a side is PyTorch's operator; strings keep JavaScript's `+`.
    expect(D.op("add", "a", "b")).toBe("ab");
  });
  test("index: a list indexed by a tensor reads Tensor.__index__, PyTorch's TypeError unless one integer element", () => {
    expect(D.index(torch.tensor(2))).toBe(2);
    expect(D.index(torch.tensor([1]))).toBe(1);
    expect(D.index(3)).toBe(3);
    expect(D.getitem(["a", "b", "c"], torch.tensor(2))).toBe("c");
    const msg = "only integer tensors of a single element can be converted to an index";
    expect(() => D.index(torch.tensor(1.5))).toThrow(msg);
    expect(() => D.index(torch.tensor([0, 1]))).toThrow(msg);
  });

  test("assignConst: `w -= lr * w.grad` on a const is in place on the tensor (PyTorch's `w -= ...` in CS231n's train_part2)", () => {
    const w = torch.tensor([1, 2, 3], { dtype: torch.float32 });
    const out = assignConst("sub_", w, torch.tensor([0.5, 0.5, 0.5]));
    expect(out).toBe(w);
    expect(Array.from(w.dataSync())).toEqual([0.5, 1.5, 2.5]);
    // A number in a const cannot be rebound: JavaScript's own error, not a silent no-op.
    expect(() => assignConst("add_", 1, 2)).toThrow(new TypeError("Assignment to constant variable."));
  });

  test("op add: two datasets typed `any` make a ConcatDataset (Python's Dataset.__add__, xiaotudui's ants + bees)", () => {
    const a = new torch.utils.data.TensorDataset(torch.arange(3));
    const b = new torch.utils.data.TensorDataset(torch.arange(10, 12));
    const both = D.op("add", a, b) as torch.utils.data.ConcatDataset<torch.Tensor[]>;
    expect(both).toBeInstanceOf(torch.utils.data.ConcatDataset);
    expect([both.len(), (both.getitem(4)[0] as torch.Tensor).item()]).toEqual([5, 11]);
    expect(D.op("add", 1, 2)).toBe(3);
  });

  test("pyeq / pyne: Python's == on lists, tuples (arrays), Sizes and dicts by value; a tensor operand elementwise", () => {
    // Python 3.11 / PyTorch 1.13: the same comparisons.
    expect(D.pyeq([1, [2, 3]], [1, [2, 3]])).toBe(true);
    expect(D.pyeq([1, 2], [1, 2, 3])).toBe(false);
    expect(D.pyeq(torch.zeros(2, 3).shape, [2, 3])).toBe(true);
    expect(D.pyne(torch.zeros(2, 3).shape, [3, 2])).toBe(true);
    expect(D.pyeq({ a: [1], b: "x" }, { b: "x", a: [1] })).toBe(true);
    expect(D.pyeq({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(D.pyeq([1, true, 2.0], [1, 1, 2])).toBe(true); // [1, True, 2.0] == [1, 1, 2]
    expect(D.pyeq(["1"], [1])).toBe(false);
    expect(D.pyeq([null], [undefined])).toBe(true); // None == None
    expect(D.pyeq([1], 1)).toBe(false);
    // A list of one-element tensors compares by each pair's truth value; more elements are ambiguous.
    expect(D.pyeq([torch.tensor(1)], [torch.tensor(1)])).toBe(true);
    expect(() => D.pyeq([torch.tensor([1, 2])], [torch.tensor([1, 2])])).toThrow("Boolean value of Tensor with more than one value is ambiguous");
    expect((D.pyeq(torch.tensor([1, 3]), [1, 2]) as torch.Tensor).tolist()).toEqual([true, false]);
    expect((D.pyne([1, 2], torch.tensor([1, 3])) as torch.Tensor).tolist()).toEqual([false, true]);
  });

  test("op eq / ne beside None: a tensor == None is False and != None True (Tensor.__eq__ answers NotImplemented, Python compares identity), LLMs-from-scratch's `idx_next == eos_id`", () => {
    const t = torch.tensor([[3]]);
    expect(D.op("eq", t, null)).toBe(false);
    expect(D.op("ne", t, null)).toBe(true);
    expect(D.op("eq", undefined, t)).toBe(false);
    expect(D.pyeq(t, null)).toBe(false);
    expect(D.pyne(null, t)).toBe(true);
    // The method itself stays PyTorch's TypeError.
    expect(() => t.eq(null as unknown as number)).toThrow(/must be a Tensor or a number, not null/);
  });

  test("pythonMethod: Python's str, list and dict methods of an untyped receiver JavaScript lacks (LLMs-from-scratch's `item.strip()`, `self.input_ids.append(t)`, `vocab.items()`)", () => {
    expect(D.pythonMethod("  a b ", "strip")?.()).toBe("a b");
    const ids = [1];
    D.pythonMethod(ids, "append")?.(2);
    expect(ids).toEqual([1, 2]);
    expect(D.pythonMethod({ a: 1, b: 2 }, "items")?.()).toEqual([["a", 1], ["b", 2]]);
    expect(D.pythonMethod(new Map([["k", 3]]), "keys")?.()).toEqual(["k"]);
    expect(D.pythonMethod("abc", "no_such_method")).toBeUndefined();
    expect(D.pythonMethod(torch.ones(2), "append")).toBeUndefined();
    expect(D.pythonMethod(7, "strip")).toBeUndefined();
  });

  test("format: a 0-d tensor as Python's f-string writes it (Tensor.__format__: `8`, not `tensor(8)`), a number or dict as Python's str(), anything else unchanged", () => {
    expect(`${format(torch.tensor(8))}`).toBe("8");
    expect(`${format(torch.tensor(0.5))}`).toBe("0.5");
    expect(`${format(torch.tensor([1, 2]))}`).toBe("tensor([1, 2])");
    // A number as Python's str() writes it, a dict as Python's dict (`${x}` of 1e-7 is 1e-07 in Python).
    expect([format(3), format(1e-7), format(1e20), format(-0), format(Infinity)]).toEqual(["3", "1e-07", "1e+20", "-0.0", "inf"]);
    expect(format({ a: 1, b: [0.5] })).toBe("{'a': 1, 'b': [0.5]}");
    expect(format("a")).toBe("a");
    // Python's f"{flag}" writes True / False.
    expect([format(true), format(false)]).toEqual(["True", "False"]);
    // ... and f"{shape}" of a list its str (Python 3.11: f"{[32, 32, 3]} {['a', 1.5]} {[True]}").
    expect(`${format([32, 32, 3])} ${format(["a", 1.5])} ${format([true])}`).toBe("[32, 32, 3] ['a', 1.5] [True]");
  });

  test("fstring: Python's f\"{v!conversion:spec}\" (the spec by src/pyformat.ts, a tensor by its __format__)", () => {
    expect(fstring(torch.tensor(0.25), ".1%", "")).toBe("25.0%");
    expect(fstring(7, "03d", "")).toBe("007");
    expect(fstring("resnet", ">10", "r")).toBe("  'resnet'");
    expect(fstring("é", "", "a")).toBe("'\\xe9'");
    expect(fstring([1, "a"], "", "s")).toBe("[1, 'a']");
    expect(() => fstring([1, 2], ">5", "")).toThrow("unsupported format string passed to list.__format__");
    // Python's f"{x=}": the text, then the repr unless a spec or conversion is given.
    expect([fstring("a", "", "", "s = "), fstring(0.5, ".2f", "", "v="), fstring("a", "", "s", "s=")]).toEqual(["s = 'a'", "v=0.50", "s=a"]);
  });
  test("a Map reached untyped is subscripted as Python's dict: its item, a missing key KeyError, an item set", () => {
    // MIT 6.S191's char2idx: a Map keeps "\n", "1", "a" in insertion order, where an object puts "1" first.
    const m = new Map<unknown, unknown>([["\n", 0], ["1", 1], ["a", 2]]);
    expect([D.getitem(m, "1"), D.getitem(m, "\n")]).toEqual([1, 0]);
    expect(() => D.getitem(m, "z")).toThrow(/^'z'$/);
    D.setitem(m, "z", 3);
    expect([...m.keys()]).toEqual(["\n", "1", "a", "z"]);
    expect(D.getitem(m, "z")).toBe(3);
  });
});
