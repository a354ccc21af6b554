"""Fixture for test/kernel/rewrite_dialect.test.ts's notebook of str and list methods on untyped values.

Each cell is Python as the courses write it, where the dialect's value is untyped (a parameter without
a type, a name assigned later, a loop variable over an untyped list, a JSON result, an attribute set
from a parameter): `line.split()`, `line.split(",", 1)`, `s.replace(a, b)`, `xs.sort()`, `queue.pop(0)`,
`s.split(maxsplit=1)`, `xs.sort(key=len, reverse=True)`, `i % n` of negative numbers, `fmt % x`, a
dict's `get(k, default)`; and beside them JavaScript's own forms that a cell means as JavaScript (a
RegExp separator, a replacer, a comparison function), written here as Python's equivalents. The cells
run in one namespace, as a notebook's do; each cell's stdout is recorded. Writes
test/reference/dialect_untyped_methods.json: {"cells": [printed text]}.
"""
import contextlib
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

CELLS = [
    """def words(line):
    return line.split()
print(words("a b  c"), words(" x\\ty "))
def fields(line, n):
    return line.split(",", n)
print(fields("a,b,c", 1), fields("a,b,c", -1))
def clean(s):
    return s.replace("-", " ")
print(clean("a-b-c"))
def order(xs):
    xs.sort()
    return xs
print(order([10, 9, 1, 100]), order([0.5, 10, 2]), order(["b", "a"]))
def first(queue):
    head = queue.pop(0)
    print(head, queue, queue.pop())
first([1, 2, 3])""",
    """import json
lines = None
lines = ["b a", "d,c,e"]
for line in lines:
    print(line.split(), line.split(",", 1))
cfg = json.loads('{"sizes": [64, 128, 32], "name": "a-b-c"}')
cfg["sizes"].sort()
print(cfg["sizes"], cfg["name"].replace("-", "_"), cfg["sizes"].pop(0), cfg["sizes"])""",
    """class Vocab:
    def __init__(self, text, counts):
        self.words = text.split()
        self.counts = counts
    def top(self):
        self.counts.sort()
        return self.counts.pop(-1)
v = Vocab("the cat  sat", [3, 10, 2])
print(v.words, v.top(), v.counts)""",
    """def parts(s, xs):
    print(s.split(maxsplit=1), s.split(".", maxsplit=1))
    xs.sort(key=len, reverse=True)
    print(xs)
parts("a.b c.d", ["bb", "a", "ccc"])""",
    """import re
def js_forms(q, r):
    print(re.split(r"\\d", q), re.sub(r"\\d", "#", q), q.replace("1", "one", 1))
    r.sort(reverse=True)
    print(r)
js_forms("a1b2", [1, 10, 2])""",
    """def wrap(i, n):
    return i % n
print(wrap(-1, 5), wrap(-7.5, 2), wrap(7, -3), wrap(6, 3))
def fmt(f, x):
    return f % x
print(fmt("%d items", 3), fmt("%.2f", 0.5))
try:
    wrap(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
m = {"a": 1}
print(m.get("z", 0), m.get("a"))""",
]


def main():
    scope = {}
    printed = []
    for cell in CELLS:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(cell, "<cell>", "exec"), scope)
        printed.append(out.getvalue())
    with open(os.path.join(HERE, "dialect_untyped_methods.json"), "w") as f:
        json.dump({"cells": printed}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
