import { torch } from "../../src";

// PyTorch: x.transpose(dim0=0, dim1=2). It raised "dim must be an integer, got [object Object]".
describe("transpose takes dim0/dim1 in an options object", () => {
  it("as a method and as torch.transpose, with the same values and gradient as the positional form", () => {
    const x = torch.arange(6, { dtype: torch.float32 }).reshape(1, 2, 3);
    expect(x.transpose({ dim0: 0, dim1: 2 }).shape).toEqual([3, 2, 1]);
    expect(x.transpose(1, { dim1: 2 }).tolist()).toEqual(x.transpose(1, 2).tolist());
    expect(torch.transpose(x, { dim0: -1, dim1: -2 }).tolist()).toEqual([[[0, 3], [1, 4], [2, 5]]]);
    expect(torch.transpose(x, 0, 1).shape).toEqual([2, 1, 3]);
    const w = torch.ones(2, 3, { requires_grad: true });
    w.transpose({ dim0: 0, dim1: 1 }).mul(torch.tensor([[1, 2], [3, 4], [5, 6]])).sum().backward();
    expect(w.grad!.tolist()).toEqual([[1, 3, 5], [2, 4, 6]]);
  });

  it("an unknown keyword names itself", () => {
    expect(() => torch.ones(2, 2).transpose({ dim0: 0, dim2: 1 } as unknown as { dim0: number; dim1: number })).toThrow(/unexpected keyword argument 'dim2'/);
  });
});
