/**
 * Python's builtins that PyTorch tutorials use on nearly every page, so that ported code reads like the
 * original: `for (const epoch of range(2))`, `for (const [i, data] of enumerate(trainloader, 0))`,
 * `const [images, labels] = next(iter(trainloader))`, `sum(model.parameters().map((p) => p.numel()))`,
 * `sorted(...)`, `max(...)`, `round(acc, 2)`, `float(loss)`, `int(pred)`, `isinstance(x, torch.Tensor)`,
 * `str(x)`, `repr(x)`; `print` and `len` as well. All are in every notebook's scope (kernel/prelude.ts);
 * a cell may still declare its own `sum`, `range` or `max`, which then hides the builtin as in Python.
 *
 * Each follows Python 3.11's result and error (test/reference/gen_builtins.py), on numbers, strings,
 * arrays (lists; tuples where Python makes them: enumerate's and zip's items), plain objects and Maps
 * (dicts: iterated by key), and tensors (as PyTorch 1.13's `Tensor` behaves under the same builtin).
 * Python's keywords come in a trailing options object: `sorted(xs, {key: len, reverse: true})`.
 *
 * `int` and `float` are one type to JavaScript: the notebook dialect tells a float the cell wrote
 * (`1.0`, `x / 2`, `float(3)`, a float tensor's `.item()`) to print(), containers, format() and
 * isinstance() (src/pyrepr.ts's PyFloat); any other whole number is an int.
 */
import { inspect } from "util";
import { IndexError, OverflowError, RuntimeError, StopIteration, TypeError, ValueError, ZeroDivisionError } from "./errors";
import { asPyBuiltinType, asPyObject, asPyTuple, copyPyFloats, definePyName, isPyFloatAt, nameLibraryClasses, markPyFloat, PyFloat, isClass, objectAddress, pyIsTuple, pyMappingOf, pyPublicClass, pyTypeName } from "./pyrepr";
import { PySet } from "./pyset";
import { binaryDunder, NO_METHOD } from "./pyoperator";
import * as pynumber from "./pynumber";
import { PyMap } from "./pyhash";
import { pythonRepr } from "./display/pylist";
import { Tensor } from "./tensor/tensor";
import { Size } from "./tensor/size";
import { ndarray } from "./tensor/ndarray";
import { AccumulateGrad, Node } from "./autograd/node";

/**
 * Python's constants `True`, `False` and `None`, so that `DataLoader(ds, batch_size=64, shuffle=True)`,
 * `bias=False`, `dim=None` and `x[:, None]` read as the tutorial wrote them. `None` is `null`, which
 * torchlab's options read as an absent value, print() writes as `None` and an index reads as a new axis.
 */
export const True = true;
export const False = false;
export const None = null;

/**
 * The module name a notebook's cells run in: Jupyter runs them as `__main__`, so a script pasted into
 * a cell keeps its `if __name__ == '__main__':` guard (DataLoader with num_workers, a course's train loop).
 */
export const __name__ = "__main__";

export { print } from "./display/print";
import { pyStr } from "./display/print";
export { len } from "./utils/data/dataset";
export { getattr, hasattr, setattr } from "./pyattr";
export { set, PySet } from "./pyset";
export { open } from "./pyfile";

// ---------------------------------------------------------------- Python's view of a value

/** A plain object (Python's dict): its prototype is Object's or none. */
export function isDict(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** A map-style dataset without `[Symbol.iterator]`: Python iterates it through `__getitem__` from 0. */
interface Sequence<T> {
  getitem(index: number): T;
  len(): number;
}
interface PySequence<T> {
  __getitem__(index: number): T;
  __len__(): number;
}

/** What Python's `for x in value` accepts: an iterable, a dict (its keys), a sequence with `__getitem__`. */
export type PyIterable = Iterable<unknown> | ReadonlyMap<unknown, unknown> | Sequence<unknown> | PySequence<unknown> | Record<string, unknown>;

/**
 * The item type `for x in value` gives: a Map's and a dict's keys, an iterable's items; `any` for a
 * value typed `any` (an untyped function parameter, as `enumerate(dataloader)` in a course's engine.py).
 */
export type ItemOf<X> = 0 extends 1 & X
  ? any // eslint-disable-line @typescript-eslint/no-explicit-any
  : X extends ReadonlyMap<infer K, unknown>
  ? K
  : X extends string
    ? string
    : X extends Iterable<infer T>
      ? T
      : X extends Sequence<infer T>
        ? T
        : X extends PySequence<infer T>
          ? T
          : X extends Record<string, unknown>
            ? string
            : never;

/** Python's iteration of `x` (dicts and Maps by key); Python's TypeError when it is not iterable. */
function pyIterator(x: unknown): Iterator<unknown> {
  if (x instanceof Map) return x.keys();
  if (x !== null && x !== undefined && typeof (x as Iterable<unknown>)[Symbol.iterator] === "function") {
    return (x as Iterable<unknown>)[Symbol.iterator]();
  }
  if (isDict(x)) return Object.keys(x)[Symbol.iterator]();
  if (x !== null && typeof x === "object" || typeof x === "function") {
    const o = x as Partial<Sequence<unknown> & PySequence<unknown>>;
    const [get, size] =
      typeof o.getitem === "function" && typeof o.len === "function"
        ? [o.getitem, o.len]
        : typeof o.__getitem__ === "function" && typeof o.__len__ === "function"
          ? [o.__getitem__, o.__len__]
          : [null, null];
    if (get !== null && size !== null) {
      return (function* () {
        const n = size.call(x);
        for (let i = 0; i < n; i++) yield get.call(x, i);
      })();
    }
  }
  throw new TypeError(`'${pyTypeName(x)}' object is not iterable`);
}

function* fromIterator<T>(it: Iterator<T>): IterableIterator<T> {
  for (let r = it.next(); !r.done; r = it.next()) yield r.value;
}

/** A trailing options object: a plain object whose keys are all among `keys` (Python's keywords). */
function takeOptions<O extends object>(args: unknown[], keys: readonly string[]): Partial<O> {
  const last = args[args.length - 1];
  if (isDict(last)) {
    const own = Object.keys(last);
    if (own.length > 0 && own.every((k) => keys.includes(k))) {
      args.pop();
      return last as Partial<O>;
    }
  }
  return {};
}

/** Python's `operator.index`: an integer, or Python's TypeError naming the type. */
function index(x: unknown): number {
  if (typeof x === "boolean") return Number(x);
  if (typeof x === "number" && Number.isInteger(x)) return x;
  // A tensor's __index__ (`range(seq_len)` of a 0-d length): one integer element only, as PyTorch's.
  if (x instanceof Tensor) {
    if (x.numel() !== 1 || x.is_floating_point()) throw new TypeError("only integer tensors of a single element can be converted to an index");
    return Number(x.item());
  }
  throw new TypeError(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
}

// ---------------------------------------------------------------- range, enumerate, zip, iter, next

/**
 * The positions of a length-`n` sequence that Python's slice `start:stop:step`, written as the
 * dialect's string (`":3"`, `"1:"`, `"::-1"`), selects: CPython's PySlice_AdjustIndices (bounds count
 * from the end when negative, then clamp). Null when `spec` is no slice; a zero step is Python's
 * ValueError. For a list's or string's slice (kernel/dynamic_ops.ts) and a Sequential's (nn/modules/container.ts).
 */
export function slicePositions(spec: string, n: number): number[] | null {
  const b = sliceBounds(spec, n);
  if (b === null) return null;
  const picked: number[] = [];
  for (let i = b.from; b.by > 0 ? i < b.to : i > b.to; i += b.by) picked.push(i);
  return picked;
}

/** The first position, the bound and the step of slicePositions' slice (`slice.indices(n)`), or null. */
function sliceBounds(spec: string, n: number): { from: number; to: number; by: number } | null {
  const parts = spec.split(":").map((p) => (p.trim() === "" ? null : Number(p)));
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p !== null && !Number.isInteger(p))) return null;
  const by = parts[2] ?? 1;
  if (by === 0) throw new ValueError("slice step cannot be zero");
  const bound = (v: number | null, absent: number): number => (v === null ? absent : v < 0 ? Math.max(v + n, by < 0 ? -1 : 0) : Math.min(v, by < 0 ? n - 1 : n));
  return { from: bound(parts[0], by < 0 ? n - 1 : 0), to: bound(parts[1], by < 0 ? -1 : n), by };
}

/**
 * Python's `range(stop)` / `range(start, stop, step=1)`: an immutable sequence of integers; iterable
 * (`for (const i of range(10))`), `len(range(...))`, `r.getitem(i)` (negative from the end), `list(r)`,
 * printed as `range(0, 10)`.
 * @example list(range(2, 10, 3))  // [2, 5, 8]
 */
export class Range implements Iterable<number> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;

  constructor(...args: (number | Tensor)[]) {
    if (args.length === 0) throw new TypeError("range expected at least 1 argument, got 0");
    if (args.length > 3) throw new TypeError(`range expected at most 3 arguments, got ${args.length}`);
    const [start, stop, step] = args.length === 1 ? [0, index(args[0]), 1] : [index(args[0]), index(args[1]), args.length === 3 ? index(args[2]) : 1];
    if (step === 0) throw new ValueError("range() arg 3 must not be zero");
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  /** The number of integers: `len(range(...))`. */
  len(): number {
    const { start, stop, step } = this;
    return Math.max(0, Math.ceil((stop - start) / step));
  }

  get length(): number {
    return this.len();
  }

  /** `r[i]`: the i-th integer, counting from the end when negative. */
  getitem(i: number): number {
    const n = this.len();
    const k = index(i) < 0 ? i + n : i;
    if (k < 0 || k >= n) throw new IndexError("range object index out of range");
    return this.start + k * this.step;
  }

  /**
   * Python's `r[i]` (counting from the end when negative) and `r["2:5"]`, a slice: the range those
   * positions hold, as Python's `range(10)[::3]` is `range(0, 10, 3)`. The dialect's `r[i]` comes here.
   */
  __getitem__(key: number): number;
  __getitem__(key: string): Range;
  __getitem__(key: number | string): number | Range {
    if (typeof key !== "string") return this.getitem(key);
    // slice.indices(len): the bounds clipped to the range's positions, as CPython's range slice computes them.
    const b = sliceBounds(key, this.len());
    if (b === null) throw new TypeError(`range indices must be integers or slices, not str ('${key}')`);
    return new Range(this.start + b.from * this.step, this.start + b.to * this.step, this.step * b.by);
  }

  /**
   * The list of `fn` of each integer: the dialect's `[f(i) for i in range(n)]`, where a range is used as a list.
   * @example range(3).map((i) => i * 2)  // [0, 2, 4]
   */
  map<U>(fn: (value: number, index: number) => U): U[] {
    return [...this].map((v, i) => fn(v, i));
  }

  *[Symbol.iterator](): IterableIterator<number> {
    const { start, stop, step } = this;
    if (step > 0) for (let i = start; i < stop; i += step) yield i;
    else for (let i = start; i > stop; i += step) yield i;
  }

  toString(): string {
    return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

// Python's type name, in its messages (`'range' object is not an iterator`).
Object.defineProperty(Range, "name", { value: "range" });

/**
 * Python's `range(stop)`, `range(start, stop, step=1)`.
 * @example for (const epoch of range(2)) { ... }
 * @example len(range(0, 10, 3))  // 4
 */
export function range(stop: number | Tensor): Range;
export function range(start: number | Tensor, stop: number | Tensor, step?: number | Tensor): Range;
export function range(...args: [number | Tensor, (number | Tensor)?, (number | Tensor)?]): Range {
  return new Range(...(args as (number | Tensor)[]));
}

/**
 * Python's `enumerate(iterable, start=0)`: `[index, item]` pairs (tuples, as Python prints them).
 * @example for (const [i, data] of enumerate(trainloader, 0)) { const [inputs, labels] = data; ... }
 */
export function enumerate<X extends PyIterable>(iterable: X, start: number | { start?: number } = 0): IterableIterator<[number, ItemOf<X>]> {
  const it = pyIterator(iterable);
  let i = index(typeof start === "object" ? start.start ?? 0 : start);
  const pairs = (function* () {
    for (let at = 0, r = it.next(); !r.done; at++, r = it.next()) {
      const pair = asPyTuple([i++, r.value as ItemOf<X>] as [number, ItemOf<X>]);
      // `enumerate([1.0, 2.5])`: a float the list holds stays Python's float in the pair.
      if (typeof r.value === "number" && isPyFloatAt(iterable as object, at)) markPyFloat(pair, 1);
      yield pair;
    }
  })();
  return asPyObject(pairs, "enumerate");
}

/**
 * Python's `zip(*iterables)`: tuples of the i-th items, stopping at the shortest.
 * @example for (const [x, y] of zip(xs, ys)) { ... }
 */
export function zip<X extends PyIterable[]>(...iterables: X): IterableIterator<{ [K in keyof X]: ItemOf<X[K]> }>;
export function zip<X extends PyIterable[]>(...args: [...X, { strict?: boolean }]): IterableIterator<{ [K in keyof X]: ItemOf<X[K]> }>;
export function zip(...args: unknown[]): IterableIterator<unknown[]> {
  // `zip(a, b, strict=True)`: the keyword, not a third iterable (a plain object would iterate its keys).
  const { strict = false } = takeOptions<{ strict: boolean }>(args, ["strict"]);
  const its = args.map(pyIterator);
  const rows = (function* () {
    if (its.length === 0) return;
    for (let at = 0; ; at++) {
      const row: unknown[] = [];
      for (const [i, it] of its.entries()) {
        const r = it.next();
        if (r.done) {
          if (strict) {
            // Python 3.10's strict zip: the first to end must end with all the others.
            if (i > 0) throw new ValueError(`zip() argument ${i + 1} is shorter than argument${i === 1 ? "" : "s"} 1${i === 1 ? "" : `-${i}`}`);
            for (const [j, rest] of its.slice(1).entries()) {
              if (!rest.next().done) throw new ValueError(`zip() argument ${j + 2} is longer than argument${j === 0 ? "" : "s"} 1${j === 0 ? "" : `-${j + 1}`}`);
            }
          }
          return;
        }
        row.push(r.value);
        // `zip(names, [1.0, 2.0])`: a float the list holds stays Python's float in the tuple.
        if (typeof r.value === "number" && isPyFloatAt(args[i] as object, at)) markPyFloat(row, i);
      }
      yield asPyTuple(row);
    }
  })();
  return asPyObject(rows, "zip");
}

/**
 * Python's `map(function, *iterables)`: a lazy iterator of `function` applied to the i-th items of the
 * iterables, stopping at the shortest; a function that is not callable is Python's TypeError at the first item.
 * @example ' × '.join(map(str, t.size()))  // "2 × 3 × 4"
 */
export function map<X extends PyIterable, R>(fn: (item: ItemOf<X>) => R, iterable: X): IterableIterator<R>;
export function map<X extends PyIterable[], R>(fn: (...items: { [K in keyof X]: ItemOf<X[K]> }) => R, ...iterables: X): IterableIterator<R>;
/** Python's callables are classes too, and objects whose class defines `__call__`: `map(Value, row)`, `map(model, inputs)` (micrograd). */
export function map<X extends PyIterable, R>(fn: (new (item: ItemOf<X>) => R) | { __call__(item: ItemOf<X>): R }, iterable: X): IterableIterator<R>;
export function map(fn: unknown, ...iterables: PyIterable[]): IterableIterator<unknown> {
  if (iterables.length === 0) throw new TypeError("map() must have at least two arguments.");
  const rows = zip(...iterables) as IterableIterator<unknown[]>;
  let index = 0;
  const call = pyCallable(fn);
  // The generator marks itself (below), so it is named before it is made.
  // eslint-disable-next-line prefer-const
  let results!: Generator<unknown>;
  results = (function* () {
    for (const row of rows) {
      // Python calls the function only when an item is asked for.
      if (call === undefined) throw new TypeError(`'${pyTypeName(fn)}' object is not callable`);
      // `map(str, [1.0])`: Python's str of a float the list holds is '1.0'.
      const floats = fn === str || fn === repr ? row.map((v, i) => (typeof v === "number" && isPyFloatAt(iterables[i], index) ? new PyFloat(v) : v)) : row;
      const item = call(...floats);
      // `list(map(float, words))`: each item Python's float (list() copies the marks).
      if (fn === float && typeof item === "number") markPyFloat(results, index);
      index += 1;
      yield item;
    }
  })();
  return asPyObject(results, "map");
}

/** How Python calls `fn`: a function as it is, a class constructs, an object through its class's `__call__`; undefined when it is not callable. */
function pyCallable(fn: unknown): ((...args: unknown[]) => unknown) | undefined {
  if (typeof fn === "function") return isClass(fn) ? (...args) => Reflect.construct(fn, args) : (fn as (...args: unknown[]) => unknown);
  const call = fn !== null && typeof fn === "object" ? (fn as { __call__?: unknown }).__call__ : undefined;
  return typeof call === "function" ? (...args) => Reflect.apply(call, fn, args) : undefined;
}

/**
 * Python's `iter(x)`: an iterator over a DataLoader, Dataset, array, string, tensor (its rows), Map or
 * dict (their keys); an iterator gives itself back.
 * @example const dataiter = iter(trainloader); const [images, labels] = next(dataiter);
 */
export function iter<X extends PyIterable>(x: X): IterableIterator<ItemOf<X>> {
  const it = pyIterator(x) as Iterator<ItemOf<X>>;
  const result = typeof (it as Partial<IterableIterator<ItemOf<X>>>)[Symbol.iterator] === "function" ? (it as IterableIterator<ItemOf<X>>) : fromIterator(it);
  const name = result === (x as unknown) ? null : iteratorName(x);
  return name === null ? result : asPyObject(result, name);
}

/** The type of Python's iterator over `x` (`iter([1])` is a list_iterator), for the builtin containers. */
function iteratorName(x: unknown): string | null {
  if (Array.isArray(x)) return pyIsTuple(x) ? "tuple_iterator" : "list_iterator";
  if (typeof x === "string") return /^[\x00-\x7f]*$/.test(x) ? "str_ascii_iterator" : "str_iterator";
  if (x instanceof Range) return "range_iterator";
  if (x instanceof Map || isDict(x)) return "dict_keyiterator";
  if (x instanceof Set) return "set_iterator";
  return null;
}

/**
 * Python's `next(iterator[, default])`: the next item; when there is none, `default`, or Python's
 * StopIteration without one. A DataLoader or array is not an iterator (Python's TypeError): `next(iter(x))`.
 * An object of a class written as Python's iterator protocol (a `__next__` method, Trevett's
 * IteratorWrapper in the LR finder) is asked through `__next__`, as Python does; its StopIteration
 * gives `default` when there is one.
 * @example const [images, labels] = next(iter(trainloader));
 */
export function next<T>(iterator: Iterator<T, unknown>): T;
export function next<T, D>(iterator: Iterator<T, unknown>, default_: D): T | D;
export function next<T>(iterator: { __next__(): T }): T;
export function next<T, D>(iterator: { __next__(): T }, default_: D): T | D;
export function next<T, D>(iterator: Iterator<T, unknown> | { __next__(): T }, ...default_: [D?]): T | D {
  if (iterator !== null && typeof iterator === "object" && typeof (iterator as { __next__?: unknown }).__next__ === "function") {
    try {
      return (iterator as { __next__(): T }).__next__();
    } catch (e) {
      if (e instanceof StopIteration && default_.length > 0) return default_[0] as D;
      throw e;
    }
  }
  if (iterator === null || typeof iterator !== "object" || typeof (iterator as Partial<Iterator<T>>).next !== "function") {
    throw new TypeError(`'${pyTypeName(iterator)}' object is not an iterator`);
  }
  const r = (iterator as Iterator<T, unknown>).next();
  if (!r.done) return r.value;
  if (default_.length > 0) return default_[0] as D;
  throw new StopIteration();
}

/**
 * Python's `list(iterable)`: a new array of the items (a dict's or Map's keys). `list()` is an empty
 * list that takes any item, as Python's `[]` does (`losses = list(); losses.append(loss.item())`);
 * `list<number>()` types it.
 * @example list(range(3))  // [0, 1, 2]
 */
export function list<T = any>(): T[];  // eslint-disable-line @typescript-eslint/no-explicit-any
export function list<X extends PyIterable>(iterable: X): ItemOf<X>[];
export function list(...args: unknown[]): unknown[] {
  return args.length === 0 ? [] : copyPyFloats(args[0], Array.from(fromIterator(pyIterator(args[0]))));
}

/**
 * Python's `tuple(iterable)`: a new array of the items that prints as Python's tuple (`(tensor([0.93,
 * 1.01]), tensor(0))`, `(1,)`), as a Dataset's `return data_point, data_label` does; it stays an
 * ordinary array (destructuring, indexing, DataLoader's collate). An array literal keeps its item types.
 * @example tuple([x, y])  // prints (tensor(...), tensor(...))
 */
export function tuple(): [];
export function tuple<T extends unknown[]>(items: [...T]): T;
export function tuple<X extends PyIterable>(iterable: X): ItemOf<X>[];
export function tuple(...args: unknown[]): unknown[] {
  return asPyTuple(args.length === 0 ? [] : list(args[0] as PyIterable));
}

// ---------------------------------------------------------------- comparisons: sorted, min, max

type Op = "<" | ">";

/** Python's `bool(a < b)` / `bool(a > b)` on numbers, strings, lists/tuples and one-element tensors. */
function compare(a: unknown, b: unknown, op: Op): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x === "number" && typeof y === "number") return op === "<" ? x < y : x > y;
  if (typeof x === "string" && typeof y === "string") {
    const c = codePointOrder(x, y);
    return op === "<" ? c < 0 : c > 0;
  }
  if (Array.isArray(x) && Array.isArray(y) && pyIsTuple(x) === pyIsTuple(y)) {
    // Lexicographic, as Python's: the first items that differ decide, else the shorter one is less.
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (!pyEqual(x[i], y[i])) return compare(x[i], y[i], op);
    return op === "<" ? x.length < y.length : x.length > y.length;
  }
  // An object whose class defines Python's comparison methods (a datetime, a notebook class's): a.__lt__(b), else b.__gt__(a).
  const byMethod = binaryDunder(op === "<" ? "lt" : "gt", a, b);
  if (byMethod !== NO_METHOD) return Boolean(byMethod);
  throw new TypeError(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/** A tensor compares through its one value (PyTorch's bool() of the comparison's result). */
function comparable(v: unknown): unknown {
  if (typeof v === "boolean") return Number(v);
  if (!(v instanceof Tensor)) return v;
  const n = v.numel();
  if (n !== 1) throw new RuntimeError(`Boolean value of Tensor with ${n === 0 ? "no values" : "more than one value"} is ambiguous`);
  return Number(v.item());
}

/** Python's `a == b` between list items (numbers, booleans, strings, lists, one-element tensors); `in`, `index`, `count` use it too. */
export function pyEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => pyEqual(v, b[i]));
  if (a instanceof Tensor || b instanceof Tensor) return comparable(a) === comparable(b);
  return typeof a === "boolean" || typeof b === "boolean" ? Number(a) === Number(b) : a === b;
}

/** Python orders strings by code point; JS's `<` by UTF-16 unit, which differs past U+FFFF. */
function codePointOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

export interface SortedOptions<T> {
  /** Sorts by `key(item)` instead of the item. */
  key?: ((item: T) => unknown) | null;
  /** Largest first; equal items keep their order, as Python's. */
  reverse?: boolean;
}

/**
 * Python's `sorted(iterable, *, key=None, reverse=False)`: a new, stably sorted array. Numbers by value
 * (not JS's default string order), strings by code point, lists and tuples item by item, one-element
 * tensors by their value; mixing kinds is Python's TypeError.
 * @example sorted(["ccc", "a", "bb"], {key: len})  // ["a", "bb", "ccc"]
 */
export function sorted<X extends PyIterable>(iterable: X, options: SortedOptions<ItemOf<X>> = {}): ItemOf<X>[] {
  const items = list(iterable) as ItemOf<X>[];
  const { key, reverse = false } = options;
  const keys = key ? items.map((v) => key(v)) : items;
  // Mixed kinds fail before sorting, each asked against the first as Python's first comparison is
  // (`sorted([1, "a"])`: '<' not supported between instances of 'str' and 'int').
  for (let i = 1; i < keys.length; i++) compare(keys[i], keys[0], "<");
  const order = keys.map((_, i) => i);
  // Array.prototype.sort is stable; a reversed comparison keeps equal items in order, as Python's reverse.
  order.sort((i, j) => (reverse ? compareKeys(keys[j], keys[i]) : compareKeys(keys[i], keys[j])));
  const result = order.map((i) => items[i]);
  // A float keeps its mark where it moved (`sorted([2.5, 1, 3.0])` is [1, 2.5, 3.0]).
  order.forEach((i, at) => isPyFloatAt(items, i) && markPyFloat(result, at));
  return result;
}

function compareKeys(a: unknown, b: unknown): number {
  return compare(a, b, "<") ? -1 : compare(b, a, "<") ? 1 : 0;
}

export interface MinMaxOptions<T, D = never> {
  /** Compares `key(item)` instead of the item. */
  key?: ((item: T) => unknown) | null;
  /** The result for an empty iterable (only with one iterable argument). */
  default?: D;
}

function minMax(name: "min" | "max", op: Op, args: unknown[]): unknown {
  const options = takeOptions<MinMaxOptions<unknown, unknown>>(args, ["key", "default"]);
  if (args.length === 0) throw new TypeError(`${name} expected at least 1 argument, got 0`);
  if (args.length > 1 && "default" in options) {
    throw new TypeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  const it = args.length === 1 ? pyIterator(args[0]) : args[Symbol.iterator]();
  const key = options.key ?? ((v: unknown) => v);
  const first = it.next();
  if (first.done) {
    if ("default" in options) return options.default;
    throw new ValueError(`${name}() arg is an empty sequence`);
  }
  let best = first.value;
  let bestKey = key(best);
  for (let r = it.next(); !r.done; r = it.next()) {
    const k = key(r.value);
    if (compare(k, bestKey, op)) [best, bestKey] = [r.value, k];
  }
  return best;
}

/**
 * Python's `max(iterable, *, key=None, default)` or `max(a, b, ...)`: the first largest item (NaN and
 * all, as Python compares), a tensor's largest row when given one tensor.
 * @example max([1, 5, 3])  // 5
 * @example max(["aa", "b"], {key: len})  // "aa"
 */
export function max<X extends PyIterable>(iterable: X, options?: MinMaxOptions<ItemOf<X>>): ItemOf<X>;
export function max<X extends PyIterable, D>(iterable: X, options: MinMaxOptions<ItemOf<X>, D> & { default: D }): ItemOf<X> | D;
export function max<T>(a: T, b: T, ...rest: T[]): T;
export function max<T>(a: T, b: T, ...rest: [...T[], MinMaxOptions<T>]): T;
export function max(...args: unknown[]): unknown {
  return minMax("max", ">", args);
}

/**
 * Python's `min(iterable, *, key=None, default)` or `min(a, b, ...)`: the first smallest item.
 * @example min(3, 1, 2)  // 1
 */
export function min<X extends PyIterable>(iterable: X, options?: MinMaxOptions<ItemOf<X>>): ItemOf<X>;
export function min<X extends PyIterable, D>(iterable: X, options: MinMaxOptions<ItemOf<X>, D> & { default: D }): ItemOf<X> | D;
export function min<T>(a: T, b: T, ...rest: T[]): T;
export function min<T>(a: T, b: T, ...rest: [...T[], MinMaxOptions<T>]): T;
export function min(...args: unknown[]): unknown {
  return minMax("min", "<", args);
}

// ---------------------------------------------------------------- arithmetic: sum, abs, round

/**
 * Python's `sum(iterable, start=0)`: `start + item0 + item1 + ...` left to right (Python 3.11's float
 * sum, rounding at each step); tensors add as PyTorch's `+` (with autograd), numbers to a tensor too.
 * @example sum(model.parameters().map((p) => p.numel()))  // sum(p.numel() for p in model.parameters())
 * @example sum(losses)  // a tensor with grad_fn=<AddBackward0>
 */
export function sum(iterable: Iterable<number | boolean>, start?: number | { start?: number }): number;
export function sum(iterable: Iterable<Tensor | number | boolean>, start?: Tensor | number | { start?: Tensor | number }): Tensor;
/** Objects of a class with Python's `__add__` / `__radd__` (micrograd's `sum(losses)` of Values) add by them: `0 + v` is `v.__radd__(0)`. */
export function sum<T extends { __radd__(other: number): unknown }>(iterable: Iterable<T>, start?: number | { start?: number }): T;
export function sum<T extends { __add__(other: never): unknown }>(iterable: Iterable<unknown>, start: T | { start: T }): T;
export function sum(iterable: Iterable<unknown>, start: unknown = 0): unknown {
  let acc: unknown = isDict(start) ? (start as { start?: unknown }).start ?? 0 : start;
  if (typeof acc === "string") throw new TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  const it = pyIterator(iterable);
  for (let r = it.next(); !r.done; r = it.next()) acc = add(acc, r.value);
  return acc;
}

/** Python's `a + b` for numbers (bools are 0 and 1), tensors and objects with `__add__` / `__radd__`. */
function add(a: unknown, b: unknown): unknown {
  const number = (v: unknown) => typeof v === "number" || typeof v === "boolean";
  if (number(a) && number(b)) return Number(a) + Number(b);
  if (a instanceof Tensor && (number(b) || b instanceof Tensor)) return a.add(b as Tensor | number);
  if (b instanceof Tensor && number(a)) return b.add(Number(a));
  const r = binaryDunder("add", a, b);
  if (r !== NO_METHOD) return r;
  throw new TypeError(`unsupported operand type(s) for +: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/**
 * Python's `abs(x)`: a number's absolute value, a tensor's `abs()`, an object's `__abs__()`.
 * @example abs(-2.5)  // 2.5
 */
export function abs(x: number | boolean): number;
export function abs(x: Tensor): Tensor;
/** An object whose class defines Python's `__abs__` (a timedelta, a notebook class's). */
export function abs<T>(x: { __abs__(): T }): T;
export function abs(x: number | boolean | Tensor | { __abs__(): unknown }): unknown {
  if (x instanceof Tensor) return x.abs();
  if (typeof x === "number" || typeof x === "boolean") return Math.abs(Number(x));
  if (typeof (x as { __abs__?: unknown } | null)?.__abs__ === "function") return (x as { __abs__(): unknown }).__abs__();
  throw new TypeError(`bad operand type for abs(): '${pyTypeName(x)}'`);
}

/**
 * Python's `round(number, ndigits=None)`: to the nearest integer, or to `ndigits` decimals (negative: tens,
 * hundreds), ties to even, on the number's exact binary value as Python's: `round(2.5)` is 2,
 * `round(0.125, 2)` is 0.12, `round(2.675, 2)` is 2.67 (2.675 is stored as 2.67499999...). PyTorch 1.13's
 * Tensor has no `__round__`, so a tensor is Python's TypeError there: use `torch.round(t, {decimals})`.
 * @example round(0.8765432, 3)  // 0.877
 */
export function round(x: number | boolean, ndigits?: number | null): number;
export function round(x: unknown, ndigits?: number | null): number {
  if (x instanceof Tensor) throw new TypeError("type Tensor doesn't define __round__ method");
  if (typeof x !== "number" && typeof x !== "boolean") throw new TypeError(`type ${pyTypeName(x)} doesn't define __round__ method`);
  const v = Number(x);
  if (ndigits === undefined || ndigits === null) return Number.isFinite(v) ? toInt(roundHalfEven(v, 0)) : toInt(v);
  const digits = index(ndigits);
  if (!Number.isFinite(v) || (Number.isInteger(v) && digits >= 0)) return v;
  // Beyond about 323 digits either way the number itself (or a zero of its sign) is the answer, as Python's.
  if (digits > 400) return v;
  if (digits < -400) return 0 * v;
  return roundHalfEven(v, digits);
}

/** `v` rounded to `digits` decimals (ties to even) from its exact value: v = m * 2^e as BigInt fractions. */
function roundHalfEven(v: number, digits: number): number {
  if (Number.isInteger(v) && digits >= 0) return v;
  const negative = v < 0 || Object.is(v, -0);
  const [m, e] = decompose(Math.abs(v));
  // |v| * 10^digits = num / den exactly.
  let num = m * (e > 0 ? 2n ** BigInt(e) : 1n) * (digits > 0 ? 10n ** BigInt(digits) : 1n);
  const den = (e < 0 ? 2n ** BigInt(-e) : 1n) * (digits < 0 ? 10n ** BigInt(-digits) : 1n);
  let q = num / den;
  num -= q * den;
  if (2n * num > den || (2n * num === den && q % 2n === 1n)) q += 1n;
  // `q` scaled back by 10^-digits, read as the nearest double (JS's string-to-number rounds exactly).
  const magnitude = Number(`${q}e${-digits}`);
  return negative ? -magnitude : magnitude;
}

/** A finite positive double as m * 2^e with an integer m. */
function decompose(v: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  return exponent === 0 ? [fraction, -1074] : [fraction | (1n << 52n), exponent - 1075];
}

/** Python's int() of a float: toward zero; NaN and infinities are Python's errors. */
function toInt(v: number): number {
  if (Number.isNaN(v)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
  return Math.trunc(v) + 0; // no -0: Python's ints have none
}

// ---------------------------------------------------------------- conversions: float, int, str, repr, isinstance

/** A one-element tensor's value, with PyTorch's error for any other size. */
function scalarOf(t: Tensor): number {
  if (t.numel() !== 1) throw new ValueError("only one element tensors can be converted to Python scalars");
  return Number(t.item());
}

const DIGITS = String.raw`\d(?:_?\d)*`;
const FLOAT_LITERAL = new RegExp(String.raw`^[+-]?(?:(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:e[+-]?${DIGITS})?|inf|infinity|nan)$`, "i");
const INT_LITERAL = new RegExp(`^[+-]?${DIGITS}$`);

/**
 * Python's `float(x)`: a one-element tensor's value (PyTorch's ValueError for any other size) or NumPy
 * array's (`x.numpy()`; NumPy's TypeError for any other size), a number,
 * a bool, or a string in Python's float syntax (`" 1e3 "`, `"1_000.5"`, `"-inf"`, `"nan"`).
 * @example float(loss)  // loss.item()
 */
export function float(x?: Tensor | ndarray | number | boolean | string): number {
  if (x === undefined) return 0;
  if (x instanceof Tensor) return scalarOf(x);
  if (x instanceof ndarray) return x.scalar();
  if (typeof x === "number" || typeof x === "boolean") return Number(x);
  if (typeof x === "string") {
    const s = x.trim();
    if (!FLOAT_LITERAL.test(s)) throw new ValueError(`could not convert string to float: ${pythonRepr(x)}`);
    const body = s.replace(/_/g, "").toLowerCase();
    const sign = body.startsWith("-") ? -1 : 1;
    const bare = body.replace(/^[+-]/, "");
    if (bare === "nan") return NaN;
    if (bare === "inf" || bare === "infinity") return sign * Infinity;
    return Number(body);
  }
  throw new TypeError(`float() argument must be a string or a real number, not '${pyTypeName(x)}'`);
}

/**
 * Python's `int(x)`: toward zero, of a one-element tensor's or NumPy array's value (predict.py's
 * `classes[int(predict)]`), a number or a bool; or a base-10
 * string (`" -7 "`, `"1_000"`). NaN and infinities are Python's ValueError and OverflowError.
 * @example int(pred.argmax())
 */
export function int(x?: Tensor | ndarray | number | boolean | string, base?: number | { base?: number }): number {
  if (x === undefined) return 0;
  const b = typeof base === "object" && base !== null ? base.base : base;
  if (b !== undefined) return intOfBase(x, b);
  if (x instanceof Tensor) return toInt(scalarOf(x));
  if (x instanceof ndarray) return toInt(x.scalar());
  if (typeof x === "number" || typeof x === "boolean") return toInt(Number(x));
  if (typeof x === "string") {
    const s = x.trim();
    if (!INT_LITERAL.test(s)) throw new ValueError(`invalid literal for int() with base 10: ${pythonRepr(x)}`);
    return Number(s.replace(/_/g, "")) + 0;
  }
  throw new TypeError(`int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(x)}'`);
}

/** Python's `int(s, base)`: a string of digits in `base` (2 to 36, or 0 for the literal's own prefix), with an optional 0x / 0o / 0b prefix that matches it. */
function intOfBase(x: unknown, base: number): number {
  if (typeof x !== "string") throw new TypeError("int() can't convert non-string with explicit base");
  if (!Number.isInteger(base) || (base !== 0 && (base < 2 || base > 36))) throw new ValueError("int() base must be >= 2 and <= 36, or 0");
  const bad = (): never => {
    throw new ValueError(`invalid literal for int() with base ${base}: ${pythonRepr(x)}`);
  };
  const m = /^([+-]?)(0[xob])?([0-9a-z](?:_?[0-9a-z])*)$/i.exec(x.trim());
  if (m === null) return bad();
  const prefix = m[2]?.toLowerCase();
  const prefixBase = prefix === "0x" ? 16 : prefix === "0o" ? 8 : prefix === "0b" ? 2 : undefined;
  const b = base === 0 ? prefixBase ?? 10 : base;
  if (prefixBase !== undefined && prefixBase !== b) return bad();
  const digits = m[3].replace(/_/g, "").toLowerCase();
  // Base 0 reads a decimal literal as Python source does: no leading zeros (`int("010", 0)` is an error).
  if (base === 0 && prefixBase === undefined && /^0+[1-9]/.test(digits)) return bad();
  let v = 0n;
  for (const c of digits) {
    const d = parseInt(c, 36);
    if (!(d < b)) return bad();
    v = v * BigInt(b) + BigInt(d);
  }
  return Number(m[1] === "-" ? -v : v) + 0;
}

/**
 * Python's `str(x)`: a string as it is, anything else as print() writes it (a tensor's repr, lists,
 * `True`, `None`).
 */
export function str(...value: [unknown?]): string {
  if (value.length === 0) return "";
  // print's str: an object's own __str__ first (a NumPy array's `[1 2 3]`, where its repr is `array([1, 2, 3])`).
  return pyStr(value[0]);
}

/** Python's `repr(x)`: a string in quotes, a tensor's repr, lists and dicts as Python writes them. */
export function repr(x: unknown): string {
  return pythonRepr(x) ?? inspect(x, { depth: 4 });
}

type Class = abstract new (...args: never[]) => object;
/** The builtins that stand for Python's types in `isinstance(x, (int, tuple))`. */
type PyBuiltinClass = typeof str | typeof list | typeof tuple | typeof bool | typeof dict | typeof int | typeof float;

/**
 * Python's `isinstance(x, cls)`: whether `x` is an instance of the class (or of one of an array of
 * classes), `str` and `list` for strings and arrays. A number is an `int` or a `float` as type() tells
 * them: a float the cell wrote (`1.0`, `x / 2`, a float tensor's `.item()`) is a float, which the notebook
 * dialect passes on; any other number is an int when it is whole (an earlier cell's `x = 1.0` too).
 * @example isinstance(m, nn.Linear)
 * @example isinstance(x, torch.Tensor)  // an nn.Parameter is a Tensor, as in PyTorch
 */
export function isinstance(x: unknown, cls: typeof str): x is string;
export function isinstance(x: unknown, cls: typeof list): x is unknown[];
export function isinstance(x: unknown, cls: typeof bool): x is boolean;
export function isinstance(x: unknown, cls: typeof dict): x is Record<string, unknown> | Map<unknown, unknown>;
export function isinstance(x: unknown, cls: typeof int | typeof float | readonly (typeof int | typeof float)[]): x is number;
export function isinstance(x: unknown, cls: typeof tuple): x is unknown[];
export function isinstance<C extends Class>(x: unknown, cls: C | readonly C[]): x is InstanceType<C>;
export function isinstance(x: unknown, cls: readonly (PyBuiltinClass | Class)[]): boolean;
export function isinstance(x: unknown, cls: unknown): boolean {
  if (Array.isArray(cls)) return cls.some((c) => isinstance(x, c as Class));
  if (cls === str) return typeof x === "string";
  if (cls === list) return Array.isArray(x) && !pyIsTuple(x);
  // A tuple is an array the dialect marks as one (`tuple(...)`, `return a, b`, a shape); a plain `[a, b]` is a list.
  if (cls === tuple) return Array.isArray(x) && pyIsTuple(x);
  if (cls === bool) return typeof x === "boolean";
  if (cls === dict) return (isDict(x) || x instanceof Map) && pyMappingOf(x) === null;
  // A number is int or float as type() tells them (a float the cell wrote, `1.0`, comes as a PyFloat).
  if (cls === int || cls === float) {
    if (typeof x === "boolean") return cls === int;
    return (typeof x === "number" || typeof x === "bigint" || x instanceof PyFloat) && type(x) === (cls as unknown);
  }
  if (typeof cls !== "function") throw new TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
  return x instanceof (cls as Class);
}

/** A class as `type(x)` returns it: callable as its constructor, with Python's `__name__`. */
// eslint-disable-next-line @typescript-eslint/ban-types
export type PyClass = Function & { readonly __name__: string };

const standIns = new Map<string, PyClass>();

/** Python's builtin type `name` where the dialect has no function of that name (bool, NoneType, dict, type, function). */
function builtinType(name: string): PyClass {
  let t = standIns.get(name);
  if (t === undefined) {
    const fn = function (): never {
      throw new TypeError(`cannot create '${name}' instances`);
    };
    Object.defineProperty(fn, "name", { value: name });
    t = asPyBuiltinType(fn, name) as unknown as PyClass;
    standIns.set(name, t);
  }
  return t;
}

/**
 * What `type(x)` is typed as: an untyped value (`any`: a parameter without a type, a caught error) may be
 * of any class, so its type compares with any class (`type(v) == float`, `type(e) == RuntimeError`). An
 * object's compares with its class and with Python's containers, as Python's does (`type(t) == list` of a
 * tensor or a dict is False, where TypeScript refused to compare types with no overlap).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PyTypeOf<T> = 0 extends 1 & T
  ? any
  : [T] extends [number]
    ? PyClass & (typeof int | typeof float)
    : [T] extends [string]
      ? PyClass & typeof str
      : [T] extends [readonly unknown[]]
        ? PyClass & (typeof list | typeof tuple)
        : [T] extends [object]
          ? (PyClass & (abstract new (...args: any[]) => T)) | (PyClass & (typeof list | typeof tuple | typeof dict))
          : PyClass;

/**
 * Python's `type(x)`: the class of `x`, printed as Python prints it (`<class 'torch.Tensor'>`,
 * `<class 'torch.nn.modules.linear.Linear'>`, `<class '__main__.Net'>`; a cell's value shows
 * `torch.Tensor` as IPython does), with `__name__` (`type(model).__name__` is `'Net'`). The same class
 * each time (`type(a) === type(b)`; `type(x) === torch.Tensor`). A JS number is `int` when it is
 * integral, else `float` (the dialect cannot tell `1.0` from `1`); arrays are `list` or `tuple`.
 * @example print(type(x))  // <class 'torch.Tensor'>
 */
export function type<T>(x: T): PyTypeOf<T>;
export function type(x: unknown): PyClass {
  if (x instanceof PyFloat) return float as unknown as PyClass;
  if (typeof x === "number") return (Number.isInteger(x) ? int : float) as unknown as PyClass;
  if (typeof x === "bigint") return int as unknown as PyClass;
  if (typeof x === "string") return str as unknown as PyClass;
  if (typeof x === "boolean") return bool as unknown as PyClass;
  if (x === null || x === undefined) return builtinType("NoneType");
  if (x instanceof Size) {
    definePyName(Size);
    return pyPublicClass(Size) as unknown as PyClass;
  }
  if (Array.isArray(x)) return (pyIsTuple(x) ? tuple : list) as unknown as PyClass;
  if (x instanceof PySet) return PySet as unknown as PyClass;
  if (typeof x === "function" && isClass(x)) return builtinType("type");
  // PyTorch makes a class per backward op: type(y.grad_fn) is <class 'MulBackward0'>.
  if (x instanceof Node) return builtinType(x._typeName());
  if (x instanceof AccumulateGrad) return builtinType(x.name());
  const proto = Object.getPrototypeOf(x) as { constructor?: unknown } | null;
  const cls = proto?.constructor;
  if (typeof x === "function" && (cls === Function || cls === undefined || !isClass(cls))) return builtinType("function");
  if (proto === null || cls === Object || x instanceof Map) {
    const mapping = pyMappingOf(x);
    return mapping === null ? (dict as unknown as PyClass) : builtinType(mapping);
  }
  nameLibraryClasses();
  const pyClass = x instanceof Error ? raisedAs(x, cls as object) : (cls as object);
  definePyName(pyClass);
  return pyPublicClass(pyClass) as PyClass;
}

/**
 * The class Python would say raised `error`: a library error that PyTorch raises as its base class
 * carries that class's name (src/errors.ts ShapeError is PyTorch's RuntimeError), so the nearest
 * class up its chain with that name; the error's own class otherwise.
 */
function raisedAs(error: Error, cls: object): object {
  for (let proto = Object.getPrototypeOf(error) as { constructor: { name: string; __name__?: string } } | null; proto !== null && proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
    if (!Object.prototype.hasOwnProperty.call(proto, "constructor") || (proto.constructor.__name__ ?? proto.constructor.name) !== error.name) continue;
    // The engine's TypeError ("x is not a function") is Python's TypeError, whose class here is torchlab's.
    return proto.constructor === globalThis.TypeError ? TypeError : proto.constructor;
  }
  return cls;
}

/**
 * Python's `divmod(a, b)`: `(a // b, a % b)` with Python's floor semantics (the remainder has b's sign).
 * @example divmod(-7, 2)  // (-4, 1)
 */
export function divmod(a: number, b: number): [number, number] {
  const [x, y]: unknown[] = [a, b];
  const float = x instanceof PyFloat || y instanceof PyFloat || !Number.isInteger(Number(a)) || !Number.isInteger(Number(b));
  [a, b] = [x instanceof PyFloat ? x.value : a, y instanceof PyFloat ? y.value : b];
  if (typeof a !== "number" || typeof b !== "number") throw new TypeError(`unsupported operand type(s) for divmod(): '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  if (b === 0) throw new ZeroDivisionError(float ? "float divmod()" : "integer division or modulo by zero");
  // CPython's float_divmod (src/pynumber.ts): `divmod(1, 0.1)` is (9.0, 0.09999999999999995), where Math.floor(1 / 0.1) is 10.
  const pair = asPyTuple([pynumber.floordiv(a, b, float), pynumber.mod(a, b, float)]) as [number, number];
  if (float) [0, 1].forEach((i) => markPyFloat(pair, i));
  return pair;
}

// ---------------------------------------------------------------- truth: bool, any, all, filter, reversed

/**
 * Python's `bool(x)`: the truth value Python gives `x`, where JavaScript's differs: an empty list, dict,
 * Map, set or string is False (JavaScript's `[]` and `{}` are true), NaN is True; a tensor's is that of
 * its one element (PyTorch's RuntimeError for more or none); an object's own `__bool__` or `__len__`.
 * @example bool([])  // False
 */
export function bool(x?: unknown): boolean {
  if (x === undefined || x === null) return false;
  if (x instanceof Tensor) return comparable(x) !== 0;
  if (typeof x === "number") return x !== 0;
  if (typeof x === "bigint") return x !== 0n;
  if (typeof x === "string") return x.length > 0;
  if (typeof x === "boolean") return x;
  const o = x as { __bool__?: () => unknown; __len__?: () => number; len?: () => number; length?: unknown };
  if (typeof o.__bool__ === "function") return Boolean(o.__bool__());
  if (Array.isArray(x)) return x.length > 0;
  if (x instanceof Map || x instanceof Set) return x.size > 0;
  if (typeof o.__len__ === "function") return o.__len__() > 0;
  if (x instanceof Range) return x.len() > 0;
  if (isDict(x)) return Object.keys(x).length > 0;
  return true;
}

/**
 * Python's `any(iterable)`: whether some item is true (Python's truth: see {@link bool}).
 * @example any(losses.map((l) => l > 10))
 */
export function any(iterable: PyIterable | Tensor): boolean {
  for (const x of fromIterator(pyIterator(iterable))) if (bool(x)) return true;
  return false;
}

/**
 * Python's `all(iterable)`: whether every item is true (True for none).
 * @example all([p.requires_grad for p in model.parameters()])
 */
export function all(iterable: PyIterable | Tensor): boolean {
  for (const x of fromIterator(pyIterator(iterable))) if (!bool(x)) return false;
  return true;
}

/**
 * Python's `filter(function, iterable)`: a lazy iterator of the items `function` finds true; `None`
 * keeps the true items (Python's truth: `filter(None, [0, 1, "", []])` keeps only 1).
 * @example list(filter((p) => p.requires_grad, model.parameters()))
 */
export function filter<X extends PyIterable>(fn: ((item: ItemOf<X>) => unknown) | null, iterable: X): IterableIterator<ItemOf<X>> {
  const it = pyIterator(iterable);
  const kept = (function* () {
    for (let r = it.next(); !r.done; r = it.next()) {
      if (fn !== null && typeof fn !== "function") throw new TypeError(`'${pyTypeName(fn)}' object is not callable`);
      if (bool(fn === null ? r.value : fn(r.value as ItemOf<X>))) yield r.value as ItemOf<X>;
    }
  })();
  return asPyObject(kept, "filter");
}

/**
 * Python's `reversed(seq)`: a lazy iterator from the last item of a list, tuple, string, range, dict
 * (its keys) or an object with `__len__` and `__getitem__`; an iterator or a set is Python's TypeError.
 * @example list(reversed([1, 2, 3]))  // [3, 2, 1]
 */
export function reversed<X extends PyIterable>(seq: X): IterableIterator<ItemOf<X>> {
  const x = seq as unknown;
  let items: unknown[];
  let name = "reversed";
  if (Array.isArray(x)) [items, name] = [x, pyIsTuple(x) ? "reversed" : "list_reverseiterator"];
  else if (typeof x === "string") items = [...x];
  else if (x instanceof Range) [items, name] = [[...x], "range_iterator"];
  else if (x instanceof Map || isDict(x)) [items, name] = [list(x as PyIterable), "dict_reversekeyiterator"];
  else if (x instanceof Tensor) items = list(x as unknown as PyIterable);
  else {
    const o = x as { __len__?: () => number; __getitem__?: (i: number) => unknown; len?: () => number; getitem?: (i: number) => unknown } | null;
    const size = o?.__len__ ?? o?.len;
    const get = o?.__getitem__ ?? o?.getitem;
    if (o === null || typeof size !== "function" || typeof get !== "function" || x instanceof Set) throw new TypeError(`'${pyTypeName(x)}' object is not reversible`);
    items = Array.from({ length: size.call(o) }, (_, i) => get.call(o, i));
  }
  const from = items;
  const it = (function* () {
    for (let i = from.length - 1; i >= 0; i--) yield from[i] as ItemOf<X>;
  })();
  return asPyObject(it, name);
}

// ---------------------------------------------------------------- dict

/** Python's `dict(...)` of pairs or a mapping, then keywords: a plain object when every key is a string, else a Map (int keys stay ints). */
function dictOf(source: unknown, kwargs: Record<string, unknown> | undefined): Record<string, unknown> | Map<unknown, unknown> {
  let pairs: [unknown, unknown][];
  if (source === undefined || source === null) pairs = [];
  else if (source instanceof Map) pairs = [...source.entries()];
  else if (isDict(source)) pairs = Object.entries(source);
  else {
    pairs = list(source as PyIterable).map((item, i) => {
      const kv = typeof item === "string" || (item !== null && typeof item === "object" && Symbol.iterator in item) ? list(item as PyIterable) : null;
      if (kv === null) throw new TypeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
      if (kv.length !== 2) throw new ValueError(`dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
      return kv as [unknown, unknown];
    });
  }
  // `dict(zip(names, [1.0, 2.0]))`: the pairs whose value is a float they hold as Python's.
  const floatPairs = pairs.filter((kv) => isPyFloatAt(kv, 1));
  if (kwargs !== undefined) pairs.push(...Object.entries(kwargs));
  if (source instanceof Map || !pairs.every(([k]) => typeof k === "string")) {
    // Python's 1, 1.0 and True are one key, and tuples equal by value.
    const m = new PyMap<unknown, unknown>();
    for (const [k, v] of pairs) m.set(k, v);
    return m;
  }
  const d: Record<string, unknown> = {};
  for (const [k, v] of pairs) d[k as string] = v;
  // `dict(lr=1.0)`, `dict(cfg)`: a float the cell wrote stays Python's float.
  for (const from of [source, kwargs]) {
    if (!isDict(from)) continue;
    for (const k of Object.keys(from)) if (isPyFloatAt(from, k) && Object.is(d[k], from[k])) markPyFloat(d, k);
  }
  for (const [k, v] of floatPairs) if (Object.is(d[k as string], v)) markPyFloat(d, k as string);
  return d;
}

/**
 * Python's `dict(...)`: `dict(a=1, b=2)` (keywords), `dict(zip(keys, values))` and `dict([["k", 1]])`
 * (pairs), `dict(mapping)` (a copy), `dict(pairs, b=2)`. A dict of string keys is a plain object, as
 * the dialect's dict literal; any other key makes a Map, so `dict([[1, "a"]])` prints `{1: 'a'}`.
 * @example dict(zip(["x", "y"], [1, 2]))  // {'x': 1, 'y': 2}
 */
export function dict(): Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export function dict<K, V>(mapping: ReadonlyMap<K, V>): Map<K, V>;
export function dict<V>(items: Iterable<readonly [string, V]>, kwargs?: Record<string, V>): Record<string, V>;
export function dict<K, V>(items: Iterable<readonly [K, V]>, kwargs?: Record<string, V>): Map<K | string, V>;
export function dict<V>(mapping: Record<string, V>, kwargs?: Record<string, V>): Record<string, V>;
export function dict(source?: unknown, kwargs?: Record<string, unknown>): Record<string, unknown> | Map<unknown, unknown> {
  return dictOf(source, kwargs);
}

// ---------------------------------------------------------------- integers: pow, hex, oct, bin, ord, chr, hash

/** `a ** b % m` of integers, exactly (a negative `b` is the inverse of `a` modulo m, as Python 3.8's). */
function powMod(a: number, b: number, m: number): number {
  if (m === 0) throw new ValueError("pow() 3rd argument cannot be 0");
  const M = BigInt(m);
  const mod = (v: bigint): bigint => ((v % M) + M) % M;
  let base = mod(BigInt(a));
  let e = BigInt(b);
  if (e < 0n) {
    // The inverse by the extended Euclidean algorithm.
    let [r0, r1, s0, s1] = [mod(base), M < 0n ? -M : M, 1n, 0n];
    while (r1 !== 0n) {
      const q = r0 / r1;
      [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
    }
    if (r0 !== 1n) throw new ValueError("base is not invertible for the given modulus");
    base = mod(s0);
    e = -e;
  }
  let result = mod(1n);
  for (; e > 0n; e >>= 1n) {
    if (e & 1n) result = mod(result * base);
    base = mod(base * base);
  }
  // mod() already gives the modulus's sign, as Python's result has.
  return Number(result);
}

/**
 * Python's `pow(base, exp, mod=None)`: `base ** exp` (a tensor's pow for a tensor), or with `mod`,
 * `base ** exp % mod` of integers computed exactly (no overflow on the way).
 * @example pow(3, 4, 5)  // 1
 */
export function pow(base: number, exp: number, mod?: number | null): number;
export function pow(base: Tensor, exp: Tensor | number): Tensor;
export function pow(base: number | Tensor, exp: number | Tensor, mod?: number | null): number | Tensor {
  if (base instanceof Tensor) return base.pow(exp);
  if (typeof base !== "number" || typeof exp !== "number") throw new TypeError(`unsupported operand type(s) for ** or pow(): '${pyTypeName(base)}' and '${pyTypeName(exp)}'`);
  if (mod !== undefined && mod !== null) {
    if (![base, exp, mod].every((v) => Number.isInteger(v))) throw new TypeError("pow() 3rd argument not allowed unless all arguments are integers");
    return powMod(base, exp, mod);
  }
  if (base === 0 && exp < 0) throw new ZeroDivisionError("0.0 cannot be raised to a negative power");
  return base ** exp;
}

function radix(x: number | boolean, base: number, prefix: string): string {
  const n = index(x);
  return `${n < 0 ? "-" : ""}${prefix}${BigInt(Math.abs(n)).toString(base)}`;
}

/** Python's `hex(255)`: `'0xff'` (`'-0xff'` for a negative). */
export function hex(x: number | boolean): string {
  return radix(x, 16, "0x");
}

/** Python's `oct(8)`: `'0o10'`. */
export function oct(x: number | boolean): string {
  return radix(x, 8, "0o");
}

/** Python's `bin(5)`: `'0b101'`. */
export function bin(x: number | boolean): string {
  return radix(x, 2, "0b");
}

/** Python's `ord(c)`: the code point of a one-character string (a character past U+FFFF included). */
export function ord(c: string): number {
  if (typeof c !== "string") throw new TypeError(`ord() expected string of length 1, but ${pyTypeName(c)} found`);
  const chars = [...c];
  if (chars.length !== 1) throw new TypeError(`ord() expected a character, but string of length ${chars.length} found`);
  return chars[0].codePointAt(0)!;
}

/** Python's `chr(i)`: the one-character string of code point `i`. */
export function chr(i: number | boolean): string {
  const n = index(i);
  if (n < 0 || n > 0x10ffff) throw new ValueError("chr() arg not in range(0x110000)");
  return String.fromCodePoint(n);
}

const HASH_MODULUS = (1n << 61n) - 1n;
/** What None's identity hash is taken from (Python's None hashes by its address). */
const NONE_IDENTITY = {};
const U64 = (1n << 64n) - 1n;

/** CPython's hash of a number: its exact value modulo 2**61 - 1 (so 1, 1.0 and True hash alike), -1 made -2. */
function numberHash(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (!Number.isFinite(x)) return x > 0 ? 314159n : -314159n;
  // x = mantissa * 2**exp exactly, mantissa an integer.
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  let h = BigInt(m) % HASH_MODULUS;
  // Dividing by 2**-e is multiplying by 2**(61 - (-e mod 61)) modulo 2**61 - 1, as 2**61 is 1 there.
  const shift = BigInt(((e % 61) + 61) % 61);
  h = ((h << shift) | 0n) % HASH_MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** CPython 3.11's tuple hash (its xxHash-based tuplehash) of the items' hashes. */
function tupleHash(items: readonly unknown[]): bigint {
  const P1 = 11400714785074694791n;
  const P2 = 14029467366897019727n;
  const P5 = 2870177450012600261n;
  let acc = P5;
  for (const item of items) {
    const lane = hashOf(item) & U64;
    acc = (acc + lane * P2) & U64;
    acc = ((acc << 31n) | (acc >> 33n)) & U64;
    acc = (acc * P1) & U64;
  }
  acc = (acc + (BigInt(items.length) ^ (P5 ^ 3527539n))) & U64;
  if (acc === U64) return 1546275796n;
  return acc >= 1n << 63n ? acc - (1n << 64n) : acc;
}

function hashOf(x: unknown): bigint {
  if (typeof x === "number") return numberHash(x);
  if (typeof x === "boolean") return BigInt(Number(x));
  if (typeof x === "bigint") return numberHash(Number(x));
  if (x === null || x === undefined) return BigInt(parseInt(objectAddress(NONE_IDENTITY), 16)) >> 4n;
  if (typeof x === "string") {
    // Python salts str hashes per process (PYTHONHASHSEED); any fixed value is as good: FNV-1a, 61 bits.
    let h = 0xcbf29ce484222325n;
    for (const c of x) h = ((h ^ BigInt(c.codePointAt(0)!)) * 0x100000001b3n) & U64;
    return h % HASH_MODULUS;
  }
  // The dialect writes Python's tuples as arrays: an array hashes as the tuple of its items.
  if (Array.isArray(x)) return tupleHash(x);
  if (x instanceof Map || x instanceof Set || isDict(x)) throw new TypeError(`unhashable type: '${pyTypeName(x)}'`);
  const own = (x as { __hash__?: () => unknown }).__hash__;
  if (typeof own === "function") return BigInt(own.call(x) as number);
  // Any other object hashes by identity, as Python's default (its address / 16).
  return BigInt(parseInt(objectAddress(x as object), 16)) >> 4n;
}

/**
 * Python's `hash(x)`: CPython's value for numbers (`hash(1) === hash(1.0) === hash(True)`, `hash(-1)`
 * is -2, `hash(0.5)` is 2**60) and tuples (an array is hashed as the tuple of its items), an identity
 * hash for other objects, Python's TypeError for a dict or set. A str's hash is fixed per string here,
 * where Python salts it per process. A hash past 2**53 is a bigint, so that it prints exactly.
 */
export function hash(x: unknown): number | bigint {
  const h = hashOf(x);
  return h >= -(2n ** 53n) && h <= 2n ** 53n ? Number(h) : h;
}

asPyBuiltinType(int, "int");
asPyBuiltinType(float, "float");
asPyBuiltinType(str, "str");
asPyBuiltinType(list, "list");
asPyBuiltinType(tuple, "tuple");
asPyBuiltinType(PySet, "set");
asPyBuiltinType(dict, "dict");
asPyBuiltinType(bool, "bool");
