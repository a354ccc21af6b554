"""pytorch/examples mnist_forward_forward/main.py, literal, with MNIST replaced by _tutorial_common's
synthetic digits behind a Dataset applying the example's Normalize + Lambda(torch.flatten), and the
arguments shrunk (train_size 20, test_size 10, 20 epochs per layer, log interval 10, seed 1 set).

Writes test/reference/mnist_forward_forward.json (test/tutorials/mnist_forward_forward.test.ts).
"""
import argparse

import torch
import torch.nn as nn
from torchvision.transforms import Compose, Normalize, Lambda
from torch.utils.data import DataLoader
from torch.optim import Adam

from _tutorial_common import digits, write_json

printed = []


def print(*a):
    # Python's print of several arguments: str of each, joined by spaces
    printed.append(" ".join(str(x) for x in a))


class MNIST(torch.utils.data.Dataset):
    """Stand-in for torchvision's MNIST: digits(n, offset) images, the transform applied per item."""

    def __init__(self, root, train, download, transform):
        self.data, self.targets = digits(20, 0) if train else digits(10, 5)
        self.transform = transform

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.transform(self.data[index]), int(self.targets[index])


def get_y_neg(y):
    y_neg = y.clone()
    for idx, y_samp in enumerate(y):
        allowed_indices = list(range(10))
        allowed_indices.remove(y_samp.item())
        y_neg[idx] = torch.tensor(allowed_indices)[
            torch.randint(len(allowed_indices), size=(1,))
        ].item()
    return y_neg.to(device)


def overlay_y_on_x(x, y, classes=10):
    x_ = x.clone()
    x_[:, :classes] *= 0.0
    x_[range(x.shape[0]), y] = x.max()
    return x_


class Net(torch.nn.Module):
    def __init__(self, dims):

        super().__init__()
        self.layers = []
        for d in range(len(dims) - 1):
            self.layers = self.layers + [Layer(dims[d], dims[d + 1]).to(device)]

    def predict(self, x):
        goodness_per_label = []
        for label in range(10):
            h = overlay_y_on_x(x, label)
            goodness = []
            for layer in self.layers:
                h = layer(h)
                goodness = goodness + [h.pow(2).mean(1)]
            goodness_per_label += [sum(goodness).unsqueeze(1)]
        goodness_per_label = torch.cat(goodness_per_label, 1)
        return goodness_per_label.argmax(1)

    def train(self, x_pos, x_neg):
        h_pos, h_neg = x_pos, x_neg
        for i, layer in enumerate(self.layers):
            print("training layer: ", i)
            h_pos, h_neg = layer.train(h_pos, h_neg)


class Layer(nn.Linear):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__(in_features, out_features, bias, device, dtype)
        self.relu = torch.nn.ReLU()
        self.opt = Adam(self.parameters(), lr=args.lr)
        self.threshold = args.threshold
        self.num_epochs = args.epochs

    def forward(self, x):
        x_direction = x / (x.norm(2, 1, keepdim=True) + 1e-4)
        return self.relu(torch.mm(x_direction, self.weight.T) + self.bias.unsqueeze(0))

    def train(self, x_pos, x_neg):
        for i in range(self.num_epochs):
            g_pos = self.forward(x_pos).pow(2).mean(1)
            g_neg = self.forward(x_neg).pow(2).mean(1)
            loss = torch.log1p(
                torch.exp(
                    torch.cat([-g_pos + self.threshold, g_neg - self.threshold])
                )
            ).mean()
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            if i % args.log_interval == 0:
                print("Loss: ", loss.item())
        return self.forward(x_pos).detach(), self.forward(x_neg).detach()


args = argparse.Namespace(epochs=20, lr=0.03, no_accel=True, seed=1, save_model=False, train_size=20,
                          threshold=2, test_size=10, log_interval=10)
torch.manual_seed(args.seed)
device = torch.device("cpu")

train_kwargs = {"batch_size": args.train_size}
test_kwargs = {"batch_size": args.test_size}

transform = Compose(
    [
        Normalize((0.1307,), (0.3081,)),
        Lambda(lambda x: torch.flatten(x)),
    ]
)
train_loader = DataLoader(
    MNIST("./data/", train=True, download=True, transform=transform), **train_kwargs
)
test_loader = DataLoader(
    MNIST("./data/", train=False, download=True, transform=transform), **test_kwargs
)
net = Net([784, 500, 500])
x, y = next(iter(train_loader))
x, y = x.to(device), y.to(device)
x_pos = overlay_y_on_x(x, y)
y_neg = get_y_neg(y)
x_neg = overlay_y_on_x(x, y_neg)
out = {"y_neg": y_neg.tolist(), "x_pos_row0": x_pos[0, :12].tolist(), "x_neg_sum": x_neg.sum().item(),
       "state_dict_keys": list(net.state_dict().keys())}
net.train(x_pos, x_neg)
print("train error:", 1.0 - net.predict(x).eq(y).float().mean().item())
x_te, y_te = next(iter(test_loader))
x_te, y_te = x_te.to(device), y_te.to(device)
print("test error:", 1.0 - net.predict(x_te).eq(y_te).float().mean().item())
out["predict_te"] = net.predict(x_te).tolist()
out["printed"] = printed
write_json(out, "mnist_forward_forward.json")
