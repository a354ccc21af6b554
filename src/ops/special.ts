/**
 * The special functions torch.special has and torch did not: polygamma, multigammaln, xlog1py, entr,
 * the modified Bessel functions i0 / i0e / i1 / i1e and the normal distribution's ndtr / ndtri /
 * log_ndtr. Each runs on the host in float64 (tfjs has no kernels for them) and rounds to float32,
 * with its gradient; edge values (0, negatives, ±inf, nan) are PyTorch 1.13's.
 */
import { tf, operand, describe } from "./_core";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError } from "../errors";
import { unaryF, hostMap, lgammaScalar, digammaScalar, erfc64 } from "./math_extra";
import * as E from "./elementwise";

// ---------------------------------------------------------------- polygamma

/** ψ'(x) as PyTorch computes it in float32: sin(πx) in float32, so that near a negative pole it is large, not inf. */
function trigammaF(x: number): number {
  let sign = 1;
  let r = 0;
  if (x < 0.5) {
    sign = -1;
    const s = Math.fround(Math.sin(Math.fround(Math.fround(Math.PI) * x)));
    r -= (Math.PI * Math.PI) / (s * s);
    x = 1 - x;
  }
  for (let i = 0; i < 6; i++) {
    r += 1 / (x * x);
    x += 1;
  }
  const ixx = 1 / (x * x);
  r += (1 + 1 / (2 * x) + ixx * (1 / 6 - ixx * (1 / 30 - ixx * (1 / 42)))) / x;
  return sign * r;
}

// B_{2j} / (2j)! for the Euler-Maclaurin tail.
const B2J = [1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160, -691 / 1307674368000, 1 / 74724249600, -3617 / 10670622842880000];

/** Hurwitz ζ(s, q) for a whole s > 1: the terms q + k summed directly (q < 0 included), Euler-Maclaurin after. */
function hurwitz(s: number, q: number): number {
  if (Number.isNaN(q) || q === Infinity) return NaN;
  if (q <= 0 && Math.floor(q) === q) return Infinity;
  const N = Math.max(10, Math.ceil(-q) + 10);
  let sum = 0;
  for (let k = 0; k < N; k++) sum += Math.pow(q + k, -s);
  const a = q + N;
  sum += Math.pow(a, 1 - s) / (s - 1) + 0.5 * Math.pow(a, -s);
  let fac = s;
  let p = Math.pow(a, -s - 1);
  for (let j = 0; j < B2J.length; j++) {
    sum += B2J[j] * fac * p;
    fac *= (s + 2 * j + 1) * (s + 2 * j + 2);
    p /= a * a;
  }
  return sum;
}

function factorial(n: number): number {
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/** ψ⁽ⁿ⁾(x): digamma for n = 0, float32 trigamma for n = 1, (-1)^(n+1) n! ζ(n+1, x) beyond, as PyTorch. */
export function polygammaScalar(n: number, x: number): number {
  if (n === 0) return digammaScalar(x);
  if (n === 1) return trigammaF(x);
  return (n % 2 === 1 ? 1 : -1) * factorial(n) * hurwitz(n + 1, x);
}

/** torch.special.polygamma(n, input): the n-th derivative of digamma. */
export function polygamma(n: number, input: Tensor): Tensor {
  if (typeof n !== "number" || !Number.isInteger(n)) throw new TypeError(`polygamma(): argument 'n' (position 1) must be int, not ${describe(n)}`);
  if (!(input instanceof Tensor)) throw new TypeError(`polygamma(): argument 'input' (position 2) must be Tensor, not ${describe(input)}`);
  if (n < 0) throw new RuntimeError("polygamma(n, x) does not support negative n.");
  return unaryF("PolygammaBackward0", input, (x) => hostMap(x, (v) => polygammaScalar(n, v)), (g, x) => tf.mul(g, hostMap(x, (v) => polygammaScalar(n + 1, v))));
}

/** torch.special.multigammaln(input, p): log of the multivariate gamma, Σᵢ lgamma(x - i/2) + p(p-1)/4 log π. */
export function multigammaln(input: Tensor, p: number): Tensor {
  if (!(input instanceof Tensor)) throw new TypeError(`multigammaln(): argument 'input' (position 1) must be Tensor, not ${describe(input)}`);
  if (typeof p !== "number" || !Number.isInteger(p)) throw new TypeError(`multigammaln(): argument 'p' (position 2) must be int, not ${describe(p)}`);
  if (p < 1) throw new RuntimeError("p has to be greater than or equal to 1");
  const c = ((p * (p - 1)) / 4) * Math.log(Math.PI);
  const each = (f: (v: number) => number) => (v: number) => {
    let s = 0;
    for (let i = 0; i < p; i++) s += f(v - i / 2);
    return s;
  };
  return unaryF("MvlgammaBackward0", input, (x) => hostMap(x, (v) => each(lgammaScalar)(v) + c), (g, x) => tf.mul(g, hostMap(x, each(digammaScalar))));
}

// ---------------------------------------------------------------- entropy-style

/** torch.special.entr(input): -x ln x for x > 0, 0 at 0, -inf for x < 0 (nan stays nan). */
export function entr(input: Tensor): Tensor {
  return unaryF(
    "SpecialEntrBackward0",
    input,
    (x) => hostMap(x, (v) => (Number.isNaN(v) ? NaN : v > 0 ? -v * Math.log(v) : v === 0 ? 0 : -Infinity)),
    (g, x) => tf.mul(g, tf.neg(tf.add(tf.log(x), 1))),
  );
}

/** torch.special.xlog1py(input, other): input * log1p(other), 0 where input is 0 unless other is nan. */
export function xlog1py(a: Tensor | number, b: Tensor | number): Tensor {
  const x = a instanceof Tensor ? a : operand(a, b as Tensor, "xlog1py");
  const y = b instanceof Tensor ? b : operand(b, x, "xlog1py");
  const prod = E.mul(x, E.log1p(y));
  const zero = E.logical_and(E.eq(x, 0), E.logical_not(E.isnan(y)));
  return E.where(zero, 0, prod);
}

// ---------------------------------------------------------------- modified Bessel functions

/**
 * e^{-|x|} I_ν(|x|) for ν = 0, 1: the power series (in float64, scaled as it goes) up to |x| = 700,
 * the asymptotic expansion beyond.
 */
function besselIe(nu: 0 | 1, x: number): number {
  const ax = Math.abs(x);
  if (ax > 700) {
    const mu = 4 * nu * nu;
    let term = 1;
    let sum = 1;
    for (let k = 1; k < 30; k++) {
      term *= -(mu - (2 * k - 1) ** 2) / (k * 8 * ax);
      sum += term;
      if (Math.abs(term) < 1e-17) break;
    }
    return sum / Math.sqrt(2 * Math.PI * ax);
  }
  const h = ax / 2;
  let term = nu === 0 ? 1 : h;
  let sum = term;
  for (let k = 1; k < 2000; k++) {
    term *= (h * h) / (k * (k + nu));
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum * Math.exp(-ax);
}

const signed = (x: number, v: number): number => (x < 0 ? -v : v);
export const i0eScalar = (x: number): number => (Number.isNaN(x) ? NaN : !Number.isFinite(x) ? 0 : besselIe(0, x));
export const i1eScalar = (x: number): number => (Number.isNaN(x) ? NaN : !Number.isFinite(x) ? signed(x, 0) : signed(x, besselIe(1, x)));
/** I₀ is nan at ±inf in PyTorch 1.13 (its Chebyshev form multiplies exp(inf) by 0). */
export const i0Scalar = (x: number): number => (Number.isFinite(x) ? besselIe(0, x) * Math.exp(Math.abs(x)) : NaN);
export const i1Scalar = (x: number): number => (Number.isFinite(x) ? signed(x, besselIe(1, x) * Math.exp(Math.abs(x))) : NaN);

/** torch.special.i0 (torch.i0): the modified Bessel function of the first kind, order 0. d/dx I₀ = I₁. */
export const i0 = (a: Tensor): Tensor => unaryF("I0Backward0", a, (x) => hostMap(x, i0Scalar), (g, x) => tf.mul(g, hostMap(x, i1Scalar)));
/** torch.special.i0e: e^{-|x|} I₀(x). Its derivative is i1e(x) - sign(x) i0e(x). */
export const i0e = (a: Tensor): Tensor =>
  unaryF("SpecialI0EBackward0", a, (x) => hostMap(x, i0eScalar), (g, x) => tf.mul(g, hostMap(x, (v) => i1eScalar(v) - Math.sign(v) * i0eScalar(v))));
/** torch.special.i1: order 1. d/dx I₁ = I₀ - I₁/x (1/2 at 0). */
export const i1 = (a: Tensor): Tensor =>
  unaryF("SpecialI1Backward0", a, (x) => hostMap(x, i1Scalar), (g, x) => tf.mul(g, hostMap(x, (v) => (v === 0 ? 0.5 : i0Scalar(v) - i1Scalar(v) / v))));
/** torch.special.i1e: e^{-|x|} I₁(x). */
export const i1e = (a: Tensor): Tensor =>
  unaryF(
    "SpecialI1EBackward0",
    a,
    (x) => hostMap(x, i1eScalar),
    (g, x) => tf.mul(g, hostMap(x, (v) => (v === 0 ? 0.5 : i0eScalar(v) - i1eScalar(v) * (Math.sign(v) + 1 / v)))),
  );

// ---------------------------------------------------------------- the normal distribution

/** log erfc(z), without underflow for large z: -z² + log(erfcx(z)) from the continued fraction. */
function logErfc(z: number): number {
  if (z === Infinity) return -Infinity;
  if (z < 3) return Math.log(erfc64(z));
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    d = z + (n / 2) * d;
    d = d === 0 ? 1e-300 : 1 / d;
    c = z + n / 2 / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return -z * z - 0.5 * Math.log(Math.PI) - Math.log(f);
}

const ndtrScalar = (x: number): number => (Number.isNaN(x) ? NaN : x < 0 ? 0.5 * erfc64(-x / Math.SQRT2) : 1 - 0.5 * erfc64(x / Math.SQRT2));
const logNdtrScalar = (x: number): number => (Number.isNaN(x) ? NaN : x === Infinity ? -0 : x > 0 ? Math.log1p(-0.5 * erfc64(x / Math.SQRT2)) : logErfc(-x / Math.SQRT2) - Math.LN2);
const pdf = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** The normal quantile: a rational first guess, then Newton steps on ndtr (float64). */
function ndtriScalar(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = Math.min(p, 1 - p);
  const t = Math.sqrt(-2 * Math.log(q));
  let x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  for (let i = 0; i < 8; i++) {
    // Newton on log ndtr keeps the steps well scaled far in the tail.
    const step = (logNdtrScalar(x) - Math.log(q)) * Math.exp(logNdtrScalar(x) - Math.log(pdf(x)));
    x -= step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return p > 0.5 ? -x : x;
}

/** torch.special.ndtr: the standard normal CDF. */
export const ndtr = (a: Tensor): Tensor => unaryF("SpecialNdtrBackward0", a, (x) => hostMap(x, ndtrScalar), (g, x) => tf.mul(g, hostMap(x, pdf)));
/** torch.special.log_ndtr: log of the CDF, accurate far into the left tail. */
export const log_ndtr = (a: Tensor): Tensor =>
  unaryF("SpecialLogNdtrBackward0", a, (x) => hostMap(x, logNdtrScalar), (g, x) => tf.mul(g, hostMap(x, (v) => Math.exp(Math.log(pdf(v)) - logNdtrScalar(v)))));
/** torch.special.ndtri: the inverse of ndtr (the quantile), ±inf at 1 and 0, nan outside [0, 1]. */
export const ndtri = (a: Tensor): Tensor =>
  unaryF("SpecialNdtriBackward0", a, (x) => hostMap(x, ndtriScalar), (g, _x, y) => tf.mul(g, hostMap(y, (v) => 1 / pdf(v))));
