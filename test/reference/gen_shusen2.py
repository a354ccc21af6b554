"""Fixture for test/tutorials/shusen_cnn_opt.test.ts: ShusenTang/Dive-into-DL-PyTorch chapter 5 (CNN) and
chapter 7 (optimization), the code cells in order on PyTorch 1.13, with the d2lzh_pytorch helpers those
chapters use (D2LZH below, test/tutorials/_d2lzh_cnn_opt.ts on the TypeScript side). What a cell
displays is printed with log() (or, where the port leaves a list as the cell's value, recorded with
show() as Jupyter shows it), which writes what the port's console.log prints for the same values
(true/false, integral floats without ".0"). Stand-ins and cuts are the port's (see the test's header):
seeded Fashion-MNIST images, seeded regression data for the airfoil file, torch.normal for
np.random.normal, no plots and no timings."""
import math
import os
import sys
import time  # noqa: F401 - the book imports it

import torch
import torch.nn.functional as F
from IPython.lib.pretty import pretty
from torch import nn, optim

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

OUT = []
SHOWN = []


def fmt(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def log(*args):
    OUT.append(" ".join(fmt(a) for a in args))


def show(v):
    """A cell's value as Jupyter shows it (IPython's pretty printer; the port's arrays are lists)."""
    SHOWN.append(pretty(v))


# ---- d2lzh_pytorch (utils.py), the helpers chapters 5 and 7 use ----
class d2l:  # noqa: N801 - the module's name in the book
    pass


def corr2d(X, K):
    h, w = K.shape
    X, K = X.float(), K.float()
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i: i + h, j: j + w] * K).sum()
    return Y


class FlattenLayer(torch.nn.Module):
    def __init__(self):
        super(FlattenLayer, self).__init__()

    def forward(self, x):
        return x.view(x.shape[0], -1)


class GlobalAvgPool2d(nn.Module):
    def __init__(self):
        super(GlobalAvgPool2d, self).__init__()

    def forward(self, x):
        return F.avg_pool2d(x, kernel_size=x.size()[2:])


def fashion_standin(n, size):
    X = torch.rand(n, 1, size, size) * 0.5
    y = torch.randint(0, 10, (n,))
    band = size // 10
    for i in range(n):
        r = int(y[i]) * band
        X[i, 0, r:r + band, :] += 0.5
    return X, y


def load_data_fashion_mnist(batch_size, resize=None):
    size = resize or 28
    mnist_train = torch.utils.data.TensorDataset(*fashion_standin(64, size))
    mnist_test = torch.utils.data.TensorDataset(*fashion_standin(32, size))
    train_iter = torch.utils.data.DataLoader(mnist_train, batch_size=batch_size, shuffle=True)
    test_iter = torch.utils.data.DataLoader(mnist_test, batch_size=batch_size, shuffle=False)
    return train_iter, test_iter


def evaluate_accuracy(data_iter, net, device=None):
    if device is None and isinstance(net, torch.nn.Module):
        device = list(net.parameters())[0].device
    acc_sum, n = 0.0, 0
    with torch.no_grad():
        for X, y in data_iter:
            net.eval()
            acc_sum += (net(X.to(device)).argmax(dim=1) == y.to(device)).float().sum().cpu().item()
            net.train()
            n += y.shape[0]
    return acc_sum / n


def train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs):
    net = net.to(device)
    log("training on ", device)
    loss = torch.nn.CrossEntropyLoss()
    batch_count = 0
    for epoch in range(num_epochs):
        train_l_sum, train_acc_sum, n = 0.0, 0.0, 0
        for X, y in train_iter:
            X = X.to(device)
            y = y.to(device)
            y_hat = net(X)
            l = loss(y_hat, y)
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
            train_l_sum += l.cpu().item()
            train_acc_sum += (y_hat.argmax(dim=1) == y).sum().cpu().item()
            n += y.shape[0]
            batch_count += 1
        test_acc = evaluate_accuracy(test_iter, net)
        log('epoch %d, loss %.4f, train acc %.3f, test acc %.3f'
            % (epoch + 1, train_l_sum / batch_count, train_acc_sum / n, test_acc))


class Residual(nn.Module):
    def __init__(self, in_channels, out_channels, use_1x1conv=False, stride=1):
        super(Residual, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, stride=stride)
        self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1)
        if use_1x1conv:
            self.conv3 = nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride)
        else:
            self.conv3 = None
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)

    def forward(self, X):
        Y = F.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3:
            X = self.conv3(X)
        return F.relu(Y + X)


def train_2d(trainer):
    x1, x2, s1, s2 = -5, -2, 0, 0
    results = [(x1, x2)]
    for i in range(20):
        x1, x2, s1, s2 = trainer(x1, x2, s1, s2)
        results.append((x1, x2))
    log('epoch %d, x1 %f, x2 %f' % (i + 1, x1, x2))
    return results


def get_data_ch7():
    torch.manual_seed(1)
    data = torch.randn(300, 6)
    data[:, 5] = data[:, :5].matmul(torch.tensor([1.5, -2.0, 0.5, 0.0, 1.0])) + 0.3 * data[:, 5]
    data = (data - data.mean(axis=0)) / data.std(axis=0, unbiased=False)
    return data[:, :-1].clone(), data[:, -1].clone()


def linreg(X, w, b):
    return torch.mm(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.view(y_hat.size())) ** 2 / 2


def train_ch7(optimizer_fn, states, hyperparams, features, labels, batch_size=10, num_epochs=2):
    net, loss = linreg, squared_loss
    w = torch.nn.Parameter(torch.normal(0, 0.01, size=(features.shape[1], 1)), requires_grad=True)
    b = torch.nn.Parameter(torch.zeros(1, dtype=torch.float32), requires_grad=True)

    def eval_loss():
        return loss(net(features, w, b), labels).mean().item()

    ls = [eval_loss()]
    data_iter = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(features, labels), batch_size, shuffle=True)
    for _ in range(num_epochs):
        for batch_i, (X, y) in enumerate(data_iter):
            l = loss(net(X, w, b), y).mean()
            if w.grad is not None:
                w.grad.data.zero_()
                b.grad.data.zero_()
            l.backward()
            optimizer_fn([w, b], states, hyperparams)
            if (batch_i + 1) * batch_size % 100 == 0:
                ls.append(eval_loss())
    log('loss: %f, %d losses' % (ls[-1], len(ls)))


def train_pytorch_ch7(optimizer_fn, optimizer_hyperparams, features, labels, batch_size=10, num_epochs=2):
    net = nn.Sequential(
        nn.Linear(features.shape[-1], 1)
    )
    loss = nn.MSELoss()
    optimizer = optimizer_fn(net.parameters(), **optimizer_hyperparams)

    def eval_loss():
        return loss(net(features).view(-1), labels).item() / 2

    ls = [eval_loss()]
    data_iter = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(features, labels), batch_size, shuffle=True)
    for _ in range(num_epochs):
        for batch_i, (X, y) in enumerate(data_iter):
            l = loss(net(X).view(-1), y) / 2
            optimizer.zero_grad()
            l.backward()
            optimizer.step()
            if (batch_i + 1) * batch_size % 100 == 0:
                ls.append(eval_loss())
    log('loss: %f, %d losses' % (ls[-1], len(ls)))


for _f in (corr2d, FlattenLayer, GlobalAvgPool2d, load_data_fashion_mnist, evaluate_accuracy, train_ch5, Residual,
           train_2d, get_data_ch7, linreg, squared_loss, train_ch7, train_pytorch_ch7):
    setattr(d2l, _f.__name__, _f)


def ch5():
    OUT.clear()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    # 5.1 conv-layer
    X = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]])
    K = torch.tensor([[0, 1], [2, 3]])
    log(corr2d(X, K))

    class Conv2D(nn.Module):
        def __init__(self, kernel_size):
            super(Conv2D, self).__init__()
            self.weight = nn.Parameter(torch.randn(kernel_size))
            self.bias = nn.Parameter(torch.randn(1))

        def forward(self, x):
            return corr2d(x, self.weight) + self.bias

    X = torch.ones(6, 8)
    X[:, 2:6] = 0
    log(X)
    K = torch.tensor([[1, -1]])
    Y = corr2d(X, K)
    log(Y)
    torch.manual_seed(0)
    conv2d = Conv2D(kernel_size=(1, 2))
    step = 20
    lr = 0.01
    for i in range(step):
        Y_hat = conv2d(X)
        l = ((Y_hat - Y) ** 2).sum()
        l.backward()
        conv2d.weight.data -= lr * conv2d.weight.grad
        conv2d.bias.data -= lr * conv2d.bias.grad
        conv2d.weight.grad.fill_(0)
        conv2d.bias.grad.fill_(0)
        if (i + 1) % 5 == 0:
            log('Step %d, loss %.3f' % (i + 1, l.item()))
    log("weight: ", conv2d.weight.data)
    log("bias: ", conv2d.bias.data)

    # 5.2 padding and strides
    def comp_conv2d(conv2d, X):
        X = X.view((1, 1) + X.shape)
        Y = conv2d(X)
        return Y.view(Y.shape[2:])
    conv2d = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3, padding=1)
    X = torch.rand(8, 8)
    log(comp_conv2d(conv2d, X).shape)
    conv2d = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(5, 3), padding=(2, 1))
    log(comp_conv2d(conv2d, X).shape)
    conv2d = nn.Conv2d(1, 1, kernel_size=3, padding=1, stride=2)
    log(comp_conv2d(conv2d, X).shape)
    conv2d = nn.Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4))
    log(comp_conv2d(conv2d, X).shape)

    # 5.3 channels
    def corr2d_multi_in(X, K):
        res = d2l.corr2d(X[0, :, :], K[0, :, :])
        for i in range(1, X.shape[0]):
            res += d2l.corr2d(X[i, :, :], K[i, :, :])
        return res
    X = torch.tensor([[[0, 1, 2], [3, 4, 5], [6, 7, 8]],
                      [[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
    K = torch.tensor([[[0, 1], [2, 3]], [[1, 2], [3, 4]]])
    log(corr2d_multi_in(X, K))

    def corr2d_multi_in_out(X, K):
        return torch.stack([corr2d_multi_in(X, k) for k in K])
    K = torch.stack([K, K + 1, K + 2])
    log(K.shape)
    log(corr2d_multi_in_out(X, K))

    def corr2d_multi_in_out_1x1(X, K):
        c_i, h, w = X.shape
        c_o = K.shape[0]
        X = X.view(c_i, h * w)
        K = K.view(c_o, c_i)
        Y = torch.mm(K, X)
        return Y.view(c_o, h, w)
    X = torch.rand(3, 3, 3)
    K = torch.rand(2, 3, 1, 1)
    Y1 = corr2d_multi_in_out_1x1(X, K)
    Y2 = corr2d_multi_in_out(X, K)
    log((Y1 - Y2).norm().item() < 1e-6)

    # 5.4 pooling
    def pool2d(X, pool_size, mode='max'):
        X = X.float()
        p_h, p_w = pool_size
        Y = torch.zeros(X.shape[0] - p_h + 1, X.shape[1] - p_w + 1)
        for i in range(Y.shape[0]):
            for j in range(Y.shape[1]):
                if mode == 'max':
                    Y[i, j] = X[i: i + p_h, j: j + p_w].max()
                elif mode == 'avg':
                    Y[i, j] = X[i: i + p_h, j: j + p_w].mean()
        return Y
    X = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]])
    log(pool2d(X, (2, 2)))
    log(pool2d(X, (2, 2), 'avg'))
    X = torch.arange(16, dtype=torch.float).view((1, 1, 4, 4))
    log(X)
    pool2d_ = nn.MaxPool2d(3)
    log(pool2d_(X))
    pool2d_ = nn.MaxPool2d(3, padding=1, stride=2)
    log(pool2d_(X))
    pool2d_ = nn.MaxPool2d((2, 4), padding=(1, 2), stride=(2, 3))
    log(pool2d_(X))
    X = torch.cat((X, X + 1), dim=1)
    log(X)
    pool2d_ = nn.MaxPool2d(3, padding=1, stride=2)
    log(pool2d_(X))

    # 5.5 LeNet
    class LeNet(nn.Module):
        def __init__(self):
            super(LeNet, self).__init__()
            self.conv = nn.Sequential(
                nn.Conv2d(1, 6, 5),
                nn.Sigmoid(),
                nn.MaxPool2d(2, 2),
                nn.Conv2d(6, 16, 5),
                nn.Sigmoid(),
                nn.MaxPool2d(2, 2)
            )
            self.fc = nn.Sequential(
                nn.Linear(16*4*4, 120),
                nn.Sigmoid(),
                nn.Linear(120, 84),
                nn.Sigmoid(),
                nn.Linear(84, 10)
            )

        def forward(self, img):
            feature = self.conv(img)
            output = self.fc(feature.view(img.shape[0], -1))
            return output
    torch.manual_seed(0)
    net = LeNet()
    log(net)
    batch_size = 32
    train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size=batch_size)
    lr, num_epochs = 0.001, 1
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    d2l.train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs)

    # 5.6 AlexNet
    class AlexNet(nn.Module):
        def __init__(self):
            super(AlexNet, self).__init__()
            self.conv = nn.Sequential(
                nn.Conv2d(1, 96, 11, 4),
                nn.ReLU(),
                nn.MaxPool2d(3, 2),
                nn.Conv2d(96, 256, 5, 1, 2),
                nn.ReLU(),
                nn.MaxPool2d(3, 2),
                nn.Conv2d(256, 384, 3, 1, 1),
                nn.ReLU(),
                nn.Conv2d(384, 384, 3, 1, 1),
                nn.ReLU(),
                nn.Conv2d(384, 256, 3, 1, 1),
                nn.ReLU(),
                nn.MaxPool2d(3, 2)
            )
            self.fc = nn.Sequential(
                nn.Linear(256*5*5, 4096),
                nn.ReLU(),
                nn.Dropout(0.5),
                nn.Linear(4096, 4096),
                nn.ReLU(),
                nn.Dropout(0.5),
                nn.Linear(4096, 10),
            )

        def forward(self, img):
            feature = self.conv(img)
            output = self.fc(feature.view(img.shape[0], -1))
            return output
    log(AlexNet())

    # 5.7 VGG
    def vgg_block(num_convs, in_channels, out_channels):
        blk = []
        for i in range(num_convs):
            if i == 0:
                blk.append(nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1))
            else:
                blk.append(nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1))
            blk.append(nn.ReLU())
        blk.append(nn.MaxPool2d(kernel_size=2, stride=2))
        return nn.Sequential(*blk)
    conv_arch = ((1, 1, 64), (1, 64, 128), (2, 128, 256), (2, 256, 512), (2, 512, 512))  # noqa: F841 - the book's
    fc_features = 512 * 7 * 7
    fc_hidden_units = 4096

    def vgg(conv_arch, fc_features, fc_hidden_units=4096):
        net = nn.Sequential()
        for i, (num_convs, in_channels, out_channels) in enumerate(conv_arch):
            net.add_module("vgg_block_" + str(i+1), vgg_block(num_convs, in_channels, out_channels))
        net.add_module("fc", nn.Sequential(d2l.FlattenLayer(),
                                           nn.Linear(fc_features, fc_hidden_units),
                                           nn.ReLU(),
                                           nn.Dropout(0.5),
                                           nn.Linear(fc_hidden_units, fc_hidden_units),
                                           nn.ReLU(),
                                           nn.Dropout(0.5),
                                           nn.Linear(fc_hidden_units, 10)
                                           ))
        return net
    ratio = 8
    small_conv_arch = [(1, 1, 64//ratio), (1, 64//ratio, 128//ratio), (2, 128//ratio, 256//ratio),
                       (2, 256//ratio, 512//ratio), (2, 512//ratio, 512//ratio)]
    net = vgg(small_conv_arch, fc_features // ratio, fc_hidden_units // ratio)
    X = torch.rand(1, 1, 224, 224)
    for name, blk in net.named_children():
        X = blk(X)
        log(name, 'output shape: ', X.shape)
    log(net)

    # 5.8 NiN
    def nin_block(in_channels, out_channels, kernel_size, stride, padding):
        blk = nn.Sequential(nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding),
                            nn.ReLU(),
                            nn.Conv2d(out_channels, out_channels, kernel_size=1),
                            nn.ReLU(),
                            nn.Conv2d(out_channels, out_channels, kernel_size=1),
                            nn.ReLU())
        return blk
    net = nn.Sequential(
        nin_block(1, 96, kernel_size=11, stride=4, padding=0),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nin_block(96, 256, kernel_size=5, stride=1, padding=2),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nin_block(256, 384, kernel_size=3, stride=1, padding=1),
        nn.MaxPool2d(kernel_size=3, stride=2),
        nn.Dropout(0.5),
        nin_block(384, 10, kernel_size=3, stride=1, padding=1),
        nn.AvgPool2d(kernel_size=5),
        d2l.FlattenLayer())
    X = torch.rand(1, 1, 224, 224)
    for name, blk in net.named_children():
        X = blk(X)
        log(name, 'output shape: ', X.shape)

    # 5.9 GoogLeNet
    class Inception(nn.Module):
        def __init__(self, in_c, c1, c2, c3, c4):
            super(Inception, self).__init__()
            self.p1_1 = nn.Conv2d(in_c, c1, kernel_size=1)
            self.p2_1 = nn.Conv2d(in_c, c2[0], kernel_size=1)
            self.p2_2 = nn.Conv2d(c2[0], c2[1], kernel_size=3, padding=1)
            self.p3_1 = nn.Conv2d(in_c, c3[0], kernel_size=1)
            self.p3_2 = nn.Conv2d(c3[0], c3[1], kernel_size=5, padding=2)
            self.p4_1 = nn.MaxPool2d(kernel_size=3, stride=1, padding=1)
            self.p4_2 = nn.Conv2d(in_c, c4, kernel_size=1)

        def forward(self, x):
            p1 = F.relu(self.p1_1(x))
            p2 = F.relu(self.p2_2(F.relu(self.p2_1(x))))
            p3 = F.relu(self.p3_2(F.relu(self.p3_1(x))))
            p4 = F.relu(self.p4_2(self.p4_1(x)))
            return torch.cat((p1, p2, p3, p4), dim=1)
    b1 = nn.Sequential(nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3),
                       nn.ReLU(),
                       nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
    b2 = nn.Sequential(nn.Conv2d(64, 64, kernel_size=1),
                       nn.Conv2d(64, 192, kernel_size=3, padding=1),
                       nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
    b3 = nn.Sequential(Inception(192, 64, (96, 128), (16, 32), 32),
                       Inception(256, 128, (128, 192), (32, 96), 64),
                       nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
    b4 = nn.Sequential(Inception(480, 192, (96, 208), (16, 48), 64),
                       Inception(512, 160, (112, 224), (24, 64), 64),
                       Inception(512, 128, (128, 256), (24, 64), 64),
                       Inception(512, 112, (144, 288), (32, 64), 64),
                       Inception(528, 256, (160, 320), (32, 128), 128),
                       nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
    b5 = nn.Sequential(Inception(832, 256, (160, 320), (32, 128), 128),
                       Inception(832, 384, (192, 384), (48, 128), 128),
                       d2l.GlobalAvgPool2d())
    net = nn.Sequential(b1, b2, b3, b4, b5, d2l.FlattenLayer(), nn.Linear(1024, 10))
    X = torch.rand(1, 1, 96, 96)
    for blk in net.children():
        X = blk(X)
        log('output shape: ', X.shape)

    # 5.10 batch norm
    def batch_norm(is_training, X, gamma, beta, moving_mean, moving_var, eps, momentum):
        if not is_training:
            X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps)
        else:
            assert len(X.shape) in (2, 4)
            if len(X.shape) == 2:
                mean = X.mean(dim=0)
                var = ((X - mean) ** 2).mean(dim=0)
            else:
                mean = X.mean(dim=0, keepdim=True).mean(dim=2, keepdim=True).mean(dim=3, keepdim=True)
                var = ((X - mean) ** 2).mean(dim=0, keepdim=True).mean(dim=2, keepdim=True).mean(dim=3, keepdim=True)
            X_hat = (X - mean) / torch.sqrt(var + eps)
            moving_mean = momentum * moving_mean + (1.0 - momentum) * mean
            moving_var = momentum * moving_var + (1.0 - momentum) * var
        Y = gamma * X_hat + beta
        return Y, moving_mean, moving_var

    class BatchNorm(nn.Module):
        def __init__(self, num_features, num_dims):
            super(BatchNorm, self).__init__()
            if num_dims == 2:
                shape = (1, num_features)
            else:
                shape = (1, num_features, 1, 1)
            self.gamma = nn.Parameter(torch.ones(shape))
            self.beta = nn.Parameter(torch.zeros(shape))
            self.moving_mean = torch.zeros(shape)
            self.moving_var = torch.zeros(shape)

        def forward(self, X):
            if self.moving_mean.device != X.device:
                self.moving_mean = self.moving_mean.to(X.device)
                self.moving_var = self.moving_var.to(X.device)
            Y, self.moving_mean, self.moving_var = batch_norm(
                self.training, X, self.gamma, self.beta, self.moving_mean,
                self.moving_var, eps=1e-5, momentum=0.9)
            return Y
    torch.manual_seed(0)
    net = nn.Sequential(
        nn.Conv2d(1, 6, 5),
        BatchNorm(6, num_dims=4),
        nn.Sigmoid(),
        nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, 5),
        BatchNorm(16, num_dims=4),
        nn.Sigmoid(),
        nn.MaxPool2d(2, 2),
        d2l.FlattenLayer(),
        nn.Linear(16*4*4, 120),
        BatchNorm(120, num_dims=2),
        nn.Sigmoid(),
        nn.Linear(120, 84),
        BatchNorm(84, num_dims=2),
        nn.Sigmoid(),
        nn.Linear(84, 10)
    )
    batch_size = 32
    train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size=batch_size)
    lr, num_epochs = 0.001, 1
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    d2l.train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs)
    show([net[1].gamma.view((-1,)), net[1].beta.view((-1,))])
    torch.manual_seed(0)
    net = nn.Sequential(
        nn.Conv2d(1, 6, 5),
        nn.BatchNorm2d(6),
        nn.Sigmoid(),
        nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, 5),
        nn.BatchNorm2d(16),
        nn.Sigmoid(),
        nn.MaxPool2d(2, 2),
        d2l.FlattenLayer(),
        nn.Linear(16*4*4, 120),
        nn.BatchNorm1d(120),
        nn.Sigmoid(),
        nn.Linear(120, 84),
        nn.BatchNorm1d(84),
        nn.Sigmoid(),
        nn.Linear(84, 10)
    )
    batch_size = 32
    train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size=batch_size)
    lr, num_epochs = 0.001, 1
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    d2l.train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs)
    log(net[1].weight.view((-1,)), net[1].bias.view((-1,)), net[1].running_mean, net[1].running_var)

    # 5.11 ResNet
    blk = d2l.Residual(3, 3)
    X = torch.rand((4, 3, 6, 6))
    log(blk(X).shape)
    blk = d2l.Residual(3, 6, use_1x1conv=True, stride=2)
    log(blk(X).shape)
    net = nn.Sequential(
        nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3),
        nn.BatchNorm2d(64),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1))

    def resnet_block(in_channels, out_channels, num_residuals, first_block=False):
        if first_block:
            assert in_channels == out_channels
        blk = []
        for i in range(num_residuals):
            if i == 0 and not first_block:
                blk.append(d2l.Residual(in_channels, out_channels, use_1x1conv=True, stride=2))
            else:
                blk.append(d2l.Residual(out_channels, out_channels))
        return nn.Sequential(*blk)
    net.add_module("resnet_block1", resnet_block(64, 64, 2, first_block=True))
    net.add_module("resnet_block2", resnet_block(64, 128, 2))
    net.add_module("resnet_block3", resnet_block(128, 256, 2))
    net.add_module("resnet_block4", resnet_block(256, 512, 2))
    net.add_module("global_avg_pool", d2l.GlobalAvgPool2d())
    net.add_module("fc", nn.Sequential(d2l.FlattenLayer(), nn.Linear(512, 10)))
    X = torch.rand((1, 1, 224, 224))
    for name, layer in net.named_children():
        X = layer(X)
        log(name, ' output shape:\t', X.shape)

    # 5.12 DenseNet
    def conv_block(in_channels, out_channels):
        blk = nn.Sequential(nn.BatchNorm2d(in_channels),
                            nn.ReLU(),
                            nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1))
        return blk

    class DenseBlock(nn.Module):
        def __init__(self, num_convs, in_channels, out_channels):
            super(DenseBlock, self).__init__()
            net = []
            for i in range(num_convs):
                in_c = in_channels + i * out_channels
                net.append(conv_block(in_c, out_channels))
            self.net = nn.ModuleList(net)
            self.out_channels = in_channels + num_convs * out_channels

        def forward(self, X):
            for blk in self.net:
                Y = blk(X)
                X = torch.cat((X, Y), dim=1)
            return X
    blk = DenseBlock(2, 3, 10)
    X = torch.rand(4, 3, 8, 8)
    Y = blk(X)
    log(Y.shape)

    def transition_block(in_channels, out_channels):
        blk = nn.Sequential(
            nn.BatchNorm2d(in_channels),
            nn.ReLU(),
            nn.Conv2d(in_channels, out_channels, kernel_size=1),
            nn.AvgPool2d(kernel_size=2, stride=2))
        return blk
    blk = transition_block(23, 10)
    log(blk(Y).shape)
    net = nn.Sequential(
        nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3),
        nn.BatchNorm2d(64),
        nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
    num_channels, growth_rate = 64, 32
    num_convs_in_dense_blocks = [4, 4, 4, 4]
    for i, num_convs in enumerate(num_convs_in_dense_blocks):
        DB = DenseBlock(num_convs, num_channels, growth_rate)
        net.add_module("DenseBlosk_%d" % i, DB)
        num_channels = DB.out_channels
        if i != len(num_convs_in_dense_blocks) - 1:
            net.add_module("transition_block_%d" % i, transition_block(num_channels, num_channels // 2))
            num_channels = num_channels // 2
    net.add_module("BN", nn.BatchNorm2d(num_channels))
    net.add_module("relu", nn.ReLU())
    net.add_module("global_avg_pool", d2l.GlobalAvgPool2d())
    net.add_module("fc", nn.Sequential(d2l.FlattenLayer(), nn.Linear(num_channels, 10)))
    X = torch.rand((1, 1, 96, 96))
    for name, layer in net.named_children():
        X = layer(X)
        log(name, ' output shape:\t', X.shape)
    torch.manual_seed(0)
    batch_size = 32
    train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size, resize=48)
    lr, num_epochs = 0.001, 1
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    d2l.train_ch5(net, train_iter, test_iter, batch_size, optimizer, device, num_epochs)
    return list(OUT)


def ch7():
    OUT.clear()
    # 7.2 gd and sgd
    def gd(eta):
        x = 10
        results = [x]
        for i in range(10):
            x -= eta * 2 * x
            results.append(x)
        log('epoch 10, x:', x)
        return results
    res = gd(0.2)  # noqa: F841 - the book plots it
    gd(0.05)
    gd(1.1)
    eta = 0.1

    def f_2d(x1, x2):
        return x1 ** 2 + 2 * x2 ** 2

    def gd_2d(x1, x2, s1, s2):
        return (x1 - eta * 2 * x1, x2 - eta * 4 * x2, 0, 0)
    d2l.train_2d(gd_2d)
    torch.manual_seed(0)

    def sgd_2d(x1, x2, s1, s2):
        return (x1 - eta * (2 * x1 + torch.normal(0.1, 1.0, (1,)).item()),
                x2 - eta * (4 * x2 + torch.normal(0.1, 1.0, (1,)).item()), 0, 0)
    d2l.train_2d(sgd_2d)

    # 7.3 minibatch sgd
    features, labels = d2l.get_data_ch7()
    log(features.shape)
    show([features[:3], labels[:3]])

    def sgd(params, states, hyperparams):
        for p in params:
            p.data -= hyperparams['lr'] * p.grad.data

    def train_sgd(lr, batch_size, num_epochs=2):
        d2l.train_ch7(sgd, None, {'lr': lr}, features, labels, batch_size, num_epochs)
    torch.manual_seed(0)
    train_sgd(1, 300, 6)
    torch.manual_seed(0)
    train_sgd(0.005, 1)
    torch.manual_seed(0)
    train_sgd(0.05, 10)
    torch.manual_seed(0)
    d2l.train_pytorch_ch7(optim.SGD, {"lr": 0.05}, features, labels, 10)

    # 7.4 momentum
    eta = 0.4

    def f_2d_(x1, x2):
        return 0.1 * x1 ** 2 + 2 * x2 ** 2

    def gd_2d_(x1, x2, s1, s2):
        return (x1 - eta * 0.2 * x1, x2 - eta * 4 * x2, 0, 0)
    d2l.train_2d(gd_2d_)
    eta = 0.6
    d2l.train_2d(gd_2d_)

    def momentum_2d(x1, x2, v1, v2):
        v1 = gamma * v1 + eta * 0.2 * x1
        v2 = gamma * v2 + eta * 4 * x2
        return x1 - v1, x2 - v2, v1, v2
    eta, gamma = 0.4, 0.5
    d2l.train_2d(momentum_2d)
    eta = 0.6
    d2l.train_2d(momentum_2d)
    features, labels = d2l.get_data_ch7()

    def init_momentum_states():
        v_w = torch.zeros((features.shape[1], 1), dtype=torch.float32)
        v_b = torch.zeros(1, dtype=torch.float32)
        return (v_w, v_b)

    def sgd_momentum(params, states, hyperparams):
        for p, v in zip(params, states):
            v.data = hyperparams['momentum'] * v.data + hyperparams['lr'] * p.grad.data
            p.data -= v.data
    torch.manual_seed(0)
    d2l.train_ch7(sgd_momentum, init_momentum_states(), {'lr': 0.02, 'momentum': 0.5}, features, labels)
    torch.manual_seed(0)
    d2l.train_ch7(sgd_momentum, init_momentum_states(), {'lr': 0.02, 'momentum': 0.9}, features, labels)
    torch.manual_seed(0)
    d2l.train_ch7(sgd_momentum, init_momentum_states(), {'lr': 0.004, 'momentum': 0.9}, features, labels)
    torch.manual_seed(0)
    d2l.train_pytorch_ch7(torch.optim.SGD, {'lr': 0.004, 'momentum': 0.9}, features, labels)

    # 7.5 adagrad
    def adagrad_2d(x1, x2, s1, s2):
        g1, g2, eps = 0.2 * x1, 4 * x2, 1e-6
        s1 += g1 ** 2
        s2 += g2 ** 2
        x1 -= eta / math.sqrt(s1 + eps) * g1
        x2 -= eta / math.sqrt(s2 + eps) * g2
        return x1, x2, s1, s2
    eta = 0.4
    d2l.train_2d(adagrad_2d)
    eta = 2
    d2l.train_2d(adagrad_2d)

    def init_adagrad_states():
        s_w = torch.zeros((features.shape[1], 1), dtype=torch.float32)
        s_b = torch.zeros(1, dtype=torch.float32)
        return (s_w, s_b)

    def adagrad(params, states, hyperparams):
        eps = 1e-6
        for p, s in zip(params, states):
            s.data += (p.grad.data**2)
            p.data -= hyperparams['lr'] * p.grad.data / torch.sqrt(s + eps)
    torch.manual_seed(0)
    d2l.train_ch7(adagrad, init_adagrad_states(), {'lr': 0.1}, features, labels)
    torch.manual_seed(0)
    d2l.train_pytorch_ch7(torch.optim.Adagrad, {'lr': 0.1}, features, labels)

    # 7.6 rmsprop
    def rmsprop_2d(x1, x2, s1, s2):
        g1, g2, eps = 0.2 * x1, 4 * x2, 1e-6
        s1 = gamma * s1 + (1 - gamma) * g1 ** 2
        s2 = gamma * s2 + (1 - gamma) * g2 ** 2
        x1 -= eta / math.sqrt(s1 + eps) * g1
        x2 -= eta / math.sqrt(s2 + eps) * g2
        return x1, x2, s1, s2
    eta, gamma = 0.4, 0.9
    d2l.train_2d(rmsprop_2d)

    def init_rmsprop_states():
        s_w = torch.zeros((features.shape[1], 1), dtype=torch.float32)
        s_b = torch.zeros(1, dtype=torch.float32)
        return (s_w, s_b)

    def rmsprop(params, states, hyperparams):
        gamma, eps = hyperparams['gamma'], 1e-6
        for p, s in zip(params, states):
            s.data = gamma * s.data + (1 - gamma) * (p.grad.data)**2
            p.data -= hyperparams['lr'] * p.grad.data / torch.sqrt(s + eps)
    torch.manual_seed(0)
    d2l.train_ch7(rmsprop, init_rmsprop_states(), {'lr': 0.01, 'gamma': 0.9}, features, labels)
    torch.manual_seed(0)
    d2l.train_pytorch_ch7(torch.optim.RMSprop, {'lr': 0.01, 'alpha': 0.9}, features, labels)

    # 7.7 adadelta
    def init_adadelta_states():
        s_w, s_b = torch.zeros((features.shape[1], 1), dtype=torch.float32), torch.zeros(1, dtype=torch.float32)
        delta_w, delta_b = torch.zeros((features.shape[1], 1), dtype=torch.float32), torch.zeros(1, dtype=torch.float32)
        return ((s_w, delta_w), (s_b, delta_b))

    def adadelta(params, states, hyperparams):
        rho, eps = hyperparams['rho'], 1e-5
        for p, (s, delta) in zip(params, states):
            s[:] = rho * s + (1 - rho) * (p.grad.data**2)
            g = p.grad.data * torch.sqrt((delta + eps) / (s + eps))
            p.data -= g
            delta[:] = rho * delta + (1 - rho) * g * g
    torch.manual_seed(0)
    d2l.train_ch7(adadelta, init_adadelta_states(), {'rho': 0.9}, features, labels)
    torch.manual_seed(0)
    d2l.train_pytorch_ch7(torch.optim.Adadelta, {'rho': 0.9}, features, labels)

    # 7.8 adam
    def init_adam_states():
        v_w, v_b = torch.zeros((features.shape[1], 1), dtype=torch.float32), torch.zeros(1, dtype=torch.float32)
        s_w, s_b = torch.zeros((features.shape[1], 1), dtype=torch.float32), torch.zeros(1, dtype=torch.float32)
        return ((v_w, s_w), (v_b, s_b))

    def adam(params, states, hyperparams):
        beta1, beta2, eps = 0.9, 0.999, 1e-6
        for p, (v, s) in zip(params, states):
            v[:] = beta1 * v + (1 - beta1) * p.grad.data
            s[:] = beta2 * s + (1 - beta2) * p.grad.data**2
            v_bias_corr = v / (1 - beta1 ** hyperparams['t'])
            s_bias_corr = s / (1 - beta2 ** hyperparams['t'])
            p.data -= hyperparams['lr'] * v_bias_corr / (torch.sqrt(s_bias_corr) + eps)
        hyperparams['t'] += 1
    torch.manual_seed(0)
    d2l.train_ch7(adam, init_adam_states(), {'lr': 0.01, 't': 1}, features, labels)
    torch.manual_seed(0)
    d2l.train_pytorch_ch7(torch.optim.Adam, {'lr': 0.01}, features, labels)
    return list(OUT)


if __name__ == "__main__":
    torch.set_num_threads(1)
    out = {"ch5": ch5(), "ch7": ch7(), "shown": SHOWN}
    print(write_json(out, "shusen2.json"))
