/**
 * Every chart torchlab shows is a vega-lite v5 spec; this file turns one into the static pictures
 * (SVG, PNG) with the real vega-lite compiler and vega's headless SVG renderer, so the picture in
 * a static view (nbconvert HTML, GitHub, the classic Notebook) is the chart JupyterLab and VS Code
 * draw from the same spec.
 *
 * vega and vega-lite are required on the first chart, not when `display` is imported: the kernel
 * starts without paying for them.
 *
 * Rendering is synchronous for specs with inline data (all of the library's): `view.run()` finishes
 * the dataflow within the call when nothing is loading, and vega's string renderer draws the scene
 * graph without waiting. `display.plot(...)` can therefore return with its output already sent, in
 * order with the prints around it. A user spec that loads data from a URL goes the asynchronous way.
 */
import { ValueError } from "../errors";
import type { MimeBundle } from "./emitter";

/** The vega-lite MIME type JupyterLab 4, VS Code and nbconvert know. */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";
export const VEGALITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** A vega-lite v5 specification (see https://vega.github.io/vega-lite/docs/spec.html). */
export interface VegaLiteSpec {
  $schema?: string;
  [key: string]: unknown;
}

/** What vega drew from a spec. */
export interface RenderedChart {
  /** The SVG vega's headless renderer wrote. */
  svg: string;
  /** Size of the drawing in pixels. */
  width: number;
  height: number;
  /** Warnings of vega-lite's compiler and of vega's dataflow (empty for a sound spec). */
  warnings: string[];
  /** The domain of each named scale after the dataflow ran. */
  scales: Record<string, unknown[]>;
}

// ------------------------------------------------------------------ the libraries, loaded on first use

/** The parts of vega's API used here (the package's own typings would weigh on every compile). */
interface Logger {
  level(n?: number): Logger | number;
  warn(...args: unknown[]): Logger;
  info(...args: unknown[]): Logger;
  debug(...args: unknown[]): Logger;
  error(...args: unknown[]): Logger;
}
interface View {
  run(): View;
  runAsync(): Promise<View>;
  toSVG(): Promise<string>;
  padding(): { left: number; right: number; top: number; bottom: number };
  background(): string | null;
  loader(): unknown;
  scenegraph(): { root: unknown };
  getState(options: { signals?: unknown; data?: unknown; recurse?: boolean }): unknown;
  scale(name: string): { domain(): unknown[] } | undefined;
  finalize(): void;
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
  _pending: unknown;
  _runtime: { scales: Record<string, unknown> };
}
interface SvgStringRenderer {
  initialize(el: null, width: number, height: number, origin: [number, number], scaleFactor: number): SvgStringRenderer;
  background(color: string | null): SvgStringRenderer;
  render(scene: unknown): SvgStringRenderer;
  svg(): string;
}
interface VegaLib {
  version: string;
  parse(spec: unknown, config?: unknown, options?: { ast?: boolean }): unknown;
  View: new (runtime: unknown, options: { renderer: "none"; logger: Logger }) => View;
  renderModule(type: "svg"): { headless: new (loader: unknown) => SvgStringRenderer };
  textMetrics: { width: (item: Record<string, unknown>, text: unknown) => number };
  font(item: Record<string, unknown>): string;
}
interface VegaLiteLib {
  version: string;
  compile(spec: unknown, options?: { logger?: Logger }): { spec: unknown };
}

let libs: { vega: VegaLib; vl: VegaLiteLib } | null = null;

/** vega and vega-lite, required on first use, with vega's text measured by the canvas that draws the PNG. */
function load(): { vega: VegaLib; vl: VegaLiteLib } {
  if (libs !== null) return libs;
  /* eslint-disable @typescript-eslint/no-var-requires */
  const vega = require("vega") as VegaLib;
  const vl = require("vega-lite") as VegaLiteLib;
  /* eslint-enable @typescript-eslint/no-var-requires */
  // Without the `canvas` package vega guesses text widths (0.8 em a letter), which puts axis titles
  // and legends where a browser would not. The project's canvas measures as a browser does.
  const ctx = canvasLib().createCanvas(1, 1).getContext("2d");
  const cache = new Map<string, number>();
  vega.textMetrics.width = (item, text) => {
    const s = text === undefined || text === null ? "" : Array.isArray(text) ? text.join(" ") : String(text);
    if (s === "" || !(Number(item.fontSize ?? 11) > 0)) return 0;
    const font = vega.font(item);
    const key = `${font}\u0000${s}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(s).width;
      if (cache.size > 20000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
  libs = { vega, vl };
  return libs;
}

type CanvasLib = typeof import("@napi-rs/canvas");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const canvasLib = (): CanvasLib => require("@napi-rs/canvas") as CanvasLib;

/** Versions of the libraries that draw the charts (loads them). */
export function vega_versions(): { vega: string; "vega-lite": string } {
  const { vega, vl } = load();
  return { vega: vega.version, "vega-lite": vl.version };
}

// ------------------------------------------------------------------ rendering

function collectingLogger(warnings: string[]): Logger {
  const text = (args: unknown[]): string => args.map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a))).join(" ");
  const logger: Logger = {
    level: (n?: number) => (n === undefined ? 2 : logger),
    warn: (...args) => (warnings.push(text(args)), logger),
    info: () => logger,
    debug: () => logger,
    error: (...args) => (warnings.push(`error: ${text(args)}`), logger),
  };
  return logger;
}

function checkSpec(op: string, spec: unknown): asserts spec is VegaLiteSpec {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) throw new ValueError(`${op}: expected a vega-lite spec object, got ${Array.isArray(spec) ? "an array" : spec === null ? "null" : typeof spec}`);
  const schema = (spec as VegaLiteSpec).$schema;
  if (schema !== undefined && !/\/vega-lite\/v5(\.\d+)*(\.\d+)?\.json$/.test(String(schema))) {
    throw new ValueError(`${op}: this front end speaks vega-lite v5; the spec's $schema is '${String(schema)}'`);
  }
}

/** The vega view of a vega-lite spec, with its warnings collected. */
function viewOf(op: string, spec: VegaLiteSpec, warnings: string[]): View {
  const { vega, vl } = load();
  const logger = collectingLogger(warnings);
  let compiled: unknown;
  try {
    // vega tags every data row it ingests (a symbol key); the caller's spec, which goes to the front
    // end as it is, must not be touched, so vega gets a copy.
    compiled = vl.compile(JSON.parse(JSON.stringify(spec)), { logger }).spec;
  } catch (e) {
    throw new ValueError(`${op}: vega-lite could not compile the spec: ${(e as Error).message}`);
  }
  return new vega.View(vega.parse(compiled), { renderer: "none", logger });
}

function scaleDomains(view: View): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(view._runtime.scales)) {
    const s = view.scale(name);
    if (s !== undefined) out[name] = s.domain();
  }
  return out;
}

/** The scene graph drawn as SVG, as `view.toSVG()` draws it, without waiting for a promise. */
function drawSvg(view: View): { svg: string; width: number; height: number } {
  const { vega } = load();
  const p = view.padding();
  // The same size and origin as vega-view's renderHeadless gives its renderer.
  const width = Math.max(0, view._viewWidth + p.left + p.right);
  const height = Math.max(0, view._viewHeight + p.top + p.bottom);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new ValueError("vega: the view has no finite size");
  const Renderer = vega.renderModule("svg").headless;
  const r = new Renderer(view.loader()).initialize(null, width, height, [p.left + view._origin[0], p.top + view._origin[1]], 1).background(view.background());
  r.render(view.scenegraph().root);
  return { svg: r.svg(), width, height };
}

/**
 * Compiles a vega-lite spec and draws it with vega, synchronously. Throws when the spec needs to
 * load data first (see {@link render_vegalite_async}).
 */
export function render_vegalite(spec: VegaLiteSpec, op = "display.vegalite()"): RenderedChart {
  checkSpec(op, spec);
  const warnings: string[] = [];
  const view = viewOf(op, spec, warnings);
  try {
    if (view._pending) throw new ValueError(`${op}: the spec loads data, so it can only be drawn asynchronously`);
    view.run();
    const drawn = drawSvg(view);
    return { ...drawn, warnings, scales: scaleDomains(view) };
  } finally {
    view.finalize();
  }
}

/** Like {@link render_vegalite}, for any spec, including one whose data comes from a URL. */
export async function render_vegalite_async(spec: VegaLiteSpec, op = "display.vegalite()"): Promise<RenderedChart> {
  checkSpec(op, spec);
  const warnings: string[] = [];
  const view = viewOf(op, spec, warnings);
  try {
    await view.runAsync();
    const drawn = drawSvg(view);
    return { ...drawn, warnings, scales: scaleDomains(view) };
  } finally {
    view.finalize();
  }
}

/** Whether vega must load data (a URL) before it can draw the spec. */
export function needs_loading(spec: VegaLiteSpec): boolean {
  let found = false;
  const walk = (v: unknown): void => {
    if (found || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach(walk);
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (k === "url" && typeof child === "string") found = true;
      else if (k !== "values") walk(child);
    }
  };
  walk(spec);
  return found;
}

/** PNG bytes of an SVG, rasterised by the project's canvas (Skia + resvg). */
export function svg_to_png(svg: string, scale = 1): Buffer {
  const lib = canvasLib();
  const picture = new lib.Image();
  picture.src = Buffer.from(svg);
  const canvas = lib.createCanvas(Math.max(1, Math.ceil(picture.width * scale)), Math.max(1, Math.ceil(picture.height * scale)));
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(picture, 0, 0, canvas.width, canvas.height);
  return canvas.encodeSync("png");
}

function bundleOf(spec: VegaLiteSpec, drawn: RenderedChart, text: string, png: boolean): MimeBundle {
  const bundle: MimeBundle = { [VEGALITE_MIME]: spec, "image/svg+xml": drawn.svg };
  if (png) bundle["image/png"] = svg_to_png(drawn.svg).toString("base64");
  bundle["text/plain"] = text;
  return bundle;
}

/**
 * One chart as one MIME bundle: the vega-lite spec (interactive in JupyterLab and VS Code), the SVG
 * and PNG vega draws from it (static views), and `text` for terminals. `png: false` leaves the PNG
 * out (a live plot's passing frames, which no static view keeps).
 */
export function chart_bundle(spec: VegaLiteSpec, text: string, op = "display.vegalite()", png = true): MimeBundle {
  return bundleOf(spec, render_vegalite(spec, op), text, png);
}

/** {@link chart_bundle} for a spec whose data vega loads first. */
export async function chart_bundle_async(spec: VegaLiteSpec, text: string, op = "display.vegalite()"): Promise<MimeBundle> {
  return bundleOf(spec, await render_vegalite_async(spec, op), text, true);
}

/** The text/plain of a user's spec: its mark(s) and size of inline data. */
export function spec_text(spec: VegaLiteSpec): string {
  const marks = new Set<string>();
  let rows = 0;
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    if (typeof o.mark === "string") marks.add(o.mark);
    else if (o.mark !== null && typeof o.mark === "object" && typeof (o.mark as { type?: unknown }).type === "string") marks.add((o.mark as { type: string }).type);
    for (const [k, child] of Object.entries(o)) {
      if (k === "values" && Array.isArray(child)) rows += child.length;
      else walk(child);
    }
  };
  walk(spec);
  const title = typeof spec.title === "string" ? ` '${spec.title}'` : "";
  return `<vega-lite chart${title}: ${marks.size ? [...marks].join(", ") : "no"} mark${marks.size === 1 ? "" : "s"}, ${rows} inline data rows>`;
}
