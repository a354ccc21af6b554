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
import { ipythonReprOf, pyDictKey, pyMappingOf, PY_TUPLE } from "../pyrepr";
import { ipythonPretty, type PrettyDoc } from "./ipython_pretty";

const CUSTOM = Symbol.for("nodejs.util.inspect.custom");

/** Python's repr of a str: single quotes unless the text has one and no double quote. */
function pyString(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

function pyNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  // Python's float repr: an exponent below 1e-4 or from 1e16 on, with two digits at least (1e-08, not 1e-8 or 0.00001).
  const a = Math.abs(n);
  if (Number.isInteger(n) || (a >= 1e-4 && a < 1e16)) return String(n);
  const [mant, exp] = n.toExponential().split("e");
  return `${mant}e${exp[0]}${exp.slice(1).padStart(2, "0")}`;
}

/** `dicts`: a plain object is Python's dict (print's str()); elsewhere it keeps Node's format for the whole value. */
function doc(v: unknown, seen: Set<unknown>, cell: boolean, dicts = false): PrettyDoc | null {
  if (typeof v === "number") return pyNumber(v);
  if (typeof v === "string") return pyString(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null || v === undefined) return "None";
  if (typeof v !== "object") return null;
  const ipython = cell ? ipythonReprOf(v) : null;
  if (ipython !== null) return ipython;
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
  if (cell && v instanceof Set && !seen.has(v)) {
    // IPython shows a set's items sorted when they compare (`{'always',\n 'ankara', ...}`); set() when empty.
    if (v.size === 0) return "set()";
    seen.add(v);
    const items: PrettyDoc[] = [];
    for (const item of sortedForPprint([...v])) {
      const d = doc(item, seen, cell, dicts);
      if (d === null) return null;
      items.push(d);
    }
    seen.delete(v);
    return { items, tuple: false, set: true };
  }
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
    const pairs: [PrettyDoc, PrettyDoc][] = [];
    for (const [key, value] of Object.entries(v)) {
      const d = doc(value, seen, cell, dicts);
      if (d === null) return null;
      const k = pyDictKey(v, key); // an optimizer state's {0: ...}
      pairs.push([typeof k === "number" ? String(k) : pyString(k), d]);
    }
    seen.delete(v);
    return { pairs };
  }
  if (dicts && v instanceof Map) {
    // A Map is the dialect's dict with non-string keys (`itos = {i: s, ...}`): {1: 'a', 0: '.'} in insertion order.
    if (seen.has(v)) return "{...}";
    seen.add(v);
    const pairs: [PrettyDoc, PrettyDoc][] = [];
    for (const [key, value] of v) {
      const k = doc(key, seen, cell, dicts);
      const d = doc(value, seen, cell, dicts);
      if (k === null || d === null) return null;
      pairs.push([k, d]);
    }
    seen.delete(v);
    return { pairs };
  }

  if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || seen.has(v)) return null;
  seen.add(v);
  const items: PrettyDoc[] = [];
  for (let i = 0; i < v.length; i++) {
    const p = doc(v[i], seen, cell, dicts);
    if (p === null) return null;
    items.push(p);
  }
  seen.delete(v);
  return { items, tuple: (v as { [PY_TUPLE]?: boolean })[PY_TUPLE] === true };
}

/**
 * IPython's order for a set's items (`_sorted_for_pprint`): sorted when they all compare (numbers, or
 * strings by code point, as Python's `<`), else as iterated.
 */
function sortedForPprint(items: unknown[]): unknown[] {
  const numbers = items.every((x) => typeof x === "number" || typeof x === "boolean");
  if (numbers) return items.slice().sort((a, b) => Number(a) - Number(b));
  if (items.every((x) => typeof x === "string")) {
    const points = (x: string) => Array.from(x, (c) => c.codePointAt(0)!);
    return items.slice().sort((a, b) => {
      const [p, q] = [points(a as string), points(b as string)];
      for (let i = 0; i < Math.min(p.length, q.length); i++) if (p[i] !== q[i]) return p[i] - q[i];
      return p.length - q.length;
    });
  }
  return items;
}

/** print()'s form: Python's repr of the list, tuple or dict, on one line apart from the items' own newlines. */
function repr(d: PrettyDoc): string {
  if (typeof d === "string") return d;
  if ("call" in d) return `${d.call}(${d.arg === null ? "" : repr(d.arg)})`;
  if ("pairs" in d) return `{${d.pairs.map(([k, v]) => `${repr(k)}: ${repr(v)}`).join(", ")}}`;
  const parts = d.items.map(repr);
  if (d.set) return `{${parts.join(", ")}}`;
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
  // A cell's dict (a plain object or a Map, `word_to_ix`) or set is shown as IPython shows Python's.
  const proto = typeof value === "object" && value !== null ? Object.getPrototypeOf(value) : undefined;
  const dictOrSet = cell && (value instanceof Set || value instanceof Map || ((proto === Object.prototype || proto === null) && !Array.isArray(value)));
  if (!listLike && !dictOrSet && pyMappingOf(value) === null) return null;
  const d = doc(value, new Set(), cell, dictOrSet);
  if (d === null) return null;
  return cell ? ipythonPretty(d) : repr(d);
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
