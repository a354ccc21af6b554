/**
 * `x[0]` on a Tensor (or a Dataset) compiles in TypeScript but is not PyTorch's indexing: without a
 * guard it reads `undefined` and the mistake surfaces much later ("undefined" printed as a class
 * name). A Proxy would catch it but costs on every property access of every tensor, so instead the
 * small integer keys are accessors on the prototype that throw. Integer keys live in V8's elements
 * store, apart from the named properties, so method and field lookups stay as fast as before
 * (measured: 2e6 reads of dim()/requires_grad/ndim, and small-op loops, showed no difference with
 * and without the guard; installing it takes ~10 ms at import). Keys past GUARDED_KEYS still read
 * undefined.
 */
import { TypeError } from "../errors";

export const GUARDED_KEYS = 4096;

/**
 * Makes `obj[i]` and `obj[i] = v` throw a TypeError naming the method to use, for integer keys
 * 0 .. GUARDED_KEYS-1 and -1 .. -16 (PyTorch's negative indices).
 */
export function guardNumericIndex(proto: object, what: string, read: (i: string) => string, write: (i: string) => string): void {
  const define = (key: string): void => {
    Object.defineProperty(proto, key, {
      configurable: true,
      enumerable: false,
      get() {
        throw new TypeError(`${what}[${key}] is not supported outside a notebook cell: use ${read(key)}`);
      },
      set() {
        throw new TypeError(`${what}[${key}] = ... is not supported outside a notebook cell: use ${write(key)}`);
      },
    });
  };
  for (let i = 0; i < GUARDED_KEYS; i++) define(String(i));
  for (let i = 1; i <= 16; i++) define(String(-i));
}
