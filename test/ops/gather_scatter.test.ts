/**
 * gather / scatter / scatter_add / scatter_reduce / index_select / take_along_dim against PyTorch 1.13
 * (test/reference/gen_gather_scatter.py): positional and keyword calls (`x.scatter_({dim: 1, index,
 * value: 1.0})`, `torch.gather(x, {dim: 1, index})`), reduce=, values, gradients, grad_fn names,
 * and PyTorch's errors for bad index shapes and dtypes.
 */
import { torch } from "../../src";
import { build, expectClose, readReference, type Encoded } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;

interface Case {
  name: string;
  py: string;
  ts: string;
  inputs: Record<string, Encoded>;
  out: Encoded;
  grad_out?: Encoded;
  grads?: Record<string, Encoded>;
  grad_fn?: string;
}

interface ErrorCase {
  name: string;
  py: string;
  ts: string;
  type: string;
  message: string;
  /** torchlab's message where PyTorch's lists its argument parser's overloads. */
  torchlab_message?: string;
}

const TYPES: Record<string, new (...a: never[]) => Error> = {
  RuntimeError: torch.RuntimeError,
  TypeError: torch.TypeError,
  IndexError: torch.IndexError,
};

const fixture = readReference<{ cases: Case[]; errors: ErrorCase[] }>("gather_scatter.json");

function run(ts: string, scope: Record<string, unknown>): unknown {
  const names = Object.keys(scope);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const f = new Function("torch", ...names, `"use strict"; return (${ts});`) as (...a: unknown[]) => unknown;
  return f(torch, ...names.map((n) => scope[n]));
}

describe("gather / scatter / index_select / take_along_dim match PyTorch", () => {
  for (const c of fixture.cases) {
    test(`${c.name}: ${c.py}`, () => {
      const scope: Record<string, Tensor> = {};
      for (const [k, e] of Object.entries(c.inputs)) scope[k] = build(e, c.grads !== undefined && k in c.grads);
      const out = run(c.ts, scope) as Tensor;
      expectClose(c.name, out, c.out);
      if (!c.grads || !c.grad_out) return;
      expect(out.grad_fn?.name()).toBe(c.grad_fn);
      out.mul(build(c.grad_out)).sum().backward();
      for (const [k, e] of Object.entries(c.grads)) expectClose(`${c.name} grad ${k}`, scope[k].grad as Tensor, e);
    });
  }
});

describe("gather / scatter errors match PyTorch", () => {
  const inputs = (): Record<string, Tensor> => {
    // The error cases read the same named inputs as the value cases.
    const scope: Record<string, Tensor> = {};
    for (const c of fixture.cases) for (const [k, e] of Object.entries(c.inputs)) scope[k] ??= build(e);
    return scope;
  };
  for (const c of fixture.errors) {
    test(`${c.name}: ${c.py}`, () => {
      let err: unknown = null;
      try {
        run(c.ts, inputs());
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TYPES[c.type]);
      // torchlab may name the op and the shapes around PyTorch's text, never drop it.
      expect((err as Error).message).toContain(c.torchlab_message ?? c.message);
    });
  }
});
