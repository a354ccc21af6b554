/**
 * nn.utils.weight_norm / remove_weight_norm and nn.utils.spectral_norm / remove_spectral_norm (the
 * hook versions) against test/reference/gen_weight_norms.py (weight_norms.json): registered names
 * and order, g / v / u values, forward and gradients, power iteration over three training forwards,
 * eval mode, removal, and the error paths.
 */
import { torch } from "../../src";
import { Encoded, expectClose, readReference, Err, expectError } from "../tensor/fixtures";

const nn = torch.nn;
type Tensor = InstanceType<typeof torch.Tensor>;
type Module = InstanceType<typeof nn.Module>;
type WN = {
  w0: Encoded; params: string[]; state_dict: string[]; g: Encoded; v: Encoded; weight: Encoded; y: Encoded; grad_g: Encoded; grad_v: Encoded; hooks: number;
  weight_after_g: Encoded; removed: { params: string[]; weight: Encoded; hooks: number };
};
type SN = {
  w0: Encoded; params: string[]; buffers: string[]; state_dict: string[]; u0: Encoded; v0: Encoded; weight0: Encoded;
  u: Encoded; v: Encoded; weight: Encoded; y: Encoded; grad_orig: Encoded; eval: { y: Encoded; u_unchanged: boolean };
  removed: { params: string[]; buffers: string[]; weight: Encoded };
};
const ref = readReference<{
  weight_norm: Record<"linear_dim0" | "linear_none" | "conv_dim1", WN> & { errors: Record<string, Err> };
  spectral_norm: Record<"linear" | "conv" | "conv_transpose", SN> & { errors: Record<string, Err> };
}>("weight_norms.json");

const names = (pairs: [string, unknown][]): string[] => pairs.map(([n]) => n);
const f = (m: Module, n: string): Tensor => (m as unknown as Record<string, Tensor>)[n];

const input = (m: Module, n: number): Tensor => (m instanceof nn.Linear ? torch.linspace(-1, 1, 2 * n).reshape(2, n) : torch.linspace(-1, 1, 2 * 2 * 3 * 3).reshape(2, 2, 3, 3));

describe("nn.utils.weight_norm", () => {
  const cases: [keyof typeof ref.weight_norm & string, () => Module, number | null][] = [
    ["linear_dim0", () => new nn.Linear(4, 3), 0],
    ["linear_none", () => new nn.Linear(4, 3), null],
    ["conv_dim1", () => new nn.Conv2d(2, 3, 2), 1],
  ];
  test.each(cases)("%s", (name, make, dim) => {
    const c = ref.weight_norm[name as "linear_dim0"];
    torch.manual_seed(0);
    const m = make();
    expectClose("w0", f(m, "weight"), c.w0, 1e-6, 1e-9);
    nn.utils.weight_norm(m, { dim });
    expect(names(m.named_parameters())).toEqual(c.params);
    expect(Object.keys(m.state_dict())).toEqual(c.state_dict);
    expectClose("g", f(m, "weight_g"), c.g, 1e-5, 1e-7);
    expectClose("v", f(m, "weight_v"), c.v, 1e-6, 1e-9);
    expectClose("weight", f(m, "weight"), c.weight, 1e-5, 1e-7);
    expect(m._forward_pre_hooks.size).toBe(c.hooks);
    const y = m(input(m, 4));
    expectClose("y", y, c.y, 1e-5, 1e-6);
    y.mul(y).sum().backward();
    expectClose("g.grad", f(m, "weight_g").grad as Tensor, c.grad_g, 1e-4, 1e-5);
    expectClose("v.grad", f(m, "weight_v").grad as Tensor, c.grad_v, 1e-4, 1e-5);
    torch.no_grad(() => f(m, "weight_g").mul_(2.0));
    m(input(m, 4));
    expectClose("weight after g*2", f(m, "weight"), c.weight_after_g, 1e-5, 1e-7);
    nn.utils.remove_weight_norm(m);
    expect(names(m.named_parameters())).toEqual(c.removed.params);
    expect(f(m, "weight")).toBeInstanceOf(nn.Parameter);
    expectClose("weight after remove", f(m, "weight"), c.removed.weight, 1e-5, 1e-7);
    expect(m._forward_pre_hooks.size).toBe(c.removed.hooks);
  });

  test("errors", () => {
    const lin = nn.utils.weight_norm(new nn.Linear(3, 2));
    expectError(() => nn.utils.weight_norm(lin), ref.weight_norm.errors.twice);
    expectError(() => nn.utils.remove_weight_norm(new nn.Linear(3, 2)), ref.weight_norm.errors.remove_missing);
  });
});

describe("nn.utils.spectral_norm", () => {
  const cases: [string, () => Module, { n_power_iterations?: number }][] = [
    ["linear", () => new nn.Linear(5, 4), {}],
    ["conv", () => new nn.Conv2d(2, 3, 2), { n_power_iterations: 3 }],
    ["conv_transpose", () => new nn.ConvTranspose2d(2, 3, 2), {}],
  ];
  test.each(cases)("%s", (name, make, opts) => {
    const c = ref.spectral_norm[name as "linear"];
    torch.manual_seed(1);
    const m = make();
    expectClose("w0", f(m, "weight"), c.w0, 1e-6, 1e-9);
    nn.utils.spectral_norm(m, opts);
    expect(names(m.named_parameters())).toEqual(c.params);
    expect(names(m.named_buffers())).toEqual(c.buffers);
    expect(Object.keys(m.state_dict())).toEqual(c.state_dict);
    expectClose("u0", f(m, "weight_u"), c.u0, 1e-5, 1e-7);
    expectClose("v0", f(m, "weight_v"), c.v0, 1e-5, 1e-7);
    expectClose("weight0", f(m, "weight"), c.weight0, 1e-6, 1e-9);
    const x = input(m, 5);
    let y = m(x);
    y = m(x);
    y = m(x);
    y.sum().backward();
    expectClose("u", f(m, "weight_u"), c.u, 1e-4, 1e-6);
    expectClose("v", f(m, "weight_v"), c.v, 1e-4, 1e-6);
    expectClose("weight", f(m, "weight"), c.weight, 1e-4, 1e-6);
    expectClose("y", y, c.y, 1e-4, 1e-5);
    expectClose("weight_orig.grad", f(m, "weight_orig").grad as Tensor, c.grad_orig, 1e-3, 1e-5);
    m.eval();
    const u = f(m, "weight_u").clone();
    expectClose("eval y", m(x), c.eval.y, 1e-4, 1e-5);
    expect(torch.equal(u, f(m, "weight_u"))).toBe(c.eval.u_unchanged);
    nn.utils.remove_spectral_norm(m);
    expect(names(m.named_parameters())).toEqual(c.removed.params);
    expect(names(m.named_buffers())).toEqual(c.removed.buffers);
    expectClose("weight after remove", f(m, "weight"), c.removed.weight, 1e-4, 1e-6);
  });

  test("errors", () => {
    const e = ref.spectral_norm.errors;
    expectError(() => nn.utils.spectral_norm(new nn.Linear(3, 2), { n_power_iterations: 0 }), e.iterations);
    const lin = nn.utils.spectral_norm(new nn.Linear(3, 2));
    expectError(() => nn.utils.spectral_norm(lin), e.twice);
    expectError(() => nn.utils.remove_spectral_norm(new nn.Linear(3, 2)), e.remove_missing);
  });
});

describe("nn.utils.parametrizations.spectral_norm", () => {
  type PSN = {
    linear: { w0: Encoded; u0: Encoded; v0: Encoded; repr: string; params: string[]; buffers: string[]; state_dict: string[]; weight0: Encoded; u: Encoded; v: Encoded; y: Encoded; grad_original: Encoded; eval_weight: Encoded };
    conv_transpose: { w0: Encoded; weight: Encoded; u0: Encoded };
    bias_1d: Encoded;
    errors: Record<string, Err>;
  };
  const p = readReference<{ param_spectral_norm: PSN }>("weight_norms.json").param_spectral_norm;
  const PZ = nn.utils.parametrizations;
  const sn = (m: Module): Record<string, Tensor> => ((m as unknown as { parametrizations: { get(k: string): { get(i: number): Record<string, Tensor> } } }).parametrizations.get("weight").get(0));
  const original = (m: Module): Tensor => (m as unknown as { parametrizations: { get(k: string): { original: Tensor } } }).parametrizations.get("weight").original;

  test("Linear: buffers after 15 + 1 steps, three training forwards, gradient, eval", () => {
    const c = p.linear;
    torch.manual_seed(1);
    const m = new nn.Linear(5, 4);
    expectClose("w0", m.weight, c.w0, 1e-6, 1e-9);
    PZ.spectral_norm(m);
    expectClose("_u", sn(m)._u, c.u0, 1e-4, 1e-6);
    expectClose("_v", sn(m)._v, c.v0, 1e-4, 1e-6);
    expect(String(m)).toBe(c.repr);
    expect(names(m.named_parameters())).toEqual(c.params);
    expect(names(m.named_buffers())).toEqual(c.buffers);
    expect(Object.keys(m.state_dict())).toEqual(c.state_dict);
    expectClose("weight", m.weight, c.weight0, 1e-4, 1e-6);
    const x = torch.linspace(-1, 1, 10).reshape(2, 5);
    let y = m(x);
    y = m(x);
    y = m(x);
    y.sum().backward();
    expectClose("_u after", sn(m)._u, c.u, 1e-4, 1e-6);
    expectClose("_v after", sn(m)._v, c.v, 1e-4, 1e-6);
    expectClose("y", y, c.y, 1e-4, 1e-5);
    expectClose("original.grad", original(m).grad as Tensor, c.grad_original, 1e-3, 1e-5);
    m.eval();
    expectClose("eval weight", m.weight, c.eval_weight, 1e-4, 1e-6);
  });

  test("ConvTranspose2d normalises along dim 1; a 1-D tensor becomes its unit vector", () => {
    torch.manual_seed(2);
    const c = new nn.ConvTranspose2d(2, 3, 2);
    expectClose("w0", c.weight, p.conv_transpose.w0, 1e-6, 1e-9);
    PZ.spectral_norm(c, { n_power_iterations: 2 });
    // Reading the weight in training mode runs the power iteration first (2 more steps), as in PyTorch.
    expectClose("weight", c.weight, p.conv_transpose.weight, 1e-4, 1e-6);
    expectClose("_u", sn(c)._u, p.conv_transpose.u0, 1e-4, 1e-6);
    const b = new nn.Linear(3, 2);
    torch.no_grad(() => (b.bias as Tensor).copy_(torch.tensor([3.0, -4.0])));
    PZ.spectral_norm(b, "bias");
    expectClose("bias", b.bias as Tensor, p.bias_1d, 1e-6, 1e-9);
  });

  test("errors", () => {
    expectError(() => PZ.spectral_norm(new nn.Linear(3, 2), { dim: 2 }), p.errors.dim);
    expectError(() => PZ.spectral_norm(new nn.Linear(3, 2), "foo"), p.errors.name);
    expectError(() => PZ.spectral_norm(new nn.Linear(3, 2), { n_power_iterations: 0 }), p.errors.iterations);
  });
});
