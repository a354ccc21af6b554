/**
 * What `x.numpy()` gives: the values (a copy, as a typed array), the shape and the dtype, printed as
 * NumPy 1.24 prints an array. A notebook cell showing it gives NumPy's repr
 * (`array([0.1 , 0.25, 3.  ], dtype=float32)`), `print(a)`, `console.log(a)` and `${a}` its str
 * (`[0.1  0.25 3.  ]`): NumPy's default print options (precision 8, threshold 1000 with 3 edge items,
 * 75 columns), floats as the shortest digits that read back as the same float32 (or float64) value,
 * scientific when the magnitudes ask for it, a dtype suffix unless NumPy implies it (float64, int64,
 * bool). Unlike NumPy's array it does not share memory with the tensor.
 */
import { asPyTuple, IPYTHON_REPR, pyTypeName } from "../pyrepr";
import * as D from "./dtype";
import { IndexError, TypeError } from "../errors";
import { format, formatFloat, formatInt } from "../pyformat";

type Data = Float64Array | Float32Array | Int32Array | Uint8Array;

const PRECISION = 8;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 75;

/** NumPy's name of a torch dtype's counterpart. */
function numpyName(dtype: D.dtype): string {
  return String(dtype).replace(/^torch\./, "");
}

/** The dtypes whose arrays NumPy prints without `dtype=` (Python's int, float and bool). */
function impliedDtype(dtype: D.dtype): boolean {
  return dtype === D.float64 || dtype === D.int64 || dtype === D.bool;
}

export class ndarray {
  /** NumPy's shape, a tuple: print and a cell show `(3,)`, `(2, 3)`. */
  readonly shape: number[];

  constructor(
    readonly data: Data,
    shape: number[],
    readonly dtype: D.dtype,
  ) {
    this.shape = asPyTuple([...shape]);
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return this.data.length;
  }

  /** Python's `len(a)`: the length of the first axis; a 0-d array has none (NumPy's TypeError). */
  __len__(): number {
    if (this.shape.length === 0) throw new TypeError("len() of unsized object");
    return this.shape[0];
  }

  /**
   * NumPy's `a[i]` and `a[[i, j, ...]]` along the first axis: an integer picks one row (a number of a
   * 1-d array), counting from the end when negative; a list of integers picks those rows into a new
   * array, as `np.eye(n_class)[input]` makes the one-hot rows of a sentence. Out of range is NumPy's
   * IndexError; other keys (slices, tuples, masks) are refused by name rather than read as undefined.
   * (`pred.detach().numpy().ravel()[0]`, 龙良曲's seris.py, reads an item so.)
   */
  __getitem__(key: number | number[]): ndarray | number | boolean {
    if (this.shape.length === 0) throw new IndexError("too many indices for array: array is 0-dimensional, but 1 were indexed");
    const rows = this.shape[0];
    const rowSize = this.shape.slice(1).reduce((a, b) => a * b, 1);
    const at = (i: unknown): number => {
      if (typeof i === "number" && !Number.isInteger(i)) {
        throw new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
      }
      if (typeof i !== "number") {
        throw new IndexError(`an ndarray here takes an integer or a list of integers as its index (got ${typeof i === "string" ? `'${i}'` : pyTypeName(i)}): slices, tuples and masks are not supported`);
      }
      if (i < -rows || i >= rows) throw new IndexError(`index ${i} is out of bounds for axis 0 with size ${rows}`);
      return i < 0 ? i + rows : i;
    };
    if (!Array.isArray(key)) {
      const i = at(key);
      // A 1-d array's item is the value iterating gives: a float32's shortest decimal, a bool as a boolean.
      if (this.shape.length === 1) return this.dtype === D.bool ? this.data[i] !== 0 : this.dtype === D.float32 ? float32Scalar(this.data[i]) : this.data[i];
      return new ndarray(this.data.slice(i * rowSize, (i + 1) * rowSize) as Data, this.shape.slice(1), this.dtype);
    }
    const picked = key.map(at);
    const data = new (this.data.constructor as new (n: number) => Data)(picked.length * rowSize);
    picked.forEach((i, k) => data.set(this.data.subarray(i * rowSize, (i + 1) * rowSize), k * rowSize));
    return new ndarray(data, [picked.length, ...this.shape.slice(1)], this.dtype);
  }

  /** NumPy's `a.squeeze()`: the same values without the axes of size 1 (`np.argmax(...).squeeze().tolist()`). */
  squeeze(): ndarray {
    return new ndarray(this.data.slice() as Data, this.shape.filter((d) => d !== 1), this.dtype);
  }

  /** NumPy's `a.ravel()`: the values as a 1-d array (`pred.detach().numpy().ravel()[0]`); a copy, as all of ndarray is. */
  ravel(): ndarray {
    return new ndarray(this.data.slice() as Data, [this.size], this.dtype);
  }

  /** NumPy's `a.flatten()`: a 1-d copy of the values. */
  flatten(): ndarray {
    return this.ravel();
  }

  /** The values as nested arrays (bools as booleans), as NumPy's tolist(). */
  tolist(): unknown {
    const value = (i: number): unknown => (this.dtype === D.bool ? this.data[i] !== 0 : this.data[i]);
    if (this.shape.length === 0) return value(0);
    const build = (axis: number, offset: number): unknown[] => {
      const stride = this.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      return Array.from({ length: this.shape[axis] }, (_, i) => (axis === this.shape.length - 1 ? value(offset + i) : build(axis + 1, offset + i * stride)));
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
  *[Symbol.iterator](): IterableIterator<number | boolean | ndarray> {
    if (this.shape.length === 0) throw new TypeError("iteration over a 0-d array");
    const rows = this.shape[0];
    const rest = this.shape.slice(1);
    const stride = rest.reduce((a, b) => a * b, 1);
    for (let i = 0; i < rows; i++) {
      if (rest.length === 0) yield this.dtype === D.bool ? this.data[i] !== 0 : this.dtype === D.float32 ? float32Scalar(this.data[i]) : this.data[i];
      else yield new ndarray(this.data.slice(i * stride, (i + 1) * stride) as Data, rest, this.dtype);
    }
  }

  /** NumPy's repr: `array([...], dtype=float32)`. */
  __repr__(): string {
    const implied = impliedDtype(this.dtype) && this.size > 0;
    const dtypeText = `dtype=${numpyName(this.dtype)})`;
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
    if (this.shape.length === 0) return formatterFor(this.data, this.dtype, true)(this.data[0]);
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
    if (this.dtype === D.bool) return format(v !== 0, spec);
    return this.dtype.is_floating_point ? formatFloat(v, spec) : formatInt(v, spec);
  }

  /** The value of a one-element array, as Python's int() / float() take it; NumPy's TypeError for any other size. */
  scalar(): number {
    if (this.size !== 1) throw new TypeError("only size-1 arrays can be converted to Python scalars");
    return this.data[0];
  }

  toString(): string {
    return this.__str__();
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.__str__();
  }

  [IPYTHON_REPR](): string {
    return this.__repr__();
  }
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
  const format = formatterFor(shown, a.dtype, a.shape.length === 0);
  if (a.shape.length === 0) return format(a.data[0]);
  const nextLinePrefix = " " + " ".repeat(prefix.length);
  const recurse = (axis: number, offset: number, hangingIndent: string, width: number): string => {
    if (axis === a.shape.length) return format(a.data[offset]);
    const nextIndent = hangingIndent + " ";
    const nextWidth = width - 1;
    const n = a.shape[axis];
    const summary = summarize && 2 * EDGE_ITEMS < n;
    const leading = summary ? EDGE_ITEMS : 0;
    const trailing = summary ? EDGE_ITEMS : n;
    const item = (i: number): string => recurse(axis + 1, offset + i * strides[axis], nextIndent, nextWidth);
    let s = "";
    if (axis === a.shape.length - 1) {
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
      const lineSep = separator.trimEnd() + "\n".repeat(a.shape.length - axis - 1);
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
function float32Scalar(x: number): number {
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
