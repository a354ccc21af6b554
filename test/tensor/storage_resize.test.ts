/**
 * Tensor.storage() (PyTorch's TypedStorage: printed, read, written through into the tensor and its
 * views), resize_ to the same number of elements, and normal_ / uniform_ with keyword arguments, as
 * "Deep Learning with PyTorch" ch. 3 and Udacity's intro-to-pytorch use them. Reference values:
 * test/reference/gen_storage_resize.py (storage_resize.json).
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const R = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "storage_resize.json"), "utf8")) as Record<string, unknown>;

/** [class name, message] of what f throws. */
function err(f: () => unknown): [string, string] | null {
  try {
    f();
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return null;
}

const points = () => torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]], { dtype: torch.float32 });

describe("storage()", () => {
  test("prints as PyTorch's TypedStorage: one element a line, then dtype, device and size", () => {
    const p = points();
    expect(String(p.storage())).toBe(R.str_float);
    // A view reports its base's storage; contiguous() of a transpose has its own, in its order.
    expect(String(p.get(1).storage())).toBe(R.str_row_view);
    expect(String(p.t().contiguous().storage())).toBe(R.str_t_contiguous);
    expect(String(torch.tensor([[1, -2], [3, 4]]).storage())).toBe(R.str_long);
    expect(String(torch.tensor([true, false]).storage())).toBe(R.str_bool);
    expect(String(torch.tensor([0.1234567, 1e-8, 100000.5, -2.5], { dtype: torch.float32 }).storage())).toBe(R.str_small);
  });

  test("s[i] reads (negative i from the end); length and size()", () => {
    const s = points().storage();
    expect([s[0], s[5], s[-1], s.length, s.size()]).toEqual(R.read);
  });

  test("s[i] = v writes into the tensor and every view of it", () => {
    const p = points();
    const row = p.get(2);
    const t = p.t();
    const s = p.storage();
    s[4] = 7.0;
    s[-1] = -1.0;
    expect({ p: p.tolist(), row: row.tolist(), t: t.tolist() }).toEqual(R.after_write);
  });

  test("an index outside the storage is PyTorch's IndexError, for reads and for writes", () => {
    const s = points().storage();
    expect(err(() => s[6])).toEqual(R.err_read);
    expect(
      err(() => {
        s[-7] = 0;
      }),
    ).toEqual(R.err_write);
  });
});

describe("resize_", () => {
  test("to the same number of elements: the new shape over the same data, still a view of its base", () => {
    const x = torch.arange(12.0).view(3, 4);
    const v = x.index("1:");
    v.resize_(2, 2, 2);
    expect({ shape: v.shape, stride: v.stride(), offset: v.storage_offset(), values: v.tolist() }).toEqual(R.resize_view);
    v.setitem([0, 0, 0], 100.0);
    expect(x.tolist()).toEqual(R.resize_view_write);
    expect(torch.ones(6).resize_([2, 3]).shape).toEqual(R.resize_list);
  });

  test("a view shrunk stays a view of its base: its writes reach the base and the base's reach it", () => {
    const x = torch.arange(12.0).float().view(3, 4);
    const v = x.index("1:");
    v.resize_(2, 3);
    expect({ shape: v.shape, stride: v.stride(), offset: v.storage_offset(), values: v.tolist() }).toEqual(R.resize_view_shrink);
    v.setitem([1, 2], 100.0);
    x.setitem([1, 1], -5.0);
    expect({ x: x.tolist(), v: v.tolist() }).toEqual(R.resize_view_shrink_write);
  });

  test("a tensor that requires grad and a negative size are refused as PyTorch refuses them; a non-contiguous tensor says what to use", () => {
    expect(err(() => torch.ones(2, 3, { requires_grad: true }).resize_(6))).toEqual(R.err_resize_grad);
    expect(err(() => torch.ones(3).resize_(-1, 2))).toEqual(R.err_resize_negative);
    expect(() => torch.ones(2, 3).t().resize_(6)).toThrow(/resize_: torchlab resizes only contiguous tensors \(strides \[1, 3\]\); use reshape/);
  });

  test("to fewer elements keeps the first ones; to more keeps them all (the rest PyTorch leaves uninitialised)", () => {
    const x = torch.arange(12.0).view(3, 4);
    x.resize_(2, 3);
    expect({ shape: x.shape, values: x.tolist() }).toEqual(R.resize_shrink);
    const y = torch.arange(6);
    y.resize_(3, 3);
    expect({ shape: y.shape, stride: y.stride(), prefix: y.reshape(-1).narrow(0, 0, 6).tolist() }).toEqual(R.resize_grow);
    expect(y.dtype).toBe(torch.int64);
    expect(torch.empty(0).resize_(2, 3).shape).toEqual(R.resize_from_empty);
    expect(torch.ones(2, 2).resize_(0).shape).toEqual(R.resize_to_zero);
    expect(torch.ones(5).resize_as_(torch.zeros(2, 1, 2)).shape).toEqual(R.resize_as);
    const xr = torch.arange(6.0).float().requires_grad_();
    const yr = xr.resize(2, 3);
    yr.mul(torch.arange(6.0).float().view(2, 3)).sum().backward();
    expect({ shape: yr.shape, values: yr.tolist(), grad: xr.grad!.tolist(), grad_fn: yr.grad_fn!.name() }).toEqual(R.resize_out_of_place);
    expect(err(() => torch.zeros(2, 3).resize(4, 2))).toEqual(R.err_resize_out_of_place);
    // The resized tensor is usable as any other: in-place writes and ops see the new shape.
    y.setitem([2, 2], 7);
    expect(y.sum().item()).toBe(0 + 1 + 2 + 3 + 4 + 5 + 7 + Number(y.reshape(-1).narrow(0, 6, 2).sum().item()));
  });
});

describe("float16 / bfloat16: named, and refused with a message naming them (torchlab stores float32)", () => {
  const cases: [string, () => unknown][] = [
    ["x.half()", () => torch.ones(2).half()],
    ["dtype: torch.float16", () => torch.zeros(2, { dtype: torch.float16 })],
    ["x.to(torch.half)", () => torch.ones(2).to(torch.half)],
    ["x.to('float16')", () => torch.ones(2).to("float16")],
    ["x.to({dtype: 'torch.float16'})", () => torch.ones(2).to({ dtype: "torch.float16" })],
    ["x.bfloat16()", () => torch.ones(2).bfloat16()],
    ["net.half()", () => new torch.nn.Linear(2, 2).half()],
    ["net.to(torch.float16)", () => new torch.nn.Linear(2, 2).to(torch.float16 as never)],
  ];
  test.each(cases)("%s", (_name, f) => {
    expect(f).toThrow(torch.NotImplementedError);
    expect(f).toThrow(/torch\.(float16 \(torch\.half\)|bfloat16) is not supported by torchlab: tensors store float32/);
  });
  test("the names print as PyTorch's", () => {
    expect([String(torch.float16), String(torch.half), String(torch.bfloat16)]).toEqual(["torch.float16", "torch.float16", "torch.bfloat16"]);
  });
});

describe("normal_ / uniform_ with keyword arguments", () => {
  test("normal_({std}), normal_(mean, {std}), uniform_({to}), uniform_(from, {to}) draw PyTorch's seeded values", () => {
    torch.manual_seed(0);
    const close = (got: number[], want: unknown) => (want as number[]).forEach((w, i) => expect(got[i]).toBeCloseTo(w, 6));
    close(torch.empty(5).normal_({ std: 0.01 }).tolist() as number[], R.normal_std);
    close(torch.empty(5).normal_(2.0, { std: 0.5 }).tolist() as number[], R.normal_mean_std);
    close(torch.empty(5).uniform_({ to: 3.0 }).tolist() as number[], R.uniform_to);
    close(torch.empty(5).uniform_(-1.0, { to: 1.0 }).tolist() as number[], R.uniform_from_to);
  });

  test("an unknown keyword is a TypeError naming the op", () => {
    expect(() => torch.empty(2).normal_({ sd: 1.0 } as never)).toThrow(/normal_\(\) got an unexpected keyword argument 'sd' \(valid: mean, std, generator\)/);
  });
});
