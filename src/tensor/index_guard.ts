/**
 * `x[0]` on a Tensor (or a Dataset) compiles in TypeScript but is not PyTorch's indexing: without a
 * guard it reads `undefined` and the mistake surfaces much later ("undefined" printed as a class
 * name), and `x[0] = v` silently adds a property. Two layers, both off the fast paths:
 * - keys 0 .. GUARDED_KEYS-1 and -1 .. -16 are accessors on the prototype that throw on read and on
 *   write. Integer keys live in V8's elements store, apart from the named properties, so method and
 *   field lookups stay as fast as before (2e6 reads of dim()/requires_grad/ndim and small-op loops
 *   showed no difference; installing takes ~10 ms at import).
 * - every other integer key (`x[5000]`, read or written) and, where the caller asks, other keys
 *   (`x[[0, 2]]` reaches the object as the string key "0,2") are caught by a Proxy at the end of the
 *   prototype chain (between the class's prototype and Object.prototype). Only lookups that found
 *   nothing reach it, so hits never pay. A write reaches its `set` trap whenever the receiver has no
 *   such property yet, which includes every field a constructor initialises (ES2020 class fields are
 *   assignments): a trap on each of those doubled the cost of small ops. So the trap learns: the first
 *   write of a non-integer key defines it on the guarded prototype as a writable data property (value
 *   undefined, not enumerable), and from then on such writes stop at the prototype and create the own
 *   property as before, without reaching the Proxy. Reads of an absent field still give undefined.
 */
import { TypeError } from "../errors";

export const GUARDED_KEYS = 4096;

/** A canonical integer property key ("0", "5000", "-1"), as `x[5000]` or `x[-1]` produces. */
const INTEGER_KEY = /^-?(0|[1-9][0-9]*)$/;

/** How a guard reports a key that is not an integer: an error to throw, or undefined to let it pass. */
export type KeyCheck = (key: string, write: boolean) => Error | undefined;

/**
 * Makes `obj[i]` and `obj[i] = v` throw a TypeError naming the method to use, for every integer key
 * `i` (negative ones too, PyTorch's indices from the end); `other` may reject further string keys.
 */
export function guardNumericIndex(proto: object, what: string, read: (i: string) => string, write: (i: string) => string, other?: KeyCheck): void {
  const readError = (key: string): TypeError => new TypeError(`${what}[${key}] is not supported outside a notebook cell: use ${read(key)}`);
  const writeError = (key: string): TypeError => new TypeError(`${what}[${key}] = ... is not supported outside a notebook cell: use ${write(key)}`);
  const define = (key: string): void => {
    Object.defineProperty(proto, key, {
      configurable: true,
      enumerable: false,
      get() {
        throw readError(key);
      },
      set() {
        throw writeError(key);
      },
    });
  };
  for (let i = 0; i < GUARDED_KEYS; i++) define(String(i));
  for (let i = 1; i <= 16; i++) define(String(-i));
  const guard = new Proxy(Object.getPrototypeOf(proto) as object, {
    get(target, key, receiver) {
      if (typeof key === "string") {
        if (INTEGER_KEY.test(key)) throw readError(key);
        const e = other?.(key, false);
        if (e) throw e;
      }
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (typeof key === "string") {
        if (INTEGER_KEY.test(key)) throw writeError(key);
        const e = other?.(key, true);
        if (e) throw e;
      }
      // Learn the field (see above) unless Object.prototype has it (`__proto__`, an accessor).
      if (receiver !== proto && !(key in target)) {
        Object.defineProperty(proto, key, { value: undefined, writable: true, enumerable: false, configurable: true });
      }
      return Reflect.set(target, key, value, receiver);
    },
  });
  Object.setPrototypeOf(proto, guard);
}
