/**
 * The base of every transform: instances are callable (`t(img)` runs `t.forward(img)`, as a
 * PyTorch transform's `__call__`), print like PyTorch's `repr`, and draw randomness from a
 * torch Generator (the default one unless a `generator` option is given), so that
 * `torch.manual_seed(n)` makes an augmented batch reproducible.
 */
import { Tensor } from "../../tensor/tensor";
import { Generator, default_generator } from "../../tensor/random";
import { TypeError, ValueError } from "../../errors";
import { Image } from "../io";
import { objectRepr, pyIsTuple } from "../../pyrepr";
import type { ImageLike } from "./functional";

export type { ImageLike };

/** Anything Compose can chain: a transform or a plain function. */
/**
 * A transform: a function, a torchvision transform, or an object of the user's class defining
 * `__call__` (Python's custom transform, `class MulTransform: def __call__(self, sample): ...`).
 */
export type TransformFn = ((img: never) => unknown) | { __call__(img: never): unknown };

/** An object of the user's class that Python would call: it defines `__call__` and is no function. */
export function isCallObject(t: unknown): t is { __call__(img: unknown): unknown } {
  return typeof t === "object" && t !== null && typeof (t as { __call__?: unknown }).__call__ === "function";
}

export abstract class Transform {
  constructor() {
    const self = ((img: unknown) => (self as unknown as Transform).forward(img)) as unknown as Transform;
    Object.setPrototypeOf(self, new.target.prototype);
    return self;
  }

  abstract forward(img: unknown): unknown;

  /** PyTorch's repr of the transform. */
  abstract toString(): string;

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString() };
  }
}

/** A transform that maps a tensor image (or batch) to a tensor and an `Image` to an `Image`. */
export interface ImageTransform {
  <T extends ImageLike>(img: T): T;
}
export abstract class ImageTransform extends Transform {
  abstract forward<T extends ImageLike>(img: T): T;
}

/** A transform defined on tensors only (Normalize, RandomErasing). */
export interface TensorTransform {
  (tensor: Tensor): Tensor;
}
export abstract class TensorTransform extends Transform {
  abstract forward(tensor: Tensor): Tensor;
}

/** Options every random transform accepts: a Generator to draw from instead of the default one. */
export interface RandomOptions {
  generator?: Generator | null;
}

export function gen(g: Generator | null | undefined): Generator {
  return g ?? default_generator;
}

/** torch.empty(1).uniform_(a, b).item(), rounded to float32 as PyTorch's tensor holds it. */
export function uniform(g: Generator, a: number, b: number): number {
  return g.uniform(a, b);
}

// ---------------------------------------------------------------- Python-style repr pieces

/** A number as Python prints it: floats keep a '.0' when `float` says the value is a Python float. */
export function pyNum(v: number, float = false): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  if (float && Number.isInteger(v)) return `${v}.0`;
  const s = String(v);
  // Python writes small/large floats as 1e-05, JS as 0.00001 or 1e-7.
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

/** A list ([a, b]) or tuple ((a, b), (a,)) of numbers. */
export function pySeq(v: readonly number[], tuple: boolean, float = false): string {
  const body = v.map((x) => pyNum(x, float)).join(", ");
  if (!tuple) return `[${body}]`;
  return v.length === 1 ? `(${body},)` : `(${body})`;
}

/**
 * A user-given value: arrays print as Python lists (a `tuple(...)` as a tuple, as torchvision keeps
 * what it was given), numbers as given, null as None.
 */
export function pyValue(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return pyNum(v);
  if (typeof v === "string") return v;
  if (Array.isArray(v)) {
    const body = v.map(pyValue).join(", ");
    if (!pyIsTuple(v)) return `[${body}]`;
    return v.length === 1 ? `(${body},)` : `(${body})`;
  }
  return String(v);
}

/** Indents a nested transform's repr for Compose / RandomApply listings. */
function itemRepr(t: unknown): string {
  if (typeof t === "function" && !(t instanceof Transform)) return `<function ${(t as { name?: string }).name || "<lambda>"}>`;
  // Python's default repr of a user's object, `<__main__.MulTransform object at 0x...>`.
  if (isCallObject(t) && String(t) === "[object Object]") return objectRepr(t, `__main__.${t.constructor.name}`);
  return String(t);
}

export function listing(name: string, items: unknown[], head: string[] = []): string {
  let s = `${name}(`;
  for (const h of head) s += `\n    ${h}`;
  for (const t of items) s += `\n    ${itemRepr(t)}`;
  return s + "\n)";
}

// ---------------------------------------------------------------- argument helpers

/** torchvision's _setup_size: an int n becomes (n, n); a 1-list [n] becomes (n, n). */
export function setupSize(size: unknown, errorMsg: string): { hw: [number, number]; tuple: boolean } {
  if (typeof size === "number") return { hw: [Math.trunc(size), Math.trunc(size)], tuple: true };
  if (!Array.isArray(size)) throw new TypeError(`${errorMsg} Got ${typeof size}`);
  if (size.length === 1) return { hw: [size[0], size[0]], tuple: true };
  if (size.length !== 2) throw new ValueError(errorMsg);
  return { hw: [size[0], size[1]], tuple: pyIsTuple(size) };
}

/** torchvision's _check_sequence_input. */
export function checkSequence(x: unknown, name: string, sizes: number[]): void {
  const msg = sizes.length < 2 ? String(sizes[0]) : sizes.join(" or ");
  if (!Array.isArray(x)) throw new TypeError(`${name} should be a sequence of length ${msg}.`);
  if (!sizes.includes(x.length)) throw new ValueError(`${name} should be a sequence of length ${msg}.`);
}

/** torchvision's _setup_angle: d becomes [-d, d]; a sequence must have one of `sizes` lengths. */
export function setupAngle(x: unknown, name: string, sizes: number[] = [2]): number[] {
  if (typeof x === "number") {
    if (x < 0) throw new ValueError(`If ${name} is a single number, it must be positive.`);
    return [-x, x];
  }
  checkSequence(x, name, sizes);
  return (x as number[]).map(Number);
}

export function checkFillArg(fill: unknown): number | number[] {
  if (fill === null || fill === undefined) return 0;
  if (typeof fill !== "number" && !(Array.isArray(fill) && fill.every((v) => typeof v === "number"))) {
    throw new TypeError("Fill should be either a sequence or a number.");
  }
  return fill as number | number[];
}

/** The per-channel fill list torchvision builds for tensor inputs. */
export function fillList(fill: number | number[], channels: number): number[] {
  return typeof fill === "number" ? Array(channels).fill(fill) : fill.slice();
}

export function isImageLike(x: unknown): x is ImageLike {
  return x instanceof Tensor || x instanceof Image;
}
