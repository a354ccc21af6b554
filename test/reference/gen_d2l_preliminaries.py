"""Fixture for test/tutorials/d2l_preliminaries.test.ts: Dive into Deep Learning (d2l-zh, PyTorch
edition), chapter_preliminaries (ndarray, linear-algebra, autograd, probability), cell by cell as the
book has them. Each cell's value is recorded as Jupyter shows it (its repr; a tuple as a list of
reprs, since the port writes `[a, b]`). Cells whose Python
only makes sense in Python (`id(...)`, `type(A)`) are replaced by the closest line both can run,
identically in the port."""
import json
import os

import torch
from torch.distributions import multinomial  # noqa: F401 - the chapter's import

HERE = os.path.dirname(os.path.abspath(__file__))


def fmt(v, top=True):
    """A cell's value: a top-level tuple (`a, b`, an array in the TypeScript cell) as a list; a tuple
    inside it (one a library call returned: named_modules' pairs) as the tuple torchlab prints."""
    if isinstance(v, tuple) and not top and not isinstance(v, torch.Size):
        return "(" + ", ".join(fmt(x, False) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, (tuple, list)) and not isinstance(v, torch.Size):
        return "[" + ", ".join(fmt(x, False) for x in v) + "]"
    return repr(v)


def run(cells):
    """The value each cell shows (None when it shows nothing), all cells in one namespace."""
    ns = {"torch": torch, "multinomial": multinomial}
    out = []
    for cell in cells:
        lines = cell.strip().split("\n")
        exec("\n".join(lines[:-1]), ns)
        try:
            code = compile(lines[-1], "<cell>", "eval")
        except SyntaxError:
            exec(lines[-1], ns)
            out.append(None)
            continue
        v = eval(code, ns)
        out.append(None if v is None else fmt(v))
    return out


NDARRAY = [
    "x = torch.arange(12)\nx",
    "x.shape",
    "x.numel()",
    "X = x.reshape(3, 4)\nX",
    "torch.zeros((2, 3, 4))",
    "torch.ones((2, 3, 4))",
    "torch.manual_seed(0)\ntorch.randn(3, 4)",
    "torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])",
    "x = torch.tensor([1.0, 2, 4, 8])\ny = torch.tensor([2, 2, 2, 2])\nx + y, x - y, x * y, x / y, x ** y",
    "torch.exp(x)",
    "X = torch.arange(12, dtype=torch.float32).reshape((3,4))\nY = torch.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])\ntorch.cat((X, Y), dim=0), torch.cat((X, Y), dim=1)",
    "X == Y",
    "X.sum()",
    "a = torch.arange(3).reshape((3, 1))\nb = torch.arange(2).reshape((1, 2))\na, b",
    "a + b",
    "X[-1], X[1:3]",
    "X[1, 2] = 9\nX",
    "X[0:2, :] = 12\nX",
    "before = Y\nY = Y + X\nY is before",
    "Z = torch.zeros_like(Y)\nZ[:] = X + Y\nZ",
    "before = X\nX += Y\nX is before",
    "A = X.numpy()\nB = torch.tensor(A)\nB, B.dtype",
    "a = torch.tensor([3.5])\na, a.item(), float(a), int(a)",
]

LINEAR_ALGEBRA = [
    "x = torch.tensor(3.0)\ny = torch.tensor(2.0)\nx + y, x * y, x / y, x**y",
    "x = torch.arange(4)\nx",
    "x[3]",
    "len(x)",
    "x.shape",
    "A = torch.arange(20).reshape(5, 4)\nA",
    "A.T",
    "B = torch.tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])\nB",
    "B == B.T",
    "X = torch.arange(24).reshape(2, 3, 4)\nX",
    "A = torch.arange(20, dtype=torch.float32).reshape(5, 4)\nB = A.clone()\nA, A + B",
    "A * B",
    "a = 2\nX = torch.arange(24).reshape(2, 3, 4)\na + X, (a * X).shape",
    "x = torch.arange(4, dtype=torch.float32)\nx, x.sum()",
    "A.shape, A.sum()",
    "A_sum_axis0 = A.sum(axis=0)\nA_sum_axis0, A_sum_axis0.shape",
    "A_sum_axis1 = A.sum(axis=1)\nA_sum_axis1, A_sum_axis1.shape",
    "A.sum(axis=[0, 1])",
    "A.mean(), A.sum() / A.numel()",
    "A.mean(axis=0), A.sum(axis=0) / A.shape[0]",
    "sum_A = A.sum(axis=1, keepdims=True)\nsum_A",
    "A / sum_A",
    "A.cumsum(axis=0)",
    "y = torch.ones(4, dtype = torch.float32)\nx, y, torch.dot(x, y)",
    "torch.sum(x * y)",
    "A.shape, x.shape, torch.mv(A, x)",
    "B = torch.ones(4, 3)\ntorch.mm(A, B)",
    "u = torch.tensor([3.0, -4.0])\ntorch.norm(u)",
    "torch.abs(u).sum()",
    "torch.norm(torch.ones((4, 9)))",
]

AUTOGRAD = [
    "x = torch.arange(4.0)\nx",
    "x.requires_grad_(True)\nx.grad",
    "y = 2 * torch.dot(x, x)\ny",
    "y.backward()\nx.grad",
    "x.grad == 4 * x",
    "x.grad.zero_()\ny = x.sum()\ny.backward()\nx.grad",
    "x.grad.zero_()\ny = x * x\ny.sum().backward()\nx.grad",
    "x.grad.zero_()\ny = x * x\nu = y.detach()\nz = u * x\nz.sum().backward()\nx.grad == u",
    "x.grad.zero_()\ny.sum().backward()\nx.grad == 2 * x",
    """def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c
torch.manual_seed(0)
a = torch.randn(size=(), requires_grad=True)
d = f(a)
d.backward()""",
    "a.grad == d / a",
    "a, d, a.grad",
]

PROBABILITY = [
    "fair_probs = torch.ones([6]) / 6\ntorch.manual_seed(0)\nmultinomial.Multinomial(1, fair_probs).sample()",
    "multinomial.Multinomial(10, fair_probs).sample()",
    "counts = multinomial.Multinomial(1000, fair_probs).sample()\ncounts / 1000",
    "counts = multinomial.Multinomial(10, fair_probs).sample((500,))\ncum_counts = counts.cumsum(dim=0)\nestimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)\nestimates[:3]",
    "estimates[-1]",
    "m = multinomial.Multinomial(10, fair_probs)\nm, m.batch_shape, m.event_shape, m.support",
    "m.log_prob(torch.tensor([1., 2, 3, 4, 0, 0])), m.mean, m.variance",
]

def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the error is the reference
        return [type(e).__name__, str(e)]
    return None


def extras():
    """Multinomial beyond the chapter (test/distributions/multinomial.test.ts) and float()/tensor(ndarray) edges."""
    torch.manual_seed(1)
    m = multinomial.Multinomial(5, logits=torch.tensor([[0.0, 1.0, 2.0], [1.0, 1.0, -1.0]]))
    s = m.sample((4,))
    X = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    return {
        "batch_sample": s.tolist(),
        "batch_sample_shape": list(s.shape),
        "log_prob": m.log_prob(torch.tensor([[0.0, 2.0, 3.0], [1.0, 4.0, 0.0]])).tolist(),
        "mean": m.mean.tolist(),
        "variance": m.variance.tolist(),
        "expand_sample": list(m.expand((3, 2)).sample().shape),
        "not_int": err(lambda: multinomial.Multinomial(1.5, torch.ones(3))),
        "neither": err(lambda: multinomial.Multinomial(3)),
        "outside_support": err(lambda: multinomial.Multinomial(3, torch.ones(3), validate_args=True).log_prob(torch.tensor([-1.0, 2.0, 2.0]))),
        "float_of_many": err(lambda: float(torch.ones(2))),
        "tensor_of_numpy_int": [repr(torch.tensor(torch.arange(4).reshape(2, 2).numpy())), str(torch.tensor(torch.arange(4).numpy()).dtype)],
        "tensor_of_numpy_float": repr(torch.tensor(X.numpy(), requires_grad=True)),
    }


if __name__ == "__main__":
    out = {
        "extras": extras(),
        "ndarray": run(NDARRAY),
        "linear_algebra": run(LINEAR_ALGEBRA),
        "autograd": run(AUTOGRAD),
        "probability": run(PROBABILITY),
    }
    with open(os.path.join(HERE, "d2l_preliminaries.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
