"""PyTorch 1.13 references for test/fidelity/fidelity2.test.ts: more places where torchlab differed
from PyTorch without an error.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes fidelity2.json. Each case
is a literal PyTorch snippet whose torchlab port sits in the test under the same name:
- reduce_dtype: sum/prod/cumsum/cumprod/nansum result dtypes, with and without `dtype=`;
- int_dtypes: gcd/lcm on int32, searchsorted/bucketize out_int32, randint_like's dtype and range;
- index_errors: the error class and text for float (and, where 1.13 refuses it, int32) index tensors;
  index_ok: the ops that take an int32 index;
- grad_fn: the node names of in-place shape ops and other common ops;
- rnn: nn.RNN/LSTM/GRU positional constructor arguments (reprs, or the error);
- lbfgs: an LBFGS run stopped after some steps, saved with state_dict() and resumed in a new
  optimizer through load_state_dict(), against the uninterrupted run.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from _common import enc, num

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)


def enc2(t):
    # float64 results keep their dtype; torchlab holds their values in float32 (compared within float32's tolerance).
    return enc(t)


def xi():
    return torch.tensor([[1, 2], [3, 4]], dtype=torch.int32)


def xl():
    return torch.tensor([[1, 2], [3, 4]])


def xb():
    return torch.tensor([True, False, True])


def xf():
    return torch.tensor([1.5, 2.0, 3.0])


def xn():
    return torch.tensor([1.5, float("nan"), 3.0])


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the class is what is recorded
        return [type(e).__name__, str(e)]
    raise AssertionError("expected an error")


# ---------------------------------------------------------------- reductions and dtype=
reduce_dtype = {
    "sum_int32": enc2(torch.sum(xi())),
    "sum_bool": enc2(torch.sum(xb())),
    "sum_int32_dtype_float32": enc2(torch.sum(xi(), dtype=torch.float32)),
    "sum_float_dtype_float64": enc2(torch.sum(xf(), dtype=torch.float64)),
    "sum_float_dtype_int32": enc2(torch.sum(xf(), dtype=torch.int32)),
    "sum_dim_dtype": enc2(torch.sum(xi(), 1, dtype=torch.float32)),
    "sum_int32_dtype_bool": enc2(torch.sum(xi(), dtype=torch.bool)),
    "method_sum_keepdim_dtype": enc2(xi().sum(0, keepdim=True, dtype=torch.int32)),
    "method_sum_bool_dtype_int32": enc2(xb().sum(dtype=torch.int32)),
    "prod_int32": enc2(torch.prod(xi())),
    "prod_bool": enc2(torch.prod(xb())),
    "prod_float_dtype_int32": enc2(torch.prod(xf(), dtype=torch.int32)),
    "prod_dim_dtype": enc2(torch.prod(xf(), 0, dtype=torch.int32)),
    "method_prod_dim_dtype": enc2(xi().prod(1, dtype=torch.float32)),
    "cumsum_int32": enc2(torch.cumsum(xi(), 0)),
    "cumsum_bool": enc2(torch.cumsum(xb(), 0)),
    "cumsum_int32_dtype_int32": enc2(torch.cumsum(xi(), 0, dtype=torch.int32)),
    "method_cumsum_float_dtype_int32": enc2(xf().cumsum(0, dtype=torch.int32)),
    "method_cumsum_dtype_float32": enc2(xi().cumsum(1, dtype=torch.float32)),
    "cumprod_int32": enc2(torch.cumprod(xi(), 1)),
    "cumprod_bool": enc2(torch.cumprod(xb(), 0)),
    "cumprod_float_dtype_int64": enc2(torch.cumprod(xf(), 0, dtype=torch.int64)),
    "method_cumprod_dtype_float32": enc2(xl().cumprod(1, dtype=torch.float32)),
    "nansum_bool": enc2(torch.nansum(xb())),
    "nansum_int64": enc2(torch.nansum(xl())),
    "nansum_float": enc2(torch.nansum(xn())),
    "nansum_float_dtype_float64": enc2(torch.nansum(xn(), dtype=torch.float64)),
    "method_nansum_dim": enc2(xn().view(1, 3).nansum(1)),
}
reduce_dtype.update({
    "nansum_int32": enc2(torch.nansum(xi())),
    "nansum_int32_dtype_int32": enc2(torch.nansum(xi(), 0, dtype=torch.int32)),
})
reduce_errors = {
    "nansum_float_dtype_int32": err(lambda: torch.nansum(xf(), dtype=torch.int32)),
    "nansum_float_dtype_int64": err(lambda: xf().nansum(dtype=torch.int64)),
}
w = torch.tensor([1.0, float("nan"), 2.0], requires_grad=True)
torch.nansum(w * 3).backward()
reduce_grads = {"nansum": enc(w.grad)}

# ---------------------------------------------------------------- integer results
a32 = torch.tensor([12, 18, -8, 0], dtype=torch.int32)
b32 = torch.tensor([8, 27, 6, 5], dtype=torch.int32)
seq = torch.tensor([1.0, 2.0, 3.0])
vals = torch.tensor([0.5, 2.0, 2.5, 9.0])
int_dtypes = {
    "gcd_int32": enc(torch.gcd(a32, b32)),
    "lcm_int32": enc(torch.lcm(a32, b32)),
    "gcd_int64": enc(torch.gcd(a32.long(), b32.long())),
    "gcd_int32_int64": enc(torch.gcd(a32, b32.long())),
    "method_lcm_int32": enc(a32.lcm(b32)),
    "searchsorted": enc(torch.searchsorted(seq, vals)),
    "searchsorted_out_int32": enc(torch.searchsorted(seq, vals, out_int32=True)),
    "searchsorted_out_int32_right": enc(torch.searchsorted(seq, vals, out_int32=True, right=True)),
    "bucketize_out_int32": enc(torch.bucketize(vals, seq, out_int32=True)),
}


def like(t):
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape)}


randint_like = {
    "high": like(torch.randint_like(torch.zeros(2, 3), 5)) | {"low": 0, "high": 5},
    "low_high": like(torch.randint_like(torch.zeros(2, 3), 2, 5)) | {"low": 2, "high": 5},
    "int32_input": like(torch.randint_like(torch.zeros(4, dtype=torch.int32), 7)) | {"low": 0, "high": 7},
    "dtype": like(torch.randint_like(torch.zeros(4), 3, 9, dtype=torch.int64)) | {"low": 3, "high": 9},
    "keyword_high": like(torch.randint_like(torch.zeros(4), high=4)) | {"low": 0, "high": 4},
}

# ---------------------------------------------------------------- index dtypes
xe = xf()
lg = torch.tensor([[0.1, -0.4, 0.9], [1.2, 0.3, -0.7]])
i_f = torch.tensor([0.0, 1.0])
i_32 = torch.tensor([0, 1], dtype=torch.int32)
emb_w = torch.arange(6.0).view(3, 2)


def setitem(i):
    x = xf()
    x[i] = 1.0


index_errors = {}
for tag, i in (("float", i_f), ("int32", i_32)):
    index_errors.update({
        f"gather_{tag}": err(lambda: torch.gather(xe, 0, i)),
        f"method_gather_{tag}": err(lambda: xe.gather(0, i)),
        f"scatter_{tag}": err(lambda: torch.scatter(xe, 0, i, xe)),
        f"scatter_value_{tag}": err(lambda: torch.scatter(xe, 0, i, 1.0)),
        f"method_scatter__{tag}": err(lambda: xf().scatter_(0, i, xe)),
        f"scatter_add_{tag}": err(lambda: torch.scatter_add(xe, 0, i, xe)),
        f"method_scatter_add__{tag}": err(lambda: xf().scatter_add_(0, i, xe)),
        f"take_{tag}": err(lambda: torch.take(xe, i)),
        f"take_along_dim_{tag}": err(lambda: torch.take_along_dim(xe, i)),
        f"take_along_dim_dim_{tag}": err(lambda: torch.take_along_dim(xe.view(1, 3), i.view(1, 2), 1)),
        f"index_put__{tag}": err(lambda: xf().index_put_((i,), torch.tensor(1.0))),
        f"getitem_{tag}": err(lambda: xe[i]),
        f"setitem_{tag}": err(lambda: setitem(i)),
        f"cross_entropy_{tag}": err(lambda: F.cross_entropy(lg, i)),
        f"CrossEntropyLoss_{tag}": err(lambda: nn.CrossEntropyLoss()(lg, i)),
        f"nll_loss_{tag}": err(lambda: F.nll_loss(lg, i)),
        f"one_hot_{tag}": err(lambda: F.one_hot(i)),
        f"index_copy__{tag}": err(lambda: xf().index_copy_(0, i, xe[:2])),
        f"index_fill__{tag}": err(lambda: xf().index_fill_(0, i, 0.0)),
        f"put__{tag}": err(lambda: xf().put_(i, xe[:2])),
    })
index_errors.update({
    "index_select_float": err(lambda: xe.index_select(0, i_f)),
    "index_add__float": err(lambda: xf().index_add_(0, i_f, xe[:2])),
    "index_add_float": err(lambda: torch.index_add(xe, 0, i_f, xe[:2])),
    "embedding_float": err(lambda: F.embedding(i_f, emb_w)),
})
def embedding_module():
    e = nn.Embedding(3, 2)
    with torch.no_grad():
        e.weight.copy_(emb_w)
    return e


index_ok = {
    "index_select_int32": enc(xe.index_select(0, i_32)),
    "index_add__int32": enc(xf().index_add_(0, i_32, xe[:2])),
    "embedding_int32": enc(F.embedding(i_32, emb_w)),
    "Embedding_int32": enc(embedding_module()(i_32)),
    "cross_entropy_probabilities": enc(F.cross_entropy(lg, torch.softmax(lg.flip(1), 1))),
}

# ---------------------------------------------------------------- grad_fn names
ops = {
    "t_": lambda a: a.t_(),
    "transpose_": lambda a: a.transpose_(0, 1),
    "swapaxes_": lambda a: a.swapaxes_(0, 1),
    "swapdims_": lambda a: a.swapdims_(0, 1),
    "squeeze_": lambda a: a.unsqueeze(0).squeeze_(),
    "squeeze__dim": lambda a: a.unsqueeze(0).squeeze_(0),
    "unsqueeze_": lambda a: a.unsqueeze_(0),
    "relu_": lambda a: a.relu_(),
    "add_": lambda a: a.add_(1),
    "add__tensor": lambda a: a.add_(torch.ones(3, 4)),
    "mul_": lambda a: a.mul_(2),
    "sub_": lambda a: a.sub_(1),
    "div_": lambda a: a.div_(2),
    "clamp_": lambda a: a.clamp_(0, 1),
    "clamp__min": lambda a: a.clamp_(min=0),
    "sigmoid_": lambda a: a.sigmoid_(),
    "tanh_": lambda a: a.tanh_(),
    "exp_": lambda a: a.exp_(),
    "pow_": lambda a: a.pow_(2),
    "fill_": lambda a: a.fill_(1),
    "zero_": lambda a: a.zero_(),
    "neg_": lambda a: a.neg_(),
    "abs_": lambda a: a.abs_(),
    "sqrt_": lambda a: a.abs().sqrt_(),
    "floor_": lambda a: a.floor_(),
    "masked_fill_": lambda a: a.masked_fill_(a > 0, 0.0),
    "copy_": lambda a: a.copy_(torch.ones(3, 4)),
    "swapaxes": lambda a: a.swapaxes(0, 1),
    "transpose": lambda a: a.transpose(0, 1),
    "t": lambda a: a.t(),
    "squeeze": lambda a: a.unsqueeze(0).squeeze(),
    "squeeze_dim": lambda a: a.unsqueeze(0).squeeze(0),
    "sum": lambda a: a.sum(),
    "sum_dim": lambda a: a.sum(0),
    "sum_dtype": lambda a: a.sum(dtype=torch.float32),
    "cumsum": lambda a: a.cumsum(0),
    "prod": lambda a: a.prod(),
    "prod_dim": lambda a: a.prod(0),
    "cumprod": lambda a: a.cumprod(0),
    "nansum": lambda a: a.nansum(),
    "nansum_dim": lambda a: a.nansum(1),
    "gather": lambda a: a.gather(0, torch.zeros(2, 4, dtype=torch.long)),
    "take": lambda a: a.take(torch.tensor([0, 1])),
    "index": lambda a: a[torch.tensor([0, 1])],
    "index_select": lambda a: a.index_select(0, torch.tensor([0, 1])),
    "clone": lambda a: a.clone(),
    "flatten": lambda a: a.flatten(),
    "view": lambda a: a.view(-1),
    "reshape": lambda a: a.reshape(-1),
}
grad_fn = {}
for k, f in ops.items():
    a = torch.randn(3, 4, requires_grad=True) * 1
    grad_fn[k] = type(f(a).grad_fn).__name__

# ---------------------------------------------------------------- RNN constructors
rnn = {}
for ts, make in [
    ("new nn.RNN(10, 20, 2, true, true)", lambda: nn.RNN(10, 20, 2, True, True)),
    ("new nn.RNN(10, 20, 2, false)", lambda: nn.RNN(10, 20, 2, False)),
    ("new nn.RNN(10, 20, 2, true, true, 0.5, true)", lambda: nn.RNN(10, 20, 2, True, True, 0.5, True)),
    ("new nn.RNN(10, 20, 2, true, true, 0.5, true, {nonlinearity: 'relu'})", lambda: nn.RNN(10, 20, 2, True, True, 0.5, True, nonlinearity="relu")),
    ("new nn.RNN(10, 20, 2, 'tanh', true, true)", lambda: nn.RNN(10, 20, 2, "tanh", True, True)),
    ("new nn.LSTM(10, 20, 2, true, true)", lambda: nn.LSTM(10, 20, 2, True, True)),
    ("new nn.LSTM(10, 20, 2, true, true, 0.5, true, 5)", lambda: nn.LSTM(10, 20, 2, True, True, 0.5, True, 5)),
    ("new nn.GRU(10, 20, 2, true, true, 0.0, true)", lambda: nn.GRU(10, 20, 2, True, True, 0.0, True)),
    ("new nn.GRU(10, 20, 2, 'tanh', true, true)", lambda: nn.GRU(10, 20, 2, "tanh", True, True)),
]:
    try:
        m = make()
        rnn[ts] = {"repr": repr(m), "nonlinearity": getattr(m, "nonlinearity", None), "batch_first": m.batch_first}
    except Exception as e:  # noqa: BLE001
        rnn[ts] = {"error": [type(e).__name__, str(e)]}
# PyTorch 1.13 keeps a string in bias's place (bias='relu', a tanh RNN): torchlab raises instead.
m = nn.RNN(10, 20, 2, "relu")
rnn_string_bias = {"repr": repr(m), "nonlinearity": m.nonlinearity}


# ---------------------------------------------------------------- LBFGS resume
def problem(w0, c0):
    # gen_lbfgs.py's problem: a least-squares fit plus a quartic term.
    a = torch.sin(torch.arange(24, dtype=torch.float32) * 0.7).reshape(6, 4)
    b = torch.cos(torch.arange(6, dtype=torch.float32) * 1.1)
    w = torch.tensor(w0, requires_grad=True)
    c = torch.tensor(c0, requires_grad=True)
    return a, b, w, c


def closure_for(opt, a, b, w, c, losses):
    def closure():
        opt.zero_grad()
        r = a @ w + c - b
        loss = (r * r).mean() + 0.1 * (w ** 4).sum()
        loss.backward()
        losses.append(loss.item())
        return loss
    return closure


def hist_summary(st):
    return {
        "keys": sorted(st.keys()),
        "func_evals": st["func_evals"],
        "n_iter": st["n_iter"],
        "old_dirs": len(st["old_dirs"]),
        "prev_loss": num(st["prev_loss"]),
        "d": [num(v) for v in st["d"].tolist()],
        "prev_flat_grad": [num(v) for v in st["prev_flat_grad"].tolist()],
        "H_diag": num(float(st["H_diag"])),
        "t": num(float(st["t"])),
    }


lbfgs = []
W0, C0 = [0.5, -0.3, 0.2, 0.1], [0.05]
for options, before, after in [
    ({"max_iter": 3, "history_size": 4}, 2, 3),
    ({"max_iter": 2, "line_search_fn": "strong_wolfe", "history_size": 3}, 2, 2),
]:
    a, b, w, c = problem(W0, C0)
    opt = torch.optim.LBFGS([w, c], **options)
    full_losses = []
    cl = closure_for(opt, a, b, w, c, full_losses)
    full_params = []
    for _ in range(before + after):
        opt.step(cl)
        full_params.append([num(v) for v in w.detach().tolist() + c.detach().tolist()])
    # the same run cut after `before` steps, saved and resumed in a new optimizer
    a, b, w, c = problem(W0, C0)
    opt = torch.optim.LBFGS([w, c], **options)
    cl = closure_for(opt, a, b, w, c, [])
    for _ in range(before):
        opt.step(cl)
    saved = opt.state_dict()
    summary = hist_summary(saved["state"][0])
    a2, b2, w2, c2 = problem(w.detach().tolist(), c.detach().tolist())
    opt2 = torch.optim.LBFGS([w2, c2], **options)
    opt2.load_state_dict(saved)
    resumed = []
    cl2 = closure_for(opt2, a2, b2, w2, c2, [])
    for _ in range(after):
        opt2.step(cl2)
        resumed.append([num(v) for v in w2.detach().tolist() + c2.detach().tolist()])
    # a fresh optimizer from the same point: what a lost history gives
    a3, b3, w3, c3 = problem(w.detach().tolist(), c.detach().tolist())
    opt3 = torch.optim.LBFGS([w3, c3], **options)
    cl3 = closure_for(opt3, a3, b3, w3, c3, [])
    fresh = []
    for _ in range(after):
        opt3.step(cl3)
        fresh.append([num(v) for v in w3.detach().tolist() + c3.detach().tolist()])
    assert all(math.isclose(x, y, rel_tol=0, abs_tol=0) for p, q in zip(resumed, full_params[before:]) for x, y in zip(p, q))
    lbfgs.append({"options": options, "before": before, "after": after, "full_params": full_params, "resumed": resumed,
                  "fresh": fresh, "saved": summary, "after_state": {"func_evals": opt2.state[w2]["func_evals"], "n_iter": opt2.state[w2]["n_iter"]}})

out = {
    "reduce_dtype": reduce_dtype, "reduce_errors": reduce_errors, "reduce_grads": reduce_grads,
    "int_dtypes": int_dtypes, "randint_like": randint_like,
    "index_errors": index_errors, "index_ok": index_ok,
    "grad_fn": grad_fn, "rnn": rnn, "rnn_string_bias": rnn_string_bias, "lbfgs": lbfgs,
}
with open(os.path.join(HERE, "fidelity2.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
