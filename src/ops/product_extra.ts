/**
 * Products and distances built from existing differentiable ops (so autograd is theirs): cross,
 * kron, tensordot, inner, cdist/dist/pdist, chain_matmul, and the fused-looking addmv/addr/
 * baddbmm/addbmm (beta * input + alpha * product).
 */
import { tf, compute, record, numelOf, fmtShape, normDim, broadcastShapes, expandTo, sumTo, describe } from "./_core";
import { Tensor } from "../tensor/tensor";
import { RuntimeError, ShapeError, TypeError } from "../errors";
import * as M from "./movement";
import * as L from "./linalg";
import * as E from "./elementwise";
import * as R from "./reduce";
import { renameGradFn } from "../autograd/node";

function need(op: string, name: string, x: unknown): asserts x is Tensor {
  if (!(x instanceof Tensor)) throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${describe(x)}`);
}

/** Cross product along `dim` (default: the first dim of size 3), inputs broadcast together. */
export function cross(a: Tensor, b: Tensor, dim?: number | null): Tensor {
  need("cross", "other", b);
  const shape = broadcastShapes(a.shape, b.shape);
  if (shape === null) throw new ShapeError(`linalg.cross: inputs ${fmtShape(a.shape)} and ${fmtShape(b.shape)} cannot be broadcast`, a.shape, b.shape);
  let d: number;
  if (dim === undefined || dim === null) {
    d = shape.indexOf(3);
    if (d < 0) throw new RuntimeError(`cross(): no dimension of size 3 in input (shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)})`);
  } else d = normDim(dim, shape.length, "cross");
  if (shape[d] !== 3 || (a.dim() === shape.length && a.shape[d] !== 3) || (b.dim() === shape.length && b.shape[d] !== 3)) {
    throw new RuntimeError(`linalg.cross: inputs dimension ${d} must have length 3. Got ${a.shape[d - (shape.length - a.dim())] ?? 1} and ${b.shape[d - (shape.length - b.dim())] ?? 1}`);
  }
  const x = M.expand(a, shape);
  const y = M.expand(b, shape);
  const c = (t: Tensor, i: number): Tensor => M.narrow(t, d, i, 1);
  const comp = (i: number, j: number): Tensor => E.sub(E.mul(c(x, i), c(y, j)), E.mul(c(x, j), c(y, i)));
  return M.cat([comp(1, 2), comp(2, 0), comp(0, 1)], d);
}

/** Kronecker product: blocks a[i, j] * b, for any number of dims (the shorter shape padded with leading 1s). */
export function kron(a: Tensor, b: Tensor): Tensor {
  need("kron", "other", b);
  const nd = Math.max(a.dim(), b.dim());
  const sa = [...Array(nd - a.dim()).fill(1), ...a.shape];
  const sb = [...Array(nd - b.dim()).fill(1), ...b.shape];
  const ra = M.reshape(a, sa.flatMap((s) => [s, 1]), "ReshapeAliasBackward0");
  const rb = M.reshape(b, sb.flatMap((s) => [1, s]), "ReshapeAliasBackward0");
  return M.reshape(E.mul(ra, rb), sa.map((s, i) => s * sb[i]), "ReshapeAliasBackward0");
}

/** Sums products over dims `dims[0]` of a and `dims[1]` of b (an int n: a's last n with b's first n). */
export function tensordot(a: Tensor, b: Tensor, dims: number | [number[], number[]] | [number, number] | Tensor = 2): Tensor {
  need("tensordot", "b", b);
  let da: number[];
  let db: number[];
  if (dims instanceof Tensor) dims = dims.dim() === 0 ? dims.item() : (dims.tolist() as [number[], number[]]);
  if (typeof dims === "number") {
    const k = dims;
    if (!Number.isInteger(k) || k < 0) throw new RuntimeError(`tensordot expects dims >= 0, but got dims=${k}`);
    if (k > a.dim() || k > b.dim()) throw new RuntimeError(`tensordot expects dims < ndim_a or ndim_b, but got dims=${k} (shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)})`);
    da = Array.from({ length: k }, (_, i) => a.dim() - k + i);
    db = Array.from({ length: k }, (_, i) => i);
  } else {
    const [x, y] = dims;
    da = (typeof x === "number" ? [x] : x).map((d) => normDim(d, a.dim(), "tensordot"));
    db = (typeof y === "number" ? [y] : y).map((d) => normDim(d, b.dim(), "tensordot"));
  }
  if (da.length !== db.length) throw new RuntimeError(`both dimension lists should have same length (got ${da.length} and ${db.length})`);
  da.forEach((d, i) => {
    if (a.shape[d] !== b.shape[db[i]]) {
      throw new ShapeError(`contracted dimensions need to match, but first has size ${a.shape[d]} in dim ${d} and second has size ${b.shape[db[i]]} in dim ${db[i]} (shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)})`, a.shape, b.shape);
    }
  });
  const fa = [...Array(a.dim()).keys()].filter((d) => !da.includes(d));
  const fb = [...Array(b.dim()).keys()].filter((d) => !db.includes(d));
  const K = numelOf(da.map((d) => a.shape[d]));
  const A = M.reshape(M.permute(a, [...fa, ...da]), [numelOf(fa.map((d) => a.shape[d])), K], "ReshapeAliasBackward0");
  const B = M.reshape(M.permute(b, [...db, ...fb]), [K, numelOf(fb.map((d) => b.shape[d]))], "ReshapeAliasBackward0");
  return M.reshape(L.mm(A, B), [...fa.map((d) => a.shape[d]), ...fb.map((d) => b.shape[d])], "ReshapeAliasBackward0");
}

/** Sum over the last dims of both (a product with a 0-d input). */
export function inner(a: Tensor, b: Tensor): Tensor {
  need("inner", "other", b);
  if (a.dim() === 0 || b.dim() === 0) return E.mul(a, b);
  if (a.shape[a.dim() - 1] !== b.shape[b.dim() - 1]) {
    throw new ShapeError(`inner() the last dimension must match on both input tensors but got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`, a.shape, b.shape);
  }
  return tensordot(a, b, [[-1], [-1]]);
}

/** The p-norm over the last dim of `diff` (p=0: the count of non-zeros, with a zero gradient). */
function pnormLast(diff: Tensor, p: number, dims: number | null): Tensor {
  const dd = dims === null ? undefined : dims;
  if (p === 0) return E.add(R.sum(E.mul(diff, 0), dd), R.sum(E.ne(diff, 0).float(), dd));
  return R.norm(diff, p, dd);
}

function checkP(op: string, p: number): void {
  if (typeof p !== "number" || Number.isNaN(p)) throw new TypeError(`${op}(): argument 'p' must be a number, not ${String(p)}`);
  if (p < 0) throw new RuntimeError(`${op} only supports non-negative p values (got ${p})`);
}

/** p-norm distances between the rows of x1 [..., P, M] and x2 [..., R, M]: [..., P, R] (batch dims broadcast). */
export function cdist(x1: Tensor, x2: Tensor, p = 2): Tensor {
  need("cdist", "x2", x2);
  checkP("cdist", p);
  if (x1.dim() < 2) throw new RuntimeError(`cdist only supports at least 2D tensors, X1 got: ${x1.dim()}D (shape ${fmtShape(x1.shape)})`);
  if (x2.dim() < 2) throw new RuntimeError(`cdist only supports at least 2D tensors, X2 got: ${x2.dim()}D (shape ${fmtShape(x2.shape)})`);
  if (x1.shape[x1.dim() - 1] !== x2.shape[x2.dim() - 1]) {
    throw new ShapeError(`X1 and X2 must have the same number of columns. X1: ${x1.shape[x1.dim() - 1]} X2: ${x2.shape[x2.dim() - 1]} (shapes ${fmtShape(x1.shape)} and ${fmtShape(x2.shape)})`, x1.shape, x2.shape);
  }
  if (x1.dtype._tf !== "float32" || x2.dtype._tf !== "float32") throw new RuntimeError(`cdist only supports floating-point dtypes, X1 got: ${x1.dtype}, X2 got: ${x2.dtype}`);
  const diff = E.sub(M.unsqueeze(x1, -2), M.unsqueeze(x2, -3));
  return pnormLast(diff, p, -1);
}

/** The p-norm of a - b (broadcast), a 0-d tensor. */
export function dist(a: Tensor, b: Tensor, p = 2): Tensor {
  need("dist", "other", b);
  checkP("dist", p);
  return renameGradFn(pnormLast(E.sub(a, b), p, null), "DistBackward0", [a, b]);
}

/** p-norm distances between each pair of rows i < j of x [N, M], in row-major order: [N(N-1)/2]. */
export function pdist(x: Tensor, p = 2): Tensor {
  checkP("pdist", p);
  if (x.dim() !== 2) throw new RuntimeError(`pdist only supports 2D tensors, got: ${x.dim()}D (shape ${fmtShape(x.shape)})`);
  const n = x.shape[0];
  const is: number[] = [];
  const js: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    is.push(i);
    js.push(j);
  }
  const idx = (v: number[]): Tensor => Tensor._wrap(compute(() => tf.tensor1d(v, "int32")));
  const diff = E.sub(M.index_select(x, 0, idx(is)), M.index_select(x, 0, idx(js)));
  return pnormLast(diff, p, -1);
}

export function chain_matmul(matrices: Tensor[]): Tensor {
  if (matrices.length === 0) throw new RuntimeError("chain_matmul(): Expected one or more matrices");
  matrices.forEach((m, i) => {
    need("chain_matmul", `matrices[${i}]`, m);
    if (m.dim() !== 2) throw new RuntimeError(`chain_matmul(): Tensor dimension is ${m.dim()}, expected 2 instead. (matrix ${i} of shape ${fmtShape(m.shape)})`);
  });
  if (matrices.length === 1) return M.clone(matrices[0]);
  return matrices.slice(1).reduce((acc, m) => L.mm(acc, m), matrices[0]);
}

/**
 * beta * input broadcast to `shape`, one node; beta = 0 ignores input's values (nan and inf
 * included) but still gives it a (zero) gradient, as PyTorch does.
 */
function scaledInput(op: string, input: Tensor, beta: number, shape: number[]): Tensor {
  need(op, "input", input);
  if (broadcastShapes(input.shape, shape)?.join(",") !== shape.join(",")) {
    throw new ShapeError(`${op}(): input of shape ${fmtShape(input.shape)} cannot be broadcast to the product's shape ${fmtShape(shape)}`, shape, input.shape);
  }
  const dt = input.dtype._tf === "bool" ? "int32" : input.dtype._tf;
  const out = compute(() => {
    if (beta === 0) return tf.zeros(shape, dt);
    const x = tf.reshape(tf.cast(input._t, dt), [...Array(shape.length - input.dim()).fill(1), ...input.shape]);
    return expandTo(beta === 1 ? x : tf.mul(x, tf.scalar(beta, dt)), shape);
  });
  return record("MulBackward0", [input], out, (g) => [sumTo(beta === 1 ? g : tf.mul(g, beta), input.shape)]);
}

function addProduct(op: string, input: Tensor, prod: Tensor, beta: number, alpha: number, factors: Tensor[]): Tensor {
  const scaled = alpha === 1 ? prod : E.mul(prod, alpha);
  // PyTorch's node for the whole op: BaddbmmBackward0, AddmvBackward0, AddrBackward0, AddbmmBackward0.
  return renameGradFn(E.add(scaledInput(op, input, beta, prod.shape.slice()), scaled), `${op[0].toUpperCase()}${op.slice(1)}Backward0`, [input, ...factors]);
}

export function addmv(input: Tensor, mat: Tensor, vec: Tensor, beta = 1, alpha = 1): Tensor {
  need("addmv", "mat", mat);
  need("addmv", "vec", vec);
  return addProduct("addmv", input, L.mv(mat, vec), beta, alpha, [mat, vec]);
}

export function addr(input: Tensor, vec1: Tensor, vec2: Tensor, beta = 1, alpha = 1): Tensor {
  need("addr", "vec1", vec1);
  need("addr", "vec2", vec2);
  if (vec1.dim() !== 1 || vec2.dim() !== 1) throw new RuntimeError(`addr: Expected 1-D argument vec1 and vec2, but got shapes ${fmtShape(vec1.shape)} and ${fmtShape(vec2.shape)}`);
  return addProduct("addr", input, L.outer(vec1, vec2), beta, alpha, [vec1, vec2]);
}

export function baddbmm(input: Tensor, batch1: Tensor, batch2: Tensor, beta = 1, alpha = 1): Tensor {
  need("baddbmm", "batch1", batch1);
  need("baddbmm", "batch2", batch2);
  return addProduct("baddbmm", input, L.bmm(batch1, batch2), beta, alpha, [batch1, batch2]);
}

/** beta * input + alpha * the sum over the batch of batch1[i] @ batch2[i]. */
export function addbmm(input: Tensor, batch1: Tensor, batch2: Tensor, beta = 1, alpha = 1): Tensor {
  need("addbmm", "batch1", batch1);
  need("addbmm", "batch2", batch2);
  return addProduct("addbmm", input, R.sum(L.bmm(batch1, batch2), 0), beta, alpha, [batch1, batch2]);
}
