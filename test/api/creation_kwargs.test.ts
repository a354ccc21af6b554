/**
 * The keywords test/api/kwargs.test.ts used to list as gaps, now taken, with PyTorch 1.13's results
 * (each noted beside its call): torch.arange/eye/randperm, torch.norm's dtype, F.linear/F.bilinear's bias.
 */
import { torch } from "../../src";

const F = torch.nn.functional;

test("torch.arange: start, end, step and dtype by keyword", () => {
  expect(torch.arange(0, 10, { step: 3 }).tolist()).toEqual([0, 3, 6, 9]); // torch.arange(0, 10, step=3)
  expect(torch.arange({ start: 1, end: 4 }).tolist()).toEqual([1, 2, 3]); // torch.arange(start=1, end=4)
  expect(torch.arange({ end: 3 }).tolist()).toEqual([0, 1, 2]); // torch.arange(end=3)
  const f = torch.arange(3, { dtype: torch.float32, requires_grad: true });
  expect([f.dtype, f.requires_grad, String(f)]).toEqual([torch.float32, true, "tensor([0., 1., 2.], requires_grad=True)"]);
  expect(() => torch.arange(3, { stpe: 1 } as never)).toThrow(/arange\(\) got an unexpected keyword argument 'stpe'/);
  expect(() => torch.arange(3, 4, 5, 6 as never)).toThrow(torch.TypeError);
});

test("torch.eye: m and dtype by keyword", () => {
  expect(String(torch.eye(2, { m: 3 }))).toBe("tensor([[1., 0., 0.],\n        [0., 1., 0.]])"); // torch.eye(2, m=3)
  expect(torch.eye(2, { dtype: torch.int64 }).dtype).toBe(torch.int64);
  expect(torch.eye({ n: 1 } as never).tolist()).toEqual([[1]]);
});

test("torch.randperm: generator and dtype by keyword; a negative n is PyTorch's error", () => {
  const g = new torch.Generator().manual_seed(3);
  const p = torch.randperm(5, { generator: g, dtype: torch.float32 });
  expect(p.dtype).toBe(torch.float32);
  expect([...p.tolist() as number[]].sort()).toEqual([0, 1, 2, 3, 4]);
  expect(() => torch.randperm(-1)).toThrow(new torch.RuntimeError("Trying to create tensor with negative dimension -1: [-1]"));
});

test("torch.norm and Tensor.norm take dtype (the input is cast first)", () => {
  expect(torch.norm(torch.tensor([3, 4]), { dtype: torch.float32 }).item()).toBe(5); // torch.norm(torch.tensor([3, 4]), dtype=torch.float32) -> 5.
  expect(torch.tensor([[3, 4], [6, 8]]).norm(2, 1, { dtype: torch.float32 }).tolist()).toEqual([5, 10]);
});

test("F.linear / F.bilinear: bias (and weight) by keyword", () => {
  const x = torch.ones(2, 3);
  const w = torch.ones(4, 3);
  const b = torch.arange(4, { dtype: torch.float32 });
  expect(F.linear(x, w, { bias: b }).tolist()).toEqual([[3, 4, 5, 6], [3, 4, 5, 6]]);
  expect(F.linear(x, { weight: w, bias: b }).tolist()).toEqual(F.linear(x, w, b).tolist());
  const w3 = torch.ones(2, 3, 3);
  expect(F.bilinear(x, x, w3, { bias: torch.tensor([1.5, -1.5]) }).tolist()).toEqual([[10.5, 7.5], [10.5, 7.5]]);
  expect(() => F.linear(x, w, { bais: b } as never)).toThrow(/linear\(\) got an unexpected keyword argument 'bais'/);
});

test("scatter_ takes PyTorch's value= and src= keywords; both or neither is an error", () => {
  // torch.zeros(5).scatter_(0, torch.tensor([1, 3]), value=2.)
  expect(torch.zeros(5).scatter_(0, torch.tensor([1, 3]), { value: 2 }).tolist()).toEqual([0, 2, 0, 2, 0]);
  expect(torch.zeros(3).scatter(0, torch.tensor([2]), { src: torch.tensor([7.5]) }).tolist()).toEqual([0, 0, 7.5]);
  expect(torch.zeros(3).scatter(0, torch.tensor([2, 2]), torch.tensor([1.5, 2]), { reduce: "add" }).tolist()).toEqual([0, 0, 3.5]);
  // PyTorch 1.13: an int64 src into a float32 tensor is "scatter(): Expected self.dtype to be equal to src.dtype".
  expect(() => torch.zeros(3).scatter(0, torch.tensor([2]), { src: torch.tensor([7]) })).toThrow(/Expected self.dtype to be equal to src.dtype/);
  expect(() => torch.zeros(3).scatter_(0, torch.tensor([1]), { value: 1, src: torch.ones(1) })).toThrow(/got both 'src' and 'value'/);
  expect(() => torch.zeros(3).scatter_(0, torch.tensor([1]), {})).toThrow(/missing 1 required argument/);
});

test("load_state_dict's result prints as PyTorch's _IncompatibleKeys", () => {
  const a = new torch.nn.Linear(2, 1);
  expect(String(a.load_state_dict(new torch.nn.Linear(2, 1).state_dict()))).toBe("<All keys matched successfully>");
  const r = a.load_state_dict({ weight: torch.zeros(1, 2), extra: torch.zeros(1) }, false);
  expect(String(r)).toBe("_IncompatibleKeys(missing_keys=['bias'], unexpected_keys=['extra'])");
  expect(r).toEqual({ missing_keys: ["bias"], unexpected_keys: ["extra"] });
});

test("a one-element integer tensor is a size, as PyTorch's __index__ makes it (刘二大人 13's torch.zeros(n, seq_lengths.max()))", () => {
  const lengths = torch.LongTensor([3, 5, 2]);
  expect(torch.zeros(3, lengths.max()).shape).toEqual([3, 5]); // torch.Size([3, 5])
  expect(torch.zeros([torch.tensor(2), 3]).shape).toEqual([2, 3]); // torch.zeros([torch.tensor(2), 3])
  expect(torch.ones(torch.tensor([2])).shape).toEqual([2]); // a one-element 1-d tensor too
  expect(torch.zeros(2, 3).new_zeros(lengths.min(), 1).shape).toEqual([2, 1]);
  // torch.zeros(2, torch.tensor(3.)): TypeError "zeros(): argument 'size' must be tuple of SymInts, but found element of type Tensor at pos 2"
  expect(() => torch.zeros(2, torch.tensor(3.5))).toThrow(torch.TypeError);
  expect(() => torch.zeros(2, lengths)).toThrow(torch.TypeError);
});
