/**
 * The display layer's PNG entry points, over the shared codec (src/utils/png.ts): `encode_png` gives
 * a Buffer (pictures go out base64), `decode_png` reads back what `encode_png` and most image tools
 * write. The canvas still draws text (labels, titles, charts); its pixels come back here.
 */
import { ValueError } from "../errors";
import { decodePng, encodePng, PixelImage, PNG_SIGNATURE, readPngChunks } from "../utils/png";

export type { PixelImage } from "../utils/png";

const CHANNELS_OF: Record<number, 1 | 2 | 3 | 4> = { 0: 1, 4: 2, 2: 3, 6: 4 };

/** Encodes pixels as an 8-bit PNG at zlib level 9 (see `encodePng` for the filter heuristic). */
export function encode_png(image: PixelImage): Buffer {
  const png = encodePng(image, 9);
  return Buffer.from(png.buffer, png.byteOffset, png.length);
}

/**
 * Decodes an 8-bit, non-interlaced gray / gray+alpha / RGB / RGBA PNG (what {@link encode_png} and
 * most image tools write). Palette, 16-bit and interlaced files raise a ValueError naming the field.
 */
export function decode_png(bytes: Uint8Array): PixelImage {
  if (bytes.length < 8 || PNG_SIGNATURE.some((v, i) => bytes[i] !== v)) throw new ValueError("decode_png(): not a PNG file (bad signature)");
  const chunks = readPngChunks(bytes);
  if (chunks.header !== null) {
    const { depth, colorType, interlace } = chunks.header;
    if (depth !== 8) throw new ValueError(`decode_png(): bit depth ${depth} is not supported (only 8)`);
    if (!(colorType in CHANNELS_OF)) throw new ValueError(`decode_png(): color type ${colorType} is not supported (only 0, 2, 4, 6)`);
    if (interlace !== 0) throw new ValueError("decode_png(): interlaced PNGs are not supported");
  }
  const image = chunks.header === null || chunks.header.width === 0 || chunks.idat.length === 0 ? null : decodePng(bytes, chunks);
  if (image === null) throw new ValueError("decode_png(): missing IHDR or IDAT chunk");
  return image;
}
