/**
 * The run-time half of the notebook dialect for operands the type checker cannot type: `any`
 * (kernel/rewrite.ts). Python code ported as written leaves parameters untyped (`forward(x)`,
 * `def loss(y_hat, y)` as `function loss(y_hat, y)`), and values reached through `any` (a child of a
 * ModuleList called by index) are untyped too. There, JavaScript's own operators would meet a tensor
 * at run time: `x + y` joins two tensors' texts into a string and `x < 0` compares a number made
 * of one, silently. The dialect sends such an operator here instead, where the operand's run-time
 * value decides: a Tensor on either side is PyTorch's operator, anything else JavaScript's own.
 * Cells reach this module by `require`, as they reach kernel/float_literals.ts.
 */
import { isDict, Range, repr, slicePositions, str } from "../src/builtins";
import { IndexError, RuntimeError, TypeError, ValueError, ZeroDivisionError } from "../src/errors";
import { format as pyformat } from "../src/pyformat";
import { asPyIntKeyed, asPyTuple, copyPyFloats, isPyFloatAt, markPyFloat, PyFloat, pyIsTuple, pyNumber, pyTypeName, takeNumpyScalar, unmarkPyFloat } from "../src/pyrepr";
import { Tensor } from "../src/tensor/tensor";
import { ndarray } from "../src/tensor/ndarray";
import { Size } from "../src/tensor/size";
import * as np from "../src/numpy/core";
import { DataFrame, GroupBy, ILoc, Loc, Series } from "../src/pandas/frame";
import { Index } from "../src/pandas/index_";
import { pyFloat } from "../src/testing/pyrepr";
import { Dataset, isDatasetLike } from "../src/utils/data/dataset";
import * as T from "../src/torch";
import * as pydict from "../src/pydict";
import { item, pos } from "./sequence_items";
import * as pylist from "../src/pylist";
import * as pystr from "../src/pystr";
import * as pynumber from "../src/pynumber";
import { binaryDunder, inplaceDunder, NO_METHOD, unaryDunder } from "../src/pyoperator";
import { asBoundMethod } from "../src/bound_method";

const PYTHON_METHODS = { ...pydict, ...pylist, ...pystr };

// Python's dict methods on plain objects, Records and Maps (`sd.keys()`, `d.items()`, `cfg.get(k, v)`).
export { dict_copy, dict_get, dict_items, dict_keys, dict_pop, dict_setdefault, dict_update, dict_values } from "../src/pydict";
// Python's `x in y` (src/pyin.ts), list methods on arrays (src/pylist.ts) and str methods on strings (src/pystr.ts).
export { contains } from "../src/pyin";
export { list_append, list_clear, list_copy, list_count, list_extend, list_index, list_insert, list_pop, list_remove, list_sort } from "../src/pylist";
export * from "../src/pystr";
export { set_add } from "../src/pyset";

/** A dict literal written with int keys (`{0: 0, 1: 0}`), marked so that it prints as Python's `{0: 0, 1: 0}` and its keys() are ints. */
export function int_keyed<T extends object>(literal: T): T {
  return asPyIntKeyed(literal);
}

/** JavaScript's own methods of a string, an array and a Map, by the family name pythonMethod gives each. */
const JS_PROTOTYPES: Record<string, object> = { str: String.prototype, list: Array.prototype, dict: Map.prototype };

/**
 * JavaScript's methods whose name Python's str, list or dict shares with another meaning, and when a
 * call's arguments are Python's form, as the dialect decides for a typed receiver (kernel/rewrite.ts's
 * listMethod and strMethod): `s.split()` / `s.split(sep, maxsplit)` / `s.split(None)` (JavaScript's
 * keeps the whole string, or drops the rest after its limit), `s.replace(old, new)` of two strings
 * (JavaScript's replaces the first only), `xs.sort()` / `xs.sort({key, reverse})` (JavaScript's sorts
 * numbers as strings), `xs.pop(i)` (JavaScript's ignores i) and a Map's `m.get(k, default)`
 * (JavaScript's ignores the default) or `m.get(tuple)` (JavaScript's looks it up by identity). A RegExp, a replacer or comparison function keeps JavaScript's.
 */
const SHADOWED: Record<string, Record<string, (args: unknown[]) => boolean>> = {
  str: {
    split: (args) => args.length === 0 || typeof args[0] === "string" || args[0] === null || args[0] === undefined,
    replace: (args) => args.length >= 2 && typeof args[0] === "string" && typeof args[1] === "string",
  },
  list: {
    sort: (args) => args.length === 0 || (args.length === 1 && isDict(args[0])),
    pop: (args) => args.length === 1,
  },
  // A tuple key (an array) is looked up by value, as Python's `d.get((i, j))`: JavaScript's by identity misses it.
  dict: { get: (args) => args.length === 2 || Array.isArray(args[0]) },
};

/**
 * Python's str, list or dict method `name` of a string, array or dict, bound to it, on an untyped
 * receiver (`item.strip()`, `ids.append(t)`, `vocab.items()`, kernel/live_globals.ts's attribute):
 * where JavaScript has none (`own` undefined), and where `own` is JavaScript's built-in method of that
 * name with another meaning (SHADOWED), chosen as each call's arguments are Python's or JavaScript's.
 * Undefined for any other receiver or name, and for a method of the object's own (a dict's `get` function).
 */
export function pythonMethod(receiver: unknown, name: string, own?: unknown): ((...args: unknown[]) => unknown) | undefined {
  const helper = pythonHelper(receiver, name, own);
  if (helper === undefined) return undefined;
  const python = (...args: unknown[]) => helper(receiver, ...args);
  if (own === undefined) return python;
  const pythonForm = SHADOWED[family(receiver)!][name];
  return (...args: unknown[]) => (pythonForm(args) ? python(...args) : Reflect.apply(own as (...a: unknown[]) => unknown, receiver, args));
}

/**
 * The helper of src/pystr.ts, pylist.ts or pydict.ts (the receiver its first parameter) that is Python's
 * method `name` of `receiver` where JavaScript's `own` is missing or, called Python's way, means
 * something else (SHADOWED); undefined otherwise. A call with keywords (`s.split(maxsplit=1)`,
 * kernel/keyword_call.ts) is Python's way.
 */
export function pythonHelper(receiver: unknown, name: string, own?: unknown): ((...args: unknown[]) => unknown) | undefined {
  const kind = family(receiver);
  const helper = kind === null ? undefined : (PYTHON_METHODS as Record<string, unknown>)[`${kind}_${name}`];
  if (typeof helper !== "function") return undefined;
  if (own !== undefined && !(Object.prototype.hasOwnProperty.call(SHADOWED[kind!], name) && own === (JS_PROTOTYPES[kind!] as Record<string, unknown>)[name])) return undefined;
  return helper as (...args: unknown[]) => unknown;
}

function family(receiver: unknown): "str" | "list" | "dict" | null {
  return typeof receiver === "string" ? "str" : Array.isArray(receiver) ? "list" : receiver instanceof Map || isDict(receiver) ? "dict" : null;
}

/** JavaScript's own binary operators, for operands that are not tensors. */
const JS: Record<string, (a: any, b: any) => unknown> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  remainder: (a, b) => a % b,
  pow: (a, b) => a ** b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  // eslint-disable-next-line eqeqeq
  eq: (a, b) => a == b,
  // eslint-disable-next-line eqeqeq
  ne: (a, b) => a != b,
  bitwise_and: (a, b) => a & b,
  bitwise_or: (a, b) => a | b,
  bitwise_xor: (a, b) => a ^ b,
  bitwise_left_shift: (a, b) => a << b,
  bitwise_right_shift: (a, b) => a >> b,
};

/** Python's reflected operators, for a non-tensor on the left of a tensor (`2 - t` is `t.__rsub__(2)`). */
const REFLECTED: Record<string, (t: Tensor, a: any) => unknown> = {
  add: (t, a) => t.add(a),
  sub: (t, a) => t.rsub(a),
  mul: (t, a) => t.mul(a),
  div: (t, a) => t.reciprocal().mul(a),
  remainder: (t, a) => T.remainder(a, t),
  floor_divide: (t, a) => T.floor_divide(a, t),
  pow: (t, a) => T.pow(a, t),
  lt: (t, a) => t.gt(a),
  le: (t, a) => t.ge(a),
  gt: (t, a) => t.lt(a),
  ge: (t, a) => t.le(a),
  eq: (t, a) => t.eq(a),
  ne: (t, a) => t.ne(a),
};

const BITWISE: Record<string, (a: any, b: any) => Tensor> = {
  bitwise_and: T.bitwise_and,
  bitwise_or: T.bitwise_or,
  bitwise_xor: T.bitwise_xor,
  bitwise_left_shift: T.bitwise_left_shift,
  bitwise_right_shift: T.bitwise_right_shift,
};

/**
 * Python's `+` / `*` of lists, tuples and strings (`[0] * n`, `[0] * a + [1] * b`, `"-" * 20`), as `op`
 * runs them, typed by their operands: the result is a list of the items' type, so that Python's list
 * methods on it (`segment_ids.extend(...)`, `.index`, `.append`) are the dialect's, as on any list.
 */
export function seq(name: "mul", a: string, b: number | boolean): string;
export function seq(name: "mul", a: number | boolean, b: string): string;
export function seq<T>(name: "mul", a: readonly T[], b: number | boolean): T[];
export function seq<T>(name: "mul", a: number | boolean, b: readonly T[]): T[];
export function seq<T, U>(name: "add", a: readonly T[], b: readonly U[]): (T | U)[];
export function seq(name: string, a: any, b: any): any;
export function seq(name: string, a: any, b: any): any {
  return op(name, a, b);
}

/**
 * `a <op> b` for operands typed `any`: `op` is the tensor method the operator stands for (add, sub,
 * mul, div, remainder, pow, lt, le, gt, ge, eq, ne, bitwise_and, ...). A string beside `+` keeps
 * JavaScript's concatenation (`"loss " + loss`), as the dialect does for typed operands.
 */
export function op(name: string, a: any, b: any): any {
  // pandas' operators: the Series' or frame's own (aligned on labels), on either side.
  if (isPandas(a) || isPandas(b)) return pandasOp(name, a, b);
  // An Index compared (`train.columns != "label"`): its own __eq__ / __ne__, a bool array.
  if ((name === "eq" || name === "ne") && (a instanceof Index || b instanceof Index)) return binaryDunder(name, a instanceof Index ? a : b, a instanceof Index ? b : a);
  if (name in ORDERING && ((a instanceof ndarray && b instanceof Tensor) || (a instanceof Tensor && b instanceof ndarray))) {
    // PyTorch 1.13's Tensor.__lt__ answers NotImplemented for an ndarray, and NumPy's defers to the tensor.
    const named = (x: unknown): string => (x instanceof ndarray ? "numpy.ndarray" : "Tensor");
    throw new TypeError(`'${ORDERING[name]}' not supported between instances of '${named(a)}' and '${named(b)}'`);
  }
  // `t == a`, `a == t`: both __eq__ answer NotImplemented, and Python falls back to identity.
  if ((name === "eq" || name === "ne") && ((a instanceof Tensor && b instanceof ndarray) || (a instanceof ndarray && b instanceof Tensor))) return name === "ne";
  // A tensor beside a NumPy array is a tensor op, as PyTorch's (its __array_priority__ wins on either side).
  if (a instanceof ndarray && b instanceof Tensor) a = T.from_numpy(a);
  else if (b instanceof ndarray && a instanceof Tensor) b = T.from_numpy(b);
  else if ((a instanceof ndarray || b instanceof ndarray) && name in NUMPY_UFUNCS && typeof a !== "string" && typeof b !== "string") return ndarrayOp(name, a, b);
  const ta = a instanceof Tensor;
  const tb = b instanceof Tensor;
  if (name === "matmul" || name === "imatmul") {
    // Python's `a @ b` (and `a @= b`, which falls back to it): a tensor on both sides, or an object whose class defines __matmul__ / __rmatmul__.
    if (ta && tb) return (a as Tensor).matmul(b as Tensor);
    const r = ta || tb ? NO_METHOD : binaryDunder("matmul", a, b);
    if (r !== NO_METHOD) return r;
    throw new TypeError(`unsupported operand type(s) for ${name === "matmul" ? "@" : "@="}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  }
  // `idx_next == eos_id` with eos_id None: Tensor.__eq__ / __ne__ answer NotImplemented for None, and
  // Python falls back to identity (False for ==, True for !=), where `t.eq(None)` is a TypeError.
  if ((name === "eq" || name === "ne") && (ta || tb) && (a === null || a === undefined || b === null || b === undefined)) return name === "ne";
  // Python's Dataset.__add__ (`ants_dataset + bees_dataset` held untyped): a ConcatDataset.
  if (name === "add" && a instanceof Dataset && isDatasetLike(b)) return a.add(b);
  // An object of the notebook's class with Python's operator methods (micrograd's Value): `a.__add__(b)` or `b.__radd__(a)`.
  if (!ta && !tb) {
    const r = binaryDunder(name === "imatmul" ? "matmul" : name, a, b);
    if (r !== NO_METHOD) return r;
  }
  const text = typeof a === "string" || typeof b === "string";
  if (!ta && !tb && ((name === "add" && !text && (Array.isArray(a) || Array.isArray(b))) || (name === "mul" && (text || Array.isArray(a) || Array.isArray(b))))) return sequenceOp(name, a, b);
  if (name === "remainder" && !ta && !tb) return remainder(a, b);
  if (name === "floor_divide" && !ta && !tb) return floorNumbers(a, b);
  if ((!ta && !tb) || (name === "add" && (typeof a === "string" || typeof b === "string"))) return JS[name](a, b);
  if (name in BITWISE) return BITWISE[name](a, b);
  if (ta) return (a as unknown as Record<string, (x: unknown) => unknown>)[name](b);
  return REFLECTED[name](b as Tensor, a);
}

const isPandas = (x: unknown): x is Series | DataFrame => x instanceof Series || x instanceof DataFrame;

/** pandas' names of the operators' tensor method names (`remainder` is mod, the bitwise ones &, |, ^). */
const PANDAS_OPS: Record<string, string> = { remainder: "mod", floor_divide: "floordiv", bitwise_and: "and", bitwise_or: "or", bitwise_xor: "xor" };

/** `a op b` with a Series or DataFrame on either side (a tensor beside one meets its values as a tensor). */
function pandasOp(name: string, a: any, b: any): any {
  const method = PANDAS_OPS[name] ?? name;
  if (a instanceof Tensor || b instanceof Tensor) {
    const asTensor = (x: any) => (isPandas(x) ? T.from_numpy(x.values as ndarray) : x);
    return op(name, asTensor(a), asTensor(b));
  }
  if (isPandas(a) && isPandas(b) && a instanceof Series && b instanceof DataFrame) return b._binary(method, a, true);
  return isPandas(a) ? a._binary(method, b) : (b as Series | DataFrame)._binary(method, a, true);
}
/** Python's ordering operators by the tensor method each stands for. */
const ORDERING: Record<string, string> = { lt: "<", le: "<=", gt: ">", ge: ">=" };

/** The NumPy ufunc each operator's tensor method name stands for. */
const NUMPY_UFUNCS: Record<string, string> = {
  add: "add", sub: "subtract", mul: "multiply", div: "true_divide", remainder: "remainder", pow: "power", floor_divide: "floor_divide",
  lt: "less", le: "less_equal", gt: "greater", ge: "greater_equal", eq: "equal", ne: "not_equal",
  bitwise_and: "bitwise_and", bitwise_or: "bitwise_or", bitwise_xor: "bitwise_xor", matmul: "matmul", imatmul: "matmul",
};

/** An operator with a NumPy array on either side (and no tensor): NumPy's ufunc, a scalar result for 0-d. */
function ndarrayOp(name: string, a: any, b: any): any {
  if (NUMPY_UFUNCS[name] === "matmul") return np.matmul(a, b);
  // `x == None` is False elementwise in NumPy; identity as Python's fallback is close enough for a scalar answer.
  if ((name === "eq" || name === "ne") && (a === null || a === undefined || b === null || b === undefined)) return name === "ne";
  const out = np.binary(NUMPY_UFUNCS[name], a, b);
  return out.ndim === 0 ? np.scalarOf(out) : out;
}

/**
 * Python's `a % b` of two values that are not tensors: a string's %-formatting (`fmt % n`, src/pystr.ts),
 * and of numbers the remainder with the divisor's sign (`-7 % 3` is 2, where JavaScript's is -1), a
 * zero divisor Python's ZeroDivisionError; anything else as JavaScript's `%`.
 */
function remainder(a: any, b: any): any {
  if (typeof a === "string") return pystr.str_mod(a, b);
  if (!pyNumeric(a) || !pyNumeric(b)) return a % b;
  return pynumber.mod(Number(pyNumber(a)), Number(pyNumber(b)), pyFloatOperand(a) || pyFloatOperand(b));
}

/** A number, a boolean or a PyFloat (a float the cell wrote as one): what Python's `//` and `%` take as numbers. */
const pyNumeric = (x: unknown): boolean => typeof x === "number" || typeof x === "boolean" || x instanceof PyFloat;
/** Whether Python would hold `x` as a float: a PyFloat, or a number that is not whole. */
const pyFloatOperand = (x: unknown): boolean => x instanceof PyFloat || (typeof x === "number" && !Number.isInteger(x));

/** Python's `a // b` of two values that are not tensors: of numbers the floor of the quotient (src/pynumber.ts); Python's TypeError otherwise. */
function floorNumbers(a: any, b: any): any {
  if (!pyNumeric(a) || !pyNumeric(b)) throw new TypeError(`unsupported operand type(s) for //: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  return pynumber.floordiv(Number(pyNumber(a)), Number(pyNumber(b)), pyFloatOperand(a) || pyFloatOperand(b));
}

/**
 * Python's `a // b` in a cell (kernel/floor_division.ts): of numbers Python's floor division (`-7 // 2` is
 * -4, `1 // 0.1` is 9.0, a zero divisor Python's ZeroDivisionError), PyTorch's `torch.div(a, b,
 * rounding_mode='floor')` with a tensor on either side (an int tensor stays int, as `t // 2` does), NumPy's
 * floor_divide with an array, pandas' floordiv with a Series or frame. `leftFloat`: the left operand is a
 * whole number written as a float (`7.0 // t`), which makes an int tensor's result float, as in PyTorch.
 */
export function floordiv(a: number | boolean, b: number | boolean): number;
export function floordiv(a: ndarray, b: unknown): ndarray;
export function floordiv(a: Tensor, b: unknown): Tensor;
export function floordiv(a: number | boolean, b: ndarray): ndarray;
export function floordiv(a: number | boolean, b: Tensor, leftFloat?: boolean): Tensor;
export function floordiv(a: any, b: any, leftFloat?: boolean): any;
export function floordiv(a: any, b: any, leftFloat = false): any {
  if (leftFloat && b instanceof Tensor && !(a instanceof Tensor) && !b.is_floating_point()) return T.floor_divide(Number(a), b.to(T.get_default_dtype()));
  return op("floor_divide", a, b);
}

/**
 * Python's `+` and `*` on lists, tuples and strings, which JavaScript would turn into text or NaN: `a + b`
 * of two lists is a new list of both (`window + sentence + window`, `prediction + test_label.tolist()`),
 * `[0] * 3` and `"0" * 3` repeat (`[pad_token] * window_size`, HW3's pad4), either order, a tuple staying
 * a tuple; anything else is Python's TypeError. A string beside `+` keeps JavaScript's concatenation, as
 * everywhere in the dialect.
 */
function sequenceOp(name: "add" | "mul", a: any, b: any): any {
  const kind = pyTypeName;
  if (name === "add") {
    if (!Array.isArray(a)) throw new TypeError(`unsupported operand type(s) for +: '${kind(a)}' and '${kind(b)}'`);
    if (!Array.isArray(b) || kind(a) !== kind(b)) throw new TypeError(`can only concatenate ${kind(a)} (not "${kind(b)}") to ${kind(a)}`);
    const joined = [...a, ...b];
    return kind(a) === "tuple" ? asPyTuple(joined) : joined;
  }
  const [seq, n] = typeof a === "string" || Array.isArray(a) ? [a, b] : [b, a];
  if (typeof n === "boolean" || (typeof n === "number" && Number.isInteger(n))) {
    const times = Math.max(0, Number(n));
    if (typeof seq === "string") return seq.repeat(times);
    const repeated = Array.from({ length: times }, () => seq).flat(1);
    return kind(seq) === "tuple" ? asPyTuple(repeated) : repeated;
  }
  throw new TypeError(`can't multiply sequence by non-int of type '${kind(n)}'`);
}

/** `-x` and `~x` for an operand typed `any`. */
export function unary(name: "neg" | "bitwise_not", x: any): any {
  if (isPandas(x)) return name === "neg" ? x.__neg__() : x.__invert__();
  if (x instanceof ndarray) return name === "neg" ? x.neg() : x.invert();
  if (x instanceof Tensor) return name === "neg" ? x.neg() : T.bitwise_not(x);
  const r = unaryDunder(name, x);
  if (r !== NO_METHOD) return r;
  return name === "neg" ? -x : ~x;
}

/**
 * `x op= y` for a target typed `any`, as Python runs it: in place on a tensor (`x.add_(y)`, x itself
 * returned), `y.__radd__(x)` when only `y` is a tensor (a new tensor, as `loss_sum += loss` from 0),
 * JavaScript's operator otherwise. `inplace` is the in-place method (add_, sub_, ...).
 */
export function assign(inplace: string, x: any, y: any): any {
  const name = inplace.slice(0, -1);
  if (x instanceof Tensor) return (x as unknown as Record<string, (v: unknown) => unknown>)[inplace](y);
  if (isPandas(x)) return op(name, x, y);
  // NumPy's `a += b` writes the array itself (its dtype kept: NumPy's error where the result would need another kind).
  if (x instanceof ndarray && !(y instanceof Tensor) && name in NUMPY_UFUNCS) return np.binary(NUMPY_UFUNCS[name], x, y, x);
  if (Array.isArray(x) && !(y instanceof Tensor) && (inplace === "add_" || inplace === "mul_")) return listInPlace(inplace, x, y);
  // `v += 1` on an object of the notebook's class: its __iadd__, else __add__ (then the other side's __radd__).
  const r = y instanceof Tensor ? NO_METHOD : inplaceDunder(name, x, y);
  if (r !== NO_METHOD) return r;
  return op(name, x, y);
}

/**
 * `${v}` for a value typed `any`, boolean or an array: a tensor as Python's f-string formats it
 * (Tensor.__format__), a boolean as Python writes it (`True`), an array as a list's str, anything else as it is.
 */
export function format(v: any): any {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null) return "None";
  // A number as Python's str() writes a float: 1e-07, 1e+20, inf, -0.0 (JavaScript: 1e-7, 100000000000000000000, Infinity, 0).
  if (typeof v === "number" || typeof v === "bigint") return str(v);
  if (Array.isArray(v) || v instanceof Map || v instanceof Set || v instanceof Error) return str(v);
  // A dict literal as Python's {'a': 1}, not [object Object].
  if (isDict(v)) return str(v);
  return v instanceof Tensor || v instanceof ndarray ? v.__format__() : v;
}

/**
 * Python's f"{v!conversion:spec}" (kernel/format_spec.ts): `!r` / `!s` / `!a` make Python's repr, str
 * or ascii of `v` first, then format() by the spec (src/pyformat.ts), a tensor by its __format__.
 * `label` is Python's `{x=}` text (`x=`): written first, and without a spec or conversion the value is its repr.
 */
export function fstring(v: unknown, spec: string, conversion: string, label = ""): string {
  if (label && !spec && !conversion) conversion = "r";
  if (conversion === "r" || conversion === "a") {
    const r = repr(v);
    v = conversion === "r" ? r : r.replace(/[^\x00-\x7f]/gu, (c) => {
      const code = c.codePointAt(0)!;
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : code < 0x10000 ? `\\u${code.toString(16).padStart(4, "0")}` : `\\U${code.toString(16).padStart(8, "0")}`;
    });
  } else if (conversion === "s") v = str(v);
  return label + pyformat(v, spec, (x) => String(format(x)));
}

/**
 * Python's `lst += iterable` (list.__iadd__: extends the same list, so every name bound to it sees the
 * items, and takes any iterable, `prediction += test_label.squeeze().tolist()`) and `lst *= n`.
 */
function listInPlace(inplace: "add_" | "mul_", x: unknown[], y: any): unknown[] {
  if (inplace === "mul_") {
    const repeated = sequenceOp("mul", x, y) as unknown[];
    x.length = 0;
    x.push(...repeated);
    return x;
  }
  if (y === null || y === undefined || typeof y[Symbol.iterator] !== "function") throw new TypeError(`'${pyTypeName(y)}' object is not iterable`);
  x.push(...(y as Iterable<unknown>));
  return x;
}

/**
 * `x op= y` where `x` is a `const` typed `any` (`for (const w of params) w -= lr * w.grad`): in place
 * on a tensor, as Python's `w -= ...` is; anything else cannot be rebound, JavaScript's error.
 */
export function assignConst(inplace: string, x: any, y: any): any {
  if (x instanceof Tensor || (Array.isArray(x) && (inplace === "add_" || inplace === "mul_"))) return assign(inplace, x, y);
  throw new TypeError("Assignment to constant variable.");
}

/**
 * Python's truth value of a condition (`bool(t)`): a tensor's is that of its one element, PyTorch's
 * error for more or none; a list's or tuple's, a Map's or Set's (Python's dict and set) and a plain
 * object's (the dialect's dict) whether it has items; any other value is returned as it is, for
 * JavaScript's truth value.
 */
export function truth(v: any): any {
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map || v instanceof Set) return v.size > 0;
  if (v !== null && typeof v === "object" && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) return Object.keys(v).length > 0;
  if (v instanceof ndarray) {
    if (v.size !== 1) throw new ValueError(`The truth value of an ${v.size === 0 ? "empty array is ambiguous. Use `array.size > 0` to check that an array is not empty." : "array with more than one element is ambiguous. Use a.any() or a.all()"}`);
    return v.data[0] !== 0;
  }
  if (!(v instanceof Tensor)) return v;
  const n = v.numel();
  if (n !== 1) throw new RuntimeError(`Boolean value of Tensor with ${n === 0 ? "no values" : "more than one value"} is ambiguous`);
  return v.item();
}

/**
 * The truth of a name typed Tensor (`if (!correct)`, `if (done)`): Python's bool(tensor) for a tensor of
 * one element (`not correct` of a 0-d bool tensor holds when it is False, where JavaScript's `!tensor`
 * is always false), and JavaScript's null test for anything else: without strictNullChecks `p.grad`
 * reads as Tensor, so `if (!p.grad)` must still mean "no gradient yet" (a tensor of several values is
 * there, true), rather than PyTorch's error for an ambiguous truth value.
 */
export function tensor_truth(v: any): any {
  return v instanceof Tensor && v.numel() === 1 ? Boolean(v.item()) : v;
}

/**
 * Python's str() of a number the cell wrote as a float (`2.0`, `x / 2`): `2.0` where JavaScript writes
 * `2`. Anything else is returned as it is, for print() / str() / a template to write as they would (a
 * variable declared as `0.` may hold a tensor by then: `res = 0.; res += t` is Python's tensor).
 */
export function float_str<T>(x: T): T | string {
  return typeof x === "number" ? pyFloat(x) : x instanceof PyFloat ? pyFloat(x.value) : x;
}

/**
 * An int the cell computed from int literals (`print(2**100)`, `10**20`, `2**53 + 1`): Python's is exact
 * at any size, a JavaScript number only below 2**53, where it would print a float's digits
 * (1.2676506002282294e+30) or a wrong int; there the same expression in BigInt (`exact`) is Python's.
 */
export function int_str(x: number, exact: () => bigint): number {
  if (typeof x !== "number" || !Number.isInteger(x) || Math.abs(x) < 2 ** 53) return x;
  return exact() as unknown as number;
}

/**
 * A number the cell wrote as a float (`1.0`, `x / 2`, `math.sqrt(4)`), passed on as src/pyrepr.ts's
 * PyFloat to the one consumer the rewrite put it in: a list or dict literal (floats / float_dict),
 * `xs.append`, isinstance / type, str.format and `%`. Typed as what it wraps.
 */
export function py_float<T>(x: T): T {
  // Generic, not number: an operand typed a number in an earlier pass may be a tensor by the last
  // (`const y = 0.1 * x[idx]`, x[idx] untyped until the index rewrite), which passes through.
  return (typeof x === "number" ? new PyFloat(x) : x) as unknown as T;
}

/**
 * `t.item()` as Python's value: a float tensor's item is a Python float (`torch.tensor(3.).item()` prints
 * `3.0`), which only the run can tell; it comes as a PyFloat to the same consumers as py_float's.
 */
export function item_of<T>(t: T): T {
  if (t instanceof Tensor) return { item: () => (t.is_floating_point() ? py_float(t.item()) : t.item()) } as unknown as T;
  // NumPy's item() of a float array is Python's float too.
  if (t instanceof ndarray && t._dtype.is_floating_point) return { item: () => py_float(t.item() as number) } as unknown as T;
  return t;
}

/** `acc.item()` of an untyped `acc` (its value here): a PyFloat when acc is a float tensor or NumPy array, as item_of tells. */
export function item_value<T>(recv: unknown, value: T): T {
  const float = (recv instanceof Tensor && recv.is_floating_point()) || (recv instanceof ndarray && recv._dtype.is_floating_point);
  return (float && typeof value === "number" ? new PyFloat(value) : value) as T;
}

/** `return a, b`: Python's tuple of the values (typed as TypeScript's tuple of their types), the floats among them (PyFloats here) marked. */
export function py_tuple<T extends unknown[]>(...items: T): T {
  return asPyTuple(floats(items, []));
}

/**
 * The Python floats the notebook's variables hold, by the variable's name (a top-level one is read in
 * later cells; the rewrite names a function's local apart), as the value written: a JavaScript number
 * cannot say that `best = loss.item()` holds `3.0`, so the write (name_value, name_op) records it and a
 * read (name_float) that finds the same number there is that float. Any other write drops the record.
 */
const floatNames = new Map<string, number>();

/**
 * A value written where its Python type must outlive the write: `note` is told the float it is (a PyFloat
 * here, from py_float / item_of) or null, and the number itself goes on (name_value, arg_float, ret_value,
 * attr_value record it each in their own place).
 */
function noted<T>(value: T, note: (float: number | null) => void): T {
  const float = value instanceof PyFloat ? value.value : null;
  note(float);
  return (float ?? value) as T;
}

/** Records `float` under `key` in `records`, or forgets the key's record when it is null. */
function keep<K>(records: Map<K, number>, key: K, float: number | null): void {
  if (float === null) records.delete(key);
  else records.set(key, float);
}

/** `x = value` (or `let x = value`): records whether the number written is a float (a PyFloat here, from py_float / item_of). */
export function name_value<T>(name: string, value: T): T {
  return noted(value, (float) => keep(floatNames, name, float));
}

/**
 * `const [a, b] = value` (Python's `a, b = f()`): each name of `names` (null for an item not recorded)
 * is recorded as name_value records a variable, a float where the tuple holds one there (its float
 * marks, or a PyFloat). Returns value, whose items are JavaScript's numbers.
 */
export function names_value<T>(names: readonly (string | null)[], value: T): T {
  if (!Array.isArray(value)) {
    for (const name of names) if (name !== null) floatNames.delete(name);
    return value;
  }
  names.forEach((name, i) => {
    if (name === null) return;
    const item: unknown = value[i];
    const float = item instanceof PyFloat || isPyFloatAt(value, i);
    keep(floatNames, name, float && typeof pyNumber(item) === "number" ? (pyNumber(item) as number) : null);
  });
  return (value.some((item) => item instanceof PyFloat) ? value.map(pyNumber) : value) as T;
}

/**
 * `for (const [k, v] of d.items())`: each item unpacked as names_value unpacks it. Typed as `items`
 * (an untyped `d.items()` stays `any`), which the loop only iterates.
 */
export function float_unpacked<I extends Iterable<unknown>>(names: readonly (string | null)[], items: I): I {
  function* unpacked(): Generator<unknown> {
    for (const item of items) yield names_value(names, item);
  }
  return unpacked() as unknown as I;
}

/**
 * `for (const v of xs)` over a list of numbers (`for v in [1.0, 2.5]:`): each item is recorded under the
 * loop variable's name as name_value records a variable's, a float where the list holds one there (a
 * PyFloat, or an item its float marks name), so that `print(v)` writes `1.0`. The items themselves are
 * JavaScript's numbers.
 */
export function* float_items<T>(name: string, items: Iterable<T>): Generator<T> {
  let i = 0;
  for (const item of items) {
    const float = item instanceof PyFloat || (Array.isArray(items) && isPyFloatAt(items, i));
    const value = pyNumber(item);
    if (float && typeof value === "number") floatNames.set(name, value);
    else floatNames.delete(name);
    i++;
    yield value;
  }
}

/**
 * `x op= value` of numbers: Python's result is a float when x held one, value is one, or op is `/`
 * (`total += loss.item()` from `total = 0`). Returns value, for the assignment to apply.
 */
export function name_op<T>(name: string, old: unknown, op: "+" | "-" | "*" | "/", value: T): T {
  // Generic, not number: an untyped function's result (`total += sq_err(a, b)`) is `any` by the last
  // pass, and the dialect then widens `total` to hold a tensor.
  const wrapped: unknown = value;
  const v = (wrapped instanceof PyFloat ? wrapped.value : value) as T;
  const was = floatNames.get(name);
  const float = wrapped instanceof PyFloat || op === "/" || (was !== undefined && Object.is(was, old));
  if (float && typeof old === "number" && typeof v === "number") floatNames.set(name, op === "+" ? old + v : op === "-" ? old - v : op === "*" ? old * v : old / v);
  else floatNames.delete(name);
  return v;
}

/** A variable's number read where its Python type shows (print, str, a list or dict literal, `xs.append`): a PyFloat when a float was written there. */
export function name_float<T>(name: string, value: T): T {
  return (typeof value === "number" && Object.is(floatNames.get(name), value) ? new PyFloat(value) : value) as T;
}

/**
 * The value a notebook function (`def f(): return 1.0` as `function f() { return 1.0 }`) returned last,
 * when it was a Python float: a JavaScript number cannot carry that across the call, so each `return`
 * of such a function records it (ret_value) and the call's result, read right after the call where its
 * Python type shows, asks for it (call_float).
 */
let returnedFloat: number | null = null;

/** `return value` in a notebook function: records whether the number returned is a float (a PyFloat here). */
export function ret_value<T>(value: T): T {
  return noted(value, (float) => (returnedFloat = float));
}

/** Before a call of a notebook function whose result shows (call_float): forgets the last return's record. */
export function call_begin(): void {
  returnedFloat = null;
}

/** `f(...)` of a notebook function, where its Python type shows: a PyFloat when the call returned a float. */
export function call_float<T>(_begun: void, value: T): T {
  const float = returnedFloat;
  returnedFloat = null;
  return (typeof value === "number" && float !== null && Object.is(float, value) ? new PyFloat(value) : value) as T;
}

/**
 * The floats a call of a notebook function passes (`show(loss.item())`), by argument position, for as
 * long as the call runs: a parameter read where its Python type shows records on entry whether its
 * argument was one of them (param_float).
 */
let passedFloats = new Map<number, number>();

/** Argument `i` of a call to a notebook function: its number, noted when it is a float (a PyFloat here). */
export function arg_float<T>(i: number, value: T): T {
  return noted(value, (float) => keep(passedFloats, i, float));
}

/** After the call that arg_float noted arguments for: they are forgotten. */
export function args_done<T>(value: T): T {
  passedFloats = new Map();
  return value;
}

/** A notebook function's parameter `i` on entry: recorded a float under `name` (name_float) when the caller passed it as one, or left out a default written as one. */
export function param_float(name: string, i: number, value: unknown, defaulted = false): void {
  if (typeof value === "number" && (defaulted || Object.is(passedFloats.get(i), value))) floatNames.set(name, value);
  else floatNames.delete(name);
}

/**
 * `a + b`, `a - b`, `a * b` of numbers where an operand's Python type only the run tells (`x + loss.item()`,
 * `running + l`): Python's result is a float when either operand is one. float_left and float_right take
 * each operand out of its PyFloat (for JavaScript's operator) and note whether it was one; float_arith,
 * around the operator, gives the result as a PyFloat when one was. A stack, as operands nest.
 */
const arithFloats: boolean[] = [];

export function float_left<T>(x: T): T {
  arithFloats.push(x instanceof PyFloat);
  return pyNumber(x);
}

export function float_right<T>(x: T): T {
  if (x instanceof PyFloat && arithFloats.length > 0) arithFloats[arithFloats.length - 1] = true;
  return pyNumber(x);
}

export function float_arith<T>(value: T): T {
  const float = arithFloats.pop() === true;
  return (float && typeof value === "number" ? new PyFloat(value) : value) as T;
}

/** `a / b` of untyped operands (dynamic_ops.op): Python's `/` of numbers is always a float. */
export function float_div<T>(value: T): T {
  return (typeof value === "number" ? new PyFloat(value) : value) as T;
}

/** Whether item `i` of `items` (an argument list or an iterable's items, from `container` when it is a list) is a Python float. */
function floatItem(items: unknown[], i: number, container: unknown): boolean {
  return items[i] instanceof PyFloat || (Array.isArray(container) && isPyFloatAt(container, i));
}

/**
 * Python's max / min (or JavaScript's Math.max / Math.min) where an argument may be a float
 * (`max(a, 1.0)`, `min(losses)` of a list holding floats): the item Python returns is the first
 * extreme one, a float when that item is one (`max(0, 1.0)` is 1.0, `max(2, 1.0)` is 2).
 */
export function float_extreme<F extends (...args: any[]) => any>(fn: F): F {
  return ((...args: unknown[]) => {
    const plain = args.map(pyNumber);
    const result = fn(...plain);
    if (typeof result !== "number") return result;
    const many = plain.filter((a) => typeof a === "number" || typeof a === "boolean").length > 1;
    const items = many ? args : Array.isArray(plain[0]) ? (plain[0] as unknown[]) : [];
    const values = items.map(pyNumber);
    const at = values.findIndex((v) => Object.is(Number(v), result) || (typeof v === "number" && v === result));
    return at >= 0 && floatItem(items, at, many ? null : plain[0]) ? new PyFloat(result) : result;
  }) as F;
}

/** Python's sum where an item may be a float (`sum(losses)`, `sum([a, 1.0])`): a float when one of the items or the start is. */
export function float_sum<F extends (...args: any[]) => any>(fn: F): F {
  return ((iterable: unknown, ...rest: unknown[]) => {
    const items = Array.isArray(iterable) ? iterable : null;
    const plainItems = items === null ? iterable : copyPyFloats(items, items.map(pyNumber));
    const result = fn(plainItems, ...rest.map(pyNumber));
    if (typeof result !== "number") return result;
    const float = rest.some((r) => r instanceof PyFloat) || (items !== null && items.some((_, i) => floatItem(items, i, items)));
    return float ? new PyFloat(result) : result;
  }) as F;
}

/** `abs(x)` or `round(x, digits)` where x may be a float: Python's result is then a float. */
export function float_keep<F extends (...args: any[]) => any>(fn: F): F {
  return ((x: unknown, ...rest: unknown[]) => {
    const result = fn(pyNumber(x), ...rest.map(pyNumber));
    return x instanceof PyFloat && typeof result === "number" ? new PyFloat(result) : result;
  }) as F;
}

/** Before a call into NumPy or scikit-learn whose scalar result shows (np_scalar): forgets the last scalar NumPy made. */
export function np_begin(): void {
  takeNumpyScalar();
}

/** The call's result after np_begin: a PyFloat when NumPy made it as a float scalar (`np.mean([1, 1])` prints `1.0`). */
export function np_scalar<T>(_begun: void, value: T): T {
  const made = takeNumpyScalar();
  return (typeof value === "number" && made !== null && made.float && Object.is(made.value, value) ? new PyFloat(value) : value) as T;
}

/** `obj.attr = value`, `d['key'] = value`: the key marked a float when the number written is one, unmarked otherwise (src/pyrepr.ts). */
export function attr_value<T>(obj: object, key: string, value: T): T {
  if (obj === null || typeof obj !== "object") return noted(value, () => undefined);
  return noted(value, (float) => (float === null ? unmarkPyFloat(obj, key) : markPyFloat(obj, key)));
}

/** `obj.attr op= value` (`self.total += v`): the key marked a float when value is one or op is `/`; an int added keeps the mark it had (an int plus a float is a float). */
export function attr_op<T>(obj: object, key: string, op: "+" | "-" | "*" | "/", value: T): T {
  return noted(value, (float) => (float !== null || op === "/") && obj !== null && typeof obj === "object" && markPyFloat(obj, key));
}

/** `obj.attr` or `d['key']` (`xs[-1]` from the end) read where its Python type shows: a PyFloat when the key holds a float (attr_value, a dict literal's marks). */
export function attr_float<T>(obj: object, key: string | number, value: T): T {
  const at = typeof key === "number" && key < 0 && Array.isArray(obj) ? obj.length + key : key;
  return (typeof value === "number" && obj !== null && typeof obj === "object" && isPyFloatAt(obj, at) ? new PyFloat(value) : value) as T;
}

/**
 * A list or tuple literal whose items at `at`, or the PyFloats among them
 * (a float tensor's `.item()`), are Python's floats: marked so that print writes `[1.0, 2.5]`.
 */
export function floats<T extends unknown[]>(items: T, at: number[]): T {
  for (const i of at) if (typeof items[i] === "number") markPyFloat(items, i);
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v instanceof PyFloat) {
      items[i] = v.value;
      markPyFloat(items, i);
    }
  }
  return items;
}

/**
 * `xs.map((v) => ...)`'s list (Python's `[... for v in xs]`): the callback's PyFloats (a float as written,
 * a float tensor's item) are marked, and so is an item computed from the list's own item when that one is
 * a float (`source`, given where the callback's arithmetic is on its item: `v * 2` of `[0.5, 1.0]`).
 */
export function float_map<T>(mapped: T, source: unknown): T {
  if (!Array.isArray(mapped)) return mapped;
  mapped.forEach((v, i) => {
    if (v instanceof PyFloat) mapped[i] = v.value;
    if (v instanceof PyFloat || (typeof v === "number" && Array.isArray(source) && isPyFloatAt(source, i))) markPyFloat(mapped, i);
  });
  return mapped;
}

/** A dict literal whose values written as floats (PyFloats here) are Python's floats: `{'lr': 1.0}`. */
export function float_dict<T extends object>(obj: T): T {
  for (const [k, v] of Object.entries(obj)) {
    if (!(v instanceof PyFloat)) continue;
    (obj as Record<string, unknown>)[k] = v.value;
    markPyFloat(obj, k);
  }
  return obj;
}

/**
 * Python's `a or b` / `a and b` as a value where `a` is a container (`xs || [0]`, `opts || {}`): `a`'s
 * truth is Python's (an empty list, dict or set is false), and the operand that decided is the value,
 * as JavaScript's `||` / `&&` give it; `b` is evaluated only when needed.
 */
export function or<A, B>(a: A, b: () => B): A | B {
  return truth(a) ? a : b();
}
export function and<A, B>(a: A, b: () => B): A | B {
  return truth(a) ? b() : a;
}

/**
 * Python's `a == b` where a list, tuple or torch.Size is compared (`x.shape == [2, 3]`, `[1, 2] == ys`):
 * by value, item by item (JavaScript's `==` compares arrays by identity, so it was always false);
 * dicts (plain objects) by their keys and values; a tensor item by its truth value, as a list's
 * comparison asks `bool(x == y)`, but a tensor operand itself (an untyped `x == [1, 2]`) compares
 * elementwise as PyTorch does. The dialect writes Python's tuples as arrays, so a Size equals the
 * array of its sizes, as it equals that tuple in Python.
 */
export function pyeq(a: unknown, b: unknown): any {
  if (isPandas(a) || isPandas(b) || a instanceof Index || b instanceof Index) return op("eq", a, b);
  if (a instanceof ndarray || b instanceof ndarray) return op("eq", asOperand(a, b), asOperand(b, a));
  // An untyped operand may be a tensor (`x == [1, 2]`): PyTorch's elementwise comparison, a tensor.
  if (a instanceof Tensor || b instanceof Tensor) return op("eq", asOperand(a), asOperand(b));
  return itemsEqual(a, b);
}

/** Python's `a != b` where a list, tuple or Size is compared: the negation of {@link pyeq}. */
export function pyne(a: unknown, b: unknown): any {
  if (isPandas(a) || isPandas(b) || a instanceof Index || b instanceof Index) return op("ne", a, b);
  if (a instanceof ndarray || b instanceof ndarray) return op("ne", asOperand(a, b), asOperand(b, a));
  if (a instanceof Tensor || b instanceof Tensor) return op("ne", asOperand(a), asOperand(b));
  return !itemsEqual(a, b);
}

/** A list beside a tensor is the tensor PyTorch makes of it (`t == [1, 2]` is `t == torch.tensor([1, 2])`). */
function asOperand(x: unknown, other?: unknown): unknown {
  // Beside a NumPy array, a list is the array NumPy makes of it.
  if (other instanceof ndarray && Array.isArray(x)) return np.asarray(x);
  return Array.isArray(x) ? T.tensor(x as number[]) : x;
}

function itemsEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // An object with Python's __eq__ (NumPy's dtype: `a.dtype == np.float32`, `a.dtype == 'int64'`).
  if (a !== null && (typeof a === "object" || typeof a === "function") && typeof (a as { __eq__?: unknown }).__eq__ === "function") return Boolean((a as { __eq__(o: unknown): unknown }).__eq__(b));
  if (b !== null && (typeof b === "object" || typeof b === "function") && typeof (b as { __eq__?: unknown }).__eq__ === "function") return Boolean((b as { __eq__(o: unknown): unknown }).__eq__(a));
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => itemsEqual(x, b[i]));
  }
  if (a instanceof Tensor || b instanceof Tensor) return Boolean(truth(op("eq", a, b)));
  if (isDict(a) || isDict(b)) {
    if (!isDict(a) || !isDict(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && itemsEqual(a[k], b[k]));
  }
  // None: JavaScript's null and undefined both stand for it (`if (cache[k] == undefined)`).
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  // 1 == 1.0 == True in Python; a number never equals a string.
  if ((typeof a === "number" || typeof a === "boolean") && (typeof b === "number" || typeof b === "boolean")) return Number(a) === Number(b);
  return false;
}

/** `x++` whose value is used: the value before the step (a tensor, stepped in place, is the same object). */
export function postfix(before: any, _after: any): any {
  return before;
}

/**
 * `obj[key] op= value` for a receiver typed `any`, in Python's way: `obj[key]`, the in-place op on
 * it (`assign`), then `obj[key] =` the result, which for a tensor's view writes through and for a
 * mask or index tensor is the index_put_ that makes the write land. The new value is returned, or
 * with `before` (`x[i]++` whose value is used) the value read first.
 */
export function compound(inplace: string, obj: any, key: any, value: any, before = false): any {
  const current = getitem(obj, key);
  const old = before && current instanceof Tensor ? current.clone() : current;
  const next = assign(inplace, current, value);
  setitem(obj, key, next);
  return before ? old : next;
}

/**
 * Python's `lst[t]` with a tensor index (`n_class_correct[label] += 1`, `[class_names[x] for x in
 * classes]`): the list reads `t.__index__()`, which PyTorch allows for one integer element only.
 */
export function index(t: unknown): number {
  if (!(t instanceof Tensor)) return t as number;
  if (t.numel() !== 1 || t.is_floating_point()) throw new TypeError("only integer tensors of a single element can be converted to an index");
  return Number(t.item());
}

/**
 * An item of Python's tuple index typed `any` (`x[:, feat_idx]` with `feat_idx` a list given in a
 * branch): a list or a range is the index tensor PyTorch makes of it (not `index()`'s slice form of a
 * bare number array), anything else (a number, a slice string, a tensor, None) is left as it is.
 */
export function tupleItem(v: any): any {
  if (v instanceof Range) return T.tensor([...v]);
  if (Array.isArray(v)) return T.tensor(v as number[]);
  return v;
}

/**
 * Python's bound method: `obj` seen through a view whose methods, read as values, keep `obj` as
 * their `this` (the dialect's `map(obj.scale, xs)` is `map(bound(obj).scale, xs)`).
 */
export function bound<T>(obj: T): T {
  if (obj === null || obj === undefined) return obj;
  // A string's or number's methods keep the value itself as `this`.
  const self = obj as unknown;
  return new Proxy(Object(obj) as object, {
    get(target, name) {
      const v = Reflect.get(target, name, target);
      // It prints as Python's method (`<built-in method type of Tensor object at 0x...>`), not JavaScript's function.
      return typeof v === "function" ? (typeof name === "string" ? asBoundMethod(v.bind(self), self, name) : v.bind(self)) : v;
    },
  }) as T;
}

/**
 * A tensor's `x[index]` as a destructuring target (Python's `k[:2], k[3:5] = a, b` written
 * `[k[":2"], k["3:5"]] = [a, b]`): assigning its `value` writes x through `setter`.
 */
export function item_slot(x: Tensor, index: any, setter: "setitem" | "__setitem__"): { value: any } {
  return {
    set value(v: any) {
      if (setter === "setitem") x.setitem(index, v);
      else x.__setitem__(index, v);
    },
  } as { value: any };
}

/**
 * `obj[key]` for a receiver typed `any`: a tensor's index as the dialect writes it for a typed one
 * (`get` for a number, `__getitem__` for a list, `index` for a string, tensor or null), else
 * JavaScript's property read.
 */
export function getitem(obj: any, key: any, jsMissing = false): any {
  // A dict (a plain object, or a Map where its keys keep their order and type): its item, a missing key
  // Python's KeyError (a Counter's 0, a defaultdict's factory). `jsMissing`: the cell tests the read
  // itself as JavaScript does (`d[k] ?? 0`, `if (!seen[k])`), where a missing key stays undefined.
  if ((obj instanceof Map || isDict(obj)) && typeof key !== "symbol") {
    if (jsMissing && typeof (obj as { __missing__?: unknown }).__missing__ !== "function") return obj instanceof Map ? obj.get(key) : obj[key];
    return pydict.dict_getitem(obj, key);
  }
  if (obj instanceof ndarray) return ndarrayItem(obj, key);
  // pandas' `df['c']` (a column named like a property, 'index' or 'values', included), `s[0]`, `df.iloc[3]`.
  if (isPandas(obj) || obj instanceof ILoc || obj instanceof Loc || obj instanceof GroupBy) return obj.__getitem__(key instanceof Range ? [...key] : key);
  if (!(obj instanceof Tensor)) {
    if (key instanceof Tensor && (Array.isArray(obj) || typeof obj === "string")) key = index(key);
    // Python's index of a list, a torch.Size, a string or a typed array (kernel/sequence_items.ts): negative
    // from the end, IndexError past either end, where JavaScript reads undefined; a read the cell tests as
    // JavaScript does (`xs[i] ?? 0`) only counts from the end.
    if (typeof key === "number" && (Array.isArray(obj) || ArrayBuffer.isView(obj) || typeof obj === "string")) {
      if (!jsMissing) return item(obj as ArrayLike<unknown>, key);
      if (key < 0) return (obj as { at(i: number): unknown }).at(key);
    }
    // The dialect's slice of a list or a string (`xs[":3"]`, `` s[`${i}:`] ``): Python's slice, a new list or string.
    if ((Array.isArray(obj) || typeof obj === "string") && typeof key === "string" && !(key in Object(obj))) return sliceSequence(obj, key);
    // A data set reached untyped (`valid_data[0]` of a random_split Subset): its getitem, as typed.
    if (typeof key === "number" && typeof obj === "object" && obj !== null && !Array.isArray(obj) && typeof obj.getitem === "function") return obj.getitem(key);
    // Any other object with Python's `__getitem__` (a hand-written Dataset or container): Python's
    // `obj[key]`, a slice (`ds[":5"]`) or a tuple included; a name the object has stays its property.
    if (typeof obj === "object" && obj !== null && !Array.isArray(obj) && typeof obj.__getitem__ === "function" && !(typeof key === "string" && key in obj)) return obj.__getitem__(key);
    return obj[key];
  }
  if (typeof key === "number") return obj.get(key);
  if (Array.isArray(key)) return obj.__getitem__(key);
  return obj.index(key === null ? "None" : key);
}

/** `a[key]` of a NumPy array reached untyped: its getitem, as typed (`get`, `__getitem__` for a list, `index`). */
function ndarrayItem(obj: ndarray, key: any): any {
  if (typeof key === "number") return obj.get(key);
  if (Array.isArray(key)) return obj.__getitem__(key);
  return obj.index(key);
}

/**
 * Python's `seq[start:stop:step]` of a list, tuple or string, the slice written as the dialect's string
 * (`":3"`, `"1:"`, `"::-1"`); a string that is no slice is Python's TypeError.
 */
function sliceSequence(seq: unknown[] | string, spec: string): unknown[] | string {
  const at = slicePositions(spec, seq.length);
  if (at === null) {
    throw new TypeError(typeof seq === "string" ? "string indices must be integers, not 'str'" : `${pyTypeName(seq)} indices must be integers or slices, not str`);
  }
  const picked = at.map((i) => seq[i]);
  if (typeof seq === "string") return picked.join("");
  // A torch.Size's slice is a torch.Size (`x.shape[1:]`), a tuple's a tuple.
  if (seq instanceof Size) return new Size(picked as number[]);
  // `losses[1:]` of a list of floats: they stay Python's floats.
  at.forEach((i, j) => isPyFloatAt(seq, i) && markPyFloat(picked, j));
  return pyIsTuple(seq) ? asPyTuple(picked) : picked;
}

/** `obj[key] = value` for a receiver typed `any`: a tensor's setitem, else JavaScript's property write. Returns `value`. */
export function setitem(obj: any, key: any, value: any): any {
  if (isPandas(obj) || obj instanceof ILoc || obj instanceof Loc) {
    obj.__setitem__(key, value);
  } else if (obj instanceof ndarray) {
    if (Array.isArray(key)) obj.__setitem__(key, value);
    else obj.setitem(key, value);
  } else if (obj instanceof Tensor) {
    if (Array.isArray(key)) obj.__setitem__(key, value);
    else obj.setitem(key === null ? "None" : key, value);
  } else if (obj instanceof Map || (isDict(obj) && Array.isArray(key))) {
    pydict.dict_setitem(obj, key, value);
  } else if (typeof key === "number" && (Array.isArray(obj) || ArrayBuffer.isView(obj))) {
    // Python's store into a list: a negative index counts from the end, one past either end is IndexError.
    (obj as unknown[])[pos(obj as ArrayLike<unknown>, key, true)] = value;
  } else {
    // Python's dict keyed by ints (`counts[label] = ...` on `{}`): it prints {0: 3}, not {'0': 3}.
    if (typeof key === "number" && Number.isInteger(key) && isDict(obj)) asPyIntKeyed(obj);
    obj[key] = value;
  }
  return value;
}

