/**
 * Functional activations: relu, leaky_relu, elu, gelu, silu, softplus, sigmoid, tanh, softmax,
 * log_softmax, and friends. `inplace: true` overwrites the input when that is safe for autograd (the
 * input does not take part in a recorded graph); otherwise the result is computed out of place,
 * which gives the same values and gradients.
 */
import { profiling, profiled } from "../../profiler/hook";
import { Tensor } from "../../tensor/tensor";
import type { dtype } from "../../tensor/dtype";
import { isOptions, parseArgs } from "../../tensor/args";
import { is_grad_enabled } from "../../autograd/grad_mode";
import * as E from "../../ops/elementwise";
import * as R from "../../ops/reduce";
import { RuntimeError, TypeError, ValueError } from "../../errors";
import { warnOnce } from "../../warnings";
import { renameGradFn } from "../../autograd/node";

export function checkInput(op: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' must be Tensor, not ${t === null ? "null" : Array.isArray(t) ? "array" : typeof t}`);
}

/**
 * PyTorch has no integer or bool kernel for these activations; the tfjs ops would otherwise run
 * on the int32 data and hand back float bits read as integers.
 */
function checkFloating(kernel: string, input: Tensor): void {
  if (input.dtype._tf !== "float32") throw new RuntimeError(`"${kernel}" not implemented for '${input.dtype._typeName}'`);
}

/**
 * The op's result, written into `input` when `inplace` asks. `result` is the op as a function of its
 * input, so that on a non-leaf in grad mode the write is recorded like PyTorch's in-place ops (the
 * caller's tensor changes and gradients flow through the op); a leaf that requires grad refuses.
 */
export function maybeInplace(op: string, input: Tensor, result: Tensor | ((x: Tensor) => Tensor), inplace: boolean): Tensor {
  const f = typeof result === "function" ? result : null;
  if (!inplace) return f ? f(input) : (result as Tensor);
  if (input.requires_grad && is_grad_enabled()) {
    if (input.is_leaf) {
      throw new RuntimeError(`a leaf Variable that requires grad is being used in an in-place operation (${op}_).`);
    }
    return f ? input._inplace(`${op}_`, f) : (result as Tensor);
  }
  return input.copy_(f ? f(input) : (result as Tensor));
}

function opts(op: string, args: unknown[], names: string[]): Record<string, unknown> {
  return parseArgs(op, args, names);
}

/** max(0, x). */
export function relu(input: Tensor, inplace: boolean | { inplace?: boolean } = false): Tensor {
  checkInput("relu", input);
  const o = opts("relu", [inplace], ["inplace"]);
  const inp = (o.inplace as boolean) ?? false;
  if (inp && profiling.active !== null) return profiled("aten::relu_", [input], () => maybeInplace("relu", input, (x) => E.relu(x), true), true);
  return maybeInplace("relu", input, (x) => E.relu(x), inp);
}

export function relu_(input: Tensor): Tensor {
  return relu(input, true);
}

/** min(max(0, x), 6). */
export function relu6(input: Tensor, inplace: boolean | { inplace?: boolean } = false): Tensor {
  return hardtanh(input, 0, 6, isOptions(inplace) ? inplace : { inplace });
}

/** Clamps to [min_val, max_val]. */
export function hardtanh(input: Tensor, min_val: number | { min_val?: number; max_val?: number; inplace?: boolean } = -1, max_val?: number | { max_val?: number; inplace?: boolean }, inplace?: boolean | { inplace?: boolean }): Tensor {
  checkInput("hardtanh", input);
  const o = opts("hardtanh", [min_val, max_val, inplace], ["min_val", "max_val", "inplace"]);
  const lo = (o.min_val as number) ?? -1;
  const hi = (o.max_val as number) ?? 1;
  if (lo > hi) throw new ValueError("min_val cannot be greater than max_val");
  // Unlike clamp's, PyTorch's hardtanh gradient is 0 at the bounds themselves: pass it strictly inside.
  // (written as "not at or beyond a bound", so a nan input passes its gradient as in PyTorch)
  const f = (x: Tensor): Tensor => E.where(x.le(lo).logical_or(x.ge(hi)), E.clamp(x, lo, hi).detach(), x);
  // Named as PyTorch's: HardtanhBackward0(input) (relu6 too).
  return maybeInplace("hardtanh", input, (x) => renameGradFn(f(x), "HardtanhBackward0", [x]), (o.inplace as boolean) ?? false);
}

/** x for x > 0, negative_slope * x otherwise. */
export function leaky_relu(input: Tensor, negative_slope: number | { negative_slope?: number; inplace?: boolean } = 0.01, inplace?: boolean | { inplace?: boolean }): Tensor {
  checkInput("leaky_relu", input);
  checkFloating("leaky_relu_cpu", input);
  const o = opts("leaky_relu", [negative_slope, inplace], ["negative_slope", "inplace"]);
  return maybeInplace("leaky_relu", input, (x) => E.leaky_relu(x, (o.negative_slope as number) ?? 0.01), (o.inplace as boolean) ?? false);
}

/** x for x > 0, alpha * (exp(x) - 1) otherwise. */
export function elu(input: Tensor, alpha: number | { alpha?: number; inplace?: boolean } = 1, inplace?: boolean | { inplace?: boolean }): Tensor {
  checkInput("elu", input);
  checkFloating("elu_cpu", input);
  const o = opts("elu", [alpha, inplace], ["alpha", "inplace"]);
  return maybeInplace("elu", input, (x) => E.elu(x, (o.alpha as number) ?? 1), (o.inplace as boolean) ?? false);
}

/** In-place leaky_relu (F.leaky_relu_). */
export function leaky_relu_(input: Tensor, negative_slope: number | { negative_slope?: number } = 0.01): Tensor {
  const o = opts("leaky_relu_", [negative_slope], ["negative_slope"]);
  return leaky_relu(input, (o.negative_slope as number | undefined) ?? 0.01, true);
}

/** In-place hardtanh (F.hardtanh_). */
export function hardtanh_(input: Tensor, min_val: number | { min_val?: number; max_val?: number } = -1, max_val?: number | { max_val?: number }): Tensor {
  const o = opts("hardtanh_", [min_val, max_val], ["min_val", "max_val"]);
  return hardtanh(input, (o.min_val as number | undefined) ?? -1, (o.max_val as number | undefined) ?? 1, true);
}

/** In-place elu (F.elu_). */
export function elu_(input: Tensor, alpha: number | { alpha?: number } = 1): Tensor {
  const o = opts("elu_", [alpha], ["alpha"]);
  return elu(input, (o.alpha as number | undefined) ?? 1, true);
}

/** x * Phi(x), exact (erf) or with `approximate: 'tanh'`. */
export function gelu(input: Tensor, options: { approximate?: "none" | "tanh" } = {}): Tensor {
  checkInput("gelu", input);
  checkFloating("GeluKernelImpl", input);
  const o = opts("gelu", [options], ["approximate"]);
  const approx = (o.approximate as string | undefined) ?? "none";
  if (approx !== "none" && approx !== "tanh") throw new RuntimeError(`approximate argument must be either none or tanh.`);
  return E.gelu(input, approx);
}

/** x * sigmoid(x). */
export function silu(input: Tensor, inplace: boolean | { inplace?: boolean } = false): Tensor {
  checkInput("silu", input);
  checkFloating("silu_cpu", input);
  const o = opts("silu", [inplace], ["inplace"]);
  return maybeInplace("silu", input, (x) => E.silu(x), (o.inplace as boolean) ?? false);
}

/** log(1 + exp(beta * x)) / beta, linear above `threshold`. */
export function softplus(input: Tensor, beta: number | { beta?: number; threshold?: number } = 1, threshold?: number): Tensor {
  checkInput("softplus", input);
  checkFloating("softplus_cpu", input);
  const o = opts("softplus", [beta, threshold], ["beta", "threshold"]);
  return E.softplus(input, (o.beta as number) ?? 1, (o.threshold as number) ?? 20);
}

/** nn.Sigmoid's forward: torch.sigmoid, without F.sigmoid's deprecation warning. */
export function _sigmoid(input: Tensor): Tensor {
  checkInput("sigmoid", input);
  return E.sigmoid(input);
}

/** nn.Tanh's forward: torch.tanh, without F.tanh's deprecation warning. */
export function _tanh(input: Tensor): Tensor {
  checkInput("tanh", input);
  return E.tanh(input);
}

/** PyTorch's F.sigmoid: torch.sigmoid, with its deprecation warning (once, as Python shows it). */
export function sigmoid(input: Tensor): Tensor {
  warnOnce("nn.functional.sigmoid is deprecated. Use torch.sigmoid instead.");
  return _sigmoid(input);
}

/** PyTorch's F.tanh: torch.tanh, with its deprecation warning (once, as Python shows it). */
export function tanh(input: Tensor): Tensor {
  warnOnce("nn.functional.tanh is deprecated. Use torch.tanh instead.");
  return _tanh(input);
}

/** log(sigmoid(x)) = -softplus(-x), stable for large |x|. */
export function logsigmoid(input: Tensor): Tensor {
  checkInput("logsigmoid", input);
  checkFloating("log_sigmoid_cpu", input);
  return E.softplus(input.neg(), 1, 20).neg();
}

/** PyTorch's legacy choice of dim when none is given (0 for 0-, 1- and 3-D input, else 1). */
function implicitDim(op: string, ndim: number): number {
  warnOnce(`Implicit dimension choice for ${op} has been deprecated. Change the call to include dim=X as an argument.`);
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}


type SoftmaxOpts = { dim?: number | null; dtype?: dtype | string | null };

function softmaxArgs(op: string, input: Tensor, dim: number | null | SoftmaxOpts | undefined, rest: unknown[]): [Tensor, number] {
  checkInput(op, input);
  const o = opts(op, [dim, ...rest], ["dim", "_stacklevel", "dtype"]);
  if (o.dtype !== undefined && o.dtype !== null && !/^(torch\.)?(float|float32|float64|double)$/.test(String(o.dtype))) {
    throw new TypeError(`${op}(): dtype must be a floating point dtype, got ${String(o.dtype)}`);
  }
  // `dtype` casts the input first, as PyTorch's does: an integer tensor then has a kernel.
  const x = o.dtype === undefined || o.dtype === null ? input : input.to(o.dtype as dtype);
  return [x, o.dim === undefined || o.dim === null ? implicitDim(op, input.dim()) : (o.dim as number)];
}

/**
 * exp(x_i) / sum_j exp(x_j) along `dim`.
 * @example F.softmax(logits, 1)  // or F.softmax(logits, {dim: 1})
 */
export function softmax(input: Tensor, dim?: number | null | SoftmaxOpts, options?: SoftmaxOpts): Tensor {
  return R.softmax(...softmaxArgs("softmax", input, dim, [options]));
}

/** log(softmax(x)) along `dim`, computed stably. */
export function log_softmax(input: Tensor, dim?: number | null | SoftmaxOpts, options?: SoftmaxOpts): Tensor {
  return R.log_softmax(...softmaxArgs("log_softmax", input, dim, [options]));
}

/** softmax(-x) along `dim`. */
export function softmin(input: Tensor, dim?: number | null | SoftmaxOpts, options?: SoftmaxOpts): Tensor {
  const [x, d] = softmaxArgs("softmin", input, dim, [options]);
  return R.softmax(x.neg(), d);
}
