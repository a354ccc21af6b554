"""Reference outputs of PyTorch's own tutorials, for the line-by-line ports in test/tutorials/.

Run with Debian's interpreter, which has PyTorch 1.13 and torchvision 0.14:
    /usr/bin/python3 test/reference/gen_tutorials.py
Writes test/reference/tutorials.json: {section: {name: value}}, where a value is what the tutorial
prints (a repr string) or a tensor (shape, dtype, values as _common.enc writes them).

The tutorials draw random tensors; torchlab's generator is not PyTorch's, so random inputs and
initial weights are replaced by deterministic ones that both sides compute the same way:
det(shape, k) = 0.1 * sin(0.37 * arange(numel) + k), reshaped. Everything else is the tutorial's code.
Sections: "Learn the Basics" (tensors, data, transforms, build model, autograd, optimization, save
and load), the 60-minute blitz (tensors, autograd, neural networks), the course text (seed), "What is
torch.nn really?", the autograd tutorials and notes, and the transfer-learning tutorial's schedulers.
"""
import io
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset
from torchvision.transforms import Lambda, ToTensor

from _common import enc
from _tutorial_common import det, det_init_, write_json

OUT = {}


# ------------------------------------------------------------------ Learn the Basics: tensors
def tensors():
    r = {}
    data = [[1, 2], [3, 4]]
    x_data = torch.tensor(data)
    r["x_data"] = repr(x_data)
    np_array = np.array(data)
    x_np = torch.from_numpy(np_array)
    r["x_np"] = repr(x_np)
    x_ones = torch.ones_like(x_data)
    r["x_ones"] = f"Ones Tensor: \n {x_ones} \n"
    x_rand = torch.rand_like(x_data, dtype=torch.float)
    r["x_rand_dtype_shape"] = [str(x_rand.shape)]
    try:
        torch.rand_like(x_data)
    except RuntimeError as e:
        r["rand_like_int_error"] = str(e)
    shape = (2, 3,)
    r["ones_tensor"] = f"Ones Tensor: \n {torch.ones(shape)} \n"
    r["zeros_tensor"] = f"Zeros Tensor: \n {torch.zeros(shape)}"
    tensor = torch.rand(3, 4)
    r["attributes"] = f"Shape of tensor: {tensor.shape}\nDevice tensor is stored on: {tensor.device}"
    tensor = torch.ones(4, 4)
    r["first_row"] = f"First row: {tensor[0]}"
    r["first_column"] = f"First column: {tensor[:, 0]}"
    r["last_column"] = f"Last column: {tensor[..., -1]}"
    tensor[:, 1] = 0
    r["after_setitem"] = repr(tensor)
    t1 = torch.cat([tensor, tensor, tensor], dim=1)
    r["t1"] = repr(t1)
    y1 = tensor @ tensor.T
    y2 = tensor.matmul(tensor.T)
    y3 = torch.rand_like(y1)
    torch.matmul(tensor, tensor.T, out=y3)
    r["y"] = [repr(y1), repr(y2), repr(y3)]
    z1 = tensor * tensor
    z2 = tensor.mul(tensor)
    z3 = torch.rand_like(tensor)
    torch.mul(tensor, tensor, out=z3)
    r["z"] = [repr(z1), repr(z2), repr(z3)]
    agg = tensor.sum()
    agg_item = agg.item()
    r["agg_item"] = agg_item
    r["add_"] = f"{tensor} \n" + f"{tensor.add_(5)}"
    t = torch.ones(5)
    r["bridge_t"] = f"t: {t}"
    # A deterministic "random" tensor: repr of values with mixed signs and magnitudes.
    d = det([3, 4], 1.0) * 10
    r["det_repr"] = repr(d)
    r["det_repr_T"] = repr(d.T)
    r["det_sum_dim"] = [repr(d.sum(0)), repr(d.sum(1, keepdim=True)), repr(d.mean())]
    r["det_argmax"] = repr(d.argmax(1))
    r["big_int"] = repr(torch.tensor([1e10, 1, 2]))
    r["broadcast_error"] = ""
    try:
        torch.ones(2, 3) + torch.ones(2, 4)
    except RuntimeError as e:
        r["broadcast_error"] = str(e)
    OUT["tensors"] = r


# ------------------------------------------------------------------ Learn the Basics: data + transforms
class CustomDataset(Dataset):
    """The tutorial's CustomImageDataset, with images made in memory instead of read from files."""

    def __init__(self, n, transform=None, target_transform=None):
        self.n = n
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return self.n

    def __getitem__(self, idx):
        image = (torch.arange(16, dtype=torch.float32).reshape(1, 4, 4) + idx) / 32
        label = idx % 10
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


def data_transforms():
    r = {}
    target_transform = Lambda(lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1))
    r["one_hot_3"] = repr(target_transform(3))
    ds = CustomDataset(12, target_transform=target_transform)
    r["len"] = len(ds)
    img, label = ds[5]
    r["item5"] = [list(img.shape), repr(label)]
    train_dataloader = DataLoader(ds, batch_size=4, shuffle=False)
    train_features, train_labels = next(iter(train_dataloader))
    r["batch"] = f"Feature batch shape: {train_features.size()}\nLabels batch shape: {train_labels.size()}"
    r["batch_labels"] = repr(train_labels)
    plain = CustomDataset(6)
    feats, labels = next(iter(DataLoader(plain, batch_size=4)))
    r["plain_labels"] = repr(labels)
    r["plain_label_dtype"] = str(labels.dtype)
    r["num_batches"] = len(DataLoader(plain, batch_size=4))
    # ToTensor on an HxWxC uint8 array (PIL's layout): [C, H, W] float in [0, 1].
    arr = (np.arange(2 * 3 * 3, dtype=np.uint8) * 14).reshape(2, 3, 3)
    r["to_tensor"] = enc(ToTensor()(arr))
    r["to_tensor_values"] = arr.reshape(-1).tolist()
    OUT["data"] = r


# ------------------------------------------------------------------ Learn the Basics: build the model
class NeuralNetwork(nn.Module):
    def __init__(self):
        super(NeuralNetwork, self).__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


def build_model():
    r = {}
    model = NeuralNetwork()
    r["model"] = repr(model)
    det_init_(model)
    X = det([1, 28, 28], 0.5) * 10
    logits = model(X)
    pred_probab = nn.Softmax(dim=1)(logits)
    y_pred = pred_probab.argmax(1)
    r["logits"] = enc(logits)
    r["pred_probab"] = enc(pred_probab)
    r["predicted"] = f"Predicted class: {y_pred}"
    input_image = det([3, 28, 28], 2.0)
    r["input_image_size"] = str(input_image.size())
    flatten = nn.Flatten()
    flat_image = flatten(input_image)
    r["flat_image_size"] = str(flat_image.size())
    layer1 = nn.Linear(in_features=28 * 28, out_features=20)
    det_init_(layer1)
    hidden1 = layer1(flat_image)
    r["hidden1_size"] = str(hidden1.size())
    r["before_relu"] = f"Before ReLU: {hidden1[:, :5]}\n\n"
    hidden1 = nn.ReLU()(hidden1)
    r["after_relu"] = f"After ReLU: {hidden1[:, :5]}"
    seq_modules = nn.Sequential(flatten, layer1, nn.ReLU(), nn.Linear(20, 10))
    det_init_(seq_modules)
    logits = seq_modules(input_image)
    softmax = nn.Softmax(dim=1)
    pred_probab = softmax(logits)
    r["seq_pred_probab"] = enc(pred_probab)
    r["seq_repr"] = repr(seq_modules)
    r["structure"] = f"Model structure: {model}\n\n"
    lines = []
    for name, param in model.named_parameters():
        lines.append(f"Layer: {name} | Size: {param.size()} | Values : {param[:2]} \n")
    r["named_parameters"] = lines
    OUT["build_model"] = r


# ------------------------------------------------------------------ Learn the Basics: autograd
def autograd():
    r = {}
    x = torch.ones(5)  # input tensor
    y = torch.zeros(3)  # expected output
    w = det([5, 3], 0.3).requires_grad_()
    b = det([3], 1.7).requires_grad_()
    z = torch.matmul(x, w) + b
    loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
    r["z"] = repr(z)
    r["loss"] = repr(loss)
    r["grad_fns"] = [type(z.grad_fn).__name__, type(loss.grad_fn).__name__]
    loss.backward()
    r["w_grad"] = repr(w.grad)
    r["b_grad"] = repr(b.grad)
    z = torch.matmul(x, w) + b
    r["requires_grad"] = [z.requires_grad]
    with torch.no_grad():
        z = torch.matmul(x, w) + b
    r["requires_grad"].append(z.requires_grad)
    z = torch.matmul(x, w) + b
    z_det = z.detach()
    r["requires_grad"].append(z_det.requires_grad)
    inp = torch.eye(4, 5, requires_grad=True)
    out = (inp + 1).pow(2).t()
    out.backward(torch.ones_like(out), retain_graph=True)
    r["first_call"] = f"First call\n{inp.grad}"
    out.backward(torch.ones_like(out), retain_graph=True)
    r["second_call"] = f"\nSecond call\n{inp.grad}"
    inp.grad.zero_()
    out.backward(torch.ones_like(out), retain_graph=True)
    r["after_zero"] = f"\nCall after zeroing gradients\n{inp.grad}"
    a = torch.ones(2, requires_grad=True)
    o = (a * 2).sum()
    o.backward()
    try:
        o.backward()
    except RuntimeError as e:
        r["second_backward_error"] = str(e)
    try:
        (a * 2).backward()
    except RuntimeError as e:
        r["non_scalar_error"] = str(e)
    OUT["autograd"] = r


# ------------------------------------------------------------------ Learn the Basics: optimization
class TinyData(Dataset):
    """FashionMNIST stand-in: 24 deterministic 1x28x28 images, 10 classes."""

    def __init__(self, n, k):
        self.n = n
        self.k = k

    def __len__(self):
        return self.n

    def __getitem__(self, idx):
        return det([1, 28, 28], self.k + idx * 0.9), (idx * 7 + int(self.k)) % 10


def train_loop(dataloader, model, loss_fn, optimizer, log):
    size = len(dataloader.dataset)
    for batch, (X, y) in enumerate(dataloader):
        pred = model(X)
        loss = loss_fn(pred, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if batch % 2 == 0:
            loss, current = loss.item(), batch * len(X)
            log.append(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")


def test_loop(dataloader, model, loss_fn, log):
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= num_batches
    correct /= size
    log.append(f"Test Error: \n Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8f} \n")


def optimization():
    r = {}
    model = NeuralNetwork()
    det_init_(model)
    learning_rate = 1e-2
    batch_size = 8
    epochs = 3
    train_dataloader = DataLoader(TinyData(24, 0.0), batch_size=batch_size)
    test_dataloader = DataLoader(TinyData(16, 3.0), batch_size=batch_size)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    log = []
    for t in range(epochs):
        log.append(f"Epoch {t+1}\n-------------------------------")
        train_loop(train_dataloader, model, loss_fn, optimizer, log)
        test_loop(test_dataloader, model, loss_fn, log)
    log.append("Done!")
    r["log"] = log
    r["final_bias"] = enc(model.linear_relu_stack[4].bias)
    r["optimizer"] = repr(optimizer)
    OUT["optimization"] = r


# ------------------------------------------------------------------ Learn the Basics: save and load
def save_load():
    r = {}
    model = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
    det_init_(model)
    r["state_dict"] = repr(model.state_dict())
    r["keys"] = list(model.state_dict().keys())
    buf = io.BytesIO()
    torch.save(model.state_dict(), buf)
    buf.seek(0)
    loaded = torch.load(buf)
    r["loaded"] = repr(loaded)
    model2 = nn.Sequential(nn.Linear(3, 2), nn.ReLU(), nn.Linear(2, 1))
    r["load_result"] = repr(model2.load_state_dict(loaded))
    model2.eval()
    r["out"] = enc(model2(det([4, 3], 0.2)))
    OUT["save_load"] = r


# ------------------------------------------------------------------ 60-minute blitz: neural networks
class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        # 1 input image channel, 6 output channels, 3x3 square convolution kernel
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        # an affine operation: y = Wx + b
        self.fc1 = nn.Linear(16 * 6 * 6, 120)  # 6*6 from image dimension
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        # Max pooling over a (2, 2) window
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        # If the size is a square you can only specify a single number
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, self.num_flat_features(x))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

    def num_flat_features(self, x):
        size = x.size()[1:]  # all dimensions except the batch dimension
        num_features = 1
        for s in size:
            num_features *= s
        return num_features


def blitz():
    r = {}
    net = Net()
    r["net"] = repr(net)
    params = list(net.parameters())
    r["params"] = [len(params), str(params[0].size())]
    det_init_(net)
    input = det([1, 1, 32, 32], 0.7) * 10
    out = net(input)
    r["out"] = repr(out)
    net.zero_grad()
    out.backward(det([1, 10], 2.5))
    r["conv1_bias_grad_after_backward"] = repr(net.conv1.bias.grad)
    output = net(input)
    target = det([10], 1.1) * 10
    target = target.view(1, -1)
    criterion = nn.MSELoss()
    loss = criterion(output, target)
    r["loss"] = repr(loss)
    r["grad_fn_chain"] = [
        type(loss.grad_fn).__name__,
        type(loss.grad_fn.next_functions[0][0]).__name__,
        type(loss.grad_fn.next_functions[0][0].next_functions[0][0]).__name__,
    ]
    net.zero_grad()
    r["bias_grad_before"] = "conv1.bias.grad before backward\n" + repr(net.conv1.bias.grad)
    loss.backward()
    r["bias_grad_after"] = "conv1.bias.grad after backward\n" + repr(net.conv1.bias.grad)
    learning_rate = 0.01
    for f in net.parameters():
        f.data.sub_(f.grad.data * learning_rate)
    r["after_manual_sgd"] = repr(net.conv1.bias)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    losses = []
    for _ in range(3):
        optimizer.zero_grad()
        output = net(input)
        loss = criterion(output, target)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    r["losses"] = losses
    r["fc3_bias"] = enc(net.fc3.bias)
    # Blitz autograd: Q = 3a^3 - b^2 with an external gradient.
    a = torch.tensor([2., 3.], requires_grad=True)
    b = torch.tensor([6., 4.], requires_grad=True)
    Q = 3 * a**3 - b**2
    external_grad = torch.tensor([1., 1.])
    Q.backward(gradient=external_grad)
    r["Q"] = repr(Q)
    r["ab_grad"] = [repr(9 * a**2 == a.grad), repr(-2 * b == b.grad)]
    x = torch.rand(5, 5)
    y = torch.rand(5, 5)
    z = torch.rand((5, 5), requires_grad=True)
    a = x + y
    r["does_a"] = f"Does `a` require gradients? : {a.requires_grad}"
    b = x + z
    r["does_b"] = f"Does `b` require gradients?: {b.requires_grad}"
    OUT["blitz"] = r


# ------------------------------------------------------------------ the course's Chinese tutorial (seed)
def seed_course():
    """The nn.Module section's snippets as the course text has them (with its typo: 35 channels
    into BatchNorm2d(32)), the named_parameters look-up, and the Flatten module."""
    r = {}

    class Net(torch.nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.net = torch.nn.Sequential(
                torch.nn.Conv2d(1, 35, 5, 1, 1),
                torch.nn.MaxPool2d(2, 2),
                torch.nn.ReLU(True),
                torch.nn.BatchNorm2d(32),
                torch.nn.Conv2d(32, 64, 3, 1, 1),
                torch.nn.ReLU(True),
                torch.nn.BatchNorm2d(64),
            )

        def forward(self, x):
            return self.net(x)

    net = Net()
    r["net"] = repr(net)
    try:
        net(torch.rand(1, 1, 28, 28))
    except RuntimeError as e:
        r["typo_error"] = str(e)
    net = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.Linear(2, 2))
    det_init_(net)
    r["named_parameters_0"] = [list(net.named_parameters())[0][0], str(list(net.named_parameters())[0][1])]
    r["named_parameters_3"] = [list(net.named_parameters())[3][0], str(list(net.named_parameters())[3][1])]
    r["train_eval"] = [net.train().training, net.eval().training]

    class Flatten(torch.nn.Module):
        def __init__(self):
            super(Flatten, self).__init__()

        def forward(self, input):
            return input.view(input.size(0), -1)

    sd = Flatten()
    orin = det([2, 2, 2], 0.4)
    r["orin"] = repr(orin)
    r["flat"] = repr(sd.forward(orin))
    OUT["seed_course"] = r


# ------------------------------------------------------------------ the seed course text: the other snippets
def seed_course_rest():
    """The convolution, pooling, upsampling, batch-norm, ResNet-block, save/load and augmentation
    snippets of the course text, with det() stand-ins for its torch.rand inputs."""
    import torchvision.transforms as T
    r = {}
    input = det([1, 1, 28, 28], 0.2) * 5 + 0.5
    layer = torch.nn.Conv2d(1, 3, kernel_size=3, stride=1, padding=0)
    det_init_(layer)
    out = layer(input)
    r["conv_shape"] = str(out.shape)
    r["conv_out"] = enc(out)
    layer = torch.nn.MaxPool2d(2, stride=2)
    r["pool_repr"] = repr(layer)
    r["pool_out"] = enc(layer(out))
    x = det([1, 3, 4, 4], 0.6)
    r["interp"] = enc(F.interpolate(x, scale_factor=2, mode='nearest'))
    bn = torch.nn.BatchNorm1d(3)
    y = bn(det([6, 3, 28 * 28], 1.1) * 3 + 1)
    r["bn_running_mean"] = repr(bn.running_mean)
    r["bn_running_var"] = repr(bn.running_var)
    r["bn_out"] = enc(y[:, :, :4])

    class ResNet(torch.nn.Module):
        def __init__(self, ch_in, ch_out):
            super(ResNet, self).__init__()
            self.conv1 = torch.nn.Conv2d(ch_in, ch_out, kernel_size=3, stride=1, padding=1)
            self.bn1 = torch.nn.BatchNorm2d(ch_out)
            self.conv2 = torch.nn.Conv2d(ch_out, ch_out, kernel_size=3, stride=1, padding=1)
            self.bn2 = torch.nn.BatchNorm2d(ch_out)
            self.extra = torch.nn.Sequential()
            if ch_out != ch_in:
                self.extra = torch.nn.Sequential(
                    torch.nn.Conv2d(ch_in, ch_out, kernel_size=1, stride=1),
                    torch.nn.BatchNorm2d(ch_out)
                )

        def forward(self, x):
            out = F.relu(self.bn1(self.conv1(x)))
            out = self.bn2(self.conv2(out))
            out = self.extra(x) + out
            return out

    blk = ResNet(3, 8)
    r["resnet_repr"] = repr(blk)
    det_init_(blk)
    xin = det([2, 3, 6, 6], 0.8) * 4
    r["resnet_out"] = enc(blk(xin))
    same = ResNet(4, 4)
    r["resnet_same_repr"] = repr(same)
    det_init_(same)
    r["resnet_same_out"] = enc(same(det([1, 4, 5, 5], 0.1) * 4))

    net = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.Linear(2, 2))
    det_init_(net)
    path = "/tmp/gen_tutorials_ckpt.mdl"
    torch.save(net.state_dict(), path)
    net2 = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.Linear(2, 2))
    r["load_result"] = repr(net2.load_state_dict(torch.load(path)))
    r["loaded_out"] = enc(net2(det([3, 4], 0.5)))
    os.remove(path)

    img = det([3, 40, 36], 0.3) * 4 + 0.5
    r["hflip"] = enc(T.RandomHorizontalFlip(p=1.0)(img[:, :3, :4]))
    r["vflip"] = enc(T.RandomVerticalFlip(p=1.0)(img[:, :3, :4]))
    r["resize_repr"] = repr(T.Resize([32, 32]))
    r["resize"] = enc(T.Resize([32, 32], antialias=False)(img))
    r["rotation_repr"] = repr(T.RandomRotation(15))
    try:
        T.RandomRotation([30, 90, 180])
    except ValueError as e:
        r["rotation_error"] = str(e)
    r["crop_repr"] = repr(T.RandomCrop([28, 28]))
    r["crop_shape"] = str(T.RandomCrop([28, 28])(img).shape)
    OUT["seed_course_rest"] = r


# ------------------------------------------------------------------ What is torch.nn really?
def mnist_standin(n, k):
    """MNIST stand-in: n flattened 28x28 images with values in [0, 1] (mostly 0, as MNIST's are), and
    labels a linear model can learn: the brightest of the first ten 49-pixel stripes."""
    x = (det([n, 784], k) * 10 - 0.5).clamp(0, 1)
    return x, x.reshape(n, 16, 49).sum(2)[:, :10].argmax(1)


def nn_tutorial():
    """The tutorial's code in order. Its random weights are det() stand-ins; its training set is
    shuffled, and torchlab's generator is not PyTorch's, so both sides keep the order (shuffle=False)."""
    from torch.utils.data import TensorDataset
    from torch import optim
    r = {}
    x_train, y_train = mnist_standin(256, 0.0)
    x_valid, y_valid = mnist_standin(128, 1.3)
    n, c = x_train.shape
    r["shape"] = str(x_train.shape)
    r["minmax"] = [repr(y_train.min()), repr(y_train.max())]
    r["print_train"] = [repr(x_train), repr(y_train)]  # print(x_train, y_train): summarized

    weights = det([784, 10], 0.3) * 10 / math.sqrt(784)
    weights.requires_grad_()
    bias = torch.zeros(10, requires_grad=True)

    def log_softmax(x):
        return x - x.exp().sum(-1).log().unsqueeze(-1)

    def model(xb):
        return log_softmax(xb @ weights + bias)

    bs = 64
    xb = x_train[0:bs]
    preds = model(xb)
    r["preds0"] = repr(preds[0])
    r["preds_shape"] = str(preds.shape)

    def nll(input, target):
        return -input[range(target.shape[0]), target].mean()

    loss_func = nll
    yb = y_train[0:bs]
    r["loss0"] = repr(loss_func(preds, yb))

    def accuracy(out, yb):
        preds = torch.argmax(out, dim=1)
        return (preds == yb).float().mean()

    r["acc0"] = repr(accuracy(preds, yb))
    lr = 0.5
    epochs = 2
    for epoch in range(epochs):
        for i in range((n - 1) // bs + 1):
            start_i = i * bs
            end_i = start_i + bs
            xb = x_train[start_i:end_i]
            yb = y_train[start_i:end_i]
            pred = model(xb)
            loss = loss_func(pred, yb)
            loss.backward()
            with torch.no_grad():
                weights -= weights.grad * lr
                bias -= bias.grad * lr
                weights.grad.zero_()
                bias.grad.zero_()
    r["scratch"] = [repr(loss_func(model(xb), yb)), repr(accuracy(model(xb), yb))]

    loss_func = F.cross_entropy

    def model(xb):
        return xb @ weights + bias

    r["functional"] = [repr(loss_func(model(xb), yb)), repr(accuracy(model(xb), yb))]

    class Mnist_Logistic(nn.Module):
        def __init__(self):
            super().__init__()
            self.weights = nn.Parameter(torch.randn(784, 10) / math.sqrt(784))
            self.bias = nn.Parameter(torch.zeros(10))

        def forward(self, xb):
            return xb @ self.weights + self.bias

    model = Mnist_Logistic()
    det_init_(model)
    r["module_loss"] = repr(loss_func(model(xb), yb))

    def fit():
        for epoch in range(epochs):
            for i in range((n - 1) // bs + 1):
                start_i = i * bs
                end_i = start_i + bs
                xb = x_train[start_i:end_i]
                yb = y_train[start_i:end_i]
                pred = model(xb)
                loss = loss_func(pred, yb)
                loss.backward()
                with torch.no_grad():
                    for p in model.parameters():
                        p -= p.grad * lr
                    model.zero_grad()

    fit()
    r["module_fit"] = repr(loss_func(model(xb), yb))

    class Mnist_Logistic(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.Linear(784, 10)

        def forward(self, xb):
            return self.lin(xb)

    model = Mnist_Logistic()
    det_init_(model)
    r["linear_loss"] = repr(loss_func(model(xb), yb))
    fit()
    r["linear_fit"] = repr(loss_func(model(xb), yb))

    def get_model():
        model = Mnist_Logistic()
        det_init_(model)
        return model, optim.SGD(model.parameters(), lr=lr)

    model, opt = get_model()
    r["optim_before"] = repr(loss_func(model(xb), yb))
    for epoch in range(epochs):
        for i in range((n - 1) // bs + 1):
            start_i = i * bs
            end_i = start_i + bs
            xb = x_train[start_i:end_i]
            yb = y_train[start_i:end_i]
            pred = model(xb)
            loss = loss_func(pred, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
    r["optim_after"] = repr(loss_func(model(xb), yb))

    train_ds = TensorDataset(x_train, y_train)
    model, opt = get_model()
    for epoch in range(epochs):
        for i in range((n - 1) // bs + 1):
            xb, yb = train_ds[i * bs: i * bs + bs]
            pred = model(xb)
            loss = loss_func(pred, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
    r["dataset"] = repr(loss_func(model(xb), yb))

    train_dl = DataLoader(train_ds, batch_size=bs)
    model, opt = get_model()
    for epoch in range(epochs):
        for xb, yb in train_dl:
            pred = model(xb)
            loss = loss_func(pred, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
    r["dataloader"] = repr(loss_func(model(xb), yb))

    train_dl = DataLoader(train_ds, batch_size=bs, shuffle=False)
    valid_ds = TensorDataset(x_valid, y_valid)
    valid_dl = DataLoader(valid_ds, batch_size=bs * 2)
    model, opt = get_model()
    log = []
    for epoch in range(epochs):
        model.train()
        for xb, yb in train_dl:
            pred = model(xb)
            loss = loss_func(pred, yb)
            loss.backward()
            opt.step()
            opt.zero_grad()
        model.eval()
        with torch.no_grad():
            valid_loss = sum(loss_func(model(xb), yb) for xb, yb in valid_dl)
        log.append(" ".join([str(epoch), str(valid_loss / len(valid_dl))]))  # print(epoch, valid_loss / len(valid_dl))
    r["validation"] = log

    def loss_batch(model, loss_func, xb, yb, opt=None):
        loss = loss_func(model(xb), yb)
        if opt is not None:
            loss.backward()
            opt.step()
            opt.zero_grad()
        return loss.item(), len(xb)

    def fit(epochs, model, loss_func, opt, train_dl, valid_dl):
        log = []
        for epoch in range(epochs):
            model.train()
            for xb, yb in train_dl:
                loss_batch(model, loss_func, xb, yb, opt)
            model.eval()
            with torch.no_grad():
                losses, nums = zip(*[loss_batch(model, loss_func, xb, yb) for xb, yb in valid_dl])
            val_loss = np.sum(np.multiply(losses, nums)) / np.sum(nums)
            log.append([epoch, float(val_loss)])
        return log

    def get_data(train_ds, valid_ds, bs):
        return (
            DataLoader(train_ds, batch_size=bs, shuffle=False),
            DataLoader(valid_ds, batch_size=bs * 2),
        )

    train_dl, valid_dl = get_data(train_ds, valid_ds, bs)
    model, opt = get_model()
    r["fit_logistic"] = fit(epochs, model, loss_func, opt, train_dl, valid_dl)

    class Mnist_CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 16, kernel_size=3, stride=2, padding=1)
            self.conv2 = nn.Conv2d(16, 16, kernel_size=3, stride=2, padding=1)
            self.conv3 = nn.Conv2d(16, 10, kernel_size=3, stride=2, padding=1)

        def forward(self, xb):
            xb = xb.view(-1, 1, 28, 28)
            xb = F.relu(self.conv1(xb))
            xb = F.relu(self.conv2(xb))
            xb = F.relu(self.conv3(xb))
            xb = F.avg_pool2d(xb, 4)
            return xb.view(-1, xb.size(1))

    lr = 0.1
    model = Mnist_CNN()
    det_init_(model)
    opt = optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    r["fit_cnn"] = fit(epochs, model, loss_func, opt, train_dl, valid_dl)

    class Lambda(nn.Module):
        def __init__(self, func):
            super().__init__()
            self.func = func

        def forward(self, x):
            return self.func(x)

    def preprocess(x):
        return x.view(-1, 1, 28, 28)

    model = nn.Sequential(
        Lambda(preprocess),
        nn.Conv2d(1, 16, kernel_size=3, stride=2, padding=1),
        nn.ReLU(),
        nn.Conv2d(16, 16, kernel_size=3, stride=2, padding=1),
        nn.ReLU(),
        nn.Conv2d(16, 10, kernel_size=3, stride=2, padding=1),
        nn.ReLU(),
        nn.AvgPool2d(4),
        Lambda(lambda x: x.view(x.size(0), -1)),
    )
    r["sequential_repr"] = repr(model)
    det_init_(model)
    opt = optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    r["fit_sequential"] = fit(epochs, model, loss_func, opt, train_dl, valid_dl)

    def preprocess(x, y):
        return x.view(-1, 1, 28, 28), y

    class WrappedDataLoader:
        def __init__(self, dl, func):
            self.dl = dl
            self.func = func

        def __len__(self):
            return len(self.dl)

        def __iter__(self):
            batches = iter(self.dl)
            for b in batches:
                yield (self.func(*b))

    train_dl, valid_dl = get_data(train_ds, valid_ds, bs)
    train_dl = WrappedDataLoader(train_dl, preprocess)
    valid_dl = WrappedDataLoader(valid_dl, preprocess)
    model = nn.Sequential(
        nn.Conv2d(1, 16, kernel_size=3, stride=2, padding=1),
        nn.ReLU(),
        nn.Conv2d(16, 16, kernel_size=3, stride=2, padding=1),
        nn.ReLU(),
        nn.Conv2d(16, 10, kernel_size=3, stride=2, padding=1),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        Lambda(lambda x: x.view(x.size(0), -1)),
    )
    r["adaptive_repr"] = repr(model)
    det_init_(model)
    opt = optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    r["fit_adaptive"] = fit(epochs, model, loss_func, opt, train_dl, valid_dl)
    r["cuda"] = torch.cuda.is_available()
    OUT["nn_tutorial"] = r


# ------------------------------------------------------------------ autograd tutorials
def autograd_tutorials():
    """The earlier blitz autograd page (x + 2, y * y * 3, the y.data.norm() loop), freezing from
    "A Gentle Introduction to torch.autograd", and torch.autograd.grad / backward from the autograd
    notes. Random tensors are det() stand-ins."""
    import torchvision
    r = {}
    x = torch.ones(2, 2, requires_grad=True)
    r["x"] = repr(x)
    y = x + 2
    r["y"] = repr(y)
    r["y_grad_fn"] = type(y.grad_fn).__name__
    z = y * y * 3
    out = z.mean()
    r["z_out"] = [repr(z), repr(out)]
    a = det([2, 2], 0.4) * 10
    a = ((a * 3) / (a - 1))
    r["a_requires_grad"] = [a.requires_grad]
    a.requires_grad_(True)
    r["a_requires_grad"].append(a.requires_grad)
    b = (a * a).sum()
    r["b_grad_fn"] = type(b.grad_fn).__name__
    out.backward()
    r["x_grad"] = repr(x.grad)
    x = (det([3], 0.9) * 10).requires_grad_()
    y = x * 2
    while y.data.norm() < 1000:
        y = y * 2
    r["y_loop"] = repr(y)
    gradients = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
    y.backward(gradients)
    r["x_grad_loop"] = repr(x.grad)
    r["no_grad_flags"] = [x.requires_grad, (x ** 2).requires_grad]
    with torch.no_grad():
        r["no_grad_flags"].append((x ** 2).requires_grad)

    # Gentle introduction: freeze a resnet18 except a new classifier.
    model = torchvision.models.resnet18()
    for param in model.parameters():
        param.requires_grad = False
    model.fc = nn.Linear(512, 10)
    r["trainable"] = [name for name, p in model.named_parameters() if p.requires_grad]
    r["fc_in_features"] = model.fc.in_features

    # torch.autograd.grad, from the autograd notes and the API docs.
    x = torch.tensor([1., 2., 3.], requires_grad=True)
    y = (x ** 2).sum()
    (dx,) = torch.autograd.grad(y, x)
    r["dx"] = repr(dx)
    r["x_grad_after_grad"] = repr(x.grad)
    w = det([3, 2], 0.1).requires_grad_()
    bb = det([2], 0.2).requires_grad_()
    h = x @ w
    o = (h + bb).tanh()
    gw, gb, gh = torch.autograd.grad(o, [w, bb, h], grad_outputs=torch.tensor([1., -2.]), retain_graph=True)
    r["grads"] = [repr(gw), repr(gb), repr(gh)]
    u = torch.zeros(2, requires_grad=True)
    r["allow_unused"] = [repr(t) for t in torch.autograd.grad(o.sum(), [bb, u], allow_unused=True, retain_graph=True)]
    try:
        torch.autograd.grad(o.sum(), u, retain_graph=True)
    except RuntimeError as e:
        r["unused_error"] = str(e)
    try:
        torch.autograd.grad(o.sum(), torch.ones(2))
    except RuntimeError as e:
        r["no_grad_input_error"] = str(e)
    torch.autograd.grad(o.sum(), bb)
    try:
        torch.autograd.grad(o.sum(), bb)
    except RuntimeError as e:
        r["second_time_error"] = str(e)
    l1 = (x * 2).sum()
    l2 = (x ** 3).sum()
    torch.autograd.backward([l1, l2])
    r["backward_many"] = repr(x.grad)
    # set_grad_enabled as a context (the transfer-learning tutorial's train/val switch).
    flags = []
    for phase in ["train", "val"]:
        with torch.set_grad_enabled(phase == "train"):
            flags.append((x * 2).requires_grad)
    flags.append(torch.is_grad_enabled())
    r["set_grad_enabled"] = flags
    with torch.inference_mode():
        r["inference_mode"] = (x * 2).requires_grad
    # In-place correctness checks (autograd notes): a saved output, and a saved input, written in place.
    a = torch.ones(2, requires_grad=True)
    s = a.sigmoid()
    s.mul_(2)
    try:
        s.sum().backward()
    except RuntimeError as e:
        r["inplace_output_error"] = str(e)
    c = a * 1
    p = c.pow(2)
    c.add_(1)
    try:
        p.sum().backward()
    except RuntimeError as e:
        r["inplace_input_error"] = str(e)
    OUT["autograd_tutorials"] = r


# ------------------------------------------------------------------ transfer learning: lr schedulers
def schedulers():
    """The transfer-learning tutorial's train_model loop (train phase steps the optimizer per batch,
    then the scheduler once per epoch; val phase under set_grad_enabled(False)) on a small model
    and stand-in data, with StepLR, ExponentialLR and ReduceLROnPlateau (stepped with the val loss)."""
    import copy
    from torch.optim import lr_scheduler
    r = {}
    xs = det([24, 6], 0.5) * 8
    ys = xs[:, :3].argmax(1)
    dataloaders = {
        "train": DataLoader(torch.utils.data.TensorDataset(xs[:16], ys[:16]), batch_size=4),
        "val": DataLoader(torch.utils.data.TensorDataset(xs[16:], ys[16:]), batch_size=4),
    }
    dataset_sizes = {"train": 16, "val": 8}

    def train_model(model, criterion, optimizer, scheduler, num_epochs, log):
        best_model_wts = copy.deepcopy(model.state_dict())
        best_acc = 0.0
        for epoch in range(num_epochs):
            log.append(f"Epoch {epoch}/{num_epochs - 1}")
            for phase in ["train", "val"]:
                if phase == "train":
                    model.train()
                else:
                    model.eval()
                running_loss = 0.0
                running_corrects = 0
                for inputs, labels in dataloaders[phase]:
                    optimizer.zero_grad()
                    with torch.set_grad_enabled(phase == "train"):
                        outputs = model(inputs)
                        _, preds = torch.max(outputs, 1)
                        loss = criterion(outputs, labels)
                        if phase == "train":
                            loss.backward()
                            optimizer.step()
                    running_loss += loss.item() * inputs.size(0)
                    running_corrects += torch.sum(preds == labels.data)
                if phase == "train" and not isinstance(scheduler, lr_scheduler.ReduceLROnPlateau):
                    scheduler.step()
                epoch_loss = running_loss / dataset_sizes[phase]
                if phase == "val" and isinstance(scheduler, lr_scheduler.ReduceLROnPlateau):
                    scheduler.step(epoch_loss)
                epoch_acc = running_corrects.double() / dataset_sizes[phase]
                log.append(f"{phase} Loss: {epoch_loss:.4f} Acc: {epoch_acc:.4f}")
                if phase == "val" and epoch_acc > best_acc:
                    best_acc = epoch_acc
                    best_model_wts = copy.deepcopy(model.state_dict())
            log.append(f"lr {optimizer.param_groups[0]['lr']:.6g}")
        log.append(f"Best val Acc: {best_acc:4f}")
        model.load_state_dict(best_model_wts)
        return model

    for name, make in [
        ("step", lambda opt: lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)),
        ("exponential", lambda opt: lr_scheduler.ExponentialLR(opt, gamma=0.5)),
        ("plateau", lambda opt: lr_scheduler.ReduceLROnPlateau(opt, "min", factor=0.5, patience=0, threshold=0.15)),
    ]:
        model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
        det_init_(model)
        criterion = nn.CrossEntropyLoss()
        optimizer_ft = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        sched = make(optimizer_ft)
        log = []
        model = train_model(model, criterion, optimizer_ft, sched, 4, log)
        r[name] = log
        r[name + "_weight"] = enc(model[2].bias)
    OUT["schedulers"] = r


def main():
    torch.manual_seed(0)
    tensors()
    data_transforms()
    build_model()
    autograd()
    optimization()
    save_load()
    blitz()
    seed_course()
    seed_course_rest()
    nn_tutorial()
    autograd_tutorials()
    schedulers()
    path = write_json(OUT, "tutorials.json", newline=True)
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
