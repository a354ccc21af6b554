"""Reference outputs of more PyTorch tutorials, for the line-by-line ports in test/tutorials/.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_tutorials6.py
Writes test/reference/tutorials6.json: {section: {name: value}}.

Sections: "(beta) Channels Last Memory Format in PyTorch" (memory_format: pytorch/tutorials
intermediate_source/memory_format_tutorial.py, its CPU lines: the strides and format checks it prints,
the `to`/`contiguous` difference on an N1HW tensor, creation as channels last, clone/empty_like/pointwise
ops preserving the format, the Conv2d of the "cudnn" cell run on the CPU in float32, and "Converting
existing models" on a small conv net; plus the formats PyTorch's CPU ops give a channels-last input, and
the float32 sums that add in memory order). The tutorial's check_wrapper (which monkeypatches every torch
function) and the CUDA/AMP timings are left out.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from _tutorial_common import err, write_json

OUT = {}


def memory_format():
    r = {}
    printed = []
    print_ = lambda *a: printed.append(" ".join(str(x) for x in a))  # noqa: E731
    N, C, H, W = 10, 3, 32, 32
    x = torch.empty(N, C, H, W)
    print_(x.stride())
    x = x.to(memory_format=torch.channels_last)
    print_(x.shape)
    print_(x.stride())
    x = x.to(memory_format=torch.contiguous_format)
    print_(x.stride())
    x = x.contiguous(memory_format=torch.channels_last)
    print_(x.stride())
    print_(x.is_contiguous(memory_format=torch.channels_last))
    special_x = torch.empty(4, 1, 4, 4)
    print_(special_x.is_contiguous(memory_format=torch.channels_last))
    print_(special_x.is_contiguous(memory_format=torch.contiguous_format))
    x = torch.empty(N, C, H, W, memory_format=torch.channels_last)
    print_(x.stride())
    y = x.clone()
    print_(y.stride())
    y = torch.empty_like(x)
    print_(y.stride())
    z = x + y
    print_(z.stride())
    # The "cudnn" cell on the CPU in float32 (no .cuda().half()).
    torch.manual_seed(0)
    model = torch.nn.Conv2d(8, 4, 3)
    model = model.to(memory_format=torch.channels_last)
    input = torch.randint(1, 10, (2, 8, 4, 4), dtype=torch.float32, requires_grad=True)
    input = input.to(memory_format=torch.channels_last)
    out = model(input)
    print_(out.is_contiguous(memory_format=torch.channels_last))
    print_(torch.channels_last, torch.contiguous_format, torch.preserve_format, torch.channels_last_3d)
    r["printed"] = "\n".join(printed)
    r["conv_out"] = out.detach().flatten().tolist()
    r["conv_out_stride"] = list(out.stride())
    r["weight_stride"] = list(model.weight.stride())

    # The tutorial's `to` / `contiguous` remark, and to()'s aliasing.
    s = torch.empty(4, 1, 4, 4)
    r["special_to"] = list(s.to(memory_format=torch.channels_last).stride())
    r["special_contiguous"] = list(s.contiguous(memory_format=torch.channels_last).stride())
    cl = torch.randn(2, 3, 4, 5).to(memory_format=torch.channels_last)
    r["alias"] = [cl.to(memory_format=torch.channels_last) is cl, cl.contiguous(memory_format=torch.channels_last) is cl,
                  cl.contiguous() is cl, cl.is_contiguous()]
    r["more_strides"] = {
        "N111": list(torch.empty(4, 1, 1, 1).to(memory_format=torch.channels_last).stride()),
        "NC11": list(torch.empty(4, 3, 1, 1).to(memory_format=torch.channels_last).stride()),
        "cl3d": list(torch.empty(2, 3, 4, 5, 6).to(memory_format=torch.channels_last_3d).stride()),
        "clone_contig": list(cl.clone(memory_format=torch.contiguous_format).stride()),
        "contiguous": list(cl.contiguous().stride()),
        "detach": list(cl.detach().stride()),
        "permute": list(cl.permute(0, 2, 3, 1).stride()),
        "permute_contig": [cl.permute(0, 2, 3, 1).is_contiguous()],
        "select": list(cl[0].stride()),
        "narrow": list(cl[:, :2].stride()),
        "narrow_cl": [cl[:, :2].is_contiguous(memory_format=torch.channels_last)],
        "reshape": list(cl.reshape(2, -1).stride()),
        "flatten": list(cl.flatten(1).stride()),
        "zeros_like_contig": list(torch.zeros_like(cl, memory_format=torch.contiguous_format).stride()),
        "ones_like": list(torch.ones_like(cl).stride()),
        "full_like": list(torch.full_like(cl, 2.0).stride()),
        "rand_like": list(torch.rand_like(cl).stride()),
        "double": list(cl.double().stride()),
        "rank3_cl": [torch.randn(3, 4, 5).is_contiguous(memory_format=torch.channels_last)],
    }
    r["errors"] = {
        "view": err(lambda: cl.view(2, -1)),
        "to_rank3": err(lambda: torch.randn(3, 4, 5).to(memory_format=torch.channels_last)),
        "contiguous_rank3": err(lambda: torch.randn(3, 4, 5).contiguous(memory_format=torch.channels_last)),
        "empty_rank3": err(lambda: torch.empty(2, 3, 4, memory_format=torch.channels_last)),
        "to_rank4_3d": err(lambda: cl.to(memory_format=torch.channels_last_3d)),
        "contiguous_preserve": err(lambda: cl.contiguous(memory_format=torch.preserve_format)),
        "empty_preserve": err(lambda: torch.empty(2, 3, 4, 5, memory_format=torch.preserve_format)),
        "contiguous_str": err(lambda: cl.contiguous(memory_format="channels_last")),
        "clone_rank4_3d": err(lambda: cl.clone(memory_format=torch.channels_last_3d)),
        "conv3d_to_cl": err(lambda: nn.Conv3d(1, 1, 1).to(memory_format=torch.channels_last)),
        "empty_like_rank3": err(lambda: torch.empty_like(torch.randn(3, 4, 5), memory_format=torch.channels_last)),
    }
    torch.manual_seed(3)
    r["rand_like_values"] = torch.rand_like(cl).flatten().tolist() + torch.rand_like(torch.zeros(2, 3, 4, 5)).flatten().tolist()
    r["is_contiguous_preserve"] = [torch.randn(2, 3, 4, 5).is_contiguous(memory_format=torch.preserve_format),
                                   cl.is_contiguous(memory_format=torch.preserve_format)]
    c = torch.randn(2, 3, 4, 5)
    b = torch.randn(3, 1, 1)
    ops = {
        "cl+c": lambda: cl + c, "c+cl": lambda: c + cl, "cl*2": lambda: cl * 2, "1+cl": lambda: 1 + cl,
        "b+cl": lambda: b + cl, "relu": lambda: F.relu(cl), "exp": lambda: cl.exp(), "sigmoid": lambda: torch.sigmoid(cl),
        "gt": lambda: cl > 0, "where": lambda: torch.where(cl > 0, cl, 0 * cl), "softmax": lambda: F.softmax(cl, 1),
        "log_softmax": lambda: F.log_softmax(cl, 1), "cumsum": lambda: cl.cumsum(1), "sum1": lambda: cl.sum(1),
        "mean_keep": lambda: cl.mean(1, keepdim=True), "linear": lambda: nn.Linear(5, 2)(cl),
        "conv_x": lambda: nn.Conv2d(3, 4, 3)(cl), "conv_c": lambda: nn.Conv2d(3, 4, 3)(c),
        "conv_w": lambda: nn.Conv2d(3, 4, 3).to(memory_format=torch.channels_last)(c),
        "bn": lambda: nn.BatchNorm2d(3)(cl), "max_pool": lambda: F.max_pool2d(cl, 2),
        "max_pool_idx": lambda: F.max_pool2d(cl, 2, return_indices=True)[1],
        "avg_pool": lambda: F.avg_pool2d(cl, 2), "adaptive_avg": lambda: F.adaptive_avg_pool2d(cl, 1),
        "adaptive_max": lambda: F.adaptive_max_pool2d(cl, 2), "mul_self": lambda: cl * cl,
        "clamp": lambda: cl.clamp(0, 1), "tanh": lambda: cl.tanh(), "leaky_relu": lambda: F.leaky_relu(cl),
        "cat_cl_c": lambda: torch.cat([cl, c], 1), "cat_cl_cl": lambda: torch.cat([cl, cl], 1), "cat0": lambda: torch.cat([cl, cl], 0),
        "pad": lambda: F.pad(cl, (1, 1)), "pad_reflect": lambda: F.pad(cl, (1, 1, 1, 1), mode="reflect"),
        "nearest": lambda: F.interpolate(cl, scale_factor=2), "bilinear": lambda: F.interpolate(cl, size=(7, 9), mode="bilinear", align_corners=False),
        "bicubic": lambda: F.interpolate(cl, scale_factor=2, mode="bicubic"),
        "layer_norm": lambda: F.layer_norm(cl, (5,)),
        "instance_norm": lambda: F.instance_norm(cl), "masked_fill": lambda: cl.masked_fill(cl > 0, 0.0),
        "flip": lambda: cl.flip(1), "roll": lambda: cl.roll(1, 1), "sort": lambda: cl.sort(1)[0], "tril": lambda: cl.tril(),
        "gather": lambda: cl.gather(1, torch.zeros(2, 3, 4, 5, dtype=torch.long)), "index_select": lambda: cl.index_select(1, torch.tensor([0, 1])),
        "gelu": lambda: F.gelu(cl), "silu": lambda: F.silu(cl), "mse_none": lambda: F.mse_loss(cl, c, reduction="none"),
        "pow": lambda: cl.pow(2), "abs": lambda: cl.abs(), "neg": lambda: cl.neg(), "float_of_bool": lambda: (cl > 0).float(),
        "nan_to_num": lambda: cl.nan_to_num(), "sign": lambda: cl.sign(), "new_zeros": lambda: cl.new_zeros(2, 3, 4, 5),
    }
    torch.manual_seed(0)
    r["op_strides"] = {k: list(f().stride()) for k, f in ops.items()}
    # float32 sums add in memory order: a channels-last tensor's total differs from the row-major one's.
    # (values both sides compute exactly: integers, then one correctly rounded division)
    g = (torch.arange(2 * 3 * 4 * 5, dtype=torch.float32) * 37 % 101 - 50).reshape(2, 3, 4, 5) / 7
    gl = g.to(memory_format=torch.channels_last)
    r["sums"] = [g.sum().item(), gl.sum().item(), gl.sum((2, 3)).flatten().tolist(), g.sum((2, 3)).flatten().tolist()]

    # "Converting existing models" on a small conv net: each layer's format, the output and the gradients.
    torch.manual_seed(0)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(3, 6, 3, padding=1)
            self.bn = nn.BatchNorm2d(6)
            self.conv2 = nn.Conv2d(6, 4, 3)
            self.fc = nn.Linear(4 * 3 * 3, 5)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.bn(self.conv1(x))), 2)
            strides.append(list(x.stride()))
            x = F.relu(self.conv2(x))
            strides.append(list(x.stride()))
            x = torch.flatten(x, 1)
            strides.append(list(x.stride()))
            return self.fc(x)

    strides = []
    model = Net()
    model = model.to(memory_format=torch.channels_last)
    input = torch.randn(2, 3, 10, 10)
    input = input.to(memory_format=torch.channels_last)
    output = model(input)
    output.sum().backward()
    r["net"] = {
        "strides": strides,
        "output": output.detach().flatten().tolist(),
        "conv1_grad": model.conv1.weight.grad.flatten().tolist(),
        "weights_cl": [p.is_contiguous(memory_format=torch.channels_last) for p in model.parameters()],
    }
    return r


OUT["memory_format"] = memory_format()

if __name__ == "__main__":
    print(write_json(OUT, "tutorials6.json", newline=True))
