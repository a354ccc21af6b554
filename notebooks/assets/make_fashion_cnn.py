#!/usr/bin/env python3
"""Makes notebooks/assets/fashion_cnn_5class.pth, the PyTorch-trained checkpoint that
notebooks/07_transfer_learning.ipynb starts from.

    /usr/bin/python3 notebooks/assets/make_fashion_cnn.py        (PyTorch 1.13 on a CPU, ~20 s)

A small CNN (class SmallCNN below: two conv/batch-norm/ReLU/max-pool stages and a linear head) is
trained for 300 steps (batch 64, Adam, lr 1e-3, seed 0) on the images of the first five classes
(T-shirt/top, Trouser, Pullover, Dress, Coat) among the first 6,000 training images of
Fashion-MNIST, the sample committed in data/FashionMNIST/raw. Inputs are normalised as
(x / 255 - 0.5) / 0.5. The whole module is saved, in eval mode, with torch.save(model, path): the
notebook defines the same class and loads it with torch.load. Nothing is downloaded; the output
is byte-for-byte reproducible with the same PyTorch build.
"""
import gzip
import os
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "..", "..", "data", "FashionMNIST", "raw")
OUT = os.path.join(HERE, "fashion_cnn_5class.pth")
CLASSES = 5


def read_idx(name):
    with gzip.open(os.path.join(RAW, name), "rb") as f:
        buf = f.read()
    ndim = buf[3]
    dims = struct.unpack(">" + "I" * ndim, buf[4 : 4 + 4 * ndim])
    return torch.frombuffer(bytearray(buf[4 + 4 * ndim :]), dtype=torch.uint8).reshape(dims)


class SmallCNN(nn.Module):
    def __init__(self, num_classes=CLASSES):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(inplace=True), nn.MaxPool2d(2),  # 16 x 14 x 14
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(inplace=True), nn.MaxPool2d(2),  # 32 x 7 x 7
        )
        self.fc = nn.Linear(32 * 7 * 7, num_classes)

    def forward(self, x):
        return self.fc(torch.flatten(self.features(x), 1))


def main():
    torch.manual_seed(0)
    images = read_idx("train-images-idx3-ubyte.gz").float().div(255).sub(0.5).div(0.5).unsqueeze(1)
    labels = read_idx("train-labels-idx1-ubyte.gz").long()
    keep = labels < CLASSES
    x, y = images[keep], labels[keep]
    model = SmallCNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    model.train()
    for step in range(300):
        idx = torch.randint(0, len(x), (64,))
        loss = F.cross_entropy(model(x[idx]), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 100 == 99:
            print(f"step {step + 1}: loss {loss.item():.3f}")
    model.eval()
    test_x = read_idx("t10k-images-idx3-ubyte.gz").float().div(255).sub(0.5).div(0.5).unsqueeze(1)
    test_y = read_idx("t10k-labels-idx1-ubyte.gz").long()
    keep = test_y < CLASSES
    with torch.no_grad():
        acc = (model(test_x[keep]).argmax(1) == test_y[keep]).float().mean().item()
    print(f"test accuracy on classes 0-{CLASSES - 1}: {100 * acc:.1f}%")
    torch.save(model, OUT)


if __name__ == "__main__":
    main()
