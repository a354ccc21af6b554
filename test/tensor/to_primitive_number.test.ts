/**
 * A tensor as a JavaScript number is Python's `float(t)` / `int(t)` (d2l's `int(y.argmax(dim=1).reshape(1))`,
 * `math.exp(metric[0] / metric[1])` with tensor sums): the value of a one-element tensor, PyTorch's
 * ValueError for more; as a string it stays the repr.
 */
import { torch } from "../../src";

describe("Number(tensor)", () => {
  test("a one-element tensor converts to its value, as float(t) / int(t)", () => {
    expect(Number(torch.tensor([2.5]))).toBe(2.5);
    expect(Number(torch.tensor([[0.1, 0.9, 0.3]]).argmax({ dim: 1 }).reshape(1))).toBe(1);
    expect(Math.exp(torch.tensor(0) as unknown as number)).toBe(1);
    expect(+torch.tensor(true)).toBe(1);
  });

  test("more elements: PyTorch's ValueError", () => {
    // float(torch.ones(2)): ValueError: only one element tensors can be converted to Python scalars
    expect(() => Number(torch.ones(2))).toThrow(/only one element tensors can be converted to Python scalars/);
    expect(() => Number(torch.ones(2))).toThrow(torch.ValueError);
  });

  test("as a string it is the repr (template literals, string concatenation)", () => {
    const t = torch.tensor([2.5]);
    expect(`${t}`).toBe("tensor([2.5000])");
    expect("loss " + t).toBe("loss tensor([2.5000])");
  });
});
