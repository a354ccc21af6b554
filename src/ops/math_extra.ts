/**
 * PyTorch's less common pointwise, reduction and creation functions (torch.atan2, addcmul, lerp,
 * nansum, cummax, logcumsumexp, histc, diff, cov, trapz, lgamma, ...), each with its gradient. Ops
 * that tfjs has a kernel for run on the backend; special functions without one (lgamma, digamma,
 * erfinv) and scans with data-dependent indices (cummax) run on the host in float64.
 */
import { tf, compute, record, constant, constantOf, withDtype, intResult, operand, promote, sumTo, as, broadcastMismatch, broadcastShapes, describe, normDim, fmtShape, numelOf } from "./_core";
import * as D from "../tensor/dtype";
import { Tensor, DType } from "../tensor/tensor";
import * as E from "./elementwise";
import * as R from "./reduce";
import * as M from "./movement";
import * as L from "./linalg";
import * as SC from "./scatter";
import { tensor as makeTensor } from "./creation";
import { NotImplementedError, RuntimeError, ShapeError, TypeError, IndexError } from "../errors";
import { is_grad_enabled } from "../autograd/grad_mode";
import { isOptions, parseArgs, trimArgs } from "../tensor/args";
import { sinT, cosT, log1pT, fmodT } from "../backend/math_kernels";
import { holdsNoTensor, renameGradFn, type BackwardFn } from "../autograd/node";
import { asPyTuple, asReturnType } from "../pyrepr";

type Operand = Tensor | number | boolean;

function need(op: string, a: unknown, name = "input"): Tensor {
  if (a instanceof Tensor) return a;
  throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${describe(a)}`);
}

/** Two operands, either may be a number (promoted against the other as PyTorch's wrapped numbers), broadcast-checked. */
function operands(op: string, a: Operand, b: Operand): [Tensor, Tensor] {
  let x: Tensor;
  if (a instanceof Tensor) x = a;
  else if ((typeof a === "number" || typeof a === "boolean") && b instanceof Tensor) x = operand(a, b, op);
  else throw new TypeError(`${op}(): argument 'input' (position 1) must be Tensor, not ${describe(a)}`);
  const y = operand(b, x, op);
  const msg = broadcastMismatch(x.shape, y.shape);
  if (msg !== null) throw new ShapeError(`${op}(): ${msg} (shapes ${fmtShape(x.shape)} and ${fmtShape(y.shape)})`, x.shape, y.shape);
  return [x, y];
}

function floatOnly(op: string, t: Tensor): void {
  if (t.dtype._tf !== "float32") throw new RuntimeError(`"${op}_cpu" not implemented for '${t.dtype._typeName}'`);
}

const f32 = (t: Tensor): tf.Tensor => as(t._t, D.float32);

/** A float-valued unary op (int/bool inputs give float, as PyTorch's unary float ops). */
export function unaryF(name: string, a: Tensor, f: (x: tf.Tensor) => tf.Tensor, grad: (g: tf.Tensor, x: tf.Tensor, y: tf.Tensor) => tf.Tensor): Tensor {
  need(name.replace(/Backward\d$/, "").toLowerCase(), a);
  const out = compute(() => f(f32(a)));
  let self: Tensor;
  const res = record(name, [a], out, (g) => [grad(g, f32(a), self._t)]);
  self = res;
  return res;
}

/** `f` applied on the host in float64 to every element, as a float32 tensor. */
export function hostMap(x: tf.Tensor, f: (v: number) => number): tf.Tensor {
  const src = x.dataSync();
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = f(src[i]);
  return tf.tensor(out, x.shape, "float32");
}

// ---------------------------------------------------------------- special functions (float64, host)

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** log|Γ(x)|: Lanczos (g=7) with the reflection formula below 0.5; +inf at the poles, as PyTorch. */
export function lgammaScalar(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity || x === -Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgammaScalar(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ψ(x): recurrence up to x >= 6, then the asymptotic series; reflection for x < 0. */
export function digammaScalar(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  // PyTorch: -inf at 0 (the sign of the zero decides: +0 -> -inf), nan at negative integers.
  if (x === 0) return Object.is(x, -0) ? Infinity : -Infinity;
  if (x < 0 && Number.isInteger(x)) return NaN;
  if (x < 0) return digammaScalar(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const x2 = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - x2 * (1 / 12 - x2 * (1 / 120 - x2 * (1 / 252 - x2 * (1 / 240 - x2 * (1 / 132)))));
}

/** ψ'(x), the derivative of digamma. */
export function trigammaScalar(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0) {
    const s = Math.sin(Math.PI * x);
    return (Math.PI * Math.PI) / (s * s) - trigammaScalar(1 - x);
  }
  let r = 0;
  while (x < 6) {
    r += 1 / (x * x);
    x += 1;
  }
  const x2 = 1 / (x * x);
  return r + 1 / x + x2 / 2 + (1 / x) * x2 * (1 / 6 - x2 * (1 / 30 - x2 * (1 / 42 - x2 / 30)));
}

/** erf in float64: its Taylor series below 3 (the largest term is about 2e3, so ~1e-13 absolute), a
 * continued fraction for erfc beyond (shared with nn.init.trunc_normal_). */
export function erf64(x: number): number {
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= -x2 / n;
      sum += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  const erfc = erfc64(ax);
  return x > 0 ? 1 - erfc : erfc - 1;
}

/**
 * erfc in float64, accurate in the tail: 1 - erf(x) in float32 (tfjs) was 0 from x = 3.9 on, where
 * PyTorch gives 2.9612e-08 (and 4.1370e-37 at x = 9).
 */
export function erfc64(x: number): number {
  // The continued fraction reads inf/inf at +inf; PyTorch's erfc(inf) is 0 (and erfc(-inf) 2).
  if (x === Infinity) return 0;
  if (x < 3) return 1 - erf64(x);
  // Lentz's evaluation of erfc(x) = exp(-x^2)/sqrt(pi) / (x + 1/2/(x + 1/(x + 3/2/(x + ...)))).
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const an = n / 2;
    d = x + an * d;
    d = d === 0 ? 1e-300 : 1 / d;
    c = x + an / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/**
 * erfinv of a float32 value, rounded to float32 as torch.erfinv on a float tensor gives it: Pavlak's
 * rational start (PyTorch's calc_erfinv) and Newton steps in float64. nn.init.trunc_normal_ uses it too.
 */
export function erfinvf(y: number): number {
  const ay = Math.abs(y);
  if (ay > 1) return NaN;
  if (ay === 1) return y > 0 ? Infinity : -Infinity;
  let x: number;
  if (ay <= 0.7) {
    const z = y * y;
    x = (y * (((-0.140543331 * z + 0.914624893) * z - 1.645349621) * z + 0.886226899)) / ((((0.012229801 * z - 0.329097515) * z + 1.442710462) * z - 2.118377725) * z + 1);
  } else {
    const z = Math.sqrt(-Math.log((1 - ay) / 2));
    x = (Math.sign(y) * (((1.641345311 * z + 3.429567803) * z - 1.624906493) * z - 1.970840454)) / ((1.6370678 * z + 3.5438892) * z + 1);
  }
  for (let i = 0; i < 3; i++) x -= (erf64(x) - y) / ((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x));
  return Math.fround(x);
}

// ---------------------------------------------------------------- unary

export const acos = (a: Tensor): Tensor => unaryF("AcosBackward0", a, tf.acos, (g, x) => tf.neg(tf.div(g, tf.sqrt(tf.sub(1, tf.square(x))))));
export const asin = (a: Tensor): Tensor => unaryF("AsinBackward0", a, tf.asin, (g, x) => tf.div(g, tf.sqrt(tf.sub(1, tf.square(x)))));
export const atan = (a: Tensor): Tensor => unaryF("AtanBackward0", a, tf.atan, (g, x) => tf.div(g, tf.add(1, tf.square(x))));
export const cosh = (a: Tensor): Tensor => unaryF("CoshBackward0", a, tf.cosh, (g, x) => tf.mul(g, tf.sinh(x)));
export const sinh = (a: Tensor): Tensor => unaryF("SinhBackward0", a, tf.sinh, (g, x) => tf.mul(g, tf.cosh(x)));
export const asinh = (a: Tensor): Tensor => unaryF("AsinhBackward0", a, tf.asinh, (g, x) => tf.div(g, tf.sqrt(tf.add(tf.square(x), 1))));
export const acosh = (a: Tensor): Tensor => unaryF("AcoshBackward0", a, tf.acosh, (g, x) => tf.mul(g, tf.rsqrt(tf.sub(tf.square(x), 1))));
export const atanh = (a: Tensor): Tensor => unaryF("AtanhBackward0", a, tf.atanh, (g, x) => tf.div(g, tf.sub(1, tf.square(x))));
export const tan = (a: Tensor): Tensor => unaryF("TanBackward0", a, tf.tan, (g, x) => tf.mul(g, tf.add(1, tf.square(tf.tan(x)))));
export const deg2rad = (a: Tensor): Tensor => unaryF("Deg2RadBackward0", a, (x) => tf.mul(x, Math.PI / 180), (g) => tf.mul(g, Math.PI / 180));
export const rad2deg = (a: Tensor): Tensor => unaryF("Rad2DegBackward0", a, (x) => tf.mul(x, 180 / Math.PI), (g) => tf.mul(g, 180 / Math.PI));
export const erfc = (a: Tensor): Tensor =>
  unaryF("ErfcBackward0", a, (x) => hostMap(x, erfc64), (g, x) => tf.mul(g, tf.mul(-2 / Math.sqrt(Math.PI), tf.exp(tf.neg(tf.square(x))))));
export const erfinv = (a: Tensor): Tensor =>
  unaryF("ErfinvBackward0", a, (x) => hostMap(x, erfinvf), (g, _x, y) => tf.mul(g, tf.mul(Math.sqrt(Math.PI) / 2, tf.exp(tf.square(y)))));
export const exp2 = (a: Tensor): Tensor => unaryF("Exp2Backward0", a, (x) => tf.pow(2, x), (g, _x, y) => tf.mul(g, tf.mul(y, Math.LN2)));
export const lgamma = (a: Tensor): Tensor => unaryF("LgammaBackward0", a, (x) => hostMap(x, lgammaScalar), (g, x) => tf.mul(g, hostMap(x, digammaScalar)));
export const digamma = (a: Tensor): Tensor => unaryF("DigammaBackward0", a, (x) => hostMap(x, digammaScalar), (g, x) => tf.mul(g, hostMap(x, trigammaScalar)));

/** sin(πx)/(πx), 1 at 0. */
export const sinc = (a: Tensor): Tensor =>
  unaryF(
    "SincBackward0",
    a,
    (x) => {
      const px = tf.mul(x, Math.PI);
      return tf.where(tf.equal(x, 0), tf.onesLike(x), tf.div(sinT(px), px));
    },
    // d/dx sinc(x) = (cos(πx) - sinc(x)) / x, 0 at 0.
    (g, x, y) => tf.where(tf.equal(x, 0), tf.zerosLike(g), tf.mul(g, tf.div(tf.sub(cosT(tf.mul(x, Math.PI)), y), x))),
  );

export function frac(a: Tensor): Tensor {
  need("frac", a);
  floatOnly("frac", a);
  return record("FracBackward0", [a], compute(() => tf.sub(a._t, tf.mul(tf.sign(a._t), tf.floor(tf.abs(a._t))))), (g) => [g]);
}

/** log(p / (1 - p)), with p clamped to [eps, 1 - eps] when eps is given. */
export function logit(a: Tensor, eps: number | null = null): Tensor {
  need("logit", a);
  const lo = eps === null ? null : eps;
  const hi = eps === null ? null : 1 - eps;
  const out = compute(() => {
    const x = f32(a);
    const z = lo === null ? x : tf.clipByValue(x, lo, hi!);
    return tf.log(tf.div(z, tf.sub(1, z)));
  });
  return record("LogitBackward0", [a], out, (g) => {
    const x = f32(a);
    const d = tf.div(g, tf.mul(x, tf.sub(1, x)));
    // PyTorch's logit_backward: nan outside [0, 1] without eps, 0 outside [eps, 1 - eps] with it.
    if (lo === null) return [tf.where(tf.logicalOr(tf.less(x, 0), tf.greater(x, 1)), tf.fill(x.shape, NaN), d)];
    return [tf.where(tf.logicalOr(tf.less(x, lo), tf.greater(x, hi!)), tf.zerosLike(d), d)];
  });
}

/** True where the sign bit is set (negative numbers and -0). */
export function signbit(a: Tensor): Tensor {
  need("signbit", a);
  if (a.dtype._tf === "bool") return constant(compute(() => tf.zeros(a.shape, "bool")));
  if (a.dtype._tf === "int32") return constant(compute(() => tf.less(a._t, 0)));
  return constant(compute(() => {
    const x = a._t;
    // -0 is the zero whose reciprocal is -inf.
    return tf.logicalOr(tf.less(x, 0), tf.logicalAnd(tf.equal(x, 0), tf.less(tf.reciprocal(x), 0)));
  }));
}

const F32_MAX = 3.4028234663852886e38;

/** nan -> `nan`, +inf -> `posinf`, -inf -> `neginf` (float32's largest finite values by default). */
export function nan_to_num(a: Tensor, nan = 0, posinf: number | null = null, neginf: number | null = null): Tensor {
  need("nan_to_num", a);
  if (a.dtype._tf !== "float32") return M.clone(a);
  const pi = posinf ?? F32_MAX;
  const ni = neginf ?? -F32_MAX;
  const out = compute(() => {
    const x = a._t;
    const r = tf.where(tf.isNaN(x), tf.fill(x.shape, nan), x);
    return tf.where(tf.isInf(x), tf.where(tf.greater(x, 0), tf.fill(x.shape, pi), tf.fill(x.shape, ni)), r);
  });
  return record("NanToNumBackward0", [a], out, (g) => [tf.where(tf.isFinite(a._t), g, tf.zerosLike(g))]);
}

// ---------------------------------------------------------------- binary

export function atan2(a: Operand, b: Operand): Tensor {
  const [x, y] = operands("atan2", a, b);
  const out = compute(() => tf.atan2(f32(x), f32(y)));
  return record("Atan2Backward0", [x, y], out, (g) => {
    const xf = f32(x);
    const yf = f32(y);
    const r = tf.add(tf.square(xf), tf.square(yf));
    return [sumTo(tf.div(tf.mul(g, yf), r), x.shape), sumTo(tf.neg(tf.div(tf.mul(g, xf), r)), y.shape)];
  });
}

/** Remainder with the sign of the dividend (C's fmod), unlike remainder's sign of the divisor. */
export function fmod(a: Operand, b: Operand): Tensor {
  const [x, y] = operands("fmod", a, b);
  const dt = promote(x.dtype, y.dtype);
  const cd: DType = dt._tf === "bool" ? D.int64 : dt;
  if (cd._tf === "int32" && Array.from(as(y._t, D.int64).dataSync() as Int32Array).some((v) => v === 0)) throw new RuntimeError("ZeroDivisionError: fmod by zero (integer)");
  const out = compute(() => {
    const xx = as(x._t, cd);
    const yy = as(y._t, cd);
    // C's fmod, exact, where the backend has the kernel (math_kernels.ts).
    const exact = cd._tf === "float32" ? fmodT(xx, yy, broadcastShapes(x.shape, y.shape), false) : null;
    if (exact !== null) return exact;
    // tfjs's mod is the floor remainder (sign of the divisor); move it to the sign of the dividend.
    const r = tf.mod(xx, yy);
    const off = tf.logicalAnd(tf.notEqual(r, 0), tf.notEqual(tf.less(r, 0), tf.less(xx, 0)));
    const res = tf.where(off, tf.sub(r, yy), r);
    if (cd._tf !== "float32") return res;
    // x % inf is x, and a nan or zero divisor gives nan, as C's fmod.
    const passthrough = tf.logicalAnd(tf.isInf(yy), tf.isFinite(xx));
    return tf.where(passthrough, xx, tf.where(tf.equal(yy, 0), tf.fill(xx.shape, NaN), res));
  });
  return record("FmodBackward1", [x, y], out, (g) => {
    const q = tf.div(f32(x), f32(y));
    return [sumTo(g, x.shape), y.requires_grad ? sumTo(tf.neg(tf.mul(g, tf.mul(tf.sign(q), tf.floor(tf.abs(q))))), y.shape) : null];
  });
}

export function hypot(a: Tensor, b: Operand): Tensor {
  const [x, y] = operands("hypot", a, b);
  if (promote(x.dtype, y.dtype)._tf !== "float32") floatOnly("hypot", x);
  const out = compute(() => tf.sqrt(tf.add(tf.square(f32(x)), tf.square(f32(y)))));
  let self: Tensor;
  const res = record("HypotBackward0", [x, y], out, (g) => {
    const h = self._t;
    return [sumTo(tf.mul(g, tf.div(f32(x), h)), x.shape), sumTo(tf.mul(g, tf.div(f32(y), h)), y.shape)];
  });
  self = res;
  return res;
}

/** x * log(y), 0 where x == 0 (unless y is nan). */
export function xlogy(a: Operand, b: Operand): Tensor {
  const [x, y] = operands("xlogy", a, b);
  const out = compute(() => {
    const xf = f32(x);
    const yf = f32(y);
    const r = tf.mul(xf, tf.log(yf));
    return tf.where(tf.logicalAnd(tf.equal(xf, 0), tf.logicalNot(tf.isNaN(yf))), tf.zerosLike(r), r);
  });
  return record("XlogyBackward0", [x, y], out, (g) => {
    const xf = f32(x);
    const yf = f32(y);
    // PyTorch: xlogy(grad, other), zeroed where self == 0 and other <= 0.
    const gl = tf.where(tf.logicalAnd(tf.equal(g, 0), tf.logicalNot(tf.isNaN(yf))), tf.zerosLike(g), tf.mul(g, tf.log(yf)));
    const gx = tf.where(tf.logicalAnd(tf.equal(xf, 0), tf.lessEqual(yf, 0)), tf.zerosLike(g), gl);
    return [sumTo(gx, x.shape), sumTo(tf.div(tf.mul(g, xf), yf), y.shape)];
  });
}

/** log(exp(a) + exp(b)) without overflow. */
export function logaddexp(a: Tensor, b: Operand): Tensor {
  const [x, y] = operands("logaddexp", a, b);
  if (x.dtype._tf !== "float32" && y.dtype._tf !== "float32") floatOnly("logaddexp", x);
  const out = compute(() => {
    const xf = f32(x);
    const yf = f32(y);
    const m = tf.maximum(xf, yf);
    const r = tf.add(m, log1pT(tf.exp(tf.neg(tf.abs(tf.sub(xf, yf))))));
    // Equal infinities: inf - inf would be nan.
    return tf.where(tf.logicalAnd(tf.isInf(xf), tf.equal(xf, yf)), xf, r);
  });
  return record("LogaddexpBackward0", [x, y], out, (g) => {
    const d = tf.sigmoid(tf.sub(f32(x), f32(y)));
    return [sumTo(tf.mul(g, d), x.shape), sumTo(tf.mul(g, tf.sub(1, d)), y.shape)];
  });
}

/** 0 where input < 0, `values` where input == 0, 1 where input > 0. Not differentiable (as in PyTorch). */
export function heaviside(a: Tensor, values: Tensor): Tensor {
  need("heaviside", a);
  need("heaviside", values, "values");
  if (a.dtype !== values.dtype) throw new RuntimeError(`heaviside is not yet implemented for tensors with different dtypes (input ${a.dtype}, values ${values.dtype})`);
  operands("heaviside", a, values);
  const dt = a.dtype;
  return constantOf([a], compute(() => {
    const cd: DType = dt._tf === "bool" ? D.int64 : dt;
    const x = as(a._t, cd);
    const shape = tf.broadcastTo(x, broadcastShape(a.shape, values.shape)).shape;
    const xb = tf.broadcastTo(x, shape);
    const v = tf.broadcastTo(as(values._t, cd), shape);
    return as(tf.where(tf.equal(xb, 0), v, as(tf.greater(xb, 0), cd)), dt);
  }));
}

function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, i) => {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    return x === 1 ? y : x;
  });
}

/** pow computed in floating point: a float64 result, as PyTorch's (its values in float32 precision). */
export function float_power(a: Operand, exponent: Operand): Tensor {
  if (!(a instanceof Tensor)) {
    const e = need("float_power", exponent, "exponent");
    return E.pow(operand(Number(a), e.double(), "float_power"), e.double());
  }
  return E.pow(a.double(), exponent instanceof Tensor ? exponent.double() : Number(exponent));
}

function intBinary(op: string, a: Tensor, b: Operand, f: (x: number, y: number) => number): Tensor {
  const [x, y] = operands(op, a, b);
  for (const t of [x, y]) if (t.dtype._tf === "float32") throw new RuntimeError(`"${op}_cpu" not implemented for 'Float'`);
  const shape = broadcastShape(x.shape, y.shape);
  const xs = compute(() => tf.broadcastTo(as(x._t, D.int64), shape)).dataSync() as Int32Array;
  const ys = compute(() => tf.broadcastTo(as(y._t, D.int64), shape)).dataSync() as Int32Array;
  const out = Int32Array.from(xs, (v, i) => f(v, ys[i]));
  return withDtype(constant(compute(() => tf.tensor(out, shape, "int32"))), intResult([x, y]));
}

function gcdScalar(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
export const gcd = (a: Tensor, b: Operand): Tensor => intBinary("gcd", a, b, gcdScalar);
export const lcm = (a: Tensor, b: Operand): Tensor =>
  intBinary("lcm", a, b, (x, y) => {
    const g = gcdScalar(x, y);
    return g === 0 ? 0 : Math.abs((x / g) * y) | 0;
  });

/** input * 2 ** other. */
export const ldexp = (a: Tensor, other: Operand): Tensor => E.mul(need("ldexp", a), other instanceof Tensor ? exp2(other) : 2 ** Number(other));

/**
 * The value of `x.ldexp_(other)`. PyTorch 1.13 writes it through `mul(out=...)`, which refuses
 * autograd when grad mode is on and either operand requires grad.
 */
export function ldexpInplaceValue(a: Tensor, other: Operand): Tensor {
  if (is_grad_enabled() && (a.requires_grad || (other instanceof Tensor && other.requires_grad))) {
    throw new RuntimeError("mul(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.");
  }
  return ldexp(a, other);
}

/** PyTorch 1.13 defines no derivative for acosh_/asinh_/atanh_: the write is recorded, and backward through it raises. */
function inplaceWithoutDerivative(op: string, a: Tensor, f: (x: tf.Tensor) => tf.Tensor): Tensor {
  need(op, a);
  const name = `${op[0].toUpperCase()}${op.slice(1)}Backward1`;
  return record(name, [a], compute(() => f(f32(a))), () => {
    throw new NotImplementedError(`the derivative for 'inplace version of ${op}' is not implemented.`);
  });
}
/** The values `x.acosh_()`, `x.asinh_()`, `x.atanh_()` write (AcoshBackward1, ... whose backward raises, as in PyTorch 1.13). */
export const acoshInplaceValue = (a: Tensor): Tensor => inplaceWithoutDerivative("acosh", a, tf.acosh);
export const asinhInplaceValue = (a: Tensor): Tensor => inplaceWithoutDerivative("asinh", a, tf.asinh);
export const atanhInplaceValue = (a: Tensor): Tensor => inplaceWithoutDerivative("atanh", a, tf.atanh);

// ---------------------------------------------------------------- ternary

/** input + value * tensor1 * tensor2 */
export function addcmul(input: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  need("addcmul", input);
  need("addcmul", t1, "tensor1");
  need("addcmul", t2, "tensor2");
  const prod = E.mul(t1, t2);
  return E.add(input, value === 1 ? prod : E.mul(prod, value));
}

/** input + value * tensor1 / tensor2 */
export function addcdiv(input: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  need("addcdiv", input);
  need("addcdiv", t1, "tensor1");
  need("addcdiv", t2, "tensor2");
  if (t1.dtype._tf !== "float32" && t2.dtype._tf !== "float32") {
    throw new RuntimeError(
      "Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.",
    );
  }
  const q = E.div(t1, t2);
  return E.add(input, value === 1 ? q : E.mul(q, value));
}

/** lerp's backward for a number weight (holds no tensor, see holdsNoTensor). */
function lerpBackward(ss: readonly number[], es: readonly number[], w: number): BackwardFn {
  return holdsNoTensor((g) => [sumTo(tf.mul(g, 1 - w), ss), sumTo(tf.mul(g, w), es)]);
}

/** start + weight * (end - start); weight a number or a tensor (broadcast). */
export function lerp(start: Tensor, end: Tensor, weight: Tensor | number): Tensor {
  need("lerp", start);
  need("lerp", end, "end");
  if (start.dtype._tf !== "float32" || end.dtype._tf !== "float32") {
    throw new RuntimeError(`lerp(): expected floating point start and end, got ${start.dtype} and ${end.dtype}`);
  }
  if (weight instanceof Tensor && weight.dtype._tf !== "float32") throw new RuntimeError(`lerp(): expected a floating point weight, got ${weight.dtype}`);
  broadcastCheck("lerp", [start, end, ...(weight instanceof Tensor ? [weight] : [])]);
  if (!(weight instanceof Tensor)) {
    // PyTorch's LerpBackward0 saves only the number weight: its backward reads no tensor.
    const w = weight;
    const out = compute(() => tf.add(start._t, tf.mul(tf.sub(end._t, start._t), w)));
    return record("LerpBackward0", [start, end], out, lerpBackward(start.shape, end.shape, w), false, false);
  }
  // Named as PyTorch's lerp kernel: LerpBackward1(start, end, weight) for a tensor weight.
  const y = E.add(start, E.mul(E.sub(end, start), weight));
  return renameGradFn(y, "LerpBackward1", [start, end, weight]);
}

function broadcastCheck(op: string, ts: Tensor[]): number[] {
  let shape: number[] = [];
  for (const t of ts) {
    const msg = broadcastMismatch(shape, t.shape);
    if (msg !== null) throw new ShapeError(`${op}(): ${msg} (shapes ${ts.map((u) => fmtShape(u.shape)).join(", ")})`, shape, t.shape);
    shape = broadcastShape(shape, t.shape);
  }
  return shape;
}

// ---------------------------------------------------------------- reductions

export function nansum(a: Tensor, dim?: R.Dims, keepdim = false): Tensor {
  need("nansum", a);
  if (a.dtype._tf !== "float32") return R.sum(a, dim, keepdim);
  // The gradient is grad * !isnan(x), a product as in PyTorch: an infinite grad (nanmean of an
  // all-nan slice) gives nan there, not 0.
  // One node, NansumBackward0, as PyTorch records.
  const dims = R.reduceDims("nansum", a, dim);
  const summed = R.sum(constantOf([a], compute(() => tf.where(tf.isNaN(a._t), tf.zerosLike(a._t), a._t))), dim, keepdim);
  return record("NansumBackward0", [a], compute(() => tf.clone(summed._t)), (g) => [tf.mul(R.expandBack(g, a, dims), tf.cast(tf.logicalNot(tf.isNaN(a._t)), "float32"))]);
}

export function nanmean(a: Tensor, dim?: R.Dims, keepdim = false): Tensor {
  need("nanmean", a);
  if (a.dtype._tf !== "float32") throw new RuntimeError(`nanmean(): expected input to have floating point dtype but got ${a.dtype._typeName}`);
  const count = R.sum(E.logical_not(E.isnan(a)), dim, keepdim);
  return E.div(nansum(a, dim, keepdim), count);
}

export function count_nonzero(a: Tensor, dim?: R.Dims): Tensor {
  need("count_nonzero", a);
  return R.sum(E.ne(a, 0), dim, false);
}

/** The variance and the mean, one pass of arguments (`dim`, `unbiased` or `correction`, `keepdim`). */
export function var_mean(a: Tensor, dim: R.Dims, correction: number, keepdim: boolean, op = "var_mean"): [Tensor, Tensor] {
  need(op, a);
  const v = op === "std_mean" ? R.std(a, dim, correction, keepdim) : R.variance(a, dim, correction, keepdim);
  return asPyTuple([v, R.mean(a, dim, keepdim)]) as [Tensor, Tensor];
}

/** Host scan along `dim`: calls `visit(base, stride, n)` for each 1-D slice (flat offsets base + k * stride). */
function eachSlice(shape: readonly number[], dim: number, visit: (base: number, stride: number, n: number) => void): void {
  const n = shape[dim] ?? 1;
  const inner = numelOf(shape.slice(dim + 1));
  const outer = numelOf(shape.slice(0, dim));
  for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) visit(o * n * inner + i, inner, n);
}

/** Running max (cummax) or min (cummin) along `dim` and the index where it was last reached. */
export function cumextreme(op: "cummax" | "cummin", a: Tensor, dim: number): R.ValuesIndices {
  need(op, a);
  const d = a.dim() === 0 ? normDim(dim, 1, op) : normDim(dim, a.dim(), op);
  const shape = a.shape.slice();
  const src = a._t.dataSync() as ArrayLike<number>;
  const vals = a.dtype._tf === "float32" ? new Float32Array(src.length) : new Int32Array(src.length);
  const idx = new Int32Array(src.length);
  const better = op === "cummax" ? (v: number, b: number) => v >= b : (v: number, b: number) => v <= b;
  eachSlice(shape.length ? shape : [1], shape.length ? d : 0, (base, stride, n) => {
    let best = NaN;
    let at = 0;
    for (let k = 0; k < n; k++) {
      const p = base + k * stride;
      const v = Number(src[p]);
      // A nan, once met, stays the running value (PyTorch propagates it).
      if (k === 0 || (!Number.isNaN(best) && (Number.isNaN(v) || better(v, best)))) {
        best = v;
        at = k;
      }
      vals[p] = best;
      idx[p] = at;
    }
  });
  const outDtype: DType = a.dtype;
  const values = record(op === "cummax" ? "CummaxBackward0" : "CumminBackward0", [a], compute(() => as(tf.tensor(vals, shape, outDtype._tf === "bool" ? "int32" : outDtype._tf), outDtype)), (g) => {
    const gs = g.dataSync() as Float32Array;
    const acc = new Float32Array(gs.length);
    eachSlice(shape.length ? shape : [1], shape.length ? d : 0, (base, stride, n) => {
      for (let k = 0; k < n; k++) acc[base + idx[base + k * stride] * stride] += gs[base + k * stride];
    });
    return [tf.tensor(acc, shape, "float32")];
  });
  return R.valuesIndices(values, constant(compute(() => tf.tensor(idx, shape, "int32"))), op);
}

/** log(cumsum(exp(x))) along `dim`, computed stably as a running logaddexp. */
export function logcumsumexp(a: Tensor, dim: number): Tensor {
  need("logcumsumexp", a);
  const x = a.dtype._tf === "float32" ? a : a.float();
  const d = x.dim() === 0 ? normDim(dim, 1, "logcumsumexp") : normDim(dim, x.dim(), "logcumsumexp");
  const shape = x.shape.slice();
  const sh = shape.length ? shape : [1];
  const dd = shape.length ? d : 0;
  const src = x._t.dataSync() as Float32Array;
  const out = new Float64Array(src.length);
  eachSlice(sh, dd, (base, stride, n) => {
    let acc = -Infinity;
    for (let k = 0; k < n; k++) {
      const v = src[base + k * stride];
      const m = Math.max(acc, v);
      acc = m === -Infinity ? -Infinity : Number.isNaN(m) ? NaN : m === Infinity ? Infinity : m + Math.log(Math.exp(acc - m) + Math.exp(v - m));
      out[base + k * stride] = acc;
    }
  });
  return record("LogcumsumexpBackward0", [x], compute(() => tf.tensor(Float32Array.from(out), shape, "float32")), (g) => {
    const gs = g.dataSync() as Float32Array;
    const gx = new Float32Array(gs.length);
    // grad_i = sum_{j >= i} g_j exp(x_i - out_j); out is non-decreasing, so the reverse recurrence
    // T_i = g_i + exp(out_i - out_{i+1}) T_{i+1} multiplies only by factors <= 1.
    eachSlice(sh, dd, (base, stride, n) => {
      let T = 0;
      for (let k = n - 1; k >= 0; k--) {
        const p = base + k * stride;
        const next = k + 1 < n ? out[p + stride] : out[p];
        T = gs[p] + (k + 1 < n && T !== 0 ? Math.exp(out[p] - next) * T : 0);
        gx[p] = out[p] === -Infinity ? 0 : Math.exp(src[p] - out[p]) * T;
      }
    });
    return [tf.tensor(gx, shape, "float32")];
  });
}

export function trace(a: Tensor): Tensor {
  need("trace", a);
  if (a.dim() !== 2) throw new RuntimeError(`trace: expected a matrix, but got tensor with dim ${a.dim()} (shape ${fmtShape(a.shape)})`);
  return renameGradFn(R.sum(M.diagonal(a, 0, 0, 1)), "TraceBackward0", [a]);
}

/** Histogram of `bins` equal bins over [min, max] (the data's range when both are 0). Not differentiable. */
export function histc(a: Tensor, bins = 100, min = 0, max = 0): Tensor {
  need("histc", a);
  if (!Number.isInteger(bins) || bins <= 0) throw new RuntimeError(`torch.histc(): bins must be > 0, but got ${bins} for dimension 0`);
  if (a.dtype._tf !== "float32") throw new RuntimeError(`"histogram_cpu" not implemented for '${a.dtype._typeName}'`);
  const v = a._t.dataSync() as Float32Array;
  let lo = min;
  let hi = max;
  if (lo === hi && v.length > 0) {
    lo = Infinity;
    hi = -Infinity;
    for (const x of v) {
      if (Number.isNaN(x)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  if (lo > hi) throw new RuntimeError(`torch.histc(): max must be larger than min (min ${min}, max ${max})`);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RuntimeError(`torch.histc(): range of [${lo}, ${hi}] is not finite`);
  const h = new Float32Array(bins);
  for (const x of v) {
    if (!(x >= lo && x <= hi)) continue;
    const b = Math.min(bins - 1, Math.floor(((x - lo) * bins) / (hi - lo)));
    h[b]++;
  }
  return constant(compute(() => tf.tensor1d(h, "float32")));
}

/** n-th forward difference along `dim`, after concatenating `prepend` and `append`. */
export function diff(a: Tensor, n = 1, dim = -1, prepend: Tensor | null = null, append: Tensor | null = null): Tensor {
  need("diff", a);
  if (a.dim() === 0) throw new RuntimeError("diff expects input to be at least one-dimensional");
  if (!Number.isInteger(n) || n < 0) throw new RuntimeError(`order must be non-negative but got ${n}`);
  const d = normDim(dim, a.dim(), "diff");
  let x = a;
  if (prepend !== null || append !== null) {
    const parts = [prepend, a, append].filter((t): t is Tensor => t !== null);
    for (const p of parts) {
      if (p.dim() !== a.dim()) throw new RuntimeError(`diff expects prepend or append to be the same dimension as input (input ${fmtShape(a.shape)}, got ${fmtShape(p.shape)})`);
    }
    x = M.cat(parts, d);
  }
  for (let i = 0; i < n; i++) {
    const len = x.shape[d];
    if (len === 0) break;
    const hi = M.narrow(x, d, 1, len - 1);
    const lo = M.narrow(x, d, 0, len - 1);
    x = x.dtype._tf === "bool" ? E.logical_xor(hi, lo) : E.sub(hi, lo);
  }
  return x;
}

/** The spacing along one dimension of torch.gradient: a constant step, or the sample coordinates. */
export type GradientSpacing = number | Tensor;

/**
 * torch.gradient: the derivative estimated by second-order central differences inside and first- or
 * second-order one-sided differences at the two ends (`edge_order`), one tensor per dimension in `dims`,
 * with a constant step or sample coordinates per dimension (unevenly spaced coordinates use the
 * three-point formula NumPy's gradient uses).
 */
export function gradient(a: Tensor, spacing: GradientSpacing[], dims: number[], edgeOrder: number): Tensor[] {
  need("gradient", a);
  if (edgeOrder !== 1 && edgeOrder !== 2) throw new RuntimeError(`torch.gradient only supports edge_order=1 and edge_order=2.`);
  const y = a.is_floating_point() ? a : a.float();
  return dims.map((dim, k) => {
    const d = normDim(dim, y.dim(), "gradient");
    const n = y.shape[d];
    if (n < edgeOrder + 1) throw new RuntimeError(`torch.gradient expected each dimension size to be at least edge_order+1`);
    const at = (i: number, len = 1): Tensor => M.narrow(y, d, i < 0 ? n + i : i, len);
    const step = spacing[k];
    // Per-position weights along `d`, broadcast over the other dimensions.
    const along = (w: number[]): Tensor => M.reshape(makeTensor(w, { dtype: y.dtype }), y.shape.map((_, i) => (i === d ? w.length : 1)));
    const x = step instanceof Tensor ? ((step.dim() === 1 ? step.detach().tolist() : []) as number[]) : null;
    if (x !== null && (step as Tensor).dim() !== 1) throw new RuntimeError(`torch.gradient expected each tensor to be on the same device and one-dimensional, but got spacing of shape ${fmtShape((step as Tensor).shape)}`);
    if (x !== null && x.length !== n) throw new RuntimeError(`torch.gradient expected each tensor to have the same size as the input along its dimension (spacing ${x.length}, input ${n} along dim ${d})`);
    const h = (i: number): number => (x === null ? (step as number) : x[i + 1] - x[i]);
    if (x === null) {
      // A constant step: (y[i+1] - y[i-1]) / 2h inside, as PyTorch computes it.
      const s = step as number;
      const first = edgeOrder === 1 ? E.sub(at(1), at(0)) : E.add(E.add(E.mul(at(0), -1.5), E.mul(at(1), 2)), E.mul(at(2), -0.5));
      const last = edgeOrder === 1 ? E.sub(at(-1), at(-2)) : E.add(E.add(E.mul(at(-3), 0.5), E.mul(at(-2), -2)), E.mul(at(-1), 1.5));
      const inside = n > 2 ? [E.div(E.sub(at(2, n - 2), at(0, n - 2)), 2 * s)] : [];
      return M.cat([E.div(first, s), ...inside, E.div(last, s)], d);
    }
    const parts: Tensor[] = [];
    // The first point.
    if (edgeOrder === 1) parts.push(E.div(E.sub(at(1), at(0)), h(0)));
    else {
      const [h1, h2] = [h(0), h(1)];
      parts.push(E.add(E.add(E.mul(at(0), -(2 * h1 + h2) / (h1 * (h1 + h2))), E.mul(at(1), (h1 + h2) / (h1 * h2))), E.mul(at(2), -h1 / (h2 * (h1 + h2)))));
    }
    // Inside: (hl^2 y[i+1] - hr^2 y[i-1] + (hr^2 - hl^2) y[i]) / (hl hr (hl + hr)), the central difference when hl = hr.
    if (n > 2) {
      const hl = Array.from({ length: n - 2 }, (_, i) => h(i));
      const hr = Array.from({ length: n - 2 }, (_, i) => h(i + 1));
      const den = hl.map((l, i) => l * hr[i] * (l + hr[i]));
      const next = E.mul(at(2, n - 2), along(hl.map((l, i) => (l * l) / den[i])));
      const prev = E.mul(at(0, n - 2), along(hr.map((r, i) => -(r * r) / den[i])));
      const mid = E.mul(at(1, n - 2), along(hl.map((l, i) => (hr[i] * hr[i] - l * l) / den[i])));
      parts.push(E.add(E.add(next, prev), mid));
    }
    // The last point.
    if (edgeOrder === 1) parts.push(E.div(E.sub(at(-1), at(-2)), h(n - 2)));
    else {
      const [h1, h2] = [h(n - 3), h(n - 2)];
      parts.push(E.add(E.add(E.mul(at(-3), h2 / (h1 * (h1 + h2))), E.mul(at(-2), -(h1 + h2) / (h1 * h2))), E.mul(at(-1), (2 * h2 + h1) / (h2 * (h1 + h2)))));
    }
    return M.cat(parts, d);
  });
}

/** Covariance of the rows (variables) of a 2-D input whose columns are observations. */
export function cov(a: Tensor, correction = 1, fweights: Tensor | null = null, aweights: Tensor | null = null): Tensor {
  need("cov", a);
  if (a.dim() > 2) throw new RuntimeError(`cov(): expected input to have two or fewer dimensions but got an input with ${a.dim()} dimensions`);
  const x = a.dim() < 2 ? M.reshape(a.float(), [1, -1]) : a.float();
  const N = x.shape[1];
  let w: Tensor | null = null;
  if (fweights !== null) {
    if (fweights.dtype._tf === "float32") throw new RuntimeError("cov(): expected fweights to have integral dtype but got float32");
    if (fweights.dim() > 1 || fweights.numel() !== N) throw new RuntimeError(`cov(): expected fweights to have one dimension and ${N} elements but got ${fmtShape(fweights.shape)}`);
    if (R.any(E.lt(fweights, 0)).item()) throw new RuntimeError("cov(): fweights cannot be negative");
    w = fweights.float();
  }
  if (aweights !== null) {
    if (aweights.dtype._tf !== "float32") throw new RuntimeError(`cov(): expected aweights to have floating point dtype but got ${aweights.dtype}`);
    if (aweights.dim() > 1 || aweights.numel() !== N) throw new RuntimeError(`cov(): expected aweights to have one dimension and ${N} elements but got ${fmtShape(aweights.shape)}`);
    if (R.any(E.lt(aweights, 0)).item()) throw new RuntimeError("cov(): aweights cannot be negative");
    w = w === null ? aweights : E.mul(w, aweights);
  }
  let avg: Tensor;
  let norm: Tensor | number;
  if (w === null) {
    avg = R.mean(x, 1, true);
    norm = N - correction;
  } else {
    const wsum = R.sum(w);
    avg = E.div(R.sum(E.mul(x, w), 1, true), wsum);
    norm = aweights === null ? E.sub(wsum, correction) : E.sub(wsum, E.div(E.mul(R.sum(E.mul(w, aweights)), correction), wsum));
  }
  const xm = E.sub(x, avg);
  const xw = w === null ? xm : E.mul(xm, w);
  // A non-positive divisor gives inf/nan, as PyTorch's (which also warns).
  const normClamped = typeof norm === "number" ? Math.max(norm, 0) : E.clamp(norm, 0, null);
  const c = E.div(L.matmul(xw, M.transpose(xm, 0, 1)), normClamped);
  return a.dim() < 2 || x.shape[0] === 1 ? M.reshape(c, []) : c;
}

/**
 * Trapezoid rule along `dim`, with sample points `x` (1-D or the shape of y) or a constant spacing `dx`;
 * `cumulative` gives the running integral (torch.cumulative_trapezoid, one element fewer along `dim`).
 */
export function trapz(y: Tensor, x: Tensor | null = null, dx = 1, dim = -1, cumulative = false): Tensor {
  need(cumulative ? "cumulative_trapezoid" : "trapz", y);
  const yf = y.float();
  const d = normDim(dim, yf.dim(), "trapz");
  const len = yf.shape[d];
  if (len === 0) return cumulative ? yf : R.sum(yf, d);
  const total = (t: Tensor): Tensor => (cumulative ? R.cumsum(t, d) : R.sum(t, d));
  const avg = E.div(E.add(M.narrow(yf, d, 1, len - 1), M.narrow(yf, d, 0, len - 1)), 2);
  if (x === null) return E.mul(total(avg), dx);
  let spacing: Tensor;
  if (x.dim() === 1) {
    if (x.shape[0] !== len) throw new RuntimeError(`trapezoid: There must be one \`x\` value for each sample point (x ${fmtShape(x.shape)}, y ${fmtShape(y.shape)} along dim ${d})`);
    const dxs = diff(x.float());
    const shape = yf.shape.map((_, i) => (i === d ? len - 1 : 1));
    spacing = M.reshape(dxs, shape);
  } else spacing = diff(x.float(), 1, d);
  return total(E.mul(avg, spacing));
}

/** The smallest and largest values (of all elements, or along `dim`). */
export function aminmax(a: Tensor, dim: number | null = null, keepdim = false): MinMax {
  need("aminmax", a);
  if (a.numel() === 0) throw new RuntimeError(`aminmax(): Expected reduction dim to be specified for input.numel() == 0.`);
  const dims = dim === null ? null : normDim(dim, Math.max(a.dim(), 1), "aminmax");
  const mn = R.amax(a, dims === null ? undefined : dims, keepdim, "min");
  const mx = R.amax(a, dims === null ? undefined : dims, keepdim, "max");
  return minMax(mn, mx);
}

/** PyTorch's `torch.return_types.aminmax`: destructures as [min, max], with `.min` and `.max`. */
export interface MinMax {
  min: Tensor;
  max: Tensor;
  0: Tensor;
  1: Tensor;
  readonly length: 2;
  [Symbol.iterator](): Iterator<Tensor>;
}

function minMax(mn: Tensor, mx: Tensor): MinMax {
  return asReturnType("aminmax", ["min", "max"], [mn, mx]) as unknown as MinMax;
}

// ---------------------------------------------------------------- creation

function createDtype(op: string, dtype: unknown): DType | undefined {
  if (dtype === undefined || dtype === null) return undefined;
  const d = D.lookupDtype(dtype);
  if (d === undefined) throw new TypeError(`${op}(): unsupported dtype ${String(dtype)}`);
  return d;
}

/** `steps` values base ** linspace(start, end, steps). */
export function logspace(start: number, end: number, steps: number, base = 10, dtype?: DType | null, requires_grad = false): Tensor {
  if (!Number.isInteger(steps) || steps < 0) throw new RuntimeError(`logspace(): number of steps must be non-negative, got ${steps}`);
  const step = steps > 1 ? (end - start) / (steps - 1) : 0;
  // PyTorch fills the second half from the end, so the last value is exactly base ** end.
  const exps = Array.from({ length: steps }, (_, i) => (i < steps / 2 ? start + step * i : end - step * (steps - 1 - i)));
  return makeTensor(exps.map((e) => base ** e), { dtype: createDtype("logspace", dtype) ?? D.defaultFloatDtype(), requires_grad });
}

/** Values from `start` to `end` inclusive in steps of `step` (float32 by default): the deprecated torch.range. */
export function range(start: number, end: number, step = 1, dtype?: DType | null, requires_grad = false): Tensor {
  if (step === 0) throw new RuntimeError("range(): step must be nonzero");
  if ((end - start) / step < 0) throw new RuntimeError(`upper bound and larger bound inconsistent with step sign (start ${start}, end ${end}, step ${step})`);
  const n = Math.floor((end - start) / step) + 1;
  return makeTensor(Array.from({ length: n }, (_, i) => start + i * step), { dtype: createDtype("range", dtype) ?? D.defaultFloatDtype(), requires_grad });
}

// ---------------------------------------------------------------- out-of-place forms of the indexed writes

/** `self` with `alpha * source` added at `index` along `dim` (repeated indices add up). */
export function index_add(a: Tensor, dim: number, index: Tensor, source: Tensor, alpha = 1): Tensor {
  need("index_add", a);
  const d = normDim(dim, Math.max(a.dim(), 1), "index_add");
  checkIndex("index_add", index, a.dim() === 0 ? 1 : a.shape[d]);
  const want = a.shape.map((s, i) => (i === d ? index.numel() : s));
  if (source.shape.join(",") !== want.join(",") && !(a.dim() === 0 && source.numel() === index.numel())) {
    throw new ShapeError(`index_add_(): source ${fmtShape(source.shape)} must have the shape of self ${fmtShape(a.shape)} with dim ${d} of size index.numel() = ${index.numel()}`, want, source.shape);
  }
  if (source.dtype !== a.dtype) throw new RuntimeError(`index_add_(): self (${a.dtype._typeName}) and source (${source.dtype._typeName}) must have the same scalar type`);
  // index_add_ takes an int32 index too; the index_put_ it runs takes int64.
  const index64 = index.to(D.int64);
  const items = Array.from({ length: a.dim() }, (_, i) => (i === d ? M.reshape(index64, [-1]) : null));
  const src = alpha === 1 ? source : E.mul(source, alpha);
  if (a.dim() === 0) return SC.index_put("index_add_", a.reshape([1]), SC.indicesToItems("index_add_", [M.reshape(index64, [-1])]), M.reshape(src, [-1]), true).reshape([]);
  return SC.index_put("index_add_", a, SC.indicesToItems("index_add_", items), src, true);
}

function checkIndex(op: string, index: Tensor, size: number): void {
  need(op, index, "index");
  // PyTorch 1.13: index_add_ takes int32 and int64 indices, index_fill_ int64 only.
  if (op === "index_add" && index.dtype._tf !== "int32") throw new RuntimeError(`index_add_(): Expected dtype int32/int64 for index but got: ${index.dtype._typeName}`);
  if (op !== "index_add" && index.dtype !== D.int64) throw new IndexError(`${op}_(): Expected dtype int64 for index.`);
  if (index.dim() > 1) throw new IndexError(`${op}(): Index is supposed to be a vector (got shape ${fmtShape(index.shape)})`);
  for (const i of index._t.dataSync() as Int32Array) {
    if (i < -size || i >= size) throw new IndexError(`${op}(): index out of range in self: index ${i} is out of bounds for dimension with size ${size}`);
  }
}

/** `self` with `value` written at `index` along `dim`. */
export function index_fill(a: Tensor, dim: number, index: Tensor, value: number | boolean | Tensor): Tensor {
  need("index_fill", a);
  const d = normDim(dim, Math.max(a.dim(), 1), "index_fill");
  const size = a.dim() === 0 ? 1 : a.shape[d];
  checkIndex("index_fill", index, size);
  const pick = new Uint8Array(size);
  for (const i of index._t.dataSync() as Int32Array) pick[i < 0 ? i + size : i] = 1;
  const maskShape = a.shape.map((s, i) => (i === d ? s : 1));
  const mask = constant(compute(() => tf.cast(tf.reshape(tf.tensor1d(Int32Array.from(pick), "int32"), maskShape), "bool")));
  return E.masked_fill(a, mask, value);
}

/** `self` with the positions where `mask` is true taken, in order, from `source`'s elements. */
export function masked_scatter(a: Tensor, mask: Tensor, source: Tensor): Tensor {
  need("masked_scatter", a);
  if (mask.dtype._tf !== "bool") throw new RuntimeError(`masked_scatter_ only supports boolean masks, but got mask with dtype ${mask.dtype}`);
  if (source.dtype !== a.dtype) throw new RuntimeError(`masked_scatter: expected self and source to have same dtypes but got ${a.dtype._typeName} and ${source.dtype._typeName}`);
  const msg = broadcastMismatch(a.shape, mask.shape);
  if (msg !== null || broadcastShape(a.shape, mask.shape).join(",") !== a.shape.join(",")) {
    throw new ShapeError(`masked_scatter(): mask ${fmtShape(mask.shape)} must broadcast to self ${fmtShape(a.shape)}`, a.shape, mask.shape);
  }
  const m = compute(() => tf.broadcastTo(mask._t, a.shape)).dataSync();
  const pos: number[] = [];
  m.forEach((v, i) => {
    if (v) pos.push(i);
  });
  if (pos.length > source.numel()) throw new RuntimeError(`masked_scatter: Number of elements of source < number of ones in mask (${source.numel()} < ${pos.length})`);
  const flat = M.reshape(a, [-1], "ReshapeAliasBackward0");
  const idx = constant(compute(() => tf.tensor1d(Int32Array.from(pos), "int32")));
  const vals = M.narrow(M.reshape(source, [-1], "ReshapeAliasBackward0"), 0, 0, pos.length);
  return M.reshape(SC.index_put("masked_scatter_", flat, [idx], vals, false), a.shape.slice(), "ReshapeAliasBackward0");
}

/** `self` with `source`'s elements written (or added) at flat positions `index`. */
export function put(a: Tensor, index: Tensor, source: Tensor, accumulate = false): Tensor {
  need("put", a);
  need("put", index, "index");
  need("put", source, "source");
  if (index.dtype !== D.int64) throw new RuntimeError(`put_(): Expected a long tensor for index, but got ${index.dtype._typeName}`);
  if (index.numel() !== source.numel()) throw new RuntimeError(`put_(): Expected source and index to have the same number of elements, but got source.numel() = ${source.numel()}, index.numel() = ${index.numel()}`);
  if (source.dtype !== a.dtype) throw new RuntimeError(`put_(): self and source expected to have the same dtype, but got self.dtype = ${a.dtype._typeName} and source.dtype = ${source.dtype._typeName}`);
  const n = a.numel();
  for (const i of index._t.dataSync() as Int32Array) {
    if (i < -n || i >= n) throw new IndexError(`out of range: tried to access index ${i} on a tensor of ${n} elements.`);
  }
  const flat = M.reshape(a, [-1], "ReshapeAliasBackward0");
  const out = SC.index_put("put_", flat, [M.reshape(index, [-1])], M.reshape(source, [-1]), accumulate);
  return M.reshape(out, a.shape.slice(), "ReshapeAliasBackward0");
}

/** The flat positions of the diagonal fill_diagonal_ writes (`wrap`: continue below a tall matrix). */
export function diagonalMask(a: Tensor, wrap: boolean): Tensor {
  if (a.dim() < 2) throw new RuntimeError(`fill_diagonal_(): dimensions must larger than 1 (got ${a.dim()}-D, shape ${fmtShape(a.shape)})`);
  const shape = a.shape.slice();
  if (a.dim() > 2 && shape.some((s) => s !== shape[0])) throw new RuntimeError(`fill_diagonal_(): all dimensions of input must be of equal length (got ${fmtShape(shape)})`);
  const m = new Int32Array(a.numel());
  if (a.dim() === 2) {
    const [h, w] = shape;
    const end = wrap ? h * w : Math.min(h, w) * w;
    for (let p = 0; p < end; p += w + 1) m[p] = 1;
  } else {
    const strides = shape.map((_, i) => numelOf(shape.slice(i + 1)));
    const step = strides.reduce((s, v) => s + v, 0);
    for (let i = 0; i < shape[0]; i++) m[i * step] = 1;
  }
  return constant(compute(() => tf.cast(tf.tensor(m, shape, "int32"), "bool")));
}

/** `f` applied to every element on the host (Tensor.apply_ / map_); the result has this tensor's dtype. */
export function hostApply(a: Tensor, f: (...v: number[]) => number, others: Tensor[] = []): Tensor {
  const shape = a.shape.slice();
  const xs = [a, ...others].map((t) => compute(() => tf.broadcastTo(t._t, shape)).dataSync() as ArrayLike<number>);
  const n = numelOf(shape);
  const out = a.dtype._tf === "float32" ? new Float32Array(n) : new Int32Array(n);
  const bool = (t: Tensor, v: number): number => (t.dtype._tf === "bool" ? (Boolean(v) as unknown as number) : v);
  const ts = [a, ...others];
  for (let i = 0; i < n; i++) {
    const r = f(...xs.map((x, k) => bool(ts[k], Number(x[i]))));
    if (typeof r !== "number" && typeof r !== "boolean") throw new TypeError(`apply_(): the function must return a number, got ${describe(r)}`);
    out[i] = Number(r);
  }
  return withDtype(constant(compute(() => as(tf.tensor(out, shape, a.dtype._tf === "float32" ? "float32" : "int32"), a.dtype))), a.dtype);
}

/** Sums `a` down to `size` (which must expand to a's shape), as the gradient of expand does. */
export function sum_to_size(a: Tensor, size: number[]): Tensor {
  need("sum_to_size", a);
  const lead = a.dim() - size.length;
  const ok = lead >= 0 && size.every((s, i) => s === a.shape[lead + i] || s === 1);
  if (!ok) throw new RuntimeError(`size {${fmtShape(size)}} is not expandable to size {${fmtShape(a.shape)}}.`);
  const dims: number[] = [];
  for (let i = 0; i < a.dim(); i++) if (i < lead || (size[i - lead] === 1 && a.shape[i] !== 1)) dims.push(i);
  return dims.length ? M.reshape(R.sum(a, dims, true), size, "ViewBackward0") : a;
}

// ---------------------------------------------------------------- argument forms shared by the Tensor methods and torch.*

export type NanToNumOpts = { nan?: number; posinf?: number | null; neginf?: number | null };
export type HistcOpts = { bins?: number; min?: number; max?: number };
export type DiffOpts = { n?: number; dim?: number; axis?: number; prepend?: Tensor | null; append?: Tensor | null };

/** addcmul/addcdiv's keyword-only `value`. */
export function valueOpt(op: string, options: unknown): number {
  if (options !== undefined && !isOptions(options)) throw new TypeError(`${op}() takes 3 positional arguments; value is keyword-only ({value: ...})`);
  return (parseArgs(op, trimArgs([options]), ["value"]).value as number | undefined) ?? 1;
}

/** A required `dim`, positionally or as `{dim}`. */
export function requiredDim(op: string, dim: unknown): number {
  const d = isOptions(dim) ? parseArgs(op, [dim], ["dim"]).dim : dim;
  if (typeof d !== "number") throw new TypeError(`${op}() missing required argument 'dim' (got ${d === undefined ? "nothing" : typeof d})`);
  return d;
}

/** std_mean / var_mean's PyTorch overloads: (dim, unbiased, keepdim), (unbiased), and keyword correction. */
export function varMeanArgs(op: string, raw: unknown[]): { dim: R.Dims; correction: number; keepdim: boolean } {
  const args = trimArgs(raw);
  if (args.length >= 1 && typeof args[0] === "boolean") args.unshift(null);
  const a = parseArgs(op, args, ["dim", "unbiased", "keepdim", "correction"]);
  if (a.unbiased !== undefined && a.correction !== undefined) throw new TypeError(`${op}(): pass either unbiased or correction, not both`);
  const correction = a.correction !== undefined ? (a.correction as number) : a.unbiased === false ? 0 : 1;
  return { dim: a.dim as R.Dims, correction, keepdim: (a.keepdim as boolean | undefined) ?? false };
}
