/**
 * Python's `itertools` as a notebook writes it: `product` (`for v in product(*params.values())`, a grid
 * of hyper-parameters: the cartesian product, the last iterable advancing fastest), `chain`,
 * `combinations`, `permutations`, `islice`, `accumulate`, `groupby`, `count`, `cycle`, `repeat`,
 * `zip_longest`. Each is lazy where Python's is, and each combination is a tuple.
 */
import { asPyObject, asPyTuple, pyTypeName } from "./pyrepr";
import { TypeError, ValueError } from "./errors";
import { iter, list, type ItemOf, type PyIterable } from "./builtins";

/**
 * Python's `itertools.product(*iterables, repeat=1)`.
 *
 * @example [...product([1, 2], ['a', 'b'])]  // [(1, 'a'), (1, 'b'), (2, 'a'), (2, 'b')]
 */
export function product<T = any>(...args: (Iterable<T> | { repeat?: number })[]): IterableIterator<T[]>;
export function product(...args: (string | Iterable<unknown> | { repeat?: number })[]): IterableIterator<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
export function product<T = any>(...args: (Iterable<T> | { repeat?: number })[]): IterableIterator<T[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let repeat = 1;
  const last = args[args.length - 1];
  if (last !== null && typeof last === "object" && !(Symbol.iterator in last)) {
    repeat = (last as { repeat?: number }).repeat ?? 1;
    args = args.slice(0, -1);
  }
  if (!Number.isInteger(repeat) || repeat < 0) throw new TypeError(`repeat argument must be a non-negative integer, got ${repeat}`);
  const pools: T[][] = [];
  args.forEach((a) => {
    if (typeof a !== "string" && (a === null || typeof a !== "object" || !(Symbol.iterator in a))) throw new TypeError(`'${pyTypeName(a)}' object is not iterable`);
  });
  for (let r = 0; r < repeat; r++) for (const a of args) pools.push(list(a as Iterable<T>) as T[]);
  function* combos(): IterableIterator<T[]> {
    if (pools.some((p) => p.length === 0)) return;
    const idx = pools.map(() => 0);
    for (;;) {
      yield asPyTuple(idx.map((i, k) => pools[k][i]));
      let k = pools.length - 1;
      while (k >= 0 && ++idx[k] === pools[k].length) idx[k--] = 0;
      if (k < 0) return;
    }
  }
  return asPyObject(combos(), "itertools.product");
}

/** Python's TypeError for an argument that must be a non-negative int. */
function count_(n: unknown, what: string): number {
  if (typeof n !== "number" || !Number.isInteger(n)) throw new TypeError(`'${pyTypeName(n)}' object cannot be interpreted as an integer`);
  if (n < 0) throw new ValueError(`${what} must be non-negative`);
  return n;
}

/**
 * Python's `itertools.chain(*iterables)`: the items of each in turn; `chain.from_iterable(xss)` takes
 * the iterables from one iterable.
 * @example list(chain([1], [2, 3]))  // [1, 2, 3]
 */
function from_iterable<X extends PyIterable>(iterables: Iterable<X>): IterableIterator<ItemOf<X>> {
  const outer = iter(iterables as PyIterable);
  return asPyObject((function* () {
    for (const it of outer) yield* iter(it as PyIterable) as IterableIterator<ItemOf<X>>;
  })(), "itertools.chain");
}

export const chain = Object.assign(
  <X extends PyIterable>(...iterables: X[]): IterableIterator<ItemOf<X>> => from_iterable(iterables),
  { from_iterable },
);

/**
 * Python's `itertools.combinations(iterable, r)`: the r-long tuples of items in their order, without repeats.
 * @example list(combinations([1, 2, 3], 2))  // [(1, 2), (1, 3), (2, 3)]
 */
export function combinations<X extends PyIterable>(iterable: X, r: number | { r: number }): IterableIterator<ItemOf<X>[]> {
  const pool = list(iterable) as ItemOf<X>[];
  const k = count_(typeof r === "object" ? r.r : r, "r");
  return asPyObject((function* () {
    const n = pool.length;
    if (k > n) return;
    const idx = Array.from({ length: k }, (_, i) => i);
    for (;;) {
      yield asPyTuple(idx.map((i) => pool[i]));
      let i = k - 1;
      while (i >= 0 && idx[i] === i + n - k) i--;
      if (i < 0) return;
      idx[i]++;
      for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
    }
  })(), "itertools.combinations");
}

/**
 * Python's `itertools.permutations(iterable, r=None)`: the r-long orderings of the items (all of them without r).
 * @example list(permutations("ab"))  // [('a', 'b'), ('b', 'a')]
 */
export function permutations<X extends PyIterable>(iterable: X, r?: number | null | { r?: number | null }): IterableIterator<ItemOf<X>[]> {
  const pool = list(iterable) as ItemOf<X>[];
  const given = r !== null && typeof r === "object" ? r.r : r;
  const k = given === undefined || given === null ? pool.length : count_(given, "r");
  return asPyObject((function* () {
    const n = pool.length;
    if (k > n) return;
    // CPython's algorithm (its docs' pure-Python equivalent), so the order is Python's.
    const idx = Array.from({ length: n }, (_, i) => i);
    const cycles = Array.from({ length: k }, (_, i) => n - i);
    yield asPyTuple(idx.slice(0, k).map((i) => pool[i]));
    for (;;) {
      let i = k - 1;
      for (; i >= 0; i--) {
        cycles[i]--;
        if (cycles[i] === 0) {
          idx.push(...idx.splice(i, 1));
          cycles[i] = n - i;
        } else {
          const j = n - cycles[i];
          [idx[i], idx[j]] = [idx[j], idx[i]];
          yield asPyTuple(idx.slice(0, k).map((x) => pool[x]));
          break;
        }
      }
      if (i < 0) return;
    }
  })(), "itertools.permutations");
}

/**
 * Python's `itertools.islice(iterable, stop)` / `islice(iterable, start, stop[, step])`: those items,
 * taken lazily (so it bounds an endless `count()` or `cycle()`).
 * @example list(islice("abcdef", 1, 5, 2))  // ['b', 'd']
 */
export function islice<X extends PyIterable>(iterable: X, ...bounds: (number | null)[]): IterableIterator<ItemOf<X>> {
  if (bounds.length === 0 || bounds.length > 3) throw new TypeError(`islice expected at most 4 arguments, got ${bounds.length + 1}`);
  const [start, stop, step] = bounds.length === 1 ? [0, bounds[0], 1] : [bounds[0] ?? 0, bounds[1], bounds[2] ?? 1];
  const bad = (v: unknown) => v !== null && v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < 0);
  if (bad(start) || bad(stop)) throw new ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (typeof step !== "number" || !Number.isInteger(step) || step < 1) throw new ValueError("Step for islice() must be a positive integer or None.");
  const it = iter(iterable);
  return asPyObject((function* () {
    let next = start as number;
    for (let i = 0; stop === null || stop === undefined || i < stop; i++) {
      const r = it.next();
      if (r.done) return;
      if (i === next) {
        yield r.value;
        next += step;
      }
    }
  })(), "itertools.islice");
}

/**
 * Python's `itertools.accumulate(iterable, func=operator.add, *, initial=None)`: the running totals
 * (or running `func(total, item)`).
 * @example list(accumulate([1, 2, 3]))  // [1, 3, 6]
 */
export function accumulate<T>(iterable: Iterable<T>, func?: ((total: T, item: T) => T) | null | { initial?: T | null }, options: { initial?: T | null } = {}): IterableIterator<T> {
  let f = func;
  if (f !== null && f !== undefined && typeof f === "object") {
    options = f;
    f = undefined;
  }
  const step = (f ?? ((a: T, b: T) => ((a as unknown as number) + (b as unknown as number)) as unknown as T)) as (total: T, item: T) => T;
  const it = iter(iterable as PyIterable) as IterableIterator<T>;
  return asPyObject((function* () {
    let total: T | undefined = options.initial ?? undefined;
    let started = total !== undefined;
    if (started) yield total as T;
    for (const x of it) {
      total = started ? step(total as T, x) : x;
      started = true;
      yield total;
    }
  })(), "itertools.accumulate");
}

/**
 * Python's `itertools.groupby(iterable, key=None)`: (key, group) tuples of consecutive items with equal
 * keys; each group an iterator over those items (valid until the next group is asked for, as Python's).
 * @example list(groupby("aabbc")).map(([k, g]) => [k, list(g)])  // [['a', ['a', 'a']], ...]
 */
export function groupby<X extends PyIterable, K = ItemOf<X>>(iterable: X, key?: ((item: ItemOf<X>) => K) | null | { key?: ((item: ItemOf<X>) => K) | null }): IterableIterator<[K, IterableIterator<ItemOf<X>>]> {
  const keyFn = (key !== null && typeof key === "object" ? key.key : key) ?? ((v: ItemOf<X>) => v as unknown as K);
  const it = iter(iterable) as IterableIterator<ItemOf<X>>;
  return asPyObject((function* () {
    let r = it.next();
    while (!r.done) {
      const k = keyFn(r.value);
      const items: ItemOf<X>[] = [r.value];
      for (r = it.next(); !r.done && keyFn(r.value) === k; r = it.next()) items.push(r.value);
      yield asPyTuple([k, asPyObject(items[Symbol.iterator](), "itertools._grouper")]) as [K, IterableIterator<ItemOf<X>>];
    }
  })(), "itertools.groupby");
}

/**
 * Python's `itertools.count(start=0, step=1)`: start, start + step, ... without end.
 * @example list(islice(count(5, 2), 3))  // [5, 7, 9]
 */
export function count(start = 0, step = 1): IterableIterator<number> {
  return asPyObject((function* () {
    for (let i = 0; ; i++) yield start + i * step;
  })(), "itertools.count");
}

/**
 * Python's `itertools.cycle(iterable)`: its items over and over (none when it is empty).
 * @example list(islice(cycle("ab"), 3))  // ['a', 'b', 'a']
 */
export function cycle<X extends PyIterable>(iterable: X): IterableIterator<ItemOf<X>> {
  const it = iter(iterable);
  return asPyObject((function* () {
    const saved: ItemOf<X>[] = [];
    for (const x of it) {
      saved.push(x);
      yield x;
    }
    if (saved.length === 0) return;
    for (;;) yield* saved;
  })(), "itertools.cycle");
}

/**
 * Python's `itertools.repeat(object, times=None)`: `object` `times` times, or without end.
 * @example list(repeat(7, 3))  // [7, 7, 7]
 */
export function repeat<T>(object: T, times?: number | null | { times?: number | null }): IterableIterator<T> {
  const n = times !== null && typeof times === "object" ? times.times : times;
  return asPyObject((function* () {
    for (let i = 0; n === undefined || n === null || i < n; i++) yield object;
  })(), "repeat");
}

/**
 * Python's `itertools.zip_longest(*iterables, fillvalue=None)`: tuples until the longest ends, the
 * shorter ones filled with `fillvalue`.
 * @example list(zip_longest([1, 2], "a"))  // [(1, 'a'), (2, None)]
 */
export function zip_longest(...args: [...PyIterable[], { fillvalue?: unknown }]): IterableIterator<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
export function zip_longest(...iterables: PyIterable[]): IterableIterator<any[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
export function zip_longest(...args: unknown[]): IterableIterator<unknown[]> {
  const last = args[args.length - 1];
  let fill: unknown = null;
  if (last !== null && typeof last === "object" && !(Symbol.iterator in last) && "fillvalue" in last) {
    fill = (last as { fillvalue: unknown }).fillvalue;
    args = args.slice(0, -1);
  }
  const its = args.map((a) => iter(a as PyIterable));
  return asPyObject((function* () {
    if (its.length === 0) return;
    const done = its.map(() => false);
    for (;;) {
      const row = its.map((it, i) => {
        if (done[i]) return fill;
        const r = it.next();
        if (r.done) done[i] = true;
        return r.done ? fill : r.value;
      });
      if (done.every((d) => d)) return;
      yield asPyTuple(row);
    }
  })(), "itertools.zip_longest");
}
