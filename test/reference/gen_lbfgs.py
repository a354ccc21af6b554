"""Reference runs of torch.optim.LBFGS (PyTorch 1.13) for test/optim/lbfgs.test.ts.

Run with Debian's interpreter: /usr/bin/python3 test/reference/gen_lbfgs.py
Writes test/reference/lbfgs.json: for each configuration, the loss each closure call saw, the
closure count, the parameters after every step() and the state's func_evals / n_iter.
"""
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def problem():
    # A least-squares fit plus a quartic term: smooth, not quadratic, well conditioned. The runs stop
    # before convergence: there, whether a loss changed by less than tolerance_change (1e-9, below
    # float32's resolution of the loss) is float32 noise.
    a = torch.sin(torch.arange(24, dtype=torch.float32) * 0.7).reshape(6, 4)
    b = torch.cos(torch.arange(6, dtype=torch.float32) * 1.1)
    w = torch.tensor([0.5, -0.3, 0.2, 0.1], requires_grad=True)
    c = torch.tensor([0.05], requires_grad=True)
    return a, b, w, c


def run(options, steps):
    a, b, w, c = problem()
    opt = torch.optim.LBFGS([w, c], **options)
    losses = []

    def closure():
        opt.zero_grad()
        r = a @ w + c - b
        loss = (r * r).mean() + 0.1 * (w ** 4).sum()
        loss.backward()
        losses.append(loss.item())
        return loss

    params = []
    returned = []
    for _ in range(steps):
        returned.append(float(opt.step(closure)))
        params.append(w.detach().tolist() + c.detach().tolist())
    st = opt.state[w]
    return {"options": options, "steps": steps, "losses": losses, "returned": returned, "params": params,
            "func_evals": st["func_evals"], "n_iter": st["n_iter"]}


def main():
    cases = [
        run({"max_iter": 8}, 2),
        run({"lr": 0.5, "max_iter": 5, "history_size": 3}, 3),
        run({"line_search_fn": "strong_wolfe", "max_iter": 6}, 2),
        run({"lr": 1, "max_iter": 4, "line_search_fn": "strong_wolfe", "history_size": 2}, 3),
        run({"tolerance_grad": 1e-3, "tolerance_change": 1e-5}, 2),
    ]
    with open(os.path.join(HERE, "lbfgs.json"), "w") as f:
        json.dump(cases, f, indent=1)


if __name__ == "__main__":
    main()
