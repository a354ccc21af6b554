/**
 * Pictures a deep-learning course shows beside the plain image grids: a conv layer's filters (as
 * RGB pictures, or each input channel on a diverging colour map) and images side by side with
 * other versions of themselves (originals and their augmentations).
 */
import { Tensor } from "../tensor/tensor";
import { no_grad } from "../autograd/grad_mode";
import { TypeError, ValueError } from "../errors";
import type { Module } from "../nn/modules/module";
import type { MimeBundle } from "./emitter";
import type { PixelImage } from "./png";
import { apply_colormap, chw_to_pixels, upscale, ColorMap } from "./raster";
import { format_value } from "./format";
import { auto_scale, checkScale, compose, floatValues, pictureBundle, prepare, withTitle, ImageOptions, Caption, Placed, TITLE_HEIGHT } from "./image";

/** Options of display.filters. */
export interface FilterOptions {
  /**
   * "rgb": each filter of a 3-input-channel conv as one colour picture (each filter min-max
   * normalised on its own); "channels": one tile per (output, input) channel pair, a row per filter,
   * on a diverging map with 0 in the middle; "auto" (default): "rgb" when the layer takes 3 channels.
   */
  mode?: "auto" | "rgb" | "channels";
  /** Filters per row: default 8 in "rgb" mode, 4 in "channels" mode. */
  nrow?: number;
  /** At most this many filters (the first ones). Default 64. */
  max_filters?: number;
  /** At most this many input channels in "channels" mode. Default 16. */
  max_channels?: number;
  /** Diverging colour map of "channels" mode. Default "bwr" (blue negative, white 0, red positive). */
  cmap?: ColorMap;
  title?: string;
  /** Integer nearest-neighbour magnification, or "auto" (default). */
  scale?: number | "auto";
}

/** Options of display.compare and display.augmentations. */
export interface CompareOptions extends Pick<ImageOptions, "normalize" | "mean" | "std" | "cmap" | "scale" | "title"> {
  /** At most this many rows (images). Default 8. */
  max_images?: number;
}

/** Options of display.augmentations. */
export interface AugmentationOptions extends CompareOptions {
  /** Augmented versions of each image. Default 4. */
  copies?: number;
}

const GAP = 4;
const HEADER = 20;

/** Tiles of equal size on white, `cols` a row, `padding` pixels apart (RGB). */
function gridOf(tiles: PixelImage[], cols: number, padding: number): PixelImage {
  const h = tiles[0].height;
  const w = tiles[0].width;
  const rows = Math.ceil(tiles.length / cols);
  const W = cols * (w + padding) + padding;
  const H = rows * (h + padding) + padding;
  const data = new Uint8Array(W * H * 3).fill(255);
  tiles.forEach((t, k) => {
    const top = padding + Math.floor(k / cols) * (h + padding);
    const left = padding + (k % cols) * (w + padding);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const s = (y * w + x) * t.channels;
        const d = ((top + y) * W + left + x) * 3;
        const gray = t.channels <= 2;
        data[d] = t.data[s];
        data[d + 1] = gray ? t.data[s] : t.data[s + 1];
        data[d + 2] = gray ? t.data[s] : t.data[s + 2];
      }
    }
  });
  return { width: W, height: H, channels: 3, data };
}

function weightOf(x: Tensor | Module): [Tensor, string] {
  if (x instanceof Tensor) return [x, "weight"];
  const w = (x as unknown as { weight?: unknown }).weight;
  if (typeof x === "function" && w instanceof Tensor) return [w, `${x._get_name()}.weight`];
  throw new TypeError("display.filters(): expected a conv weight [out, in, kH, kW] or a conv layer with a .weight");
}

/**
 * The filters of a conv layer as a picture: `conv.weight` [16, 3, 3, 3] as 16 RGB tiles, or as
 * 16 rows of 3 per-channel tiles.
 */
export function filters_bundle(x: Tensor | Module, o: FilterOptions = {}): MimeBundle & { "image/png": string; "text/plain": string } {
  const op = "display.filters()";
  const [weight, name] = weightOf(x);
  if (weight.dim() !== 4) throw new ValueError(`${op}: expected a conv weight [out_channels, in_channels, kH, kW], got shape [${weight.shape.join(", ")}]`);
  const [O, I, kh, kw] = weight.shape;
  const mode = o.mode ?? "auto";
  if (!["auto", "rgb", "channels"].includes(mode)) throw new ValueError(`${op}: mode must be "auto", "rgb" or "channels", got ${JSON.stringify(mode)}`);
  const rgb = mode === "rgb" || (mode === "auto" && I === 3);
  if (mode === "rgb" && I !== 3) throw new ValueError(`${op}: mode "rgb" needs 3 input channels, the weight has shape [${weight.shape.join(", ")}]; use mode "channels"`);
  const maxF = o.max_filters ?? 64;
  const maxC = o.max_channels ?? 16;
  for (const [k, v] of [["max_filters", maxF], ["max_channels", maxC]] as const) if (!Number.isInteger(v) || v < 1) throw new ValueError(`${op}: ${k} must be a positive integer, got ${String(v)}`);
  checkScale(o.scale);
  const nf = Math.min(O, maxF);
  const values = no_grad(() => floatValues(weight.detach()));
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const plane = kh * kw;
  const tiles: PixelImage[] = [];
  let cols: number;
  let channelNames: string[] = [];
  let how: string;
  if (rgb) {
    cols = Math.min(o.nrow ?? 8, nf);
    if (!Number.isInteger(cols) || cols < 1) throw new ValueError(`${op}: nrow must be a positive integer, got ${String(o.nrow)}`);
    for (let f = 0; f < nf; f++) {
      const v = values.slice(f * 3 * plane, (f + 1) * 3 * plane);
      const [a, b] = [Math.min(...v), Math.max(...v)];
      const d = Math.max(b - a, 1e-12);
      for (let i = 0; i < v.length; i++) v[i] = (v[i] - a) / d;
      tiles.push(chw_to_pixels(v, 3, kh, kw));
    }
    how = "each filter min-max normalised to RGB";
  } else {
    const nc = Math.min(I, maxC);
    cols = nc;
    const bound = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    for (let f = 0; f < nf; f++) {
      for (let c = 0; c < nc; c++) {
        const off = (f * I + c) * plane;
        const v = new Float32Array(plane);
        for (let p = 0; p < plane; p++) v[p] = (values[off + p] / bound + 1) / 2;
        tiles.push(apply_colormap(chw_to_pixels(v, 1, kh, kw), o.cmap ?? "bwr"));
      }
    }
    channelNames = Array.from({ length: nc }, (_, c) => (I === 3 ? ["R", "G", "B"][c] : `${c}`));
    how = `rows: filters, columns: input channels${nc < I ? ` (first ${nc} of ${I})` : ""}; ${o.cmap ?? "bwr"} centred on 0, ±${format_value(bound)}`;
  }
  // Tiles are magnified before they are laid out, so the gaps between them stay a few pixels.
  const blocks = rgb ? 1 : Math.min(o.nrow ?? 4, nf);
  if (!Number.isInteger(blocks) || blocks < 1) throw new ValueError(`${op}: nrow must be a positive integer, got ${String(o.nrow)}`);
  const across = rgb ? cols : cols * blocks;
  const down = rgb ? Math.ceil(nf / cols) : Math.ceil(nf / blocks);
  const scale =
    o.scale === undefined || o.scale === "auto"
      ? Math.max(1, Math.min(Math.ceil(rgb ? 64 / Math.max(kh, kw) : 60 / Math.max(kh, kw)), Math.floor(960 / (across * kw)), Math.floor(960 / (down * kh))))
      : o.scale;
  const big = tiles.map((t) => upscale(t, scale));
  let picture: PixelImage;
  let headers: Caption[] = [];
  if (rgb) {
    picture = gridOf(big, cols, 6);
  } else {
    // One block per filter (its input channels in a row), `blocks` blocks a row.
    const perFilter: PixelImage[] = [];
    for (let f = 0; f < nf; f++) perFilter.push(gridOf(big.slice(f * cols, (f + 1) * cols), cols, 1));
    picture = gridOf(perFilter, blocks, 8);
    const blockW = perFilter[0].width;
    const tileW = kw * scale;
    headers = [];
    for (let b = 0; b < blocks; b++) {
      channelNames.forEach((h, c) => headers.push({ text: h, x: 8 + b * (blockW + 8) + 1 + c * (tileW + 1) + tileW / 2, y: 14, maxWidth: Math.max(tileW, 14), size: 11 }));
    }
    // Column headers, so that a reader knows which input channel a column shows (one channel needs none).
    if (cols > 1) picture = compose(picture.width, picture.height + HEADER, [{ image: picture, x: 0, y: HEADER }], headers);
  }
  picture = withTitle(picture, o.title ?? `${name} [${weight.shape.join(", ")}]`);
  const text = `<${nf}${nf < O ? ` of ${O}` : ""} filters ${kh}x${kw} of ${name} [${weight.shape.join(", ")}], values in [${format_value(lo)}, ${format_value(hi)}]; ${how}; ${picture.width}x${picture.height} PNG>`;
  return pictureBundle(picture, text);
}

/** One column of a comparison: its images as [0, 1] pixels. */
interface Column {
  name: string;
  images: PixelImage[];
  note: string;
}

function columnOf(op: string, name: string, x: Tensor | readonly Tensor[], o: CompareOptions): Column {
  if (Array.isArray(x) && x.some((t) => t instanceof Tensor && t.shape.join() !== (x[0] as Tensor).shape.join())) {
    // Images of different sizes (random crops) cannot share one batch: each is prepared alone.
    const parts = (x as readonly Tensor[]).slice(0, o.max_images ?? 8).map((t) => columnOf(op, name, [t], o));
    return { name, images: parts.flatMap((p) => p.images), note: [...new Set(parts.map((p) => p.note).filter((n) => n))].join("; ") };
  }
  const p = prepare(op, x, { normalize: o.normalize, mean: o.mean, std: o.std, max_images: o.max_images ?? 8 });
  const [B, C, H, W] = p.shape;
  const plane = C * H * W;
  const images: PixelImage[] = [];
  for (let b = 0; b < B; b++) {
    const px = chw_to_pixels(p.values.subarray(b * plane, (b + 1) * plane), C, H, W);
    images.push(C === 1 ? apply_colormap(px, o.cmap ?? "gray") : px);
  }
  return { name, images, note: p.note };
}

/**
 * Images side by side with other versions of themselves: `{ original: x, flipped: x.flip(3) }`
 * gives a row per image and a named column per version. Versions may differ in size (a crop).
 */
export function compare_bundle(columns: Record<string, Tensor | readonly Tensor[]>, o: CompareOptions = {}): MimeBundle & { "image/png": string; "text/plain": string } {
  const op = "display.compare()";
  if (columns === null || typeof columns !== "object" || Object.keys(columns).length === 0) throw new TypeError(`${op}: expected columns as { name: images, ... }`);
  checkScale(o.scale);
  const cols = Object.entries(columns).map(([name, x]) => columnOf(op, name, x, o));
  const rows = cols[0].images.length;
  for (const c of cols) if (c.images.length !== rows) throw new ValueError(`${op}: column '${c.name}' has ${c.images.length} images but '${cols[0].name}' has ${rows}`);
  const maxH = Math.max(...cols.flatMap((c) => c.images.map((i) => i.height)));
  const maxW = Math.max(...cols.flatMap((c) => c.images.map((i) => i.width)));
  const scale = o.scale === undefined || o.scale === "auto" ? auto_scale(maxH, maxW, cols.length * (maxW + GAP), rows * (maxH + GAP)) : o.scale;
  const cellW = Math.max(maxW * scale, 64);
  const cellH = maxH * scale;
  const top = (o.title !== undefined ? TITLE_HEIGHT : 0) + HEADER;
  const width = cols.length * (cellW + GAP) + GAP;
  const height = top + rows * (cellH + GAP) + GAP;
  const pictures: Placed[] = [];
  const captions: Caption[] = [];
  cols.forEach((c, j) => {
    const x0 = GAP + j * (cellW + GAP);
    captions.push({ text: c.name, x: x0 + cellW / 2, y: top - 6, maxWidth: cellW, size: 12, bold: j === 0 });
    c.images.forEach((img, i) => {
      const big = upscale(img, scale);
      pictures.push({ image: big, x: x0 + Math.floor((cellW - big.width) / 2), y: top + GAP + i * (cellH + GAP) + Math.floor((cellH - big.height) / 2) });
    });
  });
  if (o.title !== undefined) captions.push({ text: o.title, x: width / 2, y: 19, maxWidth: width - 8, size: 14, bold: true });
  const figure = compose(width, height, pictures, captions);
  const notes = cols.filter((c) => c.note).map((c) => `${c.name}: ${c.note}`);
  const text = `<${rows} images in ${cols.length} columns (${cols.map((c) => c.name).join(", ")})${o.title !== undefined ? ` '${o.title}'` : ""}, ${width}x${height} PNG${notes.length ? `; ${notes.join("; ")}` : ""}>`;
  return pictureBundle(figure, text);
}

function imageList(op: string, x: Tensor | readonly Tensor[], max: number): Tensor[] {
  if (x instanceof Tensor) {
    if (x.dim() === 4) return Array.from({ length: Math.min(x.shape[0], max) }, (_, i) => x.select(0, i));
    if (x.dim() === 3 || x.dim() === 2) return [x];
    throw new ValueError(`${op}: expected images [B, C, H, W], [C, H, W] or a list, got shape [${x.shape.join(", ")}]`);
  }
  if (Array.isArray(x) && x.length > 0 && x.every((t) => t instanceof Tensor)) return x.slice(0, max);
  throw new TypeError(`${op}: expected a Tensor or a non-empty list of Tensors`);
}

/**
 * Each image beside `copies` augmented versions of it: `transform` (a torchvision transform or
 * any function of a [C, H, W] tensor) runs anew for every copy, so random transforms show their range.
 */
export function augmentations_bundle(images: Tensor | readonly Tensor[], transform: (img: Tensor) => unknown, o: AugmentationOptions = {}): MimeBundle & { "image/png": string; "text/plain": string } {
  const op = "display.augmentations()";
  if (typeof transform !== "function") throw new TypeError(`${op}: transform must be a function of an image tensor (e.g. transforms.RandomRotation(30))`);
  const copies = o.copies ?? 4;
  if (!Number.isInteger(copies) || copies < 1 || copies > 32) throw new ValueError(`${op}: copies must be an integer from 1 to 32, got ${String(copies)}`);
  const { copies: _c, ...rest } = o;
  void _c;
  const originals = imageList(op, images, o.max_images ?? 8);
  const columns: Record<string, Tensor[]> = { original: originals };
  for (let k = 1; k <= copies; k++) {
    columns[`augmented ${k}`] = originals.map((img, i) => {
      const out = transform(img);
      if (!(out instanceof Tensor)) throw new TypeError(`${op}: the transform gave ${out === null ? "null" : typeof out} for image ${i}, not a Tensor (end a PIL-style pipeline with transforms.ToTensor())`);
      return out;
    });
  }
  return compare_bundle(columns, rest);
}
