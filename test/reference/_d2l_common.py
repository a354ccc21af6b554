"""d2l's helper library (d2l/torch.py) as the convolutional chapters' generators (gen_d2l_cnn.py,
gen_d2l_modern.py) use it, the same as test/tutorials/_d2l_cnn.ts: a seeded torch.rand stand-in for
Fashion-MNIST, Accumulator, accuracy, evaluate_accuracy_gpu and train_ch6 (the Animator's points
returned instead of drawn, the examples/sec line left out)."""
import torch
from torch import nn
from torch.utils import data


def printer():
    """printed lines and a print() that appends to them."""
    printed = []
    return printed, lambda *a: printed.append(" ".join(str(x) for x in a))


def load_data_fashion_mnist(batch_size, resize=None, n_train=64, n_test=32):
    """Stand-in: seeded torch.rand images (resize x resize when given, else 28 x 28), torch.randint labels."""
    size = resize or 28
    gen = torch.Generator().manual_seed(42)
    train = data.TensorDataset(torch.rand(n_train, 1, size, size, generator=gen), torch.randint(0, 10, (n_train,), generator=gen))
    test = data.TensorDataset(torch.rand(n_test, 1, size, size, generator=gen), torch.randint(0, 10, (n_test,), generator=gen))
    return (data.DataLoader(train, batch_size, shuffle=True), data.DataLoader(test, batch_size, shuffle=False))


class Accumulator:
    """在n个变量上累加"""
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def __getitem__(self, idx):
        return self.data[idx]


def accuracy(y_hat, y):
    """计算预测正确的数量"""
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


def evaluate_accuracy_gpu(net, data_iter, device=None):
    """使用GPU计算模型在数据集上的精度"""
    if isinstance(net, nn.Module):
        net.eval()
        if not device:
            device = next(iter(net.parameters())).device
    metric = Accumulator(2)
    with torch.no_grad():
        for X, y in data_iter:
            X = X.to(device)
            y = y.to(device)
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]


def train_ch6(net, train_iter, test_iter, num_epochs, lr, device, print_):
    """用GPU训练模型(在第六章定义); the animator's points are returned instead of drawn."""
    def init_weights(m):
        if type(m) == nn.Linear or type(m) == nn.Conv2d:
            nn.init.xavier_uniform_(m.weight)
    net.apply(init_weights)
    print_('training on', device)
    net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss = nn.CrossEntropyLoss()
    points = []
    num_batches = len(train_iter)
    for epoch in range(num_epochs):
        metric = Accumulator(3)
        net.train()
        for i, (X, y) in enumerate(train_iter):
            optimizer.zero_grad()
            X, y = X.to(device), y.to(device)
            y_hat = net(X)
            l = loss(y_hat, y)
            l.backward()
            optimizer.step()
            with torch.no_grad():
                metric.add(l * X.shape[0], accuracy(y_hat, y), X.shape[0])
            train_l = metric[0] / metric[2]
            train_acc = metric[1] / metric[2]
            points.append([epoch + (i + 1) / num_batches, train_l, train_acc])
        test_acc = evaluate_accuracy_gpu(net, test_iter)
        points.append([epoch + 1, test_acc])
    print_(f'loss {train_l:.3f}, train acc {train_acc:.3f}, '
           f'test acc {test_acc:.3f}')
    return points
