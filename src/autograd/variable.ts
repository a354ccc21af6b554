/**
 * `torch.autograd.Variable`: the pre-0.4 wrapper that old tutorials still write
 * (`Variable(tensor, requires_grad=True)`). Since 0.4 a Variable is a Tensor; PyTorch 1.13 keeps the
 * call, which returns a new leaf sharing the data (detached from any graph) with the given flag.
 */
import { RuntimeError, TypeError } from "../errors";
import { REQUIRES_GRAD_DTYPE } from "../tensor/dtype";
import { Tensor } from "../tensor/tensor";

/** Python's name for the type of a value that is not a tensor, as PyTorch's message gives it. */
function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (Array.isArray(v)) return "list";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  return ({ string: "str", boolean: "bool" } as Record<string, string>)[typeof v] ?? typeof v;
}

export interface VariableOptions {
  requires_grad?: boolean;
  /** Removed in 0.4: ignored with PyTorch's warning. */
  volatile?: boolean;
}

/**
 * A leaf alias of `data` (same storage, no grad_fn) whose `requires_grad` is the given flag.
 *
 * Args:
 *   data: the tensor to wrap.
 *   requires_grad: whether the result records operations for backward (default false).
 *
 * @example
 * const v = torch.autograd.Variable(torch.FloatTensor([[1, 2], [3, 4]]), {requires_grad: true});
 */
export function Variable(data: Tensor, requires_grad: boolean | VariableOptions = false, options: VariableOptions = {}): Tensor {
  const o: VariableOptions = typeof requires_grad === "object" ? requires_grad : { ...options, requires_grad };
  if (!(data instanceof Tensor)) throw new TypeError(`Variable data has to be a tensor, but got ${pyTypeName(data)}`);
  // The constructor's wording (as torch.tensor(..., requires_grad=True)), not requires_grad_()'s.
  if (o.requires_grad && !data.dtype.is_floating_point) throw new RuntimeError(`${REQUIRES_GRAD_DTYPE} (got dtype ${data.dtype})`);
  if (o.volatile !== undefined) process.emitWarning("volatile was removed and now has no effect. Use `with torch.no_grad():` instead.", "UserWarning");
  const v = data.detach();
  return o.requires_grad ? v.requires_grad_(true) : v;
}
