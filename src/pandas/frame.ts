/**
 * pandas 1.5's Series and DataFrame as the tutorials use them beside PyTorch: construction from
 * dicts, lists and arrays; `df['c']`, `df[['a', 'b']]`, `df[mask]`, `df[':n']`; iloc and loc;
 * column assignment; arithmetic and comparisons with scalars, Series and frames (aligned on their
 * labels as pandas aligns them); the reductions (missing values skipped), describe, corr, isna /
 * fillna / dropna, apply / map, astype, value_counts, unique, sort_values, groupby, head / tail;
 * `values` / to_numpy() as torchlab's NumPy arrays (so `torch.tensor(df.values)` works); and the text
 * pandas prints, column for column (src/pandas/format.ts), its HTML table (src/pandas/html.ts) and info().
 *
 * In the notebook dialect, keyword arguments go in a trailing object (`df.fillna(0)`,
 * `df.sort_values('a', {ascending: false})`), a slice is a string (`df.iloc[':4', [0, 1, -1]]`), and a
 * column is read by subscript (`df['c']`) or as an attribute (`df.c`, typed `any`).
 */
import { writeFileAtomic } from "../serialization/atomic";
import { IndexError, KeyError, NotImplementedError, TypeError, ValueError } from "../errors";
import { ndarray } from "../tensor/ndarray";
import { Tensor } from "../tensor/tensor";
import * as C from "./column";
import { Column } from "./column";
import { cast, commonKind, DTypeArg, floatWritten, inferKind, isFloat, isNumeric, kindOf, kindOfArray, PdDtype, toArray } from "./dtype";
import { adjoin, boxFloat, center, DISPLAY, floatRepr, fixedWidth, formatValues, isMissing, joinMultiline, Kind, ljust, pprint, rjust, Scalar, truncatedColumns, truncatedRows } from "./format";
import { frameHtml } from "./html";
import { infoText } from "./info";
import { Index, labelRepr } from "./index_";
import { asPyTuple, isPyFloatAt, noteNumpyScalar, PyFloat } from "../pyrepr";
import { ObjectArray } from "../numpy/object_array";

type Options = Record<string, unknown>;
const isOptions = (x: unknown): x is Options => x !== null && typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype;

// ---------------------------------------------------------------------------------------------- keys

/** A slice written as the dialect's string (`"1:3"`, `":-1"`, `"::2"`): its positions in `n`, or null for any other string. */
export function slicePositions(key: string, n: number): number[] | null {
  const m = /^\s*(-?\d*)\s*:\s*(-?\d*)\s*(?::\s*(-?\d*)\s*)?$/.exec(key);
  if (!m) return null;
  const step = m[3] ? Number(m[3]) : 1;
  if (step === 0) throw new ValueError("slice step cannot be zero");
  const norm = (s: string, dflt: number) => {
    if (s === "") return dflt;
    const v = Number(s);
    return v < 0 ? Math.max(v + n, step > 0 ? 0 : -1) : Math.min(v, step > 0 ? n : n - 1);
  };
  const start = norm(m[1], step > 0 ? 0 : n - 1);
  const stop = norm(m[2], step > 0 ? n : -1);
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}

/** A list of keys given as an array, a tensor, an ndarray, an Index or a Series. */
function keyList(key: unknown): Scalar[] | null {
  if (Array.isArray(key)) return key as Scalar[];
  if (key instanceof Index) return key.tolist();
  if (key instanceof Series) return [...key._values];
  if (key instanceof ndarray) return key.tolist() as Scalar[];
  if (key instanceof Tensor) return key.tolist() as Scalar[];
  return null;
}

/** pandas' error for an indexer that does not fit (pandas.errors.IndexingError). */
/**
 * Columns (`values` of each, `kinds` their dtypes) as one NumPy array of dtype object, row-major: a float
 * column's numbers are Python floats there (`1.0`), an int column's ints. The ObjectArray stands where
 * pandas gives an ndarray of objects, so it is typed as one (its other members are a TypeError).
 */
function objectArray(values: readonly (readonly Scalar[])[], kinds: readonly Kind[], nrows: number, shape: number[]): ndarray {
  const items: Scalar[] = [];
  const floats = new Set<number>();
  for (let i = 0; i < nrows; i++) {
    values.forEach((column, j) => {
      const v = column[i] as Scalar | PyFloat;
      if (v instanceof PyFloat || (typeof v === "number" && isFloat(kinds[j]))) floats.add(items.length);
      items.push(v instanceof PyFloat ? v.value : v);
    });
  }
  return ObjectArray.of(items, shape, floats) as unknown as ndarray;
}

export class IndexingError extends Error {
  constructor(message = "") {
    super(message);
    this.name = "IndexingError";
  }
}

/**
 * The rows a boolean Series picks, read by label as pandas reads it (`df[s > 0]` after s was sorted):
 * its values in the index's order; pandas' IndexingError where it lacks one of the labels.
 */
function maskPositions(mask: Series, index: Index): number[] {
  let values = mask._values;
  if (!mask.index.equals(index)) {
    const at = mask.index.has_duplicates ? [-1] : mask.index.get_indexer(index);
    if (at.includes(-1)) throw new IndexingError("Unalignable boolean Series provided as indexer (index of the boolean Series and of the indexed object do not match).");
    values = at.map((p) => mask._values[p]);
  }
  return values.flatMap((v, i) => (v ? [i] : []));
}

const isMask = (key: unknown): key is Series => key instanceof Series && key._kind === "bool";

/** Positions picked by an integer key of `iloc` over `n` items: an int, a slice string, a list, a boolean mask. */
function positionsOf(key: unknown, n: number, axis: string): number[] | number {
  if (typeof key === "number") {
    if (!Number.isInteger(key)) throw new TypeError(`Cannot index by location index with a non-integer key`);
    if (key < -n || key >= n) throw new IndexError("single positional indexer is out-of-bounds");
    return key < 0 ? key + n : key;
  }
  if (typeof key === "string") {
    const at = slicePositions(key, n);
    if (at === null) throw new TypeError(`Cannot index by location index with a non-integer key`);
    return at;
  }
  if (key === null || key === undefined) return Array.from({ length: n }, (_, i) => i);
  const list = keyList(key);
  if (list === null) throw new TypeError(`Cannot index by location index with a non-integer key`);
  if (list.length > 0 && list.every((v) => typeof v === "boolean")) {
    if (list.length !== n) throw new IndexError(`Boolean index has wrong length: ${list.length} instead of ${n}`);
    return list.flatMap((v, i) => (v ? [i] : []));
  }
  return list.map((v) => {
    const p = Number(v);
    if (p < -n || p >= n) throw new IndexError(`positional indexers are out-of-bounds`);
    return p < 0 ? p + n : p;
  });
}

/** Positions of labels in an index (a label, a list, an inclusive label slice, a boolean mask) for `loc`. */
function labelPositions(key: unknown, index: Index, what: string): number[] | number {
  if (key === null || key === undefined) return Array.from({ length: index.size }, (_, i) => i);
  if (typeof key === "string" && key.includes(":") && !index.__contains__(key)) {
    const [a, b] = key.split(":").map((s) => s.trim());
    const label = (s: string): Scalar => (index._kind === "object" ? s : Number(s));
    const start = a === "" ? 0 : index.get_loc(label(a));
    const stop = b === "" ? index.size - 1 : index.get_loc(label(b));
    return Array.from({ length: Math.max(stop - start + 1, 0) }, (_, i) => start + i);
  }
  if (isMask(key)) return maskPositions(key, index);
  const list = keyList(key);
  if (list !== null) {
    if (list.length > 0 && list.every((v) => typeof v === "boolean")) {
      if (list.length !== index.size) throw new IndexError(`Boolean index has wrong length: ${list.length} instead of ${index.size}`);
      return list.flatMap((v, i) => (v ? [i] : []));
    }
    const missing = list.filter((v) => !index.__contains__(v));
    if (missing.length === list.length && list.length > 0) throw new KeyError(`None of [${new Index(list).__repr__()}] are in the [${what}]`);
    if (missing.length > 0) throw new KeyError(`[${missing.map(labelRepr).join(", ")}] not in index`);
    return list.flatMap((v) => index.positions(v));
  }
  const at = index.positions(key as Scalar);
  if (at.length === 0) throw new KeyError(key);
  return at.length === 1 ? at[0] : at;
}

// ---------------------------------------------------------------------------------------------- Series

export interface SeriesOptions {
  index?: Index | Iterable<Scalar>;
  name?: Scalar;
  dtype?: DTypeArg;
}

function asIndex(x: Index | Iterable<Scalar> | undefined, n: number): Index {
  if (x === undefined || x === null) return Index._rangeOf(n);
  if (x instanceof Index) return x;
  const ix = new Index(x instanceof ndarray ? (x.tolist() as Scalar[]) : Array.isArray(x) ? x : [...x]);
  if (ix.size !== n) throw new ValueError(`Length of values (${n}) does not match length of index (${ix.size})`);
  return ix;
}

/** Values of an array-like argument as a column. */
function columnOf(data: unknown, dtype?: DTypeArg): Column {
  let values: Scalar[];
  let kind: Kind;
  if (data instanceof Series) [values, kind] = [[...data._values], data._kind];
  else if (data instanceof ndarray || data instanceof Tensor) {
    const a = data instanceof Tensor ? data.detach().numpy() : data;
    if (a.ndim !== 1) throw new ValueError(`Data must be 1-dimensional, got ndarray of shape (${a.shape.join(", ")}) instead`);
    [values, kind] = [a.tolist() as Scalar[], kindOfArray(a)];
  } else if (data instanceof Index) [values, kind] = [data.tolist(), data._kind];
  else if (Array.isArray(data) || (data !== null && typeof data === "object" && Symbol.iterator in (data as object))) {
    values = [...(data as Iterable<Scalar>)].map((v) => (v === undefined ? null : v));
    kind = inferKind(values);
    if (kind === "int64" && floatWritten(data)) kind = "float64";
    if (kind === "object" && values.length > 0 && values.every((v) => typeof v === "number" || v === null)) {
      [values, kind] = [values.map((v) => (v === null ? NaN : v)), "float64"];
    }
  } else throw new TypeError(`object of type '${typeof data}' has no len()`);
  if (dtype !== undefined && dtype !== null) {
    const to = kindOf(dtype);
    return { values: cast(values, kind, to), kind: to };
  }
  return { values, kind };
}

/** A Series' or frame's rows or values as the kind they hold after a missing value was written in (int and bool become float64 / object). */
function widenFor(c: Column, v: Scalar): Column {
  if (isMissing(v) && (c.kind === "int64" || c.kind === "uint8")) return { values: [...c.values], kind: "float64" };
  if (c.kind !== "object" && (typeof v === "string" || (c.kind === "bool") !== (typeof v === "boolean"))) return { values: [...c.values], kind: "object" };
  if ((c.kind === "int64" || c.kind === "uint8") && typeof v === "number" && !Number.isInteger(v)) return { values: [...c.values], kind: "float64" };
  return c;
}

/** The options of the arithmetic and comparison methods (`s1.add(s2, {fill_value: 0})`, `df.sub(s, {axis: 0})`). */
export interface FlexOptions {
  /** Put where one operand has a value and the other none, before the op (not where both lack one). */
  fill_value?: Scalar;
  /** A frame's axis a Series aligns with: its columns (1, the default) or its rows (0 / 'index'). */
  axis?: number | string;
}

const LOGICAL = new Set(["and", "or", "xor"]);

/**
 * `a op b` of two aligned columns: the fill_value put in first; a logical op reads the right's
 * missing values as False and gives False where the left's is missing, as pandas' fill_bool does.
 */
function alignedOp(op: string, a: Column, b: Column, reflected: boolean, fill?: Scalar): Column {
  if (fill !== undefined && fill !== null) [a, b] = C.fillOne(a, b, fill);
  if (!LOGICAL.has(op) || !(a.values.some(isMissing) || b.values.some(isMissing))) return C.binary(op, a, b, reflected);
  const asBool = (c: Column): Column => {
    const values = c.values.map((v) => (isMissing(v) ? false : v));
    return { values, kind: c.kind === "object" && values.every((v) => typeof v === "boolean") ? "bool" : c.kind };
  };
  const left = reflected ? b : a;
  const r = C.binary(op, asBool(a), asBool(b), reflected);
  return { values: r.values.map((v, i) => (isMissing(left.values[i]) ? false : v)), kind: r.kind };
}

/** A reduction's result as pandas returns it, NumPy's scalar (recorded as src/numpy's are, for the notebook dialect's print). */
function numpyScalar<T extends Scalar>(v: T, float: boolean): T {
  if (typeof v === "number") noteNumpyScalar(v, float);
  return v;
}

export class Series {
  /** @internal */
  _values: Scalar[];
  /** @internal */
  _kind: Kind;
  index: Index;
  name: Scalar;

  constructor(data?: unknown, options: SeriesOptions = {}) {
    if (isOptions(data) && !(data instanceof Series)) {
      const keys = Object.keys(data);
      const col = columnOf(keys.map((k) => (data as Record<string, Scalar>)[k]), options.dtype);
      if (col.kind === "int64" && options.dtype === undefined && keys.some((k) => isPyFloatAt(data, k))) col.kind = "float64";
      [this._values, this._kind] = [col.values, col.kind];
      this.index = options.index !== undefined ? asIndex(options.index, keys.length) : new Index(keys);
    } else {
      const scalar = data !== null && data !== undefined && typeof data !== "object";
      const n = options.index !== undefined && scalar ? [...(options.index as Iterable<Scalar>)].length : 0;
      const col = data === undefined || data === null ? { values: [], kind: "float64" as Kind } : columnOf(scalar ? Array(n).fill(data) : data, options.dtype);
      [this._values, this._kind] = [col.values, col.kind];
      this.index = data instanceof Series && options.index === undefined ? data.index : asIndex(options.index, col.values.length);
    }
    this.name = options.name ?? (data instanceof Series ? data.name : null);
  }

  /** @internal */
  static _of(values: Scalar[], kind: Kind, index: Index, name: Scalar = null): Series {
    const s = Object.create(Series.prototype) as Series;
    Object.assign(s, { _values: values, _kind: kind, index, name });
    return s;
  }

  private col(): Column {
    return { values: this._values, kind: this._kind };
  }

  get dtype(): PdDtype {
    return PdDtype.of(this._kind);
  }
  get dtypes(): PdDtype {
    return this.dtype;
  }
  get shape(): number[] {
    return asPyTuple([this._values.length]);
  }
  get size(): number {
    return this._values.length;
  }
  get ndim(): number {
    return 1;
  }
  get empty(): boolean {
    return this._values.length === 0;
  }
  /**
   * The values as a NumPy array; of strings, an array of dtype object (src/numpy/object_array.ts:
   * indexing, astype, tolist and print; typed as the numeric array it converts to).
   */
  get values(): ndarray {
    if (this._kind === "object") return objectArray([this._values], [this._kind], this._values.length, [this._values.length]);
    return toArray(this._values, this._kind) as ndarray;
  }
  to_numpy(options: { dtype?: DTypeArg } = {}): ndarray {
    return options.dtype === undefined ? this.values : this.astype(options.dtype).values;
  }
  tolist(): Scalar[] {
    return this._values.map((v) => (this._kind === "bool" ? Boolean(v) : v));
  }
  to_list(): Scalar[] {
    return this.tolist();
  }
  to_dict(): Record<string, Scalar> {
    return Object.fromEntries(this.index._values.map((k, i) => [String(k), this._values[i]]));
  }
  __len__(): number {
    return this._values.length;
  }
  get length(): number {
    return this._values.length;
  }
  [Symbol.iterator](): Iterator<Scalar> {
    return this._values[Symbol.iterator]();
  }
  /** Python's `x in s`: whether `x` is one of the index's labels, as pandas asks. */
  __contains__(label: Scalar): boolean {
    return this.index.__contains__(label);
  }
  items(): [Scalar, Scalar][] {
    return this.index._values.map((k, i) => asPyTuple([k, this._values[i]]) as [Scalar, Scalar]);
  }
  keys(): Index {
    return this.index;
  }
  copy(): Series {
    return Series._of([...this._values], this._kind, this.index, this.name);
  }

  /** @internal the rows at `positions`. */
  _take(positions: readonly number[]): Series {
    return Series._of(positions.map((p) => this._values[p]), this._kind, this.index._take(positions), this.name);
  }

  head(n = 5): Series {
    return this._take(Array.from({ length: Math.max(0, Math.min(n < 0 ? this.size + n : n, this.size)) }, (_, i) => i));
  }
  tail(n = 5): Series {
    const k = Math.max(0, Math.min(n, this.size));
    return this._take(Array.from({ length: k }, (_, i) => this.size - k + i));
  }

  // ------------------------------------------------------------------ indexing

  /** `s[label]`, `s[[labels]]`, `s[mask]`, `s[':3']` (positions). An int key on a non-int index is a position, as pandas 1.5 falls back. */
  __getitem__(key: unknown): Scalar | Series {
    if (typeof key === "string" && !this.index.__contains__(key)) {
      const at = slicePositions(key, this.size);
      if (at !== null) return this._take(at);
    }
    if (isMask(key)) return this._take(maskPositions(key, this.index));
    const list = keyList(key);
    if (list !== null && list.length > 0 && list.every((v) => typeof v === "boolean")) {
      if (list.length !== this.size) throw new IndexError(`Boolean index has wrong length: ${list.length} instead of ${this.size}`);
      return this._take(list.flatMap((v, i) => (v ? [i] : [])));
    }
    if (list !== null) {
      const at = labelPositions(list, this.index, "index");
      return this._take(at as number[]);
    }
    if (typeof key === "number" && this.index._kind !== "int64" && this.index._kind !== "float64") return this.iloc.__getitem__(key) as Scalar;
    const at = labelPositions(key, this.index, "index");
    return typeof at === "number" ? this._at(at) : this._take(at);
  }

  /** @internal the value at position `at`, NumPy's scalar as pandas returns it (`s[0]` of a float column prints `1.0`). */
  _at(at: number): Scalar {
    return numpyScalar(this._values[at], isFloat(this._kind));
  }

  /** `s[label] = v`, `s[mask] = v`. */
  __setitem__(key: unknown, value: unknown): void {
    const list = keyList(key);
    let at: number[];
    if (isMask(key)) at = maskPositions(key, this.index);
    else if (list !== null && list.length > 0 && list.every((v) => typeof v === "boolean")) at = list.flatMap((v, i) => (v ? [i] : []));
    else if (typeof key === "string" && !this.index.__contains__(key) && slicePositions(key, this.size) !== null) at = slicePositions(key, this.size)!;
    else {
      const p = labelPositions(key, this.index, "index");
      at = typeof p === "number" ? [p] : p;
    }
    this._write(at, value);
  }

  /** @internal writes `value` (a scalar, or one value per position) at `positions`, widening the dtype as pandas does. */
  _write(positions: number[], value: unknown): void {
    const values = keyList(value);
    const items = values ?? positions.map(() => value as Scalar);
    if (items.length !== positions.length) throw new ValueError(`cannot set using a list-like indexer with a different length than the value`);
    let col = this.col();
    for (const v of items) col = widenFor(col, v);
    if (col.kind !== this._kind) col = { values: cast(this._values, this._kind, col.kind), kind: col.kind };
    positions.forEach((p, i) => (col.values[p] = col.kind === "float64" && items[i] === null ? NaN : items[i]));
    [this._values, this._kind] = [col.values, col.kind];
  }

  /** `s.iloc[i]`, `s.iloc[':3']`, `s.iloc[[0, 2]]` (positions). */
  get iloc(): ILoc {
    return new ILoc(this);
  }
  /** `s.loc[label]`, `s.loc[[labels]]`, `s.loc[mask]`. */
  get loc(): Loc {
    return new Loc(this);
  }
  get(key: Scalar, defaultValue: Scalar = null): Scalar | Series {
    try {
      return this.__getitem__(key);
    } catch {
      return defaultValue;
    }
  }

  // ------------------------------------------------------------------ arithmetic

  /**
   * @internal `this op other`: other a scalar, an array of the same length, or a Series aligned on
   * the labels (the union of both indexes, NaN where one has no value). An operator's comparison of
   * differently labelled Series is pandas' ValueError; the methods (`s1.eq(s2)`, `flex`) align.
   */
  _binary(op: string, other: unknown, reflected = false, flex: FlexOptions | null = null): Series {
    if (other instanceof DataFrame) throw new NotImplementedError("Series arithmetic with a DataFrame: write the frame first (df - s)");
    if (other instanceof Series) {
      if (flex === null && C.COMPARISONS.has(op) && !this.index.equals(other.index)) throw new ValueError("Can only compare identically-labeled Series objects");
      const index = this.index.union(other.index);
      const [a, b] = index === this.index && this.index.equals(other.index) ? [this.col(), other.col()] : [C.reindex(this.col(), this.index.get_indexer(index)), C.reindex(other.col(), other.index.get_indexer(index))];
      const r = alignedOp(op, a, b, reflected, flex?.fill_value);
      return Series._of(r.values, r.kind, index, this.name === other.name ? this.name : null);
    }
    if (other instanceof ndarray || Array.isArray(other)) {
      const col = columnOf(other);
      if (col.values.length !== this.size) throw new ValueError("Lengths must match to compare");
      const r = C.binary(op, this.col(), col, reflected);
      return Series._of(r.values, r.kind, this.index, this.name);
    }
    const r = C.binary(op, this.col(), other as Scalar, reflected);
    return Series._of(r.values, r.kind, this.index, this.name);
  }
  add(other: unknown, options: FlexOptions = {}): Series { return this._binary("add", other, false, options); }
  sub(other: unknown, options: FlexOptions = {}): Series { return this._binary("sub", other, false, options); }
  mul(other: unknown, options: FlexOptions = {}): Series { return this._binary("mul", other, false, options); }
  div(other: unknown, options: FlexOptions = {}): Series { return this._binary("div", other, false, options); }
  truediv(other: unknown, options: FlexOptions = {}): Series { return this._binary("div", other, false, options); }
  floordiv(other: unknown, options: FlexOptions = {}): Series { return this._binary("floordiv", other, false, options); }
  mod(other: unknown, options: FlexOptions = {}): Series { return this._binary("mod", other, false, options); }
  pow(other: unknown, options: FlexOptions = {}): Series { return this._binary("pow", other, false, options); }
  radd(other: unknown, options: FlexOptions = {}): Series { return this._binary("add", other, true, options); }
  rsub(other: unknown, options: FlexOptions = {}): Series { return this._binary("sub", other, true, options); }
  rmul(other: unknown, options: FlexOptions = {}): Series { return this._binary("mul", other, true, options); }
  rdiv(other: unknown, options: FlexOptions = {}): Series { return this._binary("div", other, true, options); }
  rtruediv(other: unknown, options: FlexOptions = {}): Series { return this._binary("div", other, true, options); }
  rpow(other: unknown, options: FlexOptions = {}): Series { return this._binary("pow", other, true, options); }
  lt(other: unknown, options: FlexOptions = {}): Series { return this._binary("lt", other, false, options); }
  le(other: unknown, options: FlexOptions = {}): Series { return this._binary("le", other, false, options); }
  gt(other: unknown, options: FlexOptions = {}): Series { return this._binary("gt", other, false, options); }
  ge(other: unknown, options: FlexOptions = {}): Series { return this._binary("ge", other, false, options); }
  eq(other: unknown, options: FlexOptions = {}): Series { return this._binary("eq", other, false, options); }
  ne(other: unknown, options: FlexOptions = {}): Series { return this._binary("ne", other, false, options); }
  __and__(other: unknown): Series { return this._binary("and", other); }
  __or__(other: unknown): Series { return this._binary("or", other); }
  __xor__(other: unknown): Series { return this._binary("xor", other); }
  __neg__(): Series {
    if (this._kind === "object") throw new TypeError("bad operand type for unary -: 'str'");
    return Series._of(this._values.map((v) => (this._kind === "bool" ? !v : -Number(v))), this._kind, this.index, this.name);
  }
  __invert__(): Series {
    if (this._kind !== "bool" && this._kind !== "int64") throw new TypeError("bad operand type for unary ~: 'float'");
    return Series._of(this._values.map((v) => (this._kind === "bool" ? !v : ~Number(v))), this._kind, this.index, this.name);
  }
  abs(): Series {
    return Series._of(this._values.map((v) => Math.abs(Number(v))), this._kind, this.index, this.name);
  }
  round(decimals = 0): Series {
    const f = 10 ** decimals;
    return Series._of(this._values.map((v) => (isMissing(v) ? v : roundHalfEven(Number(v) * f) / f)), this._kind, this.index, this.name);
  }

  // ------------------------------------------------------------------ reductions

  // Each is NumPy's scalar: a float64 (a mean, or any reduction of a float column) prints `26.0`.
  sum(): Scalar { return numpyScalar(C.sum(this.col()), isFloat(this._kind)); }
  mean(): number { return numpyScalar(C.mean(this.col()), true); }
  std(options: { ddof?: number } = {}): number { return numpyScalar(Math.sqrt(C.variance(this.col(), options.ddof ?? 1)), true); }
  var(options: { ddof?: number } = {}): number { return numpyScalar(C.variance(this.col(), options.ddof ?? 1), true); }
  min(): Scalar { return numpyScalar(C.extreme(this.col(), false), isFloat(this._kind)); }
  max(): Scalar { return numpyScalar(C.extreme(this.col(), true), isFloat(this._kind)); }
  count(): number { return numpyScalar(C.count(this.col()), false); }
  median(): number { return numpyScalar(C.quantile(this.col(), 0.5), true); }
  quantile(q = 0.5): number { return numpyScalar(C.quantile(this.col(), q), true); }
  idxmax(): Scalar { return this.index._values[this.argExtreme(true)]; }
  idxmin(): Scalar { return this.index._values[this.argExtreme(false)]; }
  argmax(): number { return this.argExtreme(true); }
  argmin(): number { return this.argExtreme(false); }
  private argExtreme(max: boolean): number {
    const best = C.extreme(this.col(), max);
    return this._values.findIndex((v) => v === best);
  }

  /** Count, mean, std, min, quartiles and max of a numeric Series; count, unique, top and freq of any other. */
  describe(): Series {
    if (this._kind === "object") {
      const counts = valueCounts(this._values);
      const [top, freq] = counts[0] ?? [NaN, NaN];
      return Series._of([this.count(), counts.length, top, freq], "object", new Index(["count", "unique", "top", "freq"]), this.name);
    }
    const c = this.col();
    const stats = [C.count(c), C.mean(c), Math.sqrt(C.variance(c, 1)), Number(C.extreme(c, false)), C.quantile(c, 0.25), C.quantile(c, 0.5), C.quantile(c, 0.75), Number(C.extreme(c, true))];
    return Series._of(stats, "float64", new Index(["count", "mean", "std", "min", "25%", "50%", "75%", "max"]), this.name);
  }

  // ------------------------------------------------------------------ missing values and transforms

  isna(): Series { return Series._of(this._values.map(isMissing), "bool", this.index, this.name); }
  isnull(): Series { return this.isna(); }
  notna(): Series { return Series._of(this._values.map((v) => !isMissing(v)), "bool", this.index, this.name); }
  notnull(): Series { return this.notna(); }

  fillna(value: Scalar): Series {
    if (value === undefined || value === null) throw new ValueError("Must specify a fill 'value' or 'method'.");
    const s = this.copy();
    const at = this._values.flatMap((v, i) => (isMissing(v) ? [i] : []));
    if (at.length > 0) s._write(at, value);
    return s;
  }
  dropna(): Series {
    return this._take(this._values.flatMap((v, i) => (isMissing(v) ? [] : [i])));
  }

  /** `fn` on each value; a kind inferred from what it returns. */
  // The function is the cell's lambda, written untyped as Python's is (`s.apply((v) => v * 2)`).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  apply(fn: (v: any) => unknown): Series {
    const values = this._values.map((v) => fn(this._kind === "bool" ? Boolean(v) : v) as Scalar);
    return Series._of(values, inferKind(values) === "object" && values.every((v) => typeof v === "number" || v === null) ? "float64" : inferKind(values), this.index, this.name);
  }
  /** A dict (missing keys give NaN), a Series (by label) or a function applied to each value. */
  map(mapping: unknown): Series {
    if (typeof mapping === "function") return this.apply(mapping as (v: unknown) => unknown);
    const lookup = (v: Scalar): Scalar => {
      if (mapping instanceof Series) return mapping.index.__contains__(v) ? (mapping.__getitem__(v) as Scalar) : NaN;
      if (mapping instanceof Map) return mapping.has(v) ? (mapping.get(v) as Scalar) : NaN;
      const d = mapping as Record<string, Scalar>;
      return Object.prototype.hasOwnProperty.call(d, String(v)) ? d[String(v)] : NaN;
    };
    const values = this._values.map(lookup);
    const kind = inferKind(values);
    return Series._of(values, kind === "object" && values.every((v) => typeof v === "number") ? "float64" : kind, this.index, this.name);
  }
  astype(dtype: DTypeArg): Series {
    const kind = kindOf(dtype);
    const values = kind === "object" && typeof dtype === "function" ? this._values.map((v) => (isMissing(v) ? "nan" : pprint(v))) : cast(this._values, this._kind, kind);
    return Series._of(values, kind, this.index, this.name);
  }

  /** How often each value occurs, most frequent first (ties in order of first appearance), missing values dropped. */
  value_counts(options: { normalize?: boolean; ascending?: boolean; dropna?: boolean } = {}): Series {
    let counts = valueCounts(options.dropna === false ? this._values : this._values.filter((v) => !isMissing(v)));
    if (options.ascending) counts = [...counts].reverse().sort((a, b) => a[1] - b[1]).reverse().reverse();
    const total = counts.reduce((p, [, n]) => p + n, 0);
    const index = new Index(counts.map(([v]) => v), { dtype: this._kind === "bool" ? "object" : this._kind });
    if (options.normalize) return Series._of(counts.map(([, n]) => n / total), "float64", index, this.name);
    return Series._of(counts.map(([, n]) => n), "int64", index, this.name);
  }
  /** The distinct values in order of appearance: an ndarray, or a list of strings. */
  unique(): ndarray | Scalar[] {
    const seen: Scalar[] = [];
    for (const v of this._values) if (!seen.some((u) => u === v || (isMissing(u) && isMissing(v)))) seen.push(v);
    return toArray(seen, this._kind);
  }
  nunique(options: { dropna?: boolean } = {}): number {
    return new Set(this._values.filter((v) => options.dropna === false || !isMissing(v)).map((v) => (isMissing(v) ? "nan" : `${typeof v}:${v}`))).size;
  }
  sort_values(options: { ascending?: boolean } = {}): Series {
    return this._take(sortPositions([this.col()], [options.ascending ?? true]));
  }
  sort_index(options: { ascending?: boolean } = {}): Series {
    return this._take(sortPositions([{ values: this.index._values, kind: this.index._kind }], [options.ascending ?? true]));
  }
  reset_index(options: { drop?: boolean } = {}): Series | DataFrame {
    if (options.drop) return Series._of([...this._values], this._kind, Index._rangeOf(this.size), this.name);
    const name = this.index.name ?? "index";
    return DataFrame._of(new Index([name, this.name ?? 0]), [{ values: [...this.index._values], kind: this.index._kind }, this.col()], Index._rangeOf(this.size));
  }
  to_frame(name?: Scalar): DataFrame {
    return DataFrame._of(new Index([name ?? this.name ?? 0]), [{ values: [...this._values], kind: this._kind }], this.index);
  }
  cumsum(): Series {
    let s = 0;
    return Series._of(this._values.map((v) => (isMissing(v) ? NaN : (s += Number(v)))), this._kind === "bool" ? "int64" : this._kind, this.index, this.name);
  }

  // ------------------------------------------------------------------ text

  __repr__(): string {
    return seriesText(this);
  }
  __str__(): string {
    return seriesText(this);
  }
  toString(): string {
    return seriesText(this);
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return seriesText(this);
  }
  to_string(): string {
    return seriesText(this, false);
  }
  to_csv(path?: string | { write(s: string): unknown } | ToCsvOptions | null, options: ToCsvOptions = {}): string | null {
    return toCsv(this.to_frame(), path, options);
  }
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** [value, count] in order of first appearance, then most frequent first (a stable sort, as pandas' for small data). */
function valueCounts(values: readonly Scalar[]): [Scalar, number][] {
  const counts = new Map<string, [Scalar, number]>();
  for (const v of values) {
    const k = isMissing(v) ? "nan" : `${typeof v}:${v}`;
    const c = counts.get(k);
    if (c) c[1]++;
    else counts.set(k, [isMissing(v) ? NaN : v, 1]);
  }
  return [...counts.values()].sort((a, b) => b[1] - a[1]);
}

/** Positions that sort the rows by these columns (stable, missing values last). */
function sortPositions(cols: Column[], ascending: boolean[]): number[] {
  const n = cols[0]?.values.length ?? 0;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => {
    for (let k = 0; k < cols.length; k++) {
      const [a, b] = [cols[k].values[i], cols[k].values[j]];
      if (isMissing(a) || isMissing(b)) {
        if (isMissing(a) && isMissing(b)) continue;
        return isMissing(a) ? 1 : -1;
      }
      const c = a! < b! ? -1 : a! > b! ? 1 : 0;
      if (c !== 0) return ascending[k] ? c : -c;
    }
    return 0;
  });
  return order;
}


function seriesText(s: Series, footer = true): string {
  const [rows, cut] = truncatedRows(s.size);
  const shown = s._take(rows);
  const parts: string[] = [];
  if (s.name !== null && footer) parts.push(`Name: ${pprint(s.name)}`);
  if (cut !== null && footer) parts.push(`Length: ${s.size}`);
  if (footer) parts.push(`dtype: ${s._kind}`);
  const foot = parts.join(", ");
  if (s.size === 0) return `Series([], ${foot})`;
  const index = fixedWidth(shown.index._format(), "left");
  const values = fixedWidth(formatValues(shown._values, s._kind), "right");
  const head = s.index.name !== null ? pprint(s.index.name) : "";
  if (cut !== null) {
    const width = values[cut - 1].length;
    values.splice(cut, 0, center(width > 3 ? "..." : "..", width));
    index.splice(cut, 0, "");
  }
  let text = adjoin(3, index, values);
  if (s.index.name !== null) text = `${head}\n${text}`;
  return footer ? `${text}\n${foot}` : text;
}

// ---------------------------------------------------------------------------------------------- DataFrame

export interface FrameOptions {
  columns?: Iterable<Scalar> | Index;
  index?: Iterable<Scalar> | Index;
  dtype?: DTypeArg;
}

/**
 * A frame's columns as its attributes, as pandas has them (`df.Age`, `df.Age = df.Age.fillna(0)`): a
 * name the class does not define that is one of the column labels reads (and writes) that column.
 * The class's index signature types such a read `any`, so a cell type-checks, and the dialect's
 * operators on it dispatch at run time; a name that is neither gives undefined (no column, no method).
 */
const COLUMN_ATTRIBUTES: ProxyHandler<DataFrame> = {
  get(target, prop, receiver) {
    if (typeof prop === "string" && !(prop in target) && target._columns.__contains__(prop)) return target.__getitem__(prop);
    return Reflect.get(target, prop, receiver);
  },
  set(target, prop, value, receiver) {
    if (typeof prop === "string" && !(prop in target) && target._columns.__contains__(prop)) {
      target.__setitem__(prop, value);
      return true;
    }
    return Reflect.set(target, prop, value, receiver);
  },
};

export class DataFrame {
  /** A column read as an attribute (`df.Age`, typed `any`): see COLUMN_ATTRIBUTES. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [column: string]: any;
  /** @internal the column labels. */
  _columns: Index;
  /** @internal one column per label. */
  _data: Column[];
  /** @internal the row labels. */
  _index: Index;

  constructor(data?: unknown, options: FrameOptions = {}) {
    let labels: Scalar[] = [];
    let cols: Column[] = [];
    let index: Index | undefined;
    if (data instanceof DataFrame) {
      [labels, cols, index] = [data._columns.tolist(), data._data.map((c) => ({ values: [...c.values], kind: c.kind })), data._index];
    } else if (data instanceof Series) {
      [labels, cols, index] = [[data.name ?? 0], [{ values: [...data._values], kind: data._kind }], data.index];
    } else if (data instanceof Map || isOptions(data)) {
      const entries: [Scalar, unknown][] = data instanceof Map ? [...data.entries()] : Object.entries(data);
      const n = entries.map(([, v]) => v).find((v) => typeof v === "object" && v !== null);
      const length = n === undefined ? (options.index ? [...options.index].length : 0) : n instanceof Series ? n.size : n instanceof ndarray ? n.shape[0] : [...(n as Iterable<unknown>)].length;
      labels = entries.map(([k]) => k);
      cols = entries.map(([, v]) => (typeof v === "object" && v !== null ? columnOf(v) : columnOf(Array(length).fill(v))));
      const series = entries.map(([, v]) => v).find((v): v is Series => v instanceof Series);
      if (series && options.index === undefined) index = series.index;
      cols.forEach((c, i) => {
        if (c.values.length !== length) throw new ValueError("All arrays must be of the same length");
        void i;
      });
    } else if (data instanceof ndarray || data instanceof Tensor) {
      const a = data instanceof Tensor ? data.detach().numpy() : data;
      if (a.ndim !== 2) throw new ValueError(`Must pass 2-d input. shape=(${a.shape.join(", ")})`);
      const rows = a.tolist() as Scalar[][];
      const kind = kindOfArray(a);
      cols = Array.from({ length: a.shape[1] }, (_, j) => ({ values: rows.map((r) => r[j]), kind }));
      labels = Array.from({ length: a.shape[1] }, (_, j) => j);
    } else if (Array.isArray(data)) {
      if (data.length > 0 && isOptions(data[0])) {
        labels = [...new Set(data.flatMap((r) => Object.keys(r as object)))];
        cols = labels.map((k) => columnOf((data as Record<string, Scalar>[]).map((r) => (String(k) in r ? r[String(k)] : NaN))));
      } else {
        const rows = data.map((r) => (Array.isArray(r) ? r : r instanceof ndarray || r instanceof Tensor ? (r.tolist() as Scalar[]) : [r])) as Scalar[][];
        const width = Math.max(0, ...rows.map((r) => r.length));
        labels = Array.from({ length: width }, (_, j) => j);
        cols = labels.map((_, j) => {
          const c = columnOf(rows.map((r) => (j < r.length ? r[j] : NaN)));
          return c.kind === "int64" && rows.some((r) => floatWritten(r, j)) ? { values: c.values, kind: "float64" as Kind } : c;
        });
      }
    } else if (data !== undefined && data !== null) {
      throw new ValueError("DataFrame constructor not properly called!");
    }
    if (options.columns !== undefined) {
      const wanted = [...options.columns];
      if (data instanceof Map || isOptions(data)) {
        cols = wanted.map((k) => {
          const at = labels.findIndex((l) => l === k);
          return at >= 0 ? cols[at] : { values: Array(cols[0]?.values.length ?? 0).fill(NaN), kind: "object" as Kind };
        });
      } else if (wanted.length !== labels.length) {
        throw new ValueError(`${labels.length} columns passed, passed data had ${wanted.length} columns`.replace(/^(\d+) columns passed, passed data had (\d+)/, `${wanted.length} columns passed, passed data had ${labels.length}`));
      }
      labels = wanted;
    }
    if (options.dtype !== undefined) {
      const kind = kindOf(options.dtype);
      cols = cols.map((c) => ({ values: cast(c.values, c.kind, kind), kind }));
    }
    const n = cols[0]?.values.length ?? (options.index ? [...options.index].length : 0);
    this._columns = new Index(labels);
    this._data = cols;
    this._index = options.index !== undefined ? asIndex(options.index, n) : index ?? Index._rangeOf(n);
    return new Proxy(this, COLUMN_ATTRIBUTES);
  }

  /** @internal */
  static _of(columns: Index, data: Column[], index: Index): DataFrame {
    const f = Object.create(DataFrame.prototype) as DataFrame;
    Object.assign(f, { _columns: columns, _data: data, _index: index });
    return new Proxy(f, COLUMN_ATTRIBUTES);
  }

  get columns(): Index {
    return this._columns;
  }
  set columns(labels: Index | Iterable<Scalar>) {
    const next = labels instanceof Index ? labels : new Index([...labels]);
    if (next.size !== this._data.length) throw new ValueError(`Length mismatch: Expected axis has ${this._data.length} elements, new values have ${next.size} elements`);
    this._columns = next;
  }
  get index(): Index {
    return this._index;
  }
  set index(labels: Index | Iterable<Scalar>) {
    const next = labels instanceof Index ? labels : new Index([...labels]);
    if (next.size !== this.nrows) throw new ValueError(`Length mismatch: Expected axis has ${this.nrows} elements, new values have ${next.size} elements`);
    this._index = next;
  }
  private get nrows(): number {
    return this._index.size;
  }
  get shape(): [number, number] {
    return asPyTuple([this.nrows, this._data.length]) as [number, number];
  }
  get size(): number {
    return this.nrows * this._data.length;
  }
  get ndim(): number {
    return 2;
  }
  get empty(): boolean {
    return this.size === 0;
  }
  get dtypes(): Series {
    return Series._of(this._data.map((c) => PdDtype.of(c.kind) as unknown as Scalar), "object", this._columns);
  }
  /**
   * The values as one NumPy array of the columns' common dtype (float64 for ints beside floats, as
   * `torch.tensor(df.values)` wants them); with a string column, an array of dtype object, as pandas
   * gives (src/numpy/object_array.ts: Brownlee's `df.values[:, :-1].astype('float32')` and
   * `df.values[:, -1]`; typed as the numeric array it converts to).
   */
  get values(): ndarray {
    const kind = commonKind(this._data.map((c) => c.kind));
    if (kind === "object") return objectArray(this._data.map((c) => c.values), this._data.map((c) => c.kind), this.nrows, [this.nrows, this._data.length]);
    const rows = Array.from({ length: this.nrows }, (_, i) => this._data.map((c) => c.values[i]));
    const flat = rows.flat();
    return toArray(cast(flat, kind === "float64" || kind === "float32" ? "float64" : "int64", kind), kind, [this.nrows, this._data.length]) as ndarray;
  }
  to_numpy(options: { dtype?: DTypeArg } = {}): ndarray {
    if (options.dtype === undefined) return this.values;
    return this.astype(options.dtype).values;
  }
  __len__(): number {
    return this.nrows;
  }
  get length(): number {
    return this.nrows;
  }
  /** Iterating a frame gives its column labels, as in pandas. */
  [Symbol.iterator](): Iterator<Scalar> {
    return this._columns._values[Symbol.iterator]();
  }
  __contains__(label: Scalar): boolean {
    return this._columns.__contains__(label);
  }
  keys(): Index {
    return this._columns;
  }
  /** (label, column) pairs. */
  items(): [Scalar, Series][] {
    return this._columns._values.map((k, j) => asPyTuple([k, this.column(j)]) as [Scalar, Series]);
  }
  /** (index label, row as a Series) pairs. */
  iterrows(): [Scalar, Series][] {
    return this._index._values.map((k, i) => asPyTuple([k, this.row(i)]) as [Scalar, Series]);
  }
  copy(): DataFrame {
    return DataFrame._of(this._columns, this._data.map((c) => ({ values: [...c.values], kind: c.kind })), this._index);
  }

  /** @internal column j as a Series. */
  column(j: number): Series {
    const c = this._data[j];
    return Series._of(c.values, c.kind, this._index, this._columns._values[j]);
  }
  /** @internal row i as a Series indexed by the columns, of the columns' common dtype. */
  row(i: number): Series {
    const kind = commonKind(this._data.map((c) => c.kind));
    const values = this._data.map((c) => (kind === "object" && isFloatKind(c.kind) ? boxFloat(c.values[i]) : c.values[i]));
    return Series._of(values, kind, this._columns, this._index._values[i]);
  }
  /** @internal the rows at `positions`, the columns at `cols`. */
  _take(positions: readonly number[] | null, cols: readonly number[] | null = null): DataFrame {
    const js = cols ?? this._data.map((_, j) => j);
    const data = js.map((j) => {
      const c = this._data[j];
      return { values: positions === null ? [...c.values] : positions.map((p) => c.values[p]), kind: c.kind };
    });
    return DataFrame._of(cols === null ? this._columns : this._columns._take(js), data, positions === null ? this._index : this._index._take(positions));
  }

  head(n = 5): DataFrame {
    return this._take(Array.from({ length: Math.max(0, Math.min(n < 0 ? this.nrows + n : n, this.nrows)) }, (_, i) => i));
  }
  tail(n = 5): DataFrame {
    const k = Math.max(0, Math.min(n, this.nrows));
    return this._take(Array.from({ length: k }, (_, i) => this.nrows - k + i));
  }

  // ------------------------------------------------------------------ indexing

  /** `df['c']` a column, `df[['a', 'b']]` columns, `df[mask]` rows, `df[':n']` rows by position. */
  __getitem__(key: unknown): Series | DataFrame {
    if (typeof key === "string" && !this._columns.__contains__(key)) {
      const at = slicePositions(key, this.nrows);
      if (at !== null) return this._take(at);
    }
    if (isMask(key)) return this._take(maskPositions(key, this._index));
    if (key instanceof ndarray && key.dtype.name === "bool") {
      return this._take(positionsOf(key, this.nrows, "rows") as number[]);
    }
    const list = keyList(key);
    if (list !== null) {
      if (list.length > 0 && list.every((v) => typeof v === "boolean")) return this._take(positionsOf(list, this.nrows, "rows") as number[]);
      return this._take(null, labelPositions(list, this._columns, "columns") as number[]);
    }
    const at = this._columns.positions(key as Scalar);
    if (at.length === 0) throw new KeyError(key);
    return at.length === 1 ? this.column(at[0]) : this._take(null, at);
  }

  /** `df['c'] = values` (a new column or a replaced one), `df[['a', 'b']] = frame`, `df[mask] = v`. */
  __setitem__(key: unknown, value: unknown): void {
    const list = keyList(key);
    if (list !== null && !(list.length > 0 && list.every((v) => typeof v === "boolean"))) {
      if (value instanceof DataFrame) {
        if (value._data.length !== list.length) throw new ValueError("Columns must be same length as key");
        list.forEach((k, j) => this.setColumn(k, value.column(j)));
      } else list.forEach((k) => this.setColumn(k, value));
      return;
    }
    if (list !== null) {
      const rows = isMask(key) ? maskPositions(key, this._index) : (positionsOf(list, this.nrows, "rows") as number[]);
      this._data.forEach((_, j) => {
        const s = this.column(j).copy();
        s._write(rows, value);
        this._data[j] = { values: s._values, kind: s._kind };
      });
      return;
    }
    this.setColumn(key as Scalar, value);
  }

  private setColumn(label: Scalar, value: unknown): void {
    let col: Column;
    if (value instanceof Series) {
      if (!value.index.equals(this._index) && this._data.length > 0) {
        // pandas aligns on the labels: each row takes the value of its label, NaN where the Series has none.
        if (value.index.has_duplicates) throw new ValueError("cannot reindex on an axis with duplicate labels");
        col = C.reindex({ values: value._values, kind: value._kind }, value.index.get_indexer(this._index));
      } else col = { values: [...value._values], kind: value._kind };
    } else if (value !== null && typeof value === "object") {
      col = columnOf(value);
      if (col.values.length !== this.nrows && this._data.length > 0) throw new ValueError(`Length of values (${col.values.length}) does not match length of index (${this.nrows})`);
    } else col = columnOf(Array(this.nrows).fill(value));
    if (this._data.length === 0 && this.nrows === 0) this._index = value instanceof Series ? value.index : Index._rangeOf(col.values.length);
    const at = this._columns.positions(label);
    if (at.length > 0) this._data[at[0]] = col;
    else {
      this._columns = new Index([...this._columns._values, label], { name: this._columns.name });
      this._data.push(col);
    }
  }

  /** A copy with these columns added or replaced (`df.assign({c: df['a'] * 2})`; a function of the frame is called with it), a Series aligned on its labels. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  assign(columns: Record<string, unknown | ((df: DataFrame) => any)>): DataFrame {
    const f = this.copy();
    for (const [k, v] of Object.entries(columns)) f.setColumn(k, typeof v === "function" ? (v as (df: DataFrame) => unknown)(f) : v);
    return f;
  }

  get iloc(): ILoc {
    return new ILoc(this);
  }
  get loc(): Loc {
    return new Loc(this);
  }

  /** A copy without the named columns (`columns=` or `axis=1`) or rows. */
  drop(labels?: Scalar | Scalar[] | Options, options: { columns?: Scalar | Scalar[]; index?: Scalar | Scalar[]; axis?: number | string } = {}): DataFrame {
    if (isOptions(labels)) [options, labels] = [labels as typeof options, undefined];
    const asList = (x: unknown): Scalar[] => (Array.isArray(x) ? x : x instanceof Index ? x.tolist() : [x as Scalar]);
    const axis = options.axis === 1 || options.axis === "columns" ? 1 : 0;
    const cols = options.columns !== undefined ? asList(options.columns) : axis === 1 && labels !== undefined ? asList(labels) : [];
    const rows = options.index !== undefined ? asList(options.index) : axis === 0 && labels !== undefined ? asList(labels) : [];
    const missingCols = cols.filter((c) => !this._columns.__contains__(c));
    if (missingCols.length > 0) throw new KeyError(`[${missingCols.map(labelRepr).join(", ")}] not found in axis`);
    const missingRows = rows.filter((r) => !this._index.__contains__(r));
    if (missingRows.length > 0) throw new KeyError(`[${missingRows.map(labelRepr).join(", ")}] not found in axis`);
    const keepCols = this._data.map((_, j) => j).filter((j) => !cols.some((c) => this._columns.positions(c).includes(j)));
    const keepRows = this._index._values.map((_, i) => i).filter((i) => !rows.some((r) => this._index.positions(r).includes(i)));
    return this._take(keepRows, keepCols);
  }
  rename(options: { columns?: Record<string, Scalar>; index?: Record<string, Scalar> } = {}): DataFrame {
    const f = this.copy();
    if (options.columns) f._columns = new Index(this._columns._values.map((c) => (String(c) in options.columns! ? options.columns![String(c)] : c)));
    if (options.index) f._index = new Index(this._index._values.map((c) => (String(c) in options.index! ? options.index![String(c)] : c)));
    return f;
  }
  reset_index(options: { drop?: boolean } = {}): DataFrame {
    const f = this.copy();
    f._index = Index._rangeOf(this.nrows);
    if (options.drop) return f;
    return DataFrame._of(new Index([this._index.name ?? "index", ...this._columns._values]), [{ values: [...this._index._values], kind: this._index._kind }, ...f._data], f._index);
  }
  set_index(key: Scalar): DataFrame {
    const j = this._columns.get_loc(key);
    const f = this.drop({ columns: key });
    f._index = new Index(this._data[j].values, { name: key, dtype: this._data[j].kind === "object" ? "object" : undefined });
    return f;
  }

  // ------------------------------------------------------------------ arithmetic

  /** @internal this frame's columns at the labels `columns` and rows `index` (all missing where it has none). */
  _reindexed(index: Index, columns: Index): Column[] {
    const rows = index === this._index ? null : this._index.get_indexer(index);
    return this._columns.get_indexer(columns).map((j) => (j < 0 ? C.missingColumn(index.size) : rows === null ? this._data[j] : C.reindex(this._data[j], rows)));
  }

  /**
   * @internal `this op other`, aligned on labels as pandas aligns: a frame on both its index and its
   * columns (the unions, NaN where either has no value), a Series on the columns (`df - df.mean()`)
   * or, with `{axis: 0}`, on the rows. An operator's comparison of differently labelled frames is
   * pandas' ValueError; the methods (`flex`) align.
   */
  _binary(op: string, other: unknown, reflected = false, flex: FlexOptions | null = null): DataFrame {
    const fill = flex?.fill_value;
    if (other instanceof DataFrame) {
      if (flex === null && C.COMPARISONS.has(op) && !(other._columns.equals(this._columns) && other._index.equals(this._index))) {
        throw new ValueError("Can only compare identically-labeled DataFrame objects");
      }
      const [index, columns] = [this._index.union(other._index), this._columns.union(other._columns)];
      const right = other._reindexed(index, columns);
      return DataFrame._of(columns, this._reindexed(index, columns).map((c, j) => alignedOp(op, c, right[j], reflected, fill)), index);
    }
    if (other instanceof Series) {
      const axis = flex?.axis ?? 1;
      if (axis === 0 || axis === "index" || axis === "rows") {
        const index = this._index.union(other.index);
        const s = C.reindex({ values: other._values, kind: other._kind }, other.index.get_indexer(index));
        return DataFrame._of(this._columns, this._reindexed(index, this._columns).map((c) => alignedOp(op, c, s, reflected, fill)), index);
      }
      const columns = this._columns.union(other.index);
      const s = C.reindex({ values: other._values, kind: other._kind }, other.index.get_indexer(columns));
      // The Series' dtype goes with its value: an int column minus a float mean is float.
      const data = this._reindexed(this._index, columns).map((c, j) => alignedOp(op, c, { values: Array(this.nrows).fill(s.values[j]), kind: s.kind }, reflected, fill));
      return DataFrame._of(columns, data, this._index);
    }
    if (other !== null && typeof other === "object") throw new NotImplementedError("DataFrame arithmetic with an array: use a scalar, a Series or a DataFrame");
    return DataFrame._of(this._columns, this._data.map((c) => C.binary(op, c, other as Scalar, reflected)), this._index);
  }
  add(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("add", other, false, options); }
  sub(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("sub", other, false, options); }
  mul(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("mul", other, false, options); }
  div(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("div", other, false, options); }
  truediv(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("div", other, false, options); }
  pow(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("pow", other, false, options); }
  mod(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("mod", other, false, options); }
  floordiv(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("floordiv", other, false, options); }
  radd(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("add", other, true, options); }
  rsub(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("sub", other, true, options); }
  rmul(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("mul", other, true, options); }
  rdiv(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("div", other, true, options); }
  rpow(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("pow", other, true, options); }
  lt(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("lt", other, false, options); }
  le(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("le", other, false, options); }
  gt(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("gt", other, false, options); }
  ge(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("ge", other, false, options); }
  eq(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("eq", other, false, options); }
  ne(other: unknown, options: FlexOptions = {}): DataFrame { return this._binary("ne", other, false, options); }
  __and__(other: unknown): DataFrame { return this._binary("and", other); }
  __or__(other: unknown): DataFrame { return this._binary("or", other); }
  __neg__(): DataFrame {
    return DataFrame._of(this._columns, this._data.map((_, j) => { const s = this.column(j).__neg__(); return { values: s._values, kind: s._kind }; }), this._index);
  }
  __invert__(): DataFrame {
    return DataFrame._of(this._columns, this._data.map((_, j) => { const s = this.column(j).__invert__(); return { values: s._values, kind: s._kind }; }), this._index);
  }
  abs(): DataFrame {
    return this.apply((s: Series) => s.abs()) as DataFrame;
  }
  round(decimals = 0): DataFrame {
    return this.apply((s: Series) => (isNumeric(s._kind) ? s.round(decimals) : s)) as DataFrame;
  }

  // ------------------------------------------------------------------ reductions

  /**
   * A reduction of each column (axis 0, a Series by column) or of each row (axis 1). Columns the
   * reduction cannot take (strings for a mean) are left out, as pandas 1.5 drops them (with a FutureWarning).
   */
  private reduce(fn: (c: Column) => Scalar, options: { axis?: number | string; numeric_only?: boolean } = {}, numericOnly = false, resultKind?: Kind): Series {
    const axis = options.axis === 1 || options.axis === "columns" ? 1 : 0;
    const only = options.numeric_only ?? numericOnly;
    const js = this._data.map((_, j) => j).filter((j) => !only || isNumeric(this._data[j].kind));
    if (axis === 1) {
      const kinds = js.map((j) => this._data[j].kind);
      const kind = commonKind(kinds);
      const values = Array.from({ length: this.nrows }, (_, i) => fn({ values: js.map((j) => this._data[j].values[i]), kind: kind === "object" ? "float64" : kind }));
      return Series._of(values, resultKind ?? inferKind(values.map((v) => (isMissing(v) ? 0.5 : v))), this._index);
    }
    const kept: number[] = [];
    const values: Scalar[] = [];
    for (const j of js) {
      try {
        values.push(fn(this._data[j]));
        kept.push(j);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
      }
    }
    const kind = resultKind ?? (values.some((v) => typeof v === "string") ? "object" : commonKind(kept.map((j) => {
      const v = values[kept.indexOf(j)];
      return typeof v === "boolean" ? "bool" : typeof v === "number" && (!Number.isInteger(v) || isFloatKind(this._data[j].kind)) ? "float64" : "int64";
    })));
    const boxed = kind === "object" ? values.map((v, k) => (isFloatKind(this._data[kept[k]].kind) ? boxFloat(v) : v)) : values;
    return Series._of(boxed, kind, this._columns._take(kept));
  }
  sum(options: { axis?: number | string; numeric_only?: boolean } = {}): Series { return this.reduce(C.sum, options); }
  mean(options: { axis?: number | string; numeric_only?: boolean } = {}): Series { return this.reduce(C.mean, options, true, "float64"); }
  median(options: { axis?: number | string; numeric_only?: boolean } = {}): Series { return this.reduce((c) => C.quantile(c, 0.5), options, true, "float64"); }
  std(options: { axis?: number | string; numeric_only?: boolean; ddof?: number } = {}): Series {
    return this.reduce((c) => Math.sqrt(C.variance(c, options.ddof ?? 1)), options, true, "float64");
  }
  var(options: { axis?: number | string; numeric_only?: boolean; ddof?: number } = {}): Series {
    return this.reduce((c) => C.variance(c, options.ddof ?? 1), options, true, "float64");
  }
  min(options: { axis?: number | string; numeric_only?: boolean } = {}): Series { return this.reduce((c) => C.extreme(c, false), options); }
  max(options: { axis?: number | string; numeric_only?: boolean } = {}): Series { return this.reduce((c) => C.extreme(c, true), options); }
  count(options: { axis?: number | string } = {}): Series { return this.reduce(C.count, options, false, "int64"); }
  /**
   * Pearson's correlation of each pair of numeric columns over the rows where both have a value
   * (pandas' nancorr, its running means and sums of squares), NaN where a column is constant.
   */
  corr(): DataFrame {
    const js = this._data.map((_, j) => j).filter((j) => isNumeric(this._data[j].kind));
    const cols = js.map((j) => this._data[j].values.map((v) => (isMissing(v) ? NaN : Number(v))));
    const pair = (x: number[], y: number[]): number => {
      let [n, mx, my, sx, sy, sxy] = [0, 0, 0, 0, 0, 0];
      x.forEach((vx, i) => {
        const vy = y[i];
        if (Number.isNaN(vx) || Number.isNaN(vy)) return;
        n += 1;
        const [dx, dy] = [vx - mx, vy - my];
        mx += dx / n;
        my += dy / n;
        sx += (vx - mx) * dx;
        sy += (vy - my) * dy;
        sxy += (vx - mx) * dy;
      });
      const divisor = Math.sqrt(sx * sy);
      return n < 1 || divisor === 0 ? NaN : sxy / divisor;
    };
    const labels = this._columns._take(js);
    return DataFrame._of(labels, cols.map((x) => ({ values: cols.map((y) => pair(x, y)), kind: "float64" as Kind })), labels);
  }
  nunique(): Series {
    return Series._of(this._data.map((_, j) => this.column(j).nunique()), "int64", this._columns);
  }

  /** count, mean, std, min, quartiles and max of each numeric column (of every column's count, unique, top and freq when none is numeric). */
  describe(): DataFrame {
    const numeric = this._data.map((_, j) => j).filter((j) => isNumeric(this._data[j].kind) && this._data[j].kind !== "bool");
    const js = numeric.length > 0 ? numeric : this._data.map((_, j) => j);
    const stats = js.map((j) => this.column(j).describe());
    return DataFrame._of(this._columns._take(js), stats.map((s) => ({ values: s._values, kind: s._kind })), stats[0]?.index ?? new Index([]));
  }

  // ------------------------------------------------------------------ missing values and transforms

  private mapColumns(fn: (s: Series, j: number) => Series): DataFrame {
    return DataFrame._of(this._columns, this._data.map((_, j) => { const s = fn(this.column(j), j); return { values: s._values, kind: s._kind }; }), this._index);
  }
  isna(): DataFrame { return this.mapColumns((s) => s.isna()); }
  isnull(): DataFrame { return this.isna(); }
  notna(): DataFrame { return this.mapColumns((s) => s.notna()); }
  notnull(): DataFrame { return this.notna(); }

  /** Missing values filled with a scalar, or per column with a dict or Series (`df.fillna(df.mean())`). */
  fillna(value: Scalar | Series | Record<string, Scalar>): DataFrame {
    if (value === undefined || value === null) throw new ValueError("Must specify a fill 'value' or 'method'.");
    if (value instanceof Series || isOptions(value)) {
      const lookup = (label: Scalar): Scalar | undefined => {
        if (value instanceof Series) return value.index.__contains__(label) ? (value.__getitem__(label) as Scalar) : undefined;
        return Object.prototype.hasOwnProperty.call(value, String(label)) ? (value as Record<string, Scalar>)[String(label)] : undefined;
      };
      return this.mapColumns((s) => {
        const v = lookup(s.name);
        return v === undefined ? s.copy() : s.fillna(v);
      });
    }
    return this.mapColumns((s) => s.fillna(value as Scalar));
  }
  /** Rows (axis 0) or columns (axis 1) with a missing value dropped (how 'any'), or only those all missing (how 'all'). */
  dropna(options: { axis?: number | string; how?: "any" | "all"; subset?: Scalar[] } = {}): DataFrame {
    const all = options.how === "all";
    if (options.axis === 1 || options.axis === "columns") {
      return this._take(null, this._data.map((_, j) => j).filter((j) => {
        const m = this._data[j].values.map(isMissing);
        return !(all ? m.every(Boolean) && m.length > 0 : m.some(Boolean));
      }));
    }
    const js = options.subset ? options.subset.map((k) => this._columns.get_loc(k)) : this._data.map((_, j) => j);
    const rows = this._index._values.map((_, i) => i).filter((i) => {
      const m = js.map((j) => isMissing(this._data[j].values[i]));
      return !(all ? m.every(Boolean) && m.length > 0 : m.some(Boolean));
    });
    return this._take(rows);
  }
  /** `fn` of each column (axis 0) or each row (axis 1): a frame where it returns a Series, else a Series. */
  apply(fn: (s: Series) => unknown, options: { axis?: number | string } = {}): DataFrame | Series {
    const rows = options.axis === 1 || options.axis === "columns";
    const parts = rows ? this._index._values.map((_, i) => this.row(i)) : this._data.map((_, j) => this.column(j));
    const results = parts.map((s) => fn(s));
    if (results.every((r) => r instanceof Series)) {
      const out = results as Series[];
      if (rows) return new DataFrame(out.map((s) => Object.fromEntries(s.index._values.map((k, i) => [String(k), s._values[i]]))), { index: this._index });
      return DataFrame._of(this._columns, out.map((s) => ({ values: s._values, kind: s._kind })), out[0]?.index ?? this._index);
    }
    const values = results as Scalar[];
    return Series._of(values, inferKind(values), rows ? this._index : this._columns);
  }
  /** `fn` of every value (DataFrame.applymap). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  applymap(fn: (v: any) => unknown): DataFrame {
    return this.mapColumns((s) => s.apply(fn));
  }
  astype(dtype: DTypeArg | Record<string, DTypeArg>): DataFrame {
    if (isOptions(dtype)) return this.mapColumns((s) => (String(s.name) in dtype ? s.astype((dtype as Record<string, DTypeArg>)[String(s.name)]) : s.copy()));
    return this.mapColumns((s) => s.astype(dtype as DTypeArg));
  }
  sort_values(by: Scalar | Scalar[], options: { ascending?: boolean | boolean[] } = {}): DataFrame {
    const keys = Array.isArray(by) ? by : [by];
    const cols = keys.map((k) => this._data[this._columns.get_loc(k)]);
    const asc = Array.isArray(options.ascending) ? options.ascending : keys.map(() => (options.ascending as boolean | undefined) ?? true);
    return this._take(sortPositions(cols, asc));
  }
  sort_index(options: { ascending?: boolean } = {}): DataFrame {
    return this._take(sortPositions([{ values: this._index._values, kind: this._index._kind }], [options.ascending ?? true]));
  }
  value_counts(): Series {
    const keys = this._index._values.map((_, i) => JSON.stringify(this._data.map((c) => c.values[i])));
    return new Series(keys).value_counts();
  }
  /** Groups of rows by the values of a column: `df.groupby('c').mean()`, `.sum()`, `.size()`, `.count()`. */
  groupby(by: Scalar): GroupBy {
    return new GroupBy(this, by);
  }
  /** pandas' DataFrame.T. */
  get T(): DataFrame {
    return DataFrame._of(this._index, this._index._values.map((_, i) => { const r = this.row(i); return { values: r._values, kind: r._kind }; }), this._columns);
  }
  transpose(): DataFrame {
    return this.T;
  }

  // ------------------------------------------------------------------ text

  __repr__(): string {
    return frameText(this);
  }
  __str__(): string {
    return frameText(this);
  }
  toString(): string {
    return frameText(this);
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return frameText(this);
  }
  to_string(): string {
    return frameText(this);
  }
  /** Prints pandas' summary of the frame: its index, each column's non-null count and dtype, the memory used. */
  info(): void {
    process.stdout.write(infoText(this));
  }
  /** The HTML table Jupyter shows for the frame (pandas' notebook repr, truncated as its text is). */
  _repr_html_(): string {
    return frameHtml(this);
  }
  /** A frame as a cell's value (or display(df)): pandas' HTML table, with its text for front ends without HTML. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/html": frameHtml(this), "text/plain": frameText(this) };
  }
  /** pandas' Styler (`df.style.format(...)`, `background_gradient`), which torchlab does not have. */
  get style(): never {
    throw new NotImplementedError("DataFrame.style: torchlab's pandas has no Styler (it needs jinja2's templates); a frame as a cell's value or display(df) shows pandas' HTML table, and df.round(n) rounds what it shows");
  }
  /** pandas' to_csv: into `path` (or a buffer's write()), or the text returned without one. */
  to_csv(path?: string | { write(s: string): unknown } | ToCsvOptions | null, options: ToCsvOptions = {}): string | null {
    return toCsv(this, path, options);
  }
}

const isFloatKind = (k: Kind): boolean => k === "float64" || k === "float32";

/** DataFrameFormatter + StringFormatter: truncation to display.max_rows / max_columns, the `...` row and column, the blocks of columns, the dimensions. */
function frameText(f: DataFrame): string {
  const [nrows, ncols] = f.shape;
  if (ncols === 0 || nrows === 0) {
    return `Empty DataFrame\nColumns: [${f._columns._values.map((v) => pprint(v)).join(", ")}]\nIndex: [${f._index._values.map((v) => pprint(v)).join(", ")}]`;
  }
  const [rows, rowCut] = truncatedRows(nrows);
  const [cols, colCut] = truncatedColumns(ncols);
  const shown = f._take(rows, cols);
  const rowNames = f._index.name !== null;
  const labels = shown._columns._format();
  const strcols: string[][] = shown._data.map((c, j) => {
    const label = labels[j];
    const header = [isNumeric(c.kind) ? ` ${label}` : label, ...(rowNames ? [""] : [])];
    const values = fixedWidth(formatValues(c.values, c.kind), "right", Math.max(...header.map((h) => h.length)));
    const width = Math.max(...values.map((v) => v.length), ...header.map((h) => h.length));
    return [...header.map((h) => rjust(h, width)), ...values];
  });
  const indexValues = fixedWidth([...(rowNames ? [pprint(f._index.name)] : []), ...shown._index._format()], "left");
  const index = ["", ...indexValues];
  const headerRows = index.length - rows.length;
  if (colCut !== null) strcols.splice(colCut, 0, Array(index.length).fill(" ..."));
  const all = [index, ...strcols];
  if (rowCut !== null) {
    all.forEach((col, ix) => {
      const width = col[rowCut].length;
      const dotCol = colCut !== null && ix === colCut + 1;
      const dots = width > 3 || dotCol ? "..." : "..";
      const text = ix === 0 ? ljust(dots, width) : rjust(dots, dotCol ? 4 : width);
      col.splice(rowCut + headerRows, 0, text);
    });
  }
  let text = joinMultiline(all[0], all.slice(1), rowCut !== null ? DISPLAY.min_rows + 1 : nrows);
  if (rowCut !== null || colCut !== null) text += `\n\n[${nrows} rows x ${ncols} columns]`;
  return text;
}

// ---------------------------------------------------------------------------------------------- indexers

type Target = Series | DataFrame;

/**
 * `obj.iloc[...]`: by position. The dialect calls index() for a tuple key (`df.iloc[':4', [0, -1]]`).
 * What comes back (a value, a Series or a frame) depends on the key's kinds, as in pandas, so the
 * indexers' results are untyped: the notebook's later operators on them dispatch at run time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Picked = any;
export class ILoc {
  constructor(private readonly obj: Target) {}
  __getitem__(key: unknown): Picked {
    const o = this.obj;
    if (o instanceof Series) {
      const at = positionsOf(key, o.size, "rows");
      return typeof at === "number" ? o._at(at) : o._take(at);
    }
    const at = positionsOf(key, o.shape[0], "rows");
    return typeof at === "number" ? o.row(at) : o._take(at);
  }
  /** `df.iloc[rows, cols]`. */
  index(key: unknown[]): Picked {
    const o = this.obj;
    if (o instanceof Series || key.length !== 2) throw new IndexError("Too many indexers");
    const rows = positionsOf(key[0], o.shape[0], "rows");
    const cols = positionsOf(key[1], o.shape[1], "columns");
    if (typeof rows === "number" && typeof cols === "number") return o._data[cols].values[rows];
    if (typeof cols === "number") return o.column(cols)._take(typeof rows === "number" ? [rows] : rows);
    // pandas takes the row first, so its dtype is all the columns' common one (a row of a frame with a
    // string column is object however many of its number columns are picked).
    if (typeof rows === "number") return o.row(rows)._take(cols);
    return o._take(rows, cols);
  }
  /** `df.iloc[i]`, and `df.iloc[i, j]` of two ints, which the dialect reads with get(). */
  get(...key: number[]): Picked {
    return key.length === 1 ? this.__getitem__(key[0]) : this.index(key);
  }
  __setitem__(key: unknown, value: unknown): void {
    const o = this.obj;
    if (o instanceof Series) {
      const at = positionsOf(key, o.size, "rows");
      o._write(typeof at === "number" ? [at] : at, value);
    } else this.setitem([key, null], value);
  }
  setitem(key: unknown, value: unknown): void {
    const o = this.obj;
    if (!Array.isArray(key) || o instanceof Series) return this.__setitem__(key, value);
    const rows = positionsOf(key[0], o.shape[0], "rows");
    const cols = positionsOf(key[1], o.shape[1], "columns");
    writeBlock(o, typeof rows === "number" ? [rows] : rows, typeof cols === "number" ? [cols] : cols, value);
  }
}

/** `obj.loc[...]`: by label (a label, a list, an inclusive `'a:c'` slice, a boolean mask). */
export class Loc {
  constructor(private readonly obj: Target) {}
  __getitem__(key: unknown): Picked {
    const o = this.obj;
    if (o instanceof Series) {
      const at = labelPositions(key, o.index, "index");
      return typeof at === "number" ? o._at(at) : o._take(at);
    }
    const at = labelPositions(key, o.index, "index");
    return typeof at === "number" ? o.row(at) : o._take(at);
  }
  index(key: unknown[]): Picked {
    const o = this.obj;
    if (o instanceof Series || key.length !== 2) throw new IndexError("Too many indexers");
    const rows = labelPositions(key[0], o.index, "index");
    const cols = labelPositions(key[1], o.columns, "columns");
    if (typeof rows === "number" && typeof cols === "number") return o._data[cols].values[rows];
    if (typeof cols === "number") return o.column(cols)._take(typeof rows === "number" ? [rows] : rows);
    if (typeof rows === "number") return o.row(rows)._take(cols);
    return o._take(rows, cols);
  }
  /** `df.loc[label]`, and `df.loc[i, j]` of two int labels, which the dialect reads with get(). */
  get(...key: Scalar[]): Picked {
    return key.length === 1 ? this.__getitem__(key[0]) : this.index(key);
  }
  __setitem__(key: unknown, value: unknown): void {
    const o = this.obj;
    if (o instanceof Series) {
      const at = labelPositions(key, o.index, "index");
      o._write(typeof at === "number" ? [at] : at, value);
    } else this.setitem([key, null], value);
  }
  setitem(key: unknown, value: unknown): void {
    const o = this.obj;
    if (!Array.isArray(key) || o instanceof Series) return this.__setitem__(key, value);
    const rows = labelPositions(key[0], o.index, "index");
    if (typeof key[1] === "string" && !o.columns.__contains__(key[1]) && !key[1].includes(":")) {
      // pandas' loc adds a missing column, NaN outside the rows written.
      o.__setitem__(key[1], NaN);
    }
    const cols = labelPositions(key[1], o.columns, "columns");
    writeBlock(o, typeof rows === "number" ? [rows] : rows, typeof cols === "number" ? [cols] : cols, value);
  }
}

function writeBlock(f: DataFrame, rows: number[], cols: number[], value: unknown): void {
  cols.forEach((j, k) => {
    const s = f.column(j).copy();
    const v = value instanceof DataFrame ? value.column(k)._values : value instanceof Series && cols.length > 1 ? value._values[k] : value;
    s._write(rows, v instanceof Series ? v._values : v);
    f._data[j] = { values: s._values, kind: s._kind };
  });
}

// ---------------------------------------------------------------------------------------------- groupby

/** `df.groupby(col)`: groups in sorted key order, the key the result's (named) index. */
export class GroupBy {
  private readonly keys: Scalar[];
  private readonly groups: number[][];
  constructor(private readonly frame: DataFrame, private readonly by: Scalar, private readonly selected: Scalar | undefined = undefined) {
    const col = frame._data[frame.columns.get_loc(by)];
    const order = sortPositions([col], [true]).filter((i) => !isMissing(col.values[i]));
    this.keys = [];
    this.groups = [];
    for (const i of order) {
      const v = col.values[i];
      if (this.keys.length === 0 || this.keys[this.keys.length - 1] !== v) {
        this.keys.push(v);
        this.groups.push([]);
      }
      this.groups[this.groups.length - 1].push(i);
    }
    this.groups.forEach((g) => g.sort((a, b) => a - b));
    this.kind = col.kind;
  }
  private readonly kind: Kind;
  private index(): Index {
    return new Index(this.keys, { name: this.by, dtype: this.kind === "bool" ? "object" : this.kind });
  }
  // A frame of the aggregated columns; `df.groupby('k')['v']`'s, a Series named 'v'.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private aggregate(fn: (c: Column) => Scalar, numericOnly: boolean, kind?: (k: Kind) => Kind): any {
    const f = this.frame;
    const js = f._data.map((_, j) => j).filter((j) => f.columns._values[j] !== this.by && (!numericOnly || isNumeric(f._data[j].kind)));
    const data = js.map((j) => {
      const c = f._data[j];
      const values = this.groups.map((g) => fn({ values: g.map((i) => c.values[i]), kind: c.kind }));
      return { values, kind: kind ? kind(c.kind) : inferKind(values) };
    });
    const out = DataFrame._of(f.columns._take(js), data, this.index());
    if (this.selected === undefined) return out;
    if (out.columns.size === 0) throw new TypeError(`Could not aggregate column ${labelRepr(this.selected)}`);
    return out.column(0);
  }
  mean(): DataFrame { return this.aggregate(C.mean, true, () => "float64"); }
  sum(): DataFrame { return this.aggregate(C.sum, true, (k) => (k === "bool" ? "int64" : k)); }
  min(): DataFrame { return this.aggregate((c) => C.extreme(c, false), false, (k) => k); }
  max(): DataFrame { return this.aggregate((c) => C.extreme(c, true), false, (k) => k); }
  count(): DataFrame { return this.aggregate(C.count, false, () => "int64"); }
  std(): DataFrame { return this.aggregate((c) => Math.sqrt(C.variance(c, 1)), true, () => "float64"); }
  size(): Series {
    return Series._of(this.groups.map((g) => g.length), "int64", this.index());
  }
  /** `df.groupby('k')['v']`: the column grouped the same way. */
  __getitem__(column: Scalar): GroupBy {
    const f = this.frame;
    if (!f.columns.__contains__(column)) throw new KeyError(`Column not found: ${pprint(column)}`);
    return new GroupBy(f.__getitem__([this.by, column]) as DataFrame, this.by, column);
  }
}

// ---------------------------------------------------------------------------------------------- to_csv

/** A value as to_csv writes it: floats as Python's repr, missing ones empty, fields with the separator quoted. */
function csvField(v: Scalar, kind: Kind, sep: string): string {
  if (isMissing(v)) return "";
  const text = kind === "float64" || kind === "float32" ? floatRepr(Number(v)) : pprint(v);
  return text.includes(sep) || text.includes('"') || text.includes("\n") ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ToCsvOptions {
  index?: boolean;
  header?: boolean;
  sep?: string;
}

/** The CSV text pandas' to_csv writes, into `path` (or a buffer's write()), or returned without one. */
function toCsv(frame: DataFrame, path?: string | { write(s: string): unknown } | ToCsvOptions | null, options: ToCsvOptions = {}): string | null {
  if (path !== null && typeof path === "object" && typeof (path as { write?: unknown }).write !== "function") [options, path] = [path as ToCsvOptions, null];
  const sep = options.sep ?? ",";
  const withIndex = options.index ?? true;
  const lines: string[] = [];
  const quote = (s: string) => (s.includes(sep) ? `"${s}"` : s);
  if (options.header ?? true) lines.push([...(withIndex ? [frame.index.name === null ? "" : quote(pprint(frame.index.name))] : []), ...frame.columns._values.map((c) => quote(pprint(c)))].join(sep));
  for (let i = 0; i < frame.shape[0]; i++) {
    const cells = frame._data.map((c) => csvField(c.values[i], c.kind, sep));
    lines.push([...(withIndex ? [csvField(frame.index._values[i], frame.index._kind, sep)] : []), ...cells].join(sep));
  }
  const text = lines.join("\n") + "\n";
  if (path === undefined || path === null) return text;
  if (typeof path === "string") writeFileAtomic(path, text);
  else (path as { write(s: string): unknown }).write(text);
  return null;
}

