/**
 * The PNG codec shared by torchvision.io (read_image, write_png, Image) and display (pictures,
 * save_image), on node's zlib alone.
 *
 * Why not the canvas's encoder: a canvas stores premultiplied RGBA, so a pixel with alpha < 255
 * loses colour precision on the way through it, and every image comes out as RGBA. Writing the few
 * PNG chunks ourselves keeps images exact (gray stays gray, RGB stays RGB, RGBA is lossless) and
 * keeps image saving working where the native canvas cannot load.
 */
import { constants as bufferConstants } from "buffer";
import { deflateSync, inflateSync } from "zlib";
import { RuntimeError, ValueError } from "../errors";
import { crc32 } from "./crc32";

/** Row-major height x width x channels bytes: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. */
export interface PixelImage {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array;
}

/** The IHDR fields, and the chunks a decoder needs. */
export interface PngChunks {
  header: { width: number; height: number; depth: number; colorType: number; interlace: number } | null;
  palette: Uint8Array | null;
  trns: Uint8Array | null;
  idat: Uint8Array[];
}

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE: Record<number, number> = { 1: 0, 2: 4, 3: 2, 4: 6 };
/** Samples per pixel of each colour type (3: one palette index). */
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** The bit depths the PNG specification allows for each colour type. */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The filtered byte of filter `type` at position i of a row (prev: the row above, or zeros). */
function filtered(type: number, row: Uint8Array, prev: Uint8Array, i: number, bpp: number): number {
  const a = i >= bpp ? row[i - bpp] : 0;
  const b = prev[i];
  const c = i >= bpp ? prev[i - bpp] : 0;
  const x = row[i];
  switch (type) {
    case 1: return (x - a) & 0xff;
    case 2: return (x - b) & 0xff;
    case 3: return (x - ((a + b) >> 1)) & 0xff;
    case 4: return (x - paeth(a, b, c)) & 0xff;
    default: return x;
  }
}

/**
 * Encodes pixels as a PNG (8 bits per channel, no interlace). Each row takes the filter with the
 * smallest sum of signed deviations, the heuristic libpng (and so torchvision's encode_png) uses;
 * it keeps grids of small images, with their flat padding, compact.
 *
 * Args:
 *   image: the pixels.
 *   level: zlib compression level, 0 (none) to 9 (smallest).
 */
export function encodePng(image: PixelImage, level = 9): Uint8Array {
  const { width, height, channels, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new ValueError(`encode_png(): width and height must be positive integers, got ${width}x${height}`);
  }
  if (!(channels in COLOR_TYPE)) throw new ValueError(`encode_png(): channels must be 1, 2, 3 or 4, got ${channels}`);
  const stride = width * channels;
  if (data.length !== stride * height) {
    throw new ValueError(`encode_png(): ${data.length} bytes do not fill ${height}x${width}x${channels}`);
  }
  const raw = new Uint8Array((stride + 1) * height);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = data.subarray(y * stride, (y + 1) * stride);
    let best = 0;
    let bestCost = Infinity;
    for (let type = 0; type < 5; type++) {
      let cost = 0;
      for (let i = 0; i < stride && cost < bestCost; i++) {
        const v = filtered(type, row, prev, i, channels);
        cost += v < 128 ? v : 256 - v;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = type;
      }
    }
    const o = y * (stride + 1);
    raw[o] = best;
    for (let i = 0; i < stride; i++) raw[o + 1 + i] = filtered(best, row, prev, i, channels);
    prev = row;
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header[8] = 8;
  header[9] = COLOR_TYPE[channels];
  const chunks: [string, Uint8Array][] = [["IHDR", header], ["IDAT", deflateSync(raw, { level })], ["IEND", new Uint8Array(0)]];
  const out = new Uint8Array(chunks.reduce((n, [, body]) => n + 12 + body.length, PNG_SIGNATURE.length));
  const dv = new DataView(out.buffer);
  out.set(PNG_SIGNATURE);
  let pos = PNG_SIGNATURE.length;
  for (const [type, body] of chunks) {
    dv.setUint32(pos, body.length);
    for (let k = 0; k < 4; k++) out[pos + 4 + k] = type.charCodeAt(k);
    out.set(body, pos + 8);
    dv.setUint32(pos + 8 + body.length, crc32(out.subarray(pos + 4, pos + 8 + body.length)));
    pos += 12 + body.length;
  }
  return out;
}

/**
 * Splits a PNG (after its signature) into the IHDR fields and the chunks the decoder reads. A chunk
 * cut short by the end of the data is an error (PIL: "image file is truncated"); a file that ends
 * after its last complete chunk without IEND is read as far as it goes.
 */
export function readPngChunks(b: Uint8Array): PngChunks {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: PngChunks = { header: null, palette: null, trns: null, idat: [] };
  let pos = PNG_SIGNATURE.length;
  while (pos + 8 <= b.length) {
    const len = dv.getUint32(pos);
    const type = String.fromCharCode(b[pos + 4], b[pos + 5], b[pos + 6], b[pos + 7]);
    if (pos + 8 + len > b.length) {
      throw new RuntimeError(`decode_png(): image file is truncated (the ${JSON.stringify(type)} chunk at byte ${pos} needs ${len} bytes, ${b.length - pos - 8} remain)`);
    }
    const body = b.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      if (len !== 13) throw new RuntimeError(`decode_png(): the IHDR chunk has ${len} bytes, not 13 (the file is corrupted)`);
      out.header = { width: dv.getUint32(pos + 8), height: dv.getUint32(pos + 12), depth: body[8], colorType: body[9], interlace: body[12] };
    } else if (type === "PLTE") out.palette = body;
    else if (type === "tRNS") out.trns = body;
    else if (type === "IDAT") out.idat.push(body);
    else if (type === "IEND") break;
    pos += 12 + len;
  }
  return out;
}

/**
 * Decodes a non-interlaced PNG of any colour type and bit depth into 8-bit pixels: 16-bit keeps the
 * high byte, 1/2/4-bit gray scales up to 0..255, a palette image becomes RGB (RGBA with a tRNS chunk).
 * Returns null for an interlaced image (or one without IHDR), which the caller hands to another decoder.
 */
export function decodePng(b: Uint8Array, chunks: PngChunks = readPngChunks(b)): PixelImage | null {
  const { header, palette, trns, idat } = chunks;
  if (header === null || header.interlace !== 0 || header.width === 0) return null;
  const { width, height, depth, colorType } = header;
  const samples = SAMPLES[colorType];
  if (samples === undefined) throw new RuntimeError(`decode_png(): unsupported PNG colour type ${colorType}`);
  if (!DEPTHS[colorType].includes(depth)) throw new RuntimeError(`decode_png(): bit depth ${depth} is invalid for colour type ${colorType} (the file is corrupted)`);
  const bitsPerPixel = samples * depth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  // The header fixes the inflated size, so inflating stops there (a small file cannot inflate to GiBs).
  const need = height * (stride + 1);
  const outChannels = colorType === 3 ? (trns !== null ? 4 : 3) : samples;
  if (need > bufferConstants.MAX_LENGTH || width * height * outChannels > bufferConstants.MAX_LENGTH) {
    throw new RuntimeError(`decode_png(): a ${width}x${height} image is too large to decode`);
  }
  let raw: Uint8Array;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: Math.max(1, need) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new RuntimeError(`decode_png(): the image data inflates past the ${need} bytes a ${width}x${height} image needs (the file is corrupted)`);
    }
    throw new RuntimeError(`decode_png(): corrupt PNG data: ${(e as Error).message}`);
  }
  if (raw.length < height * (stride + 1)) throw new RuntimeError("decode_png(): truncated PNG image data");
  const rows = new Uint8Array(height * stride);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    if (filter > 4) throw new RuntimeError(`decode_png(): bad filter type ${filter}`);
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[x - bpp] : 0;
      const up = prev[x];
      const predictor = filter === 1 ? a : filter === 2 ? up : filter === 3 ? (a + up) >> 1 : filter === 4 ? paeth(a, up, x >= bpp ? prev[x - bpp] : 0) : 0;
      out[x] = (line[x] + predictor) & 0xff;
    }
    prev = out;
  }
  if (depth === 8 && colorType !== 3) return { width, height, channels: samples as 1 | 2 | 3 | 4, data: rows };
  const sample = (y: number, i: number): number => {
    const row = y * stride;
    if (depth === 8) return rows[row + i];
    if (depth === 16) return rows[row + 2 * i];
    const perByte = 8 / depth;
    const byte = rows[row + Math.floor(i / perByte)];
    const v = (byte >> (8 - depth * (1 + (i % perByte)))) & ((1 << depth) - 1);
    return colorType === 3 ? v : Math.round((v * 255) / ((1 << depth) - 1));
  };
  if (colorType === 3) {
    if (!palette) throw new RuntimeError("decode_png(): palette image without PLTE chunk");
    const c = trns !== null ? 4 : 3;
    const out = new Uint8Array(width * height * c);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const idx = sample(y, x);
        const o = (y * width + x) * c;
        out[o] = palette[idx * 3];
        out[o + 1] = palette[idx * 3 + 1];
        out[o + 2] = palette[idx * 3 + 2];
        if (trns !== null) out[o + 3] = idx < trns.length ? trns[idx] : 255;
      }
    }
    return { width, height, channels: c, data: out };
  }
  const out = new Uint8Array(width * height * samples);
  for (let y = 0; y < height; y++) for (let i = 0; i < width * samples; i++) out[y * width * samples + i] = sample(y, i);
  return { width, height, channels: samples as 1 | 2 | 3 | 4, data: out };
}
