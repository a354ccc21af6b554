"""Fixtures for test/api/modern.test.ts: the pieces of a modern PyTorch training loop, as PyTorch 1.13
runs them on a machine without CUDA (torchlab's situation on wasm/cpu).

- special: torch.special's functions on edge values (0, -0, negatives, poles, +-inf, nan) and their
  gradients at ordinary points.
- flags: use_deterministic_algorithms, set_float32_matmul_precision (values, errors, warnings).
- amp: GradScaler / autocast without CUDA (warnings, the disabled scaler's API), and a small model
  trained with the usual AMP loop (scale, backward, unscale_, clip_grad_norm_, step, update) beside
  the plain loop: the same losses and weights.
- profiler: torch.profiler on a small conv net: the key_averages rows (names, call counts, input
  shapes) of the aten ops torchlab records.

Non-finite floats are written as the strings "nan", "inf", "-inf" (JSON has no such numbers).
Writes test/reference/modern.json.
"""
import json
import math
import os
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = {}


def enc(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    return v


def vals(t):
    return enc(t.detach().reshape(-1).tolist())


# ------------------------------------------------------------------ special
X = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 10.0, -10.0, 30.0, float("inf"), float("-inf"), float("nan")]
P = [0.0, 1e-30, 1e-7, 0.025, 0.5, 0.975, 1 - 1e-7, 1.0, -0.1, 1.1, float("nan")]
G = [0.3, 1.7, -0.6, 2.5]  # gradient points (inside every function's domain but the ones noted)
x = torch.tensor(X)
sp = torch.special
special = {"x": enc(X), "p": enc(P), "forward": {}, "grad": {}}
UNARY = ["expit", "logit", "erf", "erfc", "erfinv", "gammaln", "digamma", "entr", "sinc", "i0", "i0e", "i1", "i1e",
         "ndtr", "log_ndtr", "expm1", "exp2", "log1p", "round"]
for name in UNARY:
    special["forward"][name] = vals(getattr(sp, name)(x))
for name in ["ndtri", "logit", "erfinv"]:
    special["forward"][name + "_p"] = vals(getattr(sp, name)(torch.tensor(P)))
for n in [1, 2, 3]:
    special["forward"][f"polygamma{n}"] = vals(sp.polygamma(n, x))
special["forward"]["polygamma4_more"] = vals(sp.polygamma(4, torch.tensor([-0.5, 1.0, 100.0, 0.25])))
special["forward"]["multigammaln3"] = vals(sp.multigammaln(torch.tensor([2.5, 3.0, 10.0, 0.5]), 3))
special["forward"]["multigammaln1"] = vals(sp.multigammaln(torch.tensor([2.5, 3.0, 10.0]), 1))
xa = torch.tensor([0.0, 0.0, 2.0, 1.0, -1.5])
yb = torch.tensor([-1.0, float("nan"), 3.0, -2.0, 0.5])
special["forward"]["xlog1py"] = vals(sp.xlog1py(xa, yb))
special["forward"]["xlogy"] = vals(sp.xlogy(xa, yb))
m = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.0, 1000.0]])
special["forward"]["softmax1"] = vals(sp.softmax(m, 1))
special["forward"]["log_softmax1"] = vals(sp.log_softmax(m, 1))
special["forward"]["logsumexp1"] = vals(sp.logsumexp(m, 1))
for name in ["expit", "logit", "erf", "erfc", "erfinv", "gammaln", "digamma", "entr", "sinc", "i0", "i0e", "i1", "i1e",
             "ndtr", "log_ndtr", "ndtri", "expm1", "exp2", "log1p", "polygamma1", "polygamma2", "multigammaln2"]:
    pts = [0.3, 0.7, 0.05, 0.9] if name in ("logit", "erfinv", "ndtri") else G
    if name in ("entr", "multigammaln2"):
        pts = [0.3, 1.7, 2.5, 4.0] if name == "entr" else [0.8, 1.7, 2.5, 4.0]
    t = torch.tensor(pts, requires_grad=True)
    if name.startswith("polygamma"):
        y = sp.polygamma(int(name[-1]), t)
    elif name == "multigammaln2":
        y = sp.multigammaln(t, 2)
    else:
        y = getattr(sp, name)(t)
    y.sum().backward()
    special["grad"][name] = {"x": pts, "y": vals(y), "grad": vals(t.grad)}
t1 = torch.tensor([0.5, 2.0, -1.0], requires_grad=True)
t2 = torch.tensor([1.5, 0.2, 3.0], requires_grad=True)
sp.xlog1py(t1, t2).sum().backward()
special["grad"]["xlog1py"] = {"x": [0.5, 2.0, -1.0], "y": [1.5, 0.2, 3.0], "gx": vals(t1.grad), "gy": vals(t2.grad)}
errors = {}
for key, f in [("polygamma_neg", lambda: sp.polygamma(-1, x)), ("multigammaln_p0", lambda: sp.multigammaln(x, 0))]:
    try:
        f()
        errors[key] = None
    except Exception as e:  # noqa: BLE001
        errors[key] = [type(e).__name__, str(e)]
special["errors"] = errors
OUT["special"] = special

# ------------------------------------------------------------------ flags
flags = {"deterministic_default": torch.are_deterministic_algorithms_enabled(),
         "warn_only_default": torch.is_deterministic_algorithms_warn_only_enabled(),
         "precision_default": torch.get_float32_matmul_precision()}
torch.use_deterministic_algorithms(True)
flags["deterministic_after"] = torch.are_deterministic_algorithms_enabled()
torch.use_deterministic_algorithms(True, warn_only=True)
flags["warn_only_after"] = torch.is_deterministic_algorithms_warn_only_enabled()
torch.use_deterministic_algorithms(False)
flags["deterministic_off"] = [torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled()]
try:
    torch.use_deterministic_algorithms(1)
except Exception as e:  # noqa: BLE001
    flags["deterministic_error"] = [type(e).__name__, str(e)]
torch.set_float32_matmul_precision("high")
flags["precision_high"] = torch.get_float32_matmul_precision()
torch.set_float32_matmul_precision("bad")  # a C++ warning; the value stays
flags["precision_after_bad"] = torch.get_float32_matmul_precision()
try:
    torch.set_float32_matmul_precision(3)
except Exception as e:  # noqa: BLE001
    flags["precision_error"] = [type(e).__name__, str(e)]
torch.set_float32_matmul_precision("highest")
OUT["flags"] = flags

# ------------------------------------------------------------------ amp
amp = {"cuda": torch.cuda.is_available()}
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    scaler = torch.cuda.amp.GradScaler()
    torch.cuda.amp.GradScaler()
    with torch.cuda.amp.autocast():
        amp["autocast_enabled_inside"] = torch.is_autocast_enabled()
    with torch.autocast(device_type="cuda", dtype=torch.float16):
        pass
    cpu32 = torch.autocast(device_type="cpu", dtype=torch.float32)  # warns here, raises on entering
    try:
        with cpu32:
            pass
    except Exception as e:  # noqa: BLE001
        amp["cpu_float32_enter_error"] = [type(e).__name__, str(e)]
    torch.cuda.amp.GradScaler(enabled=False)
amp["warnings"] = [[m.category.__name__, str(m.message)] for m in w]
amp["scaler"] = {"is_enabled": scaler.is_enabled(), "get_scale": scaler.get_scale(), "state_dict": scaler.state_dict()}
try:
    scaler.get_growth_factor()
except Exception as e:  # noqa: BLE001
    amp["scaler"]["get_growth_factor_error"] = [type(e).__name__, str(e)]
scaler.set_growth_factor(3.0)
amp["scaler"]["growth_after_set"] = scaler.get_growth_factor()
scaler.load_state_dict({})  # a no-op when disabled (an enabled scaler refuses an empty dict)
try:
    torch.autocast(device_type="xla")
except Exception as e:  # noqa: BLE001
    amp["bad_device_error"] = [type(e).__name__, str(e)]
with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    a, b = torch.ones(2, 3), torch.ones(3, 2)
    amp["cpu_bf16_dtypes"] = [str((a @ b).dtype), str(F.linear(a, b.t()).dtype), str((a + a).dtype)]
amp["autocast_dtypes"] = [str(torch.get_autocast_gpu_dtype()), str(torch.get_autocast_cpu_dtype())]


def train(use_amp):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    scaler = torch.cuda.amp.GradScaler()
    xs = torch.randn(16, 4)
    ys = torch.randint(0, 3, (16,))
    losses = []
    for _ in range(5):
        opt.zero_grad()
        if use_amp:
            with torch.autocast(device_type="cuda", dtype=torch.float16):
                loss = F.cross_entropy(model(xs), ys)
            scaler.scale(loss).backward()
            scaler.unscale_(opt)
            nn.utils.clip_grad_norm_(model.parameters(), 0.5)
            scaler.step(opt)
            scaler.update()
        else:
            loss = F.cross_entropy(model(xs), ys)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 0.5)
            opt.step()
        losses.append(loss.item())
    return {"losses": losses, "weight": vals(model[2].weight)}


amp["train_amp"] = train(True)
amp["train_plain"] = train(False)
OUT["amp"] = amp

# ------------------------------------------------------------------ profiler
from torch.profiler import ProfilerActivity, profile, record_function, schedule  # noqa: E402

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(36, 10))
inp = torch.randn(2, 1, 8, 8)
net(inp)
with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
    with record_function("model_inference"):
        net(inp)
        F.relu(net(inp))
        h = net(inp)
        F.relu(h, inplace=True)
        h.relu_()
table = prof.key_averages().table(sort_by="cpu_time_total", row_limit=10)
shaped = prof.key_averages(group_by_input_shape=True).table(sort_by="cpu_time_total", row_limit=100)
profiler = {
    "rows": [[e.key, e.count] for e in prof.key_averages()],
    "shape_rows": [[e.key, e.count, e.input_shapes] for e in prof.key_averages(group_by_input_shape=True)],
    "table": table.split("\n"),
    "shaped_table": shaped.split("\n"),
}
ready = []
with profile(activities=[ProfilerActivity.CPU], schedule=schedule(wait=1, warmup=1, active=2, repeat=1),
             on_trace_ready=lambda p: ready.append([[e.key, e.count] for e in p.key_averages()])) as prof:
    for _ in range(6):
        net(inp)
        prof.step()
profiler["schedule_ready"] = ready
trace = os.path.join("/tmp", "gen_modern_trace.json")
prof.export_chrome_trace(trace)
with open(trace) as f:
    events = json.load(f)
os.remove(trace)
profiler["trace"] = [[e["name"], e["ph"], e["pid"], e["tid"]] for e in events]
profiler["actions"] = [str(schedule(wait=1, warmup=1, active=2, repeat=1, skip_first=1)(i)) for i in range(8)]
OUT["profiler"] = profiler

with open(os.path.join(HERE, "modern.json"), "w") as f:
    json.dump(OUT, f, indent=1, allow_nan=False)
    f.write("\n")
