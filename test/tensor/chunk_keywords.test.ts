import { torch } from "../../src";

// PyTorch: torch.chunk(x, chunks=2, dim=1) (Aladdin Persson's tensor basics). It did not compile.
describe("chunk takes chunks and dim by keyword", () => {
  const x = () => torch.arange(10).reshape(2, 5);
  test("torch.chunk(x(), {chunks, dim}) and x().chunk(2, {dim})", () => {
    expect(torch.chunk(x(), { chunks: 2, dim: 1 }).map((c) => c.tolist())).toEqual([[[0, 1, 2], [5, 6, 7]], [[3, 4], [8, 9]]]);
    expect(x().chunk(2, { dim: 1 }).map((c) => c.shape)).toEqual([[2, 3], [2, 2]]);
    expect(x().chunk(2).map((c) => c.shape)).toEqual([[1, 5], [1, 5]]);
  });
  test("a missing chunks is a TypeError", () => {
    expect(() => x().chunk({ dim: 1 })).toThrow(/missing 1 required positional argument: 'chunks'/);
  });
});
