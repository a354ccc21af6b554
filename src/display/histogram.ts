/**
 * Histograms as vega-lite v5 specs: of any values, and of a model's weights and gradients, one
 * small chart per parameter (weights left, gradients right), each with its own axes, since a
 * bias and a conv kernel live on different scales. The bins are counted here so that the spec
 * carries exactly the bars that are drawn.
 */
import { Tensor } from "../tensor/tensor";
import { TypeError, ValueError } from "../errors";
import type { Module } from "../nn/modules/module";
import type { MimeBundle } from "./emitter";
import { format_value } from "./format";
import { chart_bundle, VegaLiteSpec, VEGALITE_SCHEMA } from "./vega";

/** Options of display.histogram. */
export interface HistogramOptions {
  title?: string;
  /** Number of equal-width bins. Default 30. */
  bins?: number;
  /** Label of the x axis. Default "value". */
  xlabel?: string;
  /** Size of the plot area (of each small chart for display.histograms). */
  width?: number;
  height?: number;
}

/** Options of display.histograms. */
export interface ModelHistogramOptions extends HistogramOptions {
  /** "weights", "grads" or "both" (default: "both" when some parameter has a gradient, else "weights"). */
  what?: "weights" | "grads" | "both";
  /** Only parameters whose name contains one of these (e.g. ["weight"] leaves out biases). Default: all. */
  include?: readonly string[];
}

/** A bar of a histogram's spec: [start, end) holds count values of `panel`. */
export interface HistogramBin {
  panel: string;
  kind: "weight" | "grad" | "value";
  start: number;
  end: number;
  count: number;
}

const COLORS = { weight: "#4c78a8", grad: "#f58518", value: "#4c78a8" };

function valuesOf(op: string, v: Tensor | readonly number[]): Float32Array | number[] {
  if (v instanceof Tensor) {
    const d = v.dataSync();
    return d instanceof Float32Array ? d : Array.from(d, Number);
  }
  if (Array.isArray(v)) return v.map(Number);
  throw new TypeError(`${op}: expected a Tensor or a list of numbers`);
}

/** Counts finite values into `bins` equal bins over their range (a constant gets one unit-wide bin). */
export function bin_values(values: ArrayLike<number>, bins: number): { start: number; end: number; count: number }[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return [];
  if (lo === hi) {
    let n = 0;
    for (let i = 0; i < values.length; i++) if (values[i] === lo) n++;
    return [{ start: lo - 0.5, end: lo + 0.5, count: n }];
  }
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  return counts.map((count, k) => ({ start: lo + k * width, end: k === bins - 1 ? hi : lo + (k + 1) * width, count }));
}

function checkBins(op: string, bins: number): void {
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000) throw new ValueError(`${op}: bins must be an integer from 1 to 1000, got ${String(bins)}`);
}

function stats(v: ArrayLike<number>): string {
  let n = 0;
  let sum = 0;
  let sq = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) continue;
    n++;
    sum += v[i];
    sq += v[i] * v[i];
    lo = Math.min(lo, v[i]);
    hi = Math.max(hi, v[i]);
  }
  if (n === 0) return `${v.length} values, none finite`;
  const mean = sum / n;
  const std = Math.sqrt(Math.max(0, sq / n - mean * mean));
  return `${n} values, mean ${format_value(mean)}, std ${format_value(std)}, min ${format_value(lo)}, max ${format_value(hi)}${n < v.length ? ` (${v.length - n} not finite)` : ""}`;
}

function barLayer(xlabel: string, colorOf: "kind" | string): Record<string, unknown> {
  return {
    mark: { type: "bar", tooltip: true, ...(colorOf === "kind" ? {} : { color: colorOf }) },
    encoding: {
      x: { field: "start", type: "quantitative", bin: { binned: true }, title: xlabel, axis: { format: "~g", tickCount: 5 } },
      x2: { field: "end" },
      y: { field: "count", type: "quantitative", title: "count" },
      ...(colorOf === "kind" ? { color: { field: "kind", type: "nominal", title: null, legend: null, scale: { domain: ["weight", "grad"], range: [COLORS.weight, COLORS.grad] } } } : {}),
    },
  };
}

/** The spec of one histogram of `values`. */
export function histogram_spec(values: Tensor | readonly number[], o: HistogramOptions = {}): VegaLiteSpec {
  const op = "display.histogram()";
  const bins = o.bins ?? 30;
  checkBins(op, bins);
  const data: HistogramBin[] = bin_values(valuesOf(op, values), bins).map((b) => ({ panel: "", kind: "value", ...b }));
  const spec: VegaLiteSpec = { $schema: VEGALITE_SCHEMA, width: o.width ?? 480, height: o.height ?? 240, data: { values: data }, ...barLayer(o.xlabel ?? "value", COLORS.value) };
  if (data.length === 0) {
    // Nothing finite to count: fixed domains keep the empty axes finite.
    (spec.encoding as Record<string, Record<string, unknown>>).x.scale = { domain: [0, 1] };
    (spec.encoding as Record<string, Record<string, unknown>>).y.scale = { domain: [0, 1] };
  }
  if (o.title !== undefined) spec.title = o.title;
  return spec;
}

export function histogram_bundle(values: Tensor | readonly number[], o: HistogramOptions = {}): MimeBundle {
  const text = `Histogram${o.title !== undefined ? ` '${o.title}'` : ""}: ${stats(valuesOf("display.histogram()", values))}`;
  return chart_bundle(histogram_spec(values, o), text, "display.histogram()");
}

/** The panels of a model's histograms: [panel title, kind, values] in parameter order. */
function modelPanels(model: Module, o: ModelHistogramOptions): [string, "weight" | "grad", ArrayLike<number>][] {
  const op = "display.histograms()";
  if (typeof model !== "function" || typeof (model as Partial<Module>).named_parameters !== "function") throw new TypeError(`${op}: expected a torch.nn.Module`);
  const params = model.named_parameters().filter(([name]) => o.include === undefined || o.include.some((s) => name.includes(s)));
  if (params.length === 0) throw new ValueError(`${op}: the model has no parameters${o.include ? ` matching ${JSON.stringify(o.include)}` : ""}`);
  const anyGrad = params.some(([, p]) => p.grad !== null && p.grad !== undefined);
  const what = o.what ?? (anyGrad ? "both" : "weights");
  if (!["weights", "grads", "both"].includes(what)) throw new ValueError(`${op}: what must be "weights", "grads" or "both", got ${JSON.stringify(what)}`);
  if (what !== "weights" && !anyGrad) throw new ValueError(`${op}: no parameter has a gradient yet; call loss.backward() first, or ask for what: "weights"`);
  const out: [string, "weight" | "grad", ArrayLike<number>][] = [];
  for (const [name, p] of params) {
    if (what !== "grads") out.push([name, "weight", p.detach().dataSync()]);
    if (what !== "weights") {
      const g = p.grad;
      out.push([`${name}.grad`, "grad", g === null || g === undefined ? [] : g.dataSync()]);
    }
  }
  return out;
}

/** The spec of a model's histograms: a facet of small bar charts, each with its own scales. */
export function model_histograms_spec(model: Module, o: ModelHistogramOptions = {}): VegaLiteSpec {
  const bins = o.bins ?? 30;
  checkBins("display.histograms()", bins);
  const panels = modelPanels(model, o);
  const data: HistogramBin[] = [];
  for (const [panel, kind, values] of panels) {
    const b = bin_values(values, bins);
    // A gradient that is missing or all NaN still gets its cell, with one empty bar at 0.
    if (b.length === 0) data.push({ panel, kind, start: -0.5, end: 0.5, count: 0 });
    for (const x of b) data.push({ panel, kind, ...x });
  }
  const kinds = new Set(panels.map(([, k]) => k));
  const spec: VegaLiteSpec = {
    $schema: VEGALITE_SCHEMA,
    data: { values: data },
    facet: { field: "panel", type: "nominal", title: null, sort: panels.map(([p]) => p), header: { labelFontSize: 12, labelFontWeight: "bold" } },
    columns: kinds.size === 2 ? 2 : 3,
    spec: { width: o.width ?? 220, height: o.height ?? 110, ...barLayer(o.xlabel ?? "value", kinds.size === 2 ? "kind" : kinds.has("grad") ? COLORS.grad : COLORS.weight) },
    resolve: { scale: { x: "independent", y: "independent" } },
  };
  if (o.title !== undefined) spec.title = o.title;
  return spec;
}

export function model_histograms_bundle(model: Module, o: ModelHistogramOptions = {}): MimeBundle {
  const panels = modelPanels(model, o);
  const w = Math.max(...panels.map(([p]) => p.length));
  const text = [`Histograms${o.title !== undefined ? ` '${o.title}'` : ""} of ${panels.length} tensors`, ...panels.map(([p, , v]) => `  ${p.padEnd(w)}  ${stats(v)}`)].join("\n");
  return chart_bundle(model_histograms_spec(model, o), text, "display.histograms()");
}
