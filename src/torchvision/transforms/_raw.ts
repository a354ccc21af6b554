/**
 * The JS kernels behind transforms.functional for decoded images and for tensors that need no
 * gradient. Values are held as planes of float32 numbers ([..., H, W], row-major) and every
 * arithmetic step is rounded with Math.fround, as the float32 tensor ops round it, so results match
 * torchvision's tensor path value for value. `int` marks 8-bit images: resampled values round back
 * half to even (torchvision's round-then-cast), colour results truncate (its `.to(uint8)`).
 */
import { Tensor, DType } from "../../tensor/tensor";
import * as D from "../../tensor/dtype";
import { from_typed } from "../../ops/creation";
import { Image, modeFor } from "../io";
import { nearbyint } from "./_sampling";

/** Image values as float32 planes; JS kernels avoid a round of backend ops per pixel operation. */
export interface Raw {
  data: Float32Array;
  shape: number[];
  int: boolean;
}
export type RawFn = (r: Raw) => Raw;

export const planesOf = (r: Raw): number => r.data.length / (r.shape[r.shape.length - 2] * r.shape[r.shape.length - 1]);

export function imageToRaw(img: Image): Raw {
  const c = img.channels;
  const n = img.width * img.height;
  const data = new Float32Array(n * c);
  for (let ch = 0; ch < c; ch++) for (let i = 0; i < n; i++) data[ch * n + i] = img.data[i * c + ch];
  return { data, shape: [c, img.height, img.width], int: true };
}

export function rawToImage(r: Raw): Image {
  const [c, h, w] = r.shape.length === 2 ? [1, ...r.shape] : r.shape;
  const n = h * w;
  const out = new Uint8Array(n * c);
  for (let ch = 0; ch < c; ch++) for (let i = 0; i < n; i++) out[i * c + ch] = Math.min(255, Math.max(0, nearbyint(r.data[ch * n + i])));
  return new Image(out, w, h, modeFor(c));
}

export function tensorToRaw(t: Tensor): Raw {
  const v = t.dataSync();
  return { data: v instanceof Float32Array ? v : Float32Array.from(v), shape: t.shape, int: t.dtype._tf !== "float32" };
}

/** The tensor of a Raw; an integer one takes `dtype` (the input image's: uint8 for decoded images). */
export function rawToTensor(r: Raw, dtype: DType = D.uint8): Tensor {
  if (!r.int) return from_typed(r.data, r.shape);
  const ints = new Int32Array(r.data.length);
  for (let i = 0; i < ints.length; i++) ints[i] = nearbyint(r.data[i]);
  return from_typed(ints, r.shape, { dtype });
}

/** out[..., i, j] = in[..., rows[i], cols[j]], or the channel's fill where an index is -1. */
export function remapRaw(r: Raw, rows: Int32Array, cols: Int32Array, fill: number[]): Raw {
  const H = r.shape[r.shape.length - 2];
  const W = r.shape[r.shape.length - 1];
  const planes = planesOf(r);
  const c = r.shape.length >= 3 ? r.shape[r.shape.length - 3] : 1;
  const oh = rows.length;
  const ow = cols.length;
  const out = new Float32Array(planes * oh * ow);
  for (let p = 0; p < planes; p++) {
    const fv = fill.length === 1 ? fill[0] : fill[p % c];
    for (let i = 0; i < oh; i++) {
      const ri = rows[i];
      for (let j = 0; j < ow; j++) {
        const cj = cols[j];
        out[(p * oh + i) * ow + j] = ri < 0 || cj < 0 ? fv : r.data[(p * H + ri) * W + cj];
      }
    }
  }
  return { data: out, shape: [...r.shape.slice(0, -2), oh, ow], int: r.int };
}

/** Source positions along one axis for crop(start, length): -1 outside [0, n). */
export function cropIndices(n: number, start: number, length: number): Int32Array {
  const out = new Int32Array(length);
  for (let o = 0; o < length; o++) out[o] = start + o >= 0 && start + o < n ? start + o : -1;
  return out;
}

// JS colour kernels: torchvision's tensor formulas with float32 rounding after each operation.
// Integer (uint8) results are truncated, as torchvision's `.to(img.dtype)` truncates.
const f32 = Math.fround;

/** Channels and pixels per image of a [..., C, H, W] raw image. */
function dims(r: Raw): { c: number; n: number; images: number } {
  const n = r.shape[r.shape.length - 2] * r.shape[r.shape.length - 1];
  const c = r.shape.length >= 3 ? r.shape[r.shape.length - 3] : 1;
  return { c, n, images: r.data.length / (c * n) };
}

/** torchvision's _blend: (ratio * x1 + (1 - ratio) * x2).clamp(0, bound).to(x1.dtype); x2 per element index. */
function blendRaw(r: Raw, other: (i: number) => number, ratio: number): Raw {
  const bound = r.int ? 255 : 1;
  const a = f32(ratio);
  const b = f32(1 - ratio);
  const out = new Float32Array(r.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = Math.min(Math.max(f32(f32(a * r.data[i]) + f32(b * other(i))), 0), bound);
    out[i] = r.int ? Math.trunc(v) : v;
  }
  return { data: out, shape: r.shape, int: r.int };
}

/** Gray level per pixel of each image (one plane per image), truncated for integer images. */
function grayRaw(r: Raw): Float32Array {
  const { c, n, images } = dims(r);
  const out = new Float32Array(images * n);
  for (let k = 0; k < images; k++) {
    const base = k * c * n;
    for (let i = 0; i < n; i++) {
      if (c === 1) {
        out[k * n + i] = r.data[base + i];
        continue;
      }
      const l = f32(f32(f32(0.2989 * r.data[base + i]) + f32(0.587 * r.data[base + n + i])) + f32(0.114 * r.data[base + 2 * n + i]));
      out[k * n + i] = r.int ? Math.trunc(l) : l;
    }
  }
  return out;
}

export function brightnessRaw(r: Raw, factor: number): Raw {
  return blendRaw(r, () => 0, factor);
}

export function contrastRaw(r: Raw, factor: number): Raw {
  const { c, n } = dims(r);
  const gray = grayRaw(r);
  const means = new Float32Array(gray.length / n);
  for (let k = 0; k < means.length; k++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += gray[k * n + i];
    means[k] = f32(sum / n);
  }
  return blendRaw(r, (i) => means[Math.floor(i / (c * n))], factor);
}

export function saturationRaw(r: Raw, factor: number): Raw {
  const { c, n } = dims(r);
  if (c === 1) return r;
  const gray = grayRaw(r);
  return blendRaw(r, (i) => gray[Math.floor(i / (c * n)) * n + (i % n)], factor);
}

export function hueRaw(r: Raw, factor: number): Raw {
  const { c, n, images } = dims(r);
  if (c === 1) return r;
  const out = new Float32Array(r.data.length);
  for (let k = 0; k < images; k++) {
    const base = k * 3 * n;
    for (let i = 0; i < n; i++) {
      let red = r.data[base + i];
      let grn = r.data[base + n + i];
      let blu = r.data[base + 2 * n + i];
      if (r.int) [red, grn, blu] = [f32(red / 255), f32(grn / 255), f32(blu / 255)];
      // _rgb2hsv
      const maxc = Math.max(red, grn, blu);
      const minc = Math.min(red, grn, blu);
      const eqc = maxc === minc;
      const cr = f32(maxc - minc);
      const s = f32(cr / (eqc ? 1 : maxc));
      const crd = eqc ? 1 : cr;
      const rc = f32(f32(maxc - red) / crd);
      const gc = f32(f32(maxc - grn) / crd);
      const bc = f32(f32(maxc - blu) / crd);
      let h: number;
      if (maxc === red) h = f32(bc - gc);
      else if (maxc === grn) h = f32(f32(2 + rc) - bc);
      else h = f32(f32(4 + gc) - rc);
      h = f32(f32(h / 6) + 1) % 1;
      // (h + hue_factor) % 1.0, then _hsv2rgb
      const hs = f32(h + factor);
      const hh = f32(hs - Math.floor(hs));
      const h6 = f32(hh * 6);
      const fl = Math.floor(h6);
      const fr = f32(h6 - fl);
      const sector = ((fl % 6) + 6) % 6;
      const v = maxc;
      const clamp01 = (x: number): number => Math.min(Math.max(x, 0), 1);
      const p = clamp01(f32(v * f32(1 - s)));
      const q = clamp01(f32(v * f32(1 - f32(s * fr))));
      const t = clamp01(f32(v * f32(1 - f32(s * f32(1 - fr)))));
      const rgb = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][sector];
      for (let ch = 0; ch < 3; ch++) out[base + ch * n + i] = r.int ? Math.trunc(f32(rgb[ch] * 255)) : rgb[ch];
    }
  }
  return { data: out, shape: r.shape, int: r.int };
}
