"""Reference values for torch.autograd.Function (test/autograd/function.test.ts).

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_autograd_function.py
Writes test/reference/autograd_function.json: {case: {name: value}}, a value being a repr string, a
flag, an error message (type and text) or a tensor as _common.enc writes it. The functions are the
ones in PyTorch's docs ("Extending PyTorch": LinearFunction, MulConstant, MyReLU from "Learning
PyTorch with Examples", Exp) and small ones for each rule of ctx (mark_dirty, mark_non_differentiable,
set_materialize_grads, needs_input_grad) and of what backward may return. Inputs are literal values.
"""
import json
import os

import torch
import torch.nn as nn
from torch.autograd import Function

from _common import enc
from _common import err_dict as err

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = {}


class MyReLU(Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input


class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result


class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


class LinearFunction(Function):
    @staticmethod
    def forward(ctx, input, weight, bias=None):
        ctx.save_for_backward(input, weight, bias)
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias


class Linear(nn.Module):
    def __init__(self, input_features, output_features, bias=True):
        super().__init__()
        self.input_features = input_features
        self.output_features = output_features
        self.weight = nn.Parameter(torch.empty(output_features, input_features))
        if bias:
            self.bias = nn.Parameter(torch.empty(output_features))
        else:
            self.register_parameter('bias', None)
        self.weight.data.uniform_(-0.1, 0.1)
        if self.bias is not None:
            self.bias.data.uniform_(-0.1, 0.1)

    def forward(self, input):
        return LinearFunction.apply(input, self.weight, self.bias)


X = [-1.5, -0.25, 0.0, 0.5, 2.0, 3.0]


def basics():
    r = {}
    x = torch.tensor(X, requires_grad=True)
    y = MyReLU.apply(x)
    r["relu_repr"] = repr(y)
    r["relu_grad_fn"] = y.grad_fn.name()
    (y * torch.arange(6.)).sum().backward()
    r["relu_grad"] = enc(x.grad)
    x = torch.tensor([0.5, 1.0, -1.0], requires_grad=True)
    y = Exp.apply(x)
    r["exp_repr"] = repr(y)
    y.sum().backward()
    r["exp_grad"] = enc(x.grad)
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = MulConstant.apply(x, 2.5)
    r["mul_repr"] = repr(y)
    y.pow(2).sum().backward()
    r["mul_grad"] = enc(x.grad)
    r["mul_next_functions"] = [type(n).__name__ if n is not None else None for n, _ in y.grad_fn.next_functions]
    # needs_input_grad in forward and in backward, with a non-tensor argument in the middle.
    seen = []

    class N(Function):
        @staticmethod
        def forward(ctx, x, k, y):
            seen.append(list(ctx.needs_input_grad))
            seen.append(torch.is_grad_enabled())
            return x * y * k

        @staticmethod
        def backward(ctx, g):
            seen.append(list(ctx.needs_input_grad))
            seen.append(torch.is_grad_enabled())
            return g, None, g
    a = torch.ones(2, requires_grad=True)
    N.apply(a, 2, torch.ones(2)).sum().backward()
    r["needs_input_grad"] = seen
    r["needs_grad"] = enc(a.grad)
    with torch.no_grad():
        y = MulConstant.apply(torch.ones(2, requires_grad=True), 3)
    r["no_grad"] = [y.requires_grad, y.grad_fn is None, repr(y)]
    y = MulConstant.apply(torch.ones(2), 3)
    r["no_input_requires"] = [y.requires_grad, y.grad_fn is None]
    OUT["basics"] = r


def outputs():
    r = {}
    got = []

    class Two(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2, x * 3

        @staticmethod
        def backward(ctx, g1, g2):
            got.append([repr(g1), repr(g2)])
            return g1 * 2 + g2 * 3
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    a, b = Two.apply(x)
    r["two_repr"] = [repr(a), repr(b)]
    r["two_next_functions"] = [type(n).__name__ for n, _ in a.grad_fn.next_functions]
    a.sum().backward()
    r["two_first_grad"] = enc(x.grad)
    x.grad = None
    a, b = Two.apply(x)
    (a * b).sum().backward()
    r["two_both_grad"] = enc(x.grad)
    r["two_grad_outputs"] = got[:]
    a, b = Two.apply(x)
    r["two_autograd_grad"] = enc(torch.autograd.grad(b.sum(), x)[0])
    got.clear()

    class TwoNM(Function):
        @staticmethod
        def forward(ctx, x):
            ctx.set_materialize_grads(False)
            return x * 2, x * 3

        @staticmethod
        def backward(ctx, g1, g2):
            got.append([repr(g1), repr(g2)])
            return g1 * 2 if g1 is not None else g2 * 3
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    a, b = TwoNM.apply(x)
    b.sum().backward()
    r["nm_grad_outputs"] = got[:]
    r["nm_grad"] = enc(x.grad)
    got.clear()

    class Sort(Function):
        @staticmethod
        def forward(ctx, x):
            v, i = x.sort()
            ctx.mark_non_differentiable(i)
            ctx.save_for_backward(i)
            return v, i

        @staticmethod
        def backward(ctx, gv, gi):
            got.append(repr(gi))
            i, = ctx.saved_tensors
            r = torch.zeros_like(gv)
            r.index_add_(0, i, gv)
            return r
    x = torch.tensor([3.0, 1.0, 2.0], requires_grad=True)
    v, i = Sort.apply(x)
    r["sort_repr"] = [repr(v), repr(i), i.requires_grad]
    (v * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
    r["sort_gi"] = got[0]
    r["sort_grad"] = enc(x.grad)

    class Dirty(Function):
        @staticmethod
        def forward(ctx, x):
            x.mul_(2)
            ctx.mark_dirty(x)
            return x

        @staticmethod
        def backward(ctx, g):
            return g * 2
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    x = a.clone()
    y = Dirty.apply(x)
    r["dirty"] = [y is x, repr(y), x.grad_fn.name(), x._version]
    y.sum().backward()
    r["dirty_grad"] = enc(a.grad)
    r["dirty_leaf_error"] = err(lambda: Dirty.apply(torch.ones(2, requires_grad=True)))

    class Ident(Function):
        @staticmethod
        def forward(ctx, x):
            return x

        @staticmethod
        def backward(ctx, g):
            return g * 5
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    y = Ident.apply(a)
    r["ident"] = [y is a, repr(y), repr(a)]
    y.sum().backward()
    r["ident_grad"] = enc(a.grad)

    class Mixed(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2, "label", 3

        @staticmethod
        def backward(ctx, g, g_label, g_n):
            got.append([repr(g_label), repr(g_n)])
            return g * 2
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    t, s, n = Mixed.apply(a)
    r["mixed"] = [repr(t), s, n]
    got.clear()
    t.sum().backward()
    r["mixed_grad_outputs"] = got[0]
    r["mixed_grad"] = enc(a.grad)
    # hooks and retain_grad on an output
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    y = MulConstant.apply(a, 2.0)
    y.register_hook(lambda g: g * 10)
    y.retain_grad()
    y.sum().backward()
    r["hook_grad"] = enc(a.grad)
    r["hook_retained"] = enc(y.grad)
    OUT["outputs"] = r


def errors():
    r = {}

    class Many(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g, g
    r["too_many"] = err(lambda: Many.apply(torch.ones(2, requires_grad=True)).sum().backward())

    class ManyNone(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g, None
    a = torch.ones(2, requires_grad=True)
    ManyNone.apply(a).sum().backward()
    r["extra_none_grad"] = enc(a.grad)

    class Few(Function):
        @staticmethod
        def forward(ctx, x, y):
            return x * y

        @staticmethod
        def backward(ctx, g):
            return g
    r["too_few"] = err(lambda: Few.apply(torch.ones(2, requires_grad=True), torch.ones(2)).sum().backward())

    class Shape(Function):
        @staticmethod
        def forward(ctx, k, x, y):
            return x * y * k

        @staticmethod
        def backward(ctx, g):
            return None, g, torch.ones(3)
    r["bad_shape"] = err(lambda: Shape.apply(2, torch.ones(2), torch.ones(2, requires_grad=True)).sum().backward())
    r["bad_shape_unneeded"] = err(lambda: Shape.apply(2, torch.ones(2, requires_grad=True), torch.ones(2)).sum().backward())

    class Wide(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return torch.ones(4, 2, 3)
    a = torch.ones(2, 3, requires_grad=True)
    Wide.apply(a).sum().backward()
    r["summed_grad"] = enc(a.grad)

    class NonTensorGrad(Function):
        @staticmethod
        def forward(ctx, x, k):
            return x * k

        @staticmethod
        def backward(ctx, g):
            return g, g
    r["grad_for_non_tensor"] = err(lambda: NonTensorGrad.apply(torch.ones(2, requires_grad=True), 2).sum().backward())

    class NoBackward(Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2
    r["no_backward"] = err(lambda: NoBackward.apply(torch.ones(2, requires_grad=True)).sum().backward())

    class NoForward(Function):
        pass
    r["no_forward"] = err(lambda: NoForward.apply(torch.ones(2, requires_grad=True)))

    class Sq(Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        def backward(ctx, g):
            x, = ctx.saved_tensors
            return g * 2 * x

    def modified_leaf():
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        y = Sq.apply(x)
        with torch.no_grad():
            x.add_(1)
        y.sum().backward()
    r["modified_leaf"] = err(modified_leaf)

    def modified_non_leaf():
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        z = x * 1
        y = Sq.apply(z)
        z.add_(1)
        y.sum().backward()
    r["modified_non_leaf"] = err(modified_non_leaf)

    def modified_output():
        y = Exp.apply(torch.ones(2, requires_grad=True))
        y.add_(1)
        y.sum().backward()
    r["modified_output"] = err(modified_output)

    class SaveNumber(Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x, 3)
            return x * 2
    r["save_number"] = err(lambda: SaveNumber.apply(torch.ones(2, requires_grad=True)))

    def twice():
        y = Sq.apply(torch.ones(2, requires_grad=True))
        y.sum().backward()
        y.sum().backward()
    r["twice"] = err(twice)
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = Sq.apply(x)
    y.sum().backward(retain_graph=True)
    y.sum().backward()
    r["retained_grad"] = enc(x.grad)
    OUT["errors"] = r


def module():
    r = {}
    torch.manual_seed(0)
    lin = Linear(3, 2)
    r["weight"] = enc(lin.weight)
    r["bias"] = enc(lin.bias)
    x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [0.0, 1.0, 1.0], [-2.0, 0.5, 0.75]])
    y = torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [1.0, -1.0]])
    opt = torch.optim.SGD(lin.parameters(), lr=0.1)
    losses = []
    for _ in range(5):
        out = lin(x)
        loss = ((out - y) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    r["losses"] = losses
    r["weight_after"] = enc(lin.weight)
    r["out_repr"] = repr(lin(x))
    xi = x.clone().requires_grad_()
    gi, gw = torch.autograd.grad(lin(xi).sum(), [xi, lin.weight])
    r["grad_input"] = enc(gi)
    r["grad_weight"] = enc(gw)
    ref = nn.Linear(3, 2)
    with torch.no_grad():
        ref.weight.copy_(lin.weight)
        ref.bias.copy_(lin.bias)
    r["matches_nn_linear"] = torch.allclose(ref(x), lin(x))
    OUT["module"] = r


class Bad(Function):
    """x * w with the gradient of x doubled: gradcheck must catch it."""
    @staticmethod
    def forward(ctx, x, w):
        ctx.save_for_backward(x, w)
        return x * w

    @staticmethod
    def backward(ctx, g):
        x, w = ctx.saved_tensors
        return g * w * 2, g * x


def gradcheck():
    """In float64, as PyTorch's gradcheck wants (torchlab's float32 defaults are looser)."""
    r = {}
    torch.manual_seed(0)
    inp = (torch.randn(4, 3, dtype=torch.double, requires_grad=True), torch.randn(2, 3, dtype=torch.double, requires_grad=True))
    r["linear"] = torch.autograd.gradcheck(LinearFunction.apply, inp)
    x = torch.tensor([1.0, 2.0], dtype=torch.double, requires_grad=True)
    w = torch.tensor([3.0, -1.0], dtype=torch.double, requires_grad=True)
    r["bad"] = err(lambda: torch.autograd.gradcheck(Bad.apply, (x, w)))
    r["bad_no_raise"] = torch.autograd.gradcheck(Bad.apply, (x, w), raise_exception=False)
    OUT["gradcheck"] = r


def lifetimes():
    """Saved tensors are freed with the graph; two outputs share one node."""
    r = {}

    class Two(Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * 2, x ** 2

        @staticmethod
        def backward(ctx, g1, g2):
            x, = ctx.saved_tensors
            return g1 * 2 + g2 * x * 2
    x = torch.tensor([1.0, 3.0], requires_grad=True)
    a, b = Two.apply(x)
    a.sum().backward(retain_graph=True)
    b.sum().backward()
    r["two_separate_grad"] = enc(x.grad)
    a, b = Two.apply(x)
    a.sum().backward()
    r["two_second_error"] = err(lambda: b.sum().backward())
    kept = []

    class Keep(Function):
        @staticmethod
        def forward(ctx, x):
            kept.append(ctx)
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        def backward(ctx, g):
            x, = ctx.saved_tensors
            return g * x * 2
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = Keep.apply(x)
    r["kept_is_input"] = kept[0].saved_tensors[0] is x
    y.sum().backward()
    r["kept_grad"] = enc(x.grad)
    r["kept_error"] = err(lambda: kept[0].saved_tensors)
    OUT["lifetimes"] = r


def main():
    basics()
    outputs()
    errors()
    module()
    gradcheck()
    lifetimes()
    path = os.path.join(HERE, "autograd_function.json")
    with open(path, "w") as f:
        json.dump(OUT, f, indent=1)
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
