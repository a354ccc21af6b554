/**
 * `x[0]` on a Tensor (or a Dataset) compiles in TypeScript but is not PyTorch's indexing: without a
 * guard it reads `undefined` and the mistake surfaces much later ("undefined" printed as a class
 * name). Two layers, both off the fast paths:
 * - keys 0 .. GUARDED_KEYS-1 and -1 .. -16 are accessors on the prototype that throw on read and on
 *   write. Integer keys live in V8's elements store, apart from the named properties, so method and
 *   field lookups stay as fast as before (2e6 reads of dim()/requires_grad/ndim and small-op loops
 *   showed no difference; installing takes ~10 ms at import).
 * - every other integer key (`x[5000]`) is caught on read by a Proxy at the end of the prototype
 *   chain (between the class's prototype and Object.prototype). Only lookups that found nothing
 *   reach it, so hits never pay; a miss costs ~0.1 us instead of ~1 ns (no code path of the library
 *   looks up absent Tensor properties in a loop: small-op loops measured the same). The Proxy has no
 *   `set` trap: a trap would run for every field a constructor initialises (ES2020 class fields are
 *   assignments), which doubled the cost of small ops. So a write past GUARDED_KEYS is not caught.
 */
import { TypeError } from "../errors";

export const GUARDED_KEYS = 4096;

/** A canonical integer property key ("0", "5000", "-1"), as `x[5000]` or `x[-1]` produces. */
const INTEGER_KEY = /^-?(0|[1-9][0-9]*)$/;

/**
 * Makes `obj[i]` throw a TypeError naming the method to use, for every integer key `i` (negative
 * ones too, PyTorch's indices from the end), and `obj[i] = v` for the small ones.
 */
export function guardNumericIndex(proto: object, what: string, read: (i: string) => string, write: (i: string) => string): void {
  const readError = (key: string): TypeError => new TypeError(`${what}[${key}] is not supported outside a notebook cell: use ${read(key)}`);
  const define = (key: string): void => {
    Object.defineProperty(proto, key, {
      configurable: true,
      enumerable: false,
      get() {
        throw readError(key);
      },
      set() {
        throw new TypeError(`${what}[${key}] = ... is not supported outside a notebook cell: use ${write(key)}`);
      },
    });
  };
  for (let i = 0; i < GUARDED_KEYS; i++) define(String(i));
  for (let i = 1; i <= 16; i++) define(String(-i));
  const guard = new Proxy(Object.getPrototypeOf(proto) as object, {
    get(target, key, receiver) {
      if (typeof key === "string" && INTEGER_KEY.test(key)) throw readError(key);
      return Reflect.get(target, key, receiver);
    },
  });
  Object.setPrototypeOf(proto, guard);
}
