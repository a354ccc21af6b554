/**
 * Python's list methods on the arrays a notebook uses as lists: `xs.append(5)`, `xs.extend(ys)`,
 * `xs.insert(0, v)`, `xs.remove(v)`, `xs.index(v)`, `xs.count(v)`, `xs.pop(0)`, `xs.copy()`,
 * `xs.clear()`, and `xs.sort()` / `xs.sort({key, reverse})`. The dialect (kernel/rewrite.ts) calls
 * these where TypeScript finds no such method on an array, and for the two whose JavaScript form
 * differs silently: `sort()` (JavaScript orders `[10, 9, 1]` as strings, `[1, 10, 9]`) and `pop(i)`
 * (JavaScript ignores the index and takes the last item). How Python prints a list is
 * src/display/pylist.ts; this file is only what its methods do.
 *
 * Items compare as Python's `x is item or x == item` (builtins' pyEqual: `1 == true`, lists by value,
 * a one-element tensor by its value); a missing item is Python's ValueError, a bad index its IndexError.
 */
import { pyEqual, repr, sorted, SortedOptions } from "./builtins";
import { IndexError, TypeError, ValueError } from "./errors";
import { markPyFloat, PyFloat, pyTypeName, splicePyFloats } from "./pyrepr";

/** Python's `x in list`, `list.index` and `list.count`: identity first, then `==`. */
export function sameItem(a: unknown, b: unknown): boolean {
  return a === b || pyEqual(a, b);
}

function asList<T>(xs: T[], method: string): T[] {
  if (!Array.isArray(xs)) throw new TypeError(`'${pyTypeName(xs)}' object has no attribute '${method}'`);
  return xs;
}

function asIndex(i: unknown): number {
  if (typeof i === "boolean") return Number(i);
  if (typeof i !== "number" || !Number.isInteger(i)) throw new TypeError(`'${pyTypeName(i)}' object cannot be interpreted as an integer`);
  return i;
}

/** `xs.append(x)`: x added at the end, in place; returns None. */
export function list_append<T>(xs: T[], x: T): void {
  // A float as the cell wrote it (`losses.append(loss.item())`) stays Python's float in the list.
  if (x instanceof PyFloat) markPyFloat(xs, asList(xs, "append").push(x.value as T) - 1);
  else asList(xs, "append").push(x);
}

/** `xs.extend(iterable)`: each item of iterable (a list, a string's characters, a generator) added at the end. */
export function list_extend<T>(xs: T[], iterable: Iterable<T>): void {
  asList(xs, "extend");
  if (iterable === null || iterable === undefined || typeof (iterable as Partial<Iterable<T>>)[Symbol.iterator] !== "function") {
    throw new TypeError(`'${pyTypeName(iterable)}' object is not iterable`);
  }
  // Spread first: `xs.extend(xs)` doubles the list once, as Python's.
  xs.push(...[...iterable]);
}

/** `xs.insert(i, x)`: x placed before index i; a negative i counts from the end, and i past either end clamps, as Python's. */
export function list_insert<T>(xs: T[], i: number, x: T): void {
  asList(xs, "insert");
  const n = xs.length;
  let at = asIndex(i);
  at = at < 0 ? Math.max(0, n + at) : Math.min(n, at);
  splicePyFloats(xs, at, 0, 1);
  xs.splice(at, 0, x);
}

/** `xs.remove(x)`: the first item equal to x removed; Python's ValueError when there is none. */
export function list_remove<T>(xs: T[], x: unknown): void {
  const at = asList(xs, "remove").findIndex((v) => sameItem(v, x));
  if (at < 0) throw new ValueError("list.remove(x): x not in list");
  splicePyFloats(xs, at, 1, 0);
  xs.splice(at, 1);
}

/** `xs.index(x[, start[, end]])`: where x first is (start and end slice as Python's); ValueError when it is not there. */
export function list_index<T>(xs: readonly T[], x: unknown, start = 0, end: number = Number.MAX_SAFE_INTEGER): number {
  const list = asList(xs as T[], "index");
  const n = list.length;
  const bound = (v: number): number => (v < 0 ? Math.max(0, n + v) : Math.min(n, v));
  for (let i = bound(asIndex(start)); i < bound(asIndex(end)); i++) if (sameItem(list[i], x)) return i;
  throw new ValueError(`${repr(x)} is not in list`);
}

/** `xs.count(x)`: how many items equal x. */
export function list_count<T>(xs: readonly T[], x: unknown): number {
  return asList(xs as T[], "count").filter((v) => sameItem(v, x)).length;
}

/** `xs.pop(i=-1)`: the item at i, removed (a negative i counts from the end); IndexError on an empty list or out of range. */
export function list_pop<T>(xs: T[], i = -1): T {
  asList(xs, "pop");
  if (xs.length === 0) throw new IndexError("pop from empty list");
  const at = asIndex(i);
  const k = at < 0 ? xs.length + at : at;
  if (k < 0 || k >= xs.length) throw new IndexError("pop index out of range");
  // The float marks move with the items after it (`xs.pop(0)` of `[1.0, 2.0, 7]` is `[2.0, 7]`).
  splicePyFloats(xs, k, 1, 0);
  return xs.splice(k, 1)[0];
}

/** `xs.copy()`: a shallow copy. */
export function list_copy<T>(xs: readonly T[]): T[] {
  return [...asList(xs as T[], "copy")];
}

/** `xs.clear()`: every item removed, in place. */
export function list_clear<T>(xs: T[]): void {
  asList(xs, "clear").length = 0;
}

/**
 * `xs.sort(*, key=None, reverse=False)`: in place, stably, as `sorted` orders (numbers by value,
 * strings by code point, lists item by item; mixing kinds is Python's TypeError, and the list is
 * left as it was). Python returns None; this returns the list, so that JavaScript's chains
 * (`Object.keys(d).sort().map(...)`) keep working.
 */
export function list_sort<T>(xs: T[], options: SortedOptions<T> = {}): T[] {
  const order = sorted(asList(xs, "sort"), options ?? {});
  xs.splice(0, xs.length, ...order);
  return xs;
}
