/**
 * torch.* functions PyTorch 1.13 has that are spellings of Tensor methods added in
 * src/tensor/methods_more.ts (comparison aliases, dtype predicates, in-place unary math), plus
 * torch.logaddexp2, torch.matrix_power and the torch.linalg entries matrix_power, multi_dot, vecdot,
 * matmul and diagonal (merged into torch.linalg by src/torch.ts).
 */
import { Tensor } from "./tensor/tensor";
import "./tensor/methods_more";
import { isOptions, parseArgs } from "./tensor/args";
import { logaddexp2 as logaddexp2Op } from "./ops/logaddexp2";
import { matrix_power as matrixPowerOp } from "./ops/matrix_power";
import { multi_dot } from "./ops/multi_dot";
import { vecdot as vecdotOp } from "./ops/vecdot";
import { TypeError } from "./errors";

type Operand = Tensor | number | boolean;

/** Alias of torch.gt: `input > other`, bool. */
export const greater = (input: Tensor, other: Operand): Tensor => input.gt(other);
/** Alias of torch.ge: `input >= other`, bool. */
export const greater_equal = (input: Tensor, other: Operand): Tensor => input.ge(other);
/** Alias of torch.lt: `input < other`, bool. */
export const less = (input: Tensor, other: Operand): Tensor => input.lt(other);
/** Alias of torch.le: `input <= other`, bool. */
export const less_equal = (input: Tensor, other: Operand): Tensor => input.le(other);
/** Alias of torch.ne: `input != other`, bool. */
export const not_equal = (input: Tensor, other: Operand): Tensor => input.ne(other);
/** Whether input's dtype is signed (all but uint8 and bool). */
export const is_signed = (input: Tensor): boolean => input.is_signed();
/** Whether input's dtype is complex: always false here (no complex dtypes). */
export const is_complex = (input: Tensor): boolean => input.is_complex();
/** The truth of a one-element tensor (an error for none or several elements). */
export const is_nonzero = (input: Tensor): boolean => input.is_nonzero();
/** Whether the two tensors have the same size. */
export const is_same_size = (input: Tensor, other: Tensor): boolean => input.is_same_size(other);
/** `log2(2 ** input + 2 ** other)` elementwise, without overflow. */
export const logaddexp2 = (input: Tensor, other: Tensor): Tensor => logaddexp2Op(input, other);
/** The n-th power of each square matrix `[..., m, m]` (torch.linalg.matrix_power). */
export const matrix_power = (input: Tensor, n: number): Tensor => matrixPowerOp(input, n);

/** The conjugate transpose of each matrix of a batch (a view; the transpose, as dtypes are real). */
export const adjoint = (input: Tensor): Tensor => input.adjoint();
/** The tensor's type name, as `x.type()`: "torch.FloatTensor", "torch.LongTensor", ... */
export const typename = (input: Tensor): string => input.type();

// torch.op_(x), PyTorch's in-place functions: write x.op() into x and return x.
export const acos_ = (a: Tensor): Tensor => a.acos_();
export const arccos_ = (a: Tensor): Tensor => a.arccos_();
export const asin_ = (a: Tensor): Tensor => a.asin_();
export const arcsin_ = (a: Tensor): Tensor => a.arcsin_();
export const atan_ = (a: Tensor): Tensor => a.atan_();
export const arctan_ = (a: Tensor): Tensor => a.arctan_();
export const cosh_ = (a: Tensor): Tensor => a.cosh_();
export const sinh_ = (a: Tensor): Tensor => a.sinh_();
export const tan_ = (a: Tensor): Tensor => a.tan_();
export const erf_ = (a: Tensor): Tensor => a.erf_();
export const erfc_ = (a: Tensor): Tensor => a.erfc_();
export const exp2_ = (a: Tensor): Tensor => a.exp2_();
export const expm1_ = (a: Tensor): Tensor => a.expm1_();
export const log2_ = (a: Tensor): Tensor => a.log2_();
export const log10_ = (a: Tensor): Tensor => a.log10_();
export const log1p_ = (a: Tensor): Tensor => a.log1p_();
export const rsqrt_ = (a: Tensor): Tensor => a.rsqrt_();
export const square_ = (a: Tensor): Tensor => a.square_();
export const frac_ = (a: Tensor): Tensor => a.frac_();
export const fix_ = (a: Tensor): Tensor => a.fix_();
export const deg2rad_ = (a: Tensor): Tensor => a.deg2rad_();
export const rad2deg_ = (a: Tensor): Tensor => a.rad2deg_();

function keywordOnly(op: string, positional: number, options: unknown, names: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isOptions(options)) throw new TypeError(`${op}() takes ${positional} positional arguments but ${positional + 1} were given`);
  return parseArgs(op, [options], names);
}

/** The torch.linalg functions of this file (spread into torch.linalg). */
export const linalgMore = {
  /** The n-th power of each square matrix `[..., m, m]`; n < 0 raises the inverse; n = 0 gives the identity. */
  matrix_power: (A: Tensor, n: number): Tensor => matrixPowerOp(A, n),
  /** The product of a chain of 2-D tensors (the first and last may be 1-D), in the cheapest order. */
  multi_dot: (tensors: Tensor[]): Tensor => multi_dot(tensors),
  /** The dot product of x and y along `dim` (default -1), broadcasting the other dims. */
  vecdot: (x: Tensor, y: Tensor, options?: { dim?: number }): Tensor => {
    const o = keywordOnly("linalg.vecdot", 2, options, ["dim"]);
    return vecdotOp(x, y, (o.dim as number | undefined) ?? -1);
  },
  /** Alias of torch.matmul. */
  matmul: (input: Tensor, other: Tensor): Tensor => input.matmul(other),
  /** The diagonals of each matrix over the last two dims (keyword-only offset, dim1 = -2, dim2 = -1). */
  diagonal: (A: Tensor, options?: { offset?: number; dim1?: number; dim2?: number }): Tensor => {
    const o = keywordOnly("linalg.diagonal", 1, options, ["offset", "dim1", "dim2"]);
    return A.diagonal((o.offset as number | undefined) ?? 0, (o.dim1 as number | undefined) ?? -2, (o.dim2 as number | undefined) ?? -1);
  },
};
