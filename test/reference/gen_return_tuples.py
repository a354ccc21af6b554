"""PyTorch 1.13 / Python 3.11 references for test/api/return_tuples.test.ts: what print() writes for the
values PyTorch returns as tuples (split, chunk, unbind, autograd.grad, an LSTM's output, a conv layer's
kernel_size, named_parameters' items, Adam's betas) or as torch.return_types structseqs (linalg.qr,
eigh, svd, frexp, histogram), and for `type(x)` / `divmod`. Each case is one Python expression; the
test prints its TypeScript spelling, under the same name. Run with Debian's /usr/bin/python3 from
test/reference: writes return_tuples.json.
"""
import json
import sys

import torch
import torch.nn as nn

assert torch.__version__.startswith("1.13"), torch.__version__

x = torch.arange(12.0).view(3, 4)
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
s = torch.tensor([[2.0, 1.0], [1.0, 3.0]])


class Net(nn.Module):
    pass


def lstm_types():
    torch.manual_seed(0)
    out = nn.LSTM(2, 3, batch_first=True)(torch.ones(1, 2, 2))
    return (type(out).__name__, len(out), type(out[1]).__name__, len(out[1]))


CASES = {
    "chunk": lambda: x.chunk(2, dim=1),
    "split_sizes": lambda: x.split([1, 3], dim=1),
    "split_size": lambda: torch.split(x, 2),
    "unbind": lambda: torch.arange(4).view(2, 2).unbind(),
    "tensor_split": lambda: torch.tensor_split(torch.arange(5), 2),
    "hsplit": lambda: torch.hsplit(torch.arange(4).view(2, 2), 2),
    "meshgrid": lambda: torch.meshgrid(torch.arange(2), torch.arange(3), indexing="ij"),
    "broadcast_tensors": lambda: torch.broadcast_tensors(torch.ones(2, 1), torch.zeros(3)),
    "atleast_1d_two": lambda: torch.atleast_1d(torch.tensor(1.0), torch.tensor(2.0)),
    "unique_counts": lambda: torch.tensor([3, 1, 2, 3, 1]).unique(return_counts=True),
    "var_mean": lambda: torch.var_mean(torch.tensor([1.0, 2.0, 4.0])),
    "where_one_arg": lambda: torch.where(torch.tensor([0, 1, 1]) > 0),
    "nonzero_as_tuple": lambda: torch.tensor([[0, 1]]).nonzero(as_tuple=True),
    "autograd_grad": lambda: torch.autograd.grad((w * w).sum(), w),
    "pad_packed_lengths": lambda: nn.utils.rnn.pad_packed_sequence(
        nn.utils.rnn.pack_padded_sequence(torch.ones(2, 3, 1), [3, 2], batch_first=True), batch_first=True)[1],
    "lstm_types": lstm_types,
    "conv2d_attrs": lambda: (nn.Conv2d(1, 2, 3).kernel_size, nn.Conv2d(1, 2, 3, stride=2, padding=1).padding,
                             nn.Conv2d(1, 2, 3).dilation),
    "conv1d_kernel": lambda: nn.Conv1d(1, 1, 3).kernel_size,
    "conv_transpose_output_padding": lambda: nn.ConvTranspose2d(1, 1, 2).output_padding,
    "maxpool_kernel": lambda: (nn.MaxPool2d(2).kernel_size, nn.MaxPool2d((2, 2)).kernel_size),
    "zeropad_padding": lambda: nn.ZeroPad2d(1).padding,
    "named_parameters_item": lambda: [(n, tuple(p.shape)) for n, p in nn.Linear(2, 1).named_parameters()][1],
    "named_parameter_pair": lambda: type(list(nn.Linear(2, 1).named_parameters())[0]).__name__,
    "named_modules_item": lambda: list(nn.Sequential(nn.ReLU()).named_modules())[1],
    "adam_betas": lambda: torch.optim.Adam([torch.zeros(1, requires_grad=True)]).param_groups[0]["betas"],
    "qr": lambda: torch.linalg.qr(torch.eye(2)),
    "eigh": lambda: torch.linalg.eigh(2 * torch.eye(2)),
    "eigh_values": lambda: torch.linalg.eigh(s).eigenvalues,
    "svd_old": lambda: torch.svd(torch.eye(2)),
    "linalg_svd_S": lambda: torch.linalg.svd(torch.eye(2)).S,
    "frexp": lambda: torch.frexp(torch.tensor([8.0, 3.0])),
    "histogram": lambda: torch.histogram(torch.tensor([1.0, 2.0, 1.0]), bins=2),
    "max_dim": lambda: torch.max(torch.tensor([[1, 5], [7, 2]]), 1),
    "aminmax": lambda: torch.aminmax(torch.tensor([1, 5, 3])),
    "round_decimals": lambda: (torch.tensor([1.2345, -2.5551]).round(decimals=2), torch.round(torch.tensor([1250.0]), decimals=-2)),
    "type_tensor": lambda: type(torch.ones(1)),
    "type_parameter": lambda: type(nn.Parameter(torch.ones(1))),
    "type_linear": lambda: type(nn.Linear(1, 1)),
    "type_user_class_name": lambda: type(Net()).__name__,
    "type_builtins": lambda: (type(3), type(2.5), type("a"), type(True), type(None), type([1]), type((1, 2)), type({"a": 1})),
    "type_is_tensor": lambda: type(torch.ones(1)) == torch.Tensor,
    "type_same_class": lambda: type(nn.ReLU()) == type(nn.ReLU()),
    "class_names": lambda: (torch.Tensor, nn.Linear, nn.Linear.__name__, type(nn.Linear)),
    "divmod": lambda: (divmod(7, 2), divmod(-7, 2), divmod(7, -2)),
    "divmod_zero": lambda: divmod(1, 0),
}

out = {"versions": {"torch": torch.__version__, "python": sys.version.split()[0]}}
for name, f in CASES.items():
    try:
        out[name] = {"print": str(f())}
    except Exception as e:  # noqa: BLE001 - the error is the reference
        out[name] = {"error": [type(e).__name__, str(e)]}
with open("return_tuples.json", "w") as fp:
    json.dump(out, fp, indent=1, sort_keys=True)
    fp.write("\n")
