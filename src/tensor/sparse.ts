/**
 * Sparse COO tensors as PyTorch 1.13 has them (`torch.sparse_coo_tensor`, `x.to_sparse()`), for graph
 * networks: an int64 `indices` [ndim, nnz] and 1-D `values` [nnz] (no hybrid dense dims). A SparseTensor
 * is a Tensor to the type checker, so `torch.mm(adj, h)` reads as in PyTorch, but any dense op that is
 * not implemented here raises PyTorch's NotImplementedError instead of reading the values as a dense array.
 * Autograd reaches a sparse tensor through its values: the grad of a sparse leaf is sparse, its
 * values' gradient on its indices.
 */
import type { tf } from "../backend/tf";
import { Tensor, _sparseHooks, type DType } from "./tensor";
import * as D from "./dtype";
import { Size } from "./size";
import { Layout, sparse_coo } from "./layouts";
import { formatValues, addSuffixes } from "./repr";
import { isOptions, parseArgs } from "./args";
import { NotImplementedError, RuntimeError, TypeError } from "../errors";
import { is_grad_enabled } from "../autograd/grad_mode";
import type { Node } from "../autograd/node";
import * as K from "../ops/sparse";
import { tensor as makeTensor, from_typed } from "../ops/creation";
import { cat } from "../ops/movement";

const fmtSize = (s: readonly number[]): string => `(${s.join(", ")}${s.length === 1 ? "," : ""})`;

function notOnSparse(aten: string): NotImplementedError {
  return new NotImplementedError(
    `Could not run '${aten}' with arguments from the 'SparseCPU' backend. This could be because the operator doesn't exist for this backend (torchlab's sparse COO tensors have torch.sparse.mm, torch.mm, torch.spmm, matmul, torch.sparse.sum, torch.sparse.softmax, add, mul, t, transpose, coalesce and to_dense; call .to_dense() for the rest).`,
  );
}

function indexInt64(rows: number[][] | Int32Array[], nnz: number): Tensor {
  const flat = new Int32Array(rows.length * nnz);
  rows.forEach((r, i) => flat.set(r, i * nnz));
  return from_typed(flat, [rows.length, nnz], { dtype: D.int64 });
}

function indexRows(indices: Tensor): Int32Array[] {
  const [ndim, nnz] = indices.shape;
  const flat = Int32Array.from(indices.to(D.int64).contiguous().reshape([-1]).tolist() as number[]);
  return Array.from({ length: ndim }, (_, d) => flat.subarray(d * nnz, (d + 1) * nnz));
}

/** Groups entries by their linear index over `dims` of `size`: sorted unique keys, and each entry's slot. */
function groupBy(rows: Int32Array[], size: number[], dims: number[]): { group: Int32Array; keys: number[][] } {
  const nnz = rows.length === 0 ? 0 : rows[0].length;
  const lin = new Float64Array(nnz);
  for (let k = 0; k < nnz; k++) {
    let v = 0;
    for (const d of dims) v = v * size[d] + rows[d][k];
    lin[k] = v;
  }
  const uniq = Array.from(new Set(lin)).sort((a, b) => a - b);
  const slot = new Map(uniq.map((v, i) => [v, i]));
  const group = Int32Array.from(lin, (v) => slot.get(v)!);
  const keys = dims.map((d) => {
    const row = new Array<number>(uniq.length);
    for (let k = 0; k < nnz; k++) row[group[k]] = rows[d][k];
    return row;
  });
  return { group, keys };
}

export class SparseTensor extends Tensor {
  /** @internal */ _ix: Tensor;
  /** @internal */ _vals: Tensor;
  /** @internal */ _size: number[];
  /** @internal */ _coalesced: boolean;

  /** @internal use torch.sparse_coo_tensor or x.to_sparse(). */
  constructor(indices: Tensor, values: Tensor, size: number[], coalesced: boolean) {
    super(values._t, values._s);
    this._ix = indices;
    this._vals = values;
    this._size = size;
    this._coalesced = coalesced;
  }

  /** @internal a sparse tensor has no dense buffer: a dense op reaching it is PyTorch's NotImplementedError. */
  get _t(): tf.Tensor {
    throw notOnSparse("this dense operator");
  }
  get layout(): Layout {
    return sparse_coo;
  }
  get is_sparse(): boolean {
    return true;
  }
  get shape(): Size {
    return Size._frozen(this._size);
  }
  get ndim(): number {
    return this._size.length;
  }
  dim(): number {
    return this._size.length;
  }
  numel(): number {
    return this._size.reduce((a, b) => a * b, 1);
  }
  get grad_fn(): Node | null {
    return this._vals.grad_fn;
  }
  set grad_fn(_node: Node | null) {
    throw new RuntimeError("a sparse tensor's grad_fn is its values'");
  }
  get requires_grad(): boolean {
    return this._vals.requires_grad;
  }
  set requires_grad(v: boolean) {
    this._vals.requires_grad = v;
  }
  requires_grad_(requires_grad = true): this {
    this._vals.requires_grad_(requires_grad);
    return this;
  }
  detach(): Tensor {
    return new SparseTensor(this._ix, this._vals.detach(), this._size, this._coalesced);
  }
  clone(): Tensor {
    return new SparseTensor(this._ix.clone(), this._vals.clone(), this._size, this._coalesced);
  }
  to(...args: Parameters<Tensor["to"]>): Tensor {
    const v = this._vals.to(...args);
    return v === this._vals ? this : new SparseTensor(this._ix, v, this._size, this._coalesced);
  }
  sparse_dim(): number {
    return this._size.length;
  }
  dense_dim(): number {
    return 0;
  }

  // ------------------------------------------------------------ COO parts
  _nnz(): number {
    return this._vals.shape[0];
  }
  _indices(): Tensor {
    return this._ix;
  }
  _values(): Tensor {
    return this._vals;
  }
  indices(): Tensor {
    if (!this._coalesced) throw new RuntimeError("Cannot get indices on an uncoalesced tensor, please call .coalesce() first");
    return this._ix;
  }
  values(): Tensor {
    if (!this._coalesced) throw new RuntimeError("Cannot get values on an uncoalesced tensor, please call .coalesce() first");
    return this._vals;
  }
  is_coalesced(): boolean {
    return this._coalesced;
  }
  /** Sorted indices, duplicates summed (CoalesceBackward0 when the values need a gradient). */
  coalesce(): SparseTensor {
    if (this._coalesced) return this;
    const rows = indexRows(this._ix);
    const { group, keys } = groupBy(rows, this._size, this._size.map((_, d) => d));
    const values = K.segmentSum("CoalesceBackward0", this._vals, group, keys[0]?.length ?? 0);
    return new SparseTensor(indexInt64(keys, keys[0]?.length ?? 0), values, this._size, true);
  }
  to_dense(): Tensor {
    return K.toDense(this._ix, this._vals, this._size);
  }
  to_sparse(): Tensor {
    return this;
  }

  // ------------------------------------------------------------ math
  /** sparse @ dense -> dense (torch.mm's MmBackward0; the sparse operand must not require grad, as in PyTorch). */
  mm(other: Tensor): Tensor {
    if (this.requires_grad && is_grad_enabled()) {
      throw new RuntimeError("The backward pass for this operation requires the 'self' tensor to be strided, but a sparse tensor was given instead. Please either use a strided tensor or set requires_grad=False for 'self'");
    }
    return spmm("MmBackward0", this, other);
  }
  matmul(other: Tensor): Tensor {
    return this.mm(other);
  }
  add(other: Tensor | number | boolean, options?: { alpha?: number }): Tensor {
    if (!(other instanceof SparseTensor)) {
      if (other instanceof Tensor) throw new RuntimeError("add(sparse, dense) is not supported. Use add(dense, sparse) instead.");
      throw notOnSparse("aten::add.Tensor");
    }
    if (this._size.length !== other._size.length || this._size.some((s, i) => s !== other._size[i])) {
      throw new RuntimeError(`add: expected sizes of 'self' and 'other' to match, but [${this._size.join(", ")}] != [${other._size.join(", ")}]`);
    }
    const dt = D.promoteTypes(this.dtype, other.dtype);
    const alpha = options?.alpha ?? 1;
    const ov = alpha === 1 ? other._vals.to(dt) : other._vals.to(dt).mul(alpha);
    const values = cat([this._vals.to(dt), ov], 0);
    const rows = indexRows(cat([this._ix, other._ix], 1));
    const { group, keys } = groupBy(rows, this._size, this._size.map((_, d) => d));
    const summed = K.segmentSum("AddBackward0", values, group, keys[0]?.length ?? 0);
    return new SparseTensor(indexInt64(keys, keys[0]?.length ?? 0), summed, this._size, true);
  }
  mul(other: Tensor | number | boolean): Tensor {
    if (other instanceof Tensor) {
      if (other.dim() !== 0 || other.is_sparse) throw notOnSparse("aten::mul.Tensor");
    }
    return new SparseTensor(this._ix, this._vals.mul(other), this._size, this._coalesced);
  }
  div(other: Tensor | number | boolean): Tensor {
    if (other instanceof Tensor && (other.dim() !== 0 || other.is_sparse)) throw notOnSparse("aten::div.Tensor");
    return new SparseTensor(this._ix, this._vals.div(other), this._size, this._coalesced);
  }
  neg(): Tensor {
    return new SparseTensor(this._ix, this._vals.neg(), this._size, this._coalesced);
  }
  t(): Tensor {
    if (this._size.length > 2) throw new RuntimeError(`t() expects a tensor with <= 2 sparse and 0 dense dimensions, but got ${this._size.length} sparse and 0 dense dimensions`);
    return this._size.length < 2 ? this : this._swap(0, 1, "TBackward0");
  }
  transpose(dim0: number | { dim0: number; dim1: number }, dim1?: number | { dim1: number }): Tensor {
    const o = parseArgs("transpose", [dim0, dim1].filter((a) => a !== undefined), ["dim0", "dim1"]);
    const n = this._size.length;
    const norm = (d: number): number => (d < 0 ? d + n : d);
    return this._swap(norm(o.dim0 as number), norm(o.dim1 as number), "TransposeBackward0");
  }
  private _swap(a: number, b: number, name: string): Tensor {
    const rows = indexRows(this._ix);
    [rows[a], rows[b]] = [rows[b], rows[a]];
    const size = this._size.slice();
    [size[a], size[b]] = [size[b], size[a]];
    const values = this._vals.requires_grad ? K.passThrough(name, this._vals) : this._vals;
    return new SparseTensor(indexInt64(rows, this._nnz()), values, size, this._coalesced && a === b);
  }
  reshape(..._shape: unknown[]): Tensor {
    throw new RuntimeError("reshape is not implemented for sparse tensors");
  }

  // ------------------------------------------------------------ printing
  toString(): string {
    const kind = this.dtype._tf === "float32" ? "float" : this.dtype._tf === "int32" ? "int" : "bool";
    const ix = this._ix;
    let ixStr = formatValues(ix.reshape([-1]).tolist() as number[], ix.shape.slice(), "int", 22);
    if (ix.numel() === 0) ixStr += `, size=${fmtSize(ix.shape)}`;
    const v = this._vals.detach();
    let vStr = formatValues(v.tolist() as number[], v.shape.slice(), kind, 21);
    if (v.numel() === 0) vStr += `, size=${fmtSize(v.shape)}`;
    const suffixes = [`size=${fmtSize(this._size)}`, `nnz=${this._nnz()}`];
    const deflt = D.defaultFloatDtype();
    if (this.dtype !== deflt && this.dtype !== D.int64 && this.dtype !== D.bool) suffixes.push(`dtype=${this.dtype}`);
    suffixes.push("layout=torch.sparse_coo");
    const fn = this.grad_fn;
    if (fn) suffixes.push(`grad_fn=<${fn._typeName()}>`);
    else if (this.requires_grad) suffixes.push("requires_grad=True");
    // PyTorch starts a sparse tensor's suffixes on a line of their own.
    const body = `tensor(indices=tensor(${ixStr}),\n       values=tensor(${vStr})` + ",\n       " + suffixes[0];
    return addSuffixes(body, suffixes.slice(1), 7);
  }
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString() };
  }
}

// PyTorch keeps a sparse leaf's gradient sparse: its values' gradient on its indices.
Object.defineProperty(SparseTensor.prototype, "grad", {
  get(this: SparseTensor): Tensor | null {
    const g = this._vals.grad;
    return g === null ? null : new SparseTensor(this._ix, g, this._size, this._coalesced);
  },
  set(this: SparseTensor, g: Tensor | null) {
    // The Tensor constructor sets grad = null before the values exist.
    if (this._vals === undefined) return;
    if (g !== null && !(g instanceof SparseTensor)) throw new RuntimeError("assigned grad has data of a different type");
    this._vals.grad = g === null ? null : g._vals;
  },
});

// Dense ops PyTorch has no SparseCPU kernel for: its NotImplementedError, naming the aten op.
const DENSE_ONLY: Record<string, string> = {
  exp: "aten::exp", log: "aten::log", relu: "aten::relu", sigmoid: "aten::sigmoid", sum: "aten::sum.dim_IntList",
  mean: "aten::mean.dim", view: "aten::view", max: "aten::max", min: "aten::min", softmax: "aten::_softmax",
  log_softmax: "aten::_log_softmax", argmax: "aten::argmax", argmin: "aten::argmin",
};
for (const [method, aten] of Object.entries(DENSE_ONLY)) {
  Object.defineProperty(SparseTensor.prototype, method, {
    value: function (): never {
      throw notOnSparse(aten);
    },
    writable: true,
    configurable: true,
  });
}

function spmm(name: string, a: SparseTensor, b: Tensor): Tensor {
  if (!(b instanceof Tensor) || b.is_sparse) throw notOnSparse("aten::mm");
  if (a.dim() !== 2) throw new RuntimeError(`sparse.mm(): self must be a matrix, got ${a.dim()}-D tensor`);
  if (b.dim() !== 2) throw new RuntimeError(`addmm: matrices expected, got ${b.dim()}D tensor`);
  if (b.shape[0] !== a.shape[1]) throw new RuntimeError(`addmm: Argument #3 (dense): Expected dim 0 size ${a.shape[1]}, got ${b.shape[0]}`);
  if (a.dtype !== b.dtype) throw new RuntimeError(`expected scalar type ${a.dtype._typeName} but found ${b.dtype._typeName}`);
  return K.spmm(name, a._ix, a._vals, b, a.shape[0]);
}

type SparseOptions = { size?: number[]; dtype?: DType | string; requires_grad?: boolean; device?: unknown };

/**
 * A sparse COO tensor holding `values` at `indices` (int64 [ndim, nnz]); `size` defaults to the smallest
 * that holds the indices. Nothing is coalesced: duplicate indices sum when used.
 * @example torch.sparse_coo_tensor([[0, 1], [1, 0]], [3.0, 4.0], [2, 2]).to_dense()  // [[0, 3], [4, 0]]
 */
export function sparse_coo_tensor(indices: Tensor | number[][], values: Tensor | number[], ...args: [size?: number[] | SparseOptions, options?: SparseOptions]): Tensor {
  const o = parseArgs("sparse_coo_tensor", args.filter((a) => a !== undefined), ["size", "dtype", "requires_grad", "device"]);
  const sizeArg = o.size === null ? undefined : (o.size as number[] | undefined);
  const ix = indices instanceof Tensor ? indices : makeTensor(indices);
  let v = values instanceof Tensor ? values : makeTensor(values);
  if (o.dtype !== undefined && o.dtype !== null) v = v.to(o.dtype as DType);
  if (ix.dim() !== 2) throw new RuntimeError(`indices must be sparse_dim x nnz, but got: [${ix.shape.join(", ")}]`);
  if (v.dim() !== 1) throw new NotImplementedError(`sparse_coo_tensor(): values of shape [${v.shape.join(", ")}] would give a hybrid tensor (dense_dim ${v.dim() - 1}); torchlab's sparse COO tensors take 1-D values`);
  const [ndim, nnz] = ix.shape;
  if (nnz !== v.shape[0]) throw new RuntimeError(`indices and values must have same nnz, but got nnz from indices: ${nnz}, nnz from values: ${v.shape[0]}`);
  const rows = indexRows(ix);
  for (let d = 0; d < ndim; d++) {
    const neg = rows[d].find((x) => x < 0);
    if (neg !== undefined) throw new RuntimeError(`found negative index ${neg} for dim ${d}`);
  }
  const size = sizeArg !== undefined ? Array.from(sizeArg) : rows.map((r) => (r.length === 0 ? 0 : Math.max(...r) + 1));
  if (size.length !== ndim) throw new RuntimeError(`number of dimensions must be sparse_dim (${ndim}) + dense_dim (0), but got ${size.length}`);
  for (let d = 0; d < ndim; d++) {
    const max = rows[d].length === 0 ? -1 : Math.max(...rows[d]);
    if (max >= size[d]) throw new RuntimeError(`size is inconsistent with indices: for dim ${d}, size is ${size[d]} but found index ${max}`);
  }
  if (o.requires_grad === true) v = v.detach().requires_grad_(true);
  return new SparseTensor(ix.dtype === D.int64 ? ix : ix.to(D.int64), v, size, nnz < 2);
}

/** `x.to_sparse()`: the nonzero elements of a dense tensor, coalesced (ToSparseBackward0). */
function toSparse(x: Tensor): Tensor {
  const size = x.shape.slice();
  const flatVals = x.detach().reshape([-1]).tolist() as number[];
  const flat: number[] = [];
  flatVals.forEach((v, i) => {
    if (v !== 0) flat.push(i);
  });
  const rows = size.map(() => new Int32Array(flat.length));
  flat.forEach((f, k) => {
    for (let d = size.length - 1; d >= 0; d--) {
      rows[d][k] = f % size[d];
      f = Math.floor(f / size[d]);
    }
  });
  return new SparseTensor(indexInt64(rows, flat.length), K.gatherFlat(x, Int32Array.from(flat)), size, true);
}
_sparseHooks.toSparse = toSparse;
_sparseHooks.addDense = (a, b, alpha) => a.add(alpha === 1 ? (b as SparseTensor).to_dense() : (b as SparseTensor).to_dense().mul(alpha));

function asSparse(op: string, x: Tensor): SparseTensor {
  if (!(x instanceof SparseTensor)) throw new TypeError(`${op}(): expected a sparse tensor (layout=torch.sparse_coo), got ${x instanceof Tensor ? "a dense (torch.strided) tensor" : typeof x}`);
  return x;
}

/** torch.sparse.mm: sparse @ dense with gradients to both (the sparse one's is sparse): SparseAddmmBackward0. */
export function sparse_mm(mat1: Tensor, mat2: Tensor): Tensor {
  return spmm("SparseAddmmBackward0", asSparse("sparse.mm", mat1), mat2);
}

/** torch.mm / torch.spmm / torch.matmul given a sparse first operand. */
export function sparseAwareMm(a: Tensor, b: Tensor): Tensor | null {
  return a instanceof SparseTensor ? a.mm(b) : null;
}

/** torch.sparse.sum: all elements (a dense 0-d tensor), or over `dim` (sparse unless no dim is left). */
export function sparse_sum(input: Tensor, dim?: number | number[] | { dim?: number | number[] }): Tensor {
  const s = asSparse("sparse.sum", input);
  const d = isOptions(dim) ? dim.dim : dim;
  if (d === undefined) return s._vals.sum();
  const n = s.dim();
  const dims = (Array.isArray(d) ? d : [d]).map((x) => (x < 0 ? x + n : x));
  const keep = s._size.map((_, i) => i).filter((i) => !dims.includes(i));
  if (keep.length === 0) return s._vals.sum();
  const rows = indexRows(s._ix);
  const { group, keys } = groupBy(rows, s._size, keep);
  const m = keys[0].length;
  return new SparseTensor(indexInt64(keys, m), K.segmentSum("SparseSumBackward0", s._vals, group, m), keep.map((i) => s._size[i]), true);
}

/** torch.sparse.softmax: softmax over the stored entries along `dim`; missing entries count as -inf. */
export function sparse_softmax(input: Tensor, dim: number | { dim: number }): Tensor {
  const s = asSparse("sparse.softmax", input).coalesce();
  const d0 = isOptions(dim) ? dim.dim : dim;
  const d = d0 < 0 ? d0 + s.dim() : d0;
  const rows = indexRows(s._ix);
  const { group, keys } = groupBy(rows, s._size, s._size.map((_, i) => i).filter((i) => i !== d));
  const m = keys.length === 0 ? 1 : keys[0].length;
  const vals = s._vals.detach().tolist() as number[];
  const max = new Array<number>(m).fill(-Infinity);
  vals.forEach((v, k) => (max[group[k]] = Math.max(max[group[k]], v)));
  const g = makeTensor(Array.from(group), { dtype: D.int64 });
  const e = s._vals.sub(makeTensor(max).index_select(0, g)).exp();
  const total = K.segmentSum("SumBackward1", e, group, m);
  return new SparseTensor(s._ix, e.div(total.index_select(0, g)), s._size, true);
}
