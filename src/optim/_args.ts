/** Constructor plumbing shared by the optimizers: PyTorch's positional/keyword mapping and checks. */
import { parseArgs } from "../tensor/args";
import { TypeError, ValueError } from "../errors";
import { isParamsKeyword, pyRepr } from "./optimizer";
import { asPyTuple } from "../pyrepr";

/**
 * Maps `(lr, momentum, ..., {options})` onto `names` (PyTorch's positional order), filling in
 * `defaults`; the result keeps the key order of `defaults`, which is PyTorch's `defaults` dict
 * order and so the order of the options in state_dict()['param_groups'].
 */
export function optimizerArgs(op: string, args: readonly unknown[], names: readonly string[], defaults: Record<string, unknown>): Record<string, unknown> {
  const given = parseArgs(op, args, names);
  const out: Record<string, unknown> = {};
  for (const n of Object.keys(defaults)) out[n] = n in given ? given[n] : defaults[n];
  return out;
}

/**
 * An optimizer's arguments after `params`, with the keyword form's options (`{params, lr: 1}`, PyTorch's
 * `SGD(params=..., lr=1)`) appended as the trailing options object.
 */
export function keywordArgs(params: unknown, args: readonly unknown[]): readonly unknown[] {
  if (!isParamsKeyword(params)) return args;
  const { params: _params, ...options } = params as Record<string, unknown>;
  void _params;
  return [...args, options];
}

/** A hyper-parameter that must be a number (NaN is allowed through to the range checks). */
export function number(op: string, name: string, v: unknown): number {
  if (typeof v !== "number") throw new TypeError(`${op}(): ${name} must be a number, got ${v === null ? "null" : typeof v}`);
  return v;
}

/** `if not 0.0 <= v: raise ValueError(message)` with PyTorch's wording. */
export function nonNegative(op: string, name: string, v: unknown, label: string): void {
  const x = number(op, name, v);
  if (!(0 <= x)) throw new ValueError(`Invalid ${label}: ${pyRepr(x)}`);
}

/** Python's str() of a float: `1.0`, `0.999`, `1e-08`. */
export function pyFloat(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e16 ? `${v}.0` : pyRepr(v);
}

/** Adam's `betas`: a pair in [0, 1). */
export function checkBetas(op: string, betas: unknown): [number, number] {
  if (!Array.isArray(betas) || betas.length !== 2 || betas.some((b) => typeof b !== "number")) {
    throw new TypeError(`${op}(): betas must be a pair of numbers [beta1, beta2], got ${JSON.stringify(betas)}`);
  }
  betas.forEach((b: number, i) => {
    if (!(0 <= b && b < 1)) throw new ValueError(`Invalid beta parameter at index ${i}: ${pyFloat(b)}`);
  });
  return asPyTuple([betas[0], betas[1]]) as [number, number];
}

/** The checks of the Adam family (Adam, AdamW, Adamax, NAdam, RAdam), in PyTorch's order; `betas` becomes a checked pair. */
export function checkAdamArgs(op: string, o: Record<string, unknown>): void {
  nonNegative(op, "lr", o.lr, "learning rate");
  nonNegative(op, "eps", o.eps, "epsilon value");
  o.betas = checkBetas(op, o.betas);
  nonNegative(op, "weight_decay", o.weight_decay, "weight_decay value");
}
