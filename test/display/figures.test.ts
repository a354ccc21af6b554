import { torch, display } from "../../src";
import { filters_bundle, compare_bundle, augmentations_bundle } from "../../src/display/figures";
import { decode_png, PixelImage } from "../../src/display/png";
import { recordDisplays } from "./helpers";

const { nn } = torch;
const sink = recordDisplays();
const png = (b: { "image/png": string }): PixelImage => decode_png(Buffer.from(b["image/png"], "base64"));
/** A weight of `shape`, zero but for whole [kH, kW] planes (filter, channel) set to a value. */
function weight(shape: number[], planes: [number, number, number][]): InstanceType<typeof torch.Tensor> {
  const [, I, kh, kw] = shape;
  const v = new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(0);
  for (const [f, c, value] of planes) v.fill(value, (f * I + c) * kh * kw, (f * I + c + 1) * kh * kw);
  return torch.tensor(v).reshape(shape);
}
const px = (img: PixelImage, x: number, y: number): number[] => Array.from(img.data.subarray((y * img.width + x) * img.channels, (y * img.width + x + 1) * img.channels));

describe("display.filters", () => {
  test("conv.weight [16, 3, 3, 3] as 16 RGB tiles: a filter that is all red draws red", () => {
    const w = weight([16, 3, 3, 3], [[0, 0, 1], [1, 2, 1]]);
    const b = filters_bundle(w, { title: "w" });
    const img = png(b);
    expect(b["text/plain"]).toBe(`<16 filters 3x3 of weight [16, 3, 3, 3], values in [0, 1]; each filter min-max normalised to RGB; ${img.width}x${img.height} PNG>`);
    // 8 tiles a row, 6 px apart, each 3 px magnified by ceil(64 / 3) = 22; below a 28 px title band.
    expect(img.width).toBe(8 * (66 + 6) + 6);
    expect(px(img, 6 + 33, 28 + 6 + 33)).toEqual([255, 0, 0]);
    expect(px(img, 6 + 72 + 33, 28 + 6 + 33)).toEqual([0, 0, 255]);
  });

  test("per channel: a block per filter, zero white, positive red, negative blue; a conv layer works too", () => {
    const conv = new nn.Conv2d(2, 4, 3, { bias: false });
    torch.no_grad(() => conv.weight.copy_(weight([4, 2, 3, 3], [[0, 0, 1], [0, 1, -1]])));
    const b = filters_bundle(conv, { mode: "channels", title: "c" });
    const img = png(b);
    expect(b["text/plain"]).toContain("4 filters 3x3 of Conv2d.weight [4, 2, 3, 3]");
    expect(b["text/plain"]).toContain("rows: filters, columns: input channels; bwr centred on 0, ±1");
    const s = 20; // ceil(60 / 3)
    const top = 28 + 20 + 8 + 1; // title, channel headers, block gap, tile gap
    expect(px(img, 8 + 1 + s, top + s)).toEqual([255, 0, 0]);
    expect(px(img, 8 + 1 + 3 * s + 1 + s, top + s)).toEqual([0, 0, 255]);
    const nextBlock = 8 + 2 * (3 * s + 1) + 1 + 8;
    for (const c of px(img, nextBlock + 1 + s, top + s)) expect(c).toBeGreaterThanOrEqual(250);
    display.filters(conv);
    expect(sink.sent[0].message.data["text/plain"]).toContain("rows: filters");
  });

  test("errors", () => {
    expect(() => filters_bundle(torch.rand(3, 3))).toThrow("display.filters(): expected a conv weight [out_channels, in_channels, kH, kW], got shape [3, 3]");
    expect(() => filters_bundle(torch.rand(4, 1, 3, 3), { mode: "rgb" })).toThrow('mode "rgb" needs 3 input channels, the weight has shape [4, 1, 3, 3]; use mode "channels"');
    expect(() => filters_bundle(new nn.ReLU())).toThrow("expected a conv weight [out, in, kH, kW] or a conv layer with a .weight");
  });
});

describe("display.compare and display.augmentations", () => {
  test("rows of images, a named column per version, sizes may differ", () => {
    const x = torch.rand(3, 1, 28, 28);
    const b = compare_bundle({ original: x, flipped: x.flip(3), crop: [0, 1, 2].map((i) => x.select(0, i).narrow(1, 0, i === 2 ? 14 : 20)) });
    const img = png(b);
    expect(b["text/plain"]).toBe(`<3 images in 3 columns (original, flipped, crop), ${img.width}x${img.height} PNG>`);
    // 28 px images magnified 3x: 84 px cells, 4 px apart, under a 20 px header.
    expect([img.width, img.height]).toEqual([3 * 88 + 4, 20 + 3 * 88 + 4]);
    const v = x.select(0, 0).select(0, 0).select(0, 0).tolist() as number[];
    expect(Math.abs(px(img, 4 + 1, 24 + 1)[0] - Math.round(v[0] * 255))).toBeLessThanOrEqual(1);
    expect(Math.abs(px(img, 88 + 4 + 83, 24 + 1)[0] - Math.round(v[0] * 255))).toBeLessThanOrEqual(1);
    expect(() => compare_bundle({ a: x, b: x.narrow(0, 0, 2) })).toThrow("column 'b' has 2 images but 'a' has 3");
  });

  test("augmentations run the transform anew for every copy", () => {
    let calls = 0;
    const b = augmentations_bundle(torch.rand(4, 3, 16, 16), (img) => (calls++, img.flip(2)), { copies: 3 });
    expect(calls).toBe(12);
    expect(b["text/plain"]).toContain("4 images in 4 columns (original, augmented 1, augmented 2, augmented 3)");
    display.augmentations(torch.rand(2, 1, 8, 8), (img) => img, { copies: 1 });
    expect(sink.sent).toHaveLength(1);
    expect(() => augmentations_bundle(torch.rand(2, 1, 8, 8), () => 3)).toThrow("the transform gave number for image 0, not a Tensor");
    expect(() => augmentations_bundle(torch.rand(2, 1, 8, 8), (i) => i, { copies: 0 })).toThrow("copies must be an integer from 1 to 32, got 0");
  });
});

describe("display.feature_maps on a bare layer", () => {
  test("new nn.Conv2d(1, 4, { kernel_size: 3 }) shows its own 4 maps", () => {
    display.feature_maps(new nn.Conv2d(1, 4, { kernel_size: 3 }), torch.rand(1, 1, 28, 28));
    expect(sink.sent).toHaveLength(1);
    expect(sink.sent[0].message.data["text/plain"]).toMatch(/^<feature maps 'Conv2d: \[4, 26, 26\]': 4 channels of 26x26 \(sample 0 of 1\)/);
  });
});
