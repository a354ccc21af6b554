/**
 * Differential fuzz cases against PyTorch 1.13 (test/reference/fuzz_cases.json, written by
 * test/reference/gen_fuzz.py): randomized shapes, dims, dtypes, scalars and keyword arguments for the
 * tensor methods, torch.* functions, nn.functional ops and loss modules. Each case must give PyTorch's
 * values, shape, dtype and input gradients; where PyTorch raises, torchlab must
 * raise the corresponding error type (RuntimeError/ShapeError, IndexError, ValueError, TypeError) and
 * never return a value.
 *
 * A bigger local batch: `/usr/bin/python3 test/reference/gen_fuzz.py --seed 3 --per-op 40 --out /tmp/f.json`
 * then `FUZZ_FILE=/tmp/f.json npx jest test/tensor/fuzz.test.ts`, which reports every mismatch at once.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import { Encoded, build, decode, firstMismatch, fixtureDtype } from "./fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;

interface FuzzCase {
  name: string;
  op: string;
  py: string;
  ts: string;
  inputs: Record<string, Encoded>;
  /** inputs that require grad */
  rg: string[];
  error?: { type: "RuntimeError" | "IndexError" | "ValueError" | "TypeError"; message: string };
  scalar?: unknown;
  multi?: boolean;
  out?: Encoded[];
  tol?: number;
  grad_out?: (Encoded | null)[];
  grads?: Record<string, Encoded>;
}

const file = process.env.FUZZ_FILE ?? path.join(__dirname, "..", "reference", "fuzz_cases.json");
const only = process.env.FUZZ_ONLY?.split(",");
const cases = (JSON.parse(fs.readFileSync(file, "utf8")) as { cases: FuzzCase[] }).cases.filter((c) => !only || only.includes(c.op));

const ERROR_TYPES = {
  RuntimeError: torch.RuntimeError,
  IndexError: torch.IndexError,
  ValueError: torch.ValueError,
  TypeError: torch.TypeError,
} as const;

function compare(label: string, t: unknown, e: Encoded, rtol: number): string | null {
  if (!(t instanceof torch.Tensor)) return `${label}: expected a tensor, got ${String(t)}`;
  if (JSON.stringify(t.shape) !== JSON.stringify(e.shape) || String(t.dtype) !== fixtureDtype(e.dtype)) {
    return `${label}: shape/dtype ${JSON.stringify(t.shape)} ${t.dtype}, PyTorch ${JSON.stringify(e.shape)} ${e.dtype}`;
  }
  const want = e.values.map(decode);
  const got = Array.from(t.dataSync() as ArrayLike<number>, Number);
  const scale = want.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
  // atol 3e-5: float32 cancellation noise (x - mean of one element is 1e-5 in PyTorch, 0 here).
  const bad = firstMismatch(got, want, rtol, 3e-5 * Math.max(1, scale));
  return bad === null ? null : `${label}: element ${bad.index} is ${bad.got}, PyTorch ${bad.want}`;
}

/** Runs one case; returns a description of the first difference from PyTorch, or null. */
function check(c: FuzzCase): string | null {
  const inputs: Record<string, Tensor> = {};
  for (const [k, e] of Object.entries(c.inputs)) inputs[k] = build(e, c.rg.includes(k));
  const names = Object.keys(inputs);
  let result: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const f = new Function("torch", "F", ...names, `"use strict"; return (${c.ts});`) as (...a: unknown[]) => unknown;
    result = f(torch, torch.nn.functional, ...names.map((n) => inputs[n]));
  } catch (err) {
    const e = err as Error;
    if (!c.error) return `raised ${e.name}: ${e.message}; PyTorch returned a value`;
    // PyTorch's CPU index_select reports an out-of-range index as IndexError or RuntimeError depending
    // on the memory layout; either is accepted there.
    const layoutDependent = /INDICES element is out of DATA bounds|index out of range in self/.test(c.error.message);
    if (layoutDependent && (e instanceof torch.IndexError || e instanceof torch.RuntimeError)) return null;
    if (!(e instanceof ERROR_TYPES[c.error.type])) return `raised ${e.name} (${e.message}); PyTorch raised ${c.error.type}: ${c.error.message}`;
    return null;
  }
  if (c.error) return `returned a value; PyTorch raised ${c.error.type}: ${c.error.message}`;
  if (c.scalar !== undefined) {
    // Python values (item, tolist, equal, ...): compared as JSON, with PyTorch's nan/inf spelled as strings.
    const enc = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(enc) : typeof v === "number" && !Number.isFinite(v) ? (Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf") : typeof v === "number" ? Number(v.toPrecision(7)) : v;
    const want = JSON.stringify(enc(c.scalar));
    const got = JSON.stringify(enc(result));
    return got === want ? null : `returned ${got}, PyTorch ${want}`;
  }
  const outs: unknown[] = c.multi ? Array.from(result as Iterable<unknown>) : [result];
  if (outs.length !== c.out!.length) return `${outs.length} outputs, PyTorch ${c.out!.length}`;
  const rtol = c.tol ?? 1e-4;
  for (let i = 0; i < outs.length; i++) {
    const bad = compare(`output ${i}`, outs[i], c.out![i], rtol);
    if (bad) return bad;
  }
  if (!c.grads) return null;
  let loss: Tensor | null = null;
  outs.forEach((o, i) => {
    const g = c.grad_out![i];
    if (!g) return;
    const term = (o as Tensor).mul(build(g)).sum();
    loss = loss === null ? term : loss.add(term);
  });
  try {
    (loss as unknown as Tensor).backward();
  } catch (err) {
    return `backward raised ${(err as Error).name}: ${(err as Error).message}`;
  }
  for (const [k, want] of Object.entries(c.grads)) {
    const grad = inputs[k].grad;
    if (grad === null) {
      if (want.values.every((v) => decode(v) === 0)) continue;
      return `grad of ${k} is missing`;
    }
    const bad = compare(`grad of ${k}`, grad, want, rtol);
    if (bad) return bad;
  }
  return null;
}

if (process.env.FUZZ_FILE) {
  test(`fuzz batch ${file}: every case matches PyTorch`, () => {
    const failures: string[] = [];
    for (const c of cases) {
      let bad: string | null;
      try {
        bad = check(c);
      } catch (err) {
        bad = `test harness: ${(err as Error).message}`;
      }
      if (bad) failures.push(`${c.name}  ${c.ts}\n    py: ${c.py}\n    ${bad}`);
    }
    if (failures.length) console.log(`${failures.length}/${cases.length} differ:\n` + failures.join("\n"));
    expect(failures.length).toBe(0);
  });
} else {
  describe("differential fuzz cases against PyTorch 1.13", () => {
    test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      expect(`${c.ts}: ${check(c) ?? "matches PyTorch"}`).toBe(`${c.ts}: matches PyTorch`);
    });
  });
}
