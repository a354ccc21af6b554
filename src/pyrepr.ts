/**
 * Python's `<Name object at 0x7f...>` for objects PyTorch prints by identity (grad_fn nodes,
 * AccumulateGrad, pruning methods). JavaScript has no object addresses; each object gets a stable
 * made-up one the first time it is printed, distinct per object, so that `a is b` reads the same in
 * both: two prints of one node show one address, two nodes two addresses.
 */
const addresses = new WeakMap<object, string>();
let next = 0;

/** A CPython-looking heap address (12 hex digits) for `obj`, the same at every call. */
export function objectAddress(obj: object): string {
  let a = addresses.get(obj);
  if (a === undefined) {
    // 0x7f.. as CPython's heap on Linux x86-64; 0x50 apart, as small objects are.
    a = `0x7f${(0x3c1a2b5e00 + next * 0x50).toString(16).padStart(10, "0")}`;
    next++;
    addresses.set(obj, a);
  }
  return a;
}

/** `<name object at 0x...>`, Python's default repr (what print() shows). */
export function objectRepr(obj: object, name: string): string {
  return `<${name} object at ${objectAddress(obj)}>`;
}

/**
 * `<name at 0x...>`: how IPython shows such an object as a cell's value (its pretty printer drops
 * "object"), alone or inside a list or tuple. Objects with a method under this symbol display so.
 */
export const IPYTHON_REPR = Symbol.for("torchlab.ipythonRepr");
export function ipythonRepr(obj: object, name: string): string {
  return `<${name} at ${objectAddress(obj)}>`;
}

/** `v`'s IPython form when it has one (a callable object, such as a pruning method, included), else null. */
export function ipythonReprOf(v: unknown): string | null {
  if ((typeof v !== "object" && typeof v !== "function") || v === null) return null;
  const own = (v as { [IPYTHON_REPR]?: unknown })[IPYTHON_REPR];
  return typeof own === "function" ? String(own.call(v)) : null;
}

/**
 * Marks `items` as a Python tuple for printing (`((<AccumulateGrad object at 0x...>, 0), (None, 0))`,
 * as PyTorch prints next_functions); it stays an ordinary array.
 */
export const PY_TUPLE = Symbol.for("torchlab.pyTuple");
export function asPyTuple<T extends unknown[]>(items: T): T {
  Object.defineProperty(items, PY_TUPLE, { value: true });
  return items;
}
