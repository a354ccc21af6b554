/**
 * sort/argsort/topk, tril/triu, nonzero/where(cond)/argwhere, isclose, cumprod and Tensor.new_*
 * against PyTorch 1.13 (test/reference/sort_cases.json, written by gen_sort.py): forward values,
 * indices and the gradients of float inputs, with ties and NaN in the inputs.
 */
import { torch } from "../../src";
import { Encoded, build, decode, expectClose, readReference } from "./fixtures";
import { _setPackedRowLimit } from "../../src/ops/sort";

type Tensor = InstanceType<typeof torch.Tensor>;

interface SortCase {
  op: string;
  x: Encoded;
  other?: Encoded;
  args: Record<string, number | boolean>;
  out: Encoded[];
  grad_out?: Encoded;
  grad?: Encoded;
  ties?: boolean;
}

const cases = readReference<SortCase[]>("sort_cases.json");

function run(c: SortCase, x: Tensor): Tensor[] {
  const a = c.args;
  switch (c.op) {
    case "sort": {
      const [v, i] = x.sort({ dim: a.dim as number, descending: a.descending as boolean });
      return [v, i];
    }
    case "argsort":
      return [torch.argsort(x, a.dim as number, a.descending as boolean)];
    case "topk": {
      const r = torch.topk(x, a.k as number, { dim: a.dim as number, largest: a.largest as boolean });
      return [r.values, r.indices];
    }
    case "tril":
      return [x.tril(a.diagonal as number)];
    case "triu":
      return [torch.triu(x, { diagonal: a.diagonal as number })];
    case "nonzero":
      return [x.nonzero()];
    case "where1":
      return torch.where(x);
    case "isclose":
      return [torch.isclose(x, build(c.other as Encoded), { rtol: a.rtol as number, atol: a.atol as number, equal_nan: a.equal_nan as boolean })];
    case "cumprod":
      return [x.cumprod(a.dim as number)];
    default:
      throw new Error(`unknown op ${c.op}`);
  }
}

function check(c: SortCase, label: string): void {
  const x = build(c.x, c.grad !== undefined);
  const outs = run(c, x);
  expect(outs.length).toBe(c.out.length);
  const exactIdx = c.op !== "topk" || !c.ties;
  expectClose(`${label} values`, outs[0], c.out[0]);
  if (c.op === "topk") {
    if (exactIdx) expectClose(`${label} indices`, outs[1], c.out[1], 0, 0);
    // Any tie choice must still point at the returned values.
    const picked = x.detach().gather(c.args.dim as number, outs[1]);
    expectClose(`${label} gather(indices)`, picked, c.out[0]);
  } else {
    outs.slice(1).forEach((o, i) => expectClose(`${label} out${i + 1}`, o, c.out[i + 1], 0, 0));
  }
  if (c.grad && c.grad_out) {
    outs[0].mul(build(c.grad_out)).sum().backward();
    if (exactIdx) expectClose(`${label} grad`, x.grad as Tensor, c.grad);
    else expect((x.grad as Tensor).sum().item()).toBeCloseTo(c.grad.values.map(decode).reduce((s, v) => s + v, 0), 3);
  }
}

const labelOf = (c: SortCase, n: number): string => `${n} ${c.op}(${JSON.stringify(c.args)}) of [${c.x.shape.join(", ")}] ${c.x.dtype}`;

describe("sort.ts ops against PyTorch 1.13", () => {
  cases.forEach((c, n) => test(labelOf(c, n), () => check(c, labelOf(c, n))));
});

// Rows longer than 2^21 sort with a JS comparator instead of packed keys; same answers required.
describe("sort/topk comparator path against PyTorch 1.13", () => {
  beforeAll(() => _setPackedRowLimit(0));
  afterAll(() => _setPackedRowLimit(Infinity));
  cases.forEach((c, n) => {
    if (["sort", "argsort", "topk"].includes(c.op)) test(labelOf(c, n), () => check(c, labelOf(c, n)));
  });
});

describe("sort.ts API", () => {
  test("topk/sort pairs destructure and name their fields", () => {
    const x = torch.tensor([[3, 1, 2], [0, 5, 4]], { dtype: torch.float32 });
    const [v, i] = x.topk(2);
    expect(v.tolist()).toEqual([[3, 2], [5, 4]]);
    expect(i.tolist()).toEqual([[0, 2], [1, 2]]);
    const s = torch.sort(x, { descending: true, dim: 0 });
    expect(s.values.tolist()).toEqual([[3, 5, 4], [0, 1, 2]]);
    expect(s.indices.tolist()).toEqual([[0, 1, 1], [1, 0, 0]]);
    expect(x.topk(1, { dim: 0, largest: false }).indices.tolist()).toEqual([[1, 0, 0]]);
  });

  test("-0 ties with 0, NaN sorts last ascending and first descending, infinities in between", () => {
    const x = torch.tensor([0, -0, NaN, Infinity, 0, -Infinity], { dtype: torch.float32 });
    expect(x.sort({ stable: true }).indices.tolist()).toEqual([5, 0, 1, 4, 3, 2]);
    expect(x.argsort({ descending: true }).tolist()).toEqual([2, 3, 0, 1, 4, 5]);
    expect(torch.tensor([-2147483647, 5, -1, 2147483647]).sort().values.tolist()).toEqual([-2147483647, -1, 5, 2147483647]);
  });

  test("k out of range, dims out of range and unknown options raise PyTorch's errors", () => {
    const x = torch.zeros(3, 4);
    expect(() => x.topk(5, 0)).toThrow("selected index k out of range");
    expect(() => x.topk(-1)).toThrow("selected index k out of range");
    expect(() => x.sort(2)).toThrow("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
    expect(() => torch.zeros(3).tril()).toThrow("Dimension out of range (expected to be in range of [-1, 0], but got -2)");
    expect(() => x.topk(2, { dimm: 1 } as never)).toThrow("unexpected keyword argument 'dimm'");
    expect(() => torch.tensor(5).topk(2)).toThrow("selected index k out of range");
  });

  test("0-d inputs: sort/topk return the value with index 0; nonzero is [n, 0], where(cond) one 1-D tensor", () => {
    const s = torch.tensor(3.5).sort();
    expect([s.values.item(), s.indices.item(), s.values.dim()]).toEqual([3.5, 0, 0]);
    const k0 = torch.tensor(3.5).topk(0);
    expect([k0.values.item(), k0.indices.item(), k0.values.dim()]).toEqual([3.5, 0, 0]);
    expect(torch.tensor(5).nonzero().shape).toEqual([1, 0]);
    expect(torch.tensor(0).nonzero().shape).toEqual([0, 0]);
    const w = torch.where(torch.tensor(5));
    expect(w.length).toBe(1);
    expect(w[0].tolist()).toEqual([0]);
    expect(torch.argwhere(torch.tensor([0, 2, 3])).tolist()).toEqual([[1], [2]]);
    expect(torch.nonzero(torch.tensor([[0, 1], [1, 0]]), { as_tuple: true }).map((t) => t.tolist())).toEqual([[0, 1], [1, 0]]);
  });

  test("where with three arguments still selects", () => {
    const c = torch.tensor([true, false]);
    expect(torch.where(c, torch.tensor([1, 2]), torch.tensor([3, 4])).tolist()).toEqual([1, 4]);
  });

  test("cumprod gradient is exact with several zeros in a row", () => {
    const x = torch.tensor([2, 0, 3, 0, 5], { dtype: torch.float32, requires_grad: true });
    x.cumprod(0).sum().backward();
    // d/dx_i sum_j prod_{k<=j} x_k, by hand: [1, 2+6, 0, 0, 0].
    expect((x.grad as Tensor).tolist()).toEqual([1, 8, 0, 0, 0]);
    expect(x.cumprod(0).grad_fn?.name()).toBe("CumprodBackward0");
    expect(torch.tensor([1, 2, 3]).cumprod(0).dtype).toBe(torch.int64);
    expect(torch.tensor([1, 2, 3]).cumprod(0, { dtype: torch.float32 }).dtype).toBe(torch.float32);
  });

  test("new_* keep self's dtype unless given", () => {
    const i = torch.tensor([1, 2]);
    expect(i.new_zeros(2, 3).dtype).toBe(torch.int64);
    expect(i.new_zeros([2, 3]).shape).toEqual([2, 3]);
    expect(i.new_ones([2], { dtype: torch.float32 }).dtype).toBe(torch.float32);
    expect(i.new_full([2], 7).tolist()).toEqual([7, 7]);
    expect(torch.ones(1).new_full([2], 7).dtype).toBe(torch.float32);
    expect(torch.ones(1).new_tensor([1, 2]).dtype).toBe(torch.float32);
    expect(i.new_tensor([1.5, 2]).tolist()).toEqual([1, 2]);
    expect(i.new_empty(0).shape).toEqual([0]);
    const f = torch.ones(2).requires_grad_();
    const n = f.new_tensor(f);
    expect([n.requires_grad, n.grad_fn]).toEqual([false, null]);
    expect(torch.ones(1).new_zeros(2, { requires_grad: true }).requires_grad).toBe(true);
  });

  test("tril/triu gradient masks, grad_fn names", () => {
    const x = torch.ones(2, 3, { requires_grad: true });
    const y = x.triu(1);
    expect(y.grad_fn?.name()).toBe("TriuBackward0");
    y.sum().backward();
    expect((x.grad as Tensor).tolist()).toEqual([[0, 1, 1], [0, 0, 1]]);
    expect(x.topk(1).values.grad_fn?.name()).toBe("TopkBackward0");
    expect(x.sort().values.grad_fn?.name()).toBe("SortBackward0");
  });
});

describe("sort.ts argument errors", () => {
  test("PyTorch's type and dtype messages", () => {
    const a = torch.tensor([1.5, 2]);
    expect(() => torch.isclose(a, 1 as never)).toThrow("isclose(): argument 'other' (position 2) must be Tensor, not int");
    expect(() => torch.isclose(a, torch.tensor([1, 2]))).toThrow("Float did not match Long");
    expect(() => torch.isclose(a, torch.ones(3))).toThrow("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0");
    expect(() => a.isclose(a, { rtol: -1 })).toThrow("rtol must be greater than or equal to zero, but got -1");
    expect(torch.isclose(torch.tensor([1, 2]), torch.tensor([1, 3]), { rtol: 0.5 }).tolist()).toEqual([true, true]);
    expect(() => a.topk(1.5)).toThrow("topk(): argument 'k' (position 1) must be int, not float");
    expect(() => torch.tensor([true, false]).topk(1)).toThrow(`"topk_cpu" not implemented for 'Bool'`);
    expect(torch.tensor([true, false]).sort().indices.tolist()).toEqual([1, 0]);
    expect(() => torch.ones(2, 2).tril(1.5)).toThrow("tril(): argument 'diagonal' (position 1) must be int, not float");
  });

  test("empty inputs keep PyTorch's shapes", () => {
    expect(torch.zeros(0, 3).topk(0).values.shape).toEqual([0, 0]);
    expect(torch.zeros(0, 3).sort(0).indices.shape).toEqual([0, 3]);
    expect(torch.zeros(2, 0).topk(1, { dim: 0 }).values.shape).toEqual([1, 0]);
    const x = torch.zeros(0, 2, { requires_grad: true });
    x.sort().values.sum().backward();
    expect((x.grad as Tensor).shape).toEqual([0, 2]);
  });
});
