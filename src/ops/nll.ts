/**
 * nll_loss over class indices as one backend kernel forward and one backward (the JavaScript kernels
 * of src/backend/loss_kernels.ts): the op F.nll_loss and F.cross_entropy take when it applies.
 */
import { tf, compute, record } from "./_core";
import { hasLossKernel } from "../backend/loss_kernels";
import type { NllAttrs } from "../backend/loss_kernels";
import { LOSS_KERNEL_MAX } from "./reduce";
import { is_backward_differentiable } from "../autograd/grad_mode";
import type { Tensor } from "../tensor/tensor";

/** Whether the active backend runs nll_loss as a kernel for float32 log-probabilities of `numel` elements. */
export function nllKernelApplies(numel: number): boolean {
  if (numel === 0 || !hasLossKernel("TorchlabNllLoss")) return false;
  return numel <= LOSS_KERNEL_MAX || tf.getBackend() !== "wasm";
}

/**
 * The loss of `logp` ([C], [N, C] or [N, C, d1, ...], float32) at `target` (int32, checked to hold
 * classes in [0, C) or ignore_index), grad_fn NllLossBackward0 (F.nll_loss and F.cross_entropy show PyTorch's edges).
 */
export function nllLossKernel(logp: Tensor, target: Tensor, weight: Tensor | null, attrs: NllAttrs): Tensor {
  const map = (a: object) => a as unknown as tf.NamedAttrMap;
  const out = compute(() => {
    const inputs: tf.NamedTensorMap = { logp: logp._t, target: target._t };
    if (weight) inputs.weight = weight._t;
    return tf.engine().runKernel("TorchlabNllLoss", inputs, map(attrs)) as tf.Tensor;
  });
  return record("NllLossBackward0", [logp, target], out, (g) => {
    const inputs: tf.NamedTensorMap = { dy: g, target: target._t };
    if (weight) inputs.weight = weight._t;
    // As a recorded op (create_graph) the kernel's tfjs gradient (backend/tfjs_gradients.ts) saves a weight: ones.
    else if (is_backward_differentiable()) inputs.weight = tf.ones([logp.shape.length === 1 ? logp.shape[0] : logp.shape[1]]);
    return [tf.engine().runKernel("TorchlabNllLossGrad", inputs, map({ ...attrs, inputShape: logp.shape.slice() })) as tf.Tensor, null];
  });
}
