"""Fixture for test/tutorials/zero_to_gans_notebook.test.ts: Jovian's "Deep Learning with PyTorch: Zero to
GANs" (Aakash N S) lesson notebooks, the cells the port keeps, run on PyTorch 1.13 as IPython runs them:
each cell records what it prints and what Jupyter shows as its value (IPython's pretty repr; a tuple as
a list, as the port writes `[a, b]`).

MNIST is not available offline: the first cell of the logistic regression section writes a stand-in
in torchvision's layout (data/MNIST/raw/*-idx3-ubyte, 600 training and 200 test images of seeded noise
with a bright band of rows at the label's place) in a temporary folder, which both sides then read
with MNIST(root='data/'). Each section starts from torch.manual_seed(0), as `torchlab run` seeds a
fresh kernel. The test's header lists what else is shrunk or left out."""
import ast
import contextlib
import io
import os
import sys

import torch
from IPython.lib.pretty import pretty

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402


def show(v):
    if type(v) is tuple:
        return pretty(list(v))
    if isinstance(v, bool):
        return "true" if v else "false"
    return pretty(v)


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None)."""
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
        out.append({"printed": buf.getvalue(), "shown": shown})
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
from torchvision.datasets import MNIST""",
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


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cwd = os.getcwd()
    out = {"basics": run_cells(BASICS), "logistic": run_cells(LOGISTIC)}
    # The test runs one_cycle as a section after feedforward's in the same kernel: reseeded as a fresh kernel is.
    ff = run_cells(FEEDFORWARD + ["torch.manual_seed(0);"] + ONE_CYCLE)
    out["feedforward"] = ff[: len(FEEDFORWARD)]
    out["one_cycle"] = ff[len(FEEDFORWARD) + 1:]
    os.chdir(cwd)
    write_json(out, "zero_to_gans.json")


if __name__ == "__main__":
    main()
