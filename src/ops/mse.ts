/**
 * mse_loss as one backend kernel forward and one backward (the JavaScript kernels of
 * src/backend/loss_kernels.ts): the path F.mse_loss takes when it applies. Written with tfjs ops the
 * loss is Sub, Square and Sum forward and the same again plus broadcasts backward, each a pass over
 * the data with its own dispatch; on the ResNet block's [32, 32, 32, 32] output (1M elements) that was ~18 ms of
 * kernel CPU time per step.
 */
import { tf, compute, record } from "./_core";
import { hasLossKernel } from "../backend/loss_kernels";
import type { MseAttrs } from "../backend/loss_kernels";
import type { Tensor } from "../tensor/tensor";
import { is_backward_differentiable } from "../autograd/grad_mode";

export type MseReduction = "none" | "mean" | "sum";

/**
 * Whether the active backend runs mse_loss as a kernel: float32 input and target of one shape (a
 * broadcasting target takes the tfjs composition), not empty, at most MSE_KERNEL_MAX elements on wasm.
 */
export function mseKernelApplies(input: Tensor, target: Tensor): boolean {
  if (input.dtype._tf !== "float32" || target.dtype._tf !== "float32") return false;
  const n = input.numel();
  if (n === 0 || input.shape.length !== target.shape.length || input.shape.some((v, i) => v !== target.shape[i])) return false;
  if (!hasLossKernel("TorchlabMseLoss")) return false;
  return n <= MSE_KERNEL_MAX || tf.getBackend() !== "wasm";
}

/**
 * The most elements the kernel takes on wasm. Unlike log_softmax's (LOSS_KERNEL_MAX, 64K), the tfjs
 * composition here is five passes (two of them broadcasting a scalar), and the kernel measured faster
 * up to the ResNet block's [32, 32, 32, 32] output (1M elements: the block's training step 192 -> 178 ms, alternated), but
 * slower at 4M (36 against 26 ms per loss and gradient, process CPU time).
 */
export const MSE_KERNEL_MAX = 1 << 20;

const CODE: Record<MseReduction, MseAttrs["reduction"]> = { none: 0, mean: 1, sum: 2 };

/** (input - target)^2 reduced, grad_fn MseLossBackward0 over (input, target) as PyTorch's. */
export function mseLossKernel(input: Tensor, target: Tensor, reduction: MseReduction): Tensor {
  const attrs = { reduction: CODE[reduction] } as unknown as tf.NamedAttrMap;
  const out = compute(() => tf.engine().runKernel("TorchlabMseLoss", { x: input._t, target: target._t }, attrs) as tf.Tensor);
  return record("MseLossBackward0", [input, target], out, (g) => {
    // tfjs has no gradient for the fused kernel: a closure run as a recorded op (create_graph) takes
    // tfjs's ops, 2 (x - target) g, divided by the element count for the mean.
    const dx = is_backward_differentiable()
      ? tf.mul(tf.sub(input._t, target._t), tf.mul(g, reduction === "mean" ? 2 / input.numel() : 2))
      : (tf.engine().runKernel("TorchlabMseLossGrad", { dy: g, x: input._t, target: target._t }, attrs) as tf.Tensor);
    // PyTorch's gradient for the target is the input's, negated.
    return [input.requires_grad ? dx : null, target.requires_grad ? tf.neg(dx) : null];
  });
}
