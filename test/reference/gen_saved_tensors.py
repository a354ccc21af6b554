"""PyTorch 1.13 reference for what each autograd node saves (derivatives.yaml's saved self / other /
result), seen from two sides for every op below:

- `twice`: `y = op(x).sum(); y.backward(); y.backward()`. A node that saved no tensor runs again (the
  gradient accumulates twice); one whose saved tensors were freed raises "Trying to backward through the
  graph a second time".
- `inplace`: `y = op(x).sum()`, then `x.add_(0.5)` under no_grad, then `y.backward()`: raises "one of the
  variables needed for gradient computation has been modified by an inplace operation" exactly when the
  node saved `x` (the message names the tensor and versions).

Run with Debian's /usr/bin/python3 (torch 1.13): writes test/reference/saved_tensors.json, read by
test/autograd/saved_tensors.test.ts, which runs the same ops under the same names.
"""
import json
import os

import torch
import torch.nn.functional as F


def leaf(shape, k=None, scale=0.25):
    """(arange - k) * scale, k the middle by default, so values straddle 0; the same formula on both sides."""
    n = 1
    for d in shape:
        n *= d
    k = n / 2 if k is None else k
    return ((torch.arange(n, dtype=torch.float32) - k) * scale).reshape(shape).requires_grad_()


W = lambda: torch.arange(12, dtype=torch.float32).reshape(3, 4) * 0.1 - 0.5
IMG = [1, 2, 4, 4]

# name: (input shape, op)
ops = {
    "sum": ([2, 3], lambda x: x.sum()),
    "sum_dim": ([2, 3], lambda x: x.sum(1)),
    "mean": ([2, 3], lambda x: x.mean()),
    "mean_dim": ([2, 3], lambda x: x.mean(0)),
    "add_scalar": ([2, 3], lambda x: x + 1),
    "add_self": ([2, 3], lambda x: x + x),
    "sub_tensor": ([2, 3], lambda x: x - torch.ones(2, 3)),
    "neg": ([2, 3], lambda x: -x),
    "mul_scalar": ([2, 3], lambda x: x * 2),
    "div_scalar": ([2, 3], lambda x: x / 2),
    "mul_self": ([2, 3], lambda x: x * x),
    "div_by_x": ([2, 3], lambda x: torch.ones(2, 3) / (x + 10)),
    "pow_2": ([2, 3], lambda x: x.pow(2)),
    "exp": ([2, 3], lambda x: x.exp()),
    "tanh": ([2, 3], lambda x: x.tanh()),
    "sigmoid": ([2, 3], lambda x: x.sigmoid()),
    "relu": ([2, 3], lambda x: x.relu()),
    "leaky_relu": ([2, 3], lambda x: F.leaky_relu(x, 0.1)),
    "elu": ([2, 3], lambda x: F.elu(x)),
    "gelu": ([2, 3], lambda x: F.gelu(x)),
    "silu": ([2, 3], lambda x: F.silu(x)),
    "softplus": ([2, 3], lambda x: F.softplus(x)),
    "abs": ([2, 3], lambda x: x.abs()),
    "clamp": ([2, 3], lambda x: x.clamp(-0.3, 0.3)),
    "view": ([2, 3], lambda x: x.view(6)),
    "reshape": ([2, 3], lambda x: x.reshape(3, 2)),
    "t": ([2, 3], lambda x: x.t()),
    "permute": ([2, 3], lambda x: x.permute(1, 0)),
    "select": ([2, 3], lambda x: x.select(1, 1)),
    "narrow": ([2, 3], lambda x: x.narrow(1, 0, 2)),
    "unsqueeze_expand": ([2, 3], lambda x: x.unsqueeze(0).expand(2, 2, 3)),
    "cat": ([2, 3], lambda x: torch.cat([x, x])),
    "stack": ([2, 3], lambda x: torch.stack([x, x])),
    "clone": ([2, 3], lambda x: x.clone()),
    "contiguous": ([2, 3], lambda x: x.t().contiguous()),
    "repeat": ([2, 3], lambda x: x.repeat(2, 1)),
    "to_double": ([2, 3], lambda x: x.double()),
    "pad": ([2, 3], lambda x: F.pad(x, (1, 1))),
    "flip": ([2, 3], lambda x: x.flip(0)),
    "roll": ([2, 3], lambda x: x.roll(1, 0)),
    "cumsum": ([2, 3], lambda x: x.cumsum(0)),
    "cumprod": ([2, 3], lambda x: x.cumprod(0)),
    "tril": ([3, 3], lambda x: x.tril()),
    "triu": ([3, 3], lambda x: x.triu()),
    "diag": ([3, 3], lambda x: x.diag()),
    "trace": ([3, 3], lambda x: x.trace()),
    "lerp_scalar": ([2, 3], lambda x: torch.lerp(x, torch.ones(2, 3), 0.5)),
    "addcmul_consts": ([2, 3], lambda x: torch.addcmul(x, torch.ones(2, 3), torch.full((2, 3), 2.0))),
    "masked_fill": ([2, 3], lambda x: x.masked_fill(torch.tensor([[True, False, True], [False, False, True]]), 0)),
    "where": ([2, 3], lambda x: torch.where(torch.tensor([[True, False, True], [False, False, True]]), x, torch.zeros(2, 3))),
    "gather": ([2, 3], lambda x: x.gather(1, torch.tensor([[0], [2]]))),
    "index_select": ([2, 3], lambda x: x.index_select(0, torch.tensor([1]))),
    "softmax": ([2, 3], lambda x: x.softmax(1)),
    "log_softmax": ([2, 3], lambda x: x.log_softmax(1)),
    "max": ([2, 3], lambda x: x.max()),
    "max_dim": ([2, 3], lambda x: x.max(1)[0]),
    "amax": ([2, 3], lambda x: x.amax(1)),
    "prod": ([2, 3], lambda x: x.prod()),
    "std": ([2, 3], lambda x: x.std()),
    "var_dim": ([2, 3], lambda x: x.var(1)),
    "logsumexp": ([2, 3], lambda x: x.logsumexp(1)),
    "norm": ([2, 3], lambda x: x.norm()),
    "mm_const": ([2, 3], lambda x: x.mm(W()[:, :2] + 0)),
    "matmul_const": ([2, 3], lambda x: x.matmul(W())),
    "linear_const": ([2, 4], lambda x: F.linear(x, W())),
    "mse_loss": ([2, 3], lambda x: F.mse_loss(x, torch.zeros(2, 3))),
    "cross_entropy": ([2, 3], lambda x: F.cross_entropy(x, torch.tensor([0, 2]))),
    "conv2d": (IMG, lambda x: F.conv2d(x, torch.ones(1, 2, 3, 3) * 0.1)),
    "max_pool2d": (IMG, lambda x: F.max_pool2d(x, 2)),
    "avg_pool2d": (IMG, lambda x: F.avg_pool2d(x, 2)),
    "adaptive_avg_pool2d_1": (IMG, lambda x: F.adaptive_avg_pool2d(x, 1)),
    "batch_norm_train": (IMG, lambda x: F.batch_norm(x, None, None, training=True)),
    "layer_norm": ([2, 3], lambda x: F.layer_norm(x, [3])),
    "dropout_eval": ([2, 3], lambda x: F.dropout(x, 0.5, False)),
    "embedding_weight": ([4, 3], lambda x: F.embedding(torch.tensor([1, 3, 1]), x)),
}


def run(fn):
    try:
        return {"error": None, "out": fn()}
    except RuntimeError as e:
        return {"error": str(e), "out": None}


def twice(shape, op):
    def go():
        x = leaf(shape)
        y = op(x).sum()
        y.backward()
        y.backward()
        return x.grad.flatten().tolist()
    return run(go)


def inplace(shape, op):
    def go():
        x = leaf(shape)
        y = op(x).sum()
        with torch.no_grad():
            x.add_(0.5)
        y.backward()
        return None
    return run(go)


result = {name: {"twice": twice(shape, op), "inplace": inplace(shape, op)} for name, (shape, op) in ops.items()}


# What else a released graph that saved nothing still does, as in PyTorch.
def grad_after_backward():
    x = torch.ones(3, requires_grad=True)
    h = (x + 1).sum()
    h.backward()
    return torch.autograd.grad(h, x)[0].tolist()


def create_graph_after_backward():
    x = torch.ones(3, requires_grad=True)
    y = (x + 2).sum()
    y.backward()
    g, = torch.autograd.grad(y, x, create_graph=True)
    return g.tolist() + [g.requires_grad]


def retain_grad_twice():
    x = torch.ones(3, requires_grad=True)
    h = x + 1
    h.retain_grad()
    y = h.sum()
    y.backward()
    y.backward()
    return h.grad.tolist() + x.grad.tolist()


def node_hook_twice():
    x = torch.ones(3, requires_grad=True)
    y = (x + 1).sum()
    calls = []
    y.grad_fn.register_hook(lambda gi, go: calls.append(1))
    y.backward()
    y.backward()
    return [len(calls)] + x.grad.tolist()


graph = {f.__name__: run(f) for f in [grad_after_backward, create_graph_after_backward, retain_grad_twice, node_hook_twice]}
result = {"ops": result, "graph": graph}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "saved_tensors.json")
with open(path, "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
ops_ = result["ops"]
print(len(ops_), "ops,", sum(r["twice"]["error"] is not None for r in ops_.values()), "raise on a second backward,",
      sum(r["inplace"]["error"] is not None for r in ops_.values()), "on an in-place write;", len(graph), "graph cases")
