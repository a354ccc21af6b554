/**
 * PyTorch's `torch.autograd.function.once_differentiable` for custom autograd Functions (function.ts).
 */
import { tf } from "../backend/tf";
import { RuntimeError, TypeError } from "../errors";
import { compute } from "../ops/_core";
import { Tensor } from "../tensor/tensor";
import type { FunctionCtx } from "./function";
import { is_grad_enabled, no_grad } from "./grad_mode";
import { Node } from "./node";

function typeName(x: unknown): string {
  if (x === null) return "null";
  if (typeof x === "object") return (x as object).constructor?.name ?? "object";
  return typeof x;
}

/**
 * PyTorch's `@once_differentiable`: wraps a Function's backward so that it runs with grad mode off;
 * differentiating its results again (create_graph) raises instead of silently giving zero.
 *
 * @example
 * class Conv2D extends torch.autograd.Function {
 *   static forward(ctx: FunctionCtx, X: Tensor, weight: Tensor): Tensor { ... }
 *   static backward = once_differentiable((ctx: FunctionCtx, grad_out: Tensor) => { ... });
 * }
 */
export function once_differentiable<A extends unknown[], R>(fn: (ctx: FunctionCtx, ...grads: A) => R): (ctx: FunctionCtx, ...grads: A) => R {
  if (typeof fn !== "function") throw new TypeError(`once_differentiable(): expected a backward function, got ${typeName(fn)}`);
  return function (this: unknown, ctx: FunctionCtx, ...grads: A): R {
    const result = no_grad(() => fn.call(this, ctx, ...grads));
    const needing = (grads as unknown[]).filter((g): g is Tensor => g instanceof Tensor && g.requires_grad);
    if (!is_grad_enabled() || needing.length === 0) return result;
    // Results that remember they came from here: their backward raises, as PyTorch's DelayedError does.
    const delayed = (r: unknown): unknown => {
      if (!(r instanceof Tensor) || !r.is_floating_point()) return r;
      const out = Tensor._wrap(compute(() => tf.clone(r._t)));
      out._attach(
        new Node("DelayedError", needing, () => {
          throw new RuntimeError("trying to differentiate twice a function that was marked with @once_differentiable");
        }),
      );
      return out;
    };
    return (Array.isArray(result) ? result.map(delayed) : delayed(result)) as R;
  };
}
