"""Fixture for test/tutorials/loeber_notebook.test.ts: Patrick Loeber's "PyTorch Tutorials - Complete
Beginner Course" (patrickloeber/pytorchTutorial, python-engineer), the port's cells in order, run on
PyTorch 1.13 as Python source cells (exec in one namespace per section), each cell's stdout recorded
(grad_fn addresses stripped). The stand-ins (the test's header lists them): wine.csv is
loeber_wine.csv (written here, seeded), MNIST is torchvision's raw IDX files under ./data/MNIST/raw
with pixels from a formula, CIFAR10 is loeber_cifar/cifar-10-batches-py (written here with
gen_cifar_pickle's Python 2 pickler), both copied under ./data as the course names them; the hymenoptera folder is 32x32 PNGs from a formula written with
save_image; make_regression / load_breast_cancer are seeded torch draws.
Run: /usr/bin/python3 test/reference/gen_loeber.py"""
import contextlib
import io
import json
import os
import re
import sys
import shutil
import tempfile
import types
import warnings

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
warnings.simplefilter("ignore")

WINE = os.path.join(HERE, "loeber_wine.csv")
CIFAR = os.path.join(HERE, "loeber_cifar")


def write_wine():
    g = np.random.default_rng(7)
    rows = []
    for i in range(20):
        label = 1 + i % 3
        feats = [round(float(v), 2) for v in g.uniform(0.1, 15.0, size=13)]
        rows.append(",".join([str(label)] + [f"{v:.2f}" for v in feats]))
    header = "Wine,Alcohol,Malic.acid,Ash,Acl,Mg,Phenols,Flavanoids,Nonflavanoid.phenols,Proanth,Color.int,Hue,OD,Proline"
    with open(WINE, "w") as f:
        f.write(header + "\n" + "\n".join(rows) + "\n")


def write_cifar():
    from gen_cifar_pickle import dump

    folder = os.path.join(CIFAR, "cifar-10-batches-py")
    os.makedirs(folder, exist_ok=True)
    k = np.arange(3072)
    names = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
    for b, name in enumerate(names, start=1):
        n = 4 if name != "test_batch" else 12
        labels = [(b * 3 + i) % 10 if name != "test_batch" else i % 10 for i in range(n)]
        data = np.stack([(labels[i] * 23 + k * (1 + labels[i] % 3) + (k // 1024) * 40 + i * 5 + b) % 256 for i in range(n)]).astype(np.uint8)
        dump(os.path.join(folder, name), {
            b"batch_label": f"batch {b} of 6".encode(),
            b"labels": labels,
            b"data": data,
            b"filenames": [f"img_{b}_{i}.png".encode() for i in range(n)],
        }, 2)
    names = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
    dump(os.path.join(folder, "batches.meta"), {b"label_names": [s.encode() for s in names], b"num_cases_per_batch": 4, b"num_vis": 3072}, 2)


def write_mnist(root):
    """The port's setup cell writes the same bytes: image n's pixel (r, c) is
    (label * 25 + r * 3 + c * 5 + n) % 256 with label (n * 7) % 10."""
    raw = os.path.join(root, "MNIST", "raw")
    os.makedirs(raw, exist_ok=True)
    for prefix, n in (("train", 200), ("t10k", 100)):
        labels = [(i * 7) % 10 for i in range(n)]
        r = np.arange(28).reshape(28, 1)
        c = np.arange(28).reshape(1, 28)
        imgs = np.stack([(labels[i] * 25 + r * 3 + c * 5 + i) % 256 for i in range(n)]).astype(np.uint8)
        with open(os.path.join(raw, f"{prefix}-images-idx3-ubyte"), "wb") as f:
            f.write(bytes([0, 0, 8, 3]) + n.to_bytes(4, "big") + (28).to_bytes(4, "big") * 2 + imgs.tobytes())
        with open(os.path.join(raw, f"{prefix}-labels-idx1-ubyte"), "wb") as f:
            f.write(bytes([0, 0, 8, 1]) + n.to_bytes(4, "big") + bytes(labels))


def write_hymenoptera(root):
    """Image k of class j in split s: pixel (ch, h, w) is ((k * 17 + j * 90 + ch * 50 + h * 3 + w * (5 + j)) % 256) / 255."""
    from torchvision.utils import save_image

    for s, n in (("train", 4), ("val", 2)):
        for j, name in enumerate(["ants", "bees"]):
            d = os.path.join(root, "hymenoptera_data", s, name)
            os.makedirs(d, exist_ok=True)
            for k in range(n):
                ch = torch.arange(3).reshape(3, 1, 1)
                h = torch.arange(32).reshape(1, 32, 1)
                w = torch.arange(32).reshape(1, 1, 32)
                img = ((k * 17 + j * 90 + ch * 50 + h * 3 + w * (5 + j) + (7 if s == "val" else 0)) % 256).float() / 255
                save_image(img, os.path.join(d, f"{k}.png"))


def run_section(cells):
    torch.manual_seed(0)
    torch.set_printoptions(profile="default", sci_mode=None)
    torch.set_default_dtype(torch.float32)
    # a module of its own, so that torch.save can pickle the cells' classes by name
    mod = types.ModuleType("loeber_notebook")
    sys.modules[mod.__name__] = mod
    ns = mod.__dict__
    out = []
    for src in cells:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(src, ns)
        out.append({"printed": re.sub(r" at 0x[0-9a-f]+>", ">", buf.getvalue()), "shown": None})
    return out


SECTIONS = {}

# 02_tensor_basics.py (torch.empty is uninitialised: torch.zeros on both sides; float16 left out)
SECTIONS["tensor_basics"] = [
    """import torch
x = torch.zeros(1)
print(x)
x = torch.zeros(3)
print(x)
x = torch.zeros(2,3)
print(x)
x = torch.zeros(2,2,3)
print(x)""",
    """x = torch.rand(5, 3)
print(x)
x = torch.zeros(5, 3)
print(x)
print(x.size())
print(x.dtype)""",
    """x = torch.zeros(5, 3, dtype=torch.float64)
print(x)
print(x.dtype)
x = torch.tensor([5.5, 3])
print(x.size())
x = torch.tensor([5.5, 3], requires_grad=True)""",
    """y = torch.rand(2, 2)
x = torch.rand(2, 2)
z = x + y
z = torch.add(x,y)
print(z)
y.add_(x)
print(y)
z = x - y
z = torch.sub(x, y)
print(z)
z = x * y
z = torch.mul(x,y)
print(z)
z = x / y
z = torch.div(x,y)
print(z)""",
    """x = torch.rand(5,3)
print(x)
print(x[:, 0])
print(x[1, :])
print(x[1,1])
print(x[1,1].item())""",
    """x = torch.randn(4, 4)
y = x.view(16)
z = x.view(-1, 8)
print(x.size(), y.size(), z.size())""",
    """a = torch.ones(5)
print(a)
b = a.numpy()
print(b)
a.add_(1)
print(a)""",
    """if torch.cuda.is_available():
    device = torch.device("cuda")
print(torch.cuda.is_available())""",
]

# 03_autograd.py
SECTIONS["autograd"] = [
    """x = torch.randn(3, requires_grad=True)
y = x + 2
print(x)
print(y)
print(y.grad_fn)""",
    """z = y * y * 3
print(z)
z = z.mean()
print(z)
z.backward()
print(x.grad)""",
    """x = torch.randn(3, requires_grad=True)
y = x * 2
for _ in range(10):
    y = y * 2
print(y)
print(y.shape)
v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float32)
y.backward(v)
print(x.grad)""",
    """a = torch.randn(2, 2)
print(a.requires_grad)
b = ((a * 3) / (a - 1))
print(b.grad_fn)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)""",
    """a = torch.randn(2, 2, requires_grad=True)
print(a.requires_grad)
b = a.detach()
print(b.requires_grad)
a = torch.randn(2, 2, requires_grad=True)
print(a.requires_grad)
with torch.no_grad():
    print((x ** 2).requires_grad)""",
    """weights = torch.ones(4, requires_grad=True)
for epoch in range(3):
    model_output = (weights*3).sum()
    model_output.backward()
    print(weights.grad)
    with torch.no_grad():
        weights -= 0.1 * weights.grad
    weights.grad.zero_()
print(weights)
print(model_output)""",
]

# 04_backpropagation.py
SECTIONS["backpropagation"] = [
    """x = torch.tensor(1.0)
y = torch.tensor(2.0)
w = torch.tensor(1.0, requires_grad=True)
y_predicted = w * x
loss = (y_predicted - y)**2
print(loss)
loss.backward()
print(w.grad)
with torch.no_grad():
    w -= 0.01 * w.grad
w.grad.zero_()
print(w)""",
]

# 05_1 (NumPy arrays written as float32 tensors, the gradient by hand) and 05_2
SECTIONS["gradientdescent"] = [
    """X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = 0.0
def forward(x):
    return w * x
def loss(y, y_pred):
    return ((y_pred - y)**2).mean()
def gradient(x, y, y_pred):
    return (2*x*(y_pred - y)).mean()
print(f'Prediction before training: f(5) = {forward(5):.3f}')
learning_rate = 0.01
n_iters = 20
for epoch in range(n_iters):
    y_pred = forward(X)
    l = loss(Y, y_pred)
    dw = gradient(X, Y, y_pred)
    w -= learning_rate * dw
    if epoch % 2 == 0:
        print(f'epoch {epoch+1}: w = {w:.3f}, loss = {l:.8f}')
print(f'Prediction after training: f(5) = {forward(5):.3f}')""",
    """X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)
def forward(x):
    return w * x
def loss(y, y_pred):
    return ((y_pred - y)**2).mean()
print(f'Prediction before training: f(5) = {forward(5).item():.3f}')
learning_rate = 0.01
n_iters = 100
for epoch in range(n_iters):
    y_pred = forward(X)
    l = loss(Y, y_pred)
    l.backward()
    with torch.no_grad():
        w -= learning_rate * w.grad
    w.grad.zero_()
    if epoch % 10 == 0:
        print(f'epoch {epoch+1}: w = {w.item():.3f}, loss = {l.item():.8f}')
print(f'Prediction after training: f(5) = {forward(5).item():.3f}')""",
]

# 06_1 and 06_2
SECTIONS["loss_and_optimizer"] = [
    """import torch.nn as nn
X = torch.tensor([1, 2, 3, 4], dtype=torch.float32)
Y = torch.tensor([2, 4, 6, 8], dtype=torch.float32)
w = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)
def forward(x):
    return w * x
print(f'Prediction before training: f(5) = {forward(5).item():.3f}')
learning_rate = 0.01
n_iters = 100
loss = nn.MSELoss()
optimizer = torch.optim.SGD([w], lr=learning_rate)
for epoch in range(n_iters):
    y_predicted = forward(X)
    l = loss(Y, y_predicted)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
    if epoch % 10 == 0:
        print('epoch ', epoch+1, ': w = ', w, ' loss = ', l)
print(f'Prediction after training: f(5) = {forward(5).item():.3f}')""",
    """X = torch.tensor([[1], [2], [3], [4]], dtype=torch.float32)
Y = torch.tensor([[2], [4], [6], [8]], dtype=torch.float32)
n_samples, n_features = X.shape
print(f'#samples: {n_samples}, #features: {n_features}')
X_test = torch.tensor([5], dtype=torch.float32)
input_size = n_features
output_size = n_features
model = nn.Linear(input_size, output_size)
print(f'Prediction before training: f(5) = {model(X_test).item():.3f}')""",
    """learning_rate = 0.01
n_iters = 100
loss = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(n_iters):
    y_predicted = model(X)
    l = loss(Y, y_predicted)
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
    if epoch % 10 == 0:
        [w, b] = model.parameters()
        print('epoch ', epoch+1, ': w = ', w[0][0].item(), ' loss = ', l)
print(f'Prediction after training: f(5) = {model(X_test).item():.3f}')""",
    """class LinearRegression(nn.Module):
    def __init__(self, input_dim, output_dim):
        super(LinearRegression, self).__init__()
        self.lin = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.lin(x)

model = LinearRegression(input_size, output_size)
print(f'Prediction before training: f(5) = {model(X_test).item():.3f}')
print(model)""",
]

# 07_linear_regression.py: make_regression(n_samples=100, n_features=1, noise=20) is a seeded torch draw
SECTIONS["linear_regression"] = [
    """torch.manual_seed(4)
X = torch.randn(100, 1)
y = (X * 41.7 + torch.randn(100, 1) * 20).view(100)
y = y.view(y.shape[0], 1)
n_samples, n_features = X.shape
input_size = n_features
output_size = 1
model = nn.Linear(input_size, output_size)
learning_rate = 0.01
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
num_epochs = 100
for epoch in range(num_epochs):
    y_predicted = model(X)
    loss = criterion(y_predicted, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if (epoch+1) % 10 == 0:
        print(f'epoch: {epoch+1}, loss = {loss.item():.4f}')
predicted = model(X).detach()
print(predicted[:3])""",
]

# 08_logistic_regression.py: load_breast_cancer / train_test_split / StandardScaler are seeded torch
# draws, a randperm split and (x - mean) / std with the training set's population std
SECTIONS["logistic_regression"] = [
    """torch.manual_seed(1234)
X = torch.randn(120, 30)
y = ((X[:, 0] + 0.5 * X[:, 1] - 0.3 * X[:, 2] + 0.4 * torch.randn(120)) > 0).float()
n_samples, n_features = X.shape
perm = torch.randperm(n_samples)
X_train, X_test, y_train, y_test = X[perm[:96]] * 3 + 1, X[perm[96:]] * 3 + 1, y[perm[:96]], y[perm[96:]]
mean = X_train.mean(0)
std = X_train.std(0, unbiased=False)
X_train = (X_train - mean) / std
X_test = (X_test - mean) / std
y_train = y_train.view(y_train.shape[0], 1)
y_test = y_test.view(y_test.shape[0], 1)
print(n_samples, n_features)""",
    """class Model(nn.Module):
    def __init__(self, n_input_features):
        super(Model, self).__init__()
        self.linear = nn.Linear(n_input_features, 1)

    def forward(self, x):
        y_pred = torch.sigmoid(self.linear(x))
        return y_pred

model = Model(n_features)
num_epochs = 100
learning_rate = 0.01
criterion = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for epoch in range(num_epochs):
    y_pred = model(X_train)
    loss = criterion(y_pred, y_train)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if (epoch+1) % 10 == 0:
        print(f'epoch: {epoch+1}, loss = {loss.item():.4f}')
with torch.no_grad():
    y_predicted = model(X_test)
    y_predicted_cls = y_predicted.round()
    acc = y_predicted_cls.eq(y_test).sum() / float(y_test.shape[0])
    print(f'accuracy: {acc.item():.4f}')""",
]

# 11_softmax_and_crossentropy.py (the NumPy functions written with torch) and 12_activation_functions.py
SECTIONS["softmax_crossentropy"] = [
    """def softmax(x):
    return torch.exp(x) / torch.sum(torch.exp(x), axis=0)
x = torch.tensor([2.0, 1.0, 0.1])
outputs = softmax(x)
print('softmax numpy:', outputs)
x = torch.tensor([2.0, 1.0, 0.1])
outputs = torch.softmax(x, dim=0)
print('softmax torch:', outputs)""",
    """def cross_entropy(actual, predicted):
    EPS = 1e-15
    predicted = torch.clip(predicted, EPS, 1 - EPS)
    loss = -torch.sum(actual * torch.log(predicted))
    return loss
Y = torch.tensor([1, 0, 0])
Y_pred_good = torch.tensor([0.7, 0.2, 0.1])
Y_pred_bad = torch.tensor([0.1, 0.3, 0.6])
l1 = cross_entropy(Y, Y_pred_good)
l2 = cross_entropy(Y, Y_pred_bad)
print(f'Loss1 numpy: {l1:.4f}')
print(f'Loss2 numpy: {l2:.4f}')""",
    """loss = nn.CrossEntropyLoss()
Y = torch.tensor([0])
Y_pred_good = torch.tensor([[2.0, 1.0, 0.1]])
Y_pred_bad = torch.tensor([[0.5, 2.0, 0.3]])
l1 = loss(Y_pred_good, Y)
l2 = loss(Y_pred_bad, Y)
print(f'PyTorch Loss1: {l1.item():.4f}')
print(f'PyTorch Loss2: {l2.item():.4f}')
_, predictions1 = torch.max(Y_pred_good, 1)
_, predictions2 = torch.max(Y_pred_bad, 1)
print(f'Actual class: {Y.item()}, Y_pred1: {predictions1.item()}, Y_pred2: {predictions2.item()}')""",
    """Y = torch.tensor([2, 0, 1])
Y_pred_good = torch.tensor(
    [[0.1, 0.2, 3.9],
    [1.2, 0.1, 0.3],
    [0.3, 2.2, 0.2]])
Y_pred_bad = torch.tensor(
    [[0.9, 0.2, 0.1],
    [0.1, 0.3, 1.5],
    [1.2, 0.2, 0.5]])
l1 = loss(Y_pred_good, Y)
l2 = loss(Y_pred_bad, Y)
print(f'Batch Loss1:  {l1.item():.4f}')
print(f'Batch Loss2: {l2.item():.4f}')
_, predictions1 = torch.max(Y_pred_good, 1)
_, predictions2 = torch.max(Y_pred_bad, 1)
print(f'Actual class: {Y}, Y_pred1: {predictions1}, Y_pred2: {predictions2}')""",
    """class NeuralNet2(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(NeuralNet2, self).__init__()
        self.linear1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.linear1(x)
        out = self.relu(out)
        out = self.linear2(out)
        return out

model = NeuralNet2(input_size=28*28, hidden_size=5, num_classes=3)
criterion = nn.CrossEntropyLoss()
print(model)
print(criterion(model(torch.rand(2, 28*28)), torch.tensor([0, 2])))""",
    """import torch.nn.functional as F
x = torch.tensor([-1.0, 1.0, 2.0, 3.0])
output = torch.softmax(x, dim=0)
print(output)
sm = nn.Softmax(dim=0)
output = sm(x)
print(output)
output = torch.sigmoid(x)
print(output)
s = nn.Sigmoid()
output = s(x)
print(output)
output = torch.tanh(x)
print(output)
t = nn.Tanh()
output = t(x)
print(output)
output = torch.relu(x)
print(output)
relu = nn.ReLU()
output = relu(x)
print(output)
output = F.leaky_relu(x)
print(output)
lrelu = nn.LeakyReLU()
output = lrelu(x)
print(output)""",
    """class NeuralNet(nn.Module):
    def __init__(self, input_size, hidden_size):
        super(NeuralNet, self).__init__()
        self.linear1 = nn.Linear(input_size, hidden_size)
        self.linear2 = nn.Linear(hidden_size, 1)

    def forward(self, x):
        out = torch.relu(self.linear1(x))
        out = torch.sigmoid(self.linear2(out))
        return out

print(NeuralNet(4, 3)(torch.ones(2, 4)))""",
]

# 09_dataloader.py and 10_transformers.py: wine.csv is loeber_wine.csv (20 rows)
SECTIONS["dataloader"] = [
    """import math
from torch.utils.data import Dataset, DataLoader
class WineDataset(Dataset):

    def __init__(self):
        xy = torch.from_numpy(np.loadtxt('./data/wine/wine.csv', delimiter=',', dtype=np.float32, skiprows=1))
        self.n_samples = xy.shape[0]
        self.x_data = xy[:, 1:]
        self.y_data = xy[:, [0]]

    def __getitem__(self, index):
        return self.x_data[index], self.y_data[index]

    def __len__(self):
        return self.n_samples

dataset = WineDataset()
first_data = dataset[0]
features, labels = first_data
print(features, labels)""",
    """train_loader = DataLoader(dataset=dataset,
                          batch_size=4,
                          shuffle=True,
                          num_workers=2)
dataiter = iter(train_loader)
data = next(dataiter)
features, labels = data
print(features, labels)""",
    """num_epochs = 2
total_samples = len(dataset)
n_iterations = math.ceil(total_samples/4)
print(total_samples, n_iterations)
for epoch in range(num_epochs):
    for i, (inputs, labels) in enumerate(train_loader):
        if (i+1) % 5 == 0:
            print(f'Epoch: {epoch+1}/{num_epochs}, Step {i+1}/{n_iterations}| Inputs {inputs.shape} | Labels {labels.shape}')""",
    """import torchvision
train_dataset = torchvision.datasets.MNIST(root='./data',
                                           train=True,
                                           transform=torchvision.transforms.ToTensor(),
                                           download=True)
train_loader = DataLoader(dataset=train_dataset,
                                           batch_size=3,
                                           shuffle=True)
dataiter = iter(train_loader)
data = next(dataiter)
inputs, targets = data
print(inputs.shape, targets.shape)
print(targets, inputs[0, 0, 1, :6])""",
    """class WineDataset(Dataset):

    def __init__(self, transform=None):
        xy = torch.from_numpy(np.loadtxt('./data/wine/wine.csv', delimiter=',', dtype=np.float32, skiprows=1))
        self.n_samples = xy.shape[0]
        self.x_data = xy[:, 1:]
        self.y_data = xy[:, [0]]
        self.transform = transform

    def __getitem__(self, index):
        sample = self.x_data[index], self.y_data[index]
        if self.transform:
            sample = self.transform(sample)
        return sample

    def __len__(self):
        return self.n_samples

class ToTensor:
    def __call__(self, sample):
        inputs, targets = sample
        return torch.as_tensor(inputs), torch.as_tensor(targets)

class MulTransform:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, sample):
        inputs, targets = sample
        inputs *= self.factor
        return inputs, targets""",
    """print('Without Transform')
dataset = WineDataset()
first_data = dataset[0]
features, labels = first_data
print(features.type(), labels.type())
print(features, labels)
print('\\nWith Tensor Transform')
dataset = WineDataset(transform=ToTensor())
first_data = dataset[0]
features, labels = first_data
print(features.type(), labels.type())
print(features, labels)
print('\\nWith Tensor and Multiplication Transform')
composed = torchvision.transforms.Compose([ToTensor(), MulTransform(4)])
dataset = WineDataset(transform=composed)
first_data = dataset[0]
features, labels = first_data
print(features.type(), labels.type())
print(features, labels)
print(dataset.x_data[0, :3])""",
]

MNIST_HEAD = """import torchvision
import torchvision.transforms as transforms
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
"""

# 13_feedforward.py on the 200 + 100 formula digits: batch 20, print every 5 steps
SECTIONS["feedforward"] = [
    MNIST_HEAD + """input_size = 784
hidden_size = 500
num_classes = 10
num_epochs = 2
batch_size = 20
learning_rate = 0.001
train_dataset = torchvision.datasets.MNIST(root='./data',
                                           train=True,
                                           transform=transforms.ToTensor(),
                                           download=True)
test_dataset = torchvision.datasets.MNIST(root='./data',
                                          train=False,
                                          transform=transforms.ToTensor())
train_loader = torch.utils.data.DataLoader(dataset=train_dataset,
                                           batch_size=batch_size,
                                           shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=test_dataset,
                                          batch_size=batch_size,
                                          shuffle=False)
examples = iter(test_loader)
example_data, example_targets = next(examples)
print(example_data.shape, example_targets[:6])""",
    """class NeuralNet(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(NeuralNet, self).__init__()
        self.input_size = input_size
        self.l1 = nn.Linear(input_size, hidden_size)
        self.relu = nn.ReLU()
        self.l2 = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out = self.l1(x)
        out = self.relu(out)
        out = self.l2(out)
        return out

model = NeuralNet(input_size, hidden_size, num_classes).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
n_total_steps = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, 28*28).to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i+1) % 5 == 0:
            print (f'Epoch [{epoch+1}/{num_epochs}], Step [{i+1}/{n_total_steps}], Loss: {loss.item():.4f}')""",
    """with torch.no_grad():
    n_correct = 0
    n_samples = 0
    for images, labels in test_loader:
        images = images.reshape(-1, 28*28).to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
    acc = 100.0 * n_correct / n_samples
    print(f'Accuracy of the network on the 10000 test images: {acc} %')""",
]

# rnn-lstm-gru/main.py: the RNN, then the LSTM variant, on rows of the formula digits
RNN_CLASS = """class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(RNN, self).__init__()
        self.num_layers = num_layers
        self.hidden_size = hidden_size
        self.rnn = nn.RNN(input_size, hidden_size, num_layers, batch_first=True)
        self.fc = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        out, _ = self.rnn(x, h0)
        out = out[:, -1, :]
        out = self.fc(out)
        return out
"""
LSTM_CLASS = """class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, num_classes):
        super(RNN, self).__init__()
        self.num_layers = num_layers
        self.hidden_size = hidden_size
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
        self.fc = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        c0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size).to(device)
        out, _ = self.lstm(x, (h0,c0))
        out = out[:, -1, :]
        out = self.fc(out)
        return out
"""
RNN_TRAIN = """model = RNN(input_size, hidden_size, num_layers, num_classes).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
n_total_steps = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.reshape(-1, sequence_length, input_size).to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i+1) % 5 == 0:
            print (f'Epoch [{epoch+1}/{num_epochs}], Step [{i+1}/{n_total_steps}], Loss: {loss.item():.4f}')
with torch.no_grad():
    n_correct = 0
    n_samples = 0
    for images, labels in test_loader:
        images = images.reshape(-1, sequence_length, input_size).to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs.data, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
    acc = 100.0 * n_correct / n_samples
    print(f'Accuracy of the network on the 10000 test images: {acc} %')"""
SECTIONS["rnn"] = [
    MNIST_HEAD + """num_classes = 10
num_epochs = 1
batch_size = 20
learning_rate = 0.001
input_size = 28
sequence_length = 28
hidden_size = 32
num_layers = 2
train_dataset = torchvision.datasets.MNIST(root='./data', train=True, transform=transforms.ToTensor(), download=True)
test_dataset = torchvision.datasets.MNIST(root='./data', train=False, transform=transforms.ToTensor())
train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
test_loader = torch.utils.data.DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=False)""",
    RNN_CLASS + RNN_TRAIN,
    LSTM_CLASS + RNN_TRAIN,
]

# 14_cnn.py on loeber_cifar (20 training, 12 test images): 5 epochs of 5 steps, print every 5
SECTIONS["cnn"] = [
    """import torchvision
import torchvision.transforms as transforms
import torch.nn.functional as F
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
num_epochs = 5
batch_size = 4
learning_rate = 0.001
transform = transforms.Compose(
    [transforms.ToTensor(),
     transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
train_dataset = torchvision.datasets.CIFAR10(root='./data', train=True,
                                        download=True, transform=transform)
test_dataset = torchvision.datasets.CIFAR10(root='./data', train=False,
                                       download=True, transform=transform)
train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=batch_size,
                                          shuffle=True)
test_loader = torch.utils.data.DataLoader(test_dataset, batch_size=batch_size,
                                         shuffle=False)
classes = ('plane', 'car', 'bird', 'cat',
           'deer', 'dog', 'frog', 'horse', 'ship', 'truck')
dataiter = iter(train_loader)
images, labels = next(dataiter)
print(torchvision.utils.make_grid(images).shape, labels)""",
    """class ConvNet(nn.Module):
    def __init__(self):
        super(ConvNet, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

model = ConvNet().to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
n_total_steps = len(train_loader)
for epoch in range(num_epochs):
    for i, (images, labels) in enumerate(train_loader):
        images = images.to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (i+1) % 5 == 0:
            print (f'Epoch [{epoch+1}/{num_epochs}], Step [{i+1}/{n_total_steps}], Loss: {loss.item():.4f}')
print('Finished Training')
PATH = './cnn.pth'
torch.save(model.state_dict(), PATH)""",
    """with torch.no_grad():
    n_correct = 0
    n_samples = 0
    n_class_correct = [0 for i in range(10)]
    n_class_samples = [0 for i in range(10)]
    for images, labels in test_loader:
        images = images.to(device)
        labels = labels.to(device)
        outputs = model(images)
        _, predicted = torch.max(outputs, 1)
        n_samples += labels.size(0)
        n_correct += (predicted == labels).sum().item()
        for i in range(batch_size):
            label = labels[i]
            pred = predicted[i]
            if (label == pred):
                n_class_correct[label] += 1
            n_class_samples[label] += 1
    acc = 100.0 * n_correct / n_samples
    print(f'Accuracy of the network: {acc} %')
    for i in range(10):
        acc = 100.0 * n_class_correct[i] / n_class_samples[i]
        print(f'Accuracy of {classes[i]}: {acc} %')""",
]

# 17_save_load.py (the files in the notebook's folder)
SECTIONS["save_load"] = [
    """class Model(nn.Module):
    def __init__(self, n_input_features):
        super(Model, self).__init__()
        self.linear = nn.Linear(n_input_features, 1)

    def forward(self, x):
        y_pred = torch.sigmoid(self.linear(x))
        return y_pred

model = Model(n_input_features=6)
for param in model.parameters():
    print(param)""",
    """FILE = "model.pth"
torch.save(model, FILE)
loaded_model = torch.load(FILE)
loaded_model.eval()
for param in loaded_model.parameters():
    print(param)""",
    """FILE = "model.pth"
torch.save(model.state_dict(), FILE)
print(model.state_dict())
loaded_model = Model(n_input_features=6)
loaded_model.load_state_dict(torch.load(FILE))
loaded_model.eval()
print(loaded_model.state_dict())""",
    """learning_rate = 0.01
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
checkpoint = {
"epoch": 90,
"model_state": model.state_dict(),
"optim_state": optimizer.state_dict()
}
print(optimizer.state_dict())
FILE = "checkpoint.pth"
torch.save(checkpoint, FILE)""",
    """model = Model(n_input_features=6)
optimizer = torch.optim.SGD(model.parameters(), lr=0)
checkpoint = torch.load(FILE)
model.load_state_dict(checkpoint['model_state'])
optimizer.load_state_dict(checkpoint['optim_state'])
epoch = checkpoint['epoch']
model.eval()
print(optimizer.state_dict())
print(epoch, model.linear.bias)""",
]

# 15_transfer_learning.py on the 32x32 hymenoptera stand-in: resnet18(pretrained=False), crops of 32;
# the first model (every layer trained) left out (the test's header says why), the second trains 2 epochs
SECTIONS["transfer_learning"] = [
    """import torch.optim as optim
from torch.optim import lr_scheduler
import torchvision
from torchvision import datasets, models, transforms
import os
import copy
mean = torch.tensor([0.5, 0.5, 0.5])
std = torch.tensor([0.25, 0.25, 0.25])
data_transforms = {
    'train': transforms.Compose([
        transforms.RandomResizedCrop(32),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize(mean, std)
    ]),
    'val': transforms.Compose([
        transforms.Resize(32),
        transforms.CenterCrop(32),
        transforms.ToTensor(),
        transforms.Normalize(mean, std)
    ]),
}
data_dir = 'data/hymenoptera_data'
image_datasets = {x: datasets.ImageFolder(os.path.join(data_dir, x),
                                          data_transforms[x])
                  for x in ['train', 'val']}
dataloaders = {x: torch.utils.data.DataLoader(image_datasets[x], batch_size=4,
                                             shuffle=True, num_workers=0)
              for x in ['train', 'val']}
dataset_sizes = {x: len(image_datasets[x]) for x in ['train', 'val']}
class_names = image_datasets['train'].classes
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
print(class_names)
print(dataset_sizes)""",
    """inputs, classes = next(iter(dataloaders['train']))
out = torchvision.utils.make_grid(inputs)
print(out.shape, [class_names[x] for x in classes])""",
    """def train_model(model, criterion, optimizer, scheduler, num_epochs=25):
    best_model_wts = copy.deepcopy(model.state_dict())
    best_acc = 0.0
    for epoch in range(num_epochs):
        print('Epoch {}/{}'.format(epoch, num_epochs - 1))
        print('-' * 10)
        for phase in ['train', 'val']:
            if phase == 'train':
                model.train()
            else:
                model.eval()
            running_loss = 0.0
            running_corrects = 0
            for inputs, labels in dataloaders[phase]:
                inputs = inputs.to(device)
                labels = labels.to(device)
                with torch.set_grad_enabled(phase == 'train'):
                    outputs = model(inputs)
                    _, preds = torch.max(outputs, 1)
                    loss = criterion(outputs, labels)
                    if phase == 'train':
                        optimizer.zero_grad()
                        loss.backward()
                        optimizer.step()
                running_loss += loss.item() * inputs.size(0)
                running_corrects += torch.sum(preds == labels.data)
            if phase == 'train':
                scheduler.step()
            epoch_loss = running_loss / dataset_sizes[phase]
            epoch_acc = running_corrects.double() / dataset_sizes[phase]
            print('{} Loss: {:.4f} Acc: {:.4f}'.format(
                phase, epoch_loss, epoch_acc))
            if phase == 'val' and epoch_acc > best_acc:
                best_acc = epoch_acc
                best_model_wts = copy.deepcopy(model.state_dict())
        print()
    print('Best val Acc: {:4f}'.format(best_acc))
    model.load_state_dict(best_model_wts)
    return model""",
    """model_conv = torchvision.models.resnet18(pretrained=False)
for param in model_conv.parameters():
    param.requires_grad = False
num_ftrs = model_conv.fc.in_features
model_conv.fc = nn.Linear(num_ftrs, 2)
model_conv = model_conv.to(device)
criterion = nn.CrossEntropyLoss()
optimizer_conv = optim.SGD(model_conv.fc.parameters(), lr=0.001, momentum=0.9)
exp_lr_scheduler = lr_scheduler.StepLR(optimizer_conv, step_size=7, gamma=0.1)
model_conv = train_model(model_conv, criterion, optimizer_conv,
                         exp_lr_scheduler, num_epochs=2)""",
]


def main():
    import torchvision
    write_wine()
    write_cifar()
    # The stand-in's MD5s in the class's lists, as torchvision's tests do (CIFAR10 checks them; the
    # port's setup cell does the same).
    from torchvision.datasets.utils import calculate_md5
    folder = os.path.join(CIFAR, "cifar-10-batches-py")
    C = torchvision.datasets.CIFAR10
    C.train_list = [[f"data_batch_{i}", calculate_md5(os.path.join(folder, f"data_batch_{i}"))] for i in range(1, 6)]
    C.test_list = [["test_batch", calculate_md5(os.path.join(folder, "test_batch"))]]
    C.meta = {**C.meta, "md5": calculate_md5(os.path.join(folder, "batches.meta"))}
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            write_mnist("./data")
            write_hymenoptera("./data")
            os.makedirs("data/wine")
            shutil.copy(WINE, "data/wine/wine.csv")
            shutil.copytree(os.path.join(CIFAR, "cifar-10-batches-py"), "data/cifar-10-batches-py")
            for name, cells in SECTIONS.items():
                out[name] = run_section(["import torch\nimport torch.nn as nn\nimport numpy as np"] + cells)[1:]
        finally:
            os.chdir(cwd)
    with open(os.path.join(HERE, "loeber.json"), "w") as f:
        json.dump(out, f, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
