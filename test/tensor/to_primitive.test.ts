/**
 * `Number(t)` is Python's `float(t)` (d2l's Accumulator and `assert float(d2l.reduce_sum(...)) < 1e-6`
 * convert tensors that way): the value of a one-element tensor, PyTorch's ValueError for more
 * elements; string conversions still print the tensor.
 */
import { torch } from "../../src";

test("Number(t) of a one-element tensor is its value, as float(t) is in PyTorch", () => {
  expect(Number(torch.tensor([2.5]))).toBe(2.5);
  expect(Number(torch.tensor([[7]]))).toBe(7);
  expect(+torch.tensor(3)).toBe(3);
  expect(Number(torch.tensor(true))).toBe(1);
  expect(Number(torch.ones(2, 3).sum())).toBe(6);
  expect(Number(torch.tensor([1.5], { requires_grad: true }).mul(2))).toBe(3);
  expect(0.25 + Number(torch.tensor(0.5)) * 2).toBe(1.25);
});

test("Number(t) of more elements is float()'s ValueError", () => {
  expect(() => Number(torch.tensor([1, 2]))).toThrow(torch.ValueError);
  expect(() => Number(torch.zeros(0))).toThrow(/only one element tensors can be converted to Python scalars/);
});

test("string conversions print the tensor", () => {
  const t = torch.tensor([1.5, 2]);
  expect(String(t)).toBe("tensor([1.5000, 2.0000])");
  expect(`${t}`).toBe(t.toString());
  expect("x = " + t).toBe("x = tensor([1.5000, 2.0000])");
});
