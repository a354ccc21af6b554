"""Fixture for test/tutorials/cs231n_notebook.test.ts: Stanford CS231n assignment 2's PyTorch.ipynb
(Barebones PyTorch, the Module API, the Sequential API, a small part V model), the port's cells in
order, run on PyTorch 1.13. Each cell records what it prints and what Jupyter shows as its value
(IPython's repr). Stand-ins (listed in the test's header): CIFAR-10 is a seeded uint8 Dataset with
CIFAR10's `train` attribute and __getitem__ (no download, no ToTensor of PIL images), 128 training
images (2 batches of 64), 64 validation and 64 test images; hidden layers of 400 units (not 4000);
print_every = 1 so that every step's loss is printed."""
import contextlib
import io
import os
import sys
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision.transforms as T
from torch.utils.data import DataLoader, sampler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

warnings.simplefilter("ignore")
CELLS = []


def run_cell(f):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        v = f()
    CELLS.append({"printed": buf.getvalue(), "shown": None if v is None else repr(v)})


class CIFAR10(torch.utils.data.Dataset):
    def __init__(self, n, train, transform, seed):
        super().__init__()
        self.train = train
        self.transform = transform
        g = torch.Generator().manual_seed(seed)
        self.data = torch.randint(0, 256, (n, 32, 32, 3), dtype=torch.uint8, generator=g).permute(0, 3, 1, 2).float() / 255
        self.targets = torch.randint(0, 10, (n,), generator=g).tolist()

    def __len__(self):
        return self.data.shape[0]

    def __getitem__(self, index):
        img = self.data[index]
        target = self.targets[index]
        if self.transform is not None:
            img = self.transform(img)
        return img, target


G = {}


def c_data():
    NUM_TRAIN = 128
    transform = T.Compose([T.Normalize((0.4914, 0.4822, 0.4465), (0.2023, 0.1994, 0.2010))])
    G["loader_train"] = DataLoader(CIFAR10(192, True, transform, 1), batch_size=64, sampler=sampler.SubsetRandomSampler(range(NUM_TRAIN)))
    G["loader_val"] = DataLoader(CIFAR10(192, True, transform, 1), batch_size=64, sampler=sampler.SubsetRandomSampler(range(NUM_TRAIN, 192)))
    G["loader_test"] = DataLoader(CIFAR10(64, False, transform, 2), batch_size=64)


dtype = torch.float32
device = torch.device("cpu")
print_every = 1


def c_device():
    print("using device:", device)


def flatten(x):
    N = x.shape[0]
    return x.view(N, -1)


def c_flatten():
    x = torch.arange(12).view(2, 1, 3, 2)
    print("Before flattening: ", x)
    print("After flattening: ", flatten(x))


def two_layer_fc(x, params):
    x = flatten(x)
    w1, w2 = params
    x = F.relu(x.mm(w1))
    x = x.mm(w2)
    return x


def c_two_layer_fc():
    hidden_layer_size = 42
    x = torch.zeros((64, 50), dtype=dtype)
    w1 = torch.zeros((50, hidden_layer_size), dtype=dtype)
    w2 = torch.zeros((hidden_layer_size, 10), dtype=dtype)
    print(two_layer_fc(x, [w1, w2]).size())


def three_layer_convnet(x, params):
    conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b = params
    x = F.relu(F.conv2d(x, conv_w1, conv_b1, padding=2))
    x = F.relu(F.conv2d(x, conv_w2, conv_b2, padding=1))
    return flatten(x).mm(fc_w) + fc_b


def c_three_layer_convnet():
    x = torch.zeros((64, 3, 32, 32), dtype=dtype)
    conv_w1 = torch.zeros((6, 3, 5, 5), dtype=dtype)
    conv_b1 = torch.zeros((6,))
    conv_w2 = torch.zeros((9, 6, 3, 3), dtype=dtype)
    conv_b2 = torch.zeros((9,))
    fc_w = torch.zeros((9 * 32 * 32, 10))
    fc_b = torch.zeros(10)
    print(three_layer_convnet(x, [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b]).size())


def random_weight(shape):
    if len(shape) == 2:
        fan_in = shape[0]
    else:
        fan_in = np.prod(shape[1:])
    w = torch.randn(shape, device=device, dtype=dtype) * np.sqrt(2. / fan_in)
    w.requires_grad = True
    return w


def zero_weight(shape):
    return torch.zeros(shape, device=device, dtype=dtype, requires_grad=True)


def check_accuracy_part2(loader, model_fn, params):
    split = "val" if loader.dataset.train else "test"
    print("Checking accuracy on the %s set" % split)
    num_correct, num_samples = 0, 0
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.int64)
            scores = model_fn(x, params)
            _, preds = scores.max(1)
            num_correct += (preds == y).sum()
            num_samples += preds.size(0)
        acc = float(num_correct) / num_samples
        print("Got %d / %d correct (%.2f%%)" % (num_correct, num_samples, 100 * acc))


def train_part2(model_fn, params, learning_rate):
    for t, (x, y) in enumerate(G["loader_train"]):
        x = x.to(device=device, dtype=dtype)
        y = y.to(device=device, dtype=torch.long)
        scores = model_fn(x, params)
        loss = F.cross_entropy(scores, y)
        loss.backward()
        with torch.no_grad():
            for w in params:
                w -= learning_rate * w.grad
                w.grad.zero_()
        if t % print_every == 0:
            print("Iteration %d, loss = %.4f" % (t, loss.item()))
            check_accuracy_part2(G["loader_val"], model_fn, params)
            print()


def c_train_fc():
    w1 = random_weight((3 * 32 * 32, 400))
    w2 = random_weight((400, 10))
    train_part2(two_layer_fc, [w1, w2], 1e-2)
    print(w1.sum().item(), w2.sum().item(), w2[0])


def c_train_conv():
    channel_1, channel_2 = 32, 16
    conv_w1 = random_weight((channel_1, 3, 5, 5))
    conv_b1 = zero_weight((channel_1,))
    conv_w2 = random_weight((channel_2, channel_1, 3, 3))
    conv_b2 = zero_weight((channel_2,))
    fc_w = random_weight((channel_2 * 32 * 32, 10))
    fc_b = zero_weight(10)
    train_part2(three_layer_convnet, [conv_w1, conv_b1, conv_w2, conv_b2, fc_w, fc_b], 3e-3)
    print(conv_b1, fc_b)


class TwoLayerFC(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        nn.init.kaiming_normal_(self.fc1.weight)
        self.fc2 = nn.Linear(hidden_size, num_classes)
        nn.init.kaiming_normal_(self.fc2.weight)

    def forward(self, x):
        x = flatten(x)
        return self.fc2(F.relu(self.fc1(x)))


def c_test_two_layer():
    model = TwoLayerFC(50, 42, 10)
    print(model(torch.zeros((64, 50), dtype=dtype)).size())


class ThreeLayerConvNet(nn.Module):
    def __init__(self, in_channel, channel_1, channel_2, num_classes):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channel, channel_1, kernel_size=5, padding=2, bias=True)
        nn.init.kaiming_normal_(self.conv1.weight)
        nn.init.constant_(self.conv1.bias, 0)
        self.conv2 = nn.Conv2d(channel_1, channel_2, kernel_size=3, padding=1, bias=True)
        nn.init.kaiming_normal_(self.conv2.weight)
        nn.init.constant_(self.conv2.bias, 0)
        self.fc = nn.Linear(channel_2 * 32 * 32, num_classes)
        nn.init.kaiming_normal_(self.fc.weight)
        nn.init.constant_(self.fc.bias, 0)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        return self.fc(flatten(x))


def c_test_three_layer():
    model = ThreeLayerConvNet(in_channel=3, channel_1=12, channel_2=8, num_classes=10)
    print(model(torch.zeros((64, 3, 32, 32), dtype=dtype)).size())


def check_accuracy_part34(loader, model):
    if loader.dataset.train:
        print("Checking accuracy on validation set")
    else:
        print("Checking accuracy on test set")
    num_correct = 0
    num_samples = 0
    model.eval()
    with torch.no_grad():
        for x, y in loader:
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.long)
            scores = model(x)
            _, preds = scores.max(1)
            num_correct += (preds == y).sum()
            num_samples += preds.size(0)
        acc = float(num_correct) / num_samples
        print("Got %d / %d correct (%.2f)" % (num_correct, num_samples, 100 * acc))


def train_part34(model, optimizer, epochs=1):
    model = model.to(device=device)
    for e in range(epochs):
        for t, (x, y) in enumerate(G["loader_train"]):
            model.train()
            x = x.to(device=device, dtype=dtype)
            y = y.to(device=device, dtype=torch.long)
            scores = model(x)
            loss = F.cross_entropy(scores, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if t % print_every == 0:
                print("Iteration %d, loss = %.4f" % (t, loss.item()))
                check_accuracy_part34(G["loader_val"], model)
                print()


class Flatten(nn.Module):
    def forward(self, x):
        return flatten(x)


def c_module_fc():
    model = TwoLayerFC(3 * 32 * 32, 400, 10)
    train_part34(model, optim.SGD(model.parameters(), lr=1e-2))


def c_module_conv():
    model = ThreeLayerConvNet(3, 32, 16, num_classes=10)
    train_part34(model, optim.SGD(model.parameters(), lr=3e-3))


def c_sequential_fc():
    model = nn.Sequential(Flatten(), nn.Linear(3 * 32 * 32, 400), nn.ReLU(), nn.Linear(400, 10))
    train_part34(model, optim.SGD(model.parameters(), lr=1e-2, momentum=0.9, nesterov=True))


def c_sequential_conv():
    model = nn.Sequential(
        nn.Conv2d(3, 32, 5, padding=2), nn.ReLU(), nn.Conv2d(32, 16, 3, padding=1), nn.ReLU(), Flatten(), nn.Linear(16 * 32 * 32, 10),
    )
    train_part34(model, optim.SGD(model.parameters(), lr=1e-2, momentum=0.9, nesterov=True))
    print(model)


def c_part5():
    global print_every
    model = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10),
    )
    optimizer = optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    print_every = 100
    train_part34(model, optimizer, 2)
    check_accuracy_part34(G["loader_test"], model)


def main():
    torch.manual_seed(0)  # torchlab run's fresh kernel
    noop = lambda: None  # noqa: E731 - a port cell that only defines
    for f in [noop, c_data, c_device, c_flatten, c_two_layer_fc, c_three_layer_convnet, lambda: random_weight((3, 5)), noop, noop,
              c_train_fc, c_train_conv, c_test_two_layer, c_test_three_layer, noop,
              c_module_fc, c_module_conv, c_sequential_fc, c_sequential_conv, c_part5]:
        run_cell(f)
    return list(CELLS)


if __name__ == "__main__":
    print(write_json({"cs231n": main()}, "cs231n.json"))
