/** nn.utils against PyTorch 1.13: gradient clipping by norm (2, 1, 3, inf) and by value. */
import { torch } from "../../src";
import { Encoded, build, expectTensor, load } from "./_fixtures";

const nn = torch.nn;

interface UtilsCase {
  fn: "clip_grad_norm_" | "clip_grad_value_";
  max_norm?: number;
  norm_type?: number | "inf";
  clip_value?: number;
  grads: Encoded[];
  total?: Encoded;
  clipped: Encoded[];
}

describe("clipping matches PyTorch", () => {
  for (const c of load<UtilsCase[]>("utils")) {
    test(`${c.fn} max_norm=${c.max_norm ?? ""} norm_type=${c.norm_type ?? ""} clip_value=${c.clip_value ?? ""}`, () => {
      const ps = c.grads.map((g) => {
        const p = new nn.Parameter(torch.zeros(g.shape));
        p.grad = build(g);
        return p;
      });
      if (c.fn === "clip_grad_norm_") {
        const p = c.norm_type === "inf" ? Infinity : (c.norm_type as number);
        const total = nn.utils.clip_grad_norm_(ps, c.max_norm as number, p);
        expectTensor(total, c.total as Encoded, "total norm");
      } else nn.utils.clip_grad_value_(ps, c.clip_value as number);
      ps.forEach((p, i) => expectTensor(p.grad, c.clipped[i], `grad ${i}`));
    });
  }
});

test("clip_grad_norm_ skips parameters without grads, takes a single tensor, and can refuse a non-finite norm", () => {
  const a = new nn.Parameter(torch.ones(2));
  expect(nn.utils.clip_grad_norm_([a], 1).item()).toBe(0);
  a.grad = torch.tensor([3.0, 4.5]);
  expect(nn.utils.clip_grad_norm_(a, { max_norm: 100 }).item()).toBeCloseTo(Math.hypot(3, 4.5), 5);
  a.grad = torch.tensor([Infinity, 1.5]);
  expect(() => nn.utils.clip_grad_norm_([a], 1, { error_if_nonfinite: true })).toThrow("The total norm of order 2.0 for gradients from `parameters` is non-finite");
});

test("parameters_to_vector and vector_to_parameters are inverse", () => {
  const net = new nn.Sequential(new nn.Linear(3, 2), new nn.Linear(2, 1));
  const v = nn.utils.parameters_to_vector(net.parameters());
  expect(v.shape).toEqual([11]);
  nn.utils.vector_to_parameters(torch.arange(11).float(), net.parameters());
  expect(net.get_parameter("1.bias").item()).toBe(10);
  expect(() => nn.utils.vector_to_parameters(torch.zeros(3), net.parameters())).toThrow("vec must be a vector of 11 elements");
});
