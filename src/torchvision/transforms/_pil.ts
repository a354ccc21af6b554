/**
 * PIL's colour enhancements, for decoded Images: torchvision hands PIL images to PIL
 * (ImageEnhance.Brightness / Contrast / Color, and an HSV round trip for hue), whose 8-bit
 * arithmetic differs from the tensor formulas (by 1 level for the blends, more for hue).
 * Values follow Pillow's C code (libImaging/Blend.c, Convert.c) with float32 where it uses float.
 */
import { Raw } from "./_raw";

const f = Math.fround;
const clip8 = (v: number): number => (v <= 0 ? 0 : v >= 255 ? 255 : v);

/** PIL's 'L' conversion: (R * 19595 + G * 38470 + B * 7471 + 0x8000) >> 16. */
function luma(r: number, g: number, b: number): number {
  return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
}

/** ImagingBlend(im1, im2, alpha): im1 + alpha * (im2 - im1), float32, truncated and clipped. */
function blend(in1: number, in2: number, alpha: number): number {
  return Math.trunc(clip8(f(in1 + f(alpha * (in2 - in1)))));
}

function channels(r: Raw): { c: number; n: number; images: number } {
  const n = r.shape[r.shape.length - 2] * r.shape[r.shape.length - 1];
  const c = r.shape.length >= 3 ? r.shape[r.shape.length - 3] : 1;
  return { c, n, images: r.data.length / (c * n) };
}

function grayPlane(r: Raw, k: number): Uint8Array {
  const { c, n } = channels(r);
  const base = k * c * n;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = c === 1 ? r.data[base + i] : luma(r.data[base + i], r.data[base + n + i], r.data[base + 2 * n + i]);
  return out;
}

/** ImageEnhance.Brightness: blend with black. */
export function pilBrightness(r: Raw, factor: number): Raw {
  const a = f(factor);
  return { data: r.data.map((v) => blend(0, v, a)), shape: r.shape, int: true };
}

/** ImageEnhance.Contrast: blend with the rounded mean of the 'L' image. */
export function pilContrast(r: Raw, factor: number): Raw {
  const { c, n, images } = channels(r);
  const a = f(factor);
  const out = new Float32Array(r.data.length);
  for (let k = 0; k < images; k++) {
    const gray = grayPlane(r, k);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += gray[i];
    const mean = Math.trunc(sum / n + 0.5);
    for (let i = k * c * n; i < (k + 1) * c * n; i++) out[i] = blend(mean, r.data[i], a);
  }
  return { data: out, shape: r.shape, int: true };
}

/** ImageEnhance.Color: blend with the 'L' image. */
export function pilSaturation(r: Raw, factor: number): Raw {
  const { c, n, images } = channels(r);
  if (c === 1) return r;
  const a = f(factor);
  const out = new Float32Array(r.data.length);
  for (let k = 0; k < images; k++) {
    const gray = grayPlane(r, k);
    for (let ch = 0; ch < c; ch++) for (let i = 0; i < n; i++) out[(k * c + ch) * n + i] = blend(gray[i], r.data[(k * c + ch) * n + i], a);
  }
  return { data: out, shape: r.shape, int: true };
}

/** torchvision's PIL adjust_hue: to 8-bit HSV, add uint8(hue_factor * 255) to H (wrapping), back. */
export function pilHue(r: Raw, factor: number): Raw {
  const { c, n, images } = channels(r);
  if (c === 1) return r;
  // np.uint8 of a float truncates toward zero and wraps modulo 256.
  const shift = ((Math.trunc(factor * 255) % 256) + 256) % 256;
  const out = new Float32Array(r.data.length);
  for (let k = 0; k < images; k++) {
    const base = k * 3 * n;
    for (let i = 0; i < n; i++) {
      const R = r.data[base + i];
      const G = r.data[base + n + i];
      const B = r.data[base + 2 * n + i];
      // rgb2hsv_row
      const maxc = Math.max(R, G, B);
      const minc = Math.min(R, G, B);
      let uh = 0;
      let us = 0;
      if (maxc !== minc) {
        const cr = f(maxc - minc);
        const s = f(cr / maxc);
        const rc = f(f(maxc - R) / cr);
        const gc = f(f(maxc - G) / cr);
        const bc = f(f(maxc - B) / cr);
        let h = R === maxc ? f(bc - gc) : G === maxc ? f(2 + rc - bc) : f(4 + gc - rc);
        h = f((h / 6 + 1) % 1);
        uh = clip8(Math.trunc(h * 255));
        us = clip8(Math.trunc(s * 255));
      }
      const v = maxc;
      const hh = (uh + shift) % 256;
      // hsv2rgb
      let rgb: number[];
      if (us === 0) rgb = [v, v, v];
      else {
        const sector = Math.floor((hh * 6) / 255);
        const fr = f((hh * 6) / 255 - sector);
        const fs = f(us / 255);
        // C's round() on non-negative values: half away from zero, as Math.round there.
        const round = (x: number): number => clip8(Math.round(x));
        const p = round(v * (1 - fs));
        const q = round(v * (1 - fs * fr));
        const t = round(v * (1 - fs * (1 - fr)));
        rgb = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][sector % 6];
      }
      for (let ch = 0; ch < 3; ch++) out[base + ch * n + i] = rgb[ch];
    }
  }
  return { data: out, shape: r.shape, int: true };
}
