/**
 * pandas 1.5's text formatting (pandas/io/formats/format.py and printing.py): how a column of values
 * becomes fixed-width strings (floats to display.precision 6 digits after the point with the common
 * trailing zeros trimmed, scientific where a value would print as 0 or too wide, ints and objects with
 * a leading space, `NaN` for a missing value), the `adjoin` that joins columns into lines, and the
 * column blocks of a frame wider than display.width (80), each block but the last ending in ` \`.
 */
import { format } from "../pyformat";
import { PyFloat } from "../pyrepr";

/** A cell's value: a number (NaN is missing), a string, a boolean, or None. */
export type Scalar = number | string | boolean | null;

/** The dtypes torchlab's pandas holds: NumPy's int64, float64, bool, uint8 (get_dummies) and object (strings). */
export type Kind = "int64" | "float64" | "float32" | "bool" | "uint8" | "object";

/** pandas' display options at their defaults, as a notebook has them. */
export const DISPLAY = { precision: 6, max_rows: 60, min_rows: 10, max_columns: 20, width: 80 };

/**
 * A float among an object column's values (a frame's row of ints, floats and strings; `df.sum()` beside
 * a string column): boxed, so that it prints as a float (`3.0`) where a JavaScript number would print `3`.
 */
export function boxFloat(v: Scalar): Scalar {
  return typeof v === "number" && !Number.isNaN(v) ? (new PyFloat(v) as unknown as Scalar) : v;
}

/**
 * The positions shown of `n` rows or columns: all up to `max` (display.max_rows / max_columns), else the
 * first and last `shown / 2` (display.min_rows / max_columns), with where pandas puts its `...` (null when all are shown).
 */
export function truncated(n: number, max: number, shown: number): [number[], number | null] {
  if (n <= max) return [Array.from({ length: n }, (_, i) => i), null];
  const half = Math.floor(shown / 2);
  return [[...Array.from({ length: half }, (_, i) => i), ...Array.from({ length: half }, (_, i) => n - half + i)], half];
}
export const truncatedRows = (n: number): [number[], number | null] => truncated(n, DISPLAY.max_rows, DISPLAY.min_rows);
export const truncatedColumns = (n: number): [number[], number | null] => truncated(n, DISPLAY.max_columns, DISPLAY.max_columns);

export const isMissing = (v: Scalar): boolean => v === null || (typeof v === "number" && Number.isNaN(v));

/** Python's str() of a value as pandas' pprint_thing writes it. */
export function pprint(v: Scalar): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return Number.isNaN(v) ? "nan" : Number.isInteger(v) && !Object.is(v, -0) ? String(v) : format(v, "");
  return v;
}

/** A float as Python's repr (`1.0`, `0.1`, `1e-07`, `nan`). */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  const s = format(v, "");
  return Number.isInteger(v) && Math.abs(v) < 1e16 ? `${v}.0` : s;
}

/** _trim_zeros_float: drop the trailing zeros every decimal number shares, keeping one after the point. */
function trimZeros(values: string[]): string[] {
  const numeric = /^\s*[+-]?[0-9]+\.[0-9]*$/;
  let out = values;
  const shouldTrim = (xs: string[]) => {
    const numbers = xs.filter((x) => numeric.test(x));
    return numbers.length > 0 && numbers.every((x) => x.endsWith("0"));
  };
  while (shouldTrim(out)) out = out.map((x) => (numeric.test(x) ? x.slice(0, -1) : x));
  return out.map((x) => (numeric.test(x) && x.endsWith(".") ? `${x}0` : x));
}

/** FloatArrayFormatter with fixed_width: `{value: .6f}`, or `{value: .6e}` for tiny or too-wide large values. */
function formatFloats(values: number[], leading: boolean): string[] {
  const digits = DISPLAY.precision;
  const withFormat = (spec: string) =>
    values.map((v) => (Number.isNaN(v) ? "NaN" : format(v, `${leading ? " " : ""}.${digits}${spec}`)));
  const fixed = trimZeros(withFormat("f"));
  const tooLong = fixed.length > 0 && Math.max(...fixed.map((x) => x.length)) > digits + 6;
  const abs = values.filter((v) => !Number.isNaN(v)).map(Math.abs);
  const large = abs.some((v) => v > 1e6);
  const small = abs.some((v) => v < 10 ** -digits && v > 0);
  return small || (tooLong && large) ? withFormat("e") : fixed;
}

/** format_array's strings for one column (a frame's or a Series' values, or an index's with `leading` false). */
export function formatValues(values: readonly Scalar[], kind: Kind, leading = true): string[] {
  const pad = leading ? " " : "";
  if (kind === "float64" || kind === "float32") return formatFloats(values as number[], leading);
  if (kind === "int64" || kind === "uint8") return values.map((v) => ((v as number) < 0 ? String(v) : `${pad}${v}`));
  return values.map((v) => {
    if ((v as unknown) instanceof PyFloat) return trimZeros([format((v as unknown as PyFloat).value, ` .${DISPLAY.precision}f`)])[0];
    if (typeof v === "number" && !Number.isNaN(v) && !Number.isInteger(v)) return trimZeros([format(v, ` .${DISPLAY.precision}f`)])[0];
    if (v === null) return `${pad}None`;
    if (typeof v === "number" && Number.isNaN(v)) return `${pad}NaN`;
    return `${pad}${typeof v === "object" || typeof v === "function" ? String(v) : pprint(v)}`;
  });
}

export const rjust = (s: string, n: number): string => s.padStart(n);
export const ljust = (s: string, n: number): string => s.padEnd(n);
export const center = (s: string, n: number): string => {
  // Python's str.center: the extra space goes left when the padding is odd and the width is odd.
  const total = n - s.length;
  if (total <= 0) return s;
  const left = Math.floor(total / 2) + (total & n & 1);
  return " ".repeat(left) + s + " ".repeat(total - left);
};

const width = (xs: readonly string[]): number => xs.reduce((m, x) => Math.max(m, x.length), 0);

/** _make_fixed_width: every string justified to the widest (or `minimum`). */
export function fixedWidth(xs: readonly string[], justify: "left" | "right", minimum = 0): string[] {
  if (xs.length === 0) return [];
  const n = Math.max(width(xs), minimum);
  return xs.map((x) => (justify === "left" ? ljust(x, n) : rjust(x, n)));
}

/** pandas' adjoin: lists side by side, each but the last left-justified to its width plus `space`. */
export function adjoin(space: number, ...lists: string[][]): string {
  const lengths = lists.map((l, i) => (i < lists.length - 1 ? width(l) + space : width(l)));
  const rows = Math.max(...lists.map((l) => l.length));
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push(lists.map((l, i) => ljust(l[r] ?? "", lengths[i])).join(""));
  return lines.join("\n");
}

/** _binify: where the blocks of columns break so that each fits `lineWidth`. */
function binify(cols: number[], lineWidth: number): number[] {
  const bins: number[] = [];
  let current = 0;
  cols.forEach((w, i) => {
    current += w + 1;
    const wrap = i === cols.length - 1 ? current + 1 > lineWidth && i > 0 : current + 2 > lineWidth && i > 0;
    if (wrap) {
      bins.push(i);
      current = w + 1;
    }
  });
  bins.push(cols.length);
  return bins;
}

/** StringFormatter._join_multiline: the index, then blocks of columns no wider than display.width. */
export function joinMultiline(index: string[], columns: string[][], nrows: number): string {
  const lineWidth = DISPLAY.width - (width(index) + 1);
  const bins = binify(columns.map(width), lineWidth);
  const blocks: string[] = [];
  let start = 0;
  bins.forEach((end, i) => {
    const row = [index, ...columns.slice(start, end)];
    if (bins.length > 1) row.push(end <= columns.length && i < bins.length - 1 ? [" \\", ...Array(nrows - 1).fill("  ")] : Array(nrows).fill(" "));
    blocks.push(adjoin(1, ...row));
    start = end;
  });
  return blocks.join("\n\n");
}
