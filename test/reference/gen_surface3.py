"""PyTorch 1.13 references for test/fidelity/surface3.test.ts: PyTorch surface that ported snippets
use and torchlab lacked.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes surface3.json.
- promotion: torch.promote_types / torch.can_cast over every pair of the dtypes torchlab has, and
  torch.result_type over pairs of operands (tensors with dims, 0-d tensors, Python bool/int/float);
  the TypeErrors for bad arguments;
- parameter_containers: nn.ParameterList / nn.ParameterDict: names, state_dict keys, reprs, and one
  SGD step over them;
"""
import json
import os

import torch
import torch.nn as nn

from _common import enc, err

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)
out = {}


# ---- promotion -------------------------------------------------------------------------------
DTYPES = {"bool": torch.bool, "int32": torch.int32, "int64": torch.int64, "float32": torch.float32}
out["promote_types"] = {f"{a},{b}": str(torch.promote_types(x, y)) for a, x in DTYPES.items() for b, y in DTYPES.items()}
out["can_cast"] = {f"{a},{b}": torch.can_cast(x, y) for a, x in DTYPES.items() for b, y in DTYPES.items()}
# Operands named as the test rebuilds them: t_<dtype> a 1-d tensor, z_<dtype> a 0-d tensor, s_<value> a number.
OPS = {}
for n, d in DTYPES.items():
    OPS["t_" + n] = torch.ones(2, dtype=d)
    OPS["z_" + n] = torch.tensor(1, dtype=d)
OPS["s_true"] = True
OPS["s_3"] = 3
OPS["s_2.5"] = 2.5
out["result_type"] = {f"{a},{b}": str(torch.result_type(x, y)) for a, x in OPS.items() for b, y in OPS.items()}
out["promotion_errors"] = {
    "promote_types_int": err(lambda: torch.promote_types(torch.int32, 3)),
    "can_cast_str": err(lambda: torch.can_cast(torch.int32, "x")),
    "result_type_str": err(lambda: torch.result_type(torch.tensor(1), "a")),
}

# ---- parameter containers ---------------------------------------------------------------------
def containers():
    pl = nn.ParameterList([nn.Parameter(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])), torch.tensor([0.5, -1.0, 2.0])])
    pl.append(nn.Parameter(torch.tensor([3.0])))
    pl.extend([torch.tensor([1.0, 1.0])])
    pd = nn.ParameterDict({"shift": nn.Parameter(torch.tensor([1.0, -2.0])), "scale": torch.tensor([[2.0, 0.5]])})
    pd.update([("bias", nn.Parameter(torch.tensor([0.25])))])
    return pl, pd


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([1.0]))
        self.pl, self.pd = containers()

    def forward(self, x):
        y = self.pl[0] @ (x * self.w + self.pl[1])
        y = (y * self.pd["scale"][0, :1]).sum() + self.pl[2].sum() * self.pl[3].sum()
        return y + (self.pd["shift"] * self.pd["bias"]).sum()


net = Net()
pl1 = nn.ParameterList([nn.Parameter(torch.ones(2, 3))])
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for _ in range(2):
    opt.zero_grad()
    net(torch.tensor([1.0, -1.0, 2.0])).backward()
    opt.step()
out["parameter_containers"] = {
    "names": [n for n, _ in net.named_parameters()],
    "state_dict_keys": list(net.state_dict().keys()),
    "pd_keys": list(net.pd.keys()),
    "repr": str(net),
    "repr_one": str(pl1),
    "repr_empty": str(nn.ParameterList()),
    "repr_dict_empty": str(nn.ParameterDict()),
    "after_sgd": {n: enc(p) for n, p in net.named_parameters()},
    "errors": {
        "pl_index": err(lambda: net.pl[5]),
        "pd_key_type": err(lambda: net.pd.__setitem__(3, torch.ones(1))),
        "pd_missing": err(lambda: net.pd["zz"]),
    },
}

# ---- shifts, frexp, nextafter, renorm, histogram ------------------------------------------------
def bits(t):
    # float32 values bit for bit (nextafter's steps are below the 7 digits enc keeps).
    return t.contiguous().view(torch.int32).reshape(-1).tolist()


a64 = torch.tensor([-8, -1, 0, 1, 5, 7])
a32 = torch.tensor([-8, 3, 100, -100000], dtype=torch.int32)
s32 = torch.tensor([0, 31, 33, -1], dtype=torch.int32)
out["shifts"] = {
    "l64_2": enc(torch.bitwise_left_shift(a64, 2)),
    "r64_1": enc(torch.bitwise_right_shift(a64, 1)),
    "l64_t": enc(a64 << torch.tensor([0, 1, 2, 3, 20, 4])),
    "r64_t": enc(a64 >> torch.tensor([0, 1, 2, 3, 20, 4])),
    "l32_t": enc(torch.bitwise_left_shift(a32, s32)),
    "r32_t": enc(torch.bitwise_right_shift(a32, s32)),
    "l32_s": enc(torch.bitwise_left_shift(a32, 3)),
    "l_scalar_first": enc(torch.bitwise_left_shift(3, s32)),
    "l_bool": enc(torch.bitwise_left_shift(torch.tensor([True, False]), 1)),
    "r32_i64": enc(torch.bitwise_right_shift(a32, torch.tensor([1, 2, 3, 4]))),
    "err_float": err(lambda: torch.bitwise_left_shift(torch.tensor([1.5]), 1)),
    "err_float_other": err(lambda: torch.bitwise_right_shift(torch.tensor([4]), 1.5)),
    "err_bool": err(lambda: torch.tensor([True]) << torch.tensor([True])),
}

fx = torch.tensor([0.0, 1.0, -3.5, 1e-40, 8.0, float("inf"), float("nan"), -0.0, 0.1, -1e30, 0.75])
fm, fe = torch.frexp(fx)
xg = torch.tensor([3.0, -0.7, 10.0, 0.001], requires_grad=True)
m, e = torch.frexp(xg)
(m * torch.tensor([1.0, 2.0, -1.0, 0.5])).sum().backward()
out["frexp"] = {"x": bits(fx), "mantissa": bits(fm), "exponent": enc(fe), "grad_x": enc(torch.tensor([3.0, -0.7, 10.0, 0.001])), "grad": enc(xg.grad),
                "err_int": err(lambda: torch.frexp(torch.tensor([1, 2])))}

nx = torch.tensor([1.0, 1.0, 0.0, 0.0, -2.0, 3.0, float("inf"), float("nan"), 1e-45, 5.0])
ny = torch.tensor([2.0, 0.0, 1.0, -1.0, -3.0, 3.0, 0.0, 1.0, 0.0, float("inf")])
ng = torch.tensor([1.0, 2.0], requires_grad=True)
out["nextafter"] = {"x": bits(nx), "y": bits(ny), "out": bits(torch.nextafter(nx, ny)),
                    "broadcast": bits(torch.nextafter(torch.tensor([[1.0], [-1.0]]), torch.tensor([0.0, 2.0]))),
                    "err_int": err(lambda: torch.nextafter(torch.tensor([1, 2]), torch.tensor([3, 3]))),
                    "err_backward": err(lambda: torch.nextafter(ng, torch.tensor([3.0, 0.0])).sum().backward())}

rx = torch.tensor([[1.0, -2.0, 3.0], [0.1, 0.2, -0.1], [4.0, 0.0, -4.0], [0.5, 0.5, 0.5]])
ren = {}
for name, (p, dim, mx) in {"p2_d0_1": (2, 0, 1.0), "p1_d1_3": (1, 1, 3.0), "p3_d0_0.5": (3, 0, 0.5), "p2_dm1_2": (2, -1, 2.0)}.items():
    x = rx.clone().requires_grad_()
    y = torch.renorm(x, p, dim, mx)
    (y * torch.arange(12.0).reshape(4, 3).sin()).sum().backward()
    ren[name] = {"out": enc(y), "grad": enc(x.grad)}
x3 = torch.arange(24.0).reshape(2, 3, 4).cos()
ren["3d_d1"] = {"x": enc(x3), "out": enc(torch.renorm(x3, 2, 1, 1.5))}
ren["errors"] = {"maxnorm": err(lambda: torch.renorm(torch.ones(2, 2), 2, 0, -1)), "p": err(lambda: torch.renorm(torch.ones(2, 2), -1, 0, 1)),
                 "dim1": err(lambda: torch.renorm(torch.ones(2), 2, 0, 1))}
out["renorm"] = ren

hx = torch.tensor([0.5, 1.0, 1.2, 2.7, 3.0, -1.0, 2.0, 2.0, 0.0, 1.75])
hw = torch.tensor([1.0, 2.0, 0.5, 1.0, 1.0, 3.0, 1.0, 1.0, 2.0, 0.25])
hist = {}
for name, kw in {"b4": dict(bins=4), "b5_range": dict(bins=5, range=(0.0, 2.5)), "b3_w": dict(bins=3, weight=hw), "b4_density": dict(bins=4, density=True),
                 "edges": dict(bins=torch.tensor([-1.0, 0.0, 0.5, 2.0, 3.0])), "edges_w_density": dict(bins=torch.tensor([0.0, 1.0, 2.5]), weight=hw, density=True),
                 "b7": dict(bins=7), "const": dict(bins=4, x=torch.tensor([2.0, 2.0]))}.items():
    x = kw.pop("x", hx)
    h, edges = torch.histogram(x, **kw)
    hist[name] = {"hist": enc(h), "bin_edges": enc(edges)}
hist["errors"] = {"int": err(lambda: torch.histogram(torch.tensor([1, 2]), 3)), "bins": err(lambda: torch.histogram(torch.tensor([1.0, 2]), -1)),
                  "range": err(lambda: torch.histogram(torch.tensor([1.0, 2]), 3, range=(2.0, 1.0)))}
out["histogram"] = hist

# ---- select/slice/diagonal_scatter, index_reduce ------------------------------------------------
def grads(f, *xs, weight_seed=1):
    xs = [x.clone().requires_grad_() for x in xs]
    y = f(*xs)
    w = torch.arange(float(y.numel())).reshape(y.shape).cos()
    (y * w).sum().backward()
    return {"out": enc(y), "grads": [enc(x.grad) for x in xs]}


sx = torch.arange(24.0).reshape(2, 3, 4).sin()
sc = {
    "select_d1": grads(lambda x, s: torch.select_scatter(x, s, 1, -1), sx, torch.ones(2, 4) * 5),
    "select_d0": grads(lambda x, s: torch.select_scatter(x, s, 0, 1), sx, torch.arange(12.0).reshape(3, 4)),
    "slice_d2_step2": grads(lambda x, s: torch.slice_scatter(x, s, dim=2, start=1, step=2), sx, torch.full((2, 3, 2), 7.0)),
    # 1.13 (this build) computes a wrong slice size, or garbage strides, for other slice_scatter calls
    # (start/end given, or all defaults): the test checks those against narrow instead.
    "diag_2d": grads(lambda x, s: torch.diagonal_scatter(x, s), sx[0], torch.tensor([9.0, 8.0, 7.0])),
    "diag_off1": grads(lambda x, s: torch.diagonal_scatter(x, s, 1), sx[0], torch.tensor([9.0, 8.0, 7.0])),
    "diag_3d": grads(lambda x, s: torch.diagonal_scatter(x, s, -1, 1, 2), sx, torch.tensor([[1.0, 2.0], [3.0, 4.0]])),
    "select_int": enc(torch.select_scatter(torch.zeros(2, 2, dtype=torch.int64), torch.tensor([3, 4]), 1, 0)),
    "errors": {
        "select_size": err(lambda: torch.select_scatter(torch.zeros(3, 4), torch.ones(3), 0, 0)),
        "select_index": err(lambda: torch.select_scatter(torch.zeros(3, 4), torch.ones(4), 0, 5)),
        "diag_size": err(lambda: torch.diagonal_scatter(torch.zeros(3, 4), torch.ones(4))),
    },
}
ix = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [1.0, -1.0, 2.0]])
isrc = torch.tensor([[2.0, 0.5, 1.0], [3.0, 3.0, -2.0], [-1.0, 4.0, 0.5], [10.0, 1.0, 1.0], [0.25, 2.0, 2.0]])
iidx = torch.tensor([0, 2, 0, 3, 2])
ir = {}
for red in ["prod", "mean", "amax", "amin"]:
    for inc in [True, False]:
        ir[f"{red}_{str(inc).lower()}"] = grads(lambda x, s: torch.index_reduce(x, 0, iidx, s, red, include_self=inc), ix, isrc)
ir["amax_d1"] = grads(lambda x, s: torch.index_reduce(x, 1, torch.tensor([2, 0]), s, "amax"), ix, isrc[:4, :2])
ir["mean_int"] = enc(torch.index_reduce(torch.tensor([[4, 5], [6, 7]]), 0, torch.tensor([0, 0]), torch.tensor([[1, 2], [2, 2]]), "mean"))
ir["errors"] = {"sum": err(lambda: torch.index_reduce(torch.zeros(3, 4), 0, torch.tensor([0]), torch.ones(1, 4), "sum")),
                "count": err(lambda: torch.index_reduce(torch.zeros(3, 4), 0, torch.tensor([0, 1]), torch.ones(1, 4), "prod"))}
out["scatter_views"] = sc
out["index_reduce"] = ir

# ---- alpha_dropout, gumbel_softmax, in-place activations, TripletMarginWithDistanceLoss -----------
import torch.nn.functional as F  # noqa: E402

ad = {}
for p in [0.2, 0.5]:
    z = F.alpha_dropout(torch.zeros(20000), p, True)
    o = F.alpha_dropout(torch.ones(20000), p, True)
    torch.manual_seed(1)
    n = torch.randn(200000)
    y = F.alpha_dropout(n, p, True)
    xg = torch.full((20000,), 0.5, requires_grad=True)
    F.alpha_dropout(xg, p, True).sum().backward()
    ad[str(p)] = {"values_at_0": sorted(set(round(v, 6) for v in z.tolist())), "values_at_1": sorted(set(round(v, 6) for v in o.tolist())),
                  "drop_fraction": float((z == z.min()).float().mean()), "mean": float(y.mean()), "std": float(y.std()),
                  "grad_values": sorted(set(round(v, 6) for v in xg.grad.tolist()))}
ad["p1"] = enc(F.alpha_dropout(torch.tensor([1.0, -2.0]), 1.0, True))
ad["repr"] = str(nn.AlphaDropout(0.2))
ad["err_p"] = err(lambda: nn.AlphaDropout(1.5))
out["alpha_dropout"] = ad

gl = torch.tensor([[1.0, 0.5, -1.0, 2.0], [0.0, 0.0, 0.0, 0.0], [3.0, -2.0, 0.1, 0.2]])
out["gumbel_softmax"] = {"logits": enc(gl), "probs": enc(torch.softmax(gl, -1))}

ip = {}
xi = torch.tensor([-2.0, -0.5, 0.0, 0.3, 1.5, 3.0])
for name, f in {"leaky_relu_": lambda t: F.leaky_relu_(t, 0.2), "hardtanh_": lambda t: F.hardtanh_(t, -1.0, 2.0), "elu_": lambda t: F.elu_(t, 0.5),
                "threshold_": lambda t: F.threshold_(t, 0.2, -7.0)}.items():
    t = xi.clone()
    r = f(t)
    leaf = xi.clone().requires_grad_()
    y = leaf * 1.0
    f(y)
    (y * torch.arange(6.0)).sum().backward()
    ip[name] = {"out": enc(t), "same": r is t, "grad": enc(leaf.grad), "grad_fn": type(y.grad_fn).__name__,
                "err_leaf": err(lambda: f(xi.clone().requires_grad_()))}
out["inplace_activations"] = ip

ta = torch.tensor([[0.5, 1.0, -1.0], [2.0, 0.0, 1.0], [0.3, 0.3, 0.3], [-1.0, 2.0, 0.5]])
tp = torch.tensor([[0.4, 1.2, -0.8], [1.0, 0.5, 1.0], [2.0, -1.0, 0.0], [-1.0, 2.5, 0.5]])
tn = torch.tensor([[0.6, 0.9, -1.1], [-2.0, 1.0, 1.0], [0.3, 0.2, 0.4], [1.0, 1.0, 1.0]])
tw = {}
cos = lambda x, y: 1.0 - F.cosine_similarity(x, y)  # noqa: E731
for name, kw in {"default": {}, "cos_margin": dict(distance_function=cos, margin=0.5), "swap_sum": dict(swap=True, reduction="sum"),
                 "module_none": dict(distance_function=nn.PairwiseDistance(p=1), reduction="none", margin=2.0)}.items():
    xs = [t.clone().requires_grad_() for t in (ta, tp, tn)]
    loss = nn.TripletMarginWithDistanceLoss(**kw)
    y = loss(*xs)
    (y * torch.arange(float(y.numel())).reshape(y.shape).cos()).sum().backward()
    tw[name] = {"out": enc(y), "grads": [enc(x.grad) for x in xs], "repr": str(loss)}
tw["functional"] = enc(F.triplet_margin_with_distance_loss(ta, tp, tn, distance_function=cos, swap=True))
tw["margin0"] = enc(nn.TripletMarginWithDistanceLoss(margin=0)(ta, tp, tn))
# 1.13 checks neither the margin nor the dims: a 1-D negative broadcasts.
tw["broadcast"] = enc(F.triplet_margin_with_distance_loss(ta, tp, tn[0]))
out["triplet_distance"] = tw

# ---- small divergences --------------------------------------------------------------------------
import warnings  # noqa: E402

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    F.mse_loss(torch.ones(3, 1), torch.ones(3))
out["divergences"] = {
    "cumsum_bool": err(lambda: torch.cumsum(torch.tensor([1, 2]), 0, dtype=torch.bool)),
    "cumprod_bool": err(lambda: torch.cumprod(torch.tensor([1.5, 2.0]), 0, dtype=torch.bool)),
    "method_cumsum_bool": err(lambda: torch.tensor([1, 2]).cumsum(0, dtype=torch.bool)),
    "mse_warning": str(caught[0].message),
}

# ---- linalg: cholesky, eigh / eigvalsh ---------------------------------------------------------
torch.manual_seed(3)
B = torch.randn(2, 4, 4)
spd = (B @ B.transpose(-1, -2) + 0.5 * torch.eye(4)).contiguous()
la = {"spd": enc(spd)}
for upper in [False, True]:
    x = spd.clone().requires_grad_()
    L = torch.linalg.cholesky(x, upper=upper)
    (L * torch.arange(32.0).reshape(2, 4, 4).cos()).sum().backward()
    la[f"cholesky_upper_{str(upper).lower()}"] = {"out": enc(L), "grads": [enc(x.grad)]}
ns = torch.tensor([[2.0, -1.0, 0.5], [3.0, 1.0, 0.0], [0.5, 7.0, 4.0]])  # not symmetric: each triangle names another matrix
la["ns"] = enc(ns)
la["eigvalsh_L"] = enc(torch.linalg.eigvalsh(ns))
la["eigvalsh_U"] = enc(torch.linalg.eigvalsh(ns, UPLO="U"))
w, V = torch.linalg.eigh(spd)
la["eigh_w"] = enc(w)
la["eigh_V"] = enc(V)
la["errors"] = {
    "not_pd": err(lambda: torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))),
    "not_pd_batch": err(lambda: torch.linalg.cholesky(torch.stack([torch.eye(2), torch.tensor([[1.0, 2.0], [2.0, 1.0]])]))),
    "not_square": err(lambda: torch.linalg.cholesky(torch.ones(2, 3))),
    "one_dim": err(lambda: torch.linalg.cholesky(torch.ones(3))),
    "uplo": err(lambda: torch.linalg.eigh(torch.ones(2, 2), UPLO="X")),
}
qa = torch.randn(2, 5, 3)
la["qa"] = enc(qa)
la["qw"] = enc(qa.transpose(-1, -2).contiguous())
for mode in ["reduced", "complete", "r"]:
    Q, R = torch.linalg.qr(qa, mode=mode)
    la[f"qr_{mode}"] = {"Q": enc(Q), "R": enc(R)}
Q, R = torch.linalg.qr(qa.transpose(-1, -2).contiguous())
la["qr_wide"] = {"Q": enc(Q), "R": enc(R)}
la["svdvals"] = enc(torch.linalg.svdvals(qa))
la["svdvals_wide"] = enc(torch.linalg.svdvals(qa.transpose(-1, -2)))
la["errors"]["qr_mode"] = err(lambda: torch.linalg.qr(qa, mode="full"))
out["linalg"] = la

with open(os.path.join(HERE, "surface3.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
