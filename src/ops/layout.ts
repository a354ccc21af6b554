/**
 * Activations kept in the backend's NHWC order between layers during inference, whatever calls the
 * layers (a Module subclass's own forward, not only nn.Sequential). The wasm backend's convolution,
 * pooling and batch norm kernels are NHWC-only, so an NCHW tensor pays a transpose in and one out at
 * every convolution (the tutorial Net's inference: 4 per forward).
 *
 * Under no_grad on wasm, conv2d returns a tensor whose storage holds NHWC data with the NCHW shape
 * (a reshape of the NHWC buffer, sharing it) and a `layout` tag (backend/memory.ts). The public shape,
 * strides and values stay NCHW: every op that does not know the tag reads the tensor through `_t`,
 * which converts the buffer to NCHW once, in place, and drops the tag. Layout-aware ops read the raw
 * buffer instead: conv2d, max pooling, batch norm in eval mode, adaptive average pooling to 1x1,
 * elementwise unary ops and add/mul of two tensors of the same layout (they keep the tag), flatten of
 * the map to [N, C*H*W] (tagged "nhwc_flat") and F.linear over that, which reads the flattened NHWC
 * map with a column-permuted copy of its weight. Tensors that require grad never get a tag: tags are
 * made only with grad mode off.
 */
import { currentLevel } from "../autograd/forward_state";
import { tf, compute, constantOf } from "./_core";
import { Tensor } from "../tensor/tensor";
import { is_grad_enabled } from "../autograd/grad_mode";
import { onReclaim, whenCollected, type Layout, type NhwcLayout } from "../backend/memory";
import { isStale } from "./view";

/**
 * Whether ops make NHWC-tagged results now: grad mode off, on the wasm backend (NHWC-only kernels),
 * and no forward-AD level open (those results skip record(), which computes tangents).
 */
export function nhwcActive(): boolean {
  return !is_grad_enabled() && currentLevel() < 0 && tf.getBackend() === "wasm";
}

/** The layout tag `t`'s buffer carries, or null (also for a stale view, whose buffer is out of date). */
export function layoutOf(t: Tensor): Layout | null {
  const l = t._s.layout;
  if (l === undefined || (t._view !== null && isStale(t))) return null;
  return l;
}

function nhwcLayout(nhwc: [number, number, number, number]): Layout {
  return { kind: "nhwc", nhwc, toLogical: (d) => toNchw(tf.reshape(d, nhwc)) };
}

function flatLayout(nhwc: [number, number, number, number]): Layout {
  const [n, h, w, c] = nhwc;
  return { kind: "nhwc_flat", nhwc, toLogical: (d) => tf.reshape(toNchw(tf.reshape(d, nhwc)), [n, c * h * w]) };
}

function toNchw(x: tf.Tensor): tf.Tensor {
  const [n, h, w, c] = x.shape;
  if (c === 1 || h * w === 1) return tf.reshape(x, [n, c, h, w]);
  return tf.transpose(x, [0, 3, 1, 2]);
}

/** `t`'s values as an NHWC tf tensor when its buffer is NHWC (call inside compute), else null. */
export function nhwcOf(t: Tensor): tf.Tensor4D | null {
  const l = layoutOf(t);
  return l !== null && l.kind === "nhwc" ? (tf.reshape(t._s.data, [...l.nhwc]) as tf.Tensor4D) : null;
}

/** Wraps an NHWC result (made inside compute) from `inputs` as an NCHW tensor whose buffer stays NHWC. */
export function wrapNhwc(y: tf.Tensor4D, inputs: Tensor[]): Tensor {
  const [n, h, w, c] = y.shape;
  const out = constantOf(inputs, compute(() => tf.reshape(y, [n, c, h, w])));
  y.dispose();
  out._s.layout = nhwcLayout([n, h, w, c]);
  return out;
}

/**
 * For an elementwise op over `inputs` (tensors, plus numbers/0-d tensors that broadcast trivially):
 * the layout they all share, when every tensor input of more than one element carries the same one
 * with the same shape; null when the op must read them through `_t`. The op then runs on the raw
 * buffers (rawOf) and labels its result with keepLayout.
 */
export function sharedLayout(...inputs: Tensor[]): NhwcLayout | null {
  let found: NhwcLayout | null = null;
  let shape: readonly number[] | null = null;
  for (const t of inputs) {
    if (t.ndim === 0) continue;
    const l = layoutOf(t);
    if (l === null || (l.kind !== "nhwc" && l.kind !== "nhwc_flat")) return null;
    if (found === null) {
      found = l;
      shape = t.shape;
    } else if (found.kind !== l.kind || found.nhwc.join(",") !== l.nhwc.join(",") || t.shape.join(",") !== shape!.join(",")) return null;
  }
  return found;
}

/** The buffer of `t` as stored (its physical order) when it carries a layout; otherwise `_t`. */
export function rawOf(t: Tensor): tf.Tensor {
  return t._s.layout !== undefined ? t._s.data : t._t;
}

/** Labels `out` (just made from buffers in `layout`'s order, the same shape) with that layout. */
export function keepLayout(out: Tensor, layout: Layout | null): Tensor {
  if (layout !== null) out._s.layout = layout;
  return out;
}

/**
 * copy_/in-place writes under no_grad: `dst` (not a view) takes `src`'s buffer, order and all, instead
 * of converting it (torchvision's ReLU(inplace=True) between NHWC layers). False when not applicable.
 */
export function writeKeepingLayout(dst: Tensor, src: Tensor, overwrite: (data: tf.Tensor, layout: Layout) => void): boolean {
  if (is_grad_enabled() || dst._view !== null || dst.requires_grad || src.dtype !== dst.dtype) return false;
  const l = layoutOf(src);
  if (l === null || src.shape.join(",") !== dst.shape.join(",")) return false;
  overwrite(compute(() => tf.reshape(src._s.data, src.shape)), l);
  return true;
}

/**
 * flatten/view of an NHWC-tagged [N, C, H, W] map to [N, C*H*W]: the same buffer, tagged "nhwc_flat"
 * so that F.linear reads it without a transpose; null for any other reshape (made inside compute).
 */
export function flatAlias(t: Tensor, shape: number[]): { data: tf.Tensor; layout: Layout } | null {
  const l = layoutOf(t);
  if (l === null || l.kind !== "nhwc" || shape.length !== 2 || shape[0] !== l.nhwc[0]) return null;
  return { data: tf.reshape(t._s.data, shape), layout: flatLayout(l.nhwc as [number, number, number, number]) };
}

interface FlatWeight {
  data: tf.Tensor;
  version: number;
  nhwc: string;
  w: tf.Tensor2D;
}

const flatWeights = new WeakMap<Tensor, FlatWeight>();

/**
 * A Linear weight [out, C*H*W] that reads the flattened NCHW map, as the [H*W*C, out] matrix that
 * reads the flattened NHWC map. Cached per weight tensor while its buffer and storage version stay
 * (an optimizer step or an in-place write changes them, and the copy is remade); freed when the
 * weight is collected.
 */
function flatWeight(weight: Tensor, nhwc: readonly number[]): tf.Tensor2D {
  const [, h, w, c] = nhwc;
  const key = nhwc.join(",");
  const data = weight._t;
  const version = weight._s.version;
  const hit = flatWeights.get(weight);
  if (hit !== undefined && hit.data === data && hit.version === version && hit.nhwc === key && !hit.w.isDisposed) return hit.w;
  const o = weight.shape[0];
  const made = tf.keep(tf.tidy(() => tf.reshape(tf.transpose(tf.reshape(data, [o, c, h, w]), [2, 3, 1, 0]), [h * w * c, o]) as tf.Tensor2D));
  if (hit === undefined) {
    const e = { data, version, nhwc: key, w: made };
    flatWeights.set(weight, e);
    whenCollected(weight, () => {
      if (!e.w.isDisposed) e.w.dispose();
    });
  } else {
    if (!hit.w.isDisposed) hit.w.dispose();
    Object.assign(hit, { data, version, nhwc: key, w: made });
  }
  return made;
}

/**
 * F.linear over a "nhwc_flat" input [N, C*H*W] with a 2-D float32 weight, no grad: x · W' + b with
 * W' the permuted weight, so the activations never move. Null when not applicable.
 */
export function flatLinear(input: Tensor, weight: Tensor, bias: Tensor | null): Tensor | null {
  if (is_grad_enabled() || weight.dim() !== 2 || input.dim() !== 2 || weight.dtype._tf !== "float32" || input.dtype._tf !== "float32") return null;
  if (bias !== null && (bias.dtype._tf !== "float32" || bias.dim() !== 1 || bias.shape[0] !== weight.shape[0])) return null;
  const l = layoutOf(input);
  if (l === null || l.kind !== "nhwc_flat") return null;
  const wt = flatWeight(weight, l.nhwc);
  return constantOf([input], compute(() => tf.fused.matMul({ a: input._s.data as tf.Tensor2D, b: wt, bias: bias !== null ? bias._t : undefined })));
}

// ------------------------------------------------------------------ training: NHWC copies of convolution inputs

/**
 * In training the layout tags above are off (tensors that require grad stay NCHW in storage, and the
 * gradients that the tape passes between nodes are NCHW too), so every convolution transposes its
 * input to NHWC. Two places read the same input again: another convolution of the same tensor (a
 * ResNet block's input feeds its first convolution and its 1x1 shortcut) and the weight gradient of
 * the convolution itself in backward (the patches and input-as-filter forms in conv.ts, which want
 * the input channels-last). A few of those NHWC copies are kept here, keyed by the source tfjs
 * tensor: tfjs buffers are immutable (an in-place write or an optimizer step gives the storage a new
 * one), so a copy is valid exactly while its source is alive. Copies whose source was disposed are
 * freed on the next lookup or reclaim (backend/memory.ts onReclaim); the oldest goes when a new one
 * comes past NHWC_COPIES; none larger than NHWC_COPY_BYTES is kept. The copies are tf.keep'd outside any tidy: callers must not dispose them.
 */
interface NhwcCopy {
  src: tf.Tensor;
  nhwc: tf.Tensor4D;
}

const nhwcCopies: NhwcCopy[] = [];
const NHWC_COPIES = 2;
const NHWC_COPY_BYTES = 64 * 1024 * 1024;
onReclaim(pruneNhwcCopies);

function pruneNhwcCopies(): void {
  for (let i = nhwcCopies.length - 1; i >= 0; i--) {
    const e = nhwcCopies[i];
    if (e.src.isDisposed || e.nhwc.isDisposed) {
      if (!e.nhwc.isDisposed) e.nhwc.dispose();
      nhwcCopies.splice(i, 1);
    }
  }
}

/** The kept NHWC copy of NCHW `src`, or null (no copy made). */
export function cachedNhwc(src: tf.Tensor): tf.Tensor4D | null {
  pruneNhwcCopies();
  for (const e of nhwcCopies) if (e.src === src) return e.nhwc;
  return null;
}

/**
 * `src` (NCHW) as NHWC through `make`, reusing a kept copy; with `keep`, a new copy is kept for the
 * readers described above (the caller knows one will come). Call inside compute.
 */
export function nhwcCopy(src: tf.Tensor, make: (t: tf.Tensor) => tf.Tensor4D, keep: boolean): tf.Tensor4D {
  const hit = cachedNhwc(src);
  if (hit !== null) return hit;
  const made = make(src);
  if (!keep || made.size * 4 > NHWC_COPY_BYTES) return made;
  tf.keep(made);
  nhwcCopies.push({ src, nhwc: made });
  while (nhwcCopies.length > NHWC_COPIES) (nhwcCopies.shift() as NhwcCopy).nhwc.dispose();
  return made;
}
