/**
 * Python's membership test `x in y` (and `not x in y`, written `!(x in y)`), which JavaScript's `in`
 * answers about property names: `2 in [1, 2]` asks for index 2 (false), `1 in new Set([1])` and
 * `"a" in new Map(...)` for properties (false), and `"a" in "abc"` throws. The dialect
 * (kernel/rewrite.ts) calls {@link contains} where y is typed as an array, tuple, Set, Map, string,
 * Tensor or `any`; a plain object or class instance keeps JavaScript's `in`, which for a dict's
 * string keys is Python's key test.
 */
import { isDict } from "./builtins";
import { RuntimeError, TypeError } from "./errors";
import { sameItem } from "./pylist";
import { pyTypeName } from "./pyrepr";
import { Tensor } from "./tensor/tensor";
import { mapKey } from "./pyhash";

/**
 * Python's `x in container`: an array's (a list's, tuple's, dict view's) items by `is` or `==`, a Set's
 * or Map's keys, a substring of a string (a non-string x is Python's TypeError), PyTorch's
 * `Tensor.__contains__` (`(t == x).any()`) on a tensor, a plain object's own keys; any other value
 * gets JavaScript's `in`, which for a value of the dialect's `any` is the answer the cell would
 * have had without the rewrite.
 */
export function contains(x: unknown, container: unknown): boolean {
  if (Array.isArray(container)) return container.some((item) => sameItem(item, x));
  if (typeof container === "string") {
    if (typeof x !== "string") throw new TypeError(`'in <string>' requires string as left operand, not ${pyTypeName(x)}`);
    return container.includes(x);
  }
  if (container instanceof Set) return container.has(x);
  if (container instanceof Map) return container.has(mapKey(container, x));
  if (container instanceof Tensor) {
    if (!(x instanceof Tensor) && typeof x !== "number" && typeof x !== "boolean") {
      throw new RuntimeError(`Tensor.__contains__ only supports Tensor or scalar, but you passed in a <class '${pyTypeName(x)}'>.`);
    }
    return Boolean(container.eq(x as number).any().item());
  }
  if (isDict(container)) return Object.prototype.hasOwnProperty.call(container, String(x));
  // An object with Python's __contains__ (collections.deque, a notebook's own container).
  const own = (container as { __contains__?: unknown } | null)?.__contains__;
  if (typeof own === "function") return Boolean(own.call(container, x));
  if (container === null || container === undefined || (typeof container !== "object" && typeof container !== "function")) {
    throw new TypeError(`argument of type '${pyTypeName(container)}' is not iterable`);
  }
  return (x as PropertyKey) in (container as object);
}
