"""Fixture for test/tutorials/pytorch_book.test.ts: chenyuntc/pytorch-book (《深度学习框架PyTorch：入门与实践》
2nd edition) Chapter2 (quick start) and Chapter3 (Tensor and autograd), the book's cells in order, run
on PyTorch 1.13. What a cell displays is printed with log(), which writes what the TypeScript port's
console.log prints for the same values (true/false/null, Python's tuples as arrays, integral floats
without ".0", grad_fn reprs without their address), so the two printed texts compare line by line.
Errors the book provokes on purpose print as `ERR <class>: <message>`.
Left out, as in the TypeScript port (see its header): the version cell, uninitialised values (their
shapes are printed instead), named tensors, storage()/data_ptr(), NumPy's shared memory, plots, the
second y.backward() of Chapter2 (cells 36-39), grad_fn.apply, and CIFAR-10 (a download)."""
import os
import re
import sys

import torch
import torch as t
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402

OUT = []


class LibraryTuple(tuple):
    """A tuple a torch call returned (torch.autograd.grad's): torchlab prints it as the tuple it is,
    where a tuple the book writes (`a, b`) is an array in the TypeScript port."""


def fmt(v, top=True):
    if v is None:
        return "null" if top else "None"
    if isinstance(v, bool):
        return ("true" if v else "false") if top else ("True" if v else "False")
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, LibraryTuple):
        return "(" + ", ".join(fmt(x, False) for x in v) + ("," if len(v) == 1 else "") + ")"
    if is_next_functions(v):
        # torchlab prints a node's next_functions as PyTorch's tuples
        return "(" + ", ".join("(" + fmt(n, False) + ", " + str(i) + ")" for n, i in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, (list, tuple)) and not isinstance(v, torch.Size) and type(v).__module__ != "torch.return_types":
        return "[" + ", ".join(fmt(x, False) for x in v) + "]"
    if type(v).__name__.endswith("Backward0") or type(v).__name__ in ("AccumulateGrad", "BackwardCFunction") or "Backward" in type(v).__name__:
        # the address differs per run (the test strips torchlab's made-up one)
        return re.sub(r" at 0x[0-9a-f]+>$", ">", repr(v))
    return str(v)


def is_next_functions(v):
    return isinstance(v, tuple) and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[1], int) and (p[0] is None or "Backward" in type(p[0]).__name__ or type(p[0]).__name__ == "AccumulateGrad") for p in v) and len(v) > 0


def log(*args):
    OUT.append(" ".join(fmt(a) for a in args))


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the error is the reference
        log(f"ERR {type(e).__name__}: {e}")


def chapter2():
    OUT.clear()
    x = t.Tensor(5, 3)
    log(x.shape)
    y = t.Tensor(5)
    log(y.size())
    z = t.tensor([5])
    log(z.size())
    # seeded so that the values compare
    t.manual_seed(0)
    x = t.rand(5, 3)
    log(x)
    log(x.shape)
    log(x.size()[1], x.size(1))
    y = t.rand(5, 3)
    log(x + y)
    log(t.add(x, y))
    result = t.Tensor(5, 3)
    t.add(x, y, out=result)
    log(result)
    log('初始的y值')
    log(y)
    log('第一种加法，y的结果')
    y.add(x)
    log(y)
    log('第二种加法，y的结果')
    y.add_(x)
    log(y)
    log(x[:, 1])
    a = t.ones(5)
    log(a)
    b = t.from_numpy(t.ones(5, dtype=t.float64).numpy())
    log(b)
    b.add_(1)
    log(b)
    scalar = b[0]
    log(scalar)
    log(scalar.shape)
    log(scalar.item())
    tensor = t.tensor([2])
    log(tensor, scalar)
    log(tensor.size(), scalar.size())
    log(tensor.item(), scalar.item())
    tensor = t.tensor([3, 4])
    scalar = t.tensor(3)
    log(scalar)
    old_tensor = tensor
    new_tensor = old_tensor.clone()
    new_tensor[0] = 1111
    log(old_tensor, new_tensor)
    x = t.randn(4, 4)
    y = x.view(16)
    z = x.view(-1, 8)
    log(x.size(), y.size(), z.size())
    p = x.reshape(-1, 8)
    log(p.shape)
    x1 = t.randn(2, 4, 6)
    o1 = x1.permute((2, 1, 0))
    o2 = x1.transpose(0, 2)
    log(f'o1 size{o1.size()}')
    log(f'o2 size{o2.size()}')
    log(f'o2 size {o2.size()}')
    new_tensor = old_tensor.detach()
    new_tensor[0] = 1111
    log(old_tensor, new_tensor)
    x = t.randn(3, 2, 1, 1)
    y = x.squeeze(-1)
    z = x.unsqueeze(0)
    w = t.cat((x, x), 0)
    log(f'y size{y.shape}')
    log(f'z size{z.shape}')
    log(f'w size{w.shape}')
    x = t.randn(1)
    log(x)
    log(x.item())
    device = t.device("cuda:0" if t.cuda.is_available() else "cpu")
    x = x.to(device)
    y = y.to(x.device)
    z = x + y
    log(z.shape)
    x = t.ones(2, 2, requires_grad=True)
    log(x)
    y = x.sum()
    log(y)
    log(y.grad_fn)
    y.backward()
    log(x.grad)
    a = t.randn(2, 2)
    a = ((a * 3) / (a - 1))
    log(a.requires_grad)
    a.requires_grad_(True)
    log(a.requires_grad)
    b = (a * a).sum()
    log(b.grad_fn)

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
            x = x.view(x.size()[0], -1)
            x = F.relu(self.fc1(x))
            x = F.relu(self.fc2(x))
            x = self.fc3(x)
            return x

    t.manual_seed(0)
    net = Net()
    log(net)
    params = list(net.parameters())
    log(len(params))
    for name, parameters in net.named_parameters():
        log(name, ':', parameters.size())
    input = t.randn(1, 1, 32, 32)
    out = net(input)
    log(out.size())
    net.zero_grad()
    out.backward(t.ones(1, 10))
    output = net(input)
    target = t.arange(0, 10).view(1, 10).float()
    criterion = nn.MSELoss()
    loss = criterion(output, target)
    log(loss)
    net.zero_grad()
    log('反向传播之前 conv1.bias的梯度')
    log(net.conv1.bias.grad)
    loss.backward()
    log('反向传播之后 conv1.bias的梯度')
    log(net.conv1.bias.grad)
    optimizer = optim.SGD(net.parameters(), lr=0.01)
    optimizer.zero_grad()
    output = net(input)
    loss = criterion(output, target)
    loss.backward()
    optimizer.step()
    log(criterion(net(input), target))
    return list(OUT)


def chapter3():
    OUT.clear()
    a0 = t.Tensor(2, 3)
    log(a0.shape, a0.dtype)
    b = t.Tensor([[1, 2, 3], [4, 5, 6]])
    log(b)
    log(b.tolist())
    b_size = b.size()
    log(b_size)
    log(b.numel(), b.nelement())
    c = t.Tensor(b_size)
    d = t.Tensor((2, 3))
    log(c.shape, d)
    log(t.Tensor())
    log(t.tensor(()))
    a = t.tensor([2, 3])
    log(a.type())
    b = t.Tensor([2, 3])
    log(b.type())
    arr = t.ones((2, 3), dtype=t.float64).numpy()
    a = t.tensor(arr)
    log(a)
    log(t.ones(2, 3))
    input_tensor = t.tensor([[1, 2, 3], [4, 5, 6]])
    log(t.ones_like(input_tensor))
    log(t.zeros(2, 3))
    log(t.eye(2, 3, dtype=t.int))
    log(t.arange(1, 6, 2))
    log(t.linspace(1, 10, 3))
    t.manual_seed(0)
    log(t.randn(2, 3))
    log(t.randperm(5))
    tensor3 = t.tensor((), dtype=t.int32)
    log(tensor3.new_ones((2, 3)))
    a = t.rand(2, 3)
    log(a.dtype)
    t.set_default_tensor_type('torch.DoubleTensor')
    a = t.rand(2, 3)
    log(a.dtype)
    t.set_default_tensor_type('torch.FloatTensor')
    b1 = a.type(t.FloatTensor)
    b2 = a.float()
    log(a.dtype, b1.dtype, b2.dtype)
    an = a.new(2, 3)
    log(an.shape, an.dtype)
    a = t.randn(3, 4)
    log(a)
    log("查看第1行结果：", a[0])
    log("查看第2列结果：", a[:, 1])
    log("查看第2行最后两个元素：", a[1, -2:])
    log(a > 0)
    log((a > 0).int())
    log(a[a > 0])
    log(a.masked_select(a > 0))
    log(t.where(a > 0, a, t.zeros_like(a)))
    a = t.arange(0, 16).view(4, 4)
    log(a)
    index = t.tensor([[0, 1, 2, 3]])
    log(a.gather(0, index))
    index = t.tensor([[3, 2, 1, 0]]).t()
    log(a.gather(1, index))
    index = t.tensor([[0, 1, 2, 3], [3, 2, 1, 0]]).t()
    b = a.gather(1, index)
    log(b)
    c = t.zeros(4, 4).long()
    log(c.scatter_(1, index, b))
    log(t.Tensor([1.]).item())
    err(lambda: t.Tensor([1, 2]).item())
    x = t.arange(0, 16).view(2, 2, 4)
    log(x)
    log(x[[1, 0], [1, 1], [2, 0]])
    log(x[[1, 0], [0], [1]])
    # element-wise, reduction, comparison
    a = t.arange(0, 6).float().view(2, 3)
    log(t.cos(a))
    log(a % 3)
    log(t.fmod(a, 3))
    a = t.arange(0, 6).float().view(2, 3)
    log(a)
    log(t.clamp(a, min=2, max=4))
    b = t.ones(2, 3)
    log(b.sum(dim=0, keepdim=True), b.sum(dim=0, keepdim=True).shape)
    log(b.sum(dim=0, keepdim=False), b.sum(dim=0, keepdim=False).shape)
    a = t.arange(2, 8).view(2, 3)
    log(a)
    log(a.cumsum(dim=1))
    a = t.linspace(0, 15, 6).view(2, 3)
    b = t.linspace(15, 0, 6).view(2, 3)
    log(a > b)
    log("a中大于b的元素: ", a[a > b])
    log("a中最大的元素: ", t.max(a))
    log(t.max(b, dim=1))
    log(t.max(a, b))
    a = t.linspace(0, 15, 6).view(2, 3)
    b = a.t()
    log(b.is_contiguous())
    b = b.contiguous()
    log(b.is_contiguous())
    # NumPy: the port's from_numpy copies (see the header), so the write after it does not show
    a_np = t.ones(2, 3).numpy()
    b = t.from_numpy(a_np.copy())
    log(b)
    a_np[0, 1] = -1
    log(b)
    # views share data
    a = t.arange(0, 6).float()
    b = a.view(2, 3)
    a[1] = 100
    log(b)
    c = a[2:]
    c[0] = -100
    log(a)
    log(b)
    log(a.storage_offset(), c.storage_offset())
    e = b[::2, ::2]
    log(e.is_contiguous())
    tensor = t.arange(24).reshape(2, 3, 4)
    log(f"a.shape={tensor.shape}. a.size()={tensor.size()}")
    log(f'这是个{tensor.dim()}维Tensor, 总共{tensor.numel()}个元素')
    a = t.arange(1, 13)
    b = a.view(2, 6)
    c = a.reshape(2, 6)
    log(id(a) == id(b) == id(c))
    b = b.t()
    log(b.reshape(-1, 4))
    err(lambda: b.view(-1, 4))
    t.manual_seed(0)
    img_3xHxW = t.randn(3, 128, 256)
    img_3xHW = img_3xHxW.view(3, -1)
    log(img_3xHW.mean(dim=1))
    alpha_HxW = t.rand(128, 256)
    alpha_1xHxW = alpha_HxW[None]
    rgba_img = t.cat([alpha_1xHxW, img_3xHxW], dim=0)
    log(rgba_img.shape)
    alpha_HxW = alpha_1xHxW.view(128, 256)
    mask = t.arange(6).view(2, 3)
    log(mask)
    log(mask.transpose(0, 1))
    log(mask.view(3, 2))
    img_3xHxW = t.randn(3, 128, 256)
    img_HxWx3 = img_3xHxW.permute(1, 2, 0)
    log(img_HxWx3.is_contiguous())
    log(img_HxWx3.reshape(-1))
    H, W = 4, 5
    img_3xHxW = t.randn(3, H, W)
    img_3xHW = img_3xHxW.reshape(3, -1)
    img_3xWH = img_3xHxW.transpose(1, 2).reshape(3, -1)
    img_3xWxH = img_3xWH.reshape(3, W, H)
    log(img_3xWxH)
    chapter3_autograd()
    return list(OUT)


def chapter3_autograd():
    device = t.device('cpu')
    t.manual_seed(1000)

    def get_fake_data(batch_size=8):
        ''' 产生随机数据：y=x*2+3，加上了一些噪声'''
        x = t.rand(batch_size, 1, device=device) * 5
        y = x * 2 + 3 + t.randn(batch_size, 1, device=device)
        return x, y

    x, y = get_fake_data(batch_size=16)
    log(x.squeeze().cpu(), y.squeeze().cpu())
    w = t.rand(1, 1).to(device)
    b = t.zeros(1, 1).to(device)
    lr = 0.02
    for ii in range(500):
        x, y = get_fake_data(batch_size=4)
        y_pred = x.mm(w) + b.expand_as(y)
        loss = 0.5 * (y_pred - y) ** 2
        loss = loss.mean()
        dloss = 1
        dy_pred = dloss * (y_pred - y)
        dw = x.t().mm(dy_pred)
        db = dy_pred.sum()
        w.sub_(lr * dw)
        b.sub_(lr * db)
        if ii % 50 == 0:
            x = t.arange(0, 6).float().view(-1, 1)
            log(x.type(), w.type())
            y = x.mm(w) + b.expand_as(x)
            x2, y2 = get_fake_data(batch_size=32)
    log('w: ', w.item(), 'b: ', b.item())
    a = t.randn(3, 4, requires_grad=True)
    log(a.requires_grad)
    a = t.randn(3, 4)
    a.requires_grad = True
    b = t.zeros(3, 4).requires_grad_()
    c = (a + b).sum()
    c.backward()
    log(c)
    log(a.grad)
    log(a.requires_grad, b.requires_grad, c.requires_grad)
    log(a.is_leaf, b.is_leaf, c.is_leaf)
    a = t.rand(10, requires_grad=True)
    log(a.is_leaf)
    # .cuda(0) stands in as .double(): another dtype/device conversion, recorded the same way
    b = t.rand(10, requires_grad=True).double()
    log(b.is_leaf)
    c = t.rand(10, requires_grad=True) + 2
    log(c.is_leaf)
    d = t.rand(10).double()
    log(d.requires_grad)
    log(d.is_leaf)
    e = t.rand(10).double().requires_grad_()
    log(e.is_leaf)

    def f(x):
        '''计算y'''
        y = x**2 * t.exp(x)
        return y

    def gradf(x):
        '''手动求导函数'''
        dx = 2*x*t.exp(x) + x**2*t.exp(x)
        return dx

    x = t.randn(3, 4, requires_grad=True)
    y = f(x)
    log(y)
    y.backward(t.ones(y.size()))
    log(x.grad)
    log(gradf(x))
    x = t.ones(1)
    b = t.rand(1, requires_grad=True)
    w = t.rand(1, requires_grad=True)
    y = w * x
    z = y + b
    log(x.requires_grad, b.requires_grad, w.requires_grad)
    log(y.requires_grad)
    log(z.grad_fn)
    log(z.grad_fn.next_functions)
    log(y.grad_fn.next_functions)
    log(w.grad_fn, x.grad_fn)
    z.backward(retain_graph=True)
    log(w.grad)
    z.backward()
    log(w.grad)
    err(lambda: z.backward())
    err(lambda: w.add_(1))

    def abs(x):
        if x.data[0] > 0: return x
        else: return -x
    x = t.ones(1, requires_grad=True)
    y = abs(x)
    y.backward()
    log(x.grad)

    def f2(x):
        result = 1
        for ii in x:
            if ii.item() > 0: result = ii*result
        return result
    x = t.arange(-2, 4).float().requires_grad_()
    y = f2(x)
    y.backward()
    log(x.grad)
    x = t.ones(1, requires_grad=True)
    w = t.rand(1, requires_grad=True)
    y = x * w
    log(x.requires_grad, w.requires_grad, y.requires_grad)
    with t.no_grad():
        x = t.ones(1)
        w = t.rand(1, requires_grad=True)
        y = x * w
    log(x.requires_grad, w.requires_grad, y.requires_grad)
    t.set_grad_enabled(False)
    x = t.ones(1)
    w = t.rand(1, requires_grad=True)
    y = x * w
    log(x.requires_grad, w.requires_grad, y.requires_grad)
    t.set_grad_enabled(True)
    a = t.ones(3, 4, requires_grad=True)
    b = t.ones(3, 4, requires_grad=True)
    c = a * b
    log(a.data)
    log(a.data.requires_grad)
    x = t.ones(3, requires_grad=True)
    w = t.rand(3, requires_grad=True)
    y = x * w
    z = y.sum()
    log(x.requires_grad, w.requires_grad, y.requires_grad)
    z.backward()
    log(x.grad, w.grad, y.grad)
    x = t.ones(3, requires_grad=True)
    w = t.rand(3, requires_grad=True)
    y = x * w
    z = y.sum()
    log(LibraryTuple(t.autograd.grad(z, y)))

    def variable_hook(grad):
        log('y的梯度：', grad)
    x = t.ones(3, requires_grad=True)
    w = t.rand(3, requires_grad=True)
    y = x * w
    hook_handle = y.register_hook(variable_hook)
    z = y.sum()
    z.backward()
    hook_handle.remove()

    from torch.autograd import Function

    class MultiplyAdd(Function):
        @staticmethod
        def forward(ctx, w, x, b):
            ctx.save_for_backward(w, x)
            output = w * x + b
            return output

        @staticmethod
        def backward(ctx, grad_output):
            w, x = ctx.saved_tensors
            grad_w = grad_output * x
            grad_x = grad_output * w
            grad_b = grad_output * 1
            return grad_w, grad_x, grad_b

    x = t.ones(1)
    w = t.rand(1, requires_grad=True)
    b = t.rand(1, requires_grad=True)
    z = MultiplyAdd.apply(w, x, b)
    z.backward()
    log(x.grad, w.grad, b.grad)
    x = t.ones(1)
    w = t.rand(1, requires_grad=True)
    b = t.rand(1, requires_grad=True)
    z = MultiplyAdd.apply(w, x, b)
    log(z.grad_fn)


def caught(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the error is the reference
        return [type(e).__name__, str(e)]
    return None


def legacy():
    """torch.Tensor / x.new / set_default_tensor_type outside a notebook (the port's plain-script test)."""
    t.set_default_tensor_type(t.DoubleTensor)
    double = [str(t.Tensor(2).dtype), str(t.Tensor([1.5]).dtype)]
    t.set_default_tensor_type('torch.FloatTensor')
    a = t.zeros(1, dtype=t.float64)
    return {
        "sizes": [list(t.Tensor(2, 3).shape), list(t.Tensor(t.Size([4, 1])).shape), list(t.Tensor().shape)],
        "data": str(t.Tensor([[1, 2], [3, 4]])),
        "size_repr": [str(t.Size([4, 1])), str(t.Size([2]))],
        "double": double,
        "new": [str(a.new(2, 3).shape), str(a.new(t.Size([3])).dtype), str(a.new([1, 2])), str(a.new().shape)],
        "long_default": caught(lambda: t.set_default_tensor_type('torch.LongTensor')),
    }


if __name__ == "__main__":
    out = {"legacy": legacy(), "chapter2": {"printed": chapter2()}, "chapter3": {"printed": chapter3()}}
    print(write_json(out, "pytorch_book.json"))
