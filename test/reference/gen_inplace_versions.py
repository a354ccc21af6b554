"""PyTorch 1.13 reference for autograd's in-place correctness check: which writes between a forward
and its backward make backward raise "one of the variables needed for gradient computation has been
modified by an inplace operation" (views and detach() share their base's version counter, `.data`
gets a new one), the exact message, `_version` values, and the gradients where nothing raises.

Run with Debian's /usr/bin/python3 (torch 1.13): writes test/reference/inplace_versions.json, read by
test/autograd/inplace_versions.test.ts, which replays each case under the same name. A case returns
the gradients (and numbers such as versions) it wants compared; an error is recorded as its message.
"""
import json
import os

import torch
import torch.nn as nn

cases = {}


def case(fn):
    cases[fn.__name__] = fn
    return fn


def val(shape, k=0.0, scale=0.1):
    """Deterministic float32 values: (arange - k) * scale, the same formula on both sides."""
    n = 1
    for d in shape:
        n *= d
    return ((torch.arange(n, dtype=torch.float32).reshape(shape) - k) * scale)


def leaf(shape, k=0.0, scale=0.1):
    return val(shape, k, scale).requires_grad_()


def linear(i, o):
    lin = nn.Linear(i, o)
    with torch.no_grad():
        lin.weight.copy_(val([o, i], 3))
        lin.bias.copy_(val([o], 1))
    return lin


def g(t):
    return None if t.grad is None else t.grad.flatten().tolist()


# ---------------------------------------------------------------- saved views, detach() and .data


@case
def linear_weight_add_no_grad():
    lin = linear(4, 3)
    y = lin(val([2, 4], 2))
    with torch.no_grad():
        lin.weight.add_(1)
    y.sum().backward()


@case
def linear_weight_add_no_grad_input_requires_grad():
    lin = linear(4, 3)
    y = lin(leaf([2, 4], 2))
    with torch.no_grad():
        lin.weight.add_(1)
    y.sum().backward()


@case
def matmul_t_base_add():
    a, w = leaf([2, 4]), leaf([3, 4], 5)
    z = a.matmul(w.t())
    with torch.no_grad():
        w.add_(1)
    z.sum().backward()


@case
def matmul_detach_add():
    a, w = leaf([2, 3]), leaf([3, 4], 5)
    z = a.matmul(w)
    w.detach().add_(1)
    z.sum().backward()


@case
def matmul_data_add():
    a, w = leaf([2, 3]), leaf([3, 4], 5)
    z = a.matmul(w)
    w.data.add_(1)
    z.pow(2).sum().backward()
    return {"a": g(a), "w": g(w)}


@case
def linear_weight_data_add():
    lin = linear(4, 3)
    x = leaf([2, 4], 2)
    y = lin(x)
    lin.weight.data.add_(1)
    y.pow(2).sum().backward()
    return {"x": g(x), "weight": g(lin.weight), "bias": g(lin.bias)}


@case
def linear_weight_data_copy():
    lin = linear(4, 3)
    x = leaf([2, 4], 2)
    y = lin(x)
    lin.weight.data.copy_(val([3, 4], 1, 0.2))
    y.sum().backward()
    return {"x": g(x), "weight": g(lin.weight)}


@case
def manual_sgd_data_between():
    lin = linear(4, 3)
    x = val([2, 4], 2)
    lin(x).pow(2).sum().backward()
    loss2 = lin(x).pow(2).sum()
    for p in lin.parameters():
        p.data -= 0.1 * p.grad
    lin.zero_grad()
    loss2.backward()
    return {"weight": g(lin.weight), "bias": g(lin.bias), "w_after": lin.weight.detach().flatten().tolist()}


@case
def manual_sgd_no_grad_between():
    lin = linear(4, 3)
    x = val([2, 4], 2)
    lin(x).pow(2).sum().backward()
    loss2 = lin(x).pow(2).sum()
    with torch.no_grad():
        for p in lin.parameters():
            p -= 0.1 * p.grad
    loss2.backward()


@case
def detach_version_shared():
    w = leaf([3])
    d = w.detach()
    d.mul_(2)
    v = w.data
    v.add_(1)
    return {"versions": [w._version, d._version, v._version]}


@case
def version_counts():
    x = torch.zeros(3, 4)
    out = [x._version]
    x.add_(1)
    out.append(x._version)
    x[0] = 5
    out.append(x._version)
    x[:, 1] = torch.ones(3)
    out.append(x._version)
    x.index_put_((torch.tensor([0, 2]),), torch.tensor(7.5))
    out.append(x._version)
    x.copy_(torch.ones(3, 4))
    out.append(x._version)
    x.zero_()
    out.append(x._version)
    x.fill_(2)
    out.append(x._version)
    t = x.t()
    t.mul_(3)
    out += [x._version, t._version, x.view(12)._version]
    y = x.clone()
    out.append(y._version)
    return {"versions": out}


# ---------------------------------------------------------------- optimizer steps between forward and backward


def step_between(opt_cls, model, **kw):
    opt = opt_cls(model.parameters(), lr=0.1, **kw)
    x = val([2, 4], 2)
    model(x).pow(2).sum().backward()
    loss2 = model(x).pow(2).sum()
    opt.step()
    opt.zero_grad()
    loss2.backward()
    return {"grads": [g(p) for p in model.parameters()]}


class BiasOnly(nn.Module):
    def __init__(self):
        super().__init__()
        self.b = nn.Parameter(val([4], 1))

    def forward(self, x):
        return x + self.b


@case
def sgd_step_between_linear():
    return step_between(torch.optim.SGD, linear(4, 3))


@case
def adam_step_between_linear():
    return step_between(torch.optim.Adam, linear(4, 3))


@case
def sgd_step_between_mlp():
    torch.manual_seed(0)
    return step_between(torch.optim.SGD, nn.Sequential(linear(4, 3), nn.ReLU(), linear(3, 2)))


@case
def sgd_momentum_step_between_bias_only():
    return step_between(torch.optim.SGD, BiasOnly(), momentum=0.9)


@case
def adam_step_between_bias_only():
    return step_between(torch.optim.Adam, BiasOnly())


# ---------------------------------------------------------------- in-place activations on saved outputs


@case
def sigmoid_inplace_after_sigmoid():
    x = leaf([2, 3], 3)
    y = torch.sigmoid(x)
    y.sigmoid_()
    y.sum().backward()


@case
def sigmoid_inplace_then_mul_inplace():
    x = leaf([3], 1)
    y = x * 2
    y.sigmoid_().mul_(3)
    y.sum().backward()


@case
def relu_inplace_after_linear():
    lin = linear(4, 3)
    x = leaf([2, 4], 4)
    y = lin(x)
    y.relu_()
    y.pow(2).sum().backward()
    return {"x": g(x), "weight": g(lin.weight)}


@case
def sigmoid_inplace_after_linear():
    lin = linear(4, 3)
    x = leaf([2, 4], 4)
    y = lin(x)
    y.sigmoid_()
    y.sum().backward()
    return {"x": g(x), "weight": g(lin.weight)}


@case
def relu_inplace_after_relu():
    x = leaf([2, 3], 3)
    y = x.relu()
    y.relu_()
    y.sum().backward()


@case
def exp_then_add_inplace():
    x = leaf([3])
    y = x.exp()
    y.add_(1)
    y.sum().backward()


# ---------------------------------------------------------------- non-leaf tensors and leaf views


@case
def iadd_nonleaf_saved_by_mul():
    x = leaf([3], 1)
    a = x * 2
    b = a * a
    a += 1
    b.sum().backward()


@case
def iadd_nonleaf_not_saved():
    x = leaf([3], 1)
    a = x * 2
    b = a + 1
    a += 1
    (b * 3 + a).sum().backward()
    return {"x": g(x)}


@case
def mul_inplace_nonleaf():
    x = leaf([3], 1)
    w = leaf([3], 2)
    a = x * 2
    a.mul_(w)
    a.sum().backward()
    return {"x": g(x), "w": g(w)}


@case
def leaf_view_inplace_grad_mode():
    x = leaf([2, 3])
    x[0].mul_(2)


@case
def leaf_view_inplace_no_grad():
    x = leaf([2, 3])
    z = (x * x).sum()
    with torch.no_grad():
        x[0].mul_(2)
    z.backward()


@case
def leaf_view_data_inplace():
    x = leaf([2, 3])
    z = (x * x).sum()
    x.data[0].mul_(2)
    z.backward()
    return {"x": g(x)}


@case
def retain_graph_second_backward_after_inplace():
    a, w = leaf([3], 1), leaf([3], 2)
    z = (a * w).sum()
    z.backward(retain_graph=True)
    with torch.no_grad():
        w.mul_(2)
    z.backward()


@case
def retain_graph_second_backward_after_data():
    a, w = leaf([3], 1), leaf([3], 2)
    z = (a * w).sum()
    z.backward(retain_graph=True)
    w.data.mul_(2)
    z.backward()
    return {"a": g(a), "w": g(w)}


@case
def index_assign_saved_input():
    w = leaf([3], 1)
    c = val([3], 2)
    z = (w * c).sum()
    c[0] = 5
    z.backward()


@case
def index_assign_unsaved_input():
    w = leaf([3], 1)
    c = val([3], 2)
    z = (w + c).sum()
    c[0] = 5
    z.backward()
    return {"w": g(w)}


@case
def zero_saved_input():
    w = leaf([3], 1)
    c = val([3], 2)
    z = (w * c).sum()
    c.zero_()
    z.backward()


@case
def shape_only_ops_save_nothing():
    x, c = leaf([3], 1), val([3], 2)
    y = x.sum() + x.mean() + (-x).sum() + torch.cat([x, c]).sum() + torch.stack([x, c]).sum() + x.clone().sum()
    with torch.no_grad():
        x.add_(1)
        c.add_(1)
    y.backward()
    return {"x": g(x)}


@case
def result_saving_ops_save_no_input():
    x, c = leaf([3], 1), val([3], 2)
    y = x.exp().sum() + x.tanh().sum() + x.sigmoid().sum() + x.relu().sum() + (x.softmax(0) * c).sum() + (x.log_softmax(0) * c).sum()
    with torch.no_grad():
        x.add_(1)
    y.backward()
    return {"x": g(x)}


# ---------------------------------------------------------------- saved views of every kind


def saved_view(make, write):
    """`make(w)` saved by a mul, then `write(w)` under no_grad (None: w.add_(1)), then backward."""
    w = leaf([3, 4], 5)
    v = make(w)
    c = leaf(list(v.shape), 1)
    z = (v * c).sum()
    with torch.no_grad():
        (write or (lambda w: w.add_(1)))(w)
    z.backward()


@case
def transpose_view_saved():
    saved_view(lambda w: w.transpose(0, 1), None)


@case
def narrow_view_saved_written_through_view():
    saved_view(lambda w: w.narrow(1, 1, 2), lambda w: w.narrow(1, 1, 2).mul_(2))


@case
def select_view_saved():
    saved_view(lambda w: w.select(0, 1), None)


@case
def unsqueeze_view_saved():
    saved_view(lambda w: w.unsqueeze(0), None)


@case
def view_view_saved_written_through_view():
    saved_view(lambda w: w.view(12), lambda w: w.view(12).mul_(2))


@case
def expand_view_saved():
    saved_view(lambda w: w.expand(2, 3, 4), lambda w: w.expand(2, 3, 4).fill_(1))


@case
def view_of_view_saved():
    saved_view(lambda w: w.t().narrow(0, 1, 2), None)


@case
def view_of_view_other_view_written():
    w = leaf([3, 4], 5)
    v = w.view(12).narrow(0, 2, 4)
    c = leaf([4], 1)
    z = (v * c).sum()
    with torch.no_grad():
        w[2].fill_(0)
    z.backward()


@case
def view_of_data_written():
    w = leaf([3, 4], 5)
    c = leaf([4, 3], 1)
    z = (w.t() * c).sum()
    w.data.t()[0].fill_(0)
    z.backward()
    return {"w": g(w), "c": g(c)}


@case
def index_select_then_input_written():
    # IndexSelectBackward0 and IndexBackward0 save only indices and sizes
    x = leaf([3, 4], 5) * 1
    c = val([2, 4], 1)
    z = (x.index_select(0, torch.tensor([0, 2])) * c).sum() + (x[torch.tensor([1])] * c[:1]).sum()
    with torch.no_grad():
        x.add_(1)
    z.backward()


@case
def masked_select_then_input_written():
    # MaskedSelectBackward0 saves self
    x = leaf([3, 4], 5) * 1
    z = x.masked_select(x.detach() > 0).sum()
    with torch.no_grad():
        x.add_(1)
    z.backward()


@case
def item_iadd_written_back():
    # x[1] += v: an in-place add on the view x[1], then x[1] = (that view): copy_ saves nothing
    w = leaf([3, 4], 5)
    v = torch.tensor(2.0, requires_grad=True)
    x = w * 1
    x[1] += v * 1.5
    x[x.detach() > 0.4] += v
    (x * val([3, 4], 1)).sum().backward()
    return {"w": g(w), "v": g(v), "version": x._version}


# ---------------------------------------------------------------- saved masks and indices (not inputs)


def mask():
    return torch.tensor([[True, False, True], [False, False, True]])


@case
def masked_fill_mask_written():
    x, m = leaf([2, 3]), mask()
    y = x.masked_fill(m, 0).sum()
    m.logical_not_()
    y.backward()


@case
def where_condition_written():
    x, c = leaf([2, 3]), mask()
    y = torch.where(c, x, torch.zeros(2, 3)).sum()
    c.logical_not_()
    y.backward()


@case
def max_dim_indices_written():
    x = leaf([2, 3], 2)
    v, i = x.max(1)
    i.add_(0)
    v.sum().backward()


@case
def index_select_index_written():
    x, idx = leaf([2, 3]), torch.tensor([1, 0])
    y = x.index_select(0, idx).sum()
    idx.add_(0)
    y.backward()


# ---------------------------------------------------------------- _version of optimizer state, .grad, .data


@case
def sgd_momentum_versions():
    w = nn.Parameter(val([3], 1))
    opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    versions = []
    for _ in range(3):
        opt.zero_grad()
        (w * w).sum().backward()
        opt.step()
        versions.append([w._version, opt.state[w]["momentum_buffer"]._version])
    return {"versions": versions, "w": w.detach().tolist()}


@case
def grad_accumulate_version():
    w = leaf([3])
    (w * 2).sum().backward()
    first = w.grad._version
    (w * 3).sum().backward()
    return {"versions": [first, w.grad._version], "grad": g(w)}


@case
def data_assign_version():
    w = leaf([3])
    w.add(1)
    w.data = val([3], 2)
    return {"versions": [w._version], "w": w.detach().tolist()}


def run(fn):
    try:
        out = fn()
        return {"raises": False, "error": None, "out": out or {}}
    except RuntimeError as e:
        return {"raises": True, "error": str(e), "out": {}}


result = {name: run(fn) for name, fn in cases.items()}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "inplace_versions.json")
with open(path, "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
print(len(result), "cases,", sum(r["raises"] for r in result.values()), "raise")
