/**
 * What views share and what PyTorch refuses: strides and contiguity (values printed by PyTorch
 * 1.13's stride() / storage_offset() / is_contiguous()), view() vs reshape() on non-contiguous
 * input, detach()/.data sharing, the errors PyTorch raises for in-place writes on views (each
 * message as PyTorch words it), grad_fn names after in-place writes, x[i] in plain scripts, and
 * memory staying bounded while views are made and written in a loop.
 */
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;
const vals = (t: Tensor) => Array.from(t.dataSync()).map((v) => Math.round(v * 1e4) / 1e4);

describe("strides and contiguity as PyTorch's", () => {
  const x = () => torch.zeros(2, 3, 4);
  test.each([
    ["transpose(0, 2)", (t: Tensor) => t.transpose(0, 2), [1, 4, 12], 0],
    ["index(':, 1')", (t: Tensor) => t.index(":, 1"), [12, 1], 4],
    ["index('..., ::2')", (t: Tensor) => t.index("..., ::2"), [12, 4, 2], 0],
    ["index('1, :, 1:')", (t: Tensor) => t.index("1, :, 1:"), [4, 1], 13],
    ["diagonal(0, 1, 2)", (t: Tensor) => t.diagonal(0, 1, 2), [12, 5], 0],
    ["diagonal(1, 1, 2)", (t: Tensor) => t.diagonal(1, 1, 2), [12, 5], 1],
    ["get(0).expand(5, 3, 4)", (t: Tensor) => t.get(0).expand(5, 3, 4), [0, 4, 1], 0],
    ["unsqueeze(1)", (t: Tensor) => t.unsqueeze(1), [12, 12, 4, 1], 0],
    ["transpose(0, 1).unsqueeze(0)", (t: Tensor) => t.transpose(0, 1).unsqueeze(0), [12, 4, 12, 1], 0],
    ["expand(2, 2, 3, 4).unsqueeze(2)", (t: Tensor) => t.expand(2, 2, 3, 4).unsqueeze(2), [0, 12, 12, 4, 1], 0],
  ])("%s", (_name, f, stride, offset) => {
    const v = f(x());
    expect(v.stride()).toEqual(stride);
    expect(v.storage_offset()).toBe(offset);
  });

  test("is_contiguous, and contiguous() copies only a non-contiguous tensor", () => {
    const b = torch.zeros(2, 3, 4);
    expect(b.permute(1, 0, 2).is_contiguous()).toBe(false);
    expect(b.index(":, :, 1:").is_contiguous()).toBe(false);
    expect(b.get(1).is_contiguous()).toBe(true);
    expect(b.contiguous()).toBe(b);
    const c = b.transpose(0, 1).contiguous();
    c.fill_(1);
    expect(b.sum().item()).toBe(0);
  });

  test("view() of a transposed tensor raises PyTorch's error; reshape()/flatten() copy", () => {
    const b = torch.zeros(2, 3, 4);
    const y = b.transpose(0, 1);
    expect(() => y.view(-1)).toThrow(torch.RuntimeError);
    expect(() => y.view(-1)).toThrow(/view size is not compatible with input tensor's size and stride \(at least one dimension spans across two contiguous subspaces\). Use .reshape\(...\) instead/);
    const r = y.reshape(-1);
    expect(r._base).toBeNull();
    expect(y.flatten()._base).toBeNull();
    r.fill_(1);
    expect(b.sum().item()).toBe(0);
    expect(b.view(6, 4)._base).toBe(b);
    expect(b.get(0).view(-1)._base).toBe(b);
    const yr = torch.zeros(2, 3, { requires_grad: true }).t().reshape(-1);
    expect(yr.grad_fn!.name()).toBe("UnsafeViewBackward0");
  });
});

describe("detach() and .data share memory both ways", () => {
  test("detach() is not a view autograd tracks, but writes reach the base", () => {
    const x = torch.tensor([1, 2, 3], { dtype: torch.float32, requires_grad: true });
    const d = x.detach();
    expect(d._base).toBeNull();
    expect(d._is_view()).toBe(false);
    d.mul_(2);
    expect(vals(x)).toEqual([2, 4, 6]);
    torch.no_grad(() => x.add_(1));
    expect(vals(d)).toEqual([3, 5, 7]);
  });

  test("a non-leaf's in-place op in grad mode shows in its earlier detach()", () => {
    const x = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    const y = x.mul(2);
    const d = y.detach();
    y.mul_(3);
    expect(vals(d)).toEqual([6, 12]);
    y.sum().backward();
    expect(vals(x.grad!)).toEqual([6, 6]);
  });

  test("an optimizer-style write to p.data is seen by views of p", () => {
    const p = torch.zeros(2, 2);
    const row = p.get(1);
    p.data.add_(torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32 }));
    expect(vals(row)).toEqual([3, 4]);
  });
});

describe("init and masked writes through views", () => {
  test("normal_/uniform_/masked_fill_/relu_ on a view change only the viewed part of the base", () => {
    const w = torch.zeros(3, 4, { requires_grad: true });
    torch.no_grad(() => {
      w.get(0).normal_();
      w.index("1, 1:3").uniform_(5, 6);
      w.get(2).masked_fill_(torch.tensor([true, false, true, false]), -3);
      w.get(2).relu_();
    });
    const rows = w.detach().tolist() as number[][];
    expect(rows[0].some((v) => v !== 0)).toBe(true);
    expect(rows[1][0]).toBe(0);
    expect(rows[1].slice(1, 3).every((v) => v >= 5 && v < 6)).toBe(true);
    expect(rows[1][3]).toBe(0);
    expect(rows[2]).toEqual([0, 0, 0, 0]);
    expect(w.is_leaf).toBe(true);
  });
});

describe("PyTorch's refusals", () => {
  test("an in-place op on a view of a leaf that requires grad", () => {
    const x = torch.zeros(3, 4, { requires_grad: true });
    expect(() => x.setitem(":, 1", 0)).toThrow(torch.RuntimeError);
    expect(() => x.get(0).fill_(1)).toThrow(/a view of a leaf Variable that requires grad is being used in an in-place operation/);
    // Under no_grad, as in nn.init, it is allowed and writes through.
    torch.no_grad(() => x.setitem(":, 1", 5));
    expect(vals(x.sum(0))).toEqual([0, 15, 0, 0]);
  });

  test("a view made in no_grad mode written in grad mode", () => {
    const w = torch.zeros(3, { requires_grad: true });
    const v = torch.no_grad(() => w.index("0:2"));
    expect(() => v.mul_(2)).toThrow(/A view was created in no_grad mode and is being modified inplace with grad mode enabled/);
    const y = torch.ones(3, { requires_grad: true }).mul(2);
    const u = torch.no_grad(() => y.index("0:2"));
    expect(() => u.mul_(2)).toThrow(/A view was created in no_grad mode/);
    // Its base written in grad mode: the view reads the new values but gets no grad_fn.
    y.mul_(3);
    expect(Array.from(u.dataSync())).toEqual([6, 6]);
    expect(u.grad_fn).toBeNull();
  });

  test("an in-place op on a split/chunk/unbind piece that requires grad", () => {
    const x = torch.ones(3, 4, { requires_grad: true });
    const y = x.mul(1);
    const r = y.unbind(0);
    expect(() => r[1].mul_(2)).toThrow(/Output 1 of UnbindBackward0 is a view and is being modified inplace.*returns multiple views/);
    expect(() => y.split(2, 1)[0].zero_()).toThrow(/Output 0 of SplitBackward0 is a view/);
    // Without grad it is allowed, and writes through.
    const b = torch.zeros(2, 2);
    b.unbind(1)[1].fill_(3);
    expect(vals(b)).toEqual([0, 3, 0, 3]);
  });

  test("writes to an expanded view: fill_ is allowed, add_ is refused", () => {
    const a = torch.zeros(3);
    a.expand(2, 3).fill_(1);
    expect(vals(a)).toEqual([1, 1, 1]);
    expect(() => a.expand(2, 3).add_(1)).toThrow(/unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone\(\) the tensor/);
  });

  test("a tensor saved for backward, modified through a view, raises at backward", () => {
    const x = torch.randn(3, 4, { requires_grad: true });
    const y = x.exp();
    y.get(1).add_(1);
    expect(() => y.sum().backward()).toThrow(/one of the variables needed for gradient computation has been modified by an inplace operation.*ExpBackward0/);
  });
});

describe("grad_fn after in-place writes on views", () => {
  test("the base becomes CopySlices, the view AsStridedBackward0, and other views follow", () => {
    const x = torch.randn(3, 4, { requires_grad: true });
    const y = x.clone();
    const v = y.get(1);
    const other = y.index(":, 0");
    expect(v.grad_fn!.name()).toBe("SelectBackward0");
    v.mul_(2);
    expect(String(y.grad_fn)).toMatch(/^<CopySlices object at 0x[0-9a-f]{12}>$/);
    expect(String(v.grad_fn)).toMatch(/^<AsStridedBackward0 object at 0x[0-9a-f]{12}>$/);
    expect(other.grad_fn!.name()).toBe("AsStridedBackward0");
    const [[prev, k], [value]] = y.grad_fn!.next_functions;
    expect([(prev as { name(): string }).name(), k]).toEqual(["CloneBackward0", 0]);
    expect((value as { name(): string }).name()).toBe("MulBackward0");
  });

  test("in-place op names on a non-leaf", () => {
    const x = torch.randn(2, 2, { requires_grad: true });
    const names = [(y: Tensor) => y.fill_(0), (y: Tensor) => y.zero_(), (y: Tensor) => y.copy_(torch.ones(2)), (y: Tensor) => y.normal_(), (y: Tensor) => y.uniform_(), (y: Tensor) => y.clamp_(0, 1)].map(
      (f) => f(x.clone()).grad_fn!.name(),
    );
    expect(names).toEqual(["FillBackward2", "ZeroBackward0", "CopyBackwards", "NormalBackward0", "UniformBackward0", "ClampBackward1"]);
    const y = x.clone();
    y.setitem(torch.tensor([0]), 1);
    expect(y.grad_fn!.name()).toBe("IndexPutBackward0");
  });

  test("copy_ into a view carries the gradient to the source", () => {
    const src = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    const buf = torch.zeros(3, 2);
    buf.get(1).copy_(src.mul(3));
    buf.sum().backward();
    expect(vals(src.grad!)).toEqual([3, 3]);
    expect(vals(buf)).toEqual([0, 0, 3, 6, 0, 0]);
  });
});

describe("x[i] in a plain script", () => {
  test("reading or writing a numeric key throws a TypeError naming the method", () => {
    const x = torch.arange(6);
    const anyX = x as unknown as Record<number, unknown>;
    expect(() => anyX[0]).toThrow(TypeError);
    expect(() => anyX[0]).toThrow(/tensor\[0\] is not supported outside a notebook cell: use x.get\(0\)/);
    expect(() => anyX[-1]).toThrow(/x.get\(-1\)/);
    expect(() => {
      anyX[2] = 5;
    }).toThrow(/x.setitem\(2, value\)/);
    expect(x.get(2).item()).toBe(2);
  });

  test("every integer key is caught on read, past the accessor range too (x[5000], x[-100], x[2**40])", () => {
    const x = torch.zeros(6000);
    const anyX = x as unknown as Record<number, unknown>;
    for (const i of [4095, 4096, 5000, 59999, -17, -100, 2 ** 40]) {
      expect(() => anyX[i]).toThrow(TypeError);
      expect(() => anyX[i]).toThrow(new RegExp(`tensor\\[${i}\\] is not supported outside a notebook cell: use x.get\\(${i}\\)`));
    }
    expect(x.get(5000).item()).toBe(0);
    // Non-integer keys still read as on any object.
    expect((x as unknown as Record<string, unknown>)["1.5"]).toBeUndefined();
    expect((x as unknown as Record<string, unknown>).no_such_field).toBeUndefined();
    const ds = new torch.utils.data.TensorDataset(torch.arange(5000));
    expect(() => (ds as unknown as Record<number, unknown>)[4999]).toThrow(/dataset\[4999\] is not supported outside a notebook cell: use dataset.getitem\(4999\)/);
  });

  test("a Dataset's numeric key throws too, naming getitem", () => {
    const ds = new torch.utils.data.TensorDataset(torch.arange(4), torch.arange(4));
    expect(() => (ds as unknown as Record<number, unknown>)[1]).toThrow(/dataset\[1\] is not supported outside a notebook cell: use dataset.getitem\(1\)/);
    expect(ds.getitem(1)[0].item()).toBe(1);
  });

  test("the guard leaves iteration, spread and properties alone", () => {
    const x = torch.arange(3);
    expect([...x].map((t) => t.item())).toEqual([0, 1, 2]);
    expect(x.shape.length).toBe(1);
    expect(Object.keys(x)).not.toContain("0");
  });
});

describe("indexing records PyTorch 1.13's nodes", () => {
  // Each `:` written out is a SliceBackward0 in PyTorch (the dims an index leaves out are not);
  // the chains are PyTorch's, printed from the output's grad_fn down to AccumulateGrad.
  const chain = (y: InstanceType<typeof torch.Tensor>): string[] => {
    const names: string[] = [];
    for (let g = y.grad_fn; g !== null && g.name() !== "AccumulateGrad"; g = g.next_functions[0][0]) names.push(g.name());
    return names;
  };
  test.each([
    [":, 0, :, :", ["SliceBackward0", "SliceBackward0", "SelectBackward0", "SliceBackward0"]],
    ["0, :, :, :", ["SliceBackward0", "SliceBackward0", "SliceBackward0", "SelectBackward0"]],
    [":, :, :, 1", ["SelectBackward0", "SliceBackward0", "SliceBackward0", "SliceBackward0"]],
    [":, 0", ["SelectBackward0", "SliceBackward0"]],
    ["..., 0, :", ["SliceBackward0", "SelectBackward0"]],
    ["..., :", ["SliceBackward0"]],
    [":, :, None", ["UnsqueezeBackward0", "SliceBackward0", "SliceBackward0"]],
    [":, 1:2", ["SliceBackward0", "SliceBackward0"]],
    [":", ["SliceBackward0"]],
    ["...", ["AliasBackward0"]],
  ])("x[%s]", (spec, want) => {
    const x = torch.rand([2, 3, 4, 5], { requires_grad: true });
    expect(chain(x.index(spec))).toEqual(want);
    expect(torch.no_grad(() => x.index(spec)).grad_fn).toBeNull();
  });
});

describe("memory stays bounded", () => {
  test("views and writes through them in a training-style loop free their buffers", async () => {
    const step = (w: Tensor) => {
      const y = w.mul(1);
      y.index(":, 1").mul_(2);
      y.get(0).fill_(0);
      const t = y.t();
      t.get(2).add_(1);
      return y.sum().item();
    };
    const w = torch.randn(64, 64, { requires_grad: true });
    for (let i = 0; i < 20; i++) step(w);
    await new Promise((r) => setTimeout(r, 0));
    torch._collect();
    await new Promise((r) => setTimeout(r, 0));
    const before = torch.memory().numTensors;
    for (let i = 0; i < 200; i++) step(w);
    await new Promise((r) => setTimeout(r, 0));
    torch._collect();
    await new Promise((r) => setTimeout(r, 0));
    expect(torch.memory().numTensors).toBeLessThanOrEqual(before + 10);
  });
});
