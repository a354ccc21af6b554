/** torch.addmm: beta * input + alpha * (mat1 @ mat2) in one node (F.linear's 2-D case, as in PyTorch). */
import { tf, compute, record, sumTo, fmtShape, broadcastShapes, matMul2d } from "./_core";
import type { Tensor } from "../tensor/tensor";
import { RuntimeError, ShapeError } from "../errors";

export function addmm(input: Tensor, mat1: Tensor, mat2: Tensor, beta = 1, alpha = 1): Tensor {
  if (mat1.dim() !== 2) throw new RuntimeError(`addmm(): mat1 must be a matrix, got ${mat1.dim()}-D tensor of shape ${fmtShape(mat1.shape)}`);
  if (mat2.dim() !== 2) throw new RuntimeError(`addmm(): mat2 must be a matrix, got ${mat2.dim()}-D tensor of shape ${fmtShape(mat2.shape)}`);
  const [n, k] = mat1.shape;
  const [k2, p] = mat2.shape;
  if (k !== k2) throw new ShapeError(`mat1 and mat2 shapes cannot be multiplied (${n}x${k} and ${k2}x${p})`, [k, p], mat2.shape);
  if (broadcastShapes(input.shape, [n, p])?.join(",") !== `${n},${p}`) {
    throw new ShapeError(`addmm(): input of shape ${fmtShape(input.shape)} cannot be broadcast to the product's shape [${n}, ${p}]`, [n, p], input.shape);
  }
  const out = compute(() => {
    const prod = tf.matMul(mat1._t, mat2._t);
    return tf.add(beta === 1 ? input._t : tf.mul(input._t, beta), alpha === 1 ? prod : tf.mul(prod, alpha));
  });
  return record("AddmmBackward0", [input, mat1, mat2], out, (g) => {
    const ga = alpha === 1 ? g : tf.mul(g, alpha);
    return [
      input.requires_grad ? sumTo(beta === 1 ? g : tf.mul(g, beta), input.shape) : null,
      mat1.requires_grad ? matMul2d(ga, mat2._t, false, true) : null,
      mat2.requires_grad ? matMul2d(mat1._t, ga, true, false) : null,
    ];
  });
}
