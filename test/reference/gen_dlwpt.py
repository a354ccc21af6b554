"""Fixture for test/tutorials/dlwpt.test.ts: "Deep Learning with PyTorch" (deep-learning-with-pytorch/
dlwpt-code) part 1, the cells of test/tutorials/_dlwpt_cells.ts run on PyTorch 1.13 with the same
stand-ins (see the test's header). Run from test/reference with /usr/bin/python3 gen_dlwpt.py;
writes dlwpt.json. log() prints what the port's console.log prints (integral floats without ".0",
null); js() is JSON.stringify's text; tofixed() is JavaScript's Number.prototype.toFixed."""
import json
import math
import os
import shutil
import sys
import tempfile
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.optim as optim

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

OUT = []


def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def log(*args):
    OUT.append(" ".join(fmt(a) for a in args))


def js(v):
    return json.dumps(v, separators=(",", ":"))


def tofixed(x, n):
    x = float(x)
    if math.isnan(x) or math.isinf(x) or abs(x) >= 1e21:
        return fmt(x)
    return "%.*f" % (n, x)


def section(f, *args):
    OUT.clear()
    torch.set_printoptions(profile="default")
    f(*args)
    return list(OUT)


def p1ch3(d):
    a = torch.ones(3)
    log(a)
    log(a[1])
    log(float(a[1]))
    a[2] = 2.0
    log(a)
    points = torch.zeros(6)
    points[0] = 4.0
    points[1] = 1.0
    points[2] = 5.0
    points[3] = 3.0
    points[4] = 2.0
    points[5] = 1.0
    log(points)
    points = torch.tensor([4.0, 1.0, 5.0, 3.0, 2.0, 1.0])
    log(points)
    log(float(points[0]), float(points[1]))
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    log(points)
    log(points.shape)
    points = torch.zeros(3, 2)
    log(points)
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    log(points)
    log(points[0, 1])
    log(points[0])
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    log(points.storage())
    points_storage = points.storage()
    log(points_storage[0])
    log(points.storage()[1])
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    points_storage = points.storage()
    points_storage[0] = 2.0
    log(points)
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    second_point = points[1]
    log(second_point.storage_offset())
    log(second_point.size())
    log(second_point.shape)
    log(js(points.stride()))
    second_point = points[1]
    log(second_point.size())
    log(second_point.storage_offset())
    log(js(second_point.stride()))
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    second_point = points[1]
    second_point[0] = 10.0
    log(points)
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    second_point = points[1].clone()
    second_point[0] = 10.0
    log(points)
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    log(points)
    points_t = points.t()
    log(points_t)
    log(js(points.stride()))
    log(js(points_t.stride()))
    some_t = torch.ones(3, 4, 5)
    transpose_t = some_t.transpose(0, 2)
    log(some_t.shape)
    log(transpose_t.shape)
    log(js(some_t.stride()))
    log(js(transpose_t.stride()))
    log(points.is_contiguous())
    log(points_t.is_contiguous())
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    points_t = points.t()
    log(points_t)
    log(points_t.storage())
    log(js(points_t.stride()))
    points_t_cont = points_t.contiguous()
    log(points_t_cont)
    log(js(points_t_cont.stride()))
    log(points_t_cont.storage())
    double_points = torch.ones(10, 2, dtype=torch.double)
    short_points = torch.tensor([[1, 2], [3, 4]], dtype=torch.short)
    log(short_points.dtype)
    double_points = torch.zeros(10, 2).double()
    short_points = torch.ones(10, 2).short()
    log(double_points.dtype, short_points.dtype)
    double_points = torch.zeros(10, 2).to(torch.double)
    short_points = torch.ones(10, 2).to(dtype=torch.short)
    log(double_points.dtype, short_points.dtype)
    torch.manual_seed(0)
    points_64 = torch.rand(5, dtype=torch.double)
    points_short = points_64.to(torch.short)
    log(points_64 * points_short)
    points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
    log(points[1:])
    log(points[1:, :])
    log(points[1:, 0])
    log(points[None])
    points = torch.ones(3, 4)
    torch.save(points, os.path.join(d, 'ourpoints.t'))
    points = torch.load(os.path.join(d, 'ourpoints.t'))
    log(points)
    a = torch.ones(3, 2)
    a_t = torch.transpose(a, 0, 1)
    log(a.shape, a_t.shape)
    a = torch.ones(3, 2)
    a_t = a.transpose(0, 1)
    log(a.shape, a_t.shape)
    a = torch.ones(3, 2)
    a.zero_()
    log(a)


def p1ch4_wine():
    torch.set_printoptions(edgeitems=2, precision=2, linewidth=75)
    torch.manual_seed(0)
    col_list = ["fixed acidity", "volatile acidity", "citric acid", "residual sugar", "chlorides",
                "free sulfur dioxide", "total sulfur dioxide", "density", "pH", "sulphates", "alcohol", "quality"]
    scale = torch.tensor([7, 0.3, 0.3, 6, 0.05, 35, 140, 1, 3.2, 0.5, 10.5])
    wineq_numpy = torch.cat([torch.rand(48, 11) * 2 * scale, torch.randint(3, 10, [48, 1]).float()], 1)
    log(wineq_numpy.shape, js(col_list))
    wineq = wineq_numpy
    log(wineq.shape, wineq.dtype)
    data = wineq[:, :-1]
    log(data, data.shape)
    target = wineq[:, -1]
    log(target, target.shape)
    target = wineq[:, -1].long()
    log(target)
    target_onehot = torch.zeros(target.shape[0], 10)
    log(target_onehot.scatter_(1, target.unsqueeze(1), 1.0))
    target_unsqueezed = target.unsqueeze(1)
    log(target_unsqueezed)
    data_mean = torch.mean(data, dim=0)
    log(data_mean)
    data_var = torch.var(data, dim=0)
    log(data_var)
    data_normalized = (data - data_mean) / torch.sqrt(data_var)
    log(data_normalized)
    bad_indexes = target <= 3
    log(bad_indexes.shape, bad_indexes.dtype, bad_indexes.sum())
    bad_data = data[bad_indexes]
    log(bad_data.shape)
    bad_data = data[target <= 3]
    mid_data = data[(target > 3) & (target < 7)]
    good_data = data[target >= 7]
    bad_mean = torch.mean(bad_data, dim=0)
    mid_mean = torch.mean(mid_data, dim=0)
    good_mean = torch.mean(good_data, dim=0)
    for i, args in enumerate(zip(col_list, bad_mean, mid_mean, good_mean)):
        log('{:2} {:20} {:6.2f} {:6.2f} {:6.2f}'.format(i, *args))
    total_sulfur_threshold = 141.83
    total_sulfur_data = data[:, 6]
    predicted_indexes = torch.lt(total_sulfur_data, total_sulfur_threshold)
    log(predicted_indexes.shape, predicted_indexes.dtype, predicted_indexes.sum())
    actual_indexes = target > 5
    log(actual_indexes.shape, actual_indexes.dtype, actual_indexes.sum())
    n_matches = torch.sum(actual_indexes & predicted_indexes).item()
    n_predicted = torch.sum(predicted_indexes).item()
    n_actual = torch.sum(actual_indexes).item()
    log(n_matches, n_matches / n_predicted, n_matches / n_actual)


T_C = [0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0]
T_U = [35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]


def model(t_u, w, b):
    return w * t_u + b


def loss_fn(t_p, t_c):
    squared_diffs = (t_p - t_c)**2
    return squared_diffs.mean()


def p1ch5_params():
    torch.set_printoptions(edgeitems=2, linewidth=75)
    t_c = torch.tensor(T_C)
    t_u = torch.tensor(T_U)
    w = torch.ones(())
    b = torch.zeros(())
    t_p = model(t_u, w, b)
    log(t_p)
    loss = loss_fn(t_p, t_c)
    log(loss)
    x = torch.ones(())
    y = torch.ones(3, 1)
    z = torch.ones(1, 3)
    a = torch.ones(2, 1, 1)
    log(f"shapes: x: {x.shape}, y: {y.shape}")
    log(f"        z: {z.shape}, a: {a.shape}")
    log("x * y:", (x * y).shape)
    log("y * z:", (y * z).shape)
    log("y * z * a:", (y * z * a).shape)
    delta = 0.1
    loss_rate_of_change_w = \
        (loss_fn(model(t_u, w + delta, b), t_c) -
         loss_fn(model(t_u, w - delta, b), t_c)) / (2.0 * delta)
    log(loss_rate_of_change_w)
    learning_rate = 1e-2
    w = w - learning_rate * loss_rate_of_change_w
    log(w)
    loss_rate_of_change_b = \
        (loss_fn(model(t_u, w, b + delta), t_c) -
         loss_fn(model(t_u, w, b - delta), t_c)) / (2.0 * delta)
    b = b - learning_rate * loss_rate_of_change_b
    log(b)

    def dloss_fn(t_p, t_c):
        dsq_diffs = 2 * (t_p - t_c) / t_p.size(0)
        return dsq_diffs

    def dmodel_dw(t_u, w, b):
        return t_u

    def dmodel_db(t_u, w, b):
        return 1.0

    def grad_fn(t_u, t_c, t_p, w, b):
        dloss_dtp = dloss_fn(t_p, t_c)
        dloss_dw = dloss_dtp * dmodel_dw(t_u, w, b)
        dloss_db = dloss_dtp * dmodel_db(t_u, w, b)
        return torch.stack([dloss_dw.sum(), dloss_db.sum()])

    def training_loop(n_epochs, learning_rate, params, t_u, t_c, print_params=True):
        for epoch in range(1, n_epochs + 1):
            w, b = params
            t_p = model(t_u, w, b)
            loss = loss_fn(t_p, t_c)
            grad = grad_fn(t_u, t_c, t_p, w, b)
            params = params - learning_rate * grad
            if epoch in {1, 2, 3, 10, 11, 99, 100, 400, 500}:
                log(f"Epoch {epoch}, Loss {tofixed(loss, 6)}")
                if print_params:
                    log('    Params:', params)
                    log('    Grad:  ', grad)
            if epoch in {4, 12, 101}:
                log('...')
            if not torch.isfinite(loss).all():
                break
        return params

    log(training_loop(100, 1e-2, torch.tensor([1.0, 0.0]), t_u, t_c))
    log(training_loop(100, 1e-4, torch.tensor([1.0, 0.0]), t_u, t_c))
    t_un = 0.1 * t_u
    log(training_loop(100, 1e-2, torch.tensor([1.0, 0.0]), t_un, t_c))
    params = training_loop(500, 1e-2, torch.tensor([1.0, 0.0]), t_un, t_c, False)
    log(params)
    t_p = model(t_un, *params)
    log(t_p)


def p1ch5_autograd():
    torch.set_printoptions(edgeitems=2)
    t_c = torch.tensor(T_C)
    t_u = torch.tensor(T_U)
    t_un = 0.1 * t_u
    params = torch.tensor([1.0, 0.0], requires_grad=True)
    log(params.grad is None)
    loss = loss_fn(model(t_u, *params), t_c)
    loss.backward()
    log(params.grad)
    if params.grad is not None:
        params.grad.zero_()

    def training_loop(n_epochs, learning_rate, params, t_u, t_c):
        for epoch in range(1, n_epochs + 1):
            if params.grad is not None:
                params.grad.zero_()
            t_p = model(t_u, *params)
            loss = loss_fn(t_p, t_c)
            loss.backward()
            with torch.no_grad():
                params -= learning_rate * params.grad
            if epoch % 50 == 0:
                log(f"Epoch {epoch}, Loss {tofixed(loss, 6)}")
        return params

    log(training_loop(500, 1e-2, torch.tensor([1.0, 0.0], requires_grad=True), t_un, t_c))


def p1ch5_optim():
    torch.manual_seed(0)
    torch.set_printoptions(edgeitems=2, linewidth=75)
    t_c = torch.tensor(T_C)
    t_u = torch.tensor(T_U)
    t_un = 0.1 * t_u
    params = torch.tensor([1.0, 0.0], requires_grad=True)
    learning_rate = 1e-5
    optimizer = optim.SGD([params], lr=learning_rate)
    t_p = model(t_u, *params)
    loss = loss_fn(t_p, t_c)
    loss.backward()
    optimizer.step()
    log(params)
    params = torch.tensor([1.0, 0.0], requires_grad=True)
    learning_rate = 1e-2
    optimizer = optim.SGD([params], lr=learning_rate)
    t_p = model(t_un, *params)
    loss = loss_fn(t_p, t_c)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    log(params)

    def training_loop(n_epochs, optimizer, params, t_u, t_c):
        for epoch in range(1, n_epochs + 1):
            t_p = model(t_u, *params)
            loss = loss_fn(t_p, t_c)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if epoch % 50 == 0:
                log(f"Epoch {epoch}, Loss {tofixed(loss, 6)}")
        return params

    params = torch.tensor([1.0, 0.0], requires_grad=True)
    optimizer = optim.SGD([params], lr=1e-2)
    log(training_loop(500, optimizer, params, t_un, t_c))
    params = torch.tensor([1.0, 0.0], requires_grad=True)
    optimizer = optim.Adam([params], lr=1e-1)
    log(training_loop(200, optimizer, params, t_u, t_c))
    n_samples = t_u.shape[0]
    n_val = int(0.2 * n_samples)
    shuffled_indices = torch.randperm(n_samples)
    train_indices = shuffled_indices[:-n_val]
    val_indices = shuffled_indices[-n_val:]
    log(train_indices, val_indices)
    train_t_u = t_u[train_indices]
    train_t_c = t_c[train_indices]
    val_t_u = t_u[val_indices]
    val_t_c = t_c[val_indices]
    train_t_un = 0.1 * train_t_u
    val_t_un = 0.1 * val_t_u

    def training_loop(n_epochs, optimizer, params, train_t_u, val_t_u, train_t_c, val_t_c):  # noqa: F811
        for epoch in range(1, n_epochs + 1):
            train_t_p = model(train_t_u, *params)
            train_loss = loss_fn(train_t_p, train_t_c)
            val_t_p = model(val_t_u, *params)
            val_loss = loss_fn(val_t_p, val_t_c)
            optimizer.zero_grad()
            train_loss.backward()
            optimizer.step()
            if epoch <= 3 or epoch % 50 == 0:
                log(f"Epoch {epoch}, Training loss {tofixed(train_loss.item(), 4)},"
                    f" Validation loss {tofixed(val_loss.item(), 4)}")
        return params

    params = torch.tensor([1.0, 0.0], requires_grad=True)
    optimizer = optim.SGD([params], lr=1e-2)
    log(training_loop(300, optimizer, params, train_t_un, val_t_un, train_t_c, val_t_c))

    def training_loop(n_epochs, optimizer, params, train_t_u, val_t_u, train_t_c, val_t_c):  # noqa: F811
        for epoch in range(1, n_epochs + 1):
            train_t_p = model(train_t_u, *params)
            train_loss = loss_fn(train_t_p, train_t_c)
            with torch.no_grad():
                val_t_p = model(val_t_u, *params)
                val_loss = loss_fn(val_t_p, val_t_c)
                assert val_loss.requires_grad == False  # noqa: E712
            optimizer.zero_grad()
            train_loss.backward()
            optimizer.step()

    training_loop(3, optimizer, params, train_t_un, val_t_un, train_t_c, val_t_c)
    log(params)

    def calc_forward(t_u, t_c, is_train):
        with torch.set_grad_enabled(is_train):
            t_p = model(t_u, *params)
            loss = loss_fn(t_p, t_c)
        return loss

    log(calc_forward(train_t_un, train_t_c, True), calc_forward(val_t_un, val_t_c, False))


def p1ch6_nn():
    torch.manual_seed(0)
    torch.set_printoptions(edgeitems=2, linewidth=75)
    t_c = torch.tensor(T_C).unsqueeze(1)
    t_u = torch.tensor(T_U).unsqueeze(1)
    log(t_u.shape)
    n_samples = t_u.shape[0]
    n_val = int(0.2 * n_samples)
    shuffled_indices = torch.randperm(n_samples)
    train_indices = shuffled_indices[:-n_val]
    val_indices = shuffled_indices[-n_val:]
    log(train_indices, val_indices)
    t_u_train = t_u[train_indices]
    t_c_train = t_c[train_indices]
    t_u_val = t_u[val_indices]
    t_c_val = t_c[val_indices]
    t_un_train = 0.1 * t_u_train
    t_un_val = 0.1 * t_u_val
    linear_model = nn.Linear(1, 1)
    log(linear_model(t_un_val))
    log(linear_model.weight)
    log(linear_model.bias)
    x = torch.ones(1)
    log(linear_model(x))
    x = torch.ones(10, 1)
    log(linear_model(x))
    linear_model = nn.Linear(1, 1)
    optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
    for p in linear_model.parameters():
        log(p)

    def training_loop(n_epochs, optimizer, model, loss_fn, t_u_train, t_u_val, t_c_train, t_c_val):
        for epoch in range(1, n_epochs + 1):
            t_p_train = model(t_u_train)
            loss_train = loss_fn(t_p_train, t_c_train)
            t_p_val = model(t_u_val)
            loss_val = loss_fn(t_p_val, t_c_val)
            optimizer.zero_grad()
            loss_train.backward()
            optimizer.step()
            if epoch == 1 or epoch % 100 == 0:
                log(f"Epoch {epoch}, Training loss {tofixed(loss_train.item(), 4)},"
                    f" Validation loss {tofixed(loss_val.item(), 4)}")

    linear_model = nn.Linear(1, 1)
    optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
    training_loop(300, optimizer, linear_model, loss_fn, t_un_train, t_un_val, t_c_train, t_c_val)
    log()
    log(linear_model.weight)
    log(linear_model.bias)
    linear_model = nn.Linear(1, 1)
    optimizer = optim.SGD(linear_model.parameters(), lr=1e-2)
    training_loop(300, optimizer, linear_model, nn.MSELoss(), t_un_train, t_un_val, t_c_train, t_c_val)
    log()
    log(linear_model.weight)
    log(linear_model.bias)
    seq_model = nn.Sequential(nn.Linear(1, 13), nn.Tanh(), nn.Linear(13, 1))
    log(seq_model)
    log("[" + ", ".join(str(param.shape) for param in seq_model.parameters()) + "]")
    for name, param in seq_model.named_parameters():
        log(name, param.shape)
    named_model = nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, 8)),
        ('hidden_activation', nn.Tanh()),
        ('output_linear', nn.Linear(8, 1))
    ]))
    log(named_model)
    for name, param in named_model.named_parameters():
        log(name, param.shape)
    log(named_model.output_linear.bias)
    optimizer = optim.SGD(named_model.parameters(), lr=1e-3)
    training_loop(500, optimizer, named_model, nn.MSELoss(), t_un_train, t_un_val, t_c_train, t_c_val)
    log('output', named_model(t_un_val))
    log('answer', t_c_val)
    log('hidden', named_model.hidden_linear.weight.grad)
    t_range = torch.arange(20., 90.).unsqueeze(1)
    log(named_model(0.1 * t_range)[::10])


def p1ch6_modules():
    torch.manual_seed(0)
    torch.set_printoptions(edgeitems=2, linewidth=75)
    input_t = torch.arange(-3, 3.1, 0.1)
    log(input_t)
    activation_list = [nn.Tanh(), nn.Hardtanh(), nn.Sigmoid(), nn.Softplus(), nn.ReLU(), nn.LeakyReLU(negative_slope=0.1)]
    for activation_func in activation_list:
        output_t = activation_func(input_t)
        log(type(activation_func).__name__, output_t)
    a = lambda x: nn.Tanh()(-2 * x - 1.25)  # noqa: E731
    b = lambda x: nn.Tanh()(1 * x + 0.75)  # noqa: E731
    c = lambda x: nn.Tanh()(4 * x + 1.)  # noqa: E731
    d = lambda x: nn.Tanh()(-3 * x + 1.5)  # noqa: E731
    wb_list = [
        ('A: tanh(-2 * x - 1.25)', a(input_t)),
        ('B: tanh(1 * x + 0.75)', b(input_t)),
        ('A + B', a(input_t) + b(input_t)),
        ('C: tanh(4 * x + 1.0)', c(input_t)),
        ('D: tanh(-3 * x - 1.5)', d(input_t)),
        ('C + D', c(input_t) + d(input_t)),
        ('C(A + B)', c(a(input_t) + b(input_t))),
        ('D(A + B)', d(a(input_t) + b(input_t))),
        ('C(A+B) + D(A+B)', c(a(input_t) + b(input_t)) + d(a(input_t) + b(input_t))),
    ]
    for title_str, output_t in wb_list:
        log(title_str, output_t)
    seq_model = nn.Sequential(nn.Linear(1, 11), nn.Tanh(), nn.Linear(11, 1))
    log(seq_model)
    namedseq_model = nn.Sequential(OrderedDict([
        ('hidden_linear', nn.Linear(1, 12)),
        ('hidden_activation', nn.Tanh()),
        ('output_linear', nn.Linear(12, 1))
    ]))
    log(namedseq_model)

    class SubclassModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden_linear = nn.Linear(1, 13)
            self.hidden_activation = nn.Tanh()
            self.output_linear = nn.Linear(13, 1)

        def forward(self, input):
            hidden_t = self.hidden_linear(input)
            activated_t = self.hidden_activation(hidden_t)
            output_t = self.output_linear(activated_t)
            return output_t

    subclass_model = SubclassModel()
    log(subclass_model)
    for type_str, model in [('seq', seq_model), ('namedseq', namedseq_model), ('subclass', subclass_model)]:
        log(type_str)
        for name_str, param in model.named_parameters():
            log("{:21} {:19} {}".format(name_str, str(param.shape), param.numel()))
        log()

    class SubclassFunctionalModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden_linear = nn.Linear(1, 14)
            self.output_linear = nn.Linear(14, 1)

        def forward(self, input):
            hidden_t = self.hidden_linear(input)
            activated_t = torch.tanh(hidden_t)
            output_t = self.output_linear(activated_t)
            return output_t

    func_model = SubclassFunctionalModel()
    log(func_model)
    log(func_model(torch.ones(2, 1)))


def p1ch7():
    from torchvision import datasets, transforms
    torch.set_printoptions(edgeitems=2)
    torch.manual_seed(123)
    class_names = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']
    norm = transforms.Compose([transforms.ToTensor(),
                               transforms.Normalize((0.4915, 0.4823, 0.4468), (0.2470, 0.2435, 0.2616))])
    cifar10 = datasets.FakeData(size=60, image_size=(3, 32, 32), num_classes=10, transform=norm)
    cifar10_val = datasets.FakeData(size=30, image_size=(3, 32, 32), num_classes=10, random_offset=60, transform=norm)
    label_map = {0: 0, 2: 1}
    class_names = ['airplane', 'bird']  # noqa: F841
    cifar2 = [(img, label_map[label]) for img, label in cifar10 if label in [0, 2]]
    cifar2_val = [(img, label_map[label]) for img, label in cifar10_val if label in [0, 2]]
    log(len(cifar2), len(cifar2_val))
    n_out = 2
    model = nn.Sequential(nn.Linear(3072, 512), nn.Tanh(), nn.Linear(512, n_out))

    def softmax(x):
        return torch.exp(x) / torch.exp(x).sum()

    x = torch.tensor([1.0, 2.0, 3.0])
    log(softmax(x))
    log(softmax(x).sum())
    softmax2 = nn.Softmax(dim=1)
    x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]])
    log(softmax2(x))
    model = nn.Sequential(nn.Linear(3072, 512), nn.Tanh(), nn.Linear(512, 2), nn.Softmax(dim=1))
    img, _ = cifar2[0]
    log(img.permute(1, 2, 0).shape)
    img_batch = img.view(-1).unsqueeze(0)
    out = model(img_batch)
    log(out)
    _, index = torch.max(out, dim=1)
    log(index)
    out = torch.tensor([[0.6, 0.4], [0.9, 0.1], [0.3, 0.7], [0.2, 0.8]])
    class_index = torch.tensor([0, 0, 1, 1]).unsqueeze(1)
    truth = torch.zeros((4, 2))
    truth.scatter_(dim=1, index=class_index, value=1.0)
    log(truth)

    def mse(out):
        return ((out - truth) ** 2).sum(dim=1).mean()
    log(mse(out))
    log(out.gather(dim=1, index=class_index))

    def likelihood(out):
        prod = 1.0
        for x in out.gather(dim=1, index=class_index):
            prod *= x
        return prod
    log(likelihood(out))

    def neg_log_likelihood(out):
        return -likelihood(out).log()
    log(neg_log_likelihood(out))
    out0 = out.clone().detach()
    out0[0] = torch.tensor([0.9, 0.1])
    out2 = out.clone().detach()
    out2[0] = torch.tensor([0.4, 0.6])
    out3 = out.clone().detach()
    out3[0] = torch.tensor([0.1, 0.9])
    mse_comparison = torch.tensor([mse(o) for o in [out0, out, out2, out3]])
    log(mse_comparison)
    log(((mse_comparison / mse_comparison[1]) - 1) * 100)
    nll_comparison = torch.tensor([neg_log_likelihood(o) for o in [out0, out, out2, out3]])
    log(nll_comparison)
    log(((nll_comparison / nll_comparison[1]) - 1) * 100)
    softmax3 = nn.Softmax(dim=1)
    log_softmax = nn.LogSoftmax(dim=1)
    x = torch.tensor([[0.0, 104.0]])
    log(softmax3(x))
    log(torch.log(softmax3(x)))
    log(log_softmax(x))
    log(torch.exp(log_softmax(x)))
    model = nn.Sequential(nn.Linear(3072, 512), nn.Tanh(), nn.Linear(512, 2), nn.LogSoftmax(dim=1))
    loss = nn.NLLLoss()
    img, label = cifar2[0]
    out = model(img.view(-1).unsqueeze(0))
    log(loss(out, torch.tensor([label])))
    model = nn.Sequential(nn.Linear(3072, 512), nn.Tanh(), nn.Linear(512, 2), nn.LogSoftmax(dim=1))
    learning_rate = 1e-2
    optimizer = optim.SGD(model.parameters(), lr=learning_rate)
    loss_fn = nn.NLLLoss()
    n_epochs = 2
    for epoch in range(n_epochs):
        for img, label in cifar2:
            out = model(img.view(-1).unsqueeze(0))
            loss = loss_fn(out, torch.tensor([label]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        log("Epoch: %d, Loss: %s" % (epoch, tofixed(loss, 6)))
    train_loader = torch.utils.data.DataLoader(cifar2, batch_size=4, shuffle=True)
    model = nn.Sequential(nn.Linear(3072, 128), nn.Tanh(), nn.Linear(128, 2), nn.LogSoftmax(dim=1))
    optimizer = optim.SGD(model.parameters(), lr=learning_rate)
    for epoch in range(n_epochs):
        for imgs, labels in train_loader:
            outputs = model(imgs.view(imgs.shape[0], -1))
            loss = loss_fn(outputs, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        log("Epoch: %d, Loss: %s" % (epoch, tofixed(loss, 6)))
    for loader in [torch.utils.data.DataLoader(cifar2, batch_size=4, shuffle=False),
                   torch.utils.data.DataLoader(cifar2_val, batch_size=4, shuffle=False)]:
        correct = 0
        total = 0
        with torch.no_grad():
            for imgs, labels in loader:
                outputs = model(imgs.view(imgs.shape[0], -1))
                _, predicted = torch.max(outputs, dim=1)
                total += labels.shape[0]
                correct += int((predicted == labels).sum())
        log("Accuracy: %s" % tofixed(correct / total, 6))


def main():
    d = tempfile.mkdtemp()
    try:
        out = {
            "p1ch3": section(p1ch3, d),
            "p1ch4_wine": section(p1ch4_wine),
            "p1ch5_params": section(p1ch5_params),
            "p1ch5_autograd": section(p1ch5_autograd),
            "p1ch5_optim": section(p1ch5_optim),
            "p1ch6_nn": section(p1ch6_nn),
            "p1ch6_modules": section(p1ch6_modules),
            "p1ch7": section(p1ch7),
        }
    finally:
        shutil.rmtree(d)
    print(write_json(out, "dlwpt.json"))


if __name__ == "__main__":
    main()
