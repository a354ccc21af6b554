/**
 * Runs the cases of test/reference/coverage.json (written by gen_coverage.py) whose name a filter
 * keeps: forward values, shapes and dtypes against PyTorch 1.13 / torchvision 0.14, the gradient of
 * every float input after backward of a weighted sum, PyTorch's error class and message, and plain
 * (bool) results. The TypeScript twin of each case runs with `torch` and `torchvision` in scope.
 */
import { torch, torchvision } from "../../src";
import { build, decode, expectClose, expectError, readReference, type Case, type Err } from "./fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
interface Coverage {
  cases: Case[];
  errors: { name: string; py: string; ts: string; err: Err }[];
  scalars: { name: string; py: string; ts: string; value: boolean | number }[];
}

const R = readReference<Coverage>("coverage.json");
// torchlab appends a hint (how to wrap the write in no_grad) after PyTorch's message.
const PREFIX_ONLY = new Set(["erf_leaf"]);
// torchlab's in-place dtype refusals name the op first (src/tensor/dtype.ts inplaceCastMessage), then PyTorch's words.
const OP_NAMED: Record<string, string> = { log1p_int: "log1p_" };

function run(ts: string, inputs: Record<string, unknown> = {}): unknown {
  const names = Object.keys(inputs);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const f = new Function("torch", "torchvision", ...names, `"use strict"; return (${ts});`) as (...a: unknown[]) => unknown;
  return f(torch, torchvision, ...names.map((n) => inputs[n]));
}

export function coverageSuite(title: string, keep: (name: string, ts: string) => boolean): void {
  const cases = R.cases.filter((c) => keep(c.name, c.ts));
  const errors = R.errors.filter((c) => keep(c.name, c.ts));
  const scalars = R.scalars.filter((c) => keep(c.name, c.ts));

  describe(`${title}: values and gradients`, () => {
    test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const inputs: Record<string, Tensor> = {};
      for (const [k, e] of Object.entries(c.inputs)) inputs[k] = build(e, c.grads !== undefined && k in c.grads);
      const r = run(c.ts, inputs);
      const outs = c.multi ? Array.from(r as ArrayLike<Tensor>) : [r as Tensor];
      expect(outs.length).toBe(c.out.length);
      outs.forEach((o, i) => expectClose(`${c.name} output ${i} (${c.ts})`, o, c.out[i], c.tol ?? 1e-4));
      if (!c.grads) return;
      let loss: Tensor | null = null;
      outs.forEach((o, i) => {
        const g = c.grad_out?.[i];
        if (!g) return;
        const term = o.mul(build(g)).sum();
        loss = loss === null ? term : loss.add(term);
      });
      (loss as unknown as Tensor).backward();
      for (const [k, want] of Object.entries(c.grads)) {
        const grad = inputs[k].grad;
        if (grad === null) expect(`${c.name}: grad of ${k} is ${want.values.every((v) => decode(v) === 0) ? "zero" : "missing"}`).toBe(`${c.name}: grad of ${k} is zero`);
        else expectClose(`${c.name} grad of ${k}`, grad, want, c.tol ?? 1e-4, 1e-5);
      }
    });
  });

  if (errors.length > 0) {
    describe(`${title}: PyTorch's errors`, () => {
      test.each(errors.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        const [cls, msg] = c.err;
        expectError(() => run(c.ts), c.name in OP_NAMED ? [cls, `${OP_NAMED[c.name]}: ${msg}`] : c.err, PREFIX_ONLY.has(c.name));
      });
    });
  }

  if (scalars.length > 0) {
    describe(`${title}: plain results`, () => {
      test.each(scalars.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(run(c.ts)).toBe(c.value);
      });
    });
  }
}
