#!/usr/bin/python3
"""Reference values for the vision layers of torch.nn (conv, pooling, interpolation, padding,
batch norm), from PyTorch (Debian's python3-torch 1.13).

Run with Debian's interpreter (the pyenv `python3` on PATH has no torch):

    /usr/bin/python3 test/reference/gen_vision_nn.py

Functional cases name their inputs, a Python expression and the TypeScript expression that means the
same thing in torchlab (`F` is torch.nn.functional), the forward result(s), a fixed random upstream
gradient for every output that requires grad, and the gradient of every input that requires grad.
Error cases record PyTorch's exception type and message. Module cases record a module's
state_dict, its repr, outputs and parameter gradients (and running statistics over several steps).
Writes test/reference/vision_nn_<group>.json.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from _common import ResBlock, enc, r4

HERE = os.path.dirname(os.path.abspath(__file__))
rng = torch.Generator().manual_seed(4321)

def make_input(spec):
    """spec: ('f', shape) normal floats | ('pos', shape) in [0.5, 2.5) | ('v', values) explicit |
    ('ties', shape) small integers, so that windows hold equal maxima."""
    kind = spec[0]
    if kind == "v":
        t = torch.tensor(spec[1])
        return t.float() if t.dtype == torch.float64 else t
    shape = spec[1]
    if kind == "f":
        return torch.tensor(r4(torch.randn(shape, generator=rng).reshape(-1))).reshape(shape)
    if kind == "pos":
        return torch.tensor(r4((torch.rand(shape, generator=rng) * 2 + 0.5).reshape(-1))).reshape(shape)
    if kind == "ties":
        return torch.randint(0, 3, shape, generator=rng).float()
    raise ValueError(kind)


def run_case(name, inputs, py, ts, nograd=()):
    env = {"torch": torch, "F": F}
    enc_inputs = {}
    for k, spec in inputs.items():
        t = make_input(spec)
        if t.dtype == torch.float32 and k not in nograd:
            t.requires_grad_(True)
        env[k] = t
        enc_inputs[k] = enc(t)
    out = eval(py, env)
    multi = isinstance(out, (tuple, list))
    outs = list(out) if multi else [out]
    case = {"name": name, "py": py, "ts": ts, "inputs": enc_inputs, "nograd": list(nograd), "multi": multi}
    case["out"] = [enc(o) for o in outs]
    if any(o.requires_grad for o in outs):
        gs = []
        loss = 0
        for o in outs:
            if o.requires_grad:
                g = torch.tensor(r4(torch.randn(o.shape, generator=rng).reshape(-1))).reshape(o.shape)
                loss = loss + (o * g).sum()
                gs.append(enc(g))
            else:
                gs.append(None)
        loss.backward()
        case["grad_out"] = gs
        case["grads"] = {k: enc(env[k].grad if env[k].grad is not None else torch.zeros_like(env[k]))
                         for k in inputs if isinstance(env[k], torch.Tensor) and env[k].requires_grad}
    return case


GROUPS = {}


def group(name):
    GROUPS[name] = []
    return lambda *a, **k: GROUPS[name].append(run_case(*a, **k))


# ------------------------------------------------------------------ conv2d / conv_transpose2d
C = group("conv")
C("tutorial_1x1x28x28_k3", {"x": ("f", [1, 1, 28, 28]), "w": ("f", [3, 1, 3, 3]), "b": ("f", [3])},
  "F.conv2d(x, w, b, stride=1, padding=0)", "F.conv2d(x, w, b, {stride: 1, padding: 0})")
C("x=[2,3,7,6] w=[4,3,3,3] s=1 p=0", {"x": ("f", [2, 3, 7, 6]), "w": ("f", [4, 3, 3, 3]), "b": ("f", [4])},
  "F.conv2d(x, w, b)", "F.conv2d(x, w, b)")
C("x=[2,3,7,6] w=[4,3,3,3] s=2 p=1", {"x": ("f", [2, 3, 7, 6]), "w": ("f", [4, 3, 3, 3]), "b": ("f", [4])},
  "F.conv2d(x, w, b, 2, 1)", "F.conv2d(x, w, b, 2, 1)")
C("x=[1,2,9,8] w=[3,2,3,2] s=(2,3) p=(1,2) nobias", {"x": ("f", [1, 2, 9, 8]), "w": ("f", [3, 2, 3, 2])},
  "F.conv2d(x, w, stride=(2, 3), padding=(1, 2))", "F.conv2d(x, w, {stride: [2, 3], padding: [1, 2]})")
C("x=[2,2,9,9] w=[3,2,3,3] d=2 p=2", {"x": ("f", [2, 2, 9, 9]), "w": ("f", [3, 2, 3, 3]), "b": ("f", [3])},
  "F.conv2d(x, w, b, padding=2, dilation=2)", "F.conv2d(x, w, b, {padding: 2, dilation: 2})")
C("x=[1,2,11,10] w=[2,2,3,3] s=2 d=2 p=1", {"x": ("f", [1, 2, 11, 10]), "w": ("f", [2, 2, 3, 3]), "b": ("f", [2])},
  "F.conv2d(x, w, b, stride=2, padding=1, dilation=2)", "F.conv2d(x, w, b, {stride: 2, padding: 1, dilation: 2})")
C("x=[1,2,10,9] w=[2,2,2,3] s=(3,2) d=(2,1)", {"x": ("f", [1, 2, 10, 9]), "w": ("f", [2, 2, 2, 3])},
  "F.conv2d(x, w, stride=(3, 2), dilation=(2, 1))", "F.conv2d(x, w, {stride: [3, 2], dilation: [2, 1]})")
C("x=[2,4,6,6] w=[6,2,3,3] groups=2 p=1", {"x": ("f", [2, 4, 6, 6]), "w": ("f", [6, 2, 3, 3]), "b": ("f", [6])},
  "F.conv2d(x, w, b, padding=1, groups=2)", "F.conv2d(x, w, b, {padding: 1, groups: 2})")
C("x=[2,3,7,7] w=[3,1,3,3] depthwise s=2", {"x": ("f", [2, 3, 7, 7]), "w": ("f", [3, 1, 3, 3]), "b": ("f", [3])},
  "F.conv2d(x, w, b, stride=2, groups=3)", "F.conv2d(x, w, b, {stride: 2, groups: 3})")
C("x=[1,2,6,7] w=[6,1,3,2] depthwise mult=3 d=2", {"x": ("f", [1, 2, 6, 7]), "w": ("f", [6, 1, 3, 2])},
  "F.conv2d(x, w, dilation=2, groups=2)", "F.conv2d(x, w, {dilation: 2, groups: 2})")
C("x=[2,6,5,5] w=[2,3,3,3] groups=2 one out per group", {"x": ("f", [2, 6, 5, 5]), "w": ("f", [2, 3, 3, 3])},
  "F.conv2d(x, w, padding=1, groups=2)", "F.conv2d(x, w, {padding: 1, groups: 2})")
C("x=[1,4,7,7] w=[4,2,3,3] groups=2 s=2 d=2", {"x": ("f", [1, 4, 7, 7]), "w": ("f", [4, 2, 3, 3])},
  "F.conv2d(x, w, stride=2, dilation=2, groups=2)", "F.conv2d(x, w, {stride: 2, dilation: 2, groups: 2})")
C("x=[2,2,6,5] w=[3,2,3,3] p=same", {"x": ("f", [2, 2, 6, 5]), "w": ("f", [3, 2, 3, 3]), "b": ("f", [3])},
  "F.conv2d(x, w, b, padding='same')", "F.conv2d(x, w, b, {padding: 'same'})")
C("x=[1,2,6,5] w=[3,2,4,2] p=same even kernel d=(1,2)", {"x": ("f", [1, 2, 6, 5]), "w": ("f", [3, 2, 4, 2])},
  "F.conv2d(x, w, padding='same', dilation=(1, 2))", "F.conv2d(x, w, {padding: 'same', dilation: [1, 2]})")
C("x=[1,2,6,5] w=[3,2,3,3] p=valid", {"x": ("f", [1, 2, 6, 5]), "w": ("f", [3, 2, 3, 3])},
  "F.conv2d(x, w, padding='valid')", "F.conv2d(x, w, {padding: 'valid'})")
C("x=[3,5,5] unbatched", {"x": ("f", [3, 5, 5]), "w": ("f", [2, 3, 3, 3]), "b": ("f", [2])},
  "F.conv2d(x, w, b, padding=1)", "F.conv2d(x, w, b, {padding: 1})")
C("x=[2,3,4,4] w=[5,3,1,1] 1x1", {"x": ("f", [2, 3, 4, 4]), "w": ("f", [5, 3, 1, 1]), "b": ("f", [5])},
  "F.conv2d(x, w, b)", "F.conv2d(x, w, b)")
C("x=[1,1,5,5] w=[1,1,5,5] full kernel", {"x": ("f", [1, 1, 5, 5]), "w": ("f", [1, 1, 5, 5])},
  "F.conv2d(x, w)", "F.conv2d(x, w)")
C("x=[1,1,6,6] s=4 k=3 leftover rows", {"x": ("f", [1, 1, 6, 6]), "w": ("f", [2, 1, 3, 3])},
  "F.conv2d(x, w, stride=4)", "F.conv2d(x, w, {stride: 4})")

C("transpose x=[2,3,4,4] w=[3,2,3,3]", {"x": ("f", [2, 3, 4, 4]), "w": ("f", [3, 2, 3, 3]), "b": ("f", [2])},
  "F.conv_transpose2d(x, w, b)", "F.conv_transpose2d(x, w, b)")
C("transpose s=2 p=1 op=1", {"x": ("f", [1, 2, 4, 3]), "w": ("f", [2, 3, 3, 3]), "b": ("f", [3])},
  "F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1)",
  "F.conv_transpose2d(x, w, b, {stride: 2, padding: 1, output_padding: 1})")
C("transpose s=(2,3) p=(0,1) op=(1,0) k=(2,3)", {"x": ("f", [2, 2, 3, 3]), "w": ("f", [2, 2, 2, 3])},
  "F.conv_transpose2d(x, w, stride=(2, 3), padding=(0, 1), output_padding=(1, 0))",
  "F.conv_transpose2d(x, w, {stride: [2, 3], padding: [0, 1], output_padding: [1, 0]})")
C("transpose d=2 p=2", {"x": ("f", [1, 2, 4, 4]), "w": ("f", [2, 2, 3, 3]), "b": ("f", [2])},
  "F.conv_transpose2d(x, w, b, padding=2, dilation=2)", "F.conv_transpose2d(x, w, b, {padding: 2, dilation: 2})")
C("transpose s=2 d=2 op=1", {"x": ("f", [1, 2, 3, 3]), "w": ("f", [2, 1, 3, 3])},
  "F.conv_transpose2d(x, w, stride=2, dilation=2, output_padding=1)",
  "F.conv_transpose2d(x, w, {stride: 2, dilation: 2, output_padding: 1})")
C("transpose groups=2", {"x": ("f", [2, 4, 3, 3]), "w": ("f", [4, 3, 3, 3]), "b": ("f", [6])},
  "F.conv_transpose2d(x, w, b, stride=2, groups=2)", "F.conv_transpose2d(x, w, b, {stride: 2, groups: 2})")
C("transpose depthwise groups=3", {"x": ("f", [1, 3, 3, 4]), "w": ("f", [3, 1, 2, 2])},
  "F.conv_transpose2d(x, w, stride=2, groups=3)", "F.conv_transpose2d(x, w, {stride: 2, groups: 3})")
C("transpose unbatched", {"x": ("f", [2, 3, 3]), "w": ("f", [2, 2, 2, 2])},
  "F.conv_transpose2d(x, w, stride=2)", "F.conv_transpose2d(x, w, {stride: 2})")
C("empty batch", {"x": ("f", [0, 2, 5, 5]), "w": ("f", [3, 2, 3, 3]), "b": ("f", [3])},
  "F.conv2d(x, w, b, padding=1)", "F.conv2d(x, w, b, {padding: 1})")
C("transpose empty batch", {"x": ("f", [0, 2, 3, 3]), "w": ("f", [2, 3, 3, 3])},
  "F.conv_transpose2d(x, w, stride=2)", "F.conv_transpose2d(x, w, {stride: 2})")

# ------------------------------------------------------------------ pooling
P = group("pool")
P("tutorial max k=2 s=2", {"x": ("f", [1, 3, 26, 26])}, "F.max_pool2d(x, 2, stride=2)", "F.max_pool2d(x, 2, {stride: 2})")
P("max k=3 stride default odd size", {"x": ("f", [2, 2, 7, 8])}, "F.max_pool2d(x, 3)", "F.max_pool2d(x, 3)")
P("max k=3 s=2 p=1", {"x": ("f", [2, 2, 7, 6])}, "F.max_pool2d(x, 3, 2, 1)", "F.max_pool2d(x, 3, 2, 1)")
P("max k=(3,2) s=(2,1) p=(1,0)", {"x": ("f", [1, 2, 6, 5])}, "F.max_pool2d(x, (3, 2), (2, 1), (1, 0))",
  "F.max_pool2d(x, [3, 2], [2, 1], [1, 0])")
P("max k=3 s=2 ceil_mode", {"x": ("f", [1, 2, 6, 6])}, "F.max_pool2d(x, 3, 2, ceil_mode=True)",
  "F.max_pool2d(x, 3, 2, {ceil_mode: true})")
P("max k=2 s=2 p=1 ceil_mode last window rule", {"x": ("f", [1, 1, 5, 5])}, "F.max_pool2d(x, 2, 2, 1, ceil_mode=True)",
  "F.max_pool2d(x, 2, 2, 1, {ceil_mode: true})")
P("max k=3 s=3 p=1 ceil_mode", {"x": ("f", [1, 2, 7, 8])}, "F.max_pool2d(x, 3, 3, 1, ceil_mode=True)",
  "F.max_pool2d(x, 3, 3, 1, {ceil_mode: true})")
P("max dilation=2", {"x": ("f", [1, 2, 8, 7])}, "F.max_pool2d(x, 2, 1, dilation=2)", "F.max_pool2d(x, 2, 1, {dilation: 2})")
P("max dilation=2 s=2 p=1 ceil", {"x": ("f", [1, 1, 9, 8])}, "F.max_pool2d(x, 3, 2, 1, 2, ceil_mode=True)",
  "F.max_pool2d(x, 3, 2, 1, 2, {ceil_mode: true})")
P("max ties route to first max", {"x": ("ties", [2, 2, 6, 6])}, "F.max_pool2d(x, 2)", "F.max_pool2d(x, 2)")
P("max ties overlapping k=3 s=1", {"x": ("ties", [1, 2, 5, 5])}, "F.max_pool2d(x, 3, 1)", "F.max_pool2d(x, 3, 1)")
P("max all negative with padding", {"x": ("v", [[[[-5.0, -3.0, -4.0], [-2.0, -9.0, -1.0], [-7.0, -6.0, -8.0]]]])},
  "F.max_pool2d(x, 2, 1, 1)", "F.max_pool2d(x, 2, 1, 1)")
P("max return_indices", {"x": ("f", [1, 2, 5, 6])}, "F.max_pool2d(x, 3, 2, 1, return_indices=True)",
  "F.max_pool2d(x, 3, 2, 1, {return_indices: true})")
P("max unbatched", {"x": ("f", [2, 5, 4])}, "F.max_pool2d(x, 2)", "F.max_pool2d(x, 2)")
P("avg k=2", {"x": ("f", [2, 2, 6, 7])}, "F.avg_pool2d(x, 2)", "F.avg_pool2d(x, 2)")
P("avg k=3 s=2 p=1 include pad", {"x": ("f", [1, 2, 7, 6])}, "F.avg_pool2d(x, 3, 2, 1)", "F.avg_pool2d(x, 3, 2, 1)")
P("avg k=3 s=2 p=1 exclude pad", {"x": ("f", [1, 2, 7, 6])}, "F.avg_pool2d(x, 3, 2, 1, count_include_pad=False)",
  "F.avg_pool2d(x, 3, 2, 1, {count_include_pad: false})")
P("avg k=3 s=2 p=1 ceil include pad", {"x": ("f", [1, 2, 6, 6])}, "F.avg_pool2d(x, 3, 2, 1, ceil_mode=True)",
  "F.avg_pool2d(x, 3, 2, 1, {ceil_mode: true})")
P("avg k=3 s=2 ceil no pad", {"x": ("f", [1, 1, 6, 8])}, "F.avg_pool2d(x, 3, 2, 0, True)", "F.avg_pool2d(x, 3, 2, 0, true)")
P("avg k=(2,3) s=(2,2) p=(1,1) ceil exclude", {"x": ("f", [1, 2, 5, 6])},
  "F.avg_pool2d(x, (2, 3), (2, 2), (1, 1), True, False)", "F.avg_pool2d(x, [2, 3], [2, 2], [1, 1], true, false)")
P("avg divisor_override", {"x": ("f", [1, 2, 5, 5])}, "F.avg_pool2d(x, 2, 2, 1, divisor_override=3)",
  "F.avg_pool2d(x, 2, 2, 1, {divisor_override: 3})")
P("adaptive avg 7x5 -> 3x2", {"x": ("f", [2, 2, 7, 5])}, "F.adaptive_avg_pool2d(x, (3, 2))", "F.adaptive_avg_pool2d(x, [3, 2])")
P("adaptive avg 6x6 -> 3", {"x": ("f", [1, 2, 6, 6])}, "F.adaptive_avg_pool2d(x, 3)", "F.adaptive_avg_pool2d(x, 3)")
P("adaptive avg -> 1", {"x": ("f", [2, 3, 5, 4])}, "F.adaptive_avg_pool2d(x, 1)", "F.adaptive_avg_pool2d(x, 1)")
P("adaptive avg upsampling 3x2 -> 5x4", {"x": ("f", [1, 1, 3, 2])}, "F.adaptive_avg_pool2d(x, (5, 4))",
  "F.adaptive_avg_pool2d(x, [5, 4])")
P("adaptive avg None keeps size", {"x": ("f", [1, 2, 5, 4])}, "F.adaptive_avg_pool2d(x, (None, 2))",
  "F.adaptive_avg_pool2d(x, [null, 2])")
P("adaptive max 7x5 -> 3x2", {"x": ("f", [2, 2, 7, 5])}, "F.adaptive_max_pool2d(x, (3, 2))", "F.adaptive_max_pool2d(x, [3, 2])")
P("adaptive max ties", {"x": ("ties", [1, 2, 7, 6])}, "F.adaptive_max_pool2d(x, (3, 4))", "F.adaptive_max_pool2d(x, [3, 4])")
P("adaptive max return_indices", {"x": ("f", [1, 2, 5, 7])}, "F.adaptive_max_pool2d(x, (2, 3), return_indices=True)",
  "F.adaptive_max_pool2d(x, [2, 3], {return_indices: true})")
P("adaptive max 6x4 -> 2 (divisible)", {"x": ("f", [1, 2, 6, 4])}, "F.adaptive_max_pool2d(x, 2)", "F.adaptive_max_pool2d(x, 2)")
P("adaptive avg unbatched", {"x": ("f", [2, 5, 5])}, "F.adaptive_avg_pool2d(x, 2)", "F.adaptive_avg_pool2d(x, 2)")
P("max empty batch", {"x": ("f", [0, 2, 4, 5])}, "F.max_pool2d(x, 2)", "F.max_pool2d(x, 2)")
P("avg empty batch", {"x": ("f", [0, 2, 4, 5])}, "F.avg_pool2d(x, 2, padding=1)", "F.avg_pool2d(x, 2, {padding: 1})")

# ------------------------------------------------------------------ interpolate
I = group("interp")
I("tutorial nearest scale 2", {"x": ("f", [1, 2, 3, 4])}, "F.interpolate(x, scale_factor=2, mode='nearest')",
  "F.interpolate(x, {scale_factor: 2, mode: 'nearest'})")
I("nearest size 5x7 from 3x4", {"x": ("f", [2, 1, 3, 4])}, "F.interpolate(x, size=(5, 7))", "F.interpolate(x, {size: [5, 7]})")
I("nearest downsample 7x6 -> 3x4", {"x": ("f", [1, 2, 7, 6])}, "F.interpolate(x, size=(3, 4), mode='nearest')",
  "F.interpolate(x, {size: [3, 4], mode: 'nearest'})")
I("nearest scale 1.5", {"x": ("f", [1, 1, 4, 5])}, "F.interpolate(x, scale_factor=1.5)", "F.interpolate(x, {scale_factor: 1.5})")
I("nearest scale 1.7 (scale used for coords)", {"x": ("f", [1, 1, 3, 5])}, "F.interpolate(x, scale_factor=1.7)",
  "F.interpolate(x, {scale_factor: 1.7})")
I("nearest scale 1.7 recompute", {"x": ("f", [1, 1, 3, 5])},
  "F.interpolate(x, scale_factor=1.7, recompute_scale_factor=True)",
  "F.interpolate(x, {scale_factor: 1.7, recompute_scale_factor: true})")
I("nearest scale (2, 0.5)", {"x": ("f", [1, 1, 3, 6])}, "F.interpolate(x, scale_factor=(2, 0.5))",
  "F.interpolate(x, {scale_factor: [2, 0.5]})")
I("nearest-exact size 5x3 from 3x7", {"x": ("f", [1, 2, 3, 7])}, "F.interpolate(x, size=(5, 3), mode='nearest-exact')",
  "F.interpolate(x, {size: [5, 3], mode: 'nearest-exact'})")
I("nearest 3d size 7", {"x": ("f", [2, 2, 4])}, "F.interpolate(x, size=7)", "F.interpolate(x, {size: 7})")
I("bilinear scale 2", {"x": ("f", [1, 2, 3, 4])}, "F.interpolate(x, scale_factor=2, mode='bilinear')",
  "F.interpolate(x, {scale_factor: 2, mode: 'bilinear'})")
I("bilinear scale 2 align_corners", {"x": ("f", [1, 2, 3, 4])},
  "F.interpolate(x, scale_factor=2, mode='bilinear', align_corners=True)",
  "F.interpolate(x, {scale_factor: 2, mode: 'bilinear', align_corners: true})")
I("bilinear size 5x7 from 3x4", {"x": ("f", [2, 1, 3, 4])}, "F.interpolate(x, size=(5, 7), mode='bilinear')",
  "F.interpolate(x, {size: [5, 7], mode: 'bilinear'})")
I("bilinear size 5x7 align_corners", {"x": ("f", [2, 1, 3, 4])},
  "F.interpolate(x, size=(5, 7), mode='bilinear', align_corners=True)",
  "F.interpolate(x, {size: [5, 7], mode: 'bilinear', align_corners: true})")
I("bilinear downsample 8x7 -> 3x4", {"x": ("f", [1, 2, 8, 7])}, "F.interpolate(x, size=(3, 4), mode='bilinear')",
  "F.interpolate(x, {size: [3, 4], mode: 'bilinear'})")
I("bilinear scale 1.7 (scale used for coords)", {"x": ("f", [1, 1, 3, 5])},
  "F.interpolate(x, scale_factor=1.7, mode='bilinear')", "F.interpolate(x, {scale_factor: 1.7, mode: 'bilinear'})")
I("bilinear scale 1.7 recompute", {"x": ("f", [1, 1, 3, 5])},
  "F.interpolate(x, scale_factor=1.7, mode='bilinear', recompute_scale_factor=True)",
  "F.interpolate(x, {scale_factor: 1.7, mode: 'bilinear', recompute_scale_factor: true})")
I("bilinear scale 0.6", {"x": ("f", [1, 1, 6, 5])}, "F.interpolate(x, scale_factor=0.6, mode='bilinear')",
  "F.interpolate(x, {scale_factor: 0.6, mode: 'bilinear'})")
I("bilinear to 1x1 align_corners", {"x": ("f", [1, 1, 3, 3])},
  "F.interpolate(x, size=1, mode='bilinear', align_corners=True)",
  "F.interpolate(x, {size: 1, mode: 'bilinear', align_corners: true})")
I("linear 3d", {"x": ("f", [1, 2, 4])}, "F.interpolate(x, size=7, mode='linear')", "F.interpolate(x, {size: 7, mode: 'linear'})")
I("bicubic size 5x7 from 3x4", {"x": ("f", [1, 2, 3, 4])}, "F.interpolate(x, size=(5, 7), mode='bicubic')",
  "F.interpolate(x, {size: [5, 7], mode: 'bicubic'})")
I("bicubic scale 0.5 align_corners", {"x": ("f", [1, 1, 6, 8])},
  "F.interpolate(x, scale_factor=0.5, mode='bicubic', align_corners=True)",
  "F.interpolate(x, {scale_factor: 0.5, mode: 'bicubic', align_corners: true})")
I("trilinear 5d", {"x": ("f", [1, 1, 2, 3, 2])}, "F.interpolate(x, size=(3, 4, 3), mode='trilinear')",
  "F.interpolate(x, {size: [3, 4, 3], mode: 'trilinear'})")
I("nearest 5d scale 2", {"x": ("f", [1, 1, 2, 2, 3])}, "F.interpolate(x, scale_factor=2)", "F.interpolate(x, {scale_factor: 2})")
I("area 7x5 -> 3x2", {"x": ("f", [1, 1, 7, 5])}, "F.interpolate(x, size=(3, 2), mode='area')",
  "F.interpolate(x, {size: [3, 2], mode: 'area'})")
I("upsample alias", {"x": ("f", [1, 1, 2, 3])}, "F.upsample(x, scale_factor=3)", "F.upsample(x, {scale_factor: 3})")
I("upsample_bilinear (align_corners)", {"x": ("f", [1, 2, 2, 3])}, "F.upsample_bilinear(x, scale_factor=2)",
  "F.upsample_bilinear(x, {scale_factor: 2})")
I("upsample_nearest size", {"x": ("f", [1, 1, 2, 3])}, "F.upsample_nearest(x, size=(3, 5))", "F.upsample_nearest(x, [3, 5])")

# ------------------------------------------------------------------ pad
D = group("pad")
D("constant last dim", {"x": ("f", [2, 3, 4])}, "F.pad(x, (1, 2))", "F.pad(x, [1, 2])")
D("constant 2d value", {"x": ("f", [1, 2, 3, 3])}, "F.pad(x, (1, 0, 2, 1), value=0.5)", "F.pad(x, [1, 0, 2, 1], {value: 0.5})")
D("constant 3 dims", {"x": ("f", [2, 2, 3])}, "F.pad(x, (0, 1, 1, 0, 2, 1))", "F.pad(x, [0, 1, 1, 0, 2, 1])")
D("constant negative crops", {"x": ("f", [1, 1, 4, 5])}, "F.pad(x, (-1, 2, 1, -2))", "F.pad(x, [-1, 2, 1, -2])")
D("reflect 2d", {"x": ("f", [1, 2, 4, 5])}, "F.pad(x, (2, 1, 3, 1), mode='reflect')",
  "F.pad(x, [2, 1, 3, 1], {mode: 'reflect'})")
D("reflect 1d", {"x": ("f", [2, 2, 5])}, "F.pad(x, (3, 4), mode='reflect')", "F.pad(x, [3, 4], {mode: 'reflect'})")
D("replicate 2d", {"x": ("f", [1, 2, 3, 4])}, "F.pad(x, (2, 3, 1, 4), mode='replicate')",
  "F.pad(x, [2, 3, 1, 4], {mode: 'replicate'})")
D("replicate 3d unbatched", {"x": ("f", [2, 3, 3])}, "F.pad(x, (1, 1, 2, 0), mode='replicate')",
  "F.pad(x, [1, 1, 2, 0], {mode: 'replicate'})")
D("circular 2d", {"x": ("f", [1, 2, 3, 4])}, "F.pad(x, (2, 1, 1, 2), mode='circular')",
  "F.pad(x, [2, 1, 1, 2], {mode: 'circular'})")
D("reflect negative crops", {"x": ("f", [1, 1, 5, 5])}, "F.pad(x, (2, -1, -1, 1), mode='reflect')",
  "F.pad(x, [2, -1, -1, 1], {mode: 'reflect'})")

# ------------------------------------------------------------------ batch_norm functional
B = group("bn")
B("train 4d", {"x": ("f", [4, 3, 3, 2]), "rm": ("f", [3]), "rv": ("pos", [3]), "w": ("f", [3]), "b": ("f", [3])},
  "(F.batch_norm(x, rm, rv, w, b, True, 0.1, 1e-5), rm, rv)",
  "[F.batch_norm(x, rm, rv, w, b, true, 0.1, 1e-5), rm, rv]", nograd=("rm", "rv"))
B("train 2d momentum 0.3 eps 1e-3", {"x": ("f", [5, 4]), "rm": ("f", [4]), "rv": ("pos", [4]), "w": ("f", [4]), "b": ("f", [4])},
  "(F.batch_norm(x, rm, rv, w, b, training=True, momentum=0.3, eps=1e-3), rm, rv)",
  "[F.batch_norm(x, rm, rv, w, b, {training: true, momentum: 0.3, eps: 1e-3}), rm, rv]", nograd=("rm", "rv"))
B("train 3d no affine", {"x": ("f", [3, 2, 5]), "rm": ("f", [2]), "rv": ("pos", [2])},
  "(F.batch_norm(x, rm, rv, training=True), rm, rv)", "[F.batch_norm(x, rm, rv, {training: true}), rm, rv]",
  nograd=("rm", "rv"))
B("train no running stats", {"x": ("f", [3, 2, 2, 2]), "w": ("f", [2]), "b": ("f", [2])},
  "F.batch_norm(x, None, None, w, b, True)", "F.batch_norm(x, null, null, w, b, true)")
B("eval 4d", {"x": ("f", [2, 3, 2, 2]), "rm": ("f", [3]), "rv": ("pos", [3]), "w": ("f", [3]), "b": ("f", [3])},
  "F.batch_norm(x, rm, rv, w, b)", "F.batch_norm(x, rm, rv, w, b)", nograd=("rm", "rv"))
B("eval 2d no affine", {"x": ("f", [3, 4]), "rm": ("f", [4]), "rv": ("pos", [4])},
  "F.batch_norm(x, rm, rv, eps=0.01)", "F.batch_norm(x, rm, rv, {eps: 0.01})", nograd=("rm", "rv"))


# ------------------------------------------------------------------ randomised configurations
# Many small random configurations per op, so that argument combinations nobody wrote down by hand
# are still checked against PyTorch (forward and gradients).
import random  # noqa: E402

pyrng = random.Random(2024)


def ri(a, b):
    return pyrng.randint(a, b)


def pyt(v):
    return "(%d, %d)" % v


def tst(v):
    return "[%d, %d]" % v


R = group("conv_random")
for i in range(40):
    groups = pyrng.choice([1, 1, 1, 2, 3])
    cg, og = ri(1, 3), ri(1, 3)
    c, o = cg * groups, og * groups
    k = (ri(1, 4), ri(1, 4))
    d = (ri(1, 2), ri(1, 2)) if pyrng.random() < 0.4 else (1, 1)
    st = (ri(1, 3), ri(1, 3))
    p = (ri(0, 2), ri(0, 2))
    h = ri(max(1, d[0] * (k[0] - 1) + 1 - 2 * p[0]), 9)
    w = ri(max(1, d[1] * (k[1] - 1) + 1 - 2 * p[1]), 9)
    n = ri(1, 2)
    bias = pyrng.random() < 0.6
    ins = {"x": ("f", [n, c, h, w]), "w": ("f", [o, cg, k[0], k[1]])}
    if bias:
        ins["b"] = ("f", [o])
    b_py, b_ts = ("b", "b") if bias else ("None", "null")
    if pyrng.random() < 0.7:
        R(f"conv2d #{i} x={[n, c, h, w]} w={[o, cg, *k]} s={st} p={p} d={d} g={groups}", ins,
          f"F.conv2d(x, w, {b_py}, {pyt(st)}, {pyt(p)}, {pyt(d)}, {groups})",
          f"F.conv2d(x, w, {b_ts}, {tst(st)}, {tst(p)}, {tst(d)}, {groups})")
    else:
        op = (ri(0, max(st[0], d[0]) - 1), ri(0, max(st[1], d[1]) - 1))
        ins["w"] = ("f", [c, og, k[0], k[1]])
        if bias:
            ins["b"] = ("f", [o])
        hh, ww = ri(1, 5), ri(1, 5)
        p = (min(p[0], (d[0] * (k[0] - 1) + op[0] + (hh - 1) * st[0]) // 2), min(p[1], (d[1] * (k[1] - 1) + op[1] + (ww - 1) * st[1]) // 2))
        ins["x"] = ("f", [n, c, hh, ww])
        R(f"conv_transpose2d #{i} x={[n, c, hh, ww]} w={[c, og, *k]} s={st} p={p} op={op} d={d} g={groups}", ins,
          f"F.conv_transpose2d(x, w, {b_py}, {pyt(st)}, {pyt(p)}, {pyt(op)}, {groups}, {pyt(d)})",
          f"F.conv_transpose2d(x, w, {b_ts}, {tst(st)}, {tst(p)}, {tst(op)}, {groups}, {tst(d)})")

Q = group("pool_random")
for i in range(40):
    k = (ri(1, 4), ri(1, 4))
    st = (ri(1, 3), ri(1, 3))
    p = (ri(0, k[0] // 2), ri(0, k[1] // 2))
    ceil = pyrng.random() < 0.5
    n, c = ri(1, 2), ri(1, 3)
    kind = pyrng.choice(["max", "max", "avg", "avg", "adaptive_avg", "adaptive_max"])
    cl_py, cl_ts = ("True", "true") if ceil else ("False", "false")
    if kind == "max":
        d = (ri(1, 2), ri(1, 2))
        h, w = ri(d[0] * (k[0] - 1) + 1, 9), ri(d[1] * (k[1] - 1) + 1, 9)
        spec = ("ties", [n, c, h, w]) if pyrng.random() < 0.3 else ("f", [n, c, h, w])
        Q(f"max_pool2d #{i} x={[n, c, h, w]} k={k} s={st} p={p} d={d} ceil={ceil}", {"x": spec},
          f"F.max_pool2d(x, {pyt(k)}, {pyt(st)}, {pyt(p)}, {pyt(d)}, {cl_py})",
          f"F.max_pool2d(x, {tst(k)}, {tst(st)}, {tst(p)}, {tst(d)}, {cl_ts})")
    elif kind == "avg":
        h, w = ri(k[0], 9), ri(k[1], 9)
        inc = pyrng.random() < 0.5
        div = pyrng.choice([None, None, ri(1, 5)])
        inc_py, inc_ts = ("True", "true") if inc else ("False", "false")
        dv_py, dv_ts = ("None", "null") if div is None else (str(div), str(div))
        Q(f"avg_pool2d #{i} x={[n, c, h, w]} k={k} s={st} p={p} ceil={ceil} include_pad={inc} divisor={div}", {"x": ("f", [n, c, h, w])},
          f"F.avg_pool2d(x, {pyt(k)}, {pyt(st)}, {pyt(p)}, {cl_py}, {inc_py}, {dv_py})",
          f"F.avg_pool2d(x, {tst(k)}, {tst(st)}, {tst(p)}, {cl_ts}, {inc_ts}, {dv_ts})")
    else:
        h, w = ri(1, 9), ri(1, 9)
        out = (ri(1, 6), ri(1, 6))
        fn = "F." + kind + "_pool2d"
        Q(f"{kind}_pool2d #{i} x={[n, c, h, w]} out={out}", {"x": ("f", [n, c, h, w])}, f"{fn}(x, {pyt(out)})", f"{fn}(x, {tst(out)})")

J = group("interp_random")
for i in range(40):
    n, c, h, w = ri(1, 2), ri(1, 2), ri(1, 7), ri(1, 7)
    mode = pyrng.choice(["nearest", "nearest", "bilinear", "bilinear", "nearest-exact", "bicubic", "area"])
    ac = pyrng.choice([None, True, False]) if mode in ("bilinear", "bicubic") else None
    if pyrng.random() < 0.5:
        size = (ri(1, 12), ri(1, 12))
        kw_py, kw_ts = f"size={pyt(size)}", f"size: {tst(size)}"
    else:
        sf = (pyrng.choice([0.5, 0.75, 1.3, 1.5, 1.7, 2, 2.5, 3]), pyrng.choice([0.6, 1, 1.25, 2, 2.2, 3]))
        while int(h * sf[0]) < 1 or int(w * sf[1]) < 1:
            sf = (sf[0] * 2, sf[1] * 2)
        rec = pyrng.random() < 0.3
        kw_py, kw_ts = f"scale_factor=({sf[0]}, {sf[1]})", f"scale_factor: [{sf[0]}, {sf[1]}]"
        if rec:
            kw_py, kw_ts = kw_py + ", recompute_scale_factor=True", kw_ts + ", recompute_scale_factor: true"
    kw_py += f", mode='{mode}'"
    kw_ts += f", mode: '{mode}'"
    if ac is not None:
        kw_py += f", align_corners={ac}"
        kw_ts += f", align_corners: {'true' if ac else 'false'}"
    J(f"interpolate #{i} x={[n, c, h, w]} {kw_py}", {"x": ("f", [n, c, h, w])}, f"F.interpolate(x, {kw_py})",
      f"F.interpolate(x, {{{kw_ts}}})")

K = group("pad_random")
for i in range(25):
    mode = pyrng.choice(["constant", "constant", "reflect", "replicate", "circular"])
    pairs = ri(1, 3) if mode == "constant" else ri(1, 2)
    # PyTorch 1.13's circular padding needs batch and channel dims.
    nd = pairs + (2 if mode == "circular" else ri(1, 2)) if mode != "constant" else ri(pairs, 4)
    shape = [ri(1, 2) for _ in range(nd - pairs)] + [ri(2, 5) for _ in range(pairs)]
    pads = []
    for j in range(pairs):
        size = shape[nd - 1 - j]
        lim = size - 1 if mode == "reflect" else size if mode == "circular" else 3
        lo = -1 if mode in ("constant", "reflect") and size > 2 else 0
        pads += [ri(lo, lim), ri(lo, lim)]
    if mode == "constant":
        val = pyrng.choice([0, 1.5, -2])
        K(f"pad #{i} {shape} {pads} constant {val}", {"x": ("f", shape)}, f"F.pad(x, {tuple(pads)}, value={val})",
          f"F.pad(x, {pads}, {{value: {val}}})")
    else:
        K(f"pad #{i} {shape} {pads} {mode}", {"x": ("f", shape)}, f"F.pad(x, {tuple(pads)}, mode='{mode}')",
          f"F.pad(x, {pads}, {{mode: '{mode}'}})")

N = group("bn_random")
for i in range(12):
    c = ri(1, 4)
    shape = pyrng.choice([[ri(2, 5), c], [ri(1, 3), c, ri(2, 4)], [ri(1, 3), c, ri(1, 3), ri(2, 3)]])
    mom = pyrng.choice([0.1, 0.3, 0.9])
    eps = pyrng.choice([1e-5, 1e-3, 0.1])
    affine = pyrng.random() < 0.7
    ins = {"x": ("f", shape), "rm": ("f", [c]), "rv": ("pos", [c])}
    wb_py = wb_ts = ""
    if affine:
        ins["w"], ins["b"] = ("f", [c]), ("f", [c])
        wb_py, wb_ts = "w, b, ", "w, b, "
    else:
        wb_py, wb_ts = "None, None, ", "null, null, "
    if pyrng.random() < 0.6:
        N(f"batch_norm train #{i} {shape} momentum={mom} eps={eps} affine={affine}", ins,
          f"(F.batch_norm(x, rm, rv, {wb_py}True, {mom}, {eps}), rm, rv)",
          f"[F.batch_norm(x, rm, rv, {wb_ts}true, {mom}, {eps}), rm, rv]", nograd=("rm", "rv"))
    else:
        N(f"batch_norm eval #{i} {shape} eps={eps} affine={affine}", ins,
          f"F.batch_norm(x, rm, rv, {wb_py}False, {mom}, {eps})", f"F.batch_norm(x, rm, rv, {wb_ts}false, {mom}, {eps})",
          nograd=("rm", "rv"))

# ------------------------------------------------------------------ errors
def error_case(name, py, ts):
    env = {"torch": torch, "F": F, "nn": nn}
    try:
        eval(py, env)
    except Exception as e:  # noqa: BLE001 - we record whatever PyTorch raises
        return {"name": name, "py": py, "ts": ts, "type": type(e).__name__, "message": str(e).split("\n")[0]}
    raise AssertionError(f"{name}: PyTorch did not raise")


ERRORS = [
    error_case("conv channel mismatch", "F.conv2d(torch.zeros(2, 2, 5, 5), torch.zeros(3, 1, 3, 3))",
               "F.conv2d(torch.zeros(2, 2, 5, 5), torch.zeros(3, 1, 3, 3))"),
    error_case("conv kernel larger than input", "F.conv2d(torch.zeros(1, 1, 2, 2), torch.zeros(1, 1, 3, 3))",
               "F.conv2d(torch.zeros(1, 1, 2, 2), torch.zeros(1, 1, 3, 3))"),
    error_case("conv dilated kernel larger than input",
               "F.conv2d(torch.zeros(1, 1, 4, 6), torch.zeros(1, 1, 3, 3), dilation=2)",
               "F.conv2d(torch.zeros(1, 1, 4, 6), torch.zeros(1, 1, 3, 3), {dilation: 2})"),
    error_case("conv groups channel mismatch", "F.conv2d(torch.zeros(1, 4, 5, 5), torch.zeros(4, 1, 3, 3), groups=2)",
               "F.conv2d(torch.zeros(1, 4, 5, 5), torch.zeros(4, 1, 3, 3), {groups: 2})"),
    error_case("conv weight not divisible by groups", "F.conv2d(torch.zeros(1, 4, 5, 5), torch.zeros(3, 2, 3, 3), groups=2)",
               "F.conv2d(torch.zeros(1, 4, 5, 5), torch.zeros(3, 2, 3, 3), {groups: 2})"),
    error_case("conv bias size", "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(3, 1, 3, 3), torch.zeros(2))",
               "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(3, 1, 3, 3), torch.zeros(2))"),
    error_case("conv 2d input", "F.conv2d(torch.zeros(5, 5), torch.zeros(3, 1, 3, 3))",
               "F.conv2d(torch.zeros(5, 5), torch.zeros(3, 1, 3, 3))"),
    error_case("conv negative padding", "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), padding=-1)",
               "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), {padding: -1})"),
    error_case("conv zero stride", "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), stride=0)",
               "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), {stride: 0})"),
    error_case("conv same with stride", "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), stride=2, padding='same')",
               "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), {stride: 2, padding: 'same'})"),
    error_case("conv bad padding string", "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), padding='full')",
               "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), {padding: 'full'})"),
    error_case("conv_transpose channel mismatch", "F.conv_transpose2d(torch.zeros(1, 2, 3, 3), torch.zeros(3, 1, 3, 3))",
               "F.conv_transpose2d(torch.zeros(1, 2, 3, 3), torch.zeros(3, 1, 3, 3))"),
    error_case("conv_transpose output_padding too big",
               "F.conv_transpose2d(torch.zeros(1, 1, 3, 3), torch.zeros(1, 1, 3, 3), stride=2, output_padding=2)",
               "F.conv_transpose2d(torch.zeros(1, 1, 3, 3), torch.zeros(1, 1, 3, 3), {stride: 2, output_padding: 2})"),
    error_case("max_pool pad more than half kernel", "F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, padding=2)",
               "F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, {padding: 2})"),
    error_case("max_pool output too small", "F.max_pool2d(torch.zeros(1, 1, 2, 2), 3)", "F.max_pool2d(torch.zeros(1, 1, 2, 2), 3)"),
    error_case("max_pool 2d input", "F.max_pool2d(torch.zeros(5, 5), 2)", "F.max_pool2d(torch.zeros(5, 5), 2)"),
    error_case("max_pool zero stride", "F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, 0)", "F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, 0)"),
    error_case("max_pool zero kernel", "F.max_pool2d(torch.zeros(1, 1, 5, 5), 0)", "F.max_pool2d(torch.zeros(1, 1, 5, 5), 0)"),
    error_case("max_pool zero dilation", "F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, dilation=0)",
               "F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, {dilation: 0})"),
    error_case("avg_pool pad more than half kernel", "F.avg_pool2d(torch.zeros(1, 1, 5, 5), 3, padding=2)",
               "F.avg_pool2d(torch.zeros(1, 1, 5, 5), 3, {padding: 2})"),
    error_case("avg_pool output too small", "F.avg_pool2d(torch.zeros(1, 1, 2, 2), 3)", "F.avg_pool2d(torch.zeros(1, 1, 2, 2), 3)"),
    error_case("avg_pool zero divisor", "F.avg_pool2d(torch.zeros(1, 1, 4, 4), 2, divisor_override=0)",
               "F.avg_pool2d(torch.zeros(1, 1, 4, 4), 2, {divisor_override: 0})"),
    error_case("adaptive_avg 2d input", "F.adaptive_avg_pool2d(torch.zeros(4, 4), 2)", "F.adaptive_avg_pool2d(torch.zeros(4, 4), 2)"),
    error_case("adaptive_max 2d input", "F.adaptive_max_pool2d(torch.zeros(4, 4), 2)", "F.adaptive_max_pool2d(torch.zeros(4, 4), 2)"),
    error_case("interpolate both size and scale", "F.interpolate(torch.zeros(1, 1, 2, 2), size=4, scale_factor=2)",
               "F.interpolate(torch.zeros(1, 1, 2, 2), {size: 4, scale_factor: 2})"),
    error_case("interpolate neither size nor scale", "F.interpolate(torch.zeros(1, 1, 2, 2))",
               "F.interpolate(torch.zeros(1, 1, 2, 2))"),
    error_case("interpolate align_corners with nearest", "F.interpolate(torch.zeros(1, 1, 2, 2), size=4, align_corners=True)",
               "F.interpolate(torch.zeros(1, 1, 2, 2), {size: 4, align_corners: true})"),
    error_case("interpolate bilinear on 3d", "F.interpolate(torch.zeros(1, 1, 2), size=4, mode='bilinear')",
               "F.interpolate(torch.zeros(1, 1, 2), {size: 4, mode: 'bilinear'})"),
    error_case("interpolate size list length", "F.interpolate(torch.zeros(1, 1, 2, 2), size=(4, 4, 4))",
               "F.interpolate(torch.zeros(1, 1, 2, 2), {size: [4, 4, 4]})"),
    error_case("interpolate scale list length", "F.interpolate(torch.zeros(1, 1, 2, 2), scale_factor=(2, 2, 2))",
               "F.interpolate(torch.zeros(1, 1, 2, 2), {scale_factor: [2, 2, 2]})"),
    error_case("interpolate bad mode", "F.interpolate(torch.zeros(1, 1, 2, 2), size=4, mode='cubic')",
               "F.interpolate(torch.zeros(1, 1, 2, 2), {size: 4, mode: 'cubic'})"),
    error_case("pad odd length", "F.pad(torch.zeros(1, 1, 2, 2), (1, 2, 3))", "F.pad(torch.zeros(1, 1, 2, 2), [1, 2, 3])"),
    error_case("pad too long", "F.pad(torch.zeros(2, 2), (1, 1, 1, 1, 1, 1))", "F.pad(torch.zeros(2, 2), [1, 1, 1, 1, 1, 1])"),
    error_case("pad reflect too large", "F.pad(torch.zeros(1, 1, 3, 3), (3, 0, 0, 0), mode='reflect')",
               "F.pad(torch.zeros(1, 1, 3, 3), [3, 0, 0, 0], {mode: 'reflect'})"),
    error_case("pad bad mode", "F.pad(torch.zeros(1, 1, 3, 3), (1, 1), mode='wrap')",
               "F.pad(torch.zeros(1, 1, 3, 3), [1, 1], {mode: 'wrap'})"),
    error_case("pad circular unbatched", "F.pad(torch.zeros(2, 5), (1, 1), mode='circular')",
               "F.pad(torch.zeros(2, 5), [1, 1], {mode: 'circular'})"),
    error_case("pad constant negative too large", "F.pad(torch.zeros(1, 1, 3, 3), (-2, -2))",
               "F.pad(torch.zeros(1, 1, 3, 3), [-2, -2])"),
    error_case("batch_norm one value per channel", "F.batch_norm(torch.zeros(1, 3), None, None, training=True)",
               "F.batch_norm(torch.zeros(1, 3), null, null, {training: true})"),
    error_case("batch_norm running_mean size", "F.batch_norm(torch.zeros(2, 3), torch.zeros(4), torch.ones(4))",
               "F.batch_norm(torch.zeros(2, 3), torch.zeros(4), torch.ones(4))"),
    error_case("batch_norm weight size", "F.batch_norm(torch.zeros(2, 3), torch.zeros(3), torch.ones(3), torch.ones(2))",
               "F.batch_norm(torch.zeros(2, 3), torch.zeros(3), torch.ones(3), torch.ones(2))"),
    error_case("BatchNorm2d 3d input", "nn.BatchNorm2d(3)(torch.zeros(3, 4, 4))", "new nn.BatchNorm2d(3)(torch.zeros(3, 4, 4))"),
    error_case("BatchNorm1d 4d input", "nn.BatchNorm1d(3)(torch.zeros(2, 3, 4, 4))",
               "new nn.BatchNorm1d(3)(torch.zeros(2, 3, 4, 4))"),
    error_case("BatchNorm2d channel mismatch", "nn.BatchNorm2d(3)(torch.zeros(2, 4, 2, 2))",
               "new nn.BatchNorm2d(3)(torch.zeros(2, 4, 2, 2))"),
    error_case("Conv2d in_channels not divisible by groups", "nn.Conv2d(3, 4, 3, groups=2)", "new nn.Conv2d(3, 4, 3, {groups: 2})"),
    error_case("Conv2d out_channels not divisible by groups", "nn.Conv2d(4, 3, 3, groups=2)", "new nn.Conv2d(4, 3, 3, {groups: 2})"),
    error_case("Conv2d bad padding string", "nn.Conv2d(1, 1, 3, padding='full')", "new nn.Conv2d(1, 1, 3, {padding: 'full'})"),
    error_case("Conv2d same with stride", "nn.Conv2d(1, 1, 3, stride=2, padding='same')",
               "new nn.Conv2d(1, 1, 3, {stride: 2, padding: 'same'})"),
    error_case("Conv2d bad padding_mode", "nn.Conv2d(1, 1, 3, padding_mode='mirror')",
               "new nn.Conv2d(1, 1, 3, {padding_mode: 'mirror'})"),
    error_case("Conv2d zero groups", "nn.Conv2d(1, 1, 3, groups=0)", "new nn.Conv2d(1, 1, 3, {groups: 0})"),
    error_case("Conv2d tutorial channel mismatch", "nn.Conv2d(1, 3, kernel_size=3)(torch.zeros(2, 2, 5, 5))",
               "new nn.Conv2d(1, 3, {kernel_size: 3})(torch.zeros(2, 2, 5, 5))"),
    error_case("conv_transpose fewer filters than groups",
               "F.conv_transpose2d(torch.zeros(1, 2, 5, 5), torch.zeros(2, 1, 3, 3), groups=3)",
               "F.conv_transpose2d(torch.zeros(1, 2, 5, 5), torch.zeros(2, 1, 3, 3), {groups: 3})"),
    error_case("conv zero dilation", "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), dilation=(1, 0))",
               "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), {dilation: [1, 0]})"),
    error_case("conv_transpose zero dilation", "F.conv_transpose2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), dilation=0)",
               "F.conv_transpose2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), {dilation: 0})"),
    error_case("conv_transpose output too small", "F.conv_transpose2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), padding=5)",
               "F.conv_transpose2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), {padding: 5})"),
    error_case("conv_transpose negative output_padding",
               "F.conv_transpose2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), output_padding=-1)",
               "F.conv_transpose2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), {output_padding: -1})"),
    error_case("conv_transpose bias size", "F.conv_transpose2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), torch.zeros(2))",
               "F.conv_transpose2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3), torch.zeros(2))"),
    error_case("conv weight dtype", "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3).long())",
               "F.conv2d(torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3).long())"),
    error_case("max_pool negative padding", "F.max_pool2d(torch.zeros(1, 1, 5, 5), 3, padding=-1)",
               "F.max_pool2d(torch.zeros(1, 1, 5, 5), 3, {padding: -1})"),
    error_case("max_pool negative stride", "F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, stride=-1)",
               "F.max_pool2d(torch.zeros(1, 1, 5, 5), 2, {stride: -1})"),
    error_case("max_pool kernel of 3 ints", "F.max_pool2d(torch.zeros(1, 1, 5, 5), (2, 2, 2))",
               "F.max_pool2d(torch.zeros(1, 1, 5, 5), [2, 2, 2])"),
    error_case("max_pool 3d too small", "F.max_pool2d(torch.zeros(1, 2, 2), 3)", "F.max_pool2d(torch.zeros(1, 2, 2), 3)"),
    error_case("max_pool long input", "F.max_pool2d(torch.zeros(1, 1, 4, 4).long(), 2)", "F.max_pool2d(torch.zeros(1, 1, 4, 4).long(), 2)"),
    error_case("avg_pool zero stride", "F.avg_pool2d(torch.zeros(1, 1, 5, 5), 2, 0)", "F.avg_pool2d(torch.zeros(1, 1, 5, 5), 2, 0)"),
    error_case("avg_pool negative padding", "F.avg_pool2d(torch.zeros(1, 1, 5, 5), 2, padding=-1)",
               "F.avg_pool2d(torch.zeros(1, 1, 5, 5), 2, {padding: -1})"),
    error_case("avg_pool 2d input", "F.avg_pool2d(torch.zeros(5, 5), 2)", "F.avg_pool2d(torch.zeros(5, 5), 2)"),
    error_case("adaptive_avg output_size of 3", "F.adaptive_avg_pool2d(torch.zeros(1, 1, 5, 5), (2, 2, 2))",
               "F.adaptive_avg_pool2d(torch.zeros(1, 1, 5, 5), [2, 2, 2])"),
    error_case("adaptive_avg negative output_size", "F.adaptive_avg_pool2d(torch.zeros(1, 1, 5, 5), -1)",
               "F.adaptive_avg_pool2d(torch.zeros(1, 1, 5, 5), -1)"),
    error_case("interpolate output size 0", "F.interpolate(torch.zeros(1, 1, 5, 5), scale_factor=0.1)",
               "F.interpolate(torch.zeros(1, 1, 5, 5), {scale_factor: 0.1})"),
    error_case("interpolate antialias nearest", "F.interpolate(torch.zeros(1, 1, 5, 5), size=4, antialias=True)",
               "F.interpolate(torch.zeros(1, 1, 5, 5), {size: 4, antialias: true})"),
    error_case("interpolate 2d input", "F.interpolate(torch.zeros(1, 4), size=4)", "F.interpolate(torch.zeros(1, 4), {size: 4})"),
    error_case("interpolate linear on 4d", "F.interpolate(torch.zeros(1, 1, 5, 5), size=4, mode='linear')",
               "F.interpolate(torch.zeros(1, 1, 5, 5), {size: 4, mode: 'linear'})"),
    error_case("interpolate recompute with size", "F.interpolate(torch.zeros(1, 1, 5, 5), size=4, recompute_scale_factor=True)",
               "F.interpolate(torch.zeros(1, 1, 5, 5), {size: 4, recompute_scale_factor: true})"),
    error_case("pad reflect with value", "F.pad(torch.zeros(1, 1, 5, 5), (1, 1), mode='reflect', value=1)",
               "F.pad(torch.zeros(1, 1, 5, 5), [1, 1], {mode: 'reflect', value: 1})"),
    error_case("pad reflect 1d tensor", "F.pad(torch.zeros(5), (1, 1), mode='reflect')",
               "F.pad(torch.zeros(5), [1, 1], {mode: 'reflect'})"),
    error_case("pad replicate 2 pairs on 2d", "F.pad(torch.zeros(5, 5), (1, 1, 1, 1), mode='replicate')",
               "F.pad(torch.zeros(5, 5), [1, 1, 1, 1], {mode: 'replicate'})"),
    error_case("pad reflect height too large", "F.pad(torch.zeros(1, 1, 1, 5), (1, 1, 1, 1), mode='reflect')",
               "F.pad(torch.zeros(1, 1, 1, 5), [1, 1, 1, 1], {mode: 'reflect'})"),
    error_case("batch_norm eval without running_var", "F.batch_norm(torch.zeros(2, 3), torch.zeros(3), None)",
               "F.batch_norm(torch.zeros(2, 3), torch.zeros(3), null)"),
    error_case("batch_norm eval without running_mean", "F.batch_norm(torch.zeros(2, 3), None, None)",
               "F.batch_norm(torch.zeros(2, 3), null, null)"),
    error_case("batch_norm bias size", "F.batch_norm(torch.zeros(2, 3), torch.zeros(3), torch.ones(3), None, torch.ones(2))",
               "F.batch_norm(torch.zeros(2, 3), torch.zeros(3), torch.ones(3), null, torch.ones(2))"),
    error_case("BatchNorm1d one value per channel", "nn.BatchNorm1d(3)(torch.zeros(1, 3))", "new nn.BatchNorm1d(3)(torch.zeros(1, 3))"),
    error_case("ConvTranspose2d bad output_size", "nn.ConvTranspose2d(1, 1, 3, stride=2)(torch.zeros(1, 1, 4, 4), output_size=[12, 12])",
               "new nn.ConvTranspose2d(1, 1, 3, {stride: 2})(torch.zeros(1, 1, 4, 4), [12, 12])"),
    error_case("ConvTranspose2d padding_mode", "nn.ConvTranspose2d(1, 1, 3, padding_mode='reflect')",
               "new nn.ConvTranspose2d(1, 1, 3, {padding_mode: 'reflect'})"),
]


# ------------------------------------------------------------------ modules
def params_of(m):
    return {k: enc(v) for k, v in m.state_dict().items()}


class ResBlk(ResBlock):
    """The tutorial's residual block, under the name the module cases use."""


def module_case(name, ctor_py, ctor_ts, x_shape, steps=1, train=True, eval_after=False):
    torch.manual_seed(7)
    m = eval(ctor_py, {"nn": nn, "torch": torch, "ResBlk": ResBlk})
    with torch.no_grad():
        for p in m.parameters():
            p.copy_(torch.tensor(r4(torch.randn(p.shape, generator=rng).reshape(-1))).reshape(p.shape))
    case = {"name": name, "ctor_py": ctor_py, "ts": ctor_ts, "repr": repr(m), "state_dict": params_of(m),
            "state_keys": list(m.state_dict().keys()), "train": train, "steps": []}
    m.train(train)
    for _ in range(steps):
        x = make_input(("f", x_shape)).requires_grad_(True)
        y = m(x)
        g = torch.tensor(r4(torch.randn(y.shape, generator=rng).reshape(-1))).reshape(y.shape)
        m.zero_grad()
        (y * g).sum().backward()
        step = {"x": enc(x), "out": enc(y), "grad_out": enc(g), "grad_x": enc(x.grad),
                "grads": {k: enc(p.grad) for k, p in m.named_parameters() if p.grad is not None},
                "buffers": {k: enc(b) for k, b in m.named_buffers()}}
        case["steps"].append(step)
    if eval_after:
        m.eval()
        x = make_input(("f", x_shape))
        case["eval"] = {"x": enc(x), "out": enc(m(x))}
    return case


MODULES = [
    module_case("Conv2d tutorial", "nn.Conv2d(1, 3, kernel_size=3, stride=1, padding=0)",
                "new nn.Conv2d(1, 3, {kernel_size: 3, stride: 1, padding: 0})", [1, 1, 28, 28]),
    module_case("Conv2d full", "nn.Conv2d(4, 6, (3, 2), stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2, bias=False)",
                "new nn.Conv2d(4, 6, [3, 2], {stride: [2, 1], padding: [1, 2], dilation: [1, 2], groups: 2, bias: false})",
                [2, 4, 7, 6]),
    module_case("Conv2d same", "nn.Conv2d(2, 3, 3, padding='same')", "new nn.Conv2d(2, 3, 3, {padding: 'same'})", [1, 2, 5, 5]),
    module_case("Conv2d positional", "nn.Conv2d(1, 2, 5, 1, 1)", "new nn.Conv2d(1, 2, 5, 1, 1)", [2, 1, 8, 8]),
    module_case("Conv2d reflect padding_mode", "nn.Conv2d(1, 2, 3, padding=1, padding_mode='reflect')",
                "new nn.Conv2d(1, 2, 3, {padding: 1, padding_mode: 'reflect'})", [1, 1, 5, 4]),
    module_case("Conv2d circular padding_mode", "nn.Conv2d(1, 2, 3, padding=(1, 2), padding_mode='circular')",
                "new nn.Conv2d(1, 2, 3, {padding: [1, 2], padding_mode: 'circular'})", [1, 1, 5, 4]),
    module_case("ConvTranspose2d", "nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1)",
                "new nn.ConvTranspose2d(2, 3, 3, {stride: 2, padding: 1, output_padding: 1})", [1, 2, 4, 4]),
    module_case("ConvTranspose2d groups dilation", "nn.ConvTranspose2d(4, 2, (2, 3), groups=2, dilation=2, bias=False)",
                "new nn.ConvTranspose2d(4, 2, [2, 3], {groups: 2, dilation: 2, bias: false})", [1, 4, 3, 3]),
    module_case("MaxPool2d tutorial", "nn.MaxPool2d(2, stride=2)", "new nn.MaxPool2d(2, {stride: 2})", [1, 3, 26, 26]),
    module_case("MaxPool2d full", "nn.MaxPool2d(3, 2, 1, 1, ceil_mode=True)", "new nn.MaxPool2d(3, 2, 1, 1, {ceil_mode: true})",
                [1, 2, 6, 7]),
    module_case("AvgPool2d", "nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False)",
                "new nn.AvgPool2d(3, {stride: 2, padding: 1, count_include_pad: false})", [1, 2, 6, 7]),
    module_case("AvgPool2d divisor", "nn.AvgPool2d((2, 3), ceil_mode=True, divisor_override=2)",
                "new nn.AvgPool2d([2, 3], {ceil_mode: true, divisor_override: 2})", [1, 1, 5, 7]),
    module_case("AdaptiveAvgPool2d", "nn.AdaptiveAvgPool2d((3, 2))", "new nn.AdaptiveAvgPool2d([3, 2])", [1, 2, 7, 5]),
    module_case("AdaptiveAvgPool2d int", "nn.AdaptiveAvgPool2d(1)", "new nn.AdaptiveAvgPool2d(1)", [2, 2, 3, 3]),
    module_case("AdaptiveMaxPool2d", "nn.AdaptiveMaxPool2d((2, None))", "new nn.AdaptiveMaxPool2d([2, null])", [1, 2, 5, 3]),
    module_case("Upsample nearest", "nn.Upsample(scale_factor=2)", "new nn.Upsample({scale_factor: 2})", [1, 2, 3, 3]),
    module_case("Upsample bilinear", "nn.Upsample(size=(5, 4), mode='bilinear', align_corners=False)",
                "new nn.Upsample({size: [5, 4], mode: 'bilinear', align_corners: false})", [1, 1, 3, 3]),
    module_case("UpsamplingNearest2d", "nn.UpsamplingNearest2d(scale_factor=2)", "new nn.UpsamplingNearest2d({scale_factor: 2})",
                [1, 1, 2, 3]),
    module_case("UpsamplingBilinear2d", "nn.UpsamplingBilinear2d(size=(4, 5))", "new nn.UpsamplingBilinear2d({size: [4, 5]})",
                [1, 1, 2, 3]),
    module_case("ZeroPad2d", "nn.ZeroPad2d((1, 2, 0, 1))", "new nn.ZeroPad2d([1, 2, 0, 1])", [1, 1, 3, 3]),
    module_case("ZeroPad2d int", "nn.ZeroPad2d(2)", "new nn.ZeroPad2d(2)", [1, 1, 2, 2]),
    module_case("ConstantPad2d", "nn.ConstantPad2d((1, 0, 2, 1), 3.5)", "new nn.ConstantPad2d([1, 0, 2, 1], 3.5)", [1, 2, 2, 2]),
    module_case("ReflectionPad2d", "nn.ReflectionPad2d((2, 1, 1, 2))", "new nn.ReflectionPad2d([2, 1, 1, 2])", [1, 1, 4, 4]),
    module_case("ReplicationPad2d", "nn.ReplicationPad2d(2)", "new nn.ReplicationPad2d(2)", [1, 1, 3, 3]),
    module_case("BatchNorm2d train steps", "nn.BatchNorm2d(3)", "new nn.BatchNorm2d(3)", [4, 3, 2, 3], steps=3, eval_after=True),
    module_case("BatchNorm2d momentum None", "nn.BatchNorm2d(2, momentum=None)", "new nn.BatchNorm2d(2, {momentum: null})",
                [3, 2, 2, 2], steps=3, eval_after=True),
    module_case("BatchNorm2d no affine eps", "nn.BatchNorm2d(2, eps=1e-3, momentum=0.2, affine=False)",
                "new nn.BatchNorm2d(2, {eps: 1e-3, momentum: 0.2, affine: false})", [3, 2, 2, 2], steps=2, eval_after=True),
    module_case("BatchNorm2d no running stats", "nn.BatchNorm2d(2, track_running_stats=False)",
                "new nn.BatchNorm2d(2, {track_running_stats: false})", [3, 2, 2, 2], steps=2, eval_after=True),
    module_case("BatchNorm1d 2d", "nn.BatchNorm1d(4)", "new nn.BatchNorm1d(4)", [5, 4], steps=2, eval_after=True),
    module_case("BatchNorm1d 3d", "nn.BatchNorm1d(3, momentum=0.5)", "new nn.BatchNorm1d(3, {momentum: 0.5})", [2, 3, 4],
                steps=2, eval_after=True),
    module_case("tutorial ResBlk 2->4", "ResBlk(2, 4)", "new ResBlk(2, 4)", [2, 2, 5, 5], steps=2, eval_after=True),
    module_case("tutorial ResBlk 3->3", "ResBlk(3, 3)", "new ResBlk(3, 3)", [2, 3, 4, 4], steps=1, eval_after=True),
    module_case("BatchNorm2d eval mode", "nn.BatchNorm2d(2)", "new nn.BatchNorm2d(2)", [2, 2, 3, 3], train=False),
]

REPRS = {r[0]: repr(eval(r[0], {"nn": nn})) for r in [
    ("nn.Conv2d(1, 3, kernel_size=3, stride=1, padding=0)",), ("nn.Conv2d(1, 3, 3)",),
    ("nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(3, 1))",),
    ("nn.Conv2d(4, 8, 3, groups=2, bias=False, padding='same', padding_mode='reflect')",),
    ("nn.Conv2d(4, 8, 3, padding='valid')",), ("nn.Conv2d(4, 8, 1, padding=(0, 0), dilation=1)",),
    ("nn.ConvTranspose2d(16, 33, 3, stride=2)",),
    ("nn.ConvTranspose2d(16, 32, (3, 5), stride=(2, 1), padding=(4, 2), output_padding=(1, 0), groups=2, bias=False, dilation=2)",),
    ("nn.MaxPool2d(2, stride=2)",), ("nn.MaxPool2d(2)",), ("nn.MaxPool2d((3, 2), stride=(2, 1), padding=1, dilation=2, ceil_mode=True)",),
    ("nn.AvgPool2d(2)",), ("nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False, divisor_override=4)",),
    ("nn.AdaptiveAvgPool2d((5, 7))",), ("nn.AdaptiveAvgPool2d(1)",), ("nn.AdaptiveAvgPool2d((None, 7))",),
    ("nn.AdaptiveMaxPool2d(3)",), ("nn.AdaptiveMaxPool2d((2, 3), return_indices=True)",),
    ("nn.BatchNorm2d(3)",), ("nn.BatchNorm2d(3, eps=0.001, momentum=None, affine=False, track_running_stats=False)",),
    ("nn.BatchNorm1d(100)",), ("nn.Upsample(scale_factor=2, mode='nearest')",), ("nn.Upsample(size=(4, 5), mode='bilinear')",),
    ("nn.Upsample(scale_factor=1.5, mode='bilinear', align_corners=True)",),
    ("nn.UpsamplingNearest2d(scale_factor=2)",), ("nn.UpsamplingBilinear2d(size=3)",),
    ("nn.ZeroPad2d(2)",), ("nn.ZeroPad2d((1, 2, 3, 4))",), ("nn.ConstantPad2d(2, 3.5)",), ("nn.ConstantPad2d((1, 0, 2, 1), 0)",),
    ("nn.ReflectionPad2d(2)",), ("nn.ReplicationPad2d((1, 1, 2, 0))",),
]}


def grad_fn_names():
    """PyTorch's grad_fn class name of each op's output (what `print(y)` shows)."""
    torch.manual_seed(0)
    env = {"torch": torch, "F": F, "x": torch.randn(1, 2, 6, 6, requires_grad=True), "w": torch.randn(3, 2, 3, 3, requires_grad=True),
           "wt": torch.randn(2, 3, 3, 3, requires_grad=True), "x3": torch.randn(2, 2, 6, requires_grad=True),
           "x5": torch.randn(1, 2, 4, 4, 4, requires_grad=True)}
    exprs = [
        ("F.conv2d(x, w)", "F.conv2d(x, w)"), ("F.conv2d(x[0], w)", "F.conv2d(x.select(0, 0), w)"),
        ("F.conv_transpose2d(x, wt)", "F.conv_transpose2d(x, wt)"), ("F.max_pool2d(x, 2)", "F.max_pool2d(x, 2)"),
        ("F.avg_pool2d(x, 2)", "F.avg_pool2d(x, 2)"), ("F.adaptive_avg_pool2d(x, 3)", "F.adaptive_avg_pool2d(x, 3)"),
        ("F.adaptive_avg_pool2d(x, 4)", "F.adaptive_avg_pool2d(x, 4)"), ("F.adaptive_avg_pool2d(x, 1)", "F.adaptive_avg_pool2d(x, 1)"),
        ("F.adaptive_max_pool2d(x, 4)", "F.adaptive_max_pool2d(x, 4)"),
        ("F.interpolate(x, scale_factor=2)", "F.interpolate(x, {scale_factor: 2})"),
        ("F.interpolate(x, size=7, mode='bilinear')", "F.interpolate(x, {size: 7, mode: 'bilinear'})"),
        ("F.interpolate(x, size=7, mode='nearest-exact')", "F.interpolate(x, {size: 7, mode: 'nearest-exact'})"),
        ("F.interpolate(x, size=7, mode='bicubic')", "F.interpolate(x, {size: 7, mode: 'bicubic'})"),
        ("F.interpolate(x3, size=7, mode='linear')", "F.interpolate(x3, {size: 7, mode: 'linear'})"),
        ("F.interpolate(x3, size=7)", "F.interpolate(x3, {size: 7})"),
        ("F.pad(x, (1, 1))", "F.pad(x, [1, 1])"), ("F.pad(x, (1, 1, 1, 1), mode='reflect')", "F.pad(x, [1, 1, 1, 1], {mode: 'reflect'})"),
        ("F.pad(x, (1, 1, 1, 1), mode='replicate')", "F.pad(x, [1, 1, 1, 1], {mode: 'replicate'})"),
        ("F.pad(x3, (1, 1), mode='reflect')", "F.pad(x3, [1, 1], {mode: 'reflect'})"),
        ("F.batch_norm(x, None, None, training=True)", "F.batch_norm(x, null, null, {training: true})"),
        ("F.max_pool3d(x5, 2)", "F.max_pool3d(x5, 2)"), ("F.avg_pool3d(x5, 2)", "F.avg_pool3d(x5, 2)"),
        ("F.adaptive_avg_pool3d(x5, 2)", "F.adaptive_avg_pool3d(x5, 2)"), ("F.adaptive_max_pool3d(x5, 3)", "F.adaptive_max_pool3d(x5, 3)"),
    ]
    return [{"py": py, "ts": ts, "name": type(eval(py, env).grad_fn).__name__} for py, ts in exprs]


# ------------------------------------------------------------------ 3-D pooling
# Defined last so that the random draws of every group above keep their values.
P3 = group("pool3d")
P3("max3d k=2", {"x": ("f", [2, 2, 4, 4, 5])}, "F.max_pool3d(x, 2)", "F.max_pool3d(x, 2)")
P3("max3d k=3 s=2 p=1", {"x": ("f", [1, 2, 5, 6, 5])}, "F.max_pool3d(x, 3, 2, 1)", "F.max_pool3d(x, 3, 2, 1)")
P3("max3d k=(2,3,2) s=(1,2,1) p=(1,1,0) d=(1,1,2)", {"x": ("f", [1, 2, 4, 6, 6])},
   "F.max_pool3d(x, (2, 3, 2), (1, 2, 1), (1, 1, 0), (1, 1, 2))", "F.max_pool3d(x, [2, 3, 2], [1, 2, 1], [1, 1, 0], [1, 1, 2])")
P3("max3d k=2 s=2 p=1 ceil_mode last window rule", {"x": ("f", [1, 1, 5, 5, 4])}, "F.max_pool3d(x, 2, 2, 1, ceil_mode=True)",
   "F.max_pool3d(x, 2, 2, 1, {ceil_mode: true})")
P3("max3d k=3 s=2 ceil_mode", {"x": ("f", [1, 2, 6, 5, 6])}, "F.max_pool3d(x, 3, 2, ceil_mode=True)", "F.max_pool3d(x, 3, 2, {ceil_mode: true})")
P3("max3d dilation=2 s=2 p=1 ceil", {"x": ("f", [1, 1, 7, 6, 7])}, "F.max_pool3d(x, 3, 2, 1, 2, ceil_mode=True)",
   "F.max_pool3d(x, 3, 2, 1, 2, {ceil_mode: true})")
P3("max3d ties route to first max, indices", {"x": ("ties", [2, 2, 4, 4, 4])}, "F.max_pool3d(x, 2, return_indices=True)",
   "F.max_pool3d(x, 2, {return_indices: true})")
P3("max3d ties overlapping k=3 s=1 p=1", {"x": ("ties", [1, 2, 4, 4, 4])}, "F.max_pool3d(x, 3, 1, 1)", "F.max_pool3d(x, 3, 1, 1)")
P3("max3d return_indices p=1 s=2", {"x": ("f", [1, 2, 5, 4, 6])}, "F.max_pool3d(x, 3, 2, 1, return_indices=True)",
   "F.max_pool3d(x, 3, 2, 1, {return_indices: true})")
P3("max3d unbatched", {"x": ("f", [2, 4, 5, 4])}, "F.max_pool3d(x, 2, 1)", "F.max_pool3d(x, 2, 1)")
P3("max3d -inf windows beat the padding",
   {"x": ("v", [[[[[float("-inf"), float("-inf")], [float("-inf"), 1.0]], [[2.0, float("-inf")], [float("-inf"), float("-inf")]]]]])},
   "F.max_pool3d(x, 2, 1, 1, return_indices=True)", "F.max_pool3d(x, 2, 1, 1, {return_indices: true})", nograd=("x",))
# PyTorch's loop moves to a greater or NaN tap: the last NaN of a window wins, even over +inf.
P3("max3d NaN: the last NaN wins, over +inf",
   {"x": ("v", [[[[[float("nan"), 1.0], [float("nan"), float("inf")]], [[2.0, 3.0], [4.0, 5.0]]],
                 [[[1.0, float("inf")], [float("nan"), float("nan")]], [[2.0, 3.0], [float("inf"), 5.0]]]]])},
   "F.max_pool3d(x, 2, return_indices=True)", "F.max_pool3d(x, 2, {return_indices: true})", nograd=("x",))
P3("adaptive max3d NaN and -inf windows",
   {"x": ("v", [[[[[float("-inf"), float("-inf")], [float("-inf"), float("-inf")]], [[float("nan"), 3.0], [float("nan"), 5.0]]]]])},
   "F.adaptive_max_pool3d(x, (2, 1, 1), return_indices=True)", "F.adaptive_max_pool3d(x, [2, 1, 1], {return_indices: true})", nograd=("x",))
P3("max_pool3d_with_indices", {"x": ("f", [1, 1, 3, 4, 4])}, "F.max_pool3d_with_indices(x, 2)", "F.max_pool3d_with_indices(x, 2)")
P3("torch.max_pool3d", {"x": ("f", [1, 1, 3, 4, 4])}, "torch.max_pool3d(x, 2)", "torch.max_pool3d(x, 2)")
P3("avg3d k=2", {"x": ("f", [2, 2, 4, 5, 4])}, "F.avg_pool3d(x, 2)", "F.avg_pool3d(x, 2)")
P3("avg3d k=3 s=2 p=1 include pad", {"x": ("f", [1, 2, 5, 6, 5])}, "F.avg_pool3d(x, 3, 2, 1)", "F.avg_pool3d(x, 3, 2, 1)")
P3("avg3d k=3 s=2 p=1 exclude pad", {"x": ("f", [1, 2, 5, 6, 5])}, "F.avg_pool3d(x, 3, 2, 1, count_include_pad=False)",
   "F.avg_pool3d(x, 3, 2, 1, {count_include_pad: false})")
P3("avg3d k=3 s=2 p=1 ceil include pad", {"x": ("f", [1, 2, 6, 6, 5])}, "F.avg_pool3d(x, 3, 2, 1, ceil_mode=True)",
   "F.avg_pool3d(x, 3, 2, 1, {ceil_mode: true})")
P3("avg3d k=(2,3,3) s=2 p=(1,1,0) ceil exclude pad", {"x": ("f", [1, 1, 5, 7, 6])},
   "F.avg_pool3d(x, (2, 3, 3), 2, (1, 1, 0), True, False)", "F.avg_pool3d(x, [2, 3, 3], 2, [1, 1, 0], true, false)")
P3("avg3d divisor_override", {"x": ("f", [1, 2, 4, 5, 5])}, "F.avg_pool3d(x, 2, 2, 1, divisor_override=3)",
   "F.avg_pool3d(x, 2, 2, 1, {divisor_override: 3})")
P3("avg3d unbatched", {"x": ("f", [2, 4, 4, 5])}, "F.avg_pool3d(x, 2, 1)", "F.avg_pool3d(x, 2, 1)")
P3("avg3d Long truncates", {"x": ("v", torch.arange(-20, 28).reshape(1, 1, 3, 4, 4).tolist())},
   "F.avg_pool3d(x, 2, 1, 1, count_include_pad=False)", "F.avg_pool3d(x, 2, 1, 1, {count_include_pad: false})")
P3("adaptive avg3d 5x7x4 -> (2,3,2)", {"x": ("f", [2, 2, 5, 7, 4])}, "F.adaptive_avg_pool3d(x, (2, 3, 2))",
   "F.adaptive_avg_pool3d(x, [2, 3, 2])")
P3("adaptive avg3d -> 1", {"x": ("f", [2, 3, 3, 4, 5])}, "F.adaptive_avg_pool3d(x, 1)", "F.adaptive_avg_pool3d(x, 1)")
P3("adaptive avg3d None keeps size", {"x": ("f", [1, 2, 4, 5, 3])}, "F.adaptive_avg_pool3d(x, (None, 2, None))",
   "F.adaptive_avg_pool3d(x, [null, 2, null])")
P3("adaptive avg3d upsampling 2x3x2 -> 3x4x5", {"x": ("f", [1, 1, 2, 3, 2])}, "F.adaptive_avg_pool3d(x, (3, 4, 5))",
   "F.adaptive_avg_pool3d(x, [3, 4, 5])")
P3("adaptive avg3d unbatched", {"x": ("f", [2, 5, 4, 3])}, "F.adaptive_avg_pool3d(x, 2)", "F.adaptive_avg_pool3d(x, 2)")
P3("adaptive max3d 5x7x4 -> 3", {"x": ("f", [2, 2, 5, 7, 4])}, "F.adaptive_max_pool3d(x, 3)", "F.adaptive_max_pool3d(x, 3)")
P3("adaptive max3d (2,None,3) return_indices", {"x": ("f", [1, 2, 5, 3, 7])}, "F.adaptive_max_pool3d(x, (2, None, 3), return_indices=True)",
   "F.adaptive_max_pool3d(x, [2, null, 3], {return_indices: true})")
P3("adaptive max3d ties upsampling", {"x": ("ties", [1, 2, 3, 3, 2])}, "F.adaptive_max_pool3d(x, (4, 5, 3), True)",
   "F.adaptive_max_pool3d(x, [4, 5, 3], true)")
P3("adaptive_max_pool3d_with_indices unbatched", {"x": ("f", [2, 4, 5, 3])}, "F.adaptive_max_pool3d_with_indices(x, 2)",
   "F.adaptive_max_pool3d_with_indices(x, 2)")
P3("MaxPool3d module return_indices", {"x": ("f", [1, 2, 4, 4, 4])},
   "torch.nn.MaxPool3d(2, stride=1, return_indices=True)(x)", "new nn.MaxPool3d(2, {stride: 1, return_indices: true})(x)")
P3("AvgPool3d module", {"x": ("f", [1, 2, 4, 4, 4])},
   "torch.nn.AvgPool3d(3, stride=2, padding=1, count_include_pad=False)(x)", "new nn.AvgPool3d(3, {stride: 2, padding: 1, count_include_pad: false})(x)")
P3("AdaptiveAvgPool3d module", {"x": ("f", [1, 2, 4, 5, 3])}, "torch.nn.AdaptiveAvgPool3d((1, None, 2))(x)",
   "new nn.AdaptiveAvgPool3d([1, null, 2])(x)")
P3("AdaptiveMaxPool3d module", {"x": ("f", [1, 2, 4, 5, 3])}, "torch.nn.AdaptiveMaxPool3d(2, True)(x)", "new nn.AdaptiveMaxPool3d(2, true)(x)")

pyrng3 = random.Random(3003)
for i in range(24):
    k = tuple(pyrng3.randint(1, 3) for _ in range(3))
    st = tuple(pyrng3.randint(1, 3) for _ in range(3))
    p = tuple(pyrng3.randint(0, v // 2) for v in k)
    ceil = pyrng3.random() < 0.5
    n, c = pyrng3.randint(1, 2), pyrng3.randint(1, 2)
    kind = pyrng3.choice(["max", "max", "avg", "avg", "adaptive_avg", "adaptive_max"])
    t3 = lambda v: "[%d, %d, %d]" % v  # noqa: E731
    cl_py, cl_ts = ("True", "true") if ceil else ("False", "false")
    if kind == "max":
        d = tuple(pyrng3.randint(1, 2) for _ in range(3))
        size = [pyrng3.randint(d[j] * (k[j] - 1) + 1, 6) for j in range(3)]
        spec = ("ties", [n, c, *size]) if pyrng3.random() < 0.3 else ("f", [n, c, *size])
        P3(f"max_pool3d #{i} x={[n, c, *size]} k={k} s={st} p={p} d={d} ceil={ceil}", {"x": spec},
           f"F.max_pool3d(x, {k}, {st}, {p}, {d}, {cl_py}, True)", f"F.max_pool3d(x, {t3(k)}, {t3(st)}, {t3(p)}, {t3(d)}, {cl_ts}, true)")
    elif kind == "avg":
        size = [pyrng3.randint(k[j], 6) for j in range(3)]
        inc = pyrng3.random() < 0.5
        div = pyrng3.choice([None, None, pyrng3.randint(1, 5)])
        inc_py, inc_ts = ("True", "true") if inc else ("False", "false")
        dv_py, dv_ts = ("None", "null") if div is None else (str(div), str(div))
        P3(f"avg_pool3d #{i} x={[n, c, *size]} k={k} s={st} p={p} ceil={ceil} include_pad={inc} divisor={div}", {"x": ("f", [n, c, *size])},
           f"F.avg_pool3d(x, {k}, {st}, {p}, {cl_py}, {inc_py}, {dv_py})", f"F.avg_pool3d(x, {t3(k)}, {t3(st)}, {t3(p)}, {cl_ts}, {inc_ts}, {dv_ts})")
    else:
        size = [pyrng3.randint(1, 6) for _ in range(3)]
        out = tuple(pyrng3.randint(1, 4) for _ in range(3))
        fn = "F." + kind + "_pool3d"
        P3(f"{kind}_pool3d #{i} x={[n, c, *size]} out={out}", {"x": ("f", [n, c, *size])}, f"{fn}(x, {out})", f"{fn}(x, {t3(out)})")

# torch.* spellings of functional layers (src/torch_functional.ts), defined after every other group
# so that their random draws keep their values.
TF = group("torch_functional")
TF("torch.threshold", {"x": ("f", [2, 3, 4])}, "torch.threshold(x, 0.1, 20.0)", "torch.threshold(x, 0.1, 20.0)")
TF("torch.celu alpha", {"x": ("f", [2, 3, 4])}, "torch.celu(x, 0.5)", "torch.celu(x, 0.5)")
TF("torch.selu", {"x": ("f", [2, 3, 4])}, "torch.selu(x)", "torch.selu(x)")
TF("torch.hardshrink", {"x": ("f", [2, 3, 4])}, "torch.hardshrink(x, 0.3)", "torch.hardshrink(x, 0.3)")
TF("Tensor.hardshrink default", {"x": ("f", [2, 3, 4])}, "x.hardshrink()", "x.hardshrink()")
TF("torch.prelu", {"x": ("f", [2, 3, 4]), "w": ("f", [3])}, "torch.prelu(x, w)", "torch.prelu(x, w)")
TF("Tensor.prelu one weight", {"x": ("f", [2, 3, 4]), "w": ("f", [1])}, "x.prelu(w)", "x.prelu(w)")
TF("torch.layer_norm", {"x": ("f", [2, 3, 4]), "w": ("f", [4]), "b": ("f", [4])}, "torch.layer_norm(x, (4,), w, b, 1e-5)",
   "torch.layer_norm(x, [4], w, b, 1e-5)")
TF("torch.layer_norm no affine 2 dims", {"x": ("f", [2, 3, 4])}, "torch.layer_norm(x, (3, 4))", "torch.layer_norm(x, [3, 4])")
TF("torch.group_norm", {"x": ("f", [2, 4, 3]), "w": ("f", [4]), "b": ("f", [4])}, "torch.group_norm(x, 2, w, b, 1e-5)",
   "torch.group_norm(x, 2, w, b, 1e-5)")
TF("torch.pairwise_distance", {"a": ("f", [3, 5]), "b": ("f", [3, 5])}, "torch.pairwise_distance(a, b)", "torch.pairwise_distance(a, b)")
TF("torch.pairwise_distance p=1 keepdim", {"a": ("f", [3, 5]), "b": ("f", [3, 5])}, "torch.pairwise_distance(a, b, 1.0, 1e-6, True)",
   "torch.pairwise_distance(a, b, 1.0, 1e-6, true)")
TF("torch.max_pool1d", {"x": ("f", [2, 3, 6])}, "torch.max_pool1d(x, 2)", "torch.max_pool1d(x, 2)")
TF("torch.max_pool1d k=3 s=1 p=1", {"x": ("f", [2, 3, 6])}, "torch.max_pool1d(x, 3, 1, 1)", "torch.max_pool1d(x, 3, 1, 1)")
TF("torch.adaptive_avg_pool1d", {"x": ("f", [2, 3, 7])}, "torch.adaptive_avg_pool1d(x, 3)", "torch.adaptive_avg_pool1d(x, 3)")
TF("torch.dropout eval is the identity", {"x": ("f", [2, 3, 4])}, "torch.dropout(x, 0.5, False)", "torch.dropout(x, 0.5, false)")
TF("torch.dropout p=0 train", {"x": ("f", [2, 3, 4])}, "torch.dropout(x, 0.0, True)", "torch.dropout(x, 0.0, true)")
TF("torch.embedding", {"w": ("f", [6, 3]), "i": ("v", [[1, 2, 2], [5, 0, 1]])}, "torch.embedding(w, i)", "torch.embedding(w, i)")
TF("torch.embedding padding_idx", {"w": ("f", [6, 3]), "i": ("v", [[1, 2, 2], [5, 0, 1]])}, "torch.embedding(w, i, 2)",
   "torch.embedding(w, i, 2)")
TF("torch.hann_window periodic", {}, "torch.hann_window(7)", "torch.hann_window(7)")
TF("torch.hann_window symmetric float64", {}, "torch.hann_window(6, False, dtype=torch.float64)",
   "torch.hann_window(6, false, {dtype: torch.float64})")
TF("torch.hamming_window", {}, "torch.hamming_window(8)", "torch.hamming_window(8)")
TF("torch.hamming_window alpha beta", {}, "torch.hamming_window(5, True, 0.5, 0.4)", "torch.hamming_window(5, true, 0.5, 0.4)")
TF("torch.blackman_window symmetric", {}, "torch.blackman_window(9, periodic=False)", "torch.blackman_window(9, {periodic: false})")
TF("torch.bartlett_window", {}, "torch.bartlett_window(6)", "torch.bartlett_window(6)")
TF("torch.bartlett_window length 1 and 0", {}, "(torch.bartlett_window(1), torch.hann_window(0))", "[torch.bartlett_window(1), torch.hann_window(0)]")

X5 = "torch.zeros(1, 2, 4, 4, 4)"
ERRORS.extend([
    error_case("max_pool3d 3d input", "F.max_pool3d(torch.zeros(2, 4, 4), 2)", "F.max_pool3d(torch.zeros(2, 4, 4), 2)"),
    error_case("avg_pool3d 3d input", "F.avg_pool3d(torch.zeros(2, 4, 4), 2)", "F.avg_pool3d(torch.zeros(2, 4, 4), 2)"),
    error_case("adaptive_avg_pool3d 3d input", "F.adaptive_avg_pool3d(torch.zeros(2, 4, 4), 2)", "F.adaptive_avg_pool3d(torch.zeros(2, 4, 4), 2)"),
    error_case("adaptive_max_pool3d 3d input", "F.adaptive_max_pool3d(torch.zeros(2, 4, 4), 2)", "F.adaptive_max_pool3d(torch.zeros(2, 4, 4), 2)"),
    error_case("max_pool3d pad over half kernel", f"F.max_pool3d({X5}, 3, padding=2)", f"F.max_pool3d({X5}, 3, {{padding: 2}})"),
    error_case("avg_pool3d pad over half kernel", f"F.avg_pool3d({X5}, 3, padding=2)", f"F.avg_pool3d({X5}, 3, {{padding: 2}})"),
    error_case("max_pool3d output too small", f"F.max_pool3d({X5}, 5)", f"F.max_pool3d({X5}, 5)"),
    error_case("avg_pool3d input smaller than kernel", f"F.avg_pool3d({X5}, 5)", f"F.avg_pool3d({X5}, 5)"),
    error_case("max_pool3d kernel 0", f"F.max_pool3d({X5}, 0)", f"F.max_pool3d({X5}, 0)"),
    error_case("max_pool3d kernel pair", f"F.max_pool3d({X5}, (2, 2))", f"F.max_pool3d({X5}, [2, 2])"),
    error_case("max_pool3d Long", f"F.max_pool3d({X5}.long(), 2)", f"F.max_pool3d({X5}.long(), 2)"),
    error_case("adaptive_avg_pool3d Long", f"F.adaptive_avg_pool3d({X5}.long(), 2)", f"F.adaptive_avg_pool3d({X5}.long(), 2)"),
    error_case("adaptive_max_pool3d Long", f"F.adaptive_max_pool3d({X5}.long(), 2)", f"F.adaptive_max_pool3d({X5}.long(), 2)"),
    error_case("adaptive_avg_pool3d output_size pair", f"F.adaptive_avg_pool3d({X5}, (2, 2))", f"F.adaptive_avg_pool3d({X5}, [2, 2])"),
    error_case("adaptive_max_pool3d output_size pair", f"F.adaptive_max_pool3d({X5}, (2, 2))", f"F.adaptive_max_pool3d({X5}, [2, 2])"),
    error_case("max_pool3d stride 0", f"F.max_pool3d({X5}, 2, stride=0)", f"F.max_pool3d({X5}, 2, {{stride: 0}})"),
    error_case("avg_pool3d divisor 0", f"F.avg_pool3d({X5}, 2, divisor_override=0)", f"F.avg_pool3d({X5}, 2, {{divisor_override: 0}})"),
    error_case("max_pool3d dilation 0", f"F.max_pool3d({X5}, 2, dilation=0)", f"F.max_pool3d({X5}, 2, {{dilation: 0}})"),
    error_case("hann_window negative length", "torch.hann_window(-1)", "torch.hann_window(-1)"),
    error_case("blackman_window Long dtype", "torch.blackman_window(4, dtype=torch.int64)", "torch.blackman_window(4, {dtype: torch.int64})"),
    error_case("max_pool3d empty channels", "F.max_pool3d(torch.zeros(1, 0, 4, 4, 4), 2)", "F.max_pool3d(torch.zeros(1, 0, 4, 4, 4), 2)"),
])
REPRS.update({r: repr(eval(r, {"nn": nn})) for r in [
    "nn.MaxPool3d(2)", "nn.MaxPool3d((3, 2, 2), stride=(2, 1, 2), padding=1, dilation=2, ceil_mode=True)",
    "nn.AvgPool3d(3, stride=2, padding=1)", "nn.AvgPool3d(2, ceil_mode=True, count_include_pad=False, divisor_override=4)",
    "nn.AdaptiveAvgPool3d((2, None, 3))", "nn.AdaptiveAvgPool3d(1)", "nn.AdaptiveMaxPool3d(2, return_indices=True)",
]})


def main():
    for name, cases in GROUPS.items():
        write(f"vision_nn_{name}.json", {"cases": cases})
    write("vision_nn_errors.json", {"errors": ERRORS})
    write("vision_nn_modules.json", {"modules": MODULES, "reprs": REPRS, "grad_fn": grad_fn_names()})


def write(fname, obj):
    path = os.path.join(HERE, fname)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
    print(f"{fname}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
