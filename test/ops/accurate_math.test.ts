/**
 * sin, cos and log1p in float32 against PyTorch 1.13 (test/reference/gen_accurate_math.py), on the
 * default backend and on tfjs's cpu backend: near multiples of pi/2 (where tfjs-wasm's Sin/Cos were
 * off by ~1e-7 absolute, so `torch.sin(torch.linspace(0, 2 * pi, 9))` printed -1.5100e-07 for
 * PyTorch's -8.7423e-08), tiny arguments, log1p of tiny x (tfjs-wasm computed log(1 + x): log1p(3e-8)
 * was 0), and the ops built on them: softplus, logsigmoid, binary_cross_entropy_with_logits,
 * logaddexp, sinc, and the gradients of sin, cos and log1p. Also: sign of tiny values (tfjs-wasm's
 * Sign was 0 below ~1e-6, and abs's gradient with it), exact fmod and remainder (tfjs's floor Mod lost
 * fmod(1e-20, -3.06) and was ~3000 ulp off in remainder(-5.44, -0.00214)), cumsum / cumprod
 * accumulated in double as PyTorch's CPU kernels do (the cumulative sum of linspace(-10, 10, 2001)
 * ended at 1.2398e-04 for PyTorch's 8.7380e-05), erfc's tail (1 - erf was 0 from x = 3.9), and elu /
 * hardsigmoid with PyTorch's arithmetic (elu(-1e-6) is exp(x) - 1 = -1.0133e-06 there).
 */
import { torch } from "../../src";
import { readReference } from "../tensor/fixtures";
import { onCpu } from "../cpu_backend";

type Ref = Record<string, number[]> & { str_sin_angles: string; str_cos_angles: string; hograd_cumsum: number[][]; hograd_remainder: number[][] };
const REF = readReference<Ref>("accurate_math.json");
const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

const t = (v: number[]): Tensor => torch.tensor(v, { dtype: torch.float32 });

/** Each value within 1 float32 ulp of PyTorch's (relative 1.2e-7), or equal when PyTorch's is 0. */
function expectUlp(label: string, got: Tensor, want: number[]): void {
  const g = got.tolist() as number[];
  expect(g.length).toBe(want.length);
  g.forEach((v, i) => {
    const w = want[i];
    const tol = Math.max(Math.abs(w) * 1.2e-7, 1e-45);
    if (!(Math.abs(v - w) <= tol)) throw new Error(`${label}[${i}]: got ${v}, PyTorch ${w}`);
  });
}

function checkAll(): void {
  expectUlp("sin(angles)", torch.sin(t(REF.angles)), REF.sin_angles);
  expectUlp("cos(angles)", torch.cos(t(REF.angles)), REF.cos_angles);
  expectUlp("sin(odd)", t(REF.odd).sin(), REF.sin_odd);
  expectUlp("cos(odd)", t(REF.odd).cos(), REF.cos_odd);
  expectUlp("log1p(small)", torch.log1p(t(REF.small)), REF.log1p_small);
  expectUlp("softplus", F.softplus(t(REF.neg)), REF.softplus_neg);
  expectUlp("softplus beta=2", F.softplus(t(REF.neg), { beta: 2 }), REF.softplus_beta2_neg);
  expectUlp("logsigmoid", F.logsigmoid(t(REF.logits)), REF.logsigmoid_logits);
  expectUlp("bce_with_logits", F.binary_cross_entropy_with_logits(t(REF.logits), t(REF.targets), { reduction: "none" }), REF.bce_logits_none);
  expectUlp("logaddexp", torch.logaddexp(t(REF.logits), t(REF.logits).neg()), REF.logaddexp);
  expectUlp("sinc", torch.sinc(t([1, 2, -3, 0.5, 0])), REF.sinc);
  const A = t(REF.A);
  const B = t(REF.B);
  expectUlp("fmod", torch.fmod(A, B), REF.fmod);
  expectUlp("remainder", torch.remainder(A, B), REF.remainder);
  expectUlp("fmod scalar", torch.fmod(A, 0.3), REF.fmod_scalar);
  expectUlp("sign", torch.sign(t(REF.tiny)), REF.sign_tiny);
  const ramp = t(REF.ramp);
  expectUlp("cumsum", torch.cumsum(ramp, 0).narrow(0, 2001 - 5, 5), REF.cumsum_ramp_last);
  expectUlp("cumsum dim 1", torch.cumsum(ramp.narrow(0, 0, 2000).reshape(40, 50), 1).select(1, 49), REF.cumsum_2d);
  expectUlp("cumprod", torch.cumprod(t(REF.cumprod_in), 0).narrow(0, 98, 3), REF.cumprod);
  expectUlp("erfc", torch.erfc(t([3.92, 5.0, 9.0, -1.0, 0.5])), REF.erfc);
  expectUlp("elu", F.elu(t([-1e-6, -3e-7, -2.0])), REF.elu_tiny);
  expectUlp("hardsigmoid", F.hardsigmoid(t([-2.99000025, -1.3, 0.7, 2.9])), REF.hardsigmoid);
  const x = t(REF.tiny).requires_grad_();
  x.abs().sum().backward();
  expectUlp("d abs", x.grad!, REF.grad_abs_tiny);
}

describe("elementwise float32 arithmetic as PyTorch computes it", () => {
  beforeAll(() => torch.ready());

  test("values on the default backend", () => checkAll());
  test("values on the cpu backend", () => onCpu(checkAll));

  test("printed as PyTorch prints them", () => {
    expect(String(torch.sin(t(REF.angles)))).toBe(REF.str_sin_angles);
    expect(String(torch.cos(t(REF.angles)))).toBe(REF.str_cos_angles);
  });

  test("gradients of sin, cos and log1p", () => {
    const x = t(REF.angles).requires_grad_();
    x.sin().sum().backward();
    expectUlp("d sin", x.grad!, REF.grad_sin_angles);
    const y = t(REF.angles).requires_grad_();
    y.cos().sum().backward();
    expectUlp("d cos", y.grad!, REF.grad_cos_angles);
    const s = t(REF.small).requires_grad_();
    s.log1p().sum().backward();
    expectUlp("d log1p", s.grad!, REF.grad_log1p_small);
  });

  test("create_graph differentiates through cumsum and remainder", () => {
    const x = t([0.5, 1.2, -0.7]).requires_grad_();
    const [g] = torch.autograd.grad(torch.cumsum(x.sin().mul(x), 0).sum(), x, { create_graph: true }) as Tensor[];
    const [h] = torch.autograd.grad(g.sum(), x) as Tensor[];
    expectUlp("d cumsum", g, REF.hograd_cumsum[0]);
    expectUlp("d2 cumsum", h, REF.hograd_cumsum[1]);
    const a = t([5.5, -3.25]).requires_grad_();
    const b = t([2, 1.5]).requires_grad_();
    const [ga, gb] = torch.autograd.grad(torch.remainder(a.mul(a), b).sum(), [a, b], { create_graph: true }) as Tensor[];
    const [ha] = torch.autograd.grad(ga.sum().add(gb.sum()), a) as Tensor[];
    expectUlp("d remainder / da", ga, REF.hograd_remainder[0]);
    expectUlp("d remainder / db", gb, REF.hograd_remainder[1]);
    expectUlp("d2 remainder", ha, REF.hograd_remainder[2]);
  });

  test("integer input is promoted to float32 as PyTorch does", () => {
    expect(torch.sin(torch.tensor([0, 3])).dtype).toBe(torch.float32);
    expectUlp("log1p(int)", torch.log1p(torch.tensor([0, 3])), [0, Math.fround(Math.log1p(3))]);
  });
});
