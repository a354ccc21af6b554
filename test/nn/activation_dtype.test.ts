import { torch } from "../../src";

const F = torch.nn.functional;

// PyTorch 1.13: F.leaky_relu(torch.tensor([-1, 2]), 0.2) raises `"leaky_relu_cpu" not implemented for 'Long'`;
// without the check the int32 tensor came back holding float bits (tensor([-1102263091, 2])).
describe("activations without integer kernels refuse integer and bool input as PyTorch does", () => {
  const cases: [string, (x: torch.Tensor) => torch.Tensor, string][] = [
    ["leaky_relu", (x) => F.leaky_relu(x, 0.2), "leaky_relu_cpu"],
    ["elu", (x) => F.elu(x), "elu_cpu"],
    ["gelu", (x) => F.gelu(x), "GeluKernelImpl"],
    ["silu", (x) => F.silu(x), "silu_cpu"],
    ["softplus", (x) => F.softplus(x), "softplus_cpu"],
    ["logsigmoid", (x) => F.logsigmoid(x), "log_sigmoid_cpu"],
    ["nn.LeakyReLU", (x) => new torch.nn.LeakyReLU(0.2).forward(x), "leaky_relu_cpu"],
  ];
  it.each(cases)("%s", (_name, f, kernel) => {
    expect(() => f(torch.tensor([-1, 2]))).toThrow(`"${kernel}" not implemented for 'Long'`);
    expect(() => f(torch.tensor([true, false]))).toThrow(`"${kernel}" not implemented for 'Bool'`);
    expect(() => f(torch.tensor([-1, 2]))).toThrow(torch.RuntimeError);
  });

  it("float input is unaffected", () => {
    expect(F.leaky_relu(torch.tensor([-1.5, 2]), 0.2).tolist()).toEqual([expect.closeTo(-0.3, 6), 2]);
  });
});

// PyTorch 1.13 (刘二大人 lecture 06's `F.sigmoid(self.linear(x))`): F.sigmoid and F.tanh warn once that they
// are deprecated; nn.Sigmoid and nn.Tanh call torch.sigmoid / torch.tanh and do not.
test("F.sigmoid and F.tanh show PyTorch's deprecation warning once; nn.Sigmoid, nn.Tanh and torch.sigmoid none", () => {
  const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  try {
    const x = torch.tensor([0.0, 2.0]);
    new torch.nn.Sigmoid().forward(x);
    new torch.nn.Tanh().forward(x);
    torch.sigmoid(x);
    expect(spy).not.toHaveBeenCalled();
    expect(F.sigmoid(x).tolist()).toEqual(torch.sigmoid(x).tolist());
    F.sigmoid(x);
    expect(F.tanh(x).tolist()).toEqual(torch.tanh(x).tolist());
    expect(spy.mock.calls).toEqual([
      ["nn.functional.sigmoid is deprecated. Use torch.sigmoid instead.", "UserWarning"],
      ["nn.functional.tanh is deprecated. Use torch.tanh instead.", "UserWarning"],
    ]);
  } finally {
    spy.mockRestore();
  }
});
