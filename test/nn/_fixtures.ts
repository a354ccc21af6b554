/**
 * Loading and comparing the PyTorch reference fixtures written by test/reference/gen_nn.py.
 * Values JSON cannot hold (nan, inf) are stored as strings.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

export type Tensor = InstanceType<typeof torch.Tensor>;
export type JsonNum = number | boolean | "nan" | "inf" | "-inf";

export interface Encoded {
  shape: number[];
  dtype: "float32" | "int32" | "bool";
  values: JsonNum[];
}

export function load<T>(group: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", `nn_${group}.json`), "utf8")) as T;
}

export function decode(v: JsonNum): number {
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  return Number(v);
}

export function build(e: Encoded, requiresGrad = false): Tensor {
  const vals = e.values.map(decode);
  if (e.dtype === "float32") return torch.from_typed(Float32Array.from(vals), e.shape, { requires_grad: requiresGrad });
  if (e.dtype === "int32") return torch.from_typed(Int32Array.from(vals), e.shape);
  return torch.from_typed(Int32Array.from(vals), e.shape).bool();
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
  expect({ what, dtype: got.dtype }).toEqual({ what, dtype: want.dtype });
  const g = Array.from(got.dataSync() as ArrayLike<number>);
  const w = want.values.map(decode);
  for (let i = 0; i < w.length; i++) {
    const ok = Number.isNaN(w[i]) ? Number.isNaN(g[i]) : !Number.isFinite(w[i]) ? g[i] === w[i] : Math.abs(g[i] - w[i]) <= atol + rtol * Math.abs(w[i]);
    if (!ok) throw new Error(`${what}: element ${i} is ${g[i]}, PyTorch has ${w[i]}`);
  }
}
