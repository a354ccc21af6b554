/**
 * PyTorch's calling convention in TypeScript: positional parameters stay positional, keyword
 * arguments go in a trailing options object, which may also carry the positional ones. Unknown
 * option names are an error that names them, so a typo never silently falls back to a default.
 */
import { RuntimeError, TypeError } from "../errors";

export function isOptions(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x) || ArrayBuffer.isView(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Drops trailing `undefined`s: `f(a, b?, c?)` called as `f(a)` still passes them, yet they were not given. */
export function trimArgs<T>(args: readonly T[]): T[] {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  return args.slice(0, n);
}

const NUMPY_ALIASES: Record<string, string> = { axis: "dim", keepdims: "keepdim", x1: "input", x2: "other" };

/**
 * Maps `args` onto `names`: positional values first, then a trailing options object. Returns a
 * record of the given names only; throws TypeError for an unknown option or a value given twice.
 */
export function parseArgs(op: string, args: readonly unknown[], names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // trimArgs without the copy (every op call comes through here).
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  let positional = n;
  if (positional > 0 && isOptions(args[positional - 1])) positional--;
  if (positional > names.length) {
    throw new TypeError(`${op}() takes at most ${names.length} positional arguments (${names.join(", ")}) but ${positional} were given`);
  }
  for (let i = 0; i < positional; i++) if (args[i] !== undefined) out[names[i]] = args[i];
  if (positional < n) {
    const opts = args[n - 1] as Record<string, unknown>;
    for (const [key, v] of Object.entries(opts)) {
      // PyTorch's numpy-compatible keyword aliases: `axis` for dim, `keepdims` for keepdim, `x1` / `x2` for input / other.
      const alias = NUMPY_ALIASES[key];
      const k = !names.includes(key) && alias !== undefined && names.includes(alias) ? alias : key;
      if (!names.includes(k)) throw new TypeError(`${op}() got an unexpected keyword argument '${k}' (valid: ${names.join(", ")})`);
      if (k in out && v !== undefined) throw new TypeError(`${op}() got multiple values for argument '${k}'`);
      if (v !== undefined) out[k] = v;
    }
  }
  return out;
}

/** A one-element integer tensor (what PyTorch's `__index__` takes), seen without importing Tensor (this file sits below it). */
function isIntScalarTensor(x: unknown): x is { item(): number } {
  const t = x as { numel?: unknown; is_floating_point?: unknown; is_complex?: unknown; item?: unknown } | null;
  return (
    t !== null && typeof t === "object" && typeof t.numel === "function" && typeof t.item === "function" && typeof t.is_floating_point === "function" &&
    (t.numel as () => number).call(t) === 1 && !(t.is_floating_point as () => boolean).call(t) && !(typeof t.is_complex === "function" && (t.is_complex as () => boolean).call(t))
  );
}

/** Accepts sizes as `f(2, 3)`, `f([2, 3])`, with an optional trailing options object. */
export function parseSizes(op: string, args: readonly unknown[]): { sizes: number[]; options: Record<string, unknown> } {
  let rest = args.slice();
  let options: Record<string, unknown> = {};
  if (rest.length && isOptions(rest[rest.length - 1])) {
    options = rest[rest.length - 1] as Record<string, unknown>;
    rest = rest.slice(0, -1);
  }
  // `torch.zeros(size=(2, 3))`: the size as a keyword.
  if ("size" in options) {
    if (rest.length > 0) throw new TypeError(`${op}() got multiple values for argument 'size'`);
    const { size, ...others } = options;
    rest = [size];
    options = others;
  }
  // PyTorch takes a one-element integer tensor as a size too (`torch.zeros(n, seq_lengths.max())`).
  const sizes = (rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as unknown[]) : rest).map((s) => (isIntScalarTensor(s) ? s.item() : s));
  sizes.forEach((s) => {
    if (typeof s === "number" && Number.isInteger(s) && s < 0) {
      throw new RuntimeError(`${op}(): Trying to create tensor with negative dimension ${s}: [${sizes.map(String).join(", ")}]`);
    }
    if (typeof s !== "number" || !Number.isInteger(s) || s < 0) {
      throw new TypeError(`${op}(): size must be a list of non-negative integers, got [${sizes.map(String).join(", ")}]`);
    }
  });
  return { sizes: sizes as number[], options };
}

/** PyTorch's keyword-only parameters (after `*`): a trailing options object, never a positional value. */
export function keywordOnly(op: string, positional: number, options: unknown, names: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isOptions(options)) throw new TypeError(`${op}() takes ${positional} positional arguments but ${positional + 1} were given`);
  return parseArgs(op, [options], names);
}
