#!/usr/bin/env python3
"""Writes tiny CIFAR-10 / CIFAR-100 "python version" folders with Python's own pickle and numpy,
the structures torchvision's CIFAR10/CIFAR100 unpickle (dicts of a uint8 array [N, 3072] and label
lists; meta files with the class names), so the TypeScript unpickler is tested on real pickles:
CIFAR-10 as the real files are, Python 2 cPickle protocol 2 (strings as SHORT_BINSTRING/BINSTRING,
which Python 3's pickler writes when its bytes are saved the Python 2 way, below), and CIFAR-100
with Python 3's protocol 4 (BINBYTES, STACK_GLOBAL, MEMOIZE, FRAME). torchvision 0.14 reads both.

Pixel k of image n in batch b is (n * 11 + k * 3 + (k // 1024) * 50 + b) % 256 (channel-planar, as
CIFAR stores it: k // 1024 is the channel).
Run: /usr/bin/python3 test/reference/gen_cifar_pickle.py"""
import os
import pickle

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "torchvision", "fixtures")


def images(n, b):
    k = np.arange(3072)
    return np.stack([(i * 11 + k * 3 + (k // 1024) * 50 + b) % 256 for i in range(n)]).astype(np.uint8)


class Py2Pickler(pickle._Pickler):
    """Saves bytes as Python 2 saved its str: SHORT_BINSTRING / BINSTRING."""

    dispatch = dict(pickle._Pickler.dispatch)

    def save_py2_str(self, obj):
        n = len(obj)
        if n < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([n]) + obj)
        else:
            self.write(pickle.BINSTRING + n.to_bytes(4, "little") + obj)
        self.memoize(obj)

    dispatch[bytes] = save_py2_str


def dump(path, obj, protocol):
    with open(path, "wb") as f:
        if protocol == 2:
            Py2Pickler(f, protocol=2).dump(obj)
        else:
            pickle.dump(obj, f, protocol=protocol)


def cifar10():
    folder = os.path.join(OUT, "cifar10", "cifar-10-batches-py")
    os.makedirs(folder, exist_ok=True)
    names = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
    for b, name in enumerate(names, start=1):
        n = 2 if name != "test_batch" else 3
        dump(os.path.join(folder, name), {
            b"batch_label": f"batch {b} of 6".encode(),
            b"labels": [(b + i) % 10 for i in range(n)],
            b"data": images(n, b),
            b"filenames": [f"img_{b}_{i}.png".encode() for i in range(n)],
        }, 2)
    dump(os.path.join(folder, "batches.meta"), {
        b"num_cases_per_batch": 10000,
        b"label_names": [s.encode() for s in ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]],
        b"num_vis": 3072,
    }, 2)


def cifar100():
    folder = os.path.join(OUT, "cifar100", "cifar-100-python")
    os.makedirs(folder, exist_ok=True)
    for b, name in enumerate(["train", "test"], start=1):
        n = 3
        dump(os.path.join(folder, name), {
            "filenames": [f"{name}_{i}.png" for i in range(n)],
            "batch_label": f"{name} batch",
            "fine_labels": [(37 * (i + b)) % 100 for i in range(n)],
            "coarse_labels": [(i + b) % 20 for i in range(n)],
            "data": images(n, b),
        }, 4)
    dump(os.path.join(folder, "meta"), {
        "fine_label_names": [f"fine{i}" for i in range(100)],
        "coarse_label_names": [f"coarse{i}" for i in range(20)],
    }, 4)


if __name__ == "__main__":
    cifar10()
    cifar100()
