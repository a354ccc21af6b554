/**
 * Sparse COO tensors against PyTorch 1.13 (test/reference/gen_sparse.py -> sparse.json): construction and
 * its errors, the printed form, coalesce / to_dense / to_sparse, sparse @ dense through torch.sparse.mm,
 * torch.mm, torch.spmm and matmul with their gradients (sparse for a sparse leaf), torch.sparse.sum and
 * softmax, sparse + sparse, dense + sparse, sparse * scalar, t(), and the NotImplementedError of dense ops.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { torch } from "../../src";
import { readReference, expectClose, expectError, type Encoded } from "./fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;
type E = { type: string; message: string };
interface Ref {
  facts: Record<string, unknown>;
  errors: Record<string, E>;
  dense_op_errors: Record<string, E>;
  dense_matmul_sparse: E;
  grads: Record<string, { grad_fn: string; dense_grad: Encoded; sparse_grad_repr?: string; sparse_grad_layout?: string; values_grad?: Encoded }>;
  to_dense_grad: { grad_fn: string; grad: string };
  to_sparse_grad: { grad_fn: string; grad: Encoded; is_leaf: boolean; requires_grad: boolean };
  grad_fns: Record<string, string>;
  [k: string]: unknown;
}
const f32 = (x: number[] | number[][]): Tensor => torch.tensor(x, { dtype: torch.float32 });
const R = readReference<Ref>("sparse.json");
const enc = (k: string): Encoded => R[k] as Encoded;
const err = (e: E): [string, string] => [e.type, e.message];

const I = [[0, 1, 1, 2], [2, 0, 2, 1]];
const V = [3.0, 4.0, 5.0, 6.0];
const DUP_I = [[1, 0, 1], [0, 2, 0]];
const DUP_V = [1.0, 2.0, 3.0];
const D = [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]];
const W = [[0.5, -1.0, 2.0], [1.5, 0.0, -2.0], [0.25, 3.0, 1.0]];
const S = (o: { requires_grad?: boolean } = {}): Tensor => torch.sparse_coo_tensor(torch.tensor(I), f32(V), [3, 3], o);
const dup = (): Tensor => torch.sparse_coo_tensor(torch.tensor(DUP_I), f32(DUP_V), [2, 3]);
type Sparse = Tensor & { coalesce(): Tensor; is_coalesced(): boolean; indices(): Tensor; values(): Tensor; _indices(): Tensor; _nnz(): number };
const sp = (t: Tensor): Sparse => t as Sparse;

it("prints as PyTorch: indices, values, size, nnz, dtype, layout, requires_grad / grad_fn", () => {
  const s = S();
  expect(String(s)).toBe(R.repr);
  expect(String(dup())).toBe(R.repr_dup);
  expect(String(sp(dup()).coalesce())).toBe(R.repr_coalesced);
  expect(String(torch.sparse_coo_tensor(torch.tensor(I), torch.ones(4), [3, 3], { dtype: torch.int64 }))).toBe(R.repr_int64);
  expect(String(torch.sparse_coo_tensor(torch.tensor(I), torch.tensor(V, { dtype: torch.float64 }), [3, 3]))).toBe(R.repr_float64);
  expect(String(S({ requires_grad: true }))).toBe(R.repr_requires_grad);
  expect(String(torch.sparse_coo_tensor(torch.zeros([2, 0], { dtype: torch.long }), torch.zeros(0), [2, 2]))).toBe(R.repr_empty);
  expect(String(torch.sparse_coo_tensor(torch.tensor([[0, 4]]), f32([1.5, -2.0]), [6]))).toBe(R.repr_1d);
  expect(String(torch.sparse_coo_tensor(torch.tensor([[0, 2], [1, 0]]), f32([1.0, 2.0])))).toBe(R.repr_inferred);
  expect(String(torch.diag(f32([1.0, 0.0, 2.0])).to_sparse())).toBe(R.repr_diag);
  expect(String(torch.sparse.sum(s, { dim: 1 }))).toBe(R.repr_sum_dim1);
  expect(String(s.t())).toBe(R.repr_t);
  expect(String(s.add(s))).toBe(R.repr_add);
  expect(String(s.mul(2.5))).toBe(R.repr_mul);
});

it("layout, is_sparse, shape, nnz and the coalesced flag", () => {
  const s = sp(S());
  const d = sp(dup());
  const facts = {
    layout: String(s.layout), strided: String(torch.randn(2).layout), is_sparse: s.is_sparse, dense_is_sparse: torch.ones(2).is_sparse,
    shape: [...s.shape], dim: s.dim(), numel: s.numel(), nnz: s._nnz(), dtype: String(s.dtype),
    is_coalesced: s.is_coalesced(), dup_is_coalesced: d.is_coalesced(), coalesced_is_coalesced: sp(d.coalesce()).is_coalesced(),
    to_sparse_is_coalesced: sp(f32(D).to_sparse()).is_coalesced(), t_is_coalesced: sp(sp(s.coalesce()).t()).is_coalesced(),
    nnz1_is_coalesced: sp(torch.sparse_coo_tensor(torch.tensor([[1]]), f32([1.0]), [3])).is_coalesced(),
    is_leaf: S({ requires_grad: true }).is_leaf,
  };
  expect(facts).toEqual(R.facts);
  expect(torch.sparse_coo).toBe(s.layout);
  expect(torch.strided).toBe(torch.ones(1).layout);
});

it("to_dense, coalesce, to_sparse, sparse.mm, sparse.sum, sparse + sparse, t() and softmax values", () => {
  const s = S();
  expectClose("to_dense", s.to_dense(), enc("to_dense"));
  expectClose("dup_to_dense", dup().to_dense(), enc("dup_to_dense"));
  expectClose("coalesce_indices", sp(sp(dup()).coalesce()).indices(), enc("coalesce_indices"));
  expectClose("coalesce_values", sp(sp(dup()).coalesce()).values(), enc("coalesce_values"));
  const ds = sp(f32(D).to_sparse());
  expectClose("to_sparse_indices", ds.indices(), enc("to_sparse_indices"));
  expectClose("to_sparse_values", ds.values(), enc("to_sparse_values"));
  expectClose("mm", torch.sparse.mm(s, f32(D)), enc("mm"));
  expectClose("sum", torch.sparse.sum(s), enc("sum"));
  expectClose("sum_dim0", torch.sparse.sum(s, 0).to_dense(), enc("sum_dim0"));
  expectClose("sum_dims01", torch.sparse.sum(s, [0, 1]), enc("sum_dims01"));
  expectClose("add_dup", s.add(torch.sparse_coo_tensor(torch.tensor(DUP_I), f32(DUP_V), [3, 3])).to_dense(), enc("add_dup"));
  expectClose("t_indices", sp(s.t())._indices(), enc("t_indices"));
  expectClose("softmax", torch.sparse.softmax(s, 1).to_dense(), enc("softmax"));
  expectClose("softmax_dim0", torch.sparse.softmax(s, 0).to_dense(), enc("softmax_dim0"));
});

it("gradients: sparse.mm reaches the sparse leaf (a sparse grad) and the dense operand; mm / spmm / matmul the dense one", () => {
  const fns: Record<string, (a: Tensor, b: Tensor) => Tensor> = { "sparse.mm": torch.sparse.mm, mm: torch.mm, spmm: torch.spmm, matmul: torch.matmul };
  for (const [name, f] of Object.entries(fns)) {
    const want = R.grads[name];
    const d = torch.tensor(D, { dtype: torch.float32, requires_grad: true });
    let o = f(S(), d);
    o.mul(o).sum().backward();
    expect(`${name} ${o.grad_fn!.name()}`).toBe(`${name} ${want.grad_fn}`);
    expectClose(`${name} dense grad`, d.grad!, want.dense_grad);
    if (want.sparse_grad_repr !== undefined) {
      const sl = S({ requires_grad: true });
      o = f(sl, d);
      o.mul(o).sum().backward();
      expect(String(sl.grad)).toBe(want.sparse_grad_repr);
      expect(String(sl.grad!.layout)).toBe(want.sparse_grad_layout);
      const vv = torch.tensor(V, { dtype: torch.float32, requires_grad: true });
      o = f(torch.sparse_coo_tensor(torch.tensor(I), vv, [3, 3]), f32(D));
      o.mul(o).sum().backward();
      expectClose(`${name} values grad`, vv.grad!, want.values_grad!);
    }
  }
  const sl = S({ requires_grad: true });
  const dd = sl.to_dense();
  dd.mul(f32(W)).sum().backward();
  expect([dd.grad_fn!.name(), String(sl.grad)]).toEqual([R.to_dense_grad.grad_fn, R.to_dense_grad.grad]);
  const x = torch.tensor(D, { dtype: torch.float32, requires_grad: true });
  const xs = x.to_sparse();
  torch.sparse.sum(xs.mul(3.0)).backward();
  expect([xs.grad_fn!.name(), xs.is_leaf, xs.requires_grad]).toEqual([R.to_sparse_grad.grad_fn, R.to_sparse_grad.is_leaf, R.to_sparse_grad.requires_grad]);
  expectClose("to_sparse grad", x.grad!, R.to_sparse_grad.grad);
  const names = {
    sum: torch.sparse.sum(S({ requires_grad: true })).grad_fn!.name(),
    mul: S({ requires_grad: true }).mul(2).grad_fn!.name(),
    add: S({ requires_grad: true }).add(S()).grad_fn!.name(),
    dense_add: torch.ones(3, 3).add(S({ requires_grad: true })).grad_fn!.name(),
  };
  expect(names).toEqual(R.grad_fns);
});

it("errors: PyTorch's classes and messages, and NotImplementedError for dense ops on a sparse tensor", () => {
  const s = S();
  const dense = f32(D);
  const e = R.errors;
  expectError(() => torch.sparse_coo_tensor(torch.tensor([0, 1]), f32([1.0, 2.0]), [3]), err(e.indices_1d));
  expectError(() => torch.sparse_coo_tensor(torch.tensor([[0, 1]]), f32([1.0, 2.0, 3.0]), [3]), err(e.nnz_mismatch));
  expectError(() => torch.sparse_coo_tensor(torch.tensor([[0, -1]]), f32([1.0, 2.0]), [3]), err(e.negative));
  expectError(() => torch.sparse_coo_tensor(torch.tensor([[0, 3]]), f32([1.0, 2.0]), [3]), err(e.too_small));
  expectError(() => torch.sparse_coo_tensor(torch.tensor([[0, 1]]), f32([1.0, 2.0]), [3, 3]), err(e.ndim));
  expectError(() => sp(dup()).indices(), err(e.indices_uncoalesced));
  expectError(() => sp(dup()).values(), err(e.values_uncoalesced));
  expectError(() => torch.mm(S({ requires_grad: true }), dense), err(e.mm_requires_grad));
  expectError(() => torch.spmm(S({ requires_grad: true }), dense), err(e.spmm_requires_grad));
  expectError(() => torch.sparse.mm(s, torch.ones(2, 2)), err(e.mm_shapes));
  expectError(() => torch.sparse.mm(s, torch.ones([3, 2], { dtype: torch.float64 })), err(e.mm_dtypes));
  expectError(() => s.add(torch.sparse_coo_tensor(torch.tensor(I), f32(V), [3, 4])), err(e.add_sizes));
  expectError(() => s.add(torch.ones(3, 3)), err(e.add_sparse_dense));
  expectError(() => s.reshape(9), err(e.reshape));
  expectError(() => torch.sparse_coo_tensor(torch.zeros([3, 1], { dtype: torch.long }), torch.ones(1), [2, 2, 2]).t(), err(e.t_3d));
  const calls: Record<string, () => unknown> = {
    exp: () => s.exp(), relu: () => s.relu(), sigmoid: () => s.sigmoid(), log: () => s.log(), sum: () => s.sum(), mean: () => s.mean(),
    view: () => s.view(9), max: () => s.max(), softmax: () => s.softmax(0), log_softmax: () => s.log_softmax(0), argmax: () => s.argmax(),
  };
  expect(Object.keys(calls).sort()).toEqual(Object.keys(R.dense_op_errors).sort());
  for (const [m, f] of Object.entries(calls)) expectError(f, err(R.dense_op_errors[m]), true);
  // dense @ sparse has no kernel in PyTorch 1.13 either; ops with no sparse kernel never read the values as dense.
  expectError(() => dense.t().matmul(s), [R.dense_matmul_sparse.type, "Could not run"], true);
  expectError(() => s.abs(), ["NotImplementedError", "Could not run"], true);
  expectError(() => torch.cat([s, s]), ["NotImplementedError", "Could not run"], true);
});

it("torch.save / torch.load: PyTorch's file loads; torchlab's file is PyTorch's _rebuild_sparse_tensor form and loads back", () => {
  const saved = R.saved_reprs as Record<string, string>;
  const loaded = torch.load<Record<string, Tensor>>(path.join(__dirname, "..", "reference", "checkpoints", "sparse_coo.pt"));
  expect(Object.fromEntries(Object.entries(loaded).map(([k, v]) => [k, String(v)]))).toEqual(saved);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sparse-"));
  const f = path.join(dir, "s.pt");
  torch.save({ adj: dup(), w: f32(D), s: S().double() }, f);
  const back = torch.load<Record<string, Tensor>>(f);
  expect(Object.fromEntries(Object.entries(back).map(([k, v]) => [k, String(v)]))).toEqual(saved);
  if (process.env.TORCHLAB_SPARSE_PT) fs.copyFileSync(f, process.env.TORCHLAB_SPARSE_PT);
  fs.rmSync(dir, { recursive: true });
});
