/**
 * Fixtures of the vision layers (test/reference/gen_vision_nn.py, PyTorch 1.13): loading, and running
 * a functional case's TypeScript expression with its inputs in scope, forward and backward.
 */
import { torch } from "../../src";
import { build, expectClose, Encoded, readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;

export interface VisionCase {
  name: string;
  py: string;
  ts: string;
  inputs: Record<string, Encoded>;
  nograd: string[];
  multi: boolean;
  out: Encoded[];
  grad_out?: (Encoded | null)[];
  grads?: Record<string, Encoded>;
}

export function loadVision<T = { cases: VisionCase[] }>(group: string): T {
  return readReference<T>(`vision_nn_${group}.json`);
}

/** Evaluates `ts` with `torch`, `F`, `nn` and the named values in scope. */
export function evalTs(ts: string, scope: Record<string, unknown>): unknown {
  const names = Object.keys(scope);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const f = new Function("torch", "F", "nn", ...names, `"use strict"; return (${ts});`) as (...a: unknown[]) => unknown;
  return f(torch, torch.nn.functional, torch.nn, ...names.map((n) => scope[n]));
}

/** Runs one functional case: forward values, then gradients of sum(out_i * grad_out_i). */
export function runCase(c: VisionCase, rtol = 1e-4, atol = 1e-5): void {
  const inputs: Record<string, Tensor> = {};
  for (const [k, e] of Object.entries(c.inputs)) {
    const wantsGrad = e.dtype === "float32" && !c.nograd.includes(k) && c.grads !== undefined && k in c.grads;
    inputs[k] = build(e, wantsGrad);
  }
  const r = evalTs(c.ts, inputs);
  const outs = c.multi ? Array.from(r as ArrayLike<Tensor>) : [r as Tensor];
  expect(outs.length).toBe(c.out.length);
  outs.forEach((o, i) => expectClose(`${c.name} out[${i}]`, o, c.out[i], rtol, atol));
  if (!c.grad_out || !c.grads) return;
  let loss: Tensor | null = null;
  c.grad_out.forEach((g, i) => {
    if (!g) return;
    const term = outs[i].mul(build(g)).sum();
    loss = loss === null ? term : loss.add(term);
  });
  (loss as unknown as Tensor).backward();
  for (const [k, e] of Object.entries(c.grads)) {
    const g = inputs[k].grad;
    expect(g === null ? `${c.name}: grad of ${k} is null` : "ok").toBe("ok");
    expectClose(`${c.name} grad ${k}`, g as Tensor, e, rtol, atol);
  }
}
