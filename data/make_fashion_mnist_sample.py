#!/usr/bin/env python3
"""Re-packs the first 6,000 training and 1,000 test images of Fashion-MNIST (with their labels) as
IDX .gz files in torchvision's layout (FashionMNIST/raw/), the sample the tutorial notebooks read.

Source: the original IDX files, e.g. Debian's dataset-fashion-mnist package:
    python3 data/make_fashion_mnist_sample.py /usr/share/datasets/fashion-mnist
The output is byte-for-byte reproducible (gzip mtime 0, level 9)."""
import gzip
import os
import struct
import sys

SIZES = {"train": 6000, "t10k": 1000}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        buf = f.read()
    ndim = buf[3]
    dims = struct.unpack(">" + "I" * ndim, buf[4 : 4 + 4 * ndim])
    return dims, buf[4 + 4 * ndim :]


def write_idx(path, dims, values):
    head = bytes([0, 0, 0x08, len(dims)]) + struct.pack(">" + "I" * len(dims), *dims)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
        f.write(head + values)


def main(src):
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "FashionMNIST", "raw")
    os.makedirs(out, exist_ok=True)
    for split, n in SIZES.items():
        for kind in ("images-idx3", "labels-idx1"):
            name = f"{split}-{kind}-ubyte"
            dims, values = read_idx(os.path.join(src, name + ".gz"))
            per_item = 1
            for d in dims[1:]:
                per_item *= d
            write_idx(os.path.join(out, name + ".gz"), (n,) + tuple(dims[1:]), values[: n * per_item])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist")
