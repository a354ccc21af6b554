"""Fixture for test/tutorials/liao_book.test.ts: L1aoXingyu/code-of-learn-deep-learning-with-pytorch
(廖星宇《深度学习入门之PyTorch》) chapters 2-6, the book's cells in order, run on PyTorch 1.13. What a cell
displays is printed with log() (gen_pytorch_book.py's fmt: what the TypeScript port's console.log
prints for the same values). The book's `loss.data[0]` raises IndexError on 1.13 (recorded once as
`ERR`); the port writes `.item()` as readers updated it. Stand-ins: seeded torch values for
np.random, MNIST/CIFAR/flower data and the time-series CSV; training loops run a few steps.
Left out (as in the TypeScript port, see its header): CUDA cells, matplotlib, TensorFlow cells,
timing prints, downloads, PIL augmentation, ResNet/GoogLeNet/DenseNet, CIFAR-10 training, the LSTM
time series, rnn-for-image, word-embedding, seq-lstm, the autoencoder and the GAN.
`unit()` feeds test/autograd/detach_alias.test.ts."""
import os
import sys
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402
from gen_pytorch_book import fmt  # noqa: E402

OUT = []
HERE = os.path.dirname(os.path.abspath(__file__))
MIRROR = "/work/.mirror/L1aoXingyu+code-of-learn-deep-learning-with-pytorch/repo"


def log(*args):
    OUT.append(" ".join(fmt(a) for a in args))


def err(f):
    try:
        f()
        log("no error")
    except Exception as e:  # noqa: BLE001 - the error is the reference
        log(f"ERR {type(e).__name__}: {e}")


def warned(f):
    """Runs f and logs each warning's class and message, as the port's warning listener prints them."""
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        r = f()
    for w in ws:
        log(f"WARN {w.category.__name__}: {w.message}")
    return r


def chapter2():
    OUT.clear()
    # Tensor-and-Variable
    torch.manual_seed(0)
    numpy_tensor = torch.randn(10, 20, dtype=torch.float64).numpy()
    pytorch_tensor1 = torch.Tensor(numpy_tensor)
    pytorch_tensor2 = torch.from_numpy(numpy_tensor)
    numpy_array = pytorch_tensor1.numpy()
    numpy_array = pytorch_tensor1.cpu().numpy()
    log(pytorch_tensor1.shape)
    log(pytorch_tensor1.size())
    log(pytorch_tensor1.type())
    log(pytorch_tensor1.dim())
    log(pytorch_tensor1.numel())
    log(pytorch_tensor2.type(), len(numpy_array))
    x = torch.randn(3, 2)
    x = x.type(torch.DoubleTensor)
    x_array = x.numpy()
    log(x.type(), len(x_array))
    x = torch.ones(2, 2)
    log(x)
    log(x.type())
    x = x.long()
    log(x)
    x = x.float()
    log(x)
    x = torch.randn(4, 3)
    log(x)
    max_value, max_idx = torch.max(x, dim=1)
    log(max_value)
    log(max_idx)
    sum_x = torch.sum(x, dim=1)
    log(sum_x)
    log(x.shape)
    x = x.unsqueeze(0)
    log(x.shape)
    x = x.unsqueeze(1)
    log(x.shape)
    x = x.squeeze(0)
    log(x.shape)
    x = x.squeeze()
    log(x.shape)
    x = torch.randn(3, 4, 5)
    log(x.shape)
    x = x.permute(1, 0, 2)
    log(x.shape)
    x = x.transpose(0, 2)
    log(x.shape)
    x = torch.randn(3, 4, 5)
    log(x.shape)
    x = x.view(-1, 5)
    log(x.shape)
    x = x.view(3, 20)
    log(x.shape)
    x = torch.randn(3, 4)
    y = torch.randn(3, 4)
    z = x + y
    log(z)
    x = torch.ones(3, 3)
    log(x.shape)
    x.unsqueeze_(0)
    log(x.shape)
    x.transpose_(1, 0)
    log(x.shape)
    x = torch.ones(3, 3)
    y = torch.ones(3, 3)
    log(x)
    x.add_(y)
    log(x)
    x = torch.ones(4, 4).float()
    x[1:3, 1:3] = 2
    log(x)
    x_tensor = torch.randn(10, 5)
    y_tensor = torch.randn(10, 5)
    x = Variable(x_tensor, requires_grad=True)
    y = Variable(y_tensor, requires_grad=True)
    z = torch.sum(x + y)
    log(z.data)
    log(z.grad_fn)
    z.backward()
    log(x.grad)
    log(y.grad)
    x = Variable(torch.FloatTensor([2]), requires_grad=True)
    y = x ** 2
    y.backward()
    log(x.grad)
    # what Variable is on 1.13: a Tensor, a leaf sharing the data, volatile only warns
    log(isinstance(x, torch.Tensor), x.is_leaf, x_tensor.requires_grad)
    x_tensor.add_(1)
    log(torch.equal(Variable(x_tensor, requires_grad=True).data, x_tensor))
    a = torch.ones(2)
    v = Variable(a, requires_grad=True)
    a.add_(1)
    log(v)
    u = Variable(v * 2)
    log(u.requires_grad, u.grad_fn, u.is_leaf)
    k = warned(lambda: Variable(torch.zeros(2), volatile=True))
    log(k.requires_grad)
    err(lambda: Variable([1, 2]))
    err(lambda: Variable(torch.ones(2, dtype=torch.long), requires_grad=True))
    log(warned(lambda: k.volatile))
    err(lambda: torch.tensor(3.).data[0])
    # autograd
    x = Variable(torch.Tensor([2]), requires_grad=True)
    y = x + 2
    z = y ** 2 + 3
    log(z)
    z.backward()
    log(x.grad)
    x = Variable(torch.randn(10, 20), requires_grad=True)
    y = Variable(torch.randn(10, 5), requires_grad=True)
    w = Variable(torch.randn(20, 5), requires_grad=True)
    out = torch.mean(y - torch.matmul(x, w))
    out.backward()
    log(x.grad)
    log(y.grad)
    log(w.grad)
    m = Variable(torch.FloatTensor([[2, 3]]), requires_grad=True)
    n = Variable(torch.zeros(1, 2))
    log(m)
    log(n)
    n[0, 0] = m[0, 0] ** 2
    n[0, 1] = m[0, 1] ** 3
    log(n)
    n.backward(torch.ones_like(n))
    log(m.grad)
    x = Variable(torch.FloatTensor([3]), requires_grad=True)
    y = x * 2 + x ** 2 + 3
    log(y)
    y.backward(retain_graph=True)
    log(x.grad)
    y.backward()
    log(x.grad)
    x = Variable(torch.FloatTensor([2, 3]), requires_grad=True)
    k = Variable(torch.zeros(2))
    k[0] = x[0] ** 2 + 3 * x[1]
    k[1] = x[1] ** 2 + 2 * x[0]
    log(k)
    j = torch.zeros(2, 2)
    k.backward(torch.FloatTensor([1, 0]), retain_graph=True)
    j[0] = x.grad.data
    x.grad.data.zero_()
    k.backward(torch.FloatTensor([0, 1]))
    j[1] = x.grad.data
    log(j)
    # dynamic-graph
    first_counter = torch.Tensor([0])
    second_counter = torch.Tensor([10])
    while (first_counter < second_counter)[0]:
        first_counter += 2
        second_counter += 1
    log(first_counter)
    log(second_counter)
    return list(OUT)


def chapter3():
    OUT.clear()
    # linear-regression-gradient-descend
    torch.manual_seed(2017)
    x_train = torch.tensor([[3.3], [4.4], [5.5], [6.71], [6.93], [4.168], [9.779], [6.182], [7.59], [2.167], [7.042], [10.791], [5.313], [7.997], [3.1]])
    y_train = torch.tensor([[1.7], [2.76], [2.09], [3.19], [1.694], [1.573], [3.366], [2.596], [2.53], [1.221], [2.827], [3.465], [1.65], [2.904], [1.3]])
    w = Variable(torch.randn(1), requires_grad=True)
    b = Variable(torch.zeros(1), requires_grad=True)
    x_train = Variable(x_train)
    y_train = Variable(y_train)

    def linear_model(x):
        return x * w + b
    y_ = linear_model(x_train)

    def get_loss(y_, y):
        return torch.mean((y_ - y_train) ** 2)
    loss = get_loss(y_, y_train)
    log(loss)
    loss.backward()
    log(w.grad)
    log(b.grad)
    w.data = w.data - 1e-2 * w.grad.data
    b.data = b.data - 1e-2 * b.grad.data
    err(lambda: loss.data[0])
    for e in range(10):
        y_ = linear_model(x_train)
        loss = get_loss(y_, y_train)
        w.grad.zero_()
        b.grad.zero_()
        loss.backward()
        w.data = w.data - 1e-2 * w.grad.data
        b.data = b.data - 1e-2 * b.grad.data
        log('epoch: {}, loss: {}'.format(e, loss.item()))
    w_target = torch.tensor([0.5, 3, 2.4])
    b_target = torch.tensor([0.9])
    f_des = 'y = {:.2f} + {:.2f} * x + {:.2f} * x^2 + {:.2f} * x^3'.format(b_target[0], w_target[0], w_target[1], w_target[2])
    log(f_des)
    x_sample = torch.arange(-3, 3.1, 0.1)
    y_sample = b_target[0] + w_target[0] * x_sample + w_target[1] * x_sample ** 2 + w_target[2] * x_sample ** 3
    x_train = torch.stack([x_sample ** i for i in range(1, 4)], dim=1)
    y_train = y_sample.float().unsqueeze(1)
    w = Variable(torch.randn(3, 1), requires_grad=True)
    b = Variable(torch.zeros(1), requires_grad=True)

    def multi_linear(x):
        return torch.mm(x, w) + b
    y_pred = multi_linear(x_train)
    loss = get_loss(y_pred, y_train)
    log(loss)
    loss.backward()
    log(w.grad)
    log(b.grad)
    w.data = w.data - 0.001 * w.grad.data
    b.data = b.data - 0.001 * b.grad.data
    for e in range(100):
        y_pred = multi_linear(x_train)
        loss = get_loss(y_pred, y_train)
        w.grad.data.zero_()
        b.grad.data.zero_()
        loss.backward()
        w.data = w.data - 0.001 * w.grad.data
        b.data = b.data - 0.001 * b.grad.data
        if (e + 1) % 20 == 0:
            log('epoch {}, Loss: {:.5f}'.format(e + 1, loss.item()))
    # logistic-regression (data.txt is the book's file, embedded in the port)
    torch.manual_seed(2017)
    data = [(float(i[0]), float(i[1]), float(i[2])) for i in LOGISTIC_DATA]
    x0_max = max([i[0] for i in data])
    x1_max = max([i[1] for i in data])
    data = [(i[0] / x0_max, i[1] / x1_max, i[2]) for i in data]
    np_data = torch.tensor(data, dtype=torch.float32)
    x_data = np_data[:, 0:2]
    y_data = np_data[:, -1].unsqueeze(1)
    x_data = Variable(x_data)
    y_data = Variable(y_data)
    w = Variable(torch.randn(2, 1), requires_grad=True)
    b = Variable(torch.zeros(1), requires_grad=True)

    def logistic_regression(x):
        return torch.sigmoid(torch.mm(x, w) + b)
    w0 = w[0].data[0]
    w1 = w[1].data[0]
    b0 = b.data[0]
    log(w0, w1, b0)

    def binary_loss(y_pred, y):
        logits = (y * y_pred.clamp(1e-12).log() + (1 - y) * (1 - y_pred).clamp(1e-12).log()).mean()
        return -logits
    y_pred = logistic_regression(x_data)
    loss = binary_loss(y_pred, y_data)
    log(loss)
    loss.backward()
    w.data = w.data - 0.1 * w.grad.data
    b.data = b.data - 0.1 * b.grad.data
    y_pred = logistic_regression(x_data)
    loss = binary_loss(y_pred, y_data)
    log(loss)
    w = nn.Parameter(torch.randn(2, 1))
    b = nn.Parameter(torch.zeros(1))

    def logistic_regression2(x):
        return torch.sigmoid(torch.mm(x, w) + b)
    optimizer = torch.optim.SGD([w, b], lr=1.)
    for e in range(50):
        y_pred = logistic_regression2(x_data)
        loss = binary_loss(y_pred, y_data)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        mask = y_pred.ge(0.5).float()
        acc = (mask == y_data).sum().item() / y_data.shape[0]
        if (e + 1) % 10 == 0:
            log('epoch: {}, Loss: {:.5f}, Acc: {:.5f}'.format(e + 1, loss.item(), acc))
    err(lambda: (mask == y_data).sum().data[0])
    criterion = nn.BCEWithLogitsLoss()
    w = nn.Parameter(torch.randn(2, 1))
    b = nn.Parameter(torch.zeros(1))

    def logistic_reg(x):
        return torch.mm(x, w) + b
    optimizer = torch.optim.SGD([w, b], 1.)
    y_pred = logistic_reg(x_data)
    loss = criterion(y_pred, y_data)
    log(loss.data)
    for e in range(50):
        y_pred = logistic_reg(x_data)
        loss = criterion(y_pred, y_data)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        mask = y_pred.ge(0.5).float()
        acc = (mask == y_data).sum().item() / y_data.shape[0]
        if (e + 1) % 10 == 0:
            log('epoch: {}, Loss: {:.5f}, Acc: {:.5f}'.format(e + 1, loss.item(), acc))
    # nn-sequential-module (the flower data from torch's generator instead of numpy's)
    torch.manual_seed(1)
    m = 400
    N = int(m / 2)
    D = 2
    x = torch.zeros((m, D))
    y = torch.zeros((m, 1))
    a = 4
    for j in range(2):
        t = torch.linspace(j * 3.12, (j + 1) * 3.12, N) + torch.randn(N) * 0.2
        r = a * torch.sin(4 * t) + torch.randn(N) * 0.2
        x[N * j:N * (j + 1)] = torch.stack([r * torch.sin(t), r * torch.cos(t)], dim=1)
        y[N * j:N * (j + 1)] = j
    w = nn.Parameter(torch.randn(2, 1))
    b = nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([w, b], 1e-1)

    def logistic_regression3(x):
        return torch.mm(x, w) + b
    criterion = nn.BCEWithLogitsLoss()
    for e in range(100):
        out = logistic_regression3(Variable(x))
        loss = criterion(out, Variable(y))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (e + 1) % 20 == 0:
            log('epoch: {}, loss: {}'.format(e + 1, round(loss.item(), 5)))
    w1 = nn.Parameter(torch.randn(2, 4) * 0.01)
    b1 = nn.Parameter(torch.zeros(4))
    w2 = nn.Parameter(torch.randn(4, 1) * 0.01)
    b2 = nn.Parameter(torch.zeros(1))

    def two_network(x):
        x1 = torch.mm(x, w1) + b1
        x1 = torch.tanh(x1)
        x2 = torch.mm(x1, w2) + b2
        return x2
    optimizer = torch.optim.SGD([w1, w2, b1, b2], 1.)
    for e in range(100):
        out = two_network(Variable(x))
        loss = criterion(out, Variable(y))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (e + 1) % 20 == 0:
            log('epoch: {}, loss: {}'.format(e + 1, round(loss.item(), 5)))
    out = torch.sigmoid(two_network(x))
    out = (out > 0.5) * 1
    log(out.dtype, out.sum())
    seq_net = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
    log(seq_net[0])
    w0 = seq_net[0].weight
    log(w0)
    param = seq_net.parameters()
    optim = torch.optim.SGD(param, 1.)
    for e in range(100):
        out = seq_net(Variable(x))
        loss = criterion(out, Variable(y))
        optim.zero_grad()
        loss.backward()
        optim.step()
        if (e + 1) % 20 == 0:
            log('epoch: {}, loss: {}'.format(e + 1, round(loss.item(), 5)))
    seq_net2 = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
    seq_net2.load_state_dict(seq_net.state_dict())
    log(seq_net2)
    log(seq_net2[0].weight)

    class module_net(nn.Module):
        def __init__(self, num_input, num_hidden, num_output):
            super(module_net, self).__init__()
            self.layer1 = nn.Linear(num_input, num_hidden)
            self.layer2 = nn.Tanh()
            self.layer3 = nn.Linear(num_hidden, num_output)

        def forward(self, x):
            x = self.layer1(x)
            x = self.layer2(x)
            x = self.layer3(x)
            return x
    mo_net = module_net(2, 4, 1)
    l1 = mo_net.layer1
    log(l1)
    log(l1.weight)
    optim = torch.optim.SGD(mo_net.parameters(), 1.)
    for e in range(100):
        out = mo_net(Variable(x))
        loss = criterion(out, Variable(y))
        optim.zero_grad()
        loss.backward()
        optim.step()
        if (e + 1) % 20 == 0:
            log('epoch: {}, loss: {}'.format(e + 1, round(loss.item(), 5)))
    # param_initialize: numpy's uniform/normal replaced by torch's, as float64 tensors like from_numpy's
    net1 = nn.Sequential(nn.Linear(30, 40), nn.ReLU(), nn.Linear(40, 50), nn.ReLU(), nn.Linear(50, 10))
    w1 = net1[0].weight
    b1 = net1[0].bias
    log(w1.shape, b1.shape)
    net1[0].weight.data = torch.empty(40, 30, dtype=torch.float64).uniform_(3, 5)
    log(net1[0].weight.dtype, net1[0].weight.requires_grad, net1[0].weight.is_leaf, net1[0].weight.shape)
    for layer in net1:
        if isinstance(layer, nn.Linear):
            param_shape = layer.weight.shape
            layer.weight.data = torch.empty(param_shape, dtype=torch.float64).normal_(0, 0.5)
    log(net1[4].weight.dtype, type(net1[4].weight).__name__)

    class sim_net(nn.Module):
        def __init__(self):
            super(sim_net, self).__init__()
            self.l1 = nn.Sequential(nn.Linear(30, 40), nn.ReLU())
            self.l1[0].weight.data = torch.randn(40, 30)
            self.l2 = nn.Sequential(nn.Linear(40, 50), nn.ReLU())
            self.l3 = nn.Sequential(nn.Linear(50, 10), nn.ReLU())

        def forward(self, x):
            x = self.l1(x)
            x = self.l2(x)
            x = self.l3(x)
            return x
    net2 = sim_net()
    for i in net2.children():
        log(i)
    for i in net2.modules():
        log(i)
    for layer in net2.modules():
        if isinstance(layer, nn.Linear):
            param_shape = layer.weight.shape
            layer.weight.data = torch.empty(param_shape).normal_(0, 0.5)
    log(net2(torch.ones(2, 30)))
    from torch.nn import init
    net1[0].weight.data = net1[0].weight.data.float()
    warned(lambda: init.xavier_uniform(net1[0].weight))
    log(net1[0].weight[0, :5])
    log(net1[0].weight.abs().max().item() <= (6 / 70) ** 0.5)

    # optimizer/: the six update rules written by hand, three steps each on a seeded stand-in batch
    def sgd_update(parameters, lr):
        for param in parameters:
            param.data = param.data - lr * param.grad.data

    def sgd_momentum(parameters, vs, lr, gamma):
        for param, v in zip(parameters, vs):
            v[:] = gamma * v + lr * param.grad.data
            param.data = param.data - v

    def sgd_adagrad(parameters, sqrs, lr):
        eps = 1e-10
        for param, sqr in zip(parameters, sqrs):
            sqr[:] = sqr + param.grad.data ** 2
            div = lr / torch.sqrt(sqr + eps) * param.grad.data
            param.data = param.data - div

    def rmsprop(parameters, sqrs, lr, alpha):
        eps = 1e-10
        for param, sqr in zip(parameters, sqrs):
            sqr[:] = alpha * sqr + (1 - alpha) * param.grad.data ** 2
            div = lr / torch.sqrt(sqr + eps) * param.grad.data
            param.data = param.data - div

    def adadelta(parameters, sqrs, deltas, rho):
        eps = 1e-6
        for param, sqr, delta in zip(parameters, sqrs, deltas):
            sqr[:] = rho * sqr + (1 - rho) * param.grad.data ** 2
            cur_delta = torch.sqrt(delta + eps) / torch.sqrt(sqr + eps) * param.grad.data
            delta[:] = rho * delta + (1 - rho) * cur_delta ** 2
            param.data = param.data - cur_delta

    def adam(parameters, vs, sqrs, lr, t, beta1=0.9, beta2=0.999):
        eps = 1e-8
        for param, v, sqr in zip(parameters, vs, sqrs):
            v[:] = beta1 * v + (1 - beta1) * param.grad.data
            sqr[:] = beta2 * sqr + (1 - beta2) * param.grad.data ** 2
            v_hat = v / (1 - beta1 ** t)
            s_hat = sqr / (1 - beta2 ** t)
            param.data = param.data - lr * v_hat / torch.sqrt(s_hat + eps)
    torch.manual_seed(9)
    ims = (torch.rand(3, 64, 784) - 0.5) / 0.5
    labels = torch.randint(0, 10, (3, 64))
    criterion = nn.CrossEntropyLoss()
    for name in ["sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam"]:
        torch.manual_seed(10)
        net = nn.Sequential(nn.Linear(784, 200), nn.ReLU(), nn.Linear(200, 10))
        sqrs = [torch.zeros_like(p.data) for p in net.parameters()]
        vs = [torch.zeros_like(p.data) for p in net.parameters()]
        t = 1
        losses = []
        for im, label in zip(ims, labels):
            im = Variable(im)
            label = Variable(label)
            out = net(im)
            loss = criterion(out, label)
            net.zero_grad()
            loss.backward()
            if name == "sgd":
                sgd_update(net.parameters(), 1e-2)
            elif name == "momentum":
                sgd_momentum(net.parameters(), vs, 1e-2, 0.9)
            elif name == "adagrad":
                sgd_adagrad(net.parameters(), sqrs, 1e-2)
            elif name == "rmsprop":
                rmsprop(net.parameters(), sqrs, 1e-3, 0.9)
            elif name == "adadelta":
                adadelta(net.parameters(), sqrs, vs, 0.9)
            else:
                adam(net.parameters(), vs, sqrs, 1e-3, t)
                t += 1
            losses.append('{:.6f}'.format(loss.item()))
        log(name, ' '.join(losses), net[2].bias[:3])
    return list(OUT)

def chapter4():
    OUT.clear()
    # basic_conv: a seeded 1x1x24x32 image for cat.png
    torch.manual_seed(4)
    im = torch.rand(1, 1, 24, 32) * 255
    conv1 = nn.Conv2d(1, 1, 3, bias=False)
    sobel_kernel = torch.tensor([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], dtype=torch.float32)
    sobel_kernel = sobel_kernel.reshape((1, 1, 3, 3))
    conv1.weight.data = sobel_kernel
    edge1 = conv1(Variable(im))
    edge1 = edge1.data.squeeze()
    log(edge1.shape, edge1[0, :4])
    weight = Variable(sobel_kernel)
    edge2 = F.conv2d(Variable(im), weight)
    edge2 = edge2.data.squeeze()
    log(torch.equal(edge1, edge2))
    pool1 = nn.MaxPool2d(2, 2)
    log('before max pool, image shape: {} x {}'.format(im.shape[2], im.shape[3]))
    small_im1 = pool1(Variable(im))
    small_im1 = small_im1.data.squeeze()
    log('after max pool, image shape: {} x {} '.format(small_im1.shape[0], small_im1.shape[1]))
    small_im2 = F.max_pool2d(Variable(im), 2, 2)
    small_im2 = small_im2.data.squeeze()
    log(torch.equal(small_im1, small_im2), small_im2[0, :3])

    # batch-normalization
    def simple_batch_norm_1d(x, gamma, beta):
        eps = 1e-5
        x_mean = torch.mean(x, dim=0, keepdim=True)
        x_var = torch.mean((x - x_mean) ** 2, dim=0, keepdim=True)
        x_hat = (x - x_mean) / torch.sqrt(x_var + eps)
        return gamma.view_as(x_mean) * x_hat + beta.view_as(x_mean)
    x = torch.arange(15).view(5, 3)
    gamma = torch.ones(x.shape[1])
    beta = torch.zeros(x.shape[1])
    log('before bn: ')
    log(x)
    err(lambda: simple_batch_norm_1d(x, gamma, beta))
    x = torch.arange(15).view(5, 3).float()
    y = simple_batch_norm_1d(x, gamma, beta)
    log('after bn: ')
    log(y)

    def batch_norm_1d(x, gamma, beta, is_training, moving_mean, moving_var, moving_momentum=0.1):
        eps = 1e-5
        x_mean = torch.mean(x, dim=0, keepdim=True)
        x_var = torch.mean((x - x_mean) ** 2, dim=0, keepdim=True)
        if is_training:
            x_hat = (x - x_mean) / torch.sqrt(x_var + eps)
            moving_mean[:] = moving_momentum * moving_mean + (1. - moving_momentum) * x_mean
            moving_var[:] = moving_momentum * moving_var + (1. - moving_momentum) * x_var
        else:
            x_hat = (x - moving_mean) / torch.sqrt(moving_var + eps)
        return gamma.view_as(x_mean) * x_hat + beta.view_as(x_mean)

    class multi_network(nn.Module):
        def __init__(self):
            super(multi_network, self).__init__()
            self.layer1 = nn.Linear(784, 100)
            self.relu = nn.ReLU(True)
            self.layer2 = nn.Linear(100, 10)
            self.gamma = nn.Parameter(torch.randn(100))
            self.beta = nn.Parameter(torch.randn(100))
            self.moving_mean = Variable(torch.zeros(100))
            self.moving_var = Variable(torch.zeros(100))

        def forward(self, x, is_train=True):
            x = self.layer1(x)
            x = batch_norm_1d(x, self.gamma, self.beta, is_train, self.moving_mean, self.moving_var)
            x = self.relu(x)
            x = self.layer2(x)
            return x
    torch.manual_seed(5)
    net = multi_network()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(net.parameters(), 1e-1)
    ims = (torch.rand(4, 32, 784) - 0.5) / 0.5
    labels = torch.randint(0, 10, (4, 32))
    for im, label in zip(ims, labels):
        out = net(im)
        loss = criterion(out, label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        log('loss: {:.6f}'.format(loss.item()))
    log(net.moving_mean[:10])
    log(len(list(net.parameters())), [k for k in net.state_dict()])
    out = net(ims[0], is_train=False)
    log(out[0])

    class conv_bn_net(nn.Module):
        def __init__(self):
            super(conv_bn_net, self).__init__()
            self.stage1 = nn.Sequential(
                nn.Conv2d(1, 6, 3, padding=1), nn.BatchNorm2d(6), nn.ReLU(True), nn.MaxPool2d(2, 2),
                nn.Conv2d(6, 16, 5), nn.BatchNorm2d(16), nn.ReLU(True), nn.MaxPool2d(2, 2))
            self.classfy = nn.Linear(400, 10)

        def forward(self, x):
            x = self.stage1(x)
            x = x.view(x.shape[0], -1)
            x = self.classfy(x)
            return x
    net = conv_bn_net()
    optimizer = torch.optim.SGD(net.parameters(), 1e-1)
    imgs = ims.view(4, 32, 1, 28, 28)
    for im, label in zip(imgs[:2], labels[:2]):
        out = net(im)
        loss = criterion(out, label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        log('loss: {:.6f}'.format(loss.item()))
    log(net.stage1[1].running_mean)
    net.eval()
    log(net(imgs[2])[0])

    # lr-decay: the optimizer's param_groups
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, weight_decay=1e-4)
    log('learning rate: {}'.format(optimizer.param_groups[0]['lr']))
    log('weight decay: {}'.format(optimizer.param_groups[0]['weight_decay']))
    optimizer.param_groups[0]['lr'] = 1e-5
    log('learning rate: {}'.format(optimizer.param_groups[0]['lr']))
    for param_group in optimizer.param_groups:
        param_group['lr'] = 1e-1

    def set_learning_rate(optimizer, lr):
        for param_group in optimizer.param_groups:
            param_group['lr'] = lr
    net.train()
    for epoch in range(3):
        if epoch == 2:
            set_learning_rate(optimizer, 0.01)
        out = net(imgs[epoch])
        loss = criterion(out, labels[epoch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        log('epoch {}, lr {}, loss: {:.6f}'.format(epoch, optimizer.param_groups[0]['lr'], loss.item()))
    log(net.classfy.bias)

    # regularization: an L2 term added by hand
    def l2_loss(net, out, label, reg=1e-2):
        loss = criterion(out, label)
        l2 = 0
        for p in net.parameters():
            l2 = l2 + torch.sum(p ** 2)
        return loss + reg * l2
    loss = l2_loss(net, net(imgs[3]), labels[3])
    log(loss)

    # vgg (a smaller input than the book's 300x300)
    def vgg_block(num_convs, in_channels, out_channels):
        net = [nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1), nn.ReLU(True)]
        for i in range(num_convs - 1):
            net.append(nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1))
            net.append(nn.ReLU(True))
        net.append(nn.MaxPool2d(2, 2))
        return nn.Sequential(*net)
    block_demo = vgg_block(3, 64, 128)
    log(block_demo)
    input_demo = Variable(torch.zeros(1, 64, 30, 30))
    output_demo = block_demo(input_demo)
    log(output_demo.shape)

    def vgg_stack(num_convs, channels):
        net = []
        for n, c in zip(num_convs, channels):
            in_c = c[0]
            out_c = c[1]
            net.append(vgg_block(n, in_c, out_c))
        return nn.Sequential(*net)
    vgg_net = vgg_stack((1, 1, 2), ((3, 16), (16, 32), (32, 64)))
    log(vgg_net)
    test_x = Variable(torch.zeros(1, 3, 32, 32))
    test_y = vgg_net(test_x)
    log(test_y.shape)
    return list(OUT)

SONNET = """When forty winters shall besiege thy brow,
And dig deep trenches in thy beauty's field,
Thy youth's proud livery so gazed on now,
Will be a totter'd weed of small worth held:
Then being asked, where all thy beauty lies,
Where all the treasure of thy lusty days;
To say, within thine own deep sunken eyes,
Were an all-eating shame, and thriftless praise.
How much more praise deserv'd thy beauty's use,
If thou couldst answer 'This fair child of mine
Shall sum my count, and make my old excuse,'
Proving his beauty by succession thine!
This were to be new made when thou art old,
And see thy blood warm when thou feel'st it cold."""


def chapter5():
    OUT.clear()
    # pytorch-rnn
    torch.manual_seed(6)
    rnn_single = nn.RNNCell(input_size=100, hidden_size=200)
    log(rnn_single.weight_hh.shape)
    x = Variable(torch.randn(6, 5, 100))
    h_t = Variable(torch.zeros(5, 200))
    out = []
    for i in range(6):
        h_t = rnn_single(x[i], h_t)
        out.append(h_t)
    log(h_t[0, :4])
    log(len(out))
    log(out[0].shape)
    rnn_seq = nn.RNN(100, 200)
    log(rnn_seq.weight_hh_l0.shape)
    out, h_t = rnn_seq(x)
    log(h_t.shape, h_t[0, 0, :4])
    log(len(out))
    h_0 = Variable(torch.randn(1, 5, 200))
    out, h_t = rnn_seq(x, h_0)
    log(h_t[0, 1, :4])
    log(out.shape)
    lstm_seq = nn.LSTM(50, 100, num_layers=2)
    log(lstm_seq.weight_hh_l0.shape)
    lstm_input = Variable(torch.randn(10, 3, 50))
    out, (h, c) = lstm_seq(lstm_input)
    log(h.shape)
    log(c.shape)
    log(out.shape)
    h_init = Variable(torch.randn(2, 3, 100))
    c_init = Variable(torch.randn(2, 3, 100))
    out, (h, c) = lstm_seq(lstm_input, (h_init, c_init))
    log(h.shape, h[1, 2, :4])
    log(c.shape, c[0, 0, :4])
    log(out.shape)
    gru_seq = nn.GRU(10, 20)
    gru_input = Variable(torch.randn(3, 32, 10))
    out, h = gru_seq(gru_input)
    log(gru_seq.weight_hh_l0.shape)
    log(h.shape, h[0, 0, :4])
    log(out.shape)
    # n-gram (the vocabulary sorted: Python's set order changes from run to run)
    CONTEXT_SIZE = 2
    EMBEDDING_DIM = 10
    test_sentence = SONNET.split()
    trigram = [((test_sentence[i], test_sentence[i + 1]), test_sentence[i + 2]) for i in range(len(test_sentence) - 2)]
    log(len(trigram))
    log(trigram[0][0][0], trigram[0][0][1], trigram[0][1])
    vocb = sorted(set(test_sentence))
    word_to_idx = {word: i for i, word in enumerate(vocb)}
    idx_to_word = {word_to_idx[word]: word for word in word_to_idx}
    log(len(word_to_idx), word_to_idx["thy"])

    class n_gram(nn.Module):
        def __init__(self, vocab_size, context_size=CONTEXT_SIZE, n_dim=EMBEDDING_DIM):
            super(n_gram, self).__init__()
            self.embed = nn.Embedding(vocab_size, n_dim)
            self.classify = nn.Sequential(nn.Linear(context_size * n_dim, 128), nn.ReLU(True), nn.Linear(128, vocab_size))

        def forward(self, x):
            voc_embed = self.embed(x)
            voc_embed = voc_embed.view(1, -1)
            out = self.classify(voc_embed)
            return out
    torch.manual_seed(7)
    net = n_gram(len(word_to_idx))
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=1e-2, weight_decay=1e-5)
    for e in range(2):
        train_loss = 0
        for word, label in trigram:
            word = Variable(torch.LongTensor([word_to_idx[i] for i in word]))
            label = Variable(torch.LongTensor([word_to_idx[label]]))
            out = net(word)
            loss = criterion(out, label)
            train_loss += loss.item()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        log('epoch: {}, Loss: {:.6f}'.format(e + 1, train_loss / len(trigram)))
    net = net.eval()
    word, label = trigram[19]
    log('input: {} {}'.format(*word))
    log('label: {}'.format(label))
    word = Variable(torch.LongTensor([word_to_idx[i] for i in word]))
    out = net(word)
    pred_label_idx = out.max(1)[1].data[0].item()
    predict_word = idx_to_word[pred_label_idx]
    log('real word is {}, predicted word is {}'.format(label, predict_word))
    log(out[0, :5])
    return list(OUT)

def chapter6():
    OUT.clear()
    # vae: seeded stand-in images in [-1, 1] for MNIST, 3 Adam steps
    class VAE(nn.Module):
        def __init__(self):
            super(VAE, self).__init__()
            self.fc1 = nn.Linear(784, 400)
            self.fc21 = nn.Linear(400, 20)
            self.fc22 = nn.Linear(400, 20)
            self.fc3 = nn.Linear(20, 400)
            self.fc4 = nn.Linear(400, 784)

        def encode(self, x):
            h1 = F.relu(self.fc1(x))
            return self.fc21(h1), self.fc22(h1)

        def reparametrize(self, mu, logvar):
            std = logvar.mul(0.5).exp_()
            eps = torch.FloatTensor(std.size()).normal_()
            eps = Variable(eps)
            return eps.mul(std).add_(mu)

        def decode(self, z):
            h3 = F.relu(self.fc3(z))
            return torch.tanh(self.fc4(h3))

        def forward(self, x):
            mu, logvar = self.encode(x)
            z = self.reparametrize(mu, logvar)
            return self.decode(z), mu, logvar
    torch.manual_seed(8)
    net = VAE()
    images = torch.rand(3, 16, 1, 28, 28) * 2 - 1
    x = images[0, 0]
    x = x.view(x.shape[0], -1)
    x = Variable(x)
    _, mu, var = net(x)
    log(mu[0, :5])
    reconstruction_function = warned(lambda: nn.MSELoss(size_average=False))
    log(reconstruction_function.reduction)

    def loss_function(recon_x, x, mu, logvar):
        MSE = reconstruction_function(recon_x, x)
        KLD_element = mu.pow(2).add_(logvar.exp()).mul_(-1).add_(1).add_(logvar)
        KLD = torch.sum(KLD_element).mul_(-0.5)
        return MSE + KLD
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)

    def to_img(x):
        x = 0.5 * (x + 1.)
        x = x.clamp(0, 1)
        x = x.view(x.shape[0], 1, 28, 28)
        return x
    for e in range(3):
        im = images[e]
        im = im.view(im.shape[0], -1)
        im = Variable(im)
        recon_im, mu, logvar = net(im)
        loss = loss_function(recon_im, im, mu, logvar) / im.shape[0]
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        log('epoch: {}, Loss: {:.4f}'.format(e + 1, loss.item()))
    save = to_img(recon_im.cpu().data)
    log(save.shape, save.min().item() >= 0, save.max().item() <= 1)
    x = images[0, 0]
    x = x.view(x.shape[0], -1)
    _, mu, _ = net(Variable(x))
    log(mu[0, :5])
    log(net.fc4.bias[:4])
    return list(OUT)


def caught(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the error is the reference
        return [type(e).__name__, str(e)]
    return None


def unit():
    """test/autograd/detach_alias.test.ts: what the book's Variable idioms rest on, outside a notebook."""
    m = torch.tensor([[2.5, 3.5]], requires_grad=True)
    base = torch.zeros(1, 2)
    n = base.detach()
    n[0, 0] = m[0, 0] ** 2
    n[0, 1] = m[0, 1] ** 3
    setitem = [str(n), str(base), base.requires_grad]
    n.backward(torch.ones_like(n))
    setitem.append(str(m.grad))
    m = torch.tensor([[2.5, 3.5]], requires_grad=True)
    b2 = torch.zeros(1, 2)
    n2 = b2.detach()
    n2.add_(m)
    n2.mul_(m)
    (n2.sum()).backward()
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        v = Variable(torch.zeros(2), volatile=True)
        vol = v.volatile
    return {
        "setitem": setitem,
        "inplace": [str(n2), str(b2), str(m.grad)],
        "leaf_errors": [
            caught(lambda: Variable(torch.zeros(2), requires_grad=True).add_(1)),
            caught(lambda: torch.zeros(2).detach().requires_grad_().add_(1)),
            caught(lambda: torch.zeros(2).requires_grad_().detach().add_(1)),
        ],
        "variable_errors": [caught(lambda: Variable([1, 2])), caught(lambda: Variable(3)), caught(lambda: Variable(torch.ones(2, dtype=torch.long), requires_grad=True))],
        "volatile": [vol, v.requires_grad, [str(w.message) for w in ws]],
        "legacy_numpy": [
            str(torch.Tensor(np.array([1.5, 2.0]))),
            str(torch.LongTensor(np.array([1.7, -2.5]))),
            str(torch.FloatTensor(np.array([[1, 2]], dtype=np.int64))),
            str(torch.DoubleTensor(np.array([0.5], dtype=np.float32)).dtype),
        ],
    }


LOGISTIC_DATA = None


if __name__ == "__main__":
    import subprocess
    txt = subprocess.run(["git", "-C", MIRROR, "show", "HEAD:chapter3_NN/logistic-regression/data.txt"], capture_output=True, text=True, check=True).stdout
    LOGISTIC_DATA = [line.split(",") for line in txt.strip().split("\n")]
    out = {
        "logistic_data": [[float(v) for v in r] for r in LOGISTIC_DATA],
        "unit": unit(),
        "chapter2": {"printed": chapter2()},
        "chapter3": {"printed": chapter3()},
        "chapter4": {"printed": chapter4()},
        "chapter5": {"printed": chapter5(), "sonnet": SONNET},
        "chapter6": {"printed": chapter6()},
    }
    print(write_json(out, "liao_book.json"))
