import { assignConst, format, fstring } from "../../kernel/dynamic_ops";
import { torch } from "../../src";

describe("kernel/dynamic_ops: the run-time half of the dialect for values typed `any`", () => {
  test("assignConst: `w -= lr * w.grad` on a const is in place on the tensor (PyTorch's `w -= ...` in CS231n's train_part2)", () => {
    const w = torch.tensor([1, 2, 3], { dtype: torch.float32 });
    const out = assignConst("sub_", w, torch.tensor([0.5, 0.5, 0.5]));
    expect(out).toBe(w);
    expect(Array.from(w.dataSync())).toEqual([0.5, 1.5, 2.5]);
    // A number in a const cannot be rebound: JavaScript's own error, not a silent no-op.
    expect(() => assignConst("add_", 1, 2)).toThrow(new TypeError("Assignment to constant variable."));
  });

  test("format: a 0-d tensor as Python's f-string writes it (Tensor.__format__: `8`, not `tensor(8)`), anything else unchanged", () => {
    expect(`${format(torch.tensor(8))}`).toBe("8");
    expect(`${format(torch.tensor(0.5))}`).toBe("0.5");
    expect(`${format(torch.tensor([1, 2]))}`).toBe("tensor([1, 2])");
    expect(format(3)).toBe(3);
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
});
