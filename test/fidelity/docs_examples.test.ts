/**
 * The code examples of PyTorch 1.13's documentation (the `Example::` blocks of torch.*, torch.Tensor.*,
 * torch.nn, torch.nn.functional and torch.optim.lr_scheduler docstrings), with fixed inputs in place of
 * random ones, run through torchlab: users copy these snippets literally. Each case's Python, its
 * torchlab spelling and PyTorch's result (or error) come from test/reference/gen_docs_examples.py.
 */
import { torch } from "../../src";
import { JsonNum, decode, expectClose, Encoded, readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type Out = Encoded | { seq: Out[] } | { num: JsonNum } | { bool: boolean };
interface DocCase {
  name: string;
  py: string;
  ts: string;
  out?: Out;
  error?: { error: "RuntimeError" | "ValueError" | "TypeError" | "IndexError"; pytorch_error: string; message: string; keys: string[] };
  tol?: number;
}

const cases = readReference<{ cases: DocCase[] }>("docs_examples.json").cases;

/** Runs a case's torchlab code (plain JavaScript, as a notebook cell runs once types are erased): an
 * expression, or a function body that returns. */
function run(c: DocCase): unknown {
  const body = /\breturn\b/.test(c.ts) ? c.ts : `return (${c.ts});`;
  const { nn, optim } = torch;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const f = new Function("torch", "nn", "F", "lr_scheduler", `"use strict";\n${body}`);
  return f(torch, nn, nn.functional, optim.lr_scheduler);
}

function compare(label: string, got: unknown, want: Out, rtol: number): void {
  if ("seq" in want) {
    const items = got instanceof torch.Tensor ? null : Array.from(got as ArrayLike<unknown>);
    expect(`${label}: length ${items?.length}`).toBe(`${label}: length ${want.seq.length}`);
    want.seq.forEach((w, i) => compare(`${label}[${i}]`, (items as unknown[])[i], w, rtol));
  } else if ("num" in want) {
    expect(typeof got === "number" ? `${label}: number` : `${label}: ${String(got)}`).toBe(`${label}: number`);
    const w = decode(want.num);
    if (Number.isNaN(w)) expect(got).toBeNaN();
    else expect(Math.abs((got as number) - w)).toBeLessThanOrEqual(1e-6 + rtol * Math.abs(w));
  } else if ("bool" in want) {
    expect(got).toBe(want.bool);
  } else {
    expect(got).toBeInstanceOf(torch.Tensor);
    expectClose(label, got as Tensor, want, rtol);
  }
}

describe("PyTorch documentation examples", () => {
  test.each(cases.filter((c) => c.out !== undefined).map((c) => [c.name, c] as const))("%s", (name, c) => {
    compare(name, run(c), c.out as Out, c.tol ?? 1e-4);
  });

  test.each(cases.filter((c) => c.error !== undefined).map((c) => [c.name, c] as const))("%s raises as PyTorch does", (name, c) => {
    const e = c.error!;
    let thrown: unknown = null;
    try {
      run(c);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(torch[e.error]);
    const msg = (thrown as Error).message;
    for (const k of e.keys) expect(`${name}: ${msg}`).toContain(k);
  });
});
