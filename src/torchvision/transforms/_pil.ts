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

const COORD = (v: number): number => (v < 0 ? -1 : Math.trunc(v));
const FLOOR = (v: number): number => Math.floor(v);

/**
 * Pillow's Image.transform(AFFINE) of 8-bit planes: `a` maps output to input pixel coordinates
 * (origin at the top-left corner). NEAREST runs Pillow's 16.16 fixed-point loop (or its scaling
 * loop when the matrix has no rotation); BILINEAR/BICUBIC sample at pixel centres with edge
 * clamping, truncate to 8 bits, and leave pixels whose centre maps outside the image at `fill`.
 */
function filled(r: Raw, ow: number, oh: number, fill: number[]): Float32Array {
  const { c, images } = channels(r);
  const out = new Float32Array(c * images * oh * ow);
  for (let p = 0; p < c * images; p++) out.fill(fill.length === 1 ? fill[0] : fill[p % c], p * oh * ow, (p + 1) * oh * ow);
  return out;
}

/** Pillow's Image.transform(PERSPECTIVE) with torchvision's 8 coefficients (output -> input). */
export function pilPerspective(r: Raw, a: number[], mode: "nearest" | "bilinear" | "bicubic", fill: number[]): Raw {
  const H = r.shape[r.shape.length - 2];
  const W = r.shape[r.shape.length - 1];
  return genericTransform(r, filled(r, W, H, fill), W, H, mode, (x, y) => {
    const xi = x + 0.5;
    const yi = y + 0.5;
    const den = a[6] * xi + a[7] * yi + 1;
    return [(a[0] * xi + a[1] * yi + a[2]) / den, (a[3] * xi + a[4] * yi + a[5]) / den];
  });
}

export function pilAffine(r: Raw, a: number[], ow: number, oh: number, mode: "nearest" | "bilinear" | "bicubic", fill: number[]): Raw {
  const H = r.shape[r.shape.length - 2];
  const W = r.shape[r.shape.length - 1];
  const planes = r.data.length / (H * W);
  const out = filled(r, ow, oh, fill);
  const src = (p: number, y: number, x: number): number => r.data[(p * H + y) * W + x];
  const put = (x: number, y: number, value: (p: number) => number): void => {
    for (let p = 0; p < planes; p++) out[(p * oh + y) * ow + x] = value(p);
  };
  if (mode === "nearest") {
    if (a[1] === 0 && a[3] === 0) {
      // ImagingScaleAffine: positions accumulated in double from the first pixel centre.
      const xin: number[] = [];
      let xo = a[2] + a[0] * 0.5;
      for (let x = 0; x < ow; x++, xo += a[0]) xin.push(COORD(xo));
      let yo = a[5] + a[4] * 0.5;
      for (let y = 0; y < oh; y++, yo += a[4]) {
        const yi = COORD(yo);
        if (yi < 0 || yi >= H) continue;
        for (let x = 0; x < ow; x++) if (xin[x] >= 0 && xin[x] < W) put(x, y, (p) => src(p, yi, xin[x]));
      }
    } else {
      const fix = (v: number): number => FLOOR(v * 65536 + 0.5);
      const [a0, a1, a3, a4] = [fix(a[0]), fix(a[1]), fix(a[3]), fix(a[4])];
      let a2 = fix(a[2] + a[0] * 0.5 + a[1] * 0.5);
      let a5 = fix(a[5] + a[3] * 0.5 + a[4] * 0.5);
      for (let y = 0; y < oh; y++, a2 += a1, a5 += a4) {
        let xx = a2;
        let yy = a5;
        for (let x = 0; x < ow; x++, xx += a0, yy += a3) {
          const xi = xx >> 16;
          const yi = yy >> 16;
          if (xi >= 0 && xi < W && yi >= 0 && yi < H) put(x, y, (p) => src(p, yi, xi));
        }
      }
    }
    return { data: out, shape: [...r.shape.slice(0, -2), oh, ow], int: true };
  }
  return genericTransform(r, out, ow, oh, mode, (x, y) => [a[0] * (x + 0.5) + a[1] * (y + 0.5) + a[2], a[3] * (x + 0.5) + a[4] * (y + 0.5) + a[5]]);
}

/**
 * Pillow's ImagingGenericTransform: each output pixel centre mapped through `map`, then sampled
 * by the nearest, bilinear or bicubic filter; pixels mapped outside keep the fill already in `out`.
 */
function genericTransform(r: Raw, out: Float32Array, ow: number, oh: number, mode: "nearest" | "bilinear" | "bicubic", map: (x: number, y: number) => [number, number]): Raw {
  const H = r.shape[r.shape.length - 2];
  const W = r.shape[r.shape.length - 1];
  const planes = r.data.length / (H * W);
  const src = (p: number, y: number, x: number): number => r.data[(p * H + y) * W + x];
  const put = (x: number, y: number, value: (p: number) => number): void => {
    for (let p = 0; p < planes; p++) out[(p * oh + y) * ow + x] = value(p);
  };
  const xclip = (x: number): number => (x < 0 ? 0 : x < W ? x : W - 1);
  const yclip = (y: number): number => (y < 0 ? 0 : y < H ? y : H - 1);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let [xin, yin] = map(x, y);
      if (mode === "nearest") {
        const xi = COORD(xin);
        const yi = COORD(yin);
        if (xi >= 0 && xi < W && yi >= 0 && yi < H) put(x, y, (p) => src(p, yi, xi));
        continue;
      }
      if (xin < 0 || xin >= W || yin < 0 || yin >= H) continue;
      xin -= 0.5;
      yin -= 0.5;
      const x0 = FLOOR(xin);
      const y0 = FLOOR(yin);
      const dx = xin - x0;
      const dy = yin - y0;
      if (mode === "bilinear") {
        const lerp = (u: number, v: number, d: number): number => u + (v - u) * d;
        const xa = xclip(x0);
        const xb = xclip(x0 + 1);
        put(x, y, (p) => {
          const v1 = lerp(src(p, yclip(y0), xa), src(p, yclip(y0), xb), dx);
          const v2 = y0 + 1 >= 0 && y0 + 1 < H ? lerp(src(p, y0 + 1, xa), src(p, y0 + 1, xb), dx) : v1;
          return Math.trunc(lerp(v1, v2, dy));
        });
      } else {
        const cubic = (v1: number, v2: number, v3: number, v4: number, d: number): number => {
          const p1 = v2;
          const p2 = -v1 + v3;
          const p3 = 2 * (v1 - v2) + v3 - v4;
          const p4 = -v1 + v2 - v3 + v4;
          return p1 + d * (p2 + d * (p3 + d * p4));
        };
        const xs = [xclip(x0 - 1), xclip(x0), xclip(x0 + 1), xclip(x0 + 2)];
        put(x, y, (p) => {
          const row = (yy: number): number => cubic(src(p, yy, xs[0]), src(p, yy, xs[1]), src(p, yy, xs[2]), src(p, yy, xs[3]), dx);
          const v1 = row(yclip(y0 - 1));
          const v2 = y0 >= 0 && y0 < H ? row(y0) : v1;
          const v3 = y0 + 1 >= 0 && y0 + 1 < H ? row(y0 + 1) : v2;
          const v4 = y0 + 2 >= 0 && y0 + 2 < H ? row(y0 + 2) : v3;
          const v = cubic(v1, v2, v3, v4, dy);
          return v <= 0 ? 0 : v >= 255 ? 255 : Math.trunc(v);
        });
      }
    }
  }
  return { data: out, shape: [...r.shape.slice(0, -2), oh, ow], int: true };
}

/** Pillow's Image.rotate: the matrix (cos/sin rounded to 15 digits), expand, and its exact shortcuts. */
export function pilRotate(r: Raw, angle: number, mode: "nearest" | "bilinear" | "bicubic", expand: boolean, center: number[] | null, fill: number[]): Raw {
  const H = r.shape[r.shape.length - 2];
  const W = r.shape[r.shape.length - 1];
  const deg = ((angle % 360) + 360) % 360;
  const lead = r.shape.slice(0, -2);
  const planes = r.data.length / (H * W);
  const remap = (oh: number, ow: number, from: (y: number, x: number) => number): Raw => {
    const out = new Float32Array(planes * oh * ow);
    for (let p = 0; p < planes; p++) for (let y = 0; y < oh; y++) for (let x = 0; x < ow; x++) out[(p * oh + y) * ow + x] = r.data[p * H * W + from(y, x)];
    return { data: out, shape: [...lead, oh, ow], int: true };
  };
  if (center === null) {
    if (deg === 0) return { data: r.data.slice(), shape: r.shape, int: true };
    if (deg === 180) return remap(H, W, (y, x) => (H - 1 - y) * W + (W - 1 - x));
    if ((deg === 90 || deg === 270) && (expand || W === H)) {
      return deg === 90 ? remap(W, H, (y, x) => x * W + (W - 1 - y)) : remap(W, H, (y, x) => (H - 1 - x) * W + y);
    }
  }
  const [cx, cy] = center ?? [W / 2, H / 2];
  const rad = -(angle * Math.PI) / 180;
  const round15 = (v: number): number => Number(v.toFixed(15));
  const m = [round15(Math.cos(rad)), round15(Math.sin(rad)), 0, round15(-Math.sin(rad)), round15(Math.cos(rad)), 0];
  const tf = (x: number, y: number): [number, number] => [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
  [m[2], m[5]] = tf(-cx, -cy);
  m[2] += cx;
  m[5] += cy;
  let [ow, oh] = [W, H];
  if (expand) {
    const pts = [[0, 0], [W, 0], [W, H], [0, H]].map(([x, y]) => tf(x, y));
    ow = Math.ceil(Math.max(...pts.map((q) => q[0]))) - Math.floor(Math.min(...pts.map((q) => q[0])));
    oh = Math.ceil(Math.max(...pts.map((q) => q[1]))) - Math.floor(Math.min(...pts.map((q) => q[1])));
    [m[2], m[5]] = tf(-(ow - W) / 2, -(oh - H) / 2);
  }
  return pilAffine(r, m, ow, oh, mode, fill);
}

/** The filters Pillow's Image.resize convolves with (BOX, BILINEAR, HAMMING, BICUBIC, LANCZOS). */
export type PilFilter = "box" | "bilinear" | "hamming" | "bicubic" | "lanczos";

const sinc = (x: number): number => (x === 0 ? 1 : Math.sin(x * Math.PI) / (x * Math.PI));

/** Pillow's resampling filters (libImaging/Resample.c), evaluated in double: support and kernel. */
const PIL_FILTERS: Record<PilFilter, { support: number; filter: (x: number) => number }> = {
  box: { support: 0.5, filter: (x) => (x > -0.5 && x <= 0.5 ? 1 : 0) },
  bilinear: { support: 1, filter: (x) => (Math.abs(x) < 1 ? 1 - Math.abs(x) : 0) },
  hamming: {
    support: 1,
    filter: (x) => {
      const ax = Math.abs(x);
      if (ax === 0) return 1;
      if (ax >= 1) return 0;
      const px = ax * Math.PI;
      return (Math.sin(px) / px) * (0.54 + 0.46 * Math.cos(px));
    },
  },
  lanczos: { support: 3, filter: (x) => (x >= -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0) },
  bicubic: {
    support: 2,
    filter: (x) => {
      const a = -0.5;
      const ax = Math.abs(x);
      if (ax < 1) return ((a + 2) * ax - (a + 3)) * ax * ax + 1;
      if (ax < 2) return (((ax - 5) * ax + 8) * ax - 4) * a;
      return 0;
    },
  },
};
const PRECISION_BITS = 32 - 8 - 2;

/**
 * Pillow's precompute_coeffs + normalize_coeffs_8bpc for one axis: each output pixel's first input
 * index and its weights in fixed point (rounded half away from zero to 22 fractional bits).
 */
function pilCoeffs(inSize: number, outSize: number, mode: PilFilter): { xmin: Int32Array; k: Int32Array[] } {
  const { support: base, filter } = PIL_FILTERS[mode];
  const scale = inSize / outSize;
  const filterscale = Math.max(scale, 1);
  const support = base * filterscale;
  const ss = 1 / filterscale;
  const xmins = new Int32Array(outSize);
  const k: Int32Array[] = [];
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
    const xsize = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
    const w = new Float64Array(Math.max(xsize, 0));
    let ww = 0;
    for (let x = 0; x < xsize; x++) {
      w[x] = filter((x + xmin - center + 0.5) * ss);
      ww += w[x];
    }
    const fixed = new Int32Array(w.length);
    for (let x = 0; x < xsize; x++) {
      const v = ww !== 0 ? w[x] / ww : w[x];
      fixed[x] = Math.trunc(v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
    }
    xmins[xx] = xmin;
    k.push(fixed);
  }
  return { xmin: xmins, k };
}

/** One 8-bit pass along the axis of length n (outer x n x inner values): rounds and clips each output, as clip8. */
function pilPass(src: Float32Array, outer: number, n: number, inner: number, c: { xmin: Int32Array; k: Int32Array[] }): Float32Array {
  const m = c.xmin.length;
  const out = new Float32Array(outer * m * inner);
  const half = 1 << (PRECISION_BITS - 1);
  const one = 1 << PRECISION_BITS;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const k = c.k[j];
      const base = (o * n + c.xmin[j]) * inner;
      for (let i = 0; i < inner; i++) {
        let acc = half;
        for (let x = 0; x < k.length; x++) acc += src[base + x * inner + i] * k[x];
        out[(o * m + j) * inner + i] = clip8(Math.floor(acc / one));
      }
    }
  }
  return out;
}

/**
 * Image.resize((ow, oh), BOX | BILINEAR | HAMMING | BICUBIC | LANCZOS) on an 8-bit image, as Pillow computes it: fixed-point
 * weights, the horizontal pass first, rounded to 8 bits, then the vertical pass (ImagingResample).
 */
export function pilResize(r: Raw, oh: number, ow: number, mode: PilFilter): Raw {
  const h = r.shape[r.shape.length - 2];
  const w = r.shape[r.shape.length - 1];
  const planes = r.data.length / (h * w);
  const across = ow !== w ? pilPass(r.data, planes * h, w, 1, pilCoeffs(w, ow, mode)) : r.data;
  const data = oh !== h ? pilPass(across, planes, h, ow, pilCoeffs(h, oh, mode)) : across;
  return { data, shape: [...r.shape.slice(0, -2), oh, ow], int: true };
}
