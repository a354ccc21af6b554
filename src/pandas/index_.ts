/**
 * pandas' Index: the labels of a Series' rows or a DataFrame's rows and columns. A RangeIndex
 * (`0, 1, ..., n-1`, what a frame gets unless told otherwise) keeps its start and step; any other
 * index holds its labels (Int64Index, Float64Index, or Index of objects, as pandas 1.5 names them).
 */
import { KeyError, NotImplementedError, ValueError } from "../errors";
import { ndarray } from "../tensor/ndarray";
import { fixedWidth, floatRepr, formatValues, isMissing, Kind, pprint, Scalar } from "./format";
import { floatWritten, PdDtype, toArray } from "./dtype";

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
    const kind = inferIndexKind(this._values);
    this._kind = options.dtype ?? (kind === "int64" && floatWritten(values) ? "float64" : kind);
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

  /**
   * Python's `index == other` / `index != other`, as pandas compares: a bool array, label by label, against
   * one value (`train.columns != "label"`, the mask of a frame's feature columns) or a list, array or Index
   * of the same length (pandas' ValueError otherwise).
   */
  __eq__(other: unknown): ndarray {
    return this._compare(other, false);
  }
  __ne__(other: unknown): ndarray {
    return this._compare(other, true);
  }
  private _compare(other: unknown, negate: boolean): ndarray {
    const others = other instanceof Index ? other._values : other instanceof ndarray && other.ndim > 0 ? (other.tolist() as Scalar[]) : Array.isArray(other) ? (other as Scalar[]) : null;
    // pandas' messages: an Index or array of another length, and a list (NumPy's shape check).
    if (others !== null && others.length !== this._values.length) {
      throw new ValueError(Array.isArray(other) ? `('Shapes must match', (${this._values.length},), (${others.length},))` : "Lengths must match to compare");
    }
    return toArray(this._values.map((v, i) => (v === (others === null ? other : others[i])) !== negate), "bool") as ndarray;
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

  /** Whether a label occurs more than once. */
  get has_duplicates(): boolean {
    const seen = new Set<string>();
    return this._values.some((v) => {
      const k = labelKey(v);
      return seen.has(k) || !seen.add(k);
    });
  }
  get is_unique(): boolean {
    return !this.has_duplicates;
  }

  /**
   * The labels of both (pandas' outer join, as `s1 + s2` and `pd.concat(..., axis=1)` align): this
   * index when they are equal, else this one's labels then the other's new ones, sorted where they
   * compare (`sort`, as arithmetic's union does; concat keeps the order). Indexes whose labels
   * repeat are refused, which pandas joins as a product of the repeats.
   */
  union(other: Index, sort = true): Index {
    if (this.equals(other)) return this;
    if (this.has_duplicates || other.has_duplicates) {
      throw new NotImplementedError("aligning indexes whose labels repeat: torchlab joins unique labels only (drop_duplicates or reset_index first)");
    }
    const name = sameLabel(this.name, other.name) ? this.name : null;
    if (this.size === 0 || other.size === 0) {
      const ix = this.size === 0 ? other : this;
      return ix.name === name ? ix : new Index(ix._values, { dtype: ix._kind, name });
    }
    const seen = new Set(this._values.map(labelKey));
    const values = [...this._values, ...other._values.filter((v) => !seen.has(labelKey(v)))];
    const numbers = values.every((v) => typeof v === "number");
    if (sort && (numbers || values.every((v) => typeof v === "string"))) values.sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
    if (this._range !== null && other._range !== null && values.every((v, i) => v === i)) return Index._rangeOf(values.length, 0, 1, name);
    const float = this._kind === "float64" || other._kind === "float64";
    return new Index(values, { name, dtype: numbers ? (float ? "float64" : inferIndexKind(values)) : "object" });
  }

  /** Where each of `target`'s labels is in this (unique) index, -1 where it is missing. */
  get_indexer(target: Index): number[] {
    const at = new Map<string, number>();
    this._values.forEach((v, i) => {
      if (!at.has(labelKey(v))) at.set(labelKey(v), i);
    });
    return target._values.map((v) => at.get(labelKey(v)) ?? -1);
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

/** A key under which equal labels meet (1 and 1.0 alike, True apart from 1, every missing label one). */
function labelKey(v: Scalar): string {
  if (isMissing(v)) return "nan";
  return `${typeof v === "boolean" ? "b" : typeof v === "number" ? "n" : typeof v === "string" ? "s" : "o"}:${String(v)}`;
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
