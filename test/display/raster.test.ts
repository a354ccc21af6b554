import { to_uint8, chw_to_pixels, upscale, apply_colormap, to_rgba } from "../../src/display/raster";

describe("to_uint8 rounds as torchvision's save_image", () => {
  test.each([
    [0, 0], [1, 255], [0.5, 128], [-3, 0], [7, 255], [NaN, 0],
    [0.5 / 255, 1], [0.4999 / 255, 0], [127.5 / 255, 128], [Math.fround(0.498), 127], [Math.fround(0.502), 128],
  ])("%p -> %p", (v, byte) => {
    expect(to_uint8(v)).toBe(byte);
  });
});

describe("pixels", () => {
  test("chw_to_pixels interleaves planes into HWC bytes", () => {
    const img = chw_to_pixels([0, 1, 0.5, 0, 1, 1], 3, 1, 2);
    // R plane [0, 1], G plane [0.5, 0], B plane [1, 1].
    expect([img.width, img.height, img.channels]).toEqual([2, 1, 3]);
    expect(Array.from(img.data)).toEqual([0, 128, 255, 255, 0, 255]);
  });
  test("chw_to_pixels refuses 5 channels with the shape", () => {
    expect(() => chw_to_pixels(new Float32Array(5), 5, 1, 1)).toThrow("with 5 channels as pixels (expected 1, 2, 3 or 4); shape [5, 1, 1]");
  });
  test("upscale makes blocks of each pixel (nearest neighbour)", () => {
    const img = upscale({ width: 2, height: 1, channels: 1, data: Uint8Array.from([10, 20]) }, 3);
    expect([img.width, img.height]).toEqual([6, 3]);
    expect(Array.from(img.data)).toEqual([10, 10, 10, 20, 20, 20, 10, 10, 10, 20, 20, 20, 10, 10, 10, 20, 20, 20]);
    expect(() => upscale(img, 1.5)).toThrow("scale must be a positive integer, got 1.5");
  });
  test("viridis runs from dark purple to yellow; gray passes through", () => {
    const gray = { width: 3, height: 1, channels: 1 as const, data: Uint8Array.from([0, 128, 255]) };
    const v = apply_colormap(gray, "viridis");
    expect(v.channels).toBe(3);
    expect(Array.from(v.data.subarray(0, 3))).toEqual([0x44, 0x01, 0x54]);
    expect(Array.from(v.data.subarray(6, 9))).toEqual([0xfd, 0xe7, 0x25]);
    expect(apply_colormap(gray, "gray")).toBe(gray);
    expect(() => apply_colormap(gray, "jet" as "gray")).toThrow("unknown cmap 'jet'");
    expect(() => apply_colormap(v, "magma")).toThrow("needs a one-channel image, got 3 channels");
  });
  test("to_rgba expands gray, keeps alpha", () => {
    expect(Array.from(to_rgba({ width: 1, height: 1, channels: 2, data: Uint8Array.from([9, 99]) }))).toEqual([9, 9, 9, 99]);
    expect(Array.from(to_rgba({ width: 1, height: 1, channels: 3, data: Uint8Array.from([1, 2, 3]) }))).toEqual([1, 2, 3, 255]);
  });
});
