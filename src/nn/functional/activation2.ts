/**
 * More activations: prelu, rrelu, hardswish, hardsigmoid, mish, softsign, tanhshrink, softshrink,
 * hardshrink, threshold, glu, celu, selu — composed from differentiable ops, with PyTorch's
 * `inplace` options where PyTorch has them (see maybeInplace in ./activation).
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { rand } from "../../ops/creation";
import * as E from "../../ops/elementwise";
import { RuntimeError, ValueError } from "../../errors";
import { checkInput, maybeInplace } from "./activation";
import { renameGradFn } from "../../autograd/node";

const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

function floating(op: string, input: Tensor): void {
  if (input.dtype._tf !== "float32") throw new RuntimeError(`${op}(): expected a floating point input, got ${input.dtype} (shape [${input.shape.join(", ")}])`);
}

function inplaceOf(op: string, v: unknown): boolean {
  return (parseArgs(op, [v], ["inplace"]).inplace as boolean | undefined) ?? false;
}

/** x * relu6(x + 3) / 6. */
export function hardswish(input: Tensor, inplace: boolean | { inplace?: boolean } = false): Tensor {
  checkInput("hardswish", input);
  floating("hardswish", input);
  // PyTorch's arithmetic, x * min(max(x + 3, 0), 6) / 6: -0 below -3, and the gradient x / 3 + 0.5 at
  // both kinks (clamp passes its gradient at the bounds).
  const f = (x: Tensor): Tensor => renameGradFn(x.mul(x.add(3).clamp(0, 6)).div(6), "HardswishBackward0", [x]);
  return maybeInplace("hardswish", input, f, inplaceOf("hardswish", inplace));
}

/** relu6(x + 3) / 6. */
export function hardsigmoid(input: Tensor, inplace: boolean | { inplace?: boolean } = false): Tensor {
  checkInput("hardsigmoid", input);
  floating("hardsigmoid", input);
  // (x + 3) / 6 between the kinks, PyTorch's arithmetic (x / 6 + 0.5 rounds differently); the
  // where()s keep its zero gradient at x = -3 and x = 3.
  const f = (x: Tensor): Tensor => renameGradFn(E.where(x.le(-3), 0, E.where(x.ge(3), 1, x.add(3).div(6))), "HardsigmoidBackward0", [x]);
  return maybeInplace("hardsigmoid", input, f, inplaceOf("hardsigmoid", inplace));
}

/** x * tanh(softplus(x)). */
export function mish(input: Tensor, inplace: boolean | { inplace?: boolean } = false): Tensor {
  checkInput("mish", input);
  floating("mish", input);
  return maybeInplace("mish", input, (x) => renameGradFn(x.mul(E.softplus(x, 1, 20).tanh()), "MishBackward0", [x]), inplaceOf("mish", inplace));
}

/** x / (1 + |x|). */
export function softsign(input: Tensor): Tensor {
  checkInput("softsign", input);
  return input.div(input.abs().add(1));
}

/** x - tanh(x). */
export function tanhshrink(input: Tensor): Tensor {
  checkInput("tanhshrink", input);
  return input.sub(input.tanh());
}

function lambdArg(op: string, v: unknown): number {
  const l = (parseArgs(op, [v], ["lambd"]).lambd as number | undefined) ?? 0.5;
  if (typeof l !== "number") throw new ValueError(`${op}(): lambd must be a number, got ${typeof l}`);
  return l;
}

/** x - lambd above lambd, x + lambd below -lambd, 0 between. */
export function softshrink(input: Tensor, lambd: number | { lambd?: number } = 0.5): Tensor {
  checkInput("softshrink", input);
  floating("softshrink", input);
  const l = lambdArg("softshrink", lambd);
  if (l < 0) throw new RuntimeError(`softshrink(): lambda must be greater or equal to 0, but found to be ${l}.`);
  return renameGradFn(E.where(input.gt(l), input.sub(l), E.where(input.lt(-l), input.add(l), 0)), "SoftshrinkBackward0", [input]);
}

/** x where |x| > lambd, 0 elsewhere. */
export function hardshrink(input: Tensor, lambd: number | { lambd?: number } = 0.5): Tensor {
  checkInput("hardshrink", input);
  floating("hardshrink", input);
  const l = lambdArg("hardshrink", lambd);
  // PyTorch's test is "inside [-lambd, lambd]", false for NaN, which passes through.
  return renameGradFn(E.where(input.ge(-l).logical_and(input.le(l)).logical_not(), input, 0), "HardshrinkBackward0", [input]);
}

/** x where x > threshold, `value` elsewhere. */
export function threshold(input: Tensor, threshold: number | { threshold?: number; value?: number; inplace?: boolean }, value?: number | { value?: number; inplace?: boolean }, inplace?: boolean | { inplace?: boolean }): Tensor {
  checkInput("threshold", input);
  const o = parseArgs("threshold", [threshold, value, inplace], ["threshold", "value", "inplace"]);
  if (typeof o.threshold !== "number" || typeof o.value !== "number") {
    throw new ValueError(`threshold(): threshold and value must be numbers, got ${typeof o.threshold} and ${typeof o.value}`);
  }
  const th = o.threshold;
  const v = o.value;
  // PyTorch replaces x <= threshold, so NaN (never <=) passes through.
  return maybeInplace("threshold", input, (x) => renameGradFn(E.where(x.le(th).logical_not(), x, v), "ThresholdBackward0", [x]), (o.inplace as boolean | undefined) ?? false);
}

/** threshold with inplace = true. */
export function threshold_(input: Tensor, th: number, value: number): Tensor {
  return threshold(input, th, value, true);
}

/** Gated linear unit: a * sigmoid(b), where a and b are the halves of `input` along `dim`. */
export function glu(input: Tensor, dim: number | { dim?: number } = -1): Tensor {
  checkInput("glu", input);
  const d0 = (parseArgs("glu", [dim], ["dim"]).dim as number | undefined) ?? -1;
  if (input.dim() === 0) throw new RuntimeError("glu does not support scalars because halving size must be even");
  const d = d0 < 0 ? d0 + input.dim() : d0;
  if (d < 0 || d >= input.dim()) throw new RuntimeError(`glu(): Dimension out of range (expected to be in range of [${-input.dim()}, ${input.dim() - 1}], but got ${d0})`);
  const n = input.shape[d];
  if (n % 2 !== 0) throw new RuntimeError(`Halving dimension must be even, but dimension ${d} is size ${n} (input of shape [${input.shape.join(", ")}])`);
  const [a, b] = input.chunk(2, d);
  return a.mul(b.sigmoid());
}

/** max(0, x) + min(0, alpha * (exp(x / alpha) - 1)). */
export function celu(input: Tensor, alpha: number | { alpha?: number; inplace?: boolean } = 1, inplace?: boolean | { inplace?: boolean }): Tensor {
  checkInput("celu", input);
  floating("celu", input);
  const o = parseArgs("celu", [alpha, inplace], ["alpha", "inplace"]);
  const a = (o.alpha as number | undefined) ?? 1;
  if (a === 0) throw new RuntimeError("ZeroDivisionError: celu(): alpha cannot be 0");
  return maybeInplace("celu", input, (x) => renameGradFn(E.where(x.gt(0), x, x.div(a).exp().sub(1).mul(a)), "CeluBackward0", [x]), (o.inplace as boolean | undefined) ?? false);
}

/** scale * (max(0, x) + min(0, alpha * (exp(x) - 1))) with SELU's fixed alpha and scale. */
export function selu(input: Tensor, inplace: boolean | { inplace?: boolean } = false): Tensor {
  checkInput("selu", input);
  floating("selu", input);
  // PyTorch computes selu as elu with its scale: grad_fn=<EluBackward0>.
  const f = (x: Tensor): Tensor => renameGradFn(E.where(x.gt(0), x, x.exp().sub(1).mul(SELU_ALPHA)).mul(SELU_SCALE), "EluBackward0", [x]);
  return maybeInplace("selu", input, f, inplaceOf("selu", inplace));
}

/**
 * Randomized leaky ReLU: in training, each negative element is scaled by a slope drawn from
 * U(lower, upper) (torch's default generator); otherwise by (lower + upper) / 2.
 */
export function rrelu(input: Tensor, lower: number | { lower?: number; upper?: number; training?: boolean; inplace?: boolean } = 1 / 8, upper?: number | { upper?: number; training?: boolean; inplace?: boolean }, training?: boolean | { training?: boolean; inplace?: boolean }, inplace?: boolean | { inplace?: boolean }): Tensor {
  checkInput("rrelu", input);
  floating("rrelu", input);
  const o = parseArgs("rrelu", [lower, upper, training, inplace], ["lower", "upper", "training", "inplace"]);
  const lo = (o.lower as number | undefined) ?? 1 / 8;
  const hi = (o.upper as number | undefined) ?? 1 / 3;
  if (lo > hi) throw new RuntimeError(`rrelu(): lower bound (${lo}) should be less than or equal to the upper bound (${hi})`);
  const train = (o.training as boolean | undefined) ?? false;
  const slope: Tensor | number = train ? rand(input.shape).mul(hi - lo).add(lo) : (lo + hi) / 2;
  return maybeInplace("rrelu", input, (x) => E.where(x.gt(0), x, x.mul(slope)), (o.inplace as boolean | undefined) ?? false);
}

/** x where x >= 0, weight * x elsewhere; weight has 1 element or one per channel (dim 1). */
export function prelu(input: Tensor, weight: Tensor): Tensor {
  checkInput("prelu", input);
  floating("prelu", input);
  if (!(weight instanceof Tensor)) throw new ValueError(`prelu(): argument 'weight' must be Tensor, not ${weight === null ? "null" : typeof weight}`);
  const n = weight.numel();
  let w: Tensor;
  if (n === 1) w = weight.reshape(Array<number>(Math.max(input.dim(), 1)).fill(1));
  else {
    const c = input.dim() >= 2 ? input.shape[1] : input.dim() === 1 ? input.shape[0] : 1;
    if (weight.dim() !== 1 || c !== n) {
      throw new RuntimeError(`prelu(): Mismatch of parameter numbers and input channel size. Found parameter numbers = ${n} and channel size = ${c} (input [${input.shape.join(", ")}], weight [${weight.shape.join(", ")}]).`);
    }
    w = input.dim() >= 2 ? weight.reshape([c, ...Array<number>(input.dim() - 2).fill(1)]) : weight;
  }
  const y = renameGradFn(E.where(input.gt(0), input, input.mul(w)), "PreluBackward0", [input, weight]);
  return input.dim() === 0 ? y.reshape([]) : y;
}
