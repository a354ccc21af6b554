/**
 * `torch.autograd.forward_ad`: forward-mode automatic differentiation with dual tensors. Inside a
 * `dual_level`, `make_dual(primal, tangent)` gives a tensor whose every op also computes its output's
 * tangent (the Jacobian-vector product), read back with `unpack_dual(t).tangent`. Ops take their
 * forward derivative from their backward formula (forward_state.ts); a custom autograd.Function
 * supplies its own with a static `jvp`.
 *
 * @example
 * const fwAD = torch.autograd.forward_ad;
 * const jvp = fwAD.dual_level(() => {
 *   const x = fwAD.make_dual(primal, tangent);
 *   return fwAD.unpack_dual(x.pow(2).add(y.pow(2))).tangent;   // 2 * primal * tangent
 * });
 */
import { scopedUntilSettled } from "../backend/scopes";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { alias } from "../ops/view";
import { Tensor } from "../tensor/tensor";
import { closeLevel, currentLevel, openLevel, setTangent, tangentOf } from "./forward_state";

/** The level option of make_dual / unpack_dual / exit_dual_level (default: the active level). */
export interface LevelOptions {
  level?: number;
}

/**
 * What unpack_dual returns: PyTorch's namedtuple `(primal, tangent)`, readable as `.primal` /
 * `.tangent` or destructured: `const [primal, tangent] = fwAD.unpack_dual(t)`.
 */
export type UnpackedDualTensor = [primal: Tensor, tangent: Tensor | null] & { readonly primal: Tensor; readonly tangent: Tensor | null };

function levelOf(op: string, options: LevelOptions | undefined): number {
  if (options !== undefined && (typeof options !== "object" || options === null)) throw new TypeError(`${op}(): options must be an object such as {level: 0}`);
  const level = options?.level ?? currentLevel();
  if (!Number.isInteger(level)) throw new TypeError(`${op}(): level must be an integer, got ${String(level)}`);
  return level;
}

/**
 * Opens a dual level and returns it (0). PyTorch supports one level at a time, and so does torchlab.
 * Prefer `dual_level(fn)`, which closes it again.
 */
export function enter_dual_level(): number {
  if (currentLevel() >= 0) throw new RuntimeError("Nested forward mode AD is not supported at the moment");
  return openLevel();
}

/** Closes the dual level: the tangents of every dual tensor made in it are gone. */
export function exit_dual_level(options?: LevelOptions): void {
  const level = levelOf("exit_dual_level", options);
  if (level < 0) throw new RuntimeError("Dual level must be a positive number.");
  if (level !== currentLevel()) throw new RuntimeError("Trying to exit a forward AD level that was not the last one that was created. This is not supported.");
  closeLevel();
}

/**
 * PyTorch's `with fwAD.dual_level():` — runs `fn` inside a dual level and returns its result; the
 * tangents made inside are destroyed when it returns (or, for an async `fn`, when it settles).
 *
 * @example
 * fwAD.dual_level(() => {
 *   const dual_input = fwAD.make_dual(primal, tangent);
 *   jvp = fwAD.unpack_dual(fn(dual_input, plain_tensor)).tangent;
 * });
 */
export function dual_level<T>(fn: () => T): T {
  if (typeof fn !== "function") throw new TypeError(`dual_level(): expected a function to run inside the level, got ${fn === null ? "null" : typeof fn}`);
  enter_dual_level();
  // Registered, so that a kernel that stops the cell inside fn closes the level (backend/scopes.ts).
  return scopedUntilSettled(closeLevel, fn);
}

/**
 * A dual tensor: a view of `tensor` whose tangent is `tangent` (same size, floating point). The
 * tangent itself is used when it is contiguous; otherwise (`tangent.T`) its values are copied into a
 * new contiguous tensor.
 */
export function make_dual(tensor: Tensor, tangent: Tensor, options?: LevelOptions): Tensor {
  if (!(tensor instanceof Tensor)) throw new TypeError(`make_dual(): argument 'tensor' must be a Tensor, not ${tensor === null ? "null" : typeof tensor}`);
  if (!(tangent instanceof Tensor)) throw new TypeError(`make_dual(): argument 'tangent' must be a Tensor, not ${tangent === null ? "null" : typeof tangent}`);
  const level = levelOf("make_dual", options);
  if (currentLevel() < 0) throw new RuntimeError("Trying to create a dual Tensor for forward AD but no level exists, make sure to enter_dual_level() first.");
  if (level !== currentLevel()) throw new RuntimeError("Invalid level given to _make_dual");
  if (!tensor.is_floating_point()) throw new ValueError(`Expected primal to be floating point or complex, but got: ${tensor.dtype}`);
  if (!tangent.is_floating_point()) throw new ValueError(`Expected tangent to be floating point or complex, but got: ${tangent.dtype}`);
  const same = tensor.shape.length === tangent.shape.length && tensor.shape.every((d, i) => d === tangent.shape[i]);
  if (!same) {
    throw new RuntimeError(
      `Trying to set a forward gradient that has a different size than that of the original Tensor, this is not supported. ` +
        `Tensor is of size [${tensor.shape.join(", ")}] while the given forward gradient is of size [${tangent.shape.join(", ")}].`,
    );
  }
  const dual = alias(tensor, "ViewBackward0");
  setTangent(dual, tangent.is_contiguous() ? tangent : tangent.contiguous());
  return dual;
}

/**
 * The primal (a view of `tensor` without tangent) and the tangent (null when `tensor` has none at the
 * level, or outside any level) of `tensor`.
 */
export function unpack_dual(tensor: Tensor, options?: LevelOptions): UnpackedDualTensor {
  if (!(tensor instanceof Tensor)) throw new TypeError(`unpack_dual(): argument 'tensor' must be a Tensor, not ${tensor === null ? "null" : typeof tensor}`);
  const level = levelOf("unpack_dual", options);
  const pack = (primal: Tensor, tangent: Tensor | null): UnpackedDualTensor =>
    Object.defineProperties([primal, tangent], {
      primal: { value: primal, enumerable: false },
      tangent: { value: tangent, enumerable: false },
    }) as UnpackedDualTensor;
  if (level < 0 || level !== currentLevel()) return pack(tensor, null);
  const tangent = tangentOf(tensor);
  if (tangent === null) return pack(tensor, null);
  const primal = alias(tensor);
  setTangent(primal, null);
  return pack(primal, tangent);
}
