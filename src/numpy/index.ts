/**
 * `np` (and `numpy`) in the notebook: NumPy 1.24's array functions, so that a course ported line by
 * line keeps its NumPy lines (`x = np.linspace(0, 1, 100)`, `np.array([[1, 2], [3, 4]])`,
 * `torch.from_numpy(x)`, `np.argmax(pred, 1)`). The array is src/tensor/ndarray.ts's (what `x.numpy()`
 * returns), its operators the dialect's (`a + b`, `a > 0`, `a[":, 0"]`), its arithmetic
 * src/numpy/core.ts's: NumPy's dtypes (int64 and float64 by default), type promotion, broadcasting and
 * printing. Arrays are copies where NumPy would give a view (`b = a[0]; b[0] = 5` leaves `a` as it
 * was); setitem and `a += 1` write the array itself.
 *
 * Keyword arguments go in a trailing object, as everywhere in the dialect: `np.zeros((2, 3), {dtype: np.float32})`,
 * `a.sum({axis: 0, keepdims: true})`, `np.linspace(0, 1, {num: 5, endpoint: false})`.
 */
import { TypeError, ValueError } from "../errors";
import { asPyTuple } from "../pyrepr";
import * as D from "../tensor/dtype";
import { ndarray, npdtype, npdtypeOf } from "../tensor/ndarray";
import * as N from "./core";

export { ndarray, npdtype as dtype };
// np.random: NumPy's legacy generator and default_rng's PCG64 Generator, draw for draw (src/numpy/random.ts, generator.ts).
export * as random from "./random";
// np.linalg: norm, inv, det, solve, eigh, svd, pinv, matrix_rank, lstsq (src/numpy/linalg.ts).
export * as linalg from "./linalg";
export type { DTypeLike, Axis, ReduceOptions, Reduced } from "./core";

type Shape = number | readonly number[];
type DTypeOptions = { dtype?: N.DTypeLike };
type Out = ndarray | number | boolean;

// ---------------------------------------------------------------------------------------------- dtypes and constants

/** A NumPy scalar type: a dtype argument (`dtype=np.float32`) and a constructor of its scalar (`np.float32(2.5)`). */
export interface ScalarType extends npdtype {
  (value?: number | boolean | string | ndarray): number | boolean | ndarray;
  readonly dtype: npdtype;
  readonly __name__: string;
}

function scalarType(dtype: D.dtype): ScalarType {
  const name = npdtypeOf(dtype).name;
  const make = (value: number | boolean | string | ndarray = 0): number | boolean | ndarray => {
    if (value instanceof ndarray) return N.astype(value, dtype);
    const v = typeof value === "string" ? Number(value) : Number(value);
    if (typeof value === "string" && value.trim() === "") throw new ValueError(`could not convert string to float: '${value}'`);
    const cast = N.make([v], [], dtype);
    return N.scalarOf(cast);
  };
  Object.defineProperty(make, "name", { value: name });
  const d = npdtypeOf(dtype);
  // The scalar type stands for its dtype wherever one is asked (`a.dtype == np.float32`, `np.float32.itemsize` is the dtype's there too).
  return Object.assign(make, {
    dtype: d,
    _torch: dtype,
    itemsize: d.itemsize,
    kind: d.kind,
    __name__: name,
    __eq__: (other: unknown) => d.__eq__(other),
    __str__: () => `<class 'numpy.${name}'>`,
    __repr__: () => `<class 'numpy.${name}'>`,
    toString: () => `<class 'numpy.${name}'>`,
    [Symbol.for("nodejs.util.inspect.custom")]: () => `<class 'numpy.${name}'>`,
  }) as unknown as ScalarType;
}

export const float64 = scalarType(D.float64);
export const float32 = scalarType(D.float32);
export const int64 = scalarType(D.int64);
export const int32 = scalarType(D.int32);
export const int16 = scalarType(D.int16);
export const int8 = scalarType(D.int8);
export const uint8 = scalarType(D.uint8);
export const bool_ = scalarType(D.bool);
/** NumPy's aliases: np.float_ is float64, np.int_ int64, np.double float64, np.single float32. */
export const float_ = float64;
export const double = float64;
export const single = float32;
export const int_ = int64;

export const pi = Math.PI;
export const e = Math.E;
export const inf = Infinity;
export const nan = NaN;
/**
 * np.newaxis (Python's None in an index): `a[np.newaxis]`, or `a["None, :"]` / `a[":, None"]` /
 * `a["..., None"]` in an index string. It is the index string "None", so that a cell's type check takes it
 * as an index, as it takes `a[":, None"]`.
 */
export const newaxis = "None";

// ---------------------------------------------------------------------------------------------- creation

function dtypeArg(d: N.DTypeLike | DTypeOptions | undefined): D.dtype | undefined {
  if (d !== null && typeof d === "object" && !(d instanceof npdtype) && !(d instanceof D.dtype)) return N.dtypeOf((d as DTypeOptions).dtype);
  return N.dtypeOf(d as N.DTypeLike);
}

/**
 * np.array: a new array from nested lists (NumPy's inference: bools bool, whole numbers int64, any
 * other number float64; `[1., 2.]` written with float literals is float64), arrays or tensors.
 * @example np.array([[1, 2], [3, 4]], {dtype: np.float32})
 */
export function array(object: unknown, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  return N.fromNested(object, dtypeArg(dtype));
}

/** np.asarray: the array itself when it already is one of the dtype asked for, else np.array's. */
export function asarray(object: unknown, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  const d = dtypeArg(dtype);
  if (object instanceof ndarray && (d === undefined || d === object._dtype)) return object;
  return N.fromNested(object, d);
}

export function zeros(shape: Shape, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  return N.full(shape, 0, dtypeArg(dtype) ?? D.float64);
}

export function ones(shape: Shape, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  return N.full(shape, 1, dtypeArg(dtype) ?? D.float64);
}

/** np.empty: NumPy leaves the values unset; here they are zeros. */
export function empty(shape: Shape, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  return zeros(shape, dtype);
}

/** np.full: the fill value's dtype (an int fills int64, a float float64) unless one is given. */
export function full(shape: Shape, fill_value: number | boolean, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  const inferred = typeof fill_value === "boolean" ? D.bool : Number.isInteger(fill_value) ? D.int64 : D.float64;
  return N.full(shape, fill_value, dtypeArg(dtype) ?? inferred);
}

export function zeros_like(a: unknown, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  const x = N.asarray(a);
  return N.full(x.shape, 0, dtypeArg(dtype) ?? x._dtype);
}

export function ones_like(a: unknown, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  const x = N.asarray(a);
  return N.full(x.shape, 1, dtypeArg(dtype) ?? x._dtype);
}

export function full_like(a: unknown, fill_value: number | boolean, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  const x = N.asarray(a);
  return N.full(x.shape, fill_value, dtypeArg(dtype) ?? x._dtype);
}

export function empty_like(a: unknown, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  return zeros_like(a, dtype);
}

/**
 * np.arange(stop), (start, stop), (start, stop, step): int64 when every argument is an int, else
 * float64; the length NumPy gives, ceil((stop - start) / step).
 */
export function arange(start: number, stop?: number | null | DTypeOptions, step?: number | DTypeOptions, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  const args = [start, stop, step, dtype];
  const last = args.findIndex((a) => a !== null && typeof a === "object");
  const options = last >= 0 ? (args[last] as DTypeOptions) : dtype !== undefined ? { dtype: dtype as N.DTypeLike } : {};
  const numbers = (last >= 0 ? args.slice(0, last) : args.slice(0, 3)).filter((a) => a !== undefined) as (number | null)[];
  let [lo, hi, st] = numbers.length === 1 || (numbers.length >= 2 && numbers[1] === null) ? [0, numbers[0] as number, (numbers[2] as number | undefined) ?? 1] : [numbers[0] as number, numbers[1] as number, (numbers[2] as number | undefined) ?? 1];
  if (st === 0) throw new ValueError("Maximum allowed size exceeded");
  const d = N.dtypeOf(options.dtype) ?? ([lo, hi, st].every(Number.isInteger) ? D.int64 : D.float64);
  const n = Math.max(0, Math.ceil((hi - lo) / st));
  [lo, hi] = [lo, hi];
  const values = Array.from({ length: n }, (_, i) => lo + i * st);
  return N.make(values, [n], d);
}

interface LinspaceOptions extends DTypeOptions {
  num?: number;
  endpoint?: boolean;
  retstep?: boolean;
}

/** np.linspace(start, stop, num=50): evenly spaced float64 values, `endpoint: false` leaving stop out. */
export function linspace(start: number, stop: number, num: number | LinspaceOptions = 50, options: LinspaceOptions = {}): ndarray {
  const o = typeof num === "object" ? { ...num, ...options } : { ...options, num };
  const n = o.num ?? 50;
  if (n < 0 || !Number.isInteger(n)) throw new ValueError(`Number of samples, ${n}, must be non-negative.`);
  const endpoint = o.endpoint ?? true;
  const div = endpoint ? n - 1 : n;
  const step = (stop - start) / div;
  const values = Array.from({ length: n }, (_, i) => (div > 0 ? start + i * step : start));
  if (endpoint && n > 1) values[n - 1] = stop;
  const d = N.dtypeOf(o.dtype) ?? D.float64;
  // An integer dtype floors, as NumPy's astype after the float computation.
  return N.make(d.is_floating_point || d === D.bool ? values : values.map(Math.floor), [n], d);
}

/** np.eye(N, M=None, k=0): ones on the k-th diagonal, float64 unless a dtype is given. */
export function eye(n: number, m?: number | null | { M?: number; k?: number; dtype?: N.DTypeLike }, k: number | { k?: number; dtype?: N.DTypeLike } = 0, options: { dtype?: N.DTypeLike } = {}): ndarray {
  let cols = n;
  let diag = 0;
  let dtype: N.DTypeLike;
  const opts = [m, k, options].find((a) => a !== null && typeof a === "object") as { M?: number; k?: number; dtype?: N.DTypeLike } | undefined;
  if (typeof m === "number") cols = m;
  if (typeof k === "number") diag = k;
  if (opts) {
    cols = opts.M ?? cols;
    diag = opts.k ?? diag;
    dtype = opts.dtype;
  }
  const out = N.full([n, cols], 0, N.dtypeOf(dtype) ?? D.float64);
  for (let i = 0; i < n; i++) if (i + diag >= 0 && i + diag < cols) out.data[i * cols + i + diag] = 1;
  return out;
}

export function identity(n: number, dtype?: N.DTypeLike | DTypeOptions): ndarray {
  return eye(n, n, 0, { dtype: dtypeArg(dtype) });
}

// ---------------------------------------------------------------------------------------------- ufuncs

/** A ufunc's result: a scalar when the inputs were scalars (NumPy's float64 scalar is a number here). */
function result(a: ndarray): Out {
  return a.ndim === 0 ? N.scalarOf(a) : a;
}

const ufunc1 = (name: string) => (x: unknown): Out => result(N.unary(name, x));
const ufunc2 = (name: string) => (x: unknown, y: unknown): Out => result(N.binary(name, x, y));

export const sin = ufunc1("sin");
export const cos = ufunc1("cos");
export const tan = ufunc1("tan");
export const arcsin = ufunc1("arcsin");
export const arccos = ufunc1("arccos");
export const arctan = ufunc1("arctan");
export const sinh = ufunc1("sinh");
export const cosh = ufunc1("cosh");
export const tanh = ufunc1("tanh");
export const exp = ufunc1("exp");
export const exp2 = ufunc1("exp2");
export const expm1 = ufunc1("expm1");
export const log = ufunc1("log");
export const log2 = ufunc1("log2");
export const log10 = ufunc1("log10");
export const log1p = ufunc1("log1p");
export const sqrt = ufunc1("sqrt");
export const cbrt = ufunc1("cbrt");
export const abs = ufunc1("absolute");
export const absolute = abs;
export const fabs = ufunc1("absolute");
export const negative = ufunc1("negative");
export const square = ufunc1("square");
export const sign = ufunc1("sign");
export const reciprocal = ufunc1("reciprocal");
export const floor = ufunc1("floor");
export const ceil = ufunc1("ceil");
export const trunc = ufunc1("trunc");
export const rint = ufunc1("rint");
export const isnan = ufunc1("isnan");
export const isinf = ufunc1("isinf");
export const isfinite = ufunc1("isfinite");
export const logical_not = ufunc1("logical_not");

export const add = ufunc2("add");
export const subtract = ufunc2("subtract");
export const multiply = ufunc2("multiply");
export const divide = ufunc2("true_divide");
export const true_divide = divide;
export const floor_divide = ufunc2("floor_divide");
export const mod = ufunc2("remainder");
export const remainder = mod;
export const power = ufunc2("power");
export const maximum = ufunc2("maximum");
export const minimum = ufunc2("minimum");
export const arctan2 = ufunc2("arctan2");
export const equal = ufunc2("equal");
export const not_equal = ufunc2("not_equal");
export const less = ufunc2("less");
export const less_equal = ufunc2("less_equal");
export const greater = ufunc2("greater");
export const greater_equal = ufunc2("greater_equal");
export const logical_and = ufunc2("logical_and");
export const logical_or = ufunc2("logical_or");
export const logical_xor = ufunc2("logical_xor");

/** np.round / np.around(a, decimals=0): halves to even, as NumPy. */
export function round(a: unknown, decimals: number | { decimals?: number } = 0): Out {
  return result(N.around(a, typeof decimals === "object" ? decimals.decimals ?? 0 : decimals));
}
export const around = round;

/** np.clip(a, a_min, a_max) (either bound may be None; keywords `{a_min, a_max}`). */
export function clip(a: unknown, a_min: unknown, a_max?: unknown): Out {
  return result(N.clip(a, ...N.clipBounds(arguments.length === 2 ? [a_min] : [a_min, a_max], "a_min", "a_max")));
}

// ---------------------------------------------------------------------------------------------- reductions

type AxisArg = N.Axis | N.ReduceOptions;

function reduceArgs(axis: AxisArg | undefined, options: N.ReduceOptions = {}): N.ReduceOptions {
  if (axis !== null && typeof axis === "object" && !Array.isArray(axis)) return { ...(axis as N.ReduceOptions), ...options };
  return { ...options, axis: axis as N.Axis };
}

export const sum = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.sum(N.asarray(a), reduceArgs(axis, options));
export const prod = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.prod(N.asarray(a), reduceArgs(axis, options));
export const mean = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.mean(N.asarray(a), reduceArgs(axis, options));
export const std = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.variance(N.asarray(a), reduceArgs(axis, options), true);
const variance = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.variance(N.asarray(a), reduceArgs(axis, options));
/** np.var (a word JavaScript reserves for declarations; `np.var(x)` reads it all the same). */
export { variance as var };
export const max = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.extreme(N.asarray(a), reduceArgs(axis, options), true);
export const min = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.extreme(N.asarray(a), reduceArgs(axis, options), false);
export const amax = max;
export const amin = min;
export const any = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.anyAll(N.asarray(a), reduceArgs(axis, options), false);
export const all = (a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out => N.anyAll(N.asarray(a), reduceArgs(axis, options), true);

/** np.argmax(a, axis=None): the flat index (a number) without an axis, as ndarray.argmax; along one, an array (a scalar for a 1-d array). */
export function argmax(a: unknown): number;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function argmax(a: unknown, axis: number | null | N.ReduceOptions, options?: N.ReduceOptions): any;
export function argmax(a: unknown, axis?: number | null | N.ReduceOptions, options?: N.ReduceOptions): Out {
  const o = reduceArgs(axis, options);
  return N.argExtreme(N.asarray(a), o.axis as number | null | undefined, true, o.keepdims);
}

/** np.argmin(a, axis=None): the flat index (a number) without an axis, as ndarray.argmin; along one, an array (a scalar for a 1-d array). */
export function argmin(a: unknown): number;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function argmin(a: unknown, axis: number | null | N.ReduceOptions, options?: N.ReduceOptions): any;
export function argmin(a: unknown, axis?: number | null | N.ReduceOptions, options?: N.ReduceOptions): Out {
  const o = reduceArgs(axis, options);
  return N.argExtreme(N.asarray(a), o.axis as number | null | undefined, false, o.keepdims);
}

export function cumsum(a: unknown, axis?: number | null | N.ReduceOptions, options?: N.ReduceOptions): ndarray {
  const o = reduceArgs(axis, options);
  return N.cumulative(N.asarray(a), o.axis as number | null | undefined, false, o.dtype);
}

export function cumprod(a: unknown, axis?: number | null | N.ReduceOptions, options?: N.ReduceOptions): ndarray {
  const o = reduceArgs(axis, options);
  return N.cumulative(N.asarray(a), o.axis as number | null | undefined, true, o.dtype);
}

/** np.median: the middle value (the mean of the two middle ones) along an axis, as float64. */
export function median(a: unknown, axis?: AxisArg, options?: N.ReduceOptions): Out {
  const x = N.asarray(a);
  const o = reduceArgs(axis, options);
  const dtype = x._dtype.is_floating_point ? x._dtype : D.float64;
  return N.reduce("median", x, o.axis, o.keepdims ?? false, dtype, (v) => {
    const s = [...v].sort((p, q) => p - q);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }, false);
}

/** np.count_nonzero(a, axis=None). */
export function count_nonzero(a: unknown, axis?: AxisArg): Out {
  const x = N.asarray(a);
  return N.reduce("count_nonzero", x, reduceArgs(axis).axis, false, D.int64, (v) => v.filter((t) => t !== 0).length);
}

// ---------------------------------------------------------------------------------------------- shapes

export function shape(a: unknown): number[] {
  return N.asarray(a).shape;
}

export function ndim(a: unknown): number {
  return N.asarray(a).ndim;
}

export function size(a: unknown): number {
  return N.asarray(a).size;
}

export function reshape(a: unknown, newshape: Shape): ndarray {
  return N.reshape(N.asarray(a), typeof newshape === "number" ? [newshape] : newshape);
}

export function transpose(a: unknown, axes?: readonly number[]): ndarray {
  return N.transpose(N.asarray(a), axes);
}

export function ravel(a: unknown): ndarray {
  return N.asarray(a).ravel();
}

export function squeeze(a: unknown, axis?: number | null | { axis?: number | null }): ndarray {
  return N.squeeze(N.asarray(a), typeof axis === "object" && axis !== null ? axis.axis : axis);
}

export function expand_dims(a: unknown, axis: number | { axis: number }): ndarray {
  return N.expandDims(N.asarray(a), typeof axis === "object" ? axis.axis : axis);
}

function axisArg(axis: number | { axis?: number } | undefined, dflt: number): number {
  return typeof axis === "object" ? axis.axis ?? dflt : axis ?? dflt;
}

/** np.concatenate(arrays, axis=0). */
export function concatenate(arrays: readonly unknown[], axis: number | { axis?: number } = 0): ndarray {
  return N.concatenate(arrays, axisArg(axis, 0));
}

/** np.stack(arrays, axis=0): a new axis. */
export function stack(arrays: readonly unknown[], axis: number | { axis?: number } = 0): ndarray {
  return N.stack(arrays, axisArg(axis, 0));
}

/** np.vstack: rows (1-d arrays as rows of one). */
export function vstack(arrays: readonly unknown[]): ndarray {
  return N.concatenate(arrays.map((a) => {
    const x = N.asarray(a);
    return x.ndim === 0 ? N.reshape(x, [1, 1]) : x.ndim === 1 ? N.reshape(x, [1, x.size]) : x;
  }), 0);
}

/** np.hstack: along the second axis (the first for 1-d arrays). */
export function hstack(arrays: readonly unknown[]): ndarray {
  const xs = arrays.map((a) => {
    const x = N.asarray(a);
    return x.ndim === 0 ? N.reshape(x, [1]) : x;
  });
  return N.concatenate(xs, xs[0]?.ndim === 1 ? 0 : 1);
}

/** np.column_stack: 1-d arrays as columns. */
export function column_stack(arrays: readonly unknown[]): ndarray {
  return N.concatenate(arrays.map((a) => {
    const x = N.asarray(a);
    return x.ndim < 2 ? N.reshape(x, [x.size, 1]) : x;
  }), 1);
}

/** np.broadcast_to(a, shape): the values repeated to the shape (a copy here; NumPy's is a read-only view). */
export function broadcast_to(a: unknown, shape: Shape): ndarray {
  return N.broadcastTo(N.asarray(a), typeof shape === "number" ? [shape] : [...shape]);
}

/** np.flip(a, axis=None): the values in reverse order along the axis (all axes for None). */
export function flip(a: unknown, axis?: number | null | { axis?: number | null }): ndarray {
  const x = N.asarray(a);
  const ax = typeof axis === "object" && axis !== null ? axis.axis : axis;
  const items = x.shape.map((_, i) => (ax === null || ax === undefined || N.normAxis(ax, x.ndim) === i ? "::-1" : ":"));
  return N.getitem(x, items.join(", ")) as ndarray;
}

/** np.tile(a, reps) for an integer or a tuple of repetitions. */
export function tile(a: unknown, reps: number | readonly number[]): ndarray {
  let x = N.asarray(a);
  const r = typeof reps === "number" ? [reps] : [...reps];
  const nd = Math.max(x.ndim, r.length);
  x = N.reshape(x, [...Array(nd - x.ndim).fill(1), ...x.shape]);
  const rr = [...Array(nd - r.length).fill(1), ...r];
  for (let d = 0; d < nd; d++) x = N.concatenate(Array(rr[d]).fill(x), d);
  return x;
}

/** np.repeat(a, repeats, axis=None): each value (or slice along the axis) `repeats` times. */
export function repeat(a: unknown, repeats: number, axis?: number | { axis?: number }): ndarray {
  const x = N.asarray(a);
  const ax = typeof axis === "object" ? axis.axis : axis;
  const flat = ax === undefined ? N.reshape(x, [-1]) : x;
  const d = ax === undefined ? 0 : N.normAxis(ax, x.ndim);
  const idx = Array.from({ length: flat.shape[d] * repeats }, (_, i) => Math.floor(i / repeats));
  const items: unknown[] = flat.shape.map((_, i) => (i === d ? N.make(idx, [idx.length], D.int64) : null));
  return N.getitem(flat, items as never) as ndarray;
}

// ---------------------------------------------------------------------------------------------- selection, sorting, sets

/**
 * np.where(condition, x, y): x where the condition holds, else y (broadcast, promoted); np.where(condition)
 * alone is np.nonzero's tuple of index arrays.
 */
export function where(condition: unknown): ndarray[];
export function where(condition: unknown, x: unknown, y: unknown): Out;
export function where(condition: unknown, x?: unknown, y?: unknown): Out | ndarray[] {
  const c = N.asarray(condition);
  if (x === undefined && y === undefined) return nonzero(c);
  if (x === undefined || y === undefined) throw new ValueError("either both or neither of x and y should be given");
  const xo = N.operand(x);
  const yo = N.operand(y);
  const dtype = N.resultType(xo, yo);
  const shape = N.broadcastShapes(c.shape, xo instanceof ndarray ? xo.shape : [], yo instanceof ndarray ? yo.shape : []);
  const cb = N.broadcastTo(c, shape);
  const xb = N.broadcastTo(xo instanceof ndarray ? xo : N.make([Number(xo)], [], dtype), shape);
  const yb = N.broadcastTo(yo instanceof ndarray ? yo : N.make([Number(yo)], [], dtype), shape);
  return result(N.make(Array.from(cb.data, (v, k) => (v ? xb.data[k] : yb.data[k])), shape, dtype));
}

/** np.nonzero(a): one int64 array of indices per axis. */
export function nonzero(a: unknown): ndarray[] {
  const x = N.asarray(a);
  const strides = N.stridesOf(x.shape);
  const coords: number[][] = x.shape.map(() => []);
  for (let k = 0; k < x.size; k++) if (x.data[k] !== 0) x.shape.forEach((d, j) => coords[j].push(Math.floor(k / strides[j]) % d));
  return asPyTuple(coords.map((c) => N.make(c, [c.length], D.int64)));
}

/** np.argwhere(a): the indices of the nonzero values, one row each. */
export function argwhere(a: unknown): ndarray {
  const idx = nonzero(a);
  return N.transpose(N.stack(idx.length > 0 ? idx : [N.make([], [0], D.int64)], 0));
}

export function argsort(a: unknown, axis: number | null | { axis?: number | null } = -1): ndarray {
  return N.argsort(N.asarray(a), typeof axis === "object" && axis !== null ? axis.axis ?? -1 : axis);
}

/** np.sort(a, axis=-1): a sorted copy (axis None flattens). */
export function sort(a: unknown, axis: number | null | { axis?: number | null } = -1): ndarray {
  return N.sortArray(N.asarray(a), typeof axis === "object" && axis !== null ? axis.axis ?? -1 : axis);
}

interface UniqueOptions {
  return_counts?: boolean;
  return_index?: boolean;
  return_inverse?: boolean;
}

/** np.unique(a): the sorted distinct values; with `return_index` / `return_inverse` / `return_counts` the tuple NumPy gives. */
export function unique(a: unknown, options: UniqueOptions = {}): ndarray | ndarray[] {
  const x = N.reshape(N.asarray(a), [-1]);
  const order = Array.from(N.argsort(x, -1).data);
  const values: number[] = [];
  const first: number[] = [];
  const counts: number[] = [];
  const inverse = new Array<number>(x.size);
  for (const i of order) {
    const v = x.data[i];
    if (values.length === 0 || !(values[values.length - 1] === v || (Number.isNaN(v) && Number.isNaN(values[values.length - 1])))) {
      values.push(v);
      first.push(i);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[i] = values.length - 1;
  }
  const u = N.make(values, [values.length], x._dtype);
  if (!options.return_counts && !options.return_index && !options.return_inverse) return u;
  const out: ndarray[] = [u];
  if (options.return_index) out.push(N.make(first, [first.length], D.int64));
  if (options.return_inverse) out.push(N.make(inverse, [inverse.length], D.int64));
  if (options.return_counts) out.push(N.make(counts, [counts.length], D.int64));
  return asPyTuple(out);
}

interface CloseOptions {
  rtol?: number;
  atol?: number;
  equal_nan?: boolean;
}

/** np.isclose(a, b, rtol=1e-05, atol=1e-08): |a - b| <= atol + rtol * |b|, elementwise. */
export function isclose(a: unknown, b: unknown, options: CloseOptions = {}): Out {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  const x = N.astype(N.asarray(a), D.float64);
  const y = N.astype(N.asarray(b), D.float64);
  const shape = N.broadcastShapes(x.shape, y.shape);
  const xb = N.broadcastTo(x, shape);
  const yb = N.broadcastTo(y, shape);
  const close = Array.from(xb.data, (p, k) => {
    const q = yb.data[k];
    if (Number.isNaN(p) || Number.isNaN(q)) return +(options.equal_nan === true && Number.isNaN(p) && Number.isNaN(q));
    if (!Number.isFinite(p) || !Number.isFinite(q)) return +(p === q);
    return +(Math.abs(p - q) <= atol + rtol * Math.abs(q));
  });
  return result(N.make(close, shape, D.bool));
}

/** np.allclose(a, b, rtol=1e-05, atol=1e-08): whether every pair is close (a Python bool). */
export function allclose(a: unknown, b: unknown, options: CloseOptions = {}): boolean {
  const c = isclose(a, b, options);
  return c instanceof ndarray ? c.data.every((v) => v !== 0) : Boolean(c);
}

/** np.array_equal(a, b): the same shape and values. */
export function array_equal(a: unknown, b: unknown): boolean {
  const x = N.asarray(a);
  const y = N.asarray(b);
  return x.shape.join(",") === y.shape.join(",") && x.data.every((v, k) => v === y.data[k]);
}

// ---------------------------------------------------------------------------------------------- linear algebra, grids

export function dot(a: unknown, b: unknown): Out {
  return N.dot(a, b);
}

export function matmul(a: unknown, b: unknown): Out {
  return N.matmul(a, b);
}

/** np.outer(a, b): every product of a's and b's values (both flattened). */
export function outer(a: unknown, b: unknown): ndarray {
  const x = N.reshape(N.asarray(a), [-1, 1]);
  const y = N.reshape(N.asarray(b), [1, -1]);
  return N.binary("multiply", x, y);
}

/** np.meshgrid(x, y, ..., indexing='xy'): the coordinate arrays of the grid. */
export function meshgrid(...args: unknown[]): ndarray[] {
  const last = args[args.length - 1];
  const options = last !== null && typeof last === "object" && !Array.isArray(last) && !(last instanceof ndarray) ? (args.pop() as { indexing?: string }) : {};
  const indexing = options.indexing ?? "xy";
  if (indexing !== "xy" && indexing !== "ij") throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const xs = args.map((a) => N.reshape(N.asarray(a), [-1]));
  const sizes = xs.map((x) => x.size);
  if (indexing === "xy" && xs.length >= 2) [sizes[0], sizes[1]] = [sizes[1], sizes[0]];
  return xs.map((x, i) => {
    const at = indexing === "xy" && xs.length >= 2 && i < 2 ? 1 - i : i;
    const s = sizes.map((_, j) => (j === at ? x.size : 1));
    return N.broadcastTo(N.reshape(x, s), sizes);
  });
}

/** np.diag: a 1-d array's diagonal matrix, or a 2-d array's diagonal. */
export function diag(v: unknown, k = 0): ndarray {
  const x = N.asarray(v);
  if (x.ndim === 1) {
    const n = x.size + Math.abs(k);
    const out = N.full([n, n], 0, x._dtype);
    for (let i = 0; i < x.size; i++) out.data[(i + Math.max(-k, 0)) * n + i + Math.max(k, 0)] = x.data[i];
    return out;
  }
  if (x.ndim !== 2) throw new ValueError("Input must be 1- or 2-d.");
  const values: number[] = [];
  for (let i = 0; i < x.shape[0]; i++) if (i + k >= 0 && i + k < x.shape[1]) values.push(x.data[i * x.shape[1] + i + k]);
  return N.make(values, [values.length], x._dtype);
}

/** np.trace: the sum of the diagonal. */
export function trace(a: unknown): Out {
  return N.sum(diag(a));
}

/** np.shares_memory(a, b): whether the two arrays read any of the same memory (a view and its base, two views). */
export function shares_memory(a: unknown, b: unknown): boolean {
  if (!(a instanceof ndarray) || !(b instanceof ndarray)) return false;
  if ((a._root ?? a) !== (b._root ?? b) || a.size === 0 || b.size === 0) return false;
  const seen = new Set(N.memoryPositions(a));
  return N.memoryPositions(b).some((p) => seen.has(p));
}

/** np.may_share_memory: here exactly np.shares_memory's answer. */
export const may_share_memory = shares_memory;

/** np.triu(m, k=0): the values on and above the k-th diagonal of the last two axes, zeros below. */
export function triu(m: unknown, k: number | { k?: number } = 0): ndarray {
  return triangle(m, typeof k === "object" ? k.k ?? 0 : k, true);
}

/** np.tril(m, k=0): the values on and below the k-th diagonal of the last two axes, zeros above. */
export function tril(m: unknown, k: number | { k?: number } = 0): ndarray {
  return triangle(m, typeof k === "object" ? k.k ?? 0 : k, false);
}

function triangle(m: unknown, k: number, upper: boolean): ndarray {
  const x = N.asarray(m);
  const a = x.ndim === 1 ? N.broadcastTo(x, [x.size, x.size]) : x;
  if (a.ndim === 0) throw new ValueError("input array must be at least 1-d");
  const [r, c] = a.shape.slice(-2);
  const out = N.copy(a);
  for (let p = 0; p < out.size; p++) {
    const i = Math.floor(p / c) % r;
    const j = p % c;
    if (upper ? j - i < k : j - i > k) out.data[p] = 0;
  }
  return out;
}

/** np.diff(a, n=1, axis=-1): the n-th differences along the axis (bool arrays: not-equal). */
export function diff(a: unknown, n: number | { n?: number; axis?: number } = 1, axis = -1): ndarray {
  let times = typeof n === "object" ? n.n ?? 1 : n;
  const ax = typeof n === "object" ? n.axis ?? axis : axis;
  let x = N.asarray(a);
  if (x.ndim === 0) throw new ValueError("diff requires input that is at least one dimensional");
  const d = N.normAxis(ax, x.ndim);
  const sel = (from: number | null, to: number | null) => x.shape.map((_, i) => (i === d ? `${from ?? ""}:${to ?? ""}` : ":")).join(", ");
  for (; times > 0; times--) {
    const hi = N.getitem(x, sel(1, null)) as ndarray;
    const lo = N.getitem(x, sel(null, -1)) as ndarray;
    x = x._dtype === D.bool ? N.binary("not_equal", hi, lo) : N.binary("subtract", hi, lo);
  }
  return x;
}

interface QuantileOptions {
  axis?: number | null;
  keepdims?: boolean;
}

/** np.quantile(a, q, axis=None): the q-th quantiles (q in [0, 1]), NumPy's default linear interpolation. */
export function quantile(a: unknown, q: unknown, axis?: number | null | QuantileOptions, options: QuantileOptions = {}): Out {
  const o = axis !== null && typeof axis === "object" ? { ...axis, ...options } : { ...options, axis };
  const qs = N.astype(N.asarray(q), D.float64);
  if (Array.from(qs.data).some((v) => v < 0 || v > 1)) throw new ValueError("Quantiles must be in the range [0, 1]");
  const x = N.asarray(a);
  const dtype = x._dtype.is_floating_point ? x._dtype : D.float64;
  const round = dtype === D.float32 ? Math.fround : (v: number) => v;
  const pick = (t: number) => (v: number[]): number => {
    const s = [...v].sort((p, r) => p - r);
    const pos = t * (s.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, s.length - 1);
    const g = round(pos - lo);
    // NumPy's _lerp: a + (b - a) * t, from the far end when t >= 0.5.
    const diff_ = round(s[hi] - s[lo]);
    return g >= 0.5 ? round(s[hi] - round(diff_ * round(1 - g))) : round(s[lo] + round(diff_ * g));
  };
  const per = Array.from(qs.data, (t) => N.reduce("quantile", x, o.axis, o.keepdims ?? false, dtype, pick(t), false));
  if (qs.ndim === 0) return per[0];
  return N.stack(per.map((r) => (r instanceof ndarray ? r : N.make([Number(r)], [], dtype))), 0);
}

/** np.percentile(a, q, axis=None): np.quantile with q in percent. */
export function percentile(a: unknown, q: unknown, axis?: number | null | QuantileOptions, options: QuantileOptions = {}): Out {
  const qs = N.binary("true_divide", N.asarray(q), 100);
  if (Array.from(qs.data).some((v) => v < 0 || v > 1)) throw new ValueError("Percentiles must be in the range [0, 100]");
  return quantile(a, qs.ndim === 0 ? qs.data[0] : qs, axis, options);
}

type PadWidth = number | readonly number[] | readonly (readonly number[])[];

/** np.pad(a, pad_width, mode='constant', constant_values=0): 'constant', 'edge' or 'reflect' padding of every axis. */
export function pad(a: unknown, pad_width: PadWidth, mode: string | { mode?: string; constant_values?: number } = "constant", options: { constant_values?: number } = {}): ndarray {
  const o = typeof mode === "object" ? { ...mode, ...options } : { ...options, mode };
  const m = o.mode ?? "constant";
  if (!["constant", "edge", "reflect"].includes(m)) throw new ValueError(`mode '${m}' is not supported`);
  const x = N.asarray(a);
  const pw = pad_width as number | number[] | number[][];
  const widths: number[][] = typeof pw === "number" ? x.shape.map(() => [pw, pw])
    : typeof pw[0] === "number" ? x.shape.map(() => ((pw as number[]).length === 1 ? [pw[0] as number, pw[0] as number] : [...(pw as number[])]))
    : (pw as number[][]).length === 1 ? x.shape.map(() => [...(pw as number[][])[0]]) : (pw as number[][]).map((w) => [...w]);
  if (widths.length !== x.ndim) throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: (${widths.length},2)  and requested shape (${x.ndim},2)`);
  if (widths.some((w) => w[0] < 0 || w[1] < 0)) throw new ValueError("index can't contain negative values");
  const shape = x.shape.map((d, i) => d + widths[i][0] + widths[i][1]);
  const strides = N.stridesOf(x.shape);
  const count = shape.reduce((p, d) => p * d, 1);
  const values = new Float64Array(count);
  const src = (i: number, d: number): number | null => {
    const size = x.shape[d];
    let j = i - widths[d][0];
    if (j >= 0 && j < size) return j;
    if (m === "constant") return null;
    if (m === "edge") return j < 0 ? 0 : size - 1;
    if (size === 1) return 0;
    const period = 2 * (size - 1);
    j = ((j % period) + period) % period;
    return j < size ? j : period - j;
  };
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < count; k++) {
    let off = 0;
    let inside = true;
    for (let d = 0; d < shape.length; d++) {
      const j = src(idx[d], d);
      if (j === null) inside = false;
      else off += j * strides[d];
    }
    values[k] = inside ? x.data[off] : o.constant_values ?? 0;
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return N.make(values, shape, x._dtype);
}

/** np.copy(a). */
export function copy(a: unknown): ndarray {
  return N.copy(N.asarray(a));
}

/** np.isscalar: a Python number or bool (NumPy's scalars are numbers here). */
export function isscalar(x: unknown): boolean {
  return typeof x === "number" || typeof x === "boolean" || typeof x === "string";
}

interface HistogramOptions {
  bins?: number | ArrayLike<number> | ndarray;
  range?: readonly [number, number] | null;
  density?: boolean;
}

/**
 * np.histogram(a, bins=10, range=None, density=False): `[hist, bin_edges]`. An int `bins` makes that
 * many equal bins over `range` (the data's min and max by default, widened by 0.5 each way when they
 * are equal); an array of edges is taken as it is. Every bin is half-open but the last, which holds
 * its right edge. `density` divides the counts by the total and the bin widths (float64).
 * @example const [hist, edges] = np.histogram(x, {bins: 5, range: [0, 1]})
 */
export function histogram(a: unknown, bins: number | ArrayLike<number> | ndarray | HistogramOptions = 10, options: HistogramOptions = {}): [ndarray, ndarray] {
  const o: HistogramOptions = typeof bins === "object" && !(bins instanceof ndarray) && !Array.isArray(bins) && !ArrayBuffer.isView(bins) ? { ...bins, ...options } : { ...options, bins: bins as HistogramOptions["bins"] };
  const values = Array.from(N.asarray(a).data as ArrayLike<number>);
  const b = o.bins ?? 10;
  let edges: number[];
  let uniform = false;
  if (typeof b === "number") {
    if (!Number.isInteger(b)) throw new TypeError("`bins` must be an integer, a string, or an array");
    if (b < 1) throw new ValueError("`bins` must be positive, when an integer");
    let first: number;
    let last: number;
    if (o.range !== undefined && o.range !== null) {
      [first, last] = o.range;
      if (first > last) throw new ValueError("max must be larger than min in range parameter.");
      if (!Number.isFinite(first) || !Number.isFinite(last)) throw new ValueError(`supplied range of [${first}, ${last}] is not finite`);
    } else if (values.length === 0) {
      [first, last] = [0, 1];
    } else {
      first = Math.min(...values);
      last = Math.max(...values);
      if (!Number.isFinite(first) || !Number.isFinite(last)) throw new ValueError(`autodetected range of [${first}, ${last}] is not finite`);
    }
    if (first === last) {
      first -= 0.5;
      last += 0.5;
    }
    edges = Array.from(linspace(first, last, b + 1).data as ArrayLike<number>);
    uniform = true;
  } else {
    edges = Array.from(N.asarray(b).data as ArrayLike<number>);
    if (edges.some((e, i) => i > 0 && e < edges[i - 1])) throw new ValueError("`bins` must increase monotonically, when an array");
  }
  const n = edges.length - 1;
  const counts = new Float64Array(n);
  const lo = edges[0];
  const hi = edges[n];
  for (const v of values) {
    if (!(v >= lo && v <= hi)) continue;
    let k: number;
    if (uniform) {
      // NumPy's equal-bin path: the scaled offset, then corrected by the edges within an ulp.
      k = Math.trunc((v - lo) * (n / (hi - lo)));
      if (k === n) k -= 1;
      if (v < edges[k]) k -= 1;
      else if (v >= edges[k + 1] && k !== n - 1) k += 1;
    } else {
      let l = 0;
      let r = n;
      while (l < r) {
        const mid = (l + r) >>> 1;
        if (edges[mid] <= v) l = mid + 1;
        else r = mid;
      }
      k = Math.min(l - 1, n - 1);
    }
    counts[k] += 1;
  }
  const edgeArray = N.make(edges, [edges.length], D.float64);
  if (!o.density) return asPyTuple([N.make(counts, [n], D.int64), edgeArray]) as [ndarray, ndarray];
  const total = counts.reduce((s, c) => s + c, 0);
  const dens = Array.from(counts, (c, i) => c / (edges[i + 1] - edges[i]) / total);
  return asPyTuple([N.make(dens, [n], D.float64), edgeArray]) as [ndarray, ndarray];
}

// np.einsum (src/numpy/einsum.ts).
export { einsum } from "./einsum";
// np.save / np.load / np.savez (src/numpy/io.ts).
export { save, load, savez, NpzFile, loadtxt, savetxt, genfromtxt } from "./io";
