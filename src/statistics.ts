/**
 * Python's statistics module as a notebook writes it (`import statistics`; `statistics.mean(losses)`):
 * mean, fmean, median (low, high), mode, multimode, variance, pvariance, stdev, pstdev. As Python 3.11's:
 * sums are exact (fractions of the floats, so `mean([0.1, 0.2, 0.3])` is `0.2`, not JavaScript's
 * 0.20000000000000004), a mean or variance of ints that comes out whole is an int (`mean([1, 2, 3])`
 * prints `2`, `mean([1.0, 2.0, 3.0])` `2.0`), stdev is the correctly rounded square root, and too little
 * data raises StatisticsError (a ValueError) with Python's message. Each result records whether it is
 * Python's float as NumPy's scalars do (src/pyrepr.ts noteNumpyScalar), so the notebook prints `2.0`.
 * Follows Python 3.11 (test/reference/gen_py_idioms.py).
 */
import { TypeError, ValueError } from "./errors";
import { isPyFloatAt, noteNumpyScalar, PyFloat, pyTypeName } from "./pyrepr";

/** Python's statistics.StatisticsError, a ValueError. */
export class StatisticsError extends ValueError {
  constructor(message = "") {
    super(message);
    this.name = "StatisticsError";
  }
}

/** A value the statistics functions take: a number, a bool, or a number the notebook wrote as a float. */
type Datum = number | boolean | PyFloat;

/** The numbers of `data` and whether Python holds any of them as a float (a float as written, or one that is not whole). */
function numbers(data: Iterable<Datum>): { values: number[]; float: boolean } {
  const values: number[] = [];
  let float = false;
  let i = 0;
  for (const item of data) {
    const value = item instanceof PyFloat ? item.value : typeof item === "boolean" ? Number(item) : item;
    if (typeof value !== "number") throw new TypeError(`can't convert type '${pyTypeName(item)}' to numerator/denominator`);
    float ||= item instanceof PyFloat || !Number.isInteger(value) || (Array.isArray(data) && isPyFloatAt(data, i));
    values.push(value);
    i++;
  }
  return { values, float };
}

/** An exact fraction n / d (d > 0) of BigInts. */
type Fraction = { n: bigint; d: bigint };

const bigAbs = (x: bigint): bigint => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};
const reduced = (n: bigint, d: bigint): Fraction => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
const add = (a: Fraction, b: Fraction): Fraction => reduced(a.n * b.d + b.n * a.d, a.d * b.d);

/** A finite float's exact value (Python's `x.as_integer_ratio()`); doubling a float is exact. */
function exact(x: number): Fraction {
  if (!Number.isFinite(x)) throw new ValueError(`cannot convert ${x > 0 ? "Infinity" : x < 0 ? "-Infinity" : "NaN"} to integer ratio`);
  let scale = 0n;
  while (!Number.isInteger(x)) {
    x *= 2;
    scale++;
  }
  return reduced(BigInt(x), 1n << scale);
}

const bitLength = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);

/** n / d as the nearest float, ties to even (Python's true division of ints). */
function toFloat({ n, d }: Fraction): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const a = bigAbs(n);
  // A quotient of 55 or 56 bits, and whether anything was left over (for the rounding).
  const shift = 55 - (bitLength(a) - bitLength(d));
  const num = shift >= 0 ? a << BigInt(shift) : a;
  const den = shift >= 0 ? d : d << BigInt(-shift);
  let q = num / den;
  const sticky = num % den !== 0n;
  const extra = bitLength(q) - 53;
  const dropped = q & ((1n << BigInt(extra)) - 1n);
  q >>= BigInt(extra);
  const half = 1n << BigInt(extra - 1);
  if (dropped > half || (dropped === half && (sticky || (q & 1n) === 1n))) q++;
  const value = Number(q) * 2 ** (extra - shift);
  return negative ? -value : value;
}

/** The largest integer whose square is at most x (x >= 0). */
function isqrt(x: bigint): bigint {
  if (x < 2n) return x;
  let r = 1n << BigInt(Math.ceil(bitLength(x) / 2));
  for (;;) {
    const next = (r + x / r) >> 1n;
    if (next >= r) return r;
    r = next;
  }
}

/** The square root of n / d, correctly rounded (Python 3.11's _float_sqrt_of_frac, rounding to odd first). */
function sqrtOfFraction({ n, d }: Fraction): number {
  const rto = (num: bigint, den: bigint): bigint => {
    const a = isqrt(num / den);
    return a * a * den !== num ? a | 1n : a;
  };
  const q = Math.floor((bitLength(n) - bitLength(d) - 109) / 2);
  return q >= 0 ? toFloat({ n: rto(n, d << BigInt(2 * q)) << BigInt(q), d: 1n }) : toFloat({ n: rto(n << BigInt(-2 * q), d), d: 1n << BigInt(-q) });
}

/** `value` as Python's result type: an int where the data were ints and it is whole, else a float (recorded for the notebook's print). */
function result(value: Fraction, float: boolean): number {
  const isFloat = float || value.d !== 1n;
  const number = isFloat ? toFloat(value) : Number(value.n);
  noteNumpyScalar(number, isFloat);
  return number;
}

const sumOf = (values: number[]): Fraction => values.reduce((s, v) => add(s, exact(v)), { n: 0n, d: 1n } as Fraction);

/** The exact sum of squared deviations from the mean, and the count. */
function squares(values: number[]): Fraction {
  const total = sumOf(values);
  const mean = reduced(total.n, total.d * BigInt(values.length));
  return values.reduce((s, v) => {
    const x = exact(v);
    const dev = reduced(x.n * mean.d - mean.n * x.d, x.d * mean.d);
    return add(s, reduced(dev.n * dev.n, dev.d * dev.d));
  }, { n: 0n, d: 1n } as Fraction);
}

/** The arithmetic mean, exact: an int for ints that average to a whole number (`mean([1, 2, 3])` is `2`). */
export function mean(data: Iterable<Datum>): number {
  const { values, float } = numbers(data);
  if (values.length === 0) throw new StatisticsError("mean requires at least one data point");
  const total = sumOf(values);
  return result(reduced(total.n, total.d * BigInt(values.length)), float);
}

/** The mean as a float, always (`fmean([1, 2, 3])` is `2.0`). */
export function fmean(data: Iterable<Datum>): number {
  const { values } = numbers(data);
  if (values.length === 0) throw new StatisticsError("fmean requires at least one data point");
  return result(exact(toFloat(sumOf(values)) / values.length), true);
}

/** The sorted numbers, with whether each one is a float, for the medians. */
function ordered(data: Iterable<Datum>): { value: number; float: boolean }[] {
  const items: { value: number; float: boolean }[] = [];
  let i = 0;
  for (const item of data) {
    const { values, float } = numbers([item]);
    items.push({ value: values[0], float: float || (Array.isArray(data) && isPyFloatAt(data, i)) });
    i++;
  }
  if (items.length === 0) throw new StatisticsError("no median for empty data");
  return items.sort((a, b) => a.value - b.value);
}

/** The item itself (an int stays an int), recorded as the float it is or not. */
function picked(item: { value: number; float: boolean }): number {
  noteNumpyScalar(item.value, item.float);
  return item.value;
}

/** The middle value; for an even count, the mean of the middle two (a float, as Python's `/`). */
export function median(data: Iterable<Datum>): number {
  const items = ordered(data);
  const i = Math.floor(items.length / 2);
  if (items.length % 2 === 1) return picked(items[i]);
  const middle = add(exact(items[i - 1].value), exact(items[i].value));
  return result(reduced(middle.n, middle.d * 2n), true);
}

/** The lower of the middle two for an even count, the middle value for an odd one. */
export function median_low(data: Iterable<Datum>): number {
  const items = ordered(data);
  return picked(items[items.length % 2 === 1 ? Math.floor(items.length / 2) : items.length / 2 - 1]);
}

/** The higher of the middle two for an even count, the middle value for an odd one. */
export function median_high(data: Iterable<Datum>): number {
  const items = ordered(data);
  return picked(items[Math.floor(items.length / 2)]);
}

/** The items in order of first appearance with their counts (Python's Counter, equal numbers and strings together). */
function counted<T>(data: Iterable<T>): Map<unknown, { item: T; count: number }> {
  const counts = new Map<unknown, { item: T; count: number }>();
  for (const item of data) {
    const key = item instanceof PyFloat ? item.value : typeof item === "boolean" ? Number(item) : item;
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { item, count: 1 });
  }
  return counts;
}

/** The most common value, the first seen of those tied (`mode(['a', 'b', 'b'])` is `'b'`). */
export function mode<T>(data: Iterable<T>): T {
  let best: { item: T; count: number } | null = null;
  for (const entry of counted(data).values()) if (best === null || entry.count > best.count) best = entry;
  if (best === null) throw new StatisticsError("no mode for empty data");
  const item = best.item;
  if (typeof item === "number") noteNumpyScalar(item, !Number.isInteger(item) || (Array.isArray(data) && data.some((d, i) => d === item && isPyFloatAt(data, i))));
  return (item instanceof PyFloat ? item.value : item) as T;
}

/** The most common values, in order of first appearance (`multimode('aabbc')` is `['a', 'b']`). */
export function multimode<T>(data: Iterable<T>): T[] {
  const entries = [...counted(data).values()];
  const most = Math.max(0, ...entries.map((e) => e.count));
  return entries.filter((e) => e.count === most).map((e) => e.item);
}

/** The sample variance (n - 1 in the denominator), exact: an int for ints when it is whole. */
export function variance(data: Iterable<Datum>): number {
  const { values, float } = numbers(data);
  if (values.length < 2) throw new StatisticsError("variance requires at least two data points");
  const ss = squares(values);
  return result(reduced(ss.n, ss.d * BigInt(values.length - 1)), float);
}

/** The population variance (n in the denominator). */
export function pvariance(data: Iterable<Datum>): number {
  const { values, float } = numbers(data);
  if (values.length < 1) throw new StatisticsError("pvariance requires at least one data point");
  const ss = squares(values);
  return result(reduced(ss.n, ss.d * BigInt(values.length)), float);
}

/** The sample standard deviation: the square root of variance, correctly rounded, a float. */
export function stdev(data: Iterable<Datum>): number {
  const { values } = numbers(data);
  if (values.length < 2) throw new StatisticsError("stdev requires at least two data points");
  const ss = squares(values);
  return result(exact(sqrtOfFraction(reduced(ss.n, ss.d * BigInt(values.length - 1)))), true);
}

/** The population standard deviation, a float. */
export function pstdev(data: Iterable<Datum>): number {
  const { values } = numbers(data);
  if (values.length < 1) throw new StatisticsError("pstdev requires at least one data point");
  const ss = squares(values);
  return result(exact(sqrtOfFraction(reduced(ss.n, ss.d * BigInt(values.length)))), true);
}
