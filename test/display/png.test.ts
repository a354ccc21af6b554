import { createCanvas, Image } from "@napi-rs/canvas";
import { encode_png, decode_png, PixelImage } from "../../src/display/png";

function pseudoRandom(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** Decodes with Skia (an independent decoder) into RGBA. */
function skiaDecode(png: Buffer): { width: number; height: number; rgba: Uint8ClampedArray } {
  const img = new Image();
  img.src = png;
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, rgba: ctx.getImageData(0, 0, img.width, img.height).data };
}

describe("encode_png / decode_png", () => {
  test.each([1, 2, 3, 4] as const)("channels=%d round trip, noise and smooth rows (all filters)", (channels) => {
    const width = 37;
    const height = 23;
    const data = new Uint8Array(width * height * channels);
    data.set(pseudoRandom(data.length / 2, channels));
    for (let i = data.length / 2; i < data.length; i++) data[i] = (i * 7) & 0xff;
    const image: PixelImage = { width, height, channels, data };
    const png = encode_png(image);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const back = decode_png(png);
    expect(back.width).toBe(width);
    expect(back.height).toBe(height);
    expect(back.channels).toBe(channels);
    expect(Buffer.from(back.data).equals(Buffer.from(data))).toBe(true);
  });

  test("an independent decoder (Skia) reads the same RGB pixels", () => {
    const width = 19;
    const height = 11;
    const data = pseudoRandom(width * height * 3, 7);
    const skia = skiaDecode(encode_png({ width, height, channels: 3, data }));
    expect([skia.width, skia.height]).toEqual([width, height]);
    for (let p = 0; p < width * height; p++) {
      expect([skia.rgba[p * 4], skia.rgba[p * 4 + 1], skia.rgba[p * 4 + 2], skia.rgba[p * 4 + 3]]).toEqual([data[p * 3], data[p * 3 + 1], data[p * 3 + 2], 255]);
    }
  });

  test("a gray PNG is read by Skia as equal R, G and B", () => {
    const data = Uint8Array.from([0, 64, 128, 255, 1, 254]);
    const skia = skiaDecode(encode_png({ width: 3, height: 2, channels: 1, data }));
    expect(Array.from(skia.rgba)).toEqual(Array.from(data).flatMap((v) => [v, v, v, 255]));
  });

  test("flat images compress well (the padding of grids)", () => {
    const png = encode_png({ width: 200, height: 200, channels: 3, data: new Uint8Array(200 * 200 * 3).fill(9) });
    expect(png.length).toBeLessThan(1000);
  });

  test("errors name the problem", () => {
    expect(() => encode_png({ width: 2, height: 2, channels: 3, data: new Uint8Array(11) })).toThrow("11 bytes do not fill 2x2x3");
    expect(() => encode_png({ width: 0, height: 2, channels: 3, data: new Uint8Array(0) })).toThrow("width and height must be positive integers, got 0x2");
    expect(() => encode_png({ width: 1, height: 1, channels: 5 as 4, data: new Uint8Array(5) })).toThrow("channels must be 1, 2, 3 or 4, got 5");
    expect(() => decode_png(Buffer.from("GIF89a..."))).toThrow("not a PNG file");
  });

  test("decode_png refuses what it cannot read, by field", () => {
    const png = encode_png({ width: 1, height: 1, channels: 3, data: new Uint8Array(3) });
    const sixteen = Buffer.from(png);
    sixteen[8 + 8 + 8] = 16; // IHDR bit depth
    expect(() => decode_png(sixteen)).toThrow("bit depth 16 is not supported");
    const palette = Buffer.from(png);
    palette[8 + 8 + 9] = 3; // IHDR color type
    expect(() => decode_png(palette)).toThrow("color type 3 is not supported");
  });
});
