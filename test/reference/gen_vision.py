"""Reference values for torchvision.transforms / torchvision.io (torchvision 0.14).

Run with Debian's interpreter, which has PyTorch 1.13 and torchvision 0.14:
    /usr/bin/python3 test/reference/gen_vision.py
Writes test/reference/vision_functional.json (functional ops on small fixed images),
vision_repr.json (str() of transforms) and vision_io.json (encoded files and their pixels).
Each functional case lists its arguments in the positional order that both torchvision.transforms
.functional and torchlab's functional use, so the test calls the same function with the same list.
"""
import base64
import io
import json
import os

import numpy as np
import torch
import torchvision
import torchvision.transforms as T
import torchvision.transforms.functional as F
from PIL import Image
from torchvision.transforms import InterpolationMode

HERE = os.path.dirname(os.path.abspath(__file__))
g = torch.Generator().manual_seed(0)

# Inputs: values with 4 decimals, so both sides read the same float32 numbers.
inputs = {
    "float": (torch.rand(3, 5, 7, generator=g) * 1e4).round() / 1e4,
    "uint8": torch.randint(0, 256, (3, 5, 7), generator=g, dtype=torch.uint8),
    "gray": (torch.rand(1, 6, 6, generator=g) * 1e4).round() / 1e4,
    "batch": (torch.rand(2, 3, 4, 6, generator=g) * 1e4).round() / 1e4,
    "square": (torch.rand(3, 6, 6, generator=g) * 1e4).round() / 1e4,
    "ubatch": torch.randint(0, 256, (2, 3, 6, 5), generator=g, dtype=torch.uint8),
    "lowcontrast": torch.randint(60, 90, (3, 7, 6), generator=g, dtype=torch.uint8),
}

MODES = {"nearest": InterpolationMode.NEAREST, "bilinear": InterpolationMode.BILINEAR, "bicubic": InterpolationMode.BICUBIC}


def py_arg(a):
    if isinstance(a, str) and a in MODES:
        return MODES[a]
    return a


cases = []


def case(fn, inp, *args, tol=None):
    x = inputs[inp].clone()
    out = getattr(F, fn)(x, *[py_arg(a) for a in args])
    if isinstance(out, (tuple, list)):
        out = torch.stack(list(out))
    entry = {
        "fn": fn,
        "input": inp,
        "args": list(args),
        "dtype": "int" if out.dtype == torch.uint8 else "float",
        "shape": list(out.shape),
        "values": [round(v, 6) for v in out.flatten().tolist()] if out.is_floating_point() else out.flatten().tolist(),
    }
    if tol is not None:
        entry["tol"] = tol
    cases.append(entry)


for inp in ["float", "uint8", "batch"]:
    case("hflip", inp)
    case("vflip", inp)
    case("crop", inp, 1, 2, 3, 4)
    case("crop", inp, -1, 5, 4, 4)
    case("center_crop", inp, [3, 3])
    case("center_crop", inp, [4, 2])
    case("center_crop", inp, [6, 9])
    case("center_crop", inp, 2)
    case("pad", inp, 2)
    case("pad", inp, [1, 2], 0.5 if inp != "uint8" else 7)
    case("pad", inp, [1, 0, 2, 3], 0, "edge")
    case("pad", inp, [2, 1, 3, 3], 0, "reflect")
    case("pad", inp, [3, 1, 2, 4], 0, "symmetric")
    case("pad", inp, [-1, 1, 0, -2], 0, "constant")
    case("resize", inp, [8, 11])
    case("resize", inp, [3, 4])
    case("resize", inp, [2, 9])
    case("resize", inp, 3)
    case("resize", inp, 10)
    case("resize", inp, [8, 11], "nearest")
    case("resize", inp, [3, 5], "nearest")
    case("resize", inp, 3, "bilinear", 5)
    case("resize", inp, [3, 4], "bilinear", None, True)
    case("resize", inp, [2, 3], "bilinear", None, True)
    case("resize", inp, [4, 2], "bilinear", None, True)
    case("resize", inp, [8, 11], "bilinear", None, True)
    case("resized_crop", inp, 0, 1, 4, 5, [2, 3], "bilinear", True)
    case("resize", inp, [8, 11], "bicubic")
    case("resize", inp, [3, 4], "bicubic")
    case("resize", inp, 4, "bicubic")
    case("resize", inp, [3, 4], "bicubic", None, True)
    case("resize", inp, [8, 11], "bicubic", None, True)
    case("resize", inp, [2, 9], "bicubic", None, True)
    case("resized_crop", inp, 1, 1, 3, 4, [6, 6])
    case("rotate", inp, 90)
    case("rotate", inp, 45)
    case("rotate", inp, 30, "bilinear")
    case("rotate", inp, -17, "bilinear", False, None, [0.0, 0.0, 0.0])
    case("rotate", inp, 30, "nearest", False, None, [1.0, 0.5, 0.25] if inp != "uint8" else [255.0, 128.0, 9.0])
    case("rotate", inp, 45, "bilinear", True)
    case("rotate", inp, 33, "nearest", True, None, [0.0, 0.0, 0.0])
    case("rotate", inp, 20, "bilinear", False, [1, 2])
    case("affine", inp, 15, [1, -2], 1.2, [10, 5], "bilinear")
    case("affine", inp, -30, [0, 0], 0.8, 0, "nearest", [0.0, 0.0, 0.0])
    case("affine", inp, 0, [2, 1], 1.0, [0, 0], "nearest", None, [2, 3])
    case("rgb_to_grayscale", inp)
    case("rgb_to_grayscale", inp, 3)
    case("adjust_brightness", inp, 0.6)
    case("adjust_brightness", inp, 1.7)
    case("adjust_contrast", inp, 0.5)
    case("adjust_contrast", inp, 1.6)
    case("adjust_saturation", inp, 0.3)
    case("adjust_saturation", inp, 1.8)
    case("adjust_hue", inp, 0.2)
    case("adjust_hue", inp, -0.45)
    case("adjust_gamma", inp, 0.5)
    case("adjust_gamma", inp, 2.2, 0.9)
    case("gaussian_blur", inp, [3, 3], [1.0, 1.0])
    case("gaussian_blur", inp, [3, 5], [0.8, 1.5])
    case("gaussian_blur", inp, 3)
    case("invert", inp)
    case("five_crop", inp, [2, 3])
    case("ten_crop", inp, [3, 3])

for inp in ["float", "uint8", "batch", "ubatch", "lowcontrast"]:
    case("adjust_sharpness", inp, 0.3)
    case("adjust_sharpness", inp, 2.5)
    case("autocontrast", inp)
    case("solarize", inp, 0.5 if inputs[inp].is_floating_point() else 128)
    case("perspective", inp, [[0, 0], [4, 0], [4, 3], [0, 3]], [[1, 0], [4, 1], [3, 3], [0, 2]])
    case("perspective", inp, [[0, 0], [4, 0], [4, 3], [0, 3]], [[0, 1], [3, 0], [4, 2], [1, 3]], "nearest")
    case("perspective", inp, [[0, 0], [4, 0], [4, 3], [0, 3]], [[1, 1], [4, 0], [3, 3], [0, 3]], "bilinear", [0.0, 0.5, 1.0] if inputs[inp].is_floating_point() else [0.0, 128.0, 255.0])
    if not inputs[inp].is_floating_point():
        case("posterize", inp, 3)
        case("posterize", inp, 0)
        case("equalize", inp)

for inp in ["gray", "square"]:
    case("rotate", inp, 90)
    case("rotate", inp, 180)
    case("rotate", inp, 270, "bilinear")
    case("rotate", inp, 30, "bilinear", False, None, [0.0] * inputs[inp].shape[0])
    case("resize", inp, [9, 4])
    case("resize", inp, [2, 5], "bilinear", None, True)
    case("gaussian_blur", inp, [5, 5], [2.0, 2.0])
    case("adjust_contrast", inp, 0.4)
    case("adjust_hue", inp, 0.3)

for inp in ["float", "batch"]:
    case("normalize", inp, [0.5, 0.4, 0.3], [0.2, 0.25, 0.5])
    case("normalize", inp, [0.5], [0.5])
    case("convert_image_dtype", inp, torch.uint8)
case("convert_image_dtype", "uint8", torch.float32)

# elastic_transform with fixed displacement fields (the displacement goes in the JSON as a list).
elastic = []
for inp in ["float", "uint8", "batch"]:
    h, w = inputs[inp].shape[-2:]
    disp = (torch.rand(1, h, w, 2, generator=g) * 0.4 - 0.2) * 1e4
    disp = disp.round() / 1e4
    for interp, fill in [("bilinear", None), ("nearest", None), ("bilinear", [0.0, 0.0, 0.0]), ("nearest", [1.0, 2.0, 3.0] if inp != "uint8" else [10.0, 20.0, 30.0])]:
        out = F.elastic_transform(inputs[inp].clone(), disp, MODES[interp], fill)
        elastic.append({"input": inp, "displacement": disp.flatten().tolist(), "interpolation": interp, "fill": fill, "shape": list(out.shape),
                        "values": [round(v, 6) for v in out.flatten().tolist()] if out.is_floating_point() else out.flatten().tolist()})

lin_m = (torch.rand(12, 12, generator=g) * 1e3).round() / 1e3
lin_v = (torch.rand(12, generator=g) * 1e3).round() / 1e3
lin_x = (torch.rand(2, 3, 2, 2, generator=g) * 1e3).round() / 1e3
linear = {"matrix": lin_m.flatten().tolist(), "mean": lin_v.tolist(), "input": lin_x.flatten().tolist(), "output": [round(v, 6) for v in T.LinearTransformation(lin_m, lin_v)(lin_x).flatten().tolist()]}

for c in cases:
    c["args"] = [("uint8" if a is torch.uint8 else "float32") if isinstance(a, torch.dtype) else a for a in c["args"]]

# erase with a value tensor
x = inputs["float"].clone()
v = torch.tensor([0.1, 0.2, 0.3])[:, None, None]
out = F.erase(x, 1, 2, 3, 2, v)
erase_case = {"input": "float", "args": [1, 2, 3, 2], "v": [0.1, 0.2, 0.3], "shape": list(out.shape), "values": [round(t, 6) for t in out.flatten().tolist()]}

# to_tensor / pil_to_tensor / PIL grayscale from an HWC image
hwc = torch.randint(0, 256, (4, 5, 3), generator=g, dtype=torch.uint8).numpy()
pil = Image.fromarray(hwc, "RGB")
pil_resize = []
for size, interp in [([3, 4], "bilinear"), ([8, 11], "bilinear"), ([2, 9], "bilinear"), ([3, 4], "nearest"), ([8, 11], "nearest"), ([3, 4], "bicubic"), ([9, 6], "bicubic")]:
    out = np.asarray(F.resize(pil, size, MODES[interp])).transpose(2, 0, 1)
    pil_resize.append({"size": size, "interpolation": interp, "shape": list(out.shape), "values": out.flatten().tolist()})

big = torch.randint(0, 256, (12, 16, 3), generator=g, dtype=torch.uint8).numpy()
pil_colour = []
for name, fn, factors in [("adjust_brightness", F.adjust_brightness, [0.4, 1.7]), ("adjust_contrast", F.adjust_contrast, [0.5, 1.6]),
                          ("adjust_saturation", F.adjust_saturation, [0.3, 1.8]), ("adjust_hue", F.adjust_hue, [0.2, -0.3, 0.05, -0.5, 0.5])]:
    for factor in factors:
        out = np.asarray(fn(Image.fromarray(big, "RGB"), factor)).transpose(2, 0, 1)
        pil_colour.append({"fn": name, "factor": factor, "values": out.flatten().tolist()})

pil_geom = []
for args in [(30, "nearest"), (45, "nearest"), (-17, "nearest"), (90, "nearest"), (180, "nearest"), (270, "bilinear"), (30, "bilinear"), (-61, "bilinear"),
             (20, "bicubic"), (33, "nearest", True), (33, "bilinear", True), (25, "nearest", False, [3, 4]), (25, "bilinear", False, [3, 4], [10, 20, 30]),
             (360, "nearest"), (90, "nearest", True), (12.5, "nearest", False, None, 7)]:
    angle, interp = args[0], args[1]
    expand = args[2] if len(args) > 2 else False
    center = args[3] if len(args) > 3 else None
    fill = args[4] if len(args) > 4 else None
    out = np.asarray(F.rotate(Image.fromarray(big, "RGB"), angle, MODES[interp], expand, center, fill)).transpose(2, 0, 1)
    pil_geom.append({"fn": "rotate", "args": [angle, interp, expand, center, fill], "shape": list(out.shape), "values": out.flatten().tolist()})
for args in [(15, [1, -2], 1.2, [10, 5], "bilinear"), (-30, [0, 0], 0.8, [0, 0], "nearest"), (0, [2, 1], 1.0, [0, 0], "nearest"),
             (10, [0, 0], 1.0, [20, 0], "bicubic"), (0, [0, 0], 1.5, [0, 0], "nearest"), (5, [1, 1], 0.9, [0, 0], "nearest", [9, 9, 9], [4, 5])]:
    angle, translate, scale, shear, interp = args[:5]
    fill = args[5] if len(args) > 5 else None
    center = args[6] if len(args) > 6 else None
    out = np.asarray(F.affine(Image.fromarray(big, "RGB"), angle, translate, scale, shear, MODES[interp], fill, center)).transpose(2, 0, 1)
    pil_geom.append({"fn": "affine", "args": [angle, translate, scale, shear, interp, fill, center], "shape": list(out.shape), "values": out.flatten().tolist()})

for start, end, interp, fill in [([[0, 0], [15, 0], [15, 11], [0, 11]], [[2, 1], [14, 0], [13, 11], [1, 10]], "bilinear", None),
                                 ([[0, 0], [15, 0], [15, 11], [0, 11]], [[0, 2], [12, 0], [15, 9], [3, 11]], "nearest", None),
                                 ([[0, 0], [15, 0], [15, 11], [0, 11]], [[1, 1], [15, 1], [14, 11], [0, 10]], "bicubic", [5, 6, 7])]:
    out = np.asarray(F.perspective(Image.fromarray(big, "RGB"), start, end, MODES[interp], fill)).transpose(2, 0, 1)
    pil_geom.append({"fn": "perspective", "args": [start, end, interp, fill], "shape": list(out.shape), "values": out.flatten().tolist()})

pil_cases = {
    "geometry": pil_geom,
    "big": big.flatten().tolist(),
    "colour": pil_colour,
    "resize": pil_resize,
    "hwc": hwc.flatten().tolist(),
    "height": 4,
    "width": 5,
    "to_tensor": [round(t, 6) for t in F.to_tensor(pil).flatten().tolist()],
    "pil_to_tensor": F.pil_to_tensor(pil).flatten().tolist(),
    "convert_L": np.asarray(pil.convert("L")).flatten().tolist(),
    "to_pil_from_float": np.asarray(F.to_pil_image(inputs["float"])).flatten().tolist(),
}

functional = {
    "inputs": {k: {"shape": list(v.shape), "dtype": "int" if v.dtype == torch.uint8 else "float", "values": v.flatten().tolist()} for k, v in inputs.items()},
    "cases": cases,
    "erase": erase_case,
    "pil": pil_cases,
    "elastic": elastic,
    "linear": linear,
}
with open(os.path.join(HERE, "vision_functional.json"), "w") as fh:
    json.dump(functional, fh, separators=(",", ":"))

# ------------------------------------------------------------------ reprs
noop = lambda x: x  # noqa: E731
reprs = {
    "Compose": str(T.Compose([T.ToTensor(), T.Normalize(mean=[0.5], std=[0.5])])),
    "ToTensor": str(T.ToTensor()),
    "PILToTensor": str(T.PILToTensor()),
    "ToPILImage": str(T.ToPILImage()),
    "ToPILImage_L": str(T.ToPILImage(mode="L")),
    "Normalize": str(T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])),
    "Resize_list": str(T.Resize([32, 32])),
    "Resize_int": str(T.Resize(32, interpolation=InterpolationMode.NEAREST)),
    "CenterCrop_int": str(T.CenterCrop(28)),
    "CenterCrop_list": str(T.CenterCrop([28, 20])),
    "Pad": str(T.Pad(2)),
    "Pad_full": str(T.Pad([1, 2], fill=3, padding_mode="reflect")),
    "RandomCrop": str(T.RandomCrop([28, 28])),
    "RandomCrop_pad": str(T.RandomCrop(32, padding=4)),
    "RandomResizedCrop": str(T.RandomResizedCrop(224)),
    "RandomHorizontalFlip": str(T.RandomHorizontalFlip()),
    "RandomVerticalFlip": str(T.RandomVerticalFlip(0.3)),
    "RandomRotation": str(T.RandomRotation(15)),
    "RandomRotation_pair": str(T.RandomRotation([30, 90], interpolation=InterpolationMode.BILINEAR, expand=True, center=[1, 2], fill=1)),
    "RandomAffine": str(T.RandomAffine(10)),
    "RandomAffine_full": str(T.RandomAffine([-5, 5], translate=[0.1, 0.2], scale=[0.9, 1.1], shear=8, interpolation=InterpolationMode.BILINEAR, fill=1)),
    "ColorJitter": str(T.ColorJitter(brightness=0.5)),
    "ColorJitter_full": str(T.ColorJitter(0.4, 0.4, 0.4, 0.1)),
    "ColorJitter_range": str(T.ColorJitter(brightness=[0.5, 1.5], hue=[-0.2, 0.1])),
    "Grayscale": str(T.Grayscale()),
    "Grayscale3": str(T.Grayscale(3)),
    "RandomGrayscale": str(T.RandomGrayscale()),
    "GaussianBlur": str(T.GaussianBlur(3)),
    "GaussianBlur_sigma": str(T.GaussianBlur([3, 5], sigma=1.5)),
    "RandomErasing": str(T.RandomErasing()),
    "RandomErasing_random": str(T.RandomErasing(p=0.3, value="random")),
    "RandomApply": str(T.RandomApply([T.RandomHorizontalFlip()], p=0.8)),
    "RandomChoice": str(T.RandomChoice([T.RandomRotation([a, a]) for a in [30, 90, 180]])),
    "RandomOrder": str(T.RandomOrder([T.RandomHorizontalFlip(), T.RandomVerticalFlip()])),
    "Lambda": str(T.Lambda(noop)),
    "RandomInvert": str(T.RandomInvert()),
    "FiveCrop": str(T.FiveCrop(10)),
    "RandomAdjustSharpness": str(T.RandomAdjustSharpness(2)),
    "RandomPosterize": str(T.RandomPosterize(2, p=0.3)),
    "RandomSolarize": str(T.RandomSolarize(192)),
    "RandomAutocontrast": str(T.RandomAutocontrast()),
    "RandomEqualize": str(T.RandomEqualize(0.2)),
    "RandomPerspective": str(T.RandomPerspective()),
}
errors = {}
for name, fn in {
    "RandomRotation3": lambda: T.RandomRotation([30, 90, 180]),
    "RandomRotationNeg": lambda: T.RandomRotation(-5),
    "NormalizeStd0": lambda: F.normalize(inputs["float"], [0.5, 0.5, 0.5], [1.0, 0.0, 1.0]),
    "NormalizeInt": lambda: F.normalize(inputs["uint8"], [0.5], [0.5]),
    "BrightnessNeg": lambda: F.adjust_brightness(inputs["float"], -1),
    "HueRange": lambda: F.adjust_hue(inputs["float"], 0.7),
    "GaussianEven": lambda: F.gaussian_blur(inputs["float"], [4, 3]),
    "GaussianSigma": lambda: F.gaussian_blur(inputs["float"], 3, -1.0),
    "PadMode": lambda: F.pad(inputs["float"], 1, 0, "wrap"),
    "PadLen": lambda: F.pad(inputs["float"], [1, 2, 3]),
    "CropTooBig": lambda: T.RandomCrop(9)(inputs["float"]),
    "ColorJitterNeg": lambda: T.ColorJitter(brightness=-1),
    "ColorJitterHue": lambda: T.ColorJitter(hue=0.7),
    "ResizeLen": lambda: T.Resize([1, 2, 3]),
    "FillChannels": lambda: F.rotate(inputs["float"], 10, fill=[1.0, 2.0]),
    "GrayChannels": lambda: F.rgb_to_grayscale(inputs["batch"][:, :2]),
    "RotateBicubic": lambda: F.rotate(inputs["float"], 10, InterpolationMode.BICUBIC),
    "LinearMean": lambda: T.LinearTransformation(torch.eye(2), torch.zeros(3)),
    "LinearSquare": lambda: T.LinearTransformation(torch.zeros(2, 3), torch.zeros(2)),
    "LinearShape": lambda: T.LinearTransformation(torch.eye(12), torch.zeros(12))(torch.rand(1, 2, 5)),
    "ElasticShape": lambda: F.elastic_transform(inputs["float"], torch.zeros(1, 5, 7, 3)),
    "AugMixSeverity": lambda: T.AugMix(severity=11),
    "ErasingScale": lambda: T.RandomErasing(scale=(0.5, 1.5)),
    "ErasingValue": lambda: T.RandomErasing(value="noise"),
    "AffineTranslate": lambda: T.RandomAffine(0, translate=[0.5, 1.5]),
    "FiveCropBig": lambda: F.five_crop(inputs["float"], [6, 3]),
    "ReflectTooBig": lambda: F.pad(inputs["float"], [7, 0, 0, 0], 0, "reflect"),
    "PosterizeFloat": lambda: F.posterize(inputs["float"], 2),
    "PosterizeBits": lambda: F.posterize(inputs["uint8"], 9),
    "SolarizeThreshold": lambda: F.solarize(inputs["float"], 2.0),
    "SharpnessNeg": lambda: F.adjust_sharpness(inputs["float"], -0.5),
    "EqualizeFloat": lambda: F.equalize(inputs["float"]),
    "AutocontrastChannels": lambda: F.autocontrast(inputs["batch"][:, :2]),
}.items():
    try:
        fn()
        errors[name] = None
    except Exception as e:  # noqa: BLE001
        errors[name] = {"type": type(e).__name__, "message": str(e)}

reprs["AutoAugment"] = str(T.AutoAugment())
reprs["AugMix"] = str(T.AugMix())
reprs["AugMix_args"] = str(T.AugMix(severity=5, mixture_width=2, chain_depth=1, alpha=0.5, all_ops=False, fill=[1, 2, 3]))
reprs["ElasticTransform"] = str(T.ElasticTransform())
reprs["ElasticTransform_args"] = str(T.ElasticTransform(alpha=[10.0, 20.0], sigma=3.0, fill=1))
reprs["LinearTransformation"] = str(T.LinearTransformation(torch.eye(2), torch.tensor([0.5, 0.25])))
reprs["AutoAugment_cifar"] = str(T.AutoAugment(T.AutoAugmentPolicy.CIFAR10, fill=[0, 0, 0]))
reprs["RandAugment"] = str(T.RandAugment())
reprs["TrivialAugmentWide"] = str(T.TrivialAugmentWide(fill=5))

# AutoAugment's operations at fixed magnitudes, and its magnitude tables.
from torchvision.transforms import autoaugment as AA  # noqa: E402

autoaug = {"ops": [], "spaces": {}}
for inp in ["uint8", "ubatch"]:
    for op, mag, interp, fill in [
        ("ShearX", 0.3, "nearest", None), ("ShearY", -0.2, "bilinear", [10.0, 20.0, 30.0]), ("TranslateX", 2.7, "nearest", None),
        ("TranslateY", -1.9, "nearest", [0.0, 0.0, 0.0]), ("Rotate", 20.0, "bilinear", None), ("Brightness", 0.4, "nearest", None),
        ("Color", -0.5, "nearest", None), ("Contrast", 0.6, "nearest", None), ("Sharpness", 0.9, "nearest", None),
        ("Posterize", 5.0, "nearest", None), ("Solarize", 100.0, "nearest", None), ("AutoContrast", 0.0, "nearest", None),
        ("Equalize", 0.0, "nearest", None), ("Invert", 0.0, "nearest", None), ("Identity", 0.0, "nearest", None),
    ]:
        out = AA._apply_op(inputs[inp].clone(), op, mag, MODES[interp], fill)
        autoaug["ops"].append({"input": inp, "op": op, "magnitude": mag, "interpolation": interp, "fill": fill, "shape": list(out.shape), "values": out.flatten().tolist()})
for bins in [10, 31]:
    space = T.RandAugment()._augmentation_space(bins, (5, 7))
    autoaug["spaces"][f"rand{bins}"] = {k: (v[0].tolist() if v[0].ndim > 0 else None) for k, v in space.items()}
    space = T.TrivialAugmentWide()._augmentation_space(bins)
    autoaug["spaces"][f"trivial{bins}"] = {k: (v[0].tolist() if v[0].ndim > 0 else None) for k, v in space.items()}
for all_ops in [True, False]:
    space = T.AugMix(all_ops=all_ops)._augmentation_space(10, (5, 7))
    autoaug["spaces"][f"augmix_{all_ops}"] = {k: (v[0].tolist() if v[0].ndim > 0 else None) for k, v in space.items()}
with open(os.path.join(HERE, "vision_autoaugment.json"), "w") as fh:
    json.dump(autoaug, fh, separators=(",", ":"))

with open(os.path.join(HERE, "vision_repr.json"), "w") as fh:
    json.dump({"reprs": reprs, "errors": errors}, fh, indent=1)

# ------------------------------------------------------------------ io
img = torch.randint(0, 256, (3, 5, 7), generator=g, dtype=torch.uint8)
gray = torch.randint(0, 256, (1, 4, 6), generator=g, dtype=torch.uint8)
rgba = torch.randint(0, 256, (4, 3, 5), generator=g, dtype=torch.uint8)


def b64(data):
    return base64.b64encode(bytes(data)).decode()


def pil_png(arr, mode, **kw):
    buf = io.BytesIO()
    Image.fromarray(arr, mode).save(buf, format="PNG", **kw)
    return buf.getvalue()


palette_img = Image.fromarray(img.permute(1, 2, 0).numpy(), "RGB").convert("P", palette=Image.ADAPTIVE, colors=8)
buf = io.BytesIO()
palette_img.save(buf, format="PNG")
palette_png = buf.getvalue()
palette_rgb = np.asarray(palette_img.convert("RGB")).transpose(2, 0, 1)

arr16 = (np.arange(4 * 6, dtype=np.uint16).reshape(4, 6) * 2731)
buf = io.BytesIO()
Image.fromarray(arr16.astype(np.int32), "I").save(buf, format="PNG")  # PIL writes mode I as 16-bit gray
png16 = buf.getvalue()

jpeg = torchvision.io.encode_jpeg(img, quality=95)
io_cases = {
    "rgb_png": {"bytes": b64(torchvision.io.encode_png(img).tolist()), "shape": list(img.shape), "values": img.flatten().tolist()},
    "gray_png": {"bytes": b64(torchvision.io.encode_png(gray).tolist()), "shape": list(gray.shape), "values": gray.flatten().tolist()},
    "rgba_png": {"bytes": b64(pil_png(rgba.permute(1, 2, 0).numpy(), "RGBA")), "shape": list(rgba.shape), "values": rgba.flatten().tolist()},
    "palette_png": {"bytes": b64(palette_png), "shape": list(palette_rgb.shape), "values": palette_rgb.flatten().tolist()},
    "png16": {"bytes": b64(png16), "shape": [1, 4, 6], "values": (arr16 >> 8).flatten().tolist()},
    "jpeg": {
        "bytes": b64(jpeg.tolist()),
        "shape": list(img.shape),
        "values": torchvision.io.decode_jpeg(jpeg).flatten().tolist(),
        "gray_values": torchvision.io.decode_jpeg(jpeg, torchvision.io.ImageReadMode.GRAY).flatten().tolist(),
    },
    "rgb_as_gray": torchvision.io.decode_png(torchvision.io.encode_png(img), torchvision.io.ImageReadMode.GRAY).flatten().tolist(),
}
with open(os.path.join(HERE, "vision_io.json"), "w") as fh:
    json.dump(io_cases, fh, separators=(",", ":"))

print(len(cases), "functional cases;", len(reprs), "reprs;", len(errors), "errors")
