/**
 * Python's math module as a notebook writes it (`import math`): `math.floor` and `math.ceil` give ints,
 * `math.log(x, base)`, `math.isclose`, `math.comb`, `math.prod`, `math.fsum` (exactly rounded, as
 * Python's), and Python's errors where JavaScript's Math answers NaN or Infinity: `math.sqrt(-1)` and
 * `math.log(0)` are ValueError("math domain error"), `math.exp(1000)` OverflowError("math range error"),
 * `math.floor(inf)` OverflowError. A one-element tensor is its number, as Python's `__float__` makes it
 * (`math.exp(loss)`). Follows Python 3.11 (test/reference/gen_py_sweep.py).
 */
import { float, int } from "./builtins";
import { OverflowError, TypeError, ValueError, ZeroDivisionError } from "./errors";
import { asPyTuple, pyTypeName } from "./pyrepr";
import { Tensor } from "./tensor/tensor";

/** A number math's functions take: a number, a bool or a one-element tensor. */
export type Real = number | boolean | Tensor;

export const pi = Math.PI;
export const e = Math.E;
export const tau = 2 * Math.PI;
export const inf = Infinity;
export const nan = NaN;

function real(x: unknown): number {
  if (typeof x === "number" || typeof x === "boolean" || x instanceof Tensor) return float(x);
  throw new TypeError(`must be real number, not ${pyTypeName(x)}`);
}

function integer(x: unknown): number {
  if (typeof x === "boolean") return Number(x);
  if (typeof x !== "number" || !Number.isInteger(x)) throw new TypeError(`'${pyTypeName(x)}' object cannot be interpreted as an integer`);
  return x;
}

/** The result of a function defined on all reals: NaN in gives NaN out, a new NaN is a domain error, an infinity from finite input a range error. */
function checked(x: number, y: number): number {
  if (Number.isNaN(y) && !Number.isNaN(x)) throw new ValueError("math domain error");
  if (!Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x)) throw new OverflowError("math range error");
  return y;
}

function toInt(x: number): number {
  if (Number.isNaN(x)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
  return x + 0;
}

/** `math.floor(x)`: the largest int <= x (an int, as Python's). */
export const floor = (x: Real): number => toInt(Math.floor(real(x)));
/** `math.ceil(x)`: the smallest int >= x. */
export const ceil = (x: Real): number => toInt(Math.ceil(real(x)));
/** `math.trunc(x)`: x toward zero, an int. */
export const trunc = (x: Real): number => int(real(x));

/** `math.sqrt(x)`: ValueError for x < 0. */
export const sqrt = (x: Real): number => checked(real(x), Math.sqrt(real(x)));
/** `math.exp(x)`: OverflowError past the largest float. */
export const exp = (x: Real): number => checked(real(x), Math.exp(real(x)));
/** `math.expm1(x)`: exp(x) - 1, exact near 0. */
export const expm1 = (x: Real): number => checked(real(x), Math.expm1(real(x)));

/**
 * `math.log(x[, base])`: the natural logarithm, or to base; x <= 0 (and a base <= 0 or 1) are ValueError.
 * @example math.log(8, 2)  // 3.0
 */
export function log(x: Real, base?: Real): number {
  const v = real(x);
  if (v <= 0) throw new ValueError("math domain error");
  if (base === undefined) return Math.log(v);
  const b = real(base);
  if (b <= 0) throw new ValueError("math domain error");
  if (b === 1) throw new ZeroDivisionError("float division by zero");
  return Math.log(v) / Math.log(b);
}

function positive(fn: (v: number) => number): (x: Real) => number {
  return (x) => {
    const v = real(x);
    if (v <= 0) throw new ValueError("math domain error");
    return fn(v);
  };
}
/** `math.log2(x)` */
export const log2 = positive(Math.log2);
/** `math.log10(x)` */
export const log10 = positive(Math.log10);
/** `math.log1p(x)`: log(1 + x), exact near 0; x <= -1 is ValueError. */
export const log1p = (x: Real): number => checked(real(x), real(x) <= -1 ? NaN : Math.log1p(real(x)));

/** `math.pow(x, y)`: a float always; 0 ** negative is ValueError, as Python's. */
export function pow(x: Real, y: Real): number {
  const a = real(x);
  const b = real(y);
  if (a === 0 && b < 0) throw new ValueError("math domain error");
  return checked(Number.isNaN(a) || Number.isNaN(b) ? NaN : a, a === 1 || b === 0 ? 1 : Math.pow(a, b));
}
/** `math.fabs(x)`: |x| as a float. */
export const fabs = (x: Real): number => Math.abs(real(x));
/** `math.copysign(x, y)`: |x| with y's sign (-0.0's too). */
export const copysign = (x: Real, y: Real): number => {
  const s = real(y);
  return Math.abs(real(x)) * (s < 0 || Object.is(s, -0) ? -1 : 1);
};
/** `math.hypot(*coordinates)` */
export const hypot = (...coordinates: Real[]): number => Math.hypot(...coordinates.map(real));

function unary(fn: (v: number) => number): (x: Real) => number {
  return (x) => checked(real(x), fn(real(x)));
}
export const sin = unary(Math.sin);
export const cos = unary(Math.cos);
export const tan = unary(Math.tan);
export const asin = unary(Math.asin);
export const acos = unary(Math.acos);
export const atan = unary(Math.atan);
export const sinh = unary(Math.sinh);
export const cosh = unary(Math.cosh);
export const tanh = unary(Math.tanh);
export const asinh = unary(Math.asinh);
export const acosh = unary(Math.acosh);
export const atanh = unary(Math.atanh);
/** `math.atan2(y, x)` */
export const atan2 = (y: Real, x: Real): number => Math.atan2(real(y), real(x));
/** `math.degrees(x)`: radians to degrees. */
export const degrees = (x: Real): number => (real(x) * 180) / Math.PI;
/** `math.radians(x)`: degrees to radians. */
export const radians = (x: Real): number => (real(x) * Math.PI) / 180;

/** `math.isnan(x)` */
export const isnan = (x: Real): boolean => Number.isNaN(real(x));
/** `math.isinf(x)` */
export const isinf = (x: Real): boolean => Math.abs(real(x)) === Infinity;
/** `math.isfinite(x)` */
export const isfinite = (x: Real): boolean => Number.isFinite(real(x));

export interface IscloseOptions {
  /** Relative tolerance (default 1e-09). */
  rel_tol?: number;
  /** Absolute tolerance (default 0.0). */
  abs_tol?: number;
}
/**
 * `math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`: |a - b| <= max(rel_tol * max(|a|, |b|), abs_tol).
 * @example math.isclose(0.1 + 0.2, 0.3)  // True
 */
export function isclose(a: Real, b: Real, { rel_tol = 1e-9, abs_tol = 0 }: IscloseOptions = {}): boolean {
  if (rel_tol < 0 || abs_tol < 0) throw new ValueError("tolerances must be non-negative");
  const x = real(a);
  const y = real(b);
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const diff = Math.abs(x - y);
  return diff <= Math.abs(rel_tol * y) || diff <= Math.abs(rel_tol * x) || diff <= abs_tol;
}

/**
 * An int result of `call` as a number: Python's int is exact at any size, a JavaScript number only up
 * to 2**53, so a larger one is an OverflowError naming the exact value (rather than a float's digits).
 */
function exactInt(value: bigint, call: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new OverflowError(`${call} is ${value}, beyond 2**53, the largest int a JavaScript number holds exactly (use BigInt for it)`);
  }
  return Number(value);
}
/** `math.factorial(n)`: n! of an int n >= 0; beyond 2**53 (from 19!) an OverflowError (see exactInt). */
export function factorial(n: number): number {
  const k = integer(n);
  if (k < 0) throw new ValueError("factorial() not defined for negative values");
  let out = 1n;
  for (let i = 2n; i <= BigInt(k); i++) out *= i;
  return exactInt(out, `math.factorial(${k})`);
}
/** `math.comb(n, k)`: ways to choose k of n, without order. */
export function comb(n: number, k: number): number {
  const a = integer(n);
  const b = integer(k);
  if (a < 0) throw new ValueError("n must be a non-negative integer");
  if (b < 0) throw new ValueError("k must be a non-negative integer");
  if (b > a) return 0;
  let out = 1n;
  for (let i = 1n; i <= BigInt(Math.min(b, a - b)); i++) out = (out * (BigInt(a) - i + 1n)) / i;
  return exactInt(out, `math.comb(${a}, ${b})`);
}
/** `math.perm(n, k=None)`: ways to choose k of n, in order (n! without k). */
export function perm(n: number, k?: number | null): number {
  const a = integer(n);
  const b = k === undefined || k === null ? a : integer(k);
  if (a < 0) throw new ValueError("n must be a non-negative integer");
  if (b < 0) throw new ValueError("k must be a non-negative integer");
  if (b > a) return 0;
  let out = 1n;
  for (let i = BigInt(a - b + 1); i <= BigInt(a); i++) out *= i;
  return exactInt(out, `math.perm(${a}, ${b})`);
}
/** `math.gcd(*integers)`: the greatest common divisor (0 of none), never negative. */
export function gcd(...integers: number[]): number {
  let g = 0;
  for (const x of integers) {
    let a = Math.abs(integer(x));
    while (a) [g, a] = [a, g % a];
  }
  return g;
}
/** `math.lcm(*integers)`: the least common multiple (1 of none). */
export function lcm(...integers: number[]): number {
  let l = 1;
  for (const x of integers) {
    const a = Math.abs(integer(x));
    if (a === 0) return 0;
    l = (l / gcd(l, a)) * a;
  }
  return l;
}
/** `math.isqrt(n)`: the integer square root of an int n >= 0. */
export function isqrt(n: number): number {
  const k = integer(n);
  if (k < 0) throw new ValueError("isqrt() argument must be nonnegative");
  let r = Math.floor(Math.sqrt(k));
  while (r * r > k) r--;
  while ((r + 1) * (r + 1) <= k) r++;
  return r;
}

/** `math.prod(iterable, *, start=1)`: the product, left to right. */
export function prod(iterable: Iterable<number | boolean>, { start = 1 }: { start?: number } = {}): number {
  let out = start;
  for (const x of iterable) out *= Number(x);
  return out;
}

/**
 * `math.fsum(iterable)`: the exactly rounded sum (Shewchuk's partials, as Python's), where sum() adds
 * left to right: `math.fsum([0.1] * 10)` is 1.0, `sum(...)` 0.9999999999999999.
 */
export function fsum(iterable: Iterable<Real>): number {
  const partials: number[] = [];
  let special = 0;
  for (const item of iterable) {
    let x = real(item);
    if (!Number.isFinite(x)) {
      special += x;
      continue;
    }
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (special !== 0 || Number.isNaN(special)) {
    if (Number.isNaN(special)) throw new ValueError("-inf + inf in fsum");
    return special;
  }
  // Round the partials' sum once, correcting half-way cases as Python's msum does.
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
  }
  return hi;
}

/** `math.modf(x)`: (fractional part, integer part), both floats with x's sign; a tuple. */
export function modf(x: Real): [number, number] {
  const v = real(x);
  const whole = Number.isFinite(v) ? Math.trunc(v) : v;
  return asPyTuple([Number.isFinite(v) ? v - whole : Number.isNaN(v) ? NaN : 0 * Math.sign(v), whole]);
}
