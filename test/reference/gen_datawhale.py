"""Fixture for test/tutorials/datawhale.test.ts: datawhalechina/thorough-pytorch (深入浅出PyTorch)
chapters 2-7, the book's code cells in order, run on PyTorch 1.13 with the same seeded stand-ins
(see the test's header for those and for what is left out). Run from test/reference with
/usr/bin/python3 gen_datawhale.py; writes datawhale.json. log() prints what the TypeScript port's console.log prints for the same values
(true/false/null, integral floats without ".0", reprs of grad_fn nodes without their address);
lists and dicts the port prints go through JSON on both sides."""
import json
import os
import re
import shutil
import sys
import tempfile
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
from torchvision import datasets, transforms
from torchvision.io import read_image
from torch.utils.data import Dataset, DataLoader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

OUT = []


def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if "Backward" in type(v).__name__:
        return re.sub(r" at 0x[0-9a-f]+>$", ">", repr(v))
    return str(v)


def log(*args):
    OUT.append(" ".join(fmt(a) for a in args))


def js(v):
    """JSON.stringify's text."""
    return json.dumps(v, separators=(",", ":"), ensure_ascii=False)


def section(f, *args):
    OUT.clear()
    f(*args)
    return list(OUT)


def chapter2():
    torch.manual_seed(0)
    x = torch.rand(4, 3)
    log(x)
    x = torch.zeros(4, 3, dtype=torch.long)
    log(x)
    x = torch.tensor([5.5, 3])
    log(x)
    x = x.new_ones(4, 3, dtype=torch.double)
    log(x)
    x = torch.randn_like(x, dtype=torch.float)
    log(x)
    log(x.size())
    log(x.shape)
    y = torch.rand(4, 3)
    log(x + y)
    log(torch.add(x, y))
    y.add_(x)
    log(y)
    x = torch.rand(4, 3)
    log(x[:, 1])
    y = x[0, :]
    y += 1
    log(y)
    log(x[0, :])
    x = torch.randn(4, 4)
    y = x.view(16)
    z = x.view(-1, 8)
    log(x.size(), y.size(), z.size())
    x += 1
    log(x)
    log(y)
    x = torch.arange(1, 3).view(1, 2)
    log(x)
    y = torch.arange(1, 4).view(3, 1)
    log(y)
    log(x + y)
    # 2.2
    x = torch.randn(3, 3, requires_grad=True)
    log(x.grad_fn)
    x = torch.ones(2, 2, requires_grad=True)
    log(x)
    y = x**2
    log(y)
    log(y.grad_fn)
    z = y * y * 3
    out = z.mean()
    log(z, out)
    a = torch.randn(2, 2)
    a = ((a * 3) / (a - 1))
    log(a.requires_grad)
    a.requires_grad_(True)
    log(a.requires_grad)
    b = (a * a).sum()
    log(b.grad_fn)
    out.backward()
    log(x.grad)
    out2 = x.sum()
    out2.backward()
    log(x.grad)
    out3 = x.sum()
    x.grad.data.zero_()
    out3.backward()
    log(x.grad)
    x = torch.randn(3, requires_grad=True)
    log(x)
    y = x * 2
    i = 0
    while y.data.norm() < 1000:
        y = y * 2
        i = i + 1
    log(y)
    log(i)
    v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
    y.backward(v)
    log(x.grad)
    log(x.requires_grad)
    log((x ** 2).requires_grad)
    with torch.no_grad():
        log((x ** 2).requires_grad)
    x = torch.ones(1, requires_grad=True)
    log(x.data)
    log(x.data.requires_grad)
    y = 2 * x
    x.data *= 100
    y.backward()
    log(x)
    log(x.grad)
    # 2.3
    device = torch.device("cuda:1" if torch.cuda.is_available() else "cpu")
    log(device, torch.cuda.device_count())


def chapter3(d):
    batch_size = 16
    lr = 1e-4
    max_epochs = 100
    device = torch.device("cuda:1" if torch.cuda.is_available() else "cpu")
    log(device)
    # 3.3 stand-in files
    torch.manual_seed(0)
    to_pil = transforms.ToPILImage()
    train_path, val_path = d + '/train', d + '/val'
    for root in [train_path, val_path]:
        for cls in ['cat', 'dog']:
            os.makedirs(root + '/' + cls, exist_ok=True)
            for k in range(3):
                to_pil(torch.rand(3, 10, 12)).save(root + '/' + cls + '/' + str(k) + '.png')
    os.makedirs(d + '/images', exist_ok=True)
    lines = []
    for k in range(1, 10):
        to_pil(torch.rand(3, 8, 8)).save(d + '/images/image' + str(k) + '.png')
        lines.append('image' + str(k) + '.png,' + str(k))
    with open(d + '/annotations.csv', 'w') as f:
        f.write('file,label\n' + '\n'.join(lines) + '\n')
    data_transform = transforms.Compose([transforms.Resize(8), transforms.CenterCrop(8), transforms.ToTensor()])
    train_data = datasets.ImageFolder(train_path, transform=data_transform)
    val_data = datasets.ImageFolder(val_path, transform=data_transform)
    log(js(train_data.classes), len(train_data), js(val_data.class_to_idx))

    class MyDataset(Dataset):
        def __init__(self, annotations_file, img_dir, transform=None, target_transform=None):
            # pd.read_csv(annotations_file)
            with open(annotations_file) as f:
                self.img_labels = [[l.split(',')[0], int(l.split(',')[1])] for l in f.read().strip().split('\n')[1:]]
            self.img_dir = img_dir
            self.transform = transform
            self.target_transform = target_transform

        def __len__(self):
            return len(self.img_labels)

        def __getitem__(self, idx):
            img_path = os.path.join(self.img_dir, self.img_labels[idx][0])
            image = read_image(img_path)
            label = self.img_labels[idx][1]
            if self.transform:
                image = self.transform(image)
            if self.target_transform:
                label = self.target_transform(label)
            return image, label

    my_data = MyDataset(d + '/annotations.csv', d + '/images', None, lambda y: y - 1)
    image0, label0 = my_data[2]
    log(len(my_data), image0.dtype, image0.shape, image0.float().mean(), label0)
    train_loader = torch.utils.data.DataLoader(train_data, batch_size=4, num_workers=0, shuffle=True, drop_last=True)
    val_loader = torch.utils.data.DataLoader(val_data, batch_size=4, num_workers=0, shuffle=False)
    log(len(train_loader), len(val_loader))
    images, labels = next(iter(val_loader))
    log(images.shape)
    log(labels)
    for data, label in train_loader:
        log(label, data.sum())
    # 3.4
    torch.manual_seed(1)

    class MLP(nn.Module):
        def __init__(self, **kwargs):
            super(MLP, self).__init__(**kwargs)
            self.hidden = nn.Linear(784, 256)
            self.act = nn.ReLU()
            self.output = nn.Linear(256, 10)

        def forward(self, x):
            o = self.act(self.hidden(x))
            return self.output(o)

    X = torch.rand(2, 784)
    net = MLP()
    log(net)
    log(net(X))

    class MyLayer(nn.Module):
        def __init__(self, **kwargs):
            super(MyLayer, self).__init__(**kwargs)

        def forward(self, x):
            return x - x.mean()

    layer = MyLayer()
    log(layer(torch.tensor([1, 2, 3, 4, 5], dtype=torch.float)))

    class MyListDense(nn.Module):
        def __init__(self):
            super(MyListDense, self).__init__()
            self.params = nn.ParameterList([nn.Parameter(torch.randn(4, 4)) for i in range(3)])
            self.params.append(nn.Parameter(torch.randn(4, 1)))

        def forward(self, x):
            for i in range(len(self.params)):
                x = torch.mm(x, self.params[i])
            return x
    net_list = MyListDense()
    log(net_list)
    log(net_list(torch.ones(1, 4)))

    class MyDictDense(nn.Module):
        def __init__(self):
            super(MyDictDense, self).__init__()
            self.params = nn.ParameterDict({
                'linear1': nn.Parameter(torch.randn(4, 4)),
                'linear2': nn.Parameter(torch.randn(4, 1))
            })
            self.params.update({'linear3': nn.Parameter(torch.randn(4, 2))})

        def forward(self, x, choice='linear1'):
            return torch.mm(x, self.params[choice])

    net_dict = MyDictDense()
    log(net_dict)
    log(net_dict(torch.ones(1, 4), 'linear3'))

    def corr2d(X, K):
        h, w = K.shape
        X, K = X.float(), K.float()
        Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
        for i in range(Y.shape[0]):
            for j in range(Y.shape[1]):
                Y[i, j] = (X[i: i + h, j: j + w] * K).sum()
        return Y

    class Conv2D(nn.Module):
        def __init__(self, kernel_size):
            super(Conv2D, self).__init__()
            self.weight = nn.Parameter(torch.randn(kernel_size))
            self.bias = nn.Parameter(torch.randn(1))

        def forward(self, x):
            return corr2d(x, self.weight) + self.bias
    conv2d_own = Conv2D((2, 2))
    log(conv2d_own(torch.arange(16).view(4, 4)))

    def comp_conv2d(conv2d, X):
        X = X.view((1, 1) + X.shape)
        Y = conv2d(X)
        return Y.view(Y.shape[2:])

    conv2d = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3, padding=1)
    X = torch.rand(8, 8)
    log(comp_conv2d(conv2d, X).shape)
    conv2d = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(5, 3), padding=(2, 1))
    log(comp_conv2d(conv2d, X).shape)
    conv2d = nn.Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4))
    log(comp_conv2d(conv2d, X).shape)

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
    X = torch.tensor([[0, 1, 2], [3, 4, 5], [6, 7, 8]], dtype=torch.float)
    log(pool2d(X, (2, 2)))
    log(pool2d(X, (2, 2), 'avg'))

    class Net(nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.conv1 = nn.Conv2d(1, 6, 5)
            self.conv2 = nn.Conv2d(6, 16, 5)
            self.fc1 = nn.Linear(16 * 5 * 5, 120)
            self.fc2 = nn.Linear(120, 84)
            self.fc3 = nn.Linear(84, 10)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            x = x.view(-1, self.num_flat_features(x))
            x = F.relu(self.fc1(x))
            x = F.relu(self.fc2(x))
            x = self.fc3(x)
            return x

        def num_flat_features(self, x):
            size = x.size()[1:]
            num_features = 1
            for s in size:
                num_features *= s
            return num_features

    torch.manual_seed(2)
    lenet = Net()
    log(lenet)
    params = list(lenet.parameters())
    log(len(params))
    log(params[0].size())
    input = torch.randn(1, 1, 32, 32)
    out = lenet(input)
    log(out)
    lenet.zero_grad()
    out.backward(torch.randn(1, 10))
    log(lenet.fc3.bias.grad)
    log(lenet.conv1.bias.grad)
    # 3.5
    torch.manual_seed(3)
    conv = nn.Conv2d(1, 3, 3)
    linear = nn.Linear(10, 1)
    log(isinstance(conv, nn.Conv2d))
    log(isinstance(linear, nn.Conv2d))
    log(conv.weight.data)
    log(linear.weight.data)
    torch.nn.init.kaiming_normal_(conv.weight.data)
    log(conv.weight.data)
    torch.nn.init.constant_(linear.weight.data, 0.3)
    log(linear.weight.data)

    def initialize_weights(model):
        for m in model.modules():
            if isinstance(m, nn.Conv2d):
                torch.nn.init.zeros_(m.weight.data)
                if m.bias is not None:
                    torch.nn.init.constant_(m.bias.data, 0.3)
            elif isinstance(m, nn.Linear):
                torch.nn.init.normal_(m.weight.data, 0.1)
                if m.bias is not None:
                    torch.nn.init.zeros_(m.bias.data)
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zeros_()

    class MLP2(nn.Module):
        def __init__(self, **kwargs):
            super(MLP2, self).__init__(**kwargs)
            self.hidden = nn.Conv2d(1, 1, 3)
            self.act = nn.ReLU()
            self.output = nn.Linear(10, 1)

        def forward(self, x):
            o = self.act(self.hidden(x))
            return self.output(o)

    mlp = MLP2()
    log(mlp.hidden.weight.data)
    log("-------初始化-------")
    mlp.apply(initialize_weights)
    log(mlp.hidden.weight.data)
    log(mlp.hidden.bias.data, mlp.output.weight.data, mlp.output.bias.data)


def losses():
    torch.manual_seed(0)
    m = nn.Sigmoid()
    loss = nn.BCELoss()
    input = torch.randn(3, requires_grad=True)
    target = torch.empty(3).random_(2)
    output = loss(m(input), target)
    output.backward()
    log('BCELoss损失函数的计算结果为', output)
    log(input.grad)
    loss = nn.CrossEntropyLoss()
    input = torch.randn(3, 5, requires_grad=True)
    target = torch.empty(3, dtype=torch.long).random_(5)
    output = loss(input, target)
    output.backward()
    log(output)
    log(input.grad)
    loss = nn.L1Loss()
    input = torch.randn(3, 5, requires_grad=True)
    target = torch.randn(3, 5)
    output = loss(input, target)
    output.backward()
    log('L1损失函数的计算结果为', output)
    loss = nn.MSELoss()
    input = torch.randn(3, 5, requires_grad=True)
    target = torch.randn(3, 5)
    output = loss(input, target)
    output.backward()
    log('MSE损失函数的计算结果为', output)
    loss = nn.SmoothL1Loss()
    input = torch.randn(3, 5, requires_grad=True)
    target = torch.randn(3, 5)
    output = loss(input, target)
    output.backward()
    log('SmoothL1Loss损失函数的计算结果为', output)
    log(input.grad)
    inputs = torch.linspace(-10, 10, steps=5000)
    target = torch.zeros_like(inputs)
    loss_f_smooth = nn.SmoothL1Loss(reduction='none')
    loss_smooth = loss_f_smooth(inputs, target)
    loss_f_l1 = nn.L1Loss(reduction='none')
    loss_l1 = loss_f_l1(inputs, target)
    log(loss_smooth[2495:2505])
    log(loss_l1[2495:2505])
    loss = nn.PoissonNLLLoss()
    log_input = torch.randn(5, 2, requires_grad=True)
    target = torch.randn(5, 2)
    output = loss(log_input, target)
    output.backward()
    log('PoissonNLLLoss损失函数的计算结果为', output)
    log(log_input.grad)
    inputs = torch.tensor([[0.5, 0.3, 0.2], [0.2, 0.3, 0.5]])
    target = torch.tensor([[0.9, 0.05, 0.05], [0.1, 0.7, 0.2]], dtype=torch.float)
    loss = nn.KLDivLoss()
    output = loss(inputs, target)
    log('KLDivLoss损失函数的计算结果为', output)
    loss = nn.MarginRankingLoss()
    input1 = torch.randn(3, requires_grad=True)
    input2 = torch.randn(3, requires_grad=True)
    target = torch.randn(3).sign()
    output = loss(input1, input2, target)
    output.backward()
    log('MarginRankingLoss损失函数的计算结果为', output)
    log(input1.grad, input2.grad)
    loss = nn.MultiLabelMarginLoss()
    x = torch.FloatTensor([[0.9, 0.2, 0.4, 0.8]])
    y = torch.LongTensor([[3, 0, -1, 1]])
    output = loss(x, y)
    log('MultiLabelMarginLoss损失函数的计算结果为', output)
    inputs = torch.tensor([[0.3, 0.7], [0.5, 0.5]])
    target = torch.tensor([[-1, 1], [1, -1]], dtype=torch.float)
    loss_f = nn.SoftMarginLoss()
    output = loss_f(inputs, target)
    log('SoftMarginLoss损失函数的计算结果为', output)
    inputs = torch.tensor([[0.3, 0.7], [0.5, 0.5]])
    target = torch.tensor([0, 1], dtype=torch.long)
    loss_f = nn.MultiMarginLoss()
    output = loss_f(inputs, target)
    log('MultiMarginLoss损失函数的计算结果为', output)
    triplet_loss = nn.TripletMarginLoss(margin=1.0, p=2)
    anchor = torch.randn(100, 128, requires_grad=True)
    positive = torch.randn(100, 128, requires_grad=True)
    negative = torch.randn(100, 128, requires_grad=True)
    output = triplet_loss(anchor, positive, negative)
    output.backward()
    log('TripletMarginLoss损失函数的计算结果为', output)
    log(anchor.grad[0, :4])
    loss_f = nn.HingeEmbeddingLoss()
    inputs = torch.tensor([[1., 0.8, 0.5]])
    target = torch.tensor([[1, 1, -1]])
    output = loss_f(inputs, target)
    log('HingEmbeddingLoss损失函数的计算结果为', output)
    loss_f = nn.CosineEmbeddingLoss()
    inputs_1 = torch.tensor([[0.3, 0.5, 0.7], [0.3, 0.5, 0.7]])
    inputs_2 = torch.tensor([[0.1, 0.3, 0.5], [0.1, 0.3, 0.5]])
    target = torch.tensor([1, -1], dtype=torch.float)
    output = loss_f(inputs_1, inputs_2, target)
    log('CosineEmbeddingLoss损失函数的计算结果为', output)
    T = 50
    C = 20
    N = 16
    S = 30
    S_min = 10
    input = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_()
    target = torch.randint(low=1, high=C, size=(N, S), dtype=torch.long)
    input_lengths = torch.full(size=(N,), fill_value=T, dtype=torch.long)
    target_lengths = torch.randint(low=S_min, high=S, size=(N,), dtype=torch.long)
    ctc_loss = nn.CTCLoss()
    loss = ctc_loss(input, target, input_lengths, target_lengths)
    loss.backward()
    log(loss)
    log(input.grad[0, 0, :5])
    input = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_()
    input_lengths = torch.full(size=(N,), fill_value=T, dtype=torch.long)
    target_lengths = torch.randint(low=1, high=T, size=(N,), dtype=torch.long)
    target = torch.randint(low=1, high=C, size=(sum(target_lengths),), dtype=torch.long)
    ctc_loss = nn.CTCLoss()
    loss = ctc_loss(input, target, input_lengths, target_lengths)
    loss.backward()
    log('CTCLoss损失函数的计算结果为', loss)
    log(input.grad[0, 0, :5])


def training(d):
    torch.manual_seed(0)
    weight = torch.randn((2, 2), requires_grad=True)
    weight.grad = torch.ones((2, 2))
    log("The data of weight before step:\n{}".format(weight.data))
    log("The grad of weight before step:\n{}".format(weight.grad))
    optimizer = torch.optim.SGD([weight], lr=0.1, momentum=0.9)
    optimizer.step()
    log("The data of weight after step:\n{}".format(weight.data))
    log("The grad of weight after step:\n{}".format(weight.grad))
    optimizer.zero_grad()
    log("The grad of weight after optimizer.zero_grad():\n{}".format(weight.grad))
    for g in optimizer.param_groups:
        log(g['params'], g['lr'], g['momentum'], g['dampening'], g['weight_decay'], g['nesterov'])
    log(optimizer.param_groups[0]['params'][0] is weight)
    weight2 = torch.randn((3, 3), requires_grad=True)
    optimizer.add_param_group({"params": weight2, 'lr': 0.0001, 'nesterov': True})
    for g in optimizer.param_groups:
        log(g['params'], g['lr'], g['momentum'], g['dampening'], g['weight_decay'], g['nesterov'])
    opt_state_dict = optimizer.state_dict()
    log("state_dict before step:\n", opt_state_dict['state'][0]['momentum_buffer'], js([g['params'] for g in opt_state_dict['param_groups']]))
    for _ in range(50):
        optimizer.step()
    log("state_dict after step:\n", optimizer.state_dict()['state'][0]['momentum_buffer'])
    torch.save(optimizer.state_dict(), os.path.join(d, "optimizer_state_dict.pkl"))
    log("----------done-----------")
    state_dict = torch.load(os.path.join(d, "optimizer_state_dict.pkl"))
    optimizer.load_state_dict(state_dict)
    log("load state_dict successfully\n", state_dict['state'][0]['momentum_buffer'])
    log(optimizer.defaults['lr'], optimizer.defaults['momentum'], optimizer.defaults['nesterov'])
    log(optimizer.state[weight]['momentum_buffer'], weight2 in optimizer.state)
    log(optimizer.param_groups[0]['params'][0], optimizer.param_groups[1]['lr'])
    # 3.9.4
    torch.manual_seed(1)
    a = torch.linspace(-1, 1, 1000)
    x = torch.unsqueeze(a, dim=1)
    y = x.pow(2) + 0.1 * torch.normal(torch.zeros(x.size()))

    class RegNet(nn.Module):
        def __init__(self):
            super(RegNet, self).__init__()
            self.hidden = nn.Linear(1, 20)
            self.predict = nn.Linear(20, 1)

        def forward(self, x):
            x = self.hidden(x)
            x = F.relu(x)
            x = self.predict(x)
            return x
    nets = [RegNet(), RegNet(), RegNet(), RegNet()]
    opts = [
        torch.optim.SGD(nets[0].parameters(), lr=0.01),
        torch.optim.SGD(nets[1].parameters(), lr=0.01, momentum=0.8),
        torch.optim.RMSprop(nets[2].parameters(), lr=0.01, alpha=0.9),
        torch.optim.Adam(nets[3].parameters(), lr=0.01, betas=(0.9, 0.99)),
    ]
    loss_func = nn.MSELoss()
    for step in range(5):
        row = []
        for k, net in enumerate(nets):
            output = net(x)
            loss = loss_func(output, y)
            opts[k].zero_grad()
            loss.backward()
            opts[k].step()
            row.append(loss.item())
        log(" ".join("%.6f" % l for l in row))
    # chapter 4
    batch_size = 16
    num_workers = 0
    lr = 1e-4
    epochs = 2
    image_size = 28
    data_transform = transforms.Compose([
        transforms.ToPILImage(),
        transforms.Resize(image_size),
        transforms.ToTensor()
    ])
    import numpy as np

    class FMDataset(Dataset):
        def __init__(self, df, transform=None):
            self.df = df
            self.transform = transform
            self.images = df[:, 1:].numpy().astype(np.uint8)
            self.labels = df[:, 0].numpy()

        def __len__(self):
            return len(self.images)

        def __getitem__(self, idx):
            image = self.images[idx].reshape(28, 28, 1)
            label = int(self.labels[idx])
            if self.transform is not None:
                image = self.transform(image)
            else:
                image = torch.tensor(image / 255., dtype=torch.float)
            label = torch.tensor(label, dtype=torch.long)
            return image, label
    torch.manual_seed(2)
    train_df = torch.cat([torch.randint(0, 10, [64, 1]), torch.randint(0, 256, [64, 784])], 1)
    test_df = torch.cat([torch.randint(0, 10, [32, 1]), torch.randint(0, 256, [32, 784])], 1)
    train_data = FMDataset(train_df, data_transform)
    test_data = FMDataset(test_df, data_transform)
    log(FMDataset(test_df)[3][0].sum(), test_data[3][0].sum())
    train_loader = DataLoader(train_data, batch_size=batch_size, shuffle=True, num_workers=num_workers, drop_last=True)
    test_loader = DataLoader(test_data, batch_size=batch_size, shuffle=False, num_workers=num_workers)
    image, label = next(iter(train_loader))
    log(image.shape, label.shape)
    log(label)

    class Net(nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.conv = nn.Sequential(
                nn.Conv2d(1, 32, 5),
                nn.ReLU(),
                nn.MaxPool2d(2, stride=2),
                nn.Dropout(0.3),
                nn.Conv2d(32, 64, 5),
                nn.ReLU(),
                nn.MaxPool2d(2, stride=2),
                nn.Dropout(0.3)
            )
            self.fc = nn.Sequential(
                nn.Linear(64 * 4 * 4, 512),
                nn.ReLU(),
                nn.Linear(512, 10)
            )

        def forward(self, x):
            x = self.conv(x)
            x = x.view(-1, 64 * 4 * 4)
            x = self.fc(x)
            return x
    # torch.save(model) pickles the class by name, as the book's module-level class
    Net.__qualname__ = "Net"
    globals()["Net"] = Net
    torch.manual_seed(3)
    model = Net()
    log(model)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.001)

    def train(epoch):
        model.train()
        train_loss = 0
        for data, label in train_loader:
            optimizer.zero_grad()
            output = model(data)
            loss = criterion(output, label)
            loss.backward()
            optimizer.step()
            train_loss += loss.item() * data.size(0)
        train_loss = train_loss / len(train_loader.dataset)
        log('Epoch: {} \tTraining Loss: {:.6f}'.format(epoch, train_loss))

    def val(epoch):
        model.eval()
        val_loss = 0
        gt_labels = []
        pred_labels = []
        with torch.no_grad():
            for data, label in test_loader:
                output = model(data)
                preds = torch.argmax(output, 1)
                gt_labels.append(label.cpu().data.numpy())
                pred_labels.append(preds.cpu().data.numpy())
                loss = criterion(output, label)
                val_loss += loss.item() * data.size(0)
        val_loss = val_loss / len(test_loader.dataset)
        gt_labels, pred_labels = np.concatenate(gt_labels), np.concatenate(pred_labels)
        acc = np.sum(gt_labels == pred_labels) / len(pred_labels)
        log('Epoch: {} \tValidation Loss: {:.6f}, Accuracy: {:6f}'.format(epoch, val_loss, acc))

    for epoch in range(1, epochs + 1):
        train(epoch)
        val(epoch)
    save_path = os.path.join(d, "FahionModel.pkl")
    torch.save(model, save_path)
    loaded = torch.load(save_path)
    loaded.eval()
    log(loaded(test_data[0][0].unsqueeze(0)))
    log(model.fc[2].bias)


def prec6(v):
    """JavaScript's v.toPrecision(6)."""
    m, e = format(v, ".5e").split("e")
    e = int(e)
    if e < -6 or e >= 6:
        return m + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return format(v, "." + str(max(0, 5 - e)) + "f")


def models(d):
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    log(net)
    net2 = nn.Sequential(OrderedDict([('fc1', nn.Linear(784, 256)), ('relu1', nn.ReLU()), ('fc2', nn.Linear(256, 10))]))
    log(net2)
    net_list = nn.ModuleList([nn.Linear(784, 256), nn.ReLU()])
    net_list.append(nn.Linear(256, 10))
    log(net_list[-1])
    log(net_list)
    net_dict = nn.ModuleDict({'linear': nn.Linear(784, 256), 'act': nn.ReLU()})
    net_dict['output'] = nn.Linear(256, 10)
    log(net_dict['linear'])
    log(net_dict.output)
    log(net_dict)

    class DoubleConv(nn.Module):
        def __init__(self, in_channels, out_channels, mid_channels=None):
            super().__init__()
            if not mid_channels:
                mid_channels = out_channels
            self.double_conv = nn.Sequential(
                nn.Conv2d(in_channels, mid_channels, kernel_size=3, padding=1, bias=False),
                nn.BatchNorm2d(mid_channels),
                nn.ReLU(inplace=True),
                nn.Conv2d(mid_channels, out_channels, kernel_size=3, padding=1, bias=False),
                nn.BatchNorm2d(out_channels),
                nn.ReLU(inplace=True)
            )

        def forward(self, x):
            return self.double_conv(x)

    class Down(nn.Module):
        def __init__(self, in_channels, out_channels):
            super().__init__()
            self.maxpool_conv = nn.Sequential(nn.MaxPool2d(2), DoubleConv(in_channels, out_channels))

        def forward(self, x):
            return self.maxpool_conv(x)

    class Up(nn.Module):
        def __init__(self, in_channels, out_channels, bilinear=False):
            super().__init__()
            if bilinear:
                self.up = nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)
                self.conv = DoubleConv(in_channels, out_channels, in_channels // 2)
            else:
                self.up = nn.ConvTranspose2d(in_channels, in_channels // 2, kernel_size=2, stride=2)
                self.conv = DoubleConv(in_channels, out_channels)

        def forward(self, x1, x2):
            x1 = self.up(x1)
            diffY = x2.size()[2] - x1.size()[2]
            diffX = x2.size()[3] - x1.size()[3]
            x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])
            x = torch.cat([x2, x1], dim=1)
            return self.conv(x)

    class OutConv(nn.Module):
        def __init__(self, in_channels, out_channels):
            super(OutConv, self).__init__()
            self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=1)

        def forward(self, x):
            return self.conv(x)

    torch.manual_seed(1)
    inc, down1, up1, up1b, outc = DoubleConv(3, 8), Down(8, 16), Up(16, 8), Up(16, 8, True), OutConv(8, 2)
    log(down1)
    log(up1)
    xin = torch.randn(2, 3, 9, 11)
    x1 = inc(xin)
    x2 = down1(x1)
    logits = outc(up1(x2, x1))
    logits_b = outc(up1b(x2[:, 0:8], x1))
    log(x1.shape, x2.shape, logits.shape, logits_b.shape)
    log(logits[0, :, 0, :4])
    log(logits_b[1, :, 8, 7:])
    logits.sum().backward()
    log(inc.double_conv[0].weight.grad[0, 0])
    # 5.3
    models = torchvision.models
    torch.manual_seed(2)
    resnet = models.resnet18()
    log(resnet.fc)
    log(resnet.layer1)
    classifier = nn.Sequential(OrderedDict([('fc1', nn.Linear(512, 128)), ('relu1', nn.ReLU()), ('dropout1', nn.Dropout(0.5)),
                                            ('fc2', nn.Linear(128, 10)), ('output', nn.Softmax(dim=1))]))
    resnet.fc = classifier
    log(resnet.fc)
    resnet.eval()
    inputs = torch.randn(2, 3, 32, 32)
    log(resnet(inputs))

    class Model(nn.Module):
        def __init__(self, net):
            super(Model, self).__init__()
            self.net = net
            self.relu = nn.ReLU()
            self.dropout = nn.Dropout(0.5)
            self.fc_add = nn.Linear(11, 10, bias=True)
            self.output = nn.Softmax(dim=1)

        def forward(self, x, add_variable):
            x = self.net(x)
            x = torch.cat((self.dropout(self.relu(x)), add_variable.unsqueeze(1)), 1)
            x = self.fc_add(x)
            x = self.output(x)
            return x
    Model.__qualname__ = "Model"
    globals()["Model"] = Model
    model = Model(resnet)
    add_var = torch.tensor([0.5, -1.0])
    outputs = model(inputs, add_var)
    log(outputs)

    class Model2(nn.Module):
        def __init__(self, net):
            super(Model2, self).__init__()
            self.net = net
            self.relu = nn.ReLU()
            self.dropout = nn.Dropout(0.5)
            self.fc1 = nn.Linear(10, 10, bias=True)
            self.output = nn.Softmax(dim=1)

        def forward(self, x, add_variable):
            x1000 = self.net(x)
            x10 = self.dropout(self.relu(x1000))
            x10 = self.fc1(x10)
            x10 = self.output(x10)
            return x10, x1000
    model2 = Model2(resnet)
    model2.train()
    out10, out1000 = model2(inputs, add_var)
    log(out10, out1000.shape)
    # 5.4
    save_dir = os.path.join(d, 'resnet18.pt')
    torch.save(model, save_dir)
    loaded_model = torch.load(save_dir)
    loaded_model.eval()
    model.eval()
    log(torch.equal(loaded_model(inputs, add_var), model(inputs, add_var)))
    torch.save(resnet.state_dict(), save_dir)
    loaded_resnet = models.resnet18()
    loaded_resnet.fc = nn.Sequential(OrderedDict([('fc1', nn.Linear(512, 128)), ('relu1', nn.ReLU()), ('dropout1', nn.Dropout(0.5)),
                                                  ('fc2', nn.Linear(128, 10)), ('output', nn.Softmax(dim=1))]))
    log(loaded_resnet.load_state_dict(torch.load(save_dir)))
    loaded_resnet.eval()
    log(torch.equal(loaded_resnet(inputs), resnet(inputs)))
    dp = nn.DataParallel(resnet)
    torch.save(dp.state_dict(), save_dir)
    loaded_dict = torch.load(save_dir)
    log(js(list(loaded_dict.keys())[:3]))
    new_state_dict = OrderedDict()
    for k, v in loaded_dict.items():
        name = k[7:]
        new_state_dict[name] = v
    loaded_resnet.load_state_dict(new_state_dict)
    loaded_resnet.load_state_dict({k.replace('module.', ''): v for k, v in loaded_dict.items()})
    dp_loaded = nn.DataParallel(loaded_resnet)
    dp_loaded.load_state_dict(loaded_dict)
    log(torch.equal(dp_loaded(inputs), resnet(inputs)))
    optimizer = torch.optim.SGD(resnet.parameters(), lr=0.1, momentum=0.9)
    lr_scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
    resnet.train()
    for epoch in range(3):
        optimizer.zero_grad()
        resnet(inputs)[:, 0].sum().backward()
        optimizer.step()
        lr_scheduler.step()
    checkpoint_path = os.path.join(d, 'checkpoint.pth')
    torch.save({'model': resnet.state_dict(), 'optimizer': optimizer.state_dict(), 'lr_scheduler': lr_scheduler.state_dict(),
                'epoch': 3, 'args': {'lr': 0.1}}, checkpoint_path)
    checkpoint = torch.load(checkpoint_path)
    loaded_resnet.load_state_dict(checkpoint['model'])
    optimizer2 = torch.optim.SGD(loaded_resnet.parameters(), lr=0.1, momentum=0.9)
    optimizer2.load_state_dict(checkpoint['optimizer'])
    lr_scheduler2 = torch.optim.lr_scheduler.StepLR(optimizer2, step_size=2, gamma=0.5)
    lr_scheduler2.load_state_dict(checkpoint['lr_scheduler'])
    epoch = checkpoint['epoch']
    args = checkpoint['args']
    log(epoch, args['lr'], "[" + ", ".join(fmt(v) for v in lr_scheduler2.get_last_lr()) + "]", optimizer2.param_groups[0]['lr'], lr_scheduler2.last_epoch)
    log(torch.equal(loaded_resnet.state_dict()['fc.fc2.bias'], resnet.state_dict()['fc.fc2.bias']))

    # 6.1
    def my_loss(output, target):
        loss = torch.mean((output - target)**2)
        return loss

    class DiceLoss(nn.Module):
        def forward(self, inputs, targets, smooth=1):
            inputs = F.sigmoid(inputs)
            inputs = inputs.view(-1)
            targets = targets.view(-1)
            intersection = (inputs * targets).sum()
            dice = (2. * intersection + smooth) / (inputs.sum() + targets.sum() + smooth)
            return 1 - dice

    class DiceBCELoss(nn.Module):
        def forward(self, inputs, targets, smooth=1):
            inputs = F.sigmoid(inputs)
            inputs = inputs.view(-1)
            targets = targets.view(-1)
            intersection = (inputs * targets).sum()
            dice_loss = 1 - (2. * intersection + smooth) / (inputs.sum() + targets.sum() + smooth)
            BCE = F.binary_cross_entropy(inputs, targets, reduction='mean')
            Dice_BCE = BCE + dice_loss
            return Dice_BCE

    class IoULoss(nn.Module):
        def forward(self, inputs, targets, smooth=1):
            inputs = F.sigmoid(inputs)
            inputs = inputs.view(-1)
            targets = targets.view(-1)
            intersection = (inputs * targets).sum()
            total = (inputs + targets).sum()
            union = total - intersection
            IoU = (intersection + smooth) / (union + smooth)
            return 1 - IoU
    ALPHA = 0.8
    GAMMA = 2

    class FocalLoss(nn.Module):
        def forward(self, inputs, targets, alpha=ALPHA, gamma=GAMMA, smooth=1):
            inputs = F.sigmoid(inputs)
            inputs = inputs.view(-1)
            targets = targets.view(-1)
            BCE = F.binary_cross_entropy(inputs, targets, reduction='mean')
            BCE_EXP = torch.exp(-BCE)
            focal_loss = alpha * (1 - BCE_EXP)**gamma * BCE
            return focal_loss
    torch.manual_seed(3)
    input = torch.randn(2, 1, 4, 4, requires_grad=True)
    targets = torch.randint(0, 2, [2, 1, 4, 4]).float()
    log(my_loss(input, targets))
    for criterion in [DiceLoss(), DiceBCELoss(), IoULoss(), FocalLoss()]:
        input.grad = None
        loss = criterion(input, targets)
        loss.backward()
        log(type(criterion).__name__, loss, input.grad[0, 0, 0])
    # 6.2
    S = torch.optim.lr_scheduler

    def lrs(make, epochs=8):
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
        sched = make(opt)
        out = []
        for e in range(epochs):
            opt.step()
            sched.step()
            out.append(prec6(sched.get_last_lr()[0]))
        return " ".join(out)
    log('LambdaLR', lrs(lambda o: S.LambdaLR(o, lr_lambda=lambda epoch: 0.95 ** epoch)))
    log('MultiplicativeLR', lrs(lambda o: S.MultiplicativeLR(o, lr_lambda=lambda epoch: 0.9)))
    log('StepLR', lrs(lambda o: S.StepLR(o, step_size=3, gamma=0.5)))
    log('MultiStepLR', lrs(lambda o: S.MultiStepLR(o, milestones=[2, 5], gamma=0.1)))
    log('ExponentialLR', lrs(lambda o: S.ExponentialLR(o, gamma=0.8)))
    log('CosineAnnealingLR', lrs(lambda o: S.CosineAnnealingLR(o, T_max=5, eta_min=0.001)))
    log('CyclicLR', lrs(lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3)))
    log('OneCycleLR', lrs(lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=10)))
    log('CosineAnnealingWarmRestarts', lrs(lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2)))
    log('ConstantLR', lrs(lambda o: S.ConstantLR(o, factor=0.5, total_iters=4)))
    log('LinearLR', lrs(lambda o: S.LinearLR(o, start_factor=0.25, total_iters=4)))
    log('PolynomialLR', lrs(lambda o: S.PolynomialLR(o, total_iters=6, power=2.0)))
    log('ChainedScheduler', lrs(lambda o: S.ChainedScheduler([S.ConstantLR(o, factor=0.1, total_iters=2), S.ExponentialLR(o, gamma=0.9)])))
    log('SequentialLR', lrs(lambda o: S.SequentialLR(o, schedulers=[S.ConstantLR(o, factor=0.1, total_iters=2), S.ExponentialLR(o, gamma=0.9)], milestones=[2])))
    p_plateau = torch.zeros(1, requires_grad=True)
    opt_plateau = torch.optim.SGD([p_plateau], lr=0.1)
    plateau = S.ReduceLROnPlateau(opt_plateau, mode='min', factor=0.5, patience=1)
    seen = []
    for val_loss in [1.0, 0.9, 0.95, 0.97, 0.96, 0.99, 0.5, 0.6, 0.7]:
        opt_plateau.step()
        plateau.step(val_loss)
        seen.append(fmt(opt_plateau.param_groups[0]['lr']))
    log('ReduceLROnPlateau', " ".join(seen))
    args_ = {'lr': 0.1}

    def adjust_learning_rate(optimizer, epoch):
        lr = args_['lr'] * (0.1 ** (epoch // 30))
        for param_group in optimizer.param_groups:
            param_group['lr'] = lr
    p_adj = torch.zeros(1, requires_grad=True)
    opt_adj = torch.optim.SGD([p_adj], lr=args_['lr'], momentum=0.9)
    adjusted = []
    for e in [0, 29, 30, 59, 60, 95]:
        adjust_learning_rate(opt_adj, e)
        adjusted.append(opt_adj.param_groups[0]['lr'])
    log(" ".join(prec6(v) for v in adjusted))

    # 6.3
    def set_parameter_requires_grad(model, feature_extracting):
        if feature_extracting:
            for param in model.parameters():
                param.requires_grad = False
    feature_extract = True
    ft = loaded_resnet
    ft.load_state_dict(new_state_dict)
    set_parameter_requires_grad(ft, feature_extract)
    num_ftrs = 512
    ft.fc = nn.Linear(in_features=num_ftrs, out_features=4, bias=True)
    log(ft.fc)
    trainable = [n for n, p in ft.named_parameters() if p.requires_grad]
    log(js(trainable), len(list(ft.parameters())))
    ft_opt = torch.optim.SGD([p for p in ft.parameters() if p.requires_grad], lr=0.1)
    ft.train()
    before = ft.conv1.weight.clone()
    ft_loss = F.cross_entropy(ft(inputs), torch.tensor([1, 3]))
    ft_loss.backward()
    ft_opt.step()
    log(ft_loss, torch.equal(before, ft.conv1.weight), ft.conv1.weight.grad, ft.fc.bias)
    # 7.1 / 7.2
    torch.manual_seed(4)
    r18 = models.resnet18()
    log(r18)

    class Hook(object):
        def __init__(self):
            self.module_name = []
            self.features_in_hook = []
            self.features_out_hook = []

        def __call__(self, module, fea_in, fea_out):
            log("hooker working")
            self.module_name.append(module.__class__.__name__)
            self.features_in_hook.append(fea_in)
            self.features_out_hook.append(fea_out)
            return None

    def plot_feature(model, name, inputs):
        hh = Hook()
        dict(model.named_children())[name].register_forward_hook(hh)
        model.eval()
        _ = model(inputs)
        log(js(hh.module_name))
        log(hh.features_in_hook[0][0].shape)
        log(hh.features_out_hook[0].shape)
        out1 = hh.features_out_hook[0]
        total_ft = out1.shape[1]
        first_item = out1[0].cpu().clone()
        log(total_ft, first_item[0].detach().sum(), first_item[5, :2, :2])
    img = torch.rand(1, 3, 64, 64)
    plot_feature(r18, 'layer1', img)
    plot_feature(r18, 'maxpool', img)
    rows = []
    handles = []
    for name, m in r18.named_children():
        def hook(mod, i, o, name=name):
            n = sum(p.numel() for p in mod.parameters())
            rows.append(f"{type(mod).__name__}: {name} {js(list(o.shape))} {n}")
        handles.append(m.register_forward_hook(hook))
    r18(torch.zeros(1, 3, 64, 64))
    for h in handles:
        h.remove()
    log("\n".join(rows))
    total = sum(p.numel() for p in r18.parameters())
    log(f"Total params: {total:,}")


SECTIONS = {"chapter2": chapter2, "chapter3": chapter3, "losses": losses, "training": training, "models": models}

if __name__ == "__main__":
    tmp = tempfile.mkdtemp()
    try:
        out = {name: section(f, *([tmp] if f.__code__.co_argcount else [])) for name, f in SECTIONS.items()}
    finally:
        shutil.rmtree(tmp)
    write_json(out, "datawhale.json")
