"""Python 3.11 / PyTorch 1.13 / NumPy 1.24 / pandas 1.5.3 / matplotlib 3.6 references for
test/api/data_loading_surface.test.ts: what the port of PyTorch's data-loading tutorial
(test/tutorials/data_loading_notebook.test.ts) found missing or wrong, one case at a time: plt.imread
of 8-bit PNGs, plt.ion / ioff / isinteractive, np.array of a list holding a pandas row, the dtype of
`df.iloc[i, 1:]`, NumPy's operators with a list operand, isinstance with a tuple of types,
default_collate of NumPy arrays, a call over a list of callables of different kinds, and the
warnings module's filters ("error", "ignore" by message). Each case is
one Python snippet and its dialect spelling; the suite compares what they print.
Run with Debian's /usr/bin/python3 from test/reference: writes data_loading_cases.json.
"""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402

from gen_py_sweep import write_cases  # noqa: E402

PNG = "/tmp/torchlab_imread_case.png"
# An image from a formula, written as PIL writes it (Python) and as torchvision.io.write_png writes it (the dialect).
PIX_PY = "y, x, c = np.meshgrid(np.arange(4), np.arange(5), np.arange({c}), indexing='ij'); Image.fromarray(((7 * y + 13 * x + 50 * c) % 256).astype(np.uint8){squeeze}).save('" + PNG + "')"
PIX_TS = "{{ const y = torch.arange(4).reshape(1, 4, 1), x = torch.arange(5).reshape(1, 1, 5), c = torch.arange({c}).reshape({c}, 1, 1); torchvision.io.write_png(((7 * y + 13 * x + 50 * c) % 256).to(torch.uint8), '" + PNG + "'); }}"
CSV = "name,a_x,a_y\\nf0,1,2\\nf1,5,6\\n"
CSV_FLOAT = "name,a_x,a_y\\nf0,1.5,2\\nf1,5.25,6\\n"

CASES = [
    ("imread_rgb", PIX_PY.format(c=3, squeeze="") + "; a = plt.imread('" + PNG + "'); print(a.shape, a.dtype); print(a[1, :3]); print(a.max(), a.min())",
     PIX_TS.format(c=3) + " const a = plt.imread('" + PNG + "'); print(a.shape, a.dtype); print(a['1, :3']); print(a.max(), a.min());"),
    ("imread_gray", PIX_PY.format(c=1, squeeze="[..., 0]") + "; a = plt.imread('" + PNG + "'); print(a.shape, a.dtype); print(a[2])",
     PIX_TS.format(c=1) + " const a = plt.imread('" + PNG + "'); print(a.shape, a.dtype); print(a[2]);"),
    ("interactive", "plt.ion(); print(plt.isinteractive()); plt.ioff(); print(plt.isinteractive())",
     "plt.ion(); print(plt.isinteractive()); plt.ioff(); print(plt.isinteractive());"),
    ("np_array_of_row", f"df = pd.read_csv(io.StringIO('{CSV}')); a = np.array([df.iloc[1, 1:]]); print(a.shape); a = a.astype('float').reshape(-1, 2); print(a, a.dtype)",
     f"const df = pd.read_csv(io.StringIO('{CSV}')); let a = np.array([df.iloc[1, '1:']]); print(a.shape); a = a.astype('float').reshape(-1, 2); print(a, a.dtype);"),
    ("np_array_of_float_row", f"df = pd.read_csv(io.StringIO('{CSV_FLOAT}')); a = np.array([df.iloc[0, 1:], df.iloc[1, 1:]]).astype('float'); print(a)",
     f"const df = pd.read_csv(io.StringIO('{CSV_FLOAT}')); const a = np.array([df.iloc[0, '1:'], df.iloc[1, '1:']]).astype('float'); print(a);"),
    ("np_array_of_ranges", "print(np.array([range(3), range(3, 6)]))",
     "print(np.array([range(3), range(3, 6)]));"),
    ("iloc_row_dtype", f"df = pd.read_csv(io.StringIO('{CSV}')); print(df.iloc[1, 1:]); print(df.loc[1, 'a_x':].dtype, df.iloc[1, [1, 2]].dtype); d2 = pd.DataFrame({{'a': [1, 2], 'b': [1.5, 2.5], 'c': [3, 4]}}); print(d2.iloc[1, [0, 2]])",
     f"const df = pd.read_csv(io.StringIO('{CSV}')); print(df.iloc[1, '1:']); print(df.loc[1, 'a_x:'].dtype, df.iloc[1, [1, 2]].dtype); const d2 = new pd.DataFrame({{'a': [1, 2], 'b': [1.5, 2.5], 'c': [3, 4]}}); print(d2.iloc[1, [0, 2]]);"),
    ("ndarray_list_operand", "a = np.array([[1., 2.], [3., 4.]]); print(a - [1, 2]); print(a * [0.5, 2]); print([10, 20] - a); print(a / [2, 4])",
     "const a = np.array([[1., 2.], [3., 4.]]); print(a - [1, 2]); print(a * [0.5, 2]); print([10, 20] - a); print(a / [2, 4]);"),
    ("untyped_list_operand", "def shift(landmarks, left, top):\n    return landmarks - [left, top]\nprint(shift(np.array([[5, 7], [9, 11]]), 2, 3))",
     "function shift(landmarks, left, top) {\n  return landmarks - [left, top];\n}\nprint(shift(np.array([[5, 7], [9, 11]]), 2, 3));"),
    ("isinstance_tuple_of_types", "print(isinstance(256, (int, tuple)), isinstance((224, 224), (int, tuple)), isinstance([224, 224], (int, tuple)), isinstance((1, 2), tuple), isinstance([1, 2], tuple), isinstance(2.5, (int, tuple)), isinstance('a', (str, int)))",
     "print(isinstance(256, [int, tuple]), isinstance(tuple([224, 224]), [int, tuple]), isinstance([224, 224], [int, tuple]), isinstance(tuple([1, 2]), tuple), isinstance([1, 2], tuple), isinstance(2.5, [int, tuple]), isinstance('a', [str, int]));"),
    ("collate_ndarrays", "from torch.utils.data import default_collate\nb = default_collate([{'image': np.ones((2, 2), dtype=np.float32), 'landmarks': np.array([[1., 2.]])}, {'image': np.zeros((2, 2), dtype=np.float32), 'landmarks': np.array([[3., 4.]])}])\nprint(b)",
     "const { default_collate } = torch.utils.data;\nconst b = default_collate([{'image': np.ones([2, 2], {dtype: np.float32}), 'landmarks': np.array([[1., 2.]])}, {'image': np.zeros([2, 2], {dtype: np.float32}), 'landmarks': np.array([[3., 4.]])}]);\nprint(b);"),
    ("warnings_filters", "import warnings\nwarnings.simplefilter('error')\nwarnings.filterwarnings('ignore', message='skip')\nfor m in ['skip me', 'Skip too', 'keep me']:\n    try:\n        warnings.warn(m)\n        print('passed', m)\n    except UserWarning as e:\n        print('raised', type(e).__name__, e)\nwarnings.resetwarnings()",
     "warnings.simplefilter('error');\nwarnings.filterwarnings('ignore', message='skip');\nfor (const m of ['skip me', 'Skip too', 'keep me']) {\n  try {\n    warnings.warn(m);\n    print('passed', m);\n  } catch (e: any) {\n    print('raised', e.name, e.message);\n  }\n}\nwarnings.resetwarnings();"),
    ("call_mixed_callables", "class Twice:\n    def __call__(self, x):\n        return x * 2\nfor f in [Twice(), lambda x: x + 1]:\n    print(f(10))",
     "class Twice {\n  __call__(x: number) {\n    return x * 2;\n  }\n}\nfor (const f of [new Twice(), (x: number) => x + 1]) {\n  print(f(10));\n}"),
]


def main():
    write_cases(CASES, "data_loading_cases.json", {"torch": torch, "np": np, "pd": pd, "plt": plt, "io": io, "Image": Image})


if __name__ == "__main__":
    main()
