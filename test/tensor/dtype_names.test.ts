import { torch } from "../../src";

// Every dtype string the Tensor API accepts has its torch.<name> constant, so `x.to(torch.double)`
// works as in PyTorch (it raised "unsupported dtype undefined").
describe("torch dtype constants", () => {
  it("double/int8/int16/short exist; double is float64, the integers name the nearest dtype torchlab has (int32)", () => {
    expect(torch.double).toBe(torch.float64);
    expect(torch.int8).toBe(torch.int32);
    expect(torch.int16).toBe(torch.int32);
    expect(torch.short).toBe(torch.int32);
    const x = torch.tensor([1, 2]);
    expect(x.to(torch.double).dtype).toBe(torch.float64);
    expect(x.to(torch.double).tolist()).toEqual([1, 2]);
    expect(torch.tensor([1.5, 2], { dtype: torch.int16 }).dtype).toBe(torch.int32);
    expect(torch.zeros(2, { dtype: torch.int8 }).dtype).toBe(torch.int32);
  });

  it("get_default_dtype and is_floating_point", () => {
    expect(torch.get_default_dtype()).toBe(torch.float32);
    expect(torch.randn(2).dtype).toBe(torch.get_default_dtype());
    expect(torch.is_floating_point(torch.randn(2))).toBe(true);
    expect(torch.is_floating_point(torch.tensor([1, 2]))).toBe(false);
    expect(torch.is_floating_point(torch.tensor([true]))).toBe(false);
  });
});
