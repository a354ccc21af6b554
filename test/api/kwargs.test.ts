/**
 * PyTorch's keyword arguments work everywhere: walks the exported API (torch.*, torch.nn.functional,
 * torchvision.transforms.functional, the torchvision.transforms constructors) against PyTorch's own
 * parameter names, recorded by test/reference/gen_kwargs.py in api_kwargs.json.
 */
import * as fs from "fs";
import * as path from "path";
import { torch, torchvision } from "../../src";
import * as NF from "../../src/nn/functional";
import type { Tensor } from "../../src/torch";
import { Image } from "../../src/torchvision/io";

const REF = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "reference", "api_kwargs.json"), "utf8")) as {
  signatures: Record<string, Record<string, [string, boolean][]>>;
  values: Record<string, number[] | { shape: number[]; data: number[] }>;
};
const TF = torchvision.transforms.functional as unknown as Record<string, (...args: unknown[]) => unknown>;
const T = torchvision.transforms as unknown as Record<string, new (...args: unknown[]) => object>;
type Fn = (...args: unknown[]) => unknown;

const exported = (ns: object): string[] =>
  Object.keys(ns).filter((k) => typeof (ns as Record<string, unknown>)[k] === "function" && /^[a-z]/.test(k));

/** Comparable form of a result: tensors and images as shape + values. */
function plain(x: unknown): unknown {
  if (x instanceof torch.Tensor) return { shape: x.shape, data: Array.from(x.dataSync()) };
  if (x instanceof Image) return { size: [x.width, x.height, x.channels], data: Array.from(x.data) };
  if (Array.isArray(x)) return x.map(plain);
  return x;
}

const seeded = (...shape: number[]): Tensor => torch.rand(shape, { generator: new torch.Generator().manual_seed(7) });
const img = (): Tensor => seeded(3, 5, 7);
const u8 = (): Tensor => seeded(3, 5, 7).mul(255).byte();

// ------------------------------------------------------------------ transforms.functional

/** Values for every PyTorch parameter after the image, in PyTorch's order (and the image to use). */
const FUNCTIONAL: Record<string, { args: () => unknown[]; input?: () => unknown }> = {
  adjust_brightness: { args: () => [1.5] },
  adjust_contrast: { args: () => [0.5] },
  adjust_gamma: { args: () => [0.8, 1.2] },
  adjust_hue: { args: () => [0.1] },
  adjust_saturation: { args: () => [0.3] },
  adjust_sharpness: { args: () => [2] },
  affine: { args: () => [15, [1, -1], 1.1, [5, 2], "bilinear", [0.1, 0.2, 0.3], [3, 2]] },
  center_crop: { args: () => [[3, 4]] },
  // float32 -> int32 is torchvision's "cannot be performed safely" RuntimeError; uint8 is the image dtype.
  convert_image_dtype: { args: () => ["uint8"] },
  crop: { args: () => [1, 2, 3, 4] },
  elastic_transform: { args: () => [seeded(1, 5, 7, 2).mul(0.2), "bilinear", 0.5] },
  erase: { args: () => [1, 1, 2, 3, 0.5, false] },
  five_crop: { args: () => [[3, 3]] },
  gaussian_blur: { args: () => [[3, 5], [1.0, 2.0]] },
  normalize: { args: () => [[0.5, 0.4, 0.3], [0.2, 0.3, 0.4], false] },
  pad: { args: () => [[1, 2], 0.5, "reflect"] },
  perspective: { args: () => [[[0, 0], [6, 0], [6, 4], [0, 4]], [[1, 0], [6, 1], [5, 4], [0, 3]], "bilinear", 0.2] },
  posterize: { args: () => [3], input: u8 },
  resize: { args: () => [[4, 6], "bicubic", null, true] },
  resized_crop: { args: () => [1, 1, 3, 4, [6, 8], "bilinear", false] },
  rgb_to_grayscale: { args: () => [3] },
  rotate: { args: () => [30, "bilinear", true, [2, 3], [0.1, 0.2, 0.3]] },
  solarize: { args: () => [0.5] },
  ten_crop: { args: () => [[3, 3], true] },
  to_grayscale: { args: () => [3] },
  to_pil_image: { args: () => ["RGB"] },
};

describe("transforms.functional: every parameter after the image also by keyword", () => {
  const sigs = REF.signatures["transforms.functional"];

  test("every exported function is torchvision's, and each one with parameters has a case here", () => {
    const ours = exported(TF).filter((n) => n !== "computeResizedOutputSize" && !n.startsWith("_"));
    expect(ours.filter((n) => !(n in sigs))).toEqual([]);
    expect(ours.filter((n) => sigs[n].length > 0 && !(n in FUNCTIONAL))).toEqual([]);
  });

  test.each(Object.keys(FUNCTIONAL))("%s: positional, all-keyword and every mixed form agree", (name) => {
    const { args: make, input = img } = FUNCTIONAL[name];
    const args = make();
    const names = REF.signatures["transforms.functional"][name].map(([n]) => n);
    expect(names.length).toBe(args.length);
    const f = TF[name];
    const expected = plain(f(input(), ...args));
    for (let k = 0; k < args.length; k++) {
      const kw = Object.fromEntries(names.slice(k).map((n, i) => [n, args[k + i]]));
      expect(plain(f(input(), ...args.slice(0, k), kw))).toEqual(expected);
    }
    expect(() => f(input(), ...args, { no_such_option: 1 })).toThrow(new RegExp(`${name}\\(\\) got an unexpected keyword argument 'no_such_option'`));
    if (!REF.signatures["transforms.functional"][name][0][1]) {
      expect(() => f(input(), {})).toThrow(new RegExp(`${name}\\(\\) missing required argument: '${names[0]}'`));
    }
  });

  test("the calls issue 11 quotes give torchvision 0.14's values", () => {
    const { shape, data } = REF.values.input as { shape: number[]; data: number[] };
    const x = () => torch.tensor(data).reshape(shape);
    const close = (t: unknown, want: number[]) => {
      const got = Array.from((t as Tensor).dataSync());
      expect(got.length).toBe(want.length);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
    };
    close(TF.rotate(x(), 30, { interpolation: "bilinear" }), REF.values.rotate as number[]);
    close(TF.resize(x(), 6, { antialias: false }), REF.values.resize as number[]);
    close(TF.pad(x(), 2, { padding_mode: "reflect" }), REF.values.pad as number[]);
  });
});

// ------------------------------------------------------------------ transforms constructors

const fn = (x: unknown) => x;
const CONSTRUCTORS: Record<string, () => unknown[]> = {
  AugMix: () => [2, 2, -1, 0.5, false, "bilinear"],
  AutoAugment: () => ["cifar10", "bilinear", 0.5],
  CenterCrop: () => [4],
  ColorJitter: () => [0.1, 0.2, 0.3, 0.1],
  Compose: () => [[fn]],
  ConvertImageDtype: () => ["uint8"],
  ElasticTransform: () => [40, 4, "nearest", 0.5],
  FiveCrop: () => [3],
  GaussianBlur: () => [3, [0.2, 1.5]],
  Grayscale: () => [3],
  Lambda: () => [fn],
  LinearTransformation: () => [torch.eye(4), torch.zeros(4)],
  Normalize: () => [[0.5], [0.25], true],
  Pad: () => [[1, 2], 3, "edge"],
  RandAugment: () => [3, 5, 21, "bilinear", 0.5],
  RandomAdjustSharpness: () => [2, 0.3],
  RandomAffine: () => [10, [0.1, 0.2], [0.9, 1.1], 5, "bilinear", 0.5, [2, 2]],
  RandomApply: () => [[fn], 0.3],
  RandomAutocontrast: () => [0.3],
  RandomChoice: () => [[fn, fn], [0.25, 0.75]],
  RandomCrop: () => [4, 1, true, 0.5, "reflect"],
  RandomEqualize: () => [0.3],
  RandomErasing: () => [0.3, [0.1, 0.2], [0.5, 2], 0.5, true],
  RandomGrayscale: () => [0.3],
  RandomHorizontalFlip: () => [0.3],
  RandomInvert: () => [0.3],
  RandomOrder: () => [[fn]],
  RandomPerspective: () => [0.3, 0.4, "nearest", 0.5],
  RandomPosterize: () => [3, 0.3],
  RandomResizedCrop: () => [8, [0.5, 1], [0.5, 2], "bicubic", true],
  RandomRotation: () => [20, "bilinear", true, [1, 2], 0.5],
  RandomSolarize: () => [0.4, 0.3],
  RandomVerticalFlip: () => [0.3],
  Resize: () => [6, "bicubic", 10, true],
  TenCrop: () => [3, true],
  ToPILImage: () => ["RGB"],
  TrivialAugmentWide: () => [11, "bilinear", 0.5],
};

/** What a constructed transform holds (its repr, plus the fields the repr leaves out). */
const state = (t: object) => [String(t), JSON.stringify(t, (_k, v) => (v instanceof torch.Tensor ? plain(v) : typeof v === "function" ? "<fn>" : v))];

describe("transforms constructors: every parameter also by keyword", () => {
  const sigs = REF.signatures.transforms;

  test("every exported transform is torchvision's, and each one with parameters has a case here", () => {
    const ours = Object.keys(T).filter((n) => typeof T[n] === "function" && /^[A-Z]/.test(n) && n in sigs);
    expect(ours.filter((n) => sigs[n].length > 0 && !(n in CONSTRUCTORS))).toEqual([]);
  });

  test.each(Object.keys(CONSTRUCTORS))("%s: positional, all-keyword and every mixed form agree", (name) => {
    const args = CONSTRUCTORS[name]();
    const names = REF.signatures.transforms[name].map(([n]) => n);
    const C = T[name];
    const expected = state(new C(...args));
    for (let k = 0; k < args.length; k++) {
      const kw = Object.fromEntries(names.slice(k, args.length).map((n, i) => [n, args[k + i]]));
      expect(state(new C(...args.slice(0, k), kw))).toEqual(expected);
    }
    expect(() => new C(...args, { no_such_option: 1 })).toThrow(/unexpected keyword argument 'no_such_option'/);
  });
});

// ------------------------------------------------------------------ torch.* and torch.nn.functional

const PROBE = "__torchlab_probe__";
/** First arguments to try, so a call gets as far as its argument parser. */
const CANDIDATES = (): unknown[][] => [
  [seeded(1, 1, 4, 4)], [seeded(1, 1, 4, 4), seeded(1, 1, 4, 4)], [[seeded(2, 2), seeded(2, 2)]], [2, 3], [seeded(2, 3), 1], [seeded(2, 3), 0, 1],
  [seeded(1, 1, 4, 4), seeded(1, 1, 3, 3)], [seeded(2, 3), torch.tensor([0, 1])], [seeded(3, 4), seeded(4, 2)], [seeded(4, 4), seeded(4)], [torch.tensor([0, 1, 2]), seeded(3, 2)],
  // three- and four-tensor losses (triplet, margin ranking, cosine embedding, gaussian nll, ctc); multi_head_attention_forward's 13 positionals
  [seeded(4, 3), seeded(4, 3), seeded(4, 3)], [seeded(4, 3), seeded(4, 3), seeded(4, 3), seeded(4, 3)], Array.from({ length: 13 }, () => seeded(2, 3)),
  // index_reduce(input, dim, index, source, reduce)
  [seeded(3, 2), 0, torch.tensor([0, 1, 0]), seeded(3, 2), "prod"],
];

function reachesParser(f: Fn, args: unknown[], extra: Record<string, unknown>): "ok" | string {
  try {
    f(...args, { ...extra, [PROBE]: 0 });
    return "no error";
  } catch (e) {
    const m = /unexpected keyword argument '([^']*)'/.exec((e as Error).message);
    return m ? (m[1] === PROBE ? "ok" : `rejected '${m[1]}'`) : `${(e as Error).name}: ${(e as Error).message.split("\n")[0]}`;
  }
}

/**
 * PyTorch keyword parameters (those with a default) that a torchlab function does not take yet. Empty
 * now: the test fails when a new one appears (add the keyword, not an entry here).
 */
const KNOWN_GAPS: Record<string, string> = {};

test("torch.* and torch.nn.functional: every PyTorch keyword parameter goes through the argument parser (known gaps listed)", () => {
  const gaps: Record<string, string> = {};
  for (const [ns, obj] of [["torch", torch], ["nn.functional", NF]] as const) {
    for (const name of exported(obj)) {
      const sig = REF.signatures[ns][name === "var_" ? "var" : name];
      if (!sig) continue;
      const keywords = sig.filter(([, hasDefault]) => hasDefault).map(([n]) => n);
      if (keywords.length === 0) continue;
      const f = (obj as unknown as Record<string, Fn>)[name];
      const args = CANDIDATES().find((c) => reachesParser(f, c, {}) === "ok");
      if (!args) {
        gaps[`${ns}.${name}`] = `takes no keyword arguments (PyTorch: ${keywords.join(", ")})`;
        continue;
      }
      const missing = keywords.filter((k) => reachesParser(f, args, { [k]: undefined }) !== "ok");
      if (missing.length) gaps[`${ns}.${name}`] = `does not take ${missing.join(", ")}`;
    }
  }
  expect(gaps).toEqual(KNOWN_GAPS);
});
