/** torch.addmm: beta * input + alpha * (mat1 @ mat2) in one node (F.linear's 2-D case, as in PyTorch). */
import { tf, compute, record, sumTo, fmtShape, broadcastShapes, matMul2d, directPays } from "./_core";
import { keepsLayouts, keptLayout, paramLayout } from "./param_layouts";
import { crossReads } from "../autograd/node";
import type { Tensor } from "../tensor/tensor";
import * as V from "./view";
import { reluMaskable, reluMaskedGrad, transposedGrad } from "../autograd/backward";
import { is_backward_differentiable, is_grad_enabled } from "../autograd/grad_mode";
import { RuntimeError, ShapeError } from "../errors";
import { hasJsKernel } from "../backend/js_kernels";

/**
 * The values of the 2-D tensor that `m` is the whole transpose of (F.linear's `weight.t()`), while
 * `m` still reflects them; else null. A product with `m^T` then reads those values directly instead of
 * transposing `m` back (one Transpose kernel per Linear layer backward).
 */
function transposedBase(m: Tensor): tf.Tensor | null {
  const v = m._view;
  // A closure run as a recorded op (create_graph) reads only its node's inputs: the base is none of them.
  if (v === null || is_backward_differentiable() || v.offset !== 0 || m.dim() !== 2) return null;
  const base = v.base;
  const [r, c] = m.shape;
  if (base.dim() !== 2 || base.shape[0] !== c || base.shape[1] !== r || v.strides[0] !== 1 || v.strides[1] !== r) return null;
  return V.isStale(m) ? null : base._t;
}

/** The gradient of a broadcast `input`: for the usual [p] bias of an [n, p] product, one Sum (no keepdim reshape). */
function inputGrad(g: tf.Tensor, shape: readonly number[]): tf.Tensor {
  if (shape.length === 1 && g.rank === 2 && g.shape[1] === shape[0] && g.shape[0] !== 1) return tf.sum(g, 0);
  return sumTo(g, shape);
}

/**
 * The gradient of `mat2`, mat1^T g. When `mat2` is `w.t()` (F.linear), g^T mat1 is the gradient of
 * `w` itself: computed in that form and marked, TBackward0 hands it to `w` without transposing it
 * back, and the product's own transposes are of the small [n, p] operand instead of [k, p].
 */
function mat2Grad(m1: tf.Tensor, g: tf.Tensor, mat2: Tensor): tf.Tensor {
  if (mat2._gradFnRaw()?.name() === "TBackward0") return transposedGrad(matMul2d(g, m1, true, false));
  return matMul2d(m1, g, true, false);
}

/**
 * On wasm, F.linear's weight.t() of a parameter `w` (mat2 is its untransposed view) as a kept
 * [in, out] copy (ops/param_layouts.ts): reused while the weight's values stay, so a layer run twice
 * between optimizer steps transposes (and XNNPACK packs) its weight once. Made in grad mode when
 * matMul2d would materialise that transpose anyway; read, never made, under no_grad; null otherwise,
 * and matMul2d decides. x W^T through either form adds the same products in
 * the same order (XNNPACK accumulates each output along the shared dimension), so the values are the same.
 */
function keptTranspose(x: tf.Tensor, mat2: Tensor, w: tf.Tensor): tf.Tensor | null {
  if (tf.getBackend() !== "wasm") return null;
  const base = (mat2._view as NonNullable<Tensor["_view"]>).base;
  if (!keepsLayouts(base)) return null;
  const hit = keptLayout(base, "t");
  if (hit !== null) return hit;
  // Under no_grad only an existing copy is read: inference (and checkpoint's no_grad forward) holds no
  // second copy of a weight it did not already have.
  if (!is_grad_enabled() || !directPays(x, w, false, true)) return null;
  return paramLayout(base, "t", (t) => tf.transpose(t));
}

/**
 * Whether x w^T + bias (w [p, k], a float32 bias [p]) runs on wasm as matMul2d's swapped product,
 * (w x^T)^T, whose transpose back TorchlabAddTransposed folds into the bias add.
 */
function swappedWithBias(x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor): boolean {
  return tf.getBackend() === "wasm" && bias.rank === 1 && bias.dtype === "float32" && x.dtype === "float32" && bias.shape[0] === w.shape[0] &&
    !directPays(x, w, false, true) && hasJsKernel("TorchlabAddTransposed");
}

/**
 * The largest batch that F.linear runs through js_kernels.ts's TorchlabLinear / TorchlabLinearGrads
 * on wasm: one kernel call each way instead of XNNPACK's product with its Transpose, Reshape and bias
 * add (and in backward a Sum, a Transpose and a second product). Measured per call at k 400, p 120
 * (1 thread): forward 62-84 us against 205 at batch 4, even at 16; the gradients cost as much as the
 * product they replace at every batch (writing the [p, k] gradient dominates).
 */
const SMALL_BATCH = 16;

/**
 * Whether x w^T + bias (x [n, k], w [p, k] a weight read through F.linear's w.t(), a float32 bias [p])
 * runs as one TorchlabLinear call, and its gradients as one TorchlabLinearGrads call.
 */
function smallLinear(x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor): boolean {
  return tf.getBackend() === "wasm" && x.shape[0] <= SMALL_BATCH && x.size > 0 && w.size > 0 && x.dtype === "float32" && w.dtype === "float32" && bias.dtype === "float32" &&
    bias.rank === 1 && bias.shape[0] === w.shape[0] && hasJsKernel("TorchlabLinear");
}

export function addmm(input: Tensor, mat1: Tensor, mat2: Tensor, beta = 1, alpha = 1): Tensor {
  if (mat1.dim() !== 2) throw new RuntimeError(`addmm(): mat1 must be a matrix, got ${mat1.dim()}-D tensor of shape ${fmtShape(mat1.shape)}`);
  if (mat2.dim() !== 2) throw new RuntimeError(`addmm(): mat2 must be a matrix, got ${mat2.dim()}-D tensor of shape ${fmtShape(mat2.shape)}`);
  const [n, k] = mat1.shape;
  const [k2, p] = mat2.shape;
  if (k !== k2) throw new ShapeError(`mat1 and mat2 shapes cannot be multiplied (${n}x${k} and ${k2}x${p})`, [k, p], mat2.shape);
  if (input.dtype !== mat2.dtype) throw new RuntimeError("self and mat2 must have the same dtype");
  if (mat1.dtype !== mat2.dtype) throw new RuntimeError("mat1 and mat2 must have the same dtype");
  if (broadcastShapes(input.shape, [n, p])?.join(",") !== `${n},${p}`) {
    throw new ShapeError(`addmm(): input of shape ${fmtShape(input.shape)} cannot be broadcast to the product's shape [${n}, ${p}]`, [n, p], input.shape);
  }
  const out = compute(() => {
    // F.linear's weight.t() is read in place by the cpu backend's product (no Transpose of the weight),
    // and on wasm where its buffer was left untransposed (movement.ts's linearWeightT).
    const w = tf.getBackend() === "cpu" || mat2._s.layout?.kind === "transposed" ? transposedBase(mat2) : null;
    if (w !== null && beta === 1 && alpha === 1 && smallLinear(mat1._t, w, input._t)) {
      return tf.engine().runKernel("TorchlabLinear", { x: mat1._t, w, bias: input._t }) as tf.Tensor;
    }
    const kept = w !== null ? keptTranspose(mat1._t, mat2, w) : null;
    if (w !== null && kept === null && beta === 1 && alpha === 1 && swappedWithBias(mat1._t, w, input._t)) {
      // matMul2d's swapped product, (W x^T)^T, with the bias added while transposing back.
      return tf.engine().runKernel("TorchlabAddTransposed", { yT: tf.matMul(w, tf.transpose(mat1._t)), bias: input._t }) as tf.Tensor;
    }
    const prod = kept !== null ? tf.matMul(mat1._t, kept) : w !== null ? matMul2d(mat1._t, w, false, true) : matMul2d(mat1._t, mat2._t, false, false);
    return tf.add(beta === 1 ? input._t : tf.mul(input._t, beta), alpha === 1 ? prod : tf.mul(prod, alpha));
  });
  return record("AddmmBackward0", [input, mat1, mat2], out, (g) => {
    const fused = linearGrads(g, input, mat1, mat2, beta, alpha);
    if (fused !== null) return fused;
    const ga = alpha === 1 ? g : tf.mul(g, alpha);
    let g1: tf.Tensor | null = null;
    if (mat1.requires_grad) {
      const w = transposedBase(mat2);
      g1 = w !== null ? matMul2d(ga, w, false, false) : matMul2d(ga, mat2._t, false, true);
    }
    return [
      input.requires_grad ? inputGrad(beta === 1 ? g : tf.mul(g, beta), input.shape) : null,
      g1,
      mat2.requires_grad ? mat2Grad(mat1._t, ga, mat2) : null,
    ];
  }, false, crossReads(mat1, mat2, 1));
}

/**
 * AddmmBackward0 of F.linear at a small batch on wasm (addmm's forward ran TorchlabLinear): the
 * weight's gradient, in the form TBackward0 hands to the weight untransposed, the bias's and the
 * input's (g w), from one TorchlabLinearGrads call. Null where that does not apply.
 */
function linearGrads(g: tf.Tensor, input: Tensor, mat1: Tensor, mat2: Tensor, beta: number, alpha: number): (tf.Tensor | null)[] | null {
  if (beta !== 1 || alpha !== 1 || !mat2.requires_grad || mat2._gradFnRaw()?.name() !== "TBackward0" || g.dtype !== "float32") return null;
  const w = transposedBase(mat2);
  if (w === null || !smallLinear(mat1._t, w, input._t)) return null;
  const bias = input.requires_grad;
  const inputs: tf.NamedTensorMap = { g, x: mat1._t };
  // The input's gradient g w in the same call; over a ReLU's result, masked by its backward too.
  const masked = mat1.requires_grad && mat1._t.dtype === "float32" && reluMaskable(mat1);
  if (mat1.requires_grad) inputs.w = w;
  if (masked) inputs.y = mat1._t;
  const grads = tf.engine().runKernel("TorchlabLinearGrads", inputs, { bias }) as unknown as tf.Tensor[];
  const gx = mat1.requires_grad ? grads[grads.length - 1] : null;
  return [bias ? grads[1] : null, masked ? reluMaskedGrad(gx!) : gx, transposedGrad(grads[0])];
}
