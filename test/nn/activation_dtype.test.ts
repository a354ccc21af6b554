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
