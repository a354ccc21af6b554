"""PyTorch 1.13's float32 sum, mean, var and std, bit for bit, for test/backend/sum_order.test.ts.

torchlab sums float32 in PyTorch's CPU order (src/backend/sum_kernels.ts), so the results carry the
same bits. Inputs are not stored: both sides draw them from mulberry32 (test/prng.ts's generator),
as m * 2^(e - 22) with m a 24-bit integer, exact in float32 in both languages. Results are stored as
the hex of their float32 bits.

PyTorch runs with one thread: above 32768 elements a multi-threaded PyTorch splits a reduction
among its threads, which changes the order (see sum_kernels.ts).

Run: /usr/bin/python3 test/reference/gen_sum_order.py  (writes test/reference/sum_order.json)
"""
import json
import os
import struct

import torch

M = 0xFFFFFFFF


def mulberry32(seed):
    a = seed & M

    def r():
        nonlocal a
        a = (a + 0x6D2B79F5) & M
        t = a
        t = ((t ^ (t >> 15)) * (t | 1)) & M
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & M)) & M
        return ((t ^ (t >> 14)) & M) / 4294967296

    return r


def values(seed, n, kind):
    """n float32 values: signed in [-2, 2) or positive in [0, 4), times 2^k for k in [-3, 3] when kind is 'mixed'."""
    r = mulberry32(seed)
    out = []
    for _ in range(n):
        m = int(r() * 2**24)
        v = (m - 2**23) * 2.0**-22 if kind != "positive" else m * 2.0**-22
        if kind == "mixed":
            v *= 2.0 ** (int(r() * 7) - 3)
        out.append(v)
    return out


def bits(t):
    return [struct.unpack("<I", struct.pack("<f", v))[0].to_bytes(4, "big").hex() for v in t.reshape(-1).tolist()]


def apply_view(x, view):
    if view is None:
        return x
    if view[0] == "t":
        return x.t()
    if view[0] == "permute":
        return x.permute(*view[1])
    if view[0] == "step":  # every second element along the last dim: x[..., ::2]
        return x[..., ::2]
    if view[0] == "expand":
        return x.expand(*view[1])
    raise ValueError(view)


CASES = []


def case(shape, dim=None, keepdim=False, op="sum", kind="signed", view=None, correction=1):
    c = {"shape": shape, "dim": dim, "keepdim": keepdim, "op": op, "kind": kind, "view": view}
    if op in ("var", "std"):
        c["correction"] = correction
    CASES.append(c)


# All-reduces of vectors around every boundary of the order: the 8 lanes, ilp 4 (32), level sizes
# 16 / 2^k, the cascade levels.
for n in [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 255, 256, 257, 511, 513,
          1000, 1023, 1024, 1025, 2047, 2049, 4095, 4096, 4097, 5000, 8191, 8193, 10000, 16385, 32768, 32769,
          65535, 65537, 100000]:
    case([n], kind="positive" if n % 2 else "signed")
for n in [10, 25, 100, 1000, 4096, 30000]:
    case([n], kind="mixed")
    case([n], op="mean", kind="positive")
# Whole, dim 0, dim -1, keepdim, over 2-D shapes that take each kernel (inner vectorized, outer
# vectorized in groups of 32 / 8 / 1, scalar outer in groups of 4).
for shape in [[3, 5], [7, 9], [8, 8], [10, 33], [64, 10], [100, 100], [33, 31], [5, 1000], [1000, 5], [256, 300],
              [4, 25], [2, 70], [300, 7], [17, 40]]:
    case(shape)
    case(shape, dim=0)
    case(shape, dim=-1)
    case(shape, dim=0, keepdim=True, kind="positive")
    case(shape, dim=1, keepdim=True, op="mean")
    case(shape, op="mean", kind="mixed")
# Middle dims, several dims, batch-norm and conv-bias style reductions.
for shape, dims in [([4, 5, 6], 1), ([4, 5, 6], [0, 2]), ([4, 5, 6], [1, 2]), ([4, 5, 6], [0, 1]), ([3, 40, 9], 1),
                    ([2, 3, 16, 16], [0, 2, 3]), ([8, 3, 32, 32], [0, 2, 3]), ([8, 16, 5, 5], [0, 2, 3]),
                    ([6, 7, 8, 9], [1, 3]), ([6, 7, 8, 9], 2), ([5, 1, 7], 1), ([5, 1, 7], [0, 1]), ([1, 9, 1], 1),
                    ([2, 3, 4, 5, 6], [0, 2, 4])]:
    case(shape, dim=dims)
    case(shape, dim=dims, keepdim=True, op="mean", kind="positive")
# Views: transposes, permutations, strided slices, expanded dims.
for shape in [[9, 12], [40, 33], [100, 3], [3, 100]]:
    for dim in [None, 0, 1]:
        case(shape, dim=dim, view=["t"])
case([40, 33], op="mean", view=["t"], kind="positive")
for shape, perm, dims in [([4, 5, 6], [2, 0, 1], None), ([4, 5, 6], [2, 0, 1], 0), ([4, 5, 6], [1, 2, 0], [0, 2]),
                          ([8, 3, 10, 10], [0, 2, 3, 1], [0, 1, 2]), ([8, 3, 10, 10], [0, 2, 3, 1], 3)]:
    case(shape, dim=dims, view=["permute", perm])
for shape, dims in [([10, 40], None), ([10, 40], 1), ([10, 40], 0), ([6, 50, 18], [0, 2])]:
    case(shape, dim=dims, view=["step"])
for shape, to, dims in [([5, 1, 9], [5, 4, 9], None), ([5, 1, 9], [5, 4, 9], 1), ([5, 1, 9], [5, 4, 9], [0, 1])]:
    case(shape, dim=dims, view=["expand", to])


# Prints: sums and means of arange(n) / d, whose exact values are often whole or short decimals.
PRINTS = [(25, 5, "sum", None), (100, 10, "sum", None), (100, 10, "mean", None), (1000, 7, "sum", None),
          (60, 3, "sum", 0), (60, 3, "mean", 1)]
# var and std (accumulated in double by PyTorch), with and without Bessel's correction.
for shape, dim in [([10], None), ([1000], None), ([30000], None), ([1], None), ([64, 10], 0), ([64, 10], 1),
                   ([8, 3, 32, 32], [0, 2, 3]), ([4, 5, 6], 1), ([2, 300], -1)]:
    for op in ("var", "std"):
        case(shape, dim=dim, op=op, kind="positive" if len(shape) > 2 else "mixed")
        case(shape, dim=dim, op=op, correction=0, keepdim=dim is not None)
case([9, 12], dim=0, op="var", view=["t"])
case([9, 12], op="std", view=["t"])


def main():
    torch.set_num_threads(1)
    out = []
    for i, c in enumerate(CASES):
        seed = 1000 + i
        n = 1
        for d in c["shape"]:
            n *= d
        x = apply_view(torch.tensor(values(seed, n, c["kind"]), dtype=torch.float32).reshape(c["shape"]), c["view"])
        if c["op"] in ("var", "std"):
            f = torch.var if c["op"] == "var" else torch.std
            y = f(x, c["dim"], correction=c["correction"], keepdim=c["keepdim"])
        else:
            f = torch.sum if c["op"] == "sum" else torch.mean
            y = f(x) if c["dim"] is None else f(x, c["dim"], keepdim=c["keepdim"])
        out.append({**c, "seed": seed, "out_shape": list(y.shape), "bits": bits(y)})
    prints = []
    for n, d, op, dim in PRINTS:
        x = (torch.arange(n, dtype=torch.float32) / d).reshape(-1, 10 if dim is not None else n)
        f = torch.sum if op == "sum" else torch.mean
        prints.append({"n": n, "d": d, "op": op, "dim": dim, "repr": str(f(x) if dim is None else f(x, dim))})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sum_order.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": out, "prints": prints}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(out)} cases to {path}")


if __name__ == "__main__":
    main()
