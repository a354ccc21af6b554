"""Python 3.11 / NumPy 1.24 / PyTorch 1.13 references for test/api/numpy.test.ts: the notebook's `np`
(src/numpy) against NumPy. Each case is one Python line and its dialect spelling (the TypeScript a
notebook cell holds); the suite runs the dialect cells through `torchlab run` and compares what they
print with what Python printed (or the error's type and message): creation and dtype inference,
promotion, broadcasting, operators, ufuncs, indexing and assignment, methods and reductions, and
interop with torch. Run with Debian's /usr/bin/python3 from test/reference: writes numpy.json, and NumPy's
own .npy / .npz files under numpy_io/ for test/api/numpy_io.test.ts.
"""
import sys

import numpy as np
import torch

from gen_py_sweep import write_cases

assert np.__version__.startswith("1.24"), np.__version__
assert torch.__version__.startswith("1.13"), torch.__version__
assert sys.version_info[:2] == (3, 11), sys.version

CASES = [
    # creation and NumPy's dtype inference
    ('array_01', 'a = np.array([[1, 2], [3, 4]]); print(a); print(repr(a), a.dtype)',
     'let a = np.array([[1, 2], [3, 4]]); print(a); print(repr(a), a.dtype)'),
    ('array_02', 'print(repr(np.array([1., 2.])), repr(np.array([1.5, 2])), repr(np.array([True, False])), repr(np.array([True, 2])))',
     'print(repr(np.array([1., 2.])), repr(np.array([1.5, 2])), repr(np.array([true, false])), repr(np.array([true, 2])))'),
    ('array_03', "print(repr(np.array([1, 2], dtype=np.float32)), repr(np.array([1.7, -2.5], dtype='int64')), repr(np.asarray([[1], [2]], dtype=float)))",
     "print(repr(np.array([1, 2], {dtype: np.float32})), repr(np.array([1.7, -2.5], {dtype: 'int64'})), repr(np.asarray([[1], [2]], {dtype: float})))"),
    ('array_04', 'print(repr(np.array(torch.tensor([1., 2.]))), repr(np.array([np.arange(2), np.arange(2)])))',
     'print(repr(np.array(torch.tensor([1., 2.]))), repr(np.array([np.arange(2), np.arange(2)])))'),
    ('array_05', 'np.array([[1, 2], [3]])',
     'np.array([[1, 2], [3]])'),
    # strings with a numeric dtype: parsed as Python's float() / int() would (a CSV's column read as text)
    ('array_06', "print(repr(np.array(['1.5', ' 2 '], dtype=float)), repr(np.array(['1', '-7'], dtype=int)), repr(np.array(['', 'a'], dtype=bool)), repr(np.array([['1e3', '2']], dtype=np.float32)))",
     "print(repr(np.array(['1.5', ' 2 '], {dtype: float})), repr(np.array(['1', '-7'], {dtype: int})), repr(np.array(['', 'a'], {dtype: bool})), repr(np.array([['1e3', '2']], {dtype: np.float32})))"),
    ('array_07', "np.array(['1.5'], dtype=int)",
     "np.array(['1.5'], {dtype: int})"),
    ('array_08', "np.array(['abc', '1'], dtype=float)",
     "np.array(['abc', '1'], {dtype: float})"),
    ('zeros_01', 'print(repr(np.zeros(3)), repr(np.ones((2, 2), dtype=np.int64)), repr(np.full((2,), 7)), repr(np.full(3, 7.)), repr(np.empty(0)))',
     'print(repr(np.zeros(3)), repr(np.ones([2, 2], {dtype: np.int64})), repr(np.full([2], 7)), repr(np.full(3, 7.)), repr(np.empty(0)))'),
    ('zeros_02', 'a = np.arange(3.); print(repr(np.zeros_like(a)), repr(np.ones_like(np.arange(2))), repr(np.zeros((2, 1), dtype=np.uint8)))',
     'let a = np.arange(3.); print(repr(np.zeros_like(a)), repr(np.ones_like(np.arange(2))), repr(np.zeros([2, 1], {dtype: np.uint8})))'),
    ('arange_01', 'print(repr(np.arange(5)), repr(np.arange(1, 10, 3)), repr(np.arange(0, 1, 0.1)), repr(np.arange(0., 2.)), repr(np.arange(5, 0, -2)))',
     'print(repr(np.arange(5)), repr(np.arange(1, 10, 3)), repr(np.arange(0, 1, 0.1)), repr(np.arange(0., 2.)), repr(np.arange(5, 0, -2)))'),
    ('linspace_01', 'print(repr(np.linspace(0, 1, 5)), repr(np.linspace(0, 1, 4, endpoint=False)), np.linspace(-1, 1).shape)',
     'print(repr(np.linspace(0, 1, 5)), repr(np.linspace(0, 1, 4, {endpoint: false})), np.linspace(-1, 1).shape)'),
    ('eye_01', 'print(repr(np.eye(3)), repr(np.identity(2, dtype=np.int32)), repr(np.eye(2, 3, k=1)))',
     'print(repr(np.eye(3)), repr(np.identity(2, {dtype: np.int32})), repr(np.eye(2, 3, {k: 1})))'),
    ('constants_01', 'print(np.pi, np.e, np.inf, np.nan, np.float32(0.1), np.int64(3))',
     'print(np.pi, np.e, np.inf, np.nan, np.float32(0.1), np.int64(3))'),
    ('dtype_01', "a = np.array([[1, 2], [3, 4]]); print(a.dtype == np.int64, a.dtype != np.float32, a.dtype == 'int64', repr(a.dtype), np.array([1], dtype='float32').dtype)",
     "let a = np.array([[1, 2], [3, 4]]); print(a.dtype == np.int64, a.dtype != np.float32, a.dtype == 'int64', repr(a.dtype), np.array([1], {dtype: 'float32'}).dtype)"),
    # promotion, broadcasting, operators
    ('ops_01', 'a = np.array([[1, 2], [3, 4]]); print(a + 1, a * 2.5, a / 2, a ** 2, a > 2, -a)',
     'let a = np.array([[1, 2], [3, 4]]); print(a + 1, a * 2.5, a / 2, a ** 2, a > 2, -a)'),
    ('ops_02', 'a = np.arange(4); print(repr(a * 2.0), repr(a + 1.5), repr(a / a.max()))',
     'let a = np.arange(4); print(repr(a * 2.0), repr(a + 1.5), repr(a / a.max()))'),
    ('ops_03', 'a = np.array([1, 2, 3], dtype=np.float32); print(repr(a * 0.1), repr(a / 3), repr(a + 1), repr(a + np.arange(3)))',
     'let a = np.array([1, 2, 3], {dtype: np.float32}); print(repr(a * 0.1), repr(a / 3), repr(a + 1), repr(a + np.arange(3)))'),
    ('ops_04', 'a = np.array([[1, 2, 3], [4, 5, 6]]); b = np.array([10, 20, 30]); print(a + b, a - b, a * np.array([[1], [2]]))',
     'let a = np.array([[1, 2, 3], [4, 5, 6]]); let b = np.array([10, 20, 30]); print(a + b, a - b, a.mul(np.array([[1], [2]])))'),
    ('ops_05', 'a = np.ones((2, 3)); b = np.ones(4); print(a + b)',
     'let a = np.ones([2, 3]); let b = np.ones(4); print(a + b)'),
    ('ops_06', 'a = np.array([-3, -1, 2, 5]); print(a % 3, np.floor_divide(a, 2), a ** 2, 2 ** a.clip(0, 3), 7 % (a + 4))',
     'let a = np.array([-3, -1, 2, 5]); print(a % 3, np.floor_divide(a, 2), a ** 2, 2 ** a.clip(0, 3), 7 % (a + 4))'),
    ('ops_07', 'a = np.arange(3); print(2 - a, 2 / (a + 1), 1 + a, 3 * a, 2 < a)',
     'let a = np.arange(3); print(2 - a, 2 / (a + 1), 1 + a, 3 * a, 2 < a)'),
    ('ops_08', 'a = np.arange(6); m = (a > 1) & (a < 4); print(m, a[m], ~m, m | (a == 5))',
     'let a = np.arange(6); let m = (a > 1) & (a < 4); print(m, a[m], ~m, m | (a == 5))'),
    ('ops_09', 'a = np.zeros((2, 3), dtype=np.float32); a[:, 0] = 1; a += 1; a *= 2; print(repr(a))',
     'let a = np.zeros([2, 3], {dtype: np.float32}); a[":, 0"] = 1; a += 1; a *= 2; print(repr(a))'),
    ('ops_10', 'a = np.arange(4); a += 1.0',
     'let a = np.arange(4); a += 1.0'),
    ('ops_11', 'np.arange(3) ** -1',
     'np.arange(3) ** -1'),
    ('ops_12', 'x = np.linspace(0, 1, 100); noise = np.zeros(100); y = x ** 2 + 0.1 * noise; print(y.shape, y[:3], y[-2:])',
     'let x = np.linspace(0, 1, 100); let noise = np.zeros(100); let y = x ** 2 + 0.1 * noise; print(y.shape, y[":3"], y["-2:"])'),
    # ufuncs
    ('ufunc_01', 'a = np.array([0.5, 1.5, 2.5, -0.5]); print(np.round(a), np.floor(a), np.ceil(a), np.abs(a), np.sign(a), np.sqrt(np.abs(a)))',
     'let a = np.array([0.5, 1.5, 2.5, -0.5]); print(np.round(a), np.floor(a), np.ceil(a), np.abs(a), np.sign(a), np.sqrt(np.abs(a)))'),
    ('ufunc_02', 'a = np.array([1, 2, 3]); print(np.sin(a), np.cos(a), np.exp(a), np.log(a), np.log2(a), np.log10(a), np.tanh(a), np.tan(a))',
     'let a = np.array([1, 2, 3]); print(np.sin(a), np.cos(a), np.exp(a), np.log(a), np.log2(a), np.log10(a), np.tanh(a), np.tan(a))'),
    ('ufunc_03', 'a = np.array([1, 5, 3]); b = np.array([4, 2, 6]); print(np.maximum(a, b), np.minimum(a, 2), np.clip(a, 2, 4), np.power(a, 2), np.square(a), np.abs(-a))',
     'let a = np.array([1, 5, 3]); let b = np.array([4, 2, 6]); print(np.maximum(a, b), np.minimum(a, 2), np.clip(a, 2, 4), np.power(a, 2), np.square(a), np.abs(-a))'),
    ('ufunc_04', 'print(np.sqrt(2.0), np.exp(1), np.round(2.675, 2), np.round(np.array([1.25, 1.35]), 1), np.log(np.array([0., 1.])))',
     'print(np.sqrt(2.0), np.exp(1), np.round(2.675, 2), np.round(np.array([1.25, 1.35]), 1), np.log(np.array([0., 1.])))'),
    # indexing and assignment
    ('index_01', 'a = np.arange(6).reshape(2, 3); print(a[:, 0], a[1], a[0, 1], a[a > 2], a[::-1])',
     'let a = np.arange(6).reshape(2, 3); print(a[":, 0"], a[1], a["0, 1"], a[a > 2], a["::-1"])'),
    # `a[0, 1]` as written, and a float array's element printed as NumPy's float scalar (`1.0`).
    ('index_element_01', 'a = np.ones((2, 2)); b = np.arange(3) * 0.5; print(a[0, 1], b[0], b[2], [b[0], b[1]], np.arange(3)[1])',
     'let a = np.ones([2, 2]); let b = np.arange(3) * 0.5; print(a[0, 1], b[0], b[2], [b[0], b[1]], np.arange(3)[1])'),
    ('index_02', 'a = np.arange(12).reshape(3, 4); print(a[1:, ::2], a[-1], a[:, -1], a[..., 1], a[None].shape, a[:, None].shape)',
     'let a = np.arange(12).reshape(3, 4); print(a["1:, ::2"], a[-1], a[":, -1"], a["..., 1"], a["None"].shape, a[":, None"].shape)'),
    ('index_03', 'a = np.arange(12).reshape(3, 4); print(a[[0, 2]], a[np.array([0, 2]), np.array([1, 3])], a[a % 2 == 0], a[:, [0, 2]], a[1, ::-1])',
     'let a = np.arange(12).reshape(3, 4); print(a[[0, 2]], a["[0, 2], [1, 3]"], a[a % 2 == 0], a[":, [0, 2]"], a["1, ::-1"])'),
    ('index_04', 'a = np.arange(6).reshape(2, 3); a[a > 2] = 0; a[0, 0] = 9; a[:, 1] = [7, 8]; a[1] = -1; print(a)',
     'let a = np.arange(6).reshape(2, 3); a[a > 2] = 0; a["0, 0"] = 9; a[":, 1"] = [7, 8]; a[1] = -1; print(a)'),
    ('index_05', 'a = np.arange(5); c = np.zeros(3, dtype=np.int64); c[1] += 1; c[[0, 2]] += 5; a[a > 2] *= 10; print(c, a)',
     'let a = np.arange(5); let c = np.zeros(3, {dtype: np.int64}); c[1] += 1; c[[0, 2]] += 5; a[a > 2] *= 10; print(c, a)'),
    ('index_06', 'print(np.eye(3)[[0, 2, 1]], np.arange(10)[2:8:3], np.arange(10)[::-3], np.arange(24).reshape(2, 3, 4)[1, :, ::2])',
     'print(np.eye(3)[[0, 2, 1]], np.arange(10)["2:8:3"], np.arange(10)["::-3"], np.arange(24).reshape(2, 3, 4)["1, :, ::2"])'),
    ('index_07', 'a = np.arange(6).reshape(2, 3); a[5]',
     'let a = np.arange(6).reshape(2, 3); a[5]'),
    ('index_08', 'a = np.arange(6).reshape(2, 3); a[0, 7]',
     'let a = np.arange(6).reshape(2, 3); a["0, 7"]'),
    ('index_09', 'a = np.arange(6).reshape(2, 3); a[0, 1, 2]',
     'let a = np.arange(6).reshape(2, 3); a["0, 1, 2"]'),
    ('index_10', 'a = np.arange(6); a[np.array([True, False])]',
     'let a = np.arange(6); a[np.array([true, false])]'),
    # methods and reductions
    ('methods_01', 'a = np.arange(6.).reshape(2, 3); print(a.shape, a.ndim, a.size, a.dtype, a.T, a.reshape(-1), a.flatten(), a.ravel(), repr(a.astype(np.int32)), a.tolist())',
     'let a = np.arange(6.).reshape(2, 3); print(a.shape, a.ndim, a.size, a.dtype, a.T, a.reshape(-1), a.flatten(), a.ravel(), repr(a.astype(np.int32)), a.tolist())'),
    ('methods_02', 'a = np.array([[1, 2, 3], [4, 5, 6]]); print(a.sum(), a.sum(axis=0), a.sum(axis=1, keepdims=True), a.mean(axis=0), a.std(), a.var(axis=1), a.min(), a.max(axis=0), a.argmax(), a.argmin(axis=1), a.cumsum(), a.prod(), a.any(), a.all(axis=0))',
     'let a = np.array([[1, 2, 3], [4, 5, 6]]); print(a.sum(), a.sum({axis: 0}), a.sum({axis: 1, keepdims: true}), a.mean({axis: 0}), a.std(), a.var({axis: 1}), a.min(), a.max({axis: 0}), a.argmax(), a.argmin({axis: 1}), a.cumsum(), a.prod(), a.any(), a.all({axis: 0}))'),
    ('methods_03', 'a = np.arange(6.).reshape(2, 3); print(a.mean(axis=0), a.std(axis=1), np.mean(a, axis=0), np.sum(a, 1), np.max(a, axis=1), np.min(a, 0), np.argmax(a, axis=0), np.cumsum(a, axis=1))',
     'let a = np.arange(6.).reshape(2, 3); print(a.mean({axis: 0}), a.std({axis: 1}), np.mean(a, {axis: 0}), np.sum(a, 1), np.max(a, {axis: 1}), np.min(a, 0), np.argmax(a, {axis: 0}), np.cumsum(a, {axis: 1}))'),
    ('methods_04', 'x = np.array([1, 2, 4], dtype=np.float32); print(x.mean(), x.std(), np.sqrt(x), x.dtype, x.sum().dtype if False else 1)',
     'let x = np.array([1, 2, 4], {dtype: np.float32}); print(x.mean(), x.std(), np.sqrt(x), x.dtype, 1)'),
    ('methods_05', 'a = np.array([1, -2, 3]); print((a > 0).mean(), np.mean(a > 0), np.sum(a), np.argmax(a), np.max(a), (a > 0).sum())',
     'let a = np.array([1, -2, 3]); print((a > 0).mean(), np.mean(a > 0), np.sum(a), np.argmax(a), np.max(a), (a > 0).sum())'),
    ('methods_06', 'pred = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]]); print(np.argmax(pred, 1), np.argmax(pred, axis=1), (np.argmax(pred, 1) == np.array([1, 0, 0])).mean())',
     'let pred = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]]); print(np.argmax(pred, 1), np.argmax(pred, {axis: 1}), (np.argmax(pred, 1) == np.array([1, 0, 0])).mean())'),
    ('methods_07', 'print(np.arange(10).reshape(2, 5).T.shape, np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2).shape, np.arange(6).reshape(2, -1), np.squeeze(np.ones((1, 3, 1))).shape, np.expand_dims(np.arange(2), 0).shape)',
     'print(np.arange(10).reshape(2, 5).T.shape, np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2).shape, np.arange(6).reshape(2, -1), np.squeeze(np.ones([1, 3, 1])).shape, np.expand_dims(np.arange(2), 0).shape)'),
    ('methods_08', 'np.arange(6).reshape(4, 2)',
     'np.arange(6).reshape(4, 2)'),
    ('methods_09', 'np.array([[1, 2]]).sum(axis=2)',
     'np.array([[1, 2]]).sum({axis: 2})'),
    ('methods_10', 'np.array([]).max()',
     'np.array([]).max()'),
    ('methods_11', 'print(len(np.zeros((3, 2))), list(np.arange(3)), float(np.float64(2.5)), int(np.array([7])[0]), np.array([[5]]).item())',
     'print(len(np.zeros([3, 2])), list(np.arange(3)), float(np.float64(2.5)), int(np.array([7])[0]), np.array([[5]]).item())'),
    # functions
    ('funcs_01', 'a = np.array([[1., 2.], [3., 4.]]); b = np.array([[1, 0], [0, 1]]); print(np.dot(a, b), a @ b, np.matmul(a, [1, 1]), np.dot([1, 2], [3, 4]))',
     'let a = np.array([[1., 2.], [3., 4.]]); let b = np.array([[1, 0], [0, 1]]); print(np.dot(a, b), a @ b, np.matmul(a, [1, 1]), np.dot([1, 2], [3, 4]))'),
    ('funcs_02', 'a = np.array([1, 2]); b = np.array([3, 4]); print(np.concatenate([a, b]), np.stack([a, b]), np.vstack([a, b]), np.hstack([a, b]), np.stack([a, b], axis=1), np.concatenate([np.eye(2), np.ones((1, 2))]))',
     'let a = np.array([1, 2]); let b = np.array([3, 4]); print(np.concatenate([a, b]), np.stack([a, b]), np.vstack([a, b]), np.hstack([a, b]), np.stack([a, b], {axis: 1}), np.concatenate([np.eye(2), np.ones([1, 2])]))'),
    ('funcs_03', 'a = np.array([3, 1, 2, 3, 1]); print(np.where(a > 1, a, 0), np.where(a > 2), np.argsort(a), np.sort(a), np.unique(a), np.unique(a, return_counts=True))',
     'let a = np.array([3, 1, 2, 3, 1]); print(np.where(a > 1, a, 0), np.where(a > 2), np.argsort(a), np.sort(a), np.unique(a), np.unique(a, {return_counts: true}))'),
    ('funcs_04', 'a = np.array([1.0, 2.0]); print(np.allclose(a, a + 1e-9), np.allclose(a, a + 1), np.isclose(a, [1, 3]), np.array_equal(a, [1, 2]))',
     'let a = np.array([1.0, 2.0]); print(np.allclose(a, a + 1e-9), np.allclose(a, a + 1), np.isclose(a, [1, 3]), np.array_equal(a, [1, 2]))'),
    ('funcs_05', 'xx, yy = np.meshgrid(np.arange(3), np.arange(2)); print(xx, yy)',
     'let [xx, yy] = np.meshgrid(np.arange(3), np.arange(2)); print(xx, yy)'),
    ('funcs_06', 'print(np.where(np.array([1, -1]) > 0, 1.5, -1.5), np.outer([1, 2], [3, 4]), np.flip(np.arange(3)), np.tile(np.arange(2), 2), np.repeat(np.arange(2), 2))',
     'print(np.where(np.array([1, -1]) > 0, 1.5, -1.5), np.outer([1, 2], [3, 4]), np.flip(np.arange(3)), np.tile(np.arange(2), 2), np.repeat(np.arange(2), 2))'),
    ('funcs_07', 'np.matmul(np.ones((2, 3)), np.ones((2, 3)))',
     'np.matmul(np.ones([2, 3]), np.ones([2, 3]))'),
    ('funcs_08', 'np.concatenate([np.ones((2, 2)), np.ones((2, 3))])',
     'np.concatenate([np.ones([2, 2]), np.ones([2, 3])])'),
    # untyped operands (a Python function's parameters)
    ('untyped_01', 'def f(x): return x * 2 + 1\nprint(f(np.arange(3)), f(np.array([0.5])))',
     'function f(x) { return x * 2 + 1 }; print(f(np.arange(3)), f(np.array([0.5])))'),
    ('untyped_02', 'def g(x): return x[:, 0] - x[1]\nprint(g(np.arange(6).reshape(3, 2)))',
     'function g(x) { return x[":, 0"] - x[1] }; print(g(np.arange(6).reshape(3, 2)))'),
    ('untyped_03', 'def h(x):\n  x += 1\n  return -x\nprint(h(np.arange(3)))',
     'function h(x) { x += 1; return -x }; print(h(np.arange(3)))'),
    ('untyped_04', 'def k(x):\n  if x.sum() > 2: return x > 1\n  return x\nprint(k(np.arange(3)), k(np.zeros(2)))',
     'function k(x) { if (x.sum() > 2) return x > 1; return x }; print(k(np.arange(3)), k(np.zeros(2)))'),
    ('untyped_05', 'def m(x):\n  if x > 1: return 1\nm(np.arange(3))',
     'function m(x) { if (x > 1) return 1 }; m(np.arange(3))'),
    # torch interop
    ('torch_01', 'x = np.array([1.5, 2.5]); t = torch.from_numpy(x); print(t, torch.tensor(x), torch.Tensor(x), t.numpy(), torch.from_numpy(np.array([1, 2])))',
     'let x = np.array([1.5, 2.5]); let t = torch.from_numpy(x); print(t, torch.tensor(x), torch.Tensor(x), t.numpy(), torch.from_numpy(np.array([1, 2])))'),
    ('torch_02', 'x = torch.tensor([1., 2.]).numpy(); print(x * 2, x.dtype, x.mean(), repr(x + np.arange(2)))',
     'let x = torch.tensor([1., 2.]).numpy(); print(x * 2, x.dtype, x.mean(), repr(x + np.arange(2)))'),
    ('torch_03', 'a = np.array([1., 2.]); t = torch.tensor([1., 1.]); print(t + torch.from_numpy(a), torch.from_numpy(np.arange(3)).dtype, torch.from_numpy(np.zeros(2, dtype=np.float32)).dtype)',
     'let a = np.array([1., 2.]); let t = torch.tensor([1., 1.]); print(t + torch.from_numpy(a), torch.from_numpy(np.arange(3)).dtype, torch.from_numpy(np.zeros(2, {dtype: np.float32})).dtype)'),
    # views share memory as NumPy's do; fancy indexing, masks and copy() copy
    ('view_01', 'a = np.arange(6); b = a[1:3]; b[0] = 99; print(a, b, b.base is a, a.base is None)',
     'let a = np.arange(6); let b = a["1:3"]; b[0] = 99; print(a, b, b.base === a, a.base === null)'),
    ('view_02', "a = np.arange(6).reshape(2, 3); a[:, 0] += 1; c = a[:, 0]; c += 10; print(a, c, c.flags['C_CONTIGUOUS'], a.flags['C_CONTIGUOUS'])",
     "let a = np.arange(6).reshape(2, 3); a[\":, 0\"] += 1; let c = a[\":, 0\"]; c += 10; print(a, c, c.flags['C_CONTIGUOUS'], a.flags['C_CONTIGUOUS'])"),
    ('view_03', "a = np.zeros(6); r = a.reshape(2, 3); r[1, 2] = 5; t = r.T; t[0, 1] = 7; print(a, t, t.flags['C_CONTIGUOUS'], t.flags['F_CONTIGUOUS'], t.base is a)",
     "let a = np.zeros(6); let r = a.reshape(2, 3); r.setitem(\"1, 2\", 5); let t = r.T; t.setitem(\"0, 1\", 7); print(a, t, t.flags['C_CONTIGUOUS'], t.flags['F_CONTIGUOUS'], t.base === a)"),
    ('view_04', 'a = np.arange(4.); v = a.ravel(); v[0] = -1; t = a.reshape(2, 2).T.ravel(); t[0] = 100; print(a, t, np.shares_memory(a, v), np.shares_memory(a, t), np.shares_memory(a[:2], a[2:]))',
     'let a = np.arange(4.); let v = a.ravel(); v[0] = -1; let t = a.reshape(2, 2).T.ravel(); t[0] = 100; print(a, t, np.shares_memory(a, v), np.shares_memory(a, t), np.shares_memory(a[":2"], a["2:"]))'),
    ('view_05', 'a = np.arange(5); m = a[a > 2]; m[0] = 0; f = a[[0, 1]]; f[0] = 50; c = a.copy(); c[0] = 9; g = a.flatten(); g[1] = 8; print(a, m.base is None)',
     'let a = np.arange(5); let m = a[a > 2]; m[0] = 0; let f = a[[0, 1]]; f[0] = 50; let c = a.copy(); c[0] = 9; let g = a.flatten(); g[1] = 8; print(a, m.base === null)'),
    ('view_06', 'a = np.arange(12).reshape(3, 4); b = a[::2, 1::2]; b[:] = 0; v = a[::-1, 2]; v *= 10; print(a, b.strides, a.strides, v.strides)',
     'let a = np.arange(12).reshape(3, 4); let b = a["::2, 1::2"]; b[":"] = 0; let v = a["::-1, 2"]; v *= 10; print(a, b.strides, a.strides, v.strides)'),
    ('view_07', 'a = np.arange(6).reshape(2, 3)\nfor row in a:\n  row[0] = -1\ns = np.asarray(a); s[1, 1] = 9; e = np.expand_dims(a, 0); e[0, 0, 2] = 8; q = e.squeeze(); q[1, 2] = 7; print(a, s is a)',
     'let a = np.arange(6).reshape(2, 3); for (const row of a) row[0] = -1; let s = np.asarray(a); s.setitem("1, 1", 9); let e = np.expand_dims(a, 0); e.setitem("0, 0, 2", 8); let q = e.squeeze(); q.setitem("1, 2", 7); print(a, s === a)'),
    ('view_08', 'a = np.arange(4.); np.random.seed(0); v = a[::-1]; np.random.shuffle(v); b = np.arange(6).reshape(2, 3); b[1].sort(); w = b[0]; w.sort(); print(a, b)',
     'let a = np.arange(4.); np.random.seed(0); let v = a["::-1"]; np.random.shuffle(v); let b = np.arange(6).reshape(2, 3); b[1].sort(); let w = b[0]; w.sort(); print(a, b)'),
    ('view_09', 'a = np.arange(6).reshape(2, 3); print(a[np.newaxis].shape, a[:, np.newaxis].shape, a[..., None].shape, a[np.newaxis, :, 1])',
     'let a = np.arange(6).reshape(2, 3); print(a[np.newaxis].shape, a[":, None"].shape, a["..., None"].shape, a["None, :, 1"])'),
    # torch.from_numpy / numpy() share memory both ways
    ('share_01', 'a = np.ones(3); t = torch.from_numpy(a); a[0] = 5; print(t); t.add_(1); print(a); t[1] = 0; print(a, torch.from_numpy(a))',
     'let a = np.ones(3); let t = torch.from_numpy(a); a[0] = 5; print(t); t.add_(1); print(a); t[1] = 0; print(a, torch.from_numpy(a))'),
    ('share_02', 't = torch.zeros(3); n = t.numpy(); n[0] = 2; print(t); t.mul_(3); t[2] = 1; print(n); n += 1; print(t, t + torch.from_numpy(n))',
     'let t = torch.zeros(3); let n = t.numpy(); n[0] = 2; print(t); t.mul_(3); t[2] = 1; print(n); n += 1; print(t, t + torch.from_numpy(n))'),
    ('share_03', 'a = np.arange(3.); t = torch.tensor(a); u = torch.Tensor(a); a[0] = 7; print(t, u)',
     'let a = np.arange(3.); let t = torch.tensor(a); let u = torch.Tensor(a); a[0] = 7; print(t, u)'),
    # np.linalg, triu / tril, diff, quantile / percentile, pad
    ('linalg_01', 'a = np.array([[0.5, 1.], [2., 3.]]); b = np.array([1., 2.]); print(np.round(np.linalg.inv(a), 6), round(np.linalg.det(a), 6), np.round(np.linalg.solve(a, b), 6))',
     'let a = np.array([[0.5, 1.], [2., 3.]]); let b = np.array([1., 2.]); print(np.round(np.linalg.inv(a), 6), round(np.linalg.det(a), 6), np.round(np.linalg.solve(a, b), 6))'),
    ('linalg_02', 'v = np.array([3., -4.5]); m = np.array([[1., -2.5], [3., 4.]]); print(np.linalg.norm(v), np.linalg.norm(v, 1), np.linalg.norm(v, np.inf), np.linalg.norm(m), np.linalg.norm(m, axis=1), np.linalg.norm(m, ord=1), np.linalg.norm(m, axis=0, keepdims=True))',
     'let v = np.array([3., -4.5]); let m = np.array([[1., -2.5], [3., 4.]]); print(np.linalg.norm(v), np.linalg.norm(v, 1), np.linalg.norm(v, np.inf), np.linalg.norm(m), np.linalg.norm(m, {axis: 1}), np.linalg.norm(m, {ord: 1}), np.linalg.norm(m, {axis: 0, keepdims: true}))'),
    ('linalg_03', 'np.linalg.inv(np.array([[1., 2.], [2., 4.]]))',
     'np.linalg.inv(np.array([[1., 2.], [2., 4.]]))'),
    # eigh / svd / pinv / matrix_rank / lstsq: values to float64 precision; vectors up to LAPACK's sign, so checked by reconstruction and |v|
    ('linalg_04', 'A = np.array([[4., 1., 2.], [1., 3., 0.], [2., 0., 5.]]); w, v = np.linalg.eigh(A); print(np.round(w, 10), np.allclose(np.dot(np.dot(v, np.diag(w)), v.T), A), np.allclose(np.dot(v.T, v), np.eye(3)), np.round(np.abs(v), 8), np.round(np.linalg.eigvalsh(A), 10))',
     'let A = np.array([[4., 1., 2.], [1., 3., 0.], [2., 0., 5.]]); let [w, v] = np.linalg.eigh(A); print(np.round(w, 10), np.allclose(np.dot(np.dot(v, np.diag(w)), v.T), A), np.allclose(np.dot(v.T, v), np.eye(3)), np.round(np.abs(v), 8), np.round(np.linalg.eigvalsh(A), 10))'),
    ('linalg_05', 'A = np.arange(12.).reshape(4, 3) ** 1.5; U, S, Vt = np.linalg.svd(A); print(U.shape, np.round(S, 10), Vt.shape, np.allclose(np.dot(np.dot(U[:, :3], np.diag(S)), Vt), A), np.allclose(np.dot(U, U.T), np.eye(4)), np.round(np.abs(U[:, :3]), 8), np.round(np.abs(Vt), 8))',
     'let A = np.arange(12.).reshape(4, 3) ** 1.5; let [U, S, Vt] = np.linalg.svd(A); print(U.shape, np.round(S, 10), Vt.shape, np.allclose(np.dot(np.dot(U[":, :3"], np.diag(S)), Vt), A), np.allclose(np.dot(U, U.T), np.eye(4)), np.round(np.abs(U[":, :3"]), 8), np.round(np.abs(Vt), 8))'),
    ('linalg_06', 'A = np.arange(6.).reshape(2, 3) + 1; U, S, Vt = np.linalg.svd(A, full_matrices=False); print(U.shape, np.round(S, 10), Vt.shape, np.allclose(np.dot(np.dot(U, np.diag(S)), Vt), A), np.round(np.linalg.svd(A, compute_uv=False), 10), np.linalg.svd(A)[2].shape, np.allclose(np.dot(np.linalg.svd(A)[2], np.linalg.svd(A)[2].T), np.eye(3)))',
     'let A = np.arange(6.).reshape(2, 3) + 1; let [U, S, Vt] = np.linalg.svd(A, {full_matrices: false}); print(U.shape, np.round(S, 10), Vt.shape, np.allclose(np.dot(np.dot(U, np.diag(S)), Vt), A), np.round(np.linalg.svd(A, {compute_uv: false}), 10), np.linalg.svd(A)[2].shape, np.allclose(np.dot(np.linalg.svd(A)[2], np.linalg.svd(A)[2].T), np.eye(3)))'),
    ('linalg_07', 'A = np.array([[1., 2.], [2., 4.], [3., 6.1]]); print(np.round(np.linalg.pinv(A), 8), np.linalg.matrix_rank(A), np.linalg.matrix_rank(np.ones((3, 3))), np.linalg.matrix_rank(np.eye(4)), np.linalg.matrix_rank(np.zeros((2, 2))))',
     'let A = np.array([[1., 2.], [2., 4.], [3., 6.1]]); print(np.round(np.linalg.pinv(A), 8), np.linalg.matrix_rank(A), np.linalg.matrix_rank(np.ones([3, 3])), np.linalg.matrix_rank(np.eye(4)), np.linalg.matrix_rank(np.zeros([2, 2])))'),
    ('linalg_08', 'x = np.array([0., 1., 2., 3.]); y = np.array([-1., 0.2, 0.9, 2.2]); A = np.vstack([x, np.ones(len(x))]).T; m, c = np.linalg.lstsq(A, y, rcond=None)[0]; sol, res, rank, s = np.linalg.lstsq(A, y, rcond=None); print(round(m, 10), round(c, 10), np.round(res, 10), rank, np.round(s, 10))',
     'let x = np.array([0., 1., 2., 3.]); let y = np.array([-1., 0.2, 0.9, 2.2]); let A = np.vstack([x, np.ones(len(x))]).T; let [m, c] = np.linalg.lstsq(A, y, {rcond: null})[0]; let [sol, res, rank, s] = np.linalg.lstsq(A, y, {rcond: null}); print(round(m, 10), round(c, 10), np.round(res, 10), rank, np.round(s, 10))'),
    ('linalg_09', 'np.linalg.svd(np.arange(3.))',
     'np.linalg.svd(np.arange(3.))'),
    ('linalg_10', 'np.linalg.eigh(np.ones((2, 3)))',
     'np.linalg.eigh(np.ones([2, 3]))'),
    ('tri_01', 'a = np.arange(1, 10).reshape(3, 3); print(np.triu(a), np.tril(a), np.triu(a, 1), np.tril(a, k=-1), np.tril(np.ones((2, 3), dtype=np.float32)))',
     'let a = np.arange(1, 10).reshape(3, 3); print(np.triu(a), np.tril(a), np.triu(a, 1), np.tril(a, {k: -1}), np.tril(np.ones([2, 3], {dtype: np.float32})))'),
    ('diff_01', 'a = np.array([1, 4, 9, 16]); m = np.array([[1., 2.], [5., 3.]]); print(np.diff(a), np.diff(a, 2), np.diff(m, axis=0), np.diff(m), np.diff(np.array([True, False, False])))',
     'let a = np.array([1, 4, 9, 16]); let m = np.array([[1., 2.], [5., 3.]]); print(np.diff(a), np.diff(a, 2), np.diff(m, {axis: 0}), np.diff(m), np.diff(np.array([true, false, false])))'),
    ('quantile_01', 'a = np.array([[10, 7, 4], [3, 2, 1]]); print(np.percentile(a, 50), np.percentile(a, [25, 75]), np.quantile(a, 0.3, axis=1), np.median(a, axis=0), np.quantile(np.arange(5.), 0.3), np.percentile(a, 90, axis=0, keepdims=True))',
     'let a = np.array([[10, 7, 4], [3, 2, 1]]); print(np.percentile(a, 50), np.percentile(a, [25, 75]), np.quantile(a, 0.3, {axis: 1}), np.median(a, {axis: 0}), np.quantile(np.arange(5.), 0.3), np.percentile(a, 90, {axis: 0, keepdims: true}))'),
    ('quantile_02', 'np.percentile(np.arange(3), 101)',
     'np.percentile(np.arange(3), 101)'),
    ('pad_01', "a = np.array([[1, 2], [3, 4]]); print(np.pad(a, 1), np.pad(np.arange(3.), (2, 1), mode='edge'), np.pad(np.arange(4), 2, mode='reflect'), np.pad(a, ((0, 1), (2, 0)), constant_values=9))",
     "let a = np.array([[1, 2], [3, 4]]); print(np.pad(a, 1), np.pad(np.arange(3.), [2, 1], {mode: 'edge'}), np.pad(np.arange(4), 2, {mode: 'reflect'}), np.pad(a, [[0, 1], [2, 0]], {constant_values: 9}))"),
    # np.random.default_rng: PCG64 through SeedSequence, NumPy's Generator algorithms (normals printed to 8 digits: the ziggurat's tables are rebuilt, within 1e-13)
    ('rng_01', 'rng = np.random.default_rng(42); print(rng.random(3), rng.integers(0, 10, size=5), rng.integers(5), rng.integers(-3, 1000000, size=3), rng.integers(0, 2**40, size=2))',
     'let rng = np.random.default_rng(42); print(rng.random(3), rng.integers(0, 10, {size: 5}), rng.integers(5), rng.integers(-3, 1000000, {size: 3}), rng.integers(0, 2**40, {size: 2}))'),
    ('rng_02', 'rng = np.random.default_rng(0); print(rng.standard_normal((2, 3)), rng.normal(5, 0.1, size=3), rng.uniform(-1, 1, 2), repr(rng.normal(size=4)))',
     'let rng = np.random.default_rng(0); print(rng.standard_normal([2, 3]), rng.normal(5, 0.1, {size: 3}), rng.uniform(-1, 1, 2), repr(rng.normal({size: 4})))'),
    ('rng_03', 'rng = np.random.default_rng(7); print(rng.choice(10, 3, replace=False), rng.choice(5, 6), rng.choice([1, 2, 3], p=[0.2, 0.3, 0.5], size=4), rng.choice(20000, 500, replace=False)[:5], rng.choice(np.arange(10.) / 2, 2, replace=False))',
     'let rng = np.random.default_rng(7); print(rng.choice(10, 3, {replace: false}), rng.choice(5, 6), rng.choice([1, 2, 3], {p: [0.2, 0.3, 0.5], size: 4}), rng.choice(20000, 500, {replace: false})[":5"], rng.choice(np.arange(10.) / 2, 2, {replace: false}))'),
    ('rng_04', 'rng = np.random.default_rng(1); x = np.arange(6).reshape(3, 2); rng.shuffle(x); idx = list(range(8)); rng.shuffle(idx); print(x, idx, rng.permutation(5), rng.permutation(np.arange(6).reshape(3, 2)), rng.integers(5, size=4, endpoint=True))',
     'let rng = np.random.default_rng(1); let x = np.arange(6).reshape(3, 2); rng.shuffle(x); let idx = list(range(8)); rng.shuffle(idx); print(x, idx, rng.permutation(5), rng.permutation(np.arange(6).reshape(3, 2)), rng.integers(5, {size: 4, endpoint: true}))'),
    ('rng_05', 'a = np.random.default_rng([1, 2, 3]).random(2); b = np.random.default_rng(2**40 + 5).integers(100, size=4); r = np.random.default_rng(3); c = [r.random(), r.integers(10), r.random(), r.integers(10)]; print(a, b, c, np.random.default_rng(r) is r)',
     'let a = np.random.default_rng([1, 2, 3]).random(2); let b = np.random.default_rng(2**40 + 5).integers(100, {size: 4}); let r = np.random.default_rng(3); let c = [r.random(), r.integers(10), r.random(), r.integers(10)]; print(a, b, c, np.random.default_rng(r) === r)'),
    ('rng_06', 'np.random.default_rng(0).integers(5, 5)',
     'np.random.default_rng(0).integers(5, 5)'),
    ('rng_07', 'np.random.default_rng(-1)',
     'np.random.default_rng(-1)'),
    # np.einsum, explicit and implicit
    ('einsum_01', "a = np.arange(6.).reshape(2, 3); b = np.arange(12.).reshape(3, 4); print(np.einsum('ij,jk->ik', a, b), np.einsum('ij->ji', a), np.einsum('ij,jk', a, b).shape, np.einsum('ii', np.arange(9).reshape(3, 3)), np.einsum('i,i->', np.arange(3), np.arange(3)))",
     "let a = np.arange(6.).reshape(2, 3); let b = np.arange(12.).reshape(3, 4); print(np.einsum('ij,jk->ik', a, b), np.einsum('ij->ji', a), np.einsum('ij,jk', a, b).shape, np.einsum('ii', np.arange(9).reshape(3, 3)), np.einsum('i,i->', np.arange(3), np.arange(3)))"),
    ('einsum_02', "x = np.arange(24.).reshape(2, 3, 4) / 7; y = np.arange(16.).reshape(2, 4, 2); print(np.einsum('bij,bjk->bik', x, y), np.einsum('...ij,...jk', x, y).shape, np.einsum('...ij,...jk->...ik', x, y[0]).shape, np.einsum('i,j->ij', np.arange(2), np.arange(3)), np.einsum('ij->j', x[0]), np.einsum('ii->i', np.arange(4).reshape(2, 2)))",
     "let x = np.arange(24.).reshape(2, 3, 4) / 7; let y = np.arange(16.).reshape(2, 4, 2); print(np.einsum('bij,bjk->bik', x, y), np.einsum('...ij,...jk', x, y).shape, np.einsum('...ij,...jk->...ik', x, y[0]).shape, np.einsum('i,j->ij', np.arange(2), np.arange(3)), np.einsum('ij->j', x[0]), np.einsum('ii->i', np.arange(4).reshape(2, 2)))"),
    ('einsum_03', "np.einsum('ij,jk->ik', np.ones((2, 3)))",
     "np.einsum('ij,jk->ik', np.ones([2, 3]))"),
    ('einsum_04', "np.einsum('ij->ik', np.ones((2, 3)))",
     "np.einsum('ij->ik', np.ones([2, 3]))"),
    ('einsum_05', "np.einsum('ij', np.ones(3))",
     "np.einsum('ij', np.ones(3))"),
    # np.histogram
    ('histogram_01', 'x = np.array([0.1, 0.5, 0.5, 0.9, 1.0, 2.5, -1]); print(np.histogram(x), np.histogram(x, bins=3, range=(0, 1)), np.histogram(x, bins=[0, 0.5, 1, 3]), np.histogram(x, bins=4, density=True), np.histogram(np.array([3, 3, 3])))',
     'let x = np.array([0.1, 0.5, 0.5, 0.9, 1.0, 2.5, -1]); print(np.histogram(x), np.histogram(x, {bins: 3, range: [0, 1]}), np.histogram(x, {bins: [0, 0.5, 1, 3]}), np.histogram(x, {bins: 4, density: true}), np.histogram(np.array([3, 3, 3])))'),
    ('histogram_02', 'hist, edges = np.histogram(np.random.default_rng(5).normal(size=1000), bins=20); print(hist, hist.sum(), edges[:3], repr(hist.dtype))',
     'let [hist, edges] = np.histogram(np.random.default_rng(5).normal({size: 1000}), {bins: 20}); print(hist, hist.sum(), edges[":3"], repr(hist.dtype))'),
    ('histogram_03', 'np.histogram(np.arange(3), bins=0)',
     'np.histogram(np.arange(3), {bins: 0})'),
    ('histogram_04', 'np.histogram(np.arange(3), bins=2, range=(2, 1))',
     'np.histogram(np.arange(3), {bins: 2, range: [2, 1]})'),
    # np.save / np.load / np.savez round trips (byte compatibility: test/api/numpy_io.test.ts)
    ('save_01', "a = np.arange(6.).reshape(2, 3) / 3; np.save('/tmp/torchlab_np_save_01', a); b = np.load('/tmp/torchlab_np_save_01.npy'); print(b, repr(b.dtype), np.array_equal(a, b))",
     "let a = np.arange(6.).reshape(2, 3) / 3; np.save('/tmp/torchlab_np_save_01', a); let b = np.load('/tmp/torchlab_np_save_01.npy'); print(b, repr(b.dtype), np.array_equal(a, b))"),
    ('save_02', "np.savez('/tmp/torchlab_np_savez_02.npz', np.arange(3), w=np.eye(2, dtype=np.float32)); d = np.load('/tmp/torchlab_np_savez_02.npz'); print(d.files, d['arr_0'], repr(d['w']))",
     "np.savez('/tmp/torchlab_np_savez_02.npz', np.arange(3), {w: np.eye(2, {dtype: np.float32})}); let d = np.load('/tmp/torchlab_np_savez_02.npz'); print(d.files, d['arr_0'], repr(d['w']))"),
    ('loadtxt_01', "open('/tmp/torchlab_np_w.txt', 'w').write('1 2\\n# c\\n3 4\\n'); open('/tmp/torchlab_np_d.csv', 'w').write('x,y,z\\n1,2,3\\n4,5,6.5\\n7,,9\\n'); print(np.loadtxt('/tmp/torchlab_np_w.txt'), repr(np.loadtxt('/tmp/torchlab_np_w.txt', dtype=int)), np.loadtxt('/tmp/torchlab_np_w.txt', usecols=1), np.loadtxt('/tmp/torchlab_np_w.txt', usecols=(1,), ndmin=2).shape, np.loadtxt('/tmp/torchlab_np_w.txt', unpack=True), np.genfromtxt('/tmp/torchlab_np_d.csv', delimiter=',', skip_header=1), np.loadtxt('/tmp/torchlab_np_d.csv', delimiter=',', skiprows=1, usecols=[0, 2]))",
     "require('fs').writeFileSync('/tmp/torchlab_np_w.txt', '1 2\\n# c\\n3 4\\n'); require('fs').writeFileSync('/tmp/torchlab_np_d.csv', 'x,y,z\\n1,2,3\\n4,5,6.5\\n7,,9\\n'); print(np.loadtxt('/tmp/torchlab_np_w.txt'), repr(np.loadtxt('/tmp/torchlab_np_w.txt', {dtype: int})), np.loadtxt('/tmp/torchlab_np_w.txt', {usecols: 1}), np.loadtxt('/tmp/torchlab_np_w.txt', {usecols: [1], ndmin: 2}).shape, np.loadtxt('/tmp/torchlab_np_w.txt', {unpack: true}), np.genfromtxt('/tmp/torchlab_np_d.csv', {delimiter: ',', skip_header: 1}), np.loadtxt('/tmp/torchlab_np_d.csv', {delimiter: ',', skiprows: 1, usecols: [0, 2]}))"),
    ('loadtxt_02', "open('/tmp/torchlab_np_d2.csv', 'w').write('x,y,z\\n1,2,3\\n7,,9\\n'); np.loadtxt('/tmp/torchlab_np_d2.csv', delimiter=',', skiprows=1)",
     "require('fs').writeFileSync('/tmp/torchlab_np_d2.csv', 'x,y,z\\n1,2,3\\n7,,9\\n'); np.loadtxt('/tmp/torchlab_np_d2.csv', {delimiter: ',', skiprows: 1})"),
    ('loadtxt_gz', "a = np.array([[6.0, 148.0, 0.5], [1.0, 85.0, 0.0]]); np.savetxt('/tmp/torchlab_np_g.csv.gz', a, delimiter=',', fmt='%.3f'); xy = np.loadtxt('/tmp/torchlab_np_g.csv.gz', delimiter=',', dtype=np.float32); print(xy, xy.dtype, xy[:, :-1], xy[:, [-1]])",
     "let a = np.array([[6.0, 148.0, 0.5], [1.0, 85.0, 0.0]]); np.savetxt('/tmp/torchlab_np_g.csv.gz', a, {delimiter: ',', fmt: '%.3f'}); let xy = np.loadtxt('/tmp/torchlab_np_g.csv.gz', {delimiter: ',', dtype: np.float32}); print(xy, xy.dtype, xy[':, :-1'], xy[':', [-1]])"),
    ('savetxt_01', "a = np.array([[1.5, -2.0], [3.25, 1e-7]]); np.savetxt('/tmp/torchlab_np_o.csv', a, delimiter=',', fmt='%.4e'); print(np.loadtxt('/tmp/torchlab_np_o.csv', delimiter=','))",
     "let a = np.array([[1.5, -2.0], [3.25, 1e-7]]); np.savetxt('/tmp/torchlab_np_o.csv', a, {delimiter: ',', fmt: '%.4e'}); print(np.loadtxt('/tmp/torchlab_np_o.csv', {delimiter: ','}))"),
    ('save_03', "np.load('/tmp/torchlab_no_such_file.npy')",
     "np.load('/tmp/torchlab_no_such_file.npy')"),
    # numpy() of a view or a detach() alias, and torch.from_numpy of a view, share memory as PyTorch's do
    ('share_04', 't = torch.zeros(2, 3); a = t.detach().numpy(); a[0, 0] = 5; r = t[1].numpy(); r[2] = 7; c = t.T.numpy(); c[1, 0] = 9; print(t, c.strides); t.add_(1); print(a, r, c)',
     'let t = torch.zeros(2, 3); let a = t.detach().numpy(); a["0, 0"] = 5; let r = t[1].numpy(); r[2] = 7; let c = t.T.numpy(); c.setitem("1, 0", 9); print(t, c.strides); t.add_(1); print(a, r, c)'),
    ('share_05', 'm = nn.Linear(2, 2); w = m.weight.detach().numpy(); w[:] = 0.5; print(m.weight, (m.weight * 2).sum())',
     'let m = new nn.Linear(2, 2); let w = m.weight.detach().numpy(); w[":"] = 0.5; print(m.weight, (m.weight * 2).sum())'),
    ('share_06', 'a = np.zeros((2, 3)); t = torch.from_numpy(a[1]); t[0] = 5; u = torch.from_numpy(a[:, ::2]); u.mul_(2); u[1, 1] = 3; print(a); a[1, 2] = 7; print(t, u)',
     'let a = np.zeros([2, 3]); let t = torch.from_numpy(a[1]); t[0] = 5; let u = torch.from_numpy(a[":, ::2"]); u.mul_(2); u["1, 1"] = 3; print(a); a["1, 2"] = 7; print(t, u)'),
    ('share_07', 'torch.from_numpy(np.arange(4.)[::-1])',
     'torch.from_numpy(np.arange(4.)["::-1"])'),
    ('share_08', 't = torch.arange(3.); a = np.array([1., 1., 1.]); print(t == a, t != a, a == t)',
     'let t = torch.arange(3.); let a = np.array([1., 1., 1.]); print(t == a, t != a, a == t)'),
    ('share_09', 't = torch.arange(3.); a = np.array([1., 1., 1.]); t < a',
     'let t = torch.arange(3.); let a = np.array([1., 1., 1.]); t < a'),
    ('share_10', 't = torch.arange(3.); a = np.array([1., 1., 1.]); a >= t',
     'let t = torch.arange(3.); let a = np.array([1., 1., 1.]); a >= t'),
    # a tensor beside an array: PyTorch 1.13 lets NumPy compute `t + a` (a tensor); `a + t` is Python's TypeError
    ('tensor_op_01', 't = torch.ones(2); a = np.arange(2.); print(t + a, t - a, t * np.arange(2), t / (a + 1), t ** a, t @ a, a / t, a == t, a != t)',
     'let t = torch.ones(2); let a = np.arange(2.); print(t + a, t - a, t * np.arange(2), t / (a + 1), t ** a, t @ a, a / t, a == t, a != t)'),
    ('tensor_op_02', 't = torch.ones(2, dtype=torch.int64); print(t + np.arange(2, dtype=np.int32), t * np.arange(2, dtype=np.float32), torch.ones(2) % np.arange(1., 3.))',
     'let t = torch.ones(2, {dtype: torch.int64}); print(t + np.arange(2, {dtype: np.int32}), t * np.arange(2, {dtype: np.float32}), torch.ones(2) % np.arange(1., 3.))'),
    ('tensor_op_03', 'np.arange(2.) + torch.ones(2)',
     'np.arange(2.) + torch.ones(2)'),
    ('tensor_op_04', 'np.arange(2.) * torch.ones(2)',
     'np.arange(2.) * torch.ones(2)'),
    ('tensor_op_05', 'np.arange(2.) > torch.ones(2)',
     'np.arange(2.) > torch.ones(2)'),
    ('tensor_op_06', 'torch.ones(2, requires_grad=True) + np.arange(2.)',
     'torch.ones(2, {requires_grad: true}) + np.arange(2.)'),
    ('format_01', "a = np.array([1., 2.]); print(f'{a}', str(a), repr(a), f'{a.mean():.3f}', f'{np.float32(0.25)}')",
     'let a = np.array([1., 2.]); print(`${a}`, str(a), repr(a), `${a.mean():.3f}`, `${np.float32(0.25)}`)'),
]


def write_io_files():
    """NumPy's own .npy / .npz files for test/api/numpy_io.test.ts (np.load must read them, np.save and
    np.savez must write the same bytes), with their values in numpy_io/values.json."""
    import json
    import os
    os.makedirs("numpy_io", exist_ok=True)
    arrays = {
        "f8": np.arange(6.).reshape(2, 3) / 7 - 0.25,
        "f4": (np.arange(5, dtype=np.float32) / 3).astype(np.float32),
        "i8": np.array([[-(2**40), -1, 0], [1, 7, 2**33]]),
        "i4": np.arange(-2, 2, dtype=np.int32),
        "u1": np.array([0, 128, 255], dtype=np.uint8),
        "b1": np.array([True, False, True]),
        "scalar": np.array(2.5),
        "long": np.zeros((1234, 2), dtype=np.uint8),
    }
    values = {}
    for name, a in arrays.items():
        np.save(f"numpy_io/{name}.npy", a)
        values[name] = {"shape": list(a.shape), "dtype": str(a.dtype), "values": a.ravel().tolist() if a.size < 100 else None}
    # Fortran order and big-endian: np.load reads them (np.save never writes them).
    np.save("numpy_io/fortran.npy", np.asfortranarray(np.arange(6.).reshape(2, 3)))
    values["fortran"] = {"shape": [2, 3], "dtype": "float64", "values": np.arange(6.).tolist()}
    np.save("numpy_io/big_endian.npy", np.arange(3, dtype=">i4"))
    values["big_endian"] = {"shape": [3], "dtype": "int32", "values": [0, 1, 2]}
    np.savez("numpy_io/z.npz", np.arange(3), w=np.eye(2, dtype=np.float32))
    # np.savetxt's text: the default '%.18e', a per-file fmt with delimiter and header, ints.
    np.savetxt("numpy_io/f8.txt", arrays["f8"])
    np.savetxt("numpy_io/f8.csv", arrays["f8"], delimiter=",", fmt="%.3f", header="a,b,c")
    np.savetxt("numpy_io/i4.txt", arrays["i4"], fmt="%d")
    with open("numpy_io/values.json", "w") as f:
        json.dump(values, f, indent=1)
        f.write("\n")


def main():
    write_cases(CASES, "numpy.json", {"torch": torch, "np": np, "nn": torch.nn})
    write_io_files()


if __name__ == "__main__":
    main()
