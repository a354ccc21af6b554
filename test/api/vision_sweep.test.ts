/**
 * torchvision 0.14 semantics (test/reference/gen_vision_sweep.py), from a sweep of torchlab against
 * torchvision: transforms on tensors and on `Image` (torchlab's PIL image) — conversion and its mode
 * checks, normalize, resize (antialias, max_size, modes, PIL's BOX / HAMMING / LANCZOS), crops with padding, pads, seeded flips and
 * crops, rotate / affine (keywords only too) / perspective, blur, grayscale, colour adjustments,
 * erasing, composition — the tuples get_params returns, make_grid, torchvision.ops, model builders'
 * parameter counts and output shapes (DenseNet's layout, initialisation and outputs), and FakeData's items (a negative index too).
 * Each case is the TypeScript spelling of the generator's Python expression of the same name, printed
 * by print()'s str(); an error case checks the error's type and torchvision's message.
 */
import { torch, torchvision } from "../../src";
import { pyStr } from "../../src/display/print";
import { asPyTuple } from "../../src/pyrepr";
import { readReference } from "../tensor/fixtures";

type Ref = { print: string } | { error: [string, string] };
const ref = readReference<Record<string, Ref>>("vision_sweep.json");
type Tensor = torch.Tensor;
type Image = torchvision.io.Image;

const T = torchvision.transforms;
const TF = T.functional;
const ops = torchvision.ops;
const U = torchvision.utils;
const M = torchvision.models;
const t = torch.tensor;
const tup = (...items: unknown[]): unknown[] => asPyTuple(items);
const seeded = (f: () => unknown, seed = 0) => (): unknown => {
  torch.manual_seed(seed);
  return f();
};
const pt = (img: Image): Tensor => TF.pil_to_tensor(img);
const f32 = { dtype: torch.float32 };

// Built once the backend is ready (the jest setup readies it before the first test).
let x: Tensor, u: Tensor, g: Tensor, b: Tensor, bx: Tensor, sc: Tensor, fm: Tensor;
let pil: Image, pil_l: Image;
beforeAll(() => {
  x = torch.arange(90, f32).view(3, 5, 6).mul(7).remainder(11).div(10);
  u = torch.arange(90).view(3, 5, 6).mul(37).remainder(256).to(torch.uint8);
  g = torch.arange(30).view(1, 5, 6).mul(53).remainder(256).to(torch.uint8);
  pil = TF.to_pil_image(u);
  pil_l = TF.to_pil_image(g);
  b = torch.arange(96, f32).view(4, 1, 4, 6).mul(7).remainder(11).div(10);
  bx = t([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30], [0, 0, 5, 5], [21, 21, 29, 31]], f32);
  sc = t([0.9, 0.8, 0.7, 0.95, 0.6]);
  fm = torch.arange(32, f32).view(1, 2, 4, 4);
});
const quad = [[0, 0], [5, 0], [5, 4], [0, 4]];
const quad2 = [[1, 0], [5, 1], [4, 4], [0, 3]];
const BILINEAR = T.InterpolationMode.BILINEAR;
const BICUBIC = T.InterpolationMode.BICUBIC;

const params = (m: torch.nn.Module): number => m.parameters().reduce((s, p) => s + p.numel(), 0);
const model = (build: () => torch.nn.Module, size: number[]) => (): unknown => {
  torch.manual_seed(0);
  const m = build().eval();
  return torch.no_grad(() => tup(params(m), (m.forward(torch.rand(size)) as Tensor).shape));
};
const smallDensenet = (): torchvision.models.DenseNet => {
  torch.manual_seed(0);
  return new M.DenseNet({ growth_rate: 4, block_config: [2, 1], num_init_features: 8, bn_size: 2, num_classes: 3 });
};
const densenetEval = (): unknown => {
  const m = smallDensenet().eval();
  torch.manual_seed(1);
  return torch.no_grad(() => m.forward(torch.rand([2, 3, 16, 16])));
};
const fakeItem = (i: number): unknown => {
  const ds = new torchvision.datasets.FakeData({ size: 5, image_size: [1, 3, 4], num_classes: 4 });
  const [img, target] = ds.getitem(i);
  return tup(pt(img), target);
};
const inplaceNormalize = (): unknown => {
  const y = x.clone();
  const z = TF.normalize(y, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5], { inplace: true });
  return tup(z === y, y.index([0, 0]));
};
const repeat = <R>(n: number, f: () => R): R[] => Array.from({ length: n }, f);

const CASES: Record<string, () => unknown> = {
  // conversion
  to_tensor_pil_rgb: () => TF.to_tensor(pil),
  to_tensor_pil_l: () => TF.to_tensor(pil_l),
  pil_to_tensor_rgb: () => TF.pil_to_tensor(pil),
  pil_size_mode: () => tup(pil.size, pil.mode, pil_l.mode),
  to_pil_float_roundtrip: () => tup(TF.to_pil_image(x).mode, pt(TF.to_pil_image(x))),
  to_pil_modes: () => tup(TF.to_pil_image(torch.rand([4, 2, 2])).mode, TF.to_pil_image(torch.rand([2, 2, 2])).mode, TF.to_pil_image(torch.zeros([2, 2], { dtype: torch.uint8 })).mode),
  to_pil_5_channels: () => TF.to_pil_image(torch.rand([5, 2, 2])),
  to_pil_mode_l_of_rgb: () => TF.to_pil_image(u, { mode: "L" }),
  to_pil_mode_rgb_of_gray: () => TF.to_pil_image(g, { mode: "RGB" }),
  to_pil_mode_rgb_of_rgba: () => TF.to_pil_image(torch.rand([4, 2, 2]), { mode: "RGB" }),
  to_pil_mode_l_of_la: () => TF.to_pil_image(torch.rand([2, 2, 2]), { mode: "L" }),
  to_pil_mode_rgb_ok: () => TF.to_pil_image(u, { mode: "RGB" }).mode,
  to_tensor_rgba_alpha: () => TF.to_tensor(pil.convert("RGBA")).index(3),
  pil_convert_l: () => pt(pil.convert("L")),
  convert_u8_float: () => TF.convert_image_dtype(u, torch.float32),
  convert_float_u8: () => TF.convert_image_dtype(x, torch.uint8),
  convert_float_int16: () => TF.convert_image_dtype(x, torch.int16).index([0, 0]),
  convert_1d_int16_u8: () => TF.convert_image_dtype(t([0, 32767], { dtype: torch.int16 }), torch.uint8),
  convert_1d_float_int64: () => TF.convert_image_dtype(t([0, 1], f32), torch.int64),
  convert_u8_int16: () => TF.convert_image_dtype(u.index([":", ":1", ":2"]), torch.int16),
  convert_repr: () => new T.ConvertImageDtype(torch.float32),
  // normalize
  normalize_per_channel: () => TF.normalize(x, [0.5, 0.4, 0.3], [0.2, 0.3, 0.4]),
  normalize_scalar: () => TF.normalize(x, 0.5, 0.25).index([1, 1]),
  normalize_inplace: inplaceNormalize,
  normalize_std_zero: () => TF.normalize(x, [0.5], [0.0]),
  normalize_uint8: () => TF.normalize(u, [0.5], [0.5]),
  normalize_2d: () => TF.normalize(x.index(0), [0.5], [0.5]),
  normalize_mean_mismatch: () => TF.normalize(x, [0.5, 0.5], [0.5, 0.5]),
  normalize_batch: () => TF.normalize(x.unsqueeze(0), [0.1, 0.2, 0.3], [1, 2, 3]).index([0, 2, 0]),
  // resize
  resize_int: () => TF.resize(x, 3),
  resize_pair: () => TF.resize(x, [3, 4]),
  resize_up: () => TF.resize(x, [7, 9]).index(0),
  resize_antialias: () => TF.resize(x, [2, 3], { antialias: true }),
  resize_nearest: () => TF.resize(x, [3, 3], T.InterpolationMode.NEAREST),
  resize_bicubic_aa: () => TF.resize(x, [3, 4], BICUBIC, { antialias: true }),
  resize_bicubic_up: () => TF.resize(x, [8, 9], BICUBIC).index([0, 0]),
  resize_uint8_bicubic: () => TF.resize(u, [3, 4], BICUBIC),
  resize_pil: () => pt(TF.resize(pil, [3, 4])),
  resize_pil_up: () => pt(TF.resize(pil, [8, 9])),
  resize_pil_bicubic_l: () => pt(TF.resize(pil_l, [7, 5], BICUBIC)),
  resize_pil_box: () => pt(TF.resize(pil, [2, 3], T.InterpolationMode.BOX)),
  resize_pil_hamming_up: () => pt(TF.resize(pil, [8, 9], T.InterpolationMode.HAMMING)).index(0),
  resize_pil_lanczos: () => pt(TF.resize(pil, [3, 4], T.InterpolationMode.LANCZOS)),
  resize_pil_lanczos_l: () => pt(TF.resize(pil_l, [5, 13], T.InterpolationMode.LANCZOS)),
  resize_lanczos_repr: () => new T.Resize(3, T.InterpolationMode.LANCZOS),
  resize_max_size: () => tup(TF.resize(x, 4, { max_size: 5 }).shape, TF.resize(pil, 4, { max_size: 5 }).size),
  resize_max_size_pair: () => TF.resize(x, [4, 4], { max_size: 5 }),
  resize_max_size_small: () => TF.resize(x, 6, { max_size: 5 }),
  resize_zero: () => TF.resize(x, 0),
  resize_repr: () => tup(new T.Resize(3), new T.Resize(3, { max_size: 7 })),
  // crop / pad
  center_crop_larger: () => TF.center_crop(x, 7).index(0),
  center_crop_pil_larger: () => pt(TF.center_crop(pil, 7)),
  crop_negative: () => TF.crop(x, -1, -2, 3, 4).index(0),
  crop_out_of_bounds: () => TF.crop(x, 3, 4, 4, 4).index(0),
  crop_pil_negative: () => pt(TF.crop(pil_l, -1, -2, 3, 4)),
  pad_four: () => TF.pad(g, [1, 2, 0, 1], 7),
  pad_edge: () => TF.pad(g, 2, { padding_mode: "edge" }),
  pad_reflect: () => TF.pad(g, [2, 1], { padding_mode: "reflect" }),
  pad_symmetric: () => TF.pad(g, [2, 1, 0, 3], { padding_mode: "symmetric" }),
  pad_negative: () => TF.pad(x, [-1, 1]),
  pad_three: () => TF.pad(x, [1, 2, 3]),
  pad_reflect_too_big: () => TF.pad(x, 6, { padding_mode: "reflect" }),
  pad_pil_symmetric: () => pt(TF.pad(pil_l, [2, 1, 0, 1], { padding_mode: "symmetric" })),
  pad_pil_fill_rgb: () => pt(TF.pad(pil, 1, [1, 2, 3])).index([":", 0]),
  random_crop: seeded(() => new T.RandomCrop(3)(x)),
  random_crop_padding: seeded(() => new T.RandomCrop(4, { padding: 2 })(g), 1),
  random_crop_pad_if_needed: seeded(() => new T.RandomCrop([6, 7], { pad_if_needed: true })(g), 2),
  random_crop_reflect: seeded(() => new T.RandomCrop(5, { padding: 1, padding_mode: "reflect" })(g), 3),
  random_crop_too_big: () => new T.RandomCrop(6)(g),
  random_crop_get_params: seeded(() => T.RandomCrop.get_params(x, [2, 3])),
  random_crop_get_params_full: () => T.RandomCrop.get_params(x, [5, 6]),
  // flips and resized crops
  hflip_stream: seeded(() => repeat(4, () => new T.RandomHorizontalFlip()(g).index([0, 0]).tolist())),
  vflip_stream: seeded(() => repeat(4, () => new T.RandomVerticalFlip(0.3)(g).index([0, ":", 0]).tolist()), 1),
  hflip_pil: () => pt(TF.hflip(pil_l)),
  rrc_get_params: seeded(() => T.RandomResizedCrop.get_params(x, [0.08, 1.0], [3 / 4, 4 / 3])),
  rrc_get_params_big: seeded(() => T.RandomResizedCrop.get_params(torch.zeros([3, 100, 80]), [0.5, 0.9], [0.5, 2.0]), 7),
  rrc_get_params_fallback: seeded(() => T.RandomResizedCrop.get_params(x, [0.9, 1.0], [10, 20])),
  rrc_apply: seeded(() => new T.RandomResizedCrop(4)(x), 3),
  five_crop_last: () => TF.five_crop(g, [2, 3])[4],
  ten_crop_flips: () => tup(TF.ten_crop(g, 2)[5], TF.ten_crop(g, 2, true)[5]),
  five_crop_too_big: () => TF.five_crop(g, 7),
  // rotation / affine / perspective
  rotate_30: () => TF.rotate(g, 30),
  rotate_expand: () => TF.rotate(g, 30, { expand: true }),
  rotate_center: () => TF.rotate(g, 45, { center: [0, 0] }),
  rotate_bilinear_expand_fill: () => TF.rotate(x, -70, BILINEAR, true, { fill: [1.0, 0.5, 0.0] }).index(2),
  rotate_pil_expand: () => pt(TF.rotate(pil_l, 30, { expand: true })),
  rotate_pil_bilinear_fill: () => pt(TF.rotate(pil, 45, BILINEAR, { fill: [10, 20, 30] })).index(1),
  random_rotation_get_params: seeded(() => T.RandomRotation.get_params([-30, 30])),
  random_rotation_negative: () => new T.RandomRotation(-5),
  affine_kw_translate: () => TF.affine(g, { angle: 0, translate: [1, 2], scale: 1.0, shear: [0.0, 0.0] }),
  affine_kw_shear: () => TF.affine(g, { angle: 15, translate: [0, 0], scale: 1.2, shear: [10.0, 0.0] }),
  affine_kw_bilinear: () => TF.affine(x, { angle: -20, translate: [1, -1], scale: 0.8, shear: 5, interpolation: BILINEAR }).index(0),
  affine_kw_pil: () => pt(TF.affine(pil_l, { angle: 15, translate: [1, 0], scale: 1.1, shear: [5.0, 3.0] })),
  affine_positional: () => TF.affine(g, 10, [1, 0], 0.9, 4),
  inverse_affine_matrix: () => TF._get_inverse_affine_matrix([2.5, 2.0], 30, [1, 2], 1.5, [10.0, 5.0]),
  random_affine_get_params: seeded(() => T.RandomAffine.get_params([-10, 10], [0.1, 0.2], [0.8, 1.2], [-5, 5, -3, 3], [32, 24])),
  random_affine_apply: seeded(() => new T.RandomAffine(20, { translate: [0.2, 0.2], scale: [0.9, 1.1], shear: 10 })(g), 2),
  random_affine_bad_translate: () => new T.RandomAffine(0, { translate: [1.5, 0] }),
  random_affine_bad_scale: () => new T.RandomAffine(0, { scale: [-1, 1] }),
  perspective_bilinear: () => TF.perspective(x, quad, quad2, BILINEAR, [0.5]).index(0),
  random_perspective_get_params: seeded(() => T.RandomPerspective.get_params(6, 5, 0.5)),
  // blur and grayscale
  gaussian_blur_3: () => TF.gaussian_blur(x, 3).index(0),
  gaussian_blur_sigmas: () => TF.gaussian_blur(x, [3, 5], [1.5, 0.7]).index(1),
  gaussian_blur_uint8: () => TF.gaussian_blur(g, 5, 2.0),
  gaussian_blur_pil: () => pt(TF.gaussian_blur(pil_l, 3, 1.0)),
  gaussian_blur_even: () => TF.gaussian_blur(x, 4),
  gaussian_blur_get_params: seeded(() => T.GaussianBlur.get_params(0.1, 2.0)),
  rgb_to_grayscale: () => TF.rgb_to_grayscale(x),
  rgb_to_grayscale_3: () => TF.rgb_to_grayscale(u, 3).index(2),
  to_grayscale_pil: () => pt(TF.to_grayscale(pil)),
  grayscale3_of_gray_tensor: () => tup(new T.Grayscale(3)(g).shape, new T.Grayscale()(x).shape),
  grayscale_2_channels: () => TF.rgb_to_grayscale(x.index(":2")),
  // colour
  brightness_uint8: () => TF.adjust_brightness(u, 0.7).index(1),
  contrast_float: () => TF.adjust_contrast(x, 0.5).index(2),
  contrast_gray: () => TF.adjust_contrast(g, 0.5),
  saturation_uint8: () => TF.adjust_saturation(u, 2.0).index(2),
  hue_float: () => TF.adjust_hue(x, 0.2).index(0),
  hue_uint8: () => TF.adjust_hue(u, -0.3).index(1),
  hue_out_of_range: () => TF.adjust_hue(x, 0.7),
  brightness_negative: () => TF.adjust_brightness(x, -1),
  pil_contrast: () => pt(TF.adjust_contrast(pil, 0.6)).index(1),
  pil_hue: () => pt(TF.adjust_hue(pil, 0.25)).index(0),
  gamma_uint8: () => TF.adjust_gamma(u, 0.5).index(0),
  color_jitter_apply: seeded(() => new T.ColorJitter(0.4, 0.4, 0.4, 0.1)(x).index(0)),
  color_jitter_bad_hue: () => new T.ColorJitter({ hue: 0.6 }),
  autocontrast_uint8: () => TF.autocontrast(u).index(1),
  autocontrast_pil: () => pt(TF.autocontrast(pil)).index(2),
  equalize_uint8: () => TF.equalize(u).index(0),
  equalize_pil: () => pt(TF.equalize(pil_l)),
  equalize_float: () => TF.equalize(x),
  posterize_uint8: () => TF.posterize(u, 3).index(0),
  posterize_pil: () => pt(TF.posterize(pil_l, 2)),
  solarize_float: () => TF.solarize(x, 0.5).index(0),
  solarize_pil: () => pt(TF.solarize(pil_l, 100)),
  solarize_threshold_too_big: () => TF.solarize(x, 2.0),
  invert: () => tup(TF.invert(x).index(0), TF.invert(g)),
  sharpness_float: () => TF.adjust_sharpness(x, 2.0).index(0),
  sharpness_pil: () => pt(TF.adjust_sharpness(pil_l, 2.5)),
  // erasing and composition
  random_erasing: seeded(() => new T.RandomErasing({ p: 1.0 })(x).index(0)),
  random_erasing_value: seeded(() => new T.RandomErasing({ p: 1.0, value: 0.5, scale: [0.1, 0.3] })(x).index(1), 1),
  random_erasing_random: seeded(() => new T.RandomErasing({ p: 1.0, value: "random" })(x).index(2), 2),
  random_erasing_get_params: seeded(() => T.RandomErasing.get_params(x, [0.02, 0.33], [0.3, 3.3], [0])),
  random_erasing_get_params_float: seeded(() => T.RandomErasing.get_params(x, [0.02, 0.33], [0.3, 3.3], [0.5]), 4),
  random_erasing_bad_p: () => new T.RandomErasing({ p: 1.5 }),
  erase: () => TF.erase(x, 1, 1, 2, 3, 0).index(0),
  compose_pil_pipeline: () => new T.Compose([new T.Resize(3), new T.CenterCrop(3), new T.PILToTensor()])(pil),
  lambda_apply: () => new T.Lambda((v: Tensor) => v.mul(2))(g).index([0, 0]),
  lambda_not_callable: () => new T.Lambda(3 as never),
  random_apply_repr: () => new T.RandomApply([new T.RandomHorizontalFlip(), new T.Grayscale()], { p: 0.3 }),
  // utils
  make_grid_shape: () => U.make_grid(b).shape,
  make_grid_nrow_padding: () => U.make_grid(b, { nrow: 2, padding: 1 }).index(0),
  make_grid_pad_value: () => U.make_grid(b, { nrow: 3, padding: 1, pad_value: 0.5 }).index(1),
  make_grid_normalize: () => U.make_grid(b, { nrow: 4, padding: 0, normalize: true }).index(0),
  make_grid_value_range: () => U.make_grid(b, { nrow: 2, padding: 0, normalize: true, value_range: [0.2, 0.8] }).index(2),
  make_grid_scale_each: () => U.make_grid(b.mul(torch.arange(1, 5).view(4, 1, 1, 1)), { nrow: 2, padding: 0, normalize: true, scale_each: true }).index(0),
  make_grid_single: () => tup(U.make_grid(b.index(0)).shape, U.make_grid(b.index([0, 0])).shape, U.make_grid(b.index(":1"), { padding: 3 }).shape),
  make_grid_list: () => U.make_grid([b.index(0), b.index(1), b.index(2)], { nrow: 2, padding: 1 }).shape,
  make_grid_uint8: () => U.make_grid(torch.zeros([2, 3, 4, 4], { dtype: torch.uint8 }), { padding: 1, pad_value: 255 }).index([0, 0]),
  make_grid_constant: () => U.make_grid(torch.full([2, 1, 2, 2], 3.0, f32), { normalize: true, padding: 0 }),
  // ops
  box_area: () => ops.box_area(bx),
  box_iou: () => ops.box_iou(bx.index(":3"), bx),
  nms: () => ops.nms(bx, sc, 0.5),
  nms_zero_threshold: () => ops.nms(bx, sc, 0.0),
  nms_ties: () => ops.nms(bx, t([0.5, 0.5, 0.5, 0.5, 0.5]), 0.3),
  nms_empty: () => ops.nms(torch.zeros([0, 4]), torch.zeros([0]), 0.5),
  batched_nms: () => ops.batched_nms(bx, sc, t([0, 1, 0, 0, 1]), 0.3),
  box_convert_cxcywh: () => ops.box_convert(bx, "xyxy", "cxcywh"),
  box_convert_xywh: () => ops.box_convert(bx, "cxcywh", "xywh"),
  clip_boxes: () => ops.clip_boxes_to_image(bx.sub(3), [8, 25]),
  remove_small_boxes: () => ops.remove_small_boxes(bx, 9.5),
  generalized_box_iou: () => ops.generalized_box_iou(bx.index(":2"), bx.index("2:")),
  box_area_int: () => ops.box_area(bx.long()),
  masks_to_boxes: () => ops.masks_to_boxes(t([[[0, 1, 1], [0, 1, 0], [0, 0, 0]]]).bool()),
  focal_loss: () => ops.sigmoid_focal_loss(t([0.5, -1.0, 2.0]), t([1.0, 0.0, 1.0], f32)),
  focal_loss_mean: () => ops.sigmoid_focal_loss(t([0.5, -1.0, 2.0]), t([1.0, 0.0, 1.0], f32), { alpha: -1, gamma: 0, reduction: "mean" }),
  roi_align: () => ops.roi_align(fm, [t([[0, 0, 3, 3]], f32)], { output_size: 2 }),
  roi_align_aligned: () => ops.roi_align(fm, t([[0, 0.5, 0.5, 2.5, 3.0]]), { output_size: [2, 3], spatial_scale: 1.0, sampling_ratio: 2, aligned: true }),
  roi_pool: () => ops.roi_pool(fm, [t([[0, 0, 3, 3], [1, 1, 2, 3]], f32)], { output_size: 2 }),
  // models and datasets
  squeezenet1_1: model(() => M.squeezenet1_1({ num_classes: 6 }), [1, 3, 64, 64]),
  mobilenet_v2_half: model(() => M.mobilenet_v2({ num_classes: 4, width_mult: 0.5 }), [1, 3, 32, 32]),
  densenet121_params: () => {
    const m = M.densenet121({ num_classes: 10 });
    return tup(params(m), m.classifier);
  },
  densenet_small_repr: smallDensenet,
  densenet_small_keys: () => Object.keys(smallDensenet().state_dict()).slice(0, 12),
  densenet_small_eval: densenetEval,
  resnet_bad_weights: () => M.resnet18({ weights: "bogus" as never }),
  fakedata_item: () => fakeItem(2),
  fakedata_negative_index: () => fakeItem(-1),
  fakedata_out_of_range: () => fakeItem(5),
};

const ERRORS: Record<string, new (...args: never[]) => Error> = {
  RuntimeError: torch.RuntimeError,
  IndexError: torch.IndexError,
  TypeError: torch.TypeError,
  ValueError: torch.ValueError,
};

describe("torchvision transforms, utils, ops, models and datasets print as torchvision's", () => {
  test("every generator case has a TypeScript spelling", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(ref).filter((k) => k !== "versions").sort());
  });
  test.each(Object.keys(CASES))("%s", (name) => {
    const want = ref[name];
    if ("error" in want) {
      // torchlab's messages may add the op and the shapes after torchvision's text.
      let thrown: unknown;
      try {
        CASES[name]();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ERRORS[want.error[0]]);
      expect((thrown as Error).message).toContain(want.error[1]);
      return;
    }
    expect(pyStr(CASES[name]())).toBe(want.print);
  });
});
