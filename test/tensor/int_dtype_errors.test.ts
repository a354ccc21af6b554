/**
 * What PyTorch refuses on integer and bool tensors, with PyTorch 1.13's class and message
 * (test/reference/gen_int_dtype_errors.py): requires_grad, and in-place ops whose result is float.
 * torchlab names the op first ("add_: result type ..."); PyTorch's text follows.
 */
import * as fs from "fs";
import * as path from "path";
import { torch } from "../../src";
import type { Tensor } from "../../src";

const nn = torch.nn;

const ref = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "int_dtype_errors.json"), "utf8")) as Record<string, [string, string]>;

const a = (dtype = torch.int64): Tensor => torch.tensor([1, 0, 2], { dtype });

const CASES: Record<string, () => unknown> = {
  "tensor int requires_grad": () => torch.tensor([1, 2, 3], { requires_grad: true }),
  "tensor bool requires_grad": () => torch.tensor([true], { requires_grad: true }),
  "tensor int scalar requires_grad": () => torch.tensor(3, { requires_grad: true }),
  "tensor of int tensor requires_grad": () => torch.tensor(torch.arange(3), { requires_grad: true }),
  "full int requires_grad": () => torch.full([2], 7, { requires_grad: true }),
  "arange int requires_grad": () => torch.arange(5, { requires_grad: true }),
  "zeros long requires_grad": () => torch.zeros(2, { dtype: torch.long, requires_grad: true }),
  "ones_like int requires_grad": () => torch.ones_like(torch.arange(3), { requires_grad: true }),
  "randint requires_grad": () => torch.randint(0, 5, [3], { requires_grad: true }),
  "new_tensor int requires_grad": () => torch.arange(3).new_tensor([1, 2], { requires_grad: true }),
  "setter int": () => {
    torch.arange(3).requires_grad = true;
  },
  "requires_grad_ int": () => torch.arange(3).requires_grad_(),
  "requires_grad_ bool": () => torch.tensor([true]).requires_grad_(),
  "Parameter int": () => new nn.Parameter(torch.arange(3)),
  "Parameter bool": () => new nn.Parameter(torch.tensor([true])),
  "add_ 0.5": () => a().add_(0.5),
  "sub_ 0.5": () => a().sub_(0.5),
  "mul_ 1.5": () => a().mul_(1.5),
  "div_ 2": () => a().div_(2),
  "add_ float tensor": () => a().add_(torch.tensor([0.5, 0.5, 0.5])),
  "int32 add_ 0.5": () => a(torch.int32).add_(0.5),
  "bool add_ 0.5": () => a(torch.bool).add_(0.5),
  "bool add_ 1": () => a(torch.bool).add_(1),
  "item add_ 0.5": () => a().get(0).add_(0.5),
  "slice mul_ 1.5": () => a().index("0:2").mul_(1.5),
  "sqrt_": () => a().sqrt_(),
  "exp_": () => a().exp_(),
  "sigmoid_": () => a().sigmoid_(),
  "pow_ 0.5": () => a().pow_(0.5),
  "int32 pow_ 0.5": () => a(torch.int32).pow_(0.5),
  "pow_ float tensor": () => a().pow_(torch.tensor(0.5)),
  "clamp_ 0.5": () => a().clamp_(0.5),
  "clamp_ 0.5 1.5": () => a().clamp_(0.5, 1.5),
  "int32 clamp_ 0.5": () => a(torch.int32).clamp_(0.5),
  "bool clamp_ 0.5": () => a(torch.bool).clamp_(0.5),
  "clamp_min_ 0.5": () => a().clamp_min_(0.5),
  "clamp_max_ 0.5": () => a().clamp_max_(0.5),
  "clamp_min_ float tensor": () => a().clamp_min_(torch.tensor(0.5)),
  "remainder_ 1.5": () => a().remainder_(1.5),
  "add_ alpha 0.5": () => a().add_(a(), { alpha: 0.5 }),
};

test("every PyTorch case has its port", () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).sort());
});

test.each(Object.keys(ref))("%s", (name) => {
  const [cls, message] = ref[name];
  let thrown: unknown;
  try {
    CASES[name]();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(Error);
  expect([(thrown as Error).constructor.name, (thrown as Error).message]).toEqual([cls, expect.stringContaining(message)]);
});

test("the integer tensor an in-place op refused is unchanged", () => {
  const x = a();
  expect(() => x.get(0).add_(0.5)).toThrow();
  expect(() => x.clamp_(0.5)).toThrow();
  expect(x.tolist()).toEqual([1, 0, 2]);
});

test("without requires_grad an integer Parameter keeps its dtype", () => {
  expect(new nn.Parameter(torch.arange(3), false).dtype).toBe(torch.int64);
});
