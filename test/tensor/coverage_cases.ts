/**
 * Runs the cases of test/reference/coverage.json (written by gen_coverage.py) whose name a filter
 * keeps: forward values, shapes and dtypes against PyTorch 1.13 / torchvision 0.14, the gradient of
 * every float input after backward of a weighted sum, PyTorch's error class and message, and plain
 * results (bools, strings, lists). The TypeScript twin of each case runs with `torch`, `torchvision` and
 * `rangeDataset` in scope.
 */
import { torch, torchvision } from "../../src";
import { build, decode, expectClose, readReference, type Case, type Err } from "./fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
interface Coverage {
  cases: Case[];
  errors: { name: string; py: string; ts: string; err: Err }[];
  scalars: { name: string; py: string; ts: string; value: unknown }[];
}

const R = readReference<Coverage>("coverage.json");
// torchlab appends a hint (how to wrap the write in no_grad) after PyTorch's message.
const PREFIX_ONLY = new Set(["erf_leaf"]);
// torchlab's in-place dtype refusals name the op first (src/tensor/dtype.ts inplaceCastMessage), then PyTorch's words.
const OP_NAMED: Record<string, string> = { log1p_int: "log1p_", atan2_int: "atan2_", acosh_int: "acosh_", ldexp_int: "ldexp_" };

/** gen_coverage.py's RangeDataset: range(start, end) as an iterable-style dataset. */
class RangeDataset extends torch.utils.data.IterableDataset<number> {
  constructor(readonly start: number, readonly end: number) {
    super();
  }
  *[Symbol.iterator](): Iterator<number> {
    for (let i = this.start; i < this.end; i++) yield i;
  }
}
const rangeDataset = (start: number, end: number): RangeDataset => new RangeDataset(start, end);

function run(ts: string, inputs: Record<string, unknown> = {}): unknown {
  const names = Object.keys(inputs);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const f = new Function("torch", "torchvision", "rangeDataset", ...names, `"use strict"; return (${ts});`) as (...a: unknown[]) => unknown;
  return f(torch, torchvision, rangeDataset, ...names.map((n) => inputs[n]));
}

export function coverageSuite(title: string, keep: (name: string, ts: string) => boolean): void {
  const cases = R.cases.filter((c) => keep(c.name, c.ts));
  const errors = R.errors.filter((c) => keep(c.name, c.ts));
  const scalars = R.scalars.filter((c) => keep(c.name, c.ts));

  if (cases.length > 0) describe(`${title}: values and gradients`, () => {
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
        const want = c.name in OP_NAMED ? `${OP_NAMED[c.name]}: ${msg}` : msg;
        let thrown: unknown;
        try {
          run(c.ts);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(Error);
        const e = thrown as Error;
        // torchlab's ShapeError is the RuntimeError PyTorch raises for shapes (src/errors.ts).
        const name = cls === "RuntimeError" && e instanceof torch.ShapeError ? "RuntimeError" : e.name;
        if (PREFIX_ONLY.has(c.name)) expect([name, e.message.slice(0, want.length)]).toEqual([cls, want]);
        else expect([name, e.message]).toEqual([cls, want]);
      });
    });
  }

  if (scalars.length > 0) {
    describe(`${title}: plain results`, () => {
      test.each(scalars.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        expect(run(c.ts)).toEqual(c.value);
      });
    });
  }
}
