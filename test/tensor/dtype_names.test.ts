import { torch } from "../../src";

// Every dtype string the Tensor API accepts has its torch.<name> constant, so `x.to(torch.double)`
// works as in PyTorch (it raised "unsupported dtype undefined").
describe("torch dtype constants", () => {
  it("double/int8/int16/short/uint8 exist; double is float64, short int16; the narrow integers are dtypes of their own", () => {
    expect(torch.double).toBe(torch.float64);
    expect(torch.short).toBe(torch.int16);
    expect(new Set([torch.int8, torch.int16, torch.uint8, torch.int32, torch.int64]).size).toBe(5);
    const x = torch.tensor([1, 2]);
    expect(x.to(torch.double).dtype).toBe(torch.float64);
    expect(x.to(torch.double).tolist()).toEqual([1, 2]);
    expect(torch.tensor([1.5, 2], { dtype: torch.int16 }).dtype).toBe(torch.int16);
    expect(torch.zeros(2, { dtype: torch.int8 }).dtype).toBe(torch.int8);
  });

  it("get_default_dtype and is_floating_point", () => {
    expect(torch.get_default_dtype()).toBe(torch.float32);
    expect(torch.randn(2).dtype).toBe(torch.get_default_dtype());
    expect(torch.is_floating_point(torch.randn(2))).toBe(true);
    expect(torch.is_floating_point(torch.tensor([1, 2]))).toBe(false);
    expect(torch.is_floating_point(torch.tensor([true]))).toBe(false);
  });
});
