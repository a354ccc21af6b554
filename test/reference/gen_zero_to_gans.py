"""Fixture for test/tutorials/zero_to_gans_notebook.test.ts: Jovian's "Deep Learning with PyTorch: Zero to
GANs" (Aakash N S) lesson notebooks, the cells the port keeps, run on PyTorch 1.13 as IPython runs them:
each cell records what it prints and what Jupyter shows as its value (IPython's pretty repr).

MNIST is not available offline: the first cell of the logistic regression section writes a stand-in
in torchvision's layout (data/MNIST/raw/*-idx3-ubyte, 600 training and 200 test images of seeded noise
with a bright band of rows at the label's place) in a temporary folder, which both sides then read
with MNIST(root='data/'). Each section starts from torch.manual_seed(0), as `torchlab run` seeds a
fresh kernel. Lessons 4-6 (CIFAR10 CNN, ResNet9, the anime-faces DCGAN) read image folders their first
cells write (seeded PNGs, torchvision.io.write_png); the DCGAN's sample PNGs are read back. The test's
header lists what else is shrunk or left out."""
import ast
import contextlib
import io
import os
import sys

import torch
from IPython.lib.pretty import pretty

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _figures import take_figures  # noqa: E402
from _tutorial_common import write_json  # noqa: E402


def show(v):
    return pretty(v)


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None); the
    figures a cell shows or leaves open are recorded as the inline backend shows them."""
    torch.manual_seed(0)
    ns = {"__name__": "__main__", "torch": torch}
    out = []
    for src in cells:
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().split("\n")[-1].split("#")[0].rstrip().endswith(";") else None
        body = tree.body[:-1] if last is not None else tree.body
        buf = io.StringIO()
        shown = None
        with contextlib.redirect_stdout(buf):
            exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), ns)
            if last is not None:
                v = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                if v is not None:
                    shown = show(v)
        out.append({"printed": buf.getvalue(), "shown": shown, "figures": take_figures()})
    return out


# Lesson 1: PyTorch basics, gradient descent and linear regression from scratch, then torch.nn.
BASICS = [
    """import numpy as np
import torch""",
    """inputs = np.array([[73, 67, 43],
                   [91, 88, 64],
                   [87, 134, 58],
                   [102, 43, 37],
                   [69, 96, 70]], dtype='float32')""",
    """targets = np.array([[56, 70],
                    [81, 101],
                    [119, 133],
                    [22, 37],
                    [103, 119]], dtype='float32')""",
    """inputs = torch.from_numpy(inputs)
targets = torch.from_numpy(targets)
print(inputs)
print(targets)""",
    """w = torch.randn(2, 3, requires_grad=True)
b = torch.randn(2, requires_grad=True)
print(w)
print(b)""",
    """def model(x):
    return x @ w.t() + b""",
    """preds = model(inputs)
print(preds)""",
    """print(targets)""",
    """def mse(t1, t2):
    diff = t1 - t2
    return torch.sum(diff * diff) / diff.numel()""",
    """loss = mse(preds, targets)
print(loss)""",
    """loss.backward()""",
    """print(w)
print(w.grad)""",
    """print(b)
print(b.grad)""",
    """w.grad.zero_()
b.grad.zero_()
print(w.grad)
print(b.grad)""",
    """preds = model(inputs)
print(preds)""",
    """loss = mse(preds, targets)
print(loss)""",
    """loss.backward()
print(w.grad)
print(b.grad)""",
    """with torch.no_grad():
    w -= w.grad * 1e-5
    b -= b.grad * 1e-5
    w.grad.zero_()
    b.grad.zero_()""",
    """print(w)
print(b)""",
    """preds = model(inputs)
loss = mse(preds, targets)
print(loss)""",
    """for i in range(100):
    preds = model(inputs)
    loss = mse(preds, targets)
    loss.backward()
    with torch.no_grad():
        w -= w.grad * 1e-5
        b -= b.grad * 1e-5
        w.grad.zero_()
        b.grad.zero_()""",
    """preds = model(inputs)
loss = mse(preds, targets)
print(loss)""",
    """preds""",
    """targets""",
    """import torch.nn as nn""",
    """inputs = np.array([[73, 67, 43], [91, 88, 64], [87, 134, 58],
                   [102, 43, 37], [69, 96, 70], [74, 66, 43],
                   [91, 87, 65], [88, 134, 59], [101, 44, 37],
                   [68, 96, 71], [73, 66, 44], [92, 87, 64],
                   [87, 135, 57], [103, 43, 36], [68, 97, 70]],
                  dtype='float32')
targets = np.array([[56, 70], [81, 101], [119, 133],
                    [22, 37], [103, 119], [57, 69],
                    [80, 102], [118, 132], [21, 38],
                    [104, 118], [57, 69], [82, 100],
                    [118, 134], [20, 38], [102, 120]],
                   dtype='float32')
inputs = torch.from_numpy(inputs)
targets = torch.from_numpy(targets)""",
    """inputs""",
    """from torch.utils.data import TensorDataset""",
    """train_ds = TensorDataset(inputs, targets)
train_ds[0:3]""",
    """from torch.utils.data import DataLoader""",
    """batch_size = 5
train_dl = DataLoader(train_ds, batch_size, shuffle=True)""",
    """for xb, yb in train_dl:
    print(xb)
    print(yb)
    break""",
    """model = nn.Linear(3, 2)
print(model.weight)
print(model.bias)""",
    """list(model.parameters())""",
    """preds = model(inputs)
preds""",
    """import torch.nn.functional as F""",
    """loss_fn = F.mse_loss""",
    """loss = loss_fn(model(inputs), targets)
print(loss)""",
    """opt = torch.optim.SGD(model.parameters(), lr=1e-5)""",
    """def fit(num_epochs, model, loss_fn, opt, train_dl):
    for epoch in range(num_epochs):
        for xb, yb in train_dl:
            pred = model(xb)
            loss = loss_fn(pred, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
        if (epoch+1) % 10 == 0:
            print('Epoch [{}/{}], Loss: {:.4f}'.format(epoch+1, num_epochs, loss.item()))""",
    """fit(100, model, loss_fn, opt, train_dl)""",
    """preds = model(inputs)
preds""",
    """model(torch.tensor([[75, 63, 44.]]))""",
]

# Not a course cell: the MNIST stand-in (the course downloads MNIST), written where the course downloads it.
MNIST_SETUP = """import os, struct, tempfile
data_dir = tempfile.mkdtemp(prefix="zero-to-gans-")
def write_idx(file, magic, t):
    with open(file, "wb") as f:
        f.write(struct.pack(">" + "I" * (1 + t.dim()), magic, *t.shape))
        f.write(t.to(torch.uint8).numpy().tobytes())
os.makedirs(os.path.join(data_dir, "data", "MNIST", "raw"))
for prefix, n in [("train", 600), ("t10k", 200)]:
    labels = torch.randint(0, 10, [n])
    rows = torch.div(torch.arange(28), 3, rounding_mode='floor')
    images = torch.randint(0, 100, [n, 28, 28]) + (rows.view(1, 28, 1) == labels.view(n, 1, 1)).long() * 150
    write_idx(os.path.join(data_dir, "data", "MNIST", "raw", f"{prefix}-images-idx3-ubyte"), 2051, images)
    write_idx(os.path.join(data_dir, "data", "MNIST", "raw", f"{prefix}-labels-idx1-ubyte"), 2049, labels)
os.chdir(data_dir)"""

# Lesson 2: working with images and logistic regression (MNIST).
LOGISTIC = [
    MNIST_SETUP,
    """import torch
import torchvision
from torchvision.datasets import MNIST
import matplotlib.pyplot as plt""",
    """dataset = MNIST(root='data/', download=True)""",
    """len(dataset)""",
    """test_dataset = MNIST(root='data/', train=False)
len(test_dataset)""",
    """image, label = dataset[0]
print('Label:', label)""",
    """import torchvision.transforms as transforms""",
    """dataset = MNIST(root='data/',
                train=True,
                transform=transforms.ToTensor())""",
    """img_tensor, label = dataset[0]
print(img_tensor.shape, label)""",
    """print(img_tensor[0, 10:15, 10:15])
print(torch.max(img_tensor), torch.min(img_tensor))""",
    """from torch.utils.data import random_split

train_ds, val_ds = random_split(dataset, [500, 100])
len(train_ds), len(val_ds)""",
    """from torch.utils.data import DataLoader

batch_size = 128

train_loader = DataLoader(train_ds, batch_size, shuffle=True)
val_loader = DataLoader(val_ds, batch_size)""",
    """import torch.nn as nn

input_size = 28*28
num_classes = 10

model = nn.Linear(input_size, num_classes)""",
    """print(model.weight.shape)
model.weight""",
    """print(model.bias.shape)
model.bias""",
    """class MnistModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(input_size, num_classes)

    def forward(self, xb):
        xb = xb.reshape(-1, 784)
        out = self.linear(xb)
        return out

model = MnistModel()""",
    """model.linear""",
    """print(model.linear.weight.shape, model.linear.bias.shape)
list(model.parameters())""",
    """for images, labels in train_loader:
    print(images.shape)
    outputs = model(images)
    break

print('outputs.shape : ', outputs.shape)
print('Sample outputs :\\n', outputs[:2].data)""",
    """import torch.nn.functional as F""",
    """probs = F.softmax(outputs, dim=1)

print("Sample probabilities:\\n", probs[:2].data)

print("Sum: ", torch.sum(probs[0]).item())""",
    """max_probs, preds = torch.max(probs, dim=1)
print(preds)
print(max_probs)""",
    """labels""",
    """def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))""",
    """accuracy(outputs, labels)""",
    """loss_fn = F.cross_entropy""",
    """loss = loss_fn(outputs, labels)
print(loss)""",
    """def fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD):
    optimizer = opt_func(model.parameters(), lr)
    history = []

    for epoch in range(epochs):

        for batch in train_loader:
            loss = model.training_step(batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()

        result = evaluate(model, val_loader)
        model.epoch_end(epoch, result)
        history.append(result)

    return history""",
    """def evaluate(model, val_loader):
    outputs = [model.validation_step(batch) for batch in val_loader]
    return model.validation_epoch_end(outputs)""",
    """class MnistModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(input_size, num_classes)

    def forward(self, xb):
        xb = xb.reshape(-1, 784)
        out = self.linear(xb)
        return out

    def training_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        return loss

    def validation_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        acc = accuracy(out, labels)
        return {'val_loss': loss, 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], val_loss: {:.4f}, val_acc: {:.4f}".format(epoch, result['val_loss'], result['val_acc']))

model = MnistModel()""",
    """result0 = evaluate(model, val_loader)
print(result0)""",
    """history1 = fit(5, 0.001, model, train_loader, val_loader)""",
    """history2 = fit(5, 0.001, model, train_loader, val_loader)""",
    """history3 = fit(5, 0.001, model, train_loader, val_loader)""",
    """history4 = fit(5, 0.001, model, train_loader, val_loader)""",
    """history = [result0] + history1 + history2 + history3 + history4
accuracies = [result['val_acc'] for result in history]
print(len(history), accuracies[-1])""",
    """plt.plot(accuracies, '-x')
plt.xlabel('epoch')
plt.ylabel('accuracy')
plt.title('Accuracy vs. No. of epochs');""",
    """test_dataset = MNIST(root='data/',
                     train=False,
                     transform=transforms.ToTensor())""",
    """img, label = test_dataset[0]
print('Shape:', img.shape)
print('Label:', label)""",
    """def predict_image(img, model):
    xb = img.unsqueeze(0)
    yb = model(xb)
    _, preds = torch.max(yb, dim=1)
    return preds[0].item()""",
    """img, label = test_dataset[0]
print('Label:', label, ', Predicted:', predict_image(img, model))""",
    """img, label = test_dataset[10]
print('Label:', label, ', Predicted:', predict_image(img, model))""",
    """img, label = test_dataset[193]
print('Label:', label, ', Predicted:', predict_image(img, model))""",
    """test_loader = DataLoader(test_dataset, batch_size=256)
result = evaluate(model, test_loader)
print(result)""",
    """torch.save(model.state_dict(), 'mnist-logistic.pth')""",
    """model.state_dict()""",
    """model2 = MnistModel()""",
    """model2.state_dict()""",
    """evaluate(model2, test_loader)['val_acc'] == result['val_acc']""",
    """model2.load_state_dict(torch.load('mnist-logistic.pth'))
model2.state_dict()""",
    """test_loader = DataLoader(test_dataset, batch_size=256)
result = evaluate(model2, test_loader)
print(result)""",
]

# Lesson 3: training deep neural networks on a GPU (here the CPU), with the GPU helpers.
FEEDFORWARD = [
    """import torch
import torchvision
import numpy as np
import torch.nn as nn
import torch.nn.functional as F
from torchvision.datasets import MNIST
from torchvision.transforms import ToTensor
from torchvision.utils import make_grid
from torch.utils.data.dataloader import DataLoader
import matplotlib.pyplot as plt
from torch.utils.data import random_split""",
    """dataset = MNIST(root='data/', download=True, transform=ToTensor())""",
    """image, label = dataset[0]
print('image.shape:', image.shape)
print('Label:', label)""",
    """val_size = 100
train_size = len(dataset) - val_size

train_ds, val_ds = random_split(dataset, [train_size, val_size])
len(train_ds), len(val_ds)""",
    """batch_size=128""",
    """train_loader = DataLoader(train_ds, batch_size, shuffle=True)
val_loader = DataLoader(val_ds, batch_size*2)""",
    """for images, _ in train_loader:
    print('images.shape:', images.shape)
    print('grid.shape:', make_grid(images, nrow=16).permute((1, 2, 0)).shape)
    break""",
    """for images, labels in train_loader:
    print('images.shape:', images.shape)
    inputs = images.reshape(-1, 784)
    print('inputs.shape:', inputs.shape)
    break""",
    """input_size = inputs.shape[-1]
hidden_size = 32""",
    """layer1 = nn.Linear(input_size, hidden_size)""",
    """inputs.shape""",
    """layer1_outputs = layer1(inputs)
print('layer1_outputs.shape:', layer1_outputs.shape)""",
    """layer1_outputs_direct = inputs @ layer1.weight.t() + layer1.bias
layer1_outputs_direct.shape""",
    """torch.allclose(layer1_outputs, layer1_outputs_direct, 1e-3)""",
    """F.relu(torch.tensor([[1, -1, 0],
                     [-0.1, .2, 3]]))""",
    """relu_outputs = F.relu(layer1_outputs)
print('min(layer1_outputs):', torch.min(layer1_outputs).item())
print('min(relu_outputs):', torch.min(relu_outputs).item())""",
    """output_size = 10
layer2 = nn.Linear(hidden_size, output_size)""",
    """layer2_outputs = layer2(relu_outputs)
print(layer2_outputs.shape)""",
    """inputs.shape""",
    """F.cross_entropy(layer2_outputs, labels)""",
    """outputs = (F.relu(inputs @ layer1.weight.t() + layer1.bias)) @ layer2.weight.t() + layer2.bias""",
    """torch.allclose(outputs, layer2_outputs, 1e-3)""",
    """outputs2 = (inputs @ layer1.weight.t() + layer1.bias) @ layer2.weight.t() + layer2.bias""",
    """combined_layer = nn.Linear(input_size, output_size)

combined_layer.weight.data = layer2.weight @ layer1.weight
combined_layer.bias.data = layer1.bias @ layer2.weight.t() + layer2.bias""",
    """outputs3 = inputs @ combined_layer.weight.t() + combined_layer.bias""",
    """torch.allclose(outputs2, outputs3, 1e-3)""",
    """class MnistModel(nn.Module):
    \"\"\"Feedfoward neural network with 1 hidden layer\"\"\"
    def __init__(self, in_size, hidden_size, out_size):
        super().__init__()
        self.linear1 = nn.Linear(in_size, hidden_size)
        self.linear2 = nn.Linear(hidden_size, out_size)

    def forward(self, xb):
        xb = xb.view(xb.size(0), -1)
        out = self.linear1(xb)
        out = F.relu(out)
        out = self.linear2(out)
        return out

    def training_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        return loss

    def validation_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        acc = accuracy(out, labels)
        return {'val_loss': loss, 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], val_loss: {:.4f}, val_acc: {:.4f}".format(epoch, result['val_loss'], result['val_acc']))""",
    """def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))""",
    """input_size = 784
hidden_size = 32
num_classes = 10""",
    """model = MnistModel(input_size, hidden_size=32, out_size=num_classes)""",
    """for t in model.parameters():
    print(t.shape)""",
    """for images, labels in train_loader:
    outputs = model(images)
    loss = F.cross_entropy(outputs, labels)
    print('Loss:', loss.item())
    break

print('outputs.shape : ', outputs.shape)
print('Sample outputs :\\n', outputs[:2].data)""",
    """torch.cuda.is_available()""",
    """def get_default_device():
    \"\"\"Pick GPU if available, else CPU\"\"\"
    if torch.cuda.is_available():
        return torch.device('cuda')
    else:
        return torch.device('cpu')""",
    """device = get_default_device()
device""",
    """def to_device(data, device):
    \"\"\"Move tensor(s) to chosen device\"\"\"
    if isinstance(data, (list,tuple)):
        return [to_device(x, device) for x in data]
    return data.to(device, non_blocking=True)""",
    """for images, labels in train_loader:
    print(images.shape)
    images = to_device(images, device)
    print(images.device)
    break""",
    """class DeviceDataLoader():
    \"\"\"Wrap a dataloader to move data to a device\"\"\"
    def __init__(self, dl, device):
        self.dl = dl
        self.device = device

    def __iter__(self):
        \"\"\"Yield a batch of data after moving it to device\"\"\"
        for b in self.dl:
            yield to_device(b, self.device)

    def __len__(self):
        \"\"\"Number of batches\"\"\"
        return len(self.dl)""",
    """def some_numbers():
    yield 10
    yield 20
    yield 30

for value in some_numbers():
    print(value)""",
    """train_loader = DeviceDataLoader(train_loader, device)
val_loader = DeviceDataLoader(val_loader, device)""",
    """for xb, yb in val_loader:
    print('xb.device:', xb.device)
    print('yb:', yb)
    break""",
    """len(train_loader), len(val_loader)""",
    """xb, yb = next(iter(train_loader))
print(xb.shape, yb[:8])""",
    """def evaluate(model, val_loader):
    \"\"\"Evaluate the model's performance on the validation set\"\"\"
    outputs = [model.validation_step(batch) for batch in val_loader]
    return model.validation_epoch_end(outputs)

def fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD):
    \"\"\"Train the model using gradient descent\"\"\"
    history = []
    optimizer = opt_func(model.parameters(), lr)
    for epoch in range(epochs):
        for batch in train_loader:
            loss = model.training_step(batch)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        result = evaluate(model, val_loader)
        model.epoch_end(epoch, result)
        history.append(result)
    return history""",
    """model = MnistModel(input_size, hidden_size=hidden_size, out_size=num_classes)
to_device(model, device)""",
    """history = [evaluate(model, val_loader)]
print(history)""",
    """history += fit(5, 0.5, model, train_loader, val_loader)""",
    """history += fit(5, 0.1, model, train_loader, val_loader)""",
    """losses = [x['val_loss'] for x in history]
accuracies = [x['val_acc'] for x in history]
print(len(history), f"{losses[-1]:.4f}", f"{accuracies[-1]:.4f}")""",
    """plt.plot(losses, '-x')
plt.xlabel('epoch')
plt.ylabel('loss')
plt.title('Loss vs. No. of epochs');""",
    """plt.plot(accuracies, '-x')
plt.xlabel('epoch')
plt.ylabel('accuracy')
plt.title('Accuracy vs. No. of epochs');""",
    """test_dataset = MNIST(root='data/', train=False, transform=ToTensor())
def predict_image(img, model):
    xb = to_device(img.unsqueeze(0), device)
    yb = model(xb)
    _, preds  = torch.max(yb, dim=1)
    return preds[0].item()""",
    """img, label = test_dataset[0]
print('Label:', label, ', Predicted:', predict_image(img, model))""",
    """test_loader = DeviceDataLoader(DataLoader(test_dataset, batch_size=256), device)
result = evaluate(model, test_loader)
print(result)""",
    """torch.save(model.state_dict(), 'mnist-feedforward.pth')""",
]

# Lesson 5's training machinery (ImageClassificationBase, @torch.no_grad() evaluate, get_lr, fit_one_cycle
# with OneCycleLR, weight decay and gradient clipping, Adam) on lesson 3's loaders and a small nn.Sequential
# net in place of ResNet9 (time): run after lesson 3's cells, in the same namespace.
ONE_CYCLE = [
    """def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))

class ImageClassificationBase(nn.Module):
    def training_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        return loss

    def validation_step(self, batch):
        images, labels = batch
        out = self(images)
        loss = F.cross_entropy(out, labels)
        acc = accuracy(out, labels)
        return {'val_loss': loss.detach(), 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], last_lr: {:.5f}, train_loss: {:.4f}, val_loss: {:.4f}, val_acc: {:.4f}".format(
            epoch, result['lrs'][-1], result['train_loss'], result['val_loss'], result['val_acc']))""",
    """class MnistNet(ImageClassificationBase):
    def __init__(self, in_size, num_classes):
        super().__init__()
        self.network = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_size, 32),
            nn.ReLU(inplace=True),
            nn.Dropout(0.0),
            nn.Linear(32, num_classes))

    def forward(self, xb):
        return self.network(xb)""",
    """model = to_device(MnistNet(784, 10), device)
model""",
    """@torch.no_grad()
def evaluate(model, val_loader):
    model.eval()
    outputs = [model.validation_step(batch) for batch in val_loader]
    return model.validation_epoch_end(outputs)

def get_lr(optimizer):
    for param_group in optimizer.param_groups:
        return param_group['lr']

def fit_one_cycle(epochs, max_lr, model, train_loader, val_loader,
                  weight_decay=0, grad_clip=None, opt_func=torch.optim.SGD):
    torch.cuda.empty_cache()
    history = []

    optimizer = opt_func(model.parameters(), max_lr, weight_decay=weight_decay)
    sched = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, epochs=epochs,
                                                steps_per_epoch=len(train_loader))

    for epoch in range(epochs):
        model.train()
        train_losses = []
        lrs = []
        for batch in train_loader:
            loss = model.training_step(batch)
            train_losses.append(loss)
            loss.backward()

            if grad_clip:
                nn.utils.clip_grad_value_(model.parameters(), grad_clip)

            optimizer.step()
            optimizer.zero_grad()

            lrs.append(get_lr(optimizer))
            sched.step()

        result = evaluate(model, val_loader)
        result['train_loss'] = torch.stack(train_losses).mean().item()
        result['lrs'] = lrs
        model.epoch_end(epoch, result)
        history.append(result)
    return history""",
    """history = [evaluate(model, val_loader)]
print(history)""",
    """epochs = 3
max_lr = 0.01
grad_clip = 0.1
weight_decay = 1e-4
opt_func = torch.optim.Adam""",
    """history += fit_one_cycle(epochs, max_lr, model, train_loader, val_loader,
                             grad_clip=grad_clip,
                             weight_decay=weight_decay,
                             opt_func=opt_func)""",
    """lrs = [x.get('lrs', []) for x in history]
print(len(history), [len(l) for l in lrs])
print([f"{lr:.6f}" for l in lrs for lr in l])""",
    """print([f"{x['val_acc']:.4f}" for x in history])
print([f"{x['train_loss']:.4f}" for x in history[1:]])""",
]

# Not a course cell: the CIFAR10 stand-in (the course downloads cifar10.tgz), the course's folder layout
# data/cifar10/{train,test}/<class>/*.png: 4 training and 1 test 32x32 PNG per class, seeded noise with a
# bright band of rows at the class's place, written with torchvision.io.write_png in a temporary folder.
CIFAR_SETUP = """import os, tempfile
from torchvision.io import write_png
os.chdir(tempfile.mkdtemp(prefix="zero-to-gans-cifar-"))
cifar_classes = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']
for split, n in [('train', 4), ('test', 1)]:
    for c, name in enumerate(cifar_classes):
        os.makedirs(os.path.join('data', 'cifar10', split, name))
        for i in range(n):
            band = (torch.div(torch.arange(32), 3, rounding_mode='floor') == c).long().view(1, 32, 1)
            img = torch.randint(0, 120, [3, 32, 32]) + band * torch.tensor([130, 60 + 7 * c, 130 - 13 * c]).view(3, 1, 1)
            write_png(img.to(torch.uint8), os.path.join('data', 'cifar10', split, name, f'{i:04d}.png'))"""

# Lesson 4: classifying CIFAR10 images with a CNN (channel counts divided by 8, see the test's header).
CIFAR_CNN = [
    CIFAR_SETUP,
    """import os
import torch
import torchvision
from torch.utils.data import random_split""",
    """data_dir = './data/cifar10'
print(sorted(os.listdir(data_dir)))
classes = sorted(os.listdir(data_dir + "/train"))
print(classes)""",
    """airplane_files = sorted(os.listdir(data_dir + "/train/airplane"))
print('No. of training examples for airplanes:', len(airplane_files))
print(airplane_files[:5])""",
    """from torchvision.datasets import ImageFolder
from torchvision.transforms import ToTensor""",
    """dataset = ImageFolder(data_dir+'/train', transform=ToTensor())""",
    """img, label = dataset[0]
print(img.shape, label)
img[:, 0:2, 0:4]""",
    """print(dataset.classes)""",
    """random_seed = 42
torch.manual_seed(random_seed);""",
    """val_size = 10
train_size = len(dataset) - val_size

train_ds, val_ds = random_split(dataset, [train_size, val_size])
len(train_ds), len(val_ds)""",
    """from torch.utils.data.dataloader import DataLoader

batch_size=16""",
    """train_dl = DataLoader(train_ds, batch_size, shuffle=True)
val_dl = DataLoader(val_ds, batch_size*2)""",
    """def apply_kernel(image, kernel):
    ri, ci = image.shape       # image dimensions
    rk, ck = kernel.shape      # kernel dimensions
    ro, co = ri-rk+1, ci-ck+1  # output dimensions
    output = torch.zeros([ro, co])
    for i in range(ro):
        for j in range(co):
            output[i,j] = torch.sum(image[i:i+rk,j:j+ck] * kernel)
    return output""",
    """sample_image = torch.tensor([
    [3, 3, 2, 1, 0],
    [0, 0, 1, 3, 1],
    [3, 1, 2, 2, 3],
    [2, 0, 0, 2, 2],
    [2, 0, 0, 0, 1]
], dtype=torch.float32)

sample_kernel = torch.tensor([
    [0, 1, 2],
    [2, 2, 0],
    [0, 1, 2]
], dtype=torch.float32)

apply_kernel(sample_image, sample_kernel)""",
    """import torch.nn as nn
import torch.nn.functional as F""",
    """simple_model = nn.Sequential(
    nn.Conv2d(3, 8, kernel_size=3, stride=1, padding=1),
    nn.MaxPool2d(2, 2)
)""",
    """for images, labels in train_dl:
    print('images.shape:', images.shape)
    out = simple_model(images)
    print('out.shape:', out.shape)
    break""",
    """class ImageClassificationBase(nn.Module):
    def training_step(self, batch):
        images, labels = batch
        out = self(images)                  # Generate predictions
        loss = F.cross_entropy(out, labels) # Calculate loss
        return loss

    def validation_step(self, batch):
        images, labels = batch
        out = self(images)                    # Generate predictions
        loss = F.cross_entropy(out, labels)   # Calculate loss
        acc = accuracy(out, labels)           # Calculate accuracy
        return {'val_loss': loss.detach(), 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()   # Combine losses
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()      # Combine accuracies
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], train_loss: {:.4f}, val_loss: {:.4f}, val_acc: {:.4f}".format(
            epoch, result['train_loss'], result['val_loss'], result['val_acc']))

def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))""",
    """class Cifar10CnnModel(ImageClassificationBase):
    def __init__(self):
        super().__init__()
        self.network = nn.Sequential(
            nn.Conv2d(3, 4, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.Conv2d(4, 8, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2, 2), # output: 8 x 16 x 16

            nn.Conv2d(8, 16, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.Conv2d(16, 16, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2, 2), # output: 16 x 8 x 8

            nn.Conv2d(16, 32, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.Conv2d(32, 32, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2, 2), # output: 32 x 4 x 4

            nn.Flatten(),
            nn.Linear(32*4*4, 128),
            nn.ReLU(),
            nn.Linear(128, 64),
            nn.ReLU(),
            nn.Linear(64, 10))

    def forward(self, xb):
        return self.network(xb)""",
    """model = Cifar10CnnModel()
model""",
    """for images, labels in train_dl:
    print('images.shape:', images.shape)
    out = model(images)
    print('out.shape:', out.shape)
    print('out[0]:', out[0])
    break""",
    """def get_default_device():
    if torch.cuda.is_available():
        return torch.device('cuda')
    else:
        return torch.device('cpu')

def to_device(data, device):
    if isinstance(data, (list,tuple)):
        return [to_device(x, device) for x in data]
    return data.to(device, non_blocking=True)

class DeviceDataLoader():
    def __init__(self, dl, device):
        self.dl = dl
        self.device = device

    def __iter__(self):
        for b in self.dl:
            yield to_device(b, self.device)

    def __len__(self):
        return len(self.dl)""",
    """device = get_default_device()
device""",
    """train_dl = DeviceDataLoader(train_dl, device)
val_dl = DeviceDataLoader(val_dl, device)
to_device(model, device);""",
    """@torch.no_grad()
def evaluate(model, val_loader):
    model.eval()
    outputs = [model.validation_step(batch) for batch in val_loader]
    return model.validation_epoch_end(outputs)

def fit(epochs, lr, model, train_loader, val_loader, opt_func=torch.optim.SGD):
    history = []
    optimizer = opt_func(model.parameters(), lr)
    for epoch in range(epochs):
        # Training Phase
        model.train()
        train_losses = []
        for batch in train_loader:
            loss = model.training_step(batch)
            train_losses.append(loss)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        # Validation phase
        result = evaluate(model, val_loader)
        result['train_loss'] = torch.stack(train_losses).mean().item()
        model.epoch_end(epoch, result)
        history.append(result)
    return history""",
    """model = to_device(Cifar10CnnModel(), device)""",
    """print(evaluate(model, val_dl))""",
    """num_epochs = 3
opt_func = torch.optim.Adam
lr = 0.001""",
    """history = fit(num_epochs, lr, model, train_dl, val_dl, opt_func)""",
    """test_dataset = ImageFolder(data_dir+'/test', transform=ToTensor())""",
    """def predict_image(img, model):
    # Convert to a batch of 1
    xb = to_device(img.unsqueeze(0), device)
    # Get predictions from model
    yb = model(xb)
    # Pick index with highest probability
    _, preds  = torch.max(yb, dim=1)
    # Retrieve the class label
    return dataset.classes[preds[0].item()]""",
    """img, label = test_dataset[0]
print('Label:', dataset.classes[label], ', Predicted:', predict_image(img, model))""",
    """img, label = test_dataset[8]
print('Label:', dataset.classes[label], ', Predicted:', predict_image(img, model))""",
    """test_loader = DeviceDataLoader(DataLoader(test_dataset, batch_size*2), device)
result = evaluate(model, test_loader)
print(result)""",
    """torch.save(model.state_dict(), 'cifar10-cnn.pth')""",
    """model2 = to_device(Cifar10CnnModel(), device)""",
    """model2.load_state_dict(torch.load('cifar10-cnn.pth'))""",
    """print(evaluate(model2, test_loader))""",
]

DEVICE_HELPERS = """def get_default_device():
    if torch.cuda.is_available():
        return torch.device('cuda')
    else:
        return torch.device('cpu')

def to_device(data, device):
    if isinstance(data, (list,tuple)):
        return [to_device(x, device) for x in data]
    return data.to(device, non_blocking=True)

class DeviceDataLoader():
    def __init__(self, dl, device):
        self.dl = dl
        self.device = device

    def __iter__(self):
        for b in self.dl:
            yield to_device(b, self.device)

    def __len__(self):
        return len(self.dl)"""

# Lesson 5: ResNet9 with data augmentation and fit_one_cycle, on lesson 4's CIFAR10 stand-in (run after it,
# in its folder); channel counts divided by 8.
RESNET = [
    """import os
import torch
import torchvision
import torch.nn as nn
import torch.nn.functional as F
from torchvision.datasets import ImageFolder
from torch.utils.data import DataLoader
import torchvision.transforms as tt
from torch.utils.data import random_split
from torchvision.utils import make_grid""",
    """data_dir = './data/cifar10'
classes = sorted(os.listdir(data_dir + "/train"))
print(classes)""",
    """stats = ((0.4914, 0.4822, 0.4465), (0.2023, 0.1994, 0.2010))
train_tfms = tt.Compose([tt.RandomCrop(32, padding=4, padding_mode='reflect'),
                         tt.RandomHorizontalFlip(),
                         tt.ToTensor(),
                         tt.Normalize(*stats,inplace=True)])
valid_tfms = tt.Compose([tt.ToTensor(), tt.Normalize(*stats)])""",
    """train_ds = ImageFolder(data_dir+'/train', train_tfms)
valid_ds = ImageFolder(data_dir+'/test', valid_tfms)""",
    """batch_size = 16""",
    """train_dl = DataLoader(train_ds, batch_size, shuffle=True)
valid_dl = DataLoader(valid_ds, batch_size*2)""",
    """def denormalize(images, means, stds):
    means = torch.tensor(means).reshape(1, 3, 1, 1)
    stds = torch.tensor(stds).reshape(1, 3, 1, 1)
    return images * stds + means""",
    """for images, labels in train_dl:
    denorm_images = denormalize(images, *stats)
    print(images.shape, labels)
    print(denorm_images[0, :, 0:3, 0:6])
    print(make_grid(denorm_images[:64], nrow=8).permute(1, 2, 0).clamp(0,1).shape)
    break""",
    DEVICE_HELPERS,
    """device = get_default_device()
device""",
    """train_dl = DeviceDataLoader(train_dl, device)
valid_dl = DeviceDataLoader(valid_dl, device)""",
    """class SimpleResidualBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels=3, out_channels=3, kernel_size=3, stride=1, padding=1)
        self.relu1 = nn.ReLU()
        self.conv2 = nn.Conv2d(in_channels=3, out_channels=3, kernel_size=3, stride=1, padding=1)
        self.relu2 = nn.ReLU()

    def forward(self, x):
        out = self.conv1(x)
        out = self.relu1(out)
        out = self.conv2(out)
        return self.relu2(out) + x # ReLU can be applied before or after adding the input""",
    """simple_resnet = to_device(SimpleResidualBlock(), device)

for images, labels in train_dl:
    out = simple_resnet(images)
    print(out.shape)
    break

torch.cuda.empty_cache()""",
    """def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))

class ImageClassificationBase(nn.Module):
    def training_step(self, batch):
        images, labels = batch
        out = self(images)                  # Generate predictions
        loss = F.cross_entropy(out, labels) # Calculate loss
        return loss

    def validation_step(self, batch):
        images, labels = batch
        out = self(images)                    # Generate predictions
        loss = F.cross_entropy(out, labels)   # Calculate loss
        acc = accuracy(out, labels)           # Calculate accuracy
        return {'val_loss': loss.detach(), 'val_acc': acc}

    def validation_epoch_end(self, outputs):
        batch_losses = [x['val_loss'] for x in outputs]
        epoch_loss = torch.stack(batch_losses).mean()   # Combine losses
        batch_accs = [x['val_acc'] for x in outputs]
        epoch_acc = torch.stack(batch_accs).mean()      # Combine accuracies
        return {'val_loss': epoch_loss.item(), 'val_acc': epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch [{}], last_lr: {:.5f}, train_loss: {:.4f}, val_loss: {:.4f}, val_acc: {:.4f}".format(
            epoch, result['lrs'][-1], result['train_loss'], result['val_loss'], result['val_acc']))""",
    """def conv_block(in_channels, out_channels, pool=False):
    layers = [nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1),
              nn.BatchNorm2d(out_channels),
              nn.ReLU(inplace=True)]
    if pool: layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers)

class ResNet9(ImageClassificationBase):
    def __init__(self, in_channels, num_classes):
        super().__init__()

        self.conv1 = conv_block(in_channels, 8)
        self.conv2 = conv_block(8, 16, pool=True)
        self.res1 = nn.Sequential(conv_block(16, 16), conv_block(16, 16))

        self.conv3 = conv_block(16, 32, pool=True)
        self.conv4 = conv_block(32, 64, pool=True)
        self.res2 = nn.Sequential(conv_block(64, 64), conv_block(64, 64))

        self.classifier = nn.Sequential(nn.MaxPool2d(4),
                                        nn.Flatten(),
                                        nn.Dropout(0.2),
                                        nn.Linear(64, num_classes))

    def forward(self, xb):
        out = self.conv1(xb)
        out = self.conv2(out)
        out = self.res1(out) + out
        out = self.conv3(out)
        out = self.conv4(out)
        out = self.res2(out) + out
        out = self.classifier(out)
        return out""",
    """model = to_device(ResNet9(3, 10), device)
model""",
    """@torch.no_grad()
def evaluate(model, val_loader):
    model.eval()
    outputs = [model.validation_step(batch) for batch in val_loader]
    return model.validation_epoch_end(outputs)

def get_lr(optimizer):
    for param_group in optimizer.param_groups:
        return param_group['lr']

def fit_one_cycle(epochs, max_lr, model, train_loader, val_loader,
                  weight_decay=0, grad_clip=None, opt_func=torch.optim.SGD):
    torch.cuda.empty_cache()
    history = []

    # Set up cutom optimizer with weight decay
    optimizer = opt_func(model.parameters(), max_lr, weight_decay=weight_decay)
    # Set up one-cycle learning rate scheduler
    sched = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, epochs=epochs,
                                                steps_per_epoch=len(train_loader))

    for epoch in range(epochs):
        # Training Phase
        model.train()
        train_losses = []
        lrs = []
        for batch in train_loader:
            loss = model.training_step(batch)
            train_losses.append(loss)
            loss.backward()

            # Gradient clipping
            if grad_clip:
                nn.utils.clip_grad_value_(model.parameters(), grad_clip)

            optimizer.step()
            optimizer.zero_grad()

            # Record & update learning rate
            lrs.append(get_lr(optimizer))
            sched.step()

        # Validation phase
        result = evaluate(model, val_loader)
        result['train_loss'] = torch.stack(train_losses).mean().item()
        result['lrs'] = lrs
        model.epoch_end(epoch, result)
        history.append(result)
    return history""",
    """history = [evaluate(model, valid_dl)]
print(history)""",
    """epochs = 1
max_lr = 0.01
grad_clip = 0.1
weight_decay = 1e-4
opt_func = torch.optim.Adam""",
    """history += fit_one_cycle(epochs, max_lr, model, train_dl, valid_dl,
                             grad_clip=grad_clip,
                             weight_decay=weight_decay,
                             opt_func=opt_func)""",
    """lrs = [x.get('lrs', []) for x in history]
print([f"{lr:.6f}" for l in lrs for lr in l])""",
    """def predict_image(img, model):
    # Convert to a batch of 1
    xb = to_device(img.unsqueeze(0), device)
    # Get predictions from model
    yb = model(xb)
    # Pick index with highest probability
    _, preds  = torch.max(yb, dim=1)
    # Retrieve the class label
    return train_ds.classes[preds[0].item()]""",
    """img, label = valid_ds[0]
print('Label:', train_ds.classes[label], ', Predicted:', predict_image(img, model))""",
    """torch.save(model.state_dict(), 'cifar10-resnet9.pth')""",
]

# Not a course cell: the anime faces stand-in (the course downloads the Kaggle dataset): 32 seeded 40x40
# PNGs in animefacedataset/images, in the same temporary folder.
ANIME_SETUP = """from torchvision.io import write_png
os.makedirs(os.path.join('animefacedataset', 'images'))
for i in range(32):
    yy = torch.arange(40).view(1, 40, 1)
    xx = torch.arange(40).view(1, 1, 40)
    face = (((yy - 20) ** 2 + (xx - 20) ** 2) < (10 + i % 6) ** 2).long()
    img = torch.randint(0, 80, [3, 40, 40]) + face * torch.tensor([170, 120 + i, 90 + 2 * i]).view(3, 1, 1)
    write_png(img.to(torch.uint8), os.path.join('animefacedataset', 'images', f'{i}.png'))"""

# Lesson 6: a DCGAN on anime faces, at 32x32 with smaller channel counts (see the test's header).
GAN = [
    """import os""",
    ANIME_SETUP,
    """DATA_DIR = './animefacedataset'
print(os.listdir(DATA_DIR))""",
    """print(sorted(os.listdir(DATA_DIR+'/images'))[:10])""",
    """from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder
import torchvision.transforms as T""",
    """image_size = 32
batch_size = 16
stats = (0.5, 0.5, 0.5), (0.5, 0.5, 0.5)""",
    """train_ds = ImageFolder(DATA_DIR, transform=T.Compose([
    T.Resize(image_size),
    T.CenterCrop(image_size),
    T.ToTensor(),
    T.Normalize(*stats)]))

train_dl = DataLoader(train_ds, batch_size, shuffle=True)""",
    """def denorm(img_tensors):
    return img_tensors * stats[1][0] + stats[0][0]""",
    """images, _ = next(iter(train_dl))
print(images.shape)
print(denorm(images)[0, :, 14, 12:20])""",
    DEVICE_HELPERS,
    """device = get_default_device()
device""",
    """train_dl = DeviceDataLoader(train_dl, device)""",
    """import torch.nn as nn""",
    """discriminator = nn.Sequential(
    # in: 3 x 32 x 32

    nn.Conv2d(3, 16, kernel_size=4, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(16),
    nn.LeakyReLU(0.2, inplace=True),
    # out: 16 x 16 x 16

    nn.Conv2d(16, 32, kernel_size=4, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(32),
    nn.LeakyReLU(0.2, inplace=True),
    # out: 32 x 8 x 8

    nn.Conv2d(32, 64, kernel_size=4, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(64),
    nn.LeakyReLU(0.2, inplace=True),
    # out: 64 x 4 x 4

    nn.Conv2d(64, 1, kernel_size=4, stride=1, padding=0, bias=False),
    # out: 1 x 1 x 1

    nn.Flatten(),
    nn.Sigmoid())""",
    """discriminator = to_device(discriminator, device)""",
    """latent_size = 16""",
    """generator = nn.Sequential(
    # in: latent_size x 1 x 1

    nn.ConvTranspose2d(latent_size, 64, kernel_size=4, stride=1, padding=0, bias=False),
    nn.BatchNorm2d(64),
    nn.ReLU(True),
    # out: 64 x 4 x 4

    nn.ConvTranspose2d(64, 32, kernel_size=4, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(32),
    nn.ReLU(True),
    # out: 32 x 8 x 8

    nn.ConvTranspose2d(32, 16, kernel_size=4, stride=2, padding=1, bias=False),
    nn.BatchNorm2d(16),
    nn.ReLU(True),
    # out: 16 x 16 x 16

    nn.ConvTranspose2d(16, 3, kernel_size=4, stride=2, padding=1, bias=False),
    nn.Tanh()
    # out: 3 x 32 x 32
)""",
    """xb = torch.randn(batch_size, latent_size, 1, 1) # random latent tensors
fake_images = generator(xb)
print(fake_images.shape)""",
    """generator = to_device(generator, device)""",
    """import torch.nn.functional as F

def train_discriminator(real_images, opt_d):
    # Clear discriminator gradients
    opt_d.zero_grad()

    # Pass real images through discriminator
    real_preds = discriminator(real_images)
    real_targets = torch.ones(real_images.size(0), 1, device=device)
    real_loss = F.binary_cross_entropy(real_preds, real_targets)
    real_score = torch.mean(real_preds).item()

    # Generate fake images
    latent = torch.randn(batch_size, latent_size, 1, 1, device=device)
    fake_images = generator(latent)

    # Pass fake images through discriminator
    fake_targets = torch.zeros(fake_images.size(0), 1, device=device)
    fake_preds = discriminator(fake_images)
    fake_loss = F.binary_cross_entropy(fake_preds, fake_targets)
    fake_score = torch.mean(fake_preds).item()

    # Update discriminator weights
    loss = real_loss + fake_loss
    loss.backward()
    opt_d.step()
    return loss.item(), real_score, fake_score""",
    """def train_generator(opt_g):
    # Clear generator gradients
    opt_g.zero_grad()

    # Generate fake images
    latent = torch.randn(batch_size, latent_size, 1, 1, device=device)
    fake_images = generator(latent)

    # Try to fool the discriminator
    preds = discriminator(fake_images)
    targets = torch.ones(batch_size, 1, device=device)
    loss = F.binary_cross_entropy(preds, targets)

    # Update generator weights
    loss.backward()
    opt_g.step()

    return loss.item()""",
    """from torchvision.utils import save_image, make_grid""",
    """sample_dir = 'generated'
os.makedirs(sample_dir, exist_ok=True)""",
    """def save_samples(index, latent_tensors, show=True):
    fake_images = generator(latent_tensors)
    fake_fname = 'generated-images-{0:0=4d}.png'.format(index)
    save_image(denorm(fake_images), os.path.join(sample_dir, fake_fname), nrow=8)
    print('Saving', fake_fname)
    if show:
        print(make_grid(fake_images.cpu().detach(), nrow=8).permute(1, 2, 0).shape)""",
    """fixed_latent = torch.randn(64, latent_size, 1, 1, device=device)""",
    """save_samples(0, fixed_latent)""",
    """def fit(epochs, lr, start_idx=1):
    torch.cuda.empty_cache()

    # Losses & scores
    losses_g = []
    losses_d = []
    real_scores = []
    fake_scores = []

    # Create optimizers
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=lr, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(generator.parameters(), lr=lr, betas=(0.5, 0.999))

    for epoch in range(epochs):
        for real_images, _ in train_dl:
            # Train discriminator
            loss_d, real_score, fake_score = train_discriminator(real_images, opt_d)
            # Train generator
            loss_g = train_generator(opt_g)

        # Record losses & scores
        losses_g.append(loss_g)
        losses_d.append(loss_d)
        real_scores.append(real_score)
        fake_scores.append(fake_score)

        # Log losses & scores (last batch)
        print("Epoch [{}/{}], loss_g: {:.4f}, loss_d: {:.4f}, real_score: {:.4f}, fake_score: {:.4f}".format(
            epoch+1, epochs, loss_g, loss_d, real_score, fake_score))

        # Save generated images
        save_samples(epoch+start_idx, fixed_latent, show=False)

    return losses_g, losses_d, real_scores, fake_scores""",
    """lr = 0.0002
epochs = 3""",
    """history = fit(epochs, lr)""",
    """losses_g, losses_d, real_scores, fake_scores = history
print(len(losses_g), len(losses_d), len(real_scores), len(fake_scores))""",
    """torch.save(generator.state_dict(), 'G.pth')
torch.save(discriminator.state_dict(), 'D.pth')""",
    # Not course cells: the saved sample images read back (the course shows them with IPython's Image).
    """from torchvision.io import read_image
sample = read_image(os.path.join(sample_dir, 'generated-images-0003.png'))
print(sample.shape, sample.dtype, sample.float().mean().item())
print(sample[:, 20, 20:28])""",
    """sample0 = read_image(os.path.join(sample_dir, 'generated-images-0000.png'))
print(sample0[:, 10, 2:10])""",
    """print(sorted(torch.load('G.pth').keys())[:4], len(torch.load('D.pth')))""",
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cwd = os.getcwd()
    out = {"basics": run_cells(BASICS), "logistic": run_cells(LOGISTIC)}
    # The test runs one_cycle as a section after feedforward's in the same kernel: reseeded as a fresh kernel is.
    ff = run_cells(FEEDFORWARD + ["torch.manual_seed(0);"] + ONE_CYCLE)
    out["feedforward"] = ff[: len(FEEDFORWARD)]
    out["one_cycle"] = ff[len(FEEDFORWARD) + 1:]
    out["cifar_cnn"] = run_cells(CIFAR_CNN)
    out["resnet"] = run_cells(RESNET)
    out["gan"] = run_cells(GAN)
    os.chdir(cwd)
    write_json(out, "zero_to_gans.json")


if __name__ == "__main__":
    main()
