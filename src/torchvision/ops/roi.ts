/**
 * torchvision.ops roi_align / roi_pool (torchvision 0.14) and their modules RoIAlign / RoIPool:
 * pooled features of boxes over an NCHW feature map, with gradients for the input (the boxes get
 * none, as in torchvision). Where each bin samples is worked out on the host in float32 steps the
 * way torchvision's CPU kernels compute them, so bin edges fall where they fall there; the pooling
 * itself is src/ops/roi.ts.
 */
import { Tensor } from "../../tensor/tensor";
import { parseArgs } from "../../tensor/args";
import { Module } from "../../nn/modules/module";
import { maxRows, weightedRows } from "../../ops/roi";
import { IndexError, RuntimeError, TypeError } from "../../errors";
import { AssertionError } from "../../testing";

/** Boxes: Tensor[K, 5] rows (batch index, x1, y1, x2, y2), or one Tensor[L, 4] per image. */
export type RoIBoxes = Tensor | Tensor[];
type OutputSize = number | number[];

const f = Math.fround;

/** torchvision's check_roi_boxes_shape and convert_boxes_to_roi_format, as host float32 rows of 5. */
function roiRows(boxes: RoIBoxes): Float32Array {
  if (Array.isArray(boxes)) {
    const parts: number[] = [];
    boxes.forEach((b, i) => {
      if (!(b instanceof Tensor) || b.dim() !== 2 || b.shape[1] !== 4) throw new AssertionError("The shape of the tensor in the boxes list is not correct as List[Tensor[L, 4]]");
      const v = b.float().dataSync() as ArrayLike<number>;
      for (let r = 0; r < b.shape[0]; r++) parts.push(i, v[r * 4], v[r * 4 + 1], v[r * 4 + 2], v[r * 4 + 3]);
    });
    return Float32Array.from(parts);
  }
  if (!(boxes instanceof Tensor)) throw new AssertionError("boxes is expected to be a Tensor[L, 5] or a List[Tensor[K, 4]]");
  if (boxes.dim() !== 2 || boxes.shape[1] !== 5) throw new AssertionError("The boxes tensor shape is not correct as Tensor[K, 5]");
  return Float32Array.from(boxes.float().dataSync() as ArrayLike<number>);
}

function pair(op: string, v: unknown): [number, number] {
  if (typeof v === "number" && Number.isInteger(v)) return [v, v];
  if (Array.isArray(v) && (v.length === 1 || v.length === 2) && v.every((e) => Number.isInteger(e))) return v.length === 1 ? [v[0], v[0]] : [v[0], v[1]];
  throw new TypeError(`${op}(): output_size must be an int or a pair of ints, got ${JSON.stringify(v)}`);
}

function checkInput(op: string, input: Tensor): void {
  if (!(input instanceof Tensor)) throw new TypeError(`${op}(): argument 'input' must be Tensor`);
  if (input.dim() !== 4) throw new RuntimeError(`${op}(): expected input of shape [N, C, H, W], got [${input.shape.join(", ")}]`);
  if (!input.is_floating_point()) throw new RuntimeError(`"${op}_forward_kernel" not implemented for '${input.dtype._typeName}'`);
}

function batchOf(op: string, v: number, n: number): number {
  const b = Math.trunc(v);
  if (!(b >= 0 && b < n)) throw new IndexError(`${op}(): box batch index ${v} is out of range for an input of batch size ${n}`);
  return b;
}

/** C's round(): halves away from zero. */
const cRound = (v: number): number => Math.sign(v) * Math.round(Math.abs(v));

export interface RoIAlignOptions {
  output_size?: OutputSize;
  spatial_scale?: number;
  sampling_ratio?: number;
  aligned?: boolean;
}

/**
 * RoI Align (Mask R-CNN): each box is split into output_size bins; a bin averages
 * `sampling_ratio x sampling_ratio` bilinear samples (adaptive, ceil(box / bins), when <= 0).
 *
 * Args:
 *   input (Tensor[N, C, H, W]); boxes (Tensor[K, 5] with the batch index first, or Tensor[L, 4] per image);
 *   output_size (int or [h, w]); spatial_scale: box -> input coordinates. Default: 1.0;
 *   sampling_ratio. Default: -1; aligned: shift boxes by -0.5 pixel (Detectron2). Default: false.
 * Returns: Tensor[K, C, output_size[0], output_size[1]].
 *
 * @example torchvision.ops.roi_align(feats, [boxes], 7, {spatial_scale: 0.25, sampling_ratio: 2, aligned: true})
 */
export function roi_align(
  input: Tensor,
  boxes: RoIBoxes,
  output_size: OutputSize | RoIAlignOptions,
  spatial_scale?: number | RoIAlignOptions,
  sampling_ratio?: number | RoIAlignOptions,
  aligned?: boolean | RoIAlignOptions,
): Tensor {
  const op = "roi_align";
  const raw = [output_size, spatial_scale, sampling_ratio, aligned];
  while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
  const a = parseArgs(op, raw, ["output_size", "spatial_scale", "sampling_ratio", "aligned"]);
  checkInput(op, input);
  const [ph, pw] = pair(op, a.output_size);
  const scale = f((a.spatial_scale as number | undefined) ?? 1);
  const sr = (a.sampling_ratio as number | undefined) ?? -1;
  const al = (a.aligned as boolean | undefined) ?? false;
  const rois = roiRows(boxes);
  const k = rois.length / 5;
  const [n, , h, w] = input.shape;
  const off = al ? 0.5 : 0;
  // Per box: its grid and the first sample's geometry; taps per bin = 4 corners * grid.
  const geo = [];
  let taps = 0;
  for (let r = 0; r < k; r++) {
    const b = batchOf(op, rois[r * 5], n);
    const sw = f(f(rois[r * 5 + 1] * scale) - off);
    const sh = f(f(rois[r * 5 + 2] * scale) - off);
    let rw = f(f(f(rois[r * 5 + 3] * scale) - off) - sw);
    let rh = f(f(f(rois[r * 5 + 4] * scale) - off) - sh);
    if (!al) {
      rw = Math.max(rw, 1);
      rh = Math.max(rh, 1);
    }
    const gh = sr > 0 ? sr : Math.ceil(f(rh / ph));
    const gw = sr > 0 ? sr : Math.ceil(f(rw / pw));
    geo.push({ b, sw, sh, bh: f(rh / ph), bw: f(rw / pw), gh: Math.max(gh, 0), gw: Math.max(gw, 0), count: Math.max(gh * gw, 1) });
    taps = Math.max(taps, 4 * Math.max(gh, 0) * Math.max(gw, 0));
  }
  taps = Math.max(taps, 1);
  const rows = new Int32Array(k * ph * pw * taps);
  const weights = new Float32Array(rows.length);
  let cell = 0;
  for (const g of geo) {
    const base = g.b * h * w;
    for (let i = 0; i < ph; i++) {
      for (let j = 0; j < pw; j++, cell++) {
        let t = cell * taps;
        rows.fill(base, t, t + taps);
        for (let iy = 0; iy < g.gh; iy++) {
          const yy = f(f(g.sh + f(i * g.bh)) + f(f((iy + 0.5) * g.bh) / g.gh));
          for (let ix = 0; ix < g.gw; ix++, t += 4) {
            const xx = f(f(g.sw + f(j * g.bw)) + f(f((ix + 0.5) * g.bw) / g.gw));
            if (!(yy >= -1 && yy <= h && xx >= -1 && xx <= w)) continue;
            let y = yy <= 0 ? 0 : yy;
            let x = xx <= 0 ? 0 : xx;
            let yl = Math.trunc(y);
            let xl = Math.trunc(x);
            let yh = yl + 1;
            let xh = xl + 1;
            if (yl >= h - 1) {
              yh = yl = h - 1;
              y = yl;
            }
            if (xl >= w - 1) {
              xh = xl = w - 1;
              x = xl;
            }
            const ly = f(y - yl);
            const lx = f(x - xl);
            const hy = f(1 - ly);
            const hx = f(1 - lx);
            const corner = [[yl, xl, f(hy * hx)], [yl, xh, f(hy * lx)], [yh, xl, f(ly * hx)], [yh, xh, f(ly * lx)]];
            corner.forEach(([yy2, xx2, wt], q) => {
              rows[t + q] = base + yy2 * w + xx2;
              weights[t + q] = wt / g.count;
            });
          }
        }
      }
    }
  }
  return weightedRows(input, rows, weights, [k, ph, pw], "RoiAlignBackward0");
}

export interface RoIPoolOptions {
  output_size?: OutputSize;
  spatial_scale?: number;
}

/**
 * RoI max pooling (Fast R-CNN): box corners are rounded to input pixels, split into output_size bins,
 * each bin's maximum taken (0 for an empty bin).
 *
 * Args: input (Tensor[N, C, H, W]); boxes (Tensor[K, 5] or a list of Tensor[L, 4]); output_size;
 *   spatial_scale. Default: 1.0.
 * Returns: Tensor[K, C, output_size[0], output_size[1]].
 */
export function roi_pool(input: Tensor, boxes: RoIBoxes, output_size: OutputSize | RoIPoolOptions, spatial_scale?: number | RoIPoolOptions): Tensor {
  const op = "roi_pool";
  const raw = [output_size, spatial_scale];
  while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
  const a = parseArgs(op, raw, ["output_size", "spatial_scale"]);
  checkInput(op, input);
  const [ph, pw] = pair(op, a.output_size);
  const scale = f((a.spatial_scale as number | undefined) ?? 1);
  const rois = roiRows(boxes);
  const k = rois.length / 5;
  const [n, , h, w] = input.shape;
  const bins: { base: number; hs: number; he: number; ws: number; we: number }[] = [];
  let taps = 1;
  for (let r = 0; r < k; r++) {
    const b = batchOf(op, rois[r * 5], n);
    const sw = cRound(f(rois[r * 5 + 1] * scale));
    const sh = cRound(f(rois[r * 5 + 2] * scale));
    const rw = Math.max(cRound(f(rois[r * 5 + 3] * scale)) - sw + 1, 1);
    const rh = Math.max(cRound(f(rois[r * 5 + 4] * scale)) - sh + 1, 1);
    const bh = f(rh / ph);
    const bw = f(rw / pw);
    const clip = (v: number, hi: number): number => Math.min(Math.max(v, 0), hi);
    for (let i = 0; i < ph; i++) {
      for (let j = 0; j < pw; j++) {
        const bin = {
          base: b * h * w,
          hs: clip(Math.floor(f(i * bh)) + sh, h),
          he: clip(Math.ceil(f((i + 1) * bh)) + sh, h),
          ws: clip(Math.floor(f(j * bw)) + sw, w),
          we: clip(Math.ceil(f((j + 1) * bw)) + sw, w),
        };
        bins.push(bin);
        taps = Math.max(taps, Math.max(0, bin.he - bin.hs) * Math.max(0, bin.we - bin.ws));
      }
    }
  }
  const rows = new Int32Array(bins.length * taps).fill(-1);
  bins.forEach((bin, c) => {
    let t = c * taps;
    for (let y = bin.hs; y < bin.he; y++) for (let x = bin.ws; x < bin.we; x++) rows[t++] = bin.base + y * w + x;
  });
  return maxRows(input, rows, [k, ph, pw], "RoiPoolBackward0");
}

const pyPair = (v: OutputSize): string => (Array.isArray(v) ? `(${v.join(", ")}${v.length === 1 ? "," : ""})` : String(v));
const pyFloat = (v: number): string => (Number.isInteger(v) ? `${v}.0` : String(v));

/** `torchvision.ops.RoIAlign(output_size, spatial_scale, sampling_ratio, aligned=False)`: roi_align as a module. */
export class RoIAlign extends Module {
  output_size: OutputSize;
  spatial_scale: number;
  sampling_ratio: number;
  aligned: boolean;
  constructor(output_size: OutputSize | RoIAlignOptions, spatial_scale?: number | RoIAlignOptions, sampling_ratio?: number | RoIAlignOptions, aligned?: boolean | RoIAlignOptions) {
    super();
    const raw = [output_size, spatial_scale, sampling_ratio, aligned];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("RoIAlign", raw, ["output_size", "spatial_scale", "sampling_ratio", "aligned"]);
    for (const name of ["output_size", "spatial_scale", "sampling_ratio"]) {
      if (a[name] === undefined) throw new TypeError(`RoIAlign.__init__() missing 1 required positional argument: '${name}'`);
    }
    this.output_size = a.output_size as OutputSize;
    this.spatial_scale = a.spatial_scale as number;
    this.sampling_ratio = a.sampling_ratio as number;
    this.aligned = (a.aligned as boolean | undefined) ?? false;
  }
  forward(input: Tensor, rois: RoIBoxes): Tensor {
    return roi_align(input, rois, this.output_size, this.spatial_scale, this.sampling_ratio, this.aligned);
  }
  toString(): string {
    return `RoIAlign(output_size=${pyPair(this.output_size)}, spatial_scale=${pyFloat(this.spatial_scale)}, sampling_ratio=${this.sampling_ratio}, aligned=${this.aligned ? "True" : "False"})`;
  }
}

/** `torchvision.ops.RoIPool(output_size, spatial_scale)`: roi_pool as a module. */
export class RoIPool extends Module {
  output_size: OutputSize;
  spatial_scale: number;
  constructor(output_size: OutputSize | RoIPoolOptions, spatial_scale?: number | RoIPoolOptions) {
    super();
    const raw = [output_size, spatial_scale];
    while (raw.length && raw[raw.length - 1] === undefined) raw.pop();
    const a = parseArgs("RoIPool", raw, ["output_size", "spatial_scale"]);
    for (const name of ["output_size", "spatial_scale"]) {
      if (a[name] === undefined) throw new TypeError(`RoIPool.__init__() missing 1 required positional argument: '${name}'`);
    }
    this.output_size = a.output_size as OutputSize;
    this.spatial_scale = a.spatial_scale as number;
  }
  forward(input: Tensor, rois: RoIBoxes): Tensor {
    return roi_pool(input, rois, this.output_size, this.spatial_scale);
  }
  toString(): string {
    return `RoIPool(output_size=${pyPair(this.output_size)}, spatial_scale=${pyFloat(this.spatial_scale)})`;
  }
}
