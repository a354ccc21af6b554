"""Helpers shared by the tutorial fixture generators (gen_tutorials.py, gen_tutorials2.py,
gen_tutorials3.py, gen_tutorials4.py): the deterministic stand-ins (det, det_init_, the synthetic
MNIST digits), recording an error, and writing the {section: {name: value}} JSON."""
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def det(shape, k=0.0):
    """0.1 * sin(0.37 * arange(numel) + k), reshaped (test/tutorials/_tutorial.ts's det)."""
    n = int(np.prod(shape)) if len(shape) else 1
    return (torch.sin(torch.arange(n, dtype=torch.float32) * 0.37 + k) * 0.1).reshape(shape)


def det_init_(module):
    """Every parameter, in named_parameters order, gets det(p.shape, k) with k its position."""
    with torch.no_grad():
        for k, (_, p) in enumerate(module.named_parameters()):
            p.copy_(det(p.shape, k))


def digits(n, offset):
    """Stand-in for MNIST: digit c is a bright bar whose row and column depend on c, over a faint texture."""
    xs = torch.zeros(n, 1, 28, 28)
    ys = torch.zeros(n, dtype=torch.long)
    for k in range(n):
        c = (k + offset) % 10
        ys[k] = c
        xs[k, 0, 4 + 2 * c: 7 + 2 * c, 3:25] = 0.9
        xs[k, 0, 3:25, 4 + 2 * (9 - c): 6 + 2 * (9 - c)] = 0.7
        xs[k, 0] += 0.1 * torch.sin(torch.arange(28 * 28, dtype=torch.float32) * (0.05 + 0.01 * k)).reshape(28, 28).abs()
    return xs.clamp(0, 1), ys


def err(f):
    """[class name, message] of what f() raises, or None."""
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the error is the reference
        return [type(e).__name__, str(e)]
    return None


def write_json(out, name, newline=False):
    """test/reference/<name>, indented one space, non-ASCII kept (gen_tutorials.py's ends in a newline)."""
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        if newline:
            f.write("\n")
    return path
