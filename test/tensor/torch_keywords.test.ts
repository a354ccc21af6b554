import { torch } from "../../src";

// Expected values printed by PyTorch 1.13 for the same calls.
describe("torch.* keyword arguments", () => {
  test("add/sub alpha and div rounding_mode are keyword-only, as in PyTorch", () => {
    expect(torch.add(torch.tensor([1, 2]), torch.tensor([3, 4]), { alpha: 2 }).tolist()).toEqual([7, 10]);
    expect(torch.sub(torch.tensor([1, 2]), torch.tensor([3, 4]), { alpha: 2 }).tolist()).toEqual([-5, -6]);
    expect(torch.div(torch.tensor([7.5, -7.5]), 2, { rounding_mode: "floor" }).tolist()).toEqual([3, -4]);
    expect(() => torch.add(torch.tensor([1]), torch.tensor([1]), 2 as never)).toThrow("add() takes 2 positional arguments but 3 were given");
    expect(() => torch.add(torch.tensor([1]), 1, { alhpa: 2 } as never)).toThrow("add() got an unexpected keyword argument 'alhpa'");
    expect(() => torch.div(torch.tensor([1]), 1, { rounding: "floor" } as never)).toThrow(torch.TypeError);
  });

  test("round with decimals", () => {
    const x = () => torch.tensor([1.2345, -2.5, 0.5, 1.5, 2.5, 1234.5678]);
    expect(torch.round(x()).tolist()).toEqual([1, -2, 0, 2, 2, 1235]);
    const two = torch.round(x(), { decimals: 2 }).tolist() as number[];
    [1.2300000190734863, -2.5, 0.5, 1.5, 2.5, 1234.5699462890625].forEach((v, i) => expect(two[i]).toBeCloseTo(v, 4));
    expect(torch.round(x(), { decimals: -2 }).tolist()).toEqual([0, -0, 0, 0, 0, 1200]);
    expect(() => torch.round(x(), { decimals: 0.5 })).toThrow(torch.TypeError);
  });

  test("allclose positionally or by keyword, with equal_nan", () => {
    const a = torch.tensor([1, NaN]);
    expect(torch.allclose(a, a)).toBe(false);
    expect(torch.allclose(a, a, { equal_nan: true })).toBe(true);
    expect(torch.allclose(torch.tensor([1.5]), torch.tensor([1.6]), 0.2)).toBe(true);
    expect(torch.allclose(torch.tensor([1.5]), torch.tensor([1.6]), { atol: 0.01 })).toBe(false);
  });

  test("concatenate takes NumPy's axis; gather accepts sparse_grad", () => {
    expect(torch.concatenate([torch.zeros(1, 2), torch.ones(1, 2)], { axis: 1 }).shape).toEqual([1, 4]);
    expect(() => torch.concatenate([torch.zeros(1)], { dim: 0 } as never)).toThrow("concatenate() got an unexpected keyword argument 'dim'");
    const t = torch.tensor([[1, 2], [3, 4]]);
    expect(torch.gather(t, 1, torch.tensor([[1], [0]]), { sparse_grad: false }).tolist()).toEqual([[2], [3]]);
  });
});
