"""Python 3.11 / PyTorch 1.13 / NumPy 1.24 references for test/api/floordiv.test.ts: Python's floor division
`//` and `//=` as notebooks port it (`(k + 1) // 2`, `len(ds) // batch_size`, conv shape arithmetic
`(H - k + 2 * p) // s + 1`, `idx // ncols`, `steps //= 2`, `t // 2` on tensors, NumPy arrays, untyped
parameters, divmod) and `%` of numbers with the divisor's sign. Each case is one Python snippet and its
dialect spelling (the TypeScript a notebook cell holds); the suite runs the dialect cells through
`torchlab run` and compares what they print with what Python printed (or the error's type and message).
Run with Debian's /usr/bin/python3 from test/reference: writes floordiv.json.
"""
import numpy as np
import torch

from gen_py_sweep import write_cases

CASES = [
    ('ints', 'print(-7 // 2, 7 // 2, 7 // -2, -7 // -2, 0 // -5)',
     'print(-7 // 2, 7 // 2, 7 // -2, -7 // -2, 0 // -5)'),
    ('floats', 'print(7.0 // 2, -7.5 // 2, 1 // 0.1, 7 // 2.0, [7.0 // 2, 7 // 2])',
     'print(7.0 // 2, -7.5 // 2, 1 // 0.1, 7 // 2.0, [7.0 // 2, 7 // 2])'),
    ('half', 'k = 5\nhalf = (k + 1) // 2\nprint(half)',
     'let k = 5\nlet half = (k + 1) // 2\nprint(half)'),
    ('n_batches', 'ds = list(range(103)); batch_size = 10\nn_batches = len(ds) // batch_size\nprint(n_batches)',
     'const ds = list(range(103)); const batch_size = 10\nconst n_batches = len(ds) // batch_size\nprint(n_batches)'),
    ('conv_shape', 'H, k, p, s = 28, 5, 2, 2\nout = (H - k + 2 * p) // s + 1\nprint(out, (32 - 3) // 2 + 1)',
     'const [H, k, p, s] = [28, 5, 2, 2]\nconst out = (H - k + 2 * p) // s + 1\nprint(out, (32 - 3) // 2 + 1)'),
    ('grid', 'ncols = 4\nfor idx in range(6):\n    print(idx // ncols, idx % ncols)',
     'const ncols = 4\nfor (const idx of range(6)) {\n  print(idx // ncols, idx % ncols)\n}'),
    ('steps', "steps = 100\nwhile steps > 1:\n    steps //= 2\n    print(steps, end=' ')\nprint()",
     "let steps = 100\nwhile (steps > 1) {\n  steps //= 2\n  print(steps, end=' ')\n}\nprint()"),
    ('precedence', 'print(100 // 7 // 2, 2 + 7 // 2 * 3, 7 // 2 ** 2, -7 // 2 + 1)',
     'print(100 // 7 // 2, 2 + 7 // 2 * 3, 7 // 2 ** 2, -7 // 2 + 1)'),
    ('fstring_slice', "s = 'hello'\nxs = [10, 20, 30, 40, 50]\nprint(s[:len(s) // 2], xs[len(xs) // 2], f'{7 // 2} {7.0 // 2}')",
     "const s = 'hello'\nconst xs = [10, 20, 30, 40, 50]\nprint(s[`:${len(s) // 2}`], xs[len(xs) // 2], `${7 // 2} ${7.0 // 2}`)"),
    ('int_by_zero', 'print(1 // 0)',
     'print(1 // 0)'),
    ('float_by_zero', 'print(1.5 // 0)',
     'print(1.5 // 0)'),
    ('str_operand', "print('ab' // 2)",
     "const ab: any = 'ab'\nprint(ab // 2)"),
    ('tensor_int', 't = torch.tensor([7, -7, 5])\nprint(t // 2, t // -2, (t // 2).dtype, t // 2.5)',
     'const t = torch.tensor([7, -7, 5])\nprint(t // 2, t // -2, (t // 2).dtype, t // 2.5)'),
    ('tensor_float', 'f = torch.tensor([7., -7., 5.5])\nprint(f // 2, torch.tensor([7, 5]) // 2.0)',
     'const f = torch.tensor([7., -7., 5.5])\nprint(f // 2, torch.tensor([7, 5]) // 2.0)'),
    ('tensor_reflected', 'print(7 // torch.tensor([2, -2, 3]), 7.5 // torch.tensor([2, -2]), 7.0 // torch.tensor([2, -2]))',
     'print(7 // torch.tensor([2, -2, 3]), 7.5 // torch.tensor([2, -2]), 7.0 // torch.tensor([2, -2]))'),
    ('tensor_both', 'print(torch.tensor([7, 8]) // torch.tensor([2, -3]))',
     'print(torch.tensor([7, 8]) // torch.tensor([2, -3]))'),
    ('tensor_inplace', 'x = torch.tensor([5, 7])\nx //= 2\nprint(x)\ny = torch.tensor([5., 7.])\ny[0] //= 2\nprint(y)',
     'const x = torch.tensor([5, 7])\nx //= 2\nprint(x)\nconst y = torch.tensor([5., 7.])\ny[0] //= 2\nprint(y)'),
    ('untyped', 'def half(v):\n    return v // 2\nprint(half(7), half(-7), half(torch.tensor([5, -5])))',
     'function half(v) {\n  return v // 2\n}\nprint(half(7), half(-7), half(torch.tensor([5, -5])))'),
    ('numpy', 'a = np.array([7, -7])\nprint(a // 2, np.array([7., -7.]) // 2, 7 // np.array([2, -2]))',
     'const a = np.array([7, -7])\nprint(a // 2, np.array([7., -7.]) // 2, 7 // np.array([2, -2]))'),
    ('list_item', 'counts = [9, 8]\ncounts[0] //= 2\nprint(counts)',
     'const counts = [9, 8]\ncounts[0] //= 2\nprint(counts)'),
    ('divmod', 'print(divmod(-7, 2), divmod(7, -2), divmod(1, 0.1))',
     'print(divmod(-7, 2), divmod(7, -2), divmod(1, 0.1))'),
    ('modulo', 'print(-7 % 3, 5.5 % -2, -5.5 % 2, 7 % -3, -4 % 2)',
     'print(-7 % 3, 5.5 % -2, -5.5 % 2, 7 % -3, -4 % 2)'),
    ('modulo_untyped', 'def m(a, b):\n    return a % b\nprint(m(-7, 3), m(5.5, -2), m(torch.tensor([-7, 7]), 3))',
     'function m(a, b) {\n  return a % b\n}\nprint(m(-7, 3), m(5.5, -2), m(torch.tensor([-7, 7]), 3))'),
    ('comments', 'x = 5  # number of epochs\nprint(x)  # prints 5\nprint(x)  # x\nurl = "http://example.com"  # a URL',
     'let x = 5  // number of epochs\nprint(x)  // prints 5\nprint(x) // x\nconst url = "http://example.com" // a URL'),
]


def main():
    write_cases(CASES, "floordiv.json", {"torch": torch, "np": np})


if __name__ == "__main__":
    main()
