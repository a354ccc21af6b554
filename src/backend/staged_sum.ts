/**
 * Sums of many float32 values on the wasm backend. Its Sum and Mean kernels add every element into
 * one float32 accumulator in turn, so once the running total is large each new term loses its low
 * bits: `torch.ones(2e7).sum()` stopped at 16777216 and the mean of 16M values of 0.1 came out as
 * 0.1149. PyTorch sums in blocks (a cascade), which keeps the error near a few ulps. Large
 * reductions here are split the same way: blocks of BLOCK values are summed, then the block sums,
 * and so on, so no accumulator ever adds more than BLOCK terms.
 */
import { tf } from "./tf";

type Run = (kernelName: string, inputs: tf.NamedTensorMap, attrs?: tf.NamedAttrMap) => tf.Tensor | tf.Tensor[];

/** Terms per accumulator: 512 equal float32 terms summed in turn are off by ~4e-6 relative (4096: ~4e-5). */
export const BLOCK = 512;

/** Reductions over more terms than this are staged; smaller ones (every layer of a training step) run as they are. */
export const STAGE_ABOVE = 8 * BLOCK;

/**
 * Runs a float32 Sum or Mean over more than STAGE_ABOVE elements per output in stages; returns null
 * when the kernel can run as it is.
 */
export function stagedSum(name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap | undefined, run: Run): tf.Tensor | null {
  if (name !== "Sum" && name !== "Mean") return null;
  const x = inputs.x;
  if (x === undefined || x.dtype !== "float32") return null;
  const a = (attrs ?? {}) as { axis?: number | number[] | null; keepDims?: boolean };
  const axes = a.axis === undefined || a.axis === null ? x.shape.map((_, i) => i) : tf.util.parseAxisParam(a.axis, x.shape);
  const n = axes.reduce((p, i) => p * x.shape[i], 1);
  if (n <= STAGE_ABOVE) return null;
  const kept = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outer = kept.map((i) => x.shape[i]);
  const m = outer.reduce((p, d) => p * d, 1);
  return tf.tidy(() => {
    const perm = [...kept, ...axes];
    let t = perm.every((p, i) => p === i) ? x : (run("Transpose", { x }, { perm }) as tf.Tensor);
    t = tf.reshape(t, [m, n]);
    let len = n;
    while (len > BLOCK) {
      const chunks = Math.ceil(len / BLOCK);
      // Zeros added to the last block change no sum.
      if (chunks * BLOCK !== len) t = tf.pad(t, [[0, 0], [0, chunks * BLOCK - len]]);
      t = run("Sum", { x: tf.reshape(t, [m, chunks, BLOCK]) }, { axis: [2], keepDims: false }) as tf.Tensor;
      len = chunks;
    }
    t = run("Sum", { x: t }, { axis: [1], keepDims: false }) as tf.Tensor;
    if (name === "Mean") t = tf.div(t, tf.scalar(n, "float32"));
    return tf.reshape(t, a.keepDims ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : outer);
  });
}
