/**
 * The shape, indexing and combination ops of src/ops/shape_extra.ts, product_extra.ts and einsum.ts
 * against PyTorch 1.13 (test/reference/shape_extra.json, written by gen_shape_extra.py): every
 * output's values and the gradients of sum(out_k * w_k); then view semantics (writes through
 * movedim/swapaxes/unfold/tensor_split reach the base, expanded views refuse them), the error
 * paths, and literal ports of user code (a meshgrid coordinate grid, einsum attention in a training loop).
 */
import { torch } from "../../src";
import { Encoded, build, decode, expectClose, readReference } from "../tensor/fixtures";

type Tensor = InstanceType<typeof torch.Tensor>;

interface ShapeCase {
  name: string;
  ts: string;
  multi: boolean;
  inputs: Record<string, Encoded>;
  out: Encoded[];
  weights?: Record<string, Encoded>;
  grads?: Record<string, Encoded>;
}

const fixture = readReference<{ torch: string; cases: ShapeCase[] }>("shape_extra.json");

function run(c: ShapeCase): { outs: Tensor[]; inputs: Record<string, Tensor> } {
  const inputs: Record<string, Tensor> = {};
  for (const [k, e] of Object.entries(c.inputs)) inputs[k] = build(e, c.grads !== undefined && k in c.grads);
  const names = Object.keys(inputs);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const f = new Function("torch", ...names, `"use strict"; return (${c.ts});`) as (...a: unknown[]) => unknown;
  const r = f(torch, ...names.map((n) => inputs[n]));
  return { outs: c.multi ? Array.from(r as ArrayLike<Tensor>) : [r as Tensor], inputs };
}

describe(`shape/indexing/combination ops against PyTorch ${fixture.torch}`, () => {
  test("the fixture covers every op of the task", () => {
    const text = fixture.cases.map((c) => c.ts).join("\n");
    const ops = [
      "einsum", "meshgrid", "roll", "tile", "unique", "unique_consecutive", "diag", "diag_embed", "diagflat", "tril_indices", "triu_indices",
      "hstack", "vstack", "dstack", "column_stack", "row_stack", "movedim", "moveaxis", "swapaxes", "swapdims", "broadcast_to", "broadcast_tensors",
      "broadcast_shapes", "repeat_interleave", "take", "take_along_dim", "searchsorted", "bucketize", "bincount", "tensor_split", "hsplit", "vsplit",
      "dsplit", "rot90", "fliplr", "flipud", "cross", "kron", "tensordot", "inner", "ger", "vdot", "cdist", "dist", "pdist", "cartesian_prod",
      "combinations", "block_diag", "ravel", "msort", "index_add", "index_copy", "index_fill", "atleast_1d", "atleast_2d", "atleast_3d",
      "chain_matmul", "addmv", "addr", "baddbmm", "addbmm", "narrow_copy", "unfold", "tril_", "triu_", "index_copy_",
    ];
    expect(ops.filter((op) => !new RegExp(`\\b${op}\\(`).test(text))).toEqual([]);
  });

  fixture.cases.forEach((c) =>
    test(`${c.name}: ${c.ts}`, () => {
      const { outs, inputs } = run(c);
      expect(outs.length).toBe(c.out.length);
      outs.forEach((o, i) => expectClose(`${c.name} out${i}`, o, c.out[i]));
      if (c.grads && c.weights) {
        let loss: Tensor | null = null;
        for (const [k, w] of Object.entries(c.weights)) {
          const term = outs[Number(k)].mul(build(w)).sum();
          loss = loss === null ? term : loss.add(term);
        }
        (loss as Tensor).backward();
        for (const [k, g] of Object.entries(c.grads)) {
          const got = inputs[k].grad ?? torch.zeros_like(inputs[k]);
          expectClose(`${c.name} grad ${k}`, got, g);
        }
      }
    }),
  );
});

describe("views share their base's data, as in PyTorch", () => {
  test("movedim / moveaxis / swapaxes / swapdims are views: writes reach the base", () => {
    const x = torch.zeros(2, 3, 4);
    const m = x.movedim(0, -1);
    expect(Array.from(m.shape)).toEqual([3, 4, 2]);
    expect(m._base).toBe(x);
    m.setitem("1, 2, 0", 5);
    expect(x.get(0, 1, 2).item()).toBe(5);
    torch.swapaxes(x, 0, 2).setitem("3, 2, 1", 7);
    expect(x.get(1, 2, 3).item()).toBe(7);
    x.swapdims(1, 2).moveaxis([0, 1], [1, 0]).fill_(1);
    expect(x.sum().item()).toBe(24);
  });

  test("a write to the base shows in the view (movedim, unfold)", () => {
    const x = torch.arange(6).float().reshape(2, 3);
    const m = torch.movedim(x, 1, 0);
    const u = x.unfold(1, 2, 1);
    x.mul_(10);
    expect(m.tolist()).toEqual([[0, 30], [10, 40], [20, 50]]);
    expect(u.tolist()).toEqual([[[0, 10], [10, 20]], [[30, 40], [40, 50]]]);
  });

  test("unfold: a non-overlapping window view writes through; strides are PyTorch's", () => {
    const x = torch.arange(10).float();
    const u = x.unfold(0, 3, 3);
    expect(u.stride()).toEqual([3, 1]);
    expect(x.unfold(0, 2, 1).stride()).toEqual([1, 1]);
    expect(torch.zeros(4, 5).unfold(1, 2, 2).stride()).toEqual([5, 2, 1]);
    u.copy_(torch.arange(9).float().reshape(3, 3).neg());
    expect(x.tolist()).toEqual([-0, -1, -2, -3, -4, -5, -6, -7, -8, 9]);
    u.get(1).mul_(0);
    expect(x.tolist()).toEqual([-0, -1, -2, -0, -0, -0, -6, -7, -8, 9]);
  });

  test("unfold: overlapping windows accept fill_ and refuse other writes (they alias base elements)", () => {
    const x = torch.arange(6).float();
    const u = x.unfold(0, 3, 1);
    u.fill_(2);
    expect(x.tolist()).toEqual([2, 2, 2, 2, 2, 2]);
    expect(() => u.mul_(2)).toThrow(/more than one element of the written-to tensor refers to a single memory location/);
  });

  test("unfold in a graph: gradient through a write into a window of a clone", () => {
    const w = torch.arange(8).float().requires_grad_();
    const y = w.clone();
    y.unfold(0, 2, 2).get(1).mul_(3);
    y.mul(torch.arange(8).float()).sum().backward();
    expect((w.grad as Tensor).tolist()).toEqual([0, 1, 6, 9, 4, 5, 6, 7]);
  });

  test("broadcast_to / broadcast_tensors / meshgrid outputs are expanded views: writes refused as PyTorch does", () => {
    const a = torch.arange(3).float();
    const b = torch.broadcast_to(a, [2, 3]);
    expect(b._base).toBe(a);
    expect(b.stride()).toEqual([0, 1]);
    expect(() => b.add_(1)).toThrow(/unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone\(\) the tensor/);
    const [gx, gy] = torch.meshgrid(a, torch.arange(2).float(), { indexing: "ij" });
    expect(gx._base).toBe(a);
    expect(gy.stride()).toEqual([0, 1]);
    expect(() => gx.mul_(2)).toThrow(/more than one element/);
    const [p, q] = torch.broadcast_tensors(a, torch.zeros(2, 1));
    expect(Array.from(p.shape)).toEqual([2, 3]);
    expect(Array.from(q.shape)).toEqual([2, 3]);
    a.add_(1);
    expect(b.tolist()).toEqual([[1, 2, 3], [1, 2, 3]]);
  });

  test("tensor_split / hsplit pieces are views that write through (not multi-output views)", () => {
    const x = torch.zeros(7);
    const [p0, p1, p2] = torch.tensor_split(x, 3);
    expect(p0._base).toBe(x);
    p1.fill_(1);
    p2.add_(2);
    expect(x.tolist()).toEqual([0, 0, 0, 1, 1, 2, 2]);
    const w = torch.ones(4).requires_grad_();
    const y = w.mul(1);
    torch.hsplit(y, 2)[1].mul_(3);
    y.sum().backward();
    expect((w.grad as Tensor).tolist()).toEqual([1, 1, 3, 3]);
  });

  test("ravel is a view of a contiguous tensor and a copy of a transposed one; atleast_1d returns its input", () => {
    const x = torch.zeros(2, 3);
    x.ravel().setitem(4, 9);
    expect(x.get(1, 1).item()).toBe(9);
    const c = torch.ravel(x.t());
    c.fill_(0);
    expect(x.sum().item()).toBe(9);
    expect(torch.atleast_1d(x)).toBe(x);
    expect(torch.atleast_2d(torch.tensor(3)).tolist()).toEqual([[3]]);
  });

  test("diag of a matrix is a copy, einsum 'ij->ji' a view", () => {
    const x = torch.arange(4).float().reshape(2, 2).clone();
    const d = torch.diag(x);
    d.fill_(-1);
    expect(x.tolist()).toEqual([[0, 1], [2, 3]]);
    const t = torch.einsum("ij->ji", x);
    expect(t._base).toBe(x);
  });

  test("index_copy_ and tril_/triu_ write in place, through views too, with gradients", () => {
    const base = torch.zeros(3, 3);
    base.get(1).index_copy_(0, torch.tensor([2, 0]), torch.tensor([5.5, 6.5]));
    expect(base.tolist()).toEqual([[0, 0, 0], [6.5, 0, 5.5], [0, 0, 0]]);
    const w = torch.ones(3, 3).requires_grad_();
    const y = w.mul(2);
    y.tril_();
    y.sum().backward();
    expect((w.grad as Tensor).tolist()).toEqual([[2, 0, 0], [2, 2, 0], [2, 2, 2]]);
    const z = torch.ones(2, 2);
    z.triu_(1);
    expect(z.tolist()).toEqual([[0, 1], [0, 0]]);
    const acc = torch.ones(2, 2);
    acc.addbmm_(torch.ones(1, 2, 3), torch.ones(1, 3, 2).mul(0.5), { beta: 2 }).addr_(torch.tensor([1.5, 0.5]), torch.tensor([2.0, 1.0]));
    expect(acc.tolist()).toEqual([[6.5, 5], [4.5, 4]]);
    const v = torch.zeros(2);
    v.addmv_(torch.ones(2, 3), torch.tensor([0.5, 1.5, 2.5]), { alpha: 2 });
    expect(v.tolist()).toEqual([9, 9]);
  });
});

describe("grad_fn names are PyTorch 1.13's", () => {
  test.each<[string, (w: Tensor, v: Tensor) => Tensor, string]>([
    ["movedim", (w) => torch.movedim(w, 0, 1), "PermuteBackward0"],
    ["unfold", (w) => w.unfold(0, 2, 1), "UnfoldBackward0"],
    ["swapaxes", (w) => torch.swapaxes(w, 0, 1), "TransposeBackward0"],
    ["broadcast_to", (_w, v) => torch.broadcast_to(v, [2, 3]), "ExpandBackward0"],
    ["tile", (w) => torch.tile(w, [2]), "RepeatBackward0"],
    ["rot90", (w) => torch.rot90(w), "Rot90Backward0"],
    ["take_along_dim", (w) => torch.take_along_dim(w, torch.tensor([[0]]), 1), "GatherBackward0"],
    ["index_fill", (w) => torch.index_fill(w, 0, torch.tensor([0]), 1), "IndexFillBackward0"],
    ["hstack", (_w, v) => torch.hstack([v, v]), "CatBackward0"],
    ["tensor_split", (_w, v) => torch.tensor_split(v, 2)[0], "SliceBackward0"],
    ["ravel", (w) => torch.ravel(w), "ViewBackward0"],
    ["diagflat", (_w, v) => torch.diagflat(v), "DiagBackward0"],
    ["diag", (_w, v) => torch.diag(v), "DiagBackward0"],
    ["diag_embed", (_w, v) => torch.diag_embed(v), "DiagEmbedBackward0"],
    ["take", (w) => torch.take(w, torch.tensor([0])), "TakeBackward0"],
    ["roll", (_w, v) => torch.roll(v, 1), "RollBackward0"],
    ["index_copy", (_w, v) => torch.index_copy(v, 0, torch.tensor([0]), torch.ones(1)), "IndexCopyBackward0"],
    ["block_diag", (w) => torch.block_diag(w), "BlockDiagBackward0"],
    ["repeat_interleave", (_w, v) => torch.repeat_interleave(v, 2), "IndexSelectBackward0"],
  ])("%s", (_name, f, want) => {
    const w = torch.randn(3, 3, { requires_grad: true });
    const v = torch.randn(3, { requires_grad: true });
    expect(f(w, v).grad_fn?.name()).toBe(want);
  });
});

describe("dtypes: PyTorch's int64 results are int32 here", () => {
  test("unique / searchsorted / bucketize / bincount / tril_indices return int32", () => {
    const [u, inv, cnt] = torch.unique(torch.tensor([1.5, 0.5, 1.5]), { return_inverse: true, return_counts: true });
    expect([u.dtype, inv.dtype, cnt.dtype]).toEqual([torch.float32, torch.int64, torch.int64]);
    expect(torch.searchsorted(torch.tensor([1.0, 2.0]), torch.tensor([1.5]), { out_int32: true }).dtype).toBe(torch.int32);
    expect(torch.bucketize(torch.tensor([1.5]), torch.tensor([1.0, 2.0])).dtype).toBe(torch.int64);
    expect(torch.bincount(torch.tensor([0, 2])).dtype).toBe(torch.int64);
    expect(torch.bincount(torch.tensor([0, 2]), torch.tensor([0.5, 1.5])).dtype).toBe(torch.float32);
    expect(torch.tril_indices(3, 3).dtype).toBe(torch.int64);
    expect(torch.tril_indices(3, 3, { dtype: torch.float32 }).dtype).toBe(torch.float32);
  });
});

describe("errors name the op and the shapes", () => {
  let x: Tensor;
  beforeAll(() => {
    x = torch.zeros(2, 3);
  });
  test.each<[string, () => unknown, RegExp]>([
    ["einsum rank", () => torch.einsum("ijk->i", x), /einsum\(\): the number of subscripts in the equation \(3\) does not match the number of dimensions \(2\) for operand 0 and no ellipsis was given/],
    ["einsum operands", () => torch.einsum("ij,jk->ik", x), /einsum\(\): fewer operands were provided than specified in the equation/],
    ["einsum sizes", () => torch.einsum("ij,ij->i", x, torch.zeros(2, 4)), /einsum\(\): subscript j has size 4 for operand 1 which does not broadcast with previously seen size 3 \(operand 1 has shape \[2, 4\]\)/],
    ["einsum bad char", () => torch.einsum("i1->i", x), /einsum\(\): invalid subscript/],
    ["einsum output twice", () => torch.einsum("ij->ii", x), /output subscript i appears more than once/],
    ["einsum unknown output", () => torch.einsum("ij->k", x), /output subscript k does not appear/],
    ["meshgrid 2-D", () => torch.meshgrid(x, torch.zeros(2)), /torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: \[2, 3\]/],
    ["meshgrid indexing", () => torch.meshgrid(torch.zeros(2), { indexing: "yx" as "xy" }), /indexing must be one of "xy" or "ij"/],
    ["meshgrid option typo", () => torch.meshgrid(torch.zeros(2), { index: "ij" } as { indexing?: "ij" }), /unexpected keyword argument 'index'/],
    ["unfold size", () => x.unfold(1, 4, 1), /unfold\(\): maximum size for tensor at dimension 1 is 3 but size is 4 \(input shape \[2, 3\]\)/],
    ["unfold step", () => x.unfold(1, 2, 0), /step is 0 but must be > 0/],
    ["roll align", () => torch.roll(x, [1, 2], [0]), /shifts and dimensions must align. shifts: 2, dims: 1/],
    ["movedim repeated", () => torch.movedim(x, [0, 0], [0, 1]), /movedim: repeated dim in `source`/],
    ["movedim lengths", () => torch.movedim(x, [0, 1], [0]), /movedim: Invalid source or destination dims/],
    ["movedim range", () => torch.movedim(x, 2, 0), /Dimension out of range \(expected to be in range of \[-2, 1\], but got 2\)/],
    ["tensor_split 0", () => torch.tensor_split(x, 0), /number of sections must be larger than 0, got 0/],
    ["tensor_split 0-d", () => torch.tensor_split(torch.tensor(1), 2), /tensor_split expected at least a 1-dimensional tensor/],
    ["hsplit divisible", () => torch.hsplit(x, 2), /torch.hsplit attempted to split along dimension 1, but the size of the dimension 3 is not divisible by the split_size 2!/],
    ["dsplit rank", () => torch.dsplit(x, 1), /torch.dsplit requires a tensor with at least 3 dimensions, but got a tensor with 2 dimensions/],
    ["take range", () => torch.take(x, torch.tensor([6])), /take\(\): out of range: tried to access index 6 on a tensor of 6 elements\. \(input shape \[2, 3\]\)/],
    ["take float index", () => torch.take(x, torch.tensor([0.5])), /take\(\): Expected a long tensor for index/],
    ["take_along_dim rank", () => torch.take_along_dim(x, torch.tensor([0]), 0), /input and indices should have the same number of dimensions, but got 2 dimensions for input, and 1 dimensions for indices/],
    ["searchsorted side", () => torch.searchsorted(torch.zeros(3), torch.zeros(1), { side: "left", right: true }), /side and right can't be set to opposites/],
    ["searchsorted N-D", () => torch.searchsorted(torch.zeros(2, 3), torch.zeros(3, 1)), /boundaries tensor \[2, 3\] and input value tensor \[3, 1\]/],
    ["bucketize 2-D", () => torch.bucketize(torch.zeros(2), x), /boundaries tensor must be 1 dimension, but got dim\(2\)/],
    ["bincount negative", () => torch.bincount(torch.tensor([1, -1])), /bincount only supports 1-d non-negative integral inputs/],
    ["bincount float", () => torch.bincount(torch.tensor([1.5])), /bincount only supports 1-d non-negative integral inputs. \(got torch.float32 of shape \[1\]\)/],
    ["cross no 3", () => torch.cross(torch.zeros(6, 1), torch.zeros(6, 1)), /no dimension of size 3/],
    ["cross length", () => torch.cross(x, x, 0), /linalg.cross: inputs dimension 0 must have length 3. Got 2 and 2/],
    ["cdist columns", () => torch.cdist(x, torch.zeros(4, 2)), /X1 and X2 must have the same number of columns. X1: 3 X2: 2/],
    ["cdist p", () => torch.cdist(x, x, -1), /cdist only supports non-negative p values/],
    ["pdist rank", () => torch.pdist(torch.zeros(2, 2, 2)), /pdist only supports 2D tensors, got: 3D/],
    ["tensordot sizes", () => torch.tensordot(x, x, 1), /contracted dimensions need to match, but first has size 3 in dim 1 and second has size 2 in dim 0/],
    ["inner last dims", () => torch.inner(x, torch.zeros(2)), /inner\(\) the last dimension must match on both input tensors but got shapes \[2, 3\] and \[2\]/],
    ["kron type", () => torch.kron(x, 2 as unknown as Tensor), /kron\(\): argument 'other' must be Tensor, not number/],
    ["index_add source", () => torch.index_add(x, 0, torch.tensor([0]), torch.zeros(2, 3)), /index_add\(\): source of shape \[2, 3\] does not match self \[2, 3\] with dim 0 replaced by the number of indices \(1\): expected \[1, 3\]/],
    ["index_add dtype", () => torch.index_add(x, 0, torch.tensor([0]), torch.zeros(1, 3).int()), /self \(torch.float32\) and source \(torch.int32\) must have the same scalar type/],
    ["index_copy range", () => torch.index_copy(x, 1, torch.tensor([3]), torch.zeros(2, 1)), /index_copy\(\): index 3 is out of bounds for dimension 1 with size 3/],
    ["index_fill value", () => torch.index_fill(x, 0, torch.tensor([0]), torch.zeros(2)), /index_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension/],
    ["index vector", () => torch.index_fill(x, 0, torch.tensor([[0]]), 1), /Index is supposed to be a vector, got shape \[1, 1\]/],
    ["diag 3-D", () => torch.diag(torch.zeros(2, 2, 2)), /diag\(\): Supports 1D or 2D tensors. Got 3D \(shape \[2, 2, 2\]\)/],
    ["diag_embed dims", () => torch.diag_embed(x, 0, 1, 1), /diagonal dimensions cannot be identical 1, 1/],
    ["block_diag rank", () => torch.block_diag(torch.zeros(1, 1, 1)), /Input tensors must have 2 or fewer dimensions. Input 0 has 3 dimensions/],
    ["combinations rank", () => torch.combinations(x), /combinations\(\): Expect a 1D vector, but got shape \[2, 3\]/],
    ["rot90 dims", () => torch.rot90(x, 1, [0, 0]), /expected rotation dims to be different/],
    ["fliplr rank", () => torch.fliplr(torch.zeros(3)), /fliplr\(\): Input must be >= 2-d/],
    ["repeat_interleave size", () => torch.repeat_interleave(x, torch.tensor([1, 2]), 1), /repeats must have the same size as input along dim, but got repeats.size\(0\) = 2 and input.size\(1\) = 3/],
    ["repeat_interleave negative", () => torch.repeat_interleave(x, -1), /repeats can not be negative/],
    ["broadcast_to", () => torch.broadcast_to(x, [3, 3]), /The expanded size of the tensor \(3\) must match the existing size \(2\) at non-singleton dimension 0/],
    ["broadcast_shapes", () => torch.broadcast_shapes([2], [3]), /Shape mismatch: objects cannot be broadcast to a single shape \(shapes \[2\], \[3\]\)/],
    ["chain_matmul rank", () => torch.chain_matmul(x, torch.zeros(3)), /chain_matmul\(\): Tensor dimension is 1, expected 2 instead/],
    ["addmv input", () => torch.addmv(torch.zeros(3), x, torch.zeros(3)), /addmv\(\): input of shape \[3\] cannot be broadcast to the product's shape \[2\]/],
    ["addr vectors", () => torch.addr(x, x, torch.zeros(3)), /addr: Expected 1-D argument vec1 and vec2, but got shapes \[2, 3\] and \[3\]/],
    ["tril_indices negative", () => torch.tril_indices(-1, 2), /tril_indices\(\): row must be non-negative, got -1/],
  ])("%s", (_name, f, re) => {
    expect(f).toThrow(re);
  });

  test("unique and bincount(weights) have no derivative: backward through them raises, as in PyTorch", () => {
    const w = torch.tensor([1.0, 2.0, 1.0], { dtype: torch.float32, requires_grad: true });
    const u = torch.unique(w);
    expect(u.requires_grad).toBe(true);
    expect(() => u.sum().backward()).toThrow(/the derivative for '_unique2' is not implemented/);
    const b = torch.bincount(torch.tensor([0, 1, 1]), w);
    expect(() => b.sum().backward()).toThrow(/derivative for aten::bincount is not implemented/);
    expect(u.grad_fn?.name()).toBe("Unique2Backward0");
    expect(torch.unique_consecutive(w, { dim: 0 }).grad_fn?.name()).toBe("UniqueConsecutiveBackward0");
    expect(torch.unique(w.reshape(3, 1), { dim: 1 }).grad_fn?.name()).toBe("UniqueDimBackward0");
  });
});

describe("literal ports of user code", () => {
  test("a coordinate grid from meshgrid + stack inside a function (as in flow/NeRF code)", () => {
    function makeGrid(h: number, w: number): Tensor {
      const ys = torch.linspace(-1, 1, h);
      const xs = torch.linspace(-1, 1, w);
      const [gy, gx] = torch.meshgrid(ys, xs, { indexing: "ij" });
      return torch.stack([gx, gy], -1); // [h, w, 2], (x, y) per pixel
    }
    const grid = makeGrid(3, 5);
    expect(Array.from(grid.shape)).toEqual([3, 5, 2]);
    const g = grid.tolist() as number[][][];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 5; j++) {
        expect(g[i][j][0]).toBeCloseTo(-1 + j * 0.5, 6);
        expect(g[i][j][1]).toBeCloseTo(-1 + i, 6);
      }
    }
    // The same grid in Cartesian ('xy') indexing has its dims the other way round.
    const [gx, gy] = torch.meshgrid(torch.linspace(-1, 1, 5), torch.linspace(-1, 1, 3), { indexing: "xy" });
    expect(torch.stack([gx, gy], -1).equal(grid)).toBe(true);
  });

  test("einsum attention scores inside a function train like the matmul version", () => {
    torch.manual_seed(0);
    const B = 2;
    const H = 2;
    const T = 4;
    const D = 3;
    function attention(q: Tensor, k: Tensor, v: Tensor): Tensor {
      const scores = torch.einsum("bhqd,bhkd->bhqk", q, k).div(Math.sqrt(q.size(-1)));
      const weights = scores.softmax(-1);
      return torch.einsum("bhqk,bhkd->bhqd", weights, v);
    }
    function attentionMatmul(q: Tensor, k: Tensor, v: Tensor): Tensor {
      const scores = q.matmul(k.transpose(-2, -1)).div(Math.sqrt(q.size(-1)));
      return scores.softmax(-1).matmul(v);
    }
    function train(attn: (q: Tensor, k: Tensor, v: Tensor) => Tensor): number[] {
      torch.manual_seed(1);
      const x = torch.randn(B, H, T, D);
      const target = torch.randn(B, H, T, D);
      const wq = torch.randn(D, D).mul(0.5).requires_grad_();
      const wk = torch.randn(D, D).mul(0.5).requires_grad_();
      const opt = new torch.optim.SGD([wq, wk], { lr: 0.1 });
      const losses: number[] = [];
      for (let step = 0; step < 5; step++) {
        opt.zero_grad();
        const q = torch.einsum("bhtd,de->bhte", x, wq);
        const k = x.matmul(wk);
        const loss = attn(q, k, x).sub(target).pow(2).mean();
        loss.backward();
        opt.step();
        losses.push(loss.item());
      }
      return losses;
    }
    const a = train(attention);
    const b = train(attentionMatmul);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
    expect(a[4]).toBeLessThan(a[0]);
  });
});
