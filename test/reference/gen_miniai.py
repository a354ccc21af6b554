"""Fixture for test/tutorials/miniai_notebook.test.ts: fast.ai's "Practical Deep Learning for Coders"
part 2 (2022, fastai/course22p2), the from-scratch notebooks 01_matmul, 03_backprop,
04_minibatch_training and 07_convolutions, their PyTorch cells run on PyTorch 1.13 as IPython runs them:
each cell records what it prints and what Jupyter shows as its value.

Each course notebook is a section of one notebook; between sections the test's reseeding cell runs
(torch.manual_seed(0), default print options, float32), and RESEED below does the same here.
The course downloads MNIST (mnist.pkl.gz); the stand-in is load_mnist() (not a course cell; the test's
setup cell computes the same values): 1000 training and 200 validation 28x28 digits whose labels and
pixels (multiples of 1/256, exact in float32) come from a formula, as the pickle's NumPy arrays.
fastcore is not installed beside this PyTorch: test_close is fastcore's (`(abs(a-b) < eps).all()`,
an AssertionError otherwise) and store_attr becomes explicit assignments (in the cells themselves).
The test's header lists what is shrunk, left out or written differently.
Run: /usr/bin/python3 test/reference/gen_miniai.py"""
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


def show(v):
    """A cell's tuple value is the dialect's array (a nested tuple stays one: `tuple([ar, ac])`)."""
    if type(v) is tuple:
        return pretty(list(v))
    return pretty(v)


RESEED = 'torch.manual_seed(0); torch.set_printoptions(profile="default", sci_mode=None); torch.set_default_dtype(torch.float32)'

SETUP = '''import random
import torch


def load_mnist():
    def digits(n, off):
        i = torch.arange(n)
        y = (i * 7 + (i * i) % 11 + off) % 10
        p = torch.arange(784)[None]
        v = (y[:, None] * 29 + p * (y[:, None] + 3) + i[:, None] * 5 + (p * p) % 11) % 256
        x = (v * (v >= 200)).float() / 256
        return x.numpy(), y.numpy()
    return digits(500, 0), digits(100, 4), None


def test_close(a, b, eps=1e-5):
    assert (abs(a - b) < eps).all(), f"close:\\n{a}\\n{b}"
'''

NB01 = [
    '''((x_train, y_train), (x_valid, y_valid), _) = load_mnist()''',
    '''lst1 = list(x_train[0])
vals = lst1[200:210]
vals''',
    '''def chunks(x, sz):
    for i in range(0, len(x), sz): yield x[i:i+sz]''',
    '''list(chunks(vals, 5))''',
    '''import matplotlib as mpl, matplotlib.pyplot as plt
mpl.rcParams['image.cmap'] = 'gray'
plt.imshow(list(chunks(lst1, 28)));''',
    '''img = list(chunks(lst1, 28))''',
    '''img[20][15]''',
    '''class Matrix:
    def __init__(self, xs): self.xs = xs
    def __getitem__(self, idxs): return self.xs[idxs[0]][idxs[1]]''',
    '''m = Matrix(img)
m[20,15]''',
    '''import torch
from torch import tensor''',
    '''tensor([1,2,3])''',
    '''x_train,y_train,x_valid,y_valid = map(tensor, (x_train,y_train,x_valid,y_valid))
x_train.shape''',
    '''x_train.type()''',
    '''imgs = x_train.reshape((-1,28,28))
imgs.shape''',
    '''imgs[0,20,15]''',
    '''n,c = x_train.shape
y_train, y_train.shape''',
    '''min(y_train),max(y_train)''',
    '''y_train.min(), y_train.max()''',
    '''rnd_state = None
def seed(a):
    global rnd_state
    a, x = divmod(a, 30268)
    a, y = divmod(a, 30306)
    a, z = divmod(a, 30322)
    rnd_state = int(x)+1, int(y)+1, int(z)+1''',
    '''seed(457428938475)
rnd_state''',
    '''def rand():
    global rnd_state
    x, y, z = rnd_state
    x = (171 * x) % 30269
    y = (172 * y) % 30307
    z = (170 * z) % 30323
    rnd_state = x,y,z
    return (x/30269 + y/30307 + z/30323) % 1.0''',
    '''rand(),rand(),rand()''',
    '''torch.manual_seed(1)
weights = torch.randn(784,10)
bias = torch.zeros(10)''',
    '''m1 = x_valid[:5, 300:316]
m2 = weights[300:316]''',
    '''m1.shape,m2.shape''',
    '''ar,ac = m1.shape # n_rows * n_cols
br,bc = m2.shape
(ar,ac),(br,bc)''',
    '''t1 = torch.zeros(ar, bc)
t1.shape''',
    '''for i in range(ar):         # 5
    for j in range(bc):     # 10
        for k in range(ac): # 784
            t1[i,j] += m1[i,k] * m2[k,j]''',
    '''t1''',
    '''t1.shape''',
    '''torch.set_printoptions(precision=2, linewidth=140, sci_mode=False)
t1''',
    '''ar*bc*ac''',
    '''a = tensor([10., 6, -4])
b = tensor([2., 8, 7])
a,b''',
    '''a + b''',
    '''(a < b).float().mean()''',
    '''m = tensor([[1., 2, 3], [4,5,6], [7,8,9]]); m''',
    '''sf = (m*m).sum()
sf''',
    '''sf.sqrt()''',
    '''m[2,:],m[:,2]''',
    '''m[2]''',
    '''def matmul(a,b):
    (ar,ac),(br,bc) = a.shape,b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc): c[i,j] = (a[i,:] * b[:,j]).sum()
    return c''',
    '''test_close(t1,matmul(m1, m2))''',
    '''def matmul(a,b):
    (ar,ac),(br,bc) = a.shape,b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc): c[i,j] = torch.dot(a[i,:], b[:,j])
    return c''',
    '''test_close(t1,matmul(m1, m2))''',
    '''a''',
    '''a > 0''',
    '''a + 1''',
    '''m''',
    '''2*m''',
    '''c = tensor([10.,20,30]); c''',
    '''m.shape,c.shape''',
    '''m + c''',
    '''c + m''',
    '''t = c.expand_as(m)''',
    '''t''',
    '''m + t''',
    '''t.stride(), t.shape''',
    '''c.unsqueeze(0), c[None, :]''',
    '''c.shape, c.unsqueeze(0).shape''',
    '''c.unsqueeze(1), c[:, None]''',
    '''c.shape, c.unsqueeze(1).shape''',
    '''c[None].shape,c[...,None].shape''',
    '''c[:,None].expand_as(m)''',
    '''m + c[:,None]''',
    '''m + c[None,:]''',
    '''c[None,:] * c[:,None]''',
    '''c[None] > c[:,None]''',
    '''m*m''',
    '''digit = m1[0]
digit.shape,m2.shape''',
    '''digit[:,None].shape''',
    '''digit[:,None].expand_as(m2).shape''',
    '''(digit[:,None]*m2).shape''',
    '''def matmul(a,b):
    (ar,ac),(br,bc) = a.shape,b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
#       c[i,j] = (a[i,:] * b[:,j]).sum()      # previous version
        c[i]   = (a[i,:,None] * b).sum(dim=0) # broadcast version
    return c''',
    '''test_close(t1,matmul(m1, m2))''',
    '''tr = matmul(x_train[:50], weights)
tr''',
    '''tr.shape''',
    '''m1.shape,m2.shape''',
    '''mr = torch.einsum('ik,kj->ikj', m1, m2)
mr.shape''',
    '''mr.sum(1)''',
    '''torch.einsum('ik,kj->ij', m1, m2)''',
    '''def matmul(a,b): return torch.einsum('ik,kj->ij', a, b)''',
    '''test_close(tr, matmul(x_train[:50], weights), eps=1e-3)''',
    '''test_close(tr, x_train[:50]@weights, eps=1e-3)''',
    '''def matmul(grid, a,b,c):
    i,j = grid
    if i < c.shape[0] and j < c.shape[1]:
        tmp = 0.
        for k in range(a.shape[1]): tmp += a[i, k] * b[k, j]
        c[i,j] = tmp''',
    '''res = torch.zeros(ar, bc)
matmul((0,0), m1, m2, res)
res''',
    '''def launch_kernel(kernel, grid_x, grid_y, *args, **kwargs):
    for i in range(grid_x):
        for j in range(grid_y): kernel((i,j), *args, **kwargs)''',
    '''res = torch.zeros(ar, bc)
launch_kernel(matmul, ar, bc, m1, m2, res)
res''',
    '''test_close(tr, torch.matmul(x_train[:50], weights), eps=1e-3)''',
]

NB03 = [
    '''import pickle,gzip,math,os,time,shutil,torch
from torch import tensor
torch.manual_seed(42)

torch.set_printoptions(precision=2, linewidth=125, sci_mode=False)

((x_train, y_train), (x_valid, y_valid), _) = load_mnist()
x_train, y_train, x_valid, y_valid = map(tensor, [x_train, y_train, x_valid, y_valid])''',
    '''n,m = x_train.shape
c = y_train.max()+1
n,m,c''',
    '''# num hidden
nh = 50''',
    '''w1 = torch.randn(m,nh)
b1 = torch.zeros(nh)
w2 = torch.randn(nh,1)
b2 = torch.zeros(1)''',
    '''def lin(x, w, b): return x@w + b''',
    '''t = lin(x_valid, w1, b1)
t.shape''',
    '''def relu(x): return x.clamp_min(0.)''',
    '''t = relu(t)
t''',
    '''def model(xb):
    l1 = lin(xb, w1, b1)
    l2 = relu(l1)
    return lin(l2, w2, b2)''',
    '''res = model(x_valid)
res.shape''',
    '''res.shape,y_valid.shape''',
    '''(res-y_valid).shape''',
    '''res[:,0].shape''',
    '''res.squeeze().shape''',
    '''(res[:,0]-y_valid).shape''',
    '''y_train,y_valid = y_train.float(),y_valid.float()

preds = model(x_train)
preds.shape''',
    '''def mse(output, targ): return (output[:,0]-targ).pow(2).mean()''',
    '''mse(preds, y_train)''',
    '''def lin_grad(inp, out, w, b):
    # grad of matmul with respect to input
    inp.g = out.g @ w.t()
    w.g = (inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)
    b.g = out.g.sum(0)''',
    '''def forward_and_backward(inp, targ):
    # forward pass:
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    diff = out[:,0]-targ
    loss = diff.pow(2).mean()

    # backward pass:
    out.g = 2.*diff[:,None] / inp.shape[0]
    lin_grad(l2, out, w2, b2)
    l1.g = (l1>0).float() * l2.g
    lin_grad(inp, l1, w1, b1)''',
    '''forward_and_backward(x_train, y_train)''',
    '''# Save for testing against later
def get_grad(x): return x.g.clone()
chks = w1,w2,b1,b2,x_train
grads = w1g,w2g,b1g,b2g,ig = tuple(map(get_grad, chks))''',
    '''def mkgrad(x): return x.clone().requires_grad_(True)
ptgrads = w12,w22,b12,b22,xt2 = tuple(map(mkgrad, chks))''',
    '''def forward(inp, targ):
    l1 = lin(inp, w12, b12)
    l2 = relu(l1)
    out = lin(l2, w22, b22)
    return mse(out, targ)''',
    '''loss = forward(xt2, y_train)
loss.backward()''',
    '''for a,b in zip(grads, ptgrads): test_close(a, b.grad, eps=0.01)''',
    '''class Relu():
    def __call__(self, inp):
        self.inp = inp
        self.out = inp.clamp_min(0.)
        return self.out

    def backward(self): self.inp.g = (self.inp>0).float() * self.out.g''',
    '''class Lin():
    def __init__(self, w, b): self.w,self.b = w,b

    def __call__(self, inp):
        self.inp = inp
        self.out = lin(inp, self.w, self.b)
        return self.out

    def backward(self):
        self.inp.g = self.out.g @ self.w.t()
        self.w.g = self.inp.t() @ self.out.g
        self.b.g = self.out.g.sum(0)''',
    '''class Mse():
    def __call__(self, inp, targ):
        self.inp,self.targ = inp,targ
        self.out = mse(inp, targ)
        return self.out

    def backward(self):
        self.inp.g = 2. * (self.inp.squeeze() - self.targ).unsqueeze(-1) / self.targ.shape[0]''',
    '''class Model():
    def __init__(self, w1, b1, w2, b2):
        self.layers = [Lin(w1,b1), Relu(), Lin(w2,b2)]
        self.loss = Mse()

    def __call__(self, x, targ):
        for l in self.layers: x = l(x)
        return self.loss(x, targ)

    def backward(self):
        self.loss.backward()
        for l in reversed(self.layers): l.backward()''',
    '''model = Model(w1, b1, w2, b2)''',
    '''loss = model(x_train, y_train)''',
    '''model.backward()''',
    '''test_close(w2g, w2.g, eps=0.01)
test_close(b2g, b2.g, eps=0.01)
test_close(w1g, w1.g, eps=0.01)
test_close(b1g, b1.g, eps=0.01)
test_close(ig, x_train.g, eps=0.01)''',
    '''class Module():
    def __call__(self, *args):
        self.args = args
        self.out = self.forward(*args)
        return self.out

    def forward(self): raise Exception('not implemented')
    def backward(self): self.bwd(self.out, *self.args)
    def bwd(self): raise Exception('not implemented')''',
    '''class Relu(Module):
    def forward(self, inp): return inp.clamp_min(0.)
    def bwd(self, out, inp): inp.g = (inp>0).float() * out.g''',
    '''class Lin(Module):
    def __init__(self, w, b): self.w,self.b = w,b
    def forward(self, inp): return inp@self.w + self.b
    def bwd(self, out, inp):
        inp.g = self.out.g @ self.w.t()
        self.w.g = inp.t() @ self.out.g
        self.b.g = self.out.g.sum(0)''',
    '''class Mse(Module):
    def forward (self, inp, targ): return (inp.squeeze() - targ).pow(2).mean()
    def bwd(self, out, inp, targ): inp.g = 2*(inp.squeeze()-targ).unsqueeze(-1) / targ.shape[0]''',
    '''model = Model(w1, b1, w2, b2)''',
    '''loss = model(x_train, y_train)''',
    '''model.backward()''',
    '''test_close(w2g, w2.g, eps=0.01)
test_close(b2g, b2.g, eps=0.01)
test_close(w1g, w1.g, eps=0.01)
test_close(b1g, b1.g, eps=0.01)
test_close(ig, x_train.g, eps=0.01)''',
    '''from torch import nn
import torch.nn.functional as F''',
    '''class Linear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.w = torch.randn(n_in,n_out).requires_grad_()
        self.b = torch.zeros(n_out).requires_grad_()
    def forward(self, inp): return inp@self.w + self.b''',
    '''class Model(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.layers = [Linear(n_in,nh), nn.ReLU(), Linear(nh,n_out)]

    def __call__(self, x, targ):
        for l in self.layers: x = l(x)
        return F.mse_loss(x, targ[:,None])''',
    '''model = Model(m, nh, 1)
loss = model(x_train, y_train)
loss.backward()''',
    '''l0 = model.layers[0]
l0.b.grad''',
]

NB04 = [
    '''import pickle,gzip,math,os,time,shutil,torch
from torch import tensor,nn
import torch.nn.functional as F''',
    '''torch.set_printoptions(precision=2, linewidth=140, sci_mode=False)
torch.manual_seed(1)

((x_train, y_train), (x_valid, y_valid), _) = load_mnist()
x_train, y_train, x_valid, y_valid = map(tensor, [x_train, y_train, x_valid, y_valid])''',
    '''n,m = x_train.shape
c = y_train.max()+1
nh = 50''',
    '''class Model(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.layers = [nn.Linear(n_in,nh), nn.ReLU(), nn.Linear(nh,n_out)]

    def __call__(self, x):
        for l in self.layers: x = l(x)
        return x''',
    '''model = Model(m, nh, 10)
pred = model(x_train)
pred.shape''',
    '''def log_softmax(x): return (x.exp()/(x.exp().sum(-1,keepdim=True))).log()''',
    '''log_softmax(pred)''',
    '''def log_softmax(x): return x - x.exp().sum(-1,keepdim=True).log()''',
    '''def logsumexp(x):
    m = x.max(-1)[0]
    return m + (x-m[:,None]).exp().sum(-1).log()''',
    '''def log_softmax(x): return x - x.logsumexp(-1,keepdim=True)''',
    '''test_close(logsumexp(pred), pred.logsumexp(-1))
sm_pred = log_softmax(pred)
sm_pred''',
    '''y_train[:3]''',
    '''sm_pred[0,5],sm_pred[1,0],sm_pred[2,4]''',
    '''sm_pred[[0,1,2], y_train[:3]]''',
    '''def nll(input, target): return -input[range(target.shape[0]), target].mean()''',
    '''loss = nll(sm_pred, y_train)
loss''',
    '''test_close(F.nll_loss(F.log_softmax(pred, -1), y_train), loss, 1e-3)''',
    '''test_close(F.cross_entropy(pred, y_train), loss, 1e-3)''',
    '''loss_func = F.cross_entropy''',
    '''bs=50                  # batch size

xb = x_train[0:bs]     # a mini-batch from x
preds = model(xb)      # predictions
preds[0], preds.shape''',
    '''yb = y_train[0:bs]
yb''',
    '''loss_func(preds, yb)''',
    '''preds.argmax(dim=1)''',
    '''def accuracy(out, yb): return (out.argmax(dim=1)==yb).float().mean()''',
    '''accuracy(preds, yb)''',
    '''lr = 0.5   # learning rate
epochs = 2 # how many epochs to train for''',
    '''def report(loss, preds, yb): print(f'{loss:.2f}, {accuracy(preds, yb):.2f}')''',
    '''xb,yb = x_train[:bs],y_train[:bs]
preds = model(xb)
report(loss_func(preds, yb), preds, yb)''',
    '''for epoch in range(epochs):
    for i in range(0, n, bs):
        s = slice(i, min(n,i+bs))
        xb,yb = x_train[s],y_train[s]
        preds = model(xb)
        loss = loss_func(preds, yb)
        loss.backward()
        with torch.no_grad():
            for l in model.layers:
                if hasattr(l, 'weight'):
                    l.weight -= l.weight.grad * lr
                    l.bias   -= l.bias.grad   * lr
                    l.weight.grad.zero_()
                    l.bias  .grad.zero_()
    report(loss, preds, yb)''',
    '''m1 = nn.Module()
m1.foo = nn.Linear(3,4)
m1''',
    '''list(m1.named_children())''',
    '''list(m1.parameters())''',
    '''class MLP(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.l1 = nn.Linear(n_in,nh)
        self.l2 = nn.Linear(nh,n_out)
        self.relu = nn.ReLU()

    def forward(self, x): return self.l2(self.relu(self.l1(x)))''',
    '''model = MLP(m, nh, 10)
model.l1''',
    '''model''',
    '''for name,l in model.named_children(): print(f"{name}: {l}")''',
    '''for p in model.parameters(): print(p.shape)''',
    '''def fit():
    for epoch in range(epochs):
        for i in range(0, n, bs):
            s = slice(i, min(n,i+bs))
            xb,yb = x_train[s],y_train[s]
            preds = model(xb)
            loss = loss_func(preds, yb)
            loss.backward()
            with torch.no_grad():
                for p in model.parameters(): p -= p.grad * lr
                model.zero_grad()
        report(loss, preds, yb)''',
    '''fit()''',
    '''class MyModule:
    def __init__(self, n_in, nh, n_out):
        self._modules = {}
        self.l1 = nn.Linear(n_in,nh)
        self.l2 = nn.Linear(nh,n_out)

    def __setattr__(self,k,v):
        if not k.startswith("_"): self._modules[k] = v
        super().__setattr__(k,v)

    def __repr__(self): return f'{self._modules}'

    def parameters(self):
        for l in self._modules.values(): yield from l.parameters()''',
    '''mdl = MyModule(m,nh,10)
mdl''',
    '''for p in mdl.parameters(): print(p.shape)''',
    '''from functools import reduce''',
    '''layers = [nn.Linear(m,nh), nn.ReLU(), nn.Linear(nh,10)]''',
    '''class Model(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = layers
        for i,l in enumerate(self.layers): self.add_module(f'layer_{i}', l)

    def forward(self, x): return reduce(lambda val,layer: layer(val), self.layers, x)''',
    '''model = Model(layers)
model''',
    '''model(xb).shape''',
    '''class SequentialModel(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = nn.ModuleList(layers)

    def forward(self, x):
        for l in self.layers: x = l(x)
        return x''',
    '''model = SequentialModel(layers)
model''',
    '''fit()''',
    '''model = nn.Sequential(nn.Linear(m,nh), nn.ReLU(), nn.Linear(nh,10))''',
    '''fit()
loss_func(model(xb), yb), accuracy(model(xb), yb)''',
    '''model''',
    '''class Optimizer():
    def __init__(self, params, lr=0.5): self.params,self.lr=list(params),lr

    def step(self):
        with torch.no_grad():
            for p in self.params: p -= p.grad * self.lr

    def zero_grad(self):
        for p in self.params: p.grad.data.zero_()''',
    '''model = nn.Sequential(nn.Linear(m,nh), nn.ReLU(), nn.Linear(nh,10))''',
    '''opt = Optimizer(model.parameters())''',
    '''for epoch in range(epochs):
    for i in range(0, n, bs):
        s = slice(i, min(n,i+bs))
        xb,yb = x_train[s],y_train[s]
        preds = model(xb)
        loss = loss_func(preds, yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
    report(loss, preds, yb)''',
    '''from torch import optim''',
    '''def get_model():
    model = nn.Sequential(nn.Linear(m,nh), nn.ReLU(), nn.Linear(nh,10))
    return model, optim.SGD(model.parameters(), lr=lr)''',
    '''model,opt = get_model()
loss_func(model(xb), yb)''',
    '''for epoch in range(epochs):
    for i in range(0, n, bs):
        s = slice(i, min(n,i+bs))
        xb,yb = x_train[s],y_train[s]
        preds = model(xb)
        loss = loss_func(preds, yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
    report(loss, preds, yb)''',
    '''class Dataset():
    def __init__(self, x, y): self.x,self.y = x,y
    def __len__(self): return len(self.x)
    def __getitem__(self, i): return self.x[i],self.y[i]''',
    '''train_ds,valid_ds = Dataset(x_train, y_train),Dataset(x_valid, y_valid)
assert len(train_ds)==len(x_train)
assert len(valid_ds)==len(x_valid)''',
    '''xb,yb = train_ds[0:5]
assert xb.shape==(5,28*28)
assert yb.shape==(5,)
xb,yb''',
    '''model,opt = get_model()''',
    '''for epoch in range(epochs):
    for i in range(0, n, bs):
        xb,yb = train_ds[i:min(n,i+bs)]
        preds = model(xb)
        loss = loss_func(preds, yb)
        loss.backward()
        opt.step()
        opt.zero_grad()
    report(loss, preds, yb)''',
    '''class DataLoader():
    def __init__(self, ds, bs): self.ds,self.bs = ds,bs
    def __iter__(self):
        for i in range(0, len(self.ds), self.bs): yield self.ds[i:i+self.bs]''',
    '''train_dl = DataLoader(train_ds, bs)
valid_dl = DataLoader(valid_ds, bs)''',
    '''xb,yb = next(iter(valid_dl))
xb.shape''',
    '''yb''',
    '''model,opt = get_model()''',
    '''def fit():
    for epoch in range(epochs):
        for xb,yb in train_dl:
            preds = model(xb)
            loss = loss_func(preds, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
        report(loss, preds, yb)''',
    '''fit()
loss_func(model(xb), yb), accuracy(model(xb), yb)''',
    '''import random
random.seed(0)''',
    '''class Sampler():
    def __init__(self, ds, shuffle=False): self.n,self.shuffle = len(ds),shuffle
    def __iter__(self):
        res = list(range(self.n))
        if self.shuffle: random.shuffle(res)
        return iter(res)''',
    '''from itertools import islice''',
    '''ss = Sampler(train_ds)''',
    '''it = iter(ss)
for o in range(5): print(next(it))''',
    '''list(islice(ss, 5))''',
    '''ss = Sampler(train_ds, shuffle=True)
list(islice(ss, 5))''',
    '''def chunked(it, chunk_sz, drop_last=False):
    it = iter(it)
    while True:
        res = list(islice(it, chunk_sz))
        if not res or (drop_last and len(res) < chunk_sz): return
        yield res''',
    '''class BatchSampler():
    def __init__(self, sampler, bs, drop_last=False): self.sampler,self.bs,self.drop_last = sampler,bs,drop_last
    def __iter__(self): yield from chunked(iter(self.sampler), self.bs, drop_last=self.drop_last)''',
    '''batchs = BatchSampler(ss, 4)
list(islice(batchs, 5))''',
    '''def collate(b):
    xs,ys = zip(*b)
    return torch.stack(xs),torch.stack(ys)''',
    '''class DataLoader():
    def __init__(self, ds, batchs, collate_fn=collate): self.ds,self.batchs,self.collate_fn = ds,batchs,collate_fn
    def __iter__(self): yield from (self.collate_fn(self.ds[i] for i in b) for b in self.batchs)''',
    '''train_samp = BatchSampler(Sampler(train_ds, shuffle=True ), bs)
valid_samp = BatchSampler(Sampler(valid_ds, shuffle=False), bs)''',
    '''train_dl = DataLoader(train_ds, batchs=train_samp)
valid_dl = DataLoader(valid_ds, batchs=valid_samp)''',
    '''xb,yb = next(iter(valid_dl))
yb[0]''',
    '''xb.shape,yb.shape''',
    '''model,opt = get_model()''',
    '''fit()''',
    '''train_ds[[3,6,8,1]]''',
    '''train_ds.__getitem__([3,6,8,1])''',
    '''for o in map(train_ds.__getitem__, ([3,6],[8,1])): print(o)''',
    '''from torch.utils.data import DataLoader, SequentialSampler, RandomSampler, BatchSampler''',
    '''train_samp = BatchSampler(RandomSampler(train_ds),     bs, drop_last=False)
valid_samp = BatchSampler(SequentialSampler(valid_ds), bs, drop_last=False)''',
    '''train_dl = DataLoader(train_ds, batch_sampler=train_samp, collate_fn=collate)
valid_dl = DataLoader(valid_ds, batch_sampler=valid_samp, collate_fn=collate)''',
    '''model,opt = get_model()
fit()
loss_func(model(xb), yb), accuracy(model(xb), yb)''',
    '''train_dl = DataLoader(train_ds, bs, sampler=RandomSampler(train_ds), collate_fn=collate)
valid_dl = DataLoader(valid_ds, bs, sampler=SequentialSampler(valid_ds), collate_fn=collate)''',
    '''train_dl = DataLoader(train_ds, bs, shuffle=True, drop_last=True)
valid_dl = DataLoader(valid_ds, bs, shuffle=False)''',
    '''model,opt = get_model()
fit()

loss_func(model(xb), yb), accuracy(model(xb), yb)''',
    '''train_ds[[4,6,7]]''',
    '''def fit(epochs, model, loss_func, opt, train_dl, valid_dl):
    for epoch in range(epochs):
        model.train()
        for xb,yb in train_dl:
            loss = loss_func(model(xb), yb)
            loss.backward()
            opt.step()
            opt.zero_grad()

        model.eval()
        with torch.no_grad():
            tot_loss,tot_acc,count = 0.,0.,0
            for xb,yb in valid_dl:
                pred = model(xb)
                n = len(xb)
                count += n
                tot_loss += loss_func(pred,yb).item()*n
                tot_acc  += accuracy (pred,yb).item()*n
        print(epoch, tot_loss/count, tot_acc/count)
    return tot_loss/count, tot_acc/count''',
    '''def get_dls(train_ds, valid_ds, bs, **kwargs):
    return (DataLoader(train_ds, batch_size=bs, shuffle=True, **kwargs),
            DataLoader(valid_ds, batch_size=bs*2, **kwargs))''',
    '''train_dl,valid_dl = get_dls(train_ds, valid_ds, bs)
model,opt = get_model()''',
    '''loss,acc = fit(3, model, loss_func, opt, train_dl, valid_dl)''',
]

NB07 = [
    '''import torch
from torch import nn

from torch.utils.data import default_collate
from typing import Mapping''',
    '''((x_train, y_train), (x_valid, y_valid), _) = load_mnist()
x_train, y_train, x_valid, y_valid = map(tensor, [x_train, y_train, x_valid, y_valid])''',
    '''x_imgs = x_train.view(-1,28,28)
xv_imgs = x_valid.view(-1,28,28)''',
    '''im3 = x_imgs[7]''',
    '''top_edge = tensor([[-1,-1,-1],
                   [ 0, 0, 0],
                   [ 1, 1, 1]]).float()''',
    '''im3[:13,:23]''',
    '''(im3[3:6,14:17] * top_edge).sum()''',
    '''(im3[7:10,14:17] * top_edge).sum()''',
    '''def apply_kernel(row, col, kernel): return (im3[row-1:row+2,col-1:col+2] * kernel).sum()''',
    '''apply_kernel(4,15,top_edge)''',
    '''[[(i,j) for j in range(5)] for i in range(5)]''',
    '''rng = range(1,27)
top_edge3 = tensor([[apply_kernel(i,j,top_edge) for j in rng] for i in rng])
top_edge3[:5,:8]''',
    '''left_edge = tensor([[-1,0,1],
                    [-1,0,1],
                    [-1,0,1]]).float()''',
    '''left_edge3 = tensor([[apply_kernel(i,j,left_edge) for j in rng] for i in rng])
left_edge3[:5,:8]''',
    '''import torch.nn.functional as F
import torch''',
    '''inp = im3[None,None,:,:].float()
inp_unf = F.unfold(inp, (3,3))[0]
inp_unf.shape''',
    '''w = left_edge.view(-1)
w.shape''',
    '''out_unf = w@inp_unf
out_unf.shape''',
    '''out = out_unf.view(26,26)
test_close(out, left_edge3)
out[:5,:8]''',
    '''F.conv2d(inp, left_edge[None,None])[0,0,:5,:8]''',
    '''diag1_edge = tensor([[ 0,-1, 1],
                     [-1, 1, 0],
                     [ 1, 0, 0]]).float()''',
    '''diag2_edge = tensor([[ 1,-1, 0],
                     [ 0, 1,-1],
                     [ 0, 0, 1]]).float()''',
    '''xb = x_imgs[:16][:,None]
xb.shape''',
    '''edge_kernels = torch.stack([left_edge, top_edge, diag1_edge, diag2_edge])[:,None]
edge_kernels.shape''',
    '''batch_features = F.conv2d(xb, edge_kernels)
batch_features.shape''',
    '''img0 = xb[1,0]
[batch_features[1,i].sum() for i in range(4)]''',
    '''F.conv2d(xb, edge_kernels, stride=2).shape, F.conv2d(xb, edge_kernels, stride=2, padding=1).shape''',
    '''n,m = x_train.shape
c = y_train.max()+1
nh = 50''',
    '''model = nn.Sequential(nn.Linear(m,nh), nn.ReLU(), nn.Linear(nh,10))''',
    '''broken_cnn = nn.Sequential(
    nn.Conv2d(1,30, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.Conv2d(30,10, kernel_size=3, padding=1)
)''',
    '''broken_cnn(xb).shape''',
    '''def conv(ni, nf, ks=3, stride=2, act=True):
    res = nn.Conv2d(ni, nf, stride=stride, kernel_size=ks, padding=ks//2)
    if act: res = nn.Sequential(res, nn.ReLU())
    return res''',
    '''simple_cnn = nn.Sequential(
    conv(1 ,4),            #14x14
    conv(4 ,8),            #7x7
    conv(8 ,16),           #4x4
    conv(16,16),           #2x2
    conv(16,10, act=False), #1x1
    nn.Flatten(),
)''',
    '''simple_cnn(xb).shape''',
    '''x_imgs = x_train.view(-1,1,28,28)
xv_imgs = x_valid.view(-1,1,28,28)
train_ds,valid_ds = Dataset(x_imgs, y_train),Dataset(xv_imgs, y_valid)''',
    '''def_device = 'mps' if torch.backends.mps.is_available() else 'cuda' if torch.cuda.is_available() else 'cpu'

def to_device(x, device=def_device):
    if isinstance(x, torch.Tensor): return x.to(device)
    if isinstance(x, Mapping): return {k:v.to(device) for k,v in x.items()}
    return type(x)(to_device(o, device) for o in x)

def collate_device(b): return to_device(default_collate(b))''',
    '''from torch import optim

bs = 256
lr = 0.4
train_dl,valid_dl = get_dls(train_ds, valid_ds, bs, collate_fn=collate_device)
opt = optim.SGD(simple_cnn.parameters(), lr=lr)''',
    '''loss,acc = fit(2, simple_cnn.to(def_device), F.cross_entropy, opt, train_dl, valid_dl)''',
    '''opt = optim.SGD(simple_cnn.parameters(), lr=lr/4)
loss,acc = fit(2, simple_cnn.to(def_device), F.cross_entropy, opt, train_dl, valid_dl)''',
    '''simple_cnn[0][0]''',
    '''conv1 = simple_cnn[0][0]
conv1.weight.shape''',
    '''conv1.bias.shape''',
]

SECTIONS = {"nb01": NB01, "nb03": NB03, "nb04": NB04, "nb07": NB07}


def run_cells(sections):
    """Runs each section's cells as IPython runs them (the last statement, when an expression, is shown
    unless None), one namespace, RESEED between sections as the test's reseeding cell."""
    torch.manual_seed(0)
    main = types.ModuleType("__main__")
    sys.modules["__main__"] = main
    ns = main.__dict__
    exec(SETUP, ns)
    out = {}
    for k, (name, cells) in enumerate(sections.items()):
        if k > 0:
            exec(RESEED, ns)
        out[name] = []
        for src in cells:
            tree = ast.parse(src)
            last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) and not src.rstrip().endswith(";") else None
            body = tree.body[:-1] if last is not None else tree.body
            buf = io.StringIO()
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
            out[name].append({"printed": buf.getvalue(), "shown": shown, "figures": take_figures()})
    return out


def main():
    out = run_cells(SECTIONS)
    for name, cells in out.items():
        for i, c in enumerate(cells):
            if "ERROR" in c["printed"]: print(name, i, c["printed"][:300])
    write_json(out, "miniai.json")


if __name__ == "__main__":
    main()
