/**
 * DataFrame.info(): pandas 1.5's summary (pandas/io/formats/info.py): the class, the index's range,
 * one line per column with its non-null count and dtype (up to display.max_info_columns, 100, else
 * one summary line), the dtypes' counts and the memory used, `+` where object values make it a
 * lower bound, as pandas measures it (8 bytes a row for int64, float64 and object, 1 for bool and uint8,
 * a RangeIndex as the Python objects it keeps).
 */
import { count } from "./column";
import { Kind, pprint, Scalar } from "./format";
import type { Index } from "./index_";

export interface InfoFrame {
  readonly _columns: Index;
  readonly _index: Index;
  readonly _data: { values: Scalar[]; kind: Kind }[];
}

const BYTES: Record<Kind, number> = { int64: 8, float64: 8, object: 8, float32: 4, bool: 1, uint8: 1 };
const MAX_INFO_COLUMNS = 100;

/** sys.getsizeof of a Python int. */
const intSize = (x: number): number => (Math.abs(x) < 2 ** 30 ? 28 : Math.abs(x) < 2 ** 60 ? 32 : 36);

/** Index._summary: `RangeIndex: 4 entries, 0 to 3`. */
function summary(ix: Index, name?: string): string {
  const cls = name ?? ix.__repr__().split("(")[0];
  const ends = ix.size > 0 ? `, ${pprint(ix._values[0])} to ${pprint(ix._values[ix.size - 1])}` : "";
  return `${cls}: ${ix.size} entries${ends}`;
}

/** _sizeof_fmt. */
function sizeOf(bytes: number, qualifier: string): string {
  let n = bytes;
  for (const unit of ["bytes", "KB", "MB", "GB", "TB"]) {
    if (n < 1024) return `${n.toFixed(1)}${qualifier} ${unit}`;
    n /= 1024;
  }
  return `${n.toFixed(1)}${qualifier} PB`;
}

export function infoText(f: InfoFrame): string {
  const lines = ["<class 'pandas.core.frame.DataFrame'>", summary(f._index)];
  const n = f._index.size;
  if (f._data.length === 0) return [...lines, "Empty DataFrame", ""].join("\n");
  if (f._data.length > MAX_INFO_COLUMNS) lines.push(summary(f._columns, "Columns"));
  else {
    lines.push(`Data columns (total ${f._data.length} columns):`);
    const headers = [" # ", "Column", "Non-Null Count", "Dtype"];
    const rows = f._data.map((c, j) => [` ${j}`, pprint(f._columns._values[j]), `${count(c)} non-null`, c.kind]);
    const widths = headers.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
    const line = (cells: string[]) => cells.map((c, k) => c.padEnd(widths[k])).join("  ");
    lines.push(line(headers), line(headers.map((h) => "-".repeat(h.length))), ...rows.map(line));
  }
  const kinds = new Map<Kind, number>();
  for (const c of f._data) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  lines.push(`dtypes: ${[...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, m]) => `${k}(${m})`).join(", ")}`);
  const r = f._index._range;
  const indexBytes = r !== null ? 48 + intSize(r[0]) + intSize(r[0] + r[1] * n) + intSize(r[1]) : BYTES[f._index._kind] * n;
  const bytes = indexBytes + f._data.reduce((p, c) => p + BYTES[c.kind] * n, 0);
  const qualifier = kinds.has("object") || (r === null && f._index._kind === "object") ? "+" : "";
  lines.push(`memory usage: ${sizeOf(bytes, qualifier)}`);
  return lines.join("\n") + "\n";
}

