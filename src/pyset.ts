/**
 * Python's `set`: `set()`, `set([1, 2, 2])`, `set("hello")`, `set(d)` (its keys), with Python's methods
 * (`add`, `update`, `remove` with its KeyError, `discard`, `pop`, `union`, `intersection`,
 * `difference`, `symmetric_difference`, `issubset`, `issuperset`, `isdisjoint`, `copy`) on a
 * JavaScript Set, so `len(s)`, `x in s` (src/pyin.ts), `sorted(s)`, `list(s)` and `for (const x of s)`
 * work as on any Set.
 *
 * Items are equal as Python's hash and `==` make them: `1`, `1.0` and `true` are one item (the first
 * added is kept, as Python keeps it), and tuples (arrays of such values, `set(zip(a, b))`) by value;
 * other objects (tensors included, as PyTorch hashes them) by identity.
 *
 * Order: CPython iterates a set of small non-negative integers in ascending order (an int's hash is
 * itself), so a set whose items are all non-negative integers iterates and prints ascending
 * (`{1, 2, 3}`; CPython agrees while the values are below the table size, the usual class labels).
 * Any other set keeps insertion order: CPython's order for strings changes from run to run (hash
 * randomisation), so that order is only stable here, not Python's; compare `sorted(s)`.
 */
import { inspect } from "util";
import { KeyError, TypeError } from "./errors";
import { pythonRepr } from "./display/pylist";
import { pyTypeName } from "./pyrepr";
import { keyOf } from "./pyhash";
import type { ItemOf, PyIterable } from "./builtins";

const indexes = new WeakMap<object, Map<unknown, unknown>>();

/** Python's set as a JavaScript Set (see the file's header). */
export class PySet<T = unknown> extends Set<T> {
  // Set's constructor calls add() before a subclass's fields exist: the index lives outside, made on first use.
  private get index(): Map<unknown, T> {
    let m = indexes.get(this);
    if (m === undefined) indexes.set(this, (m = new Map()));
    return m as Map<unknown, T>;
  }

  override add(value: T): this {
    const k = keyOf(value);
    if (!this.index.has(k)) {
      this.index.set(k, value);
      super.add(value);
    }
    return this;
  }

  override has(value: T): boolean {
    return this.index.has(keyOf(value));
  }

  override delete(value: T): boolean {
    const k = keyOf(value);
    if (!this.index.has(k)) return false;
    super.delete(this.index.get(k) as T);
    this.index.delete(k);
    return true;
  }

  override clear(): void {
    super.clear();
    this.index.clear();
  }

  /** `s.update(*iterables)`: every item of each added; returns None. */
  update(...iterables: Iterable<T>[]): void {
    for (const it of iterables) for (const v of itemsOf(it)) this.add(v as T);
  }

  /** `s.remove(x)`: Python's KeyError when x is not in the set. */
  remove(value: T): void {
    if (!this.delete(value)) throw new KeyError(value);
  }

  /** `s.discard(x)`: x removed when present, no error otherwise. */
  discard(value: T): void {
    this.delete(value);
  }

  /** `s.pop()`: an item removed and returned (the first in iteration order); KeyError on an empty set. */
  pop(): T {
    for (const v of this) {
      this.delete(v);
      return v;
    }
    throw new KeyError("pop from an empty set");
  }

  /** `s.copy()`: a new set of the same items. */
  copy(): PySet<T> {
    return of<T>(this);
  }

  /** `s.union(*others)` (Python's `s | t`): a new set of the items of all. */
  union<U>(...others: Iterable<U>[]): PySet<T | U> {
    const out = of<T | U>(this);
    out.update(...others);
    return out;
  }

  /** `s.intersection(*others)` (Python's `s & t`): the items in every one. */
  intersection(...others: Iterable<unknown>[]): PySet<T> {
    const sets = others.map((o) => of<unknown>(o));
    return of<T>([...this].filter((v) => sets.every((o) => o.has(v))));
  }

  /** `s.difference(*others)` (Python's `s - t`): the items in none of the others. */
  difference(...others: Iterable<unknown>[]): PySet<T> {
    const sets = others.map((o) => of<unknown>(o));
    return of<T>([...this].filter((v) => !sets.some((o) => o.has(v))));
  }

  /** `s.symmetric_difference(t)` (Python's `s ^ t`): the items in exactly one of the two. */
  symmetric_difference<U>(other: Iterable<U>): PySet<T | U> {
    const o = of<unknown>(other);
    const mine = [...this].filter((v) => !(o as PySet<unknown>).has(v));
    const theirs = [...o].filter((v) => !(this as PySet<unknown>).has(v));
    return of<T | U>([...mine, ...theirs]);
  }

  /** `s.issubset(t)` (Python's `s <= t`). */
  issubset(other: Iterable<unknown>): boolean {
    const o = of<unknown>(other);
    return [...this].every((v) => o.has(v));
  }

  /** `s.issuperset(t)` (Python's `s >= t`). */
  issuperset(other: Iterable<unknown>): boolean {
    return [...itemsOf(other)].every((v) => this.has(v as T));
  }

  /** `s.isdisjoint(t)`: no item in common. */
  isdisjoint(other: Iterable<unknown>): boolean {
    return [...itemsOf(other)].every((v) => !this.has(v as T));
  }

  __len__(): number {
    return this.size;
  }

  __contains__(value: T): boolean {
    return this.has(value);
  }

  /** Python's repr: `{1, 2, 3}`, `{'a', 'b'}`, `set()` for the empty set (`{}` is a dict). */
  __repr__(): string {
    if (this.size === 0) return "set()";
    return `{${[...this].map((v) => pythonRepr(v) ?? inspect(v)).join(", ")}}`;
  }

  toString(): string {
    return this.__repr__();
  }

  [inspect.custom](): string {
    return this.__repr__();
  }
}

// Python's type name in its messages (`'set' object is not subscriptable`).
Object.defineProperty(PySet, "name", { value: "set" });

/** Items in the order Python iterates them: ascending when all are non-negative integers (see the header). */
function ordered<T>(items: T[]): T[] {
  const ints = items.every((v) => (typeof v === "number" && Number.isInteger(v) && v >= 0) || typeof v === "boolean");
  return ints ? items.slice().sort((a, b) => Number(a) - Number(b)) : items;
}

// Set's own iteration, reordered; defined at run time so that the Set type keeps its own iterator types.
const baseValues = Set.prototype.values;
function* iterate<T>(this: PySet<T>): IterableIterator<T> {
  yield* ordered([...baseValues.call(this)]);
}
for (const name of [Symbol.iterator, "values", "keys"] as const) {
  Object.defineProperty(PySet.prototype, name, { value: iterate, writable: true, configurable: true });
}
Object.defineProperty(PySet.prototype, "entries", {
  value: function* <T>(this: PySet<T>): IterableIterator<[T, T]> {
    for (const v of iterate.call(this) as IterableIterator<T>) yield [v, v];
  },
  writable: true,
  configurable: true,
});
Object.defineProperty(PySet.prototype, "forEach", {
  value<T>(this: PySet<T>, fn: (v: T, k: T, s: Set<T>) => void, thisArg?: unknown): void {
    for (const v of iterate.call(this) as IterableIterator<T>) fn.call(thisArg, v, v, this);
  },
  writable: true,
  configurable: true,
});

/** What `set(x)` iterates: an iterable's items, a Map's or a dict's keys; Python's TypeError otherwise. */
function itemsOf(x: unknown): Iterable<unknown> {
  if (x instanceof Map) return x.keys();
  if (x !== null && x !== undefined && typeof (x as Iterable<unknown>)[Symbol.iterator] === "function") return x as Iterable<unknown>;
  if (x !== null && typeof x === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(x))) return Object.keys(x);
  throw new TypeError(`'${pyTypeName(x)}' object is not iterable`);
}

/**
 * Python's `set()` / `set(iterable)`: a set of the distinct items (a string's characters, a dict's keys).
 * @example set([1, 2, 2])  // {1, 2}
 * @example sorted(set("hello"))  // ['e', 'h', 'l', 'o']
 */
// An empty set() is filled later (`vocab = set(); vocab.add(w)`): its items are whatever is added, as in Python.
export function set<T = any>(): PySet<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
export function set<X extends PyIterable>(iterable: X): PySet<ItemOf<X>>;
export function set(iterable?: unknown): PySet<unknown> {
  return iterable === undefined ? new PySet() : of(iterable);
}

function of<T>(iterable: unknown): PySet<T> {
  const out = new PySet<T>();
  for (const v of itemsOf(iterable)) out.add(v as T);
  return out;
}

/** Python's `s.add(x)` as the notebook dialect calls it (kernel/rewrite.ts): x added, None returned, as Python's. */
export function set_add<T>(s: PySet<T>, value: T): void {
  s.add(value);
}
