/**
 * Python's operator protocol for objects whose class defines the operator methods (micrograd's
 * `Value` with `__add__`, `__radd__`, `__mul__`, `__neg__`, ...): `a + b` calls `a.__add__(b)`, and
 * when `a` has none (a number on the left, `2 * v`) `b.__radd__(a)`; `a += b` calls `a.__iadd__(b)`,
 * else `a.__add__(b)`. Python also tries the reflected method when the first answers NotImplemented,
 * which the dialect has no spelling for, so the first method found answers.
 * Used by the dialect's run-time operators (kernel/dynamic_ops.ts) and by builtins that add
 * (`sum(losses)` is `0 + losses[0] + ...`, src/builtins.ts).
 */

/** The method Python calls for each operator (by the tensor method name the dialect uses) and the reflected one. */
export const METHODS: Readonly<Record<string, readonly [string, string]>> = {
  add: ["__add__", "__radd__"],
  sub: ["__sub__", "__rsub__"],
  mul: ["__mul__", "__rmul__"],
  div: ["__truediv__", "__rtruediv__"],
  floor_divide: ["__floordiv__", "__rfloordiv__"],
  remainder: ["__mod__", "__rmod__"],
  pow: ["__pow__", "__rpow__"],
  matmul: ["__matmul__", "__rmatmul__"],
  bitwise_and: ["__and__", "__rand__"],
  bitwise_or: ["__or__", "__ror__"],
  bitwise_xor: ["__xor__", "__rxor__"],
  bitwise_left_shift: ["__lshift__", "__rlshift__"],
  bitwise_right_shift: ["__rshift__", "__rrshift__"],
  // A comparison's reflection is its mirror: `1 < v` is `v.__gt__(1)`.
  lt: ["__lt__", "__gt__"],
  le: ["__le__", "__ge__"],
  gt: ["__gt__", "__lt__"],
  ge: ["__ge__", "__le__"],
  eq: ["__eq__", "__eq__"],
  ne: ["__ne__", "__ne__"],
};

/** The unary operators' methods: `-v` is `v.__neg__()`. */
export const UNARY: Readonly<Record<string, string>> = { neg: "__neg__", pos: "__pos__", bitwise_not: "__invert__" };

/** What `binaryDunder` / `unaryDunder` answer when no operand defines the method. */
export const NO_METHOD: unique symbol = Symbol("no operator method");

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** `x`'s method `name` when `x` is an object (no array, no string) whose class defines it. */
function methodOf(x: unknown, name: string): Method | undefined {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return undefined;
  const f = (x as Record<string, unknown>)[name];
  return typeof f === "function" ? (f as Method) : undefined;
}

/**
 * `a <op> b` by Python's operator methods (`op` as in METHODS: add, mul, lt, ...): `a.__add__(b)`, else
 * `b.__radd__(a)`; `a != b` with only `__eq__` defined is `not a.__eq__(b)`, as Python's default `__ne__`.
 * NO_METHOD when neither operand defines one.
 */
export function binaryDunder(op: string, a: unknown, b: unknown): unknown {
  const names = METHODS[op];
  if (names === undefined) return NO_METHOD;
  const own = methodOf(a, names[0]);
  if (own) return own.call(a, b);
  const reflected = methodOf(b, names[1]);
  if (reflected) return reflected.call(b, a);
  if (op === "ne") {
    const eq = methodOf(a, "__eq__");
    if (eq) return !eq.call(a, b);
    const reflectedEq = methodOf(b, "__eq__");
    if (reflectedEq) return !reflectedEq.call(b, a);
  }
  return NO_METHOD;
}

/** `a <op>= b`: `a.__iadd__(b)` where defined (its result is the new `a`), else as `a = a <op> b`. */
export function inplaceDunder(op: string, a: unknown, b: unknown): unknown {
  const names = METHODS[op];
  if (names === undefined) return NO_METHOD;
  const inplace = methodOf(a, `__i${names[0].slice(2)}`);
  return inplace ? inplace.call(a, b) : binaryDunder(op, a, b);
}

/** `-x`, `+x`, `~x` (`op` neg, pos, bitwise_not) by `x.__neg__()`, ...; NO_METHOD when `x` defines none. */
export function unaryDunder(op: string, x: unknown): unknown {
  const name = UNARY[op];
  const f = name === undefined ? undefined : methodOf(x, name);
  return f ? f.call(x) : NO_METHOD;
}
