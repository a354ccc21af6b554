/**
 * Autograd semantics against PyTorch's behaviour: accumulation into leaf .grad, retain_graph, implicit
 * gradients only for scalars, detach, no_grad, requires_grad_ on integer tensors, in-place
 * modification of a saved tensor, retain_grad on non-leaves, diamonds, and gradients through integer
 * indexing (gather / index_select / tensor indices, which use UnsortedSegmentSum).
 */
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;
const vals = (t: Tensor | null) => Array.from(t!.dataSync()).map((v) => Math.round(v * 1e4) / 1e4);

describe("backward and .grad", () => {
  test("gradients accumulate into a leaf across two backward calls", () => {
    const x = torch.tensor([1.0, 2.0, 3.0], { dtype: torch.float32, requires_grad: true });
    x.mul(x).sum().backward();
    expect(vals(x.grad)).toEqual([2, 4, 6]);
    x.mul(3).sum().backward();
    expect(vals(x.grad)).toEqual([5, 7, 9]);
    expect(x.grad!.requires_grad).toBe(false);
    expect(x.grad!.grad_fn).toBeNull();
  });

  test("a second backward through a freed graph raises PyTorch's message; retain_graph keeps it", () => {
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = x.exp().sum();
    y.backward({ retain_graph: true });
    y.backward();
    expect(vals(x.grad)).toEqual(vals(x.exp().mul(2)));
    expect(() => y.backward()).toThrow(torch.RuntimeError);
    expect(() => y.backward()).toThrow(/Trying to backward through the graph a second time.*retain_graph=True/);
    const z = x.mul(2).sum();
    z.backward(null, { retain_graph: true });
    expect(() => z.backward()).not.toThrow();
  });

  test("a non-scalar output needs a gradient of its shape", () => {
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = x.mul(2);
    expect(() => y.backward()).toThrow(/grad can be implicitly created only for scalar outputs/);
    expect(() => y.backward(torch.ones(3))).toThrow(/Mismatch in shape: grad_output\[0\] has a shape of \[3\] and output\[0\] has a shape of \[2\]/);
    y.backward(torch.tensor([1.0, 0.5]));
    expect(vals(x.grad)).toEqual([2, 1]);
  });

  test("backward on a tensor that does not require grad raises", () => {
    expect(() => torch.tensor([1.0]).sum().backward()).toThrow(/element 0 of tensors does not require grad and does not have a grad_fn/);
  });

  test("a leaf's backward seeds its own grad", () => {
    const x = torch.tensor(2.0, { dtype: torch.float32, requires_grad: true });
    x.backward();
    expect(vals(x.grad)).toEqual([1]);
  });

  test("diamond: a tensor used twice gets the sum of both paths", () => {
    const x = torch.tensor([0.5, -1.0], { dtype: torch.float32, requires_grad: true });
    const a = x.mul(2);
    const y = a.exp().add(a.sin()).sum();
    y.backward();
    const want = [0.5, -1.0].map((v) => 2 * Math.exp(2 * v) + 2 * Math.cos(2 * v));
    vals(x.grad).forEach((g, i) => expect(g).toBeCloseTo(want[i], 3));
  });

  test("x used twice in one op (x * x) and many times in a chain", () => {
    const x = torch.tensor([3.0], { dtype: torch.float32, requires_grad: true });
    x.mul(x).mul(x).add(x).sum().backward();
    expect(vals(x.grad)).toEqual([28]);
  });

  test("retain_grad keeps the gradient of a non-leaf; others stay null", () => {
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const h = x.mul(3);
    h.retain_grad();
    const k = h.exp();
    expect(h.retains_grad).toBe(true);
    k.sum().backward();
    expect(vals(h.grad)).toEqual(vals(torch.tensor([3.0, 6.0]).exp()));
    expect(k.grad).toBeNull();
    expect(h.is_leaf).toBe(false);
    expect(x.is_leaf).toBe(true);
  });

  test("retain_grad on a leaf is a no-op and on a tensor without grad raises", () => {
    expect(() => torch.tensor([1.0]).retain_grad()).toThrow(/can't retain_grad on Tensor that has requires_grad=False/);
  });

  test("grad_fn and next_functions describe the graph", () => {
    const x = torch.tensor([1.0], { dtype: torch.float32, requires_grad: true });
    const y = x.mul(2).add(torch.tensor([1.0]));
    expect(y.grad_fn!.name()).toBe("AddBackward0");
    const [[mul], [none]] = y.grad_fn!.next_functions;
    expect(typeof mul === "object" && mul !== null ? mul.name() : mul).toBe("MulBackward0");
    expect(none).toBeNull();
  });
});

describe("graph recording", () => {
  test("nodes are recorded only when an input requires grad", () => {
    const a = torch.tensor([1.0, 2.0]);
    const b = a.mul(2).exp();
    expect(b.requires_grad).toBe(false);
    expect(b.grad_fn).toBeNull();
    const w = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    expect(a.add(w).requires_grad).toBe(true);
  });

  test("detach shares values and cuts the graph", () => {
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = x.mul(2);
    const d = y.detach();
    expect(d.requires_grad).toBe(false);
    expect(d.grad_fn).toBeNull();
    expect(d.is_leaf).toBe(true);
    expect(vals(d)).toEqual([2, 4]);
    const z = d.mul(x).sum();
    z.backward();
    expect(vals(x.grad)).toEqual([2, 4]);
  });

  test(".data is detached and writes through to the tensor", () => {
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    expect(x.data.requires_grad).toBe(false);
    x.data.mul_(10);
    expect(vals(x)).toEqual([10, 20]);
  });

  test("no_grad: no graph, results do not require grad, mode restored after throw", () => {
    const w = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = torch.no_grad(() => w.mul(2).sum());
    expect(y.requires_grad).toBe(false);
    expect(y.grad_fn).toBeNull();
    expect(torch.is_grad_enabled()).toBe(true);
    expect(() =>
      torch.no_grad(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(torch.is_grad_enabled()).toBe(true);
    const inner = torch.no_grad(() => torch.enable_grad(() => w.mul(2)));
    expect(inner.requires_grad).toBe(true);
  });

  test("no_grad around an async body keeps the mode until it settles", async () => {
    const w = torch.tensor([1.0], { dtype: torch.float32, requires_grad: true });
    const r = await torch.no_grad(async () => {
      await new Promise((res) => setImmediate(res));
      return w.mul(2);
    });
    expect(r.requires_grad).toBe(false);
    expect(torch.is_grad_enabled()).toBe(true);
  });

  test("requires_grad_ on an integer or bool tensor raises", () => {
    expect(() => torch.tensor([1, 2]).requires_grad_()).toThrow(torch.RuntimeError);
    expect(() => torch.tensor([1, 2]).requires_grad_()).toThrow(/only Tensors of floating point dtype can require gradients/i);
    expect(() => torch.tensor([true]).requires_grad_()).toThrow(/floating point/);
    expect(() => torch.tensor([1, 2], { requires_grad: true, dtype: torch.int64 })).toThrow(/floating point/);
  });

  test("requires_grad_ takes PyTorch's keyword form {requires_grad} (Dive-into-DL-PyTorch's w.requires_grad_(requires_grad=True))", () => {
    const w = torch.zeros(2, 1);
    expect(w.requires_grad_({ requires_grad: true })).toBe(w);
    expect(w.requires_grad).toBe(true);
    w.requires_grad_({ requires_grad: false });
    expect(w.requires_grad).toBe(false);
    expect(w.requires_grad_({}).requires_grad).toBe(true);
    // PyTorch: TypeError requires_grad_(): argument 'requires_grad' (position 1) must be bool, not int
    expect(() => w.requires_grad_(1 as unknown as boolean)).toThrow("requires_grad_(): argument 'requires_grad' (position 1) must be bool, not number");
    // PyTorch: TypeError requires_grad_() got an unexpected keyword argument 'foo'
    expect(() => w.requires_grad_({ foo: true } as never)).toThrow(/unexpected keyword argument 'foo'/);
    const net = new torch.nn.Linear(2, 1);
    net.requires_grad_({ requires_grad: false });
    expect(net.weight.requires_grad).toBe(false);
  });

  test("requires_grad can only be switched off on leaves", () => {
    const x = torch.tensor([1.0], { dtype: torch.float32, requires_grad: true });
    expect(() => x.mul(2).requires_grad_(false)).toThrow(/you can only change requires_grad flags of leaf variables/);
    x.requires_grad_(false);
    expect(x.mul(2).requires_grad).toBe(false);
  });

  test("an in-place op on a leaf that requires grad raises outside no_grad", () => {
    const w = torch.tensor([1.0], { dtype: torch.float32, requires_grad: true });
    expect(() => w.add_(1)).toThrow(/a leaf Variable that requires grad is being used in an in-place operation/);
    torch.no_grad(() => w.sub_(0.5));
    expect(vals(w)).toEqual([0.5]);
  });
});

describe("in-place ops and saved tensors", () => {
  test("modifying a tensor an op saved is detected at backward", () => {
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const a = x.mul(1);
    const b = a.mul(a);
    a.add_(1);
    expect(() => b.sum().backward()).toThrow(/one of the variables needed for gradient computation has been modified by an inplace operation/);
  });

  test("modifying the saved output of exp is detected at backward", () => {
    const x = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const y = x.exp();
    y.mul_(2);
    expect(() => y.sum().backward()).toThrow(/modified by an inplace operation.*ExpBackward0/);
  });

  test("an in-place op on a non-leaf joins the graph (relu_ after matmul)", () => {
    const x = torch.tensor([[1.5, -2.0]]);
    const w = torch.tensor([[1.0, 0.5], [2.0, -1.0]], { dtype: torch.float32, requires_grad: true });
    const h = x.matmul(w);
    h.relu_();
    expect(h.grad_fn!.name()).toBe("ReluBackward0");
    expect(vals(h)).toEqual([0, 2.75]);
    h.sum().backward();
    expect(vals(w.grad)).toEqual([0, 1.5, 0, -2]);
  });

  test("an in-place op with a grad-requiring operand makes a plain tensor part of the graph", () => {
    const w = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    const buf = torch.zeros(2);
    buf.add_(w.mul(3));
    expect(buf.requires_grad).toBe(true);
    buf.sum().backward();
    expect(vals(w.grad)).toEqual([3, 3]);
  });

  test("in-place ops under no_grad update values and versions without a graph", () => {
    const w = torch.tensor([1.0, 2.0], { dtype: torch.float32, requires_grad: true });
    torch.no_grad(() => {
      w.mul_(2);
      w.add_(torch.tensor([1.0, 1.0]), { alpha: -1 });
    });
    expect(vals(w)).toEqual([1, 3]);
    expect(w.is_leaf).toBe(true);
    expect(w.grad_fn).toBeNull();
  });
});

describe("gradients through integer indexing", () => {
  test("gather scatters gradients back, summing duplicates", () => {
    const x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], { dtype: torch.float32, requires_grad: true });
    const idx = torch.tensor([[0, 0], [2, 1]]);
    x.gather(1, idx).mul(torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward();
    expect(vals(x.grad)).toEqual([3, 0, 0, 0, 4, 3]);
  });

  test("index_select and tensor indices accumulate repeated rows", () => {
    const x = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], { dtype: torch.float32, requires_grad: true });
    x.index_select(0, torch.tensor([2, 0, 2])).sum().backward();
    expect(vals(x.grad)).toEqual([1, 1, 0, 0, 2, 2]);
    const y = torch.tensor([1.0, 2.0, 3.0], { dtype: torch.float32, requires_grad: true });
    y.index([torch.tensor([1, 1, -1])]).sum().backward();
    expect(vals(y.grad)).toEqual([0, 2, 1]);
  });

  test("an embedding-style lookup trains: row gradients of a weight matrix", () => {
    const weight = torch.randn(5, 3, { requires_grad: true });
    const ids = torch.tensor([4, 1, 4]);
    weight.index_select(0, ids).pow(2).sum().backward();
    const g = weight.grad!.tolist() as number[][];
    const w = weight.tolist() as number[][];
    expect(g[0]).toEqual([0, 0, 0]);
    g[4].forEach((v, j) => expect(v).toBeCloseTo(4 * w[4][j], 4));
    g[1].forEach((v, j) => expect(v).toBeCloseTo(2 * w[1][j], 4));
  });
});
