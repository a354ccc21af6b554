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
import { RuntimeError, TypeError } from "../src/errors";
import { ndarray } from "../src/tensor/ndarray";

/** NumPy's names of the ufuncs behind the in-place operators. */
const NP_UFUNCS: Record<string, string> = { add: "add", sub: "subtract", mul: "multiply", div: "divide", pow: "power", remainder: "remainder" };

/** NumPy's error for an in-place ufunc whose result its array's dtype cannot hold. */
class UFuncTypeError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = "UFuncTypeError";
  }
}

/**
 * The options (or positional dtype) of np.array / np.full / np.arange whose data is written as a
 * float: float64 unless the cell gives a dtype.
 */
export function np_float_options<O>(options?: O): O {
  if (options === undefined || options === null) return { dtype: "float64" } as unknown as O;
  if (typeof options === "object" && Object.getPrototypeOf(options) === Object.prototype) {
    const o = options as { dtype?: unknown };
    return { ...o, dtype: o.dtype ?? "float64" } as unknown as O;
  }
  return options;
}

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
  // NumPy's int or bool array beside a Python float computes in float64.
  if (x instanceof ndarray) return (x._dtype.is_floating_point ? x : x.astype("float64")) as unknown as T;
  return x instanceof Tensor && !x.is_floating_point() ? (x.to(get_default_dtype()) as unknown as T) : x;
}

/** The receiver of `t += 1.0`, `t.mul_(2.)`: PyTorch refuses to write a float result into an integer or bool tensor. */
export function floating_inplace<T>(x: T, op: string): T {
  if (x instanceof ndarray && !x._dtype.is_floating_point) {
    const ufunc = NP_UFUNCS[op.slice(0, -1)] ?? op.slice(0, -1);
    throw new UFuncTypeError(`Cannot cast ufunc '${ufunc}' output from dtype('float64') to dtype('${x.dtype.name}') with casting rule 'same_kind'`);
  }
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
