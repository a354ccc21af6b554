/**
 * Python's functools.partial: `collate_fn = partial(custom_collate_fn, window_size=2, word_to_ix=word_to_ix)`
 * (CS224n's DataLoader), a callable that calls `func` with the arguments given first, then its own,
 * and the keywords given first (a keyword given at the call wins, as in Python).
 *
 * Keywords reach a notebook's own function by parameter name, which only the kernel can read
 * (kernel/keyword_call.ts registers itself here through setKeywordCaller); outside a notebook they go
 * in a trailing options object, torchlab's convention for its own API. A notebook call with keywords
 * (`partial(f, a=1)`, `p(x, b=2)`) reaches `partial` and a partial object through CALL_WITH_KEYWORDS,
 * the hook kernel/keyword_call.ts calls instead of placing the keywords itself.
 */
import { TypeError } from "./errors";
import { repr } from "./builtins";
import { objectAddress } from "./pyrepr";

/** A callable's hook for a call with keywords: `(args, keywords) => result`. */
export const CALL_WITH_KEYWORDS = Symbol.for("torchlab.call_with_keywords");

type Keywords = Record<string, unknown>;
type Caller = (f: Function, args: unknown[], keywords: Keywords) => unknown;

/** Keywords as torchlab's API takes them: one trailing options object (none when there are none). */
let callWithKeywords: Caller = (f, args, keywords) => (Object.keys(keywords).length > 0 ? f(...args, keywords) : f(...args));

/** @internal The kernel's placement of keywords by parameter name (kernel/keyword_call.ts). */
export function setKeywordCaller(caller: Caller): void {
  callWithKeywords = caller;
}

/**
 * What `partial(...)` returns: callable, with Python's `func`, `args` and `keywords`. Untyped, as
 * Python's partial object is (its keywords are placed when it runs), so `DataLoader(data,
 * collate_fn=partial(...))` yields untyped batches.
 */
export interface Partial {
  (...args: any[]): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly func: Function; // eslint-disable-line @typescript-eslint/ban-types
  readonly args: unknown[];
  readonly keywords: Keywords;
}

function make(func: Function, args: unknown[], keywords: Keywords): Partial { // eslint-disable-line @typescript-eslint/ban-types
  if (typeof func !== "function") throw new TypeError("the first argument must be callable");
  const call = (more: unknown[], moreKeywords: Keywords): unknown => callWithKeywords(func, [...args, ...more], { ...keywords, ...moreKeywords });
  const p = ((...more: unknown[]) => call(more, {})) as Partial;
  Object.defineProperties(p, {
    func: { value: func, enumerable: true },
    args: { value: args, enumerable: true },
    keywords: { value: keywords, enumerable: true },
    [CALL_WITH_KEYWORDS]: { value: (more: unknown[], moreKeywords: Keywords) => call(more, moreKeywords) },
    __repr__: { value: () => `functools.partial(${[reprOf(func), ...args.map((a) => repr(a)), ...Object.entries(keywords).map(([k, v]) => `${k}=${repr(v)}`)].join(", ")})` },
  });
  return p;
}

/** `<function name at 0x...>`, as Python's repr of a function. */
function reprOf(f: Function): string {
  return `<function ${f.name || "<lambda>"} at ${objectAddress(f)}>`;
}

/**
 * `functools.partial(func, *args, **keywords)`: `func` with its first arguments and keywords fixed.
 * @example const add3 = partial((a: number, b: number) => a + b, 3); add3(4)  // 7
 */
export function partial(func: Function, ...args: any[]): Partial { // eslint-disable-line @typescript-eslint/no-explicit-any, @typescript-eslint/ban-types
  return make(func, args, {});
}
Object.defineProperty(partial, CALL_WITH_KEYWORDS, {
  value: (args: unknown[], keywords: Keywords) => make(args[0] as Function, args.slice(1), keywords), // eslint-disable-line @typescript-eslint/ban-types
});

/**
 * Python's functools.reduce: folds `iterable` from the left with `fn`, starting from `initial` when
 * given (fast.ai's `reduce(lambda val, layer: layer(val), self.layers, x)`), else from the first item.
 *
 * @example
 * reduce((a, b) => a + b, [1, 2, 3], 10) // 16
 */
export function reduce<T>(fn: (acc: T, item: T) => T, iterable: Iterable<T>): T;
export function reduce<T, A>(fn: (acc: A, item: T) => A, iterable: Iterable<T>, initial: A): A;
export function reduce(fn: (acc: unknown, item: unknown) => unknown, iterable: Iterable<unknown>, ...initial: unknown[]): unknown {
  if (typeof fn !== "function") throw new TypeError(`'${typeof fn}' object is not callable`);
  const it = iterable[Symbol.iterator]();
  let acc: unknown;
  if (initial.length > 0) acc = initial[0];
  else {
    const first = it.next();
    if (first.done) throw new TypeError("reduce() of empty iterable with no initial value");
    acc = first.value;
  }
  for (let r = it.next(); !r.done; r = it.next()) acc = fn(acc, r.value);
  return acc;
}
