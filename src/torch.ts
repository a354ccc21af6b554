/**
 * The `torch` namespace: tensors, creation, math, autograd switches, and the sub-namespaces
 * torch.nn, torch.optim, torch.utils.data. Free functions mirror the Tensor methods
 * (`torch.add(a, b)` is `a.add(b)`), as in PyTorch.
 */
import { Tensor, DType, _setProbes } from "./tensor/tensor";
import * as E from "./ops/elementwise";
import * as R from "./ops/reduce";
import * as M from "./ops/movement";
import * as L from "./ops/linalg";
import * as S from "./ops/sort";
import { is_grad_enabled } from "./autograd/grad_mode";
import { backendName, cudaAvailable } from "./backend";
import { RuntimeError, TypeError, OutOfMemoryError } from "./errors";
import { broadcastShapes, operand } from "./ops/_core";
import { from_typed, tensor } from "./ops/creation";
import { isOptions, parseArgs, trimArgs } from "./tensor/args";
import { withOut, withOutPair, splitOut } from "./tensor/out";
import { addmm as addmmOp } from "./ops/addmm";

_setProbes(() => (backendName() === "cuda" ? "cuda" : "cpu"), is_grad_enabled);

export { Tensor } from "./tensor/tensor";
export type { DType, NestedList } from "./tensor/tensor";
export { ready, backend, get_num_threads, set_num_threads } from "./backend";
export { collectNow as _collect, memoryInfo as memory, setGcBudget as _setGcBudget } from "./backend/memory";
export { setMemoryLimit as _setMemoryLimit } from "./backend/guard";
export { no_grad, enable_grad, is_grad_enabled, set_grad_enabled, inference_mode } from "./autograd/grad_mode";
export { Generator, default_generator, manual_seed, seed, initial_seed, get_rng_state, set_rng_state } from "./tensor/random";
export { normal, bernoulli, multinomial } from "./ops/sampling";
export {
  tensor, zeros, ones, empty, full, rand, randn, randint, randperm, arange, linspace, eye,
  zeros_like, ones_like, empty_like, full_like, rand_like, randn_like, randint_like, from_typed,
  as_tensor, from_numpy, frombuffer,
} from "./ops/creation";
export type { TypedArrayWithShape } from "./ops/creation";
export { Size } from "./tensor/size";
export const scatter = (a: Tensor, ...args: Parameters<Tensor["scatter"]>): Tensor => a.scatter(...args);
export const scatter_add = (a: Tensor, ...args: Parameters<Tensor["scatter_add"]>): Tensor => a.scatter_add(...args);
export const diagonal = (a: Tensor, ...args: Parameters<Tensor["diagonal"]>): Tensor => a.diagonal(...args);
/** beta * input + alpha * (mat1 @ mat2), one node (AddmmBackward0) as F.linear records. */
export const addmm = (input: Tensor, mat1: Tensor, mat2: Tensor, options: { beta?: number; alpha?: number } = {}): Tensor => {
  const o = parseArgs("addmm", [options], ["beta", "alpha"]);
  return addmmOp(input, mat1, mat2, (o.beta as number | undefined) ?? 1, (o.alpha as number | undefined) ?? 1);
};
export type { CreationOptions, RandomOptions, NestedArray } from "./ops/creation";
export { PRINT_OPTS, set_printoptions } from "./tensor/repr";
export type { PrintOptions } from "./tensor/repr";
export { ValueError, TypeError, RuntimeError, IndexError, NotImplementedError, ShapeError, OutOfMemoryError } from "./errors";
export { narrow, select, permute, index_select, masked_select, flip } from "./ops/movement";
// These take their dims positionally or in a trailing options object, as the Tensor methods do.
export const split = (a: Tensor, ...args: Parameters<Tensor["split"]>): Tensor[] => a.split(...args);
export const chunk = (a: Tensor, ...args: Parameters<Tensor["chunk"]>): Tensor[] => a.chunk(...args);
export const unbind = (a: Tensor, ...args: Parameters<Tensor["unbind"]>): Tensor[] => a.unbind(...args);
export const flatten = (a: Tensor, ...args: Parameters<Tensor["flatten"]>): Tensor => a.flatten(...args);
export const squeeze = (a: Tensor, ...args: Parameters<Tensor["squeeze"]>): Tensor => a.squeeze(...args);
export const unsqueeze = (a: Tensor, ...args: Parameters<Tensor["unsqueeze"]>): Tensor => a.unsqueeze(...args);
export const transpose = (a: Tensor, ...args: Parameters<Tensor["transpose"]>): Tensor => a.transpose(...args);
/**
 * Concatenates along `dim` (default 0): `torch.cat([a, b], 1)` or `torch.cat([a, b], {dim: 1})`.
 * @example torch.cat([torch.zeros(2, 3), torch.ones(2, 3)], 1).shape  // [2, 6]
 */
export function cat(tensors: Tensor[], ...args: [dim?: number | ({ dim?: number } & Out), options?: Out]): Tensor {
  const o = parseArgs("cat", args, ["dim", "out"]);
  return withOut("cat", M.cat(tensors, (o.dim as number | undefined) ?? 0), o.out);
}
/** PyTorch's aliases of torch.cat. */
export const concat = cat;
/** NumPy's spelling, which PyTorch also has: the dim is called `axis`. */
export function concatenate(tensors: Tensor[], ...args: [axis?: number | { axis?: number }]): Tensor {
  const o = parseArgs("concatenate", args, ["axis"]);
  return M.cat(tensors, (o.axis as number | undefined) ?? 0);
}
/**
 * Stacks equal-shaped tensors along a new `dim` (default 0): `torch.stack(ts, 1)` or `torch.stack(ts, {dim: 1})`.
 * @example torch.stack([torch.zeros(2), torch.ones(2)], {dim: 1}).shape  // [2, 2]
 */
export function stack(tensors: Tensor[], ...args: [dim?: number | ({ dim?: number } & Out), options?: Out]): Tensor {
  const o = parseArgs("stack", args, ["dim", "out"]);
  return withOut("stack", M.stack(tensors, (o.dim as number | undefined) ?? 0), o.out);
}
export { mm, bmm, dot, mv, outer } from "./ops/linalg";
export { maximum, minimum, eq, ne, lt, le, gt, ge, logical_and, logical_or, logical_not, logical_xor, isnan, isinf, isfinite } from "./ops/elementwise";
export type { ValuesIndices } from "./ops/reduce";
export * from "./serialization";
export * as nn from "./nn";
export * as hub from "./hub";
// PyTorch also exposes these functional layers at the top level (torch.conv2d, torch.max_pool2d, ...).
export { conv2d, conv_transpose2d, max_pool2d, avg_pool2d, batch_norm } from "./nn/functional/vision";
export * as optim from "./optim";
/** torch.autograd: grad(outputs, inputs), backward(tensors), and the grad-mode switches. */
export * as autograd from "./autograd";
export * as testing from "./testing";
import * as data from "./utils/data";
/** torch.utils.data: Dataset, DataLoader, ... */
export const utils = { data };

// dtypes, spelled as PyTorch spells them.
export const float32: DType = "float32";
export const float: DType = "float32";
export const float64: DType = "float32";
export const double: DType = "float32";
export const int32: DType = "int32";
export const int64: DType = "int32";
export const long: DType = "int32";
export const int: DType = "int32";
export const uint8: DType = "int32";
export const int8: DType = "int32";
export const int16: DType = "int32";
export const short: DType = "int32";
export const bool: DType = "bool";
/** The dtype of floating-point tensors created without one: always float32 here. */
export const get_default_dtype = (): DType => float32;
/** Whether `a` has a floating-point dtype (`torch.is_floating_point(x)`). */
export const is_floating_point = (a: Tensor): boolean => a.is_floating_point();

type Operand = Tensor | number | boolean;

/** PyTorch's keyword-only parameters (after `*`): a trailing options object, never a positional value. */
function keywordOnly(op: string, positional: number, options: unknown, names: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isOptions(options)) throw new TypeError(`${op}() takes ${positional} positional arguments but ${positional + 1} were given`);
  return parseArgs(op, [options], names);
}

// `out` (PyTorch's out= keyword) on the common ops: src/tensor/out.ts.
type Out = { out?: Tensor | null };
export const add = (a: Tensor, b: Operand, options?: { alpha?: number } & Out): Tensor => {
  const o = keywordOnly("add", 2, options, ["alpha", "out"]);
  return withOut("add", E.add(a, b, (o.alpha as number | undefined) ?? 1), o.out as Tensor | null | undefined);
};
export const sub = (a: Tensor, b: Operand, options?: { alpha?: number } & Out): Tensor => {
  const o = keywordOnly("sub", 2, options, ["alpha", "out"]);
  return withOut("sub", E.sub(a, b, (o.alpha as number | undefined) ?? 1), o.out as Tensor | null | undefined);
};
export const mul = (a: Tensor, b: Operand, options?: Out): Tensor =>
  withOut("mul", E.mul(a, b), keywordOnly("mul", 2, options, ["out"]).out as Tensor | null | undefined);
export const div = (a: Tensor, b: Operand, options?: { rounding_mode?: "trunc" | "floor" | null } & Out): Tensor => {
  const o = keywordOnly("div", 2, options, ["rounding_mode", "out"]);
  return withOut("div", E.div(a, b, { rounding_mode: o.rounding_mode as "trunc" | "floor" | null | undefined }), o.out as Tensor | null | undefined);
};
export const matmul = (a: Tensor, b: Tensor, options?: Out): Tensor => withOut("matmul", L.matmul(a, b), options?.out);
type ReduceOut = { dim?: R.Dims; keepdim?: boolean; dtype?: DType | string | null } & Out;
export const sum = (a: Tensor, dim?: R.Dims | ReduceOut, keepdim?: boolean | ReduceOut): Tensor => {
  const s = splitOut<Parameters<Tensor["sum"]>>(trimArgs([dim, keepdim]));
  return withOut("sum", a.sum(...s.args), s.out);
};
export const mean = (a: Tensor, dim?: R.Dims | ReduceOut, keepdim?: boolean | ReduceOut): Tensor => {
  const s = splitOut<Parameters<Tensor["mean"]>>(trimArgs([dim, keepdim]));
  return withOut("mean", a.mean(...s.args), s.out);
};
/** `torch.pow(x, 2)`, `torch.pow(x, y)`, and a number base: `torch.pow(2, x)`. */
export const pow = (a: Tensor | number, b: Operand): Tensor => {
  if (a instanceof Tensor) return E.pow(a, b);
  if (!(b instanceof Tensor)) throw new TypeError("pow(): at least one of 'self' and 'exponent' must be a Tensor");
  return E.pow(operand(a, b, "pow"), b);
};
export const neg = (a: Tensor): Tensor => E.neg(a);
export const rsub = (a: Tensor, b: Operand): Tensor => E.rsub(a, b);
/** Python's `%` (sign of the divisor); a number first is allowed, as in PyTorch: `torch.remainder(2, x)`. */
export const remainder = (a: Tensor | number, b: Operand): Tensor => {
  if (a instanceof Tensor) return E.remainder(a, b);
  if (!(b instanceof Tensor)) throw new TypeError("remainder(): at least one of 'self' and 'other' must be a Tensor");
  return E.remainder(operand(a, b, "remainder"), b);
};
export const floor_divide = (a: Tensor, b: Operand): Tensor => E.div(a, b, { rounding_mode: "floor" });
export const true_divide = (a: Tensor, b: Operand): Tensor => E.div(a, b);
export const log2 = (a: Tensor): Tensor => E.log2(a);
export const log10 = (a: Tensor): Tensor => E.log10(a);
export const expm1 = (a: Tensor): Tensor => E.expm1(a);
export const reciprocal = (a: Tensor): Tensor => E.reciprocal(a);
export const trunc = (a: Tensor): Tensor => E.trunc(a);
export const exp = (a: Tensor): Tensor => E.exp(a);
export const log = (a: Tensor): Tensor => E.log(a);
export const log1p = (a: Tensor): Tensor => E.log1p(a);
export const sqrt = (a: Tensor): Tensor => E.sqrt(a);
export const rsqrt = (a: Tensor): Tensor => E.rsqrt(a);
export const abs = (a: Tensor): Tensor => E.abs(a);
export const sign = (a: Tensor): Tensor => E.sign(a);
export const sin = (a: Tensor): Tensor => E.sin(a);
export const cos = (a: Tensor): Tensor => E.cos(a);
export const tanh = (a: Tensor): Tensor => E.tanh(a);
export const sigmoid = (a: Tensor): Tensor => E.sigmoid(a);
export const relu = (a: Tensor): Tensor => E.relu(a);
export const floor = (a: Tensor): Tensor => E.floor(a);
export const ceil = (a: Tensor): Tensor => E.ceil(a);
/** Rounds half to even; `{decimals}` rounds to that many decimal places (negative: to tens, hundreds, ...), as PyTorch. */
export const round = (a: Tensor, options?: { decimals?: number }): Tensor => {
  const decimals = (keywordOnly("round", 1, options, ["decimals"]).decimals as number | undefined) ?? 0;
  if (!Number.isInteger(decimals)) throw new TypeError(`round(): argument 'decimals' must be int, not ${decimals}`);
  if (decimals === 0) return E.round(a);
  // PyTorch's formula, so ties and float32 rounding agree: round(x * 10^d) / 10^d, or round(x / 10^-d) * 10^-d.
  const ten = 10 ** Math.abs(decimals);
  return decimals > 0 ? E.div(E.round(E.mul(a, ten)), ten) : E.mul(E.round(E.div(a, ten)), ten);
};
export const square = (a: Tensor): Tensor => E.square(a);
export const erf = (a: Tensor): Tensor => E.erf(a);
export const clamp = (a: Tensor, ...args: Parameters<Tensor["clamp"]>): Tensor => a.clamp(...args);
export const clip = clamp;
// Bitwise ops, as PyTorch's `&`, `|`, `^`, `~`: logical on bool, two's-complement on integers, an
// error on floating point. Not differentiable (PyTorch's are not either).
type BitOperand = Tensor | number | boolean;
function bitDtype(x: BitOperand): DType {
  if (x instanceof Tensor) return x.dtype;
  return typeof x === "boolean" ? "bool" : Number.isInteger(x) ? "int32" : "float32";
}
function bitwise(op: string, a: BitOperand, b: BitOperand, f: (x: number, y: number) => number, logical: (x: Tensor, y: Operand) => Tensor): Tensor {
  if (!(a instanceof Tensor) && !(b instanceof Tensor)) throw new TypeError(`${op}(): at least one argument must be a Tensor`);
  const dtypes = [bitDtype(a), bitDtype(b)];
  if (dtypes.includes("float32")) throw new RuntimeError(`"${op}_cpu" not implemented for 'Float'`);
  const [x, y] = a instanceof Tensor ? [a, b] : [b as Tensor, a];
  if (dtypes.every((d) => d === "bool")) return logical(x, y);
  const tx = x.int();
  const ty = y instanceof Tensor ? y.int() : tensor(Number(y), { dtype: "int32" });
  const shape = broadcastShapes(tx.shape, ty.shape);
  if (!shape) throw new RuntimeError(`The size of tensor a (${tx.shape.join(", ")}) must match the size of tensor b (${ty.shape.join(", ")}) in ${op}`);
  const xs = tx.expand(shape).contiguous().dataSync();
  const ys = ty.expand(shape).contiguous().dataSync();
  return from_typed(Int32Array.from(xs, (v, i) => f(v, ys[i])), shape);
}
export const bitwise_and = (a: BitOperand, b: BitOperand): Tensor => bitwise("bitwise_and", a, b, (x, y) => x & y, E.logical_and);
export const bitwise_or = (a: BitOperand, b: BitOperand): Tensor => bitwise("bitwise_or", a, b, (x, y) => x | y, E.logical_or);
export const bitwise_xor = (a: BitOperand, b: BitOperand): Tensor => bitwise("bitwise_xor", a, b, (x, y) => x ^ y, E.logical_xor);
export const bitwise_not = (a: Tensor): Tensor => {
  if (a.dtype === "bool") return E.logical_not(a);
  if (a.dtype === "float32") throw new RuntimeError(`"bitwise_not_cpu" not implemented for 'Float'`);
  return from_typed(Int32Array.from(a.contiguous().dataSync(), (v) => ~v), a.shape);
};
export const masked_fill = (a: Tensor, mask: Tensor, value: number | boolean | Tensor): Tensor => E.masked_fill(a, mask, value);

export const prod = (a: Tensor, ...args: Parameters<Tensor["prod"]>): Tensor => a.prod(...args);
export const std = (a: Tensor, ...args: Parameters<Tensor["std"]>): Tensor => a.std(...args);
export const var_ = (a: Tensor, ...args: Parameters<Tensor["var"]>): Tensor => a.var(...args);
export { var_ as var };
export const argmax = (a: Tensor, ...args: Parameters<Tensor["argmax"]>): Tensor => a.argmax(...args);
export const argmin = (a: Tensor, ...args: Parameters<Tensor["argmin"]>): Tensor => a.argmin(...args);
export const amax = (a: Tensor, dim?: R.Dims, keepdim?: boolean): Tensor => a.amax(dim, keepdim);
export const amin = (a: Tensor, dim?: R.Dims, keepdim?: boolean): Tensor => a.amin(dim, keepdim);
export const logsumexp = (a: Tensor, dim: R.Dims, keepdim?: boolean): Tensor => a.logsumexp(dim, keepdim);
export const softmax = (a: Tensor, ...args: Parameters<Tensor["softmax"]>): Tensor => a.softmax(...args);
export const log_softmax = (a: Tensor, ...args: Parameters<Tensor["log_softmax"]>): Tensor => a.log_softmax(...args);
export const cumsum = (a: Tensor, ...args: Parameters<Tensor["cumsum"]>): Tensor => a.cumsum(...args);
export const all = (a: Tensor, dim?: number | { dim?: number; keepdim?: boolean }, keepdim?: boolean): Tensor => a.all(dim, keepdim);
export const any = (a: Tensor, dim?: number | { dim?: number; keepdim?: boolean }, keepdim?: boolean): Tensor => a.any(dim, keepdim);
export const norm = (a: Tensor, ...args: Parameters<Tensor["norm"]>): Tensor => a.norm(...args);
type PairOut = { out?: [Tensor, Tensor] | null };
type DimOut = { dim: number; keepdim?: boolean } & PairOut;
function extreme(op: "max" | "min", a: Tensor, args: unknown[]): Tensor | R.ValuesIndices {
  const s = splitOut<unknown[]>(trimArgs(args));
  const [first] = s.args;
  if (first instanceof Tensor) return withOut(op, op === "max" ? E.maximum(a, first) : E.minimum(a, first), s.out);
  if (s.args.length === 0) return withOut(op, op === "max" ? R.max(a) : R.min(a), s.out);
  const r = op === "max" ? a.max(...(s.args as [number, boolean?])) : a.min(...(s.args as [number, boolean?]));
  return withOutPair(op, r, s.out);
}
/** Largest element; along `dim` (values, indices); or elementwise with another tensor. Options: keepdim, out. */
export function max(a: Tensor, options?: Out): Tensor;
export function max(a: Tensor, dim: number | DimOut, keepdim?: boolean | { keepdim?: boolean } & PairOut): R.ValuesIndices;
export function max(a: Tensor, other: Tensor, options?: Out): Tensor;
export function max(a: Tensor, dim?: number | Tensor | DimOut | Out, keepdim?: boolean | Out | ({ keepdim?: boolean } & PairOut)): Tensor | R.ValuesIndices {
  return extreme("max", a, [dim, keepdim]);
}
export function min(a: Tensor, options?: Out): Tensor;
export function min(a: Tensor, dim: number | DimOut, keepdim?: boolean | { keepdim?: boolean } & PairOut): R.ValuesIndices;
export function min(a: Tensor, other: Tensor, options?: Out): Tensor;
export function min(a: Tensor, dim?: number | Tensor | DimOut | Out, keepdim?: boolean | Out | ({ keepdim?: boolean } & PairOut)): Tensor | R.ValuesIndices {
  return extreme("min", a, [dim, keepdim]);
}
export const reshape = (a: Tensor, shape: number[]): Tensor => a.reshape(shape);
/**
 * `torch.where(cond, x, y)` picks from x where cond holds, else y; `torch.where(cond)` alone is
 * `torch.nonzero(cond, {as_tuple: true})`: one 1-D index tensor per dim.
 */
export function where(condition: Tensor): Tensor[];
export function where(condition: Tensor, input: Operand, other: Operand): Tensor;
export function where(condition: Tensor, input?: Operand, other?: Operand): Tensor | Tensor[] {
  if (input === undefined && other === undefined) return S.nonzeroTuple(condition);
  if (input === undefined || other === undefined) throw new TypeError("where() takes 1 or 3 arguments (condition, input, other)");
  return E.where(condition, input, other);
}
export const topk = (a: Tensor, ...args: Parameters<Tensor["topk"]>): R.ValuesIndices => a.topk(...args);
export const sort = (a: Tensor, ...args: Parameters<Tensor["sort"]>): R.ValuesIndices => a.sort(...args);
export const argsort = (a: Tensor, ...args: Parameters<Tensor["argsort"]>): Tensor => a.argsort(...args);
export const kthvalue = (a: Tensor, ...args: Parameters<Tensor["kthvalue"]>): R.ValuesIndices => a.kthvalue(...args);
export const mode = (a: Tensor, ...args: Parameters<Tensor["mode"]>): R.ValuesIndices => a.mode(...args);
/** The median of all elements, or (values, indices) along `dim`; options keepdim. */
export function median(a: Tensor): Tensor;
export function median(a: Tensor, dim: number | { dim: number; keepdim?: boolean }, keepdim?: boolean | { keepdim?: boolean }): R.ValuesIndices;
export function median(a: Tensor, dim?: number | { dim: number; keepdim?: boolean }, keepdim?: boolean | { keepdim?: boolean }): Tensor | R.ValuesIndices {
  return dim === undefined ? a.median() : a.median(dim, keepdim);
}
export const tril = (a: Tensor, ...args: Parameters<Tensor["tril"]>): Tensor => a.tril(...args);
export const triu = (a: Tensor, ...args: Parameters<Tensor["triu"]>): Tensor => a.triu(...args);
export function nonzero(a: Tensor): Tensor;
export function nonzero(a: Tensor, options: { as_tuple: true }): Tensor[];
export function nonzero(a: Tensor, options: { as_tuple?: boolean }): Tensor | Tensor[];
export function nonzero(a: Tensor, options?: { as_tuple?: boolean }): Tensor | Tensor[] {
  return options === undefined ? a.nonzero() : a.nonzero(options);
}
export const argwhere = (a: Tensor): Tensor => a.argwhere();
export const isclose = (a: Tensor, ...args: Parameters<Tensor["isclose"]>): Tensor => a.isclose(...args);
export const cumprod = (a: Tensor, ...args: Parameters<Tensor["cumprod"]>): Tensor => a.cumprod(...args);
export const clone = (a: Tensor): Tensor => M.clone(a);
export const t = (a: Tensor): Tensor => a.t();
/** `torch.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`, positionally or by keyword. */
export function allclose(a: Tensor, b: Tensor, ...args: [rtol?: number | AllcloseOptions, atol?: number | AllcloseOptions, equal_nan?: boolean | AllcloseOptions]): boolean {
  const o = parseArgs("allclose", args, ["rtol", "atol", "equal_nan"]) as AllcloseOptions;
  if (!o.equal_nan) return a.allclose(b, { rtol: o.rtol, atol: o.atol });
  return Boolean(a.isclose(b, { rtol: o.rtol, atol: o.atol, equal_nan: true }).all().item());
}
export interface AllcloseOptions {
  rtol?: number;
  atol?: number;
  equal_nan?: boolean;
}
/**
 * Values of `input` along `dim` at `index`. `sparse_grad` is accepted; the gradient is always dense
 * here (the same values PyTorch's sparse one holds).
 */
export function gather(input: Tensor, dim: number, index: Tensor, options?: { sparse_grad?: boolean }): Tensor {
  keywordOnly("gather", 3, options, ["sparse_grad"]);
  return M.gather(input, dim, index);
}
export const equal = (a: Tensor, b: Tensor): boolean => a.equal(b);
export const is_tensor = (x: unknown): x is Tensor => x instanceof Tensor;
export const numel = (a: Tensor): number => a.numel();
void L;

/** A device handle (PyTorch's torch.device): 'cpu' always, 'cuda' only with the CUDA backend. */
export class Device {
  readonly type: "cpu" | "cuda";
  readonly index: number | null;
  constructor(spec: string) {
    const [kind, idx] = String(spec).split(":");
    if (kind !== "cpu" && kind !== "cuda") throw new RuntimeError(`Expected one of cpu, cuda device type at start of device string: ${spec}`);
    this.type = kind;
    this.index = idx === undefined ? null : Number(idx);
  }
  toString(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `device(type='${this.type}'${this.index === null ? "" : `, index=${this.index}`})`;
  }
}

/**
 * `torch.device("cuda")`, `torch.device("cpu")`: callable as in PyTorch.
 * @example const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");
 */
export function device(spec: string): Device {
  return new Device(spec);
}

/** torch.cuda: is_available() is true only on the tfjs-node-gpu backend. */
export const cuda = {
  is_available: (): boolean => cudaAvailable(),
  device_count: (): number => (cudaAvailable() ? 1 : 0),
  /** PyTorch's torch.cuda.OutOfMemoryError, the same class as torch.OutOfMemoryError. */
  OutOfMemoryError,
};

export * as backends from "./backends";

/**
 * torch.accelerator (PyTorch 2.6): the one accelerator this process can use, which here is CUDA
 * when the tfjs-node-gpu backend is active, and none otherwise (the CPU is not an accelerator).
 * @example const device = torch.accelerator.is_available() ? torch.accelerator.current_accelerator() : torch.device("cpu");
 */
export const accelerator = {
  is_available: (): boolean => cudaAvailable(),
  /** The accelerator's device type, or null without one (PyTorch returns None). */
  current_accelerator: (): Device | null => (cudaAvailable() ? new Device("cuda") : null),
  device_count: (): number => (cudaAvailable() ? 1 : 0),
};
