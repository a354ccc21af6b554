"""Python 3.11 / PyTorch 1.13 / NumPy 1.24 / pandas 1.5.3 references for test/kernel/python_slices.test.ts:
Python's slice syntax in a cell's subscripts (`x[:, 0]`, `xy[:, :-1]`, `s[::-1]`, `x[i:i + n]`) on tensors,
NumPy arrays, lists, strings, torch.Size, nn.Sequential and pandas' iloc, read and written. Each case is
one Python line and its dialect spelling (the same subscripts, TypeScript around them); the suite runs the
dialect cells through `torchlab run` and compares what they print with what Python printed (or the
error's type and message). Run with Debian's /usr/bin/python3 from test/reference: writes python_slices.json.
"""
import sys

import numpy as np
import pandas as pd
import torch

from gen_py_sweep import write_cases

assert torch.__version__.startswith("1.13"), torch.__version__
assert np.__version__.startswith("1.24"), np.__version__
assert pd.__version__.startswith("1.5"), pd.__version__
assert sys.version_info[:2] == (3, 11), sys.version

T = "t = torch.arange(12).reshape(3, 4); "
TS = "const t = torch.arange(12).reshape(3, 4); "

CASES = [
    ('tensor_read', T + 'print(t[:, 0], t[1:, ::2], t[:, -1], t[:2, 1:3])',
     TS + 'print(t[:, 0], t[1:, ::2], t[:, -1], t[:2, 1:3])'),
    ('tensor_ellipsis_none', T + 'print(t[..., -1], t[:, None].shape, t[None, :, 1:].shape, t[-2:, :])',
     TS + 'print(t[..., -1], t[:, None].shape, t[None, :, 1:].shape, t[-2:, :])'),
    ('tensor_bounds', T + 'n = 2; print(t[:n], t[n:], t[1:n + 1, n - 1], t[: -1], t[1 : 3, 0])',
     TS + 'const n = 2; print(t[:n], t[n:], t[1:n + 1, n - 1], t[: -1], t[1 : 3, 0])'),
    ('tensor_index_bounds', T + 'i = torch.tensor(1); print(t[i:, i], t[:i + 1, ::i + 1])',
     TS + 'const i = torch.tensor(1); print(t[i:, i], t[:i + 1, ::i + 1])'),
    ('tensor_write', T + 't[:, 0] = 0; t[1:, :2] += 100; t[0, 2:] *= -1; print(t)',
     TS + 't[:, 0] = 0; t[1:, :2] += 100; t[0, 2:] *= -1; print(t)'),
    ('tensor_mixed', T + 'idx = torch.tensor([0, 2]); print(t[idx, :2], t[t[:, 0] > 3, 1:], t[:, [0, 3]])',
     TS + 'const idx = torch.tensor([0, 2]); print(t[idx, :2], t[t[:, 0] > 3, 1:], t[:, [0, 3]])'),
    ('tensor_conditional', T + 'k = 1; print(t[:, 0 if k > 0 else 1], t[1 if k else 0, :])',
     TS + 'const k = 1; print(t[:, k > 0 ? 0 : 1], t[k ? 1 : 0, :])'),
    ('tensor_fstring', T + 'print(f"{t[0, :2]} and {t[1:, -1].tolist()}")',
     TS + 'print(`${t[0, :2]} and ${t[1:, -1].tolist()}`)'),
    ('tensor_in_function', 'def last(out):\n    return out[:, -1, :]\nprint(last(torch.arange(24.).reshape(2, 3, 4)))',
     'function last(out: torch.Tensor) {\n  return out[:, -1, :];\n}\nprint(last(torch.arange(24.).reshape(2, 3, 4)))'),
    ('size', T + 'print(t.shape[1:], t.shape[:-1], t.size()[::-1])',
     TS + 'print(t.shape[1:], t.shape[:-1], t.size()[::-1])'),
    ('sequential', 'net = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1)); print(net[:2]); print(net[-1:])',
     'const net = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU(), new nn.Linear(3, 1)); print(net[:2]); print(net[-1:])'),
    ('numpy', 'a = np.arange(12).reshape(3, 4); print(a[:, :-1], a[:, [-1]], a[::2, ::-1]); a[:, 0] = -1; print(a)',
     'const a = np.arange(12).reshape(3, 4); print(a[:, :-1], a[:, [-1]], a[::2, ::-1]); a[:, 0] = -1; print(a)'),
    ('numpy_from_numpy', "xy = np.arange(6, dtype=np.float32).reshape(2, 3); x = torch.from_numpy(xy[:, :-1]); y = torch.from_numpy(xy[:, [-1]]); print(x, y, x.shape, y.shape)",
     "const xy = np.arange(6, dtype=np.float32).reshape(2, 3); const x = torch.from_numpy(xy[:, :-1]); const y = torch.from_numpy(xy[:, [-1]]); print(x, y, x.shape, y.shape)"),
    ('list_str', "xs = [1, 2, 3, 4, 5]; s = 'hello'; print(xs[1:3], xs[::-1], s[:3], s[-2:], xs[:-1], xs[::2], s[::-1])",
     "const xs = [1, 2, 3, 4, 5]; const s = 'hello'; print(xs[1:3], xs[::-1], s[:3], s[-2:], xs[:-1], xs[::2], s[::-1])"),
    ('pandas_iloc', "df = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6]}); print(df.iloc[:2, 0]); print(df.iloc[:, 1:])",
     "const df = pd.DataFrame({'a': [1, 2, 3], 'b': [4, 5, 6]}); print(df.iloc[:2, 0]); print(df.iloc[:, 1:])"),
    ('tensor_negative_step', T + 't[::-1]', TS + 't[::-1]'),
]


def main():
    write_cases(CASES, "python_slices.json", {"torch": torch, "np": np, "pd": pd})


if __name__ == "__main__":
    main()
