/**
 * PNG encoding and decoding of 8-bit pixel arrays, on node's zlib alone.
 *
 * Why not the canvas's encoder: a canvas stores premultiplied RGBA, so a pixel with alpha < 255
 * loses colour precision on the way through it, and every image comes out as RGBA. Writing the few
 * PNG chunks ourselves keeps `save_image` exact (gray stays gray, RGB stays RGB, RGBA is lossless),
 * makes the files smaller, and keeps image saving working where the native canvas cannot load.
 * The canvas is still what draws text (labels, titles, charts); its pixels come back here.
 */
import { deflateSync, inflateSync } from "zlib";
import { ValueError } from "../errors";

/** Row-major height x width x channels bytes: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. */
export interface PixelImage {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE: Record<number, number> = { 1: 0, 2: 4, 3: 2, 4: 6 };
const CHANNELS_OF: Record<number, 1 | 2 | 3 | 4> = { 0: 1, 4: 2, 2: 3, 6: 4 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(body.buffer, body.byteOffset, body.length).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

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
 * smallest sum of signed deviations, the heuristic libpng recommends; it keeps grids of small
 * images, with their flat padding, compact.
 */
export function encode_png(image: PixelImage): Buffer {
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
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = COLOR_TYPE[channels];
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/**
 * Decodes an 8-bit, non-interlaced gray / gray+alpha / RGB / RGBA PNG (what {@link encode_png} and
 * most image tools write). Palette, 16-bit and interlaced files raise a ValueError naming the field.
 */
export function decode_png(bytes: Uint8Array): PixelImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new ValueError("decode_png(): not a PNG file (bad signature)");
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels: 1 | 2 | 3 | 4 = 1;
  const idat: Buffer[] = [];
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString("ascii", pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8) throw new ValueError(`decode_png(): bit depth ${depth} is not supported (only 8)`);
      if (!(colorType in CHANNELS_OF)) throw new ValueError(`decode_png(): color type ${colorType} is not supported (only 0, 2, 4, 6)`);
      if (interlace !== 0) throw new ValueError("decode_png(): interlaced PNGs are not supported");
      channels = CHANNELS_OF[colorType];
    } else if (type === "IDAT") {
      idat.push(body);
    } else if (type === "IEND") {
      break;
    }
    pos += 12 + length;
  }
  if (width === 0 || idat.length === 0) throw new ValueError("decode_png(): missing IHDR or IDAT chunk");
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = data.subarray(y * stride, (y + 1) * stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const predictor = type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : type === 4 ? paeth(a, b, c) : 0;
      row[i] = (src[i] + predictor) & 0xff;
    }
    prev = row;
  }
  return { width, height, channels, data };
}
