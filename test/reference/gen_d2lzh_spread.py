"""Fixture d2lzh_spread.json: how far PyTorch 1.13's own prints of gen_d2lzh_cv_nlp.py's chapter 9 move
when only the float32 order of its convolutions' sums changes. test/tutorials/d2lzh_cv_nlp.test.ts compares
chapter 9's printed lines with this tolerance (2e-4 where PyTorch's spread is smaller).

Chapter 9 trains three resnet18s a few steps (9.1: Adam at lr 1e-3 on 16 FakeData pictures; 9.2: a
torchvision resnet18 fine-tuned by SGD at lr 0.01 / 0.1, then one from scratch by SGD at lr 0.1, two steps
each on 4 seeded 64 x 64 pictures, train-mode BatchNorm at batch 4). At lr 0.1 a gradient's rounding
moves the second step's loss in its third decimal, and any convolution summed in another order
(torchlab's kernels, oneDNN on another CPU, PyTorch's im2col + BLAS path) lands elsewhere in that spread.

Each variant reruns gen_d2lzh_cv_nlp.py itself (the same cells, seeds and stand-in data, in this
process: bench/pytorch_rounding_spread.py's rerun_generator) with reorder_convolutions' options
(SPREAD_VARIANTS), and records, for each line of the fixture's "ch9" (its index) where a printed number moved against the
committed d2lzh_cv_nlp.json, the largest move, measured as the test measures it (|got - want| /
max(1, |want|)), and the scratch resnet18's two loss lines. A line not listed did not move in any variant.

Run: /usr/bin/python3 test/reference/gen_d2lzh_spread.py (16 runs of the generator, ~2 minutes of CPU)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
from _tutorial_common import write_json  # noqa: E402
from pytorch_rounding_spread import SPREAD_VARIANTS, moves, rerun_generator, reorder_convolutions  # noqa: E402

GENERATOR = "gen_d2lzh_cv_nlp.py"
# The scratch resnet18's two losses: the last two "loss" lines of 9.2.
SCRATCH_LOSSES = slice(-2, None)


def chapter9(options):
    """The fixture's ch9 lines as the generator prints them with `options` (each run draws its permutations afresh)."""
    restore = reorder_convolutions(**options)
    try:
        return rerun_generator(GENERATOR)["d2lzh_cv_nlp.json"]["ch9"]
    finally:
        restore()


def main():
    with open(os.path.join(HERE, "d2lzh_cv_nlp.json")) as f:
        committed = json.load(f)["ch9"]
    losses = [i for i, line in enumerate(committed) if line.startswith("loss ")][SCRATCH_LOSSES]
    variants = {}
    for name, options in SPREAD_VARIANTS.items():
        lines = chapter9(options)
        if len(lines) != len(committed):
            raise SystemExit(f"{name}: {len(lines)} lines of ch9 against the fixture's {len(committed)}")
        moved = {i: max(m[0] for m in found) for i, line in enumerate(lines) if (found := moves(committed[i], line))}
        variants[name] = {"largest_move_by_line": moved, "scratch_losses": [lines[i] for i in losses]}
        print(f"{name}: {variants[name]['scratch_losses']}, largest move by line {moved}")
    tolerance = {i: max(v["largest_move_by_line"].get(i, 0.0) for v in variants.values()) for i in sorted({i for v in variants.values() for i in v["largest_move_by_line"]})}
    out = {"ch9": {"tolerance_by_line": tolerance, "scratch_loss_lines": losses, "variants": variants}}
    print(write_json(out, "d2lzh_spread.json"))

if __name__ == "__main__":
    main()
