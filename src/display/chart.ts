/**
 * Line charts (loss curves and the like) as three renderings of one model: a vega-lite v5 spec for
 * JupyterLab, a static SVG for clients without vega (VS Code, nbconvert HTML, GitHub), and a text
 * summary for terminals. The SVG is drawn here rather than by vega: vega's headless renderer is a
 * multi-megabyte dependency for what is a few axes, a legend and polylines.
 */
import { ValueError } from "../errors";
import type { MimeBundle } from "./emitter";

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
  /** Width of the whole drawing in pixels. Default 640. */
  width?: number;
  /** Height of the whole drawing in pixels. Default 360. */
  height?: number;
  /**
   * Side-by-side charts, each with its own y axis: panel title (its y label) to the names of its
   * series, e.g. `{ loss: ["loss", "val_loss"], accuracy: ["acc", "val_acc"] }`. Series no panel
   * names share one more panel. Default: one chart.
   */
  panels?: Record<string, string[]>;
}

/** A vega-lite v5 top-level spec (the subset these charts use). */
export interface VegaLiteSpec {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json";
  title?: string;
  width: number;
  height: number;
  data: { values: { x: number; y: number; series: string }[] };
  mark: { type: "line"; point: boolean; tooltip: boolean; interpolate: "linear" };
  encoding: {
    x: { field: "x"; type: "quantitative"; title: string; scale: { zero: false; nice: boolean } };
    y: { field: "y"; type: "quantitative"; title: string; scale: { zero: false; type: "linear" | "log" } };
    color: { field: "series"; type: "nominal"; title: null; scale: { domain: string[]; range: string[] } };
    order: { field: "x"; type: "quantitative" };
  };
  config: { font: string };
}

/** Vega's default category palette (tableau10), so the SVG and the vega-lite chart match. */
export const PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac"];
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
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

function yTitle(series: Series[], o: ChartOptions): string {
  return o.ylabel ?? (series.length === 1 ? series[0].name : "value");
}

/** The vega-lite v5 spec of a line chart of `series`, with all their (finite) points as data values. */
export function line_spec(series: Series[], options: ChartOptions = {}): VegaLiteSpec {
  checkSeries(series);
  const logy = options.logy ?? false;
  const values: { x: number; y: number; series: string }[] = [];
  for (const s of series) {
    const u = usable(s, logy);
    for (let i = 0; i < u.x.length; i++) values.push({ x: u.x[i], y: u.y[i], series: s.name });
  }
  const longest = Math.max(0, ...series.map((s) => s.y.length));
  const { width, height } = plotArea(series, options);
  const spec: VegaLiteSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: Math.round(width),
    height: Math.round(height),
    data: { values },
    mark: { type: "line", point: longest <= MARKER_LIMIT, tooltip: true, interpolate: "linear" },
    encoding: {
      x: { field: "x", type: "quantitative", title: options.xlabel ?? "step", scale: { zero: false, nice: true } },
      y: { field: "y", type: "quantitative", title: yTitle(series, options), scale: { zero: false, type: logy ? "log" : "linear" } },
      color: { field: "series", type: "nominal", title: null, scale: { domain: series.map((s) => s.name), range: series.map((_, i) => color(i)) } },
      order: { field: "x", type: "quantitative" },
    },
    config: { font: FONT },
  };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

// ------------------------------------------------------------------ SVG

/** Round tick positions covering [lo, hi]: about `count` of them, 1, 2 or 5 times a power of ten apart (d3's rule). */
export function nice_ticks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const error = raw / power;
  const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k <= Math.floor(hi / step + 1e-9); k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** A tick label with as many decimals as the tick step needs, and none of float noise. */
export function format_tick(v: number, step: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(Math.max(0, Math.min(3, -Math.floor(Math.log10(step / a))))).replace("e+", "e");
  const decimals = Math.max(0, Math.min(8, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals);
}

/** A value for the text summary: 4 significant digits. */
export function format_value(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Approximate advance of DejaVu Sans (the widest of the usual sans fonts) at `size` px. */
const textWidth = (s: string, size: number): number => s.length * size * 0.62;

interface Layout {
  W: number;
  H: number;
  width: number;
  height: number;
  left: number;
  top: number;
  legendWidth: number;
}

/** Margins fitted to the title, the widest y tick label and the legend. */
function layout(series: Series[], o: ChartOptions, yLabelWidth = 40): Layout {
  const W = o.width ?? 640;
  const H = o.height ?? 360;
  if (!(W >= 120 && H >= 100)) throw new ValueError(`chart size ${W}x${H} is too small (at least 120x100)`);
  const legendWidth = series.length > 1 ? 28 + Math.max(...series.map((s) => textWidth(s.name, 12))) : 0;
  const left = Math.ceil(36 + yLabelWidth);
  const top = o.title !== undefined ? 36 : 14;
  const right = 16 + legendWidth;
  const bottom = 48;
  return { W, H, left, top, legendWidth, width: W - left - right, height: H - top - bottom };
}

function plotArea(series: Series[], o: ChartOptions): { width: number; height: number } {
  const l = layout(series, o);
  return { width: l.width, height: l.height };
}

interface YAxis {
  /** The drawn range, in axis units (log10 of the values on a log axis). */
  lo: number;
  hi: number;
  ticks: number[];
  label: (v: number) => string;
}

function yAxis(ys: number[], logy: boolean, plotHeight: number): YAxis {
  const ty = (v: number): number => (logy ? Math.log10(v) : v);
  let lo = Math.min(...ys.map(ty));
  let hi = Math.max(...ys.map(ty));
  if (lo === hi) [lo, hi] = logy ? [lo - 0.5, hi + 0.5] : [lo - (Math.abs(lo) * 0.1 || 1), hi + (Math.abs(hi) * 0.1 || 1)];
  const pad = (hi - lo) * 0.05;
  [lo, hi] = [lo - pad, hi + pad];
  const count = Math.max(2, Math.floor(plotHeight / 40));
  if (logy && hi - lo >= 1) {
    const ticks: number[] = [];
    for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) ticks.push(Math.pow(10, e));
    return { lo, hi, ticks, label: (v) => (Math.abs(Math.log10(v)) >= 4 ? `1e${Math.round(Math.log10(v))}` : String(Number(v.toPrecision(1)))) };
  }
  const lin = nice_ticks(logy ? Math.pow(10, lo) : lo, logy ? Math.pow(10, hi) : hi, count);
  const step = lin.length > 1 ? lin[1] - lin[0] : 1;
  const ticks = lin.filter((v) => (!logy || v > 0) && ty(v) >= lo && ty(v) <= hi);
  return { lo, hi, ticks, label: (v) => format_tick(v, step) };
}

/**
 * Keeps the first, last, lowest and highest point of each pixel column: a 100k-step loss curve
 * draws as fast as a 1k one and looks the same, spikes included.
 */
function decimate(xs: number[], ys: number[], px: (x: number) => number, limit: number): [number[], number[]] {
  if (xs.length <= limit) return [xs, ys];
  const ox: number[] = [];
  const oy: number[] = [];
  let i = 0;
  while (i < xs.length) {
    const column = Math.floor(px(xs[i]));
    let j = i;
    let lo = i;
    let hi = i;
    while (j + 1 < xs.length && Math.floor(px(xs[j + 1])) === column) {
      j++;
      if (ys[j] < ys[lo]) lo = j;
      if (ys[j] > ys[hi]) hi = j;
    }
    for (const k of [...new Set([i, lo, hi, j])].sort((a, b) => a - b)) {
      ox.push(xs[k]);
      oy.push(ys[k]);
    }
    i = j + 1;
  }
  return [ox, oy];
}

/** The static SVG of the same line chart: axes with ticks and labels, grid lines, legend, polylines. */
export function line_svg(series: Series[], options: ChartOptions = {}): string {
  checkSeries(series);
  if (options.panels !== undefined) return panelsSvg(series, options);
  return renderSvg(series, options, (i) => color(i));
}

function renderSvg(series: Series[], options: ChartOptions, colorOf: (i: number) => string): string {
  const logy = options.logy ?? false;
  const data = series.map((s) => usable(s, logy));
  const allX = data.flatMap((d) => d.x);
  const allY = data.flatMap((d) => d.y);
  const axis = allY.length > 0 ? yAxis(allY, logy, layout(series, options).height) : null;
  const L = layout(series, options, axis ? Math.max(...axis.ticks.map((v) => textWidth(axis.label(v), 11)), 10) : 10);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.W}" height="${L.H}" viewBox="0 0 ${L.W} ${L.H}" font-family="${FONT}" font-size="11">`,
    `<rect width="${L.W}" height="${L.H}" fill="#ffffff"/>`,
  );
  if (options.title !== undefined) {
    out.push(`<text x="${L.left + L.width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold" fill="#222">${escapeXml(options.title)}</text>`);
  }
  const x0 = L.left;
  const y0 = L.top + L.height;
  // Axis titles go in the margins whether or not there is data, so an empty live plot already reads right.
  out.push(
    `<text x="${x0 + L.width / 2}" y="${L.H - 10}" text-anchor="middle" font-size="12" fill="#222">${escapeXml(options.xlabel ?? "step")}</text>`,
    `<text transform="translate(16 ${L.top + L.height / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="#222">${escapeXml(yTitle(series, options))}</text>`,
  );
  if (axis === null) {
    out.push(
      `<rect x="${x0}" y="${L.top}" width="${L.width}" height="${L.height}" fill="none" stroke="#888"/>`,
      `<text x="${x0 + L.width / 2}" y="${L.top + L.height / 2}" text-anchor="middle" fill="#888">no data yet</text>`,
    );
  } else {
    let [xlo, xhi] = [Math.min(...allX), Math.max(...allX)];
    if (xlo === xhi) [xlo, xhi] = [xlo - 1, xhi + 1];
    const px = (x: number): number => x0 + ((x - xlo) / (xhi - xlo)) * L.width;
    const py = (y: number): number => y0 - (((logy ? Math.log10(y) : y) - axis.lo) / (axis.hi - axis.lo)) * L.height;
    const xticks = nice_ticks(xlo, xhi, Math.max(2, Math.floor(L.width / 90))).filter((v) => v >= xlo && v <= xhi);
    const xstep = xticks.length > 1 ? xticks[1] - xticks[0] : Math.abs(xhi - xlo) || 1;
    out.push(`<g stroke="#e6e6e6" stroke-width="1">`);
    for (const v of xticks) out.push(`<line x1="${px(v).toFixed(1)}" y1="${L.top}" x2="${px(v).toFixed(1)}" y2="${y0}"/>`);
    for (const v of axis.ticks) out.push(`<line x1="${x0}" y1="${py(v).toFixed(1)}" x2="${x0 + L.width}" y2="${py(v).toFixed(1)}"/>`);
    out.push(`</g>`);
    out.push(`<g fill="#444">`);
    for (const v of xticks) {
      out.push(`<line x1="${px(v).toFixed(1)}" y1="${y0}" x2="${px(v).toFixed(1)}" y2="${y0 + 5}" stroke="#888"/>`);
      out.push(`<text x="${px(v).toFixed(1)}" y="${y0 + 17}" text-anchor="middle">${escapeXml(format_tick(v, xstep))}</text>`);
    }
    for (const v of axis.ticks) {
      out.push(`<line x1="${x0 - 5}" y1="${py(v).toFixed(1)}" x2="${x0}" y2="${py(v).toFixed(1)}" stroke="#888"/>`);
      out.push(`<text x="${x0 - 8}" y="${(py(v) + 4).toFixed(1)}" text-anchor="end">${escapeXml(axis.label(v))}</text>`);
    }
    out.push(`</g>`);
    out.push(`<g stroke="#888" stroke-width="1"><line x1="${x0}" y1="${y0}" x2="${x0 + L.width}" y2="${y0}"/><line x1="${x0}" y1="${L.top}" x2="${x0}" y2="${y0}"/></g>`);
    data.forEach((d, i) => {
      if (d.x.length === 0) return;
      const [xs, ys] = decimate(d.x, d.y, px, Math.max(4 * L.width, 1000));
      const points = xs.map((x, k) => `${px(x).toFixed(1)},${py(ys[k]).toFixed(1)}`).join(" ");
      out.push(`<polyline data-series="${escapeXml(series[i].name)}" fill="none" stroke="${colorOf(i)}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" points="${points}"/>`);
      if (d.x.length <= MARKER_LIMIT) {
        out.push(`<g fill="${colorOf(i)}">${d.x.map((x, k) => `<circle cx="${px(x).toFixed(1)}" cy="${py(d.y[k]).toFixed(1)}" r="2.5"/>`).join("")}</g>`);
      }
    });
  }
  if (series.length > 1) {
    const lx = L.W - L.legendWidth - 4;
    series.forEach((s, i) => {
      const ly = L.top + 8 + i * 18;
      out.push(
        `<line x1="${lx}" y1="${ly}" x2="${lx + 18}" y2="${ly}" stroke="${colorOf(i)}" stroke-width="3"/>`,
        `<text x="${lx + 24}" y="${ly + 4}" font-size="12" fill="#222">${escapeXml(s.name)}</text>`,
      );
    });
  }
  out.push(`</svg>`);
  return out.join("\n");
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

function panelsSvg(series: Series[], options: ChartOptions): string {
  const groups = group_panels(series, options.panels ?? {});
  const W = options.width ?? Math.min(1200, 440 * groups.length);
  const H = options.height ?? 340;
  const top = options.title !== undefined ? 30 : 0;
  const w = Math.floor(W / groups.length);
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}">`, `<rect width="${W}" height="${H}" fill="#ffffff"/>`];
  if (options.title !== undefined) out.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold" fill="#222">${escapeXml(options.title)}</text>`);
  groups.forEach((g, k) => {
    const inner = renderSvg(g.series, { ...options, title: undefined, panels: undefined, ylabel: g.title, width: w, height: H - top }, (i) => color(g.indices[i]));
    // A nested <svg> is its own viewport: each panel keeps the coordinates it was drawn in.
    out.push(inner.replace(/^<svg /, `<svg x="${k * w}" y="${top}" `));
  });
  out.push("</svg>");
  return out.join("\n");
}

/** Side-by-side panels as vega-lite: an hconcat of one line chart per panel, colours shared. */
export interface VegaLiteConcatSpec {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json";
  title?: string;
  hconcat: Omit<VegaLiteSpec, "$schema" | "config">[];
  config: { font: string };
}

/** The vega-lite spec of the chart: one line chart, or an hconcat of panels when `panels` is given. */
export function chart_spec(series: Series[], options: ChartOptions = {}): VegaLiteSpec | VegaLiteConcatSpec {
  checkSeries(series);
  if (options.panels === undefined) return line_spec(series, options);
  const groups = group_panels(series, options.panels);
  const W = options.width ?? Math.min(1200, 440 * groups.length);
  const H = options.height ?? 340;
  const hconcat = groups.map((g) => {
    const { $schema: _schema, config: _config, ...unit } = line_spec(g.series, { ...options, title: undefined, panels: undefined, ylabel: g.title, width: Math.floor(W / groups.length), height: H });
    void _schema;
    void _config;
    unit.encoding.color.scale = { domain: series.map((s) => s.name), range: series.map((_, i) => color(i)) };
    return unit;
  });
  const spec: VegaLiteConcatSpec = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", hconcat, config: { font: FONT } };
  if (options.title !== undefined) spec.title = options.title;
  return spec;
}

// ------------------------------------------------------------------ text

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

/** The MIME bundle of a line chart: vega-lite v5, SVG and text. */
export function line_bundle(series: Series[], options: ChartOptions = {}): MimeBundle {
  return {
    "application/vnd.vegalite.v5+json": chart_spec(series, options),
    "image/svg+xml": line_svg(series, options),
    "text/plain": line_text(series, options),
  };
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
