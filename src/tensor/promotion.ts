/**
 * PyTorch's type-promotion queries: torch.promote_types, torch.result_type, torch.can_cast, over the
 * dtypes torchlab has (see dtype.ts: bool, uint8, int8, int16, int32, int64, float32, float64).
 */
import * as D from "./dtype";
import { Tensor } from "./tensor";
import { TypeError } from "../errors";
import { pyTypeName } from "../pyrepr";

/** A result_type operand: a tensor, or a Python-style number (JS number or boolean). */
export type PromotionOperand = Tensor | number | boolean;

function needDtype(op: string, name: string, pos: number, d: unknown): D.dtype {
  if (!(d instanceof D.dtype)) throw new TypeError(`${op}(): argument '${name}' (position ${pos}) must be torch.dtype, not ${pyTypeName(d)}`);
  return d;
}

/**
 * The smallest dtype both `type1` and `type2` convert to without losing their category.
 * @example torch.promote_types(torch.int32, torch.float32)  // torch.float32
 */
export function promote_types(type1: D.dtype, type2: D.dtype): D.dtype {
  return D.promoteTypes(needDtype("promote_types", "type1", 1, type1), needDtype("promote_types", "type2", 2, type2));
}

/**
 * Whether a value of dtype `from` may be cast to `to` under PyTorch's casting rules (the ones
 * in-place ops apply): no float -> integer, no non-bool -> bool.
 * @example torch.can_cast(torch.float32, torch.int32)  // false
 */
export function can_cast(from: D.dtype, to: D.dtype): boolean {
  const f = needDtype("can_cast", "from", 1, from);
  const t = needDtype("can_cast", "to", 2, to);
  if (f.is_floating_point && !t.is_floating_point && t !== D.bool) return false;
  return !(f !== D.bool && t === D.bool);
}

const category = (d: D.dtype): number => (d === D.bool ? 0 : d.is_floating_point ? 2 : 1);

/** ATen's combine_categories: the higher-priority result wins unless the lower one is of a higher category. */
function combine(higher: D.dtype | null, lower: D.dtype | null): D.dtype | null {
  if (higher === null) return lower;
  if (lower === null) return higher;
  return category(lower) > category(higher) ? D.promoteTypes(higher, lower) : higher;
}

const promoteInto = (acc: D.dtype | null, d: D.dtype): D.dtype => (acc === null ? d : D.promoteTypes(acc, d));

/**
 * The dtype an arithmetic op on `tensor` and `other` returns: tensors with dimensions take priority
 * over 0-d tensors, which take priority over numbers, unless a lower-priority operand is of a higher
 * category (bool < integer < floating). A JS number that is a whole number counts as a Python int
 * (int64), any other as a Python float (the default float32); a boolean as a Python bool.
 * @example torch.result_type(torch.tensor([1, 2], {dtype: torch.int32}), 1.0)  // torch.float32
 */
export function result_type(tensor: PromotionOperand, other: PromotionOperand): D.dtype {
  const ok = (x: unknown): boolean => x instanceof Tensor || typeof x === "number" || typeof x === "boolean";
  if (!ok(tensor) || !ok(other)) {
    throw new TypeError(`result_type() received an invalid combination of arguments - got (${pyTypeName(tensor)}, ${pyTypeName(other)}), but expected one of: (Tensor tensor, Tensor other), (Number scalar, Tensor tensor), (Tensor tensor, Number other), (Number scalar1, Number scalar2)`);
  }
  let dim: D.dtype | null = null;
  let zero: D.dtype | null = null;
  let wrapped: D.dtype | null = null;
  for (const x of [tensor, other]) {
    if (x instanceof Tensor) {
      if (x.dim() === 0) zero = promoteInto(zero, x.dtype);
      else dim = promoteInto(dim, x.dtype);
    } else if (typeof x === "boolean") wrapped = promoteInto(wrapped, D.bool);
    else wrapped = promoteInto(wrapped, Number.isInteger(x) ? D.int64 : D.defaultFloatDtype());
  }
  return combine(dim, combine(zero, wrapped)) as D.dtype;
}
