/**
 * matplotlib's default look (rcParams of matplotlib 3.6) in SVG pixels at the inline backend's
 * 100 dpi: sizes given in points there are `pt(...)` here.
 */
import { KeyError, OSError, TypeError, ValueError } from "../errors";
import { IPYTHON_REPR, PY_REPR } from "../pyrepr";
import { ALL_DEFAULTS, DEFAULTS, STYLE_LIBRARY } from "./styles";

export const DPI = 100;
/** Points to pixels at 100 dpi. */
export const pt = (points: number): number => (points * DPI) / 72;

/** The tab10 colour cycle (`axes.prop_cycle`). */
export const TAB10 = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
const TAB_NAMES = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"];

/** matplotlib's one-letter colours (`'r'` is pure red, `'g'` half green). */
const BASE_COLORS: Record<string, string> = {
  b: "#0000ff", g: "#008000", r: "#ff0000", c: "#00bfbf", m: "#bf00bf", y: "#bfbf00", k: "#000000", w: "#ffffff",
};

/** CSS4 colour names matplotlib knows (a subset a notebook uses), as the hex colours matplotlib draws. */
const CSS_NAMES: Record<string, string> = {
  black: "#000000", white: "#ffffff", red: "#ff0000", green: "#008000", blue: "#0000ff", orange: "#ffa500", purple: "#800080",
  brown: "#a52a2a", pink: "#ffc0cb", gray: "#808080", grey: "#808080", olive: "#808000", cyan: "#00ffff", magenta: "#ff00ff",
  yellow: "#ffff00", navy: "#000080", teal: "#008080", maroon: "#800000", lime: "#00ff00", gold: "#ffd700", silver: "#c0c0c0",
  darkblue: "#00008b", darkred: "#8b0000", darkgreen: "#006400", darkorange: "#ff8c00", lightblue: "#add8e6",
  lightgreen: "#90ee90", lightgray: "#d3d3d3", lightgrey: "#d3d3d3", darkgray: "#a9a9a9", darkgrey: "#a9a9a9",
  crimson: "#dc143c", salmon: "#fa8072", coral: "#ff7f50", tomato: "#ff6347", violet: "#ee82ee", indigo: "#4b0082",
  skyblue: "#87ceeb", steelblue: "#4682b4", royalblue: "#4169e1", forestgreen: "#228b22", seagreen: "#2e8b57",
  turquoise: "#40e0d0", orchid: "#da70d6", tan: "#d2b48c", khaki: "#f0e68c", beige: "#f5f5dc", chocolate: "#d2691e",
};

/** A matplotlib colour spec as an SVG colour: 'C0'..'C9', 'tab:blue', 'r', 'red', '#1f77b4', a gray level '0.5', an RGB(A) list. */
export function toColor(spec: unknown): string {
  if (Array.isArray(spec) && (spec.length === 3 || spec.length === 4) && spec.every((v) => typeof v === "number" && v >= 0 && v <= 1)) {
    return "#" + spec.slice(0, 3).map((v) => Math.round(v * 255).toString(16).padStart(2, "0")).join("");
  }
  if (typeof spec === "string") {
    const s = spec.toLowerCase();
    // 'CN' is the Nth colour of the cycle rcParams hold now (a style's, after plt.style.use).
    if (/^c\d$/.test(s)) {
      const cycle = (current["axes.prop_cycle"] as Cycler | undefined)?.colors ?? TAB10;
      return toColor(cycle[Number(s[1]) % cycle.length]);
    }
    if (s.startsWith("tab:") && TAB_NAMES.includes(s.slice(4))) return TAB10[TAB_NAMES.indexOf(s.slice(4))];
    if (s in BASE_COLORS) return BASE_COLORS[s];
    if (s in CSS_NAMES) return CSS_NAMES[s];
    if (/^#([0-9a-f]{6}|[0-9a-f]{8})$/.test(s)) return s.slice(0, 7);
    if (/^(0?\.\d+|0(\.\d*)?|1(\.0*)?)$/.test(s)) {
      const v = Math.round(Number(s) * 255).toString(16).padStart(2, "0");
      return `#${v}${v}${v}`;
    }
  }
  throw new ValueError(`${typeof spec === "string" ? `'${spec}'` : String(spec)} is not a valid value for color`);
}

export type LineStyle = "-" | "--" | "-." | ":" | "None";
export type Marker = "o" | "." | "," | "x" | "+" | "s" | "^" | "v" | "*" | "D" | "_" | "|" | "None";

/** The SVG dash pattern of a line style at a line width (matplotlib scales dashes by the width). */
export function dashArray(style: LineStyle, width: number): string | null {
  const scale = width / pt(1);
  const pattern: Record<string, number[]> = { "--": [3.7, 1.6], "-.": [6.4, 1.6, 1, 1.6], ":": [1, 1.65] };
  const p = pattern[style];
  return p === undefined ? null : p.map((v) => (pt(v) * scale).toFixed(2)).join(",");
}

/** A plot format string ('r--', 'o', 'b.-', 'k:') split as matplotlib's `_process_plot_format` does. */
export function parseFormat(fmt: string): { color?: string; linestyle?: LineStyle; marker?: Marker } {
  const out: { color?: string; linestyle?: LineStyle; marker?: Marker } = {};
  let rest = fmt;
  const cn = /^C\d|C\d/.exec(rest);
  if (cn !== null) {
    out.color = toColor(cn[0]);
    rest = rest.replace(cn[0], "");
  }
  for (const ls of ["--", "-.", "-", ":"] as const) {
    if (rest.includes(ls)) {
      out.linestyle = ls;
      rest = rest.replace(ls, "");
      break;
    }
  }
  for (const ch of rest) {
    if ("o.,x+s^v*D".includes(ch) && out.marker === undefined) out.marker = ch as Marker;
    else if (ch in BASE_COLORS && out.color === undefined) out.color = BASE_COLORS[ch];
    else throw new ValueError(`'${fmt}' is not a valid format string (unrecognized character '${ch}')`);
  }
  if (out.marker !== undefined && out.linestyle === undefined) out.linestyle = "None";
  return out;
}

/** An SVG path of a marker of `size` points centred at (x, y); filled markers fill, '+' and 'x' stroke. */
export function markerPath(marker: Marker, x: number, y: number, size: number): { d: string; filled: boolean } {
  const r = pt(size) / 2;
  const f = (v: number) => v.toFixed(2);
  switch (marker) {
    case "o":
    case ".":
    case ",": {
      const rr = marker === "." ? r / 2 : marker === "," ? 0.5 : r;
      return { d: `M${f(x - rr)},${f(y)}a${f(rr)},${f(rr)} 0 1,0 ${f(2 * rr)},0a${f(rr)},${f(rr)} 0 1,0 ${f(-2 * rr)},0Z`, filled: true };
    }
    case "s":
      return { d: `M${f(x - r)},${f(y - r)}h${f(2 * r)}v${f(2 * r)}h${f(-2 * r)}Z`, filled: true };
    case "D":
      return { d: `M${f(x)},${f(y - r)}L${f(x + r)},${f(y)}L${f(x)},${f(y + r)}L${f(x - r)},${f(y)}Z`, filled: true };
    case "^":
      return { d: `M${f(x)},${f(y - r)}L${f(x + r)},${f(y + r)}L${f(x - r)},${f(y + r)}Z`, filled: true };
    case "v":
      return { d: `M${f(x)},${f(y + r)}L${f(x + r)},${f(y - r)}L${f(x - r)},${f(y - r)}Z`, filled: true };
    case "*": {
      const pts: string[] = [];
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        const rad = k % 2 === 0 ? r : r * 0.38;
        pts.push(`${f(x + rad * Math.cos(a))},${f(y + rad * Math.sin(a))}`);
      }
      return { d: `M${pts.join("L")}Z`, filled: true };
    }
    case "+":
      return { d: `M${f(x - r)},${f(y)}h${f(2 * r)}M${f(x)},${f(y - r)}v${f(2 * r)}`, filled: false };
    case "_":
      return { d: `M${f(x - r)},${f(y)}h${f(2 * r)}`, filled: false };
    case "|":
      return { d: `M${f(x)},${f(y - r)}v${f(2 * r)}`, filled: false };
    case "x":
      return { d: `M${f(x - r)},${f(y - r)}l${f(2 * r)},${f(2 * r)}M${f(x - r)},${f(y + r)}l${f(2 * r)},${f(-2 * r)}`, filled: false };
    default:
      return { d: "", filled: false };
  }
}

/** DejaVu Sans' advance widths (em) of the lower-case letters. */
const LOWER_WIDTHS = [0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525];

/** DejaVu Sans advance widths (em) of the characters tick labels and legends use; others get an average. */
export function textWidth(text: string, sizePx: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[0-9]/.test(ch)) em += 0.636;
    else if (/[a-z]/.test(ch)) em += LOWER_WIDTHS[ch.charCodeAt(0) - 97];
    else if (ch === "." || ch === "," || ch === " " || ch === ":") em += 0.318;
    else if (ch === "\u2212" || ch === "+" || ch === "=" || ch === "\u00b1") em += 0.838;
    else if (ch === "-") em += 0.361;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else em += 0.6;
  }
  return em * sizePx;
}

/** XML-escaped text for SVG. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// ------------------------------------------------------------------ rcParams and styles

/** `plt.rcParams['axes.prop_cycle']`: the colours new lines, bars and points take in turn. */
export class Cycler {
  constructor(readonly colors: readonly string[]) {}
  /** `cycler.by_key()['color']`: the colour list (a common way to read the default colours). */
  by_key(): { color: string[] } {
    return { color: [...this.colors] };
  }
  [PY_REPR](): string {
    return `cycler('color', [${this.colors.map((c) => `'${c}'`).join(", ")}])`;
  }
  [IPYTHON_REPR](): string {
    return this[PY_REPR]();
  }
}

/** `plt.cycler(color=[...])` or `plt.cycler('color', [...])`: a colour cycle for `axes.prop_cycle`. */
export function cycler(label: string | { color?: unknown[] }, values?: unknown[]): Cycler {
  const [key, list] = typeof label === "string" ? [label, values] : ["color", label.color];
  if (key !== "color" && key !== "c") throw new ValueError(`torchlab's cycler cycles colours only ('color'), not '${key}'`);
  if (!Array.isArray(list)) throw new TypeError("cycler's colours must be a list");
  return new Cycler(list.map((c) => (typeof c === "string" ? c : toColor(c))));
}

/** What matplotlib's font size names mean, as factors of `font.size`. */
const FONT_SCALE: Record<string, number> = {
  "xx-small": 0.579, "x-small": 0.694, small: 0.833, medium: 1, large: 1.2, "x-large": 1.44, "xx-large": 1.728, larger: 1.2, smaller: 0.833,
};

/** Keys a notebook may set whose value is a number (strings of digits are read as matplotlib reads them). */
const NUMBERS = new Set(Object.entries(DEFAULTS).filter(([, v]) => typeof v === "number").map(([k]) => k));
const SIZES = new Set(["axes.titlesize", "axes.labelsize", "xtick.labelsize", "ytick.labelsize", "legend.fontsize"]);
const COLORS = new Set(["axes.edgecolor", "axes.facecolor", "axes.labelcolor", "figure.facecolor", "grid.color", "text.color", "xtick.color", "ytick.color", "patch.facecolor", "patch.edgecolor"]);
const BOOLEANS = new Set(["axes.grid", "legend.frameon", "xtick.minor.visible", "ytick.minor.visible"]);

/** One rcParam's value checked as matplotlib's validators check it, in the form torchlab keeps. */
function validate(key: string, value: unknown): unknown {
  if (key === "axes.prop_cycle") {
    if (value instanceof Cycler) return value;
    if (Array.isArray(value)) return new Cycler(value.map(String));
    throw new ValueError(`Key axes.prop_cycle: '${String(value)}' is not a valid cycler construction`);
  }
  if (key === "figure.figsize") {
    if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => Number.isFinite(Number(v)))) {
      throw new ValueError(`Key figure.figsize: Expected 2 values, but there are ${Array.isArray(value) ? value.length : 1} values in ${Array.isArray(value) ? `[${value.join(", ")}]` : String(value)}`);
    }
    return value.map(Number);
  }
  if (NUMBERS.has(key) || (SIZES.has(key) && !(typeof value === "string" && value in FONT_SCALE))) {
    const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof n !== "number" || Number.isNaN(n)) throw new ValueError(`Key ${key}: Could not convert '${String(value)}' to float`);
    return n;
  }
  // A tick label's colour 'inherit's the tick's (`xtick.color`).
  if (COLORS.has(key) || ((key === "xtick.labelcolor" || key === "ytick.labelcolor") && value !== "inherit")) {
    toColor(value);
    return value;
  }
  if (BOOLEANS.has(key)) {
    if (typeof value === "boolean") return value;
    const s = String(value).toLowerCase();
    if (["t", "y", "yes", "on", "true", "1"].includes(s)) return true;
    if (["f", "n", "no", "off", "false", "0"].includes(s)) return false;
    throw new ValueError(`Key ${key}: Could not convert '${String(value)}' to bool`);
  }
  return value;
}

const current: Record<string, unknown> = {};
function restoreDefaults(): void {
  for (const [k, v] of Object.entries(ALL_DEFAULTS)) current[k] = validate(k, Array.isArray(v) ? [...v] : v);
}
restoreDefaults();

function checkKey(key: string): void {
  if (!(key in ALL_DEFAULTS)) throw new KeyError(`${key} is not a valid rc parameter (see rcParams.keys() for a list of valid parameters)`);
}

/** The rcParams torchlab draws, typed; every other of matplotlib's may be read and set (it changes nothing drawn). */
export interface RcParams {
  "axes.prop_cycle": Cycler;
  "figure.figsize": number[];
  "figure.dpi": number;
  "font.size": number;
  "lines.linewidth": number;
  "lines.markersize": number;
  "axes.grid": boolean;
  [key: string]: unknown;
  /** `rcParams.update({...})`: sets each key. */
  update(params: Record<string, unknown>): void;
  keys(): string[];
}

/**
 * `plt.rcParams`: matplotlib's defaults, read when a figure, an Axes or a line is made (as matplotlib
 * reads them), so that `plt.rcParams['figure.figsize'] = [10, 5]` sizes the next figures. A key
 * matplotlib does not have is its KeyError; a value its validator refuses its ValueError.
 */
export const rcParams: RcParams = new Proxy(current as RcParams, {
  get(target, key) {
    if (key === "update") return (params: Record<string, unknown>) => Object.entries(params).forEach(([k, v]) => setParam(k, v));
    if (key === "keys") return () => Object.keys(ALL_DEFAULTS);
    if (typeof key === "symbol") return undefined;
    checkKey(key);
    return target[key];
  },
  set(_target, key, value) {
    setParam(String(key), value);
    return true;
  },
  has: (_target, key) => typeof key === "string" && key in ALL_DEFAULTS,
  ownKeys: () => Object.keys(ALL_DEFAULTS),
  getOwnPropertyDescriptor: (_target, key) => (typeof key === "string" && key in ALL_DEFAULTS ? { value: current[key], enumerable: true, configurable: true, writable: true } : undefined),
});

function setParam(key: string, value: unknown): void {
  checkKey(key);
  current[key] = validate(key, value);
}

/** A copy of the rcParams torchlab draws, as a figure or an Axes keeps them when it is made. */
export type Rc = typeof DEFAULTS extends infer D ? { -readonly [K in keyof D]: unknown } : never;
export function rcSnapshot(): Rc {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(DEFAULTS)) out[k] = current[k];
  return out as Rc;
}

/** A font size rcParam in points: a number, or a name ('large') scaled by the snapshot's `font.size`. */
export function fontSize(rc: Rc, key: keyof Rc): number {
  const v = rc[key];
  return typeof v === "number" ? v : FONT_SCALE[String(v)] * Number(rc["font.size"]);
}

/** The colours of the snapshot's `axes.prop_cycle`, as SVG colours. */
export function cycleColors(rc: Rc): string[] {
  return (rc["axes.prop_cycle"] as Cycler).colors.map(toColor);
}

/** `plt.rc('lines', linewidth=2)`, `plt.rc('font', size=14)`: sets `group.name` for each keyword (matplotlib's aliases lw, ls, c, fc, ec, ms too). */
export function rc(group: string | string[], params: Record<string, unknown> = {}): void {
  const aliases: Record<string, string> = { lw: "linewidth", ls: "linestyle", c: "color", fc: "facecolor", ec: "edgecolor", mew: "markeredgewidth", aa: "antialiased", ms: "markersize" };
  for (const g of Array.isArray(group) ? group : [group]) {
    for (const [name, value] of Object.entries(params)) {
      const key = `${g}.${aliases[name] ?? name}`;
      if (!(key in ALL_DEFAULTS)) throw new KeyError(`Unrecognized key "${key}" for group "${g}" and name "${name}"`);
      setParam(key, value);
    }
  }
}

/** `plt.rcdefaults()`: matplotlib's defaults back. */
export function rcdefaults(): void {
  restoreDefaults();
}

const DEPRECATED_SEABORN = "The seaborn styles shipped by Matplotlib are deprecated since 3.6, as they no longer correspond to the styles shipped by seaborn. However, they will remain available as 'seaborn-v0_8-<style>'. Alternatively, directly use the seaborn API instead.";

/** A style name as matplotlib 3.6 resolves it: 'seaborn' and 'seaborn-*' are the 'seaborn-v0_8' styles, with its deprecation warning. */
function resolveStyle(name: string): string {
  if (name === "seaborn" || (name.startsWith("seaborn-") && !name.startsWith("seaborn-v0_8") && `seaborn-v0_8-${name.slice(8)}` in STYLE_LIBRARY)) {
    process.stderr.write(`MatplotlibDeprecationWarning: ${DEPRECATED_SEABORN}\n`);
    return name === "seaborn" ? "seaborn-v0_8" : `seaborn-v0_8-${name.slice(8)}`;
  }
  return name;
}

/** `plt.style.use(...)`'s work: 'default' restores the defaults, a style of the library sets its rcParams, a dict sets its keys. */
export function useStyle(style: string | Record<string, unknown> | (string | Record<string, unknown>)[], shipped: readonly string[]): void {
  for (const s of Array.isArray(style) ? style : [style]) {
    if (typeof s !== "string") {
      rcParams.update(s);
      continue;
    }
    const name = resolveStyle(s);
    if (name === "default") restoreDefaults();
    else if (name in STYLE_LIBRARY) rcParams.update(STYLE_LIBRARY[name]);
    else if (shipped.includes(name)) throw new ValueError(`style '${name}' is not drawn by torchlab: it draws ${["default", ...Object.keys(STYLE_LIBRARY)].map((n) => `'${n}'`).join(", ")}`);
    else throw new OSError(`'${name}' not found in the style library and input is not a valid URL or path; see \`style.available\` for list of available styles`);
  }
}

/** Runs `fn` with the rcParams a style sets, then restores the ones before (`with plt.style.context('ggplot'):`). */
export function styleContext<T>(style: Parameters<typeof useStyle>[0], shipped: readonly string[], fn: () => T): T {
  const saved = { ...current };
  try {
    useStyle(style, shipped);
    return fn();
  } finally {
    Object.assign(current, saved);
  }
}
