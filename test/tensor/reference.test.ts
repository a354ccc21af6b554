/**
 * The torch core against PyTorch 1.13: every case in test/reference/core_*.json (written by
 * gen_core.py) is evaluated through torchlab; the forward values, shapes and dtypes (PyTorch's int64
 * is int32 here) and the gradients of every float input must match. Every differentiable case is also
 * checked against a numerical gradient: central differences along a random direction per input,
 * using the float32 values actually fed in, so PyTorch is not the only witness of the backward code.
 */
import { torch } from "../../src";
import { Case, GROUPS, build, decode, evaluate, expectClose, loadGroup } from "./fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;

function inputsOf(c: Case): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [k, e] of Object.entries(c.inputs)) out[k] = build(e, c.grads !== undefined && k in c.grads);
  return out;
}

/** sum_i (out_i * g_i).sum() in float64, from the float32 outputs. */
function lossValue(c: Case, outs: Tensor[]): { value: number; magnitude: number } {
  let value = 0;
  let magnitude = 0;
  outs.forEach((o, i) => {
    const g = c.grad_out?.[i];
    if (!g) return;
    const ov = o.dataSync();
    g.values.forEach((gv, j) => {
      const p = Number(ov[j]) * decode(gv);
      value += p;
      magnitude += Math.abs(p);
    });
  });
  return { value, magnitude };
}

function backprop(c: Case, outs: Tensor[]): void {
  if (!c.multi) {
    const g = c.grad_out![0]!;
    outs[0].backward(build(g));
    return;
  }
  let loss: Tensor | null = null;
  outs.forEach((o, i) => {
    const g = c.grad_out![i];
    if (!g) return;
    const term = o.mul(build(g)).sum();
    loss = loss === null ? term : loss.add(term);
  });
  (loss as unknown as Tensor).backward();
}

/** A fixed pseudo-random direction in [-1, 1] per element, so failures reproduce. */
function direction(n: number, seed: number): number[] {
  let s = seed >>> 0 || 1;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 0x100000000) * 2 - 1;
  });
}

for (const group of GROUPS) {
  const cases = loadGroup(group);
  describe(`PyTorch reference: ${group}`, () => {
    test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const inputs = inputsOf(c);
      const outs = evaluate(c, inputs);
      expect(outs.length).toBe(c.out.length);
      outs.forEach((o, i) => expectClose(`${c.name} output ${i} (${c.ts})`, o, c.out[i], c.tol ?? 1e-4));
      if (!c.grads) return;
      backprop(c, outs);
      for (const [k, want] of Object.entries(c.grads)) {
        const grad = inputs[k].grad;
        if (grad === null) {
          expect(`${c.name}: grad of ${k} is ${want.values.every((v) => decode(v) === 0) ? "zero" : "missing"}`).toBe(`${c.name}: grad of ${k} is zero`);
        } else expectClose(`${c.name} grad of ${k}`, grad, want, c.tol ?? 1e-4, 1e-5);
      }
    });

    const differentiable = cases.filter((c) => c.grads && c.numgrad !== false);
    if (differentiable.length === 0) return;
    test.each(differentiable.map((c) => [c.name, c] as const))("numerical gradient: %s", (_name, c) => {
      const base = inputsOf(c);
      backprop(c, evaluate(c, base));
      const eps = c.eps ?? 1e-3;
      Object.keys(c.grads!).forEach((k, which) => {
        const x = Array.from(base[k].dataSync());
        const v = direction(x.length, 7919 * (which + 1) + c.name.length);
        const plus = Float32Array.from(x, (xi, i) => xi + eps * v[i]);
        const minus = Float32Array.from(x, (xi, i) => xi - eps * v[i]);
        const at = (vals: Float32Array) =>
          torch.no_grad(() => {
            const ins = { ...base, [k]: torch.from_typed(vals, base[k].shape) };
            return lossValue(c, evaluate(c, ins));
          });
        const fp = at(plus);
        const fm = at(minus);
        const g = base[k].grad === null ? x.map(() => 0) : Array.from(base[k].grad!.dataSync());
        let analytic = 0;
        let l1 = 0;
        g.forEach((gi, i) => {
          analytic += gi * (plus[i] - minus[i]);
          l1 += Math.abs(gi * (plus[i] - minus[i]));
        });
        const numeric = fp.value - fm.value;
        // float32 evaluation noise of the two losses, plus a 1% band for the finite difference itself.
        const tol = 1e-2 * l1 + 2e-6 * (fp.magnitude + fm.magnitude) + 1e-7;
        const ok = Math.abs(numeric - analytic) <= tol;
        expect(ok ? `${c.name} d/d${k}: ok` : `${c.name} d/d${k}: numeric ${numeric}, analytic ${analytic}, tol ${tol}`).toBe(`${c.name} d/d${k}: ok`);
      });
    });
  });
}

describe("PyTorch reference: fixture coverage", () => {
  test("every group has cases and every case has a forward result", () => {
    for (const group of GROUPS) {
      const cases = loadGroup(group);
      expect(cases.length).toBeGreaterThan(10);
      for (const c of cases) expect(c.out.length).toBeGreaterThan(0);
    }
  });
});
