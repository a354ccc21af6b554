/**
 * torchvision.io: reading and writing images, and `Image`, torchlab's stand-in for a PIL image.
 *
 * PNG goes through the shared codec (src/utils/png.ts), byte-exact and with the file's own channel
 * count, so `write_png` then `read_image` gives back the same tensor. JPEG, WebP, GIF and BMP are decoded by
 * `@napi-rs/canvas` (Skia), which yields RGBA; the channel count of a JPEG is read from its header.
 */
import * as fs from "node:fs";
import { Tensor } from "../tensor/tensor";
import { from_typed } from "../ops/creation";
import * as D from "../tensor/dtype";
import { noSuchFile, RuntimeError, TypeError, ValueError } from "../errors";
import { BytesIO, isBinaryFile } from "../io";
import { BufferedFile } from "../pyfile";
import { decodePng, encodePng, readPngChunks } from "../utils/png";
import { asPyTuple } from "../pyrepr";
import { writeFileAtomic } from "../serialization/atomic";

/**
 * An image whose header asks for more than twice `Image.MAX_IMAGE_PIXELS` pixels, refused before
 * it is decoded (PIL's DecompressionBombError): a few hundred KB of PNG can inflate to GBs.
 */
export class DecompressionBombError extends RuntimeError {
  constructor(message: string) {
    super(message);
    this.name = "DecompressionBombError";
  }
}

/** PIL's modes for the images torchlab handles: 8 bits per channel. */
export type ImageMode = "L" | "LA" | "RGB" | "RGBA";

const MODE_CHANNELS: Record<ImageMode, number> = { L: 1, LA: 2, RGB: 3, RGBA: 4 };

/** The mode PIL gives an 8-bit image with `channels` channels. */
export function modeFor(channels: number): ImageMode {
  const m = (["L", "LA", "RGB", "RGBA"] as const)[channels - 1];
  if (m === undefined) throw new ValueError(`an image has 1, 2, 3 or 4 channels, got ${channels}`);
  return m;
}

/**
 * A decoded 8-bit image, the value a dataset item has before `ToTensor` (PIL's `Image` in
 * PyTorch). Pixels are row-major, channels interleaved (HWC), as in `numpy.asarray(pil_image)`.
 * Transforms accept it and give back an `Image`; `transforms.ToTensor()` turns it into a float
 * tensor [C, H, W] in [0, 1], `transforms.PILToTensor()` into an integer tensor [C, H, W].
 *
 * @example
 * const img = torchvision.io.Image.open("cat.png");   // like PIL.Image.open
 * img.size        // [width, height], as PIL
 * transforms.ToTensor()(img).shape  // [3, H, W]
 */
export class Image {
  /**
   * PIL's decompression-bomb limit, in pixels (default 89478485, as PIL's `Image.MAX_IMAGE_PIXELS`).
   * Decoding an image of more than this many pixels emits a DecompressionBombWarning; more than
   * twice this many raises DecompressionBombError before anything is decoded. Set it to `null` to
   * turn the check off for images you trust, or to a larger number.
   *
   * @example
   * torchvision.io.Image.MAX_IMAGE_PIXELS = null;   // as `PIL.Image.MAX_IMAGE_PIXELS = None`
   */
  static MAX_IMAGE_PIXELS: number | null = Math.floor((1024 * 1024 * 1024) / 4 / 3);

  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly mode: ImageMode;

  constructor(data: Uint8Array, width: number, height: number, mode: ImageMode = "RGB") {
    if (!(data instanceof Uint8Array)) throw new TypeError("Image(): data must be a Uint8Array of HWC pixels");
    if (!(mode in MODE_CHANNELS)) throw new ValueError(`Image(): unknown mode '${String(mode)}' (L, LA, RGB, RGBA)`);
    const need = width * height * MODE_CHANNELS[mode];
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0 || data.length !== need) {
      throw new ValueError(`Image(): ${data.length} bytes do not make a ${width}x${height} ${mode} image (${need} bytes)`);
    }
    this.data = data;
    this.width = width;
    this.height = height;
    this.mode = mode;
  }

  /**
   * Decodes an image file (PNG, JPEG, WebP, GIF, BMP), like `PIL.Image.open(fp)`: a path, a file opened
   * with `open(path, 'rb')` or an `io.BytesIO` of the file's bytes (read from its position).
   */
  static open(fp: string | BytesIO | BufferedFile): Image {
    const stream = isBinaryFile(fp) ? fp : null;
    const bytes = stream ? stream.read() : readBytes(fp as string);
    const img = decodeToImage(bytes, stream instanceof BufferedFile ? `'${stream.name}'` : stream ? String(stream) : `'${fp}'`);
    img.format = fileFormat(bytes);
    return img;
  }

  /**
   * The file format an image was opened from ('PNG', 'JPEG', 'GIF', 'BMP', 'WEBP'), as PIL's
   * `Image.format`; null for an image made in memory (convert, resize, a dataset's item), as PIL's None.
   */
  format: string | null = null;

  /** (width, height), as PIL's `Image.size` (a tuple: prints as `(50, 40)`). */
  get size(): [number, number] {
    return asPyTuple([this.width, this.height] as [number, number]);
  }
  get channels(): number {
    return MODE_CHANNELS[this.mode];
  }
  /** PIL's getbands(): ['R', 'G', 'B'] etc. */
  getbands(): string[] {
    return { L: ["L"], LA: ["L", "A"], RGB: ["R", "G", "B"], RGBA: ["R", "G", "B", "A"] }[this.mode];
  }

  /**
   * Converts between modes as PIL does: to 'L' with ITU-R 601-2 luma (L = R*299/1000 + G*587/1000 +
   * B*114/1000, rounded), to 'RGB' by dropping alpha / repeating gray, to 'RGBA' with opaque alpha.
   */
  convert(mode: ImageMode): Image {
    if (mode === this.mode) return new Image(this.data.slice(), this.width, this.height, mode);
    const n = this.width * this.height;
    const cin = this.channels;
    const cout = MODE_CHANNELS[mode];
    if (cout === undefined) throw new ValueError(`convert(): unknown mode '${String(mode)}'`);
    const out = new Uint8Array(n * cout);
    const src = this.data;
    const color = cin >= 3;
    const hasAlpha = cin === 2 || cin === 4;
    for (let i = 0; i < n; i++) {
      const o = i * cin;
      const r = src[o];
      const g = color ? src[o + 1] : r;
      const b = color ? src[o + 2] : r;
      const a = hasAlpha ? src[o + cin - 1] : 255;
      const q = i * cout;
      if (cout <= 2) {
        out[q] = color ? (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16 : r;
        if (cout === 2) out[q + 1] = a;
      } else {
        out[q] = r;
        out[q + 1] = g;
        out[q + 2] = b;
        if (cout === 4) out[q + 3] = a;
      }
    }
    return new Image(out, this.width, this.height, mode);
  }

  /** Writes the image as PNG (the only format torchlab encodes). */
  save(path: string): void {
    if (!/\.png$/i.test(path)) throw new ValueError(`Image.save(): torchlab writes PNG only; name the file *.png (got '${path}')`);
    writeFileAtomic(path, pngOf(this.data, this.width, this.height, this.channels, 6));
  }

  /**
   * PIL's repr, less the object's address: an opened file is its format plugin's class
   * (`<PIL.PngImagePlugin.PngImageFile image mode=RGBA size=40x30>`), any other image PIL.Image.Image.
   */
  toString(): string {
    const cls = this.format === null ? "Image.Image" : `${PLUGINS[this.format]}ImagePlugin.${PLUGINS[this.format]}ImageFile`;
    return `<PIL.${cls} image mode=${this.mode} size=${this.width}x${this.height}>`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
  /** Shows the picture in a notebook (PNG), with PIL's repr as the text form. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const png = pngOf(this.data, this.width, this.height, this.channels, 6);
    return { "image/png": Buffer.from(png).toString("base64"), "text/plain": this.toString() };
  }
}

/** How `read_image` / `decode_image` convert channels, as torchvision.io.ImageReadMode. */
export const ImageReadMode = {
  UNCHANGED: "UNCHANGED",
  GRAY: "GRAY",
  GRAY_ALPHA: "GRAY_ALPHA",
  RGB: "RGB",
  RGB_ALPHA: "RGB_ALPHA",
} as const;
export type ImageReadMode = (typeof ImageReadMode)[keyof typeof ImageReadMode];

const READ_MODE_TO_PIL: Record<Exclude<ImageReadMode, "UNCHANGED">, ImageMode> = { GRAY: "L", GRAY_ALPHA: "LA", RGB: "RGB", RGB_ALPHA: "RGBA" };

/** Reads a whole file, as torchvision.io.read_file; returns the bytes. */
export function read_file(path: string): Uint8Array {
  return readBytes(path);
}

/** Writes bytes to a file, as torchvision.io.write_file. */
export function write_file(filename: string, data: Uint8Array | Tensor): void {
  const bytes = data instanceof Tensor ? Uint8Array.from(data.dataSync()) : data;
  writeFileAtomic(filename, bytes);
}

/**
 * Reads a PNG or JPEG (also WebP, GIF, BMP) into an integer tensor [C, H, W] with values 0..255
 * (torchvision's uint8; torchlab's integer dtype is int32).
 *
 * Args:
 *   path: the image file.
 *   mode: ImageReadMode.UNCHANGED (default: the file's channels), GRAY, GRAY_ALPHA, RGB, RGB_ALPHA.
 *
 * @example
 * const img = torchvision.io.read_image("dog.jpg");   // int32 [3, H, W]
 * const x = img.float().div(255);
 */
export function read_image(path: string, mode: ImageReadMode = "UNCHANGED"): Tensor {
  return imageWithMode(decodeToImage(readBytes(path), `'${path}'`), mode, "read_image");
}

/** Decodes PNG/JPEG bytes (a Uint8Array, Buffer or 1-D integer tensor) into an integer tensor [C, H, W]. */
export function decode_image(input: Uint8Array | Tensor, mode: ImageReadMode = "UNCHANGED"): Tensor {
  const bytes = input instanceof Tensor ? tensorBytes(input, "decode_image") : input;
  if (!(bytes instanceof Uint8Array)) throw new TypeError("decode_image(): input must be a Uint8Array or a 1-D uint8 tensor of the file's bytes");
  return imageWithMode(decodeToImage(bytes, "decode_image input"), mode, "decode_image");
}

function imageWithMode(img: Image, mode: ImageReadMode, op: string): Tensor {
  if (!Object.prototype.hasOwnProperty.call(ImageReadMode, mode)) throw new ValueError(`${op}(): unknown mode '${String(mode)}' (UNCHANGED, GRAY, GRAY_ALPHA, RGB, RGB_ALPHA)`);
  return imageToTensor(mode === "UNCHANGED" ? img : img.convert(READ_MODE_TO_PIL[mode]));
}

/** decode_png, as torchvision.io.decode_png. */
export function decode_png(input: Uint8Array | Tensor, mode: ImageReadMode = "UNCHANGED"): Tensor {
  const bytes = input instanceof Tensor ? tensorBytes(input, "decode_png") : input;
  if (!isPng(bytes)) throw new RuntimeError("decode_png(): Content is not png");
  return decode_image(bytes, mode);
}

/** decode_jpeg, as torchvision.io.decode_jpeg. */
export function decode_jpeg(input: Uint8Array | Tensor, mode: ImageReadMode = "UNCHANGED"): Tensor {
  const bytes = input instanceof Tensor ? tensorBytes(input, "decode_jpeg") : input;
  if (!(bytes[0] === 0xff && bytes[1] === 0xd8)) throw new RuntimeError("decode_jpeg(): Not a JPEG file");
  return decode_image(bytes, mode);
}

/**
 * Encodes a uint8 tensor [C, H, W] (C = 1, 2, 3 or 4; another dtype is torchvision's RuntimeError) as PNG bytes.
 *
 * Args:
 *   input: the image; a float tensor is refused, as in torchvision (use `x.mul(255).round().int()`).
 *   compression_level: 0 (none) to 9 (smallest), default 6.
 */
export function encode_png(input: Tensor, compression_level = 6): Uint8Array {
  checkUint8(input);
  const { data, c, h, w } = chwBytes(input, "encode_png");
  if (!Number.isInteger(compression_level) || compression_level < 0 || compression_level > 9) {
    throw new RuntimeError(`encode_png(): Compression level should be between 0 and 9, got ${compression_level}`);
  }
  return pngOf(hwc(data, c, h, w), w, h, c, compression_level);
}

/**
 * Encodes a uint8 tensor [C, H, W] (C = 1 or 3) as JPEG bytes with
 * `@napi-rs/canvas` (Skia). `quality` 1..100, default 75 as torchvision. Skia writes a 3-component
 * JPEG even for a gray image, so a gray image reads back as 3 equal channels.
 */
export function encode_jpeg(input: Tensor, quality = 75): Uint8Array {
  checkUint8(input);
  const { data, c, h, w } = chwBytes(input, "encode_jpeg");
  if (c !== 1 && c !== 3) throw new RuntimeError(`encode_jpeg(): The number of channels should be 1 or 3, got: ${c}`);
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) throw new ValueError(`encode_jpeg(): Image quality should be a positive number between 1 and 100, got ${quality}`);
  const { createCanvas } = canvas();
  const cv = createCanvas(w, h);
  const ctx = cv.getContext("2d");
  const img = ctx.createImageData(w, h);
  const n = w * h;
  for (let i = 0; i < n; i++) {
    img.data[4 * i] = data[i];
    img.data[4 * i + 1] = data[(c === 3 ? n : 0) + i];
    img.data[4 * i + 2] = data[(c === 3 ? 2 * n : 0) + i];
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return new Uint8Array(cv.encodeSync("jpeg", quality));
}

/** Encodes `input` as JPEG (see encode_jpeg) and writes it to `filename`. */
export function write_jpeg(input: Tensor, filename: string, quality = 75): void {
  writeFileAtomic(filename, encode_jpeg(input, quality));
}

/** Encodes `input` (a uint8 tensor [C, H, W]) as PNG and writes it to `filename`. */
export function write_png(input: Tensor, filename: string, compression_level = 6): void {
  writeFileAtomic(filename, encode_png(input, compression_level));
}

// ---------------------------------------------------------------- tensor <-> Image

/** Image -> uint8 tensor [C, H, W] (PILToTensor). */
export function imageToTensor(img: Image): Tensor {
  const c = img.channels;
  const n = img.width * img.height;
  const out = new Uint8Array(n * c);
  const src = img.data;
  for (let ch = 0; ch < c; ch++) {
    const base = ch * n;
    for (let i = 0; i < n; i++) out[base + i] = src[i * c + ch];
  }
  return from_typed(out, [c, img.height, img.width], { dtype: D.uint8 });
}

/** Integer tensor [C, H, W] or [H, W], values 0..255 -> Image (values outside are clamped). */
export function tensorToImage(t: Tensor, mode?: ImageMode): Image {
  const { data, c, h, w } = chwBytes(t, "to_pil_image");
  const img = new Image(hwc(data, c, h, w), w, h, modeFor(c));
  return mode === undefined || mode === img.mode ? img : img.convert(mode);
}

function hwc(chw: Uint8Array, c: number, h: number, w: number): Uint8Array {
  const n = h * w;
  const out = new Uint8Array(n * c);
  for (let ch = 0; ch < c; ch++) for (let i = 0; i < n; i++) out[i * c + ch] = chw[ch * n + i];
  return out;
}

/** torchvision's encoders take uint8 images only (to_pil_image, which shares chwBytes, takes any integer dtype). */
function checkUint8(t: Tensor): void {
  if (t instanceof Tensor && t.dtype !== D.uint8) throw new RuntimeError("Input tensor dtype should be uint8");
}

function chwBytes(t: Tensor, op: string): { data: Uint8Array; c: number; h: number; w: number } {
  if (!(t instanceof Tensor)) throw new TypeError(`${op}(): input should be a Tensor, got ${typeof t}`);
  if (t.dtype._tf !== "int32") throw new RuntimeError(`${op}(): Input tensor dtype should be uint8 (torchlab: an integer tensor with values 0..255), got ${t.dtype}`);
  const shape = t.dim() === 2 ? [1, ...t.shape] : t.shape;
  if (shape.length !== 3 || shape[0] < 1 || shape[0] > 4) {
    throw new RuntimeError(`${op}(): Input tensor should be [C, H, W] with C in 1..4, got shape [${t.shape.join(", ")}]`);
  }
  const v = t.dataSync();
  const data = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) data[i] = v[i] < 0 ? 0 : v[i] > 255 ? 255 : v[i];
  return { data, c: shape[0], h: shape[1], w: shape[2] };
}

function tensorBytes(t: Tensor, op: string): Uint8Array {
  if (t.dim() !== 1 || t.dtype._tf !== "int32") throw new RuntimeError(`${op}(): Expected a 1-D uint8 tensor of the file's bytes, got ${t.dtype} [${t.shape.join(", ")}]`);
  return Uint8Array.from(t.dataSync());
}

function readBytes(path: string): Uint8Array {
  if (typeof path !== "string") throw new TypeError(`expected a file path string, got ${typeof path}`);
  if (!fs.existsSync(path)) throw new RuntimeError(noSuchFile(path).message);
  const b = fs.readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

// ---------------------------------------------------------------- decoding

function isPng(b: Uint8Array): boolean {
  return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

/**
 * Decodes any supported format into an Image with the file's own channel count. `what` names the
 * input in errors (a quoted path, or "decode_image input").
 */
/** PIL's plugin (module and class prefix) for each format torchlab decodes. */
const PLUGINS: Record<string, string> = { PNG: "Png", JPEG: "Jpeg", GIF: "Gif", BMP: "Bmp", WEBP: "WebP" };

/** The format PIL names a file by, from its signature. */
function fileFormat(b: Uint8Array): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (isPng(b)) return "PNG";
  if (b[0] === 0xff && b[1] === 0xd8) return "JPEG";
  if (ascii(0, 4) === "GIF8") return "GIF";
  if (ascii(0, 2) === "BM") return "BMP";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "WEBP";
  return null;
}

export function decodeToImage(bytes: Uint8Array, what: string): Image {
  try {
    if (isPng(bytes)) {
      const chunks = readPngChunks(bytes);
      if (chunks.header !== null) decompressionBombCheck(chunks.header.width, chunks.header.height, what);
      const png = decodePng(bytes, chunks);
      if (png) return new Image(png.data, png.width, png.height, modeFor(png.channels));
    }
    const size = headerSize(bytes);
    if (size !== null) decompressionBombCheck(size[0], size[1], what);
    return decodeWithCanvas(bytes, what);
  } catch (e) {
    if (e instanceof DecompressionBombError || !(e instanceof Error) || e.message.includes(what)) throw e;
    throw new RuntimeError(`${e.message} (in ${what})`);
  }
}

/** PIL's _decompression_bomb_check: warn past MAX_IMAGE_PIXELS, refuse past twice that. */
function decompressionBombCheck(width: number, height: number, what: string): void {
  const limit = Image.MAX_IMAGE_PIXELS;
  if (limit === null) return;
  const pixels = Math.max(1, width) * Math.max(1, height);
  if (pixels > 2 * limit) {
    throw new DecompressionBombError(`Image size (${pixels} pixels) exceeds limit of ${2 * limit} pixels, could be decompression bomb DOS attack (${what}; raise torchvision.io.Image.MAX_IMAGE_PIXELS, or set it to null, for images you trust).`);
  }
  if (pixels > limit) process.emitWarning(`Image size (${pixels} pixels) exceeds limit of ${limit} pixels, could be decompression bomb DOS attack (${what}).`, "DecompressionBombWarning");
}

/** [width, height] from a JPEG, GIF or BMP header, read before the image is decoded; null when unknown. */
function headerSize(b: Uint8Array): [number, number] | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return [dv.getUint16(6, true), dv.getUint16(8, true)];
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) return [Math.abs(dv.getInt32(18, true)), Math.abs(dv.getInt32(22, true))];
  const sof = jpegFrameHeader(b);
  return sof === null ? null : [dv.getUint16(sof + 7), dv.getUint16(sof + 5)];
}

/** The offset of a JPEG's frame header (its SOFn marker), or null for other formats or none found. */
function jpegFrameHeader(b: Uint8Array): number | null {
  if (!(b[0] === 0xff && b[1] === 0xd8)) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    const len = (b[i + 2] << 8) | b[i + 3];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return i;
    i += 2 + len;
  }
  return null;
}

type CanvasModule = typeof import("@napi-rs/canvas");
let canvasModule: CanvasModule | null = null;
function canvas(): CanvasModule {
  // Loaded on first use: most notebooks never decode a JPEG, and the native module costs start-up time.
  canvasModule ??= require("@napi-rs/canvas") as CanvasModule;
  return canvasModule;
}

function decodeWithCanvas(bytes: Uint8Array, what: string): Image {
  const { Image: SkImage, createCanvas } = canvas();
  const im = new SkImage();
  try {
    im.src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    throw new RuntimeError(`cannot identify image file ${what}: ${(e as Error).message}`);
  }
  if (!im.complete || im.width === 0 || im.height === 0) {
    throw new RuntimeError(`cannot identify image file ${what} (supported: PNG, JPEG, WebP, GIF, BMP)`);
  }
  // Formats whose header headerSize does not read (WebP) are checked before the canvas is allocated.
  decompressionBombCheck(im.width, im.height, what);
  const cv = createCanvas(im.width, im.height);
  const ctx = cv.getContext("2d");
  ctx.drawImage(im, 0, 0);
  const rgba = new Uint8Array(ctx.getImageData(0, 0, im.width, im.height).data.buffer.slice(0));
  const img = new Image(rgba, im.width, im.height, "RGBA");
  const channels = jpegChannels(bytes);
  if (channels === 1) return img.convert("L");
  // Formats without alpha (JPEG) come back opaque; keep the three colour channels, as PIL does.
  return channels === 3 || isOpaque(rgba) ? img.convert("RGB") : img;
}

function isOpaque(rgba: Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

/** The component count of a JPEG's frame header (SOFn), or null for other formats. */
function jpegChannels(b: Uint8Array): number | null {
  const sof = jpegFrameHeader(b);
  return sof === null ? null : b[sof + 9];
}

/** 8-bit PNG of HWC pixels with 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA) channels. */
function pngOf(hwcData: Uint8Array, width: number, height: number, channels: number, level: number): Uint8Array {
  return encodePng({ width, height, channels: channels as 1 | 2 | 3 | 4, data: hwcData }, level);
}
