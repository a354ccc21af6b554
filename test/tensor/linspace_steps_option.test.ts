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

  // PyTorch: torch.linspace(start=0.1, end=1, steps=10) (Aladdin Persson's tensor basics). It did not compile.
  it("every argument by keyword", () => {
    const want = [0.10000000149011612, 0.19999998807907104, 0.29999998211860657, 0.3999999761581421, 0.4999999701976776, 0.6000000238418579, 0.7000000476837158, 0.800000011920929, 0.8999999761581421, 1.0];
    expect(torch.linspace({ start: 0.1, end: 1, steps: 10 }).tolist()).toEqual(want);
    expect(torch.linspace(0.1, { end: 1, steps: 10 }).tolist()).toEqual(want);
    expect(() => torch.linspace({ start: 0, end: 1 })).toThrow(/missing 1 required positional argument: 'steps'/);
  });

  it("a missing steps or an unknown option is a TypeError", () => {
    expect(() => torch.linspace(0, 1, {} as { steps: number })).toThrow(/missing 1 required positional argument: 'steps'/);
    expect(() => torch.linspace(0, 1, { step: 5 } as unknown as { steps: number })).toThrow(/unexpected keyword argument 'step'/);
  });
});
