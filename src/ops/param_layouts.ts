/**
 * Copies of a parameter's values in the layout a tfjs kernel wants (a convolution's HWIO filter, a
 * Linear weight's [in, out] transpose), kept between writes. A module run more than once between
 * optimizer steps (a GAN's discriminator on the real and the fake batch, a Siamese pair, an
 * evaluation loop left in grad mode) then moves each weight once; on wasm the same filter tensor
 * also lets XNNPACK reuse its operator with the weights already packed (resnet18 at batch 1 in grad
 * mode: 61 -> 41 Transposes and ~330-450 -> ~210-280 ms CPU per forward, one wasm thread).
 *
 * One copy per parameter and layout: it is valid while the parameter's buffer (tfjs buffers are
 * immutable: an optimizer step, load_state_dict or an in-place write gives it a new one) and its
 * storage version stay; otherwise it is remade and the old copy freed. Copies are freed with the
 * parameter. A weight over KEPT_BYTES (64 MB: VGG's first classifier layer is 392 MB) is not copied
 * twice: its layout is made per call, as without this cache. Not while a backward runs as a recorded op (create_graph): tfjs's tape would take the
 * kept copy for a constant.
 */
import { tf } from "./_core";
import type { Tensor } from "../tensor/tensor";
import { is_backward_differentiable } from "../autograd/grad_mode";
import { whenCollected } from "../backend/memory";

interface Kept {
  data: tf.Tensor;
  version: number;
  copy: tf.Tensor;
}

const KEPT_BYTES = 64 * 1024 * 1024;

const kept = new WeakMap<Tensor, Map<string, Kept>>();

function disposeKept(m: Map<string, Kept>): void {
  for (const e of m.values()) if (!e.copy.isDisposed) e.copy.dispose();
}

/** Whether `weight` (a leaf that requires grad: a module's parameter) may have kept copies now. */
export function keepsLayouts(weight: Tensor): boolean {
  return weight.requires_grad && weight.is_leaf && !is_backward_differentiable();
}

/** The kept copy of `weight`'s values in `layout`, or null when there is none for its current values. */
export function keptLayout(weight: Tensor, layout: string): tf.Tensor | null {
  const e = kept.get(weight)?.get(layout);
  if (e === undefined || e.copy.isDisposed || e.data !== weight._t || e.version !== weight._s.version) return null;
  return e.copy;
}

/**
 * The copy of `weight`'s values in `layout`: the kept one, or `make(weight._t)` kept in its place.
 * Call inside compute; callers must not dispose the result.
 */
export function paramLayout(weight: Tensor, layout: string, make: (w: tf.Tensor) => tf.Tensor): tf.Tensor {
  const hit = keptLayout(weight, layout);
  if (hit !== null) return hit;
  const data = weight._t;
  if (data.size * 4 > KEPT_BYTES) return make(data);
  const copy = tf.keep(make(data));
  let m = kept.get(weight);
  if (m === undefined) {
    m = new Map();
    kept.set(weight, m);
    const copies = m;
    whenCollected(weight, () => disposeKept(copies));
  }
  const old = m.get(layout);
  if (old !== undefined && !old.copy.isDisposed) old.copy.dispose();
  m.set(layout, { data, version: weight._s.version, copy });
  return copy;
}
