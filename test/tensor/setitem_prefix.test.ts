/**
 * `x[index] = value` drops the value's leading size-1 dims before the copy, as PyTorch does
 * (test/reference/gen_tutorials3.py, section setitem_prefix): the seq2seq tutorial writes a [1, 10]
 * attention row into a [10] slot. Basic and advanced indexing, and the gradient back to the value.
 */
import { torch } from "../../src";
import { RuntimeError } from "../../src/errors";
import { reference, expectTensor, Encoded } from "../tutorials/_tutorial";

const R = reference("setitem_prefix");

test("setitem accepts values with extra leading size-1 dims; gradients keep the value's shape", () => {
  const x = torch.zeros(3, 4);
  const src = torch.tensor([[1, 2, 3, 4]], { dtype: torch.float32, requires_grad: true });
  const y = x.clone();
  y.setitem(1, src);
  y.setitem(":, 0", torch.tensor([[[5, 6, 7]]], { dtype: torch.float32 }));
  y.setitem([torch.tensor([0, 2]), [1, 3]], torch.tensor([[[-1, -2], [-3, -4]]], { dtype: torch.float32 }));
  y.mul(torch.arange(12, { dtype: torch.float32 }).reshape(3, 4)).sum().backward();
  expectTensor(y, R.y as Encoded, 0);
  expectTensor(src.grad!, R.src_grad as Encoded, 0);
  const z = torch.zeros(3, 4);
  z.setitem(2, torch.tensor([[[9]]], { dtype: torch.float32 }));
  expectTensor(z, R.z as Encoded, 0);
});

test("a value that does not fit after dropping the leading 1s is still refused", () => {
  expect((R.error as string[])[0]).toBe("RuntimeError");
  expect(() => torch.zeros(3, 4).setitem(1, torch.ones(2, 4))).toThrow(RuntimeError);
});
