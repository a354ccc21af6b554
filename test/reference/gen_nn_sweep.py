"""PyTorch 1.13 / Python 3.11 references for test/api/nn_sweep.test.ts: what print() writes for nn layers,
nn.functional, nn.init, nn.utils, optim.lr_scheduler and utils.data cases where a sweep of ~120 one-liners
against PyTorch found torchlab printing something else (each was a divergence before this suite), plus
neighbours that already matched. Each case is one Python expression; the test prints its TypeScript
spelling under the same name. Run with Debian's /usr/bin/python3 from test/reference: writes nn_sweep.json.
"""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import BatchSampler, SequentialSampler

assert torch.__version__.startswith("1.13"), torch.__version__

x25 = torch.arange(25.0).view(1, 1, 5, 5)
x10 = torch.arange(10.0).view(1, 1, 10)
x64 = torch.arange(64.0).view(1, 1, 4, 4, 4)
p3 = torch.tensor([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])


def seeded(f):
    def run():
        torch.manual_seed(0)
        return f()
    return run


def act_grad(f):
    x = torch.tensor([-4.0, -3.0, -1.0, 0.0, 3.0, 5.0], requires_grad=True)
    y = f(x)
    y.sum().backward()
    return (y, x.grad)


def embedding_max_norm():
    e = nn.Embedding(5, 3, padding_idx=0, max_norm=1.0)
    return (e(torch.tensor([0, 2, 2])), e.weight.norm(dim=1), e)


def embedding_norm_type():
    e = nn.Embedding(5, 3, max_norm=0.5, norm_type=1.0)
    y = e(torch.tensor([[1, 3], [4, 1]]))
    y.sum().backward()
    return (y, e.weight, e.weight.grad, e)


def functional_embedding_max_norm():
    w = torch.randn(4, 2)
    return (F.embedding(torch.tensor([1, 2]), w, max_norm=1.0), w)


def embedding_bag_max_norm():
    e = nn.EmbeddingBag(5, 3, max_norm=1.0, mode="sum")
    return (e(torch.tensor([1, 2, 4, 4, 3]), torch.tensor([0, 2])), e.weight, e)


def names(*ts):
    return tuple(t.grad_fn.name() for t in ts)


def grad_fn_layers():
    r = torch.ones(1, 3)
    h, c = nn.LSTMCell(3, 2)(r)
    return names(nn.GRUCell(3, 2)(r), h, c, nn.PReLU()(torch.ones(2)), nn.Bilinear(2, 3, 2)(torch.ones(1, 2), r),
                 nn.Bilinear(2, 3, 2, bias=False)(torch.ones(1, 2), r), nn.GRUCell(3, 2)(torch.ones(3)))


def grad_fn_activations():
    r = lambda: torch.ones(2, requires_grad=True)  # noqa: E731
    mods = [nn.Mish(), nn.SELU(), nn.CELU(), nn.LogSigmoid(), nn.Softshrink(), nn.Hardshrink(), nn.Threshold(0.1, 20),
            nn.Hardswish(), nn.Hardsigmoid(), nn.ELU(), nn.GELU(), nn.Softsign()]
    return names(*[m(r()) for m in mods])


def cosine_values():
    a = torch.randn(6, 7)
    b = torch.randn(6, 7)
    return (F.cosine_similarity(a, b).tolist(), F.cosine_similarity(a, b[0], dim=1).tolist(), F.cosine_similarity(a, b).grad_fn)


def cosine_grad():
    a = torch.randn(3, 4, requires_grad=True)
    b = torch.randn(3, 4)
    y = F.cosine_similarity(a, b)
    y.sum().backward()
    return (y.grad_fn.name(), a.grad)


def sparse_init():
    w = torch.empty(4, 4)
    nn.init.sparse_(w, sparsity=0.5)
    return w


def clip_inf():
    m = nn.Linear(3, 2)
    m(torch.ones(1, 3)).sum().mul(10).backward()
    return (nn.utils.clip_grad_norm_(m.parameters(), 1.0), m.weight.grad, nn.utils.clip_grad_norm_(m.parameters(), 0.5, norm_type="inf"))


def weight_norm_attrs():
    m = nn.utils.weight_norm(nn.Linear(3, 2))
    return (m.weight_g, m.weight_v, m(torch.ones(1, 3)))


def spectral_norm_forward():
    m = nn.utils.spectral_norm(nn.Linear(3, 2))
    return (m(torch.ones(1, 3)), m.weight_u, m.weight_v)


def sgd():
    return optim.SGD(nn.Linear(1, 1).parameters(), lr=1.5)


def plateau_states():
    s = optim.lr_scheduler.ReduceLROnPlateau(sgd())
    before = s.state_dict()
    s.step(1.5)
    return (before, s.state_dict())


def lambda_state():
    o = sgd()
    s = optim.lr_scheduler.LambdaLR(o, lambda e: 0.5)
    o.step()
    s.step()
    return s.state_dict()


CASES = {
    "adaptive_max_pool2d_indices": lambda: F.adaptive_max_pool2d(x25, 3, return_indices=True),
    "max_pool2d_indices": lambda: F.max_pool2d(x25, 2, return_indices=True),
    "maxpool2d_module_indices": lambda: nn.MaxPool2d(2, return_indices=True)(x25),
    "max_pool1d_indices": lambda: (F.max_pool1d(x10, 2, return_indices=True), F.adaptive_max_pool1d(x10, 3, return_indices=True)),
    "max_pool3d_indices": lambda: (F.max_pool3d(x64, 2, return_indices=True), F.adaptive_max_pool3d(x64, 1, return_indices=True)),
    "max_unpool2d": lambda: F.max_unpool2d(*F.max_pool2d(x25[..., :4, :4], 2, return_indices=True), 2),
    "hardswish": lambda: act_grad(F.hardswish),
    "hardsigmoid": lambda: act_grad(F.hardsigmoid),
    "log_softmax_dtype": lambda: F.log_softmax(p3, 1, dtype=torch.float64),
    "softmax_dtype": lambda: (F.softmax(p3, dim=1, dtype=torch.float64), F.softmin(p3, 0, dtype=torch.float64)),
    "softmax_int_dtype": lambda: F.softmax(torch.tensor([[1, 2]]), 1, dtype=torch.float32),
    "embedding_max_norm": seeded(embedding_max_norm),
    "embedding_norm_type": seeded(embedding_norm_type),
    "functional_embedding_max_norm": seeded(functional_embedding_max_norm),
    "embedding_bag_max_norm": seeded(embedding_bag_max_norm),
    "embedding_padding_row": seeded(lambda: nn.Embedding(4, 3, padding_idx=1).weight),
    "embedding_bag_grad_fn": seeded(lambda: nn.EmbeddingBag(5, 3)(torch.tensor([[1, 2], [4, 4]])).grad_fn.name()),
    "grad_fn_layers": seeded(grad_fn_layers),
    "grad_fn_activations": grad_fn_activations,
    "cosine_values": seeded(cosine_values),
    "cosine_grad": seeded(cosine_grad),
    "cosine_zero": lambda: (F.cosine_similarity(torch.zeros(2, 3), torch.ones(2, 3)), nn.CosineSimilarity(dim=0)(torch.ones(2, 3), torch.arange(6.0).view(2, 3))),
    "sparse_init": seeded(sparse_init),
    "clip_grad_norm_inf": seeded(clip_inf),
    "weight_norm_attrs": seeded(weight_norm_attrs),
    "spectral_norm_forward": seeded(spectral_norm_forward),
    "batch_sampler_keyword": lambda: list(BatchSampler(SequentialSampler(range(7)), 3, drop_last=False)),
    "steplr_state": lambda: optim.lr_scheduler.StepLR(sgd(), step_size=2, gamma=0.5).state_dict(),
    "cosine_lr_state": lambda: optim.lr_scheduler.CosineAnnealingLR(sgd(), 10).state_dict(),
    "exponential_state": lambda: optim.lr_scheduler.ExponentialLR(sgd(), 0.5).state_dict(),
    "plateau_states": plateau_states,
    "lambda_state": lambda_state,
    "interpolate_bicubic": lambda: F.interpolate(torch.arange(16.0).view(1, 1, 4, 4), size=(3, 5), mode="bicubic", align_corners=True),
    "avg_pool_ceil": lambda: F.avg_pool2d(x25, 3, stride=2, padding=1, ceil_mode=True),
    "cross_entropy_soft": lambda: F.cross_entropy(torch.tensor([[1.0, 2.0, 3.0], [1.0, 5.0, 0.0]]), torch.tensor([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])),
}

out = {"versions": {"torch": torch.__version__, "python": sys.version.split()[0]}}
for name, f in CASES.items():
    try:
        out[name] = {"print": str(f())}
    except Exception as e:  # noqa: BLE001 - the error is the reference
        out[name] = {"error": [type(e).__name__, str(e)]}
with open("nn_sweep.json", "w") as fp:
    json.dump(out, fp, indent=1, sort_keys=True)
    fp.write("\n")
