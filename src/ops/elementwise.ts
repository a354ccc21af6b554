/** Pointwise ops with PyTorch broadcasting and type promotion, each with its gradient. */
import { profiling, profiled } from "../profiler/hook";
import { tf, compute, record, saves, constant, constantOf, operand, promote, sumTo, as, broadcastShapes, broadcastMismatch, describe, expandTo, select, withDtype, wrapInt } from "./_core";
import * as D from "../tensor/dtype";
import { Tensor, type DType } from "../tensor/tensor";
import { hasJsKernel, reluKeepingNaN } from "../backend/js_kernels";
import { sinT, cosT, log1pT, signT, fmodT, tanhGradT } from "../backend/math_kernels";
import { is_grad_enabled, is_backward_differentiable } from "../autograd/grad_mode";
import { sharedLayout, rawOf, keepLayout } from "./layout";
import { ShapeError, TypeError, RuntimeError, ValueError } from "../errors";
import { crossReads, holdsNoTensor, renameGradFn, type BackwardFn } from "../autograd/node";
import { checkIntRange } from "./creation";

type Operand = Tensor | number | boolean;

function checkBroadcast(op: string, a: Tensor, b: Tensor): void {
  const msg = broadcastMismatch(a.shape, b.shape);
  if (msg !== null) throw new ShapeError(`${op}(): ${msg} (shapes [${a.shape.join(", ")}] and [${b.shape.join(", ")}])`, a.shape, b.shape);
}

/**
 * The input tensor of an op; `torch.add(1, x)`-style number inputs are promoted against `other`. Two
 * numbers (`torch.add(1.5, 2.5)`, `torch.multiply(3, 4)`) make a 0-d tensor as PyTorch 1.13 does: the
 * kind both share (float64 for two floats, int64 for two ints, bool for two bools), int64 for an int
 * and a bool, the default float dtype for a float and an int.
 */
function inputTensor(op: string, a: unknown, other?: unknown): Tensor {
  if (a instanceof Tensor) return a;
  const isNumber = (v: unknown): v is number | boolean => typeof v === "number" || typeof v === "boolean";
  if (isNumber(a) && other instanceof Tensor) return operand(a, other, op);
  if (isNumber(a) && isNumber(other)) {
    const kind = (v: number | boolean): DType => (typeof v === "boolean" ? D.bool : Number.isInteger(v) ? D.int64 : D.float64);
    const [ka, kb] = [kind(a), kind(other)];
    const dtype = ka === kb ? ka : ka === D.float64 || kb === D.float64 ? D.defaultFloatDtype() : D.int64;
    return withDtype(Tensor._wrap(compute(() => tf.scalar(Number(a), dtype._tf))), dtype);
  }
  throw new TypeError(`${op}(): argument 'input' (position 1) must be Tensor, not ${describe(a)}`);
}

/**
 * The 0-d tensors that number operands become (`x.mul(2)`), one per value, dtype and backend: they
 * never escape to the caller and are never written, so `x.mul(2).add(1)` need not upload a scalar,
 * wrap it and later finalize it on every call (a few microseconds an op, measured on the
 * elementwise chain). Bounded: cleared when full; a cleared entry lives on in the nodes that hold it.
 */
// Keyed by dtype, then by the value itself (a Map tells 1 from true; -0 gets its own key, as Map
// takes it for 0): no key string built per op. Emptied when the backend changes.
const scalars = new Map<unknown, Map<number | boolean | string, Tensor>>();
let scalarsBackend = "";
let scalarsHeld = 0;
const SCALARS_MAX = 256;

function scalarOperand(v: number | boolean, like: Tensor, op: string): Tensor {
  const backend = tf.getBackend();
  if (backend !== scalarsBackend || scalarsHeld >= SCALARS_MAX) {
    scalars.clear();
    scalarsHeld = 0;
    scalarsBackend = backend;
  }
  let byValue = scalars.get(like.dtype);
  if (byValue === undefined) scalars.set(like.dtype, (byValue = new Map()));
  const key = Object.is(v, -0) ? "-0" : v;
  let t = byValue.get(key);
  if (t === undefined || t._s.data.isDisposed) {
    t = operand(v, like, op);
    byValue.set(key, t);
    scalarsHeld++;
  }
  return t;
}

function binaryInputs(op: string, a: Operand, b: Operand): [Tensor, Tensor] {
  const at = inputTensor(op, a, b);
  if (typeof b === "number" || typeof b === "boolean") return [at, scalarOperand(b, at, op)];
  const bt = operand(b, at, op);
  checkBroadcast(op, at, bt);
  return [at, bt];
}

/** a + alpha * b */
function checkAlpha(dt: DType, alpha: number): void {
  if (!dt.is_floating_point && !Number.isInteger(alpha)) throw new RuntimeError("For integral input tensors, argument alpha must not be a floating point number.");
}

export function add(a: Operand, b: Operand, alpha = 1): Tensor {
  const [x, y] = binaryInputs("add", a, b);
  const dt = promote(x.dtype, y.dtype);
  checkAlpha(dt, alpha);
  const layout = dt._tf === "float32" && alpha === 1 && !is_grad_enabled() ? sharedLayout(x, y) : null;
  if (layout !== null) return keepLayout(constantOf([x, y], compute(() => tf.add(as(rawOf(x), dt), as(rawOf(y), dt)))), layout);
  const out = compute(() => {
    // bool + bool stays bool in PyTorch (a logical or).
    if (dt._tf === "bool") return alpha === 0 ? tf.clone(x._t) : tf.logicalOr(x._t, y._t);
    const yy = alpha === 1 ? as(y._t, dt) : tf.mul(as(y._t, dt), tf.scalar(alpha, dt._tf));
    return tf.add(as(x._t, dt), yy);
  });
  return record("AddBackward0", [x, y], out, addBackward(x.shape, y.shape, alpha), false, false);
}

/** a - alpha * b */
export function sub(a: Operand, b: Operand, alpha = 1, name = "SubBackward0"): Tensor {
  const [x, y] = binaryInputs(name.startsWith("Rsub") ? "rsub" : "sub", a, b);
  if (x.dtype._tf === "bool" || y.dtype._tf === "bool" || typeof b === "boolean") {
    const op = name.startsWith("Rsub") ? "rsub" : "sub";
    throw new RuntimeError(
      x.dtype._tf === "bool" && y.dtype._tf === "bool"
        ? `${op}(): Subtraction, the \`-\` operator, with two bool tensors is not supported. Use the \`^\` or \`logical_xor()\` operator instead.`
        : `${op}(): Subtraction, the \`-\` operator, with a bool tensor is not supported. ` +
            "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
    );
  }
  const dt = promote(x.dtype, y.dtype);
  checkAlpha(dt, alpha);
  const out = compute(() => {
    const yy = alpha === 1 ? as(y._t, dt) : tf.mul(as(y._t, dt), tf.scalar(alpha, dt._tf));
    return tf.sub(as(x._t, dt), yy);
  });
  return record(name, [x, y], out, addBackward(x.shape, y.shape, -alpha), false, false);
}

/** b - a (for `rsub`, scalar minus tensor). */
export function rsub(a: Tensor, b: Operand): Tensor {
  if (typeof b === "boolean") return sub(a, b, 1, "RsubBackward1");
  // PyTorch names the node after rsub: RsubBackward0 for a tensor, RsubBackward1 for a number.
  return sub(operand(b, a, "rsub"), a, 1, b instanceof Tensor ? "RsubBackward0" : "RsubBackward1");
}

export function mul(a: Operand, b: Operand): Tensor {
  const [x, y] = binaryInputs("mul", a, b);
  const pt = promote(x.dtype, y.dtype);
  const dt = pt._tf === "bool" ? "bool" : pt;
  const layout = pt._tf === "float32" && !is_grad_enabled() ? sharedLayout(x, y) : null;
  if (layout !== null) return keepLayout(constantOf([x, y], compute(() => tf.mul(as(rawOf(x), pt), as(rawOf(y), pt)))), layout);
  const out = compute(() => (dt === "bool" ? tf.logicalAnd(x._t, y._t) : tf.mul(as(x._t, dt), as(y._t, dt))));
  return record("MulBackward0", [x, y], out, (g) => [
    x.requires_grad ? sumTo(tf.mul(g, as(y._t, D.float32)), x.shape) : null,
    y.requires_grad ? sumTo(tf.mul(g, as(x._t, D.float32)), y.shape) : null,
  ], false, crossReads(x, y));
}

/**
 * True division (always floating point), or with `rounding_mode` 'trunc' / 'floor' as PyTorch's
 * `torch.div(a, b, rounding_mode=...)`.
 */
export function div(a: Tensor, b: Operand, options?: { rounding_mode?: "trunc" | "floor" | null }): Tensor {
  const [x, y] = binaryInputs("div", a, b);
  const mode = options?.rounding_mode ?? null;
  if (mode !== null && mode !== "trunc" && mode !== "floor") {
    throw new RuntimeError(`div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '${String(mode)}'`);
  }
  if (mode !== null) {
    const dt = promote(x.dtype, y.dtype)._tf === "float32" ? "float32" : "int32";
    if (dt === "int32" && (y._t.dataSync() as Int32Array).some((v) => v === 0)) throw new RuntimeError("ZeroDivisionError: integer division by zero");
    const out = compute(() => {
      const q = tf.div(as(x._t, D.float32), as(y._t, D.float32));
      return as(mode === "floor" ? tf.floor(q) : tf.mul(tf.sign(q), tf.floor(tf.abs(q))), dt);
    });
    return record("DivBackward1", [x, y], out, (g) => [tf.zerosLike(sumTo(g, x.shape)), tf.zerosLike(sumTo(g, y.shape))]);
  }
  const out = compute(() => tf.div(as(x._t, D.float32), as(y._t, D.float32)));
  return record("DivBackward0", [x, y], out, (g) => {
    const yf = as(y._t, D.float32);
    return [
      x.requires_grad ? sumTo(tf.div(g, yf), x.shape) : null,
      y.requires_grad ? sumTo(tf.neg(tf.div(tf.mul(g, as(x._t, D.float32)), tf.square(yf))), y.shape) : null,
    ];
  }, false, y.requires_grad ? true : crossReads(x, y));
}

/** x + alpha * y's backward: the gradient summed to each input's shape (reads no tensor, see holdsNoTensor). */
function addBackward(xs: readonly number[], ys: readonly number[], alpha: number): BackwardFn {
  return holdsNoTensor((g) => [sumTo(g, xs), sumTo(alpha === 1 ? g : tf.mul(g, alpha), ys)]);
}

const negBackward = holdsNoTensor((g) => [tf.neg(g)]);

/** Remainder with the sign of the divisor (Python's %), like torch.remainder. */
export function remainder(a: Tensor, b: Operand): Tensor {
  const [x, y] = binaryInputs("remainder", a, b);
  const dt = promote(x.dtype, y.dtype);
  if (dt._tf !== "float32" && Array.from(y._t.dataSync() as Int32Array).some((v) => v === 0)) throw new RuntimeError("ZeroDivisionError: integer remainder by zero");
  const out = compute(() => {
    const xf = as(x._t, D.float32);
    const yf = as(y._t, D.float32);
    // PyTorch's float remainder is C's exact fmod moved to the divisor's sign (math_kernels.ts).
    const exact = dt._tf === "float32" ? fmodT(xf, yf, broadcastShapes(x.shape, y.shape), true) : null;
    return exact ?? as(tf.sub(xf, tf.mul(tf.floor(tf.div(xf, yf)), yf)), dt._tf === "bool" ? "int32" : dt._tf);
  });
  return record("RemainderBackward0", [x, y], out, (g) => [
    sumTo(g, x.shape),
    y.requires_grad ? sumTo(tf.neg(tf.mul(g, tf.floor(tf.div(as(x._t, D.float32), as(y._t, D.float32))))), y.shape) : null,
  ]);
}

/** a ** exponent, exponent a number or a tensor. */
export function pow(a: Tensor, exponent: Operand): Tensor {
  if (typeof exponent === "number") {
    const p = exponent;
    const dt = a.dtype._tf === "float32" || !Number.isInteger(p) ? "float32" : "int32";
    if (dt === "int32" && p < 0) throw new RuntimeError("Integers to negative integer powers are not allowed.");
    const out = compute(() => as(p === 2 ? tf.square(as(a._t, D.float32)) : tf.pow(as(a._t, D.float32), tf.scalar(p)), dt));
    return record("PowBackward0", [a], out, (g) => {
      if (p === 0) return [tf.zerosLike(g)];
      const xf = as(a._t, D.float32);
      return [tf.mul(g, tf.mul(tf.scalar(p), p === 2 ? xf : tf.pow(xf, tf.scalar(p - 1))))];
    });
  }
  const [x, y] = binaryInputs("pow", a, exponent);
  // Integer base and integer exponent stay integer, as in PyTorch.
  const dt = x.dtype._tf !== "float32" && y.dtype._tf !== "float32" ? "int32" : "float32";
  if (dt === "int32" && (y._t.dataSync() as Int32Array).some((v) => v < 0)) throw new RuntimeError("Integers to negative integer powers are not allowed.");
  const out = compute(() => {
    const p = tf.pow(as(x._t, D.float32), as(y._t, D.float32));
    return dt === "int32" ? tf.cast(tf.round(p), "int32") : p;
  });
  const result = record("PowBackward1", [x, y], out, (g) => {
    const xf = as(x._t, D.float32);
    const yf = as(y._t, D.float32);
    // PyTorch defines d/dx x**0 as 0, also at x == 0 where y * x**(y-1) would be 0 * inf.
    const ga = x.requires_grad
      ? sumTo(tf.where(tf.equal(yf, 0), tf.zerosLike(g), tf.mul(g, tf.mul(yf, tf.pow(xf, tf.sub(yf, 1))))), x.shape)
      : null;
    let gb: tf.Tensor | null = null;
    if (y.requires_grad) {
      // PyTorch masks the log at x == 0 (where y >= 0) so the gradient is 0 rather than NaN.
      // At x == 0 with y < 0 it is inf * log(0) = -inf, as in PyTorch.
      const gy = tf.mul(g, tf.mul(tf.pow(xf, yf), tf.log(xf)));
      gb = sumTo(tf.where(tf.logicalAnd(tf.equal(xf, 0), tf.greaterEqual(yf, 0)), tf.zerosLike(gy), gy), y.shape);
    }
    return [ga, gb];
  });
  return result;
}

function unary(name: string, a: Tensor, f: (x: tf.Tensor) => tf.Tensor, grad: (g: tf.Tensor, x: tf.Tensor, y: Tensor) => tf.Tensor, savesOutput = false): Tensor {
  // The op's name for the error message is derived only when there is an error to report.
  if (!(a instanceof Tensor)) inputTensor(name.replace(/Backward\d$/, "").toLowerCase(), a);
  // A buffer kept in another order (ops/layout.ts) maps elementwise in that order.
  const layout = a.dtype._tf === "float32" && !is_grad_enabled() ? sharedLayout(a) : null;
  if (layout !== null) return keepLayout(constantOf([a], compute(() => f(rawOf(a)))), layout);
  const out = compute(() => f(as(a._t, D.float32)));
  let self: Tensor;
  // An op whose gradient reads its result (exp, tanh, sigmoid, ...) saves that instead of its input, as PyTorch does.
  const res = record(name, [a], out, (g) => [grad(g, as(a._t, D.float32), self)], savesOutput, !savesOutput);
  self = res;
  return res;
}

export const neg = (a: Tensor): Tensor => {
  if (a.dtype._tf === "bool") {
    throw new RuntimeError("neg(): Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
  }
  return record("NegBackward0", [a], compute(() => tf.neg(a._t)), negBackward, false, false);
};
export const exp = (a: Tensor): Tensor => unary("ExpBackward0", a, tf.exp, (g, _x, y) => tf.mul(g, y._t), true);
export const log = (a: Tensor): Tensor => unary("LogBackward0", a, tf.log, (g, x) => tf.div(g, x));
export const log2 = (a: Tensor): Tensor => unary("Log2Backward0", a, (x) => tf.div(tf.log(x), Math.LN2), (g, x) => tf.div(g, tf.mul(x, Math.LN2)));
export const log10 = (a: Tensor): Tensor => unary("Log10Backward0", a, (x) => tf.div(tf.log(x), Math.LN10), (g, x) => tf.div(g, tf.mul(x, Math.LN10)));
export const log1p = (a: Tensor): Tensor => unary("Log1PBackward0", a, log1pT, (g, x) => tf.div(g, tf.add(x, 1)));
export const expm1 = (a: Tensor): Tensor => unary("Expm1Backward0", a, tf.expm1, (g, _x, y) => tf.mul(g, tf.add(y._t, 1)), true);
export const sqrt = (a: Tensor): Tensor => unary("SqrtBackward0", a, tf.sqrt, (g, _x, y) => tf.div(g, tf.mul(y._t, 2)), true);
export const rsqrt = (a: Tensor): Tensor => unary("RsqrtBackward0", a, tf.rsqrt, (g, _x, y) => tf.mul(g, tf.mul(tf.pow(y._t, 3), -0.5)), true);
export const square = (a: Tensor): Tensor => pow(a, 2);
export const reciprocal = (a: Tensor): Tensor => unary("ReciprocalBackward0", a, tf.reciprocal, (g, _x, y) => tf.neg(tf.mul(g, tf.square(y._t))), true);
export const sin = (a: Tensor): Tensor => unary("SinBackward0", a, sinT, (g, x) => tf.mul(g, cosT(x)));
export const cos = (a: Tensor): Tensor => unary("CosBackward0", a, cosT, (g, x) => tf.neg(tf.mul(g, sinT(x))));
export const tanh = (a: Tensor): Tensor => unary("TanhBackward0", a, tf.tanh, (g, _x, y) => tanhGradT(g, y._t), true);
export const sigmoid = (a: Tensor): Tensor =>
  unary("SigmoidBackward0", a, tf.sigmoid, (g, _x, y) => tf.mul(g, tf.mul(y._t, tf.sub(1, y._t))), true);
export const erf = (a: Tensor): Tensor =>
  unary("ErfBackward0", a, tf.erf, (g, x) => tf.mul(g, tf.mul(2 / Math.sqrt(Math.PI), tf.exp(tf.neg(tf.square(x))))));

export function abs(a: Tensor): Tensor {
  // int8's abs(-128) wraps back to -128, as in PyTorch.
  if (a.dtype._tf !== "float32") return withDtype(constant(wrapInt(compute(() => tf.abs(a._t)), a.dtype)), a.dtype);
  return unary("AbsBackward0", a, tf.abs, (g, x) => tf.mul(g, signT(x)));
}

export function sign(a: Tensor): Tensor {
  // sign of a bool tensor is itself (tfjs's Sign kernel misreads bool buffers).
  if (a.dtype._tf === "bool") return constant(compute(() => tf.clone(a._t)));
  return record("SignBackward0", [a], compute(() => signT(a._t)), (g) => [tf.zerosLike(g)]);
}

function rounding(name: string, a: Tensor, f: (x: tf.Tensor) => tf.Tensor): Tensor {
  if (a.dtype._tf !== "float32") return withDtype(constant(compute(() => tf.clone(a._t))), a.dtype);
  return record(name, [a], compute(() => f(a._t)), (g) => [tf.zerosLike(g)]);
}
export const floor = (a: Tensor): Tensor => rounding("FloorBackward0", a, tf.floor);
export const ceil = (a: Tensor): Tensor => rounding("CeilBackward0", a, tf.ceil);
/** Rounds half to even, as torch.round does. */
export const round = (a: Tensor): Tensor => rounding("RoundBackward0", a, tf.round);
export const trunc = (a: Tensor): Tensor => rounding("TruncBackward0", a, (x) => tf.mul(tf.sign(x), tf.floor(tf.abs(x))));

export function relu(a: Tensor): Tensor {
  if (profiling.active !== null) return profiled("aten::relu", [a], () => reluOp(a));
  return reluOp(a);
}

function reluOp(a: Tensor): Tensor {
  if (a.dtype._tf === "bool") throw new RuntimeError("relu(): Boolean inputs not supported for relu");
  const layout = is_grad_enabled() ? null : sharedLayout(a);
  if (layout !== null) return keepLayout(constantOf([a], compute(() => reluKeepingNaN(rawOf(a)))), layout);
  const out = compute(() => reluKeepingNaN(a._t));
  let self: Tensor;
  // ATen's threshold_backward: zero where the result is <= 0, so a NaN result passes its gradient.
  const res = record("ReluBackward0", [a], out, (g) => [
    // (tfjs has no gradient for the fused kernel: a closure run as a recorded op takes tfjs's ops.)
    hasJsKernel("TorchlabReluGrad") && g.dtype === "float32" && self._t.dtype === "float32" && !is_backward_differentiable()
      ? (tf.engine().runKernel("TorchlabReluGrad", { dy: g, y: self._t }) as tf.Tensor)
      : tf.where(tf.lessEqual(self._t, 0), tf.zerosLike(g), g),
  ], true, false);
  self = res;
  return res;
}

export function leaky_relu(a: Tensor, negative_slope = 0.01): Tensor {
  const out = compute(() => tf.where(tf.greater(a._t, 0), a._t, tf.mul(a._t, negative_slope)));
  return record("LeakyReluBackward0", [a], out, (g) => [tf.where(tf.greater(a._t, 0), g, tf.mul(g, negative_slope))]);
}

export function elu(a: Tensor, alpha = 1): Tensor {
  // exp(x) - 1 rather than expm1, as PyTorch's kernel computes it: elu(-1e-6) is -1.0133e-06 there.
  const out = compute(() => tf.where(tf.greater(a._t, 0), a._t, tf.mul(tf.sub(tf.exp(a._t), 1), alpha)));
  return record("EluBackward0", [a], out, (g) => [tf.where(tf.greater(a._t, 0), g, tf.mul(g, tf.mul(tf.exp(a._t), alpha)))]);
}

/** GELU, exact (erf) form by default or the 'tanh' approximation, as torch.nn.functional.gelu. */
export function gelu(a: Tensor, approximate: "none" | "tanh" = "none"): Tensor {
  if (approximate !== "none" && approximate !== "tanh") throw new ValueError(`gelu(): approximate must be 'none' or 'tanh', got '${String(approximate)}'`);
  if (approximate === "tanh") {
    const k = Math.sqrt(2 / Math.PI);
    const inner = (x: tf.Tensor) => tf.mul(k, tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
    const out = compute(() => tf.mul(tf.mul(0.5, a._t), tf.add(1, tf.tanh(inner(a._t)))));
    return record("GeluBackward0", [a], out, (g) => {
      const x = a._t;
      const t = tf.tanh(inner(x));
      const dinner = tf.mul(k, tf.add(1, tf.mul(3 * 0.044715, tf.square(x))));
      const d = tf.add(tf.mul(0.5, tf.add(1, t)), tf.mul(tf.mul(0.5, x), tf.mul(tf.sub(1, tf.square(t)), dinner)));
      return [tf.mul(g, d)];
    });
  }
  const out = compute(() => tf.mul(tf.mul(0.5, a._t), tf.add(1, tf.erf(tf.div(a._t, Math.SQRT2)))));
  return record("GeluBackward0", [a], out, (g) => {
    const x = a._t;
    const cdf = tf.mul(0.5, tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
    const pdf = tf.mul(1 / Math.sqrt(2 * Math.PI), tf.exp(tf.mul(-0.5, tf.square(x))));
    return [tf.mul(g, tf.add(cdf, tf.mul(x, pdf)))];
  });
}

export function softplus(a: Tensor, beta = 1, threshold = 20): Tensor {
  const out = compute(() => {
    const bx = tf.mul(a._t, beta);
    return tf.where(tf.greater(bx, threshold), a._t, tf.div(log1pT(tf.exp(bx)), beta));
  });
  return record("SoftplusBackward0", [a], out, (g) => {
    const bx = tf.mul(a._t, beta);
    return [tf.where(tf.greater(bx, threshold), g, tf.mul(g, tf.sigmoid(bx)))];
  });
}

export function silu(a: Tensor): Tensor {
  const out = compute(() => tf.mul(a._t, tf.sigmoid(a._t)));
  return record("SiluBackward0", [a], out, (g) => {
    const s = tf.sigmoid(a._t);
    return [tf.mul(g, tf.mul(s, tf.add(1, tf.mul(a._t, tf.sub(1, s)))))];
  });
}

/** Clamps into [min, max]; either bound may be null. The gradient passes where min <= x <= max. */
export function clamp(a: Tensor, min?: number | Tensor | null, max?: number | Tensor | null): Tensor {
  if ((min === undefined || min === null) && (max === undefined || max === null)) {
    throw new RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  }
  if (min instanceof Tensor || max instanceof Tensor) return clampTensor(a, min ?? null, max ?? null);
  // PyTorch converts integer bounds to a narrow integer tensor's type first: past its range is an
  // overflow error, and an unsigned type wraps negatives (uint8's clamp(min=-5) is clamp(min=251)).
  if (a.dtype._range !== null) {
    const conv = (v: number | null | undefined): number | null | undefined => (typeof v === "number" && Number.isInteger(v) ? checkIntRange("clamp", a.dtype, v) : v);
    const [lo2, hi2] = [conv(min as number | null | undefined), conv(max as number | null | undefined)];
    if (lo2 !== min || hi2 !== max) return clamp(a, lo2, hi2);
  }
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  const fractional = (v: number | null | undefined) => v !== undefined && v !== null && !Number.isInteger(v);
  const dt = a.dtype._tf === "float32" || fractional(min) || fractional(max) ? "float32" : a.dtype;
  const out = compute(() => {
    let x = as(a._t, D.float32);
    if (min !== undefined && min !== null) x = tf.maximum(x, min);
    if (max !== undefined && max !== null) x = tf.minimum(x, max);
    if (lo > hi) x = tf.fill(a.shape, hi);
    // nan stays nan, as in PyTorch.
    if (a.dtype._tf === "float32") x = tf.where(tf.isNaN(a._t), a._t, x);
    return as(x, dt);
  });
  return record("ClampBackward1", [a], out, (g) => {
    const x = as(a._t, D.float32);
    const inside = tf.logicalAnd(tf.greaterEqual(x, lo), tf.lessEqual(x, hi));
    return [tf.mul(g, tf.cast(inside, "float32"))];
  });
}

/**
 * clamp with tensor bounds (broadcast with the input): max(x, min), then min(., max), so min > max
 * gives max. The gradient reaches x where min <= x <= max, min where x < min, max where the
 * result exceeds max, as PyTorch's clamp_backward.
 */
function clampTensor(a: Tensor, min: number | Tensor | null, max: number | Tensor | null): Tensor {
  let r = a;
  // A nan bound makes the result nan, as PyTorch's nan-propagating max/min do.
  if (min !== null) r = where(min instanceof Tensor ? lt(r, min).logical_or(isnan(min)) : lt(r, min), min, r);
  if (max !== null) r = where(max instanceof Tensor ? gt(r, max).logical_or(isnan(max)) : gt(r, max), max, r);
  return r;
}

function pairwise(name: string, a: Tensor, b: Operand, pick: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor, takeA: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor): Tensor {
  const [x, y] = binaryInputs(name, a, b);
  const dt = promote(x.dtype, y.dtype);
  // bool stays bool (tfjs's Maximum/Minimum upcast it), computed as int32.
  const cd = dt._tf === "bool" ? "int32" : dt._tf;
  const out = compute(() => {
    const r = pick(as(x._t, cd), as(y._t, cd));
    if (dt._tf !== "float32") return as(r, dt);
    // A nan on either side propagates, as in PyTorch (tfjs returns the other value).
    const nan = tf.logicalOr(tf.isNaN(as(x._t, D.float32)), tf.isNaN(as(y._t, D.float32)));
    return tf.where(nan, tf.fill(r.shape, NaN), r);
  });
  return record(name === "maximum" ? "MaximumBackward0" : "MinimumBackward0", [x, y], out, (g) => {
    const xf = as(x._t, D.float32);
    const yf = as(y._t, D.float32);
    // PyTorch: ties split the gradient evenly; each side loses it only where the other side wins
    // (so a nan passes the gradient to both).
    const half = tf.where(tf.equal(xf, yf), tf.div(g, 2), g);
    const zero = tf.zerosLike(half);
    const ga = tf.where(takeA(yf, xf), zero, half);
    const gb = tf.where(takeA(xf, yf), zero, half);
    return [sumTo(ga, x.shape), sumTo(gb, y.shape)];
  });
}
export const maximum = (a: Tensor, b: Operand): Tensor => pairwise("maximum", a, b, tf.maximum, tf.greater);
export const minimum = (a: Tensor, b: Operand): Tensor => pairwise("minimum", a, b, tf.minimum, tf.less);

/**
 * torch.fmax / torch.fmin: maximum/minimum that ignore a nan on one side (nan only where both are).
 * The gradient goes to `a` where it is picked (ties included) and to `b` elsewhere, as PyTorch's.
 */
function nanIgnoring(name: string, a: Tensor, b: Tensor, keepA: (x: Tensor, y: Tensor) => Tensor): Tensor {
  if (!(a instanceof Tensor) || !(b instanceof Tensor)) throw new TypeError(`${name}(): argument 'other' must be Tensor`);
  return where(keepA(a, b).logical_or(isnan(b)), a, b);
}
export const fmax = (a: Tensor, b: Tensor): Tensor => nanIgnoring("fmax", a, b, ge);
export const fmin = (a: Tensor, b: Tensor): Tensor => nanIgnoring("fmin", a, b, le);

function compare(op: string, a: Tensor, b: Operand, f: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor): Tensor {
  const [x, y] = binaryInputs(op, a, b);
  const dt = promote(x.dtype, y.dtype);
  return constantOf([x, y], compute(() => f(as(x._t, dt), as(y._t, dt))));
}
export const eq = (a: Tensor, b: Operand): Tensor => compare("eq", a, b, tf.equal);
export const ne = (a: Tensor, b: Operand): Tensor => compare("ne", a, b, tf.notEqual);
export const lt = (a: Tensor, b: Operand): Tensor => compare("lt", a, b, tf.less);
export const le = (a: Tensor, b: Operand): Tensor => compare("le", a, b, tf.lessEqual);
export const gt = (a: Tensor, b: Operand): Tensor => compare("gt", a, b, tf.greater);
export const ge = (a: Tensor, b: Operand): Tensor => compare("ge", a, b, tf.greaterEqual);

function logical(op: string, a: Tensor, b: Operand, f: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor): Tensor {
  const [x, y] = binaryInputs(op, a, b);
  return constant(compute(() => f(tf.notEqual(x._t, 0), tf.notEqual(y._t, 0))), [x, y]);
}
export const logical_and = (a: Tensor, b: Operand): Tensor => logical("logical_and", a, b, tf.logicalAnd);
export const logical_or = (a: Tensor, b: Operand): Tensor => logical("logical_or", a, b, tf.logicalOr);
export const logical_xor = (a: Tensor, b: Operand): Tensor => logical("logical_xor", a, b, tf.logicalXor);
export const logical_not = (a: Tensor): Tensor => constant(compute(() => tf.logicalNot(tf.notEqual(a._t, 0))), [a]);
export const isnan = (a: Tensor): Tensor => constant(compute(() => (a.dtype._tf === "float32" ? tf.isNaN(a._t) : tf.zeros(a.shape, "bool"))), [a]);
export const isinf = (a: Tensor): Tensor => constant(compute(() => (a.dtype._tf === "float32" ? tf.isInf(a._t) : tf.zeros(a.shape, "bool"))), [a]);
export const isfinite = (a: Tensor): Tensor => constant(compute(() => (a.dtype._tf === "float32" ? tf.isFinite(a._t) : tf.ones(a.shape, "bool"))), [a]);

function asCondition(op: string, cond: Tensor): Tensor {
  if (cond.dtype._tf !== "bool") {
    // PyTorch's where and (2.x) masked_fill messages, RuntimeErrors as theirs are.
    const what = op === "where" ? `where expected condition to be a boolean tensor, but got a tensor with dtype ${cond.dtype._typeName}`
      : `${op}_ only supports boolean masks, but got mask with dtype ${cond.dtype._typeName.toLowerCase()}`;
    throw new RuntimeError(`${what} (use \`x.gt(0)\` or \`.bool()\`)`);
  }
  return cond;
}

/** Picks `a` where `cond` is true and `b` elsewhere, broadcasting all three. */
export function where(cond: Tensor, a: Operand, b: Operand): Tensor {
  asCondition("where", cond);
  const like = a instanceof Tensor ? a : b instanceof Tensor ? b : null;
  const base = like ?? Tensor._wrap(compute(() => tf.scalar(0, typeof a === "number" && !Number.isInteger(a) ? "float32" : "int32")));
  const x = operand(a, base, "where");
  const y = operand(b, base, "where");
  // PyTorch broadcasts condition with input, then the result with other, and names the first clash.
  const cx = broadcastShapes(cond.shape, x.shape);
  const shape = cx === null ? null : broadcastShapes(cx, y.shape);
  if (cx === null || shape === null) {
    const msg = cx === null ? broadcastMismatch(cond.shape, x.shape) : broadcastMismatch(cx, y.shape);
    throw new ShapeError(
      `where(): ${msg} (condition [${cond.shape.join(", ")}], input [${x.shape.join(", ")}], other [${y.shape.join(", ")}])`,
      cx === null ? cond.shape : cx,
      cx === null ? x.shape : y.shape,
    );
  }
  const dt = promote(x.dtype, y.dtype);
  // tfjs's broadcastTo cannot make a size-0 dim from a size-1 one.
  if (shape.includes(0)) return record("WhereBackward0", [cond, x, y], compute(() => tf.zeros(shape, dt._tf)), () => [null, null, null]);
  const out = compute(() => {
    const c = expandTo(cond._t, shape);
    return select(c, expandTo(as(x._t, dt), shape), expandTo(as(y._t, dt), shape));
  });
  const r = record("WhereBackward0", [cond, x, y], out, (g) => {
    const c = expandTo(cond._t, shape);
    const z = tf.zerosLike(g);
    return [null, sumTo(select(c, g, z), x.shape), sumTo(select(c, z, g), y.shape)];
  }, false, 1);
  // PyTorch's edges: the two values, not the condition.
  return renameGradFn(r, "WhereBackward0", [x, y]);
}

/** Fills `value` where `mask` is true. */
export function masked_fill(a: Tensor, mask: Tensor, value: number | boolean | Tensor): Tensor {
  asCondition("masked_fill", mask);
  // Out of place, PyTorch broadcasts input and mask together (a 0-d input with a [2] mask gives [2]);
  // masked_fill_ then rejects a result whose shape is not the input's.
  const shape = broadcastShapes(a.shape, mask.shape);
  if (shape === null) {
    throw new ShapeError(
      `masked_fill(): ${broadcastMismatch(mask.shape, a.shape)} (mask [${mask.shape.join(", ")}], input [${a.shape.join(", ")}])`,
      a.shape,
      mask.shape,
    );
  }
  if (shape !== null && shape.join(",") !== a.shape.join(",")) return masked_fill(a.expand(shape), mask, value);
  if (value instanceof Tensor && value.dim() !== 0) {
    throw new RuntimeError(`masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.dim()} dimension(s).`);
  }
  // PyTorch casts the value to the input's dtype (2.5 fills an int tensor with 2).
  const fill = typeof value === "number" && a.dtype._tf === "int32" ? Math.trunc(value) : a.dtype._tf === "bool" ? Number(value !== 0 && value !== false) : Number(value);
  const v = value instanceof Tensor ? value : Tensor._wrap(compute(() => tf.scalar(fill, a.dtype._tf === "bool" ? "int32" : a.dtype._tf)));
  // Nothing to fill in an empty tensor (tfjs's broadcastTo cannot make size-0 dims).
  if (a.numel() === 0) return record("MaskedFillBackward0", [a], compute(() => tf.clone(a._t)), (g) => [g]);
  // A bool input is filled as int32: wasm's Select kernel mishandles bool buffers.
  const dt = a.dtype._tf === "bool" ? "int32" : a.dtype._tf;
  const out = compute(() => as(select(expandTo(mask._t, a.shape), expandTo(as(as(v._t, a.dtype), dt), a.shape), as(a._t, dt)), a.dtype));
  const name = value instanceof Tensor ? "MaskedFillBackward1" : "MaskedFillBackward0";
  const r = record(name, [a, v], out, (g) => {
    const m = expandTo(mask._t, a.shape);
    return [select(m, tf.zerosLike(g), g), tf.sum(select(m, g, tf.zerosLike(g)))];
  }, false, false);
  // PyTorch's node saves the mask only.
  saves(r, mask);
  // PyTorch's edges: the input (and a tensor value), not the mask nor a number.
  return renameGradFn(r, name, value instanceof Tensor ? [a, v] : [a]);
}

export function checkNumber(op: string, name: string, v: unknown): number {
  if (typeof v !== "number" || Number.isNaN(v)) throw new TypeError(`${op}(): argument '${name}' must be a number, not ${describe(v)}`);
  return v;
}
