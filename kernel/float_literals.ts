/**
 * The run-time half of the notebook dialect's float literals (kernel/rewrite.ts).
 *
 * JavaScript has no float literal (`1.0 === 1`), but Python has: `torch.tensor([1., 2.])`,
 * `torch.full([2], 7.)`, `torch.arange(1., 4.)` and `torch.arange(5) * 2.0` make float tensors in
 * PyTorch where `1`, `7`, `4` and `2` make integer ones. Where a cell writes a whole number in float
 * form in one of those positions, the dialect routes the call through one of these functions; cells
 * reach them by `require`, as the dialect reaches torch, so they rely on no name of the cell's.
 * Plain TypeScript (the library, scripts) never goes through them.
 */
import { Tensor, type DType } from "../src/tensor/tensor";
import { inplaceCastMessage } from "../src/tensor/dtype";
import type { CreationOptions } from "../src/ops/creation";
import { get_default_dtype } from "../src/torch";
import { RuntimeError } from "../src/errors";

type Dtyped = { dtype?: DType | string | null };

function withFloatDtype<O extends Dtyped>(options: O | undefined): O {
  // An explicit dtype wins, as PyTorch's `dtype=` does; null is Python's None (inferred: a float here).
  return { ...options, dtype: options?.dtype ?? get_default_dtype() } as O;
}

/**
 * The options of torch.tensor / torch.full whose data or fill value is written as a float: the
 * default float dtype unless the cell gives one. Typed as the call's own options, so a misspelt
 * option is still a compile error at the user's text.
 */
export const float_options: (options?: CreationOptions) => CreationOptions = withFloatDtype;
/** As float_options, for torch.as_tensor's options. */
export const as_tensor_float_options: (options?: { dtype?: DType | string | null; device?: unknown }) => { dtype?: DType | string | null; device?: unknown } =
  withFloatDtype;
/** As float_options, for torch.arange's trailing options. */
export const arange_float_options: (options?: CreationOptions & { start?: number; end?: number; step?: number }) => CreationOptions & { start?: number; end?: number; step?: number } =
  withFloatDtype;

/**
 * The tensor operand of `t * 2.0`, `t.add(1.)`, `2. ** t` as PyTorch promotes it against a Python
 * float: an integer or bool tensor becomes the default float dtype (the op then computes in it, as
 * PyTorch does), a float tensor is returned as it is (same op, same grad_fn).
 */
export function floating<T>(x: T): T {
  return x instanceof Tensor && !x.is_floating_point() ? (x.to(get_default_dtype()) as unknown as T) : x;
}

/** The receiver of `t += 1.0`, `t.mul_(2.)`: PyTorch refuses to write a float result into an integer or bool tensor. */
export function floating_inplace<T>(x: T, op: string): T {
  if (x instanceof Tensor && !x.is_floating_point()) {
    throw new RuntimeError(inplaceCastMessage(op, get_default_dtype(), x.dtype, true));
  }
  return x;
}

/** The receiver of `t.add(u, {alpha: 2.})`: PyTorch refuses a float alpha for an integer or bool tensor. */
export function floating_alpha<T>(x: T): T {
  if (x instanceof Tensor && !x.is_floating_point()) {
    throw new RuntimeError("For integral input tensors, argument alpha must not be a floating point number.");
  }
  return x;
}
