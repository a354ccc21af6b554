#!/usr/bin/python3
"""Reference values for torch.nn (Module, containers, Linear, activations, dropout, flatten, losses,
init), from PyTorch (Debian's python3-torch 1.13).

Run with Debian's interpreter (the pyenv `python3` on PATH has no torch):

    /usr/bin/python3 test/reference/gen_nn.py

Module cases give a Python constructor and the TypeScript one that means the same in torchlab
(`nn` is torch.nn), the module's state_dict (parameters rounded to 4 decimals and written back, so
both sides hold the same float32 values), str(module), the inputs, the forward output, a fixed
random upstream gradient, and the gradients of the inputs and of every parameter. Loss cases do the
same for functional and module losses. Error cases record PyTorch's exception type and message, and
the fragment of it that torchlab's message must contain. Writes test/reference/nn_<group>.json.
"""
import json
import math
import os
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

from _common import ResBlock, enc

HERE = os.path.dirname(os.path.abspath(__file__))
rng = torch.Generator().manual_seed(2024)

def r4(t):
    return torch.round(t * 10000) / 10000


def randn(*shape, scale=1.0):
    return r4(torch.randn(tuple(shape), generator=rng) * scale)


def rand(*shape, lo=0.0, hi=1.0):
    return r4(torch.rand(*shape, generator=rng) * (hi - lo) + lo)


def randint(lo, hi, shape):
    return torch.randint(lo, hi, shape, generator=rng)


def canonical_params(m):
    """Overwrites every parameter with rounded random values (same values on both sides)."""
    with torch.no_grad():
        for _, p in m.named_parameters():
            p.copy_(randn(*p.shape, scale=0.5))


def outputs_of(out):
    return list(out) if isinstance(out, (tuple, list)) else [out]


def run_case(name, py, ts, inputs, grad_inputs=None, train=True):
    """py: a Python expression building the module; inputs: list of tensors (float ones get grads)."""
    m = eval(py)
    canonical_params(m)
    m.train(train)
    ins = [x.clone().requires_grad_(x.is_floating_point() and (grad_inputs is None or i in grad_inputs)) for i, x in enumerate(inputs)]
    out = m(*ins)
    outs = outputs_of(out)
    gs = [randn(*o.shape) for o in outs]
    total = sum((o * g).sum() for o, g in zip(outs, gs))
    if total.requires_grad:
        total.backward()
    return {
        "name": name,
        "py": py,
        "ts": ts,
        "repr": str(m),
        "state_dict": OrderedDict((k, enc(v)) for k, v in m.state_dict().items()),
        "inputs": [enc(x) for x in inputs],
        "outputs": [enc(o) for o in outs],
        "upstream": [enc(g) for g in gs],
        "input_grads": [enc(x.grad) if x.grad is not None else None for x in ins],
        "param_grads": OrderedDict((k, enc(p.grad)) for k, p in m.named_parameters() if p.grad is not None),
    }


def module_cases():
    C = []
    x24 = randn(2, 4)
    C.append(run_case("Linear(4,3)", "nn.Linear(4, 3)", "new nn.Linear(4, 3)", [x24]))
    C.append(run_case("Linear(4,3,bias=False)", "nn.Linear(4, 3, bias=False)", "new nn.Linear(4, 3, {bias: false})", [x24]))
    C.append(run_case("Linear 3-D input", "nn.Linear(4, 2)", "new nn.Linear(4, 2)", [randn(2, 3, 4)]))
    C.append(run_case("Linear 1-D input", "nn.Linear(4, 2)", "new nn.Linear(4, 2)", [randn(4)]))
    C.append(run_case("Linear(in_features=3, out_features=1)", "nn.Linear(in_features=3, out_features=1)", "new nn.Linear({in_features: 3, out_features: 1})", [randn(5, 3)]))
    C.append(run_case("Bilinear(3,4,2)", "nn.Bilinear(3, 4, 2)", "new nn.Bilinear(3, 4, 2)", [randn(5, 3), randn(5, 4)]))
    C.append(run_case("Identity", "nn.Identity(54, unused='x')", "new nn.Identity(54)", [randn(2, 3)]))
    xa = randn(3, 5, scale=2.0)
    for py, ts in [
        ("nn.ReLU()", "new nn.ReLU()"),
        ("nn.ReLU(True)", "new nn.ReLU(true)"),
        ("nn.ReLU(inplace=True)", "new nn.ReLU({inplace: true})"),
        ("nn.ReLU6()", "new nn.ReLU6()"),
        ("nn.Hardtanh(-0.5, 1.5)", "new nn.Hardtanh(-0.5, 1.5)"),
        ("nn.LeakyReLU()", "new nn.LeakyReLU()"),
        ("nn.LeakyReLU(0.2)", "new nn.LeakyReLU(0.2)"),
        ("nn.LeakyReLU(negative_slope=0.1, inplace=True)", "new nn.LeakyReLU({negative_slope: 0.1, inplace: true})"),
        ("nn.ELU()", "new nn.ELU()"),
        ("nn.ELU(alpha=0.5)", "new nn.ELU({alpha: 0.5})"),
        ("nn.Sigmoid()", "new nn.Sigmoid()"),
        ("nn.Tanh()", "new nn.Tanh()"),
        ("nn.LogSigmoid()", "new nn.LogSigmoid()"),
        ("nn.GELU()", "new nn.GELU()"),
        ("nn.GELU(approximate='tanh')", "new nn.GELU({approximate: 'tanh'})"),
        ("nn.SiLU()", "new nn.SiLU()"),
        ("nn.Softplus()", "new nn.Softplus()"),
        ("nn.Softplus(beta=2, threshold=3)", "new nn.Softplus({beta: 2, threshold: 3})"),
        ("nn.Softmax(dim=1)", "new nn.Softmax({dim: 1})"),
        ("nn.Softmax(0)", "new nn.Softmax(0)"),
        ("nn.LogSoftmax(dim=-1)", "new nn.LogSoftmax({dim: -1})"),
        ("nn.Softmin(1)", "new nn.Softmin(1)"),
    ]:
        if "nplace" in py or "True" in py:
            # In-place on a leaf that requires grad is an error in PyTorch; feed a computed tensor.
            py, ts = f"nn.Sequential(nn.Linear(5, 5), {py})", f"new nn.Sequential(new nn.Linear(5, 5), {ts})"
        C.append(run_case(py, py, ts, [xa]))
    x4 = randn(2, 3, 2, 2)
    C.append(run_case("Softmax(dim=1) 4-D", "nn.Softmax(dim=1)", "new nn.Softmax({dim: 1})", [x4]))
    C.append(run_case("Softmax() implicit dim 4-D", "nn.Softmax()", "new nn.Softmax()", [x4]))
    C.append(run_case("Flatten()", "nn.Flatten()", "new nn.Flatten()", [x4]))
    C.append(run_case("Flatten(0, 2)", "nn.Flatten(0, 2)", "new nn.Flatten(0, 2)", [x4]))
    C.append(run_case("Flatten(start_dim=2)", "nn.Flatten(start_dim=2)", "new nn.Flatten({start_dim: 2})", [x4]))
    C.append(run_case("Unflatten(1, (2, 3))", "nn.Unflatten(1, (2, 3))", "new nn.Unflatten(1, [2, 3])", [randn(4, 6)]))
    C.append(run_case("Unflatten(-1, (2, -1))", "nn.Unflatten(-1, (2, -1))", "new nn.Unflatten(-1, [2, -1])", [randn(4, 6)]))
    C.append(run_case("Dropout eval", "nn.Dropout(0.3)", "new nn.Dropout(0.3)", [xa], train=False))
    C.append(run_case("Dropout2d eval", "nn.Dropout2d()", "new nn.Dropout2d()", [x4], train=False))
    C.append(run_case("Dropout(p=0) train", "nn.Dropout(p=0.0)", "new nn.Dropout({p: 0.0})", [xa]))
    idx = torch.tensor([[1, 0, 3], [3, 4, 0]])
    C.append(run_case("Embedding(5, 3)", "nn.Embedding(5, 3)", "new nn.Embedding(5, 3)", [idx]))
    C.append(run_case("Embedding(5, 3, padding_idx=0)", "nn.Embedding(5, 3, padding_idx=0)", "new nn.Embedding(5, 3, {padding_idx: 0})", [idx]))
    C.append(run_case("Embedding padding_idx=-1", "nn.Embedding(5, 2, padding_idx=-1)", "new nn.Embedding(5, 2, {padding_idx: -1})", [torch.tensor([4, 2, 4, 1])]))
    C.append(run_case("LayerNorm(4)", "nn.LayerNorm(4)", "new nn.LayerNorm(4)", [randn(3, 4)]))
    C.append(run_case("LayerNorm([2, 3]) on 3-D", "nn.LayerNorm([2, 3], eps=1e-3)", "new nn.LayerNorm([2, 3], {eps: 1e-3})", [randn(2, 2, 3)]))
    C.append(run_case("LayerNorm no affine", "nn.LayerNorm(5, elementwise_affine=False)", "new nn.LayerNorm(5, {elementwise_affine: false})", [randn(2, 5)]))
    C.append(run_case(
        "Sequential(Linear, ReLU, Linear)",
        "nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))",
        "new nn.Sequential(new nn.Linear(4, 3), new nn.ReLU(), new nn.Linear(3, 2))",
        [randn(5, 4)],
    ))
    C.append(run_case(
        "Sequential(OrderedDict)",
        "nn.Sequential(OrderedDict([('fc1', nn.Linear(4, 3)), ('act', nn.Tanh()), ('fc2', nn.Linear(3, 2))]))",
        "new nn.Sequential({fc1: new nn.Linear(4, 3), act: new nn.Tanh(), fc2: new nn.Linear(3, 2)})",
        [randn(5, 4)],
    ))
    C.append(run_case(
        "tutorial Sequential(Linear(4,2), Linear(2,2))",
        "nn.Sequential(nn.Linear(4, 2), nn.Linear(2, 2))",
        "new nn.Sequential(new nn.Linear(4, 2), new nn.Linear(2, 2))",
        [randn(3, 4)],
    ))
    C.append(run_case(
        "MLP with Flatten, GELU, Dropout(eval), LogSoftmax",
        "nn.Sequential(nn.Flatten(), nn.Linear(8, 6), nn.GELU(), nn.Dropout(0.5), nn.Linear(6, 3), nn.LogSoftmax(dim=1))",
        "new nn.Sequential(new nn.Flatten(), new nn.Linear(8, 6), new nn.GELU(), new nn.Dropout(0.5), new nn.Linear(6, 3), new nn.LogSoftmax({dim: 1}))",
        [randn(4, 2, 2, 2)],
        train=False,
    ))
    return C


def loss_case(name, py, ts, inputs, grad_inputs=(0,)):
    """py/ts: expressions of a callable `(input, target, ...) -> loss` (a module or a lambda)."""
    fn = eval(py)
    ins = [x.clone().requires_grad_(i in grad_inputs and x.is_floating_point()) for i, x in enumerate(inputs)]
    out = fn(*ins)
    g = randn(*out.shape)
    if out.requires_grad:
        (out * g).sum().backward()
    return {
        "name": name,
        "py": py,
        "ts": ts,
        "repr": str(fn) if isinstance(fn, nn.Module) else None,
        "inputs": [enc(x) for x in inputs],
        "outputs": [enc(out)],
        "upstream": [enc(g)],
        "input_grads": [enc(x.grad) if x.grad is not None else None for x in ins],
    }


def loss_cases():
    C = []
    logits = randn(5, 4, scale=2.0)
    tgt = torch.tensor([0, 3, 1, 1, 2])
    tgt_ign = torch.tensor([0, -100, 1, 3, -100])
    tgt_ign2 = torch.tensor([0, 2, 1, 3, 2])
    w = rand(4, lo=0.2, hi=2.0)
    probs = torch.softmax(randn(5, 4), dim=1)
    probs = r4(probs)
    for red in ["mean", "sum", "none"]:
        C.append(loss_case(f"CrossEntropyLoss(reduction={red})", f"nn.CrossEntropyLoss(reduction='{red}')", f"new nn.CrossEntropyLoss({{reduction: '{red}'}})", [logits, tgt]))
        C.append(loss_case(f"CE weight {red}", f"nn.CrossEntropyLoss(weight=torch.tensor({w.tolist()}), reduction='{red}')", f"new nn.CrossEntropyLoss({{weight: torch.tensor({w.tolist()}), reduction: '{red}'}})", [logits, tgt]))
        C.append(loss_case(f"CE ignore_index -100 {red}", f"nn.CrossEntropyLoss(reduction='{red}')", f"new nn.CrossEntropyLoss({{reduction: '{red}'}})", [logits, tgt_ign]))
        C.append(loss_case(f"CE ignore_index=2 weight {red}", f"nn.CrossEntropyLoss(weight=torch.tensor({w.tolist()}), ignore_index=2, reduction='{red}')", f"new nn.CrossEntropyLoss({{weight: torch.tensor({w.tolist()}), ignore_index: 2, reduction: '{red}'}})", [logits, tgt_ign2]))
        C.append(loss_case(f"CE label_smoothing {red}", f"nn.CrossEntropyLoss(label_smoothing=0.1, reduction='{red}')", f"new nn.CrossEntropyLoss({{label_smoothing: 0.1, reduction: '{red}'}})", [logits, tgt]))
        C.append(loss_case(f"CE label_smoothing weight ignore {red}", f"nn.CrossEntropyLoss(weight=torch.tensor({w.tolist()}), label_smoothing=0.2, ignore_index=2, reduction='{red}')", f"new nn.CrossEntropyLoss({{weight: torch.tensor({w.tolist()}), label_smoothing: 0.2, ignore_index: 2, reduction: '{red}'}})", [logits, tgt_ign2]))
        C.append(loss_case(f"CE probabilities {red}", f"nn.CrossEntropyLoss(reduction='{red}')", f"new nn.CrossEntropyLoss({{reduction: '{red}'}})", [logits, probs]))
        C.append(loss_case(f"CE probabilities weight label_smoothing {red}", f"nn.CrossEntropyLoss(weight=torch.tensor({w.tolist()}), label_smoothing=0.15, reduction='{red}')", f"new nn.CrossEntropyLoss({{weight: torch.tensor({w.tolist()}), label_smoothing: 0.15, reduction: '{red}'}})", [logits, probs]))
        C.append(loss_case(f"NLLLoss {red}", f"nn.NLLLoss(reduction='{red}')", f"new nn.NLLLoss({{reduction: '{red}'}})", [torch.log_softmax(logits, 1), tgt]))
        C.append(loss_case(f"NLLLoss weight ignore {red}", f"nn.NLLLoss(weight=torch.tensor({w.tolist()}), ignore_index=1, reduction='{red}')", f"new nn.NLLLoss({{weight: torch.tensor({w.tolist()}), ignore_index: 1, reduction: '{red}'}})", [r4(torch.log_softmax(logits, 1)), tgt]))
    img_logits = randn(2, 3, 2, 3)
    img_t = randint(0, 3, (2, 2, 3))
    C.append(loss_case("CE 4-D (N,C,H,W)", "nn.CrossEntropyLoss()", "new nn.CrossEntropyLoss()", [img_logits, img_t]))
    C.append(loss_case("CE 4-D none", "nn.CrossEntropyLoss(reduction='none')", "new nn.CrossEntropyLoss({reduction: 'none'})", [img_logits, img_t]))
    C.append(loss_case("CE 4-D label_smoothing weight", "nn.CrossEntropyLoss(weight=torch.tensor([0.5, 1.0, 2.0]), label_smoothing=0.1)", "new nn.CrossEntropyLoss({weight: torch.tensor([0.5, 1.0, 2.0]), label_smoothing: 0.1})", [img_logits, img_t]))
    C.append(loss_case("CE 3-D (N,C,L)", "nn.CrossEntropyLoss()", "new nn.CrossEntropyLoss()", [randn(2, 3, 4), randint(0, 3, (2, 4))]))
    C.append(loss_case("CE 4-D probabilities", "nn.CrossEntropyLoss()", "new nn.CrossEntropyLoss()", [img_logits, r4(torch.softmax(randn(2, 3, 2, 3), 1))]))
    img_t_ign = img_t.clone()
    img_t_ign[0, 0, 1] = -100
    img_t_ign[1, 1, 2] = -100
    C.append(loss_case("CE 4-D ignore_index weight", "nn.CrossEntropyLoss(weight=torch.tensor([0.5, 1.0, 2.0]))", "new nn.CrossEntropyLoss({weight: torch.tensor([0.5, 1.0, 2.0])})", [img_logits, img_t_ign]))
    C.append(loss_case("NLL 4-D weight ignore sum", "nn.NLLLoss(weight=torch.tensor([0.5, 1.0, 2.0]), reduction='sum')", "new nn.NLLLoss({weight: torch.tensor([0.5, 1.0, 2.0]), reduction: 'sum'})", [r4(torch.log_softmax(img_logits, 1)), img_t_ign]))
    C.append(loss_case("CE 1-D probabilities", "nn.CrossEntropyLoss(label_smoothing=0.05)", "new nn.CrossEntropyLoss({label_smoothing: 0.05})", [randn(4), r4(torch.softmax(randn(4), 0))]))
    C.append(loss_case("CE 3-D label_smoothing none", "nn.CrossEntropyLoss(label_smoothing=0.3, reduction='none')", "new nn.CrossEntropyLoss({label_smoothing: 0.3, reduction: 'none'})", [randn(2, 3, 4), randint(0, 3, (2, 4))]))
    C.append(loss_case("CE 1-D input, 0-d target", "nn.CrossEntropyLoss()", "new nn.CrossEntropyLoss()", [randn(4), torch.tensor(2)]))
    C.append(loss_case("F.cross_entropy", "lambda x, t: F.cross_entropy(x, t)", "(x, t) => F.cross_entropy(x, t)", [logits, tgt]))
    C.append(loss_case("F.cross_entropy positional weight", f"lambda x, t: F.cross_entropy(x, t, torch.tensor({w.tolist()}))", f"(x, t) => F.cross_entropy(x, t, torch.tensor({w.tolist()}))", [logits, tgt]))
    C.append(loss_case("F.nll_loss(log_softmax)", "lambda x, t: F.nll_loss(F.log_softmax(x, dim=1), t)", "(x, t) => F.nll_loss(F.log_softmax(x, {dim: 1}), t)", [logits, tgt]))
    C.append(loss_case("CE size_average=False (legacy)", "nn.CrossEntropyLoss(size_average=False)", "new nn.CrossEntropyLoss({size_average: false})", [logits, tgt]))
    a = randn(3, 4)
    b = randn(3, 4)
    for red in ["mean", "sum", "none"]:
        C.append(loss_case(f"MSELoss {red}", f"nn.MSELoss(reduction='{red}')", f"new nn.MSELoss({{reduction: '{red}'}})", [a, b], grad_inputs=(0, 1)))
        C.append(loss_case(f"L1Loss {red}", f"nn.L1Loss(reduction='{red}')", f"new nn.L1Loss({{reduction: '{red}'}})", [a, b], grad_inputs=(0, 1)))
        C.append(loss_case(f"SmoothL1Loss {red}", f"nn.SmoothL1Loss(reduction='{red}', beta=0.5)", f"new nn.SmoothL1Loss({{reduction: '{red}', beta: 0.5}})", [a, b]))
        C.append(loss_case(f"HuberLoss {red}", f"nn.HuberLoss(reduction='{red}', delta=0.7)", f"new nn.HuberLoss({{reduction: '{red}', delta: 0.7}})", [a, b]))
    C.append(loss_case("MSELoss broadcast target", "nn.MSELoss()", "new nn.MSELoss()", [randn(3, 1), randn(3)]))
    C.append(loss_case("F.mse_loss", "lambda x, t: F.mse_loss(x, t)", "(x, t) => F.mse_loss(x, t)", [a, b]))
    C.append(loss_case("F.l1_loss sum", "lambda x, t: F.l1_loss(x, t, reduction='sum')", "(x, t) => F.l1_loss(x, t, {reduction: 'sum'})", [a, b]))
    p = rand(3, 4, lo=0.02, hi=0.98)
    t01 = rand(3, 4)
    tbin = torch.randint(0, 2, (3, 4), generator=rng).float()
    bw = rand(4, lo=0.5, hi=1.5)
    for red in ["mean", "sum", "none"]:
        C.append(loss_case(f"BCELoss {red}", f"nn.BCELoss(reduction='{red}')", f"new nn.BCELoss({{reduction: '{red}'}})", [p, t01]))
        C.append(loss_case(f"BCELoss weight {red}", f"nn.BCELoss(weight=torch.tensor({bw.tolist()}), reduction='{red}')", f"new nn.BCELoss({{weight: torch.tensor({bw.tolist()}), reduction: '{red}'}})", [p, tbin]))
        C.append(loss_case(f"BCEWithLogitsLoss {red}", f"nn.BCEWithLogitsLoss(reduction='{red}')", f"new nn.BCEWithLogitsLoss({{reduction: '{red}'}})", [randn(3, 4, scale=3.0), t01]))
        C.append(loss_case(f"BCEWithLogitsLoss pos_weight weight {red}", f"nn.BCEWithLogitsLoss(weight=torch.tensor({bw.tolist()}), pos_weight=torch.tensor([1.0, 2.0, 3.0, 0.5]), reduction='{red}')", f"new nn.BCEWithLogitsLoss({{weight: torch.tensor({bw.tolist()}), pos_weight: torch.tensor([1.0, 2.0, 3.0, 0.5]), reduction: '{red}'}})", [randn(3, 4, scale=3.0), tbin]))
    C.append(loss_case("BCE at 0 and 1", "nn.BCELoss()", "new nn.BCELoss()", [torch.tensor([0.0, 1.0, 0.5, 1.0]), torch.tensor([0.0, 1.0, 1.0, 0.0])], grad_inputs=()))
    C.append(loss_case("BCEWithLogits large logits", "nn.BCEWithLogitsLoss()", "new nn.BCEWithLogitsLoss()", [torch.tensor([-100.0, 100.0, 30.0, -30.0, 0.0]), torch.tensor([1.0, 0.0, 1.0, 0.0, 0.5])]))
    C.append(loss_case("F.binary_cross_entropy(sigmoid)", "lambda x, t: F.binary_cross_entropy(torch.sigmoid(x), t)", "(x, t) => F.binary_cross_entropy(torch.sigmoid(x), t)", [randn(3, 4), t01]))
    lp = r4(torch.log_softmax(randn(3, 4), 1))
    tp = probs[:3]
    C.append(loss_case("KLDivLoss batchmean", "nn.KLDivLoss(reduction='batchmean')", "new nn.KLDivLoss({reduction: 'batchmean'})", [lp, tp]))
    C.append(loss_case("KLDivLoss sum log_target", "nn.KLDivLoss(reduction='sum', log_target=True)", "new nn.KLDivLoss({reduction: 'sum', log_target: true})", [lp, r4(torch.log(tp))]))
    return C


def functional_cases():
    """Functional activations and helpers: (name, py lambda, ts lambda, inputs)."""
    C = []
    x = randn(3, 4, scale=2.0)
    specs = [
        ("F.relu", "lambda x: F.relu(x)", "(x) => F.relu(x)"),
        ("F.leaky_relu(0.1)", "lambda x: F.leaky_relu(x, 0.1)", "(x) => F.leaky_relu(x, 0.1)"),
        ("F.leaky_relu default", "lambda x: F.leaky_relu(x)", "(x) => F.leaky_relu(x)"),
        ("F.elu", "lambda x: F.elu(x, alpha=0.7)", "(x) => F.elu(x, {alpha: 0.7})"),
        ("F.gelu", "lambda x: F.gelu(x)", "(x) => F.gelu(x)"),
        ("F.gelu tanh", "lambda x: F.gelu(x, approximate='tanh')", "(x) => F.gelu(x, {approximate: 'tanh'})"),
        ("F.silu", "lambda x: F.silu(x)", "(x) => F.silu(x)"),
        ("F.softplus", "lambda x: F.softplus(x, beta=0.5, threshold=2)", "(x) => F.softplus(x, {beta: 0.5, threshold: 2})"),
        ("F.sigmoid", "lambda x: F.sigmoid(x)", "(x) => F.sigmoid(x)"),
        ("F.tanh", "lambda x: F.tanh(x)", "(x) => F.tanh(x)"),
        ("F.relu6", "lambda x: F.relu6(x * 3)", "(x) => F.relu6(x.mul(3))"),
        ("F.hardtanh", "lambda x: F.hardtanh(x, -0.5, 0.5)", "(x) => F.hardtanh(x, -0.5, 0.5)"),
        ("F.logsigmoid", "lambda x: F.logsigmoid(x)", "(x) => F.logsigmoid(x)"),
        ("F.softmax dim=1", "lambda x: F.softmax(x, dim=1)", "(x) => F.softmax(x, {dim: 1})"),
        ("F.softmax dim=0", "lambda x: F.softmax(x, 0)", "(x) => F.softmax(x, 0)"),
        ("F.log_softmax dim=1", "lambda x: F.log_softmax(x, dim=1)", "(x) => F.log_softmax(x, {dim: 1})"),
        ("F.softmin", "lambda x: F.softmin(x, dim=1)", "(x) => F.softmin(x, {dim: 1})"),
        ("F.dropout eval", "lambda x: F.dropout(x, p=0.5, training=False)", "(x) => F.dropout(x, {p: 0.5, training: false})"),
        ("F.linear", "lambda x: F.linear(x, torch.tensor([[0.1, -0.2, 0.3, 0.5], [1.0, 0.5, -0.5, 0.25]]), torch.tensor([0.5, -1.0]))",
         "(x) => F.linear(x, torch.tensor([[0.1, -0.2, 0.3, 0.5], [1.0, 0.5, -0.5, 0.25]]), torch.tensor([0.5, -1.0]))"),
        ("F.linear no bias", "lambda x: F.linear(x, torch.tensor([[0.1, -0.2, 0.3, 0.5]]))", "(x) => F.linear(x, torch.tensor([[0.1, -0.2, 0.3, 0.5]]))"),
    ]
    for name, py, ts in specs:
        C.append(loss_case(name, py, ts, [x]))
    C.append(loss_case("F.normalize", "lambda x: F.normalize(x)", "(x) => F.normalize(x)", [x]))
    C.append(loss_case("F.normalize p=1 dim=0", "lambda x: F.normalize(x, p=1, dim=0)", "(x) => F.normalize(x, {p: 1, dim: 0})", [x]))
    C.append(loss_case("F.layer_norm", "lambda x: F.layer_norm(x, (4,), torch.tensor([1.0, 2.0, 0.5, -1.0]), torch.tensor([0.1, 0.2, 0.3, 0.4]))",
                       "(x) => F.layer_norm(x, [4], torch.tensor([1.0, 2.0, 0.5, -1.0]), torch.tensor([0.1, 0.2, 0.3, 0.4]))", [x]))
    C.append(loss_case("F.embedding", "lambda w: F.embedding(torch.tensor([[0, 2], [2, 1]]), w)", "(w) => F.embedding(torch.tensor([[0, 2], [2, 1]]), w)", [randn(3, 4)]))
    C.append(loss_case("F.embedding padding_idx", "lambda w: F.embedding(torch.tensor([0, 2, 2, 1]), w, padding_idx=2)", "(w) => F.embedding(torch.tensor([0, 2, 2, 1]), w, {padding_idx: 2})", [randn(3, 4)]))
    C.append(loss_case("F.one_hot", "lambda t: F.one_hot(t)", "(t) => F.one_hot(t)", [torch.tensor([0, 3, 1, 2])], grad_inputs=()))
    C.append(loss_case("F.one_hot num_classes=5 2-D", "lambda t: F.one_hot(t, num_classes=5)", "(t) => F.one_hot(t, {num_classes: 5})", [torch.tensor([[0, 3], [1, 4]])], grad_inputs=()))
    C.append(loss_case("F.one_hot 0-d", "lambda t: F.one_hot(t, 3)", "(t) => F.one_hot(t, 3)", [torch.tensor(1)], grad_inputs=()))
    return C


def error_case(name, py, ts, fragment):
    try:
        eval(py)
    except Exception as e:  # noqa: BLE001 - recording whatever PyTorch raises
        msg = str(e)
        assert fragment in msg, f"{name}: fragment {fragment!r} not in PyTorch's message {msg!r}"
        return {"name": name, "py": py, "ts": ts, "py_type": type(e).__name__, "py_message": msg, "fragment": fragment}
    raise AssertionError(f"{name}: PyTorch raised nothing")


def error_cases():
    E = []
    E.append(error_case("Linear input width", "nn.Linear(4, 2)(torch.zeros(2, 3))", "new nn.Linear(4, 2)(torch.zeros(2, 3))", "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x2)"))
    E.append(error_case("Linear 3-D input width", "nn.Linear(4, 2)(torch.zeros(5, 2, 3))", "new nn.Linear(4, 2)(torch.zeros(5, 2, 3))", "mat1 and mat2 shapes cannot be multiplied (10x3 and 4x2)"))
    E.append(error_case("Linear negative in_features", "nn.Linear(-1, 2)", "new nn.Linear(-1, 2)", "negative dimension -1"))
    E.append(error_case("F.linear shapes", "F.linear(torch.zeros(2, 5), torch.zeros(3, 4))", "F.linear(torch.zeros(2, 5), torch.zeros(3, 4))", "mat1 and mat2 shapes cannot be multiplied (2x5 and 4x3)"))
    E.append(error_case("bad reduction", "nn.CrossEntropyLoss(reduction='avg')(torch.zeros(2, 3), torch.tensor([0, 1]))", "new nn.CrossEntropyLoss({reduction: 'avg'})(torch.zeros(2, 3), torch.tensor([0, 1]))", "avg is not a valid value for reduction"))
    E.append(error_case("bad reduction F.mse_loss", "F.mse_loss(torch.zeros(2), torch.zeros(2), reduction='bogus')", "F.mse_loss(torch.zeros(2), torch.zeros(2), {reduction: 'bogus'})", "bogus is not a valid value for reduction"))
    E.append(error_case("CE float target of wrong shape", "F.cross_entropy(torch.zeros(3, 4), torch.zeros(3))", "F.cross_entropy(torch.zeros(3, 4), torch.zeros(3))", "expected scalar type Long but found Float"))
    E.append(error_case("CE int probabilities", "F.cross_entropy(torch.zeros(3, 4), torch.zeros(3, 4, dtype=torch.long))", "F.cross_entropy(torch.zeros(3, 4), torch.zeros([3, 4], {dtype: torch.long}))", "Expected floating point type for target with class probabilities, got Long"))
    E.append(error_case("CE batch mismatch", "F.cross_entropy(torch.zeros(3, 4), torch.zeros(2, dtype=torch.long))", "F.cross_entropy(torch.zeros(3, 4), torch.zeros([2], {dtype: torch.long}))", "Expected input batch_size (3) to match target batch_size (2)."))
    E.append(error_case("CE target out of bounds", "F.cross_entropy(torch.zeros(2, 4), torch.tensor([1, 4]))", "F.cross_entropy(torch.zeros(2, 4), torch.tensor([1, 4]))", "Target 4 is out of bounds."))
    E.append(error_case("CE 2-D target for 2-D input", "F.cross_entropy(torch.zeros(2, 4), torch.zeros(2, 3, dtype=torch.long))", "F.cross_entropy(torch.zeros(2, 4), torch.zeros([2, 3], {dtype: torch.long}))", "0D or 1D target tensor expected, multi-target not supported"))
    E.append(error_case("CE 3-D target size", "F.cross_entropy(torch.zeros(2, 4, 5), torch.zeros(2, 6, dtype=torch.long))", "F.cross_entropy(torch.zeros(2, 4, 5), torch.zeros([2, 6], {dtype: torch.long}))", "Expected target size [2, 5], got [2, 6]"))
    E.append(error_case("CE weight size", "F.cross_entropy(torch.zeros(2, 4), torch.tensor([1, 0]), weight=torch.ones(3))", "F.cross_entropy(torch.zeros(2, 4), torch.tensor([1, 0]), {weight: torch.ones(3)})", "weight tensor should be defined either for all 4 classes or no classes but got weight tensor of shape: [3]"))
    E.append(error_case("CE ignore_index with probabilities", "F.cross_entropy(torch.zeros(2, 4), torch.zeros(2, 4), ignore_index=1)", "F.cross_entropy(torch.zeros(2, 4), torch.zeros(2, 4), {ignore_index: 1})", "ignore_index is not supported for floating point target"))
    E.append(error_case("CE label_smoothing > 1", "F.cross_entropy(torch.zeros(2, 4), torch.tensor([1, 0]), label_smoothing=1.5)", "F.cross_entropy(torch.zeros(2, 4), torch.tensor([1, 0]), {label_smoothing: 1.5})", "label_smoothing must be between 0.0 and 1.0. Got: 1.5"))
    E.append(error_case("CE 1-D input with 1-D target", "F.cross_entropy(torch.zeros(4), torch.tensor([1]))", "F.cross_entropy(torch.zeros(4), torch.tensor([1]))", "size mismatch (got input: [4], target: [1])"))
    E.append(error_case("CE bool target", "F.cross_entropy(torch.zeros(3, 4), torch.tensor([True, False, True]))", "F.cross_entropy(torch.zeros(3, 4), torch.tensor([true, false, true]))", "expected scalar type Long but found Bool"))
    E.append(error_case("NLL negative target", "F.nll_loss(torch.zeros(3, 4), torch.tensor([-1, 0, 1]))", "F.nll_loss(torch.zeros(3, 4), torch.tensor([-1, 0, 1]))", "Target -1 is out of bounds."))
    E.append(error_case("Unflatten two -1", "nn.Unflatten(1, (-1, -1))(torch.zeros(3, 8))", "new nn.Unflatten(1, [-1, -1])(torch.zeros(3, 8))", "only one dimension can be inferred"))
    E.append(error_case("Flatten start after end", "nn.Flatten(2, 1)(torch.zeros(3, 4, 5))", "new nn.Flatten(2, 1)(torch.zeros(3, 4, 5))", "cannot come after end_dim"))
    E.append(error_case("Softmax dim out of range", "nn.Softmax(dim=2)(torch.zeros(3))", "new nn.Softmax({dim: 2})(torch.zeros(3))", "Dimension out of range (expected to be in range of [-1, 0], but got 2)"))
    E.append(error_case("one_hot empty without num_classes", "F.one_hot(torch.tensor([], dtype=torch.long))", "F.one_hot(torch.tensor([]).long())", "Can not infer total number of classes from empty tensor."))
    E.append(error_case("GELU bad approximate", "nn.GELU('x')(torch.zeros(2))", "new nn.GELU('x')(torch.zeros(2))", "approximate argument must be either none or tanh."))
    E.append(error_case("Linear input 1-D width", "nn.Linear(4, 2)(torch.zeros(3))", "new nn.Linear(4, 2)(torch.zeros(3))", "mat1 and mat2 shapes cannot be multiplied (1x3 and 4x2)"))
    E.append(error_case("BCE weight shape", "F.binary_cross_entropy(torch.zeros(3) + 0.5, torch.zeros(3), weight=torch.ones(2))", "F.binary_cross_entropy(torch.zeros(3).add(0.5), torch.zeros(3), {weight: torch.ones(2)})", "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"))
    E.append(error_case("Embedding index out of range", "nn.Embedding(5, 3)(torch.tensor([5]))", "new nn.Embedding(5, 3)(torch.tensor([5]))", "index out of range in self"))
    E.append(error_case("Embedding float indices", "F.embedding(torch.tensor([1.5]), torch.zeros(5, 3))", "F.embedding(torch.tensor([1.5]), torch.zeros(5, 3))", "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int"))
    E.append(error_case("Embedding padding_idx range", "nn.Embedding(5, 3, padding_idx=7)", "new nn.Embedding(5, 3, {padding_idx: 7})", "Padding_idx must be within num_embeddings"))
    E.append(error_case("layer_norm shape", "F.layer_norm(torch.zeros(2, 3), (4,))", "F.layer_norm(torch.zeros(2, 3), [4])", "Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]"))
    E.append(error_case("NLL float target", "F.nll_loss(torch.zeros(3, 4), torch.zeros(3))", "F.nll_loss(torch.zeros(3, 4), torch.zeros(3))", "expected scalar type Long but found Float"))
    E.append(error_case("BCE target size", "F.binary_cross_entropy(torch.zeros(3), torch.zeros(3, 1))", "F.binary_cross_entropy(torch.zeros(3), torch.zeros(3, 1))", "that is different to the input size"))
    E.append(error_case("BCE input out of range", "F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0]))", "F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0]))", "all elements of input should be between 0 and 1"))
    E.append(error_case("BCEWithLogits target size", "F.binary_cross_entropy_with_logits(torch.zeros(3), torch.zeros(4))", "F.binary_cross_entropy_with_logits(torch.zeros(3), torch.zeros(4))", "must be the same as input size"))
    E.append(error_case("MSE non-broadcastable", "F.mse_loss(torch.zeros(3), torch.zeros(4))", "F.mse_loss(torch.zeros(3), torch.zeros(4))", "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0"))
    E.append(error_case("dropout p", "nn.Dropout(1.5)", "new nn.Dropout(1.5)", "dropout probability has to be between 0 and 1, but got 1.5"))
    E.append(error_case("F.dropout p", "F.dropout(torch.zeros(2), -0.1)", "F.dropout(torch.zeros(2), -0.1)", "dropout probability has to be between 0 and 1, but got -0.1"))
    E.append(error_case("one_hot float", "F.one_hot(torch.zeros(3))", "F.one_hot(torch.zeros(3))", "one_hot is only applicable to index tensor"))
    E.append(error_case("one_hot too small num_classes", "F.one_hot(torch.tensor([0, 3]), 3)", "F.one_hot(torch.tensor([0, 3]), 3)", "Class values must be smaller than num_classes."))
    E.append(error_case("one_hot negative", "F.one_hot(torch.tensor([0, -1]))", "F.one_hot(torch.tensor([0, -1]))", "Class values must be non-negative."))
    E.append(error_case("Unflatten sizes", "nn.Unflatten(1, (2, 4))(torch.zeros(3, 6))", "new nn.Unflatten(1, [2, 4])(torch.zeros(3, 6))", "don't multiply up to the size of dim 1 (6) in the input tensor"))
    E.append(error_case("calculate_gain unknown", "nn.init.calculate_gain('swish')", "nn.init.calculate_gain('swish')", "Unsupported nonlinearity swish"))
    E.append(error_case("kaiming bad mode", "nn.init.kaiming_uniform_(torch.zeros(3, 4), mode='fan_avg')", "nn.init.kaiming_uniform_(torch.zeros(3, 4), {mode: 'fan_avg'})", "Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']"))
    E.append(error_case("xavier 1-D", "nn.init.xavier_uniform_(torch.zeros(3))", "nn.init.xavier_uniform_(torch.zeros(3))", "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"))
    E.append(error_case("Module without forward", "nn.Module()(torch.zeros(1))", "new nn.Module()(torch.zeros(1))", 'Module [Module] is missing the required "forward" function'))
    E.append(error_case("ModuleList forward", "nn.ModuleList([nn.ReLU()])(torch.zeros(1))", "new nn.ModuleList([new nn.ReLU()])(torch.zeros(1))", 'Module [ModuleList] is missing the required "forward" function'))
    E.append(error_case("Sequential index", "nn.Sequential(nn.ReLU())[3]", "new nn.Sequential(new nn.ReLU()).get(3)", "index 3 is out of range"))
    E.append(error_case("register_buffer non-tensor", "nn.Module().register_buffer('b', 3)", "new nn.Module().register_buffer('b', 3)", "object to buffer 'b'"))
    E.append(error_case("register_buffer dotted name", "nn.Module().register_buffer('a.b', torch.zeros(1))", "new nn.Module().register_buffer('a.b', torch.zeros(1))", 'contain "', ))
    E.append(error_case("register_parameter tensor", "nn.Module().register_parameter('w', torch.zeros(1))", "new nn.Module().register_parameter('w', torch.zeros(1))", "object to parameter 'w'"))
    E.append(error_case("add_module existing attribute", "nn.Linear(2, 2).add_module('forward', nn.ReLU())", "new nn.Linear(2, 2).add_module('forward', new nn.ReLU())", "attribute 'forward' already exists"))
    E.append(error_case("train non-bool", "nn.ReLU().train('yes')", "new nn.ReLU().train('yes')", "training mode is expected to be boolean"))
    return E


def load_state_dict_cases():
    """load_state_dict messages: model and checkpoint built from the same Python/TS pairs."""
    cases = []

    def case(name, model_py, model_ts, sd_py, sd_ts, strict=True):
        model = eval(model_py)
        sd = eval(sd_py)
        try:
            r = model.load_state_dict(sd, strict=strict)
            cases.append({"name": name, "model_ts": model_ts, "sd_ts": sd_ts, "strict": strict, "error": None,
                          "missing_keys": r.missing_keys, "unexpected_keys": r.unexpected_keys})
        except Exception as e:  # noqa: BLE001
            cases.append({"name": name, "model_ts": model_ts, "sd_ts": sd_ts, "strict": strict, "error": type(e).__name__, "message": str(e)})

    seq_py = "nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))"
    seq_ts = "new nn.Sequential(new nn.Linear(4, 3), new nn.ReLU(), new nn.Linear(3, 2))"
    case("exact", seq_py, seq_ts, seq_py + ".state_dict()", seq_ts + ".state_dict()")
    case("missing key", seq_py, seq_ts, "{k: v for k, v in %s.state_dict().items() if k != '2.bias'}" % seq_py,
         "Object.fromEntries(Object.entries(%s.state_dict()).filter(([k]) => k !== '2.bias'))" % seq_ts)
    case("missing and unexpected", seq_py, seq_ts,
         "dict(list({k: v for k, v in %s.state_dict().items() if k != '0.weight'}.items()) + [('3.weight', torch.zeros(2)), ('extra', torch.zeros(1))])" % seq_py,
         "Object.assign(Object.fromEntries(Object.entries(%s.state_dict()).filter(([k]) => k !== '0.weight')), {'3.weight': torch.zeros(2), extra: torch.zeros(1)})" % seq_ts)
    case("missing and unexpected, strict=False", seq_py, seq_ts,
         "dict(list({k: v for k, v in %s.state_dict().items() if k != '0.weight'}.items()) + [('3.weight', torch.zeros(2)), ('extra', torch.zeros(1))])" % seq_py,
         "Object.assign(Object.fromEntries(Object.entries(%s.state_dict()).filter(([k]) => k !== '0.weight')), {'3.weight': torch.zeros(2), extra: torch.zeros(1)})" % seq_ts, strict=False)
    case("size mismatch", "nn.Sequential(nn.Linear(4, 3))", "new nn.Sequential(new nn.Linear(4, 3))",
         "nn.Sequential(nn.Linear(4, 2)).state_dict()", "new nn.Sequential(new nn.Linear(4, 2)).state_dict()")
    case("size mismatch, strict=False", "nn.Sequential(nn.Linear(4, 3))", "new nn.Sequential(new nn.Linear(4, 3))",
         "nn.Sequential(nn.Linear(4, 2)).state_dict()", "new nn.Sequential(new nn.Linear(4, 2)).state_dict()", strict=False)
    case("size mismatch and missing", "nn.Sequential(nn.Linear(4, 3), nn.Linear(3, 1))", "new nn.Sequential(new nn.Linear(4, 3), new nn.Linear(3, 1))",
         "nn.Sequential(nn.Linear(4, 2)).state_dict()", "new nn.Sequential(new nn.Linear(4, 2)).state_dict()")
    case("non-tensor value", "nn.Linear(2, 1)", "new nn.Linear(2, 1)", "{'weight': 3, 'bias': torch.zeros(1)}", "{weight: 3, bias: torch.zeros(1)}")
    case("loss weight buffer", "nn.CrossEntropyLoss(weight=torch.ones(3))", "new nn.CrossEntropyLoss({weight: torch.ones(3)})", "{}", "{}")
    return cases


def repr_cases():
    R = []

    def rc(py, ts):
        R.append({"py": py, "ts": ts, "repr": str(eval(py))})

    rc("nn.Linear(4, 2)", "new nn.Linear(4, 2)")
    rc("nn.Linear(4, 2, bias=False)", "new nn.Linear(4, 2, false)")
    rc("nn.Sequential(nn.Linear(4, 2), nn.Linear(2, 2))", "new nn.Sequential(new nn.Linear(4, 2), new nn.Linear(2, 2))")
    rc("nn.Sequential()", "new nn.Sequential()")
    rc("nn.Sequential(nn.Flatten(), nn.Sequential(nn.Linear(8, 4), nn.ReLU(True)), nn.Dropout(0.25), nn.LogSoftmax(dim=1))",
       "new nn.Sequential(new nn.Flatten(), new nn.Sequential(new nn.Linear(8, 4), new nn.ReLU(true)), new nn.Dropout(0.25), new nn.LogSoftmax({dim: 1}))")
    rc("nn.ModuleList([nn.Linear(2, 2), nn.Tanh()])", "new nn.ModuleList([new nn.Linear(2, 2), new nn.Tanh()])")
    rc("nn.ModuleDict({'cls': nn.Linear(8, 10), 'act': nn.Sigmoid()})", "new nn.ModuleDict({cls: new nn.Linear(8, 10), act: new nn.Sigmoid()})")
    for py, ts in [
        ("nn.ReLU()", "new nn.ReLU()"), ("nn.ReLU(inplace=True)", "new nn.ReLU({inplace: true})"),
        ("nn.ReLU6()", "new nn.ReLU6()"), ("nn.Hardtanh()", "new nn.Hardtanh()"), ("nn.Hardtanh(-2.5, 2.0, True)", "new nn.Hardtanh(-2.5, 2, true)"),
        ("nn.LeakyReLU()", "new nn.LeakyReLU()"), ("nn.LeakyReLU(0.2, True)", "new nn.LeakyReLU(0.2, true)"),
        ("nn.ELU()", "new nn.ELU()"), ("nn.ELU(alpha=0.5)", "new nn.ELU({alpha: 0.5})"),
        ("nn.Sigmoid()", "new nn.Sigmoid()"), ("nn.Tanh()", "new nn.Tanh()"), ("nn.LogSigmoid()", "new nn.LogSigmoid()"),
        ("nn.GELU()", "new nn.GELU()"), ("nn.GELU('tanh')", "new nn.GELU('tanh')"),
        ("nn.SiLU()", "new nn.SiLU()"), ("nn.SiLU(inplace=True)", "new nn.SiLU(true)"),
        ("nn.Softplus()", "new nn.Softplus()"), ("nn.Softplus(beta=0.5, threshold=10)", "new nn.Softplus({beta: 0.5, threshold: 10})"),
        ("nn.Softmax()", "new nn.Softmax()"), ("nn.Softmax(dim=1)", "new nn.Softmax({dim: 1})"), ("nn.LogSoftmax(-1)", "new nn.LogSoftmax(-1)"),
        ("nn.Softmin(dim=0)", "new nn.Softmin({dim: 0})"),
        ("nn.Dropout()", "new nn.Dropout()"), ("nn.Dropout(p=0.2, inplace=True)", "new nn.Dropout({p: 0.2, inplace: true})"),
        ("nn.Dropout2d(0.3)", "new nn.Dropout2d(0.3)"), ("nn.Dropout1d(0.1)", "new nn.Dropout1d(0.1)"),
        ("nn.Flatten()", "new nn.Flatten()"), ("nn.Flatten(0, 2)", "new nn.Flatten(0, 2)"),
        ("nn.Unflatten(1, (2, 5, 5))", "new nn.Unflatten(1, [2, 5, 5])"), ("nn.Unflatten(0, (4,))", "new nn.Unflatten(0, [4])"),
        ("nn.Identity()", "new nn.Identity()"),
        ("nn.Embedding(10, 3)", "new nn.Embedding(10, 3)"), ("nn.Embedding(10, 3, padding_idx=0)", "new nn.Embedding(10, 3, {padding_idx: 0})"),
        ("nn.LayerNorm(4)", "new nn.LayerNorm(4)"), ("nn.LayerNorm([2, 3], elementwise_affine=False)", "new nn.LayerNorm([2, 3], {elementwise_affine: false})"), ("nn.Bilinear(3, 4, 2)", "new nn.Bilinear(3, 4, 2)"),
        ("nn.CrossEntropyLoss()", "new nn.CrossEntropyLoss()"), ("nn.NLLLoss()", "new nn.NLLLoss()"),
        ("nn.MSELoss()", "new nn.MSELoss()"), ("nn.L1Loss()", "new nn.L1Loss()"), ("nn.BCELoss()", "new nn.BCELoss()"),
        ("nn.BCEWithLogitsLoss(pos_weight=torch.ones(3))", "new nn.BCEWithLogitsLoss({pos_weight: torch.ones(3)})"),
        ("nn.SmoothL1Loss()", "new nn.SmoothL1Loss()"), ("nn.HuberLoss()", "new nn.HuberLoss()"), ("nn.KLDivLoss()", "new nn.KLDivLoss()"),
    ]:
        rc(py, ts)
    return R


class ResNet(ResBlock):
    """The tutorial's ResNet block, under the tutorial's name (its repr prints it)."""


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3), nn.ReLU(True), nn.Linear(3, 2))
        self.register_buffer("steps", torch.zeros(1))
        self.register_buffer("scratch", torch.zeros(2), persistent=False)
        self.head = nn.ModuleDict({"b": nn.Linear(2, 1), "a": nn.Linear(2, 1)})
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x):
        return self.net(x) * self.scale


class TutorialNet(nn.Module):
    """The tutorial's Sequential net, as written (its Conv2d makes 35 channels, its BatchNorm2d expects 32)."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 35, 5, 1, 1), nn.MaxPool2d(2, 2), nn.ReLU(True), nn.BatchNorm2d(32),
            nn.Conv2d(32, 64, 3, 1, 1), nn.ReLU(True), nn.BatchNorm2d(64),
        )

    def forward(self, x):
        return self.net(x)


def structure_cases():
    """Names and key order of parameters, buffers, state_dict and modules, and reprs of custom modules."""
    out = {}
    for name, m in [("resnet_block_1_2", ResNet(1, 2)), ("resnet_block_2_2", ResNet(2, 2)), ("net", Net()), ("tutorial_net", TutorialNet())]:
        out[name] = {
            "repr": str(m),
            "named_parameters": [[k, list(p.shape)] for k, p in m.named_parameters()],
            "named_buffers": [[k, list(b.shape)] for k, b in m.named_buffers()],
            "state_dict": [[k, list(v.shape)] for k, v in m.state_dict().items()],
            "named_modules": [[k, type(v).__name__] for k, v in m.named_modules()],
            "named_children": [[k, type(v).__name__] for k, v in m.named_children()],
        }
    # The tutorial's shape checks for the block.
    blk = ResNet(1, 2)
    out["resnet_block_1_2"]["output_shape"] = list(blk(torch.rand(2, 1, 5, 5)).shape)
    try:
        TutorialNet()(torch.rand(1, 1, 28, 28))
    except RuntimeError as e:
        out["tutorial_net"]["forward_error"] = str(e)
    return out


def init_cases():
    gains = []
    for args in [("linear",), ("conv2d",), ("sigmoid",), ("tanh",), ("relu",), ("leaky_relu",), ("leaky_relu", 0.2), ("selu",), ("conv_transpose2d",)]:
        gains.append({"args": list(args), "gain": nn.init.calculate_gain(*args)})
    fans = []
    for shape in [[3, 4], [6, 3, 5, 5], [8, 2, 3], [10, 20]]:
        fi, fo = nn.init._calculate_fan_in_and_fan_out(torch.zeros(*shape))
        fans.append({"shape": shape, "fan_in": fi, "fan_out": fo})
    # Bounds (uniform) and standard deviations (normal) of the initialisations, from PyTorch's formulas.
    dist = []
    torch.manual_seed(0)

    def record(name, ts, shape, kind, param, fn):
        t = torch.empty(*shape)
        fn(t)
        dist.append({"name": name, "ts": ts, "shape": shape, "kind": kind, "param": param,
                     "py_min": float(t.min()), "py_max": float(t.max()), "py_std": float(t.std()), "py_mean": float(t.mean())})

    shape = [64, 32, 3, 3]
    fan_in = 32 * 9
    fan_out = 64 * 9
    g = math.sqrt(2.0 / (1 + 5))
    record("kaiming_uniform_ a=sqrt(5)", "(t) => nn.init.kaiming_uniform_(t, {a: Math.sqrt(5)})", shape, "uniform", g * math.sqrt(3.0 / fan_in), lambda t: nn.init.kaiming_uniform_(t, a=math.sqrt(5)))
    record("kaiming_uniform_ relu fan_out", "(t) => nn.init.kaiming_uniform_(t, {mode: 'fan_out', nonlinearity: 'relu'})", shape, "uniform", math.sqrt(2.0) * math.sqrt(3.0 / fan_out), lambda t: nn.init.kaiming_uniform_(t, mode="fan_out", nonlinearity="relu"))
    record("kaiming_normal_", "(t) => nn.init.kaiming_normal_(t)", shape, "normal", math.sqrt(2.0 / (1 + 0.0)) / math.sqrt(fan_in), lambda t: nn.init.kaiming_normal_(t))
    record("kaiming_normal_ fan_out relu", "(t) => nn.init.kaiming_normal_(t, 0, 'fan_out', 'relu')", shape, "normal", math.sqrt(2.0) / math.sqrt(fan_out), lambda t: nn.init.kaiming_normal_(t, 0, "fan_out", "relu"))
    record("xavier_uniform_", "(t) => nn.init.xavier_uniform_(t)", shape, "uniform", math.sqrt(6.0 / (fan_in + fan_out)), lambda t: nn.init.xavier_uniform_(t))
    record("xavier_uniform_ gain", "(t) => nn.init.xavier_uniform_(t, nn.init.calculate_gain('tanh'))", shape, "uniform", 5.0 / 3 * math.sqrt(6.0 / (fan_in + fan_out)), lambda t: nn.init.xavier_uniform_(t, nn.init.calculate_gain("tanh")))
    record("xavier_normal_", "(t) => nn.init.xavier_normal_(t, {gain: 2})", shape, "normal", 2 * math.sqrt(2.0 / (fan_in + fan_out)), lambda t: nn.init.xavier_normal_(t, gain=2))
    record("uniform_", "(t) => nn.init.uniform_(t, -0.3, 0.7)", shape, "uniform_ab", [-0.3, 0.7], lambda t: nn.init.uniform_(t, -0.3, 0.7))
    record("normal_", "(t) => nn.init.normal_(t, {mean: 1, std: 0.02})", shape, "normal_ms", [1, 0.02], lambda t: nn.init.normal_(t, mean=1, std=0.02))
    record("trunc_normal_", "(t) => nn.init.trunc_normal_(t, {std: 0.5, a: -0.6, b: 0.6})", shape, "trunc", [0, 0.5, -0.6, 0.6], lambda t: nn.init.trunc_normal_(t, std=0.5, a=-0.6, b=0.6))
    # Default initialisation of Linear: weight and bias ranges.
    lin = nn.Linear(300, 200)
    dist.append({"name": "Linear(300, 200) default init", "ts": None, "shape": [200, 300], "kind": "linear_default", "param": 1 / math.sqrt(300),
                 "py_min": float(lin.weight.min()), "py_max": float(lin.weight.max()), "py_std": float(lin.weight.std()), "py_mean": float(lin.weight.mean()),
                 "bias_min": float(lin.bias.min()), "bias_max": float(lin.bias.max())})
    return {"gains": gains, "fans": fans, "dist": dist}


def utils_cases():
    """clip_grad_norm_ / clip_grad_value_ on fixed gradients."""
    grads = [randn(3, 4), randn(4), randn(2, 2, 2)]
    out = []
    for max_norm, norm_type in [(1.0, 2.0), (100.0, 2.0), (0.5, 1.0), (0.3, float("inf")), (2.0, 3.0)]:
        ps = [torch.zeros(g.shape, requires_grad=True) for g in grads]
        for p, g in zip(ps, grads):
            p.grad = g.clone()
        total = nn.utils.clip_grad_norm_(ps, max_norm, norm_type)
        out.append({"fn": "clip_grad_norm_", "max_norm": max_norm, "norm_type": "inf" if norm_type == float("inf") else norm_type,
                    "grads": [enc(g) for g in grads], "total": enc(total), "clipped": [enc(p.grad) for p in ps]})
    ps = [torch.zeros(g.shape, requires_grad=True) for g in grads]
    for p, g in zip(ps, grads):
        p.grad = g.clone()
    nn.utils.clip_grad_value_(ps, 0.4)
    out.append({"fn": "clip_grad_value_", "clip_value": 0.4, "grads": [enc(g) for g in grads], "clipped": [enc(p.grad) for p in ps]})
    return out


def main():
    groups = {
        "modules": module_cases(),
        "losses": loss_cases(),
        "functional": functional_cases(),
        "errors": error_cases(),
        "load_state_dict": load_state_dict_cases(),
        "repr": repr_cases(),
        "structure": structure_cases(),
        "init": init_cases(),
        "utils": utils_cases(),
    }
    for g, data in groups.items():
        path = os.path.join(HERE, f"nn_{g}.json")
        with open(path, "w") as f:
            json.dump(data, f, indent=None, separators=(",", ":"))
            f.write("\n")
        print(f"{path}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
