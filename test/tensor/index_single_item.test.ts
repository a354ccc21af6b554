import { torch } from "../../src";

describe("Tensor.index takes a single integer, index tensor or mask (x[0], x[idx], x[mask])", () => {
  let x: torch.Tensor;
  beforeAll(() => {
    x = torch.arange(6).reshape(2, 3);
  });

  it("integer", () => {
    expect(x.index(0).tolist()).toEqual([0, 1, 2]);
    expect(x.index(-1).tolist()).toEqual([3, 4, 5]);
    expect(() => x.index(2)).toThrow(torch.IndexError);
  });

  it("index tensor and bool mask", () => {
    expect(x.index(torch.tensor([1, 0, 1])).tolist()).toEqual([[3, 4, 5], [0, 1, 2], [3, 4, 5]]);
    expect(x.index(x.gt(2)).tolist()).toEqual([3, 4, 5]);
  });
});
