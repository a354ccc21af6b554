"""PyTorch 1.13 references for views that write through (src/ops/view.ts), setitem / index_put_ /
scatter (src/ops/scatter.ts) and autograd through in-place writes on views.

Run with Debian's /usr/bin/python3 (torch 1.13): writes test/reference/views_cases.json, read by
test/tensor/views.test.ts. Each case is one snippet written twice, in Python and in torchlab's
TypeScript, over the same inputs: `x` [3, 4], `x3` [2, 3, 4], `w` [3, 4] weights (so gradients
are not all ones), `idx` an int index. The snippet returns a list of tensors (the base after the
writes, the view, ...); for a `grad` case `x` requires grad, the snippet's first output is summed
with `w` into the loss, and x.grad is recorded too.
"""
import json
import os

import torch

from _common import enc, r4

torch.manual_seed(11)


def t(shape):
    return torch.tensor(r4(torch.randn(*shape).reshape(-1)), dtype=torch.float32).reshape(shape)


INPUTS = {"x": t([3, 4]), "x3": t([2, 3, 4]), "w": t([3, 4])}

# (name, python body, typescript body, grad). Bodies see x, x3, w and return a list.
CASES = [
    # --- the tensors tutorial, verbatim: tensor[:,1] = 0
    ("tutorial_setitem", "tensor = torch.ones(4, 4)\ntensor[:,1] = 0\nreturn [tensor]",
     "const tensor = torch.ones(4, 4);\ntensor.setitem(':,1', 0);\nreturn [tensor];", False),
    # --- writes through each view op reach the base; the base's later writes reach the view
    ("index_fill", "b = x.clone(); v = b[:, 1]; v.fill_(0); r = [b, v.clone()]; b.add_(1); return r + [v]",
     "const b = x.clone(); const v = b.index(':, 1'); v.fill_(0); const r = [b, v.clone()]; b.add_(1); return [...r, v];", False),
    ("get_mul", "b = x.clone(); v = b[1]; v.mul_(10); return [b, v]",
     "const b = x.clone(); const v = b.get(1); v.mul_(10); return [b, v];", False),
    ("select_add", "b = x.clone(); v = b.select(1, 2); v.add_(5); return [b, v]",
     "const b = x.clone(); const v = b.select(1, 2); v.add_(5); return [b, v];", False),
    ("narrow_zero", "b = x.clone(); v = b.narrow(1, 1, 2); v.zero_(); return [b, v]",
     "const b = x.clone(); const v = b.narrow(1, 1, 2); v.zero_(); return [b, v];", False),
    ("view_copy", "b = x.clone(); v = b.view(12); v[3:6].copy_(torch.tensor([7., 8., 9.])); return [b, v]",
     "const b = x.clone(); const v = b.view(12); v.index('3:6').copy_(torch.tensor([7, 8, 9], {dtype: torch.float32})); return [b, v];", False),
    ("reshape_clamp", "b = x.clone(); v = b.reshape(6, 2); v.clamp_(-0.5, 0.5); return [b, v]",
     "const b = x.clone(); const v = b.reshape(6, 2); v.clamp_(-0.5, 0.5); return [b, v];", False),
    ("transpose_row", "b = x.clone(); v = b.transpose(0, 1); v[2] = 3.5; return [b, v]",
     "const b = x.clone(); const v = b.transpose(0, 1); v.setitem(2, 3.5); return [b, v];", False),
    ("T_fill", "b = x.clone(); b.T[1:3, 0].fill_(-2); return [b]",
     "const b = x.clone(); b.T.index('1:3, 0').fill_(-2); return [b];", False),
    ("mT_fill", "b = x3.clone(); b.mT[:, 0].fill_(4); return [b]",
     "const b = x3.clone(); b.mT.index(':, 0').fill_(4); return [b];", False),
    ("permute_mul", "b = x3.clone(); v = b.permute(2, 0, 1); v[1].mul_(-1); return [b, v]",
     "const b = x3.clone(); const v = b.permute(2, 0, 1); v.get(1).mul_(-1); return [b, v];", False),
    ("unsqueeze_squeeze", "b = x.clone(); v = b.unsqueeze(0); v[0, 0].fill_(1); s = v.squeeze(0); s[2].fill_(2); return [b, v, s]",
     "const b = x.clone(); const v = b.unsqueeze(0); v.index('0, 0').fill_(1); const s = v.squeeze(0); s.get(2).fill_(2); return [b, v, s];", False),
    ("diagonal_fill", "b = x.clone(); b.diagonal().fill_(9); b.diagonal(1).add_(100); b.diagonal(-1).mul_(0); return [b, b.diagonal()]",
     "const b = x.clone(); b.diagonal().fill_(9); b.diagonal(1).add_(100); b.diagonal(-1).mul_(0); return [b, b.diagonal()];", False),
    ("flatten_view", "b = x3.clone(); v = b.flatten(1); v[:, 5].fill_(0); return [b, v]",
     "const b = x3.clone(); const v = b.flatten(1); v.index(':, 5').fill_(0); return [b, v];", False),
    ("split_pieces", "b = x.clone(); p = b.split(2, dim=1); p[1].fill_(1); return [b, p[0]]",
     "const b = x.clone(); const p = b.split(2, {dim: 1}); p[1].fill_(1); return [b, p[0]];", False),
    ("chunk_pieces", "b = x.clone(); p = b.chunk(3, 0); p[2].mul_(3); return [b, p[2]]",
     "const b = x.clone(); const p = b.chunk(3, 0); p[2].mul_(3); return [b, p[2]];", False),
    ("unbind_pieces", "b = x.clone(); p = b.unbind(1); p[3].zero_(); return [b]",
     "const b = x.clone(); const p = b.unbind(1); p[3].zero_(); return [b];", False),
    ("step_slice", "b = x.clone(); v = b[::2, 1::2]; v.fill_(7); return [b, v]",
     "const b = x.clone(); const v = b.index('::2, 1::2'); v.fill_(7); return [b, v];", False),
    ("data_and_detach", "b = x.clone(); b.data[0].fill_(1); b.detach()[:, 0].fill_(2); return [b]",
     "const b = x.clone(); b.data.get(0).fill_(1); b.detach().index(':, 0').fill_(2); return [b];", False),
    ("view_of_view", "b = x3.clone(); v = b[1].t()[1:3]; v.select(1, 0).fill_(-7); b.add_(1); return [b, v]",
     "const b = x3.clone(); const v = b.get(1).t().index('1:3'); v.select(1, 0).fill_(-7); b.add_(1); return [b, v];", False),
    ("base_write_seen", "b = x.clone(); v = b[1:, :2]; b.mul_(2); b[2, 1] = 0; return [v]",
     "const b = x.clone(); const v = b.index('1:, :2'); b.mul_(2); b.setitem('2, 1', 0); return [v];", False),
    ("expand_read", "b = x[0].clone(); e = b.expand(3, 4); b.add_(1); return [e]",
     "const b = x.get(0).clone(); const e = b.expand(3, 4); b.add_(1); return [e];", False),
    ("sibling_views", "b = x.clone(); a = b[0]; c = b[:, 0]; c.fill_(5); return [a, b]",
     "const b = x.clone(); const a = b.get(0); const c = b.index(':, 0'); c.fill_(5); return [a, b];", False),
    # --- setitem forms and index_put_
    ("setitem_tensor_value", "b = x.clone(); b[:, 1:3] = torch.tensor([1., 2.]); return [b]",
     "const b = x.clone(); b.setitem(':, 1:3', torch.tensor([1, 2], {dtype: torch.float32})); return [b];", False),
    ("setitem_mask", "b = x.clone(); b[b < 0] = 0; return [b]",
     "const b = x.clone(); b.setitem(b.lt(0), 0); return [b];", False),
    ("setitem_index_tensor", "b = x.clone(); b[torch.tensor([2, 0])] = torch.tensor([1., 2., 3., 4.]); return [b]",
     "const b = x.clone(); b.setitem(torch.tensor([2, 0]), torch.tensor([1, 2, 3, 4], {dtype: torch.float32})); return [b];", False),
    ("setitem_mixed", "b = x3.clone(); b[1, torch.tensor([0, 2]), 1:3] = -1; return [b]",
     "const b = x3.clone(); b.setitem([1, torch.tensor([0, 2]), [1, 3]], -1); return [b];", False),
    ("setitem_ellipsis", "b = x3.clone(); b[..., 0] = 8; return [b]",
     "const b = x3.clone(); b.setitem('..., 0', 8); return [b];", False),
    ("index_put", "b = x.clone(); b.index_put_((torch.tensor([0, 2, 0]), torch.tensor([1, 3, 1])), torch.tensor([1., 2., 3.]), accumulate=True); return [b]",
     "const b = x.clone(); b.index_put_([torch.tensor([0, 2, 0]), torch.tensor([1, 3, 1])], torch.tensor([1, 2, 3], {dtype: torch.float32}), true); return [b];", False),
    ("index_put_view", "b = x.clone(); b[1:].index_put_((torch.tensor([1]),), torch.tensor(6.)); return [b]",
     "const b = x.clone(); b.index('1:').index_put_([torch.tensor([1])], torch.tensor(6, {dtype: torch.float32})); return [b];", False),
    ("scatter_", "b = torch.zeros(3, 5); b.scatter_(0, torch.tensor([[0, 1, 2, 0, 0], [2, 0, 0, 1, 2]]), torch.arange(1., 11.).reshape(2, 5)); return [b]",
     "const b = torch.zeros(3, 5); b.scatter_(0, torch.tensor([[0, 1, 2, 0, 0], [2, 0, 0, 1, 2]]), torch.arange(1, 11).float().reshape(2, 5)); return [b];", False),
    ("scatter_value_dim1", "return [x.scatter(1, torch.tensor([[0], [3], [1]]), 1.5)]",
     "return [x.scatter(1, torch.tensor([[0], [3], [1]]), 1.5)];", False),
    ("scatter_add", "return [torch.zeros(2, 4).scatter_add(1, torch.tensor([[0, 0, 3], [1, 2, 1]]), x[:2, :3])]",
     "return [torch.zeros(2, 4).scatter_add(1, torch.tensor([[0, 0, 3], [1, 2, 1]]), x.index(':2, :3'))];", False),
    ("scatter_reduce_multiply", "return [x.scatter(0, torch.tensor([[1, 2, 0, 1]]), torch.full((1, 4), 2.), reduce='multiply')]",
     "return [x.scatter(0, torch.tensor([[1, 2, 0, 1]]), torch.full([1, 4], 2, {dtype: torch.float32}), {reduce: 'multiply'})];", False),
    # --- autograd through in-place writes on views (the first output is summed with w into the loss)
    ("grad_setitem_zero", "y = x.clone(); y[:, 1] = 0; return [y]",
     "const y = x.clone(); y.setitem(':, 1', 0); return [y];", True),
    ("grad_narrow_mul", "y = x * 1; y.narrow(1, 1, 2).mul_(2); return [y]",
     "const y = x.mul(1); y.narrow(1, 1, 2).mul_(2); return [y];", True),
    ("grad_view_then_use", "y = x * 2; v = y[1]; v.add_(x[0]); return [y, v]",
     "const y = x.mul(2); const v = y.get(1); v.add_(x.get(0)); return [y, v];", True),
    ("grad_view_output_used", "y = x * 2; v = y.t()[2]; v.mul_(x[:, 2]); return [v * 3, y]",
     "const y = x.mul(2); const v = y.t().get(2); v.mul_(x.index(':, 2')); return [v.mul(3), y];", True),
    ("grad_sibling_view", "y = x.clone(); a = y[0]; y[:, 0].mul_(5); return [a * 2]",
     "const y = x.clone(); const a = y.get(0); y.index(':, 0').mul_(5); return [a.mul(2)];", True),
    ("grad_copy_into_view", "y = torch.zeros(3, 4); y[1:, 2:] = x[:2, :2] * 2; return [y]",
     "const y = torch.zeros(3, 4); y.setitem('1:, 2:', x.index(':2, :2').mul(2)); return [y];", True),
    ("grad_diag", "y = x.clone(); y.diagonal().mul_(x.diagonal()); return [y]",
     "const y = x.clone(); y.diagonal().mul_(x.diagonal()); return [y];", True),
    ("grad_step_slice", "y = x.sin(); y[::2, ::3].mul_(-4); return [y]",
     "const y = x.sin(); y.index('::2, ::3').mul_(-4); return [y];", True),
    ("grad_mask_setitem", "y = x * 3; y[x > 0] = 1; return [y]",
     "const y = x.mul(3); y.setitem(x.gt(0), 1); return [y];", True),
    ("grad_index_put_acc", "y = x * 1; y.index_put_((torch.tensor([0, 0, 2]),), x[1] * 2, accumulate=True); return [y]",
     "const y = x.mul(1); y.index_put_([torch.tensor([0, 0, 2])], x.get(1).mul(2), true); return [y];", True),
    ("grad_scatter", "return [x.scatter(1, torch.tensor([[1, 0], [2, 2], [3, 0]]), x[:, 2:] * 2)]",
     "return [x.scatter(1, torch.tensor([[1, 0], [2, 2], [3, 0]]), x.index(':, 2:').mul(2))];", True),
    ("grad_scatter_add", "return [x.scatter_add(0, torch.tensor([[2, 0, 1, 1]]), x[1:2] ** 2)]",
     "return [x.scatter_add(0, torch.tensor([[2, 0, 1, 1]]), x.index('1:2').pow(2))];", True),
    ("grad_reshape_view_write", "y = x * 1; v = y.view(2, 6); v[:, ::2].fill_(0); return [y]",
     "const y = x.mul(1); const v = y.view(2, 6); v.index(':, ::2').fill_(0); return [y];", True),
]


def run(body, env):
    src = "def _f(torch, x, x3, w):\n" + "\n".join("    " + line for line in body.split("\n"))
    ns = {}
    exec(src, ns)
    return ns["_f"](torch, env["x"], env["x3"], env["w"])


def main():
    out = []
    for name, py, ts, grad in CASES:
        env = {k: v.clone() for k, v in INPUTS.items()}
        if grad:
            env["x"].requires_grad_(True)
        res = run(py, env)
        case = {"name": name, "py": py, "ts": ts, "grad": grad, "out": [enc(r) for r in res]}
        if grad:
            (res[0] * env["w"] if list(res[0].shape) == [3, 4] else res[0]).sum().backward()
            case["grad_x"] = enc(env["x"].grad)
        out.append(case)
    data = {"inputs": {k: enc(v) for k, v in INPUTS.items()}, "cases": out}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "views_cases.json")
    with open(path, "w") as f:
        json.dump(data, f, indent=0)
    print("wrote", len(out), "cases to", path)


if __name__ == "__main__":
    main()
