"""Python 3.11 / NumPy 1.24 / PyTorch 1.13 references for test/api/numpy.test.ts: the notebook's `np`
(src/numpy) against NumPy. Each case is one Python line and its dialect spelling (the TypeScript a
notebook cell holds); the suite runs the dialect cells through `torchlab run` and compares what they
print with what Python printed (or the error's type and message): creation and dtype inference,
promotion, broadcasting, operators, ufuncs, indexing and assignment, methods and reductions, and
interop with torch. Run with Debian's /usr/bin/python3 from test/reference: writes numpy.json.
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
    ('format_01', "a = np.array([1., 2.]); print(f'{a}', str(a), repr(a), f'{a.mean():.3f}', f'{np.float32(0.25)}')",
     'let a = np.array([1., 2.]); print(`${a}`, str(a), repr(a), `${a.mean():.3f}`, `${np.float32(0.25)}`)'),
]


def main():
    write_cases(CASES, "numpy.json", {"torch": torch, "np": np})


if __name__ == "__main__":
    main()
