"""PyTorch 1.13 grad_fn names for test/fidelity/grad_fn_names.test.ts.

Run with Debian's /usr/bin/python3 (torch 1.13) from test/reference: writes grad_fn_names.json. Each
case is a PyTorch snippet whose output's grad_fn a user prints (`y.grad_fn`, `type(y.grad_fn).__name__`,
`loss.grad_fn.next_functions[0][0]` as the 60-minute blitz does); its torchlab port is the entry of the
same name in test/fidelity/grad_fn_cases.ts. For each case: the name, the repr with its address
replaced by "...", and the graph written Name(child, ...) down to AccumulateGrad / None (six levels).
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F


def L(*s):
    return torch.randn(*s, requires_grad=True)


def graph(f, depth=6):
    if f is None:
        return "None"
    n = type(f).__name__
    if n == "AccumulateGrad" or depth == 0:
        return n
    return n + "(" + ", ".join(graph(g, depth - 1) for g, _ in f.next_functions) + ")"


C = {}
C["linear"]=lambda: nn.Linear(4,3)(L(2,4))
C["conv1d"]=lambda: nn.Conv1d(2,3,3)(L(1,2,8))
C["conv2d"]=lambda: nn.Conv2d(2,3,3)(L(1,2,5,5))
C["conv_transpose2d"]=lambda: nn.ConvTranspose2d(2,3,3)(L(1,2,4,4))
C["batchnorm1d"]=lambda: nn.BatchNorm1d(3)(L(4,3))
C["batchnorm2d"]=lambda: nn.BatchNorm2d(3)(L(2,3,4,4))
C["batchnorm2d_eval"]=lambda: nn.BatchNorm2d(3).eval()(L(2,3,4,4))
C["layernorm"]=lambda: nn.LayerNorm(4)(L(2,4))
C["groupnorm"]=lambda: nn.GroupNorm(2,4)(L(2,4,3,3))
C["instancenorm2d"]=lambda: nn.InstanceNorm2d(3)(L(2,3,4,4))
C["embedding"]=lambda: nn.Embedding(10,3)(torch.tensor([1,2,3]))
C["lstm"]=lambda: nn.LSTM(3,4,batch_first=True)(L(2,5,3))[0]
C["gru"]=lambda: nn.GRU(3,4,batch_first=True)(L(2,5,3))[0]
C["rnn"]=lambda: nn.RNN(3,4)(L(5,2,3))[0]
C["dropout_train"]=lambda: nn.Dropout(0.5)(L(4,4))
C["dropout_f"]=lambda: F.dropout(L(4,4),0.5)
C["maxpool2d"]=lambda: nn.MaxPool2d(2)(L(1,2,4,4))
C["avgpool2d"]=lambda: nn.AvgPool2d(2)(L(1,2,4,4))
C["max_pool_f"]=lambda: F.max_pool2d(L(1,1,4,4),2)
C["avg_pool_f"]=lambda: F.avg_pool2d(L(1,1,4,4),2)
C["adaptive_avgpool2d"]=lambda: nn.AdaptiveAvgPool2d(1)(L(1,2,4,4))
C["adaptive_avgpool2d_2"]=lambda: nn.AdaptiveAvgPool2d((2,2))(L(1,2,4,4))
C["softmax"]=lambda: F.softmax(L(2,4),dim=1)
C["log_softmax"]=lambda: F.log_softmax(L(2,4),dim=1)
C["cross_entropy"]=lambda: F.cross_entropy(L(2,4),torch.tensor([1,3]))
C["cross_entropy_none"]=lambda: F.cross_entropy(L(2,4),torch.tensor([1,3]),reduction="none")
C["cross_entropy_4d"]=lambda: F.cross_entropy(L(2,4,3,3),torch.randint(0,4,(2,3,3)))
C["cross_entropy_probs"]=lambda: F.cross_entropy(L(2,4),torch.rand(2,4))
C["nll_loss"]=lambda: F.nll_loss(L(2,4),torch.tensor([1,3]))
C["nll_loss_3d_none"]=lambda: F.nll_loss(L(2,3,5),torch.randint(0,3,(2,5)),reduction="none")
C["nll_loss_3d_mean"]=lambda: F.nll_loss(L(2,3,5),torch.randint(0,3,(2,5)))
C["nll_loss_4d_none"]=lambda: F.nll_loss(L(2,3,2,2),torch.randint(0,3,(2,2,2)),reduction="none")
C["mse_loss"]=lambda: F.mse_loss(L(2,4),torch.randn(2,4))
C["mse_none"]=lambda: F.mse_loss(L(2,4),torch.randn(2,4),reduction="none")
C["mse_sum"]=lambda: F.mse_loss(L(2,4),torch.randn(2,4),reduction="sum")
C["l1_loss"]=lambda: F.l1_loss(L(2,4),torch.randn(2,4))
C["bce"]=lambda: F.binary_cross_entropy(torch.sigmoid(L(2,4)),torch.rand(2,4))
C["bce_with_logits"]=lambda: F.binary_cross_entropy_with_logits(L(2,4),torch.rand(2,4))
C["smooth_l1"]=lambda: F.smooth_l1_loss(L(2,4),torch.randn(2,4))
C["huber"]=lambda: F.huber_loss(L(2,4),torch.randn(2,4))
C["kl_div"]=lambda: F.kl_div(L(2,4),torch.rand(2,4),reduction="batchmean")
C["relu"]=lambda: F.relu(L(2,4))
C["gelu"]=lambda: F.gelu(L(2,4))
C["silu"]=lambda: F.silu(L(2,4))
C["leaky_relu"]=lambda: F.leaky_relu(L(2,4))
C["softplus"]=lambda: F.softplus(L(2,3))
C["elu"]=lambda: F.elu(L(2,3))
C["hardtanh"]=lambda: F.hardtanh(L(2,3))
C["relu6"]=lambda: F.relu6(L(2,3))
C["tanh"]=lambda: torch.tanh(L(2,4))
C["sigmoid"]=lambda: torch.sigmoid(L(2,4))
C["matmul"]=lambda: torch.matmul(L(2,3),L(3,4))
C["mm"]=lambda: torch.mm(L(2,3),L(3,4))
C["bmm"]=lambda: torch.bmm(L(2,2,3),L(2,3,4))
C["matmul_3d_2d"]=lambda: L(2,2,3)@L(3,4)
C["addmm"]=lambda: torch.addmm(L(2,4),L(2,3),L(3,4))
C["baddbmm"]=lambda: torch.baddbmm(L(2,2,4),L(2,2,3),L(2,3,4))
C["dot"]=lambda: torch.dot(L(3),L(3))
C["mv"]=lambda: torch.mv(L(2,3),L(3))
C["outer"]=lambda: torch.outer(L(3),L(4))
C["einsum"]=lambda: torch.einsum("ij,jk->ik",L(2,3),L(3,4))
C["sequential_mlp"]=lambda: nn.Sequential(nn.Linear(4,3),nn.ReLU(),nn.Linear(3,2))(L(2,4))
C["view"]=lambda: L(2,6).view(3,4)
C["reshape"]=lambda: L(2,6).reshape(3,4)
C["flatten"]=lambda: L(2,3,4).flatten(1)
C["flatten_module"]=lambda: nn.Flatten()(L(2,3,4))
C["permute"]=lambda: L(2,3,4).permute(2,0,1)
C["transpose"]=lambda: L(2,3,4).transpose(0,1)
C["t"]=lambda: L(2,3).t()
C["squeeze"]=lambda: L(2,1,3).squeeze()
C["squeeze_dim"]=lambda: L(2,1,3).squeeze(1)
C["unsqueeze"]=lambda: L(2,3).unsqueeze(0)
C["cat"]=lambda: torch.cat([L(2,3),L(2,3)])
C["stack"]=lambda: torch.stack([L(2,3),L(2,3)])
C["chunk"]=lambda: L(4,3).chunk(2)[0]
C["split"]=lambda: L(4,3).split(2)[1]
C["unbind"]=lambda: L(4,3).unbind(0)[1]
C["narrow"]=lambda: L(4,3).narrow(0,1,2)
C["select"]=lambda: L(4,3).select(1,0)
C["index_int"]=lambda: L(3,4)[0]
C["index_slice"]=lambda: L(3,4)[1:]
C["index_slice_col"]=lambda: L(3,4)[:,1:3]
C["index_list"]=lambda: L(3,4)[[0,2]]
C["index_mask"]=lambda: (lambda x: x[x>0])(L(3,4))
C["mean"]=lambda: L(2,3).mean()
C["mean_dim"]=lambda: L(2,3).mean(1)
C["sum"]=lambda: L(2,3).sum()
C["sum_dim"]=lambda: L(2,3).sum(0)
C["max"]=lambda: L(2,3).max()
C["max_dim"]=lambda: L(2,3).max(1)[0]
C["min"]=lambda: L(2,3).min()
C["argmax_amax"]=lambda: L(2,3).amax(1)
C["var"]=lambda: L(2,3).var()
C["std"]=lambda: L(2,3).std()
C["var_dim"]=lambda: L(2,3).var(1)
C["norm"]=lambda: L(2,3).norm()
C["norm_dim"]=lambda: L(2,3).norm(dim=1)
C["dist"]=lambda: torch.dist(L(2,3),L(2,3))
C["logsumexp"]=lambda: L(2,3).logsumexp(1)
C["prod"]=lambda: L(2,3).prod()
C["cumsum"]=lambda: L(2,3).cumsum(1)
C["pow"]=lambda: L(2,3).pow(2)
C["pow_tensor"]=lambda: L(2,3).pow(L(2,3))
C["square"]=lambda: L(2,3).square()
C["sqrt"]=lambda: L(2,3).sqrt()
C["rsqrt"]=lambda: L(2,3).rsqrt()
C["reciprocal"]=lambda: L(2,3).reciprocal()
C["exp"]=lambda: L(2,3).exp()
C["log"]=lambda: L(2,3).log()
C["abs"]=lambda: L(2,3).abs()
C["sin"]=lambda: L(2,3).sin()
C["cos"]=lambda: L(2,3).cos()
C["neg"]=lambda: -L(2,3)
C["add"]=lambda: L(2,3)+L(2,3)
C["add_scalar"]=lambda: L(2,3)+1
C["sub"]=lambda: L(2,3)-L(2,3)
C["rsub"]=lambda: 1-L(2,3)
C["mul"]=lambda: L(2,3)*L(2,3)
C["mul_scalar"]=lambda: L(2,3)*2
C["div"]=lambda: L(2,3)/L(2,3)
C["div_scalar"]=lambda: L(2,3)/2
C["clamp"]=lambda: L(2,3).clamp(-0.5,0.5)
C["clamp_min"]=lambda: L(2,3).clamp(min=0)
C["minimum"]=lambda: torch.minimum(L(2,3),L(2,3))
C["maximum"]=lambda: torch.maximum(L(2,3),L(2,3))
C["lerp"]=lambda: torch.lerp(L(2,3),L(2,3),0.3)
C["where"]=lambda: (lambda x: torch.where(x>0,x,L(2,3)))(L(2,3))
C["masked_fill"]=lambda: (lambda x: x.masked_fill(x>0,0.0))(L(2,3))
C["expand"]=lambda: L(1,3).expand(2,3)
C["repeat"]=lambda: L(2,3).repeat(2,1)
C["clone"]=lambda: L(2,3).clone()
C["contiguous_t"]=lambda: L(2,3).t().contiguous()
C["to_float64"]=lambda: L(2,3).double()
C["interpolate_nearest"]=lambda: F.interpolate(L(1,1,2,2),scale_factor=2)
C["interpolate_bilinear"]=lambda: F.interpolate(L(1,1,2,2),scale_factor=2,mode="bilinear",align_corners=False)
C["pad"]=lambda: F.pad(L(1,2,3),(1,1))
C["pad_reflect"]=lambda: F.pad(L(1,2,3),(1,1),mode="reflect")
C["sort"]=lambda: L(2,3).sort(1)[0]
C["topk"]=lambda: L(2,5).topk(2)[0]
C["gather"]=lambda: L(2,3).gather(1,torch.tensor([[0,1],[2,0]]))
C["scatter"]=lambda: torch.zeros(2,3).scatter(1,torch.tensor([[0],[2]]),L(2,1))
C["scatter_self"]=lambda: L(2,3).scatter(1,torch.tensor([[0],[2]]),0.5)
C["embedding_f"]=lambda: F.embedding(torch.tensor([0,2]),L(3,4))
C["cosine_similarity"]=lambda: F.cosine_similarity(L(2,3),L(2,3))
C["normalize"]=lambda: F.normalize(L(2,3))
C["tril"]=lambda: L(3,3).tril()
C["diag"]=lambda: L(3,3).diag()
C["trace"]=lambda: L(3,3).trace()
C["flip"]=lambda: L(2,3).flip(0)
C["roll"]=lambda: L(2,3).roll(1,1)
C["multihead_attention"]=lambda: nn.MultiheadAttention(4,2)(L(3,1,4),L(3,1,4),L(3,1,4))[0]

out = {}
for name, f in C.items():
    torch.manual_seed(0)
    y = f()
    r = repr(y.grad_fn)
    out[name] = {"name": type(y.grad_fn).__name__, "repr": r[: r.index(" at 0x")] + " at ...>", "graph": graph(y.grad_fn)}

# The blitz's walk back from the loss (neural_networks_tutorial.py).
torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6 * 4 * 4, 10))
loss = nn.MSELoss()(net(torch.randn(1, 1, 12, 12)), torch.randn(1, 10))
blitz = [type(loss.grad_fn).__name__, type(loss.grad_fn.next_functions[0][0]).__name__, type(loss.grad_fn.next_functions[0][0].next_functions[0][0]).__name__]

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "grad_fn_names.json"), "w") as fh:
    json.dump({"cases": out, "blitz": blitz}, fh, indent=1, sort_keys=True)
