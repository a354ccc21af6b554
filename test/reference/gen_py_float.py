"""Python 3.11 / pandas 1.5.3 / NumPy 1.24 references for test/api/py_float.test.ts: values that Python
holds as floats and prints as `3.0`, which torchlab's JavaScript numbers would print as `3`, each beside
its int twin (which must stay an int): pandas' reductions (NumPy's float64 from a column's mean, sum,
min, max, std, quantile; an int column's sum stays an int64), list(map(str, ...)) of floats,
dict values read back (`d.get`, `d.values()`, `d.items()`), tuples a function returns, attributes summed
in a method (`self.total += v`), divmod, sorted / max / sum of floats, np.mean of a list, round with
digits, float(3), `x / 1`, and a tuple key looked up by value in an untyped dict. Each case is one Python
snippet and its dialect spelling; the suite runs the dialect cells through `torchlab run` and compares
what they print with what Python printed.
Run with Debian's /usr/bin/python3 from test/reference: writes py_float.json.
"""
import warnings

import numpy as np
import pandas as pd
import torch

from gen_py_sweep import write_cases

assert pd.__version__ == "1.5.3", pd.__version__
warnings.simplefilter("ignore")

PEOPLE = "{'Name': ['a', 'b', 'c', 'd'], 'Age': [22, 38, 26, 18], 'Fare': [7.25, 71.5, 8.0, 1.25], 'W': [1.0, 2.0, 3.0, 2.0]}"
DF = f"df = pd.DataFrame({PEOPLE})"
LET_DF = f"let df = new pd.DataFrame({PEOPLE})"

CASES = [
    # pandas' reductions of a column: NumPy's float64 (an int column's sum, min, max stay int64)
    ('pandas_mean', f"{DF}; print(df['Age'].mean()); print(df['Age'].sum(), df['Age'].min(), df['Age'].max())",
     f"{LET_DF}; print(df['Age'].mean()); print(df['Age'].sum(), df['Age'].min(), df['Age'].max())"),
    ('pandas_float_column', f"{DF}; print(df['W'].sum(), df['W'].min(), df['W'].max(), df['W'].mean())",
     f"{LET_DF}; print(df['W'].sum(), df['W'].min(), df['W'].max(), df['W'].mean())"),
    ('pandas_fstring', f"{DF}; m = df['Age'].mean(); print(f'mean age {{m}}', [m], m)",
     f"{LET_DF}; const m = df['Age'].mean(); print(`mean age ${{m}}`, [m], m)"),
    ('pandas_std_quantile', f"{DF}; s = df['Age']; print(s.std() > 0, s.quantile(0.5), s.median(), s.quantile(0.25))",
     f"{LET_DF}; const s = df['Age']; print(s.std() > 0, s.quantile(0.5), s.median(), s.quantile(0.25))"),
    ('pandas_series_mean', "s = pd.Series([1, 3]); print(s.mean(), s.sum(), s.var())",
     "const s = new pd.Series([1, 3]); print(s.mean(), s.sum(), s.var())"),
    ('pandas_frame_mean', f"{DF}; print(df[['Age', 'W']].mean()); print(df['W'].describe())",
     f"{LET_DF}; print(df[['Age', 'W']].mean()); print(df['W'].describe())"),
    ('pandas_value_counts', "s = pd.Series(['a', 'b', 'a', 'a']); print(s.value_counts(normalize=True)); print(s.value_counts()['a'], s.value_counts(normalize=True)['b'])",
     "const s = new pd.Series(['a', 'b', 'a', 'a']); print(s.value_counts({normalize: true})); print(s.value_counts()['a'], s.value_counts({normalize: true})['b'])"),
    ('pandas_iloc', f"{DF}; print(df['W'].iloc[0], df['Age'].iloc[0], df['W'][1], df['Age'][1])",
     f"{LET_DF}; print(df['W'].iloc[0], df['Age'].iloc[0], df['W'][1], df['Age'][1])"),
    # map of floats
    ('map_str', "print(list(map(str, [1.0, 2])), list(map(str, [1, 2])))",
     "print(list(map(str, [1.0, 2])), list(map(str, [1, 2])))"),
    # dict values read back
    ('dict_get', "d = {'lr': 1.0, 'epochs': 3}; print(d.get('lr'), d.get('epochs'), d['lr'], d['epochs'])",
     "const d = {'lr': 1.0, 'epochs': 3}; print(d.get('lr'), d.get('epochs'), d['lr'], d['epochs'])"),
    ('dict_values', "d = {'lr': 1.0, 'epochs': 3}; print(list(d.values()), list(d.items()))",
     "const d = {'lr': 1.0, 'epochs': 3}; print(list(d.values()), list(d.items()))"),
    # tuples a function returns
    ('return_tuple', "def evaluate():\n    loss = 2.0\n    acc = 1\n    return loss, acc\nprint(evaluate())\nr = evaluate()\nprint(r, [r])",
     "function evaluate() {\n  const loss = 2.0\n  const acc = 1\n  return loss, acc\n}\nprint(evaluate())\nconst r = evaluate()\nprint(r, [r])"),
    ('return_tuple_call', "def evaluate(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total / n, total\nprint(evaluate(3))",
     "function evaluate(n: number) {\n  let total = 0\n  for (const i of range(n)) {\n    total += i\n  }\n  return tuple([total / n, total])\n}\nprint(evaluate(3))"),
    ('return_tuple_item', "def evaluate(t):\n    return t.sum().item(), t.numel()\nprint(evaluate(torch.tensor([1.0, 1.0])))",
     "function evaluate(t: torch.Tensor) {\n  return tuple([t.sum().item(), t.numel()])\n}\nprint(evaluate(torch.tensor([1.0, 1.0])))"),
    # an attribute summed in a method
    ('this_total', "class Meter:\n    def __init__(self):\n        self.total = 0\n        self.n = 0\n    def update(self, v):\n        self.total += v\n        self.n += 1\nm = Meter(); m.update(1.5); m.update(0.5); print(m.total, m.n)",
     "class Meter {\n  total = 0\n  n = 0\n  update(v: number) {\n    this.total += v\n    this.n += 1\n  }\n}\nconst m = new Meter(); m.update(1.5); m.update(0.5); print(m.total, m.n)"),
    ('this_total_item', "class Meter:\n    def __init__(self):\n        self.total = 0\n    def update(self, v):\n        self.total += v\nm = Meter(); m.update(torch.tensor(2.0).item()); print(m.total)",
     "class Meter {\n  total = 0\n  update(v: number) {\n    this.total += v\n  }\n}\nconst m = new Meter(); m.update(torch.tensor(2.0).item()); print(m.total)"),
    # builtins
    ('divmod_float', "print(divmod(7.5, 2), divmod(7, 2), divmod(8.0, 2))",
     "print(divmod(7.5, 2), divmod(7, 2), divmod(8.0, 2))"),
    ('sorted_floats', "print(sorted([2.5, 1, 3.0]), sorted([3, 1, 2]))",
     "print(sorted([2.5, 1, 3.0]), sorted([3, 1, 2]))"),
    ('sorted_variable', "xs = [2.5, 1, 3.0]; ys = sorted(xs, reverse=True); print(ys, max(xs), min(xs))",
     "const xs = [2.5, 1, 3.0]; const ys = sorted(xs, {reverse: true}); print(ys, max(xs), min(xs))"),
    ('max_sum', "print(max([1.0, 2.0]), max([1, 2]), sum([0.5, 0.5]), sum([1, 1]))",
     "print(max([1.0, 2.0]), max([1, 2]), sum([0.5, 0.5]), sum([1, 1]))"),
    ('max_sum_variable', "xs = [1.0, 2.0]; ns = [1, 2]; s = sum(xs); m = max(xs); print(s, m, sum(ns), max(ns))",
     "const xs = [1.0, 2.0]; const ns = [1, 2]; const s = sum(xs); const m = max(xs); print(s, m, sum(ns), max(ns))"),
    ('np_mean_list', "print(np.mean([1, 3]), repr(np.mean([1, 3])), np.sum([1, 3]))",
     "print(np.mean([1, 3]), repr(np.mean([1, 3])), np.sum([1, 3]))"),
    ('np_mean_variable', "m = np.mean([1, 3]); print(m, [m], f'{m}')",
     "const m = np.mean([1, 3]); print(m, [m], `${m}`)"),
    ('round_digits', "x = 2.0; print(round(x, 2), round(x), round(2.004, 2))",
     "const x = 2.0; print(round(x, 2), round(x), round(2.004, 2))"),
    ('round_variable', "x = 2.0; r = round(x, 2); n = round(x); print(r, n, [r, n])",
     "const x = 2.0; const r = round(x, 2); const n = round(x); print(r, n, [r, n])"),
    ('float_call', "print(float(3), int(3.0), float('2'))",
     "print(float(3), int(3.0), float('2'))"),
    ('float_call_variable', "f = float(3); i = int(3.0); print(f, i, [f, i], {'f': f})",
     "const f = float(3); const i = int(3.0); print(f, i, [f, i], {'f': f})"),
    ('divide_one', "x = 4; print(x / 1, x // 1, x * 1)",
     "const x = 4; print(x / 1, x // 1, x * 1)"),
    ('divide_variable', "x = 4; y = x / 1; z = x * 1; print(y, z, [y, z])",
     "const x = 4; const y = x / 1; const z = x * 1; print(y, z, [y, z])"),
    # a tuple key looked up by value in an untyped dict
    ('tuple_key_get', "d = {}\nd[(1, 2)] = 'a'\nprint(d.get((1, 2)), d.get((2, 1)), d.get((2, 1), 'none'))",
     "const d: any = new Map(); d[tuple([1, 2])] = 'a'; print(d.get(tuple([1, 2])), d.get(tuple([2, 1])), d.get(tuple([2, 1]), 'none'))"),
    ('tuple_key_get_object', "d = {}\nd[(1, 2)] = 3\nprint(d.get((1, 2)), d.get((1, 2), 0) + 1)",
     "const d: any = {}; d[tuple([1, 2])] = 3; print(d.get(tuple([1, 2])), d.get(tuple([1, 2]), 0) + 1)"),
]


def main():
    write_cases(CASES, "py_float.json", {"torch": torch, "pd": pd, "np": np})


if __name__ == "__main__":
    main()
