/**
 * Python's list repr for arrays of what a PyTorch user prints: `[torch.Size([2, 3]), torch.Size([3])]`,
 * `[Parameter containing:\ntensor(...), ...]`, `['weight', torch.Size([3, 2])]`, instead of Node's
 * `[ torch.Size([2, 3]), ... ]`. Used for a notebook cell's value and console.log in the kernel.
 *
 * Only arrays made entirely of numbers, strings, booleans, null/undefined, nested such arrays, and
 * objects that print themselves (tensors, Sizes, dtypes, devices, grad_fn nodes: anything with a
 * `nodejs.util.inspect.custom` method) qualify; anything else (a plain object, a Map, a function)
 * keeps Node's format for the whole value. Duck-typed, so the kernel's emitter needs no torch import.
 */
import { inspect } from "util";
import { ipythonReprOf, isPyFloatAt, pyClassQualname, pyDictKey, pyMappingOf, pyReprOf, PY_TUPLE } from "../pyrepr";
import { ipythonPretty, type PrettyDoc } from "./ipython_pretty";
import { pyFloat } from "../testing/pyrepr";

const CUSTOM = Symbol.for("nodejs.util.inspect.custom");

/** What Python's str.isprintable() refuses (other than the space): control, format, private, unassigned, separators. */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/**
 * Python's repr of a str: single quotes unless the text has one and no double quote; `\n`, `\t`,
 * `\r`, `\\`, and `\x00` / `\x7f` / `\u200b` for what Python does not print as it is.
 */
export function pyString(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") body += "\\\\";
    else if (ch === q) body += `\\${q}`;
    else if (ch === "\n") body += "\\n";
    else if (ch === "\r") body += "\\r";
    else if (ch === "\t") body += "\\t";
    else if (ch !== " " && NON_PRINTABLE.test(ch)) {
      body += c < 0x100 ? `\\x${c.toString(16).padStart(2, "0")}` : c < 0x10000 ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
    } else body += ch;
  }
  return q + body + q;
}

/** Python's repr of bytes, which a Uint8Array is in a notebook (a file read 'rb', `buf.getvalue()`): `b'PK\x03\x04'`. */
export function pyBytes(b: Uint8Array): string {
  const q = b.includes(0x27) && !b.includes(0x22) ? '"' : "'";
  let body = "";
  for (const c of b) {
    if (c === 0x5c) body += "\\\\";
    else if (c === q.charCodeAt(0)) body += `\\${q}`;
    else if (c === 0x0a) body += "\\n";
    else if (c === 0x0d) body += "\\r";
    else if (c === 0x09) body += "\\t";
    else if (c < 0x20 || c > 0x7e) body += `\\x${c.toString(16).padStart(2, "0")}`;
    else body += String.fromCharCode(c);
  }
  return `b${q}${body}${q}`;
}

function pyNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  // Negative zero is only ever a float (Python's -0.0); String() writes "0", which hides the sign.
  if (Object.is(n, -0)) return "-0.0";
  // Python's float repr: an exponent below 1e-4 or from 1e16 on, with two digits at least (1e-08, not 1e-8 or 0.00001).
  // A whole number from 1e16 on is past 2**53, where a number can no longer be an exact Python int: a float (1e+16).
  const a = Math.abs(n);
  if (a < 1e16 && (Number.isInteger(n) || a >= 1e-4)) return String(n);
  const [mant, exp] = n.toExponential().split("e");
  return `${mant}e${exp[0]}${exp.slice(1).padStart(2, "0")}`;
}

/** `dicts`: a plain object is Python's dict (print's str()); elsewhere it keeps Node's format for the whole value. */
/** An exception as Python writes it: ValueError('bad size'), NotImplementedError(). */
function exceptionRepr(e: Error): string {
  // Python's exception repr writes its args (a KeyError's key); torchlab's other errors carry their message.
  const args = (e as { args?: unknown }).args;
  if (Array.isArray(args)) return `${e.name}(${args.map((a) => pythonRepr(a) ?? String(a)).join(", ")})`;
  return `${e.name}(${e.message === "" ? "" : pyString(e.message)})`;
}

function doc(v: unknown, seen: Set<unknown>, cell: boolean, dicts = false): PrettyDoc | null {
  if (typeof v === "number") return pyNumber(v);
  // A bigint is a Python int of any size: its digits, without JavaScript's `n`.
  if (typeof v === "bigint") return String(v);
  if (typeof v === "string") return pyString(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null || v === undefined) return "None";
  if (v instanceof Uint8Array) return pyBytes(v);
  const cls = pyClassQualname(v);
  if (cls !== null) return cell ? cls : `<class '${cls}'>`;
  // A callable object that prints itself (a Module) is an item as any object is.
  // A method read off its object (src/bound_method.ts) prints as Python's.
  if (typeof v !== "object" && !(typeof v === "function" && (typeof (v as { [CUSTOM]?: unknown })[CUSTOM] === "function" || pyReprOf(v) !== null))) return null;
  // An object Python prints by identity (`<zip at 0x...>` as a cell's value, `<zip object at 0x...>` printed).
  const identity = cell ? ipythonReprOf(v) : dicts ? pyReprOf(v) : null;
  if (identity !== null) return identity;
  const mapping = pyMappingOf(v);
  if (mapping !== null && !seen.has(v)) {
    // OrderedDict([('weight', tensor(...)), ...]): the items as a list of (key, value) tuples.
    seen.add(v);
    const items: PrettyDoc[] = [];
    for (const [key, value] of Object.entries(v)) {
      const d = doc(value, seen, cell, dicts);
      if (d === null) return null;
      items.push({ items: [pyString(key), d], tuple: true });
    }
    seen.delete(v);
    return { call: mapping, arg: items.length > 0 ? { items, tuple: false } : null };
  }
  if (cell && v instanceof Set) {
    // IPython sorts a set's items (its _sorted_for_pprint), where print() keeps the set's order.
    if (seen.has(v)) return "{...}";
    seen.add(v);
    const members: PrettyDoc[] = [];
    for (const item of sortedForPprint([...v])) {
      const d = doc(item, seen, cell, dicts);
      if (d === null) return null;
      members.push(d);
    }
    seen.delete(v);
    return { members };
  }
  if (v instanceof Error) return exceptionRepr(v);
  // Python's repr of an object that has one (a NumPy array, whose inspect form is its str).
  const pyrepr = (v as { __repr__?: unknown }).__repr__;
  if (typeof pyrepr === "function") return String(pyrepr.call(v));
  const proto = Object.getPrototypeOf(v);
  const own = (v as { [CUSTOM]?: unknown })[CUSTOM];
  // A dict torch.load read is prototype-free, with an inspect hook for Node's console; print() spells it as Python.
  if (typeof own === "function" && !(dicts && proto === null)) return inspect(v);
  if (dicts && !Array.isArray(v) && (proto === Object.prototype || proto === null)) {
    // {'key': repr(value), ...}; a dict that holds itself prints {...}, as Python's.
    if (seen.has(v)) return "{...}";
    seen.add(v);
    const entries: [PrettyDoc, PrettyDoc][] = [];
    for (const [key, value] of Object.entries(v)) {
      const d = typeof value === "number" && isPyFloatAt(v, key) ? pyFloat(value) : doc(value, seen, cell, dicts);
      if (d === null) return null;
      const k = pyDictKey(v, key); // an optimizer state's {0: ...}
      const kd = typeof k === "string" ? pyString(k) : doc(k, seen, cell, dicts);
      if (kd === null) return null;
      entries.push([kd, d]);
    }
    seen.delete(v);
    return { entries };
  }
  if (dicts && v instanceof Map) {
    // A Map is the dialect's dict with non-string keys (`itos = {i: s, ...}`): {1: 'a', 0: '.'} in insertion order.
    if (seen.has(v)) return "{...}";
    seen.add(v);
    const entries: [PrettyDoc, PrettyDoc][] = [];
    for (const [key, value] of v) {
      const k = doc(key, seen, cell, dicts);
      const d = doc(value, seen, cell, dicts);
      if (k === null || d === null) return null;
      entries.push([k, d]);
    }
    seen.delete(v);
    return { entries };
  }
  if (dicts && v instanceof Set) {
    // A JavaScript Set prints as Python's set, in its own order (a PySet has its __repr__, above).
    if (seen.has(v)) return "{...}";
    seen.add(v);
    const members: PrettyDoc[] = [];
    for (const item of v) {
      const d = doc(item, seen, cell, dicts);
      if (d === null) return null;
      members.push(d);
    }
    seen.delete(v);
    return { members };
  }
  if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || seen.has(v)) return null;
  seen.add(v);
  const items: PrettyDoc[] = [];
  // A float tensor's tolist() and the floats a cell wrote (`[1.0, 2.5]`): Python's floats.
  for (let i = 0; i < v.length; i++) {
    const p = typeof v[i] === "number" && isPyFloatAt(v, i) ? pyFloat(v[i] as number) : doc(v[i], seen, cell, dicts);
    if (p === null) return null;
    items.push(p);
  }
  seen.delete(v);
  return { items, tuple: (v as { [PY_TUPLE]?: boolean })[PY_TUPLE] === true };
}

/** IPython's _sorted_for_pprint: numbers (bools among them) or strings in order, anything else by its text, else as it is. */
function sortedForPprint(items: unknown[]): unknown[] {
  const numeric = (x: unknown): x is number | boolean => typeof x === "number" || typeof x === "boolean";
  if (items.every(numeric)) return [...items].sort((a, b) => Number(a) - Number(b));
  if (items.every((x) => typeof x === "string")) return [...items].sort(codePointOrder);
  const keyed = items.map((x) => [typeof x === "string" ? x : pythonRepr(x), x] as const);
  if (keyed.some(([k]) => k === null)) return items;
  return keyed.sort(([a], [b]) => codePointOrder(a as string, b as string)).map(([, x]) => x);
}

function codePointOrder(a: unknown, b: unknown): number {
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
}

/** print()'s form: Python's repr of the list or tuple, on one line apart from the items' own newlines. */
function repr(d: PrettyDoc): string {
  if (typeof d === "string") return d;
  if ("entries" in d) return `{${d.entries.map(([k, v]) => `${repr(k)}: ${repr(v)}`).join(", ")}}`;
  if ("members" in d) return d.members.length === 0 ? "set()" : `{${d.members.map(repr).join(", ")}}`;
  if ("call" in d) return `${d.call}(${d.arg === null ? "" : repr(d.arg)})`;
  const parts = d.items.map(repr);
  if (d.tuple) return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
  return `[${parts.join(", ")}]`;
}

/**
 * The Python list repr of `value` when it is a plain array of printable items (see above), or of an
 * OrderedDict (a state_dict, a module's `_modules`: src/pyrepr.ts's PY_MAPPING) of such, else null:
 * print()'s form, or with `cell` IPython's form of a cell's value (`<AddBackward0 at 0x...>` inside, and
 * IPython's line breaks: one item a line when the list does not fit in 79 columns or an item spans lines).
 * @example pythonList([torch.zeros(2).shape, "a", 1.5])  // "[torch.Size([2]), 'a', 1.5]"
 */
export function pythonList(value: unknown, cell = false): string | null {
  const listLike = Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
  if (!listLike && pyMappingOf(value) === null) return null;
  const d = doc(value, new Set(), cell);
  if (d === null) return null;
  return cell ? ipythonPretty(d) : repr(d);
}

/**
 * IPython's form of a cell's value that is a list, tuple, dict (a plain object, a Map), set or
 * OrderedDict of items Python can spell (see pythonRepr), laid out by IPython's pretty printer:
 * `{'a': 1, 'b': [1, 2]}`, `{1: 'a'}`, `{1, 2, 3}` (sorted, as IPython sorts a set); null for
 * anything else, which keeps Node's format.
 */
export function cellRepr(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  if (value instanceof Uint8Array) return pyBytes(value);
  const proto = Object.getPrototypeOf(value);
  const container =
    (Array.isArray(value) && proto === Array.prototype) ||
    pyMappingOf(value) !== null ||
    proto === Object.prototype ||
    proto === null ||
    value instanceof Map ||
    value instanceof Set;
  // An exception as IPython shows one: ValueError('bad size'), not its stack.
  if (!container) return value instanceof Error ? exceptionRepr(value) : null;
  const d = doc(value, new Set(), true, true);
  return d === null ? null : ipythonPretty(d);
}

/**
 * Python's repr of a value print() can spell as Python does: numbers (`inf`, `nan`), strings in quotes,
 * `True`/`False`/`None`, lists, tuples, OrderedDicts, plain objects (as dicts, `{'a': 1}`) and Maps
 * (dicts with any keys, `{1: 'a'}`) of such,
 * objects that print themselves (tensors, Sizes, dtypes); null for anything else.
 */
export function pythonRepr(value: unknown): string | null {
  const d = doc(value, new Set(), false, true);
  return d === null ? null : repr(d);
}
