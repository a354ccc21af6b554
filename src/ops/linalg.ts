/** Matrix products: matmul (NumPy semantics with batch broadcasting), mm, bmm, mv, dot, outer. */
import { tf, compute, record, sumTo, as, broadcastShapes, broadcastMismatch, fmtShape, expandTo, matMul2d } from "./_core";
import * as D from "../tensor/dtype";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, ShapeError } from "../errors";
import { crossReads } from "../autograd/node";
import { reshape } from "./movement";

/** PyTorch's refusal of a product over two dtypes (`op` names it in the message where PyTorch does). */
function checkFloat(op: string, a: Tensor, b: Tensor): void {
  if (a.dtype === b.dtype) return;
  if (op === "dot") throw new RuntimeError(`dot : expected both vectors to have same dtype, but found ${a.dtype._typeName} and ${b.dtype._typeName}`);
  throw new RuntimeError(`expected scalar type ${a.dtype._typeName} but found ${b.dtype._typeName}`);
}

/** Batched product of a [..., n, k] and b [..., k, m] with broadcast batch dims. */
function batched(op: string, name: string, a: Tensor, b: Tensor): Tensor {
  const n = a.shape[a.dim() - 2];
  const k = a.shape[a.dim() - 1];
  const k2 = b.shape[b.dim() - 2];
  const m = b.shape[b.dim() - 1];
  if (k !== k2) {
    // PyTorch's text for a matrix on the right: the left side's leading dims folded into rows (a [4, 2, 3] @ [2, 3] is 8x3).
    if (b.dim() === 2) {
      const rows = a.shape.slice(0, -1).reduce((x, y) => x * y, 1);
      throw new ShapeError(`mat1 and mat2 shapes cannot be multiplied (${rows}x${k} and ${k2}x${m})`, [k, m], b.shape);
    }
    const sa = a.dim() === 2 ? `${n}x${k}` : fmtShape(a.shape);
    const sb = b.dim() === 2 ? `${k2}x${m}` : fmtShape(b.shape);
    throw new ShapeError(`${op}(): mat1 and mat2 shapes cannot be multiplied (${sa} and ${sb})`, [k, m], b.shape);
  }
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const batch = broadcastShapes(batchA, batchB);
  if (batch === null) {
    throw new ShapeError(`${op}(): ${broadcastMismatch(batchA, batchB)} (batch dimensions of ${fmtShape(a.shape)} and ${fmtShape(b.shape)})`, batchA, batchB);
  }
  const dt = a.dtype._tf === "float32" ? "float32" : "int32";
  // Any size-0 dim: the product is zeros (an empty sum) and tfjs's reshapes cannot infer sizes.
  if (a.numel() === 0 || b.numel() === 0) {
    const shape = [...batch, n, m];
    return record(name, [a, b], compute(() => tf.zeros(shape, dt)), () => [tf.zeros(a.shape), tf.zeros(b.shape)]);
  }
  const mmul = (x: tf.Tensor, y: tf.Tensor, ta: boolean, tb: boolean): tf.Tensor => {
    const bx = batch.length ? expandTo(x, [...batch, ...x.shape.slice(-2)]) : x;
    const by = batch.length ? expandTo(y, [...batch, ...y.shape.slice(-2)]) : y;
    if (batch.length === 0) return matMul2d(bx, by, ta, tb);
    if (batch.length <= 1) return tf.matMul(bx, by, ta, tb);
    const flatX = tf.reshape(bx, [-1, ...bx.shape.slice(-2)]);
    const flatY = tf.reshape(by, [-1, ...by.shape.slice(-2)]);
    const r = tf.matMul(flatX, flatY, ta, tb);
    return tf.reshape(r, [...batch, ...r.shape.slice(-2)]);
  };
  const out = compute(() => as(mmul(as(a._t, D.float32), as(b._t, D.float32), false, false), dt));
  return record(name, [a, b], out, (g) => [
    a.requires_grad ? sumTo(mmul(g, b._t, false, true), a.shape) : null,
    b.requires_grad ? sumTo(mmul(a._t, g, true, false), b.shape) : null,
  ], false, crossReads(a, b));
}

export function matmul(a: Tensor, b: Tensor): Tensor {
  checkFloat(a.dim() === 1 && b.dim() === 1 ? "dot" : "matmul", a, b);
  if (a.dim() === 0 || b.dim() === 0) {
    throw new RuntimeError(`both arguments to matmul need to be at least 1D, but they are ${a.dim()}D and ${b.dim()}D`);
  }
  if (a.dim() === 1 && b.dim() === 1) return dot(a, b);
  if (b.dim() === 1 && a.dim() === 2) return matvec("matmul", a, b);
  // The last op of PyTorch 1.13's matmul names the node: 1-D @ 2-D squeezes in place
  // (SqueezeBackward3); a folded batch ends in an unsafe view (UnsafeViewBackward0); 2-D @ batched
  // transposes a batched product back (TransposeBackward0), copied when that is not contiguous (CloneBackward0).
  if (a.dim() === 1) {
    const out = batched("matmul", "MmBackward0", a.unsqueeze(0), b);
    return reshape(out, out.shape.filter((_, i) => i !== out.dim() - 2), b.dim() === 2 ? "SqueezeBackward3" : "UnsafeViewBackward0");
  }
  if (b.dim() === 1) return reshape(batched("matmul", "MvBackward0", a, b.unsqueeze(1)), a.shape.slice(0, -1), "UnsafeViewBackward0");
  if (a.dim() > 2 && b.dim() === 2) {
    // Folded into one mm: [..., n, k] viewed as [rows, k] (ReshapeAliasBackward0), then unsafe-viewed back.
    const lead = a.shape.slice(0, -1);
    const folded = reshape(a, [lead.reduce((p, d) => p * d, 1), a.shape[a.dim() - 1]], "ReshapeAliasBackward0");
    return reshape(batched("matmul", "MmBackward0", folded, b), [...lead, b.shape[1]], "UnsafeViewBackward0");
  }
  if (a.dim() === 2 && b.dim() > 2) {
    const out = batched("matmul", "UnsafeViewBackward0", a, b);
    return reshape(out, out.shape.slice(), a.shape[0] === 1 ? "TransposeBackward0" : "CloneBackward0");
  }
  return batched("matmul", a.dim() === 2 && b.dim() === 2 ? "MmBackward0" : "UnsafeViewBackward0", a, b);
}

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 2) throw new RuntimeError(`mm(): self must be a matrix, got ${a.dim()}-D tensor of shape ${fmtShape(a.shape)}`);
  if (b.dim() !== 2) throw new RuntimeError(`mm(): mat2 must be a matrix, got ${b.dim()}-D tensor of shape ${fmtShape(b.shape)}`);
  checkFloat("mm", a, b);
  return batched("mm", "MmBackward0", a, b);
}

export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 3) throw new RuntimeError(`bmm(): batch1 must be a 3D tensor, got shape ${fmtShape(a.shape)}`);
  if (b.dim() !== 3) throw new RuntimeError(`bmm(): batch2 must be a 3D tensor, got shape ${fmtShape(b.shape)}`);
  if (a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1]) {
    const want = [a.shape[0], a.shape[2]];
    throw new ShapeError(`Expected size for first two dimensions of batch2 tensor to be: ${fmtShape(want)} but got: ${fmtShape(b.shape.slice(0, 2))}.`, want, b.shape);
  }
  checkFloat("bmm", a, b);
  return batched("bmm", "BmmBackward0", a, b);
}

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 1 || b.dim() !== 1) throw new RuntimeError(`1D tensors expected, but got ${a.dim()}D and ${b.dim()}D tensors`);
  if (a.shape[0] !== b.shape[0]) {
    throw new ShapeError(`inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`, a.shape, b.shape);
  }
  checkFloat("dot", a, b);
  const out = compute(() => tf.sum(tf.mul(a._t, b._t)));
  return record("DotBackward0", [a, b], out, (g) => [
    a.requires_grad ? tf.mul(g, b._t) : null,
    b.requires_grad ? tf.mul(g, a._t) : null,
  ]);
}

export function mv(a: Tensor, v: Tensor): Tensor {
  if (a.dim() !== 2 || v.dim() !== 1) throw new RuntimeError(`mv(): expected a matrix and a vector, got shapes ${fmtShape(a.shape)} and ${fmtShape(v.shape)}`);
  checkFloat("mv", a, v);
  return matvec("mv", a, v);
}

/** [n, k] x [k] -> [n], one node (MvBackward0) as in PyTorch. */
function matvec(op: string, a: Tensor, v: Tensor): Tensor {
  const [n, k] = a.shape;
  if (v.shape[0] !== k) {
    throw new ShapeError(`${op}(): size mismatch, got input (${n}), mat (${n}x${k}), vec (${v.shape[0]})`, [k], v.shape);
  }
  const dt = a.dtype._tf === "float32" ? "float32" : "int32";
  const out = compute(() => as(tf.reshape(tf.matMul(as(a._t, D.float32), tf.reshape(as(v._t, D.float32), [k, 1])), [n]), dt));
  return record("MvBackward0", [a, v], out, (g) => {
    const gc = tf.reshape(g, [n, 1]);
    return [
      a.requires_grad ? tf.mul(gc, tf.reshape(v._t, [1, k])) : null,
      v.requires_grad ? tf.reshape(matMul2d(a._t, gc, true, false), [k]) : null,
    ];
  });
}

export function outer(a: Tensor, b: Tensor): Tensor {
  if (a.dim() !== 1 || b.dim() !== 1) throw new RuntimeError(`outer(): expected 1-D tensors, got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
  return a.unsqueeze(1).mul(b.unsqueeze(0));
}
