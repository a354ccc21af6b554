/**
 * Python's dict methods on the values a notebook uses as dicts: a plain object or Record (a
 * `state_dict()`, a loaded checkpoint, a config literal) and a Map. `model.state_dict().keys()`,
 * `for (const [k, v] of sd.items())`, `cfg.get("lr", 0.1)`, `ckpt.pop("epoch")`, `d.update(other)`
 * are written as in Python; the dialect (kernel/rewrite.ts) calls these where TypeScript finds no such
 * method on the receiver, so a class's own `keys()` or a Map's `get` stay what they are.
 *
 * keys / values / items return arrays (iterable, `len()`-able, indexable) that print as Python's views:
 * `dict_keys(['a', 'b'])`, `odict_items([('weight', tensor(...))])` for a state_dict (an OrderedDict);
 * `list(sd.keys())` is a plain list. A missing key without a default is Python's KeyError.
 */
import { repr } from "./builtins";
import { copy } from "./copy";
import { KeyError, TypeError } from "./errors";
import { asPyTuple, copyPyFloats, isPyFloatAt, markPyFloat, pyDictKey, pyMappingOf, pyTupleKey } from "./pyrepr";
import { mapDelete, mapKey, mapSet } from "./pyhash";

type Dict = Record<string, unknown> | Map<unknown, unknown>;

function asDict(d: unknown, method: string): Dict {
  if (d instanceof Map) return d;
  if (typeof d === "object" && d !== null && !Array.isArray(d)) return d as Record<string, unknown>;
  throw new TypeError(`'${d === null || d === undefined ? "NoneType" : Array.isArray(d) ? "list" : typeof d}' object has no attribute '${method}'`);
}

function entries(d: Dict): [unknown, unknown][] {
  return d instanceof Map ? [...d.entries()] : Object.entries(d).map(([k, v]) => [pyDictKey(d, k), v]);
}

/** A view's array, printed as Python prints `dict_keys([...])` (`odict_keys` for an OrderedDict). */
function view<T>(d: Dict, kind: "keys" | "values" | "items", items: T[]): T[] {
  const prefix = !(d instanceof Map) && pyMappingOf(d) === "OrderedDict" ? "odict" : "dict";
  Object.defineProperty(items, "__repr__", { value: () => `${prefix}_${kind}(${repr(copyPyFloats(items, [...items]))})`, enumerable: false });
  return items;
}

/** The positions (in entries' order) of a plain object's values marked as Python's floats (`{'lr': 1.0}`), which its values() and items() keep. */
function floatValues(d: Dict): number[] {
  return d instanceof Map ? [] : Object.keys(d).flatMap((k, i) => (isPyFloatAt(d, k) ? [i] : []));
}

function has(d: Dict, key: unknown): boolean {
  return d instanceof Map ? d.has(mapKey(d, key)) : Object.prototype.hasOwnProperty.call(d, String(key));
}

function read(d: Dict, key: unknown): unknown {
  return d instanceof Map ? d.get(mapKey(d, key)) : (d as Record<string, unknown>)[String(key)];
}

/**
 * Python's `d[key]` (the dialect's subscript of a dict, kernel/rewrite.ts): the value; a missing key is
 * Python's KeyError, where JavaScript would read undefined, unless the dict's class defines
 * `__missing__` (Counter's 0, defaultdict's factory), which Python's dict asks first.
 */
export function dict_getitem(d: object, key: unknown): unknown {
  const dict = asDict(d, "__getitem__");
  if (has(dict, key)) return read(dict, key);
  const missing = (dict as { __missing__?: unknown }).__missing__;
  if (typeof missing === "function") return (missing as (k: unknown) => unknown).call(dict, key);
  throw new KeyError(key);
}

/** Python's `d[key] = value`; a tuple key of a plain object is kept as the tuple it is (src/pyrepr.ts's pyTupleKey). */
export function dict_setitem(d: object, key: unknown, value: unknown): void {
  const dict = asDict(d, "__setitem__");
  if (dict instanceof Map) mapSet(dict, key, value);
  else (dict as Record<string, unknown>)[Array.isArray(key) ? pyTupleKey(dict, key) : String(key)] = value;
}

/** `d.keys()` */
export function dict_keys<K, V>(d: ReadonlyMap<K, V>): K[];
export function dict_keys(d: object): string[];
export function dict_keys(d: unknown): unknown[] {
  const dict = asDict(d, "keys");
  return view(dict, "keys", entries(dict).map(([k]) => k));
}

/** `d.values()` */
export function dict_values<K, V>(d: ReadonlyMap<K, V>): V[];
export function dict_values<V>(d: Record<string, V>): V[];
export function dict_values(d: object): unknown[];
export function dict_values(d: unknown): unknown[] {
  const dict = asDict(d, "values");
  const values = entries(dict).map(([, v]) => v);
  floatValues(dict).forEach((i) => markPyFloat(values, i));
  return view(dict, "values", values);
}

/** `d.items()`: (key, value) pairs, each a tuple as Python prints it. */
export function dict_items<K, V>(d: ReadonlyMap<K, V>): [K, V][];
export function dict_items<V>(d: Record<string, V>): [string, V][];
export function dict_items(d: object): [string, unknown][];
export function dict_items(d: unknown): unknown[] {
  const dict = asDict(d, "items");
  const items = entries(dict).map((pair) => asPyTuple(pair));
  floatValues(dict).forEach((i) => markPyFloat(items[i], 1));
  return view(dict, "items", items);
}

/** `d.get(key, default=None)` */
export function dict_get<K, V>(d: ReadonlyMap<K, V>, key: K): V | null;
export function dict_get<K, V, D>(d: ReadonlyMap<K, V>, key: K, default_: D): V | D;
export function dict_get<V>(d: Record<string, V>, key: string): V | null;
export function dict_get<V, D>(d: Record<string, V>, key: string, default_: D): V | D;
export function dict_get(d: object, key: string, default_?: unknown): unknown;
export function dict_get(d: unknown, key: unknown, default_: unknown = null): unknown {
  const dict = asDict(d, "get");
  return has(dict, key) ? read(dict, key) : default_;
}

/** `d.pop(key[, default])`: the value, removed; KeyError when missing and no default is given. */
export function dict_pop<K, V>(d: Map<K, V>, key: K): V;
export function dict_pop<K, V, D>(d: Map<K, V>, key: K, default_: D): V | D;
export function dict_pop<V>(d: Record<string, V>, key: string): V;
export function dict_pop<V, D>(d: Record<string, V>, key: string, default_: D): V | D;
export function dict_pop(d: object, key: string, default_?: unknown): unknown;
export function dict_pop(d: unknown, key: unknown, ...default_: unknown[]): unknown {
  const dict = asDict(d, "pop");
  if (!has(dict, key)) {
    if (default_.length > 0) return default_[0];
    throw new KeyError(key);
  }
  const value = read(dict, key);
  if (dict instanceof Map) mapDelete(dict, key);
  else delete (dict as Record<string, unknown>)[String(key)];
  return value;
}

/** `d.setdefault(key, default=None)`: the value at key, set to default first when missing. */
export function dict_setdefault<K, V>(d: Map<K, V>, key: K, default_: V): V;
export function dict_setdefault<V>(d: Record<string, V>, key: string, default_: V): V;
export function dict_setdefault(d: object, key: string, default_?: unknown): unknown;
export function dict_setdefault(d: unknown, key: unknown, default_: unknown = null): unknown {
  const dict = asDict(d, "setdefault");
  if (!has(dict, key)) {
    if (dict instanceof Map) mapSet(dict, key, default_);
    else (dict as Record<string, unknown>)[String(key)] = default_;
  }
  return read(dict, key);
}

/** `d.update(other)`: other's entries (a dict, a Map, or (key, value) pairs) written into d; returns None. */
export function dict_update(d: object, other: object | Iterable<readonly [unknown, unknown]>): null {
  const dict = asDict(d, "update");
  const pairs: Iterable<readonly [unknown, unknown]> =
    other instanceof Map ? other.entries() : Array.isArray(other) ? (other as [unknown, unknown][]) : Object.entries(asDict(other, "keys"));
  for (const [k, v] of pairs) {
    if (dict instanceof Map) mapSet(dict, k, v);
    else (dict as Record<string, unknown>)[String(k)] = v;
  }
  return null;
}

/** `d.copy()`: a shallow copy of the same kind (an OrderedDict stays one). */
export function dict_copy<T extends object>(d: T): T {
  asDict(d, "copy");
  return copy(d);
}
