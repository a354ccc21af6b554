"""Python 3.11 / PyTorch 1.13 / NumPy 1.24 references for test/kernel/sequence_index.test.ts: a list, tuple
or string indexed by a variable (`l[k]`, `losses[i - 1]`, `grid[i][j] = 0`, `counts[c] += 1`) counts a
negative index from the end and raises Python's IndexError past either end (kernel/sequence_index.ts,
kernel/sequence_items.ts), where JavaScript read undefined (printed None) and a store past the end grew the
list. Each case is Python code and its dialect spelling; the suite runs the dialect cells through
`torchlab run` and compares what they print with what Python printed (or the error's type and message).
Run with Debian's /usr/bin/python3 from test/reference: writes sequence_index.json.
"""
import sys

import numpy as np
import torch

from gen_py_sweep import write_cases

assert torch.__version__.startswith("1.13"), torch.__version__
assert np.__version__.startswith("1.24"), np.__version__
assert sys.version_info[:2] == (3, 11), sys.version

L = "l = [1, 2, 3]\n"
TL = "const l = [1, 2, 3];\n"

CASES = [
    ('list_negative_variable', L + 'k = -1\nprint(l[k], l[k - 1], l[-len(l)], l[len(l) - 1])',
     TL + 'const k = -1;\nprint(l[k], l[k - 1], l[-len(l)], l[len(l) - 1])'),
    ('list_read_past_end', L + 'i = 3\nprint(l[i])', TL + 'const i = 3;\nprint(l[i])'),
    ('list_read_before_start', L + 'k = -4\nprint(l[k])', TL + 'const k = -4;\nprint(l[k])'),
    ('list_store_variable', L + 'k = -1\nl[k] = 9\nl[k - 1] = 8\nl[0] = 7\nprint(l, len(l))',
     TL + 'const k = -1;\nl[k] = 9;\nl[k - 1] = 8;\nl[0] = 7;\nprint(l, len(l))'),
    ('list_store_past_end_literal', L + 'l[5] = 9', TL + 'l[5] = 9'),
    ('list_store_past_end_leaves_list',
     L + 'i = 3\ntry:\n    l[i] = 4\nexcept IndexError as e:\n    print(type(e).__name__, e)\nprint(l, len(l))',
     TL + 'const i = 3;\ntry {\n  l[i] = 4;\n} catch (e: any) {\n  print(e.name, e.message);\n}\nprint(l, len(l))'),
    ('list_compound', 'counts = [0, 0, 0]\nfor c in [2, 0, 2, -1]:\n    counts[c] += 1\nk = -2\ncounts[k] *= 10\nprint(counts)',
     'const counts = [0, 0, 0];\nfor (const c of [2, 0, 2, -1]) {\n  counts[c] += 1;\n}\nconst k = -2;\ncounts[k] *= 10;\nprint(counts)'),
    ('list_compound_past_end', 'counts = [0, 0, 0]\nc = 3\ncounts[c] += 1', 'const counts = [0, 0, 0];\nconst c = 3;\ncounts[c] += 1'),
    ('list_float_index', L + 'n = 3\nprint(l[n / 2])', TL + 'const n = 3;\nprint(l[n / 2])'),
    ('swap', 'a = [1, 2, 3, 4]\ni, j = 0, -1\na[i], a[j] = a[j], a[i]\nprint(a)',
     'const a = [1, 2, 3, 4];\nconst [i, j] = [0, -1];\n[a[i], a[j]] = [a[j], a[i]];\nprint(a)'),
    ('nested_lists', 'grid = [[0, 0, 0], [0, 0, 0]]\ni, j = -1, 1\ngrid[i][j] = 5\ngrid[0][j - 2] += 1\nprint(grid, grid[i][j], grid[i - 1][-1])',
     'const grid = [[0, 0, 0], [0, 0, 0]];\nconst [i, j] = [-1, 1];\ngrid[i][j] = 5;\ngrid[0][j - 2] += 1;\nprint(grid, grid[i][j], grid[i - 1][-1])'),
    ('nested_past_end', 'grid = [[0, 0, 0], [0, 0, 0]]\nj = 3\nprint(grid[1][j])',
     'const grid = [[0, 0, 0], [0, 0, 0]];\nconst j = 3;\nprint(grid[1][j])'),
    ('training_loop_function',
     'def report(losses):\n    for i in range(1, len(losses)):\n        if losses[i] > losses[i - 1]:\n'
     '            print(f"epoch {i}: up from {losses[i - 1]:.2f} to {losses[i]:.2f}")\n'
     '    print("last", losses[len(losses) - 1], "first", losses[-len(losses)])\n\nreport([0.9, 0.7, 0.75, 0.5])',
     'function report(losses: number[]) {\n  for (let i = 1; i < losses.length; i++) {\n    if (losses[i] > losses[i - 1]) {\n'
     '      print(`epoch ${i}: up from ${losses[i - 1]:.2f} to ${losses[i]:.2f}`);\n    }\n  }\n'
     '  print("last", losses[len(losses) - 1], "first", losses[-len(losses)]);\n}\nreport([0.9, 0.7, 0.75, 0.5])'),
    ('loop_shapes', 'a = [3, 1, 2]\ntotal = 0\nfor i in range(len(a)):\n    total += a[i] * i\nfor i, x in enumerate(a):\n    a[i] = x * 2\n'
     'for i in range(3):\n    total += a[-i - 1]\nprint(total, a)',
     'const a = [3, 1, 2];\nlet total = 0;\nfor (const i of range(len(a))) {\n  total += a[i] * i;\n}\nfor (const [i, x] of enumerate(a)) {\n  a[i] = x * 2;\n}\n'
     'for (let i = 0; i < 3; i++) {\n  total += a[-i - 1];\n}\nprint(total, a)'),
    ('loop_past_end', 'a = [3, 1, 2]\nfor i in range(len(a) + 1):\n    print(a[i])',
     'const a = [3, 1, 2];\nfor (let i = 0; i < a.length + 1; i++) {\n  print(a[i]);\n}'),
    ('for_of_and_destructuring', L + 'first, *rest = l\nfor x in l:\n    print(x, end=" ")\nprint(first, rest)',
     TL + 'const [first, ...rest] = l;\nfor (const x of l) {\n  print(x, {end: " "});\n}\nprint(first, rest)'),
    ('string', 's = "abc"\nk = -1\nprint(s[k], s[k - 2], s[len(s) - 2])\nrev = ""\nfor i in range(len(s) - 1, -1, -1):\n    rev += s[i]\nprint(rev)',
     'const s = "abc";\nconst k = -1;\nprint(s[k], s[k - 2], s[len(s) - 2]);\nlet rev = "";\nfor (let i = s.length - 1; i >= 0; i--) {\n  rev += s[i];\n}\nprint(rev)'),
    ('string_past_end', 's = "abc"\nj = 10\nprint(s[j])', 'const s = "abc";\nconst j = 10;\nprint(s[j])'),
    ('tuple', 't = tuple([1, 2, 3])\nk = -1\nprint(t[k], t[k - 1])\nprint(t[k + 4])',
     'const t = tuple([1, 2, 3]);\nconst k = -1;\nprint(t[k], t[k - 1]);\nprint(t[k + 4])'),
    ('size', 'x = torch.zeros(2, 3)\nd = 1\nprint(x.shape[d], x.shape[-d], x.shape[d - 2])\nprint(x.shape[d + 1])',
     'const x = torch.zeros(2, 3);\nconst d = 1;\nprint(x.shape[d], x.shape[-d], x.shape[d - 2]);\nprint(x.shape[d + 1])'),
    ('typed_array', 'v = torch.tensor([1.5, 2.5, 3.5]).numpy()\nk = -1\nprint(v[k] == 3.5, v[k - 2] == 1.5)\nv[k] = 0\nprint(v[2] == 0)\nprint(v[k + 4])',
     'const v = torch.tensor([1.5, 2.5, 3.5]).dataSync();\nconst k = -1;\nprint(v[k] == 3.5, v[k - 2] == 1.5);\nv[k] = 0;\nprint(v[2] == 0);\nprint(v[k + 4])'),
    ('tensor_stays', 't = torch.tensor([1, 2, 3])\nk = -1\nprint(t[k], t[k - 1], t[0])\nt[k] += 10\nprint(t)',
     'const t = torch.tensor([1, 2, 3]);\nconst k = -1;\nprint(t[k], t[k - 1], t[0]);\nt[k] += 10;\nprint(t)'),
    ('numpy_stays', 'a = np.array([1, 2, 3])\nk = -1\nprint(a[k], a[k - 1])\na[k] += 10\nprint(a)',
     'const a = np.array([1, 2, 3]);\nconst k = -1;\nprint(a[k], a[k - 1]);\na[k] += 10;\nprint(a)'),
    ('untyped_parameters', 'def get(xs, i):\n    return xs[i]\n\ndef put(xs, i, v):\n    xs[i] = v\n\nl = [1, 2, 3]\nput(l, -1, 5)\nprint(get(l, -1), get("abc", -2))\nput(l, 3, 0)',
     'function get(xs, i) {\n  return xs[i];\n}\nfunction put(xs, i, v) {\n  xs[i] = v;\n}\nconst l = [1, 2, 3];\nput(l, -1, 5);\nprint(get(l, -1), get("abc", -2));\nput(l, 3, 0)'),
    ('untyped_read_past_end', 'def get(xs, i):\n    return xs[i]\n\nprint(get([1, 2, 3], 3))',
     'function get(xs, i) {\n  return xs[i];\n}\nprint(get([1, 2, 3], 3))'),
    ('layers_in_list', 'layers = [torch.nn.Linear(2, 2), torch.nn.ReLU()]\nx = torch.ones(1, 2)\nfor i in range(len(layers)):\n    x = layers[i](x)\n'
     'print(x.shape, type(layers[len(layers) - 2]).__name__)',
     'const layers = [new nn.Linear(2, 2), new nn.ReLU()];\nlet x = torch.ones(1, 2);\nfor (const i of range(len(layers))) {\n  x = layers[i](x);\n}\n'
     'print(x.shape, type(layers[len(layers) - 2]).__name__)'),
]


def main():
    write_cases(CASES, "sequence_index.json", {"torch": torch, "np": np})


if __name__ == "__main__":
    main()
