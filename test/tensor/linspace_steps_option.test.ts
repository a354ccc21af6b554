import { torch } from "../../src";

// PyTorch: torch.linspace(0, 1, steps=5). It raised "number of steps must be non-negative, got [object Object]".
describe("torch.linspace takes steps in the options object", () => {
  it("matches the positional form", () => {
    expect(torch.linspace(0, 1, { steps: 5 }).tolist()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(torch.linspace(0, 1, { steps: 5 }).tolist()).toEqual(torch.linspace(0, 1, 5).tolist());
  });

  it("with the creation options beside it", () => {
    const t = torch.linspace(-1, 1, { steps: 3, requires_grad: true });
    expect(t.requires_grad).toBe(true);
    expect(t.tolist()).toEqual([-1, 0, 1]);
    expect(torch.linspace(0, 10, { steps: 3, dtype: torch.int64 }).dtype).toBe(torch.int64);
  });

  it("a missing steps or an unknown option is a TypeError", () => {
    expect(() => torch.linspace(0, 1, {} as { steps: number })).toThrow(/missing 1 required positional argument: 'steps'/);
    expect(() => torch.linspace(0, 1, { step: 5 } as unknown as { steps: number })).toThrow(/unexpected keyword argument 'step'/);
  });
});
