#!/usr/bin/python3
"""Reference values for the modules of branch modules2 (attention and the Transformer, GroupNorm and
InstanceNorm, the extra activations, pixel shuffle / fold / grid sampling, distances, the extra
losses), from PyTorch 1.13 (Debian's python3-torch).

    /usr/bin/python3 test/reference/gen_modules2.py

Module cases: a constructor in both languages, parameters overwritten with rounded random values
(stored as the state_dict the TypeScript side loads), the repr, the forward call in both languages in
train or eval mode, the outputs, and the gradients of sum(out_i * g_i) (g_i fixed random) with
respect to every parameter and every float input. Functional cases are the same without a module.
The tutorial case is PyTorch's "Language modeling with nn.Transformer" TransformerModel (dropout 0)
trained a few SGD steps from a stored state_dict on a synthetic token stream: the losses per step.
Writes test/reference/modules2.json.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from _common import enc, r4

HERE = os.path.dirname(os.path.abspath(__file__))
rng = torch.Generator().manual_seed(2024)


def rnd(shape, scale=1.0, kind="n"):
    if kind == "n":
        t = torch.randn(shape, generator=rng) * scale
    elif kind == "pos":
        t = torch.rand(shape, generator=rng) * 2 + 0.5
    else:
        raise ValueError(kind)
    return torch.tensor(r4(t.reshape(-1))).reshape(shape)


def make_input(spec):
    """spec: ('f', shape[, scale]) normal floats | ('pos', shape) in [0.5, 2.5) | ('v', values) explicit
    (floats stay float32, ints int64, bools bool) | ('i', shape, low, high) random integers."""
    kind = spec[0]
    if kind == "v":
        t = torch.tensor(spec[1])
        return t.float() if t.dtype == torch.float64 else t
    if kind == "f":
        return rnd(spec[1], spec[2] if len(spec) > 2 else 1.0)
    if kind == "pos":
        return rnd(spec[1], kind="pos")
    if kind == "i":
        return torch.randint(spec[2], spec[3], spec[1], generator=rng)
    raise ValueError(kind)


def loss_of(outs):
    gs, loss = [], 0
    for o in outs:
        if o is not None and o.requires_grad:
            g = rnd(list(o.shape))
            loss = loss + (o * g).sum()
            gs.append(enc(g))
        else:
            gs.append(None)
    return loss, gs


CASES = []


def case(name, inputs, py, ts, ctor=None, ts_ctor=None, mode="train", nograd=(), param_scale=0.5, grad=True, setup=None):
    """With ctor: a module case (`m` in scope); inputs maps names to make_input specs."""
    env = {"torch": torch, "F": F, "nn": nn, "math": math}
    c = {"name": name, "py": py, "ts": ts, "mode": mode}
    if ctor is not None:
        torch.manual_seed(0)
        m = eval(ctor, env)
        with torch.no_grad():
            for _, p in m.named_parameters():
                p.copy_(rnd(list(p.shape), param_scale))
        if setup:
            setup(m)
        m.train(mode == "train")
        env["m"] = m
        c.update(ctor=ctor, ts_ctor=ts_ctor, repr=repr(m), state={k: enc(v) for k, v in m.state_dict().items()})
    enc_inputs = {}
    for k, spec in inputs.items():
        t = make_input(spec)
        if grad and t.dtype == torch.float32 and k not in nograd:
            t.requires_grad_(True)
        env[k] = t
        enc_inputs[k] = enc(t)
    c["inputs"] = enc_inputs
    c["nograd"] = list(nograd)
    out = eval(py, env)
    outs = list(out) if isinstance(out, (tuple, list)) else [out]
    c["multi"] = isinstance(out, (tuple, list))
    c["out"] = [None if o is None else enc(o) for o in outs]
    if grad and any(o is not None and o.requires_grad for o in outs):
        loss, gs = loss_of(outs)
        loss.backward()
        c["grad_out"] = gs
        c["grads"] = {k: enc(env[k].grad if env[k].grad is not None else torch.zeros_like(env[k]))
                      for k in inputs if isinstance(env[k], torch.Tensor) and env[k].requires_grad}
        if ctor is not None:
            c["param_grads"] = {n: enc(p.grad if p.grad is not None else torch.zeros_like(p))
                                for n, p in env["m"].named_parameters()}
    if ctor is not None and mode == "train" and len(list(env["m"].buffers())) > 0:
        c["state_after"] = {k: enc(v) for k, v in env["m"].state_dict().items()}
    CASES.append(c)


# ---------------------------------------------------------------- attention and the Transformer
L, S, N, E = 4, 5, 2, 8
case("mha self", {"x": ("f", [L, N, E])}, "m(x, x, x)", "m(x, x, x)",
     "nn.MultiheadAttention(8, 2)", "new nn.MultiheadAttention(8, 2)")
case("mha cross kdim vdim", {"q": ("f", [L, N, E]), "k": ("f", [S, N, 6]), "v": ("f", [S, N, 3])},
     "m(q, k, v)", "m(q, k, v)",
     "nn.MultiheadAttention(8, 4, kdim=6, vdim=3)", "new nn.MultiheadAttention(8, 4, {kdim: 6, vdim: 3})")
case("mha batch_first masks", {"q": ("f", [N, L, E]), "k": ("f", [N, S, E]),
                               "kpm": ("v", [[False, False, False, True, True], [False, False, False, False, False]]),
                               "am": ("v", [[False, True, False, False, False]] * L)},
     "m(q, k, k, key_padding_mask=kpm, attn_mask=am)", "m(q, k, k, {key_padding_mask: kpm, attn_mask: am})",
     "nn.MultiheadAttention(8, 2, batch_first=True)", "new nn.MultiheadAttention(8, 2, {batch_first: true})")
case("mha float mask per head no average", {"q": ("f", [L, N, E]), "k": ("f", [S, N, E]), "am": ("f", [N * 2, L, S])},
     "m(q, k, k, attn_mask=am, average_attn_weights=False)", "m(q, k, k, {attn_mask: am, average_attn_weights: false})",
     "nn.MultiheadAttention(8, 2)", "new nn.MultiheadAttention(8, 2)", nograd=("am",))
case("mha float kpm need_weights false", {"x": ("f", [L, N, E]), "kpm": ("v", [[0.0, 0.0, -1.5, -math.inf], [0.0, 0.5, 0.0, 0.0]])},
     "m(x, x, x, key_padding_mask=kpm, need_weights=False)", "m(x, x, x, {key_padding_mask: kpm, need_weights: false})",
     "nn.MultiheadAttention(8, 2)", "new nn.MultiheadAttention(8, 2)", nograd=("kpm",))
case("mha bool attn_mask with float kpm (1.13 ORs them)", {"x": ("f", [L, N, E]), "kpm": ("v", [[0.0, -1.5, 0.0, 0.0], [0.0, 0.0, 0.0, -math.inf]]),
                                                        "am": ("v", [[False, False, True, False]] * L)},
     "m(x, x, x, key_padding_mask=kpm, attn_mask=am)", "m(x, x, x, {key_padding_mask: kpm, attn_mask: am})",
     "nn.MultiheadAttention(8, 2)", "new nn.MultiheadAttention(8, 2)", nograd=("kpm",))
case("mha unbatched bias_kv zero_attn no bias", {"q": ("f", [L, E]), "k": ("f", [S, E])},
     "m(q, k, k)", "m(q, k, k)",
     "nn.MultiheadAttention(8, 2, bias=False, add_bias_kv=True, add_zero_attn=True)",
     "new nn.MultiheadAttention(8, 2, {bias: false, add_bias_kv: true, add_zero_attn: true})")
case("mha eval dropout", {"x": ("f", [L, N, E])}, "m(x, x, x)", "m(x, x, x)",
     "nn.MultiheadAttention(8, 2, dropout=0.5)", "new nn.MultiheadAttention(8, 2, {dropout: 0.5})", mode="eval")

enc_ctor = "nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8, 0.0), 2, norm=nn.LayerNorm(4))"
enc_ts = "new nn.TransformerEncoder(new nn.TransformerEncoderLayer(4, 2, 8, 0.0), 2, {norm: new nn.LayerNorm(4)})"
case("encoder train causal", {"x": ("f", [L, N, 4])}, "m(x, nn.Transformer.generate_square_subsequent_mask(4))",
     "m(x, nn.Transformer.generate_square_subsequent_mask(4))", enc_ctor, enc_ts)
case("encoder eval kpm", {"x": ("f", [L, N, 4]), "kpm": ("v", [[False, False, True, True], [False, False, False, False]])},
     "m(x, src_key_padding_mask=kpm)", "m(x, {src_key_padding_mask: kpm})", enc_ctor, enc_ts, mode="eval")
case("encoder layer gelu norm_first batch_first", {"x": ("f", [N, L, 4])}, "m(x)", "m(x)",
     "nn.TransformerEncoderLayer(4, 2, dim_feedforward=6, dropout=0.0, activation='gelu', norm_first=True, batch_first=True)",
     "new nn.TransformerEncoderLayer(4, 2, {dim_feedforward: 6, dropout: 0.0, activation: 'gelu', norm_first: true, batch_first: true})")
nested_ctor = "nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8, 0.1, batch_first=True), 2, norm=nn.LayerNorm(4))"
nested_ts = "new nn.TransformerEncoder(new nn.TransformerEncoderLayer(4, 2, 8, 0.1, {batch_first: true}), 2, {norm: new nn.LayerNorm(4)})"
case("encoder eval no_grad nested kpm", {"x": ("f", [N, L, 4]), "kpm": ("v", [[False, False, True, True], [False, False, False, True]])},
     "torch.no_grad()(lambda: m(x, src_key_padding_mask=kpm))()", "torch.no_grad(() => m(x, {src_key_padding_mask: kpm}))", nested_ctor, nested_ts, mode="eval", grad=False)
case("decoder layer", {"t": ("f", [L, N, 4]), "mem": ("f", [S, N, 4])},
     "m(t, mem, tgt_mask=nn.Transformer.generate_square_subsequent_mask(4))",
     "m(t, mem, {tgt_mask: nn.Transformer.generate_square_subsequent_mask(4)})",
     "nn.TransformerDecoderLayer(4, 2, 8, 0.0)", "new nn.TransformerDecoderLayer(4, 2, 8, 0.0)")
case("transformer", {"src": ("f", [S, N, 4]), "tgt": ("f", [L, N, 4])},
     "m(src, tgt, tgt_mask=nn.Transformer.generate_square_subsequent_mask(4))",
     "m(src, tgt, {tgt_mask: nn.Transformer.generate_square_subsequent_mask(4)})",
     "nn.Transformer(d_model=4, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=8, dropout=0.0)",
     "new nn.Transformer({d_model: 4, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 1, dim_feedforward: 8, dropout: 0.0})")

# ---------------------------------------------------------------- normalisation
case("GroupNorm", {"x": ("f", [2, 6, 3, 2])}, "m(x)", "m(x)", "nn.GroupNorm(3, 6)", "new nn.GroupNorm(3, 6)")
case("GroupNorm no affine 3d", {"x": ("f", [2, 4, 5])}, "m(x)", "m(x)", "nn.GroupNorm(2, 4, eps=1e-3, affine=False)", "new nn.GroupNorm(2, 4, {eps: 1e-3, affine: false})")
case("F.group_norm", {"x": ("f", [3, 4, 2]), "w": ("f", [4]), "b": ("f", [4])}, "F.group_norm(x, 2, w, b)", "F.group_norm(x, 2, w, b)")
case("InstanceNorm2d", {"x": ("f", [2, 3, 3, 2])}, "m(x)", "m(x)", "nn.InstanceNorm2d(3)", "new nn.InstanceNorm2d(3)")
case("InstanceNorm2d affine tracked train", {"x": ("f", [2, 3, 3, 2])}, "m(x)", "m(x)",
     "nn.InstanceNorm2d(3, affine=True, track_running_stats=True)", "new nn.InstanceNorm2d(3, {affine: true, track_running_stats: true})")
case("InstanceNorm1d tracked eval", {"x": ("f", [2, 3, 5])}, "m(x)", "m(x)",
     "nn.InstanceNorm1d(3, momentum=0.3, affine=True, track_running_stats=True)",
     "new nn.InstanceNorm1d(3, {momentum: 0.3, affine: true, track_running_stats: true})", mode="eval",
     setup=lambda m: (m.running_mean.copy_(torch.tensor([0.1, -0.2, 0.3])), m.running_var.copy_(torch.tensor([1.5, 0.5, 2.0]))))
case("InstanceNorm1d unbatched", {"x": ("f", [3, 5])}, "m(x)", "m(x)", "nn.InstanceNorm1d(3)", "new nn.InstanceNorm1d(3)")
case("LocalResponseNorm", {"x": ("f", [2, 5, 2, 2])}, "m(x)", "m(x)", "nn.LocalResponseNorm(3, alpha=0.1, beta=0.6, k=2.0)",
     "new nn.LocalResponseNorm(3, {alpha: 0.1, beta: 0.6, k: 2.0})")
case("F.local_response_norm 3d even size", {"x": ("f", [2, 4, 3])}, "F.local_response_norm(x, 2)", "F.local_response_norm(x, 2)")

# ---------------------------------------------------------------- activations
ACTS = [
    ("nn.PReLU()", "new nn.PReLU()"), ("nn.PReLU(3, init=0.1)", "new nn.PReLU(3, 0.1)"),
    ("nn.RReLU(0.1, 0.3)", "new nn.RReLU(0.1, 0.3)"), ("nn.Hardswish()", "new nn.Hardswish()"),
    ("nn.Hardsigmoid()", "new nn.Hardsigmoid()"), ("nn.Mish()", "new nn.Mish()"), ("nn.Softsign()", "new nn.Softsign()"),
    ("nn.Tanhshrink()", "new nn.Tanhshrink()"), ("nn.Softshrink(0.3)", "new nn.Softshrink(0.3)"),
    ("nn.Hardshrink()", "new nn.Hardshrink()"), ("nn.Threshold(0.1, 20.0)", "new nn.Threshold(0.1, 20.0)"),
    ("nn.GLU(2)", "new nn.GLU(2)"), ("nn.CELU(0.7)", "new nn.CELU(0.7)"), ("nn.SELU()", "new nn.SELU()"),
    ("nn.SELU(inplace=True)", "new nn.SELU(true)"), ("nn.CELU(inplace=True)", "new nn.CELU({inplace: true})"),
]
for py_ctor, ts_ctor in ACTS:
    case(py_ctor, {"x": ("f", [2, 3, 4], 2.5)}, "m(x * 1)", "m(x.mul(1))", py_ctor, ts_ctor, mode="eval")
case("F.hardswish F.hardsigmoid wide", {"x": ("v", [-5.0, -2.5, -1.0, 0.5, 2.9, 4.0])}, "(F.hardswish(x), F.hardsigmoid(x))", "[F.hardswish(x), F.hardsigmoid(x)]")
case("F.glu default dim", {"x": ("f", [3, 4])}, "F.glu(x)", "F.glu(x)")
case("F.threshold inplace on non-leaf", {"x": ("f", [5])}, "F.threshold(x * 2, 0.5, -1.0, inplace=True)", "F.threshold(x.mul(2), 0.5, -1.0, true)")
case("F.prelu per channel 4d", {"x": ("f", [2, 3, 2, 2]), "w": ("f", [3])}, "F.prelu(x, w)", "F.prelu(x, w)")

# ---------------------------------------------------------------- vision: shuffles, fold/unfold, grid sampling, distances
case("PixelShuffle", {"x": ("f", [2, 8, 2, 3])}, "m(x)", "m(x)", "nn.PixelShuffle(2)", "new nn.PixelShuffle(2)")
case("PixelUnshuffle", {"x": ("f", [1, 2, 4, 6])}, "m(x)", "m(x)", "nn.PixelUnshuffle(2)", "new nn.PixelUnshuffle(2)")
case("ChannelShuffle", {"x": ("f", [2, 6, 2])}, "m(x)", "m(x)", "nn.ChannelShuffle(3)", "new nn.ChannelShuffle(3)", grad=False)  # 1.13 has no backward for it
case("Unfold", {"x": ("f", [2, 3, 5, 4])}, "m(x)", "m(x)", "nn.Unfold((2, 3))", "new nn.Unfold([2, 3])")
case("Unfold dilation padding stride", {"x": ("f", [1, 2, 6, 5])}, "m(x)", "m(x)",
     "nn.Unfold(kernel_size=2, dilation=(1, 2), padding=1, stride=(2, 1))", "new nn.Unfold({kernel_size: 2, dilation: [1, 2], padding: 1, stride: [2, 1]})")
case("Fold", {"x": ("f", [2, 12, 6])}, "m(x)", "m(x)", "nn.Fold(output_size=(3, 4), kernel_size=2)", "new nn.Fold({output_size: [3, 4], kernel_size: 2})")
case("Fold stride padding dilation", {"x": ("f", [1, 8, 12])}, "m(x)", "m(x)",
     "nn.Fold((5, 6), (2, 2), dilation=(2, 1), padding=1, stride=(2, 2))", "new nn.Fold([5, 6], [2, 2], {dilation: [2, 1], padding: 1, stride: [2, 2]})")
case("F.fold unbatched", {"x": ("f", [4, 9])}, "F.fold(x, (4, 4), 2)", "F.fold(x, [4, 4], 2)")
case("F.unfold unbatched", {"x": ("f", [2, 3, 3])}, "F.unfold(x, 2)", "F.unfold(x, 2)")
theta = [[[0.9, -0.2, 0.1], [0.3, 1.1, -0.15]], [[1.2, 0.4, -0.3], [-0.5, 0.8, 0.25]]]
for ac in (False, True):
    case("F.affine_grid align_corners=%s" % ac, {"theta": ("v", theta)}, "F.affine_grid(theta, [2, 3, 4, 5], align_corners=%s)" % ac,
         "F.affine_grid(theta, [2, 3, 4, 5], {align_corners: %s})" % str(ac).lower())
for mode in ("bilinear", "nearest"):
    for pm in ("zeros", "border", "reflection"):
        for ac in (False, True):
            nog = ("g",) if mode == "nearest" else ()
            case("F.grid_sample %s %s align_corners=%s" % (mode, pm, ac), {"x": ("f", [2, 2, 3, 4]), "g": ("f", [2, 3, 2, 2], 0.8)},
                 "F.grid_sample(x, g, mode='%s', padding_mode='%s', align_corners=%s)" % (mode, pm, ac),
                 "F.grid_sample(x, g, {mode: '%s', padding_mode: '%s', align_corners: %s})" % (mode, pm, str(ac).lower()), nograd=nog)
case("STN: affine_grid + grid_sample", {"x": ("f", [2, 1, 5, 5]), "theta": ("v", theta)},
     "F.grid_sample(x, F.affine_grid(theta, x.size(), align_corners=False), align_corners=False)",
     "F.grid_sample(x, F.affine_grid(theta, x.size(), {align_corners: false}), {align_corners: false})")
case("CosineSimilarity", {"a": ("f", [3, 5]), "b": ("f", [3, 5])}, "m(a, b)", "m(a, b)", "nn.CosineSimilarity()", "new nn.CosineSimilarity()")
case("F.cosine_similarity dim -1 broadcast", {"a": ("f", [2, 3, 4]), "b": ("f", [3, 4])}, "F.cosine_similarity(a, b, dim=-1)", "F.cosine_similarity(a, b, {dim: -1})")
case("PairwiseDistance", {"a": ("f", [3, 5]), "b": ("f", [3, 5])}, "m(a, b)", "m(a, b)", "nn.PairwiseDistance()", "new nn.PairwiseDistance()")
case("F.pairwise_distance p=1 keepdim", {"a": ("f", [4, 3]), "b": ("f", [4, 3])}, "F.pairwise_distance(a, b, p=1.0, keepdim=True)", "F.pairwise_distance(a, b, {p: 1.0, keepdim: true})")

# ---------------------------------------------------------------- losses
pm1 = ("v", [1.0, -1.0, -1.0, 1.0, 1.0])
case("MarginRankingLoss", {"a": ("f", [5]), "b": ("f", [5]), "y": pm1}, "m(a, b, y)", "m(a, b, y)", "nn.MarginRankingLoss(margin=0.3)", "new nn.MarginRankingLoss({margin: 0.3})", nograd=("y",))
case("HingeEmbeddingLoss none", {"a": ("f", [5]), "y": pm1}, "m(a, y)", "m(a, y)", "nn.HingeEmbeddingLoss(0.5, reduction='none')", "new nn.HingeEmbeddingLoss(0.5, {reduction: 'none'})", nograd=("y",))
case("SoftMarginLoss", {"a": ("f", [5]), "y": pm1}, "m(a, y)", "m(a, y)", "nn.SoftMarginLoss()", "new nn.SoftMarginLoss()", nograd=("y",))
case("MultiLabelSoftMarginLoss weight", {"a": ("f", [3, 4]), "y": ("v", [[1.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0], [1.0, 1.0, 0.0, 0.0]])}, "m(a, y)", "m(a, y)",
     "nn.MultiLabelSoftMarginLoss(weight=torch.tensor([1.0, 2.0, 0.5, 1.5]))", "new nn.MultiLabelSoftMarginLoss({weight: torch.tensor([1.0, 2.0, 0.5, 1.5])})", nograd=("y",))
case("CosineEmbeddingLoss", {"a": ("f", [5, 3]), "b": ("f", [5, 3]), "y": pm1}, "m(a, b, y)", "m(a, b, y)", "nn.CosineEmbeddingLoss(margin=-0.2)", "new nn.CosineEmbeddingLoss({margin: -0.2})", nograd=("y",))
case("TripletMarginLoss", {"a": ("f", [4, 3]), "p": ("f", [4, 3]), "n": ("f", [4, 3])}, "m(a, p, n)", "m(a, p, n)", "nn.TripletMarginLoss(margin=2.0)", "new nn.TripletMarginLoss({margin: 2.0})")
case("TripletMarginLoss p=1 swap sum", {"a": ("f", [4, 3]), "p": ("f", [4, 3]), "n": ("f", [4, 3])}, "m(a, p, n)", "m(a, p, n)",
     "nn.TripletMarginLoss(margin=1.5, p=1, swap=True, reduction='sum')", "new nn.TripletMarginLoss({margin: 1.5, p: 1, swap: true, reduction: 'sum'})")
case("MultiLabelMarginLoss", {"a": ("f", [3, 4]), "y": ("v", [[3, 0, -1, 1], [1, 2, 3, -1], [0, -1, 2, 2]])}, "m(a, y)", "m(a, y)", "nn.MultiLabelMarginLoss()", "new nn.MultiLabelMarginLoss()")
case("F.multilabel_margin_loss 1d none", {"a": ("f", [4]), "y": ("v", [2, 1, -1, 0])}, "F.multilabel_margin_loss(a, y, reduction='none')", "F.multilabel_margin_loss(a, y, {reduction: 'none'})")
case("MultiMarginLoss", {"a": ("f", [4, 5]), "y": ("v", [0, 3, 4, 1])}, "m(a, y)", "m(a, y)", "nn.MultiMarginLoss()", "new nn.MultiMarginLoss()")
case("MultiMarginLoss p=2 weight", {"a": ("f", [4, 5]), "y": ("v", [2, 3, 0, 1])}, "m(a, y)", "m(a, y)",
     "nn.MultiMarginLoss(p=2, margin=0.7, weight=torch.tensor([1.0, 0.5, 2.0, 1.5, 1.0]))", "new nn.MultiMarginLoss({p: 2, margin: 0.7, weight: torch.tensor([1.0, 0.5, 2.0, 1.5, 1.0])})")
case("PoissonNLLLoss", {"a": ("f", [6]), "t": ("v", [0.0, 1.0, 2.0, 3.0, 0.5, 4.0])}, "m(a, t)", "m(a, t)", "nn.PoissonNLLLoss()", "new nn.PoissonNLLLoss()", nograd=("t",))
case("PoissonNLLLoss not log full", {"a": ("pos", [6]), "t": ("v", [0.0, 1.0, 2.0, 3.0, 0.5, 4.0])}, "m(a, t)", "m(a, t)",
     "nn.PoissonNLLLoss(log_input=False, full=True, reduction='none')", "new nn.PoissonNLLLoss({log_input: false, full: true, reduction: 'none'})", nograd=("t",))
case("GaussianNLLLoss", {"a": ("f", [4, 3]), "t": ("f", [4, 3]), "v": ("pos", [4, 3])}, "m(a, t, v)", "m(a, t, v)", "nn.GaussianNLLLoss()", "new nn.GaussianNLLLoss()")
case("GaussianNLLLoss homoscedastic full sum", {"a": ("f", [4, 3]), "t": ("f", [4, 3]), "v": ("v", [0.5, 1e-8, 2.0, 1.0])}, "m(a, t, v)", "m(a, t, v)",
     "nn.GaussianNLLLoss(full=True, reduction='sum')", "new nn.GaussianNLLLoss({full: true, reduction: 'sum'})")

ctc_lp = "torch.log_softmax(x, 2)"
case("CTCLoss padded targets", {"x": ("f", [6, 3, 4]), "y": ("v", [[1, 2, 2], [3, 1, 0], [2, 0, 0]]),
                                 "il": ("v", [6, 5, 4]), "tl": ("v", [3, 2, 1])},
     "m(torch.log_softmax(x, 2), y, il, tl)", "m(x.log_softmax(2), y, il, tl)", "nn.CTCLoss()", "new nn.CTCLoss()")
case("F.ctc_loss concatenated none blank=3", {"x": ("f", [5, 2, 4]), "y": ("v", [1, 1, 0, 2]), "il": ("v", [5, 4]), "tl": ("v", [2, 2])},
     "F.ctc_loss(torch.log_softmax(x, 2), y, il, tl, blank=3, reduction='none')", "F.ctc_loss(x.log_softmax(2), y, il, tl, {blank: 3, reduction: 'none'})")
case("F.ctc_loss impossible zero_infinity sum", {"x": ("f", [3, 2, 3]), "y": ("v", [[1, 1, 1], [2, 1, 0]]), "il": ("v", [3, 3]), "tl": ("v", [3, 2])},
     "F.ctc_loss(torch.log_softmax(x, 2), y, il, tl, reduction='sum', zero_infinity=True)", "F.ctc_loss(x.log_softmax(2), y, il, tl, {reduction: 'sum', zero_infinity: true})")


# ---------------------------------------------------------------- the Transformer tutorial
class PositionalEncoding(nn.Module):
    def __init__(self, d_model, dropout=0.1, max_len=5000):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)
        position = torch.arange(max_len).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, 1, d_model)
        pe[:, 0, 0::2] = torch.sin(position * div_term)
        pe[:, 0, 1::2] = torch.cos(position * div_term)
        self.register_buffer('pe', pe)

    def forward(self, x):
        x = x + self.pe[:x.size(0)]
        return self.dropout(x)


class TransformerModel(nn.Module):
    def __init__(self, ntoken, d_model, nhead, d_hid, nlayers, dropout=0.5):
        super().__init__()
        self.model_type = 'Transformer'
        self.pos_encoder = PositionalEncoding(d_model, dropout)
        encoder_layers = nn.TransformerEncoderLayer(d_model, nhead, d_hid, dropout)
        self.transformer_encoder = nn.TransformerEncoder(encoder_layers, nlayers)
        self.encoder = nn.Embedding(ntoken, d_model)
        self.d_model = d_model
        self.decoder = nn.Linear(d_model, ntoken)
        self.init_weights()

    def init_weights(self):
        initrange = 0.1
        self.encoder.weight.data.uniform_(-initrange, initrange)
        self.decoder.bias.data.zero_()
        self.decoder.weight.data.uniform_(-initrange, initrange)

    def forward(self, src, src_mask):
        src = self.encoder(src) * math.sqrt(self.d_model)
        src = self.pos_encoder(src)
        output = self.transformer_encoder(src, src_mask)
        output = self.decoder(output)
        return output


def tutorial():
    ntokens, bptt, batch = 12, 6, 4
    torch.manual_seed(0)
    model = TransformerModel(ntokens, 8, 2, 16, 2, dropout=0.0)
    # the stream: a repeating pattern with a little noise, so that a few steps can learn something
    stream = torch.tensor([(i * 5 + (i // 7)) % ntokens for i in range(batch * (bptt + 1) * 3)])
    data = stream[: (stream.numel() // batch) * batch].view(batch, -1).t().contiguous()  # batchify
    state = {k: enc(v) for k, v in model.state_dict().items() if k != "pos_encoder.pe"}
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    src_mask = nn.Transformer.generate_square_subsequent_mask(bptt)
    model.train()
    losses = []
    for step in range(6):
        i = (step * bptt) % (data.size(0) - 1 - bptt)
        x, y = data[i:i + bptt], data[i + 1:i + 1 + bptt].reshape(-1)
        output = model(x, src_mask)
        loss = criterion(output.view(-1, ntokens), y)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        optimizer.step()
        losses.append(loss.item())
    model.eval()
    with torch.no_grad():
        x = data[:bptt]
        eval_out = model(x, src_mask)
    return {"ntokens": ntokens, "bptt": bptt, "batch": batch, "data": enc(data), "state": state, "losses": losses,
            "eval_out": enc(eval_out), "repr": repr(model)}


def main():
    out = {"cases": CASES, "tutorial": tutorial()}
    with open(os.path.join(HERE, "modules2.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(len(CASES), "cases,", os.path.getsize(os.path.join(HERE, "modules2.json")), "bytes")


if __name__ == "__main__":
    main()
