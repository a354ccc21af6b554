"""How far PyTorch 1.13 itself moves a committed fixture when only float32 summation order changes.

Runs one of test/reference's generators again with another thread count or another convolution
algorithm (mkldnn off: PyTorch's own im2col + BLAS convolution instead of oneDNN's), writes what it would
have written to a temporary folder instead of test/reference, and compares every number in it with the
committed fixture the way the tutorial tests compare torchlab's (test/tutorials/_tutorial.ts
expectSamePrint: |got - want| / max(1, |want|)), listing the numbers that moved most.

This is the evidence a tutorial test's tolerance is set from when torchlab's routing of a kernel changes
its rounding: a value torchlab moves by less than PyTorch moves it between its own thread counts or
convolution algorithms is float32 reordering, not a wrong kernel.

Run: /usr/bin/python3 bench/pytorch_rounding_spread.py gen_deeplizard.py [--threads 2] [--no-mkldnn] [--conv-float64] [--permute-channels SEED] [--conv-unfold] [--top 12]
(PyTorch's default here is 1 thread; the fixtures were written with it and oneDNN's convolution.)
"""
import argparse
import json
import os
import re
import runpy
import sys
import tempfile

import torch

REFERENCE = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "reference"))
NUMBER = re.compile(r"-?\d+\.?\d*(?:e[+-]\d+)?")
# Wall-clock numbers, masked as the tests mask them (deeplizard's RunManager rows, imagenet's meters).
WALL_CLOCK = [(re.compile(r"\('(epoch|run) duration', [^)]+\)"), r"('\1 duration', #)"),
              (re.compile(r"(Time|Data) +[\d.]+ \( *[\d.]+\)"), r"\1 #")]


def leaves(v, where=""):
    """(path, text) of every string or number in a fixture."""
    if isinstance(v, dict):
        for k, x in v.items():
            yield from leaves(x, f"{where}.{k}")
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from leaves(x, f"{where}[{i}]")
    elif isinstance(v, (str, int, float)) and not isinstance(v, bool):
        text = str(v)
        for pattern, mask in WALL_CLOCK:
            text = pattern.sub(mask, text)
        yield where, text


def moves(old, new):
    """(relative move, path, old number, new number, old line) of each number that differs; text that differs otherwise is reported once."""
    a = dict(leaves(old))
    b = dict(leaves(new))
    out = []
    for where, text in a.items():
        other = b.get(where)
        if other is None or other == text:
            continue
        na, nb = NUMBER.findall(text), NUMBER.findall(other)
        if NUMBER.sub("#", text) != NUMBER.sub("#", other) or len(na) != len(nb):
            out.append((float("inf"), where, text[:80], other[:80], "text differs"))
            continue
        lines = text.split("\n")
        for x, y in zip(na, nb):
            if x != y:
                rel = abs(float(y) - float(x)) / max(1.0, abs(float(x)))
                line = next((l for l in lines if x in l), "")
                out.append((rel, where, x, y, line.strip()[:100]))
    return sorted(out, key=lambda m: -m[0])


def reorder_convolutions(threads=None, no_mkldnn=False, conv_float64=False, permute_channels=None, conv_unfold=False):
    """Makes PyTorch sum its convolutions in another order (main's options say how); returns a function
    that puts everything back (a generator measuring several orders in one process calls it)."""
    saved = (torch.get_num_threads(), torch.backends.mkldnn.enabled, torch.nn.functional.conv2d)
    if threads:
        torch.set_num_threads(threads)
    if no_mkldnn:
        torch.backends.mkldnn.enabled = False
    # Each wrapper calls the conv2d in place before it, so the options compose.
    if conv_float64:
        def conv2d_float64(input, weight, bias=None, *rest, conv2d=torch.nn.functional.conv2d, **kwargs):
            if input.dtype != torch.float32:
                return conv2d(input, weight, bias, *rest, **kwargs)
            bias = None if bias is None else bias.double()
            return conv2d(input.double(), weight.double(), bias, *rest, **kwargs).float()

        torch.nn.functional.conv2d = conv2d_float64
    if permute_channels is not None:
        draws = torch.Generator().manual_seed(permute_channels)

        def conv2d_permuted(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, conv2d=torch.nn.functional.conv2d):
            if groups != 1 or input.dim() != 4 or input.shape[1] < 2:
                return conv2d(input, weight, bias, stride, padding, dilation, groups)
            perm = torch.randperm(input.shape[1], generator=draws)
            return conv2d(input[:, perm], weight[:, perm], bias, stride, padding, dilation, groups)

        torch.nn.functional.conv2d = conv2d_permuted
    if conv_unfold:
        def conv2d_unfold(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, conv2d=torch.nn.functional.conv2d):
            if groups != 1 or input.dim() != 4 or isinstance(padding, str):
                return conv2d(input, weight, bias, stride, padding, dilation, groups)
            pair = lambda v: tuple(v) if isinstance(v, (tuple, list)) else (v, v)  # noqa: E731
            (sh, sw), (ph, pw), (dh, dw) = pair(stride), pair(padding), pair(dilation)
            n, _, h, w = input.shape
            o, _, kh, kw = weight.shape
            ho = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
            wo = (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1
            cols = torch.nn.functional.unfold(input, (kh, kw), (dh, dw), (ph, pw), (sh, sw))
            y = weight.reshape(o, -1).matmul(cols).reshape(n, o, ho, wo)
            return y if bias is None else y + bias.reshape(1, o, 1, 1)

        torch.nn.functional.conv2d = conv2d_unfold

    def restore():
        torch.set_num_threads(saved[0])
        torch.backends.mkldnn.enabled = saved[1]
        torch.nn.functional.conv2d = saved[2]

    return restore


# The orders a spread fixture's generator (gen_wz_spread.py, gen_d2lzh_spread.py) reruns a section in:
# reorder_convolutions' keyword arguments by name.
SPREAD_VARIANTS = {
    "as committed (1 thread, oneDNN)": {},
    "2 threads": {"threads": 2},
    "no mkldnn (im2col + BLAS)": {"no_mkldnn": True},
    "no mkldnn, 2 threads": {"no_mkldnn": True, "threads": 2},
    "unfold + matmul": {"conv_unfold": True},
    "float64 convolutions": {"conv_float64": True},
    **{f"input channels permuted (seed {k})": {"permute_channels": k} for k in range(1, 9)},
    **{f"no mkldnn, input channels permuted (seed {k})": {"no_mkldnn": True, "permute_channels": k} for k in range(1, 3)},
}


def rerun_generator(generator):
    """{fixture name: what it would write} of one of test/reference's generators run again in this process
    (as it is now configured); the committed fixtures stay as they are."""
    if REFERENCE not in sys.path:
        sys.path.insert(0, REFERENCE)
    import _tutorial_common

    tmp = tempfile.mkdtemp()
    written = {}

    def write_json(out, name, newline=False):
        written[name] = json.loads(json.dumps(out))
        return os.path.join(tmp, name)

    saved = _tutorial_common.write_json
    _tutorial_common.write_json = write_json
    cwd = os.getcwd()
    try:
        runpy.run_path(os.path.join(REFERENCE, generator), run_name="__main__")
    finally:
        os.chdir(cwd)
        _tutorial_common.write_json = saved
    return written


def main():
    p = argparse.ArgumentParser()
    p.add_argument("generator", help="a file of test/reference, e.g. gen_deeplizard.py")
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--no-mkldnn", action="store_true", help="convolutions through PyTorch's im2col + BLAS path")
    p.add_argument("--conv-float64", action="store_true",
                   help="every conv2d (forward and gradients) summed in float64 and rounded once to float32")
    p.add_argument("--permute-channels", type=int, default=None, metavar="SEED",
                   help="every conv2d sums its input channels in another order (a permutation drawn from SEED, "
                        "outside torch's global generator): the same products, summed in another order")
    p.add_argument("--conv-unfold", action="store_true",
                   help="every conv2d as F.unfold + matmul (im2col by hand; its gradients through unfold's and matmul's)")
    p.add_argument("--precision", type=int, default=None,
                   help="print tensors with this many digits (the fixture's text then differs: read --grep's lines)")
    p.add_argument("--top", type=int, default=12)
    p.add_argument("--grep", default=None, help="also list every move on a line containing this text")
    args = p.parse_args()
    reorder_convolutions(args.threads, args.no_mkldnn, args.conv_float64, args.permute_channels, args.conv_unfold)
    if args.precision:
        torch.set_printoptions(precision=args.precision)
    written = rerun_generator(args.generator)
    print(f"{args.generator}: threads {torch.get_num_threads()}, mkldnn {torch.backends.mkldnn.enabled}, "
          f"conv in float64 {args.conv_float64}, channels permuted {args.permute_channels}")
    for name, out in written.items():
        with open(os.path.join(REFERENCE, name)) as f:
            committed = json.load(f)
        fresh = out
        found = moves(committed, fresh)
        print(f"{name}: {len(found)} numbers moved against the committed fixture")
        for rel, where, x, y, line in found[: args.top]:
            print(f"  {rel:.3g}  {where}: {x} -> {y}   | {line}")
        if args.grep:
            for rel, where, x, y, line in found:
                if args.grep in line:
                    print(f"  [{args.grep}] {rel:.3g}  {where}: {x} -> {y}   | {line}")
            for where, text in leaves(fresh):
                for line in text.split("\n"):
                    if args.grep in line:
                        print(f"  [{args.grep}, as printed now] {where}: {line.strip()[:160]}")


if __name__ == "__main__":
    main()
