"""Reference values for the port of "Double Backward with Custom Functions" (pytorch/tutorials
intermediate_source/custom_function_double_backward_tutorial.rst) in
test/tutorials/custom_function_double_backward.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_custom_function_double_backward.py
Writes test/reference/custom_function_double_backward.json: {section: {name: value}}.

Each section runs the tutorial's code after torch.manual_seed(0) (the tutorial does not seed; torchlab's
generator reproduces PyTorch's CPU stream), with torch.rand(3, 3, dtype=torch.double) drawn in float32
and converted (PyTorch's float64 stream differs, and torchlab computes in float32). In place of the
torchviz pictures it records what they show: grad_x, whether it requires grad, its grad_fn's name and
the names of that node's next_functions, and the second derivative d(grad_x.sum())/dx.
"""
import torch

from _common import enc as enc32
from _tutorial_common import write_json

OUT = {}


def enc(t):
    """float64 stays float64 (torchlab holds its values in float32)."""
    return enc32(t)


def names(node):
    return [None if n is None else type(n).__name__ for n, _ in node.next_functions] if node is not None else None


def graph(out, x, total=False):
    """What the tutorial's torchviz picture of (grad_x, x, out) shows, and the second derivative."""
    grad_x, = torch.autograd.grad(out.sum() if total else out, x, create_graph=True)
    rec = {"grad_x": enc(grad_x), "requires_grad": grad_x.requires_grad,
           "grad_fn": None if grad_x.grad_fn is None else type(grad_x.grad_fn).__name__,
           "next": names(grad_x.grad_fn)}
    if grad_x.requires_grad:
        rec["second"] = enc(torch.autograd.grad(grad_x.sum(), x)[0])
    return rec


def rand33():
    return torch.rand(3, 3).double().requires_grad_()


# ------------------------------------------------------------------ Saving the Inputs
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx, grad_out):
        x, = ctx.saved_tensors
        return grad_out * 2 * x


torch.manual_seed(0)
x = rand33()
OUT["square"] = {"x": enc(x), "gradcheck": torch.autograd.gradcheck(Square.apply, x),
                 "gradgradcheck": torch.autograd.gradgradcheck(Square.apply, x)}
x = torch.tensor(1., requires_grad=True).clone()
OUT["square"]["graph"] = graph(Square.apply(x), x)


# ------------------------------------------------------------------ Saving the Outputs
class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        result = torch.exp(x)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_out):
        result, = ctx.saved_tensors
        return result * grad_out


x = torch.tensor(1., requires_grad=True, dtype=torch.double).clone()
OUT["exp"] = {"gradcheck": torch.autograd.gradcheck(Exp.apply, x), "gradgradcheck": torch.autograd.gradgradcheck(Exp.apply, x)}
OUT["exp"]["graph"] = graph(Exp.apply(x), x)


# ------------------------------------------------------------------ Saving Intermediate Results
class Sinh(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        expx = torch.exp(x)
        expnegx = torch.exp(-x)
        ctx.save_for_backward(expx, expnegx)
        return (expx - expnegx) / 2, expx, expnegx

    @staticmethod
    def backward(ctx, grad_out, _grad_out_exp, _grad_out_negexp):
        expx, expnegx = ctx.saved_tensors
        grad_input = grad_out * (expx + expnegx) / 2
        grad_input += _grad_out_exp * expx
        grad_input -= _grad_out_negexp * expnegx
        return grad_input


def sinh(x):
    return Sinh.apply(x)[0]


torch.manual_seed(0)
x = rand33()
OUT["sinh"] = {"x": enc(x), "gradcheck": torch.autograd.gradcheck(sinh, x), "gradgradcheck": torch.autograd.gradgradcheck(sinh, x)}
OUT["sinh"]["graph"] = graph(sinh(x), x, total=True)


# ------------------------------------------------------------------ What not to do
class SinhBad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        expx = torch.exp(x)
        expnegx = torch.exp(-x)
        ctx.expx = expx
        ctx.expnegx = expnegx
        return (expx - expnegx) / 2

    @staticmethod
    def backward(ctx, grad_out):
        expx = ctx.expx
        expnegx = ctx.expnegx
        grad_input = grad_out * (expx + expnegx) / 2
        return grad_input


OUT["sinh_bad"] = {"graph": graph(SinhBad.apply(x), x, total=True)}


# ------------------------------------------------------------------ When Backward is not Tracked
def cube_forward(x):
    return x**3


def cube_backward(grad_out, x):
    return grad_out * 3 * x**2


def cube_backward_backward(grad_out, sav_grad_out, x):
    return grad_out * sav_grad_out * 6 * x


def cube_backward_backward_grad_out(grad_out, x):
    return grad_out * 3 * x**2


class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return cube_forward(x)

    @staticmethod
    def backward(ctx, grad_out):
        x, = ctx.saved_tensors
        return CubeBackward.apply(grad_out, x)


class CubeBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, grad_out, x):
        ctx.save_for_backward(x, grad_out)
        return cube_backward(grad_out, x)

    @staticmethod
    def backward(ctx, grad_out):
        x, sav_grad_out = ctx.saved_tensors
        dx = cube_backward_backward(grad_out, sav_grad_out, x)
        dgrad_out = cube_backward_backward_grad_out(grad_out, x)
        return dgrad_out, dx


x = torch.tensor(2., requires_grad=True, dtype=torch.double)
OUT["cube"] = {"gradcheck": torch.autograd.gradcheck(Cube.apply, x), "gradgradcheck": torch.autograd.gradgradcheck(Cube.apply, x)}
OUT["cube"]["graph"] = graph(Cube.apply(x), x)
# A third derivative goes through CubeBackward's own backward.
g1, = torch.autograd.grad(Cube.apply(x), x, create_graph=True)
g2, = torch.autograd.grad(g1, x, create_graph=True)
OUT["cube"]["second_grad_fn"] = type(g2.grad_fn).__name__
OUT["cube"]["second"] = enc(g2)

print(write_json(OUT, "custom_function_double_backward.json"))
