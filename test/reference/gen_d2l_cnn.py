"""Reference outputs of d2l-zh's chapter_convolutional-neural-networks (PyTorch tabs), for the line-by-line
port in test/tutorials/d2l_cnn.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_d2l_cnn.py
Writes test/reference/d2l_cnn.json: {section: {name: value}}.

Sections: conv-layer (corr2d from scratch, the edge detector, learning the kernel), padding-and-strides,
channels (corr2d_multi_in_out, the 1x1 convolution as a matmul), pooling (pool2d from scratch, MaxPool2d
with padding and stride) and lenet (the layer-by-layer shapes, a few steps of train_ch6).

`printed` holds what the chapter prints: its print() calls and the repr of each cell's last expression,
in order. d2l's helpers are inlined as the port writes them. Fashion-MNIST becomes a seeded torch.rand
stand-in (images) with torch.randint labels, loaded through TensorDataset + DataLoader(shuffle=True), so
both sides draw the same numbers; the epoch count and data size are shrunk (named where they are), the
Animator is left out (the port records the same points) and the examples/sec line is not compared.
"""
import torch
from torch import nn

from _d2l_common import load_data_fashion_mnist, printer, train_ch6
from _tutorial_common import write_json

OUT = {}


def corr2d(X, K):
    """计算二维互相关运算"""
    h, w = K.shape
    Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i: i + h, j: j + w] * K).sum()
    return Y


def conv_layer():
    printed, print_ = printer()
    torch.manual_seed(0)
    X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
    K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
    print_(repr(corr2d(X, K)))

    class Conv2D(nn.Module):
        def __init__(self, kernel_size):
            super().__init__()
            self.weight = nn.Parameter(torch.rand(kernel_size))
            self.bias = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            return corr2d(x, self.weight) + self.bias

    scratch = Conv2D((2, 2))
    print_(repr(scratch(X)))

    X = torch.ones((6, 8))
    X[:, 2:6] = 0
    print_(repr(X))
    K = torch.tensor([[1.0, -1.0]])
    Y = corr2d(X, K)
    print_(repr(Y))
    print_(repr(corr2d(X.t(), K)))

    conv2d = nn.Conv2d(1, 1, kernel_size=(1, 2), bias=False)
    X = X.reshape((1, 1, 6, 8))
    Y = Y.reshape((1, 1, 6, 7))
    lr = 3e-2
    for i in range(10):
        Y_hat = conv2d(X)
        l = (Y_hat - Y) ** 2
        conv2d.zero_grad()
        l.sum().backward()
        conv2d.weight.data[:] -= lr * conv2d.weight.grad
        if (i + 1) % 2 == 0:
            print_(f'epoch {i+1}, loss {l.sum():.3f}')
    print_(repr(torch.reshape(conv2d.weight.data, (1, 2))))
    OUT["conv_layer"] = {"printed": printed}


def padding_and_strides():
    printed, print_ = printer()
    torch.manual_seed(0)

    def comp_conv2d(conv2d, X):
        X = X.reshape((1, 1) + X.shape)
        Y = conv2d(X)
        return Y.reshape(Y.shape[2:])

    conv2d = nn.Conv2d(1, 1, kernel_size=3, padding=1)
    X = torch.rand(size=(8, 8))
    print_(repr(comp_conv2d(conv2d, X).shape))
    conv2d = nn.Conv2d(1, 1, kernel_size=(5, 3), padding=(2, 1))
    print_(repr(comp_conv2d(conv2d, X).shape))
    conv2d = nn.Conv2d(1, 1, kernel_size=3, padding=1, stride=2)
    print_(repr(comp_conv2d(conv2d, X).shape))
    conv2d = nn.Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4))
    Y = comp_conv2d(conv2d, X)
    print_(repr(Y.shape))
    print_(repr(Y))
    OUT["padding_and_strides"] = {"printed": printed}


def channels():
    printed, print_ = printer()
    torch.manual_seed(0)

    def corr2d_multi_in(X, K):
        return sum(corr2d(x, k) for x, k in zip(X, K))

    X = torch.tensor([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]],
                      [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]])
    K = torch.tensor([[[0.0, 1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]])
    print_(repr(corr2d_multi_in(X, K)))

    def corr2d_multi_in_out(X, K):
        return torch.stack([corr2d_multi_in(X, k) for k in K], 0)

    K = torch.stack((K, K + 1, K + 2), 0)
    print_(repr(K.shape))
    print_(repr(corr2d_multi_in_out(X, K)))

    def corr2d_multi_in_out_1x1(X, K):
        c_i, h, w = X.shape
        c_o = K.shape[0]
        X = torch.reshape(X, (c_i, h * w))
        K = torch.reshape(K, (c_o, c_i))
        Y = torch.matmul(K, X)
        return torch.reshape(Y, (c_o, h, w))

    X = torch.normal(0, 1, (3, 3, 3))
    K = torch.normal(0, 1, (2, 3, 1, 1))
    Y1 = corr2d_multi_in_out_1x1(X, K)
    Y2 = corr2d_multi_in_out(X, K)
    assert float(torch.sum(torch.abs(Y1 - Y2))) < 1e-6
    print_(repr(Y1))
    OUT["channels"] = {"printed": printed}


def pooling():
    printed, print_ = printer()

    def pool2d(X, pool_size, mode='max'):
        p_h, p_w = pool_size
        Y = torch.zeros((X.shape[0] - p_h + 1, X.shape[1] - p_w + 1))
        for i in range(Y.shape[0]):
            for j in range(Y.shape[1]):
                if mode == 'max':
                    Y[i, j] = X[i: i + p_h, j: j + p_w].max()
                elif mode == 'avg':
                    Y[i, j] = X[i: i + p_h, j: j + p_w].mean()
        return Y

    X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
    print_(repr(pool2d(X, (2, 2))))
    print_(repr(pool2d(X, (2, 2), 'avg')))
    X = torch.reshape(torch.arange(16, dtype=torch.float32), (1, 1, 4, 4))
    print_(repr(X))
    pool2d = nn.MaxPool2d(3)
    print_(repr(pool2d(X)))
    pool2d = nn.MaxPool2d(3, padding=1, stride=2)
    print_(repr(pool2d(X)))
    pool2d = nn.MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1))
    print_(repr(pool2d(X)))
    X = torch.cat((X, X + 1), 1)
    print_(repr(X))
    pool2d = nn.MaxPool2d(3, padding=1, stride=2)
    print_(repr(pool2d(X)))
    OUT["pooling"] = {"printed": printed}


def lenet():
    printed, print_ = printer()
    torch.manual_seed(0)
    net = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
        nn.Linear(120, 84), nn.Sigmoid(),
        nn.Linear(84, 10))
    X = torch.rand(size=(1, 1, 28, 28), dtype=torch.float32)
    for layer in net:
        X = layer(X)
        print_(layer.__class__.__name__, 'output shape: \t', X.shape)
    batch_size = 16  # 256 in the chapter
    train_iter, test_iter = load_data_fashion_mnist(batch_size=batch_size)
    lr, num_epochs = 0.9, 2  # 10 epochs in the chapter
    points = train_ch6(net, train_iter, test_iter, num_epochs, lr, torch.device('cpu'), print_)
    OUT["lenet"] = {"printed": printed, "points": points, "out": net(X.new_ones(1, 1, 28, 28)).tolist()}


conv_layer()
padding_and_strides()
channels()
pooling()
lenet()
write_json(OUT, "d2l_cnn.json")
