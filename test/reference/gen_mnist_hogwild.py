"""pytorch/examples mnist_hogwild (main.py's Net and flow, train.py's train / test / train_epoch /
test_epoch), literal, in one process: the num_processes trainers run one after the other on the shared
model instead of in mp.Process (the TypeScript port has no torch.multiprocessing). MNIST is replaced by
_tutorial_common's synthetic digits behind a Dataset applying Normalize((0.1307,), (0.3081,)); sizes shrunk
(20 training and 10 test digits, batch 5, 1 epoch, 2 processes, log interval 2). The printed pid is
compared by format only.

Writes test/reference/mnist_hogwild.json (test/tutorials/mnist_hogwild.test.ts).
"""
import argparse
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torchvision import transforms

from _tutorial_common import digits, write_json

printed = []


def print(*a):
    printed.append(" ".join(str(x) for x in a))


class MNIST(torch.utils.data.Dataset):
    """Stand-in for datasets.MNIST: digits(n, offset) images, the transform applied per item."""

    def __init__(self, root, train=True, download=False, transform=None):
        self.data, self.targets = digits(20, 0) if train else digits(10, 5)
        self.transform = transform

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.transform(self.data[index]), int(self.targets[index])


def train(rank, args, model, device, dataset, dataloader_kwargs):
    torch.manual_seed(args.seed + rank)

    train_loader = torch.utils.data.DataLoader(dataset, **dataloader_kwargs)

    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    for epoch in range(1, args.epochs + 1):
        train_epoch(epoch, args, model, device, train_loader, optimizer)


def test(args, model, device, dataset, dataloader_kwargs):
    torch.manual_seed(args.seed)

    test_loader = torch.utils.data.DataLoader(dataset, **dataloader_kwargs)

    test_epoch(model, device, test_loader)


def train_epoch(epoch, args, model, device, data_loader, optimizer):
    model.train()
    pid = os.getpid()
    for batch_idx, (data, target) in enumerate(data_loader):
        optimizer.zero_grad()
        output = model(data.to(device))
        loss = F.nll_loss(output, target.to(device))
        loss.backward()
        optimizer.step()
        if batch_idx % args.log_interval == 0:
            print('{}\tTrain Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                pid, epoch, batch_idx * len(data), len(data_loader.dataset),
                100. * batch_idx / len(data_loader), loss.item()))
            if args.dry_run:
                break


def test_epoch(model, device, data_loader):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in data_loader:
            output = model(data.to(device))
            test_loss += F.nll_loss(output, target.to(device), reduction='sum').item()  # sum up batch loss
            pred = output.max(1)[1]  # get the index of the max log-probability
            correct += pred.eq(target.to(device)).sum().item()

    test_loss /= len(data_loader.dataset)
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
        test_loss, correct, len(data_loader.dataset),
        100. * correct / len(data_loader.dataset)))


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


args = argparse.Namespace(batch_size=5, test_batch_size=5, epochs=1, lr=0.01, momentum=0.5, seed=1, log_interval=2,
                          num_processes=2, cuda=False, mps=False, save_model=False, dry_run=False)
device = torch.device("cpu")
transform = transforms.Compose([
    transforms.Normalize((0.1307,), (0.3081,))
])
dataset1 = MNIST('../data', train=True, download=True, transform=transform)
dataset2 = MNIST('../data', train=False, transform=transform)
kwargs = {'batch_size': args.batch_size, 'shuffle': True}

torch.manual_seed(args.seed)
model = Net().to(device)
model.share_memory()  # gradients are allocated lazily, so they are not shared here

for rank in range(args.num_processes):
    train(rank, args, model, device, dataset1, kwargs)

# Once training is complete, we can test the model
test(args, model, device, dataset2, kwargs)
write_json({"printed": [line.replace(str(os.getpid()), "PID") for line in printed],
            "fc2_bias": model.fc2.bias.tolist()}, "mnist_hogwild.json")
