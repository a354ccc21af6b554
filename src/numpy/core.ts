/**
 * NumPy 1.24's arrays in the notebook dialect: dtype inference and promotion, broadcasting, ufuncs,
 * reductions and indexing over src/tensor/ndarray.ts's array. Everything here works on plain typed
 * arrays in JavaScript (NumPy runs on the CPU too). Basic slicing, transpose, reshape of contiguous
 * values, ravel, squeeze and expand_dims give views, as NumPy's do (writes through either reach the
 * other: src/tensor/ndarray.ts keeps a view's base, offset and strides); fancy indexing, masks and
 * copy() give new arrays.
 */
import { IndexError, TypeError, ValueError } from "../errors";
import * as D from "../tensor/dtype";
import { float32Scalar, ndarray, npdtype, positions } from "../tensor/ndarray";
import { Tensor } from "../tensor/tensor";
import { indexItems, IndexItem } from "../ops/movement";
import { stridesOf } from "../tensor/repr";
import { broadcastShapes as broadcastPair } from "../ops/_core";
import { from_numpy as fromNumpy } from "../ops/creation";
import { noteNumpyScalar, PyFloat, pyTypeName } from "../pyrepr";
import { float as pyFloat, int as pyInt } from "../builtins";
import { pythonRepr } from "../display/pylist";

export { stridesOf };

export type Scalar = number | boolean;
export type Nested = Scalar | ndarray | Nested[];
/** What np.array / asarray and every np.* function take for an array. */
export type ArrayInput = ndarray | Tensor | Nested | readonly Nested[];
/** A dtype as NumPy's functions take it: np.float32, 'float32', a.dtype, torch.float32, Python's float / int / bool. */
export type DTypeLike = npdtype | string | D.dtype | ((...args: never[]) => unknown) | null | undefined;

type Data = Float64Array | Float32Array | Int32Array | Uint8Array;

// ---------------------------------------------------------------------------------------------- dtypes

const NAMES: Record<string, D.dtype> = {
  float64: D.float64, float: D.float64, double: D.float64, f8: D.float64, float_: D.float64,
  float32: D.float32, single: D.float32, f4: D.float32,
  int64: D.int64, int: D.int64, long: D.int64, i8: D.int64, int_: D.int64, intp: D.int64,
  int32: D.int32, i4: D.int32, int16: D.int16, int8: D.int8, uint8: D.uint8, u1: D.uint8, ubyte: D.uint8,
  bool: D.bool, bool_: D.bool, "?": D.bool,
};

/** The torch dtype a NumPy dtype argument names; NumPy's TypeError for anything else. */
export function dtypeOf(d: DTypeLike): D.dtype | undefined {
  if (d === undefined || d === null) return undefined;
  if (d instanceof npdtype) return d._torch;
  if (d instanceof D.dtype) return d;
  if (typeof d === "string") {
    const t = NAMES[d.replace(/^torch\./, "")];
    if (t === undefined) throw new TypeError(`data type '${d}' not understood`);
    return t;
  }
  if (typeof d === "function") {
    const own = (d as { dtype?: unknown }).dtype;
    if (own instanceof npdtype) return own._torch;
    // Python's builtins as dtypes: float is float64, int int64, bool bool (src/builtins.ts's functions).
    const name = (d as { name?: string }).name;
    if (name === "float") return D.float64;
    if (name === "int") return D.int64;
    if (name === "bool") return D.bool;
  }
  throw new TypeError(`Cannot interpret '${String(d)}' as a data type`);
}

/** A fresh typed array that holds `n` values of `dtype` (int64 in a Float64Array: exact up to 2**53). */
export function storage(dtype: D.dtype, n: number): Data {
  if (dtype === D.float32) return new Float32Array(n);
  if (dtype === D.float64 || dtype === D.int64) return new Float64Array(n);
  if (dtype === D.uint8 || dtype === D.bool) return new Uint8Array(n);
  return new Int32Array(n);
}

/** A value as `dtype` stores it: an integer dtype truncates (NumPy's cast), bool is 0/1. */
function caster(dtype: D.dtype): (v: number) => number {
  if (dtype === D.bool) return (v) => (v !== 0 && !Number.isNaN(v) ? 1 : 0);
  if (dtype.is_floating_point) return (v) => v;
  if (dtype === D.int64) return (v) => Math.trunc(v);
  return (v) => v;
}

/** A new array of `dtype` and `shape` from values (cast as NumPy casts them). */
export function make(values: ArrayLike<number>, shape: readonly number[], dtype: D.dtype): ndarray {
  const data = storage(dtype, values.length);
  const cast = caster(dtype);
  for (let i = 0; i < values.length; i++) data[i] = cast(Number(values[i]));
  return new ndarray(data, [...shape], dtype);
}

type Kind = 0 | 1 | 2 | 3;
/** bool < unsigned < signed < float: NumPy's kinds, in the order promotion climbs. */
function kind(d: D.dtype): Kind {
  return d === D.bool ? 0 : d === D.uint8 ? 1 : d.is_floating_point ? 3 : 2;
}
const INT_RANK = [D.int8, D.int16, D.int32, D.int64];

/** NumPy's promote_types for the dtypes torchlab holds. */
export function promote(a: D.dtype, b: D.dtype): D.dtype {
  if (a === b) return a;
  const [ka, kb] = [kind(a), kind(b)];
  if (ka === 0) return b;
  if (kb === 0) return a;
  if (ka === 3 && kb === 3) return a === D.float64 || b === D.float64 ? D.float64 : D.float32;
  if (ka === 3 || kb === 3) {
    const [f, i] = ka === 3 ? [a, b] : [b, a];
    return f === D.float32 && (i === D.uint8 || i === D.int8 || i === D.int16) ? D.float32 : D.float64;
  }
  if (ka === 1 || kb === 1) {
    const i = ka === 1 ? b : a;
    return i === D.int8 ? D.int16 : i;
  }
  return INT_RANK[Math.max(INT_RANK.indexOf(a), INT_RANK.indexOf(b))];
}

/** An operand: an array, or a Python scalar (whose kind alone takes part in promotion, NumPy 1.24's value-based rule). */
type Operand = ndarray | Scalar;

function scalarKind(v: Scalar): Kind {
  return typeof v === "boolean" ? 0 : Number.isInteger(v) ? 2 : 3;
}

/** NumPy 1.24's result_type of two operands: a scalar (or 0-d array) beside an array keeps the array's dtype unless its kind is higher. */
export function resultType(a: Operand, b: Operand): D.dtype {
  const arrA = a instanceof ndarray && a.ndim > 0;
  const arrB = b instanceof ndarray && b.ndim > 0;
  const dtypeOfScalar = (v: Operand): D.dtype => (v instanceof ndarray ? v._dtype : typeof v === "boolean" ? D.bool : Number.isInteger(v) ? D.int64 : D.float64);
  const kindOf = (v: Operand): Kind => (v instanceof ndarray ? kind(v._dtype) : scalarKind(v));
  if (arrA === arrB) {
    if (a instanceof ndarray || b instanceof ndarray) {
      if (a instanceof ndarray && b instanceof ndarray) return promote(a._dtype, b._dtype);
      const [arr, s] = a instanceof ndarray ? [a, b as Scalar] : [b as ndarray, a as Scalar];
      return kind(arr._dtype) >= scalarKind(s) && !(kind(arr._dtype) === 1 && scalarKind(s) === 2) ? arr._dtype : promote(arr._dtype, dtypeOfScalar(s));
    }
    return promote(dtypeOfScalar(a), dtypeOfScalar(b));
  }
  const [arr, s] = arrA ? [a as ndarray, b] : [b as ndarray, a];
  const ka = kind(arr._dtype);
  const ks = kindOf(s);
  if (ks <= ka || (ka === 1 && ks === 2)) return arr._dtype;
  return promote(arr._dtype, ks === 3 && !(s instanceof ndarray) ? D.float64 : dtypeOfScalar(s));
}

// ---------------------------------------------------------------------------------------------- creation

function isNested(x: unknown): x is Nested[] {
  return Array.isArray(x);
}

/**
 * NumPy's np.array of nested lists: the shape from the nesting (NumPy's ValueError for ragged lists),
 * bools as bool, whole numbers as int64, any other number as float64, arrays inside as their values
 * (their dtype promoted with the rest).
 */
export function fromNested(x: unknown, dtype?: D.dtype): ndarray {
  if (x instanceof ndarray) return dtype === undefined || dtype === x._dtype ? copy(x) : astype(x, dtype);
  if (x instanceof Tensor) return fromNested(x.detach().numpy(), dtype);
  const shape: number[] = [];
  const values: number[] = [];
  let inferred: D.dtype | null = null;
  const note = (d: D.dtype): void => {
    inferred = inferred === null ? d : promote(inferred, d);
  };
  const walk = (v: unknown, depth: number): void => {
    if (v instanceof ndarray || v instanceof Tensor) {
      const a = v instanceof Tensor ? v.detach().numpy() : v;
      a.shape.forEach((n, k) => {
        if (shape.length <= depth + k) shape.push(n);
        else if (shape[depth + k] !== n) throw ragged(shape, depth + k);
      });
      note(a._dtype);
      for (let i = 0; i < a.size; i++) values.push(a.data[i]);
      return;
    }
    // A sequence is read as a list at any depth, as NumPy reads one: a typed array, a pandas Series, a
    // range (`np.array([df.iloc[i, 1:]])`, the data-loading tutorial's landmarks row); at the top, any
    // iterable (a generator, a Set), as torchlab always has.
    if (ArrayBuffer.isView(v)) v = Array.from(v as unknown as ArrayLike<number>);
    else if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as Iterable<unknown>)[Symbol.iterator] === "function" && (depth === 0 || isSized(v))) v = [...(v as Iterable<unknown>)];
    if (Array.isArray(v)) {
      if (shape.length <= depth) {
        if (values.length > 0) throw ragged(shape, depth);
        shape.push(v.length);
      } else if (shape[depth] !== v.length) throw ragged(shape, depth);
      for (const item of v) walk(item, depth + 1);
      return;
    }
    if (depth < shape.length) throw ragged(shape, depth);
    if (typeof v === "boolean") {
      note(D.bool);
      values.push(v ? 1 : 0);
    } else if (typeof v === "number") {
      note(Number.isInteger(v) ? D.int64 : D.float64);
      values.push(v);
    } else if (v instanceof PyFloat) {
      // A float of an object-dtype row (`df.iloc[i, 1:]` of a frame with a string column).
      note(D.float64);
      values.push(v.value);
    } else if (typeof v === "string") {
      // With a numeric dtype NumPy parses each string as Python's float() / int() would; without one it
      // makes a str array (dtype '<U1'), which torchlab's arrays (numbers and booleans) cannot hold.
      if (dtype === undefined) {
        throw new TypeError(`np.array of str values (${pythonRepr(v)}) is not supported: torchlab's NumPy arrays hold numbers and booleans (NumPy would make a str array, dtype '<U${v.length}'); keep the strings in a list, or map them to numbers first`);
      }
      values.push(dtype === D.bool ? Number(v.length > 0) : dtype.is_floating_point ? pyFloat(v) : pyInt(v));
    } else {
      throw new TypeError(`float() argument must be a string or a real number, not '${pyTypeName(v)}'`);
    }
  };
  walk(x, 0);
  if (values.length !== shape.reduce((p, n) => p * n, 1)) throw ragged(shape, shape.length);
  // An empty list is float64, as NumPy makes it.
  return make(values, shape, dtype ?? inferred ?? D.float64);
}

/** Python's sized sequences among iterables (a Series, a range): a length, and not a Set or Map. */
function isSized(v: object): boolean {
  if (v instanceof Set || v instanceof Map) return false;
  return typeof (v as { length?: unknown }).length === "number" || typeof (v as { __len__?: unknown }).__len__ === "function";
}

function ragged(shape: number[], depth: number): ValueError {
  return new ValueError(`setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${shapeText(shape.slice(0, depth))} + inhomogeneous part.`);
}

/** An operand as an array (a scalar stays a scalar, for value-based promotion). */
export function operand(x: unknown): Operand {
  if (x instanceof ndarray || typeof x === "number" || typeof x === "boolean") return x;
  return fromNested(x);
}

export function asarray(x: unknown): ndarray {
  return x instanceof ndarray ? x : fromNested(x);
}

export function copy(a: ndarray): ndarray {
  return new ndarray(a.data.slice() as Data, [...a.shape], a._dtype);
}

export function astype(a: ndarray, dtype: D.dtype): ndarray {
  return make(a.data, a.shape, dtype);
}

export function full(shape: number | readonly number[], value: Scalar, dtype: D.dtype): ndarray {
  const s = shapeArg(shape);
  const n = s.reduce((p, k) => p * k, 1);
  return make(new Float64Array(n).fill(Number(value)), s, dtype);
}

export function shapeArg(shape: number | readonly number[]): number[] {
  const s = typeof shape === "number" ? [shape] : [...shape];
  for (const n of s) {
    if (!Number.isInteger(n)) throw new TypeError(`'${typeof n === "number" ? "float" : typeof n}' object cannot be interpreted as an integer`);
    if (n < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return s;
}

// ---------------------------------------------------------------------------------------------- shapes

export function shapeText(shape: readonly number[]): string {
  return `(${shape.join(",")}${shape.length === 1 ? "," : ""})`;
}

/** NumPy's broadcast of any number of shapes (the pairwise rule of src/ops/_core.ts), with NumPy's error naming them all. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let out: number[] = [];
  for (const s of shapes) {
    const next = broadcastPair(out, s);
    if (next === null) throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(shapeText).join(" ")} `);
    out = next;
  }
  return out;
}

/** For each position of `shape`, the offset of the value `a` (broadcast to `shape`) holds there. */
function broadcastIndex(from: readonly number[], shape: readonly number[]): Int32Array {
  const fs = stridesOf(from);
  const lead = shape.length - from.length;
  // A broadcast dimension is read with stride 0: the positions of a strided view of `a`.
  return positions(shape, 0, shape.map((d, i) => (i < lead || from[i - lead] === 1 ? 0 : fs[i - lead])));
}

export function broadcastTo(a: ndarray, shape: readonly number[]): ndarray {
  const target = broadcastShapes(a.shape, shape);
  if (target.join(",") !== shape.join(",")) {
    throw new ValueError(`could not broadcast input array from shape ${shapeText(a.shape)} into shape ${shapeText(shape)}`);
  }
  const at = broadcastIndex(a.shape, shape);
  const data = storage(a._dtype, at.length);
  for (let k = 0; k < at.length; k++) data[k] = a.data[at[k]];
  return new ndarray(data, [...shape], a._dtype);
}

// ---------------------------------------------------------------------------------------------- elementwise

type Binary = (x: number, y: number) => number;

function pyMod(x: number, y: number): number {
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
}

/** The binary ufuncs: [function, result dtype from the promoted one]. */
const BINARY: Record<string, [Binary, (d: D.dtype) => D.dtype]> = {
  add: [(x, y) => x + y, (d) => d],
  subtract: [(x, y) => x - y, (d) => d],
  multiply: [(x, y) => x * y, (d) => d],
  true_divide: [(x, y) => x / y, (d) => (d.is_floating_point ? d : D.float64)],
  floor_divide: [(x, y) => Math.floor(x / y), (d) => d],
  remainder: [pyMod, (d) => d],
  power: [(x, y) => x ** y, (d) => d],
  maximum: [(x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.max(x, y)), (d) => d],
  minimum: [(x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.min(x, y)), (d) => d],
  less: [(x, y) => +(x < y), () => D.bool],
  less_equal: [(x, y) => +(x <= y), () => D.bool],
  greater: [(x, y) => +(x > y), () => D.bool],
  greater_equal: [(x, y) => +(x >= y), () => D.bool],
  equal: [(x, y) => +(x === y), () => D.bool],
  not_equal: [(x, y) => +(x !== y), () => D.bool],
  logical_and: [(x, y) => +(x !== 0 && y !== 0), () => D.bool],
  logical_or: [(x, y) => +(x !== 0 || y !== 0), () => D.bool],
  logical_xor: [(x, y) => +((x !== 0) !== (y !== 0)), () => D.bool],
  bitwise_and: [(x, y) => x & y, (d) => d],
  bitwise_or: [(x, y) => x | y, (d) => d],
  bitwise_xor: [(x, y) => x ^ y, (d) => d],
  arctan2: [Math.atan2, (d) => (d.is_floating_point ? d : D.float64)],
};

const SYMBOL: Record<string, string> = { add: "+", subtract: "-", multiply: "*", true_divide: "/", remainder: "%", power: "** or pow()", floor_divide: "//" };

/** `name(a, b)` with NumPy's broadcasting and promotion; `out` (an array of the result's shape) receives it in place. */
export function binary(name: string, a: unknown, b: unknown, out?: ndarray): ndarray {
  const [fn, resultOf] = BINARY[name];
  const x = operand(a);
  const y = operand(b);
  const common = resultType(x, y);
  if (name.startsWith("bitwise") && common.is_floating_point) {
    throw new TypeError(`ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
  }
  if (name === "subtract" && common === D.bool) {
    throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  }
  const dtype = resultOf(common);
  const xs = x instanceof ndarray ? x.shape : [];
  const ys = y instanceof ndarray ? y.shape : [];
  const shape = broadcastShapes(xs, ys);
  const n = shape.reduce((p, k) => p * k, 1);
  const xi = x instanceof ndarray ? broadcastIndex(xs, shape) : null;
  const yi = y instanceof ndarray ? broadcastIndex(ys, shape) : null;
  // Values as the common dtype holds them (a float32 operand's float, an int's integer).
  const round = common === D.float32 ? Math.fround : (v: number) => v;
  const xv = (k: number): number => (xi ? (x as ndarray).data[xi[k]] : round(Number(x)));
  const yv = (k: number): number => (yi ? (y as ndarray).data[yi[k]] : round(Number(y)));
  const integer = !common.is_floating_point;
  if (integer && name === "power") {
    for (let k = 0; k < n; k++) if (yv(k) < 0) throw new ValueError("Integers to negative integer powers are not allowed.");
  }
  let f = fn;
  // NumPy's integer `//` and `%` by zero give 0 (with a warning), not inf or NaN.
  if (integer && (name === "floor_divide" || name === "remainder")) f = (p, q) => (q === 0 ? 0 : fn(p, q));
  const target = out ?? new ndarray(storage(dtype, n), shape, dtype);
  if (out !== undefined) {
    if (shape.join(",") !== out.shape.join(",")) throw new ValueError(`non-broadcastable output operand with shape ${shapeText(out.shape)} doesn't match the broadcast shape ${shapeText(shape)}`);
    if (kind(dtype) > kind(out._dtype) || (dtype.is_floating_point && out._dtype === D.float32 && dtype === D.float64 && false)) {
      throw new TypeError(`Cannot cast ufunc '${name}' output from dtype('${dtype._name}') to dtype('${out._dtype._name}') with casting rule 'same_kind'`);
    }
  }
  const cast = caster(target._dtype);
  const result = new Float64Array(n);
  for (let k = 0; k < n; k++) result[k] = cast(f(xv(k), yv(k)));
  // Computed first, then written: `a += a[::-1]`-style aliasing reads the old values, as NumPy's buffered ufunc.
  target.data.set(result as unknown as ArrayLike<number>);
  if (out !== undefined) out._written();
  return target;
}

const COMPARE_SYMBOL: Record<string, string> = { less: "<", less_equal: "<=", greater: ">", greater_equal: ">=" };

/**
 * `a <op> t` with a tensor on the right, as Python runs it beside PyTorch 1.13: NumPy declines and the
 * tensor's reflected operator has none but `/` (a tensor), so `a + t` and `a * t` are Python's TypeError
 * (write `torch.from_numpy(a) + t`, or `t + a`); `a == t` is False. Null when `other` is no tensor.
 */
export function withTensor(name: string, a: ndarray, other: unknown): Tensor | boolean | null {
  if (!(other instanceof Tensor)) return null;
  if (name === "true_divide") return fromNumpy(binary(name, a, other._numpyCopy()), false);
  if (name === "equal" || name === "not_equal") return name === "not_equal";
  if (name === "add") throw new TypeError("Concatenation operation is not implemented for NumPy arrays, use np.concatenate() instead. Please do not rely on this error; it may not be given on all Python implementations.");
  if (COMPARE_SYMBOL[name]) throw new TypeError(`'${COMPARE_SYMBOL[name]}' not supported between instances of 'numpy.ndarray' and 'Tensor'`);
  throw new TypeError(`unsupported operand type(s) for ${name === "matmul" ? "@" : SYMBOL[name]}: 'numpy.ndarray' and 'Tensor'`);
}

/** `op` of Python's operators, for NumPy's error text. */
export function operatorSymbol(name: string): string {
  return SYMBOL[name] ?? name;
}

type Unary = (x: number) => number;
/** Unary ufuncs: [function, keeps an integer dtype (abs, negative) or makes it float64 (sin, exp)]. */
const UNARY: Record<string, [Unary, "keep" | "float"]> = {
  negative: [(x) => -x, "keep"],
  absolute: [Math.abs, "keep"],
  square: [(x) => x * x, "keep"],
  sign: [(x) => (Number.isNaN(x) ? NaN : Math.sign(x) + 0), "keep"],
  sin: [Math.sin, "float"], cos: [Math.cos, "float"], tan: [Math.tan, "float"],
  arcsin: [Math.asin, "float"], arccos: [Math.acos, "float"], arctan: [Math.atan, "float"],
  sinh: [Math.sinh, "float"], cosh: [Math.cosh, "float"], tanh: [Math.tanh, "float"],
  exp: [Math.exp, "float"], expm1: [Math.expm1, "float"], exp2: [(x) => 2 ** x, "float"],
  log: [Math.log, "float"], log2: [Math.log2, "float"], log10: [Math.log10, "float"], log1p: [Math.log1p, "float"],
  sqrt: [Math.sqrt, "float"], cbrt: [Math.cbrt, "float"], reciprocal: [(x) => 1 / x, "float"],
  floor: [Math.floor, "float"], ceil: [Math.ceil, "float"], trunc: [Math.trunc, "float"], rint: [roundHalfEven, "float"],
  isnan: [(x) => +Number.isNaN(x), "float"], isinf: [(x) => +(x === Infinity || x === -Infinity), "float"], isfinite: [(x) => +Number.isFinite(x), "float"],
  logical_not: [(x) => +(x === 0), "float"],
};
const BOOL_RESULT = new Set(["isnan", "isinf", "isfinite", "logical_not"]);

export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  // Math.round rounds halves up; NumPy (and Python) round them to even.
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function unary(name: string, a: unknown): ndarray {
  const x = asarray(a);
  const [fn, mode] = UNARY[name];
  if (name === "negative" && x._dtype === D.bool) {
    throw new TypeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
  }
  const dtype = BOOL_RESULT.has(name) ? D.bool : mode === "keep" || x._dtype.is_floating_point ? (name === "square" && x._dtype === D.bool ? D.bool : x._dtype) : x._dtype === D.float32 ? D.float32 : D.float64;
  const round = x._dtype === D.float32 ? Math.fround : (v: number) => v;
  const values = new Float64Array(x.size);
  for (let k = 0; k < x.size; k++) values[k] = round(fn(x.data[k]));
  // An unsigned array's negative wraps, as NumPy's does.
  return make(dtype === D.uint8 ? Array.from(values, (v) => ((v % 256) + 256) % 256) : values, x.shape, dtype);
}

/** np.round(a, decimals): half to even, as NumPy's (an integer array stays integer). */
export function around(a: unknown, decimals = 0): ndarray {
  const x = asarray(a);
  if (!x._dtype.is_floating_point) return copy(x);
  const scale = 10 ** decimals;
  const values = Array.from(x.data, (v) => (decimals === 0 ? roundHalfEven(v) : decimals > 0 ? roundHalfEven(v * scale) / scale : roundHalfEven(v / 10 ** -decimals) * 10 ** -decimals));
  return make(values, x.shape, x._dtype);
}

export function clip(a: unknown, lo: unknown, hi: unknown): ndarray {
  if ((lo === null || lo === undefined) && (hi === null || hi === undefined)) throw new ValueError("One of max or min must be given");
  let x: ndarray = asarray(a);
  if (lo !== null && lo !== undefined) x = binary("maximum", x, lo);
  if (hi !== null && hi !== undefined) x = binary("minimum", x, hi);
  return x === a ? copy(x) : x;
}

/**
 * clip's two bounds from its arguments, keywords in a trailing object by the names given: ndarray.clip's
 * `{min, max}`, np.clip's `{a_min, a_max}` (`a.clip(min=0)`, `np.clip(a, 0, a_max=1)`).
 */
export function clipBounds(args: readonly unknown[], loName: string, hiName: string): [unknown, unknown] {
  const last = args[args.length - 1];
  if (last === null || typeof last !== "object" || Object.getPrototypeOf(last) !== Object.prototype) return [args[0], args[1]];
  const o = last as Record<string, unknown>;
  const positional = args.slice(0, -1);
  return [o[loName] ?? positional[0], o[hiName] ?? positional[1]];
}

// ---------------------------------------------------------------------------------------------- shape ops

export function reshape(a: ndarray, shape: readonly number[]): ndarray {
  const s = [...shape];
  const unknown = s.indexOf(-1);
  if (s.filter((d) => d === -1).length > 1) throw new ValueError("can only specify one unknown dimension");
  const known = s.reduce((p, d) => (d === -1 ? p : p * d), 1);
  if (unknown >= 0 && known !== 0 && a.size % known === 0) s[unknown] = a.size / known;
  if (s.reduce((p, d) => p * d, 1) !== a.size || s.some((d) => d < 0)) {
    throw new ValueError(`cannot reshape array of size ${a.size} into shape ${shapeText(shape)}`);
  }
  const strides = reshapedStrides(a, s);
  return strides === null ? new ndarray(a.data.slice() as Data, s, a._dtype) : viewOf(a, s, a._offset, strides);
}

/** The positions in its base's memory that `a` reads (in row-major order). */
export function memoryPositions(a: ndarray): number[] {
  const out: number[] = [];
  const walk = (d: number, off: number): void => {
    if (d === a.ndim) out.push(off);
    else for (let i = 0; i < a.shape[d]; i++) walk(d + 1, off + i * a._strides[d]);
  };
  walk(0, a._offset);
  return out;
}

/** A view of `a`'s memory (its base's, when `a` is a view itself). */
export function viewOf(a: ndarray, shape: number[], offset: number, strides: number[]): ndarray {
  return ndarray._view(a._root ?? a, shape, offset, strides);
}

/**
 * The strides that read `a`'s values in row-major order as `shape`, or null when no strides can
 * (NumPy's _attempt_nocopy_reshape: reshape then copies).
 */
function reshapedStrides(a: ndarray, shape: readonly number[]): number[] | null {
  const oldShape: number[] = [];
  const oldStrides: number[] = [];
  a.shape.forEach((d, i) => {
    if (d !== 1) {
      oldShape.push(d);
      oldStrides.push(a._strides[i]);
    }
  });
  if (a.size === 0) return stridesOf(shape);
  const out = new Array<number>(shape.length).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < shape.length && oi < oldShape.length) {
    let np_ = shape[ni];
    let op = oldShape[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= shape[nj++];
      else op *= oldShape[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) if (oldStrides[ok] !== oldShape[ok + 1] * oldStrides[ok + 1]) return null;
    out[nj - 1] = oldStrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) out[nk - 1] = out[nk] * shape[nk];
    ni = nj++;
    oi = oj++;
  }
  // Trailing axes of size 1.
  const last = ni > 0 ? out[ni - 1] : 1;
  for (; ni < shape.length; ni++) out[ni] = last;
  return out;
}

export function normAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** NumPy's AxisError (a ValueError and an IndexError in NumPy; reported by its own name). */
export class AxisError extends ValueError {
  constructor(message: string) {
    super(message);
    this.name = "AxisError";
  }
}

export function transpose(a: ndarray, axes?: readonly number[]): ndarray {
  const order = axes === undefined || axes.length === 0 ? a.shape.map((_, i) => a.ndim - 1 - i) : axes.map((ax) => normAxis(ax, a.ndim));
  if (order.length !== a.ndim || new Set(order).size !== order.length) throw new ValueError("axes don't match array");
  return viewOf(a, order.map((ax) => a.shape[ax]), a._offset, order.map((ax) => a._strides[ax]));
}

export function concatenate(arrays: readonly unknown[], axis = 0): ndarray {
  const xs = arrays.map(asarray);
  if (xs.length === 0) throw new ValueError("need at least one array to concatenate");
  const nd = xs[0].ndim;
  if (nd === 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
  const ax = normAxis(axis, nd);
  xs.forEach((x, i) => {
    if (x.ndim !== nd) {
      throw new ValueError(`all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${x.ndim} dimension(s)`);
    }
    x.shape.forEach((d, k) => {
      if (k !== ax && d !== xs[0].shape[k]) {
        throw new ValueError(`all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${k}, the array at index 0 has size ${xs[0].shape[k]} and the array at index ${i} has size ${d}`);
      }
    });
  });
  const dtype = xs.map((x) => x._dtype).reduce(promote);
  const shape = [...xs[0].shape];
  shape[ax] = xs.reduce((p, x) => p + x.shape[ax], 0);
  const outer = shape.slice(0, ax).reduce((p, d) => p * d, 1);
  const values: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const x of xs) {
      const chunk = x.shape.slice(ax).reduce((p, d) => p * d, 1);
      for (let k = 0; k < chunk; k++) values.push(x.data[o * chunk + k]);
    }
  }
  return make(values, shape, dtype);
}

export function stack(arrays: readonly unknown[], axis = 0): ndarray {
  const xs = arrays.map(asarray);
  if (xs.length === 0) throw new ValueError("need at least one array to stack");
  if (xs.some((x) => x.shape.join(",") !== xs[0].shape.join(","))) throw new ValueError("all input arrays must have the same shape");
  const ax = normAxis(axis, xs[0].ndim + 1);
  return concatenate(xs.map((x) => expandDims(x, ax)), ax);
}

export function expandDims(a: ndarray, axis: number): ndarray {
  const ax = normAxis(axis, a.ndim + 1);
  const shape = [...a.shape];
  shape.splice(ax, 0, 1);
  const strides = [...a._strides];
  strides.splice(ax, 0, 1);
  return viewOf(a, shape, a._offset, strides);
}

export function squeeze(a: ndarray, axis?: number | null): ndarray {
  const keep = (i: number) => (axis === undefined || axis === null ? a.shape[i] !== 1 : i !== normAxis(axis, a.ndim));
  if (axis !== undefined && axis !== null && a.shape[normAxis(axis, a.ndim)] !== 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
  const axes = a.shape.map((_, i) => i).filter(keep);
  return viewOf(a, axes.map((i) => a.shape[i]), a._offset, axes.map((i) => a._strides[i]));
}

// ---------------------------------------------------------------------------------------------- reductions

export type Axis = number | readonly number[] | null | undefined;
export interface ReduceOptions {
  axis?: Axis;
  keepdims?: boolean;
  dtype?: DTypeLike;
  ddof?: number;
}

/** A reduction's result as NumPy gives it: a scalar (a number, a bool, a float32's shortest decimal) or an array. */
export type Reduced = ndarray | number | boolean;

export function scalarOf(a: ndarray, k = 0): number | boolean {
  const v = a.data[k];
  const scalar = a._dtype === D.bool ? v !== 0 : a._dtype === D.float32 ? float32Scalar(v) : v;
  noteNumpyScalar(scalar, a._dtype.is_floating_point);
  return scalar;
}

/**
 * `fn` over the axes (all of them for null), each group's values in order; the result as `dtype`,
 * a scalar when every axis went and keepdims is off.
 */
export function reduce(op: string, a: ndarray, axis: Axis, keepdims: boolean, dtype: D.dtype, fn: (values: number[]) => number, identity = true): Reduced {
  const axes = axis === null || axis === undefined ? a.shape.map((_, i) => i) : (typeof axis === "number" ? [axis] : [...axis]).map((ax) => normAxis(ax, a.ndim));
  if (new Set(axes).size !== axes.length) throw new ValueError("duplicate value in 'axis'");
  if (!identity && axes.some((ax) => a.shape[ax] === 0)) throw new ValueError(`zero-size array to reduction operation ${op} which has no identity`);
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outShape = kept.map((i) => a.shape[i]);
  const n = outShape.reduce((p, d) => p * d, 1);
  const groups: number[][] = Array.from({ length: n }, () => []);
  const strides = stridesOf(outShape);
  const idx = new Array<number>(a.ndim).fill(0);
  for (let k = 0; k < a.size; k++) {
    let o = 0;
    kept.forEach((d, j) => (o += idx[d] * strides[j]));
    groups[o].push(a.data[k]);
    for (let d = a.ndim - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  }
  const out = make(groups.map(fn), keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : outShape, dtype);
  if (!keepdims && outShape.length === 0) return scalarOf(out);
  return out;
}

/** NumPy's sum of float values: pairwise, as its float reductions add (so a float32 mean prints NumPy's digits). */
export function pairwise(values: number[], round: (x: number) => number, lo = 0, hi = values.length): number {
  const n = hi - lo;
  if (n < 8) {
    let s = round(0);
    for (let i = lo; i < hi; i++) s = round(s + values[i]);
    return s;
  }
  if (n <= 128) {
    const r = new Array<number>(8).fill(0);
    for (let j = 0; j < 8; j++) r[j] = values[lo + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = round(r[j] + values[lo + i + j]);
    let s = round(round(round(r[0] + r[1]) + round(r[2] + r[3])) + round(round(r[4] + r[5]) + round(r[6] + r[7])));
    for (; i < n; i++) s = round(s + values[lo + i]);
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return round(pairwise(values, round, lo, lo + half) + pairwise(values, round, lo + half, hi));
}

function sumOf(dtype: D.dtype): (v: number[]) => number {
  if (!dtype.is_floating_point) return (v) => v.reduce((p, x) => p + x, 0);
  const round = dtype === D.float32 ? Math.fround : (x: number) => x;
  return (v) => pairwise(v, round);
}

/** The dtype a sum accumulates in: bool and small ints as int64 (NumPy's default int), a float as itself. */
function sumDtype(a: ndarray, dtype?: DTypeLike): D.dtype {
  const d = dtypeOf(dtype);
  if (d !== undefined) return d;
  return a._dtype.is_floating_point ? a._dtype : D.int64;
}

export function sum(a: ndarray, o: ReduceOptions = {}): Reduced {
  const dtype = sumDtype(a, o.dtype);
  return reduce("add", a, o.axis, o.keepdims ?? false, dtype, sumOf(dtype));
}

export function prod(a: ndarray, o: ReduceOptions = {}): Reduced {
  return reduce("multiply", a, o.axis, o.keepdims ?? false, sumDtype(a, o.dtype), (v) => v.reduce((p, x) => p * x, 1));
}

function meanDtype(a: ndarray, dtype?: DTypeLike): D.dtype {
  return dtypeOf(dtype) ?? (a._dtype.is_floating_point ? a._dtype : D.float64);
}

export function mean(a: ndarray, o: ReduceOptions = {}): Reduced {
  const dtype = meanDtype(a, o.dtype);
  const add = sumOf(dtype);
  const round = dtype === D.float32 ? Math.fround : (x: number) => x;
  return reduce("add", a, o.axis, o.keepdims ?? false, dtype, (v) => round(add(v) / v.length));
}

export function variance(a: ndarray, o: ReduceOptions = {}, sqrt = false): Reduced {
  const dtype = meanDtype(a, o.dtype);
  const add = sumOf(dtype);
  const round = dtype === D.float32 ? Math.fround : (x: number) => x;
  const ddof = o.ddof ?? 0;
  return reduce("add", a, o.axis, o.keepdims ?? false, dtype, (v) => {
    const m = round(add(v) / v.length);
    const s = round(add(v.map((x) => round(round(x - m) ** 2))) / Math.max(v.length - ddof, 0));
    return sqrt ? round(Math.sqrt(s)) : s;
  });
}

export function extreme(a: ndarray, o: ReduceOptions, max: boolean): Reduced {
  const pick = (v: number[]) => v.reduce((p, x) => (Number.isNaN(p) || Number.isNaN(x) ? NaN : max ? Math.max(p, x) : Math.min(p, x)));
  return reduce(max ? "maximum" : "minimum", a, o.axis, o.keepdims ?? false, a._dtype, pick, false);
}

export function argExtreme(a: ndarray, axis: number | null | undefined, max: boolean, keepdims = false): Reduced {
  const op = max ? "argmax" : "argmin";
  const find = (v: number[]) => {
    let best = 0;
    for (let i = 1; i < v.length; i++) {
      if (Number.isNaN(v[best])) break;
      if (Number.isNaN(v[i]) || (max ? v[i] > v[best] : v[i] < v[best])) best = i;
    }
    return best;
  };
  if (a.size === 0) throw new ValueError(`attempt to get ${op} of an empty sequence`);
  if (axis === null || axis === undefined) {
    const r = find(Array.from(a.data));
    return keepdims ? make([r], a.shape.map(() => 1), D.int64) : r;
  }
  return reduce(op, a, axis, keepdims, D.int64, find, false);
}

export function anyAll(a: ndarray, o: ReduceOptions, all: boolean): Reduced {
  return reduce(all ? "logical_and" : "logical_or", a, o.axis, o.keepdims ?? false, D.bool, (v) => +(all ? v.every((x) => x !== 0) : v.some((x) => x !== 0)));
}

/** np.cumsum / cumprod: along an axis, or over the flattened values. */
export function cumulative(a: ndarray, axis: number | null | undefined, product: boolean, dtype?: DTypeLike): ndarray {
  const out = dtypeOf(dtype) ?? (a._dtype.is_floating_point ? a._dtype : D.int64);
  const round = out === D.float32 ? Math.fround : (x: number) => x;
  const x = axis === null || axis === undefined ? reshape(a, [-1]) : a;
  const ax = axis === null || axis === undefined ? 0 : normAxis(axis, a.ndim);
  const stride = stridesOf(x.shape)[ax];
  const len = x.shape[ax];
  const values = Float64Array.from(x.data as ArrayLike<number>);
  for (let k = 0; k < values.length; k++) {
    const i = Math.floor(k / stride) % len;
    if (i > 0) values[k] = round(product ? values[k - stride] * values[k] : values[k - stride] + values[k]);
  }
  return make(values, x.shape, out);
}

// ---------------------------------------------------------------------------------------------- indexing

/** A key as the dialect writes NumPy's subscript: an integer, an index string (`":, 0"`), a mask or index array, a list, or their tuple form. */
export type Key = number | string | ndarray | Tensor | null | readonly unknown[];

type Item = { kind: "int"; i: number } | { kind: "slice"; start: number | null; stop: number | null; step: number | null } | { kind: "new" } | { kind: "ellipsis" } | { kind: "array"; a: ndarray };

function itemOf(it: IndexItem | ndarray | unknown): Item {
  if (it === "..." ) return { kind: "ellipsis" };
  if (it === "None" || it === undefined) return { kind: "new" };
  if (it === null) return { kind: "slice", start: null, stop: null, step: null };
  if (typeof it === "number") {
    if (!Number.isInteger(it)) throw new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
    return { kind: "int", i: it };
  }
  if (typeof it === "boolean") return { kind: "array", a: make([+it], [], D.bool) };
  if (it instanceof ndarray) return { kind: "array", a: it };
  if (it instanceof Tensor) return { kind: "array", a: it.detach().numpy() };
  if (Array.isArray(it)) {
    const [start, stop, step] = it as [number | null, number | null, number | null];
    return { kind: "slice", start: start ?? null, stop: stop ?? null, step: step ?? null };
  }
  throw new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
}

/** The items of a key: a string is the tuple it spells (src/ops/movement.ts's parser), a list the list index NumPy reads. */
function itemsOf(key: Key, tuple: boolean): Item[] {
  if (typeof key === "string") return indexItems(key).map(itemOf);
  if (Array.isArray(key) && !tuple) return [{ kind: "array", a: fromNested(key) }];
  if (Array.isArray(key)) return indexItems(key as IndexItem[]).map(itemOf);
  return [itemOf(key)];
}

/** Python's slice.indices: the positions a slice picks from `size` items. */
function slicePositions(start: number | null, stop: number | null, step: number | null, size: number): number[] {
  const st = step ?? 1;
  if (st === 0) throw new ValueError("slice step cannot be zero");
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const norm = (v: number | null, dflt: number, lo: number, hi: number) => (v === null ? dflt : clamp(v < 0 ? v + size : v, lo, hi));
  const out: number[] = [];
  if (st > 0) {
    for (let i = norm(start, 0, 0, size), e = norm(stop, size, 0, size); i < e; i += st) out.push(i);
  } else {
    for (let i = norm(start, size - 1, -1, size - 1), e = norm(stop, -1, -1, size - 1); i > e; i += st) out.push(i);
  }
  return out;
}

/** Where `a[key]` reads: the flat offsets in the result's order, and the result's shape. */
export function locate(a: ndarray, key: Key, tuple = true): { offsets: Int32Array | number[]; shape: number[]; scalar: boolean } {
  let items = itemsOf(key, tuple);
  // A bool array consumes as many axes as it has.
  const consumed = items.reduce((n, it) => n + (it.kind === "ellipsis" || it.kind === "new" ? 0 : it.kind === "array" && it.a._dtype === D.bool ? Math.max(it.a.ndim, 1) : 1), 0);
  if (items.filter((it) => it.kind === "ellipsis").length > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (consumed > a.ndim) {
    throw new IndexError(a.ndim === 0 ? `too many indices for array: array is 0-dimensional, but ${consumed} were indexed` : `too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  }
  const ell = items.findIndex((it) => it.kind === "ellipsis");
  const fill: Item[] = Array.from({ length: a.ndim - consumed }, () => ({ kind: "slice", start: null, stop: null, step: null }));
  items = ell >= 0 ? [...items.slice(0, ell), ...fill, ...items.slice(ell + 1)] : [...items, ...fill];
  const hasArray = items.some((it) => it.kind === "array");
  // Per source axis: the positions it reads, whether it stays an axis; the array indices together.
  type Part = { kind: "basic"; axis: number; positions: number[] } | { kind: "new" } | { kind: "adv" };
  const parts: Part[] = [];
  const adv: { axis: number; values: ndarray }[] = [];
  let firstAdv = -1;
  let lastAdv = -1;
  let d = 0;
  const scalars: { axis: number; i: number }[] = [];
  for (const it of items) {
    if (it.kind === "new") {
      parts.push({ kind: "new" });
    } else if (it.kind === "slice") {
      parts.push({ kind: "basic", axis: d, positions: slicePositions(it.start, it.stop, it.step, a.shape[d]) });
      d++;
    } else if (it.kind === "int") {
      const size = a.shape[d];
      if (it.i < -size || it.i >= size) throw new IndexError(`index ${it.i} is out of bounds for axis ${d} with size ${size}`);
      const i = it.i < 0 ? it.i + size : it.i;
      if (hasArray) {
        if (firstAdv < 0) firstAdv = parts.length;
        lastAdv = parts.length;
        parts.push({ kind: "adv" });
        adv.push({ axis: d, values: make([i], [], D.int64) });
      } else scalars.push({ axis: d, i });
      d++;
    } else if (it.kind === "array") {
      const arr = it.a;
      if (firstAdv < 0) firstAdv = parts.length;
      lastAdv = parts.length;
      if (arr._dtype === D.bool) {
        const k = Math.max(arr.ndim, 1);
        const mshape = arr.ndim === 0 ? [1] : arr.shape;
        mshape.forEach((s, j) => {
          if (s !== a.shape[d + j]) throw new IndexError(`boolean index did not match indexed array along dimension ${d + j}; dimension is ${a.shape[d + j]} but corresponding boolean dimension is ${s}`);
        });
        const strides = stridesOf(mshape);
        const coords: number[][] = Array.from({ length: k }, () => []);
        for (let n = 0; n < arr.size; n++) {
          if (!arr.data[n]) continue;
          for (let j = 0; j < k; j++) coords[j].push(Math.floor(n / strides[j]) % mshape[j]);
        }
        for (let j = 0; j < k; j++) {
          parts.push({ kind: "adv" });
          adv.push({ axis: d + j, values: make(coords[j], [coords[j].length], D.int64) });
        }
        lastAdv = parts.length - 1;
        d += k;
      } else {
        if (arr._dtype.is_floating_point) throw new IndexError("arrays used as indices must be of integer (or boolean) type");
        const size = a.shape[d];
        const values = Array.from(arr.data, (v) => {
          if (v < -size || v >= size) throw new IndexError(`index ${v} is out of bounds for axis ${d} with size ${size}`);
          return v < 0 ? v + size : v;
        });
        parts.push({ kind: "adv" });
        adv.push({ axis: d, values: make(values, arr.shape, D.int64) });
        d++;
      }
    }
  }
  const strides = stridesOf(a.shape);
  const base = scalars.reduce((p, s) => p + s.i * strides[s.axis], 0);
  const advShape = adv.length > 0 ? broadcastShapes(...adv.map((x) => x.values.shape)) : [];
  const advValues = adv.map((x) => broadcastTo(x.values, advShape).data);
  const advCount = advShape.reduce((p, k) => p * k, 1);
  const contiguous = parts.slice(firstAdv, lastAdv + 1).every((p) => p.kind === "adv");
  // The result's axes: basic axes (and new ones) in order, the broadcast array axes where the first array was (or first, when apart).
  type Axis_ = { kind: "basic"; axis: number; positions: number[] } | { kind: "new" } | { kind: "adv" };
  const axes: Axis_[] = [];
  const advAt = adv.length === 0 ? -1 : contiguous ? parts.slice(0, firstAdv).length : 0;
  parts.forEach((p) => {
    if (p.kind !== "adv") axes.push(p);
  });
  const shape: number[] = [];
  const layout: ({ kind: "basic"; stride: number; positions: number[] } | { kind: "new" } | { kind: "adv" })[] = [];
  axes.forEach((ax, i) => {
    if (i === advAt) {
      layout.push({ kind: "adv" });
      shape.push(...advShape);
    }
    if (ax.kind === "basic") {
      layout.push({ kind: "basic", stride: strides[ax.axis], positions: ax.positions });
      shape.push(ax.positions.length);
    } else if (ax.kind === "new") {
      layout.push({ kind: "new" });
      shape.push(1);
    }
  });
  if (advAt === axes.length && adv.length > 0) {
    layout.push({ kind: "adv" });
    shape.push(...advShape);
  }
  const offsets: number[] = [];
  const walk = (li: number, off: number): void => {
    if (li === layout.length) {
      offsets.push(off);
      return;
    }
    const l = layout[li];
    if (l.kind === "new") walk(li + 1, off);
    else if (l.kind === "basic") for (const p of l.positions) walk(li + 1, off + p * l.stride);
    else {
      for (let b = 0; b < advCount; b++) {
        let o = off;
        adv.forEach((x, j) => (o += advValues[j][b] * strides[x.axis]));
        walk(li + 1, o);
      }
    }
  };
  walk(0, base);
  return { offsets, shape, scalar: shape.length === 0 && !hasArray && !items.some((it) => it.kind === "new") && layout.length === 0 };
}

export function getitem(a: ndarray, key: Key, tuple = true): ndarray | number | boolean {
  const view = basicView(a, key, tuple);
  if (view !== null) return view;
  const { offsets, shape, scalar } = locate(a, key, tuple);
  if (scalar) return scalarOf(a, offsets[0]);
  const data = storage(a._dtype, offsets.length);
  for (let k = 0; k < offsets.length; k++) data[k] = a.data[offsets[k]];
  return new ndarray(data, shape, a._dtype);
}

/**
 * `a[key]` for a key of integers, slices, newaxis and an ellipsis (NumPy's basic indexing): a view of
 * `a`'s memory, or the scalar a full integer index picks; null for an array key (advanced indexing copies).
 */
function basicView(a: ndarray, key: Key, tuple: boolean): ndarray | number | boolean | null {
  let items = itemsOf(key, tuple);
  if (items.some((it) => it.kind === "array")) return null;
  if (items.filter((it) => it.kind === "ellipsis").length > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  const consumed = items.filter((it) => it.kind === "int" || it.kind === "slice").length;
  if (consumed > a.ndim) {
    throw new IndexError(a.ndim === 0 ? `too many indices for array: array is 0-dimensional, but ${consumed} were indexed` : `too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  }
  const ell = items.findIndex((it) => it.kind === "ellipsis");
  const fill: Item[] = Array.from({ length: a.ndim - consumed }, () => ({ kind: "slice", start: null, stop: null, step: null }));
  items = ell >= 0 ? [...items.slice(0, ell), ...fill, ...items.slice(ell + 1)] : [...items, ...fill];
  let offset = a._offset;
  const shape: number[] = [];
  const strides: number[] = [];
  let d = 0;
  for (const it of items) {
    if (it.kind === "new") {
      shape.push(1);
      strides.push(0);
    } else if (it.kind === "int") {
      const size = a.shape[d];
      if (it.i < -size || it.i >= size) throw new IndexError(`index ${it.i} is out of bounds for axis ${d} with size ${size}`);
      offset += (it.i < 0 ? it.i + size : it.i) * a._strides[d];
      d++;
    } else if (it.kind === "slice") {
      const pos = slicePositions(it.start, it.stop, it.step, a.shape[d]);
      if (pos.length > 0) offset += pos[0] * a._strides[d];
      shape.push(pos.length);
      strides.push((it.step ?? 1) * a._strides[d]);
      d++;
    }
  }
  // Every axis indexed by an integer: NumPy's scalar.
  if (shape.length === 0 && items.every((it) => it.kind === "int")) return scalarOf(viewOf(a, [], offset, []));
  return viewOf(a, shape, offset, strides);
}

/** `a[key] = value`: the value broadcast to what the key picks and cast to the array's dtype, written into `a` itself. */
export function setitem(a: ndarray, key: Key, value: unknown, tuple = true): void {
  const { offsets, shape } = locate(a, key, tuple);
  const v = asarray(value);
  if (v.size !== offsets.length || v.shape.join(",") !== shape.join(",")) {
    let b: ndarray;
    try {
      b = broadcastTo(v, shape);
    } catch {
      if (v.ndim <= 1 && shape.length === 1 && v.size !== shape[0]) {
        throw new ValueError(`NumPy boolean array indexing assignment cannot assign ${v.size} input values to the ${shape[0]} output values where the mask is true`);
      }
      throw new ValueError(`could not broadcast input array from shape ${shapeText(v.shape)} into shape ${shapeText(shape)}`);
    }
    write(a, offsets, b);
    return;
  }
  write(a, offsets, v);
}

function write(a: ndarray, offsets: ArrayLike<number>, v: ndarray): void {
  if (a._dtype !== D.bool && !a._dtype.is_floating_point && v._dtype.is_floating_point) {
    for (let k = 0; k < v.size; k++) if (!Number.isFinite(v.data[k])) throw new ValueError("cannot convert float NaN to integer");
  }
  const cast = caster(a._dtype);
  const data = a.data;
  for (let k = 0; k < offsets.length; k++) data[offsets[k]] = cast(v.data[k]);
  a._written();
}

// ---------------------------------------------------------------------------------------------- linear algebra, sorting

/** np.matmul / `a @ b`: 1-d operands as vectors, stacks of matrices broadcast; a scalar for two vectors. */
export function matmul(a: unknown, b: unknown): ndarray | number | boolean {
  const x = asarray(a);
  const y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) throw new ValueError("matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)");
  const xm = x.ndim === 1 ? reshape(x, [1, x.shape[0]]) : x;
  const ym = y.ndim === 1 ? reshape(y, [y.shape[0], 1]) : y;
  const [n, k] = xm.shape.slice(-2);
  const [k2, m] = ym.shape.slice(-2);
  if (k !== k2) {
    throw new ValueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${k2} is different from ${k})`);
  }
  const batch = broadcastShapes(xm.shape.slice(0, -2), ym.shape.slice(0, -2));
  const xb = broadcastTo(xm, [...batch, n, k]);
  const yb = broadcastTo(ym, [...batch, k, m]);
  const dtype = promote(x._dtype, y._dtype);
  const round = dtype === D.float32 ? Math.fround : (v: number) => v;
  const count = batch.reduce((p, d) => p * d, 1);
  const values = new Float64Array(count * n * m);
  for (let bi = 0; bi < count; bi++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += xb.data[bi * n * k + i * k + t] * yb.data[bi * k * m + t * m + j];
        values[bi * n * m + i * m + j] = round(s);
      }
    }
  }
  const shape = [...batch, ...(x.ndim === 1 ? [] : [n]), ...(y.ndim === 1 ? [] : [m])];
  const out = make(values, shape, dtype === D.bool ? D.bool : dtype);
  return shape.length === 0 ? scalarOf(out) : out;
}

/** np.dot: a scalar times an array, vectors' inner product, matrices' product (and, for N-d, the last axis with the second-to-last). */
export function dot(a: unknown, b: unknown): ndarray | number | boolean {
  const x = operand(a);
  const y = operand(b);
  if (!(x instanceof ndarray) || !(y instanceof ndarray) || x.ndim === 0 || y.ndim === 0) return binary("multiply", x, y);
  if (x.ndim <= 2 && y.ndim <= 2) {
    if (x.shape[x.ndim - 1] !== y.shape[y.ndim === 1 ? 0 : 0]) {
      throw new ValueError(`shapes ${shapeText(x.shape)} and ${shapeText(y.shape)} not aligned: ${x.shape[x.ndim - 1]} (dim ${x.ndim - 1}) != ${y.shape[0]} (dim 0)`);
    }
    return matmul(x, y);
  }
  return matmul(x, y);
}

/** The order that sorts each lane along `axis` (stable; NaN last, as NumPy). */
export function argsort(a: ndarray, axis: number | null = -1): ndarray {
  const x = axis === null ? reshape(a, [-1]) : a;
  if (x.ndim === 0) return make([0], [], D.int64);
  const ax = normAxis(axis ?? -1, x.ndim);
  const moved = transpose(x, [...x.shape.map((_, i) => i).filter((i) => i !== ax), ax]);
  const len = x.shape[ax];
  const order = new Float64Array(moved.size);
  const cmp = (p: number, q: number) => (Number.isNaN(p) ? (Number.isNaN(q) ? 0 : 1) : Number.isNaN(q) ? -1 : p - q);
  for (let o = 0; o < moved.size; o += len) {
    const idx = Array.from({ length: len }, (_, i) => i);
    idx.sort((i, j) => cmp(moved.data[o + i], moved.data[o + j]) || i - j);
    idx.forEach((v, i) => (order[o + i] = v));
  }
  const back = make(order, moved.shape, D.int64);
  const inverse = x.shape.map((_, i) => (i < ax ? i : i === ax ? x.ndim - 1 : i - 1));
  return transpose(back, inverse);
}

/** Sorted along `axis` (a copy). */
export function sortArray(a: ndarray, axis: number | null = -1): ndarray {
  const x = axis === null ? reshape(a, [-1]) : a;
  const order = argsort(x, axis === null ? -1 : axis);
  const ax = normAxis(axis ?? -1, x.ndim);
  return takeAlong(x, order, ax);
}

export function takeAlong(a: ndarray, idx: ndarray, axis: number): ndarray {
  const strides = stridesOf(a.shape);
  const data = storage(a._dtype, idx.size);
  const istr = stridesOf(idx.shape);
  for (let k = 0; k < idx.size; k++) {
    let off = 0;
    for (let d = 0; d < idx.ndim; d++) {
      const i = Math.floor(k / istr[d]) % idx.shape[d];
      off += (d === axis ? idx.data[k] : i) * strides[d];
    }
    data[k] = a.data[off];
  }
  return new ndarray(data, [...idx.shape], a._dtype);
}

/** `~a`: NumPy's invert, logical for bool arrays and bitwise for integers (a float array is its TypeError). */
export function invert(a: ndarray): ndarray {
  if (a._dtype.is_floating_point) throw new TypeError("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
  return make(Array.from(a.data, (v) => (a._dtype === D.bool ? +(v === 0) : ~v)), a.shape, a._dtype);
}
