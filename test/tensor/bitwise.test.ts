import { torch } from "../../src";

// Expected values printed by PyTorch 1.13 for the same calls.
describe("bitwise ops (what `&`, `|`, `^`, `~` mean on tensors)", () => {
  const a = () => torch.tensor([5, -3, 12]);
  const m = () => torch.tensor([true, false, true]);

  test("integers: two's complement, broadcasting, a number on either side", () => {
    expect(torch.bitwise_and(a(), torch.tensor([3, 6, 10])).tolist()).toEqual([1, 4, 8]);
    expect(torch.bitwise_or(a(), 2).tolist()).toEqual([7, -1, 14]);
    expect(torch.bitwise_xor(6, a()).tolist()).toEqual([3, -5, 10]);
    expect(torch.bitwise_not(a()).tolist()).toEqual([-6, 2, -13]);
    expect(torch.bitwise_and(torch.tensor([[1], [2]]), torch.tensor([3, 2])).tolist()).toEqual([[1, 0], [2, 2]]);
    expect(torch.bitwise_and(m(), a()).tolist()).toEqual([1, 0, 0]);
  });

  test("bool: logical, the result stays bool", () => {
    const r = torch.bitwise_and(m(), torch.tensor([true, true, false]));
    expect([r.dtype, r.tolist()]).toEqual([torch.bool, [true, false, false]]);
    expect(torch.bitwise_or(m(), false).tolist()).toEqual([true, false, true]);
    expect(torch.bitwise_xor(m(), true).tolist()).toEqual([false, true, false]);
    expect(torch.bitwise_not(m()).tolist()).toEqual([false, true, false]);
  });

  test("floating point is an error, as in PyTorch; so are two numbers and unbroadcastable shapes", () => {
    expect(() => torch.bitwise_and(torch.tensor([1.5]), 1)).toThrow(`"bitwise_and_cpu" not implemented for 'Float'`);
    expect(() => torch.bitwise_not(torch.tensor([1.5]))).toThrow(torch.RuntimeError);
    expect(() => torch.bitwise_or(1, 2)).toThrow(torch.TypeError);
    expect(() => torch.bitwise_xor(torch.tensor([1, 2]), torch.tensor([1, 2, 3]))).toThrow(/must match the size/);
  });

  test("torch.remainder with a number first (2 % x)", () => {
    expect(torch.remainder(7, torch.tensor([3, -2, 5])).tolist()).toEqual([1, -1, 2]);
    expect(torch.remainder(2.5, torch.tensor([2, 1])).tolist()).toEqual([0.5, 0.5]);
    expect(() => torch.remainder(2 as never, 3)).toThrow(torch.TypeError);
  });
});
