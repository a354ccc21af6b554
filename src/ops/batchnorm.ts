/**
 * Batch normalisation over dim 1 of [N, C], [N, C, L] or [N, C, H, W] inputs, PyTorch's
 * `F.batch_norm`. Training normalises with the biased batch variance and updates the running
 * statistics in place (running_var with the unbiased variance); evaluation uses the running
 * statistics. The backward pass is the closed form, not a chain of elementwise nodes.
 */
import { tf, compute, record } from "./_core";
import { overwrite } from "../backend/memory";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { hasJsKernel } from "../backend/js_kernels";

export interface BatchNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  training?: boolean;
  momentum?: number;
  eps?: number;
}

/**
 * Sum over every dim but 1, as [C]. Reducing the contiguous trailing dims first and then the batch
 * avoids the full transpose that a reduction over axes [0, 2, 3] costs on the wasm backend.
 */
export function channelSum(t: tf.Tensor): tf.Tensor1D {
  const [n, c] = t.shape;
  // Rows then columns: wasm's Sum runs short rows 1.3-2.5x faster than one long H*W row.
  if (t.rank === 4) return tf.sum(tf.sum(tf.sum(t, 3), 2), 0) as tf.Tensor1D;
  const perSample = t.rank > 2 ? tf.sum(tf.reshape(t, [n, c, -1]), 2) : t;
  return tf.sum(perSample, 0) as tf.Tensor1D;
}

function checkFeatures(name: string, expected: number, t: Tensor | null): void {
  if (t === null) return;
  if (!(t instanceof Tensor)) throw new TypeError(`batch_norm(): argument '${name}' must be Tensor or None`);
  if (t.numel() !== expected) throw new RuntimeError(`${name} should contain ${expected} elements not ${t.numel()}`);
}

/**
 * Normalises `input` per channel (dim 1). With `training`, batch statistics are used and, when given,
 * `running_mean`/`running_var` are updated in place with `momentum`:
 * running = (1 - momentum) * running + momentum * batch_stat.
 */
export function batch_norm(
  input: Tensor,
  running_mean: Tensor | null,
  running_var: Tensor | null,
  options: BatchNormOptions = {},
): Tensor {
  if (!(input instanceof Tensor)) throw new TypeError("batch_norm(): argument 'input' (position 1) must be Tensor");
  const weight = options.weight ?? null;
  const bias = options.bias ?? null;
  const training = options.training ?? false;
  const momentum = options.momentum ?? 0.1;
  const eps = options.eps ?? 1e-5;
  if (typeof momentum !== "number") throw new TypeError(`batch_norm(): momentum must be a float, got ${String(momentum)}`);
  const shape = input.shape;
  if (training) {
    const perChannel = shape.reduce((a, v, i) => (i === 1 ? a : a * v), 1);
    if (perChannel === 1) {
      throw new ValueError(`Expected more than 1 value per channel when training, got input size torch.Size([${shape.join(", ")}])`);
    }
  }
  const c = input.dim() > 1 ? shape[1] : 0;
  if (running_mean !== null) checkFeatures("running_mean", c, running_mean);
  else if (!training) throw new RuntimeError("running_mean must be defined in evaluation mode");
  if (running_var !== null) checkFeatures("running_var", c, running_var);
  else if (!training) throw new RuntimeError("running_var must be defined in evaluation mode");
  checkFeatures("weight", c, weight);
  checkFeatures("bias", c, bias);
  if (input.dtype !== "float32") throw new RuntimeError(`batch_norm(): expected a floating point input, got ${input.dtype}`);
  const bshape = shape.map((v, i) => (i === 1 ? v : 1));
  const n = input.numel() / Math.max(c, 1);
  if (input.dim() >= 2 && input.numel() > 0 && hasJsKernel("TorchlabChannelMoments")) {
    return batchNormKernels(input, running_mean, running_var, weight, bias, training, momentum, eps, n);
  }

  // Statistics used to normalise: the batch's (training) or the running ones (evaluation).
  let centeredT: Tensor | null = null;
  const stats = compute(() => {
    if (training) {
      const mean = tf.div(channelSum(input._t), n);
      const centered = tf.keep(tf.sub(input._t, tf.reshape(mean, bshape)));
      centeredT = Tensor._wrap(centered);
      const variance = tf.div(channelSum(tf.square(centered)), n);
      return tf.concat([tf.reshape(mean, [1, c]), tf.reshape(tf.rsqrt(tf.add(variance, eps)), [1, c]), tf.reshape(variance, [1, c])], 0);
    }
    const rm = tf.reshape((running_mean as Tensor)._t, [1, c]);
    const rv = tf.reshape((running_var as Tensor)._t, [1, c]);
    return tf.concat([rm, tf.reshape(tf.rsqrt(tf.add(rv, eps)), [1, c]), rv], 0);
  });
  const statsT = Tensor._wrap(stats);
  const meanOf = (): tf.Tensor => tf.reshape(tf.slice(statsT._t, [0, 0], [1, c]), [c]);
  const invstdOf = (): tf.Tensor => tf.reshape(tf.slice(statsT._t, [1, 0], [1, c]), [c]);
  /** invstd * weight per channel: the factor ATen's kernels scale by. */
  const alphaOf = (): tf.Tensor => (weight ? tf.mul(invstdOf(), tf.reshape(weight._t, [c])) : invstdOf());
  if (training && running_mean !== null && running_var !== null) {
    const m = momentum;
    overwrite(running_mean._s, compute(() => tf.add(tf.mul(running_mean._t, 1 - m), tf.mul(tf.reshape(tf.slice(stats, [0, 0], [1, c]), [c]), m))));
    overwrite(
      running_var._s,
      compute(() => {
        const unbiased = tf.mul(tf.reshape(tf.slice(stats, [2, 0], [1, c]), [c]), n / (n - 1));
        return tf.add(tf.mul(running_var._t, 1 - m), tf.mul(unbiased, m));
      }),
    );
  }
  const inputs: Tensor[] = [input];
  if (weight) inputs.push(weight);
  if (bias) inputs.push(bias);
  // ATen's transform: training reuses the centred input, evaluation folds the mean into the shift
  // (x * alpha + bias - mean * alpha), as batch_norm_cpu_transform_input does.
  const out = compute(() => {
    const alpha = tf.reshape(alphaOf(), bshape);
    if (centeredT) return bias ? tf.add(tf.mul(centeredT._t, alpha), tf.reshape(bias._t, bshape)) : tf.mul(centeredT._t, alpha);
    const shift = tf.mul(meanOf(), alphaOf());
    const beta = bias ? tf.sub(tf.reshape(bias._t, [c]), shift) : tf.neg(shift);
    return tf.add(tf.mul(input._t, alpha), tf.reshape(beta, bshape));
  });
  // ATen's batch_norm_cpu_backward: two per-channel sums, sum(g) and dotp = sum((x - mean) * g), give
  // grad_input = (g - sum/N - (x - mean) * dotp * invstd^2 / N) * invstd * w (training) or
  // g * invstd * w (evaluation), grad_weight = dotp * invstd and grad_bias = sum(g).
  return record("NativeBatchNormBackward0", inputs, out, (g) => {
    const centered = centeredT ? centeredT._t : tf.sub(input._t, tf.reshape(meanOf(), bshape));
    const invstd = invstdOf();
    const needSum = (input.requires_grad && training) || (bias !== null && bias.requires_grad);
    const needDot = (input.requires_grad && training) || (weight !== null && weight.requires_grad);
    const sumG = needSum ? channelSum(g) : null;
    const dotp = needDot ? channelSum(tf.mul(centered, g)) : null;
    const grads: (tf.Tensor | null)[] = [];
    if (input.requires_grad) {
      const alpha = tf.reshape(alphaOf(), bshape);
      if (training) {
        const k = tf.reshape(tf.div(tf.mul(dotp as tf.Tensor, tf.square(invstd)), n), bshape);
        const gradMean = tf.reshape(tf.div(sumG as tf.Tensor, n), bshape);
        grads.push(tf.mul(tf.sub(tf.sub(g, gradMean), tf.mul(centered, k)), alpha));
      } else grads.push(tf.mul(g, alpha));
    } else grads.push(null);
    if (weight) grads.push(weight.requires_grad ? tf.mul(dotp as tf.Tensor, invstd) : null);
    if (bias) grads.push(bias.requires_grad ? sumG : null);
    return grads;
  });
}

/** Runs a per-channel kernel of js_kernels.ts. */
function kernel(name: string, inputs: Record<string, tf.Tensor>): tf.Tensor {
  return tf.engine().runKernel(name, inputs as tf.NamedTensorMap) as tf.Tensor;
}

/**
 * batch_norm on the wasm and cpu backends: one pass for the statistics, one for the transform, and
 * in backward one pass for the two per-channel sums and one for grad_input, straight on the NCHW
 * data (the tfjs composition above costs a dozen broadcasting kernels and a saved centred copy).
 */
function batchNormKernels(
  input: Tensor,
  running_mean: Tensor | null,
  running_var: Tensor | null,
  weight: Tensor | null,
  bias: Tensor | null,
  training: boolean,
  momentum: number,
  eps: number,
  n: number,
): Tensor {
  const c = input.shape[1];
  // [mean, invstd] per channel: the batch's (training) or the running statistics (evaluation).
  const stats = Tensor._wrap(
    compute(() => {
      if (training) {
        const moments = kernel("TorchlabChannelMoments", { x: input._t });
        const mean = tf.slice(moments, [0, 0], [1, c]);
        const variance = tf.slice(moments, [1, 0], [1, c]);
        if (running_mean !== null && running_var !== null) {
          const m = momentum;
          // tf.keep: the new running statistics outlive this tidy scope.
          overwrite(running_mean._s, tf.keep(tf.add(tf.mul(running_mean._t, 1 - m), tf.mul(tf.reshape(mean, [c]), m))));
          overwrite(running_var._s, tf.keep(tf.add(tf.mul(running_var._t, 1 - m), tf.mul(tf.mul(tf.reshape(variance, [c]), n / (n - 1)), m))));
        }
        return tf.concat([mean, tf.rsqrt(tf.add(variance, eps))], 0);
      }
      const rm = tf.reshape((running_mean as Tensor)._t, [1, c]);
      return tf.concat([rm, tf.rsqrt(tf.add(tf.reshape((running_var as Tensor)._t, [1, c]), eps))], 0);
    }),
  );
  const row = (t: tf.Tensor, i: number): tf.Tensor => tf.reshape(tf.slice(t, [i, 0], [1, c]), [c]);
  const alphaOf = (): tf.Tensor => (weight ? tf.mul(row(stats._t, 1), tf.reshape(weight._t, [c])) : row(stats._t, 1));
  const inputs: Tensor[] = [input];
  if (weight) inputs.push(weight);
  if (bias) inputs.push(bias);
  const out = compute(() =>
    kernel("TorchlabChannelAffine", { x: input._t, center: row(stats._t, 0), scale: alphaOf(), shift: bias ? tf.reshape(bias._t, [c]) : tf.zeros([c]) }),
  );
  return record("NativeBatchNormBackward0", inputs, out, (g) => {
    const mean = row(stats._t, 0);
    const invstd = row(stats._t, 1);
    const needSums = (input.requires_grad && training) || (weight !== null && weight.requires_grad) || (bias !== null && bias.requires_grad);
    const sums = needSums ? kernel("TorchlabChannelGradSums", { dy: g, x: input._t, mean }) : null;
    const sumG = sums ? row(sums, 0) : null;
    const dotp = sums ? row(sums, 1) : null;
    const grads: (tf.Tensor | null)[] = [];
    if (input.requires_grad) {
      const alpha = alphaOf();
      if (training) {
        // (g - sum(g)/N - (x - mean) * dotp * invstd^2 / N) * alpha, with its per-channel factors.
        const k2 = tf.mul(tf.div(tf.mul(dotp as tf.Tensor, tf.square(invstd)), n), alpha);
        const k3 = tf.mul(tf.div(sumG as tf.Tensor, n), alpha);
        grads.push(kernel("TorchlabBatchNormInputGrad", { dy: g, x: input._t, mean, k: tf.stack([alpha, k2, k3]) }));
      } else grads.push(kernel("TorchlabChannelAffine", { x: g, center: tf.zeros([c]), scale: alpha, shift: tf.zeros([c]) }));
    } else grads.push(null);
    if (weight) grads.push(weight.requires_grad ? tf.mul(dotp as tf.Tensor, invstd) : null);
    if (bias) grads.push(bias.requires_grad ? sumG : null);
    return grads;
  });
}
