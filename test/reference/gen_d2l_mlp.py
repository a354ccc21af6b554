"""Fixture for test/tutorials/d2l_mlp.test.ts: Dive into Deep Learning (d2l-zh, PyTorch edition),
chapter_multilayer-perceptrons: the activation functions and their gradients (mlp), dropout from
scratch and the concise net's init, numerical-stability-and-init's product of 100 random matrices,
weight-decay's per-group SGD and l2_penalty. Records the printed output and the shown values."""
import contextlib
import io
import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))

SRC = '''
x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.relu(x)
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[:5], x.grad[100:105])
y = torch.sigmoid(x)
x.grad.data.zero_()
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[:3], x.shape)
y = torch.tanh(x)
x.grad.data.zero_()
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[79:81])
def dropout_layer(X, dropout):
    assert 0 <= dropout <= 1
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)
torch.manual_seed(0)
X = torch.arange(16, dtype=torch.float32).reshape((2, 8))
print(X)
print(dropout_layer(X, 0.))
print(dropout_layer(X, 0.5))
print(dropout_layer(X, 1.))
torch.manual_seed(0)
M = torch.normal(0, 1, size=(4,4))
print('一个矩阵 \\n',M)
for i in range(100):
    M = torch.mm(M,torch.normal(0, 1, size=(4, 4)))
print('乘以100个矩阵后\\n', M)
net = nn.Sequential(nn.Linear(200, 1))
for param in net.parameters():
    param.data.normal_()
wd, lr = 3, 0.003
trainer = torch.optim.SGD([{"params":net[0].weight,'weight_decay': wd}, {"params":net[0].bias}], lr=lr)
print(trainer)
def l2_penalty(w):
    return torch.sum(w.pow(2)) / 2
print(l2_penalty(torch.ones(3)))
net2 = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, 10))
def init_weights(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.01)
print(net2.apply(init_weights))
'''

if __name__ == "__main__":
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(SRC, {"torch": torch, "nn": nn})
    with open(os.path.join(HERE, "d2l_mlp.json"), "w") as f:
        json.dump({"printed": buf.getvalue()}, f, indent=1, ensure_ascii=False)
        f.write("\n")
