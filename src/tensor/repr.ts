/**
 * PyTorch's tensor printing (torch/_tensor_str.py): 4 decimals, integer mode ('1.'), scientific mode
 * when values span more than 1000x or leave [1e-4, 1e8], elements padded to one width, wrapped at
 * 80 columns, and summarised with '...' past 1000 elements (3 edge items per dimension).
 */
import { parseArgs } from "./args";
import { TypeError, ValueError } from "../errors";

export const PRINT_OPTS = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sci_mode: null as boolean | null };

export interface PrintOptions {
  precision?: number | null;
  threshold?: number | null;
  edgeitems?: number | null;
  linewidth?: number | null;
  profile?: "default" | "short" | "full" | null;
  sci_mode?: boolean | null;
}

/**
 * PyTorch's torch.set_printoptions: a profile first ('default', 'short', 'full'), then the given
 * fields; `sci_mode` is always set (omitting it goes back to automatic), as in PyTorch.
 *
 * @example
 * torch.set_printoptions({precision: 2});
 * torch.set_printoptions({profile: "default"});
 */
export function set_printoptions(...args: (number | string | boolean | null | PrintOptions | undefined)[]): void {
  const o = parseArgs("set_printoptions", args, ["precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"]) as PrintOptions;
  if (o.profile !== undefined && o.profile !== null) {
    const profiles = {
      default: { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 },
      short: { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 },
      full: { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 },
    };
    const p = profiles[o.profile];
    if (p === undefined) throw new ValueError(`set_printoptions(): profile must be 'default', 'short' or 'full', got '${String(o.profile)}'`);
    Object.assign(PRINT_OPTS, p);
  }
  for (const k of ["precision", "threshold", "edgeitems", "linewidth"] as const) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== "number" || !(v >= 0)) throw new TypeError(`set_printoptions(): ${k} must be a non-negative number, got ${String(v)}`);
    PRINT_OPTS[k] = v;
  }
  PRINT_OPTS.sci_mode = o.sci_mode ?? null;
}

type Values = ArrayLike<number>;

/**
 * JS's toFixed / toExponential round an exact tie away from zero; Python's format rounds it to the
 * even digit (`'{:.4f}'.format(1.65625)` is '1.6562'). `fmt(d)` formats with d digits; an exact tie
 * shows as a 5 followed by zeros when formatted with 30 more digits.
 */
function halfEven(fmt: (digits: number) => string, precision: number): string {
  const s = fmt(precision);
  if (precision + 31 > 100 || Number(s.split("e")[0].slice(-1)) % 2 === 0) return s;
  const long = fmt(precision + 31);
  const mant = long.split("e")[0];
  if (!mant.endsWith("5" + "0".repeat(30))) return s;
  // Rounded up to an odd digit (so with no carry into the exponent): the even neighbour below is the truncation.
  const cut = mant.slice(0, mant.length - 31).replace(/\.$/, "");
  return long.includes("e") ? `${cut}e${long.split("e")[1]}` : cut;
}

/** Python's '{:.Ne}' (two-digit exponent at least). */
function sci(v: number, precision: number): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  const s = halfEven((d) => v.toExponential(d), precision);
  const [mant, exp] = s.split("e");
  const sign = exp[0] === "-" ? "-" : "+";
  const digits = exp.replace(/^[+-]/, "");
  // toExponential drops the sign of -0; Python's format keeps it ('-0.0000e+00').
  return `${Object.is(v, -0) ? "-" : ""}${mant}e${sign}${digits.length < 2 ? "0" + digits : digits}`;
}

function nonFinite(v: number): string {
  return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
}

function fixed(v: number, precision: number): string {
  if (!Number.isFinite(v)) return nonFinite(v);
  const s = halfEven((d) => v.toFixed(d), precision);
  return Object.is(v, -0) || (v < 0 && /^0(\.0*)?$/.test(s)) ? "-" + s : s;
}

class Formatter {
  intMode = true;
  sciMode = false;
  maxWidth = 1;
  constructor(private kind: "float" | "int" | "bool", values: number[]) {
    if (kind !== "float") {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, this.plain(v).length);
      return;
    }
    const nz = values.filter((v) => Number.isFinite(v) && v !== 0);
    if (nz.length === 0) return;
    const abs = nz.map(Math.abs);
    const min = Math.min(...abs);
    const max = Math.max(...abs);
    this.intMode = nz.every((v) => v === Math.ceil(v));
    const p = PRINT_OPTS.precision;
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        for (const v of nz) this.maxWidth = Math.max(this.maxWidth, sci(v, p).length);
      } else {
        for (const v of nz) this.maxWidth = Math.max(this.maxWidth, fixed(v, 0).length + 1);
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      for (const v of nz) this.maxWidth = Math.max(this.maxWidth, sci(v, p).length);
    } else {
      for (const v of nz) this.maxWidth = Math.max(this.maxWidth, fixed(v, p).length);
    }
    if (PRINT_OPTS.sci_mode !== null) this.sciMode = PRINT_OPTS.sci_mode;
  }

  private plain(v: number): string {
    return this.kind === "bool" ? (v ? "True" : "False") : String(v);
  }

  format(v: number): string {
    let s: string;
    if (this.kind !== "float") s = this.plain(v);
    else if (this.sciMode) s = sci(v, PRINT_OPTS.precision);
    else if (this.intMode) s = Number.isFinite(v) ? fixed(v, 0) + "." : nonFinite(v);
    else s = fixed(v, PRINT_OPTS.precision);
    return s.padStart(this.maxWidth, " ");
  }
}

interface View {
  values: Values;
  offset: number;
  shape: number[];
  strides: number[];
}

function sub(v: View, i: number): View {
  return { values: v.values, offset: v.offset + i * v.strides[0], shape: v.shape.slice(1), strides: v.strides.slice(1) };
}

function kept(n: number, summarize: boolean): (number | null)[] {
  const e = PRINT_OPTS.edgeitems;
  if (!summarize || n <= 2 * e) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: e }, (_, i) => i), null, ...Array.from({ length: e }, (_, i) => n - e + i)];
}

function summarized(v: View, summarize: boolean, out: number[]): void {
  if (v.shape.length === 0) {
    out.push(v.values[v.offset]);
    return;
  }
  for (const i of kept(v.shape[0], summarize)) if (i !== null) summarized(sub(v, i), summarize, out);
}

function vectorStr(v: View, indent: number, summarize: boolean, f: Formatter): string {
  const elementLength = f.maxWidth + 2;
  const perLine = Math.max(1, Math.floor((PRINT_OPTS.linewidth - indent) / elementLength));
  const data = kept(v.shape[0], summarize).map((i) => (i === null ? " ..." : f.format(v.values[v.offset + i * v.strides[0]])));
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(", "));
  return "[" + lines.join(",\n" + " ".repeat(indent + 1)) + "]";
}

function tensorStr(v: View, indent: number, summarize: boolean, f: Formatter): string {
  const dim = v.shape.length;
  if (dim === 0) return f.format(v.values[v.offset]);
  if (dim === 1) return vectorStr(v, indent, summarize, f);
  const slices = kept(v.shape[0], summarize).map((i) => (i === null ? "..." : tensorStr(sub(v, i), indent + 1, summarize, f)));
  return "[" + slices.join("," + "\n".repeat(dim - 1) + " ".repeat(indent + 1)) + "]";
}

/** Row-major (contiguous) strides of `shape`, in elements. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** The body PyTorch prints inside `tensor(...)`, for values laid out row-major with `shape`. */
export function formatValues(values: Values, shape: number[], kind: "float" | "int" | "bool", indent: number): string {
  const numel = shape.reduce((a, b) => a * b, 1);
  if (numel === 0) return "[]";
  const summarize = numel > PRINT_OPTS.threshold;
  const view: View = { values, offset: 0, shape, strides: stridesOf(shape) };
  const sample: number[] = [];
  summarized(view, summarize, sample);
  return tensorStr(view, indent, summarize, new Formatter(kind, sample));
}

/** Joins `tensor(body` with suffixes such as `grad_fn=<AddBackward0>`, wrapping as PyTorch does. */
export function addSuffixes(body: string, suffixes: string[], indent: number): string {
  const parts = [body];
  let lastLineLen = body.length - body.lastIndexOf("\n") + 1;
  for (const s of suffixes) {
    if (lastLineLen + s.length + 2 > PRINT_OPTS.linewidth) {
      parts.push(",\n" + " ".repeat(indent) + s);
      lastLineLen = indent + s.length;
    } else {
      parts.push(", " + s);
      lastLineLen += s.length + 2;
    }
  }
  parts.push(")");
  return parts.join("");
}
