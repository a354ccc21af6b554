/**
 * Python's `itertools.product` as a notebook writes it (`for v in product(*params.values())`, a grid of
 * hyper-parameters): the cartesian product of the iterables, each combination a tuple, the last
 * iterable advancing fastest.
 */
import { asPyTuple, pyTypeName } from "./pyrepr";
import { TypeError } from "./errors";

/**
 * Python's `itertools.product(*iterables, repeat=1)`.
 *
 * @example [...product([1, 2], ['a', 'b'])]  // [(1, 'a'), (1, 'b'), (2, 'a'), (2, 'b')]
 */
export function product<T = any>(...args: (Iterable<T> | { repeat?: number })[]): IterableIterator<T[]> {
  let repeat = 1;
  const last = args[args.length - 1];
  if (last !== null && typeof last === "object" && !(Symbol.iterator in last)) {
    repeat = (last as { repeat?: number }).repeat ?? 1;
    args = args.slice(0, -1);
  }
  if (!Number.isInteger(repeat) || repeat < 0) throw new TypeError(`repeat argument must be a non-negative integer, got ${repeat}`);
  const pools: T[][] = [];
  args.forEach((a) => {
    if (a === null || typeof a !== "object" || !(Symbol.iterator in a)) throw new TypeError(`'${pyTypeName(a)}' object is not iterable`);
  });
  for (let r = 0; r < repeat; r++) for (const a of args) pools.push([...(a as Iterable<T>)]);
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
  return combos();
}
