/**
 * Line charts (loss curves and the like) as vega-lite v5 specs, plus their text summary for
 * terminals. vega draws the static pictures from the same spec (see vega.ts).
 */
import { ValueError } from "../errors";
import type { MimeBundle } from "./emitter";
import { format_value } from "./format";
import { chart_bundle, VegaLiteSpec, VEGALITE_SCHEMA } from "./vega";

/** One named curve: y against x, in order of arrival. */
export interface Series {
  name: string;
  x: number[];
  y: number[];
}

/** How a chart is labelled and sized. */
export interface ChartOptions {
  /** Title above the chart. */
  title?: string;
  /** Label of the x axis. Default "step". */
  xlabel?: string;
  /** Label of the y axis. Default: the series' name when there is one series, else "value". */
  ylabel?: string;
  /** A logarithmic y axis (non-positive values are left out). Default false. */
  logy?: boolean;
  /** Width of the plot area in pixels (vega-lite's `width`; axes and legend come on top). Default 520, or 360 a panel. */
  width?: number;
  /** Height of the plot area in pixels. Default 280. */
  height?: number;
  /**
   * Side-by-side charts, each with its own y axis: panel title (its y label) to the names of its
   * series, e.g. `{ loss: ["loss", "val_loss"], accuracy: ["acc", "val_acc"] }`. Series no panel
   * names share one more panel. Default: one chart.
   */
  panels?: Record<string, string[]>;
}

/** A data row of a line chart's spec. */
export interface LinePoint {
  x: number;
  y: number;
  series: string;
}

/** Vega's default category palette (tableau10): colours stay put when panels split the series. */
export const PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac"];
/** Markers on the points once a curve is short enough for them to read as data rather than noise. */
const MARKER_LIMIT = 40;

const color = (i: number): string => PALETTE[i % PALETTE.length];

/** The finite points of a series (and positive ones on a log axis): NaN losses must not break a chart. */
function usable(s: Series, logy: boolean): { x: number[]; y: number[]; dropped: number } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < s.y.length; i++) {
    if (Number.isFinite(s.x[i]) && Number.isFinite(s.y[i]) && (!logy || s.y[i] > 0)) {
      x.push(s.x[i]);
      y.push(s.y[i]);
    }
  }
  return { x, y, dropped: s.y.length - y.length };
}

function checkSeries(series: Series[]): void {
  const seen = new Set<string>();
  for (const s of series) {
    if (s.x.length !== s.y.length) throw new ValueError(`series '${s.name}': ${s.x.length} x values but ${s.y.length} y values`);
    if (seen.has(s.name)) throw new ValueError(`series '${s.name}' is given twice`);
    seen.add(s.name);
  }
}

function checkSize(o: ChartOptions): void {
  for (const k of ["width", "height"] as const) {
    const v = o[k];
    if (v !== undefined && !(Number.isFinite(v) && v >= 40 && v <= 4000)) throw new ValueError(`chart ${k} must be a number of pixels from 40 to 4000, got ${String(v)}`);
  }
}

function yTitle(series: Series[], o: ChartOptions): string {
  return o.ylabel ?? (series.length === 1 ? series[0].name : "value");
}

/**
 * An explicit scale domain where vega would otherwise get none or a point: with no data a
 * quantitative domain is empty (vega-embed then draws infinite axes), with one distinct value it is
 * a single point. Undefined leaves the domain to vega.
 */
function domainFor(values: number[], log: boolean): [number, number] | undefined {
  if (values.length === 0) return log ? [1, 10] : [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo !== hi) return undefined;
  if (log) return [lo / 10, lo * 10];
  const d = Math.abs(lo) * 0.1 || 1;
  return [lo - d, lo + d];
}

/** The vega-lite v5 spec of a line chart of `series`, with all their (finite) points as data values. */
export function line_spec(series: Series[], options: ChartOptions = {}): VegaLiteSpec {
  checkSeries(series);
  checkSize(options);
  const logy = options.logy ?? false;
  const values: LinePoint[] = [];
  for (const s of series) {
    const u = usable(s, logy);
    for (let i = 0; i < u.x.length; i++) values.push({ x: u.x[i], y: u.y[i], series: s.name });
  }
  const longest = Math.max(0, ...series.map((s) => s.y.length));
  const width = Math.round(options.width ?? 520);
  const height = Math.round(options.height ?? 280);
  const xScale: Record<string, unknown> = { zero: false, nice: true };
  const yScale: Record<string, unknown> = logy ? { type: "log" } : { zero: false, type: "linear" };
  const xd = domainFor(values.map((v) => v.x), false);
  const yd = domainFor(values.map((v) => v.y), logy);
  if (xd !== undefined) xScale.domain = xd;
  if (yd !== undefined) yScale.domain = yd;
  const encoding: Record<string, unknown> = {
    x: { field: "x", type: "quantitative", title: options.xlabel ?? "step", scale: xScale },
    y: { field: "y", type: "quantitative", title: yTitle(series, options), scale: yScale },
    order: { field: "x", type: "quantitative" },
  };
  if (series.length > 0) {
    encoding.color = { field: "series", type: "nominal", title: null, scale: { domain: series.map((s) => s.name), range: series.map((_, i) => color(i)) } };
  }
  const line = {
    mark: { type: "line", point: longest <= MARKER_LIMIT, tooltip: true, interpolate: "linear" },
    encoding,
  };
  const spec: VegaLiteSpec = { $schema: VEGALITE_SCHEMA, width, height, data: { values } };
  if (options.title !== undefined) spec.title = options.title;
  if (values.length > 0) return { ...spec, ...line };
  // Empty (a live plot before its first point): the frame, with a note in the middle.
  return {
    ...spec,
    layer: [
      line,
      {
        data: { values: [{ note: "no data yet" }] },
        mark: { type: "text", color: "#888888", fontSize: 13 },
        encoding: { text: { field: "note", type: "nominal" }, x: { value: width / 2 }, y: { value: height / 2 } },
      },
    ],
  };
}

/** The series of each panel, in the order the panels are named; unnamed series share a last one. */
export function group_panels(series: Series[], panels: Record<string, string[]>): { title: string; series: Series[]; indices: number[] }[] {
  const out: { title: string; series: Series[]; indices: number[] }[] = [];
  const placed = new Set<string>();
  for (const [title, names] of Object.entries(panels)) {
    if (!Array.isArray(names)) throw new ValueError(`panels: '${title}' must list series names, e.g. { ${title}: ["${title}"] }`);
    const indices = series.flatMap((s, i) => (names.includes(s.name) ? [i] : []));
    names.forEach((n) => placed.add(n));
    out.push({ title, series: indices.map((i) => series[i]), indices });
  }
  const rest = series.flatMap((s, i) => (placed.has(s.name) ? [] : [i]));
  if (rest.length > 0) out.push({ title: rest.length === 1 ? series[rest[0]].name : "value", series: rest.map((i) => series[i]), indices: rest });
  if (out.length === 0) throw new ValueError("panels: name at least one panel");
  return out;
}

/** The spec of the chart: one line chart, or an hconcat of panels (own y axes, shared colours) when `panels` is given. */
export function chart_spec(series: Series[], options: ChartOptions = {}): VegaLiteSpec {
  checkSeries(series);
  if (options.panels === undefined) return line_spec(series, options);
  const groups = group_panels(series, options.panels);
  const names = series.map((s) => s.name);
  const hconcat = groups.map((g) => {
    const unit = line_spec(g.series, { ...options, title: undefined, panels: undefined, ylabel: g.title, width: options.width ?? 360 });
    delete unit.$schema;
    const layers = (unit.layer as { encoding: Record<string, unknown> }[] | undefined) ?? [unit as { encoding: Record<string, unknown> }];
    // Every panel maps every series name to its one colour, so a series keeps its colour across panels.
    if (series.length > 0) layers[0].encoding.color = { field: "series", type: "nominal", title: null, scale: { domain: names, range: series.map((_, i) => color(i)) } };
    return unit;
  });
  const spec: VegaLiteSpec = { $schema: VEGALITE_SCHEMA, hconcat };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

/** The terminal rendering: one line per series with its length, range and latest / best values. */
export function line_text(series: Series[], options: ChartOptions = {}): string {
  const head = `LinePlot${options.title !== undefined ? ` '${options.title}'` : ""} (${series.length} series, x: ${options.xlabel ?? "step"})`;
  const width = Math.max(0, ...series.map((s) => s.name.length));
  const lines = series.map((s) => {
    const u = usable(s, false);
    const name = s.name.padEnd(width);
    if (u.y.length === 0) return `  ${name}  no points${u.dropped ? ` (${u.dropped} not finite)` : ""}`;
    let lo = 0;
    let hi = 0;
    u.y.forEach((v, i) => {
      if (v < u.y[lo]) lo = i;
      if (v > u.y[hi]) hi = i;
    });
    const last = u.y.length - 1;
    return (
      `  ${name}  ${u.y.length} points, last ${format_value(u.y[last])} at ${format_value(u.x[last])}` +
      `, min ${format_value(u.y[lo])} at ${format_value(u.x[lo])}, max ${format_value(u.y[hi])} at ${format_value(u.x[hi])}` +
      (u.dropped ? ` (${u.dropped} not finite, left out)` : "")
    );
  });
  return [head, ...lines].join("\n");
}

/** The MIME bundle of a line chart: vega-lite v5, the SVG and PNG vega draws from it, and text. */
export function line_bundle(series: Series[], options: ChartOptions = {}, png = true): MimeBundle {
  return chart_bundle(chart_spec(series, options), line_text(series, options), "display.line()", png);
}

// ------------------------------------------------------------------ inputs

/** Something with values: a number array or a 1-D tensor. */
export type Values = readonly number[] | { dataSync(): ArrayLike<number>; readonly shape: number[] };

/** One series as given by a user: y values (x = 0, 1, ...), [x, y] pairs, or {x, y}. */
export type SeriesData = Values | readonly (readonly [number, number])[] | { x: Values; y: Values };

function numbers(v: Values, what: string): number[] {
  if (Array.isArray(v)) return v.map(Number);
  const t = v as { dataSync(): ArrayLike<number>; readonly shape: number[] };
  if (typeof t.dataSync === "function") {
    if (t.shape.filter((d) => d !== 1).length > 1) throw new ValueError(`${what}: expected a 1-D tensor, got shape [${t.shape.join(", ")}]`);
    return Array.from(t.dataSync(), Number);
  }
  throw new ValueError(`${what}: expected an array of numbers or a 1-D tensor`);
}

/** Normalises the accepted series forms into {@link Series}. */
export function to_series(name: string, data: SeriesData): Series {
  const what = `series '${name}'`;
  if (Array.isArray(data) && data.length > 0 && Array.isArray(data[0])) {
    const pairs = data as readonly (readonly [number, number])[];
    pairs.forEach((p, i) => {
      if (p.length !== 2) throw new ValueError(`${what}: point ${i} should be [x, y], got ${p.length} values`);
    });
    return { name, x: pairs.map((p) => Number(p[0])), y: pairs.map((p) => Number(p[1])) };
  }
  if (!Array.isArray(data) && typeof data === "object" && data !== null && "x" in data && "y" in data) {
    const xy = data as { x: Values; y: Values };
    const s = { name, x: numbers(xy.x, what), y: numbers(xy.y, what) };
    if (s.x.length !== s.y.length) throw new ValueError(`${what}: ${s.x.length} x values but ${s.y.length} y values`);
    return s;
  }
  const y = numbers(data as Values, what);
  return { name, x: y.map((_, i) => i), y };
}
