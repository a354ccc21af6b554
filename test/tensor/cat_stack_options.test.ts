import { torch } from "../../src";

// Calls a PyTorch user writes that went through the convention "positional stays positional, the
// trailing options object may carry the positional ones" but failed before.
describe("torch.cat / torch.stack take dim positionally or in an options object", () => {
  let a: torch.Tensor;
  let b: torch.Tensor;
  beforeAll(() => {
    a = torch.tensor([[1, 2], [3, 4]]);
    b = torch.tensor([[5, 6], [7, 8]]);
  });

  it("cat", () => {
    expect(torch.cat([a, b], { dim: 1 }).tolist()).toEqual([[1, 2, 5, 6], [3, 4, 7, 8]]);
    expect(torch.cat([a, b], 1).tolist()).toEqual([[1, 2, 5, 6], [3, 4, 7, 8]]);
    expect(torch.cat([a, b], { dim: -2 }).shape).toEqual([4, 2]);
    expect(torch.cat([a, b]).shape).toEqual([4, 2]);
    expect(torch.concat([a, b], { dim: 1 }).shape).toEqual([2, 4]);
    expect(torch.concatenate([a, b], 1).shape).toEqual([2, 4]);
  });

  it("stack", () => {
    expect(torch.stack([a, b], { dim: 2 }).shape).toEqual([2, 2, 2]);
    expect(torch.stack([a, b], { dim: 2 }).tolist()).toEqual([[[1, 5], [2, 6]], [[3, 7], [4, 8]]]);
    expect(torch.stack([a, b], 1).shape).toEqual([2, 2, 2]);
    expect(torch.stack([a, b]).tolist()).toEqual([a.tolist(), b.tolist()]);
  });

  it("an unknown option or a doubled dim is a TypeError naming it", () => {
    expect(() => torch.cat([a, b], { axes: 1 } as unknown as { dim: number })).toThrow(/unexpected keyword argument 'axes'/);
    expect(() => torch.stack([a, b], { dims: 1 } as unknown as { dim: number })).toThrow(torch.TypeError);
  });

  it("gradients flow through the options form", () => {
    const x = torch.ones(2, 3, { requires_grad: true });
    torch.cat([x, x.mul(2)], { dim: 1 }).sum().backward();
    expect(x.grad!.tolist()).toEqual([[3, 3, 3], [3, 3, 3]]);
  });
});
