/**
 * The Summary messages torch.utils.tensorboard writes (PyTorch 1.13's summary.py): a scalar as
 * `simple_value`, a histogram binned as its `make_histogram` bins (TensorBoard's default
 * exponential edges, empty bins trimmed), an image as RGB PNG (`convert_to_HWC`, grids of 8 per
 * row for a batch), and text for the text plugin.
 */
import { Tensor } from "../../tensor/tensor";
import { ValueError, TypeError } from "../../errors";
import { encodePng } from "../png";
import { Message } from "./records";

/** A number, or the value of a one-element tensor (PyTorch's `scalar should be 0D`). */
export function scalarValue(v: unknown, what: string): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Tensor) {
    if (v.numel() !== 1) throw new ValueError(`${what}: scalar should be 0D, got a tensor of shape [${v.shape.join(", ")}]`);
    return v.item();
  }
  throw new TypeError(`${what}: expected a number or a one-element tensor, got ${typeof v}`);
}

const value = (tag: string): Message => new Message().bytes(1, tag);
const summary = (v: Message): Message => new Message().bytes(1, v);

export function scalarSummary(tag: string, v: number): Message {
  return summary(value(tag).float(2, v, true));
}

let defaultBins: number[] | null = null;
/** TensorBoard's default histogram edges: +-1e-12 growing by 1.1 up to 1e20, and 0. */
function tensorflowBins(): number[] {
  if (defaultBins === null) {
    const pos: number[] = [];
    for (let v = 1e-12; v < 1e20; v *= 1.1) pos.push(v);
    defaultBins = [...pos.map((v) => -v).reverse(), 0, ...pos];
  }
  return defaultBins;
}

/** np.histogram with these edges: [e_i, e_i+1) bins, the last one closed; values outside not counted. */
function histogramCounts(values: Float64Array, edges: number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = edges.length - 1;
  for (const v of values) {
    if (!(v >= edges[0] && v <= edges[last])) continue;
    if (v === edges[last]) {
      counts[last - 1]++;
      continue;
    }
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/** Edges for `bins` given as a count: np.histogram's equal-width bins over [min, max]. */
function uniformEdges(values: Float64Array, bins: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  return Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
}

export function histogramSummary(tag: string, values: Tensor | number[], bins: "tensorflow" | "auto" | number | number[]): Message {
  const flat = Float64Array.from(values instanceof Tensor ? values.detach().float().contiguous().dataSync() : values);
  if (flat.length === 0) throw new ValueError("The input has no element.");
  const edges = bins === "tensorflow" ? tensorflowBins() : Array.isArray(bins) ? bins : typeof bins === "number" ? uniformEdges(flat, bins) : null;
  if (edges === null) throw new ValueError(`add_histogram(): bins must be "tensorflow", a number of bins or a list of edges, got ${JSON.stringify(bins)}`);
  const counts = histogramCounts(flat, edges);
  // The bins holding data, plus an empty one on the left (TensorBoard keeps only right edges).
  const start = counts.findIndex((c) => c > 0);
  let end = counts.length - 1 - [...counts].reverse().findIndex((c) => c > 0);
  if (start < 0) throw new ValueError("The histogram is empty, please file a bug report.");
  end += 1;
  const kept = start > 0 ? counts.slice(start - 1, end) : [0, ...counts.slice(0, end)];
  const limits = edges.slice(start, end + 1);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSq = 0;
  for (const v of flat) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    sumSq += v * v;
  }
  const histo = new Message().double(1, min).double(2, max).double(3, flat.length).double(4, sum).double(5, sumSq).packedDoubles(6, limits).packedDoubles(7, kept);
  return summary(value(tag).bytes(5, histo, true));
}

/** `[C, H, W]` (or another layout) to HWC RGB bytes, scaled as PyTorch's writer scales: floats by 255, integer images (uint8) as they are. */
function toHWC(img: Tensor, dataformats: string): { data: Uint8Array; h: number; w: number } {
  const fmt = dataformats.toUpperCase();
  if (img.dim() !== fmt.length) {
    throw new ValueError(`size of input tensor and input format are different. tensor shape: (${img.shape.join(", ")}), input_format: ${dataformats}`);
  }
  let t = img.detach();
  if (fmt.length === 4) {
    t = t.permute(["N", "C", "H", "W"].map((c) => fmt.indexOf(c)));
    const [n, c, h, w] = t.shape;
    if (c === 1) t = t.expand(n, 3, h, w);
    if (t.shape[1] !== 3) throw new ValueError(`add_images(): images need 1 or 3 channels, got ${c}`);
    const ncols = Math.min(n, 8);
    const nrows = Math.ceil(n / ncols);
    const src = t.float().contiguous().dataSync();
    const canvas = new Float32Array(3 * h * nrows * w * ncols);
    for (let i = 0; i < n; i++) {
      const y0 = Math.floor(i / ncols) * h;
      const x0 = (i % ncols) * w;
      for (let ch = 0; ch < 3; ch++) {
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) canvas[(ch * h * nrows + y0 + y) * w * ncols + x0 + x] = src[((i * 3 + ch) * h + y) * w + x];
        }
      }
    }
    return scaled(canvas, 3, h * nrows, w * ncols, img.dtype.is_floating_point, true);
  }
  if (fmt.length === 3) t = t.permute(["C", "H", "W"].map((c) => fmt.indexOf(c)));
  else if (fmt.length === 2) t = t.permute(["H", "W"].map((c) => fmt.indexOf(c))).unsqueeze(0);
  else throw new ValueError(`add_image(): dataformats must be one of CHW, HWC, HW, NCHW, NHWC, got ${dataformats}`);
  const [c, h, w] = t.shape;
  if (c !== 1 && c !== 3 && c !== 4) throw new ValueError(`add_image(): images need 1, 3 or 4 channels, got ${c}`);
  return scaled(t.float().contiguous().dataSync() as Float32Array, c, h, w, img.dtype.is_floating_point, false);
}

function scaled(chw: ArrayLike<number>, c: number, h: number, w: number, isFloat: boolean, grid: boolean): { data: Uint8Array; h: number; w: number } {
  void grid;
  const outC = c === 1 ? 3 : c;
  const data = new Uint8Array(h * w * outC);
  const s = isFloat ? 255 : 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let k = 0; k < outC; k++) {
        const v = Math.fround(Math.fround(chw[((c === 1 ? 0 : k) * h + y) * w + x]) * s);
        // PyTorch 1.13 casts with numpy's astype(uint8) and no clip: the value truncated toward zero,
        // then wrapped modulo 256 (1.2 * 255 writes 50, -0.1 * 255 writes 231), as its TensorBoard shows.
        data[(y * w + x) * outC + k] = Number.isFinite(v) ? Math.trunc(v) & 0xff : 0;
      }
    }
  }
  return { data, h, w };
}

export function imageSummary(tag: string, img: Tensor, dataformats: string): Message {
  if (!(img instanceof Tensor)) throw new TypeError(`add_image(): img_tensor must be a Tensor, got ${typeof img}`);
  const { data, h, w } = toHWC(img, dataformats);
  const channels = data.length / (h * w);
  const png = encodePng({ width: w, height: h, channels: channels as 3 | 4, data }, 6);
  const image = new Message().int(1, h).int(2, w).int(3, channels).bytes(4, png);
  return summary(value(tag).bytes(4, image, true));
}

export function textSummary(tag: string, text: string): Message {
  const metadata = new Message().bytes(1, new Message().bytes(1, "text"));
  const shape = new Message().bytes(2, new Message().int(1, 1), true);
  const tensor = new Message().int(1, 7).bytes(2, shape).bytes(8, text, true);
  return summary(value(`${tag}/text_summary`).bytes(8, tensor, true).bytes(9, metadata));
}
