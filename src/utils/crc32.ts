/** CRC-32 (the zip/PNG polynomial): checkpoint integrity checks and PNG chunks. Uses zlib's when Node has it. */
import * as zlib from "zlib";

let table: Uint32Array | null = null;

/** The byte table of a reflected CRC-32 with polynomial `poly` (zip's 0xedb88320; CRC-32C's 0x82f63b78). */
export function makeTable(poly = 0xedb88320): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? poly ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

const native = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  if (native) return native(data, crc) >>> 0;
  table ??= makeTable();
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
