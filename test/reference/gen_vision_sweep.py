"""torchvision 0.14 / PyTorch 1.13 references for test/api/vision_sweep.test.ts: what print() writes for
torchvision.transforms (tensor and PIL paths: conversion, normalize, resize, crops, pads, flips, rotate /
affine / perspective, blur, grayscale, colour adjustments, erasing, composition), their seeded get_params,
torchvision.utils.make_grid, torchvision.ops, model builders and FakeData, from a sweep of ~320 one-liners
against torchvision. Cases that diverged before this suite (PIL's BOX / HAMMING / LANCZOS resize, DenseNet, get_params returning lists instead of tuples,
affine() called with keywords only, to_pil_image accepting a mode that does not fit the channels,
convert_image_dtype refusing a 1-D tensor, Grayscale(3) of a 1-channel tensor, FakeData's negative index,
error texts) sit beside neighbours that already matched. Each case is one Python expression; the test
prints its TypeScript spelling under the same name and compares print()'s text (or the error's type and
torchvision's message). Run with Debian's /usr/bin/python3 from test/reference: writes vision_sweep.json.
"""
import json
import sys

import torch
import torchvision
import torchvision.models as M
import torchvision.ops as ops
import torchvision.transforms as T
import torchvision.transforms.functional as TF
import torchvision.utils as U
from torchvision.models.densenet import DenseNet

assert torch.__version__.startswith("1.13"), torch.__version__
assert torchvision.__version__.startswith("0.14"), torchvision.__version__

x = (torch.arange(90, dtype=torch.float32).view(3, 5, 6) * 7 % 11) / 10
u = (torch.arange(90).view(3, 5, 6) * 37 % 256).to(torch.uint8)
g = (torch.arange(30).view(1, 5, 6) * 53 % 256).to(torch.uint8)
pil = TF.to_pil_image(u)
pil_l = TF.to_pil_image(g)
b = (torch.arange(96, dtype=torch.float32).view(4, 1, 4, 6) * 7 % 11) / 10
bx = torch.tensor([[0., 0., 10., 10.], [1., 1., 11., 11.], [20., 20., 30., 30.], [0., 0., 5., 5.], [21., 21., 29., 31.]])
sc = torch.tensor([0.9, 0.8, 0.7, 0.95, 0.6])
fm = torch.arange(32.).view(1, 2, 4, 4)
quad = [[0, 0], [5, 0], [5, 4], [0, 4]]
quad2 = [[1, 0], [5, 1], [4, 4], [0, 3]]


def seeded(f, seed=0):
    def run():
        torch.manual_seed(seed)
        return f()
    return run


def pt(img):
    return TF.pil_to_tensor(img)


def inplace_normalize():
    y = x.clone()
    z = TF.normalize(y, [0.5] * 3, [0.5] * 3, inplace=True)
    return (z is y, y[0, 0])


def params(m):
    return sum(p.numel() for p in m.parameters())


def model(builder, size, **kw):
    def run():
        torch.manual_seed(0)
        m = builder(**kw).eval()
        with torch.no_grad():
            return (params(m), m(torch.rand(size)).shape)
    return run


def small_densenet():
    torch.manual_seed(0)
    return DenseNet(growth_rate=4, block_config=(2, 1), num_init_features=8, bn_size=2, num_classes=3)


def densenet_eval():
    m = small_densenet().eval()
    torch.manual_seed(1)
    with torch.no_grad():
        return m(torch.rand(2, 3, 16, 16))


def fake_item(i):
    ds = torchvision.datasets.FakeData(size=5, image_size=(1, 3, 4), num_classes=4)
    img, target = ds[i]
    return (pt(img), target)


CASES = {
    # conversion
    "to_tensor_pil_rgb": lambda: TF.to_tensor(pil),
    "to_tensor_pil_l": lambda: TF.to_tensor(pil_l),
    "pil_to_tensor_rgb": lambda: TF.pil_to_tensor(pil),
    "pil_size_mode": lambda: (pil.size, pil.mode, pil_l.mode),
    "to_pil_float_roundtrip": lambda: (TF.to_pil_image(x).mode, pt(TF.to_pil_image(x))),
    "to_pil_modes": lambda: (TF.to_pil_image(torch.rand(4, 2, 2)).mode, TF.to_pil_image(torch.rand(2, 2, 2)).mode, TF.to_pil_image(torch.zeros(2, 2, dtype=torch.uint8)).mode),
    "to_pil_5_channels": lambda: TF.to_pil_image(torch.rand(5, 2, 2)),
    "to_pil_mode_l_of_rgb": lambda: TF.to_pil_image(u, mode="L"),
    "to_pil_mode_rgb_of_gray": lambda: TF.to_pil_image(g, mode="RGB"),
    "to_pil_mode_rgb_of_rgba": lambda: TF.to_pil_image(torch.rand(4, 2, 2), mode="RGB"),
    "to_pil_mode_l_of_la": lambda: TF.to_pil_image(torch.rand(2, 2, 2), mode="L"),
    "to_pil_mode_rgb_ok": lambda: TF.to_pil_image(u, mode="RGB").mode,
    "to_tensor_rgba_alpha": lambda: TF.to_tensor(pil.convert("RGBA"))[3],
    "pil_convert_l": lambda: pt(pil.convert("L")),
    "convert_u8_float": lambda: TF.convert_image_dtype(u, torch.float32),
    "convert_float_u8": lambda: TF.convert_image_dtype(x, torch.uint8),
    "convert_float_int16": lambda: TF.convert_image_dtype(x, torch.int16)[0, 0],
    "convert_1d_int16_u8": lambda: TF.convert_image_dtype(torch.tensor([0, 32767], dtype=torch.int16), torch.uint8),
    "convert_1d_float_int64": lambda: TF.convert_image_dtype(torch.tensor([0., 1.]), torch.int64),
    "convert_u8_int16": lambda: TF.convert_image_dtype(u[:, :1, :2], torch.int16),
    "convert_repr": lambda: T.ConvertImageDtype(torch.float32),
    # normalize
    "normalize_per_channel": lambda: TF.normalize(x, (0.5, 0.4, 0.3), (0.2, 0.3, 0.4)),
    "normalize_scalar": lambda: TF.normalize(x, 0.5, 0.25)[1, 1],
    "normalize_inplace": inplace_normalize,
    "normalize_std_zero": lambda: TF.normalize(x, [0.5], [0.0]),
    "normalize_uint8": lambda: TF.normalize(u, [0.5], [0.5]),
    "normalize_2d": lambda: TF.normalize(x[0], [0.5], [0.5]),
    "normalize_mean_mismatch": lambda: TF.normalize(x, [0.5, 0.5], [0.5, 0.5]),
    "normalize_batch": lambda: TF.normalize(x.unsqueeze(0), [0.1, 0.2, 0.3], [1, 2, 3])[0, 2, 0],
    # resize
    "resize_int": lambda: TF.resize(x, 3),
    "resize_pair": lambda: TF.resize(x, [3, 4]),
    "resize_up": lambda: TF.resize(x, [7, 9])[0],
    "resize_antialias": lambda: TF.resize(x, [2, 3], antialias=True),
    "resize_nearest": lambda: TF.resize(x, [3, 3], interpolation=T.InterpolationMode.NEAREST),
    "resize_bicubic_aa": lambda: TF.resize(x, [3, 4], interpolation=T.InterpolationMode.BICUBIC, antialias=True),
    "resize_bicubic_up": lambda: TF.resize(x, [8, 9], interpolation=T.InterpolationMode.BICUBIC)[0, 0],
    "resize_uint8_bicubic": lambda: TF.resize(u, [3, 4], interpolation=T.InterpolationMode.BICUBIC),
    "resize_pil": lambda: pt(TF.resize(pil, [3, 4])),
    "resize_pil_up": lambda: pt(TF.resize(pil, [8, 9])),
    "resize_pil_bicubic_l": lambda: pt(TF.resize(pil_l, [7, 5], interpolation=T.InterpolationMode.BICUBIC)),
    "resize_pil_box": lambda: pt(TF.resize(pil, [2, 3], interpolation=T.InterpolationMode.BOX)),
    "resize_pil_hamming_up": lambda: pt(TF.resize(pil, [8, 9], interpolation=T.InterpolationMode.HAMMING))[0],
    "resize_pil_lanczos": lambda: pt(TF.resize(pil, [3, 4], interpolation=T.InterpolationMode.LANCZOS)),
    "resize_pil_lanczos_l": lambda: pt(TF.resize(pil_l, [5, 13], interpolation=T.InterpolationMode.LANCZOS)),
    "resize_lanczos_repr": lambda: T.Resize(3, interpolation=T.InterpolationMode.LANCZOS),
    "resize_max_size": lambda: (TF.resize(x, 4, max_size=5).shape, TF.resize(pil, 4, max_size=5).size),
    "resize_max_size_pair": lambda: TF.resize(x, [4, 4], max_size=5),
    "resize_max_size_small": lambda: TF.resize(x, 6, max_size=5),
    "resize_zero": lambda: TF.resize(x, 0),
    "resize_repr": lambda: (T.Resize(3), T.Resize(3, max_size=7)),
    # crop / pad
    "center_crop_larger": lambda: TF.center_crop(x, 7)[0],
    "center_crop_pil_larger": lambda: pt(TF.center_crop(pil, 7)),
    "crop_negative": lambda: TF.crop(x, -1, -2, 3, 4)[0],
    "crop_out_of_bounds": lambda: TF.crop(x, 3, 4, 4, 4)[0],
    "crop_pil_negative": lambda: pt(TF.crop(pil_l, -1, -2, 3, 4)),
    "pad_four": lambda: TF.pad(g, [1, 2, 0, 1], fill=7),
    "pad_edge": lambda: TF.pad(g, 2, padding_mode="edge"),
    "pad_reflect": lambda: TF.pad(g, [2, 1], padding_mode="reflect"),
    "pad_symmetric": lambda: TF.pad(g, [2, 1, 0, 3], padding_mode="symmetric"),
    "pad_negative": lambda: TF.pad(x, [-1, 1]),
    "pad_three": lambda: TF.pad(x, [1, 2, 3]),
    "pad_reflect_too_big": lambda: TF.pad(x, 6, padding_mode="reflect"),
    "pad_pil_symmetric": lambda: pt(TF.pad(pil_l, [2, 1, 0, 1], padding_mode="symmetric")),
    "pad_pil_fill_rgb": lambda: pt(TF.pad(pil, 1, fill=(1, 2, 3)))[:, 0],
    "random_crop": seeded(lambda: T.RandomCrop(3)(x)),
    "random_crop_padding": seeded(lambda: T.RandomCrop(4, padding=2)(g), 1),
    "random_crop_pad_if_needed": seeded(lambda: T.RandomCrop((6, 7), pad_if_needed=True)(g), 2),
    "random_crop_reflect": seeded(lambda: T.RandomCrop(5, padding=1, padding_mode="reflect")(g), 3),
    "random_crop_too_big": lambda: T.RandomCrop(6)(g),
    "random_crop_get_params": seeded(lambda: T.RandomCrop.get_params(x, (2, 3))),
    "random_crop_get_params_full": lambda: T.RandomCrop.get_params(x, (5, 6)),
    # flips and resized crops
    "hflip_stream": seeded(lambda: [T.RandomHorizontalFlip()(g)[0, 0].tolist() for _ in range(4)]),
    "vflip_stream": seeded(lambda: [T.RandomVerticalFlip(0.3)(g)[0, :, 0].tolist() for _ in range(4)], 1),
    "hflip_pil": lambda: pt(TF.hflip(pil_l)),
    "rrc_get_params": seeded(lambda: T.RandomResizedCrop.get_params(x, scale=(0.08, 1.0), ratio=(3 / 4, 4 / 3))),
    "rrc_get_params_big": seeded(lambda: T.RandomResizedCrop.get_params(torch.zeros(3, 100, 80), scale=(0.5, 0.9), ratio=(0.5, 2.0)), 7),
    "rrc_get_params_fallback": seeded(lambda: T.RandomResizedCrop.get_params(x, scale=(0.9, 1.0), ratio=(10, 20))),
    "rrc_apply": seeded(lambda: T.RandomResizedCrop(4)(x), 3),
    "five_crop_last": lambda: TF.five_crop(g, [2, 3])[4],
    "ten_crop_flips": lambda: (TF.ten_crop(g, 2)[5], TF.ten_crop(g, 2, vertical_flip=True)[5]),
    "five_crop_too_big": lambda: TF.five_crop(g, 7),
    # rotation / affine / perspective
    "rotate_30": lambda: TF.rotate(g, 30),
    "rotate_expand": lambda: TF.rotate(g, 30, expand=True),
    "rotate_center": lambda: TF.rotate(g, 45, center=[0, 0]),
    "rotate_bilinear_expand_fill": lambda: TF.rotate(x, -70, interpolation=T.InterpolationMode.BILINEAR, expand=True, fill=[1.0, 0.5, 0.0])[2],
    "rotate_pil_expand": lambda: pt(TF.rotate(pil_l, 30, expand=True)),
    "rotate_pil_bilinear_fill": lambda: pt(TF.rotate(pil, 45, interpolation=T.InterpolationMode.BILINEAR, fill=(10, 20, 30)))[1],
    "random_rotation_get_params": seeded(lambda: T.RandomRotation.get_params([-30, 30])),
    "random_rotation_negative": lambda: T.RandomRotation(-5),
    "affine_kw_translate": lambda: TF.affine(g, angle=0, translate=[1, 2], scale=1.0, shear=[0.0, 0.0]),
    "affine_kw_shear": lambda: TF.affine(g, angle=15, translate=[0, 0], scale=1.2, shear=[10.0, 0.0]),
    "affine_kw_bilinear": lambda: TF.affine(x, angle=-20, translate=[1, -1], scale=0.8, shear=5, interpolation=T.InterpolationMode.BILINEAR)[0],
    "affine_kw_pil": lambda: pt(TF.affine(pil_l, angle=15, translate=[1, 0], scale=1.1, shear=[5.0, 3.0])),
    "affine_positional": lambda: TF.affine(g, 10, [1, 0], 0.9, 4),
    "inverse_affine_matrix": lambda: TF._get_inverse_affine_matrix([2.5, 2.0], 30, [1, 2], 1.5, [10.0, 5.0]),
    "random_affine_get_params": seeded(lambda: T.RandomAffine.get_params((-10, 10), (0.1, 0.2), (0.8, 1.2), (-5, 5, -3, 3), [32, 24])),
    "random_affine_apply": seeded(lambda: T.RandomAffine(20, translate=(0.2, 0.2), scale=(0.9, 1.1), shear=10)(g), 2),
    "random_affine_bad_translate": lambda: T.RandomAffine(0, translate=(1.5, 0)),
    "random_affine_bad_scale": lambda: T.RandomAffine(0, scale=(-1, 1)),
    "perspective_bilinear": lambda: TF.perspective(x, quad, quad2, interpolation=T.InterpolationMode.BILINEAR, fill=[0.5])[0],
    "random_perspective_get_params": seeded(lambda: T.RandomPerspective.get_params(6, 5, 0.5)),
    # blur and grayscale
    "gaussian_blur_3": lambda: TF.gaussian_blur(x, 3)[0],
    "gaussian_blur_sigmas": lambda: TF.gaussian_blur(x, [3, 5], [1.5, 0.7])[1],
    "gaussian_blur_uint8": lambda: TF.gaussian_blur(g, 5, 2.0),
    "gaussian_blur_pil": lambda: pt(TF.gaussian_blur(pil_l, 3, 1.0)),
    "gaussian_blur_even": lambda: TF.gaussian_blur(x, 4),
    "gaussian_blur_get_params": seeded(lambda: T.GaussianBlur.get_params(0.1, 2.0)),
    "rgb_to_grayscale": lambda: TF.rgb_to_grayscale(x),
    "rgb_to_grayscale_3": lambda: TF.rgb_to_grayscale(u, 3)[2],
    "to_grayscale_pil": lambda: pt(TF.to_grayscale(pil)),
    "grayscale3_of_gray_tensor": lambda: (T.Grayscale(3)(g).shape, T.Grayscale()(x).shape),
    "grayscale_2_channels": lambda: TF.rgb_to_grayscale(x[:2]),
    # colour
    "brightness_uint8": lambda: TF.adjust_brightness(u, 0.7)[1],
    "contrast_float": lambda: TF.adjust_contrast(x, 0.5)[2],
    "contrast_gray": lambda: TF.adjust_contrast(g, 0.5),
    "saturation_uint8": lambda: TF.adjust_saturation(u, 2.0)[2],
    "hue_float": lambda: TF.adjust_hue(x, 0.2)[0],
    "hue_uint8": lambda: TF.adjust_hue(u, -0.3)[1],
    "hue_out_of_range": lambda: TF.adjust_hue(x, 0.7),
    "brightness_negative": lambda: TF.adjust_brightness(x, -1),
    "pil_contrast": lambda: pt(TF.adjust_contrast(pil, 0.6))[1],
    "pil_hue": lambda: pt(TF.adjust_hue(pil, 0.25))[0],
    "gamma_uint8": lambda: TF.adjust_gamma(u, 0.5)[0],
    "color_jitter_apply": seeded(lambda: T.ColorJitter(0.4, 0.4, 0.4, 0.1)(x)[0]),
    "color_jitter_bad_hue": lambda: T.ColorJitter(hue=0.6),
    "autocontrast_uint8": lambda: TF.autocontrast(u)[1],
    "autocontrast_pil": lambda: pt(TF.autocontrast(pil))[2],
    "equalize_uint8": lambda: TF.equalize(u)[0],
    "equalize_pil": lambda: pt(TF.equalize(pil_l)),
    "equalize_float": lambda: TF.equalize(x),
    "posterize_uint8": lambda: TF.posterize(u, 3)[0],
    "posterize_pil": lambda: pt(TF.posterize(pil_l, 2)),
    "solarize_float": lambda: TF.solarize(x, 0.5)[0],
    "solarize_pil": lambda: pt(TF.solarize(pil_l, 100)),
    "solarize_threshold_too_big": lambda: TF.solarize(x, 2.0),
    "invert": lambda: (TF.invert(x)[0], TF.invert(g)),
    "sharpness_float": lambda: TF.adjust_sharpness(x, 2.0)[0],
    "sharpness_pil": lambda: pt(TF.adjust_sharpness(pil_l, 2.5)),
    # erasing and composition
    "random_erasing": seeded(lambda: T.RandomErasing(p=1.0)(x)[0]),
    "random_erasing_value": seeded(lambda: T.RandomErasing(p=1.0, value=0.5, scale=(0.1, 0.3))(x)[1], 1),
    "random_erasing_random": seeded(lambda: T.RandomErasing(p=1.0, value="random")(x)[2], 2),
    "random_erasing_get_params": seeded(lambda: T.RandomErasing.get_params(x, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=[0])),
    "random_erasing_get_params_float": seeded(lambda: T.RandomErasing.get_params(x, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=[0.5]), 4),
    "random_erasing_bad_p": lambda: T.RandomErasing(p=1.5),
    "erase": lambda: TF.erase(x, 1, 1, 2, 3, 0)[0],
    "compose_pil_pipeline": lambda: T.Compose([T.Resize(3), T.CenterCrop(3), T.PILToTensor()])(pil),
    "lambda_apply": lambda: T.Lambda(lambda t: t * 2)(g)[0, 0],
    "lambda_not_callable": lambda: T.Lambda(3),
    "random_apply_repr": lambda: T.RandomApply([T.RandomHorizontalFlip(), T.Grayscale()], p=0.3),
    # utils
    "make_grid_shape": lambda: U.make_grid(b).shape,
    "make_grid_nrow_padding": lambda: U.make_grid(b, nrow=2, padding=1)[0],
    "make_grid_pad_value": lambda: U.make_grid(b, nrow=3, padding=1, pad_value=0.5)[1],
    "make_grid_normalize": lambda: U.make_grid(b, nrow=4, padding=0, normalize=True)[0],
    "make_grid_value_range": lambda: U.make_grid(b, nrow=2, padding=0, normalize=True, value_range=(0.2, 0.8))[2],
    "make_grid_scale_each": lambda: U.make_grid(b * torch.arange(1, 5).view(4, 1, 1, 1), nrow=2, padding=0, normalize=True, scale_each=True)[0],
    "make_grid_single": lambda: (U.make_grid(b[0]).shape, U.make_grid(b[0, 0]).shape, U.make_grid(b[:1], padding=3).shape),
    "make_grid_list": lambda: U.make_grid([b[0], b[1], b[2]], nrow=2, padding=1).shape,
    "make_grid_uint8": lambda: U.make_grid(torch.zeros(2, 3, 4, 4, dtype=torch.uint8), padding=1, pad_value=255)[0, 0],
    "make_grid_constant": lambda: U.make_grid(torch.full((2, 1, 2, 2), 3.0), normalize=True, padding=0),
    # ops
    "box_area": lambda: ops.box_area(bx),
    "box_iou": lambda: ops.box_iou(bx[:3], bx),
    "nms": lambda: ops.nms(bx, sc, 0.5),
    "nms_zero_threshold": lambda: ops.nms(bx, sc, 0.0),
    "nms_ties": lambda: ops.nms(bx, torch.tensor([0.5, 0.5, 0.5, 0.5, 0.5]), 0.3),
    "nms_empty": lambda: ops.nms(torch.zeros(0, 4), torch.zeros(0), 0.5),
    "batched_nms": lambda: ops.batched_nms(bx, sc, torch.tensor([0, 1, 0, 0, 1]), 0.3),
    "box_convert_cxcywh": lambda: ops.box_convert(bx, "xyxy", "cxcywh"),
    "box_convert_xywh": lambda: ops.box_convert(bx, "cxcywh", "xywh"),
    "clip_boxes": lambda: ops.clip_boxes_to_image(bx - 3, (8, 25)),
    "remove_small_boxes": lambda: ops.remove_small_boxes(bx, 9.5),
    "generalized_box_iou": lambda: ops.generalized_box_iou(bx[:2], bx[2:]),
    "box_area_int": lambda: ops.box_area(bx.long()),
    "masks_to_boxes": lambda: ops.masks_to_boxes(torch.tensor([[[0, 1, 1], [0, 1, 0], [0, 0, 0]]]).bool()),
    "focal_loss": lambda: ops.sigmoid_focal_loss(torch.tensor([0.5, -1.0, 2.0]), torch.tensor([1.0, 0.0, 1.0])),
    "focal_loss_mean": lambda: ops.sigmoid_focal_loss(torch.tensor([0.5, -1.0, 2.0]), torch.tensor([1.0, 0.0, 1.0]), alpha=-1, gamma=0, reduction="mean"),
    "roi_align": lambda: ops.roi_align(fm, [torch.tensor([[0., 0., 3., 3.]])], output_size=2),
    "roi_align_aligned": lambda: ops.roi_align(fm, torch.tensor([[0, 0.5, 0.5, 2.5, 3.0]]), output_size=(2, 3), spatial_scale=1.0, sampling_ratio=2, aligned=True),
    "roi_pool": lambda: ops.roi_pool(fm, [torch.tensor([[0., 0., 3., 3.], [1., 1., 2., 3.]])], output_size=2),
    # models and datasets
    "squeezenet1_1": model(M.squeezenet1_1, (1, 3, 64, 64), num_classes=6),
    "mobilenet_v2_half": model(M.mobilenet_v2, (1, 3, 32, 32), num_classes=4, width_mult=0.5),
    "densenet121_params": lambda: (lambda m: (params(m), m.classifier))(M.densenet121(num_classes=10)),
    "densenet_small_repr": small_densenet,
    "densenet_small_keys": lambda: list(small_densenet().state_dict().keys())[:12],
    "densenet_small_eval": densenet_eval,
    "resnet_bad_weights": lambda: M.resnet18(weights="bogus"),
    "fakedata_item": lambda: fake_item(2),
    "fakedata_negative_index": lambda: fake_item(-1),
    "fakedata_out_of_range": lambda: fake_item(5),
}

out = {"versions": {"torch": torch.__version__, "torchvision": torchvision.__version__, "python": sys.version.split()[0]}}
for name, f in CASES.items():
    try:
        out[name] = {"print": str(f())}
    except Exception as e:  # noqa: BLE001 - the error is the reference
        out[name] = {"error": [type(e).__name__, str(e)]}
with open("vision_sweep.json", "w") as fp:
    json.dump(out, fp, indent=1, sort_keys=True)
    fp.write("\n")
