/**
 * Python's `collections.OrderedDict` and `collections.namedtuple` as a PyTorch notebook uses them:
 * `OrderedDict(lr=[.01, .001], batch_size=[1000])` for hyper-parameters, `OrderedDict([('flat',
 * nn.Flatten()), ...])` for nn.Sequential, a results row filled key by key; `Run = namedtuple('Run',
 * params.keys())` and `Run(...values)` for one combination of them (deeplizard's RunBuilder).
 *
 * An OrderedDict is a plain object marked as Python's class (src/pyrepr.ts's PY_MAPPING), so it prints
 * as `OrderedDict([('lr', 0.01)])`, takes the dialect's dict methods (`keys()`, `items()`) and is
 * what nn.Sequential already reads. A namedtuple's instance is a tuple (an array printed as one) whose
 * fields are also read by name, printed `Run(lr=0.01, batch_size=1000)`. `collections.abc` holds the
 * abstract classes `isinstance` asks (src/collections_abc.ts).
 */
import { list, repr } from "./builtins";
import { pythonRepr } from "./display/pylist";
import { dict_items, dict_keys, dict_values } from "./pydict";
import { IndexError, KeyError, TypeError, ValueError } from "./errors";
import { asPyTuple, isClass, PY_MAPPING, pyTypeName } from "./pyrepr";
import { PyMap } from "./pyhash";

export * as abc from "./collections_abc";

function isPairs(x: unknown): x is Iterable<unknown> {
  return x !== null && typeof x === "object" && (Array.isArray(x) || x instanceof Map || Symbol.iterator in x);
}

/**
 * Python's `OrderedDict(items, **kwargs)`: the keys in insertion order (the items' first, then the
 * keywords'), printed as Python prints it.
 *
 * Args:
 *   items: (key, value) pairs, a Map, or an object whose keys are taken in order.
 *   kwargs: keyword arguments (`OrderedDict(lr=[.01], batch_size=[100])`).
 *
 * @example OrderedDict(lr=[.01, .001], batch_size=[1000])  // OrderedDict([('lr', [0.01, 0.001]), ('batch_size', [1000])])
 */
export function OrderedDict<V = unknown>(items?: Iterable<readonly [string, V]> | Record<string, V> | null, kwargs?: Record<string, V>): Record<string, V>;
/**
 * The pairs as a notebook writes Python's `[('flat', nn.Flatten()), ...]`: array literals, which
 * TypeScript types as arrays of a union, not as pairs; each is checked when it runs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function OrderedDict(items: Iterable<readonly unknown[]>, kwargs?: Record<string, unknown>): Record<string, any>;
export function OrderedDict<V>(items?: Iterable<readonly unknown[]> | Record<string, V> | null, kwargs?: Record<string, V>): Record<string, V> {
  const d: Record<string, V> = {};
  Object.defineProperty(d, PY_MAPPING, { value: () => "OrderedDict", enumerable: false, writable: true, configurable: true });
  if (items !== undefined && items !== null) {
    if (isPairs(items)) {
      for (const pair of items as Iterable<unknown>) {
        if (!Array.isArray(pair)) throw new TypeError(`cannot unpack non-iterable ${pyTypeName(pair)} object`);
        if (pair.length > 2) throw new ValueError("too many values to unpack (expected 2)");
        if (pair.length < 2) throw new ValueError(`not enough values to unpack (expected 2, got ${pair.length})`);
        d[String(pair[0])] = pair[1] as V;
      }
    } else if (typeof items === "object") Object.assign(d, items);
    else throw new TypeError(`'${typeof items}' object is not iterable`);
  }
  if (kwargs !== undefined) Object.assign(d, kwargs);
  return d;
}

/** An instance of a namedtuple class: a tuple whose items are also its fields. */
export type NamedTuple = unknown[] & { readonly [field: string]: any; _asdict(): Record<string, unknown>; _replace(changes?: Record<string, unknown>): NamedTuple; readonly _fields: string[] };

/** The class namedtuple returns: called (with or without `new`) with the fields' values in order. */
export interface NamedTupleClass {
  (...values: unknown[]): NamedTuple;
  new (...values: unknown[]): NamedTuple;
  readonly __name__: string;
  readonly _fields: string[];
}

/**
 * `_asdict()`: Python's dict of the fields, a plain object that also carries keys / values / items
 * (not enumerated, so it prints as `{'lr': 0.01}`): the dialect finds dict methods through the
 * receiver's type, and `run._asdict().items()` on an untyped `run` has none to go by.
 */
function asdict(fields: string[], values: unknown[]): Record<string, unknown> {
  const d: Record<string, unknown> = Object.fromEntries(fields.map((f, i) => [f, values[i]]));
  for (const [name, method] of [["keys", dict_keys], ["values", dict_values], ["items", dict_items]] as const) {
    Object.defineProperty(d, name, { value: () => method(d), enumerable: false, writable: true, configurable: true });
  }
  return d;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Python's `collections.namedtuple(typename, field_names)`: a tuple class whose items are read by
 * name too. `field_names` is an iterable of names or one string of names split on commas / spaces.
 *
 * @example
 * const Run = namedtuple('Run', ['lr', 'batch_size']);
 * const run = Run(0.01, 1000);  // Run(lr=0.01, batch_size=1000); run.lr === 0.01
 */
export function namedtuple(typename: string, field_names: Iterable<string> | string): NamedTupleClass {
  const fields = typeof field_names === "string" ? field_names.replace(/,/g, " ").split(/\s+/).filter((s) => s !== "") : [...field_names].map(String);
  for (const name of [typename, ...fields]) {
    if (typeof name !== "string" || !IDENTIFIER.test(name)) throw new ValueError(`Type names and field names must be valid identifiers: ${repr(name)}`);
    if (name !== typename && name.startsWith("_")) throw new ValueError(`Field names cannot start with an underscore: ${repr(name)}`);
  }
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f)) throw new ValueError(`Encountered duplicate field name: ${repr(f)}`);
    seen.add(f);
  }
  const make = function (...values: unknown[]): NamedTuple {
    if (values.length !== fields.length) {
      if (values.length < fields.length) {
        const missing = fields.slice(values.length).map((f) => `'${f}'`);
        const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
        throw new TypeError(`${typename}.__new__() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`);
      }
      throw new TypeError(`${typename}.__new__() takes ${fields.length + 1} positional arguments but ${values.length + 1} were given`);
    }
    const t = asPyTuple([...values]);
    const text = () => `${typename}(${fields.map((f, i) => `${f}=${repr(values[i])}`).join(", ")})`;
    fields.forEach((f, i) => Object.defineProperty(t, f, { get: () => values[i], enumerable: false }));
    Object.defineProperty(t, "_fields", { value: fields, enumerable: false });
    Object.defineProperty(t, "_asdict", { value: () => asdict(fields, values), enumerable: false });
    // `run._replace(lr=0.1)`: a new tuple of the class with those fields changed.
    Object.defineProperty(t, "_replace", {
      value: (changes: Record<string, unknown> = {}) => {
        const unknown = Object.keys(changes).filter((k) => !fields.includes(k));
        if (unknown.length > 0) throw new ValueError(`Got unexpected field names: [${unknown.map((k) => repr(k)).join(", ")}]`);
        return make(...fields.map((f, i) => (f in changes ? changes[f] : values[i])));
      },
      enumerable: false,
    });
    Object.defineProperty(t, "__repr__", { value: text, enumerable: false });
    Object.defineProperty(t, "toString", { value: text, enumerable: false });
    Object.defineProperty(t, Symbol.for("nodejs.util.inspect.custom"), { value: text, enumerable: false });
    return t as unknown as NamedTuple;
  };
  Object.defineProperty(make, "name", { value: typename });
  Object.defineProperty(make, "__name__", { value: typename });
  Object.defineProperty(make, "_fields", { value: fields });
  return make as unknown as NamedTupleClass;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** `{k: v, ...}` of `entries` as Python writes a dict. */
function dictText(entries: Iterable<[unknown, unknown]>): string {
  return pythonRepr(new Map(entries)) ?? "{}";
}

/** (key, value) pairs of a mapping: a Map's entries, a plain object's own entries. */
function mappingEntries(x: unknown): [unknown, unknown][] | null {
  if (x instanceof Map) return [...x.entries()];
  if (x !== null && typeof x === "object" && !(Symbol.iterator in x)) return Object.entries(x);
  return null;
}

/**
 * Python's `collections.Counter`: a dict of counts. A missing key counts 0 (`c['z']` is 0, not
 * KeyError), iterating it gives its keys, `most_common(n)` the (key, count) tuples by count (ties in
 * first-seen order), and it prints as Python's, most common first: `Counter({'a': 5, 'b': 2})`. It
 * is a Map, so int keys stay ints (`Counter([1, 2, 2])` prints `Counter({2: 2, 1: 1})`); in a notebook
 * cell `c[k]` and `c[k] += 1` are its items (the dialect's Map index).
 *
 * @example const c = collections.Counter("abracadabra"); c.most_common(1)  // [('a', 5)]
 */
export class Counter<K = any> extends PyMap<K, number> { // eslint-disable-line @typescript-eslint/no-explicit-any
  constructor(iterable?: Iterable<K> | ReadonlyMap<K, number> | Record<string, number> | null, kwargs?: Record<string, number>) {
    super();
    if (iterable !== undefined && iterable !== null) this.update(iterable);
    if (kwargs !== undefined) this.update(kwargs as Record<string, number>);
  }

  /** `c[key]`: its count, 0 for a key not counted. */
  __getitem__(key: K): number {
    return this.has(key) ? (this.get(key) as number) : this.__missing__(key);
  }

  __setitem__(key: K, n: number): void {
    this.set(key, n);
  }

  /** Python's Counter.__missing__: a key not counted counts 0 (and is not added). */
  __missing__(_key: K): number {
    return 0;
  }

  /** Adds the counts of a mapping, or one for each item of an iterable. */
  update(iterable?: Iterable<K> | ReadonlyMap<K, number> | Record<string, number> | null): void {
    if (iterable === undefined || iterable === null) return;
    const pairs = typeof iterable === "string" ? null : mappingEntries(iterable);
    if (pairs !== null) for (const [k, n] of pairs) this.set(k as K, (this.get(k as K) ?? 0) + (n as number));
    else for (const k of list(iterable as Iterable<K>)) this.set(k as K, (this.get(k as K) ?? 0) + 1);
  }

  /** Subtracts the counts of a mapping, or one for each item of an iterable (counts may go to zero or below). */
  subtract(iterable?: Iterable<K> | ReadonlyMap<K, number> | Record<string, number> | null): void {
    if (iterable === undefined || iterable === null) return;
    const pairs = typeof iterable === "string" ? null : mappingEntries(iterable);
    if (pairs !== null) for (const [k, n] of pairs) this.set(k as K, (this.get(k as K) ?? 0) - (n as number));
    else for (const k of list(iterable as Iterable<K>)) this.set(k as K, (this.get(k as K) ?? 0) - 1);
  }

  /** The `n` most common (key, count) tuples, all without `n`; equal counts in first-seen order. */
  most_common(n?: number | null): [K, number][] {
    const all = [...this.entries()].map((e, i) => [e, i] as const).sort((a, b) => b[0][1] - a[0][1] || a[1] - b[1]);
    const picked = n === undefined || n === null ? all : all.slice(0, Math.max(0, n));
    return picked.map(([e]) => asPyTuple([e[0], e[1]]) as [K, number]);
  }

  /** Each key repeated by its count (those above zero), in first-seen order. */
  *elements(): IterableIterator<K> {
    for (const [k, n] of this.entries()) for (let i = 0; i < n; i++) yield k;
  }

  /** The sum of the counts. */
  total(): number {
    let t = 0;
    for (const n of this.values()) t += n;
    return t;
  }

  /** Iterating a Counter gives its keys, as Python's dict. */
  [Symbol.iterator](): IterableIterator<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.keys();
  }

  __repr__(): string {
    return this.size === 0 ? "Counter()" : `Counter(${dictText(this.most_common())})`;
  }

  toString(): string {
    return this.__repr__();
  }

  [INSPECT](): string {
    return this.__repr__();
  }
}

/** What a defaultdict's factory makes: a builtin type (`list`, `int`), a class, or a function. */
// eslint-disable-next-line @typescript-eslint/ban-types
type Factory<V> = (() => V) | Function;

/**
 * Python's `collections.defaultdict(default_factory, items)`: a dict whose missing key is first set to
 * `default_factory()` (`d[w].append(i)` with `defaultdict(list)`, `d[k] += 1` with `defaultdict(int)`),
 * printed as Python's `defaultdict(<class 'list'>, {'a': [1, 3]})`. It is a Map (int keys stay ints;
 * in a notebook cell `d[k]` is its item); without a factory a missing key is Python's KeyError.
 *
 * @example const d = collections.defaultdict(list); d["a"].append(1)  // defaultdict(<class 'list'>, {'a': [1]})
 */
export class defaultdict<K = any, V = any> extends PyMap<K, V> { // eslint-disable-line @typescript-eslint/no-explicit-any
  default_factory: Factory<V> | null;

  constructor(default_factory?: Factory<V> | null, items?: Iterable<readonly [K, V]> | ReadonlyMap<K, V> | Record<string, V> | null) {
    super();
    if (default_factory !== undefined && default_factory !== null && typeof default_factory !== "function") {
      throw new TypeError("first argument must be callable or None");
    }
    this.default_factory = default_factory ?? null;
    if (items !== undefined && items !== null) {
      const pairs = mappingEntries(items) ?? [...(items as Iterable<readonly [K, V]>)];
      for (const [k, v] of pairs) this.set(k as K, v as V);
    }
  }

  /** `d[key]`: its value, first set to `default_factory()` when missing. */
  __getitem__(key: K): V {
    return this.has(key) ? (this.get(key) as V) : this.__missing__(key);
  }

  __setitem__(key: K, value: V): void {
    this.set(key, value);
  }

  /** Python's defaultdict.__missing__: sets and returns `default_factory()`, or KeyError without one. */
  __missing__(key: K): V {
    const f = this.default_factory;
    if (f === null) throw new KeyError(key);
    const v = (isClass(f) ? new (f as new () => V)() : (f as () => V)()) as V;
    this.set(key, v);
    return v;
  }

  /** Iterating a defaultdict gives its keys, as Python's dict. */
  [Symbol.iterator](): IterableIterator<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.keys();
  }

  __repr__(): string {
    const f = this.default_factory;
    return `defaultdict(${f === null ? "None" : pythonRepr(f) ?? String(f)}, ${dictText(this.entries())})`;
  }

  toString(): string {
    return this.__repr__();
  }

  [INSPECT](): string {
    return this.__repr__();
  }
}

/**
 * Python's `collections.deque(iterable, maxlen)`: a double-ended queue (a replay memory:
 * `deque([], maxlen=10000)`); appending past `maxlen` drops from the other end. `q[i]` (negative from
 * the end), `len(q)`, iterating, `list(q)`; printed `deque([1, 2], maxlen=3)`.
 *
 * @example const memory = collections.deque([], maxlen=2); memory.append(1); memory.append(2); memory.append(3)  // deque([2, 3], maxlen=2)
 */
export class deque<T = any> implements Iterable<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  private items: T[];
  readonly maxlen: number | null;

  constructor(iterable?: Iterable<T> | null, maxlen?: number | null | { maxlen?: number | null }) {
    const m = maxlen !== null && typeof maxlen === "object" ? maxlen.maxlen ?? null : maxlen ?? null;
    if (m !== null && (!Number.isInteger(m) || m < 0)) throw new ValueError(Number.isInteger(m) ? "maxlen must be non-negative" : "an integer is required");
    this.maxlen = m;
    this.items = [];
    if (iterable !== undefined && iterable !== null) this.extend(iterable);
  }

  append(x: T): void {
    this.items.push(x);
    if (this.maxlen !== null && this.items.length > this.maxlen) this.items.shift();
  }

  appendleft(x: T): void {
    this.items.unshift(x);
    if (this.maxlen !== null && this.items.length > this.maxlen) this.items.pop();
  }

  extend(iterable: Iterable<T>): void {
    for (const x of list(iterable)) this.append(x as T);
  }

  extendleft(iterable: Iterable<T>): void {
    for (const x of list(iterable)) this.appendleft(x as T);
  }

  pop(): T {
    if (this.items.length === 0) throw new IndexError("pop from an empty deque");
    return this.items.pop() as T;
  }

  popleft(): T {
    if (this.items.length === 0) throw new IndexError("pop from an empty deque");
    return this.items.shift() as T;
  }

  /** Rotates `n` steps to the right (left when negative). */
  rotate(n = 1): void {
    const len = this.items.length;
    if (len === 0) return;
    const k = ((n % len) + len) % len;
    if (k !== 0) this.items = [...this.items.slice(len - k), ...this.items.slice(0, len - k)];
  }

  clear(): void {
    this.items = [];
  }

  count(x: T): number {
    return this.items.filter((v) => v === x).length;
  }

  index(x: T): number {
    const i = this.items.indexOf(x);
    if (i < 0) throw new ValueError(`${repr(x)} is not in deque`);
    return i;
  }

  remove(x: T): void {
    const i = this.items.indexOf(x);
    if (i < 0) throw new ValueError(`${repr(x)} is not in deque`);
    this.items.splice(i, 1);
  }

  reverse(): void {
    this.items.reverse();
  }

  copy(): deque<T> {
    return new deque(this.items, this.maxlen);
  }

  private at(i: number): number {
    const n = this.items.length;
    if (!Number.isInteger(i)) throw new TypeError(`sequence index must be integer, not '${pyTypeName(i)}'`);
    const at = i < 0 ? i + n : i;
    if (at < 0 || at >= n) throw new IndexError("deque index out of range");
    return at;
  }

  __getitem__(i: number): T {
    return this.items[this.at(i)];
  }

  __setitem__(i: number, v: T): void {
    this.items[this.at(i)] = v;
  }

  __len__(): number {
    return this.items.length;
  }

  __contains__(x: T): boolean {
    return this.items.includes(x);
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this.items[Symbol.iterator]();
  }

  __repr__(): string {
    const body = pythonRepr(this.items) ?? "[]";
    return this.maxlen === null ? `deque(${body})` : `deque(${body}, maxlen=${this.maxlen})`;
  }

  toString(): string {
    return this.__repr__();
  }

  [INSPECT](): string {
    return this.__repr__();
  }
}
