/**
 * pandas 1.5's concat (frames or Series stacked by rows, axis 0, or side by side, axis 1) and
 * get_dummies (one uint8 indicator column per level of each object column, levels sorted, the
 * levels' columns after the frame's other columns; `dummy_na` adds a `_nan` column).
 */
import { TypeError, ValueError } from "../errors";
import { Column } from "./column";
import { cast, commonKind, inferKind } from "./dtype";
import { isMissing, Kind, pprint, Scalar } from "./format";
import { DataFrame, Series } from "./frame";
import { Index } from "./index_";

type Part = DataFrame | Series;

const asFrame = (p: Part): DataFrame => (p instanceof Series ? p.to_frame() : p);

/** The kind a column takes when parts of these kinds (or missing values, `missing`) are stacked. */
function stackedKind(kinds: Kind[], missing: boolean): Kind {
  const kind = commonKind(kinds);
  if (missing && (kind === "int64" || kind === "uint8")) return "float64";
  if (missing && kind === "bool") return "object";
  return kind;
}

/** Joins frames or Series along rows (axis 0: columns matched by label, missing ones NaN) or columns (axis 1: rows matched by label). */
export function concat(objs: Iterable<DataFrame>, options?: { axis?: number | string; ignore_index?: boolean }): DataFrame;
export function concat(objs: Iterable<Series>, options: { axis: 1 | "columns"; ignore_index?: boolean }): DataFrame;
export function concat(objs: Iterable<Series>, options?: { axis?: 0 | "index"; ignore_index?: boolean }): Series;
export function concat(objs: Iterable<Part>, options?: { axis?: number | string; ignore_index?: boolean }): DataFrame | Series;
export function concat(objs: Iterable<Part>, options: { axis?: number | string; ignore_index?: boolean } = {}): DataFrame | Series {
  const parts = [...objs];
  if (parts.length === 0) throw new ValueError("No objects to concatenate");
  if (!parts.every((p) => p instanceof DataFrame || p instanceof Series)) {
    throw new TypeError(`cannot concatenate object of type '${typeof parts.find((p) => !(p instanceof DataFrame || p instanceof Series))}'; only Series and DataFrame objs are valid`);
  }
  const axis = options.axis === 1 || options.axis === "columns" ? 1 : 0;
  if (axis === 0) {
    if (parts.every((p) => p instanceof Series)) {
      const series = parts as Series[];
      const values = series.flatMap((s) => s._values);
      const kind = commonKind(series.map((s) => s._kind));
      const index = options.ignore_index ? Index._rangeOf(values.length) : new Index(series.flatMap((s) => s.index._values));
      return Series._of(cast(values, kind === "float64" ? "float64" : kind, kind), kind, index, series.every((s) => s.name === series[0].name) ? series[0].name : null);
    }
    const frames = parts.map(asFrame);
    const labels: Scalar[] = [];
    for (const f of frames) for (const c of f.columns._values) if (!labels.includes(c)) labels.push(c);
    const data: Column[] = labels.map((label) => {
      const pieces = frames.map((f) => {
        const at = f.columns.positions(label);
        return at.length > 0 ? f._data[at[0]] : null;
      });
      const missing = pieces.some((p) => p === null);
      const kind = stackedKind(pieces.filter((p): p is Column => p !== null).map((p) => p.kind), missing);
      const values = pieces.flatMap((p, i) => (p === null ? Array(frames[i].shape[0]).fill(NaN) : kind === "object" ? cast(p.values, p.kind, "object") : p.values));
      return { values: kind === "object" ? values : values.map((v) => (typeof v === "boolean" && kind !== "bool" ? Number(v) : v)), kind };
    });
    const n = frames.reduce((p, f) => p + f.shape[0], 0);
    const index = options.ignore_index ? Index._rangeOf(n) : new Index(frames.flatMap((f) => f.index._values), { dtype: commonKind(frames.map((f) => f.index._kind)) });
    return DataFrame._of(new Index(labels), data, index);
  }
  // An unnamed Series' column is labelled by its place among the unnamed ones.
  let unnamed = 0;
  const frames = parts.map((p) => (p instanceof Series && p.name === null ? p.to_frame(unnamed++) : asFrame(p)));
  // Side by side, the rows matched by label: the union of the indexes in order of appearance (concat's sort=False), NaN where a part has no such row.
  const index = frames.slice(1).reduce((ix, f) => ix.union(f.index, false), frames[0].index);
  const labels = options.ignore_index ? frames.flatMap((f) => f.columns._values).map((_, j) => j) : frames.flatMap((f) => f.columns._values);
  return DataFrame._of(new Index(labels), frames.flatMap((f) => f._reindexed(index, f.columns).map((c) => ({ values: [...c.values], kind: c.kind }))), index);
}

export interface DummiesOptions {
  prefix?: string | string[] | Record<string, string>;
  prefix_sep?: string;
  dummy_na?: boolean;
  columns?: Scalar[];
  drop_first?: boolean;
  dtype?: "uint8" | "float64" | "bool" | "int64";
}

/** Sorted distinct present values (pandas' factorize with sort=True). */
function levelsOf(values: readonly Scalar[]): Scalar[] {
  const present = values.filter((v) => !isMissing(v));
  const distinct = [...new Map(present.map((v) => [`${typeof v}:${v}`, v])).values()];
  return distinct.sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
}

function dummies(values: readonly Scalar[], prefix: string | null, o: DummiesOptions): [Scalar[], Column[]] {
  const kind: Kind = o.dtype ?? "uint8";
  let levels: Scalar[] = levelsOf(values);
  const names: Scalar[] = [];
  const columns: Column[] = [];
  const one = (hit: boolean): Scalar => (kind === "bool" ? hit : hit ? 1 : 0);
  if (o.drop_first) levels = levels.slice(1);
  for (const level of levels) {
    names.push(prefix === null ? level : `${prefix}${o.prefix_sep ?? "_"}${pprint(level)}`);
    columns.push({ values: values.map((v) => one(!isMissing(v) && v === level)), kind });
  }
  if (o.dummy_na) {
    names.push(prefix === null ? NaN : `${prefix}${o.prefix_sep ?? "_"}nan`);
    columns.push({ values: values.map((v) => one(isMissing(v))), kind });
  }
  return [names, columns];
}

/** One indicator column per level of each object column (or of `columns`), after the other columns; of a Series, its levels. */
export function get_dummies(data: DataFrame | Series | Scalar[], options: DummiesOptions = {}): DataFrame {
  if (!(data instanceof DataFrame)) {
    const s = data instanceof Series ? data : new Series(data);
    const [names, columns] = dummies(s._values, options.prefix === undefined ? null : String(options.prefix), options);
    return DataFrame._of(new Index(names, { dtype: inferKind(names) === "int64" ? "int64" : "object" }), columns, s.index);
  }
  const encode = data.columns._values.map((c, j) => (options.columns ? options.columns.includes(c) : data._data[j].kind === "object"));
  const labels: Scalar[] = [];
  const out: Column[] = [];
  data._data.forEach((c, j) => {
    if (!encode[j]) {
      labels.push(data.columns._values[j]);
      out.push({ values: [...c.values], kind: c.kind });
    }
  });
  let k = 0;
  data._data.forEach((c, j) => {
    if (!encode[j]) return;
    const label = data.columns._values[j];
    const p = options.prefix;
    const prefix = p === undefined ? pprint(label) : typeof p === "string" ? p : Array.isArray(p) ? p[k] : p[String(label)];
    k++;
    const [names, columns] = dummies(c.values, prefix, options);
    labels.push(...names);
    out.push(...columns);
  });
  return DataFrame._of(new Index(labels), out, data.index);
}
