"""Fixture for test/tutorials/d2l_computation.test.ts: Dive into Deep Learning (d2l-zh, PyTorch
edition), chapter_deep-learning-computation: parameters, custom-layer, read-write and use-gpu (on
a machine without CUDA), cell by cell. Each cell's printed output and shown value are recorded
(a tuple value as a list of reprs; files go to a temporary folder)."""
import contextlib
import io
import json
import os
import sys
import tempfile

import torch
from torch import nn
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_d2l_preliminaries import fmt  # noqa: E402

DIR = tempfile.mkdtemp()

PARAMETERS = [
    "torch.manual_seed(0)\nnet = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))\nX = torch.rand(size=(2, 4))\nnet(X)",
    "print(net[2].state_dict())\nprint(net[2].bias)\nprint(net[2].bias.data)",
    "net[2].weight.grad == None",
    "net.state_dict()['2.bias'].data",
    """def block1():
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 4), nn.ReLU())
def block2():
    net = nn.Sequential()
    for i in range(4):
        net.add_module(f'block {i}', block1())
    return net
rgnet = nn.Sequential(block2(), nn.Linear(4, 1))
rgnet(X)""",
    "print(rgnet)",
    "rgnet[0][1][0].bias.data",
    """def init_normal(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, mean=0, std=0.01)
        nn.init.zeros_(m.bias)
net.apply(init_normal)
net[0].weight.data[0], net[0].bias.data[0]""",
    """def init_constant(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 1)
        nn.init.zeros_(m.bias)
net.apply(init_constant)
net[0].weight.data[0], net[0].bias.data[0]""",
    """def init_xavier(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)
def init_42(m):
    if type(m) == nn.Linear:
        nn.init.constant_(m.weight, 42)
net[0].apply(init_xavier)
net[2].apply(init_42)
print(net[0].weight.data[0])
print(net[2].weight.data)""",
    """def my_init(m):
    if type(m) == nn.Linear:
        print("Init", *[(name, param.shape) for name, param in m.named_parameters()][0])
        nn.init.uniform_(m.weight, -10, 10)
        m.weight.data *= m.weight.data.abs() >= 5
net.apply(my_init)
net[0].weight[:2]""",
    "net[0].weight.data[:] += 1\nnet[0].weight.data[0, 0] = 42\nnet[0].weight.data[0]",
    """shared = nn.Linear(8, 8)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1))
net(X)
print(net[2].weight.data[0] == net[4].weight.data[0])
net[2].weight.data[0, 0] = 100
print(net[2].weight.data[0] == net[4].weight.data[0])""",
]

CUSTOM_READ_GPU = [
    """class CenteredLayer(nn.Module):
    def forward(self, X):
        return X - X.mean()
layer = CenteredLayer()
layer(torch.FloatTensor([1, 2, 3, 4, 5]))""",
    "torch.manual_seed(0)\nnet = nn.Sequential(nn.Linear(8, 128), CenteredLayer())\nY = net(torch.rand(4, 8))\nY.mean().abs() < 1e-6",
    """class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(in_units, units))
        self.bias = nn.Parameter(torch.randn(units,))
    def forward(self, X):
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)
linear = MyLinear(5, 3)
linear.weight""",
    "linear(torch.rand(2, 5))",
    "net = nn.Sequential(MyLinear(64, 8), MyLinear(8, 1))\nnet(torch.rand(2, 64))",
    "x = torch.arange(4)\ntorch.save(x, DIR + '/x-file')\nx2 = torch.load(DIR + '/x-file')\nx2",
    "y = torch.zeros(4)\ntorch.save([x, y], DIR + '/x-files')\nx3, y2 = torch.load(DIR + '/x-files')\nx3, y2",
    "mydict = {'x': x, 'y': y}\ntorch.save(mydict, DIR + '/mydict')\nmydict2 = torch.load(DIR + '/mydict')\nmydict2['x'], mydict2['y']",
    """class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.output = nn.Linear(256, 10)
    def forward(self, x):
        return self.output(F.relu(self.hidden(x)))
net2 = MLP()
X = torch.randn(size=(2, 20))
Y = net2(X)
torch.save(net2.state_dict(), DIR + '/mlp.params')""",
    "clone = MLP()\nclone.load_state_dict(torch.load(DIR + '/mlp.params'))\nclone.eval()",
    "Y_clone = clone(X)\nY_clone == Y",
    "torch.device('cpu'), torch.device('cuda'), torch.device('cuda:1')",
    "torch.cuda.device_count()",
    """def try_gpu(i=0):
    if torch.cuda.device_count() >= i + 1:
        return torch.device(f'cuda:{i}')
    return torch.device('cpu')
def try_all_gpus():
    devices = [torch.device(f'cuda:{i}') for i in range(torch.cuda.device_count())]
    return devices if devices else [torch.device('cpu')]
try_gpu(), try_gpu(10), try_all_gpus()""",
    "Xg = torch.ones(2, 3, device=try_gpu())\nXg",
]


def run(cells):
    ns = {"torch": torch, "nn": nn, "F": F, "DIR": DIR}
    out = []
    for cell in cells:
        lines = cell.strip().split("\n")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec("\n".join(lines[:-1]), ns)
            try:
                code = compile(lines[-1], "<cell>", "eval")
            except SyntaxError:
                exec(lines[-1], ns)
                v = None
            else:
                v = eval(code, ns)
        out.append([buf.getvalue(), None if v is None or lines[-1].startswith("print(") else fmt(v)])
    return out


if __name__ == "__main__":
    out = {"parameters": run(PARAMETERS), "custom_read_gpu": run(CUSTOM_READ_GPU)}
    with open(os.path.join(HERE, "d2l_computation.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
