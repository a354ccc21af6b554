"""PyTorch 1.13 reference for the shape checks of the loss functions (src/nn/functional/loss.ts):
for each case, the error class and message PyTorch raises, or the loss value where the shapes are
accepted. Inputs are whole numbers scaled by 0.25 so both sides hold the same float32 values.

Run with Debian's /usr/bin/python3 (torch 1.13): writes test/reference/loss_shape_checks.json, read by
test/nn/loss_shape_checks.test.ts, which runs the TypeScript expression of each case.
"""
import json
import os
import warnings

import torch
import torch.nn.functional as F

from _common import enc


def f(*shape):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(n, dtype=torch.float32).reshape(shape) % 7 - 3) * 0.25


def p(*shape):
    return torch.sigmoid(f(*shape))


def i(*shape, c=3):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(n) % c).reshape(shape)


cases = [
    # [name, python thunk, TypeScript expression over f, p, i (same helpers in the test)]
    ["nll 4-D ok", lambda: F.nll_loss(f(2, 3, 4, 5), i(2, 4, 5)), "F.nll_loss(f(2, 3, 4, 5), i(2, 4, 5))"],
    ["nll 4-D spatial mismatch", lambda: F.nll_loss(f(2, 3, 4, 5), i(2, 4, 6)), "F.nll_loss(f(2, 3, 4, 5), i(2, 4, 6))"],
    ["nll 4-D transposed spatial dims", lambda: F.nll_loss(f(2, 3, 4, 5), i(2, 5, 4)), "F.nll_loss(f(2, 3, 4, 5), i(2, 5, 4))"],
    ["nll 3-D ok", lambda: F.nll_loss(f(2, 3, 4), i(2, 4)), "F.nll_loss(f(2, 3, 4), i(2, 4))"],
    ["nll 3-D mismatch", lambda: F.nll_loss(f(2, 3, 4), i(2, 5)), "F.nll_loss(f(2, 3, 4), i(2, 5))"],
    ["nll 3-D target rank", lambda: F.nll_loss(f(2, 3, 4), i(2, 4, 1)), "F.nll_loss(f(2, 3, 4), i(2, 4, 1))"],
    ["nll 5-D ok", lambda: F.nll_loss(f(2, 3, 2, 2, 2), i(2, 2, 2, 2)), "F.nll_loss(f(2, 3, 2, 2, 2), i(2, 2, 2, 2))"],
    ["nll 5-D mismatch", lambda: F.nll_loss(f(2, 3, 2, 2, 2), i(2, 2, 2, 3)), "F.nll_loss(f(2, 3, 2, 2, 2), i(2, 2, 2, 3))"],
    ["cross_entropy class indices", lambda: F.cross_entropy(f(4, 3), i(4)), "F.cross_entropy(f(4, 3), i(4))"],
    ["cross_entropy probabilities", lambda: F.cross_entropy(f(4, 3), p(4, 3)), "F.cross_entropy(f(4, 3), p(4, 3))"],
    ["cross_entropy probabilities, weight", lambda: F.cross_entropy(f(4, 3, 2), p(4, 3, 2), weight=torch.tensor([1.0, 2.0, 0.5])), "F.cross_entropy(f(4, 3, 2), p(4, 3, 2), {weight: torch.tensor([1.0, 2.0, 0.5])})"],
    ["cross_entropy smoothing, weight", lambda: F.cross_entropy(f(4, 3), i(4), weight=torch.tensor([1.0, 2.0, 0.5]), label_smoothing=0.25), "F.cross_entropy(f(4, 3), i(4), {weight: torch.tensor([1.0, 2.0, 0.5]), label_smoothing: 0.25})"],
    ["cross_entropy batch mismatch", lambda: F.cross_entropy(f(4, 3), i(5)), "F.cross_entropy(f(4, 3), i(5))"],
    ["bce ok", lambda: F.binary_cross_entropy(p(2, 3), p(2, 3)), "F.binary_cross_entropy(p(2, 3), p(2, 3))"],
    ["bce size mismatch", lambda: F.binary_cross_entropy(p(2, 3), p(3, 2)), "F.binary_cross_entropy(p(2, 3), p(3, 2))"],
    ["bce with logits size mismatch", lambda: F.binary_cross_entropy_with_logits(f(2, 3), p(2, 3, 1)), "F.binary_cross_entropy_with_logits(f(2, 3), p(2, 3, 1))"],
    ["bce weight enlarges", lambda: F.binary_cross_entropy(p(3), p(3), weight=p(2, 3)), "F.binary_cross_entropy(p(3), p(3), {weight: p(2, 3)})"],
    ["mse same shape", lambda: F.mse_loss(f(2, 3), f(2, 3) * 2), "F.mse_loss(f(2, 3), f(2, 3).mul(2))"],
    ["multilabel_margin ok", lambda: F.multilabel_margin_loss(f(2, 3), torch.tensor([[0, 2, -1], [1, -1, 0]])), "F.multilabel_margin_loss(f(2, 3), torch.tensor([[0, 2, -1], [1, -1, 0]]))"],
]

out = []
for name, fn, ts in cases:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            out.append({"name": name, "ts": ts, "value": enc(fn())})
        except Exception as e:  # noqa: BLE001 - the error is the reference
            out.append({"name": name, "ts": ts, "error": type(e).__name__, "message": str(e)})

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "loss_shape_checks.json")
with open(path, "w") as fh:
    json.dump({"torch": torch.__version__, "cases": out}, fh, indent=1)
    fh.write("\n")
print("wrote", path)
