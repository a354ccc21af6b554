/**
 * Where each output pixel of a resize or a warp reads from. The source coordinates depend only on
 * the sizes and the matrix, never on pixel values, so they are computed here once in JS (emulating
 * PyTorch's float32 arithmetic with Math.fround). They are applied either in JS over the values
 * (fast; for tensors that do not require grad) or as index_select + weighted sums, plain torch ops
 * that every backend has (tfjs-node has no Transform kernel) and through which gradients flow.
 * Both give the same float32 results: the JS loops round after every operation as the ops do.
 */
import { Tensor } from "../../tensor/tensor";
import { from_typed } from "../../ops/creation";

const f = Math.fround;

/** Taps along one axis (or over the flattened H*W plane): out[m] = sum_k w[k][m] * in[idx[k][m]]. */
export interface Taps {
  idx: Int32Array[];
  w: Float32Array[];
}

/** Applies taps to dim `dim` of `x` (a float tensor); weights broadcast over the dims after it. */
export function applyTaps(x: Tensor, dim: number, taps: Taps, trailing: number): Tensor {
  const m = taps.idx[0].length;
  if (!x.requires_grad) {
    const shape = x.shape;
    const d = dim < 0 ? dim + shape.length : dim;
    const outer = shape.slice(0, d).reduce((a, b) => a * b, 1);
    const inner = shape.slice(d + 1).reduce((a, b) => a * b, 1);
    const out = applyTapsJS(x.dataSync() as Float32Array, outer, shape[d], inner, taps);
    return from_typed(out, [...shape.slice(0, d), m, ...shape.slice(d + 1)]);
  }
  let out: Tensor | null = null;
  const wshape = [m, ...Array(trailing).fill(1)];
  for (let k = 0; k < taps.idx.length; k++) {
    const picked = x.index_select(dim, from_typed(taps.idx[k], [m]));
    const term = picked.mul(from_typed(taps.w[k], wshape));
    out = out === null ? term : out.add(term);
  }
  return out as Tensor;
}

/** Taps over the middle axis of values laid out [outer, n, inner], in float32 steps. */
export function applyTapsJS(src: Float32Array, outer: number, n: number, inner: number, taps: Taps): Float32Array {
  const m = taps.idx[0].length;
  const k = taps.idx.length;
  const out = new Float32Array(outer * m * inner);
  for (let o = 0; o < outer; o++) {
    const sBase = o * n * inner;
    const dBase = o * m * inner;
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < inner; i++) {
        let acc = f(src[sBase + taps.idx[0][j] * inner + i] * taps.w[0][j]);
        for (let t = 1; t < k; t++) acc = f(acc + f(src[sBase + taps.idx[t][j] * inner + i] * taps.w[t][j]));
        out[dBase + j * inner + i] = acc;
      }
    }
  }
  return out;
}

/** Rounds half to even, as C's nearbyint under the default rounding mode. */
export function nearbyint(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** upsample_bilinear2d with align_corners=False along one axis (ATen's area_pixel source index). */
export function bilinearTaps(inSize: number, outSize: number): Taps {
  const scale = f(inSize / outSize);
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const w0 = new Float32Array(outSize);
  const w1 = new Float32Array(outSize);
  for (let d = 0; d < outSize; d++) {
    // The float32 scale times (d + 0.5) is evaluated in double (d is an int64 in ATen); only the
    // weight is rounded to float32. Matching this matters for uint8 images, whose results round.
    let src = scale * (d + 0.5) - 0.5;
    if (src < 0) src = 0;
    const lo = Math.min(Math.floor(src), inSize - 1);
    const hiOff = lo < inSize - 1 ? 1 : 0;
    const l1 = f(Math.min(Math.max(src - lo, 0), 1));
    i0[d] = lo;
    i1[d] = lo + hiOff;
    w1[d] = l1;
    w0[d] = f(1 - l1);
  }
  return { idx: [i0, i1], w: [w0, w1] };
}

/**
 * Antialiased resampling along one axis (ATen's _upsample_bilinear2d_aa / _upsample_bicubic2d_aa,
 * used by torchvision's resize(antialias=True), and by PIL): the filter is stretched by the
 * downscale factor and its weights normalised to sum to 1. Bilinear: a triangle of support 1;
 * bicubic: Keys' cubic with a = -0.5 (PIL's) of support 2. Float32 where ATen stores float32,
 * double where it computes in double (its 0.5 literals promote).
 */
export function antialiasTaps(inSize: number, outSize: number, mode: "bilinear" | "bicubic"): Taps {
  const scale = f(inSize / outSize);
  const base = mode === "bilinear" ? 1 : 2;
  // ATen evaluates the filters in double (a = -0.5 is a double literal) and stores float32 weights.
  const filter =
    mode === "bilinear"
      ? (x: number): number => (x < 1 ? 1 - x : 0)
      : (x: number): number => (x < 1 ? (1.5 * x - 2.5) * x * x + 1 : x < 2 ? (((x - 5) * x + 8) * x - 4) * -0.5 : 0);
  const support = f(scale >= 1 ? base * scale : base);
  const invscale = f(scale >= 1 ? 1 / scale : 1);
  const spans: { xmin: number; w: Float32Array }[] = [];
  let width = 0;
  for (let i = 0; i < outSize; i++) {
    const center = f(scale * (i + 0.5));
    const xmin = Math.max(Math.trunc(f(center - support) + 0.5), 0);
    const xsize = Math.min(Math.trunc(f(center + support) + 0.5), inSize) - xmin;
    const w = new Float32Array(Math.max(xsize, 0));
    let total = 0;
    for (let j = 0; j < xsize; j++) {
      w[j] = f(filter(Math.abs(f((f(j + xmin - center) + 0.5) * invscale))));
      total = f(total + w[j]);
    }
    if (total !== 0) for (let j = 0; j < xsize; j++) w[j] = f(w[j] / total);
    spans.push({ xmin, w });
    width = Math.max(width, xsize);
  }
  // A fixed number of taps per output; the unused ones read index 0 with weight 0.
  const idx = Array.from({ length: width }, () => new Int32Array(outSize));
  const wts = Array.from({ length: width }, () => new Float32Array(outSize));
  spans.forEach(({ xmin, w }, i) => {
    for (let j = 0; j < w.length; j++) {
      idx[j][i] = xmin + j;
      wts[j][i] = w[j];
    }
  });
  return { idx, w: wts };
}

/**
 * upsample_bicubic2d with align_corners=False along one axis: Keys' cubic convolution (A = -0.75)
 * over 4 taps, indices clamped to the border.
 */
export function bicubicTaps(inSize: number, outSize: number): Taps {
  const scale = f(inSize / outSize);
  const A = -0.75;
  const conv1 = (x: number): number => f(f(f(f(f(f(A + 2) * x) - f(A + 3)) * x) * x) + 1);
  const conv2 = (x: number): number => f(f(f(f(f(f(A * x) - f(5 * A)) * x) + f(8 * A)) * x) - f(4 * A));
  const idx = Array.from({ length: 4 }, () => new Int32Array(outSize));
  const wts = Array.from({ length: 4 }, () => new Float32Array(outSize));
  for (let d = 0; d < outSize; d++) {
    const src = f(scale * (d + 0.5) - 0.5);
    const i0 = Math.floor(src);
    const t = f(src - i0);
    const coeffs = [conv2(f(t + 1)), conv1(t), conv1(f(1 - t)), conv2(f(f(1 - t) + 1))];
    for (let k = 0; k < 4; k++) {
      idx[k][d] = Math.min(Math.max(i0 - 1 + k, 0), inSize - 1);
      wts[k][d] = coeffs[k];
    }
  }
  return { idx, w: wts };
}

/**
 * upsample_nearest2d: PyTorch's legacy 'nearest' takes floor(dst * in/out); 'nearest-exact' (PIL's
 * NEAREST) takes floor((dst + 0.5) * in/out), the source pixel under the output pixel's centre.
 */
export function nearestTaps(inSize: number, outSize: number, exact = false): Taps {
  const scale = f(inSize / outSize);
  const idx = new Int32Array(outSize);
  for (let d = 0; d < outSize; d++) idx[d] = Math.min(Math.floor(f((exact ? d + 0.5 : d) * scale)), inSize - 1);
  return { idx: [idx], w: [new Float32Array(outSize).fill(1)] };
}

/**
 * torchvision's _gen_affine_grid + grid_sample(align_corners=False, padding_mode='zeros') over the
 * flattened H*W plane. `matrix` is the inverse affine matrix in torchvision's centred convention.
 */
export function affineTaps(matrix: number[], w: number, h: number, ow: number, oh: number, mode: "nearest" | "bilinear"): { taps: Taps; mask: Float32Array } {
  const r = [f(f(matrix[0]) / f(0.5 * w)), f(f(matrix[1]) / f(0.5 * w)), f(f(matrix[2]) / f(0.5 * w)), f(f(matrix[3]) / f(0.5 * h)), f(f(matrix[4]) / f(0.5 * h)), f(f(matrix[5]) / f(0.5 * h))];
  return gridTaps(w, h, ow, oh, mode, (x, y, g) => {
    const bx = f(-ow * 0.5 + 0.5 + x);
    const by = f(-oh * 0.5 + 0.5 + y);
    g[0] = f(f(f(bx * r[0]) + f(by * r[1])) + r[2]);
    g[1] = f(f(f(bx * r[3]) + f(by * r[4])) + r[5]);
  });
}

/** torchvision's _perspective_grid: x' = (c0 x + c1 y + c2) / (c6 x + c7 y + 1), likewise y'. */
export function perspectiveTaps(c: number[], w: number, h: number, mode: "nearest" | "bilinear"): { taps: Taps; mask: Float32Array } {
  const k = c.map(f);
  const sx = f(0.5 * w);
  const sy = f(0.5 * h);
  const t1 = [f(k[0] / sx), f(k[1] / sx), f(k[2] / sx), f(k[3] / sy), f(k[4] / sy), f(k[5] / sy)];
  return gridTaps(w, h, w, h, mode, (x, y, g) => {
    const bx = f(0.5 + x);
    const by = f(0.5 + y);
    const den = f(f(f(bx * k[6]) + f(by * k[7])) + 1);
    const nx = f(f(f(bx * t1[0]) + f(by * t1[1])) + t1[2]);
    const ny = f(f(f(bx * t1[3]) + f(by * t1[4])) + t1[5]);
    g[0] = f(f(nx / den) - 1);
    g[1] = f(f(ny / den) - 1);
  });
}

/**
 * torchvision's elastic_transform grid: the identity grid (pixel centres,
 * linspace((1 - s) / s, (s - 1) / s, s) per axis) plus a per-pixel displacement [H, W, 2] (x, y).
 */
export function elasticTaps(displacement: Float32Array, w: number, h: number, mode: "nearest" | "bilinear"): { taps: Taps; mask: Float32Array } {
  const axis = (s: number): Float32Array => {
    const start = f((1 - s) / s);
    const end = f((s - 1) / s);
    const step = s > 1 ? f(f(end - start) / (s - 1)) : 0;
    const half = Math.floor(s / 2);
    return Float32Array.from({ length: s }, (_, i) => (i < half ? f(start + f(step * i)) : f(end - f(step * (s - i - 1)))));
  };
  const xs = axis(w);
  const ys = axis(h);
  return gridTaps(w, h, w, h, mode, (x, y, g) => {
    const o = (y * w + x) * 2;
    g[0] = f(xs[x] + displacement[o]);
    g[1] = f(ys[y] + displacement[o + 1]);
  });
}

/**
 * grid_sample (align_corners=False, zero padding) of a w x h image at the normalised coordinates
 * `grid(x, y)` of each ow x oh output pixel. Returns the taps and, per output pixel, the sampled
 * value of an all-ones mask (how much of the pixel came from inside the image), which torchvision
 * uses to blend in the fill colour.
 */
function gridTaps(w: number, h: number, ow: number, oh: number, mode: "nearest" | "bilinear", grid: (x: number, y: number, out: Float64Array) => void): { taps: Taps; mask: Float32Array } {
  const m = ow * oh;
  const k = mode === "nearest" ? 1 : 4;
  const idx = Array.from({ length: k }, () => new Int32Array(m));
  const wts = Array.from({ length: k }, () => new Float32Array(m));
  const mask = new Float32Array(m);
  const g = new Float64Array(2);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      grid(x, y, g);
      const gx = g[0];
      const gy = g[1];
      // ATen's vectorised CPU grid sampler unnormalises as (g + 1) * (size / 2) - 0.5.
      const ix = f(f(f(gx + 1) * f(w / 2)) - 0.5);
      const iy = f(f(f(gy + 1) * f(h / 2)) - 0.5);
      const o = y * ow + x;
      if (mode === "nearest") {
        const nx = nearbyint(ix);
        const ny = nearbyint(iy);
        if (nx >= 0 && nx < w && ny >= 0 && ny < h) {
          idx[0][o] = ny * w + nx;
          wts[0][o] = 1;
          mask[o] = 1;
        }
        continue;
      }
      const x0 = Math.floor(ix);
      const y0 = Math.floor(iy);
      const tx = f(ix - x0);
      const ty = f(iy - y0);
      const ux = f(1 - tx);
      const uy = f(1 - ty);
      let total = 0;
      // Corners nw, ne, sw, se; a corner outside the image keeps weight 0 (zero padding).
      for (let c = 0; c < 4; c++) {
        const cx = x0 + (c & 1);
        const cy = y0 + (c >> 1);
        if (cx >= 0 && cx < w && cy >= 0 && cy < h) {
          const cw = f((c & 1 ? tx : ux) * (c >> 1 ? ty : uy));
          idx[c][o] = cy * w + cx;
          wts[c][o] = cw;
          total = f(total + cw);
        }
      }
      mask[o] = total;
    }
  }
  return { taps: { idx, w: wts }, mask };
}

/**
 * torchvision's _get_perspective_coeffs: the 8 coefficients mapping `endpoints` to `startpoints`,
 * by least squares (exact for 4 point pairs); rounded to float32 as torch.linalg.lstsq returns them.
 */
export function perspectiveCoeffs(startpoints: number[][], endpoints: number[][]): number[] {
  const a: number[][] = [];
  const b: number[] = [];
  endpoints.forEach((p1, i) => {
    const p2 = startpoints[i];
    a.push([p1[0], p1[1], 1, 0, 0, 0, -p2[0] * p1[0], -p2[0] * p1[1]]);
    a.push([0, 0, 0, p1[0], p1[1], 1, -p2[1] * p1[0], -p2[1] * p1[1]]);
    b.push(p2[0], p2[1]);
  });
  // Four point pairs give a square system, solved directly; more use the normal equations.
  // Either way: Gaussian elimination with partial pivoting, in double precision.
  const n = 8;
  const square = a.length === n;
  const ata = square ? a.map((row) => row.slice()) : Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => a.reduce((s, row) => s + row[i] * row[j], 0)));
  const atb = square ? b.slice() : Array.from({ length: n }, (_, i) => a.reduce((s, row, r) => s + row[i] * b[r], 0));
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(ata[r][col]) > Math.abs(ata[piv][col])) piv = r;
    [ata[col], ata[piv]] = [ata[piv], ata[col]];
    [atb[col], atb[piv]] = [atb[piv], atb[col]];
    if (ata[col][col] === 0) continue;
    for (let r = col + 1; r < n; r++) {
      const factor = ata[r][col] / ata[col][col];
      for (let c2 = col; c2 < n; c2++) ata[r][c2] -= factor * ata[col][c2];
      atb[r] -= factor * atb[col];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = atb[r];
    for (let c2 = r + 1; c2 < n; c2++) s -= ata[r][c2] * x[c2];
    x[r] = ata[r][r] === 0 ? 0 : s / ata[r][r];
  }
  return x.map(f);
}

/** 1-D Gaussian kernel as torchvision's _get_gaussian_kernel1d (float32). */
export function gaussianKernel1d(size: number, sigma: number): Float32Array {
  const half = (size - 1) * 0.5;
  const step = size > 1 ? (2 * half) / (size - 1) : 0;
  const pdf = new Float32Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const x = f(-half + step * i);
    pdf[i] = f(Math.exp(f(-0.5 * f(f(x / sigma) ** 2))));
    sum = f(sum + pdf[i]);
  }
  for (let i = 0; i < size; i++) pdf[i] = f(pdf[i] / sum);
  return pdf;
}

/** Source positions for padding one axis of length n by (before, after) in a non-constant mode. */
export function padIndices(n: number, before: number, after: number, mode: "edge" | "reflect" | "symmetric"): Int32Array {
  const out = new Int32Array(n + before + after);
  for (let o = 0; o < out.length; o++) {
    let i = o - before;
    if (mode === "edge") i = Math.min(Math.max(i, 0), n - 1);
    else {
      const period = mode === "reflect" ? 2 * (n - 1) : 2 * n;
      if (period === 0) i = 0;
      else {
        i = ((i % period) + period) % period;
        if (mode === "reflect") i = i < n ? i : period - i;
        else i = i < n ? i : period - 1 - i;
      }
    }
    out[o] = i;
  }
  return out;
}
