"""PyTorch 1.13 / torchvision 0.14 references for test/api/print_sweep.test.ts: what print() writes for
the things a notebook prints all the time: tensors of every dtype torchlab holds (summarised, in
scientific notation, with nan/inf/-0.0, empty, 0-d, under torch.set_printoptions), their grad_fn names
(and grad_fn itself, next_functions, type(grad_fn)), shapes, strides, dtypes and devices, the reprs of nn
layers, containers and losses, optimizers, lr schedulers' state_dict, datasets and transforms. Each case
is one Python expression whose value print() writes (P(a, b) for print(a, b)); the test prints its
TypeScript spelling under the same name. Object addresses (`at 0x7f...`) are masked by the test.
Run with Debian's /usr/bin/python3 from test/reference: writes print_sweep.json.
"""
import json
import sys
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
import torchvision.transforms as T
from torch.utils.data import ConcatDataset, DataLoader, Subset, TensorDataset

assert torch.__version__.startswith("1.13"), torch.__version__


def P(*values):
    """print()'s text for several values."""
    return " ".join(str(v) for v in values)


def with_options(f, **options):
    torch.set_printoptions(**options)
    try:
        return f()
    finally:
        torch.set_printoptions(profile="default")


def x23():
    return torch.ones(2, 3, requires_grad=True)


def w32():
    return torch.ones(3, 2, requires_grad=True)


def sgd():
    return optim.SGD([nn.Parameter(torch.ones(2))], lr=0.1)


def seq3():
    return nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))


def plateau_stepped():
    s = optim.lr_scheduler.ReduceLROnPlateau(sgd())
    s.step(1.5)
    return s.state_dict()


def warm_restarts_stepped():
    o = sgd()
    s = optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=5)
    o.step()
    s.step()
    s.step()
    return s.state_dict()


def steplr_stepped():
    o = sgd()
    s = optim.lr_scheduler.StepLR(o, 2)
    o.step()
    s.step()
    return s.state_dict()


def sequential_lr():
    o = sgd()
    return optim.lr_scheduler.SequentialLR(o, [optim.lr_scheduler.ConstantLR(o, factor=0.5, total_iters=2), optim.lr_scheduler.ExponentialLR(o, 0.9)], milestones=[2]).state_dict()


def chained():
    o = sgd()
    return optim.lr_scheduler.ChainedScheduler([optim.lr_scheduler.ConstantLR(o, factor=0.5, total_iters=2), optim.lr_scheduler.ExponentialLR(o, 0.9)]).state_dict()


def adam_state():
    p = [nn.Parameter(torch.ones(2))]
    o = optim.Adam(p, lr=0.1)
    p[0].grad = torch.ones(2)
    o.step()
    return o.state_dict()["state"]


def unpool1d():
    out, idx = F.max_pool1d(torch.tensor([[[1.0, 2.0, 5.0, 4.0]]]), 2, return_indices=True)
    return nn.MaxUnpool1d(2)(out, idx)


def tensors_dataset():
    return TensorDataset(torch.arange(6.0).view(3, 2)).tensors


def loader_batch():
    ds = TensorDataset(torch.arange(6.0).view(3, 2), torch.tensor([0, 1, 0]))
    return next(iter(DataLoader(ds, batch_size=2)))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.body = nn.Sequential(nn.Linear(4, 2), nn.ReLU())


CASES = {
    # tensors by dtype
    "int8": lambda: torch.tensor([1, -2, 3], dtype=torch.int8),
    "uint8": lambda: torch.tensor([1, 2, 255], dtype=torch.uint8),
    "int16": lambda: torch.tensor([1, 2, 3], dtype=torch.int16),
    "int32": lambda: torch.tensor([1, 2, 3], dtype=torch.int32),
    "int64": lambda: torch.tensor([-100, 5]),
    "bool_2d": lambda: torch.tensor([[True, False], [False, True]]),
    "float64": lambda: torch.tensor([1.5, 2.25], dtype=torch.float64),
    "float64_whole": lambda: torch.tensor([1.0, 2.0], dtype=torch.float64),
    "float32": lambda: torch.tensor([1.0, 2.5]),
    "scalar_int": lambda: torch.tensor(3),
    "scalar_float": lambda: torch.tensor(3.5),
    "scalar_bool": lambda: torch.tensor(True),
    "scalar_int32": lambda: torch.tensor(2, dtype=torch.int32),
    "scalar_sci": lambda: torch.tensor(1e-5),
    "uint8_wrap": lambda: torch.tensor([300]).to(torch.uint8),
    # scientific notation, nan / inf, -0.0
    "sci_small": lambda: torch.tensor([1e-5, 1.0]),
    "sci_large": lambda: torch.tensor([1e10, 1.0]),
    "sci_f64": lambda: torch.tensor([1e-10, 1e10], dtype=torch.float64),
    "no_sci_ratio": lambda: torch.tensor([1000.0, 0.001]),
    "sci_1e8": lambda: torch.tensor([1e8, 1.0]),
    "nan_inf": lambda: torch.tensor([float("nan"), 1.0, float("inf"), -float("inf")]),
    "inf_tiny": lambda: torch.tensor([float("inf"), 1e-8]),
    "neg_zero": lambda: torch.tensor([-0.0, 0.0]),
    "neg_zero_frac": lambda: torch.tensor([-0.0, 1.5]),
    "neg_small": lambda: torch.tensor([-0.0, -1.5e-5]),
    "mixed_width": lambda: torch.tensor([-1.5, 20.25, 300.125]),
    "int_width": lambda: torch.tensor([[-1, 200], [3, -4000]]),
    # empty, summarised, 3-D and 4-D
    "empty": lambda: torch.tensor([]),
    "empty_0x3": lambda: torch.zeros(0, 3),
    "empty_int": lambda: torch.zeros(0, 3, dtype=torch.int32),
    "empty_grad": lambda: torch.zeros(0, requires_grad=True),
    "empty_3d": lambda: P(torch.empty(0, 2, 3).shape, torch.empty(0, 2, 3)),
    "summ_1d": lambda: torch.arange(2000),
    "summ_float": lambda: torch.arange(2000.0),
    "summ_2d": lambda: torch.arange(1001).reshape(7, 143),
    "summ_3d": lambda: torch.arange(2400).reshape(2, 30, 40),
    "summ_4d": lambda: torch.arange(2400.0).reshape(2, 3, 20, 20),
    "small_3d": lambda: torch.arange(24).reshape(2, 3, 4),
    "small_4d": lambda: torch.arange(16.0).reshape(1, 2, 2, 4),
    "wrap_line": lambda: torch.arange(30.0) * 1.5,
    "seeded_randn": lambda: (torch.manual_seed(0), torch.randn(2, 2, 3))[1],
    # set_printoptions
    "opt_precision2": lambda: with_options(lambda: torch.tensor([1.23456, 2.5]), precision=2),
    "opt_precision6": lambda: with_options(lambda: torch.tensor([1.23456789, 2.5]), precision=6),
    "opt_no_sci": lambda: with_options(lambda: torch.tensor([1e-5, 1e5]), sci_mode=False),
    "opt_sci": lambda: with_options(lambda: torch.tensor([1.5, 2.0]), sci_mode=True),
    "opt_threshold": lambda: with_options(lambda: torch.arange(10), threshold=5),
    "opt_edgeitems": lambda: with_options(lambda: torch.arange(20.0).view(4, 5), threshold=5, edgeitems=1),
    "opt_linewidth": lambda: with_options(lambda: torch.arange(20.0), linewidth=30),
    "opt_short": lambda: with_options(lambda: torch.arange(40.0).view(4, 10), profile="short"),
    # requires_grad and grad_fn names
    "leaf_grad": lambda: torch.tensor([0.5, 1.0], dtype=torch.float64, requires_grad=True),
    "parameter": lambda: nn.Parameter(torch.ones(2)),
    "parameter_frozen": lambda: nn.Parameter(torch.ones(2), requires_grad=False),
    "gf_add": lambda: x23() + 1,
    "gf_ops": lambda: P(*[t.grad_fn.name() for t in [x23() - 1, x23() * 2, x23() / 2, -x23(), x23() ** 2, x23().exp(), x23().log(), x23().relu(), torch.sigmoid(x23()), torch.tanh(x23())]]),
    "gf_mm": lambda: x23().mm(w32()),
    "gf_view_select": lambda: P(x23().view(6), x23()[0], x23()[:, 1]),
    "gf_unsqueeze": lambda: x23().unsqueeze(0),
    "gf_sum_mean": lambda: P(x23().sum(), x23().sum(0), x23().mean(), x23().mean(1)),
    "gf_cat_stack": lambda: P(torch.cat([x23(), x23()]).grad_fn.name(), torch.stack([x23(), x23()]).grad_fn.name()),
    "gf_to_copy": lambda: x23().double(),
    "gf_movement": lambda: P(*[t.grad_fn.name() for t in [x23().t(), x23().transpose(0, 1), x23().permute(1, 0), x23().reshape(3, 2), x23().flatten(), x23().expand(2, 2, 3), x23().unsqueeze(0).squeeze(0), x23().squeeze(), x23().repeat(2, 1), x23().clone()]]),
    "gf_reduce": lambda: P(*[t.grad_fn.name() for t in [x23().max(), x23().max(1)[0], x23().min(), x23().amax(1), x23().logsumexp(1), x23().cumsum(1), x23().norm(), x23().std(), x23().var(), x23().prod()]]),
    "gf_functional": lambda: P(*[t.grad_fn.name() for t in [F.softmax(x23(), dim=1), F.log_softmax(x23(), dim=1), F.relu(x23()), F.gelu(x23()), F.leaky_relu(x23()), F.elu(x23()), F.silu(x23()), F.linear(x23(), w32().t()), F.linear(x23(), w32().t(), torch.ones(2))]]),
    "gf_losses": lambda: P(*[t.grad_fn.name() for t in [F.mse_loss(x23(), torch.zeros(2, 3)), F.cross_entropy(x23(), torch.tensor([0, 1])), F.nll_loss(x23(), torch.tensor([0, 1])), F.l1_loss(x23(), torch.ones(2, 3)), F.binary_cross_entropy_with_logits(x23(), torch.ones(2, 3))]]),
    "gf_index": lambda: P(*[t.grad_fn.name() for t in [x23().gather(1, torch.tensor([[0], [1]])), x23().index_select(1, torch.tensor([0, 2])), x23()[torch.tensor([0, 1])], x23().chunk(3, 1)[0], x23().split(1, 1)[1], x23().masked_fill(x23() > 5, 0.0)]]),
    "gf_matmul_1d_2d": lambda: torch.matmul(torch.ones(3, requires_grad=True), w32()),
    "gf_matmul_1d_3d": lambda: torch.matmul(torch.ones(3, requires_grad=True), torch.ones(2, 3, 2)).grad_fn.name(),
    "gf_matmul_3d_1d": lambda: torch.matmul(torch.ones(2, 2, 3, requires_grad=True), torch.ones(3)).grad_fn.name(),
    "gf_matmul_2d_1d": lambda: torch.matmul(torch.ones(2, 3, requires_grad=True), torch.ones(3)).grad_fn.name(),
    "gf_matmul_2d_3d": lambda: P(torch.matmul(x23(), torch.ones(4, 3, 5)).grad_fn.name(), torch.matmul(torch.ones(1, 3, requires_grad=True), torch.ones(4, 3, 5)).grad_fn.name()),
    "gf_matmul_3d_3d": lambda: torch.matmul(torch.ones(2, 2, 3, requires_grad=True), torch.ones(2, 3, 2)).grad_fn.name(),
    "gf_modules": lambda: P(nn.Linear(3, 2)(x23()).grad_fn, nn.Conv2d(1, 1, 3)(torch.ones(1, 1, 4, 4)).grad_fn, nn.LayerNorm(3)(x23()).grad_fn),
    "gf_object": lambda: (x23() + 1).grad_fn,
    "gf_leaf_none": lambda: x23().grad_fn,
    "gf_next_functions": lambda: (x23() * 2).grad_fn.next_functions,
    "gf_next_two": lambda: (x23() + w32().t()).grad_fn.next_functions,
    "gf_next_chain": lambda: ((x23() * 2).sum() + 1).grad_fn.next_functions,
    "gf_type": lambda: P(type((x23() * 2).grad_fn).__name__, type(x23().sum().grad_fn), type((x23() * 1).grad_fn.next_functions[0][0])),
    "gf_type_same": lambda: type((x23() * 2).grad_fn) == type((x23() * 3).grad_fn),
    "gf_inplace": lambda: P((x23() * 1).relu_().grad_fn.name(), (x23() * 1).mul_(2).grad_fn.name()),
    "no_grad": lambda: (lambda: [torch.set_grad_enabled(False), torch.ones(2, requires_grad=True) * 2, torch.set_grad_enabled(True)][1])(),
    # shape, size, stride, dtype, device
    "shape_size": lambda: P(torch.zeros(2, 3).shape, torch.zeros(2, 3).size(), torch.zeros(2, 3).size(1)),
    "strides": lambda: P(torch.zeros(2, 3).stride(), torch.zeros(2, 3).t().stride(), torch.zeros(2, 3, 4).stride(1), torch.zeros(()).stride()),
    "size_alone": lambda: P(torch.Size([2, 3]), torch.Size([]), torch.Size([5]), repr(torch.Size([2, 3]))),
    "sizes_in_list": lambda: [torch.zeros(2).shape, torch.zeros(1, 2).shape],
    "size_dtype_tuple": lambda: (torch.zeros(2).shape, torch.float32),
    "dtypes": lambda: P(torch.float32, torch.int64, torch.bool, torch.uint8, torch.float, torch.double, torch.long, torch.int, torch.float16, torch.half),
    "dtypes_in_list": lambda: [torch.float32, torch.int8],
    "dtype_in_dict": lambda: {"dtype": torch.float32},
    "devices": lambda: P(torch.device("cpu"), repr(torch.device("cpu")), torch.device("cuda:0"), [torch.device("cpu")]),
    "device_index_arg": lambda: P(repr(torch.device("cuda", 1)), torch.device("cuda", 0), repr(torch.device("cpu", 0))),
    "device_index_twice": lambda: torch.device("cuda:0", 1),
    "device_index_negative": lambda: torch.device("cuda", -1),
    "finfo_iinfo": lambda: P(torch.finfo(torch.float32), torch.iinfo(torch.int32)),
    # nn layers
    "conv1d": lambda: nn.Conv1d(1, 3, 3, stride=2, padding=1, bias=False),
    "conv2d": lambda: nn.Conv2d(1, 3, 3, stride=2, padding=1, dilation=2, bias=False, padding_mode="reflect"),
    "conv2d_same": lambda: nn.Conv2d(4, 4, (3, 5), groups=2, padding="same"),
    "conv3d": lambda: nn.Conv3d(1, 2, 3, stride=(1, 2, 2)),
    "conv_transpose": lambda: P(nn.ConvTranspose2d(3, 1, 4, stride=2, padding=1, output_padding=1), nn.ConvTranspose1d(3, 1, 2)),
    "linear_bilinear": lambda: P(nn.Linear(3, 4, bias=False), nn.Bilinear(2, 3, 4)),
    "pools": lambda: P(nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), nn.MaxPool1d(2), nn.AvgPool2d(2, count_include_pad=False), nn.AdaptiveAvgPool2d((1, 1)), nn.AdaptiveMaxPool1d(4), nn.LPPool2d(2, 3)),
    "max_unpool": lambda: P(nn.MaxUnpool2d(2), nn.MaxUnpool1d(2), nn.MaxUnpool2d((2, 3), stride=1, padding=(0, 1))),
    "max_unpool1d_forward": unpool1d,
    "norms": lambda: P(nn.BatchNorm1d(4), nn.BatchNorm2d(4, momentum=None, affine=False), nn.BatchNorm3d(4, eps=1e-3, track_running_stats=False), nn.LayerNorm([2, 5], elementwise_affine=False), nn.GroupNorm(2, 4), nn.InstanceNorm1d(3, affine=True), nn.LocalResponseNorm(2)),
    "dropouts": lambda: P(nn.Dropout(), nn.Dropout(p=0.3, inplace=True), nn.Dropout2d(0.2, inplace=True), nn.AlphaDropout(0.1, True), nn.Dropout1d(0.1)),
    "activations": lambda: P(nn.ReLU(inplace=True), nn.LeakyReLU(), nn.LeakyReLU(0.2, inplace=True), nn.ELU(alpha=0.5), nn.GELU(), nn.GELU(approximate="tanh"), nn.Hardtanh(), nn.Softmax(dim=1), nn.LogSoftmax(dim=-1), nn.Softmax()),
    "activations_more": lambda: P(nn.PReLU(3, 0.1), nn.RReLU(), nn.Threshold(0.1, 20.5), nn.GLU(), nn.Softplus(beta=2, threshold=10), nn.Hardshrink(), nn.Softshrink(0.3), nn.CELU(), nn.SiLU(), nn.Mish()),
    "embedding": lambda: P(nn.Embedding(10, 3), nn.Embedding(10, 3, padding_idx=0), nn.EmbeddingBag(10, 3, mode="sum")),
    "rnns": lambda: P(nn.RNN(4, 8, num_layers=2, nonlinearity="relu", batch_first=True, dropout=0.5, bidirectional=True), nn.LSTM(4, 8, 2, batch_first=True), nn.LSTM(4, 8, bias=False, proj_size=3), nn.GRU(4, 8, bidirectional=True)),
    "rnn_cells": lambda: P(nn.RNNCell(4, 8, nonlinearity="relu"), nn.LSTMCell(4, 8), nn.GRUCell(4, 8, bias=False)),
    "transformer_layer": lambda: nn.TransformerEncoderLayer(8, 2, dim_feedforward=16),
    "transformer": lambda: nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=16),
    "mha": lambda: P(nn.MultiheadAttention(8, 2), nn.MultiheadAttention(8, 2, kdim=4, vdim=4)),
    "shape_layers": lambda: P(nn.Identity(), nn.Flatten(), nn.Flatten(0, -1), nn.Unflatten(1, (2, 5)), nn.PixelShuffle(2), nn.PixelUnshuffle(2), nn.ZeroPad2d((1, 2, 0, 1)), nn.ConstantPad1d(2, 3.5), nn.ReflectionPad2d(2)),
    "upsample": lambda: P(nn.Upsample(scale_factor=2), nn.Upsample(scale_factor=2.5, mode="bilinear", align_corners=False), nn.Upsample(size=(4, 4))),
    "fold": lambda: P(nn.Fold(output_size=(4, 4), kernel_size=2), nn.Unfold(kernel_size=2, stride=2)),
    "losses": lambda: P(nn.CrossEntropyLoss(), nn.CrossEntropyLoss(label_smoothing=0.1, ignore_index=0), nn.MSELoss(), nn.L1Loss(reduction="sum"), nn.NLLLoss(), nn.BCEWithLogitsLoss(), nn.SmoothL1Loss(beta=0.5), nn.HuberLoss(delta=2.5), nn.KLDivLoss(reduction="batchmean"), nn.MarginRankingLoss(margin=0.5)),
    # containers
    "sequential": lambda: nn.Sequential(nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2)), nn.Flatten()),
    "sequential_empty": lambda: P(nn.Sequential(), nn.ModuleList()),
    "sequential_named": lambda: nn.Sequential(OrderedDict([("fc", nn.Linear(2, 2)), ("act", nn.Tanh())])),
    "sequential_slice": lambda: seq3()[1:],
    "sequential_slice_items": lambda: (lambda s: P(s[0], s[-1], len(s)))(seq3()[1:]),
    "sequential_slice_twice": lambda: P(seq3()[:2], seq3()[1:][1:]),
    "sequential_slice_keys": lambda: list(seq3()[1:].state_dict().keys()),
    "module_list_slice": lambda: nn.ModuleList([nn.Linear(2, 2), nn.ReLU(), nn.Tanh()])[1:],
    "module_dict": lambda: nn.ModuleDict({"a": nn.Linear(2, 2), "b": nn.ModuleList([nn.ReLU()])}),
    "parameter_list_dict": lambda: P(nn.ParameterList([nn.Parameter(torch.ones(2))]), nn.ParameterDict({"w": nn.Parameter(torch.ones(2, 3))})),
    "user_module": lambda: Net(),
    "linear_weight": lambda: (torch.manual_seed(0), nn.Linear(2, 1).weight)[1],
    "linear_state_dict": lambda: (torch.manual_seed(0), nn.Linear(2, 1).state_dict())[1],
    "named_modules": lambda: list(nn.Sequential(nn.Linear(2, 2)).named_modules()),
    "buffers": lambda: P(nn.BatchNorm1d(2).running_mean, nn.BatchNorm1d(2).num_batches_tracked),
    # optimizers and schedulers
    "sgd": lambda: optim.SGD([nn.Parameter(torch.ones(2))], lr=0.1, momentum=0.9, nesterov=True, weight_decay=5e-4),
    "adam": lambda: optim.Adam([nn.Parameter(torch.ones(2))], lr=1e-3, betas=(0.5, 0.999), amsgrad=True),
    "adamw_rmsprop_adagrad": lambda: P(optim.AdamW([nn.Parameter(torch.ones(2))], lr=3e-4), optim.RMSprop([nn.Parameter(torch.ones(2))], lr=0.01), optim.Adagrad([nn.Parameter(torch.ones(2))])),
    "sgd_groups": lambda: (lambda m: optim.SGD([{"params": m[0].parameters()}, {"params": m[1].parameters(), "lr": 0.01}], lr=0.1, momentum=0.9))(nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))),
    "optimizer_state_dict": lambda: sgd().state_dict(),
    "adam_state": adam_state,
    "steplr_state": lambda: optim.lr_scheduler.StepLR(sgd(), step_size=2, gamma=0.5).state_dict(),
    "steplr_stepped": steplr_stepped,
    "multisteplr_state": lambda: optim.lr_scheduler.MultiStepLR(sgd(), [2, 4]).state_dict(),
    "multisteplr_counter": lambda: optim.lr_scheduler.MultiStepLR(sgd(), [3, 1, 3], gamma=0.5).milestones,
    "exponentiallr_state": lambda: optim.lr_scheduler.ExponentialLR(sgd(), 0.9).state_dict(),
    "cosinelr_state": lambda: optim.lr_scheduler.CosineAnnealingLR(sgd(), T_max=10).state_dict(),
    "constantlr_state": lambda: optim.lr_scheduler.ConstantLR(sgd()).state_dict(),
    "lambdalr_state": lambda: optim.lr_scheduler.LambdaLR(sgd(), lambda e: 0.5).state_dict(),
    "multiplicativelr_state": lambda: optim.lr_scheduler.MultiplicativeLR(sgd(), lambda e: 0.9).state_dict(),
    "warm_restarts_state": lambda: optim.lr_scheduler.CosineAnnealingWarmRestarts(sgd(), T_0=5).state_dict(),
    "warm_restarts_stepped": warm_restarts_stepped,
    "plateau_state": lambda: optim.lr_scheduler.ReduceLROnPlateau(sgd()).state_dict(),
    "plateau_stepped": plateau_stepped,
    "sequentiallr_state": sequential_lr,
    "chained_state": chained,
    # data
    "tensor_dataset_item": lambda: (lambda ds: P(len(ds), ds[0]))(TensorDataset(torch.arange(6.0).view(3, 2), torch.tensor([0, 1, 0]))),
    "tensor_dataset_tensors": tensors_dataset,
    "loader_attrs": lambda: (lambda dl: P(len(dl), dl.batch_size, dl.drop_last, dl.num_workers, type(dl.sampler).__name__, type(dl.batch_sampler).__name__))(DataLoader(TensorDataset(torch.arange(6.0).view(3, 2)), batch_size=2)),
    "loader_batch": loader_batch,
    "subset_concat": lambda: P(Subset(TensorDataset(torch.arange(10.0)), [1, 3])[1], ConcatDataset([TensorDataset(torch.arange(3.0)), TensorDataset(torch.arange(2.0))]).cumulative_sizes),
    # transforms and datasets
    "compose": lambda: T.Compose([T.Resize(256), T.CenterCrop(224), T.ToTensor(), T.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])]),
    "normalize_tuple": lambda: T.Normalize((0.1307,), (0.3081,)),
    "resize": lambda: P(T.Resize(32), T.Resize([32, 32]), T.Resize((32, 32))),
    "crops": lambda: P(T.RandomCrop(32, padding=4), T.CenterCrop((32, 32)), T.CenterCrop([32, 32]), T.RandomResizedCrop(224)),
    "color_jitter": lambda: P(T.ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4, hue=0.1), T.ColorJitter(brightness=(0.5, 1.5)), T.ColorJitter(contrast=[0.5, 1.5])),
    "affine_rotation": lambda: P(T.RandomAffine(0, translate=(0.1, 0.1)), T.RandomAffine(0, translate=[0.1, 0.1]), T.RandomRotation(10)),
    "flips_misc": lambda: P(T.RandomHorizontalFlip(), T.RandomVerticalFlip(0.3), T.Grayscale(3), T.Pad(2, fill=1, padding_mode="reflect"), T.RandomErasing(), T.GaussianBlur(3)),
    "fakedata": lambda: torchvision.datasets.FakeData(size=10, image_size=(1, 28, 28), transform=T.ToTensor()),
}

out = {"versions": {"torch": torch.__version__, "torchvision": torchvision.__version__, "python": sys.version.split()[0]}}
for name, f in CASES.items():
    try:
        out[name] = {"print": str(f())}
    except Exception as e:  # noqa: BLE001 - the error is the reference
        out[name] = {"error": [type(e).__name__, str(e)]}
with open("print_sweep.json", "w") as fp:
    json.dump(out, fp, indent=1, sort_keys=True)
    fp.write("\n")
