/**
 * One column's arithmetic, comparisons and reductions, as pandas 1.5 computes them over NumPy:
 * the result's dtype (int64 stays int64, a division or a missing value makes float64, a comparison
 * bool), missing values skipped by the reductions (nanops: a float sum is NumPy's pairwise sum of the
 * values with the missing ones as 0), and np.percentile's linear interpolation for quantiles.
 */
import { TypeError } from "../errors";
import { pairwise } from "../numpy/core";
import { isFloat } from "./dtype";
import { isMissing, Kind, Scalar } from "./format";

export interface Column {
  values: Scalar[];
  kind: Kind;
}

export const COMPARISONS = new Set(["lt", "le", "gt", "ge", "eq", "ne"]);
const SYMBOL: Record<string, string> = { add: "+", sub: "-", mul: "*", div: "/", truediv: "/", floordiv: "//", mod: "%", pow: "**", and: "&", or: "|", xor: "^" };

/** The kind of a scalar operand. */
export function scalarKind(v: Scalar): Kind {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) && !Number.isNaN(v) ? "int64" : "float64";
  return "object";
}

/** The dtype of `a op b` for columns (or a scalar, `scalar` true for b) of these kinds. */
function resultKind(op: string, a: Kind, b: Kind, scalar: boolean): Kind {
  if (COMPARISONS.has(op)) return "bool";
  if (a === "object" || b === "object") return "object";
  if (op === "and" || op === "or" || op === "xor") return a === "bool" && b === "bool" ? "bool" : "int64";
  const float32 = (a === "float32" && (b === "float32" || scalar || b === "bool" || b === "uint8")) || (b === "float32" && (a === "bool" || a === "uint8"));
  if (op === "div" || op === "truediv") return float32 ? "float32" : "float64";
  if (a === "float64" || b === "float64" || a === "float32" || b === "float32") return float32 ? "float32" : "float64";
  if (a === "uint8" && (b === "uint8" || (scalar && b !== "bool"))) return "uint8";
  return "int64";
}

const ARITH: Record<string, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
  truediv: (x, y) => x / y,
  floordiv: (x, y) => Math.floor(x / y),
  mod: (x, y) => {
    if (y === 0) return NaN;
    const r = x % y;
    return r !== 0 && r < 0 !== y < 0 ? r + y : r;
  },
  pow: (x, y) => x ** y,
  and: (x, y) => x & y,
  or: (x, y) => x | y,
  xor: (x, y) => x ^ y,
};

function compare(op: string, x: Scalar, y: Scalar): boolean {
  if (op === "eq" || op === "ne") {
    const equal = !isMissing(x) && !isMissing(y) && (x === y || (typeof x === "object" && x !== null && typeof (x as { __eq__?: unknown }).__eq__ === "function" ? Boolean((x as unknown as { __eq__(o: unknown): unknown }).__eq__(y)) : typeof x !== "string" && typeof y !== "string" && Number(x) === Number(y)));
    return op === "eq" ? equal : !equal;
  }
  if (isMissing(x) || isMissing(y)) return false;
  if ((typeof x === "string") !== (typeof y === "string")) {
    throw new TypeError(`'${{ lt: "<", le: "<=", gt: ">", ge: ">=" }[op]}' not supported between instances of '${typeof x === "string" ? "str" : "int"}' and '${typeof y === "string" ? "str" : "int"}'`);
  }
  const [a, b] = typeof x === "string" ? [x, y as string] : [Number(x), Number(y)];
  return op === "lt" ? a < b : op === "le" ? a <= b : op === "gt" ? a > b : a >= b;
}

/** `a op b` elementwise; `b` a column of the same length or a scalar. */
export function binary(op: string, a: Column, b: Column | Scalar, reflected = false): Column {
  const scalar = !(typeof b === "object" && b !== null && "values" in b);
  const bk = scalar ? scalarKind(b as Scalar) : (b as Column).kind;
  const kind = reflected ? resultKind(op, bk, a.kind, scalar) : resultKind(op, a.kind, bk, scalar);
  const at = (i: number): Scalar => (scalar ? (b as Scalar) : (b as Column).values[i]);
  const values = a.values.map((v, i) => {
    const [x, y] = reflected ? [at(i), v] : [v, at(i)];
    if (COMPARISONS.has(op)) return compare(op, x, y);
    if (kind === "object") {
      if (isMissing(x) || isMissing(y)) return NaN;
      if (op === "add" && typeof x === "string" && typeof y === "string") return x + y;
      if (op === "mul" && (typeof x === "string") !== (typeof y === "string")) return typeof x === "string" ? x.repeat(Number(y)) : (y as string).repeat(Number(x));
      throw new TypeError(`unsupported operand type(s) for ${SYMBOL[op] ?? op}: '${typeof x === "string" ? "str" : "int"}' and '${typeof y === "string" ? "str" : "int"}'`);
    }
    const r = ARITH[op](Number(x), Number(y));
    if (kind === "bool") return r !== 0;
    if (kind === "float32") return Math.fround(r);
    if (kind === "uint8") return ((r % 256) + 256) % 256;
    return r;
  });
  // An int column that meets a missing value (`s + np.nan`) or a zero divisor is float.
  const missing = kind === "int64" && values.some((v) => typeof v === "number" && !Number.isFinite(v));
  return { values, kind: missing ? "float64" : kind };
}

/**
 * The column's values at `positions` (an indexer's: -1 where the label is missing, NaN there), in
 * the dtype that holds them as pandas' reindex makes it: ints become float64 and bools object once a
 * value is missing.
 */
export function reindex(c: Column, positions: readonly number[]): Column {
  const values = positions.map((p) => (p < 0 ? NaN : c.values[p]));
  if (!positions.includes(-1)) return { values, kind: c.kind };
  return { values, kind: c.kind === "int64" || c.kind === "uint8" ? "float64" : c.kind === "bool" ? "object" : c.kind };
}

/** A column of `n` missing values (a label only the other operand has). */
export const missingColumn = (n: number): Column => ({ values: Array(n).fill(NaN), kind: "float64" });

/** Both operands with `fill` where only one of them is missing (the flex methods' fill_value). */
export function fillOne(a: Column, b: Column, fill: Scalar): [Column, Column] {
  const one = a.values.map((v, i) => isMissing(v) !== isMissing(b.values[i]));
  // A missing value made its column float64 or object already, which holds the fill.
  const put = (c: Column): Column => ({ values: c.values.map((v, i) => (one[i] && isMissing(v) ? fill : v)), kind: c.kind });
  return [put(a), put(b)];
}

/** The non-missing values as numbers. */
const present = (c: Column): number[] => c.values.filter((v) => !isMissing(v)).map(Number);

/** NumPy's float sum of the values with the missing ones as 0 (nanops' putmask then sum). */
function floatSum(c: Column): number {
  const round = c.kind === "float32" ? Math.fround : (x: number) => x;
  return pairwise(c.values.map((v) => (isMissing(v) ? 0 : Number(v))), round);
}

export function count(c: Column): number {
  return c.values.filter((v) => !isMissing(v)).length;
}

/** Series.sum: an int column's sum an int, a float column's NumPy's pairwise sum, strings joined. */
export function sum(c: Column): Scalar {
  if (c.kind === "object") {
    if (c.values.some(isMissing) || !c.values.every((v) => typeof v === "string")) throw new TypeError("could not convert the values to a number to sum them");
    return (c.values as string[]).join("");
  }
  if (isFloat(c.kind)) return floatSum(c);
  return present(c).reduce((p, x) => p + x, 0);
}

export function mean(c: Column): number {
  if (c.kind === "object") throw new TypeError(`Could not convert ${(c.values as string[]).join("")} to numeric`);
  const n = count(c);
  if (n === 0) return NaN;
  const s = isFloat(c.kind) ? floatSum(c) : present(c).reduce((p, x) => p + x, 0);
  return c.kind === "float32" ? Math.fround(s / n) : s / n;
}

/** nanops.nanvar: the mean of the squared distances from the mean, over count - ddof. */
export function variance(c: Column, ddof = 1): number {
  if (c.kind === "object") throw new TypeError("could not convert string to float");
  const n = count(c);
  if (n - ddof <= 0) return NaN;
  const avg = (isFloat(c.kind) ? floatSum(c) : pairwise(c.values.map((v) => (isMissing(v) ? 0 : Number(v))), (x) => x)) / n;
  const sq = c.values.map((v) => (isMissing(v) ? 0 : (avg - Number(v)) ** 2));
  return pairwise(sq, (x) => x) / (n - ddof);
}

export function extreme(c: Column, max: boolean): Scalar {
  const values = c.values.filter((v) => !isMissing(v));
  if (values.length === 0) return NaN;
  if (c.kind === "object") {
    if (!values.every((v) => typeof v === "string")) throw new TypeError(`'${max ? ">" : "<"}' not supported between instances of 'str' and 'float'`);
    return (values as string[]).reduce((p, x) => (max ? (x > p ? x : p) : x < p ? x : p));
  }
  const r = (values as number[]).map(Number).reduce((p, x) => (max ? Math.max(p, x) : Math.min(p, x)));
  return c.kind === "bool" ? r !== 0 : r;
}

/** np.percentile's linear interpolation (NumPy 1.24's _lerp) of the present values at `q` in [0, 1]. */
export function quantile(c: Column, q: number): number {
  const v = present(c).sort((x, y) => x - y);
  if (v.length === 0) return NaN;
  const index = q * (v.length - 1);
  const lo = Math.floor(index);
  const hi = Math.min(lo + 1, v.length - 1);
  const t = index - lo;
  const [a, b] = [v[lo], v[hi]];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
