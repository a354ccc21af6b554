"""PyTorch 1.13 references for test/ops/accurate_math.test.ts: sin, cos and log1p in float32 where
tfjs-backend-wasm's own kernels are inaccurate (near multiples of pi/2, tiny arguments, log(1 + x)),
and the ops built on them (softplus, logsigmoid, binary_cross_entropy_with_logits, logaddexp, sinc);
sign of tiny values (tfjs-wasm's Sign is 0 below ~1e-6), exact fmod / remainder, cumsum and cumprod
accumulated in double as PyTorch's CPU kernels do, erfc's tail, and elu / hardsigmoid computed with
PyTorch's arithmetic.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes accurate_math.json.
Values are written with 9 significant digits, which round-trip float32 exactly; inputs are float32
values written the same way, so both sides read identical inputs.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


def f9(t):
    return [float("%.9g" % v) for v in t.detach().reshape(-1).tolist()]


ANGLES = torch.linspace(0, 2 * math.pi, 9)
ODD = torch.tensor([1e-30, -3e-6, 1e-7, 100.0, 1000.5, -50.25, 1e4, 3.14159274, -1.57079637, 4.71238899])
SMALL = torch.tensor([1e-7, 3e-8, -3e-6, 2e-4, 0.5, 10.0, -0.5, 1e-30, -0.999])
NEG = torch.tensor([-16.6, -10.0, -30.0, 0.0, 5.0, 25.0])
LOGITS = torch.tensor([20.5, -20.5, 17.25, -3.0])
TARGETS = torch.tensor([1.0, 0.0, 1.0, 0.0])

x = ANGLES.clone().requires_grad_()
gsin, = torch.autograd.grad(x.sin().sum(), x)
gcos, = torch.autograd.grad(x.cos().sum(), x)
s = SMALL.clone().requires_grad_()
glog1p, = torch.autograd.grad(s.log1p().sum(), s)

A = torch.tensor([-5.44, 1e-20, -3e-20, 7.5, -7.5, 5.0, 0.0, 100.25])
B = torch.tensor([-0.00214135, -3.06, 2.0, -2.0, 2.0, 0.3, 1.0, 0.1])
RAMP = torch.linspace(-10, 10, 2001)
TINY = torch.tensor([1e-7, -1e-12, 1e-20, 0.0, -0.0, 3.0, -2e-6])
xa = TINY.clone().requires_grad_()
gabs, = torch.autograd.grad(xa.abs().sum(), xa)

# create_graph through cumsum and remainder (their kernels carry gradients for tfjs's autodiff).
xc = torch.tensor([0.5, 1.2, -0.7], requires_grad=True)
gc, = torch.autograd.grad(torch.cumsum(xc.sin() * xc, 0).sum(), xc, create_graph=True)
hc, = torch.autograd.grad(gc.sum(), xc)
ar = torch.tensor([5.5, -3.25], requires_grad=True)
br = torch.tensor([2.0, 1.5], requires_grad=True)
gar, gbr = torch.autograd.grad(torch.remainder(ar * ar, br).sum(), [ar, br], create_graph=True)
har, = torch.autograd.grad(gar.sum() + gbr.sum(), ar)

ref = {
    "hograd_cumsum": [f9(gc), f9(hc)],
    "hograd_remainder": [f9(gar), f9(gbr), f9(har)],
    "A": f9(A), "B": f9(B), "tiny": f9(TINY), "ramp": f9(RAMP), "cumprod_in": f9(torch.linspace(0.9, 1.1, 101)),
    "fmod": f9(torch.fmod(A, B)),
    "remainder": f9(torch.remainder(A, B)),
    "fmod_scalar": f9(torch.fmod(A, 0.3)),
    "sign_tiny": f9(torch.sign(TINY)),
    "grad_abs_tiny": f9(gabs),
    "cumsum_ramp_last": f9(torch.cumsum(RAMP, 0)[-5:]),
    "cumsum_2d": f9(torch.cumsum(RAMP[:2000].reshape(40, 50), 1)[:, -1]),
    "cumprod": f9(torch.cumprod(torch.linspace(0.9, 1.1, 101), 0)[-3:]),
    "erfc": f9(torch.erfc(torch.tensor([3.92, 5.0, 9.0, -1.0, 0.5]))),
    "elu_tiny": f9(torch.nn.functional.elu(torch.tensor([-1e-6, -3e-7, -2.0]))),
    "hardsigmoid": f9(torch.nn.functional.hardsigmoid(torch.tensor([-2.99000025, -1.3, 0.7, 2.9]))),
    "angles": f9(ANGLES),
    "odd": f9(ODD),
    "small": f9(SMALL),
    "neg": f9(NEG),
    "logits": f9(LOGITS),
    "targets": f9(TARGETS),
    "sin_angles": f9(torch.sin(ANGLES)),
    "cos_angles": f9(torch.cos(ANGLES)),
    "sin_odd": f9(torch.sin(ODD)),
    "cos_odd": f9(torch.cos(ODD)),
    "str_sin_angles": str(torch.sin(ANGLES)),
    "str_cos_angles": str(torch.cos(ANGLES)),
    "log1p_small": f9(torch.log1p(SMALL)),
    "softplus_neg": f9(F.softplus(NEG)),
    "softplus_beta2_neg": f9(F.softplus(NEG, beta=2)),
    "logsigmoid_logits": f9(F.logsigmoid(LOGITS)),
    "bce_logits_none": f9(F.binary_cross_entropy_with_logits(LOGITS, TARGETS, reduction="none")),
    "logaddexp": f9(torch.logaddexp(LOGITS, -LOGITS)),
    "sinc": f9(torch.sinc(torch.tensor([1.0, 2.0, -3.0, 0.5, 0.0]))),
    "grad_sin_angles": f9(gsin),
    "grad_cos_angles": f9(gcos),
    "grad_log1p_small": f9(glog1p),
}
with open(os.path.join(HERE, "accurate_math.json"), "w") as fh:
    json.dump(ref, fh, indent=1)
    fh.write("\n")
