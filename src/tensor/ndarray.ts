/**
 * What `x.numpy()` gives: the values (a copy, as a typed array), the shape and the dtype, printed as
 * NumPy 1.24 prints an array. A notebook cell showing it gives NumPy's repr
 * (`array([0.1 , 0.25, 3.  ], dtype=float32)`), `print(a)`, `console.log(a)` and `${a}` its str
 * (`[0.1  0.25 3.  ]`): NumPy's default print options (precision 8, threshold 1000 with 3 edge items,
 * 75 columns), floats as the shortest digits that read back as the same float32 (or float64) value,
 * scientific when the magnitudes ask for it, a dtype suffix unless NumPy implies it (float64, int64,
 * bool). Unlike NumPy's array it does not share memory with the tensor.
 */
import { asPyFloats, asPyTuple, IPYTHON_REPR, PY_TUPLE, PyStrRepr } from "../pyrepr";
import * as D from "./dtype";
import { IndexError, TypeError, ValueError } from "../errors";
import { format, formatFloat, formatInt } from "../pyformat";
import * as N from "../numpy/core";
import type { Tensor } from "./tensor";

type Data = Float64Array | Float32Array | Int32Array | Uint8Array;

const PRECISION = 8;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
export const LINE_WIDTH = 75;

/** NumPy's name of a torch dtype's counterpart. */
function numpyName(dtype: D.dtype): string {
  return String(dtype).replace(/^torch\./, "");
}

/**
 * NumPy's dtype object (`a.dtype`): `print(a.dtype)` writes `float32`, its repr is `dtype('float32')`,
 * and it equals its name and its scalar type (`a.dtype == np.float32`, `a.dtype == 'float32'`).
 */
export class npdtype {
  /** @internal */
  constructor(readonly name: string, readonly _torch: D.dtype) {}

  /** Bytes per element, NumPy's. */
  get itemsize(): number {
    return this._torch.itemsize;
  }

  /** NumPy's kind letter: 'f' float, 'i' signed int, 'u' unsigned int, 'b' bool. */
  get kind(): string {
    return this._torch === D.bool ? "b" : this._torch.is_floating_point ? "f" : this._torch === D.uint8 ? "u" : "i";
  }

  __eq__(other: unknown): boolean {
    const name = typeof other === "string" ? other : other instanceof npdtype ? other.name : typeof other === "function" && (other as { dtype?: unknown }).dtype instanceof npdtype ? (other as unknown as { dtype: npdtype }).dtype.name : null;
    return name === this.name;
  }

  toString(): string {
    return this.name;
  }

  __str__(): string {
    return this.name;
  }

  __repr__(): string {
    return `dtype('${this.name}')`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.name;
  }

  [IPYTHON_REPR](): string {
    return this.__repr__();
  }
}

const NP_DTYPES = new Map<D.dtype, npdtype>();

/** The one NumPy dtype object of a torch dtype. */
export function npdtypeOf(dtype: D.dtype): npdtype {
  let d = NP_DTYPES.get(dtype);
  if (d === undefined) NP_DTYPES.set(dtype, (d = new npdtype(numpyName(dtype), dtype)));
  return d;
}

/** The dtypes whose arrays NumPy prints without `dtype=` (Python's int, float and bool). */
function impliedDtype(dtype: D.dtype): boolean {
  return dtype === D.float64 || dtype === D.int64 || dtype === D.bool;
}

/**
 * A two-way link between an array and the tensor it shares memory with (`torch.from_numpy(a)`,
 * `t.numpy()`): tfjs buffers are immutable, so each side copies the other's values in when the other's
 * version moved past the one it last saw (PyTorch's functionalization, as the tensor's own views do).
 */
export interface TensorLink {
  /** The tensor: its `_version` counts its in-place writes; `_overwrite` replaces its values. */
  readonly tensor: { readonly _version: number; dataSync(): ArrayLike<number>; _overwriteFrom(values: ArrayLike<number>): void };
  /** The tensor's version the array last copied in. */
  tv: number;
  /** The array's version the tensor last copied in. */
  av: number;
}

export class ndarray extends PyStrRepr {
  /** NumPy's shape, a tuple: print and a cell show `(3,)`, `(2, 3)`. */
  readonly shape: number[];

  /** @internal the torch dtype of the values (float64, float32, int64, int32, uint8, bool, ...). */
  readonly _dtype: D.dtype;

  /** @internal the values in row-major order: the memory itself, or a contiguous view's piece of its base's, or a strided view's copy. */
  private _d: Data;
  /** @internal a view's base (the array owning the memory), null for an owner. */
  _root: ndarray | null = null;
  /** @internal a view's first position and strides (in elements) in its base's memory. */
  _offset = 0;
  _strides: number[];
  /** @internal a strided view's positions in its base's memory (row-major); null when `_d` is the base's memory itself. */
  private _at: Int32Array | null = null;
  /** @internal an owner's version (bumped by every in-place write); a strided view's: the base version it copied. */
  _v = 0;
  /** @internal the tensor this array shares memory with (owners only). */
  _link: TensorLink | null = null;

  constructor(data: Data, shape: number[], dtype: D.dtype) {
    super();
    this.shape = asPyTuple([...shape]);
    this._dtype = dtype;
    this._d = data;
    this._strides = rowMajor(shape);
  }

  /**
   * @internal a view of `root`'s memory at `offset` with `strides` (NumPy's basic slicing, transpose,
   * reshape): reads see the base's values, writes reach the base.
   */
  static _view(root: ndarray, shape: number[], offset: number, strides: number[]): ndarray {
    const n = shape.reduce((p, d) => p * d, 1);
    const contiguous = isRowMajor(shape, strides);
    const data = contiguous ? root._d.subarray(offset, offset + n) : storage(root._dtype, n);
    const v = new ndarray(data as Data, shape, root._dtype);
    v._root = root;
    v._offset = offset;
    v._strides = [...strides];
    if (!contiguous) {
      v._at = positions(shape, offset, strides);
      v._v = -1;
    }
    return v;
  }

  /** The values in row-major order (a view's read through to its base's current values). */
  get data(): Data {
    const root = this._root ?? this;
    if (root._link !== null) root._pull();
    if (this._at !== null && this._v !== root._v) {
      const src = root._d;
      const at = this._at;
      for (let k = 0; k < at.length; k++) this._d[k] = src[at[k]];
      this._v = root._v;
    }
    return this._d;
  }

  /** @internal the tensor's values copied in when it was written since this array last looked. */
  private _pull(): void {
    const link = this._link!;
    if (link.tensor._version === link.tv) return;
    const values = link.tensor.dataSync();
    for (let k = 0; k < this._d.length; k++) this._d[k] = values[k];
    link.tv = link.tensor._version;
    link.av = ++this._v;
  }

  /** @internal after an in-place write to `data`: a strided view writes its values into its base; the base's views and tensor see the new version. */
  _written(): void {
    const root = this._root ?? this;
    if (this._at !== null) {
      const at = this._at;
      for (let k = 0; k < at.length; k++) root._d[at[k]] = this._d[k];
    }
    root._v++;
    if (this._at !== null) this._v = root._v;
  }

  /** @internal an owner's memory as it is (no tensor's values pulled in). */
  _memory(): Data {
    return this._d;
  }

  /** NumPy's `a.base`: the array whose memory this view shares, None for an array that owns its own. */
  get base(): ndarray | null {
    return this._root;
  }

  /** NumPy's `a.strides`: bytes to step along each axis. */
  get strides(): number[] {
    return asPyTuple(this._strides.map((s) => s * this._dtype.itemsize));
  }

  /** NumPy's `a.flags['C_CONTIGUOUS']`, `a.flags['F_CONTIGUOUS']`, `a.flags['OWNDATA']`, `a.flags['WRITEABLE']`. */
  get flags(): Record<string, boolean> {
    const c = isRowMajor(this.shape, this._strides);
    const f = isRowMajor([...this.shape].reverse(), [...this._strides].reverse());
    const own = this._root === null;
    return { C_CONTIGUOUS: c, F_CONTIGUOUS: f, OWNDATA: own, WRITEABLE: true, c_contiguous: c, f_contiguous: f, owndata: own, writeable: true };
  }

  /** NumPy's dtype: prints as `float32`, a cell shows `dtype('float32')`; `a.dtype.name`. */
  get dtype(): npdtype {
    return npdtypeOf(this._dtype);
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return this._d.length;
  }

  /** Python's `len(a)`: the length of the first axis; a 0-d array has none (NumPy's TypeError). */
  __len__(): number {
    if (this.shape.length === 0) throw new TypeError("len() of unsized object");
    return this.shape[0];
  }

  /**
   * NumPy's `a[[i, j, ...]]` (a list: rows i and j, as `np.eye(n_class)[input]` makes one-hot rows), `a[i]`
   * and, as a string, the tuple index `a[":, 0"]`. A single item is a scalar; anything else a new array
   * (a copy: NumPy's views are not shared). Out of range is NumPy's IndexError.
   */
  // Typed `any`: a scalar (all integers) or an array, known only at run time, whose operators the dialect then decides there.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  __getitem__(key: N.Key): any {
    // A Python tuple held in a name (`tuple([0, 1])`) is still the tuple index a[0, 1].
    return N.getitem(this, key === null ? "None" : key, Array.isArray(key) && PY_TUPLE in key);
  }

  /**
   * `a[i]` as the dialect writes it for a number: the row (a scalar of a 1-d array); `a[i, j]`, written
   * `a.get(i, j)`, is NumPy's tuple index (the element, or the sub-array of fewer indices).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get(i: N.Key, ...more: N.Key[]): any {
    if (more.length > 0) return N.getitem(this, asPyTuple([i, ...more].map((k) => (k === null ? "None" : k))));
    return N.getitem(this, i === null ? "None" : i);
  }

  /**
   * `a[":, 0"]`, `a["1:, ::2"]`, `a["..., None"]`, `a[mask]`, `a[idx]`: NumPy's basic and advanced
   * indexing (slices with steps, negative indices, newaxis, bool masks, integer arrays), as a new array.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  index(key: N.Key): any {
    return N.getitem(this, key === null ? "None" : key);
  }

  /** `a[key] = value` (NumPy's setitem: broadcast and cast to this array's dtype), written into this array. */
  setitem(key: N.Key, value: unknown): void {
    N.setitem(this, key === null ? "None" : key, value);
  }

  __setitem__(key: N.Key, value: unknown): void {
    N.setitem(this, key === null ? "None" : key, value, false);
  }

  // ------------------------------------------------------------------ operators (the dialect's a + b, a > 0, -a, a += 1)

  add(other: unknown): ndarray {
    return (N.withTensor("add", this, other) as ndarray | null) ?? N.binary("add", this, other);
  }
  sub(other: unknown): ndarray {
    return (N.withTensor("subtract", this, other) as ndarray | null) ?? N.binary("subtract", this, other);
  }
  /** `2 - a`: Python's reflected subtraction. */
  rsub(other: unknown): ndarray {
    return N.binary("subtract", other, this);
  }
  mul(other: unknown): ndarray {
    return (N.withTensor("multiply", this, other) as ndarray | null) ?? N.binary("multiply", this, other);
  }
  /** `a / b`: true division (an integer array gives float64). */
  /** `a / t` with a tensor: the tensor's reflected division (a tensor, as in PyTorch). */
  div(other: Tensor): Tensor;
  div(other: unknown): ndarray;
  div(other: unknown): ndarray | Tensor {
    return (N.withTensor("true_divide", this, other) as Tensor | null) ?? N.binary("true_divide", this, other);
  }
  /** `1 / a` (the dialect's `2 / a` is `a.reciprocal().mul(2)`): float, as NumPy's true division. */
  reciprocal(): ndarray {
    return N.binary("true_divide", 1, this);
  }
  remainder(other: unknown): ndarray {
    return (N.withTensor("remainder", this, other) as ndarray | null) ?? N.binary("remainder", this, other);
  }
  floor_divide(other: unknown): ndarray {
    return (N.withTensor("floor_divide", this, other) as ndarray | null) ?? N.binary("floor_divide", this, other);
  }
  pow(other: unknown): ndarray {
    return (N.withTensor("power", this, other) as ndarray | null) ?? N.binary("power", this, other);
  }
  /** `2 ** a`. */
  __rpow__(other: unknown): ndarray {
    return N.binary("power", other, this);
  }
  /** `7 % a`. */
  __rmod__(other: unknown): ndarray {
    return N.binary("remainder", other, this);
  }
  /** `a & b`: logical for bool arrays, bitwise for integers. */
  bitwise_and(other: unknown): ndarray {
    return N.binary("bitwise_and", this, other);
  }
  bitwise_or(other: unknown): ndarray {
    return N.binary("bitwise_or", this, other);
  }
  bitwise_xor(other: unknown): ndarray {
    return N.binary("bitwise_xor", this, other);
  }
  /** `~a`: logical not of a bool array, bitwise not of an integer one. */
  invert(): ndarray {
    return N.invert(this);
  }
  /** `a @ b`. */
  matmul(other: unknown): ndarray | number | boolean {
    N.withTensor("matmul", this, other);
    return N.matmul(this, other);
  }
  dot(other: unknown): ndarray | number | boolean {
    return N.dot(this, other);
  }
  lt(other: unknown): ndarray {
    return (N.withTensor("less", this, other) as ndarray | null) ?? N.binary("less", this, other);
  }
  le(other: unknown): ndarray {
    return (N.withTensor("less_equal", this, other) as ndarray | null) ?? N.binary("less_equal", this, other);
  }
  gt(other: unknown): ndarray {
    return (N.withTensor("greater", this, other) as ndarray | null) ?? N.binary("greater", this, other);
  }
  ge(other: unknown): ndarray {
    return (N.withTensor("greater_equal", this, other) as ndarray | null) ?? N.binary("greater_equal", this, other);
  }
  /** `a == t` with a tensor: Python's False (NumPy and PyTorch both decline). */
  eq(other: Tensor): boolean;
  eq(other: unknown): ndarray;
  eq(other: unknown): ndarray | boolean {
    return (N.withTensor("equal", this, other) as boolean | null) ?? N.binary("equal", this, other);
  }
  /** `a != t` with a tensor: Python's True (NumPy and PyTorch both decline). */
  ne(other: Tensor): boolean;
  ne(other: unknown): ndarray;
  ne(other: unknown): ndarray | boolean {
    return (N.withTensor("not_equal", this, other) as boolean | null) ?? N.binary("not_equal", this, other);
  }
  neg(): ndarray {
    return N.unary("negative", this);
  }
  abs(): ndarray {
    return N.unary("absolute", this);
  }
  add_(other: unknown): ndarray {
    return N.binary("add", this, other, this);
  }
  sub_(other: unknown): ndarray {
    return N.binary("subtract", this, other, this);
  }
  mul_(other: unknown): ndarray {
    return N.binary("multiply", this, other, this);
  }
  div_(other: unknown): ndarray {
    return N.binary("true_divide", this, other, this);
  }
  pow_(other: unknown): ndarray {
    return N.binary("power", this, other, this);
  }
  remainder_(other: unknown): ndarray {
    return N.binary("remainder", this, other, this);
  }

  // ------------------------------------------------------------------ shape

  /** `a.T`: the axes reversed (a view). */
  get T(): ndarray {
    return N.transpose(this);
  }

  /** `a.reshape(2, -1)` or `a.reshape([2, -1])`. */
  reshape(...shape: (number | readonly number[])[]): ndarray {
    return N.reshape(this, shapeArgs(shape));
  }

  /** `a.transpose()`, `a.transpose(1, 0, 2)`. */
  transpose(...axes: (number | readonly number[])[]): ndarray {
    return N.transpose(this, shapeArgs(axes));
  }

  /** NumPy's `a.squeeze()` / `a.squeeze(axis)`: the axes of size 1 dropped. */
  squeeze(axis?: number | null | { axis?: number | null }): ndarray {
    return N.squeeze(this, typeof axis === "object" && axis !== null ? axis.axis : axis);
  }

  /** NumPy's `a.ravel()`: the values as a 1-d array, a view when they are contiguous (else a copy). */
  ravel(): ndarray {
    return N.reshape(this, [this.size]);
  }

  /** NumPy's `a.flatten()`: a 1-d copy of the values. */
  flatten(): ndarray {
    return new ndarray(this.data.slice() as Data, [this.size], this._dtype);
  }

  /** `a.astype(np.float32)`, `a.astype('int64')`, `a.astype(float)`: a copy cast to the dtype. */
  astype(dtype: N.DTypeLike): ndarray {
    return N.astype(this, N.dtypeOf(dtype)!);
  }

  copy(): ndarray {
    return N.copy(this);
  }

  /** `a.fill(v)`: every value set to v, in place. */
  fill(value: number | boolean): void {
    N.setitem(this, "...", value);
  }

  /** The value of a one-element array as Python's number (or bool); NumPy's ValueError otherwise. */
  item(...index: number[]): number | boolean {
    if (index.length > 0) return N.scalarOf(this, ravelAt(index, this.shape));
    if (this.size !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
    const v = this.data[0];
    return this._dtype === D.bool ? v !== 0 : v;
  }

  // ------------------------------------------------------------------ reductions: a.sum(), a.sum(0), a.sum({axis: 0, keepdims: true})

  sum(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sum(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  sum(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.sum(this, reduceArgs(axis, options));
  }
  prod(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  prod(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  prod(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.prod(this, reduceArgs(axis, options));
  }
  mean(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mean(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  mean(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.mean(this, reduceArgs(axis, options));
  }
  /** The standard deviation (`ddof: 0` as NumPy's default, unlike PyTorch's). */
  std(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  std(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  std(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.variance(this, reduceArgs(axis, options), true);
  }
  var(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  var(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  var(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.variance(this, reduceArgs(axis, options));
  }
  min(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  min(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  min(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.extreme(this, reduceArgs(axis, options), false);
  }
  max(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  max(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  max(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.extreme(this, reduceArgs(axis, options), true);
  }
  argmax(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  argmax(axis: number | null | N.ReduceOptions, options?: N.ReduceOptions): any;
  argmax(axis?: number | null | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    const o = reduceArgs(axis, options);
    return N.argExtreme(this, o.axis as number | null | undefined, true, o.keepdims);
  }
  argmin(): number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  argmin(axis: number | null | N.ReduceOptions, options?: N.ReduceOptions): any;
  argmin(axis?: number | null | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    const o = reduceArgs(axis, options);
    return N.argExtreme(this, o.axis as number | null | undefined, false, o.keepdims);
  }
  any(): boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  any(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  any(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.anyAll(this, reduceArgs(axis, options), false);
  }
  all(): boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  all(axis: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): any;
  all(axis?: N.Axis | N.ReduceOptions, options?: N.ReduceOptions): N.Reduced {
    return N.anyAll(this, reduceArgs(axis, options), true);
  }
  cumsum(axis?: number | null | N.ReduceOptions, options?: N.ReduceOptions): ndarray {
    const o = reduceArgs(axis, options);
    return N.cumulative(this, o.axis as number | null | undefined, false, o.dtype);
  }
  cumprod(axis?: number | null | N.ReduceOptions, options?: N.ReduceOptions): ndarray {
    const o = reduceArgs(axis, options);
    return N.cumulative(this, o.axis as number | null | undefined, true, o.dtype);
  }
  /** `a.clip(lo, hi)`. */
  /** `a.clip(min, max)`, either bound None or left out (`a.clip({min: 0})`). */
  clip(min?: unknown, max?: unknown): ndarray {
    return N.clip(this, ...N.clipBounds(arguments.length === 1 ? [min] : [min, max], "min", "max"));
  }
  /** `a.round(decimals)`: half to even, as NumPy. */
  round(decimals: number | { decimals?: number } = 0): ndarray {
    return N.around(this, typeof decimals === "object" ? decimals.decimals ?? 0 : decimals);
  }
  /** `a.argsort()` along the last axis (or `axis`), stable. */
  argsort(axis: number | { axis?: number } = -1): ndarray {
    return N.argsort(this, typeof axis === "object" ? axis.axis ?? -1 : axis);
  }
  /** `a.sort()`: sorted along the last axis, in place (as NumPy's method; np.sort returns a copy). */
  sort(axis: number | { axis?: number } = -1): void {
    const sorted = N.sortArray(this, typeof axis === "object" ? axis.axis ?? -1 : axis);
    this.data.set(sorted.data as ArrayLike<number> as never);
    this._written();
  }

  /** The values as nested arrays (bools as booleans), as NumPy's tolist(). */
  tolist(): unknown {
    const value = (i: number): unknown => (this._dtype === D.bool ? this.data[i] !== 0 : this.data[i]);
    if (this.shape.length === 0) return value(0);
    // A float array's values are Python floats: print writes `[0.0, 1.0]`.
    const floats = this._dtype.is_floating_point;
    const build = (axis: number, offset: number): unknown[] => {
      const stride = this.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      const row = Array.from({ length: this.shape[axis] }, (_, i) => (axis === this.shape.length - 1 ? value(offset + i) : build(axis + 1, offset + i * stride)));
      return floats && axis === this.shape.length - 1 ? asPyFloats(row) : row;
    };
    return build(0, 0);
  }

  /**
   * Iterates over the first axis, as NumPy's array does (`for x in idx`, `[idx2char[x] for x in idx]`):
   * a 1-d array's values (bools as booleans), the rows of a larger one as arrays of their own. A
   * float32 array's value is the shortest decimal that reads back as it, the number NumPy's scalar
   * writes (`str(np.float32(x))`: `5.7685595`, where the float32's exact value is 5.768559455871582),
   * so `csv.writer(fp).writerow([i, p])` and print() of an item write NumPy's text.
   */
  // Typed `any`, as __getitem__: a row (a view, `for (const row of a) row[0] = 0` writes `a`) or a scalar.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  *[Symbol.iterator](): IterableIterator<any> {
    if (this.shape.length === 0) throw new TypeError("iteration over a 0-d array");
    const rows = this.shape[0];
    const rest = this.shape.slice(1);
    for (let i = 0; i < rows; i++) {
      if (rest.length === 0) yield this._dtype === D.bool ? this.data[i] !== 0 : this._dtype === D.float32 ? float32Scalar(this.data[i]) : this.data[i];
      else yield N.getitem(this, i);
    }
  }

  /** NumPy's repr: `array([...], dtype=float32)`. */
  __repr__(): string {
    const implied = impliedDtype(this._dtype) && this.size > 0;
    const dtypeText = `dtype=${numpyName(this._dtype)})`;
    let body: string;
    if (this.size > 0 || (this.shape.length === 1 && this.shape[0] === 0)) {
      // NumPy leaves room for the suffix (`)` or `,`) on the last line.
      body = arrayToString(this, ", ", "array(", LINE_WIDTH - 1);
    } else {
      body = `[], shape=(${this.shape.join(", ")}${this.shape.length === 1 ? "," : ""})`;
    }
    const text = `array(${body}${implied ? ")" : ","}`;
    if (implied) return text;
    const lastLine = text.length - (text.lastIndexOf("\n") + 1);
    return text + (lastLine + dtypeText.length + 1 > LINE_WIDTH ? `\n${" ".repeat("array(".length)}` : " ") + dtypeText;
  }

  /** NumPy's str: `[[0. 1.]\n [2. 3.]]`; a 0-d array's is its value's. */
  __str__(): string {
    if (this.shape.length === 0) return formatterFor(this.data, this._dtype, true)(this.data[0]);
    return arrayToString(this, " ", "", LINE_WIDTH);
  }

  /**
   * NumPy's `format(a, spec)` (`"{:.3}".format(predict[i].numpy())` in a predict.py): a 0-d array
   * formats its value as its scalar does (a float32's exact value as Python's float); any other array
   * takes only the empty spec (its str), else NumPy's TypeError.
   */
  __format__(spec = ""): string {
    if (this.shape.length !== 0) {
      if (spec !== "") throw new TypeError("unsupported format string passed to numpy.ndarray.__format__");
      return this.__str__();
    }
    if (spec === "") return this.__str__();
    const v = this.data[0];
    if (this._dtype === D.bool) return format(v !== 0, spec);
    return this._dtype.is_floating_point ? formatFloat(v, spec) : formatInt(v, spec);
  }

  /** The value of a one-element array, as Python's int() / float() take it; NumPy's TypeError for any other size. */
  scalar(): number {
    if (this.size !== 1) throw new TypeError("only size-1 arrays can be converted to Python scalars");
    return this.data[0];
  }

}

/** Shape arguments as NumPy takes them: `reshape(2, 3)` or `reshape([2, 3])` (a tuple). */
function shapeArgs(args: (number | readonly number[])[]): number[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...(args[0] as number[])] : (args as number[]);
}

/** A reduction's arguments: `(axis)`, `(axis, {keepdims})` or `({axis, keepdims, dtype, ddof})`. */
function reduceArgs(axis: N.Axis | N.ReduceOptions, options: N.ReduceOptions = {}): N.ReduceOptions {
  if (axis !== null && typeof axis === "object" && !Array.isArray(axis)) return { ...(axis as N.ReduceOptions), ...options };
  return { ...options, axis: axis as N.Axis };
}

/** The flat position of a multi-index (`a.item(1, 2)`). */
function ravelAt(index: number[], shape: readonly number[]): number {
  if (index.length === 1) {
    const size = shape.reduce((p, d) => p * d, 1);
    if (index[0] < -size || index[0] >= size) throw new IndexError(`index ${index[0]} is out of bounds for size ${size}`);
    return index[0] < 0 ? index[0] + size : index[0];
  }
  if (index.length !== shape.length) throw new ValueError("incorrect number of indices for array");
  return index.reduce((p, i, d) => {
    if (i < -shape[d] || i >= shape[d]) throw new IndexError(`index ${i} is out of bounds for axis ${d} with size ${shape[d]}`);
    return p * shape[d] + (i < 0 ? i + shape[d] : i);
  }, 0);
}

/** NumPy's array2string of a non-empty (or 1-d empty) array. */
function arrayToString(a: ndarray, separator: string, prefix: string, lineWidth: number): string {
  if (a.size === 0) return "[]";
  const summarize = a.size > THRESHOLD;
  const strides = a.shape.map((_, i) => a.shape.slice(i + 1).reduce((x, y) => x * y, 1));
  // The formatter sees only what is printed (NumPy's _leading_trailing).
  const shown: number[] = [];
  const collect = (axis: number, offset: number): void => {
    if (axis === a.shape.length) {
      shown.push(a.data[offset]);
      return;
    }
    for (const i of edgeIndices(a.shape[axis], summarize)) collect(axis + 1, offset + i * strides[axis]);
  };
  collect(0, 0);
  const format = formatterFor(shown, a._dtype, a.shape.length === 0);
  if (a.shape.length === 0) return format(a.data[0]);
  return layoutArray(a.shape, (k) => format(a.data[k]), separator, prefix, lineWidth);
}

/**
 * NumPy's _formatArray: the elements' texts (`text` of each row-major position) nested in brackets,
 * lines wrapped at `lineWidth` under `prefix`'s hanging indent, summarised (`...`, 3 edge items) past
 * 1000 elements. Shared by the numeric arrays and the arrays of dtype object (src/numpy/object_array.ts).
 */
export function layoutArray(shape: readonly number[], text: (offset: number) => string, separator: string, prefix: string, lineWidth: number): string {
  const size = shape.reduce((x, y) => x * y, 1);
  if (size === 0) return "[]";
  const summarize = size > THRESHOLD;
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((x, y) => x * y, 1));
  const nextLinePrefix = " " + " ".repeat(prefix.length);
  const recurse = (axis: number, offset: number, hangingIndent: string, width: number): string => {
    if (axis === shape.length) return text(offset);
    const nextIndent = hangingIndent + " ";
    const nextWidth = width - 1;
    const n = shape[axis];
    const summary = summarize && 2 * EDGE_ITEMS < n;
    const leading = summary ? EDGE_ITEMS : 0;
    const trailing = summary ? EDGE_ITEMS : n;
    const item = (i: number): string => recurse(axis + 1, offset + i * strides[axis], nextIndent, nextWidth);
    let s = "";
    if (axis === shape.length - 1) {
      const elemWidth = width - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      const extend = (word: string, w: number): void => {
        if (line.length + word.length > w && line.length > hangingIndent.length) {
          s += line.trimEnd() + "\n";
          line = hangingIndent;
        }
        line += word;
      };
      for (let i = 0; i < leading; i++) {
        extend(item(i), elemWidth);
        line += separator;
      }
      if (summary) {
        extend("...", elemWidth);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        extend(item(n - i), elemWidth);
        line += separator;
      }
      extend(item(n - 1), elemWidth);
      s += line;
    } else {
      const lineSep = separator.trimEnd() + "\n".repeat(shape.length - axis - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + item(i) + lineSep;
      if (summary) s += hangingIndent + "..." + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + item(n - i) + lineSep;
      s += hangingIndent + item(n - 1);
    }
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurse(0, 0, nextLinePrefix, lineWidth);
}

function edgeIndices(n: number, summarize: boolean): number[] {
  if (!summarize || n <= 2 * EDGE_ITEMS) return Array.from({ length: n }, (_, i) => i);
  return [0, 1, 2, n - 3, n - 2, n - 1];
}

/** One element's text, every element padded alike (NumPy's FloatingFormat, IntegerFormat, BoolFormat). */
function formatterFor(values: ArrayLike<number>, dtype: D.dtype, scalar: boolean): (v: number) => string {
  if (dtype === D.bool) return (v) => (v !== 0 ? (scalar ? "True" : " True") : "False");
  if (!dtype.is_floating_point) {
    let width = 0;
    for (let i = 0; i < values.length; i++) width = Math.max(width, String(values[i]).length);
    return (v) => String(v).padStart(width);
  }
  return floatFormatter(Array.from(values), dtype === D.float32 ? Math.fround : (x: number) => x);
}

/** The shortest significant digits that read back as `x` (`round`: the storage's rounding), as [digits, exponent]. */
function shortest(x: number, round: (x: number) => number): [string, number] {
  for (let p = 1; p <= 17; p++) {
    const text = Math.abs(x).toExponential(p - 1);
    if (round(Number(text)) === Math.abs(x) || p === 17) {
      const [mantissa, exp] = text.split("e");
      return [mantissa.replace(".", ""), Number(exp)];
    }
  }
  throw new Error("unreachable");
}

/** A float32 value as the double its shortest float32 decimal reads as (NumPy's scalar's str). */
export function float32Scalar(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [digits, exp] = shortest(x, Math.fround);
  return Number(`${x < 0 ? "-" : ""}${digits[0]}.${digits.slice(1) || "0"}e${exp}`);
}

/** `x` positionally with at most PRECISION fraction digits, the point kept (`3.`, `0.25`, `-0.`). */
function positional(x: number, round: (x: number) => number): string {
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return `${sign}0.`;
  const [digits, exp] = shortest(x, round);
  const fraction = Math.max(0, digits.length - 1 - exp);
  let text: string;
  if (fraction > PRECISION) {
    text = Math.abs(x).toFixed(PRECISION).replace(/0+$/, "");
  } else if (exp >= 0) {
    const whole = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, "0");
    text = `${whole}.${digits.slice(exp + 1)}`;
  } else {
    text = `0.${"0".repeat(-exp - 1)}${digits}`;
  }
  return sign + text;
}

/**
 * `x` in NumPy's scientific form with `fraction` mantissa digits (null: the shortest, at most PRECISION)
 * and `expDigits`.
 */
function scientific(x: number, round: (x: number) => number, fraction: number | null, expDigits: number): string {
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  let [digits, exp] = x === 0 ? ["0", 0] : shortest(x, round);
  if (digits.length - 1 > PRECISION) {
    const [m, e] = Math.abs(x).toExponential(PRECISION).split("e");
    digits = m.replace(".", "").replace(/0+$/, "");
    exp = Number(e);
  }
  if (fraction !== null && digits.length - 1 < fraction) {
    // NumPy's min_digits: more digits of the exact binary value, not zeros (6.6666669e-01 for float32's 2/3).
    const [m, e] = Math.abs(x).toExponential(fraction).split("e");
    digits = m.replace(".", "");
    exp = Number(e);
  }
  const frac = digits.slice(1);
  const e = String(Math.abs(exp)).padStart(expDigits, "0");
  return `${sign}${digits[0]}.${frac}e${exp < 0 ? "-" : "+"}${e}`;
}

function floatFormatter(values: number[], round: (x: number) => number): (v: number) => string {
  const finite = values.filter(Number.isFinite);
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  const max = nonZero.length > 0 ? Math.max(...nonZero) : 0;
  const min = nonZero.length > 0 ? Math.min(...nonZero) : 0;
  const exponential = nonZero.length > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
  let padLeft = 0;
  let padRight = 0;
  let body: (v: number) => string;
  if (finite.length === 0) {
    body = (v) => positional(v, round);
  } else if (exponential) {
    const texts = finite.map((v) => scientific(v, round, null, 0));
    const parts = texts.map((t) => /^(-?\d)\.(\d*)e([-+]\d+)$/.exec(t)!);
    const fraction = Math.max(...parts.map((p) => p[2].length));
    const expDigits = Math.max(2, ...parts.map((p) => p[3].length - 1));
    padLeft = Math.max(...parts.map((p) => p[1].length));
    padRight = expDigits + 2 + fraction;
    body = (v) => {
      const [whole, rest] = scientific(v, round, fraction, expDigits).split(".");
      return `${whole.padStart(padLeft)}.${rest}`;
    };
  } else {
    const parts = finite.map((v) => positional(v, round).split("."));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = Math.max(...parts.map((p) => p[1].length));
    body = (v) => {
      const [whole, frac] = positional(v, round).split(".");
      return `${whole.padStart(padLeft)}.${frac.padEnd(padRight)}`;
    };
  }
  if (finite.length !== values.length) {
    const negativeInf = values.some((v) => v === -Infinity);
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + (negativeInf ? 1 : 0) - (padRight + 1));
  }
  return (v) => {
    if (Number.isFinite(v)) return body(v);
    const text = Number.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf";
    return text.padStart(padLeft + padRight + 1);
  };
}

/** Row-major strides (in elements) of a shape. */
function rowMajor(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = s;
    s *= shape[d];
  }
  return out;
}

/** Whether strides walk the shape's positions in row-major order without gaps (axes of size 1 or empty arrays place no constraint). */
function isRowMajor(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.some((d) => d === 0)) return true;
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 1) continue;
    if (strides[d] !== s) return false;
    s *= shape[d];
  }
  return true;
}

/** The memory positions a strided view reads, in row-major order. */
export function positions(shape: readonly number[], offset: number, strides: readonly number[]): Int32Array {
  const n = shape.reduce((p, d) => p * d, 1);
  const out = new Int32Array(n);
  const idx = new Array<number>(shape.length).fill(0);
  let off = offset;
  for (let k = 0; k < n; k++) {
    out[k] = off;
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * idx[d];
      idx[d] = 0;
    }
  }
  return out;
}

function storage(dtype: D.dtype, n: number): Data {
  return N.storage(dtype, n);
}
