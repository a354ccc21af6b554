/**
 * Creation, random functions and data access that fixtures cannot pin down: seeded reproducibility,
 * ranges and dtypes of rand/randn/randint/randperm, typed arrays, and the accessors.
 */
import { torch } from "../../src";
import { readReference } from "./fixtures";

describe("random creation", () => {
  test("manual_seed makes every random function reproducible", () => {
    const draw = () => {
      torch.manual_seed(1234);
      return [torch.rand(5).tolist(), torch.randn(2, 3).tolist(), torch.randint(0, 10, [6]).tolist(), torch.randperm(7).tolist(), torch.rand_like(torch.zeros(2)).tolist()];
    };
    expect(draw()).toEqual(draw());
    torch.manual_seed(1);
    const a = torch.rand(5).tolist();
    torch.manual_seed(2);
    expect(torch.rand(5).tolist()).not.toEqual(a);
  });

  test("a Generator is an independent seeded stream", () => {
    const g1 = new torch.Generator().manual_seed(7);
    const g2 = new torch.Generator().manual_seed(7);
    expect(torch.randn(4, { generator: g1 }).tolist()).toEqual(torch.randn(4, { generator: g2 }).tolist());
  });

  test("rand is uniform on [0, 1), randn is standard normal", () => {
    torch.manual_seed(0);
    const u = torch.rand(20000);
    expect(u.dtype).toBe(torch.float32);
    expect(u.min().item()).toBeGreaterThanOrEqual(0);
    expect(u.max().item()).toBeLessThan(1);
    expect(u.mean().item()).toBeCloseTo(0.5, 1);
    const n = torch.randn(20000);
    expect(n.mean().item()).toBeCloseTo(0, 1);
    expect(n.std().item()).toBeCloseTo(1, 1);
  });

  test("randint: (high, size) and (low, high, size), int64 as int32, high exclusive", () => {
    torch.manual_seed(0);
    const a = torch.randint(3, [1000]);
    expect(a.dtype).toBe(torch.int64);
    expect(a.min().item()).toBe(0);
    expect(a.max().item()).toBe(2);
    const b = torch.randint(-2, 2, [2, 500]);
    expect(b.shape).toEqual([2, 500]);
    expect(b.min().item()).toBe(-2);
    expect(b.max().item()).toBe(1);
  });

  test("randperm is a permutation of 0..n-1", () => {
    const p = torch.randperm(50).tolist() as number[];
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  test("requires_grad on creation makes a float leaf", () => {
    const w = torch.randn(2, 2, { requires_grad: true });
    expect(w.requires_grad).toBe(true);
    expect(w.is_leaf).toBe(true);
    expect(torch.zeros(3, { requires_grad: true }).requires_grad).toBe(true);
  });
});

describe("from arrays and typed arrays", () => {
  test("dtype inference from nested arrays (JS has no float literal for 1.0)", () => {
    expect(torch.tensor([1, 2]).dtype).toBe(torch.int64);
    expect(torch.tensor([1, 2.5]).dtype).toBe(torch.float32);
    expect(torch.tensor([[true, false]]).dtype).toBe(torch.bool);
    expect(torch.tensor([1, 2], { dtype: torch.float32 }).dtype).toBe(torch.float32);
    // As in PyTorch, requires_grad does not make an integer tensor float (test/tensor/int_dtype_errors.test.ts).
    expect(() => torch.tensor([1, 2], { requires_grad: true })).toThrow("Only Tensors of floating point and complex dtype can require gradients");
    expect(torch.tensor([]).shape).toEqual([0]);
    expect(torch.tensor([[1], [2]]).shape).toEqual([2, 1]);
    expect(torch.tensor(3).shape).toEqual([]);
  });

  test("a whole number past int32's range fills float32 instead of wrapping (a -1e30 mask value)", () => {
    const big = torch.full([1, 2], -1e30);
    expect(big.dtype).toBe(torch.float32);
    expect(big.tolist()).toEqual([[Math.fround(-1e30), Math.fround(-1e30)]]);
    expect(torch.full([2], 3).dtype).toBe(torch.int64);
    expect(torch.arange(0, 3e9, 1e9).tolist()).toEqual([0, 1e9, 2e9]);
    expect(torch.arange(0, 3e9, 1e9).dtype).toBe(torch.float32);
    const sum = torch.tensor([1, 2]).add(1e10);
    expect(sum.dtype).toBe(torch.float32);
    expect(sum.tolist()).toEqual([Math.fround(1e10 + 1), Math.fround(1e10 + 2)]);
    expect(torch.tensor([1, 2]).mul(2).dtype).toBe(torch.int64);
  });

  test("typed arrays keep their element type", () => {
    expect(torch.tensor(new Float32Array([1, 2])).dtype).toBe(torch.float32);
    expect(torch.tensor(new Int32Array([1, 2])).dtype).toBe(torch.int64);
    const t = torch.from_typed(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.get(1, 2).item()).toBe(6);
    expect(torch.from_typed(new Uint8Array([0, 255]), [2]).tolist()).toEqual([0, 255]);
  });

  test("*_like keep shape and dtype unless told otherwise", () => {
    const i = torch.tensor([[1, 2, 3]]);
    expect(torch.zeros_like(i).dtype).toBe(torch.int64);
    expect(torch.ones_like(i, { dtype: torch.float32 }).dtype).toBe(torch.float32);
    expect(torch.full_like(i, 7).tolist()).toEqual([[7, 7, 7]]);
    expect(torch.empty_like(i).shape).toEqual([1, 3]);
    expect(torch.randn_like(torch.zeros(2, 2)).shape).toEqual([2, 2]);
    expect(torch.empty(2, 3).shape).toEqual([2, 3]);
  });
});

describe("data access and dtype conversion", () => {
  test("item, tolist, dataSync, dataAsync", async () => {
    const t = torch.tensor([[1.5, 2.5], [3.5, 4.5]]);
    expect(t.tolist()).toEqual([[1.5, 2.5], [3.5, 4.5]]);
    expect(t.get(0, 1).item()).toBe(2.5);
    expect(Array.from(t.dataSync())).toEqual([1.5, 2.5, 3.5, 4.5]);
    expect(Array.from(await t.dataAsync())).toEqual([1.5, 2.5, 3.5, 4.5]);
    expect(torch.tensor([true]).item()).toBe(true);
    expect(torch.tensor([[true, false]]).tolist()).toEqual([[true, false]]);
    expect(torch.tensor(2.5).tolist()).toBe(2.5);
  });

  test("shape accessors", () => {
    const t = torch.zeros(1, 3, 26, 26);
    expect(t.shape).toEqual([1, 3, 26, 26]);
    expect(t.size()).toEqual([1, 3, 26, 26]);
    expect(t.size(1)).toBe(3);
    expect(t.size(-1)).toBe(26);
    expect(t.dim()).toBe(4);
    expect(t.ndim).toBe(4);
    expect(t.numel()).toBe(2028);
  });

  test("to / float / long / bool / type", () => {
    const f = torch.tensor([1.7, -1.7, 0]);
    expect(f.long().tolist()).toEqual([1, -1, 0]);
    expect(f.to(torch.int64).dtype).toBe(torch.int64);
    expect(f.bool().tolist()).toEqual([true, true, false]);
    expect(f.long().float().dtype).toBe(torch.float32);
    expect(f.to("cpu")).toBe(f);
    expect(f.to({ dtype: torch.int32 }).dtype).toBe(torch.int32);
    expect(f.to(torch.tensor([1])).dtype).toBe(torch.int64);
    expect(f.type()).toBe("torch.FloatTensor");
    expect(torch.tensor([1]).type()).toBe("torch.LongTensor");
    expect(f.int().type()).toBe("torch.IntTensor");
    expect(f.bool().type()).toBe("torch.BoolTensor");
  });

  test("iteration yields sub-tensors along dim 0", () => {
    const rows = [...torch.tensor([[1, 2], [3, 4]])].map((r) => r.tolist());
    expect(rows).toEqual([[1, 2], [3, 4]]);
  });
});

test("randint takes low, high and size as keywords (torch.randint(low=1, high=C, size=(N, S)))", () => {
  torch.manual_seed(5);
  const a = torch.randint({ low: 1, high: 20, size: [4, 3], dtype: torch.long });
  torch.manual_seed(5);
  const b = torch.randint(1, 20, [4, 3]);
  expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
  expect(a.min().item()).toBeGreaterThanOrEqual(1);
  torch.manual_seed(5);
  expect(Array.from(torch.randint(1, 20, { size: [4, 3] }).dataSync())).toEqual(Array.from(b.dataSync()));
  expect(() => torch.randint({ low: 3, size: [2] })).toThrow("randint() expects (high, size) or (low, high, size)");
});

test("full takes size and fill_value as keywords (torch.full(size=(N,), fill_value=T, dtype=torch.long))", () => {
  const a = torch.full({ size: [3], fill_value: 50, dtype: torch.long });
  expect([a.shape, a.dtype, Array.from(a.dataSync())]).toEqual([[3], torch.int64, [50, 50, 50]]);
  const b = torch.full([2], { fill_value: 1.5 });
  expect([b.dtype, Array.from(b.dataSync())]).toEqual([torch.float32, [1.5, 1.5]]);
  expect(Array.from(torch.full([2], 7, { dtype: torch.float32 }).dataSync())).toEqual([7, 7]);
  expect(() => torch.full({ size: [2], fill_value: 1, dtyp: torch.long } as never)).toThrow(/dtyp/);
});

describe("int64 past int32's range and negative zero, against PyTorch (test/reference/gen_int64_limits.py)", () => {
  type Ref = { repr: string; dtype: string; values: unknown };
  const ref = readReference<Record<string, Ref> & { negative_zero_item: string }>("int64_limits.json");
  const CASES: Record<string, () => InstanceType<typeof torch.Tensor>> = {
    tensor_2_40: () => torch.tensor(2 ** 40),
    tensor_past_int32_inexact: () => torch.tensor([3000000001, 1]),
    arange_past_int32: () => torch.arange(0, 2 ** 33, 2 ** 31),
    mul_scalar_exact: () => torch.tensor([3]).mul(2 ** 33),
    mul_scalar_inexact: () => torch.tensor([3]).mul(3000000001),
    sum_past_int32: () => torch.full([3], 2 ** 30, { dtype: torch.long }).sum(),
    sum_dim_past_int32: () => torch.full([2, 3], 2 ** 30, { dtype: torch.long }).sum(1),
    cumsum_past_int32: () => torch.full([3], 2 ** 30, { dtype: torch.long }).cumsum(0),
    prod_past_int32: () => torch.tensor([2 ** 20, 2 ** 20]).prod(),
    prod_factorial_19: () => torch.arange(1, 20).prod(),
    prod_dim_past_int32: () => torch.tensor([[2 ** 16, 2 ** 16], [2, 3]]).prod(1),
    sum_int32_max: () => torch.tensor([2 ** 31 - 2, 1]).sum(),
    prod_factorial_12: () => torch.arange(1, 13).prod(),
    cumsum_small: () => torch.arange(5).cumsum(0),
    sum_bool: () => torch.tensor([true, false, true]).sum(),
    negative_zero: () => torch.tensor([-0.5, 1.5]).mul(torch.tensor([0, 1])),
    neg_zeros: () => torch.zeros(2).neg(),
    times_zero: () => torch.tensor([-1.5, 2.5]).mul(0),
    negative_zero_scalar: () => torch.tensor(-0.5).mul(0),
    negative_zero_only: () => torch.tensor([-0.5, 0.5]).mul(0),
  };
  const PAST = "int64 is stored in 32 bits";

  test("each is PyTorch's exact value and print, or says it cannot be (a warning with exact values, else a RuntimeError)", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "negative_zero_item").sort());
    const outcomes: Record<string, string> = {};
    for (const [name, make] of Object.entries(CASES)) {
      const expected = ref[name];
      const warnings: string[] = [];
      const spy = jest.spyOn(process, "emitWarning").mockImplementation((w: string | Error) => {
        warnings.push(String(w));
      });
      let t: InstanceType<typeof torch.Tensor>;
      try {
        t = make();
      } catch (e) {
        expect([name, e instanceof torch.RuntimeError && (e as Error).message.includes(PAST)]).toEqual([name, true]);
        outcomes[name] = "error";
        continue;
      } finally {
        spy.mockRestore();
      }
      if (String(t.dtype) === expected.dtype) {
        expect([name, String(t), t.tolist(), warnings]).toEqual([name, expected.repr, expected.values, []]);
        outcomes[name] = "exact";
      } else {
        // float32 where PyTorch has int64: only with the values exact, and said.
        expect([name, t.tolist(), warnings.some((w) => w.includes(PAST))]).toEqual([name, expected.values, true]);
        outcomes[name] = "warned";
      }
    }
    // A value float32 would round, or a reduction that would wrap, is refused; exact past-int32 values warn.
    expect(outcomes).toMatchObject({
      tensor_2_40: "warned",
      arange_past_int32: "warned",
      mul_scalar_exact: "warned",
      tensor_past_int32_inexact: "error",
      mul_scalar_inexact: "error",
      sum_past_int32: "error",
      sum_dim_past_int32: "error",
      cumsum_past_int32: "error",
      prod_past_int32: "error",
      prod_factorial_19: "error",
      prod_dim_past_int32: "error",
      sum_int32_max: "exact",
      prod_factorial_12: "exact",
      negative_zero: "exact",
    });
    // Python's -0.0 is JavaScript's -0: item() and tolist() keep the sign.
    expect(Object.is(torch.tensor(-0.5).mul(0).item(), -0)).toBe(true);
    expect(ref.negative_zero_item).toBe("-0.0");
  });
});
