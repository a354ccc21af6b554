/**
 * The tfjs side of sparse COO tensors (src/tensor/sparse.ts holds the torch surface). A COO tensor is
 * `indices` (int64, [ndim, nnz]) and `values` ([nnz]); every op here takes those dense tensors and
 * records its node on `values` (and on a dense operand), so autograd reaches a sparse leaf through
 * its values, and the gradient of a sparse leaf is its values' gradient on its indices (sparse, as in PyTorch).
 */
import { Tensor } from "../tensor/tensor";
import { compute, record, tf } from "./_core";
import { sliceTf } from "../backend/wasm_kernels";

/** Row `r` of a [ndim, nnz] indices tensor as an int32 tfjs vector (inside a tidy). */
function indexRow(indices: Tensor, r: number): tf.Tensor1D {
  const nnz = indices.shape[1];
  return tf.reshape(sliceTf(indices._t, [r, 0], [1, nnz]), [nnz]) as tf.Tensor1D;
}

/**
 * `sparse @ dense` for a 2-D COO matrix of `nRows` rows: out[r] = sum over entries (r, c, v) of v * dense[c].
 * Gradients go to `values` (only at the stored entries) and to `dense`.
 */
export function spmm(name: string, indices: Tensor, values: Tensor, dense: Tensor, nRows: number): Tensor {
  const nnz = values.shape[0];
  const m = dense.shape[1];
  const out = compute(() => {
    if (nnz === 0) return tf.zeros([nRows, m], dense._t.dtype);
    const rows = indexRow(indices, 0);
    const cols = indexRow(indices, 1);
    const contrib = tf.mul(tf.gather(dense._t, cols), tf.reshape(values._t, [nnz, 1]));
    return tf.unsortedSegmentSum(contrib, rows, nRows);
  });
  return record(name, [values, dense], out, (g) => {
    if (nnz === 0) return [tf.zeros([0]), tf.zeros(dense.shape)];
    const rows = indexRow(indices, 0);
    const cols = indexRow(indices, 1);
    const gRows = tf.gather(g, rows);
    return [
      values.requires_grad ? tf.sum(tf.mul(gRows, tf.gather(dense._t, cols)), 1) : null,
      dense.requires_grad ? tf.unsortedSegmentSum(tf.mul(gRows, tf.reshape(values._t, [nnz, 1])), cols, dense.shape[0]) : null,
    ];
  });
}

/** The dense tensor of `size` holding `values` at `indices` (duplicates summed): ToDenseBackward0. */
export function toDense(indices: Tensor, values: Tensor, size: number[]): Tensor {
  const nnz = values.shape[0];
  const out = compute(() => {
    if (nnz === 0) return tf.zeros(size, values._t.dtype);
    return tf.scatterND(tf.transpose(indices._t), values._t, size);
  });
  return record("ToDenseBackward0", [values], out, (g) => [nnz === 0 ? tf.zeros([0]) : tf.gatherND(g, tf.transpose(indices._t))]);
}

/** The values of `dense` at the flat positions `flat` (row-major): the values of `dense.to_sparse()`. */
export function gatherFlat(dense: Tensor, flat: Int32Array): Tensor {
  const shape = dense.shape.slice();
  const out = compute(() => tf.gather(tf.reshape(dense._t, [-1]), tf.tensor1d(flat, "int32")));
  return record("ToSparseBackward0", [dense], out, (g) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const flatGrad = flat.length === 0 ? tf.zeros([size]) : tf.scatterND(tf.reshape(tf.tensor1d(flat, "int32"), [flat.length, 1]), g, [size]);
    return [tf.reshape(flatGrad, shape)];
  });
}

/** Sums `values` into `groups` slots by `group[k]` (coalesce, sparse.sum over dims, sparse + sparse). */
export function segmentSum(name: string, values: Tensor, group: Int32Array, groups: number): Tensor {
  const out = compute(() => (groups === 0 ? tf.zeros([0], values._t.dtype) : tf.unsortedSegmentSum(values._t, tf.tensor1d(group, "int32"), groups)));
  return record(name, [values], out, (g) => [group.length === 0 ? tf.zeros([0]) : tf.gather(g, tf.tensor1d(group, "int32"))]);
}

/** `values` again under a node of its own (a sparse result that shares its input's values: t(), transpose). */
export function passThrough(name: string, values: Tensor): Tensor {
  return record(name, [values], compute(() => tf.clone(values._t)), (g) => [g]);
}
