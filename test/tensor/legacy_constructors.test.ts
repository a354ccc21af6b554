/**
 * torch.BoolTensor / IntTensor / DoubleTensor (the legacy typed constructors, beside FloatTensor and
 * LongTensor) and torch.tensor over lists holding one-element tensors, as the chatbot tutorial's
 * `torch.LongTensor([[topi[i][0] for i in range(batch_size)]])` builds them. Reference values:
 * test/reference/gen_tutorials5.py, section creation_cases.
 */
import { torch } from "../../src";
import { reference, expectTensor, Encoded } from "../tutorials/_tutorial";

const R = reference("creation_cases");
const E = (k: string) => R[k] as Encoded;

test("BoolTensor / IntTensor / DoubleTensor from nested lists", () => {
  expectTensor(torch.BoolTensor([[1, 0, 2], [0, 0, 1]]), E("bool_tensor"));
  expectTensor(torch.IntTensor([[1, -2], [3, 4]]), E("int_tensor"));
  expectTensor(torch.DoubleTensor([0.5, 2]), E("double_tensor"));
});

test("BoolTensor(2, 3) has that size and dtype; a tensor of another dtype is refused", () => {
  const t = torch.BoolTensor(2, 3);
  expect(t.shape).toEqual([2, 3]);
  expect(t.dtype).toBe(torch.bool);
  expect(() => torch.BoolTensor(torch.ones(2))).toThrow(/BoolTensor\(\): expected a tensor of dtype torch.bool .*torch.bool/);
  expect(torch.IntTensor(torch.tensor([1, 2], { dtype: torch.int32 })).dtype).toBe(torch.int32);
});

test("torch.tensor / LongTensor over lists of one-element tensors take their values", () => {
  expectTensor(torch.LongTensor([[torch.tensor(3), torch.tensor(1)]]), E("from_0d_long"));
  expectTensor(torch.tensor([torch.tensor(2.0, { dtype: torch.float32 }), 3]), E("from_0d_float"));
  expectTensor(torch.tensor([[torch.tensor([7])], [torch.tensor([[8]])]]), E("from_1elem"));
  expectTensor(torch.tensor([torch.tensor(true), torch.tensor(false)]), E("from_bool"));
  const g = torch.tensor([torch.tensor(1.5, { requires_grad: true }), 2]);
  expectTensor(g, E("from_requires_grad"));
  expect(g.requires_grad).toBe(false);
  const topi = torch.tensor([[4], [0], [2]]);
  expect(torch.LongTensor([[0, 1, 2].map((i) => topi.get(i).get(0))]).tolist()).toEqual([[4, 0, 2]]);
});

test("a tensor of more than one element inside a list: PyTorch's ValueError", () => {
  const [cls, msg] = R.err_many as string[];
  expect(() => torch.tensor([torch.ones(2), torch.ones(2)])).toThrow(msg);
  try {
    torch.tensor([torch.ones(2), torch.ones(2)]);
  } catch (e) {
    expect((e as Error).name).toBe(cls);
  }
  expect(() => torch.tensor([1, [torch.tensor(1)]])).toThrow(TypeError);
});

test("torch.Tensor(t) is an alias of t: writes reach both, resize_ reshapes only the alias (NYU DL 01's r = torch.Tensor(t))", () => {
  // PyTorch 1.13: r is not t, r._base is t; r.resize_(3, 8); r.zero_() leaves t of size [2, 3, 4], all zeros.
  const t = torch.arange(24).float().view(2, 3, 4);
  const r = torch.Tensor(t);
  expect(r).not.toBe(t);
  r.resize_(3, 8);
  expect([r.shape, t.shape]).toEqual([[3, 8], [2, 3, 4]]);
  expect(r.tolist()[1]).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
  r.zero_();
  expect(t.sum().item()).toBe(0);
  t.add_(1);
  expect(r.sum().item()).toBe(24);
  // The alias keeps autograd (PyTorch's AliasBackward0): the gradient reaches the leaf.
  const x = torch.ones(2, { requires_grad: true });
  const a = torch.Tensor(x);
  expect(a.grad_fn?.name()).toBe("AliasBackward0");
  a.sum().backward();
  expect(x.grad?.tolist()).toEqual([1, 1]);
});
