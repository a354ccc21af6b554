"""Fixture for test/tutorials/deeplizard_notebook.test.ts: deeplizard's "Neural Network Programming - Deep
Learning with PyTorch" course (deeplizard.com), the code of its episodes in the course's order as the cells of
one notebook, run on PyTorch 1.13 as IPython runs them: each cell records what it prints and what Jupyter
shows as its value.

Tensors (rank, axes, shape; creation; reshape / squeeze / unsqueeze and the course's `flatten(t)`; cat /
stack and the CNN flatten; element-wise ops and broadcasting; reductions and argmax), then the CNN on
Fashion-MNIST: the dataset and loader, the Network class, a forward pass of one image and of a batch,
get_num_correct, the training loop, `@torch.no_grad()` get_all_preds and the confusion matrix, RunBuilder
(OrderedDict + namedtuple + product) and RunManager, the dataset's mean / std and Normalize, nn.Sequential
three ways and the batch-norm network.
Fashion-MNIST is not downloadable offline: the first cell (not a course cell) writes the first 600 training
and 100 test images of the repository's sample (data/FashionMNIST/raw, the real images) as torchvision's
raw IDX files under ./data/FashionMNIST/raw of a temporary working directory, so that `FashionMNIST(root=
'./data', download=True)` finds them and downloads nothing; the test's first cell writes the same files.
tensorboard and pandas are not installed beside this PyTorch: SummaryWriter is a recorder that does nothing
here (torchlab's writes real event files) and RunManager prints each row where the course displays a
DataFrame. The whole notebook starts from torch.manual_seed(0), as `torchlab run` seeds a fresh kernel. The
test's header lists what else is shrunk or left out.
Run: /usr/bin/python3 test/reference/gen_deeplizard.py"""
import ast
import contextlib
import io
import os
import sys
import types

import torch
from IPython.lib.pretty import pretty

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402
from _figures import take_figures  # noqa: E402

SOURCE = os.path.normpath(os.path.join(HERE, "..", "..", "data", "FashionMNIST", "raw"))


class SummaryWriter:
    """tensorboard is not installed beside this PyTorch: the writer's calls do nothing here."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


tensorboard = types.ModuleType("torch.utils.tensorboard")
tensorboard.SummaryWriter = SummaryWriter
sys.modules["torch.utils.tensorboard"] = tensorboard


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None)."""
    torch.manual_seed(0)
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    ns = main.__dict__
    out = []
    for src in cells:
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().split("\n")[-1].split("#")[0].rstrip().endswith(";") else None
        body = tree.body[:-1] if last is not None else tree.body
        buf = io.StringIO()
        shown = None
        with contextlib.redirect_stdout(buf):
            try:
                exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), ns)
                if last is not None:
                    v = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                    if v is not None:
                        # a tuple is an array in the port, shown as a list
                        shown = pretty(list(v) if type(v) is tuple else v)
            except Exception as e:  # noqa: BLE001 - the error is the reference
                print(f"ERROR {type(e).__name__}: {e}")
        out.append({"printed": buf.getvalue(), "shown": shown, "figures": take_figures()})
    return out


# The first 600 training / 100 test images of data/FashionMNIST/raw as plain IDX files under ./data.
SETUP = f"""import gzip, os, struct, tempfile
tmp = tempfile.mkdtemp(prefix="deeplizard-")
raw = os.path.join(tmp, "data", "FashionMNIST", "raw")
os.makedirs(raw)
for split, n in (("train", 600), ("t10k", 100)):
    for kind, size in (("images-idx3", 784), ("labels-idx1", 1)):
        with gzip.open(os.path.join({SOURCE!r}, f"{{split}}-{{kind}}-ubyte.gz")) as f:
            buf = f.read()
        start = 4 + 4 * buf[3]
        with open(os.path.join(raw, f"{{split}}-{{kind}}-ubyte"), "wb") as f:
            f.write(buf[:4] + struct.pack(">I", n) + buf[8:start] + buf[start:start + n * size])
os.chdir(tmp)
del gzip, struct, tempfile"""

def shows(*exprs):
    """One cell for the course's consecutive one-line cells (fewer cells, less type-checking time in
    the port): each value printed, the last one shown as the cell's value."""
    return "\n".join([f"print({e})" for e in exprs[:-1]] + [exprs[-1]])


TENSORS = [
    """import torch
import numpy as np""",
    # Rank, axes and shape
    """dd = [
[1,2,3],
[4,5,6],
[7,8,9]
]
t = torch.tensor(dd)
t""",
    shows("t.shape", "t.reshape(1,9)", "t.reshape(1,9).shape"),
    # PyTorch tensors explained: attributes
    """t = torch.Tensor()
print(t.dtype)
print(t.device)
print(t.layout)""",
    """device = torch.device('cuda:0')
device""",
    """t1 = torch.tensor([1,2,3])
t2 = torch.tensor([1.,2.,3.])
t1 + t2""",
    # Creating tensors
    """data = np.array([1,2,3])
torch.Tensor(data)""",
    shows("torch.tensor(data)", "torch.as_tensor(data)", "torch.from_numpy(data)", "torch.eye(2)", "torch.zeros([2,2])", "torch.ones([2,2])", "torch.rand([2,2]).shape", "torch.get_default_dtype()"),
    """torch.tensor(np.array([1,2,3]), dtype=torch.float64)""",
    # Reshaping: reshape, squeeze, unsqueeze, flatten
    """t = torch.tensor([
    [1,1,1,1],
    [2,2,2,2],
    [3,3,3,3]
], dtype=torch.float32)
t.size()""",
    shows("t.shape", "len(t.shape)", "torch.tensor(t.shape).prod()", "t.numel()", "t.reshape([1,12])", "t.reshape([2,6])", "t.reshape([3,4])", "t.reshape([4,3])"),
    shows("t.reshape(6,2)", "t.reshape(12,1)", "t.reshape(2,2,3)"),
    """print(t.reshape([1,12]))
print(t.reshape([1,12]).shape)""",
    """print(t.reshape([1,12]).squeeze())
print(t.reshape([1,12]).squeeze().shape)""",
    """print(t.reshape([1,12]).squeeze().unsqueeze(dim=0))
print(t.reshape([1,12]).squeeze().unsqueeze(dim=0).shape)""",
    """def flatten(t):
    t = t.reshape(1, -1)
    t = t.squeeze()
    return t""",
    shows("flatten(t)", "t.reshape(1,12)"),
    """t1 = torch.tensor([
    [1,2],
    [3,4]
])
t2 = torch.tensor([
    [5,6],
    [7,8]
])
torch.cat((t1, t2), dim=0)""",
    shows("torch.cat((t1, t2), dim=1)", "torch.cat((t1, t2), dim=0).shape", "torch.cat((t1, t2), dim=1).shape"),
    # CNN flatten operation
    """t1 = torch.tensor([
    [1,1,1,1],
    [1,1,1,1],
    [1,1,1,1],
    [1,1,1,1]
])
t2 = torch.tensor([
    [2,2,2,2],
    [2,2,2,2],
    [2,2,2,2],
    [2,2,2,2]
])
t3 = torch.tensor([
    [3,3,3,3],
    [3,3,3,3],
    [3,3,3,3],
    [3,3,3,3]
])
t = torch.stack((t1, t2, t3))
t.shape""",
    """t""",
    """t = t.reshape(3,1,4,4)
t""",
    shows("t[0]", "t[0][0]", "t[0][0][0]", "t[0][0][0][0]", "t.reshape(1,-1)[0]", "t.reshape(-1)", "t.view(t.numel())", "t.flatten()"),
    shows("t.flatten(start_dim=1).shape", "t.flatten(start_dim=1)"),
    """r = torch.ones(1,2,2)
g = torch.ones(1,2,2) + 1
b = torch.ones(1,2,2) + 2
img = torch.cat(
    (r,g,b)
    ,dim=0
)
img.shape""",
    shows("img", "img.flatten(start_dim=0)", "img.flatten(start_dim=1)"),
    # Element-wise operations and broadcasting
    """t1 = torch.tensor([
    [1,2],
    [3,4]
], dtype=torch.float32)
t2 = torch.tensor([
    [9,8],
    [7,6]
], dtype=torch.float32)
t1[0]""",
    shows("t1[0][0]", "t2[0][0]", "t1 + t2"),
    """print(t1 + 2)
print(t1 - 2)
print(t1 * 2)
print(t1 / 2)""",
    """print(t1.add(2))
print(t1.sub(2))
print(t1.mul(2))
print(t1.div(2))""",
    """np.broadcast_to(2, t1.shape)""",
    """t1 + torch.tensor(
    np.broadcast_to(2, t1.shape)
    ,dtype=torch.float32
)""",
    """t1 = torch.tensor([
    [1,1],
    [1,1]
], dtype=torch.float32)
t2 = torch.tensor([2,4], dtype=torch.float32)
t1.shape""",
    shows("t2.shape", "t1 + t2", "np.broadcast_to(t2.numpy(), t1.shape)"),
    """t = torch.tensor([
    [0,5,0],
    [6,0,7],
    [0,8,0]
], dtype=torch.float32)
t.eq(0)""",
    shows("t.ge(0)", "t.gt(0)", "t.lt(0)", "t.le(7)"),
    """t <= torch.tensor(
    np.broadcast_to(7, t.shape)
    ,dtype=torch.float32
)""",
    """t <= torch.tensor([
    [7,7,7],
    [7,7,7],
    [7,7,7]
], dtype=torch.float32)""",
    shows("t.abs()", "t.sqrt()", "t.neg()", "t.neg().abs()"),
    # Reduction operations, argmax
    """t = torch.tensor([
    [0,1,0],
    [2,0,2],
    [0,3,0]
], dtype=torch.float32)
t.sum()""",
    shows("t.numel()", "t.sum().numel()", "t.sum().numel() < t.numel()"),
    """print(t.sum())
print(t.prod())
print(t.mean())
print(t.std())""",
    """t = torch.tensor([
    [1,1,1,1],
    [2,2,2,2],
    [3,3,3,3]
], dtype=torch.float32)
t.sum(dim=0)""",
    """t.sum(dim=1)""",
    """print(t[0])
print(t[1])
print(t[2])""",
    """t[0] + t[1] + t[2]""",
    """print(t[0].sum())
print(t[1].sum())
print(t[2].sum())""",
    """t = torch.tensor([
    [1,0,0,2],
    [0,3,3,0],
    [4,0,0,5]
], dtype=torch.float32)
t.max()""",
    shows("t.argmax()", "t.flatten()", "t.max(dim=0)", "t.argmax(dim=0)", "t.max(dim=1)", "t.argmax(dim=1)"),
    """t = torch.tensor([
    [1,2,3],
    [4,5,6],
    [7,8,9]
], dtype=torch.float32)
t.mean()""",
    shows("t.mean().item()", "t.mean(dim=0).tolist()", "t.mean(dim=0).numpy()"),
]

DATA = [
    """import torch
import torchvision
import torchvision.transforms as transforms
import matplotlib.pyplot as plt""",
    """train_set = torchvision.datasets.FashionMNIST(
    root='./data'
    ,train=True
    ,download=True
    ,transform=transforms.Compose([
        transforms.ToTensor()
    ])
)""",
    """train_loader = torch.utils.data.DataLoader(train_set
    ,batch_size=10
)""",
    """torch.set_printoptions(linewidth=120)
len(train_set)""",
    shows("train_set.targets", "train_set.targets.bincount()"),
    """sample = next(iter(train_set))
len(sample)""",
    """image, label = sample
image.shape""",
    """plt.imshow(image.squeeze(), cmap="gray");""",
    """torch.tensor(label).shape""",
    """print('label:', label)""",
    """batch = next(iter(train_loader))
len(batch)""",
    """images, labels = batch
images.shape""",
    """labels.shape""",
    """grid = torchvision.utils.make_grid(images, nrow=10)
print(grid.shape)
plt.figure(figsize=(15,15))
plt.imshow(np.transpose(grid, (1,2,0)))
print('labels:', labels)""",
]

NETWORK = [
    """import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim""",
    """class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5)
        self.conv2 = nn.Conv2d(in_channels=6, out_channels=12, kernel_size=5)

        self.fc1 = nn.Linear(in_features=12 * 4 * 4, out_features=120)
        self.fc2 = nn.Linear(in_features=120, out_features=60)
        self.out = nn.Linear(in_features=60, out_features=10)

    def forward(self, t):
        # (1) input layer
        t = t

        # (2) hidden conv layer
        t = self.conv1(t)
        t = F.relu(t)
        t = F.max_pool2d(t, kernel_size=2, stride=2)

        # (3) hidden conv layer
        t = self.conv2(t)
        t = F.relu(t)
        t = F.max_pool2d(t, kernel_size=2, stride=2)

        # (4) hidden linear layer
        t = t.reshape(-1, 12 * 4 * 4)
        t = self.fc1(t)
        t = F.relu(t)

        # (5) hidden linear layer
        t = self.fc2(t)
        t = F.relu(t)

        # (6) output layer
        t = self.out(t)
        #t = F.softmax(t, dim=1)

        return t""",
    """network = Network()
print(network)""",
    shows("network.conv1", "network.conv1.weight.shape", "network.conv2.weight.shape", "network.conv2.weight[0].shape", "network.fc1.weight.shape", "network.fc2.weight.shape", "network.out.weight.shape"),
    """for param in network.parameters():
    print(param.shape)""",
    """for name, param in network.named_parameters():
    print(name, '\\t\\t', param.shape)""",
    # Linear layers: the weight matrix
    """in_features = torch.tensor([1,2,3,4], dtype=torch.float32)
weight_matrix = torch.tensor([
    [1,2,3,4],
    [2,3,4,5],
    [3,4,5,6]
], dtype=torch.float32)
weight_matrix.matmul(in_features)""",
    """fc = nn.Linear(in_features=4, out_features=3, bias=False)
fc.weight = nn.Parameter(weight_matrix)
fc(in_features)""",
    # Forward pass of one image
    """torch.set_grad_enabled(False);""",
    """network = Network()
sample = next(iter(train_set))
image, label = sample
image.shape""",
    """image.unsqueeze(0).shape""",
    """pred = network(image.unsqueeze(0))
pred""",
    shows("pred.shape", "label", "pred.argmax(dim=1)", "F.softmax(pred, dim=1)", "F.softmax(pred, dim=1).sum()"),
    # A batch
    """data_loader = torch.utils.data.DataLoader(
     train_set
    ,batch_size=10
)
batch = next(iter(data_loader))
images, labels = batch
images.shape""",
    """labels.shape""",
    """preds = network(images)
preds.shape""",
    shows("preds", "preds.argmax(dim=1)", "labels", "preds.argmax(dim=1).eq(labels)", "preds.argmax(dim=1).eq(labels).sum()"),
    """def get_num_correct(preds, labels):
    return preds.argmax(dim=1).eq(labels).sum().item()""",
    """get_num_correct(preds, labels)""",
    # Training: one batch, then the loop
    """torch.set_grad_enabled(True)
network = Network()
train_loader = torch.utils.data.DataLoader(train_set, batch_size=100)
batch = next(iter(train_loader))
images, labels = batch""",
    """preds = network(images)
loss = F.cross_entropy(preds, labels)
loss.item()""",
    """print(network.conv1.weight.grad)""",
    """loss.backward()
network.conv1.weight.grad.shape""",
    """optimizer = optim.Adam(network.parameters(), lr=0.01)
optimizer.step()
preds = network(images)
loss = F.cross_entropy(preds, labels)
print(loss.item())
get_num_correct(preds, labels)""",
    """network = Network()

train_loader = torch.utils.data.DataLoader(train_set, batch_size=100)
optimizer = optim.Adam(network.parameters(), lr=0.01)

for epoch in range(3):

    total_loss = 0
    total_correct = 0

    for batch in train_loader: # Get Batch
        images, labels = batch

        preds = network(images) # Pass Batch
        loss = F.cross_entropy(preds, labels) # Calculate Loss

        optimizer.zero_grad()
        loss.backward() # Calculate Gradients
        optimizer.step() # Update Weights

        total_loss += loss.item()
        total_correct += get_num_correct(preds, labels)

    print("epoch:", epoch, "total_correct:", total_correct, "loss:", total_loss)""",
    """total_correct / len(train_set)""",
    # Confusion matrix
    """@torch.no_grad()
def get_all_preds(model, loader):
    all_preds = torch.tensor([])
    for batch in loader:
        images, labels = batch

        preds = model(images)
        all_preds = torch.cat(
            (all_preds, preds)
            ,dim=0
        )
    return all_preds""",
    """with torch.no_grad():
    prediction_loader = torch.utils.data.DataLoader(train_set, batch_size=10000)
    train_preds = get_all_preds(network, prediction_loader)
train_preds.shape""",
    """print(train_preds.requires_grad)""",
    """train_preds.grad""",
    """train_preds.grad_fn""",
    """preds_correct = get_num_correct(train_preds, train_set.targets)

print('total correct:', preds_correct)
print('accuracy:', preds_correct / len(train_set))""",
    shows("train_set.targets", "train_preds.argmax(dim=1)"),
    """stacked = torch.stack(
    (
        train_set.targets
        ,train_preds.argmax(dim=1)
    )
    ,dim=1
)
stacked.shape""",
    """stacked[:10]""",
    """stacked[0].tolist()""",
    """cmt = torch.zeros(10,10, dtype=torch.int64)
cmt""",
    """for p in stacked:
    tl, pl = p.tolist()
    cmt[tl, pl] = cmt[tl, pl] + 1""",
    """cmt""",
]

RUNS = [
    """from collections import OrderedDict
from collections import namedtuple
from itertools import product""",
    """class RunBuilder():
    @staticmethod
    def get_runs(params):

        Run = namedtuple('Run', params.keys())

        runs = []
        for v in product(*params.values()):
            runs.append(Run(*v))

        return runs""",
    """params = OrderedDict(
    lr = [.01, .001]
    ,batch_size = [1000, 10000]
)""",
    """runs = RunBuilder.get_runs(params)
runs""",
    """run = runs[0]
print(run.lr, run.batch_size)""",
    """for run in runs:
    print(run, run.lr, run.batch_size)""",
    """for lr, batch_size in product(*params.values()):
    print(lr, batch_size)""",
    """import time
from torch.utils.tensorboard import SummaryWriter""",
    """class RunManager():
    def __init__(self):

        self.epoch_count = 0
        self.epoch_loss = 0
        self.epoch_num_correct = 0
        self.epoch_start_time = None

        self.run_params = None
        self.run_count = 0
        self.run_data = []
        self.run_start_time = None

        self.network = None
        self.loader = None
        self.tb = None

    def begin_run(self, run, network, loader):

        self.run_start_time = time.time()

        self.run_params = run
        self.run_count += 1

        self.network = network
        self.loader = loader
        self.tb = SummaryWriter(comment=f'-{run}')

        images, labels = next(iter(self.loader))
        grid = torchvision.utils.make_grid(images)

        self.tb.add_image('images', grid)

    def end_run(self):
        self.tb.close()
        self.epoch_count = 0

    def begin_epoch(self):
        self.epoch_start_time = time.time()

        self.epoch_count += 1
        self.epoch_loss = 0
        self.epoch_num_correct = 0

    def end_epoch(self):

        epoch_duration = time.time() - self.epoch_start_time
        run_duration = time.time() - self.run_start_time

        loss = self.epoch_loss / len(self.loader.dataset)
        accuracy = self.epoch_num_correct / len(self.loader.dataset)

        self.tb.add_scalar('Loss', loss, self.epoch_count)
        self.tb.add_scalar('Accuracy', accuracy, self.epoch_count)

        for name, param in self.network.named_parameters():
            self.tb.add_histogram(name, param, self.epoch_count)
            self.tb.add_histogram(f'{name}.grad', param.grad, self.epoch_count)

        results = OrderedDict()
        results["run"] = self.run_count
        results["epoch"] = self.epoch_count
        results['loss'] = loss
        results["accuracy"] = accuracy
        results['epoch duration'] = epoch_duration
        results['run duration'] = run_duration
        for k,v in self.run_params._asdict().items(): results[k] = v
        self.run_data.append(results)
        print(results)

    def track_loss(self, loss, batch):
        self.epoch_loss += loss.item() * batch[0].shape[0]

    def track_num_correct(self, preds, labels):
        self.epoch_num_correct += self._get_num_correct(preds, labels)

    @torch.no_grad()
    def _get_num_correct(self, preds, labels):
        return preds.argmax(dim=1).eq(labels).sum().item()""",
    """params = OrderedDict(
    lr = [.01]
    ,batch_size = [100, 200]
    ,shuffle = [True]
)
m = RunManager()
for run in RunBuilder.get_runs(params):

    network = Network()
    loader = torch.utils.data.DataLoader(train_set, batch_size=run.batch_size, shuffle=run.shuffle)
    optimizer = optim.Adam(network.parameters(), lr=run.lr)

    m.begin_run(run, network, loader)
    for epoch in range(1):
        m.begin_epoch()
        for batch in loader:

            images, labels = batch
            preds = network(images) # Pass Batch
            loss = F.cross_entropy(preds, labels) # Calculate Loss
            optimizer.zero_grad() # Zero Gradients
            loss.backward() # Calculate Gradients
            optimizer.step() # Update Weights

            m.track_loss(loss, batch)
            m.track_num_correct(preds, labels)
        m.end_epoch()
    m.end_run()""",
    """len(m.run_data)""",
]

NORMALIZE = [
    """loader = torch.utils.data.DataLoader(train_set, batch_size=len(train_set), num_workers=1)
data = next(iter(loader))
data[0].mean(), data[0].std()""",
    """loader = torch.utils.data.DataLoader(train_set, batch_size=100, num_workers=1)
num_of_pixels = len(train_set) * 28 * 28

total_sum = 0
for batch in loader: total_sum += batch[0].sum()
mean = total_sum / num_of_pixels

sum_of_squared_error = 0
for batch in loader: sum_of_squared_error += ((batch[0] - mean).pow(2)).sum()
std = torch.sqrt(sum_of_squared_error / num_of_pixels)
mean, std""",
    """train_set_normal = torchvision.datasets.FashionMNIST(
    root='./data'
    ,train=True
    ,download=True
    ,transform=transforms.Compose([
          transforms.ToTensor()
        , transforms.Normalize(mean, std)
    ])
)""",
    """loader = torch.utils.data.DataLoader(train_set_normal, batch_size=len(train_set), num_workers=1)
data = next(iter(loader))
data[0].mean(), data[0].std()""",
    """trainsets = {
    'not_normal': train_set
    ,'normal': train_set_normal
}""",
]

SEQUENTIAL = [
    """in_features = train_set.data[0].numel()
out_features = len(train_set.classes)
print(in_features, out_features)
image, label = train_set[0]
image.shape""",
    """torch.manual_seed(50)
network1 = nn.Sequential(
      nn.Flatten(start_dim=1)
    , nn.Linear(in_features, out_features)
)
network1""",
    """image = image.unsqueeze(0)
image.shape""",
    """network1(image)""",
    """layers = OrderedDict([
     ('flat', nn.Flatten(start_dim=1))
    ,('hidden', nn.Linear(in_features, out_features))
])
torch.manual_seed(50)
network2 = nn.Sequential(layers)
network2""",
    """network2(image)""",
    """torch.manual_seed(50)
network3 = nn.Sequential()
network3.add_module('flat', nn.Flatten(start_dim=1))
network3.add_module('hidden', nn.Linear(in_features, out_features))
network3""",
    """network3(image)""",
    """print(network1(image).eq(network2(image)).all(), network2(image).eq(network3(image)).all())""",
    """torch.manual_seed(50)
network1 = nn.Sequential(
      nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5)
    , nn.ReLU()
    , nn.MaxPool2d(kernel_size=2, stride=2)
    , nn.Conv2d(in_channels=6, out_channels=12, kernel_size=5)
    , nn.ReLU()
    , nn.MaxPool2d(kernel_size=2, stride=2)
    , nn.Flatten(start_dim=1)
    , nn.Linear(in_features=12*4*4, out_features=120)
    , nn.ReLU()
    , nn.Linear(in_features=120, out_features=60)
    , nn.ReLU()
    , nn.Linear(in_features=60, out_features=10)
)""",
    """torch.manual_seed(50)
network2 = nn.Sequential(
      nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5)
    , nn.ReLU()
    , nn.MaxPool2d(kernel_size=2, stride=2)
    , nn.BatchNorm2d(6)
    , nn.Conv2d(in_channels=6, out_channels=12, kernel_size=5)
    , nn.ReLU()
    , nn.MaxPool2d(kernel_size=2, stride=2)
    , nn.Flatten(start_dim=1)
    , nn.Linear(in_features=12*4*4, out_features=120)
    , nn.ReLU()
    , nn.BatchNorm1d(120)
    , nn.Linear(in_features=120, out_features=60)
    , nn.ReLU()
    , nn.Linear(in_features=60, out_features=10)
)
network2""",
    """networks = {
     'no_batch_norm': network1
    ,'batch_norm': network2
}
params = OrderedDict(
      lr = [.01]
    , batch_size = [1000]
    , num_workers = [0]
    , trainset = ['normal']
    , network = list(networks.keys())
)
m = RunManager()
for run in RunBuilder.get_runs(params):

    network = networks[run.network]
    loader = torch.utils.data.DataLoader(
          trainsets[run.trainset]
        , batch_size=run.batch_size
        , num_workers=run.num_workers
    )
    optimizer = optim.Adam(network.parameters(), lr=run.lr)

    m.begin_run(run, network, loader)
    for epoch in range(2):
        m.begin_epoch()
        for batch in loader:

            images = batch[0]
            labels = batch[1]
            preds = network(images) # Pass Batch
            loss = F.cross_entropy(preds, labels) # Calculate Loss
            optimizer.zero_grad() # Zero Gradients
            loss.backward() # Calculate Gradients
            optimizer.step() # Update Weights

            m.track_loss(loss, batch)
            m.track_num_correct(preds, labels)
        m.end_epoch()
    m.end_run()""",
    """network2[3].running_mean""",
]


def shows_nothing(src):
    """Whether IPython shows no value for the cell: it ends in a statement, a `;` or a print()."""
    last = ast.parse(src).body[-1]
    return (not isinstance(last, ast.Expr) or src.rstrip().endswith(";")
            or (isinstance(last.value, ast.Call) and getattr(last.value.func, "id", None) == "print"))


def joined(cells):
    """The notebook's cells: one that shows nothing runs with the cell after it (the test's joined()),
    so fewer cells are type-checked; the printed text is the same."""
    out, pending = [], []
    for src in cells:
        pending.append(src)
        if not shows_nothing(src):
            out.append("\n".join(pending))
            pending = []
    if pending:
        out.append("\n".join(pending))
    return out


def main():
    cwd = os.getcwd()
    out = {"deeplizard": run_cells(joined([SETUP] + TENSORS + DATA + NETWORK + RUNS + NORMALIZE + SEQUENTIAL))}
    os.chdir(cwd)
    write_json(out, "deeplizard.json")


if __name__ == "__main__":
    main()
