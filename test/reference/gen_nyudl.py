"""Fixture for test/tutorials/nyudl_notebook.test.ts: Alfredo Canziani & Yann LeCun's NYU Deep Learning
course notebooks (Atcold/NYU-DLSP20) 01-tensor_tutorial, 02-space_stretching, 04-spiral_classification,
05-regression, 06-convnet, 10-autoencoder and 11-VAE in the course's order as the cells of one notebook, run on PyTorch 1.13 as IPython runs them: each cell
records what it prints and what Jupyter shows as its value.

plot_lib / matplotlib are left out: the first cell (not a course cell) defines stand-ins for
show_scatterplot / plot_bases that print what they would draw (the title, the cloud's shape, mean and
std). 06, 10 and 11 read gen_liuer.py's MNIST stand-in (test/reference/liuer/MNIST), copied into a temporary ./data.
`display.clear_output(wait=True)` clears what the cell printed when the next text comes, as Jupyter does.
The whole notebook starts from torch.manual_seed(0), as `torchlab run` seeds a fresh kernel. The test's
header lists what else is shrunk or left out.
Run: /usr/bin/python3 test/reference/gen_nyudl.py"""
import ast
import contextlib
import io
import os
import re
import sys
import types

import IPython.display
import torch
from IPython.lib.pretty import pretty

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from _tutorial_common import write_json  # noqa: E402


class CellOutput(io.StringIO):
    """A cell's captured stdout with Jupyter's clear_output: at once, or with wait=True when the next text comes."""
    pending = False

    def clear(self):
        self.seek(0)
        self.truncate()
        self.pending = False

    def write(self, text):
        if self.pending and text:
            self.clear()
        return super().write(text)


def clear_output(wait=False):
    if wait:
        sys.stdout.pending = True
    else:
        sys.stdout.clear()


IPython.display.clear_output = clear_output


def show(v):
    if type(v) is tuple:
        return pretty(list(v))
    if isinstance(v, bool):
        return "true" if v else "false"
    # An object shown by its address (torch.manual_seed's Generator) is masked, so the fixture is stable.
    return re.sub(r" at 0x[0-9a-f]+>", " at 0x…>", pretty(v))


def run_cells(cells):
    """Runs cells as IPython does: the last statement, when an expression, is shown (unless None)."""
    torch.manual_seed(0)
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    ns = main.__dict__
    ns["torch"] = torch
    out = []
    for src in cells:
        tree = ast.parse(src)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().split("\n")[-1].split("#")[0].rstrip().endswith(";") else None
        body = tree.body[:-1] if last is not None else tree.body
        buf = CellOutput()
        shown = None
        with contextlib.redirect_stdout(buf):
            try:
                exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), ns)
                if last is not None:
                    v = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
                    if v is not None:
                        shown = show(v)
            except Exception as e:  # noqa: BLE001 - the error is the reference
                print(f"ERROR {type(e).__name__}: {e}")
        out.append({"printed": buf.getvalue(), "shown": shown})
    return out


PLOT_LIB = """def show_scatterplot(X, colors, title='', axis=True):
    print(title, X.shape, X.mean(0), X.std(0), colors.float().mean())


def plot_bases(bases, width=0.04):
    print(bases)"""

TENSOR_TUTORIAL = [
    """import torch  # <Ctrl> / <Shift> + <Return>""",
    """# Generate a tensor of size 2x3x4
t = torch.Tensor(2, 3, 4)""",
    """# Get the size of the tensor
t.size()""",
    """# t.size() is a classic tuple =>
print('t size:', ' \\u00D7 '.join(map(str, t.size())))""",
    """# prints dimensional space and sub-dimensions
print(f'point in a {t.numel()} dimensional space')
print(f'organised in {t.dim()} sub-dimensions')""",
    """# Mind the underscore!
# Any operation that mutates a tensor in-place is post-fixed with an _.
# For example: x.copy_(y), x.t_(), x.random_(n) will change x.
t.random_(10)""",
    """t""",
    """# This resizes the tensor permanently 
r = torch.Tensor(t)
r.resize_(3, 8)
r""",
    """# As you can see zero_ would replace r with 0's which was originally filled with integers
r.zero_()""",
    """t""",
    """# This *is* important, sigh...
s = r.clone()""",
    """# In-place fill of 1's
s.fill_(1)
s""",
    """# Because we cloned r, even though we did an in-place operation, this doesn't affect r
r""",
    """# Creates a 1D tensor of integers 1 to 4
v = torch.Tensor([1, 2, 3, 4])
v""",
    """# Print number of dimensions (1D) and size of tensor
print(f'dim: {v.dim()}, size: {v.size()[0]}')""",
    """w = torch.Tensor([1, 0, 2, 0])
w""",
    """# Element-wise multiplication
v * w""",
    """# Scalar product: 1*1 + 2*0 + 3*2 + 4*0
v @ w""",
    """# In-place replacement of random number from 0 to 10
x = torch.Tensor(5).random_(10)
x""",
    """print(f'first: {x[0]}, last: {x[-1]}')""",
    """# Extract sub-Tensor [from:to)
x[1:2 + 1]""",
    """v""",
    """# Create a tensor with integers ranging from 1 to 5, excluding 5
v = torch.arange(1, 4 + 1)
v""",
    """# Square all elements in the tensor
print(v.pow(2), v)""",
    """# Create a 2x4 tensor
m = torch.Tensor([[2, 5, 3, 7],
                  [4, 2, 1, 9]])
m""",
    """m.dim()""",
    """print(m.size(0), m.size(1), m.size(), sep=' -- ')""",
    """# Returns the total number of elements, hence num-el (number of elements)
m.numel()""",
    """# Indexing row 0, column 2 (0-indexed)
m[0][2]""",
    """# Indexing row 0, column 2 (0-indexed)
m[0, 2]""",
    """# Indexing column 1, all rows (returns size 2)
m[:, 1]""",
    """# Indexing column 1, all rows (returns size 2x1)
m[:, [1]]""",
    """# Indexes row 0, all columns (returns 1x4)
m[[0], :]""",
    """# Indexes row 0, all columns (returns size 4)
m[0, :]""",
    """# Create tensor of numbers from 1 to 5 (excluding 5)
v = torch.arange(1., 4 + 1)
v""",
    """m""",
    """# Scalar product
m @ v""",
    """# Calculated by 1*2 + 2*5 + 3*3 + 4*7
m[[0], :] @ v""",
    """# Calculated by 
m[[1], :] @ v""",
    """# Add a random tensor of size 2x4 to m
m + torch.rand(2, 4)""",
    """# Subtract a random tensor of size 2x4 to m
m - torch.rand(2, 4)""",
    """# Multiply a random tensor of size 2x4 to m
m * torch.rand(2, 4)""",
    """# Divide m by a random tensor of size 2x4
m / torch.rand(2, 4)""",
    """m.size()""",
    """# Transpose tensor m, which is essentially 2x4 to 4x2
m.t()""",
    """# Same as
m.transpose(0, 1)""",
    """# Create tensor from 3 to 8, with each having a space of 1
torch.arange(3., 8 + 1)""",
    """# Create tensor from 5.7 to -2.1 with each having a space of -3
torch.arange(5.7, -2.1, -3)""",
    """# returns a 1D tensor of steps equally spaced points between start=3, end=8 and steps=20
torch.linspace(3, 8, 20).view(1, -1)""",
    """# Create a tensor filled with 0's
torch.zeros(3, 5)""",
    """# Create a tensor filled with 1's
torch.ones(3, 2, 5)""",
    """# Create a tensor with the diagonal filled with 1
torch.eye(3)""",
    """# Checking for available device (CPU, GPU, MPS)
device = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
print("Device: ", device)""",
    """# Create a tensor on the CPU (default)
z = torch.ones(2, 3, 5)

# Move tensor to the device
z_1 = z.to(device) # Remember: when moving tensors to a device, you have to reassign them!
print(f"Tensor on {device}:\\n", z_1)""",
    """# Multiple GPUs? You can specify which one to use:
# e.g., move your tensor to GPU device 0 (first GPU in the system) if there is one
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
z_2 = z.to(device)
print(f"Tensor on {device}:\\n", z_2)""",
    """m""",
    """# This is basically a 64 bit float tensor
m_double = m.double()
m_double""",
    """# This creates a tensor of type int8
m_byte = m.byte()
m_byte""",
    """# Move your tensor to GPU device 0 if there is one (first GPU in the system)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
m.to(device)""",
    """# Creates two tensors of size 1x4
a = torch.Tensor([[1, 2, 3, 4]])
b = torch.Tensor([[5, 6, 7, 8]])
print(a.size(), b)""",
    """# Concatenate on axis 0, so you get 2x4
torch.cat((a, b), 0)""",
    """# Concatenate on axis 1, so you get 1x8
torch.cat((a, b), 1)""",
]

SPACE_STRETCHING = [
    """# Load libraries
import torch
import torch.nn as nn""",
    """torch.manual_seed(0)""",
    """device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")""",
    """# generate some points in 2-D space
n_points = 1_000
X = torch.randn(n_points, 2).to(device)""",
    """# colors [0 – 511]^2
x_min = -1.5 #X.min(0)[0] #+ 1
x_max = +1.5 #X.max(0)[0] #- 1
colors = (X - x_min) / (x_max - x_min)
colors =  (colors * 511).short()""",
    """show_scatterplot(X, colors, title='X')
OI = torch.cat((torch.zeros(2, 2), torch.eye(2))).to(device)
plot_bases(OI)""",
    """show_scatterplot(X, colors, title='X')
plot_bases(OI)

for i in range(10):
    # create a random matrix
    W = torch.randn(2, 2).to(device)
    # transform points
    Y = X @ W.t()
    # compute singular values
    U, S, V = torch.svd(W)
    # plot transformed points
    show_scatterplot(Y, colors, title='y = Wx, singular values : [{:.3f}, {:.3f}]'.format(S[0], S[1]))
    # transform the basis
    new_OI = OI @ W
    # plot old and new basis
    plot_bases(OI)
#     plot_bases(new_OI)""",
    """model = nn.Sequential(
        nn.Linear(2, 2, bias=False)
)
model.to(device)
with torch.no_grad():
    Y = model(X)
    show_scatterplot(Y, colors)
    plot_bases(model(OI))""",
    """z = torch.linspace(-10, 10, 101)
s = torch.tanh(z)
print(z[:5], s[:5])""",
    """show_scatterplot(X, colors, title='X')
plot_bases(OI)

model = nn.Sequential(
        nn.Linear(2, 2, bias=False),
        nn.Tanh()
)

model.to(device)

for s in range(1, 6):
    W = s * torch.eye(2)
    model[0].weight.data.copy_(W)
    Y = model(X).data
    show_scatterplot(Y, colors, title=f'f(x), s={s}')
    plot_bases(OI, width=0.01)""",
    """show_scatterplot(X, colors, title='x')
n_hidden = 5

# NL = nn.ReLU()  # ()^+
NL = nn.Tanh()

models = list()

for i in range(5):
    # create 1-layer neural networks with random weights
    model = nn.Sequential(
            nn.Linear(2, n_hidden), 
            NL, 
            nn.Linear(n_hidden, 2)
        )
    model.to(device)
    models.append(model)
    with torch.no_grad():
        Y = model(X)
    show_scatterplot(Y, colors, title='f(x)')
#     plot_bases(OI)""",
    """# deeper network with random weights
show_scatterplot(X, colors, title='x')
n_hidden = 5

NL = nn.ReLU()
# NL = nn.Tanh()

for i in range(5):
    model = nn.Sequential(
        nn.Linear(2, n_hidden), 
        NL, 
        nn.Linear(n_hidden, n_hidden), 
        NL, 
        nn.Linear(n_hidden, n_hidden), 
        NL, 
        nn.Linear(n_hidden, n_hidden), 
        NL, 
        nn.Linear(n_hidden, 2)
    )
    model.to(device)
    with torch.no_grad():
        Y = model(X).detach()
    show_scatterplot(Y, colors, title='f(x)', axis=False)""",
    """show_scatterplot(X, colors, title='x')
with torch.no_grad():
    Y = models[2](X)
show_scatterplot(Y, colors, title='f(x)')""",
]

SPIRAL = [
    """import random
import torch
from torch import nn, optim
import math
from IPython import display""",
    """device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")""",
    """seed = 12345
random.seed(seed)
torch.manual_seed(seed)
N = 100  # num_samples_per_class
D = 2  # dimensions
C = 3  # num_classes
H = 100  # num_hidden_units""",
    """X = torch.zeros(N * C, D).to(device)
y = torch.zeros(N * C, dtype=torch.long).to(device)
for c in range(C):
    index = 0
    t = torch.linspace(0, 1, N)
    # When c = 0 and t = 0: start of linspace
    # When c = 0 and t = 1: end of linpace
    # This inner_var is for the formula inside sin() and cos() like sin(inner_var) and cos(inner_Var)
    inner_var = torch.linspace(
        # When t = 0
        (2 * math.pi / C) * (c),
        # When t = 1
        (2 * math.pi / C) * (2 + c),
        N
    ) + torch.randn(N) * 0.2
    
    for ix in range(N * c, N * (c + 1)):
        X[ix] = t[index] * torch.FloatTensor((
            math.sin(inner_var[index]), math.cos(inner_var[index])
        ))
        y[ix] = c
        index += 1

print("Shapes:")
print("X:", tuple(X.size()))
print("y:", tuple(y.size()))""",
]
TRAIN = """
# Training
for t in range(30):
    
    # Feed forward to get the logits
    y_pred = model(X)
    
    # Compute the loss and accuracy
    loss = criterion(y_pred, y)
    score, predicted = torch.max(y_pred, 1)
    acc = (y == predicted).sum().float() / len(y)
    print("[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f" % (t, loss.item(), acc))
    display.clear_output(wait=True)
    
    # zero the gradients before running
    # the backward pass.
    optimizer.zero_grad()
    
    # Backward pass to compute the gradient
    # of loss w.r.t our learnable params. 
    loss.backward()
    
    # Update params
    optimizer.step()"""
SPIRAL += [
    """learning_rate = 1e-3
lambda_l2 = 1e-5""",
    """# nn package to create our linear model
# each Linear module has a weight and bias
model = nn.Sequential(
    nn.Linear(D, H),
    nn.Linear(H, C)
)
model.to(device) #Convert to CUDA

# nn package also has different loss functions.
# we use cross entropy loss for our classification task
criterion = torch.nn.CrossEntropyLoss()

# we use the optim package to apply
# stochastic gradient descent for our parameter updates
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=lambda_l2) # built-in L2
""" + TRAIN,
    """# Plot trained model
print(model)""",
    """learning_rate = 1e-3
lambda_l2 = 1e-5""",
    """# nn package to create our linear model
# each Linear module has a weight and bias

model = nn.Sequential(
    nn.Linear(D, H),
    nn.ReLU(),
    nn.Linear(H, C)
)
model.to(device)

# nn package also has different loss functions.
# we use cross entropy loss for our classification task
criterion = torch.nn.CrossEntropyLoss()

# we use the optim package to apply
# ADAM for our parameter updates
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=lambda_l2) # built-in L2

# e = 1.  # plotting purpose
""" + TRAIN,
    """# Plot trained model
print(model)""",
]

REGRESSION = [
    """import random
import torch
from torch import nn, optim
import math
from IPython import display""",
    """device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")""",
    """seed = 1
random.seed(seed)
torch.manual_seed(seed)
N = 1000  # num_samples_per_class
D = 1  # dimensions
C = 1  # num_classes
H = 100  # num_hidden_units""",
    """X = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1).to(device)
y = X.pow(3) + 0.3 * torch.rand(X.size()).to(device)""",
    """print("Shapes:")
print("X:", tuple(X.size()))
print("y:", tuple(y.size()))""",
    """learning_rate = 1e-3
lambda_l2 = 1e-5""",
    """# nn package to create our linear model
# each Linear module has a weight and bias
model = nn.Sequential(
    nn.Linear(D, H),
    nn.Linear(H, C)
)
model.to(device) # Convert to CUDA

# nn package also has different loss functions.
# we use MSE loss for our regression task
criterion = torch.nn.MSELoss()

# we use the optim package to apply
# stochastic gradient descent for our parameter updates
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=lambda_l2) # built-in L2

# Training
for t in range(30):
    
    # Feed forward to get the logits
    y_pred = model(X)
    
    # Compute the loss (MSE)
    loss = criterion(y_pred, y)
    print("[EPOCH]: %i, [LOSS or MSE]: %.6f" % (t, loss.item()))
    display.clear_output(wait=True)
    
    # zero the gradients before running
    # the backward pass.
    optimizer.zero_grad()
    
    # Backward pass to compute the gradient
    # of loss w.r.t our learnable params. 
    loss.backward()
    
    # Update params
    optimizer.step()""",
    """# Plot trained model
print(model)""",
    """learning_rate = 1e-3
lambda_l2 = 1e-5""",
    """# Number of networks
n_networks = 10
models = list()
y_pretrain = list()

# nn package also has different loss functions.
# we use MSE for a regression task
criterion = torch.nn.MSELoss()

for mod in range(n_networks):
    # nn package to create our linear model
    # each Linear module has a weight and bias
    model = nn.Sequential(
        nn.Linear(D, H),
        nn.ReLU() if mod < n_networks // 2 else nn.Tanh(),
        nn.Linear(H, C)
    )
    model.to(device)
    
    # Append models
    models.append(model)

    # we use the optim package to apply
    # ADAM for our parameter updates
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=lambda_l2) # built-in L2

    # e = 1.  # plotting purpose

    # Training
    for t in range(30):

        # Feed forward to get the logits
        y_pred = model(X)
        
        # Append pre-train output
        if t == 0:
            y_pretrain.append(y_pred.detach())

        # Compute the loss and accuracy
        loss = criterion(y_pred, y)
        print(f"[MODEL]: {mod + 1}, [EPOCH]: {t}, [LOSS]: {loss.item():.6f}")
        display.clear_output(wait=True)

        # zero the gradients before running
        # the backward pass.
        optimizer.zero_grad()

        # Backward pass to compute the gradient
        # of loss w.r.t our learnable params. 
        loss.backward()

        # Update params
        optimizer.step()""",
    """print(models[0], models[-1])""",
    """for y_pretrain_idx in y_pretrain:
    # New X that ranges from -5 to 5 instead of -1 to 1
    X_new = torch.unsqueeze(torch.linspace(-2, 2, 100), dim=1)
y_combo = torch.stack(y_pretrain)
print(y_combo.shape, y_combo.var(dim=0).mean())""",
    """y_pred = list()
relu_models = models[:n_networks // 2]
tanh_models = models[n_networks // 2:]

def dense_prediction(models, non_linearity, zoom):
    for model in models:
        # New X that ranges from -5 to 5 instead of -1 to 1
        X_new = torch.unsqueeze(torch.linspace(-4, 4, 1001), dim=1).to(device)

        # Getting predictions from input
        with torch.no_grad():
            y_pred.append(model(X_new))

    y_combo = torch.stack(y_pred)
    print(non_linearity + ' models', y_combo.shape, (10 * y_combo.var(dim=0).cpu().sqrt()).mean(), (10 * y_combo.var(dim=0).cpu()).mean())

z = 1  # try 1 or 4
dense_prediction(relu_models, 'ReLU', zoom=z)
dense_prediction(tanh_models, 'Tanh', zoom=z)""",
]

# 06 reads MNIST from ./data: gen_liuer.py's stand-in (128 training, 64 test images) copied into a temporary folder.
MNIST_FIXTURE = os.path.join(HERE, "liuer", "MNIST")
CONVNET = [
    f"""import os, shutil, tempfile
tmp = tempfile.mkdtemp(prefix="nyudl-")
shutil.copytree({MNIST_FIXTURE!r}, os.path.join(tmp, "data/MNIST"))
os.chdir(tmp)""",
    """import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torchvision import datasets, transforms

# function to count number of parameters
def get_n_params(model):
    np=0
    for p in list(model.parameters()):
        np += p.nelement()
    return np""",
    """device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")""",
    """input_size  = 28*28   # images are 28x28 pixels
output_size = 10      # there are 10 classes

train_loader = torch.utils.data.DataLoader(
    datasets.MNIST('./data', train=True, download=True,
                   transform=transforms.Compose([
                       transforms.ToTensor(),
                       transforms.Normalize((0.1307,), (0.3081,))
                   ])),
    batch_size=64, shuffle=True)

test_loader = torch.utils.data.DataLoader(
    datasets.MNIST('./data', train=False, transform=transforms.Compose([
                       transforms.ToTensor(),
                       transforms.Normalize((0.1307,), (0.3081,))
                   ])),
    batch_size=1000, shuffle=True)""",
    """class FC2Layer(nn.Module):
    def __init__(self, input_size, n_hidden, output_size):
        super(FC2Layer, self).__init__()
        self.input_size = input_size
        self.network = nn.Sequential(
            nn.Linear(input_size, n_hidden), 
            nn.ReLU(), 
            nn.Linear(n_hidden, n_hidden), 
            nn.ReLU(), 
            nn.Linear(n_hidden, output_size), 
            nn.LogSoftmax(dim=1)
        )

    def forward(self, x):
        x = x.view(-1, self.input_size)
        return self.network(x)
    
class CNN(nn.Module):
    def __init__(self, input_size, n_feature, output_size):
        super(CNN, self).__init__()
        self.n_feature = n_feature
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=n_feature, kernel_size=5)
        self.conv2 = nn.Conv2d(n_feature, n_feature, kernel_size=5)
        self.fc1 = nn.Linear(n_feature*4*4, 50)
        self.fc2 = nn.Linear(50, 10)
        
    def forward(self, x, verbose=False):
        x = self.conv1(x)
        x = F.relu(x)
        x = F.max_pool2d(x, kernel_size=2)
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, kernel_size=2)
        x = x.view(-1, self.n_feature*4*4)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x)
        x = F.log_softmax(x, dim=1)
        return x""",
    """accuracy_list = []

def train(epoch, model, perm=torch.arange(0, 784).long()):
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        # send to device
        data, target = data.to(device), target.to(device)
        
        # permute pixels
        data = data.view(-1, 28*28)
        data = data[:, perm]
        data = data.view(-1, 1, 28, 28)

        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        if batch_idx % 100 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader), loss.item()))
            
def test(model, perm=torch.arange(0, 784).long()):
    model.eval()
    test_loss = 0
    correct = 0
    for data, target in test_loader:
        # send to device
        data, target = data.to(device), target.to(device)
        
        # permute pixels
        data = data.view(-1, 28*28)
        data = data[:, perm]
        data = data.view(-1, 1, 28, 28)
        output = model(data)
        test_loss += F.nll_loss(output, target, reduction='sum').item() # sum up batch loss                                                               
        pred = output.data.max(1, keepdim=True)[1] # get the index of the max log-probability                                                                 
        correct += pred.eq(target.data.view_as(pred)).cpu().sum().item()

    test_loss /= len(test_loader.dataset)
    accuracy = 100. * correct / len(test_loader.dataset)
    accuracy_list.append(accuracy)
    print('\\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\\n'.format(
        test_loss, correct, len(test_loader.dataset),
        accuracy))""",
    """n_hidden = 8 # number of hidden units

model_fnn = FC2Layer(input_size, n_hidden, output_size)
model_fnn.to(device)
optimizer = optim.SGD(model_fnn.parameters(), lr=0.01, momentum=0.5)
print('Number of parameters: {}'.format(get_n_params(model_fnn)))

for epoch in range(0, 1):
    train(epoch, model_fnn)
    test(model_fnn)""",
    """# Training settings 
n_features = 6 # number of feature maps

model_cnn = CNN(input_size, n_features, output_size)
model_cnn.to(device)
optimizer = optim.SGD(model_cnn.parameters(), lr=0.01, momentum=0.5)
print('Number of parameters: {}'.format(get_n_params(model_cnn)))

for epoch in range(0, 1):
    train(epoch, model_cnn)
    test(model_cnn)""",
    """perm = torch.randperm(784)
for i in range(10):
    image, _ = train_loader.dataset.__getitem__(i)
    # permute pixels
    image_perm = image.view(-1, 28*28).clone()
    image_perm = image_perm[:, perm]
    image_perm = image_perm.view(-1, 1, 28, 28)""",
    """# Training settings 
n_features = 6 # number of feature maps

model_cnn = CNN(input_size, n_features, output_size)
model_cnn.to(device)
optimizer = optim.SGD(model_cnn.parameters(), lr=0.01, momentum=0.5)
print('Number of parameters: {}'.format(get_n_params(model_cnn)))

for epoch in range(0, 1):
    train(epoch, model_cnn, perm)
    test(model_cnn, perm)""",
    """n_hidden = 8    # number of hidden units

model_fnn = FC2Layer(input_size, n_hidden, output_size)
model_fnn.to(device)
optimizer = optim.SGD(model_fnn.parameters(), lr=0.01, momentum=0.5)
print('Number of parameters: {}'.format(get_n_params(model_fnn)))

for epoch in range(0, 1):
    train(epoch, model_fnn, perm)
    test(model_fnn, perm)""",
]

AUTOENCODER = [
    """# Import some libraries

import torch
import torchvision
from torch import nn
from torch.utils.data import DataLoader
from torchvision import transforms
from torchvision.datasets import MNIST""",
    """# Convert vector to image

def to_img(x):
    x = 0.5 * (x + 1)
    x = x.view(x.size(0), 28, 28)
    return x""",
    """# Define data loading step

batch_size = 256

img_transform = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize((0.5,), (0.5,))
])

dataset = MNIST('./data', transform=img_transform, download=True)
dataloader = DataLoader(dataset, batch_size=batch_size, shuffle=True)""",
    """device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")""",
    """# Define model architecture and reconstruction loss

# n = 28 x 28 = 784
d = 30  # for standard AE (under-complete hidden layer)
# d = 500  # for denoising AE (over-complete hidden layer)

class Autoencoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Linear(28 * 28, d),
            nn.Tanh(),
        )
        self.decoder = nn.Sequential(
            nn.Linear(d, 28 * 28),
            nn.Tanh(),
        )

    def forward(self, x):
        x = self.encoder(x)
        x = self.decoder(x)
        return x
    
model = Autoencoder().to(device)
criterion = nn.MSELoss()""",
    """# Configure the optimiser

learning_rate = 1e-3

optimizer = torch.optim.Adam(
    model.parameters(),
    lr=learning_rate,
)""",
    """# Train standard or denoising autoencoder (AE)

num_epochs = 3
# do = nn.Dropout()  # comment out for standard AE
for epoch in range(num_epochs):
    for data in dataloader:
        img, _ = data
        img = img.to(device)
        img = img.view(img.size(0), -1)
        # noise = do(torch.ones(img.shape)).to(device)
        # img_bad = (img * noise).to(device)  # comment out for standard AE
        # ===================forward=====================
        output = model(img)  # feed <img> (for std AE) or <img_bad> (for denoising AE)
        loss = criterion(output, img.data)
        # ===================backward====================
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    # ===================log========================
    print(f'epoch [{epoch + 1}/{num_epochs}], loss:{loss.item():.4f}')""",
    """# The denoising AE: the course's commented-out lines switched on
d = 500  # for denoising AE (over-complete hidden layer)
model = Autoencoder().to(device)
optimizer = torch.optim.Adam(
    model.parameters(),
    lr=learning_rate,
)
do = nn.Dropout()  # comment out for standard AE
for epoch in range(num_epochs):
    for data in dataloader:
        img, _ = data
        img = img.to(device)
        img = img.view(img.size(0), -1)
        noise = do(torch.ones(img.shape)).to(device)
        img_bad = (img * noise).to(device)  # comment out for standard AE
        # ===================forward=====================
        output = model(img_bad)  # feed <img> (for std AE) or <img_bad> (for denoising AE)
        loss = criterion(output, img.data)
        # ===================backward====================
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    # ===================log========================
    print(f'epoch [{epoch + 1}/{num_epochs}], loss:{loss.item():.4f}')
print(noise.sum(), img_bad[:2].sum())""",
]

VAE = [
    """import torch
import torchvision
from torch import nn
from torch.utils.data import DataLoader
from torchvision import transforms
from torchvision.datasets import MNIST


def display_images(in_, out, n=1, label=None, count=False):
    print(label, n, None if in_ is None else in_.shape, out.shape, out.sum())""",
    """# Set random seeds

torch.manual_seed(1)
torch.cuda.manual_seed(1)""",
    """# Define data loading step

batch_size = 256

kwargs = {'num_workers': 1, 'pin_memory': True}
train_loader = torch.utils.data.DataLoader(
    MNIST('./data', train=True, download=True,
                   transform=transforms.ToTensor()),
    batch_size=batch_size, shuffle=True, **kwargs)
test_loader = torch.utils.data.DataLoader(
    MNIST('./data', train=False, transform=transforms.ToTensor()),
    batch_size=batch_size, shuffle=True, **kwargs)""",
    """# Defining the device

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")""",
    """# Defining the model

d = 20

class VAE(nn.Module):
    def __init__(self):
        super().__init__()

        self.encoder = nn.Sequential(
            nn.Linear(784, d ** 2),
            nn.ReLU(),
            nn.Linear(d ** 2, d * 2)
        )

        self.decoder = nn.Sequential(
            nn.Linear(d, d ** 2),
            nn.ReLU(),
            nn.Linear(d ** 2, 784),
            nn.Sigmoid(),
        )

    def reparameterise(self, mu, logvar):
        if self.training:
            std = logvar.mul(0.5).exp_()
            eps = std.new_empty(std.size()).normal_()
            return eps.mul_(std).add_(mu)
        else:
            return mu

    def forward(self, x):
        mu_logvar = self.encoder(x.view(-1, 784)).view(-1, 2, d)
        mu = mu_logvar[:, 0, :]
        logvar = mu_logvar[:, 1, :]
        z = self.reparameterise(mu, logvar)
        return self.decoder(z), mu, logvar

model = VAE().to(device)""",
    """# Setting the optimiser

learning_rate = 1e-3

optimizer = torch.optim.Adam(
    model.parameters(),
    lr=learning_rate,
)""",
    """# Reconstruction + β * KL divergence losses summed over all elements and batch

def loss_function(x_hat, x, mu, logvar, β=1):
    BCE = nn.functional.binary_cross_entropy(
        x_hat, x.view(-1, 784), reduction='sum'
    )
    KLD = 0.5 * torch.sum(logvar.exp() - logvar - 1 + mu.pow(2))

    return BCE + β * KLD""",
    """# Training and testing the VAE

epochs = 2
codes = dict(μ=list(), logσ2=list(), y=list())
for epoch in range(0, epochs + 1):
    # Training
    if epoch > 0:  # test untrained net first
        model.train()
        train_loss = 0
        for x, _ in train_loader:
            x = x.to(device)
            # ===================forward=====================
            x_hat, mu, logvar = model(x)
            loss = loss_function(x_hat, x, mu, logvar)
            train_loss += loss.item()
            # ===================backward====================
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        # ===================log========================
        print(f'====> Epoch: {epoch} Average loss: {train_loss / len(train_loader.dataset):.4f}')
    
    # Testing
    
    means, logvars, labels = list(), list(), list()
    with torch.no_grad():
        model.eval()
        test_loss = 0
        for x, y in test_loader:
            x = x.to(device)
            # ===================forward=====================
            x_hat, mu, logvar = model(x)
            test_loss += loss_function(x_hat, x, mu, logvar).item()
            # =====================log=======================
            means.append(mu.detach())
            logvars.append(logvar.detach())
            labels.append(y.detach())
    # ===================log========================
    codes['μ'].append(torch.cat(means))
    codes['logσ2'].append(torch.cat(logvars))
    codes['y'].append(torch.cat(labels))
    test_loss /= len(test_loader.dataset)
    print(f'====> Test set loss: {test_loss:.4f}')
    display_images(x, x_hat, 1, f'Epoch {epoch}')""",
    """# Generating a few samples

N = 16
z = torch.randn((N, d)).to(device)
sample = model.decoder(z)
display_images(None, sample, N // 4, count=True)""",
    """# Display last test batch

display_images(None, x, 4, count=True)""",
    """# Choose starting and ending point for the interpolation -> shows original and reconstructed

A, B = 1, 14
sample = model.decoder(torch.stack((mu[A].data, mu[B].data), 0))
display_images(None, torch.stack(((
    x[A].data.view(-1),
    x[B].data.view(-1),
    sample.data[0],
    sample.data[1]
)), 0))""",
    """# Perform an interpolation between input A and B, in N steps

N = 16
code = torch.Tensor(N, 20).to(device)
sample = torch.Tensor(N, 28, 28).to(device)
for i in range(N):
    code[i] = i / (N - 1) * mu[B].data + (1 - i / (N - 1) ) * mu[A].data
    # sample[i] = i / (N - 1) * x[B].data + (1 - i / (N - 1) ) * x[A].data
sample = model.decoder(code)
display_images(None, sample, N // 4, count=True)""",
]


def main():
    cwd = os.getcwd()
    out = {"nyudl": run_cells([PLOT_LIB] + TENSOR_TUTORIAL + SPACE_STRETCHING + SPIRAL + REGRESSION + CONVNET + AUTOENCODER + VAE)}
    os.chdir(cwd)
    write_json(out, "nyudl.json")


if __name__ == "__main__":
    main()
