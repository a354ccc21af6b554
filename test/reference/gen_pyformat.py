"""Python 3.11 references for test/pyformat.test.ts: format(value, spec), the format-spec
mini-language of f-strings (`f"{loss:.4f}"`), for ints, floats, strings and bools, and what
Tensor.__format__ (PyTorch 1.13) gives for 0-d tensors, other tensors and a Parameter.

Each case is [kind, value, spec, result]: kind is "int", "float", "str" or "bool" (JSON cannot tell
3 from 3.0), a float's value is its repr (so nan, inf and -0.0 survive), the result is the formatted
text or ["error", exception type, message]. Run with Debian's /usr/bin/python3 from test/reference:
writes pyformat.json.
"""
import json
import os
import random
import sys

import torch

assert sys.version_info[:2] == (3, 11), "the references are Python 3.11's format()"

random.seed(0)


def run(f):
    try:
        return f()
    except Exception as e:  # noqa: BLE001 - the error is the reference
        return ["error", type(e).__name__, str(e)]


INTS = [0, 1, -1, 5, 42, -42, 255, 1234, -1234, 65, 1234567, 12345678, 10**15, -(10**12), 2**53]
FLOATS = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.0, 100.0, 123.0, 1234.5, -1234.5, 0.1, 0.2, 1 / 3, 2 / 3, 3.14159,
          2.675, 1.005, 9.995, 99.95, 999999.5, 0.256, 0.9999, 0.00001234, 1e-5, 1e-4, 1e16, 1e15, 1e22, 1e-300, 1e300,
          123456789.0, 0.30000000000000004, 5e-324, 1.7976931348623157e308, float("nan"), float("inf"), float("-inf"), -0.0001]
STRS = ["", "a", "abc", "hello world", "é"]
SPECS_NUM = ["", ".4f", ".2f", ".0f", ".1f", ".3f", "f", ".20f", "e", ".2e", ".0e", "E", "g", ".3g", ".1g", ".10g", "G", "#g", "#.0f",
             "%", ".1%", ">6.2%", ".0%", ",", "_", ",.2f", "012,.2f", "010,", "08,", "0=10,", "x=10,", "*^12", "<8", ">8", "^8", "=+8",
             "+", " ", "-", "+.3f", " .3e", "010.3f", "z.1f", "z", "03d", "d", "5d", "x", "X", "#x", "#010x", "_x", "_b", "#o", "b", "o",
             "c", "n", ".3", ".1", ".2", ".20", "#", ".f", "abc", ".2d", ",x", ",_", ",s", "s", "z.2f", "=^10", "0>5", "3"]
SPECS_STR = ["", "s", ">10", "<10", "^9", "*^9", ".2", "10.2", "d", "+", "#", "=5", "z", "05", ",", "0<6", ".0"]
cases = []
for v in INTS:
    for s in SPECS_NUM:
        cases.append(["int", v, s, run(lambda: format(v, s))])
for v in FLOATS:
    for s in SPECS_NUM:
        cases.append(["float", repr(v), s, run(lambda: format(v, s))])
for v in STRS:
    for s in SPECS_STR:
        cases.append(["str", v, s, run(lambda: format(v, s))])
for v in [True, False]:
    for s in ["", ">5", "d", ".2f", "s", "x", "^7"]:
        cases.append(["bool", v, s, run(lambda: format(v, s))])
# Random floats and precisions: the exact binary value, rounded half to even.
for _ in range(150):
    v = random.choice([random.uniform(-1000, 1000), random.uniform(-1, 1) * 10 ** random.randint(-12, 20),
                       round(random.uniform(0, 100), random.randint(0, 4)) + random.choice([0, 0.5, 0.05, 0.005])])
    s = random.choice([".%df" % random.randint(0, 12), ".%de" % random.randint(0, 12), ".%dg" % random.randint(0, 17), ".%d%%" % random.randint(0, 4), ""])
    cases.append(["float", repr(v), s, run(lambda: format(v, s))])

tensors = {
    "float": torch.tensor(1.5),
    "float_whole": torch.tensor(3.0),
    "int": torch.tensor(3),
    "bool": torch.tensor(True),
    "vector": torch.tensor([1.0, 2.0]),
    "parameter": torch.nn.Parameter(torch.tensor(1.5)),
}
tensor_cases = []
for name, t in tensors.items():
    for s in ["", ".2f", "d", ">5", ".3e"]:
        tensor_cases.append([name, s, run(lambda: format(t, s))])



# The cells of test/kernel/rewrite.test.ts's notebook that use these Python spellings: what Python
# shows for each (repr of the value, as the cell's text/plain; or "Type: message" of the error).
def shown(f):
    try:
        return repr(f())
    except Exception as e:  # noqa: BLE001
        return f"{type(e).__name__}: {e}"


loss = torch.tensor(0.123456)
acc, epoch, name, flag, t = 0.8765, 7, "resnet", True, torch.tensor(2.5)
# The same values under the names the kernel cell gives them (`{x=}` writes the name).
floss, facc, fepoch, fname, fflag, fwidth, fprec = loss, acc, epoch, name, flag, 8, 3


def imatmul():
    ma = torch.ones(2, 3)
    keep = ma
    ma @= torch.ones(3, 4)
    return json.dumps([list(ma.shape), list(keep.shape), int(ma.sum().item())], separators=(",", ":"))


def imatmul_error(a, b):
    a @= b


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(2, 2)


def deleted():
    net = Net()
    del net.fc
    return net.fc


import copy  # noqa: E402

kernel = {
    "fstring": shown(lambda: f"{loss.item():.4f}|{acc:>6.2%}|{epoch:03d}|{12345678:,}|{name!r}|{1234.5:e}|{t:.3f}|{flag}|{loss:.2e}|{'a' if epoch > 3 else 'b':>3}|{not flag}"),
    "fstring_pyisms": shown(lambda: f"{fepoch=}|{facc = :.2f}|{fname=!s}|{fflag=}|{floss.item()=:.4f}|{facc:>{fwidth}.{fprec}f}|{fepoch:{fwidth}}|{tuple(torch.ones(3).shape)}|{tuple(torch.ones(2, 3).shape)}|{fname=:>{fwidth}}"),
    "fstring_d_float": shown(lambda: f"{1.5:d}"),
    "fstring_vector": shown(lambda: f"{torch.ones(2):.2f}"),
    "imatmul": shown(imatmul),
    "imatmul_int": shown(lambda: imatmul_error(2, 3)),
    "imatmul_tensor_int": shown(lambda: imatmul_error(torch.ones(2), 3)),
    "deleted": shown(deleted),
    "deepcopy_non_leaf": shown(lambda: copy.deepcopy(torch.ones(2, requires_grad=True) * 2)),
}

out = {"versions": {"python": sys.version.split()[0], "torch": torch.__version__}, "cases": cases, "tensors": tensor_cases, "kernel": kernel}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pyformat.json"), "w") as f:
    json.dump(out, f, indent=None, ensure_ascii=False)
    f.write("\n")
print(len(cases), "cases")
