/**
 * transforms classes: PyTorch's reprs and error messages (test/reference/vision_repr.json from
 * torchvision 0.14), the distribution and range of random parameters, reproducibility under
 * torch.manual_seed, and one set of parameters per batch.
 */
import { torch, torchvision } from "../../src";
import type { Tensor } from "../../src/torch";
import ref from "../reference/vision_repr.json";

const T = torchvision.transforms;
const F = T.functional;
const { Image } = torchvision.io;

describe("reprs match torchvision 0.14", () => {
  const make: Record<string, () => unknown> = {
    Compose: () => new T.Compose([new T.ToTensor(), new T.Normalize({ mean: [0.5], std: [0.5] })]),
    ToTensor: () => new T.ToTensor(),
    PILToTensor: () => new T.PILToTensor(),
    ToPILImage: () => new T.ToPILImage(),
    ToPILImage_L: () => new T.ToPILImage({ mode: "L" }),
    Normalize: () => new T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    Resize_list: () => new T.Resize([32, 32]),
    Resize_int: () => new T.Resize(32, { interpolation: T.InterpolationMode.NEAREST }),
    CenterCrop_int: () => new T.CenterCrop(28),
    CenterCrop_list: () => new T.CenterCrop([28, 20]),
    Pad: () => new T.Pad(2),
    Pad_full: () => new T.Pad([1, 2], { fill: 3, padding_mode: "reflect" }),
    RandomCrop: () => new T.RandomCrop([28, 28]),
    RandomCrop_pad: () => new T.RandomCrop(32, { padding: 4 }),
    RandomResizedCrop: () => new T.RandomResizedCrop(224),
    RandomHorizontalFlip: () => new T.RandomHorizontalFlip(),
    RandomVerticalFlip: () => new T.RandomVerticalFlip(0.3),
    RandomRotation: () => new T.RandomRotation(15),
    RandomRotation_pair: () => new T.RandomRotation([30, 90], { interpolation: "bilinear", expand: true, center: [1, 2], fill: 1 }),
    RandomAffine: () => new T.RandomAffine(10),
    RandomAffine_full: () => new T.RandomAffine([-5, 5], { translate: [0.1, 0.2], scale: [0.9, 1.1], shear: 8, interpolation: "bilinear", fill: 1 }),
    ColorJitter: () => new T.ColorJitter({ brightness: 0.5 }),
    ColorJitter_full: () => new T.ColorJitter(0.4, 0.4, 0.4, 0.1),
    ColorJitter_range: () => new T.ColorJitter({ brightness: [0.5, 1.5], hue: [-0.2, 0.1] }),
    Grayscale: () => new T.Grayscale(),
    Grayscale3: () => new T.Grayscale(3),
    RandomGrayscale: () => new T.RandomGrayscale(),
    GaussianBlur: () => new T.GaussianBlur(3),
    GaussianBlur_sigma: () => new T.GaussianBlur([3, 5], { sigma: 1.5 }),
    RandomErasing: () => new T.RandomErasing(),
    RandomErasing_random: () => new T.RandomErasing({ p: 0.3, value: "random" }),
    RandomApply: () => new T.RandomApply([new T.RandomHorizontalFlip()], { p: 0.8 }),
    RandomChoice: () => new T.RandomChoice([30, 90, 180].map((a) => new T.RandomRotation([a, a]))),
    RandomOrder: () => new T.RandomOrder([new T.RandomHorizontalFlip(), new T.RandomVerticalFlip()]),
    Lambda: () => new T.Lambda((x: Tensor) => x),
    RandomInvert: () => new T.RandomInvert(),
    FiveCrop: () => new T.FiveCrop(10),
    RandomAdjustSharpness: () => new T.RandomAdjustSharpness(2),
    RandomPosterize: () => new T.RandomPosterize(2, { p: 0.3 }),
    RandomSolarize: () => new T.RandomSolarize(192),
    RandomAutocontrast: () => new T.RandomAutocontrast(),
    RandomEqualize: () => new T.RandomEqualize(0.2),
    RandomPerspective: () => new T.RandomPerspective(),
    AutoAugment: () => new T.AutoAugment(),
    AugMix: () => new T.AugMix(),
    AugMix_args: () => new T.AugMix({ severity: 5, mixture_width: 2, chain_depth: 1, alpha: 0.5, all_ops: false, fill: [1, 2, 3] }),
    ElasticTransform: () => new T.ElasticTransform(),
    ElasticTransform_args: () => new T.ElasticTransform({ alpha: [10.0, 20.0], sigma: 3.0, fill: 1 }),
    LinearTransformation: () => new T.LinearTransformation(torch.eye(2), torch.tensor([0.5, 0.25])),
    AutoAugment_cifar: () => new T.AutoAugment(T.AutoAugmentPolicy.CIFAR10, { fill: [0, 0, 0] }),
    RandAugment: () => new T.RandAugment(),
    TrivialAugmentWide: () => new T.TrivialAugmentWide({ fill: 5 }),
  };
  test.each(Object.entries(ref.reprs))("%s", (name, expected) => {
    expect(String(make[name]())).toBe(expected);
  });
  test("every fixture repr has a constructor here", () => {
    expect(Object.keys(make).sort()).toEqual(Object.keys(ref.reprs).sort());
  });
});

describe("errors match torchvision 0.14", () => {
  let x: Tensor;
  let u: Tensor;
  beforeAll(() => {
    x = torch.rand([3, 5, 7]);
    u = torch.randint(0, 256, [3, 5, 7], { dtype: torch.uint8 });
  });
  const run: Record<string, () => unknown> = {
    RandomRotation3: () => new T.RandomRotation([30, 90, 180]),
    RandomRotationNeg: () => new T.RandomRotation(-5),
    NormalizeStd0: () => F.normalize(x, [0.5, 0.5, 0.5], [1.0, 0.0, 1.0]),
    NormalizeInt: () => F.normalize(u, [0.5], [0.5]),
    BrightnessNeg: () => F.adjust_brightness(x, -1),
    HueRange: () => F.adjust_hue(x, 0.7),
    GaussianEven: () => F.gaussian_blur(x, [4, 3]),
    GaussianSigma: () => F.gaussian_blur(x, 3, -1.0),
    PadMode: () => F.pad(x, 1, 0, "wrap" as "edge"),
    PadLen: () => F.pad(x, [1, 2, 3]),
    CropTooBig: () => new T.RandomCrop(9)(x),
    ColorJitterNeg: () => new T.ColorJitter({ brightness: -1 }),
    ColorJitterHue: () => new T.ColorJitter({ hue: 0.7 }),
    ResizeLen: () => new T.Resize([1, 2, 3]),
    FillChannels: () => F.rotate(x, 10, "nearest", false, null, [1.0, 2.0]),
    GrayChannels: () => F.rgb_to_grayscale(torch.rand([2, 2, 4, 6])),
    RotateBicubic: () => F.rotate(x, 10, "bicubic"),
    LinearMean: () => new T.LinearTransformation(torch.eye(2), torch.zeros([3])),
    LinearSquare: () => new T.LinearTransformation(torch.zeros([2, 3]), torch.zeros([2])),
    LinearShape: () => new T.LinearTransformation(torch.eye(12), torch.zeros([12]))(torch.rand([1, 2, 5])),
    ElasticShape: () => F.elastic_transform(x, torch.zeros([1, 5, 7, 3])),
    AugMixSeverity: () => new T.AugMix(11),
    ErasingScale: () => new T.RandomErasing({ scale: [0.5, 1.5] }),
    ErasingValue: () => new T.RandomErasing({ value: "noise" as "random" }),
    AffineTranslate: () => new T.RandomAffine(0, { translate: [0.5, 1.5] }),
    FiveCropBig: () => F.five_crop(x, [6, 3]),
    ReflectTooBig: () => F.pad(x, [7, 0, 0, 0], 0, "reflect"),
    PosterizeFloat: () => F.posterize(x, 2),
    PosterizeBits: () => F.posterize(u, 9),
    SolarizeThreshold: () => F.solarize(x, 2.0),
    SharpnessNeg: () => F.adjust_sharpness(x, -0.5),
    EqualizeFloat: () => F.equalize(x),
    AutocontrastChannels: () => F.autocontrast(torch.rand([2, 2, 4, 6])),
  };
  test.each(Object.entries(ref.errors))("%s", (name, expected) => {
    if (expected === null) {
      expect(run[name]).not.toThrow();
      return;
    }
    let err: Error | null = null;
    try {
      run[name]();
    } catch (e) {
      err = e as Error;
    }
    expect(err).not.toBeNull();
    expect(err!.name).toBe(expected.type);
    expect(err!.message).toBe(expected.message);
  });
});

describe("other error paths", () => {
  let x: Tensor;
  beforeAll(() => {
    x = torch.rand([3, 4, 4]);
  });
  test.each([
    ["ToTensor on a tensor", () => new T.ToTensor()(x as never), "TypeError"],
    ["Normalize on an Image", () => new T.Normalize([0.5], [0.5])(new Image(new Uint8Array(4), 2, 2, "L") as never), "TypeError"],
    ["Normalize of a 2-D tensor", () => F.normalize(torch.rand([4, 4]), [0.5], [0.5]), "ValueError"],
    ["Normalize mean length", () => F.normalize(x, [0.5, 0.5], [0.5]), "RuntimeError"],
    ["Lambda of a non-function", () => new T.Lambda(3 as never), "TypeError"],
    ["Compose of a non-array", () => new T.Compose(3 as never), "TypeError"],
    ["Compose of a non-callable", () => new T.Compose([3 as never]), "TypeError"],
    ["RandomChoice with wrong weights", () => new T.RandomChoice([new T.RandomHorizontalFlip()], [0.5, 0.5]), "ValueError"],
    ["RandomChoice p not a sequence", () => new T.RandomChoice([new T.RandomHorizontalFlip()], 3 as never), "TypeError"],
    ["unknown option", () => new T.RandomRotation(10, { degree: 3 } as never), "TypeError"],
    ["resize antialias with nearest", () => F.resize(x, [2, 2], "nearest", null, true), "ValueError"],
    ["resize max_size with [h, w]", () => F.resize(x, [2, 2], "bilinear", 5), "ValueError"],
    ["resize max_size too small", () => F.resize(x, 3, "bilinear", 3), "ValueError"],
    ["rotate with a bad interpolation", () => F.rotate(x, 10, "nope" as "nearest"), "TypeError"],
    ["rotate a tensor with a PIL-only interpolation", () => F.rotate(x, 10, "lanczos"), "ValueError"],
    ["rotate with a string angle", () => F.rotate(x, "10" as unknown as number), "TypeError"],
    ["affine with a 3-element translate", () => F.affine(x, 0, [1, 2, 3], 1, 0), "ValueError"],
    ["affine with scale 0", () => F.affine(x, 0, [0, 0], 0, 0), "ValueError"],
    ["affine shear of 3", () => F.affine(x, 0, [0, 0], 1, [1, 2, 3]), "ValueError"],
    ["gamma < 0", () => F.adjust_gamma(x, -1), "ValueError"],
    ["contrast < 0", () => F.adjust_contrast(x, -1), "ValueError"],
    ["saturation < 0", () => F.adjust_saturation(x, -1), "ValueError"],
    ["grayscale with 2 outputs", () => F.rgb_to_grayscale(x, 2 as 1), "ValueError"],
    ["1-D tensor image", () => F.hflip(torch.rand([4])), "TypeError"],
    ["a number as image", () => F.hflip(3 as never), "TypeError"],
    ["GaussianBlur even kernel", () => new T.GaussianBlur(4), "ValueError"],
    ["GaussianBlur bad sigma range", () => new T.GaussianBlur(3, [2, 1]), "ValueError"],
    ["GaussianBlur sigma <= 0", () => new T.GaussianBlur(3, 0), "ValueError"],
    ["RandomErasing p > 1", () => new T.RandomErasing(2), "ValueError"],
    ["RandomErasing value length", () => new T.RandomErasing({ p: 1, value: [1, 2] })(x), "ValueError"],
    ["RandomAffine scale <= 0", () => new T.RandomAffine(0, { scale: [0, 1] }), "ValueError"],
    ["RandomAffine shear of 3", () => new T.RandomAffine(0, { shear: [1, 2, 3] }), "ValueError"],
    ["RandomRotation center of 3", () => new T.RandomRotation(10, { center: [1, 2, 3] }), "ValueError"],
    ["RandomRotation bad fill", () => new T.RandomRotation(10, { fill: "x" as never }), "TypeError"],
    ["ColorJitter list of 3", () => new T.ColorJitter({ contrast: [1, 2, 3] }), "TypeError"],
    ["ColorJitter range out of bounds", () => new T.ColorJitter({ saturation: [-1, 2] }), "ValueError"],
    ["CenterCrop of 3 sizes", () => new T.CenterCrop([1, 2, 3]), "ValueError"],
    ["Pad fill of wrong type", () => new T.Pad(1, "x" as never), "TypeError"],
    ["pad fill channels", () => F.pad(x, 1, [1, 2]), "ValueError"],
    ["convert float to int via ToPILImage of 4-D", () => F.to_pil_image(torch.rand([1, 1, 2, 2])), "ValueError"],
    ["to_pil_image with 5 channels", () => F.to_pil_image(torch.rand([5, 2, 2])), "ValueError"],
    ["to_pil_image of a number", () => F.to_pil_image(3 as never), "TypeError"],
    ["pil_to_tensor of a tensor", () => F.pil_to_tensor(x as never), "TypeError"],
    ["get_dimensions of a number", () => F.get_dimensions(3 as never), "TypeError"],
    ["RandomChoice of nothing", () => new T.RandomChoice([])(x), "ValueError"],
    ["RandomChoice with zero weights", () => new T.RandomChoice([new T.RandomHorizontalFlip()], [0])(x), "ValueError"],
    ["RandomRotation center not a sequence", () => new T.RandomRotation(10, { center: 3 as never }), "TypeError"],
    ["RandomRotation degrees a string", () => new T.RandomRotation("10" as never), "TypeError"],
    ["CenterCrop size a string", () => new T.CenterCrop("10" as never), "TypeError"],
    ["GaussianBlur sigma of 3", () => new T.GaussianBlur(3, [1, 2, 3]), "ValueError"],
    ["gaussian_blur kernel a string", () => F.gaussian_blur(x, "3" as never), "TypeError"],
    ["gaussian_blur sigma a string", () => F.gaussian_blur(x, 3, "1" as never), "TypeError"],
    ["gaussian_blur kernel of 3", () => F.gaussian_blur(x, [3, 3, 3]), "ValueError"],
    ["gaussian_blur sigma of 3", () => F.gaussian_blur(x, 3, [1, 1, 1]), "ValueError"],
    ["RandomErasing scale not a sequence", () => new T.RandomErasing({ scale: 0.5 as never }), "TypeError"],
    ["RandomErasing ratio not a sequence", () => new T.RandomErasing({ ratio: 0.5 as never }), "TypeError"],
    ["RandomErasing value an object", () => new T.RandomErasing({ value: {} as never }), "TypeError"],
    ["RandomErasing on an Image", () => new T.RandomErasing()(new Image(new Uint8Array(4), 2, 2, "L") as never), "TypeError"],
    ["ConvertImageDtype without dtype", () => new T.ConvertImageDtype({} as never), "TypeError"],
    ["Normalize without std", () => new T.Normalize([0.5]), "TypeError"],
    ["Resize size a string", () => new T.Resize("3" as never), "TypeError"],
    ["resize size of 3", () => F.resize(x, [1, 2, 3]), "ValueError"],
    ["resize size of strings", () => F.resize(x, ["1"] as never), "TypeError"],
    ["Pad padding a string", () => new T.Pad("1" as never), "TypeError"],
    ["Pad mode", () => new T.Pad(1, 0, "wrap" as never), "ValueError"],
    ["Pad 3 values", () => new T.Pad([1, 2, 3]), "ValueError"],
    ["pad padding a string", () => F.pad(x, "1" as never), "TypeError"],
    ["pad fill a string", () => F.pad(x, 1, "0" as never), "TypeError"],
    ["pad mode not a string", () => F.pad(x, 1, 0, 3 as never), "TypeError"],
    ["RandomCrop with bad padding", () => new T.RandomCrop(3, { padding: [1, 2, 3] }), "ValueError"],
    ["RandomResizedCrop scale not a sequence", () => new T.RandomResizedCrop(3, { scale: 0.5 as never }), "TypeError"],
    ["RandomResizedCrop ratio not a sequence", () => new T.RandomResizedCrop(3, { ratio: 0.5 as never }), "TypeError"],
    ["elastic displacement not a tensor", () => F.elastic_transform(x, [1] as never), "TypeError"],
    ["perspective with 3 points", () => F.perspective(x, [[0, 0], [1, 0], [1, 1]], [[0, 0], [1, 0], [1, 1]]), "ValueError"],
    ["affine translate not a sequence", () => F.affine(x, 0, 1 as never, 1, 0), "TypeError"],
    ["affine shear a string", () => F.affine(x, 0, [0, 0], 1, "1" as never), "TypeError"],
    ["affine center a number", () => F.affine(x, 0, [0, 0], 1, 0, "nearest", null, 3 as never), "TypeError"],
    ["affine angle a string", () => F.affine(x, "1" as never, [0, 0], 1, 0), "TypeError"],
    ["rotate center a number", () => F.rotate(x, 1, "nearest", false, 3 as never), "TypeError"],
    ["rotate fill of strings", () => F.rotate(x, 1, "nearest", false, null, ["a"] as never), "TypeError"],
    ["equalize of a 5-D tensor", () => F.equalize(torch.zeros([1, 1, 1, 2, 2], { dtype: "int32" })), "TypeError"],
    ["solarize of a 2-D tensor", () => F.solarize(torch.rand([2, 2]), 0.5), "TypeError"],
    ["LinearTransformation of non-tensors", () => new T.LinearTransformation([1] as never, [1] as never), "TypeError"],
    ["LinearTransformation dtype mismatch", () => new T.LinearTransformation(torch.eye(4), torch.zeros([4]))(torch.zeros([1, 2, 2], { dtype: "int32" })), "TypeError"],
    ["ElasticTransform alpha a string", () => new T.ElasticTransform({ alpha: "1" as never }), "TypeError"],
    ["normalize of an int tensor's mean count", () => F.normalize(x, [0.5], [0.5, 0.5]), "RuntimeError"],
  ] as [string, () => unknown, string][])("%s", (_name, fn, type) => {
    expect(fn).toThrow();
    try {
      fn();
    } catch (e) {
      expect((e as Error).name).toBe(type);
    }
  });
});

describe("random transforms", () => {
  let img: Tensor;
  beforeAll(() => {
    img = torch.arange(2 * 3 * 4).reshape([2, 3, 4]).float();
  });

  test("RandomHorizontalFlip(p=0.5) flips about half of 1,000 images", () => {
    torch.manual_seed(0);
    const t = new T.RandomHorizontalFlip();
    const flipped = F.hflip(img);
    let n = 0;
    for (let i = 0; i < 1000; i++) if (t(img).equal(flipped)) n++;
    expect(n).toBeGreaterThanOrEqual(400);
    expect(n).toBeLessThanOrEqual(600);
  });

  test("p=0 never flips, p=1 always does; vertical flips the rows", () => {
    expect(new T.RandomVerticalFlip(0)(img).equal(img)).toBe(true);
    expect(new T.RandomVerticalFlip(1)(img).equal(img.flip(-2))).toBe(true);
    expect(new T.RandomHorizontalFlip(1)(img).equal(img.flip(-1))).toBe(true);
  });

  test("RandomRotation angles stay in range and cover it", () => {
    torch.manual_seed(1);
    const angles = Array.from({ length: 2000 }, () => T.RandomRotation.get_params([-15, 15]));
    expect(Math.min(...angles)).toBeGreaterThanOrEqual(-15);
    expect(Math.max(...angles)).toBeLessThanOrEqual(15);
    expect(Math.min(...angles)).toBeLessThan(-14);
    expect(Math.max(...angles)).toBeGreaterThan(14);
    const mean = angles.reduce((a, b) => a + b, 0) / angles.length;
    expect(Math.abs(mean)).toBeLessThan(0.6);
  });

  test("RandomRotation(d) rotates by a drawn angle: same as F.rotate with that angle", () => {
    const x = torch.rand([1, 3, 6, 6]);
    torch.manual_seed(7);
    const angle = T.RandomRotation.get_params([-40, 40]);
    torch.manual_seed(7);
    const out = new T.RandomRotation(40)(x);
    expect(out.equal(F.rotate(x, angle, "nearest", false, null, [0]))).toBe(true);
  });

  test("the tutorial's 'rotate by 30, 90 or 180' is RandomChoice of fixed rotations", () => {
    const x = torch.arange(36).reshape([1, 6, 6]).float();
    const choice = new T.RandomChoice([30, 90, 180].map((a) => new T.RandomRotation([a, a])));
    const candidates = [30, 90, 180].map((a) => F.rotate(x, a, "nearest", false, null, [0]));
    torch.manual_seed(3);
    const seen = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const out = choice(x);
      const k = candidates.findIndex((c) => c.equal(out));
      expect(k).toBeGreaterThanOrEqual(0);
      seen.add(k);
    }
    expect(seen.size).toBe(3);
    expect(candidates[2].equal(x.flip(-1).flip(-2))).toBe(true);
  });

  test("RandomChoice weights: p = [1, 0] always picks the first", () => {
    const c = new T.RandomChoice([new T.Lambda((v: Tensor) => v.mul(2)), new T.Lambda((v: Tensor) => v.mul(3))], [1, 0]);
    for (let i = 0; i < 20; i++) expect(c(img).equal(img.mul(2))).toBe(true);
  });

  test("RandomApply applies all or nothing with probability p", () => {
    torch.manual_seed(2);
    const t = new T.RandomApply([new T.Lambda((v: Tensor) => v.add(1)), new T.Lambda((v: Tensor) => v.mul(10))], 0.3);
    let applied = 0;
    for (let i = 0; i < 1000; i++) {
      const out = t(img);
      if (out.equal(img.add(1).mul(10))) applied++;
      else expect(out.equal(img)).toBe(true);
    }
    expect(applied).toBeGreaterThan(240);
    expect(applied).toBeLessThan(360);
  });

  test("RandomOrder runs every transform once, in both orders over many calls", () => {
    torch.manual_seed(4);
    const t = new T.RandomOrder([new T.Lambda((v: Tensor) => v.add(1)), new T.Lambda((v: Tensor) => v.mul(10))]);
    const outs = new Set<string>();
    for (let i = 0; i < 40; i++) outs.add(String(t(torch.tensor([1.0])).item()));
    expect([...outs].sort()).toEqual(["11", "20"]);
  });

  test("RandomCrop places the crop uniformly; padding and pad_if_needed", () => {
    torch.manual_seed(5);
    const counts = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const [top, left, h, w] = T.RandomCrop.get_params(torch.zeros([1, 5, 5]), [3, 3]);
      expect([h, w]).toEqual([3, 3]);
      counts.set(`${top},${left}`, (counts.get(`${top},${left}`) ?? 0) + 1);
    }
    expect(counts.size).toBe(9);
    for (const c of counts.values()) expect(c).toBeGreaterThan(30);
    expect(new T.RandomCrop(6, { pad_if_needed: true })(torch.ones([1, 4, 5])).shape).toEqual([1, 6, 6]);
    const padded = new T.RandomCrop(8, { padding: 2 })(torch.ones([1, 4, 4]));
    expect(padded.shape).toEqual([1, 8, 8]);
    expect(padded.sum().item()).toBe(16);
    expect(T.RandomCrop.get_params(torch.zeros([1, 3, 3]), [3, 3])).toEqual([0, 0, 3, 3]);
  });

  test("RandomResizedCrop: area fraction and aspect ratio within bounds, output size fixed", () => {
    torch.manual_seed(6);
    const x = torch.zeros([3, 40, 60]);
    for (let k = 0; k < 200; k++) {
      const [i, j, h, w] = T.RandomResizedCrop.get_params(x, [0.08, 1.0], [3 / 4, 4 / 3]);
      expect(i + h).toBeLessThanOrEqual(40);
      expect(j + w).toBeLessThanOrEqual(60);
      expect(h * w).toBeLessThanOrEqual(2400);
      expect(h).toBeGreaterThan(0);
    }
    // Impossible ratio: the central-crop fallback.
    expect(T.RandomResizedCrop.get_params(x, [0.9, 1.0], [10, 20])).toEqual([17, 0, 6, 60]);
    expect(new T.RandomResizedCrop(16)(x).shape).toEqual([3, 16, 16]);
  });

  test("ColorJitter draws the order as a permutation and factors within ranges", () => {
    torch.manual_seed(8);
    for (let k = 0; k < 100; k++) {
      const [order, b, c, s, h] = T.ColorJitter.get_params([0.5, 1.5], [0.6, 1.4], null, [-0.1, 0.1]);
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
      expect(b!).toBeGreaterThanOrEqual(0.5);
      expect(b!).toBeLessThanOrEqual(1.5);
      expect(c!).toBeGreaterThanOrEqual(0.6);
      expect(s).toBeNull();
      expect(Math.abs(h!)).toBeLessThanOrEqual(0.1);
    }
  });

  test("ColorJitter applies the drawn factors in the drawn order", () => {
    const x = torch.rand([3, 4, 5]);
    const t = new T.ColorJitter(0.4, 0.4, 0.4, 0.1);
    torch.manual_seed(9);
    const [order, b, c, s, h] = T.ColorJitter.get_params(t.brightness, t.contrast, t.saturation, t.hue);
    let expected = x;
    for (const id of order) {
      if (id === 0) expected = F.adjust_brightness(expected, b!);
      if (id === 1) expected = F.adjust_contrast(expected, c!);
      if (id === 2) expected = F.adjust_saturation(expected, s!);
      if (id === 3) expected = F.adjust_hue(expected, h!);
    }
    torch.manual_seed(9);
    expect(t(x).allclose(expected)).toBe(true);
  });

  test("GaussianBlur's sigma is drawn in range; RandomErasing erases a rectangle or nothing", () => {
    torch.manual_seed(10);
    for (let k = 0; k < 50; k++) {
      const s = T.GaussianBlur.get_params(0.1, 2.0);
      expect(s).toBeGreaterThanOrEqual(0.1);
      expect(s).toBeLessThanOrEqual(2.0);
    }
    const x = torch.ones([3, 20, 20]);
    const out = new T.RandomErasing({ p: 1 })(x);
    const zeros = out.eq(0).sum().item();
    expect(zeros).toBeGreaterThan(0);
    expect(zeros % 3).toBe(0);
    expect(zeros / 3).toBeLessThanOrEqual(0.33 * 400 + 20);
    const noise = new T.RandomErasing({ p: 1, value: "random" })(x);
    expect(noise.ne(1).sum().item()).toBeGreaterThan(0);
    expect(new T.RandomErasing({ p: 0 })(x)).toBe(x);
  });

  test("each random transform is its get_params followed by the functional op", () => {
    const x = torch.rand([3, 12, 10]);
    const check = (seed: number, t: (v: Tensor) => Tensor, expected: () => Tensor): void => {
      torch.manual_seed(seed);
      const want = expected();
      torch.manual_seed(seed);
      expect(t(x).equal(want)).toBe(true);
    };
    check(20, new T.RandomAffine(20, { translate: [0.2, 0.1], scale: [0.8, 1.2], shear: [-5, 5, -3, 3], interpolation: "bilinear" }), () => {
      const [angle, tr, sc, sh] = T.RandomAffine.get_params([-20, 20], [0.2, 0.1], [0.8, 1.2], [-5, 5, -3, 3], [10, 12]);
      return F.affine(x, angle, tr, sc, sh, "bilinear", [0, 0, 0]);
    });
    check(21, new T.RandomResizedCrop([6, 5], { scale: [0.3, 0.9] }), () => {
      const [i, j, h, w] = T.RandomResizedCrop.get_params(x, [0.3, 0.9], [3 / 4, 4 / 3]);
      return F.resized_crop(x, i, j, h, w, [6, 5]);
    });
    check(22, new T.GaussianBlur(5, [0.5, 1.5]), () => {
      const s = T.GaussianBlur.get_params(0.5, 1.5);
      return F.gaussian_blur(x, [5, 5], [s, s]);
    });
    check(23, new T.RandomCrop(8, { padding: [1, 2], padding_mode: "reflect" }), () => {
      const p = F.pad(x, [1, 2], 0, "reflect");
      const [i, j, h, w] = T.RandomCrop.get_params(p, [8, 8]);
      return F.crop(p, i, j, h, w);
    });
    check(24, new T.RandomPerspective(0.4, 1, { interpolation: "nearest" }), () => {
      torch.default_generator.random();
      const [start, end] = T.RandomPerspective.get_params(10, 12, 0.4);
      return F.perspective(x, start, end, "nearest", [0, 0, 0]);
    });
    check(25, new T.RandomErasing({ p: 1, value: [0.1, 0.2, 0.3] }), () => {
      torch.default_generator.random();
      const [i, j, h, w, v] = T.RandomErasing.get_params(x, [0.02, 0.33], [0.3, 3.3], [0.1, 0.2, 0.3]);
      return F.erase(x, i, j, h, w, v);
    });
    expect(new T.RandomGrayscale(1)(x).shape).toEqual([3, 12, 10]);
    expect(new T.RandomGrayscale(1)(x).equal(F.rgb_to_grayscale(x, 3))).toBe(true);
    expect(new T.RandomInvert(1)(x).equal(F.invert(x))).toBe(true);
  });

  test("ElasticTransform: get_params' displacement applied by elastic_transform; bounded, reproducible", () => {
    const x = torch.rand([1, 28, 28]);
    torch.manual_seed(30);
    const d = T.ElasticTransform.get_params([34, 34], [4, 4], [28, 28]);
    expect(d.shape).toEqual([1, 28, 28, 2]);
    expect(d.abs().max().item()).toBeLessThan(34 / 28);
    torch.manual_seed(30);
    const out = new T.ElasticTransform({ alpha: 34, sigma: 4 })(x);
    expect(out.equal(F.elastic_transform(x, d, "bilinear", 0))).toBe(true);
    expect(() => new T.ElasticTransform({ alpha: [1, 2, 3] })).toThrow(/length should be 2/);
    expect(() => new T.ElasticTransform({ fill: [1] as never })).toThrow(/fill should be int or float/);
  });

  test("an augmented batch is reproducible under torch.manual_seed", () => {
    const aug = new T.Compose([
      new T.RandomHorizontalFlip(),
      new T.RandomRotation(20),
      new T.RandomResizedCrop(8, { scale: [0.5, 1.0] }),
      new T.ColorJitter(0.3, 0.3, 0.3, 0.05),
      new T.RandomErasing({ value: "random" }),
    ]);
    const batch = torch.rand([4, 3, 10, 10]);
    torch.manual_seed(42);
    const a = aug(batch);
    torch.manual_seed(42);
    const b = aug(batch);
    expect(a.equal(b)).toBe(true);
    torch.manual_seed(43);
    expect(aug(batch).equal(a)).toBe(false);
  });

  test("a passed generator makes a transform independent of the default one", () => {
    const g1 = new torch.Generator(5);
    const g2 = new torch.Generator(5);
    const t1 = new T.RandomRotation(30, { generator: g1 });
    const t2 = new T.RandomRotation(30, { generator: g2 });
    const x = torch.rand([1, 6, 6]);
    torch.manual_seed(0);
    const a = t1(x);
    torch.manual_seed(99);
    expect(t2(x).equal(a)).toBe(true);
  });

  test("the probability-p operations apply their function or nothing", () => {
    const u8 = torch.randint(0, 256, [3, 6, 6], { dtype: torch.uint8 });
    torch.manual_seed(12);
    const pairs: [Tensor, (v: Tensor) => Tensor][] = [
      [u8, (v) => new T.RandomPosterize(3, 1)(v)],
      [u8, (v) => new T.RandomEqualize(1)(v)],
      [u8, (v) => new T.RandomSolarize(100, 1)(v)],
      [u8, (v) => new T.RandomAutocontrast(1)(v)],
      [u8, (v) => new T.RandomAdjustSharpness(2, 1)(v)],
    ];
    const expected = [F.posterize(u8, 3), F.equalize(u8), F.solarize(u8, 100), F.autocontrast(u8), F.adjust_sharpness(u8, 2)];
    pairs.forEach(([v, f], i) => expect(f(v).equal(expected[i])).toBe(true));
    expect(new T.RandomEqualize(0)(u8)).toBe(u8);
  });

  test("RandomPerspective corners stay within distortion_scale of the image corners", () => {
    torch.manual_seed(13);
    for (let k = 0; k < 50; k++) {
      const [start, end] = T.RandomPerspective.get_params(20, 10, 0.5);
      expect(start).toEqual([[0, 0], [19, 0], [19, 9], [0, 9]]);
      end.forEach(([x, y], i) => {
        expect(Math.abs(x - start[i][0])).toBeLessThanOrEqual(5);
        expect(Math.abs(y - start[i][1])).toBeLessThanOrEqual(2);
      });
    }
    expect(new T.RandomPerspective(0.5, 1)(torch.rand([3, 10, 20])).shape).toEqual([3, 10, 20]);
    expect(new T.RandomPerspective(0.5, 0)(torch.ones([1, 4, 4])).sum().item()).toBe(16);
  });

  test("a batch gets the same random parameters for every image (as torchvision)", () => {
    const x = torch.rand([1, 3, 6, 6]);
    const batch = torch.cat([x, x, x], 0);
    torch.manual_seed(11);
    const out = new T.Compose([new T.RandomRotation(45), new T.RandomCrop(4), new T.RandomHorizontalFlip()])(batch);
    expect(out.shape).toEqual([3, 3, 4, 4]);
    expect(out.get(0).equal(out.get(1))).toBe(true);
    expect(out.get(1).equal(out.get(2))).toBe(true);
  });
});

describe("transforms on decoded images", () => {
  const data = Uint8Array.from({ length: 4 * 6 * 3 }, (_, i) => (i * 37) % 256);
  const img = new Image(data, 6, 4, "RGB");

  test("Compose([flip, ToTensor, Normalize]) on an Image", () => {
    const t = new T.Compose([new T.RandomHorizontalFlip(1), new T.ToTensor(), new T.Normalize([0.5, 0.5, 0.5], [0.5, 0.5, 0.5])]);
    const out = t(img);
    const expected = F.to_tensor(img).flip(-1).sub(0.5).div(0.5);
    expect(out.shape).toEqual([3, 4, 6]);
    expect(out.allclose(expected)).toBe(true);
  });

  test("Compose runs a user's transform object through its __call__, as Python calls it (Loeber's MulTransform)", () => {
    class MulTransform {
      constructor(readonly factor: number) {}
      __call__(sample: [torch.Tensor, torch.Tensor]): [torch.Tensor, torch.Tensor] {
        const [inputs, targets] = sample;
        return [inputs.mul(this.factor), targets];
      }
    }
    const t = new T.Compose([new MulTransform(4), (s: [torch.Tensor, torch.Tensor]) => [s[0].add(1), s[1]]]);
    const [x, y] = t<[torch.Tensor, torch.Tensor]>([torch.tensor([1, 2]), torch.tensor([0])]);
    expect(x.tolist()).toEqual([5, 9]);
    expect(y.tolist()).toEqual([0]);
    // torchvision's repr lists it as Python's default repr does.
    expect(String(t)).toMatch(/^Compose\(\n    <__main__\.MulTransform object at 0x[0-9a-f]+>\n    <function <lambda>>\n\)$/);
    expect(() => new T.Compose([{ forward: () => 1 } as never])).toThrow("transforms[0] is not callable");
  });

  test("ToImage / PILToTensor give integer tensors; ToPILImage goes back", () => {
    const t = new T.PILToTensor()(img);
    expect(t.dtype).toBe(torch.uint8);
    expect(new T.ToImage()(img).equal(t)).toBe(true);
    expect(new T.ToImage()(t)).toBe(t);
    const back = new T.ToPILImage()(t);
    expect(Array.from(back.data)).toEqual(Array.from(data));
    // torchvision refuses a mode that does not fit the channels rather than converting.
    expect(() => new T.ToPILImage({ mode: "L" })(t)).toThrow("Only modes ['RGB', 'YCbCr', 'HSV'] are supported for 3D inputs");
    expect(new T.ToPILImage({ mode: "RGB" })(t).mode).toBe("RGB");
    expect(new T.ConvertImageDtype("float32")(t).allclose(F.to_tensor(img))).toBe(true);
  });

  test("geometric transforms keep an Image an Image", () => {
    expect(new T.Resize([8, 12])(img).size).toEqual([12, 8]);
    expect(new T.CenterCrop(2)(img).size).toEqual([2, 2]);
    expect(new T.Grayscale()(img).mode).toBe("L");
    expect(new T.Grayscale(3)(img).mode).toBe("RGB");
    expect(new T.GaussianBlur(3, 1)(img).mode).toBe("RGB");
  });

  test("FiveCrop / TenCrop return 5 / 10 crops", () => {
    const x = torch.rand([3, 6, 6]);
    const five = new T.FiveCrop(3)(x);
    expect(five).toHaveLength(5);
    expect(five[0].equal(x.index(":, 0:3, 0:3"))).toBe(true);
    expect(new T.TenCrop(3)(x)).toHaveLength(10);
    expect(String(new T.TenCrop(3, true))).toBe("TenCrop(size=(3, 3), vertical_flip=True)");
  });
});

test("Normalize(inplace) overwrites its input; the default returns a new tensor", () => {
  const x = torch.ones([2, 2, 2]);
  const y = new T.Normalize([0.5, 0.25], [0.5, 0.25])(x);
  expect(y).not.toBe(x);
  expect(x.sum().item()).toBe(8);
  expect(y.tolist()).toEqual([[[1, 1], [1, 1]], [[3, 3], [3, 3]]]);
  const z = F.normalize(x, [0.5], [0.5], true);
  expect(z).toBe(x);
  expect(x.sum().item()).toBe(8);
  expect(F.normalize(torch.ones([1, 2, 2]), 1, 2).sum().item()).toBe(0);
});

test("transforms are callable objects that print their repr", () => {
  const t = new T.RandomRotation(15);
  expect(typeof t).toBe("function");
  expect(t).toBeInstanceOf(T.RandomRotation);
  expect(t.forward(torch.zeros([1, 2, 2])).shape).toEqual([1, 2, 2]);
  expect(t.degrees).toEqual([-15, 15]);
  const inspect = (t as unknown as Record<symbol, () => string>)[Symbol.for("nodejs.util.inspect.custom")]();
  expect(inspect).toBe(String(t));
});
