/**
 * The pre-0.4 idioms of 廖星宇's book (test/tutorials/liao_book.test.ts) outside a notebook, against
 * PyTorch 1.13 (test/reference/gen_liao_book.py, liao_book.json's `unit`): `Variable(x)` / `x.detach()`
 * share x's values but not its graph, so writing values that need grad into the alias records the
 * write on the alias itself (CopySlices, MulBackward0) while the base only sees the values; an alias
 * made to require grad is a leaf that refuses in-place writes; Variable's errors and `volatile`;
 * the legacy constructors take an array as `x.numpy()` gives it (NumPy's ndarray).
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";

const U = (JSON.parse(fs.readFileSync(path.join(__dirname, "../reference/liao_book.json"), "utf8")) as { unit: Record<string, unknown[]> }).unit;
const { Variable } = torch.autograd;

function caught(f: () => unknown): [string, string] | null {
  try {
    f();
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return null;
}

/** PyTorch's class, and a message that starts with PyTorch's (torchlab may add the op or the dtype). */
function expectSameError(got: [string, string] | null, want: [string, string] | null): void {
  if (want === null) return expect(got).toBeNull();
  expect(got?.[0]).toBe(want[0]);
  expect(got?.[1].startsWith(want[1])).toBe(true);
}

test("n = x.detach(); n[i] = w ** 2: the alias gets CopySlices, the base only the values, backward reaches w", () => {
  const m = torch.tensor([[2.5, 3.5]], { requires_grad: true });
  const base = torch.zeros(1, 2);
  const n = base.detach();
  n.setitem("0, 0", m.__getitem__("0, 0").pow(2));
  n.setitem("0, 1", m.__getitem__("0, 1").pow(3));
  const got: unknown[] = [String(n), String(base), base.requires_grad];
  n.backward(torch.ones_like(n));
  got.push(String(m.grad));
  expect(got).toEqual(U.setitem);
});

test("add_ / mul_ of a value that needs grad into a detach() alias: recorded on the alias, values shared with the base", () => {
  const m = torch.tensor([[2.5, 3.5]], { requires_grad: true });
  const b2 = torch.zeros(1, 2);
  const n2 = b2.detach();
  n2.add_(m);
  n2.mul_(m);
  n2.sum().backward();
  expect([String(n2), String(b2), String(m.grad)]).toEqual(U.inplace);
});

test("Variable(x, requires_grad=True) and x.detach().requires_grad_() are leaves that refuse in-place writes; x.requires_grad_().detach() does not", () => {
  const got = [
    caught(() => Variable(torch.zeros(2), { requires_grad: true }).add_(1)),
    caught(() => torch.zeros(2).detach().requires_grad_().add_(1)),
    caught(() => torch.zeros(2).requires_grad_().detach().add_(1)),
  ];
  got.forEach((g, i) => expectSameError(g, U.leaf_errors[i] as [string, string] | null));
});

test("Variable's errors name Python's type, and an integer tensor cannot require grad (the constructor's wording)", () => {
  const got = [caught(() => Variable([1, 2] as never)), caught(() => Variable(3 as never)), caught(() => Variable(torch.ones(2, { dtype: torch.long }), { requires_grad: true }))];
  got.forEach((g, i) => expectSameError(g, U.variable_errors[i] as [string, string]));
});

test("volatile=True only warns, and x.volatile is false with PyTorch's warning", () => {
  const spy = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  try {
    const v = Variable(torch.zeros(2), { volatile: true });
    const vol = v.volatile;
    expect([vol, v.requires_grad, spy.mock.calls.map((c) => String(c[0]))]).toEqual(U.volatile);
  } finally {
    spy.mockRestore();
  }
});

test("torch.Tensor / LongTensor / FloatTensor / DoubleTensor of an ndarray (x.numpy()'s form) convert to their dtype", () => {
  const got = [
    String(torch.Tensor({ data: new Float64Array([1.5, 2.0]), shape: [2] })),
    String(torch.LongTensor({ data: new Float64Array([1.7, -2.5]), shape: [2] })),
    String(torch.FloatTensor({ data: new BigInt64Array([1n, 2n]), shape: [1, 2] })),
    String(torch.DoubleTensor(new Float32Array([0.5])).dtype),
  ];
  expect(got).toEqual(U.legacy_numpy);
});
