/**
 * pandas' dtypes over torchlab's NumPy: a column's values live in a JavaScript array (NaN for a
 * missing number, strings and None in an object column), and leave as an ndarray of NumPy's dtype
 * (`df.values`, `s.to_numpy()`), or as a list where NumPy would make an object array, which
 * torchlab's NumPy does not have.
 */
import { TypeError, ValueError } from "../errors";
import * as N from "../numpy/core";
import * as D from "../tensor/dtype";
import { ndarray, npdtype } from "../tensor/ndarray";
import { isPyFloatAt } from "../pyrepr";
import { boxFloat, isMissing, Kind, Scalar } from "./format";

const TORCH: Record<Exclude<Kind, "object">, D.dtype> = { int64: D.int64, float64: D.float64, float32: D.float32, bool: D.bool, uint8: D.uint8 };

/** A column's dtype: prints `float64`, its repr `dtype('float64')`; equal to its name (`df.dtypes != 'object'`). */
export class PdDtype {
  private static readonly made = new Map<Kind, PdDtype>();
  private constructor(readonly name: Kind) {}
  static of(kind: Kind): PdDtype {
    let d = PdDtype.made.get(kind);
    if (d === undefined) PdDtype.made.set(kind, (d = new PdDtype(kind)));
    return d;
  }
  /** NumPy's kind letter. */
  get kind(): string {
    return { int64: "i", float64: "f", float32: "f", bool: "b", uint8: "u", object: "O" }[this.name];
  }
  __eq__(other: unknown): boolean {
    try {
      return kindOf(other as DTypeArg) === this.name;
    } catch {
      return false;
    }
  }
  __str__(): string {
    return this.name;
  }
  __repr__(): string {
    return `dtype('${this.name === "object" ? "O" : this.name}')`;
  }
  toString(): string {
    return this.name;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.name;
  }
  [Symbol.for("torchlab.ipythonRepr")](): string {
    return this.__repr__();
  }
}

/** A dtype argument: 'float64', 'int', 'object', 'str', np.float32, a dtype, Python's float / int / bool / str. */
export type DTypeArg = string | PdDtype | npdtype | D.dtype | ((...args: never[]) => unknown);

const NAMES: Record<string, Kind> = {
  float64: "float64", float: "float64", f8: "float64", float32: "float32", f4: "float32", int64: "int64", int: "int64", i8: "int64",
  bool: "bool", uint8: "uint8", u1: "uint8", object: "object", O: "object", str: "object",
};

/** The column kind a dtype argument names; NumPy's TypeError for anything else. */
export function kindOf(d: DTypeArg): Kind {
  if (d instanceof PdDtype) return d.name;
  if (typeof d === "string") {
    const k = NAMES[d];
    if (k === undefined) throw new TypeError(`data type '${d}' not understood`);
    return k;
  }
  if (typeof d === "function" && (d as { name?: string }).name === "str") return "object";
  const t = N.dtypeOf(d as N.DTypeLike);
  const found = (Object.keys(TORCH) as Exclude<Kind, "object">[]).find((k) => TORCH[k] === t);
  if (found === undefined) throw new TypeError(`data type '${String(d)}' not understood`);
  return found;
}

export const isFloat = (k: Kind): boolean => k === "float64" || k === "float32";
export const isNumeric = (k: Kind): boolean => k !== "object";

/** The dtype pandas infers for values: bool, int64 (whole numbers), float64 (any other number or a missing one), else object. */
export function inferKind(values: readonly Scalar[]): Kind {
  if (values.length === 0) return "object";
  if (values.every((v) => typeof v === "boolean")) return "bool";
  if (values.every((v) => typeof v === "number")) return values.every((v) => Number.isInteger(v)) ? "int64" : "float64";
  return "object";
}

/**
 * Whether a notebook cell wrote one of these numbers as a float (`pd.Series([1.0, 2.0])`: the dialect
 * marks the list's floats, which JavaScript's numbers cannot tell from ints), so that its whole numbers are
 * float64 as in Python.
 */
export function floatWritten(items: unknown, at?: number): boolean {
  if (!Array.isArray(items)) return false;
  if (at !== undefined) return typeof items[at] === "number" && isPyFloatAt(items, at);
  return items.some((v, i) => typeof v === "number" && isPyFloatAt(items, i));
}

/** The kind of an ndarray's dtype. */
export function kindOfArray(a: ndarray): Kind {
  const found = (Object.keys(TORCH) as Exclude<Kind, "object">[]).find((k) => TORCH[k] === a._dtype);
  if (found !== undefined) return found;
  return a._dtype.is_floating_point ? "float64" : "int64";
}

/** Values cast to `kind` (astype); pandas' errors where a value cannot be. */
export function cast(values: readonly Scalar[], from: Kind, kind: Kind): Scalar[] {
  if (kind === from) return [...values];
  if (kind === "object") return values.map((v) => (from === "bool" ? Boolean(v) : isFloat(from) ? boxFloat(v) : v));
  return values.map((v) => {
    if (kind === "bool") return isMissing(v) ? true : Boolean(v);
    if (v === null || (typeof v === "number" && Number.isNaN(v))) {
      if (isFloat(kind)) return NaN;
      throw new ValueError("Cannot convert non-finite values (NA or inf) to integer");
    }
    let n: number;
    if (typeof v === "string") {
      n = Number(v.trim());
      if (v.trim() === "" || Number.isNaN(n)) throw new ValueError(`could not convert string to float: '${v}'`);
      if (!isFloat(kind) && !Number.isInteger(n)) throw new ValueError(`invalid literal for int() with base 10: '${v}'`);
    } else n = Number(v);
    if (kind === "float32") return Math.fround(n);
    if (kind === "int64") return Math.trunc(n);
    if (kind === "uint8") return ((Math.trunc(n) % 256) + 256) % 256;
    return n;
  });
}

/** The values as NumPy holds them: an ndarray of the column's dtype, a list for an object column. */
export function toArray(values: readonly Scalar[], kind: Kind, shape: number[] = [values.length]): ndarray | Scalar[] {
  if (kind === "object") return [...values];
  return N.make(values.map((v) => Number(v)), shape, TORCH[kind]);
}

/** The ndarray's dtype for a column kind (object has none here). */
export function torchDtype(kind: Kind): D.dtype {
  if (kind === "object") throw new TypeError("torchlab's NumPy holds no object arrays: this data holds strings (dtype object)");
  return TORCH[kind];
}

/** The dtype NumPy gives an array of several columns: the common one, float64 for ints beside floats. */
export function commonKind(kinds: readonly Kind[]): Kind {
  if (kinds.length === 0) return "float64";
  if (kinds.some((k) => k === "object")) return "object";
  if (kinds.every((k) => k === kinds[0])) return kinds[0];
  if (kinds.some((k) => k === "bool")) return "object";
  if (kinds.some((k) => k === "float64") || (kinds.some((k) => k === "float32") && kinds.some((k) => k === "int64"))) return "float64";
  if (kinds.some((k) => k === "float32")) return "float32";
  return "int64";
}
