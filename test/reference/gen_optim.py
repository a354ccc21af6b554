"""Reference values for test/optim: a few steps of each optimizer and scheduler in PyTorch 1.13.

Run with Debian's PyTorch:  /usr/bin/python3 test/reference/gen_optim.py
Writes test/reference/optim_optimizers.json and test/reference/optim_schedulers.json.

Each optimizer case minimises loss = sum(w * p^2) + sum(c * p) over two plain tensors (no nn
modules), so the fixture depends only on torch.optim and elementary autograd.
"""
import json
import math
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def r(x):
    return float(f"{x:.9g}")


def rl(t):
    return [r(v) for v in t.detach().reshape(-1).tolist()]


def make_params():
    a = torch.tensor([[0.5, -1.25, 2.0], [0.75, -0.3, 1.1]], requires_grad=True)
    b = torch.tensor([1.5, -0.5, 0.25], requires_grad=True)
    return a, b


W = {
    "a": torch.tensor([[0.3, 1.2, 0.7], [2.0, 0.5, 1.5]]),
    "b": torch.tensor([0.9, 1.7, 0.4]),
}
C = {
    "a": torch.tensor([[0.1, -0.2, 0.3], [-0.4, 0.5, -0.6]]),
    "b": torch.tensor([0.05, -0.15, 0.25]),
}


def loss_of(a, b):
    return (W["a"] * a * a).sum() + (C["a"] * a).sum() + (W["b"] * b * b).sum() + (C["b"] * b).sum()


OPT_CASES = [
    ("sgd_plain", "SGD", {"lr": 0.1}),
    ("sgd_momentum", "SGD", {"lr": 0.1, "momentum": 0.9}),
    ("sgd_dampening_wd", "SGD", {"lr": 0.05, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.01}),
    ("sgd_nesterov", "SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 0.05}),
    ("sgd_maximize", "SGD", {"lr": 0.01, "momentum": 0.5, "maximize": True}),
    ("adam_default", "Adam", {"lr": 0.1}),
    ("adam_amsgrad_wd", "Adam", {"lr": 0.05, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.1, "amsgrad": True}),
    ("adam_maximize", "Adam", {"lr": 0.01, "maximize": True}),
    ("adamw_default", "AdamW", {"lr": 0.05}),
    ("adamw_amsgrad", "AdamW", {"lr": 0.1, "weight_decay": 0.2, "amsgrad": True}),
    ("rmsprop_default", "RMSprop", {"lr": 0.01}),
    ("rmsprop_centered_momentum", "RMSprop", {"lr": 0.01, "alpha": 0.9, "momentum": 0.9, "centered": True, "weight_decay": 0.1}),
    ("rmsprop_momentum", "RMSprop", {"lr": 0.02, "momentum": 0.5, "eps": 1e-4}),
    ("adagrad_default", "Adagrad", {"lr": 0.1}),
    ("adadelta_default", "Adadelta", {}),
    ("adadelta_wd_maximize", "Adadelta", {"lr": 0.5, "rho": 0.8, "eps": 1e-4, "weight_decay": 0.1, "maximize": True}),
    ("adamax_default", "Adamax", {"lr": 0.05}),
    ("adamax_wd", "Adamax", {"lr": 0.1, "betas": (0.7, 0.9), "weight_decay": 0.05, "eps": 1e-3}),
    ("nadam_default", "NAdam", {"lr": 0.05}),
    ("nadam_wd_decay", "NAdam", {"lr": 0.1, "betas": (0.8, 0.95), "weight_decay": 0.02, "momentum_decay": 0.05}),
    ("radam_default", "RAdam", {"lr": 0.05}),
    ("radam_rectified", "RAdam", {"lr": 0.1, "betas": (0.5, 0.6), "weight_decay": 0.01}),
    ("rprop_default", "Rprop", {"lr": 0.01}),
    ("rprop_etas_sizes_maximize", "Rprop", {"lr": 0.05, "etas": (0.4, 1.5), "step_sizes": (1e-3, 0.08), "maximize": True}),
    ("asgd_default", "ASGD", {"lr": 0.01}),
    ("asgd_t0_wd", "ASGD", {"lr": 0.05, "lambd": 0.01, "alpha": 0.5, "t0": 3, "weight_decay": 0.05}),
    ("adagrad_decay_wd_init", "Adagrad", {"lr": 0.2, "lr_decay": 0.1, "weight_decay": 0.05, "initial_accumulator_value": 0.5, "eps": 1e-6, "maximize": True}),
]

STEPS = 7


def jsonable(v):
    if isinstance(v, tuple):
        return list(v)
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def run_optimizer(cls_name, kwargs, groups=False):
    a, b = make_params()
    cls = getattr(torch.optim, cls_name)
    if groups:
        opt = cls([{"params": [a]}, {"params": [b], "lr": kwargs["lr"] * 0.5}], **kwargs)
    else:
        opt = cls([a, b], **kwargs)
    steps = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = loss_of(a, b)
        loss.backward()
        opt.step()
        steps.append({"loss": r(loss.item()), "a": rl(a), "b": rl(b)})
    sd = opt.state_dict()
    state = {}
    for idx, st in sd["state"].items():
        state[str(idx)] = {
            k: (rl(v) if isinstance(v, torch.Tensor) and v.dim() > 0 else (r(v.item()) if isinstance(v, torch.Tensor) else v))
            for k, v in st.items()
        }
    state_kinds = {
        str(idx): {k: ("tensor0d" if isinstance(v, torch.Tensor) and v.dim() == 0 else "tensor" if isinstance(v, torch.Tensor) else type(v).__name__) for k, v in st.items()}
        for idx, st in sd["state"].items()
    }
    param_groups = [{k: jsonable(v) for k, v in g.items()} for g in sd["param_groups"]]
    return {
        "optimizer": cls_name,
        "kwargs": {k: jsonable(v) for k, v in kwargs.items()},
        "groups": groups,
        "steps": steps,
        "state": state,
        "state_kinds": state_kinds,
        "param_groups": param_groups,
        "param_group_keys": [list(g.keys()) for g in sd["param_groups"]],
        "repr": repr(opt),
    }


def optimizers():
    out = {
        "init": {"a": rl(make_params()[0]), "a_shape": [2, 3], "b": rl(make_params()[1])},
        "W": {k: rl(v) for k, v in W.items()},
        "C": {k: rl(v) for k, v in C.items()},
        "cases": {},
    }
    for name, cls, kw in OPT_CASES:
        out["cases"][name] = run_optimizer(cls, kw)
    out["cases"]["sgd_two_groups"] = run_optimizer("SGD", {"lr": 0.1, "momentum": 0.9}, groups=True)
    out["cases"]["adam_two_groups"] = run_optimizer("Adam", {"lr": 0.1}, groups=True)
    return out


def sched_run(make, epochs, metrics=None, adam=False, epoch_values=None, groups=False):
    p = torch.zeros(1, requires_grad=True)
    if groups:
        # Two parameter groups (lr 0.1 and 0.05), for schedulers that take one lr_lambda per group.
        opt = torch.optim.SGD([{"params": [p]}, {"params": [torch.zeros(1, requires_grad=True)], "lr": 0.05}], lr=0.1)
    else:
        opt = torch.optim.Adam([p], lr=0.1) if adam else torch.optim.SGD([p], lr=0.1)
    scheds = make(opt)
    mom = lambda: [g["betas"][0] if adam else g["momentum"] for g in opt.param_groups]
    lrs = [[g["lr"] for g in opt.param_groups]]
    moms = [mom()]
    for e in range(epochs):
        opt.step()
        for s in scheds:
            if metrics is not None:
                s.step(metrics[e])
            elif epoch_values is not None:
                s.step(epoch_values[e])
            else:
                s.step()
        lrs.append([g["lr"] for g in opt.param_groups])
        moms.append(mom())
    last = [s._last_lr for s in scheds]
    return {"lrs": lrs, "last_lr": last, "momentum": moms}


class CosineWarmupScheduler(torch.optim.lr_scheduler._LRScheduler):
    """A user's subclass, as UvA DL tutorial 6 writes it: fields set before super().__init__, get_lr."""

    def __init__(self, optimizer, warmup, max_iters):
        self.warmup = warmup
        self.max_num_iters = max_iters
        super().__init__(optimizer)

    def get_lr(self):
        lr_factor = self.get_lr_factor(epoch=self.last_epoch)
        return [base_lr * lr_factor for base_lr in self.base_lrs]

    def get_lr_factor(self, epoch):
        lr_factor = 0.5 * (1 + math.cos(math.pi * epoch / self.max_num_iters))
        if epoch <= self.warmup:
            lr_factor *= epoch * 1.0 / self.warmup
        return lr_factor


def schedulers():
    S = torch.optim.lr_scheduler
    plateau_metrics = [1.0, 0.9, 0.91, 0.92, 0.9, 0.95, 0.8, 0.8, 0.8, 0.8, 0.8, 0.79999, 0.7, 0.7, 0.7, 0.7]
    max_metrics = [0.1, 0.2, 0.2, 0.2, 0.25, 0.25, 0.25, 0.25, 0.3, 0.3, 0.3, 0.3]
    cases = {
        "step": sched_run(lambda o: [S.StepLR(o, step_size=3, gamma=0.5)], 10),
        "multistep": sched_run(lambda o: [S.MultiStepLR(o, milestones=[2, 5, 5, 8], gamma=0.1)], 10),
        "exponential": sched_run(lambda o: [S.ExponentialLR(o, gamma=0.9)], 8),
        "cosine": sched_run(lambda o: [S.CosineAnnealingLR(o, T_max=4, eta_min=0.01)], 14),
        "cosine_no_min": sched_run(lambda o: [S.CosineAnnealingLR(o, T_max=5)], 12),
        "lambda": sched_run(lambda o: [S.LambdaLR(o, lr_lambda=lambda e: 0.95 ** e)], 6),
        "chained_step_exp": sched_run(lambda o: [S.StepLR(o, 2, gamma=0.5), S.ExponentialLR(o, 0.9)], 8),
        "plateau_min": sched_run(lambda o: [S.ReduceLROnPlateau(o, mode="min", factor=0.5, patience=2, cooldown=1, min_lr=0.01)], len(plateau_metrics), plateau_metrics),
        "plateau_max_abs": sched_run(lambda o: [S.ReduceLROnPlateau(o, mode="max", factor=0.1, patience=1, threshold=0.01, threshold_mode="abs")], len(max_metrics), max_metrics),
    }
    warm_epochs = [0.5, 1.0, 2.25, 3.0, 5.5, 9.0, 10.0, 1.5]
    cases.update({
        "multiplicative": sched_run(lambda o: [S.MultiplicativeLR(o, lr_lambda=lambda e: 0.9 if e % 2 else 0.5)], 6),
        "constant": sched_run(lambda o: [S.ConstantLR(o, factor=0.5, total_iters=3)], 6),
        "linear": sched_run(lambda o: [S.LinearLR(o, start_factor=0.25, end_factor=0.75, total_iters=4)], 7),
        "linear_then_step": sched_run(lambda o: [S.LinearLR(o, start_factor=0.5, total_iters=3), S.StepLR(o, 2, 0.5)], 7),
        "onecycle_sgd": sched_run(lambda o: [S.OneCycleLR(o, max_lr=1.0, total_steps=10)], 10),
        "onecycle_adam_three_phase_linear": sched_run(lambda o: [S.OneCycleLR(o, max_lr=0.5, epochs=3, steps_per_epoch=4, pct_start=0.25, anneal_strategy="linear", three_phase=True, div_factor=10.0, final_div_factor=100.0, base_momentum=0.8, max_momentum=0.9)], 12, adam=True),
        "warm_restarts": sched_run(lambda o: [S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=0.001)], 12),
        "polynomial": sched_run(lambda o: [S.PolynomialLR(o, total_iters=4, power=2.0)], 6),
        "sequential": sched_run(lambda o: [S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=3), S.ExponentialLR(o, gamma=0.8)], milestones=[3])], 7),
        "sequential_three": sched_run(lambda o: [S.SequentialLR(o, [S.ConstantLR(o, factor=0.5, total_iters=2), S.StepLR(o, 2, 0.5), S.CosineAnnealingLR(o, T_max=3)], milestones=[2, 5])], 9),
        "chained": sched_run(lambda o: [S.ChainedScheduler([S.ConstantLR(o, factor=0.1, total_iters=2), S.ExponentialLR(o, gamma=0.9)])], 5),
        "cyclic_triangular": sched_run(lambda o: [S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3)], 10),
        "cyclic_triangular2": sched_run(lambda o: [S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=2, step_size_down=3, mode="triangular2", base_momentum=0.7, max_momentum=0.95)], 12),
        "cyclic_exp_range": sched_run(lambda o: [S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=2, mode="exp_range", gamma=0.9, cycle_momentum=False)], 9),
        "warm_restarts_epochs": sched_run(lambda o: [S.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=2)], len(warm_epochs), epoch_values=warm_epochs),
        "lambda_groups": sched_run(lambda o: [S.LambdaLR(o, lr_lambda=[lambda e: 0.9 ** e, lambda e: 1 / (e + 1)])], 5, groups=True),
        "user_subclass_warmup": sched_run(lambda o: [CosineWarmupScheduler(o, warmup=3, max_iters=8)], 9),
        "multiplicative_groups": sched_run(lambda o: [S.MultiplicativeLR(o, lr_lambda=[lambda e: 0.5, lambda e: 0.8])], 5, groups=True),
    })
    return {"plateau_metrics": plateau_metrics, "max_metrics": max_metrics, "warm_epochs": warm_epochs, "cases": cases}


if __name__ == "__main__":
    with open(os.path.join(HERE, "optim_optimizers.json"), "w") as f:
        json.dump(optimizers(), f, indent=1)
    with open(os.path.join(HERE, "optim_schedulers.json"), "w") as f:
        json.dump(schedulers(), f, indent=1)
    print("wrote optim_optimizers.json, optim_schedulers.json")
