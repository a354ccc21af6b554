"""PyTorch 1.13 references for test/tensor/int_dtype_errors.test.ts: what PyTorch refuses on an
integer or bool tensor that torchlab once let through or answered differently.

- requires_grad on an integer or bool tensor, from every factory, the setter, requires_grad_() and
  nn.Parameter: `Only Tensors of floating point and complex dtype can require gradients`.
- an in-place op whose result is float written into an integer or bool tensor: `result type Float
  can't be cast to the desired output type Long`, worded as pow_ and the clamps word it for a Python
  scalar operand.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes int_dtype_errors.json,
{name: [error class, first line of the message]}; the test holds the TypeScript port of each name.
"""
import json
import os

import torch

from _common import err

a = lambda dt=torch.int64: torch.tensor([1, 0, 2], dtype=dt)  # noqa: E731

CASES = {
    # requires_grad
    "tensor int requires_grad": lambda: torch.tensor([1, 2, 3], requires_grad=True),
    "tensor bool requires_grad": lambda: torch.tensor([True], requires_grad=True),
    "tensor int scalar requires_grad": lambda: torch.tensor(3, requires_grad=True),
    "tensor of int tensor requires_grad": lambda: torch.tensor(torch.arange(3), requires_grad=True),
    "full int requires_grad": lambda: torch.full([2], 7, requires_grad=True),
    "arange int requires_grad": lambda: torch.arange(5, requires_grad=True),
    "zeros long requires_grad": lambda: torch.zeros(2, dtype=torch.long, requires_grad=True),
    "ones_like int requires_grad": lambda: torch.ones_like(torch.arange(3), requires_grad=True),
    "randint requires_grad": lambda: torch.randint(0, 5, (3,), requires_grad=True),
    "new_tensor int requires_grad": lambda: torch.arange(3).new_tensor([1, 2], requires_grad=True),
    "setter int": lambda: setattr(torch.arange(3), "requires_grad", True),
    "requires_grad_ int": lambda: torch.arange(3).requires_grad_(),
    "requires_grad_ bool": lambda: torch.tensor([True]).requires_grad_(),
    "Parameter int": lambda: torch.nn.Parameter(torch.arange(3)),
    "Parameter bool": lambda: torch.nn.Parameter(torch.tensor([True])),
    # in-place ops writing a float result into an integer or bool tensor
    "add_ 0.5": lambda: a().add_(0.5),
    "sub_ 0.5": lambda: a().sub_(0.5),
    "mul_ 1.5": lambda: a().mul_(1.5),
    "div_ 2": lambda: a().div_(2),
    "add_ float tensor": lambda: a().add_(torch.tensor([0.5, 0.5, 0.5])),
    "int32 add_ 0.5": lambda: a(torch.int32).add_(0.5),
    "bool add_ 0.5": lambda: a(torch.bool).add_(0.5),
    "bool add_ 1": lambda: a(torch.bool).add_(1),
    "item add_ 0.5": lambda: a()[0].add_(0.5),
    "slice mul_ 1.5": lambda: a()[0:2].mul_(1.5),
    "sqrt_": lambda: a().sqrt_(),
    "exp_": lambda: a().exp_(),
    "sigmoid_": lambda: a().sigmoid_(),
    "pow_ 0.5": lambda: a().pow_(0.5),
    "int32 pow_ 0.5": lambda: a(torch.int32).pow_(0.5),
    "pow_ float tensor": lambda: a().pow_(torch.tensor(0.5)),
    "clamp_ 0.5": lambda: a().clamp_(0.5),
    "clamp_ 0.5 1.5": lambda: a().clamp_(0.5, 1.5),
    "int32 clamp_ 0.5": lambda: a(torch.int32).clamp_(0.5),
    "bool clamp_ 0.5": lambda: a(torch.bool).clamp_(0.5),
    "clamp_min_ 0.5": lambda: a().clamp_min_(0.5),
    "clamp_max_ 0.5": lambda: a().clamp_max_(0.5),
    "clamp_min_ float tensor": lambda: a().clamp_min_(torch.tensor(0.5)),
    "remainder_ 1.5": lambda: a().remainder_(1.5),
    "add_ alpha 0.5": lambda: a().add_(a(), alpha=0.5),
}

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "int_dtype_errors.json"), "w") as f:
    json.dump({name: err(fn) for name, fn in CASES.items()}, f, indent=1)
    f.write("\n")
print(len(CASES), "cases")
