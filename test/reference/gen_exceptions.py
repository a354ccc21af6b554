"""Fixture for test/api/exceptions.test.ts: Python's built-in exceptions in notebook cells.

Each case is the Python a course writes (raise, except by class or by a tuple of classes, a class of
its own deriving from Exception, print / f-string / repr of a caught exception, PyTorch's own errors
caught by their Python class) and what Python 3.11 with PyTorch 1.13 prints for it; the suite runs the
dialect's cell for each and compares. Writes test/reference/exceptions.json: {"cases": [{name, print}]}.
"""
import contextlib
import io
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))

CASES = {
    "raise_except": """try:
    raise ValueError('bad size 3')
except ValueError as e:
    print('caught', e)""",
    "except_tuple": """for err in [AttributeError('a'), IndexError('i'), ZeroDivisionError('z')]:
    try:
        raise err
    except (AttributeError, IndexError) as e:
        print('caught', type(e).__name__, e)
    except Exception as e:
        print('other', type(e).__name__, e)""",
    "own_class": """class ShapeMismatch(Exception):
    pass
try:
    raise ShapeMismatch('expected 3 channels')
except Exception as e:
    print(type(e).__name__, e, isinstance(e, ShapeMismatch), isinstance(ValueError(), ShapeMismatch), isinstance(e, Exception))""",
    "str_repr": """try:
    raise RuntimeError('no grad')
except Exception as e:
    print(f'Error: {e}', repr(e), [e], str(e))
print(repr(NotImplementedError()), str(NotImplementedError()) == '')""",
    "torch_errors": """try:
    torch.zeros(2, 3) @ torch.zeros(2, 3)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    torch.utils.data.TensorDataset(torch.zeros(2), torch.zeros(3))
except AssertionError as e:
    print('AssertionError', str(e).startswith('Size mismatch between tensors'))
try:
    torch.zeros(2)[5]
except IndexError as e:
    print('IndexError', e)""",
    "torch_error_type": """for f in [lambda: torch.nn.Linear(3, 2)(torch.zeros(5, 4)), lambda: torch.zeros(2).view(3), lambda: torch.zeros(2, 3).index_select(0, torch.tensor([5]))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, type(e), type(e) == RuntimeError)
try:
    os.listdir('/no/such/dir')
except OSError as e:
    print(type(e).__name__, isinstance(e, OSError), isinstance(e, FileNotFoundError))""",
    "abstract_method": """class Base:
    def forward(self):
        raise NotImplementedError('subclasses implement forward')
try:
    Base().forward()
except NotImplementedError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))""",
}



def main():
    cases = []
    for name, src in CASES.items():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(src, {"torch": torch, "os": os})
        cases.append({"name": name, "print": buf.getvalue()})
    out = os.path.join(HERE, "exceptions.json")
    with open(out, "w") as f:
        json.dump({"cases": cases}, f, indent=1)
        f.write("\n")
    print(out)


if __name__ == "__main__":
    main()
