"""Reference output of Dive into Deep Learning (d2l-zh, PyTorch edition): chapter_deep-learning-computation
(model-construction, deferred-init), chapter_preliminaries/calculus (the numeric limit),
chapter_linear-networks/image-classification-dataset, chapter_multilayer-perceptrons (underfit-overfit,
kaggle-house-price), for the port test/tutorials/d2l_misc.test.ts, which runs the same code as notebook
cells through `torchlab run`.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_d2l_misc.py
Writes test/reference/d2l_misc.json: {"printed": [lines]}.

The chapters' code is kept literal, d2l's helpers inlined. Changes, the same on both sides:
- deferred-init is d2l-en's PyTorch version (nn.LazyLinear); d2l-zh's chapter has no PyTorch code.
- calculus: the plot is left out.
- image-classification-dataset: Fashion-MNIST is torchvision's FakeData (60 + 20 images of 1 x 28 x 28);
  show_images is left out; the timing loop counts batches instead of seconds.
- underfit-overfit: numpy's random draws are torch's (float64, seeded), its arrays float64 tensors;
  n_train = n_test = 50 and 20 / 20 / 40 epochs; the weights print as a tensor (no numpy in TypeScript);
  the Animator prints its points.
- kaggle-house-price: the csv files are _d2l_data.py's small synthetic table, read from io.StringIO
  (not downloaded) and preprocessed with pandas as the chapter does (the port with torchlab's `pd`);
  20 epochs; the submission frame's first rows print instead of being saved.
- lists print as JSON (the port's `JSON.stringify`).
"""
import io
import json
import math

import pandas as pd
import torch
import torchvision
from torch import nn
from torch.nn import functional as F
from torch.utils import data
from torchvision import transforms

from _d2l_data import KAGGLE_HOUSE_TEST, KAGGLE_HOUSE_TRAIN
from _tutorial_common import write_json

PRINTED = []


def show(*args):
    PRINTED.append(" ".join(str(a) for a in args))


def js(x):
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- model-construction
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
X = torch.rand(2, 20)
show(net(X))


class MLP(nn.Module):
    # 用模型参数声明层。这里，我们声明两个全连接的层
    def __init__(self):
        # 调用MLP的父类Module的构造函数来执行必要的初始化。
        super().__init__()
        self.hidden = nn.Linear(20, 256)  # 隐藏层
        self.out = nn.Linear(256, 10)  # 输出层

    # 定义模型的前向传播，即如何根据输入X返回所需的模型输出
    def forward(self, X):
        # 注意，这里我们使用ReLU的函数版本，其在nn.functional模块中定义。
        return self.out(F.relu(self.hidden(X)))


net = MLP()
show(net(X))


class MySequential(nn.Module):
    def __init__(self, *args):
        super().__init__()
        for idx, module in enumerate(args):
            # 这里，module是Module子类的一个实例。我们把它保存在'Module'类的成员
            # 变量_modules中。_module的类型是OrderedDict
            self._modules[str(idx)] = module

    def forward(self, X):
        # OrderedDict保证了按照成员添加的顺序遍历它们
        for block in self._modules.values():
            X = block(X)
        return X


net = MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
show(net(X))
show(net)


class FixedHiddenMLP(nn.Module):
    def __init__(self):
        super().__init__()
        # 不计算梯度的随机权重参数。因此其在训练期间保持不变
        self.rand_weight = torch.rand((20, 20), requires_grad=False)
        self.linear = nn.Linear(20, 20)

    def forward(self, X):
        X = self.linear(X)
        # 使用创建的常量参数以及relu和mm函数
        X = F.relu(torch.mm(X, self.rand_weight) + 1)
        # 复用全连接层。这相当于两个全连接层共享参数
        X = self.linear(X)
        # 控制流
        while X.abs().sum() > 1:
            X /= 2
        return X.sum()


net = FixedHiddenMLP()
show(net(X))


class NestMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU())
        self.linear = nn.Linear(32, 16)

    def forward(self, X):
        return self.linear(self.net(X))


chimera = nn.Sequential(NestMLP(), nn.Linear(16, 20), FixedHiddenMLP())
show(chimera(X))

# ---------------------------------------------------------------- deferred-init (d2l-en, PyTorch)
torch.manual_seed(0)
net = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
show(net[0].weight)
X = torch.rand(2, 20)
show(net(X)[:, :4])
show(net[0].weight.shape)
show(net)

# ---------------------------------------------------------------- calculus


def f(x):
    return 3 * x ** 2 - 4 * x


def numerical_lim(f, x, h):
    return (f(x + h) - f(x)) / h


h = 0.1
for i in range(5):
    show(f'h={h:.5f}, numerical limit={numerical_lim(f, 1, h):.5f}')
    h *= 0.1

# ---------------------------------------------------------------- image-classification-dataset
# 通过ToTensor实例将图像数据从PIL类型变换成32位浮点数格式，
# 并除以255使得所有像素的数值均在0～1之间
trans = transforms.ToTensor()
mnist_train = torchvision.datasets.FakeData(size=60, image_size=(1, 28, 28), num_classes=10, transform=trans)
mnist_test = torchvision.datasets.FakeData(size=20, image_size=(1, 28, 28), num_classes=10, transform=trans, random_offset=60)
show(len(mnist_train), len(mnist_test))
show(mnist_train[0][0].shape)
show(mnist_train[0][0][0, 14, :6])


def get_fashion_mnist_labels(labels):
    """返回Fashion-MNIST数据集的文本标签"""
    text_labels = ['t-shirt', 'trouser', 'pullover', 'dress', 'coat',
                   'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot']
    return [text_labels[int(i)] for i in labels]


X, y = next(iter(data.DataLoader(mnist_train, batch_size=18)))
show(X.reshape(18, 28, 28).shape, js(get_fashion_mnist_labels(y)))

batch_size = 16


def get_dataloader_workers():
    """使用4个进程来读取数据"""
    return 4


torch.manual_seed(0)
train_iter = data.DataLoader(mnist_train, batch_size, shuffle=True, num_workers=get_dataloader_workers())
n = 0
for X, y in train_iter:
    n += 1
show(f'{n} batches')


def load_data_fashion_mnist(batch_size, resize=None):
    """下载Fashion-MNIST数据集，然后将其加载到内存中"""
    trans = [transforms.ToTensor()]
    if resize:
        trans.insert(0, transforms.Resize(resize))
    trans = transforms.Compose(trans)
    mnist_train = torchvision.datasets.FakeData(size=60, image_size=(1, 28, 28), num_classes=10, transform=trans)
    mnist_test = torchvision.datasets.FakeData(size=20, image_size=(1, 28, 28), num_classes=10, transform=trans, random_offset=60)
    return (data.DataLoader(mnist_train, batch_size, shuffle=True, num_workers=get_dataloader_workers()),
            data.DataLoader(mnist_test, batch_size, shuffle=False, num_workers=get_dataloader_workers()))


torch.manual_seed(0)
train_iter, test_iter = load_data_fashion_mnist(32, resize=64)
for X, y in train_iter:
    show(X.shape, X.dtype, y.shape, y.dtype)
    show(y[:8])
    break

# ---------------------------------------------------------------- underfit-overfit


class Accumulator:
    """在n个变量上累加"""
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def __getitem__(self, idx):
        return self.data[idx]


def load_array(data_arrays, batch_size, is_train=True):
    """构造一个PyTorch数据迭代器"""
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)


def accuracy(y_hat, y):
    """计算预测正确的数量"""
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


def train_epoch_ch3(net, train_iter, loss, updater):
    """训练模型一个迭代周期（定义见第3章）"""
    if isinstance(net, torch.nn.Module):
        net.train()
    metric = Accumulator(3)
    for X, y in train_iter:
        y_hat = net(X)
        l = loss(y_hat, y)
        if isinstance(updater, torch.optim.Optimizer):
            updater.zero_grad()
            l.mean().backward()
            updater.step()
        else:
            l.sum().backward()
            updater(X.shape[0])
        metric.add(float(l.sum()), accuracy(y_hat, y), y.numel())
    return metric[0] / metric[2], metric[1] / metric[2]


class Animator:
    """Prints the points it would draw."""
    def __init__(self, **kwargs):
        pass

    def add(self, x, y):
        show(f'epoch {x}: ' + ', '.join(f'{v:.4f}' for v in y))


torch.manual_seed(0)
max_degree = 20  # 多项式的最大阶数
n_train, n_test = 50, 50  # 训练和测试数据集大小
true_w = torch.zeros(max_degree, dtype=torch.float64)  # 分配大量的空间
true_w[0:4] = torch.tensor([5, 1.2, -3.4, 5.6], dtype=torch.float64)

features = torch.randn((n_train + n_test, 1), dtype=torch.float64)
features = features[torch.randperm(n_train + n_test)]
poly_features = torch.pow(features, torch.arange(max_degree).reshape(1, -1))
for i in range(max_degree):
    poly_features[:, i] /= math.gamma(i + 1)  # gamma(n)=(n-1)!
# labels的维度:(n_train+n_test,)
labels = torch.matmul(poly_features, true_w)
labels += torch.randn(labels.shape, dtype=torch.float64) * 0.1

true_w, features, poly_features, labels = [x.type(torch.float32) for x in [true_w, features, poly_features, labels]]
show(features[:2], poly_features[:2, :], labels[:2])


def evaluate_loss(net, data_iter, loss):
    """评估给定数据集上模型的损失"""
    metric = Accumulator(2)  # 损失的总和,样本数量
    for X, y in data_iter:
        out = net(X)
        y = y.reshape(out.shape)
        l = loss(out, y)
        metric.add(l.sum(), l.numel())
    return metric[0] / metric[1]


def train(train_features, test_features, train_labels, test_labels, num_epochs=20):
    loss = nn.MSELoss(reduction='none')
    input_shape = train_features.shape[-1]
    # 不设置偏置，因为我们已经在多项式中实现了它
    net = nn.Sequential(nn.Linear(input_shape, 1, bias=False))
    batch_size = min(10, train_labels.shape[0])
    train_iter = load_array((train_features, train_labels.reshape(-1, 1)), batch_size)
    test_iter = load_array((test_features, test_labels.reshape(-1, 1)), batch_size, is_train=False)
    trainer = torch.optim.SGD(net.parameters(), lr=0.01)
    animator = Animator(xlabel='epoch', ylabel='loss', yscale='log', xlim=[1, num_epochs], ylim=[1e-3, 1e2],
                        legend=['train', 'test'])
    for epoch in range(num_epochs):
        train_epoch_ch3(net, train_iter, loss, trainer)
        if epoch == 0 or (epoch + 1) % 20 == 0:
            animator.add(epoch + 1, (evaluate_loss(net, train_iter, loss), evaluate_loss(net, test_iter, loss)))
    show('weight:', net[0].weight.data)


torch.manual_seed(0)
# 从多项式特征中选择前4个维度，即1,x,x^2/2!,x^3/3!
train(poly_features[:n_train, :4], poly_features[n_train:, :4], labels[:n_train], labels[n_train:])
# 从多项式特征中选择前2个维度，即1和x
train(poly_features[:n_train, :2], poly_features[n_train:, :2], labels[:n_train], labels[n_train:])
# 从多项式特征中选取所有维度
train(poly_features[:n_train, :], poly_features[n_train:, :], labels[:n_train], labels[n_train:], num_epochs=40)

# ---------------------------------------------------------------- kaggle-house-price


train_data = pd.read_csv(io.StringIO(KAGGLE_HOUSE_TRAIN))
test_data = pd.read_csv(io.StringIO(KAGGLE_HOUSE_TEST))
show(train_data.shape)
show(test_data.shape)
show(train_data.iloc[0:4, [0, 1, 2, 3, -3, -2, -1]])

all_features = pd.concat((train_data.iloc[:, 1:-1], test_data.iloc[:, 1:]))
# 若无法获得测试数据，则可根据训练数据计算均值和标准差
numeric_features = all_features.dtypes[all_features.dtypes != 'object'].index
all_features[numeric_features] = all_features[numeric_features].apply(
    lambda x: (x - x.mean()) / (x.std()))
# 在标准化数据之后，所有均值消失，因此我们可以将缺失值设置为0
all_features[numeric_features] = all_features[numeric_features].fillna(0)
# “Dummy_na=True”将“na”（缺失值）视为有效的特征值，并为其创建指示符特征
all_features = pd.get_dummies(all_features, dummy_na=True)
show(all_features.shape)
show(list(all_features.columns))

n_train = train_data.shape[0]
train_features = torch.tensor(all_features[:n_train].values, dtype=torch.float32)
test_features = torch.tensor(all_features[n_train:].values, dtype=torch.float32)
train_labels = torch.tensor(
    train_data.SalePrice.values.reshape(-1, 1), dtype=torch.float32)
show(train_features[:2])

loss = nn.MSELoss()
in_features = train_features.shape[1]


def get_net():
    net = nn.Sequential(nn.Linear(in_features, 1))
    return net


def log_rmse(net, features, labels):
    # 为了在取对数时进一步稳定该值，将小于1的值设置为1
    clipped_preds = torch.clamp(net(features), 1, float('inf'))
    rmse = torch.sqrt(loss(torch.log(clipped_preds), torch.log(labels)))
    return rmse.item()


def train(net, train_features, train_labels, test_features, test_labels, num_epochs, learning_rate, weight_decay,
          batch_size):
    train_ls, test_ls = [], []
    train_iter = load_array((train_features, train_labels), batch_size)
    # 这里使用的是Adam优化算法
    optimizer = torch.optim.Adam(net.parameters(), lr=learning_rate, weight_decay=weight_decay)
    for epoch in range(num_epochs):
        for X, y in train_iter:
            optimizer.zero_grad()
            l = loss(net(X), y)
            l.backward()
            optimizer.step()
        train_ls.append(log_rmse(net, train_features, train_labels))
        if test_labels is not None:
            test_ls.append(log_rmse(net, test_features, test_labels))
    return train_ls, test_ls


def get_k_fold_data(k, i, X, y):
    assert k > 1
    fold_size = X.shape[0] // k
    X_train, y_train = None, None
    for j in range(k):
        idx = slice(j * fold_size, (j + 1) * fold_size)
        X_part, y_part = X[idx, :], y[idx]
        if j == i:
            X_valid, y_valid = X_part, y_part
        elif X_train is None:
            X_train, y_train = X_part, y_part
        else:
            X_train = torch.cat([X_train, X_part], 0)
            y_train = torch.cat([y_train, y_part], 0)
    return X_train, y_train, X_valid, y_valid


def k_fold(k, X_train, y_train, num_epochs, learning_rate, weight_decay, batch_size):
    train_l_sum, valid_l_sum = 0, 0
    for i in range(k):
        data = get_k_fold_data(k, i, X_train, y_train)
        net = get_net()
        train_ls, valid_ls = train(net, *data, num_epochs, learning_rate, weight_decay, batch_size)
        train_l_sum += train_ls[-1]
        valid_l_sum += valid_ls[-1]
        show(f'折{i + 1}，训练log rmse{float(train_ls[-1]):f}, 验证log rmse{float(valid_ls[-1]):f}')
    return train_l_sum / k, valid_l_sum / k


torch.manual_seed(0)
k, num_epochs, lr, weight_decay, batch_size = 5, 20, 5, 0, 64
train_l, valid_l = k_fold(k, train_features, train_labels, num_epochs, lr, weight_decay, batch_size)
show(f'{k}-折验证: 平均训练log rmse: {float(train_l):f}, 平均验证log rmse: {float(valid_l):f}')


def train_and_pred(train_features, test_features, train_labels, num_epochs, lr, weight_decay, batch_size):
    net = get_net()
    train_ls, _ = train(net, train_features, train_labels, None, None, num_epochs, lr, weight_decay, batch_size)
    show(f'训练log rmse：{float(train_ls[-1]):f}')
    # 将网络应用于测试集。
    preds = net(test_features).detach().numpy()
    # 将其重新格式化以导出到Kaggle
    test_data['SalePrice'] = pd.Series(preds.reshape(1, -1)[0])
    submission = pd.concat([test_data['Id'], test_data['SalePrice']], axis=1)
    show(submission.head(3))


train_and_pred(train_features, test_features, train_labels, num_epochs, lr, weight_decay, batch_size)

write_json({"printed": PRINTED}, "d2l_misc.json", newline=True)
