/**
 * From tensor values to pixels: torchvision's rounding, channel layouts, nearest-neighbour
 * upscaling and colour maps. Pure functions on typed arrays; no tensors, no canvas.
 */
import { ValueError } from "../errors";
import type { PixelImage } from "./png";

/**
 * A [0, 1] value as a byte, rounded as torchvision's save_image does in float32:
 * `mul(255).add_(0.5).clamp_(0, 255).to(torch.uint8)` (NaN becomes 0).
 */
export function to_uint8(v: number): number {
  const x = Math.fround(Math.fround(v * 255) + 0.5);
  if (!(x > 0)) return 0;
  return x >= 255 ? 255 : Math.trunc(x);
}

/**
 * One [C, H, W] image of [0, 1] floats (read from `values` at `offset`) as pixels. C is 1 (gray),
 * 2 (gray+alpha), 3 (RGB) or 4 (RGBA).
 */
export function chw_to_pixels(values: ArrayLike<number>, C: number, H: number, W: number, offset = 0): PixelImage {
  if (C < 1 || C > 4) throw new ValueError(`cannot show an image with ${C} channels as pixels (expected 1, 2, 3 or 4); shape [${C}, ${H}, ${W}]`);
  const data = new Uint8Array(H * W * C);
  const plane = H * W;
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < plane; p++) data[p * C + c] = to_uint8(values[offset + c * plane + p]);
  }
  return { width: W, height: H, channels: C as 1 | 2 | 3 | 4, data };
}

/** Each pixel becomes a `factor` x `factor` block: small images stay crisp instead of blurred. */
export function upscale(image: PixelImage, factor: number): PixelImage {
  if (!Number.isInteger(factor) || factor < 1) throw new ValueError(`scale must be a positive integer, got ${factor}`);
  if (factor === 1) return image;
  const { width, height, channels, data } = image;
  const W = width * factor;
  const out = new Uint8Array(W * height * factor * channels);
  for (let y = 0; y < height; y++) {
    const row = new Uint8Array(W * channels);
    for (let x = 0; x < width; x++) {
      const src = data.subarray((y * width + x) * channels, (y * width + x + 1) * channels);
      for (let k = 0; k < factor; k++) row.set(src, (x * factor + k) * channels);
    }
    for (let k = 0; k < factor; k++) out.set(row, (y * factor + k) * W * channels);
  }
  return { width: W, height: height * factor, channels, data: out };
}

/** The colour maps feature maps can be drawn with; "gray" keeps one channel. */
export type ColorMap = "gray" | "viridis" | "magma" | "coolwarm" | "bwr";

// Nine evenly spaced samples of matplotlib's maps, linearly interpolated: indistinguishable by eye.
const STOPS: Record<Exclude<ColorMap, "gray">, string[]> = {
  viridis: ["440154", "472d7b", "3b528b", "2c728e", "21918c", "28ae80", "5ec962", "addc30", "fde725"],
  magma: ["000004", "1c1044", "4f127b", "812581", "b5367a", "e55064", "fb8861", "fec287", "fcfdbf"],
  // Diverging maps: 0.5 (a zero weight, once centred) is the neutral middle.
  coolwarm: ["3b4cc0", "6282ea", "8db0fe", "b8d0f9", "dddddd", "f5c4ad", "f49a7b", "e36a53", "b40426"],
  bwr: ["0000ff", "4040ff", "8080ff", "c0c0ff", "ffffff", "ffc0c0", "ff8080", "ff4040", "ff0000"],
};

function lookupTable(map: Exclude<ColorMap, "gray">): Uint8Array {
  const stops = STOPS[map].map((h) => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)));
  const lut = new Uint8Array(256 * 3);
  for (let v = 0; v < 256; v++) {
    const t = (v / 255) * (stops.length - 1);
    const i = Math.min(Math.floor(t), stops.length - 2);
    const f = t - i;
    for (let c = 0; c < 3; c++) lut[v * 3 + c] = Math.round(stops[i][c] * (1 - f) + stops[i + 1][c] * f);
  }
  return lut;
}

const LUTS = new Map<string, Uint8Array>();

/** A gray image through a colour map (RGB out); "gray" returns it unchanged. */
export function apply_colormap(image: PixelImage, map: ColorMap): PixelImage {
  if (map === "gray") return image;
  if (!(map in STOPS)) throw new ValueError(`unknown cmap '${String(map)}' (expected one of gray, ${Object.keys(STOPS).join(", ")})`);
  if (image.channels !== 1) throw new ValueError(`cmap '${map}' needs a one-channel image, got ${image.channels} channels`);
  let lut = LUTS.get(map);
  if (lut === undefined) {
    lut = lookupTable(map);
    LUTS.set(map, lut);
  }
  const n = image.width * image.height;
  const data = new Uint8Array(n * 3);
  for (let p = 0; p < n; p++) data.set(lut.subarray(image.data[p] * 3, image.data[p] * 3 + 3), p * 3);
  return { width: image.width, height: image.height, channels: 3, data };
}

/** The same pixels as RGBA (what a canvas takes). */
export function to_rgba(image: PixelImage): Uint8ClampedArray {
  const { width, height, channels, data } = image;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const gray = channels <= 2;
    out[p * 4] = data[s];
    out[p * 4 + 1] = gray ? data[s] : data[s + 1];
    out[p * 4 + 2] = gray ? data[s] : data[s + 2];
    out[p * 4 + 3] = channels === 2 ? data[s + 1] : channels === 4 ? data[s + 3] : 255;
  }
  return out;
}
