"""Fixture for test/kernel/rewrite_dialect.test.ts's `del a, b`, list-slice and dict-method notebook.

Each cell is Python as the courses write it: `del a, b` of globals (reading one afterwards is
NameError), a list's and a string's slices reached through an untyped parameter or variable (and a
str index on a list, Python's TypeError), and a dict's methods on an untyped call's result
(`run._asdict().items()`, `cfg().keys()`). The cells run in one namespace, as a notebook's do; each
cell's stdout is recorded. Writes test/reference/dialect_del_slice.json: {"cells": [printed text]}.
"""
import contextlib
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

CELLS = [
    "a = 1\nb = 2\nc = 3",
    "del a, b",
    """print(c)
try:
    print(a)
except NameError as e:
    print(e)
try:
    print(b)
except NameError as e:
    print(e)""",
    """def head(xs, n):
    return xs[:n]
print(head([1, 2, 3, 4], 2), head("hello", 3))
ys = [1, 2, 3, 4, 5]
print(ys[:3], ys[1:], ys[::-1], ys[-2:], ys[1:-1:2], ys[10:], ys[:-10], ys[3:1:-1])
def rev(s):
    return s[::-1]
print(rev("hello"), rev([1, 2]))
zs = [1, 2, 3]
print(zs[:2], "abc"[1:])""",
    """def item(l, k):
    return l[k]
for seq in [[1, 2], "ab"]:
    try:
        item(seq, "a")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    [1, 2][::0]
except ValueError as e:
    print(type(e).__name__, e)""",
    """class Run:
    def __init__(self, lr, epochs):
        self.lr = lr
        self.epochs = epochs
    def _asdict(self):
        return {"lr": self.lr, "epochs": self.epochs}
def show(run):
    return run._asdict().items()
print(show(Run(0.1, 3)))
def ks(cfg):
    return cfg().keys()
print(ks(lambda: {"lr": 0.1}))
run2 = None
run2 = Run(0.5, 1)
for k, v in run2._asdict().items():
    print(k, v)""",
]


def main():
    scope = {}
    printed = []
    for cell in CELLS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(cell, "<cell>", "exec"), scope)
        printed.append(out.getvalue())
    with open(os.path.join(HERE, "dialect_del_slice.json"), "w") as f:
        json.dump({"cells": printed}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
