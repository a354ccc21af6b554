/**
 * Image bundles: a tensor (or a batch of them) as PNG pixels, optionally with a title and a label
 * under each image, and feature maps as a grid of per-channel normalised, colour-mapped tiles.
 * Builders only: they return MIME bundles; src/display/index.ts sends them.
 */
import { Tensor } from "../tensor/tensor";
import { no_grad } from "../autograd/grad_mode";
import { TypeError, ValueError } from "../errors";
import type { Module } from "../nn/modules/module";
import type { MimeBundle } from "./emitter";
import { encode_png, PixelImage } from "./png";
import { chw_to_pixels, upscale, apply_colormap, to_rgba, ColorMap } from "./raster";
import { format_value } from "./format";

/** How values become [0, 1]: "auto" leaves [0, 1] alone, divides 0..255 integers by 255, else min-max. */
export type Normalize = boolean | "auto";

/** Options shared by the image helpers. */
export interface ImageOptions {
  /** Images per row for a batch. Default 8 (display.images), ceil(sqrt(C)) (feature maps). */
  nrow?: number;
  /** Pixels between the images of a grid. Default 2. */
  padding?: number;
  /** Value of the padding, in [0, 1]. Default 0 (black) for images, 1 (white) for feature maps. */
  pad_value?: number;
  /** true: min-max over the whole batch; false: clamp to [0, 1]; "auto" (default): see {@link Normalize}. */
  normalize?: Normalize;
  /** With normalize: each image by its own min and max. */
  scale_each?: boolean;
  /** Title drawn above the picture. */
  title?: string;
  /** Integer nearest-neighbour magnification, or "auto" (default): small images grow to ~84 px. */
  scale?: number | "auto";
  /** Colour map for one-channel images: "gray" (default for images), "viridis" (default for feature maps), "magma". */
  cmap?: ColorMap;
  /**
   * Undo `transforms.Normalize(mean, std)` before showing: each channel becomes `x * std + mean`.
   * One value per channel, or one for all.
   */
  mean?: readonly number[];
  /** See `mean`. */
  std?: readonly number[];
  /** At most this many images of a batch are drawn (the first ones), so one call cannot flood a notebook. Default 256. */
  max_images?: number;
}

/** Options of display.images: a label under each image. */
export interface ImagesOptions extends ImageOptions {
  /** One label per image: class indices (numbers or an integer tensor) or strings. */
  labels?: readonly (string | number)[] | Tensor;
  /** The same as labels (the name matplotlib users reach for). */
  titles?: readonly (string | number)[] | Tensor;
  /** Class names that numeric labels index into (e.g. `train_set.classes`). */
  classes?: readonly string[];
}

/** Options of display.feature_maps. */
export interface FeatureMapOptions extends ImageOptions {
  /** Which sample of a batch to show. Default 0. */
  index?: number;
  /** At most this many channels are drawn (the first ones). Default 64. */
  max_channels?: number;
  /** Module form: the layer whose output to show, by its name in named_modules() or itself. Default: every leaf layer with a 4-D output. */
  layer?: string | Module;
}

/** Images as [0, 1] floats, [B, C, H, W]. */
export interface Prepared {
  values: Float32Array;
  shape: [number, number, number, number];
  /** Images in the input, of which the first shape[0] are kept. */
  total: number;
  /** What was done to the values, for the text rendering. */
  note: string;
}

const fmt = (shape: readonly number[]): string => `[${shape.join(", ")}]`;

export function floatValues(t: Tensor): Float32Array {
  const v = t.dataSync();
  return v instanceof Float32Array ? v : Float32Array.from(v);
}

/** The shape as a [B, C, H, W] batch of C in 1..4 channels, with a hint for the usual mistakes. */
function asBatch(op: string, shape: number[], batchOk: boolean): [number, number, number, number] {
  const hint =
    shape.length >= 3 && [1, 3, 4].includes(shape[shape.length - 1]) && ![1, 3, 4].includes(shape[shape.length - 3])
      ? `; channels-last data needs x.permute(${shape.length === 4 ? "0, 3, 1, 2" : "2, 0, 1"}) first`
      : "";
  let s: number[];
  if (shape.length === 2) s = [1, 1, ...shape];
  else if (shape.length === 3) s = [1, ...shape];
  else if (shape.length === 4 && batchOk) s = shape;
  else throw new ValueError(`${op}(): expected an image [C, H, W] or [H, W]${batchOk ? " or a batch [B, C, H, W]" : ""}, got shape ${fmt(shape)}${hint}`);
  if (![1, 2, 3, 4].includes(s[1]) || s[2] < 1 || s[3] < 1) {
    throw new ValueError(`${op}(): an image needs 1 (gray), 3 (RGB) or 4 (RGBA) channels, got shape ${fmt(shape)}${hint}`);
  }
  return s as [number, number, number, number];
}

export function range(v: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    if (v[i] < lo) lo = v[i];
    if (v[i] > hi) hi = v[i];
  }
  return [lo, hi];
}

function minmax(v: Float32Array): void {
  const [lo, hi] = range(v);
  const d = Math.max(hi - lo, 1e-5);
  for (let i = 0; i < v.length; i++) v[i] = (v[i] - lo) / d;
}

/** x * std[c] + mean[c] per channel: the inverse of transforms.Normalize. */
function unnormalize(op: string, values: Float32Array, shape: [number, number, number, number], mean: readonly number[], std: readonly number[]): Float32Array {
  const [B, C, H, W] = shape;
  for (const [name, v] of [["mean", mean], ["std", std]] as const) {
    if (!Array.isArray(v) || (v.length !== 1 && v.length !== C) || !v.every((x) => typeof x === "number")) {
      throw new ValueError(`${op}(): ${name} must list 1 or ${C} numbers (one per channel), got ${JSON.stringify(v)}`);
    }
  }
  const out = new Float32Array(values.length);
  const plane = H * W;
  for (let b = 0; b < B; b++) {
    for (let c = 0; c < C; c++) {
      const m = mean[mean.length === 1 ? 0 : c];
      const s = std[std.length === 1 ? 0 : c];
      const o = (b * C + c) * plane;
      for (let p = 0; p < plane; p++) out[o + p] = values[o + p] * s + m;
    }
  }
  return out;
}

/** Brings tensor values into [0, 1] as `normalize` asks, remembering what it did. */
export function prepare(op: string, x: Tensor | readonly Tensor[], o: ImageOptions, batchOk = true): Prepared {
  let values: Float32Array;
  let shape: number[];
  let integer: boolean;
  if (x instanceof Tensor) {
    values = floatValues(x);
    shape = x.shape;
    integer = x.dtype._tf !== "float32";
  } else if (Array.isArray(x) && x.length > 0 && x.every((t) => t instanceof Tensor)) {
    const first = x[0].shape;
    x.forEach((t, i) => {
      if (fmt(t.shape) !== fmt(first)) throw new ValueError(`${op}(): all images must have the same shape, got ${fmt(first)} at 0 and ${fmt(t.shape)} at ${i}`);
    });
    const parts = x.map(floatValues);
    values = new Float32Array(parts.length * parts[0].length);
    parts.forEach((p, i) => values.set(p, i * p.length));
    shape = [x.length, ...(first.length === 2 ? [1, ...first] : first)];
    integer = x.every((t: Tensor) => !t.dtype.is_floating_point);
  } else {
    throw new TypeError(`${op}(): expected a Tensor or a non-empty list of Tensors, got ${Array.isArray(x) ? "an empty or mixed list" : typeof x}`);
  }
  let batch = asBatch(op, shape, batchOk);
  const total = batch[0];
  const max = o.max_images ?? 256;
  if (!Number.isInteger(max) || max < 1) throw new ValueError(`${op}(): max_images must be a positive integer, got ${String(max)}`);
  let note = "";
  if (total > max) {
    batch = [max, batch[1], batch[2], batch[3]];
    values = values.slice(0, max * batch[1] * batch[2] * batch[3]);
    note = `first ${max} of ${total} images`;
  }
  if (o.mean !== undefined || o.std !== undefined) {
    values = unnormalize(op, values, batch, o.mean ?? [0], o.std ?? [1]);
    note = note ? `${note}; mean/std undone` : "mean/std undone";
  }
  const normalize = o.normalize ?? "auto";
  const [lo, hi] = range(values);
  const join = (more: string): string => (note ? `${note}; ${more}` : more);
  const perImage = (fn: (v: Float32Array) => void): void => {
    const n = batch[1] * batch[2] * batch[3];
    if (o.scale_each) for (let b = 0; b < batch[0]; b++) fn(values.subarray(b * n, (b + 1) * n));
    else fn(values);
  };
  if (normalize === true) {
    values = values.slice();
    perImage(minmax);
    note = join(o.scale_each ? "each image min-max normalised" : `normalised from [${format_value(lo)}, ${format_value(hi)}]`);
  } else if (normalize === "auto") {
    if (integer && lo >= 0 && hi <= 255 && hi > 1) {
      values = values.map((v) => v / 255);
      note = join("0..255 shown as bytes");
    } else if (lo < 0 || hi > 1) {
      values = values.slice();
      perImage(minmax);
      note = join(`values in [${format_value(lo)}, ${format_value(hi)}], ${o.scale_each ? "each image " : ""}min-max normalised for display`);
    }
  } else if (lo < 0 || hi > 1) {
    note = join(`values in [${format_value(lo)}, ${format_value(hi)}] clamped to [0, 1]`);
  }
  return { values, shape: batch, total, note };
}

/** Tiles B images (already [0, 1]) into one [C, gridH, gridW] array, as make_grid lays them out. */
export function tile(p: Prepared, nrow: number, padding: number, pad_value: number): { values: Float32Array; C: number; H: number; W: number; rows: number; cols: number } {
  const [B, C, H, W] = p.shape;
  if (B === 1) return { values: p.values, C, H, W, rows: 1, cols: 1 };
  const cols = Math.min(nrow, B);
  const rows = Math.ceil(B / cols);
  const GH = (H + padding) * rows + padding;
  const GW = (W + padding) * cols + padding;
  const out = new Float32Array(C * GH * GW).fill(pad_value);
  for (let k = 0; k < B; k++) {
    const top = Math.floor(k / cols) * (H + padding) + padding;
    const left = (k % cols) * (W + padding) + padding;
    for (let c = 0; c < C; c++) {
      for (let y = 0; y < H; y++) {
        const src = ((k * C + c) * H + y) * W;
        out.set(p.values.subarray(src, src + W), (c * GH + top + y) * GW + left);
      }
    }
  }
  return { values: out, C, H: GH, W: GW, rows, cols };
}

/**
 * The "auto" magnification (nearest neighbour): each image at least ~84 px and the whole picture at
 * least ~256 px on its longer side (a make_grid of 28x28 digits is one 242 px image: it doubles), but
 * at most ~1200 px wide.
 */
export function auto_scale(imageH: number, imageW: number, totalW: number, totalH: number = imageH): number {
  let s = Math.max(1, Math.ceil(84 / Math.max(imageH, imageW)), Math.ceil(256 / Math.max(totalW, totalH)));
  while (s > 1 && totalW * s > 1200) s--;
  return s;
}

export function checkScale(scale: number | "auto" | undefined): void {
  if (scale !== undefined && scale !== "auto" && !(Number.isInteger(scale) && scale >= 1 && scale <= 64)) {
    throw new ValueError(`scale must be "auto" or an integer from 1 to 64, got ${String(scale)}`);
  }
}

/** A grid's nrow and padding (the helper's defaults where `o` has none), checked along with `o.scale`. */
export function gridLayout(op: string, o: ImageOptions, nrowDefault: number, paddingDefault: number): { nrow: number; padding: number } {
  const nrow = o.nrow ?? nrowDefault;
  const padding = o.padding ?? paddingDefault;
  if (!Number.isInteger(nrow) || nrow < 1) throw new ValueError(`${op}(): nrow must be a positive integer, got ${String(nrow)}`);
  if (!Number.isInteger(padding) || padding < 0) throw new ValueError(`${op}(): padding must be a non-negative integer, got ${String(padding)}`);
  checkScale(o.scale);
  return { nrow, padding };
}

// ------------------------------------------------------------------ figures with text (canvas)

type CanvasLib = typeof import("@napi-rs/canvas");
// Loaded on first use: plain pixel output works even where the native canvas cannot load.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const canvasLib = (): CanvasLib => require("@napi-rs/canvas") as CanvasLib;
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

/** A picture to place on a figure, at (x, y). */
export interface Placed {
  image: PixelImage;
  x: number;
  y: number;
}

/** A caption centred at (x, y) (the baseline), shortened with an ellipsis to fit maxWidth. */
export interface Caption {
  text: string;
  x: number;
  y: number;
  maxWidth: number;
  size: number;
  bold?: boolean;
}

/** Draws pictures and captions on white and returns the RGB pixels. */
export function compose(width: number, height: number, pictures: Placed[], captions: Caption[]): PixelImage {
  const lib = canvasLib();
  const canvas = lib.createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  for (const p of pictures) {
    // Drawn through a scratch canvas so that transparent pixels blend onto the white figure.
    const scratch = lib.createCanvas(p.image.width, p.image.height);
    scratch.getContext("2d").putImageData(new lib.ImageData(to_rgba(p.image), p.image.width, p.image.height), 0, 0);
    ctx.drawImage(scratch, p.x, p.y);
  }
  ctx.fillStyle = "#222222";
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  for (const c of captions) {
    ctx.font = `${c.bold ? "bold " : ""}${c.size}px ${FONT}`;
    let text = c.text;
    if (ctx.measureText(text).width > c.maxWidth) {
      while (text.length > 1 && ctx.measureText(text + "…").width > c.maxWidth) text = text.slice(0, -1);
      text += "…";
    }
    ctx.fillText(text, c.x, c.y);
  }
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) rgb.set(rgba.subarray(p * 4, p * 4 + 3), p * 3);
  return { width, height, channels: 3, data: rgb };
}

export const TITLE_HEIGHT = 28;

export function withTitle(image: PixelImage, title: string | undefined): PixelImage {
  if (title === undefined) return image;
  const width = Math.max(image.width, Math.min(800, Math.ceil(title.length * 8.5) + 16));
  return compose(
    width,
    image.height + TITLE_HEIGHT,
    [{ image, x: Math.floor((width - image.width) / 2), y: TITLE_HEIGHT }],
    [{ text: title, x: width / 2, y: 19, maxWidth: width - 8, size: 14, bold: true }],
  );
}

/** The bundle of a picture: PNG (base64) and a one-line description. */
export function pictureBundle(image: PixelImage, text: string): MimeBundle & { "image/png": string; "text/plain": string } {
  return { "image/png": encode_png(image).toString("base64"), "text/plain": text };
}

export function pixelsOf(values: Float32Array, C: number, H: number, W: number, cmap: ColorMap): PixelImage {
  const px = chw_to_pixels(values, C, H, W);
  return C === 1 ? apply_colormap(px, cmap) : px;
}

/**
 * PNG bytes of one image tensor: [C, H, W] with C = 1 (gray), 3 (RGB) or 4 (RGBA), or [H, W]; values
 * in [0, 1] become bytes as save_image rounds them (outside values are clamped). `scale` magnifies
 * with nearest neighbours. Gray stays a one-channel PNG.
 *
 * @example
 * fs.writeFileSync("digit.png", to_png(x[0], { scale: 4 }));
 */
export function to_png(t: Tensor, options: { scale?: number } = {}): Buffer {
  if (!(t instanceof Tensor)) throw new TypeError(`to_png(): expected a Tensor, got ${typeof t}`);
  const scale = options.scale ?? 1;
  checkScale(scale);
  const [, C, H, W] = asBatch("to_png", t.shape, false);
  return encode_png(upscale(chw_to_pixels(floatValues(t), C, H, W), scale));
}

// ------------------------------------------------------------------ bundles

/**
 * The bundle of one image ([C, H, W] or [H, W]) or of a batch ([B, C, H, W] or a list) tiled into a
 * grid: image/png (upscaled with nearest neighbours so small images stay readable) and text/plain.
 */
export function image_bundle(x: Tensor | readonly Tensor[], o: ImageOptions = {}): MimeBundle & { "image/png": string; "text/plain": string } {
  const { nrow, padding } = gridLayout("display.image", o, 8, 2);
  const p = prepare("display.image", x, o);
  const [B, C, H, W] = p.shape;
  const g = tile(p, nrow, padding, o.pad_value ?? 0);
  const scale = o.scale === undefined || o.scale === "auto" ? auto_scale(H, W, g.W, g.H) : o.scale;
  const image = withTitle(upscale(pixelsOf(g.values, C, g.H, g.W, o.cmap ?? "gray"), scale), o.title);
  const what = B === 1 ? `image [${C}, ${H}, ${W}]` : `${B} images [${C}, ${H}, ${W}] in a ${g.rows}x${g.cols} grid`;
  const text = `<${what}${o.title !== undefined ? ` '${o.title}'` : ""}, ${image.width}x${image.height} PNG${p.note ? `; ${p.note}` : ""}>`;
  return pictureBundle(image, text);
}

function labelTexts(labels: ImagesOptions["labels"], classes: readonly string[] | undefined, B: number): string[] | null {
  if (labels === undefined) return null;
  const list: (string | number)[] = labels instanceof Tensor ? (labels.reshape(-1).tolist() as number[]) : [...labels];
  if (list.length !== B) throw new ValueError(`display.images(): ${list.length} labels for ${B} images`);
  return list.map((l) => {
    if (typeof l === "number" && classes !== undefined) {
      if (!Number.isInteger(l) || l < 0 || l >= classes.length) throw new ValueError(`display.images(): label ${l} is not an index into the ${classes.length} classes`);
      return classes[l];
    }
    return String(l);
  });
}

/**
 * A labelled grid of a batch: each image with its label (a class name, a prediction) under it.
 * Without labels it is {@link image_bundle}'s grid.
 */
export function images_bundle(batch: Tensor | readonly Tensor[], o: ImagesOptions = {}): MimeBundle & { "image/png": string; "text/plain": string } {
  const { labels: given, titles, classes, ...imageOptions } = o;
  if (given !== undefined && titles !== undefined) throw new ValueError("display.images(): give labels or titles, not both");
  const labels = given ?? titles;
  if (labels === undefined) return image_bundle(batch, { ...imageOptions, nrow: o.nrow ?? 8 });
  const { nrow, padding } = gridLayout("display.images", o, 8, 2);
  const p = prepare("display.images", batch, o);
  const [B, C, H, W] = p.shape;
  const texts = (labelTexts(labels, classes, p.total) as string[]).slice(0, B);
  const cols = Math.min(nrow, B);
  const rows = Math.ceil(B / cols);
  const scale = o.scale === undefined || o.scale === "auto" ? auto_scale(H, W, cols * (W + 8), rows * (H + 24)) : o.scale;
  const cellW = Math.max(W * scale, 64);
  const labelH = 18;
  const gap = Math.max(padding, 6);
  const top = o.title !== undefined ? TITLE_HEIGHT : 0;
  const width = cols * cellW + (cols + 1) * gap;
  const height = top + rows * (H * scale + labelH) + (rows + 1) * gap;
  const plane = C * H * W;
  const pictures: Placed[] = [];
  const captions: Caption[] = [];
  for (let k = 0; k < B; k++) {
    const cx = gap + (k % cols) * (cellW + gap);
    const cy = top + gap + Math.floor(k / cols) * (H * scale + labelH + gap);
    const image = upscale(pixelsOf(p.values.subarray(k * plane, (k + 1) * plane), C, H, W, o.cmap ?? "gray"), scale);
    pictures.push({ image, x: cx + Math.floor((cellW - image.width) / 2), y: cy });
    captions.push({ text: texts[k], x: cx + cellW / 2, y: cy + H * scale + 13, maxWidth: cellW, size: 12 });
  }
  if (o.title !== undefined) captions.push({ text: o.title, x: width / 2, y: 19, maxWidth: width - 8, size: 14, bold: true });
  const figure = compose(width, height, pictures, captions);
  const shown = texts.length > 16 ? `${texts.slice(0, 16).join(", ")}, ...` : texts.join(", ");
  const text = `<${B} images [${C}, ${H}, ${W}]${o.title !== undefined ? ` '${o.title}'` : ""}, ${width}x${height} PNG${p.note ? `; ${p.note}` : ""}>\nlabels: ${shown}`;
  return pictureBundle(figure, text);
}

/**
 * Feature maps of one sample ([C, H, W], or [B, C, H, W] with `index`): every channel normalised to
 * its own min and max and colour-mapped, in a grid.
 */
export function feature_map_bundle(maps: Tensor, o: FeatureMapOptions = {}): MimeBundle & { "image/png": string; "text/plain": string } {
  if (!(maps instanceof Tensor)) throw new TypeError(`display.feature_maps(): expected a Tensor [C, H, W] or [B, C, H, W], got ${typeof maps}`);
  const shape = maps.shape;
  const index = o.index ?? 0;
  let one: Tensor;
  if (shape.length === 4) {
    if (!Number.isInteger(index) || index < 0 || index >= shape[0]) throw new ValueError(`display.feature_maps(): index ${index} is out of range for a batch of ${shape[0]} (shape ${fmt(shape)})`);
    one = maps.select(0, index);
  } else if (shape.length === 3) {
    one = maps;
  } else if (shape.length === 2) {
    one = maps.unsqueeze(0);
  } else {
    throw new ValueError(`display.feature_maps(): expected feature maps [C, H, W] or [B, C, H, W], got shape ${fmt(shape)}`);
  }
  const [C, H, W] = one.shape;
  const max_channels = o.max_channels ?? 64;
  if (!Number.isInteger(max_channels) || max_channels < 1) throw new ValueError(`display.feature_maps(): max_channels must be a positive integer, got ${String(max_channels)}`);
  const shown = Math.min(C, max_channels);
  const { nrow, padding } = gridLayout("display.feature_maps", o, Math.ceil(Math.sqrt(shown)), 1);
  const all = floatValues(one);
  const values = all.slice(0, shown * H * W);
  const plane = H * W;
  let dead = 0;
  for (let c = 0; c < shown; c++) {
    const v = values.subarray(c * plane, (c + 1) * plane);
    const [lo, hi] = range(v);
    if (hi === lo) dead++;
    minmax(v);
  }
  const g = tile({ values, shape: [shown, 1, H, W], total: shown, note: "" }, nrow, padding, 0);
  const gray = chw_to_pixels(g.values, 1, g.H, g.W);
  let colored = apply_colormap(gray, o.cmap ?? "viridis");
  // Padding between tiles in pad_value gray (default white), after the colour map so it stays neutral.
  const pad = Math.round(255 * Math.min(1, Math.max(0, o.pad_value ?? 1)));
  if (shown > 1 && padding > 0) {
    const ch = colored.channels;
    const data = colored.data.slice();
    for (let y = 0; y < g.H; y++) {
      for (let x = 0; x < g.W; x++) {
        const inTile = y % (H + padding) >= padding && x % (W + padding) >= padding;
        const k = Math.floor(y / (H + padding)) * g.cols + Math.floor(x / (W + padding));
        if (!inTile || k >= shown) data.fill(pad, (y * g.W + x) * ch, (y * g.W + x + 1) * ch);
      }
    }
    colored = { ...colored, data };
  }
  const scale = o.scale === undefined || o.scale === "auto" ? auto_scale(H, W, g.W, g.H) : o.scale;
  const image = withTitle(upscale(colored, scale), o.title);
  const [lo, hi] = range(all);
  const text =
    `<feature maps${o.title !== undefined ? ` '${o.title}'` : ""}: ${shown}${shown < C ? ` of ${C}` : ""} channels of ${H}x${W}` +
    `${shape.length === 4 ? ` (sample ${index} of ${shape[0]})` : ""}, values in [${format_value(lo)}, ${format_value(hi)}]` +
    `${dead ? `, ${dead} constant channel${dead > 1 ? "s" : ""}` : ""}; each channel min-max normalised; ${image.width}x${image.height} PNG>`;
  return pictureBundle(image, text);
}

type Callable = (input: Tensor) => unknown;

/**
 * Runs `module(input)` in eval mode without recording gradients (the modules' modes are restored
 * afterwards) and collects, through forward hooks, the 4-D output of `layer` (or of every leaf layer
 * that gives one; [C, H, W] outputs for an unbatched input). Returns ["name (Class)", output] pairs
 * in call order.
 */
export function capture_feature_maps(module: Module, input: Tensor, layer?: string | Module): [string, Tensor][] {
  if (typeof module !== "function" || typeof (module as Partial<Module>).named_modules !== "function") {
    throw new TypeError("display.feature_maps(module, input): module must be a torch.nn.Module");
  }
  if (!(input instanceof Tensor)) throw new TypeError(`display.feature_maps(module, input): input must be a Tensor, got ${typeof input}`);
  const named = module.named_modules();
  let targets: [string, Module][];
  if (layer === undefined) {
    // A bare layer (nn.Conv2d itself) is its own only leaf.
    targets = named.length === 1 ? named : named.filter(([name, m]) => name !== "" && m.named_modules().length === 1);
  } else if (typeof layer === "string") {
    const found = named.find(([name]) => name === layer);
    if (found === undefined) {
      throw new ValueError(`display.feature_maps(): no layer named '${layer}' (layers: ${named.map(([n]) => n).filter((n) => n !== "").join(", ")})`);
    }
    targets = [found];
  } else {
    const found = named.find(([, m]) => m === layer);
    if (found === undefined) throw new ValueError("display.feature_maps(): the given layer is not a submodule of the module");
    targets = [found];
  }
  const captured: [string, Tensor][] = [];
  // An unbatched [C, H, W] input gives [C, H, W] maps, as torch's conv layers allow.
  const rank = input.dim() === 3 ? 3 : 4;
  const handles = targets.map(([name, m]) =>
    m.register_forward_hook((_m: unknown, _input: unknown, output: unknown) => {
      if (output instanceof Tensor && output.dim() === rank) captured.push([name === "" ? m._get_name() : `${name} (${m._get_name()})`, output.detach()]);
    }),
  );
  // Looking must not change the model: eval mode keeps BatchNorm's running statistics and turns
  // Dropout off for the look; every module's own mode is put back afterwards.
  const modes = named.map(([, m]) => [m, m.training] as const);
  module.eval();
  try {
    no_grad(() => (module as unknown as Callable)(input));
  } finally {
    handles.forEach((h) => h.remove());
    for (const [m, mode] of modes) m.training = mode;
  }
  if (captured.length === 0) {
    const asked = layer === undefined ? "no layer" : `layer '${targets[0][0]}'`;
    throw new ValueError(`display.feature_maps(): ${asked} gave a 4-D output [B, C, H, W] for input ${fmt(input.shape)}`);
  }
  return captured;
}
