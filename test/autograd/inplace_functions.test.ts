/**
 * torch.sin_(x) and the other in-place functions of the torch namespace against PyTorch 1.13
 * (test/reference/gen_tutorials4.py, section inplace_functions): the value written into a non-leaf,
 * the same tensor returned, its grad_fn name, the gradient reaching the leaf, and the error on a
 * leaf that requires grad (the introyt autograd tutorial's example).
 */
import { torch } from "../../src";
import { readReference } from "../tensor/fixtures";
import { expectTensor, Encoded } from "../tutorials/_tutorial";

type Tensor = InstanceType<typeof torch.Tensor>;
interface Case { out: Encoded; grad_fn: string; grad: Encoded; same: boolean }
const R = readReference<Record<string, Record<string, Case | [string, string]>>>("tutorials4.json").inplace_functions;
const fns: Record<string, (t: Tensor) => Tensor> = {
  sin_: torch.sin_, cos_: torch.cos_, log_: torch.log_, exp_: torch.exp_, sqrt_: torch.sqrt_,
  tanh_: torch.tanh_, sigmoid_: torch.sigmoid_, relu_: torch.relu_, neg_: torch.neg_, abs_: torch.abs_,
};

test.each(Object.keys(fns))("torch.%s", (name) => {
  const want = R[name] as Case;
  const x = torch.tensor([0.3, -0.7, 1.2, 2.0], { requires_grad: true });
  const y = name === "log_" || name === "sqrt_" ? x.abs().add(0.5) : x.mul(1.5);
  const z = fns[name](y);
  z.mul(torch.tensor([1.0, 2.0, 3.0, 4.0])).sum().backward();
  expect(z === y).toBe(want.same);
  expect(z.grad_fn!.name()).toBe(want.grad_fn);
  expectTensor(z, want.out);
  expectTensor(x.grad!, want.grad);
});

test("an in-place function on a leaf that requires grad raises PyTorch's error", () => {
  expect(() => torch.sin_(torch.ones(2, { requires_grad: true }))).toThrow((R.leaf_error as [string, string])[1]);
});
