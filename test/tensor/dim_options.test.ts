import { torch } from "../../src";

// PyTorch's keyword forms (`x.split(1, dim=1)`, `torch.max(x, dim=1)`, `torch.clamp(x, min=0)`, ...)
// written as a trailing options object; each used to raise "dim must be an integer" (or, for
// torch.clamp, a raw tfjs error).
describe("dims and bounds in a trailing options object", () => {
  let x: torch.Tensor;
  beforeAll(() => {
    x = torch.arange(24, { dtype: torch.float32 }).reshape(2, 3, 4);
  });

  it("split / chunk / unbind, as methods and as torch functions", () => {
    expect(x.split(1, { dim: 1 }).map((t) => t.shape)).toEqual([[2, 1, 4], [2, 1, 4], [2, 1, 4]]);
    expect(x.split([1, 2], { dim: 1 }).map((t) => t.shape)).toEqual([[2, 1, 4], [2, 2, 4]]);
    expect(torch.split(x, 2, { dim: 2 }).map((t) => t.tolist())).toEqual(x.split(2, 2).map((t) => t.tolist()));
    // torch.split(t, split_size_or_sections=[3, 2]) and with dim=1 (PyTorch 1.13: [[0, 1, 2], [3, 4]]; [[[0, 1], [6, 7]], [[2, 3, 4, 5], [8, 9, 10, 11]]]).
    expect(torch.split(torch.arange(5), { split_size_or_sections: [3, 2] }).map((t) => t.tolist())).toEqual([[0, 1, 2], [3, 4]]);
    expect(torch.split(torch.arange(12).reshape(2, 6), { split_size_or_sections: [2, 4], dim: 1 }).map((t) => t.tolist())).toEqual([[[0, 1], [6, 7]], [[2, 3, 4, 5], [8, 9, 10, 11]]]);
    expect(x.chunk(3, { dim: 1 }).length).toBe(3);
    expect(torch.chunk(x, 2, { dim: -1 }).map((t) => t.shape)).toEqual([[2, 3, 2], [2, 3, 2]]);
    expect(x.unbind({ dim: 1 }).map((t) => t.shape)).toEqual([[2, 4], [2, 4], [2, 4]]);
    expect(torch.unbind(x, { dim: 2 }).length).toBe(4);
    expect(x.split(1).length).toBe(2);
  });

  it("squeeze / unsqueeze / flatten", () => {
    expect(torch.ones(1, 2, 1).squeeze({ dim: 0 }).shape).toEqual([2, 1]);
    expect(torch.squeeze(torch.ones(1, 2, 1), { dim: -1 }).shape).toEqual([1, 2]);
    expect(torch.ones(1, 2, 1).squeeze().shape).toEqual([2]);
    expect(x.unsqueeze({ dim: 0 }).shape).toEqual([1, 2, 3, 4]);
    expect(torch.unsqueeze(x, { dim: -1 }).shape).toEqual([2, 3, 4, 1]);
    expect(torch.flatten(x, { start_dim: 1 }).shape).toEqual([2, 12]);
    expect(torch.flatten(x, 0, 1).shape).toEqual([6, 4]);
  });

  it("norm takes p, dim and keepdim as options", () => {
    const v = torch.tensor([[3, 4], [6, 8]], { dtype: torch.float32 });
    expect(v.norm({ dim: 1 }).tolist()).toEqual([5, 10]);
    expect(v.norm({ p: 1, dim: 1, keepdim: true }).tolist()).toEqual([[7], [14]]);
    expect(torch.norm(v, { dim: 0 }).tolist()[0]).toBeCloseTo(Math.sqrt(45), 5);
    expect(torch.norm(v, 2, 1).tolist()).toEqual([5, 10]);
    expect(v.norm().item()).toBeCloseTo(Math.sqrt(125), 5);
  });

  it("torch.max / torch.min with {dim, keepdim}", () => {
    const [values, indices] = torch.max(x, { dim: 1 });
    expect(values.tolist()).toEqual(x.max(1).values.tolist());
    expect(indices.tolist()).toEqual([[2, 2, 2, 2], [2, 2, 2, 2]]);
    expect(torch.max(x, { dim: 1, keepdim: true }).values.shape).toEqual([2, 1, 4]);
    expect(torch.min(x, { dim: 2 }).values.tolist()).toEqual([[0, 4, 8], [12, 16, 20]]);
  });

  it("torch.clamp / torch.clip / Tensor.clip with {min, max}", () => {
    const v = torch.tensor([-2, 0.5, 3]);
    expect(torch.clamp(v, { min: 0 }).tolist()).toEqual([0, 0.5, 3]);
    expect(torch.clamp(v, { max: 1 }).tolist()).toEqual([-2, 0.5, 1]);
    expect(torch.clip(v, { min: -1, max: 1 }).tolist()).toEqual([-1, 0.5, 1]);
    expect(v.clip({ min: 0, max: 2 }).tolist()).toEqual([0, 0.5, 2]);
    expect(torch.clamp(v, -1, 1).tolist()).toEqual([-1, 0.5, 1]);
  });

  it("an unknown keyword is a TypeError that names it", () => {
    expect(() => x.split(1, { dims: 1 } as unknown as { dim: number })).toThrow(/unexpected keyword argument 'dims'/);
    expect(() => torch.clamp(x, { lo: 0 } as unknown as { min: number })).toThrow(torch.TypeError);
  });
});
