/**
 * Heatmaps and confusion matrices as vega-lite v5 specs: a rect per cell coloured by its value,
 * the value written in it while the matrix is small enough to read, rows and columns labelled.
 */
import { Tensor } from "../tensor/tensor";
import { TypeError, ValueError } from "../errors";
import type { MimeBundle } from "./emitter";
import { format_value } from "./format";
import { chart_bundle, VegaLiteSpec, VEGALITE_SCHEMA } from "./vega";

/** Options of display.heatmap. */
export interface HeatmapOptions {
  title?: string;
  /** Labels of the columns (default 0, 1, ...). */
  x_labels?: readonly (string | number)[];
  /** Labels of the rows (default 0, 1, ...). */
  y_labels?: readonly (string | number)[];
  /** Axis titles. */
  xlabel?: string;
  ylabel?: string;
  /** Write each value in its cell. Default: when the matrix has at most 400 cells. */
  annotate?: boolean;
  /** A vega colour scheme: "blues" (default), "viridis", "magma", "redblue" (centred on 0), ... */
  scheme?: string;
  /** Pixels a cell. Default: 40 for small matrices, down to 12 so that the chart stays under ~640 px. */
  cell_size?: number;
}

/** Options of display.confusion_matrix. */
export interface ConfusionMatrixOptions extends Omit<HeatmapOptions, "x_labels" | "y_labels"> {
  /** Class names, indexed by the labels. */
  classes?: readonly string[];
  /** Number of classes when `classes` is not given. Default: the largest label + 1. */
  num_classes?: number;
  /** "true": each row sums to 1 (recall per class); "pred": each column; "all": the whole matrix. Default: counts. */
  normalize?: "true" | "pred" | "all";
}

/** A data row of a heatmap's spec. */
export interface HeatmapCell {
  row: string;
  col: string;
  value: number;
}

function matrixOf(op: string, m: Tensor | readonly (readonly number[])[]): number[][] {
  if (m instanceof Tensor) {
    if (m.dim() !== 2) throw new ValueError(`${op}: expected a 2-D matrix, got shape [${m.shape.join(", ")}]`);
    return m.tolist() as number[][];
  }
  if (!Array.isArray(m) || m.length === 0 || !m.every((r) => Array.isArray(r) && r.length === m[0].length && r.length > 0)) {
    throw new TypeError(`${op}: expected a 2-D Tensor or a non-empty list of equally long rows of numbers`);
  }
  return m.map((r) => r.map(Number));
}

function labelsOf(op: string, what: string, given: readonly (string | number)[] | undefined, n: number): string[] {
  if (given === undefined) return Array.from({ length: n }, (_, i) => String(i));
  if (given.length !== n) throw new ValueError(`${op}: ${given.length} ${what} for ${n} ${what === "x_labels" ? "columns" : "rows"}`);
  const out = given.map(String);
  if (new Set(out).size !== out.length) throw new ValueError(`${op}: ${what} must be distinct, got ${JSON.stringify(out)}`);
  return out;
}

/** The vega-lite spec of a heatmap of `matrix` (rows top to bottom, as printed). */
export function heatmap_spec(matrix: Tensor | readonly (readonly number[])[], o: HeatmapOptions = {}, op = "display.heatmap()"): VegaLiteSpec {
  const m = matrixOf(op, matrix);
  const rows = labelsOf(op, "y_labels", o.y_labels, m.length);
  const cols = labelsOf(op, "x_labels", o.x_labels, m[0].length);
  const values: HeatmapCell[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  m.forEach((r, i) =>
    r.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new ValueError(`${op}: the value at [${i}, ${j}] is ${v}; a heatmap needs finite numbers`);
      values.push({ row: rows[i], col: cols[j], value: v });
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }),
  );
  const n = Math.max(rows.length, cols.length);
  const cell = o.cell_size ?? Math.max(12, Math.min(40, Math.floor(640 / n)));
  if (!(Number.isFinite(cell) && cell >= 4 && cell <= 200)) throw new ValueError(`${op}: cell_size must be from 4 to 200 pixels, got ${String(cell)}`);
  const scheme = o.scheme ?? "blues";
  const diverging = scheme === "redblue" || scheme === "blueorange" || scheme === "purplegreen";
  const bound = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  // A constant matrix would give a one-point colour domain; any cell colour of it is fine.
  const domain = diverging ? [-bound, bound] : lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  const integer = values.every((v) => Number.isInteger(v.value));
  const annotate = o.annotate ?? values.length <= 400;
  const mid = (domain[0] + domain[1]) / 2;
  const rect = {
    mark: { type: "rect", tooltip: true },
    encoding: {
      color: { field: "value", type: "quantitative", title: null, scale: { scheme, domain } },
    },
  };
  const layers: unknown[] = [rect];
  if (annotate) {
    // Dark text on light cells, white on dark ones; for a diverging scheme the ends are dark.
    const dark = diverging ? `abs(datum.value) > ${bound / 2}` : scheme === "blues" || scheme === "greens" || scheme === "reds" || scheme === "greys" || scheme === "oranges" || scheme === "purples" ? `datum.value > ${mid}` : `datum.value < ${mid}`;
    layers.push({
      mark: { type: "text", fontSize: Math.max(8, Math.min(12, Math.floor(cell / 3))) },
      encoding: {
        text: { field: "value", type: "quantitative", format: integer ? "d" : ".2f" },
        color: { condition: { test: dark, value: "white" }, value: "black" },
      },
    });
  }
  const spec: VegaLiteSpec = {
    $schema: VEGALITE_SCHEMA,
    data: { values },
    width: { step: cell },
    height: { step: cell },
    encoding: {
      x: { field: "col", type: "ordinal", sort: cols, title: o.xlabel ?? null, axis: { labelAngle: cols.some((c) => c.length > 2) ? -45 : 0 } },
      y: { field: "row", type: "ordinal", sort: rows, title: o.ylabel ?? null },
    },
    layer: layers,
  };
  if (o.title !== undefined) spec.title = o.title;
  return spec;
}

function matrixText(head: string, m: number[][], rows: string[], cols: string[]): string {
  const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));
  const w0 = Math.max(...rows.map((r) => r.length));
  const w = Math.max(...cols.map((c) => c.length), ...m.flat().map((v) => fmt(v).length));
  if (m.length > 20 || m[0].length > 20) return `${head}\n  ${m.length}x${m[0].length} matrix, values in [${format_value(Math.min(...m.flat()))}, ${format_value(Math.max(...m.flat()))}]`;
  const lines = [" ".repeat(w0) + "  " + cols.map((c) => c.padStart(w)).join(" ")];
  m.forEach((r, i) => lines.push(rows[i].padStart(w0) + "  " + r.map((v) => fmt(v).padStart(w)).join(" ")));
  return `${head}\n${lines.join("\n")}`;
}

/** The bundle of a heatmap: vega-lite, SVG, PNG and the matrix as text. */
export function heatmap_bundle(matrix: Tensor | readonly (readonly number[])[], o: HeatmapOptions = {}): MimeBundle {
  const spec = heatmap_spec(matrix, o);
  const m = matrixOf("display.heatmap()", matrix);
  const rows = labelsOf("display.heatmap()", "y_labels", o.y_labels, m.length);
  const cols = labelsOf("display.heatmap()", "x_labels", o.x_labels, m[0].length);
  return chart_bundle(spec, matrixText(`Heatmap${o.title !== undefined ? ` '${o.title}'` : ""} (${m.length}x${m[0].length})`, m, rows, cols), "display.heatmap()");
}

function labelList(op: string, what: string, v: Tensor | readonly number[]): number[] {
  const list = v instanceof Tensor ? (v.reshape(-1).tolist() as number[]) : Array.isArray(v) ? v.map(Number) : null;
  if (list === null) throw new TypeError(`${op}: ${what} must be a 1-D tensor or a list of class indices`);
  list.forEach((l, i) => {
    if (!Number.isInteger(l) || l < 0) throw new ValueError(`${op}: ${what}[${i}] is ${l}, not a class index`);
  });
  return list;
}

/**
 * The confusion matrix of integer labels: entry [i, j] counts samples of true class i predicted as j.
 * With `normalize` the entries become fractions of a row ("true"), column ("pred") or of all.
 */
export function confusion_matrix(y_true: Tensor | readonly number[], y_pred: Tensor | readonly number[], o: { num_classes?: number; normalize?: "true" | "pred" | "all" } = {}): number[][] {
  const op = "display.confusion_matrix()";
  const t = labelList(op, "y_true", y_true);
  const p = labelList(op, "y_pred", y_pred);
  if (t.length !== p.length) throw new ValueError(`${op}: y_true has ${t.length} labels but y_pred has ${p.length}`);
  const k = o.num_classes ?? Math.max(0, ...t, ...p) + 1;
  if (!Number.isInteger(k) || k < 1) throw new ValueError(`${op}: num_classes must be a positive integer, got ${String(k)}`);
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  t.forEach((ti, i) => {
    if (ti >= k || p[i] >= k) throw new ValueError(`${op}: label ${Math.max(ti, p[i])} at ${i} is not below num_classes ${k}`);
    m[ti][p[i]]++;
  });
  if (o.normalize === undefined) return m;
  if (!["true", "pred", "all"].includes(o.normalize)) throw new ValueError(`${op}: normalize must be "true", "pred" or "all", got ${JSON.stringify(o.normalize)}`);
  const total = t.length;
  return m.map((r) =>
    r.map((v, j) => {
      const d = o.normalize === "true" ? r.reduce((a, b) => a + b, 0) : o.normalize === "pred" ? m.reduce((a, row) => a + row[j], 0) : total;
      return d === 0 ? 0 : v / d;
    }),
  );
}

/** The bundle of a confusion matrix: true classes down, predictions across, accuracy in the text. */
export function confusion_matrix_bundle(y_true: Tensor | readonly number[], y_pred: Tensor | readonly number[], o: ConfusionMatrixOptions = {}): MimeBundle {
  const { classes, num_classes, normalize, ...rest } = o;
  const k = num_classes ?? classes?.length;
  const counts = confusion_matrix(y_true, y_pred, { num_classes: k });
  const m = normalize === undefined ? counts : confusion_matrix(y_true, y_pred, { num_classes: counts.length, normalize });
  if (classes !== undefined && classes.length !== m.length) throw new ValueError(`display.confusion_matrix(): ${classes.length} class names for ${m.length} classes`);
  const names = classes !== undefined ? [...classes] : m.map((_, i) => String(i));
  const spec = heatmap_spec(m, { xlabel: "predicted", ylabel: "true", ...rest, x_labels: names, y_labels: names }, "display.confusion_matrix()");
  const n = counts.flat().reduce((a, b) => a + b, 0);
  const right = counts.reduce((a, r, i) => a + r[i], 0);
  const head = `ConfusionMatrix${o.title !== undefined ? ` '${o.title}'` : ""} (${m.length} classes, ${n} samples, accuracy ${n ? ((100 * right) / n).toFixed(2) : "0.00"}%${normalize ? `, normalized over ${normalize}` : ""}; rows: true, columns: predicted)`;
  return chart_bundle(spec, matrixText(head, m, names, names), "display.confusion_matrix()");
}
