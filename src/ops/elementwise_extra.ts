/**
 * Elementwise predicates and sign ops from torch.*: isin, isposinf, isneginf, copysign, positive.
 * Built from the elementwise ops, so dtypes, broadcasting and gradients are theirs.
 */
import { tf, compute, constant, describe, record, sumTo } from "./_core";
import { Tensor } from "../tensor/tensor";
import { parseArgs } from "../tensor/args";
import { RuntimeError, TypeError } from "../errors";
import * as E from "./elementwise";
import { signbit } from "./math_extra";

function need(op: string, a: unknown, name = "input"): asserts a is Tensor {
  if (!(a instanceof Tensor)) throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${describe(a)}`);
}

const falses = (a: Tensor): Tensor => constant(compute(() => tf.zeros(a.shape, "bool")));

/** True where the element is +inf. */
export function isposinf(a: Tensor): Tensor {
  need("isposinf", a);
  return a.dtype._tf === "float32" ? E.eq(a, Infinity) : falses(a);
}

/** True where the element is -inf. */
export function isneginf(a: Tensor): Tensor {
  need("isneginf", a);
  return a.dtype._tf === "float32" ? E.eq(a, -Infinity) : falses(a);
}

/**
 * True where an element of `elements` is one of `test_elements` (either may be a number); option
 * `invert` negates (`assume_unique` is accepted and changes nothing). NaN is in nothing, as with ==.
 */
export function isin(elements: Tensor | number, test_elements: Tensor | number, options: { assume_unique?: boolean; invert?: boolean } = {}): Tensor {
  const invert = Boolean(parseArgs("isin", [options], ["assume_unique", "invert"]).invert);
  if (!(elements instanceof Tensor) && !(test_elements instanceof Tensor)) {
    throw new TypeError("isin(): at least one of 'elements' and 'test_elements' must be a Tensor");
  }
  const values = (v: Tensor | number): ArrayLike<number> => (v instanceof Tensor ? (v._t.dataSync() as ArrayLike<number>) : [v]);
  const set = new Set<number>(Array.from(values(test_elements)));
  const el = values(elements);
  const hit = Int32Array.from(el, (v) => (set.has(v) !== invert ? 1 : 0));
  const shape = elements instanceof Tensor ? elements.shape : [];
  return constant(compute(() => tf.cast(tf.tensor(hit, shape, "int32"), "bool")));
}

/**
 * |a| with the sign of `b` (-0 counts as negative); always floating point. The gradient is
 * PyTorch's: grad * result / a, 0 where a == 0, and zeros for `b`.
 */
export function copysign(a: Tensor, b: Tensor | number): Tensor {
  need("copysign", a);
  const x = a.dtype._tf === "float32" ? a.detach() : a.float();
  const mag = E.abs(x);
  const neg = b instanceof Tensor ? signbit(b.dtype._tf === "float32" ? b.detach() : b.float()) : Object.is(b, -0) || b < 0;
  const value = typeof neg === "boolean" ? (neg ? E.neg(mag) : mag) : E.where(neg, E.neg(mag), mag);
  if (!a.requires_grad && !(b instanceof Tensor && b.requires_grad)) return value;
  const inputs = b instanceof Tensor ? [a, b] : [a];
  return record("CopysignBackward0", inputs, compute(() => tf.clone(value._t)), (g) => {
    const xs = x._t;
    const ratio = tf.where(tf.equal(xs, 0), tf.zerosLike(xs), tf.div(value._t, xs));
    const ga = sumTo(tf.mul(g, ratio), a.shape);
    return b instanceof Tensor ? [ga, tf.zeros(b.shape, "float32")] : [ga];
  });
}

/** The input itself, as PyTorch's `torch.positive` (which refuses bool tensors). */
export function positive(a: Tensor): Tensor {
  need("positive", a);
  if (a.dtype._tf === "bool") throw new RuntimeError("The `+` operator, on a bool tensor is not supported.");
  return a;
}
