/**
 * pandas' Index: the labels of a Series' rows or a DataFrame's rows and columns. A RangeIndex
 * (`0, 1, ..., n-1`, what a frame gets unless told otherwise) keeps its start and step; any other
 * index holds its labels (Int64Index, Float64Index, or Index of objects, as pandas 1.5 names them).
 */
import { KeyError } from "../errors";
import { ndarray } from "../tensor/ndarray";
import { fixedWidth, floatRepr, formatValues, isMissing, Kind, pprint, Scalar } from "./format";
import { PdDtype, toArray } from "./dtype";

export class Index {
  /** @internal the labels. */
  readonly _values: Scalar[];
  /** @internal the labels' dtype. */
  readonly _kind: Kind;
  /** @internal a RangeIndex's start and step, null for any other. */
  readonly _range: [number, number] | null;
  name: Scalar;

  constructor(values: Iterable<Scalar> | ndarray, options: { name?: Scalar; dtype?: Kind } = {}) {
    this._values = values instanceof ndarray ? (values.tolist() as Scalar[]) : [...values];
    this._kind = options.dtype ?? inferIndexKind(this._values);
    this._range = null;
    this.name = options.name ?? null;
  }

  /** @internal RangeIndex(start, start + n*step, step). */
  static _rangeOf(n: number, start = 0, step = 1, name: Scalar = null): Index {
    const ix = new Index(Array.from({ length: n }, (_, i) => start + i * step), { dtype: "int64", name });
    (ix as { _range: [number, number] | null })._range = [start, step];
    return ix;
  }

  get dtype(): PdDtype {
    return PdDtype.of(this._kind);
  }
  get size(): number {
    return this._values.length;
  }
  get shape(): number[] {
    return [this._values.length];
  }
  get values(): ndarray | Scalar[] {
    return toArray(this._values, this._kind);
  }
  to_numpy(): ndarray | Scalar[] {
    return this.values;
  }
  tolist(): Scalar[] {
    return [...this._values];
  }
  to_list(): Scalar[] {
    return this.tolist();
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

  /** Python's `x in index`. */
  __contains__(label: Scalar): boolean {
    return this.positions(label).length > 0;
  }

  /** Where `label` is (every place, for a label that repeats). */
  positions(label: Scalar): number[] {
    const out: number[] = [];
    this._values.forEach((v, i) => {
      if (sameLabel(v, label)) out.push(i);
    });
    return out;
  }

  /** The one position of `label`; pandas' KeyError when it is missing. */
  get_loc(label: Scalar): number {
    const at = this.positions(label);
    if (at.length === 0) throw new KeyError(label);
    return at[0];
  }

  /** @internal the labels at `positions`, a RangeIndex staying one when they are evenly spaced. */
  _take(positions: readonly number[]): Index {
    if (this._range !== null && positions.length > 0) {
      const step = positions.length > 1 ? positions[1] - positions[0] : 1;
      if (step > 0 && positions.every((p, i) => p === positions[0] + i * step)) {
        return Index._rangeOf(positions.length, this._range[0] + positions[0] * this._range[1], step * this._range[1], this.name);
      }
    }
    return new Index(positions.map((p) => this._values[p]), { dtype: this._kind === "int64" && this._range ? "int64" : this._kind, name: this.name });
  }

  /** Whether both hold the same labels in the same order. */
  equals(other: Index): boolean {
    return other._values.length === this._values.length && this._values.every((v, i) => sameLabel(v, other._values[i]));
  }

  /** @internal the labels as a frame's or a Series' left column prints them (Index.format). */
  _format(): string[] {
    if (this._kind === "object") return this._values.map((v) => (typeof v === "number" && Number.isNaN(v) ? "NaN" : pprint(v)));
    const strings = fixedWidth(formatValues(this._values, this._kind), "left");
    let out = strings;
    while (out.length > 0 && out.every((x) => x.startsWith(" "))) out = out.map((x) => x.slice(1));
    return out;
  }

  __repr__(): string {
    const name = this.name === null ? "" : `, name=${labelRepr(this.name)}`;
    if (this._range !== null) {
      const [start, step] = this._range;
      return `RangeIndex(start=${start}, stop=${start + step * this._values.length}, step=${step}${name})`;
    }
    const cls = this._kind === "int64" ? "Int64Index" : this._kind === "float64" ? "Float64Index" : this._kind === "uint8" ? "UInt64Index" : "Index";
    return `${cls}([${this._values.map(labelRepr).join(", ")}], dtype='${this._kind === "uint8" ? "uint64" : this._kind}'${name})`;
  }
  __str__(): string {
    return this.__repr__();
  }
  toString(): string {
    return this.__repr__();
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.__repr__();
  }
}

/** A label as Python's repr writes it (`'a'`, `1`, `1.5`, `nan`). */
export function labelRepr(v: Scalar): string {
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (typeof v === "number" && !Number.isInteger(v)) return floatRepr(v);
  return pprint(v);
}

function sameLabel(a: Scalar, b: Scalar): boolean {
  if (isMissing(a) && isMissing(b)) return true;
  if ((typeof a === "number" || typeof a === "boolean") && (typeof b === "number" || typeof b === "boolean")) return Number(a) === Number(b) && typeof a === typeof b;
  return a === b;
}

function inferIndexKind(values: Scalar[]): Kind {
  if (values.length > 0 && values.every((v) => typeof v === "number")) return values.every((v) => Number.isInteger(v)) ? "int64" : "float64";
  return "object";
}
