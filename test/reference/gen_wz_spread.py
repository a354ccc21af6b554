"""Fixture wz_spread.json: how far PyTorch 1.13's own prints of gen_wz.py's Test5_resnet section move
when only the float32 order of its convolutions' sums changes. test/tutorials/wz_classification_notebook.test.ts
compares those cells with this tolerance (2e-4 where PyTorch's spread is smaller).

The section trains resnet34 (train-mode BatchNorm at batch 2) two Adam steps at lr 1e-4 and predicts: Adam
steps each weight by about lr whatever its gradient's size, so a gradient's rounding moves the prediction
by 1e-3, and any convolution summed in another order (torchlab's kernels, oneDNN on another CPU, PyTorch's
im2col + BLAS path) lands elsewhere in that spread.

Each variant reruns the section (gen_uva.run_cells: seeded as gen_wz.py runs it) with
bench/pytorch_rounding_spread.py's reorder_convolutions, and records, per cell, the largest move of a
printed number against the committed wz.json, measured as the test measures it (|got - want| /
max(1, |want|)), and the prediction printed to 8 digits.

Run: /usr/bin/python3 test/reference/gen_wz_spread.py (about 15 runs of the section, ~2 minutes of CPU)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
from _tutorial_common import write_json  # noqa: E402
from gen_uva import run_cells  # noqa: E402
from gen_wz import RESNET  # noqa: E402
from pytorch_rounding_spread import SPREAD_VARIANTS, moves, reorder_convolutions  # noqa: E402

import torch  # noqa: E402


def run_with(options, precision):
    """The section's cells run with `options` (each run draws its permutations afresh) and printed with `precision` digits."""
    restore = reorder_convolutions(**options)
    try:
        torch.set_printoptions(profile="default", precision=precision)
        return run_cells(RESNET)
    finally:
        restore()
        torch.set_printoptions(profile="default")


def main():
    with open(os.path.join(HERE, "wz.json")) as f:
        committed = json.load(f)["resnet"]
    variants = {}
    for name, options in SPREAD_VARIANTS.items():
        cells, eight = (run_with(options, precision) for precision in (None, 8))
        per_cell = [max((m[0] for m in moves(committed[i], cell)), default=0.0) for i, cell in enumerate(cells)]
        variants[name] = {"largest_move_per_cell": per_cell, "prediction_8_digits": eight[-1]["printed"].split("\n")[0]}
        print(f"{name}: {per_cell}  {variants[name]['prediction_8_digits']}")
    tolerance = [max(v["largest_move_per_cell"][i] for v in variants.values()) for i in range(len(committed))]
    print(write_json({"resnet": {"tolerance_per_cell": tolerance, "variants": variants}}, "wz_spread.json"))


if __name__ == "__main__":
    main()
