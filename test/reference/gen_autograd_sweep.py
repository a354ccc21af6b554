"""PyTorch 1.13 / Python 3.11 references for test/api/autograd_sweep.test.ts: autograd semantics found by
sweeping torchlab against PyTorch. Gradients of elementwise ops at their kinks (abs / sign / relu /
clamp at 0, sqrt at 0, 0 ** 0, where), reductions with dim / keepdim and their ties (max / min /
median / sort / topk / kthvalue pick one index, amax / amin / norm-inf split evenly), norms at 0,
cumprod with zeros, logsumexp / softmax with -inf, indexing with duplicate indices (accumulate),
gather / scatter / index_add / index_put / masked ops, shape ops, matmul of every rank pair, einsum,
losses with weights / ignore_index / label_smoothing, conv / pool / interpolate / pad, norms; then
requires_grad and is_leaf for each creation path, the error texts (backward twice, non-scalar,
in-place on a leaf, a saved tensor modified in place, int tensors), .grad accumulation, retain_grad
among hooks, module backward hooks, autograd.grad options, double backward (values and node names),
grad modes, autograd.Function, autograd.functional (jacobian / hessian / vjp / jvp / hvp / vhp),
gradcheck and anomaly detection. Each case is a Python function; the test runs its TypeScript
spelling, under the same name, and compares print()'s text (or the error's type and PyTorch's
message). Run with Debian's /usr/bin/python3 from test/reference: writes autograd_sweep.json.
"""
import json
import sys
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

assert torch.__version__.startswith("1.13"), torch.__version__


def P(v, dtype=torch.float32):
    """A leaf that requires grad."""
    return torch.tensor(v, dtype=dtype, requires_grad=True)


def gr(f, *values):
    """The gradients of f(*leaves).sum() with respect to each leaf made from values."""
    xs = [P(v) for v in values]
    f(*xs).sum().backward()
    return xs[0].grad if len(xs) == 1 else tuple(x.grad for x in xs)


def weighted(y):
    """y times 1, 2, 3, ... so that each output element has a gradient of its own."""
    return y * torch.arange(1.0, 1.0 + y.numel()).view_as(y)


NB = [[[[1.0, 2.0], [0.5, 3.0]], [[0.0, -1.0], [2.0, 1.0]]], [[[1.0, 1.0], [1.0, 0.0]], [[2.0, 0.0], [1.0, 4.0]]]]


def norm_grads(m, mode):
    m.train() if mode == "train" else m.eval()
    x = P(NB)
    (m(x) * torch.arange(16.0).view(2, 2, 2, 2)).sum().backward()
    return (x.grad, tuple(p.grad for p in m.parameters()))


def detach_flags():
    x = P([1.0, 2.0])
    y = x.detach()
    return (y.is_leaf, y.requires_grad, y.grad_fn)

def clone_flags():
    x = P([1.0, 2.0])
    y = x.clone()
    return (y.is_leaf, y.requires_grad, y.grad_fn.name())

def view_flags():
    x = P([1.0, 2.0])
    y = x.view(2, 1)
    return (y.is_leaf, y.requires_grad, y.grad_fn.name(), y._base is x)

def inplace_flags():
    x = P([1.0, 2.0])
    y = x * 2
    y.add_(1)
    return (y.is_leaf, y.grad_fn.name(), y._version)

def torch_tensor_of_tensor_flags():
    x = P([1.0, 2.0])
    import warnings
    with warnings.catch_warnings():
      warnings.simplefilter('ignore')
      y = torch.tensor(x)
    return (y.is_leaf, y.requires_grad)

def new_tensor_flags():
    x = P([1.0, 2.0])
    import warnings
    with warnings.catch_warnings():
      warnings.simplefilter('ignore')
      y = x.new_tensor([3.0])
    return (y.is_leaf, y.requires_grad)

def to_float64_flags():
    x = P([1.0, 2.0])
    y = x.to(torch.float64)
    return (y.is_leaf, y.requires_grad, y.grad_fn.name(), y.dtype)

def to_same_dtype_is_self():
    x = P([1.0, 2.0])
    return x.to(torch.float32) is x

def long_drops_grad():
    x = P([1.0, 2.0])
    y = x.long()
    return (y.requires_grad, y.grad_fn)

def data_flags():
    x = P([1.0, 2.0])
    y = x.data
    return (y.is_leaf, y.requires_grad)

def data_write_unversioned():
    x = P([1.0, 2.0])
    x.data.mul_(2)
    (x * x).sum().backward()
    return (x, x.grad, x._version)

def comparison_and_sign_flags():
    x = P([1.0, 2.0])
    return ((x > 1).requires_grad, x.sign().requires_grad, x.floor().grad_fn.name(), x.argmax().requires_grad)

def parameter_flags():
    x = P([1.0, 2.0])
    p = nn.Parameter(torch.ones(2))
    return (p.is_leaf, p.requires_grad, (p * 2).is_leaf)

def print_grad_fn():
    x = P([1.0, 2.0])
    return (x * 2, (x * 2).sum(), x.mean(), x[0])

def int_requires_grad_error():
    x = P([1.0, 2.0])
    torch.tensor([1, 2], requires_grad=True)

def int_requires_grad_setter_error():
    x = P([1.0, 2.0])
    y = torch.tensor([1, 2])
    y.requires_grad = True

def nonleaf_requires_grad_false_error():
    x = P([1.0, 2.0])
    (x * 2).requires_grad_(False)

def backward_twice_error():
    x = P([1.0, 2.0])
    y = (x * x).sum()
    y.backward()
    y.backward()

def backward_twice_retained():
    x = P([1.0, 2.0])
    y = x.exp().sum()
    y.backward(retain_graph=True)
    y.backward()
    return x.grad

def backward_nonscalar_error():
    x = P([1.0, 2.0])
    (x * 2).backward()

def backward_with_gradient():
    x = P([1.0, 2.0])
    (x * 2).backward(torch.tensor([1.0, 0.5]))
    return x.grad

def inplace_leaf_error():
    x = P([1.0, 2.0])
    x.add_(1)

def setitem_leaf_error():
    x = P([1.0, 2.0])
    x[0] = 5

def inplace_leaf_under_no_grad():
    x = P([1.0, 2.0])
    with torch.no_grad():
      x.add_(1)
    return (x, x.requires_grad, x._version)

def saved_output_modified_error():
    x = P([1.0, 2.0])
    y = x.exp()
    y.add_(1)
    y.sum().backward()

def saved_input_modified_error():
    x = P([1.0, 2.0])
    y = x * 1
    z = y * y
    y.mul_(2)
    z.sum().backward()

def saved_relu_modified_error():
    x = P([1.0, 2.0])
    y = x.relu()
    y.relu_()
    y.sum().backward()

def unsaved_input_modified_ok():
    x = P([1.0, 2.0])
    y = x * 1
    z = y + 1
    y.mul_(2)
    z.sum().backward()
    return x.grad

def setitem_copyslices():
    x = P([1.0, 2.0])
    y = x * 1
    v0 = y._version
    y[0] = 3
    n = y.grad_fn.name()
    y.sum().backward()
    return (v0, y._version, n, x.grad)

def inplace_through_view():
    x = P([1.0, 2.0])
    y = x * 1
    v = y[:1]
    v.mul_(3)
    n = (y.grad_fn.name(), v.grad_fn.name())
    y.sum().backward()
    return (n, x.grad)

def setitem_duplicate_index():
    x = P([1.0, 2.0])
    y = x * 1
    y[torch.tensor([0, 0])] = torch.tensor([5., 6.])
    (y * torch.tensor([1., 2.])).sum().backward()
    return x.grad

def grad_of_constant_error():
    x = P([1.0, 2.0])
    z = torch.tensor([1.0])
    torch.autograd.grad(z.sum(), z)

def grad_input_not_requiring_error():
    x = P([1.0, 2.0])
    torch.autograd.grad((x * 2).sum(), torch.ones(2))

def backward_of_constant_error():
    x = P([1.0, 2.0])
    torch.tensor([1.0]).sum().backward()

def grad_unused_error():
    x = P([1.0, 2.0])
    y = P([3.0])
    torch.autograd.grad((x * 2).sum(), [x, y])

def grad_allow_unused():
    x = P([1.0, 2.0])
    y = P([3.0])
    return torch.autograd.grad((x * 2).sum(), [x, y], allow_unused=True)

def grad_grad_outputs():
    x = P([1.0, 2.0])
    g = torch.autograd.grad(x ** 3, x, torch.tensor([1.0, 2.0]))
    return (g, x.grad)

def grad_twice_error():
    x = P([1.0, 2.0])
    y = (x ** 3).sum()
    torch.autograd.grad(y, x)
    torch.autograd.grad(y, x)

def grad_retain_graph():
    x = P([1.0, 2.0])
    y = (x ** 3).sum()
    torch.autograd.grad(y, x, retain_graph=True)
    return torch.autograd.grad(y, x)

def grad_two_outputs():
    x = P([1.0, 2.0])
    return torch.autograd.grad([(x * 2).sum(), (x * 3).sum()], x)

def grad_tuple_inputs():
    x = P([1.0, 2.0])
    y = P([2.0])
    return torch.autograd.grad((x * y).sum(), (x, y))

def grad_is_grads_batched():
    x = P([1.0, 2.0])
    return torch.autograd.grad(x * 2, x, torch.eye(2), is_grads_batched=True)

def grad_is_grads_batched_pow():
    x = P([1.0, 2.0])
    return torch.autograd.grad(x ** 2, x, torch.tensor([[1., 0.], [0., 1.], [1., 1.]]), is_grads_batched=True)

def grad_create_graph_twice():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((x ** 3).sum(), x, create_graph=True)
    g2, = torch.autograd.grad(g.sum(), x)
    return (g.detach(), g.requires_grad, g2)

def grad_third_order():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((x ** 3).sum(), x, create_graph=True)
    g2, = torch.autograd.grad(g.sum(), x, create_graph=True)
    g3, = torch.autograd.grad(g2.sum(), x)
    return (g2.detach(), g3)

def grad_accumulates():
    x = P([1.0, 2.0])
    (x * x).sum().backward()
    (x * 3).sum().backward()
    return x.grad

def grad_zero_then_accumulate():
    x = P([1.0, 2.0])
    (x * x).sum().backward()
    x.grad.zero_()
    (x * 3).sum().backward()
    return x.grad

def grad_set_to_none():
    x = P([1.0, 2.0])
    (x * x).sum().backward()
    x.grad = None
    (x * 3).sum().backward()
    return x.grad

def grad_accumulates_in_place():
    x = P([1.0, 2.0])
    (x * x).sum().backward()
    g0 = x.grad
    (x * 3).sum().backward()
    return (g0 is x.grad, g0)

def zero_grad_set_to_none():
    x = P([1.0, 2.0])
    m = nn.Linear(2, 1)
    m(torch.ones(1, 2)).sum().backward()
    m.zero_grad()
    a = m.weight.grad
    m(torch.ones(1, 2)).sum().backward()
    m.zero_grad(set_to_none=False)
    return (a, m.weight.grad)

def nonleaf_grad_is_none():
    x = P([1.0, 2.0])
    import warnings
    y = x * 2
    (y * y).sum().backward()
    with warnings.catch_warnings():
      warnings.simplefilter('ignore')
      return y.grad

def retain_grad_nonleaf():
    x = P([1.0, 2.0])
    y = x * 2
    y.retain_grad()
    (y * y).sum().backward()
    return (y.grad, y.retains_grad, x.retains_grad)

def retain_grad_accumulates():
    x = P([1.0, 2.0])
    y = x * 2
    y.retain_grad()
    z = (y * y).sum()
    z.backward(retain_graph=True)
    z.backward()
    return y.grad

def retain_grad_before_hook():
    x = P([1.0, 2.0])
    y = x * 2
    y.retain_grad()
    y.register_hook(lambda g: g + 1)
    (y * y).sum().backward()
    return (x.grad, y.grad)

def retain_grad_after_hook():
    x = P([1.0, 2.0])
    y = x * 2
    y.register_hook(lambda g: g + 1)
    y.retain_grad()
    (y * y).sum().backward()
    return (x.grad, y.grad)

def retain_grad_between_hooks():
    x = P([1.0, 2.0])
    y = x * 2
    y.register_hook(lambda g: g + 1)
    y.retain_grad()
    y.register_hook(lambda g: g * 10)
    (y * y).sum().backward()
    return (x.grad, y.grad)

def hook_modifies_then_removed():
    x = P([1.0, 2.0])
    h = x.register_hook(lambda g: g * 10)
    (x * x).sum().backward()
    a = x.grad.clone()
    h.remove()
    x.grad = None
    (x * x).sum().backward()
    return (a, x.grad)

def hooks_run_in_order():
    x = P([1.0, 2.0])
    x.register_hook(lambda g: g * 2)
    x.register_hook(lambda g: g + 1)
    x.sum().backward()
    return x.grad

def hook_on_constant_error():
    x = P([1.0, 2.0])
    torch.ones(2).register_hook(lambda g: g)

def module_full_backward_hook():
    x = P([1.0, 2.0])
    m = nn.Linear(2, 2)
    with torch.no_grad():
      m.weight.copy_(torch.tensor([[1., 2.], [3., 4.]]))
      m.bias.zero_()
    seen = []
    h = m.register_full_backward_hook(lambda mod, gi, go: seen.append((gi, go)))
    y = P([[1.0, 1.0]])
    m(y).sum().backward()
    h.remove()
    m(y).sum().backward()
    return (len(seen), seen[0], y.grad)

def module_full_backward_hook_replaces():
    x = P([1.0, 2.0])
    m = nn.ReLU()
    m.register_full_backward_hook(lambda mod, gi, go: (gi[0] * 0 + 7,))
    m(x * 1).sum().backward()
    return x.grad

def module_full_backward_hook_no_input_grad():
    x = P([1.0, 2.0])
    m = nn.Linear(2, 1)
    seen = []
    m.register_full_backward_hook(lambda mod, gi, go: seen.append(gi))
    m(torch.ones(1, 2)).sum().backward()
    return seen[0]

def double_backward_tanh():
    x = P([0.5, -1.0])
    g, = torch.autograd.grad((torch.tanh(x)).sum(), x, create_graph=True)
    g.sum().backward()
    return (g.detach(), x.grad)

def double_backward_sigmoid():
    x = P([0.5, -1.0])
    g, = torch.autograd.grad((torch.sigmoid(x)).sum(), x, create_graph=True)
    g.sum().backward()
    return (g.detach(), x.grad)

def double_backward_softplus():
    x = P([0.5, -1.0])
    g, = torch.autograd.grad((F.softplus(x)).sum(), x, create_graph=True)
    g.sum().backward()
    return (g.detach(), x.grad)

def double_backward_gelu():
    x = P([0.5, -1.0])
    g, = torch.autograd.grad((F.gelu(x)).sum(), x, create_graph=True)
    g.sum().backward()
    return (g.detach(), x.grad)

def double_backward_elu():
    x = P([0.5, -1.0])
    g, = torch.autograd.grad((F.elu(x)).sum(), x, create_graph=True)
    g.sum().backward()
    return (g.detach(), x.grad)

def double_backward_mse_loss():
    x = P([0.5, -1.0])
    g, = torch.autograd.grad((F.mse_loss(x, torch.zeros(2))).sum(), x, create_graph=True)
    g.sum().backward()
    return (g.detach(), x.grad)

def double_backward_exp_sin():
    x = P([0.5, -1.0])
    g, = torch.autograd.grad((x.exp() * x.sin()).sum(), x, create_graph=True)
    g.sum().backward()
    return (g.detach(), x.grad)

def double_backward_atan2():
    x = P([0.5, -1.0])
    g, = torch.autograd.grad((torch.atan2(x, x * x + 1)).sum(), x, create_graph=True)
    g.sum().backward()
    return (g.detach(), x.grad)

def double_backward_name_tanh():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((torch.tanh(x)).sum(), x, create_graph=True)
    return g.grad_fn.name()

def double_backward_name_sigmoid():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((torch.sigmoid(x)).sum(), x, create_graph=True)
    return g.grad_fn.name()

def double_backward_name_softplus():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((F.softplus(x)).sum(), x, create_graph=True)
    return g.grad_fn.name()

def double_backward_name_gelu():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((F.gelu(x)).sum(), x, create_graph=True)
    return g.grad_fn.name()

def double_backward_name_mse_loss():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((F.mse_loss(x, torch.zeros(2))).sum(), x, create_graph=True)
    return g.grad_fn.name()

def double_backward_name_relu():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((x.relu() ** 2).sum(), x, create_graph=True)
    return g.grad_fn.name()

def double_backward_name_log_softmax():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((F.log_softmax(x, 0)[0]).sum(), x, create_graph=True)
    return g.grad_fn.name()

def double_backward_name_softmax():
    x = P([1.0, 2.0])
    g, = torch.autograd.grad((F.softmax(x, 0)[0]).sum(), x, create_graph=True)
    return g.grad_fn.name()

def double_backward_conv2d():
    x = P([[[[1.0, 2.0, 0.5], [0.0, -1.0, 2.0], [1.0, 1.0, 1.0]]]])
    w = P([[[[1.0, -1.0], [0.5, 2.0]]]])
    gx, gw = torch.autograd.grad((F.conv2d(x, w) ** 2).sum(), (x, w), create_graph=True)
    (gx.sum() + gw.sum()).backward()
    return (gx.grad_fn.name(), gx.detach(), gw.detach(), x.grad, w.grad)

def backward_create_graph_grad_requires_grad():
    x = P([1.0, 2.0])
    (x ** 3).sum().backward(create_graph=True)
    return (x.grad.detach(), x.grad.requires_grad)

def no_grad_enable_grad_nesting():
    x = P([1.0, 2.0])
    with torch.no_grad():
      y = x * 2
      with torch.enable_grad():
        z = x * 2
    return (y.requires_grad, z.requires_grad, torch.is_grad_enabled())

def set_grad_enabled_switch():
    x = P([1.0, 2.0])
    torch.set_grad_enabled(False)
    y = x * 2
    torch.set_grad_enabled(True)
    return (y.requires_grad, torch.is_grad_enabled())

def set_grad_enabled_block():
    x = P([1.0, 2.0])
    with torch.set_grad_enabled(False):
      y = x * 2
    return (y.requires_grad, torch.is_grad_enabled())

def inference_mode_block():
    x = P([1.0, 2.0])
    with torch.inference_mode():
      inside = torch.is_inference_mode_enabled()
      y = x * 2
    return (inside, y.requires_grad, torch.is_inference_mode_enabled())

def inference_mode_false():
    x = P([1.0, 2.0])
    with torch.inference_mode(False):
      y = x * 2
    return (y.requires_grad, torch.is_inference_mode_enabled())

def no_grad_decorator():
    x = P([1.0, 2.0])
    @torch.no_grad()
    def f(a):
      return a * 2
    return (f(x).requires_grad, torch.is_grad_enabled())

def no_grad_result_backward_error():
    x = P([1.0, 2.0])
    with torch.no_grad():
      y = x * 2
    y.sum().backward()

def t_of_1d_grad_fn():
    x = P([1.0, 2.0])
    return (x.t().grad_fn.name(), x.unsqueeze(0).t().grad_fn.name())

def function_needs_input_grad():
    x = P([1.0, 2.0])
    seen = []
    class Sq(torch.autograd.Function):
      @staticmethod
      def forward(ctx, a, b):
        ctx.save_for_backward(a)
        return a * a * b
      @staticmethod
      def backward(ctx, g):
        a, = ctx.saved_tensors
        seen.append(ctx.needs_input_grad)
        return 2 * a * g, None
    y = Sq.apply(x, torch.tensor(3.0))
    n = y.grad_fn.name()
    y.sum().backward()
    return (n, seen[0], x.grad)

def function_mark_dirty():
    x = P([1.0, 2.0])
    class D(torch.autograd.Function):
      @staticmethod
      def forward(ctx, a):
        ctx.mark_dirty(a)
        return a.mul_(2)
      @staticmethod
      def backward(ctx, g):
        return g * 2
    y = x * 1
    z = D.apply(y)
    r = (z is y, y._version, z.grad_fn.name())
    z.sum().backward()
    return (r, x.grad)

def function_mark_non_differentiable():
    seen = []
    class S(torch.autograd.Function):
      @staticmethod
      def forward(ctx, a):
        v, i = a.sort()
        ctx.mark_non_differentiable(i)
        ctx.save_for_backward(i)
        return v, i
      @staticmethod
      def backward(ctx, gv, gi):
        i, = ctx.saved_tensors
        seen.append(gi)
        return torch.zeros_like(gv).scatter(0, i, gv)
    x = P([3.0, 1.0, 2.0])
    v, i = S.apply(x)
    r = (v.requires_grad, i.requires_grad)
    (v * torch.arange(3.)).sum().backward()
    return (r, seen[0], x.grad)

def function_none_grad():
    x = P([1.0, 2.0])
    class N(torch.autograd.Function):
      @staticmethod
      def forward(ctx, a, b):
        return a * b
      @staticmethod
      def backward(ctx, g):
        return None, g
    y = P([2.0])
    N.apply(x, y).sum().backward()
    return (x.grad, y.grad)

def function_too_many_grads_error():
    x = P([1.0, 2.0])
    class W(torch.autograd.Function):
      @staticmethod
      def forward(ctx, a):
        return a * 2
      @staticmethod
      def backward(ctx, g):
        return g, g
    W.apply(x).sum().backward()

def function_wrong_grad_shape_error():
    x = P([1.0, 2.0])
    class W2(torch.autograd.Function):
      @staticmethod
      def forward(ctx, a):
        return a * 2
      @staticmethod
      def backward(ctx, g):
        return torch.ones(3)
    W2.apply(x).sum().backward()

def jacobian_single():
    x = P([1.0, 2.0])
    return torch.autograd.functional.jacobian(lambda a: a ** 2 * torch.tensor([1., 2.]), torch.tensor([1.0, 3.0]))

def jacobian_tuple_inputs():
    x = P([1.0, 2.0])
    return torch.autograd.functional.jacobian(lambda a, b: a * b, (torch.tensor([1.0, 3.0]), torch.tensor([2.0, 4.0])))

def jacobian_tuple_outputs():
    x = P([1.0, 2.0])
    return torch.autograd.functional.jacobian(lambda a: (a * 2, a.sum()), torch.tensor([1.0, 3.0]))

def jacobian_constant_create_graph():
    x = P([1.0, 2.0])
    j = torch.autograd.functional.jacobian(lambda a: torch.ones(2), torch.tensor([1.0, 3.0]), create_graph=True)
    return (j, j.requires_grad)

def jacobian_constant_output():
    x = P([1.0, 2.0])
    return torch.autograd.functional.jacobian(lambda a: torch.ones(2), torch.tensor([1.0, 3.0]))

def jacobian_strict_constant_error():
    x = P([1.0, 2.0])
    torch.autograd.functional.jacobian(lambda a: torch.ones(2), torch.tensor([1.0, 3.0]), strict=True)

def jacobian_strict_independent_error():
    x = P([1.0, 2.0])
    torch.autograd.functional.jacobian(lambda a, b: a * 2, (torch.tensor([1.0]), torch.tensor([2.0])), strict=True)

def hessian_single():
    x = P([1.0, 2.0])
    return torch.autograd.functional.hessian(lambda a: (a ** 3).sum(), torch.tensor([1.0, 2.0]))

def hessian_tuple():
    x = P([1.0, 2.0])
    return torch.autograd.functional.hessian(lambda a, b: (a * b * b).sum(), (torch.tensor([1.0]), torch.tensor([2.0])))

def vjp_with_v():
    x = P([1.0, 2.0])
    return torch.autograd.functional.vjp(lambda a: a ** 2, torch.tensor([1.0, 3.0]), torch.tensor([1.0, 0.5]))

def vjp_scalar_no_v():
    x = P([1.0, 2.0])
    return torch.autograd.functional.vjp(lambda a: a.sum(), torch.tensor([1.0, 3.0]))

def vjp_no_v_error():
    x = P([1.0, 2.0])
    torch.autograd.functional.vjp(lambda a: a ** 2, torch.tensor([1.0, 3.0]))

def jvp_with_v():
    x = P([1.0, 2.0])
    return torch.autograd.functional.jvp(lambda a: a ** 2, torch.tensor([1.0, 3.0]), torch.tensor([1.0, 0.5]))

def jvp_two_inputs():
    x = P([1.0, 2.0])
    return torch.autograd.functional.jvp(lambda a, b: (a * b).sum(), (torch.tensor([1.0, 3.0]), torch.tensor([2.0, 4.0])), (torch.tensor([1.0, 0.0]), torch.tensor([0.0, 1.0])))

def jvp_tuple_outputs():
    x = P([1.0, 2.0])
    return torch.autograd.functional.jvp(lambda a: (a.exp(), a.sin().sum()), torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))

def jvp_no_v_error():
    x = P([1.0, 2.0])
    torch.autograd.functional.jvp(lambda a: a ** 2, torch.tensor([1.0, 3.0]))

def hvp_pow():
    x = P([1.0, 2.0])
    return torch.autograd.functional.hvp(lambda a: (a ** 3).sum(), torch.tensor([1.0, 3.0]), torch.tensor([1.0, 0.5]))

def vhp_pow():
    x = P([1.0, 2.0])
    return torch.autograd.functional.vhp(lambda a: (a ** 3).sum(), torch.tensor([1.0, 3.0]), torch.tensor([1.0, 0.5]))

def gradcheck_float64():
    x = P([1.0, 2.0])
    a = torch.tensor([0.5, 1.5], dtype=torch.float64, requires_grad=True)
    return (torch.autograd.gradcheck(lambda t: (t.sin() * t).sum(), (a,)), torch.autograd.gradgradcheck(lambda t: t.sin() * t, (a,)))

def gradcheck_wrong_backward():
    x = P([1.0, 2.0])
    class Bad(torch.autograd.Function):
      @staticmethod
      def forward(ctx, a):
        return a * 2
      @staticmethod
      def backward(ctx, g):
        return g * 3
    a = torch.tensor([0.5], dtype=torch.float64, requires_grad=True)
    return torch.autograd.gradcheck(Bad.apply, (a,), raise_exception=False)

def anomaly_nan_sqrt_error():
    import warnings
    x = P([0.0])
    with warnings.catch_warnings():
      warnings.simplefilter('ignore')
      with torch.autograd.detect_anomaly():
        (x.sqrt() * 0).sum().backward()

def anomaly_nan_negative_sqrt_error():
    import warnings
    x = P([-1.0])
    with warnings.catch_warnings():
      warnings.simplefilter('ignore')
      with torch.autograd.detect_anomaly():
        x.sqrt().sum().backward()

def anomaly_no_nan_passes():
    import warnings
    x = P([-1.0])
    with warnings.catch_warnings():
      warnings.simplefilter('ignore')
      with torch.autograd.detect_anomaly():
        (x.log() * 0).sum().backward()
    return (x.grad, torch.is_anomaly_enabled())

def anomaly_off_gives_nan():
    x = P([0.0])
    (x.sqrt() * 0).sum().backward()
    return x.grad

def set_detect_anomaly_switch():
    x = P([1.0, 2.0])
    torch.autograd.set_detect_anomaly(True)
    a = torch.is_anomaly_enabled()
    torch.autograd.set_detect_anomaly(False)
    return (a, torch.is_anomaly_enabled())

def grad_dtype_float64():
    x = P([1.0, 2.0], torch.float64)
    (x * 2).sum().backward()
    return (x.grad.dtype, x.grad)

def grad_dtype_through_double():
    x = P([1.0, 2.0])
    y = x.double()
    (y * y).sum().backward()
    return (x.grad.dtype, x.grad)

def grad_assign_wrong_shape_error():
    x = P([1.0, 2.0])
    x.grad = torch.ones(3)


CASES = {
    "abs_grad": lambda: gr(lambda x: torch.abs(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "abs_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).abs().grad_fn.name(),
    "sign_grad": lambda: gr(lambda x: torch.sign(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "sign_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).sign().grad_fn.name(),
    "relu_grad": lambda: gr(lambda x: torch.relu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "relu_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).relu().grad_fn.name(),
    "sqrt_grad": lambda: gr(lambda x: torch.sqrt(x), [0.0, 0.25, 1.0, 4.0]),
    "sqrt_grad_fn": lambda: P([0.0, 0.25, 1.0, 4.0]).sqrt().grad_fn.name(),
    "rsqrt_grad": lambda: gr(lambda x: torch.rsqrt(x), [0.25, 1.0, 4.0]),
    "rsqrt_grad_fn": lambda: P([0.25, 1.0, 4.0]).rsqrt().grad_fn.name(),
    "log_grad": lambda: gr(lambda x: torch.log(x), [0.0, 0.25, 1.0, 4.0]),
    "log_grad_fn": lambda: P([0.0, 0.25, 1.0, 4.0]).log().grad_fn.name(),
    "log1p_grad": lambda: gr(lambda x: torch.log1p(x), [0.0, 0.25, 1.0, 4.0]),
    "log1p_grad_fn": lambda: P([0.0, 0.25, 1.0, 4.0]).log1p().grad_fn.name(),
    "tanh_grad": lambda: gr(lambda x: torch.tanh(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "tanh_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).tanh().grad_fn.name(),
    "sigmoid_grad": lambda: gr(lambda x: torch.sigmoid(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "sigmoid_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).sigmoid().grad_fn.name(),
    "asin_grad": lambda: gr(lambda x: torch.asin(x), [-0.9, -0.5, 0.0, 0.5, 0.9]),
    "asin_grad_fn": lambda: P([-0.9, -0.5, 0.0, 0.5, 0.9]).asin().grad_fn.name(),
    "acos_grad": lambda: gr(lambda x: torch.acos(x), [-0.9, -0.5, 0.0, 0.5, 0.9]),
    "acos_grad_fn": lambda: P([-0.9, -0.5, 0.0, 0.5, 0.9]).acos().grad_fn.name(),
    "atanh_grad": lambda: gr(lambda x: torch.atanh(x), [-0.9, -0.5, 0.0, 0.5, 0.9]),
    "atanh_grad_fn": lambda: P([-0.9, -0.5, 0.0, 0.5, 0.9]).atanh().grad_fn.name(),
    "erfinv_grad": lambda: gr(lambda x: torch.erfinv(x), [-0.9, -0.5, 0.0, 0.5, 0.9]),
    "erfinv_grad_fn": lambda: P([-0.9, -0.5, 0.0, 0.5, 0.9]).erfinv().grad_fn.name(),
    "floor_grad": lambda: gr(lambda x: torch.floor(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "floor_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).floor().grad_fn.name(),
    "round_grad": lambda: gr(lambda x: torch.round(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "round_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).round().grad_fn.name(),
    "frac_grad": lambda: gr(lambda x: torch.frac(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "frac_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).frac().grad_fn.name(),
    "reciprocal_grad": lambda: gr(lambda x: torch.reciprocal(x), [-2.0, 0.5, 4.0]),
    "reciprocal_grad_fn": lambda: P([-2.0, 0.5, 4.0]).reciprocal().grad_fn.name(),
    "logit_grad": lambda: gr(lambda x: torch.logit(x), [0.0, 0.25, 0.5, 1.0]),
    "logit_grad_fn": lambda: P([0.0, 0.25, 0.5, 1.0]).logit().grad_fn.name(),
    "digamma_grad": lambda: gr(lambda x: torch.digamma(x), [0.5, 1.0, 3.0]),
    "digamma_grad_fn": lambda: P([0.5, 1.0, 3.0]).digamma().grad_fn.name(),
    "lgamma_grad": lambda: gr(lambda x: torch.lgamma(x), [0.5, 1.0, 3.0]),
    "lgamma_grad_fn": lambda: P([0.5, 1.0, 3.0]).lgamma().grad_fn.name(),
    "sinc_grad": lambda: gr(lambda x: torch.sinc(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "sinc_grad_fn": lambda: P([-2.0, -0.5, 0.0, 0.5, 2.0]).sinc().grad_fn.name(),
    "exp2_grad": lambda: gr(lambda x: torch.exp2(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "exp2_grad_fn": lambda: torch.exp2(P([-2.0, -0.5, 0.0, 0.5, 2.0])).grad_fn.name(),
    "F_relu6_grad": lambda: gr(lambda x: F.relu6(x), [-1.0, 0.0, 3.0, 6.0, 7.0]),
    "F_elu_grad": lambda: gr(lambda x: F.elu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "F_selu_grad": lambda: gr(lambda x: F.selu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "F_gelu_grad": lambda: gr(lambda x: F.gelu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "F_silu_grad": lambda: gr(lambda x: F.silu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "F_mish_grad": lambda: gr(lambda x: F.mish(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "F_softplus_grad": lambda: gr(lambda x: F.softplus(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "F_hardtanh_grad": lambda: gr(lambda x: F.hardtanh(x), [-1.0, -0.5, 1.0, 2.0]),
    "F_hardsigmoid_grad": lambda: gr(lambda x: F.hardsigmoid(x), [-3.0, -1.0, 0.0, 3.0, 4.0]),
    "F_hardswish_grad": lambda: gr(lambda x: F.hardswish(x), [-3.0, -1.0, 0.0, 3.0, 4.0]),
    "F_leaky_relu_grad": lambda: gr(lambda x: F.leaky_relu(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "F_logsigmoid_grad": lambda: gr(lambda x: F.logsigmoid(x), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "F_softshrink_grad": lambda: gr(lambda x: F.softshrink(x), [-0.5, -0.2, 0.0, 0.5, 1.0]),
    "F_hardshrink_grad": lambda: gr(lambda x: F.hardshrink(x), [-0.5, -0.2, 0.0, 0.5, 1.0]),
    "gelu_tanh_grad": lambda: gr(lambda x: F.gelu(x, approximate='tanh'), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "threshold_grad": lambda: gr(lambda x: F.threshold(x, 0.5, -1.0), [-2.0, -0.5, 0.0, 0.5, 2.0]),
    "prelu_grads": lambda: gr(lambda x, w: F.prelu(x, w), [-2.0, -0.5, 0.0, 0.5, 2.0], [0.25]),
    "add_broadcast_grads": lambda: gr(lambda x, y: torch.add(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "sub_broadcast_grads": lambda: gr(lambda x, y: torch.sub(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "mul_broadcast_grads": lambda: gr(lambda x, y: torch.mul(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "div_broadcast_grads": lambda: gr(lambda x, y: torch.div(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "maximum_broadcast_grads": lambda: gr(lambda x, y: torch.maximum(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "minimum_broadcast_grads": lambda: gr(lambda x, y: torch.minimum(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "atan2_broadcast_grads": lambda: gr(lambda x, y: torch.atan2(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "fmax_broadcast_grads": lambda: gr(lambda x, y: torch.fmax(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "hypot_broadcast_grads": lambda: gr(lambda x, y: torch.hypot(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "copysign_broadcast_grads": lambda: gr(lambda x, y: torch.copysign(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "xlogy_broadcast_grads": lambda: gr(lambda x, y: torch.xlogy(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "remainder_broadcast_grads": lambda: gr(lambda x, y: torch.remainder(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "fmod_broadcast_grads": lambda: gr(lambda x, y: torch.fmod(x, y), [[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]], [2.0, 0.0, -1.0]),
    "copysign_grad_fn": lambda: torch.copysign(P([[1.0, -2.0, 0.0], [3.0, 0.5, -1.0]]), P([2.0, 0.0, -1.0])).grad_fn.name(),
    "copysign_scalar_grad": lambda: gr(lambda x: torch.copysign(x, -1.0), [0.0, 2.0, -3.0]),
    "maximum_ties": lambda: gr(lambda x, y: torch.maximum(x, y), [1.0, 2.0, 3.0], [1.0, 0.0, 3.0]),
    "pow_zero_zero": lambda: gr(lambda x, y: torch.pow(x, y), [0.0, 0.0, 2.0, -2.0], [0.0, 2.0, 0.5, 2.0]),
    "pow_exponent_zero": lambda: gr(lambda x: x ** 0, [0.0, 1.0]),
    "pow_half_at_zero": lambda: gr(lambda x: x ** 0.5, [0.0, 4.0]),
    "pow_scalar_base_zero": lambda: gr(lambda x: torch.pow(0, x), [0.0, 1.0]),
    "clamp_kinks": lambda: gr(lambda x: x.clamp(0, 1), [-1.0, 0.0, 0.5, 1.0, 2.0]),
    "clamp_tensor_min": lambda: gr(lambda x, lo: x.clamp(min=lo), [-1.0, 0.0, 2.0], [0.0, 0.0, 0.0]),
    "lerp_tensor_weight": lambda: gr(lambda x, y, w: torch.lerp(x, y, w), [0.0, 1.0], [2.0, 3.0], [0.5, 0.25]),
    "addcdiv_grads": lambda: gr(lambda x, y: torch.addcdiv(x, x, y, value=2), [1.0, 2.0], [3.0, 4.0]),
    "where_grads": lambda: gr(lambda x, y: torch.where(x > 0, x, y), [1.0, -1.0, 0.0], [5.0, 6.0, 7.0]),
    "where_masks_nan_to_nan": lambda: gr(lambda x: torch.where(x > 0, x.sqrt(), torch.zeros(3)), [1.0, -1.0, 0.0]),
    "sum_keepdim_grad": lambda: gr(lambda x: x.sum(1, keepdim=True), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "mean_dim_grad": lambda: gr(lambda x: x.mean(dim=1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "prod_all_grad": lambda: gr(lambda x: x.prod(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "prod_dim_grad": lambda: gr(lambda x: x.prod(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "std_all_grad": lambda: gr(lambda x: x.std(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "var_dim_grad": lambda: gr(lambda x: x.var(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "max_all_ties_grad": lambda: gr(lambda x: x.max(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "min_all_grad": lambda: gr(lambda x: x.min(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "max_dim_ties_grad": lambda: gr(lambda x: x.max(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "amax_ties_grad": lambda: gr(lambda x: x.amax(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "amin_dim_ties_grad": lambda: gr(lambda x: x.amin(0), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "amax_dim_ties_grad": lambda: gr(lambda x: x.amax(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "median_all_grad": lambda: gr(lambda x: x.median(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "median_dim_grad": lambda: gr(lambda x: x.median(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "nanmedian_all_grad": lambda: gr(lambda x: x.nanmedian(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "norm_2_grad": lambda: gr(lambda x: x.norm(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "norm_1_grad": lambda: gr(lambda x: x.norm(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "norm_inf_ties_grad": lambda: gr(lambda x: x.norm(float('inf')), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "norm_dim_grad": lambda: gr(lambda x: x.norm(dim=1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "logsumexp_dim_grad": lambda: gr(lambda x: x.logsumexp(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "cumsum_dim_grad": lambda: gr(lambda x: x.cumsum(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "cumprod_dim_grad": lambda: gr(lambda x: x.cumprod(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "logcumsumexp_dim_grad": lambda: gr(lambda x: x.logcumsumexp(1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "sort_ties_grad": lambda: gr(lambda x: x.sort(1)[0] * torch.arange(3.), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "sort_descending_ties_grad": lambda: gr(lambda x: x.sort(1, descending=True)[0] * torch.arange(3.), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "topk_ties_grad": lambda: gr(lambda x: x.topk(2, 1)[0] * torch.tensor([1., 2.]), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "kthvalue_ties_grad": lambda: gr(lambda x: x.kthvalue(2, 1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "mode_ties_grad": lambda: gr(lambda x: x.mode(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "cummax_ties_grad": lambda: gr(lambda x: x.cummax(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "cummin_ties_grad": lambda: gr(lambda x: x.cummin(1)[0], [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "dist_zero_grad": lambda: gr(lambda x: torch.dist(x, torch.zeros(2, 3)), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "diff_dim_grad": lambda: gr(lambda x: x.diff(dim=1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "trace_grad": lambda: gr(lambda x: x.trace(), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "tril_grad": lambda: gr(lambda x: x.tril(-1), [[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]]),
    "norm_at_zero": lambda: gr(lambda x: x.norm(), [0.0, 0.0]),
    "vector_norm_1_at_zero": lambda: gr(lambda x: torch.linalg.vector_norm(x, 1), [0.0, -1.0]),
    "cumprod_zeros": lambda: gr(lambda x: x.cumprod(0), [2.0, 0.0, 3.0, 0.0, 4.0]),
    "prod_one_zero": lambda: gr(lambda x: x.prod(), [2.0, 0.0, 3.0]),
    "prod_two_zeros": lambda: gr(lambda x: x.prod(), [0.0, 0.0, 3.0]),
    "logsumexp_neg_inf": lambda: gr(lambda x: x.logsumexp(0), [float('-inf'), 0.0]),
    "logsumexp_all_neg_inf": lambda: gr(lambda x: x.logsumexp(0), [float('-inf'), float('-inf')]),
    "softmax_neg_inf": lambda: gr(lambda x: F.softmax(x, 0) * torch.tensor([1., 2., 3.]), [float('-inf'), 0.0, 1.0]),
    "log_softmax_neg_inf": lambda: gr(lambda x: F.log_softmax(x, 0)[1:], [float('-inf'), 0.0, 1.0]),
    "max_full_ties_1d": lambda: gr(lambda x: x.max(), [1.0, 3.0, 3.0]),
    "max_dim_ties_1d": lambda: gr(lambda x: x.max(0)[0], [1.0, 3.0, 3.0]),
    "median_even_ties": lambda: gr(lambda x: x.median(), [1.0, 2.0, 2.0, 1.0]),
    "sort_stable_ties": lambda: gr(lambda x: x.sort(stable=True)[0] * torch.arange(4.), [2.0, 1.0, 2.0, 1.0]),
    "topk_one_ties": lambda: gr(lambda x: x.topk(1)[0], [2.0, 1.0, 2.0]),
    "kthvalue_one_ties": lambda: gr(lambda x: x.kthvalue(1)[0], [2.0, 1.0, 1.0]),
    "index_duplicates": lambda: gr(lambda x: x[torch.tensor([0, 0, 2])], [1.0, 2.0, 3.0]),
    "index_pairs_duplicates": lambda: gr(lambda x: x[torch.tensor([0, 0, 1]), torch.tensor([1, 1, 0])], [[1.0, 2.0], [3.0, 4.0]]),
    "index_mask": lambda: gr(lambda x: x[x > 1], [[1.0, 2.0], [3.0, 4.0]]),
    "index_ellipsis_none_step": lambda: gr(lambda x: x[..., None, ::2], [[1.0, 2.0, 3.0]]),
    "gather_duplicates": lambda: gr(lambda x: x.gather(1, torch.tensor([[0, 0], [1, 0]])), [[1.0, 2.0], [3.0, 4.0]]),
    "scatter_duplicates": lambda: gr(lambda x, s: x.scatter(0, torch.tensor([0, 0]), s), [1.0, 2.0, 3.0], [5.0, 6.0]),
    "scatter_add_grads": lambda: gr(lambda x, s: x.scatter_add(0, torch.tensor([0, 0]), s) * torch.tensor([1., 2., 3.]), [1.0, 2.0, 3.0], [5.0, 6.0]),
    "index_add_grads": lambda: gr(lambda x, s: x.index_add(0, torch.tensor([1, 1]), s) * torch.tensor([1., 2., 3.]), [1.0, 2.0, 3.0], [5.0, 6.0]),
    "masked_fill_grad": lambda: gr(lambda x: x.masked_fill(x > 1, 0.0), [1.0, 2.0, 3.0]),
    "masked_scatter_grads": lambda: gr(lambda x, s: x.masked_scatter(torch.tensor([True, False, True]), s) * torch.tensor([1., 2., 3.]), [1.0, 2.0, 3.0], [5.0, 6.0, 7.0]),
    "index_put_accumulate": lambda: gr(lambda x, v: x.index_put((torch.tensor([0, 0]),), v, accumulate=True) * torch.tensor([1., 2., 3.]), [1.0, 2.0, 3.0], [5.0, 6.0]),
    "index_put_overwrite": lambda: gr(lambda x, v: x.index_put((torch.tensor([0, 2]),), v) * torch.tensor([1., 2., 3.]), [1.0, 2.0, 3.0], [5.0, 6.0]),
    "take_duplicates": lambda: gr(lambda x: x.take(torch.tensor([0, 0, 3])), [[1.0, 2.0], [3.0, 4.0]]),
    "unfold_overlap": lambda: gr(lambda x: x.unfold(0, 2, 1), [1.0, 2.0, 3.0]),
    "cat_repeated": lambda: gr(lambda x, y: torch.cat([x, y, x]) * torch.arange(7.), [1.0, 2.0], [3.0, 4.0, 5.0]),
    "stack_dim1": lambda: gr(lambda x, y: torch.stack([x, y], 1) * torch.arange(4.).view(2, 2), [1.0, 2.0], [3.0, 4.0]),
    "split_piece": lambda: gr(lambda x: x.split(2)[1] * 3, [1.0, 2.0, 3.0, 4.0, 5.0]),
    "chunk_last": lambda: gr(lambda x: x.chunk(3)[2], [1.0, 2.0, 3.0, 4.0, 5.0]),
    "unbind_product": lambda: gr(lambda x: x.unbind(1)[0] * x.unbind(1)[1], [[1.0, 2.0], [3.0, 4.0]]),
    "expand_rows": lambda: gr(lambda x: x.expand(3, 2), [[1.0, 2.0]]),
    "repeat_2d": lambda: gr(lambda x: x.repeat(2, 3), [1.0, 2.0]),
    "tile_weighted": lambda: gr(lambda x: x.tile((2,)) * torch.arange(4.), [1.0, 2.0]),
    "repeat_interleave_weighted": lambda: gr(lambda x: x.repeat_interleave(2) * torch.arange(4.), [1.0, 2.0]),
    "broadcast_mul_3d": lambda: gr(lambda x, y: x * y, [[1.0], [2.0]], [[[1.0, 2.0, 3.0]]]),
    "roll_weighted": lambda: gr(lambda x: x.roll(1) * torch.arange(3.), [1.0, 2.0, 3.0]),
    "permute_flatten": lambda: gr(lambda x: x.permute(1, 0).flatten() * torch.arange(4.), [[1.0, 2.0], [3.0, 4.0]]),
    "matmul_3_3": lambda: gr(lambda x, y: x @ y, torch.arange(3.).reshape(3,).tolist(), (torch.arange(3.) / 10).reshape(3,).tolist()),
    "matmul_3_3x2": lambda: gr(lambda x, y: x @ y, torch.arange(3.).reshape(3,).tolist(), (torch.arange(6.) / 10).reshape(3, 2,).tolist()),
    "matmul_2x3_3": lambda: gr(lambda x, y: x @ y, torch.arange(6.).reshape(2, 3,).tolist(), (torch.arange(3.) / 10).reshape(3,).tolist()),
    "matmul_2x3_3x2": lambda: gr(lambda x, y: x @ y, torch.arange(6.).reshape(2, 3,).tolist(), (torch.arange(6.) / 10).reshape(3, 2,).tolist()),
    "matmul_2x2x3_3": lambda: gr(lambda x, y: x @ y, torch.arange(12.).reshape(2, 2, 3,).tolist(), (torch.arange(3.) / 10).reshape(3,).tolist()),
    "matmul_3_2x3x2": lambda: gr(lambda x, y: x @ y, torch.arange(3.).reshape(3,).tolist(), (torch.arange(12.) / 10).reshape(2, 3, 2,).tolist()),
    "matmul_2x2x3_3x2": lambda: gr(lambda x, y: x @ y, torch.arange(12.).reshape(2, 2, 3,).tolist(), (torch.arange(6.) / 10).reshape(3, 2,).tolist()),
    "matmul_2x3_2x3x2": lambda: gr(lambda x, y: x @ y, torch.arange(6.).reshape(2, 3,).tolist(), (torch.arange(12.) / 10).reshape(2, 3, 2,).tolist()),
    "matmul_2x1x2x3_2x3x2": lambda: gr(lambda x, y: x @ y, torch.arange(12.).reshape(2, 1, 2, 3,).tolist(), (torch.arange(12.) / 10).reshape(2, 3, 2,).tolist()),
    "einsum_trace": lambda: gr(lambda x: torch.einsum('ii->', x), [[1.0, 2.0], [3.0, 4.0]]),
    "einsum_batch_outer": lambda: gr(lambda x, y: torch.einsum('bi,bj->bij', x, y), [[1.0, 2.0]], [[3.0, 4.0]]),
    "det_grad": lambda: gr(lambda x: torch.linalg.det(x), [[1.0, 2.0], [3.0, 4.0]]),
    "baddbmm_grads": lambda: gr(lambda a, b, c: torch.baddbmm(a, b, c, beta=0.5, alpha=2), [[[1.0]]], [[[1.0, 2.0]]], [[[3.0], [4.0]]]),
    "ce_sum_grad": lambda: gr(lambda x: F.cross_entropy(x, torch.tensor([0, 2]), reduction='sum'), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "ce_weight_grad": lambda: gr(lambda x: F.cross_entropy(x, torch.tensor([0, 2]), weight=torch.tensor([1., 2., 3.])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "ce_default_ignore_grad": lambda: gr(lambda x: F.cross_entropy(x, torch.tensor([0, -100])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "ce_ignore_index_grad": lambda: gr(lambda x: F.cross_entropy(x, torch.tensor([1, 2]), ignore_index=1), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "ce_all_ignored_grad": lambda: gr(lambda x: F.cross_entropy(x, torch.tensor([-100, -100])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "ce_label_smoothing_grad": lambda: gr(lambda x: F.cross_entropy(x, torch.tensor([0, 2]), label_smoothing=0.1), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "ce_weight_smoothing_ignore_grad": lambda: gr(lambda x: F.cross_entropy(x, torch.tensor([0, 1]), weight=torch.tensor([1., 2., 3.]), ignore_index=1, label_smoothing=0.2), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "ce_probabilities_grad": lambda: gr(lambda x: F.cross_entropy(x, torch.softmax(torch.tensor([[1., 0., 0.], [0., 1., 2.]]), 1)), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "nll_weight_grad": lambda: gr(lambda x: F.nll_loss(F.log_softmax(x, 1), torch.tensor([0, 2]), weight=torch.tensor([1., 2., 3.])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "smooth_l1_beta_grad": lambda: gr(lambda x: F.smooth_l1_loss(x, torch.zeros(2, 3), beta=0.5), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "huber_delta_grad": lambda: gr(lambda x: F.huber_loss(x, torch.zeros(2, 3), delta=0.5), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "bce_weight_grad": lambda: gr(lambda x: F.binary_cross_entropy(x.sigmoid(), torch.tensor([[1., 0., 1.], [0., 0., 1.]]), weight=torch.tensor([1., 2., 3.])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "bce_logits_pos_weight_grad": lambda: gr(lambda x: F.binary_cross_entropy_with_logits(x, torch.tensor([[1., 0., 1.], [0., 0., 1.]]), pos_weight=torch.tensor([1., 2., 3.])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "kl_div_batchmean_grad": lambda: gr(lambda x: F.kl_div(F.log_softmax(x, 1), torch.tensor([[0.2, 0.3, 0.5], [0.0, 0.5, 0.5]]), reduction='batchmean'), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "multi_margin_grad": lambda: gr(lambda x: F.multi_margin_loss(x, torch.tensor([0, 2])), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "gaussian_nll_grad": lambda: gr(lambda x: F.gaussian_nll_loss(x, torch.zeros(2, 3), torch.ones(2, 3)), [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "normalize_rows_grad": lambda: gr(lambda x: F.normalize(x, dim=1)[:, 0], [[1.0, 2.0, 0.5], [0.0, -1.0, 2.0]]),
    "ctc_grad": lambda: gr(lambda x: F.ctc_loss(x.log_softmax(2), torch.tensor([[1, 2]]), torch.tensor([3]), torch.tensor([2])), [[[0.0, 1.0, 2.0]], [[1.0, 0.0, 0.5]], [[0.3, 0.2, 0.1]]]),
    "conv2d_stride_pad_grads": lambda: gr(lambda x, w: (F.conv2d(x, w, stride=2, padding=1)) ** 2, [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]], [[[[1.0, -1.0], [0.5, 2.0]]]]),
    "conv2d_dilation_grads": lambda: gr(lambda x, w: (F.conv2d(x, w, dilation=2)) ** 2, [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]], [[[[1.0, -1.0], [0.5, 2.0]]]]),
    "conv2d_same_grads": lambda: gr(lambda x, w: (F.conv2d(x, w, padding='same')) ** 2, [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]], [[[[1.0, -1.0], [0.5, 2.0]]]]),
    "conv_transpose2d_output_padding_grads": lambda: gr(lambda x, w: (F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1)) ** 2, [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]], [[[[1.0, -1.0], [0.5, 2.0]]]]),
    "conv1d_groups_grads": lambda: gr(lambda x, w: F.conv1d(x, w, groups=2) ** 2, [[[1.0, 2.0, 0.5], [0.0, 1.0, 2.0]]], [[[1.0, -1.0]], [[0.5, 2.0]]]),
    "max_pool2d_overlap_grad": lambda: gr(lambda x: weighted(F.max_pool2d(x, 3, stride=1, padding=1)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "max_pool2d_all_ties_grad": lambda: gr(lambda x: weighted(F.max_pool2d(x * 0, 2)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "max_pool2d_ceil_grad": lambda: gr(lambda x: weighted(F.max_pool2d(x, 2, ceil_mode=True, stride=3)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "avg_pool2d_pad_grad": lambda: gr(lambda x: weighted(F.avg_pool2d(x, 3, stride=2, padding=1)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "avg_pool2d_no_pad_count_grad": lambda: gr(lambda x: weighted(F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "avg_pool2d_ceil_grad": lambda: gr(lambda x: weighted(F.avg_pool2d(x, 3, stride=2, ceil_mode=True)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "adaptive_avg_pool2d_3_grad": lambda: gr(lambda x: weighted(F.adaptive_avg_pool2d(x, 3)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "adaptive_max_pool2d_3_grad": lambda: gr(lambda x: weighted(F.adaptive_max_pool2d(x, 3)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "interpolate_bilinear_grad": lambda: gr(lambda x: weighted(F.interpolate(x, size=3, mode='bilinear')), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "interpolate_bilinear_align_grad": lambda: gr(lambda x: weighted(F.interpolate(x, size=3, mode='bilinear', align_corners=True)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "interpolate_bicubic_grad": lambda: gr(lambda x: weighted(F.interpolate(x, size=3, mode='bicubic')), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "interpolate_nearest_grad": lambda: gr(lambda x: weighted(F.interpolate(x, size=3, mode='nearest')), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "pad_reflect_grad": lambda: gr(lambda x: weighted(F.pad(x, (2, 1, 1, 2), mode='reflect')), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "pad_replicate_grad": lambda: gr(lambda x: weighted(F.pad(x, (2, 1, 1, 2), mode='replicate')), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "pad_circular_grad": lambda: gr(lambda x: weighted(F.pad(x, (2, 1, 1, 2), mode='circular')), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "pad_negative_grad": lambda: gr(lambda x: weighted(F.pad(x, (-1, 1, 0, -1))), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "unfold_stride_grad": lambda: gr(lambda x: weighted(F.unfold(x, 2, stride=2)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "grid_sample_grad": lambda: gr(lambda x: weighted(F.grid_sample(x, torch.tensor([[[[0.1, -0.3], [0.5, 0.5]]]]), align_corners=False)), [[[[1.0, 2.0, 0.5, 3.0], [0.0, -1.0, 2.0, 1.0], [1.0, 1.0, 1.0, 0.0], [2.0, 0.0, 1.0, 4.0]]]]),
    "max_pool1d_ties": lambda: gr(lambda x: F.max_pool1d(x, 3, stride=1), [[[1.0, 3.0, 2.0, 3.0, 0.0]]]),
    "max_pool1d_constant": lambda: gr(lambda x: F.max_pool1d(x, 2), [[[5.0, 5.0, 5.0, 5.0]]]),
    "embedding_padding_idx": lambda: gr(lambda e: F.embedding(torch.tensor([0, 2, 0]), e, padding_idx=0), [[1.0, 0.0], [2.0, 2.0], [3.0, 1.0]]),
    "layer_norm_constant_row": lambda: gr(lambda x: F.layer_norm(x, (3,)) * torch.tensor([1., 2., 3.]), [[1.0, 1.0, 1.0], [0.0, 1.0, 5.0]]),
    "batchnorm2d_train_grads": lambda: norm_grads(nn.BatchNorm2d(2), 'train'),
    "batchnorm2d_eval_grads": lambda: norm_grads(nn.BatchNorm2d(2), 'eval'),
    "groupnorm_train_grads": lambda: norm_grads(nn.GroupNorm(1, 2), 'train'),
    "groupnorm_eval_grads": lambda: norm_grads(nn.GroupNorm(1, 2), 'eval'),
    "detach_flags": detach_flags,
    "clone_flags": clone_flags,
    "view_flags": view_flags,
    "inplace_flags": inplace_flags,
    "torch_tensor_of_tensor_flags": torch_tensor_of_tensor_flags,
    "new_tensor_flags": new_tensor_flags,
    "to_float64_flags": to_float64_flags,
    "to_same_dtype_is_self": to_same_dtype_is_self,
    "long_drops_grad": long_drops_grad,
    "data_flags": data_flags,
    "data_write_unversioned": data_write_unversioned,
    "comparison_and_sign_flags": comparison_and_sign_flags,
    "parameter_flags": parameter_flags,
    "print_grad_fn": print_grad_fn,
    "int_requires_grad_error": int_requires_grad_error,
    "int_requires_grad_setter_error": int_requires_grad_setter_error,
    "nonleaf_requires_grad_false_error": nonleaf_requires_grad_false_error,
    "backward_twice_error": backward_twice_error,
    "backward_twice_retained": backward_twice_retained,
    "backward_nonscalar_error": backward_nonscalar_error,
    "backward_with_gradient": backward_with_gradient,
    "inplace_leaf_error": inplace_leaf_error,
    "setitem_leaf_error": setitem_leaf_error,
    "inplace_leaf_under_no_grad": inplace_leaf_under_no_grad,
    "saved_output_modified_error": saved_output_modified_error,
    "saved_input_modified_error": saved_input_modified_error,
    "saved_relu_modified_error": saved_relu_modified_error,
    "unsaved_input_modified_ok": unsaved_input_modified_ok,
    "setitem_copyslices": setitem_copyslices,
    "inplace_through_view": inplace_through_view,
    "setitem_duplicate_index": setitem_duplicate_index,
    "grad_of_constant_error": grad_of_constant_error,
    "grad_input_not_requiring_error": grad_input_not_requiring_error,
    "backward_of_constant_error": backward_of_constant_error,
    "grad_unused_error": grad_unused_error,
    "grad_allow_unused": grad_allow_unused,
    "grad_grad_outputs": grad_grad_outputs,
    "grad_twice_error": grad_twice_error,
    "grad_retain_graph": grad_retain_graph,
    "grad_two_outputs": grad_two_outputs,
    "grad_tuple_inputs": grad_tuple_inputs,
    "grad_is_grads_batched": grad_is_grads_batched,
    "grad_is_grads_batched_pow": grad_is_grads_batched_pow,
    "grad_create_graph_twice": grad_create_graph_twice,
    "grad_third_order": grad_third_order,
    "grad_accumulates": grad_accumulates,
    "grad_zero_then_accumulate": grad_zero_then_accumulate,
    "grad_set_to_none": grad_set_to_none,
    "grad_accumulates_in_place": grad_accumulates_in_place,
    "zero_grad_set_to_none": zero_grad_set_to_none,
    "nonleaf_grad_is_none": nonleaf_grad_is_none,
    "retain_grad_nonleaf": retain_grad_nonleaf,
    "retain_grad_accumulates": retain_grad_accumulates,
    "retain_grad_before_hook": retain_grad_before_hook,
    "retain_grad_after_hook": retain_grad_after_hook,
    "retain_grad_between_hooks": retain_grad_between_hooks,
    "hook_modifies_then_removed": hook_modifies_then_removed,
    "hooks_run_in_order": hooks_run_in_order,
    "hook_on_constant_error": hook_on_constant_error,
    "module_full_backward_hook": module_full_backward_hook,
    "module_full_backward_hook_replaces": module_full_backward_hook_replaces,
    "module_full_backward_hook_no_input_grad": module_full_backward_hook_no_input_grad,
    "double_backward_tanh": double_backward_tanh,
    "double_backward_sigmoid": double_backward_sigmoid,
    "double_backward_softplus": double_backward_softplus,
    "double_backward_gelu": double_backward_gelu,
    "double_backward_elu": double_backward_elu,
    "double_backward_mse_loss": double_backward_mse_loss,
    "double_backward_exp_sin": double_backward_exp_sin,
    "double_backward_atan2": double_backward_atan2,
    "double_backward_name_tanh": double_backward_name_tanh,
    "double_backward_name_sigmoid": double_backward_name_sigmoid,
    "double_backward_name_softplus": double_backward_name_softplus,
    "double_backward_name_gelu": double_backward_name_gelu,
    "double_backward_name_mse_loss": double_backward_name_mse_loss,
    "double_backward_name_relu": double_backward_name_relu,
    "double_backward_name_log_softmax": double_backward_name_log_softmax,
    "double_backward_name_softmax": double_backward_name_softmax,
    "double_backward_conv2d": double_backward_conv2d,
    "backward_create_graph_grad_requires_grad": backward_create_graph_grad_requires_grad,
    "no_grad_enable_grad_nesting": no_grad_enable_grad_nesting,
    "set_grad_enabled_switch": set_grad_enabled_switch,
    "set_grad_enabled_block": set_grad_enabled_block,
    "inference_mode_block": inference_mode_block,
    "inference_mode_false": inference_mode_false,
    "no_grad_decorator": no_grad_decorator,
    "no_grad_result_backward_error": no_grad_result_backward_error,
    "t_of_1d_grad_fn": t_of_1d_grad_fn,
    "function_needs_input_grad": function_needs_input_grad,
    "function_mark_dirty": function_mark_dirty,
    "function_mark_non_differentiable": function_mark_non_differentiable,
    "function_none_grad": function_none_grad,
    "function_too_many_grads_error": function_too_many_grads_error,
    "function_wrong_grad_shape_error": function_wrong_grad_shape_error,
    "jacobian_single": jacobian_single,
    "jacobian_tuple_inputs": jacobian_tuple_inputs,
    "jacobian_tuple_outputs": jacobian_tuple_outputs,
    "jacobian_constant_create_graph": jacobian_constant_create_graph,
    "jacobian_constant_output": jacobian_constant_output,
    "jacobian_strict_constant_error": jacobian_strict_constant_error,
    "jacobian_strict_independent_error": jacobian_strict_independent_error,
    "hessian_single": hessian_single,
    "hessian_tuple": hessian_tuple,
    "vjp_with_v": vjp_with_v,
    "vjp_scalar_no_v": vjp_scalar_no_v,
    "vjp_no_v_error": vjp_no_v_error,
    "jvp_with_v": jvp_with_v,
    "jvp_two_inputs": jvp_two_inputs,
    "jvp_tuple_outputs": jvp_tuple_outputs,
    "jvp_no_v_error": jvp_no_v_error,
    "hvp_pow": hvp_pow,
    "vhp_pow": vhp_pow,
    "gradcheck_float64": gradcheck_float64,
    "gradcheck_wrong_backward": gradcheck_wrong_backward,
    "anomaly_nan_sqrt_error": anomaly_nan_sqrt_error,
    "anomaly_nan_negative_sqrt_error": anomaly_nan_negative_sqrt_error,
    "anomaly_no_nan_passes": anomaly_no_nan_passes,
    "anomaly_off_gives_nan": anomaly_off_gives_nan,
    "set_detect_anomaly_switch": set_detect_anomaly_switch,
    "grad_dtype_float64": grad_dtype_float64,
    "grad_dtype_through_double": grad_dtype_through_double,
    "grad_assign_wrong_shape_error": grad_assign_wrong_shape_error,
}

out = {"versions": {"torch": torch.__version__, "python": sys.version.split()[0]}}
warnings.simplefilter("ignore")
for name, f in CASES.items():
    try:
        out[name] = {"print": str(f())}
    except Exception as e:  # noqa: BLE001 - the error is the reference
        out[name] = {"error": [type(e).__name__, str(e)]}
with open("autograd_sweep.json", "w") as fp:
    json.dump(out, fp, indent=1, sort_keys=True)
    fp.write("\n")
