"""PyTorch 1.13 / Python 3.11 references for test/api/error_sweep.test.ts: what bad input does in PyTorch
(the exception's type and text, or what print() writes where PyTorch accepts it). Each case is one
Python expression, written the way users get it wrong: shapes that do not multiply, a conv given the
wrong channels or rank, impossible views, out-of-range indices, integer tensors where floats are
needed, gradients assigned or taken wrongly, bad hyper-parameters, state dicts that do not fit, a
container read past its end. The test runs the TypeScript spelling of each case under the same name
and expects the same exception type (a torchlab subclass such as ShapeError counts as its
RuntimeError) with PyTorch's text inside its message. Run with Debian's /usr/bin/python3 from
test/reference: writes error_sweep.json.
"""
import json
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader

assert torch.__version__.startswith("1.13"), torch.__version__


def leaf():
    return torch.ones(2, requires_grad=True)


def backward_twice():
    w = leaf()
    loss = (w * w).sum()
    loss.backward()
    loss.backward()


def leaf_inplace():
    leaf().add_(1)


def modified_inplace():
    y = leaf().sigmoid()
    y.mul_(2)
    y.sum().backward()


def assign_grad(g):
    w = leaf()
    w.grad = g
    return w.grad


def iadd(x, y):
    x += y


CASES = {
    # Shapes that do not multiply.
    "mm_mismatch": lambda: torch.mm(torch.ones(2, 3), torch.ones(4, 5)),
    "matmul_mismatch": lambda: torch.ones(2, 3) @ torch.ones(4, 5),
    "mm_not_matrix": lambda: torch.mm(torch.ones(2, 3, 1), torch.ones(3, 5)),
    "bmm_inner": lambda: torch.bmm(torch.ones(2, 2, 3), torch.ones(2, 4, 5)),
    "bmm_batches": lambda: torch.bmm(torch.ones(2, 2, 3), torch.ones(3, 3, 5)),
    "bmm_not_3d": lambda: torch.bmm(torch.ones(2, 3), torch.ones(3, 5)),
    "dot_sizes": lambda: torch.dot(torch.ones(3), torch.ones(4)),
    "linear_in_features": lambda: nn.Linear(3, 4)(torch.ones(2, 5)),
    "linear_1d": lambda: nn.Linear(3, 4)(torch.ones(5)),
    "functional_linear": lambda: F.linear(torch.ones(2, 3), torch.ones(4, 5)),
    "sequential_mismatch": lambda: nn.Sequential(nn.Linear(2, 3), nn.Linear(4, 5))(torch.ones(1, 2)),
    "bilinear_input2": lambda: nn.Bilinear(2, 3, 4)(torch.ones(5, 2), torch.ones(5, 4)),
    # Convolutions and pooling.
    "conv2d_channels": lambda: nn.Conv2d(3, 4, 3)(torch.ones(1, 2, 8, 8)),
    "conv2d_5d": lambda: nn.Conv2d(3, 4, 3)(torch.ones(1, 1, 3, 8, 8)),
    "conv2d_kernel_too_big": lambda: nn.Conv2d(3, 4, 5)(torch.ones(1, 3, 3, 3)),
    "conv2d_groups": lambda: nn.Conv2d(3, 4, 3, groups=2),
    "conv1d_channels": lambda: nn.Conv1d(3, 4, 3)(torch.ones(1, 2, 8)),
    "conv1d_4d": lambda: nn.Conv1d(3, 4, 3)(torch.ones(1, 3, 8, 8)),
    "conv_transpose_channels": lambda: nn.ConvTranspose2d(3, 4, 3)(torch.ones(1, 2, 8, 8)),
    "maxpool_too_small": lambda: nn.MaxPool2d(3)(torch.ones(1, 1, 2, 2)),
    "maxpool_1d_input": lambda: nn.MaxPool2d(2)(torch.ones(8)),
    "adaptive_pool_1d_input": lambda: nn.AdaptiveAvgPool2d(2)(torch.ones(8)),
    # Views and reshapes.
    "view_invalid": lambda: torch.arange(6).view(4, 2),
    "view_two_inferred": lambda: torch.arange(6).view(-1, -1),
    "reshape_two_inferred": lambda: torch.arange(6).reshape(-1, -1),
    "reshape_invalid": lambda: torch.arange(6).reshape(4, -1),
    "view_noncontiguous": lambda: torch.arange(6).view(2, 3).t().view(6),
    "view_expanded": lambda: torch.ones(3, 1).expand(3, 4).view(12),
    "view_negative": lambda: torch.arange(6).view(-2, 3),
    "view_empty_ambiguous": lambda: torch.zeros(0).view(-1, 0),
    "permute_length": lambda: torch.arange(6).view(2, 3).permute(0),
    "permute_duplicate": lambda: torch.arange(6).view(2, 3).permute(0, 0),
    "transpose_dim": lambda: torch.arange(6).view(2, 3).transpose(0, 2),
    "unsqueeze_dim": lambda: torch.arange(6).view(2, 3).unsqueeze(4),
    "expand_size": lambda: torch.arange(6).view(2, 3).expand(3, 3),
    "expand_too_few": lambda: torch.arange(6).view(2, 3).expand(3),
    "repeat_too_few": lambda: torch.arange(6).view(2, 3).repeat(2),
    "repeat_negative": lambda: torch.ones(2, 3).repeat(-1, 1),
    "tile_negative": lambda: torch.ones(2, 3).tile(-1),
    "split_zero": lambda: torch.ones(2, 3).split(0),
    "split_sizes_sum": lambda: torch.ones(2, 3).split([1, 1], dim=1),
    "unfold_size": lambda: torch.ones(2, 3).unfold(1, 4, 1),
    # Joining.
    "cat_sizes": lambda: torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)]),
    "cat_ranks": lambda: torch.cat([torch.zeros(2, 3), torch.zeros(3)]),
    "cat_dim": lambda: torch.cat([torch.zeros(2, 3)], dim=2),
    "stack_sizes": lambda: torch.stack([torch.zeros(2, 3), torch.zeros(3, 2)]),
    # Indexing.
    "select_range": lambda: torch.arange(6).view(2, 3).select(0, 2),
    "select_dim": lambda: torch.arange(6).view(2, 3).select(2, 0),
    "narrow_dim": lambda: torch.arange(6).view(2, 3).narrow(2, 0, 1),
    "index_select_negative": lambda: torch.zeros(3).index_select(0, torch.tensor([-1])),
    "index_select_matrix": lambda: torch.zeros(3).index_select(0, torch.tensor([[0]])),
    "index_tensor_negative": lambda: torch.arange(3)[torch.tensor([-1])],
    "gather_range": lambda: torch.zeros(2, 3).gather(1, torch.tensor([[3]])),
    "gather_negative": lambda: torch.zeros(2, 3).gather(0, torch.tensor([[-1, 0, 0]])),
    "gather_rank": lambda: torch.zeros(2, 3).gather(1, torch.tensor([0, 1])),
    "gather_dim": lambda: torch.zeros(2, 3).gather(2, torch.tensor([[0]])),
    "scatter_range": lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[3]]), 1.0),
    "take_range": lambda: torch.zeros(2, 3).take(torch.tensor([6])),
    "where_long_condition": lambda: torch.where(torch.tensor([1, 0]), torch.zeros(2), torch.ones(2)),
    "masked_fill_shape": lambda: torch.zeros(3).masked_fill(torch.tensor([True, False]), 1.0),
    # Broadcasting and dtypes.
    "add_broadcast": lambda: torch.zeros(2, 3) + torch.zeros(3, 2),
    "inplace_broadcast": lambda: iadd(torch.zeros(3), torch.zeros(2, 3)),
    "inplace_cast": lambda: iadd(torch.zeros(3, dtype=torch.long), torch.ones(3) * 0.5),
    "mean_long": lambda: torch.tensor([1, 2]).mean(),
    "std_long": lambda: torch.tensor([1, 2]).std(),
    "var_long": lambda: torch.tensor([1, 2]).var(),
    "norm_long": lambda: torch.tensor([1, 2]).norm(),
    "softmax_long": lambda: torch.tensor([1, 2]).softmax(0),
    "softmax_long_inner_dim": lambda: torch.tensor([[1, 2]]).softmax(0),
    "log_softmax_long": lambda: F.log_softmax(torch.tensor([1, 2]), dim=0),
    "softmax_module_long": lambda: nn.Softmax(dim=1)(torch.tensor([[1, 2]])),
    "softmin_long": lambda: F.softmin(torch.tensor([1, 2]), 0),
    "softmax_dtype_cast": lambda: F.softmax(torch.tensor([1, 2]), dim=0, dtype=torch.float32),
    "softmax_dim": lambda: F.softmax(torch.ones(2, 3), dim=2),
    "sum_dim": lambda: torch.ones(2, 3).sum(5),
    "bool_sub": lambda: torch.ones(2, dtype=torch.bool) - torch.ones(2, dtype=torch.bool),
    "bool_neg": lambda: -torch.ones(2, dtype=torch.bool),
    "type_bogus": lambda: torch.ones(2).type("torch.BogusTensor"),
    "type_legacy_name": lambda: torch.ones(2).type("torch.LongTensor"),
    # Creation.
    "zeros_negative": lambda: torch.zeros(2, -3),
    "arange_zero_step": lambda: torch.arange(0, 5, 0),
    "arange_sign": lambda: torch.arange(5, 0, 1),
    "requires_grad_long": lambda: torch.tensor([1, 2], requires_grad=True),
    "parameter_long": lambda: nn.Parameter(torch.tensor([1, 2])),
    # Scalars from tensors.
    "item_many": lambda: torch.ones(2, 3).item(),
    "numpy_requires_grad": lambda: leaf().numpy(),
    # Autograd.
    "backward_non_scalar": lambda: (leaf() * 2).backward(),
    "backward_no_grad": lambda: torch.ones(2).sum().backward(),
    "backward_twice": backward_twice,
    "leaf_inplace": leaf_inplace,
    "modified_inplace": modified_inplace,
    "grad_of_non_grad_input": lambda: torch.autograd.grad(leaf().sum(), torch.ones(2)),
    "assign_grad_size": lambda: assign_grad(torch.ones(3)),
    "assign_grad_dtype": lambda: assign_grad(torch.ones(2, dtype=torch.long)),
    "assign_grad_ok": lambda: assign_grad(torch.ones(2) * 3),
    # Modules and hyper-parameters.
    "dropout_p": lambda: nn.Dropout(p=1.5),
    "functional_dropout_p": lambda: F.dropout(torch.ones(2), p=2.5),
    "sgd_empty": lambda: optim.SGD([], lr=0.1),
    "sgd_negative_lr": lambda: optim.SGD([leaf()], lr=-1),
    "sgd_momentum": lambda: optim.SGD([leaf()], lr=0.1, momentum=-1),
    "sgd_nesterov": lambda: optim.SGD([leaf()], lr=0.1, nesterov=True),
    "adam_negative_lr": lambda: optim.Adam([leaf()], lr=-0.1),
    "adam_betas": lambda: optim.Adam([leaf()], betas=(1.0, 0.9)),
    "adam_eps": lambda: optim.Adam([leaf()], eps=-1),
    "dataloader_batch_size_zero": lambda: DataLoader(torch.arange(4), batch_size=0),
    "embedding_range": lambda: nn.Embedding(10, 3)(torch.tensor([10])),
    "embedding_negative": lambda: nn.Embedding(10, 3)(torch.tensor([-1])),
    "one_hot_range": lambda: F.one_hot(torch.tensor([3]), 3),
    "batchnorm_batch_of_one": lambda: nn.BatchNorm1d(3)(torch.ones(1, 3)),
    "batchnorm_channels": lambda: nn.BatchNorm2d(3)(torch.ones(4, 2, 5, 5)),
    "instance_norm_one_element": lambda: nn.InstanceNorm2d(3)(torch.ones(1, 3, 1, 1)),
    "group_norm_groups": lambda: nn.GroupNorm(4, 6),
    "lstm_input_size": lambda: nn.LSTM(3, 4)(torch.ones(2, 5, 2)),
    "gru_input_size": lambda: nn.GRU(3, 4)(torch.ones(2, 5, 2)),
    "lstm_hidden_size": lambda: nn.LSTM(3, 4)(torch.ones(2, 5, 3), (torch.zeros(1, 5, 3), torch.zeros(1, 5, 4))),
    "sequential_index": lambda: nn.Sequential(nn.Linear(2, 3))[1],
    "sequential_negative_index": lambda: nn.Sequential(nn.Linear(2, 3))[-2],
    "module_list_index": lambda: nn.ModuleList([nn.Linear(2, 3)])[1],
    "parameter_list_index": lambda: nn.ParameterList([nn.Parameter(torch.ones(1))])[1],
    "module_dict_key": lambda: nn.ModuleDict({"a": nn.ReLU()})["b"],
    "parameter_dict_key": lambda: nn.ParameterDict({"a": nn.Parameter(torch.ones(1))})["b"],
    # State dicts.
    "load_missing_key": lambda: nn.Linear(2, 3).load_state_dict({"weight": torch.zeros(3, 2)}),
    "load_unexpected_key": lambda: nn.Linear(2, 3).load_state_dict({"weight": torch.zeros(3, 2), "bias": torch.zeros(3), "extra": torch.zeros(1)}),
    "load_size_mismatch": lambda: nn.Linear(2, 3).load_state_dict({"weight": torch.zeros(2, 2), "bias": torch.zeros(3)}),
    "load_wrapped_keys": lambda: nn.Sequential(nn.Linear(2, 3)).load_state_dict(nn.Linear(2, 3).state_dict()),
    # Losses.
    "cross_entropy_target_range": lambda: F.cross_entropy(torch.zeros(2, 10), torch.tensor([10, 0])),
    "cross_entropy_negative_target": lambda: F.cross_entropy(torch.zeros(2, 10), torch.tensor([-1, 0])),
    "cross_entropy_target_batch": lambda: F.cross_entropy(torch.zeros(2, 10), torch.tensor([1, 0, 2])),
    "cross_entropy_float_target_shape": lambda: F.cross_entropy(torch.zeros(2, 10), torch.zeros(2, 9)),
    "cross_entropy_float_target_batch": lambda: F.cross_entropy(torch.zeros(2, 10), torch.zeros(3)),
    "cross_entropy_float_target_1d": lambda: F.cross_entropy(torch.zeros(2, 10), torch.zeros(2)),
    "cross_entropy_long_input": lambda: F.cross_entropy(torch.tensor([[1, 2]]), torch.tensor([1])),
    "cross_entropy_weight_size": lambda: F.cross_entropy(torch.zeros(2, 10), torch.tensor([1, 0]), weight=torch.ones(3)),
    "nll_target_range": lambda: F.nll_loss(torch.zeros(2, 10), torch.tensor([10, 0])),
    "nll_float_target_2d": lambda: F.nll_loss(torch.zeros(2, 10), torch.zeros(2, 3)),
    "nll_spatial_target": lambda: F.cross_entropy(torch.zeros(2, 10, 3), torch.zeros(2, 4)),
    "mse_sizes": lambda: F.mse_loss(torch.ones(2, 3), torch.ones(4, 3)),
    "bce_above_one": lambda: nn.BCELoss()(torch.tensor([1.5]), torch.tensor([1.0])),
    "bce_below_zero": lambda: nn.BCELoss()(torch.tensor([-0.5]), torch.tensor([1.0])),
    "bce_sizes": lambda: nn.BCELoss()(torch.tensor([0.5, 0.2]), torch.tensor([1.0])),
    "bce_logits_sizes": lambda: nn.BCEWithLogitsLoss()(torch.tensor([0.5, 0.2]), torch.tensor([1.0])),
    # Functional odds and ends.
    "interpolate_size_and_scale": lambda: F.interpolate(torch.ones(1, 1, 4, 4), size=8, scale_factor=2),
    "interpolate_neither": lambda: F.interpolate(torch.ones(1, 1, 4, 4)),
    "multinomial_zero_sum": lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1),
    "multinomial_negative": lambda: torch.multinomial(torch.tensor([-1.0, 2.0]), 1),
    "multinomial_too_many": lambda: torch.multinomial(torch.tensor([1.0, 2.0]), 3),
    "inverse_not_square": lambda: torch.inverse(torch.ones(2, 3)),
    "einsum_sizes": lambda: torch.einsum("ij,jk->ik", torch.ones(2, 3), torch.ones(4, 5)),
}

out = {"versions": {"torch": torch.__version__, "python": sys.version.split()[0]}}
for name, f in CASES.items():
    try:
        out[name] = {"print": str(f())}
    except Exception as e:  # noqa: BLE001 - the error is the reference
        out[name] = {"error": [type(e).__name__, str(e)]}
with open("error_sweep.json", "w") as fp:
    json.dump(out, fp, indent=1, sort_keys=True)
    fp.write("\n")
