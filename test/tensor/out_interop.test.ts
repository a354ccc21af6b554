/**
 * PyTorch's out= keyword, torch.as_tensor, typed-array interop (from_numpy / frombuffer / numpy())
 * and randint's size keyword. Expected values and messages are what PyTorch 1.13 prints for the
 * same calls (see the comments); the values are small enough to check by hand.
 */
import { torch } from "../../src";

type Tensor = InstanceType<typeof torch.Tensor>;
const vals = (t: Tensor) => Array.from(t.dataSync());

describe("out=", () => {
  test("add/sub/mul/div/matmul/sum/mean write into out and return it", () => {
    const a = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32 });
    const o = torch.zeros(2, 2);
    expect(torch.add(a, 1, { out: o })).toBe(o);
    expect(vals(o)).toEqual([2, 3, 4, 5]);
    torch.sub(a, a, { alpha: 2, out: o });
    expect(vals(o)).toEqual([-1, -2, -3, -4]);
    torch.mul(a, 3, { out: o });
    expect(vals(o)).toEqual([3, 6, 9, 12]);
    torch.div(a, 2, { out: o });
    expect(vals(o)).toEqual([0.5, 1, 1.5, 2]);
    torch.matmul(a, a, { out: o });
    expect(vals(o)).toEqual([7, 10, 15, 22]);
    const s = torch.zeros(2);
    torch.sum(torch.ones(2, 3), 1, { out: s });
    expect(vals(s)).toEqual([3, 3]); // PyTorch: tensor([3., 3.])
    torch.mean(a, { dim: 0, out: s });
    expect(vals(s)).toEqual([2, 3]);
  });

  test("cat/stack and max/min (a [values, indices] pair with dim)", () => {
    const o = torch.empty(0);
    torch.cat([torch.ones(2), torch.zeros(1)], 0, { out: o });
    expect(vals(o)).toEqual([1, 1, 0]);
    torch.stack([torch.ones(2), torch.zeros(2)], { dim: 1, out: o });
    expect(o.shape.equals([2, 2])).toBe(true);
    const v = torch.zeros(2);
    const i = torch.zeros(2, { dtype: torch.long });
    torch.max(torch.tensor([[1, 5], [7, 2]], { dtype: torch.float32 }), 1, { out: [v, i] });
    expect([vals(v), vals(i)]).toEqual([[5, 7], [1, 0]]); // PyTorch: tensor([5., 7.]) tensor([1, 0])
    const m = torch.zeros([]);
    torch.min(torch.tensor([3, -1, 2], { dtype: torch.float32 }), { out: m });
    expect(m.item()).toBe(-1);
  });

  test("an out that is a view writes through to its base", () => {
    const base = torch.zeros(2, 3);
    torch.add(torch.ones(3), 1, { out: base.get(1) });
    expect(vals(base)).toEqual([0, 0, 0, 2, 2, 2]);
  });

  test("an out of another shape is resized (warning when it held elements), an empty one silently", () => {
    const o = torch.empty(0);
    torch.matmul(torch.ones(2, 3), torch.ones(3, 4), { out: o });
    expect(o.shape.equals([2, 4])).toBe(true);
    const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const full = torch.zeros(3);
    torch.add(torch.ones(2, 2), 1, { out: full });
    expect(full.shape.equals([2, 2])).toBe(true);
    expect(String(warn.mock.calls[0][0])).toMatch(/An output with one or more elements was resized since it had shape \[3\], which does not match the required output shape \[2, 2\]/);
    warn.mockRestore();
  });

  test("PyTorch's refusals: autograd, and a float result into a long out", () => {
    const a = torch.ones(2, { requires_grad: true });
    expect(() => torch.add(a, 1, { out: torch.zeros(2) })).toThrow(/add\(\): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad./);
    expect(() => torch.add(torch.ones(2).mul(1.5), 1, { out: torch.zeros(2, { dtype: torch.long }) })).toThrow(/result type Float can't be cast to the desired output type Long/);
    expect(() => torch.add(torch.ones(2), 1, { out: [1, 2] as unknown as Tensor })).toThrow(TypeError);
  });
});

describe("typed arrays in and out", () => {
  test("x.numpy() gives {data, shape, dtype}; torch.from_numpy takes it back", () => {
    const x = torch.arange(6).reshape(2, 3);
    const n = x.numpy();
    expect(n.data).toBeInstanceOf(Int32Array);
    expect(Array.from(n.data)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(n.shape).toEqual([2, 3]);
    n.data[0] = 99; // a copy: the tensor keeps its values
    expect(x.get(0, 0).item()).toBe(0);
    const y = torch.from_numpy(x.float().numpy());
    expect(y.dtype).toBe(torch.float32);
    expect(y.shape.equals([2, 3])).toBe(true);
    expect(torch.from_numpy(x.gt(2).numpy()).dtype).toBe(torch.bool);
    expect(vals(torch.from_numpy(new Float64Array([0.5, 1.5])))).toEqual([0.5, 1.5]);
    // torch.from_numpy(np.array([0.5, 1.5])).dtype is torch.float64 (NumPy's default float array): so is a Float64Array's.
    expect(torch.from_numpy(new Float64Array([0.5, 1.5])).dtype).toBe(torch.float64);
    expect(() => torch.from_numpy({ data: new Float32Array(5), shape: [2, 3] })).toThrow(/5 values do not fill shape \[2, 3\]/);
    expect(() => torch.randn(2, { requires_grad: true }).numpy()).toThrow(/Can't call numpy\(\) on Tensor that requires grad. Use tensor.detach\(\).numpy\(\) instead./);
  });

  test("torch.tensor(Float32Array) and torch.frombuffer", () => {
    expect(torch.tensor(new Float32Array([1, 2]), { requires_grad: true }).requires_grad).toBe(true);
    // PyTorch: torch.frombuffer(bytearray(b'\x01\x00\x00\x00\x02\x00\x00\x00'), dtype=torch.int32) -> tensor([1, 2])
    const t = torch.frombuffer(new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0]), { dtype: torch.int32 });
    expect(vals(t)).toEqual([1, 2]);
    const f = torch.frombuffer(new Float32Array([1.5, -2, 3]).buffer, { dtype: "float32", count: 2, offset: 4 });
    expect(vals(f)).toEqual([-2, 3]);
    expect(() => torch.frombuffer(new Uint8Array(3), { dtype: "float32" })).toThrow(/multiple of the element size/);
    expect(() => torch.frombuffer(new Uint8Array(4), {} as { dtype: string })).toThrow(/missing required keyword argument 'dtype'/);
  });

  test("torch.as_tensor returns the same tensor when nothing changes", () => {
    const t = torch.tensor([1, 2]);
    expect(torch.as_tensor(t)).toBe(t);
    expect(torch.as_tensor(t, { dtype: torch.float32 }).dtype).toBe(torch.float32);
    expect(vals(torch.as_tensor([[1, 2], [3, 4]]))).toEqual([1, 2, 3, 4]);
  });

  test("randint with PyTorch's size keyword", () => {
    const x = torch.randint(0, 10, { size: [2, 3] });
    expect(x.shape.equals([2, 3])).toBe(true);
    expect(x.dtype).toBe(torch.int64);
    const y = torch.randint(5, { size: [4] });
    expect(vals(y).every((v) => v >= 0 && v < 5)).toBe(true);
  });
});
