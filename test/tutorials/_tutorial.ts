/**
 * Helpers for the tutorial ports: the fixtures (test/reference/gen_tutorials.py, gen_tutorials2.py, gen_tutorials3.py
 * gen_tutorials4.py, gen_tutorials5.py and gen_recipes.py),
 * the deterministic stand-ins for the tutorials' random tensors, and comparing printed output with
 * PyTorch's.
 */
import * as fs from "fs";
import * as path from "path";
import type { torch as Torch } from "../../src";

type Tensor = InstanceType<typeof Torch.Tensor>;

/**
 * torchlab, loaded by the first helper that makes tensors (det, det_init_, digits), not by importing this
 * file: 62 tutorial suites import only the printed-output comparisons and run their cells in a kernel,
 * and loading torchlab's 345 modules and readying its backend in the jest worker cost each of them
 * ~0.35 s of CPU (test/setup.ts readies the backend only for a suite that loaded it). The suites that use
 * these helpers import torch themselves, so the backend is ready before the first call.
 */
const lib = (): typeof Torch => (require("../../src") as typeof import("../../src")).torch;

export interface Encoded {
  shape: number[];
  dtype: string;
  values: (number | boolean | string)[];
}

const load = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", file), "utf8")) as Record<string, Record<string, unknown>>;
let all: Record<string, Record<string, unknown>> | undefined;

/** The reference outputs of one tutorial section (the fixtures are read at the first call). */
export function reference(section: string): Record<string, unknown> {
  all ??= { ...load("tutorials.json"), ...load("tutorials2.json"), ...load("tutorials3.json"), ...load("tutorials4.json"), ...load("tutorials5.json"), ...load("recipes.json") };
  return all[section];
}

/** gen_tutorials.py's det(): 0.1 * sin(0.37 * arange(numel) + k), reshaped. */
export function det(shape: number[], k = 0): Tensor {
  const torch = lib();
  const n = shape.reduce((a, b) => a * b, 1);
  return torch.arange(n, { dtype: torch.float32 }).mul(0.37).add(k).sin().mul(0.1).reshape(shape);
}

/** gen_tutorials.py's det_init_(): parameter number k (named_parameters order) becomes det(shape, k). */
export function det_init_(module: InstanceType<typeof Torch.nn.Module>): void {
  lib().no_grad(() => {
    let k = 0;
    for (const [, p] of module.named_parameters()) p.copy_(det(p.shape, k++));
  });
}

const NUMBER = /-?\d+\.?\d*(?:e[+-]\d+)?/g;

/**
 * Printed output equals PyTorch's: the same text around the numbers (layout, padding, brackets,
 * `grad_fn=<...>`), and each number within `tol` (float32 sums may round the last printed digit the
 * other way).
 */
export function expectSamePrint(got: string, want: string, tol = 2e-4): void {
  expect(got.replace(NUMBER, "#")).toBe(want.replace(NUMBER, "#"));
  const g = got.match(NUMBER) ?? [];
  const w = want.match(NUMBER) ?? [];
  expect(g.length).toBe(w.length);
  g.forEach((v, i) => {
    const a = Number(v);
    const b = Number(w[i]);
    if (Math.abs(a - b) > tol * Math.max(1, Math.abs(b))) throw new Error(`number ${i}: got ${v}, PyTorch printed ${w[i]}\n--- got\n${got}\n--- PyTorch\n${want}`);
  });
}

/**
 * Cell `i` printed PyTorch's text (numbers within float32 tolerance, or `tol`); an `ERR Class: message` line has
 * PyTorch's class and contains its message (torchlab names the op and shapes around it).
 */
export function expectSamePrintedCell(i: number, got: string, want: string, tol?: number): void {
  const gl = got.split("\n");
  const wl = want.split("\n");
  expect([i, gl.length]).toEqual([i, wl.length]);
  wl.forEach((line, k) => {
    if (!line.startsWith("ERR ")) return;
    const [cls, ...msg] = line.slice(4).split(": ");
    expect([i, gl[k].startsWith(`ERR ${cls}: `)]).toEqual([i, true]);
    expect(gl[k]).toContain(msg.join(": "));
  });
  const plain = (lines: string[]) => lines.map((l) => (l.startsWith("ERR ") ? "ERR" : l)).join("\n");
  expectSamePrint(plain(gl), plain(wl), tol);
}

/**
 * Each cell printed PyTorch's text (expectSamePrintedCell) and shows PyTorch's value; a shown list is
 * compared without the whitespace Node's array printing adds (the ZTM suites). `tol`: each number's, where
 * not the default.
 */
export function expectSameCells(got: { printed: string; shown: string | null }[], want: { printed: string; shown: string | null }[], tol?: number): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    const g = got[i];
    expectSamePrintedCell(i, g.printed, w.printed, tol);
    if (w.shown === null || g.shown === null) expect([i, g.shown]).toEqual([i, w.shown]);
    else if (w.shown.startsWith("[")) expectSamePrint(g.shown.replace(/\s+/g, ""), w.shown.replace(/\s+/g, ""), tol);
    else expectSamePrint(g.shown, w.shown, tol);
  });
}

/** A tensor's shape, dtype and values equal an encoded PyTorch one (values within `tol`). */
export function expectTensor(t: Tensor, want: Encoded, tol = 1e-4): void {
  expect(t.shape).toEqual(want.shape);
  expect(String(t.dtype)).toBe(`torch.${want.dtype}`);
  expectValues(t, want.values as number[], tol);
}

/** A tensor's (or list's) values within `tol` of PyTorch's, relative above 1. */
export function expectValues(got: Tensor | number[], want: number[], tol = 1e-4): void {
  const g = Array.isArray(got) ? got : Array.from(got.detach().contiguous().dataSync());
  expect(g.length).toBe(want.length);
  g.forEach((v, i) => {
    // Python's json writes nan and the infinities as strings ("nan", "inf", "-inf").
    const w = typeof want[i] === "string" ? Number(String(want[i]).replace(/inf/, "Infinity").replace("nan", "NaN")) : want[i];
    // nan matches nan and an infinity the same infinity; any other value within tol (a stray NaN fails).
    if (Object.is(v, w) || (Number.isNaN(v) && Number.isNaN(w))) return;
    if (!(Math.abs(v - w) <= tol * Math.max(1, Math.abs(w)))) throw new Error(`value ${i}: got ${v}, PyTorch ${w}`);
  });
}

/** Stand-in for MNIST (gen_tutorials2.py's digits()): digit c is a bright bar whose row and column depend on c, over a faint texture. */
export function digits(n: number, offset: number): [Tensor, Tensor] {
  const torch = lib();
  const xs = torch.zeros(n, 1, 28, 28);
  const ys = torch.zeros(n, { dtype: torch.long });
  for (let k = 0; k < n; k++) {
    const c = (k + offset) % 10;
    ys.setitem(k, c);
    xs.setitem(`${k}, 0, ${4 + 2 * c}:${7 + 2 * c}, 3:25`, 0.9);
    xs.setitem(`${k}, 0, 3:25, ${4 + 2 * (9 - c)}:${6 + 2 * (9 - c)}`, 0.7);
    xs.index(`${k}, 0`).add_(torch.sin(torch.arange(28 * 28, { dtype: torch.float32 }).mul(0.05 + 0.01 * k)).reshape(28, 28).abs().mul(0.1));
  }
  return [xs.clamp(0, 1), ys];
}
