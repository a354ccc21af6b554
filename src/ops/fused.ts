/**
 * One autograd node for a composite op, so that grad_fn names what PyTorch's fused kernel is
 * called (`MseLossBackward0`, `NllLossBackward0`, ...) while the math stays written in torch ops.
 * The composite runs on detached leaves of the inputs; the node's backward runs that inner graph.
 */
import { tf, compute, record } from "./_core";
import { is_grad_enabled } from "../autograd/grad_mode";
import { runBackward } from "../autograd/backward";
import { anyTangent } from "../autograd/forward_state";
import type { Tensor } from "../tensor/tensor";

export function fused(name: string, inputs: Tensor[], f: (...xs: Tensor[]) => Tensor): Tensor {
  // Forward AD runs the composite's own ops (they carry tangents; the inner graph below would not).
  if (!is_grad_enabled() || !inputs.some((t) => t.requires_grad) || anyTangent(inputs)) return f(...inputs);
  const leaves = inputs.map((t) => {
    const d = t.detach();
    return t.requires_grad ? d.requires_grad_(true) : d;
  });
  const inner = f(...leaves);
  if (!inner.requires_grad) return inner;
  const out = record(name, inputs, compute(() => tf.clone(inner._t)), (g) => {
    leaves.forEach((l) => (l.grad = null));
    // The inner graph is kept (retain) for as long as this node: released with it, and a second
    // backward through the outer graph is refused by the outer node as usual.
    runBackward(inner, tf.clone(g), true);
    return leaves.map((l) => {
      const lg = l.grad;
      l.grad = null;
      // A reshape to the same shape shares the data (wasm's Identity, tf.clone, copies it).
      return lg === null ? null : tf.reshape(lg._t, lg.shape);
    });
  });
  // The composite's own dtype, not the inputs' promotion: binary_cross_entropy_with_logits of float64
  // logits against a float32 target is float32, as PyTorch's is.
  out._s.dt = inner._s.dt;
  return out;
}
