/**
 * The out-of-place writes through a view: torch.select_scatter, slice_scatter, diagonal_scatter
 * (a copy of `input` with the view's elements replaced by `src`), and torch.index_reduce. The
 * view's element positions come from applying the view to a tensor of flat offsets; the result is
 * one gather of input and src (flatGather), whose gradient splits between the two as PyTorch's:
 * zero at the written positions for input, the view of the gradient for src.
 */
import { normDim, fmtShape, describe } from "./_core";
import * as D from "../tensor/dtype";
import { Tensor } from "../tensor/tensor";
import * as M from "./movement";
import { arange, tensor } from "./creation";
import { flatGather } from "./shape_extra";
import { scatter_reduce } from "./scatter";
import { IndexError, RuntimeError, TypeError } from "../errors";

function need(op: string, a: unknown, name: string): Tensor {
  if (a instanceof Tensor) return a;
  throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${describe(a)}`);
}

/** A copy of `input` whose elements at the view's positions (`view` applied to flat offsets) are src's. */
function scatterView(name: string, input: Tensor, src: Tensor, view: (offsets: Tensor) => Tensor): Tensor {
  const n = input.numel();
  const offsets = arange(n, { dtype: D.int32 }).reshape(input.shape.length ? input.shape : []);
  const where = view(offsets);
  if (where.shape.length !== src.shape.length || where.shape.some((s, i) => s !== src.shape[i])) {
    throw new RuntimeError(`expected src to have a size equal to the slice of self. src size = ${fmtShape(src.shape)}, slice size = ${fmtShape(where.shape)}`);
  }
  const pos = where.contiguous()._t.dataSync() as Int32Array;
  const map = Int32Array.from({ length: n }, (_, i) => i);
  pos.forEach((p, j) => (map[p] = n + j));
  const s = src.dtype === input.dtype ? src : src.to(input.dtype);
  return flatGather(name, [input, s], map, input.shape.slice(), input.dtype);
}

/**
 * `input` with `input.select(dim, index)` replaced by `src` (out of place).
 * @example torch.select_scatter(torch.zeros(2, 2), torch.ones(2), 0, 0)  // [[1, 1], [0, 0]]
 */
export function select_scatter(input: Tensor, src: Tensor, dim: number, index: number): Tensor {
  need("select_scatter", input, "input");
  need("select_scatter", src, "src");
  const d = normDim(dim, input.dim(), "select_scatter");
  const size = input.shape[d];
  if (!Number.isInteger(index) || index < -size || index >= size) {
    throw new IndexError(`select(): index ${index} out of range for tensor of size ${fmtShape(input.shape)} at dimension ${d}`);
  }
  return scatterView("SelectScatterBackward0", input, src, (o) => M.select(o, d, index));
}

/**
 * `input` with the slice `start:end:step` of `dim` replaced by `src` (out of place); start/end as
 * Python's slice bounds (null: the whole dim, negatives from the end, clamped).
 */
export function slice_scatter(input: Tensor, src: Tensor, dim = 0, start: number | null = null, end: number | null = null, step = 1): Tensor {
  need("slice_scatter", input, "input");
  need("slice_scatter", src, "src");
  if (!Number.isInteger(step) || step <= 0) throw new RuntimeError("slice step must be positive");
  const d = normDim(dim, input.dim(), "slice_scatter");
  const size = input.shape[d];
  const clampBound = (v: number | null, dflt: number): number => (v === null ? dflt : Math.min(Math.max(v < 0 ? v + size : v, 0), size));
  const lo = clampBound(start, 0);
  const hi = Math.max(clampBound(end, size), lo);
  const picked: number[] = [];
  for (let i = lo; i < hi; i += step) picked.push(i);
  return scatterView("SliceScatterBackward0", input, src, (o) => M.index_select(o, d, tensor(picked, { dtype: D.int64 })));
}

/**
 * `input` with its diagonal (`offset`, over dims `dim1`, `dim2`, as torch.diagonal) replaced by `src`.
 * @example torch.diagonal_scatter(torch.zeros(3, 3), torch.ones(3))  // the identity
 */
export function diagonal_scatter(input: Tensor, src: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  need("diagonal_scatter", input, "input");
  need("diagonal_scatter", src, "src");
  return scatterView("DiagonalScatterBackward0", input, src, (o) => M.diagonal(o, offset, dim1, dim2));
}

export type IndexReduce = "prod" | "mean" | "amax" | "amin";

/**
 * `input` with the slices of `source` reduced into the slices `index` of `dim` (`reduce` one of
 * "prod", "mean", "amax", "amin"); `include_self` false leaves input's old values of the reached
 * slices out. The gradient is scatter_reduce's, as PyTorch's.
 */
export function index_reduce(input: Tensor, dim: number, index: Tensor, source: Tensor, reduce: IndexReduce, include_self = true): Tensor {
  const op = "index_reduce";
  need(op, input, "input");
  need(op, index, "index");
  need(op, source, "source");
  if (!["prod", "mean", "amax", "amin"].includes(reduce)) throw new RuntimeError(`index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got ${String(reduce)}.`);
  const d = normDim(dim, Math.max(input.dim(), 1), op);
  if (index.dim() > 1) throw new IndexError("index_reduce_(): Index is supposed to be a vector");
  if (index.dtype._tf !== "int32") throw new RuntimeError(`index_reduce_(): Expected a long or int tensor for index, but got ${index.dtype._typeName}`);
  const nIdx = index.numel();
  const srcDim = source.dim() === 0 ? 1 : source.shape[d];
  if (nIdx !== srcDim) throw new RuntimeError(`index_reduce_(): Number of indices (${nIdx}) should be equal to source.size(dim): (${srcDim}), for dim: ${d}`);
  if (source.dtype !== input.dtype) throw new RuntimeError("index_reduce_(): self and source expected to have the same dtype");
  if (source.dim() !== input.dim() || source.shape.some((sz, k) => k !== d && sz !== input.shape[k])) {
    throw new RuntimeError(`index_reduce_(): source ${fmtShape(source.shape)} must have the shape of self ${fmtShape(input.shape)} except in dim ${d}`);
  }
  // index along dim, broadcast over source's other dims: scatter_reduce's index.
  const shape = source.shape.map((_, k) => (k === d ? nIdx : 1));
  const full = index.reshape(shape).expand(source.shape).contiguous();
  return scatter_reduce(input, d, full, source, reduce, include_self, "IndexReduceBackward0");
}
