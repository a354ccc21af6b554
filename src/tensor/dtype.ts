/**
 * torch.dtype: one frozen object per dtype (`torch.float32`, `torch.int64`, ...), compared with `===`
 * and printed as PyTorch prints it. Each carries the tfjs dtype that stores its values: int64 and
 * int32 both live in tfjs int32 buffers (tfjs has no 64-bit integers), told apart by the logical
 * dtype a tensor's storage records (src/backend/memory.ts `Storage.dt`). float64 is logical the same
 * way: tfjs has no 64-bit floats, so a float64 tensor's values live in a float32 buffer and have
 * float32's precision (about 7 significant digits), while its dtype, element_size, type(), promotion
 * and torch.save's DoubleStorage are PyTorch's. uint8, int8 and int16 are logical over int32 storage
 * too: ops that can leave their range (add, sub, mul, neg, pow, casts) wrap their results into it as
 * PyTorch's fixed-width arithmetic does (uint8 255 + 1 is 0), see src/ops/_core.ts `wrapInt`.
 */
import { inspect } from "util";
import { NotImplementedError } from "../errors";

/** The tfjs dtype a tensor's values are stored in. */
export type StorageDtype = "float32" | "int32" | "bool";

/** PyTorch's name of each dtype torchlab has (`torch.<name>`). */
export type DTypeName = "float32" | "float64" | "int64" | "int32" | "int16" | "int8" | "uint8" | "bool";

/**
 * torch.dtype: `torch.float32`, `torch.float64` (`torch.double`, float32 precision), `torch.int64`
 * (`torch.long`), `torch.int32` (`torch.int`), `torch.int16` (`torch.short`), `torch.int8`, `torch.uint8`
 * (torchvision's image dtype), `torch.bool`.
 */
export class dtype {
  /** @internal the tfjs dtype holding the values. */
  readonly _tf: StorageDtype;
  /** @internal PyTorch's name without `torch.`: "float32", "int64", ... */
  readonly _name: DTypeName;
  /** @internal PyTorch's tensor type name: "Float", "Double", "Long", "Int", "Short", "Char", "Byte", "Bool" (`torch.FloatTensor`, ...). */
  readonly _typeName: string;
  readonly is_floating_point: boolean;
  readonly is_complex: boolean;
  readonly is_signed: boolean;
  /** Bytes per element in PyTorch (int64 and float64: 8, uint8: 1, although torchlab stores them in 4). */
  readonly itemsize: number;
  /** @internal the range a narrow integer dtype wraps into ([0, 255] for uint8); null for the others. */
  readonly _range: readonly [number, number] | null;

  /** @internal the dtypes are the singletons below. */
  constructor(name: DTypeName, storage: StorageDtype, typeName: string, itemsize: number) {
    this._name = name;
    this._tf = storage;
    this._typeName = typeName;
    this.is_floating_point = name === "float32" || name === "float64";
    this.is_complex = false;
    this.is_signed = name !== "bool" && name !== "uint8";
    this.itemsize = itemsize;
    this._range = name === "uint8" ? [0, 255] : name === "int8" ? [-128, 127] : name === "int16" ? [-32768, 32767] : null;
    Object.freeze(this);
  }

  toString(): string {
    return `torch.${this._name}`;
  }
  toJSON(): string {
    return this.toString();
  }
  [inspect.custom](): string {
    return this.toString();
  }
}

export const float32 = new dtype("float32", "float32", "Float", 4);
export const float64 = new dtype("float64", "float32", "Double", 8);
export const int64 = new dtype("int64", "int32", "Long", 8);
export const int32 = new dtype("int32", "int32", "Int", 4);
export const int16 = new dtype("int16", "int32", "Short", 2);
export const int8 = new dtype("int8", "int32", "Char", 1);
export const uint8 = new dtype("uint8", "int32", "Byte", 1);
export const bool = new dtype("bool", "bool", "Bool", 1);

let defaultFloat: dtype = float32;
/** The dtype of floating-point tensors made without one (torch.get_default_dtype()). */
export function defaultFloatDtype(): dtype {
  return defaultFloat;
}
/** @internal set by torch.set_default_dtype, which checks the argument. */
export function setDefaultFloatDtype(d: dtype): void {
  defaultFloat = d;
}

/** Every spelling a dtype argument accepts. */
const ALIASES: Record<string, dtype> = {
  float32: float32, float: float32, float64: float64, double: float64,
  int64: int64, long: int64,
  int32: int32, int: int32, int16: int16, short: int16, int8: int8, uint8: uint8,
  bool: bool,
};

/**
 * A PyTorch dtype torchlab does not store: `torch.float16` (`torch.half`) and `torch.bfloat16`. They
 * exist so that `dtype: torch.float16`, `.to(torch.half)` or `.half()` stop with a message naming the
 * dtype, instead of reading an undefined name and making float32 without a word. tfjs has no 16-bit
 * float storage, and PyTorch 1.13's CPU kernels lack most half ops too (addmm, conv), so the
 * tutorials that use half precision do it on a GPU (`model.half()`, autocast); on torchlab float32 is
 * the precision to use.
 */
export class UnsupportedDtype {
  constructor(readonly _name: string, readonly alias: string) {}
  toString(): string {
    return `torch.${this._name}`;
  }
  [inspect.custom](): string {
    return this.toString();
  }
}
export const float16 = new UnsupportedDtype("float16", "half");
export const bfloat16 = new UnsupportedDtype("bfloat16", "bfloat16");
const UNSUPPORTED: Record<string, UnsupportedDtype> = { float16, half: float16, bfloat16 };

/** The error every use of float16 / bfloat16 raises (NotImplementedError, from tensor.ts's callers). */
export function unsupportedDtypeMessage(d: UnsupportedDtype): string {
  const names = d.alias === d._name ? `torch.${d._name}` : `torch.${d._name} (torch.${d.alias})`;
  return `${names} is not supported by torchlab: tensors store float32 (tfjs has no 16-bit floats). Use torch.float32 instead (drop .${d.alias}() / dtype=torch.${d._name}); on a CPU PyTorch itself lacks most ${d._name} kernels`;
}

/** The dtype object a user's spelling names: a torch.dtype, or a string such as "int64" or "torch.long". */
export function lookupDtype(d: unknown): dtype | undefined {
  if (d instanceof dtype) return d;
  // NumPy's dtype object (`a.dtype`) and its scalar types (`np.float32`), src/numpy: the torch dtype they stand for.
  const np = (d as { _torch?: unknown; dtype?: { _torch?: unknown } } | null)?._torch ?? (typeof d === "function" ? (d as { dtype?: { _torch?: unknown } }).dtype?._torch : undefined);
  if (np instanceof dtype) return np;
  const bare = typeof d === "string" ? (d.startsWith("torch.") ? d.slice(6) : d) : "";
  const unsupported = d instanceof UnsupportedDtype ? d : Object.prototype.hasOwnProperty.call(UNSUPPORTED, bare) ? UNSUPPORTED[bare] : null;
  if (unsupported !== null) throw new NotImplementedError(unsupportedDtypeMessage(unsupported));
  if (typeof d !== "string") return undefined;
  const r = ALIASES[bare];
  return r instanceof dtype ? r : undefined;
}

/** PyTorch's refusal of requires_grad on an integer or bool tensor (factories, Parameter, the setter). */
export const REQUIRES_GRAD_DTYPE = "Only Tensors of floating point and complex dtype can require gradients";

/** The C++ type PyTorch's scalar kernels name a dtype by (`clamp_`'s cast error). */
export const CPP_NAMES: Record<DTypeName, string> = { float32: "float", float64: "double", int64: "long int", int32: "int", int16: "short int", int8: "signed char", uint8: "unsigned char", bool: "bool" };

/**
 * PyTorch's error for an in-place op whose result dtype cannot be written into its input's:
 * `result type Float can't be cast to the desired output type Long`. With a Python scalar operand
 * (`x.pow_(0.5)`, `x.clamp_(0.5)`) pow_ and the clamps word it as their scalar kernels do.
 */
export function inplaceCastMessage(op: string, result: dtype, target: dtype, scalar = false): string {
  const base = op.replace(/^__i(\w+)__$/, "$1_");
  if (scalar && base === "pow_") return `${op}: Found dtype ${target._typeName} but expected ${result._typeName}`;
  const clamp = scalar && (base === "clamp_" || base === "clip_" || base === "clamp_min_" || base === "clamp_max_");
  return `${op}: result type ${result._typeName} can't be cast to the desired output type ${clamp ? CPP_NAMES[target._name] : target._typeName}`;
}

/** The dtype a tfjs buffer holds when no logical dtype was recorded: int32 storage is PyTorch's default int64. */
export function defaultFor(storage: string): dtype {
  return storage === "float32" ? float32 : storage === "int32" ? int64 : bool;
}

/** Signed integer dtypes by width. */
const SIGNED = [int8, int16, int32, int64];

/**
 * PyTorch's promotion of two tensors' dtypes (same priority): bool below every other; integers by width,
 * uint8 with a signed integer giving the wider of it and int16 (uint8 + int8 is int16); float32 < float64.
 */
export function promoteTypes(a: dtype, b: dtype): dtype {
  if (a === b) return a;
  if (a === float64 || b === float64) return float64;
  if (a === float32 || b === float32) return float32;
  if (a === bool) return b;
  if (b === bool) return a;
  const rank = (d: dtype): number => (d === uint8 ? 1 : SIGNED.indexOf(d));
  return SIGNED[Math.max(rank(a), rank(b))];
}
