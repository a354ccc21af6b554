/**
 * Batch normalisation over dim 1 of [N, C], [N, C, L] or [N, C, H, W] inputs, PyTorch's
 * `F.batch_norm`. Training normalises with the biased batch variance and updates the running
 * statistics in place (running_var with the unbiased variance); evaluation uses the running
 * statistics. The backward pass is the closed form, not a chain of elementwise nodes.
 */
import { tf, compute, record } from "./_core";
import { is_backward_differentiable } from "../autograd/grad_mode";
import { is_forward_grad } from "../autograd/forward_state";
import { overwrite } from "../backend/memory";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { hasJsKernel } from "../backend/js_kernels";
import { nhwcActive, nhwcOf, layoutOf, wrapNhwc } from "./layout";

export interface BatchNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  training?: boolean;
  momentum?: number;
  eps?: number;
}

/**
 * Sum over every dim but 1, as [C], summed in double and rounded once: on wasm and cpu in one pass of
 * js_kernels.ts's TorchlabChannelSum; elsewhere the backend reduces the contiguous trailing dims
 * (avoiding the full transpose that a reduction over axes [0, 2, 3] costs) and the batch's partial
 * sums are added in JavaScript.
 */
export function channelSum(t: tf.Tensor): tf.Tensor1D {
  // A backward being differentiated (create_graph, forward AD) must stay a tfjs function of `t`.
  if (is_backward_differentiable()) return tf.sum(t, t.shape.map((_, i) => i).filter((i) => i !== 1)) as tf.Tensor1D;
  if (t.dtype === "float32" && t.rank >= 2 && hasJsKernel("TorchlabChannelSum")) return kernel("TorchlabChannelSum", { x: t }) as tf.Tensor1D;
  return tf.tensor1d(Float32Array.from(channelTotals(t)));
}

/**
 * Forward AD's run of batch norm's backward (forward_state.ts): the same formulas as tfjs ops, linear
 * in `g`, with the forward's statistics as constants (right for a Jacobian-vector product; not for
 * create_graph, which must also differentiate the statistics and so still refuses).
 */
function batchNormJvpBackward(
  g: tf.Tensor,
  input: Tensor,
  weight: Tensor | null,
  bias: Tensor | null,
  training: boolean,
  mean: ArrayLike<number>,
  invstd: ArrayLike<number>,
  alpha: ArrayLike<number>,
  n: number,
): (tf.Tensor | null)[] {
  const c = input.shape[1];
  const bshape = input.shape.map((v, i) => (i === 1 ? v : 1));
  const axes = input.shape.map((_, i) => i).filter((i) => i !== 1);
  const col = (v: ArrayLike<number>): tf.Tensor => tf.tensor(Float32Array.from(v), bshape);
  const centered = tf.sub(input._t, col(mean));
  const sumG = tf.sum(g, axes, true);
  const dotp = tf.sum(tf.mul(centered, g), axes, true);
  const inv = col(invstd);
  const grads: (tf.Tensor | null)[] = [];
  if (input.requires_grad) {
    const gi = training ? tf.sub(tf.sub(g, tf.div(sumG, n)), tf.div(tf.mul(centered, tf.mul(dotp, tf.square(inv))), n)) : g;
    grads.push(tf.mul(gi, col(alpha)));
  } else grads.push(null);
  if (weight) grads.push(weight.requires_grad ? tf.reshape(tf.mul(dotp, inv), [c]) : null);
  if (bias) grads.push(bias.requires_grad ? tf.reshape(sumG, [c]) : null);
  return grads;
}

/**
 * create_graph's run of batch norm's backward (autograd/create_graph.ts): the gradients as tfjs ops of
 * `g`, the input and the weight only, the batch statistics recomputed from the input here, so that
 * differentiating this backward (a gradient penalty through BatchNorm2d, as WGAN-GP's critic has) also
 * differentiates the statistics, as ATen's batchnorm_double_backward does. In evaluation the running
 * statistics are constants.
 */
function batchNormGraphBackward(
  g: tf.Tensor,
  input: Tensor,
  weight: Tensor | null,
  bias: Tensor | null,
  training: boolean,
  mean: ArrayLike<number>,
  invstd: ArrayLike<number>,
  eps: number,
): (tf.Tensor | null)[] {
  const c = input.shape[1];
  const bshape = input.shape.map((v, i) => (i === 1 ? v : 1));
  const axes = input.shape.map((_, i) => i).filter((i) => i !== 1);
  const x = input._t;
  let centered: tf.Tensor;
  let inv: tf.Tensor;
  if (training) {
    const mu = tf.mean(x, axes, true);
    centered = tf.sub(x, mu);
    inv = tf.rsqrt(tf.add(tf.mean(tf.square(centered), axes, true), eps));
  } else {
    centered = tf.sub(x, tf.tensor(Float32Array.from(mean), bshape));
    inv = tf.tensor(Float32Array.from(invstd), bshape);
  }
  const xhat = tf.mul(centered, inv);
  const grads: (tf.Tensor | null)[] = [];
  if (input.requires_grad) {
    const scale = weight ? tf.mul(tf.reshape(weight._t, bshape), inv) : inv;
    const gi = training ? tf.sub(tf.sub(g, tf.mean(g, axes, true)), tf.mul(xhat, tf.mean(tf.mul(g, xhat), axes, true))) : g;
    grads.push(tf.mul(gi, scale));
  } else grads.push(null);
  if (weight) grads.push(weight.requires_grad ? tf.reshape(tf.sum(tf.mul(g, xhat), axes), [c]) : null);
  if (bias) grads.push(bias.requires_grad ? tf.reshape(tf.sum(g, axes), [c]) : null);
  return grads;
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
  if (input.dtype._tf !== "float32") throw new RuntimeError(`batch_norm(): expected a floating point input, got ${input.dtype}`);
  const bshape = shape.map((v, i) => (i === 1 ? v : 1));
  const n = input.numel() / Math.max(c, 1);
  if (input.dim() >= 2 && input.numel() > 0 && hasJsKernel("TorchlabChannelMoments")) {
    return batchNormKernels(input, running_mean, running_var, weight, bias, training, momentum, eps, n);
  }

  // Per-channel statistics and factors are [C] vectors: they are computed here in JavaScript (in double,
  // as ATen accumulates them, rounded to float32 once) from per-(sample, channel) partial sums that the
  // backend reduces, instead of ~25 tfjs kernels on [C]-sized tensors per layer (each costs a dispatch
  // that outweighs its arithmetic: the ResNet block's step ran 272 kernels, 3 batch norms among them).
  const read = (t: Tensor | null): Float32Array | null => (t === null ? null : (t._t.dataSync() as Float32Array));
  const w = read(weight);
  const mean = new Float64Array(c);
  const invstd = new Float64Array(c);
  // ATen's transform: training reuses the centred input, evaluation folds the mean into the shift
  // (x * alpha + bias - mean * alpha), as batch_norm_cpu_transform_input does.
  let centeredT: Tensor | null = null;
  if (training) {
    const sums = channelTotals(input._t);
    for (let ch = 0; ch < c; ch++) mean[ch] = sums[ch] / n;
    const centered = compute(() => tf.sub(input._t, vec(mean, bshape)));
    centeredT = Tensor._wrap(centered);
    const sq = compute(() => tf.square(centered));
    const sqSums = channelTotals(sq);
    sq.dispose();
    const rm = read(running_mean);
    const rv = read(running_var);
    const newMean = new Float64Array(c);
    const newVar = new Float64Array(c);
    for (let ch = 0; ch < c; ch++) {
      const variance = sqSums[ch] / n;
      invstd[ch] = 1 / Math.sqrt(variance + eps);
      if (rm && rv) {
        newMean[ch] = (1 - momentum) * rm[ch] + momentum * mean[ch];
        newVar[ch] = (1 - momentum) * rv[ch] + momentum * (variance * n) / (n - 1);
      }
    }
    if (running_mean !== null && running_var !== null) {
      overwrite(running_mean._s, tf.tensor(Float32Array.from(newMean), running_mean._t.shape));
      overwrite(running_var._s, tf.tensor(Float32Array.from(newVar), running_var._t.shape));
      running_mean._bumpVersion();
      running_var._bumpVersion();
    }
  } else {
    const rm = read(running_mean) as Float32Array;
    const rv = read(running_var) as Float32Array;
    for (let ch = 0; ch < c; ch++) {
      mean[ch] = rm[ch];
      invstd[ch] = 1 / Math.sqrt(rv[ch] + eps);
    }
  }
  /** invstd * weight per channel: the factor ATen's kernels scale by. */
  const alpha = new Float64Array(c);
  for (let ch = 0; ch < c; ch++) alpha[ch] = w ? invstd[ch] * w[ch] : invstd[ch];
  const inputs: Tensor[] = [input];
  if (weight) inputs.push(weight);
  if (bias) inputs.push(bias);
  const out = compute(() => {
    const alphaT = vec(alpha, bshape);
    if (centeredT) return bias ? tf.add(tf.mul(centeredT._t, alphaT), tf.reshape(bias._t, bshape)) : tf.mul(centeredT._t, alphaT);
    const b = read(bias);
    const beta = new Float64Array(c);
    for (let ch = 0; ch < c; ch++) beta[ch] = (b ? b[ch] : 0) - mean[ch] * alpha[ch];
    return tf.add(tf.mul(input._t, alphaT), vec(beta, bshape));
  });
  // ATen's batch_norm_cpu_backward: two per-channel sums, sum(g) and dotp = sum((x - mean) * g), give
  // grad_input = (g - sum/N - (x - mean) * dotp * invstd^2 / N) * invstd * w (training) or
  // g * invstd * w (evaluation), grad_weight = dotp * invstd and grad_bias = sum(g).
  return record("NativeBatchNormBackward0", inputs, out, (g) => {
    if (is_forward_grad()) return batchNormJvpBackward(g, input, weight, bias, training, mean, invstd, alpha, n);
    if (is_backward_differentiable()) return batchNormGraphBackward(g, input, weight, bias, training, mean, invstd, eps);
    const needSum = (input.requires_grad && training) || (bias !== null && bias.requires_grad);
    const needDot = (input.requires_grad && training) || (weight !== null && weight.requires_grad);
    const sumG = needSum ? channelTotals(g) : null;
    let dotp: Float64Array | null = null;
    if (needDot) {
      const centered = centeredT ? centeredT._t : tf.sub(input._t, vec(mean, bshape));
      dotp = channelTotals(tf.mul(centered, g));
    }
    const grads: (tf.Tensor | null)[] = [];
    if (input.requires_grad) {
      const alphaT = vec(alpha, bshape);
      if (training) {
        const k = new Float64Array(c);
        const gradMean = new Float64Array(c);
        for (let ch = 0; ch < c; ch++) {
          k[ch] = ((dotp as Float64Array)[ch] * invstd[ch] * invstd[ch]) / n;
          gradMean[ch] = (sumG as Float64Array)[ch] / n;
        }
        const centered = (centeredT as Tensor)._t;
        grads.push(tf.mul(tf.sub(tf.sub(g, vec(gradMean, bshape)), tf.mul(centered, vec(k, bshape))), alphaT));
      } else grads.push(tf.mul(g, alphaT));
    } else grads.push(null);
    const perChannel = (f: (ch: number) => number): tf.Tensor => tf.tensor1d(Float32Array.from({ length: c }, (_, ch) => f(ch)));
    if (weight) grads.push(weight.requires_grad ? tf.reshape(perChannel((ch) => (dotp as Float64Array)[ch] * invstd[ch]), weight.shape) : null);
    if (bias) grads.push(bias.requires_grad ? tf.reshape(perChannel((ch) => (sumG as Float64Array)[ch]), bias.shape) : null);
    return grads;
  });
}

/** A [C] vector of doubles as a float32 tensor of `shape` (C values, broadcasting over dim 1). */
function vec(v: Float64Array, shape: number[]): tf.Tensor {
  return tf.tensor(Float32Array.from(v), shape);
}

/**
 * Each channel's sum (dim 1) of an [N, C, ...] tensor, in double: the backend reduces the trailing dims
 * to [N, C] (rows then columns, as channelSum) and the N partial sums per channel are added here.
 */
export function channelTotals(t: tf.Tensor): Float64Array {
  const [n, c] = t.shape;
  const partial = t.rank === 2 ? t : compute(() => (t.rank === 4 ? tf.sum(tf.sum(t, 3), 2) : tf.sum(tf.reshape(t, [n, c, -1]), 2)));
  const v = partial.dataSync();
  if (partial !== t) partial.dispose();
  const out = new Float64Array(c);
  for (let b = 0; b < n; b++) for (let ch = 0; ch < c; ch++) out[ch] += v[b * c + ch];
  return out;
}

/** Runs a per-channel kernel of js_kernels.ts. */
function kernel(name: string, inputs: Record<string, tf.Tensor>): tf.Tensor {
  return tf.engine().runKernel(name, inputs as tf.NamedTensorMap) as tf.Tensor;
}

/**
 * batch_norm on the wasm and cpu backends: one pass for the statistics, one for the transform, and
 * in backward one pass for the two per-channel sums and one for grad_input, straight on the NCHW
 * data (the tfjs composition above costs a dozen broadcasting kernels and a saved centred copy). The
 * [C]-sized arithmetic between the passes (invstd, the running statistics, the backward's factors and
 * the weight and bias gradients) is done here in double: as tfjs ops on [C] vectors it cost ~12 kernel
 * calls per layer and step (the tutorial Net's step: 160 calls against 110).
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
  const read = (t: Tensor | null): ArrayLike<number> | null => (t === null ? null : (t._t.dataSync() as Float32Array));
  const mean = new Float32Array(c);
  const invstd = new Float64Array(c);
  if (training) {
    const moments = compute(() => kernel("TorchlabChannelMoments", { x: input._t }));
    const mv = moments.dataSync();
    moments.dispose();
    const rm = read(running_mean);
    const rv = read(running_var);
    const newMean = new Float32Array(c);
    const newVar = new Float32Array(c);
    for (let ch = 0; ch < c; ch++) {
      mean[ch] = mv[ch];
      invstd[ch] = 1 / Math.sqrt(mv[c + ch] + eps);
      if (rm && rv) {
        newMean[ch] = (1 - momentum) * rm[ch] + momentum * mv[ch];
        newVar[ch] = (1 - momentum) * rv[ch] + (momentum * mv[c + ch] * n) / (n - 1);
      }
    }
    if (running_mean !== null && running_var !== null) {
      overwrite(running_mean._s, tf.tensor(newMean, running_mean._t.shape));
      overwrite(running_var._s, tf.tensor(newVar, running_var._t.shape));
      running_mean._bumpVersion();
      running_var._bumpVersion();
    }
  } else {
    const rm = read(running_mean) as ArrayLike<number>;
    const rv = read(running_var) as ArrayLike<number>;
    for (let ch = 0; ch < c; ch++) {
      mean[ch] = rm[ch];
      invstd[ch] = 1 / Math.sqrt(rv[ch] + eps);
    }
  }
  const w = read(weight);
  /** invstd * weight per channel: the factor ATen's kernels scale by. */
  const alpha = new Float64Array(c);
  for (let ch = 0; ch < c; ch++) alpha[ch] = w ? invstd[ch] * w[ch] : invstd[ch];
  const inputs: Tensor[] = [input];
  if (weight) inputs.push(weight);
  if (bias) inputs.push(bias);
  const f32 = (v: ArrayLike<number>): tf.Tensor1D => tf.tensor1d(Float32Array.from(v));
  const shift = read(bias) ?? new Float32Array(c);
  if (!training && nhwcActive() && layoutOf(input)?.kind === "nhwc") {
    // An input whose buffer is NHWC (ops/layout.ts): the same transform over its last axis, kept NHWC.
    return wrapNhwc(compute(() => kernel("TorchlabChannelAffineNhwc", { x: nhwcOf(input)!, center: f32(mean), scale: f32(alpha), shift: f32(shift) }) as tf.Tensor4D), [input]);
  }
  const out = compute(() => kernel("TorchlabChannelAffine", { x: input._t, center: f32(mean), scale: f32(alpha), shift: f32(shift) }));
  return record("NativeBatchNormBackward0", inputs, out, (g) => {
    if (is_forward_grad()) return batchNormJvpBackward(g, input, weight, bias, training, mean, invstd, alpha, n);
    if (is_backward_differentiable()) return batchNormGraphBackward(g, input, weight, bias, training, mean, invstd, eps);
    const needSums = (input.requires_grad && training) || (weight !== null && weight.requires_grad) || (bias !== null && bias.requires_grad);
    let sumG: ArrayLike<number> = [];
    let dotp: ArrayLike<number> = [];
    if (needSums) {
      const sums = compute(() => kernel("TorchlabChannelGradSums", { dy: g, x: input._t, mean: f32(mean) }));
      const sv = sums.dataSync();
      sums.dispose();
      sumG = sv.slice(0, c);
      dotp = sv.slice(c, 2 * c);
    }
    const grads: (tf.Tensor | null)[] = [];
    if (input.requires_grad) {
      if (training) {
        // (g - sum(g)/N - (x - mean) * dotp * invstd^2 / N) * alpha, with its per-channel factors.
        const k = new Float32Array(3 * c);
        for (let ch = 0; ch < c; ch++) {
          k[ch] = alpha[ch];
          k[c + ch] = ((dotp[ch] * invstd[ch] * invstd[ch]) / n) * alpha[ch];
          k[2 * c + ch] = (sumG[ch] / n) * alpha[ch];
        }
        grads.push(kernel("TorchlabBatchNormInputGrad", { dy: g, x: input._t, mean: f32(mean), k: tf.tensor2d(k, [3, c]) }));
      } else grads.push(kernel("TorchlabChannelAffine", { x: g, center: tf.zeros([c]), scale: f32(alpha), shift: tf.zeros([c]) }));
    } else grads.push(null);
    const perChannel = (f: (ch: number) => number, shape: number[]): tf.Tensor => tf.tensor(Float32Array.from({ length: c }, (_, ch) => f(ch)), shape);
    if (weight) grads.push(weight.requires_grad ? perChannel((ch) => dotp[ch] * invstd[ch], weight.shape) : null);
    if (bias) grads.push(bias.requires_grad ? perChannel((ch) => sumG[ch], bias.shape) : null);
    return grads;
  });
}

/**
 * Eval-mode batch norm as TorchlabChannelAffineNhwc's (and TorchlabMaxPoolNhwc's) per-channel inputs,
 * the values batchNormKernels passes: center the running mean, scale weight / sqrt(var + eps)
 * (in double, then rounded), shift the bias (or zeros).
 */
export function evalAffine(running_mean: Tensor, running_var: Tensor, weight: Tensor | null, bias: Tensor | null, eps: number): Readonly<Record<"center" | "scale" | "shift", Float32Array>> {
  const sources = [running_mean, running_var, weight, bias];
  const hit = affineCache.get(running_mean);
  if (hit !== undefined && hit.eps === eps && sources.every((t, i) => sameBuffer(t, hit.buffers[i], hit.versions[i]))) return hit.values;
  const values = computeEvalAffine(running_mean, running_var, weight, bias, eps);
  affineCache.set(running_mean, { eps, buffers: sources.map((t) => (t === null ? null : t._t)), versions: sources.map((t) => (t === null ? 0 : t._s.version)), values });
  return values;
}

/**
 * evalAffine's values per running mean, with the buffers and versions of the four tensors they were
 * read from: an eval forward reads four small buffers out of the backend per batch norm otherwise
 * (~0.1 ms each time for the tutorial Net's two). Running statistics move only in train mode, and
 * any write gives a tensor a new buffer (tfjs buffers are immutable) and a new version.
 */
interface AffineEntry {
  eps: number;
  buffers: (tf.Tensor | null)[];
  versions: number[];
  values: Readonly<Record<"center" | "scale" | "shift", Float32Array>>;
}

const affineCache = new WeakMap<Tensor, AffineEntry>();

function sameBuffer(t: Tensor | null, buffer: tf.Tensor | null, version: number): boolean {
  return t === null ? buffer === null : t._t === buffer && t._s.version === version;
}

function computeEvalAffine(running_mean: Tensor, running_var: Tensor, weight: Tensor | null, bias: Tensor | null, eps: number): Record<"center" | "scale" | "shift", Float32Array> {
  const c = running_mean.shape[0];
  const rv = running_var._t.dataSync() as Float32Array;
  const w = weight === null ? null : (weight._t.dataSync() as Float32Array);
  const scale = new Float32Array(c);
  for (let ch = 0; ch < c; ch++) {
    const invstd = 1 / Math.sqrt(rv[ch] + eps);
    scale[ch] = w ? invstd * w[ch] : invstd;
  }
  const shift = bias === null ? new Float32Array(c) : Float32Array.from(bias._t.dataSync() as Float32Array);
  return { center: Float32Array.from(running_mean._t.dataSync() as Float32Array), scale, shift };
}
