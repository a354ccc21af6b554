/**
 * torchvision.utils.draw_bounding_boxes and draw_segmentation_masks on uint8 [C, H, W] images, pixel
 * for pixel as torchvision 0.14 draws them: boxes as Pillow 9 draws rectangles (an outline `width`
 * pixels thick inside the box, a fill blended at alpha 100 with Pillow's integer blend), masks as
 * torchvision's float32 blend truncated to bytes. Label text is drawn with @napi-rs/canvas's default
 * sans-serif font at 10 px: torchvision's default is Pillow's built-in bitmap font, which torchlab
 * does not have, so label pixels differ from torchvision's (boxes and fills do not).
 */
import { Tensor } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { from_typed } from "../ops/creation";
import { parseArgs } from "../tensor/args";
import { TypeError, ValueError } from "../errors";

/** A color: [r, g, b], "#rrggbb", "#rgb", or a CSS color name. */
export type Color = string | number[];
type RGB = [number, number, number];

// The CSS names notebooks use most; Pillow's ImageColor knows all 148.
const NAMED: Record<string, RGB> = {
  black: [0, 0, 0], white: [255, 255, 255], red: [255, 0, 0], lime: [0, 255, 0], green: [0, 128, 0], blue: [0, 0, 255],
  yellow: [255, 255, 0], cyan: [0, 255, 255], aqua: [0, 255, 255], magenta: [255, 0, 255], fuchsia: [255, 0, 255],
  gray: [128, 128, 128], grey: [128, 128, 128], silver: [192, 192, 192], maroon: [128, 0, 0], olive: [128, 128, 0],
  purple: [128, 0, 128], teal: [0, 128, 128], navy: [0, 0, 128], orange: [255, 165, 0], pink: [255, 192, 203],
  brown: [165, 42, 42], gold: [255, 215, 0], violet: [238, 130, 238], indigo: [75, 0, 130], coral: [255, 127, 80],
  salmon: [250, 128, 114], crimson: [220, 20, 60], turquoise: [64, 224, 208], orchid: [218, 112, 214],
};

/** Pillow's ImageColor.getrgb for hex strings and the names above; a list is taken as RGB. */
function rgbOf(c: Color): RGB {
  if (Array.isArray(c)) {
    if (c.length !== 3 || !c.every((v) => Number.isInteger(v))) throw new ValueError(`a color must be 3 integers (r, g, b), got [${c.join(", ")}]`);
    return [c[0], c[1], c[2]];
  }
  if (typeof c !== "string") throw new ValueError(`colors must be a tuple or a string, or a list thereof`);
  const s = c.toLowerCase();
  let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(s);
  if (m) return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (m) return [parseInt(m[1] + m[1], 16), parseInt(m[2] + m[2], 16), parseInt(m[3] + m[3], 16)];
  if (s in NAMED) return NAMED[s];
  throw new ValueError(`unknown color specifier: '${c}'`);
}

/** torchvision's _generate_color_palette: color i is (i * [2**25 - 1, 2**15 - 1, 2**21 - 1]) % 255. */
function palette(n: number): RGB[] {
  return Array.from({ length: n }, (_, i) => [(i * (2 ** 25 - 1)) % 255, (i * (2 ** 15 - 1)) % 255, (i * (2 ** 21 - 1)) % 255] as RGB);
}

function checkImage(image: Tensor, rgbOnly: boolean): void {
  if (!(image instanceof Tensor)) throw new TypeError(`The image must be a tensor, got ${typeof image}`);
  if (image.dtype !== D.uint8) throw new ValueError(`The image dtype must be uint8, got ${image.dtype}`);
  if (image.dim() !== 3) throw new ValueError("Pass individual images, not batches");
  if (rgbOnly && image.shape[0] !== 3) throw new ValueError("Pass an RGB image. Other Image formats are not supported");
}

/** An HWC byte copy of a [C, H, W] uint8 image (a 1-channel image repeated to RGB). */
function toHWC(image: Tensor): { px: Uint8Array; h: number; w: number } {
  const [c, h, w] = image.shape;
  const v = image.contiguous().dataSync() as ArrayLike<number>;
  const px = new Uint8Array(h * w * 3);
  for (let ch = 0; ch < 3; ch++) {
    const src = c === 1 ? 0 : ch;
    for (let i = 0; i < h * w; i++) px[i * 3 + ch] = v[src * h * w + i];
  }
  return { px, h, w };
}

function fromHWC(px: Uint8Array, h: number, w: number): Tensor {
  const out = new Int32Array(3 * h * w);
  for (let ch = 0; ch < 3; ch++) for (let i = 0; i < h * w; i++) out[ch * h * w + i] = px[i * 3 + ch];
  return from_typed(out, [3, h, w], { dtype: D.uint8 });
}

/** Pillow's integer blend of `ink` at `alpha` over a pixel: (in*(255-a) + ink*a) / 255, rounded its way. */
function blend(px: Uint8Array, i: number, ink: RGB, alpha: number): void {
  for (let ch = 0; ch < 3; ch++) {
    const t = px[i + ch] * (255 - alpha) + ink[ch] * alpha + 128;
    px[i + ch] = ((t >> 8) + t) >> 8;
  }
}

/**
 * Pillow's rectangle over [x0, x1] x [y0, y1] (inclusive): filled with `ink` blended at `alpha`, or
 * (ring = width) outlined as Pillow 9 does: for i < width, rows y0 + i and y1 - i, and columns x0 + i
 * and x1 - i from y0 + width to y1 - width (a segment between the two, also when they cross).
 */
function rectangle(px: Uint8Array, h: number, w: number, box: number[], ink: RGB, alpha: number, ring: number | null): void {
  const [x0, y0, x1, y1] = box;
  const dot = (x: number, y: number): void => {
    if (x >= 0 && x < w && y >= 0 && y < h) blend(px, (y * w + x) * 3, ink, alpha);
  };
  const row = (y: number): void => {
    for (let x = x0; x <= x1; x++) dot(x, y);
  };
  const column = (x: number, ya: number, yb: number): void => {
    for (let y = Math.min(ya, yb); y <= Math.max(ya, yb); y++) dot(x, y);
  };
  if (ring === null) {
    for (let y = y0; y <= y1; y++) row(y);
    return;
  }
  for (let i = 0; i < ring; i++) {
    row(y0 + i);
    row(y1 - i);
    column(x1 - i, y0 + ring, y1 - ring);
    column(x0 + i, y0 + ring, y1 - ring);
  }
}

function drawLabel(px: Uint8Array, h: number, w: number, x: number, y: number, text: string, ink: RGB): void {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const lib = require("@napi-rs/canvas") as typeof import("@napi-rs/canvas");
  const canvas = lib.createCanvas(w, h);
  const ctx = canvas.getContext("2d");
  ctx.font = "10px sans-serif";
  ctx.textBaseline = "top";
  ctx.fillStyle = "#000";
  ctx.fillText(text, x, y);
  const a = ctx.getImageData(0, 0, w, h).data;
  for (let i = 0; i < w * h; i++) if (a[i * 4 + 3] > 0) blend(px, i * 3, ink, a[i * 4 + 3]);
}

export interface DrawBoundingBoxesOptions {
  labels?: string[] | null;
  colors?: Color | Color[] | null;
  fill?: boolean;
  width?: number;
  font?: string | null;
  font_size?: number | null;
}

/**
 * Draws boxes on a uint8 image, torchvision's
 * `draw_bounding_boxes(image, boxes, labels=None, colors=None, fill=False, width=1, font=None, font_size=None)`.
 *
 * Args:
 *   image (Tensor[C, H, W] uint8, C 1 or 3); boxes (Tensor[N, 4]) as (xmin, ymin, xmax, ymax) in pixels,
 *   truncated to integers; labels: one string per box; colors: one color for all, or one per box
 *   (default: torchvision's palette); fill: also fill each box at alpha 100; width: outline width.
 * Returns: Tensor[3, H, W] uint8.
 *
 * @example torchvision.utils.draw_bounding_boxes(img, torch.tensor([[10, 10, 50, 40]]), {colors: "red", width: 2})
 */
export function draw_bounding_boxes(image: Tensor, boxes: Tensor, ...rest: (DrawBoundingBoxesOptions | string[] | Color | Color[] | boolean | number | null | undefined)[]): Tensor {
  const a = parseArgs("draw_bounding_boxes", rest, ["labels", "colors", "fill", "width", "font", "font_size"]);
  if (!(image instanceof Tensor)) throw new TypeError(`Tensor expected, got ${typeof image}`);
  if (image.dtype !== D.uint8) throw new ValueError(`Tensor uint8 expected, got ${image.dtype}`);
  if (image.dim() !== 3) throw new ValueError("Pass individual images, not batches");
  if (image.shape[0] !== 1 && image.shape[0] !== 3) throw new ValueError("Only grayscale and RGB images are supported");
  const b = boxes.float().dataSync() as ArrayLike<number>;
  const n = boxes.shape[0];
  for (let i = 0; i < n; i++) {
    if (b[i * 4] > b[i * 4 + 2] || b[i * 4 + 1] > b[i * 4 + 3]) {
      throw new ValueError("Boxes need to be in (xmin, ymin, xmax, ymax) format. Use torchvision.ops.box_convert to convert them");
    }
  }
  if (n === 0) return image;
  const labels = (a.labels as string[] | null | undefined) ?? null;
  if (labels !== null && labels.length !== n) {
    throw new ValueError(`Number of boxes (${n}) and labels (${labels.length}) mismatch. Please specify labels for each box.`);
  }
  let colors: Color[];
  const given = a.colors as Color | Color[] | null | undefined;
  if (given === undefined || given === null) colors = palette(n);
  else if (Array.isArray(given) && (typeof given[0] === "string" || Array.isArray(given[0]))) {
    if (given.length < n) throw new ValueError(`Number of colors (${given.length}) is less than number of boxes (${n}). `);
    colors = given as Color[];
  } else colors = Array(n).fill(given);
  const rgb = colors.map(rgbOf);
  if (a.font !== undefined && a.font !== null) throw new ValueError("draw_bounding_boxes(): font files are not supported by torchlab; leave font unset for the default font");
  const fill = (a.fill as boolean | undefined) ?? false;
  const width = (a.width as number | undefined) ?? 1;
  const { px, h, w } = toHWC(image);
  for (let i = 0; i < n; i++) {
    const box = [0, 1, 2, 3].map((k) => Math.trunc(b[i * 4 + k]));
    if (fill) rectangle(px, h, w, box, rgb[i], 100, null);
    if (width !== 0) rectangle(px, h, w, box, rgb[i], 255, width);
    if (labels !== null && labels[i] !== null && labels[i] !== undefined) drawLabel(px, h, w, box[0] + width + 1, box[1] + width + 1, String(labels[i]), rgb[i]);
  }
  return fromHWC(px, h, w);
}

export interface DrawSegmentationMasksOptions {
  alpha?: number;
  colors?: Color | Color[] | null;
}

/**
 * Overlays boolean masks on a uint8 RGB image, torchvision's
 * `draw_segmentation_masks(image, masks, alpha=0.8, colors=None)`: each mask's pixels take its color,
 * then `image * (1 - alpha) + drawn * alpha` in float32, truncated to uint8.
 *
 * Args: image (Tensor[3, H, W] uint8); masks (Tensor[H, W] or Tensor[N, H, W] bool);
 *   alpha: the overlay's opacity. Default: 0.8; colors: one per mask (default: torchvision's palette).
 * Returns: Tensor[3, H, W] uint8.
 */
export function draw_segmentation_masks(image: Tensor, masks: Tensor, ...rest: (DrawSegmentationMasksOptions | number | Color | Color[] | null | undefined)[]): Tensor {
  const a = parseArgs("draw_segmentation_masks", rest, ["alpha", "colors"]);
  checkImage(image, true);
  if (masks.dim() === 2) masks = masks.unsqueeze(0);
  if (masks.dim() !== 3) throw new ValueError("masks must be of shape (H, W) or (batch_size, H, W)");
  if (masks.dtype !== D.bool) throw new ValueError(`The masks must be of dtype bool. Got ${masks.dtype}`);
  if (masks.shape[1] !== image.shape[1] || masks.shape[2] !== image.shape[2]) throw new ValueError("The image and the masks must have the same height and width");
  const n = masks.shape[0];
  let colors = a.colors as Color | Color[] | null | undefined;
  // torchvision compares with len(colors), which for one color is its string length or 3.
  if (colors !== undefined && colors !== null && n > colors.length) throw new ValueError(`There are more masks (${n}) than colors (${colors.length})`);
  if (n === 0) return image;
  if (colors === undefined || colors === null) colors = palette(n);
  const list: Color[] = Array.isArray(colors) && (typeof colors[0] === "string" || Array.isArray(colors[0])) ? (colors as Color[]) : [colors as Color];
  if (Array.isArray(list[0]) && list[0].length !== 3) throw new ValueError("It seems that you passed a tuple of colors instead of a list of colors");
  const rgb = list.map(rgbOf);
  const alpha = (a.alpha as number | undefined) ?? 0.8;
  const [, h, w] = image.shape;
  const src = image.contiguous().dataSync() as ArrayLike<number>;
  const drawn = Int32Array.from(src);
  const m = masks.contiguous().dataSync() as ArrayLike<number>;
  for (let k = 0; k < Math.min(n, rgb.length); k++) {
    for (let i = 0; i < h * w; i++) if (m[k * h * w + i]) for (let ch = 0; ch < 3; ch++) drawn[ch * h * w + i] = rgb[k][ch];
  }
  // PyTorch: uint8 * python float is float32 arithmetic; .to(uint8) truncates.
  const f = Math.fround;
  const keep = f(1 - alpha);
  const al = f(alpha);
  const out = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = Math.trunc(f(f(src[i] * keep) + f(drawn[i] * al))) & 255;
  return from_typed(out, [3, h, w], { dtype: D.uint8 });
}
