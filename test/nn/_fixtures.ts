/**
 * Loading and comparing the PyTorch reference fixtures written by test/reference/gen_nn.py.
 * The encoding (nan and inf stored as strings) and the tolerance rule are test/tensor/fixtures.ts's.
 */
import { torch } from "../../src";
import { Encoded, decode, firstMismatch, readReference } from "../tensor/fixtures";

export { build, decode } from "../tensor/fixtures";
export type { Encoded, JsonNum } from "../tensor/fixtures";
export type Tensor = InstanceType<typeof torch.Tensor>;

export function load<T>(group: string): T {
  return readReference<T>(`nn_${group}.json`);
}

/** Evaluates a TypeScript expression from a fixture with torch, nn and F in scope. */
export function evalTs<T>(expr: string): T {
  const f = new Function("torch", "nn", "F", `"use strict"; return (${expr});`) as (...a: unknown[]) => T;
  return f(torch, torch.nn, torch.nn.functional);
}

/** Shape, dtype and values within atol + rtol * |want| (nan matches nan). */
export function expectTensor(got: Tensor | null | undefined, want: Encoded, what: string, rtol = 1e-4, atol = 1e-5): void {
  if (!got) throw new Error(`${what}: got no tensor, want shape [${want.shape.join(", ")}]`);
  expect({ what, shape: got.shape }).toEqual({ what, shape: want.shape });
  expect({ what, dtype: String(got.dtype) }).toEqual({ what, dtype: `torch.${want.dtype}` });
  const bad = firstMismatch(got.dataSync() as ArrayLike<number>, want.values.map(decode), rtol, atol);
  if (bad) throw new Error(`${what}: element ${bad.index} is ${bad.got}, PyTorch has ${bad.want}`);
}
