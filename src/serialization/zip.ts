/**
 * A small reader for the zip container PyTorch's torch.save writes (since 1.6): the central
 * directory locates each entry; entries are normally stored (PyTorch aligns them, uncompressed),
 * deflate is handled through node:zlib. Zip64 sizes and offsets are understood. torchvision's
 * extract_archive reads dataset .zip files with it too (src/torchvision/datasets/archive.ts).
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { crc32 } from "./crc32";

export class ZipFormatError extends Error {}

/** Deflate's largest expansion: 258 bytes from a 2-bit code, about 1032 to 1. */
const MAX_DEFLATE_RATIO = 1032;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError(`a zip64 field (${v}) is too large`);
  return Number(v);
}

/**
 * Random access to the bytes of a zip archive: a Buffer already in memory (torch.load), or a file
 * read piece by piece (zipFileSource: a dataset archive of hundreds of MB is never held whole).
 */
export interface ZipSource {
  readonly length: number;
  /** `length` bytes from `offset` (fewer only past the end). */
  read(offset: number, length: number): Buffer;
}

function bufferSource(buf: Buffer): ZipSource {
  return { length: buf.length, read: (offset, length) => buf.subarray(offset, offset + length) };
}

/** A ZipSource over an open file descriptor (the caller closes it). */
export function zipFileSource(fd: number): ZipSource {
  const length = fs.fstatSync(fd).size;
  return {
    length,
    read(offset, n) {
      const out = Buffer.alloc(Math.max(0, Math.min(n, length - offset)));
      fs.readSync(fd, out, 0, out.length, offset);
      return out;
    },
  };
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly src: ZipSource;

  constructor(source: Buffer | ZipSource) {
    const src = Buffer.isBuffer(source) ? bufferSource(source) : source;
    this.src = src;
    const minEocd = 22;
    if (src.length < minEocd) throw new ZipFormatError(`file is ${src.length} bytes, too short for a zip archive`);
    // The end record sits in the last 22 + 65535 (comment) bytes; offsets below are the file's.
    const tailStart = Math.max(0, src.length - minEocd - 0xffff);
    const tail = src.read(tailStart, src.length - tailStart);
    let eocd = -1;
    for (let i = tail.length - minEocd; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipFormatError("failed finding central directory (the file is truncated or not a zip archive)");
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== EOCD64_LOCATOR) throw new ZipFormatError("zip64 end-of-central-directory locator missing");
      const at = u64(tail, loc + 8);
      const rec = at + 56 <= src.length ? src.read(at, 56) : null;
      if (rec === null || rec.readUInt32LE(0) !== EOCD64) throw new ZipFormatError("zip64 end-of-central-directory record missing");
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
    if (cdOffset + cdSize > src.length) throw new ZipFormatError(`central directory (offset ${cdOffset}, ${cdSize} bytes) lies past the end of the file (${src.length} bytes): the file is truncated`);
    const buf = src.read(cdOffset, cdSize);
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError(`central directory entry ${n} is corrupt`);
      const method = buf.readUInt16LE(p + 10);
      const crc = buf.readUInt32LE(p + 16);
      let compressedSize = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let localOffset = buf.readUInt32LE(p + 42);
      if (p + 46 + nameLen + extraLen + commentLen > buf.length) throw new ZipFormatError(`central directory entry ${n} runs past the end of the file: the file is truncated`);
      const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
      // Zip64 extended information: the 0xffffffff fields, in order, in extra block 0x0001.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const len = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const field = (): number => {
            if (q + 8 > Math.min(end, e + 4 + len)) throw new ZipFormatError(`central directory entry ${n} has a short zip64 field`);
            q += 8;
            return u64(buf, q - 8);
          };
          if (size === 0xffffffff) size = field();
          if (compressedSize === 0xffffffff) compressedSize = field();
          if (localOffset === 0xffffffff) localOffset = field();
        }
        e += 4 + len;
      }
      this.entries.set(name, { name, method, crc, compressedSize, size, localOffset });
      p = end + commentLen;
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The bytes of entry `name`, decompressed and CRC-checked. */
  read(name: string): Buffer {
    const e = this.entries.get(name);
    if (!e) throw new ZipFormatError(`archive has no entry '${name}'`);
    const src = this.src;
    const local = e.localOffset + 30 <= src.length ? src.read(e.localOffset, 30) : null;
    if (local === null || local.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`local header of '${name}' is corrupt`);
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + e.compressedSize > src.length) throw new ZipFormatError(`entry '${name}' (${e.compressedSize} bytes at offset ${start}) runs past the end of the file: the file is truncated`);
    const raw = src.read(start, e.compressedSize);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      // The directory gives the inflated size, so inflating stops there: a deflate bomb (a few MiB
      // that inflate to GiBs) costs no more than the size it declares, and that size cannot pass
      // what deflate can reach from the compressed bytes.
      if (e.size > e.compressedSize * MAX_DEFLATE_RATIO + 1024) {
        throw new ZipFormatError(`entry '${name}' claims ${e.size} bytes from ${e.compressedSize} compressed bytes, more than deflate can expand (${MAX_DEFLATE_RATIO}x): the file is corrupted`);
      }
      try {
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new ZipFormatError(`entry '${name}' inflates past the ${e.size} bytes the directory gives: the file is corrupted`);
        throw new ZipFormatError(`entry '${name}' does not inflate: ${(err as Error).message}`);
      }
    } else throw new ZipFormatError(`entry '${name}' uses zip compression method ${e.method}; only stored (0) and deflate (8) are supported`);
    if (data.length !== e.size) throw new ZipFormatError(`entry '${name}' has ${data.length} bytes, the directory says ${e.size}`);
    if (crc32(data) !== e.crc) throw new ZipFormatError(`entry '${name}' fails its CRC-32 check: the file is corrupted`);
    return data;
  }
}

/** The largest offset or size a zip without zip64 records can hold. */
export const ZIP32_LIMIT = 0xffffffff;

/**
 * How a writer lays out the stored (uncompressed) entries of its archive: the local header's extra
 * field, the DOS date, and the central record's "version made by" and external attributes.
 */
export interface ZipLayout {
  /** The local extra field of an entry whose local header starts at `offset`. */
  localExtra(nameLength: number, offset: number, size: number): Buffer;
  /** The DOS date both headers carry (the time is 0: midnight). */
  readonly dosDate: number;
  readonly madeBy: number;
  readonly externalAttr: number;
}

/**
 * PyTorch's writer (miniz): each entry's data starts on a multiple of `align` bytes thanks to a padding
 * extra field ("FB", filled with 'Z'), so that a reader can map storages straight from the file; no date.
 */
function pytorchLayout(align: number): ZipLayout {
  return {
    localExtra(nameLength, offset) {
      const pad = (align - ((offset + 30 + nameLength + 4) % align)) % align;
      const extra = Buffer.alloc(4 + pad, 0x5a);
      extra.writeUInt16LE(0x4246, 0); // "FB"
      extra.writeUInt16LE(pad, 2);
      return extra;
    },
    dosDate: 0,
    madeBy: 20,
    externalAttr: 0,
  };
}

/**
 * Python's zipfile as NumPy's savez calls it (force_zip64): a zip64 extra field with both sizes in each
 * local header, dated 1980-01-01, made by Unix (0x0314) with mode 0600.
 */
export const PYTHON_ZIP64_LAYOUT: ZipLayout = {
  localExtra(_nameLength, _offset, size) {
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(size), 4);
    extra.writeBigUInt64LE(BigInt(size), 12);
    return extra;
  },
  dosDate: 0x21,
  madeBy: 0x0314,
  externalAttr: 0x01800000,
};

/**
 * Writes a zip archive of stored entries the way PyTorch's writer does (pytorchLayout), or as `layout`
 * says. Zip64 end records are not written: archives whose sizes or offsets pass `limit` are refused.
 */
export function writeZip(entries: { name: string; data: Uint8Array }[], align = 64, limit = ZIP32_LIMIT, layout: ZipLayout = pytorchLayout(align)): Buffer {
  const parts: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const extra = layout.localExtra(nameBytes.length, offset, data.length);
    if (offset > limit || data.length > limit || offset + 30 + nameBytes.length + extra.length + data.length > limit) {
      throw new ZipFormatError(`the archive would pass ${limit} bytes at entry '${name}', which needs zip64 records that torchlab does not write; save in the safetensors format instead ({format: "safetensors"})`);
    }
    const crc = crc32(data);
    const local = Buffer.alloc(30 + nameBytes.length);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed to extract: 2.0
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(layout.dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(extra.length, 28);
    nameBytes.copy(local, 30);
    const central = Buffer.alloc(46 + nameBytes.length);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(layout.madeBy, 4);
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(layout.dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(layout.externalAttr, 38);
    central.writeUInt32LE(offset, 42);
    nameBytes.copy(central, 46);
    parts.push(local, extra, data);
    centrals.push(central);
    offset += local.length + extra.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  if (entries.length > 0xffff || offset + cd.length > limit) {
    throw new ZipFormatError(`the archive's central directory would pass ${limit} bytes (or 65535 entries), which needs zip64 records that torchlab does not write; save in the safetensors format instead ({format: "safetensors"})`);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, eocd]);
}
