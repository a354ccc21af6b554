/**
 * PyTorch's list index `x[[0, 2]]` (rows 0 and 2 along dim 0; a list of bools is a mask), spelt
 * `x.__getitem__([0, 2])` / `x.__setitem__([0, 2], v)` (the notebook writes `x[[0, 2]]` as these),
 * against PyTorch 1.13 (test/reference/gen_fidelity.py): reads, autograd, writes as index_put_ on
 * the base (through a view too), and the errors for what cannot be read without guessing.
 */
import { torch } from "../../src";
import { Encoded, expectClose, readReference } from "../tensor/fixtures";

const ref = readReference<{ list_index: Record<string, Encoded & string> }>("fidelity.json").list_index;
const x34 = () => torch.arange(12.0).view(3, 4).float();

describe("x[[0, 2]] reads", () => {
  test("integers, negatives, bools, empty, and a list after ':'", () => {
    const x = x34();
    expectClose("x[[0, 2]]", x.__getitem__([0, 2]), ref.read_ints);
    expectClose("x[[-1, 0, 0]]", x.__getitem__([-1, 0, 0]), ref.read_negative);
    expectClose("x[[True, False, True]]", x.__getitem__([true, false, true]), ref.read_bools);
    expectClose("x[[]]", x.__getitem__([]), ref.read_empty);
    expectClose("x[:, [1, 3]]", x.index([null, torch.tensor([1, 3])]), ref.read_cols);
  });
  test("the same lists inside the string form (x[\":, [1, 3]\"], a quoted port of x[:, [1, 3]])", () => {
    const x = x34();
    expectClose("x['[0, 2]']", x.index("[0, 2]"), ref.read_ints);
    expectClose("x['[-1, 0, 0]']", x.index("[-1, 0, 0]"), ref.read_negative);
    expectClose("x['[True, False, True]']", x.index("[True, False, True]"), ref.read_bools);
    expectClose("x[':, [1, 3]']", x.index(":, [1, 3]"), ref.read_cols);
    expectClose("x[':', '[1, 3]']", x.index([":", "[1, 3]"]), ref.read_cols);
    let w = x34();
    w.setitem("[0, 2]", 5);
    expectClose("x['[0, 2]'] = 5", w, ref.write_scalar);
    w = x34();
    w.setitem("[True, False, True]", 0);
    expectClose("x['[True, False, True]'] = 0", w, ref.write_mask);
    expect(() => x.index(":, [1, 3")).toThrow(/unbalanced brackets in index ':, \[1, 3'/);
    expect(() => x.index("[1, a]")).toThrow(/cannot parse list index '\[1, a\]'/);
    expect(() => x.index("[1.5]")).toThrow(/cannot parse list index/);
  });
  test("a list index is not the tuple index x[0, 2]", () => {
    expect(x34().__getitem__([0, 2]).shape).toEqual([2, 4]);
    expect(x34().index([0, 2]).item()).toBe(2);
  });
  test("gradient flows back through IndexBackward0", () => {
    const w = x34().requires_grad_();
    const y = w.__getitem__([0, 2, 2]);
    y.mul(torch.arange(4.0)).sum().backward();
    expectClose("w.grad", w.grad!, ref.grad);
    // PyTorch's graph is IndexBackward0(AccumulateGrad); torchlab's index op reshapes its input first.
    expect(ref.grad_fn.startsWith(`${y.grad_fn!.name()}(`)).toBe(true);
  });
  test("other forms of __getitem__ are index()'s", () => {
    const x = x34();
    expect(x.__getitem__(1).tolist()).toEqual([4, 5, 6, 7]);
    expect(x.__getitem__(":, 1").tolist()).toEqual([1, 5, 9]);
    expect(x.__getitem__(x.gt(9)).tolist()).toEqual([10, 11]);
  });
});

describe("x[[0, 2]] = v writes (index_put_ on the base)", () => {
  test("a number, a tensor, through a view, a mask", () => {
    let x = x34();
    x.__setitem__([0, 2], 5);
    expectClose("x[[0, 2]] = 5", x, ref.write_scalar);
    x = x34();
    x.__setitem__([0, 2], torch.tensor([[-1.0, -2, -3, -4], [-5, -6, -7, -8]], { dtype: torch.float32 }));
    expectClose("x[[0, 2]] = tensor", x, ref.write_tensor);
    x = x34();
    const row = x.get(1);
    row.__setitem__([0, 2], -1);
    expectClose("row = x[1]; row[[0, 2]] = -1", x, ref.write_view);
    x = x34();
    x.__setitem__([true, false, true], 0);
    expectClose("x[[True, False, True]] = 0", x, ref.write_mask);
  });
  test("inside a function with autograd: the write is recorded on the base", () => {
    const step = (w: InstanceType<typeof torch.Tensor>) => {
      const y = w.mul(1);
      y.__setitem__([0, 2], 0);
      return y.sum();
    };
    const w = x34().requires_grad_();
    step(w).backward();
    expect(w.grad!.tolist()).toEqual([[0, 0, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0]]);
  });
});

describe("errors instead of guesses", () => {
  test("out of range, as PyTorch", () => {
    expect(() => x34().__getitem__([0, 5])).toThrow(ref.error_out_of_range);
    expect(() => x34().__setitem__([0, 5], 1)).toThrow(ref.error_out_of_range);
  });
  test("nested lists, mixed ints and bools, fractions", () => {
    const x = x34();
    expect(() => x.__getitem__([[0, 1], [1, 2]] as unknown as number[])).toThrow(/__getitem__\(\[\[0, 1\], \[1, 2\]\]\): a list index holding lists.*ambiguous/);
    expect(() => x.__getitem__([0, true] as unknown as number[])).toThrow(/mixes integers and bools/);
    expect(() => x.__getitem__([0.5])).toThrow(/0.5 is not an integer/);
  });
  test("a plain script's x[[0, 2]] (the key '0,2') raises on read and on write, naming both readings", () => {
    const x = x34() as unknown as Record<string, unknown>;
    expect(() => x[[0, 2] as unknown as string]).toThrow(/tensor\["0,2"\]: .*cannot tell x\[\[0, 2\]\] from x\["0,2"\].*use x\.__getitem__\(\[0, 2\]\).*x\.index\("0, 2"\) for the tuple x\[0, 2\]/);
    expect(() => {
      x[[0, 2] as unknown as string] = 1;
    }).toThrow(/tensor\["0,2"\] = \.\.\..*x\.__setitem__\(\[0, 2\], value\)/);
    expect(() => x[[true, false] as unknown as string]).toThrow(TypeError);
    expect(Object.keys(x)).not.toContain("0,2");
  });
});
