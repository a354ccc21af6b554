/**
 * NumPy's array of dtype object, as far as torchlab has one: what `DataFrame.values` and `Series.values`
 * give when a column holds strings. Machine Learning Mastery's CSV tutorials read a file whose last column
 * is a class name and split it there:
 *
 *     df = read_csv(path, header=None)
 *     self.X = df.values[:, :-1].astype('float32')
 *     self.y = LabelEncoder().fit_transform(df.values[:, -1])
 *
 * It holds Python objects (numbers, strings, booleans, None) to select from (NumPy's indexing: slices,
 * integers, index and mask arrays), reshape, transpose, iterate, print, list (`tolist()`) and convert
 * (`astype`, as NumPy converts each object: Python's float() / int()). What NumPy would compute object by
 * object (arithmetic, reductions, comparisons) is a TypeError that says to convert first: torchlab's
 * NumPy computes on numbers.
 */
import { repr } from "../builtins";
import { TypeError, ValueError } from "../errors";
import { IPYTHON_REPR, markPyFloat, PyFloat, PyStrRepr } from "../pyrepr";
import * as D from "../tensor/dtype";
import { layoutArray, LINE_WIDTH, ndarray } from "../tensor/ndarray";
import * as N from "./core";

/** An element: what a pandas object column holds. */
export type PyObject = number | string | boolean | null;

/** dtype('O'): `print(a.dtype)` writes `object`; it equals `object`, `'O'` and `'object'`. */
export class ObjectDtype {
  readonly name = "object";
  readonly kind = "O";
  readonly itemsize = 8;
  __eq__(other: unknown): boolean {
    return other === "O" || other === "object" || other instanceof ObjectDtype;
  }
  toString(): string {
    return "object";
  }
  __str__(): string {
    return "object";
  }
  __repr__(): string {
    return "dtype('O')";
  }
  [IPYTHON_REPR](): string {
    return this.__repr__();
  }
}

const OBJECT = new ObjectDtype();

/** Python's float() of one object, NumPy's astype(float) of an object array. */
function pyFloatOf(v: PyObject): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return Number(v);
  if (typeof v === "string") {
    const s = v.trim().replace(/_/g, "");
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s);
    if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
    if (/^[+-]?nan$/i.test(s)) return NaN;
    throw new ValueError(`could not convert string to float: ${repr(v)}`);
  }
  throw new TypeError("float() argument must be a string or a real number, not 'NoneType'");
}

/** Python's int() of one object. */
function pyIntOf(v: PyObject): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new ValueError(Number.isNaN(v) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
    return Math.trunc(v);
  }
  if (typeof v === "boolean") return Number(v);
  if (typeof v === "string") {
    const s = v.trim().replace(/_/g, "");
    if (/^[+-]?\d+$/.test(s)) return Number(s);
    throw new ValueError(`invalid literal for int() with base 10: ${repr(v)}`);
  }
  throw new TypeError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
}

/** print(), `${a}` and console.log write the str; a cell's value shows the repr (PyStrRepr). */
export class ObjectArray extends PyStrRepr {
  /**
   * @internal `items` are the objects (`floats` marks those that are Python floats: `1.0` prints as
   * such); `_pos` is an int64 array of positions into them, whose shape is this array's, so that NumPy's
   * own indexing, reshape and transpose of the positions select the objects.
   */
  constructor(private readonly items: readonly PyObject[], private readonly floats: ReadonlySet<number>, readonly _pos: ndarray) {
    super();
    // Any other member of NumPy's array (arithmetic, reductions, `mean`, `sum`, ...): a TypeError naming it, not JavaScript's undefined.
    return new Proxy(this, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && !(prop in target) && prop in ndarray.prototype) {
          throw new TypeError(`numpy.ndarray.${prop} of an array of dtype object: torchlab's NumPy computes on numbers only; convert it first with astype('float32'), or select the numeric columns`);
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  /** An array of dtype object holding `items` (row-major) in `shape`; `floats` marks the Python floats among them. */
  static of(items: readonly PyObject[], shape: readonly number[], floats: ReadonlySet<number> = new Set()): ObjectArray {
    return new ObjectArray(items, floats, N.make(items.map((_, i) => i), shape, D.int64));
  }

  get shape(): number[] {
    return this._pos.shape;
  }
  get ndim(): number {
    return this._pos.ndim;
  }
  get size(): number {
    return this._pos.size;
  }
  get dtype(): ObjectDtype {
    return OBJECT;
  }
  __len__(): number {
    if (this.ndim === 0) throw new TypeError("len() of unsized object");
    return this.shape[0];
  }
  get length(): number {
    return this.__len__();
  }

  private at(position: number): PyObject {
    return this.items[position];
  }

  private with(pos: ndarray): ObjectArray {
    return new ObjectArray(this.items, this.floats, pos);
  }

  /** `a[key]`: NumPy's basic and advanced indexing; one element is the object itself. */
  __getitem__(key: N.Key): PyObject | ObjectArray {
    const picked = this._pos.__getitem__(key) as number | ndarray;
    return picked instanceof ndarray ? this.with(picked) : this.at(picked);
  }
  /** `a[i]` as the dialect writes it for a number; `a[i, j]` as `a.get(i, j)`. */
  get(i: N.Key, ...more: N.Key[]): PyObject | ObjectArray {
    const picked = this._pos.get(i, ...more) as number | ndarray;
    return picked instanceof ndarray ? this.with(picked) : this.at(picked);
  }
  /** `a[":, :-1"]`, `a[mask]`, `a[idx]` as the dialect writes a slice. */
  index(key: N.Key): PyObject | ObjectArray {
    const picked = this._pos.index(key) as number | ndarray;
    return picked instanceof ndarray ? this.with(picked) : this.at(picked);
  }

  reshape(...shape: (number | readonly number[])[]): ObjectArray {
    return this.with(this._pos.reshape(...shape));
  }
  transpose(...axes: (number | readonly number[])[]): ObjectArray {
    return this.with(this._pos.transpose(...axes));
  }
  get T(): ObjectArray {
    return this.with(this._pos.T);
  }
  ravel(): ObjectArray {
    return this.with(this._pos.ravel());
  }
  flatten(): ObjectArray {
    return this.with(this._pos.flatten());
  }
  copy(): ObjectArray {
    return this.with(this._pos.copy());
  }

  /** The objects row-major, and whether each is a Python float. */
  private flat(): { values: PyObject[]; floats: boolean[] } {
    const at = Array.from(this._pos.data);
    return { values: at.map((p) => this.items[p]), floats: at.map((p) => this.floats.has(p)) };
  }

  /**
   * `a.astype(dtype)`: each object converted as NumPy converts it (Python's float() for a float dtype:
   * `'0.5'` reads, `'g'` is `ValueError: could not convert string to float: 'g'`; int() for an integer
   * one; truth for bool). `astype(object)` is a copy; torchlab's NumPy holds no string arrays.
   */
  astype(dtype: N.DTypeLike | ObjectDtype): ObjectArray | ndarray {
    if (dtype instanceof ObjectDtype || dtype === "O" || dtype === "object") return this.copy();
    if (typeof dtype === "string" && /^(str|U\d*|<U\d*|unicode|S\d*|bytes)$/.test(dtype)) {
      throw new TypeError(`astype('${dtype}'): torchlab's NumPy holds no string arrays; use tolist() for the strings`);
    }
    const d = N.dtypeOf(dtype as N.DTypeLike) ?? D.float64;
    const { values } = this.flat();
    const convert = d === D.bool ? (v: PyObject) => Number(v !== null && v !== "" && v !== 0 && v !== false) : d.is_floating_point ? pyFloatOf : pyIntOf;
    return N.make(values.map(convert), this.shape, d);
  }

  /** The objects as nested lists (Python floats stay floats: `[1, 0, 0.5, 'g']`). */
  tolist(): unknown {
    const { values, floats } = this.flat();
    if (this.ndim === 0) return values[0];
    const strides = this.shape.map((_, i) => this.shape.slice(i + 1).reduce((x, y) => x * y, 1));
    const build = (axis: number, offset: number): unknown[] => {
      const row: unknown[] = [];
      for (let i = 0; i < this.shape[axis]; i++) {
        const k = offset + i * strides[axis];
        if (axis < this.ndim - 1) row.push(build(axis + 1, k));
        else {
          row.push(values[k]);
          if (floats[k]) markPyFloat(row, i);
        }
      }
      return row;
    };
    return build(0, 0);
  }

  *[Symbol.iterator](): Iterator<PyObject | ObjectArray> {
    if (this.ndim === 0) throw new TypeError("iteration over a 0-d array");
    for (let i = 0; i < this.shape[0]; i++) yield this.get(i);
  }

  /** Each object's repr, as NumPy prints an object array's elements (no padding). */
  private texts(): string[] {
    const { values, floats } = this.flat();
    return values.map((v, k) => (floats[k] && typeof v === "number" ? repr(new PyFloat(v)) : repr(v)));
  }

  /** NumPy's repr: `array([[1, 0, 0.5, 'g']], dtype=object)`. */
  __repr__(): string {
    const texts = this.texts();
    const body = this.ndim === 0 ? texts[0] : this.size === 0 ? "[]" : layoutArray(this.shape, (k) => texts[k], ", ", "array(", LINE_WIDTH - 1);
    const text = `array(${body},`;
    const dtypeText = "dtype=object)";
    const lastLine = text.length - (text.lastIndexOf("\n") + 1);
    return text + (lastLine + dtypeText.length + 1 > LINE_WIDTH ? `\n${" ".repeat("array(".length)}` : " ") + dtypeText;
  }

  /** NumPy's str: `[[1 0 0.5 'g']]`. */
  __str__(): string {
    const texts = this.texts();
    return this.ndim === 0 ? texts[0] : layoutArray(this.shape, (k) => texts[k], " ", "", LINE_WIDTH);
  }
}
