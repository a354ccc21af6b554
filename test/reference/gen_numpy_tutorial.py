"""Python 3.11 / NumPy 1.24 references for test/api/numpy_tutorial.test.ts: the NumPy calls that ported
tutorials make (graykode's nlp-tutorial, the MIT 6.S191 labs, Hung-yi Lee's homework, zero-to-GANs, and
the linear-algebra and statistics chapters around them), each a Python line and its dialect spelling,
compared as printed: np.linalg.eig / eigvals (LAPACK's order and signs), cumsum / cumprod along axes,
unique with counts, where(cond), clip with None and keywords, percentile, isclose / allclose, the legacy
np.random stream (seed, choice, shuffle, permutation) and default_rng, np.eye(n)[idx] one-hot rows,
astype, asarray of tensors and lists, concatenate, reshape and argmax.
Run with Debian's /usr/bin/python3 from test/reference: writes numpy_tutorial.json.
"""
import sys

import numpy as np
import torch

from gen_py_sweep import write_cases

assert np.__version__.startswith("1.24"), np.__version__
assert torch.__version__.startswith("1.13"), torch.__version__
assert sys.version_info[:2] == (3, 11), sys.version

CASES = [
    # np.linalg.eig: a Markov chain's transition matrix, a lower-triangular one (dgebal permutes it),
    # a symmetric one, a defective one, and eigvals of an int matrix
    ('eig_01', 'w, v = np.linalg.eig(np.array([[2., 0.], [1., 3.]])); print(w, v, repr(w))',
     'let [w, v] = np.linalg.eig(np.array([[2., 0.], [1., 3.]])); print(w, v, repr(w))'),
    ('eig_02', 'P = np.array([[0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.1, 0.2, 0.7]]); w, v = np.linalg.eig(P.T); print(w, v[:, 0]); pi = v[:, np.argmax(w)]; print(pi / pi.sum())',
     'let P = np.array([[0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.1, 0.2, 0.7]]); let [w, v] = np.linalg.eig(P.T); print(w, v[":, 0"]); let pi = v[`:, ${np.argmax(w)}`]; print(pi / pi.sum())'),
    ('eig_03', 'w, v = np.linalg.eig(np.array([[1, 2, 3], [4, 5, 6], [7, 8, 10]])); print(w, v); print(np.allclose(np.array([[1, 2, 3], [4, 5, 6], [7, 8, 10]]) @ v, v * w))',
     'let [w, v] = np.linalg.eig(np.array([[1, 2, 3], [4, 5, 6], [7, 8, 10]])); print(w, v); print(np.allclose(np.array([[1, 2, 3], [4, 5, 6], [7, 8, 10]]) @ v, v * w))'),
    ('eig_04', 'w, v = np.linalg.eig(np.array([[5., 4, 1, 1], [4, 5, 1, 1], [1, 1, 4, 2], [1, 1, 2, 4]])); print(np.round(w, 6), np.round(v[:, [0, 2]], 6))',
     'let [w, v] = np.linalg.eig(np.array([[5., 4, 1, 1], [4, 5, 1, 1], [1, 1, 4, 2], [1, 1, 2, 4]])); print(np.round(w, 6), np.round(v.T[[0, 2]].T, 6))'),
    ('eig_05', 'w, v = np.linalg.eig(np.array([[2., 1, 0], [1, 3, 1], [0, 1, 4]])); print(w, v, np.linalg.eigvals(np.array([[1, 2], [3, 4]])))',
     'let [w, v] = np.linalg.eig(np.array([[2., 1, 0], [1, 3, 1], [0, 1, 4]])); print(w, v, np.linalg.eigvals(np.array([[1, 2], [3, 4]])))'),
    ('eig_06', 'w, v = np.linalg.eig(np.array([[1., 1.], [0., 1.]])); print(w, v.shape, v[:, 0]); w32, v32 = np.linalg.eig(np.array([[2, 1], [1, 2]], dtype=np.float32)); print(repr(w32), v32.dtype)',
     'let [w, v] = np.linalg.eig(np.array([[1., 1.], [0., 1.]])); print(w, v.shape, v[":, 0"]); let [w32, v32] = np.linalg.eig(np.array([[2, 1], [1, 2]], {dtype: np.float32})); print(repr(w32), v32.dtype)'),
    ('eig_07', 'np.linalg.eig(np.ones((2, 3)))',
     'np.linalg.eig(np.ones([2, 3]))'),
    ('eig_08', 'np.linalg.eig(np.array([[1., np.nan], [0., 1.]]))',
     'np.linalg.eig(np.array([[1., np.nan], [0., 1.]]))'),
    # cumulative sums and products along an axis
    ('cum_01', 'x = np.arange(1, 7).reshape(2, 3); print(np.cumsum(x, axis=0), np.cumprod(x, axis=1), np.cumprod(x), x.cumprod(axis=0), np.cumsum(x, axis=-1), repr(np.cumsum(np.array([0.1, 0.2, 0.3]))))',
     'let x = np.arange(1, 7).reshape(2, 3); print(np.cumsum(x, {axis: 0}), np.cumprod(x, {axis: 1}), np.cumprod(x), x.cumprod({axis: 0}), np.cumsum(x, {axis: -1}), repr(np.cumsum(np.array([0.1, 0.2, 0.3]))))'),
    ('cum_02', 'np.cumsum(np.arange(6).reshape(2, 3), axis=2)',
     'np.cumsum(np.arange(6).reshape(2, 3), {axis: 2})'),
    # unique with counts, where(cond), clip
    ('unique_01', 'labels = np.array([[1, 2], [2, 3]]); values, counts = np.unique(labels, return_counts=True); print(values, counts, dict(zip(values.tolist(), counts.tolist()))); print(np.unique([3, 1, 1], return_index=True, return_inverse=True))',
     'let labels = np.array([[1, 2], [2, 3]]); let [values, counts] = np.unique(labels, {return_counts: true}); print(values, counts, dict(zip(values.tolist(), counts.tolist()))); print(np.unique([3, 1, 1], {return_index: true, return_inverse: true}))'),
    ('where_01', 'a = np.array([[0, 1], [1, 0]]); rows, cols = np.where(a); print(rows, cols, np.where([True, False, True]), np.where(np.arange(5) > 2)[0])',
     'let a = np.array([[0, 1], [1, 0]]); let [rows, cols] = np.where(a); print(rows, cols, np.where([true, false, true]), np.where(np.arange(5) > 2)[0])'),
    ('clip_01', 'print(np.clip(np.arange(5), 1, 3), np.clip(np.array([1.5, -2, 9]), 0, None), np.clip(np.arange(4), None, 2), np.arange(5).clip(min=2), np.arange(5).clip(max=1), np.clip(np.arange(5), a_min=1, a_max=2))',
     'print(np.clip(np.arange(5), 1, 3), np.clip(np.array([1.5, -2, 9]), 0, None), np.clip(np.arange(4), None, 2), np.arange(5).clip({min: 2}), np.arange(5).clip({max: 1}), np.clip(np.arange(5), {a_min: 1, a_max: 2}))'),
    ('clip_02', 'np.clip(np.arange(3), None, None)',
     'np.clip(np.arange(3), None, None)'),
    # percentile, isclose / allclose
    ('percentile_01', 'print(np.percentile(np.arange(10.), [10, 50, 95]), np.percentile([1, 2, 3, 4], 50), np.percentile(np.arange(12).reshape(3, 4), 25, axis=1))',
     'print(np.percentile(np.arange(10.), [10, 50, 95]), np.percentile([1, 2, 3, 4], 50), np.percentile(np.arange(12).reshape(3, 4), 25, {axis: 1}))'),
    ('close_01', 'print(np.isclose([1e10, 1e-8], [1.00001e10, 1e-9]), np.allclose([1, 2], [1, 2.1], atol=0.2), np.isclose(np.nan, np.nan), np.isclose(np.nan, np.nan, equal_nan=True), np.allclose([1, np.nan], [1, np.nan], equal_nan=True), np.allclose(torch.tensor([1., 2.]).numpy(), [1, 2]))',
     'print(np.isclose([1e10, 1e-8], [1.00001e10, 1e-9]), np.allclose([1, 2], [1, 2.1], {atol: 0.2}), np.isclose(np.nan, np.nan), np.isclose(np.nan, np.nan, {equal_nan: true}), np.allclose([1, np.nan], [1, np.nan], {equal_nan: true}), np.allclose(torch.tensor([1., 2.]).numpy(), [1, 2]))'),
    # np.random's legacy stream and default_rng, as the tutorials draw
    ('random_01', 'np.random.seed(0); print(np.random.choice(10, 3, replace=False), np.random.permutation(5), np.random.rand(2), np.random.randint(0, 5, size=3), np.random.choice(range(6), 2, replace=False), np.random.choice(4, 5))',
     'np.random.seed(0); print(np.random.choice(10, 3, {replace: false}), np.random.permutation(5), np.random.rand(2), np.random.randint(0, 5, {size: 3}), np.random.choice(range(6), 2, {replace: false}), np.random.choice(4, 5))'),
    ('random_02', 'np.random.seed(1); l = list(range(6)); np.random.shuffle(l); print(l); y = np.arange(6).reshape(3, 2); np.random.shuffle(y); print(y, np.random.permutation(np.arange(4) * 10))',
     'np.random.seed(1); let l = list(range(6)); np.random.shuffle(l); print(l); let y = np.arange(6).reshape(3, 2); np.random.shuffle(y); print(y, np.random.permutation(np.arange(4) * 10))'),
    ('random_03', 'rng = np.random.default_rng(2023); print(rng.permutation(6), rng.normal(0, 1, (2, 2)), rng.choice(5, 2, replace=False), rng.integers(0, 3, 4))',
     'let rng = np.random.default_rng(2023); print(rng.permutation(6), rng.normal(0, 1, [2, 2]), rng.choice(5, 2, {replace: false}), rng.integers(0, 3, 4))'),
    ('random_04', 'get_idx = lambda n, k: np.random.choice(n - 2, k); np.random.seed(3); idx = get_idx(10, 4); print(idx, [int(i) + 1 for i in idx])',
     'const get_idx = (n, k) => np.random.choice(n - 2, k); np.random.seed(3); const idx = get_idx(10, 4); print(idx, Array.from(idx, (i) => int(i) + 1))'),
    # one-hot rows, astype, asarray, concatenate, reshape, argmax
    ('onehot_01', 'inp = [1, 3]; print(np.eye(4)[inp], np.eye(3)[2], np.eye(3)[np.array([0, 0])], torch.FloatTensor([np.eye(3)[[0, 2]], np.eye(3)[[1, 1]]]).shape)',
     'let inp: any = [1, 3]; print(np.eye(4)[inp], np.eye(3)[2], np.eye(3)[np.array([0, 0])], torch.FloatTensor([np.eye(3)[[0, 2]], np.eye(3)[[1, 1]]]).shape)'),
    ('convert_01', 'print(repr(np.asarray(torch.tensor([1., 2.]))), repr(np.asarray([1, 2])), repr(np.arange(3).astype(np.float32)), repr(np.array([1.7, -1.2]).astype(int)), repr(np.array([[73, 67], [91, 88]], dtype="float32")), torch.LongTensor([np.asarray([1, 2]), np.asarray([3, 4])]))',
     'print(repr(np.asarray(torch.tensor([1., 2.]))), repr(np.asarray([1, 2])), repr(np.arange(3).astype(np.float32)), repr(np.array([1.7, -1.2]).astype(int)), repr(np.array([[73, 67], [91, 88]], {dtype: "float32"})), torch.LongTensor([np.asarray([1, 2]), np.asarray([3, 4])]))'),
    ('convert_02', 'pred = np.array([], dtype=np.int32); pred = np.concatenate((pred, torch.tensor([3, 1]).numpy()), axis=0); print(repr(pred), len(pred)); print(repr(np.concatenate([np.zeros((1, 2)), np.ones((1, 2))], axis=1)), np.arange(6).reshape(3, -1))',
     'let pred = np.array([], {dtype: np.int32}); pred = np.concatenate([pred, torch.tensor([3, 1]).numpy()], {axis: 0}); print(repr(pred), len(pred)); print(repr(np.concatenate([np.zeros([1, 2]), np.ones([1, 2])], {axis: 1})), np.arange(6).reshape(3, -1))'),
    ('argmax_01', 'p = torch.tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]]).numpy(); print(np.argmax(p), np.argmax(p, axis=1), np.argmax(p, axis=1).squeeze().tolist(), np.argmin(p, axis=0), np.argmax(p[0]))',
     'let p = torch.tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]]).numpy(); print(np.argmax(p), np.argmax(p, {axis: 1}), np.argmax(p, {axis: 1}).squeeze().tolist(), np.argmin(p, {axis: 0}), np.argmax(p[0]))'),
    ('sinusoid_01', 'table = np.array([[pos / np.power(10000, 2 * (j // 2) / 4) for j in range(4)] for pos in range(3)]); table[:, 0::2] = np.sin(table[:, 0::2]); table[:, 1::2] = np.cos(table[:, 1::2]); print(table); print(torch.FloatTensor(table))',
     'let table = np.array(Array.from(range(3), (pos) => Array.from(range(4), (j) => pos / np.power(10000, 2 * Math.floor(j / 2) / 4)))); table[":, 0::2"] = np.sin(table[":, 0::2"]); table[":, 1::2"] = np.cos(table[":, 1::2"]); print(table); print(torch.FloatTensor(table))'),
]


def main():
    write_cases(CASES, "numpy_tutorial.json", {"torch": torch, "np": np})


if __name__ == "__main__":
    main()
