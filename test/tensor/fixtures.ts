/**
 * Loading and comparing the PyTorch reference fixtures written by test/reference/gen_core.py.
 * Values that JSON cannot hold (nan, inf) are stored as strings.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;

export type JsonNum = number | boolean | "nan" | "inf" | "-inf";

export interface Encoded {
  shape: number[];
  dtype: "float32" | "int64" | "int32" | "bool";
  values: JsonNum[];
}

export interface Case {
  name: string;
  py: string;
  ts: string;
  inputs: Record<string, Encoded>;
  multi: boolean;
  out: Encoded[];
  grad_out?: (Encoded | null)[];
  grads?: Record<string, Encoded>;
  numgrad?: boolean;
  eps?: number;
  tol?: number;
}

export const GROUPS = ["creation", "shape", "arith", "compare", "reduce", "linalg", "edge", "more"] as const;

/** Parses a committed fixture file of test/reference/. */
export function readReference<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", file), "utf8")) as T;
}

export function loadGroup(group: string): Case[] {
  return readReference<{ cases: Case[] }>(`core_${group}.json`).cases;
}

export function decode(v: JsonNum): number {
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  return Number(v);
}

/** Builds a torchlab tensor from an encoded one; float inputs of differentiated cases become leaves. */
export function build(e: Encoded, requiresGrad = false): Tensor {
  const vals = e.values.map(decode);
  if (e.dtype === "float32") return torch.from_typed(Float32Array.from(vals), e.shape, { requires_grad: requiresGrad });
  if (e.dtype === "int64") return torch.from_typed(Int32Array.from(vals), e.shape);
  if (e.dtype === "int32") return torch.from_typed(Int32Array.from(vals), e.shape, { dtype: torch.int32 });
  return torch.from_typed(Int32Array.from(vals), e.shape).bool();
}

/** Evaluates a case's TypeScript expression with its inputs in scope. */
export function evaluate(c: Case, inputs: Record<string, Tensor>): Tensor[] {
  const names = Object.keys(inputs);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const f = new Function("torch", ...names, `"use strict"; return (${c.ts});`) as (...a: unknown[]) => unknown;
  const r = f(torch, ...names.map((n) => inputs[n]));
  if (c.multi) return Array.from(r as ArrayLike<Tensor>);
  return [r as Tensor];
}

export interface Mismatch {
  index: number;
  got: number;
  want: number;
}

/** Elementwise |got - want| <= atol + rtol * |want|, with nan == nan and matching infinities. */
export function firstMismatch(got: ArrayLike<number>, want: number[], rtol: number, atol: number): Mismatch | null {
  for (let i = 0; i < want.length; i++) {
    const g = Number(got[i]);
    const w = want[i];
    if (Number.isNaN(w) ? Number.isNaN(g) : !Number.isFinite(w) ? g === w : Math.abs(g - w) <= atol + rtol * Math.abs(w)) continue;
    return { index: i, got: g, want: w };
  }
  return null;
}

/** How torchlab prints the dtype a fixture names (PyTorch's name, as _common.py's `enc` writes it). */
export function fixtureDtype(d: Encoded["dtype"]): string {
  return `torch.${d}`;
}

export function expectClose(label: string, t: Tensor, e: Encoded, rtol = 1e-4, atol = 1e-5): void {
  const head = `${label}: shape/dtype`;
  expect(`${head} ${JSON.stringify(t.shape)} ${t.dtype}`).toBe(`${head} ${JSON.stringify(e.shape)} ${fixtureDtype(e.dtype)}`);
  const want = e.values.map(decode);
  const got = Array.from(t.dataSync() as ArrayLike<number>);
  const scale = want.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
  const bad = firstMismatch(got, want, rtol, atol * Math.max(1, scale));
  expect(bad === null ? `${label}: ok` : `${label}: element ${bad.index} is ${bad.got}, PyTorch ${bad.want}`).toBe(`${label}: ok`);
}

/** A reference error: PyTorch's class name and message (see err() in test/reference/_common.py). */
export type Err = [string, string];

/**
 * Expects `f` to throw an Error of PyTorch's class name with its message (`prefix`: the message starts
 * with the reference's, for references that keep only the first line).
 */
export function expectError(f: () => unknown, [cls, msg]: Err, prefix = false): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(Error);
  if (prefix) {
    expect((caught as Error).name).toBe(cls);
    expect((caught as Error).message.startsWith(msg)).toBe(true);
  } else {
    expect([(caught as Error).name, (caught as Error).message]).toEqual([cls, msg]);
  }
}
