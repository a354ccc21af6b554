/**
 * torch.logaddexp2: `log2(2 ** a + 2 ** b)` computed as `max + log2(1 + 2 ** -|a - b|)`, so large
 * inputs do not overflow; equal infinities give themselves, as in PyTorch. Built from elementwise
 * ops, so the gradient (`2 ** a / (2 ** a + 2 ** b)` for a) comes from their nodes.
 */
import type { Tensor } from "../tensor/tensor";
import * as E from "./elementwise";
import { RuntimeError } from "../errors";

export function logaddexp2(a: Tensor, b: Tensor): Tensor {
  for (const t of [a, b]) {
    if (!t.is_floating_point()) throw new RuntimeError(`"logaddexp2_cpu" not implemented for '${t.dtype._typeName}'`);
  }
  const m = E.maximum(a, b);
  const spread = E.abs(E.sub(a, b)).neg().exp2().log1p().div(Math.LN2);
  return E.where(E.isinf(m).logical_and(E.eq(a, b)), a, E.add(m, spread));
}
