import { torch } from "../../src";

// Dive-into-DL-PyTorch 3.9 writes ReLU as `torch.max(input=X, other=torch.tensor(0.0))`: every argument
// a keyword, so the TypeScript port passes one options object. Values are PyTorch 1.13's:
//   x = torch.tensor([[-1., 2.], [3., -4.]])
//   torch.max(input=x, other=torch.tensor(0.0))   -> tensor([[0., 2.], [3., 0.]])
//   torch.min(input=x, other=torch.tensor(0.0))   -> tensor([[-1., 0.], [0., -4.]])
//   torch.max(input=x, dim=1, keepdim=True)       -> values [[2.], [3.]], indices [[1], [0]]
//   torch.max(input=x)                            -> tensor(3.)
describe("torch.max / torch.min with every argument a keyword", () => {
  let x: torch.Tensor;
  beforeAll(() => {
    x = torch.tensor([[-1, 2], [3, -4]], { dtype: torch.float32 });
  });

  it("input and other: the elementwise maximum / minimum, with its gradient", () => {
    expect(torch.max({ input: x, other: torch.tensor(0.0) }).tolist()).toEqual([[0, 2], [3, 0]]);
    expect(torch.min({ input: x, other: torch.tensor(0.0) }).tolist()).toEqual([[-1, 0], [0, -4]]);
    const w = x.clone().requires_grad_();
    torch.max({ input: w, other: torch.tensor(0.0) }).sum().backward();
    expect(w.grad!.tolist()).toEqual([[0, 1], [1, 0]]);
  });

  it("input with dim and keepdim: values and indices; input alone: the largest element", () => {
    const r = torch.max({ input: x, dim: 1, keepdim: true });
    expect(r.values.tolist()).toEqual([[2], [3]]);
    expect(r.indices.tolist()).toEqual([[1], [0]]);
    expect(torch.max({ input: x }).item()).toBe(3);
    expect(torch.min({ input: x }).item()).toBe(-4);
  });

  it("a missing input or an unknown keyword is a TypeError naming it", () => {
    expect(() => torch.max({ other: x } as never)).toThrow("max(): argument 'input' must be Tensor, not missing");
    expect(() => torch.min({ input: x, dims: 1 } as never)).toThrow(/min\(\) got an unexpected keyword argument 'dims'/);
  });
});
