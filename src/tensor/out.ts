/**
 * PyTorch's `out=` keyword: the result is written into a given tensor, which is returned. As in
 * PyTorch the result's dtype must be castable to out's, autograd refuses out= when an argument
 * requires grad, and an out of the wrong shape is resized (with PyTorch's deprecation warning when
 * it held elements).
 */
import { Tensor } from "./tensor";
import { is_grad_enabled } from "../autograd/grad_mode";
import { no_grad } from "../autograd/grad_mode";
import { RuntimeError, TypeError } from "../errors";
import { compute, tf } from "../ops/_core";
import type { ValuesIndices } from "../ops/reduce";

const RANK = { bool: 0, int32: 1, float32: 2 } as const;

/** Splits `out` off a trailing options object; the rest of the arguments are returned unchanged. */
export function splitOut<T>(args: unknown[]): { args: T; out: unknown } {
  const last = args[args.length - 1];
  if (last === null || typeof last !== "object" || Array.isArray(last) || last instanceof Tensor || !("out" in (last as object))) return { args: args as T, out: undefined };
  const { out, ...rest } = last as { out?: unknown };
  const head = args.slice(0, -1);
  return { args: (Object.keys(rest).length ? [...head, rest] : head) as T, out };
}

/** Writes `result` of op `op` into `out` (when given) and returns what the op returns. */
export function withOut(op: string, result: Tensor, out: unknown): Tensor {
  if (out === undefined || out === null) return result;
  if (!(out instanceof Tensor)) throw new TypeError(`${op}(): argument 'out' must be Tensor, not ${Array.isArray(out) ? "array" : typeof out}`);
  if (is_grad_enabled() && (result.requires_grad || out.requires_grad)) {
    throw new RuntimeError(`${op}(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.`);
  }
  if (RANK[result.dtype._tf] > RANK[out.dtype._tf]) throw new RuntimeError(`${op}(): result type ${result.dtype._typeName} can't be cast to the desired output type ${out.dtype._typeName}`);
  if (!out.shape.equals(result.shape)) {
    if (out._view !== null) {
      throw new RuntimeError(`${op}(): out is a view of shape [${out.shape.join(", ")}] and cannot be resized to the result's shape [${result.shape.join(", ")}]`);
    }
    if (out.numel() !== 0) {
      process.emitWarning(
        `An output with one or more elements was resized since it had shape [${out.shape.join(", ")}], which does not match the required output shape [${result.shape.join(", ")}]. ` +
          "This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0).",
        "UserWarning",
      );
    }
    out._overwrite(compute(() => tf.cast(result._t, out.dtype._tf)));
    out._bumpVersion();
    return out;
  }
  no_grad(() => out.copy_(result));
  return out;
}

/** out= for ops returning (values, indices): `out` is a pair of tensors, as PyTorch's tuple. */
export function withOutPair(op: string, result: ValuesIndices, out: unknown): ValuesIndices {
  if (out === undefined || out === null) return result;
  if (!Array.isArray(out) || out.length !== 2) throw new TypeError(`${op}(): argument 'out' must be a pair [values, indices] of Tensors`);
  withOut(op, result.values, out[0]);
  withOut(op, result.indices, out[1]);
  return result;
}
