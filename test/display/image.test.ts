import { torch } from "../../src";
import { image_bundle, images_bundle, feature_map_bundle, auto_scale, to_png } from "../../src/display/image";
import * as displayEntry from "../../src/display";
import { decode_png, PixelImage } from "../../src/display/png";
import { to_uint8 } from "../../src/display/raster";
import { make_grid } from "../../src/torchvision/utils";

const png = (b: { "image/png": string }): PixelImage => decode_png(Buffer.from(b["image/png"], "base64"));
const px = (img: PixelImage, x: number, y: number): number[] => Array.from(img.data.subarray((y * img.width + x) * img.channels, (y * img.width + x + 1) * img.channels));

describe("display.image bundle", () => {
  test("a [3, H, W] image in [0, 1] at scale 1 is exactly its bytes", () => {
    const x = torch.rand(3, 4, 5);
    const img = png(image_bundle(x, { scale: 1 }));
    expect([img.width, img.height, img.channels]).toEqual([5, 4, 3]);
    const v = x.dataSync();
    for (let y = 0; y < 4; y++) for (let c = 0; c < 5; c++) expect(px(img, c, y)).toEqual([0, 1, 2].map((ch) => to_uint8(v[ch * 20 + y * 5 + c])));
  });

  test("a 28x28 gray image is magnified 10x with nearest neighbours into a gray PNG", () => {
    const x = torch.rand(1, 28, 28);
    const b = image_bundle(x);
    const img = png(b);
    expect([img.width, img.height, img.channels]).toEqual([280, 280, 1]);
    const v = x.dataSync();
    for (const [sx, sy] of [[0, 0], [27, 27], [13, 5]]) {
      for (let dy = 0; dy < 10; dy++) for (let dx = 0; dx < 10; dx++) expect(px(img, sx * 10 + dx, sy * 10 + dy)).toEqual([to_uint8(v[sy * 28 + sx])]);
    }
    expect(b["text/plain"]).toBe("<image [1, 28, 28], 280x280 PNG>");
  });

  test("a [H, W] tensor is a gray image; cmap colours it", () => {
    const img = png(image_bundle(torch.tensor([[0.0, 1.0], [0.5, 0.25]]), { scale: 1, cmap: "viridis" }));
    expect(img.channels).toBe(3);
    expect(px(img, 0, 0)).toEqual([0x44, 0x01, 0x54]);
    expect(px(img, 1, 0)).toEqual([0xfd, 0xe7, 0x25]);
  });

  test("a batch is laid out as make_grid lays it out", () => {
    const x = torch.rand(5, 3, 4, 4);
    const b = image_bundle(x, { nrow: 3, padding: 1, scale: 1 });
    const img = png(b);
    const grid = make_grid(x, { nrow: 3, padding: 1 });
    expect([img.height, img.width]).toEqual(grid.shape.slice(1));
    const g = grid.dataSync();
    const [, H, W] = grid.shape;
    for (let y = 0; y < H; y++) for (let c = 0; c < W; c++) expect(px(img, c, y)).toEqual([0, 1, 2].map((ch) => to_uint8(g[(ch * H + y) * W + c])));
    expect(b["text/plain"]).toBe("<5 images [3, 4, 4] in a 2x3 grid, 16x11 PNG>");
  });

  test("a list of images works like a batch", () => {
    const a = torch.rand(1, 6, 6);
    const img = png(image_bundle([a, a, a], { scale: 1, padding: 0 }));
    expect([img.width, img.height]).toEqual([18, 6]);
  });

  test("normalize 'auto': bytes / 255, out-of-range floats min-max, [0, 1] untouched", () => {
    const bytes = png(image_bundle(torch.tensor([[0, 51, 255]], { dtype: "int32" }), { scale: 1 }));
    expect(Array.from(bytes.data)).toEqual([0, 51, 255]);
    const b = image_bundle(torch.tensor([[-2.0, 0.0, 2.0]]), { scale: 1 });
    expect(Array.from(png(b).data)).toEqual([0, 128, 255]);
    expect(b["text/plain"]).toContain("values in [-2, 2], min-max normalised for display");
    const clamped = image_bundle(torch.tensor([[-2.0, 0.5, 2.0]]), { scale: 1, normalize: false });
    expect(Array.from(png(clamped).data)).toEqual([0, 128, 255]);
    expect(clamped["text/plain"]).toContain("clamped to [0, 1]");
    const forced = image_bundle(torch.tensor([[0.25, 0.5, 0.75]]), { scale: 1, normalize: true });
    expect(Array.from(png(forced).data)).toEqual([0, 128, 255]);
  });

  test("mean/std undo transforms.Normalize before showing", () => {
    // Normalize(mean=[0.5, 0.25, 0], std=[0.5, 0.25, 1]) of pixel (1, 0.5, 0.2) gives (1, 1, 0.2).
    const x = torch.tensor([[[1.0]], [[1.0]], [[0.2]]]);
    const b = image_bundle(x, { scale: 1, mean: [0.5, 0.25, 0], std: [0.5, 0.25, 1] });
    expect(Array.from(png(b).data)).toEqual([255, 128, 51]);
    expect(b["text/plain"]).toContain("mean/std undone");
    const gray = image_bundle(torch.tensor([[[-1.0, 1.0]]]), { scale: 1, mean: [0.5], std: [0.5] });
    expect(Array.from(png(gray).data)).toEqual([0, 255]);
    expect(() => image_bundle(x, { mean: [0.5, 0.5] })).toThrow("mean must list 1 or 3 numbers (one per channel), got [0.5,0.5]");
  });

  test("scale_each normalises each image of a batch by itself", () => {
    const x = torch.tensor([[[[0.0, 1.0]]], [[[10.0, 30.0]]]]);
    const img = png(image_bundle(x, { scale: 1, padding: 0, normalize: true, scale_each: true }));
    expect(Array.from(img.data)).toEqual([0, 255, 0, 255]);
  });

  test("a title adds a band of text above the picture", () => {
    const img = png(image_bundle(torch.rand(3, 100, 100), { title: "hello", scale: 1 }));
    expect([img.width, img.height, img.channels]).toEqual([100, 128, 3]);
    let dark = 0;
    for (let y = 0; y < 28; y++) for (let x = 0; x < 100; x++) if (px(img, x, y)[0] < 128) dark++;
    expect(dark).toBeGreaterThan(20);
  });

  test("auto scale: each image ~84 px and the picture ~256 px at least, big grids not blown up past ~1200 px", () => {
    expect(auto_scale(28, 28, 28)).toBe(10);
    expect(auto_scale(32, 32, 32)).toBe(8);
    expect(auto_scale(28, 28, 8 * 30 + 2)).toBe(3);
    expect(auto_scale(28, 28, 16 * 30 + 2)).toBe(2);
    expect(auto_scale(224, 224, 224)).toBe(2);
    expect(auto_scale(512, 512, 512)).toBe(1);
  });

  test("make_grid of 28x28 images (one 242 px picture) is magnified 2x with nearest neighbours, not shown tiny", () => {
    const batch = torch.rand(64, 1, 28, 28);
    const grid = make_grid(batch, { nrow: 8 });
    expect(grid.shape).toEqual([3, 242, 242]);
    const img = png(image_bundle(grid));
    expect([img.width, img.height]).toEqual([484, 484]);
    // Nearest neighbour: each source pixel becomes a 2x2 block of the same value.
    const v = grid.select(0, 0).tolist() as number[][];
    for (const [y, x] of [[2, 2], [100, 37], [241, 241]]) {
      const want = to_uint8(v[y][x]);
      for (const [dy, dx] of [[0, 0], [0, 1], [1, 0], [1, 1]]) expect(Math.abs(px(img, 2 * x + dx, 2 * y + dy)[0] - want)).toBeLessThanOrEqual(1);
    }
  });

  test("errors say what shape was expected, with a hint for channels-last data", () => {
    expect(() => image_bundle(torch.rand(28, 28, 3))).toThrow("got shape [28, 28, 3]; channels-last data needs x.permute(2, 0, 1) first");
    expect(() => image_bundle(torch.rand(2, 28, 28, 3))).toThrow("x.permute(0, 3, 1, 2)");
    expect(() => image_bundle(torch.rand(5))).toThrow("display.image(): expected an image [C, H, W] or [H, W] or a batch [B, C, H, W], got shape [5]");
    expect(() => image_bundle(torch.rand(1, 2, 3, 4, 5))).toThrow("got shape [1, 2, 3, 4, 5]");
    expect(() => image_bundle([])).toThrow("expected a Tensor or a non-empty list of Tensors");
    expect(() => image_bundle(torch.rand(3, 4, 4), { scale: 0 })).toThrow('scale must be "auto" or an integer from 1 to 64, got 0');
    expect(() => image_bundle(torch.rand(2, 3, 4, 4), { nrow: 0 })).toThrow("nrow must be a positive integer, got 0");
    expect(() => image_bundle([torch.rand(3, 2, 2), torch.rand(3, 2, 3)])).toThrow("all images must have the same shape, got [3, 2, 2] at 0 and [3, 2, 3] at 1");
  });
});

describe("display.images bundle (labelled grid)", () => {
  const classes = ["T-shirt/top", "Trouser", "Pullover"];

  test("class indices from a tensor become class names under each image", () => {
    const x = torch.rand(5, 1, 28, 28);
    const b = images_bundle(x, { labels: torch.tensor([0, 1, 2, 1, 0]), classes, nrow: 3 });
    const img = png(b);
    expect(b["text/plain"]).toBe("<5 images [1, 28, 28], 276x222 PNG>\nlabels: T-shirt/top, Trouser, Pullover, Trouser, T-shirt/top");
    // 3 columns of 84 px images with 6 px gaps; 2 rows of 84 px + an 18 px label line.
    expect([img.width, img.height]).toEqual([3 * 84 + 4 * 6, 2 * (84 + 18) + 3 * 6]);
    // The first image sits at (6, 6), magnified 3x.
    const v = x.dataSync();
    expect(px(img, 6 + 3 * 10, 6 + 3 * 7)[0]).toBe(to_uint8(v[7 * 28 + 10]));
    // Ink in the label strip under the first image, none under the empty sixth cell.
    const inkIn = (x0: number, y0: number, w: number, h: number): number => {
      let n = 0;
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (px(img, x, y)[0] < 150) n++;
      return n;
    };
    expect(inkIn(6, 6 + 84, 84, 18)).toBeGreaterThan(15);
    expect(inkIn(6 + 2 * 90, 6 + 102 + 6 + 84, 84, 18)).toBe(0);
  });

  test("string labels; a title; without labels it is the plain grid", () => {
    const x = torch.rand(2, 3, 10, 10);
    const b = images_bundle(x, { labels: ["cat", "dog"], title: "pets", scale: 2 });
    const img = png(b);
    expect([img.width, img.height]).toEqual([2 * 64 + 3 * 6, 28 + 20 + 18 + 2 * 6]);
    expect(b["text/plain"]).toContain("'pets'");
    expect(images_bundle(x, { scale: 1 })["text/plain"]).toBe(image_bundle(x, { scale: 1 })["text/plain"]);
  });

  test("max_images keeps the first images (and their labels) and says so", () => {
    const b = images_bundle(torch.rand(10, 1, 8, 8), { labels: [...Array(10).keys()], max_images: 4, scale: 1 });
    expect(b["text/plain"]).toContain("<4 images [1, 8, 8]");
    expect(b["text/plain"]).toContain("first 4 of 10 images");
    expect(b["text/plain"]).toContain("labels: 0, 1, 2, 3");
    expect(image_bundle(torch.rand(300, 1, 2, 2), { scale: 1 })["text/plain"]).toContain("256 images [1, 2, 2] in a 32x8 grid");
    expect(() => image_bundle(torch.rand(2, 1, 2, 2), { max_images: 0 })).toThrow("max_images must be a positive integer, got 0");
  });

  test("label errors", () => {
    const x = torch.rand(2, 1, 8, 8);
    expect(() => images_bundle(x, { labels: [1] })).toThrow("display.images(): 1 labels for 2 images");
    expect(() => images_bundle(x, { labels: [1, 2], titles: ["a", "b"] })).toThrow("give labels or titles, not both");
    expect(images_bundle(x, { titles: ["a", "b"] })["text/plain"]).toContain("labels: a, b");
    expect(() => images_bundle(x, { labels: [0, 3], classes })).toThrow("label 3 is not an index into the 3 classes");
  });
});

describe("feature maps bundle", () => {
  test("each channel is min-max normalised by itself; tiles in a square-ish grid", () => {
    const maps = torch.tensor([
      [[0, 1], [2, 3]],
      [[-5, -5], [-5, 5]],
      [[7, 7], [7, 7]],
      [[100, 0], [0, 0]],
    ]).float();
    const b = feature_map_bundle(maps, { scale: 1, cmap: "gray", padding: 1 });
    const img = png(b);
    expect([img.width, img.height]).toEqual([7, 7]);
    expect(img.channels).toBe(1);
    const tile = (k: number): number[] => {
      const ox = 1 + (k % 2) * 3;
      const oy = 1 + Math.floor(k / 2) * 3;
      return [px(img, ox, oy)[0], px(img, ox + 1, oy)[0], px(img, ox, oy + 1)[0], px(img, ox + 1, oy + 1)[0]];
    };
    expect(tile(0)).toEqual([0, 85, 170, 255]);
    expect(tile(1)).toEqual([0, 0, 0, 255]);
    expect(tile(2)).toEqual([0, 0, 0, 0]);
    expect(tile(3)).toEqual([255, 0, 0, 0]);
    expect(px(img, 0, 0)).toEqual([255]); // white padding
    expect(b["text/plain"]).toBe("<feature maps: 4 channels of 2x2, values in [-5, 100], 1 constant channel; each channel min-max normalised; 7x7 PNG>");
  });

  test("viridis by default; a batch shows sample `index`; max_channels caps the grid", () => {
    const maps = torch.rand(2, 10, 6, 6);
    const b = feature_map_bundle(maps, { index: 1, max_channels: 4, scale: 1 });
    const img = png(b);
    expect(img.channels).toBe(3);
    expect([img.width, img.height]).toEqual([2 * 7 + 1, 2 * 7 + 1]);
    expect(b["text/plain"]).toContain("4 of 10 channels of 6x6 (sample 1 of 2)");
  });

  test("errors", () => {
    expect(() => feature_map_bundle(torch.rand(2, 3, 4, 4), { index: 2 })).toThrow("index 2 is out of range for a batch of 2 (shape [2, 3, 4, 4])");
    expect(() => feature_map_bundle(torch.rand(4))).toThrow("expected feature maps [C, H, W] or [B, C, H, W], got shape [4]");
    expect(() => feature_map_bundle(torch.rand(3, 4, 4), { max_channels: 0 })).toThrow("max_channels must be a positive integer");
  });
});

describe("to_png", () => {
  test("[1, H, W] and [H, W] give a gray PNG with save_image's rounding; [3, H, W] RGB", () => {
    const g = torch.tensor([[[0.0, 0.5 / 255, 1.5]]]);
    for (const t of [g, g.squeeze(0)]) {
      const img = decode_png(to_png(t));
      expect([img.width, img.height, img.channels]).toEqual([3, 1, 1]);
      expect(Array.from(img.data)).toEqual([0, 1, 255]);
    }
    const rgb = torch.rand(3, 2, 2);
    const img = decode_png(displayEntry.to_png(rgb, { scale: 2 }));
    expect([img.width, img.height, img.channels]).toEqual([4, 4, 3]);
    expect(px(img, 3, 3)).toEqual([0, 1, 2].map((c) => to_uint8(rgb.dataSync()[c * 4 + 3])));
  });
  test("errors", () => {
    expect(() => to_png(torch.rand(2, 3, 4, 4))).toThrow("to_png(): expected an image [C, H, W] or [H, W], got shape [2, 3, 4, 4]");
    expect(() => to_png(torch.rand(5, 4, 4))).toThrow("an image needs 1 (gray), 3 (RGB) or 4 (RGBA) channels, got shape [5, 4, 4]");
    expect(() => to_png(torch.rand(3, 4, 4), { scale: 0.5 })).toThrow('scale must be "auto" or an integer');
  });
});
