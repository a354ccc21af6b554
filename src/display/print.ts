/**
 * Python's `print(*objects, sep=' ', end='\n', flush=False)` for notebooks ported line by line:
 * each value is written as Python's `str()` writes it (a tensor's repr, a list's and a dict's repr,
 * `True`/`False`/`None`, `inf`/`nan`), joined by `sep`, followed by `end`, on stdout (a cell's stdout
 * stream in the kernel). Keywords come as a trailing options object: `print(a, b, {sep: ", ", end: ""})`.
 */
import { inspect } from "util";
import { TypeError } from "../errors";
import { pythonRepr } from "./pylist";

export interface PrintOptions {
  /** Between values (default one space). */
  sep?: string | null;
  /** After the last value (default a newline). */
  end?: string | null;
  /** Accepted as Python's; stdout is written at once. */
  flush?: boolean;
}

/**
 * Any value print() writes, or its trailing keywords: spelled out rather than `unknown` so that the
 * notebook dialect (kernel/keyword_args.ts) finds the options member and places `print(x, end='')`'s
 * keywords there, as Python's print takes them.
 */
export type Printable = PrintOptions | object | string | number | boolean | bigint | symbol | null | undefined;

const OPTION_KEYS = new Set(["sep", "end", "flush"]);

/** A trailing plain object whose keys are all print's keywords is its options, as Python's keywords. */
function isOptions(value: unknown): value is PrintOptions {
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => OPTION_KEYS.has(k));
}

function textOption(value: unknown, name: string, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string") throw new TypeError(`${name} must be None or a string, not ${value === null ? "None" : typeof value}`);
  return value;
}

/** Python's str() of a value: a string as it is, anything else as its repr (Node's inspect when Python has none). */
export function pyStr(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof String) return value.valueOf();
  // Python's str of an exception is its message (`except Exception as e: print(e)`), not a stack.
  if (value instanceof Error) return value.message;
  // An object with Python's __str__ (a NumPy array: str differs from repr).
  const str = (value as { __str__?: unknown } | null)?.__str__;
  if (typeof str === "function") return String(str.call(value));
  return pythonRepr(value) ?? inspect(value, { depth: 4 });
}

/**
 * Writes the values as Python's print does.
 * @example print("loss", loss.item(), {sep: ": "})  // loss: 0.25
 * @example print(x.shape, [1, 2], true, null)        // torch.Size([2, 3]) [1, 2] True None
 */
export function print(...values: Printable[]): void {
  const options: PrintOptions = values.length > 0 && isOptions(values[values.length - 1]) ? (values.pop() as PrintOptions) : {};
  const sep = textOption(options.sep, "sep", " ");
  const end = textOption(options.end, "end", "\n");
  process.stdout.write(values.map(pyStr).join(sep) + end);
}
