/**
 * Tensor methods PyTorch 1.13 has that are other spellings or in-place forms of existing ones:
 * the comparison aliases (`greater`, `less_equal`, `not_equal`, ...), the bitwise methods
 * (`x.bitwise_and(y)` as `torch.bitwise_and(x, y)`), the in-place unary math (`x.log1p_()`,
 * `x.erfinv_()`, ...), dtype predicates (`is_signed`, `is_complex`), `is_nonzero`, `is_same_size`,
 * `logaddexp2` and `matrix_power`. They are added to Tensor.prototype here (declared through module
 * augmentation) so the class file keeps only the primitives.
 */
import { Tensor } from "./tensor";
type Operand = Tensor | number | boolean;
import * as T from "../torch";
import { logaddexp2 } from "../ops/logaddexp2";
import { matrix_power } from "../ops/matrix_power";
import * as MX from "../ops/math_extra";
import { RuntimeError } from "../errors";

type BitOperand = Tensor | number | boolean;

declare module "./tensor" {
  interface Tensor {
    /** Alias of gt: `input > other` elementwise, bool. */
    greater(other: Operand): Tensor;
    /** Alias of ge: `input >= other` elementwise, bool. */
    greater_equal(other: Operand): Tensor;
    /** Alias of lt: `input < other` elementwise, bool. */
    less(other: Operand): Tensor;
    /** Alias of le: `input <= other` elementwise, bool. */
    less_equal(other: Operand): Tensor;
    /** Alias of ne: `input != other` elementwise, bool. */
    not_equal(other: Operand): Tensor;
    /** In-place gt_: writes `input > other` (0 or 1) into input, keeping its dtype. */
    greater_(other: Operand): this;
    /** In-place ge_. */
    greater_equal_(other: Operand): this;
    /** In-place lt_. */
    less_(other: Operand): this;
    /** In-place le_. */
    less_equal_(other: Operand): this;
    /** In-place ne_. */
    not_equal_(other: Operand): this;
    /** `input & other` on integer or bool tensors (torch.bitwise_and). */
    bitwise_and(other: BitOperand): Tensor;
    /** `input | other` on integer or bool tensors (torch.bitwise_or). */
    bitwise_or(other: BitOperand): Tensor;
    /** `input ^ other` on integer or bool tensors (torch.bitwise_xor). */
    bitwise_xor(other: BitOperand): Tensor;
    /** `~input` on integer or bool tensors (torch.bitwise_not). */
    bitwise_not(): Tensor;
    /** `input << other` on integer tensors (torch.bitwise_left_shift). */
    bitwise_left_shift(other: BitOperand): Tensor;
    /** `input >> other` on integer tensors, arithmetic (torch.bitwise_right_shift). */
    bitwise_right_shift(other: BitOperand): Tensor;
    /** In-place bitwise_and. */
    bitwise_and_(other: BitOperand): this;
    /** In-place bitwise_or. */
    bitwise_or_(other: BitOperand): this;
    /** In-place bitwise_xor. */
    bitwise_xor_(other: BitOperand): this;
    /** In-place bitwise_not. */
    bitwise_not_(): this;
    acos_(): this;
    arccos_(): this;
    asin_(): this;
    arcsin_(): this;
    atan_(): this;
    arctan_(): this;
    cosh_(): this;
    sinh_(): this;
    tan_(): this;
    erf_(): this;
    erfc_(): this;
    erfinv_(): this;
    exp2_(): this;
    expm1_(): this;
    log2_(): this;
    log10_(): this;
    log1p_(): this;
    rsqrt_(): this;
    square_(): this;
    sign_(): this;
    sgn_(): this;
    frac_(): this;
    fix_(): this;
    lgamma_(): this;
    digamma_(): this;
    deg2rad_(): this;
    rad2deg_(): this;
    /** Whether the dtype is signed (every dtype but uint8 and bool). */
    is_signed(): boolean;
    /** Whether the dtype is complex: always false (torchlab has no complex dtypes). */
    is_complex(): boolean;
    /** The truth of a one-element tensor; PyTorch's errors for none or several elements. */
    is_nonzero(): boolean;
    /** Whether `other` has the same size. */
    is_same_size(other: Tensor): boolean;
    /** `log2(2 ** input + 2 ** other)`, without overflow. */
    logaddexp2(other: Tensor): Tensor;
    /** The `n`-th power of each square matrix `[..., m, m]` (n < 0: of its inverse), torch.linalg.matrix_power. */
    matrix_power(n: number): Tensor;
    acosh_(): this;
    arccosh_(): this;
    asinh_(): this;
    arcsinh_(): this;
    atanh_(): this;
    arctanh_(): this;
    atan2_(other: Operand): this;
    arctan2_(other: Operand): this;
    copysign_(other: Tensor | number): this;
    hypot_(other: Operand): this;
    xlogy_(other: Operand): this;
    heaviside_(values: Tensor): this;
    gcd_(other: Operand): this;
    lcm_(other: Operand): this;
    ldexp_(other: Operand): this;
    multiply_(other: Operand): this;
    subtract_(other: Operand, options?: { alpha?: number }): this;
    divide_(other: Operand, options?: { rounding_mode?: "trunc" | "floor" | null }): this;
    true_divide_(other: Operand): this;
    floor_divide_(other: Operand): this;
    logical_and_(other: Operand): this;
    logical_or_(other: Operand): this;
    logical_xor_(other: Operand): this;
    nan_to_num_(nan?: number | { nan?: number; posinf?: number | null; neginf?: number | null }, posinf?: number | null, neginf?: number | null): this;
    logit_(eps?: number | null | { eps?: number | null }): this;
    cumsum_(dim: number | { dim: number }): this;
    cumprod_(dim: number | { dim: number }): this;
    /** beta * input + alpha * (mat1 @ mat2) (torch.addmm). */
    addmm(mat1: Tensor, mat2: Tensor, options?: { beta?: number; alpha?: number }): Tensor;
    /** In-place addmm. */
    addmm_(mat1: Tensor, mat2: Tensor, options?: { beta?: number; alpha?: number }): this;
    /** The conjugate transpose of a matrix (2-D): its transpose here, as dtypes are real. */
    readonly H: Tensor;
    /** The conjugate transpose of each matrix of a batch (the last two dims swapped). */
    readonly mH: Tensor;
    /** The conjugate transpose of each matrix of a batch: a view, as `x.mH`. */
    adjoint(): Tensor;
    /** `[hist, bin_edges]` of the values (torch.histogram): bins (count or edges), range, weight, density. */
    histogram(...args: T.HistogramArgs): ReturnType<typeof T.histogram>;
    /** The CUDA device index of the tensor, -1 on the CPU. */
    get_device(): number;
  }
}

const P = Tensor.prototype;
const aliases: [string, string][] = [
  ["greater", "gt"], ["greater_equal", "ge"], ["less", "lt"], ["less_equal", "le"], ["not_equal", "ne"],
  ["greater_", "gt_"], ["greater_equal_", "ge_"], ["less_", "lt_"], ["less_equal_", "le_"], ["not_equal_", "ne_"],
];
const proto = P as unknown as Record<string, (this: Tensor, ...a: unknown[]) => unknown>;
for (const [alias, name] of aliases) {
  proto[alias] = function (this: Tensor, ...a: unknown[]) {
    return proto[name].apply(this, a);
  };
}

P.bitwise_and = function (this: Tensor, other: BitOperand) {
  return T.bitwise_and(this, other);
};
P.bitwise_or = function (this: Tensor, other: BitOperand) {
  return T.bitwise_or(this, other);
};
P.bitwise_xor = function (this: Tensor, other: BitOperand) {
  return T.bitwise_xor(this, other);
};
P.bitwise_not = function (this: Tensor) {
  return T.bitwise_not(this);
};
P.bitwise_left_shift = function (this: Tensor, other: BitOperand) {
  return T.bitwise_left_shift(this, other);
};
P.bitwise_right_shift = function (this: Tensor, other: BitOperand) {
  return T.bitwise_right_shift(this, other);
};
P.bitwise_and_ = function <S extends Tensor>(this: S, other: BitOperand): S {
  return this._inplace("bitwise_and_", (s) => T.bitwise_and(s, other === this ? s : other));
};
P.bitwise_or_ = function <S extends Tensor>(this: S, other: BitOperand): S {
  return this._inplace("bitwise_or_", (s) => T.bitwise_or(s, other === this ? s : other));
};
P.bitwise_xor_ = function <S extends Tensor>(this: S, other: BitOperand): S {
  return this._inplace("bitwise_xor_", (s) => T.bitwise_xor(s, other === this ? s : other));
};
P.bitwise_not_ = function <S extends Tensor>(this: S): S {
  return this._inplace("bitwise_not_", (s) => T.bitwise_not(s));
};

// x.op_() writes x.op() into x, with PyTorch's in-place checks (leaf that requires grad, dtype cast).
const unaryInplace: [string, string][] = [
  ["acos_", "acos"], ["arccos_", "acos"], ["asin_", "asin"], ["arcsin_", "asin"], ["atan_", "atan"], ["arctan_", "atan"],
  ["cosh_", "cosh"], ["sinh_", "sinh"], ["tan_", "tan"], ["erf_", "erf"], ["erfc_", "erfc"], ["erfinv_", "erfinv"],
  ["exp2_", "exp2"], ["expm1_", "expm1"], ["log2_", "log2"], ["log10_", "log10"], ["log1p_", "log1p"], ["rsqrt_", "rsqrt"],
  ["square_", "square"], ["sign_", "sign"], ["sgn_", "sgn"], ["frac_", "frac"], ["fix_", "fix"], ["lgamma_", "lgamma"],
  ["digamma_", "digamma"], ["deg2rad_", "deg2rad"], ["rad2deg_", "rad2deg"],
];
for (const [inplace, name] of unaryInplace) {
  proto[inplace] = function (this: Tensor) {
    return this._inplace(inplace, (s) => (s as unknown as Record<string, () => Tensor>)[name]());
  };
}

// In-place forms of methods that take arguments: `x.op_(...args)` writes `x.op(...args)` into x.
const argInplace: [string, string][] = [
  ["atan2_", "atan2"], ["arctan2_", "atan2"], ["copysign_", "copysign"], ["hypot_", "hypot"], ["xlogy_", "xlogy"],
  ["heaviside_", "heaviside"], ["gcd_", "gcd"], ["lcm_", "lcm"], ["multiply_", "multiply"],
  ["subtract_", "subtract"], ["divide_", "divide"], ["true_divide_", "true_divide"], ["floor_divide_", "floor_divide"],
  ["logical_and_", "logical_and"], ["logical_or_", "logical_or"], ["logical_xor_", "logical_xor"], ["nan_to_num_", "nan_to_num"],
  ["logit_", "logit"], ["cumsum_", "cumsum"], ["cumprod_", "cumprod"], ["addmm_", "addmm"],
];
for (const [inplace, name] of argInplace) {
  proto[inplace] = function (this: Tensor, ...a: unknown[]) {
    return this._inplace(inplace, (s) => (s as unknown as Record<string, (...b: unknown[]) => Tensor>)[name](...a.map((v) => (v === this ? s : v))));
  };
}

// PyTorch 1.13 has no derivative for these in-place forms (backward through them raises), and
// ldexp_ refuses operands that require grad; see src/ops/math_extra.ts.
const noGradInplace: [string, (a: Tensor) => Tensor][] = [
  ["acosh_", MX.acoshInplaceValue], ["arccosh_", MX.acoshInplaceValue], ["asinh_", MX.asinhInplaceValue],
  ["arcsinh_", MX.asinhInplaceValue], ["atanh_", MX.atanhInplaceValue], ["arctanh_", MX.atanhInplaceValue],
];
for (const [inplace, f] of noGradInplace) {
  proto[inplace] = function (this: Tensor) {
    return this._inplace(inplace, f);
  };
}
P.ldexp_ = function (this: Tensor, other: Operand) {
  return this._inplace("ldexp_", (s) => MX.ldexpInplaceValue(s, other === this ? s : other));
};

P.addmm = function (this: Tensor, mat1: Tensor, mat2: Tensor, options?: { beta?: number; alpha?: number }) {
  return T.addmm(this, mat1, mat2, options);
};
Object.defineProperty(P, "H", {
  get(this: Tensor) {
    if (this.dim() !== 2) {
      throw new RuntimeError(`tensor.H is only supported on matrices (2-D tensors). Got ${this.dim()}-D tensor.${this.dim() > 2 ? " For batches of matrices, consider using tensor.mH" : ""}`);
    }
    return this.transpose(0, 1);
  },
  configurable: true,
});
Object.defineProperty(P, "mH", {
  get(this: Tensor) {
    if (this.dim() < 2) throw new RuntimeError(`tensor.mH is only supported on matrices or batches of matrices. Got ${this.dim()}-D tensor.`);
    return this.transpose(-2, -1);
  },
  configurable: true,
});
P.adjoint = function (this: Tensor) {
  if (this.dim() < 2) throw new RuntimeError(`tensor.adjoint() is only supported on matrices or batches of matrices. Got ${this.dim()}-D tensor.`);
  return this.transpose(-2, -1);
};

P.histogram = function (this: Tensor, ...args: T.HistogramArgs) {
  return T.histogram(this, ...args);
};
P.get_device = function (this: Tensor) {
  return this.is_cuda ? 0 : -1;
};

P.is_signed = function (this: Tensor) {
  return this.dtype.is_signed;
};
P.is_complex = function () {
  return false;
};
P.is_nonzero = function (this: Tensor) {
  const n = this.numel();
  if (n === 0) throw new RuntimeError("Boolean value of Tensor with no values is ambiguous");
  if (n > 1) throw new RuntimeError("Boolean value of Tensor with more than one value is ambiguous");
  return Number(this.item()) !== 0;
};
P.is_same_size = function (this: Tensor, other: Tensor) {
  return this.shape.length === other.shape.length && this.shape.every((d, i) => d === other.shape[i]);
};
P.logaddexp2 = function (this: Tensor, other: Tensor) {
  return logaddexp2(this, other);
};
P.matrix_power = function (this: Tensor, n: number) {
  return matrix_power(this, n);
};
