/**
 * The `torch` namespace: tensors, creation, math, autograd switches, and the sub-namespaces
 * torch.nn, torch.optim, torch.utils.data. Free functions mirror the Tensor methods
 * (`torch.add(a, b)` is `a.add(b)`), as in PyTorch.
 */
import { Tensor as TensorClass, DType, _setProbes } from "./tensor/tensor";
import * as D from "./tensor/dtype";
import * as E from "./ops/elementwise";
import * as R from "./ops/reduce";
import * as M from "./ops/movement";
import * as L from "./ops/linalg";
import * as S from "./ops/sort";
import { is_grad_enabled } from "./autograd/grad_mode";
import { backendName, cudaAvailable } from "./backend";
import { RuntimeError, TypeError, OutOfMemoryError, LinAlgError } from "./errors";
import { broadcastShapes, operand } from "./ops/_core";
import { from_numpy as fromNumpyOp, from_typed, tensor, zeros as zerosOp } from "./ops/creation";
import type { NestedArray, TypedArrayWithShape } from "./ops/creation";

/** What a legacy constructor takes: sizes, a nested list, a tensor, or an array as `x.numpy()` gives it (NumPy's ndarray). */
type LegacyArg = NestedArray | TensorClass | TypedArrayWithShape | TypedArrayWithShape["data"];
import { isOptions, keywordOnly, parseArgs, trimArgs } from "./tensor/args";
import { withOut, withOutPair, splitOut } from "./tensor/out";
import { addmm as addmmOp } from "./ops/addmm";
import { alias as aliasOp } from "./ops/view";
import * as MX from "./ops/math_extra";
import * as LX from "./ops/linalg_extra";
import * as MM from "./ops/math_more";
import * as SV from "./ops/scatter_views";
import * as LD from "./ops/linalg_decomp";
import * as LQ from "./ops/linalg_lstsq";
import { solve_triangular } from "./ops/triangular";
import { matrix_exp } from "./ops/matrix_exp";
import type { MinMax } from "./ops/math_extra";
import { normalizeDtype, type GatherOptions } from "./tensor/tensor";
import * as SP from "./tensor/sparse";
import { linalgMore } from "./torch_more";
import { asPyTuple, pyTypeName, setPyPublicClass } from "./pyrepr";

_setProbes(() => (backendName() === "cuda" ? "cuda" : "cpu"), is_grad_enabled);

/** torch.__version__: PyTorch's release that torchlab follows, with torchlab's own as the local label (src/version.ts). */
export { TORCH_VERSION as __version__ } from "./version";

/**
 * torch.Tensor: the tensor class (`x instanceof torch.Tensor`, `x: torch.Tensor`, `class P extends
 * torch.Tensor`), and, called without `new`, PyTorch's legacy constructor of the default dtype:
 * `torch.Tensor(2, 3)` and `torch.Tensor(x.size())` are tensors of that size (zeros here: PyTorch leaves
 * them uninitialised), `torch.Tensor([[1, 2], [3, 4]])` copies the data, `torch.Tensor(t)` is an alias of
 * `t` (its storage, as PyTorch's: `r.zero_()` zeroes `t`, `r.resize_(3, 8)` reshapes only `r`), `torch.Tensor()` is empty.
 * @example const b = torch.Tensor([[1, 2, 3], [4, 5, 6]]);  // float32
 */
export const Tensor = new Proxy(TensorClass, {
  apply: (_target, _this, args: LegacyArg[]) => legacyNew("Tensor", D.defaultFloatDtype(), args),
}) as typeof TensorClass & ((...args: LegacyArg[]) => TensorClass);
// type(x) is torch.Tensor itself, printed <class 'torch.Tensor'>.
setPyPublicClass(TensorClass, Tensor, "torch");
export type Tensor = TensorClass;
export type { DType, NestedList } from "./tensor/tensor";
export { ready, backend, get_num_threads, set_num_threads } from "./backend";
export { collectNow as _collect, memoryInfo as memory, setGcBudget as _setGcBudget } from "./backend/memory";
export { setMemoryLimit as _setMemoryLimit } from "./backend/guard";
export { no_grad, enable_grad, is_grad_enabled, set_grad_enabled, inference_mode, is_inference_mode_enabled } from "./autograd/grad_mode";
export { is_anomaly_enabled, is_anomaly_check_nan_enabled } from "./autograd/anomaly_mode";
export { Generator, default_generator, manual_seed, seed, initial_seed, get_rng_state, set_rng_state } from "./tensor/random";
import { Generator as SeedCheck, manual_seed as manualSeed, seed as randomSeed, initial_seed as initialSeed, get_rng_state as getRngState, set_rng_state as setRngState } from "./tensor/random";
/** torch.random: the default generator's seeding functions, as `torch.random.manual_seed(42)` spells them. */
export const random = { manual_seed: manualSeed, seed: randomSeed, initial_seed: initialSeed, get_rng_state: getRngState, set_rng_state: setRngState };
export { normal, bernoulli, multinomial } from "./ops/sampling";
export {
  tensor, zeros, ones, empty, full, rand, randn, randint, randperm, arange, linspace, eye,
  zeros_like, ones_like, empty_like, full_like, rand_like, randn_like, randint_like, from_typed,
  as_tensor, from_numpy, frombuffer,
} from "./ops/creation";
export type { TypedArrayWithShape } from "./ops/creation";
import { Size as SizeClass } from "./tensor/size";
/**
 * torch.Size, the class of `x.shape`; `torch.Size([2, 3])` (as in PyTorch) or `new torch.Size([2, 3])`.
 * @example torch.Size([2, 3]).numel()  // 6
 */
export const Size = new Proxy(SizeClass, {
  apply: (_target, _this, args: [Iterable<number>?]) => new SizeClass(...args),
}) as typeof SizeClass & ((sizes?: Iterable<number>) => SizeClass);
export type Size = SizeClass;
// type(x.shape) is torch.Size (`<class 'torch.Size'>`, `type(x.shape) === torch.Size`), not list.
setPyPublicClass(SizeClass, Size, "torch");
export const scatter = (a: Tensor, ...args: Parameters<Tensor["scatter"]>): Tensor => a.scatter(...args);
export const scatter_add = (a: Tensor, ...args: Parameters<Tensor["scatter_add"]>): Tensor => a.scatter_add(...args);
export const scatter_reduce = (a: Tensor, ...args: Parameters<Tensor["scatter_reduce"]>): Tensor => a.scatter_reduce(...args);
export const diagonal = (a: Tensor, ...args: Parameters<Tensor["diagonal"]>): Tensor => a.diagonal(...args);
/** beta * input + alpha * (mat1 @ mat2), one node (AddmmBackward0) as F.linear records. */
export const addmm = (input: Tensor, mat1: Tensor, mat2: Tensor, options: { beta?: number; alpha?: number } = {}): Tensor => {
  const o = parseArgs("addmm", [options], ["beta", "alpha"]);
  return addmmOp(input, mat1, mat2, (o.beta as number | undefined) ?? 1, (o.alpha as number | undefined) ?? 1);
};
export type { CreationOptions, RandomOptions, NestedArray } from "./ops/creation";
export { PRINT_OPTS, set_printoptions } from "./tensor/repr";
export type { PrintOptions } from "./tensor/repr";
// Python's builtin exceptions a notebook catches by name (`catch (e) { if (!(e instanceof torch.StopIteration)) throw e; }`).
export { ValueError, TypeError, RuntimeError, IndexError, NotImplementedError, ShapeError, OutOfMemoryError, StopIteration } from "./errors";
export { narrow, select, permute, masked_select, flip } from "./ops/movement";
/** `torch.index_select(x, 0, idx)` or `torch.index_select(x, {dim: 0, index: idx})`. */
export const index_select = (a: Tensor, ...args: Parameters<Tensor["index_select"]>): Tensor => a.index_select(...args);
// These take their dims positionally or in a trailing options object, as the Tensor methods do.
// torch.split's sizes may be the keyword too: `torch.split(t, {split_size_or_sections: [3, 2]})` (Raschka ch12).
export function split(a: Tensor, ...args: Parameters<Tensor["split"]>): Tensor[];
export function split(a: Tensor, options: { split_size_or_sections: number | number[]; dim?: number }): Tensor[];
export function split(a: Tensor, sizes: number | number[] | { split_size_or_sections: number | number[]; dim?: number }, dim?: number | { dim?: number; axis?: number }): Tensor[] {
  if (typeof sizes === "object" && !Array.isArray(sizes)) return a.split(sizes.split_size_or_sections, sizes.dim ?? 0);
  return a.split(sizes, dim);
}
export const chunk = (a: Tensor, ...args: Parameters<Tensor["chunk"]>): Tensor[] => a.chunk(...args);
export const unbind = (a: Tensor, ...args: Parameters<Tensor["unbind"]>): Tensor[] => a.unbind(...args);
export const flatten = (a: Tensor, ...args: Parameters<Tensor["flatten"]>): Tensor => a.flatten(...args);
export const unflatten = (a: Tensor, ...args: Parameters<Tensor["unflatten"]>): Tensor => a.unflatten(...args);
export const squeeze = (a: Tensor, ...args: Parameters<Tensor["squeeze"]>): Tensor => a.squeeze(...args);
export const unsqueeze = (a: Tensor, ...args: Parameters<Tensor["unsqueeze"]>): Tensor => a.unsqueeze(...args);
export const transpose = (a: Tensor, ...args: Parameters<Tensor["transpose"]>): Tensor => a.transpose(...args);
/**
 * Concatenates along `dim` (default 0): `torch.cat([a, b], 1)` or `torch.cat([a, b], {dim: 1})`.
 * @example torch.cat([torch.zeros(2, 3), torch.ones(2, 3)], 1).shape  // [2, 6]
 */
export function cat(tensors: Tensor[], ...args: [dim?: number | ({ dim?: number; axis?: number } & Out), options?: Out]): Tensor {
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
export function stack(tensors: Tensor[], ...args: [dim?: number | ({ dim?: number; axis?: number } & Out), options?: Out]): Tensor {
  const o = parseArgs("stack", args, ["dim", "out"]);
  return withOut("stack", M.stack(tensors, (o.dim as number | undefined) ?? 0), o.out);
}
export { bmm, dot, mv, outer } from "./ops/linalg";
/** Matrix product of two 2-D tensors; a sparse COO first operand gives a dense result (src/tensor/sparse.ts). */
export const mm = (a: Tensor, b: Tensor): Tensor => SP.sparseAwareMm(a, b) ?? L.mm(a, b);
/** PyTorch's older name for torch.mm with a sparse first operand. */
export const spmm = mm;
export { sparse_coo_tensor } from "./tensor/sparse";
export { strided, sparse_coo } from "./tensor/layouts";
export type { Layout as layout } from "./tensor/layouts";
export * as sparse from "./sparse";
/** torch.fft: fftfreq, rfftfreq, fftshift, ifftshift (torchlab has no complex dtype, so no transforms). */
export * as fft from "./fft";
export { maximum, minimum, fmax, fmin, eq, ne, lt, le, gt, ge, logical_and, logical_or, logical_not, logical_xor, isnan, isinf, isfinite } from "./ops/elementwise";
export type { ValuesIndices } from "./ops/reduce";
export * from "./serialization";
export * as nn from "./nn";
export * as hub from "./hub";
// PyTorch also exposes these functional layers at the top level (torch.conv2d, torch.max_pool2d, ...).
export { conv2d, conv_transpose2d, max_pool2d, avg_pool2d, batch_norm } from "./nn/functional/vision";
export { conv1d, avg_pool1d } from "./nn/functional/conv1d";
export { conv3dFunctional as conv3d } from "./ops/conv3d";
export { conv_transpose1d } from "./nn/functional/pool_extra";
export { max_pool3d } from "./nn/functional/pool3d";
export { threshold, celu, selu, hardshrink, prelu } from "./nn/functional/activation2";
export { layer_norm } from "./nn/functional/normalization";
export { group_norm } from "./nn/functional/normalization2";
export { pairwise_distance } from "./nn/functional/vision2";
export { max_pool1d, adaptive_avg_pool1d } from "./nn/functional/conv1d";
export { dropout } from "./nn/functional/dropout";
export { embedding } from "./torch_functional";
export { hann_window, hamming_window, blackman_window, bartlett_window } from "./ops/windows";
export { cosine_similarity, pixel_shuffle, pixel_unshuffle, channel_shuffle } from "./nn/functional/vision2";
export * as optim from "./optim";
/** torch.distributions: Normal, Categorical, Bernoulli, ... with sample / rsample / log_prob / entropy, and kl_divergence. */
export * as distributions from "./distributions";
export { finfo, FInfo } from "./tensor/finfo";
export { iinfo, IInfo } from "./tensor/iinfo";
export { poisson, _standard_gamma } from "./distributions/gamma";
/** torch.autograd: grad(outputs, inputs), backward(tensors), and the grad-mode switches. */
export * as autograd from "./autograd";
/** torch.func (functorch): grad, vjp, jvp, jacrev, jacfwd, hessian, vmap, functional_call, stack_module_state, ... */
export * as func from "./func";
/** torch.vmap: torch.func.vmap, as PyTorch 2.0 also spells it. */
export { vmap } from "./func/vmap";
export * as testing from "./testing";
/**
 * torch.utils.data: Dataset, DataLoader, ...; torch.utils.tensorboard: SummaryWriter; torch.utils.checkpoint.
 * A namespace, so that `torch.utils.data.DataLoader` also names the type in a notebook cell.
 */
export * as utils from "./utils";

// dtypes, spelled as PyTorch spells them.
export const float32: DType = D.float32;
export const float: DType = D.float32;
/** float64 (`torch.double`): PyTorch's dtype, with float32's precision (tfjs has no 64-bit floats). */
export const float64: DType = D.float64;
export const double: DType = D.float64;
/** `torch.float16` / `torch.half` / `torch.bfloat16`: named so that using them raises a clear NotImplementedError (torchlab stores float32). */
export const float16 = D.float16;
export const half = D.float16;
export const bfloat16 = D.bfloat16;
export const int32: DType = D.int32;
export const int64: DType = D.int64;
export const long: DType = D.int64;
export const int: DType = D.int32;
/** uint8, int8 and int16 (`torch.short`): PyTorch's dtypes, held in int32 and wrapped into their range after each op that can leave it. */
export const uint8: DType = D.uint8;
export const int8: DType = D.int8;
export const int16: DType = D.int16;
export const short: DType = D.int16;
export const bool: DType = D.bool;
/** torch.dtype, the class of torch.float32, torch.int64, ... (`x.dtype instanceof torch.dtype`). */
export const dtype = D.dtype;
export type dtype = D.dtype;
export { promote_types, result_type, can_cast } from "./tensor/promotion";
/** torch.memory_format and its values: contiguous_format, channels_last, channels_last_3d, preserve_format (src/tensor/memory_format.ts). */
export { memory_format, contiguous_format, channels_last, channels_last_3d, preserve_format } from "./tensor/memory_format";
export type { PromotionOperand } from "./tensor/promotion";

/**
 * PyTorch's legacy typed constructors: `torch.FloatTensor(data)` / `torch.LongTensor(data)` copy a
 * (nested) array as `torch.tensor(data, {dtype})` does; `torch.LongTensor(2, 3)` is a tensor of that
 * size (zeros here: PyTorch leaves it uninitialised); a Tensor of the same dtype comes back as is.
 * @example const target = torch.LongTensor([1, 4, 58]);
 */
export function FloatTensor(...args: LegacyArg[]): Tensor {
  return legacyNew("FloatTensor", float32, args);
}
/** The int64 legacy constructor (stored as int32: see README's dtype note); see FloatTensor. */
export function LongTensor(...args: LegacyArg[]): Tensor {
  return legacyNew("LongTensor", long, args);
}
/** The float64 legacy constructor (values in float32 precision: see README's dtype note); see FloatTensor. */
export function DoubleTensor(...args: LegacyArg[]): Tensor {
  return legacyNew("DoubleTensor", float64, args);
}
/** The int32 legacy constructor; see FloatTensor. */
export function IntTensor(...args: LegacyArg[]): Tensor {
  return legacyNew("IntTensor", int32, args);
}
/** The uint8 legacy constructor (torchvision's image dtype); see FloatTensor. */
export function ByteTensor(...args: LegacyArg[]): Tensor {
  return legacyNew("ByteTensor", uint8, args);
}
/** The int8 legacy constructor; see FloatTensor. */
export function CharTensor(...args: LegacyArg[]): Tensor {
  return legacyNew("CharTensor", int8, args);
}
/** The int16 legacy constructor; see FloatTensor. */
export function ShortTensor(...args: LegacyArg[]): Tensor {
  return legacyNew("ShortTensor", int16, args);
}
/**
 * The bool legacy constructor: `torch.BoolTensor([[1, 0], [0, 1]])` (numbers become `!= 0`, as PyTorch
 * converts them); see FloatTensor.
 * @example const mask = torch.BoolTensor([[1, 1, 0]]);
 */
export function BoolTensor(...args: LegacyArg[]): Tensor {
  return legacyNew("BoolTensor", bool, args);
}
/** The constants torch re-exports from Python's math: `torch.pi`, `torch.e`, `torch.inf`, `torch.nan`. */
export const pi = Math.PI;
export const e = Math.E;
export const inf = Infinity;
export const nan = NaN;

// PyTorch's tensor types carry their dtype (`torch.FloatTensor.dtype`), which `x.type(torch.FloatTensor)` reads.
FloatTensor.dtype = float32;
LongTensor.dtype = long;
DoubleTensor.dtype = float64;
IntTensor.dtype = int32;
BoolTensor.dtype = bool;
ByteTensor.dtype = uint8;
CharTensor.dtype = int8;
ShortTensor.dtype = int16;
function legacyNew(op: string, dtype: DType, args: LegacyArg[]): Tensor {
  if (args.length === 0) return zerosOp(0, { dtype });
  if (args.every((a) => typeof a === "number")) {
    const sizes = args as number[];
    const bad = sizes.find((s) => s < 0 || !Number.isInteger(s));
    if (bad !== undefined) throw new RuntimeError(`${op}(): Trying to create tensor with negative or non-integer dimension ${bad}: [${sizes.join(", ")}]`);
    return zerosOp(sizes, { dtype });
  }
  const [data] = args;
  // torch.Tensor(x.size()): a torch.Size is a size, not data.
  if (args.length === 1 && data instanceof SizeClass) return legacyNew(op, dtype, [...data]);
  if (args.length > 1) throw new TypeError(`${op}() received an invalid combination of arguments: expected (data) or (*size), got ${args.length} arguments of types (${args.map((a) => (a instanceof Tensor ? "Tensor" : Array.isArray(a) ? "list" : typeof a)).join(", ")})`);
  if (data instanceof Tensor) {
    if (data.dtype !== dtype) throw new TypeError(`${op}(): expected a tensor of dtype ${dtype} (got ${data.dtype}); use tensor.to(${dtype === long ? "torch.long" : dtype})`);
    // PyTorch's alias: a new tensor on the same storage (writes reach both; resize_ reshapes only it).
    return aliasOp(data);
  }
  // torch.Tensor(ndarray) copies NumPy's array into the constructor's dtype (a float64 array becomes float32).
  if (ArrayBuffer.isView(data) || (typeof data === "object" && data !== null && !Array.isArray(data) && ArrayBuffer.isView((data as TypedArrayWithShape).data))) {
    return fromNumpyOp(data as TypedArrayWithShape, false).to(dtype);
  }
  if (!Array.isArray(data)) throw new TypeError(`${op}(): invalid data type '${typeof data}'`);
  return tensor(data, { dtype });
}

/**
 * The dtype of floating-point tensors created without one: float32 unless set_default_dtype changed it.
 * @example torch.get_default_dtype()  // torch.float32
 */
export const get_default_dtype = (): DType => D.defaultFloatDtype();

/**
 * Sets the dtype of floating-point tensors made without one (factories, torch.tensor of floats,
 * arange with floating bounds, the parameters of layers built afterwards, a float number next to an
 * integer tensor). torch.float32 or torch.float64; float64 values keep float32's precision (see the
 * README's dtype note).
 * @example torch.set_default_dtype(torch.float64); torch.tensor([1.5]).dtype  // torch.float64
 */
export function set_default_dtype(d: DType): void {
  if (!(d instanceof D.dtype)) throw new TypeError("invalid dtype object: only floating-point types are supported as the default type");
  if (!d.is_floating_point) throw new TypeError("only floating-point types are supported as the default type");
  D.setDefaultFloatDtype(d);
}
/**
 * Sets the default floating-point tensor type by name or type: `torch.set_default_tensor_type('torch.DoubleTensor')`
 * or `torch.set_default_tensor_type(torch.FloatTensor)` (as set_default_dtype with its dtype).
 * @example torch.set_default_tensor_type('torch.DoubleTensor'); torch.rand(2).dtype  // torch.float64
 */
export function set_default_tensor_type(t: string | { dtype: DType }): void {
  const byName: Record<string, DType> = { "torch.FloatTensor": float32, "torch.DoubleTensor": float64, "torch.LongTensor": long, "torch.IntTensor": int32, "torch.ShortTensor": int16, "torch.CharTensor": int8, "torch.ByteTensor": uint8, "torch.BoolTensor": bool };
  const d = typeof t === "string" ? byName[t] : t?.dtype;
  if (d === undefined) throw new TypeError(`invalid type: '${String(t)}'`);
  if (!d.is_floating_point) throw new TypeError("only floating-point types are supported as the default type");
  D.setDefaultFloatDtype(d);
}
/** Whether `a` has a floating-point dtype (`torch.is_floating_point(x)`). */
export const is_floating_point = (a: Tensor): boolean => a.is_floating_point();

type Operand = Tensor | number | boolean;

// `out` (PyTorch's out= keyword) on the common ops: src/tensor/out.ts.
type Out = { out?: Tensor | null };
export const add = (a: Operand, b: Operand, options?: { alpha?: number } & Out): Tensor => {
  const o = keywordOnly("add", 2, options, ["alpha", "out"]);
  return withOut("add", E.add(a, b, (o.alpha as number | undefined) ?? 1), o.out as Tensor | null | undefined);
};
export const sub = (a: Operand, b: Operand, options?: { alpha?: number } & Out): Tensor => {
  const o = keywordOnly("sub", 2, options, ["alpha", "out"]);
  return withOut("sub", E.sub(a, b, (o.alpha as number | undefined) ?? 1), o.out as Tensor | null | undefined);
};
export const mul = (a: Operand, b: Operand, options?: Out): Tensor =>
  withOut("mul", E.mul(a, b), keywordOnly("mul", 2, options, ["out"]).out as Tensor | null | undefined);
export const div = (a: Tensor, b: Operand, options?: { rounding_mode?: "trunc" | "floor" | null } & Out): Tensor => {
  const o = keywordOnly("div", 2, options, ["rounding_mode", "out"]);
  return withOut("div", E.div(a, b, { rounding_mode: o.rounding_mode as "trunc" | "floor" | null | undefined }), o.out as Tensor | null | undefined);
};
export const matmul = (a: Tensor, b: Tensor, options?: Out): Tensor => withOut("matmul", SP.sparseAwareMm(a, b) ?? L.matmul(a, b), options?.out);
type ReduceOut = { dim?: R.Dims; axis?: R.Dims; keepdim?: boolean; keepdims?: boolean; dtype?: DType | string | null } & Out;
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
/** Division rounded down, Python's `//`; a number first is allowed, as Python's `7 // t` is `t.__rfloordiv__(7)`. */
export const floor_divide = (a: Tensor | number, b: Operand): Tensor => {
  if (a instanceof Tensor) return E.div(a, b, { rounding_mode: "floor" });
  if (!(b instanceof Tensor)) throw new TypeError("floor_divide(): at least one of 'input' and 'other' must be a Tensor");
  return E.div(operand(a, b, "floor_divide"), b, { rounding_mode: "floor" });
};
export const true_divide = (a: Tensor, b: Operand): Tensor => E.div(a, b);
export const log2 = (a: Tensor): Tensor => E.log2(a);
export const log10 = (a: Tensor): Tensor => E.log10(a);
export const expm1 = (a: Tensor): Tensor => E.expm1(a);
export const reciprocal = (a: Tensor): Tensor => E.reciprocal(a);
export const trunc = (a: Tensor): Tensor => E.trunc(a);
export const fix = (a: Tensor): Tensor => E.trunc(a);
export { isin, isposinf, isneginf, copysign, positive } from "./ops/elementwise_extra";
export const corrcoef = (a: Tensor): Tensor => a.corrcoef();
/** The Vandermonde matrix of a 1-D `x` (N columns, default len(x); option increasing): `torch.vander(x, {N: 3})`. */
export function vander(x: Tensor, N?: number | null | { N?: number | null; increasing?: boolean }, options?: { increasing?: boolean }): Tensor {
  const o = parseArgs("vander", trimArgs([N, options]), ["N", "increasing"]);
  return LX.vander(x, (o.N as number | null | undefined) ?? null, Boolean(o.increasing));
}
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
export const round = (a: Tensor, options?: { decimals?: number }): Tensor => a.round(options);
export const square = (a: Tensor): Tensor => E.square(a);
export const erf = (a: Tensor): Tensor => E.erf(a);
export const clamp = (a: Tensor, ...args: Parameters<Tensor["clamp"]>): Tensor => a.clamp(...args);
export const clip = clamp;
// Bitwise ops, as PyTorch's `&`, `|`, `^`, `~`: logical on bool, two's-complement on integers, an
// error on floating point. Not differentiable (PyTorch's are not either).
type BitOperand = Tensor | number | boolean;
function bitDtype(x: BitOperand): DType {
  if (x instanceof Tensor) return x.dtype;
  return typeof x === "boolean" ? D.bool : Number.isInteger(x) ? D.int64 : D.defaultFloatDtype();
}
function bitwise(op: string, a: BitOperand, b: BitOperand, f: (x: number, y: number) => number, logical: (x: Tensor, y: Operand) => Tensor): Tensor {
  if (!(a instanceof Tensor) && !(b instanceof Tensor)) throw new TypeError(`${op}(): at least one argument must be a Tensor`);
  const dtypes = [bitDtype(a), bitDtype(b)];
  const float = dtypes.find((d) => d.is_floating_point);
  if (float !== undefined) throw new RuntimeError(`"${op}_cpu" not implemented for '${float._typeName}'`);
  const [x, y] = a instanceof Tensor ? [a, b] : [b as Tensor, a];
  if (dtypes.every((d) => d._tf === "bool")) return logical(x, y);
  const tx = x.int();
  const ty = y instanceof Tensor ? y.int() : tensor(Number(y), { dtype: "int32" });
  const shape = broadcastShapes(tx.shape, ty.shape);
  if (!shape) throw new RuntimeError(`The size of tensor a (${tx.shape.join(", ")}) must match the size of tensor b (${ty.shape.join(", ")}) in ${op}`);
  const xs = tx.expand(shape).contiguous().dataSync();
  const ys = ty.expand(shape).contiguous().dataSync();
  const dt = y instanceof Tensor ? D.promoteTypes(x.dtype, y.dtype) : x.dtype === D.bool ? D.int64 : x.dtype;
  return from_typed(Int32Array.from(xs, (v, i) => f(v, ys[i])), shape, { dtype: dt });
}
export const bitwise_and = (a: BitOperand, b: BitOperand): Tensor => bitwise("bitwise_and", a, b, (x, y) => x & y, E.logical_and);
export const bitwise_or = (a: BitOperand, b: BitOperand): Tensor => bitwise("bitwise_or", a, b, (x, y) => x | y, E.logical_or);
export const bitwise_xor = (a: BitOperand, b: BitOperand): Tensor => bitwise("bitwise_xor", a, b, (x, y) => x ^ y, E.logical_xor);
// Shifts by the machine's rule PyTorch 1.13 inherits: the count is taken modulo the width (32 for
// int32; int64 values live in 32 bits here, so int64 shifts past 31 differ from PyTorch's).
function shift(op: string, kernel: string, a: BitOperand, b: BitOperand, f: (x: number, y: number) => number): Tensor {
  const dtypes = [bitDtype(a), bitDtype(b)];
  const float = dtypes.find((d) => d.is_floating_point);
  if (float !== undefined) throw new RuntimeError(`"${kernel}_cpu" not implemented for '${float._typeName}'`);
  if (dtypes.every((d) => d === D.bool)) throw new RuntimeError(`"${kernel}_cpu" not implemented for 'Bool'`);
  const [x, y] = a instanceof Tensor ? [a, b] : [tensor(Number(a), { dtype: b instanceof Tensor && b.dtype !== D.bool ? b.dtype : D.int64 }), b];
  return bitwise(op, x, typeof y === "boolean" ? Number(y) : y, f, () => zerosOp(0));
}
/** `input << other` on integers (PyTorch's `torch.bitwise_left_shift`, Python's `<<`). */
export const bitwise_left_shift = (input: BitOperand, other: BitOperand): Tensor => shift("bitwise_left_shift", "lshift", input, other, (x, y) => x << y);
/** `input >> other` on integers, arithmetic (sign-extending), as PyTorch's `torch.bitwise_right_shift`. */
export const bitwise_right_shift = (input: BitOperand, other: BitOperand): Tensor => shift("bitwise_right_shift", "rshift", input, other, (x, y) => x >> y);
export const bitwise_not = (a: Tensor): Tensor => {
  if (a.dtype._tf === "bool") return E.logical_not(a);
  if (a.dtype._tf === "float32") throw new RuntimeError(`"bitwise_not_cpu" not implemented for 'Float'`);
  return from_typed(Int32Array.from(a.contiguous().dataSync(), (v) => ~v), a.shape, { dtype: a.dtype });
};
export const masked_fill = (a: Tensor, mask: Tensor, value: number | boolean | Tensor): Tensor => E.masked_fill(a, mask, value);

export const prod = (a: Tensor, ...args: Parameters<Tensor["prod"]>): Tensor => a.prod(...args);
export const std = (a: Tensor, ...args: Parameters<Tensor["std"]>): Tensor => a.std(...args);
export const var_ = (a: Tensor, ...args: Parameters<Tensor["var"]>): Tensor => a.var(...args);

// PyTorch's in-place functions, torch.sin_(x) for x.sin_(): they write into x and return it.
export const abs_ = (a: Tensor): Tensor => a.abs_();
export const ceil_ = (a: Tensor): Tensor => a.ceil_();
export const clamp_ = (a: Tensor, ...args: Parameters<Tensor["clamp_"]>): Tensor => a.clamp_(...args);
export const cos_ = (a: Tensor): Tensor => a.cos_();
export const exp_ = (a: Tensor): Tensor => a.exp_();
export const fill_ = (a: Tensor, value: Parameters<Tensor["fill_"]>[0]): Tensor => a.fill_(value);
export const floor_ = (a: Tensor): Tensor => a.floor_();
export const log_ = (a: Tensor): Tensor => a.log_();
export const neg_ = (a: Tensor): Tensor => a.neg_();
export const reciprocal_ = (a: Tensor): Tensor => a.reciprocal_();
export const relu_ = (a: Tensor): Tensor => a.relu_();
export const round_ = (a: Tensor, options?: { decimals?: number }): Tensor => a.round_(options);
export const sigmoid_ = (a: Tensor): Tensor => a.sigmoid_();
export const sin_ = (a: Tensor): Tensor => a.sin_();
export const sqrt_ = (a: Tensor): Tensor => a.sqrt_();
export const tanh_ = (a: Tensor): Tensor => a.tanh_();
export const trunc_ = (a: Tensor): Tensor => a.trunc_();
export const zero_ = (a: Tensor): Tensor => a.zero_();
export { var_ as var };
export const argmax = (a: Tensor, ...args: Parameters<Tensor["argmax"]>): Tensor => a.argmax(...args);
export const argmin = (a: Tensor, ...args: Parameters<Tensor["argmin"]>): Tensor => a.argmin(...args);
export const amax = (a: Tensor, ...args: Parameters<Tensor["amax"]>): Tensor => a.amax(...args);
export const amin = (a: Tensor, ...args: Parameters<Tensor["amin"]>): Tensor => a.amin(...args);
export const logsumexp = (a: Tensor, dim: R.Dims, keepdim?: boolean): Tensor => a.logsumexp(dim, keepdim);
export const softmax = (a: Tensor, ...args: Parameters<Tensor["softmax"]>): Tensor => a.softmax(...args);
export const log_softmax = (a: Tensor, ...args: Parameters<Tensor["log_softmax"]>): Tensor => a.log_softmax(...args);
export const cumsum = (a: Tensor, ...args: Parameters<Tensor["cumsum"]>): Tensor => a.cumsum(...args);
export const all = (a: Tensor, dim?: number | { dim?: number; axis?: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean): Tensor => a.all(dim, keepdim);
export const any = (a: Tensor, dim?: number | { dim?: number; axis?: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean): Tensor => a.any(dim, keepdim);
export const norm = (a: Tensor, ...args: Parameters<Tensor["norm"]>): Tensor => a.norm(...args);
type PairOut = { out?: [Tensor, Tensor] | null };
type DimOut = { dim: number; keepdim?: boolean; keepdims?: boolean } & PairOut;
function extreme(op: "max" | "min", a: Tensor, args: unknown[]): Tensor | R.ValuesIndices {
  const s = splitOut<unknown[]>(trimArgs(args));
  const [first] = s.args;
  if (first instanceof Tensor) return withOut(op, op === "max" ? E.maximum(a, first) : E.minimum(a, first), s.out);
  if (s.args.length === 0) return withOut(op, op === "max" ? R.max(a) : R.min(a), s.out);
  const r = op === "max" ? a.max(...(s.args as [number, boolean?])) : a.min(...(s.args as [number, boolean?]));
  return withOutPair(op, r, s.out);
}
/** PyTorch's all-keyword call, `torch.max(input=X, other=Y)`, as one options object. */
type ExtremeKw = { input: Tensor; other?: Tensor; dim?: number; keepdim?: boolean } & Out;
function extremeKw(op: "max" | "min", o: ExtremeKw): Tensor | R.ValuesIndices {
  const k = parseArgs(op, [o], ["input", "other", "dim", "keepdim", "out"]);
  if (!(k.input instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' must be Tensor, not ${k.input === undefined ? "missing" : typeof k.input}`);
  const out = k.out === undefined ? undefined : { out: k.out };
  if (k.other !== undefined) return extreme(op, k.input, [k.other, out]);
  if (k.dim !== undefined) return extreme(op, k.input, [k.dim, { keepdim: k.keepdim, ...out }]);
  return extreme(op, k.input, [out]);
}
/** Largest element; along `dim` (values, indices); or elementwise with another tensor. Options: keepdim, out. */
export function max(a: Tensor, options?: Out): Tensor;
export function max(a: Tensor, dim: number | DimOut, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean } & PairOut): R.ValuesIndices;
export function max(a: Tensor, other: Tensor, options?: Out): Tensor;
export function max(options: ExtremeKw & { other: Tensor }): Tensor;
export function max(options: ExtremeKw & { dim: number }): R.ValuesIndices;
export function max(options: ExtremeKw): Tensor;
export function max(a: Tensor | ExtremeKw, dim?: number | Tensor | DimOut | Out, keepdim?: boolean | Out | ({ keepdim?: boolean; keepdims?: boolean } & PairOut)): Tensor | R.ValuesIndices {
  if (isOptions(a)) return extremeKw("max", a as ExtremeKw);
  return extreme("max", a as Tensor, [dim, keepdim]);
}
export function min(a: Tensor, options?: Out): Tensor;
export function min(a: Tensor, dim: number | DimOut, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean } & PairOut): R.ValuesIndices;
export function min(a: Tensor, other: Tensor, options?: Out): Tensor;
export function min(options: ExtremeKw & { other: Tensor }): Tensor;
export function min(options: ExtremeKw & { dim: number }): R.ValuesIndices;
export function min(options: ExtremeKw): Tensor;
export function min(a: Tensor | ExtremeKw, dim?: number | Tensor | DimOut | Out, keepdim?: boolean | Out | ({ keepdim?: boolean; keepdims?: boolean } & PairOut)): Tensor | R.ValuesIndices {
  if (isOptions(a)) return extremeKw("min", a as ExtremeKw);
  return extreme("min", a as Tensor, [dim, keepdim]);
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
export function median(a: Tensor, dim: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): R.ValuesIndices;
export function median(a: Tensor, dim?: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): Tensor | R.ValuesIndices {
  return dim === undefined ? a.median() : a.median(dim, keepdim);
}
/** median ignoring NaN: of all elements, or (values, indices) along `dim`. */
export function nanmedian(a: Tensor): Tensor;
export function nanmedian(a: Tensor, dim: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): R.ValuesIndices;
export function nanmedian(a: Tensor, dim?: number | { dim: number; keepdim?: boolean; keepdims?: boolean }, keepdim?: boolean | { keepdim?: boolean; keepdims?: boolean }): Tensor | R.ValuesIndices {
  return dim === undefined ? a.nanmedian() : a.nanmedian(dim, keepdim);
}
export const quantile = (a: Tensor, ...args: Parameters<Tensor["quantile"]>): Tensor => a.quantile(...args);
export const nanquantile = (a: Tensor, ...args: Parameters<Tensor["nanquantile"]>): Tensor => a.nanquantile(...args);
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
export function gather(input: Tensor, dim: number | GatherOptions, index?: Tensor | GatherOptions, options?: GatherOptions): Tensor {
  return input.gather(dim, index, options);
}
export const equal = (a: Tensor, b: Tensor): boolean => a.equal(b);
export const is_tensor = (x: unknown): x is Tensor => x instanceof Tensor;
export const numel = (a: Tensor): number => a.numel();
void L;

// fnmath: more pointwise, reduction, creation and linear-algebra functions (src/ops/math_extra.ts,
// src/ops/linalg_extra.ts); most mirror a Tensor method. `out` where the neighbours above take it.
type Unary = (a: Tensor, options?: Out) => Tensor;
const unaryOut = (op: string, f: (a: Tensor) => Tensor): Unary => (a, options) => withOut(op, f(a), keywordOnly(op, 1, options, ["out"]).out);
type Binary = (a: Tensor | number, b: Operand, options?: Out) => Tensor;
const binaryOut = (op: string, f: (a: Tensor, b: Operand) => Tensor): Binary => (a, b, options) => {
  const o = keywordOnly(op, 2, options, ["out"]);
  if (!(a instanceof Tensor) && !(b instanceof Tensor)) throw new TypeError(`${op}(): at least one of 'input' and 'other' must be a Tensor`);
  return withOut(op, f(a instanceof Tensor ? a : operand(a, b as Tensor, op), b), o.out);
};
export const absolute = unaryOut("absolute", E.abs);
export const acos = unaryOut("acos", MX.acos);
export const arccos = unaryOut("arccos", MX.acos);
export const asin = unaryOut("asin", MX.asin);
export const arcsin = unaryOut("arcsin", MX.asin);
export const atan = unaryOut("atan", MX.atan);
export const arctan = unaryOut("arctan", MX.atan);
export const cosh = unaryOut("cosh", MX.cosh);
export const sinh = unaryOut("sinh", MX.sinh);
export const asinh = unaryOut("asinh", MX.asinh);
export const arcsinh = unaryOut("arcsinh", MX.asinh);
export const acosh = unaryOut("acosh", MX.acosh);
export const arccosh = unaryOut("arccosh", MX.acosh);
export const atanh = unaryOut("atanh", MX.atanh);
export const arctanh = unaryOut("arctanh", MX.atanh);
export const tan = unaryOut("tan", MX.tan);
export const deg2rad = unaryOut("deg2rad", MX.deg2rad);
export const rad2deg = unaryOut("rad2deg", MX.rad2deg);
export const erfc = unaryOut("erfc", MX.erfc);
export const erfinv = unaryOut("erfinv", MX.erfinv);
export const exp2 = unaryOut("exp2", MX.exp2);
export const frac = unaryOut("frac", MX.frac);
export const sinc = unaryOut("sinc", MX.sinc);
export const lgamma = unaryOut("lgamma", MX.lgamma);
export const digamma = unaryOut("digamma", MX.digamma);
export const sgn = unaryOut("sgn", E.sign);
export const signbit = unaryOut("signbit", MX.signbit);
export const negative = unaryOut("negative", E.neg);
export const atan2 = binaryOut("atan2", MX.atan2);
export const arctan2 = binaryOut("arctan2", MX.atan2);
export const fmod = binaryOut("fmod", MX.fmod);
export const hypot = binaryOut("hypot", (a, b) => MX.hypot(a, b));
export const xlogy = binaryOut("xlogy", MX.xlogy);
export const logaddexp = binaryOut("logaddexp", (a, b) => MX.logaddexp(a, b));
export const gcd = binaryOut("gcd", (a, b) => MX.gcd(a, b));
export const lcm = binaryOut("lcm", (a, b) => MX.lcm(a, b));
export const ldexp = binaryOut("ldexp", (a, b) => MX.ldexp(a, b));
// Unlike the functions above, PyTorch's arithmetic takes two numbers (`torch.multiply(3, 4)`: tensor(12)).
export const multiply = (a: Operand, b: Operand, options?: Out): Tensor =>
  withOut("multiply", E.mul(a, b), keywordOnly("multiply", 2, options, ["out"]).out as Tensor | null | undefined);
/** pow in floating point: `torch.float_power(x, 2)`, `torch.float_power(2, x)`. */
export const float_power = (a: Tensor | number, exponent: Operand, options?: Out): Tensor => withOut("float_power", MX.float_power(a, exponent), keywordOnly("float_power", 2, options, ["out"]).out);
export const heaviside = (a: Tensor, values: Tensor, options?: Out): Tensor => withOut("heaviside", MX.heaviside(a, values), keywordOnly("heaviside", 2, options, ["out"]).out);
export const subtract = (a: Operand, b: Operand, options?: { alpha?: number } & Out): Tensor => sub(a, b, options);
export const divide = (a: Tensor, b: Operand, options?: { rounding_mode?: "trunc" | "floor" | null } & Out): Tensor => div(a, b, options);
export const clamp_min = (a: Tensor, min: number | Tensor): Tensor => a.clamp_min(min);
export const clamp_max = (a: Tensor, max: number | Tensor): Tensor => a.clamp_max(max);
export const logit = (a: Tensor, ...args: Parameters<Tensor["logit"]>): Tensor => a.logit(...args);
export const nan_to_num = (a: Tensor, ...args: Parameters<Tensor["nan_to_num"]>): Tensor => a.nan_to_num(...args);
/**
 * input + value * tensor1 * tensor2 (`value` keyword-only).
 * @example torch.addcmul(t, a, b, {value: 0.5})
 */
export const addcmul = (input: Tensor, tensor1: Tensor, tensor2: Tensor, options?: { value?: number } & Out): Tensor => {
  const o = keywordOnly("addcmul", 3, options, ["value", "out"]);
  return withOut("addcmul", MX.addcmul(input, tensor1, tensor2, (o.value as number | undefined) ?? 1), o.out);
};
/** input + value * tensor1 / tensor2 (`value` keyword-only). */
export const addcdiv = (input: Tensor, tensor1: Tensor, tensor2: Tensor, options?: { value?: number } & Out): Tensor => {
  const o = keywordOnly("addcdiv", 3, options, ["value", "out"]);
  return withOut("addcdiv", MX.addcdiv(input, tensor1, tensor2, (o.value as number | undefined) ?? 1), o.out);
};
/** start + weight * (end - start). */
export const lerp = (input: Tensor, end: Tensor, weight: Tensor | number, options?: Out): Tensor => withOut("lerp", MX.lerp(input, end, weight), keywordOnly("lerp", 3, options, ["out"]).out);
export const nansum = (a: Tensor, ...args: Parameters<Tensor["nansum"]>): Tensor => a.nansum(...args);
export const nanmean = (a: Tensor, ...args: Parameters<Tensor["nanmean"]>): Tensor => a.nanmean(...args);
export const count_nonzero = (a: Tensor, ...args: Parameters<Tensor["count_nonzero"]>): Tensor => a.count_nonzero(...args);
type VarMeanOpts = { dim?: R.Dims; axis?: R.Dims; unbiased?: boolean; correction?: number; keepdim?: boolean; keepdims?: boolean };
/** [std, mean] over `dim` (all elements by default); unbiased (N-1) unless `unbiased: false` or `correction` says otherwise. */
export const std_mean = (a: Tensor, dim?: R.Dims | boolean | VarMeanOpts, unbiased?: boolean | VarMeanOpts, keepdim?: boolean | VarMeanOpts): [Tensor, Tensor] => {
  const o = MX.varMeanArgs("std_mean", [dim, unbiased, keepdim]);
  return MX.var_mean(a, o.dim, o.correction, o.keepdim, "std_mean");
};
/** [var, mean] over `dim`, with std_mean's arguments. */
export const var_mean = (a: Tensor, dim?: R.Dims | boolean | VarMeanOpts, unbiased?: boolean | VarMeanOpts, keepdim?: boolean | VarMeanOpts): [Tensor, Tensor] => {
  const o = MX.varMeanArgs("var_mean", [dim, unbiased, keepdim]);
  return MX.var_mean(a, o.dim, o.correction, o.keepdim, "var_mean");
};
export const cummax = (a: Tensor, dim: number | { dim: number }): R.ValuesIndices => a.cummax(dim);
export const cummin = (a: Tensor, dim: number | { dim: number }): R.ValuesIndices => a.cummin(dim);
export const logcumsumexp = (a: Tensor, dim: number | { dim: number }): Tensor => a.logcumsumexp(dim);
export const trace = (a: Tensor): Tensor => a.trace();
export { frexp, nextafter, renorm } from "./ops/math_more";
export type { IndexReduce } from "./ops/scatter_views";
/** `input` with `input.select(dim, index)` replaced by `src`. */
export const select_scatter = (input: Tensor, src: Tensor, dim: number, index: number): Tensor => SV.select_scatter(input, src, dim, index);
type SliceOpts = { dim?: number; axis?: number; start?: number | null; end?: number | null; step?: number };
/** `input` with the slice `start:end:step` of `dim` replaced by `src`: `torch.slice_scatter(x, s, 1, 0, 4, 2)` or `(x, s, {dim: 1, step: 2})`. */
export function slice_scatter(input: Tensor, src: Tensor, ...args: [dim?: number | SliceOpts, start?: number | null | SliceOpts, end?: number | null | SliceOpts, step?: number | SliceOpts]): Tensor {
  const o = parseArgs("slice_scatter", trimArgs(args), ["dim", "start", "end", "step"]);
  return SV.slice_scatter(input, src, (o.dim as number | undefined) ?? 0, (o.start as number | null | undefined) ?? null, (o.end as number | null | undefined) ?? null, (o.step as number | undefined) ?? 1);
}
type DiagOpts = { offset?: number; dim1?: number; dim2?: number };
/** `input` with its diagonal (`offset`, `dim1`, `dim2` as torch.diagonal) replaced by `src`. */
export function diagonal_scatter(input: Tensor, src: Tensor, ...args: [offset?: number | DiagOpts, dim1?: number | DiagOpts, dim2?: number | DiagOpts]): Tensor {
  const o = parseArgs("diagonal_scatter", trimArgs(args), ["offset", "dim1", "dim2"]);
  return SV.diagonal_scatter(input, src, (o.offset as number | undefined) ?? 0, (o.dim1 as number | undefined) ?? 0, (o.dim2 as number | undefined) ?? 1);
}
/** `source`'s slices reduced ("prod", "mean", "amax", "amin") into `input`'s slices `index` of `dim`; `include_self` keyword-only. */
export function index_reduce(input: Tensor, dim: number, index: Tensor, source: Tensor, reduce: SV.IndexReduce, options?: { include_self?: boolean }): Tensor {
  const o = keywordOnly("index_reduce", 5, options, ["include_self"]);
  return SV.index_reduce(input, dim, index, source, reduce, (o.include_self as boolean | undefined) ?? true);
}
export type { MantissaExponent, HistogramResult } from "./ops/math_more";
/**
 * torch.histogram(input, bins, {range, weight, density}): `[hist, bin_edges]` (also `.hist`, `.bin_edges`).
 * @example const [hist, edges] = torch.histogram(torch.tensor([1.0, 2, 1]), 4, {range: [0, 3]})
 */
/** The parameters of torch.histogram after `input` (Tensor.histogram takes the same). */
export type HistogramArgs = [bins?: number | Tensor | HistogramOpts, options?: HistogramOpts];
export function histogram(input: Tensor, bins?: number | Tensor | HistogramOpts, options?: HistogramOpts): MM.HistogramResult {
  const o = parseArgs("histogram", trimArgs([bins, options]), ["bins", "range", "weight", "density", "out"]);
  if (o.out !== undefined) throw new TypeError("histogram(): 'out' is not supported in torchlab");
  return MM.histogram(input, (o.bins as number | Tensor | undefined) ?? 100, (o.range as [number, number] | null | undefined) ?? null, (o.weight as Tensor | null | undefined) ?? null, Boolean(o.density));
}
type HistogramOpts = { bins?: number | Tensor; range?: [number, number] | null; weight?: Tensor | null; density?: boolean };
export const histc = (a: Tensor, ...args: Parameters<Tensor["histc"]>): Tensor => a.histc(...args);
export const diff = (a: Tensor, ...args: Parameters<Tensor["diff"]>): Tensor => a.diff(...args);
/**
 * torch.gradient(input, {spacing, dim, edge_order}): the derivative along each dimension (or `dim`) by
 * central differences, as a tuple. `spacing`: one step for all, a step per dimension, or the sample
 * coordinates per dimension (1-D tensors).
 * @example const [dy] = torch.gradient(torch.tensor([4., 1, 1, 16]))
 */
export function gradient(input: Tensor, options?: { spacing?: number | (number | Tensor)[] | Tensor; dim?: number | number[] | null; edge_order?: number }): Tensor[] {
  const o = keywordOnly("gradient", 1, options, ["spacing", "dim", "edge_order"]);
  const dims = o.dim === undefined || o.dim === null ? input.shape.map((_, i) => i) : typeof o.dim === "number" ? [o.dim] : [...(o.dim as number[])];
  const sp = o.spacing ?? 1;
  const spacing = typeof sp === "number" || sp instanceof Tensor ? dims.map(() => sp as number | Tensor) : [...(sp as (number | Tensor)[])];
  if (spacing.length !== dims.length) throw new RuntimeError(`torch.gradient expected spacing to be unspecified, a scalar or it's spacing and dim arguments to have the same length, but got a spacing argument of length ${spacing.length} and a dim argument of length ${dims.length}.`);
  return asPyTuple(MX.gradient(input, spacing, dims, (o.edge_order as number | undefined) ?? 1)) as Tensor[];
}
export const cov = (a: Tensor, ...args: Parameters<Tensor["cov"]>): Tensor => a.cov(...args);
export const aminmax = (a: Tensor, ...args: Parameters<Tensor["aminmax"]>): MinMax => a.aminmax(...args);
/**
 * Trapezoid rule along `dim` (keyword, default -1): `torch.trapz(y)`, `torch.trapz(y, x)`, `torch.trapz(y, {dx: 0.5})`.
 */
export function trapz(y: Tensor, x?: Tensor | null | { x?: Tensor | null; dx?: number; dim?: number; axis?: number }, options?: { dim?: number; axis?: number }): Tensor {
  const o = parseArgs("trapz", trimArgs([x, options]), ["x", "dx", "dim"]);
  if (o.x instanceof Tensor && o.dx !== undefined) throw new TypeError("trapz(): pass either x or dx, not both");
  return MX.trapz(y, (o.x as Tensor | null | undefined) ?? null, (o.dx as number | undefined) ?? 1, (o.dim as number | undefined) ?? -1);
}
export const trapezoid = trapz;
/** The running trapezoid-rule integral along `dim`: `torch.cumulative_trapezoid(y)`, `(y, x)`, `(y, {dx, dim})`. */
export function cumulative_trapezoid(y: Tensor, x?: Tensor | null | { x?: Tensor | null; dx?: number; dim?: number; axis?: number }, options?: { dim?: number; axis?: number }): Tensor {
  const o = parseArgs("cumulative_trapezoid", trimArgs([x, options]), ["x", "dx", "dim"]);
  if (o.x instanceof Tensor && o.dx !== undefined) throw new TypeError("cumulative_trapezoid(): pass either x or dx, not both");
  return MX.trapz(y, (o.x as Tensor | null | undefined) ?? null, (o.dx as number | undefined) ?? 1, (o.dim as number | undefined) ?? -1, true);
}
/** `steps` values from base**start to base**end, evenly spaced in the exponent. */
export function logspace(start: number, end: number, steps: number, ...args: [base?: number | LogspaceOpts, options?: LogspaceOpts]): Tensor {
  const o = parseArgs("logspace", args, ["base", "dtype", "requires_grad", "device"]);
  return MX.logspace(start, end, steps, (o.base as number | undefined) ?? 10, o.dtype === undefined ? undefined : normalizeDtype(o.dtype), Boolean(o.requires_grad));
}
type LogspaceOpts = { base?: number; dtype?: DType | string | null; requires_grad?: boolean; device?: unknown };
/** Deprecated in PyTorch (use arange): start to end *inclusive* in steps of `step`, float32. */
export function range(start: number, end: number, ...args: [step?: number | RangeOpts, options?: RangeOpts]): Tensor {
  const o = parseArgs("range", args, ["step", "dtype", "requires_grad", "device"]);
  return MX.range(start, end, (o.step as number | undefined) ?? 1, o.dtype === undefined ? undefined : normalizeDtype(o.dtype), Boolean(o.requires_grad));
}
type RangeOpts = { step?: number; dtype?: DType | string | null; requires_grad?: boolean; device?: unknown };
export const det = (A: Tensor): Tensor => LX.det(A, "det");
export const inverse = (A: Tensor): Tensor => LX.inv(A);
export const logdet = (A: Tensor): Tensor => LX.logdet(A);
/** The exponential of each `[..., n, n]` matrix (torch.linalg.matrix_exp). */
export { matrix_exp } from "./ops/matrix_exp";
export const slogdet = (A: Tensor): LX.SignLogAbsDet => LX.slogdet(A, "slogdet");
type NormOrd = number | "fro" | "nuc";
/** torch.linalg: norms, det, slogdet, inv, solve, cross for float32 (batched) matrices. */
export const linalg = {
  /** A vector norm (int dim, or 1-D input) or a matrix norm (pair of dims, or 2-D input); the 2-norm of all elements by default. */
  norm(A: Tensor, ord?: NormOrd | null | LinalgNormOpts, dim?: number | number[] | null | LinalgNormOpts, keepdim?: boolean | LinalgNormOpts): Tensor {
    const o = parseArgs("linalg.norm", trimArgs([ord, dim, keepdim]), ["ord", "dim", "keepdim", "out"]);
    return withOut("linalg.norm", LX.norm(A, (o.ord as NormOrd | null | undefined) ?? null, (o.dim as number | number[] | null | undefined) ?? null, Boolean(o.keepdim)), o.out);
  },
  vector_norm(x: Tensor, ord?: number | VectorNormOpts, dim?: R.Dims | VectorNormOpts, keepdim?: boolean | VectorNormOpts): Tensor {
    const o = parseArgs("linalg.vector_norm", trimArgs([ord, dim, keepdim]), ["ord", "dim", "keepdim", "out"]);
    return withOut("linalg.vector_norm", LX.vector_norm(x, (o.ord as number | undefined) ?? 2, (o.dim as R.Dims) ?? null, Boolean(o.keepdim)), o.out);
  },
  matrix_norm(A: Tensor, ord?: NormOrd | MatrixNormOpts, dim?: [number, number] | MatrixNormOpts, keepdim?: boolean | MatrixNormOpts): Tensor {
    const o = parseArgs("linalg.matrix_norm", trimArgs([ord, dim, keepdim]), ["ord", "dim", "keepdim", "out"]);
    return withOut("linalg.matrix_norm", LX.matrix_norm(A, (o.ord as NormOrd | undefined) ?? "fro", (o.dim as [number, number] | undefined) ?? [-2, -1], Boolean(o.keepdim)), o.out);
  },
  det: (A: Tensor, options?: Out): Tensor => withOut("linalg.det", LX.det(A), keywordOnly("linalg.det", 1, options, ["out"]).out),
  slogdet: (A: Tensor): LX.SignLogAbsDet => LX.slogdet(A),
  inv: (A: Tensor, options?: Out): Tensor => withOut("linalg.inv", LX.inv(A), keywordOnly("linalg.inv", 1, options, ["out"]).out),
  /** X with A X = B (B a vector, or a batch of vectors, when it has one dim less than A). */
  solve: (A: Tensor, B: Tensor, options?: { left?: boolean } & Out): Tensor => {
    const o = keywordOnly("linalg.solve", 2, options, ["left", "out"]);
    return withOut("linalg.solve", LX.solve(A, B, (o.left as boolean | undefined) ?? true), o.out);
  },
  cross: (a: Tensor, b: Tensor, options?: { dim?: number; axis?: number } & Out): Tensor => {
    const o = keywordOnly("linalg.cross", 2, options, ["dim", "out"]);
    return withOut("linalg.cross", LX.cross(a, b, (o.dim as number | undefined) ?? -1), o.out);
  },
  /** X with A X = B (`{left: false}`: X A = B) for triangular A: only the triangle `upper` names is read; differentiable. */
  solve_triangular: (A: Tensor, B: Tensor, options: { upper: boolean; left?: boolean; unitriangular?: boolean } & Out): Tensor => {
    const o = keywordOnly("linalg.solve_triangular", 2, options, ["upper", "left", "unitriangular", "out"]);
    return withOut("linalg.solve_triangular", solve_triangular(A, B, o.upper as boolean, (o.left as boolean | undefined) ?? true, Boolean(o.unitriangular)), o.out);
  },
  /** The lower Cholesky factor of each symmetric positive-definite matrix (`{upper: true}`: the upper one); differentiable. */
  cholesky: (A: Tensor, options?: { upper?: boolean } & Out): Tensor => {
    const o = keywordOnly("linalg.cholesky", 1, options, ["upper", "out"]);
    return withOut("linalg.cholesky", LD.cholesky(A, Boolean(o.upper)), o.out);
  },
  /** `[eigenvalues, eigenvectors]` of each symmetric matrix, values ascending (UPLO "L": the lower triangle is read). */
  eigh: (A: Tensor, UPLO: "L" | "U" | { UPLO?: "L" | "U" } = "L"): LD.EighResult => {
    const o = parseArgs("linalg.eigh", [UPLO], ["UPLO"]);
    return LD.eigh(A, (o.UPLO as string | undefined) ?? "L");
  },
  /** `[Q, R]` of each matrix with PyTorch's (LAPACK's) signs; `mode` "reduced" (default), "complete" or "r". */
  qr: (A: Tensor, mode: "reduced" | "complete" | "r" | { mode?: "reduced" | "complete" | "r" } = "reduced"): LD.QRResult => {
    const o = parseArgs("linalg.qr", [mode], ["mode"]);
    return LD.qr(A, (o.mode as string | undefined) ?? "reduced");
  },
  /** The singular values of each matrix, descending. */
  svdvals: (A: Tensor): Tensor => LD.svdvals(A),
  /** `[U, S, Vh]` with A = U diag(S) Vh, S descending; `full_matrices` (default true) makes U m x m and Vh n x n. Vectors are unique up to sign. */
  svd: (A: Tensor, full_matrices: boolean | { full_matrices?: boolean; driver?: null } = true): LD.SVDResult => {
    const o = parseArgs("linalg.svd", [full_matrices], ["full_matrices", "driver"]);
    if (o.driver !== undefined && o.driver !== null) throw new RuntimeError(`torch.linalg.svd: keyword argument \`driver=\` is only supported on CUDA inputs with cuSOLVER backend.`);
    return LD.svd(A, (o.full_matrices as boolean | undefined) ?? true);
  },
  /** The eigenvalues of each symmetric matrix, ascending. */
  eigvalsh: (A: Tensor, UPLO: "L" | "U" | { UPLO?: "L" | "U" } = "L"): Tensor => {
    const o = parseArgs("linalg.eigvalsh", [UPLO], ["UPLO"]);
    return LD.eigvalsh(A, (o.UPLO as string | undefined) ?? "L");
  },
  /** The exponential of each square matrix (scaling and squaring; differentiable). */
  matrix_exp: (A: Tensor): Tensor => matrix_exp(A),
  /** Raised when a matrix is singular (inv, solve) or not positive-definite (cholesky): a RuntimeError. */
  LinAlgError,
  /** The Moore-Penrose pseudo-inverse (`{atol, rtol, hermitian}`; the older positional `rcond` is rtol); differentiable where the rank is constant. */
  pinv: (A: Tensor, rcond?: number | Tensor | PinvOpts, options?: PinvOpts): Tensor => {
    const o = parseArgs("linalg.pinv", trimArgs([rcond, options]), ["rcond", "atol", "rtol", "hermitian"]);
    return LQ.pinv(A, (o.atol as LQ.Tol | undefined) ?? null, (o.rtol as LQ.Tol | undefined) ?? (o.rcond as LQ.Tol | undefined) ?? null, Boolean(o.hermitian));
  },
  /** How many singular values exceed `max(atol, rtol * largest)` (int64 per matrix). */
  matrix_rank: (A: Tensor, options?: PinvOpts & { tol?: number | Tensor | null }): Tensor => {
    const o = keywordOnly("linalg.matrix_rank", 1, options, ["atol", "rtol", "hermitian", "tol"]);
    return LQ.matrix_rank(A, (o.atol as LQ.Tol | undefined) ?? (o.tol as LQ.Tol | undefined) ?? null, (o.rtol as LQ.Tol | undefined) ?? null, Boolean(o.hermitian));
  },
  /** `[solution, residuals, rank, singular_values]` of min ||A X - B|| (`{rcond, driver}`: gels, gelsy (default), gelsd, gelss). */
  lstsq: (A: Tensor, B: Tensor, rcond?: number | null | { rcond?: number | null; driver?: string | null }, options?: { driver?: string | null }): LQ.LstsqResult => {
    const o = parseArgs("linalg.lstsq", trimArgs([rcond, options]), ["rcond", "driver"]);
    return LQ.lstsq(A, B, (o.rcond as number | null | undefined) ?? null, (o.driver as string | null | undefined) ?? null);
  },
  /** The condition number: p None / 2 / -2 from the singular values; 'fro', 'nuc', inf, -inf, 1, -1 as norm(A) * norm(inv(A)). */
  cond: (A: Tensor, p?: number | "fro" | "nuc" | null | { p?: number | "fro" | "nuc" | null }): Tensor => {
    const o = parseArgs("linalg.cond", [p], ["p"]);
    return LQ.cond(A, (o.p as number | "fro" | "nuc" | null | undefined) ?? null);
  },
  /** The Vandermonde matrix with increasing powers x^0, x^1, ... (`{N}` columns, default len(x)). */
  vander: (x: Tensor, options?: { N?: number | null }): Tensor => {
    const o = keywordOnly("linalg.vander", 1, options, ["N"]);
    if (x.dim() < 1) throw new RuntimeError("linalg.vander: x must have at least one dimension.");
    const N = (o.N as number | null | undefined) ?? x.shape[x.dim() - 1];
    if (N <= 1) throw new RuntimeError(`N must be greater than 1.`);
    // 1, x, x*x, ... as a running product, as PyTorch computes it.
    const col = x.unsqueeze(-1);
    return cat([col.pow(0), col.expand(...x.shape, N - 1)], -1).cumprod(-1);
  },
  ...linalgMore,
};
/** torch.cholesky(A, upper=false): the older spelling of torch.linalg.cholesky. */
export const cholesky = (A: Tensor, upper: boolean | { upper?: boolean } = false): Tensor => {
  const o = parseArgs("cholesky", [upper], ["upper"]);
  return LD.cholesky(A, Boolean(o.upper), "cholesky");
};
/** torch.svd(A, some=true, compute_uv=true): `[U, S, V]` (V itself, not Vh as torch.linalg.svd returns). */
export const svd = (A: Tensor, some?: boolean | { some?: boolean; compute_uv?: boolean }, compute_uv?: boolean | { compute_uv?: boolean }): LD.SvdOldResult => {
  const o = parseArgs("svd", [some, compute_uv], ["some", "compute_uv"]);
  return LD.svdOld(A, (o.some as boolean | undefined) ?? true, (o.compute_uv as boolean | undefined) ?? true);
};
export type { EighResult, QRResult, SVDResult, SvdOldResult } from "./ops/linalg_decomp";
type PinvOpts = { atol?: number | Tensor | null; rtol?: number | Tensor | null; hermitian?: boolean };
type LinalgNormOpts = { ord?: NormOrd | null; dim?: number | number[] | null; axis?: number | number[] | null; keepdim?: boolean; keepdims?: boolean } & Out;
type VectorNormOpts = { ord?: number; dim?: R.Dims; axis?: R.Dims; keepdim?: boolean; keepdims?: boolean } & Out;
type MatrixNormOpts = { ord?: NormOrd; dim?: [number, number]; axis?: [number, number]; keepdim?: boolean; keepdims?: boolean } & Out;
export type { MinMax } from "./ops/math_extra";
export type { SignLogAbsDet } from "./ops/linalg_extra";
export type { GradHook, RemovableHandle } from "./autograd/hooks";
// end fnmath

import { Device } from "./tensor/device";
export { Device };

/**
 * `torch.device("cuda")`, `torch.device("cpu")`, `torch.device("cuda", 1)`: callable as in PyTorch.
 * @example const device = torch.device(torch.cuda.is_available() ? "cuda" : "cpu");
 */
export function device(spec: string | Device, index?: number): Device {
  if (index === undefined || index === null) return new Device(spec);
  const text = String(spec);
  if (text.includes(":")) throw new RuntimeError(`type (string) must not include an index because index was passed explicitly: ${text}`);
  if (!Number.isInteger(index)) throw new TypeError(`device(): argument 'index' must be int, not ${pyTypeName(index)}`);
  if (index < 0) throw new RuntimeError("Device index must not be negative");
  return new Device(`${text}:${index}`);
}
/** `torch.device` as a type too, as PyTorch's annotations write it (`def f(device: torch.device)`). */
export type device = Device;

import { cuda_amp, cpu_amp, autocast as ampAutocast, get_autocast_gpu_dtype, get_autocast_cpu_dtype, is_autocast_enabled, is_autocast_cpu_enabled } from "./amp";
import { get_device_name } from "./cuda_device_name";
/** torch.cuda: is_available() is true only on the tfjs-node-gpu backend. */
export const cuda = {
  is_available: (): boolean => cudaAvailable(),
  device_count: (): number => (cudaAvailable() ? 1 : 0),
  /** The GPU's name (`torch.cuda.get_device_name(0)`); without CUDA, PyTorch's "Torch not compiled with CUDA enabled" (src/cuda_device_name.ts). */
  get_device_name,
  /**
   * Seeds CUDA's generator. PyTorch ignores it without CUDA; torchlab draws every random number,
   * on any device, from the default generator that torch.manual_seed seeds, so there is no CUDA
   * generator to seed and this only checks the seed (`set_seeds()` in a course calls both).
   */
  manual_seed: (seed: number | bigint | { seed: number | bigint }): void => {
    new SeedCheck().manual_seed(typeof seed === "object" && seed !== null ? seed.seed : seed);
  },
  /** As manual_seed, for every GPU. */
  manual_seed_all: (seed: number | bigint | { seed: number | bigint }): void => {
    new SeedCheck().manual_seed(typeof seed === "object" && seed !== null ? seed.seed : seed);
  },
  /**
   * Releases the CUDA caching allocator's unused blocks (Zero to GANs' fit_one_cycle calls it first).
   * Without CUDA PyTorch does nothing and returns None; torchlab keeps no cache of its own (tensors no
   * longer referenced are freed as they go), so it does nothing on any backend.
   */
  empty_cache: (): void => undefined,
  /** PyTorch's torch.cuda.OutOfMemoryError, the same class as torch.OutOfMemoryError. */
  OutOfMemoryError,
  /** torch.cuda.amp: GradScaler and autocast, disabled without CUDA as in PyTorch (src/amp). */
  amp: cuda_amp,
};

/** torch.cpu: torch.cpu.amp.autocast (src/amp). */
export const cpu = { amp: cpu_amp };
/** torch.amp: torch.amp.autocast (src/amp). */
export const amp = { autocast: ampAutocast };
export { ampAutocast as autocast, get_autocast_gpu_dtype, get_autocast_cpu_dtype, is_autocast_enabled, is_autocast_cpu_enabled };

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

// fnshape: shape, indexing and combination functions (src/ops/shape_extra.ts, product_extra.ts,
// einsum.ts). Functions with a Tensor-method twin delegate to it, so both parse arguments alike.
import * as X from "./ops/shape_extra";
import * as P from "./ops/product_extra";
import { einsum as einsumOp } from "./ops/einsum";
import type { UniqueOptions, SearchOptions, Indexing } from "./ops/shape_extra";
export type { UniqueOptions, SearchOptions, Indexing };

/** Splits a trailing options object off a rest list (`f(a, b, {opt})` or `f([a, b], {opt})`). */
function restAndOptions<T>(op: string, args: unknown[], names: readonly string[]): { items: T[]; o: Record<string, unknown> } {
  const last = args[args.length - 1];
  const has = args.length > 0 && isOptions(last);
  const items = (has ? args.slice(0, -1) : args) as unknown[];
  const flat = items.length === 1 && Array.isArray(items[0]) ? (items[0] as T[]) : (items as T[]);
  return { items: flat, o: has ? parseArgs(op, [last], names) : {} };
}

/**
 * Einstein summation: `torch.einsum("bij,bjk->bik", a, b)` (or the operands as one array). Implicit
 * and explicit outputs, '...', repeated labels (diagonals, traces); differentiable.
 * @example torch.einsum("bhqd,bhkd->bhqk", q, k)  // attention scores
 */
export function einsum(equation: string, ...operands: (Tensor | Tensor[])[]): Tensor {
  const list = operands.length === 1 && Array.isArray(operands[0]) ? operands[0] : (operands as Tensor[]);
  return einsumOp(equation, list);
}
/**
 * Coordinate grids: `torch.meshgrid(x, y, {indexing: "ij"})` (the default, without PyTorch 1.13's
 * warning) or "xy" (Cartesian: the first two swapped). Views of the inputs.
 * @example const [gx, gy] = torch.meshgrid(torch.arange(3), torch.arange(2), { indexing: "xy" });
 */
export function meshgrid(...args: (Tensor | Tensor[] | { indexing?: Indexing })[]): Tensor[] {
  const { items, o } = restAndOptions<Tensor>("meshgrid", args, ["indexing"]);
  return X.meshgrid(items, (o.indexing as Indexing | undefined) ?? "ij");
}
export const roll = (a: Tensor, ...args: Parameters<Tensor["roll"]>): Tensor => a.roll(...args);
export const tile = (a: Tensor, dims: number[]): Tensor => a.tile(dims);
/**
 * Distinct elements in ascending order; options sorted, return_inverse, return_counts, dim. With
 * return_inverse / return_counts, PyTorch's tuple as an array (int32 inverse and counts).
 * @example const [u, inverse, counts] = torch.unique(x, { return_inverse: true, return_counts: true });
 */
export function unique(a: Tensor): Tensor;
export function unique(a: Tensor, options: UniqueOptions & { return_inverse?: false; return_counts?: false }): Tensor;
export function unique(a: Tensor, options: UniqueOptions & ({ return_inverse: true } | { return_counts: true })): Tensor[];
export function unique(a: Tensor, options: UniqueOptions): Tensor | Tensor[];
export function unique(a: Tensor, sorted: boolean, return_inverse?: boolean, return_counts?: boolean, dim?: number | null): Tensor | Tensor[];
export function unique(a: Tensor, ...args: unknown[]): Tensor | Tensor[] {
  const o = parseArgs("unique", args, ["sorted", "return_inverse", "return_counts", "dim"]);
  return X.unique(a, o as UniqueOptions);
}
type ConsecutiveOptions = Omit<UniqueOptions, "sorted">;
export function unique_consecutive(a: Tensor): Tensor;
export function unique_consecutive(a: Tensor, options: ConsecutiveOptions & { return_inverse?: false; return_counts?: false }): Tensor;
export function unique_consecutive(a: Tensor, options: ConsecutiveOptions & ({ return_inverse: true } | { return_counts: true })): Tensor[];
export function unique_consecutive(a: Tensor, options: ConsecutiveOptions): Tensor | Tensor[];
export function unique_consecutive(a: Tensor, options?: ConsecutiveOptions): Tensor | Tensor[] {
  return options === undefined ? a.unique_consecutive() : a.unique_consecutive(options);
}
export const diag = (a: Tensor, ...args: Parameters<Tensor["diag"]>): Tensor => a.diag(...args);
export const diag_embed = (a: Tensor, ...args: Parameters<Tensor["diag_embed"]>): Tensor => a.diag_embed(...args);
export const diagflat = (a: Tensor, ...args: Parameters<Tensor["diagflat"]>): Tensor => a.diagflat(...args);
/** The [2, N] (row, col) int32 indices of the lower triangle of a row x col matrix (offset: diagonals above kept). */
export function tril_indices(row: number, col: number, offset?: number | { offset?: number; dtype?: DType | string }, options?: { dtype?: DType | string }): Tensor {
  const o = parseArgs("tril_indices", trimArgs([offset, options]), ["offset", "dtype", "device", "layout"]);
  const r = X.tril_indices(row, col, (o.offset as number | undefined) ?? 0);
  return o.dtype === undefined ? r : r.to(o.dtype as string);
}
export function triu_indices(row: number, col: number, offset?: number | { offset?: number; dtype?: DType | string }, options?: { dtype?: DType | string }): Tensor {
  const o = parseArgs("triu_indices", trimArgs([offset, options]), ["offset", "dtype", "device", "layout"]);
  const r = X.triu_indices(row, col, (o.offset as number | undefined) ?? 0);
  return o.dtype === undefined ? r : r.to(o.dtype as string);
}
/** Concatenation column-wise (1-D inputs: end to end). */
export const hstack = (tensors: Tensor[]): Tensor => X.hstack(tensors);
/** Concatenation row-wise, 1-D inputs as rows. */
export const vstack = (tensors: Tensor[]): Tensor => X.vstack(tensors);
export const row_stack = vstack;
/** Concatenation along dim 2 (depth), inputs made at least 3-D. */
export const dstack = (tensors: Tensor[]): Tensor => X.dstack(tensors);
/** 0-d and 1-D inputs as columns, concatenated along dim 1. */
export const column_stack = (tensors: Tensor[]): Tensor => X.column_stack(tensors);
/** A view of `a`'s storage with the given sizes and strides (see Tensor.as_strided). */
export const as_strided = (a: Tensor, size: number[], stride: number[], storage_offset?: number | null): Tensor => a.as_strided(size, stride, storage_offset);
export const movedim = (a: Tensor, source: number | number[], destination: number | number[]): Tensor => a.movedim(source, destination);
export const moveaxis = (a: Tensor, source: number | number[], destination: number | number[]): Tensor => a.moveaxis(source, destination);
export const swapaxes = (a: Tensor, axis0: number, axis1: number): Tensor => a.swapaxes(axis0, axis1);
export const swapdims = (a: Tensor, dim0: number, dim1: number): Tensor => a.swapdims(dim0, dim1);
export const broadcast_to = (a: Tensor, size: number[]): Tensor => a.broadcast_to(size);
/** The inputs expanded to their common broadcast shape (views). */
export const broadcast_tensors = (...tensors: (Tensor | Tensor[])[]): Tensor[] => X.broadcast_tensors(...tensors);
/** The broadcast shape of the given shapes (ints or lists), as a torch.Size. */
export const broadcast_shapes = (...shapes: (number | number[])[]): ReturnType<typeof X.broadcast_shapes> => X.broadcast_shapes(...shapes);
/** `torch.repeat_interleave(x, repeats, dim)`, or `torch.repeat_interleave(repeats)`: index i repeated repeats[i] times. */
export function repeat_interleave(a: Tensor, ...args: Partial<Parameters<Tensor["repeat_interleave"]>>): Tensor {
  if (trimArgs(args).length === 0) return X.repeat_interleave(a);
  return a.repeat_interleave(...(args as Parameters<Tensor["repeat_interleave"]>));
}
export const take = (a: Tensor, index: Tensor): Tensor => a.take(index);
export const take_along_dim = (a: Tensor, ...args: Parameters<Tensor["take_along_dim"]>): Tensor => a.take_along_dim(...args);
/**
 * Insertion points of `values` in the innermost rows of `sorted_sequence` (int64; int32 with out_int32); options right /
 * side ('left' | 'right'), sorter, out_int32.
 */
export function searchsorted(sorted_sequence: Tensor, values: Tensor | number, options: SearchOptions = {}): Tensor {
  const o = parseArgs("searchsorted", [options], ["out_int32", "right", "side", "sorter"]);
  return X.searchsorted(sorted_sequence, values, o as SearchOptions);
}
/** The bucket index of each element of `input` given sorted 1-D `boundaries` (int64; int32 with out_int32); option right. */
export function bucketize(input: Tensor | number, boundaries: Tensor, options: { out_int32?: boolean; right?: boolean } = {}): Tensor {
  const o = parseArgs("bucketize", [options], ["out_int32", "right"]);
  return X.bucketize(input, boundaries, o as { out_int32?: boolean; right?: boolean });
}
export const bincount = (a: Tensor, ...args: Parameters<Tensor["bincount"]>): Tensor => a.bincount(...args);
export const tensor_split = (a: Tensor, ...args: Parameters<Tensor["tensor_split"]>): Tensor[] => a.tensor_split(...args);
export const hsplit = (a: Tensor, sections: number | number[]): Tensor[] => a.hsplit(sections);
export const vsplit = (a: Tensor, sections: number | number[]): Tensor[] => a.vsplit(sections);
export const dsplit = (a: Tensor, sections: number | number[]): Tensor[] => a.dsplit(sections);
export const rot90 = (a: Tensor, ...args: Parameters<Tensor["rot90"]>): Tensor => a.rot90(...args);
export const fliplr = (a: Tensor): Tensor => a.fliplr();
export const flipud = (a: Tensor): Tensor => a.flipud();
export const cross = (a: Tensor, ...args: Parameters<Tensor["cross"]>): Tensor => a.cross(...args);
export const kron = (a: Tensor, b: Tensor): Tensor => a.kron(b);
/** Sums products over `dims` (an int n: a's last n dims with b's first n; or [dims_a, dims_b]). */
export function tensordot(a: Tensor, b: Tensor, dims: number | [number[], number[]] | [number, number] | { dims?: number | [number[], number[]] | [number, number] } = 2): Tensor {
  const o = parseArgs("tensordot", [dims], ["dims"]);
  return P.tensordot(a, b, (o.dims as number | [number[], number[]] | undefined) ?? 2);
}
export const inner = (a: Tensor, b: Tensor): Tensor => a.inner(b);
export const ger = (a: Tensor, b: Tensor): Tensor => a.ger(b);
export const vdot = (a: Tensor, b: Tensor): Tensor => a.vdot(b);
/** p-norm distances between the rows of x1 [..., P, M] and x2 [..., R, M]: [..., P, R]. */
export function cdist(x1: Tensor, x2: Tensor, p: number | { p?: number; compute_mode?: string } = 2, options?: { compute_mode?: string }): Tensor {
  const o = parseArgs("cdist", trimArgs([p, options]), ["p", "compute_mode"]);
  return P.cdist(x1, x2, (o.p as number | undefined) ?? 2);
}
export const dist = (a: Tensor, ...args: Parameters<Tensor["dist"]>): Tensor => a.dist(...args);
/** p-norm distances between rows i < j of a 2-D input, row-major: [N(N-1)/2]. */
export function pdist(a: Tensor, p: number | { p?: number } = 2): Tensor {
  return P.pdist(a, (parseArgs("pdist", [p], ["p"]).p as number | undefined) ?? 2);
}
/** Every combination of one element from each 1-D input, one per row. */
export const cartesian_prod = (...tensors: (Tensor | Tensor[])[]): Tensor => X.cartesian_prod(tensors.flat());
/** The length-r combinations (with_replacement: multisets) of a 1-D tensor's elements, one per row. */
export function combinations(a: Tensor, r: number | { r?: number; with_replacement?: boolean } = 2, with_replacement?: boolean): Tensor {
  const o = parseArgs("combinations", trimArgs([r, with_replacement]), ["r", "with_replacement"]);
  return X.combinations(a, (o.r as number | undefined) ?? 2, (o.with_replacement as boolean | undefined) ?? false);
}
/** A block-diagonal matrix of the inputs (0-, 1- or 2-D), zeros elsewhere. */
export const block_diag = (...tensors: (Tensor | Tensor[])[]): Tensor => X.block_diag(tensors.flat());
export const ravel = (a: Tensor): Tensor => a.ravel();
export const msort = (a: Tensor): Tensor => a.msort();
/** A copy of `a` with `alpha * source` summed into the slices `index` of `dim` (repeated indices add up). */
export function index_add(a: Tensor, dim: number, index: Tensor, source: Tensor | { source: Tensor; alpha?: number }, options?: { alpha?: number }): Tensor {
  const o = parseArgs("index_add", trimArgs([source, options]), ["source", "alpha"]);
  return X.index_add(a, dim, index, o.source as Tensor, (o.alpha as number | undefined) ?? 1);
}
/** A copy of `a` with the slices `index` of `dim` replaced by `source`'s. */
export const index_copy = (a: Tensor, ...args: Parameters<Tensor["index_copy"]>): Tensor => a.index_copy(...args);
/** A copy of `a` with the slices `index` of `dim` set to `value` (a number, or a 0-d tensor that gets a gradient). */
export const index_fill = (a: Tensor, dim: number, index: Tensor, value: number | boolean | Tensor): Tensor => X.index_fill(a, dim, index, value);
function atleast(n: 1 | 2 | 3, tensors: (Tensor | Tensor[])[]): Tensor | Tensor[] {
  if (tensors.length === 1 && tensors[0] instanceof Tensor) return X.atleast(tensors[0], n);
  return asPyTuple(tensors.flat().map((t) => X.atleast(t, n)));
}
/** The input itself when it has at least 1 dim, else a view with one; several inputs: an array. */
export function atleast_1d(a: Tensor): Tensor;
export function atleast_1d(...tensors: (Tensor | Tensor[])[]): Tensor | Tensor[];
export function atleast_1d(...tensors: (Tensor | Tensor[])[]): Tensor | Tensor[] {
  return atleast(1, tensors);
}
export function atleast_2d(a: Tensor): Tensor;
export function atleast_2d(...tensors: (Tensor | Tensor[])[]): Tensor | Tensor[];
export function atleast_2d(...tensors: (Tensor | Tensor[])[]): Tensor | Tensor[] {
  return atleast(2, tensors);
}
export function atleast_3d(a: Tensor): Tensor;
export function atleast_3d(...tensors: (Tensor | Tensor[])[]): Tensor | Tensor[];
export function atleast_3d(...tensors: (Tensor | Tensor[])[]): Tensor | Tensor[] {
  return atleast(3, tensors);
}
/** The product of 2-D matrices, left to right (deprecated in PyTorch for torch.linalg.multi_dot). */
export const chain_matmul = (...matrices: (Tensor | Tensor[])[]): Tensor => P.chain_matmul(matrices.flat());
export const addmv = (input: Tensor, ...args: Parameters<Tensor["addmv"]>): Tensor => input.addmv(...args);
export const addr = (input: Tensor, ...args: Parameters<Tensor["addr"]>): Tensor => input.addr(...args);
export const baddbmm = (input: Tensor, ...args: Parameters<Tensor["baddbmm"]>): Tensor => input.baddbmm(...args);
export const addbmm = (input: Tensor, ...args: Parameters<Tensor["addbmm"]>): Tensor => input.addbmm(...args);
export const narrow_copy = (a: Tensor, dim: number, start: number, length: number): Tensor => a.narrow_copy(dim, start, length);
// end fnshape
export {
  greater, greater_equal, less, less_equal, not_equal, is_signed, is_complex, is_nonzero, is_same_size, logaddexp2, matrix_power,
  acos_, arccos_, asin_, arcsin_, atan_, arctan_, cosh_, sinh_, tan_, erf_, erfc_, exp2_, expm1_, log2_, log10_, log1p_, rsqrt_,
  square_, frac_, fix_, deg2rad_, rad2deg_, adjoint, typename,
} from "./torch_more";

// special: torch.special (src/ops/special.ts for the functions torch lacked), torch.polygamma, torch.mvlgamma, torch.i0.
import * as SPF from "./ops/special";
export const polygamma = SPF.polygamma;
export const mvlgamma = SPF.multigammaln;
export const i0 = SPF.i0;
/**
 * torch.special: PyTorch's scipy-style names, the same functions as torch's where both have one.
 * @example torch.special.ndtri(torch.tensor([0.975]))  // tensor([1.9600])
 */
export const special = {
  expit: sigmoid, logit, erf, erfc, erfinv, gammaln: lgamma, digamma, psi: digamma, polygamma: SPF.polygamma,
  multigammaln: SPF.multigammaln, xlogy, xlog1py: SPF.xlog1py, entr: SPF.entr, sinc, log_softmax, softmax, logsumexp,
  i0: SPF.i0, i0e: SPF.i0e, i1: SPF.i1, i1e: SPF.i1e, ndtr: SPF.ndtr, ndtri: SPF.ndtri, log_ndtr: SPF.log_ndtr,
  expm1, exp2, log1p, round,
};
export { use_deterministic_algorithms, are_deterministic_algorithms_enabled, is_deterministic_algorithms_warn_only_enabled } from "./deterministic";
export { set_float32_matmul_precision, get_float32_matmul_precision } from "./matmul_precision";
/** torch.profiler: profile, record_function, schedule, ProfilerActivity (src/profiler). */
export * as profiler from "./profiler";
