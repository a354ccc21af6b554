/**
 * matplotlib's default look (rcParams of matplotlib 3.6) in SVG pixels at the inline backend's
 * 100 dpi: sizes given in points there are `pt(...)` here.
 */
import { ValueError } from "../errors";

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

/** CSS's named colours that matplotlib's X11/CSS4 table spells the same (a subset a notebook uses). */
const CSS_NAMES = new Set([
  "black", "white", "red", "green", "blue", "orange", "purple", "brown", "pink", "gray", "grey", "olive", "cyan", "magenta",
  "yellow", "navy", "teal", "maroon", "lime", "gold", "silver", "darkblue", "darkred", "darkgreen", "darkorange", "lightblue",
  "lightgreen", "lightgray", "lightgrey", "darkgray", "darkgrey", "crimson", "salmon", "coral", "tomato", "violet", "indigo",
  "skyblue", "steelblue", "royalblue", "forestgreen", "seagreen", "turquoise", "orchid", "tan", "khaki", "beige", "chocolate",
]);

/** A matplotlib colour spec as an SVG colour: 'C0'..'C9', 'tab:blue', 'r', 'red', '#1f77b4', a gray level '0.5', an RGB(A) list. */
export function toColor(spec: unknown): string {
  if (Array.isArray(spec) && (spec.length === 3 || spec.length === 4) && spec.every((v) => typeof v === "number" && v >= 0 && v <= 1)) {
    return "#" + spec.slice(0, 3).map((v) => Math.round(v * 255).toString(16).padStart(2, "0")).join("");
  }
  if (typeof spec === "string") {
    const s = spec.toLowerCase();
    if (/^c\d$/.test(s)) return TAB10[Number(s[1]) % TAB10.length];
    if (s.startsWith("tab:") && TAB_NAMES.includes(s.slice(4))) return TAB10[TAB_NAMES.indexOf(s.slice(4))];
    if (s in BASE_COLORS) return BASE_COLORS[s];
    if (CSS_NAMES.has(s)) return s;
    if (/^#([0-9a-f]{6}|[0-9a-f]{8})$/.test(s)) return s.slice(0, 7);
    if (/^(0(\.\d*)?|1(\.0*)?)$/.test(s)) {
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

/** DejaVu Sans advance widths (em) of the characters tick labels use; others get an average. */
export function textWidth(text: string, sizePx: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[0-9]/.test(ch)) em += 0.636;
    else if (ch === "." || ch === "," || ch === " " || ch === ":" || ch === "i" || ch === "l") em += 0.318;
    else if (ch === "\u2212" || ch === "+" || ch === "=") em += 0.838;
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
