/**
 * The two kernels behind torchvision's RoI ops, over an NCHW input read as rows of channels
 * ([N*H*W, C]): a weighted sum of rows (roi_align's bilinear samples) and a max over rows (roi_pool's
 * bins). Which rows each output cell reads, and with what weight, is worked out on the host by the
 * caller; both gradients are segment sums over the same rows.
 */
import { tf, compute, record, constant } from "./_core";
import { Tensor } from "../tensor/tensor";

const toRows = (x: tf.Tensor): tf.Tensor => {
  const [n, c, h, w] = x.shape;
  return tf.reshape(tf.transpose(x, [0, 2, 3, 1]), [n * h * w, c]);
};

/** [cells, C] -> [K, C, PH, PW] for an output grid [K, PH, PW], and back. */
const toGrid = (r: tf.Tensor, grid: number[]): tf.Tensor => tf.transpose(tf.reshape(r, [...grid, r.shape[1] as number]), [0, 3, 1, 2]);
const fromGrid = (g: tf.Tensor): tf.Tensor => tf.reshape(tf.transpose(g, [0, 2, 3, 1]), [-1, g.shape[1] as number]);

const fromRows = (r: tf.Tensor, shape: number[]): tf.Tensor => {
  const [n, c, h, w] = shape;
  return tf.transpose(tf.reshape(r, [n, h, w, c]), [0, 3, 1, 2]);
};

/**
 * out[cell, c] = sum over t of weight[cell * taps + t] * x_rows[row[cell * taps + t], c], as [cells, C].
 * returned as [K, C, PH, PW] for the output grid [K, PH, PW]. A tap of weight 0 still reads its row,
 * as torchvision's kernel does.
 */
export function weightedRows(x: Tensor, rows: Int32Array, weights: Float32Array, grid: [number, number, number], gradName: string): Tensor {
  const c = x.shape[1];
  const cells = grid[0] * grid[1] * grid[2];
  const taps = cells === 0 ? 0 : rows.length / cells;
  const idx = constant(compute(() => tf.tensor1d(rows, "int32")));
  const wt = constant(compute(() => tf.tensor2d(weights, [rows.length, 1])));
  const out = compute(() => {
    if (rows.length === 0) return tf.zeros([grid[0], c, grid[1], grid[2]]);
    const picked = tf.mul(tf.gather(toRows(x._t), idx._t), wt._t);
    return toGrid(tf.sum(tf.reshape(picked, [cells, taps, c]), 1), grid);
  });
  return record(gradName, [x], out, (g) => {
    const n = x.shape[0] * x.shape[2] * x.shape[3];
    if (rows.length === 0) return [tf.zeros(x.shape)];
    const spread = tf.mul(tf.reshape(tf.broadcastTo(tf.reshape(fromGrid(g), [cells, 1, c]), [cells, taps, c]), [rows.length, c]), wt._t);
    return [fromRows(tf.unsortedSegmentSum(spread, idx._t as tf.Tensor1D, n), x.shape)];
  });
}

/**
 * out[cell, c] = max over the cell's rows (row -1: none) of x_rows[row, c], as [K, C, PH, PW]; a
 * cell with no row is 0 and passes no gradient. The first maximum in row order wins; NaN never does
 * (torchvision compares with `>`).
 */
export function maxRows(x: Tensor, rows: Int32Array, grid: [number, number, number], gradName: string): Tensor {
  const c = x.shape[1];
  const cells = grid[0] * grid[1] * grid[2];
  const taps = cells === 0 ? 0 : rows.length / cells;
  const n = x.shape[0] * x.shape[2] * x.shape[3];
  const any = new Int32Array(cells);
  for (let i = 0; i < rows.length; i++) if (rows[i] >= 0) any[Math.floor(i / taps)] = 1;
  // Flat positions in the [N*H*W, C] rows of each cell's maximum (0 for an empty cell).
  const chosen = constant(
    compute(() => {
      if (cells === 0) return tf.zeros([0, c], "int32");
      const xr = toRows(x._t);
      const vals = tf.gather(xr, tf.tensor1d(rows.map((r) => Math.max(r, 0)), "int32"));
      const inside = tf.broadcastTo(tf.reshape(tf.tensor1d(Int32Array.from(rows, (r) => (r >= 0 ? 1 : 0)), "bool"), [rows.length, 1]), vals.shape);
      const key = tf.where(tf.logicalAnd(inside, tf.logicalNot(tf.isNaN(vals))), vals, tf.fill(vals.shape, -Infinity));
      const am = tf.cast(tf.argMax(tf.reshape(key, [cells, taps, c]), 1), "int32");
      const rowOf = tf.gather(tf.tensor1d(rows.map((r) => Math.max(r, 0)), "int32"), tf.add(am, tf.reshape(tf.range(0, cells * taps, taps, "int32"), [cells, 1])));
      return tf.add(tf.mul(rowOf, tf.scalar(c, "int32")), tf.reshape(tf.range(0, c, 1, "int32"), [1, c]));
    }),
  );
  const keep = constant(compute(() => tf.reshape(tf.tensor1d(any, "bool"), [cells, 1])));
  const out = compute(() => {
    if (cells === 0) return tf.zeros([grid[0], c, grid[1], grid[2]]);
    const v = tf.reshape(tf.gather(tf.reshape(toRows(x._t), [-1]), tf.reshape(chosen._t, [-1])), [cells, c]);
    return toGrid(tf.where(tf.broadcastTo(keep._t, [cells, c]), v, tf.zerosLike(v)), grid);
  });
  return record(gradName, [x], out, (g) => {
    if (cells === 0) return [tf.zeros(x.shape)];
    const gr = fromGrid(g);
    const masked = tf.where(tf.broadcastTo(keep._t, [cells, c]), gr, tf.zerosLike(gr));
    return [fromRows(tf.reshape(tf.unsortedSegmentSum(tf.reshape(masked, [-1]), tf.reshape(chosen._t, [-1]), n * c), [n, c]), x.shape)];
  });
}
